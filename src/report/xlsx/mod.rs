//! The XLSX report for the board: a summary first, then one sheet per view of a [`Report`].
//!
//! Sheets, in order (Swedish name / English name with `--lang en`):
//! `Sammanfattning` / `Summary` (title, period in words, forecast method, per board
//! and in total; see [`summary`]), `Vad händer om` / `What if` (with `--set`),
//! `Överföringar` / `Transfers` (assignment × month),
//! `Ersättning och resultat` / `Compensation and result` (with the forecast in
//! year-to-date mode, and budget, deviation, last year and the provider's comment
//! where the report has them), `Verksamheter` / `Activities` (cost per nivå-3 activity),
//! `Nyckeltal` / `Key figures`, `Återrapportering` / `Reporting back`, `Nivå 1` /
//! `Level 1`, `Per del` / `Per part`, `Samlat resultat` / `Pooled result`, `Beslut` /
//! `Decisions`, `Ej mappade` / `Unmapped` and `Proveniens` / `Provenance` (one key and
//! value a row). The ledger views add `Nivå 3` / `Level 3` after `Verksamheter`, and,
//! when the rules declare them, `Två vyer` / `Two views` and `Utanför` / `Out of scope`
//! before `Ej mappade`.
//!
//! Assignments are shown by their display names (the compensation sheet and the
//! transfers also by id). Money is a number cell in `# ##0,00` (`# ##0` on the
//! summary); a percentage is a fraction in `0,0 %`; a missing key figure value is the
//! text `i.u.`; a key figure's status is a symbol and words (`✓ uppfyllt`), filled
//! green or red. Every table has a bold, frozen header row with an autofilter over
//! the data rows, and every money table a bold `Summa` row below the filtered range.
//! Totals are numbers, not formulas, so that readers that do not calculate see them
//! too. Columns are as wide as their longest text (see [`sheet`]).
//!
//! The output is deterministic: the document's creation time is 1 January of the
//! report's year, so the same report gives the same bytes.

mod sheet;
mod summary;

use super::table::target_text;
use crate::eval::money;
use crate::eval::results::*;
use crate::i18n::Lang;
use crate::model::Interval;
use crate::tr_in;
use rust_decimal::Decimal;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook};
use sheet::{Cell, Column, Formats, Sheet, fail};

/// Renders the report as an XLSX workbook, byte-identical for identical reports.
pub fn render(report: &Report, lang: Lang) -> Result<Vec<u8>, String> {
    let l = L(lang);
    let mut workbook = Workbook::new();
    workbook.set_properties(&properties(report)?);
    let formats = Formats::new();
    let mut sheets = vec![
        summary::sheet(report, lang)?,
        transfers(report, &l)?,
        compensation(report, &l)?,
        activities(report, &l)?,
        level3(report, &l)?,
        key_figures(report, &l),
        change_reports(report, &l)?,
        level1(report, &l)?,
        per_part(report, &l)?,
        pooled(report, &l),
        decisions(report, &l),
    ];
    if let Some(sheet) = what_if(report, &l) {
        sheets.insert(1, sheet);
    }
    sheets.extend(views(report, &l));
    sheets.extend(out_of_scope(report, &l));
    sheets.extend([unmapped(report, &l), provenance(report, &l)]);
    for s in &sheets {
        sheet::write(workbook.add_worksheet(), s, &formats)?;
    }
    workbook.save_to_buffer().map_err(fail)
}

/// Fixed document properties: the creation time is 1 January of the report's year.
fn properties(report: &Report) -> Result<DocProperties, String> {
    let year = u16::try_from(report.year).map_err(|_| crate::tr!("report-year-unwritable", year = report.year.to_string()))?;
    let created = ExcelDateTime::from_ymd(year, 1, 1).map_err(fail)?;
    Ok(DocProperties::new().set_title(report.title.as_str()).set_creation_datetime(&created))
}

use super::Labels as L;

impl L {
    /// A column with its header in the report's language.
    fn col(&self, title: String) -> Column {
        Column { title }
    }

    /// A table with a `Summa` row under its money columns.
    fn summed(&self, name: String, columns: Vec<Column>, rows: Vec<Vec<Cell>>) -> Result<Sheet, String> {
        Sheet::table(name, columns, rows).summed(&tr_in!(self.0, "report-total"), || tr_in!(self.0, "report-transfers-too-large"))
    }

    /// A key figure's status: its symbol and words (`✓ uppfyllt`), coloured in the sheet.
    fn status_cell(&self, s: Status) -> Cell {
        let symbol = sheet::status_symbol(s);
        let words = self.status(s);
        Cell::Status(s, if symbol.is_empty() { words } else { format!("{symbol} {words}") })
    }

    /// A key figure's value: a percentage as a fraction, any other in its unit.
    fn figure_cell(&self, value: Option<Decimal>, unit: &FigureUnit) -> Cell {
        match (value, unit) {
            (None, _) => text(super::not_available(self.0)),
            (Some(v), FigureUnit::Percent) => Cell::Percent(crate::number::rounded(v, 4)),
            (Some(v), FigureUnit::Unit(_)) => Cell::Figure(unit.shown(v)),
        }
    }
}

/// The unit beside a value; none for a percentage, whose cell shows `%` itself.
fn unit_text(unit: &FigureUnit) -> Cell {
    match unit {
        FigureUnit::Percent => Cell::Empty,
        FigureUnit::Unit(u) => text(u),
    }
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn money_cells(c: &Compensation) -> [Cell; 4] {
    [Cell::Money(c.fixed), Cell::Money(c.variable), Cell::Money(c.changes), Cell::Money(c.total)]
}

/// Fixed, variable, changes and their sum, headed `total`.
fn compensation_columns(l: &L, total: Column) -> [Column; 4] {
    [l.col(tr_in!(l.0, "report-col-fixed")), l.col(tr_in!(l.0, "report-col-variable")), l.col(tr_in!(l.0, "report-col-changes")), total]
}

fn transfers(r: &Report, l: &L) -> Result<Sheet, String> {
    let mut columns =
        vec![l.col(tr_in!(l.0, "report-col-assignment")), l.col(tr_in!(l.0, "report-col-name")), l.col(tr_in!(l.0, "report-col-period"))];
    columns.extend(compensation_columns(l, l.col(tr_in!(l.0, "report-total"))));
    let lines: Vec<(&AssignmentResult, &MonthLine)> = r.assignments.iter().flat_map(|a| a.months.iter().map(move |m| (a, m))).collect();
    let rows = lines.iter().map(|(a, m)| transfer_row(r, a, m)).collect();
    let total = grand_total(lines.iter().map(|(_, m)| &m.amounts), l)?;
    let totals = vec![[text(tr_in!(l.0, "report-total")), Cell::Empty, Cell::Empty].into_iter().chain(money_cells(&total)).collect()];
    Ok(Sheet { name: tr_in!(l.0, "report-sheet-transfers"), preamble: vec![], columns, rows, totals })
}

fn transfer_row(r: &Report, a: &AssignmentResult, m: &MonthLine) -> Vec<Cell> {
    let period = format!("{}-{:02}", r.year, m.month);
    let mut row = vec![text(&a.id), text(&a.name), text(period)];
    row.extend(money_cells(&m.amounts));
    row
}

/// The sum of the transfer lines shown above it, checked for overflow.
fn grand_total<'a>(mut lines: impl Iterator<Item = &'a Compensation>, l: &L) -> Result<Compensation, String> {
    let add = |a: Decimal, b: Decimal| money::add(a, b).map_err(|_| tr_in!(l.0, "report-transfers-too-large"));
    lines.try_fold(Compensation::default(), |acc, c| {
        Ok(Compensation {
            fixed: add(acc.fixed, c.fixed)?,
            variable: add(acc.variable, c.variable)?,
            changes: add(acc.changes, c.changes)?,
            total: add(acc.total, c.total)?,
        })
    })
}

/// Per assignment: board, care form, id, name, the compensation by kind, cost and
/// result, then the forecast (year to date), budget, deviation and last year where the
/// report has them, the forecast's method and the provider's comment.
fn compensation(r: &Report, l: &L) -> Result<Sheet, String> {
    let shown = summary::Shown::of(r);
    let ytd = r.period.is_some();
    let comments = r.assignments.iter().any(|a| a.follow_up.forecast_comment.is_some());
    let mut columns = vec![
        l.col(tr_in!(l.0, "report-col-board")),
        l.col(tr_in!(l.0, "report-col-care-form")),
        l.col(tr_in!(l.0, "report-col-assignment")),
        l.col(tr_in!(l.0, "report-col-name")),
    ];
    let [fixed, variable, changes, _] = compensation_columns(l, l.col(String::new()));
    columns.extend([fixed, variable, changes]);
    columns.extend(shown.columns(l.0, &summary::period_words(r.year, r.period, l.0)));
    columns.extend(ytd.then(|| l.col(tr_in!(l.0, "report-xlsx-col-method"))));
    columns.extend(comments.then(|| l.col(tr_in!(l.0, "report-xlsx-col-comment"))));
    let rows = r
        .assignments
        .iter()
        .map(|a| {
            let mut row = vec![text(&a.board.1), text(&a.care_form.1), text(&a.id), text(&a.name)];
            row.extend([Cell::Money(a.compensation.fixed), Cell::Money(a.compensation.variable), Cell::Money(a.compensation.changes)]);
            row.extend(shown.cells(&summary::Figures::of(a), Cell::Money));
            if ytd {
                row.push(a.forecast.map_or(Cell::Empty, |f| text(summary::method_name(f.method, l.0))));
            }
            if comments {
                row.push(a.follow_up.forecast_comment.as_ref().map_or(Cell::Empty, text));
            }
            row
        })
        .collect();
    l.summed(tr_in!(l.0, "report-sheet-compensation"), columns, rows)
}

fn activities(r: &Report, l: &L) -> Result<Sheet, String> {
    let columns =
        vec![l.col(tr_in!(l.0, "report-col-assignment")), l.col(tr_in!(l.0, "report-col-activity")), l.col(tr_in!(l.0, "report-col-cost"))];
    let rows = r
        .assignments
        .iter()
        .flat_map(|a| a.activities.iter().map(|x| vec![text(&a.name), text(x.activity.describe(l.0)), Cell::Money(x.cost)]))
        .collect();
    l.summed(tr_in!(l.0, "report-sheet-activities"), columns, rows)
}

fn key_figures(r: &Report, l: &L) -> Sheet {
    let columns = vec![
        l.col(tr_in!(l.0, "report-col-assignment")),
        l.col(tr_in!(l.0, "report-col-id")),
        l.col(tr_in!(l.0, "report-col-name")),
        l.col(tr_in!(l.0, "report-col-interval")),
        l.col(tr_in!(l.0, "report-col-period")),
        l.col(tr_in!(l.0, "report-col-value")),
        l.col(tr_in!(l.0, "report-col-unit")),
        l.col(tr_in!(l.0, "report-col-target")),
        l.col(tr_in!(l.0, "report-col-status")),
        l.col(tr_in!(l.0, "report-col-note")),
    ];
    let rows = r
        .assignments
        .iter()
        .flat_map(|a| a.key_figures.iter().flat_map(move |k| std::iter::once(key_figure_row(a, k, l)).chain(series_rows(a, k, l))))
        .collect();
    Sheet::table(tr_in!(l.0, "report-sheet-key-figures"), columns, rows)
}

/// A key figure's series, as indented rows under it: `id.serie`, name, value, unit.
fn series_rows<'a>(a: &'a AssignmentResult, k: &'a KeyFigureResult, l: &'a L) -> impl Iterator<Item = Vec<Cell>> + 'a {
    k.series.iter().map(move |s| {
        let value = l.figure_cell(s.value, &k.unit);
        vec![
            text(&a.name),
            text(format!("{}.{}", k.id, s.id)),
            text(format!("  {}", tr_in!(l.0, "kf-report-series", name = s.name.as_str()))),
            text(interval(k.interval, l)),
            text(&k.period),
            value,
            unit_text(&k.unit),
            text(""),
            text(""),
            text(""),
        ]
    })
}

fn key_figure_row(a: &AssignmentResult, k: &KeyFigureResult, l: &L) -> Vec<Cell> {
    let value = l.figure_cell(k.value, &k.unit);
    let note = k.remarks(l.0);
    vec![
        text(&a.name),
        text(&k.id),
        text(&k.name),
        text(interval(k.interval, l)),
        text(&k.period),
        value,
        unit_text(&k.unit),
        text(target_text(k.target, &k.unit)),
        l.status_cell(k.status),
        text(note),
    ]
}

/// The interval in the report's language: the rules' keyword in Swedish.
fn interval(i: Interval, l: &L) -> String {
    let keyword = i.keyword();
    match i {
        Interval::Månadsvis => tr_in!(l.0, "report-interval-monthly", keyword = keyword),
        Interval::Delår => tr_in!(l.0, "report-interval-interim", keyword = keyword),
        Interval::Årsvis => tr_in!(l.0, "report-interval-annual", keyword = keyword),
    }
}

/// The mid-year changes with their decisions and återrapportering.
fn change_reports(r: &Report, l: &L) -> Result<Sheet, String> {
    let columns = vec![
        l.col(tr_in!(l.0, "report-col-assignment")),
        l.col(tr_in!(l.0, "validity-col-change")),
        l.col(tr_in!(l.0, "report-col-name")),
        l.col(tr_in!(l.0, "validity-col-kind")),
        l.col(tr_in!(l.0, "report-col-period")),
        l.col(tr_in!(l.0, "validity-col-amount")),
        l.col(tr_in!(l.0, "validity-col-decision")),
        l.col(tr_in!(l.0, "validity-col-report")),
        l.col(tr_in!(l.0, "validity-col-due")),
    ];
    let rows = r
        .assignments
        .iter()
        .flat_map(|a| {
            a.mid_year_changes.iter().map(|c| {
                let decision = c.decision.as_ref().map(|d| match &d.dnr {
                    Some(dnr) => format!("{} {} dnr {dnr}", d.board, d.date),
                    None => tr_in!(l.0, "validity-decision-no-dnr", board = d.board.as_str(), date = d.date.as_str()),
                });
                vec![
                    text(&a.name),
                    text(&c.id),
                    text(&c.name),
                    text(c.kind.keyword()),
                    text(format!("{}..{}", c.from, c.to)),
                    Cell::Money(c.amount),
                    decision.map_or(Cell::Empty, text),
                    c.report.as_ref().map_or(Cell::Empty, |x| text(&x.text)),
                    c.report.as_ref().and_then(|x| x.due.as_ref()).map_or(Cell::Empty, text),
                ]
            })
        })
        .collect();
    l.summed(tr_in!(l.0, "validity-sheet-reports"), columns, rows)
}

fn level1(r: &Report, l: &L) -> Result<Sheet, String> {
    let columns = vec![
        l.col(tr_in!(l.0, "report-col-board")),
        l.col(tr_in!(l.0, "report-col-care-form")),
        l.col(tr_in!(l.0, "report-col-compensation")),
        l.col(tr_in!(l.0, "report-col-cost")),
        l.col(tr_in!(l.0, "report-col-result")),
    ];
    let rows = r
        .level1
        .iter()
        .map(|x| vec![text(&x.board.1), text(&x.care_form.1), Cell::Money(x.compensation), Cell::Money(x.cost), Cell::Money(x.result)])
        .collect();
    l.summed(tr_in!(l.0, "report-sheet-level1"), columns, rows)
}

/// `Per del`: each assignment with parts, then its parts and what belongs to no part.
fn per_part(r: &Report, l: &L) -> Result<Sheet, String> {
    let columns = vec![
        l.col(tr_in!(l.0, "report-col-assignment")),
        l.col(tr_in!(l.0, "params-col-part")),
        l.col(tr_in!(l.0, "report-col-compensation")),
        l.col(tr_in!(l.0, "report-col-cost")),
        l.col(tr_in!(l.0, "report-col-result")),
    ];
    let mut rows = vec![];
    for a in r.assignments.iter().filter(|a| !a.parts.is_empty()) {
        for p in &a.parts {
            let name = match &p.id {
                Some(_) => p.name.clone(),
                None => tr_in!(l.0, "params-unsplit"),
            };
            rows.push(vec![text(&a.name), text(name), Cell::Money(p.compensation), Cell::Money(p.cost), Cell::Money(p.result)]);
        }
    }
    l.summed(tr_in!(l.0, "params-sheet-parts"), columns, rows)
}

/// `Samlat resultat`: per board, with the total below.
fn pooled(r: &Report, l: &L) -> Sheet {
    let columns = vec![
        l.col(tr_in!(l.0, "report-col-board")),
        l.col(tr_in!(l.0, "report-col-compensation")),
        l.col(tr_in!(l.0, "report-col-cost")),
        l.col(tr_in!(l.0, "report-col-result")),
    ];
    let p = &r.pooled;
    let board_name = |b: &(String, String)| if b.1.is_empty() { b.0.clone() } else { b.1.clone() };
    let rows = p
        .boards
        .iter()
        .map(|b| vec![text(board_name(&b.board)), Cell::Money(b.compensation), Cell::Money(b.cost), Cell::Money(b.result)])
        .collect();
    let t = &p.total;
    let totals = vec![vec![text(tr_in!(l.0, "report-total")), Cell::Money(t.compensation), Cell::Money(t.cost), Cell::Money(t.result)]];
    Sheet { name: tr_in!(l.0, "params-sheet-pooled"), preamble: vec![], columns, rows, totals }
}

/// `Beslut`: board, date, dnr (or that it is missing), what the decision is about.
fn decisions(r: &Report, l: &L) -> Sheet {
    let columns = vec![
        l.col(tr_in!(l.0, "report-col-board")),
        l.col(tr_in!(l.0, "params-col-date")),
        l.col("dnr".to_string()),
        l.col(tr_in!(l.0, "params-col-about")),
    ];
    let rows = r
        .decisions
        .iter()
        .map(|d| {
            let dnr = d.dnr.clone().unwrap_or_else(|| tr_in!(l.0, "params-dnr-missing"));
            vec![text(&d.board), text(&d.date), text(dnr), text(d.about.clone().unwrap_or_default())]
        })
        .collect();
    Sheet::table(tr_in!(l.0, "params-sheet-decisions"), columns, rows)
}

fn unmapped(r: &Report, l: &L) -> Sheet {
    let u = &r.unmapped;
    let columns = vec![l.col(tr_in!(l.0, "report-col-code")), l.col(tr_in!(l.0, "report-col-count")), l.col(tr_in!(l.0, "report-col-sum"))];
    let rows = u.codes.iter().map(|(code, n, sum)| vec![text(code), Cell::Count(*n), Cell::Money(*sum)]).collect();
    let totals = vec![vec![text(tr_in!(l.0, "report-total")), Cell::Count(u.count), Cell::Money(u.sum)]];
    Sheet { name: tr_in!(l.0, "report-sheet-unmapped"), preamble: vec![], columns, rows, totals }
}

fn provenance(r: &Report, l: &L) -> Sheet {
    let columns = vec![l.col(tr_in!(l.0, "report-col-key")), l.col(tr_in!(l.0, "report-col-value"))];
    let rows = provenance_pairs(r, l).into_iter().map(|(k, v)| vec![text(k), text(v)]).collect();
    Sheet::table(tr_in!(l.0, "report-sheet-provenance"), columns, rows)
}

/// Engine, rules, rule files, input, period and `--set` overrides, in that order.
fn provenance_pairs(r: &Report, l: &L) -> Vec<(String, String)> {
    let p = &r.provenance;
    let mut pairs = vec![
        (tr_in!(l.0, "report-prov-engine"), p.engine.clone()),
        (tr_in!(l.0, "report-prov-title"), r.title.clone()),
        (tr_in!(l.0, "report-prov-year"), r.year.to_string()),
        ("version".to_string(), r.version.clone()),
    ];
    for crate::eval::results::RuleFile { file, version, sha256: sha } in &p.rules {
        pairs.extend([
            (tr_in!(l.0, "report-prov-rule-file"), file.clone()),
            ("version".to_string(), version.clone()),
            ("sha256".to_string(), sha.clone()),
        ]);
    }
    if let Some(crate::eval::results::InputFile { file, sha256: sha }) = &p.input {
        pairs.extend([(tr_in!(l.0, "report-prov-input"), file.clone()), ("sha256".to_string(), sha.clone())]);
    }
    if let Some(crate::eval::results::InputFile { file, sha256: sha }) = &p.previous_input {
        pairs.extend([(tr_in!(l.0, "report-prov-previous-input"), file.clone()), ("sha256".to_string(), sha.clone())]);
    }
    let full_year = || tr_in!(l.0, "report-prov-full-year");
    pairs.push(("period".to_string(), p.period.clone().unwrap_or_else(full_year)));
    let overrides = if p.overrides.is_empty() { vec![String::new()] } else { p.overrides.clone() };
    pairs.extend(overrides.into_iter().map(|o| ("--set".to_string(), o)));
    pairs
}

/// Nivå 3: cost per declared activity and the rest, per assignment.
fn level3(r: &Report, l: &L) -> Result<Sheet, String> {
    let columns = vec![
        l.col(tr_in!(l.0, "report-col-assignment")),
        l.col(tr_in!(l.0, "ledger-col-activity-id")),
        l.col(tr_in!(l.0, "report-col-activity")),
        l.col(tr_in!(l.0, "report-col-cost")),
    ];
    let rows = r
        .assignments
        .iter()
        .flat_map(|a| {
            a.level3
                .iter()
                .map(|x| vec![text(&a.name), text(x.id.clone().unwrap_or_default()), text(x.name.describe(l.0)), Cell::Money(x.cost)])
        })
        .collect();
    l.summed(tr_in!(l.0, "ledger-sheet-level3"), columns, rows)
}

/// The two views per assignment, then the pairs on which they disagree.
fn views(r: &Report, l: &L) -> Option<Sheet> {
    let v = r.views.as_ref()?;
    let columns = vec![
        l.col(tr_in!(l.0, "report-col-assignment")),
        l.col(tr_in!(l.0, "ledger-col-id-view")),
        l.col(tr_in!(l.0, "ledger-col-komplement-view")),
        l.col(tr_in!(l.0, "ledger-col-id")),
        l.col(tr_in!(l.0, "ledger-col-komplement")),
        l.col(tr_in!(l.0, "ledger-col-komplement-assignment")),
        l.col(tr_in!(l.0, "ledger-col-postings")),
    ];
    let mut rows: Vec<Vec<Cell>> =
        v.id.assignments
            .iter()
            .zip(&v.komplement.assignments)
            .map(|(i, k)| vec![text(&i.id), Cell::Money(i.sum), Cell::Money(k.sum)])
            .collect();
    rows.push(vec![text(tr_in!(l.0, "ledger-row-unmapped")), Cell::Money(v.id.unmapped.sum), Cell::Money(v.komplement.unmapped.sum)]);
    rows.push(vec![
        text(tr_in!(l.0, "ledger-row-out-of-scope")),
        Cell::Money(v.id.out_of_scope.sum),
        Cell::Money(v.komplement.out_of_scope.sum),
    ]);
    let none = || tr_in!(l.0, "ledger-no-assignment");
    for d in &v.disagreements {
        // The sum stands in the ID view's column of the ID code's assignment.
        rows.push(vec![
            text(d.id_assignment.clone().unwrap_or_else(none)),
            Cell::Money(d.sum),
            Cell::Empty,
            text(&d.id),
            text(&d.komplement),
            text(d.komplement_assignment.clone().unwrap_or_else(none)),
            Cell::Count(d.count),
        ]);
    }
    Some(Sheet::table(tr_in!(l.0, "ledger-sheet-views"), columns, rows))
}

/// The `utanför` units: count and sum each, with a total row.
fn out_of_scope(r: &Report, l: &L) -> Option<Sheet> {
    let o = &r.out_of_scope;
    if o.units.is_empty() {
        return None;
    }
    let columns =
        vec![l.col(tr_in!(l.0, "report-col-name")), l.col(tr_in!(l.0, "ledger-col-postings")), l.col(tr_in!(l.0, "ledger-col-sum"))];
    let rows = o.units.iter().map(|u| vec![text(&u.name), Cell::Count(u.count), Cell::Money(u.sum)]).collect();
    let totals = vec![vec![text(tr_in!(l.0, "report-total")), Cell::Count(o.count), Cell::Money(o.sum)]];
    Some(Sheet { name: tr_in!(l.0, "ledger-sheet-out-of-scope"), preamble: vec![], columns, rows, totals })
}

/// The what-if beside its baseline ("Vad händer om"), after the summary when there is one: each
/// moved figure, then the compensation per board and in total.
fn what_if(r: &Report, l: &L) -> Option<Sheet> {
    let w = r.what_if.as_ref()?;
    let columns = vec![
        l.col(tr_in!(l.0, "report-col-assignment")),
        l.col(tr_in!(l.0, "whatif-col-figure")),
        l.col(tr_in!(l.0, "whatif-col-baseline")),
        l.col(tr_in!(l.0, "whatif-col-new")),
        l.col(tr_in!(l.0, "whatif-col-change")),
        l.col(tr_in!(l.0, "whatif-col-percent")),
    ];
    let row = |who: String, what: String, c: &crate::eval::whatif::Change| {
        // The change in percent, as written in the JSON, becomes a fraction.
        let fraction = |p: Decimal| p.checked_div(Decimal::ONE_HUNDRED).map(Cell::Percent);
        let percent = c.percent.as_deref().and_then(|p| p.parse::<Decimal>().ok()).and_then(fraction).unwrap_or(Cell::Empty);
        vec![text(who), text(what), Cell::Money(c.baseline), Cell::Money(c.value), Cell::Money(c.change), percent]
    };
    let label = |figure: &str| super::table::figure_label(figure, l);
    let rows = w.moved.iter().map(|m| row(m.assignment.clone(), label(&m.figure), &m.change)).collect();
    let compensation = tr_in!(l.0, "report-col-compensation");
    let mut totals: Vec<Vec<Cell>> = w
        .boards
        .iter()
        .map(|b| {
            let name = if b.name.is_empty() { b.board.clone() } else { b.name.clone() };
            row(tr_in!(l.0, "whatif-board", board = name), compensation.clone(), &b.change)
        })
        .collect();
    totals.push(row(tr_in!(l.0, "report-total"), compensation, &w.total));
    Some(Sheet { name: tr_in!(l.0, "whatif-sheet"), preamble: vec![], columns, rows, totals })
}
