//! The `ekostyr` binary: choose the language, parse arguments, run the command,
//! write what it says and map its outcome to the exit code.

use ekostyr::app::{self, Outcome, Output};
use ekostyr::cli::Command;
use ekostyr::i18n::{self, Lang};
use std::io::Write as _;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    i18n::set_lang(ekostyr::cli::lang_in_args(&args).or_else(lang_from_env).unwrap_or_default());
    std::panic::set_hook(Box::new(|info| eprint!("{}", internal_error(info.location()))));
    let parsed = ekostyr::cli::parse(&args, i18n::lang());
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            eprint!("{}", ekostyr::cli::render_error(&e, i18n::lang()));
            return ExitCode::from(Outcome::Error.code());
        }
        Err(e) => {
            let mut text = e.render().to_string();
            if !text.ends_with('\n') {
                text.push('\n');
            }
            return ExitCode::from(write(Output::text(text)).code());
        }
    };
    // `--rot` is the engine's one process-wide setting besides the language (and `--strikt`).
    app::set_strict(cli.strikt);
    ekostyr::workbook::set_caps(ekostyr::workbook::Caps { rows: cli.max_rader, cells: cli.max_celler });
    let output = match cli.rot.as_deref().map(ekostyr::check::confine::set_root).transpose() {
        Ok(_) => dispatch(cli.command),
        Err(e) => Output::error(e),
    };
    ExitCode::from(write(output).code())
}

fn dispatch(command: Option<Command>) -> Output {
    match command {
        None => app::run::run_default(),
        Some(Command::Run(args)) => app::run::run(&args),
        Some(Command::Check(args)) => app::check::check(&args),
        Some(Command::Fmt(args)) => app::fmt::fmt(&args),
        Some(Command::Diff(args)) => app::diff::diff_command(&args),
        Some(Command::Init(args)) => app::init::init(&args),
        Some(Command::Explain(args)) => app::explain::explain_command(&args),
        Some(Command::Test(args)) => app::test::test(&args),
        Some(Command::Template(args)) => app::template::template(&args),
        Some(Command::Append(args)) => app::append::append(&args),
        Some(Command::Verify(args)) => app::verify::verify_command(&args),
        Some(Command::Budget(args)) => app::budget::budget(&args),
        Some(Command::Rapport(args)) => app::rapport::rapport(&args),
        Some(Command::Serve(args)) => app::serve::serve(&args),
        Some(Command::Completions(args)) => app::completions::completions(&args),
    }
}

/// Writes standard error, then standard output; a closed standard output (`| head`) is not an error.
fn write(output: Output) -> Outcome {
    let outcome = output.outcome();
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(output.stderr.as_bytes()).and_then(|()| err.flush());
    let mut out = std::io::stdout().lock();
    match out.write_all(&output.stdout).and_then(|()| out.flush()) {
        Ok(()) => outcome,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => outcome,
        Err(e) => {
            let _ = writeln!(err, "{}", ekostyr::tr!("app-cannot-write-stdout", reason = e.to_string()));
            Outcome::Error
        }
    }
}

/// `LANG=en_US.UTF-8` (or `LC_ALL`, `LC_MESSAGES`) asks for English; anything else is Swedish.
fn lang_from_env() -> Option<Lang> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .and_then(|l| Lang::from_locale(&l))
}

/// What a user sees when ekostyr panics (a bug): one line saying so, with whom and
/// what to report, and the panic's place in a second line; never Rust's own message.
fn internal_error(location: Option<&std::panic::Location<'_>>) -> String {
    let at = location.map_or_else(|| "?".to_string(), |l| format!("{}:{}:{}", l.file(), l.line(), l.column()));
    format!("{}\n{}\n", ekostyr::tr!("guard-internal-error"), ekostyr::tr!("guard-internal-error-at", location = at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_error_is_two_lines_in_the_chosen_language() {
        let at = std::panic::Location::caller();
        for (lang, first) in [(Lang::Sv, "ekostyr stötte på ett internt fel"), (Lang::En, "ekostyr hit an internal error")] {
            i18n::set_lang(lang);
            let text = internal_error(Some(at));
            let lines: Vec<&str> = text.lines().collect();
            assert_eq!(lines.len(), 2, "{text}");
            assert!(lines[0].starts_with(first), "{text}");
            assert!(lines[1].ends_with(&format!("src/main.rs:{}:{}", at.line(), at.column())), "{text}");
            assert!(!text.contains("panicked"), "{text}");
        }
    }
}
