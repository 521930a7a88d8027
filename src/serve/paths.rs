//! The served tree and the paths requests name in it.
//!
//! The tree's root is the nearest folder holding both the rule folder and the
//! default workbook's folder (the rule folder itself without `--input`). A path
//! in a request is relative to the root, written with plain names only (no `..`,
//! no leading `/`), and must still lie under the root once symbolic links are
//! resolved, as [`crate::check::confine`] decides for `bygger_på`.

use super::ApiError;
use std::path::{Component, Path, PathBuf};

/// File extensions of workbooks the engine reads.
pub(super) const WORKBOOK_EXTENSIONS: [&str; 4] = ["xlsx", "xlsm", "xls", "ods"];

/// How deep the file list looks below the root, and how many entries it reads at most.
const LIST_DEPTH: usize = 4;
const LIST_MAX_ENTRIES: usize = 5000;

/// The root, the rule folder, the upload folder (all canonical) and the default
/// workbook relative to the root.
pub(super) fn served_tree(dir: &Path, input: Option<&Path>) -> Result<(PathBuf, PathBuf, PathBuf, Option<String>), String> {
    let folder = |p: &Path| {
        let shown = crate::check::confine::echo_path(p);
        let meta =
            std::fs::metadata(p).map_err(|e| crate::tr!("serve-bad-dir", dir = shown.as_str(), reason = crate::error::io_reason(&e)))?;
        if !meta.is_dir() {
            return Err(crate::tr!("serve-bad-dir", dir = shown.as_str(), reason = crate::tr!("confine-root-not-a-folder")));
        }
        p.canonicalize().map_err(|e| crate::tr!("serve-bad-dir", dir = shown.as_str(), reason = crate::error::io_reason(&e)))
    };
    let dir = folder(dir)?;
    let Some(input) = input else { return Ok((dir.clone(), dir.clone(), dir, None)) };
    let shown = crate::check::confine::echo_path(input);
    let file =
        input.canonicalize().map_err(|e| crate::tr!("serve-bad-input", file = shown.as_str(), reason = crate::error::io_reason(&e)))?;
    let input_dir = if file.is_dir() { file.clone() } else { file.parent().map(Path::to_path_buf).unwrap_or_else(|| file.clone()) };
    let mut root = dir.clone();
    while !input_dir.starts_with(&root) {
        if !root.pop() {
            break;
        }
    }
    let relative = relative(&root, &file);
    Ok((root, dir, input_dir, Some(relative)))
}

/// `path` (under `root`) relative to it, with `/` between names.
pub(super) fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/")
}

/// A request's path as plain names, or 403: empty, absolute, `..`, `.` or a NUL are refused.
fn names(path: &str) -> Result<PathBuf, ApiError> {
    let outside = || ApiError::forbidden(crate::tr!("serve-outside", path = crate::diagnostic::echo(path)));
    let p = Path::new(path);
    if path.is_empty() || path.contains('\0') || path.contains('\\') || !p.components().all(|c| matches!(c, Component::Normal(_))) {
        return Err(outside());
    }
    Ok(p.to_path_buf())
}

/// An existing file or folder `path` names under the root, symlinks resolved; 403 outside, 404 missing.
pub(super) fn existing(root: &Path, path: &str) -> Result<PathBuf, ApiError> {
    let joined = root.join(names(path)?);
    let target =
        joined.canonicalize().map_err(|_| ApiError::not_found(crate::tr!("serve-not-found", path = crate::diagnostic::echo(path))))?;
    if !target.starts_with(root) {
        return Err(ApiError::forbidden(crate::tr!("serve-outside", path = crate::diagnostic::echo(path))));
    }
    Ok(target)
}

/// A file `path` names under the root that may not exist yet: its folder must, under the root.
pub(super) fn target(root: &Path, path: &str) -> Result<PathBuf, ApiError> {
    let rel = names(path)?;
    let (Some(parent), Some(name)) = (rel.parent(), rel.file_name()) else {
        return Err(ApiError::forbidden(crate::tr!("serve-outside", path = crate::diagnostic::echo(path))));
    };
    let folder = if parent.as_os_str().is_empty() { root.to_path_buf() } else { existing(root, &parent.to_string_lossy())? };
    let file = folder.join(name);
    // An existing file (or a link) must resolve under the root too.
    match file.canonicalize() {
        Ok(resolved) if !resolved.starts_with(root) => {
            Err(ApiError::forbidden(crate::tr!("serve-outside", path = crate::diagnostic::echo(path))))
        }
        Ok(resolved) => Ok(resolved),
        Err(_) => Ok(file),
    }
}

/// A rule file `path` names: a `.ek` file under the root (it need not exist yet).
pub(super) fn rule_file(root: &Path, path: &str) -> Result<PathBuf, ApiError> {
    let file = target(root, path)?;
    if file.extension().is_none_or(|x| x != "ek") {
        return Err(ApiError::forbidden(crate::tr!("serve-not-rules", path = crate::diagnostic::echo(path))));
    }
    Ok(file)
}

/// The rule files and workbooks in `folders` (under the root), relative to the root,
/// sorted; hidden folders, `target` and `node_modules` are skipped, and the walk
/// stops early in a huge tree.
pub(super) fn list(root: &Path, folders: &[&Path]) -> (Vec<String>, Vec<String>) {
    let (mut rules, mut workbooks) = (vec![], vec![]);
    let mut stack: Vec<(PathBuf, usize)> = folders.iter().map(|f| (f.to_path_buf(), 0usize)).collect();
    stack.dedup();
    let mut seen = 0usize;
    while let Some((dir, depth)) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            seen += 1;
            if seen > LIST_MAX_ENTRIES {
                break;
            }
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || name == "target" || name == "node_modules" {
                continue;
            }
            let path = entry.path();
            // Symbolic links are followed only when they stay under the root.
            let Ok(resolved) = path.canonicalize() else { continue };
            if !resolved.starts_with(root) {
                continue;
            }
            if resolved.is_dir() {
                if depth + 1 < LIST_DEPTH {
                    stack.push((path, depth + 1));
                }
                continue;
            }
            let extension = path.extension().map(|x| x.to_string_lossy().to_lowercase()).unwrap_or_default();
            if extension == "ek" {
                rules.push(relative(root, &path));
            } else if WORKBOOK_EXTENSIONS.contains(&extension.as_str()) {
                workbooks.push(relative(root, &path));
            }
        }
    }
    rules.sort();
    rules.dedup();
    workbooks.sort();
    workbooks.dedup();
    (rules, workbooks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_names_are_paths() {
        for bad in ["", "/etc/passwd", "../x.ek", "a/../../x.ek", "./a.ek", "a\\b.ek", "a\0.ek"] {
            assert!(names(bad).is_err(), "{bad:?}");
        }
        assert!(names("rules/2023.ek").is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_out_of_the_tree_is_outside() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().join("root");
        std::fs::create_dir(&root).expect("mkdir");
        std::fs::write(dir.path().join("secret.ek"), "x").expect("write");
        std::os::unix::fs::symlink(dir.path().join("secret.ek"), root.join("link.ek")).expect("symlink");
        std::os::unix::fs::symlink(dir.path(), root.join("up")).expect("symlink");
        let root = root.canonicalize().expect("canonical");
        assert!(existing(&root, "link.ek").is_err());
        assert!(rule_file(&root, "link.ek").is_err());
        assert!(target(&root, "up/new.ek").is_err());
        assert!(rule_file(&root, "new.ek").is_ok());
        assert!(rule_file(&root, "new.txt").is_err());
    }

    #[test]
    fn the_root_holds_the_rules_and_the_workbook() {
        let dir = tempfile::tempdir().expect("tempdir");
        for sub in ["rules", "fixtures"] {
            std::fs::create_dir(dir.path().join(sub)).expect("mkdir");
        }
        std::fs::write(dir.path().join("fixtures/a.xlsx"), "x").expect("write");
        std::fs::write(dir.path().join("rules/2023.ek"), "x").expect("write");
        std::fs::create_dir(dir.path().join("other")).expect("mkdir");
        std::fs::write(dir.path().join("other/b.xlsx"), "x").expect("write");
        let (root, rules_dir, upload, input) =
            served_tree(&dir.path().join("rules"), Some(&dir.path().join("fixtures/a.xlsx"))).expect("tree");
        assert_eq!(root, dir.path().canonicalize().expect("canonical"));
        assert!(upload.ends_with("fixtures"));
        assert_eq!(input.as_deref(), Some("fixtures/a.xlsx"));
        let (rules, workbooks) = list(&root, &[&rules_dir, &upload]);
        assert_eq!(rules, ["rules/2023.ek"]);
        assert_eq!(workbooks, ["fixtures/a.xlsx"]);
    }
}
