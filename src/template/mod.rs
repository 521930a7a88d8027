//! `ekostyr template`: an input workbook with the sheets, columns and names the
//! rules read, its values left blank for the user to fill in.
//!
//! The rows of `Budget` and `Volymer` are exactly the inputs the formulas look up
//! ([`needed_rows`]), in model order, with drop-down lists on `uppdrag`, `del` and
//! `mått` (the names live on a hidden sheet `Listor`); `Utfall` gets its header row;
//! `Instruktioner`, the first sheet, says in Swedish how to fill in each sheet,
//! which ledger ID codes belong to which assignment and part, each measure's unit
//! and sheet, and which rule file and version the template was made from.
//!
//! The output is deterministic (the creation time is 1 January of the rules' year)
//! and never replaces an existing file: a filled-in workbook is not overwritten by
//! an empty one.

use crate::eval::data::Key;
use crate::model::{AssignmentId, CodePattern, Expr, ExprKind, LetId, MeasureKind, Model, PartId};
use rust_xlsxwriter::{DataValidation, DocProperties, ExcelDateTime, Format, Formula, Workbook, Worksheet, XlsxError};
use std::collections::{BTreeSet, HashSet};
use std::path::Path;

/// Drop-down lists cover the data rows and at least this many rows (0-based last row).
const VALIDATED_ROWS: u32 = 1000;

/// How many data rows the template's Budget and Volymer sheets have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowCounts {
    /// Rows of `Budget`.
    pub budget: usize,
    /// Rows of `Volymer` (twelve months of each needed key, or the one month asked for).
    pub volume: usize,
}

/// The template workbook of `model` (read from the rule file named `rules`, to be
/// written as `output`), and its row counts. Refuses when `output` exists or its
/// directory does not: a filled-in workbook is never replaced.
///
/// With `month` (1..=12, from `--period`), the template of that month alone, for
/// `ekostyr append`: its Volymer rows, Budget with its header only (the budget is
/// in the year's workbook), Utfall as always.
pub fn template(model: &Model, rules: &str, output: &Path, month: Option<u32>) -> Result<(Vec<u8>, RowCounts), String> {
    check_output(output)?;
    let mut needs = needed_rows(model);
    let name = output.file_name().map_or_else(|| output.display().to_string(), |n| n.to_string_lossy().into_owned());
    let sha256 = crate::session::sha256(model.source.text.as_bytes());
    let origin = Origin { file: rules.to_string(), sha256, output: name, month };
    if month.is_some() {
        needs.budget.clear();
    }
    let bytes = render(model, &needs, &origin)?;
    let months = if month.is_some() { 1 } else { 12 };
    Ok((bytes, RowCounts { budget: needs.budget.len(), volume: needs.volume.len() * months }))
}

/// The directory must exist and the file must not: a filled-in workbook is never replaced.
fn check_output(path: &Path) -> Result<(), String> {
    let dir = crate::report::directory_of(path);
    let (file, dir_name) = (path.display().to_string(), dir.display().to_string());
    if !dir.is_dir() {
        return Err(crate::tr!("template-no-directory", file = file, dir = dir_name));
    }
    if path.exists() {
        return Err(crate::tr!("template-exists", file = file));
    }
    Ok(())
}

// ------------------------------------------------------------------ which rows

/// The Budget and Volymer rows the rules read, as (assignment, part, measure)
/// ids of the model, ordered by assignment, then part (the whole
/// assignment first), then measure.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Needs {
    /// Rows of `Budget`.
    pub budget: BTreeSet<Key>,
    /// Rows of `Volymer`, each for every month.
    pub volume: BTreeSet<Key>,
}

/// Walks every formula of every assignment (fixed, variable, changes, key figures
/// — also those followed up from a later year — and the `låt` bindings they use)
/// and collects the inputs each `budget(…)` and `volym(…)` reads in its context:
/// inside `summa`, a per-part key figure or a binding used there, one row per
/// part; with an explicit part, that part; otherwise one row per part (the
/// evaluator sums them), or one row with `del` empty for an assignment without
/// parts. A binding nothing uses is never evaluated and asks for nothing; values
/// of `föregående` come from the previous year's workbook and are not asked for.
pub fn needed_rows(model: &Model) -> Needs {
    let mut walker = Walker { model, needs: Needs::default(), lets: HashSet::new() };
    for a in model.assignment_ids() {
        walker.assignment(a);
    }
    walker.needs
}

/// Where an expression is evaluated: its assignment, and whether once per part.
#[derive(Clone, Copy)]
struct Context {
    assignment: AssignmentId,
    per_part: bool,
}

struct Walker<'m> {
    model: &'m Model,
    needs: Needs,
    /// Bindings already walked, with their context.
    lets: HashSet<(AssignmentId, LetId, bool)>,
}

impl Walker<'_> {
    fn assignment(&mut self, a: AssignmentId) {
        let asg = &self.model.assignments[a];
        let whole = Context { assignment: a, per_part: false };
        let compensation = asg.fixed.iter().chain(&asg.variable).chain(asg.changes.iter().map(|c| &c.amount));
        for formula in compensation {
            self.expr(&formula.expr, whole);
        }
        for kf in &asg.key_figures {
            self.expr(&kf.formula.expr, Context { per_part: kf.per_part, ..whole });
            for series in &kf.series {
                self.expr(&series.formula.expr, Context { per_part: kf.per_part, ..whole });
            }
        }
    }

    fn expr(&mut self, e: &Expr, cx: Context) {
        match &e.kind {
            ExprKind::Budget(a, m, p) => self.need(MeasureKind::Budget, (*a, *p, *m), cx),
            ExprKind::Volume(a, m, p) => self.need(MeasureKind::Volume, (*a, *p, *m), cx),
            ExprKind::SumParts(a, x) => self.expr(x, Context { assignment: *a, per_part: true }),
            ExprKind::Let(a, l) => self.binding(*a, *l, cx.per_part && cx.assignment == *a),
            _ => e.children().into_iter().for_each(|x| self.expr(x, cx)),
        }
    }

    /// A `låt` binding is evaluated in its own assignment, per part only when used per part there.
    fn binding(&mut self, a: AssignmentId, l: LetId, per_part: bool) {
        if self.lets.insert((a, l, per_part)) {
            let formula = &self.model.assignments[a].lets[l].formula;
            self.expr(&formula.expr, Context { assignment: a, per_part });
        }
    }

    /// `key` holds the explicit part, if any.
    fn need(&mut self, kind: MeasureKind, (a, explicit, m): Key, cx: Context) {
        let asg = &self.model.assignments[a];
        let in_part = cx.per_part && cx.assignment == a;
        let rows: Vec<Option<PartId>> = match explicit {
            Some(p) => vec![Some(p)],
            None if in_part || !asg.parts.is_empty() => asg.part_ids().map(Some).collect(),
            None => vec![None],
        };
        let set = match kind {
            MeasureKind::Budget => &mut self.needs.budget,
            MeasureKind::Volume => &mut self.needs.volume,
        };
        set.extend(rows.into_iter().map(|p| (a, p, m)));
    }
}

mod instructions;
mod workbook;

pub use workbook::{Origin, render};

#[cfg(test)]
mod tests {
    use super::workbook::names;
    use super::*;
    use crate::check::check_source;
    use crate::source::SourceFile;

    const HEADER: &str =
        "regelverk \"t\"\når 2023\nversion 1.0\ndokumentägare \"E\"\nmått budget platser: platser\nmått volym dygn_v: dygn\n";

    fn model(body: &str) -> Model {
        let checked = check_source(SourceFile::new("t.ek", format!("{HEADER}{body}")), None, &mut vec![]);
        let rendered = checked.render();
        checked.model.unwrap_or_else(|| panic!("the test rules have errors:\n{rendered}"))
    }

    /// (uppdrag, del, mått) names of a set of keys.
    fn named(model: &Model, keys: &BTreeSet<Key>) -> Vec<String> {
        keys.iter().map(|k| names(model, *k).join("/")).collect()
    }

    #[test]
    fn rows_follow_the_context_each_input_is_read_in() {
        let m = model(
            "nämnd N \"N\" {
  vårdform v \"V\" {
    uppdrag a \"A\" {
      del x \"X\" id A1*
      del y \"Y\" id A2*
      låt p = budget(platser)
      ersättning fast = summa(p * 1 kr/plats)
    }
    uppdrag b \"B\" {
      id B1*
      ersättning fast = (a.p + budget(platser)) * 1 kr/plats
      nyckeltal k \"K\" {
        värde = volym(dygn_v)
        intervall årsvis
        mottagare \"M\"
        ansvarig \"R\"
        från 2024
      }
    }
    uppdrag c \"C\" {
      del z \"Z\" id C1*
      del w \"W\" id C2*
      ersättning fast = 1 kr
      nyckeltal k \"K\" {
        värde = budget(platser; w)
        per del
        intervall årsvis
        mottagare \"M\"
        ansvarig \"R\"
        från 2023
      }
      nyckeltal l \"L\" {
        värde = volym(dygn_v)
        intervall årsvis
        mottagare \"M\"
        ansvarig \"R\"
        från 2023
      }
    }
  }
}
",
        );
        let needs = needed_rows(&m);
        assert_eq!(named(&m, &needs.budget), ["a/x/platser", "a/y/platser", "b//platser", "c/w/platser"]);
        assert_eq!(named(&m, &needs.volume), ["b//dygn_v", "c/z/dygn_v", "c/w/dygn_v"]);
    }
}
