//! Key figures per interval: every month and the months so far together
//! (`månadsvis`), March, August and the full year (`delår`), the full year
//! (`årsvis`); `i.u.` with the reason where a figure starts in a later year,
//! divides by zero or lacks an input. A period's value is the formula over the
//! period (`summa`) or month by month (`medel`, `senaste`, `max`); money per
//! stock for part of the year is annualised (×12/months). Series are valued like
//! the total.

use super::interp::{Fault, Scope};
use super::results::{FigureUnit, KeyFigureResult, NotApplicable, SeriesValue, Status};
use super::{EvalError, fault_error};
use crate::model::{Aggregation, AssignmentId, ExprKind, Formula, Interval, KeyFigure, PartId, Target};
use crate::units::Unit;
use rust_decimal::Decimal;

/// All key figures of assignment `a`.
pub fn evaluate(scope: &Scope, a: AssignmentId, last: u32) -> Result<Vec<KeyFigureResult>, EvalError> {
    let asg = &scope.model.assignments[a];
    let mut out = vec![];
    for kf in &asg.key_figures {
        for part in asg.part_scopes(kf.per_part) {
            out.extend(figure(scope, a, kf, part, last)?);
        }
    }
    Ok(out)
}

/// The figure before evaluation: named, with its unit and target, no value yet.
fn blank(scope: &Scope, a: AssignmentId, kf: &KeyFigure, part: Option<PartId>) -> KeyFigureResult {
    let asg = &scope.model.assignments[a];
    let (id, name) = match part {
        Some(p) => (format!("{}.{}", kf.id, asg.parts[p].id), format!("{} – {}", kf.name, asg.parts[p].name)),
        None => (kf.id.clone(), kf.name.clone()),
    };
    let unit = if is_ratio(kf) { FigureUnit::Percent } else { FigureUnit::Unit(kf.formula.unit.to_string()) };
    KeyFigureResult {
        id,
        name,
        interval: kf.interval,
        period: scope.model.header.year.to_string(),
        value: None,
        unit,
        status: Status::NotAvailable,
        note: None,
        target: kf.target,
        series: vec![],
        aggregation: kf.aggregation(),
        annualised: false,
    }
}

fn figure(scope: &Scope, a: AssignmentId, kf: &KeyFigure, part: Option<PartId>, last: u32) -> Result<Vec<KeyFigureResult>, EvalError> {
    let year = scope.model.header.year;
    let base = blank(scope, a, kf, part);
    if kf.from_year > year {
        return Ok(vec![KeyFigureResult { note: Some(NotApplicable::StartsIn(kf.from_year)), ..base }]);
    }
    if kf.interval == Interval::Årsvis && last < 12 {
        return Ok(vec![KeyFigureResult { note: Some(NotApplicable::FullYearOnly), ..base }]);
    }
    let mut out = vec![];
    for (from, to) in periods(kf.interval, last) {
        let period = period_label(year, from, to);
        if let Some(v) = part.and_then(|p| scope.model.assignments[a].parts[p].validity)
            && v.overlap((from, to)) == 0
        {
            let note = NotApplicable::PartNotValid { months: v.label(year) };
            out.push(KeyFigureResult { period, note: Some(note), ..base.clone() });
            continue;
        }
        let at = Period { a, part, from, to };
        let annualised = annualises(kf, from, to);
        let mut series = vec![];
        for s in &kf.series {
            let value = match value(scope, kf, &s.formula, at, &base.unit) {
                Ok(v) => Some(v),
                Err(f) => {
                    not_available(scope, f)?;
                    None
                }
            };
            series.push(SeriesValue { id: s.id.clone(), name: s.name.clone(), value });
        }
        let r = match value(scope, kf, &kf.formula, at, &base.unit) {
            Ok(v) => KeyFigureResult { period, value: Some(v), status: status(v, kf.target), series, annualised, ..base.clone() },
            Err(f) => KeyFigureResult { period, note: Some(not_available(scope, f)?), series, ..base.clone() },
        };
        out.push(r);
    }
    Ok(out)
}

/// The periods a figure is reported for up to month `last`: the interval's, and for
/// a `månadsvis` figure also the months so far together (`2023-01..2023-08`, `2023`).
fn periods(interval: Interval, last: u32) -> Vec<(u32, u32)> {
    let mut out = interval.periods(last);
    if interval == Interval::Månadsvis && last > 1 {
        out.push((1, last));
    }
    out
}

/// Where and when a figure is evaluated.
#[derive(Clone, Copy)]
struct Period {
    a: AssignmentId,
    part: Option<PartId>,
    from: u32,
    to: u32,
}

/// The value of one formula of `kf` (its `värde` or a series) for months
/// `from..=to` of assignment `a` (and part), as the report gives it: aggregated
/// over the months and annualised as the figure says (in base units).
pub fn period_value(
    scope: &Scope,
    kf: &KeyFigure,
    formula: &Formula,
    a: AssignmentId,
    part: Option<PartId>,
    months: (u32, u32),
) -> Result<Decimal, Fault> {
    value(scope, kf, formula, Period { a, part, from: months.0, to: months.1 }, &FigureUnit::Unit(String::new()))
}

/// Whether the value of months `from..=to` is scaled to a full year.
fn annualises(kf: &KeyFigure, from: u32, to: u32) -> bool {
    kf.annualised() && (from, to) != (1, 12)
}

/// One formula of `kf` (its value or a series) for a period: aggregated over the
/// months as the figure says, annualised where it is, checked to be showable.
fn value(scope: &Scope, kf: &KeyFigure, formula: &Formula, at: Period, unit: &FigureUnit) -> Result<Decimal, Fault> {
    let span = formula.expr.span;
    let overflow = || Fault::Overflow(span);
    let over = |from: u32, to: u32| Scope { a: Some(at.a), part: at.part, months: (from, to), ..*scope }.num(&formula.expr);
    let months = at.to - at.from + 1;
    let v = match kf.aggregation() {
        Aggregation::Summa => over(at.from, at.to)?,
        Aggregation::Senaste => over(at.to, at.to)?,
        Aggregation::Medel => {
            let mut sum = Decimal::ZERO;
            for m in at.from..=at.to {
                sum = sum.checked_add(over(m, m)?).ok_or_else(overflow)?;
            }
            sum.checked_div(Decimal::from(months)).ok_or_else(overflow)?
        }
        Aggregation::Max => {
            let mut max = over(at.from, at.from)?;
            for m in at.from + 1..=at.to {
                max = max.max(over(m, m)?);
            }
            max
        }
    };
    let v = match annualises(kf, at.from, at.to) {
        true => v.checked_mul(Decimal::from(12)).and_then(|x| x.checked_div(Decimal::from(months))).ok_or_else(overflow)?,
        false => v,
    };
    showable(v, unit, kf)
}

/// The value, if it can be shown in its unit (a ratio ×100 in percent).
fn showable(v: Decimal, unit: &FigureUnit, kf: &KeyFigure) -> Result<Decimal, Fault> {
    match unit {
        FigureUnit::Percent if v.checked_mul(Decimal::ONE_HUNDRED).is_none() => Err(Fault::Overflow(kf.formula.expr.span)),
        _ => Ok(v),
    }
}

fn not_available(scope: &Scope, f: Fault) -> Result<NotApplicable, EvalError> {
    match f {
        Fault::DivZero(span) => Ok(NotApplicable::DivisionByZero { divisor: scope.model.source.slice(span).to_string() }),
        Fault::Missing(_, m) => Ok(NotApplicable::MissingInput(m)),
        Fault::NeedsPreviousInput(_) => Ok(NotApplicable::NeedsPreviousInput),
        other => Err(fault_error(scope.model, other, &crate::tr!("eval-what-key-figure"))),
    }
}

/// `2023-03` for a month, `2023-01..2023-08` for a year to date, `2023` for the year.
pub fn period_label(year: i32, from: u32, to: u32) -> String {
    match (from, to) {
        (1, 12) => year.to_string(),
        (f, t) if f == t => format!("{year}-{f:02}"),
        (f, t) => format!("{year}-{f:02}..{year}-{t:02}"),
    }
}

/// A dimensionless quotient is shown in percent.
fn is_ratio(kf: &KeyFigure) -> bool {
    kf.formula.unit == Unit::NONE && matches!(kf.formula.expr.kind, ExprKind::Binary(crate::vocab::BinOp::Div, ..))
}

/// Compares the exact value with the target, both in base units.
fn status(v: Decimal, target: Option<Target>) -> Status {
    let met = match target {
        None => return Status::NoTarget,
        Some(Target::AtLeast(t)) => v >= t,
        Some(Target::AtMost(t)) => v <= t,
        Some(Target::Between(a, b)) => a <= v && v <= b,
    };
    if met { Status::Met } else { Status::NotMet }
}
