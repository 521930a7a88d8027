//! `ekostyr template`, run as a user runs it: the workbook it writes for the
//! reference rules (read back with calamine), that the template filled with the
//! reference inputs gives the reference figures, and the errors.

mod common;

use common::{ekostyr, stderr, stdout};

use calamine::{Data, Range, Reader, Xlsx, open_workbook};
use rust_xlsxwriter::{Workbook, Worksheet};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// (uppdrag, del, mått); `del` is empty for the whole assignment.
type Key = (String, String, String);

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name)
}

/// Writes the template of `rules` into `dir` and returns its path.
fn template(rules: &str, dir: &Path) -> PathBuf {
    let out = dir.join("inputs.xlsx");
    let o = ekostyr(&["template", rules, "-o", out.to_str().expect("a UTF-8 temp path")]);
    assert_eq!(o.status.code(), Some(0), "template failed:\n{}", stderr(&o));
    out
}

fn sheet_names(path: &Path) -> Vec<String> {
    let book: Xlsx<_> = open_workbook(path).expect("an xlsx workbook");
    book.sheet_names()
}

fn sheet(path: &Path, name: &str) -> Range<Data> {
    let mut book: Xlsx<_> = open_workbook(path).expect("an xlsx workbook");
    book.worksheet_range(name).unwrap_or_else(|e| panic!("{}: no sheet {name}: {e}", path.display()))
}

fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn header(range: &Range<Data>) -> Vec<String> {
    range.rows().next().map(|r| r.iter().map(text).collect()).unwrap_or_default()
}

/// The data rows as text.
fn rows(range: &Range<Data>) -> Vec<Vec<String>> {
    range.rows().skip(1).map(|r| r.iter().map(text).collect()).collect()
}

fn key(row: &[String], first: usize) -> Key {
    (row[first].clone(), row[first + 1].clone(), row[first + 2].clone())
}

/// The distinct keys of a Budget (`first` 0) or Volymer (`first` 1) sheet.
fn keys(range: &Range<Data>, first: usize) -> BTreeSet<Key> {
    rows(range).iter().map(|r| key(r, first)).collect()
}

#[test]
fn the_template_for_2023_asks_for_exactly_the_inputs_of_the_reference_workbook() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let out = dir.path().join("inputs.xlsx");
    let o = ekostyr(&["template", "rules/2023.ek", "-o", out.to_str().expect("a UTF-8 temp path")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "", "a clean rule file gives no diagnostics");
    assert_eq!(stdout(&o), format!("skrev {}: 50 rader i Budget, 492 rader i Volymer\n", out.display()));
    assert_eq!(sheet_names(&out), ["Instruktioner", "Utfall", "Volymer", "Budget", "Listor"]);

    let utfall = sheet(&out, "Utfall");
    assert_eq!(header(&utfall), ["period", "id", "komplement", "konto", "belopp"]);
    assert_eq!(utfall.height(), 1, "Utfall has its header row only");

    let budget = sheet(&out, "Budget");
    assert_eq!(header(&budget), ["uppdrag", "del", "mått", "värde"]);
    let budget_rows = rows(&budget);
    assert_eq!(budget_rows.len(), 50);
    assert!(budget_rows.iter().all(|r| r.len() < 4 || r[3].is_empty()), "values are left blank");
    let expected = keys(&sheet(&fixture("2023.xlsx"), "Budget"), 0);
    assert_eq!(keys(&budget, 0), expected, "the Budget rows of the template and of fixtures/2023.xlsx differ");
    assert_eq!(keys(&budget, 0).len(), budget_rows.len(), "no Budget row twice");

    let volymer = sheet(&out, "Volymer");
    assert_eq!(header(&volymer), ["period", "uppdrag", "del", "mått", "värde"]);
    let per_month = volume_keys_per_month(&volymer);
    let months: Vec<String> = (1..=12).map(|m| format!("2023-{m:02}")).collect();
    assert_eq!(per_month.keys().cloned().collect::<BTreeSet<_>>(), months.iter().cloned().collect());
    let fixture_volumes = keys(&sheet(&fixture("2023.xlsx"), "Volymer"), 1);
    for (month, keys) in &per_month {
        assert_eq!(keys.iter().cloned().collect::<BTreeSet<_>>(), fixture_volumes, "Volymer rows of {month}");
        assert_eq!(keys.len(), fixture_volumes.len(), "no Volymer row twice in {month}");
    }
}

/// Volymer keys by period, in sheet order; values must be blank.
fn volume_keys_per_month(range: &Range<Data>) -> HashMap<String, Vec<Key>> {
    let mut out: HashMap<String, Vec<Key>> = HashMap::new();
    for r in rows(range) {
        assert!(r.len() < 5 || r[4].is_empty(), "values are left blank: {r:?}");
        out.entry(r[0].clone()).or_default().push(key(&r, 1));
    }
    out
}

#[test]
fn the_template_puts_the_rows_in_model_order() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let out = template("rules/2023.ek", dir.path());
    let budget: Vec<Key> = rows(&sheet(&out, "Budget")).iter().map(|r| key(r, 0)).collect();
    let first = |a: &str, p: &str, m: &str| (a.to_string(), p.to_string(), m.to_string());
    assert_eq!(budget[0], first("områdesansvar", "nordväst", "hemtjänsttimmar"));
    assert_eq!(budget[1], first("områdesansvar", "nordväst", "hsl_timmar"));
    assert_eq!(budget[6], first("dagverksamhet", "", "platser"));
    assert_eq!(budget[49], first("son_heldygn_vuxna", "boda", "platser"));
    let volymer = rows(&sheet(&out, "Volymer"));
    assert_eq!(volymer[0][..4], ["2023-01", "områdesansvar", "nordväst", "hemtjänsttimmar_leanlink"]);
    assert_eq!(volymer[41][..2], ["2023-02", "områdesansvar"], "all keys of January, then February");
}

/// A row's cells up to the last non-empty one, joined by ` | `.
fn line(cells: &[Data]) -> String {
    let mut cells: Vec<String> = cells.iter().map(text).collect();
    while cells.last().is_some_and(String::is_empty) {
        cells.pop();
    }
    cells.join(" | ")
}

#[test]
fn the_instructions_name_the_rules_the_codes_and_the_measures() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let out = template("rules/2023.ek", dir.path());
    let sheet = sheet(&out, "Instruktioner");
    let lines: Vec<String> = sheet.rows().map(line).collect();
    let all = lines.join("\n");
    let checked = ekostyr::check::check_path(Path::new("rules/2023.ek")).expect("the rules are readable");
    let model = checked.model.expect("the reference rules have no errors");
    assert!(lines.iter().any(|l| l == "Regelfil | rules/2023.ek"), "{all}");
    assert!(lines.iter().any(|l| l == "Version | 1.0"), "{all}");
    assert!(lines.iter().any(|l| l == "År | 2023"), "{all}");
    for a in &model.assignments {
        for p in &a.parts {
            let codes: Vec<String> = p.codes.iter().map(ToString::to_string).collect();
            let line = format!("{} | {} | {} | {}", a.id, p.id, p.name, codes.join(", "));
            assert!(lines.contains(&line), "no line `{line}` in\n{all}");
        }
    }
    for m in &model.measures {
        let sheet = if m.kind == ekostyr::model::MeasureKind::Budget { "Budget (per år)" } else { "Volymer (per månad)" };
        let line = format!("{} | {sheet} | {} |", m.name, m.unit);
        assert!(lines.iter().any(|l| l.starts_with(&line)), "no line starting `{line}` in\n{all}");
    }
    assert!(all.contains("ÅÅÅÅ-MM") && all.contains("\"1 234,50\""), "{all}");
    assert!(all.contains("ekostyr run rules/2023.ek --input inputs.xlsx"), "{all}");
}

#[test]
fn the_template_is_the_same_bytes_every_time() {
    let (a, b) = (tempfile::tempdir().expect("a temp dir"), tempfile::tempdir().expect("a temp dir"));
    let first = std::fs::read(template("rules/2023.ek", a.path())).expect("the first template");
    let second = std::fs::read(template("rules/2023.ek", b.path())).expect("the second template");
    assert!(first == second, "two runs gave different bytes");
}

// ------------------------------------------------------------------ filling it in

/// Writes a cell as calamine read it.
fn write_cell(ws: &mut Worksheet, row: u32, col: u16, cell: &Data) {
    let written = match cell {
        Data::Empty => return,
        Data::String(s) => ws.write_string(row, col, s),
        Data::Float(x) => ws.write_number(row, col, *x),
        Data::Int(i) => ws.write_number(row, col, *i as f64),
        other => panic!("a fixture cell of an unexpected kind: {other:?}"),
    };
    written.expect("the cell is written");
}

fn copy_sheet(ws: &mut Worksheet, range: &Range<Data>) {
    for (r, cells) in (0u32..).zip(range.rows()) {
        for (c, cell) in (0u16..).zip(cells) {
            write_cell(ws, r, c, cell);
        }
    }
}

/// The template's rows with the value of the same row of the fixture appended;
/// `first` is the column of `uppdrag`.
fn filled(template: &Range<Data>, fixture: &Range<Data>, first: usize) -> Vec<Vec<Data>> {
    let ident = |r: &[Data]| r[..first + 3].iter().map(text).collect::<Vec<_>>();
    let values: HashMap<Vec<String>, Data> = fixture.rows().skip(1).map(|r| (ident(r), r[first + 3].clone())).collect();
    let mut out = vec![template.rows().next().expect("a header row").to_vec()];
    for r in template.rows().skip(1) {
        let value = values.get(&ident(r)).unwrap_or_else(|| panic!("the fixture has no value for {:?}", ident(r)));
        out.push([&r[..first + 3], std::slice::from_ref(value)].concat());
    }
    out
}

fn write_rows(ws: &mut Worksheet, rows: &[Vec<Data>]) {
    for (r, cells) in (0u32..).zip(rows) {
        for (c, cell) in (0u16..).zip(cells) {
            write_cell(ws, r, c, cell);
        }
    }
}

/// The template filled with the fixture's values: Utfall copied, Volymer and Budget row by row.
fn fill(template: &Path, fixture: &Path, out: &Path) {
    let mut book = Workbook::new();
    let utfall = book.add_worksheet().set_name("Utfall").expect("a sheet name");
    copy_sheet(utfall, &sheet(fixture, "Utfall"));
    let volymer = book.add_worksheet().set_name("Volymer").expect("a sheet name");
    write_rows(volymer, &filled(&sheet(template, "Volymer"), &sheet(fixture, "Volymer"), 1));
    let budget = book.add_worksheet().set_name("Budget").expect("a sheet name");
    write_rows(budget, &filled(&sheet(template, "Budget"), &sheet(fixture, "Budget"), 0));
    book.save(out).expect("the filled workbook is written");
}

/// `ekostyr run --format json` without its provenance (which names the input file).
fn figures(rules: &str, input: &Path) -> serde_json::Value {
    let o = ekostyr(&["run", rules, "--input", input.to_str().expect("a UTF-8 path"), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "run on {} failed:\n{}", input.display(), stderr(&o));
    let mut report: serde_json::Value = serde_json::from_slice(&o.stdout).expect("a JSON report");
    report.as_object_mut().expect("a JSON object").remove("provenance");
    report
}

fn totals(report: &serde_json::Value) -> Vec<(String, String)> {
    let assignments = report["assignments"].as_array().expect("assignments");
    assignments.iter().map(|a| (a["id"].to_string(), a["compensation"]["total"].to_string())).collect()
}

fn filled_template_gives_the_reference_figures(rules: &str, fixture_name: &str) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let out = template(rules, dir.path());
    let filled = dir.path().join("filled.xlsx");
    fill(&out, &fixture(fixture_name), &filled);
    let (mine, reference) = (figures(rules, &filled), figures(rules, &fixture(fixture_name)));
    assert_eq!(totals(&mine), totals(&reference), "compensation per assignment");
    assert_eq!(mine, reference, "the whole report");
}

#[test]
fn the_2023_template_filled_with_the_reference_inputs_gives_the_reference_figures() {
    filled_template_gives_the_reference_figures("rules/2023.ek", "2023.xlsx");
}

#[test]
fn the_2024_template_filled_with_the_reference_inputs_gives_the_reference_figures() {
    filled_template_gives_the_reference_figures("rules/2024.ek", "2024.xlsx");
}

#[test]
fn an_unfilled_template_is_an_error_at_every_empty_value() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let out = template("rules/2023.ek", dir.path());
    let o = ekostyr(&["run", "rules/2023.ek", "--input", out.to_str().expect("a UTF-8 path")]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("Volymer!E2: förväntade ett tal, hittade en tom cell"), "{err}");
    assert!(err.contains("Volymer!E3: förväntade ett tal, hittade en tom cell"), "{err}");
    assert!(err.trim_end().ends_with("till"), "50 problems, then how many more: {err}");
}

// ------------------------------------------------------------------ errors

fn entries(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir).expect("a readable dir").map(|e| e.expect("an entry").path()).collect()
}

#[test]
fn rules_with_errors_exit_2_and_write_nothing() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let out = dir.path().join("inputs.xlsx");
    let o = ekostyr(&["template", "tests/check/unknown_measure.ek", "-o", out.to_str().expect("a UTF-8 path")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("fel: okänt mått"), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
    assert_eq!(entries(dir.path()), Vec::<PathBuf>::new(), "nothing is written");
}

#[test]
fn a_missing_rule_file_exits_2() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let out = dir.path().join("inputs.xlsx");
    let o = ekostyr(&["template", "rules/1999.ek", "-o", out.to_str().expect("a UTF-8 path"), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), "rules/1999.ek: cannot read the rule file: no such file\n");
    assert!(!out.exists());
}

#[test]
fn a_missing_output_directory_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let missing = dir.path().join("saknas");
    let out = missing.join("inputs.xlsx");
    let o = ekostyr(&["--lang", "en", "template", "rules/2023.ek", "-o", out.to_str().expect("a UTF-8 path")]);
    assert_eq!(o.status.code(), Some(2));
    let expected = format!(
        "{}: cannot write the template: the directory `{}` does not exist\n  = hint: create the directory first, or choose another place with `-o`\n",
        out.display(),
        missing.display()
    );
    assert_eq!(stderr(&o), expected);
    assert!(!missing.exists());
}

#[test]
fn an_existing_file_is_not_replaced() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let out = dir.path().join("inputs.xlsx");
    std::fs::write(&out, "a filled-in workbook").expect("a file");
    let o = ekostyr(&["template", "rules/2023.ek", "-o", out.to_str().expect("a UTF-8 path")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("filen finns redan och mallen skulle ersätta den"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).expect("the file"), "a filled-in workbook");
    assert_eq!(entries(dir.path()), vec![out], "no temporary file is left behind");
}
