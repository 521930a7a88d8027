//! Key figures per interval: every month (`månadsvis`), March, August and the
//! full year (`delår`), the full year (`årsvis`); `i.u.` with the reason where a
//! figure starts in a later year, divides by zero or lacks an input.

use super::interp::{Fault, Scope};
use super::results::{KeyFigureResult, Status};
use super::{EvalError, fault_error};
use crate::model::{ExprKind, Interval, KeyFigure, Target};
use crate::units::Unit;
use rust_decimal::{Decimal, RoundingStrategy};

/// The periods (first month, last month) a figure is reported for, up to month `last`.
pub fn periods(interval: Interval, last: u32) -> Vec<(u32, u32)> {
    match interval {
        Interval::Månadsvis => (1..=last).map(|m| (m, m)).collect(),
        Interval::Delår => [3, 8, 12].into_iter().filter(|m| *m <= last).map(|m| (1, m)).collect(),
        Interval::Årsvis => vec![(1, 12)],
    }
}

/// All key figures of assignment `a`.
pub fn evaluate(scope: &Scope, a: usize, last: u32) -> Result<Vec<KeyFigureResult>, EvalError> {
    let asg = &scope.model.assignments[a];
    let mut out = vec![];
    for kf in &asg.key_figures {
        let parts: Vec<Option<usize>> = if kf.per_part { (0..asg.parts.len()).map(Some).collect() } else { vec![None] };
        for part in parts {
            out.extend(figure(scope, a, kf, part, last)?);
        }
    }
    Ok(out)
}

fn figure(scope: &Scope, a: usize, kf: &KeyFigure, part: Option<usize>, last: u32) -> Result<Vec<KeyFigureResult>, EvalError> {
    let model = scope.model;
    let asg = &model.assignments[a];
    let year = model.header.year;
    let (id, name) = match part {
        Some(p) => (format!("{}.{}", kf.id, asg.parts[p].id), format!("{} – {}", kf.name, asg.parts[p].name)),
        None => (kf.id.clone(), kf.name.clone()),
    };
    let percent = is_ratio(kf);
    let unit = if percent { "%".to_string() } else { kf.formula.unit.to_string() };
    let base = KeyFigureResult {
        id,
        name,
        interval: kf.interval,
        period: year.to_string(),
        value: None,
        unit,
        status: Status::NotAvailable,
        note: None,
        target: kf.target.map(|t| display_target(t, percent)),
    };
    if kf.from_year > year {
        return Ok(vec![KeyFigureResult { note: Some(format!("följs upp från {}", kf.from_year)), ..base }]);
    }
    if kf.interval == Interval::Årsvis && last < 12 {
        return Ok(vec![KeyFigureResult { note: Some("redovisas för helår".into()), ..base }]);
    }
    let mut out = vec![];
    for (from, to) in periods(kf.interval, last) {
        let s = Scope { a: Some(a), part, months: (from, to), ..*scope };
        let period = period_label(year, from, to);
        let r = match s.num(&kf.formula.expr) {
            Ok(v) => {
                let value = display(v, percent);
                KeyFigureResult { period, value: Some(value), status: status(v, kf.target), ..base.clone() }
            }
            Err(f) => KeyFigureResult { period, note: Some(not_available(scope, f)?), ..base.clone() },
        };
        out.push(r);
    }
    Ok(out)
}

fn not_available(scope: &Scope, f: Fault) -> Result<String, EvalError> {
    match f {
        Fault::DivZero(span) => Ok(format!("division med noll: `{}` är 0", scope.model.source.slice(span))),
        Fault::Missing(_, msg) => Ok(format!("indata saknas: {msg}")),
        Fault::NeedsPreviousInput(_) => Ok("föregående års indata saknas".into()),
        other => Err(fault_error(scope.model, other, "a key figure")),
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
    kf.formula.unit == Unit::NONE && matches!(kf.formula.expr.kind, ExprKind::Binary(crate::syntax::ast::BinOp::Div, ..))
}

fn display(v: Decimal, percent: bool) -> Decimal {
    let v = if percent { v * Decimal::ONE_HUNDRED } else { v };
    v.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

fn display_target(t: Target, percent: bool) -> Target {
    let f = |x: Decimal| if percent { x * Decimal::ONE_HUNDRED } else { x };
    match t {
        Target::AtLeast(x) => Target::AtLeast(f(x)),
        Target::AtMost(x) => Target::AtMost(f(x)),
        Target::Between(a, b) => Target::Between(f(a), f(b)),
    }
}

/// Compares the exact value (not the rounded one) with the target.
fn status(v: Decimal, target: Option<Target>) -> Status {
    let met = match target {
        None => return Status::NoTarget,
        Some(Target::AtLeast(t)) => v >= t,
        Some(Target::AtMost(t)) => v <= t,
        Some(Target::Between(a, b)) => a <= v && v <= b,
    };
    if met { Status::Met } else { Status::NotMet }
}
