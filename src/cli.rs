//! Command-line interface: one clap struct per subcommand.

use clap::{Arg, ArgAction, Args, CommandFactory as _, FromArgMatches as _, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// ekostyr — the economic steering of service assignments, as rules you can test.
#[derive(Debug, Parser)]
#[command(name = "ekostyr", version, about, long_about = None, disable_help_flag = true, disable_version_flag = true, disable_help_subcommand = true)]
pub struct Cli {
    /// What to do; without a command, the bundled reference year is evaluated.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Language of messages and labels (default: Swedish, or English when `LANG` is `en*`).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// A folder whose files rule files (`bygger_på`, `indata`) and reports may name,
    /// besides the naming file's own folder tree.
    #[arg(long, global = true)]
    pub rot: Option<PathBuf>,
    /// Most data rows of any input sheet for this run, instead of the defaults
    /// (500 000 in Volymer, Budget and Prognos; 20 000 000 in Utfall).
    #[arg(long, global = true, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_rader: Option<u64>,
    /// Most cells a sheet read whole (xls, ods) may span, instead of 10 000 000.
    #[arg(long, global = true, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_celler: Option<u64>,
    /// Warnings (rimlighetskontroller, `REVIDERA`) count as errors: exit 2.
    #[arg(long, global = true)]
    pub strikt: bool,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Evaluate rules against a workbook: transfers, compensation, result, key figures.
    Run(RunArgs),
    /// Parse, resolve names and check units; report every problem with its place.
    Check(CheckArgs),
    /// Print rule files in the one canonical layout.
    Fmt(FmtArgs),
    /// What changed between two years' rules, and what it costs.
    Diff(DiffArgs),
    /// Start next year's rule file from this year's.
    Init(InitArgs),
    /// The derivation of one figure, down to parameters and input cells.
    Explain(ExplainArgs),
    /// Run the `förvänta` expectations written next to the rules.
    Test(TestArgs),
    /// Write an empty input workbook with the sheets, columns and names the rules read.
    Template(TemplateArgs),
    /// Add a filled month's rows (Utfall, Volymer) to the year's workbook or CSV folder.
    Append(AppendArgs),
    /// Re-run a JSON report from the files it names and say whether it reproduces.
    Verify(VerifyArgs),
    /// The ersättningsbrygga: from last year's compensation to next year's, step by step.
    Budget(BudgetArgs),
    /// The nämndrapport: one self-contained HTML file (or PDF) with tables and charts per board.
    Rapport(RapportArgs),
    /// The workbench: a local web page over a folder of rule files and workbooks.
    Serve(ServeArgs),
    /// Print a shell completion script (`ekostyr completions bash > ~/.local/share/bash-completion/completions/ekostyr`).
    Completions(CompletionsArgs),
}

/// `ekostyr budget`
#[derive(Debug, Args)]
pub struct BudgetArgs {
    /// Next year's rule file (it builds on last year's).
    pub rules: PathBuf,
    /// Last year's workbook: the start, and the volumes next year's variable compensation is estimated on.
    #[arg(long, short)]
    pub input: PathBuf,
    /// Next year's workbook with its Budget sheet (the other sheets may be empty or missing).
    #[arg(long)]
    pub budget: Option<PathBuf>,
    /// Next year's workbook with planned monthly volumes (its Volymer sheet); without it,
    /// next year's variable compensation is estimated on last year's volumes.
    #[arg(long)]
    pub volymer: Option<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = BudgetFormat::Table)]
    pub format: BudgetFormat,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

/// Bridge output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BudgetFormat {
    /// A table for the terminal.
    Table,
    /// Markdown for a board memo.
    Md,
    /// JSON (decimals as strings).
    Json,
    /// An Excel workbook with one sheet.
    Xlsx,
}

/// `ekostyr rapport`
#[derive(Debug, Args)]
pub struct RapportArgs {
    /// The year's rule file.
    pub rules: PathBuf,
    /// The workbook or a folder of CSV files.
    #[arg(long, short)]
    pub input: PathBuf,
    /// Year to date up to this month, with a full-year forecast (`YYYY-MM`).
    #[arg(long)]
    pub period: Option<String>,
    /// One board only, by id (`ÄN`, `SON`).
    #[arg(long = "nämnd")]
    pub board: Option<String>,
    /// Last year's workbook: the comparison with last year.
    #[arg(long)]
    pub previous_input: Option<PathBuf>,
    /// The unit of money.
    #[arg(long = "enhet", value_enum, default_value_t = AmountUnit::Tkr)]
    pub unit: AmountUnit,
    /// The report file; its extension chooses the format (`.html`).
    #[arg(long, short)]
    pub output: PathBuf,
}

/// `ekostyr serve`
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The folder of rule files (default: `rules` if there is one, else the current folder).
    pub dir: Option<PathBuf>,
    /// The default workbook; its folder is served too.
    #[arg(long, short)]
    pub input: Option<PathBuf>,
    /// The port to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Read-only: every write (save, upload) is refused.
    #[arg(long = "skrivskyddad", alias = "read-only")]
    pub read_only: bool,
    /// The address to listen on (default: loopback only).
    #[arg(long = "adress", default_value = "127.0.0.1")]
    pub address: std::net::IpAddr,
}

/// `ekostyr completions`
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    pub shell: clap_complete::Shell,
}

/// `ekostyr diff`
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old year's rules.
    pub old: PathBuf,
    /// The new year's rules.
    pub new: PathBuf,
    /// Evaluate the new rules on this workbook to show the impact in kronor.
    #[arg(long, short)]
    pub input: Option<PathBuf>,
    /// The old year's workbook (default: the same as `--input`).
    #[arg(long)]
    pub previous_input: Option<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
}

/// Diff output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Plain text for the terminal.
    Text,
    /// JSON.
    Json,
    /// Markdown for a board memo.
    Md,
}

/// `ekostyr init`
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The new budget year.
    pub year: i32,
    /// This year's rule file.
    #[arg(long)]
    pub from: PathBuf,
}

/// `ekostyr explain`
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rules.
    pub rules: PathBuf,
    /// The workbook.
    #[arg(long, short)]
    pub input: PathBuf,
    /// `uppdrag`, `uppdrag.fast`, `uppdrag.rörlig`, `uppdrag.kostnad`, `uppdrag.<nyckeltal>`, `uppdrag.överföring[2023-07]`.
    pub target: String,
    /// Year to date up to this month.
    #[arg(long)]
    pub period: Option<String>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
}

/// `ekostyr test`
#[derive(Debug, Args)]
pub struct TestArgs {
    /// Rule files or directories of them.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// `ekostyr template`
#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// The rules.
    pub rules: PathBuf,
    /// Where to write the workbook.
    #[arg(long, short)]
    pub output: PathBuf,
    /// Only this month's rows (`YYYY-MM`), to fill in and add with `ekostyr append`.
    #[arg(long)]
    pub period: Option<String>,
}

/// `ekostyr append`
#[derive(Debug, Args)]
pub struct AppendArgs {
    /// The year's rule file (the month's rows are checked against it).
    pub rules: PathBuf,
    /// The year's workbook (xlsx) or CSV folder, to add to; an xlsx is rewritten from its cells' values.
    #[arg(long, short)]
    pub input: PathBuf,
    /// The filled month's workbook or CSV folder (e.g. from `template --period`).
    #[arg(long = "månad", alias = "manad")]
    pub month: PathBuf,
}

/// `ekostyr verify`
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// A report written with `--format json`.
    pub report: PathBuf,
}

/// `ekostyr run`
#[derive(Debug, Args)]
pub struct RunArgs {
    /// The year's rule file, e.g. `rules/2023.ek`.
    pub rules: PathBuf,
    /// The workbook (xlsx, xlsm, xls, ods) or a folder of CSV files.
    #[arg(long, short)]
    pub input: PathBuf,
    /// Year to date up to this month, with a full-year forecast (`YYYY-MM`).
    #[arg(long)]
    pub period: Option<String>,
    /// The previous year's workbook, for `föregående` values that need inputs.
    #[arg(long)]
    pub previous_input: Option<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// What-if: override a parameter, e.g. `--set prisindex=3,1%`.
    #[arg(long = "set", value_name = "NAME=VALUE")]
    pub overrides: Vec<String>,
    /// The CSV's dialect: `sv` for Swedish Excel (`;`, decimal comma, BOM), `en` for `,` and decimal points.
    #[arg(long, value_enum, default_value_t = CsvDialect::Sv)]
    pub csv_dialect: CsvDialect,
    /// Report one board (nämnd) only, by its id, e.g. `ÄN`.
    #[arg(long = "nämnd")]
    pub board: Option<String>,
    /// The unit of amounts in the table: `kr` (default), `tkr` or `mnkr`.
    #[arg(long = "enhet", value_enum, default_value_t = AmountUnit::Kr)]
    pub unit: AmountUnit,
}

/// Who the CSV is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CsvDialect {
    /// Swedish Excel: `;`, decimal comma, UTF-8 with a byte-order mark.
    Sv,
    /// English tools: `,`, decimal point, no byte-order mark.
    En,
}

impl From<CsvDialect> for crate::report::csv::Dialect {
    fn from(d: CsvDialect) -> Self {
        match d {
            CsvDialect::Sv => crate::report::csv::Dialect::Swedish,
            CsvDialect::En => crate::report::csv::Dialect::English,
        }
    }
}

/// Units of amounts (`--enhet`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AmountUnit {
    /// Kronor with öre.
    Kr,
    /// Thousands of kronor.
    Tkr,
    /// Millions of kronor, one decimal.
    Mnkr,
}

impl From<AmountUnit> for crate::report::number::AmountUnit {
    fn from(u: AmountUnit) -> Self {
        match u {
            AmountUnit::Kr => crate::report::number::AmountUnit::Kr,
            AmountUnit::Tkr => crate::report::number::AmountUnit::Tkr,
            AmountUnit::Mnkr => crate::report::number::AmountUnit::Mnkr,
        }
    }
}

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for the terminal, Swedish number format.
    Table,
    /// Comma-separated values.
    Csv,
    /// JSON for machines and snapshots (decimals as strings).
    Json,
    /// An Excel workbook with one sheet per view.
    Xlsx,
}

/// Message and label language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// Svenska.
    Sv,
    /// English.
    En,
}

impl From<Lang> for crate::i18n::Lang {
    fn from(l: Lang) -> Self {
        match l {
            Lang::Sv => crate::i18n::Lang::Sv,
            Lang::En => crate::i18n::Lang::En,
        }
    }
}

/// `ekostyr check`
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Rule files.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// `ekostyr fmt`
#[derive(Debug, Args)]
pub struct FmtArgs {
    /// Rule files (formatted in place).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Change nothing; exit 1 and name the files that would change.
    #[arg(long)]
    pub check: bool,
}

/// The command line's arguments, parsed exactly as [`command`] parses them.
///
/// The catalog's texts (about 3 M instructions, a good part of a `check`'s whole
/// run) are looked up only when clap has something to show: help, the version or
/// an error, which [`command`] then renders in `lang`.
pub fn parse(args: &[std::ffi::OsString], lang: crate::i18n::Lang) -> Result<Cli, clap::Error> {
    let parse_with = |cmd: clap::Command| cmd.try_get_matches_from(args).and_then(|m| Cli::from_arg_matches(&m));
    parse_with(arguments()).or_else(|_| parse_with(command(lang)))
}

/// The command line's arguments, with no texts: `Cli`'s own, and `-h/--help` on
/// every command and `-V/--version`, which clap's own are turned off for.
fn arguments() -> clap::Command {
    let help = || Arg::new("help").short('h').long("help").action(ArgAction::Help);
    let root = Cli::command().arg(help()).arg(Arg::new("version").short('V').long("version").action(ArgAction::Version));
    let names: Vec<String> = root.get_subcommands().map(|c| c.get_name().to_string()).collect();
    names.iter().fold(root, |root, name| root.mut_subcommand(name, |sub| sub.arg(help())))
}

/// The command line with every help text, heading and flag description from the
/// catalog in `lang` (`cli-<command>-about`, `cli-<command>-<argument>`).
pub fn command(lang: crate::i18n::Lang) -> clap::Command {
    let t = |key: &str| crate::i18n::message_in(lang, key, &[]);
    let root = localize(arguments(), "", lang)
        .mut_arg("version", |a| a.help(t("cli-flag-version")).help_heading(t("cli-heading-options")))
        .about(t("cli-about"))
        .subcommand_help_heading(t("cli-heading-commands"))
        .help_template(template(lang));
    let names: Vec<String> = root.get_subcommands().map(|c| c.get_name().to_string()).collect();
    let root = names.iter().fold(root, |root, name| {
        root.mut_subcommand(name, |sub| {
            let about = t(&format!("cli-{name}-about"));
            localize(sub, name, lang).about(about).help_template(template(lang))
        })
    });
    let root = localize_usage(root, lang);
    names.iter().fold(root, |root, name| root.mut_subcommand(name, |sub| localize_usage(sub.bin_name(format!("ekostyr {name}")), lang)))
}

/// The usage line with clap's own placeholders (`[OPTIONS]`, `[COMMAND]`) in `lang`.
fn localize_usage(mut cmd: clap::Command, lang: crate::i18n::Lang) -> clap::Command {
    let t = |key: &str| crate::i18n::message_in(lang, key, &[]);
    let usage = cmd.render_usage().to_string();
    let usage = usage.split_once(": ").map_or(usage.as_str(), |(_, u)| u).to_string();
    let usage = usage.replace("[OPTIONS]", &t("cli-usage-options")).replace("[COMMAND]", &t("cli-usage-command"));
    cmd.override_usage(usage)
}

/// The help layout, with the usage heading in `lang`.
fn template(lang: crate::i18n::Lang) -> String {
    let usage = crate::i18n::message_in(lang, "cli-heading-usage", &[]);
    format!("{{before-help}}{{about-with-newline}}\n{usage}: {{usage}}\n\n{{all-args}}{{after-help}}")
}

/// Sets each argument's help (`cli-<command>-<id>`, `cli-arg-<id>` at the top) and
/// heading, `-h/--help`'s too, in `lang`.
fn localize(cmd: clap::Command, name: &str, lang: crate::i18n::Lang) -> clap::Command {
    let t = |key: &str| crate::i18n::message_in(lang, key, &[]);
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .filter(|(id, _)| id != "help" && id != "version")
        .collect();
    let prefix = if name.is_empty() { "cli-arg".to_string() } else { format!("cli-{name}") };
    let cmd = ids.iter().fold(cmd, |cmd, (id, positional)| {
        let heading = t(if *positional { "cli-heading-arguments" } else { "cli-heading-options" });
        let help = t(&format!("{prefix}-{id}"));
        let value = t(&format!("cli-value-{id}"));
        cmd.mut_arg(id, |a| {
            let a = a.help(help).help_heading(heading);
            match a.get_action().takes_values() {
                true => a.value_name(value).hide_possible_values(true).hide_default_value(true),
                false => a,
            }
        })
    });
    cmd.mut_arg("help", |a| a.help(t("cli-flag-help")).help_heading(t("cli-heading-options")))
}

/// The language `--lang en`/`--lang=sv` asks for, read before the arguments are
/// parsed so that `--help` and parse errors come in it.
pub fn lang_in_args(args: &[std::ffi::OsString]) -> Option<crate::i18n::Lang> {
    let words: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
    let value = words.iter().enumerate().find_map(|(i, w)| match w.strip_prefix("--lang") {
        Some("") => words.get(i + 1).copied(),
        Some(rest) => rest.strip_prefix('='),
        None => None,
    })?;
    Lang::from_str(value, true).ok().map(Into::into)
}

/// The keys of [`render_error`].
const ERROR_KEYS: [&str; 8] = [
    "cli-error",
    "cli-error-missing",
    "cli-error-unknown-argument",
    "cli-error-unknown-command",
    "cli-error-invalid-value",
    "cli-error-missing-command",
    "cli-error-did-you-mean",
    "cli-error-more",
];

/// Every key the command line asks the catalog for (the catalog test checks them).
pub fn catalog_keys() -> Vec<String> {
    let cmd = Cli::command();
    let mut keys: Vec<String> = ["cli-about", "cli-flag-version", "cli-flag-help", "cli-heading-commands", "cli-heading-usage"]
        .into_iter()
        .chain(["cli-heading-options", "cli-heading-arguments", "cli-usage-options", "cli-usage-command"])
        .chain(ERROR_KEYS)
        .map(str::to_string)
        .collect();
    let value = |a: &Arg| a.get_action().takes_values().then(|| format!("cli-value-{}", a.get_id()));
    keys.extend(cmd.get_arguments().map(|a| format!("cli-arg-{}", a.get_id())));
    keys.extend(cmd.get_arguments().filter_map(value));
    for sub in cmd.get_subcommands() {
        let name = sub.get_name();
        keys.push(format!("cli-{name}-about"));
        keys.extend(sub.get_arguments().map(|a| format!("cli-{name}-{}", a.get_id())));
        keys.extend(sub.get_arguments().filter_map(value));
    }
    keys.sort();
    keys.dedup();
    keys
}

/// A parse error of the command line in `lang`: the common kinds in the catalog's
/// words with the usage line; help, version and anything rarer as clap renders them.
pub fn render_error(e: &clap::Error, lang: crate::i18n::Lang) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let text = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        _ => String::new(),
    };
    let t = |key: &str, args: &[(&str, crate::i18n::Arg)]| crate::i18n::message_in(lang, key, args);
    let arg = |s: String| crate::i18n::Arg::Text(s);
    let message = match e.kind() {
        ErrorKind::MissingRequiredArgument => t("cli-error-missing", &[("args", arg(text(ContextKind::InvalidArg)))]),
        ErrorKind::UnknownArgument => t("cli-error-unknown-argument", &[("arg", arg(text(ContextKind::InvalidArg)))]),
        ErrorKind::InvalidSubcommand => t("cli-error-unknown-command", &[("command", arg(text(ContextKind::InvalidSubcommand)))]),
        ErrorKind::InvalidValue => t(
            "cli-error-invalid-value",
            &[
                ("value", arg(text(ContextKind::InvalidValue))),
                ("arg", arg(text(ContextKind::InvalidArg))),
                ("valid", arg(Some(text(ContextKind::ValidValue)).filter(|v| !v.is_empty()).unwrap_or_else(|| "none".into()))),
            ],
        ),
        ErrorKind::ValueValidation => t(
            "cli-error-invalid-value",
            &[("value", arg(text(ContextKind::InvalidValue))), ("arg", arg(text(ContextKind::InvalidArg))), ("valid", arg("none".into()))],
        ),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => t("cli-error-missing-command", &[]),
        _ => return e.render().to_string(),
    };
    let suggestion = [ContextKind::SuggestedSubcommand, ContextKind::SuggestedArg, ContextKind::SuggestedValue]
        .into_iter()
        .map(text)
        .find(|s| !s.is_empty())
        .map(|s| format!("\n  = {}", t("cli-error-did-you-mean", &[("name", arg(s))])))
        .unwrap_or_default();
    let usage = text(ContextKind::Usage);
    let usage = usage.split_once(": ").map_or(usage.as_str(), |(_, u)| u).trim();
    let usage = match usage {
        "" => String::new(),
        u => format!("\n\n{}: {u}", t("cli-heading-usage", &[])),
    };
    let more = t("cli-error-more", &[]);
    format!("{}: {message}{suggestion}{usage}\n\n{more}\n", t("cli-error", &[]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every way a command line can go (each command, flags before and after it, `=`
    /// values, help, version, unknown and missing arguments, a bad value) parses the
    /// same without the catalog's texts as with them: the same `Cli`, or an error of
    /// the same kind, which `parse` then renders from [`command`].
    #[test]
    fn the_bare_arguments_parse_as_the_localized_command() {
        let lines = [
            "",
            "--help",
            "-h",
            "-V",
            "--version",
            "--lang en",
            "--lang=sv --strikt",
            "--lang fr",
            "check rules/2023.ek",
            "check rules/2023.ek rules/2024.ek --strikt",
            "check --help",
            "check",
            "check -h --lang en",
            "run rules/2023.ek --input fixtures/2023.xlsx --format json",
            "run rules/2023.ek --input",
            "run --max-rader 0 rules/2023.ek",
            "run --max-rader 10 --rot . rules/2023.ek",
            "fmt --check a.ek",
            "diff a.ek b.ek",
            "explain rules/2023.ek --input x.xlsx hemtjänst",
            "budget --help",
            "rapport -V",
            "serve",
            "completions bash",
            "completions tcsh",
            "kontroll rules/2023.ek",
            "check --okänd rules/2023.ek",
        ];
        for lang in [crate::i18n::Lang::Sv, crate::i18n::Lang::En] {
            for line in lines {
                let args: Vec<std::ffi::OsString> = std::iter::once("ekostyr").chain(line.split_whitespace()).map(Into::into).collect();
                let parse_with = |cmd: clap::Command| cmd.try_get_matches_from(&args).and_then(|m| Cli::from_arg_matches(&m));
                match (parse_with(arguments()), parse_with(command(lang))) {
                    (Ok(bare), Ok(full)) => assert_eq!(format!("{bare:?}"), format!("{full:?}"), "{line}"),
                    (Err(bare), Err(full)) => assert_eq!(bare.kind(), full.kind(), "{line}"),
                    (bare, full) => panic!("`{line}`: without texts {:?}, with them {:?}", bare.map(|_| ()), full.map(|_| ())),
                }
            }
        }
    }
}
