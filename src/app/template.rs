//! `ekostyr template RULES -o FILE.xlsx`: an empty input workbook for the rules.

use super::Output;
use crate::cli::TemplateArgs;
use std::path::PathBuf;

/// `ekostyr template`
pub fn template(args: &TemplateArgs) -> Output {
    let mut out = Output::default();
    let model = match super::checked_model(&args.rules, &mut out) {
        Ok(m) => m,
        Err(e) => {
            out.fail(e);
            return out;
        }
    };
    let month = match args.period.as_deref().map(|p| crate::session::parse_period(p, model.header.year)).transpose() {
        Ok(month) => month,
        Err(e) => {
            out.fail(e);
            return out;
        }
    };
    let written = refuse_rule_files(args, &model)
        .and_then(|()| crate::template::template(&model, &args.rules.display().to_string(), &args.output, month))
        .and_then(|(bytes, rows)| crate::output::write_new(&args.output, &bytes).map(|()| rows));
    match written {
        Ok(rows) => {
            out.say(crate::tr!("app-template-wrote", file = args.output.display().to_string(), budget = rows.budget, volume = rows.volume))
        }
        Err(e) => out.fail(e),
    }
    out
}

/// Refuses `-o` when it names the rule file or a file it builds on, with that reason
/// rather than only "the file exists".
fn refuse_rule_files(args: &TemplateArgs, model: &crate::model::Model) -> Result<(), String> {
    let chain = crate::session::provenance_chain(model, &args.rules.display().to_string());
    let files: Vec<PathBuf> = chain.into_iter().map(|r| PathBuf::from(r.file)).collect();
    crate::output::refuse_inputs(&args.output, &files)
}
