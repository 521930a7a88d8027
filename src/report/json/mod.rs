//! JSON in DESIGN.md's shape: keys in English, decimals as strings. The shape is the
//! serde form of [`Report`] itself (see [`shape`]); rendering is serialization and
//! [`parse`] reads a rendered report back.

pub use crate::eval::shape;

use crate::eval::results::*;
use crate::i18n::Lang;

/// Status as a machine word, as in the JSON.
pub fn status_name(s: Status) -> &'static str {
    match s {
        Status::Met => "met",
        Status::NotMet => "not_met",
        Status::NoTarget => "no_target",
        Status::NotAvailable => "not_available",
    }
}

/// Renders the report as pretty JSON with a trailing newline, notes in Swedish.
pub fn render(r: &Report) -> String {
    render_in(r, Lang::Sv)
}

/// Renders the report as pretty JSON with a trailing newline, notes and the
/// catch-all activity in `lang`.
pub fn render_in(r: &Report, lang: Lang) -> String {
    // INVARIANT: the report's fields serialize to strings, numbers and lists only; this cannot fail.
    serde_json::to_string_pretty(&in_words(r, lang)).unwrap_or_default() + "\n"
}

/// Reads a report rendered by [`render_in`]: `render(parse(text)?)` gives `text` back
/// when it was rendered in Swedish, and the same figures with its notes' words otherwise.
pub fn parse(text: &str) -> Result<Report, String> {
    let mut r: Report = serde_json::from_str(text).map_err(|e| crate::tr!("report-json-unreadable", reason = e.to_string()))?;
    r.period = r.provenance.period.as_deref().and_then(month_of);
    Ok(r)
}

/// The month of `YYYY-MM`.
fn month_of(period: &str) -> Option<u32> {
    period.split_once('-').and_then(|(_, m)| m.parse().ok())
}

/// The report with its reasons and the catch-all activity put in words of `lang`.
fn in_words(r: &Report, lang: Lang) -> Report {
    let mut r = r.clone();
    for a in &mut r.assignments {
        for k in &mut a.key_figures {
            k.note = k.note.take().map(|n| NotApplicable::Stated(n.describe(lang)));
        }
        for x in &mut a.activities {
            x.activity = Activity::Named(x.activity.describe(lang));
        }
        for p in a.parts.iter_mut().filter(|p| p.id.is_none()) {
            p.name = crate::tr_in!(lang, "params-unsplit");
        }
        for x in &mut a.level3 {
            x.name = Activity::Named(x.name.describe(lang));
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_names_are_the_serde_names() {
        for s in [Status::Met, Status::NotMet, Status::NoTarget, Status::NotAvailable] {
            assert_eq!(serde_json::to_value(s).ok(), Some(serde_json::Value::from(status_name(s))));
        }
    }
}
