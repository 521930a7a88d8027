//! What each subcommand does, returning an [`Outcome`] that maps to an exit code.

use crate::check::check_path;
use crate::cli::{CheckArgs, FmtArgs, RunArgs};
use std::io::Write as _;

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0.
    Ok,
    /// Exit 1: an expectation failed or `fmt --check` found files to format.
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

    fn worst(self, other: Outcome) -> Outcome {
        if other.code() > self.code() { other } else { self }
    }
}

/// Checks a rule file for a command that goes on to use it: the model, with any
/// warnings shown on standard error; or every diagnostic rendered, on errors.
pub fn checked_model(path: &std::path::Path) -> Result<crate::model::Model, String> {
    let (model, warnings) = check_path(path)?.into_model()?;
    if let Some(w) = warnings {
        eprint!("{w}");
    }
    Ok(model)
}

/// `ekostyr check`
pub fn check(args: &CheckArgs) -> Outcome {
    let mut outcome = Outcome::Ok;
    for path in &args.files {
        match check_path(path) {
            Err(e) => {
                eprintln!("{e}");
                outcome = Outcome::Error;
            }
            Ok(checked) => {
                let rendered = checked.render();
                let clean = checked.diagnostics.0.is_empty() && checked.upstream.is_empty();
                if checked.has_errors() {
                    eprint!("{rendered}");
                    outcome = outcome.worst(Outcome::Error);
                } else if !clean {
                    eprint!("{rendered}");
                } else {
                    println!("{}: ok", path.display());
                }
            }
        }
    }
    outcome
}

/// `ekostyr fmt`
pub fn fmt(args: &FmtArgs) -> Outcome {
    let mut outcome = Outcome::Ok;
    for path in &args.files {
        outcome = outcome.worst(fmt_one(path, args.check));
    }
    outcome
}

fn fmt_one(path: &std::path::Path, check_only: bool) -> Outcome {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{}: cannot read the rule file: {e}", path.display());
            return Outcome::Error;
        }
    };
    let source = crate::source::SourceFile::new(path.display().to_string(), text);
    let formatted = match crate::fmt::format_source(&source) {
        Ok(f) => f,
        Err(d) => {
            eprint!("{}", d.render(&source));
            return Outcome::Error;
        }
    };
    if formatted == source.text {
        return Outcome::Ok;
    }
    if check_only {
        println!("{}: would be reformatted", path.display());
        return Outcome::Failed;
    }
    match crate::report::write_atomically(path, formatted.as_bytes()) {
        Ok(()) => {
            println!("{}: formatted", path.display());
            Outcome::Ok
        }
        Err(e) => {
            eprintln!("{e}");
            Outcome::Error
        }
    }
}

/// `ekostyr run`
pub fn run(args: &RunArgs) -> Outcome {
    let bytes = match crate::run::run(args) {
        Ok(b) => b,
        Err(e) => return fail(&e.0),
    };
    emit(&bytes, args.output.as_deref(), args.format)
}

/// `ekostyr` without arguments.
pub fn run_default() -> Outcome {
    match crate::run::run_default() {
        Ok(b) => emit(&b, None, crate::cli::Format::Table),
        Err(e) => fail(&e.0),
    }
}

/// Prints an error message (ending it with a line break) and gives exit code 2.
pub(crate) fn fail(message: &str) -> Outcome {
    eprint!("{message}");
    if !message.ends_with('\n') {
        eprintln!();
    }
    Outcome::Error
}

/// Prints a command's text output, or its error.
pub(crate) fn print_or_fail(result: Result<String, String>) -> Outcome {
    match result {
        Ok(text) => {
            print!("{text}");
            Outcome::Ok
        }
        Err(e) => fail(&e),
    }
}

fn emit(bytes: &[u8], output: Option<&std::path::Path>, format: crate::cli::Format) -> Outcome {
    match output {
        Some(path) => match crate::report::write_atomically(path, bytes) {
            Ok(()) => Outcome::Ok,
            Err(e) => fail(&e),
        },
        None if format == crate::cli::Format::Xlsx && std::io::IsTerminal::is_terminal(&std::io::stdout()) => {
            fail("an xlsx report is written to a file: add `-o report.xlsx`")
        }
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(bytes).and_then(|()| out.flush()) {
                Ok(()) => Outcome::Ok,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Outcome::Ok,
                Err(e) => fail(&format!("cannot write the report: {e}")),
            }
        }
    }
}

/// `ekostyr diff`
pub fn diff(args: &crate::cli::DiffArgs) -> Outcome {
    crate::diff::command(args)
}

/// `ekostyr init`
pub fn init(args: &crate::cli::InitArgs) -> Outcome {
    crate::init::command(args)
}

/// `ekostyr explain`
pub fn explain(args: &crate::cli::ExplainArgs) -> Outcome {
    crate::explain::command(args)
}

/// `ekostyr test`
pub fn test(args: &crate::cli::TestArgs) -> Outcome {
    crate::expect::command(args)
}

/// `ekostyr template`
pub fn template(args: &crate::cli::TemplateArgs) -> Outcome {
    crate::template::command(args)
}

/// `ekostyr verify`
pub fn verify(args: &crate::cli::VerifyArgs) -> Outcome {
    crate::verify::command(args)
}
