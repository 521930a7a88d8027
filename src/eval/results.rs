//! The result of evaluating one year: what every renderer prints.

use crate::model::{Interval, Target};
use rust_decimal::Decimal;

/// One evaluated year.
#[derive(Debug, Clone)]
pub struct Report {
    /// `regelverk`
    pub title: String,
    /// `år`
    pub year: i32,
    /// `version`
    pub version: String,
    /// Year to date up to this month (1..=12); `None` for the full year.
    pub period: Option<u32>,
    /// Per assignment.
    pub assignments: Vec<AssignmentResult>,
    /// Per board and care form (nivå 1).
    pub level1: Vec<Level1>,
    /// Postings mapped to no assignment.
    pub unmapped: Unmapped,
    /// Where the figures come from.
    pub provenance: Provenance,
}

/// Compensation split by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Compensation {
    /// Fixed.
    pub fixed: Decimal,
    /// Variable.
    pub variable: Decimal,
    /// Mid-year changes.
    pub changes: Decimal,
    /// Sum of the three.
    pub total: Decimal,
}

/// One monthly transfer to the provider.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MonthLine {
    /// Month 1..=12.
    pub month: u32,
    /// The amounts.
    pub amounts: Compensation,
}

/// One assignment's figures.
#[derive(Debug, Clone)]
pub struct AssignmentResult {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Board (id, name).
    pub board: (String, String),
    /// Care form (id, name).
    pub care_form: (String, String),
    /// Compensation for the year (or year to date).
    pub compensation: Compensation,
    /// Monthly transfers.
    pub months: Vec<MonthLine>,
    /// Cost (sum of the ledger).
    pub cost: Decimal,
    /// Compensation − cost.
    pub result: Decimal,
    /// Key figures, per interval period (and part).
    pub key_figures: Vec<KeyFigureResult>,
    /// Cost per level-3 activity.
    pub activities: Vec<(String, Decimal)>,
    /// Full-year forecast, in year-to-date mode.
    pub forecast: Option<Forecast>,
}

/// A full-year forecast from a year-to-date: fixed in full, variable and cost extrapolated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Forecast {
    /// Compensation for the full year.
    pub compensation: Compensation,
    /// Cost for the full year.
    pub cost: Decimal,
    /// Compensation − cost.
    pub result: Decimal,
}

/// Whether a key figure meets its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Meets it.
    Met,
    /// Misses it.
    NotMet,
    /// There is no target.
    NoTarget,
    /// No value (`i.u.`).
    NotAvailable,
}

/// One key figure for one period (and part).
#[derive(Debug, Clone)]
pub struct KeyFigureResult {
    /// Id (`id.part` for a per-part figure).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Interval.
    pub interval: Interval,
    /// `2023-03`, `2023-01..2023-08` or `2023`.
    pub period: String,
    /// Value in display units (percent for ratios), rounded for display; `None` is `i.u.`.
    pub value: Option<Decimal>,
    /// Display unit.
    pub unit: String,
    /// Target status.
    pub status: Status,
    /// Why `i.u.`, or other remarks.
    pub note: Option<String>,
    /// The target in display units.
    pub target: Option<Target>,
}

/// Per board and care form.
#[derive(Debug, Clone)]
pub struct Level1 {
    /// Board (id, name).
    pub board: (String, String),
    /// Care form (id, name).
    pub care_form: (String, String),
    /// Total compensation.
    pub compensation: Decimal,
    /// Total cost.
    pub cost: Decimal,
    /// Compensation − cost.
    pub result: Decimal,
}

/// Postings whose code maps to no assignment.
#[derive(Debug, Clone, Default)]
pub struct Unmapped {
    /// How many.
    pub count: u64,
    /// Their sum.
    pub sum: Decimal,
    /// Per code: code, count, sum.
    pub codes: Vec<(String, u64, Decimal)>,
}

/// Where a report comes from.
#[derive(Debug, Clone, Default)]
pub struct Provenance {
    /// `ekostyr x.y.z`
    pub engine: String,
    /// Rule files: (file, version, sha256), the evaluated file first.
    pub rules: Vec<(String, String, String)>,
    /// Input: (file, sha256).
    pub input: Option<(String, String)>,
    /// The previous year's input, when `föregående` read one: (file, sha256).
    pub previous_input: Option<(String, String)>,
    /// `--period`
    pub period: Option<String>,
    /// `--set` overrides as given.
    pub overrides: Vec<String>,
}
