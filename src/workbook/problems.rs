//! Many located problems in one error value: reading a workbook goes on after a
//! bad cell, so the user sees every problem of the file at once.

use std::fmt;

use super::cell::CellRef;

/// Most problems kept; the rest are only counted ("och 12 till").
pub const MAX_PROBLEMS: usize = 50;

/// Where a problem sits, for listing problems in sheet and row order: problems
/// of the whole file first, then Utfall, Volymer, Budget, each by row and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    sheet: u8,
    row: u32,
    col: u32,
}

impl Place {
    /// A problem of the whole file (it cannot be read, it is no workbook).
    pub const FILE: Place = Place { sheet: 0, row: 0, col: 0 };

    /// A problem of a whole sheet (missing, empty, unreadable).
    pub fn sheet(sheet: &str) -> Place {
        Place::row(sheet, 0)
    }

    /// A problem of one row of a sheet (for CSV files: a line).
    pub fn row(sheet: &str, row: u32) -> Place {
        Place { sheet: sheet_rank(sheet), row, col: 0 }
    }

    /// A problem of one cell.
    pub fn cell(cell: &CellRef) -> Place {
        Place { sheet: sheet_rank(cell.sheet), row: cell.row, col: cell.col }
    }
}

/// The position of a sheet of the contract in listings (its order in the contract's table).
fn sheet_rank(sheet: &str) -> u8 {
    match sheet {
        "Utfall" => 1,
        "Volymer" => 2,
        "Budget" => 3,
        _ => 4,
    }
}

/// Something that knows where it sits in a workbook.
pub trait Placed {
    /// Where it sits, for ordering.
    fn place(&self) -> Place;
}

/// The first [`MAX_PROBLEMS`] problems in [`Place`] order, and how many more there were.
///
/// Memory is bounded: a problem past the cap is counted, or replaces the last kept
/// one when it sits earlier in the workbook (problems are found in reading order,
/// which is not the listing order).
#[derive(Debug, Clone)]
pub struct Problems<T> {
    // INVARIANT: sorted by `place()`, stable (equal places in the order found); at most MAX_PROBLEMS.
    kept: Vec<T>,
    more: usize,
}

impl<T> Default for Problems<T> {
    fn default() -> Self {
        Problems { kept: Vec::new(), more: 0 }
    }
}

impl<T: Placed> Problems<T> {
    /// No problems.
    pub fn new() -> Self {
        Problems::default()
    }

    /// Records a problem.
    pub fn push(&mut self, problem: T) {
        let place = problem.place();
        if self.kept.len() == MAX_PROBLEMS {
            self.more += 1;
            if self.kept.last().is_none_or(|last| last.place() <= place) {
                return;
            }
            self.kept.pop();
        }
        let at = self.kept.partition_point(|p| p.place() <= place);
        self.kept.insert(at, problem);
    }

    /// Records every problem of `other`, and its count of problems not kept.
    pub fn append<U: Into<T>>(&mut self, other: Problems<U>) {
        self.more += other.more;
        other.kept.into_iter().for_each(|p| self.push(p.into()));
    }

    /// `Ok(value)` when there is no problem, else `Err(self)`.
    pub fn into_result<V>(self, value: V) -> Result<V, Self> {
        if self.is_empty() { Ok(value) } else { Err(self) }
    }
}

impl<T> Problems<T> {
    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.kept.is_empty()
    }

    /// The problems kept, in sheet and row order.
    pub fn kept(&self) -> &[T] {
        &self.kept
    }

    /// Drops the kept problems `forgiven` says are none. Meant for sheet-level problems,
    /// which sort first and so are always kept; row problems are best left out before
    /// they are recorded, as the cap counts them.
    pub fn forgive(&mut self, forgiven: impl Fn(&T) -> bool) {
        self.kept.retain(|p| !forgiven(p));
    }

    /// The problems kept, in sheet and row order.
    pub fn into_kept(self) -> Vec<T> {
        self.kept
    }

    /// How many problems were found but not kept.
    pub fn more(&self) -> usize {
        self.more
    }

    /// How many problems were found.
    pub fn total(&self) -> usize {
        self.kept.len() + self.more
    }
}

/// One problem a line, then `och N till` when some were not kept.
impl<T: fmt::Display> fmt::Display for Problems<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.kept.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{problem}")?;
        }
        if self.more > 0 {
            write!(f, "\n{}", crate::tr!("wb-more", count = self.more))?;
        }
        Ok(())
    }
}

impl<T: fmt::Display + fmt::Debug> std::error::Error for Problems<T> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct P(u32, &'static str);

    impl Placed for P {
        fn place(&self) -> Place {
            Place::row("Volymer", self.0)
        }
    }

    #[test]
    fn keeps_the_earliest_in_place_order_and_counts_the_rest() {
        let mut problems = Problems::new();
        for row in (1..=60).rev() {
            problems.push(P(row, "x"));
        }
        assert_eq!(problems.kept().len(), MAX_PROBLEMS);
        assert_eq!(problems.more(), 10);
        assert_eq!(problems.kept().first(), Some(&P(1, "x")));
        assert_eq!(problems.kept().last(), Some(&P(50, "x")));
    }

    #[test]
    fn equal_places_keep_the_order_found() {
        let mut problems = Problems::new();
        problems.push(P(2, "b"));
        problems.push(P(1, "a"));
        problems.push(P(2, "c"));
        assert_eq!(problems.into_kept(), [P(1, "a"), P(2, "b"), P(2, "c")]);
    }

    #[test]
    fn file_problems_come_before_sheet_problems() {
        assert!(Place::FILE < Place::sheet("Utfall"));
        assert!(Place::row("Utfall", 9) < Place::sheet("Volymer"));
        assert!(Place::sheet("Volymer") < Place::cell(&CellRef { sheet: "Volymer", row: 1, col: 0 }));
    }
}
