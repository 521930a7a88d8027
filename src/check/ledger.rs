//! The ledger views of issue 9: `utanför` units, level-3 activity ids and codes,
//! komplement codes and a change's own codes. Collected into the model here and
//! checked against the assignments' ID codes.

use super::codes::{overlap, patterns};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{CodePattern, Model, OutOfScope};
use crate::source::Span;
use crate::syntax::ast::{self, AssignmentItem, ChangeItem, IdCode, Item};
use crate::tr;
use std::collections::HashMap;

/// Most changes with codes of their own one assignment may have (their postings are
/// followed up with a bit mask per code).
pub const MAX_CHANGES_WITH_CODES: usize = 64;

/// Adds the `utanför` units to the model and checks every ledger-view construct.
pub(super) fn check(file: &ast::File, model: &mut Model, diags: &mut Diagnostics) {
    out_of_scope(file, model, diags);
    for a in assignments(file) {
        activities(a, diags);
        changes(a, diags);
    }
    komplement_overlaps(file, diags);
    komplement_everywhere(file, diags);
}

/// Once the file declares komplement codes, an assignment without any has all its
/// postings unmapped in SoF's view: a warning at the assignment.
fn komplement_everywhere(file: &ast::File, diags: &mut Diagnostics) {
    let has = |a: &ast::Assignment| {
        let own = a.items.iter().any(|item| match item {
            AssignmentItem::Komplement(ids, _) => !ids.is_empty(),
            AssignmentItem::Part(p) => !p.komplement.is_empty(),
            _ => false,
        });
        own || all_activities(a).iter().any(|(x, _)| !x.komplement.is_empty())
    };
    if !assignments(file).any(has) {
        return;
    }
    for a in assignments(file).filter(|a| !has(a)) {
        diags.push(
            Diagnostic::warning(a.id.span, tr!("ledger-no-komplement", assignment = a.id.name.as_str()))
                .with_hint(tr!("ledger-hint-no-komplement")),
        );
    }
}

fn assignments(file: &ast::File) -> impl Iterator<Item = &ast::Assignment> {
    file.items
        .iter()
        .filter_map(|i| if let Item::Board(b) = i { Some(b) } else { None })
        .flat_map(|b| b.care_forms.iter().flat_map(|f| &f.assignments))
}

/// Patterns with the span each is written at (malformed ones are reported elsewhere).
fn located(ids: &[IdCode]) -> Vec<(CodePattern, Span)> {
    ids.iter().filter_map(|c| patterns(std::slice::from_ref(c), &mut Diagnostics::default()).pop().map(|p| (p, c.span()))).collect()
}

/// The assignment's ID codes: its own `id` and its parts'.
fn assignment_codes(a: &ast::Assignment) -> Vec<(CodePattern, Span)> {
    let mut out = vec![];
    for item in &a.items {
        match item {
            AssignmentItem::Ids(ids, _) => out.extend(located(ids)),
            AssignmentItem::Part(p) => out.extend(located(&p.ids)),
            _ => {}
        }
    }
    out
}

/// Every activity of the assignment, with the part it is declared in.
fn all_activities(a: &ast::Assignment) -> Vec<(&ast::Activity, Option<&ast::Part>)> {
    let mut out = vec![];
    for item in &a.items {
        match item {
            AssignmentItem::Activities(acts, _) => out.extend(acts.iter().map(|x| (x, None))),
            AssignmentItem::Part(p) => out.extend(p.activities.iter().map(|x| (x, Some(p)))),
            _ => {}
        }
    }
    out
}

fn activity_codes(a: &ast::Assignment) -> Vec<(CodePattern, Span)> {
    all_activities(a).into_iter().flat_map(|(x, _)| located(&x.ids)).collect()
}

fn shown(codes: &[(CodePattern, Span)]) -> String {
    codes.iter().map(|(c, _)| format!("`{c}`")).collect::<Vec<_>>().join(", ")
}

/// Whether every code `inner` matches, `outer` matches too.
pub fn within(inner: &CodePattern, outer: &CodePattern) -> bool {
    use CodePattern::*;
    let up = |s: &str| s.to_ascii_uppercase();
    match (inner, outer) {
        (Exact(x), o) => o.matches(x),
        (Prefix(p), Prefix(q)) => up(p).starts_with(&up(q)),
        (Prefix(_), _) => false,
        (Range(lo, hi), Prefix(q)) => up(lo).starts_with(&up(q)) && up(hi).starts_with(&up(q)),
        (Range(lo, hi), Range(l2, h2)) => lo.len() == l2.len() && up(l2) <= up(lo) && up(hi) <= up(h2),
        (Range(lo, hi), Exact(x)) => up(lo) == up(x) && up(hi) == up(x),
    }
}

/// `utanför` units into the model; a unit declared twice, or whose codes overlap an
/// assignment's, is an error (at both places for an overlap).
fn out_of_scope(file: &ast::File, model: &mut Model, diags: &mut Diagnostics) {
    let mut seen: HashMap<String, Span> = HashMap::new();
    let owned: Vec<(String, Vec<(CodePattern, Span)>)> = assignments(file)
        .map(|a| {
            let mut codes = assignment_codes(a);
            codes.extend(activity_codes(a));
            (a.id.name.clone(), codes)
        })
        .collect();
    for item in &file.items {
        let Item::OutOfScope(o) = item else { continue };
        if let Some(first) = seen.get(&o.name.value) {
            diags.push(
                Diagnostic::error(o.name.span, tr!("ledger-out-of-scope-twice", name = o.name.value.as_str()))
                    .with_note(*first, tr!("check-first-declared-here")),
            );
            continue;
        }
        seen.insert(o.name.value.clone(), o.name.span);
        let codes = located(&o.ids);
        for (code, span) in &codes {
            for (assignment, theirs) in &owned {
                let Some((other, other_span)) = theirs.iter().find(|(c, _)| overlap(code, c)) else { continue };
                let (code_s, other_s) = (code.to_string(), other.to_string());
                let unit = o.name.value.as_str();
                diags.push(
                    Diagnostic::error(
                        *span,
                        tr!(
                            "ledger-out-of-scope-overlap",
                            code = code_s.as_str(),
                            unit = unit,
                            other = other_s.as_str(),
                            assignment = assignment.as_str()
                        ),
                    )
                    .with_note(*other_span, tr!("check-other-code-here"))
                    .with_hint(tr!("ledger-hint-out-of-scope")),
                );
                diags.push(
                    Diagnostic::error(
                        *other_span,
                        tr!(
                            "ledger-assignment-overlaps-out-of-scope",
                            code = other_s.as_str(),
                            assignment = assignment.as_str(),
                            other = code_s.as_str(),
                            unit = unit
                        ),
                    )
                    .with_note(*span, tr!("check-other-code-here"))
                    .with_hint(tr!("ledger-hint-out-of-scope")),
                );
            }
        }
        let source_ref = o.source.as_ref().map(|s| s.value.clone());
        model.out_of_scope.push(OutOfScope { name: o.name.value.clone(), codes: patterns(&o.ids, diags), source_ref, span: o.span });
    }
}

/// Activity ids are unique in their assignment; an activity's codes lie within the
/// assignment's (own or parts') when the assignment has any, and within its part's
/// when it is declared in a part.
fn activities(a: &ast::Assignment, diags: &mut Diagnostics) {
    let all = assignment_codes(a);
    let mut ids: HashMap<&str, Span> = HashMap::new();
    for (act, part) in all_activities(a) {
        let codes = match part {
            Some(p) if !p.ids.is_empty() => located(&p.ids),
            _ => all.clone(),
        };
        if let Some(id) = &act.id {
            if let Some(first) = ids.get(id.name.as_str()) {
                diags.push(
                    Diagnostic::error(id.span, tr!("ledger-activity-twice", id = id.name.as_str(), assignment = a.id.name.as_str()))
                        .with_note(*first, tr!("check-first-declared-here")),
                );
            } else {
                ids.insert(&id.name, id.span);
            }
        }
        if codes.is_empty() {
            continue;
        }
        for (code, span) in located(&act.ids) {
            if !codes.iter().any(|(c, _)| within(&code, c)) {
                let owner = match part {
                    Some(p) if !p.ids.is_empty() => format!("{}.{}", a.id.name, p.id.name),
                    _ => a.id.name.clone(),
                };
                let message = tr!(
                    "ledger-activity-outside",
                    code = code.to_string(),
                    activity = act.name.value.as_str(),
                    assignment = owner,
                    codes = shown(&codes)
                );
                diags.push(Diagnostic::error(span, message).with_hint(tr!("ledger-hint-activity-outside")));
            }
        }
    }
}

/// A change's codes lie within its assignment's (own, parts' or activities').
fn changes(a: &ast::Assignment, diags: &mut Diagnostics) {
    let mut codes = assignment_codes(a);
    codes.extend(activity_codes(a));
    let mut with_codes = 0;
    for c in a.items.iter().filter_map(|i| if let AssignmentItem::Change(c) = i { Some(c) } else { None }) {
        let ids: Vec<&IdCode> =
            c.items.iter().filter_map(|i| if let ChangeItem::Ids(ids, _) = i { Some(ids) } else { None }).flatten().collect();
        if ids.is_empty() {
            continue;
        }
        with_codes += 1;
        if with_codes > MAX_CHANGES_WITH_CODES {
            diags.push(Diagnostic::error(
                c.id.span,
                tr!("ledger-too-many-changes", max = MAX_CHANGES_WITH_CODES, assignment = a.id.name.as_str()),
            ));
        }
        for id in ids {
            let Some((code, span)) = located(std::slice::from_ref(id)).pop() else { continue };
            if !codes.iter().any(|(o, _)| within(&code, o)) {
                let message = tr!(
                    "ledger-change-outside",
                    code = code.to_string(),
                    change = c.id.name.as_str(),
                    assignment = a.id.name.as_str(),
                    codes = if codes.is_empty() { "–".to_string() } else { shown(&codes) }
                );
                diags.push(Diagnostic::error(span, message).with_hint(tr!("ledger-hint-change-outside")));
            }
        }
    }
}

/// Komplement codes of two assignments may not overlap: each komplement code
/// belongs to one assignment in SoF's view.
fn komplement_overlaps(file: &ast::File, diags: &mut Diagnostics) {
    let owners: Vec<(&str, Vec<(CodePattern, Span)>)> = assignments(file)
        .map(|a| {
            let mut codes = vec![];
            for item in &a.items {
                match item {
                    AssignmentItem::Komplement(ids, _) => codes.extend(located(ids)),
                    AssignmentItem::Part(p) => codes.extend(located(&p.komplement)),
                    _ => {}
                }
            }
            codes.extend(all_activities(a).into_iter().flat_map(|(x, _)| located(&x.komplement)));
            (a.id.name.as_str(), codes)
        })
        .collect();
    for (i, (a, codes)) in owners.iter().enumerate() {
        for (b, theirs) in &owners[i + 1..] {
            for (code, span) in theirs {
                let Some((other, other_span)) = codes.iter().find(|(c, _)| overlap(code, c)) else { continue };
                let message = tr!(
                    "ledger-komplement-overlap",
                    code = code.to_string(),
                    assignment = *b,
                    other = other.to_string(),
                    other_assignment = *a
                );
                diags.push(
                    Diagnostic::error(*span, message)
                        .with_note(*other_span, tr!("check-other-code-here"))
                        .with_hint(tr!("ledger-hint-komplement-disjoint")),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CodePattern::*;

    #[test]
    fn within_patterns() {
        let p = |s: &str| Prefix(s.into());
        let r = |a: &str, b: &str| Range(a.into(), b.into());
        assert!(within(&p("L1101"), &p("L110")));
        assert!(!within(&p("L11"), &p("L110")));
        assert!(within(&Exact("R4101".into()), &p("R41")));
        assert!(within(&r("L1100", "L1105"), &p("L110")));
        assert!(!within(&r("L1100", "L1205"), &p("L110")));
        assert!(within(&r("L1101", "L1103"), &r("L1100", "L1109")));
        assert!(!within(&p("L1"), &Exact("L1".into())));
        assert!(within(&r("A1", "A1"), &Exact("a1".into())));
    }
}
