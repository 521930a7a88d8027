//! `ekostyr init YEAR --from RULES`: next year's file, building on this year's.
//!
//! The new file keeps the hierarchy, parts, ID codes, measures and key figures;
//! every value that needs no inputs (prices, fixed amounts, standard costs) is read
//! from the old file with `föregående.*` and indexed; the index and an efficiency
//! requirement are parameters marked `REVIDERA` for the owner to set. Formulas that
//! read inputs are kept as they are. Mid-year changes and expectations are not
//! carried over. The new version is the next whole number.

use crate::error::Error;
use crate::eval::Scope;
use crate::fmt::expression;
use crate::model::{AssignmentId, Model, ParamValue};
use crate::syntax::ast::{self, AssignmentItem, ExprKind, Item};
use crate::units::Unit;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const INDEX: &str = "(1 + prisindex) * (1 - effektiviseringskrav)";

/// Next year's rule file: where it goes and its text.
#[derive(Debug, Clone)]
pub struct NewYear {
    /// `<dir of the old file>/<year>.ek`
    pub path: PathBuf,
    /// The formatted text.
    pub text: String,
}

/// Builds next year's file from the rule file `from` (checked), for `year`.
/// It is for the caller to write (never over an existing file).
pub fn next_year(from: &Path, year: i32) -> Result<NewYear, Error> {
    let old = crate::session::rules(from)?.model;
    if year <= old.header.year {
        let (old_year, file) = (old.header.year.to_string(), from.display().to_string());
        return Err(Error::Usage(crate::tr!("init-year-not-after", year = year.to_string(), old_year = old_year, file = file)));
    }
    let dir = from.parent().unwrap_or(Path::new(""));
    let path = dir.join(format!("{year}.ek"));
    if path.exists() {
        return Err(Error::Usage(crate::tr!("init-exists", file = path.display().to_string())));
    }
    let file = crate::syntax::parse(&old.source).map_err(|d| Error::Rules(d.render(&old.source)))?;
    let text = render(&old, &file, year, &file_name(from));
    let source = crate::source::SourceFile::new(path.display().to_string(), text);
    let text = crate::fmt::format_source(&source).map_err(|d| Error::Rules(d.render(&source)))?;
    Ok(NewYear { path, text })
}

fn file_name(p: &Path) -> String {
    p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn render(old: &Model, file: &ast::File, year: i32, from: &str) -> String {
    let h = &old.header;
    let next = crate::vocab::Version::parse(&h.version).and_then(crate::vocab::Version::next_year);
    let major = next.map_or(1, |v| v.whole);
    let mut out = format!("# Ekonomistyrning för verksamhetsuppdrag {year}, skapad med `ekostyr init` från {from}.\n");
    out += "# Värden som ska revideras är märkta; `ekostyr check` listar dem. Dokumentägarna sätter dem innan nämnden beslutar.\n\n";
    let _ = writeln!(out, "regelverk \"{}\"\når {year}\nversion {major}.0\nbygger_på \"{from}\"", h.title);
    let owners: Vec<String> = h.owners.iter().map(|o| format!("\"{o}\"")).collect();
    let _ = writeln!(out, "dokumentägare {}", owners.join(", "));
    // Last year's decisions are not this year's: one line per board to fill in.
    let boards = decision_boards(old);
    if boards.is_empty() {
        let _ = writeln!(out, "# REVIDERA: beslut \"nämnd\" ÅÅÅÅ-MM-DD dnr \"…\" när beslutet är fattat");
    }
    for board in boards {
        let _ = writeln!(out, "# REVIDERA: beslut \"{board}\" ÅÅÅÅ-MM-DD dnr \"…\" avser \"Verksamhetsuppdrag och ersättning {year}\"");
    }
    out.push('\n');
    for item in &file.items {
        if let Item::Measure(m) = item {
            let _ = writeln!(out, "{}", old.source.slice(m.span));
        }
    }
    let _ = writeln!(out, "\nparameter prisindex: % = 0 %  # REVIDERA: KS-fastställd vägd prisindex för {year}");
    let _ = writeln!(out, "parameter effektiviseringskrav: % = 0 %  # REVIDERA: eventuellt effektiviseringskrav för {year}");
    for p in old.params.iter().filter(|p| !is_indexed(p.unit) && p.name != "prisindex" && p.name != "effektiviseringskrav") {
        out += &leading_comments(&old.source.text, p.span.start);
        let _ = writeln!(out, "{}  # oförändrad från {}", old.source.slice(p.span), h.year);
    }
    // Globals the old file read from its own previous year (`föregående.andel_fast`)
    // stay named parameters, with the value they had, rather than turning into bare numbers.
    if let Some(prev) = old.previous.as_deref() {
        for p in inherited(old) {
            out += &leading_comments(&prev.source.text, p.span.start);
            let _ = writeln!(out, "{}  # från {} (läst med föregående i {})", prev.source.slice(p.span), prev.header.year, h.year);
        }
    }
    for item in &file.items {
        if let Item::Board(b) = item {
            board(&mut out, old, b);
        }
    }
    // Units outside the steering model stay outside it: their postings must not turn unmapped.
    for item in &file.items {
        if let Item::OutOfScope(o) = item {
            let _ = writeln!(out, "{}", old.source.slice(o.span));
        }
    }
    out
}

/// A part whose months (`från`/`till`) were last year's: copied without them, with a
/// line saying so, since last year's months are not in the new year.
fn part_without_validity(out: &mut String, old: &Model, p: &ast::Part) {
    let (Some(v), text) = (&p.validity, old.source.slice(p.span)) else { return };
    let (from, to) = (v.span.start.saturating_sub(p.span.start), v.span.end.saturating_sub(p.span.start));
    let (Some(before), Some(after)) = (text.get(..from), text.get(to..)) else {
        let _ = writeln!(out, "{text}");
        return;
    };
    let months = text.get(from..to).unwrap_or_default();
    let _ = writeln!(out, "# REVIDERA: delen `{}` gällde {months} under {}", p.id.name, old.header.year);
    let _ = writeln!(out, "{}{}", before.trim_end(), after);
}

/// The boards that decided last year's rules, once each, in order.
fn decision_boards(old: &Model) -> Vec<String> {
    let mut boards: Vec<String> = vec![];
    for d in &old.header.decisions {
        if !boards.contains(&d.board) {
            boards.push(d.board.clone());
        }
    }
    boards
}

/// Money, or money per something: indexed by the price index.
fn is_indexed(u: Unit) -> bool {
    let s = u.to_string();
    s == "kr" || s.starts_with("kr/")
}

fn board(out: &mut String, old: &Model, b: &ast::Board) {
    let _ = writeln!(out, "\nnämnd {} \"{}\" {{", b.id.name, b.name.value);
    for f in &b.care_forms {
        let _ = writeln!(out, "vårdform {} \"{}\" {{", f.id.name, f.name.value);
        for a in &f.assignments {
            assignment(out, old, a);
        }
        out.push_str("}\n");
    }
    out.push_str("}\n");
}

fn assignment(out: &mut String, old: &Model, a: &ast::Assignment) {
    out.push_str(&leading_comments(&old.source.text, a.span.start));
    let _ = writeln!(out, "uppdrag {} \"{}\" {{", a.id.name, a.name.value);
    let Some((ai, _)) = old.assignment(&a.id.name) else { return };
    for item in &a.items {
        if !matches!(item, AssignmentItem::Change(_)) {
            out.push_str(&leading_comments(&old.source.text, item.span().start));
        }
        match item {
            AssignmentItem::Part(p) if p.validity.is_some() => part_without_validity(out, old, p),
            AssignmentItem::Source(_)
            | AssignmentItem::Part(_)
            | AssignmentItem::Activities(..)
            | AssignmentItem::Ids(..)
            | AssignmentItem::Komplement(..) => {
                let _ = writeln!(out, "{}", old.source.slice(item.span()));
            }
            AssignmentItem::Parameter(p) => parameter(out, old, ai, p),
            AssignmentItem::Let(l) => binding(out, old, ai, &l.name.name, &l.expr),
            AssignmentItem::Compensation(c) => compensation(out, old, ai, c),
            AssignmentItem::KeyFigure(k) => {
                let _ = writeln!(out, "{}", rewrite_block(old, old.source.slice(k.span), k));
            }
            AssignmentItem::Change(c) => change_for_owners(out, old, c),
        }
    }
    out.push_str("}\n");
}

fn parameter(out: &mut String, old: &Model, ai: AssignmentId, p: &ast::Parameter) {
    let Some(param) = old.assignments[ai].params.iter().find(|x| x.name == p.name.name) else { return };
    if is_indexed(param.unit) {
        let _ = writeln!(out, "låt {} = föregående.{} * {INDEX}", p.name.name, p.name.name);
    } else {
        let _ = writeln!(out, "{}", old.source.slice(p.span));
    }
}

/// A `låt` that needs no inputs and is money is indexed; others are kept.
fn binding(out: &mut String, old: &Model, ai: AssignmentId, name: &str, e: &ast::Expr) {
    let Some(l) = old.assignments[ai].lets.iter().find(|l| l.name == name) else { return };
    let parts = old.assignments[ai].part_scopes(l.per_part);
    let constant = parts.iter().all(|p| {
        Scope { model: old, data: None, previous_data: None, a: Some(ai), part: *p, months: (1, 12) }.num(&l.formula.expr).is_ok()
    });
    if constant && is_indexed(l.formula.unit) {
        let _ = writeln!(out, "låt {name} = föregående.{name} * {INDEX}");
    } else {
        let _ = writeln!(out, "låt {name} = {}", expression(&rewrite(old, e)));
    }
}

fn compensation(out: &mut String, old: &Model, ai: AssignmentId, c: &ast::Compensation) {
    let fixed = c.kind == ast::CompensationKind::Fixed;
    let constant = fixed
        && Scope { model: old, data: None, previous_data: None, a: Some(ai), part: None, months: (1, 12) }
            .compensation(ai, crate::model::CompKind::Fixed, c.span)
            .is_ok();
    let kind = if fixed { crate::vocab::Figure::Fixed } else { crate::vocab::Figure::Variable };
    match constant {
        true => {
            let _ = writeln!(out, "ersättning fast = föregående.fast * {INDEX}");
        }
        false => {
            let _ = writeln!(out, "ersättning {kind} = {}", expression(&rewrite(old, &c.expr)));
        }
    }
}

/// Rewrites `föregående.x` (a value of the year before the old file) into the
/// literal value the old file saw, so the new file does not reach two years back.
fn rewrite(old: &Model, e: &ast::Expr) -> ast::Expr {
    let mut e = e.clone();
    walk(old, &mut e);
    e
}

fn walk(old: &Model, e: &mut ast::Expr) {
    match &mut e.kind {
        ExprKind::Previous(path) => {
            if path.first().is_some_and(|f| inherited(old).iter().any(|p| p.name == f.name)) {
                e.kind = ExprKind::Ref(path.clone());
            } else if let Some(q) = previous_literal(old, path) {
                e.kind = ExprKind::Number(q);
            }
        }
        ExprKind::Unary(_, x) | ExprKind::Sum(x) => walk(old, x),
        ExprKind::Binary(_, l, r) => {
            walk(old, l);
            walk(old, r);
        }
        ExprKind::Call(_, args) => args.iter_mut().for_each(|a| walk(old, a)),
        ExprKind::If(c, t, f) => [c, t, f].into_iter().for_each(|x| walk(old, x)),
        ExprKind::Number(_) | ExprKind::Ref(_) => {}
    }
}

/// The literal of a global scalar or keyed-table entry of the old file's previous year.
fn previous_literal(old: &Model, path: &[ast::Ident]) -> Option<ast::Quantity> {
    let prev = old.previous.as_deref()?;
    let first = path.first()?;
    let p = prev.params.iter().find(|p| p.name == first.name)?;
    let value = match (&p.value, path.get(1)) {
        (ParamValue::Scalar(v), None) => *v,
        (ParamValue::Keyed(vs), Some(k)) => vs.iter().find(|(name, _)| *name == k.name)?.1,
        _ => return None,
    };
    let text = format!("{} {}", value.normalize(), p.unit.written()).trim_end().to_string();
    crate::syntax::parse_quantity(&text.replace('.', ",")).ok()
}

/// A key figure block as written, with its formula's `föregående.*` rewritten.
fn rewrite_block(old: &Model, text: &str, k: &ast::KeyFigure) -> String {
    let mut text = text.to_string();
    for item in &k.items {
        if let ast::KeyFigureItem::Value(e, span) = item {
            let written = old.source.slice(*span);
            text = text.replacen(written, &format!("värde = {}", expression(&rewrite(old, e))), 1);
        }
    }
    text
}

/// A mid-year change of the old year, for the owners to decide on: a `REVIDERA`
/// line and the change as it was written, commented out.
fn change_for_owners(out: &mut String, old: &Model, c: &ast::Change) {
    let year = old.header.year;
    let _ = writeln!(out, "# REVIDERA: förändringen `{}` gällde under {year} och förs inte över; ska den gälla även nästa år?", c.id.name);
    let text = &old.source.text;
    let indent = c.span.start - text.get(..c.span.start).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
    for line in leading_comments(text, c.span.start).lines().chain(old.source.slice(c.span).lines()) {
        let line = line.strip_prefix(&" ".repeat(indent)).unwrap_or(line.trim_start());
        let line = line.trim_start().strip_prefix('#').map_or(line, str::trim_start).trim_end();
        let _ = writeln!(out, "# | {line}");
    }
}

/// The whole-line comments directly above the line where `start` lies, as written.
fn leading_comments(text: &str, start: usize) -> String {
    let line_start = text.get(..start).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
    let mut lines: Vec<&str> = vec![];
    for line in text.get(..line_start).unwrap_or_default().lines().rev() {
        if !line.trim_start().starts_with('#') {
            break;
        }
        lines.push(line.trim());
    }
    lines.iter().rev().map(|l| format!("{l}\n")).collect()
}

/// The global parameters of the old file's previous year that the old file reads
/// through `föregående.name` and does not declare itself.
fn inherited(old: &Model) -> Vec<&crate::model::Param> {
    let Some(prev) = old.previous.as_deref() else { return vec![] };
    prev.params
        .iter()
        .filter(|p| !old.params.iter().any(|o| o.name == p.name) && p.name != "prisindex" && p.name != "effektiviseringskrav")
        .filter(|p| reads_previous(&old.source.text, &p.name))
        .collect()
}

/// Whether `text` has `föregående.name` (the whole name).
fn reads_previous(text: &str, name: &str) -> bool {
    let needle = format!("föregående.{name}");
    text.match_indices(&needle).any(|(i, _)| {
        let after = text.get(i + needle.len()..).and_then(|t| t.chars().next());
        !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}
