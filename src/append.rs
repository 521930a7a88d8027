//! `ekostyr append`: a filled month's rows (Utfall and Volymer) added to the year's
//! workbook or CSV folder, for the monthly routine.
//!
//! The month's file is read first by the same reader as `run` (every problem
//! located at its cell); a month already in the year's file is refused, naming the
//! month and the sheet. Volymer rows of an appended month with an empty `värde` in
//! the year's file are the year template's placeholders: they give way to the
//! month's rows. The year's file is replaced only when everything succeeded, each
//! file atomically: an xlsx workbook is rewritten from its cells' values
//! (formatting, drop-down lists and formulas are not kept), a CSV folder's files in
//! their own dialect (delimiter, byte order mark, line ends, encoding).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::eval::data::InputError;
use crate::model::Model;
use crate::workbook::raw::{self, CsvDialect, RawCell, RawSheet};
use crate::workbook::{FileKind, Period, WorkbookError};

/// The sheets a month adds to, with the columns of the contract.
const SHEETS: [(&str, &[&str]); 2] =
    [("Utfall", &["period", "id", "komplement", "konto", "belopp"]), ("Volymer", &["period", "uppdrag", "del", "mått", "värde"])];

/// What was added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Added {
    /// The months of the rows added, in order.
    pub months: Vec<Period>,
    /// Rows added per sheet (`Utfall`, `Volymer`).
    pub rows: Vec<(&'static str, usize)>,
    /// Empty Volymer rows of those months that the added rows replaced.
    pub placeholders: usize,
    /// Whether the year's file is a workbook rewritten from its cells' values.
    pub rewritten_workbook: bool,
}

/// Adds the rows of `month` (a workbook or CSV folder) to the year's workbook or CSV folder `year`.
pub fn append(model: &Model, year: &Path, month: &Path) -> Result<Added, Error> {
    crate::output::refuse_inputs(year, &[month.to_path_buf()]).map_err(Error::Usage)?;
    let mut book = Book::read_year(year)?;
    crate::eval::data::load(model, month, &mut |_| {})?;
    let month_book = Book::read(month)?;
    if month_book.has_rows("Budget") {
        return Err(Error::Usage(crate::tr!("append-budget-rows", file = month.display().to_string())));
    }
    let mut added = Added { rewritten_workbook: matches!(book, Book::Workbook { .. }), ..Added::default() };
    let mut months = BTreeSet::new();
    for (sheet, columns) in SHEETS {
        let incoming = month_book.data_rows(month, sheet, columns)?;
        months.extend(incoming.iter().filter_map(|r| r[0].period()));
        let missing = || Error::Usage(crate::tr!("append-missing-sheet", file = year.display().to_string(), sheet = sheet));
        let table = book.table_mut(sheet).ok_or_else(missing)?;
        let (rows, placeholders) = merge(year, sheet, columns, table, incoming)?;
        added.rows.push((sheet, rows));
        added.placeholders += placeholders;
    }
    if added.rows.iter().all(|(_, n)| *n == 0) {
        return Err(Error::Usage(crate::tr!("append-nothing", file = month.display().to_string())));
    }
    added.months = months.into_iter().collect();
    book.write()?;
    Ok(added)
}

/// Puts `incoming` (rows in contract column order) into `table` (the year's sheet):
/// refuses a month the sheet already has, drops the placeholders of those months,
/// and inserts where the first placeholder was (else after the last row).
/// Returns the rows added and the placeholders dropped.
fn merge(
    file: &Path,
    sheet: &str,
    columns: &[&str],
    table: &mut Vec<Vec<RawCell>>,
    incoming: Vec<Vec<RawCell>>,
) -> Result<(usize, usize), Error> {
    let months: BTreeSet<Period> = incoming.iter().filter_map(|r| r[0].period()).collect();
    let (header, cols) = header(file, sheet, columns, table)?;
    let mut keep = Vec::with_capacity(table.len() + incoming.len());
    let (mut insert_at, mut dropped) = (None, 0);
    for (i, row) in std::mem::take(table).into_iter().enumerate() {
        let period = (i > header).then(|| cell(&row, cols[0]).period()).flatten().filter(|p| months.contains(p));
        match period {
            None => keep.push(row),
            Some(_) if sheet == "Volymer" && cell(&row, cols[4]).is_blank() => {
                insert_at.get_or_insert(keep.len());
                dropped += 1;
            }
            Some(p) => return Err(present(file, sheet, p, i + 1)),
        }
    }
    let last = keep.iter().rposition(|r| r.iter().any(|c| !c.is_blank()));
    let at = insert_at.unwrap_or_else(|| last.map_or(keep.len(), |i| i + 1));
    let count = incoming.len();
    keep.splice(at..at, incoming.into_iter().map(|r| place(&cols, r)));
    *table = keep;
    Ok((count, dropped))
}

/// A cell of a row, empty past its end.
fn cell(row: &[RawCell], col: usize) -> &RawCell {
    row.get(col).unwrap_or(&RawCell::Empty)
}

/// The row `values` (in contract column order) laid out in the sheet's columns `cols`.
fn place(cols: &[usize], values: Vec<RawCell>) -> Vec<RawCell> {
    let mut row = vec![RawCell::Empty; cols.iter().max().map_or(0, |&c| c + 1)];
    for (&col, value) in cols.iter().zip(values) {
        row[col] = value;
    }
    row
}

/// The index of the header row (the first non-blank row) and the column of each
/// contract column in it; an error naming the first column missing.
fn header(file: &Path, sheet: &str, columns: &[&str], table: &[Vec<RawCell>]) -> Result<(usize, Vec<usize>), Error> {
    let missing =
        |column: &str| Error::Usage(crate::tr!("append-missing-column", file = file.display().to_string(), sheet = sheet, column = column));
    let Some(at) = table.iter().position(|r| r.iter().any(|c| !c.is_blank())) else {
        return Err(missing(columns[0]));
    };
    let names: Vec<String> = table[at].iter().map(|c| c.text().to_lowercase()).collect();
    let cols = columns.iter().map(|&c| names.iter().position(|n| n == c).ok_or_else(|| missing(c))).collect::<Result<_, _>>()?;
    Ok((at, cols))
}

fn present(file: &Path, sheet: &str, period: Period, row: usize) -> Error {
    let (file, period, row) = (file.display().to_string(), period.to_string(), row.to_string());
    Error::Usage(crate::tr!("append-month-present", file = file, sheet = sheet, period = period, row = row))
}

/// A workbook or CSV folder, sheet by sheet as found.
enum Book {
    /// A workbook: every sheet, to be written back as xlsx to `path`.
    Workbook { path: PathBuf, sheets: Vec<RawSheet> },
    /// A CSV folder: the contract's files found, each with its dialect and rows.
    Csv { files: Vec<CsvSheet> },
}

/// One CSV file of a folder.
struct CsvSheet {
    sheet: &'static str,
    path: PathBuf,
    dialect: CsvDialect,
    rows: Vec<Vec<RawCell>>,
    changed: bool,
}

impl Book {
    /// The year's file: an xlsx workbook or a CSV folder (the only forms that can be written back).
    fn read_year(path: &Path) -> Result<Book, Error> {
        let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        if !path.is_dir() && !matches!(ext.as_deref(), Some("xlsx" | "xlsm")) {
            return Err(Error::Usage(crate::tr!("append-format", file = path.display().to_string())));
        }
        Book::read(path)
    }

    fn read(path: &Path) -> Result<Book, Error> {
        let input = |e: WorkbookError| Error::Input(InputError::from(e));
        // INVARIANT: nothing is opened before its file type is known: opening a fifo blocks.
        let meta = std::fs::metadata(path).map_err(|e| input(WorkbookError::io(path, e)))?;
        if !meta.is_dir() && !meta.is_file() {
            return Err(input(WorkbookError::NotAFile { file: path.to_path_buf(), sheet: None, kind: FileKind::of(meta.file_type()) }));
        }
        if !meta.is_dir() {
            return Ok(Book::Workbook { path: path.to_path_buf(), sheets: raw::read_book(path).map_err(input)? });
        }
        let mut files = Vec::new();
        for sheet in ["Utfall", "Volymer", "Budget"] {
            let Ok(file) = raw::csv_file(path, sheet) else { continue };
            let (dialect, rows) = raw::read_csv(&file, sheet).map_err(input)?;
            files.push(CsvSheet { sheet, path: file, dialect, rows, changed: false });
        }
        Ok(Book::Csv { files })
    }

    /// The rows of contract sheet `sheet`, if the book has it.
    fn table(&self, sheet: &str) -> Option<&Vec<Vec<RawCell>>> {
        match self {
            Book::Workbook { sheets, .. } => sheets.iter().find(|s| names(&s.name, sheet)).map(|s| &s.rows),
            Book::Csv { files } => files.iter().find(|f| f.sheet == sheet).map(|f| &f.rows),
        }
    }

    /// The rows of contract sheet `sheet` to change (marked changed), if the book has it.
    fn table_mut(&mut self, sheet: &'static str) -> Option<&mut Vec<Vec<RawCell>>> {
        match self {
            Book::Workbook { sheets, .. } => sheets.iter_mut().find(|s| names(&s.name, sheet)).map(|s| &mut s.rows),
            Book::Csv { files } => files.iter_mut().find(|f| f.sheet == sheet).map(|f| {
                f.changed = true;
                &mut f.rows
            }),
        }
    }

    /// Whether sheet `sheet` has a non-blank row after its header.
    fn has_rows(&self, sheet: &str) -> bool {
        let rows = self.table(sheet).map_or(&[][..], Vec::as_slice);
        rows.iter().filter(|r| r.iter().any(|c| !c.is_blank())).nth(1).is_some()
    }

    /// The non-blank data rows of `sheet`, in contract column order.
    fn data_rows(&self, file: &Path, sheet: &'static str, columns: &[&str]) -> Result<Vec<Vec<RawCell>>, Error> {
        let Some(table) = self.table(sheet) else { return Ok(vec![]) };
        let (at, cols) = header(file, sheet, columns, table)?;
        let rows = table[at + 1..].iter().filter(|r| cols.iter().any(|&c| !cell(r, c).is_blank()));
        Ok(rows.map(|r| cols.iter().map(|&c| cell(r, c).clone()).collect()).collect())
    }

    /// Writes the book back, each file atomically; CSV files only where changed.
    fn write(&self) -> Result<(), Error> {
        match self {
            Book::Workbook { path, sheets } => {
                let bytes = xlsx(sheets).map_err(Error::Usage)?;
                crate::output::write(path, &bytes).map_err(Error::Usage)
            }
            Book::Csv { files } => {
                let changed: Vec<&CsvSheet> = files.iter().filter(|f| f.changed).collect();
                let bytes =
                    changed.iter().map(|f| raw::write_csv(f.dialect, &f.rows)).collect::<Result<Vec<_>, _>>().map_err(Error::Usage)?;
                changed.iter().zip(bytes).try_for_each(|(f, b)| crate::output::write(&f.path, &b).map_err(Error::Usage))
            }
        }
    }
}

/// Whether a sheet name found names contract sheet `wanted` (trimmed, case folded, as the reader finds it).
fn names(found: &str, wanted: &str) -> bool {
    found.trim().to_lowercase() == wanted.to_lowercase()
}

/// The sheets as an xlsx workbook, from their cells' values.
fn xlsx(sheets: &[RawSheet]) -> Result<Vec<u8>, String> {
    let fail = |e: rust_xlsxwriter::XlsxError| crate::tr!("append-cannot-write", reason = e.to_string());
    let mut book = rust_xlsxwriter::Workbook::new();
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(&sheet.name).map_err(fail)?;
        ws.set_hidden(sheet.hidden);
        for (r, row) in (0u32..).zip(&sheet.rows) {
            for (c, value) in (0u16..).zip(row) {
                write_cell(ws, r, c, value, &date).map_err(fail)?;
            }
        }
    }
    book.save_to_buffer().map_err(fail)
}

fn write_cell(
    ws: &mut rust_xlsxwriter::Worksheet,
    r: u32,
    c: u16,
    value: &RawCell,
    date: &rust_xlsxwriter::Format,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    match value {
        RawCell::Empty => {}
        RawCell::Text(s) => {
            ws.write_string(r, c, s)?;
        }
        RawCell::Number(x) => {
            ws.write_number(r, c, *x)?;
        }
        RawCell::Bool(b) => {
            ws.write_boolean(r, c, *b)?;
        }
        RawCell::Date { serial, is_1904 } => {
            let serial = if *is_1904 { serial + 1462.0 } else { *serial };
            ws.write_number_with_format(r, c, serial, date)?;
        }
    }
    Ok(())
}
