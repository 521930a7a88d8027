//! Header fields: present once each, well-formed, version steps.

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Decision, Header};
use crate::source::Span;
use crate::syntax::ast::{File, Item};

/// Collects the header; reports missing, repeated and malformed fields.
pub(super) fn check(file: &File, diags: &mut Diagnostics) -> Header {
    let mut header = Header::default();
    let mut seen: Vec<(&'static str, Span)> = vec![];
    for item in &file.items {
        let Some(field) = field_name(item) else { continue };
        if let Some((_, first)) = seen.iter().find(|(f, _)| *f == field) {
            diags.push(Diagnostic::error(item.span(), format!("`{field}` is given twice")).with_note(*first, "first given here"));
            continue;
        }
        seen.push((field, item.span()));
        fill(&mut header, item, diags);
    }
    for required in ["regelverk", "år", "version", "dokumentägare"] {
        if !seen.iter().any(|(f, _)| *f == required) {
            diags.push(missing(required, file));
        }
    }
    header
}

fn missing(field: &str, file: &File) -> Diagnostic {
    let example = match field {
        "regelverk" => "regelverk \"Ekonomistyrning för verksamhetsuppdrag\"",
        "år" => "år 2024",
        "version" => "version 1.0",
        _ => "dokumentägare \"Ekonomichef SoF\", \"Ekonomichef Leanlink\"",
    };
    let at = file.items.first().map(|i| Span::new(i.span().start, i.span().start)).unwrap_or_default();
    Diagnostic::error(at, format!("the header has no `{field}`")).with_hint(format!("add `{example}` at the top of the file"))
}

fn field_name(item: &Item) -> Option<&'static str> {
    Some(match item {
        Item::Regelverk(_) => "regelverk",
        Item::Year(_) => "år",
        Item::Version(_) => "version",
        Item::BuildsOn(_) => "bygger_på",
        Item::Owners(..) => "dokumentägare",
        Item::Decision(_) => "beslut",
        _ => return None,
    })
}

fn fill(h: &mut Header, item: &Item, diags: &mut Diagnostics) {
    match item {
        Item::Regelverk(s) => h.title = s.value.clone(),
        Item::Year(y) => {
            if !(2000..=2100).contains(&y.value) {
                diags.push(Diagnostic::error(y.span, format!("`{}` is not a plausible budget year", y.value)));
            }
            h.year = y.value;
        }
        Item::Version(v) => h.version = v.value.clone(),
        Item::BuildsOn(s) => h.builds_on = Some(s.value.clone()),
        Item::Owners(owners, _) => h.owners = owners.iter().map(|o| o.value.clone()).collect(),
        Item::Decision(d) => {
            if let Err(hint) = check_date(&d.date.value) {
                diags.push(Diagnostic::error(d.date.span, format!("`{}` is not a date", d.date.value)).with_hint(hint));
            }
            h.decision = Some(Decision { board: d.board.value.clone(), date: d.date.value.clone(), dnr: d.dnr.value.clone() });
        }
        _ => {}
    }
}

/// Whether `YYYY-MM-DD` is a real calendar date; if not, a hint saying why.
fn check_date(text: &str) -> Result<(), String> {
    let mut it = text.split('-').map(|p| p.parse::<u32>().ok());
    let (Some(Some(y)), Some(Some(m)), Some(Some(d))) = (it.next(), it.next(), it.next()) else {
        return Err("write the date as `YYYY-MM-DD`".into());
    };
    if !(1..=12).contains(&m) {
        return Err("months are 01–12".into());
    }
    let days = days_in_month(y as i32, m);
    if d < 1 || d > days {
        return Err(format!("`{y:04}-{m:02}` has {days} days"));
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

/// A version as (whole, decimal step).
fn version_parts(v: &str) -> Option<(u32, u32)> {
    let (a, b) = v.split_once('.').unwrap_or((v, "0"));
    Some((a.parse().ok()?, b.parse().ok()?))
}

/// Warns when the version does not follow the file it builds on: a new year takes
/// the next whole number, the same year the next decimal step.
pub(super) fn check_version_step(file: &File, h: &Header, prev: &Header, diags: &mut Diagnostics) {
    let Some(span) = file.items.iter().find_map(|i| matches!(i, Item::Version(_)).then(|| i.span())) else { return };
    let (Some(new), Some(old)) = (version_parts(&h.version), version_parts(&prev.version)) else { return };
    // A new budget year takes the next whole number; a change during that year then
    // steps its decimal (2.0, 2.1, …) while still building on last year's file.
    // A file building on one of the same year takes the next decimal step.
    let (fits, expected) = if h.year == prev.year {
        let Some(d) = old.1.checked_add(1) else { return };
        (new == (old.0, d), (old.0, d))
    } else {
        let Some(w) = old.0.checked_add(1) else { return };
        (new.0 == w, (w, 0))
    };
    if !fits {
        let why = if h.year == prev.year {
            "a change during the same year takes the next decimal step"
        } else {
            "a new budget year takes the next whole version number"
        };
        let base = h.builds_on.as_deref().unwrap_or_default();
        diags.push(
            Diagnostic::warning(
                span,
                format!("version `{}` does not follow version `{}` of `{base}` ({})", h.version, prev.version, prev.year),
            )
            .with_hint(format!("{why}: `version {}.{}`", expected.0, expected.1)),
        );
    }
}
