//! Evaluation of a checked model against a workbook: monthly transfers,
//! compensation, cost and result, key figures per interval.

pub mod data;
mod interp;
mod keyfigures;
pub mod money;
pub mod results;

use crate::diagnostic::Diagnostic;
use crate::model::{CompKind, Model};
use crate::source::Span;
pub use data::{Data, InputError};
pub use interp::{Fault, Scope, Value};
pub use keyfigures::period_label;
use money::{round_öre, spread};
use results::*;
use rust_decimal::Decimal;

/// What to evaluate.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Year to date up to this month (1..=12); `None` for the full year.
    pub period: Option<u32>,
}

/// An evaluation that cannot give a figure: a diagnostic against the rule file.
#[derive(Debug, Clone)]
pub struct EvalError(pub Diagnostic);

/// Evaluates the whole year (or year to date).
pub fn evaluate(model: &Model, data: &Data, previous_data: Option<&Data>, opts: Options) -> Result<Report, EvalError> {
    let last = opts.period.unwrap_or(12);
    let scope = Scope { model, data: Some(data), previous_data, a: None, part: None, months: (1, last) };
    let assignments =
        (0..model.assignments.len()).map(|a| assignment(&scope, a, last, opts.period.is_some())).collect::<Result<Vec<_>, _>>()?;
    let level1 = level1(&assignments);
    let unmapped = Unmapped { count: data.unmapped.0, sum: data.unmapped.1, codes: data.unmapped_codes.clone() };
    Ok(Report {
        title: model.header.title.clone(),
        year: model.header.year,
        version: model.header.version.clone(),
        period: opts.period,
        assignments,
        level1,
        unmapped,
        provenance: Provenance::default(),
    })
}

/// Turns a fault in a compensation into an error at the formula.
pub fn fault_error(model: &Model, fault: Fault, what: &str) -> EvalError {
    let d = match fault {
        Fault::DivZero(span) => Diagnostic::error(span, format!("division by zero in {what}: `{}` is 0", model.source.slice(span))),
        Fault::Overflow(span) => Diagnostic::error(span, format!("{what} is too large for an exact decimal")),
        Fault::Missing(span, msg) => Diagnostic::error(span, format!("{what}: {msg}")).with_hint("add the row to the workbook"),
        Fault::NeedsPreviousInput(span) => Diagnostic::error(span, format!("{what} needs the previous year's inputs"))
            .with_hint("pass the previous year's workbook with `--previous-input`"),
    };
    EvalError(d)
}

fn assignment(scope: &Scope, a: usize, last: u32, ytd: bool) -> Result<AssignmentResult, EvalError> {
    let model = scope.model;
    let asg = &model.assignments[a];
    let here = Scope { a: Some(a), ..*scope };
    let all = monthly_transfers(&here, a)?;
    let months: Vec<MonthLine> = all.iter().copied().filter(|l| l.month <= last).collect();
    let compensation = sum_lines(&months);
    let cost = here.num(&cost_expr(a)).map_err(|f| fault_error(model, f, "the cost"))?;
    let key_figures = keyfigures::evaluate(&here, a, last)?;
    let forecast = ytd.then(|| forecast(&all, &compensation, cost, last));
    Ok(AssignmentResult {
        id: asg.id.clone(),
        name: asg.name.clone(),
        board: asg.board.clone(),
        care_form: asg.care_form.clone(),
        compensation,
        months,
        cost,
        result: compensation.total - cost,
        key_figures,
        activities: activities(scope, a, last),
        forecast,
    })
}

fn cost_expr(a: usize) -> crate::model::Expr {
    crate::model::Expr { kind: crate::model::ExprKind::Cost(a), span: Span::default() }
}

/// Twelve transfer lines: fixed in twelve equal parts (remainder on December),
/// variable per month rounded to öre, changes spread over their months.
pub fn monthly_transfers(scope: &Scope, a: usize) -> Result<Vec<MonthLine>, EvalError> {
    let model = scope.model;
    let asg = &model.assignments[a];
    let fixed = round_öre(
        scope
            .compensation(a, CompKind::Fixed, asg.span)
            .map_err(|f| fault_error(model, f, &format!("the fixed compensation of `{}`", asg.id)))?,
    );
    let fixed_lines = spread(fixed, 12);
    let mut lines: Vec<MonthLine> = (1..=12)
        .map(|m| MonthLine { month: m, amounts: Compensation { fixed: fixed_lines[m as usize - 1], ..Compensation::default() } })
        .collect();
    if asg.variable.is_some() {
        for line in lines.iter_mut() {
            let s = Scope { months: (line.month, line.month), ..*scope };
            let v = s
                .compensation(a, CompKind::Variable, asg.span)
                .map_err(|f| fault_error(model, f, &format!("the variable compensation of `{}` for month {}", asg.id, line.month)))?;
            line.amounts.variable = round_öre(v);
        }
    }
    for change in &asg.changes {
        let amount = round_öre(
            Scope { months: (1, 12), ..*scope }
                .num(&change.amount.expr)
                .map_err(|f| fault_error(model, f, &format!("the change `{}`", change.id)))?,
        );
        let first = change.from_month as usize - 1;
        for (i, part) in spread(amount, 12 - first).into_iter().enumerate() {
            lines[first + i].amounts.changes += part;
        }
    }
    for line in lines.iter_mut() {
        let c = &mut line.amounts;
        c.total = c.fixed + c.variable + c.changes;
    }
    Ok(lines)
}

/// Sums transfer lines.
pub fn sum_lines(lines: &[MonthLine]) -> Compensation {
    lines.iter().fold(Compensation::default(), |acc, l| Compensation {
        fixed: acc.fixed + l.amounts.fixed,
        variable: acc.variable + l.amounts.variable,
        changes: acc.changes + l.amounts.changes,
        total: acc.total + l.amounts.total,
    })
}

fn forecast(all: &[MonthLine], ytd: &Compensation, cost: Decimal, last: u32) -> Forecast {
    let year = sum_lines(all);
    let factor = Decimal::from(12) / Decimal::from(last);
    let variable = round_öre(ytd.variable * factor);
    let compensation = Compensation { fixed: year.fixed, variable, changes: year.changes, total: year.fixed + variable + year.changes };
    let cost = round_öre(cost * factor);
    Forecast { compensation, cost, result: compensation.total - cost }
}

fn activities(scope: &Scope, a: usize, last: u32) -> Vec<(String, Decimal)> {
    let asg = &scope.model.assignments[a];
    let Some(data) = scope.data else { return vec![] };
    let names: Vec<String> = match (asg.activities.is_empty(), asg.parts.is_empty()) {
        (false, _) => asg.activities.iter().map(|x| x.name.clone()).collect(),
        (true, false) => asg.parts.iter().map(|p| p.name.clone()).collect(),
        (true, true) => vec![],
    };
    let costs: Vec<Decimal> = data.activities[a].iter().map(|m| m[..last as usize].iter().sum()).collect();
    let mut out: Vec<(String, Decimal)> = names.into_iter().zip(costs.iter().copied()).collect();
    let rest = costs.get(out.len()).copied().unwrap_or_default();
    if !rest.is_zero() || out.is_empty() {
        let label = if out.is_empty() { asg.name.clone() } else { "Övrigt".to_string() };
        out.push((label, rest));
    }
    out
}

fn level1(assignments: &[AssignmentResult]) -> Vec<Level1> {
    let mut out: Vec<Level1> = vec![];
    for a in assignments {
        let i = match out.iter().position(|l| l.board == a.board && l.care_form == a.care_form) {
            Some(i) => i,
            None => {
                out.push(Level1 {
                    board: a.board.clone(),
                    care_form: a.care_form.clone(),
                    compensation: Decimal::ZERO,
                    cost: Decimal::ZERO,
                    result: Decimal::ZERO,
                });
                out.len() - 1
            }
        };
        let l = &mut out[i];
        l.compensation += a.compensation.total;
        l.cost += a.cost;
        l.result += a.result;
    }
    out
}
