//! `ekostyr check` as a user sees it, in both languages: Swedish by default,
//! English with `--lang en`. (The library always speaks Swedish in tests, since
//! the language is chosen once per process; English is tested here, through the
//! binary.)

mod common;

use common::{ekostyr, stderr, stdout};

/// A file with three broken items, so the summary line's plural shows too.
const BROKEN: &str = "tests/check/syntax_errors_in_several_items.ek";

/// What `ekostyr ARGS` writes to stderr, after checking it failed as a broken rule file does.
fn broken(args: &[&str]) -> String {
    let out = ekostyr(args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "exit code; stderr:\n{err}");
    assert_eq!(stdout(&out), "", "nothing on stdout");
    err
}

#[test]
fn check_speaks_swedish_by_default() {
    let err = broken(&["check", BROKEN]);
    assert!(err.contains(": fel: ") && err.contains("3 fel, 0 varningar"), "not Swedish:\n{err}");
    insta::assert_snapshot!("check_sv", err);
}

#[test]
fn check_speaks_english_with_lang_en() {
    let err = broken(&["--lang", "en", "check", BROKEN]);
    assert!(err.contains(": error: ") && err.contains("3 errors, 0 warnings"), "not English:\n{err}");
    insta::assert_snapshot!("check_en", err);
}

/// The two languages report the same problems at the same places.
#[test]
fn both_languages_point_at_the_same_places() {
    let places =
        |err: &str| -> Vec<String> { err.lines().filter(|l| !l.starts_with("  =") && !l.contains(": ")).map(str::to_string).collect() };
    let sv = broken(&["check", BROKEN]);
    let en = broken(&["--lang", "en", "check", BROKEN]);
    assert_eq!(places(&sv), places(&en));
    let located = |err: &str| err.lines().filter(|l| l.starts_with(BROKEN) && l[BROKEN.len()..].starts_with(':')).count();
    assert_eq!(located(&sv), located(&en));
}

/// Labels, notes and the singular of the summary line, in both languages.
#[test]
fn notes_warnings_and_singulars_in_both_languages() {
    let sv = broken(&["check", "tests/check/duplicate_header_field.ek"]);
    assert!(sv.contains("  = not: ") && sv.contains(": 1 fel, 0 varningar"), "{sv}");
    let en = broken(&["--lang", "en", "check", "tests/check/empty_file.ek"]);
    assert!(en.contains(": warning: ") && en.contains(": 4 errors, 1 warning\n"), "{en}");
    insta::assert_snapshot!("empty_file_en", en);
    let sv = broken(&["check", "tests/check/empty_file.ek"]);
    assert!(sv.contains(": varning: ") && sv.contains(": 4 fel, 1 varning\n"), "{sv}");
}
