//! `ekostyr test`: the expectations written next to the rules. The shipped rule
//! files pass on their fixtures; wrong expectations fail with a readable line per
//! failure; inline inputs work without a workbook; unreadable workbooks are errors.
//!
//! Paths are relative to the package root, so the snapshots hold no absolute path.

mod common;

use common::{ekostyr, stderr, stdout};

use std::process::Output;

/// What a user sees: stdout, then stderr under a marker, and the exit code.
fn seen(out: &Output) -> String {
    format!("{}--- stderr ---\n{}--- exit code {:?} ---\n", stdout(out), stderr(out), out.status.code())
}

#[test]
fn shipped_rules_pass_their_expectations() {
    // The blocks read `../fixtures/…`, outside `rules/`: `--rot .` allows the repository.
    let out = ekostyr(&["test", "rules/", "--rot", "."]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{}", seen(&out));
    assert!(text.starts_with("rules/2023.ek\n"), "files in name order, 2023 first:\n{text}");
    assert!(!text.contains("no expectations"), "every shipped rule file has expectations:\n{text}");
    assert!(text.trim_end().ends_with(" passed, 0 failed"), "{text}");
}

#[test]
fn every_shipped_assignment_has_an_expectation() {
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/rules")).expect("rules/") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("rule file");
        let assignments = text.lines().filter_map(|l| l.trim_start().strip_prefix("uppdrag ")?.split_whitespace().next());
        // Value lines start with the assignment's id: `vårdboende.fast = …`.
        let expected: Vec<&str> = text.lines().filter_map(|l| l.trim_start().split_once('.').map(|(id, _)| id)).collect();
        for id in assignments {
            assert!(expected.contains(&id), "no expectation on `{id}` in {}", path.display());
        }
    }
}

#[test]
fn wrong_expectations_fail_with_a_line_each() {
    let out = ekostyr(&["test", "tests/expect/wrong.ek"]);
    assert_eq!(out.status.code(), Some(1), "{}", seen(&out));
    insta::assert_snapshot!(seen(&out));
}

#[test]
fn failures_in_english_end_with_the_one_summary_line() {
    let out = ekostyr(&["test", "tests/expect/wrong.ek", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1), "{}", seen(&out));
    assert!(stdout(&out).ends_with("ok   Fasta ersättningen\n4 passed, 5 failed\n"), "{}", seen(&out));
    insta::assert_snapshot!(seen(&out));
}

#[test]
fn inline_inputs_need_no_workbook() {
    let out = ekostyr(&["test", "tests/expect/inline.ek"]);
    assert_eq!(out.status.code(), Some(0), "{}", seen(&out));
    insta::assert_snapshot!(seen(&out));
}

#[test]
fn unreadable_workbooks_are_errors_with_the_file_and_cell() {
    let out = ekostyr(&["test", "tests/expect/bad_input.ek"]);
    assert_eq!(out.status.code(), Some(2), "{}", seen(&out));
    insta::assert_snapshot!(seen(&out));
}

#[test]
fn a_file_without_expectations_is_not_a_failure() {
    let out = ekostyr(&["test", "tests/eval/key_figures_iu/rules.ek"]);
    assert_eq!(out.status.code(), Some(0), "{}", seen(&out));
    assert_eq!(stdout(&out), "tests/eval/key_figures_iu/rules.ek: inga förväntningar\n0 rätt, 0 fel\n0 passed, 0 failed\n");
}

#[test]
fn a_failure_anywhere_fails_the_run() {
    let out = ekostyr(&["test", "tests/expect/inline.ek", "tests/expect/wrong.ek"]);
    assert_eq!(out.status.code(), Some(1), "{}", seen(&out));
    assert!(stdout(&out).ends_with("21 passed, 5 failed\n"), "{}", seen(&out));
}

#[test]
fn rules_with_errors_are_exit_code_2() {
    let out = ekostyr(&["test", "tests/check/unknown_name.ek"]);
    assert_eq!(out.status.code(), Some(2), "{}", seen(&out));
    assert!(stderr(&out).contains("tests/check/unknown_name.ek:"), "{}", seen(&out));
}

#[test]
fn a_missing_rule_file_or_empty_directory_is_an_error() {
    let missing = ekostyr(&["test", "rules/1999.ek"]);
    assert_eq!(missing.status.code(), Some(2), "{}", seen(&missing));
    let empty = tempfile::tempdir().expect("temp dir");
    let dir = empty.path().to_str().expect("utf-8");
    let out = ekostyr(&["test", dir]);
    assert_eq!(out.status.code(), Some(2), "{}", seen(&out));
    assert!(stderr(&out).contains("inga regelfiler `*.ek`"), "{}", seen(&out));
}

#[test]
fn a_workbook_outside_the_rules_folder_needs_rot() {
    let out = ekostyr(&["test", "rules/2023.ek"]);
    assert_eq!(out.status.code(), Some(2), "{}", seen(&out));
    assert!(stderr(&out).contains("--rot"), "the hint names --rot: {}", seen(&out));
}
