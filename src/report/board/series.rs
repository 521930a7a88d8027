//! The charts' data: which series each chart has, in the document's unit, before any
//! drawing. A chart whose data is not there (no cost per month yet) is left out or
//! says so in its note; it never draws invented figures.

use super::{BoardOptions, PeriodDoc};
use crate::eval::results::{AssignmentResult, FigureUnit, KeyFigureResult};
use crate::model::Target;
use crate::tr_in;
use rust_decimal::Decimal;
use serde::Serialize;

/// What a chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// One assignment's compensation and cost per month.
    MonthlyCostVsCompensation,
    /// The board's result accumulated month by month, per assignment.
    CumulativeResult,
    /// A monthly key figure per part against its target (occupancy vs 95 %, hours vs budget).
    KeyFigure,
}

/// How a series is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SeriesStyle {
    /// A line with points.
    Line,
    /// A horizontal reference (target, budget): dashed.
    Reference,
}

/// One series: a value per month of the period (`None` where there is none).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesDoc {
    /// The legend's words.
    pub name: String,
    /// Per month, January first, in the chart's unit.
    pub values: Vec<Option<Decimal>>,
    /// How it is drawn.
    pub style: SeriesStyle,
}

/// One chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartDoc {
    /// What it shows.
    pub kind: ChartKind,
    /// Its heading.
    pub title: String,
    /// The y axis' unit: `tkr`, `%`.
    pub unit: String,
    /// The x axis' labels: the months' short names.
    pub months: Vec<String>,
    /// The series, in legend order.
    pub series: Vec<SeriesDoc>,
    /// What is missing, in words, when part of the data is.
    pub note: Option<String>,
}

/// A board's charts: per assignment compensation vs cost, the cumulative result, and
/// each monthly key figure.
pub fn charts(assignments: &[&AssignmentResult], period: &PeriodDoc, opts: &BoardOptions) -> Vec<ChartDoc> {
    let months = period.month_labels.len();
    let mut out: Vec<ChartDoc> = assignments.iter().map(|a| monthly(a, period, opts)).collect();
    out.extend(cumulative(assignments, period, opts));
    out.extend(assignments.iter().flat_map(|a| key_figures(a, months, period, opts)));
    out
}

fn money(opts: &BoardOptions, kr: Decimal) -> Decimal {
    opts.unit.scaled(kr)
}

/// Compensation paid per month (Σ of the month's transfer lines).
fn compensation_per_month(a: &AssignmentResult, months: usize) -> Vec<Decimal> {
    (1..=months as u32).map(|m| a.months.iter().filter(|l| l.month == m).map(|l| l.amounts.total).sum()).collect()
}

/// Cost per month, when the evaluator gave it.
fn cost_per_month(a: &AssignmentResult, months: usize) -> Option<Vec<Decimal>> {
    if a.monthly_cost.is_empty() {
        return None;
    }
    Some((1..=months as u32).map(|m| a.monthly_cost.iter().filter(|c| c.month == m).map(|c| c.cost).sum()).collect())
}

fn monthly(a: &AssignmentResult, period: &PeriodDoc, opts: &BoardOptions) -> ChartDoc {
    let lang = opts.lang;
    let months = period.month_labels.len();
    let line = |name: String, values: Vec<Decimal>| SeriesDoc {
        name,
        values: values.into_iter().map(|v| Some(money(opts, v))).collect(),
        style: SeriesStyle::Line,
    };
    let mut series = vec![line(tr_in!(lang, "rapport-col-compensation"), compensation_per_month(a, months))];
    let cost = cost_per_month(a, months);
    let note = cost.is_none().then(|| tr_in!(lang, "rapport-chart-no-monthly-cost"));
    series.extend(cost.map(|c| line(tr_in!(lang, "rapport-col-cost"), c)));
    ChartDoc {
        kind: ChartKind::MonthlyCostVsCompensation,
        title: a.name.clone(),
        unit: opts.unit.symbol().to_string(),
        months: period.month_labels.clone(),
        series,
        note,
    }
}

/// The result month by month, accumulated, per assignment with a cost per month;
/// no chart when none has one.
fn cumulative(assignments: &[&AssignmentResult], period: &PeriodDoc, opts: &BoardOptions) -> Option<ChartDoc> {
    let months = period.month_labels.len();
    let series: Vec<SeriesDoc> = assignments
        .iter()
        .filter_map(|a| {
            let cost = cost_per_month(a, months)?;
            let mut acc = Decimal::ZERO;
            let values = compensation_per_month(a, months)
                .into_iter()
                .zip(cost)
                .map(|(c, k)| {
                    acc = acc.checked_add(c.checked_sub(k)?)?;
                    Some(money(opts, acc))
                })
                .collect();
            Some(SeriesDoc { name: a.name.clone(), values, style: SeriesStyle::Line })
        })
        .collect();
    let missing = assignments.len() - series.len();
    if series.is_empty() {
        return None;
    }
    Some(ChartDoc {
        kind: ChartKind::CumulativeResult,
        title: tr_in!(opts.lang, "rapport-chart-cumulative"),
        unit: opts.unit.symbol().to_string(),
        months: period.month_labels.clone(),
        series,
        note: (missing > 0).then(|| tr_in!(opts.lang, "rapport-chart-some-without-cost", count = missing)),
    })
}

/// `2023-03` → 3.
fn single_month(k: &KeyFigureResult) -> Option<u32> {
    if !super::is_single_month(k) {
        return None;
    }
    k.period.get(5..7)?.parse().ok()
}

/// One chart per monthly key figure (its parts as series) with its target as a line;
/// a percentage without a target is drawn against 100 % (the budget it is measured on).
fn key_figures(a: &AssignmentResult, months: usize, period: &PeriodDoc, opts: &BoardOptions) -> Vec<ChartDoc> {
    let mut bases: Vec<&str> = vec![];
    for k in a.key_figures.iter().filter(|k| single_month(k).is_some()) {
        let base = k.id.split('.').next().unwrap_or(&k.id);
        if !bases.contains(&base) {
            bases.push(base);
        }
    }
    bases.into_iter().filter_map(|base| key_figure(a, base, months, period, opts)).collect()
}

fn key_figure(a: &AssignmentResult, base: &str, months: usize, period: &PeriodDoc, opts: &BoardOptions) -> Option<ChartDoc> {
    let of_base = |k: &&KeyFigureResult| k.id == base || k.id.strip_prefix(base).is_some_and(|r| r.starts_with('.'));
    let monthly: Vec<&KeyFigureResult> = a.key_figures.iter().filter(of_base).filter(|k| single_month(k).is_some()).collect();
    let first = monthly.first()?;
    let mut ids: Vec<&str> = vec![];
    for k in &monthly {
        if !ids.contains(&k.id.as_str()) {
            ids.push(&k.id);
        }
    }
    let mut series: Vec<SeriesDoc> = ids.iter().map(|id| figure_series(a, id, &monthly, months)).collect();
    series.extend(reference(first, months, opts));
    let title = match first.id.contains('.') {
        true => first.name.rsplit_once(" – ").map_or(first.name.as_str(), |(t, _)| t).to_string(),
        false => first.name.clone(),
    };
    Some(ChartDoc {
        kind: ChartKind::KeyFigure,
        title: format!("{} – {}", a.name, title),
        unit: first.unit.symbol().to_string(),
        months: period.month_labels.clone(),
        series,
        note: None,
    })
}

/// One part's (or the figure's) monthly values, named by the part.
fn figure_series(a: &AssignmentResult, id: &str, monthly: &[&KeyFigureResult], months: usize) -> SeriesDoc {
    let part = id.split_once('.').map(|(_, p)| p);
    let name = match part {
        Some(p) => a.parts.iter().find(|x| x.id.as_deref() == Some(p)).map_or_else(|| p.to_string(), |x| x.name.clone()),
        None => monthly.iter().find(|k| k.id == id).map_or_else(|| id.to_string(), |k| k.name.clone()),
    };
    let values = (1..=months as u32)
        .map(|m| monthly.iter().find(|k| k.id == id && single_month(k) == Some(m)).and_then(|k| k.value.map(|v| k.unit.shown(v))))
        .collect();
    SeriesDoc { name, values, style: SeriesStyle::Line }
}

/// The target as a horizontal line; 100 % for a percentage without one.
fn reference(k: &KeyFigureResult, months: usize, opts: &BoardOptions) -> Option<SeriesDoc> {
    let (level, name) = match k.target.map(|t| super::super::number::scaled_target(t, &k.unit)) {
        Some(Target::AtLeast(x) | Target::AtMost(x) | Target::Between(x, _)) => {
            (x, tr_in!(opts.lang, "rapport-chart-target", target = super::super::table::target_text(k.target, &k.unit)))
        }
        None if k.unit == FigureUnit::Percent => (Decimal::ONE_HUNDRED, tr_in!(opts.lang, "rapport-chart-budget-line")),
        None => return None,
    };
    Some(SeriesDoc { name, values: vec![Some(level); months], style: SeriesStyle::Reference })
}
