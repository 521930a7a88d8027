//! The Indata view's endpoints: upload a workbook (`PUT /api/upload`, a raw body,
//! size-capped, written atomically, never executed), list a workbook's problems at
//! their cells (`POST /api/problems`), and download a month's template (`GET /api/template`).

use super::api::problem;
use super::evaluate::session;
use super::{ApiError, Reply, Workbench, paths};
use crate::error::Error;
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::Arc;

/// The largest upload (64 MiB).
pub const MAX_UPLOAD_BYTES: usize = 64 * 1024 * 1024;

/// The rule file to check a workbook against: the one whose year the workbook's
/// name holds, else the newest in the rule folder.
fn default_rules(wb: &Workbench, workbook: &str) -> Result<String, ApiError> {
    let (rules, _) = paths::list(&wb.root, &[&wb.dir]);
    let year = |p: &String| std::path::Path::new(p).file_stem().and_then(|s| s.to_str()).and_then(|s| s.parse::<i32>().ok());
    let named = rules.iter().filter(|p| year(p).is_some_and(|y| workbook.contains(&y.to_string()))).max_by_key(|p| year(p));
    named
        .or_else(|| rules.iter().filter(|p| year(p).is_some()).max_by_key(|p| year(p)))
        .cloned()
        .ok_or_else(|| ApiError::unprocessable(crate::tr!("serve-no-rules")))
}

/// What the engine finds reading `input` for the rules `path`: every problem at its cell.
fn found(wb: &Workbench, path: Option<&str>, input: &str) -> Result<Vec<Value>, ApiError> {
    let rules = match path.filter(|p| !p.is_empty()) {
        Some(p) => p.to_string(),
        None => default_rules(wb, input)?,
    };
    let (s, _) = session(wb, &rules, Some(input), None)?;
    let listed = match s.load(&s.model, &mut |_| {}) {
        Ok(_) => vec![],
        Err(Error::Input(e)) => {
            let mut list: Vec<Value> = e
                .problems
                .kept()
                .iter()
                .map(|p| {
                    let (at, message) = problem(&p.message().replace(&wb.root_prefix(), ""));
                    json!({ "where": at, "message": message })
                })
                .collect();
            if e.problems.more() > 0 {
                list.push(json!({ "where": "", "message": crate::tr!("serve-more-problems", count = e.problems.more()) }));
            }
            list
        }
        Err(other) => vec![json!({ "where": "", "message": other.to_string().replace(&wb.root_prefix(), "") })],
    };
    Ok(listed)
}

/// `POST /api/problems`'s body.
#[derive(Debug, Deserialize)]
pub(super) struct Problems {
    input: String,
    path: Option<String>,
}

/// `POST /api/problems {input, path?}`.
pub(super) fn problems(wb: &Workbench, req: Problems) -> Reply {
    let problems = found(wb, req.path.as_deref(), &req.input)?;
    Ok(json!({ "input": req.input, "problems": problems }))
}

/// `PUT /api/upload?name=N.xlsx[&rules=P]`: the raw body as a workbook in the upload folder.
pub(super) async fn upload(
    State(wb): State<Arc<Workbench>>,
    Query(q): Query<HashMap<String, String>>,
    request: axum::extract::Request,
) -> Response {
    let too_large =
        || ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, crate::tr!("serve-upload-too-large", cap = MAX_UPLOAD_BYTES / (1024 * 1024)));
    if wb.read_only {
        return ApiError::forbidden(crate::tr!("serve-read-only")).into_response();
    }
    let declared = request.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_UPLOAD_BYTES as u64) {
        return too_large().into_response();
    }
    let name = q.get("name").cloned().unwrap_or_default();
    let target = match upload_target(&wb, &name) {
        Ok(t) => t,
        Err(e) => return e.into_response(),
    };
    let bytes = match axum::body::to_bytes(request.into_body(), MAX_UPLOAD_BYTES).await {
        Ok(b) => b,
        Err(_) => return too_large().into_response(),
    };
    let rules = q.get("rules").cloned();
    super::blocking(move || {
        let (file, shown) = target;
        crate::output::write(&file, &bytes).map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e))?;
        let problems = found(&wb, rules.as_deref(), &shown)?;
        Ok(json!({ "path": shown, "problems": problems }))
    })
    .await
}

/// Where an upload named `name` goes, and its path relative to the root: a plain
/// file name with a workbook's extension, in the upload folder, not through a link out.
fn upload_target(wb: &Workbench, name: &str) -> Result<(std::path::PathBuf, String), ApiError> {
    let refused = || ApiError::forbidden(crate::tr!("serve-bad-upload-name", name = crate::diagnostic::echo(name)));
    let plain = !name.is_empty() && !name.starts_with('.') && !name.contains(['/', '\\', '\0']);
    let extension = std::path::Path::new(name).extension().map(|x| x.to_string_lossy().to_lowercase()).unwrap_or_default();
    if !plain || !paths::WORKBOOK_EXTENSIONS.contains(&extension.as_str()) {
        return Err(refused());
    }
    let folder = paths::relative(&wb.root, &wb.upload_dir);
    let shown = if folder.is_empty() { name.to_string() } else { format!("{folder}/{name}") };
    Ok((paths::target(&wb.root, &shown)?, shown))
}

/// `GET /api/template?path=P[&period=YYYY-MM]`: the input template as a download.
pub(super) async fn template(State(wb): State<Arc<Workbench>>, Query(q): Query<HashMap<String, String>>) -> Response {
    let path = q.get("path").cloned().unwrap_or_default();
    let period = q.get("period").cloned().filter(|p| !p.is_empty());
    let made = tokio::task::spawn_blocking(move || make_template(&wb, &path, period.as_deref())).await;
    match made {
        Ok(Ok((name, bytes))) => {
            let disposition =
                HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")).unwrap_or(HeaderValue::from_static("attachment"));
            let kind = HeaderValue::from_static("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            ([(header::CONTENT_TYPE, kind), (header::CONTENT_DISPOSITION, disposition)], Body::from(bytes)).into_response()
        }
        Ok(Err(e)) => e.into_response(),
        Err(_) => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, crate::tr!("serve-internal")).into_response(),
    }
}

/// The template's file name and bytes (made in a temporary folder: nothing is written on the server's tree).
fn make_template(wb: &Workbench, path: &str, period: Option<&str>) -> Result<(String, Vec<u8>), ApiError> {
    let file = paths::existing(&wb.root, path).and_then(|_| paths::rule_file(&wb.root, path))?;
    let (model, _) = super::api::rule_model(wb, path, super::api::read_rules(&file, path)?)?;
    let month = period.map(|p| crate::session::parse_period(p, model.header.year)).transpose().map_err(super::evaluate::engine)?;
    let name = match (period, month) {
        (Some(p), Some(_)) => format!("mall-{p}.xlsx"),
        _ => format!("mall-{}.xlsx", model.header.year),
    };
    let dir = tempfile::tempdir().map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    let (bytes, _) = crate::template::template(&model, path, &dir.path().join(&name), month).map_err(ApiError::unprocessable)?;
    Ok((name, bytes))
}
