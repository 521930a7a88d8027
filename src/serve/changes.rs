//! `/api/changes`: the semantic diff (with impact in kronor) between the committed
//! version of a rule file (`HEAD:path`, read with git2 from the repository holding
//! the served tree, without a `git` binary) or another rule file, and the working text.

use super::api::{read_rules, rule_model};
use super::evaluate::{engine, unroot};
use super::{ApiError, Reply, Workbench, paths};
use serde::Deserialize;
use serde_json::{Value, json};
use std::path::Path;

/// `POST /api/changes`'s body.
#[derive(Debug, Deserialize)]
pub(super) struct Changes {
    path: String,
    text: Option<String>,
    against: Option<String>,
    input: Option<String>,
}

/// `POST /api/changes`: what changed from `against` (default `HEAD`) to the text (or the file).
pub(super) fn changes(wb: &Workbench, req: Changes) -> Reply {
    let file = paths::rule_file(&wb.root, &req.path)?;
    let against = req.against.clone().filter(|a| !a.is_empty()).unwrap_or_else(|| "HEAD".to_string());
    let (old_name, old_text) = match against.as_str() {
        "HEAD" => (format!("HEAD:{}", req.path), committed(&file, &req.path)?),
        other => {
            let old = paths::existing(&wb.root, other).and_then(|_| paths::rule_file(&wb.root, other))?;
            (other.to_string(), read_rules(&old, other)?)
        }
    };
    let new_text = match req.text {
        Some(text) => text,
        None => read_rules(&paths::existing(&wb.root, &req.path)?, &req.path)?,
    };
    // The old text is checked as if it were the file (so `bygger_på` resolves beside it).
    let (old, _) = rule_model(wb, &req.path, old_text)?;
    let (new, _) = rule_model(wb, &req.path, new_text)?;
    let mut d = crate::diff::diff(&old, &new);
    d.old.0 = old_name.clone();
    d.new.0 = req.path.clone();
    if let Some(input) = req.input.as_deref().filter(|i| !i.is_empty()).or(wb.input.as_deref()) {
        let workbook = paths::existing(&wb.root, input)?;
        d.impact = Some(crate::diff::impact(&old, &new, &workbook, None, &mut |_| {}).map_err(engine)?);
    }
    let mut diff: Value = serde_json::from_str(&crate::diff::render::json(&d)).unwrap_or(Value::Null);
    unroot(&mut diff, &wb.root_prefix());
    Ok(json!({ "against": old_name, "diff": diff }))
}

/// The text of `file` as committed at `HEAD` in the repository that holds it.
fn committed(file: &Path, shown: &str) -> Result<String, ApiError> {
    let refused =
        |reason: String| ApiError::unprocessable(crate::tr!("serve-not-committed", path = crate::diagnostic::echo(shown), reason = reason));
    let repo = git2::Repository::discover(file.parent().unwrap_or(file)).map_err(|_| refused(crate::tr!("serve-no-repository")))?;
    let workdir = repo.workdir().and_then(|w| w.canonicalize().ok()).ok_or_else(|| refused(crate::tr!("serve-no-repository")))?;
    let relative = file.strip_prefix(&workdir).map_err(|_| refused(crate::tr!("serve-no-repository")))?;
    let tree = repo.head().and_then(|h| h.peel_to_tree()).map_err(|_| refused(crate::tr!("serve-no-commit")))?;
    let entry = tree.get_path(relative).map_err(|_| refused(crate::tr!("serve-not-in-commit")))?;
    let blob = entry.to_object(&repo).and_then(|o| o.peel_to_blob()).map_err(|e| refused(e.message().to_string()))?;
    if blob.size() as u64 > crate::check::confine::MAX_RULE_FILE_BYTES {
        return Err(refused(crate::tr!("confine-reason-too-large", cap = crate::check::confine::MAX_RULE_FILE_BYTES / (1024 * 1024))));
    }
    let text = String::from_utf8(blob.content().to_vec()).map_err(|_| refused(crate::tr!("check-not-utf8")))?;
    Ok(text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text))
}
