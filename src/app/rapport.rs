//! `ekostyr rapport`: rules + workbook → the nämndrapport, as HTML (or PDF) by the
//! output file's extension. Evaluates through the same [`Session`] as `ekostyr run`.

use super::Output;
use crate::cli::RapportArgs;
use crate::error::Error;
use crate::report::board::{self, BoardDoc, BoardOptions};
use crate::session::Session;
use std::path::{Path, PathBuf};

/// `ekostyr rapport`
pub fn rapport(args: &RapportArgs) -> Output {
    let mut out = Output::default();
    let doc = session(args, &mut out).and_then(|s| {
        crate::output::refuse_inputs(&args.output, &inputs(&s)).map_err(Error::Usage)?;
        // Rows of months after `--period` are skipped, and said so, as `run` does.
        let report = super::run::evaluate_noting(&s, &mut out)?;
        Ok((s, report))
    });
    // Rimlighetskontroller as `run` gives them; under `--strikt` no report is written.
    let doc = match doc {
        Ok((s, report)) if !super::run::implausible(&s, &report, &mut out) => return out,
        Ok((_, report)) => board::build(&report, &options(args)).map_err(Error::Usage),
        Err(e) => Err(e),
    };
    let bytes = doc.map_err(|e| e.to_string()).and_then(|d| render(&d, &args.output));
    match bytes.and_then(|b| crate::output::write(&args.output, &b)) {
        Ok(()) => {}
        Err(e) => out.fail(e),
    }
    out
}

fn session(args: &RapportArgs, out: &mut Output) -> Result<Session, Error> {
    let model = super::checked_model(&args.rules, out)?;
    let mut s = Session::new(model, &args.rules, &args.input);
    s.period = args.period.clone();
    s.previous_input = args.previous_input.clone();
    Ok(s)
}

/// Every file the session reads (the report must not overwrite one).
fn inputs(s: &Session) -> Vec<PathBuf> {
    let rules = s.rules.iter().map(|r| PathBuf::from(&r.file));
    rules.chain([s.input.clone()]).chain(s.previous_input.clone()).collect()
}

fn options(args: &RapportArgs) -> BoardOptions {
    BoardOptions { lang: crate::i18n::lang(), unit: args.unit.into(), board: args.board.clone() }
}

/// The document in the format the file's extension names.
fn render(doc: &BoardDoc, path: &Path) -> Result<Vec<u8>, String> {
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_lowercase).unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" => Ok(board::html::render(doc).into_bytes()),
        "pdf" => board::pdf::render(doc),
        _ => Err(crate::tr!("rapport-unknown-extension", file = path.display().to_string())),
    }
}
