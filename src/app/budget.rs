//! `ekostyr budget`: the ersättningsbrygga from last year's compensation to next year's.

use super::Output;
use crate::budget::{self, Inputs};
use crate::cli::{BudgetArgs, BudgetFormat};
use crate::error::Error;
use std::io::IsTerminal as _;
use std::path::PathBuf;

/// `ekostyr budget`
pub fn budget(args: &BudgetArgs) -> Output {
    let mut out = Output::default();
    match bridge(args, &mut out) {
        Ok(bytes) => emit(bytes, args, &mut out),
        Err(e) => out.fail(e),
    }
    out
}

fn bridge(args: &BudgetArgs, out: &mut Output) -> Result<Vec<u8>, Error> {
    let model = super::checked_model(&args.rules, out)?;
    if let Some(output) = &args.output {
        let mut inputs: Vec<PathBuf> = crate::session::provenance_chain(&model, &args.rules.display().to_string())
            .into_iter()
            .map(|r| PathBuf::from(r.file))
            .collect();
        inputs.push(args.input.clone());
        inputs.extend(args.budget.clone());
        inputs.extend(args.volymer.clone());
        crate::output::refuse_inputs(output, &inputs).map_err(Error::Usage)?;
    }
    let inputs = Inputs {
        last_year: &args.input,
        last_year_name: args.input.display().to_string(),
        budget: args.budget.as_deref().map(|p| (p, p.display().to_string())),
        planned_volumes: args.volymer.as_deref().map(|p| (p, p.display().to_string())),
    };
    let b = super::run::with_progress(|_| budget::build(&model, &inputs))?;
    let lang = crate::i18n::lang();
    Ok(match args.format {
        BudgetFormat::Table => budget::render::table(&b, lang).into_bytes(),
        BudgetFormat::Md => budget::render::markdown(&b, lang).into_bytes(),
        BudgetFormat::Json => budget::render::json(&b).into_bytes(),
        BudgetFormat::Xlsx => budget::render::xlsx(&b, lang).map_err(Error::Usage)?,
    })
}

fn emit(bytes: Vec<u8>, args: &BudgetArgs, out: &mut Output) {
    match &args.output {
        Some(path) => {
            if let Err(e) = crate::output::write(path, &bytes) {
                out.fail(e);
            }
        }
        None if args.format == BudgetFormat::Xlsx && std::io::stdout().is_terminal() => out.fail(crate::tr!("budget-xlsx-needs-file")),
        None => out.stdout = bytes,
    }
}
