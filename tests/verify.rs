//! `ekostyr verify`: a fresh report reproduces; after an input file is touched it
//! does not, and the changed file is named.

mod common;

use common::ekostyr_in;

use std::path::Path;

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(root.join("rules/2023.ek"), dir.path().join("2023.ek")).expect("copy");
    std::fs::create_dir(dir.path().join("in")).expect("mkdir");
    for f in ["Utfall.csv", "Volymer.csv", "Budget.csv"] {
        std::fs::copy(root.join("fixtures/2023-csv").join(f), dir.path().join("in").join(f)).expect("copy");
    }
    let out = ekostyr_in(dir.path(), &["run", "2023.ek", "--input", "in", "--format", "json", "--period", "2023-08", "-o", "r.json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    dir
}

#[test]
fn a_fresh_report_reproduces() {
    let dir = setup();
    let out = ekostyr_in(dir.path(), &["verify", "r.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "r.json: återskapas exakt\n");
}

#[test]
fn a_touched_input_is_named() {
    let dir = setup();
    let utfall = dir.path().join("in/Utfall.csv");
    let text = std::fs::read_to_string(&utfall).expect("read");
    std::fs::write(&utfall, text + "2023-03;L1401;K1;4010;1,00\n").expect("write");
    let out = ekostyr_in(dir.path(), &["verify", "r.json"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("återskapas inte") && stdout.contains("in: ändrad (sha256 var"), "{stdout}");
}

#[test]
fn a_changed_rule_file_is_named() {
    let dir = setup();
    let rules = dir.path().join("2023.ek");
    let text = std::fs::read_to_string(&rules).expect("read");
    std::fs::write(&rules, text.replace("18 400 000 kr", "18 500 000 kr")).expect("write");
    let out = ekostyr_in(dir.path(), &["verify", "r.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("2023.ek: ändrad"));
}

#[test]
fn not_a_report_is_an_error() {
    let dir = setup();
    std::fs::write(dir.path().join("x.json"), "{}").expect("write");
    assert_eq!(ekostyr_in(dir.path(), &["verify", "x.json"]).status.code(), Some(2));
    assert_eq!(ekostyr_in(dir.path(), &["verify", "nope.json"]).status.code(), Some(2));
}

#[test]
fn a_report_that_read_the_previous_year_names_and_verifies_that_workbook() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rules = std::fs::read_to_string(root.join("rules/2024.ek")).expect("read");
    let rules = rules.replace(
        "ersättning fast = summa(referenskostnad * budget(planerade_vårddygn))",
        "ersättning fast = föregående.fast * (1 + prisindex)",
    );
    std::fs::write(dir.path().join("2024.ek"), rules).expect("write");
    std::fs::copy(root.join("rules/2023.ek"), dir.path().join("2023.ek")).expect("copy");
    std::fs::copy(root.join("fixtures/2023.xlsx"), dir.path().join("2023.xlsx")).expect("copy");
    std::fs::copy(root.join("fixtures/2024.xlsx"), dir.path().join("2024.xlsx")).expect("copy");
    let run = ekostyr_in(
        dir.path(),
        &["run", "2024.ek", "--input", "2024.xlsx", "--previous-input", "2023.xlsx", "--format", "json", "-o", "r.json"],
    );
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let report = std::fs::read_to_string(dir.path().join("r.json")).expect("report");
    assert!(report.contains("\"previous_input\"") && report.contains("\"file\": \"2023.xlsx\""), "{report}");
    let ok = ekostyr_in(dir.path(), &["verify", "r.json"]);
    assert_eq!(ok.status.code(), Some(0), "{}", String::from_utf8_lossy(&ok.stdout));
    std::fs::write(dir.path().join("2023.xlsx"), b"touched").expect("write");
    let changed = ekostyr_in(dir.path(), &["verify", "r.json"]);
    assert_eq!(changed.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&changed.stdout).contains("2023.xlsx: ändrad"));
}

#[test]
fn a_report_written_in_english_reproduces_too() {
    let dir = setup();
    let out = ekostyr_in(dir.path(), &["run", "2023.ek", "--input", "in", "--format", "json", "--lang", "en", "-o", "en.json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(dir.path().join("en.json")).expect("written");
    assert!(text.contains("followed up from"), "the English report has English notes");
    let verified = ekostyr_in(dir.path(), &["verify", "en.json", "--lang", "en"]);
    assert_eq!(String::from_utf8_lossy(&verified.stdout), "en.json: reproduces exactly\n");
}

#[test]
fn a_report_of_another_shape_is_an_error_that_says_so() {
    let dir = setup();
    std::fs::write(dir.path().join("x.json"), "{\"year\": \"tjugo\"}").expect("write");
    let out = ekostyr_in(dir.path(), &["verify", "x.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("x.json: inte en JSON-rapport"), "{}", String::from_utf8_lossy(&out.stderr));
}
