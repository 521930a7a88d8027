//! Hover and go-to-definition in the editor: the name at a line and column of the
//! unsaved text, looked up in the checked model (and, behind `föregående.`, in last
//! year's), with its unit, its value and where it is defined.

use super::evaluate::session;
use super::{Reply, Workbench};
use crate::model::{Assignment, Model, ParamValue};
use crate::source::Span;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde_json::{Value, json};

/// `POST /api/hover` and `/api/definition`'s body.
#[derive(Debug, Deserialize)]
pub(super) struct At {
    path: String,
    text: String,
    line: usize,
    col: usize,
    input: Option<String>,
    period: Option<String>,
}

/// What a name denotes.
enum Found<'a> {
    Param(&'a crate::model::Param),
    Let(&'a crate::model::Let, &'a Assignment),
    Measure(&'a crate::model::Measure),
    Assignment(&'a Assignment),
    KeyFigure(&'a crate::model::KeyFigure),
}

/// The word at 1-based `line` and character `col` (or just before it), its byte
/// offset, and whether `föregående.` is written before it.
fn word_at(text: &str, line: usize, col: usize) -> Option<(String, usize, bool)> {
    let start_of_line: usize = text.split_inclusive('\n').take(line.checked_sub(1)?).map(str::len).sum();
    let line_text = text[start_of_line..].split('\n').next()?;
    let chars: Vec<(usize, char)> = line_text.char_indices().collect();
    let is_name = |c: char| c.is_alphanumeric() || c == '_';
    let at = col.checked_sub(1)?;
    let at = match chars.get(at) {
        Some((_, c)) if is_name(*c) => at,
        _ if at > 0 && chars.get(at - 1).is_some_and(|(_, c)| is_name(*c)) => at - 1,
        _ => return None,
    };
    let first = (0..=at).rev().take_while(|i| is_name(chars[*i].1)).last()?;
    let last = (at..chars.len()).take_while(|i| is_name(chars[*i].1)).last()?;
    let begin = chars[first].0;
    let end = chars.get(last + 1).map_or(line_text.len(), |(i, _)| *i);
    let word = line_text[begin..end].to_string();
    if word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let previous = line_text[..begin].ends_with("föregående.");
    Some((word, start_of_line + begin, previous))
}

/// The assignment whose block holds `offset`.
fn enclosing(model: &Model, offset: usize) -> Option<&Assignment> {
    model.assignments.iter().find(|a| a.span.start <= offset && offset < a.span.end)
}

/// What `name` denotes in `model`, looked up first in `within`'s own names.
fn lookup<'a>(model: &'a Model, within: Option<&'a Assignment>, name: &str) -> Option<Found<'a>> {
    let local = within.into_iter().chain(model.assignments.iter());
    for a in local {
        if let Some(p) = a.params.iter().find(|p| p.name == name) {
            return Some(Found::Param(p));
        }
        if let Some(l) = a.lets.iter().find(|l| l.name == name) {
            return Some(Found::Let(l, a));
        }
        if let Some(k) = a.key_figures.iter().find(|k| k.id == name) {
            return Some(Found::KeyFigure(k));
        }
        // Past the enclosing assignment only global names count.
        if within.is_some() {
            break;
        }
    }
    if let Some(p) = model.params.iter().find(|p| p.name == name) {
        return Some(Found::Param(p));
    }
    if let Some((_, m)) = model.measure(name) {
        return Some(Found::Measure(m));
    }
    model.assignment(name).map(|(_, a)| Found::Assignment(a))
}

/// The checked model of the request's text (none when it has errors), and the name there.
fn resolve(wb: &Workbench, req: &At) -> Result<Option<(Model, String, usize, bool)>, super::ApiError> {
    let Some((word, offset, previous)) = word_at(&req.text, req.line, req.col) else { return Ok(None) };
    let (_, checked) = super::api::check_text(wb, &req.path, req.text.clone())?;
    Ok(checked.model.map(|m| (m, word, offset, previous)))
}

/// Where `found` is written: its source's name, line and column (a `låt` by its first `låt NAME`).
fn place(model: &Model, found: &Found<'_>) -> (usize, usize) {
    let span = match found {
        Found::Param(p) => p.span,
        Found::Measure(m) => m.span,
        Found::Assignment(a) => a.span,
        Found::KeyFigure(k) => k.span,
        Found::Let(l, a) => {
            let text = model.source.slice(a.span);
            let at = text.find(&format!("låt {}", l.name)).map_or(0, |i| i + "låt ".len());
            Span::new(a.span.start + at, a.span.start + at)
        }
    };
    model.source.line_col(span.start)
}

/// The model a name is in: last year's behind `föregående.`.
fn scope(model: &Model, previous: bool) -> Option<&Model> {
    if previous { model.previous.as_deref() } else { Some(model) }
}

/// `POST /api/hover`: the name's kind, unit, value (a parameter's as written, an
/// assignment's compensation on the workbook) and line, or `null`.
pub(super) fn hover(wb: &Workbench, req: At) -> Reply {
    let Some((model, word, offset, previous)) = resolve(wb, &req)? else { return Ok(Value::Null) };
    let Some(m) = scope(&model, previous) else { return Ok(Value::Null) };
    let within = if previous { None } else { enclosing(m, offset) };
    let Some(found) = lookup(m, within, &word) else { return Ok(Value::Null) };
    let (kind, unit, value) = match &found {
        Found::Param(p) => ("parameter", if percent(m, p) { "%".to_string() } else { p.unit.to_string() }, Some(param_value(m, p))),
        Found::Let(l, _) => ("låt", l.formula.unit.to_string(), None),
        Found::Measure(x) => ("mått", x.unit.to_string(), None),
        Found::KeyFigure(k) => ("nyckeltal", k.formula.unit.to_string(), None),
        Found::Assignment(a) => ("uppdrag", "kr".to_string(), compensation(wb, &req, &a.id)),
    };
    let mut body = json!({ "name": word, "kind": if previous { "föregående" } else { kind }, "unit": unit });
    if let Some(map) = body.as_object_mut() {
        if let Some(v) = value {
            map.insert("value".into(), json!(v));
        }
        if !previous {
            map.insert("line".into(), json!(place(m, &found).0));
        }
    }
    Ok(body)
}

/// Whether a parameter is written in per cent (`2,9 %`: no unit, a `%` in its text).
fn percent(m: &Model, p: &crate::model::Param) -> bool {
    p.unit.is_none() && m.source.slice(p.span).contains('%')
}

/// A parameter's value as written, in Swedish: `2,9 %`, `480 kr/timme`, or per part `nordväst 480; …`.
fn param_value(m: &Model, p: &crate::model::Param) -> String {
    let percent = percent(m, p);
    let show = |v: Decimal| match v.checked_mul(Decimal::ONE_HUNDRED) {
        Some(x) if percent => format!("{} %", crate::number::swedish(x, x.normalize().scale())),
        _ => format!("{} {}", crate::number::swedish(v, v.normalize().scale()), p.unit).trim_end().to_string(),
    };
    match &p.value {
        ParamValue::Scalar(v) => show(*v),
        ParamValue::PerPart(values) => values.iter().map(|v| show(*v)).collect::<Vec<_>>().join("; "),
        ParamValue::Keyed(entries) => entries.iter().map(|(k, v)| format!("{k} {}", show(*v))).collect::<Vec<_>>().join("; "),
    }
}

/// An assignment's compensation on the request's workbook (the saved rules), when it evaluates.
fn compensation(wb: &Workbench, req: &At, id: &str) -> Option<String> {
    let (s, _) = session(wb, &req.path, req.input.as_deref(), req.period.clone()).ok()?;
    let report = s.evaluate(&mut |_| {}).ok()?;
    let a = report.assignments.iter().find(|a| a.id == id)?;
    Some(format!("{} kr", crate::number::swedish(a.compensation.total, 2)))
}

/// `POST /api/definition`: where the name is defined (`föregående.x` and names only
/// last year's file has: there), or `null`.
pub(super) fn definition(wb: &Workbench, req: At) -> Reply {
    let Some((model, word, offset, previous)) = resolve(wb, &req)? else { return Ok(Value::Null) };
    let here = if previous { None } else { lookup(&model, enclosing(&model, offset), &word).map(|f| (&model, f)) };
    let found = here.or_else(|| {
        let last = model.previous.as_deref()?;
        lookup(last, None, &word).map(|f| (last, f))
    });
    let Some((m, found)) = found else { return Ok(Value::Null) };
    let (line, col) = place(m, &found);
    let path = if std::ptr::eq(m, &model) { req.path.clone() } else { m.source.name.replace(&wb.root_prefix(), "") };
    Ok(json!({ "path": path, "line": line, "col": col }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_under_the_cursor() {
        let text = "år 2024\n  låt x = föregående.timpris_hsl * (1 + prisindex)\n";
        assert_eq!(word_at(text, 2, 30).map(|w| (w.0, w.2)), Some(("timpris_hsl".to_string(), true)));
        assert_eq!(word_at(text, 2, 47).map(|w| (w.0, w.2)), Some(("prisindex".to_string(), false)));
        // Just after the word still counts; a space, a number or a line past the end do not.
        assert_eq!(word_at(text, 2, 8).map(|w| w.0), Some("x".to_string()));
        assert_eq!(word_at(text, 1, 4), None);
        assert_eq!(word_at(text, 9, 1), None);
        let (_, offset, _) = word_at(text, 2, 47).expect("a word");
        assert!(text[offset..].starts_with("prisindex"));
    }
}
