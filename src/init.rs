//! `ekostyr init` (not yet implemented).

use crate::commands::Outcome;

/// Runs the command.
pub fn command(_args: &crate::cli::InitArgs) -> Outcome {
    eprintln!("this command is not implemented yet");
    Outcome::Error
}
