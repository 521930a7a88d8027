//! The terminal report: aligned tables in Swedish number format.

use super::Labels;
use super::number::{AmountUnit, scaled_target, swedish};
use crate::eval::money;
use crate::eval::results::*;
use crate::i18n::Lang;
use crate::model::Target;
use crate::tr_in;
use rust_decimal::Decimal;
use std::fmt::Write as _;

mod followup;

/// A column alignment.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Align {
    Left,
    Right,
}

/// Lays out rows under a header; numbers right-aligned.
pub(super) fn table(out: &mut String, header: &[(String, Align)], rows: &[Vec<String>]) {
    let width = |i: usize| rows.iter().map(|r| r[i].chars().count()).chain([header[i].0.chars().count()]).max().unwrap_or(0);
    let widths: Vec<usize> = (0..header.len()).map(width).collect();
    let line = |cells: Vec<&str>| -> String {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .zip(header)
            .map(|((c, w), (_, a))| if *a == Align::Right { format!("{c:>w$}") } else { format!("{c:<w$}") })
            .collect();
        padded.join("  ").trim_end().to_string()
    };
    let _ = writeln!(out, "{}", line(header.iter().map(|h| h.0.as_str()).collect()));
    let _ = writeln!(out, "{}", widths.iter().map(|w| "─".repeat(*w)).collect::<Vec<_>>().join("  "));
    for r in rows {
        let _ = writeln!(out, "{}", line(r.iter().map(String::as_str).collect()));
    }
    out.push('\n');
}

/// The report's language, and the unit its amounts are shown in.
struct L {
    labels: Labels,
    unit: AmountUnit,
}

impl std::ops::Deref for L {
    type Target = Labels;

    fn deref(&self) -> &Labels {
        &self.labels
    }
}

impl L {
    /// An amount in the report's unit.
    fn kr(&self, d: Decimal) -> String {
        self.unit.show(d)
    }
}

/// A checked sum in kronor; a sum too large for an exact decimal says so in the cell.
fn total(l: &L, amounts: impl IntoIterator<Item = Decimal>) -> String {
    money::sum(amounts).map(|d| l.kr(d)).unwrap_or_else(|_| tr_in!(l.0, "report-too-large"))
}

fn left(title: String) -> (String, Align) {
    (title, Align::Left)
}

fn right(title: String) -> (String, Align) {
    (title, Align::Right)
}

/// Renders the whole report, amounts in kronor with öre.
pub fn render(r: &Report, lang: Lang) -> String {
    render_in(r, lang, AmountUnit::Kr)
}

/// Renders the whole report, amounts in `unit`.
pub fn render_in(r: &Report, lang: Lang, unit: AmountUnit) -> String {
    let l = L { labels: Labels(lang), unit };
    let mut out = String::new();
    heading(&mut out, r, &l);
    what_if(&mut out, r, &l);
    decisions(&mut out, r, &l);
    followup::render(&mut out, r, &l);
    assignments(&mut out, r, &l);
    per_part(&mut out, r, &l);
    level1(&mut out, r, &l);
    pooled(&mut out, r, &l);
    transfers(&mut out, r, &l);
    key_figures(&mut out, r, &l);
    change_reports(&mut out, r, &l);
    level3(&mut out, r, &l);
    views(&mut out, r, &l);
    out_of_scope(&mut out, r, &l);
    unmapped(&mut out, r, &l);
    provenance(&mut out, r, &l);
    in_unit(&out, unit)
}

/// The headings' `(kr)` as the unit the amounts are in (the catalog writes them for kronor).
fn in_unit(text: &str, unit: AmountUnit) -> String {
    if unit == AmountUnit::Kr {
        return text.to_string();
    }
    let symbol = format!("({})", unit.symbol());
    text.lines().map(|line| line.strip_suffix("(kr)").map_or_else(|| line.to_string(), |h| format!("{h}{symbol}")) + "\n").collect()
}

fn heading(out: &mut String, r: &Report, l: &L) {
    let _ = writeln!(out, "{} {}, version {}", r.title, r.year, r.version);
    let year = r.year.to_string();
    let period = match r.period {
        None => tr_in!(l.0, "report-period-full-year", year = year),
        Some(m) => tr_in!(l.0, "report-period-year-to-date", year = year, month = format!("{m:02}")),
    };
    let _ = writeln!(out, "{period}");
    for o in &r.provenance.overrides {
        let computed = r.what_if.as_ref().is_some_and(|w| w.overrides.iter().any(|s| &s.set == o && s.replaces == "computed"));
        let note = if computed { format!(" ({})", tr_in!(l.0, "whatif-replaces-computed")) } else { String::new() };
        let _ = writeln!(out, "{}: {o}{note}", tr_in!(l.0, "report-what-if"));
    }
    out.push('\n');
}

fn assignments(out: &mut String, r: &Report, l: &L) {
    let _ = writeln!(out, "{}", tr_in!(l.0, "report-heading-assignments"));
    let mut header = vec![
        left(tr_in!(l.0, "report-col-assignment")),
        right(tr_in!(l.0, "report-col-fixed")),
        right(tr_in!(l.0, "report-col-variable")),
        right(tr_in!(l.0, "report-col-changes")),
        right(tr_in!(l.0, "report-col-compensation")),
        right(tr_in!(l.0, "report-col-cost")),
        right(tr_in!(l.0, "report-col-result")),
    ];
    if r.period.is_some() {
        header.extend([
            right(tr_in!(l.0, "report-col-forecast-compensation")),
            right(tr_in!(l.0, "report-col-forecast-cost")),
            right(tr_in!(l.0, "report-col-forecast-result")),
        ]);
    }
    let mut rows: Vec<Vec<String>> = r.assignments.iter().map(|a| assignment_row(a, l)).collect();
    rows.push(total_row(r, l));
    table(out, &header, &rows);
}

fn assignment_row(a: &AssignmentResult, l: &L) -> Vec<String> {
    let c = &a.compensation;
    let mut row = vec![a.id.clone(), l.kr(c.fixed), l.kr(c.variable), l.kr(c.changes), l.kr(c.total), l.kr(a.cost), l.kr(a.result)];
    if let Some(f) = &a.forecast {
        row.extend([l.kr(f.compensation.total), l.kr(f.cost), l.kr(f.result)]);
    }
    row
}

fn total_row(r: &Report, l: &L) -> Vec<String> {
    let sum = |f: &dyn Fn(&AssignmentResult) -> Decimal| total(l, r.assignments.iter().map(f));
    let mut row = vec![
        tr_in!(l.0, "report-total"),
        sum(&|a| a.compensation.fixed),
        sum(&|a| a.compensation.variable),
        sum(&|a| a.compensation.changes),
        sum(&|a| a.compensation.total),
        sum(&|a| a.cost),
        sum(&|a| a.result),
    ];
    if r.period.is_some() {
        let f = |g: &dyn Fn(&Forecast) -> Decimal| total(l, r.assignments.iter().filter_map(|a| a.forecast.as_ref()).map(g));
        row.extend([f(&|x| x.compensation.total), f(&|x| x.cost), f(&|x| x.result)]);
    }
    row
}

fn level1(out: &mut String, r: &Report, l: &L) {
    let _ = writeln!(out, "{}", tr_in!(l.0, "report-heading-level1"));
    let header = [
        left(tr_in!(l.0, "report-col-board")),
        left(tr_in!(l.0, "report-col-care-form")),
        right(tr_in!(l.0, "report-col-compensation")),
        right(tr_in!(l.0, "report-col-cost")),
        right(tr_in!(l.0, "report-col-result")),
    ];
    let rows: Vec<Vec<String>> = r
        .level1
        .iter()
        .map(|x| vec![x.board.0.clone(), x.care_form.1.clone(), l.kr(x.compensation), l.kr(x.cost), l.kr(x.result)])
        .collect();
    table(out, &header, &rows);
}

fn transfers(out: &mut String, r: &Report, l: &L) {
    let _ = writeln!(out, "{}", tr_in!(l.0, "report-heading-transfers"));
    let header = [
        left(tr_in!(l.0, "report-col-period")),
        right(tr_in!(l.0, "report-col-fixed")),
        right(tr_in!(l.0, "report-col-variable")),
        right(tr_in!(l.0, "report-col-changes")),
        right(tr_in!(l.0, "report-total")),
    ];
    let months = r.assignments.first().map(|a| a.months.len()).unwrap_or(0);
    let rows: Vec<Vec<String>> = (0..months)
        .map(|i| {
            let lines: Vec<&Compensation> = r.assignments.iter().filter_map(|a| a.months.get(i)).map(|m| &m.amounts).collect();
            let s = |f: fn(&Compensation) -> Decimal| total(l, lines.iter().map(|c| f(c)));
            vec![format!("{}-{:02}", r.year, i + 1), s(|c| c.fixed), s(|c| c.variable), s(|c| c.changes), s(|c| c.total)]
        })
        .collect();
    table(out, &header, &rows);
}

fn key_figures(out: &mut String, r: &Report, l: &L) {
    let _ = writeln!(out, "{}", tr_in!(l.0, "report-heading-key-figures"));
    let header = [
        left(tr_in!(l.0, "report-col-assignment")),
        left(tr_in!(l.0, "report-col-key-figure")),
        left(tr_in!(l.0, "report-col-period")),
        right(tr_in!(l.0, "report-col-value")),
        left(tr_in!(l.0, "report-col-unit")),
        left(tr_in!(l.0, "report-col-target")),
        left(tr_in!(l.0, "report-col-status")),
        left(tr_in!(l.0, "report-col-note")),
    ];
    let rows: Vec<Vec<String>> = r
        .assignments
        .iter()
        .flat_map(|a| a.key_figures.iter().flat_map(move |k| std::iter::once(key_figure_row(a, k, l)).chain(series_rows(k, l))))
        .collect();
    table(out, &header, &rows);
}

/// A key figure's series, as indented rows under it: name, value, unit.
fn series_rows<'a>(k: &'a KeyFigureResult, l: &'a L) -> impl Iterator<Item = Vec<String>> + 'a {
    k.series.iter().map(move |s| {
        vec![
            String::new(),
            format!("  {}", tr_in!(l.0, "kf-report-series", name = s.name.as_str())),
            k.period.clone(),
            s.value.map(|v| swedish(k.unit.shown(v), 2)).unwrap_or_else(|| super::not_available(l.0)),
            k.unit.symbol().to_string(),
            String::new(),
            String::new(),
            String::new(),
        ]
    })
}

fn key_figure_row(a: &AssignmentResult, k: &KeyFigureResult, l: &L) -> Vec<String> {
    vec![
        a.id.clone(),
        k.id.clone(),
        k.period.clone(),
        k.value.map(|v| swedish(k.unit.shown(v), 2)).unwrap_or_else(|| super::not_available(l.0)),
        k.unit.symbol().to_string(),
        target_text(k.target, &k.unit),
        l.status(k.status),
        k.remarks(l.0),
    ]
}

/// A target as written, in the figure's display unit: `>= 95 %`.
pub fn target_text(t: Option<Target>, unit: &FigureUnit) -> String {
    let symbol = unit.symbol();
    let q = |d: Decimal| format!("{} {symbol}", swedish(d.normalize(), d.normalize().scale())).trim_end().to_string();
    match t.map(|t| scaled_target(t, unit)) {
        None => String::new(),
        Some(Target::AtLeast(x)) => format!(">= {}", q(x)),
        Some(Target::AtMost(x)) => format!("<= {}", q(x)),
        Some(Target::Between(a, b)) => format!("{} .. {}", q(a), q(b)),
    }
}

/// "Återrapportering": every mid-year change with its decision and what is to be
/// reported back by when; nothing when the year has no change.
fn change_reports(out: &mut String, r: &Report, l: &L) {
    let rows: Vec<Vec<String>> = r.assignments.iter().flat_map(|a| a.mid_year_changes.iter().map(move |c| change_row(a, c, l))).collect();
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(out, "{}", tr_in!(l.0, "validity-heading-reports"));
    let header = [
        left(tr_in!(l.0, "report-col-assignment")),
        left(tr_in!(l.0, "validity-col-change")),
        left(tr_in!(l.0, "validity-col-kind")),
        left(tr_in!(l.0, "report-col-period")),
        right(tr_in!(l.0, "validity-col-amount")),
        left(tr_in!(l.0, "validity-col-decision")),
        left(tr_in!(l.0, "validity-col-report")),
        left(tr_in!(l.0, "validity-col-due")),
    ];
    table(out, &header, &rows);
}

fn change_row(a: &AssignmentResult, c: &ChangeResult, l: &L) -> Vec<String> {
    let decision = c.decision.as_ref().map(|d| match &d.dnr {
        Some(dnr) => format!("{} {} dnr {dnr}", d.board, d.date),
        None => tr_in!(l.0, "validity-decision-no-dnr", board = d.board.as_str(), date = d.date.as_str()),
    });
    vec![
        a.id.clone(),
        c.id.clone(),
        c.kind.keyword().to_string(),
        format!("{}..{}", c.from, c.to),
        l.kr(c.amount),
        decision.unwrap_or_default(),
        c.report.as_ref().map(|x| x.text.clone()).unwrap_or_default(),
        c.report.as_ref().and_then(|x| x.due.clone()).unwrap_or_default(),
    ]
}

fn unmapped(out: &mut String, r: &Report, l: &L) {
    let u = &r.unmapped;
    let _ = writeln!(out, "{}", tr_in!(l.0, "report-unmapped", count = u.count.to_string(), n = u.count, sum = l.kr(u.sum)));
    for (code, n, sum) in &u.codes {
        let _ = writeln!(out, "  {}", tr_in!(l.0, "report-unmapped-code", code = code, count = n.to_string(), n = *n, sum = l.kr(*sum)));
    }
    out.push('\n');
}

fn provenance(out: &mut String, r: &Report, l: &L) {
    let p = &r.provenance;
    let _ = writeln!(out, "{}: {}", tr_in!(l.0, "report-produced-by"), p.engine);
    for crate::eval::results::RuleFile { file, version, sha256: sha } in &p.rules {
        let _ = writeln!(out, "{}: {file} (version {version}, sha256 {sha})", tr_in!(l.0, "report-rules"));
    }
    if let Some(crate::eval::results::InputFile { file, sha256: sha }) = &p.input {
        let _ = writeln!(out, "{}: {file} (sha256 {sha})", tr_in!(l.0, "report-input"));
    }
    if let Some(crate::eval::results::InputFile { file, sha256: sha }) = &p.previous_input {
        let _ = writeln!(out, "{}: {file} (sha256 {sha})", tr_in!(l.0, "report-previous-input"));
    }
}

/// The decisions behind the rules, one line each.
fn decisions(out: &mut String, r: &Report, l: &L) {
    if r.decisions.is_empty() {
        return;
    }
    for d in &r.decisions {
        let _ = writeln!(out, "{}: {}", tr_in!(l.0, "params-decision"), decision_text(d, l.0));
    }
    out.push('\n');
}

/// `Äldrenämnden 2022-12-14, dnr saknas (Verksamhetsuppdrag och ersättning 2023)`.
pub fn decision_text(d: &DecisionInfo, lang: Lang) -> String {
    let dnr = match &d.dnr {
        Some(n) => format!("dnr {n}"),
        None => tr_in!(lang, "params-dnr-missing"),
    };
    let about = d.about.as_ref().map(|a| format!(" ({a})")).unwrap_or_default();
    format!("{} {}, {dnr}{about}", d.board, d.date)
}

/// Compensation, cost and result per part: each assignment with parts, its parts
/// indented under it, and what belongs to no part.
fn per_part(out: &mut String, r: &Report, l: &L) {
    if r.assignments.iter().all(|a| a.parts.is_empty()) {
        return;
    }
    let _ = writeln!(out, "{}", tr_in!(l.0, "params-heading-parts"));
    let header = [
        left(tr_in!(l.0, "params-col-assignment-part")),
        right(tr_in!(l.0, "report-col-compensation")),
        right(tr_in!(l.0, "report-col-cost")),
        right(tr_in!(l.0, "report-col-result")),
    ];
    let mut rows = vec![];
    for a in r.assignments.iter().filter(|a| !a.parts.is_empty()) {
        rows.push(vec![a.id.clone(), l.kr(a.compensation.total), l.kr(a.cost), l.kr(a.result)]);
        for p in &a.parts {
            let name = p.id.clone().unwrap_or_else(|| tr_in!(l.0, "params-unsplit"));
            rows.push(vec![format!("  {name}"), l.kr(p.compensation), l.kr(p.cost), l.kr(p.result)]);
        }
    }
    table(out, &header, &rows);
}

/// The pooled result per board and in total.
fn pooled(out: &mut String, r: &Report, l: &L) {
    let p = &r.pooled;
    if p.boards.is_empty() {
        return;
    }
    let _ = writeln!(out, "{}", tr_in!(l.0, "params-heading-pooled"));
    let header = [
        left(String::new()),
        right(tr_in!(l.0, "report-col-compensation")),
        right(tr_in!(l.0, "report-col-cost")),
        right(tr_in!(l.0, "report-col-result")),
    ];
    let mut rows: Vec<Vec<String>> = p
        .boards
        .iter()
        .map(|b| vec![tr_in!(l.0, "params-pooled-board", board = &b.board.0), l.kr(b.compensation), l.kr(b.cost), l.kr(b.result)])
        .collect();
    let t = &p.total;
    rows.push(vec![tr_in!(l.0, "params-pooled-total"), l.kr(t.compensation), l.kr(t.cost), l.kr(t.result)]);
    table(out, &header, &rows);
}
/// Nivå 3, when any assignment declares activities: cost per activity and the rest.
fn level3(out: &mut String, r: &Report, l: &L) {
    if !r.assignments.iter().any(|a| a.level3.len() > 1) {
        return;
    }
    let _ = writeln!(out, "{}", tr_in!(l.0, "ledger-heading-level3"));
    let header = [
        left(tr_in!(l.0, "report-col-assignment")),
        left(tr_in!(l.0, "ledger-col-activity-id")),
        left(tr_in!(l.0, "report-col-activity")),
        right(tr_in!(l.0, "report-col-cost")),
    ];
    let rows: Vec<Vec<String>> = r
        .assignments
        .iter()
        .filter(|a| a.level3.len() > 1)
        .flat_map(|a| {
            a.level3.iter().map(move |x| vec![a.id.clone(), x.id.clone().unwrap_or_default(), x.name.describe(l.0), l.kr(x.cost)])
        })
        .collect();
    table(out, &header, &rows);
}

/// The two views (ID and komplement), when the rules declare komplement codes, and
/// the pairs on which they disagree.
fn views(out: &mut String, r: &Report, l: &L) {
    let Some(v) = &r.views else { return };
    let _ = writeln!(out, "{}", tr_in!(l.0, "ledger-heading-views"));
    let header = [
        left(tr_in!(l.0, "report-col-assignment")),
        right(tr_in!(l.0, "ledger-col-id-view")),
        right(tr_in!(l.0, "ledger-col-komplement-view")),
        right(tr_in!(l.0, "ledger-col-difference")),
    ];
    let diff = |a: Decimal, b: Decimal| money::sub(b, a).map(|d| l.kr(d)).unwrap_or_else(|_| tr_in!(l.0, "report-too-large"));
    let mut rows: Vec<Vec<String>> =
        v.id.assignments
            .iter()
            .zip(&v.komplement.assignments)
            .map(|(i, k)| vec![i.id.clone(), l.kr(i.sum), l.kr(k.sum), diff(i.sum, k.sum)])
            .collect();
    let (iu, ku) = (v.id.unmapped.sum, v.komplement.unmapped.sum);
    rows.push(vec![tr_in!(l.0, "ledger-row-unmapped"), l.kr(iu), l.kr(ku), diff(iu, ku)]);
    if v.id.out_of_scope.count != 0 || !r.out_of_scope.units.is_empty() {
        let (io, ko) = (v.id.out_of_scope.sum, v.komplement.out_of_scope.sum);
        rows.push(vec![tr_in!(l.0, "ledger-row-out-of-scope"), l.kr(io), l.kr(ko), diff(io, ko)]);
    }
    table(out, &header, &rows);
    if v.disagreements.is_empty() {
        return;
    }
    let _ = writeln!(out, "{}", tr_in!(l.0, "ledger-heading-disagreements", n = v.disagreements.len()));
    let none = || tr_in!(l.0, "ledger-no-assignment");
    let header = [
        left(tr_in!(l.0, "ledger-col-id")),
        left(tr_in!(l.0, "ledger-col-komplement")),
        left(tr_in!(l.0, "ledger-col-id-assignment")),
        left(tr_in!(l.0, "ledger-col-komplement-assignment")),
        right(tr_in!(l.0, "ledger-col-postings")),
        right(tr_in!(l.0, "ledger-col-sum")),
    ];
    let rows: Vec<Vec<String>> = v
        .disagreements
        .iter()
        .map(|d| {
            vec![
                d.id.clone(),
                d.komplement.clone(),
                d.id_assignment.clone().unwrap_or_else(none),
                d.komplement_assignment.clone().unwrap_or_else(none),
                d.count.to_string(),
                l.kr(d.sum),
            ]
        })
        .collect();
    table(out, &header, &rows);
}

/// The `utanför` units, when the rules declare any: count and sum each.
fn out_of_scope(out: &mut String, r: &Report, l: &L) {
    let o = &r.out_of_scope;
    if o.units.is_empty() {
        return;
    }
    let _ = writeln!(out, "{}", tr_in!(l.0, "ledger-out-of-scope", count = o.count.to_string(), n = o.count, sum = l.kr(o.sum)));
    for u in &o.units {
        let _ = writeln!(
            out,
            "  {}",
            tr_in!(l.0, "ledger-out-of-scope-unit", name = u.name.as_str(), count = u.count.to_string(), n = u.count, sum = l.kr(u.sum))
        );
    }
    out.push('\n');
}

/// A what-if beside its baseline: every moved figure, then per board and in total.
fn what_if(out: &mut String, r: &Report, l: &L) {
    let Some(w) = &r.what_if else { return };
    let _ = writeln!(out, "{}", tr_in!(l.0, "whatif-heading"));
    let header = [
        left(tr_in!(l.0, "report-col-assignment")),
        left(tr_in!(l.0, "whatif-col-figure")),
        right(tr_in!(l.0, "whatif-col-baseline")),
        right(tr_in!(l.0, "whatif-col-new")),
        right(tr_in!(l.0, "whatif-col-change")),
        right(tr_in!(l.0, "whatif-col-percent")),
    ];
    let row = |who: String, what: String, c: &crate::eval::whatif::Change| {
        let percent = c.percent.as_deref().and_then(|p| p.parse::<Decimal>().ok()).map(|p| format!("{} %", swedish(p, 2)));
        vec![who, what, l.kr(c.baseline), l.kr(c.value), l.kr(c.change), percent.unwrap_or_else(|| "–".into())]
    };
    let mut rows: Vec<Vec<String>> = w.moved.iter().map(|m| row(m.assignment.clone(), figure_label(&m.figure, l), &m.change)).collect();
    if rows.is_empty() {
        let _ = writeln!(out, "{}\n", tr_in!(l.0, "whatif-nothing-moved"));
        return;
    }
    let compensation = tr_in!(l.0, "report-col-compensation");
    for b in &w.boards {
        let name = if b.name.is_empty() { b.board.clone() } else { b.name.clone() };
        rows.push(row(tr_in!(l.0, "whatif-board", board = name), compensation.clone(), &b.change));
    }
    rows.push(row(tr_in!(l.0, "report-total"), compensation, &w.total));
    table(out, &header, &rows);
}

/// The column name of a figure a what-if moves (also the XLSX sheet's).
pub(super) fn figure_label(figure: &str, l: &Labels) -> String {
    match figure {
        "compensation.fixed" => tr_in!(l.0, "report-col-fixed"),
        "compensation.variable" => tr_in!(l.0, "report-col-variable"),
        "compensation.changes" => tr_in!(l.0, "report-col-changes"),
        "compensation.total" => tr_in!(l.0, "report-col-compensation"),
        "result" => tr_in!(l.0, "report-col-result"),
        other => other.to_string(),
    }
}
