//! Headless chromium for the browser tests: where it is, and Playwright installed beside
//! the test scripts. `.ci/run` installs chromium; without it (and outside CI) a test skips.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `$CHROMIUM` or Debian's `/usr/bin/chromium`, when installed. In CI a missing chromium fails.
pub fn chromium(what: &str) -> Option<PathBuf> {
    let path = std::env::var_os("CHROMIUM").map(PathBuf::from).unwrap_or_else(|| "/usr/bin/chromium".into());
    if path.exists() {
        return Some(path);
    }
    assert!(std::env::var_os("CI").is_none(), "CI must run the browser test: install chromium (.ci/run does)");
    eprintln!("notice: chromium is not installed; the browser test of {what} is skipped");
    None
}

/// `tests/browser` with its npm packages (playwright-core) installed.
pub fn scripts() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    if !dir.join("node_modules/playwright-core").exists() {
        let status = Command::new("npm").args(["ci", "--no-audit", "--no-fund", "--silent"]).current_dir(&dir).status().expect("npm runs");
        assert!(status.success(), "npm ci in {} failed", dir.display());
    }
    dir
}
