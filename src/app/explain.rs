//! `ekostyr explain RULES --input WB TARGET`: the derivation of one figure.

use super::Output;
use crate::cli::{DiffFormat, ExplainArgs};
use crate::error::Error;
use crate::explain::{Node, explain_session};
use crate::session::Session;

/// `ekostyr explain`
pub fn explain_command(args: &ExplainArgs) -> Output {
    let mut out = Output::default();
    match run(args, &mut out) {
        Ok(text) => out.stdout = text.into_bytes(),
        Err(e) => out.fail(e),
    }
    out
}

fn run(args: &ExplainArgs, out: &mut Output) -> Result<String, Error> {
    let model = super::checked_model(&args.rules, out)?;
    let mut session = Session::new(model, &args.rules, &args.input);
    session.period = args.period.clone();
    let (nodes, skipped) = super::run::with_progress(|tick| explain_session(&session, &args.target, tick))?;
    if let Some(note) = session.skipped_note(&skipped) {
        out.warn(note);
    }
    Ok(match args.format {
        DiffFormat::Json => serde_json::to_string_pretty(&nodes).unwrap_or_default() + "\n",
        _ => nodes.iter().map(Node::render).collect(),
    })
}
