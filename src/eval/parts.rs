//! Compensation, cost and result per part ("består av tre verksamhetsuppdrag –
//! Nordväst, Nordost och City Nord"), and the pooled result per board and in
//! total ("får hantera över- eller underskott i enskilda uppdrag inom ramen för
//! sin samlade ersättning").
//!
//! A part's compensation is the compensation formula with every `summa(…)` over
//! the assignment's parts restricted to that part; an explicit part reference
//! (`volym(m; anhörigcenter)`) counts for its part. What does not split that way
//! (an amount of the whole assignment, `max(…)` or `avrunda(…)` over a sum, a
//! product of two sums, a change of means) is not guessed at: it is the
//! assignment's unsplit amount. Each transfer line is split per part, every share
//! rounded to öre and the last part taking the remainder, so the parts and the
//! unsplit amount add up to the assignment exactly, month by month.

use super::interp::{Fault, Scope};
use super::money::{self, Overflow, round_öre, spread};
use super::results::{AssignmentResult, MonthLine, PartResult, Pooled, PooledBoard, PooledTotal};
use crate::model::{AssignmentId, CompKind, Expr, ExprKind};
use crate::vocab::BinOp;
use rust_decimal::Decimal;

/// A value split over an assignment's parts: one share per part and the rest,
/// which belongs to no part.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    /// Per part, in part order.
    pub parts: Vec<Decimal>,
    /// What belongs to no part.
    pub rest: Decimal,
}

impl Split {
    fn whole(n: usize, v: Decimal) -> Split {
        Split { parts: vec![Decimal::ZERO; n], rest: v }
    }

    fn has_parts(&self) -> bool {
        self.parts.iter().any(|p| !p.is_zero())
    }

    /// The parts and the rest added up.
    pub fn total(&self) -> Option<Decimal> {
        self.parts.iter().try_fold(self.rest, |acc, p| acc.checked_add(*p))
    }

    fn zip(self, other: Split, f: impl Fn(Decimal, Decimal) -> Option<Decimal>) -> Option<Split> {
        let parts = self.parts.iter().zip(&other.parts).map(|(a, b)| f(*a, *b)).collect::<Option<Vec<_>>>()?;
        Some(Split { parts, rest: f(self.rest, other.rest)? })
    }

    fn map(self, f: impl Fn(Decimal) -> Option<Decimal>) -> Option<Split> {
        let parts = self.parts.iter().map(|a| f(*a)).collect::<Option<Vec<_>>>()?;
        Some(Split { parts, rest: f(self.rest)? })
    }
}

/// Splits `e`, evaluated in `s` (at assignment `a`, no part), over `a`'s parts.
pub fn split(s: &Scope, a: AssignmentId, e: &Expr) -> Result<Split, Fault> {
    let n = s.model.assignments[a].parts.len();
    let overflow = || Fault::Overflow(e.span);
    let whole = |s: &Scope| s.num(e).map(|v| Split::whole(n, v));
    match &e.kind {
        ExprKind::SumParts(b, x) if *b == a => {
            let mut parts = Vec::with_capacity(n);
            let asg = &s.model.assignments[a];
            for p in asg.part_ids() {
                // As `Scope::sum_parts` counts it: a part for the share of the period's months it is valid.
                let share = asg.parts[p].validity.map(|v| (v.overlap(s.months), s.months.1 - s.months.0 + 1));
                let v = match share {
                    Some((0, _)) => Decimal::ZERO,
                    Some((k, len)) if k != len => Scope { a: Some(a), part: Some(p), ..*s }
                        .num(x)?
                        .checked_mul(Decimal::from(k))
                        .and_then(|v| v.checked_div(Decimal::from(len)))
                        .ok_or_else(overflow)?,
                    _ => Scope { a: Some(a), part: Some(p), ..*s }.num(x)?,
                };
                parts.push(v);
            }
            Ok(Split { parts, rest: Decimal::ZERO })
        }
        ExprKind::Budget(b, _, Some(p)) | ExprKind::Volume(b, _, Some(p)) if *b == a => {
            let mut out = Split::whole(n, Decimal::ZERO);
            out.parts[p.index()] = s.num(e)?;
            Ok(out)
        }
        ExprKind::Binary(op @ (BinOp::Add | BinOp::Sub), l, r) => {
            let (l, r) = (split(s, a, l)?, split(s, a, r)?);
            let f = if *op == BinOp::Add { Decimal::checked_add } else { Decimal::checked_sub };
            l.zip(r, f).ok_or_else(overflow)
        }
        ExprKind::Neg(x) => split(s, a, x)?.map(|v| Some(-v)).ok_or_else(overflow),
        ExprKind::Binary(BinOp::Mul, l, r) => {
            let (l, r) = (split(s, a, l)?, split(s, a, r)?);
            let (shares, factor) = match (l.has_parts(), r.has_parts()) {
                (true, true) => return whole(s),
                (true, false) => (l, r.rest),
                (false, _) => (r, l.rest),
            };
            shares.map(|v| v.checked_mul(factor)).ok_or_else(overflow)
        }
        ExprKind::Binary(BinOp::Div, l, r) => {
            let (ls, rs) = (split(s, a, l)?, split(s, a, r)?);
            if rs.has_parts() {
                return whole(s);
            }
            if rs.rest.is_zero() {
                return Err(Fault::DivZero(r.span));
            }
            ls.map(|v| v.checked_div(rs.rest)).ok_or_else(overflow)
        }
        ExprKind::Let(b, l) if *b == a => split(s, a, &s.model.assignments[a].lets[*l].formula.expr),
        ExprKind::Compensation(b, kind) if *b == a => compensation(s, a, *kind),
        ExprKind::If(c, t, f) => match s.num(c)?.is_zero() {
            false => split(s, a, t),
            true => split(s, a, f),
        },
        ExprKind::Previous(x) => {
            let Some(prev) = s.previous_scope() else { return whole(s) };
            let Some(pa) = prev.a else { return whole(s) };
            let shares = split(&prev, pa, x)?;
            let mut out = Split::whole(n, shares.rest);
            let cur = &s.model.assignments[a];
            for (i, v) in shares.parts.into_iter().enumerate() {
                let id = &prev.model.assignments[pa].parts[i].id;
                let slot = match cur.part_id(id) {
                    Some(p) => &mut out.parts[p.index()],
                    None => &mut out.rest,
                };
                *slot = slot.checked_add(v).ok_or_else(overflow)?;
            }
            Ok(out)
        }
        _ => whole(s),
    }
}

/// An assignment's fixed (the year) or variable (summed over the period) compensation, split.
fn compensation(s: &Scope, a: AssignmentId, kind: CompKind) -> Result<Split, Fault> {
    let asg = &s.model.assignments[a];
    let n = asg.parts.len();
    let base = Scope { a: Some(a), part: None, ..*s };
    match (kind, &asg.fixed, &asg.variable) {
        (CompKind::Fixed, Some(f), _) => split(&Scope { months: (1, 12), ..base }, a, &f.expr),
        (CompKind::Variable, _, Some(v)) => {
            let mut total = Split::whole(n, Decimal::ZERO);
            let valid = asg.variable_validity;
            for m in (s.months.0..=s.months.1).filter(|m| valid.is_none_or(|v| v.contains(*m))) {
                let x = split(&Scope { months: (m, m), ..base }, a, &v.expr)?;
                total = total.zip(x, Decimal::checked_add).ok_or(Fault::Overflow(v.expr.span))?;
            }
            Ok(total)
        }
        _ => Ok(Split::whole(n, Decimal::ZERO)),
    }
}

/// Rounds each share to öre and gives the last part (or the rest, with no parts)
/// what makes the shares add up to `line` exactly.
///
/// With `strict`, shares that do not add up to the line within their rounding (the
/// line was computed some other way than the formula split here) are not guessed
/// at: the whole line is then unsplit.
fn shares_of(raw: &Split, line: Decimal, strict: bool) -> Result<Split, Overflow> {
    let mut out = Split { parts: raw.parts.iter().map(|v| round_öre(*v)).collect(), rest: round_öre(raw.rest) };
    let rounded = money::sum(out.parts.iter().copied().chain([out.rest]))?;
    let tolerance = Decimal::new(out.parts.len() as i64 + 1, 2);
    if strict && money::sub(rounded, line)?.abs() > tolerance {
        return Ok(Split::whole(out.parts.len(), line));
    }
    let others = match out.parts.len() {
        0 => Decimal::ZERO,
        n => money::sum(out.parts[..n - 1].iter().copied().chain([out.rest]))?,
    };
    match out.parts.last_mut() {
        Some(last) => *last = money::sub(line, others)?,
        None => out.rest = line,
    }
    Ok(out)
}

/// The fixed line of each month (January first) split: each share of the year
/// spread over twelve months like the assignment's fixed amount, when the lines are
/// that spread; otherwise each line in proportion to the shares of the year (or
/// unsplit when the year's shares add up to nothing).
fn fixed_lines(raw: &Split, all: &[MonthLine]) -> Result<Vec<Split>, Overflow> {
    let n = raw.parts.len();
    let year_total = raw.total().ok_or(Overflow)?;
    let year = shares_of(raw, round_öre(year_total), false)?;
    let lines: Vec<Decimal> = all.iter().map(|l| l.amounts.fixed).collect();
    if all.len() == 12 && spread(round_öre(year_total), 12)? == lines {
        let spreads: Vec<Vec<Decimal>> = year.parts.iter().map(|v| spread(*v, 12)).collect::<Result<_, _>>()?;
        let rest = spread(year.rest, 12)?;
        return (0..12)
            .map(|i| shares_of(&Split { parts: spreads.iter().map(|s| s[i]).collect(), rest: rest[i] }, lines[i], false))
            .collect();
    }
    let total = money::sum(year.parts.iter().copied().chain([year.rest]))?;
    lines
        .iter()
        .map(|line| {
            if total.is_zero() {
                return Ok(Split::whole(n, *line));
            }
            let share = |v: Decimal| line.checked_mul(v).and_then(|x| x.checked_div(total)).ok_or(Overflow);
            let raw = Split { parts: year.parts.iter().map(|v| share(*v)).collect::<Result<_, _>>()?, rest: share(year.rest)? };
            shares_of(&raw, *line, false)
        })
        .collect()
}

/// The raw (unrounded) fixed and per-month variable compensation of `a`, split.
pub struct RawSplits {
    /// The year's fixed compensation.
    pub fixed: Split,
    /// The variable compensation of each month, January first.
    pub variable: Vec<Split>,
}

/// Splits the fixed compensation and each month's variable compensation of `a`.
pub fn raw_splits(scope: &Scope, a: AssignmentId) -> Result<RawSplits, Fault> {
    let asg = &scope.model.assignments[a];
    let here = Scope { a: Some(a), part: None, ..*scope };
    let fixed = compensation(&Scope { months: (1, 12), ..here }, a, CompKind::Fixed)?;
    let mut variable = Vec::with_capacity(12);
    for m in 1..=12 {
        variable.push(match asg.variable {
            Some(_) => compensation(&Scope { months: (m, m), ..here }, a, CompKind::Variable)?,
            None => Split::whole(asg.parts.len(), Decimal::ZERO),
        });
    }
    Ok(RawSplits { fixed, variable })
}

/// Compensation per part (and unsplit) over `months` (the lines of the period) of
/// the year's lines `all`, each line split so that the shares add up to it exactly.
pub fn compensation_per_part(raw: &RawSplits, all: &[MonthLine], months: &[MonthLine]) -> Result<Split, Overflow> {
    let n = raw.fixed.parts.len();
    let fixed = fixed_lines(&raw.fixed, all)?;
    let mut total = Split::whole(n, Decimal::ZERO);
    for line in months {
        let Some(i) = all.iter().position(|l| l.month == line.month) else { continue };
        let variable = match raw.variable.get(line.month as usize - 1) {
            Some(v) => shares_of(v, line.amounts.variable, true)?,
            None => Split::whole(n, line.amounts.variable),
        };
        // Changes of means belong to the assignment, not to a part.
        let changes = Split::whole(n, line.amounts.changes);
        for x in [fixed[i].clone(), variable, changes] {
            total = total.zip(x, Decimal::checked_add).ok_or(Overflow)?;
        }
    }
    Ok(total)
}

/// The parts of an assignment with compensation, cost and result; an entry with no
/// id for what belongs to no part, when there is any. Empty without parts.
pub fn part_results(scope: &Scope, a: AssignmentId, comp: &Split, last: u32) -> Result<Vec<PartResult>, Overflow> {
    let asg = &scope.model.assignments[a];
    if asg.parts.is_empty() {
        return Ok(vec![]);
    }
    let (costs, rest_cost) = match scope.data {
        Some(data) => {
            let slots = data.ledger_slots(a, None);
            let mut costs = vec![];
            for p in asg.part_ids() {
                costs.push(data.cost(a, Some(p), (1, last)).ok_or(Overflow)?);
            }
            // INVARIANT: the last slot holds the codes of no part (see `Data::ledger`).
            let rest = match slots.len() > asg.parts.len() {
                true => slots[slots.len() - 1].over((1, last)).ok_or(Overflow)?.0,
                false => Decimal::ZERO,
            };
            (costs, rest)
        }
        None => (vec![Decimal::ZERO; asg.parts.len()], Decimal::ZERO),
    };
    let mut out = vec![];
    for (i, p) in asg.parts.iter().enumerate() {
        let (compensation, cost) = (comp.parts[i], costs[i]);
        out.push(PartResult { id: Some(p.id.clone()), name: p.name.clone(), compensation, cost, result: money::sub(compensation, cost)? });
    }
    if !comp.rest.is_zero() || !rest_cost.is_zero() {
        let (compensation, cost) = (comp.rest, rest_cost);
        out.push(PartResult { id: None, name: String::new(), compensation, cost, result: money::sub(compensation, cost)? });
    }
    Ok(out)
}

/// The pooled result: per board in the order first met, and in total.
pub fn pooled(assignments: &[AssignmentResult]) -> Result<Pooled, (usize, Overflow)> {
    let mut boards: Vec<PooledBoard> = vec![];
    let mut total = PooledTotal::default();
    for (i, a) in assignments.iter().enumerate() {
        let at = match boards.iter().position(|b| b.board == a.board) {
            Some(at) => at,
            None => {
                boards.push(PooledBoard { board: a.board.clone(), ..PooledBoard::default() });
                boards.len() - 1
            }
        };
        let b = &mut boards[at];
        let add = |x: &mut Decimal, y: Decimal| money::add(*x, y).map(|v| *x = v).map_err(|o| (i, o));
        add(&mut b.compensation, a.compensation.total)?;
        add(&mut b.cost, a.cost)?;
        add(&mut b.result, a.result)?;
        add(&mut total.compensation, a.compensation.total)?;
        add(&mut total.cost, a.cost)?;
        add(&mut total.result, a.result)?;
    }
    Ok(Pooled { boards, total })
}
