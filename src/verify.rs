//! `ekostyr verify REPORT.json`: re-runs from the rule files and the input the
//! report names and says whether it reproduces the report exactly, or which
//! files changed since.

use crate::session::{Session, sha256};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Whether a report reproduces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The same files give the same report, byte for byte.
    Reproduces,
    /// They do not: which files changed, or the first line that differs.
    Changed(Vec<String>),
}

/// Re-runs the report at `report` from the files its provenance names.
pub fn verify(report: &Path) -> Result<Verdict, String> {
    let text = std::fs::read_to_string(report).map_err(|e| crate::tr!("verify-cannot-read", reason = crate::error::io_reason(&e)))?;
    let json: Value = serde_json::from_str(&text).map_err(|e| crate::tr!("verify-not-json", reason = e.to_string()))?;
    let p = &json["provenance"];
    let base = report.parent().unwrap_or(Path::new(""));
    let mut named: Vec<(String, String)> =
        p["rules"].as_array().map(|r| r.iter().map(|x| (str_of(&x["file"]), str_of(&x["sha256"]))).collect()).unwrap_or_default();
    named.push((str_of(&p["input"]["file"]), str_of(&p["input"]["sha256"])));
    let previous = p.get("previous_input").map(|x| (str_of(&x["file"]), str_of(&x["sha256"])));
    let checked: Vec<&(String, String)> = named.iter().chain(previous.iter()).collect();
    if named.iter().any(|(f, _)| f.is_empty()) {
        return Err(crate::tr!("verify-no-provenance"));
    }
    let changed: Vec<String> = checked.iter().filter_map(|(f, h)| changed_file(base, f, h)).collect();
    if !changed.is_empty() {
        return Ok(Verdict::Changed(changed));
    }
    let rerun = rerun(base, &named, previous.as_ref().map(|x| x.0.as_str()), p)?;
    if rerun == text {
        return Ok(Verdict::Reproduces);
    }
    let first = text.lines().zip(rerun.lines()).enumerate().find(|(_, (a, b))| a != b);
    let line = first
        .map(|(i, (a, b))| crate::tr!("verify-line-differs", line = i + 1, was = a.trim(), now = b.trim()))
        .unwrap_or_else(|| crate::tr!("verify-length-differs"));
    Ok(Verdict::Changed(vec![crate::tr!("verify-different-report", line = line)]))
}

fn str_of(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

/// A file as named in the report: relative to the current directory, else to the report's.
fn locate(base: &Path, name: &str) -> PathBuf {
    let direct = PathBuf::from(name);
    if direct.exists() { direct } else { base.join(name) }
}

fn changed_file(base: &Path, name: &str, expected: &str) -> Option<String> {
    let path = locate(base, name);
    let now = if path.is_dir() { crate::session::hash_input(&path).ok() } else { std::fs::read(&path).ok().map(|b| sha256(&b)) };
    match now {
        None => Some(crate::tr!("verify-file-missing", file = name)),
        Some(h) if h != expected => Some(crate::tr!("verify-file-changed", file = name, was = expected, now = h)),
        Some(_) => None,
    }
}

fn rerun(base: &Path, named: &[(String, String)], previous: Option<&str>, p: &Value) -> Result<String, String> {
    let rules_name = &named[0].0;
    let input_name = &named[named.len() - 1].0;
    let rules_path = locate(base, rules_name);
    let model = crate::session::rules(&rules_path).map_err(|e| e.to_string())?.model;
    let mut session = Session::new(model, &rules_path, &locate(base, input_name));
    session.rules[0].file = rules_name.clone();
    session.input_name = input_name.clone();
    session.period = p["period"].as_str().map(str::to_string);
    session.overrides = p["overrides"].as_array().map(|o| o.iter().map(str_of).collect()).unwrap_or_default();
    session.previous_input = previous.map(|f| locate(base, f));
    let mut report = session.evaluate(&mut |_| {}).map_err(|e| e.to_string())?;
    if let (Some(f), Some(prev)) = (previous, report.provenance.previous_input.as_mut()) {
        prev.0 = f.to_string();
    }
    Ok(crate::report::json::render(&report))
}
