//! Builders of small input workbooks and CSV folders for the workbook tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use ekostyr::workbook::{self, Inputs, Posting, WorkbookError, WorkbookErrors};
use rust_decimal::Decimal;
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

/// One cell to write.
#[derive(Debug, Clone)]
pub enum W {
    /// A text cell.
    S(&'static str),
    /// A number cell.
    N(f64),
    /// A date cell (y, m, d) formatted as a date.
    D(u16, u8, u8),
    /// A formula with a cached result.
    F(&'static str, &'static str),
    /// A boolean cell.
    B(bool),
    /// Nothing written.
    E,
}

pub use W::*;

/// A sheet: name and rows (row 0 first).
pub type Sheet = (&'static str, Vec<Vec<W>>);

/// A posting as owned values, for comparing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owned {
    pub period: String,
    pub id: String,
    pub komplement: String,
    pub konto: String,
    pub amount: String,
    pub row: u32,
}

impl From<Posting<'_>> for Owned {
    fn from(p: Posting<'_>) -> Self {
        Owned {
            period: p.period.to_string(),
            id: p.id.to_string(),
            komplement: p.komplement.to_string(),
            konto: p.konto.to_string(),
            amount: p.amount.to_string(),
            row: p.row,
        }
    }
}

/// A valid Utfall sheet.
pub fn utfall() -> Sheet {
    (
        "Utfall",
        vec![
            vec![S("period"), S("id"), S("komplement"), S("konto"), S("belopp")],
            vec![S("2023-01"), S("A1"), S("K1"), S("4010"), N(1234.57)],
            vec![S("2023-02"), S("A1"), E, S("4010"), S("-1 234,50")],
        ],
    )
}

/// A valid Volymer sheet.
pub fn volymer() -> Sheet {
    (
        "Volymer",
        vec![
            vec![S("period"), S("uppdrag"), S("del"), S("mått"), S("värde")],
            vec![S("2023-01"), S("Hemtjänst"), S("Norr"), S("timmar"), N(120.5)],
        ],
    )
}

/// A valid Budget sheet.
pub fn budget() -> Sheet {
    ("Budget", vec![vec![S("uppdrag"), S("del"), S("mått"), S("värde")], vec![S("Hemtjänst"), E, S("kr"), N(1_000_000.0)]])
}

/// The three valid sheets.
pub fn valid() -> Vec<Sheet> {
    vec![utfall(), volymer(), budget()]
}

/// Replaces the sheet named `name` in `sheets`.
pub fn with(mut sheets: Vec<Sheet>, sheet: Sheet) -> Vec<Sheet> {
    for s in &mut sheets {
        if s.0.eq_ignore_ascii_case(sheet.0) {
            *s = sheet.clone();
        }
    }
    sheets
}

/// Writes an xlsx file `name` in `dir`.
pub fn xlsx(dir: &Path, name: &str, sheets: &[Sheet]) -> PathBuf {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (sheet_name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*sheet_name).expect("sheet name");
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    S(s) => sheet.write_string(r, c, *s).map(|_| ()),
                    N(x) => sheet.write_number(r, c, *x).map(|_| ()),
                    B(b) => sheet.write_boolean(r, c, *b).map(|_| ()),
                    F(f, v) => sheet.write_formula(r, c, Formula::new(*f).set_result(*v)).map(|_| ()),
                    D(y, m, d) => {
                        let dt = ExcelDateTime::from_ymd(*y, *m, *d).expect("date");
                        sheet.write_datetime_with_format(r, c, &dt, &date).map(|_| ())
                    }
                    E => Ok(()),
                }
                .expect("write cell");
            }
        }
    }
    let path = dir.join(name);
    book.save(&path).expect("save xlsx");
    path
}

/// Writes a file with the given bytes.
pub fn file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write file");
    path
}

/// Reads, collecting postings.
pub fn read_all(path: &Path) -> Result<(Inputs, Vec<Owned>), WorkbookErrors> {
    let mut postings = Vec::new();
    let inputs = workbook::read(path, &mut |p| {
        postings.push(Owned::from(p));
        Ok(())
    })?;
    Ok((inputs, postings))
}

/// Reads, expecting exactly one problem; returns it and its message.
pub fn error_of(path: &Path) -> (WorkbookError, String) {
    let errors = read_all(path).expect_err("expected an error");
    let mut problems = errors.into_kept();
    assert_eq!(problems.len(), 1, "expected one problem, got {problems:#?}");
    let err = problems.remove(0);
    let message = err.to_string();
    (err, message)
}

/// Reads, expecting problems; returns each problem's message without the leading `file: `.
pub fn problems_of(path: &Path) -> Vec<String> {
    let errors = read_all(path).expect_err("expected problems");
    errors.kept().iter().map(|e| without_file(&e.to_string(), e.file())).collect()
}

/// The message of an error without the leading `file: `.
pub fn without_file(message: &str, path: &Path) -> String {
    let prefix = format!("{}: ", path.display());
    message.strip_prefix(&prefix).unwrap_or(message).to_string()
}

/// A decimal from text.
pub fn dec(text: &str) -> Decimal {
    text.parse().expect("decimal")
}

/// A temporary directory.
pub fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("tempdir")
}
