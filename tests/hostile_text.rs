//! Rule text from outside: a byte order mark is no error, control characters in a
//! rule file never reach the terminal raw, and `fmt` reads only regular files.

mod common;

use common::{ekostyr_in, stderr, stdout};

#[test]
fn a_byte_order_mark_is_not_part_of_the_rules() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/2023.ek")).expect("read");
    std::fs::write(dir.path().join("bom.ek"), format!("\u{feff}{text}")).expect("write");
    let out = ekostyr_in(dir.path(), &["check", "bom.ek"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "bom.ek: ok\n");
}

#[test]
fn control_characters_in_a_rule_line_are_not_echoed_raw() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("esc.ek"), "regelverk \"x\"\når 2023\nversion 1.0\ndokumentägare \"a\"\nparameter p = 1 \u{1b}[31mkr\n")
        .expect("write");
    let out = ekostyr_in(dir.path(), &["check", "esc.ek"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(err.contains('\u{fffd}'), "the control character is shown as one visible mark: {err}");
}

#[test]
fn fmt_refuses_what_is_not_a_regular_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("mapp.ek")).expect("mkdir");
    let out = ekostyr_in(dir.path(), &["fmt", "mapp.ek"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("mapp.ek: kan inte läsas:"), "{}", stderr(&out));
}
