//! Ledger ID codes: well-formed ranges, and no code claimed by two parts or assignments.

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{CodePattern, Model};
use crate::source::Span;
use crate::syntax::ast::{self, AssignmentItem, IdCode, Item};

/// Lowers codes, reporting malformed ranges.
pub(super) fn patterns(ids: &[IdCode], diags: &mut Diagnostics) -> Vec<CodePattern> {
    ids.iter().filter_map(|c| pattern(c, diags)).collect()
}

fn pattern(code: &IdCode, diags: &mut Diagnostics) -> Option<CodePattern> {
    Some(match code {
        IdCode::Exact(c, _) => CodePattern::Exact(c.clone()),
        IdCode::Prefix(p, _) => CodePattern::Prefix(p.clone()),
        IdCode::Range(lo, hi, span) => {
            if lo.len() != hi.len() {
                diags.push(Diagnostic::error(*span, format!("the ID range `{lo}..{hi}` has ends of different length")).with_hint("a range runs between codes of the same length, e.g. `L1401..L1409`; use a prefix `L14*` for all codes that start with `L14`"));
                return None;
            }
            if lo.to_ascii_uppercase() > hi.to_ascii_uppercase() {
                diags.push(
                    Diagnostic::error(*span, format!("the ID range `{lo}..{hi}` is empty: `{lo}` comes after `{hi}`"))
                        .with_hint(format!("write `{hi}..{lo}`")),
                );
                return None;
            }
            CodePattern::Range(lo.clone(), hi.clone())
        }
    })
}

/// Whether two patterns can match the same code.
fn overlap(a: &CodePattern, b: &CodePattern) -> bool {
    use CodePattern::*;
    let up = |s: &str| s.to_ascii_uppercase();
    match (a, b) {
        (Exact(x), other) | (other, Exact(x)) => other.matches(x),
        (Prefix(p), Prefix(q)) => up(p).starts_with(&up(q)) || up(q).starts_with(&up(p)),
        (Prefix(p), Range(lo, hi)) | (Range(lo, hi), Prefix(p)) => {
            let p = up(p);
            p.len() <= lo.len() && up(lo)[..p.len()] <= *p && *p <= up(hi)[..p.len()]
        }
        (Range(a1, a2), Range(b1, b2)) => a1.len() == b1.len() && up(a1) <= up(b2) && up(b1) <= up(a2),
    }
}

/// An owner of codes: an assignment, one of its parts or one of its activities,
/// with the span of each pattern.
struct Owner<'a> {
    label: String,
    assignment: &'a str,
    /// Activities (nivå 3) group the assignment's codes along another axis than
    /// its parts, so they may share codes with the parts and the assignment's own
    /// `id`, but not with another activity or another assignment.
    activity: bool,
    codes: Vec<(CodePattern, Span)>,
}

fn owners(file: &ast::File) -> Vec<Owner<'_>> {
    let mut out = vec![];
    for item in &file.items {
        let Item::Board(b) = item else { continue };
        for a in b.care_forms.iter().flat_map(|f| &f.assignments) {
            for it in &a.items {
                let mut add = |label: String, activity: bool, ids: &[IdCode]| {
                    let codes = ids.iter().filter_map(|c| pattern(c, &mut Diagnostics::default()).map(|p| (p, c.span()))).collect();
                    out.push(Owner { label, assignment: &a.id.name, activity, codes });
                };
                match it {
                    AssignmentItem::Part(p) => add(format!("`{}.{}`", a.id.name, p.id.name), false, &p.ids),
                    AssignmentItem::Ids(ids, _) => add(format!("`{}`", a.id.name), false, ids),
                    AssignmentItem::Activities(acts, _) => {
                        for act in acts {
                            add(format!("`{}` (activity \"{}\")", a.id.name, act.name.value), true, &act.ids);
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    out
}

/// What two owners are, if their codes must be disjoint.
fn must_be_disjoint(a: &Owner, b: &Owner) -> Option<&'static str> {
    match (a.assignment == b.assignment, a.activity, b.activity) {
        (false, ..) => Some("assignments"),
        (true, true, true) => Some("activities"),
        (true, false, false) => Some("parts"),
        (true, _, _) => None,
    }
}

/// Reports a code pattern that overlaps another part's, activity's or assignment's.
pub(super) fn check_overlaps(file: &ast::File, _model: &Model, diags: &mut Diagnostics) {
    let owners = owners(file);
    for (i, a) in owners.iter().enumerate() {
        for b in &owners[i + 1..] {
            let Some(what) = must_be_disjoint(a, b) else { continue };
            for (pa, sa) in &a.codes {
                if let Some((pb, sb)) = b.codes.iter().find(|(pb, _)| overlap(pa, pb)) {
                    diags.push(
                        Diagnostic::error(*sb, format!("ID code `{pb}` of {} overlaps `{pa}` of {}", b.label, a.label))
                            .with_note(*sa, "the other code is here")
                            .with_hint(format!("a ledger code belongs to one place; make the codes of these {what} disjoint")),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CodePattern::*;

    #[test]
    fn overlaps() {
        let p = |s: &str| Prefix(s.into());
        let r = |a: &str, b: &str| Range(a.into(), b.into());
        assert!(overlap(&p("L11"), &p("L110")));
        assert!(!overlap(&p("L110"), &p("L120")));
        assert!(overlap(&p("L110"), &r("L1100", "L1109")));
        assert!(!overlap(&p("L120"), &r("L1100", "L1109")));
        assert!(overlap(&Exact("L1401".into()), &r("L1400", "L1409")));
        assert!(!overlap(&r("L1400", "L1404"), &r("L1405", "L1409")));
    }
}
