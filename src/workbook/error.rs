//! Errors of reading input workbooks: one located problem each, worded by the
//! message catalog (`src/i18n/*/workbook.ftl`) when displayed.

use std::fmt;
use std::path::{Path, PathBuf};

use super::cell::{CellRef, ParsePeriodError};
use super::echo::{echo, echo_name, echo_names};
use super::limits::{
    MAX_INFLATE_RATIO, MAX_SHARED_STRINGS_MEMORY, MAX_TEXT_CHARS, MAX_XML_RUN_BYTES, figure, shared_strings_cost, sheet_cells,
};
use super::problems::{Place, Placed, Problems};
use crate::tr;

/// Every problem of one workbook, in sheet and row order (at most
/// [`MAX_PROBLEMS`](super::MAX_PROBLEMS), then a count); displayed one a line.
pub type WorkbookErrors = Problems<WorkbookError>;

/// What a column needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A number, or a text in Swedish number format.
    Number,
    /// A text (numbers are taken as their text).
    Text,
    /// A `yyyy-mm` text or a date cell.
    Period,
}

/// What a cell holds, for a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// Nothing, or only whitespace.
    Empty,
    /// A text as a message echoes it: trimmed, cut to 80 characters (with `…`), control characters escaped.
    Text(String),
    /// A number, as the spreadsheet stored it.
    Number(String),
    /// A boolean.
    Bool(bool),
    /// A duration (time span).
    Duration,
    /// A date, by its serial number.
    Date(String),
    /// A spreadsheet error value such as `#N/A`.
    Error(String),
}

/// What is wrong with one cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellProblem {
    /// The cell holds something of the wrong kind.
    Expected {
        /// What the column needs.
        expected: Expected,
        /// What the cell holds.
        found: Found,
    },
    /// A spreadsheet error value such as `#DIV/0!`.
    ErrorValue(String),
    /// A number that does not fit a decimal (NaN, infinity, too large).
    OutOfRange(String),
    /// A period text that is malformed or names a month outside 1-12.
    Period(ParsePeriodError),
    /// A date cell whose serial number is before 1900 or after 9999.
    DateOutOfRange(String),
    /// An empty cell in a column that needs a value.
    Empty(&'static str),
    /// An empty `id` cell in Utfall.
    MissingId,
    /// A text number such as `1.234`: in Swedish the dot may be a thousands
    /// separator or a decimal point, and the two readings differ a thousandfold.
    AmbiguousDot {
        /// The text as echoed.
        text: String,
        /// The reading with the dot as a thousands separator, e.g. `1 234`.
        thousands: String,
        /// The reading with the dot as a decimal point, e.g. `1,234`.
        decimal: String,
    },
    /// A text longer than [`MAX_TEXT_CHARS`](super::limits::MAX_TEXT_CHARS) characters.
    TooLong {
        /// Its length in characters.
        chars: usize,
    },
    /// A text number with dots as thousands separators, such as `1.234,5`.
    DotGroups {
        /// The text as echoed.
        text: String,
        /// The number written the Swedish way, e.g. `1 234,5`.
        fixed: String,
    },
}

impl CellProblem {
    /// How to fix the cell, when there is one clear way.
    pub fn hint(&self) -> Option<String> {
        match self {
            CellProblem::AmbiguousDot { thousands, decimal, .. } => {
                Some(tr!("wb-cell-ambiguous-dot-hint", thousands = thousands, decimal = decimal))
            }
            CellProblem::DotGroups { fixed, .. } => Some(tr!("wb-cell-dot-groups-hint", fixed = fixed)),
            _ => None,
        }
    }
}

impl From<ParsePeriodError> for CellProblem {
    fn from(e: ParsePeriodError) -> Self {
        CellProblem::Period(e)
    }
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            Expected::Number => tr!("wb-expected-number"),
            Expected::Text => tr!("wb-expected-text"),
            Expected::Period => tr!("wb-expected-period"),
        })
    }
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            Found::Empty => tr!("wb-found-empty"),
            Found::Text(text) => tr!("wb-found-text", text = text),
            Found::Number(number) => tr!("wb-found-number", number = number),
            Found::Bool(value) => tr!("wb-found-boolean", value = if *value { "true" } else { "false" }),
            Found::Duration => tr!("wb-found-duration"),
            Found::Date(serial) => tr!("wb-found-date", serial = serial),
            Found::Error(error) => error.clone(),
        })
    }
}

impl fmt::Display for CellProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            CellProblem::Expected { expected, found } => {
                tr!("wb-cell-expected", expected = expected.to_string(), found = found.to_string())
            }
            CellProblem::ErrorValue(error) => tr!("wb-cell-error-value", error = error),
            CellProblem::OutOfRange(number) => tr!("wb-cell-out-of-range", number = number),
            CellProblem::Period(e) => e.to_string(),
            CellProblem::DateOutOfRange(serial) => tr!("wb-cell-date-out-of-range", serial = serial),
            CellProblem::Empty(column) => tr!("wb-cell-empty", column = *column),
            CellProblem::MissingId => tr!("wb-cell-missing-id"),
            CellProblem::AmbiguousDot { text, thousands, decimal } => {
                tr!("wb-cell-ambiguous-dot", text = text, thousands = thousands, decimal = decimal)
            }
            CellProblem::DotGroups { text, .. } => tr!("wb-cell-dot-groups", text = text),
            CellProblem::TooLong { chars } => {
                tr!("wb-cell-too-long", chars = figure(*chars as u64), max = figure(MAX_TEXT_CHARS as u64))
            }
        })
    }
}

impl std::error::Error for CellProblem {}

/// What is wrong with a CSV file at a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvProblem {
    /// The file is UTF-16, which the reader does not take.
    Utf16,
    /// A record has values past the header's last column (often a decimal comma used as the delimiter).
    TooWide {
        /// Fields of the record, up to its last non-empty one.
        fields: usize,
        /// Fields of the header row.
        header: usize,
    },
    /// The CSV parser's message.
    Parse(String),
}

impl fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            CsvProblem::Utf16 => tr!("wb-csv-utf16"),
            CsvProblem::TooWide { fields, header } => tr!("wb-csv-too-wide", fields = *fields, header = *header),
            CsvProblem::Parse(message) => message.clone(),
        })
    }
}

/// What a path is when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A named pipe: opening it waits for a writer.
    Fifo,
    /// A block or character device such as `/dev/zero`.
    Device,
    /// A Unix socket.
    Socket,
    /// A directory (where a file belongs).
    Directory,
    /// Anything else that is no regular file.
    Other,
}

impl FileKind {
    /// The kind of a path's file type (symbolic links followed).
    pub fn of(file_type: std::fs::FileType) -> FileKind {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt as _;
            if file_type.is_fifo() {
                return FileKind::Fifo;
            }
            if file_type.is_block_device() || file_type.is_char_device() {
                return FileKind::Device;
            }
            if file_type.is_socket() {
                return FileKind::Socket;
            }
        }
        if file_type.is_dir() { FileKind::Directory } else { FileKind::Other }
    }

    fn words(self) -> String {
        let kind = match self {
            FileKind::Fifo => "fifo",
            FileKind::Device => "device",
            FileKind::Socket => "socket",
            FileKind::Directory => "directory",
            FileKind::Other => "other",
        };
        tr!("wb-file-kind", kind = kind)
    }
}

/// A part of a zip workbook, and the sheet it holds (from `xl/workbook.xml` and its
/// relationships) when it holds one, so a message can say `bladet Utfall (xl/worksheets/sheet2.xml)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZipPart {
    /// The part's path in the archive, e.g. `xl/worksheets/sheet2.xml`.
    pub path: String,
    /// The sheet's name as the workbook spells it.
    pub sheet: Option<String>,
}

impl ZipPart {
    /// The part as a message names it.
    fn words(&self) -> String {
        match &self.sheet {
            Some(sheet) => tr!("wb-part-of-sheet", sheet = echo_name(sheet), part = echo_name(&self.path)),
            None => tr!("wb-part", part = echo_name(&self.path)),
        }
    }
}

/// Errors: every variant names the file and, where there is one, the cell, sheet or column.
#[derive(Debug)]
pub enum WorkbookError {
    /// The file or folder could not be read.
    Io {
        /// The file.
        file: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The file has no bytes.
    EmptyFile {
        /// The file.
        file: PathBuf,
    },
    /// The file is neither a workbook nor a folder of CSV files.
    UnknownFormat {
        /// The file.
        file: PathBuf,
    },
    /// The spreadsheet reader refused the file.
    Open {
        /// The file.
        file: PathBuf,
        /// The format tried, e.g. `xlsx`.
        format: &'static str,
        /// The reader's message.
        message: String,
    },
    /// The spreadsheet reader crashed (panicked) on a malformed file.
    Malformed {
        /// The file.
        file: PathBuf,
        /// The panic message.
        message: String,
    },
    /// A sheet of the contract is not in the workbook.
    MissingSheet {
        /// The file.
        file: PathBuf,
        /// The sheet looked for.
        sheet: &'static str,
        /// The sheets present.
        found: Vec<String>,
    },
    /// A CSV file of the contract is not in the folder.
    MissingCsv {
        /// The folder.
        file: PathBuf,
        /// The file looked for, e.g. `Volymer.csv`.
        name: &'static str,
        /// The files present.
        found: Vec<String>,
    },
    /// The input, or a CSV file of the folder, is not a regular file (a pipe,
    /// a device, …); it is refused before it is opened, as opening could block.
    NotAFile {
        /// The path.
        file: PathBuf,
        /// For a CSV file of a folder, the sheet it would hold; `None` for the input itself.
        sheet: Option<&'static str>,
        /// What it is.
        kind: FileKind,
    },
    /// A CSV file of the folder is a symbolic link to a file outside the folder; it is never read.
    OutsideFolder {
        /// The link.
        file: PathBuf,
        /// The sheet it would hold.
        sheet: &'static str,
    },
    /// Several sheets of the workbook name one sheet of the contract (names trimmed, case folded).
    AmbiguousSheet {
        /// The file.
        file: PathBuf,
        /// The sheet of the contract.
        sheet: &'static str,
        /// The candidates as the workbook names them, each with whether it is hidden.
        names: Vec<(String, bool)>,
    },
    /// Several files of the folder name one CSV file of the contract (names trimmed, case folded).
    AmbiguousCsv {
        /// The folder.
        file: PathBuf,
        /// The file of the contract, e.g. `Utfall.csv`.
        name: &'static str,
        /// The candidates as the folder names them.
        names: Vec<String>,
    },
    /// A sheet could not be read.
    Sheet {
        /// The file.
        file: PathBuf,
        /// The sheet.
        sheet: &'static str,
        /// The reader's message.
        message: String,
    },
    /// A sheet has no non-empty row, so no header row.
    EmptySheet {
        /// The file.
        file: PathBuf,
        /// The sheet.
        sheet: &'static str,
    },
    /// The header row lacks a column of the contract.
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
    TooLarge {
        /// The file.
        file: PathBuf,
        /// The sheet, as the workbook names it.
        sheet: String,
        /// Rows spanned.
        rows: u64,
        /// Columns spanned.
        cols: u64,
    },
    /// A sheet has more data rows than its cap ([`MAX_TABLE_ROWS`](super::limits::MAX_TABLE_ROWS) or [`MAX_LEDGER_ROWS`](super::limits::MAX_LEDGER_ROWS)).
    TooManyRows {
        /// The file.
        file: PathBuf,
        /// The sheet.
        sheet: &'static str,
        /// The cap passed.
        max: u64,
    },
    /// A part of a zip workbook inflates to more bytes than its cap.
    PartTooLarge {
        /// The file.
        file: PathBuf,
        /// The part, e.g. `xl/worksheets/sheet1.xml`.
        part: ZipPart,
        /// Its inflated size, as the archive declares it.
        size: u64,
        /// The cap.
        max: u64,
    },
    /// A part of a zip workbook inflates more than [`MAX_INFLATE_RATIO`] times (a zip bomb).
    PartInflates {
        /// The file.
        file: PathBuf,
        /// The part.
        part: ZipPart,
        /// Its inflated size.
        size: u64,
        /// Its packed size.
        packed: u64,
    },
    /// A large part of a zip workbook holds an XML text or tag longer than
    /// [`MAX_XML_RUN_BYTES`](super::limits::MAX_XML_RUN_BYTES) (calamine would buffer it whole).
    XmlRunTooLong {
        /// The file.
        file: PathBuf,
        /// The part.
        part: ZipPart,
    },
    /// A part of a zip workbook does not inflate to what the archive recorded: its
    /// checksum (CRC-32) differs, or its packed data is broken. A changed byte would
    /// otherwise be read as a different value.
    PartCorrupt {
        /// The file.
        file: PathBuf,
        /// The part.
        part: ZipPart,
        /// Whether the data inflated but its checksum differs (else: the zip reader's message).
        checksum: bool,
        /// The zip reader's message.
        message: String,
    },
    /// An xlsx declares or holds more shared strings than [`MAX_SHARED_STRINGS_MEMORY`] holds.
    TooManySharedStrings {
        /// The file.
        file: PathBuf,
        /// The count declared or found, whichever is larger.
        count: u64,
        /// The part's inflated size, bytes.
        size: u64,
    },
    /// A cell's value breaks the contract.
    Cell {
        /// The file.
        file: PathBuf,
        /// The cell.
        cell: CellRef,
        /// What is wrong.
        problem: CellProblem,
    },
    /// A CSV file is not well-formed.
    Csv {
        /// The CSV file.
        file: PathBuf,
        /// The sheet it holds.
        sheet: &'static str,
        /// The 1-based line.
        line: u64,
        /// What is wrong.
        problem: CsvProblem,
    },
    /// A posting refused by the `on_posting` callback of [`super::read`].
    Posting {
        /// The file.
        file: PathBuf,
        /// The 1-based row (for CSV: line) of the posting.
        row: u32,
        /// Why it was refused, worded by the caller.
        message: String,
    },
}

impl fmt::Display for WorkbookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file().display(), self.message())
    }
}

impl std::error::Error for WorkbookError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WorkbookError::Io { source, .. } => Some(source),
            WorkbookError::Cell { problem, .. } => Some(problem),
            _ => None,
        }
    }
}

impl Placed for WorkbookError {
    fn place(&self) -> Place {
        match self {
            WorkbookError::MissingSheet { sheet, .. }
            | WorkbookError::Sheet { sheet, .. }
            | WorkbookError::EmptySheet { sheet, .. }
            | WorkbookError::TooManyRows { sheet, .. }
            | WorkbookError::OutsideFolder { sheet, .. }
            | WorkbookError::NotAFile { sheet: Some(sheet), .. }
            | WorkbookError::AmbiguousSheet { sheet, .. } => Place::sheet(sheet),
            WorkbookError::TooLarge { sheet, .. } => Place::sheet(sheet),
            WorkbookError::MissingCsv { name, .. } | WorkbookError::AmbiguousCsv { name, .. } => {
                Place::sheet(name.trim_end_matches(".csv"))
            }
            WorkbookError::Csv { sheet, line, .. } => Place::row(sheet, u32::try_from(*line).unwrap_or(u32::MAX)),
            WorkbookError::Posting { row, .. } => Place::row("Utfall", *row),
            _ => self.cell().map_or(Place::FILE, Place::cell),
        }
    }
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
            | WorkbookError::NotAFile { file, .. }
            | WorkbookError::OutsideFolder { file, .. }
            | WorkbookError::AmbiguousSheet { file, .. }
            | WorkbookError::AmbiguousCsv { file, .. }
            | WorkbookError::Sheet { file, .. }
            | WorkbookError::EmptySheet { file, .. }
            | WorkbookError::MissingColumn { file, .. }
            | WorkbookError::DuplicateColumn { file, .. }
            | WorkbookError::TooLarge { file, .. }
            | WorkbookError::TooManyRows { file, .. }
            | WorkbookError::PartTooLarge { file, .. }
            | WorkbookError::PartInflates { file, .. }
            | WorkbookError::XmlRunTooLong { file, .. }
            | WorkbookError::PartCorrupt { file, .. }
            | WorkbookError::TooManySharedStrings { file, .. }
            | WorkbookError::Cell { file, .. }
            | WorkbookError::Csv { file, .. }
            | WorkbookError::Posting { file, .. } => file,
        }
    }

    /// The message after the file, in the process's language.
    fn message(&self) -> String {
        match self {
            WorkbookError::Io { source, .. } => tr!("wb-io", cause = io_cause(source)),
            WorkbookError::EmptyFile { .. } => tr!("wb-empty-file"),
            WorkbookError::UnknownFormat { .. } => tr!("wb-unknown-format"),
            WorkbookError::Open { format, message, .. } => tr!("wb-open", format = *format, message = message),
            WorkbookError::Malformed { message, .. } => tr!("wb-malformed", message = message),
            WorkbookError::MissingSheet { sheet, found, .. } => tr!("wb-missing-sheet", sheet = *sheet, found = list(found)),
            WorkbookError::MissingCsv { name, found, .. } => tr!("wb-missing-csv", name = *name, found = list(found)),
            WorkbookError::NotAFile { sheet: None, kind, .. } => tr!("wb-input-not-a-file", kind = kind.words()),
            WorkbookError::NotAFile { sheet: Some(_), kind, .. } => tr!("wb-csv-not-a-file", kind = kind.words()),
            WorkbookError::OutsideFolder { .. } => tr!("wb-csv-outside-folder"),
            WorkbookError::AmbiguousSheet { sheet, names, .. } => tr!("wb-ambiguous-sheet", sheet = *sheet, names = sheet_names(names)),
            WorkbookError::AmbiguousCsv { name, names, .. } => tr!("wb-ambiguous-csv", name = *name, names = echo_names(names)),
            WorkbookError::Sheet { sheet, message, .. } => tr!("wb-sheet", sheet = *sheet, message = message),
            WorkbookError::EmptySheet { sheet, .. } => tr!("wb-empty-sheet", sheet = *sheet),
            WorkbookError::MissingColumn { sheet, column, found, .. } => {
                format!("{sheet}: {}", tr!("wb-missing-column", column = *column, found = list(found)))
            }
            WorkbookError::DuplicateColumn { column, cell, first, .. } => {
                format!("{cell}: {}", tr!("wb-duplicate-column", column = *column, first = first.to_string()))
            }
            WorkbookError::TooLarge { sheet, rows, cols, .. } => {
                let (rows, cols, max) = (figure(*rows), figure(*cols), figure(sheet_cells()));
                tr!("wb-too-large", sheet = echo_name(sheet), rows = rows, cols = cols, max = max)
            }
            WorkbookError::TooManyRows { sheet, max, .. } => tr!("wb-too-many-rows", sheet = *sheet, max = figure(*max)),
            WorkbookError::PartTooLarge { part, size, max, .. } => {
                tr!("wb-part-too-large", part = part.words(), size = figure(*size), max = figure(*max))
            }
            WorkbookError::PartInflates { part, size, packed, .. } => {
                let (size, packed, max) = (figure(*size), figure(*packed), figure(MAX_INFLATE_RATIO));
                tr!("wb-part-inflates", part = part.words(), size = size, packed = packed, max = max)
            }
            WorkbookError::XmlRunTooLong { part, .. } => {
                tr!("wb-xml-run-too-long", part = part.words(), max = figure(MAX_XML_RUN_BYTES))
            }
            WorkbookError::PartCorrupt { part, checksum: true, .. } => tr!("wb-part-checksum", part = part.words()),
            WorkbookError::PartCorrupt { part, checksum: false, message, .. } => {
                tr!("wb-part-unreadable", part = part.words(), message = message)
            }
            WorkbookError::TooManySharedStrings { count, size, .. } => {
                let (cost, max) = (figure(shared_strings_cost(*count, *size)), figure(MAX_SHARED_STRINGS_MEMORY));
                tr!("wb-too-many-shared-strings", count = figure(*count), cost = cost, max = max)
            }
            WorkbookError::Cell { cell, problem, .. } => match problem.hint() {
                Some(hint) => format!("{cell}: {problem}\n  = {}", tr!("wb-hint", hint = hint)),
                None => format!("{cell}: {problem}"),
            },
            WorkbookError::Csv { line, problem, .. } => tr!("wb-csv-line", line = line.to_string(), message = problem.to_string()),
            WorkbookError::Posting { row, message, .. } => tr!("wb-posting", row = row.to_string(), message = message),
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

/// The cause of an I/O error: the common kinds in the catalog's words (the English
/// catalog keeps the system's text), others as the system says.
fn io_cause(e: &std::io::Error) -> String {
    let system = e.to_string();
    match e.kind() {
        std::io::ErrorKind::NotFound => tr!("wb-io-not-found", system = system),
        std::io::ErrorKind::PermissionDenied => tr!("wb-io-permission-denied", system = system),
        _ => system,
    }
}

/// Renders names for a `found: …` list, each echoed.
fn list(names: &[String]) -> String {
    if names.is_empty() {
        return tr!("wb-nothing");
    }
    names.iter().map(|n| echo(n)).collect::<Vec<_>>().join(", ")
}

/// Renders candidate sheets: each in backticks, untrimmed, hidden ones marked.
fn sheet_names(names: &[(String, bool)]) -> String {
    let name = |(n, hidden): &(String, bool)| match hidden {
        true => format!("`{}` {}", echo_name(n), tr!("wb-hidden")),
        false => format!("`{}`", echo_name(n)),
    };
    names.iter().map(name).collect::<Vec<_>>().join(", ")
}
