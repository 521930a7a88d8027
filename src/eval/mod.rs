//! Evaluation of a checked model against a workbook: monthly transfers,
//! compensation, cost and result, key figures per interval.

pub mod data;
pub mod followup;
mod interp;
mod keyfigures;
mod ledger;
pub mod money;
pub mod parts;
pub mod results;
pub mod shape;
pub mod whatif;

use crate::diagnostic::Diagnostic;
use crate::model::{AssignmentId, CompKind, Model};
use crate::source::Span;
pub use data::{Data, InputError};
pub use interp::{Fault, Scope, Value};
pub use keyfigures::{period_label, period_value};
use money::{Overflow, round_öre, spread};
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
    let mut assignments =
        model.assignment_ids().map(|a| assignment(&scope, a, last, opts.period.is_some())).collect::<Result<Vec<_>, _>>()?;
    let budget = followup::budget_data(model, data);
    followup::fill(&followup::Basis { scope, budget: &budget, last }, &mut assignments)?;
    let level1 = level1(model, &assignments)?;
    totals_fit(model, &assignments)?;
    let unmapped = Unmapped { count: data.unmapped.0, sum: data.unmapped.1, codes: data.unmapped_codes.clone() };
    let pooled = parts::pooled(&assignments).map_err(|(i, _)| {
        let at = model.assignments.get(i).map(|a| a.span).unwrap_or_default();
        too_large(model, at, &crate::tr!("params-what-pooled"))
    })?;
    let decisions = decisions(model);
    let ledger_overflow = |_| too_large(model, Span::default(), &crate::tr!("ledger-what-views"));
    let out_of_scope = ledger::out_of_scope(model, data, last).map_err(ledger_overflow)?;
    let views = ledger::views(model, data, last).map_err(ledger_overflow)?;
    Ok(Report {
        title: model.header.title.clone(),
        year: model.header.year,
        version: model.header.version.clone(),
        period: opts.period,
        assignments,
        level1,
        unmapped,
        out_of_scope,
        views,
        provenance: Provenance::default(),
        decisions,
        pooled,
        what_if: None,
    })
}

/// The rules' decisions, as the report lists them.
fn decisions(model: &Model) -> Vec<DecisionInfo> {
    model
        .header
        .decisions
        .iter()
        .map(|d| DecisionInfo { board: d.board.clone(), date: d.date.clone(), dnr: d.dnr.clone(), about: d.about.clone() })
        .collect()
}

/// Turns a fault in `what` (a compensation, the cost, a key figure) into an error at the formula.
pub fn fault_error(model: &Model, fault: Fault, what: &str) -> EvalError {
    let d = match fault {
        Fault::DivZero(span) => {
            Diagnostic::error(span, crate::tr!("eval-division-by-zero", what = what, divisor = model.source.slice(span)))
        }
        Fault::Overflow(span) => Diagnostic::error(span, crate::tr!("eval-too-large", what = what)),
        Fault::Missing(span, m) => {
            Diagnostic::error(span, crate::tr!("eval-missing-input", what = what, reason = m.describe(crate::i18n::lang())))
                .with_hint(crate::tr!("eval-missing-input-hint"))
        }
        Fault::NeedsPreviousInput(span) => Diagnostic::error(span, crate::tr!("eval-needs-previous-input", what = what))
            .with_hint(crate::tr!("eval-needs-previous-input-hint")),
    };
    EvalError(d)
}

/// An amount of `what` too large for an exact decimal, at `span`.
fn too_large(model: &Model, span: Span, what: &str) -> EvalError {
    fault_error(model, Fault::Overflow(span), what)
}

fn assignment(scope: &Scope, a: AssignmentId, last: u32, ytd: bool) -> Result<AssignmentResult, EvalError> {
    let model = scope.model;
    let asg = &model.assignments[a];
    let here = Scope { a: Some(a), ..*scope };
    let all = monthly_transfers(&here, a)?;
    let months: Vec<MonthLine> = all.iter().copied().filter(|l| l.month <= last).collect();
    let overflow = |what: String| move |_: Overflow| too_large(model, asg.span, &what);
    let compensation = sum_lines(&months).map_err(overflow(crate::tr!("eval-what-compensation", assignment = &asg.id)))?;
    let cost = here.num(&cost_expr(a, asg.span)).map_err(|f| fault_error(model, f, &crate::tr!("eval-what-cost")))?;
    let key_figures = keyfigures::evaluate(&here, a, last)?;
    let parts = part_results(&here, a, &all, &months, last)?;
    let forecast = ytd
        .then(|| forecast(&all, &compensation, cost, last, asg.variable_validity))
        .transpose()
        .map_err(overflow(crate::tr!("eval-what-forecast", assignment = &asg.id)))?;
    Ok(AssignmentResult {
        id: asg.id.clone(),
        name: asg.name.clone(),
        board: asg.board.clone(),
        care_form: asg.care_form.clone(),
        compensation,
        months,
        cost,
        result: money::sub(compensation.total, cost).map_err(overflow(crate::tr!("eval-what-result", assignment = &asg.id)))?,
        key_figures,
        activities: activities(scope, a, last).map_err(overflow(crate::tr!("eval-what-activities", assignment = &asg.id)))?,
        level3: match scope.data {
            Some(data) => ledger::level3(model, data, a, last, cost),
            None => ledger::level3(model, &Data::empty(model), a, last, cost),
        }
        .map_err(overflow(crate::tr!("ledger-what-level3", assignment = &asg.id)))?,
        change_ledger: match scope.data {
            Some(data) => ledger::change_ledger(model, data, a, last),
            None => Ok(vec![]),
        }
        .map_err(overflow(crate::tr!("ledger-what-change-ledger", assignment = &asg.id)))?,
        forecast,
        parts,
        mid_year_changes: change_results(&here, a)?,
        follow_up: FollowUp::default(),
        monthly_cost: Vec::new(),
    })
}

/// Compensation, cost and result per part of `a` over the period's transfer lines.
fn part_results(here: &Scope, a: AssignmentId, all: &[MonthLine], months: &[MonthLine], last: u32) -> Result<Vec<PartResult>, EvalError> {
    let model = here.model;
    let asg = &model.assignments[a];
    if asg.parts.is_empty() {
        return Ok(vec![]);
    }
    let what = || crate::tr!("params-what-parts", assignment = &asg.id);
    let raw = parts::raw_splits(here, a).map_err(|f| fault_error(model, f, &what()))?;
    let comp = parts::compensation_per_part(&raw, all, months).map_err(|_| too_large(model, asg.span, &what()))?;
    parts::part_results(here, a, &comp, last).map_err(|_| too_large(model, asg.span, &what()))
}

/// The assignment's changes as reports list them, with their whole amounts.
fn change_results(scope: &Scope, a: AssignmentId) -> Result<Vec<ChangeResult>, EvalError> {
    let model = scope.model;
    let year = model.header.year;
    let mut out = vec![];
    for c in &model.assignments[a].changes {
        let what = || crate::tr!("eval-what-change", change = &c.id);
        let amount = round_öre(Scope { months: (1, 12), ..*scope }.num(&c.amount.expr).map_err(|f| fault_error(model, f, &what()))?);
        out.push(ChangeResult {
            id: c.id.clone(),
            name: c.name.clone(),
            kind: c.kind,
            from: format!("{year}-{:02}", c.from_month),
            to: format!("{year}-{:02}", c.to_month),
            amount,
            decision: c.decision.as_ref().map(|d| ChangeDecisionResult {
                board: d.board.clone(),
                date: d.date.clone(),
                dnr: d.dnr.clone(),
            }),
            report: c.report.as_ref().map(|t| ChangeReport { text: t.clone(), due: c.report_due.clone() }),
        });
    }
    Ok(out)
}

/// The assignment's cost as an expression, at the assignment: a cost too large is reported there.
fn cost_expr(a: AssignmentId, span: Span) -> crate::model::Expr {
    crate::model::Expr { kind: crate::model::ExprKind::Cost(a), span }
}

/// Twelve transfer lines: fixed in twelve equal parts (remainder on December),
/// variable per month rounded to öre, changes spread over their months.
pub fn monthly_transfers(scope: &Scope, a: AssignmentId) -> Result<Vec<MonthLine>, EvalError> {
    let model = scope.model;
    let asg = &model.assignments[a];
    let fixed_what = || crate::tr!("eval-what-fixed", assignment = &asg.id);
    let fixed = round_öre(scope.compensation(a, CompKind::Fixed, asg.span).map_err(|f| fault_error(model, f, &fixed_what()))?);
    // A fixed amount with a validity is paid in its valid months only, evenly (remainder on the last).
    let valid = asg.fixed_validity.unwrap_or(crate::model::Validity { from: 1, to: 12 });
    let paid = spread(fixed, valid.overlap((1, 12)) as usize).map_err(|_| too_large(model, asg.span, &fixed_what()))?;
    let fixed_lines: Vec<Decimal> =
        (1..=12).map(|m| if valid.contains(m) { paid[(m - valid.from) as usize] } else { Decimal::ZERO }).collect();
    let year = model.header.year;
    let mut lines: Vec<MonthLine> = (1..=12)
        .map(|m| MonthLine { year, month: m, amounts: Compensation { fixed: fixed_lines[m as usize - 1], ..Compensation::default() } })
        .collect();
    if asg.variable.is_some() {
        for line in lines.iter_mut() {
            let s = Scope { months: (line.month, line.month), ..*scope };
            let v = s
                .compensation(a, CompKind::Variable, asg.span)
                .map_err(|f| fault_error(model, f, &crate::tr!("eval-what-variable", assignment = &asg.id, month = line.month)))?;
            line.amounts.variable = round_öre(v);
        }
    }
    for change in &asg.changes {
        add_change(scope, change, &mut lines)?;
    }
    for line in lines.iter_mut() {
        let c = &mut line.amounts;
        c.total = money::sum([c.fixed, c.variable, c.changes])
            .map_err(|_| too_large(model, asg.span, &crate::tr!("eval-what-transfer", assignment = &asg.id, month = line.month)))?;
    }
    Ok(lines)
}

/// Spreads a change's amount over its months, from its first month to its last (December unless `till`).
fn add_change(scope: &Scope, change: &crate::model::Change, lines: &mut [MonthLine]) -> Result<(), EvalError> {
    let model = scope.model;
    let what = || crate::tr!("eval-what-change", change = &change.id);
    let amount = round_öre(Scope { months: (1, 12), ..*scope }.num(&change.amount.expr).map_err(|f| fault_error(model, f, &what()))?);
    let first = change.from_month as usize - 1;
    let overflow = |_| too_large(model, change.span, &what());
    let months = (change.to_month as usize).clamp(first + 1, 12) - first;
    for (i, part) in spread(amount, months).map_err(overflow)?.into_iter().enumerate() {
        let c = &mut lines[first + i].amounts.changes;
        *c = money::add(*c, part).map_err(overflow)?;
    }
    Ok(())
}

/// Sums transfer lines, checked.
pub fn sum_lines(lines: &[MonthLine]) -> Result<Compensation, Overflow> {
    lines.iter().try_fold(Compensation::default(), |acc, l| add_compensation(&acc, &l.amounts))
}

/// Fixed and changes for the full year; variable and cost extrapolated by 12/n
/// (the variable compensation over its valid months: valid months of the year / valid
/// months so far; nothing to extrapolate from when none has passed).
fn forecast(
    all: &[MonthLine],
    ytd: &Compensation,
    cost: Decimal,
    last: u32,
    valid: Option<crate::model::Validity>,
) -> Result<Forecast, Overflow> {
    let year = sum_lines(all)?;
    let factor = Decimal::from(12) / Decimal::from(last);
    let variable = match valid {
        None => round_öre(money::mul(ytd.variable, factor)?),
        Some(v) if v.overlap((1, last)) == 0 => Decimal::ZERO,
        Some(v) => round_öre(money::mul(ytd.variable, Decimal::from(v.overlap((1, 12))) / Decimal::from(v.overlap((1, last))))?),
    };
    let total = money::sum([year.fixed, variable, year.changes])?;
    let compensation = Compensation { fixed: year.fixed, variable, changes: year.changes, total };
    let cost = round_öre(money::mul(cost, factor)?);
    Ok(Forecast { compensation, cost, result: money::sub(total, cost)?, method: ForecastMethod::Linear })
}

/// Cost per named activity (or part) over the period; the rest as [`Activity::Other`].
fn activities(scope: &Scope, a: AssignmentId, last: u32) -> Result<Vec<ActivityCost>, Overflow> {
    let asg = &scope.model.assignments[a];
    let Some(data) = scope.data else { return Ok(vec![]) };
    let names: Vec<String> = match (asg.activities.is_empty(), asg.parts.is_empty()) {
        (false, _) => asg.activities.iter().map(|x| x.name.clone()).collect(),
        (true, false) => asg.parts.iter().map(|p| p.name.clone()).collect(),
        (true, true) => vec![],
    };
    let costs: Vec<Decimal> =
        data.activities_of(a).iter().map(|m| money::sum(m[..last as usize].iter().copied())).collect::<Result<_, _>>()?;
    let mut out: Vec<ActivityCost> =
        names.into_iter().zip(costs.iter().copied()).map(|(n, cost)| ActivityCost { activity: Activity::Named(n), cost }).collect();
    let rest = costs.get(out.len()).copied().unwrap_or_default();
    if !rest.is_zero() || out.is_empty() {
        let activity = if out.is_empty() { Activity::Named(asg.name.clone()) } else { Activity::Other };
        out.push(ActivityCost { activity, cost: rest });
    }
    Ok(out)
}

/// Checks that the report's sums over all assignments fit (the table's Summa row,
/// the transfers of all assignments per month, the forecast's total), so no renderer
/// meets a total it cannot show. An overflow is reported at the assignment whose
/// amounts no longer fit.
fn totals_fit(model: &Model, assignments: &[AssignmentResult]) -> Result<(), EvalError> {
    let mut all = AllTotals::default();
    for (i, a) in model.assignment_ids().zip(assignments) {
        all.add(a).map_err(|_| {
            let EvalError(d) = too_large(model, model.assignments[i].span, &crate::tr!("guard-what-all-assignments"));
            EvalError(d.with_hint(crate::tr!("guard-all-assignments-hint")))
        })?;
    }
    Ok(())
}

/// Running sums over all assignments: the year (compensation, cost, result),
/// the forecast and every month's transfer.
#[derive(Default)]
struct AllTotals {
    year: Compensation,
    cost: Decimal,
    result: Decimal,
    forecast: [Decimal; 3],
    months: Vec<Compensation>,
}

impl AllTotals {
    fn add(&mut self, a: &AssignmentResult) -> Result<(), Overflow> {
        self.year = add_compensation(&self.year, &a.compensation)?;
        self.cost = money::add(self.cost, a.cost)?;
        self.result = money::add(self.result, a.result)?;
        if let Some(f) = &a.forecast {
            let [c, k, r] = self.forecast;
            self.forecast = [money::add(c, f.compensation.total)?, money::add(k, f.cost)?, money::add(r, f.result)?];
        }
        self.months.resize(self.months.len().max(a.months.len()), Compensation::default());
        for (sum, line) in self.months.iter_mut().zip(&a.months) {
            *sum = add_compensation(sum, &line.amounts)?;
        }
        Ok(())
    }
}

fn add_compensation(a: &Compensation, b: &Compensation) -> Result<Compensation, Overflow> {
    Ok(Compensation {
        fixed: money::add(a.fixed, b.fixed)?,
        variable: money::add(a.variable, b.variable)?,
        changes: money::add(a.changes, b.changes)?,
        total: money::add(a.total, b.total)?,
    })
}

/// Sums per board and care form, in the order first met.
fn level1(model: &Model, assignments: &[AssignmentResult]) -> Result<Vec<Level1>, EvalError> {
    let mut out: Vec<Level1> = vec![];
    for (i, a) in model.assignment_ids().zip(assignments) {
        let at = match out.iter().position(|l| l.board == a.board && l.care_form == a.care_form) {
            Some(at) => at,
            None => {
                let zero = Decimal::ZERO;
                out.push(Level1 { board: a.board.clone(), care_form: a.care_form.clone(), compensation: zero, cost: zero, result: zero });
                out.len() - 1
            }
        };
        let l = &mut out[at];
        let overflow = |_| too_large(model, model.assignments[i].span, &crate::tr!("eval-what-level1", board = &a.board.0));
        l.compensation = money::add(l.compensation, a.compensation.total).map_err(overflow)?;
        l.cost = money::add(l.cost, a.cost).map_err(overflow)?;
        l.result = money::add(l.result, a.result).map_err(overflow)?;
    }
    Ok(out)
}
