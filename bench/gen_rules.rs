//! Generates a rule file with many top-level parameters, each with comments, for the
//! linear-tools benchmark (bench/tools.sh): `fmt --check`, `check` and `diff` should
//! take time in proportion to the file's size.
//!
//!   bench-gen-rules PARAMS [CHANGED]
//!
//! Writes the file to stdout. With CHANGED, parameter number CHANGED gets another
//! value (and the version the next step), so two files differ in one value.

use std::fmt::Write as _;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(Ok(params)) = args.next().map(|a| a.parse::<usize>()) else {
        eprintln!("usage: bench-gen-rules PARAMS [CHANGED]");
        return ExitCode::from(2);
    };
    let changed = args.next().and_then(|a| a.parse::<usize>().ok());
    print!("{}", rules(params, changed));
    ExitCode::SUCCESS
}

/// The file: a header, then `params` parameters in sections of a hundred, a comment
/// line above every tenth, a trailing comment on every other; every seventh a formula
/// on two earlier ones, every thirteenth a table per level.
fn rules(params: usize, changed: Option<usize>) -> String {
    let mut out = String::with_capacity(params * 80);
    let version = if changed.is_some() { "1.1" } else { "1.0" };
    let _ = writeln!(out, "# Genererad regelfil med {params} parametrar (bench/gen_rules.rs).");
    let _ = writeln!(out, "regelverk \"Prestandaprov\"\når 2023\nversion {version}");
    let _ = writeln!(out, "dokumentägare \"Ekonomichef\"");
    let _ = writeln!(out, "beslut \"Äldrenämnden\" 2022-12-14 avser \"Prestandaprov\"  # dnr saknas");
    for i in 1..=params {
        if i % 100 == 1 {
            let _ = writeln!(out, "\n# ---------------------------------------------- avsnitt {}", i / 100 + 1);
        }
        if i % 10 == 0 {
            let _ = writeln!(out, "# Parameter {i}: beslutad av nämnden, se bilaga {}.", i / 10);
        }
        let value = 1000 + i * 37 % 100_000 + usize::from(changed == Some(i));
        let _ = match i {
            _ if i % 7 == 0 => {
                write!(out, "parameter p{i}: kr/timme = {} kr/timme\n  från 2023-07 = {} kr/timme", grouped(value), grouped(value + 20))
            }
            _ if i % 13 == 0 => write!(out, "parameter p{i} = per nivå {{ grund: 0,{:02}; usk: 1,00; högskola: 1,25 }}", 50 + i % 50),
            _ => write!(out, "parameter p{i}: kr/timme = {},{:02} kr/timme", grouped(value), i % 100),
        };
        if i % 7 == 5 {
            let _ = write!(out, "\nparameter p{i}_andel: % = {},{} %", i % 40, i % 10);
        }
        let _ = match i % 2 {
            0 => writeln!(out, "  # kommentar till p{i}"),
            _ => writeln!(out),
        };
    }
    out
}

/// `56 500`: thousands grouped by a space, as the formatter writes them.
fn grouped(n: usize) -> String {
    match n {
        0..1000 => n.to_string(),
        _ => format!("{} {:03}", grouped(n / 1000), n % 1000),
    }
}
