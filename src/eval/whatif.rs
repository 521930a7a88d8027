//! A what-if beside its baseline: the report evaluated without the `--set`s and
//! with them, and every money figure the `--set`s move as baseline → what-if →
//! change (kronor and per cent), per assignment, per board and in total.
//!
//! In the JSON this is one top-level block, `"what_if"`, so the existing keys keep
//! their meaning (they hold the what-if's figures, as before):
//! `{ "overrides": [ { "set", "replaces" } ], "moved": [ { "path", "assignment",
//! "figure", "baseline", "value", "change", "percent" } ], "boards": [ { "board",
//! "baseline", "value", "change", "percent" } ], "total": { … } }`; `path` names
//! the moved value in the report (`assignments[hemtjänst].compensation.total`).
//! Beside the money, `"key_figures": [ { "path", "assignment", "figure", "name",
//! "period", "unit", "baseline", "value", "change" } ]` lists every key figure value
//! (per period and part) the `--set`s move, as the report shows it (a share in per
//! cent, its change in procentenheter; `null` for `i.u.`), and with `--period`
//! `"forecast": [ … ]` the moved full-year forecast, shaped as `moved`.

use super::money::{self, Overflow};
use super::results::{AssignmentResult, Report};
use super::shape;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The what-if block of a report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WhatIf {
    /// The `--set`s, in order, and what each replaced.
    pub overrides: Vec<SetInfo>,
    /// The figures the `--set`s move, assignment by assignment.
    pub moved: Vec<Moved>,
    /// Compensation per board: baseline, what-if, change.
    pub boards: Vec<BoardChange>,
    /// Compensation in total.
    pub total: Change,
    /// The key figure values the `--set`s move, per assignment, figure, period and part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key_figures: Vec<MovedKeyFigure>,
    /// The full-year forecast figures the `--set`s move (with `--period`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forecast: Vec<Moved>,
}

/// One key figure value a what-if moves, as the report shows it: a share in per cent
/// (its change in procentenheter), anything else in its unit; two decimals as strings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MovedKeyFigure {
    /// Where the value sits in the report: `assignments[vårdboende].key_figures[beläggningsgrad][2023-08]`.
    pub path: String,
    /// The assignment's id.
    pub assignment: String,
    /// The key figure's id (`id.part` for a per-part figure).
    pub figure: String,
    /// Its display name.
    pub name: String,
    /// The period.
    pub period: String,
    /// The unit as shown (`%`, `kr/plats`).
    pub unit: String,
    /// Without the `--set`s; `None` is `i.u.`.
    pub baseline: Option<String>,
    /// With them; `None` is `i.u.`.
    pub value: Option<String>,
    /// `value - baseline` as shown (procentenheter for a share); `None` when either is `i.u.`.
    pub change: Option<String>,
}

/// One `--set`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetInfo {
    /// `name=value`, as given.
    pub set: String,
    /// `parameter`, or `computed` when it replaced a value the rules compute (a `låt`).
    pub replaces: String,
}

/// A baseline, the what-if's value, and the change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// Without the `--set`s.
    #[serde(with = "shape::money")]
    pub baseline: Decimal,
    /// With them.
    #[serde(with = "shape::money")]
    pub value: Decimal,
    /// `value - baseline`.
    #[serde(with = "shape::money")]
    pub change: Decimal,
    /// The change in per cent of the baseline, two decimals; `None` when the baseline is zero.
    pub percent: Option<String>,
}

/// One moved figure of an assignment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moved {
    /// Where the value sits in the report.
    pub path: String,
    /// The assignment's id.
    pub assignment: String,
    /// `compensation.fixed`, `compensation.variable`, `compensation.changes`, `compensation.total` or `result`.
    pub figure: String,
    /// Baseline, value, change.
    #[serde(flatten)]
    pub change: Change,
}

/// A board's compensation, baseline and what-if.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardChange {
    /// Board id.
    pub board: String,
    /// Board name (not in the JSON).
    #[serde(skip)]
    pub name: String,
    /// Baseline, value, change.
    #[serde(flatten)]
    pub change: Change,
}

impl Change {
    /// baseline → value.
    pub fn new(baseline: Decimal, value: Decimal) -> Result<Change, Overflow> {
        let change = money::sub(value, baseline)?;
        let percent = if baseline.is_zero() {
            None
        } else {
            let p = change.checked_div(baseline).and_then(|q| q.checked_mul(Decimal::ONE_HUNDRED)).ok_or(Overflow)?;
            Some(format!("{:.2}", p.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)))
        };
        Ok(Change { baseline, value, change, percent })
    }
}

/// The figures of an assignment that a what-if may move, with their names.
fn figures(a: &AssignmentResult) -> [(&'static str, Decimal); 5] {
    let c = &a.compensation;
    [
        ("compensation.fixed", c.fixed),
        ("compensation.variable", c.variable),
        ("compensation.changes", c.changes),
        ("compensation.total", c.total),
        ("result", a.result),
    ]
}

/// Compares the what-if `new` with its `baseline` (same rules, without the `--set`s).
pub fn compare(baseline: &Report, new: &Report, overrides: Vec<SetInfo>) -> Result<WhatIf, Overflow> {
    let mut moved = vec![];
    let mut boards: Vec<(String, String, Decimal, Decimal)> = vec![];
    let (mut total_base, mut total_new) = (Decimal::ZERO, Decimal::ZERO);
    for a in &new.assignments {
        let base = baseline.assignments.iter().find(|b| b.id == a.id);
        let base_total = base.map_or(Decimal::ZERO, |b| b.compensation.total);
        for (i, (figure, value)) in figures(a).into_iter().enumerate() {
            let was = base.map_or(Decimal::ZERO, |b| figures(b)[i].1);
            if was != value {
                let path = format!("assignments[{}].{figure}", a.id);
                moved.push(Moved { path, assignment: a.id.clone(), figure: figure.into(), change: Change::new(was, value)? });
            }
        }
        match boards.iter_mut().find(|b| b.0 == a.board.0) {
            Some(b) => {
                b.2 = money::add(b.2, base_total)?;
                b.3 = money::add(b.3, a.compensation.total)?;
            }
            None => boards.push((a.board.0.clone(), a.board.1.clone(), base_total, a.compensation.total)),
        }
        total_base = money::add(total_base, base_total)?;
        total_new = money::add(total_new, a.compensation.total)?;
    }
    let boards = boards
        .into_iter()
        .map(|(board, name, b, n)| Ok(BoardChange { board, name, change: Change::new(b, n)? }))
        .collect::<Result<Vec<_>, Overflow>>()?;
    let key_figures = moved_key_figures(baseline, new);
    let forecast = moved_forecast(baseline, new)?;
    Ok(WhatIf { overrides, moved, boards, total: Change::new(total_base, total_new)?, key_figures, forecast })
}

/// Every key figure value (per period and part) that differs between the two reports.
fn moved_key_figures(baseline: &Report, new: &Report) -> Vec<MovedKeyFigure> {
    let shown = |u: &super::results::FigureUnit, v: Decimal| format!("{:.2}", u.shown(v));
    let mut out = vec![];
    for a in &new.assignments {
        let Some(base) = baseline.assignments.iter().find(|b| b.id == a.id) else { continue };
        for k in &a.key_figures {
            let was = base.key_figures.iter().find(|b| b.id == k.id && b.period == k.period).and_then(|b| b.value);
            if was == k.value {
                continue;
            }
            let change = was.zip(k.value).and_then(|(b, v)| {
                let d = k.unit.shown(v).checked_sub(k.unit.shown(b))?;
                Some(format!("{d:.2}"))
            });
            out.push(MovedKeyFigure {
                path: format!("assignments[{}].key_figures[{}][{}]", a.id, k.id, k.period),
                assignment: a.id.clone(),
                figure: k.id.clone(),
                name: k.name.clone(),
                period: k.period.clone(),
                unit: k.unit.symbol().to_string(),
                baseline: was.map(|b| shown(&k.unit, b)),
                value: k.value.map(|v| shown(&k.unit, v)),
                change,
            });
        }
    }
    out
}

/// The forecast figures of an assignment, with their names.
fn forecast_figures(f: &super::results::Forecast) -> [(&'static str, Decimal); 5] {
    let c = &f.compensation;
    [
        ("forecast.compensation.fixed", c.fixed),
        ("forecast.compensation.variable", c.variable),
        ("forecast.compensation.changes", c.changes),
        ("forecast.compensation.total", c.total),
        ("forecast.result", f.result),
    ]
}

/// Every full-year forecast figure that differs between the two reports (with `--period`).
fn moved_forecast(baseline: &Report, new: &Report) -> Result<Vec<Moved>, Overflow> {
    let mut out = vec![];
    for a in &new.assignments {
        let Some(f) = &a.forecast else { continue };
        let base = baseline.assignments.iter().find(|b| b.id == a.id).and_then(|b| b.forecast.as_ref());
        for (i, (figure, value)) in forecast_figures(f).into_iter().enumerate() {
            let was = base.map_or(Decimal::ZERO, |b| forecast_figures(b)[i].1);
            if was != value {
                let path = format!("assignments[{}].{figure}", a.id);
                out.push(Moved { path, assignment: a.id.clone(), figure: figure.into(), change: Change::new(was, value)? });
            }
        }
    }
    Ok(out)
}

/// The highest plausible value of a key figure shown in per cent when the rules
/// declare no range (an occupancy above 105 % is more likely a wrong count of
/// places or days than a full house).
pub fn plausible_percent_max() -> Decimal {
    Decimal::new(105, 2)
}

/// The plausible range of a key figure and where it is declared: `rimligt a till b`
/// as written, else 0 %..105 % for a figure in per cent, else none.
fn plausible_range(mk: &crate::model::KeyFigure, unit: &super::results::FigureUnit) -> Option<(Decimal, Decimal, crate::source::Span)> {
    match (&mk.plausible, unit) {
        (Some(p), _) => Some((p.low, p.high, p.span)),
        (None, super::results::FigureUnit::Percent) => Some((Decimal::ZERO, plausible_percent_max(), mk.span)),
        (None, super::results::FigureUnit::Unit(_)) => None,
    }
}

/// A key figure's value as the warning shows it: `107,3 %`, `2 150,00 kr/dygn`.
fn figure_value(d: Decimal, unit: &super::results::FigureUnit) -> String {
    match unit {
        super::results::FigureUnit::Percent => format!("{} %", crate::number::swedish(d * Decimal::ONE_HUNDRED, 1)),
        super::results::FigureUnit::Unit(u) if u.is_empty() => crate::number::swedish(d, 2),
        super::results::FigureUnit::Unit(u) => format!("{} {u}", crate::number::swedish(d, 2)),
    }
}

/// Rimlighetskontroll after evaluation: each key figure with a value outside its
/// plausible range (`rimligt a till b`, or 0 %..105 % for a figure in per cent),
/// once per key figure (its farthest value and how many periods), as a warning at
/// the declared range or, without one, at the key figure's declaration.
pub fn implausible_key_figures(model: &crate::model::Model, report: &Report) -> Vec<crate::diagnostic::Diagnostic> {
    let mut out = vec![];
    for a in &report.assignments {
        let Some((_, ma)) = model.assignment(&a.id) else { continue };
        // (id, periods outside, the farthest value and its period), in order first met.
        let mut found: Vec<(&str, usize, Decimal, &str, &super::results::FigureUnit)> = vec![];
        for k in &a.key_figures {
            let Some(v) = k.value else { continue };
            let Some(mk) = ma.key_figures.iter().find(|m| m.id == k.id) else { continue };
            let Some((low, high, _)) = plausible_range(mk, &k.unit) else { continue };
            if v >= low && v <= high {
                continue;
            }
            let distance = |x: Decimal| if x < low { low - x } else { x - high };
            match found.iter_mut().find(|f| f.0 == k.id) {
                Some(f) => {
                    f.1 += 1;
                    if distance(v) > distance(f.2) {
                        (f.2, f.3) = (v, k.period.as_str());
                    }
                }
                None => found.push((k.id.as_str(), 1, v, k.period.as_str(), &k.unit)),
            }
        }
        for (id, periods, value, period, unit) in found {
            let Some(mk) = ma.key_figures.iter().find(|m| m.id == id) else { continue };
            let Some((low, high, span)) = plausible_range(mk, unit) else { continue };
            out.push(implausible(&a.id, id, (periods, period), figure_value(value, unit), range_text(low, high, unit), span));
        }
    }
    out
}

/// `0–105 %`, `1 500,00–2 500,00 kr/dygn`.
fn range_text(low: Decimal, high: Decimal, unit: &super::results::FigureUnit) -> String {
    let high = figure_value(high, unit);
    let low = if low.is_zero() { "0".to_string() } else { figure_value(low, unit) };
    let symbol = unit.symbol();
    match low.strip_suffix(symbol).map(str::trim_end) {
        Some(bare) if !symbol.is_empty() => format!("{bare}–{high}"),
        _ => format!("{low}–{high}"),
    }
}

/// The warning of one implausible key figure.
fn implausible(
    assignment: &str,
    figure: &str,
    (periods, period): (usize, &str),
    value: String,
    range: String,
    span: crate::source::Span,
) -> crate::diagnostic::Diagnostic {
    let message = crate::tr!(
        "whatif-implausible-key-figure",
        assignment = assignment,
        figure = figure,
        periods = periods,
        period = period,
        value = value,
        range = range
    );
    crate::diagnostic::Diagnostic::warning(span, message).with_hint(crate::tr!("whatif-hint-implausible"))
}

/// Rimlighetskontroll of computed prices and fixed amounts that need no inputs (a
/// `låt` such as `föregående.referenskostnad * (1 + prisindex)`, `ersättning fast =
/// föregående.fast * …`): each that moved more than the band from last year's value
/// of the same name, as a warning at its formula. Parameters are checked by `check`.
pub fn prices_outside_band(model: &crate::model::Model) -> Vec<crate::diagnostic::Diagnostic> {
    use crate::model::{AssignmentId, CompKind, Model, ParamValue, PartId};
    let Some(prev) = model.previous.as_deref() else { return vec![] };
    let band = crate::check::sanity::band(model);
    fn scope(m: &Model, a: AssignmentId, part: Option<PartId>) -> super::Scope<'_> {
        super::Scope { model: m, data: None, previous_data: None, a: Some(a), part, months: (1, 12) }
    }
    let money = |u: crate::units::Unit| u.to_string().starts_with("kr");
    let mut out = vec![];
    for (ai, a) in model.assignment_ids().zip(&model.assignments) {
        let Some((pai, pa)) = prev.assignment(&a.id) else { continue };
        let mut check = |name: String, new: Decimal, old: Decimal, unit: crate::units::Unit, span| {
            if let Some(d) = outside_band(&name, new, old, unit, band, span) {
                out.push(d);
            }
        };
        for l in a.lets.iter().filter(|l| money(l.formula.unit)) {
            for part in a.part_scopes(l.per_part) {
                let Ok(new) = scope(model, ai, part).num(&l.formula.expr) else { continue };
                let part_id = part.map(|p| a.parts[p.index()].id.as_str());
                let old_part = part_id.and_then(|id| pa.parts.iter().position(|p| p.id == id));
                if part_id.is_some() && old_part.is_none() {
                    continue;
                }
                let old = match pa.params.iter().find(|p| p.name == l.name && p.unit == l.formula.unit) {
                    Some(p) => match (&p.value, old_part) {
                        (ParamValue::Scalar(v), None) => Some(*v),
                        (ParamValue::PerPart(vs), Some(i)) => vs.get(i).copied(),
                        _ => None,
                    },
                    None => pa.lets.iter().find(|o| o.name == l.name && o.formula.unit == l.formula.unit).and_then(|o| {
                        let part = old_part.and_then(|i| pa.part_ids().nth(i));
                        scope(prev, pai, part).num(&o.formula.expr).ok()
                    }),
                };
                let Some(old) = old else { continue };
                let name = match part_id {
                    Some(id) => format!("{}.{}.{id}", a.id, l.name),
                    None => format!("{}.{}", a.id, l.name),
                };
                check(name, new, old, l.formula.unit, l.formula.expr.span);
            }
        }
        if let Some(f) = &a.fixed {
            let new = scope(model, ai, None).compensation(ai, CompKind::Fixed, f.expr.span);
            let old = scope(prev, pai, None).compensation(pai, CompKind::Fixed, f.expr.span);
            if let (Ok(new), Ok(old)) = (new, old) {
                check(format!("{}.{}", a.id, crate::vocab::Figure::Fixed), new, old, crate::units::Unit::kr(), f.expr.span);
            }
        }
    }
    out
}

/// The warning for a value that moved more than `band` from `old`, if it did.
fn outside_band(
    name: &str,
    new: Decimal,
    old: Decimal,
    unit: crate::units::Unit,
    band: Decimal,
    span: crate::source::Span,
) -> Option<crate::diagnostic::Diagnostic> {
    if old.is_zero() {
        return None;
    }
    let change = new.checked_sub(old)?.checked_div(old)?;
    if change.abs() <= band {
        return None;
    }
    let pct = |d: Decimal| crate::number::swedish(d * Decimal::ONE_HUNDRED, 1);
    let unit = unit.to_string();
    let money = |d: Decimal| format!("{} {unit}", crate::number::swedish(d, 2));
    let message =
        crate::tr!("whatif-outside-band", name = name, old = money(old), new = money(new), change = pct(change), band = pct(band));
    let hint = crate::tr!("whatif-hint-band", parameter = crate::check::sanity::BAND_PARAMETER);
    Some(crate::diagnostic::Diagnostic::warning(span, message).with_hint(hint))
}
