//! The terminal report: aligned tables in Swedish number format.

use super::number::swedish;
use crate::eval::results::*;
use crate::i18n::Lang;
use crate::model::Target;
use rust_decimal::Decimal;
use std::fmt::Write as _;

use super::Labels as L;

/// A column alignment.
#[derive(Clone, Copy, PartialEq)]
enum Align {
    Left,
    Right,
}

/// Lays out rows under a header; numbers right-aligned.
fn table(out: &mut String, header: &[(&str, Align)], rows: &[Vec<String>]) {
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
    let _ = writeln!(out, "{}", line(header.iter().map(|h| h.0).collect()));
    let _ = writeln!(out, "{}", widths.iter().map(|w| "─".repeat(*w)).collect::<Vec<_>>().join("  "));
    for r in rows {
        let _ = writeln!(out, "{}", line(r.iter().map(String::as_str).collect()));
    }
    out.push('\n');
}

fn kr(d: Decimal) -> String {
    swedish(d, 2)
}

/// Renders the whole report.
pub fn render(r: &Report, lang: Lang) -> String {
    let l = L(lang);
    let mut out = String::new();
    heading(&mut out, r, &l);
    assignments(&mut out, r, &l);
    level1(&mut out, r, &l);
    transfers(&mut out, r, &l);
    key_figures(&mut out, r, &l);
    unmapped(&mut out, r, &l);
    provenance(&mut out, r, &l);
    out
}

fn heading(out: &mut String, r: &Report, l: &L) {
    let _ = writeln!(out, "{} {}, version {}", r.title, r.year, r.version);
    let period = match r.period {
        None => format!("{} {}", l.t("Helår", "Full year"), r.year),
        Some(m) => format!(
            "{} {}-01..{}-{m:02} {}",
            l.t("Ackumulerat", "Year to date"),
            r.year,
            r.year,
            l.t("med helårsprognos", "with full-year forecast")
        ),
    };
    let _ = writeln!(out, "{period}");
    for o in &r.provenance.overrides {
        let _ = writeln!(out, "{}: {o}", l.t("Vad händer om", "What-if"));
    }
    out.push('\n');
}

fn assignments(out: &mut String, r: &Report, l: &L) {
    let _ = writeln!(out, "{}", l.t("ERSÄTTNING OCH RESULTAT PER UPPDRAG (kr)", "COMPENSATION AND RESULT PER ASSIGNMENT (kr)"));
    let mut header = vec![
        (l.t("Uppdrag", "Assignment"), Align::Left),
        (l.t("Fast", "Fixed"), Align::Right),
        (l.t("Rörlig", "Variable"), Align::Right),
        (l.t("Förändringar", "Changes"), Align::Right),
        (l.t("Ersättning", "Compensation"), Align::Right),
        (l.t("Kostnad", "Cost"), Align::Right),
        (l.t("Resultat", "Result"), Align::Right),
    ];
    if r.period.is_some() {
        header.extend([
            (l.t("Prognos ersättning", "Forecast compensation"), Align::Right),
            (l.t("Prognos kostnad", "Forecast cost"), Align::Right),
            (l.t("Prognos resultat", "Forecast result"), Align::Right),
        ]);
    }
    let mut rows: Vec<Vec<String>> = r.assignments.iter().map(assignment_row).collect();
    rows.push(total_row(r, l));
    table(out, &header, &rows);
}

fn assignment_row(a: &AssignmentResult) -> Vec<String> {
    let c = &a.compensation;
    let mut row = vec![a.id.clone(), kr(c.fixed), kr(c.variable), kr(c.changes), kr(c.total), kr(a.cost), kr(a.result)];
    if let Some(f) = &a.forecast {
        row.extend([kr(f.compensation.total), kr(f.cost), kr(f.result)]);
    }
    row
}

fn total_row(r: &Report, l: &L) -> Vec<String> {
    let sum = |f: &dyn Fn(&AssignmentResult) -> Decimal| kr(r.assignments.iter().map(f).sum());
    let mut row = vec![
        l.t("Summa", "Total").to_string(),
        sum(&|a| a.compensation.fixed),
        sum(&|a| a.compensation.variable),
        sum(&|a| a.compensation.changes),
        sum(&|a| a.compensation.total),
        sum(&|a| a.cost),
        sum(&|a| a.result),
    ];
    if r.period.is_some() {
        let f = |g: &dyn Fn(&Forecast) -> Decimal| kr(r.assignments.iter().filter_map(|a| a.forecast.as_ref()).map(g).sum());
        row.extend([f(&|x| x.compensation.total), f(&|x| x.cost), f(&|x| x.result)]);
    }
    row
}

fn level1(out: &mut String, r: &Report, l: &L) {
    let _ = writeln!(out, "{}", l.t("NIVÅ 1: KOSTNAD PER VÅRDFORM (kr)", "LEVEL 1: COST PER CARE FORM (kr)"));
    let header = [
        (l.t("Nämnd", "Board"), Align::Left),
        (l.t("Vårdform", "Care form"), Align::Left),
        (l.t("Ersättning", "Compensation"), Align::Right),
        (l.t("Kostnad", "Cost"), Align::Right),
        (l.t("Resultat", "Result"), Align::Right),
    ];
    let rows: Vec<Vec<String>> =
        r.level1.iter().map(|x| vec![x.board.0.clone(), x.care_form.1.clone(), kr(x.compensation), kr(x.cost), kr(x.result)]).collect();
    table(out, &header, &rows);
}

fn transfers(out: &mut String, r: &Report, l: &L) {
    let _ = writeln!(out, "{}", l.t("MÅNATLIGA ÖVERFÖRINGAR, ALLA UPPDRAG (kr)", "MONTHLY TRANSFERS, ALL ASSIGNMENTS (kr)"));
    let header = [
        (l.t("Period", "Period"), Align::Left),
        (l.t("Fast", "Fixed"), Align::Right),
        (l.t("Rörlig", "Variable"), Align::Right),
        (l.t("Förändringar", "Changes"), Align::Right),
        (l.t("Summa", "Total"), Align::Right),
    ];
    let months = r.assignments.first().map(|a| a.months.len()).unwrap_or(0);
    let rows: Vec<Vec<String>> = (0..months)
        .map(|i| {
            let lines: Vec<&Compensation> = r.assignments.iter().filter_map(|a| a.months.get(i)).map(|m| &m.amounts).collect();
            let s = |f: fn(&Compensation) -> Decimal| kr(lines.iter().map(|c| f(c)).sum());
            vec![format!("{}-{:02}", r.year, i + 1), s(|c| c.fixed), s(|c| c.variable), s(|c| c.changes), s(|c| c.total)]
        })
        .collect();
    table(out, &header, &rows);
}

fn key_figures(out: &mut String, r: &Report, l: &L) {
    let _ = writeln!(out, "{}", l.t("NYCKELTAL", "KEY FIGURES"));
    let header = [
        (l.t("Uppdrag", "Assignment"), Align::Left),
        (l.t("Nyckeltal", "Key figure"), Align::Left),
        (l.t("Period", "Period"), Align::Left),
        (l.t("Värde", "Value"), Align::Right),
        (l.t("Enhet", "Unit"), Align::Left),
        (l.t("Mål", "Target"), Align::Left),
        (l.t("Status", "Status"), Align::Left),
        (l.t("Not", "Note"), Align::Left),
    ];
    let rows: Vec<Vec<String>> = r
        .assignments
        .iter()
        .flat_map(|a| a.key_figures.iter().map(move |k| (a, k)))
        .map(|(a, k)| {
            vec![
                a.id.clone(),
                k.id.clone(),
                k.period.clone(),
                k.value.map(|v| swedish(v, 2)).unwrap_or_else(|| "i.u.".into()),
                k.unit.clone(),
                target_text(k.target, &k.unit),
                l.status(k.status).into(),
                k.note.clone().unwrap_or_default(),
            ]
        })
        .collect();
    table(out, &header, &rows);
}

/// A target as written: `>= 95 %`.
pub fn target_text(t: Option<Target>, unit: &str) -> String {
    let q = |d: Decimal| format!("{} {unit}", swedish(d.normalize(), d.normalize().scale())).trim_end().to_string();
    match t {
        None => String::new(),
        Some(Target::AtLeast(x)) => format!(">= {}", q(x)),
        Some(Target::AtMost(x)) => format!("<= {}", q(x)),
        Some(Target::Between(a, b)) => format!("{} .. {}", q(a), q(b)),
    }
}

fn unmapped(out: &mut String, r: &Report, l: &L) {
    let u = &r.unmapped;
    let _ = writeln!(
        out,
        "{}: {} {}, {} {} kr",
        l.t("EJ MAPPADE KONTERINGAR", "UNMAPPED POSTINGS"),
        u.count,
        l.t("st", "postings"),
        l.t("summa", "sum"),
        kr(u.sum)
    );
    for (code, n, sum) in &u.codes {
        let _ = writeln!(out, "  {code}: {n} {}, {} kr", l.t("st", "postings"), kr(*sum));
    }
    out.push('\n');
}

fn provenance(out: &mut String, r: &Report, l: &L) {
    let p = &r.provenance;
    let _ = writeln!(out, "{}: {}", l.t("Framtagen med", "Produced by"), p.engine);
    for (file, version, sha) in &p.rules {
        let _ = writeln!(out, "{}: {file} (version {version}, sha256 {sha})", l.t("Regler", "Rules"));
    }
    if let Some((file, sha)) = &p.input {
        let _ = writeln!(out, "{}: {file} (sha256 {sha})", l.t("Indata", "Input"));
    }
    if let Some((file, sha)) = &p.previous_input {
        let _ = writeln!(out, "{}: {file} (sha256 {sha})", l.t("Föregående års indata", "Previous year's input"));
    }
}
