//! `ekostyr verify REPORT.json`: re-runs from the rule files and the input the
//! report names and says whether it reproduces the report exactly, or which
//! files changed since. The report is read through the same type `run` writes
//! ([`crate::report::json::parse`]), so the two cannot disagree about its shape.

use crate::check::confine;
use crate::diagnostic::echo;
use crate::eval::results::{InputFile, Provenance};
use crate::i18n::Lang;
use crate::session::Session;
use std::path::{Path, PathBuf};

/// Whether a report reproduces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The same files give the same report, byte for byte.
    Reproduces,
    /// They do not: which files changed, or the first line that differs.
    Changed(Vec<String>),
}

/// Re-runs the report at `report` from the files its provenance names. Only files
/// in the report's folder tree or under `--rot`, and only regular files and CSV
/// folders, are read; when it names any other, nothing is read and the error lists them.
pub fn verify(report: &Path) -> Result<Verdict, String> {
    let text = read_report(report)?;
    let p = crate::report::json::parse(&text).map_err(|e| crate::tr!("verify-not-json", reason = e))?.provenance;
    let (Some(rules), Some(input)) = (p.rules.first(), p.input.as_ref()) else {
        return Err(crate::tr!("verify-no-provenance"));
    };
    if rules.file.is_empty() || input.file.is_empty() {
        return Err(crate::tr!("verify-no-provenance"));
    }
    let base = report.parent().unwrap_or(Path::new(""));
    let named = p.rules.iter().map(|r| (&r.file, &r.sha256));
    let inputs = p.input.iter().chain(&p.previous_input).map(|i| (&i.file, &i.sha256));
    let named: Vec<(&String, &String)> = named.chain(inputs).collect();
    refuse_outside(base, named.iter().map(|(f, _)| f.as_str()))?;
    let changed: Vec<String> = named.into_iter().filter_map(|(f, h)| changed_file(base, f, h)).collect();
    if !changed.is_empty() {
        return Ok(Verdict::Changed(changed));
    }
    let reruns = rerun(base, &p)?;
    if reruns.contains(&text) {
        return Ok(Verdict::Reproduces);
    }
    Ok(Verdict::Changed(vec![first_difference(&text, &reruns[0])]))
}

/// The report's text; only a regular file is read, so a FIFO cannot block.
fn read_report(report: &Path) -> Result<String, String> {
    let cannot = |reason: String| crate::tr!("verify-cannot-read", reason = reason);
    confine::file_or_folder(report, false).map_err(|r| cannot(r.reason()))?;
    std::fs::read_to_string(report).map_err(|e| cannot(crate::error::io_reason(&e)))
}

/// An error naming every file that lies outside the report's folder tree and the
/// root, or is neither a regular file nor a folder (a FIFO would block the hash).
/// A missing file is left to be reported as missing.
fn refuse_outside<'a>(base: &Path, names: impl Iterator<Item = &'a str>) -> Result<(), String> {
    let refused: Vec<String> = names
        .filter_map(|name| {
            let checked = confine::within(&locate(base, name), base).and_then(|t| confine::file_or_folder(&t, true));
            match checked {
                Ok(_) | Err(confine::Refusal::Io(_)) => None,
                Err(r @ confine::Refusal::Outside(_)) => Some(crate::tr!("confine-outside", path = echo(name), reason = r.reason())),
                Err(r) => Some(crate::tr!("confine-cannot-read", path = echo(name), reason = r.reason())),
            }
        })
        .collect();
    match refused.is_empty() {
        true => Ok(()),
        false => {
            let hint = format!("{}: {}", crate::tr!("diag-hint"), crate::tr!("confine-hint-rot"));
            Err(format!("{}\n  {}\n  = {hint}", crate::tr!("confine-verify-refused"), refused.join("\n  ")))
        }
    }
}

fn first_difference(was: &str, now: &str) -> String {
    let first = was.lines().zip(now.lines()).enumerate().find(|(_, (a, b))| a != b);
    let line = first
        .map(|(i, (a, b))| crate::tr!("verify-line-differs", line = i + 1, was = echo(a.trim()), now = echo(b.trim())))
        .unwrap_or_else(|| crate::tr!("verify-length-differs"));
    crate::tr!("verify-different-report", line = line)
}

/// A file as named in the report: relative to the current directory, else to the report's.
fn locate(base: &Path, name: &str) -> PathBuf {
    let direct = PathBuf::from(name);
    if direct.exists() { direct } else { base.join(name) }
}

fn changed_file(base: &Path, name: &str, expected: &str) -> Option<String> {
    let path = locate(base, name);
    let now = crate::session::hash_input(&path).ok();
    match now {
        None => Some(crate::tr!("verify-file-missing", file = echo(name))),
        Some(h) if h != expected => Some(crate::tr!("verify-file-changed", file = echo(name), was = echo(expected), now = h)),
        Some(_) => None,
    }
}

/// The report the named files give now, rendered in each language (a report's notes
/// are in the language it was written in).
fn rerun(base: &Path, p: &Provenance) -> Result<Vec<String>, String> {
    let (rules_name, input) = match (p.rules.first(), &p.input) {
        (Some(r), Some(i)) => (&r.file, i),
        _ => return Err(crate::tr!("verify-no-provenance")),
    };
    let rules_path = locate(base, rules_name);
    let model = crate::session::rules(&rules_path).map_err(|e| e.to_string())?.model;
    let mut session = Session::new(model, &rules_path, &locate(base, &input.file));
    session.rules[0].file = rules_name.clone();
    session.input_name = input.file.clone();
    session.period = p.period.clone();
    session.overrides = p.overrides.clone();
    session.previous_input = p.previous_input.as_ref().map(|f| locate(base, &f.file));
    let mut report = session.evaluate(&mut |_| {}).map_err(|e| e.to_string())?;
    if let Some(board) = &p.board {
        report = report.for_board(board).ok_or_else(|| crate::tr!("followup-verify-no-board", board = board))?;
    }
    if let (Some(InputFile { file, .. }), Some(prev)) = (&p.previous_input, report.provenance.previous_input.as_mut()) {
        prev.file = file.clone();
    }
    Ok(Lang::ALL.iter().map(|l| crate::report::json::render_in(&report, *l)).collect())
}
