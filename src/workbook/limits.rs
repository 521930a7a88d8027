//! Bounded resources: every cap on what reading one workbook may cost, declared
//! in one place. Each cap, when hit, is an error naming the sheet (or the part of
//! the zip archive), the cap and the figure found — never an abort.
//!
//! Where each is checked:
//! - rows per sheet and text per cell: while rows are parsed (`rows.rs`), for
//!   every format including CSV;
//! - zip parts (xlsx, xlsm, xlsb, ods): their declared sizes, their longest XML
//!   run, the shared strings and the tables of an ods, before calamine opens the
//!   file (`preflight.rs`), since calamine reads them at open;
//! - cells of a sheet read whole (xls, ods): before calamine opens the file, from
//!   the xls's BIFF records (`preflight_xls.rs`) or the ods's `content.xml`, and
//!   again on the range calamine gives.

/// Most data rows of Volymer and of Budget. Their rows are held in memory
/// (some 250 bytes each), so this bounds them to about 125 MB; real sheets
/// have a few thousand rows (12 months × assignments × parts × measures).
pub const MAX_TABLE_ROWS: u64 = 500_000;

/// Most postings of Utfall. Utfall is streamed, so this bounds time, not memory.
pub const MAX_LEDGER_ROWS: u64 = 20_000_000;

/// Most characters of a text cell read into a row (names, codes: a few dozen).
pub const MAX_TEXT_CHARS: usize = 1_000;

/// Most cells a sheet read as a whole (xls, ods) may span from A1. calamine keeps
/// a value and a formula text per cell (about 56 bytes), twice while it trims.
pub const MAX_SHEET_CELLS: u64 = 10_000_000;

/// Most bytes any part of a zip workbook may inflate to, by its declared size.
/// Utfall at [`MAX_LEDGER_ROWS`] postings of some 200 bytes of XML fits.
pub const MAX_PART_BYTES: u64 = 4 << 30;

/// Most times a part larger than [`RATIO_FREE_BYTES`] may inflate its packed
/// size. Spreadsheet XML deflates some 5 to 30 times; a zip bomb (megabytes of
/// whitespace, which calamine's XML reader buffers whole) about 1 000 times.
pub const MAX_INFLATE_RATIO: u64 = 200;

/// Parts inflating to at most this many bytes are never refused for their ratio.
pub const RATIO_FREE_BYTES: u64 = 32 << 20;

/// Most bytes the shared strings of an xlsx (`xl/sharedStrings.xml`) may
/// inflate to: calamine holds every shared string in memory from opening.
pub const MAX_SHARED_STRINGS_BYTES: u64 = 256 << 20;

/// Most shared strings of an xlsx, declared (`uniqueCount`, for which calamine
/// reserves room at once) or counted; each costs calamine at least 24 bytes.
pub const MAX_SHARED_STRINGS: u64 = 5_000_000;

/// Most bytes of one XML text or tag in a part inflating to more than
/// [`RATIO_FREE_BYTES`]: calamine's XML reader buffers each whole, so this bounds
/// what a part of whitespace costs whatever its ratio (values are short).
pub const MAX_XML_RUN_BYTES: u64 = 16 << 20;

/// Most bytes of one XML tag the checks before opening keep while scanning.
pub(crate) const MAX_TAG_BYTES: usize = 64 << 10;

/// A figure as a message shows it: `2 000 000`.
pub(crate) fn figure(n: u64) -> String {
    crate::number::swedish(rust_decimal::Decimal::from(n), 0)
}
