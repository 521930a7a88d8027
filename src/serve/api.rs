//! The API's handlers: each takes the request's fields and answers with JSON, by
//! calling the engine the command line uses. The shapes are documented in
//! `docs/serve-api.md`.

use super::{ApiError, Reply, Workbench, paths};
use crate::check::Checked;
use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::i18n::Lang;
use crate::source::{Source, SourceFile};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

type Params = Query<HashMap<String, String>>;

/// `GET /api/catalog?lang=sv|en`: every message of `workbench.ftl` in the language.
pub(super) async fn catalog(Query(q): Params) -> Response {
    let lang = match q.get("lang").map(String::as_str) {
        Some("en") => Lang::En,
        Some("sv") => Lang::Sv,
        _ => crate::i18n::lang(),
    };
    let source = crate::i18n::sources(lang).find(|(name, _)| *name == "workbench").map(|(_, text)| text).unwrap_or_default();
    let messages: serde_json::Map<String, Value> = source
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim()))
        .map(|key| (key.to_string(), Value::String(crate::i18n::message_in(lang, key, &[]))))
        .collect();
    axum::Json(json!({ "lang": lang.code(), "messages": messages })).into_response()
}

/// `GET /api/files`: the rule files and workbooks under the root.
pub(super) async fn files(State(wb): State<Arc<Workbench>>) -> Response {
    let state = wb.clone();
    let listed = tokio::task::spawn_blocking(move || paths::list(&state.root, &[&state.dir, &state.upload_dir]));
    let (rules, workbooks) = listed.await.unwrap_or_default();
    let rules: Vec<Value> = rules
        .into_iter()
        .map(|path| {
            let year = Path::new(&path)
                .file_stem()
                .and_then(|s| s.to_str())
                .and_then(|s| s.parse::<i32>().ok())
                .filter(|y| (1900..3000).contains(y));
            match year {
                Some(year) => json!({ "path": path, "year": year }),
                None => json!({ "path": path }),
            }
        })
        .collect();
    let workbooks: Vec<Value> = workbooks.into_iter().map(|path| json!({ "path": path })).collect();
    let mut body = json!({
        "rules": rules,
        "workbooks": workbooks,
        "readonly": wb.read_only,
        "rules_dir": paths::relative(&wb.root, &wb.dir),
        "upload_dir": paths::relative(&wb.root, &wb.upload_dir),
    });
    if let (Some(map), Some(input)) = (body.as_object_mut(), &wb.input) {
        map.insert("input".into(), Value::String(input.clone()));
    }
    axum::Json(body).into_response()
}

/// `GET /api/file?path=P`: a rule file's text.
pub(super) async fn file(State(wb): State<Arc<Workbench>>, Query(q): Params) -> Response {
    let path = q.get("path").cloned().unwrap_or_default();
    super::blocking(move || {
        let file = paths::existing(&wb.root, &path).and_then(|_| paths::rule_file(&wb.root, &path))?;
        let text = read_rules(&file, &path)?;
        Ok(json!({ "path": path, "text": text }))
    })
    .await
}

/// A rule file's text, or 404/422 saying why not.
pub(super) fn read_rules(file: &Path, shown: &str) -> Result<String, ApiError> {
    crate::check::confine::read_rule_file(file).map_err(|r| {
        let message = crate::tr!("serve-cannot-read", path = crate::diagnostic::echo(shown), reason = r.reason());
        match r {
            crate::check::confine::Refusal::Io(e) if e.kind() == std::io::ErrorKind::NotFound => ApiError::not_found(message),
            _ => ApiError::unprocessable(message),
        }
    })
}

/// A rule file's path and unsaved text.
#[derive(Debug, Deserialize)]
pub(super) struct Text {
    path: String,
    text: String,
}

/// `POST /api/check {path, text}`: the checker's diagnostics on the unsaved text.
pub(super) fn check(wb: &Workbench, req: Text) -> Reply {
    let (_, checked) = check_text(wb, &req.path, req.text)?;
    Ok(json!({ "diagnostics": diagnostics(&checked.source, &checked.diagnostics) }))
}

/// Checks `text` as the rule file `path` (the files it builds on read from disk),
/// with `ekostyr check`'s price bands.
pub(super) fn check_text(wb: &Workbench, path: &str, text: String) -> Result<(PathBuf, Checked), ApiError> {
    let file = paths::rule_file(&wb.root, path)?;
    if text.len() as u64 > crate::check::confine::MAX_RULE_FILE_BYTES {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            crate::tr!("serve-too-large", cap = crate::check::confine::MAX_RULE_FILE_BYTES / (1024 * 1024)),
        ));
    }
    let source = SourceFile::new(path, text);
    let dir = file.parent().map(Path::to_path_buf);
    let checked = crate::check::check_source(source, dir, &mut vec![file.clone()]);
    Ok((file, crate::session::with_price_bands(checked)))
}

/// The model of rule text `text` named `path` and its rendered warnings, or 422 with
/// every diagnostic rendered and `where` at the first error.
pub(super) fn rule_model(wb: &Workbench, path: &str, text: String) -> Result<(crate::model::Model, Option<String>), ApiError> {
    let (_, checked) = check_text(wb, path, text)?;
    let first = checked.diagnostics.0.iter().filter(|d| d.is_error()).min_by_key(|d| d.span.start).map(|d| {
        let (line, col) = checked.source.line_col(d.span.start);
        format!("{path}:{line}:{col}")
    });
    checked.into_model().map_err(|rendered| {
        let error = ApiError::unprocessable(rendered.trim_end());
        match first {
            Some(place) => error.at(place),
            None => error,
        }
    })
}

/// A workbook problem's message as (`Sheet!Cell` or `""`, the message without the file and cell before it).
pub(super) fn problem(message: &str) -> (String, String) {
    let Some(cell) = super::evaluate::cell_ref(message) else { return (String::new(), message.to_string()) };
    let rest = message.split_once(&format!("{cell}: ")).map_or(message, |(_, rest)| rest);
    (cell, rest.to_string())
}

/// Diagnostics as JSON, in source order: 1-based lines, columns in characters.
fn diagnostics(source: &Source, diags: &Diagnostics) -> Vec<Value> {
    let mut sorted: Vec<&Diagnostic> = diags.0.iter().collect();
    sorted.sort_by_key(|d| (d.span.start, d.span.end));
    sorted
        .into_iter()
        .map(|d| {
            let (line, col) = source.line_col(d.span.start);
            let (end_line, end_col) = source.line_col(d.span.end.max(d.span.start));
            let notes: Vec<Value> = d
                .notes
                .iter()
                .map(|(span, message)| {
                    let (line, col) = source.line_col(span.start);
                    json!({ "line": line, "col": col, "message": message })
                })
                .collect();
            let mut v = json!({
                "severity": if d.severity == Severity::Error { "fel" } else { "varning" },
                "line": line,
                "col": col,
                "end_line": end_line,
                "end_col": end_col,
                "message": d.message,
                "notes": notes,
            });
            if let (Some(map), Some(hint)) = (v.as_object_mut(), &d.hint) {
                map.insert("hint".into(), Value::String(hint.clone()));
            }
            v
        })
        .collect()
}

/// `POST /api/format {path, text}`: the canonical layout, or 422 with the diagnostics.
pub(super) fn format(wb: &Workbench, req: Text) -> Reply {
    paths::rule_file(&wb.root, &req.path)?;
    let source = SourceFile::new(req.path, req.text);
    match crate::fmt::format_source(&source) {
        Ok(text) => Ok(json!({ "text": text })),
        Err(d) => Err(ApiError::with_body(StatusCode::UNPROCESSABLE_ENTITY, json!({ "diagnostics": diagnostics(&source, &d) }))),
    }
}

/// `PUT /api/file`'s body.
#[derive(Debug, Deserialize)]
pub(super) struct Save {
    path: String,
    text: String,
    #[serde(default)]
    force: bool,
}

/// `PUT /api/file {path, text, force?}`: checks, formats and writes atomically;
/// with errors, 409 and nothing written unless `force`.
pub(super) fn save(wb: &Workbench, req: Save) -> Reply {
    refuse_read_only(wb)?;
    let (file, checked) = check_text(wb, &req.path, req.text)?;
    let found = diagnostics(&checked.source, &checked.diagnostics);
    if checked.has_errors() && !req.force {
        return Err(ApiError::with_body(
            StatusCode::CONFLICT,
            json!({ "error": crate::tr!("serve-save-has-errors", path = crate::diagnostic::echo(&req.path)), "diagnostics": found }),
        ));
    }
    // Formatted on save when it parses; text that does not parse (forced) is saved as written.
    let formatted = crate::fmt::format_source(&checked.source).ok().filter(|f| *f != checked.source.text);
    crate::output::write(&file, formatted.as_deref().unwrap_or(&checked.source.text).as_bytes())
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e))?;
    // The diagnostics of the text as saved (formatting may move lines).
    let (text, found) = match formatted {
        Some(text) => {
            let (_, again) = check_text(wb, &req.path, text)?;
            (again.source.text.clone(), diagnostics(&again.source, &again.diagnostics))
        }
        None => (checked.source.text.clone(), found),
    };
    Ok(json!({ "saved": true, "path": req.path, "text": text, "diagnostics": found }))
}

/// 403 under `--skrivskyddad`.
fn refuse_read_only(wb: &Workbench) -> Result<(), ApiError> {
    match wb.read_only {
        true => Err(ApiError::forbidden(crate::tr!("serve-read-only"))),
        false => Ok(()),
    }
}
