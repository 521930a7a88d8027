//! `ekostyr explain RULES --input WB TARGET`: the derivation of one figure as a
//! tree, down to every parameter (value, `file:line`), formula (its source text)
//! and input (sheet, cells, count and sum). The values come from the evaluator
//! itself (`eval::Scope`); this module only walks the formula and describes it.

mod inputs;
mod tree;

use crate::cli::{DiffFormat, ExplainArgs};
use crate::commands::Outcome;
use crate::eval::{Data, Scope};
use crate::model::{CompKind, Model};
use crate::report::number::swedish;
use rust_decimal::Decimal;
pub use tree::Node;

/// `ekostyr explain`
pub fn command(args: &ExplainArgs) -> Outcome {
    crate::commands::print_or_fail(run(args))
}

fn run(args: &ExplainArgs) -> Result<String, String> {
    let run_args = crate::cli::RunArgs {
        rules: args.rules.clone(),
        input: args.input.clone(),
        period: args.period.clone(),
        previous_input: None,
        format: crate::cli::Format::Json,
        output: None,
        overrides: vec![],
    };
    let job = crate::run::job(&run_args).map_err(|e| e.0)?;
    let last = match &args.period {
        Some(p) => crate::workbook::parse_period_text(p).map_err(|e| format!("`--period {p}`: {e}"))?.month,
        None => 12,
    };
    let data = crate::run::load(&job.model, &job.input).map_err(|e| e.0)?;
    let nodes = explain(&job.model, &data, &args.target, last)?;
    Ok(match args.format {
        DiffFormat::Json => serde_json::to_string_pretty(&nodes).unwrap_or_default() + "\n",
        _ => nodes.iter().map(Node::render).collect(),
    })
}

/// Explains `target` (`uppdrag`, `uppdrag.fast|rörlig|kostnad|resultat`,
/// `uppdrag.<nyckeltal>`, `uppdrag.överföring[YYYY-MM]`) up to month `last`.
pub fn explain(model: &Model, data: &Data, target: &str, last: u32) -> Result<Vec<Node>, String> {
    let (name, month) = split_month(target)?;
    let (a_id, figure) = name.split_once('.').unwrap_or((name, ""));
    let Some((a, _)) = model.assignment(a_id) else {
        let hint = crate::diagnostic::did_you_mean(a_id, model.assignments.iter().map(|x| x.id.as_str()));
        return Err(format!("unknown assignment `{a_id}`{}", hint.map(|h| format!("; {h}")).unwrap_or_default()));
    };
    let scope = Scope { model, data: Some(data), previous_data: None, a: Some(a), part: None, months: (1, last) };
    let w = tree::Walker { scope };
    match figure {
        "" | "ersättning" => Ok(vec![w.total(a)]),
        "fast" => Ok(vec![w.compensation(a, CompKind::Fixed)]),
        "rörlig" => Ok(vec![w.compensation(a, CompKind::Variable)]),
        "kostnad" => Ok(vec![w.cost(a, None)]),
        "resultat" => Ok(vec![w.result(a)]),
        "överföring" => w.transfer(a, month.ok_or("write the month: `uppdrag.överföring[2023-07]`")?),
        kf => w.key_figure(a, kf, month),
    }
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
