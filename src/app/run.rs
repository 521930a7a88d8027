//! `ekostyr run` and `ekostyr` without arguments: rules + workbook → report.

use super::Output;
use crate::cli::{Format, RunArgs};
use crate::error::Error;
use crate::eval::results::Report;
use crate::i18n::Lang;
use crate::session::{RuleFile, Session, sha256};
use std::io::IsTerminal as _;
use std::path::PathBuf;

/// The reference rules, bundled so `ekostyr` runs from any directory.
const REFERENCE_RULES: &str = include_str!("../../rules/2023.ek");
/// The reference workbook.
const REFERENCE_INPUT: &[u8] = include_bytes!("../../fixtures/2023.xlsx");

/// `ekostyr run`
pub fn run(args: &RunArgs) -> Output {
    let mut out = Output::default();
    let evaluated = session(args, &mut out)
        .and_then(|s| refuse_overwriting_inputs(args, &s).and_then(|()| evaluate_noting(&s, &mut out)).map(|r| (s, r)));
    let report = match evaluated {
        Ok((s, r)) => {
            if !implausible(&s, &r, &mut out) {
                return out;
            }
            r
        }
        Err(e) => {
            out.fail(e);
            return out;
        }
    };
    let report = match one_board(report, args.board.as_deref()) {
        Ok(r) => r,
        Err(e) => {
            out.fail(e);
            return out;
        }
    };
    match render(&report, args, crate::i18n::lang()) {
        Ok(bytes) => emit(bytes, args, &mut out),
        Err(e) => out.fail(e),
    }
    out
}

/// The report of the board `--nämnd` names (all boards without it); an unknown
/// board is a usage error naming the known ones.
fn one_board(report: Report, board: Option<&str>) -> Result<Report, Error> {
    let Some(board) = board else { return Ok(report) };
    report.for_board(board).ok_or_else(|| {
        let known: Vec<String> = report.boards().into_iter().map(|(id, name)| format!("`{id}` ({name})")).collect();
        Error::Usage(crate::tr!("followup-unknown-board", board = board, known = known.join(", ")))
    })
}

/// Rimlighetskontroller on the evaluated figures: warnings first, with their place;
/// under `--strikt` the run fails (false) instead of reporting.
pub(super) fn implausible(s: &Session, report: &Report, out: &mut Output) -> bool {
    let mut found = crate::eval::whatif::prices_outside_band(&s.model);
    found.extend(crate::eval::whatif::implausible_key_figures(&s.model, report));
    if found.is_empty() {
        return true;
    }
    out.warn(crate::diagnostic::Diagnostics(found).render(&s.model.source));
    if super::strict() {
        out.fail(crate::tr!("whatif-strict"));
        return false;
    }
    true
}

/// The session `ekostyr run`'s arguments describe (warnings of the rules go to `out`).
pub fn session(args: &RunArgs, out: &mut Output) -> Result<Session, Error> {
    let model = super::checked_model(&args.rules, out)?;
    let mut s = Session::new(model, &args.rules, &args.input);
    s.period = args.period.clone();
    s.overrides = args.overrides.clone();
    s.previous_input = args.previous_input.clone();
    Ok(s)
}

/// Refuses `-o` when it names a file the run reads, before anything is read or written.
fn refuse_overwriting_inputs(args: &RunArgs, s: &Session) -> Result<(), Error> {
    let Some(output) = &args.output else { return Ok(()) };
    crate::output::refuse_inputs(output, &inputs(s)).map_err(Error::Usage)
}

/// Every file a session reads: the rule files (the evaluated one and those it builds
/// on), the workbook or CSV folder, and last year's workbook.
fn inputs(s: &Session) -> Vec<PathBuf> {
    let rules = s.rules.iter().map(|r| PathBuf::from(&r.file));
    rules.chain([s.input.clone()]).chain(s.previous_input.clone()).collect()
}

/// `ekostyr` without arguments: the bundled reference year, as a table.
pub fn run_default() -> Output {
    Output::from_result(reference_report().map(|r| crate::report::table::render(&r, crate::i18n::lang())))
}

fn reference_report() -> Result<Report, Error> {
    let model = crate::session::rules_from_text("rules/2023.ek", REFERENCE_RULES)?.model;
    let dir = tempfile::tempdir().map_err(|e| Error::io(std::env::temp_dir(), e))?;
    let input = dir.path().join("2023.xlsx");
    std::fs::write(&input, REFERENCE_INPUT).map_err(|e| Error::io(&input, e))?;
    let mut s = Session::new(model, "rules/2023.ek".as_ref(), &input);
    s.rules = vec![RuleFile {
        file: "rules/2023.ek".into(),
        version: s.model.header.version.clone(),
        sha256: sha256(REFERENCE_RULES.as_bytes()),
    }];
    s.input_name = "fixtures/2023.xlsx".into();
    evaluate(&s)
}

/// Like [`evaluate`], with a note on standard error of the rows of months after
/// `--period` that were left out.
pub fn evaluate_noting(session: &Session, out: &mut Output) -> Result<Report, Error> {
    let (report, skipped) = with_progress(|tick| session.evaluate_counting_skipped(tick))?;
    if let Some(note) = session.skipped_note(&skipped) {
        out.warn(note);
    }
    Ok(report)
}

/// Evaluates with a progress indicator on a terminal.
pub fn evaluate(session: &Session) -> Result<Report, Error> {
    with_progress(|tick| session.evaluate(tick))
}

/// Runs `work` with a spinner on standard error counting the postings read, when
/// standard error is a terminal and this is not CI.
pub fn with_progress<T>(work: impl FnOnce(&mut dyn FnMut(u64)) -> T) -> T {
    let bar = progress_bar();
    let mut tick = |rows: u64| {
        if let Some(b) = &bar {
            b.set_position(rows);
        }
    };
    let result = work(&mut tick);
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    result
}

fn progress_bar() -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() || std::env::var_os("CI").is_some() {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner();
    let template = format!("{{spinner}} {}", crate::tr!("app-progress-reading", rows = "{pos}", rate = "{per_sec}"));
    if let Ok(style) = indicatif::ProgressStyle::with_template(&template) {
        bar.set_style(style);
    }
    Some(bar)
}

fn render(report: &Report, args: &RunArgs, lang: Lang) -> Result<Vec<u8>, String> {
    Ok(match args.format {
        Format::Table => {
            crate::report::whatif::with_table_sections(crate::report::table::render_in(report, lang, args.unit.into()), report, lang)
                .into_bytes()
        }
        Format::Json => crate::report::json::render_in(report, lang).into_bytes(),
        Format::Csv => crate::report::csv::render(report, lang, args.csv_dialect.into())?,
        Format::Xlsx => crate::report::xlsx::render(report, lang)?,
    })
}

fn emit(bytes: Vec<u8>, args: &RunArgs, out: &mut Output) {
    match &args.output {
        Some(path) => {
            if let Err(e) = crate::output::write(path, &bytes) {
                out.fail(e);
            }
        }
        None if args.format == Format::Xlsx && std::io::stdout().is_terminal() => out.fail(crate::tr!("app-run-xlsx-needs-file")),
        None => out.stdout = bytes,
    }
}
