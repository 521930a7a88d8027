//! The XLSX report: one sheet per view of a [`Report`].
//!
//! Sheets, in order (Swedish name / English name with `--lang en`):
//! `Överföringar` / `Transfers` (assignment × month, with a grand total),
//! `Ersättning och resultat` / `Compensation and result` (with forecast columns in
//! year-to-date mode), `Verksamheter` / `Activities` (cost per nivå-3 activity),
//! `Nyckeltal` / `Key figures`, `Nivå 1` / `Level 1`, `Per del` / `Per part`
//! (compensation, cost and result per part), `Samlat resultat` / `Pooled result` (per
//! board, with a total row), `Beslut` / `Decisions`, `Ej mappade` / `Unmapped`
//! (with a total row) and `Proveniens` / `Provenance` (one key and value a row).
//! The ledger views add `Nivå 3` / `Level 3` after `Verksamheter`, and, when the
//! rules declare them, `Två vyer` / `Two views` and `Utanför` / `Out of scope`
//! before `Ej mappade`.
//!
//! Money and key figure values are number cells; a missing key figure value is the
//! text `i.u.`. Every sheet has a bold, frozen header row with an autofilter over the
//! data rows; total rows are bold and written below the filtered range. Totals are
//! numbers, not formulas, so that readers that do not calculate see them too.
//!
//! The output is deterministic: the document's creation time is 1 January of the
//! report's year, so the same report gives the same bytes.

use super::table::target_text;
use crate::eval::money;
use crate::eval::results::*;
use crate::i18n::Lang;
use crate::model::Interval;
use crate::tr_in;
use rust_decimal::Decimal;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

/// Renders the report as an XLSX workbook, byte-identical for identical reports.
pub fn render(report: &Report, lang: Lang) -> Result<Vec<u8>, String> {
    let l = L(lang);
    let mut workbook = Workbook::new();
    workbook.set_properties(&properties(report)?);
    let formats = Formats::new();
    let mut sheets = vec![
        transfers(report, &l)?,
        compensation(report, &l),
        activities(report, &l),
        level3(report, &l),
        key_figures(report, &l),
        change_reports(report, &l),
        level1(report, &l),
        per_part(report, &l),
        pooled(report, &l),
        decisions(report, &l),
    ];
    if let Some(sheet) = what_if(report, &l) {
        sheets.insert(0, sheet);
    }
    sheets.extend(views(report, &l));
    sheets.extend(out_of_scope(report, &l));
    sheets.extend([unmapped(report, &l), provenance(report, &l)]);
    for sheet in &sheets {
        write_sheet(workbook.add_worksheet(), sheet, &formats)?;
    }
    workbook.save_to_buffer().map_err(fail)
}

/// Fixed document properties: the creation time is 1 January of the report's year.
fn properties(report: &Report) -> Result<DocProperties, String> {
    let year = u16::try_from(report.year).map_err(|_| crate::tr!("report-year-unwritable", year = report.year.to_string()))?;
    let created = ExcelDateTime::from_ymd(year, 1, 1).map_err(fail)?;
    Ok(DocProperties::new().set_title(report.title.as_str()).set_creation_datetime(&created))
}

fn fail(e: XlsxError) -> String {
    crate::tr!("report-workbook-failed", reason = e.to_string())
}

use super::Labels as L;

impl L {
    /// A column with its header in the report's language.
    fn col(&self, title: String, width: f64) -> Column {
        Column { title, width }
    }
}

/// A column: header and width in characters.
struct Column {
    title: String,
    width: f64,
}

/// One cell's content; the kind decides the number format.
enum Cell {
    Text(String),
    Money(Decimal),
    Figure(Decimal),
    Count(u64),
    Empty,
}

/// A view laid out as a sheet: data rows under the header, total rows below them.
struct Sheet {
    name: String,
    columns: Vec<Column>,
    rows: Vec<Vec<Cell>>,
    totals: Vec<Vec<Cell>>,
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

/// Bold for headers and totals; number formats, plain and bold (for total rows).
struct Formats {
    bold: Format,
    money: [Format; 2],
    figure: Format,
    count: [Format; 2],
}

impl Formats {
    fn new() -> Self {
        let money = Format::new().set_num_format("#,##0.00 \"kr\"");
        let count = Format::new().set_num_format("0");
        Formats {
            bold: Format::new().set_bold(),
            money: [money.clone(), money.set_bold()],
            figure: Format::new().set_num_format("#,##0.00"),
            count: [count.clone(), count.set_bold()],
        }
    }
}

fn write_sheet(ws: &mut Worksheet, sheet: &Sheet, f: &Formats) -> Result<(), String> {
    ws.set_name(&sheet.name).map_err(fail)?;
    write_header(ws, &sheet.columns, f)?;
    let data = sheet.rows.iter().map(|r| (r, false));
    let totals = sheet.totals.iter().map(|r| (r, true));
    for (r, (cells, bold)) in (1u32..).zip(data.chain(totals)) {
        write_row(ws, r, cells, bold, f)?;
    }
    let too_large = |_| crate::tr!("report-sheet-too-large", sheet = &sheet.name);
    let last_row = u32::try_from(sheet.rows.len()).map_err(too_large)?;
    let last_col = u16::try_from(sheet.columns.len().saturating_sub(1)).map_err(too_large)?;
    ws.set_freeze_panes(1, 0).map_err(fail)?;
    ws.autofilter(0, 0, last_row, last_col).map_err(fail)?;
    Ok(())
}

/// The bold header row and the column widths.
fn write_header(ws: &mut Worksheet, columns: &[Column], f: &Formats) -> Result<(), String> {
    for (c, column) in (0u16..).zip(columns) {
        ws.write_string_with_format(0, c, &column.title, &f.bold).map_err(fail)?;
        ws.set_column_width(c, column.width).map_err(fail)?;
    }
    Ok(())
}

fn write_row(ws: &mut Worksheet, r: u32, cells: &[Cell], bold: bool, f: &Formats) -> Result<(), String> {
    let b = usize::from(bold);
    for (c, cell) in (0u16..).zip(cells) {
        match cell {
            Cell::Text(s) if bold => ws.write_string_with_format(r, c, s, &f.bold),
            Cell::Text(s) => ws.write_string(r, c, s),
            Cell::Money(d) => ws.write_number_with_format(r, c, number(*d)?, &f.money[b]),
            Cell::Figure(d) => ws.write_number_with_format(r, c, number(*d)?, &f.figure),
            Cell::Count(n) => ws.write_number_with_format(r, c, number(Decimal::from(*n))?, &f.count[b]),
            Cell::Empty => continue,
        }
        .map_err(fail)?;
    }
    Ok(())
}

/// The decimal as a float via its exact text, sign included.
fn number(d: Decimal) -> Result<f64, String> {
    d.to_string().parse::<f64>().map_err(|e| crate::tr!("report-not-a-number", value = d, reason = e.to_string()))
}

fn money_cells(c: &Compensation) -> [Cell; 4] {
    [Cell::Money(c.fixed), Cell::Money(c.variable), Cell::Money(c.changes), Cell::Money(c.total)]
}

/// Fixed, variable, changes and their sum, headed `total`.
fn compensation_columns(l: &L, total: Column) -> [Column; 4] {
    [
        l.col(tr_in!(l.0, "report-col-fixed"), 16.0),
        l.col(tr_in!(l.0, "report-col-variable"), 16.0),
        l.col(tr_in!(l.0, "report-col-changes"), 16.0),
        total,
    ]
}

fn transfers(r: &Report, l: &L) -> Result<Sheet, String> {
    let mut columns = vec![
        l.col(tr_in!(l.0, "report-col-assignment"), 20.0),
        l.col(tr_in!(l.0, "report-col-name"), 36.0),
        l.col(tr_in!(l.0, "report-col-period"), 10.0),
    ];
    columns.extend(compensation_columns(l, l.col(tr_in!(l.0, "report-total"), 16.0)));
    let lines: Vec<(&AssignmentResult, &MonthLine)> = r.assignments.iter().flat_map(|a| a.months.iter().map(move |m| (a, m))).collect();
    let rows = lines.iter().map(|(a, m)| transfer_row(r, a, m)).collect();
    let total = grand_total(lines.iter().map(|(_, m)| &m.amounts), l)?;
    let totals = vec![[text(tr_in!(l.0, "report-total")), Cell::Empty, Cell::Empty].into_iter().chain(money_cells(&total)).collect()];
    Ok(Sheet { name: tr_in!(l.0, "report-sheet-transfers"), columns, rows, totals })
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

fn compensation(r: &Report, l: &L) -> Sheet {
    let columns = compensation_header(l, r.period.is_some());
    let rows = r.assignments.iter().map(|a| assignment_row(a, r.period.is_some())).collect();
    Sheet { name: tr_in!(l.0, "report-sheet-compensation"), columns, rows, totals: vec![] }
}

/// Board, care form, assignment, compensation, cost, result and, for a year to date,
/// the forecast.
fn compensation_header(l: &L, ytd: bool) -> Vec<Column> {
    let mut columns = vec![
        l.col(tr_in!(l.0, "report-col-board"), 28.0),
        l.col(tr_in!(l.0, "report-col-care-form"), 20.0),
        l.col(tr_in!(l.0, "report-col-assignment"), 20.0),
        l.col(tr_in!(l.0, "report-col-name"), 36.0),
    ];
    columns.extend(compensation_columns(l, l.col(tr_in!(l.0, "report-col-compensation"), 16.0)));
    columns.extend([l.col(tr_in!(l.0, "report-col-cost"), 16.0), l.col(tr_in!(l.0, "report-col-result"), 16.0)]);
    if ytd {
        columns.extend([
            l.col(tr_in!(l.0, "report-col-forecast-compensation"), 20.0),
            l.col(tr_in!(l.0, "report-col-forecast-cost"), 20.0),
            l.col(tr_in!(l.0, "report-col-forecast-result"), 20.0),
        ]);
    }
    columns
}

fn assignment_row(a: &AssignmentResult, ytd: bool) -> Vec<Cell> {
    let mut row: Vec<Cell> = vec![text(&a.board.1), text(&a.care_form.1), text(&a.id), text(&a.name)];
    row.extend(money_cells(&a.compensation));
    row.extend([Cell::Money(a.cost), Cell::Money(a.result)]);
    match (&a.forecast, ytd) {
        (Some(f), true) => row.extend([Cell::Money(f.compensation.total), Cell::Money(f.cost), Cell::Money(f.result)]),
        (None, true) => row.extend([Cell::Empty, Cell::Empty, Cell::Empty]),
        (_, false) => {}
    }
    row
}

fn activities(r: &Report, l: &L) -> Sheet {
    let columns = vec![
        l.col(tr_in!(l.0, "report-col-assignment"), 20.0),
        l.col(tr_in!(l.0, "report-col-activity"), 36.0),
        l.col(tr_in!(l.0, "report-col-cost"), 16.0),
    ];
    let rows = r
        .assignments
        .iter()
        .flat_map(|a| a.activities.iter().map(|x| vec![text(&a.id), text(x.activity.describe(l.0)), Cell::Money(x.cost)]))
        .collect();
    Sheet { name: tr_in!(l.0, "report-sheet-activities"), columns, rows, totals: vec![] }
}

fn key_figures(r: &Report, l: &L) -> Sheet {
    let columns = vec![
        l.col(tr_in!(l.0, "report-col-assignment"), 20.0),
        l.col(tr_in!(l.0, "report-col-id"), 24.0),
        l.col(tr_in!(l.0, "report-col-name"), 36.0),
        l.col(tr_in!(l.0, "report-col-interval"), 12.0),
        l.col(tr_in!(l.0, "report-col-period"), 18.0),
        l.col(tr_in!(l.0, "report-col-value"), 14.0),
        l.col(tr_in!(l.0, "report-col-unit"), 10.0),
        l.col(tr_in!(l.0, "report-col-target"), 16.0),
        l.col(tr_in!(l.0, "report-col-status"), 12.0),
        l.col(tr_in!(l.0, "report-col-note"), 40.0),
    ];
    let rows = r
        .assignments
        .iter()
        .flat_map(|a| a.key_figures.iter().flat_map(move |k| std::iter::once(key_figure_row(a, k, l)).chain(series_rows(a, k, l))))
        .collect();
    Sheet { name: tr_in!(l.0, "report-sheet-key-figures"), columns, rows, totals: vec![] }
}

/// A key figure's series, as indented rows under it: `id.serie`, name, value, unit.
fn series_rows<'a>(a: &'a AssignmentResult, k: &'a KeyFigureResult, l: &'a L) -> impl Iterator<Item = Vec<Cell>> + 'a {
    k.series.iter().map(move |s| {
        let value = s.value.map_or_else(|| text(super::not_available(l.0)), |v| Cell::Figure(k.unit.shown(v)));
        vec![
            text(&a.id),
            text(format!("{}.{}", k.id, s.id)),
            text(format!("  {}", tr_in!(l.0, "kf-report-series", name = s.name.as_str()))),
            text(interval(k.interval, l)),
            text(&k.period),
            value,
            text(k.unit.symbol()),
            text(""),
            text(""),
            text(""),
        ]
    })
}

fn key_figure_row(a: &AssignmentResult, k: &KeyFigureResult, l: &L) -> Vec<Cell> {
    let value = k.value.map_or_else(|| text(super::not_available(l.0)), |v| Cell::Figure(k.unit.shown(v)));
    let note = k.remarks(l.0);
    vec![
        text(&a.id),
        text(&k.id),
        text(&k.name),
        text(interval(k.interval, l)),
        text(&k.period),
        value,
        text(k.unit.symbol()),
        text(target_text(k.target, &k.unit)),
        text(l.status(k.status)),
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
fn change_reports(r: &Report, l: &L) -> Sheet {
    let columns = vec![
        l.col(tr_in!(l.0, "report-col-assignment"), 20.0),
        l.col(tr_in!(l.0, "validity-col-change"), 24.0),
        l.col(tr_in!(l.0, "report-col-name"), 36.0),
        l.col(tr_in!(l.0, "validity-col-kind"), 16.0),
        l.col(tr_in!(l.0, "report-col-period"), 18.0),
        l.col(tr_in!(l.0, "validity-col-amount"), 16.0),
        l.col(tr_in!(l.0, "validity-col-decision"), 30.0),
        l.col(tr_in!(l.0, "validity-col-report"), 50.0),
        l.col(tr_in!(l.0, "validity-col-due"), 12.0),
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
                    text(&a.id),
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
    Sheet { name: tr_in!(l.0, "validity-sheet-reports"), columns, rows, totals: vec![] }
}

fn level1(r: &Report, l: &L) -> Sheet {
    let columns = vec![
        l.col(tr_in!(l.0, "report-col-board"), 28.0),
        l.col(tr_in!(l.0, "report-col-care-form"), 20.0),
        l.col(tr_in!(l.0, "report-col-compensation"), 16.0),
        l.col(tr_in!(l.0, "report-col-cost"), 16.0),
        l.col(tr_in!(l.0, "report-col-result"), 16.0),
    ];
    let rows = r
        .level1
        .iter()
        .map(|x| vec![text(&x.board.1), text(&x.care_form.1), Cell::Money(x.compensation), Cell::Money(x.cost), Cell::Money(x.result)])
        .collect();
    Sheet { name: tr_in!(l.0, "report-sheet-level1"), columns, rows, totals: vec![] }
}

/// `Per del`: each assignment with parts, then its parts and what belongs to no part.
fn per_part(r: &Report, l: &L) -> Sheet {
    let columns = vec![
        l.col(tr_in!(l.0, "report-col-assignment"), 24.0),
        l.col(tr_in!(l.0, "params-col-part"), 28.0),
        l.col(tr_in!(l.0, "report-col-compensation"), 16.0),
        l.col(tr_in!(l.0, "report-col-cost"), 16.0),
        l.col(tr_in!(l.0, "report-col-result"), 16.0),
    ];
    let mut rows = vec![];
    for a in r.assignments.iter().filter(|a| !a.parts.is_empty()) {
        for p in &a.parts {
            let name = match &p.id {
                Some(_) => p.name.clone(),
                None => tr_in!(l.0, "params-unsplit"),
            };
            rows.push(vec![text(&a.id), text(name), Cell::Money(p.compensation), Cell::Money(p.cost), Cell::Money(p.result)]);
        }
    }
    Sheet { name: tr_in!(l.0, "params-sheet-parts"), columns, rows, totals: vec![] }
}

/// `Samlat resultat`: per board, with the total below.
fn pooled(r: &Report, l: &L) -> Sheet {
    let columns = vec![
        l.col(tr_in!(l.0, "report-col-board"), 28.0),
        l.col(tr_in!(l.0, "report-col-compensation"), 16.0),
        l.col(tr_in!(l.0, "report-col-cost"), 16.0),
        l.col(tr_in!(l.0, "report-col-result"), 16.0),
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
    Sheet { name: tr_in!(l.0, "params-sheet-pooled"), columns, rows, totals }
}

/// `Beslut`: board, date, dnr (or that it is missing), what the decision is about.
fn decisions(r: &Report, l: &L) -> Sheet {
    let columns = vec![
        l.col(tr_in!(l.0, "report-col-board"), 28.0),
        l.col(tr_in!(l.0, "params-col-date"), 12.0),
        l.col("dnr".to_string(), 16.0),
        l.col(tr_in!(l.0, "params-col-about"), 48.0),
    ];
    let rows = r
        .decisions
        .iter()
        .map(|d| {
            let dnr = d.dnr.clone().unwrap_or_else(|| tr_in!(l.0, "params-dnr-missing"));
            vec![text(&d.board), text(&d.date), text(dnr), text(d.about.clone().unwrap_or_default())]
        })
        .collect();
    Sheet { name: tr_in!(l.0, "params-sheet-decisions"), columns, rows, totals: vec![] }
}

fn unmapped(r: &Report, l: &L) -> Sheet {
    let u = &r.unmapped;
    let columns = vec![
        l.col(tr_in!(l.0, "report-col-code"), 20.0),
        l.col(tr_in!(l.0, "report-col-count"), 10.0),
        l.col(tr_in!(l.0, "report-col-sum"), 16.0),
    ];
    let rows = u.codes.iter().map(|(code, n, sum)| vec![text(code), Cell::Count(*n), Cell::Money(*sum)]).collect();
    let totals = vec![vec![text(tr_in!(l.0, "report-total")), Cell::Count(u.count), Cell::Money(u.sum)]];
    Sheet { name: tr_in!(l.0, "report-sheet-unmapped"), columns, rows, totals }
}

fn provenance(r: &Report, l: &L) -> Sheet {
    let columns = vec![l.col(tr_in!(l.0, "report-col-key"), 16.0), l.col(tr_in!(l.0, "report-col-value"), 72.0)];
    let rows = provenance_pairs(r, l).into_iter().map(|(k, v)| vec![text(k), text(v)]).collect();
    Sheet { name: tr_in!(l.0, "report-sheet-provenance"), columns, rows, totals: vec![] }
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
fn level3(r: &Report, l: &L) -> Sheet {
    let columns = vec![
        l.col(tr_in!(l.0, "report-col-assignment"), 20.0),
        l.col(tr_in!(l.0, "ledger-col-activity-id"), 16.0),
        l.col(tr_in!(l.0, "report-col-activity"), 36.0),
        l.col(tr_in!(l.0, "report-col-cost"), 16.0),
    ];
    let rows = r
        .assignments
        .iter()
        .flat_map(|a| {
            a.level3
                .iter()
                .map(|x| vec![text(&a.id), text(x.id.clone().unwrap_or_default()), text(x.name.describe(l.0)), Cell::Money(x.cost)])
        })
        .collect();
    Sheet { name: tr_in!(l.0, "ledger-sheet-level3"), columns, rows, totals: vec![] }
}

/// The two views per assignment, then the pairs on which they disagree.
fn views(r: &Report, l: &L) -> Option<Sheet> {
    let v = r.views.as_ref()?;
    let columns = vec![
        l.col(tr_in!(l.0, "report-col-assignment"), 24.0),
        l.col(tr_in!(l.0, "ledger-col-id-view"), 16.0),
        l.col(tr_in!(l.0, "ledger-col-komplement-view"), 16.0),
        l.col(tr_in!(l.0, "ledger-col-id"), 12.0),
        l.col(tr_in!(l.0, "ledger-col-komplement"), 12.0),
        l.col(tr_in!(l.0, "ledger-col-komplement-assignment"), 24.0),
        l.col(tr_in!(l.0, "ledger-col-postings"), 10.0),
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
    Some(Sheet { name: tr_in!(l.0, "ledger-sheet-views"), columns, rows, totals: vec![] })
}

/// The `utanför` units: count and sum each, with a total row.
fn out_of_scope(r: &Report, l: &L) -> Option<Sheet> {
    let o = &r.out_of_scope;
    if o.units.is_empty() {
        return None;
    }
    let columns = vec![
        l.col(tr_in!(l.0, "report-col-name"), 36.0),
        l.col(tr_in!(l.0, "ledger-col-postings"), 10.0),
        l.col(tr_in!(l.0, "ledger-col-sum"), 16.0),
    ];
    let rows = o.units.iter().map(|u| vec![text(&u.name), Cell::Count(u.count), Cell::Money(u.sum)]).collect();
    let totals = vec![vec![text(tr_in!(l.0, "report-total")), Cell::Count(o.count), Cell::Money(o.sum)]];
    Some(Sheet { name: tr_in!(l.0, "ledger-sheet-out-of-scope"), columns, rows, totals })
}

/// The what-if beside its baseline ("Vad händer om"), first when there is one: each
/// moved figure, then the compensation per board and in total.
fn what_if(r: &Report, l: &L) -> Option<Sheet> {
    let w = r.what_if.as_ref()?;
    let columns = vec![
        l.col(tr_in!(l.0, "report-col-assignment"), 24.0),
        l.col(tr_in!(l.0, "whatif-col-figure"), 14.0),
        l.col(tr_in!(l.0, "whatif-col-baseline"), 18.0),
        l.col(tr_in!(l.0, "whatif-col-new"), 18.0),
        l.col(tr_in!(l.0, "whatif-col-change"), 16.0),
        l.col(tr_in!(l.0, "whatif-col-percent"), 14.0),
    ];
    let row = |who: String, what: String, c: &crate::eval::whatif::Change| {
        let percent = c.percent.as_deref().and_then(|p| p.parse::<Decimal>().ok()).map_or(Cell::Empty, Cell::Figure);
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
    Some(Sheet { name: tr_in!(l.0, "whatif-sheet"), columns, rows, totals })
}
