//! `ekostyr budget`: the ersättningsbrygga 2023 → 2024 on the fixtures, in every
//! format, adding up exactly; a Budget-only workbook for next year; bad input.

mod common;

use common::{ekostyr, stderr, stdout};
use rust_decimal::Decimal;
use std::str::FromStr as _;

const BRIDGE: [&str; 6] = ["budget", "rules/2024.ek", "--input", "fixtures/2023.xlsx", "--budget", "fixtures/2024.xlsx"];

fn bridge(format: &str) -> String {
    let mut args = BRIDGE.to_vec();
    args.extend(["--format", format]);
    let out = ekostyr(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn bridge_2023_to_2024_as_a_table() {
    insta::assert_snapshot!(bridge("table"));
}

#[test]
fn bridge_2023_to_2024_as_markdown() {
    insta::assert_snapshot!(bridge("md"));
}

#[test]
fn bridge_2023_to_2024_as_json() {
    insta::assert_snapshot!(bridge("json"));
}

#[test]
fn bridge_2023_to_2024_in_english() {
    let mut args = BRIDGE.to_vec();
    args.extend(["--lang", "en"]);
    let out = ekostyr(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    insta::assert_snapshot!(stdout(&out));
}

fn dec(v: &serde_json::Value) -> Decimal {
    Decimal::from_str(v.as_str().expect("a decimal string")).expect("a decimal")
}

/// start + Σ steps = end for a line of the JSON.
fn adds_up(line: &serde_json::Value) {
    let steps: Decimal = line["steps"].as_array().expect("steps").iter().map(|s| dec(&s["amount"])).sum();
    assert_eq!(dec(&line["start"]) + steps, dec(&line["end"]), "{line}");
}

#[test]
fn the_steps_add_up_exactly_and_start_and_end_are_the_years_compensation() {
    let json: serde_json::Value = serde_json::from_str(&bridge("json")).expect("json");
    adds_up(&json);
    json["boards"].as_array().expect("boards").iter().for_each(adds_up);
    json["assignments"].as_array().expect("assignments").iter().for_each(adds_up);
    // The start is the 2023 total compensation on the 2023 workbook.
    let run = ekostyr(&["run", "rules/2023.ek", "--input", "fixtures/2023.xlsx", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&run)).expect("json");
    let total: Decimal = report["assignments"].as_array().expect("assignments").iter().map(|a| dec(&a["compensation"]["total"])).sum();
    assert_eq!(dec(&json["start"]), total);
    // The fixed parts of the end use the 2024 Budget sheet: dagverksamhet has no volumes.
    let end = |id: &str| json["assignments"].as_array().expect("a").iter().find(|a| a["id"] == id).map(|a| dec(&a["end"]));
    assert_eq!(end("vårdboende"), Some(Decimal::from_str("455659065.00").expect("d")));
    assert_eq!(end("dagverksamhet"), Some(Decimal::from_str("18933600.00").expect("d")));
}

/// A CSV folder holding only `Budget.csv`, copied from the Budget sheet of `fixtures/2024.xlsx`.
fn budget_only_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = common::csv_folder::sheet_as_csv("fixtures/2024.xlsx", "Budget");
    std::fs::write(dir.path().join("Budget.csv"), text).expect("write");
    dir
}

#[test]
fn a_budget_only_workbook_for_next_year_gives_the_same_bridge() {
    let dir = budget_only_folder();
    let folder = dir.path().display().to_string();
    let out = ekostyr(&["budget", "rules/2024.ek", "--input", "fixtures/2023.xlsx", "--budget", &folder, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let strip = |s: &str| s.lines().filter(|l| !l.contains("\"basis\"")).collect::<Vec<_>>().join("\n");
    assert_eq!(strip(&stdout(&out)), strip(&bridge("json")));
}

#[test]
fn without_a_budget_next_years_quantities_are_last_years_and_the_header_says_so() {
    let out = ekostyr(&["budget", "rules/2024.ek", "--input", "fixtures/2023.xlsx"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("de budgeterade mängderna är 2023 års"), "{text}");
    assert!(text.contains("Rörlig ersättning uppskattad på 2023 års volymer"), "{text}");
    assert!(!text.contains("Volymförändring"), "{text}");
}

#[test]
fn xlsx_is_one_sheet_and_deterministic() {
    let dir = tempfile::tempdir().expect("tempdir");
    let write = |name: &str| {
        let file = dir.path().join(name);
        let mut args = BRIDGE.to_vec();
        let f = file.display().to_string();
        args.extend(["--format", "xlsx", "-o", &f]);
        let out = ekostyr(&args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        std::fs::read(file).expect("written")
    };
    assert_eq!(write("a.xlsx"), write("b.xlsx"));
    use calamine::Reader as _;
    let wb = calamine::open_workbook_auto(dir.path().join("a.xlsx")).expect("opens");
    assert_eq!(wb.sheet_names(), vec!["Ersättningsbrygga".to_string()]);
}

#[test]
fn rules_without_bygger_på_are_a_located_error() {
    let out = ekostyr(&["budget", "rules/2023.ek", "--input", "fixtures/2023.xlsx"]);
    assert_eq!(out.status.code(), Some(2));
    insta::assert_snapshot!(stderr(&out));
}

#[test]
fn a_missing_input_is_a_usage_error() {
    let out = ekostyr(&["budget", "rules/2024.ek"]);
    assert_eq!(out.status.code(), Some(2));
    insta::assert_snapshot!(stderr(&out));
}

#[test]
fn a_budget_workbook_of_the_wrong_year_is_refused() {
    let out = ekostyr(&["budget", "rules/2024.ek", "--input", "fixtures/2023.xlsx", "--budget", "fixtures/2023.xlsx"]);
    assert_eq!(out.status.code(), Some(2));
    insta::assert_snapshot!(stderr(&out));
}

#[test]
fn output_never_overwrites_an_input() {
    let out = ekostyr(&["budget", "rules/2024.ek", "--input", "fixtures/2023.xlsx", "-o", "fixtures/2023.xlsx"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("fixtures/2023.xlsx"), "{}", stderr(&out));
}

#[test]
fn a_last_year_workbook_of_the_wrong_year_is_one_error() {
    let out = ekostyr(&["budget", "rules/2024.ek", "--input", "fixtures/2024.xlsx"]);
    assert_eq!(out.status.code(), Some(2));
    insta::assert_snapshot!(stderr(&out));
}

#[test]
fn a_may_workbook_with_budget_rows_and_an_empty_volymer_sheet_is_enough() {
    use calamine::{Data, Reader as _};
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/2024.xlsx");
    let mut source = calamine::open_workbook_auto(path).expect("the fixture opens");
    let range = source.worksheet_range("Budget").expect("a Budget sheet");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let budget = wb.add_worksheet().set_name("Budget").expect("name");
    for (r, row) in (0u32..).zip(range.rows()) {
        for (c, cell) in (0u16..).zip(row) {
            match cell {
                Data::Float(f) => budget.write_number(r, c, *f).map(|_| ()),
                Data::String(s) => budget.write_string(r, c, s).map(|_| ()),
                _ => Ok(()),
            }
            .expect("write");
        }
    }
    let volumes = wb.add_worksheet().set_name("Volymer").expect("name");
    for (c, h) in (0u16..).zip(["period", "uppdrag", "del", "mått", "värde"]) {
        volumes.write_string(0, c, h).expect("write");
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("maj-2024.xlsx");
    wb.save(&file).expect("save");
    let f = file.display().to_string();
    let out = ekostyr(&["budget", "rules/2024.ek", "--input", "fixtures/2023.xlsx", "--budget", &f, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let strip = |s: &str| s.lines().filter(|l| !l.contains("\"basis\"")).collect::<Vec<_>>().join("\n");
    assert_eq!(strip(&stdout(&out)), strip(&bridge("json")));
}

/// With next year's planned volumes (`--volymer`), the end is next year's rules on next
/// year's budget and volumes: exactly what `run` gives for 2024 on its own workbook, and
/// the steps still add up; the header names the volumes' workbook.
#[test]
fn planned_volumes_make_the_end_next_years_run() {
    let mut args = BRIDGE.to_vec();
    args.extend(["--volymer", "fixtures/2024.xlsx", "--format", "json"]);
    let out = ekostyr(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    adds_up(&json);
    json["assignments"].as_array().expect("assignments").iter().for_each(adds_up);
    let run = ekostyr(&["run", "rules/2024.ek", "--input", "fixtures/2024.xlsx", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&run)).expect("json");
    assert_eq!(dec(&json["end"]), dec(&report["pooled"]["total"]["compensation"]));
    let basis = json["basis"].to_string();
    assert!(basis.contains("planerade volymer ur fixtures/2024.xlsx"), "{basis}");
}
