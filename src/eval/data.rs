//! Workbook rows → the quantities formulas read, keyed by assignment, part and
//! measure, each with the cells it came from. Names are matched to the rules'
//! ids case-insensitively; an unknown name is an error at its cell.

use crate::diagnostic::did_you_mean;
use crate::model::{Assignment, MeasureKind, Model};
use crate::workbook::{self, CellRef, Located, Period, Posting, WorkbookError};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// A problem with the input workbook, naming the file and the cell.
#[derive(Debug)]
pub struct InputError {
    /// What the workbook reader or the mapping said.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        match &self.hint {
            Some(h) => write!(f, "\n  = hint: {h}"),
            None => Ok(()),
        }
    }
}

impl From<WorkbookError> for InputError {
    fn from(e: WorkbookError) -> Self {
        InputError { message: e.to_string(), hint: None }
    }
}

fn at(file: &Path, cell: &CellRef, message: String, hint: Option<String>) -> InputError {
    InputError { message: format!("{}: {cell}: {message}", file.display()), hint }
}

/// Key of a budget or volume quantity: assignment, part (None: the whole assignment), measure.
pub type Key = (usize, Option<usize>, usize);

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

/// Everything the formulas read from a workbook.
#[derive(Debug, Clone)]
pub struct Data {
    /// The workbook or CSV folder.
    pub file: PathBuf,
    /// Budget values.
    pub budget: HashMap<Key, BudgetValue>,
    /// Volumes.
    pub volume: HashMap<Key, MonthlyVolume>,
    /// Ledger per assignment, per part slot (the last slot: codes of no part).
    pub ledger: Vec<Vec<Ledger>>,
    /// Ledger per assignment, per activity (the last slot: codes of no activity), per month.
    pub activities: Vec<Vec<[Decimal; 12]>>,
    /// Postings whose code maps to no assignment: count and sum.
    pub unmapped: (u64, Decimal),
    /// The unmapped codes, sorted, with count and sum each.
    pub unmapped_codes: Vec<(String, u64, Decimal)>,
}

impl Data {
    /// No rows at all, shaped for `model` (for tests and what-ifs without a workbook).
    pub fn empty(model: &Model) -> Data {
        Mapper::new(model, Path::new("")).finish()
    }
}

/// Where one ledger code goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    /// Index into `model.assignments`.
    pub assignment: usize,
    /// Part slot of [`Data::ledger`]: a part's index, or the number of parts for codes of no part.
    pub part: usize,
    /// Activity slot of [`Data::activities`] (see [`activity_slots`]).
    pub activity: usize,
}

/// Reads a workbook and maps it onto the model.
pub fn load(model: &Model, path: &Path, progress: &mut dyn FnMut(u64)) -> Result<Data, InputError> {
    read(model, path, model.header.year, progress)
}

/// Reads a workbook of year `year` as if it were of the model's year (to evaluate
/// last year's rules on this year's volumes).
pub fn load_for_year(model: &Model, path: &Path, year: i32) -> Result<Data, InputError> {
    read(model, path, year, &mut |_| {})
}

fn read(model: &Model, path: &Path, year: i32, progress: &mut dyn FnMut(u64)) -> Result<Data, InputError> {
    let mut mapper = Mapper::new(model, path);
    mapper.year = year;
    let inputs = workbook::read(path, &mut |p: Posting<'_>| {
        mapper.posting(p)?;
        if mapper.count.is_multiple_of(65_536) {
            progress(mapper.count);
        }
        Ok(())
    })?;
    let mut data = mapper.finish();
    let names = Names::new(model);
    for row in &inputs.budget {
        names.budget_row(path, row, &mut data)?;
    }
    for row in &inputs.volumes {
        names.volume_row(path, year, row, &mut data)?;
    }
    Ok(data)
}

struct Mapper<'m> {
    model: &'m Model,
    file: PathBuf,
    cache: HashMap<String, Option<Target>>,
    ledger: Vec<Vec<Ledger>>,
    activities: Vec<Vec<[Decimal; 12]>>,
    unmapped: HashMap<String, (u64, Decimal)>,
    count: u64,
    /// The year the workbook's periods must be in.
    year: i32,
}

impl<'m> Mapper<'m> {
    fn new(model: &'m Model, path: &Path) -> Self {
        let ledger = model.assignments.iter().map(|a| vec![Ledger::default(); a.parts.len() + 1]).collect();
        let activities = model.assignments.iter().map(|a| vec![[Decimal::ZERO; 12]; activity_slots(a)]).collect();
        Mapper {
            model,
            file: path.to_path_buf(),
            cache: HashMap::new(),
            ledger,
            activities,
            unmapped: HashMap::new(),
            count: 0,
            year: model.header.year,
        }
    }

    fn posting(&mut self, p: Posting<'_>) -> Result<(), WorkbookError> {
        self.count += 1;
        let year = self.year;
        if p.period.year != year {
            return Err(WorkbookError::posting(
                &self.file,
                p.row,
                format!("the period {} is not in {year}, the year of the rules", p.period),
            ));
        }
        let target = match self.cache.get(p.id) {
            Some(t) => *t,
            None => {
                let t = map_code(self.model, p.id);
                self.cache.insert(p.id.to_string(), t);
                t
            }
        };
        let Some(t) = target else {
            let e = self.unmapped.entry(p.id.to_string()).or_default();
            e.0 += 1;
            e.1 = checked_add(e.1, p.amount, &self.file, p.row)?;
            return Ok(());
        };
        let m = p.period.month as usize - 1;
        let slot = &mut self.ledger[t.assignment][t.part];
        slot.sum[m] = checked_add(slot.sum[m], p.amount, &self.file, p.row)?;
        slot.rows[m] += 1;
        let act = &mut self.activities[t.assignment][t.activity][m];
        *act = checked_add(*act, p.amount, &self.file, p.row)?;
        Ok(())
    }

    fn finish(self) -> Data {
        let mut unmapped_codes: Vec<(String, u64, Decimal)> = self.unmapped.into_iter().map(|(k, (n, s))| (k, n, s)).collect();
        unmapped_codes.sort_by(|a, b| a.0.cmp(&b.0));
        let unmapped = unmapped_codes.iter().fold((0, Decimal::ZERO), |acc, c| (acc.0 + c.1, acc.1 + c.2));
        Data {
            file: self.file,
            budget: HashMap::new(),
            volume: HashMap::new(),
            ledger: self.ledger,
            activities: self.activities,
            unmapped,
            unmapped_codes,
        }
    }
}

fn checked_add(a: Decimal, b: Decimal, file: &Path, row: u32) -> Result<Decimal, WorkbookError> {
    a.checked_add(b).ok_or_else(|| WorkbookError::posting(file, row, "the sum of the postings is too large for an exact decimal"))
}

/// Activity slots of an assignment: declared activities, else its parts, plus one for the rest.
pub fn activity_slots(a: &Assignment) -> usize {
    if a.activities.is_empty() { a.parts.len() + 1 } else { a.activities.len() + 1 }
}

/// Where a ledger code goes: the first assignment with a part, code or activity
/// matching it; `None` when no assignment has it (the posting is unmapped).
pub fn map_code(model: &Model, code: &str) -> Option<Target> {
    for (ai, a) in model.assignments.iter().enumerate() {
        let part = a.parts.iter().position(|p| p.codes.iter().any(|c| c.matches(code)));
        let own = a.codes.iter().any(|c| c.matches(code));
        let act = a.activities.iter().position(|x| x.codes.iter().any(|c| c.matches(code)));
        if part.is_none() && !own && act.is_none() {
            continue;
        }
        let part = part.unwrap_or(a.parts.len());
        let activity = if a.activities.is_empty() { part } else { act.unwrap_or(a.activities.len()) };
        return Some(Target { assignment: ai, part, activity });
    }
    None
}

/// Name lookup for the Budget and Volymer sheets.
struct Names<'m> {
    model: &'m Model,
}

impl<'m> Names<'m> {
    fn new(model: &'m Model) -> Self {
        Names { model }
    }

    fn key(
        &self,
        file: &Path,
        a: &Located<String>,
        part: &Option<Located<String>>,
        m: &Located<String>,
        kind: MeasureKind,
    ) -> Result<Key, InputError> {
        let lower = a.value.to_lowercase();
        let Some(ai) = self.model.assignments.iter().position(|x| x.id.to_lowercase() == lower) else {
            let hint = did_you_mean(&a.value, self.model.assignments.iter().map(|x| x.id.as_str()));
            return Err(at(file, &a.cell, format!("unknown assignment `{}`", a.value), hint));
        };
        let asg = &self.model.assignments[ai];
        let pi = match part {
            None => None,
            Some(p) => Some(self.part(file, asg, p)?),
        };
        let Some((mi, measure)) = self.model.measure(&m.value) else {
            let hint = did_you_mean(&m.value, self.model.measures.iter().map(|x| x.name.as_str()));
            return Err(at(file, &m.cell, format!("unknown measure `{}`", m.value), hint));
        };
        if measure.kind != kind {
            let (here, there) = if kind == MeasureKind::Budget { ("Budget", "Volymer") } else { ("Volymer", "Budget") };
            return Err(at(
                file,
                &m.cell,
                format!("`{}` is a measure of {there}, not of {here}", m.value),
                Some(format!("move the row to the sheet {there}")),
            ));
        }
        Ok((ai, pi, mi))
    }

    fn part(&self, file: &Path, a: &Assignment, p: &Located<String>) -> Result<usize, InputError> {
        let lower = p.value.to_lowercase();
        a.parts.iter().position(|x| x.id.to_lowercase() == lower).ok_or_else(|| {
            let hint = match a.parts.is_empty() {
                true => Some(format!("`{}` has no parts; leave `del` empty", a.id)),
                false => did_you_mean(&p.value, a.parts.iter().map(|x| x.id.as_str())),
            };
            at(file, &p.cell, format!("`{}` is not a part of `{}`", p.value, a.id), hint)
        })
    }

    fn budget_row(&self, file: &Path, row: &workbook::BudgetRow, data: &mut Data) -> Result<(), InputError> {
        let key = self.key(file, &row.assignment, &row.part, &row.measure, MeasureKind::Budget)?;
        let value = BudgetValue { value: row.value.value, cell: row.value.cell.clone() };
        if let Some(first) = data.budget.get(&key) {
            let msg = format!(
                "a second Budget row for `{}`{} `{}`; the first is at {}",
                row.assignment.value,
                part_label(&row.part),
                row.measure.value,
                first.cell
            );
            return Err(at(file, &row.assignment.cell, msg, Some("keep one row per assignment, part and measure".into())));
        }
        data.budget.insert(key, value);
        Ok(())
    }

    fn volume_row(&self, file: &Path, year: i32, row: &workbook::VolumeRow, data: &mut Data) -> Result<(), InputError> {
        let Period { year: y, month } = row.period.value;
        if y != year {
            return Err(at(
                file,
                &row.period.cell,
                format!("the period {} is not in {year}, the year of the rules", row.period.value),
                None,
            ));
        }
        let key = self.key(file, &row.assignment, &row.part, &row.measure, MeasureKind::Volume)?;
        let entry = data.volume.entry(key).or_default();
        let m = month as usize - 1;
        if let Some(first) = &entry.cells[m] {
            let msg = format!(
                "a second Volymer row for {} `{}`{} `{}`; the first is at {first}",
                row.period.value,
                row.assignment.value,
                part_label(&row.part),
                row.measure.value
            );
            return Err(at(file, &row.assignment.cell, msg, Some("keep one row per month, assignment, part and measure".into())));
        }
        entry.values[m] = row.value.value;
        entry.cells[m] = Some(row.value.cell.clone());
        Ok(())
    }
}

fn part_label(part: &Option<Located<String>>) -> String {
    part.as_ref().map(|p| format!(" / `{}` /", p.value)).unwrap_or_else(|| " /".into())
}
