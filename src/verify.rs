//! `ekostyr verify REPORT.json`: re-runs from the rule files and the input the
//! report names and says whether it reproduces the report exactly, or which
//! files changed since.

use crate::cli::{Format, RunArgs, VerifyArgs};
use crate::commands::Outcome;
use crate::run::sha256;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// `ekostyr verify`
pub fn command(args: &VerifyArgs) -> Outcome {
    match verify(&args.report) {
        Ok(Verdict::Reproduces) => {
            println!("{}: reproduces exactly", args.report.display());
            Outcome::Ok
        }
        Ok(Verdict::Changed(lines)) => {
            println!("{}: does not reproduce", args.report.display());
            lines.iter().for_each(|l| println!("  {l}"));
            Outcome::Failed
        }
        Err(e) => {
            eprintln!("{}: {}", args.report.display(), e.trim_end());
            Outcome::Error
        }
    }
}

enum Verdict {
    Reproduces,
    Changed(Vec<String>),
}

fn verify(report: &Path) -> Result<Verdict, String> {
    let text = std::fs::read_to_string(report).map_err(|e| format!("cannot read the report: {e}"))?;
    let json: Value = serde_json::from_str(&text).map_err(|e| format!("not a JSON report: {e}"))?;
    let p = &json["provenance"];
    let base = report.parent().unwrap_or(Path::new(""));
    let mut named: Vec<(String, String)> =
        p["rules"].as_array().map(|r| r.iter().map(|x| (str_of(&x["file"]), str_of(&x["sha256"]))).collect()).unwrap_or_default();
    named.push((str_of(&p["input"]["file"]), str_of(&p["input"]["sha256"])));
    let previous = p.get("previous_input").map(|x| (str_of(&x["file"]), str_of(&x["sha256"])));
    let checked: Vec<&(String, String)> = named.iter().chain(previous.iter()).collect();
    if named.iter().any(|(f, _)| f.is_empty()) {
        return Err("the report names no rule file or input (was it written with `--format json`?)".into());
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
        .map(|(i, (a, b))| format!("line {}: was `{}`, now `{}`", i + 1, a.trim(), b.trim()))
        .unwrap_or_else(|| "the report's length differs".into());
    Ok(Verdict::Changed(vec![format!("the same files give a different report ({line}); was it written by another engine version?")]))
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
    let now = if path.is_dir() { crate::run::hash_input(&path).ok() } else { std::fs::read(&path).ok().map(|b| sha256(&b)) };
    match now {
        None => Some(format!("{name}: missing")),
        Some(h) if h != expected => Some(format!("{name}: changed (sha256 was {expected}, now {h})")),
        Some(_) => None,
    }
}

fn rerun(base: &Path, named: &[(String, String)], previous: Option<&str>, p: &Value) -> Result<String, String> {
    let rules_name = &named[0].0;
    let input_name = &named[named.len() - 1].0;
    let args = RunArgs {
        rules: locate(base, rules_name),
        input: locate(base, input_name),
        period: p["period"].as_str().map(str::to_string),
        previous_input: previous.map(|f| locate(base, f)),
        format: Format::Json,
        output: None,
        overrides: p["overrides"].as_array().map(|o| o.iter().map(str_of).collect()).unwrap_or_default(),
    };
    let mut job = crate::run::job(&args).map_err(|e| e.0)?;
    job.rules[0].0 = rules_name.clone();
    job.input_name = input_name.clone();
    let mut report = crate::run::evaluate(job).map_err(|e| e.0)?;
    if let (Some(f), Some(prev)) = (previous, report.provenance.previous_input.as_mut()) {
        prev.0 = f.to_string();
    }
    Ok(crate::report::json::render(&report))
}
