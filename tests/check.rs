//! The checker's diagnostics: one broken rule file per problem in `tests/check/`,
//! each with a snapshot of what the user sees; the CLI's exit codes; and every
//! shipped rule file checking clean.
//!
//! Paths are relative to the package root (cargo runs integration tests there), so
//! the snapshots hold `tests/check/x.ek:3:5`, never an absolute path.

use ekostyr::check::{Checked, check_path};
use ekostyr::diagnostic::Severity;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `path` relative to the package root, with `/` separators.
fn relative(path: &Path) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root).map(Path::to_path_buf).unwrap_or_else(|_| path.to_path_buf())
}

fn check(path: &Path) -> Checked {
    let cwd = std::env::current_dir().expect("current dir");
    assert_eq!(cwd, Path::new(env!("CARGO_MANIFEST_DIR")), "tests must run from the package root");
    check_path(&relative(path)).unwrap_or_else(|e| panic!("{e}"))
}

fn count(checked: &Checked, severity: Severity) -> usize {
    let here = checked.diagnostics.0.iter();
    let upstream = checked.upstream.iter().flat_map(|(_, d)| d.0.iter());
    here.chain(upstream).filter(|d| d.severity == severity).count()
}

/// Every file in `tests/check/` has at least one error; the snapshot shows them all.
/// (`check/*.ek` leaves out `check/chain/`, whose files belong together.)
#[test]
fn diagnostics() {
    insta::glob!("check/*.ek", |path| {
        let checked = check(path);
        let rendered = checked.render();
        assert!(checked.has_errors(), "{} should have errors, but got:\n{rendered}", path.display());
        assert!(checked.model.is_none(), "{}: a file with errors has no model", path.display());
        assert!(!rendered.contains("/work/") && !rendered.contains("/tmp/"), "absolute path in:\n{rendered}");
        insta::assert_snapshot!(rendered);
    });
}

/// A file building on another with the wrong version step gets a warning, not an
/// error, and still yields a model.
#[test]
fn version_warning() {
    let checked = check(Path::new("tests/check/chain/b.ek"));
    let rendered = checked.render();
    assert!(!checked.has_errors(), "chain/b.ek should have no errors, but got:\n{rendered}");
    assert!(count(&checked, Severity::Warning) >= 1, "chain/b.ek should have a warning, but got:\n{rendered}");
    assert!(checked.model.is_some(), "warnings do not stop the model");
    insta::assert_snapshot!("version_warning", rendered);
}

/// The file that `chain/b.ek` builds on is clean on its own.
#[test]
fn chain_base_is_clean() {
    let checked = check(Path::new("tests/check/chain/a.ek"));
    assert!(checked.diagnostics.0.is_empty(), "{}", checked.render());
}

/// Errors across `bygger_på`: the base file's errors come first, under its own name.
#[test]
fn chain_errors() {
    for name in ["uses_broken_base", "new_assignment"] {
        let checked = check(&Path::new("tests/check/chain").join(format!("{name}.ek")));
        let rendered = checked.render();
        assert!(checked.has_errors(), "chain/{name}.ek should have errors, but got:\n{rendered}");
        insta::assert_snapshot!(format!("chain_{name}"), rendered);
    }
}

fn ekostyr(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ekostyr"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("run ekostyr")
}

/// Whether `line` is `file:LINE:COL: …` with positive numbers.
fn is_located(line: &str, file: &str) -> bool {
    let Some(rest) = line.strip_prefix(file).and_then(|r| r.strip_prefix(':')) else { return false };
    let mut fields = rest.splitn(3, ':');
    let mut number = || fields.next().and_then(|f| f.parse::<usize>().ok()).is_some_and(|n| n > 0);
    number() && number()
}

#[test]
fn cli_reports_a_broken_file_with_location_and_caret() {
    let file = "tests/check/unknown_name.ek";
    let out = ekostyr(&["check", file]);
    let stderr = String::from_utf8(out.stderr).expect("utf-8 stderr");
    assert_eq!(out.status.code(), Some(2), "exit code; stderr:\n{stderr}");
    assert!(stderr.lines().any(|l| is_located(l, file)), "no `{file}:line:col:` in:\n{stderr}");
    let caret =
        |l: &str| l.split_once(" | ").is_some_and(|(gutter, marks)| gutter.trim().is_empty() && marks.trim_start().starts_with('^'));
    assert!(stderr.lines().any(caret), "no caret line in:\n{stderr}");
    assert!(!stderr.contains('\u{1b}'), "NO_COLOR=1 but the output has escape codes:\n{stderr}");
    insta::assert_snapshot!("cli_unknown_name", stderr);
}

#[test]
fn cli_reference_rules_are_clean() {
    let out = ekostyr(&["check", "rules/2023.ek"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "exit code; stderr:\n{stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "rules/2023.ek: ok\n");
}

#[test]
fn cli_missing_file_is_an_error() {
    let out = ekostyr(&["check", "tests/check/no_such_file.ek"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "exit code; stderr:\n{stderr}");
    assert!(stderr.contains("tests/check/no_such_file.ek"), "the message names the file:\n{stderr}");
}

/// Every shipped rule file checks without errors.
#[test]
fn shipped_rules_check_clean() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules"))
        .expect("read rules/")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "ek"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "rules/ has no .ek files");
    for file in &files {
        let checked = check(file);
        assert!(!checked.has_errors(), "{}:\n{}", file.display(), checked.render());
        assert!(checked.model.is_some(), "{}: no model", file.display());
    }
}

// ---------------------------------------------------------------- fixed checker bugs
//
// Each of these failed once, as reported; they stay as regression tests.

fn check_text(name: &str, text: &str) -> Checked {
    ekostyr::check::check_source(ekostyr::source::SourceFile::new(name, text), None, &mut vec![])
}

/// Codes under `verksamheter` are compared with other assignments' codes, so one
/// ledger code cannot count toward two assignments (they once were not).
#[test]
fn activity_codes_overlapping_another_assignment_are_errors() {
    let text = r#"regelverk "R"
år 2023
version 1.0
dokumentägare "S"
nämnd ÄN "Ä" {
  vårdform öppna "Ö" {
    uppdrag dag "D" {
      källa "K"
      id L140*
      ersättning fast = 1 kr
    }
    uppdrag övrigt "Ö" {
      källa "K"
      verksamheter {
        "Demenscenter" id L1401
      }
      ersättning fast = 1 kr
    }
  }
}
"#;
    let checked = check_text("activities.ek", text);
    assert!(checked.has_errors(), "`L1401` of an activity overlaps `L140*` of `dag`, but:\n{}", checked.render());
}

/// `avrunda(x; 5,000000000)` rounds to five decimals: the count is the number's
/// value, whatever its scale (it once came out as 0).
#[test]
fn rounding_decimals_written_with_zero_decimals() {
    let text = "regelverk \"R\"\når 2023\nversion 1.0\ndokumentägare \"S\"\nnämnd A \"A\" { vårdform b \"B\" { uppdrag c \"C\" {\n  källa \"K\"\n  id L1\n  ersättning fast = avrunda(1 kr; 5,000000000)\n} } }\n";
    let checked = check_text("round.ek", text);
    let rendered = checked.render();
    let model = checked.model.unwrap_or_else(|| panic!("{rendered}"));
    let fixed = model.assignments[0].fixed.as_ref().expect("ersättning fast");
    assert!(matches!(fixed.expr.kind, ekostyr::model::ExprKind::Round(_, 5)), "{:?}", fixed.expr.kind);
}
