//! The workbench in a real browser: `ekostyr serve --port 0` on a temp copy of rules/ and
//! fixtures/ (a git repository with one commit, so Ändringar has a HEAD), and headless
//! chromium driven by Playwright (`tests/browser/workbench.mjs`) doing what a finance chief
//! does: types an error and sees it at its line, fixes it, saves (the file on disk is read
//! back here), runs the reference workbook, opens a figure's explanation down to its cells,
//! tries another prisindex, sees the changes against HEAD, uploads a workbook; and a read-only
//! server offers no Save. Without chromium (and outside CI) the test says so and passes.
//! `UPDATE_SCREENSHOT=1` rewrites the views' screenshots in tests/browser/.

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A running `ekostyr serve`, stopped when dropped.
struct Server {
    child: Child,
    url: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the server in `dir` and reads the URL it prints (`… http://127.0.0.1:PORT/?token=…`).
fn serve(dir: &Path, extra: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ekostyr"))
        .current_dir(dir)
        .args(["serve", "rules", "--input", "fixtures/2023.xlsx", "--port", "0"])
        .args(extra)
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .stdout(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = mpsc::channel();
    // Reads every line the server prints, so it never blocks on a full pipe.
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(at) = line.find("http://") {
                let _ = tx.send(line[at..].trim().to_string());
            }
        }
    });
    let url = rx.recv_timeout(Duration::from_secs(60)).expect("the server prints its URL within a minute");
    assert!(url.contains("?token="), "the URL carries the session token: {url}");
    Server { child, url }
}

/// rules/ and the reference workbooks in a fresh git repository with one commit.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    for sub in ["rules", "fixtures"] {
        std::fs::create_dir(dir.path().join(sub)).expect("writable");
    }
    for file in ["rules/2023.ek", "rules/2024.ek", "fixtures/2023.xlsx", "fixtures/2024.xlsx"] {
        std::fs::copy(root().join(file), dir.path().join(file)).expect("the reference files copy");
    }
    let repo = git2::Repository::init(dir.path()).expect("git init");
    let mut index = repo.index().expect("an index");
    index.add_all(["*"], git2::IndexAddOption::DEFAULT, None).expect("git add");
    index.write().expect("the index is written");
    let tree = repo.find_tree(index.write_tree().expect("a tree")).expect("the tree");
    let who = git2::Signature::now("ekostyr test", "test@example.invalid").expect("a signature");
    repo.commit(Some("HEAD"), &who, &who, "Referensreglerna", &tree, &[]).expect("git commit");
    dir
}

#[test]
fn a_finance_chief_revises_checks_runs_and_saves_in_the_workbench() {
    let Some(chromium) = common::browser::chromium("the workbench") else { return };
    let scripts = common::browser::scripts();
    let work = workspace();
    let before = std::fs::read_to_string(work.path().join("rules/2023.ek")).expect("readable");
    let server = serve(work.path(), &[]);
    let readonly = serve(work.path(), &["--skrivskyddad"]);
    let shots = match std::env::var_os("UPDATE_SCREENSHOT") {
        Some(_) => scripts.clone(),
        None => work.path().join("shots"),
    };
    std::fs::create_dir_all(&shots).expect("writable");
    let upload = work.path().join("fixtures/2023.xlsx");
    let spec = serde_json::json!({ "url": server.url, "readonlyUrl": readonly.url, "shots": shots, "upload": upload });
    let out = Command::new("node")
        .arg(scripts.join("workbench.mjs"))
        .arg(spec.to_string())
        .env("CHROMIUM", &chromium)
        .output()
        .expect("node runs");
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "the workbench failed in the browser:\n{said}");
    assert!(said.contains("workbench: 0 problem(s)"), "{said}");
    // Saved through the page: on disk, formatted, with the new parameter; the rest kept.
    let after = std::fs::read_to_string(work.path().join("rules/2023.ek")).expect("readable");
    assert!(after.contains("parameter testvärde"), "the saved file has the typed parameter:\n{after}");
    assert!(!after.contains("trasig"), "the error was fixed before saving");
    let kept: Vec<&str> = after.lines().filter(|l| !l.trim().is_empty() && !l.contains("testvärde")).collect();
    let had: Vec<&str> = before.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(kept, had, "the one line added, nothing else lost");
    let uploaded = std::fs::read(work.path().join("fixtures/uppladdad.xlsx")).expect("the upload is in the workbook folder");
    assert_eq!(uploaded, std::fs::read(&upload).expect("readable"), "the upload is the workbook sent, byte for byte");
    for view in ["regler", "resultat", "budget", "andringar", "indata", "skrivskyddad"] {
        assert!(shots.join(format!("workbench-{view}.png")).exists(), "a screenshot of {view}");
    }
}
