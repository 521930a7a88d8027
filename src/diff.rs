//! `ekostyr diff OLD NEW`: what changed between two years' rules, as meaning, not
//! text — parameters and the values formulas give without inputs, formulas in
//! canonical form, the hierarchy, key figures, mid-year changes, and with a
//! workbook the impact per assignment in kronor.

mod facts;
pub mod render;

use crate::error::Error;
use crate::eval::{self, Data, Options};
use crate::model::Model;
use crate::vocab::{Version, VersionStep};
use rust_decimal::Decimal;
use std::path::Path;

/// A section of the diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Title, year, version, owners, decision.
    Header,
    /// Parameters and the values of formulas that need no inputs.
    Values,
    /// Formulas, canonically rendered.
    Formulas,
    /// Assignments, parts, ID codes, activities.
    Structure,
    /// Key figures: formula aside, interval, target, first year, recipient.
    KeyFigures,
    /// Mid-year changes of means.
    Changes,
}

/// One difference.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Where it belongs.
    pub section: Section,
    /// What it is about: `vårdboende.referenskostnad.somatik`.
    pub subject: String,
    /// Old text, `None` when added.
    pub old: Option<String>,
    /// New text, `None` when removed.
    pub new: Option<String>,
    /// Relative change of a number, in percent.
    pub percent: Option<Decimal>,
}

/// The compensation of one assignment in both years.
#[derive(Debug, Clone)]
pub struct Impact {
    /// Assignment id.
    pub id: String,
    /// Old total, `None` if the assignment is new.
    pub old: Option<Decimal>,
    /// New total, `None` if removed.
    pub new: Option<Decimal>,
}

/// The whole diff.
#[derive(Debug, Clone)]
pub struct Diff {
    /// Old file name, year and version.
    pub old: (String, i32, String),
    /// New file name, year and version.
    pub new: (String, i32, String),
    /// The differences, in section order.
    pub entries: Vec<Entry>,
    /// Whether the version step fits the change, and why.
    pub version: (bool, String),
    /// Per assignment, when a workbook was given; and how the years were evaluated.
    pub impact: Option<(Vec<Impact>, String)>,
}

/// Computes the differences between two checked models.
pub fn diff(old: &Model, new: &Model) -> Diff {
    let entries = facts::entries(old, new);
    let version = version_verdict(old, new, !entries.iter().all(|e| e.section == Section::Header));
    let label = |m: &Model| (m.source.name.clone(), m.header.year, m.header.version.clone());
    Diff { old: label(old), new: label(new), entries, version, impact: None }
}

/// A new year takes the next whole number (any decimal step within it); a change
/// during the same year the next decimal step; a real change needs a new version.
fn version_verdict(old: &Model, new: &Model, changed: bool) -> (bool, String) {
    let (o, n) = (&old.header, &new.header);
    let (Some(ov), Some(nv)) = (Version::parse(&o.version), Version::parse(&n.version)) else {
        return (false, crate::tr!("diff-version-malformed", old = o.version.as_str(), new = n.version.as_str()));
    };
    if ov == nv {
        return match changed {
            true => (false, crate::tr!("diff-version-unchanged-but-changed", version = n.version.as_str())),
            false => (true, crate::tr!("diff-version-unchanged", version = n.version.as_str())),
        };
    }
    let step = nv.follows(ov, n.year, o.year);
    let why = match (n.year > o.year, step) {
        (_, VersionStep::NewYear) => crate::tr!("diff-version-new-year"),
        (_, VersionStep::NextStep) => crate::tr!("diff-version-next-step"),
        (true, VersionStep::ShouldBe(_)) => crate::tr!("diff-version-new-year-should"),
        (false, VersionStep::ShouldBe(_)) => crate::tr!("diff-version-step-should"),
    };
    let fits = !matches!(step, VersionStep::ShouldBe(_));
    (fits, crate::tr!("diff-version-verdict", old = o.version.as_str(), new = n.version.as_str(), why = why))
}

/// Evaluates both years: old rules on the previous workbook, or — without one —
/// on the same workbook, to isolate what the change of rules costs. `progress` is
/// told how many postings have been read.
pub fn impact(
    old: &Model,
    new: &Model,
    input: &Path,
    previous: Option<&Path>,
    progress: &mut dyn FnMut(u64),
) -> Result<(Vec<Impact>, String), Error> {
    let new_data = eval::data::load(new, input, progress)?;
    let (old_data, how) = match previous {
        Some(p) => (
            eval::data::load(old, p, progress)?,
            crate::tr!(
                "diff-impact-two-workbooks",
                old_year = old.header.year.to_string(),
                old_input = p.display().to_string(),
                new_year = new.header.year.to_string(),
                new_input = input.display().to_string()
            ),
        ),
        None => (
            eval::data::load_for_year(old, input, new.header.year)?,
            crate::tr!("diff-impact-same-workbook", input = input.display().to_string()),
        ),
    };
    let totals = |m: &Model, d: &Data, prev: Option<&Data>| -> Result<Vec<(String, Decimal)>, Error> {
        let r = eval::evaluate(m, d, prev, Options::default()).map_err(|e| Error::eval(e, &m.source))?;
        Ok(r.assignments.iter().map(|a| (a.id.clone(), a.compensation.total)).collect())
    };
    let o = totals(old, &old_data, None)?;
    let n = totals(new, &new_data, Some(&old_data))?;
    let mut out: Vec<Impact> =
        n.iter().map(|(id, v)| Impact { id: id.clone(), old: o.iter().find(|x| &x.0 == id).map(|x| x.1), new: Some(*v) }).collect();
    out.extend(o.iter().filter(|(id, _)| !n.iter().any(|x| &x.0 == id)).map(|(id, v)| Impact { id: id.clone(), old: Some(*v), new: None }));
    Ok((out, how))
}
