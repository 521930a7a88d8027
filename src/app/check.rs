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
            Ok(checked) => {
                let checked = crate::session::with_price_bands(checked);
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
