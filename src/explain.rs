//! `ekostyr explain` (not yet implemented).

use crate::commands::Outcome;

/// Runs the command.
pub fn command(_args: &crate::cli::ExplainArgs) -> Outcome {
    eprintln!("this command is not implemented yet");
    Outcome::Error
}
