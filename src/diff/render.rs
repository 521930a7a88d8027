//! The diff as text, markdown (for a board memo) and JSON.

use super::{Diff, Entry, Impact, Section};
use crate::report::number::swedish;
use rust_decimal::Decimal;
use serde_json::json;
use std::fmt::Write as _;

/// The sections in order, with their JSON key.
const SECTIONS: [(Section, &str); 6] = [
    (Section::Header, "header"),
    (Section::Values, "values"),
    (Section::Formulas, "formulas"),
    (Section::Structure, "structure"),
    (Section::KeyFigures, "key_figures"),
    (Section::Changes, "changes"),
];

/// A section's heading in the user's language.
fn heading(section: Section) -> String {
    match section {
        Section::Header => crate::tr!("diff-section-header"),
        Section::Values => crate::tr!("diff-section-values"),
        Section::Formulas => crate::tr!("diff-section-formulas"),
        Section::Structure => crate::tr!("diff-section-structure"),
        Section::KeyFigures => crate::tr!("diff-section-key-figures"),
        Section::Changes => crate::tr!("diff-section-changes"),
    }
}

fn percent(p: Option<Decimal>) -> String {
    p.map(|p| format!(" ({}{} %)", if p > Decimal::ZERO { "+" } else { "" }, swedish(p, 2))).unwrap_or_default()
}

/// `+0,5 procentenheter`: the change of a value written in percent.
fn points(p: Decimal) -> String {
    let sign = if p > Decimal::ZERO { "+" } else { "" };
    crate::tr!("diff-points", points = format!("{sign}{}", crate::fmt::number(p)))
}

/// The change beside the new value: in percentage points for a percentage, else in per cent.
fn relative(e: &Entry) -> String {
    match e.points {
        Some(p) => format!(" ({})", points(p)),
        None => percent(e.percent),
    }
}

fn change_text(e: &Entry) -> String {
    match (&e.old, &e.new) {
        (None, Some(n)) => crate::tr!("diff-added", new = n.as_str()),
        (Some(o), None) if e.inherited => crate::tr!("diff-inherited", old = o.as_str()),
        (Some(o), None) => crate::tr!("diff-removed", old = o.as_str()),
        (Some(o), Some(n)) => format!("{o} → {n}{}", relative(e)),
        (None, None) => String::new(),
    }
}

fn title(d: &Diff) -> String {
    format!("{} ({}, version {}) → {} ({}, version {})", d.old.0, d.old.1, d.old.2, d.new.0, d.new.1, d.new.2)
}

/// Impact rows: id, old, new, difference, percent.
fn impact_rows(rows: &[Impact]) -> Vec<[String; 5]> {
    let mut out: Vec<[String; 5]> = rows.iter().map(|i| row(&i.id, i.old, i.new)).collect();
    let sum = |f: fn(&Impact) -> Option<Decimal>| rows.iter().filter_map(f).try_fold(Decimal::ZERO, |a, b| a.checked_add(b));
    out.push(row(&crate::tr!("diff-sum"), sum(|i| i.old), sum(|i| i.new)));
    out
}

/// The boards (nämnder) in order of first appearance, each with its totals before and after.
fn boards(rows: &[Impact]) -> Vec<(String, Option<Decimal>, Option<Decimal>)> {
    let mut order: Vec<&str> = vec![];
    for i in rows {
        if !order.contains(&i.board.as_str()) {
            order.push(&i.board);
        }
    }
    let sum = |b: &str, f: fn(&Impact) -> Option<Decimal>| {
        rows.iter().filter(|i| i.board == b).filter_map(f).try_fold(Decimal::ZERO, |a, x| a.checked_add(x))
    };
    order.into_iter().map(|b| (b.to_string(), sum(b, |i| i.old), sum(b, |i| i.new))).collect()
}

/// Board rows: board, old, new, difference, percent; then the total.
fn board_rows(rows: &[Impact]) -> Vec<[String; 5]> {
    let mut out: Vec<[String; 5]> = boards(rows).iter().map(|(b, o, n)| row(b, *o, *n)).collect();
    let sum = |f: fn(&Impact) -> Option<Decimal>| rows.iter().filter_map(f).try_fold(Decimal::ZERO, |a, b| a.checked_add(b));
    out.push(row(&crate::tr!("diff-sum"), sum(|i| i.old), sum(|i| i.new)));
    out
}

fn row(id: &str, old: Option<Decimal>, new: Option<Decimal>) -> [String; 5] {
    let kr = |d: Option<Decimal>| d.map(|d| swedish(d, 2)).unwrap_or_else(|| "–".into());
    let diff = new.unwrap_or_default().checked_sub(old.unwrap_or_default());
    let pct = old
        .filter(|o| !o.is_zero())
        .and_then(|o| diff?.checked_div(o)?.checked_mul(Decimal::ONE_HUNDRED))
        .map(|p| signed(p) + " %")
        .unwrap_or_else(|| "–".into());
    [id.to_string(), kr(old), kr(new), diff.map(signed).unwrap_or_else(|| "–".into()), pct]
}

/// An amount or percentage with its sign, `+` too: a change reads as one.
fn signed(d: Decimal) -> String {
    format!("{}{}", if d > Decimal::ZERO { "+" } else { "" }, swedish(d, 2))
}

/// A table in aligned columns, the first left-aligned, the others right-aligned.
fn text_table(out: &mut String, head: &[String; 5], rows: &[[String; 5]]) {
    let w: Vec<usize> = (0..5).map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0).max(head[i].chars().count())).collect();
    let line = |r: &[String]| {
        r.iter()
            .enumerate()
            .map(|(i, c)| if i == 0 { format!("{c:<w$}", w = w[i]) } else { format!("{c:>w$}", w = w[i]) })
            .collect::<Vec<_>>()
            .join("  ")
    };
    let _ = writeln!(out, "  {}", line(head));
    for r in rows {
        let _ = writeln!(out, "  {}", line(r));
    }
}

/// Plain text for the terminal: the impact first (per board, per assignment, in
/// total), then the changes of the rules that cause it.
pub fn text(d: &Diff) -> String {
    let verdict = if d.version.0 { crate::tr!("diff-ok") } else { crate::tr!("diff-warning") };
    let mut out = format!("diff {}\n{verdict}: {}\n", title(d), d.version.1);
    if let Some((rows, how)) = &d.impact {
        let _ = writeln!(out, "\n{}: {how}", crate::tr!("diff-impact-heading-text"));
        text_table(&mut out, &board_head(), &board_rows(rows));
        out.push('\n');
        text_table(&mut out, &head(), &impact_rows(rows));
        let _ = writeln!(out, "\n{}", crate::tr!("diff-rules-heading-text"));
    }
    if d.entries.is_empty() {
        let _ = writeln!(out, "\n{}", crate::tr!("diff-no-differences"));
    }
    for (section, _) in SECTIONS {
        let entries: Vec<&Entry> = d.entries.iter().filter(|e| e.section == section).collect();
        if entries.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", heading(section).to_uppercase());
        for e in entries {
            let _ = writeln!(out, "  {}: {}", e.subject, change_text(e));
        }
    }
    out
}

/// The board table's column heads.
fn board_head() -> [String; 5] {
    let [_, before, after, change, pct] = head();
    [crate::tr!("diff-column-board"), before, after, change, pct]
}

/// The impact table's column heads.
fn head() -> [String; 5] {
    [
        crate::tr!("diff-column-assignment"),
        crate::tr!("diff-column-before"),
        crate::tr!("diff-column-after"),
        crate::tr!("diff-column-change"),
        "%".into(),
    ]
}

/// Markdown, to paste into a board memo: the same order as the text.
pub fn markdown(d: &Diff) -> String {
    let mut out = format!("## {}: {}\n\n", crate::tr!("diff-md-title"), title(d));
    let _ = writeln!(out, "**Version:** {}\n", d.version.1);
    if let Some((rows, how)) = &d.impact {
        let title = crate::tr!("diff-impact-heading");
        let _ = writeln!(out, "### {title}\n\n{how}\n");
        for (head, rows) in [(board_head(), board_rows(rows)), (head(), impact_rows(rows))] {
            let _ = writeln!(out, "| {} |\n|---|---:|---:|---:|---:|", head.join(" | "));
            for r in rows {
                let _ = writeln!(out, "| {} |", r.join(" | "));
            }
            out.push('\n');
        }
        let _ = writeln!(out, "### {}\n", crate::tr!("diff-rules-heading"));
    }
    if d.entries.is_empty() {
        let _ = writeln!(out, "{}", crate::tr!("diff-md-no-differences"));
    }
    let [_, before, after, change, _] = head();
    for (section, _) in SECTIONS {
        let entries: Vec<&Entry> = d.entries.iter().filter(|e| e.section == section).collect();
        if entries.is_empty() {
            continue;
        }
        // Under the impact, the sections are parts of "the rule changes behind it".
        let level = if d.impact.is_some() { "####" } else { "###" };
        let _ = writeln!(out, "{level} {}\n\n| | {before} | {after} | {change} |\n|---|---|---|---|", heading(section));
        for e in entries {
            let cell = |s: &Option<String>| s.clone().unwrap_or_else(|| "–".into()).replace('|', "\\|");
            let new = match e.inherited {
                true => crate::tr!("diff-md-inherited"),
                false => cell(&e.new),
            };
            let _ = writeln!(out, "| `{}` | {} | {} | {} |", e.subject, cell(&e.old), new, relative(e).trim().trim_matches(['(', ')']));
        }
        out.push('\n');
    }
    out
}

/// JSON for machines: decimals as strings.
pub fn json(d: &Diff) -> String {
    let side = |s: &(String, i32, String)| json!({ "file": s.0, "year": s.1, "version": s.2 });
    let entries: Vec<serde_json::Value> = d
        .entries
        .iter()
        .map(|e| {
            let section = SECTIONS.iter().find(|s| s.0 == e.section).map(|s| s.1).unwrap_or("");
            let mut v = json!({ "section": section, "subject": e.subject, "old": e.old, "new": e.new, "percent": e.percent.map(|p| format!("{p:.2}")) });
            if let Some(p) = e.points {
                v["points"] = json!(p.to_string());
            }
            if e.inherited {
                v["inherited"] = json!(true);
            }
            v
        })
        .collect();
    let impact = d.impact.as_ref().map(|(rows, how)| {
        let money = |x: Option<Decimal>| x.map(|v| format!("{v:.2}"));
        let per_assignment: Vec<serde_json::Value> = rows.iter().map(|i| json!({ "id": i.id, "board": i.board, "old": money(i.old), "new": money(i.new), "change": money(i.new.unwrap_or_default().checked_sub(i.old.unwrap_or_default())) })).collect();
        let change = |o: Option<Decimal>, n: Option<Decimal>| money(n.unwrap_or_default().checked_sub(o.unwrap_or_default()));
        let boards: Vec<serde_json::Value> =
            boards(rows).into_iter().map(|(b, o, n)| json!({ "board": b, "old": money(o), "new": money(n), "change": change(o, n) })).collect();
        let sum = |f: fn(&Impact) -> Option<Decimal>| rows.iter().filter_map(f).try_fold(Decimal::ZERO, |a, b| a.checked_add(b));
        let (o, n) = (sum(|i| i.old), sum(|i| i.new));
        let total = json!({ "old": money(o), "new": money(n), "change": change(o, n) });
        json!({ "basis": how, "total": total, "boards": boards, "assignments": per_assignment })
    });
    let v = json!({ "old": side(&d.old), "new": side(&d.new), "version": { "fits": d.version.0, "reason": d.version.1 }, "entries": entries, "impact": impact });
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}
