//! `ekostyr fmt [--check] RULES...`: the one canonical layout.

use super::{Outcome, Output};
use crate::cli::FmtArgs;
use crate::source::SourceFile;
use std::path::Path;

/// `ekostyr fmt`
pub fn fmt(args: &FmtArgs) -> Output {
    let mut out = Output::default();
    for path in &args.files {
        fmt_one(path, args.check, &mut out);
    }
    out
}

fn fmt_one(path: &Path, check_only: bool, out: &mut Output) {
    let file = path.display().to_string();
    let text = match crate::check::confine::read_rule_file(path) {
        Ok(t) => t,
        Err(r) => return out.fail(crate::tr!("app-fmt-cannot-read", file = file, reason = r.reason())),
    };
    let source = SourceFile::new(file.clone(), text);
    let formatted = match crate::fmt::format_source(&source) {
        Ok(f) => f,
        Err(d) => {
            out.stderr += &d.render(&source);
            return out.end(Outcome::Error);
        }
    };
    if formatted == source.text {
        return out.end(Outcome::Ok);
    }
    if check_only {
        out.say(crate::tr!("app-fmt-would-change", file = file));
        return out.end(Outcome::Failed);
    }
    match crate::output::write(path, formatted.as_bytes()) {
        Ok(()) => out.say(crate::tr!("app-fmt-formatted", file = file)),
        Err(e) => out.fail(e),
    }
}
