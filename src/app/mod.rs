//! The app layer: one file per command, each taking its typed options (the clap
//! structs of [`crate::cli`]) and returning an [`Output`]: what to print on
//! standard output and standard error, and how the command ended. `main` writes it
//! and maps the [`Outcome`] to the exit code. Nothing below this layer prints,
//! reads arguments or knows about exit codes; every word comes from the catalog.

pub mod append;
pub mod budget;
pub mod check;
pub mod completions;
pub mod diff;
pub mod explain;
pub mod fmt;
pub mod init;
pub mod rapport;
pub mod run;
pub mod serve;
pub mod template;
pub mod test;
pub mod verify;

use crate::error::Error;
use std::path::Path;

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// Exit 0.
    Ok,
    /// Exit 1: an expectation failed, `fmt --check` found files to format, or `verify` did not reproduce.
    Failed,
    /// Exit 2: rules with errors, bad input, or bad usage.
    Error,
}

impl Outcome {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            Outcome::Ok => 0,
            Outcome::Failed => 1,
            Outcome::Error => 2,
        }
    }
}

/// What a command has to say, and how it ended.
#[derive(Debug, Default)]
pub struct Output {
    /// For standard output: the report, the diff, the tree.
    pub stdout: Vec<u8>,
    /// For standard error: diagnostics, warnings.
    pub stderr: String,
    /// How it ended (the worst of its parts).
    pub outcome: Option<Outcome>,
}

impl Output {
    /// A command that succeeded with `text` on standard output.
    pub fn text(text: impl Into<String>) -> Output {
        Output { stdout: text.into().into_bytes(), ..Output::default() }
    }

    /// A command that failed with `message` on standard error.
    pub fn error(message: impl std::fmt::Display) -> Output {
        let mut out = Output::default();
        out.fail(message);
        out
    }

    /// Adds a line to standard output.
    pub fn say(&mut self, line: impl AsRef<str>) {
        self.stdout.extend_from_slice(line.as_ref().as_bytes());
        self.stdout.push(b'\n');
    }

    /// Adds text to standard error, ending it with a line break.
    pub fn warn(&mut self, text: impl AsRef<str>) {
        let text = text.as_ref();
        self.stderr.push_str(text);
        if !text.ends_with('\n') {
            self.stderr.push('\n');
        }
    }

    /// Records an error: the message on standard error, exit code 2.
    pub fn fail(&mut self, message: impl std::fmt::Display) {
        self.warn(message.to_string());
        self.end(Outcome::Error);
    }

    /// Records how one part ended; the command ends with the worst.
    pub fn end(&mut self, outcome: Outcome) {
        self.outcome = Some(self.outcome.map_or(outcome, |o| o.max(outcome)));
    }

    /// How the command ended (ok unless something said otherwise).
    pub fn outcome(&self) -> Outcome {
        self.outcome.unwrap_or(Outcome::Ok)
    }

    /// The text of a result, or its error.
    pub fn from_result(result: Result<String, Error>) -> Output {
        match result {
            Ok(text) => Output::text(text),
            Err(e) => Output::error(e),
        }
    }
}

/// Checks a rule file for a command that goes on to use it: the model, with its
/// warnings put on standard error.
pub(crate) fn checked_model(path: &Path, out: &mut Output) -> Result<crate::model::Model, Error> {
    let rules = crate::session::rules(path)?;
    if let Some(w) = rules.warnings {
        out.warn(w);
        if strict() {
            return Err(Error::Usage(crate::tr!("whatif-strict")));
        }
    }
    Ok(rules.model)
}

/// `--strikt`: warnings count as errors.
static STRICT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Sets `--strikt` for the process.
pub fn set_strict(on: bool) {
    STRICT.store(on, std::sync::atomic::Ordering::Relaxed);
}

/// Whether `--strikt` is on.
pub fn strict() -> bool {
    STRICT.load(std::sync::atomic::Ordering::Relaxed)
}
