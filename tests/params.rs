//! Parameter unit declarations and decisions (issue 9): the warning case checks
//! clean (exit 0) with a located warning; declared units reach `--set`.

use ekostyr::check::check_path;
use ekostyr::diagnostic::Severity;
use std::path::Path;
use std::process::Command;

fn ekostyr(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ekostyr")).args(args).output().expect("runs")
}

/// An undeclared bare number above 1 used as `(1 + x)` is a warning at the use; the
/// file still checks, `check` exits 0.
#[test]
fn forgotten_percent_is_a_warning() {
    let checked = check_path(Path::new("tests/check/warnings/forgotten_percent.ek")).expect("readable");
    let rendered = checked.render();
    assert!(!checked.has_errors(), "{rendered}");
    let warnings: Vec<_> = checked.diagnostics.0.iter().filter(|d| d.severity == Severity::Warning).collect();
    assert_eq!(warnings.len(), 1, "one warning: prisindex, not effektivisering (0,5):\n{rendered}");
    insta::assert_snapshot!("forgotten_percent", rendered);
    let out = ekostyr(&["check", "tests/check/warnings/forgotten_percent.ek"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

/// The declared-`%` error makes `check` exit non-zero.
#[test]
fn declared_percent_bare_exits_non_zero() {
    let out = ekostyr(&["check", "tests/check/param_declared_percent_bare.ek"]);
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("skriv `2,9 %`"), "{text}");
}

/// `--set prisindex=3,1` on a parameter declared `%` is refused with the fix.
#[test]
fn set_on_declared_percent_needs_percent() {
    let out = ekostyr(&["run", "rules/2024.ek", "--input", "fixtures/2024.xlsx", "--set", "prisindex=3,1", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("prisindex=3,1%"), "{text}");
}

/// `diff` reports a changed unit declaration.
#[test]
fn diff_reports_a_changed_declaration() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string("rules/2023.ek").expect("read");
    std::fs::write(dir.path().join("a.ek"), &text).expect("write");
    std::fs::write(dir.path().join("b.ek"), text.replace("parameter andel_fast: % = 60 %", "parameter andel_fast = 60 %")).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_ekostyr")).current_dir(dir.path()).args(["diff", "a.ek", "b.ek"]).output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("andel_fast: enhet"), "{text}");
}
