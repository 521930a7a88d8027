//! The `ekostyr` binary: parse arguments, run, map the outcome to an exit code.

use clap::Parser;
use ekostyr::cli::{Cli, Command};
use ekostyr::commands;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    ekostyr::i18n::set_lang(cli.lang.map(Into::into).or_else(lang_from_env).unwrap_or_default());
    let outcome = match cli.command {
        None => commands::run_default(),
        Some(Command::Run(args)) => commands::run(&args),
        Some(Command::Check(args)) => commands::check(&args),
        Some(Command::Fmt(args)) => commands::fmt(&args),
        Some(Command::Diff(args)) => commands::diff(&args),
        Some(Command::Init(args)) => commands::init(&args),
        Some(Command::Explain(args)) => commands::explain(&args),
        Some(Command::Test(args)) => commands::test(&args),
        Some(Command::Template(args)) => commands::template(&args),
        Some(Command::Verify(args)) => commands::verify(&args),
        Some(Command::Completions(args)) => {
            clap_complete::generate(args.shell, &mut <Cli as clap::CommandFactory>::command(), "ekostyr", &mut std::io::stdout());
            commands::Outcome::Ok
        }
    };
    ExitCode::from(outcome.code())
}

/// `LANG=en_US.UTF-8` (or `LC_ALL`, `LC_MESSAGES`) asks for English; anything else is Swedish.
fn lang_from_env() -> Option<ekostyr::i18n::Lang> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .and_then(|l| ekostyr::i18n::Lang::from_locale(&l))
}
