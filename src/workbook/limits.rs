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
//!
//! The row and cell caps are defaults a command line may move for one run
//! (`--max-rader`, `--max-celler`): a real export larger than the cap is read when
//! its owner says so; memory then grows with the cap. Like the language and `--rot`
//! they are process-wide, set once by the binary ([`set_caps`]) before it reads
//! anything: the workbook is read from a dozen entry points (run, diff, explain,
//! test, budget, append, verify, the workbench), one cap per command line.

use std::sync::OnceLock;

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

/// Most memory the shared strings of an xlsx (`xl/sharedStrings.xml`) may take,
/// by [`shared_strings_cost`]: calamine holds every shared string from opening,
/// whichever columns they are in. A cap on memory, not on a count: an export with
/// a free-text column (an invoice text per posting) has millions of unique strings
/// of some 40 characters; 1 GiB holds about 10 million of those, or 19 million
/// empty ones, while a file declaring 150 million is refused before calamine
/// reserves room for them.
pub const MAX_SHARED_STRINGS_MEMORY: u64 = 1 << 30;

/// Most bytes the shared strings part may inflate to: its text alone may not pass
/// [`MAX_SHARED_STRINGS_MEMORY`]; refused before it is scanned.
pub const MAX_SHARED_STRINGS_BYTES: u64 = MAX_SHARED_STRINGS_MEMORY;

/// What one shared string costs calamine besides its text: its `String` (24 bytes)
/// in the `Vec` calamine reserves from `uniqueCount`, and one heap allocation, at
/// least 32 bytes with the allocator's header.
const SHARED_STRING_BYTES: u64 = 56;

/// The memory `count` shared strings (declared in `uniqueCount` or counted,
/// whichever is larger) of a part inflating to `size` bytes take in calamine, by
/// estimate: their text is at most the part's size.
pub(crate) fn shared_strings_cost(count: u64, size: u64) -> u64 {
    count.saturating_mul(SHARED_STRING_BYTES).saturating_add(size)
}

/// Most bytes of one XML text or tag in a part inflating to more than
/// [`RATIO_FREE_BYTES`]: calamine's XML reader buffers each whole, so this bounds
/// what a part of whitespace costs whatever its ratio (values are short).
pub const MAX_XML_RUN_BYTES: u64 = 16 << 20;

/// What a command line sets instead of the defaults; `None` keeps the default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Caps {
    /// `--max-rader`: most data rows of every sheet (instead of [`MAX_TABLE_ROWS`]
    /// for Volymer, Budget and Prognos and [`MAX_LEDGER_ROWS`] for Utfall).
    pub rows: Option<u64>,
    /// `--max-celler`: most cells a sheet read whole (xls, ods) may span, instead of
    /// [`MAX_SHEET_CELLS`].
    pub cells: Option<u64>,
}

static CAPS: OnceLock<Caps> = OnceLock::new();

/// Sets the caps for the rest of the process; a second call keeps the first (there
/// is one command line per process).
pub fn set_caps(caps: Caps) {
    let _ = CAPS.set(caps);
}

/// The row cap of a sheet whose default is `default`.
pub(crate) fn rows_cap(default: u64) -> u64 {
    CAPS.get().and_then(|c| c.rows).unwrap_or(default)
}

/// The cap on cells of a sheet read whole.
pub(crate) fn sheet_cells() -> u64 {
    CAPS.get().and_then(|c| c.cells).unwrap_or(MAX_SHEET_CELLS)
}

/// Most bytes of one XML tag the checks before opening keep while scanning.
pub(crate) const MAX_TAG_BYTES: usize = 64 << 10;

/// A figure as a message shows it: `2 000 000`.
pub(crate) fn figure(n: u64) -> String {
    crate::number::swedish(rust_decimal::Decimal::from(n), 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shared strings at the edge of the memory cap, generated: the most
    /// strings a part of a given size may hold, and one more.
    #[test]
    fn the_shared_strings_cap_is_on_memory_at_its_edge() {
        for size in [0, 1 << 20, 300 << 20, MAX_SHARED_STRINGS_BYTES] {
            let most = (MAX_SHARED_STRINGS_MEMORY - size) / SHARED_STRING_BYTES;
            assert!(shared_strings_cost(most, size) <= MAX_SHARED_STRINGS_MEMORY, "{size}");
            assert!(shared_strings_cost(most + 1, size) > MAX_SHARED_STRINGS_MEMORY, "{size}");
        }
        // Five million strings of a free-text column (some 60 bytes of XML each) fit;
        // the old count cap refused them.
        assert!(shared_strings_cost(5_000_000, 5_000_000 * 60) <= MAX_SHARED_STRINGS_MEMORY);
        // A declared 150 million never do, nor does a count that overflows.
        assert!(shared_strings_cost(150_000_000, 1 << 20) > MAX_SHARED_STRINGS_MEMORY);
        assert_eq!(shared_strings_cost(u64::MAX, 1), u64::MAX);
    }

    #[test]
    fn without_a_command_line_the_caps_are_the_defaults() {
        assert_eq!(rows_cap(MAX_TABLE_ROWS), MAX_TABLE_ROWS);
        assert_eq!(sheet_cells(), MAX_SHEET_CELLS);
    }
}
