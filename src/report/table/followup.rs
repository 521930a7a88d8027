//! The board's follow-up in the terminal table: outcome against the budget for the
//! period, the full year's budget against the forecast, last year's same months, per
//! assignment by display name with a subtotal per board and a total; the forecast's
//! method and the provider's comments in notes under it.

use super::{L, left, right, table};
use crate::eval::money;
use crate::eval::results::*;
use crate::report::number::{percent_of, swedish};
use crate::tr_in;
use rust_decimal::Decimal;
use std::fmt::Write as _;

/// Longest display name shown; a longer one is cut with `…`.
const NAME_WIDTH: usize = 40;

/// The follow-up section (nothing when no assignment has a follow-up).
pub(super) fn render(out: &mut String, r: &Report, l: &L) {
    if r.assignments.iter().all(|a| a.follow_up.is_empty()) {
        return;
    }
    period_table(out, r, l);
    if r.period.is_some() {
        year_table(out, r, l);
    }
    if r.assignments.iter().any(|a| a.follow_up.previous.is_some()) {
        previous_table(out, r, l);
    }
    notes(out, r, l);
}

/// One value of each assignment for a row: `None` is shown as `–`.
type Column = fn(&AssignmentResult) -> Option<Decimal>;

/// Rows per board, each board's assignments then its subtotal, and the total last.
fn grouped(r: &Report, l: &L, columns: &[Column], percent: Option<(usize, usize)>) -> Vec<Vec<String>> {
    let mut rows = vec![];
    for (id, name) in r.boards() {
        let mine: Vec<&AssignmentResult> = r.assignments.iter().filter(|a| a.board.0 == id).collect();
        rows.push(vec![format!("{id} {name}")]);
        rows.extend(mine.iter().map(|a| row(format!("  {}", cut(&a.name)), &[a], l, columns, percent)));
        rows.push(row(tr_in!(l.0, "followup-subtotal", board = id.as_str()), &mine, l, columns, percent));
    }
    if r.boards().len() > 1 {
        let all: Vec<&AssignmentResult> = r.assignments.iter().collect();
        rows.push(row(tr_in!(l.0, "report-total"), &all, l, columns, percent));
    }
    rows.iter_mut().for_each(|x| x.resize(columns.len() + 1 + usize::from(percent.is_some()), String::new()));
    rows
}

/// A row of the sums of `columns` over `of` (`–` where one lacks a value), with the
/// percentage of column `percent.0` of column `percent.1` right after the former.
fn row(label: String, of: &[&AssignmentResult], l: &L, columns: &[Column], percent: Option<(usize, usize)>) -> Vec<String> {
    let sums: Vec<Option<Decimal>> = columns.iter().map(|c| sum(of.iter().map(|a| c(a)))).collect();
    let mut cells = vec![label];
    cells.extend(sums.iter().map(|s| s.map_or_else(dash, |d| l.kr(d))));
    if let Some((part, whole)) = percent {
        let p = sums[part].zip(sums[whole]).and_then(|(p, w)| percent_of(p, w));
        cells.insert(part + 2, p.map_or_else(dash, |p| format!("{} %", swedish(p, 1))));
    }
    cells
}

/// The checked sum, when every value is there.
fn sum(values: impl Iterator<Item = Option<Decimal>>) -> Option<Decimal> {
    money::sum(values.collect::<Option<Vec<_>>>()?).ok()
}

fn dash() -> String {
    "–".to_string()
}

/// A display name cut to [`NAME_WIDTH`] characters.
fn cut(name: &str) -> String {
    match name.char_indices().nth(NAME_WIDTH - 1) {
        Some((i, _)) => format!("{}…", name[..i].trim_end()),
        None => name.to_string(),
    }
}

/// Which table a heading is of.
#[derive(Clone, Copy)]
enum Heading {
    Period,
    Year,
    Previous,
}

fn heading(out: &mut String, r: &Report, l: &L, which: Heading) {
    let period = match r.period {
        Some(m) => format!("{0}-01–{0}-{m:02}", r.year),
        None => r.year.to_string(),
    };
    let (year, unit) = (r.year.to_string(), l.unit.symbol());
    let text = match which {
        Heading::Period => tr_in!(l.0, "followup-heading-period", period = period, unit = unit),
        Heading::Year => tr_in!(l.0, "followup-heading-year", year = year, unit = unit),
        Heading::Previous => tr_in!(l.0, "followup-heading-previous", unit = unit),
    };
    let _ = writeln!(out, "{text}");
}

/// Year to date: outcome, budget for the period, deviation in kr and %.
fn period_table(out: &mut String, r: &Report, l: &L) {
    heading(out, r, l, Heading::Period);
    let header = [
        left(tr_in!(l.0, "report-col-assignment")),
        right(tr_in!(l.0, "followup-col-outcome")),
        right(tr_in!(l.0, "followup-col-budget")),
        right(tr_in!(l.0, "followup-col-deviation")),
        right(tr_in!(l.0, "followup-col-deviation-percent")),
    ];
    let columns: [Column; 3] = [|a| Some(a.compensation.total), |a| a.follow_up.budget_period, |a| a.follow_up.deviation_period];
    table(out, &header, &grouped(r, l, &columns, Some((2, 1))));
}

/// The full year: budget, forecast, deviation, and the forecast result.
fn year_table(out: &mut String, r: &Report, l: &L) {
    heading(out, r, l, Heading::Year);
    let header = [
        left(tr_in!(l.0, "report-col-assignment")),
        right(tr_in!(l.0, "followup-col-budget")),
        right(tr_in!(l.0, "followup-col-forecast")),
        right(tr_in!(l.0, "followup-col-deviation")),
        right(tr_in!(l.0, "followup-col-deviation-percent")),
        right(tr_in!(l.0, "followup-col-forecast-result")),
    ];
    let columns: [Column; 4] = [
        |a| a.follow_up.budget_year,
        |a| a.forecast.map(|f| f.compensation.total),
        |a| a.follow_up.deviation_year,
        |a| a.forecast.map(|f| f.result),
    ];
    table(out, &header, &grouped(r, l, &columns, Some((2, 0))));
}

/// This year's and last year's compensation, cost and result for the same months.
fn previous_table(out: &mut String, r: &Report, l: &L) {
    heading(out, r, l, Heading::Previous);
    let last = tr_in!(l.0, "followup-col-last-year");
    let header = [
        left(tr_in!(l.0, "report-col-assignment")),
        right(tr_in!(l.0, "report-col-compensation")),
        right(last.clone()),
        right(tr_in!(l.0, "report-col-cost")),
        right(last.clone()),
        right(tr_in!(l.0, "report-col-result")),
        right(last),
    ];
    let columns: [Column; 6] = [
        |a| Some(a.compensation.total),
        |a| a.follow_up.previous.map(|p| p.compensation),
        |a| Some(a.cost),
        |a| a.follow_up.previous.map(|p| p.cost),
        |a| Some(a.result),
        |a| a.follow_up.previous.map(|p| p.result),
    ];
    table(out, &header, &grouped(r, l, &columns, None));
}

/// Which assignments have no budget, how the forecast was made, and the provider's comments.
fn notes(out: &mut String, r: &Report, l: &L) {
    let without: Vec<&str> = r.assignments.iter().filter(|a| a.follow_up.budget_period.is_none()).map(|a| a.name.as_str()).collect();
    if !without.is_empty() {
        note(out, &tr_in!(l.0, "followup-note-no-budget", assignments = without.join("; ")));
    }
    for method in [ForecastMethod::Linear, ForecastMethod::SameMonthsLastYear, ForecastMethod::Provider] {
        let of: Vec<&str> =
            r.assignments.iter().filter(|a| a.forecast.is_some_and(|f| f.method == method)).map(|a| a.name.as_str()).collect();
        if of.is_empty() {
            continue;
        }
        let which = if of.len() == r.assignments.len() { tr_in!(l.0, "followup-note-all") } else { of.join("; ") };
        let months = r.period.map(|m| m.to_string()).unwrap_or_default();
        note(out, &method_note(l, method, which, months));
    }
    for a in &r.assignments {
        if let Some(c) = &a.follow_up.forecast_comment {
            note(out, &tr_in!(l.0, "followup-note-comment", assignment = a.name.as_str(), comment = c.as_str()));
        }
    }
    out.push('\n');
}

/// Widest line of a note; longer ones wrap at a space, the rest indented.
const NOTE_WIDTH: usize = 110;

/// A note, wrapped at [`NOTE_WIDTH`].
fn note(out: &mut String, text: &str) {
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.trim().is_empty() && line.chars().count() + 1 + word.chars().count() > NOTE_WIDTH {
            let _ = writeln!(out, "{}", line.trim_end());
            line = "  ".to_string();
        } else if !line.trim().is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    let _ = writeln!(out, "{}", line.trim_end());
}

/// How the forecast of `assignments` was made, in words.
fn method_note(l: &L, method: ForecastMethod, assignments: String, months: String) -> String {
    match method {
        ForecastMethod::Linear => tr_in!(l.0, "followup-method-linear", assignments = assignments, months = months),
        ForecastMethod::SameMonthsLastYear => tr_in!(l.0, "followup-method-same-months-last-year", assignments = assignments),
        ForecastMethod::Provider => tr_in!(l.0, "followup-method-provider", assignments = assignments),
    }
}
