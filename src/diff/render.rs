//! The diff as text, markdown (for a board memo) and JSON.

use super::{Diff, Entry, Impact, Section};
use crate::report::number::swedish;
use rust_decimal::Decimal;
use serde_json::json;
use std::fmt::Write as _;

const SECTIONS: [(Section, &str, &str); 6] = [
    (Section::Header, "Huvud", "header"),
    (Section::Values, "Parametrar och värden", "values"),
    (Section::Formulas, "Formler", "formulas"),
    (Section::Structure, "Uppdrag, delar och ID-koder", "structure"),
    (Section::KeyFigures, "Nyckeltal", "key_figures"),
    (Section::Changes, "Förändringar under året", "changes"),
];

fn percent(p: Option<Decimal>) -> String {
    p.map(|p| format!(" ({}{} %)", if p > Decimal::ZERO { "+" } else { "" }, swedish(p, 2))).unwrap_or_default()
}

fn change_text(e: &Entry) -> String {
    match (&e.old, &e.new) {
        (None, Some(n)) => format!("tillagt: {n}"),
        (Some(o), None) => format!("borttaget (var {o})"),
        (Some(o), Some(n)) => format!("{o} → {n}{}", percent(e.percent)),
        (None, None) => String::new(),
    }
}

fn title(d: &Diff) -> String {
    format!("{} ({}, version {}) → {} ({}, version {})", d.old.0, d.old.1, d.old.2, d.new.0, d.new.1, d.new.2)
}

/// Impact rows: id, old, new, difference, percent.
fn impact_rows(rows: &[Impact]) -> Vec<[String; 5]> {
    let mut out: Vec<[String; 5]> = rows.iter().map(|i| row(&i.id, i.old, i.new)).collect();
    let sum = |f: fn(&Impact) -> Option<Decimal>| rows.iter().filter_map(f).sum::<Decimal>();
    out.push(row("Summa", Some(sum(|i| i.old)), Some(sum(|i| i.new))));
    out
}

fn row(id: &str, old: Option<Decimal>, new: Option<Decimal>) -> [String; 5] {
    let kr = |d: Option<Decimal>| d.map(|d| swedish(d, 2)).unwrap_or_else(|| "–".into());
    let diff = new.unwrap_or_default() - old.unwrap_or_default();
    let pct = old.filter(|o| !o.is_zero()).map(|o| swedish(diff / o * Decimal::ONE_HUNDRED, 2) + " %").unwrap_or_else(|| "–".into());
    [id.to_string(), kr(old), kr(new), swedish(diff, 2), pct]
}

/// Plain text for the terminal.
pub fn text(d: &Diff) -> String {
    let mut out = format!("diff {}\n{} {}\n", title(d), if d.version.0 { "ok:" } else { "varning:" }, d.version.1);
    if d.entries.is_empty() {
        out += "\ninga skillnader i innehåll (endast layout eller kommentarer)\n";
    }
    for (section, name, _) in SECTIONS {
        let entries: Vec<&Entry> = d.entries.iter().filter(|e| e.section == section).collect();
        if entries.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", name.to_uppercase());
        for e in entries {
            let _ = writeln!(out, "  {}: {}", e.subject, change_text(e));
        }
    }
    if let Some((rows, how)) = &d.impact {
        let _ = writeln!(out, "\nEFFEKT PÅ ERSÄTTNINGEN (kr): {how}");
        let rows = impact_rows(rows);
        let w: Vec<usize> =
            (0..5).map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0).max(HEAD[i].chars().count())).collect();
        let line = |r: &[String]| {
            r.iter()
                .enumerate()
                .map(|(i, c)| if i == 0 { format!("{c:<w$}", w = w[i]) } else { format!("{c:>w$}", w = w[i]) })
                .collect::<Vec<_>>()
                .join("  ")
        };
        let _ = writeln!(out, "  {}", line(&HEAD.map(String::from)));
        for r in &rows {
            let _ = writeln!(out, "  {}", line(r));
        }
    }
    out
}

const HEAD: [&str; 5] = ["Uppdrag", "Före", "Efter", "Förändring", "%"];

/// Markdown, to paste into a board memo.
pub fn markdown(d: &Diff) -> String {
    let mut out = format!("## Ändringar i regelverket: {}\n\n", title(d));
    let _ = writeln!(out, "**Version:** {}\n", d.version.1);
    if d.entries.is_empty() {
        out += "Inga skillnader i innehåll (endast layout eller kommentarer).\n";
    }
    for (section, name, _) in SECTIONS {
        let entries: Vec<&Entry> = d.entries.iter().filter(|e| e.section == section).collect();
        if entries.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {name}\n\n| | Före | Efter | Förändring |\n|---|---|---|---|");
        for e in entries {
            let cell = |s: &Option<String>| s.clone().unwrap_or_else(|| "–".into()).replace('|', "\\|");
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} |",
                e.subject,
                cell(&e.old),
                cell(&e.new),
                percent(e.percent).trim().trim_matches(['(', ')'])
            );
        }
        out.push('\n');
    }
    if let Some((rows, how)) = &d.impact {
        let _ = writeln!(out, "### Effekt på ersättningen (kr)\n\n{how}\n\n| {} |\n|---|---:|---:|---:|---:|", HEAD.join(" | "));
        for r in impact_rows(rows) {
            let _ = writeln!(out, "| {} |", r.join(" | "));
        }
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
            let section = SECTIONS.iter().find(|s| s.0 == e.section).map(|s| s.2).unwrap_or("");
            json!({ "section": section, "subject": e.subject, "old": e.old, "new": e.new, "percent": e.percent.map(|p| format!("{p:.2}")) })
        })
        .collect();
    let impact = d.impact.as_ref().map(|(rows, how)| {
        let money = |x: Option<Decimal>| x.map(|v| format!("{v:.2}"));
        let rows: Vec<serde_json::Value> = rows.iter().map(|i| json!({ "id": i.id, "old": money(i.old), "new": money(i.new), "change": format!("{:.2}", i.new.unwrap_or_default() - i.old.unwrap_or_default()) })).collect();
        json!({ "basis": how, "assignments": rows })
    });
    let v = json!({ "old": side(&d.old), "new": side(&d.new), "version": { "fits": d.version.0, "reason": d.version.1 }, "entries": entries, "impact": impact });
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}
