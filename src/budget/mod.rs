//! The ersättningsbrygga (`ekostyr budget`): from last year's compensation per
//! assignment to next year's, in steps derived from the rules.
//!
//! Every step is the difference of two evaluations of a chain of scenarios, so
//! start + Σ steps = end holds exactly, per assignment, per nämnd and in total:
//!
//! - S0: last year's rules on last year's workbook (the start);
//! - Sa: the same without last year's mid-year changes (step `förändringar_upphör`);
//! - S1: the new rules on last year's budget and volumes, with `prisindex` and
//!   `effektiviseringskrav` at 0 and without the new year's changes (step `ambition`);
//! - S2: + `prisindex` (step `prisindex`);
//! - S3: + `effektiviseringskrav`, where the rules have it (step `effektiviseringskrav`);
//! - S4: + next year's Budget sheet (step `volymförändring`);
//! - S5: + the new year's mid-year changes (step `förändringar`): the end.
//!
//! An assignment in one year only is a structural change: its start (old only)
//! or its end (new only) is the step `strukturförändring`. So is a part (`del`) in
//! one year only, of an assignment of both: what it adds to each step of the chain
//! (its compensation as [`crate::eval::parts`] splits it) is moved from that step to
//! `strukturförändring`, so the sums stay exact. A part whose share does not split
//! out of the assignment's formula (the assignment's unsplit rest) stays where it is.
//!
//! Each step names its causes ([`causes`]): the values, formulas, budget quantities,
//! parts and mid-year changes that moved.

pub mod causes;
pub mod render;

pub use causes::Cause;

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::eval::data::BridgeInput;
use crate::eval::{self, Data, Options, money};
use crate::model::{Model, ParamValue};
use crate::source::Span;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::path::Path;

/// The kinds of step, in the order the bridge shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StepKind {
    /// Assignments added or removed.
    Structure,
    /// Last year's mid-year changes that end with the year.
    EndedChanges,
    /// Changed rules (ambition): the new rules at last year's prices and quantities.
    Ambition,
    /// The price index.
    PriceIndex,
    /// The efficiency requirement.
    Efficiency,
    /// Next year's budget quantities against last year's.
    Volume,
    /// The new year's mid-year changes.
    NewChanges,
}

impl StepKind {
    /// Every kind, in order.
    pub const ALL: [StepKind; 7] = [
        StepKind::Structure,
        StepKind::EndedChanges,
        StepKind::Ambition,
        StepKind::PriceIndex,
        StepKind::Efficiency,
        StepKind::Volume,
        StepKind::NewChanges,
    ];

    /// The kind as JSON names it.
    pub fn key(self) -> &'static str {
        match self {
            StepKind::Structure => "strukturförändring",
            StepKind::EndedChanges => "förändringar_upphör",
            StepKind::Ambition => "ambition",
            StepKind::PriceIndex => "prisindex",
            StepKind::Efficiency => "effektiviseringskrav",
            StepKind::Volume => "volymförändring",
            StepKind::NewChanges => "förändringar",
        }
    }
}

/// One step: its kind, amount in kronor and what caused it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// What moved.
    pub kind: StepKind,
    /// Kronor.
    pub amount: Decimal,
    /// The values, quantities, parts and changes behind the amount (none when it is zero).
    pub causes: Vec<Cause>,
}

impl Step {
    fn new(kind: StepKind, amount: Decimal) -> Step {
        Step { kind, amount, causes: vec![] }
    }
}

/// A bridge of one assignment, one nämnd or the total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Assignment id or board id (empty for the total).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Board id and name (of an assignment; the board itself for a board line).
    pub board: (String, String),
    /// Last year's compensation.
    pub start: Decimal,
    /// Next year's.
    pub end: Decimal,
    /// The steps, one per kind of the bridge, in order.
    pub steps: Vec<Step>,
}

impl Line {
    /// Per cent of the start a step is (`None` when the start is 0).
    pub fn percent(&self, amount: Decimal) -> Option<Decimal> {
        if self.start.is_zero() {
            return None;
        }
        amount.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(self.start)
    }
}

/// The whole bridge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bridge {
    /// Title of the new rules.
    pub title: String,
    /// Last year.
    pub from_year: i32,
    /// Next year.
    pub to_year: i32,
    /// What the figures rest on, one sentence a line.
    pub basis: Vec<String>,
    /// The total.
    pub total: Line,
    /// Per nämnd, in the order of the rules.
    pub boards: Vec<Line>,
    /// Per assignment: the new rules' order, then those of last year only.
    pub assignments: Vec<Line>,
    /// The rate behind a step, as the new rules set it (`prisindex` 0,029).
    pub rates: Vec<(StepKind, Decimal)>,
}

/// Where the figures come from.
#[derive(Debug, Clone)]
pub struct Inputs<'a> {
    /// Last year's workbook.
    pub last_year: &'a Path,
    /// How to name it.
    pub last_year_name: String,
    /// Next year's budget workbook, if any.
    pub budget: Option<(&'a Path, String)>,
    /// Next year's workbook of planned monthly volumes, if any; without it next year's
    /// variable compensation is estimated on last year's volumes.
    pub planned_volumes: Option<(&'a Path, String)>,
}

/// Builds the bridge from the new rules (which build on last year's).
pub fn build(new: &Model, inputs: &Inputs<'_>) -> Result<Bridge, Error> {
    let old = new.previous.as_deref().ok_or_else(|| needs_previous(new))?;
    let from_year = old.header.year;
    let to_year = new.header.year;
    // S0 and Sa: last year's rules on last year's workbook.
    let old_data = eval::data::load_for_bridge(old, inputs.last_year, from_year, BridgeInput::Start)?;
    let s0 = totals(old, &old_data, None)?;
    let sa = totals(&without_changes(old), &old_data, None)?;
    // Last year's budget and volumes, read for the new rules.
    let mut last = eval::data::load_for_bridge(new, inputs.last_year, from_year, BridgeInput::LastYearForNew)?;
    let next_budget = match &inputs.budget {
        Some((path, _)) => Some(eval::data::load_for_bridge(new, path, to_year, BridgeInput::NextBudget)?.budget),
        None => None,
    };
    let mut next = last.clone();
    if let Some(b) = next_budget {
        // A quantity last year's workbook lacks (a new measure) is taken as next year's:
        // its effect is a rule change, not a volume change.
        for (k, v) in &b {
            last.budget.entry(*k).or_insert_with(|| v.clone());
        }
        next.budget = b;
    }
    // Planned volumes replace last year's in the end scenario: their effect is part of
    // the volume step, as next year's budget quantities are.
    if let Some((path, _)) = &inputs.planned_volumes {
        next.volume = eval::data::load_for_bridge(new, path, to_year, BridgeInput::NextBudget)?.volume;
    }
    let prev = Some(&old_data);
    let plain = without_changes(new);
    let has_index = has_param(new, PRICE_INDEX);
    let has_efficiency = has_param(new, EFFICIENCY);
    let at_last_prices = zeroed(&plain, &[PRICE_INDEX, EFFICIENCY]);
    let s1 = totals(&at_last_prices, &last, prev)?;
    // Rule changes are the new rules at last year's prices against last year's; the
    // rates are the new rules' own.
    let mut values = causes::changed_values(old, &at_last_prices);
    values.retain(|c| !is_rate(&c.name));
    values.extend(causes::changed_values(old, new).into_iter().filter(|c| is_rate(&c.name)));
    let s2 = totals(&zeroed(&plain, &[EFFICIENCY]), &last, prev)?;
    let s3 = totals(&plain, &last, prev)?;
    let s4 = totals(&plain, &next, prev)?;
    let s5 = totals(new, &next, prev)?;
    let mut kinds = vec![StepKind::Structure, StepKind::EndedChanges, StepKind::Ambition];
    kinds.extend(has_index.then_some(StepKind::PriceIndex));
    kinds.extend(has_efficiency.then_some(StepKind::Efficiency));
    kinds.extend([StepKind::Volume, StepKind::NewChanges]);
    let chain = [(StepKind::EndedChanges, &s0, &sa), (StepKind::Ambition, &sa, &s1), (StepKind::PriceIndex, &s1, &s2)];
    let chain = chain.into_iter().chain([(StepKind::Efficiency, &s2, &s3), (StepKind::Volume, &s3, &s4), (StepKind::NewChanges, &s4, &s5)]);
    let chain: Vec<_> = chain.collect();
    let chain: Vec<(StepKind, &Totals, &Totals)> = chain.into_iter().filter(|(k, _, _)| kinds.contains(k)).collect();
    let mut assignments = vec![];
    let old_ids: Vec<&str> = old.assignments.iter().map(|a| a.id.as_str()).collect();
    for (ai, a) in new.assignment_ids().zip(&new.assignments) {
        let end = s5.get(&a.id).map(|f| f.total).unwrap_or_default();
        let mut line = Line { id: a.id.clone(), name: a.name.clone(), board: a.board.clone(), start: Decimal::ZERO, end, steps: vec![] };
        match s0.get(&a.id) {
            Some(start) if old_ids.contains(&a.id.as_str()) => {
                line.start = start.total;
                for kind in &kinds {
                    let amount = match chain.iter().find(|(k, _, _)| k == kind) {
                        Some((_, from, to)) => diff(from, to, &a.id)?,
                        None => Decimal::ZERO,
                    };
                    line.steps.push(Step::new(*kind, amount));
                }
                move_parts(&mut line, &chain, old, new)?;
                let rules = Rules { old, new, values: &values, s0: &s0, s5: &s5 };
                name_causes(&mut line, &rules, &last, &next, ai);
            }
            _ => line.steps = structural(&kinds, end, causes::assignment(new, a, end, false)),
        }
        assignments.push(line);
    }
    for a in old.assignments.iter().filter(|a| new.assignment(&a.id).is_none()) {
        let start = s0.get(&a.id).map(|f| f.total).unwrap_or_default();
        let steps = structural(&kinds, -start, causes::assignment(old, a, start, true));
        assignments.push(Line { id: a.id.clone(), name: a.name.clone(), board: a.board.clone(), start, end: Decimal::ZERO, steps });
    }
    let mut boards: Vec<Line> = vec![];
    for a in &assignments {
        match boards.iter_mut().find(|b| b.id == a.board.0) {
            Some(b) => add_into(b, a)?,
            None => boards.push(Line { id: a.board.0.clone(), name: a.board.1.clone(), board: a.board.clone(), ..a.clone() }),
        }
    }
    let mut total =
        Line { id: String::new(), name: String::new(), board: Default::default(), start: Decimal::ZERO, end: Decimal::ZERO, steps: vec![] };
    total.steps = kinds.iter().map(|k| Step::new(*k, Decimal::ZERO)).collect();
    for b in &boards {
        add_into(&mut total, b)?;
    }
    let rates = [(StepKind::PriceIndex, PRICE_INDEX), (StepKind::Efficiency, EFFICIENCY)]
        .into_iter()
        .filter_map(|(k, name)| scalar(new, name).map(|v| (k, v)))
        .collect();
    let basis = basis(from_year, to_year, old, new, inputs);
    Ok(Bridge { title: new.header.title.clone(), from_year, to_year, basis, total, boards, assignments, rates })
}

const PRICE_INDEX: &str = "prisindex";
const EFFICIENCY: &str = "effektiviseringskrav";

/// Whether a value's name is a rate of its own step (`prisindex`, `prisindex från 2024-07`).
fn is_rate(name: &str) -> bool {
    [PRICE_INDEX, EFFICIENCY].iter().any(|r| name == *r || name.starts_with(&format!("{r} ")))
}

/// The sentences of the header: what start and end are evaluated on.
fn basis(from: i32, to: i32, old: &Model, new: &Model, inputs: &Inputs<'_>) -> Vec<String> {
    let from_s = from.to_string();
    let to_s = to.to_string();
    let mut out = vec![crate::tr!(
        "budget-basis-start",
        year = from_s.as_str(),
        rules = old.source.name.as_str(),
        input = inputs.last_year_name.as_str()
    )];
    out.push(match &inputs.budget {
        Some((_, name)) => crate::tr!("budget-basis-end", year = to_s.as_str(), rules = new.source.name.as_str(), budget = name.as_str()),
        None => crate::tr!("budget-basis-end-no-budget", year = to_s.as_str(), rules = new.source.name.as_str(), last = from_s.as_str()),
    });
    out.push(match &inputs.planned_volumes {
        Some((_, name)) => crate::tr!("budget-basis-planned-volumes", year = to_s.as_str(), volumes = name.as_str()),
        None => crate::tr!("budget-basis-volumes", year = from_s.as_str()),
    });
    out
}

/// The error of a rules file without `bygger_på`: at its `år` line.
fn needs_previous(model: &Model) -> Error {
    let text = &model.source.text;
    let at = text.match_indices("år").find(|(i, _)| *i == 0 || text[..*i].ends_with('\n')).map(|(i, _)| i).unwrap_or(0);
    let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
    let d = Diagnostic::error(Span { start: at, end }, crate::tr!("budget-needs-previous", year = model.header.year.to_string()))
        .with_hint(crate::tr!("budget-needs-previous-hint", last = model.header.year.saturating_sub(1).to_string()));
    Error::eval(eval::EvalError(d), &model.source)
}

/// An assignment's compensation in one scenario: in total, per part, per mid-year change.
#[derive(Debug, Clone, Default)]
struct Figures {
    total: Decimal,
    /// Per part id (the parts the compensation splits to).
    parts: Vec<(String, Decimal)>,
    /// Per mid-year change id: its amount paid.
    changes: Vec<(String, Decimal)>,
}

impl Figures {
    fn part(&self, id: &str) -> Decimal {
        self.parts.iter().find(|(p, _)| p == id).map(|(_, v)| *v).unwrap_or_default()
    }
}

/// The figures of each assignment id in one scenario.
type Totals = BTreeMap<String, Figures>;

/// Compensation per assignment id (in total, per part, per change).
fn totals(model: &Model, data: &Data, previous: Option<&Data>) -> Result<Totals, Error> {
    let report = eval::evaluate(model, data, previous, Options::default()).map_err(|e| Error::eval(e, &model.source))?;
    let figures = |a: eval::results::AssignmentResult| Figures {
        total: a.compensation.total,
        parts: a.parts.iter().filter_map(|p| p.id.clone().map(|id| (id, p.compensation))).collect(),
        changes: a.mid_year_changes.iter().map(|c| (c.id.clone(), c.amount)).collect(),
    };
    Ok(report.assignments.into_iter().map(|a| (a.id.clone(), figures(a))).collect())
}

fn diff(from: &Totals, to: &Totals, id: &str) -> Result<Decimal, Error> {
    let a = from.get(id).map(|f| f.total).unwrap_or_default();
    let b = to.get(id).map(|f| f.total).unwrap_or_default();
    money::sub(b, a).map_err(|_| too_large())
}

/// The part ids of assignment `id` in `m`.
fn part_ids(m: &Model, id: &str) -> Vec<String> {
    m.assignment(id).map(|(_, a)| a.parts.iter().map(|p| p.id.clone()).collect()).unwrap_or_default()
}

/// Moves what each part of one year only adds to each step into `strukturförändring`.
fn move_parts(line: &mut Line, chain: &[(StepKind, &Totals, &Totals)], old: &Model, new: &Model) -> Result<(), Error> {
    let (old_parts, new_parts) = (part_ids(old, &line.id), part_ids(new, &line.id));
    let once: Vec<&String> =
        old_parts.iter().filter(|p| !new_parts.contains(p)).chain(new_parts.iter().filter(|p| !old_parts.contains(p))).collect();
    for part in once {
        let mut moved = Decimal::ZERO;
        for (kind, from, to) in chain {
            let at = |t: &Totals| t.get(&line.id).map(|f| f.part(part)).unwrap_or_default();
            let delta = money::sub(at(to), at(from)).map_err(|_| too_large())?;
            if let Some(step) = line.steps.iter_mut().find(|s| s.kind == *kind) {
                step.amount = money::sub(step.amount, delta).map_err(|_| too_large())?;
                moved = money::add(moved, delta).map_err(|_| too_large())?;
            }
        }
        if let Some(step) = line.steps.iter_mut().find(|s| s.kind == StepKind::Structure) {
            step.amount = money::add(step.amount, moved).map_err(|_| too_large())?;
        }
    }
    Ok(())
}

/// The two years' rules, what differs between them, and the start and end scenarios.
struct Rules<'a> {
    old: &'a Model,
    new: &'a Model,
    values: &'a [Cause],
    s0: &'a Totals,
    s5: &'a Totals,
}

/// Names the causes of each non-zero step of an assignment of both years.
fn name_causes(line: &mut Line, r: &Rules<'_>, last: &Data, next: &Data, ai: crate::model::AssignmentId) {
    let id = line.id.clone();
    let (new_a, old_a) = (&r.new.assignments[ai], r.old.assignment(&id).map(|(_, a)| a));
    for step in line.steps.iter_mut().filter(|s| !s.amount.is_zero()) {
        step.causes = match step.kind {
            StepKind::Structure => {
                let (old_parts, new_parts) = (part_ids(r.old, &id), part_ids(r.new, &id));
                let start = r.s0.get(&id).cloned().unwrap_or_default();
                let end = r.s5.get(&id).cloned().unwrap_or_default();
                let removed = old_parts.iter().filter(|p| !new_parts.contains(p));
                let mut out: Vec<Cause> = match old_a {
                    Some(oa) => removed.map(|p| causes::part(r.old, oa, p, start.part(p), true)).collect(),
                    None => vec![],
                };
                let added = new_parts.iter().filter(|p| !old_parts.contains(p));
                out.extend(added.map(|p| causes::part(r.new, new_a, p, end.part(p), false)));
                out
            }
            StepKind::EndedChanges => match (old_a, r.s0.get(&id)) {
                (Some(oa), Some(f)) => f.changes.iter().map(|(c, v)| causes::change(r.old, oa, c, *v, true)).collect(),
                _ => vec![],
            },
            StepKind::NewChanges => match r.s5.get(&id) {
                Some(f) => f.changes.iter().map(|(c, v)| causes::change(r.new, new_a, c, *v, false)).collect(),
                None => vec![],
            },
            StepKind::Volume => causes::quantities(r.new, ai, last, next),
            kind => causes::of_rules(kind, r.values, &id, r.old, r.new),
        };
    }
}

fn too_large() -> Error {
    Error::Usage(crate::tr!("budget-too-large"))
}

/// The steps of an assignment of one year only: all of it is a structural change.
fn structural(kinds: &[StepKind], amount: Decimal, cause: Cause) -> Vec<Step> {
    let step = |k: StepKind| match k {
        StepKind::Structure if !amount.is_zero() => Step { kind: k, amount, causes: vec![cause.clone()] },
        StepKind::Structure => Step::new(k, amount),
        _ => Step::new(k, Decimal::ZERO),
    };
    kinds.iter().map(|k| step(*k)).collect()
}

/// Adds `line` into `sum`, step by step.
fn add_into(sum: &mut Line, line: &Line) -> Result<(), Error> {
    sum.start = money::add(sum.start, line.start).map_err(|_| too_large())?;
    sum.end = money::add(sum.end, line.end).map_err(|_| too_large())?;
    for (s, l) in sum.steps.iter_mut().zip(&line.steps) {
        s.amount = money::add(s.amount, l.amount).map_err(|_| too_large())?;
        for c in &l.causes {
            if !s.causes.contains(c) {
                s.causes.push(c.clone());
            }
        }
    }
    Ok(())
}

/// The model without its mid-year changes.
fn without_changes(model: &Model) -> Model {
    let mut m = model.clone();
    for a in &mut m.assignments {
        a.changes.clear();
    }
    m
}

/// The value of a global scalar parameter (before any `från` steps).
fn scalar(model: &Model, name: &str) -> Option<Decimal> {
    model.params.iter().find(|p| p.name == name).and_then(|p| match p.value {
        ParamValue::Scalar(x) => Some(x),
        _ => None,
    })
}

fn has_param(model: &Model, name: &str) -> bool {
    model.params.iter().any(|p| p.name == name)
}

/// The model with the named global parameters at 0 all year.
fn zeroed(model: &Model, names: &[&str]) -> Model {
    let mut m = model.clone();
    for p in m.params.iter_mut().filter(|p| names.contains(&p.name.as_str())) {
        if let ParamValue::Scalar(x) = &mut p.value {
            *x = Decimal::ZERO;
            p.steps.clear();
        }
    }
    m
}
