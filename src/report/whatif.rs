//! The parts of a what-if beside its baseline that are not money of the year: the
//! key figures it moves and (with `--period`) the full-year forecast, as terminal
//! sections placed right after the table's "Vad händer om" section.

use super::Labels as L;
use super::number::swedish;
use crate::eval::results::Report;
use crate::eval::whatif::{Moved, MovedKeyFigure, WhatIf};
use crate::i18n::Lang;
use crate::tr_in;
use rust_decimal::Decimal;
use std::fmt::Write as _;

/// The table `table` of `r` with the key figure and forecast sections of its what-if
/// placed after the what-if section (at the end if that section is not found).
pub fn with_table_sections(table: String, r: &Report, lang: Lang) -> String {
    let Some(w) = &r.what_if else { return table };
    let extra = sections(w, lang);
    if extra.is_empty() {
        return table;
    }
    let heading = tr_in!(lang, "whatif-heading");
    let at = table.find(&heading).and_then(|h| table[h..].find("\n\n").map(|e| h + e + 2));
    match at {
        Some(at) => format!("{}{extra}{}", &table[..at], &table[at..]),
        None => format!("{table}{extra}"),
    }
}

/// The key figure and forecast sections of a what-if (empty when neither moved).
pub fn sections(w: &WhatIf, lang: Lang) -> String {
    let mut out = String::new();
    if !w.key_figures.is_empty() {
        let _ = writeln!(out, "{}", tr_in!(lang, "whatif-key-figures-heading"));
        let header = [
            (tr_in!(lang, "report-col-assignment"), false),
            (tr_in!(lang, "whatif-col-key-figure"), false),
            (tr_in!(lang, "whatif-col-period"), false),
            (tr_in!(lang, "whatif-col-baseline"), true),
            (tr_in!(lang, "whatif-col-new"), true),
            (tr_in!(lang, "whatif-col-change-figure"), true),
        ];
        let rows: Vec<Vec<String>> = w.key_figures.iter().map(|k| key_figure_row(k, lang)).collect();
        lay_out(&mut out, &header, &rows);
    }
    if !w.forecast.is_empty() {
        let _ = writeln!(out, "{}", tr_in!(lang, "whatif-forecast-heading"));
        let header = [
            (tr_in!(lang, "report-col-assignment"), false),
            (tr_in!(lang, "whatif-col-figure"), false),
            (tr_in!(lang, "whatif-col-baseline"), true),
            (tr_in!(lang, "whatif-col-new"), true),
            (tr_in!(lang, "whatif-col-change"), true),
            (tr_in!(lang, "whatif-col-percent"), true),
        ];
        let rows: Vec<Vec<String>> = w.forecast.iter().map(|m| forecast_row(m, lang)).collect();
        lay_out(&mut out, &header, &rows);
    }
    out
}

/// A shown value (`"97.30"`) in Swedish with its unit: `97,30 %`; `i.u.` when absent.
fn figure(v: Option<&str>, unit: &str, lang: Lang) -> String {
    match v.and_then(|v| v.parse::<Decimal>().ok()) {
        Some(d) if unit.is_empty() => swedish(d, 2),
        Some(d) => format!("{} {unit}", swedish(d, 2)),
        None => super::not_available(lang),
    }
}

fn key_figure_row(k: &MovedKeyFigure, lang: Lang) -> Vec<String> {
    let change = match k.change.as_deref().and_then(|c| c.parse::<Decimal>().ok()) {
        Some(d) => {
            let sign = if d > Decimal::ZERO { "+" } else { "" };
            match k.unit.as_str() {
                "%" => tr_in!(lang, "whatif-points", points = format!("{sign}{}", swedish(d, 2))),
                "" => format!("{sign}{}", swedish(d, 2)),
                unit => format!("{sign}{} {unit}", swedish(d, 2)),
            }
        }
        None => "–".to_string(),
    };
    vec![
        k.assignment.clone(),
        k.figure.clone(),
        k.period.clone(),
        figure(k.baseline.as_deref(), &k.unit, lang),
        figure(k.value.as_deref(), &k.unit, lang),
        change,
    ]
}

fn forecast_row(m: &Moved, lang: Lang) -> Vec<String> {
    let c = &m.change;
    let percent = c.percent.as_deref().and_then(|p| p.parse::<Decimal>().ok()).map(|p| format!("{} %", swedish(p, 2)));
    let figure = m.figure.strip_prefix("forecast.").unwrap_or(&m.figure);
    vec![
        m.assignment.clone(),
        super::table::figure_label(figure, &L(lang)),
        swedish(c.baseline, 2),
        swedish(c.value, 2),
        swedish(c.change, 2),
        percent.unwrap_or_else(|| "–".into()),
    ]
}

/// Rows under a header (`true`: right-aligned), laid out as the report's tables are.
fn lay_out(out: &mut String, header: &[(String, bool)], rows: &[Vec<String>]) {
    use super::table::Align;
    let header: Vec<(String, Align)> =
        header.iter().map(|(h, right)| (h.clone(), if *right { Align::Right } else { Align::Left })).collect();
    super::table::table(out, &header, rows);
}
