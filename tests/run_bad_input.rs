//! Bad input to `ekostyr run`: each class is reported at its file and cell, exits 2,
//! and writes no report.

use std::path::{Path, PathBuf};
use std::process::Command;

const SHEETS: [&str; 3] = ["Utfall.csv", "Volymer.csv", "Budget.csv"];

/// A copy of the reference CSV folder with one sheet edited.
fn folder(edit: impl FnOnce(&Path)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/2023-csv");
    for f in SHEETS {
        std::fs::copy(root.join(f), dir.path().join(f)).expect("copy");
    }
    edit(dir.path());
    dir
}

/// Replaces the `line`-th line (1-based) of a sheet.
fn set_line(dir: &Path, sheet: &str, line: usize, f: impl FnOnce(&str) -> String) {
    let path = dir.join(sheet);
    let text = std::fs::read_to_string(&path).expect("read");
    let mut lines: Vec<String> = text.split("\r\n").map(str::to_string).collect();
    lines[line - 1] = f(&lines[line - 1]);
    std::fs::write(&path, lines.join("\r\n")).expect("write");
}

/// Runs on `input`, asserts exit 2 and no output file, returns stderr with the temp dir hidden.
fn fails(input: &Path) -> String {
    let out_dir = tempfile::tempdir().expect("tempdir");
    let report: PathBuf = out_dir.path().join("r.json");
    let out = Command::new(env!("CARGO_BIN_EXE_ekostyr"))
        .args([
            "run",
            "rules/2023.ek",
            "--input",
            input.to_str().expect("utf-8"),
            "--format",
            "json",
            "-o",
            report.to_str().expect("utf-8"),
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("CI", "true")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!report.exists(), "a failed run wrote a report");
    assert_eq!(std::fs::read_dir(out_dir.path()).expect("dir").count(), 0, "a failed run left a file behind");
    String::from_utf8_lossy(&out.stderr).replace(input.to_str().expect("utf-8"), "INPUT")
}

fn csv_case(edit: impl FnOnce(&Path)) -> String {
    let dir = folder(edit);
    fails(dir.path())
}

#[test]
fn missing_sheet() {
    let err = csv_case(|d| std::fs::remove_file(d.join("Budget.csv")).expect("rm"));
    assert!(err.contains("Budget"), "{err}");
    insta::assert_snapshot!(err);
}

#[test]
fn missing_column() {
    let err = csv_case(|d| set_line(d, "Volymer.csv", 1, |l| l.replace("mått", "matt")));
    assert!(err.contains("kolumnen `mått` saknas"), "{err}");
    insta::assert_snapshot!(err);
}

#[test]
fn text_in_a_number_cell() {
    let err = csv_case(|d| set_line(d, "Volymer.csv", 17, |l| l.rsplit_once(';').map(|(a, _)| format!("{a};tolv")).unwrap_or_default()));
    assert!(err.contains("Volymer!E17: förväntade ett tal, hittade `tolv`"), "{err}");
}

#[test]
fn error_cell() {
    let err = csv_case(|d| set_line(d, "Budget.csv", 5, |l| l.rsplit_once(';').map(|(a, _)| format!("{a};#DIV/0!")).unwrap_or_default()));
    assert!(err.contains("Budget!D5") && err.contains("#DIV/0!"), "{err}");
}

#[test]
fn unknown_assignment_part_and_measure_name_the_nearest() {
    let a = csv_case(|d| set_line(d, "Budget.csv", 2, |l| l.replace("områdesansvar", "områdesansvaret")));
    assert!(a.contains("Budget!A2: okänt uppdrag `områdesansvaret`") && a.contains("menade du `områdesansvar`?"), "{a}");
    let p = csv_case(|d| set_line(d, "Budget.csv", 2, |l| l.replace("nordväst", "nordvast")));
    assert!(p.contains("Budget!B2: `nordvast` är inte en del av `områdesansvar`") && p.contains("`nordväst`"), "{p}");
    let m = csv_case(|d| set_line(d, "Volymer.csv", 2, |l| l.replace("hemtjänsttimmar_leanlink", "hemtjänsttimmar_lenlink")));
    assert!(m.contains("Volymer!D2: okänt mått `hemtjänsttimmar_lenlink`") && m.contains("menade du `hemtjänsttimmar_leanlink`"), "{m}");
    insta::assert_snapshot!(format!("{a}\n{p}\n{m}"));
}

#[test]
fn a_period_that_is_not_a_month_or_not_in_the_year() {
    let bad = csv_case(|d| set_line(d, "Volymer.csv", 3, |l| l.replacen("2023-01", "2023-13", 1)));
    assert!(bad.contains("Volymer!A3"), "{bad}");
    let other = csv_case(|d| set_line(d, "Volymer.csv", 3, |l| l.replacen("2023-01", "2022-01", 1)));
    assert!(other.contains("Volymer!A3: perioden 2022-01 ligger inte i 2023"), "{other}");
    let ledger = csv_case(|d| set_line(d, "Utfall.csv", 4, |l| l.replacen("2023-", "2024-", 1)));
    assert!(ledger.contains("2024-") && ledger.contains("ligger inte i 2023"), "{ledger}");
    insta::assert_snapshot!(format!("{bad}\n{other}\n{ledger}"));
}

#[test]
fn a_duplicate_budget_row() {
    let err = csv_case(|d| set_line(d, "Budget.csv", 3, |l| format!("{l}\r\n{l}")));
    assert!(err.contains("Budget!A4: en andra Budget-rad") && err.contains("den första finns i Budget!D3"), "{err}");
    insta::assert_snapshot!(err);
}

#[test]
fn empty_truncated_and_non_workbook_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let empty = dir.path().join("empty.xlsx");
    std::fs::write(&empty, b"").expect("write");
    let whole = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/2023.xlsx")).expect("read");
    let truncated = dir.path().join("truncated.xlsx");
    std::fs::write(&truncated, &whole[..whole.len() / 2]).expect("write");
    let text = dir.path().join("notes.xlsx");
    std::fs::write(&text, "det här är ingen arbetsbok\n").expect("write");
    for f in [&empty, &truncated, &text] {
        let err = fails(f);
        assert!(err.starts_with("INPUT: "), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    let missing = fails(&dir.path().join("nope.xlsx"));
    assert!(missing.contains("INPUT"), "{missing}");
}
