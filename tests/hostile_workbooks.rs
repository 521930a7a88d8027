//! Hostile and confusing inputs to `ekostyr run`: each is refused with exit 2 at its
//! sheet, file or cell — never a silent choice, a guessed number, a hang, or a file
//! from outside the input read and echoed.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rust_xlsxwriter::Workbook;

use common::csv_folder::{SHEETS, folder, lines, set_field};

/// The arguments of a run on `input` writing JSON to `report`.
fn run_args<'a>(input: &'a str, report: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["run", "rules/2023.ek", "--input", input, "--format", "json", "-o", report];
    args.extend_from_slice(extra);
    args
}

/// Runs on `input`; asserts exit 2 and no report; returns stderr with the input's path as `INPUT`.
fn fails(input: &Path, extra: &[&str]) -> String {
    let out_dir = tempfile::tempdir().expect("tempdir");
    let report = out_dir.path().join("r.json");
    let input_arg = input.to_str().expect("utf-8");
    let out = common::ekostyr(&run_args(input_arg, report.to_str().expect("utf-8"), extra));
    let err = common::stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(!report.exists(), "a failed run wrote a report");
    err.replace(input_arg, "INPUT")
}

/// Runs on `input` and asserts exit 0.
fn succeeds(input: &Path) {
    let out_dir = tempfile::tempdir().expect("tempdir");
    let report = out_dir.path().join("r.json");
    let out = common::ekostyr(&run_args(input.to_str().expect("utf-8"), report.to_str().expect("utf-8"), &[]));
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
}

/// Runs on `input` as a child process; fails the test (after killing it) if it
/// takes more than 10 seconds, so a run that blocks cannot hang the suite.
fn run_within_10s(input: &Path) -> Output {
    let out_dir = tempfile::tempdir().expect("tempdir");
    let report = out_dir.path().join("r.json");
    let args = run_args(input.to_str().expect("utf-8"), report.to_str().expect("utf-8"), &[]);
    common::ekostyr_within_10s(Path::new(env!("CARGO_MANIFEST_DIR")), &args)
}

/// The reference CSV folder as an xlsx workbook with text cells; `extra` sheets
/// (name, hidden) come first, holding a copy of Utfall.
fn xlsx(dir: &Path, extra: &[(&str, bool)]) -> PathBuf {
    let mut book = Workbook::new();
    let sheets = SHEETS.map(lines);
    let named = extra.iter().map(|&(name, hidden)| (name, hidden, &sheets[0]));
    let all = named.chain(SHEETS.iter().zip(&sheets).map(|(name, lines)| (*name, false, lines)));
    for (name, hidden, lines) in all {
        let sheet = book.add_worksheet().set_name(name).expect("sheet name");
        for (r, line) in lines.iter().enumerate().filter(|(_, l)| !l.is_empty()) {
            for (c, field) in line.split(';').enumerate().filter(|(_, f)| !f.is_empty()) {
                sheet.write_string(r as u32, c as u16, field).expect("write cell");
            }
        }
        if name == "Utfall" {
            sheet.set_active(true);
        }
        sheet.set_hidden(hidden);
    }
    let path = dir.join("in.xlsx");
    book.save(&path).expect("save xlsx");
    path
}

#[test]
fn a_hidden_sheet_named_like_utfall_is_not_chosen_silently() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = xlsx(dir.path(), &[("UTFALL ", true)]);
    let err = fails(&path, &[]);
    assert!(err.contains("INPUT: bladet `Utfall` finns flera gånger i arbetsboken: `UTFALL ` (dolt), `Utfall`"), "{err}");
    let english = fails(&path, &["--lang", "en"]);
    insta::assert_snapshot!(english);
}

#[test]
fn one_sheet_named_with_other_case_and_spaces_is_found() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut book = Workbook::new();
    let sheets = SHEETS.map(lines);
    for (name, lines) in [" utfall ", "VOLYMER", "Budget"].iter().zip(&sheets) {
        let sheet = book.add_worksheet().set_name(*name).expect("sheet name");
        for (r, line) in lines.iter().enumerate().filter(|(_, l)| !l.is_empty()) {
            for (c, field) in line.split(';').enumerate() {
                sheet.write_string(r as u32, c as u16, field).expect("write cell");
            }
        }
    }
    let path = dir.path().join("in.xlsx");
    book.save(&path).expect("save");
    succeeds(&path);
}

#[test]
#[cfg(target_os = "linux")]
fn two_csv_files_for_one_sheet_are_an_error_naming_both() {
    let dir = folder(|_| {});
    std::fs::copy(dir.path().join("Utfall.csv"), dir.path().join("UTFALL.csv")).expect("copy");
    let err = fails(dir.path(), &[]);
    assert!(err.contains("INPUT: filen `Utfall.csv` finns flera gånger i mappen: `UTFALL.csv`, `Utfall.csv`"), "{err}");
}

#[test]
fn a_dot_before_three_digits_is_refused_with_both_readings() {
    let dir = folder(|[_, volymer, _]| set_field(volymer, 17, 4, "1.234"));
    let err = fails(dir.path(), &[]);
    assert!(err.contains("Volymer!E17: `1.234` är tvetydigt: 1 234") && err.contains("skriv `1 234` eller `1,234`"), "{err}");
    insta::assert_snapshot!(err);
}

#[test]
fn dots_as_thousands_separators_are_refused_with_the_fix() {
    let dir = folder(|[_, _, budget]| set_field(budget, 2, 3, "105.000,5"));
    let err = fails(dir.path(), &[]);
    assert!(err.contains("Budget!D2: `105.000,5` har punkt som tusentalsavgränsare") && err.contains("skriv `105 000,5`"), "{err}");
}

#[test]
fn a_single_dot_not_before_three_digits_stays_a_decimal_point() {
    // Accepted before the dot rule and still: `7026.5` can only be 7026,5.
    let dir = folder(|[_, volymer, _]| set_field(volymer, 2, 4, "7026.5"));
    succeeds(dir.path());
}

#[test]
fn a_period_with_trailing_garbage_is_an_error_at_its_cell() {
    let dir = folder(|[utfall, volymer, _]| {
        set_field(utfall, 4, 0, "2023-05-01 garbage");
        set_field(volymer, 3, 0, "2023-5x");
    });
    let err = fails(dir.path(), &[]);
    assert!(err.contains("Utfall!A4: förväntade en period åååå-mm, hittade `2023-05-01 garbage`"), "{err}");
    assert!(err.contains("Volymer!A3: förväntade en period åååå-mm, hittade `2023-5x`"), "{err}");
}

#[test]
#[cfg(unix)]
fn a_fifo_as_input_is_refused_without_blocking() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("in.xlsx");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    let out = run_within_10s(&fifo);
    let err = common::stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("sökvägen är en namngiven pipe (fifo), inte en arbetsbok eller en mapp"), "{err}");
}

#[test]
#[cfg(unix)]
fn a_fifo_in_a_csv_folder_is_refused_without_blocking() {
    let dir = folder(|_| {});
    let fifo = dir.path().join("Budget.csv");
    std::fs::remove_file(&fifo).expect("rm");
    assert!(Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs").success());
    let out = run_within_10s(dir.path());
    let err = common::stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("Budget.csv: sökvägen är en namngiven pipe (fifo), inte en vanlig fil"), "{err}");
}

#[test]
#[cfg(unix)]
fn a_device_as_input_is_refused_without_reading_it() {
    let out = run_within_10s(Path::new("/dev/zero"));
    let err = common::stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("/dev/zero: sökvägen är en enhetsfil"), "{err}");
}

#[test]
#[cfg(unix)]
fn a_socket_as_input_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let socket = dir.path().join("in.xlsx");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).expect("bind");
    let out = run_within_10s(&socket);
    let err = common::stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("sökvägen är en socket"), "{err}");
}

#[test]
#[cfg(unix)]
fn a_csv_linked_from_outside_the_folder_is_never_read() {
    let dir = folder(|_| {});
    let volymer = dir.path().join("Volymer.csv");
    std::fs::remove_file(&volymer).expect("rm");
    std::os::unix::fs::symlink("/etc/passwd", &volymer).expect("symlink");
    let err = fails(dir.path(), &[]);
    assert!(!err.contains("root:"), "{err}");
    assert!(err.contains("INPUT/Volymer.csv: filen är en symbolisk länk till en fil utanför mappen och läses inte"), "{err}");
}

#[test]
#[cfg(unix)]
fn a_csv_linked_from_inside_the_folder_is_read() {
    let dir = folder(|_| {});
    let volymer = dir.path().join("Volymer.csv");
    std::fs::create_dir(dir.path().join("data")).expect("mkdir");
    std::fs::rename(&volymer, dir.path().join("data/v.csv")).expect("mv");
    std::os::unix::fs::symlink("data/v.csv", &volymer).expect("symlink");
    succeeds(dir.path());
}

#[test]
fn a_long_cell_with_an_escape_byte_is_echoed_cut_and_escaped() {
    let long = format!("\u{1b}[2J{}", "x".repeat(10_000));
    let dir = folder(|[utfall, volymer, _]| {
        set_field(volymer, 5, 4, &long);
        set_field(utfall, 4, 0, &long);
    });
    let err = fails(dir.path(), &[]);
    assert!(!err.contains('\u{1b}'), "{err}");
    let echoed = format!("`\\u{{1b}}[2J{}…`", "x".repeat(76));
    assert!(err.contains(&format!("Volymer!E5: förväntade ett tal, hittade {echoed}")), "{err}");
    assert!(err.contains(&format!("Utfall!A4: förväntade en period åååå-mm, hittade {echoed}")), "{err}");
    assert!(err.lines().all(|line| line.chars().count() < 200), "{err}");
}

#[test]
fn an_unknown_name_from_the_workbook_is_echoed_cut_and_escaped() {
    let long = format!("x\u{1b}[31m{}", "å".repeat(900));
    // Volymer's second column is `uppdrag`.
    let dir = folder(|sheets| set_field(&mut sheets[1], 2, 1, &long));
    let err = fails(dir.path(), &[]);
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(err.contains("\\u{1b}") && err.contains('…'), "{err}");
    assert!(err.lines().all(|l| l.chars().count() < 400), "{err}");
}
