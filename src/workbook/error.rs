//! Errors of reading input workbooks.

use std::path::{Path, PathBuf};

use super::cell::{CellRef, ParsePeriodError};

/// Most cells a sheet read as a whole (xls, ods) may span.
pub const MAX_SHEET_CELLS: u64 = 50_000_000;

/// What is wrong with one cell.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CellProblem {
    /// The cell holds something of the wrong kind; `found` is already
    /// rendered for the message, e.g. `"tolv"` (quoted) or `an empty cell`.
    #[error("expected {expected}, found {found}")]
    Expected {
        /// What the column needs, e.g. `a number`.
        expected: &'static str,
        /// What the cell holds, rendered.
        found: String,
    },
    /// A spreadsheet error value such as `#DIV/0!`.
    #[error("the cell holds the error {0}")]
    ErrorValue(String),
    /// A number that does not fit a decimal (NaN, infinity, too large).
    #[error("the number {0} is out of range")]
    OutOfRange(String),
    /// A period text that is malformed or names a month outside 1-12.
    #[error("{0}")]
    Period(#[from] ParsePeriodError),
    /// A date cell whose serial number is before 1900 or after 9999.
    #[error("the date serial number {0} is outside the dates a spreadsheet can hold")]
    DateOutOfRange(String),
    /// An empty cell in a column that needs a value.
    #[error("the `{0}` cell is empty")]
    Empty(&'static str),
    /// An empty `id` cell in Utfall.
    #[error("the `id` cell is empty; every posting needs an id code")]
    MissingId,
}

/// Errors: every variant names the file and, where there is one, the cell, sheet or column.
#[derive(Debug, thiserror::Error)]
pub enum WorkbookError {
    /// The file or folder could not be read.
    #[error("{}: cannot read the file: {source}", .file.display())]
    Io {
        /// The file.
        file: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The file has no bytes.
    #[error("{}: the file is empty", .file.display())]
    EmptyFile {
        /// The file.
        file: PathBuf,
    },
    /// The file is neither a workbook nor a folder of CSV files.
    #[error(
        "{}: not a spreadsheet workbook (expected .xlsx, .xlsm, .xls, .xlsb, .ods or a folder with Utfall.csv, Volymer.csv and Budget.csv)",
        .file.display()
    )]
    UnknownFormat {
        /// The file.
        file: PathBuf,
    },
    /// The spreadsheet reader refused the file.
    #[error("{}: cannot open it as {format} workbook: {message}", .file.display())]
    Open {
        /// The file.
        file: PathBuf,
        /// The format tried, e.g. `an xlsx`.
        format: &'static str,
        /// The reader's message.
        message: String,
    },
    /// The spreadsheet reader crashed (panicked) on a malformed file.
    #[error("{}: the workbook is malformed; the reader failed with: {message}", .file.display())]
    Malformed {
        /// The file.
        file: PathBuf,
        /// The panic message.
        message: String,
    },
    /// A sheet of the contract is not in the workbook.
    #[error("{}: sheet `{sheet}` is missing (found: {})", .file.display(), list(.found))]
    MissingSheet {
        /// The file.
        file: PathBuf,
        /// The sheet looked for.
        sheet: &'static str,
        /// The sheets present.
        found: Vec<String>,
    },
    /// A CSV file of the contract is not in the folder.
    #[error("{}: file `{name}` is missing (found: {})", .file.display(), list(.found))]
    MissingCsv {
        /// The folder.
        file: PathBuf,
        /// The file looked for, e.g. `Volymer.csv`.
        name: &'static str,
        /// The files present.
        found: Vec<String>,
    },
    /// A sheet could not be read.
    #[error("{}: cannot read sheet `{sheet}`: {message}", .file.display())]
    Sheet {
        /// The file.
        file: PathBuf,
        /// The sheet.
        sheet: &'static str,
        /// The reader's message.
        message: String,
    },
    /// A sheet has no non-empty row, so no header row.
    #[error("{}: sheet `{sheet}` is empty; its first row must name the columns", .file.display())]
    EmptySheet {
        /// The file.
        file: PathBuf,
        /// The sheet.
        sheet: &'static str,
    },
    /// The header row lacks a column of the contract.
    #[error("{}: {sheet}: column `{column}` is missing (found: {})", .file.display(), list(.found))]
    MissingColumn {
        /// The file.
        file: PathBuf,
        /// The sheet.
        sheet: &'static str,
        /// The column looked for.
        column: &'static str,
        /// The column names present, lowercased.
        found: Vec<String>,
        /// The first cell of the header row.
        cell: CellRef,
    },
    /// Two header cells name the same column of the contract.
    #[error("{}: {cell}: column `{column}` appears twice, first at {first}", .file.display())]
    DuplicateColumn {
        /// The file.
        file: PathBuf,
        /// The column.
        column: &'static str,
        /// The second header cell.
        cell: CellRef,
        /// The first header cell.
        first: CellRef,
    },
    /// A sheet read as a whole spans too many cells (usually a stray far-away cell).
    #[error(
        "{}: sheet `{sheet}` spans {rows} rows by {cols} columns, more than {MAX_SHEET_CELLS} cells; delete stray cells far from the data or save as xlsx",
        .file.display()
    )]
    TooLarge {
        /// The file.
        file: PathBuf,
        /// The sheet.
        sheet: &'static str,
        /// Rows spanned.
        rows: u64,
        /// Columns spanned.
        cols: u64,
    },
    /// A cell's value breaks the contract.
    #[error("{}: {cell}: {problem}", .file.display())]
    Cell {
        /// The file.
        file: PathBuf,
        /// The cell.
        cell: CellRef,
        /// What is wrong.
        problem: CellProblem,
    },
    /// A CSV file is not well-formed.
    #[error("{}: line {line}: {message}", .file.display())]
    Csv {
        /// The CSV file.
        file: PathBuf,
        /// The 1-based line.
        line: u64,
        /// The parser's message.
        message: String,
    },
    /// A posting refused by the `on_posting` callback of [`super::read`].
    #[error("{}: Utfall row {row}: {message}", .file.display())]
    Posting {
        /// The file.
        file: PathBuf,
        /// The 1-based row (for CSV: line) of the posting.
        row: u32,
        /// Why it was refused.
        message: String,
    },
}

impl WorkbookError {
    /// The cell the error is about, if it is about one.
    pub fn cell(&self) -> Option<&CellRef> {
        match self {
            WorkbookError::MissingColumn { cell, .. } | WorkbookError::DuplicateColumn { cell, .. } | WorkbookError::Cell { cell, .. } => {
                Some(cell)
            }
            _ => None,
        }
    }

    /// The file (or CSV folder) the error is about.
    pub fn file(&self) -> &Path {
        match self {
            WorkbookError::Io { file, .. }
            | WorkbookError::EmptyFile { file }
            | WorkbookError::UnknownFormat { file }
            | WorkbookError::Open { file, .. }
            | WorkbookError::Malformed { file, .. }
            | WorkbookError::MissingSheet { file, .. }
            | WorkbookError::MissingCsv { file, .. }
            | WorkbookError::Sheet { file, .. }
            | WorkbookError::EmptySheet { file, .. }
            | WorkbookError::MissingColumn { file, .. }
            | WorkbookError::DuplicateColumn { file, .. }
            | WorkbookError::TooLarge { file, .. }
            | WorkbookError::Cell { file, .. }
            | WorkbookError::Csv { file, .. }
            | WorkbookError::Posting { file, .. } => file,
        }
    }

    /// A [`WorkbookError::Posting`]: for `on_posting` callbacks refusing a posting.
    pub fn posting(file: &Path, row: u32, message: impl Into<String>) -> Self {
        WorkbookError::Posting { file: file.to_path_buf(), row, message: message.into() }
    }

    pub(crate) fn io(file: &Path, source: std::io::Error) -> Self {
        WorkbookError::Io { file: file.to_path_buf(), source }
    }

    pub(crate) fn at(file: &Path, cell: CellRef, problem: CellProblem) -> Self {
        WorkbookError::Cell { file: file.to_path_buf(), cell, problem }
    }
}

/// Renders names for a `found: …` list.
fn list(names: &[String]) -> String {
    if names.is_empty() { "nothing".to_string() } else { names.join(", ") }
}
