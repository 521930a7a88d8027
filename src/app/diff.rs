//! `ekostyr diff OLD NEW [--input WB [--previous-input WB]]`: what it costs (per nämnd,
//! per assignment, in total), then what changed in meaning.

use super::Output;
use crate::cli::{DiffArgs, DiffFormat};
use crate::diff::{diff_parsed, impact, read, render};
use crate::error::Error;

/// `ekostyr diff`
pub fn diff_command(args: &DiffArgs) -> Output {
    Output::from_result(run(args))
}

fn run(args: &DiffArgs) -> Result<String, Error> {
    // The two files are checked one per core: a large file's check is mostly parsing.
    let (old, new) = std::thread::scope(|s| {
        let old = s.spawn(|| read(&args.old));
        let new = read(&args.new);
        (old.join().unwrap_or_else(|p| std::panic::resume_unwind(p)), new)
    });
    let ((old, old_tree), (new, new_tree)) = (old?, new?);
    let mut d = diff_parsed((&old, &old_tree), (&new, &new_tree));
    d.old.0 = args.old.display().to_string();
    d.new.0 = args.new.display().to_string();
    if let Some(input) = &args.input {
        let previous = args.previous_input.as_deref();
        d.impact = Some(super::run::with_progress(|tick| impact(&old, &new, input, previous, tick))?);
    }
    Ok(match args.format {
        DiffFormat::Text => render::text(&d),
        DiffFormat::Md => render::markdown(&d),
        DiffFormat::Json => render::json(&d),
    })
}
