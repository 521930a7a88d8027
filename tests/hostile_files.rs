//! Rule files and reports written to make ekostyr read what it should not: files
//! outside the naming file's folder, FIFOs and devices, endless `bygger_på`
//! chains, and names built to flood or drive the terminal. Each is refused with a
//! located message, quickly, without printing the other file's content.

mod common;

use common::ekostyr_in;
use std::path::Path;
use std::process::{Command, Output};

const HEADER: &str = "regelverk \"R\"\når 2024\nversion 1.0\ndokumentägare \"S\"\n";

/// What a user sees: standard output, then standard error.
fn seen(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

/// A rule file that builds on `base`.
fn builds_on(base: &str) -> String {
    format!("regelverk \"R\"\når 2024\nversion 1.0\nbygger_på \"{base}\"\ndokumentägare \"S\"\n")
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("write");
}

/// The output with the temporary folder's path (as written and resolved) replaced by `[TMP]`.
fn without_tmp(text: &str, dir: &Path) -> String {
    let resolved = dir.canonicalize().expect("canonical");
    text.replace(&resolved.display().to_string(), "[TMP]").replace(&dir.display().to_string(), "[TMP]")
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}

#[test]
fn builds_on_outside_the_folder_is_a_located_error_that_shows_nothing_of_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "x.ek", &builds_on("../../../../etc/passwd"));
    let out = ekostyr_in(dir.path(), &["check", "x.ek"]);
    assert_eq!(out.status.code(), Some(2), "{}", seen(&out));
    let text = seen(&out);
    assert!(text.contains("x.ek:4:1: fel: `../../../../etc/passwd` läses inte") && text.contains("--rot"), "{text}");
    assert!(!text.contains("root:"), "{text}");
    insta::assert_snapshot!("outside_sv", without_tmp(&text, dir.path()));
}

#[test]
fn builds_on_outside_allowed_by_rot_is_still_no_rule_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "x.ek", &builds_on("../../../../etc/passwd"));
    let out = ekostyr_in(dir.path(), &["check", "x.ek", "--rot", "/"]);
    assert_eq!(out.status.code(), Some(2), "{}", seen(&out));
    let text = seen(&out);
    assert!(text.contains("x.ek:4:1: fel:") && text.contains("`.ek`") && !text.contains("läses inte"), "{text}");
    assert!(!text.contains("root:"), "{text}");
}

#[test]
fn a_symlink_out_of_the_folder_is_outside() {
    let dir = tempfile::tempdir().expect("tempdir");
    let inner = dir.path().join("inner");
    std::fs::create_dir(&inner).expect("mkdir");
    write(dir.path(), "base.ek", HEADER);
    std::os::unix::fs::symlink(dir.path().join("base.ek"), inner.join("base.ek")).expect("symlink");
    write(&inner, "x.ek", &builds_on("base.ek"));
    let out = ekostyr_in(&inner, &["check", "x.ek"]);
    assert_eq!(out.status.code(), Some(2), "{}", seen(&out));
    assert!(seen(&out).contains("`base.ek` läses inte"), "{}", seen(&out));
    let allowed = ekostyr_in(&inner, &["check", "x.ek", "--rot", ".."]);
    assert_eq!(allowed.status.code(), Some(0), "{}", seen(&allowed));
}

#[test]
fn builds_on_a_fifo_is_an_error_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    mkfifo(&dir.path().join("base.ek"));
    write(dir.path(), "x.ek", &builds_on("base.ek"));
    let out = common::ekostyr_within_10s(dir.path(), &["check", "x.ek"]);
    assert_eq!(out.status.code(), Some(2), "{}", seen(&out));
    assert!(seen(&out).contains("x.ek:4:1: fel: kan inte läsa `base.ek`") && seen(&out).contains("FIFO"), "{}", seen(&out));
}

#[test]
fn a_fifo_as_the_rule_file_is_an_error_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    mkfifo(&dir.path().join("x.ek"));
    let out = common::ekostyr_within_10s(dir.path(), &["check", "x.ek"]);
    assert_eq!(out.status.code(), Some(2), "{}", seen(&out));
    assert!(seen(&out).contains("x.ek: kan inte läsa regelfilen: det är en namngiven rörledning (FIFO)"), "{}", seen(&out));
}

#[test]
fn a_fifo_as_indata_is_an_error_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    mkfifo(&dir.path().join("in.xlsx"));
    write(dir.path(), "x.ek", &expecting("in.xlsx"));
    let out = common::ekostyr_within_10s(dir.path(), &["test", "x.ek"]);
    assert_eq!(out.status.code(), Some(2), "{}", seen(&out));
    assert!(seen(&out).contains("FIFO"), "{}", seen(&out));
}

#[test]
fn builds_on_dev_zero_is_an_error_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "x.ek", &builds_on("/dev/zero"));
    let out = common::ekostyr_within_10s(dir.path(), &["check", "x.ek"]);
    assert_eq!(out.status.code(), Some(2), "{}", seen(&out));
    assert!(seen(&out).contains("`/dev/zero` läses inte"), "{}", seen(&out));
    let rooted = common::ekostyr_within_10s(dir.path(), &["check", "x.ek", "--rot", "/"]);
    assert_eq!(rooted.status.code(), Some(2), "{}", seen(&rooted));
    assert!(seen(&rooted).contains("enhetsfil"), "{}", seen(&rooted));
}

#[test]
fn a_folder_or_a_huge_file_is_no_rule_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("d.ek")).expect("mkdir");
    let folder = common::ekostyr_within_10s(dir.path(), &["check", "d.ek"]);
    assert_eq!(folder.status.code(), Some(2), "{}", seen(&folder));
    assert!(seen(&folder).contains("det är en mapp"), "{}", seen(&folder));
    // A sparse file: its size is what counts, and it is refused before it is read.
    let huge = std::fs::File::create(dir.path().join("huge.ek")).expect("create");
    huge.set_len(17 * 1024 * 1024).expect("set_len");
    let out = common::ekostyr_within_10s(dir.path(), &["check", "huge.ek"]);
    assert_eq!(out.status.code(), Some(2), "{}", seen(&out));
    assert!(seen(&out).contains("större än 16 MiB"), "{}", seen(&out));
}

#[test]
fn a_chain_of_forty_files_stops_at_thirty_two() {
    let dir = tempfile::tempdir().expect("tempdir");
    for i in 0..40 {
        let base = if i > 0 { format!("bygger_på \"f{}.ek\"\n", i - 1) } else { String::new() };
        let text = format!("regelverk \"R\"\når {}\nversion {}.0\n{base}dokumentägare \"S\"\n", 2000 + i, i + 1);
        write(dir.path(), &format!("f{i}.ek"), &text);
    }
    let out = common::ekostyr_within_10s(dir.path(), &["check", "f39.ek", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2), "{}", seen(&out));
    let text = seen(&out);
    assert!(text.contains("f8.ek:4:1: error: the chain of `bygger_på` is longer than 32 files"), "{text}");
    assert!(!text.contains("nested too deeply"), "{text}");
}

/// A rule file with one `förvänta` block reading `input`.
fn expecting(input: &str) -> String {
    let rules = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/expect/bad_input.ek")).expect("read");
    let rules = rules.split("# Workbooks").next().expect("rules");
    format!("{rules}förvänta \"Utanför\" {{\n  indata \"{input}\"\n  vårdboende.fast = 1 000 000 kr\n}}\n")
}

#[test]
fn indata_naming_a_system_folder_is_a_located_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "x.ek", &expecting("/etc"));
    let out = ekostyr_in(dir.path(), &["test", "x.ek"]);
    assert_eq!(out.status.code(), Some(2), "{}", seen(&out));
    let text = seen(&out);
    assert!(text.contains("x.ek:23:10: fel: `/etc` läses inte") && text.contains("--rot"), "{text}");
    assert!(!text.contains("passwd"), "{text}");
}

#[test]
fn indata_above_the_rule_folder_is_a_located_error_unless_rot_allows_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let rules = dir.path().join("rules");
    std::fs::create_dir(&rules).expect("mkdir");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/2023.xlsx"), dir.path().join("outside.xlsx")).expect("copy");
    write(&rules, "x.ek", &expecting("../outside.xlsx"));
    let out = ekostyr_in(&rules, &["test", "x.ek", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2), "{}", seen(&out));
    let text = seen(&out);
    assert!(text.contains("x.ek:23:10: error: `../outside.xlsx` is not read"), "{text}");
    insta::assert_snapshot!("outside_indata_en", without_tmp(&text, dir.path()));
    let allowed = ekostyr_in(&rules, &["test", "x.ek", "--rot", ".."]);
    assert!(!seen(&allowed).contains("läses inte"), "{}", seen(&allowed));
}

#[test]
fn verify_does_not_read_a_file_outside_the_reports_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(root.join("rules/2023.ek"), dir.path().join("2023.ek")).expect("copy");
    std::fs::copy(root.join("fixtures/2023.xlsx"), dir.path().join("in.xlsx")).expect("copy");
    let run = ekostyr_in(dir.path(), &["run", "2023.ek", "--input", "in.xlsx", "--format", "json", "-o", "r.json"]);
    assert!(run.status.success(), "{}", seen(&run));
    let report = std::fs::read_to_string(dir.path().join("r.json")).expect("report");
    assert!(report.contains("\"file\": \"in.xlsx\""), "{report}");
    write(dir.path(), "r.json", &report.replace("\"file\": \"in.xlsx\"", "\"file\": \"/etc/passwd\""));
    let out = common::ekostyr_within_10s(dir.path(), &["verify", "r.json"]);
    assert_eq!(out.status.code(), Some(2), "{}", seen(&out));
    let text = seen(&out);
    assert!(text.contains("`/etc/passwd` läses inte") && !text.contains("ändrad"), "{text}");
}

#[test]
fn a_hostile_name_is_echoed_cut_and_escaped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = format!("\u{1b}[2J{}.ek", "a".repeat(10_000));
    write(dir.path(), "x.ek", &builds_on(&name));
    let out = ekostyr_in(dir.path(), &["check", "x.ek"]);
    assert_eq!(out.status.code(), Some(2), "{}", seen(&out));
    let text = seen(&out);
    let message = text.lines().find(|l| l.contains("fel:")).expect("an error line");
    assert!(message.contains("`\\u{1b}[2Jaaa") && message.contains("a…`"), "{message}");
    assert!(!message.contains('\u{1b}') && message.chars().count() < 250, "{message}");
}

#[test]
fn a_root_that_is_no_folder_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "x.ek", HEADER);
    let missing = ekostyr_in(dir.path(), &["check", "x.ek", "--rot", "saknas"]);
    assert_eq!(missing.status.code(), Some(2), "{}", seen(&missing));
    assert_eq!(seen(&missing), "`--rot saknas`: mappen finns inte\n");
    let file = ekostyr_in(dir.path(), &["check", "x.ek", "--rot", "x.ek", "--lang", "en"]);
    assert_eq!(seen(&file), "`--rot x.ek`: it is not a folder\n");
}

#[test]
fn verify_does_not_read_a_fifo_the_report_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(root.join("rules/2023.ek"), dir.path().join("2023.ek")).expect("copy");
    std::fs::copy(root.join("fixtures/2023.xlsx"), dir.path().join("in.xlsx")).expect("copy");
    let run = ekostyr_in(dir.path(), &["run", "2023.ek", "--input", "in.xlsx", "--format", "json", "-o", "r.json"]);
    assert!(run.status.success(), "{}", seen(&run));
    std::fs::remove_file(dir.path().join("in.xlsx")).expect("remove");
    mkfifo(&dir.path().join("in.xlsx"));
    let out = common::ekostyr_within_10s(dir.path(), &["verify", "r.json"]);
    assert_eq!(out.status.code(), Some(2), "{}", seen(&out));
    assert!(seen(&out).contains("`in.xlsx`: det är en namngiven rörledning (FIFO)"), "{}", seen(&out));
}

/// The open itself never blocks: a FIFO (no writer) and a device open at once and
/// the handle says what they are, so every reader checks what it opened, not a
/// path that could be swapped between a check and the open (issue 12, TOCTOU).
#[test]
#[cfg(unix)]
fn opening_a_fifo_or_a_device_for_reading_returns_at_once_with_its_kind() {
    use std::os::unix::fs::FileTypeExt as _;
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("pipe.xlsx");
    mkfifo(&fifo);
    let (done, wait) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let fifo = ekostyr::source::open_for_reading(&fifo).map(|(file, meta)| file.is_some() && meta.file_type().is_fifo());
        let device = ekostyr::source::open_for_reading(Path::new("/dev/null"))
            .map(|(file, meta)| file.is_some() && meta.file_type().is_char_device());
        let _ = done.send((fifo.ok(), device.ok()));
    });
    let opened = wait.recv_timeout(std::time::Duration::from_secs(10)).expect("the open returned within 10 s");
    assert_eq!(opened, (Some(true), Some(true)));
}

#[test]
#[cfg(unix)]
fn a_fifo_as_any_member_of_a_csv_folder_is_refused_within_10_s() {
    for member in ["Utfall.csv", "Volymer.csv", "Prognos.csv"] {
        let dir = tempfile::tempdir().expect("tempdir");
        for f in ["Utfall.csv", "Volymer.csv", "Budget.csv"] {
            std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/2023-csv").join(f), dir.path().join(f)).expect("copy");
        }
        let _ = std::fs::remove_file(dir.path().join(member));
        mkfifo(&dir.path().join(member));
        let input = dir.path().to_str().expect("utf-8").to_string();
        let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/2023.ek");
        let out = common::ekostyr_within_10s(dir.path(), &["run", rules.to_str().expect("utf-8"), "--input", &input]);
        assert_eq!(out.status.code(), Some(2), "{member}: {}", seen(&out));
        assert!(seen(&out).contains(&format!("{member}: sökvägen är en namngiven pipe (fifo)")), "{member}: {}", seen(&out));
    }
}
