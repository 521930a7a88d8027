//! A workbook with several problems reports them all in one run, in sheet and
//! row order, each at its cell — in Swedish by default and in English with
//! `--lang en` — up to 50 and then a count.

mod common;

use std::path::Path;

use rust_xlsxwriter::Formula;

use common::csv_folder::{SHEETS, folder, lines, set_field, xlsx};

/// Three bad cells in two sheets: text and an empty cell in Volymer!värde, an unknown assignment in Budget.
fn three_problems(sheets: &mut [Vec<String>; 3]) {
    let [_, volymer, budget] = sheets;
    set_field(volymer, 17, 4, "tolv");
    set_field(volymer, 5, 4, "");
    set_field(budget, 2, 0, "områdesansvaret");
}

/// Runs `ekostyr run rules/2023.ek` on `input` (with `extra` arguments); asserts exit 2 and
/// no report; returns stderr with the input's path as `INPUT`.
fn fails(input: &Path, extra: &[&str]) -> String {
    let out_dir = tempfile::tempdir().expect("tempdir");
    let report = out_dir.path().join("r.json");
    let (input_arg, report_arg) = (input.to_str().expect("utf-8"), report.to_str().expect("utf-8"));
    let mut args = vec!["run", "rules/2023.ek", "--input", input_arg, "--format", "json", "-o", report_arg];
    args.extend_from_slice(extra);
    let out = common::ekostyr(&args);
    let err = common::stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(!report.exists(), "a failed run wrote a report");
    err.replace(input_arg, "INPUT")
}

#[test]
fn three_bad_cells_in_two_sheets_come_out_together() {
    let dir = folder(three_problems);
    let err = fails(dir.path(), &[]);
    let first = |needle: &str| err.find(needle).unwrap_or_else(|| panic!("no `{needle}` in:\n{err}"));
    assert!(first("Volymer!E5") < first("Volymer!E17") && first("Volymer!E17") < first("Budget!A2"), "{err}");
    insta::assert_snapshot!(err);
}

#[test]
fn three_bad_cells_in_english() {
    let dir = folder(three_problems);
    let err = fails(dir.path(), &["--lang", "en"]);
    assert!(err.contains("Volymer!E17: expected a number, found \"tolv\""), "{err}");
    insta::assert_snapshot!(err);
}

#[test]
fn a_missing_column_in_one_sheet_and_bad_cells_in_another() {
    let dir = folder(|[utfall, volymer, budget]| {
        volymer[0] = volymer[0].replace("mått", "matt");
        set_field(budget, 3, 3, "#DIV/0!");
        set_field(utfall, 4, 0, "2023-13");
    });
    let err = fails(dir.path(), &[]);
    insta::assert_snapshot!(err);
}

#[test]
fn sixty_bad_rows_give_fifty_problems_and_a_count() {
    let dir = folder(|[_, volymer, _]| (2..62).for_each(|line| set_field(volymer, line, 4, "x")));
    let err = fails(dir.path(), &[]);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.iter().filter(|l| l.contains(": förväntade ett tal, hittade `x`")).count(), 50, "{err}");
    assert!(lines.contains(&"INPUT/Volymer.csv: Volymer!E2: förväntade ett tal, hittade `x`"), "{err}");
    assert!(lines.contains(&"INPUT/Volymer.csv: Volymer!E51: förväntade ett tal, hittade `x`"), "{err}");
    assert_eq!(lines.last(), Some(&"och 10 till"), "{err}");
    let english = fails(dir.path(), &["--lang", "en"]);
    assert_eq!(english.lines().last(), Some("and 10 more"), "{english}");
}

#[test]
fn three_bad_cells_in_an_xlsx_workbook() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut sheets = SHEETS.map(lines);
    set_field(&mut sheets[2], 2, 0, "områdesansvaret");
    let path = xlsx(dir.path(), &sheets, |book| {
        let volymer = book.worksheet_from_name("Volymer").expect("Volymer");
        volymer.write_string(16, 4, "tolv").expect("write");
        volymer.write_formula(4, 4, Formula::new("=1/0").set_result("#DIV/0!")).expect("write");
    });
    let err = fails(&path, &[]);
    insta::assert_snapshot!(err);
}
