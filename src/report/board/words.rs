//! Months, periods, dates and forecast methods in the report's words.

use crate::eval::results::{ForecastMethod, Report};
use crate::i18n::Lang;
use crate::tr_in;

/// A month's name in `lang` (`augusti`).
pub fn month_name(lang: Lang, month: u32) -> String {
    tr_in!(lang, "rapport-month", month = month)
}

/// `januari–augusti 2023`, or `mars 2023` for one month.
pub(super) fn months_words(lang: Lang, first: u32, last: u32, year: i32) -> String {
    match first == last {
        true => format!("{} {year}", month_name(lang, last)),
        false => format!("{}–{} {year}", month_name(lang, first), month_name(lang, last)),
    }
}

/// `2025-02-28` as `28 februari 2025` (as given when it is no date).
pub(super) fn date_words(lang: Lang, date: &str) -> String {
    let mut parts = date.splitn(3, '-').map(|p| p.parse::<u32>().ok());
    match (parts.next().flatten(), parts.next().flatten(), parts.next().flatten()) {
        (Some(y), Some(m @ 1..=12), Some(d)) => format!("{d} {} {y}", month_name(lang, m)),
        _ => date.to_string(),
    }
}

/// A key figure's period (`2023-03`, `2023-01..2023-08`, `2023`) in words.
pub(super) fn period_words(lang: Lang, period: &str) -> String {
    let ym = |s: &str| -> Option<(i32, u32)> {
        let (y, m) = s.split_once('-')?;
        Some((y.parse().ok()?, m.parse().ok()?))
    };
    match period.split_once("..") {
        Some((a, b)) => match (ym(a), ym(b)) {
            (Some((y, m1)), Some((_, m2))) => months_words(lang, m1, m2, y),
            _ => period.to_string(),
        },
        None => match (ym(period), period.parse::<i32>()) {
            (Some((y, m)), _) => months_words(lang, m, m, y),
            (None, Ok(year)) => tr_in!(lang, "rapport-period-year", year = year.to_string()),
            (None, Err(_)) => period.to_string(),
        },
    }
}

/// The forecast method(s) of a report in words; "linear" when no assignment says otherwise.
pub(super) fn method_words(report: &Report, lang: Lang) -> String {
    let mut methods: Vec<ForecastMethod> = vec![];
    for m in report.assignments.iter().filter_map(|a| a.forecast.map(|f| f.method)) {
        if !methods.contains(&m) {
            methods.push(m);
        }
    }
    if methods.is_empty() {
        methods.push(ForecastMethod::Linear);
    }
    methods.iter().map(|m| method_word(*m, lang)).collect::<Vec<_>>().join("; ")
}

pub(super) fn method_word(m: ForecastMethod, lang: Lang) -> String {
    match m {
        ForecastMethod::Linear => tr_in!(lang, "rapport-method-linear"),
        ForecastMethod::SameMonthsLastYear => tr_in!(lang, "rapport-method-last-year"),
        ForecastMethod::Provider => tr_in!(lang, "rapport-method-provider"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_months_in_words() {
        assert_eq!(period_words(Lang::Sv, "2023-01..2023-08"), "januari–augusti 2023");
        assert_eq!(period_words(Lang::Sv, "2023-04"), "april 2023");
        assert_eq!(period_words(Lang::En, "2023-01..2023-03"), "January–March 2023");
        assert_eq!(period_words(Lang::Sv, "2023"), "helåret 2023");
    }

    #[test]
    fn due_dates_are_in_words() {
        assert_eq!(date_words(Lang::Sv, "2025-02-28"), "28 februari 2025");
        assert_eq!(date_words(Lang::En, "2025-02-01"), "1 February 2025");
        assert_eq!(date_words(Lang::Sv, "snart"), "snart");
    }
}
