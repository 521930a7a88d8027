//! `ekostyr explain RULES --input WB TARGET`: the derivation of one figure as a
//! tree, down to every parameter (value, `file:line`), formula (its source text)
//! and input (sheet, cells, count and sum). The values come from the evaluator
//! itself (`eval::Scope`); this module only walks the formula and describes it.

mod inputs;
mod tree;

use crate::eval::{Data, Scope};
use crate::model::{CompKind, Model};
use crate::report::number::swedish;
use crate::vocab::Figure;
use rust_decimal::Decimal;
pub use tree::Node;

/// Explains `target` (`uppdrag` or `uppdrag.<figur>` for every [`Figure`],
/// `uppdrag.<nyckeltal>`, `uppdrag.överföring[YYYY-MM]`) up to month `last`.
pub fn explain(model: &Model, data: &Data, target: &str, last: u32) -> Result<Vec<Node>, String> {
    let (name, month) = split_month(target)?;
    let (a_id, figure) = name.split_once('.').unwrap_or((name, Figure::Compensation.name()));
    let Some((a, _)) = model.assignment(a_id) else {
        let hint = crate::diagnostic::did_you_mean(a_id, model.assignments.iter().map(|x| x.id.as_str()));
        let hint = hint.map(|h| format!("; {h}")).unwrap_or_default();
        return Err(crate::tr!("explain-unknown-assignment", name = a_id, hint = hint));
    };
    let scope = Scope { model, data: Some(data), previous_data: None, a: Some(a), part: None, months: (1, last) };
    let w = tree::Walker { scope };
    let Some(figure) = Figure::parse(figure) else { return w.key_figure(a, figure, month) };
    Ok(match figure {
        Figure::Compensation => vec![w.total(a)],
        Figure::Fixed => vec![w.compensation(a, CompKind::Fixed)],
        Figure::Variable => vec![w.compensation(a, CompKind::Variable)],
        Figure::Changes => vec![w.changes(a)],
        Figure::Cost => vec![w.cost(a, None)],
        Figure::Result => vec![w.result(a)],
        Figure::Transfer => return w.transfer(a, month.ok_or_else(|| crate::tr!("explain-transfer-needs-month", name = a_id))?),
    })
}

/// Explains `target` on a session's workbook, up to its `--period` (the full year
/// without): the tree, and the rows of later months that were left out.
pub fn explain_session(
    session: &crate::session::Session,
    target: &str,
    progress: &mut dyn FnMut(u64),
) -> Result<(Vec<Node>, crate::workbook::SkippedRows), crate::error::Error> {
    let last = session.last_month()?.unwrap_or(12);
    let (data, _) = session.load(&session.model, progress)?;
    let nodes = explain(&session.model, &data, target, last).map_err(crate::error::Error::Usage)?;
    Ok((nodes, data.skipped))
}

fn split_month(target: &str) -> Result<(&str, Option<u32>), String> {
    let Some((name, rest)) = target.split_once('[') else { return Ok((target, None)) };
    let text = rest.trim_end_matches(']');
    let p = crate::workbook::parse_period_text(text).map_err(|e| format!("`{target}`: {e}"))?;
    Ok((name, Some(p.month)))
}

/// Kronor in Swedish format.
pub(crate) fn kr(d: Decimal) -> String {
    format!("{} kr", swedish(d, 2))
}
