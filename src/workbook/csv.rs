//! A folder of CSV files `Utfall.csv`, `Volymer.csv`, `Budget.csv`, read
//! record by record with the same rules and cell references as a workbook.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use ::csv::ByteRecord;

use super::Inputs;
use super::error::WorkbookError;
use super::rows::{Budget, Ledger, OnPosting, RowParser, SheetReader, Sink, Volumes};
use super::value::{Row, Value};

/// Reads the three CSV files of a folder.
pub(crate) fn read(dir: &Path, on_posting: OnPosting<'_>) -> Result<Inputs, WorkbookError> {
    let [utfall, volymer, budget] = find_files(dir)?;
    let volumes = read_file(&volymer, Volumes::default())?.0;
    let budget = read_file(&budget, Budget::default())?.0;
    let ledger = read_file(&utfall, Ledger::new(on_posting))?;
    Ok(Inputs {
        volumes,
        budget,
        ledger_rows: ledger.count,
    })
}

/// The paths of `Utfall.csv`, `Volymer.csv`, `Budget.csv`, matched case-insensitively.
fn find_files(dir: &Path) -> Result<[PathBuf; 3], WorkbookError> {
    let entries = std::fs::read_dir(dir).map_err(|e| WorkbookError::io(dir, e))?;
    let mut names = entries
        .map(|entry| entry.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| WorkbookError::io(dir, e))?;
    names.sort();
    let find = |wanted: &'static str| {
        let name = names.iter().find(|n| n.eq_ignore_ascii_case(wanted));
        name.map(|n| dir.join(n))
            .ok_or_else(|| WorkbookError::MissingCsv {
                file: dir.to_path_buf(),
                name: wanted,
                found: names.clone(),
            })
    };
    Ok([find("Utfall.csv")?, find("Volymer.csv")?, find("Budget.csv")?])
}

/// Reads one CSV file into a parser.
fn read_file<P: RowParser>(file: &Path, parser: P) -> Result<P, WorkbookError> {
    let mut reader = SheetReader::new(file, parser);
    feed(file, &mut reader)?;
    reader.finish()
}

/// Streams the records of a CSV file to a sink; record line numbers become rows.
fn feed<S: Sink>(file: &Path, sink: &mut S) -> Result<(), WorkbookError> {
    let input = File::open(file).map_err(|e| WorkbookError::io(file, e))?;
    let mut input = BufReader::with_capacity(1 << 16, input);
    let head = input.fill_buf().map_err(|e| WorkbookError::io(file, e))?;
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return Err(csv_error(file, 1, "the file is utf-16; save it as csv utf-8"));
    }
    let bom = if head.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
    let delimiter = detect_delimiter(&head[bom..]);
    input.consume(bom);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(input);
    let mut record = ByteRecord::new();
    let mut decoded = Vec::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => return Ok(()),
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                return Err(csv_error(file, line, e.to_string()));
            }
        }
        let line = record.position().map_or(0, |p| p.line());
        let row = u32::try_from(line).unwrap_or(u32::MAX);
        sink.row(row, &CsvRow::new(&record, &mut decoded))?;
    }
}

fn csv_error(file: &Path, line: u64, message: impl Into<String>) -> WorkbookError {
    WorkbookError::Csv {
        file: file.to_path_buf(),
        line,
        message: message.into(),
    }
}

/// The delimiter of the first non-blank line: tab, `;` or `,`.
pub(crate) fn detect_delimiter(head: &[u8]) -> u8 {
    let line = head
        .split(|&b| b == b'\n')
        .find(|line| !line.trim_ascii().is_empty())
        .unwrap_or_default();
    let count = |d: u8| line.iter().filter(|&&b| b == d).count();
    let (tabs, semicolons, commas) = (count(b'\t'), count(b';'), count(b','));
    if tabs > semicolons.max(commas) {
        b'\t'
    } else if semicolons > commas {
        b';'
    } else {
        b','
    }
}

/// A CSV record: UTF-8 fields borrowed, or all fields decoded from Windows-1252.
enum CsvRow<'r> {
    Utf8(&'r ByteRecord),
    Decoded(&'r [String]),
}

impl<'r> CsvRow<'r> {
    /// Views a record, decoding it as Windows-1252 if a field is not UTF-8.
    fn new(record: &'r ByteRecord, decoded: &'r mut Vec<String>) -> Self {
        let utf8 = record.as_slice().is_ascii()
            || record.iter().all(|field| std::str::from_utf8(field).is_ok());
        if utf8 {
            return CsvRow::Utf8(record);
        }
        decoded.clear();
        decoded.extend(record.iter().map(|field| {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(field);
            text.into_owned()
        }));
        CsvRow::Decoded(decoded)
    }
}

impl Row for CsvRow<'_> {
    fn get(&self, col: u32) -> Value<'_> {
        let col = col as usize;
        let text = match self {
            CsvRow::Utf8(record) => record.get(col).and_then(|f| std::str::from_utf8(f).ok()),
            CsvRow::Decoded(fields) => fields.get(col).map(String::as_str),
        };
        text.map_or(Value::Empty, Value::Text)
    }

    fn width(&self) -> u32 {
        match self {
            CsvRow::Utf8(record) => record.len() as u32,
            CsvRow::Decoded(fields) => fields.len() as u32,
        }
    }
}
