//! Running the built binary the way a user does: `NO_COLOR=1`, `CI=true`, from a
//! chosen directory (the package root unless a test needs another).

#![allow(dead_code, reason = "each test crate uses the helpers it needs")]

pub mod browser;
pub mod csv_folder;
pub mod http;

use std::path::Path;
use std::process::{Command, Output};

/// `ekostyr ARGS` in `dir` as a user runs it, in the default language whatever the machine's locale.
fn command(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_ekostyr"));
    c.args(args).current_dir(dir).env("NO_COLOR", "1").env("CI", "true").env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("LANG");
    c
}

/// Runs `ekostyr ARGS` in `dir`.
pub fn ekostyr_in(dir: &Path, args: &[&str]) -> Output {
    command(dir, args).output().expect("the binary runs")
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

/// Runs `ekostyr ARGS` in `dir` as a user does, but fails the test (after killing the
/// child) if it still runs after 10 s, so a run that blocks (a FIFO, a device) cannot
/// hang the suite.
pub fn ekostyr_within_10s(dir: &Path, args: &[&str]) -> Output {
    use std::process::Stdio;
    use std::time::{Duration, Instant};
    let mut child =
        command(dir, args).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("the binary starts");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`ekostyr {}` still ran after 10 s", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}
