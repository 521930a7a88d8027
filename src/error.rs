//! The engine's errors as one type for callers that run several stages (a session,
//! a diff with impact, `explain`): each variant keeps its stage's own typed error,
//! and [`Error`]'s `Display` is the one place they are rendered for a person.

use crate::diagnostic::Diagnostic;
use crate::eval::InputError;
use crate::source::Source;
use std::fmt;
use std::path::PathBuf;

/// A failure of some stage, located in its file, cell or span.
#[derive(Debug)]
pub enum Error {
    /// The rules have errors: every diagnostic of the file (and the files it builds on), rendered.
    Rules(String),
    /// A value the user gave on the command line (`--set`, `--period`, a target) is wrong.
    Usage(String),
    /// The workbook could not be read: every problem with its `Sheet!Cell`.
    Input(InputError),
    /// A formula could not give a figure (division by zero in a compensation, overflow).
    Eval {
        /// The problem, at its formula.
        diagnostic: Box<Diagnostic>,
        /// The rule file the span is in.
        source: Source,
    },
    /// A file could not be read or written.
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

impl Error {
    /// An evaluation error against its rule file.
    pub fn eval(e: crate::eval::EvalError, source: &Source) -> Error {
        Error::Eval { diagnostic: Box::new(e.0), source: source.clone() }
    }

    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io { path: path.into(), source }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Rules(text) | Error::Usage(text) => f.write_str(text.trim_end()),
            Error::Input(e) => write!(f, "{e}"),
            Error::Eval { diagnostic, source } => f.write_str(diagnostic.render(source).trim_end()),
            Error::Io { path, source } => {
                f.write_str(&crate::tr!("io-cannot-read", file = path.display().to_string(), reason = io_reason(source)))
            }
        }
    }
}

impl std::error::Error for Error {}

impl From<InputError> for Error {
    fn from(e: InputError) -> Self {
        Error::Input(e)
    }
}

/// The cause of an I/O error in the user's language.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => crate::tr!("io-not-found"),
        std::io::ErrorKind::PermissionDenied => crate::tr!("io-permission-denied"),
        std::io::ErrorKind::InvalidData => crate::tr!("io-not-utf8"),
        _ => e.to_string(),
    }
}
