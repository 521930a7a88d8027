//! The result of evaluating one year: what every renderer prints, as plain data.
//!
//! Values are exact (a ratio stays a ratio; [`FigureUnit`] says how to show it),
//! targets are in the value's base, and the reason for an `i.u.` is a
//! [`NotApplicable`], not words: renderers scale, round and word them in the
//! report's language. The same type is the JSON report (DESIGN.md, "Outputs"):
//! the serde attributes point at `report::json::shape`, which holds the JSON's
//! display forms (money with two decimals, key figures as shown).

use super::shape;
use crate::i18n::Lang;
use crate::model::{Aggregation, Interval, Target};
use crate::tr_in;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One evaluated year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// `regelverk` (not in the JSON).
    #[serde(skip)]
    pub title: String,
    /// `år`
    pub year: i32,
    /// `version`
    pub version: String,
    /// Year to date up to this month (1..=12); `None` for the full year.
    #[serde(skip)]
    pub period: Option<u32>,
    /// Per assignment.
    pub assignments: Vec<AssignmentResult>,
    /// Per board and care form (nivå 1).
    pub level1: Vec<Level1>,
    /// Postings mapped to no assignment.
    pub unmapped: Unmapped,
    /// Postings of the declared `utanför` units: neither an assignment's cost nor unmapped.
    #[serde(default)]
    pub out_of_scope: OutOfScopeResult,
    /// The ID and komplement views, when the rules declare komplement codes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub views: Option<Views>,
    /// Where the figures come from.
    pub provenance: Provenance,
    /// The decisions behind the rules (`beslut`), one per board (and date).
    #[serde(default)]
    pub decisions: Vec<DecisionInfo>,
    /// The pooled result per board and in total.
    #[serde(default)]
    pub pooled: Pooled,
    /// A what-if (`--set`) beside its baseline: the figures it moves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub what_if: Option<super::whatif::WhatIf>,
}

impl Report {
    /// The report of one board (nämnd, by id, case-insensitively): its assignments,
    /// its nivå 1 rows, its pooled result as the total, its decisions and its
    /// assignments in the ledger views; what belongs to no board (unmapped and
    /// out-of-scope postings, provenance) as it is. `None` for a board the report lacks.
    pub fn for_board(&self, board_id: &str) -> Option<Report> {
        let wanted = board_id.to_lowercase();
        let pooled = self.pooled.boards.iter().find(|b| b.board.0.to_lowercase() == wanted)?.clone();
        let (id, name) = pooled.board.clone();
        let mine = |board: &(String, String)| board.0 == id;
        let mut views = self.views.clone();
        if let Some(v) = views.as_mut() {
            let ids: Vec<&str> = self.assignments.iter().filter(|a| mine(&a.board)).map(|a| a.id.as_str()).collect();
            for view in [&mut v.id, &mut v.komplement] {
                view.assignments.retain(|s| ids.contains(&s.id.as_str()));
            }
        }
        let provenance = Provenance { board: Some(id.clone()), ..self.provenance.clone() };
        Some(Report {
            provenance,
            assignments: self.assignments.iter().filter(|a| mine(&a.board)).cloned().collect(),
            level1: self.level1.iter().filter(|l| mine(&l.board)).cloned().collect(),
            decisions: self.decisions.iter().filter(|d| d.board == name).cloned().collect(),
            pooled: Pooled {
                total: PooledTotal { compensation: pooled.compensation, cost: pooled.cost, result: pooled.result },
                boards: vec![pooled],
            },
            views,
            ..self.clone()
        })
    }

    /// The boards (id, name) of the report, in the order first met.
    pub fn boards(&self) -> Vec<(String, String)> {
        self.pooled.boards.iter().map(|b| b.board.clone()).collect()
    }
}

/// A decision behind the rules: `{ "board", "date", "dnr" | null, "about" | null }`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionInfo {
    /// The deciding board, by name.
    pub board: String,
    /// `YYYY-MM-DD`
    pub date: String,
    /// Diarienummer, if the rules give it.
    pub dnr: Option<String>,
    /// What the decision is about, if the rules say.
    pub about: Option<String>,
}

/// The pooled result ("samlat resultat"): per board, and in total. Σ boards = total =
/// Σ assignments, exactly.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pooled {
    /// Per board, in the order first met.
    pub boards: Vec<PooledBoard>,
    /// All assignments.
    pub total: PooledTotal,
}

/// One board's pooled result.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PooledBoard {
    /// Board (id, name); the id in JSON.
    #[serde(with = "shape::id_only")]
    pub board: (String, String),
    /// Σ compensation of the board's assignments.
    #[serde(with = "shape::money")]
    pub compensation: Decimal,
    /// Σ cost.
    #[serde(with = "shape::money")]
    pub cost: Decimal,
    /// Σ result.
    #[serde(with = "shape::money")]
    pub result: Decimal,
}

/// The pooled result of all assignments.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PooledTotal {
    /// Σ compensation.
    #[serde(with = "shape::money")]
    pub compensation: Decimal,
    /// Σ cost.
    #[serde(with = "shape::money")]
    pub cost: Decimal,
    /// Σ result.
    #[serde(with = "shape::money")]
    pub result: Decimal,
}

/// One part's compensation, cost and result; `id` null for what belongs to no part
/// ("Ej fördelat på del": amounts the formulas do not split, codes of no part).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartResult {
    /// The part's id; `None` for the unsplit entry.
    pub id: Option<String>,
    /// Display name (empty for the unsplit entry until put in words).
    pub name: String,
    /// The part's share of the compensation (the period's transfer lines, split).
    #[serde(with = "shape::money")]
    pub compensation: Decimal,
    /// The ledger of the part's codes.
    #[serde(with = "shape::money")]
    pub cost: Decimal,
    /// Compensation − cost.
    #[serde(with = "shape::money")]
    pub result: Decimal,
}

/// `out_of_scope`: the postings of the declared `utanför` units.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OutOfScopeResult {
    /// How many postings.
    pub count: u64,
    /// Their sum.
    #[serde(with = "shape::money")]
    pub sum: Decimal,
    /// Per unit, in declaration order.
    pub units: Vec<OutOfScopeUnit>,
}

/// One `utanför` unit's postings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OutOfScopeUnit {
    /// Display name.
    pub name: String,
    /// How many postings.
    pub count: u64,
    /// Their sum.
    #[serde(with = "shape::money")]
    pub sum: Decimal,
}

/// The two ledger views: by ID code (Leanlink) and by komplement code (SoF).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Views {
    /// By ID code: the mapping every other figure uses.
    pub id: View,
    /// By komplement code.
    pub komplement: View,
    /// The (id, komplement) pairs the two views put in different places.
    pub disagreements: Vec<Disagreement>,
}

/// One view's totals.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct View {
    /// Per assignment, in the rules' order.
    pub assignments: Vec<ViewSum>,
    /// Postings the view maps to no assignment.
    pub unmapped: CountSum,
    /// Postings of `utanför` units (by ID code, in both views).
    pub out_of_scope: CountSum,
}

/// An assignment's sum in one view.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ViewSum {
    /// The assignment's id.
    pub id: String,
    /// Its sum in the view.
    #[serde(with = "shape::money")]
    pub sum: Decimal,
}

/// A count of postings and their sum.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct CountSum {
    /// How many.
    pub count: u64,
    /// Their sum.
    #[serde(with = "shape::money")]
    pub sum: Decimal,
}

/// An (id, komplement) pair the two views put in different places.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Disagreement {
    /// The ID code.
    pub id: String,
    /// The komplement code.
    pub komplement: String,
    /// The assignment by ID code (`null`: none).
    pub id_assignment: Option<String>,
    /// The assignment by komplement code (`null`: none).
    pub komplement_assignment: Option<String>,
    /// How many postings.
    pub count: u64,
    /// Their sum.
    #[serde(with = "shape::money")]
    pub sum: Decimal,
}

/// Compensation split by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Compensation {
    /// Fixed.
    #[serde(with = "shape::money")]
    pub fixed: Decimal,
    /// Variable.
    #[serde(with = "shape::money")]
    pub variable: Decimal,
    /// Mid-year changes.
    #[serde(with = "shape::money")]
    pub changes: Decimal,
    /// Sum of the three.
    #[serde(with = "shape::money")]
    pub total: Decimal,
}

/// One monthly transfer to the provider; in JSON `{ "period": "2023-01", amounts… }`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "shape::MonthJson", try_from = "shape::MonthJson")]
pub struct MonthLine {
    /// The year.
    pub year: i32,
    /// Month 1..=12.
    pub month: u32,
    /// The amounts.
    pub amounts: Compensation,
}

/// One assignment's figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssignmentResult {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Board (id, name); the id in JSON.
    #[serde(with = "shape::id_only")]
    pub board: (String, String),
    /// Care form (id, name); the id in JSON.
    #[serde(with = "shape::id_only")]
    pub care_form: (String, String),
    /// Compensation for the year (or year to date).
    pub compensation: Compensation,
    /// Monthly transfers.
    pub months: Vec<MonthLine>,
    /// Cost (sum of the ledger).
    #[serde(with = "shape::money")]
    pub cost: Decimal,
    /// Compensation − cost.
    #[serde(with = "shape::money")]
    pub result: Decimal,
    /// Key figures, per interval period (and part).
    pub key_figures: Vec<KeyFigureResult>,
    /// Cost per level-3 activity.
    pub activities: Vec<ActivityCost>,
    /// Compensation, cost and result per part (empty without parts); Σ = the assignment.
    #[serde(default)]
    pub parts: Vec<PartResult>,
    /// Nivå 3: cost per declared activity and the rest (`övrigt`); Σ = `cost`.
    #[serde(default)]
    pub level3: Vec<Level3Cost>,
    /// The cost of each change's own ID codes (changes without codes are left out).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub change_ledger: Vec<ChangeCost>,
    /// Full-year forecast, in year-to-date mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forecast: Option<Forecast>,
    /// The mid-year changes of means, each with its decision and återrapportering
    /// (`compensation.changes` is their amount paid).
    #[serde(default)]
    pub mid_year_changes: Vec<ChangeResult>,
    /// The board's follow-up: budget for the period and the year, deviations, last year.
    #[serde(default, skip_serializing_if = "FollowUp::is_empty")]
    pub follow_up: FollowUp,
    /// Cost per month of the period (Σ = `cost`), for the board's charts; empty when not computed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub monthly_cost: Vec<MonthCost>,
}

/// An assignment's cost in one month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthCost {
    /// Month 1..=12 (of the report's year).
    pub month: u32,
    /// Σ of the month's postings.
    #[serde(with = "shape::money")]
    pub cost: Decimal,
}

/// Budget against outcome, forecast against budget, and last year, for one assignment.
///
/// The budgeted compensation is the rules evaluated on the `Budget` sheet: fixed parts
/// in the period's months, variable parts at the budgeted quantity × months/12 where the
/// rules give one (`None` where a variable part has no budget quantity). Every
/// deviation is outcome (or forecast) − budget, so a negative deviation is below budget.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    /// Budgeted compensation for the period's months (the full year without a period).
    #[serde(default, with = "shape::opt_money", skip_serializing_if = "Option::is_none")]
    pub budget_period: Option<Decimal>,
    /// `compensation.total − budget_period`.
    #[serde(default, with = "shape::opt_money", skip_serializing_if = "Option::is_none")]
    pub deviation_period: Option<Decimal>,
    /// Budgeted compensation for the full year.
    #[serde(default, with = "shape::opt_money", skip_serializing_if = "Option::is_none")]
    pub budget_year: Option<Decimal>,
    /// `forecast.compensation.total − budget_year` (full-year compensation without a period).
    #[serde(default, with = "shape::opt_money", skip_serializing_if = "Option::is_none")]
    pub deviation_year: Option<Decimal>,
    /// The same months of last year (`--previous-input`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<PreviousYear>,
    /// The provider's own comment on the forecast (the `Prognos` sheet's `kommentar`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forecast_comment: Option<String>,
}

impl FollowUp {
    /// Nothing computed (the JSON leaves it out).
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Last year's figures for the same months: compensation, cost and their result, as
/// the pooled total has them.
pub type PreviousYear = PooledTotal;

/// How a full-year forecast was made; every output states it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ForecastMethod {
    /// Fixed in full; variable and cost × 12 / months of the period.
    #[default]
    Linear,
    /// Fixed in full; variable and cost of the remaining months as last year's same months.
    SameMonthsLastYear,
    /// The provider's own figure from the `Prognos` sheet.
    Provider,
}

/// One mid-year change of means (`förändring`) as every report lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeResult {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Kind (`statsbidrag`, …, `justering`).
    pub kind: crate::vocab::ChangeKind,
    /// First month paid, `YYYY-MM`.
    pub from: String,
    /// Last month paid, `YYYY-MM`.
    pub to: String,
    /// The whole amount, over its months.
    #[serde(with = "shape::money")]
    pub amount: Decimal,
    /// The change's own decision, if given.
    pub decision: Option<ChangeDecisionResult>,
    /// What is to be reported back, and by when.
    pub report: Option<ChangeReport>,
}

/// A change's decision: `{ "board", "date", "dnr" }` (dnr `null` when not known).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeDecisionResult {
    /// Deciding board.
    pub board: String,
    /// `YYYY-MM-DD`
    pub date: String,
    /// Diarienummer.
    pub dnr: Option<String>,
}

/// A change's återrapportering: `{ "text", "due" }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeReport {
    /// What is reported.
    pub text: String,
    /// Due date `YYYY-MM-DD`, if given.
    pub due: Option<String>,
}

/// A level-3 activity (or part) and its cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityCost {
    /// Which activity; `name` in JSON.
    #[serde(rename = "name")]
    pub activity: Activity,
    /// Its cost.
    #[serde(with = "shape::money")]
    pub cost: Decimal,
}

/// A level-3 row: a declared activity, or the rest (`övrigt`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Level3Cost {
    /// The activity's id (`övrigt` for the rest); `null` for an activity declared without one.
    pub id: Option<String>,
    /// The part the activity is declared in, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// Its name.
    pub name: Activity,
    /// Its cost.
    #[serde(with = "shape::money")]
    pub cost: Decimal,
}

pub use crate::model::LEVEL3_OTHER;

/// The cost of one change's own codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeCost {
    /// The change's id.
    pub id: String,
    /// The cost of its codes in the period.
    #[serde(with = "shape::money")]
    pub cost: Decimal,
}

/// A row of an assignment's activities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Activity {
    /// An activity, part or assignment by its display name.
    Named(String),
    /// The cost no named activity takes (`Övrigt`).
    Other,
}

/// A full-year forecast from a year-to-date: fixed in full, variable and cost extrapolated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Forecast {
    /// Compensation for the full year.
    pub compensation: Compensation,
    /// Cost for the full year.
    #[serde(with = "shape::money")]
    pub cost: Decimal,
    /// Compensation − cost.
    #[serde(with = "shape::money")]
    pub result: Decimal,
    /// How it was made.
    #[serde(default)]
    pub method: ForecastMethod,
}

/// Whether a key figure meets its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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

/// How a key figure's value is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FigureUnit {
    /// A dimensionless quotient, shown ×100 in percent.
    Percent,
    /// The formula's unit as written (`kr/dygn`; empty for none), shown as it is.
    Unit(String),
}

impl FigureUnit {
    /// The unit as shown: `%`, `kr/dygn`.
    pub fn symbol(&self) -> &str {
        match self {
            FigureUnit::Percent => "%",
            FigureUnit::Unit(u) => u,
        }
    }

    /// A value (or target) in this display unit, exact: a ratio ×100 in percent.
    pub fn scaled(&self, v: Decimal) -> Decimal {
        match self {
            // INVARIANT: the evaluator reports a ratio too large to show ×100 as an overflow.
            FigureUnit::Percent => v.saturating_mul(Decimal::ONE_HUNDRED),
            FigureUnit::Unit(_) => v,
        }
    }

    /// A value as shown: in this display unit, rounded to two decimals.
    pub fn shown(&self, v: Decimal) -> Decimal {
        crate::number::rounded(self.scaled(v), 2)
    }
}

/// Why a key figure has no value (`i.u.`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotApplicable {
    /// The figure is followed up from this year on.
    StartsIn(i32),
    /// An `årsvis` figure in a year to date.
    FullYearOnly,
    /// The formula divides by zero; `divisor` is the divisor's formula text.
    DivisionByZero {
        /// The divisor as written in the rules.
        divisor: String,
    },
    /// An input the formula reads is missing from the workbook.
    MissingInput(MissingInput),
    /// A `föregående` value without the previous year's workbook.
    NeedsPreviousInput,
    /// A per-part figure of a period in which the part does not apply; `months`
    /// is the part's validity (`2023-01..2023-09`).
    PartNotValid {
        /// The months the part applies.
        months: String,
    },
    /// A reason already in words, as read back from a JSON report.
    Stated(String),
}

/// An input a formula reads that the workbook lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MissingInput {
    /// No row in `sheet` (`Budget`, `Volymer`) for the assignment, part and measure.
    Row {
        /// The workbook's sheet.
        sheet: String,
        /// The assignment's id.
        assignment: String,
        /// The part's id, when the formula reads one part.
        part: Option<String>,
        /// The measure's name.
        measure: String,
    },
    /// A per-part parameter read outside a part.
    Part {
        /// The parameter's name.
        parameter: String,
    },
}

impl MissingInput {
    /// In words, in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            MissingInput::Row { sheet, assignment, part: Some(p), measure } => {
                crate::tr_in!(lang, "eval-missing-row-of-part", sheet = sheet, assignment = assignment, part = p, measure = measure)
            }
            MissingInput::Row { sheet, assignment, part: None, measure } => {
                crate::tr_in!(lang, "eval-missing-row", sheet = sheet, assignment = assignment, measure = measure)
            }
            MissingInput::Part { parameter } => crate::tr_in!(lang, "eval-missing-part", parameter = parameter),
        }
    }
}

/// One key figure for one period (and part).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(into = "shape::KeyFigureJson", try_from = "shape::KeyFigureJson")]
pub struct KeyFigureResult {
    /// Id (`id.part` for a per-part figure).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Interval.
    pub interval: Interval,
    /// `2023-03`, `2023-01..2023-08` or `2023`.
    pub period: String,
    /// The exact value in base units (a ratio as a ratio); `None` is `i.u.`.
    pub value: Option<Decimal>,
    /// How the value is shown.
    pub unit: FigureUnit,
    /// Target status.
    pub status: Status,
    /// Why `i.u.`.
    pub note: Option<NotApplicable>,
    /// The target, in the value's base units (not in the JSON).
    pub target: Option<Target>,
    /// Series beside the total, same unit and period.
    pub series: Vec<SeriesValue>,
    /// How the months make up the period's value.
    pub aggregation: Aggregation,
    /// Whether the value was scaled ×12/months to a full year.
    pub annualised: bool,
}

/// One series of a key figure for the figure's period (and part).
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesValue {
    /// Id (`leanlink`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// The exact value in base units, like the figure's; `None` is `i.u.`.
    pub value: Option<Decimal>,
}

impl KeyFigureResult {
    /// What the report says beside the value: why `i.u.`; for a value, how the
    /// months were aggregated (where not summed) and that it was annualised; in `lang`.
    pub fn remarks(&self, lang: Lang) -> String {
        let mut out: Vec<String> = self.note.iter().map(|n| n.describe(lang)).collect();
        if self.value.is_none() {
            return out.join("; ");
        }
        match self.aggregation {
            Aggregation::Summa => {}
            Aggregation::Medel => out.push(tr_in!(lang, "kf-note-mean")),
            Aggregation::Senaste => out.push(tr_in!(lang, "kf-note-latest")),
            Aggregation::Max => out.push(tr_in!(lang, "kf-note-max")),
        }
        if self.annualised {
            out.push(tr_in!(lang, "kf-note-annualised"));
        }
        out.join("; ")
    }
}

/// Per board and care form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Level1 {
    /// Board (id, name); the id in JSON.
    #[serde(with = "shape::id_only")]
    pub board: (String, String),
    /// Care form (id, name); the id in JSON.
    #[serde(with = "shape::id_only")]
    pub care_form: (String, String),
    /// Total compensation.
    #[serde(with = "shape::money")]
    pub compensation: Decimal,
    /// Total cost.
    #[serde(with = "shape::money")]
    pub cost: Decimal,
    /// Compensation − cost.
    #[serde(with = "shape::money")]
    pub result: Decimal,
}

/// Postings whose code maps to no assignment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Unmapped {
    /// How many.
    pub count: u64,
    /// Their sum.
    #[serde(with = "shape::money")]
    pub sum: Decimal,
    /// Per code: code, count, sum (not in the JSON).
    #[serde(skip)]
    pub codes: Vec<(String, u64, Decimal)>,
}

/// Where a report comes from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    /// `ekostyr x.y.z`
    pub engine: String,
    /// Rule files, the evaluated file first.
    pub rules: Vec<RuleFile>,
    /// The workbook or CSV folder.
    pub input: Option<InputFile>,
    /// `--period`
    pub period: Option<String>,
    /// `--set` overrides as given.
    pub overrides: Vec<String>,
    /// The previous year's input, when `föregående` read one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_input: Option<InputFile>,
    /// `--nämnd`: the one board reported (its id), so `verify` reports it alone too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub board: Option<String>,
}

/// A rule file a report was computed from: `{ "file", "version", "sha256" }`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleFile {
    /// The file as named (relative to where the command ran).
    pub file: String,
    /// Its `version`.
    pub version: String,
    /// Hex SHA-256 of its text.
    pub sha256: String,
}

/// An input a report was computed from: `{ "file", "sha256" }`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputFile {
    /// The workbook or CSV folder as named.
    pub file: String,
    /// Hex SHA-256 of the workbook, or of the folder's CSV files in name order.
    pub sha256: String,
}

impl NotApplicable {
    /// Why the figure is `i.u.`, in words of `lang` (the catalog's `report-note-*`).
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            NotApplicable::StartsIn(year) => tr_in!(lang, "report-note-starts-in", year = year.to_string()),
            NotApplicable::FullYearOnly => tr_in!(lang, "report-note-full-year-only"),
            NotApplicable::DivisionByZero { divisor } => tr_in!(lang, "report-note-division-by-zero", divisor = divisor),
            NotApplicable::MissingInput(m) => tr_in!(lang, "report-note-missing-input", reason = m.describe(lang)),
            NotApplicable::NeedsPreviousInput => tr_in!(lang, "report-note-needs-previous-input"),
            NotApplicable::PartNotValid { months } => tr_in!(lang, "validity-note-part-not-valid", months = months),
            NotApplicable::Stated(words) => words.clone(),
        }
    }
}

impl Activity {
    /// The activity's name; the catch-all in words of `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Activity::Named(name) => name.clone(),
            Activity::Other => tr_in!(lang, "report-activity-other"),
        }
    }
}
