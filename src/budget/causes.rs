//! What each step of the bridge rests on: the parameters, computed prices,
//! formulas, budget quantities, parts and mid-year changes that moved, each with
//! old → new (a percentage in procentenheter) and where it is written.
//!
//! Causes are derived from the two models and the two workbooks, never typed in; a
//! step lists them only where its amount is not zero.

use super::{EFFICIENCY, PRICE_INDEX, StepKind};
use crate::eval::data::Key;
use crate::eval::{Data, Scope, money::round_öre};
use crate::model::{Assignment, AssignmentId, CompKind, Expr, ExprKind, Model, ParamRef, ParamValue};
use crate::number::swedish;
use crate::source::Span;
use crate::units::Unit;
use rust_decimal::{Decimal, RoundingStrategy};

/// One cause of a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cause {
    /// What moved: `prisindex`, `vårdboende.referenskostnad.somatik`,
    /// `budget(platser; somatik)`, `del övriga_öppna.ny`, `förändring vårdboende.x`.
    pub name: String,
    /// Last year's value as shown (`2,9 %`, `2 050,00 kr/dygn`), `None` when added.
    pub old: Option<String>,
    /// Next year's value as shown, `None` when removed.
    pub new: Option<String>,
    /// The change: `+0,5 procentenheter` for a percentage, `+3,45 %` otherwise.
    pub change: Option<String>,
    /// Where it is written: `rules/2024.ek:43`, or the workbook cell (`Budget!D12`).
    pub line: String,
}

/// A value with its unit, whether it is written in percent, and where.
struct Value {
    name: String,
    value: Decimal,
    unit: Unit,
    percent: bool,
    at: String,
}

/// `file:line` of a span.
fn at(m: &Model, span: Span) -> String {
    format!("{}:{}", m.source.name, m.source.line_col(span.start).0)
}

/// Parameters, and the `låt` bindings and fixed amounts that need no inputs, evaluated.
fn values(m: &Model) -> Vec<Value> {
    let mut out: Vec<Value> = m.params.iter().flat_map(|p| param_values(m, p, "", &[])).collect();
    for (ai, a) in m.assignment_ids().zip(&m.assignments) {
        let parts: Vec<String> = a.parts.iter().map(|p| p.id.clone()).collect();
        out.extend(a.params.iter().flat_map(|p| param_values(m, p, &format!("{}.", a.id), &parts)));
        for l in &a.lets {
            for part in a.part_scopes(l.per_part) {
                let scope = Scope { model: m, data: None, previous_data: None, a: Some(ai), part, months: (1, 12) };
                if let Ok(v) = scope.num(&l.formula.expr) {
                    let suffix = part.map(|p| format!(".{}", a.parts[p].id)).unwrap_or_default();
                    let name = format!("{}.{}{suffix}", a.id, l.name);
                    out.push(Value { name, value: v, unit: l.formula.unit, percent: false, at: at(m, l.formula.expr.span) });
                }
            }
        }
        let scope = Scope { model: m, data: None, previous_data: None, a: Some(ai), part: None, months: (1, 12) };
        if let (Some(f), Ok(v)) = (&a.fixed, scope.compensation(ai, CompKind::Fixed, a.span)) {
            out.push(Value { name: format!("{}.fast", a.id), value: v, unit: Unit::kr(), percent: false, at: at(m, f.expr.span) });
        }
    }
    out
}

fn param_values(m: &Model, p: &crate::model::Param, prefix: &str, parts: &[String]) -> Vec<Value> {
    let name = format!("{prefix}{}", p.name);
    let percent = m.source.slice(p.span).contains('%');
    let value = |name: String, value: Decimal| Value { name, value, unit: p.unit, percent, at: at(m, p.span) };
    match &p.value {
        ParamValue::Scalar(v) => {
            let year = m.header.year;
            let steps = p.steps.iter().map(|(month, s)| value(format!("{name} från {year}-{month:02}"), *s));
            std::iter::once(value(name.clone(), *v)).chain(steps).collect()
        }
        ParamValue::PerPart(vs) => parts.iter().zip(vs).map(|(k, v)| value(format!("{name}.{k}"), *v)).collect(),
        ParamValue::Keyed(vs) => vs.iter().map(|(k, v)| value(format!("{name}.{k}"), *v)).collect(),
    }
}

/// A value as shown: a percentage as written, an amount to two decimals.
fn show(v: Decimal, u: Unit, percent: bool) -> String {
    if percent {
        let p = v.checked_mul(Decimal::ONE_HUNDRED).unwrap_or_default().normalize();
        return format!("{} %", swedish(p, p.scale()));
    }
    let v = round_öre(v).normalize();
    format!("{} {u}", swedish(v, v.scale())).trim_end().to_string()
}

fn signed(d: Decimal, decimals: u32) -> String {
    let sign = if d > Decimal::ZERO { "+" } else { "" };
    format!("{sign}{}", swedish(d, decimals))
}

/// The change from `old` to `new`: in procentenheter for a percentage, else in per cent.
fn change_text(old: Decimal, new: Decimal, percent: bool) -> Option<String> {
    let diff = new.checked_sub(old)?;
    if percent {
        let points = diff.checked_mul(Decimal::ONE_HUNDRED)?.normalize();
        return Some(crate::tr!("budget-cause-points", points = signed(points, points.scale())));
    }
    if old.is_zero() {
        return None;
    }
    let rel = diff.checked_div(old)?.checked_mul(Decimal::ONE_HUNDRED)?;
    Some(format!("{} %", signed(rel.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero), 2)))
}

/// The values that differ between `old` and `new` (added, changed or removed).
pub(super) fn changed_values(old: &Model, new: &Model) -> Vec<Cause> {
    let (old_values, new_values) = (values(old), values(new));
    let mut out = vec![];
    let mut unchanged = vec![];
    for n in &new_values {
        let o = old_values.iter().find(|o| o.name == n.name);
        if o.is_some_and(|o| o.value == n.value && o.unit == n.unit) {
            unchanged.push(n.name.as_str());
            continue;
        }
        let change = o.filter(|o| o.unit == n.unit).and_then(|o| change_text(o.value, n.value, o.percent && n.percent));
        out.push(Cause {
            name: n.name.clone(),
            old: o.map(|o| show(o.value, o.unit, o.percent)),
            new: Some(show(n.value, n.unit, n.percent)),
            change,
            line: n.at.clone(),
        });
    }
    for o in old_values.iter().filter(|o| !new_values.iter().any(|n| n.name == o.name)) {
        // A value the new year reads through `föregående` still applies, and one of an
        // assignment the new year computes from last year's: not a cause of its own.
        if reads_previous(new, &o.name) || builds_on_previous(new, &o.name) {
            continue;
        }
        out.push(Cause { name: o.name.clone(), old: Some(show(o.value, o.unit, o.percent)), new: None, change: None, line: o.at.clone() });
    }
    out.extend(changed_formulas(old, new, &unchanged));
    out
}

/// Whether `name` is a value of an assignment whose new formulas read last year's (`föregående.`).
fn builds_on_previous(new: &Model, name: &str) -> bool {
    let first = name.split('.').next().unwrap_or_default();
    new.assignment(first).is_some_and(|(_, a)| new.source.slice(a.span).contains("föregående."))
}

/// Whether any formula of `new` reads `name` (`andel_fast`, `vårdboende.referenskostnad`) through `föregående`.
fn reads_previous(new: &Model, name: &str) -> bool {
    let text = &new.source.text;
    let mut segments = name.split('.');
    let first = segments.next().unwrap_or_default();
    let second = segments.next();
    let read = |n: &str| {
        let needle = format!("föregående.{n}");
        text.match_indices(&needle).any(|(i, _)| {
            let rest = &text[i + needle.len()..];
            !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_')
        })
    };
    read(first) || second.is_some_and(read)
}

/// The compensation formulas and their validity written differently, per assignment of both years.
/// A fixed amount that is the same value either way is not a cause, however written.
fn changed_formulas(old: &Model, new: &Model, unchanged: &[&str]) -> Vec<Cause> {
    let mut out = vec![];
    for a in &new.assignments {
        let Some((_, o)) = old.assignment(&a.id) else { continue };
        for (what, nf, of, nv, ov) in [
            ("fast", &a.fixed, &o.fixed, a.fixed_validity, o.fixed_validity),
            ("rörlig", &a.variable, &o.variable, a.variable_validity, o.variable_validity),
        ] {
            let text = |m: &Model, f: &Option<crate::model::Formula>| f.as_ref().map(|f| collapse(m.source.slice(f.expr.span)));
            let (n_text, o_text) = (text(new, nf), text(old, of));
            let line = nf.as_ref().map_or_else(|| at(new, a.span), |f| at(new, f.expr.span));
            if n_text != o_text && !unchanged.contains(&format!("{}.{what}", a.id).as_str()) {
                out.push(Cause { name: format!("{}.{what}", a.id), old: o_text, new: n_text, change: None, line: line.clone() });
            }
            let valid = |v: Option<crate::model::Validity>, year: i32| validity_text(v, year);
            let (n_valid, o_valid) = (valid(nv, new.header.year), valid(ov, old.header.year));
            if strip_year(&n_valid) != strip_year(&o_valid) {
                let name = crate::tr!("budget-cause-validity", name = format!("{}.{what}", a.id));
                out.push(Cause { name, old: Some(o_valid), new: Some(n_valid), change: None, line });
            }
        }
    }
    out
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `från 2023-05`, `till 2024-09`, or the whole year.
fn validity_text(v: Option<crate::model::Validity>, year: i32) -> String {
    match v {
        None => crate::tr!("budget-cause-whole-year"),
        Some(v) => format!("{year}-{:02}–{year}-{:02}", v.from, v.to),
    }
}

/// The months of a validity without the year, to compare two years.
fn strip_year(s: &str) -> String {
    s.split('–').map(|p| p.split_once('-').map_or(p, |(_, m)| m)).collect::<Vec<_>>().join("–")
}

/// The names of the global parameters an assignment's formulas read in its own year.
fn global_reads(m: &Model, a: &Assignment) -> Vec<String> {
    fn walk(e: &Expr, m: &Model, out: &mut Vec<String>) {
        if let ExprKind::Param(ParamRef::Global(i)) | ExprKind::PartParam(ParamRef::Global(i)) | ExprKind::Entry(ParamRef::Global(i), _) =
            &e.kind
            && let Some(p) = m.params.get(*i)
            && !out.contains(&p.name)
        {
            out.push(p.name.clone());
        }
        for c in e.children() {
            walk(c, m, out);
        }
    }
    let mut out = vec![];
    let formulas = a.lets.iter().map(|l| &l.formula).chain(&a.fixed).chain(&a.variable).chain(a.changes.iter().map(|c| &c.amount));
    for f in formulas {
        walk(&f.expr, m, &mut out);
    }
    out
}

/// Whether a cause belongs to an assignment: its own value, or a global one it reads.
fn belongs(c: &Cause, id: &str, globals: &[String]) -> bool {
    let first = c.name.split(['.', ' ']).next().unwrap_or_default();
    first == id || globals.iter().any(|g| c.name == *g || c.name.starts_with(&format!("{g} ")) || c.name.starts_with(&format!("{g}.")))
}

/// The causes of the steps that compare rules, for one assignment of both years.
pub(super) fn of_rules(kind: StepKind, all: &[Cause], id: &str, old: &Model, new: &Model) -> Vec<Cause> {
    let mut globals = new.assignment(id).map(|(_, a)| global_reads(new, a)).unwrap_or_default();
    globals.extend(old.assignment(id).map(|(_, a)| global_reads(old, a)).unwrap_or_default());
    let rate = |name: &str| all.iter().filter(|c| c.name == name || c.name.starts_with(&format!("{name} "))).cloned().collect();
    match kind {
        StepKind::PriceIndex => rate(PRICE_INDEX),
        StepKind::Efficiency => rate(EFFICIENCY),
        StepKind::Ambition => all
            .iter()
            .filter(|c| !super::is_rate(&c.name))
            .filter(|c| c.name != crate::check::sanity::BAND_PARAMETER)
            .filter(|c| belongs(c, id, &globals))
            .cloned()
            .collect(),
        _ => vec![],
    }
}

/// The measures an assignment's compensation reads through `budget(…)`.
fn budget_reads(a: &Assignment) -> Vec<crate::model::MeasureId> {
    fn walk(e: &Expr, out: &mut Vec<crate::model::MeasureId>) {
        if let ExprKind::Budget(_, m, _) = &e.kind
            && !out.contains(m)
        {
            out.push(*m);
        }
        for c in e.children() {
            walk(c, out);
        }
    }
    let mut out = vec![];
    let formulas = a.lets.iter().map(|l| &l.formula).chain(&a.fixed).chain(&a.variable).chain(a.changes.iter().map(|c| &c.amount));
    for f in formulas {
        walk(&f.expr, &mut out);
    }
    out
}

/// The budget quantities of assignment `ai` (of `new`) its compensation reads that
/// differ between the two Budget sheets, each at its cell in next year's sheet.
pub(super) fn quantities(new: &Model, ai: AssignmentId, last: &Data, next: &Data) -> Vec<Cause> {
    let a = &new.assignments[ai];
    let read = budget_reads(a);
    let mut keys: Vec<&Key> = next.budget.keys().chain(last.budget.keys()).filter(|k| k.0 == ai && read.contains(&k.2)).collect();
    keys.sort_by_key(|k| (k.2.index(), k.1.map(|p| p.index())));
    keys.dedup();
    let mut out = vec![];
    for k in keys {
        let (o, n) = (last.budget.get(k), next.budget.get(k));
        if o.map(|v| v.value) == n.map(|v| v.value) {
            continue;
        }
        let measure = &new.measures[k.2.index()];
        let name = match k.1 {
            Some(p) => format!("{}.budget({}; {})", a.id, measure.name, a.parts[p.index()].id),
            None => format!("{}.budget({})", a.id, measure.name),
        };
        let shown = |v: Decimal| show(v, measure.unit, false);
        let change = o.zip(n).and_then(|(o, n)| change_text(o.value, n.value, false));
        let line = n.or(o).map(|v| v.cell.to_string()).unwrap_or_default();
        out.push(Cause { name, old: o.map(|v| shown(v.value)), new: n.map(|v| shown(v.value)), change, line });
    }
    out
}

/// A mid-year change that ends with last year (`ended`) or begins next year, with its amount.
pub(super) fn change(m: &Model, a: &Assignment, id: &str, amount: Decimal, ended: bool) -> Cause {
    let line = a.changes.iter().find(|c| c.id == id).map_or_else(|| at(m, a.span), |c| at(m, c.span));
    let shown = Some(show(amount, Unit::kr(), false));
    let name = crate::tr!("budget-cause-change", name = format!("{}.{id}", a.id));
    let (old, new) = if ended { (shown, None) } else { (None, shown) };
    Cause { name, old, new, change: None, line }
}

/// An assignment of one year only, with its compensation in the year it exists.
pub(super) fn assignment(m: &Model, a: &Assignment, amount: Decimal, removed: bool) -> Cause {
    let shown = Some(show(amount, Unit::kr(), false));
    let name = crate::tr!("budget-cause-assignment", name = a.id.as_str());
    let (old, new) = if removed { (shown, None) } else { (None, shown) };
    Cause { name, old, new, change: None, line: at(m, a.span) }
}

/// A part of one year only, with its compensation in the year it exists.
pub(super) fn part(m: &Model, a: &Assignment, id: &str, amount: Decimal, removed: bool) -> Cause {
    let line = at(m, a.span);
    let line = a.parts.iter().position(|p| p.id == id).map_or(line, |i| part_line(m, a, i));
    let shown = Some(show(amount, Unit::kr(), false));
    let name = crate::tr!("budget-cause-part", name = format!("{}.{id}", a.id));
    let (old, new) = if removed { (shown, None) } else { (None, shown) };
    Cause { name, old, new, change: None, line }
}

/// The line of a part's `del` declaration (found in the text of its assignment).
fn part_line(m: &Model, a: &Assignment, i: usize) -> String {
    let text = m.source.slice(a.span);
    let needle = format!("del {} ", a.parts[i].id);
    match text.find(&needle) {
        Some(off) => format!("{}:{}", m.source.name, m.source.line_col(a.span.start + off).0),
        None => at(m, a.span),
    }
}
