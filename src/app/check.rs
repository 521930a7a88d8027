//! `ekostyr check RULES...`: every problem of every file, with its place.

use super::{Outcome, Output};
use crate::check::check_path;
use crate::cli::CheckArgs;

/// `ekostyr check`
pub fn check(args: &CheckArgs) -> Output {
    let mut out = Output::default();
    for path in &args.files {
        match check_path(path) {
            Err(e) => out.fail(e),
            Ok(mut checked) => {
                // Computed prices and fixed amounts that need no inputs, against last year's.
                if let Some(model) = &checked.model {
                    checked.diagnostics.0.extend(crate::eval::whatif::prices_outside_band(model));
                }
                let clean = checked.diagnostics.0.is_empty() && checked.upstream.is_empty();
                if checked.has_errors() {
                    out.stderr += &checked.render();
                    out.end(Outcome::Error);
                } else if !clean {
                    out.stderr += &checked.render();
                    if super::strict() {
                        out.fail(crate::tr!("whatif-strict"));
                    }
                } else {
                    out.say(crate::tr!("app-check-ok", file = path.display().to_string()));
                }
            }
        }
    }
    out
}
