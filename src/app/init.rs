//! `ekostyr init YEAR --from RULES`: next year's file, written only where none is.

use super::Output;
use crate::cli::InitArgs;

/// `ekostyr init`
pub fn init(args: &InitArgs) -> Output {
    let new = match crate::init::next_year(&args.from, args.year) {
        Ok(n) => n,
        Err(e) => return Output::error(e),
    };
    match crate::output::write_new(&new.path, new.text.as_bytes()) {
        Ok(()) => {
            let mut out = Output::default();
            out.say(crate::tr!("app-init-wrote", file = new.path.display().to_string()));
            out
        }
        Err(e) => Output::error(e),
    }
}
