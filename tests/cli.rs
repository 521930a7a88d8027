//! The command line as a user meets it: help in Swedish by default, in English with
//! `--lang en` or `LANG=en*`, and output to a closed pipe is not a crash.

mod common;

use common::{ekostyr, stderr, stdout};
use std::process::{Command, Stdio};

#[test]
fn help_is_swedish_by_default() {
    let out = ekostyr(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!(stdout(&out));
}

#[test]
fn help_of_a_command_in_english_with_lang_en() {
    let out = ekostyr(&["run", "--help", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!(stdout(&out));
}

#[test]
fn lang_from_the_environment() {
    let run = |lang: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_ekostyr")).args(["check", "--help"]).env_remove("LC_ALL").env("LANG", lang).output();
        stdout(&out.expect("the binary runs"))
    };
    assert!(run("en_US.UTF-8").starts_with("Parse, resolve names and check units"), "{}", run("en_US.UTF-8"));
    assert!(run("sv_SE.UTF-8").starts_with("Tolka, slå upp namn"), "{}", run("sv_SE.UTF-8"));
    assert!(run("C.UTF-8").starts_with("Tolka, slå upp namn"), "{}", run("C.UTF-8"));
}

#[test]
fn the_explicit_flag_wins_over_the_environment() {
    let out = Command::new(env!("CARGO_BIN_EXE_ekostyr"))
        .args(["--lang=sv", "check", "--help"])
        .env("LANG", "en_US.UTF-8")
        .output()
        .expect("the binary runs");
    assert!(stdout(&out).starts_with("Tolka"), "{}", stdout(&out));
}

#[test]
fn completions_are_generated() {
    let out = ekostyr(&["completions", "bash"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("ekostyr") && stdout(&out).contains("--lang"));
}

#[test]
fn a_closed_standard_output_is_not_a_crash() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ekostyr"))
        .args(["check", "rules/2023.ek", "rules/2024.ek"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("it ends");
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn argument_errors_in_swedish_and_english() {
    let sv = ekostyr(&["chek"]);
    assert_eq!(sv.status.code(), Some(2));
    insta::assert_snapshot!(stderr(&sv));
    let en = ekostyr(&["run", "rules/2023.ek", "--frmat", "json", "--lang", "en"]);
    assert_eq!(en.status.code(), Some(2));
    insta::assert_snapshot!(stderr(&en));
    let value = ekostyr(&["run", "rules/2023.ek", "-i", "x", "--format", "xml"]);
    assert_eq!(value.status.code(), Some(2));
    insta::assert_snapshot!(stderr(&value));
}
