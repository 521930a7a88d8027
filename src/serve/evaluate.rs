//! The endpoints that evaluate rules on a workbook: the board report (`/api/run`),
//! a figure's derivation (`/api/explain`), what-ifs (`/api/whatif`) and the budget
//! bridge (`/api/budget`). Each builds the same [`Session`] the command line does.

use super::api::{read_rules, rule_model};
use super::{ApiError, Reply, Workbench, paths};
use crate::error::Error;
use crate::i18n::Lang;
use crate::report::board::{self, BoardOptions};
use crate::report::number::AmountUnit;
use crate::session::Session;
use serde::Deserialize;
use serde_json::{Value, json};
use std::path::Path;

/// An engine error as an API error: 422 with the message, and where when it has a place.
pub(super) fn engine(e: Error) -> ApiError {
    match e {
        Error::Eval { diagnostic, source } => {
            let (line, col) = source.line_col(diagnostic.span.start);
            ApiError::unprocessable(diagnostic.message.clone()).at(format!("{}:{line}:{col}", source.name))
        }
        Error::Input(input) => {
            let first = input.problems.kept().first().map(|p| super::api::problem(&p.message()));
            let error = ApiError::unprocessable(input.to_string());
            match first {
                Some(p) if !p.0.is_empty() => error.at(p.0),
                _ => error,
            }
        }
        other => ApiError::unprocessable(other.to_string()),
    }
}

/// The session over the rule file `path` and the workbook `input` (default: `--input`),
/// both relative to the root, for `period`; names in its provenance are as given.
pub(super) fn session(wb: &Workbench, path: &str, input: Option<&str>, period: Option<String>) -> Result<(Session, Vec<String>), ApiError> {
    let file = paths::existing(&wb.root, path).and_then(|_| paths::rule_file(&wb.root, path))?;
    let (model, warnings) = rule_model(wb, path, read_rules(&file, path)?)?;
    let input =
        input.filter(|i| !i.is_empty()).or(wb.input.as_deref()).ok_or_else(|| ApiError::bad_request(crate::tr!("serve-no-input")))?;
    let workbook = paths::existing(&wb.root, input)?;
    let mut s = Session::new(model, Path::new(path), &workbook);
    s.input_name = input.to_string();
    s.period = period.filter(|p| !p.is_empty());
    Ok((s, warnings.into_iter().collect()))
}

/// `lang` as asked, else the server's.
fn lang(asked: Option<&str>) -> Lang {
    match asked {
        Some("en") => Lang::En,
        Some("sv") => Lang::Sv,
        _ => crate::i18n::lang(),
    }
}

/// `POST /api/run`'s body.
#[derive(Debug, Deserialize)]
pub(super) struct Run {
    path: String,
    input: Option<String>,
    period: Option<String>,
    #[serde(rename = "nämnd")]
    board: Option<String>,
    lang: Option<String>,
    enhet: Option<String>,
}

/// `POST /api/run`: the board report's content, every figure cell naming its explain target.
pub(super) fn run(wb: &Workbench, req: Run) -> Reply {
    let (s, mut notes) = session(wb, &req.path, req.input.as_deref(), req.period.clone())?;
    let (report, skipped) = s.evaluate_counting_skipped(&mut |_| {}).map_err(engine)?;
    notes.extend(s.skipped_note(&skipped));
    let mut found = crate::eval::whatif::prices_outside_band(&s.model);
    found.extend(crate::eval::whatif::implausible_key_figures(&s.model, &report));
    if !found.is_empty() {
        notes.push(crate::diagnostic::Diagnostics(found).render(&s.model.source));
    }
    let unit = match req.enhet.as_deref() {
        Some("kr") => AmountUnit::Kr,
        Some("mnkr") => AmountUnit::Mnkr,
        _ => AmountUnit::Tkr,
    };
    let options = BoardOptions { lang: lang(req.lang.as_deref()), unit, board: req.board.filter(|b| !b.is_empty()) };
    let mut doc = board::build(&report, &options).map_err(ApiError::unprocessable)?;
    doc.explain = true;
    let boards: Vec<Value> = report.boards().into_iter().map(|(id, name)| json!({ "id": id, "name": name })).collect();
    Ok(json!({
        "html": board::html::render_content(&doc).replace(&wb.root_prefix(), ""),
        "css": board::html::css(),
        "boards": boards,
        "period": s.period,
        "notes": notes,
    }))
}

/// `POST /api/explain`'s body.
#[derive(Debug, Deserialize)]
pub(super) struct Explain {
    path: String,
    input: Option<String>,
    period: Option<String>,
    target: String,
}

/// `POST /api/explain`: the derivation tree, each node with its rule file's line or its cell.
pub(super) fn explain(wb: &Workbench, req: Explain) -> Reply {
    let (s, _) = session(wb, &req.path, req.input.as_deref(), req.period)?;
    let (nodes, _) = crate::explain::explain_session(&s, &req.target, &mut |_| {}).map_err(engine)?;
    let mut nodes = serde_json::to_value(&nodes).unwrap_or(Value::Null);
    unroot(&mut nodes, &wb.root_prefix());
    locate(&mut nodes);
    Ok(json!({ "target": req.target, "nodes": nodes }))
}

/// Adds `path`+`line` (a place in a rule file) or `cell` to every node from its `source`.
fn locate(node: &mut Value) {
    match node {
        Value::Array(list) => list.iter_mut().for_each(locate),
        Value::Object(map) => {
            if let Some(source) = map.get("source").and_then(Value::as_str).map(str::to_string) {
                if let Some((path, line)) = rule_place(&source) {
                    map.insert("path".into(), json!(path));
                    map.insert("line".into(), json!(line));
                } else if let Some(cell) = cell_ref(&source) {
                    map.insert("cell".into(), json!(cell));
                }
            }
            if let Some(children) = map.get_mut("children") {
                locate(children);
            }
        }
        _ => {}
    }
}

/// `rules/2024.ek:61 …` → (`rules/2024.ek`, 61).
fn rule_place(source: &str) -> Option<(String, u64)> {
    let (path, rest) = source.split_once(".ek:")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((format!("{path}.ek"), digits.parse().ok()?))
}

/// The first `Sheet!A1` in a text.
pub(super) fn cell_ref(text: &str) -> Option<String> {
    text.split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')' || c == ':').find_map(|word| {
        let (sheet, cell) = word.split_once('!')?;
        let letters = cell.chars().take_while(char::is_ascii_uppercase).count();
        let ok = !sheet.is_empty()
            && sheet.chars().all(char::is_alphanumeric)
            && letters > 0
            && cell.len() > letters
            && cell[letters..].chars().all(|c| c.is_ascii_digit());
        ok.then(|| word.to_string())
    })
}

/// `POST /api/whatif`'s body.
#[derive(Debug, Deserialize)]
pub(super) struct WhatIf {
    path: String,
    input: Option<String>,
    period: Option<String>,
    set: Vec<String>,
}

/// `POST /api/whatif`: the rules with the sets, against the rules as they are; nothing saved.
pub(super) fn whatif(wb: &Workbench, req: WhatIf) -> Reply {
    let (mut s, _) = session(wb, &req.path, req.input.as_deref(), req.period)?;
    s.overrides = req.set.into_iter().filter(|o| !o.trim().is_empty()).collect();
    if s.overrides.is_empty() {
        return Err(ApiError::bad_request(crate::tr!("serve-no-set")));
    }
    let report = s.evaluate(&mut |_| {}).map_err(engine)?;
    // Exactly the `what_if` of `run --set … --format json`.
    let full: Value = serde_json::from_str(&crate::report::json::render_in(&report, crate::i18n::lang())).unwrap_or(Value::Null);
    let mut what_if = full.get("what_if").cloned().unwrap_or(Value::Null);
    add_texts(&mut what_if);
    let names: serde_json::Map<String, Value> = s.model.assignments.iter().map(|a| (a.id.clone(), Value::String(a.name.clone()))).collect();
    let boards: serde_json::Map<String, Value> = report.boards().into_iter().map(|(id, name)| (id, Value::String(name))).collect();
    Ok(
        json!({ "sets": what_if.get("overrides").cloned().unwrap_or(Value::Null), "what_if": what_if, "names": { "assignments": names, "boards": boards } }),
    )
}

/// Beside every decimal `baseline`, `value`, `change` (kronor) and `percent`, its Swedish text.
fn add_texts(node: &mut Value) {
    match node {
        Value::Array(list) => list.iter_mut().for_each(add_texts),
        Value::Object(map) => {
            for key in ["baseline", "value", "change", "percent"] {
                let Some(d) = map.get(key).and_then(Value::as_str).and_then(|t| t.parse::<rust_decimal::Decimal>().ok()) else { continue };
                let text = match key {
                    "percent" => format!("{} %", crate::number::swedish(d, 2)),
                    _ => format!("{} kr", crate::number::swedish(d, 2)),
                };
                map.insert(format!("{key}_text"), Value::String(text));
            }
            map.values_mut().for_each(add_texts);
        }
        _ => {}
    }
}

/// `POST /api/budget`'s body.
#[derive(Debug, Deserialize)]
pub(super) struct Budget {
    from: Option<String>,
    to: String,
    input: Option<String>,
    budget: Option<String>,
    volymer: Option<String>,
}

/// `POST /api/budget`: the bridge JSON, as `ekostyr budget --format json`.
pub(super) fn budget(wb: &Workbench, req: Budget) -> Reply {
    let (s, _) = session(wb, &req.to, req.input.as_deref(), None)?;
    if let Some(from) = req.from.as_deref().filter(|f| !f.is_empty()) {
        let from = paths::existing(&wb.root, from)?;
        let base = s.model.previous.as_deref().map(|m| Path::new(&m.source.name).canonicalize().ok());
        if base.flatten().as_deref() != Some(from.as_path()) {
            return Err(ApiError::unprocessable(crate::tr!(
                "serve-budget-not-base",
                from = crate::diagnostic::echo(&req.from.unwrap_or_default())
            )));
        }
    }
    let optional = |p: &Option<String>| {
        p.as_deref().filter(|p| !p.is_empty()).map(|p| paths::existing(&wb.root, p).map(|abs| (abs, p.to_string()))).transpose()
    };
    let (budget, volymer) = (optional(&req.budget)?, optional(&req.volymer)?);
    let inputs = crate::budget::Inputs {
        last_year: &s.input,
        last_year_name: s.input_name.clone(),
        budget: budget.as_ref().map(|(p, n)| (p.as_path(), n.clone())),
        planned_volumes: volymer.as_ref().map(|(p, n)| (p.as_path(), n.clone())),
    };
    let bridge = crate::budget::build(&s.model, &inputs).map_err(engine)?;
    let mut body: Value = serde_json::from_str(&crate::budget::render::json(&bridge))
        .map_err(|e| ApiError::new(axum::http::StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    unroot(&mut body, &wb.root_prefix());
    Ok(body)
}

/// Every string in `node` with the served root's prefix taken out of its paths: the
/// files a rule file builds on are read by their full path, and shown relative to the root.
pub(super) fn unroot(node: &mut Value, prefix: &str) {
    match node {
        Value::String(text) if text.contains(prefix) => *text = text.replace(prefix, ""),
        Value::Array(list) => list.iter_mut().for_each(|n| unroot(n, prefix)),
        Value::Object(map) => map.values_mut().for_each(|n| unroot(n, prefix)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_give_places_and_cells() {
        assert_eq!(rule_place("rules/2024.ek:61 `summa(…)`"), Some(("rules/2024.ek".into(), 61)));
        assert_eq!(rule_place("Volymer!E2"), None);
        assert_eq!(cell_ref("Volymer!E2").as_deref(), Some("Volymer!E2"));
        assert_eq!(cell_ref("fixtures/x.xlsx: Budget!D14: fel").as_deref(), Some("Budget!D14"));
        assert_eq!(cell_ref("Utfall, 507 konteringar"), None);
        let mut node = json!([{ "label": "x", "source": "/r/rules/2023.ek:66", "children": [{ "source": "Volymer!E4" }] }]);
        unroot(&mut node, "/r/");
        locate(&mut node);
        assert_eq!(node[0]["path"], "rules/2023.ek");
        assert_eq!(node[0]["line"], 66);
        assert_eq!(node[0]["children"][0]["cell"], "Volymer!E4");
    }
}
