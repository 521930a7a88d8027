//! `ekostyr completions SHELL`: generated from the clap definitions, so they never drift.

use super::Output;
use crate::cli::CompletionsArgs;

/// `ekostyr completions`
pub fn completions(args: &CompletionsArgs) -> Output {
    let mut bytes = vec![];
    clap_complete::generate(args.shell, &mut crate::cli::command(crate::i18n::lang()), "ekostyr", &mut bytes);
    Output { stdout: bytes, ..Output::default() }
}
