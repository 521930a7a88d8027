//! The Prognos sheet's rows → one provider's forecast per assignment.
//!
//! A row names an assignment and, optionally, one of its parts. An assignment is
//! forecast either whole (one row without `del`) or part by part (one row per part,
//! every part); its forecast result is the sum of its rows and its comment their
//! comments, in row order.

use super::{InputProblem, Names, RowProblem, at};
use crate::model::{AssignmentId, PartId};
use crate::workbook::{CellRef, ForecastRow, Problems};
use rust_decimal::Decimal;

/// The provider's full-year forecast of one assignment's result (`Prognos`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderForecast {
    /// The assignment.
    pub assignment: AssignmentId,
    /// The forecast result (compensation − cost) for the full year, kr.
    pub result: Decimal,
    /// The rows' comments, joined (a part's prefixed by its name).
    pub comment: Option<String>,
    /// The first row's amount cell.
    pub cell: CellRef,
}

/// One good row, mapped.
struct Mapped<'r> {
    assignment: AssignmentId,
    part: Option<PartId>,
    row: &'r ForecastRow,
}

impl Names<'_> {
    /// The forecasts of the Prognos rows, one per assignment in the rules' order;
    /// every problem is recorded at its cell.
    pub(super) fn forecasts(&self, rows: &[ForecastRow], out: &mut Problems<InputProblem>) -> Vec<ProviderForecast> {
        let mapped: Vec<Mapped<'_>> = rows.iter().filter_map(|row| self.forecast_row(row, out)).collect();
        self.model.assignment_ids().filter_map(|a| self.forecast_of(a, &mapped, out)).collect()
    }

    fn forecast_row<'r>(&self, row: &'r ForecastRow, out: &mut Problems<InputProblem>) -> Option<Mapped<'r>> {
        let assignment = self.assignment(&row.assignment, out)?;
        let part = match &row.part {
            Some(p) => Some(self.part(&self.model.assignments[assignment], p, out)?),
            None => None,
        };
        Some(Mapped { assignment, part, row })
    }

    /// One assignment's forecast from its rows; `None` without rows or after recording a problem.
    fn forecast_of(&self, a: AssignmentId, mapped: &[Mapped<'_>], out: &mut Problems<InputProblem>) -> Option<ProviderForecast> {
        let rows: Vec<&Mapped<'_>> = mapped.iter().filter(|m| m.assignment == a).collect();
        let first = rows.first()?;
        let asg = &self.model.assignments[a];
        for (i, r) in rows.iter().enumerate().skip(1) {
            if let Some(prev) = rows[..i].iter().find(|p| p.part == r.part || p.part.is_none() || r.part.is_none()) {
                let problem = RowProblem::ForecastTwice { assignment: asg.id.clone(), first: prev.row.assignment.cell.clone() };
                out.push(at(self.file, &r.row.assignment.cell, problem));
                return None;
            }
        }
        if first.part.is_some() {
            let missing: Vec<String> =
                asg.part_ids().filter(|p| !rows.iter().any(|r| r.part == Some(*p))).map(|p| asg.parts[p].id.clone()).collect();
            if !missing.is_empty() {
                out.push(at(
                    self.file,
                    &first.row.part.as_ref()?.cell,
                    RowProblem::ForecastPartsMissing { assignment: asg.id.clone(), missing },
                ));
                return None;
            }
        }
        let Some(result) = rows.iter().try_fold(Decimal::ZERO, |acc, r| acc.checked_add(r.row.amount.value)) else {
            out.push(at(self.file, &first.row.amount.cell, RowProblem::ForecastTooLarge { assignment: asg.id.clone() }));
            return None;
        };
        Some(ProviderForecast { assignment: a, result, comment: comment(asg, &rows), cell: first.row.amount.cell.clone() })
    }
}

/// The rows' comments in row order, a part's prefixed by the part's name.
fn comment(asg: &crate::model::Assignment, rows: &[&Mapped<'_>]) -> Option<String> {
    let texts: Vec<String> = rows
        .iter()
        .filter_map(|r| {
            let text = r.row.comment.as_ref()?.value.trim().to_string();
            Some(match r.part {
                Some(p) => format!("{}: {text}", asg.parts[p].name),
                None => text,
            })
        })
        .filter(|t| !t.is_empty())
        .collect();
    (!texts.is_empty()).then(|| texts.join("; "))
}
