//! The interpreter: one resolved expression in one scope (assignment, part,
//! months), exact decimals, every operation checked.

use super::data::{Data, Key};
use super::results::{MissingInput, NotApplicable};
use crate::check::days_in_month;
use crate::model::*;
use crate::source::Span;
use crate::vocab::BinOp;
use rust_decimal::{Decimal, RoundingStrategy};

/// A value: a number or a truth value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// A number in base units.
    Num(Decimal),
    /// A truth value.
    Bool(bool),
}

/// Why a formula has no value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Division by zero; the divisor is at `span`.
    DivZero(Span),
    /// A result too large for an exact decimal.
    Overflow(Span),
    /// An input the formula needs is missing from the workbook.
    Missing(Span, MissingInput),
    /// A `föregående` value that needs the previous year's workbook.
    NeedsPreviousInput(Span),
}

impl Fault {
    /// Why the formula has no value, in the words a key figure's `i.u.` gives
    /// (an overflow: that the number is too large), in the process's language.
    pub fn describe(&self, model: &Model) -> String {
        let lang = crate::i18n::lang();
        match self {
            Fault::DivZero(span) => NotApplicable::DivisionByZero { divisor: model.source.slice(*span).to_string() }.describe(lang),
            Fault::Missing(_, m) => NotApplicable::MissingInput(m.clone()).describe(lang),
            Fault::NeedsPreviousInput(_) => NotApplicable::NeedsPreviousInput.describe(lang),
            Fault::Overflow(_) => crate::tr!("eval-overflow"),
        }
    }
}

/// Where a formula is evaluated.
#[derive(Clone, Copy)]
pub struct Scope<'a> {
    /// The model the expression belongs to.
    pub model: &'a Model,
    /// The model's workbook, if any.
    pub data: Option<&'a Data>,
    /// The previous year's workbook, if any.
    pub previous_data: Option<&'a Data>,
    /// Current assignment.
    pub a: Option<AssignmentId>,
    /// Current part.
    pub part: Option<PartId>,
    /// First and last month (1..=12) of the period.
    pub months: (u32, u32),
}

type R = Result<Value, Fault>;

impl<'a> Scope<'a> {
    /// Evaluates to a number.
    pub fn num(&self, e: &Expr) -> Result<Decimal, Fault> {
        match self.eval(e)? {
            Value::Num(n) => Ok(n),
            Value::Bool(b) => Ok(if b { Decimal::ONE } else { Decimal::ZERO }),
        }
    }

    fn month_range(&self) -> std::ops::RangeInclusive<usize> {
        self.months.0 as usize - 1..=self.months.1 as usize - 1
    }

    /// Evaluates an expression.
    pub fn eval(&self, e: &Expr) -> R {
        let n = Value::Num;
        match &e.kind {
            ExprKind::Const(c) => Ok(n(*c)),
            ExprKind::Param(r) => match self.model.param(*r) {
                p if p.steps.is_empty() => Ok(n(scalar(p))),
                p => p.value_over(self.months).map(n).ok_or(Fault::Overflow(e.span)),
            },
            ExprKind::PartParam(r) => self.part_param(*r, e.span),
            ExprKind::Entry(r, i) => Ok(n(entry(self.model.param(*r), *i))),
            ExprKind::Let(a, l) => {
                let part = self.part.filter(|_| self.a == Some(*a));
                let binding = &self.model.assignments[*a].lets[*l];
                match part.and_then(|p| binding.what_if.iter().find(|(i, _)| *i == p.index())) {
                    Some((_, v)) => Ok(n(*v)),
                    None => Scope { a: Some(*a), part, ..*self }.eval(&binding.formula.expr),
                }
            }
            ExprKind::Compensation(a, k) => self.compensation(*a, *k, e.span).map(n),
            ExprKind::Cost(a) => self.cost(*a, e.span).map(n),
            ExprKind::Budget(a, m, p) => self.budget(*a, *m, *p, e.span).map(n),
            ExprKind::Volume(a, m, p) => self.volume(*a, *m, *p, e.span).map(n),
            ExprKind::Months => Ok(n(Decimal::from(self.months.1 - self.months.0 + 1))),
            ExprKind::Days => {
                Ok(n(Decimal::from((self.months.0..=self.months.1).map(|m| days_in_month(self.model.header.year, m)).sum::<u32>())))
            }
            ExprKind::Previous(x) => self.previous(x, e.span),
            ExprKind::Neg(x) => Ok(n(-self.num(x)?)),
            ExprKind::Not(x) => Ok(Value::Bool(self.eval(x)? == Value::Bool(false))),
            ExprKind::Binary(op, l, r) => self.binary(*op, l, r, e.span),
            ExprKind::MinMax(f, xs) => self.min_max(*f, xs),
            ExprKind::Round(x, dp) => Ok(n(self.num(x)?.round_dp_with_strategy(*dp, RoundingStrategy::MidpointAwayFromZero))),
            ExprKind::SumParts(a, x) => self.sum_parts(*a, x, e.span).map(n),
            ExprKind::If(c, t, f) => match self.eval(c)? {
                Value::Bool(true) => self.eval(t),
                _ => self.eval(f),
            },
        }
    }

    fn part_param(&self, r: ParamRef, span: Span) -> R {
        let p = self.model.param(r);
        let part = self.part.ok_or_else(|| Fault::Missing(span, MissingInput::Part { parameter: p.name.clone() }))?;
        Ok(Value::Num(entry(p, part.index())))
    }

    fn binary(&self, op: BinOp, l: &Expr, r: &Expr, span: Span) -> R {
        if matches!(op, BinOp::And | BinOp::Or) {
            let (a, b) = (self.eval(l)? == Value::Bool(true), self.eval(r)? == Value::Bool(true));
            return Ok(Value::Bool(if op == BinOp::And { a && b } else { a || b }));
        }
        let (a, b) = (self.num(l)?, self.num(r)?);
        let overflow = || Fault::Overflow(span);
        Ok(match op {
            BinOp::Add => Value::Num(a.checked_add(b).ok_or_else(overflow)?),
            BinOp::Sub => Value::Num(a.checked_sub(b).ok_or_else(overflow)?),
            BinOp::Mul => Value::Num(a.checked_mul(b).ok_or_else(overflow)?),
            BinOp::Div if b.is_zero() => return Err(Fault::DivZero(r.span)),
            BinOp::Div => Value::Num(a.checked_div(b).ok_or_else(overflow)?),
            BinOp::Lt => Value::Bool(a < b),
            BinOp::Le => Value::Bool(a <= b),
            BinOp::Gt => Value::Bool(a > b),
            BinOp::Ge => Value::Bool(a >= b),
            BinOp::Eq => Value::Bool(a == b),
            BinOp::Ne => Value::Bool(a != b),
            BinOp::And | BinOp::Or => Value::Bool(false),
        })
    }

    fn min_max(&self, f: Function, xs: &[Expr]) -> R {
        let mut best: Option<Decimal> = None;
        for x in xs {
            let v = self.num(x)?;
            best = Some(match (best, f) {
                (None, _) => v,
                (Some(b), Function::Min) => b.min(v),
                (Some(b), _) => b.max(v),
            });
        }
        Ok(Value::Num(best.unwrap_or_default()))
    }

    /// The sum over the parts; a part valid in some months only counts for the
    /// share of the period's months it is valid (none outside them): see [`Part::validity`].
    fn sum_parts(&self, a: AssignmentId, x: &Expr, span: Span) -> Result<Decimal, Fault> {
        let mut total = Decimal::ZERO;
        let asg = &self.model.assignments[a];
        for p in asg.part_ids() {
            let share = asg.parts[p].validity.map(|v| (v.overlap(self.months), self.months.1 - self.months.0 + 1));
            if share.is_some_and(|(n, _)| n == 0) {
                continue;
            }
            let mut v = Scope { a: Some(a), part: Some(p), ..*self }.num(x)?;
            if let Some((n, len)) = share.filter(|(n, len)| n != len) {
                v = v.checked_mul(Decimal::from(n)).and_then(|v| v.checked_div(Decimal::from(len))).ok_or(Fault::Overflow(span))?;
            }
            total = total.checked_add(v).ok_or(Fault::Overflow(span))?;
        }
        Ok(total)
    }

    /// An assignment's fixed amount for the year, or its variable part summed over the period.
    pub fn compensation(&self, a: AssignmentId, kind: CompKind, span: Span) -> Result<Decimal, Fault> {
        let asg = &self.model.assignments[a];
        let base = Scope { a: Some(a), part: None, ..*self };
        match (kind, &asg.fixed, &asg.variable) {
            (CompKind::Fixed, Some(f), _) => Scope { months: (1, 12), ..base }.num(&f.expr),
            (CompKind::Variable, _, Some(v)) => {
                let mut total = Decimal::ZERO;
                let valid = asg.variable_validity;
                for m in (self.months.0..=self.months.1).filter(|m| valid.is_none_or(|v| v.contains(*m))) {
                    let x = Scope { months: (m, m), ..base }.num(&v.expr)?;
                    total = total.checked_add(x).ok_or(Fault::Overflow(span))?;
                }
                Ok(total)
            }
            _ => Ok(Decimal::ZERO),
        }
    }

    fn data(&self, span: Span) -> Result<&'a Data, Fault> {
        self.data.ok_or(Fault::NeedsPreviousInput(span))
    }

    fn part_for(&self, a: AssignmentId, explicit: Option<PartId>) -> Option<PartId> {
        explicit.or(self.part.filter(|_| self.a == Some(a)))
    }

    fn cost(&self, a: AssignmentId, span: Span) -> Result<Decimal, Fault> {
        let data = self.data(span)?;
        data.cost(a, self.part_for(a, None), self.months).ok_or(Fault::Overflow(span))
    }

    fn keys(&self, a: AssignmentId, m: MeasureId, explicit: Option<PartId>) -> Vec<Key> {
        match self.part_for(a, explicit) {
            Some(p) => vec![(a, Some(p), m)],
            None => std::iter::once(None).chain(self.model.assignments[a].part_ids().map(Some)).map(|p| (a, p, m)).collect(),
        }
    }

    fn budget(&self, a: AssignmentId, m: MeasureId, part: Option<PartId>, span: Span) -> Result<Decimal, Fault> {
        let data = self.data(span)?;
        let values: Vec<Decimal> = self.keys(a, m, part).iter().filter_map(|k| data.budget.get(k).map(|b| b.value)).collect();
        if values.is_empty() {
            return Err(Fault::Missing(span, self.missing("Budget", a, m, part)));
        }
        values.into_iter().try_fold(Decimal::ZERO, |acc, v| acc.checked_add(v)).ok_or(Fault::Overflow(span))
    }

    fn volume(&self, a: AssignmentId, m: MeasureId, part: Option<PartId>, span: Span) -> Result<Decimal, Fault> {
        let data = self.data(span)?;
        let rows: Vec<_> = self.keys(a, m, part).iter().filter_map(|k| data.volume.get(k)).collect();
        if rows.is_empty() {
            return Err(Fault::Missing(span, self.missing("Volymer", a, m, part)));
        }
        let mut total = Decimal::ZERO;
        for r in rows {
            for i in self.month_range() {
                total = total.checked_add(r.values[i]).ok_or(Fault::Overflow(span))?;
            }
        }
        Ok(total)
    }

    fn missing(&self, sheet: &str, a: AssignmentId, m: MeasureId, part: Option<PartId>) -> MissingInput {
        let asg = &self.model.assignments[a];
        MissingInput::Row {
            sheet: sheet.to_string(),
            assignment: asg.id.clone(),
            part: self.part_for(a, part).map(|p| asg.parts[p].id.clone()),
            measure: self.model.measures[m].name.clone(),
        }
    }

    /// `föregående.x` in the previous year's model. A parameter that changed within
    /// last year (`från 2023-07 = …`) carries over at the value it ended the year
    /// with, December's: that is the price the new year indexes, not the year's mean.
    fn previous(&self, x: &Expr, span: Span) -> R {
        let prev = self.previous_scope().ok_or(Fault::NeedsPreviousInput(span))?;
        if let ExprKind::Param(r) = &x.kind {
            let p = prev.model.param(*r);
            if !p.steps.is_empty() {
                return Ok(Value::Num(p.value_in(12)));
            }
        }
        prev.eval(x)
    }

    /// The same place (assignment and part, by id) in the previous year's model.
    pub fn previous_scope(&self) -> Option<Scope<'a>> {
        let prev = self.model.previous.as_deref()?;
        let asg = self.a.map(|a| &self.model.assignments[a]);
        let a = asg.and_then(|x| prev.assignment(&x.id).map(|(i, _)| i));
        let part = match (asg, a, self.part) {
            (Some(cur), Some(pa), Some(p)) => prev.assignments[pa].part_id(&cur.parts[p].id),
            _ => None,
        };
        Some(Scope { model: prev, data: self.previous_data, previous_data: None, a, part, months: self.months })
    }
}

fn scalar(p: &Param) -> Decimal {
    match &p.value {
        ParamValue::Scalar(v) => *v,
        ParamValue::PerPart(v) => v.first().copied().unwrap_or_default(),
        ParamValue::Keyed(v) => v.first().map(|e| e.1).unwrap_or_default(),
    }
}

fn entry(p: &Param, i: usize) -> Decimal {
    match &p.value {
        ParamValue::Scalar(v) => *v,
        ParamValue::PerPart(v) => v.get(i).copied().unwrap_or_default(),
        ParamValue::Keyed(v) => v.get(i).map(|e| e.1).unwrap_or_default(),
    }
}
