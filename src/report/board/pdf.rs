//! The nämndrapport as PDF: [`BoardDoc`] → typst markup → typst's PDF export.
//!
//! The same document as the HTML beside it, with the same words and the same SVG charts,
//! typeset on A4 by a real typesetter ([`crate::report::typeset`]): tables whose header
//! repeats on a new page, a key figure's status by colour *and* symbol and word (it reads
//! in greyscale), the provenance and the page number in every page's footer. Every piece
//! of the user's text (names, comments, file names) enters the markup as a string literal,
//! never as markup, so `#`, `*`, `_`, `$`, `[` in a name are printed as written.

use super::{Amount, AssignmentRow, BoardDoc, BoardSection, ChartDoc, ChartKind, Columns, KeyFigureRow, Summary, Totals, charts};
use crate::eval::results::Status;
use crate::i18n::Lang;
use crate::report::typeset::{compile_pdf, string_literal as lit};
use crate::tr_in;

/// The report as PDF bytes.
pub fn render(doc: &BoardDoc) -> Result<Vec<u8>, String> {
    let files = chart_files(doc);
    let files: Vec<(&str, Vec<u8>)> = files.iter().map(|(p, svg)| (p.as_str(), svg.as_bytes().to_vec())).collect();
    compile_pdf(&markup(doc), &files)
}

/// The report's text as typeset, in reading order (what a reader of the PDF sees; for
/// checks that need no PDF tool).
pub fn laid_out_text(doc: &BoardDoc) -> Result<String, String> {
    let files = chart_files(doc);
    let files: Vec<(&str, Vec<u8>)> = files.iter().map(|(p, svg)| (p.as_str(), svg.as_bytes().to_vec())).collect();
    crate::report::typeset::laid_out_text(&markup(doc), &files)
}

/// The report's typst markup; its charts are read as `charts/<section>-<n>.svg`.
pub fn markup(doc: &BoardDoc) -> String {
    let mut out = preamble(doc);
    out.push_str(&head(doc));
    for (i, s) in doc.sections.iter().enumerate() {
        if i > 0 {
            out.push_str("#pagebreak()\n");
        }
        out.push_str(&section(doc.lang, i, s, &doc.period.words));
    }
    out.push_str(&postings(doc));
    out.push_str(&provenance(doc));
    out
}

/// The charts' SVG, drawn by the HTML's chart functions at the same sizes.
fn chart_files(doc: &BoardDoc) -> Vec<(String, String)> {
    let per_section = doc.sections.iter().enumerate().flat_map(|(i, s)| s.charts.iter().enumerate().map(move |(n, c)| (i, n, c)));
    per_section.map(|(i, n, c)| (chart_path(i, n), chart_svg(c))).collect()
}

fn chart_svg(c: &ChartDoc) -> String {
    match is_wide(c) {
        true => charts::chart_svg(c),
        false => charts::chart_svg_sized(c, 440, 220),
    }
}

/// Compensation-vs-cost charts come two to a row; the others take the full width.
fn is_wide(c: &ChartDoc) -> bool {
    c.kind != ChartKind::MonthlyCostVsCompensation
}

fn chart_path(section: usize, n: usize) -> String {
    format!("charts/{section}-{n}.svg")
}

/// Page, type, footer (provenance; page x of y) and the tables' look.
fn preamble(doc: &BoardDoc) -> String {
    let l = doc.lang;
    let page = format!(
        "context text(7pt, fill: luma(60))[#{} #counter(page).display() #{} #counter(page).final().first()]",
        lit(&tr_in!(l, "pdf-page")),
        lit(&tr_in!(l, "pdf-page-of"))
    );
    let footer = format!("grid(columns: (1fr, auto), gutter: 12pt, text(6.5pt, fill: luma(60), {}), {page})", lit(&footer_text(doc)));
    format!(
        "#set document(title: {title})\n\
         #set page(paper: \"a4\", margin: (x: 1.7cm, top: 1.7cm, bottom: 2.2cm), footer: {footer})\n\
         #set text(font: \"Libertinus Serif\", size: 9.5pt, lang: \"{lang}\")\n\
         #show table: set text(number-width: \"tabular\")\n\
         #set table(stroke: (x, y) => (bottom: 0.4pt + luma(190), top: if y == 0 {{ 0.8pt }} else {{ none }}), inset: (x: 4pt, y: 3pt))\n\
         #show table.cell.where(y: 0): set text(weight: \"bold\")\n\
         #show heading.where(level: 1): set text(15pt)\n\
         #show heading.where(level: 2): set text(11.5pt)\n\
         #show heading: set block(above: 1.3em, below: 0.7em)\n",
        title = lit(&format!("{} – {}", doc.title, doc.period.words)),
        lang = l.code(),
    )
}

/// `ekostyr 0.1.0 · Regler rules/2023.ek (2023.1) 1a2b3c4d5e6f · Arbetsbok …`
fn footer_text(doc: &BoardDoc) -> String {
    let p = &doc.provenance;
    let file = |f: &super::FileDoc| {
        let version = f.version.as_ref().map(|v| format!(" ({v})")).unwrap_or_default();
        format!("{} {}{version} SHA-256 {}…", f.role, f.file, f.sha256.get(..12).unwrap_or(&f.sha256))
    };
    std::iter::once(p.engine.clone()).chain(p.files.iter().map(file)).collect::<Vec<_>>().join(" · ")
}

/// Title, rules, unit, forecast method and the total across boards.
fn head(doc: &BoardDoc) -> String {
    let l = doc.lang;
    let mut lines = vec![
        format!("#text(19pt, weight: \"bold\", {})", lit(&format!("{} {}", doc.title, doc.period.words))),
        format!("#text(11pt, {})", lit(&doc.rules_title)),
        format!("#text(8.5pt, fill: luma(60), {})", lit(&tr_in!(l, "rapport-unit-note", unit = doc.unit.symbol()))),
    ];
    if let Some(m) = &doc.forecast_method {
        lines.push(format!("#text(8.5pt, fill: luma(60), {})", lit(&tr_in!(l, "rapport-forecast-method", method = m.as_str()))));
    }
    let mut out = format!("#block(below: 1em)[{}]\n", lines.join(" \\\n"));
    if let Some(t) = &doc.total {
        let keys = ["rapport-total-compensation", "rapport-total-cost", "rapport-total-result"];
        let cards = keys.iter().zip([&t.compensation, &t.cost, &t.result]).map(|(k, a)| (crate::i18n::message_in(l, k, &[]), a));
        out.push_str(&card_row(cards.collect()));
    }
    out
}

/// Labelled amounts side by side, as the HTML's cards.
fn card_row(cards: Vec<(String, &Amount)>) -> String {
    let card = |(label, a): &(String, &Amount)| {
        format!(
            "block(width: 100%, inset: 6pt, stroke: 0.5pt + luma(170), radius: 2pt)[#text(8pt, fill: luma(60), {}) \\ #text(13pt, weight: \"bold\", {})]",
            lit(label),
            money_text(a)
        )
    };
    let cells = cards.iter().map(card).collect::<Vec<_>>().join(",\n  ");
    format!("#grid(columns: ({}), gutter: 8pt,\n  {cells})\n", vec!["1fr"; cards.len()].join(", "))
}

fn section(l: Lang, index: usize, s: &BoardSection, period: &str) -> String {
    let mut out = format!("#heading(level: 1, {})\n", lit(&format!("{} ({})", s.board_name, s.board_id)));
    out.push_str(&h2(l, "rapport-h-summary"));
    out.push_str(&summary_cards(l, &s.summary));
    out.push_str(&summary_table(l, &s.summary, period));
    out.push_str(&h2(l, "rapport-h-assignments"));
    out.push_str(&assignments(l, s));
    out.push_str(&compensation_kinds(l, s));
    out.push_str(&level1(l, s));
    out.push_str(&key_figures(l, &s.key_figures));
    out.push_str(&charts_grid(l, index, &s.charts));
    out.push_str(&transfers(l, s));
    out.push_str(&reports_due(l, s));
    out.push_str(&forecast_comments(l, s));
    out
}

fn h2(l: Lang, key: &'static str) -> String {
    format!("#heading(level: 2, {})\n", lit(&crate::i18n::message_in(l, key, &[])))
}

fn word(l: Lang, key: &'static str) -> String {
    crate::i18n::message_in(l, key, &[])
}

/// An amount as a code expression: dark red when negative (the sign says it too).
fn money_text(a: &Amount) -> String {
    match a.value.is_sign_negative() && !a.value.is_zero() {
        true => format!("text(fill: rgb(\"#9b1c1c\"), {})", lit(&a.text)),
        false => lit(&a.text),
    }
}

/// A money cell; `–` when there is no figure.
fn money(a: Option<&Amount>) -> String {
    a.map_or_else(|| lit("–"), money_text)
}

/// An empty cell.
const EMPTY: &str = "[]";

/// A typst table of code-expression cells: the first column (names) left-aligned, the
/// others (amounts) right-aligned.
/// The header repeats on every page the table runs over.
fn table(header: &[String], rows: &[Vec<String>]) -> String {
    let n = header.len().max(1);
    // Up to five columns the amounts fit their content; past that, `auto` columns would
    // squeeze the names to a word per line, so every column gets a share of the width
    // (the names a larger one).
    let (first, rest) = if n > 5 { ("5fr", "2fr") } else { ("1fr", "auto") };
    let widths = std::iter::once(first).chain(std::iter::repeat_n(rest, n - 1)).collect::<Vec<_>>().join(", ");
    let aligns = std::iter::once("left").chain(std::iter::repeat_n("right", n - 1)).collect::<Vec<_>>().join(", ");
    let head = header.iter().map(|h| lit(h)).collect::<Vec<_>>().join(", ");
    let body: String = rows.iter().map(|r| format!("  {},\n", r.join(", "))).collect();
    format!("#table(columns: ({widths},), column-gutter: 3pt, align: ({aligns},), table.header({head}),\n{body})\n")
}

/// A row in bold (the sums).
fn bold_row(cells: Vec<String>) -> Vec<String> {
    cells.into_iter().map(|c| format!("strong({c})")).collect()
}

/// A label and its compensation, cost and result.
fn outcome_cells(label: String, t: &Totals) -> Vec<String> {
    vec![label, money(Some(&t.compensation)), money(Some(&t.cost)), money(Some(&t.result))]
}

fn summary_cards(l: Lang, s: &Summary) -> String {
    let keys = ["rapport-col-compensation", "rapport-col-cost", "rapport-col-result", "rapport-col-pooled"];
    let amounts = [&s.compensation, &s.cost, &s.result, &s.pooled_result];
    card_row(keys.iter().map(|k| word(l, k)).zip(amounts).collect())
}

/// Outcome beside last year, budget and forecast, when there are such figures.
fn summary_table(l: Lang, s: &Summary, period: &str) -> String {
    let budget = s.budget_period.is_some() || s.deviation_period.is_some();
    let year = s.budget_year.is_some() || s.deviation_year.is_some();
    if !(budget || year || s.previous.is_some() || s.forecast.is_some()) {
        return String::new();
    }
    let mut header = vec![String::new(), tr_in!(l, "rapport-col-outcome-period", period = period)];
    header.extend(s.previous.as_ref().map(|_| word(l, "rapport-col-previous")));
    if budget {
        header.extend([word(l, "rapport-col-budget-period"), word(l, "rapport-col-deviation")]);
    }
    header.extend(s.forecast.as_ref().map(|_| word(l, "rapport-col-forecast")));
    if year {
        header.extend([word(l, "rapport-col-budget-year"), word(l, "rapport-col-deviation-year")]);
    }
    let row = |key: &'static str, outcome: &Amount, pick: fn(&Totals) -> &Amount, first: bool| {
        let mut cells = vec![lit(&word(l, key)), money(Some(outcome))];
        cells.extend(s.previous.as_ref().map(|p| money(Some(pick(p)))));
        if budget {
            cells.extend(match first {
                true => [money(s.budget_period.as_ref()), money(s.deviation_period.as_ref())],
                false => [money(None), money(None)],
            });
        }
        cells.extend(s.forecast.as_ref().map(|f| money(Some(pick(f)))));
        if year {
            cells.extend(match first {
                true => [money(s.budget_year.as_ref()), money(s.deviation_year.as_ref())],
                false => [money(None), money(None)],
            });
        }
        cells
    };
    let rows = [
        row("rapport-col-compensation", &s.compensation, |t| &t.compensation, true),
        row("rapport-col-cost", &s.cost, |t| &t.cost, false),
        row("rapport-col-result", &s.result, |t| &t.result, false),
    ];
    table(&header, &rows)
}

/// The assignment table's header for the columns some row fills.
fn header(c: &Columns, l: Lang) -> Vec<String> {
    let mut h =
        ["rapport-col-assignment", "rapport-col-compensation", "rapport-col-cost", "rapport-col-result"].map(|k| word(l, k)).to_vec();
    if c.budget {
        h.extend([word(l, "rapport-col-budget-period"), word(l, "rapport-col-deviation"), "%".to_string()]);
    }
    h.extend(c.forecast.then(|| word(l, "rapport-col-forecast-result")));
    h.extend(c.previous.then(|| word(l, "rapport-col-previous-result")));
    h
}

fn assignments(l: Lang, s: &BoardSection) -> String {
    let c = Columns::of(&s.assignments);
    let header = header(&c, l);
    let row = |a: &AssignmentRow| {
        let mut cells = outcome_cells(lit(&a.name), &a.outcome);
        if c.budget {
            cells.extend([money(a.budget_period.as_ref()), money(a.deviation_period.as_ref())]);
            cells.push(lit(a.deviation_period_percent.as_deref().unwrap_or("–")));
        }
        cells.extend(c.forecast.then(|| money(a.forecast.as_ref().map(|f| &f.result))));
        cells.extend(c.previous.then(|| money(a.previous.as_ref().map(|p| &p.result))));
        let parts = a.parts.iter().map(|p| {
            let mut cells = outcome_cells(format!("[#h(1.2em)#text(8.5pt, {})]", lit(&p.name)), &p.outcome);
            cells.resize(header.len(), EMPTY.to_string());
            cells
        });
        std::iter::once(cells).chain(parts).collect::<Vec<_>>()
    };
    let mut rows: Vec<Vec<String>> = s.assignments.iter().flat_map(row).collect();
    rows.push(bold_row(sum_row(l, s, &c)));
    table(&header, &rows)
}

fn sum_row(l: Lang, s: &BoardSection, c: &Columns) -> Vec<String> {
    let sum = &s.summary;
    let mut cells = outcome_cells(
        lit(&word(l, "rapport-sum")),
        &Totals { compensation: sum.compensation.clone(), cost: sum.cost.clone(), result: sum.result.clone() },
    );
    if c.budget {
        cells.extend([money(sum.budget_period.as_ref()), money(sum.deviation_period.as_ref()), EMPTY.to_string()]);
    }
    cells.extend(c.forecast.then(|| money(sum.forecast.as_ref().map(|f| &f.result))));
    cells.extend(c.previous.then(|| money(sum.previous.as_ref().map(|p| &p.result))));
    cells
}

/// The compensation by kind, and the full-year forecast's compensation and cost.
fn compensation_kinds(l: Lang, s: &BoardSection) -> String {
    let forecast = s.assignments.iter().any(|a| a.forecast.is_some());
    let budget = s.assignments.iter().any(|a| a.budget_year.is_some() || a.deviation_year.is_some());
    let mut header =
        ["rapport-col-assignment", "rapport-col-fixed", "rapport-col-variable", "rapport-col-changes"].map(|k| word(l, k)).to_vec();
    if forecast {
        header.extend([word(l, "rapport-col-forecast-compensation"), word(l, "rapport-col-forecast-cost")]);
    }
    if budget {
        header.extend([word(l, "rapport-col-budget-year"), word(l, "rapport-col-deviation-year")]);
    }
    let row = |a: &AssignmentRow| {
        let mut cells = vec![lit(&a.name), money(Some(&a.fixed)), money(Some(&a.variable)), money(Some(&a.changes))];
        if forecast {
            cells.extend([money(a.forecast.as_ref().map(|f| &f.compensation)), money(a.forecast.as_ref().map(|f| &f.cost))]);
        }
        if budget {
            cells.extend([money(a.budget_year.as_ref()), money(a.deviation_year.as_ref())]);
        }
        cells
    };
    let mut rows: Vec<Vec<String>> = s.assignments.iter().map(row).collect();
    let (k, sum) = (&s.kinds_total, &s.summary);
    let mut total = vec![lit(&word(l, "rapport-sum")), money(Some(&k.fixed)), money(Some(&k.variable)), money(Some(&k.changes))];
    if forecast {
        total.extend([money(sum.forecast.as_ref().map(|f| &f.compensation)), money(sum.forecast.as_ref().map(|f| &f.cost))]);
    }
    if budget {
        total.extend([money(sum.budget_year.as_ref()), money(sum.deviation_year.as_ref())]);
    }
    rows.push(bold_row(total));
    let heading = if forecast { "rapport-h-kinds-forecast" } else { "rapport-h-kinds" };
    h2(l, heading) + &table(&header, &rows)
}

fn level1(l: Lang, s: &BoardSection) -> String {
    if s.level1.is_empty() {
        return String::new();
    }
    let header = ["rapport-col-care-form", "rapport-col-compensation", "rapport-col-cost", "rapport-col-result"].map(|k| word(l, k));
    let rows: Vec<Vec<String>> = s.level1.iter().map(|r| outcome_cells(lit(&r.care_form), &r.outcome)).collect();
    h2(l, "rapport-h-level1") + &table(&header, &rows)
}

/// A status's background and ink; the symbol and the word say it without colour.
fn status_colours(s: Status) -> (&'static str, &'static str) {
    match s {
        Status::Met => ("rgb(\"#e6f4e6\")", "rgb(\"#1b5e20\")"),
        Status::NotMet => ("rgb(\"#fde8e6\")", "rgb(\"#a01010\")"),
        Status::NoTarget => ("luma(243)", "luma(70)"),
        Status::NotAvailable => ("white", "luma(70)"),
    }
}

/// `✓ uppfyllt` in a framed, tinted box; not met in bold.
fn status_cell(k: &KeyFigureRow) -> String {
    let (fill, ink) = status_colours(k.status);
    let weight = if k.status == Status::NotMet { "bold" } else { "regular" };
    let dash = if k.status == Status::NotAvailable { "\"dashed\"" } else { "none" };
    format!(
        "box(fill: {fill}, stroke: (paint: {ink}, thickness: 0.5pt, dash: {dash}), inset: (x: 3pt, y: 1.5pt), radius: 2pt, text(fill: {ink}, weight: \"{weight}\", {}))",
        lit(&format!("{} {}", k.status_symbol, k.status_text))
    )
}

/// The key figures grouped under their assignment.
fn key_figures(l: Lang, rows: &[KeyFigureRow]) -> String {
    if rows.is_empty() {
        return String::new();
    }
    let keys = [
        "rapport-col-key-figure",
        "rapport-col-period",
        "rapport-col-value",
        "rapport-col-target",
        "rapport-col-status",
        "rapport-col-remarks",
    ];
    let header = keys.map(|k| word(l, k));
    let mut body = vec![];
    for (i, k) in rows.iter().enumerate() {
        if i == 0 || rows.get(i - 1).is_some_and(|p| p.assignment != k.assignment) {
            body.push(vec![format!("table.cell(colspan: 6, strong({}))", lit(&k.assignment))]);
        }
        body.push(vec![lit(&k.name), lit(&k.period), lit(&k.value), lit(&k.target), status_cell(k), remarks(l, k)]);
    }
    let widths = "(1.3fr, auto, auto, auto, auto, 1fr)";
    let t = format!(
        "#table(columns: {widths}, align: (left, left, right, right, left, left), table.header({}),\n{})\n",
        header.iter().map(|h| lit(h)).collect::<Vec<_>>().join(", "),
        body.iter().map(|r| format!("  {},\n", r.join(", "))).collect::<String>()
    );
    h2(l, "rapport-h-key-figures") + &t
}

/// The months that missed the target, and the figure's own remarks, in small type.
fn remarks(l: Lang, k: &KeyFigureRow) -> String {
    let mut notes = vec![];
    if !k.missed_months.is_empty() {
        notes.push(tr_in!(l, "rapport-missed", months = k.missed_months.join(", ")));
    }
    if !k.remarks.is_empty() {
        notes.push(k.remarks.clone());
    }
    format!("text(8pt, {})", lit(&notes.join("; ")))
}

/// The charts: compensation vs cost two to a row, the others full width; each with its
/// heading (and unit) and its note on what is missing.
fn charts_grid(l: Lang, index: usize, list: &[ChartDoc]) -> String {
    if list.is_empty() {
        return String::new();
    }
    let figure = |(n, c): (usize, &ChartDoc)| {
        let note = c.note.as_ref().map(|n| format!(", text(7.5pt, fill: luma(60), {})", lit(n))).unwrap_or_default();
        let body = format!(
            "block(breakable: false, stack(spacing: 3pt, text(8.5pt, weight: \"bold\", {}), image({}, format: \"svg\", width: 100%){note}))",
            lit(&format!("{} ({})", c.title, c.unit)),
            lit(&chart_path(index, n))
        );
        body
    };
    // A wide chart starts a row: an odd narrow one before it leaves its neighbour empty.
    let mut cells = vec![];
    let mut column = 0;
    for (n, c) in list.iter().enumerate() {
        match (is_wide(c), column) {
            (true, 1) => cells.extend([EMPTY.to_string(), format!("grid.cell(colspan: 2, {})", figure((n, c)))]),
            (true, _) => cells.push(format!("grid.cell(colspan: 2, {})", figure((n, c)))),
            (false, _) => cells.push(figure((n, c))),
        }
        column = if is_wide(c) { 0 } else { 1 - column };
    }
    let cells = cells.join(",\n  ");
    h2(l, "rapport-h-charts") + &format!("#grid(columns: (1fr, 1fr), column-gutter: 10pt, row-gutter: 12pt,\n  {cells})\n")
}

/// The transfers: the months as rows, the assignments as columns, the sums last.
fn transfers(l: Lang, s: &BoardSection) -> String {
    let t = &s.transfers;
    let header: Vec<String> =
        std::iter::once(word(l, "rapport-col-month")).chain(t.rows.iter().map(|r| r.name.clone())).chain([t.total.name.clone()]).collect();
    let month = |(i, m): (usize, &String)| {
        let cells = t.rows.iter().chain([&t.total]).map(|r| money(r.amounts.get(i)));
        std::iter::once(lit(m)).chain(cells).collect::<Vec<_>>()
    };
    let mut rows: Vec<Vec<String>> = t.months.iter().enumerate().map(month).collect();
    let sums = t.rows.iter().chain([&t.total]).map(|r| money(Some(&r.total)));
    rows.push(bold_row(std::iter::once(lit(&t.total.name)).chain(sums).collect()));
    h2(l, "rapport-h-transfers") + &format!("#[#set text(8pt)\n{}]\n", table(&header, &rows))
}

fn reports_due(l: Lang, s: &BoardSection) -> String {
    if s.reports_due.is_empty() {
        return String::new();
    }
    let keys = ["rapport-col-change", "rapport-col-amount", "rapport-col-report", "rapport-col-due"];
    let header = keys.map(|k| word(l, k));
    let row = |r: &super::ReportDue| {
        let name = format!("[#{} \\ #text(8pt, {})]", lit(&r.change), lit(&r.assignment));
        vec![name, money(Some(&r.amount)), format!("align(left, {})", lit(&r.text)), lit(r.due.as_deref().unwrap_or("–"))]
    };
    let rows: Vec<Vec<String>> = s.reports_due.iter().map(row).collect();
    h2(l, "rapport-h-reports-due") + &table(&header, &rows)
}

fn forecast_comments(l: Lang, s: &BoardSection) -> String {
    if s.forecast_comments.is_empty() {
        return String::new();
    }
    let one = |c: &super::ForecastComment| format!("#block[#strong({}): #{}]\n", lit(&c.assignment), lit(&c.comment));
    h2(l, "rapport-h-comments") + &s.forecast_comments.iter().map(one).collect::<String>()
}

/// Postings outside every assignment: unmapped codes and out-of-scope units.
fn postings(doc: &BoardDoc) -> String {
    let (l, p, unit) = (doc.lang, &doc.postings, doc.unit.symbol());
    let rows = |list: &[(String, u64, Amount)]| -> Vec<Vec<String>> {
        list.iter().map(|(name, n, sum)| vec![lit(name), lit(&n.to_string()), money(Some(sum))]).collect()
    };
    let header = |first: &'static str| [first, "rapport-col-count", "rapport-col-amount"].map(|k| word(l, k));
    let unmapped = tr_in!(l, "rapport-unmapped", count = p.unmapped_count, sum = p.unmapped.text.as_str(), unit = unit);
    let out_of_scope = tr_in!(l, "rapport-out-of-scope", count = p.out_of_scope_count, sum = p.out_of_scope.text.as_str(), unit = unit);
    let mut out = h2(l, "rapport-h-postings") + &format!("#par({})\n", lit(&unmapped));
    if !p.unmapped_codes.is_empty() {
        out.push_str(&table(&header("rapport-col-code"), &rows(&p.unmapped_codes)));
    }
    out.push_str(&format!("#par({})\n", lit(&out_of_scope)));
    if !p.out_of_scope_units.is_empty() {
        out.push_str(&table(&header("rapport-col-unit"), &rows(&p.out_of_scope_units)));
    }
    out
}

/// The files the figures come from, with their whole SHA-256 (the footer has its start).
fn provenance(doc: &BoardDoc) -> String {
    let (l, p) = (doc.lang, &doc.provenance);
    let generated = tr_in!(l, "rapport-generated", engine = p.engine.as_str(), version = p.version.as_str());
    let file = |f: &super::FileDoc| {
        let version = f.version.as_ref().map(|v| format!(" ({v})")).unwrap_or_default();
        format!(
            "#block[#{}\\ #text(font: \"DejaVu Sans Mono\", size: 7pt, {})]\n",
            lit(&format!("{}: {}{version}", f.role, f.file)),
            lit(&format!("SHA-256 {}", f.sha256))
        )
    };
    h2(l, "rapport-h-provenance") + &format!("#par({})\n", lit(&generated)) + &p.files.iter().map(file).collect::<String>()
}
