//! Key figures per interval: every month (`månadsvis`), March, August and the
//! full year (`delår`), the full year (`årsvis`); `i.u.` with the reason where a
//! figure starts in a later year, divides by zero or lacks an input.

use super::interp::{Fault, Scope};
use super::results::{FigureUnit, KeyFigureResult, NotApplicable, Status};
use super::{EvalError, fault_error};
use crate::model::{AssignmentId, ExprKind, Interval, KeyFigure, PartId, Target};
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
    for (from, to) in kf.interval.periods(last) {
        let s = Scope { a: Some(a), part, months: (from, to), ..*scope };
        let period = period_label(year, from, to);
        if let Some(v) = part.and_then(|p| scope.model.assignments[a].parts[p].validity)
            && v.overlap((from, to)) == 0
        {
            let note = NotApplicable::PartNotValid { months: v.label(year) };
            out.push(KeyFigureResult { period, note: Some(note), ..base.clone() });
            continue;
        }
        let r = match s.num(&kf.formula.expr).and_then(|v| showable(v, &base.unit, kf)) {
            Ok(v) => KeyFigureResult { period, value: Some(v), status: status(v, kf.target), ..base.clone() },
            Err(f) => KeyFigureResult { period, note: Some(not_available(scope, f)?), ..base.clone() },
        };
        out.push(r);
    }
    Ok(out)
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
