//! Input workbooks → typed rows, each value with its `Sheet!Cell`.
//!
//! A workbook (xlsx, xlsm, xls, xlsb, ods) or a folder of CSV files holds
//! three sheets: `Utfall` (the ledger, streamed posting by posting),
//! `Volymer` and `Budget` (read in full). Sheets are found by name and
//! columns by header, both case-insensitively; the header row is the first
//! non-empty row. Rows whose used columns are all empty are skipped.
//!
//! Guards against hostile or confusing inputs: two sheets (or files) that
//! could both be one sheet of the contract are an error, never a silent
//! choice; only regular files and directories are opened (a pipe would
//! block); a CSV file linked from outside its folder is never read; and
//! cell text echoed in a message is cut short with control characters escaped.
//! What reading may cost is bounded by the caps of `limits.rs`.

mod at;
mod cell;
mod csv;
mod dots;
mod echo;
mod error;
mod inflate;
mod limits;
mod preflight;
mod preflight_xls;
mod problems;
pub mod raw;
mod rows;
mod sheets;
mod value;
mod xlsx;

use std::path::Path;

use rust_decimal::Decimal;

pub use cell::{
    CellRef, ColumnName, Located, ParsePeriodError, Period, column_letters, decimal_from_f64, parse_period_text, parse_swedish_number,
    period_from_number, period_from_serial,
};
pub use error::{CellProblem, CsvProblem, Expected, FileKind, Found, WorkbookError, WorkbookErrors, ZipPart};
pub use limits::{
    Caps, MAX_INFLATE_RATIO, MAX_LEDGER_ROWS, MAX_PART_BYTES, MAX_SHARED_STRINGS_BYTES, MAX_SHARED_STRINGS_MEMORY, MAX_SHEET_CELLS,
    MAX_TABLE_ROWS, MAX_TEXT_CHARS, RATIO_FREE_BYTES, set_caps,
};
pub use problems::{MAX_PROBLEMS, Place, Placed, Problems};

/// One ledger posting (sheet Utfall): columns period, id, komplement, konto, belopp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting<'a> {
    /// Column `period`: the month booked.
    pub period: Period,
    /// Column `id`: the ID code, trimmed, never empty.
    pub id: &'a str,
    /// Column `komplement`: the complement code, trimmed, may be empty.
    pub komplement: &'a str,
    /// Column `konto`: the account, trimmed, may be empty.
    pub konto: &'a str,
    /// Column `belopp`: the amount.
    pub amount: Decimal,
    /// The 1-based row (for CSV: the line) of the posting.
    pub row: u32,
}

/// One row of Volymer: columns period, uppdrag, del, mått, värde. `part` None where the del cell is empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VolumeRow {
    /// Column `period`.
    pub period: Located<Period>,
    /// Column `uppdrag`, never empty.
    pub assignment: Located<String>,
    /// Column `del`; `None` where the cell is empty.
    pub part: Option<Located<String>>,
    /// Column `mått`, never empty.
    pub measure: Located<String>,
    /// Column `värde`.
    pub value: Located<Decimal>,
}

/// One row of Budget: columns uppdrag, del, mått, värde.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetRow {
    /// Column `uppdrag`, never empty.
    pub assignment: Located<String>,
    /// Column `del`; `None` where the cell is empty.
    pub part: Option<Located<String>>,
    /// Column `mått`, never empty.
    pub measure: Located<String>,
    /// Column `värde`.
    pub value: Located<Decimal>,
}

/// Volymer and Budget (small sheets) in full; Utfall is streamed (it can have millions of rows).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inputs {
    /// The rows of Volymer, in sheet order.
    pub volumes: Vec<VolumeRow>,
    /// The rows of Budget, in sheet order.
    pub budget: Vec<BudgetRow>,
    /// How many postings of Utfall were handed to `on_posting`.
    pub ledger_rows: u64,
    /// Rows left out because their month is after the period read up to.
    pub skipped: SkippedRows,
    /// The rows of the optional sheet Prognos (file `Prognos.csv`), in sheet order; empty without one.
    pub forecasts: Vec<ForecastRow>,
}

/// Rows of months after the period read up to (see [`read_partial_until`]), per sheet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SkippedRows {
    /// Rows of Utfall.
    pub ledger: u64,
    /// Rows of Volymer.
    pub volumes: u64,
}

impl SkippedRows {
    /// Whether no row was left out.
    pub fn is_empty(&self) -> bool {
        self.ledger == 0 && self.volumes == 0
    }
}

/// One row of the optional sheet Prognos: columns uppdrag, del, belopp, kommentar —
/// the provider's own full-year forecast of an assignment's (or part's) result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForecastRow {
    /// Column `uppdrag`, never empty.
    pub assignment: Located<String>,
    /// Column `del`; `None` where the cell is empty.
    pub part: Option<Located<String>>,
    /// Column `belopp`: the forecast result for the full year, kr.
    pub amount: Located<Decimal>,
    /// Column `kommentar`; `None` where the cell is empty.
    pub comment: Option<Located<String>>,
}

/// Reads a workbook (xlsx, xlsm, xls, xlsb, ods — by calamine, format from the extension, or sniffed when unknown) or a directory of CSV files `Utfall.csv`, `Volymer.csv`, `Budget.csv`.
/// Every posting of Utfall is handed to `on_posting` in sheet order and never stored.
///
/// Volymer and Budget are read (and checked) before Utfall. Reading goes on
/// after a problem, so the error holds every problem of the file (see
/// [`read_partial`]); an error returned by `on_posting` is one of them.
pub fn read(path: &Path, on_posting: &mut dyn FnMut(Posting<'_>) -> Result<(), WorkbookError>) -> Result<Inputs, WorkbookErrors> {
    let (inputs, problems) = read_partial(path, on_posting);
    problems.into_result(inputs)
}

/// Like [`read`], but returns the good rows along with the problems, so a caller
/// can check them too and report everything at once. A row with a bad cell is
/// left out (its cells are among the problems); a sheet that cannot be read
/// (missing, empty, no header, unreadable) gives no rows, and the other sheets are
/// still read; a file that cannot be opened gives nothing.
pub fn read_partial(path: &Path, on_posting: &mut dyn FnMut(Posting<'_>) -> Result<(), WorkbookError>) -> (Inputs, WorkbookErrors) {
    read_partial_until(path, None, on_posting)
}

/// Like [`read_partial`], up to the month `until`: rows of Utfall and Volymer of a
/// later month of its year are left out whole, whatever their other cells hold
/// (the empty rows of the months to come), and counted in [`Inputs::skipped`].
/// Their period cell is still read: a bad one is a problem, and a row of another
/// year is not skipped.
pub fn read_partial_until(
    path: &Path,
    until: Option<Period>,
    on_posting: &mut dyn FnMut(Posting<'_>) -> Result<(), WorkbookError>,
) -> (Inputs, WorkbookErrors) {
    let mut problems = WorkbookErrors::new();
    // Opened without blocking, then asked what it is: the file read is the file checked.
    let inputs = match crate::source::open_for_reading(path) {
        Ok((_, meta)) if meta.is_dir() => csv::read(path, on_posting, until, &mut problems),
        Ok((Some(handle), meta)) if meta.is_file() => sheets::read(path, handle, on_posting, until, &mut problems),
        Ok((_, meta)) => {
            problems.push(WorkbookError::NotAFile { file: path.to_path_buf(), sheet: None, kind: FileKind::of(meta.file_type()) });
            Inputs::default()
        }
        Err(e) => {
            problems.push(WorkbookError::io(path, e));
            Inputs::default()
        }
    };
    (inputs, problems)
}

/// Whether a sheet or file name found in the input names `wanted` of the
/// contract: equal once trimmed and case folded.
fn names_sheet(found: &str, wanted: &str) -> bool {
    found.trim().to_lowercase() == wanted.to_lowercase()
}
