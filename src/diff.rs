//! `ekostyr diff OLD NEW`: what changed between two years' rules, as meaning, not
//! text — parameters and the values formulas give without inputs, formulas in
//! canonical form, the hierarchy, key figures, mid-year changes, and with a
//! workbook the impact per assignment in kronor.

mod facts;
mod render;

use crate::check::check_path;
use crate::cli::{DiffArgs, DiffFormat};
use crate::commands::Outcome;
use crate::eval::{self, Data, Options};
use crate::model::Model;
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

fn version_parts(v: &str) -> Option<(u64, u64)> {
    let (a, b) = v.split_once('.').unwrap_or((v, "0"));
    Some((a.parse().ok()?, b.parse().ok()?))
}

/// A new year takes the next whole number (any decimal step within it); a change
/// during the same year the next decimal step; a real change needs a new version.
fn version_verdict(old: &Model, new: &Model, changed: bool) -> (bool, String) {
    let (o, n) = (&old.header, &new.header);
    let (Some(ov), Some(nv)) = (version_parts(&o.version), version_parts(&n.version)) else {
        return (false, format!("version `{}` → `{}`: inte på formen N.N", o.version, n.version));
    };
    if ov == nv {
        return match changed {
            true => (false, format!("version `{}` är oförändrad fast tal eller formler har ändrats", n.version)),
            false => (true, format!("version `{}` oförändrad; bara layout eller kommentarer skiljer", n.version)),
        };
    }
    let fits = match n.year.cmp(&o.year) {
        std::cmp::Ordering::Greater => nv.0 == ov.0.saturating_add(1),
        std::cmp::Ordering::Equal => nv == (ov.0, ov.1.saturating_add(1)),
        std::cmp::Ordering::Less => false,
    };
    let why = match (n.year > o.year, fits) {
        (true, true) => "nytt budgetår, nästa heltal",
        (true, false) => "ett nytt budgetår ska ha nästa heltal som version",
        (false, true) => "ändring under året, nästa decimalsteg",
        (false, false) => "en ändring under året ska ha nästa decimalsteg som version",
    };
    (fits, format!("version `{}` → `{}`: {why}", o.version, n.version))
}

/// Evaluates both years: old rules on the previous workbook, or — without one —
/// on the same workbook, to isolate what the change of rules costs.
fn impact(old: &Model, new: &Model, input: &Path, previous: Option<&Path>) -> Result<(Vec<Impact>, String), String> {
    let new_data = crate::run::load(new, input).map_err(|e| e.0)?;
    let (old_data, how) = match previous {
        Some(p) => (
            crate::run::load(old, p).map_err(|e| e.0)?,
            format!("{} på {}, {} på {}", old.header.year, p.display(), new.header.year, input.display()),
        ),
        None => (
            eval::data::load_for_year(old, input, new.header.year).map_err(|e| e.to_string())?,
            format!("båda åren på {} (samma volymer): skillnaden är enbart regeländringen", input.display()),
        ),
    };
    let totals = |m: &Model, d: &Data, prev: Option<&Data>| -> Result<Vec<(String, Decimal)>, String> {
        let r = eval::evaluate(m, d, prev, Options::default()).map_err(|e| e.0.render(&m.source))?;
        Ok(r.assignments.iter().map(|a| (a.id.clone(), a.compensation.total)).collect())
    };
    let o = totals(old, &old_data, None)?;
    let n = totals(new, &new_data, Some(&old_data))?;
    let mut out: Vec<Impact> =
        n.iter().map(|(id, v)| Impact { id: id.clone(), old: o.iter().find(|x| &x.0 == id).map(|x| x.1), new: Some(*v) }).collect();
    out.extend(o.iter().filter(|(id, _)| !n.iter().any(|x| &x.0 == id)).map(|(id, v)| Impact { id: id.clone(), old: Some(*v), new: None }));
    Ok((out, how))
}

/// `ekostyr diff`
pub fn command(args: &DiffArgs) -> Outcome {
    crate::commands::print_or_fail(run(args))
}

fn load_model(path: &Path) -> Result<Model, String> {
    Ok(check_path(path)?.into_model()?.0)
}

fn run(args: &DiffArgs) -> Result<String, String> {
    let (old, new) = (load_model(&args.old)?, load_model(&args.new)?);
    let mut d = diff(&old, &new);
    d.old.0 = args.old.display().to_string();
    d.new.0 = args.new.display().to_string();
    if let Some(input) = &args.input {
        d.impact = Some(impact(&old, &new, input, args.previous_input.as_deref())?);
    }
    Ok(match args.format {
        DiffFormat::Text => render::text(&d),
        DiffFormat::Md => render::markdown(&d),
        DiffFormat::Json => render::json(&d),
    })
}
