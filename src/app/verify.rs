//! `ekostyr verify REPORT.json`: does the report reproduce from the files it names?

use super::{Outcome, Output};
use crate::cli::VerifyArgs;
use crate::verify::{Verdict, verify};

/// `ekostyr verify`
pub fn verify_command(args: &VerifyArgs) -> Output {
    let file = crate::diagnostic::echo(&args.report.display().to_string());
    let mut out = Output::default();
    match verify(&args.report) {
        Ok(Verdict::Reproduces) => out.say(crate::tr!("app-verify-reproduces", file = file)),
        Ok(Verdict::Changed(lines)) => {
            out.say(crate::tr!("app-verify-does-not-reproduce", file = file));
            lines.iter().for_each(|l| out.say(format!("  {l}")));
            out.end(Outcome::Failed);
        }
        Err(e) => out.fail(format!("{file}: {}", e.trim_end())),
    }
    out
}
