//! From rows of cells to typed rows: header detection, column lookup and
//! the three sheets of the contract. Independent of the file format.

use std::ops::ControlFlow;
use std::path::Path;

use rust_decimal::Decimal;

use super::cell::{CellRef, Located, Period};
use super::error::{CellProblem, WorkbookError, WorkbookErrors};
use super::limits::{MAX_LEDGER_ROWS, MAX_TABLE_ROWS, MAX_TEXT_CHARS, rows_cap};
use super::value::{Row, Value};
use super::{BudgetRow, Posting, VolumeRow};

mod prognos;
pub(crate) use prognos::Forecasts;

/// The month asked for (`--period`): rows of later months of its year are skipped
/// whole, before their other cells are looked at (a filled month's rows sit beside
/// the empty rows of the months to come), and counted.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Cutoff {
    until: Option<Period>,
    /// Rows skipped.
    pub(crate) skipped: u64,
}

impl Cutoff {
    pub(crate) fn new(until: Option<Period>) -> Self {
        Cutoff { until, skipped: 0 }
    }

    /// Whether a row of `period` is skipped (and counted). A row of another year
    /// is never skipped: it stays the error it is.
    fn skips(&mut self, period: Option<Period>) -> bool {
        let later = matches!((self.until, period), (Some(u), Some(p)) if p.year == u.year && p.month > u.month);
        self.skipped += u64::from(later);
        later
    }
}

/// Receives the rows of one sheet, in order.
pub(crate) trait Sink {
    /// One row; `row` is 1-based. `Break` when the rest of the sheet cannot be
    /// read (its problem is recorded already).
    fn row<R: Row>(&mut self, row: u32, cells: &R) -> ControlFlow<()>;
    /// After the header row: one past the last column used; before: `None`
    /// (all columns wanted).
    fn width(&self) -> Option<u32>;
    /// Records a problem of one row that does not stop the sheet.
    fn problem(&mut self, problem: WorkbookError);
    /// The fast lane: a row whose cells a reader holds as plain text, taken as [`Sink::row`]
    /// would take it when every cell is of the common shape ([`RowParser::parse_text`]);
    /// `None`, having done nothing, when it is not, and the reader hands it to [`Sink::row`].
    fn text_row<R: TextRow>(&mut self, _row: u32, _cells: &R) -> Option<ControlFlow<()>> {
        None
    }
    /// After the header: the columns a reader may decode ahead, on another thread,
    /// for the fast lane ([`decode_ahead`]); `None` when this sheet has none.
    fn ahead_columns(&self) -> Option<AheadColumns> {
        None
    }
}

/// The columns of a ledger row that a reader decodes ahead: its period and amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct AheadColumns {
    period: u32,
    amount: u32,
}

/// A row's period and amount as the fast lane reads them (`None`: not of the common
/// shape), decoded by a reader ahead of the row, and the columns they are of.
///
/// The period and amount only: that balances the CSV reader's two threads (the main
/// one maps the posting, the other reads, splits and decodes these, beside the hash
/// of the input).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ahead {
    columns: AheadColumns,
    period: Option<Period>,
    amount: Option<Decimal>,
}

/// Decodes a row's period and amount cells for the fast lane, on whichever thread
/// reads: what [`RowParser::parse_text`] would read of the same cells.
pub(crate) fn decode_ahead<R: TextRow>(columns: AheadColumns, cells: &R) -> Ahead {
    let period = cells.text(columns.period).and_then(fast::period);
    Ahead { columns, period, amount: cells.text(columns.amount).and_then(fast::amount) }
}

/// A row whose cells a reader holds as text (a CSV line's fields, say): the cell in
/// column `col`, `None` past the row's end.
pub(crate) trait TextRow {
    fn text(&self, col: u32) -> Option<&str>;
    /// The row's period and amount if the reader decoded them ahead ([`decode_ahead`]).
    fn ahead(&self) -> Option<&Ahead> {
        None
    }
}

/// The sheet-specific part of a [`SheetReader`].
pub(crate) trait RowParser {
    /// Canonical sheet name.
    const SHEET: &'static str;
    /// Column names of the contract, lowercase.
    const COLUMNS: &'static [&'static str];
    /// Most data rows read; the sheet stops with an error past them.
    const MAX_ROWS: u64;
    /// One non-blank data row: keeps it if every cell is good, else records each bad cell.
    fn parse<R: Row>(&mut self, at: &mut At<'_>, cells: &R);
    /// Forgets the rows kept: the sheet passed [`Self::MAX_ROWS`] and is refused whole.
    fn forget(&mut self) {}
    /// The fast lane: takes a non-blank data row of text cells as [`Self::parse`] would,
    /// if every cell is of the common shape; else does nothing and says `false`, and
    /// the row goes to [`Self::parse`]. Only the ledger's millions of rows have one.
    fn parse_text<R: TextRow>(&mut self, _at: &mut At<'_>, _cells: &R) -> bool {
        false
    }
    /// Of the contract's columns as found (`cols`), the ones that
    /// [`Self::parse_text`] can take decoded ahead.
    fn ahead_columns(_cols: &[u32]) -> Option<AheadColumns> {
        None
    }
}

/// Where a data row sits (file, sheet, row and the columns found), and where its problems go.
pub(crate) struct At<'a> {
    file: &'a Path,
    sheet: &'static str,
    row: u32,
    cols: &'a [u32],
    problems: &'a mut WorkbookErrors,
    failed: bool,
}

impl At<'_> {
    /// The cell of contract column `index`.
    fn cell(&self, index: usize) -> CellRef {
        CellRef { sheet: self.sheet, row: self.row, col: self.cols[index] }
    }

    fn value<'r, R: Row>(&self, cells: &'r R, index: usize) -> Value<'r> {
        cells.get(self.cols[index])
    }

    /// Records a problem of the cell of column `index`; the row will not be kept.
    fn fail(&mut self, index: usize, problem: CellProblem) {
        self.failed = true;
        self.problems.push(WorkbookError::at(self.file, self.cell(index), problem));
    }

    /// The value, or `None` after recording its problem.
    fn check<T>(&mut self, index: usize, value: Result<T, CellProblem>) -> Option<T> {
        value.map_err(|p| self.fail(index, p)).ok()
    }

    fn number<R: Row>(&mut self, cells: &R, index: usize) -> Option<Decimal> {
        let value = self.value(cells, index).number();
        self.check(index, value)
    }

    fn period<R: Row>(&mut self, cells: &R, index: usize) -> Option<Period> {
        let value = self.value(cells, index).period();
        self.check(index, value)
    }

    /// The cell's text into `out`; false after recording its problem.
    fn text_into<R: Row>(&mut self, cells: &R, index: usize, out: &mut String) -> bool {
        let value = self.value(cells, index).text_into(out).and_then(|()| short(out));
        self.check(index, value).is_some()
    }

    fn located<T>(&self, index: usize, value: T) -> Located<T> {
        Located { value, cell: self.cell(index) }
    }

    /// Text that must not be empty.
    fn required_text<R: Row>(&mut self, cells: &R, index: usize, column: &'static str) -> Option<Located<String>> {
        let text = self.value(cells, index).text().and_then(|t| short(&t).map(|()| t));
        let text = self.check(index, text)?;
        if text.is_empty() {
            self.fail(index, CellProblem::Empty(column));
            return None;
        }
        Some(self.located(index, text))
    }

    /// Text that may be empty (`Some(None)`).
    fn optional_text<R: Row>(&mut self, cells: &R, index: usize) -> Option<Option<Located<String>>> {
        let text = self.value(cells, index).text().and_then(|t| short(&t).map(|()| t));
        let text = self.check(index, text)?;
        Some((!text.is_empty()).then(|| self.located(index, text)))
    }
}

/// Refuses a text of more than [`MAX_TEXT_CHARS`] characters.
fn short(text: &str) -> Result<(), CellProblem> {
    if text.len() <= MAX_TEXT_CHARS {
        return Ok(());
    }
    match text.chars().count() {
        chars if chars > MAX_TEXT_CHARS => Err(CellProblem::TooLong { chars }),
        _ => Ok(()),
    }
}

/// Finds the header row, then hands each non-blank row to a [`RowParser`],
/// recording the problems of every row.
pub(crate) struct SheetReader<'f, P> {
    file: &'f Path,
    cols: Option<Vec<u32>>,
    width: Option<u32>,
    parser: P,
    problems: &'f mut WorkbookErrors,
    header_seen: bool,
    /// Data rows handed to the parser.
    rows: u64,
}

impl<'f, P: RowParser> SheetReader<'f, P> {
    pub(crate) fn new(file: &'f Path, parser: P, problems: &'f mut WorkbookErrors) -> Self {
        SheetReader { file, cols: None, width: None, parser, problems, header_seen: false, rows: 0 }
    }

    /// The parser with the rows read; `fed` is what feeding the sheet gave:
    /// its error is recorded, and a sheet read to its end without a header row is empty.
    pub(crate) fn finish(self, fed: Result<(), WorkbookError>) -> P {
        match fed {
            Err(e) => self.problems.push(e),
            Ok(()) if !self.header_seen => {
                self.problems.push(WorkbookError::EmptySheet { file: self.file.to_path_buf(), sheet: P::SHEET });
            }
            Ok(()) => {}
        }
        self.parser
    }

    /// Locates the columns; on a missing or twice-named column, records every such
    /// problem of the header and stops the sheet.
    fn header<R: Row>(&mut self, row: u32, cells: &R) -> ControlFlow<()> {
        self.header_seen = true;
        let header = Header::read(row, cells, P::SHEET);
        let mut cols = Vec::with_capacity(P::COLUMNS.len());
        for &name in P::COLUMNS {
            match header.column(self.file, name) {
                Ok(col) => cols.push(col),
                Err(e) => self.problems.push(e),
            }
        }
        if cols.len() < P::COLUMNS.len() {
            return ControlFlow::Break(());
        }
        self.width = cols.iter().max().map(|&c| c + 1);
        self.cols = Some(cols);
        ControlFlow::Continue(())
    }
}

impl<P: RowParser> Sink for SheetReader<'_, P> {
    fn row<R: Row>(&mut self, row: u32, cells: &R) -> ControlFlow<()> {
        match &self.cols {
            None if (0..cells.width()).all(|c| cells.get(c).is_blank()) => ControlFlow::Continue(()),
            None => self.header(row, cells),
            Some(cols) if cols.iter().all(|&c| cells.get(c).is_blank()) => ControlFlow::Continue(()),
            Some(_) if self.rows >= rows_cap(P::MAX_ROWS) => {
                self.parser.forget();
                self.problems.push(WorkbookError::TooManyRows {
                    file: self.file.to_path_buf(),
                    sheet: P::SHEET,
                    max: rows_cap(P::MAX_ROWS),
                });
                ControlFlow::Break(())
            }
            Some(cols) => {
                self.rows += 1;
                let mut at = At { file: self.file, sheet: P::SHEET, row, cols, problems: self.problems, failed: false };
                self.parser.parse(&mut at, cells);
                ControlFlow::Continue(())
            }
        }
    }

    fn width(&self) -> Option<u32> {
        self.width
    }

    fn problem(&mut self, problem: WorkbookError) {
        self.problems.push(problem);
    }

    fn ahead_columns(&self) -> Option<AheadColumns> {
        self.cols.as_deref().and_then(P::ahead_columns)
    }

    fn text_row<R: TextRow>(&mut self, row: u32, cells: &R) -> Option<ControlFlow<()>> {
        // Before the header, and at the cap, the row takes the one way there is.
        let cols = self.cols.as_deref()?;
        if self.rows >= rows_cap(P::MAX_ROWS) {
            return None;
        }
        let mut at = At { file: self.file, sheet: P::SHEET, row, cols, problems: self.problems, failed: false };
        let taken = self.parser.parse_text(&mut at, cells);
        self.rows += u64::from(taken);
        taken.then_some(ControlFlow::Continue(()))
    }
}

/// The names of a header row, lowercased and trimmed, with their columns.
struct Header {
    sheet: &'static str,
    row: u32,
    names: Vec<(u32, String)>,
}

impl Header {
    fn read<R: Row>(row: u32, cells: &R, sheet: &'static str) -> Self {
        let names = (0..cells.width())
            .filter_map(|col| {
                let name = cells.get(col).text().ok()?.to_lowercase();
                (!name.is_empty()).then_some((col, name))
            })
            .collect();
        Header { sheet, row, names }
    }

    fn cell(&self, col: u32) -> CellRef {
        CellRef { sheet: self.sheet, row: self.row, col }
    }

    fn column(&self, file: &Path, name: &'static str) -> Result<u32, WorkbookError> {
        let mut hits = self.names.iter().filter(|(_, n)| n == name).map(|(c, _)| *c);
        let first = hits.next().ok_or_else(|| self.missing(file, name))?;
        match hits.next() {
            None => Ok(first),
            Some(second) => Err(WorkbookError::DuplicateColumn {
                file: file.to_path_buf(),
                column: name,
                cell: self.cell(second),
                first: self.cell(first),
            }),
        }
    }

    fn missing(&self, file: &Path, name: &'static str) -> WorkbookError {
        WorkbookError::MissingColumn {
            file: file.to_path_buf(),
            sheet: self.sheet,
            column: name,
            found: self.names.iter().map(|(_, n)| n.clone()).collect(),
            cell: self.cell(self.names.first().map_or(0, |(c, _)| *c)),
        }
    }
}

/// The callback receiving postings.
pub(crate) type OnPosting<'c> = &'c mut dyn FnMut(Posting<'_>) -> Result<(), WorkbookError>;

/// Utfall: hands each posting to the callback, reusing its text buffers.
pub(crate) struct Ledger<'c> {
    on_posting: OnPosting<'c>,
    id: String,
    komplement: String,
    konto: String,
    /// Postings handed over so far.
    pub(crate) count: u64,
    pub(crate) cutoff: Cutoff,
}

impl<'c> Ledger<'c> {
    pub(crate) fn new(on_posting: OnPosting<'c>, cutoff: Cutoff) -> Self {
        Ledger { on_posting, id: String::new(), komplement: String::new(), konto: String::new(), count: 0, cutoff }
    }
}

impl RowParser for Ledger<'_> {
    const SHEET: &'static str = "Utfall";
    const COLUMNS: &'static [&'static str] = &["period", "id", "komplement", "konto", "belopp"];
    const MAX_ROWS: u64 = MAX_LEDGER_ROWS;

    fn parse<R: Row>(&mut self, at: &mut At<'_>, cells: &R) {
        let period = at.period(cells, 0);
        if self.cutoff.skips(period) {
            return;
        }
        if at.text_into(cells, 1, &mut self.id) && self.id.is_empty() {
            at.fail(1, CellProblem::MissingId);
        }
        at.text_into(cells, 2, &mut self.komplement);
        at.text_into(cells, 3, &mut self.konto);
        let amount = at.number(cells, 4);
        let (Some(period), Some(amount), false) = (period, amount, at.failed) else {
            return;
        };
        let posting = Posting { period, id: &self.id, komplement: &self.komplement, konto: &self.konto, amount, row: at.row };
        hand_over(&mut self.count, self.on_posting, at, posting);
    }

    fn parse_text<R: TextRow>(&mut self, at: &mut At<'_>, cells: &R) -> bool {
        let cell = |index: usize| cells.text(at.cols[index]);
        let (period, amount) = match cells.ahead() {
            Some(ahead) if Some(ahead.columns) == Self::ahead_columns(at.cols) => (ahead.period, ahead.amount),
            _ => (cell(0).and_then(fast::period), cell(4).and_then(fast::amount)),
        };
        let (Some(period), Some(id), Some(komplement), Some(konto), Some(amount)) = (
            period,
            cell(1).and_then(fast::text).filter(|id| !id.is_empty()),
            cell(2).and_then(fast::text),
            cell(3).and_then(fast::text),
            amount,
        ) else {
            return false;
        };
        if !self.cutoff.skips(Some(period)) {
            hand_over(&mut self.count, self.on_posting, at, Posting { period, id, komplement, konto, amount, row: at.row });
        }
        true
    }

    fn ahead_columns(cols: &[u32]) -> Option<AheadColumns> {
        Some(AheadColumns { period: *cols.first()?, amount: *cols.get(4)? })
    }
}

/// Counts a posting and hands it to the callback, recording its error.
fn hand_over(count: &mut u64, on_posting: OnPosting<'_>, at: &mut At<'_>, posting: Posting<'_>) {
    *count += 1;
    if let Err(e) = on_posting(posting) {
        at.problems.push(e);
    }
}

/// The common shapes of the fast lane, each read exactly as the general path reads
/// it, and `None` for anything else (which the general path then judges).
mod fast {
    use rust_decimal::Decimal;

    use super::super::cell::{Period, plain_digits};
    use super::MAX_TEXT_CHARS;

    /// `YYYY-MM` exactly, month 01–12.
    pub(super) fn period(text: &str) -> Option<Period> {
        let &[y0, y1, y2, y3, b'-', m0, m1] = text.as_bytes() else {
            return None;
        };
        let digit = |b: u8| b.is_ascii_digit().then(|| u32::from(b - b'0'));
        let year = [y0, y1, y2, y3].into_iter().try_fold(0, |acc, b| Some(acc * 10 + digit(b)?))?;
        let month = digit(m0)? * 10 + digit(m1)?;
        (1..=12).contains(&month).then_some(Period { year: year as i32, month })
    }

    /// A text, trimmed, that is not (or does not start like) an error literal and is not too long.
    pub(super) fn text(text: &str) -> Option<&str> {
        // Trimmed only when an end may be whitespace (a non-ASCII byte may start some).
        let plain_end = |b: Option<&u8>| b.is_none_or(|b| b.is_ascii_graphic());
        let text = if plain_end(text.as_bytes().first()) && plain_end(text.as_bytes().last()) { text } else { text.trim() };
        (!text.starts_with('#') && text.len() <= MAX_TEXT_CHARS).then_some(text)
    }

    /// `-?D+(,D+)?`: no dot (whose reading needs the general path's care), no spaces.
    pub(super) fn amount(text: &str) -> Option<Decimal> {
        plain_digits(text, false)
    }

    #[cfg(test)]
    mod tests {
        use super::super::super::value::Value;
        use super::*;

        /// Whatever the fast lane takes, the general path reads the same, to the scale.
        #[test]
        fn the_fast_lane_reads_as_the_general_path() {
            let texts = [
                "2023-01",
                "2023-12",
                "0000-01",
                "9999-09",
                "2023-00",
                "2023-13",
                "2023-1",
                "2023-011",
                " 2023-01",
                "2023/01",
                "202301",
                "1549,00",
                "-0,50",
                "0",
                "-0",
                "00012",
                "123456789012345678",
                "1234567890123456789",
                "1 234,50",
                "1234.5",
                "1.234",
                ",5",
                "5,",
                "-",
                "",
                "+5",
                "−7",
                "L1101",
                "  K11101 ",
                "#N/A",
                "#x",
                "4010",
            ];
            for t in texts {
                if let Some(p) = period(t) {
                    assert_eq!(Ok(p), Value::Text(t).period().map_err(|_| ()), "{t:?}");
                }
                if let Some(a) = amount(t) {
                    let general = Value::Text(t).number().map_err(|_| ());
                    assert_eq!(Ok((a, a.scale())), general.map(|g| (g, g.scale())), "{t:?}");
                }
                if let Some(x) = text(t) {
                    let mut out = String::new();
                    assert_eq!(Value::Text(t).text_into(&mut out).map_err(|_| ()), Ok(()), "{t:?}");
                    assert_eq!(x, out, "{t:?}");
                }
            }
            assert_eq!(period("2023-01"), Some(Period { year: 2023, month: 1 }));
            assert_eq!(amount("1549,00").map(|a| (a, a.scale())), Some((Decimal::new(154900, 2), 2)));
            assert_eq!((period("2023-13"), amount("1.234"), text("#N/A")), (None, None, None));
        }
    }
}

/// Volymer: collects every good row up to the cutoff.
#[derive(Default)]
pub(crate) struct Volumes {
    pub(crate) rows: Vec<VolumeRow>,
    pub(crate) cutoff: Cutoff,
}

impl Volumes {
    pub(crate) fn new(cutoff: Cutoff) -> Self {
        Volumes { rows: Vec::new(), cutoff }
    }
}

impl RowParser for Volumes {
    const SHEET: &'static str = "Volymer";
    const COLUMNS: &'static [&'static str] = &["period", "uppdrag", "del", "mått", "värde"];
    const MAX_ROWS: u64 = MAX_TABLE_ROWS;

    fn parse<R: Row>(&mut self, at: &mut At<'_>, cells: &R) {
        let period = at.period(cells, 0);
        if self.cutoff.skips(period) {
            return;
        }
        let assignment = at.required_text(cells, 1, "uppdrag");
        let part = at.optional_text(cells, 2);
        let measure = at.required_text(cells, 3, "mått");
        let value = at.number(cells, 4);
        if let (Some(period), Some(assignment), Some(part), Some(measure), Some(value)) = (period, assignment, part, measure, value) {
            let (period, value) = (at.located(0, period), at.located(4, value));
            self.rows.push(VolumeRow { period, assignment, part, measure, value });
        }
    }

    fn forget(&mut self) {
        self.rows = Vec::new();
    }
}

/// Budget: collects every good row.
#[derive(Default)]
pub(crate) struct Budget(pub(crate) Vec<BudgetRow>);

impl RowParser for Budget {
    const SHEET: &'static str = "Budget";
    const COLUMNS: &'static [&'static str] = &["uppdrag", "del", "mått", "värde"];
    const MAX_ROWS: u64 = MAX_TABLE_ROWS;

    fn parse<R: Row>(&mut self, at: &mut At<'_>, cells: &R) {
        let assignment = at.required_text(cells, 0, "uppdrag");
        let part = at.optional_text(cells, 1);
        let measure = at.required_text(cells, 2, "mått");
        let value = at.number(cells, 3);
        if let (Some(assignment), Some(part), Some(measure), Some(value)) = (assignment, part, measure, value) {
            self.0.push(BudgetRow { assignment, part, measure, value: at.located(3, value) });
        }
    }

    fn forget(&mut self) {
        self.0 = Vec::new();
    }
}
