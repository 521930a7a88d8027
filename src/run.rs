//! The main job: rules + workbook → report, written atomically.

use crate::check::check_source;
use crate::cli::{Format, RunArgs};
use crate::eval::{self, Data, Options};
use crate::i18n::Lang;
use crate::model::Model;
use crate::source::SourceFile;
use sha2::{Digest, Sha256};
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};

/// The reference rules, bundled so `ekostyr` runs from any directory.
const REFERENCE_RULES: &str = include_str!("../rules/2023.ek");
/// The reference workbook.
const REFERENCE_INPUT: &[u8] = include_bytes!("../fixtures/2023.xlsx");

/// A failed run: the message is ready to print.
pub struct RunError(pub String);

impl From<String> for RunError {
    fn from(s: String) -> Self {
        RunError(s)
    }
}

/// What to run.
pub struct Job {
    /// The checked rules.
    pub model: Model,
    /// The rule files' provenance (file, version, sha256).
    pub rules: Vec<(String, String, String)>,
    /// Where the workbook is.
    pub input: PathBuf,
    /// How to name the input in the provenance.
    pub input_name: String,
    /// `--period`
    pub period: Option<String>,
    /// `--set`
    pub overrides: Vec<String>,
    /// `--previous-input`: the previous year's workbook.
    pub previous_input: Option<PathBuf>,
}

/// `ekostyr run`: returns the rendered bytes.
pub fn run(args: &RunArgs) -> Result<Vec<u8>, RunError> {
    render(evaluate(job(args)?)?, args.format, crate::i18n::lang())
}

/// Checks the rules named by `args` and describes the job.
pub fn job(args: &RunArgs) -> Result<Job, RunError> {
    let model = crate::commands::checked_model(&args.rules)?;
    let rules = provenance_chain(&model, &args.rules);
    Ok(Job {
        model,
        rules,
        input: args.input.clone(),
        input_name: args.input.display().to_string(),
        period: args.period.clone(),
        overrides: args.overrides.clone(),
        previous_input: args.previous_input.clone(),
    })
}

/// `ekostyr` without arguments: the bundled reference year, as a table.
pub fn run_default() -> Result<Vec<u8>, RunError> {
    let source = SourceFile::new("rules/2023.ek", REFERENCE_RULES);
    let model = check_source(source, None, &mut vec![]).into_model()?.0;
    let dir = tempfile::tempdir().map_err(|e| format!("cannot create a temporary directory: {e}"))?;
    let input = dir.path().join("2023.xlsx");
    std::fs::write(&input, REFERENCE_INPUT).map_err(|e| format!("cannot write the bundled workbook: {e}"))?;
    let rules = vec![("rules/2023.ek".into(), model.header.version.clone(), sha256(REFERENCE_RULES.as_bytes()))];
    let job = Job { model, rules, input, input_name: "fixtures/2023.xlsx".into(), period: None, overrides: vec![], previous_input: None };
    render(evaluate(job)?, Format::Table, Lang::Sv)
}

/// Evaluates a job into a report with its provenance.
pub fn evaluate(mut job: Job) -> Result<eval::results::Report, RunError> {
    for o in &job.overrides {
        crate::overrides::apply(&mut job.model, o)?;
    }
    let period = job.period.as_deref().map(|p| parse_period(p, job.model.header.year)).transpose()?;
    let data = load(&job.model, &job.input)?;
    let previous = match (&job.previous_input, job.model.previous.as_deref()) {
        (Some(path), Some(prev)) => Some(load(prev, path)?),
        (Some(_), None) => return Err(RunError("`--previous-input` is given but the rules have no `bygger_på`".into())),
        (None, _) => None,
    };
    let mut report =
        eval::evaluate(&job.model, &data, previous.as_ref(), Options { period }).map_err(|e| RunError(e.0.render(&job.model.source)))?;
    report.provenance = eval::results::Provenance {
        engine: format!("ekostyr {}", env!("CARGO_PKG_VERSION")),
        rules: job.rules,
        input: Some((job.input_name, hash_input(&job.input)?)),
        previous_input: job.previous_input.as_deref().map(|p| hash_input(p).map(|h| (p.display().to_string(), h))).transpose()?,
        period: job.period,
        overrides: job.overrides,
    };
    Ok(report)
}

/// Reads the workbook, with a progress indicator on a terminal.
pub fn load(model: &Model, input: &Path) -> Result<Data, RunError> {
    let bar = progress_bar();
    let mut tick = |rows: u64| {
        if let Some(b) = &bar {
            b.set_position(rows);
        }
    };
    let data = eval::data::load(model, input, &mut tick).map_err(|e| RunError(e.to_string()));
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    data
}

fn progress_bar() -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() || std::env::var_os("CI").is_some() {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner();
    if let Ok(style) = indicatif::ProgressStyle::with_template("{spinner} läser Utfall: {pos} rader ({per_sec})") {
        bar.set_style(style);
    }
    Some(bar)
}

fn parse_period(text: &str, year: i32) -> Result<u32, RunError> {
    let p: crate::workbook::Period = crate::workbook::parse_period_text(text).map_err(|e| RunError(format!("`--period {text}`: {e}")))?;
    if p.year != year {
        return Err(RunError(format!("`--period {text}` is not in {year}, the year of the rules")));
    }
    Ok(p.month)
}

fn render(report: eval::results::Report, format: Format, lang: Lang) -> Result<Vec<u8>, RunError> {
    Ok(match format {
        Format::Table => crate::report::table::render(&report, lang).into_bytes(),
        Format::Json => crate::report::json::render_in(&report, lang).into_bytes(),
        Format::Csv => crate::report::csv::render(&report, lang)?,
        Format::Xlsx => crate::report::xlsx::render(&report, lang)?,
    })
}

/// The rule file and the files it builds on, with version and hash.
fn provenance_chain(model: &Model, path: &Path) -> Vec<(String, String, String)> {
    let mut out = vec![];
    let mut m = Some(model);
    while let Some(x) = m {
        let file = if out.is_empty() { path.display().to_string() } else { x.source.name.clone() };
        out.push((file, x.header.version.clone(), sha256(x.source.text.as_bytes())));
        m = x.previous.as_deref();
    }
    out
}

/// Hex SHA-256.
pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Hash of a workbook, or of a CSV folder's files in name order.
pub fn hash_input(path: &Path) -> Result<String, RunError> {
    let read = |p: &Path| std::fs::read(p).map_err(|e| RunError(format!("{}: cannot read: {e}", p.display())));
    if !path.is_dir() {
        return Ok(sha256(&read(path)?));
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| RunError(format!("{}: {e}", path.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv")))
        .collect();
    files.sort();
    let mut h = Sha256::new();
    for f in files {
        h.update(read(&f)?);
    }
    Ok(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
}
