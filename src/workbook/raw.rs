//! Sheets as found, cell by cell, for rewriting a workbook or CSV folder (`ekostyr
//! append`): no contract is checked here beyond finding the sheets; the typed
//! reader ([`super::read`]) is what validates.

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, SheetVisible, open_workbook_auto};

use super::cell::{Period, parse_period_text, period_from_number, period_from_serial};
use super::csv::detect_delimiter;
use super::error::{CsvProblem, WorkbookError};
use super::limits::sheet_cells;

/// One cell's value as found.
#[derive(Debug, Clone, PartialEq)]
pub enum RawCell {
    /// An empty cell.
    Empty,
    /// Text (every field of a CSV file).
    Text(String),
    /// A number.
    Number(f64),
    /// TRUE or FALSE.
    Bool(bool),
    /// A date cell: its serial number, and whether it counts from 1904.
    Date {
        /// Days since the epoch.
        serial: f64,
        /// The 1904 date system.
        is_1904: bool,
    },
}

impl RawCell {
    fn of(data: &Data) -> RawCell {
        match data {
            Data::Empty => RawCell::Empty,
            Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => RawCell::Text(s.clone()),
            Data::Float(x) => RawCell::Number(*x),
            Data::Int(i) => RawCell::Number(*i as f64),
            Data::Bool(b) => RawCell::Bool(*b),
            Data::DateTime(dt) => RawCell::Date { serial: dt.as_f64(), is_1904: super::value::is_1904(dt) },
            Data::Error(e) => RawCell::Text(e.to_string()),
        }
    }

    /// Whether the cell is empty or holds only whitespace.
    pub fn is_blank(&self) -> bool {
        match self {
            RawCell::Empty => true,
            RawCell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell's text, trimmed (a header cell's column name); empty for a non-text cell.
    pub fn text(&self) -> &str {
        match self {
            RawCell::Text(s) => s.trim(),
            _ => "",
        }
    }

    /// The month the cell names, read as the typed reader reads a period; `None` when it names none.
    pub fn period(&self) -> Option<Period> {
        match self {
            RawCell::Text(s) => parse_period_text(s).ok(),
            RawCell::Number(x) => period_from_number(*x).and_then(Result::ok),
            RawCell::Date { serial, is_1904 } => period_from_serial(*serial, *is_1904),
            RawCell::Empty | RawCell::Bool(_) => None,
        }
    }
}

/// A sheet of a workbook: its name, whether it is hidden, its rows from row 1 and column A.
#[derive(Debug, Clone, PartialEq)]
pub struct RawSheet {
    /// The name as the workbook spells it.
    pub name: String,
    /// Hidden (or very hidden) in the workbook.
    pub hidden: bool,
    /// The cells, row by row; rows may differ in length.
    pub rows: Vec<Vec<RawCell>>,
}

/// Every sheet of a workbook (xlsx, xlsm, xls, xlsb, ods), in workbook order, after
/// the same size checks as the reader's.
pub fn read_book(path: &Path) -> Result<Vec<RawSheet>, WorkbookError> {
    let malformed = |message: String| WorkbookError::Malformed { file: path.to_path_buf(), message };
    // Checked on the open handle; calamine's format sniffing (`open_workbook_auto`) takes a
    // path or a cloneable reader only, so it opens the path once more.
    let handle = match crate::source::open_for_reading(path).map_err(|e| WorkbookError::io(path, e))? {
        (Some(handle), meta) if meta.is_file() => handle,
        (_, meta) => {
            return Err(WorkbookError::NotAFile { file: path.to_path_buf(), sheet: None, kind: super::FileKind::of(meta.file_type()) });
        }
    };
    super::sheets::preflight(&super::sheets::Opened { path, handle })?;
    let mut book = super::sheets::guard(path, || open_workbook_auto(path))?.map_err(|e| malformed(e.to_string()))?;
    let sheets: Vec<(String, bool)> = book.sheets_metadata().iter().map(|s| (s.name.clone(), s.visible != SheetVisible::Visible)).collect();
    let mut out = Vec::with_capacity(sheets.len());
    for (name, hidden) in sheets {
        let range = super::sheets::guard(path, || book.worksheet_range(&name))?.map_err(|e| malformed(e.to_string()))?;
        let (height, width) = range.get_size();
        if (height as u64).saturating_mul(width as u64) > sheet_cells() {
            return Err(malformed(crate::tr!("wb-raw-too-large", sheet = name.as_str())));
        }
        let (top, left) = range.start().map_or((0, 0), |(r, c)| (r as usize, c as usize));
        let mut rows = vec![Vec::new(); top];
        rows.extend(range.rows().map(|r| std::iter::repeat_n(RawCell::Empty, left).chain(r.iter().map(RawCell::of)).collect()));
        out.push(RawSheet { name, hidden, rows });
    }
    Ok(out)
}

/// How a CSV file is written, so a rewrite keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvDialect {
    /// `;`, `,` or tab.
    pub delimiter: u8,
    /// Starts with a UTF-8 byte order mark.
    pub bom: bool,
    /// Lines end in CR LF.
    pub crlf: bool,
    /// Windows-1252 rather than UTF-8.
    pub windows_1252: bool,
}

/// The CSV file of sheet `sheet` (`Utfall`, `Volymer`, `Budget`) of a folder, as the reader finds it.
pub fn csv_file(dir: &Path, sheet: &'static str) -> Result<PathBuf, WorkbookError> {
    let names = super::csv::file_names(dir)?;
    let wanted = match sheet {
        "Utfall" => "Utfall.csv",
        "Volymer" => "Volymer.csv",
        _ => "Budget.csv",
    };
    // The file is checked on an open handle; the rewrite reads and replaces it by its path.
    super::csv::find_file(dir, &names, wanted, sheet).map(|(path, _)| path)
}

/// A CSV file's records as text cells, and its dialect.
pub fn read_csv(file: &Path, sheet: &'static str) -> Result<(CsvDialect, Vec<Vec<RawCell>>), WorkbookError> {
    let bytes = std::fs::read(file).map_err(|e| WorkbookError::io(file, e))?;
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(super::csv::csv_error(file, sheet, 1, CsvProblem::Utf16));
    }
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let body = &bytes[if bom { 3 } else { 0 }..];
    let windows_1252 = std::str::from_utf8(body).is_err();
    let text = if windows_1252 {
        encoding_rs::WINDOWS_1252.decode_without_bom_handling(body).0.into_owned()
    } else {
        String::from_utf8_lossy(body).into_owned()
    };
    let dialect = CsvDialect { delimiter: detect_delimiter(text.as_bytes()), bom, crlf: text.contains("\r\n"), windows_1252 };
    let mut reader =
        ::csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(dialect.delimiter).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| super::csv::csv_error(file, sheet, 1, CsvProblem::Parse(e.to_string())))?;
        rows.push(record.iter().map(|f| if f.is_empty() { RawCell::Empty } else { RawCell::Text(f.to_string()) }).collect());
    }
    Ok((dialect, rows))
}

/// Writes records as a CSV file of `dialect`: text as is, numbers with a decimal
/// comma, dates as their month `YYYY-MM`.
pub fn write_csv(dialect: CsvDialect, rows: &[Vec<RawCell>]) -> Result<Vec<u8>, String> {
    let terminator = if dialect.crlf { ::csv::Terminator::CRLF } else { ::csv::Terminator::Any(b'\n') };
    let mut writer = ::csv::WriterBuilder::new().delimiter(dialect.delimiter).flexible(true).terminator(terminator).from_writer(Vec::new());
    for row in rows {
        writer.write_record(row.iter().map(csv_field)).map_err(|e| e.to_string())?;
    }
    let text = writer.into_inner().map_err(|e| e.to_string())?;
    let mut out = if dialect.bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
    match dialect.windows_1252 {
        true => out.extend_from_slice(&encoding_rs::WINDOWS_1252.encode(&String::from_utf8_lossy(&text)).0),
        false => out.extend_from_slice(&text),
    }
    Ok(out)
}

fn csv_field(cell: &RawCell) -> String {
    match cell {
        RawCell::Empty => String::new(),
        RawCell::Text(s) => s.clone(),
        RawCell::Number(x) => x.to_string().replace('.', ","),
        RawCell::Bool(b) => if *b { "SANT" } else { "FALSKT" }.to_string(),
        RawCell::Date { .. } => cell.period().map(|p| p.to_string()).unwrap_or_default(),
    }
}
