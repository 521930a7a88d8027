//! `ekostyr diff OLD NEW`: what changed between two years' rules, as meaning, not
//! text — parameters and the values formulas give without inputs, formulas in
//! canonical form, the hierarchy, key figures, mid-year changes, and with a
//! workbook — first in the output — the impact per nämnd and assignment in kronor,
//! across years on one workbook relabelled, or on a workbook with Budget only.

mod facts;
pub mod render;

use crate::error::Error;
use crate::eval::{self, Data, Options};
use crate::model::Model;
use crate::syntax::ast;
use crate::vocab::{Version, VersionStep};
use rust_decimal::Decimal;
use std::collections::HashMap;
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
    /// Change of a value written in percent, in percentage points (procentenheter).
    pub points: Option<Decimal>,
    /// Declared in the old year only, and read by the new year through `föregående`:
    /// it still applies, it is not removed.
    pub inherited: bool,
}

/// The compensation of one assignment in both years.
#[derive(Debug, Clone)]
pub struct Impact {
    /// Assignment id.
    pub id: String,
    /// The assignment's board (nämnd), by id.
    pub board: String,
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

/// Computes the differences between two checked models, parsing their files again
/// for the tree (one per core); [`diff_parsed`] takes the trees the check built.
pub fn diff(old: &Model, new: &Model) -> Diff {
    let (old_tree, new_tree) = std::thread::scope(|s| {
        let old_tree = s.spawn(|| tree(old));
        let new_tree = tree(new);
        (old_tree.join().unwrap_or_else(|p| std::panic::resume_unwind(p)), new_tree)
    });
    diff_parsed((old, &old_tree), (new, &new_tree))
}

/// The model's syntax tree, parsed again from the source it keeps.
fn tree(m: &Model) -> ast::File {
    crate::syntax::parse(&m.source).unwrap_or(ast::File { items: vec![], comments: vec![] })
}

/// A rule file read and checked, with its syntax tree (kept from the check, so that
/// a diff parses each file once), or every diagnostic rendered.
pub fn read(path: &Path) -> Result<(Model, ast::File), Error> {
    let mut checked = crate::check::check_path(path).map_err(Error::Rules)?;
    let tree = checked.tree.take();
    let (model, _warnings) = checked.into_model().map_err(Error::Rules)?;
    Ok((model, tree.unwrap_or(ast::File { items: vec![], comments: vec![] })))
}

/// Computes the differences between two checked models, each with its file's syntax tree.
pub fn diff_parsed((old, old_tree): (&Model, &ast::File), (new, new_tree): (&Model, &ast::File)) -> Diff {
    let entries = facts::entries(old, old_tree, new, new_tree);
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

/// Evaluates both years. With `previous`, the old rules on it and the new rules
/// on `input`. Without it, both on `input`: when the years differ, the workbook is
/// of one of them (tried the old year first, as in a budget meeting with last year's
/// volumes) and is relabelled to the other year; a workbook with Budget only (no
/// Volymer or Utfall yet) serves both. `progress` is told how many postings have been read.
pub fn impact(
    old: &Model,
    new: &Model,
    input: &Path,
    previous: Option<&Path>,
    progress: &mut dyn FnMut(u64),
) -> Result<(Vec<Impact>, String), Error> {
    let (oy, ny) = (old.header.year, new.header.year);
    let shown = input.display().to_string();
    let (old_data, new_data, how) = match previous {
        Some(p) => {
            let o = eval::data::load(old, p, progress)?;
            let n = eval::data::load_budget_only(new, input, ny)?;
            let previous = p.display().to_string();
            match budget_only(&n) {
                // In May the new year's workbook has its Budget only: the new rules
                // take it, with last year's volumes and ledger relabelled to the new year.
                true => {
                    let mut relabelled = eval::data::load_for_other_rules(new, p, oy)?;
                    relabelled.budget = n.budget;
                    let how = crate::tr!(
                        "diff-impact-new-budget-old-volumes",
                        new_year = ny.to_string(),
                        new_input = shown.as_str(),
                        old_year = oy.to_string(),
                        old_input = previous.as_str()
                    );
                    (o, relabelled, how)
                }
                false => (
                    o,
                    n,
                    crate::tr!(
                        "diff-impact-two-workbooks",
                        old_year = oy.to_string(),
                        old_input = previous.as_str(),
                        new_year = ny.to_string(),
                        new_input = shown.as_str()
                    ),
                ),
            }
        }
        None if oy == ny => {
            let (mut o, mut n) = (eval::data::load_budget_only(old, input, ny)?, eval::data::load_budget_only(new, input, ny)?);
            match budget_only(&o) {
                true => {
                    no_volumes(old, &mut o);
                    no_volumes(new, &mut n);
                    (o, n, crate::tr!("diff-impact-budget-only", input = shown.as_str()))
                }
                false => (o, n, crate::tr!("diff-impact-same-workbook", input = shown.as_str())),
            }
        }
        None => across_years(old, new, input)?,
    };
    let totals = |m: &Model, d: &Data, prev: Option<&Data>| -> Result<Vec<(String, String, Decimal)>, Error> {
        let r = eval::evaluate(m, d, prev, Options::default()).map_err(|e| Error::eval(e, &m.source))?;
        let boards: HashMap<&str, &str> = m.assignments.iter().rev().map(|a| (a.id.as_str(), a.board.0.as_str())).collect();
        let board = |id: &str| boards.get(id).map(|b| b.to_string()).unwrap_or_default();
        Ok(r.assignments.iter().map(|a| (a.id.clone(), board(&a.id), a.compensation.total)).collect())
    };
    let o = totals(old, &old_data, None)?;
    let n = totals(new, &new_data, Some(&old_data))?;
    // By id, the first of each (as a search from the front finds it).
    let by_id = |xs: &[(String, String, Decimal)]| -> HashMap<String, Decimal> { xs.iter().rev().map(|x| (x.0.clone(), x.2)).collect() };
    let (old_by_id, new_by_id) = (by_id(&o), by_id(&n));
    let mut out: Vec<Impact> = n
        .iter()
        .map(|(id, board, v)| Impact { id: id.clone(), board: board.clone(), old: old_by_id.get(id).copied(), new: Some(*v) })
        .collect();
    out.extend(o.iter().filter(|(id, ..)| !new_by_id.contains_key(id)).map(|(id, board, v)| Impact {
        id: id.clone(),
        board: board.clone(),
        old: Some(*v),
        new: None,
    }));
    Ok((out, how))
}

/// One workbook for two different years: of the old year (last year's volumes as
/// the basis for the new year), else of the new year, else Budget only. When the
/// workbook fits neither year, the error of the year it fits better (fewer problems).
fn across_years(old: &Model, new: &Model, input: &Path) -> Result<(Data, Data, String), Error> {
    let (oy, ny) = (old.header.year, new.header.year);
    let shown = input.display().to_string();
    let first = match eval::data::load_budget_only(old, input, oy) {
        Ok(mut o) => {
            let mut n = eval::data::load_for_other_rules(new, input, oy)?;
            let how = match budget_only(&o) {
                true => {
                    no_volumes(old, &mut o);
                    no_volumes(new, &mut n);
                    crate::tr!("diff-impact-budget-only", input = shown.as_str())
                }
                false => crate::tr!("diff-impact-relabelled", new_year = ny.to_string(), old_year = oy.to_string(), input = shown.as_str()),
            };
            return Ok((o, n, how));
        }
        Err(e) => e,
    };
    match eval::data::load_budget_only(new, input, ny) {
        Ok(n) => {
            let o = eval::data::load_for_other_rules(old, input, ny)?;
            let how = crate::tr!("diff-impact-relabelled", new_year = oy.to_string(), old_year = ny.to_string(), input = shown.as_str());
            Ok((o, n, how))
        }
        Err(second) => Err(if second.problems.total() < first.problems.total() { second } else { first }.into()),
    }
}

/// A workbook with Budget only has no month's volumes yet: every volume measure of
/// every assignment and part counts as zero (the header says so), so the fixed
/// compensation and what the rules make of the budget can still be compared.
fn no_volumes(m: &Model, d: &mut Data) {
    let volumes = m.measure_ids().filter(|&x| m.measures[x.index()].kind == crate::model::MeasureKind::Volume);
    for x in volumes.collect::<Vec<_>>() {
        for ai in m.assignment_ids() {
            let parts = m.assignments[ai.index()].part_ids().map(Some);
            for part in std::iter::once(None).chain(parts) {
                d.volume.entry((ai, part, x)).or_default();
            }
        }
    }
}

/// Whether the workbook held no volumes and no postings (Budget only).
fn budget_only(d: &Data) -> bool {
    d.volume.is_empty() && d.unmapped.0 == 0 && d.ledger.iter().flatten().chain(&d.out_of_scope).all(|l| l.rows.iter().all(|r| *r == 0))
}
