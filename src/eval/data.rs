//! Workbook rows → the quantities formulas read, keyed by assignment, part and
//! measure, each with the cells it came from. Names are matched to the rules'
//! ids case-insensitively; an unknown name is an error at its cell.

use crate::diagnostic::echo;
use crate::model::{Assignment, AssignmentId, MeasureId, MeasureKind, Model, PartId, negative_quantity};
use crate::tr;
use crate::workbook::{self, CellRef, Located, Period, Place, Placed, Posting, Problems, WorkbookError, WorkbookErrors};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

mod prognos;
pub use prognos::ProviderForecast;

/// Every problem with the input workbook, each naming the file and the cell: those
/// of reading it and those of mapping its rows onto the rules, in sheet and row
/// order, at most [`workbook::MAX_PROBLEMS`] and then a count.
#[derive(Debug)]
pub struct InputError {
    /// The problems, one a line (each followed by its hint, when there are several).
    pub message: String,
    /// How to fix it, when there is one problem (with several, each line has its own).
    pub hint: Option<String>,
    /// The problems themselves.
    pub problems: Problems<InputProblem>,
}

impl InputError {
    fn new(problems: Problems<InputProblem>) -> Self {
        let (message, hint) = match problems.kept() {
            [one] if problems.more() == 0 => (one.message(), one.hint()),
            _ => (problems.to_string(), None),
        };
        InputError { message, hint, problems }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        match &self.hint {
            Some(h) => f.write_str(&hint_line(h)),
            None => Ok(()),
        }
    }
}

impl std::error::Error for InputError {}

impl From<WorkbookError> for InputError {
    fn from(e: WorkbookError) -> Self {
        let mut problems = Problems::new();
        problems.push(InputProblem::Workbook(e));
        InputError::new(problems)
    }
}

impl From<WorkbookErrors> for InputError {
    fn from(e: WorkbookErrors) -> Self {
        let mut problems = Problems::new();
        problems.append(e);
        InputError::new(problems)
    }
}

/// A hint on its own line under the problem.
fn hint_line(hint: &str) -> String {
    format!("\n  = {}", tr!("wb-hint", hint = hint))
}

/// One problem with the input workbook.
#[derive(Debug)]
pub enum InputProblem {
    /// The workbook breaks the contract (a bad cell, a missing sheet, …).
    Workbook(WorkbookError),
    /// A well-formed row the rules cannot take.
    Row {
        /// The workbook or CSV folder.
        file: PathBuf,
        /// The cell at fault.
        cell: CellRef,
        /// What is wrong.
        problem: RowProblem,
    },
}

impl From<WorkbookError> for InputProblem {
    fn from(e: WorkbookError) -> Self {
        InputProblem::Workbook(e)
    }
}

impl InputProblem {
    /// The problem on one line, with its file and cell.
    pub fn message(&self) -> String {
        match self {
            InputProblem::Workbook(e) => e.to_string(),
            InputProblem::Row { file, cell, problem } => format!("{}: {cell}: {}", file.display(), problem.message()),
        }
    }

    /// How to fix it, if the message does not say.
    pub fn hint(&self) -> Option<String> {
        match self {
            InputProblem::Workbook(_) => None,
            InputProblem::Row { problem, .. } => problem.hint(),
        }
    }
}

impl fmt::Display for InputProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())?;
        self.hint().map_or(Ok(()), |h| f.write_str(&hint_line(&h)))
    }
}

impl Placed for InputProblem {
    fn place(&self) -> Place {
        match self {
            InputProblem::Workbook(e) => e.place(),
            InputProblem::Row { cell, .. } => Place::cell(cell),
        }
    }
}

/// What is wrong with a well-formed row of Budget or Volymer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    /// The rules declare no such assignment.
    UnknownAssignment {
        /// The name in the cell.
        name: String,
        /// The nearest declared assignments.
        nearest: Vec<String>,
    },
    /// The assignment has no such part.
    NotAPart {
        /// The name in the cell.
        part: String,
        /// The assignment's id.
        assignment: String,
        /// The nearest parts of the assignment; `None` when it has no parts.
        nearest: Option<Vec<String>>,
    },
    /// The rules declare no such measure.
    UnknownMeasure {
        /// The name in the cell.
        name: String,
        /// The nearest declared measures.
        nearest: Vec<String>,
    },
    /// A measure of the other sheet.
    WrongSheet {
        /// The measure.
        name: String,
        /// The sheet the measure belongs to.
        sheet: &'static str,
        /// The sheet the row is in.
        here: &'static str,
    },
    /// A second row for the same quantity.
    Duplicate {
        /// The month, for a Volymer row.
        period: Option<Period>,
        /// The quantity's names.
        names: Quantity,
        /// The first row's value cell.
        first: CellRef,
    },
    /// A second Prognos row for an assignment (or part) already forecast, or a whole
    /// assignment's row beside rows of its parts.
    ForecastTwice {
        /// The assignment's id.
        assignment: String,
        /// The first row's `uppdrag` cell.
        first: CellRef,
    },
    /// Prognos rows for some of an assignment's parts, not all.
    ForecastPartsMissing {
        /// The assignment's id.
        assignment: String,
        /// The parts without a row.
        missing: Vec<String>,
    },
    /// An assignment's Prognos rows sum to more than an exact decimal holds.
    ForecastTooLarge {
        /// The assignment's id.
        assignment: String,
    },
    /// A negative quantity of a measure not declared `får_vara_negativ`.
    Negative {
        /// Budget or Volymer.
        kind: MeasureKind,
        /// The measure as declared.
        measure: String,
        /// The value in the cell.
        value: Decimal,
    },
    /// A period of another year than the rules'.
    OutsideYear {
        /// The period in the cell.
        period: Period,
        /// The rules' year.
        year: i32,
    },
}

impl RowProblem {
    /// The problem, without file and cell.
    pub fn message(&self) -> String {
        match self {
            // Names come from the workbook: echoed cut and with control characters escaped.
            RowProblem::UnknownAssignment { name, .. } => tr!("wb-unknown-assignment", name = echo(name)),
            RowProblem::NotAPart { part, assignment, .. } => tr!("wb-not-a-part", part = echo(part), assignment = assignment),
            RowProblem::UnknownMeasure { name, .. } => tr!("wb-unknown-measure", name = echo(name)),
            RowProblem::WrongSheet { name, sheet, here } => tr!("wb-wrong-sheet", name = echo(name), sheet = *sheet, here = *here),
            RowProblem::Duplicate { period: None, names, first } => {
                tr!("wb-duplicate-budget", names = quantity(names), first = first.to_string())
            }
            RowProblem::Duplicate { period: Some(period), names, first } => {
                tr!("wb-duplicate-volume", period = period.to_string(), names = quantity(names), first = first.to_string())
            }
            RowProblem::OutsideYear { period, year } => outside_year(*period, *year),
            RowProblem::Negative { kind, measure, value } => negative_quantity(*kind, measure, *value).0,
            RowProblem::ForecastTwice { assignment, first } => {
                tr!("followup-prognos-twice", assignment = assignment, first = first.to_string())
            }
            RowProblem::ForecastPartsMissing { assignment, missing } => {
                let missing: Vec<String> = missing.iter().map(|p| format!("`{p}`")).collect();
                tr!("followup-prognos-parts-missing", assignment = assignment, missing = missing.join(", "))
            }
            RowProblem::ForecastTooLarge { assignment } => tr!("followup-prognos-too-large", assignment = assignment),
        }
    }

    /// How to fix it.
    pub fn hint(&self) -> Option<String> {
        match self {
            RowProblem::UnknownAssignment { nearest, .. } | RowProblem::UnknownMeasure { nearest, .. } => did_you_mean(nearest),
            RowProblem::NotAPart { nearest: Some(nearest), .. } => did_you_mean(nearest),
            RowProblem::NotAPart { assignment, nearest: None, .. } => Some(tr!("wb-no-parts", assignment = assignment)),
            RowProblem::WrongSheet { sheet, .. } => Some(tr!("wb-wrong-sheet-hint", sheet = *sheet)),
            RowProblem::Duplicate { period: None, .. } => Some(tr!("wb-duplicate-budget-hint")),
            RowProblem::Duplicate { period: Some(_), .. } => Some(tr!("wb-duplicate-volume-hint")),
            RowProblem::OutsideYear { .. } | RowProblem::ForecastTooLarge { .. } => None,
            RowProblem::Negative { kind, measure, value } => Some(negative_quantity(*kind, measure, *value).1),
            RowProblem::ForecastTwice { .. } | RowProblem::ForecastPartsMissing { .. } => Some(tr!("followup-prognos-hint")),
        }
    }
}

fn outside_year(period: Period, year: i32) -> String {
    tr!("wb-period-not-in-year", period = period.to_string(), year = year.to_string())
}

/// The names of a budget or volume quantity, as written in the row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    /// Column `uppdrag`.
    pub assignment: String,
    /// Column `del`, `None` where empty.
    pub part: Option<String>,
    /// Column `mått`.
    pub measure: String,
}

impl Quantity {
    fn of(a: &Located<String>, part: &Option<Located<String>>, m: &Located<String>) -> Self {
        Quantity { assignment: a.value.clone(), part: part.as_ref().map(|p| p.value.clone()), measure: m.value.clone() }
    }
}

/// `` `områdesansvar` / `nordväst` / `hsl_timmar` ``, or `` `a` / `m` `` without a part.
fn quantity(q: &Quantity) -> String {
    match &q.part {
        Some(p) => format!("`{}` / `{p}` / `{}`", q.assignment, q.measure),
        None => format!("`{}` / `{}`", q.assignment, q.measure),
    }
}

/// "menade du `a` eller `b`?", or nothing when no name is near.
fn did_you_mean(nearest: &[String]) -> Option<String> {
    let or = format!(" {} ", tr!("wb-or"));
    let names: Vec<String> = nearest.iter().map(|n| format!("`{n}`")).collect();
    (!names.is_empty()).then(|| tr!("wb-did-you-mean", names = names.join(&or)))
}

/// Up to three known names nearest to `name`, best first (as `diagnostic::did_you_mean` scores them).
fn nearest<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let name = name.to_lowercase();
    let mut scored: Vec<(f64, &str)> = known
        .into_iter()
        .map(|k| (strsim::normalized_damerau_levenshtein(&name, &k.to_lowercase()), k))
        .filter(|(s, _)| *s >= 0.5)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(3).map(|(_, k)| k.to_string()).collect()
}

fn at(file: &Path, cell: &CellRef, problem: RowProblem) -> InputProblem {
    InputProblem::Row { file: file.to_path_buf(), cell: cell.clone(), problem }
}

/// Key of a budget or volume quantity: assignment, part (None: the whole assignment), measure.
pub type Key = (AssignmentId, Option<PartId>, MeasureId);

/// A yearly budget value with its cell.
#[derive(Debug, Clone)]
pub struct BudgetValue {
    /// The value.
    pub value: Decimal,
    /// Where it is.
    pub cell: CellRef,
}

/// Twelve monthly volumes with their cells.
#[derive(Debug, Clone, Default)]
pub struct MonthlyVolume {
    /// Value per month (index 0 = January).
    pub values: [Decimal; 12],
    /// The cell of each month's row, where there is one.
    pub cells: [Option<CellRef>; 12],
}

/// Ledger totals of one part slot: per month, sum and number of postings.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ledger {
    /// Sum per month.
    pub sum: [Decimal; 12],
    /// Postings per month.
    pub rows: [u64; 12],
}

impl Ledger {
    /// The sum and the number of postings of months `from..=to` (1 = January);
    /// `None` when the sum does not fit an exact decimal.
    pub fn over(&self, (from, to): (u32, u32)) -> Option<(Decimal, u64)> {
        let months = (from as usize).saturating_sub(1)..(to as usize).min(12);
        let sum = self.sum.get(months.clone())?.iter().try_fold(Decimal::ZERO, |acc, v| acc.checked_add(*v))?;
        Some((sum, self.rows.get(months)?.iter().fold(0u64, |acc, n| acc.saturating_add(*n))))
    }
}

/// Everything the formulas read from a workbook.
#[derive(Debug, Clone)]
pub struct Data {
    /// The workbook or CSV folder.
    pub file: PathBuf,
    /// Budget values.
    pub budget: HashMap<Key, BudgetValue>,
    /// Volumes.
    pub volume: HashMap<Key, MonthlyVolume>,
    /// Ledger per assignment, per part slot (the last slot: codes of no part); see
    /// [`Data::ledger_slots`].
    pub ledger: Vec<Vec<Ledger>>,
    /// Ledger per assignment, per activity (the last slot: codes of no activity), per
    /// month; see [`Data::activities_of`].
    pub activities: Vec<Vec<[Decimal; 12]>>,
    /// Postings whose code maps to no assignment: count and sum.
    pub unmapped: (u64, Decimal),
    /// The unmapped codes, sorted, with count and sum each.
    pub unmapped_codes: Vec<(String, u64, Decimal)>,
    /// Per `utanför` unit of the model (in its order): its postings per month.
    pub out_of_scope: Vec<Ledger>,
    /// Per assignment, per change (in its order): the cost of the change's own codes per month.
    pub change_ledger: Vec<Vec<[Decimal; 12]>>,
    /// Per (id, komplement) pair, when the model declares komplement codes.
    pub pairs: Vec<Pair>,
    /// Rows left out as of months after the period read up to ([`load_until`]).
    pub skipped: workbook::SkippedRows,
    /// The provider's own forecasts (sheet Prognos), per assignment in the rules' order.
    pub forecasts: Vec<ProviderForecast>,
}

/// The postings of one (id, komplement) pair and where each view puts them.
#[derive(Debug, Clone)]
pub struct Pair {
    /// The ID code.
    pub id: String,
    /// The komplement code (may be empty).
    pub komplement: String,
    /// Where the ID view puts it.
    pub by_id: ViewPlace,
    /// Where the komplement view puts it.
    pub by_komplement: ViewPlace,
    /// Postings and sum per month.
    pub ledger: Ledger,
}

/// Where a view puts a posting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewPlace {
    /// An assignment's.
    Assignment(AssignmentId),
    /// A declared `utanför` unit's (by ID code, in both views).
    OutOfScope(usize),
    /// No one's.
    Unmapped,
}

impl Data {
    /// No rows at all, shaped for `model` (for tests and what-ifs without a workbook).
    pub fn empty(model: &Model) -> Data {
        Mapper::new(model, Path::new("")).finish()
    }

    /// The ledger of one part of assignment `a`, or of all its slots (`None`: every
    /// part and the codes of no part).
    pub fn ledger_slots(&self, a: AssignmentId, part: Option<PartId>) -> &[Ledger] {
        let slots = &self.ledger[a.index()];
        match part {
            // INVARIANT: slot `i` is part `i` (see `Target::part`).
            Some(p) => &slots[p.index()..=p.index()],
            None => slots,
        }
    }

    /// The cost of assignment `a` (or one part) over months `from..=to`: the one sum
    /// of the ledger that formulas, `explain` and `test` use; `None` on overflow.
    pub fn cost(&self, a: AssignmentId, part: Option<PartId>, months: (u32, u32)) -> Option<Decimal> {
        self.ledger_slots(a, part).iter().try_fold(Decimal::ZERO, |acc, l| acc.checked_add(l.over(months)?.0))
    }

    /// The ledger of assignment `a` per activity slot (see [`activity_slots`]), per month.
    pub fn activities_of(&self, a: AssignmentId) -> &[[Decimal; 12]] {
        &self.activities[a.index()]
    }

    /// Adds one posting of `amount` in month `m` (0 = January) where `t` says; `None` on overflow.
    pub fn add_posting(&mut self, t: Target, m: usize, amount: Decimal) -> Option<()> {
        add_posting(&mut self.ledger, &mut self.activities, t, m, amount)
    }
}

/// Adds a posting to the ledger slot and the activity slot of `t`; `None` on overflow.
fn add_posting(ledger: &mut [Vec<Ledger>], activities: &mut [Vec<[Decimal; 12]>], t: Target, m: usize, amount: Decimal) -> Option<()> {
    let slots = &mut ledger[t.assignment.index()];
    let index = slot_of(t, slots.len());
    let slot = &mut slots[index];
    slot.sum[m] = slot.sum[m].checked_add(amount)?;
    slot.rows[m] += 1;
    let activity = &mut activities[t.assignment.index()][t.activity][m];
    *activity = activity.checked_add(amount)?;
    Some(())
}

/// The index of `t`'s slot among its assignment's `slots` ledger slots.
fn slot_of(t: Target, slots: usize) -> usize {
    // INVARIANT: an assignment has a slot per part and one more (see `Mapper::new`).
    t.part.map_or(slots - 1, PartId::index)
}

/// A running sum, kept as an `i128` mantissa at the largest scale seen while that is
/// exact and below 2⁹⁶, then as a `Decimal` summed by `checked_add` itself. Its value,
/// scale and sign (of a zero too) are those `Decimal::checked_add` gives: adding to a
/// zero gives the other operand as it is (a negative zero too), adding a zero changes
/// nothing, and two others that cancel give a positive zero at the larger scale.
#[derive(Debug, Clone, Copy, Default)]
struct Sum {
    mantissa: i128,
    scale: u32,
    /// A zero with the minus sign.
    negative_zero: bool,
    spilled: Option<Decimal>,
}

/// 2⁹⁶: a `Decimal`'s mantissa is below it.
const DECIMAL_LIMIT: i128 = 1 << 96;

impl Sum {
    /// Adds `x`: inline, the common case of two non-zero amounts of one scale whose
    /// sum is exact; the rest out of line.
    #[inline]
    fn add(&mut self, x: Decimal) -> Option<()> {
        let (xm, xs) = (x.mantissa(), x.scale());
        if xs == self.scale && self.mantissa != 0 && xm != 0 && self.spilled.is_none() {
            let m = self.mantissa + xm;
            if m.abs() < DECIMAL_LIMIT {
                (self.mantissa, self.negative_zero) = (m, false);
                return Some(());
            }
        }
        self.add_any(x)
    }

    #[inline(never)]
    fn add_any(&mut self, x: Decimal) -> Option<()> {
        if let Some(d) = &mut self.spilled {
            *d = d.checked_add(x)?;
            return Some(());
        }
        let (xm, xs) = (x.mantissa(), x.scale());
        if self.mantissa == 0 {
            (self.mantissa, self.scale, self.negative_zero) = (xm, xs, xm == 0 && x.is_sign_negative());
            return Some(());
        }
        if xm == 0 {
            return Some(());
        }
        let scaled = |m: i128, by: u32| 10i128.checked_pow(by).and_then(|p| m.checked_mul(p)).filter(|m| m.abs() < DECIMAL_LIMIT);
        let exact = match xs.cmp(&self.scale) {
            std::cmp::Ordering::Equal => Some((self.mantissa + xm, xs)),
            std::cmp::Ordering::Greater => scaled(self.mantissa, xs - self.scale).map(|m| (m + xm, xs)),
            std::cmp::Ordering::Less => scaled(xm, self.scale - xs).map(|m| (self.mantissa + m, self.scale)),
        };
        match exact {
            Some((m, s)) if m.abs() < DECIMAL_LIMIT => {
                (self.mantissa, self.scale, self.negative_zero) = (m, s, false);
            }
            _ => self.spilled = Some(self.value().checked_add(x)?),
        }
        Some(())
    }

    fn value(&self) -> Decimal {
        self.spilled.unwrap_or_else(|| {
            let mut value = Decimal::from_i128_with_scale(self.mantissa, self.scale);
            if self.negative_zero {
                value.set_sign_negative(true);
            }
            value
        })
    }
}

/// What one ID code maps to, cached per code.
#[derive(Debug, Clone, Copy, Default)]
struct Mapped {
    /// The assignment's slots, if any.
    target: Option<Target>,
    /// The `utanför` unit, if no assignment has the code.
    out: Option<usize>,
    /// Bit `i`: the code is one of change `i`'s of the target's assignment.
    changes: u64,
}

/// Where one ledger code goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    /// The assignment.
    pub assignment: AssignmentId,
    /// The part (`None`: codes of no part). Part `i` has slot `i` of [`Data::ledger`],
    /// codes of no part the last slot.
    pub part: Option<PartId>,
    /// Activity slot of [`Data::activities`] (see [`activity_slots`]).
    pub activity: usize,
}

/// Reads a workbook and maps it onto the model.
pub fn load(model: &Model, path: &Path, progress: &mut dyn FnMut(u64)) -> Result<Data, InputError> {
    read(model, path, model.header.year, None, progress)
}

/// Like [`load`], up to the month `until` (`--period`): rows of later months of
/// the year are left out, empty cells and all, and counted in [`Data::skipped`].
pub fn load_until(model: &Model, path: &Path, until: Option<Period>, progress: &mut dyn FnMut(u64)) -> Result<Data, InputError> {
    read(model, path, model.header.year, until, progress)
}

/// Reads a workbook of year `year` as if it were of the model's year (to evaluate
/// last year's rules on this year's volumes).
pub fn load_for_year(model: &Model, path: &Path, year: i32) -> Result<Data, InputError> {
    read(model, path, year, None, &mut |_| {})
}

/// Reads a workbook that may hold only Budget (as in May, before any volumes or
/// ledger of the year): a missing or empty Utfall or Volymer is no problem; what
/// they do hold is read as by [`load_for_year`] (periods of year `year`).
pub fn load_budget_only(model: &Model, path: &Path, year: i32) -> Result<Data, InputError> {
    tolerant(model, path, year, false)
}

/// Like [`load_budget_only`], for a workbook already read without problems for the
/// rules of its own year and now read for another year's rules: rows of an
/// assignment, part or measure those rules no longer declare (a structural change
/// between the years) are left out, not errors.
pub fn load_for_other_rules(model: &Model, path: &Path, year: i32) -> Result<Data, InputError> {
    tolerant(model, path, year, true)
}

fn tolerant(model: &Model, path: &Path, year: i32, structural: bool) -> Result<Data, InputError> {
    let mut mapper = Mapper::new(model, path);
    mapper.year = year;
    let (inputs, read_problems) = workbook::read_partial(path, &mut |p: Posting<'_>| mapper.posting(p));
    let lenient = Lenient { optional_sheets: true, undeclared_dropped: structural };
    map_inputs(model, path, year, lenient, mapper.finish(), &inputs, read_problems)
}

/// What a read of a workbook forgives: Utfall and Volymer missing or empty (a
/// Budget-only workbook, as in May), rows the rules do not declare.
#[derive(Debug, Clone, Copy, Default)]
struct Lenient {
    optional_sheets: bool,
    undeclared_dropped: bool,
}

/// Whether `e` says that Utfall or Volymer is missing or empty.
fn optional_sheet_missing(e: &WorkbookError) -> bool {
    match e {
        WorkbookError::MissingSheet { sheet, .. } | WorkbookError::EmptySheet { sheet, .. } => *sheet != "Budget",
        WorkbookError::MissingCsv { name, .. } => !name.eq_ignore_ascii_case("Budget.csv"),
        _ => false,
    }
}

/// Maps the Budget and Volymer rows read from `path` onto `data`; the problems of
/// reading and of mapping come out together, less what `lenient` forgives.
fn map_inputs(
    model: &Model,
    path: &Path,
    year: i32,
    lenient: Lenient,
    mut data: Data,
    inputs: &workbook::Inputs,
    mut read_problems: WorkbookErrors,
) -> Result<Data, InputError> {
    if lenient.optional_sheets {
        read_problems.forgive(optional_sheet_missing);
    }
    let mut problems = Problems::new();
    problems.append(read_problems);
    let names = Names { model, file: path, undeclared_dropped: lenient.undeclared_dropped, found: Default::default() };
    for row in &inputs.budget {
        names.budget_row(row, &mut data, &mut problems);
    }
    for row in &inputs.volumes {
        names.volume_row(year, row, &mut data, &mut problems);
    }
    data.forecasts = names.forecasts(&inputs.forecasts, &mut problems);
    problems.into_result(data).map_err(InputError::new)
}

/// Reads what it can and maps the good rows, so that the problems of reading and
/// of mapping come out together.
fn read(model: &Model, path: &Path, year: i32, until: Option<Period>, progress: &mut dyn FnMut(u64)) -> Result<Data, InputError> {
    let mut mapper = Mapper::new(model, path);
    mapper.year = year;
    let (inputs, read_problems) = workbook::read_partial_until(path, until, &mut |p: Posting<'_>| {
        let mapped = mapper.posting(p);
        if mapper.count.is_multiple_of(65_536) {
            progress(mapper.count);
        }
        mapped
    });
    let mut data = mapper.finish();
    data.skipped = inputs.skipped;
    map_inputs(model, path, year, Lenient::default(), data, &inputs, read_problems)
}

/// Codes looked up once per posting: a fast hash (the keys come from the input,
/// but a map only grows by distinct codes, capped by what the input holds).
type CodeMap<V> = HashMap<String, V, foldhash::fast::RandomState>;

struct Mapper<'m> {
    model: &'m Model,
    file: PathBuf,
    cache: CodeMap<Mapped>,
    ledger: Vec<Vec<Ledger>>,
    activities: Vec<Vec<[Decimal; 12]>>,
    out_of_scope: Vec<Ledger>,
    change_ledger: Vec<Vec<[Decimal; 12]>>,
    /// Whether the model declares komplement codes (the pairs are kept only then).
    komplement: bool,
    /// Every code pair seen, when pairs are kept; `seen` holds each one's index.
    pairs: Vec<Pair>,
    unmapped: HashMap<String, (u64, Decimal)>,
    /// All unmapped postings: count and checked sum, kept per posting so an
    /// overflow is reported at the row that caused it.
    unmapped_total: (u64, Decimal),
    count: u64,
    /// The year the workbook's periods must be in.
    year: i32,
    /// The code pair of the last posting and what it maps to.
    last: Option<LastPair>,
    /// What each code pair seen maps to, by [`Mapper::look_up`]'s key of the pair.
    seen: HashMap<Vec<u8>, (Mapped, Option<usize>), foldhash::fast::RandomState>,
    /// That key's buffer.
    key: Vec<u8>,
    /// The sums of `ledger`'s slots and of `pairs`, per month, as they run (see [`Sum`]).
    slot_sums: Vec<Vec<[Sum; 12]>>,
    pair_sums: Vec<[Sum; 12]>,
}

/// Whether two short codes are equal, compared here rather than by a call to the
/// C library's `memcmp` (a posting's codes are a few bytes; the call costs more):
/// up to 16 bytes as two overlapping words, first and last, of 1, 4 or 8 bytes.
fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    fn ends<const N: usize>(a: &[u8], b: &[u8]) -> bool {
        a.first_chunk::<N>() == b.first_chunk::<N>() && a.last_chunk::<N>() == b.last_chunk::<N>()
    }
    match a.len() {
        0 => true,
        1..4 => a[0] == b[0] && a[a.len() / 2] == b[a.len() / 2] && a[a.len() - 1] == b[a.len() - 1],
        4..8 => ends::<4>(a, b),
        8..=16 => ends::<8>(a, b),
        _ => a == b,
    }
}

/// A code pair already looked up.
#[derive(Default)]
struct LastPair {
    id: String,
    komplement: String,
    mapped: Mapped,
    pair: Option<usize>,
}

impl<'m> Mapper<'m> {
    fn new(model: &'m Model, path: &Path) -> Self {
        let ledger = model.assignments.iter().map(|a| vec![Ledger::default(); a.parts.len() + 1]).collect();
        let activities = model.assignments.iter().map(|a| vec![[Decimal::ZERO; 12]; activity_slots(a)]).collect();
        Mapper {
            model,
            file: path.to_path_buf(),
            cache: CodeMap::default(),
            ledger,
            activities,
            out_of_scope: vec![Ledger::default(); model.out_of_scope.len()],
            change_ledger: model.assignments.iter().map(|a| vec![[Decimal::ZERO; 12]; a.changes.len()]).collect(),
            komplement: model.has_komplement(),
            pairs: vec![],
            unmapped: HashMap::new(),
            unmapped_total: (0, Decimal::ZERO),
            count: 0,
            year: model.header.year,
            last: None,
            seen: HashMap::default(),
            key: Vec::new(),
            slot_sums: model.assignments.iter().map(|a| vec![[Sum::default(); 12]; a.parts.len() + 1]).collect(),
            pair_sums: Vec::new(),
        }
    }

    fn posting(&mut self, p: Posting<'_>) -> Result<(), WorkbookError> {
        self.count += 1;
        let year = self.year;
        if p.period.year != year {
            return Err(WorkbookError::posting(&self.file, p.row, outside_year(p.period, year)));
        }
        // Ledgers come sorted more often than not: a run of postings of one code pair
        // is looked up once.
        let (mapped, pair) = match &self.last {
            Some(last) if same(&last.id, p.id) && same(&last.komplement, p.komplement) => (last.mapped, last.pair),
            _ => self.look_up(p.id, p.komplement),
        };
        let m = p.period.month as usize - 1;
        let row = p.row;
        if let Some(pair) = pair {
            self.pair_sums[pair][m].add(p.amount).ok_or_else(|| sum_too_large(&self.file, row))?;
            self.pairs[pair].ledger.rows[m] += 1;
        }
        if let Some(u) = mapped.out {
            let l = &mut self.out_of_scope[u];
            l.sum[m] = l.sum[m].checked_add(p.amount).ok_or_else(|| sum_too_large(&self.file, row))?;
            l.rows[m] += 1;
            return Ok(());
        }
        let Some(t) = mapped.target else {
            let e = self.unmapped.entry(p.id.to_string()).or_default();
            e.0 += 1;
            e.1 = checked_add(e.1, p.amount, &self.file, p.row)?;
            self.unmapped_total = (self.unmapped_total.0 + 1, checked_add(self.unmapped_total.1, p.amount, &self.file, p.row)?);
            return Ok(());
        };
        let mut bits = mapped.changes;
        while bits != 0 {
            let i = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            if let Some(c) = self.change_ledger[t.assignment.index()].get_mut(i) {
                c[m] = c[m].checked_add(p.amount).ok_or_else(|| sum_too_large(&self.file, row))?;
            }
        }
        let slots = &mut self.ledger[t.assignment.index()];
        let slot = slot_of(t, slots.len());
        self.slot_sums[t.assignment.index()][slot][m].add(p.amount).ok_or_else(|| sum_too_large(&self.file, row))?;
        slots[slot].rows[m] += 1;
        // An assignment without activities has its parts' slots as its activities, the
        // same sums: those are copied once at the end (`finish`), not added twice.
        if !self.model.assignments[t.assignment].activities.is_empty() {
            let activity = &mut self.activities[t.assignment.index()][t.activity][m];
            *activity = activity.checked_add(p.amount).ok_or_else(|| sum_too_large(&self.file, row))?;
        }
        Ok(())
    }

    /// What code `id` maps to and, when pairs are kept, the index of the pair with
    /// `komplement`; remembered as the last pair seen.
    fn look_up(&mut self, id: &str, komplement: &str) -> (Mapped, Option<usize>) {
        // One lookup by both codes (the ID's length first, so no two pairs share a key);
        // only a pair not seen before asks `cache` for its ID's mapping, and is new.
        let key = &mut self.key;
        key.clear();
        key.extend_from_slice(&(id.len() as u64).to_le_bytes());
        key.extend_from_slice(id.as_bytes());
        if self.komplement {
            key.extend_from_slice(komplement.as_bytes());
        }
        let (mapped, pair) = match self.seen.get(key.as_slice()) {
            Some(&seen) => seen,
            None => {
                let mapped = match self.cache.get(id) {
                    Some(t) => *t,
                    None => {
                        let t = mapped(self.model, id);
                        self.cache.insert(id.to_string(), t);
                        t
                    }
                };
                let pair = self.komplement.then(|| self.new_pair(id, komplement, &mapped));
                self.seen.insert(self.key.clone(), (mapped, pair));
                (mapped, pair)
            }
        };
        let last = self.last.get_or_insert_with(LastPair::default);
        last.id.clear();
        last.id.push_str(id);
        last.komplement.clear();
        last.komplement.push_str(komplement);
        (last.mapped, last.pair) = (mapped, pair);
        (mapped, pair)
    }

    /// Adds the (id, komplement) pair, seen for the first time (`look_up` remembers
    /// every pair seen, with its index), to `pairs`; its index.
    fn new_pair(&mut self, id: &str, komplement: &str, mapped: &Mapped) -> usize {
        let by_id = match (mapped.target, mapped.out) {
            (Some(t), _) => ViewPlace::Assignment(t.assignment),
            (None, Some(u)) => ViewPlace::OutOfScope(u),
            (None, None) => ViewPlace::Unmapped,
        };
        let by_komplement = match by_id {
            ViewPlace::OutOfScope(u) => ViewPlace::OutOfScope(u),
            _ => map_komplement(self.model, komplement).map_or(ViewPlace::Unmapped, ViewPlace::Assignment),
        };
        let i = self.pairs.len();
        self.pairs.push(Pair { id: id.to_string(), komplement: komplement.to_string(), by_id, by_komplement, ledger: Ledger::default() });
        self.pair_sums.push([Sum::default(); 12]);
        i
    }

    fn finish(mut self) -> Data {
        for (slots, sums) in self.ledger.iter_mut().zip(&self.slot_sums) {
            for (slot, sum) in slots.iter_mut().zip(sums) {
                slot.sum = sum.map(|s| s.value());
            }
        }
        for (pair, sum) in self.pairs.iter_mut().zip(&self.pair_sums) {
            pair.ledger.sum = sum.map(|s| s.value());
        }
        let mut unmapped_codes: Vec<(String, u64, Decimal)> = self.unmapped.into_iter().map(|(k, (n, s))| (k, n, s)).collect();
        unmapped_codes.sort_by(|a, b| a.0.cmp(&b.0));
        let unmapped = self.unmapped_total;
        Data {
            file: self.file,
            budget: HashMap::new(),
            volume: HashMap::new(),
            activities: self
                .activities
                .into_iter()
                .zip(&self.model.assignments)
                .zip(&self.ledger)
                .map(|((own, a), slots)| if a.activities.is_empty() { slots.iter().map(|l| l.sum).collect() } else { own })
                .collect(),
            ledger: self.ledger,
            unmapped,
            unmapped_codes,
            out_of_scope: self.out_of_scope,
            change_ledger: self.change_ledger,
            pairs: {
                let mut pairs = self.pairs;
                pairs.sort_by(|a, b| (&a.id, &a.komplement).cmp(&(&b.id, &b.komplement)));
                pairs
            },
            skipped: workbook::SkippedRows::default(),
            forecasts: Vec::new(),
        }
    }
}

fn sum_too_large(file: &Path, row: u32) -> WorkbookError {
    WorkbookError::posting(file, row, tr!("wb-sum-too-large"))
}

fn checked_add(a: Decimal, b: Decimal, file: &Path, row: u32) -> Result<Decimal, WorkbookError> {
    a.checked_add(b).ok_or_else(|| WorkbookError::posting(file, row, tr!("wb-sum-too-large")))
}

/// Activity slots of an assignment: declared activities, else its parts, plus one for the rest.
pub fn activity_slots(a: &Assignment) -> usize {
    if a.activities.is_empty() { a.parts.len() + 1 } else { a.activities.len() + 1 }
}

/// Where a ledger code goes: the first assignment with a part, code or activity
/// matching it; `None` when no assignment has it (the posting is unmapped).
pub fn map_code(model: &Model, code: &str) -> Option<Target> {
    for (ai, a) in model.assignment_ids().zip(&model.assignments) {
        let part = a.part_ids().find(|&p| a.parts[p].codes.iter().any(|c| c.matches(code)));
        let own = a.codes.iter().any(|c| c.matches(code));
        let act = a.activities.iter().position(|x| x.codes.iter().any(|c| c.matches(code)));
        if part.is_none() && !own && act.is_none() {
            continue;
        }
        // With no activities declared, the parts' slots serve (see `activity_slots`).
        let activity = if a.activities.is_empty() { part.map_or(a.parts.len(), PartId::index) } else { act.unwrap_or(a.activities.len()) };
        return Some(Target { assignment: ai, part, activity });
    }
    None
}

/// What an ID code maps to: an assignment's slots, else an `utanför` unit; and the
/// changes of the assignment whose codes it is.
fn mapped(model: &Model, code: &str) -> Mapped {
    let target = map_code(model, code);
    let out = if target.is_some() { None } else { map_out_of_scope(model, code) };
    let changes = target.map_or(0, |t| {
        let changes = model.assignments[t.assignment].changes.iter().take(64);
        changes.enumerate().filter(|(_, c)| c.codes.iter().any(|p| p.matches(code))).fold(0u64, |acc, (i, _)| acc | (1u64 << i))
    });
    Mapped { target, out, changes }
}

/// The `utanför` unit whose codes match `code`, if any.
pub fn map_out_of_scope(model: &Model, code: &str) -> Option<usize> {
    model.out_of_scope.iter().position(|u| u.codes.iter().any(|c| c.matches(code)))
}

/// The assignment a komplement code belongs to in SoF's view: the first whose own,
/// parts' or activities' komplement codes match it.
pub fn map_komplement(model: &Model, code: &str) -> Option<AssignmentId> {
    if code.is_empty() {
        return None;
    }
    let matches = |ps: &[crate::model::CodePattern]| ps.iter().any(|c| c.matches(code));
    model.assignment_ids().zip(&model.assignments).find_map(|(ai, a)| {
        let found =
            matches(&a.komplement) || a.parts.iter().any(|p| matches(&p.komplement)) || a.activities.iter().any(|x| matches(&x.komplement));
        found.then_some(ai)
    })
}

/// Name lookup for the Budget and Volymer sheets; each problem of a row is recorded.
struct Names<'m> {
    model: &'m Model,
    file: &'m Path,
    /// Rows of an assignment, part or measure the rules do not declare are left out
    /// instead of recorded (a workbook read for another year's rules, whose
    /// assignments changed): left out here, before [`Problems`] caps what it keeps.
    undeclared_dropped: bool,
    /// Measures looked up by name: the rows name a few measures many times, and a
    /// lookup lowercases every measure's name.
    found: std::cell::RefCell<HashMap<String, Option<MeasureId>>>,
}

impl Names<'_> {
    /// The key of a row's quantity, or `None` after recording why there is none.
    fn key(
        &self,
        row: [&Located<String>; 2],
        part: Option<&Located<String>>,
        kind: MeasureKind,
        out: &mut Problems<InputProblem>,
    ) -> Option<Key> {
        let [a, m] = row;
        let assignment = self.assignment(a, out);
        // A part is looked up only in a known assignment: `Some(None)` is an unknown part.
        let part = assignment.zip(part).map(|(ai, p)| self.part(&self.model.assignments[ai], p, out));
        let measure = self.measure(m, kind, out);
        let part = match part {
            None => None,
            Some(found) => Some(found?),
        };
        Some((assignment?, part, measure?))
    }

    fn assignment(&self, a: &Located<String>, out: &mut Problems<InputProblem>) -> Option<AssignmentId> {
        let lower = a.value.to_lowercase();
        let found = self.model.assignment_ids().find(|&x| self.model.assignments[x].id.to_lowercase() == lower);
        if found.is_none() {
            let nearest = nearest(&a.value, self.model.assignments.iter().map(|x| x.id.as_str()));
            if !self.undeclared_dropped {
                out.push(at(self.file, &a.cell, RowProblem::UnknownAssignment { name: a.value.clone(), nearest }));
            }
        }
        found
    }

    fn measure(&self, m: &Located<String>, kind: MeasureKind, out: &mut Problems<InputProblem>) -> Option<MeasureId> {
        let known = self.found.borrow().get(&m.value).copied();
        let found = known.unwrap_or_else(|| {
            let found = self.model.measure(&m.value).map(|(mi, _)| mi);
            self.found.borrow_mut().insert(m.value.clone(), found);
            found
        });
        let Some((mi, measure)) = found.map(|mi| (mi, &self.model.measures[mi])) else {
            let nearest = nearest(&m.value, self.model.measures.iter().map(|x| x.name.as_str()));
            if !self.undeclared_dropped {
                out.push(at(self.file, &m.cell, RowProblem::UnknownMeasure { name: m.value.clone(), nearest }));
            }
            return None;
        };
        if measure.kind != kind {
            let (here, sheet) = if kind == MeasureKind::Budget { ("Budget", "Volymer") } else { ("Volymer", "Budget") };
            out.push(at(self.file, &m.cell, RowProblem::WrongSheet { name: m.value.clone(), sheet, here }));
            return None;
        }
        Some(mi)
    }

    fn part(&self, a: &Assignment, p: &Located<String>, out: &mut Problems<InputProblem>) -> Option<PartId> {
        let lower = p.value.to_lowercase();
        let found = a.part_ids().find(|&x| a.parts[x].id.to_lowercase() == lower);
        if found.is_none() {
            let nearest = (!a.parts.is_empty()).then(|| nearest(&p.value, a.parts.iter().map(|x| x.id.as_str())));
            if !self.undeclared_dropped {
                out.push(at(self.file, &p.cell, RowProblem::NotAPart { part: p.value.clone(), assignment: a.id.clone(), nearest }));
            }
        }
        found
    }

    /// Whether the value may be taken: a negative budget quantity or volume is an
    /// error at its cell unless its measure is declared `får_vara_negativ` (postings
    /// in Utfall may be negative: credits are normal).
    fn sign_allowed(&self, m: MeasureId, value: &Located<Decimal>, kind: MeasureKind, out: &mut Problems<InputProblem>) -> bool {
        let measure = &self.model.measures[m];
        if value.value >= Decimal::ZERO || measure.signed {
            return true;
        }
        out.push(at(self.file, &value.cell, RowProblem::Negative { kind, measure: measure.name.clone(), value: value.value }));
        false
    }

    fn budget_row(&self, row: &workbook::BudgetRow, data: &mut Data, out: &mut Problems<InputProblem>) {
        let Some(key) = self.key([&row.assignment, &row.measure], row.part.as_ref(), MeasureKind::Budget, out) else {
            return;
        };
        if let Some(first) = data.budget.get(&key) {
            let names = Quantity::of(&row.assignment, &row.part, &row.measure);
            let problem = RowProblem::Duplicate { period: None, names, first: first.cell.clone() };
            return out.push(at(self.file, &row.assignment.cell, problem));
        }
        if !self.sign_allowed(key.2, &row.value, MeasureKind::Budget, out) {
            return;
        }
        data.budget.insert(key, BudgetValue { value: row.value.value, cell: row.value.cell.clone() });
    }

    fn volume_row(&self, year: i32, row: &workbook::VolumeRow, data: &mut Data, out: &mut Problems<InputProblem>) {
        let Period { year: y, month } = row.period.value;
        if y != year {
            out.push(at(self.file, &row.period.cell, RowProblem::OutsideYear { period: row.period.value, year }));
        }
        let key = self.key([&row.assignment, &row.measure], row.part.as_ref(), MeasureKind::Volume, out);
        let (Some(key), true) = (key, y == year) else {
            return;
        };
        let entry = data.volume.entry(key).or_default();
        let m = month as usize - 1;
        if let Some(first) = &entry.cells[m] {
            let names = Quantity::of(&row.assignment, &row.part, &row.measure);
            let problem = RowProblem::Duplicate { period: Some(row.period.value), names, first: first.clone() };
            return out.push(at(self.file, &row.assignment.cell, problem));
        }
        if !self.sign_allowed(key.2, &row.value, MeasureKind::Volume, out) {
            return;
        }
        entry.values[m] = row.value.value;
        entry.cells[m] = Some(row.value.cell.clone());
    }
}

/// What the budget bridge reads a workbook for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BridgeInput {
    /// Last year's workbook for last year's rules (the start).
    Start,
    /// Last year's workbook for next year's rules: rows of assignments, parts or
    /// measures the new rules no longer have are left out (their change is a
    /// structural one).
    LastYearForNew,
    /// Next year's budget: the workbook may hold only the Budget sheet (as in May,
    /// before any volumes or postings exist); a missing or empty Utfall or Volymer is
    /// no problem.
    NextBudget,
}

/// Reads a workbook of `year` for the budget bridge (see [`BridgeInput`]). A workbook
/// of another year is one error at its first row of that year, not one per row.
pub fn load_for_bridge(model: &Model, path: &Path, year: i32, what: BridgeInput) -> Result<Data, InputError> {
    let mut mapper = Mapper::new(model, path);
    mapper.year = year;
    let mut other_year: Option<(u32, Period)> = None;
    let (inputs, read_problems) = workbook::read_partial(path, &mut |p: Posting<'_>| {
        if p.period.year != year {
            other_year.get_or_insert((p.row, p.period));
            return Ok(());
        }
        mapper.posting(p)
    });
    let wrong = |period: Period| match what {
        BridgeInput::NextBudget => tr!("budget-wrong-year", found = period.year.to_string(), year = year.to_string()),
        _ => tr!("budget-wrong-last-year", found = period.year.to_string(), year = year.to_string()),
    };
    let first_volume = inputs.volumes.iter().find(|r| r.period.value.year != year);
    let wrong_year = match (other_year, first_volume) {
        (Some((row, period)), _) => Some(InputProblem::Workbook(WorkbookError::posting(path, row, wrong(period)))),
        (None, Some(r)) => Some(at(path, &r.period.cell, RowProblem::OutsideYear { period: r.period.value, year })),
        (None, None) => None,
    };
    if let Some(p) = wrong_year {
        let mut problems = Problems::new();
        problems.push(p);
        return Err(InputError::new(problems));
    }
    let lenient = Lenient { optional_sheets: what == BridgeInput::NextBudget, undeclared_dropped: what == BridgeInput::LastYearForNew };
    map_inputs(model, path, year, lenient, mapper.finish(), &inputs, read_problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A decimal of any scale and a mantissa up to the limit (some near it).
    fn decimal() -> impl Strategy<Value = Decimal> {
        let mantissa = prop_oneof![-10_000_000i128..10_000_000, -(DECIMAL_LIMIT - 1)..DECIMAL_LIMIT, Just(0i128), Just(DECIMAL_LIMIT - 1)];
        (mantissa, 0u32..=28).prop_map(|(m, s)| Decimal::from_i128_with_scale(m, s))
    }

    proptest! {
        /// Short codes compare as strings do, at every length around the word sizes.
        #[test]
        fn same_is_string_equality(a in "[ab]{0,20}", b in "[ab]{0,20}") {
            prop_assert_eq!(same(&a, &b), a == b);
            prop_assert!(same(&a, &a.clone()));
        }

        /// A `Sum` gives what `checked_add` gives, to the scale and the sign of a zero,
        /// and fails where it fails.
        #[test]
        fn a_sum_adds_as_checked_add_does(xs in proptest::collection::vec(decimal(), 0..40)) {
            let (mut sum, mut plain) = (Sum::default(), Some(Decimal::ZERO));
            for x in xs {
                let added = sum.add(x);
                plain = plain.and_then(|p| p.checked_add(x));
                prop_assert_eq!(added.is_some(), plain.is_some());
                let Some(plain) = plain else { break };
                prop_assert_eq!(sum.value().to_string(), plain.to_string());
                prop_assert_eq!(sum.value().is_sign_negative(), plain.is_sign_negative());
            }
        }
    }

    #[test]
    fn zero_sums_and_scales() {
        for xs in [["1.50", "-1.50"], ["-1.5", "1.50"], ["0.00", "-0"], ["1549", "6097.76"]] {
            let (mut sum, mut plain) = (Sum::default(), Decimal::ZERO);
            for x in xs {
                let x: Decimal = x.parse().expect("decimal");
                sum.add(x).expect("fits");
                plain = plain.checked_add(x).expect("fits");
            }
            assert_eq!((sum.value().to_string(), sum.value().is_sign_negative()), (plain.to_string(), plain.is_sign_negative()), "{xs:?}");
        }
    }
}
