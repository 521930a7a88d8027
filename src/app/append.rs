//! `ekostyr append RULES --input YEAR --månad MONTH`: a filled month added to the year's file.

use super::Output;
use crate::append::Added;
use crate::cli::AppendArgs;

/// `ekostyr append`
pub fn append(args: &AppendArgs) -> Output {
    let mut out = Output::default();
    let added = super::checked_model(&args.rules, &mut out).and_then(|model| crate::append::append(&model, &args.input, &args.month));
    match added {
        Ok(added) => say(&added, args, &mut out),
        Err(e) => out.fail(e),
    }
    out
}

fn say(added: &Added, args: &AppendArgs, out: &mut Output) {
    let months = added.months.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
    let sheets = added.rows.iter().map(|(sheet, rows)| crate::tr!("append-sheet-rows", sheet = *sheet, rows = *rows)).collect::<Vec<_>>();
    let file = args.input.display().to_string();
    out.say(crate::tr!("append-added", months = months, file = file, sheets = sheets.join(", ")));
    if added.placeholders > 0 {
        out.say(crate::tr!("append-placeholders", rows = added.placeholders));
    }
    if added.rewritten_workbook {
        out.warn(crate::tr!("append-rewritten"));
    }
}
