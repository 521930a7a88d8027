//! The fuzz corpora replayed on stable: every input of `fuzz/corpus/<target>/` (and
//! `tests/fuzz_regressions/<target>/`, the minimized crashes fuzzing found) goes
//! through the same function its cargo-fuzz target calls (`fuzz/targets.rs`). An
//! empty or missing corpus folder fails, so a lost corpus cannot pass silently.

#[path = "../fuzz/targets.rs"]
mod targets;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

/// The files of `dir`, sorted; empty when the folder is missing.
fn inputs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return vec![] };
    let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).filter(|p| p.is_file()).collect();
    files.sort();
    files
}

/// Runs `target` on every file of `dir`; the names of the files it panicked on.
fn replay(target: fn(&[u8]), dir: &Path) -> Vec<String> {
    let mut failed = vec![];
    for file in inputs(dir) {
        let data = std::fs::read(&file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        if catch_unwind(AssertUnwindSafe(|| target(&data))).is_err() {
            failed.push(file.display().to_string());
        }
    }
    failed
}

fn run(name: &str) {
    let (_, target) = targets::TARGETS.iter().find(|(n, _)| *n == name).unwrap_or_else(|| panic!("no fuzz target `{name}`"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("fuzz/corpus").join(name);
    assert!(!inputs(&corpus).is_empty(), "the corpus {} is missing or empty", corpus.display());
    let mut failed = replay(*target, &corpus);
    failed.extend(replay(*target, &root.join("tests/fuzz_regressions").join(name)));
    assert!(failed.is_empty(), "fuzz target `{name}` panicked on:\n{}", failed.join("\n"));
}

#[test]
fn every_target_has_a_test() {
    let tested = ["check", "fmt_roundtrip", "xlsx", "ods", "csv", "number", "report_json"];
    let targets: Vec<&str> = targets::TARGETS.iter().map(|(n, _)| *n).collect();
    assert_eq!(targets, tested);
}

#[test]
fn check_corpus() {
    run("check");
}

#[test]
fn fmt_roundtrip_corpus() {
    run("fmt_roundtrip");
}

#[test]
fn xlsx_corpus() {
    run("xlsx");
}

#[test]
fn ods_corpus() {
    run("ods");
}

#[test]
fn csv_corpus() {
    run("csv");
}

#[test]
fn number_corpus() {
    run("number");
}

#[test]
fn report_json_corpus() {
    run("report_json");
}

/// Found by the `xlsx` target: a cell reference whose row number overflows inside
/// calamine (`get_row_and_optional_column`, "attempt to multiply with overflow").
/// The reader's guard turns that panic into a problem of the file.
#[test]
fn xlsx_cell_reference_overflowing_in_calamine_is_a_problem() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = std::fs::read(root.join("tests/fuzz_regressions/xlsx/cell_reference_overflow.xlsx")).expect("the regression input");
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("fuzz.xlsx");
    std::fs::write(&path, data).expect("a temp file is writable");
    let (_, problems) = ekostyr::workbook::read_partial(&path, &mut |_| Ok(()));
    let malformed = problems.kept().iter().any(|p| matches!(p, ekostyr::workbook::WorkbookError::Malformed { .. }));
    assert!(malformed, "the overflowing cell reference is reported as a malformed file: {problems}");
}
