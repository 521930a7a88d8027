//! Every report lists the mid-year changes with their återrapportering: the table
//! (its own section), the CSV (`förändring` rows), the XLSX (its own sheet, tested in
//! `report_xlsx.rs`) and the JSON (`mid_year_changes`, in the eval snapshots).

mod common;

use common::ekostyr;

const CASE: [&str; 4] = ["run", "tests/eval/part_validity/rules.ek", "--input", "tests/eval/part_validity/input"];

fn run(extra: &[&str]) -> String {
    let out = ekostyr(&[&CASE[..], extra].concat());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn the_table_has_a_section_of_changes_with_their_återrapportering() {
    let table = run(&[]);
    let at = table.find("FÖRÄNDRINGAR AV MEDEL OCH ÅTERRAPPORTERING").expect("section");
    let section = &table[at..];
    assert!(section.contains("justering  2023-05..2023-08  -120 000,00"), "{section}");
    assert!(section.contains("Social- och omsorgsnämnden 2023-04-26 (dnr saknas)"), "{section}");
    assert!(section.contains("Redovisas vid delår  2023-09-15"), "{section}");
    let english = run(&["--lang", "en"]);
    assert!(english.contains("MID-YEAR CHANGES AND REPORTING BACK"), "{english}");
    assert!(english.contains("(no dnr)"), "{english}");
}

#[test]
fn the_csv_has_a_change_row() {
    let csv = run(&["--format", "csv"]);
    let row = csv.lines().find(|l| l.starts_with("förändring;")).expect("a change row");
    assert!(row.contains(";2023-05..2023-08;justering;"), "{row}");
    assert!(row.contains(";-120000,00;"), "{row}");
    assert!(row.contains("Redovisas vid delår (senast 2023-09-15)"), "{row}");
}

#[test]
fn a_part_outside_its_months_is_not_applicable_in_words() {
    let json = run(&["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let figures = v["assignments"][0]["key_figures"].as_array().expect("key figures");
    let october = figures.iter().find(|k| k["id"] == "dygn.a" && k["period"] == "2023-10").expect("dygn.a 2023-10");
    assert!(october["value"].is_null(), "{october}");
    assert_eq!(october["status"], "not_available");
    assert!(october.to_string().contains("delen gäller inte"), "{october}");
}

/// `diff` between two copies of the case that differ in a part's validity, a
/// parameter's steps and a change's end month reports each.
#[test]
fn diff_reports_validity_steps_and_end_months() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string("tests/eval/part_validity/rules.ek").expect("case");
    let old = dir.path().join("old.ek");
    let new = dir.path().join("new.ek");
    std::fs::write(&old, &text).expect("write");
    let changed = text
        .replace("id R11* till 2023-09", "id R11* till 2023-10")
        .replace("från 2023-07 = 110 kr/dygn", "från 2023-08 = 110 kr/dygn")
        .replace("till 2023-08\n", "till 2023-09\n");
    assert_ne!(changed, text);
    std::fs::write(&new, &changed).expect("write");
    let out = ekostyr(&["diff", old.to_str().expect("utf-8"), new.to_str().expect("utf-8")]);
    let shown = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(shown.contains("till 2023-10"), "{shown}");
    assert!(shown.contains("dygnspris från 2023-08"), "{shown}");
    assert!(shown.contains("till 2023-09, beslut"), "{shown}");
}

/// A price that changed within last year (100 kr/dygn, from July 110 kr/dygn) carries
/// over at December's value: `föregående.dygnspris` is 110 kr/dygn in every month of the
/// new year, not January's 100 nor the year's mean 105; `explain` says so.
#[test]
fn föregående_of_a_price_that_changed_within_the_year_is_its_december_value() {
    let dir = tempfile::tempdir().expect("tempdir");
    let case = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval/part_validity");
    std::fs::copy(case.join("rules.ek"), dir.path().join("2023.ek")).expect("copy");
    let next = r#"regelverk "Testfall"
år 2024
version 2.0
bygger_på "2023.ek"
dokumentägare "Ekonomichef SoF"

mått budget platser: platser
mått volym belagda_dygn: dygn

nämnd SON "Social- och omsorgsnämnden" {
  vårdform heldygn "Heldygn" {
    uppdrag boende "Boende" {
      del a "A" id R11*
      del b "B" id R12*
      låt dygnspris = föregående.dygnspris * 1
      ersättning rörlig = summa(volym(belagda_dygn) * dygnspris)
    }
  }
}
"#;
    std::fs::write(dir.path().join("2024.ek"), next).expect("write");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    for f in ["Budget.csv", "Utfall.csv", "Volymer.csv"] {
        let text = std::fs::read_to_string(case.join("input").join(f)).expect("read");
        std::fs::write(input.join(f), text.replace("2023-", "2024-")).expect("write");
    }
    let input = input.to_str().expect("utf-8");
    let out = common::ekostyr_in(dir.path(), &["run", "2024.ek", "--input", input, "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    // January: 300 + 150 care days at 110 kr/dygn.
    assert_eq!(v["assignments"][0]["months"][0]["variable"], "49500.00");
    let out = common::ekostyr_in(dir.path(), &["explain", "2024.ek", "--input", input, "boende.rörlig"]);
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.contains("dygnspris (värdet vid årets slut, december: 100 kr/dygn, från 2023-07 = 110 kr/dygn) = 110 kr/dygn"), "{text}");
}
