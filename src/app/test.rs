//! `ekostyr test RULES...`: runs the `förvänta` blocks and tallies the value lines.

use super::{Outcome, Output};
use crate::cli::TestArgs;
use crate::expect::{BlockResult, FileRun, rule_files, run_file};

/// Counts of value lines passed and failed, and of blocks or files that could not run.
#[derive(Debug, Default)]
struct Tally {
    passed: usize,
    failed: usize,
    errors: usize,
}

impl Tally {
    fn outcome(&self) -> Outcome {
        match (self.errors, self.failed) {
            (0, 0) => Outcome::Ok,
            (0, _) => Outcome::Failed,
            _ => Outcome::Error,
        }
    }
}

/// `ekostyr test`: every block of every file, the summary in the user's language,
/// then `N passed, N failed` in that exact English form on its own line for CI tools.
pub fn test(args: &TestArgs) -> Output {
    let files = match rule_files(&args.files) {
        Ok(files) => files,
        Err(e) => return Output::error(e),
    };
    let mut out = Output::default();
    let mut tally = Tally::default();
    for file in &files {
        show(file, run_file(file), &mut tally, &mut out);
    }
    let (passed, failed, errors) = (tally.passed, tally.failed, tally.errors);
    let summary = crate::tr!("app-test-summary", passed = passed, failed = failed, errors = errors);
    let errors = match errors {
        0 => String::new(),
        1 => ", 1 error".into(),
        n => format!(", {n} errors"),
    };
    let plain = format!("{passed} passed, {failed} failed{errors}");
    if summary != plain {
        out.say(summary);
    }
    out.say(plain);
    out.end(tally.outcome());
    out
}

fn show(path: &std::path::Path, run: FileRun, tally: &mut Tally, out: &mut Output) {
    let file = path.display().to_string();
    match run {
        FileRun::Rules(rendered) => {
            out.warn(rendered);
            tally.errors += 1;
        }
        FileRun::NoExpectations { warnings } => {
            warnings.into_iter().for_each(|w| out.warn(w));
            out.say(crate::tr!("app-test-no-expectations", file = file));
        }
        FileRun::Blocks { warnings, blocks } => {
            warnings.into_iter().for_each(|w| out.warn(w));
            out.say(file);
            for block in blocks {
                match block.result {
                    BlockResult::Error(rendered) => {
                        out.say(format!("{} {}", crate::tr!("app-test-error"), block.name));
                        out.warn(rendered);
                        tally.errors += 1;
                    }
                    BlockResult::Evaluated { passed, failures } => {
                        tally.passed += passed;
                        tally.failed += failures.len();
                        let verdict = if failures.is_empty() { crate::tr!("app-test-ok") } else { crate::tr!("app-test-fail") };
                        out.say(format!("{verdict:<4} {}", block.name));
                        failures.iter().for_each(|f| out.say(format!("  {f}")));
                    }
                }
            }
        }
    }
}
