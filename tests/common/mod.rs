//! Running the built binary the way a user does: `NO_COLOR=1`, `CI=true`, from a
//! chosen directory (the package root unless a test needs another).

#![allow(dead_code, reason = "each test crate uses the helpers it needs")]

use std::path::Path;
use std::process::{Command, Output};

/// Runs `ekostyr ARGS` in `dir`.
pub fn ekostyr_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ekostyr"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("CI", "true")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .expect("the binary runs")
}

/// Runs `ekostyr ARGS` from the package root, so paths (and snapshots) are relative.
pub fn ekostyr(args: &[&str]) -> Output {
    ekostyr_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// Standard output as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("utf-8")
}

/// Standard error as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("utf-8")
}
