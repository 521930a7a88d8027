//! From rows of cells to typed rows: header detection, column lookup and
//! the three sheets of the contract. Independent of the file format.

use std::path::Path;

use rust_decimal::Decimal;

use super::cell::{CellRef, Located, Period};
use super::error::{CellProblem, WorkbookError};
use super::value::{Row, Value};
use super::{BudgetRow, Posting, VolumeRow};

/// Receives the rows of one sheet, in order.
pub(crate) trait Sink {
    /// One row; `row` is 1-based.
    fn row<R: Row>(&mut self, row: u32, cells: &R) -> Result<(), WorkbookError>;
    /// After the header row: one past the last column used; before: `None`
    /// (all columns wanted).
    fn width(&self) -> Option<u32>;
}

/// The sheet-specific part of a [`SheetReader`].
pub(crate) trait RowParser {
    /// Canonical sheet name.
    const SHEET: &'static str;
    /// Column names of the contract, lowercase.
    const COLUMNS: &'static [&'static str];
    /// One non-blank data row.
    fn parse<R: Row>(&mut self, at: &At<'_>, cells: &R) -> Result<(), WorkbookError>;
}

/// Where a data row sits: file, sheet, row and the columns found.
pub(crate) struct At<'a> {
    file: &'a Path,
    sheet: &'static str,
    row: u32,
    cols: &'a [u32],
}

impl At<'_> {
    /// The cell of contract column `index`.
    fn cell(&self, index: usize) -> CellRef {
        CellRef { sheet: self.sheet, row: self.row, col: self.cols[index] }
    }

    fn value<'r, R: Row>(&self, cells: &'r R, index: usize) -> Value<'r> {
        cells.get(self.cols[index])
    }

    fn fail(&self, index: usize, problem: CellProblem) -> WorkbookError {
        WorkbookError::at(self.file, self.cell(index), problem)
    }

    fn number<R: Row>(&self, cells: &R, index: usize) -> Result<Decimal, WorkbookError> {
        let value = self.value(cells, index);
        value.number().map_err(|p| self.fail(index, p))
    }

    fn period<R: Row>(&self, cells: &R, index: usize) -> Result<Period, WorkbookError> {
        let value = self.value(cells, index);
        value.period().map_err(|p| self.fail(index, p))
    }

    fn text_into<R: Row>(&self, cells: &R, index: usize, out: &mut String) -> Result<(), WorkbookError> {
        let value = self.value(cells, index);
        value.text_into(out).map_err(|p| self.fail(index, p))
    }

    fn located<T>(&self, index: usize, value: T) -> Located<T> {
        Located { value, cell: self.cell(index) }
    }

    /// Text that must not be empty.
    fn required_text<R: Row>(&self, cells: &R, index: usize, column: &'static str) -> Result<Located<String>, WorkbookError> {
        let text = self.value(cells, index).text();
        let text = text.map_err(|p| self.fail(index, p))?;
        if text.is_empty() {
            return Err(self.fail(index, CellProblem::Empty(column)));
        }
        Ok(self.located(index, text))
    }

    /// Text that may be empty (`None`).
    fn optional_text<R: Row>(&self, cells: &R, index: usize) -> Result<Option<Located<String>>, WorkbookError> {
        let text = self.value(cells, index).text();
        let text = text.map_err(|p| self.fail(index, p))?;
        Ok((!text.is_empty()).then(|| self.located(index, text)))
    }
}

/// Finds the header row, then hands each non-blank row to a [`RowParser`].
pub(crate) struct SheetReader<'f, P> {
    file: &'f Path,
    cols: Option<Vec<u32>>,
    width: Option<u32>,
    parser: P,
}

impl<'f, P: RowParser> SheetReader<'f, P> {
    pub(crate) fn new(file: &'f Path, parser: P) -> Self {
        SheetReader { file, cols: None, width: None, parser }
    }

    /// The parser, once the sheet is read; fails if it had no header row.
    pub(crate) fn finish(self) -> Result<P, WorkbookError> {
        match self.cols {
            Some(_) => Ok(self.parser),
            None => Err(WorkbookError::EmptySheet { file: self.file.to_path_buf(), sheet: P::SHEET }),
        }
    }

    fn header<R: Row>(&mut self, row: u32, cells: &R) -> Result<(), WorkbookError> {
        let header = Header::read(row, cells, P::SHEET);
        let cols = header.locate(self.file, P::COLUMNS)?;
        self.width = cols.iter().max().map(|&c| c + 1);
        self.cols = Some(cols);
        Ok(())
    }
}

impl<P: RowParser> Sink for SheetReader<'_, P> {
    fn row<R: Row>(&mut self, row: u32, cells: &R) -> Result<(), WorkbookError> {
        match &self.cols {
            None if (0..cells.width()).all(|c| cells.get(c).is_blank()) => Ok(()),
            None => self.header(row, cells),
            Some(cols) if cols.iter().all(|&c| cells.get(c).is_blank()) => Ok(()),
            Some(cols) => {
                let at = At { file: self.file, sheet: P::SHEET, row, cols };
                self.parser.parse(&at, cells)
            }
        }
    }

    fn width(&self) -> Option<u32> {
        self.width
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

    /// The column of each wanted name, in the order of `wanted`.
    fn locate(&self, file: &Path, wanted: &[&'static str]) -> Result<Vec<u32>, WorkbookError> {
        wanted.iter().map(|&name| self.column(file, name)).collect()
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
}

impl<'c> Ledger<'c> {
    pub(crate) fn new(on_posting: OnPosting<'c>) -> Self {
        Ledger { on_posting, id: String::new(), komplement: String::new(), konto: String::new(), count: 0 }
    }
}

impl RowParser for Ledger<'_> {
    const SHEET: &'static str = "Utfall";
    const COLUMNS: &'static [&'static str] = &["period", "id", "komplement", "konto", "belopp"];

    fn parse<R: Row>(&mut self, at: &At<'_>, cells: &R) -> Result<(), WorkbookError> {
        let period = at.period(cells, 0)?;
        at.text_into(cells, 1, &mut self.id)?;
        if self.id.is_empty() {
            return Err(at.fail(1, CellProblem::MissingId));
        }
        at.text_into(cells, 2, &mut self.komplement)?;
        at.text_into(cells, 3, &mut self.konto)?;
        let amount = at.number(cells, 4)?;
        (self.on_posting)(Posting { period, id: &self.id, komplement: &self.komplement, konto: &self.konto, amount, row: at.row })?;
        self.count += 1;
        Ok(())
    }
}

/// Volymer: collects every row.
#[derive(Default)]
pub(crate) struct Volumes(pub(crate) Vec<VolumeRow>);

impl RowParser for Volumes {
    const SHEET: &'static str = "Volymer";
    const COLUMNS: &'static [&'static str] = &["period", "uppdrag", "del", "mått", "värde"];

    fn parse<R: Row>(&mut self, at: &At<'_>, cells: &R) -> Result<(), WorkbookError> {
        let period = at.period(cells, 0)?;
        self.0.push(VolumeRow {
            period: at.located(0, period),
            assignment: at.required_text(cells, 1, "uppdrag")?,
            part: at.optional_text(cells, 2)?,
            measure: at.required_text(cells, 3, "mått")?,
            value: at.located(4, at.number(cells, 4)?),
        });
        Ok(())
    }
}

/// Budget: collects every row.
#[derive(Default)]
pub(crate) struct Budget(pub(crate) Vec<BudgetRow>);

impl RowParser for Budget {
    const SHEET: &'static str = "Budget";
    const COLUMNS: &'static [&'static str] = &["uppdrag", "del", "mått", "värde"];

    fn parse<R: Row>(&mut self, at: &At<'_>, cells: &R) -> Result<(), WorkbookError> {
        self.0.push(BudgetRow {
            assignment: at.required_text(cells, 0, "uppdrag")?,
            part: at.optional_text(cells, 1)?,
            measure: at.required_text(cells, 2, "mått")?,
            value: at.located(3, at.number(cells, 3)?),
        });
        Ok(())
    }
}
