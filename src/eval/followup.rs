//! The board's follow-up of each assignment: the budgeted compensation for the period
//! and the year and the deviations from it, last year's same months, the cost per
//! month, and the forecast's method (linear, last year's same months, or the
//! provider's own figure from the `Prognos` sheet). The method is in `docs/followup.md`.

use super::data::{Data, MonthlyVolume};
use super::interp::{Fault, Scope};
use super::money::{self, Overflow};
use super::results::*;
use super::{EvalError, fault_error, monthly_transfers, sum_lines, too_large};
use crate::model::{Assignment, AssignmentId, CompKind, MeasureId, MeasureKind, Model};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The workbook as the budget sees it: every volume a variable part can be priced on
/// replaced by its budget quantity spread evenly over the twelve months (see
/// [`budget_measure`]); volumes without one are left out, so a formula reading them
/// has no budget. Everything else (Budget, the ledger) as read.
pub fn budget_data(model: &Model, data: &Data) -> Data {
    let mut out = Data { volume: HashMap::new(), ..data.clone() };
    let twelve = Decimal::from(12);
    for (&(a, part, budget), value) in &data.budget {
        let Some(per_month) = value.value.checked_div(twelve) else { continue };
        for volume in model.measure_ids().filter(|&v| budget_measure(model, v) == Some(budget)) {
            let months = MonthlyVolume { values: [per_month; 12], cells: Default::default() };
            out.volume.insert((a, part, volume), months);
        }
    }
    out
}

/// The budget measure of a volume measure: the longest budget measure whose name is
/// the volume's name or the start of it before a `_` (`platser` for `platser_x`);
/// `None` when the rules declare none, or when that budget measure is also the
/// start of another volume's name: `hemtjänsttimmar` budgets the hours of Leanlink
/// and the private providers together, so it is no budget of Leanlink's paid hours,
/// and a deviation against it would be mostly the private providers' share.
pub fn budget_measure(model: &Model, volume: MeasureId) -> Option<MeasureId> {
    let candidate = |v: MeasureId| -> Option<MeasureId> {
        let name = &model.measures[v].name;
        if model.measures[v].kind != MeasureKind::Volume {
            return None;
        }
        model
            .measure_ids()
            .filter(|&b| model.measures[b].kind == MeasureKind::Budget)
            .filter(|&b| {
                let budget = &model.measures[b].name;
                name == budget || name.strip_prefix(budget.as_str()).is_some_and(|rest| rest.starts_with('_'))
            })
            .max_by_key(|&b| model.measures[b].name.len())
    };
    let budget = candidate(volume)?;
    let shared = model.measure_ids().any(|v| v != volume && candidate(v) == Some(budget));
    (!shared).then_some(budget)
}

/// What the follow-up of every assignment reads besides the year's own figures.
pub struct Basis<'a> {
    /// The year's scope (months 1..=last), with the workbook and last year's.
    pub scope: Scope<'a>,
    /// [`budget_data`] of the workbook.
    pub budget: &'a Data,
    /// The last month of the period (12 for the full year).
    pub last: u32,
}

/// Fills each assignment's follow-up, cost per month and forecast method.
pub fn fill(basis: &Basis<'_>, assignments: &mut [AssignmentResult]) -> Result<(), EvalError> {
    for (a, result) in basis.scope.model.assignment_ids().zip(assignments.iter_mut()) {
        fill_one(basis, a, result)?;
    }
    Ok(())
}

fn fill_one(basis: &Basis<'_>, a: AssignmentId, r: &mut AssignmentResult) -> Result<(), EvalError> {
    let model = basis.scope.model;
    let asg = &model.assignments[a];
    let overflow = |_: Overflow| too_large(model, asg.span, &crate::tr!("followup-what", assignment = &asg.id));
    let here = Scope { a: Some(a), part: None, ..basis.scope };
    r.monthly_cost = monthly_cost(&here, a, basis.last).ok_or(Overflow).map_err(overflow)?;
    let last_year = last_year(&here);
    if let (Some(linear), Some(prev)) = (&r.forecast, &last_year) {
        r.forecast = Some(same_months_last_year(asg, r, linear, prev, basis.last).map_err(overflow)?);
    }
    let data = here.data.map(|d| &d.forecasts);
    if let (Some(f), Some(provider)) = (r.forecast.as_mut(), data.and_then(|fs| fs.iter().find(|p| p.assignment == a))) {
        f.result = provider.result;
        f.cost = money::sub(f.compensation.total, provider.result).map_err(overflow)?;
        f.method = ForecastMethod::Provider;
        r.follow_up.forecast_comment = provider.comment.clone();
    }
    r.follow_up.previous = last_year.map(|p| p.over(basis.last)).transpose().map_err(overflow)?;
    if let Some((period, year)) = budget(basis, a)? {
        let outcome = r.forecast.as_ref().map_or(r.compensation.total, |f| f.compensation.total);
        r.follow_up.budget_period = Some(period);
        r.follow_up.deviation_period = Some(money::sub(r.compensation.total, period).map_err(overflow)?);
        r.follow_up.budget_year = Some(year);
        r.follow_up.deviation_year = Some(money::sub(outcome, year).map_err(overflow)?);
    }
    Ok(())
}

/// The cost of each month of the period, from the ledger (Σ = the assignment's cost).
fn monthly_cost(here: &Scope<'_>, a: AssignmentId, last: u32) -> Option<Vec<MonthCost>> {
    let Some(data) = here.data else { return Some(vec![]) };
    (1..=last).map(|month| Some(MonthCost { month, cost: data.cost(a, None, (month, month))? })).collect()
}

/// The budgeted compensation for the period and for the year: the rules evaluated on
/// [`budget_data`]. `None` when the variable part reads a volume without a budget
/// quantity (or divides by one that is 0).
fn budget(basis: &Basis<'_>, a: AssignmentId) -> Result<Option<(Decimal, Decimal)>, EvalError> {
    let model = basis.scope.model;
    let asg = &model.assignments[a];
    let scope = Scope { data: Some(basis.budget), a: Some(a), part: None, months: (1, 12), ..basis.scope };
    if asg.variable.is_some() {
        match scope.compensation(a, CompKind::Variable, asg.span) {
            // A volume without a budget quantity, or a formula that divides by a budget quantity of 0.
            Err(Fault::Missing(..) | Fault::DivZero(_)) => return Ok(None),
            Err(f) => return Err(fault_error(model, f, &crate::tr!("followup-what", assignment = &asg.id))),
            Ok(_) => {}
        }
    }
    let lines = monthly_transfers(&scope, a)?;
    let overflow = |_: Overflow| too_large(model, asg.span, &crate::tr!("followup-what", assignment = &asg.id));
    let period: Vec<MonthLine> = lines.iter().copied().filter(|l| l.month <= basis.last).collect();
    Ok(Some((sum_lines(&period).map_err(overflow)?.total, sum_lines(&lines).map_err(overflow)?.total)))
}

/// Last year's transfers and cost per month of the same assignment (by id), when the
/// rules build on last year's and `--previous-input` gives its workbook.
struct LastYear {
    months: Vec<MonthLine>,
    cost: Vec<Decimal>,
}

impl LastYear {
    /// Compensation, cost and result of months `1..=last`.
    fn over(&self, last: u32) -> Result<PreviousYear, Overflow> {
        let compensation = sum_lines(&self.months[..last as usize])?.total;
        let cost = money::sum(self.cost[..last as usize].iter().copied())?;
        Ok(PreviousYear { compensation, cost, result: money::sub(compensation, cost)? })
    }
}

/// Last year's figures; `None` without last year's rules or workbook, for an assignment
/// last year's rules lack, or when last year's rules cannot be evaluated on their own
/// (they need a `föregående` of their own).
fn last_year(here: &Scope<'_>) -> Option<LastYear> {
    let prev = here.previous_scope()?;
    let (data, pa) = (prev.data?, prev.a?);
    let months = monthly_transfers(&Scope { months: (1, 12), part: None, ..prev }, pa).ok()?;
    let cost = (1..=12).map(|m| data.cost(pa, None, (m, m))).collect::<Option<Vec<_>>>()?;
    Some(LastYear { months, cost })
}

/// Fixed and changes for the full year (as in the linear forecast); the variable part
/// and the cost of the months after the period as last year's same months (the
/// variable part only in months the year's rules pay one).
fn same_months_last_year(
    asg: &Assignment,
    ytd: &AssignmentResult,
    linear: &Forecast,
    prev: &LastYear,
    last: u32,
) -> Result<Forecast, Overflow> {
    let pays_variable = |m: usize| asg.variable.is_some() && asg.variable_validity.is_none_or(|v| v.contains(m as u32 + 1));
    let rest = last as usize..12;
    let later_variable = rest.clone().filter(|&i| pays_variable(i)).map(|i| prev.months[i].amounts.variable);
    let variable = money::add(ytd.compensation.variable, money::sum(later_variable)?)?;
    let cost = money::add(ytd.cost, money::sum(rest.map(|i| prev.cost[i]))?)?;
    let c = &linear.compensation;
    let total = money::sum([c.fixed, variable, c.changes])?;
    let compensation = Compensation { fixed: c.fixed, variable, changes: c.changes, total };
    Ok(Forecast { compensation, cost, result: money::sub(total, cost)?, method: ForecastMethod::SameMonthsLastYear })
}
