//! The workbench in a real browser: `ekostyr serve --port 0` on a temp copy of rules/ and
//! fixtures/ (a git repository with one commit, so Ändringar has a HEAD), and headless
//! chromium driven by Playwright (`tests/browser/workbench.mjs`) doing what a finance chief
//! does: types an error and sees it at its line, fixes it, saves (the file on disk is read
//! back here), runs the reference workbook, opens a figure's explanation down to its cells,
//! tries another prisindex, sees the changes against HEAD, uploads a workbook; and a read-only
//! server offers no Save. Without chromium (and outside CI) the test says so and passes.
//! `UPDATE_SCREENSHOT=1` rewrites the views' screenshots in tests/browser/.

mod common;

use common::http::{Served, copy_tree, serve_in};
use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `ekostyr serve rules --input fixtures/2023.xlsx --port 0 EXTRA…` on a fresh workspace.
fn serve(extra: &[&str]) -> Served {
    serve_in(workspace(), &["serve", "rules", "--input", "fixtures/2023.xlsx", "--port", "0"], extra)
}

/// The address the server printed, with its token.
fn url(served: &Served) -> String {
    format!("http://{}/?token={}", served.host, served.token)
}

/// rules/ and the reference workbooks in a fresh git repository with one commit.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    for sub in ["rules", "fixtures"] {
        copy_tree(&root().join(sub), &dir.path().join(sub));
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
    let before = std::fs::read_to_string(root().join("rules/2023.ek")).expect("readable");
    let server = serve(&[]);
    let readonly = serve(&["--skrivskyddad"]);
    let work = &server.dir;
    let scratch = tempfile::tempdir().expect("a temp dir");
    let shots = match std::env::var_os("UPDATE_SCREENSHOT") {
        Some(_) => scripts.clone(),
        None => scratch.path().to_path_buf(),
    };
    let upload = work.path().join("fixtures/2023.xlsx");
    let spec = serde_json::json!({ "url": url(&server), "readonlyUrl": url(&readonly), "shots": shots, "upload": upload });
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
