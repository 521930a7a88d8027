//! The bridge as a table, Markdown, JSON (decimals as strings) and XLSX (one sheet).

use super::{Bridge, Cause, Line, StepKind};
use crate::i18n::Lang;
use crate::number::{rounded, swedish};
use crate::tr_in;
use rust_decimal::Decimal;
use std::fmt::Write as _;

/// The label of a step kind.
pub fn kind_label(kind: StepKind, lang: Lang) -> String {
    match kind {
        StepKind::Structure => tr_in!(lang, "budget-step-structure"),
        StepKind::EndedChanges => tr_in!(lang, "budget-step-ended-changes"),
        StepKind::Ambition => tr_in!(lang, "budget-step-ambition"),
        StepKind::PriceIndex => tr_in!(lang, "budget-step-price-index"),
        StepKind::Efficiency => tr_in!(lang, "budget-step-efficiency"),
        StepKind::Volume => tr_in!(lang, "budget-step-volume"),
        StepKind::NewChanges => tr_in!(lang, "budget-step-new-changes"),
    }
}

/// The label of a step with the rate behind it: `Prisindex (2,9 %)`.
fn step_label(b: &Bridge, kind: StepKind, lang: Lang) -> String {
    let label = kind_label(kind, lang);
    match b.rates.iter().find(|(k, _)| *k == kind) {
        Some((_, rate)) => {
            let pct = rate.checked_mul(Decimal::ONE_HUNDRED).unwrap_or_default().normalize();
            format!("{label} ({} %)", swedish(pct, pct.scale()))
        }
        None => label,
    }
}

fn kr(d: Decimal) -> String {
    format!("{} kr", swedish(d, 2))
}

fn signed_kr(d: Decimal) -> String {
    let sign = if d > Decimal::ZERO { "+" } else { "" };
    format!("{sign}{}", kr(d))
}

fn percent_text(p: Option<Decimal>) -> String {
    match p {
        Some(p) => {
            let sign = if rounded(p, 2) > Decimal::ZERO { "+" } else { "" };
            format!("{sign}{} %", swedish(p, 2))
        }
        None => String::new(),
    }
}

/// A row as shown: label, amount, per cent; a cause has neither amount nor per cent.
type Row = (String, String, String);

/// A cause as one line: `prisindex: 0 % → 2,9 % (+2,9 procentenheter), rules/2024.ek:43`.
pub fn cause_text(c: &Cause, lang: Lang) -> String {
    let none = || "–".to_string();
    let change = c.change.as_ref().map(|x| format!(" ({x})")).unwrap_or_default();
    tr_in!(
        lang,
        "budget-cause",
        name = c.name.as_str(),
        old = c.old.clone().unwrap_or_else(none),
        new = c.new.clone().unwrap_or_else(none),
        change = change,
        line = c.line.as_str()
    )
}

/// The rows of one line as shown: start, the non-zero steps each followed by its
/// causes, end (label, amount, per cent).
fn rows(line: &Bridge, l: &Line, lang: Lang) -> Vec<Row> {
    let mut out = vec![(tr_in!(lang, "budget-start", year = line.from_year.to_string()), kr(l.start), String::new())];
    for s in l.steps.iter().filter(|s| !s.amount.is_zero()) {
        out.push((step_label(line, s.kind, lang), signed_kr(s.amount), percent_text(l.percent(s.amount))));
        out.extend(s.causes.iter().map(|c| (format!("↳ {}", cause_text(c, lang)), String::new(), String::new())));
    }
    out.push((
        tr_in!(lang, "budget-end", year = line.to_year.to_string()),
        kr(l.end),
        percent_text(l.end.checked_sub(l.start).and_then(|d| l.percent(d))),
    ));
    out
}

/// The heading of a line: the total, a nämnd, or an assignment.
fn heading(l: &Line, is_board: bool, lang: Lang) -> String {
    if l.id.is_empty() {
        tr_in!(lang, "budget-total")
    } else if is_board {
        tr_in!(lang, "budget-board", id = l.id.as_str(), name = l.name.as_str())
    } else {
        format!("{} ({})", l.name, l.id)
    }
}

/// Every block in order: total, then each nämnd followed by its assignments.
fn blocks(b: &Bridge) -> Vec<(&Line, bool)> {
    let mut out = vec![(&b.total, true)];
    for board in &b.boards {
        out.push((board, true));
        out.extend(b.assignments.iter().filter(|a| a.board.0 == board.id).map(|a| (a, false)));
    }
    out
}

/// A table for the terminal.
pub fn table(b: &Bridge, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        tr_in!(lang, "budget-title", from = b.from_year.to_string(), to = b.to_year.to_string(), title = b.title.as_str())
    );
    for line in &b.basis {
        let _ = writeln!(out, "{line}");
    }
    let all: Vec<(String, Vec<Row>)> = blocks(b).into_iter().map(|(l, board)| (heading(l, board, lang), rows(b, l, lang))).collect();
    let figures = || all.iter().flat_map(|(_, r)| r.iter().filter(|x| !x.1.is_empty()));
    let w0 = figures().map(|x| x.0.chars().count()).max().unwrap_or(0);
    let w1 = figures().map(|x| x.1.chars().count()).max().unwrap_or(0);
    for (h, rs) in &all {
        let _ = writeln!(out, "\n{h}");
        for (label, amount, pct) in rs {
            if amount.is_empty() {
                let _ = writeln!(out, "    {label}");
                continue;
            }
            let line = format!("  {label:<w0$}  {amount:>w1$}  {pct:>9}");
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }
    out
}

/// Markdown for a board memo.
pub fn markdown(b: &Bridge, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n",
        tr_in!(lang, "budget-title", from = b.from_year.to_string(), to = b.to_year.to_string(), title = b.title.as_str())
    );
    for line in &b.basis {
        let _ = writeln!(out, "- {line}");
    }
    let (post, amount, pct) = (tr_in!(lang, "budget-col-item"), tr_in!(lang, "budget-col-amount"), tr_in!(lang, "budget-col-percent"));
    for (l, board) in blocks(b) {
        let level = if board { "##" } else { "###" };
        let _ = writeln!(out, "\n{level} {}\n", heading(l, board, lang));
        let _ = writeln!(out, "| {post} | {amount} | {pct} |\n|---|---:|---:|");
        for (label, amount, pct) in rows(b, l, lang) {
            let _ = writeln!(out, "| {label} | {amount} | {pct} |");
        }
    }
    out
}

/// An amount as a JSON string, exact: at least two decimals, more only where the amount has them.
fn money(d: Decimal) -> serde_json::Value {
    let d = d.normalize();
    serde_json::Value::String(format!("{:.*}", d.scale().max(2) as usize, d))
}

fn line_json(l: &Line) -> serde_json::Map<String, serde_json::Value> {
    let steps: Vec<serde_json::Value> = l
        .steps
        .iter()
        .map(|s| {
            let percent =
                l.percent(s.amount).map_or(serde_json::Value::Null, |p| serde_json::Value::String(format!("{:.2}", rounded(p, 2))));
            let causes: Vec<serde_json::Value> = s
                .causes
                .iter()
                .map(|c| serde_json::json!({ "name": c.name, "old": c.old, "new": c.new, "change": c.change, "line": c.line }))
                .collect();
            serde_json::json!({ "kind": s.kind.key(), "amount": money(s.amount), "percent": percent, "causes": causes })
        })
        .collect();
    let mut m = serde_json::Map::new();
    m.insert("start".into(), money(l.start));
    m.insert("end".into(), money(l.end));
    m.insert("steps".into(), serde_json::Value::Array(steps));
    m
}

/// JSON, decimals as strings.
pub fn json(b: &Bridge) -> String {
    let mut top = line_json(&b.total);
    top.insert("from_year".into(), b.from_year.into());
    top.insert("to_year".into(), b.to_year.into());
    let boards = b.boards.iter().map(|l| {
        let mut m = serde_json::Map::new();
        m.insert("board".into(), l.id.clone().into());
        m.insert("name".into(), l.name.clone().into());
        m.extend(line_json(l));
        serde_json::Value::Object(m)
    });
    top.insert("boards".into(), serde_json::Value::Array(boards.collect()));
    let assignments = b.assignments.iter().map(|l| {
        let mut m = serde_json::Map::new();
        m.insert("id".into(), l.id.clone().into());
        m.insert("name".into(), l.name.clone().into());
        m.insert("board".into(), l.board.0.clone().into());
        m.extend(line_json(l));
        serde_json::Value::Object(m)
    });
    top.insert("assignments".into(), serde_json::Value::Array(assignments.collect()));
    let rates = b.rates.iter().map(|(k, v)| (k.key().to_string(), serde_json::Value::String(v.normalize().to_string())));
    top.insert("rates".into(), serde_json::Value::Object(rates.collect()));
    top.insert("basis".into(), b.basis.join(" ").into());
    let mut text = serde_json::to_string_pretty(&serde_json::Value::Object(top)).unwrap_or_default();
    text.push('\n');
    text
}

/// One sheet: level, name, item, amount, per cent; byte-identical for identical bridges.
pub fn xlsx(b: &Bridge, lang: Lang) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
    let fail = |e: rust_xlsxwriter::XlsxError| tr_in!(lang, "budget-xlsx-failed", reason = e.to_string());
    let mut wb = Workbook::new();
    let year = u16::try_from(b.to_year).unwrap_or(2000);
    let created = ExcelDateTime::from_ymd(year, 1, 1).map_err(fail)?;
    wb.set_properties(&DocProperties::new().set_title(b.title.as_str()).set_creation_datetime(&created));
    let bold = Format::new().set_bold();
    let money_format = Format::new().set_num_format("# ##0.00");
    let pct_format = Format::new().set_num_format("0.00");
    let ws = wb.add_worksheet();
    ws.set_name(tr_in!(lang, "budget-sheet")).map_err(fail)?;
    let columns = [
        (tr_in!(lang, "budget-col-level"), 12.0),
        (tr_in!(lang, "budget-col-name"), 40.0),
        (tr_in!(lang, "budget-col-item"), 28.0),
        (tr_in!(lang, "budget-col-amount"), 18.0),
        (tr_in!(lang, "budget-col-percent"), 10.0),
    ];
    for (c, (title, width)) in (0u16..).zip(&columns) {
        ws.write_string_with_format(0, c, title, &bold).map_err(fail)?;
        ws.set_column_width(c, *width).map_err(fail)?;
    }
    let mut r = 1u32;
    for (l, board) in blocks(b) {
        let level = match (l.id.is_empty(), board) {
            (true, _) => tr_in!(lang, "budget-level-total"),
            (false, true) => tr_in!(lang, "budget-level-board"),
            (false, false) => tr_in!(lang, "budget-level-assignment"),
        };
        let name = if l.id.is_empty() { tr_in!(lang, "budget-total") } else { format!("{} ({})", l.name, l.id) };
        let mut items = vec![(tr_in!(lang, "budget-start", year = b.from_year.to_string()), l.start, None)];
        items.extend(l.steps.iter().map(|s| (step_label(b, s.kind, lang), s.amount, l.percent(s.amount))));
        items.push((tr_in!(lang, "budget-end", year = b.to_year.to_string()), l.end, None));
        for (item, amount, pct) in items {
            ws.write_string(r, 0, &level).map_err(fail)?;
            ws.write_string(r, 1, &name).map_err(fail)?;
            ws.write_string(r, 2, &item).map_err(fail)?;
            let x: f64 = crate::eval::money::round_öre(amount).to_string().parse().unwrap_or(0.0);
            ws.write_number_with_format(r, 3, x, &money_format).map_err(fail)?;
            if let Some(p) = pct {
                let p: f64 = rounded(p, 4).to_string().parse().unwrap_or(0.0);
                ws.write_number_with_format(r, 4, p, &pct_format).map_err(fail)?;
            }
            r += 1;
        }
    }
    ws.set_freeze_panes(1, 0).map_err(fail)?;
    // Prints as it is: landscape, one page wide, the header row on every page.
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0).map_err(fail)?;
    wb.save_to_buffer().map_err(fail)
}
