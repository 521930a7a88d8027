//! `Sammanfattning` / `Summary`, the workbook's first sheet: the rules' title, the
//! period in words (`januari–augusti 2023`, `helår 2023`), the forecast's method,
//! and per board the compensation, cost and result, with the forecast, budget,
//! deviation and last year where the report has them, and their total.
//!
//! The follow-up columns ([`Shown`]) appear when some assignment has the value and are
//! left out when none has; a board's sum of a value some assignment lacks is `–`.

use super::sheet::{Cell, Column, Sheet};
use crate::eval::money;
use crate::eval::results::{AssignmentResult, ForecastMethod, Report};
use crate::i18n::Lang;
use crate::tr_in;
use rust_decimal::Decimal;

/// What a row of figures shows for an assignment, a board or all.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(super) struct Figures {
    compensation: Decimal,
    cost: Decimal,
    result: Decimal,
    /// Compensation, cost, result for the full year.
    forecast: Option<[Decimal; 3]>,
    budget_period: Option<Decimal>,
    deviation_period: Option<Decimal>,
    budget_year: Option<Decimal>,
    deviation_year: Option<Decimal>,
    /// Last year's compensation, cost, result for the same months.
    previous: Option<[Decimal; 3]>,
}

impl Figures {
    pub(super) fn of(a: &AssignmentResult) -> Figures {
        let f = &a.follow_up;
        Figures {
            compensation: a.compensation.total,
            cost: a.cost,
            result: a.result,
            forecast: a.forecast.map(|x| [x.compensation.total, x.cost, x.result]),
            budget_period: f.budget_period,
            deviation_period: f.deviation_period,
            budget_year: f.budget_year,
            deviation_year: f.deviation_year,
            previous: f.previous.map(|p| [p.compensation, p.cost, p.result]),
        }
    }

    /// The sum, checked; a value one side lacks is lacking in the sum.
    fn plus(self, o: Figures) -> Result<Figures, money::Overflow> {
        let opt = |a: Option<Decimal>, b: Option<Decimal>| a.zip(b).map(|(a, b)| money::add(a, b)).transpose();
        let three = |a: Option<[Decimal; 3]>, b: Option<[Decimal; 3]>| -> Result<Option<[Decimal; 3]>, money::Overflow> {
            a.zip(b).map(|(a, b)| Ok([money::add(a[0], b[0])?, money::add(a[1], b[1])?, money::add(a[2], b[2])?])).transpose()
        };
        Ok(Figures {
            compensation: money::add(self.compensation, o.compensation)?,
            cost: money::add(self.cost, o.cost)?,
            result: money::add(self.result, o.result)?,
            forecast: three(self.forecast, o.forecast)?,
            budget_period: opt(self.budget_period, o.budget_period)?,
            deviation_period: opt(self.deviation_period, o.deviation_period)?,
            budget_year: opt(self.budget_year, o.budget_year)?,
            deviation_year: opt(self.deviation_year, o.deviation_year)?,
            previous: three(self.previous, o.previous)?,
        })
    }

    /// The sum of the assignments' figures (zero for none).
    fn total<'a>(assignments: impl Iterator<Item = &'a AssignmentResult>) -> Result<Figures, money::Overflow> {
        let mut figures = assignments.map(Figures::of);
        let first = figures.next().unwrap_or_default();
        figures.try_fold(first, Figures::plus)
    }
}

/// Which of the optional column groups the report has.
#[derive(Debug, Clone, Copy)]
pub(super) struct Shown {
    forecast: bool,
    budget_period: bool,
    budget_year: bool,
    previous: bool,
}

impl Shown {
    pub(super) fn of(r: &Report) -> Shown {
        let any = |f: fn(&AssignmentResult) -> bool| r.assignments.iter().any(f);
        Shown {
            forecast: r.period.is_some(),
            budget_period: any(|a| a.follow_up.budget_period.is_some() || a.follow_up.deviation_period.is_some()),
            budget_year: any(|a| a.follow_up.budget_year.is_some() || a.follow_up.deviation_year.is_some()),
            previous: any(|a| a.follow_up.previous.is_some()),
        }
    }

    /// The headers of the figure columns, compensation first.
    /// `period` is the period in words (the budget's and deviation's headers name it).
    pub(super) fn columns(self, lang: Lang, period: &str) -> Vec<Column> {
        let mut titles = vec![tr_in!(lang, "report-col-compensation"), tr_in!(lang, "report-col-cost"), tr_in!(lang, "report-col-result")];
        if self.forecast {
            titles.extend([
                tr_in!(lang, "report-col-forecast-compensation"),
                tr_in!(lang, "report-col-forecast-cost"),
                tr_in!(lang, "report-col-forecast-result"),
            ]);
        }
        if self.budget_period {
            titles.extend([
                tr_in!(lang, "report-xlsx-col-budget-period", period = period),
                tr_in!(lang, "report-xlsx-col-deviation-period", period = period),
                tr_in!(lang, "report-xlsx-col-deviation-percent"),
            ]);
        }
        if self.budget_year {
            titles.extend([tr_in!(lang, "report-xlsx-col-budget-year"), tr_in!(lang, "report-xlsx-col-deviation-year")]);
        }
        if self.previous {
            titles.extend([
                tr_in!(lang, "report-xlsx-col-previous-compensation"),
                tr_in!(lang, "report-xlsx-col-previous-cost"),
                tr_in!(lang, "report-xlsx-col-previous-result"),
            ]);
        }
        titles.into_iter().map(|title| Column { title }).collect()
    }

    /// The figure cells under [`Shown::columns`]; `money` makes a cell of an amount.
    pub(super) fn cells(self, f: &Figures, money: fn(Decimal) -> Cell) -> Vec<Cell> {
        let amount = |d: Option<Decimal>| d.map_or_else(|| Cell::Text("–".into()), money);
        let three = |x: Option<[Decimal; 3]>| (0..3).map(move |i| amount(x.map(|x| x[i])));
        let mut cells = vec![money(f.compensation), money(f.cost), money(f.result)];
        if self.forecast {
            cells.extend(three(f.forecast));
        }
        if self.budget_period {
            cells.extend([amount(f.budget_period), amount(f.deviation_period), percent_of(f.deviation_period, f.budget_period)]);
        }
        if self.budget_year {
            cells.extend([amount(f.budget_year), amount(f.deviation_year)]);
        }
        if self.previous {
            cells.extend(three(f.previous));
        }
        cells
    }
}

/// `part` as a fraction of `whole`; `–` without either or with a zero whole.
fn percent_of(part: Option<Decimal>, whole: Option<Decimal>) -> Cell {
    match part.zip(whole).and_then(|(p, w)| p.checked_div(w)) {
        Some(q) => Cell::Percent(crate::number::rounded(q, 4)),
        None => Cell::Text("–".into()),
    }
}

/// The summary sheet.
pub(super) fn sheet(r: &Report, lang: Lang) -> Result<Sheet, String> {
    let too_large = || tr_in!(lang, "report-transfers-too-large");
    let shown = Shown::of(r);
    let mut columns = vec![Column { title: tr_in!(lang, "report-col-board") }];
    columns.extend(shown.columns(lang, &period_words(r.year, r.period, lang)));
    let mut rows = vec![];
    for board in boards(r) {
        let figures = Figures::total(r.assignments.iter().filter(|a| a.board == board)).map_err(|_| too_large())?;
        rows.push([Cell::Text(board_name(&board))].into_iter().chain(shown.cells(&figures, Cell::Kronor)).collect());
    }
    let all = Figures::total(r.assignments.iter()).map_err(|_| too_large())?;
    let totals = vec![[Cell::Text(tr_in!(lang, "report-total"))].into_iter().chain(shown.cells(&all, Cell::Kronor)).collect()];
    Ok(Sheet { name: tr_in!(lang, "report-xlsx-sheet-summary"), preamble: preamble(r, lang), columns, rows, totals })
}

/// The boards (id, name) in the order first met.
fn boards(r: &Report) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = vec![];
    for a in &r.assignments {
        if !out.contains(&a.board) {
            out.push(a.board.clone());
        }
    }
    out
}

/// `Äldrenämnden (ÄN)`; the id alone when the rules give no name.
fn board_name((id, name): &(String, String)) -> String {
    if name.is_empty() || name == id { id.clone() } else { format!("{name} ({id})") }
}

/// Title, period, the forecast's method (year to date), and that amounts are in kronor.
fn preamble(r: &Report, lang: Lang) -> Vec<String> {
    let mut lines = vec![r.title.clone(), tr_in!(lang, "report-xlsx-period", period = period_words(r.year, r.period, lang))];
    if r.period.is_some() {
        lines.push(tr_in!(lang, "report-xlsx-method", method = methods(r, lang)));
    }
    lines.push(tr_in!(lang, "report-xlsx-amounts-in-kronor"));
    lines
}

/// The forecast methods of the report's assignments, each once, in words.
fn methods(r: &Report, lang: Lang) -> String {
    let mut seen: Vec<ForecastMethod> = vec![];
    for m in r.assignments.iter().filter_map(|a| a.forecast.map(|f| f.method)) {
        if !seen.contains(&m) {
            seen.push(m);
        }
    }
    seen.into_iter().map(|m| method_words(m, lang)).collect::<Vec<_>>().join("; ")
}

/// How a forecast was made, in words of `lang`.
fn method_words(m: ForecastMethod, lang: Lang) -> String {
    match m {
        ForecastMethod::Linear => tr_in!(lang, "report-xlsx-method-linear"),
        ForecastMethod::SameMonthsLastYear => tr_in!(lang, "report-xlsx-method-same-months"),
        ForecastMethod::Provider => tr_in!(lang, "report-xlsx-method-provider"),
    }
}

/// The forecast's method in a word or two, for its column beside the forecast.
pub(super) fn method_name(m: ForecastMethod, lang: Lang) -> String {
    match m {
        ForecastMethod::Linear => tr_in!(lang, "report-xlsx-method-name-linear"),
        ForecastMethod::SameMonthsLastYear => tr_in!(lang, "report-xlsx-method-name-same-months"),
        ForecastMethod::Provider => tr_in!(lang, "report-xlsx-method-name-provider"),
    }
}

/// `januari–augusti 2023`, `januari 2023` or `helår 2023`.
pub(super) fn period_words(year: i32, period: Option<u32>, lang: Lang) -> String {
    let year = year.to_string();
    match period {
        None => tr_in!(lang, "report-xlsx-full-year", year = year),
        Some(1) => tr_in!(lang, "report-xlsx-one-month", month = month_name(1, lang), year = year),
        Some(m) => tr_in!(lang, "report-xlsx-months", from = month_name(1, lang), to = month_name(m, lang), year = year),
    }
}

/// The month's name in `lang` (`augusti`); the number for a month that is none.
fn month_name(m: u32, lang: Lang) -> String {
    match m {
        1 => tr_in!(lang, "report-xlsx-month-1"),
        2 => tr_in!(lang, "report-xlsx-month-2"),
        3 => tr_in!(lang, "report-xlsx-month-3"),
        4 => tr_in!(lang, "report-xlsx-month-4"),
        5 => tr_in!(lang, "report-xlsx-month-5"),
        6 => tr_in!(lang, "report-xlsx-month-6"),
        7 => tr_in!(lang, "report-xlsx-month-7"),
        8 => tr_in!(lang, "report-xlsx-month-8"),
        9 => tr_in!(lang, "report-xlsx-month-9"),
        10 => tr_in!(lang, "report-xlsx-month-10"),
        11 => tr_in!(lang, "report-xlsx-month-11"),
        12 => tr_in!(lang, "report-xlsx-month-12"),
        other => other.to_string(),
    }
}
