//! Ledger ID codes: well-formed ranges, and no code claimed by two parts or assignments.

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{CodePattern, Model, cmp_upper};
use crate::source::Span;
use crate::syntax::ast::{self, AssignmentItem, IdCode, Item};
use crate::tr;

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
                let range = format!("{lo}..{hi}");
                diags.push(
                    Diagnostic::error(*span, tr!("check-id-range-lengths", range = range)).with_hint(tr!("check-hint-id-range-lengths")),
                );
                return None;
            }
            if cmp_upper(lo, hi).is_gt() {
                diags.push(
                    Diagnostic::error(*span, tr!("check-id-range-empty", range = format!("{lo}..{hi}"), low = lo, high = hi))
                        .with_hint(tr!("check-write", code = format!("`{hi}..{lo}`"))),
                );
                return None;
            }
            CodePattern::Range(lo.clone(), hi.clone())
        }
    })
}

/// Whether two patterns can match the same code.
pub(super) fn overlap(a: &CodePattern, b: &CodePattern) -> bool {
    use CodePattern::*;
    match (a, b) {
        (Exact(x), other) | (other, Exact(x)) => other.matches(x),
        // One prefix starts with the other.
        (Prefix(p), Prefix(q)) => a.matches(q) || b.matches(p),
        (Prefix(p), Range(lo, hi)) | (Range(lo, hi), Prefix(p)) => {
            // Codes are ASCII (the grammar's `code`), so a cut at `p.len()` is a character's end.
            let (Some(lo), Some(hi)) = (lo.get(..p.len()), hi.get(..p.len())) else { return false };
            cmp_upper(lo, p).is_le() && cmp_upper(p, hi).is_le()
        }
        (Range(a1, a2), Range(b1, b2)) => a1.len() == b1.len() && cmp_upper(a1, b2).is_le() && cmp_upper(b1, a2).is_le(),
    }
}

/// An owner of codes: an assignment, one of its parts or one of its activities,
/// with the span of each pattern.
struct Owner<'a> {
    label: Label<'a>,
    assignment: &'a str,
    /// Activities (nivå 3) group the assignment's codes along another axis than
    /// its parts, so they may share codes with the parts and the assignment's own
    /// `id`, but not with another activity or another assignment.
    activity: bool,
    codes: Vec<(CodePattern, Span)>,
}

/// How an owner is named in a message, made only for a message.
enum Label<'a> {
    Assignment(&'a str),
    Part(&'a str, &'a str),
    Activity(&'a str, &'a str),
}

impl Label<'_> {
    fn text(&self) -> String {
        match *self {
            Label::Assignment(a) => format!("`{a}`"),
            Label::Part(a, p) => format!("`{a}.{p}`"),
            Label::Activity(assignment, activity) => tr!("check-activity-label", assignment = assignment, activity = activity),
        }
    }
}

fn owners<'a>(file: &'a ast::File) -> Vec<Owner<'a>> {
    let mut out = vec![];
    for item in &file.items {
        let Item::Board(b) = item else { continue };
        for a in b.care_forms.iter().flat_map(|f| &f.assignments) {
            for it in &a.items {
                let mut add = |label: Label<'a>, activity: bool, ids: &[IdCode]| {
                    let codes = ids.iter().filter_map(|c| pattern(c, &mut Diagnostics::default()).map(|p| (p, c.span()))).collect();
                    out.push(Owner { label, assignment: &a.id.name, activity, codes });
                };
                match it {
                    AssignmentItem::Part(p) => {
                        add(Label::Part(&a.id.name, &p.id.name), false, &p.ids);
                        for act in &p.activities {
                            add(Label::Activity(&a.id.name, &act.name.value), true, &act.ids);
                        }
                    }
                    AssignmentItem::Ids(ids, _) => add(Label::Assignment(&a.id.name), false, ids),
                    AssignmentItem::Activities(acts, _) => {
                        for act in acts {
                            add(Label::Activity(&a.id.name, &act.name.value), true, &act.ids);
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
                    diags.push(overlapping((pb, *sb, b), (pa, *sa, a), what));
                }
            }
        }
    }
}

/// Code `code` of `owner` overlaps `other` of `other_owner`; `what` the two are
/// (the catalog's selector: `assignments`, `activities` or `parts`).
fn overlapping(
    (code, span, owner): (&CodePattern, Span, &Owner),
    (other, other_span, other_owner): (&CodePattern, Span, &Owner),
    what: &str,
) -> Diagnostic {
    let (code, other) = (code.to_string(), other.to_string());
    let (owner, other_owner) = (owner.label.text(), other_owner.label.text());
    let message = tr!("check-codes-overlap", code = code, owner = owner, other = other, other_owner = other_owner);
    Diagnostic::error(span, message)
        .with_note(other_span, tr!("check-other-code-here"))
        .with_hint(tr!("check-hint-codes-disjoint", what = what))
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
