//! Header fields: present once each, well-formed, version steps.

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Decision, Header};
use crate::source::Span;
use crate::syntax::ast::{File, Item};
use crate::tr;
use crate::vocab::{Version, VersionStep};

/// Collects the header; reports missing, repeated and malformed fields.
pub(super) fn check(file: &File, diags: &mut Diagnostics) -> Header {
    let mut header = Header::default();
    let mut seen: Vec<(&'static str, Span)> = vec![];
    for item in &file.items {
        if matches!(item, Item::Decision(_)) {
            // `beslut` may be given once per nämnd (and date).
            fill(&mut header, item, diags);
            continue;
        }
        let Some(field) = field_name(item) else { continue };
        if let Some((_, first)) = seen.iter().find(|(f, _)| *f == field) {
            diags.push(
                Diagnostic::error(item.span(), tr!("check-given-twice", field = field)).with_note(*first, tr!("check-first-given-here")),
            );
            continue;
        }
        seen.push((field, item.span()));
        fill(&mut header, item, diags);
    }
    same_board_and_date(file, diags);
    for required in ["regelverk", "år", "version", "dokumentägare"] {
        if !seen.iter().any(|(f, _)| *f == required) {
            diags.push(missing(required, file));
        }
    }
    header
}

/// Two decisions of the same board on the same date are one decision written twice.
fn same_board_and_date(file: &File, diags: &mut Diagnostics) {
    let decisions: Vec<&crate::syntax::ast::Decision> =
        file.items.iter().filter_map(|i| if let Item::Decision(d) = i { Some(d) } else { None }).collect();
    for (i, d) in decisions.iter().enumerate() {
        if let Some(first) = decisions[..i].iter().find(|e| e.board.value == d.board.value && e.date.value == d.date.value) {
            let msg = tr!("params-decision-twice", board = d.board.value.as_str(), date = d.date.value.as_str());
            diags.push(
                Diagnostic::error(d.span, msg)
                    .with_note(first.span, tr!("check-first-given-here"))
                    .with_hint(tr!("params-hint-decision-twice")),
            );
        }
    }
}

fn missing(field: &str, file: &File) -> Diagnostic {
    let example = match field {
        "regelverk" => "regelverk \"Ekonomistyrning för verksamhetsuppdrag\"",
        "år" => "år 2024",
        "version" => "version 1.0",
        _ => "dokumentägare \"Ekonomichef SoF\", \"Ekonomichef Leanlink\"",
    };
    let at = file.items.first().map(|i| Span::new(i.span().start, i.span().start)).unwrap_or_default();
    Diagnostic::error(at, tr!("check-header-missing", field = field)).with_hint(tr!("check-hint-add-at-top", example = example))
}

fn field_name(item: &Item) -> Option<&'static str> {
    Some(match item {
        Item::Regelverk(_) => "regelverk",
        Item::Year(_) => "år",
        Item::Version(_) => "version",
        Item::BuildsOn(_) => "bygger_på",
        Item::Owners(..) => "dokumentägare",
        _ => return None,
    })
}

fn fill(h: &mut Header, item: &Item, diags: &mut Diagnostics) {
    match item {
        Item::Regelverk(s) => h.title = s.value.clone(),
        Item::Year(y) => {
            if !(2000..=2100).contains(&y.value) {
                diags.push(Diagnostic::error(y.span, tr!("check-not-budget-year", year = y.value.to_string())));
            }
            h.year = y.value;
        }
        Item::Version(v) => h.version = v.value.clone(),
        Item::BuildsOn(s) => h.builds_on = Some(s.value.clone()),
        Item::Owners(owners, _) => h.owners = owners.iter().map(|o| o.value.clone()).collect(),
        Item::Decision(d) => {
            if let Err(hint) = check_date(&d.date.value) {
                diags.push(Diagnostic::error(d.date.span, tr!("check-not-a-date", date = d.date.value.as_str())).with_hint(hint));
            }
            let decision = Decision {
                board: d.board.value.clone(),
                date: d.date.value.clone(),
                dnr: d.dnr.as_ref().map(|s| s.value.clone()),
                about: d.about.as_ref().map(|s| s.value.clone()),
            };
            h.decision.get_or_insert_with(|| decision.clone());
            h.decisions.push(decision);
        }
        _ => {}
    }
}

/// Whether `YYYY-MM-DD` is a real calendar date; if not, a hint saying why.
pub(super) fn check_date(text: &str) -> Result<(), String> {
    let mut it = text.split('-').map(|p| p.parse::<u32>().ok());
    let (Some(Some(y)), Some(Some(m)), Some(Some(d))) = (it.next(), it.next(), it.next()) else {
        return Err(tr!("check-hint-date-format"));
    };
    if !(1..=12).contains(&m) {
        return Err(tr!("check-hint-months"));
    }
    let days = days_in_month(y as i32, m);
    if d < 1 || d > days {
        return Err(tr!("check-hint-days-in-month", month = format!("{y:04}-{m:02}"), days = days.to_string()));
    }
    Ok(())
}

/// Days in a month of the Gregorian calendar.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Warns when the version does not follow the file it builds on: a new year takes
/// the next whole number, the same year the next decimal step.
pub(super) fn check_version_step(file: &File, h: &Header, prev: &Header, diags: &mut Diagnostics) {
    let Some(span) = file.items.iter().find_map(|i| matches!(i, Item::Version(_)).then(|| i.span())) else { return };
    let (Some(new), Some(old)) = (Version::parse(&h.version), Version::parse(&prev.version)) else { return };
    // A new budget year takes the next whole number; a change during that year then
    // steps its decimal (2.0, 2.1, …) while still building on last year's file.
    // A file building on one of the same year takes the next decimal step. Any other
    // year than the base's is judged as a new budget year.
    let same_year = h.year == prev.year;
    let year = if same_year { prev.year } else { prev.year.saturating_add(1) };
    let expected = match new.follows(old, year, prev.year) {
        VersionStep::ShouldBe(Some(v)) => v,
        VersionStep::NewYear | VersionStep::NextStep | VersionStep::ShouldBe(None) => return,
    };
    let hint = match same_year {
        true => tr!("check-hint-version-same-year", expected = expected.to_string()),
        false => tr!("check-hint-version-new-year", expected = expected.to_string()),
    };
    let base = h.builds_on.as_deref().unwrap_or_default();
    let (version, previous, year) = (h.version.as_str(), prev.version.as_str(), prev.year.to_string());
    let message = tr!("check-version-step", version = version, previous = previous, base = base, year = year);
    diags.push(Diagnostic::warning(span, message).with_hint(hint));
}
