//! The nämndrapport as one self-contained HTML file: inline CSS and inline SVG, no
//! script, no font, image or anything else fetched, so it opens from a file share and
//! prints on A4 (one nämnd per page run). Laid out with maud: the templates are Rust,
//! checked when compiled, and every value is escaped.

use super::charts;
use super::{Amount, BoardDoc, BoardSection, ChartDoc, ChartKind, Columns, KeyFigureRow, Summary, Totals};
use crate::i18n::Lang;
use crate::tr_in;
use crate::vocab::Figure;
use maud::{DOCTYPE, Markup, PreEscaped, html};

const CSS: &str = include_str!("board.css");

/// The document as HTML.
pub fn render(doc: &BoardDoc) -> String {
    let l = doc.lang;
    let title = format!("{} – {}", doc.title, doc.period.words);
    html! {
        (DOCTYPE)
        html lang=(l.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(CSS)) }
            }
            body { (content(doc)) }
        }
    }
    .into_string()
}

/// The report's stylesheet, for a page that shows [`render_content`].
pub fn css() -> &'static str {
    CSS
}

/// What the report's `<body>` holds, for a page that shows it inside its own (the workbench).
pub fn render_content(doc: &BoardDoc) -> String {
    content(doc).into_string()
}

fn content(doc: &BoardDoc) -> Markup {
    html! {
        (head(doc))
        @for s in &doc.sections { (section(doc, s)) }
        (postings(doc))
        (footer(doc))
    }
}

fn head(doc: &BoardDoc) -> Markup {
    let l = doc.lang;
    html! {
        header.doc-head {
            h1 { (doc.title) " " (doc.period.words) }
            p.sub { (doc.rules_title) }
            p.meta { (tr_in!(l, "rapport-unit-note", unit = doc.unit.symbol())) }
            @if let Some(m) = &doc.forecast_method { p.meta { (tr_in!(l, "rapport-forecast-method", method = m.as_str())) } }
            @if let Some(t) = &doc.total {
                div.cards.total {
                    (card(tr_in!(l, "rapport-total-compensation"), &t.compensation))
                    (card(tr_in!(l, "rapport-total-cost"), &t.cost))
                    (card(tr_in!(l, "rapport-total-result"), &t.result))
                }
            }
        }
    }
}

/// A money cell: right-aligned, negative marked.
fn money(a: &Amount) -> Markup {
    html! { td.num.neg[a.value.is_sign_negative() && !a.value.is_zero()] { (a.text) } }
}

/// A money cell of one assignment's figure: with [`BoardDoc::explain`], it names the
/// `explain` target (`hemtjänst.rörlig`) in `data-explain`.
fn figure(doc: &BoardDoc, a: &Amount, assignment: &str, figure: Figure) -> Markup {
    let target = doc.explain.then(|| format!("{assignment}.{}", figure.name()));
    html! { td.num.neg[a.value.is_sign_negative() && !a.value.is_zero()] data-explain=[target] { (a.text) } }
}

/// A money cell that may be empty: "–".
fn opt_money(a: Option<&Amount>) -> Markup {
    match a {
        Some(a) => money(a),
        None => html! { td.num { "–" } },
    }
}

fn section(doc: &BoardDoc, s: &BoardSection) -> Markup {
    let l = doc.lang;
    html! {
        section.board id={ "nämnd-" (s.board_id) } {
            h2 { (s.board_name) " (" (s.board_id) ")" }
            h3 { (tr_in!(l, "rapport-h-summary")) }
            (cards(l, &s.summary))
            @if s.summary.previous.is_some() || s.summary.forecast.is_some() || s.summary.budget_period.is_some() || s.summary.budget_year.is_some() {
                (summary_table(doc, &s.summary))
            }
            h3 { (tr_in!(l, "rapport-h-assignments")) }
            (assignments(doc, s))
            (compensation_kinds(doc, s))
            @if !s.level1.is_empty() { h3 { (tr_in!(l, "rapport-h-level1")) } (level1(l, s)) }
            @if !s.key_figures.is_empty() { h3 { (tr_in!(l, "rapport-h-key-figures")) } (key_figures(l, &s.key_figures)) }
            @if !s.charts.is_empty() { h3 { (tr_in!(l, "rapport-h-charts")) } (chart_grid(&s.charts)) }
            h3 { (tr_in!(l, "rapport-h-transfers")) }
            (transfers(l, s))
            @if !s.reports_due.is_empty() { h3 { (tr_in!(l, "rapport-h-reports-due")) } (reports_due(l, s)) }
            @if !s.forecast_comments.is_empty() {
                h3 { (tr_in!(l, "rapport-h-comments")) }
                @for c in &s.forecast_comments { p.comment { strong { (c.assignment) ": " } (c.comment) } }
            }
        }
    }
}

fn card(label: String, a: &Amount) -> Markup {
    html! { div.card { div.label { (label) } div.value.neg[a.value.is_sign_negative() && !a.value.is_zero()] { (a.text) } } }
}

fn cards(l: Lang, s: &Summary) -> Markup {
    html! {
        div.cards {
            (card(tr_in!(l, "rapport-col-compensation"), &s.compensation))
            (card(tr_in!(l, "rapport-col-cost"), &s.cost))
            (card(tr_in!(l, "rapport-col-result"), &s.result))
            (card(tr_in!(l, "rapport-col-pooled"), &s.pooled_result))
        }
    }
}

/// Outcome beside last year, budget and forecast: the columns there are figures for.
fn summary_table(doc: &BoardDoc, s: &Summary) -> Markup {
    let l = doc.lang;
    let budget = s.budget_period.is_some() || s.deviation_period.is_some();
    let year = s.budget_year.is_some() || s.deviation_year.is_some();
    let row = |label: String, outcome: &Amount, pick: fn(&Totals) -> &Amount, first: bool| {
        html! {
            tr {
                td { (label) }
                (money(outcome))
                @if let Some(p) = &s.previous { (money(pick(p))) }
                @if budget { @if first { (opt_money(s.budget_period.as_ref())) (opt_money(s.deviation_period.as_ref())) } @else { td.num { "–" } td.num { "–" } } }
                @if let Some(f) = &s.forecast { (money(pick(f))) }
                @if year { @if first { (opt_money(s.budget_year.as_ref())) (opt_money(s.deviation_year.as_ref())) } @else { td.num { "–" } td.num { "–" } } }
            }
        }
    };
    html! {
        table.summary {
            thead { tr {
                th {}
                th.num { (tr_in!(l, "rapport-col-outcome-period", period = doc.period.words.as_str())) }
                @if s.previous.is_some() { th.num { (tr_in!(l, "rapport-col-previous")) } }
                @if budget { th.num { (tr_in!(l, "rapport-col-budget-period")) } th.num { (tr_in!(l, "rapport-col-deviation")) } }
                @if s.forecast.is_some() { th.num { (tr_in!(l, "rapport-col-forecast")) } }
                @if year { th.num { (tr_in!(l, "rapport-col-budget-year")) } th.num { (tr_in!(l, "rapport-col-deviation-year")) } }
            } }
            tbody {
                (row(tr_in!(l, "rapport-col-compensation"), &s.compensation, |t| &t.compensation, true))
                (row(tr_in!(l, "rapport-col-cost"), &s.cost, |t| &t.cost, false))
                (row(tr_in!(l, "rapport-col-result"), &s.result, |t| &t.result, false))
            }
        }
    }
}

fn assignments(doc: &BoardDoc, s: &BoardSection) -> Markup {
    let l = doc.lang;
    let c = Columns::of(&s.assignments);
    html! {
        table.assignments {
            thead { tr {
                th { (tr_in!(l, "rapport-col-assignment")) }
                th.num { (tr_in!(l, "rapport-col-compensation")) }
                th.num { (tr_in!(l, "rapport-col-cost")) }
                th.num { (tr_in!(l, "rapport-col-result")) }
                @if c.budget { th.num { (tr_in!(l, "rapport-col-budget-period")) } th.num { (tr_in!(l, "rapport-col-deviation")) } th.num { "%" } }
                @if c.forecast { th.num { (tr_in!(l, "rapport-col-forecast-result")) } }
                @if c.previous { th.num { (tr_in!(l, "rapport-col-previous-result")) } }
            } }
            tbody {
                @for a in &s.assignments {
                    tr.assignment {
                        td { (a.name) }
                        (figure(doc, &a.outcome.compensation, &a.id, Figure::Compensation))
                        (figure(doc, &a.outcome.cost, &a.id, Figure::Cost))
                        (figure(doc, &a.outcome.result, &a.id, Figure::Result))
                        @if c.budget {
                            (opt_money(a.budget_period.as_ref())) (opt_money(a.deviation_period.as_ref()))
                            td.num { (a.deviation_period_percent.as_deref().unwrap_or("–")) }
                        }
                        @if c.forecast { (opt_money(a.forecast.as_ref().map(|f| &f.result))) }
                        @if c.previous { (opt_money(a.previous.as_ref().map(|p| &p.result))) }
                    }
                    @for p in &a.parts {
                        tr.part {
                            td { (p.name) }
                            (money(&p.outcome.compensation)) (money(&p.outcome.cost)) (money(&p.outcome.result))
                            @if c.budget { td {} td {} td {} }
                            @if c.forecast { td {} }
                            @if c.previous { td {} }
                        }
                    }
                }
                tr.sum {
                    td { (tr_in!(l, "rapport-sum")) }
                    (money(&s.summary.compensation)) (money(&s.summary.cost)) (money(&s.summary.result))
                    @if c.budget { (opt_money(s.summary.budget_period.as_ref())) (opt_money(s.summary.deviation_period.as_ref())) td {} }
                    @if c.forecast { (opt_money(s.summary.forecast.as_ref().map(|f| &f.result))) }
                    @if c.previous { (opt_money(s.summary.previous.as_ref().map(|p| &p.result))) }
                }
            }
        }
    }
}

/// The compensation by kind, and the full-year forecast with its method.
fn compensation_kinds(doc: &BoardDoc, s: &BoardSection) -> Markup {
    let l = doc.lang;
    let forecast = s.assignments.iter().any(|a| a.forecast.is_some());
    let budget = s.assignments.iter().any(|a| a.budget_year.is_some() || a.deviation_year.is_some());
    let heading = if forecast { tr_in!(l, "rapport-h-kinds-forecast") } else { tr_in!(l, "rapport-h-kinds") };
    html! {
        h3 { (heading) }
        table.kinds {
            thead { tr {
                th { (tr_in!(l, "rapport-col-assignment")) }
                th.num { (tr_in!(l, "rapport-col-fixed")) }
                th.num { (tr_in!(l, "rapport-col-variable")) }
                th.num { (tr_in!(l, "rapport-col-changes")) }
                @if forecast {
                    th.num { (tr_in!(l, "rapport-col-forecast-compensation")) }
                    th.num { (tr_in!(l, "rapport-col-forecast-cost")) }
                }
                @if budget { th.num { (tr_in!(l, "rapport-col-budget-year")) } th.num { (tr_in!(l, "rapport-col-deviation-year")) } }
            } }
            tbody {
                @for a in &s.assignments {
                    tr {
                        td { (a.name) }
                        (figure(doc, &a.fixed, &a.id, Figure::Fixed))
                        (figure(doc, &a.variable, &a.id, Figure::Variable))
                        (figure(doc, &a.changes, &a.id, Figure::Changes))
                        @if forecast {
                            (opt_money(a.forecast.as_ref().map(|f| &f.compensation)))
                            (opt_money(a.forecast.as_ref().map(|f| &f.cost)))
                        }
                        @if budget { (opt_money(a.budget_year.as_ref())) (opt_money(a.deviation_year.as_ref())) }
                    }
                }
                tr.sum {
                    td { (tr_in!(l, "rapport-sum")) }
                    (money(&s.kinds_total.fixed)) (money(&s.kinds_total.variable)) (money(&s.kinds_total.changes))
                    @if forecast {
                        (opt_money(s.summary.forecast.as_ref().map(|f| &f.compensation)))
                        (opt_money(s.summary.forecast.as_ref().map(|f| &f.cost)))
                    }
                    @if budget { (opt_money(s.summary.budget_year.as_ref())) (opt_money(s.summary.deviation_year.as_ref())) }
                }
            }
        }
    }
}

fn level1(l: Lang, s: &BoardSection) -> Markup {
    html! {
        table.level1 {
            thead { tr {
                th { (tr_in!(l, "rapport-col-care-form")) }
                th.num { (tr_in!(l, "rapport-col-compensation")) }
                th.num { (tr_in!(l, "rapport-col-cost")) }
                th.num { (tr_in!(l, "rapport-col-result")) }
            } }
            tbody {
                @for r in &s.level1 {
                    tr { td { (r.care_form) } (money(&r.outcome.compensation)) (money(&r.outcome.cost)) (money(&r.outcome.result)) }
                }
            }
        }
    }
}

fn status_class(k: &KeyFigureRow) -> &'static str {
    use crate::eval::results::Status;
    match k.status {
        Status::Met => "met",
        Status::NotMet => "not_met",
        Status::NoTarget => "no_target",
        Status::NotAvailable => "not_available",
    }
}

fn key_figures(l: Lang, rows: &[KeyFigureRow]) -> Markup {
    html! {
        table.key-figures {
            thead { tr {
                th { (tr_in!(l, "rapport-col-key-figure")) }
                th { (tr_in!(l, "rapport-col-period")) }
                th.num { (tr_in!(l, "rapport-col-value")) }
                th.num { (tr_in!(l, "rapport-col-target")) }
                th { (tr_in!(l, "rapport-col-status")) }
                th { (tr_in!(l, "rapport-col-remarks")) }
            } }
            tbody {
                @for (i, k) in rows.iter().enumerate() {
                    @if i == 0 || rows[i - 1].assignment != k.assignment {
                        tr.group { td colspan="6" { strong { (k.assignment) } } }
                    }
                    tr {
                        td { (k.name) }
                        td { (k.period) }
                        td.num { (k.value) }
                        td.num { (k.target) }
                        td { span class={ "status " (status_class(k)) } { (k.status_symbol) " " (k.status_text) } }
                        td {
                            @if !k.missed_months.is_empty() { (tr_in!(l, "rapport-missed", months = k.missed_months.join(", "))) @if !k.remarks.is_empty() { "; " } }
                            (k.remarks)
                        }
                    }
                }
            }
        }
    }
}

/// A chart in the report: the SVG with its heading and note. Compensation-vs-cost
/// charts come two to a row; the others take the full width.
fn chart(c: &ChartDoc) -> Markup {
    let wide = c.kind != ChartKind::MonthlyCostVsCompensation;
    let svg = match wide {
        true => charts::chart_svg(c),
        false => charts::chart_svg_sized(c, 440, 220),
    };
    let kind = match c.kind {
        ChartKind::MonthlyCostVsCompensation => "monthly",
        ChartKind::CumulativeResult => "cumulative",
        ChartKind::KeyFigure => "key-figure",
    };
    html! {
        figure.chart.wide[wide] data-kind=(kind) data-series=(c.series.len()) {
            figcaption { (c.title) " (" (c.unit) ")" }
            (PreEscaped(svg))
            @if let Some(n) = &c.note { p.note { (n) } }
        }
    }
}

fn chart_grid(list: &[ChartDoc]) -> Markup {
    html! { div.charts { @for c in list { (chart(c)) } } }
}

/// The transfers with the months as rows and the assignments as columns.
fn transfers(l: Lang, s: &BoardSection) -> Markup {
    let t = &s.transfers;
    html! {
        table.transfers {
            thead { tr {
                th { (tr_in!(l, "rapport-col-month")) }
                @for r in &t.rows { th.num { (r.name) } }
                th.num { (t.total.name) }
            } }
            tbody {
                @for (i, m) in t.months.iter().enumerate() {
                    tr {
                        td { (m) }
                        @for r in &t.rows { (opt_money(r.amounts.get(i))) }
                        (opt_money(t.total.amounts.get(i)))
                    }
                }
                tr.sum {
                    td { (t.total.name) }
                    @for r in &t.rows { (money(&r.total)) }
                    (money(&t.total.total))
                }
            }
        }
    }
}

fn reports_due(l: Lang, s: &BoardSection) -> Markup {
    html! {
        table.reports-due {
            thead { tr {
                th { (tr_in!(l, "rapport-col-assignment")) }
                th { (tr_in!(l, "rapport-col-change")) }
                th.num { (tr_in!(l, "rapport-col-amount")) }
                th { (tr_in!(l, "rapport-col-report")) }
                th { (tr_in!(l, "rapport-col-due")) }
            } }
            tbody {
                @for r in &s.reports_due {
                    tr { td { (r.assignment) } td { (r.change) } (money(&r.amount)) td { (r.text) } td { (r.due.as_deref().unwrap_or("–")) } }
                }
            }
        }
    }
}

fn postings(doc: &BoardDoc) -> Markup {
    let l = doc.lang;
    let p = &doc.postings;
    let unit = doc.unit.symbol();
    html! {
        section.postings {
            h2 { (tr_in!(l, "rapport-h-postings")) }
            p { (tr_in!(l, "rapport-unmapped", count = p.unmapped_count, sum = p.unmapped.text.as_str(), unit = unit)) }
            @if !p.unmapped_codes.is_empty() {
                table.unmapped {
                    thead { tr { th { (tr_in!(l, "rapport-col-code")) } th.num { (tr_in!(l, "rapport-col-count")) } th.num { (tr_in!(l, "rapport-col-amount")) } } }
                    tbody { @for (code, n, sum) in &p.unmapped_codes { tr { td { (code) } td.num { (n) } (money(sum)) } } }
                }
            }
            p { (tr_in!(l, "rapport-out-of-scope", count = p.out_of_scope_count, sum = p.out_of_scope.text.as_str(), unit = unit)) }
            @if !p.out_of_scope_units.is_empty() {
                table.out-of-scope {
                    thead { tr { th { (tr_in!(l, "rapport-col-unit")) } th.num { (tr_in!(l, "rapport-col-count")) } th.num { (tr_in!(l, "rapport-col-amount")) } } }
                    tbody { @for (name, n, sum) in &p.out_of_scope_units { tr { td { (name) } td.num { (n) } (money(sum)) } } }
                }
            }
        }
    }
}

fn footer(doc: &BoardDoc) -> Markup {
    let l = doc.lang;
    let p = &doc.provenance;
    html! {
        footer {
            p { strong { (tr_in!(l, "rapport-h-provenance")) ": " } (tr_in!(l, "rapport-generated", engine = p.engine.as_str(), version = p.version.as_str())) }
            @for f in &p.files {
                p { (f.role) ": " (f.file) @if let Some(v) = &f.version { " (" (v) ")" } " · SHA-256 " code { (f.sha256) } }
            }
        }
    }
}
