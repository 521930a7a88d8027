//! The facts of one model, as (subject, text) pairs, and the comparison of two.

use super::{Entry, Section};
use crate::eval::Scope;
use crate::eval::money::{Overflow, round_öre};
use crate::fmt::{expression, number};
use crate::model::{Assignment, AssignmentId, CompKind, Model, ParamValue};
use crate::syntax::ast::{self, AssignmentItem, ChangeItem, Item, KeyFigureItem};
use crate::units::Unit;
use foldhash::fast::FixedState;
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::{HashMap, HashSet};

type Facts = Vec<(String, String)>;

/// Every difference between the two models, section by section.
/// `old_tree` and `new_tree` are the models' own files' syntax trees.
pub(super) fn entries(old: &Model, old_tree: &ast::File, new: &Model, new_tree: &ast::File) -> Vec<Entry> {
    let mut out = compare(Section::Header, &header(old), &header(new));
    out.extend(compare_values(&values(old), &values(new)));
    out.extend(compare(Section::Values, &declarations(old, new), &declarations(new, old)));
    for (section, f) in [
        (Section::Formulas, formulas as fn(&ast::File) -> Facts),
        (Section::Structure, structure),
        (Section::KeyFigures, key_figures),
        (Section::Changes, changes),
    ] {
        out.extend(compare(section, &f(old_tree), &f(new_tree)));
    }
    mark_inherited(old, new_tree, &mut out);
    out
}

/// Marks the values removed from the new file that it still reads through
/// `föregående`: a global parameter of the old year read by any formula of the new
/// (`föregående.andel_fast`), or a parameter of an assignment read by that assignment.
fn mark_inherited(old: &Model, new: &ast::File, entries: &mut [Entry]) {
    let reads: HashSet<(String, String)> = [formulas(new), key_figures(new), changes(new)]
        .into_iter()
        .flatten()
        .flat_map(|(subject, text)| {
            let owner = subject.split(['.', ' ']).next().unwrap_or_default().to_string();
            previous_reads(&text).into_iter().map(move |name| (owner.clone(), name))
        })
        .collect();
    let read_names: HashSet<&str> = reads.iter().map(|(_, n)| n.as_str()).collect();
    let old_params: HashSet<&str> = old.params.iter().map(|p| p.name.as_str()).collect();
    let old_local: HashSet<(&str, &str)> =
        old.assignments.iter().flat_map(|a| a.params.iter().map(move |p| (a.id.as_str(), p.name.as_str()))).collect();
    for e in entries.iter_mut().filter(|e| e.section == Section::Values && e.new.is_none()) {
        let mut path = e.subject.split('.');
        let first = path.next().unwrap_or_default();
        let global = old_params.contains(first) && read_names.contains(first);
        let local =
            path.next().is_some_and(|name| old_local.contains(&(first, name)) && reads.contains(&(first.to_string(), name.to_string())));
        e.inherited = global || local;
    }
}

/// The names read through `föregående.` in a formula's text.
fn previous_reads(text: &str) -> Vec<String> {
    text.split("föregående.")
        .skip(1)
        .map(|rest| rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>())
        .filter(|n| !n.is_empty())
        .collect()
}

/// The first value under each subject, by subject: looking a subject up is then
/// constant time, and comparing two files linear in their size.
fn index<'a, T>(items: &'a [T], key: impl Fn(&'a T) -> &'a str) -> HashMap<&'a str, &'a T, FixedState> {
    let mut map = HashMap::with_capacity_and_hasher(items.len(), FixedState::default());
    for item in items {
        map.entry(key(item)).or_insert(item);
    }
    map
}

fn compare(section: Section, old: &Facts, new: &Facts) -> Vec<Entry> {
    let (old_by, new_by) = (index(old, |(k, _)| k), index(new, |(k, _)| k));
    let mut out: Vec<Entry> = new
        .iter()
        .filter_map(|(k, v)| match old_by.get(k.as_str()).map(|(_, o)| o.clone()) {
            Some(o) if &o == v => None,
            o => Some(Entry { section, subject: k.clone(), old: o, new: Some(v.clone()), percent: None, points: None, inherited: false }),
        })
        .collect();
    out.extend(old.iter().filter(|(k, _)| !new_by.contains_key(k.as_str())).map(|(k, v)| Entry {
        section,
        subject: k.clone(),
        old: Some(v.clone()),
        new: None,
        percent: None,
        points: None,
        inherited: false,
    }));
    out
}

fn header(m: &Model) -> Facts {
    let h = &m.header;
    let mut f = vec![
        ("regelverk".into(), h.title.clone()),
        ("år".into(), h.year.to_string()),
        ("version".into(), h.version.clone()),
        ("dokumentägare".into(), h.owners.join(", ")),
    ];
    f.extend(h.builds_on.iter().map(|b| ("bygger_på".to_string(), b.clone())));
    // One key per board; a board's second decision is `beslut <board> (2)`, and so on.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for d in &h.decisions {
        let count = seen.entry(d.board.as_str()).or_default();
        let n = *count;
        *count += 1;
        let key = if n == 0 { format!("beslut {}", d.board) } else { format!("beslut {} ({})", d.board, n + 1) };
        f.push((key, decision_text(d)));
    }
    f
}

/// The declared unit of each parameter of `m` that declares one (`prisindex: %`) and
/// is a parameter of `other` too (a parameter added or removed is a difference of its
/// own), keyed `<name>: enhet`; a declaration added, removed or changed is a difference.
fn declarations(m: &Model, other: &Model) -> Facts {
    // Each parameter as (owner, name): the owner is `""` at top level, else the
    // assignment's id (names hold no `.`, so the pair is the subject `owner.name`).
    fn all(m: &Model) -> impl Iterator<Item = (&str, &crate::model::Param)> {
        let global = m.params.iter().map(|p| ("", p));
        global.chain(m.assignments.iter().flat_map(|a| a.params.iter().map(move |p| (a.id.as_str(), p))))
    }
    let theirs: HashSet<(&str, &str), FixedState> = all(other).map(|(owner, p)| (owner, p.name.as_str())).collect();
    all(m)
        .filter(|(owner, p)| p.declared.is_some() && theirs.contains(&(*owner, p.name.as_str())))
        .filter_map(|(owner, p)| {
            let name = if owner.is_empty() { p.name.clone() } else { format!("{owner}.{}", p.name) };
            p.declared.as_ref().map(|d| (format!("{name}: enhet"), d.clone()))
        })
        .collect()
}

/// A decision as the diff shows it: date, dnr (or that it is missing), what it is about.
fn decision_text(d: &crate::model::Decision) -> String {
    let mut s = format!("{} {}", d.date, d.dnr.as_deref().map(|n| format!("dnr {n}")).unwrap_or_else(|| crate::tr!("params-dnr-missing")));
    if let Some(about) = &d.about {
        s += &format!(" avser {about}");
    }
    s
}

/// A value with its unit and whether it is written in percent.
type Value = (String, Decimal, Unit, bool);

/// Parameters, and `låt` bindings and fixed amounts that need no inputs, evaluated.
fn values(m: &Model) -> Vec<Value> {
    let mut out: Vec<Value> = m.params.iter().flat_map(|p| param_values(m, p, "", &[])).collect();
    for (ai, a) in m.assignment_ids().zip(&m.assignments) {
        let parts: Vec<String> = a.parts.iter().map(|p| p.id.clone()).collect();
        out.extend(a.params.iter().flat_map(|p| param_values(m, p, &format!("{}.", a.id), &parts)));
        out.extend(let_values(m, ai, a));
        let scope = Scope { model: m, data: None, previous_data: None, a: Some(ai), part: None, months: (1, 12) };
        if let Ok(v) = scope.compensation(ai, CompKind::Fixed, a.span) {
            out.push((format!("{}.fast", a.id), v, Unit::kr(), false));
        }
    }
    out
}

fn param_values(m: &Model, p: &crate::model::Param, prefix: &str, parts: &[String]) -> Vec<Value> {
    let name = format!("{prefix}{}", p.name);
    let pct = m.source.slice(p.span).contains('%');
    match &p.value {
        ParamValue::Scalar(v) if !p.steps.is_empty() => {
            let year = m.header.year;
            let steps = p.steps.iter().map(|(month, s)| (format!("{name} från {year}-{month:02}"), *s, p.unit, pct));
            std::iter::once((name.clone(), *v, p.unit, pct)).chain(steps).collect()
        }
        ParamValue::Scalar(v) => vec![(name, *v, p.unit, pct)],
        ParamValue::PerPart(vs) => parts.iter().zip(vs).map(|(k, v)| (format!("{name}.{k}"), *v, p.unit, pct)).collect(),
        ParamValue::Keyed(vs) => vs.iter().map(|(k, v)| (format!("{name}.{k}"), *v, p.unit, pct)).collect(),
    }
}

fn let_values(m: &Model, ai: AssignmentId, a: &Assignment) -> Vec<Value> {
    let mut out = vec![];
    for l in &a.lets {
        for part in a.part_scopes(l.per_part) {
            let scope = Scope { model: m, data: None, previous_data: None, a: Some(ai), part, months: (1, 12) };
            if let Ok(v) = scope.num(&l.formula.expr) {
                let suffix = part.map(|p| format!(".{}", a.parts[p].id)).unwrap_or_default();
                out.push((format!("{}.{}{suffix}", a.id, l.name), v, l.formula.unit, false));
            }
        }
    }
    out
}

/// A value as the diff shows it: percentages as written, amounts to two decimals,
/// rounded half away from zero like every amount (never banker's rounding).
fn show(v: Decimal, u: Unit, percent: bool) -> String {
    match percent {
        true => match v.checked_mul(Decimal::ONE_HUNDRED) {
            Some(p) => format!("{} %", number(p.normalize())),
            None => Overflow.to_string(),
        },
        false => format!("{} {u}", number(round_öre(v).normalize())).trim_end().to_string(),
    }
}

/// The relative change from `old` to `new` in percent, to two decimals (half away from zero).
fn relative_change(old: Decimal, new: Decimal) -> Option<Decimal> {
    let change = new.checked_sub(old)?.checked_div(old)?.checked_mul(Decimal::ONE_HUNDRED)?;
    Some(change.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
}

fn compare_values(old: &[Value], new: &[Value]) -> Vec<Entry> {
    let (old_by, new_by) = (index(old, |v| &v.0), index(new, |v| &v.0));
    let mut out = vec![];
    for (k, v, u, pct) in new {
        let o = old_by.get(k.as_str()).map(|v| (v.1, v.2, v.3));
        if o.is_some_and(|(ov, ou, _)| ov == *v && ou == *u) {
            continue;
        }
        // A share or rate written in percent changes in percentage points, not in per cent of itself.
        let points =
            o.filter(|(_, ou, opct)| ou == u && *opct && *pct).and_then(|(ov, ..)| v.checked_sub(ov)?.checked_mul(Decimal::ONE_HUNDRED));
        let percent = match points {
            Some(_) => None,
            None => o.filter(|(ov, ou, _)| ou == u && !ov.is_zero()).and_then(|(ov, ..)| relative_change(ov, *v)),
        };
        out.push(Entry {
            section: Section::Values,
            subject: k.clone(),
            old: o.map(|(a, b, p)| show(a, b, p)),
            new: Some(show(*v, *u, *pct)),
            percent,
            points: points.map(|p| p.normalize()),
            inherited: false,
        });
    }
    let removed = old.iter().filter(|(k, ..)| !new_by.contains_key(k.as_str()));
    out.extend(removed.map(|(k, v, u, p)| Entry {
        section: Section::Values,
        subject: k.clone(),
        old: Some(show(*v, *u, *p)),
        new: None,
        percent: None,
        points: None,
        inherited: false,
    }));
    out
}

fn assignments(file: &ast::File) -> Vec<&ast::Assignment> {
    file.items
        .iter()
        .filter_map(|i| if let Item::Board(b) = i { Some(b) } else { None })
        .flat_map(|b| b.care_forms.iter().flat_map(|f| &f.assignments))
        .collect()
}

fn formulas(file: &ast::File) -> Facts {
    let mut out = vec![];
    for a in assignments(file) {
        for item in &a.items {
            let (what, e) = match item {
                AssignmentItem::Compensation(c) => {
                    (if c.kind == ast::CompensationKind::Fixed { "fast".to_string() } else { "rörlig".to_string() }, &c.expr)
                }
                AssignmentItem::Let(l) => (l.name.name.clone(), &l.expr),
                _ => continue,
            };
            out.push((format!("{}.{what}", a.id.name), expression(e)));
            if let AssignmentItem::Compensation(ast::Compensation { validity: Some(v), .. }) = item {
                out.push((format!("{}.{what} giltighet", a.id.name), validity(v)));
            }
        }
    }
    out
}

fn codes(ids: &[ast::IdCode]) -> String {
    let code = |c: &ast::IdCode| match c {
        ast::IdCode::Exact(x, _) => x.clone(),
        ast::IdCode::Prefix(x, _) => format!("{x}*"),
        ast::IdCode::Range(a, b, _) => format!("{a}..{b}"),
    };
    ids.iter().map(code).collect::<Vec<_>>().join(", ")
}

fn structure(file: &ast::File) -> Facts {
    let mut out = vec![];
    for b in file.items.iter().filter_map(|i| if let Item::Board(b) = i { Some(b) } else { None }) {
        for f in &b.care_forms {
            for a in &f.assignments {
                out.push((format!("uppdrag {}", a.id.name), format!("\"{}\" ({} / {})", a.name.value, b.id.name, f.name.value)));
                out.extend(assignment_structure(a));
            }
        }
    }
    out.extend(out_of_scope_facts(file));
    out.extend(measure_facts(file));
    out
}

/// `mått name`: its sheet, unit and whether it may be negative (`volym, timmar,
/// får_vara_negativ`); a measure that becomes signed (or no longer is) is a difference.
fn measure_facts(file: &ast::File) -> Facts {
    let measures = file.items.iter().filter_map(|i| if let Item::Measure(m) = i { Some(m) } else { None });
    measures
        .map(|m| {
            let kind = if m.kind == ast::MeasureKind::Budget { "budget" } else { "volym" };
            let declared = crate::fmt::measure(m);
            let unit = declared.split_once(": ").map_or(declared.as_str(), |(_, u)| u);
            (format!("mått {}", m.name.name), format!("{kind}, {unit}"))
        })
        .collect()
}

/// `utanför "Name"`: codes and source, one fact per unit.
fn out_of_scope_facts(file: &ast::File) -> Facts {
    let units = file.items.iter().filter_map(|i| if let Item::OutOfScope(o) = i { Some(o) } else { None });
    units
        .map(|o| {
            let source = o.source.as_ref().map(|s| format!(" källa \"{}\"", s.value)).unwrap_or_default();
            (format!("utanför \"{}\"", o.name.value), format!("id {}{source}", codes(&o.ids)))
        })
        .collect()
}

/// A level-3 activity of `owner` (an assignment, or `assignment.part`).
fn activity_fact(owner: &str, x: &ast::Activity) -> (String, String) {
    let codes = format!("{}{}", codes(&x.ids), komplement_fact(&x.komplement));
    match &x.id {
        // With an id, a new name is a change of the same activity.
        Some(id) => (format!("{owner}.verksamhet {}", id.name), format!("\"{}\" id {codes}", x.name.value)),
        None => (format!("{owner}.verksamhet \"{}\"", x.name.value), codes),
    }
}

/// ` komplement K11*` when there are komplement codes.
fn komplement_fact(ids: &[ast::IdCode]) -> String {
    if ids.is_empty() { String::new() } else { format!(" komplement {}", codes(ids)) }
}

fn assignment_structure(a: &ast::Assignment) -> Facts {
    let mut out = vec![];
    for item in &a.items {
        match item {
            AssignmentItem::Part(p) => {
                let valid = p.validity.as_ref().map(|v| format!(" {}", validity(v))).unwrap_or_default();
                out.push((
                    format!("{}.del {}", a.id.name, p.id.name),
                    format!("\"{}\" id {}{}{valid}", p.name.value, codes(&p.ids), komplement_fact(&p.komplement)),
                ));
                out.extend(p.activities.iter().map(|x| activity_fact(&format!("{}.{}", a.id.name, p.id.name), x)));
            }
            AssignmentItem::Ids(ids, _) => out.push((format!("{}.id", a.id.name), codes(ids))),
            AssignmentItem::Komplement(ids, _) => out.push((format!("{}.komplement", a.id.name), codes(ids))),
            AssignmentItem::Activities(acts, _) => out.extend(acts.iter().map(|x| activity_fact(&a.id.name, x))),
            AssignmentItem::Source(s) => out.push((format!("{}.källa", a.id.name), s.value.clone())),
            _ => {}
        }
    }
    out
}

fn key_figures(file: &ast::File) -> Facts {
    let mut out = vec![];
    for a in assignments(file) {
        for k in a.items.iter().filter_map(|i| if let AssignmentItem::KeyFigure(k) = i { Some(k) } else { None }) {
            let subject = format!("{}.{}", a.id.name, k.id.name);
            out.push((subject.clone(), format!("\"{}\"", k.name.value)));
            out.extend(
                k.items
                    .iter()
                    .filter(|i| !matches!(i, KeyFigureItem::Series(..)))
                    .map(|i| kf_property(i))
                    .map(|(p, v)| (format!("{subject} {p}"), v)),
            );
            out.extend(kf_series(k).map(|(p, v)| (format!("{subject} {p}"), v)));
        }
    }
    out
}

fn kf_property(i: &KeyFigureItem) -> (&'static str, String) {
    match i {
        KeyFigureItem::Value(e, _) => ("värde", expression(e)),
        KeyFigureItem::Interval(i, _) => ("intervall", i.keyword().to_string()),
        KeyFigureItem::Recipient(s, _) => ("mottagare", s.value.clone()),
        KeyFigureItem::Responsible(s, _) => ("ansvarig", s.value.clone()),
        KeyFigureItem::From(y, _) => ("från", y.to_string()),
        KeyFigureItem::Target(t, _) => ("mål", target(t)),
        KeyFigureItem::PerPart(_) => ("per del", "ja".into()),
        KeyFigureItem::Impact(s, _) => ("påverkan", s.value.clone()),
        KeyFigureItem::Series(s, _) => ("serie", format!("{} \"{}\" = {}", s.id.name, s.name.value, expression(&s.value))),
        KeyFigureItem::Aggregation(word, _) => ("aggregering", word.name.clone()),
        KeyFigureItem::Annualised(yes, _) => ("helårsomräknad", if *yes { "ja" } else { "nej" }.into()),
        KeyFigureItem::Plausible(low, high, _) => ("rimligt", format!("{} till {}", crate::fmt::quantity(low), crate::fmt::quantity(high))),
    }
}

/// A key figure's series, one fact each: `serie leanlink` → `"Leanlink" = formula`.
fn kf_series(k: &ast::KeyFigure) -> impl Iterator<Item = (String, String)> + '_ {
    k.items.iter().filter_map(|i| match i {
        KeyFigureItem::Series(s, _) => Some((format!("serie {}", s.id.name), format!("\"{}\" = {}", s.name.value, expression(&s.value)))),
        _ => None,
    })
}

fn target(t: &ast::Target) -> String {
    let q = |q: &ast::Quantity| crate::fmt::quantity(q);
    match t {
        ast::Target::AtLeast(x) => format!(">= {}", q(x)),
        ast::Target::AtMost(x) => format!("<= {}", q(x)),
        ast::Target::Between(a, b) => format!("{} .. {}", q(a), q(b)),
    }
}

fn changes(file: &ast::File) -> Facts {
    let mut out = vec![];
    for a in assignments(file) {
        for c in a.items.iter().filter_map(|i| if let AssignmentItem::Change(c) = i { Some(c) } else { None }) {
            let props: Vec<String> = c.items.iter().map(change_property).collect();
            out.push((format!("{}.{}", a.id.name, c.id.name), format!("\"{}\": {}", c.name.value, props.join(", "))));
        }
    }
    out
}

fn change_property(i: &ChangeItem) -> String {
    match i {
        ChangeItem::Kind(k, _) => format!("typ {}", k.keyword()),
        ChangeItem::Amount(e, _) => format!("belopp = {}", expression(e)),
        ChangeItem::From(m, _) => format!("från {}-{:02}", m.year, m.month),
        ChangeItem::To(m, _) => format!("till {}-{:02}", m.year, m.month),
        ChangeItem::Decision(d, _) => {
            let dnr = d.dnr.as_ref().map(|s| format!(" dnr \"{}\"", s.value)).unwrap_or_default();
            format!("beslut \"{}\" {}{dnr}", d.board.value, d.date.value)
        }
        ChangeItem::Report(s, None, _) => format!("återrapportering \"{}\"", s.value),
        ChangeItem::Report(s, Some(due), _) => format!("återrapportering \"{}\" senast {}", s.value, due.value),
        ChangeItem::Ids(ids, _) => format!("id {}", codes(ids)),
    }
}

/// `från 2023-05 till 2023-09`, as written.
fn validity(v: &ast::Validity) -> String {
    let from = v.from.map(|m| format!("från {}-{:02}", m.year, m.month));
    let to = v.to.map(|m| format!("till {}-{:02}", m.year, m.month));
    [from, to].into_iter().flatten().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_and_changes_round_half_away_from_zero() {
        assert_eq!(show(Decimal::new(5, 3), Unit::kr(), false), "0,01 kr");
        assert_eq!(show(Decimal::new(-5, 3), Unit::kr(), false), "-0,01 kr");
        assert_eq!(show(Decimal::new(25, 3), Unit::kr(), false), "0,03 kr");
        // 2 000 → 2 000,1 is +0,005 %: half away from zero gives 0,01 (banker's would give 0,00).
        assert_eq!(relative_change(Decimal::new(2000, 0), Decimal::new(20_001, 1)), Some(Decimal::new(1, 2)));
        assert_eq!(relative_change(Decimal::ONE, Decimal::ONE), Some(Decimal::ZERO));
        assert_eq!(relative_change(Decimal::ZERO, Decimal::ONE), None);
    }

    #[test]
    fn the_names_a_formula_reads_through_föregående() {
        let text = "budget(a) * föregående.utbildningsfaktor.grund + föregående.andel_fast * föregående";
        assert_eq!(previous_reads(text), ["utbildningsfaktor", "andel_fast"]);
        assert!(previous_reads("föregående.").is_empty());
    }
}
