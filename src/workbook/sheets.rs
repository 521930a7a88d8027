//! Workbooks read by calamine: format detection, sheet lookup, and feeding
//! rows to the sheet parsers. Xlsx and xlsb sheets are streamed cell by
//! cell; xls and ods sheets are read whole (calamine offers nothing else).

use std::fs::File;
use std::io::{BufReader, Read, Seek};
use std::ops::ControlFlow;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use calamine::{Cell, Data, DataRef, Ods, Range, Reader, Sheet, SheetVisible, Xls, Xlsb, Xlsx};

use super::at::At;
use super::error::{WorkbookError, WorkbookErrors};
use super::inflate::{Gated, Verifier};
use super::limits::sheet_cells;
use super::rows::{Budget, Cutoff, Forecasts, Ledger, OnPosting, RowParser, SheetReader, Sink, Volumes};
use super::value::{Row, Value};
use super::{Inputs, Period};

/// Most columns a spreadsheet can have (xlsx: XFD).
const MAX_COLUMNS: u32 = 16_384;

/// The container formats calamine reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
    /// A zip archive with an extension that does not tell which.
    Zip,
}

/// Reads a workbook file, from `handle` (the regular file `file` opened): the rows
/// of every sheet that can be read, and every problem found.
pub(crate) fn read(file: &Path, handle: File, on_posting: OnPosting<'_>, until: Option<Period>, problems: &mut WorkbookErrors) -> Inputs {
    open_and_read(&Opened { path: file, handle }, on_posting, until, problems).unwrap_or_else(|e| {
        problems.push(e);
        Inputs::default()
    })
}

/// A workbook file opened once: every check, calamine and the pass inflating its
/// parts read the same open file (each through an [`At`] of its own), never the path again.
pub(crate) struct Opened<'p> {
    /// The path, for messages.
    pub(crate) path: &'p Path,
    /// The open regular file.
    pub(crate) handle: File,
}

impl Opened<'_> {
    /// A reader of its own on the same open file, at its start.
    fn reader(&self) -> Result<At, WorkbookError> {
        At::new(&self.handle).map_err(|e| WorkbookError::io(self.path, e))
    }
}

/// Tells a workbook's format and checks it before calamine opens it: its sizes (zip
/// parts, xls sheets), and for a zip archive every part inflated to its end (CRC-32,
/// over-long XML runs; see `inflate.rs`).
pub(crate) fn preflight(opened: &Opened<'_>) -> Result<Format, WorkbookError> {
    let (format, verifier, _) = checked(opened)?;
    if let Some(verifier) = verifier {
        verifier.finish()?;
    }
    Ok(format)
}

/// The format and the checks of its sizes; for a zip archive, the pass inflating its
/// parts is started, to be finished by the caller, and its worksheet parts are named.
fn checked(opened: &Opened<'_>) -> Result<(Format, Option<Verifier>, SheetParts), WorkbookError> {
    let file = opened.path;
    let format = detect(file, opened.reader()?)?;
    if format == Format::Xls {
        let input = opened.reader()?;
        guard(file, || super::preflight_xls::check(file, input))??;
        return Ok((format, None, Vec::new()));
    }
    let input = opened.reader()?;
    let parts = guard(file, || super::preflight::check(file, input))??;
    let sheets = parts.iter().filter_map(|p| Some((p.part.sheet.clone()?, p.part.path.clone()))).collect();
    Ok((format, Some(Verifier::spawn(file, opened.reader()?, parts)), sheets))
}

/// Each worksheet's name and its part in the archive, as `preflight.rs` found them.
type SheetParts = Vec<(String, String)>;

/// Checks a workbook before calamine opens it, opens it (an error here stops the file)
/// and reads its sheets. An xlsx or xlsb is read while a second thread inflates its
/// parts; that pass's verdict (a changed byte, an over-long run) wins over what was read.
fn open_and_read(
    opened: &Opened<'_>,
    on_posting: OnPosting<'_>,
    until: Option<Period>,
    problems: &mut WorkbookErrors,
) -> Result<Inputs, WorkbookError> {
    let (format, verifier, sheets) = checked(opened)?;
    let file = opened.path;
    let Some(verifier) = verifier else {
        return Ok(read_book(file, Whole(open::<Xls<_>>(opened, "xls")?), on_posting, until, problems));
    };
    let mut found = WorkbookErrors::new();
    let own = |book| OwnLedger { book, verifier: &verifier, sheets: &sheets };
    let inputs = match format {
        Format::Xlsx => {
            open_gated::<Xlsx<_>>(file, &verifier, "xlsx").map(|book| read_book(file, own(book), on_posting, until, &mut found))
        }
        Format::Xlsb => open_gated::<Xlsb<_>>(file, &verifier, "xlsb").map(|book| read_book(file, book, on_posting, until, &mut found)),
        Format::Zip => match open_gated::<Xlsx<_>>(file, &verifier, "xlsx") {
            Ok(book) => Ok(read_book(file, own(book), on_posting, until, &mut found)),
            Err(_) => {
                verifier.finish()?;
                return read_zip(opened, on_posting, until, problems);
            }
        },
        // calamine reads an ods's content.xml whole at open: the pass ends first (an xls has none).
        Format::Ods | Format::Xls => {
            verifier.finish()?;
            return Ok(read_book(file, Whole(open::<Ods<_>>(opened, "ods")?), on_posting, until, problems));
        }
    };
    verifier.finish()?;
    problems.append(found);
    inputs
}

/// A zip archive of unknown kind that is no xlsx: tries ods, then xlsb.
fn read_zip(
    opened: &Opened<'_>,
    on_posting: OnPosting<'_>,
    until: Option<Period>,
    problems: &mut WorkbookErrors,
) -> Result<Inputs, WorkbookError> {
    let file = opened.path;
    if let Ok(book) = open::<Ods<_>>(opened, "ods") {
        return Ok(read_book(file, Whole(book), on_posting, until, problems));
    }
    match open::<Xlsb<_>>(opened, "xlsb") {
        Ok(book) => Ok(read_book(file, book, on_posting, until, problems)),
        Err(_) => Err(WorkbookError::UnknownFormat { file: file.to_path_buf() }),
    }
}

/// Tells the format by the file's first bytes (read from `input`), then by its extension.
fn detect(file: &Path, input: impl Read) -> Result<Format, WorkbookError> {
    let mut head = [0u8; 8];
    let len = read_head(file, input, &mut head)?;
    if len == 0 {
        return Err(WorkbookError::EmptyFile { file: file.to_path_buf() });
    }
    let head = &head[..len];
    let ext = file.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Ok(Format::Xls);
    }
    if !head.starts_with(b"PK\x03\x04") && !head.starts_with(b"PK\x05\x06") {
        return Err(not_a_workbook(file, ext.as_deref()));
    }
    Ok(match ext.as_deref() {
        Some("xlsx" | "xlsm" | "xltx" | "xltm" | "xlam") => Format::Xlsx,
        Some("xlsb") => Format::Xlsb,
        Some("ods") => Format::Ods,
        _ => Format::Zip,
    })
}

/// The error for a file that is neither a zip archive nor an OLE file.
fn not_a_workbook(file: &Path, ext: Option<&str>) -> WorkbookError {
    let format = match ext {
        Some("xlsx" | "xlsm" | "xltx" | "xltm" | "xlam") => "xlsx",
        Some("xlsb") => "xlsb",
        Some("xls" | "xla") => "xls",
        Some("ods") => "ods",
        _ => {
            return WorkbookError::UnknownFormat { file: file.to_path_buf() };
        }
    };
    WorkbookError::Open { file: file.to_path_buf(), format, message: crate::tr!("wb-open-no-signature") }
}

/// Reads up to `head.len()` bytes from `input`, the file at its start.
fn read_head(file: &Path, mut input: impl Read, head: &mut [u8]) -> Result<usize, WorkbookError> {
    crate::source::read_full(&mut input, head).map_err(|e| WorkbookError::io(file, e))
}

/// Opens a workbook with calamine, from the open handle, turning failures and panics into errors.
fn open<R>(opened: &Opened<'_>, format: &'static str) -> Result<R, WorkbookError>
where
    R: Reader<BufReader<At>>,
    R::Error: std::fmt::Display,
{
    open_from(opened.path, format, BufReader::new(opened.reader()?))
}

/// Opens a workbook with calamine reading through the gate of the pass inflating its parts.
fn open_gated<R>(file: &Path, verifier: &Verifier, format: &'static str) -> Result<R, WorkbookError>
where
    R: Reader<Gated>,
    R::Error: std::fmt::Display,
{
    open_from(file, format, verifier.input()?)
}

fn open_from<R, RS>(file: &Path, format: &'static str, input: RS) -> Result<R, WorkbookError>
where
    RS: Read + Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
{
    guard(file, || R::new(input))?.map_err(|e| WorkbookError::Open { file: file.to_path_buf(), format, message: e.to_string() })
}

/// Runs a calamine call, turning a panic into [`WorkbookError::Malformed`].
pub(crate) fn guard<T>(file: &Path, call: impl FnOnce() -> T) -> Result<T, WorkbookError> {
    catch_unwind(AssertUnwindSafe(call)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| crate::tr!("wb-unknown-panic"));
        WorkbookError::Malformed { file: file.to_path_buf(), message }
    })
}

/// A sheet's name as the workbook spells it, and whether it is hidden.
struct SheetName {
    name: String,
    hidden: bool,
}

fn sheet_names(sheets: &[Sheet]) -> Vec<SheetName> {
    sheets.iter().map(|s| SheetName { name: s.name.clone(), hidden: s.visible != SheetVisible::Visible }).collect()
}

/// A workbook whose sheets can be fed to a [`Sink`].
trait Book {
    fn names(&self) -> Vec<SheetName>;
    fn feed<S: Sink>(&mut self, file: &Path, name: &str, sheet: &'static str, sink: &mut S) -> Result<(), WorkbookError>;
}

/// Reads Volymer and Budget in full, then streams Utfall; a missing or unreadable
/// sheet is recorded and the others are still read.
fn read_book<B: Book>(file: &Path, mut book: B, on_posting: OnPosting<'_>, until: Option<Period>, problems: &mut WorkbookErrors) -> Inputs {
    let names = book.names();
    let [utfall, volymer, budget] =
        ["Utfall", "Volymer", "Budget"].map(|sheet| find_sheet(file, &names, sheet).map_err(|e| problems.push(e)).ok());
    let mut inputs = Inputs::default();
    if let Some(name) = volymer {
        let volumes = read_sheet(&mut book, file, &name, Volumes::new(Cutoff::new(until)), problems);
        inputs.skipped.volumes = volumes.cutoff.skipped;
        inputs.volumes = volumes.rows;
    }
    if let Some(name) = budget {
        inputs.budget = read_sheet(&mut book, file, &name, Budget::default(), problems).0;
    }
    if let Some(name) = utfall {
        let ledger = read_sheet(&mut book, file, &name, Ledger::new(on_posting, Cutoff::new(until)), problems);
        (inputs.ledger_rows, inputs.skipped.ledger) = (ledger.count, ledger.cutoff.skipped);
    }
    // Prognos is optional: no such sheet is no forecast of the provider's; two are an error.
    match find_sheet(file, &names, "Prognos") {
        Ok(name) => inputs.forecasts = read_sheet(&mut book, file, &name, Forecasts::default(), problems).0,
        Err(WorkbookError::MissingSheet { .. }) => {}
        Err(e) => problems.push(e),
    }
    inputs
}

/// The workbook's name of a sheet of the contract: the one sheet whose name,
/// trimmed and case folded, is `sheet`; an error when there is none, or more than one.
fn find_sheet(file: &Path, names: &[SheetName], sheet: &'static str) -> Result<String, WorkbookError> {
    let hits: Vec<&SheetName> = names.iter().filter(|n| super::names_sheet(&n.name, sheet)).collect();
    match hits.as_slice() {
        [one] => Ok(one.name.clone()),
        [] => {
            let found = names.iter().map(|n| n.name.clone()).collect();
            Err(WorkbookError::MissingSheet { file: file.to_path_buf(), sheet, found })
        }
        _ => {
            let names = hits.iter().map(|n| (n.name.clone(), n.hidden)).collect();
            Err(WorkbookError::AmbiguousSheet { file: file.to_path_buf(), sheet, names })
        }
    }
}

/// Reads one sheet into a parser, recording its problems.
fn read_sheet<B: Book, P: RowParser>(book: &mut B, file: &Path, name: &str, parser: P, problems: &mut WorkbookErrors) -> P {
    let mut reader = SheetReader::new(file, parser, problems);
    let fed = book.feed(file, name, P::SHEET, &mut reader);
    reader.finish(fed)
}

fn sheet_error(file: &Path, sheet: &'static str, message: impl ToString) -> WorkbookError {
    WorkbookError::Sheet { file: file.to_path_buf(), sheet, message: message.to_string() }
}

impl<RS: Read + Seek> Book for Xlsx<RS> {
    fn names(&self) -> Vec<SheetName> {
        sheet_names(self.sheets_metadata())
    }

    fn feed<S: Sink>(&mut self, file: &Path, name: &str, sheet: &'static str, sink: &mut S) -> Result<(), WorkbookError> {
        let cells = guard(file, || self.worksheet_cells_reader(name))?;
        let mut cells = cells.map_err(|e| sheet_error(file, sheet, e))?;
        let next = || cells.next_cell().map_err(|e| sheet_error(file, sheet, e));
        stream(file, next, sink)
    }
}

/// An xlsx whose Utfall is read by ekostyr's own reader (`xlsx/`), through the gate
/// of the pass inflating its parts; its other sheets, and Utfall where that reader
/// declines, by calamine.
struct OwnLedger<'v> {
    book: Xlsx<Gated>,
    verifier: &'v Verifier,
    sheets: &'v [(String, String)],
}

impl Book for OwnLedger<'_> {
    fn names(&self) -> Vec<SheetName> {
        self.book.names()
    }

    fn feed<S: Sink>(&mut self, file: &Path, name: &str, sheet: &'static str, sink: &mut S) -> Result<(), WorkbookError> {
        if sheet == <Ledger<'_> as RowParser>::SHEET
            && let Some((_, path)) = self.sheets.iter().find(|(s, _)| s == name)
        {
            let (input, is_1904) = (self.verifier.input()?, self.book.has_1904_epoch());
            match guard(file, || super::xlsx::feed(input, path, is_1904, MAX_COLUMNS, sink))? {
                Ok(super::xlsx::Fed::Read) => return Ok(()),
                Ok(super::xlsx::Fed::Declined) => {}
                Err(fault) => return Err(sheet_error(file, sheet, fault.message())),
            }
        }
        self.book.feed(file, name, sheet, sink)
    }
}

impl<RS: Read + Seek> Book for Xlsb<RS> {
    fn names(&self) -> Vec<SheetName> {
        sheet_names(self.sheets_metadata())
    }

    fn feed<S: Sink>(&mut self, file: &Path, name: &str, sheet: &'static str, sink: &mut S) -> Result<(), WorkbookError> {
        let cells = guard(file, || self.worksheet_cells_reader(name))?;
        let mut cells = cells.map_err(|e| sheet_error(file, sheet, e))?;
        let next = || cells.next_cell().map_err(|e| sheet_error(file, sheet, e));
        stream(file, next, sink)
    }
}

/// A reader whose sheets are read whole into a [`Range`].
struct Whole<R>(R);

impl<R> Book for Whole<R>
where
    R: Reader<BufReader<At>>,
    R::Error: std::fmt::Display,
{
    fn names(&self) -> Vec<SheetName> {
        sheet_names(self.0.sheets_metadata())
    }

    fn feed<S: Sink>(&mut self, file: &Path, name: &str, sheet: &'static str, sink: &mut S) -> Result<(), WorkbookError> {
        let range = guard(file, || self.0.worksheet_range(name))?;
        let range = range.map_err(|e| sheet_error(file, sheet, e))?;
        feed_range(file, sheet, &range, sink)
    }
}

/// Feeds a whole sheet row by row, refusing absurdly large ones.
fn feed_range<S: Sink>(file: &Path, sheet: &'static str, range: &Range<Data>, sink: &mut S) -> Result<(), WorkbookError> {
    let (rows, cols) = range.get_size();
    let (rows, cols) = (rows as u64, cols as u64);
    if rows.saturating_mul(cols) > sheet_cells() {
        return Err(WorkbookError::TooLarge { file: file.to_path_buf(), sheet: sheet.to_string(), rows, cols });
    }
    let Some((first_row, first_col)) = range.start() else {
        return Ok(());
    };
    for (row, cells) in (first_row..).zip(range.rows()) {
        let cells = RangeRow { cells, first_col };
        if sink.row(row.saturating_add(1), &cells).is_break() {
            break;
        }
    }
    Ok(())
}

/// A row of a [`Range`], starting at column `first_col`.
struct RangeRow<'r> {
    cells: &'r [Data],
    first_col: u32,
}

impl Row for RangeRow<'_> {
    fn get(&self, col: u32) -> Value<'_> {
        col.checked_sub(self.first_col).and_then(|i| self.cells.get(i as usize)).map_or(Value::Empty, Value::from)
    }

    fn width(&self) -> u32 {
        self.first_col.saturating_add(self.cells.len() as u32)
    }
}

/// A row gathered from a cell stream; slot `c` holds column `c`.
struct StreamRow<'b, 'a>(&'b [Option<Cell<DataRef<'a>>>]);

impl Row for StreamRow<'_, '_> {
    fn get(&self, col: u32) -> Value<'_> {
        self.0.get(col as usize).and_then(Option::as_ref).map_or(Value::Empty, |cell| Value::from(cell.get_value()))
    }

    fn width(&self) -> u32 {
        self.0.len() as u32
    }
}

/// Gathers streamed cells (in row order) into rows and feeds them to the
/// sink, keeping only the columns the sink wants.
fn stream<'a, S: Sink>(
    file: &Path,
    mut next: impl FnMut() -> Result<Option<Cell<DataRef<'a>>>, WorkbookError>,
    sink: &mut S,
) -> Result<(), WorkbookError> {
    let mut slots: Vec<Option<Cell<DataRef<'a>>>> = Vec::new();
    let mut current = None;
    while let Some(cell) = guard(file, &mut next)?? {
        let (row, col) = cell.get_position();
        if current != Some(row) {
            if let Some(done) = current
                && flush(&mut slots, done, sink).is_break()
            {
                return Ok(());
            }
            current = Some(row);
        }
        if col < sink.width().unwrap_or(MAX_COLUMNS) {
            let col = col as usize;
            if slots.len() <= col {
                slots.resize_with(col + 1, || None);
            }
            slots[col] = Some(cell);
        }
    }
    if let Some(done) = current {
        let _ = flush(&mut slots, done, sink);
    }
    Ok(())
}

/// Hands a gathered row (0-based `row`) to the sink and empties the slots.
fn flush<S: Sink>(slots: &mut Vec<Option<Cell<DataRef<'_>>>>, row: u32, sink: &mut S) -> ControlFlow<()> {
    sink.row(row.saturating_add(1), &StreamRow(slots))?;
    slots.iter_mut().for_each(|slot| *slot = None);
    if let Some(width) = sink.width() {
        slots.truncate(width as usize);
    }
    ControlFlow::Continue(())
}
