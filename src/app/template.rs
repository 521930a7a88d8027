//! `ekostyr template RULES -o FILE.xlsx`: an empty input workbook for the rules.

use super::Output;
use crate::cli::TemplateArgs;

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
    let written = crate::template::template(&model, &args.rules.display().to_string(), &args.output)
        .and_then(|(bytes, rows)| crate::report::write_new(&args.output, &bytes).map(|()| rows));
    match written {
        Ok(rows) => {
            out.say(crate::tr!("app-template-wrote", file = args.output.display().to_string(), budget = rows.budget, volume = rows.volume))
        }
        Err(e) => out.fail(e),
    }
    out
}
