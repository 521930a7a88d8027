//! The nämndrapport: one evaluated year laid out for a board, as plain data.
//!
//! [`BoardDoc`] is the view model every board renderer reads (the HTML here, the PDF
//! beside it): what a nämnd secretary attaches to an agenda, in the report's language,
//! with money already scaled to the chosen unit and put in Swedish format. Building it
//! is the only place that chooses, groups and words; the renderers only lay it out.
//! Figures the evaluator has not filled (budget, last year, monthly cost) stay `None`
//! or empty here, and the renderers show "–" or leave the column out.

pub mod charts;
pub mod html;
pub mod pdf;
mod series;
mod tables;
mod words;

use crate::eval::results::{AssignmentResult, Forecast, Report, Status};
use crate::i18n::Lang;
use crate::number::{rounded, swedish};
use crate::tr_in;
use rust_decimal::Decimal;
use serde::Serialize;

pub use series::{ChartDoc, ChartKind, SeriesDoc, SeriesStyle};
pub use tables::status_symbol;
use tables::{is_single_month, key_figure_rows, postings, provenance, reports_due, transfers};
pub use words::month_name;
use words::{date_words, method_word, method_words, months_words, period_words};

pub use crate::report::number::AmountUnit;

/// An amount in kronor in `unit`: exact value and its Swedish text.
pub fn amount(unit: AmountUnit, kr: Decimal) -> Amount {
    Amount { value: unit.scaled(kr), text: unit.show(kr) }
}

/// What the report is asked for besides the evaluated year (by default in tkr, as
/// board outputs are).
#[derive(Debug, Clone)]
pub struct BoardOptions {
    /// Language of every word.
    pub lang: Lang,
    /// The money unit.
    pub unit: AmountUnit,
    /// One board only (`--nämnd ÄN`), by id.
    pub board: Option<String>,
}

impl Default for BoardOptions {
    fn default() -> Self {
        BoardOptions { lang: Lang::default(), unit: AmountUnit::Tkr, board: None }
    }
}

/// An amount of money in the document's unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Amount {
    /// The exact value in the unit (not rounded).
    pub value: Decimal,
    /// As shown: `1 234`, `-56 743`.
    pub text: String,
}

/// The nämndrapport of one evaluated year (or year to date).
#[derive(Debug, Clone, Serialize)]
pub struct BoardDoc {
    /// The language every word below is in.
    pub lang: Lang,
    /// `Nämndrapport`
    pub title: String,
    /// The rules' title (`regelverk`).
    pub rules_title: String,
    /// The year.
    pub year: i32,
    /// The months covered.
    pub period: PeriodDoc,
    /// The money unit.
    pub unit: AmountUnit,
    /// How the forecast was made, in words (`None` for a full year: no forecast).
    pub forecast_method: Option<String>,
    /// One section per board, in the order the rules meet them.
    pub sections: Vec<BoardSection>,
    /// The samlat resultat of all boards (`pooled.total`), when the report covers more than one.
    pub total: Option<Totals>,
    /// Postings outside every assignment (not per board: they belong to none).
    pub postings: PostingsDoc,
    /// Where the figures come from (the footer).
    pub provenance: ProvenanceDoc,
    /// Whether figure cells name the `explain` target they come from (`data-explain`),
    /// for the workbench; off for `ekostyr rapport`, whose HTML stays as it is.
    #[serde(skip)]
    pub explain: bool,
}

/// The months a report covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodDoc {
    /// The last month (1..=12); `None` for the full year.
    pub last_month: Option<u32>,
    /// In words: `januari–augusti 2023`, `helåret 2023`.
    pub words: String,
    /// The months' short names, January first: `jan`, `feb`, … (the charts' and transfers' columns).
    pub month_labels: Vec<String>,
}

/// One board's part of the report.
#[derive(Debug, Clone, Serialize)]
pub struct BoardSection {
    /// `ÄN`
    pub board_id: String,
    /// `Äldrenämnden`
    pub board_name: String,
    /// The board's totals.
    pub summary: Summary,
    /// One row per assignment, in the rules' order.
    pub assignments: Vec<AssignmentRow>,
    /// Nivå 1: per care form.
    pub level1: Vec<Level1Row>,
    /// Key figures with target and status (monthly figures by their period total).
    pub key_figures: Vec<KeyFigureRow>,
    /// The monthly transfers per assignment.
    pub transfers: TransfersDoc,
    /// Återrapportering of mid-year changes.
    pub reports_due: Vec<ReportDue>,
    /// The provider's comments on the forecast.
    pub forecast_comments: Vec<ForecastComment>,
    /// The charts, in the order shown.
    pub charts: Vec<ChartDoc>,
    /// Σ of the assignments' compensation by kind.
    pub kinds_total: KindsTotal,
}

/// Compensation by kind, summed.
#[derive(Debug, Clone, Serialize)]
pub struct KindsTotal {
    /// Σ fixed.
    pub fixed: Amount,
    /// Σ variable.
    pub variable: Amount,
    /// Σ mid-year changes.
    pub changes: Amount,
}

/// A board's totals: outcome, samlat resultat, forecast, budget and deviation.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Σ compensation.
    pub compensation: Amount,
    /// Σ cost.
    pub cost: Amount,
    /// Σ result.
    pub result: Amount,
    /// The board's samlat resultat (`pooled`).
    pub pooled_result: Amount,
    /// Full-year forecast; `None` for a full year or when an assignment has none.
    pub forecast: Option<Totals>,
    /// Budgeted compensation for the period; `None` unless every assignment has one.
    pub budget_period: Option<Amount>,
    /// Compensation − budget for the period.
    pub deviation_period: Option<Amount>,
    /// Budgeted compensation for the year.
    pub budget_year: Option<Amount>,
    /// Forecast − budget for the year.
    pub deviation_year: Option<Amount>,
    /// Last year's same months.
    pub previous: Option<Totals>,
}

/// Compensation, cost and result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Compensation.
    pub compensation: Amount,
    /// Cost.
    pub cost: Amount,
    /// Compensation − cost.
    pub result: Amount,
}

/// One assignment's row.
#[derive(Debug, Clone, Serialize)]
pub struct AssignmentRow {
    /// Id (for anchors).
    pub id: String,
    /// Display name from the rules.
    pub name: String,
    /// Care form's name.
    pub care_form: String,
    /// Fixed compensation.
    pub fixed: Amount,
    /// Variable compensation.
    pub variable: Amount,
    /// Mid-year changes.
    pub changes: Amount,
    /// Outcome: compensation, cost, result.
    pub outcome: Totals,
    /// Budgeted compensation for the period.
    pub budget_period: Option<Amount>,
    /// Compensation − budget for the period.
    pub deviation_period: Option<Amount>,
    /// That deviation in percent of the budget: `-1,2 %`.
    pub deviation_period_percent: Option<String>,
    /// Budgeted compensation for the year.
    pub budget_year: Option<Amount>,
    /// Full-year forecast.
    pub forecast: Option<Totals>,
    /// How this assignment's forecast was made, in words.
    pub forecast_method: Option<String>,
    /// Forecast − budget for the year.
    pub deviation_year: Option<Amount>,
    /// Last year's same months.
    pub previous: Option<Totals>,
    /// Per part (empty without parts).
    pub parts: Vec<PartRow>,
}

/// One part of an assignment.
#[derive(Debug, Clone, Serialize)]
pub struct PartRow {
    /// Display name ("Ej fördelat på del" for the unsplit rest).
    pub name: String,
    /// Compensation, cost, result.
    pub outcome: Totals,
}

/// Nivå 1: one care form of the board.
#[derive(Debug, Clone, Serialize)]
pub struct Level1Row {
    /// The care form's name.
    pub care_form: String,
    /// Compensation, cost, result.
    pub outcome: Totals,
}

/// A key figure with its target and status.
#[derive(Debug, Clone, Serialize)]
pub struct KeyFigureRow {
    /// The assignment's display name.
    pub assignment: String,
    /// The figure's display name.
    pub name: String,
    /// The period in words: `januari–augusti 2023`.
    pub period: String,
    /// The value as shown with its unit: `96,09 %`; `i.u.` without one.
    pub value: String,
    /// The target as written: `>= 95 %`; empty without one.
    pub target: String,
    /// Met, not met, no target, no value.
    pub status: Status,
    /// A symbol that reads without colour: `✓`, `✗`, `–`, `?`.
    pub status_symbol: String,
    /// The status in words.
    pub status_text: String,
    /// Months of the period whose own value misses the target: `april 2023`.
    pub missed_months: Vec<String>,
    /// Why `i.u.`, how aggregated, annualised.
    pub remarks: String,
}

/// The monthly transfers of a board's assignments.
#[derive(Debug, Clone, Serialize)]
pub struct TransfersDoc {
    /// Column headings: the months' short names.
    pub months: Vec<String>,
    /// One row per assignment.
    pub rows: Vec<TransferRow>,
    /// The board's sum per month.
    pub total: TransferRow,
}

/// One row of transfers.
#[derive(Debug, Clone, Serialize)]
pub struct TransferRow {
    /// The assignment's name (the sum row's label).
    pub name: String,
    /// Per month of the period.
    pub amounts: Vec<Amount>,
    /// Their sum.
    pub total: Amount,
}

/// A mid-year change's återrapportering.
#[derive(Debug, Clone, Serialize)]
pub struct ReportDue {
    /// The assignment's name.
    pub assignment: String,
    /// The change's name.
    pub change: String,
    /// Its amount.
    pub amount: Amount,
    /// What is to be reported.
    pub text: String,
    /// By when, in words (`28 februari 2025`), if given.
    pub due: Option<String>,
}

/// The provider's comment on an assignment's forecast.
#[derive(Debug, Clone, Serialize)]
pub struct ForecastComment {
    /// The assignment's name.
    pub assignment: String,
    /// The comment.
    pub comment: String,
}

/// Postings outside every assignment.
#[derive(Debug, Clone, Serialize)]
pub struct PostingsDoc {
    /// How many postings map to no assignment.
    pub unmapped_count: u64,
    /// Their sum.
    pub unmapped: Amount,
    /// Per code: code, count, sum.
    pub unmapped_codes: Vec<(String, u64, Amount)>,
    /// How many postings of `utanför` units.
    pub out_of_scope_count: u64,
    /// Their sum.
    pub out_of_scope: Amount,
    /// Per unit: name, count, sum.
    pub out_of_scope_units: Vec<(String, u64, Amount)>,
}

/// Where the figures come from.
#[derive(Debug, Clone, Serialize)]
pub struct ProvenanceDoc {
    /// `ekostyr x.y.z`
    pub engine: String,
    /// The rules' version.
    pub version: String,
    /// Files read: (role in words, file, version or empty, SHA-256).
    pub files: Vec<FileDoc>,
}

/// One file a report was computed from.
#[derive(Debug, Clone, Serialize)]
pub struct FileDoc {
    /// What the file is: `Regler`, `Arbetsbok`, `Föregående år`.
    pub role: String,
    /// As named.
    pub file: String,
    /// Its rule version (rules only).
    pub version: Option<String>,
    /// Hex SHA-256.
    pub sha256: String,
}

/// Builds the document, or says which board ids exist when `--nämnd` names none of them.
pub fn build(report: &Report, opts: &BoardOptions) -> Result<BoardDoc, String> {
    let boards = boards(report);
    let chosen: Vec<(String, String)> = match &opts.board {
        None => boards.clone(),
        Some(want) => boards.iter().filter(|(id, _)| id.to_lowercase() == want.to_lowercase()).cloned().collect(),
    };
    if chosen.is_empty() {
        let known = boards.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>().join(", ");
        let asked = opts.board.clone().unwrap_or_default();
        return Err(tr_in!(opts.lang, "rapport-unknown-board", board = asked, known = known));
    }
    let ctx = Ctx { report, opts, period: period(report, opts.lang) };
    Ok(BoardDoc {
        lang: opts.lang,
        title: tr_in!(opts.lang, "rapport-title"),
        rules_title: report.title.clone(),
        year: report.year,
        forecast_method: report.period.map(|_| method_words(report, opts.lang)),
        sections: chosen.iter().map(|b| section(&ctx, b)).collect(),
        total: (chosen.len() > 1).then(|| {
            let t = &report.pooled.total;
            ctx.totals(t.compensation, t.cost, t.result)
        }),
        postings: postings(report, opts.unit),
        provenance: provenance(report, opts.lang),
        period: ctx.period,
        unit: opts.unit,
        explain: false,
    })
}

/// What every part of the builder reads.
struct Ctx<'a> {
    report: &'a Report,
    opts: &'a BoardOptions,
    period: PeriodDoc,
}

impl Ctx<'_> {
    fn amount(&self, kr: Decimal) -> Amount {
        amount(self.opts.unit, kr)
    }

    fn totals(&self, compensation: Decimal, cost: Decimal, result: Decimal) -> Totals {
        Totals { compensation: self.amount(compensation), cost: self.amount(cost), result: self.amount(result) }
    }

    fn lang(&self) -> Lang {
        self.opts.lang
    }
}

/// The boards (id, name) in the order first met: the pooled result's, else the assignments'.
fn boards(report: &Report) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = report.pooled.boards.iter().map(|b| b.board.clone()).collect();
    for a in &report.assignments {
        if !out.iter().any(|(id, _)| *id == a.board.0) {
            out.push(a.board.clone());
        }
    }
    out
}

/// The months of a report in words and their short labels.
fn period(report: &Report, lang: Lang) -> PeriodDoc {
    let last = report.period.unwrap_or(12);
    let words = match report.period {
        None => tr_in!(lang, "rapport-period-year", year = report.year.to_string()),
        Some(m) => months_words(lang, 1, m, report.year),
    };
    let month_labels = (1..=last).map(|m| tr_in!(lang, "rapport-month-short", month = m)).collect();
    PeriodDoc { last_month: report.period, words, month_labels }
}

fn section(ctx: &Ctx, board: &(String, String)) -> BoardSection {
    let assignments: Vec<&AssignmentResult> = ctx.report.assignments.iter().filter(|a| a.board.0 == board.0).collect();
    BoardSection {
        board_id: board.0.clone(),
        board_name: board.1.clone(),
        summary: summary(ctx, board, &assignments),
        assignments: assignments.iter().map(|a| assignment_row(ctx, a)).collect(),
        level1: ctx
            .report
            .level1
            .iter()
            .filter(|l| l.board.0 == board.0)
            .map(|l| Level1Row { care_form: l.care_form.1.clone(), outcome: ctx.totals(l.compensation, l.cost, l.result) })
            .collect(),
        key_figures: assignments.iter().flat_map(|a| key_figure_rows(ctx, a)).collect(),
        transfers: transfers(ctx, &assignments),
        reports_due: reports_due(ctx, &assignments),
        forecast_comments: assignments
            .iter()
            .filter_map(|a| a.follow_up.forecast_comment.clone().map(|comment| ForecastComment { assignment: a.name.clone(), comment }))
            .collect(),
        charts: series::charts(&assignments, &ctx.period, ctx.opts),
        kinds_total: kinds_total(ctx, &assignments),
    }
}

fn kinds_total(ctx: &Ctx, assignments: &[&AssignmentResult]) -> KindsTotal {
    let sum = |f: fn(&AssignmentResult) -> Decimal| ctx.amount(sum_all(assignments, |a| Some(f(a))).unwrap_or_default());
    KindsTotal {
        fixed: sum(|a| a.compensation.fixed),
        variable: sum(|a| a.compensation.variable),
        changes: sum(|a| a.compensation.changes),
    }
}

/// Σ of a field over the assignments when every one has it.
fn sum_all(assignments: &[&AssignmentResult], f: impl Fn(&AssignmentResult) -> Option<Decimal>) -> Option<Decimal> {
    assignments.iter().map(|a| f(a)).try_fold(Decimal::ZERO, |acc, v| v.and_then(|v| acc.checked_add(v)))
}

fn summary(ctx: &Ctx, board: &(String, String), assignments: &[&AssignmentResult]) -> Summary {
    let sum = |f: &dyn Fn(&AssignmentResult) -> Decimal| sum_all(assignments, |a| Some(f(a))).unwrap_or_default();
    let (compensation, cost, result) = (sum(&|a| a.compensation.total), sum(&|a| a.cost), sum(&|a| a.result));
    let pooled = ctx.report.pooled.boards.iter().find(|b| b.board.0 == board.0).map_or(result, |b| b.result);
    let forecast = match ctx.report.period {
        Some(_) if !assignments.is_empty() => {
            let f = |g: fn(&Forecast) -> Decimal| sum_all(assignments, |a| a.forecast.as_ref().map(g));
            match (f(|f| f.compensation.total), f(|f| f.cost), f(|f| f.result)) {
                (Some(c), Some(k), Some(r)) => Some(ctx.totals(c, k, r)),
                _ => None,
            }
        }
        _ => None,
    };
    let opt =
        |f: fn(&AssignmentResult) -> Option<Decimal>| sum_all(assignments, f).filter(|_| !assignments.is_empty()).map(|d| ctx.amount(d));
    Summary {
        compensation: ctx.amount(compensation),
        cost: ctx.amount(cost),
        result: ctx.amount(result),
        pooled_result: ctx.amount(pooled),
        forecast,
        budget_period: opt(|a| a.follow_up.budget_period),
        deviation_period: opt(|a| a.follow_up.deviation_period),
        budget_year: opt(|a| a.follow_up.budget_year),
        deviation_year: opt(|a| a.follow_up.deviation_year),
        previous: previous(ctx, assignments),
    }
}

fn previous(ctx: &Ctx, assignments: &[&AssignmentResult]) -> Option<Totals> {
    let f = |g: fn(&crate::eval::results::PreviousYear) -> Decimal| sum_all(assignments, |a| a.follow_up.previous.as_ref().map(g));
    match (f(|p| p.compensation), f(|p| p.cost), f(|p| p.result)) {
        (Some(c), Some(k), Some(r)) if !assignments.is_empty() => Some(ctx.totals(c, k, r)),
        _ => None,
    }
}

/// `-1,2 %`: a deviation in percent of its budget (none for a zero budget).
fn percent_of(deviation: Decimal, budget: Decimal) -> Option<String> {
    let ratio = deviation.checked_div(budget)?.checked_mul(Decimal::ONE_HUNDRED)?;
    Some(format!("{} %", swedish(rounded(ratio, 1), 1)))
}

fn assignment_row(ctx: &Ctx, a: &AssignmentResult) -> AssignmentRow {
    let fu = &a.follow_up;
    let percent = match (fu.deviation_period, fu.budget_period) {
        (Some(d), Some(b)) => percent_of(d, b),
        _ => None,
    };
    AssignmentRow {
        id: a.id.clone(),
        name: a.name.clone(),
        care_form: a.care_form.1.clone(),
        fixed: ctx.amount(a.compensation.fixed),
        variable: ctx.amount(a.compensation.variable),
        changes: ctx.amount(a.compensation.changes),
        outcome: ctx.totals(a.compensation.total, a.cost, a.result),
        budget_period: fu.budget_period.map(|d| ctx.amount(d)),
        deviation_period: fu.deviation_period.map(|d| ctx.amount(d)),
        deviation_period_percent: percent,
        budget_year: fu.budget_year.map(|d| ctx.amount(d)),
        forecast: a.forecast.map(|f| ctx.totals(f.compensation.total, f.cost, f.result)),
        forecast_method: a.forecast.map(|f| method_word(f.method, ctx.lang())),
        deviation_year: fu.deviation_year.map(|d| ctx.amount(d)),
        previous: fu.previous.map(|p| ctx.totals(p.compensation, p.cost, p.result)),
        parts: a.parts.iter().map(|p| part_row(ctx, p)).collect(),
    }
}

fn part_row(ctx: &Ctx, p: &crate::eval::results::PartResult) -> PartRow {
    let name = match (&p.id, p.name.is_empty()) {
        (None, true) => tr_in!(ctx.lang(), "rapport-part-unsplit"),
        _ => p.name.clone(),
    };
    PartRow { name, outcome: ctx.totals(p.compensation, p.cost, p.result) }
}

/// Which optional columns of the assignment table have figures (HTML and PDF leave
/// the others out).
pub(crate) struct Columns {
    pub budget: bool,
    pub forecast: bool,
    pub previous: bool,
}

impl Columns {
    /// The columns some row fills.
    pub fn of(rows: &[AssignmentRow]) -> Columns {
        Columns {
            budget: rows.iter().any(|r| r.budget_period.is_some() || r.deviation_period.is_some()),
            forecast: rows.iter().any(|r| r.forecast.is_some()),
            previous: rows.iter().any(|r| r.previous.is_some()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_scale_to_the_unit_and_round_for_display() {
        assert_eq!(amount(AmountUnit::Tkr, Decimal::new(-5674264016, 2)).text, "-56 743");
        assert_eq!(amount(AmountUnit::Mnkr, Decimal::new(73737809611, 2)).text, "737,4");
        assert_eq!(amount(AmountUnit::Kr, Decimal::new(12345, 1)).text, "1 234,50");
    }

    #[test]
    fn a_deviation_in_percent_of_a_zero_budget_is_none() {
        assert_eq!(percent_of(Decimal::ONE, Decimal::ZERO), None);
        assert_eq!(percent_of(Decimal::new(-12, 0), Decimal::new(1000, 0)).as_deref(), Some("-1,2 %"));
    }
}
