//! The monthly routine, run as a user runs it: a workbook filled up to a month with
//! the later months' rows left empty runs at `--period`; the forms a period may
//! take; `template --period` for one month; `append` of a filled month to the
//! year's workbook or CSV folder. Workbooks are made from the reference inputs.

mod common;

use common::{ekostyr, stderr, stdout};

use calamine::{Data, Reader, Xlsx, open_workbook};
use rust_xlsxwriter::{Format, Workbook};
use std::path::{Path, PathBuf};

const RULES: &str = "rules/2023.ek";
const SHEETS: [&str; 3] = ["Utfall", "Volymer", "Budget"];

/// A sheet's rows as cells.
type Rows = Vec<Vec<Data>>;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name)
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temp path")
}

fn read_sheet(path: &Path, name: &str) -> Rows {
    let mut book: Xlsx<_> = open_workbook(path).expect("an xlsx workbook");
    let range = book.worksheet_range(name).unwrap_or_else(|e| panic!("{}: no sheet {name}: {e}", path.display()));
    range.rows().map(<[Data]>::to_vec).collect()
}

/// The reference workbook's sheets.
fn reference() -> Vec<(&'static str, Rows)> {
    SHEETS.iter().map(|&s| (s, read_sheet(&fixture("2023.xlsx"), s))).collect()
}

/// The month (1..=12) of a data row of Utfall or Volymer (period in column A, text `2023-MM`).
fn month(row: &[Data]) -> u32 {
    match &row[0] {
        Data::String(s) => s[5..7].parse().expect("a month"),
        other => panic!("a period cell of an unexpected kind: {other:?}"),
    }
}

fn write_book(path: &Path, sheets: &[(&str, Rows)]) {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (name, rows) in sheets {
        let ws = book.add_worksheet().set_name(*name).expect("a sheet name");
        for (r, cells) in (0u32..).zip(rows) {
            for (c, cell) in (0u16..).zip(cells) {
                let written = match cell {
                    Data::Empty => continue,
                    Data::String(s) => ws.write_string(r, c, s),
                    Data::Float(x) => ws.write_number(r, c, *x),
                    Data::Int(i) => ws.write_number(r, c, *i as f64),
                    Data::DateTime(d) => ws.write_number_with_format(r, c, d.as_f64(), &date),
                    other => panic!("a cell of an unexpected kind: {other:?}"),
                };
                written.expect("a cell");
            }
        }
    }
    book.save(path).expect("the workbook is written");
}

/// The reference workbook with each data row of Utfall and Volymer edited (or dropped: `None`).
fn edited(path: &Path, edit: impl Fn(&str, Vec<Data>) -> Option<Vec<Data>>) {
    let sheets: Vec<(&str, Rows)> = reference()
        .into_iter()
        .map(|(name, rows)| {
            if name == "Budget" {
                return (name, rows);
            }
            let mut rows = rows.into_iter();
            let header = rows.next().expect("a header row");
            (name, std::iter::once(header).chain(rows.filter_map(|r| edit(name, r))).collect())
        })
        .collect();
    write_book(path, &sheets);
}

/// Up to `last`: the later months' Volymer rows with `värde` emptied, Utfall kept whole (filled or not, they are skipped).
fn empty_after(last: u32) -> impl Fn(&str, Vec<Data>) -> Option<Vec<Data>> {
    move |sheet, mut row| {
        if sheet == "Volymer" && month(&row) > last {
            row[4] = Data::Empty;
        }
        Some(row)
    }
}

/// Up to `last`: the later months' rows removed.
fn cut_after(last: u32) -> impl Fn(&str, Vec<Data>) -> Option<Vec<Data>> {
    move |_, row| (month(&row) <= last).then_some(row)
}

/// `ekostyr run --format json` (exit 0) without its provenance, and what it said on standard error.
fn figures(input: &Path, period: &str) -> (serde_json::Value, String) {
    let o = ekostyr(&["run", RULES, "--input", path_str(input), "--period", period, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "run on {} failed:\n{}", input.display(), stderr(&o));
    let mut report: serde_json::Value = serde_json::from_slice(&o.stdout).expect("a JSON report");
    report.as_object_mut().expect("a JSON object").remove("provenance");
    (report, stderr(&o))
}

// ------------------------------------------------------------------ --period and the later months

#[test]
fn empty_later_months_run_at_the_period_with_the_figures_of_the_cut_workbook() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let (filled, cut) = (dir.path().join("filled.xlsx"), dir.path().join("cut.xlsx"));
    edited(&filled, empty_after(9));
    edited(&cut, cut_after(9));
    let (mine, note) = figures(&filled, "2023-09");
    let (reference, quiet) = figures(&cut, "2023-09");
    assert_eq!(mine, reference);
    assert_eq!(mine["assignments"].as_array().map(Vec::len), Some(9), "a report with every assignment");
    assert_eq!(note, "rader av månader efter 2023-09 lästes inte: Volymer 123 rader, Utfall 912 rader\n");
    assert_eq!(quiet, "", "nothing was left out of the cut workbook");
}

#[test]
fn explain_at_the_period_reads_past_the_empty_later_months_and_says_so() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let (filled, cut) = (dir.path().join("filled.xlsx"), dir.path().join("cut.xlsx"));
    edited(&filled, empty_after(9));
    edited(&cut, cut_after(9));
    let explain =
        |input: &Path| ekostyr(&["explain", RULES, "--input", path_str(input), "--period", "2023-09", "vårdboende.beläggningsgrad"]);
    let (mine, reference) = (explain(&filled), explain(&cut));
    assert_eq!(mine.status.code(), Some(0), "{}", stderr(&mine));
    assert!(stdout(&mine).contains("volym(belagda_dygn) = 141 174 dygn"), "{}", stdout(&mine));
    assert_eq!(stdout(&mine), stdout(&reference));
    assert!(stderr(&mine).starts_with("rader av månader efter 2023-09 lästes inte: Volymer 123 rader"), "{}", stderr(&mine));
}

#[test]
fn without_a_period_the_empty_later_months_are_errors_at_their_cells() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let filled = dir.path().join("filled.xlsx");
    edited(&filled, empty_after(9));
    let o = ekostyr(&["run", RULES, "--input", path_str(&filled)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Volymer!E371: förväntade ett tal, hittade en tom cell"), "{}", stderr(&o));
}

#[test]
fn an_empty_cell_up_to_the_period_stays_an_error_at_its_cell() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let filled = dir.path().join("filled.xlsx");
    edited(&filled, empty_after(9));
    // Volymer!E330 (index 329) is a row of 2023-09: the month asked for.
    let mut sheets: Vec<(&str, Rows)> = SHEETS.iter().map(|&s| (s, read_sheet(&filled, s))).collect();
    assert_eq!(month(&sheets[1].1[329]), 9, "the row emptied is of the period");
    sheets[1].1[329][4] = Data::Empty;
    write_book(&filled, &sheets);
    let o = ekostyr(&["run", RULES, "--input", path_str(&filled), "--period", "2023-09"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("Volymer!E330: förväntade ett tal, hittade en tom cell"), "{err}");
    assert!(!err.contains("Volymer!E371"), "a later month is no error: {err}");
}

#[test]
fn a_row_of_another_year_is_not_skipped_as_a_later_month() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let filled = dir.path().join("filled.xlsx");
    edited(&filled, empty_after(9));
    let mut sheets: Vec<(&str, Rows)> = SHEETS.iter().map(|&s| (s, read_sheet(&filled, s))).collect();
    sheets[1].1[370][0] = Data::String("2024-10".into());
    write_book(&filled, &sheets);
    let o = ekostyr(&["run", RULES, "--input", path_str(&filled), "--period", "2023-09"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("Volymer!E371: förväntade ett tal, hittade en tom cell"), "{err}");
    assert!(!err.contains("Volymer!E372"), "the rows of 2023-10 are skipped: {err}");
}

#[test]
fn a_csv_folder_with_empty_later_months_runs_at_the_period() {
    let year = common::csv_folder::folder(|sheets| {
        for line in sheets[1].iter_mut().skip(1).filter(|l| l.starts_with("2023-1")) {
            let fields: Vec<&str> = line.split(';').collect();
            *line = format!("{};", fields[..4].join(";"));
        }
    });
    let cut = common::csv_folder::folder(|sheets| {
        for lines in sheets.iter_mut().take(2) {
            lines.retain(|l| l.as_str() < "2023-10" || !l.starts_with("2023-"));
        }
    });
    let (mine, note) = figures(year.path(), "2023-09");
    let (reference, _) = figures(cut.path(), "2023-09");
    assert_eq!(mine, reference);
    assert!(note.contains("Volymer 123 rader, Utfall 912 rader"), "{note}");
}

// ------------------------------------------------------------------ the forms of a period

#[test]
fn every_form_of_the_period_argument_gives_the_same_report() {
    let (reference, _) = figures(&fixture("2023.xlsx"), "2023-08");
    for form in ["202308", "2023-08-31", " 2023-08 "] {
        assert_eq!(figures(&fixture("2023.xlsx"), form).0, reference, "--period {form:?}");
    }
    for (form, error) in [
        ("2023-05-01 garbage", "förväntade en period åååå-mm, hittade `2023-05-01 garbage`"),
        ("2023-13", "månad 13 i `2023-13` ligger utanför 1-12"),
        ("202313", "månad 13 i `202313` ligger utanför 1-12"),
        ("2023-02-30", "dag 30 i `2023-02-30` finns inte i den månaden"),
    ] {
        let o = ekostyr(&["run", RULES, "--input", path_str(&fixture("2023.xlsx")), "--period", form]);
        assert_eq!(o.status.code(), Some(2), "--period {form:?}");
        assert!(stderr(&o).contains(error), "--period {form:?}: {}", stderr(&o));
    }
}

/// How a test writes the period of a month.
type PeriodForm = Box<dyn Fn(u32) -> Data>;

/// The reference workbook with each Utfall and Volymer period written as `form` gives it.
fn with_periods(path: &Path, form: impl Fn(u32) -> Data) {
    edited(path, |_, mut row| {
        row[0] = form(month(&row));
        Some(row)
    });
}

#[test]
fn every_form_of_a_period_cell_gives_the_reference_figures() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let (reference, _) = figures(&fixture("2023.xlsx"), "2023-12");
    // The first day of each month of 2023 as a serial number (1 July is 45108).
    let firsts = [44927.0, 44958.0, 44986.0, 45017.0, 45047.0, 45078.0, 45108.0, 45139.0, 45170.0, 45200.0, 45231.0, 45261.0];
    let serial = move |m: u32| calamine::ExcelDateTime::new(firsts[m as usize - 1] + 14.0, calamine::ExcelDateTimeType::DateTime, false);
    let forms: [(&str, PeriodForm); 4] = [
        ("yyyymm-text", Box::new(|m| Data::String(format!("2023{m:02}")))),
        ("yyyymm-number", Box::new(|m| Data::Float(f64::from(202_300 + m)))),
        ("date-text", Box::new(|m| Data::String(format!("2023-{m:02}-15")))),
        ("date-cell", Box::new(move |m| Data::DateTime(serial(m)))),
    ];
    for (name, form) in forms {
        let path = dir.path().join(format!("{name}.xlsx"));
        with_periods(&path, form);
        assert_eq!(figures(&path, "2023-12").0, reference, "periods as {name}");
    }
}

#[test]
fn a_bad_period_cell_stays_an_error_at_its_cell() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("bad.xlsx");
    let bad = ["2023-05-01 garbage", "202313", "2023-13"];
    let seen = std::cell::Cell::new(0);
    edited(&path, |sheet, mut row| {
        if sheet == "Volymer" && seen.get() < bad.len() {
            row[0] = Data::String(bad[seen.get()].to_string());
            seen.set(seen.get() + 1);
        }
        Some(row)
    });
    let o = ekostyr(&["run", RULES, "--input", path_str(&path)]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("Volymer!A2: förväntade en period åååå-mm, hittade `2023-05-01 garbage`"), "{err}");
    assert!(err.contains("Volymer!A3: månad 13 i `202313` ligger utanför 1-12"), "{err}");
    assert!(err.contains("Volymer!A4: månad 13 i `2023-13` ligger utanför 1-12"), "{err}");
}

// ------------------------------------------------------------------ template --period

/// `ekostyr template RULES -o DIR/NAME [--period P]`, exit 0.
fn template(dir: &Path, name: &str, period: Option<&str>) -> PathBuf {
    let out = dir.join(name);
    let mut args = vec!["template", RULES, "-o", path_str(&out)];
    args.extend(period.iter().flat_map(|p| ["--period", p]));
    let o = ekostyr(&args);
    assert_eq!(o.status.code(), Some(0), "template failed:\n{}", stderr(&o));
    out
}

fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[test]
fn the_template_of_a_month_has_that_months_rows_only() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let year = template(dir.path(), "year.xlsx", None);
    let month = template(dir.path(), "oktober.xlsx", Some("2023-10"));
    let (year_rows, month_rows) = (read_sheet(&year, "Volymer"), read_sheet(&month, "Volymer"));
    assert_eq!(month_rows[0], year_rows[0], "the same columns");
    let october: Vec<&Vec<Data>> = year_rows.iter().skip(1).filter(|r| text(&r[0]) == "2023-10").collect();
    assert_eq!(month_rows.len() - 1, october.len());
    assert_eq!(month_rows.len() - 1, (year_rows.len() - 1) / 12);
    assert!(month_rows.iter().skip(1).zip(&october).all(|(m, y)| m == *y), "the year's October rows, in order");
    let budget = read_sheet(&month, "Budget");
    assert_eq!((budget.len(), budget[0].len()), (1, 4), "Budget: its header only");
    assert_eq!(read_sheet(&month, "Utfall").len(), 1, "Utfall: its header");
    let mut book: Xlsx<_> = open_workbook(&month).expect("an xlsx workbook");
    assert_eq!(book.sheet_names(), ["Instruktioner", "Utfall", "Volymer", "Budget", "Listor"]);
    let instructions = book.worksheet_range("Instruktioner").expect("instructions");
    let lines: Vec<String> = instructions.rows().map(|r| r.iter().map(text).collect::<Vec<_>>().join(" ")).collect();
    assert!(lines.iter().any(|l| l.contains("Mallen gäller bara månaden 2023-10")), "{lines:#?}");
    assert!(lines.iter().any(|l| l.contains("ekostyr append")), "{lines:#?}");
}

#[test]
fn the_template_of_a_month_of_another_year_is_refused() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let out = dir.path().join("m.xlsx");
    let o = ekostyr(&["template", RULES, "-o", path_str(&out), "--period", "2024-01"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("2024-01"), "{}", stderr(&o));
    assert!(!out.exists());
}

// ------------------------------------------------------------------ append

/// The month's template filled with the reference workbook's rows of `m`.
fn filled_month(dir: &Path, m: u32) -> PathBuf {
    let template = template(dir, &format!("month-{m}.xlsx"), Some(&format!("2023-{m:02}")));
    let reference = reference();
    let of_month =
        |rows: &Rows| -> Rows { std::iter::once(rows[0].clone()).chain(rows.iter().skip(1).filter(|r| month(r) == m).cloned()).collect() };
    let volumes = of_month(&reference[1].1);
    let template_rows = read_sheet(&template, "Volymer");
    assert_eq!(volumes.len(), template_rows.len(), "the reference has a value for each row of the template");
    let out = dir.join(format!("filled-{m}.xlsx"));
    let budget_header = vec![reference[2].1[0].clone()];
    write_book(&out, &[("Utfall", of_month(&reference[0].1)), ("Volymer", volumes), ("Budget", budget_header)]);
    out
}

fn append(year: &Path, month: &Path) -> std::process::Output {
    ekostyr(&["append", RULES, "--input", path_str(year), "--månad", path_str(month)])
}

#[test]
fn append_adds_a_month_refuses_it_twice_and_gives_the_figures_of_the_full_workbook() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let year = dir.path().join("year.xlsx");
    edited(&year, |sheet, mut row| match month(&row) {
        m if m <= 9 => Some(row),
        _ if sheet == "Volymer" => {
            row[4] = Data::Empty;
            Some(row)
        }
        _ => None,
    });
    let october = filled_month(dir.path(), 10);
    let o = append(&year, &october);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        format!(
            "lade till 2023-10 i {}: Utfall 302 rader, Volymer 41 rader\n41 tomma rader i Volymer för samma månader ersattes\n",
            year.display()
        )
    );
    assert!(stderr(&o).contains("formatering, rullistor och formler finns inte kvar"), "{}", stderr(&o));

    let cut = dir.path().join("cut.xlsx");
    edited(&cut, cut_after(10));
    assert_eq!(figures(&year, "2023-10").0, figures(&cut, "2023-10").0);

    let before = std::fs::read(&year).expect("the year's workbook");
    let again = append(&year, &october);
    assert_eq!(again.status.code(), Some(2));
    let err = stderr(&again);
    assert!(err.contains("Volymer har redan rader för 2023-10") || err.contains("Utfall har redan rader för 2023-10"), "{err}");
    assert_eq!(std::fs::read(&year).expect("the year's workbook"), before, "untouched");
}

#[test]
fn a_month_with_a_bad_cell_is_refused_at_its_cell_and_the_year_is_untouched() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let year = dir.path().join("year.xlsx");
    edited(&year, cut_after(9));
    let october = filled_month(dir.path(), 10);
    let mut sheets: Vec<(&str, Rows)> = SHEETS.iter().map(|&s| (s, read_sheet(&october, s))).collect();
    sheets[1].1[3][4] = Data::Empty;
    write_book(&october, &sheets);
    let before = std::fs::read(&year).expect("the year's workbook");
    let o = append(&year, &october);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Volymer!E4: förväntade ett tal, hittade en tom cell"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&year).expect("the year's workbook"), before, "untouched");
    let names: Vec<_> = std::fs::read_dir(dir.path()).expect("the dir").map(|e| e.expect("an entry").file_name()).collect();
    assert_eq!(names.len(), 3, "no temporary file left: {names:?}");
}

#[test]
fn a_month_appended_to_a_csv_folder_keeps_its_dialect_and_gives_the_full_figures() {
    let cut = |last: &'static str| {
        move |sheets: &mut [Vec<String>; 3]| {
            for lines in sheets.iter_mut().take(2) {
                lines.retain(|l| l.as_str() < last || !l.starts_with("2023-"));
            }
        }
    };
    let year = common::csv_folder::folder(cut("2023-10"));
    let reference = common::csv_folder::folder(cut("2023-11"));
    let month = common::csv_folder::folder(|sheets| {
        for lines in sheets.iter_mut().take(2) {
            lines.retain(|l| l.starts_with("2023-10") || !l.starts_with("2023-"));
        }
        sheets[2].truncate(1);
    });
    let o = append(year.path(), month.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("Utfall 302 rader, Volymer 41 rader"), "{}", stdout(&o));
    assert_eq!(stderr(&o), "", "a CSV folder is rewritten in its own dialect, nothing lost");
    assert_eq!(figures(year.path(), "2023-10").0, figures(reference.path(), "2023-10").0);
    let volymer = std::fs::read_to_string(year.path().join("Volymer.csv")).expect("Volymer.csv");
    assert!(volymer.starts_with("period;uppdrag;del;mått;värde\r\n"), "{}", &volymer[..60]);
    assert!(volymer.contains("\r\n2023-10;områdesansvar;nordväst;hemtjänsttimmar_leanlink;6817,3\r\n"), "decimal comma kept");
    let again = append(year.path(), month.path());
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("Utfall har redan rader för 2023-10"), "{}", stderr(&again));
}

#[test]
fn append_refuses_a_month_with_budget_rows() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let year = dir.path().join("year.xlsx");
    edited(&year, cut_after(9));
    let october = filled_month(dir.path(), 10);
    let mut sheets: Vec<(&str, Rows)> = SHEETS.iter().map(|&s| (s, read_sheet(&october, s))).collect();
    sheets[2].1 = read_sheet(&fixture("2023.xlsx"), "Budget");
    write_book(&october, &sheets);
    let o = append(&year, &october);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("månadens Budget har rader"), "{}", stderr(&o));
}
