//! Never destroy: `-o` and `fmt` against the files a user cannot afford to lose.
//! An output that is an input is refused (exit 2, the input untouched); a symbolic
//! link is written through, a device or FIFO as a stream; modes are kept or follow the umask.

mod common;

use common::{ekostyr_in, stderr};
use std::fs;
use std::os::unix::fs::{FileTypeExt as _, PermissionsExt as _};
use std::path::Path;
use std::process::Output;

/// A folder with the reference rules (2023 and 2024, which builds on 2023), both
/// workbooks and the CSV folder, so every test may try to destroy its own copies.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (from, to) in [
        ("rules/2023.ek", "2023.ek"),
        ("rules/2024.ek", "2024.ek"),
        ("fixtures/2023.xlsx", "2023.xlsx"),
        ("fixtures/2024.xlsx", "2024.xlsx"),
    ] {
        fs::copy(root.join(from), dir.path().join(to)).expect("copy");
    }
    fs::create_dir(dir.path().join("csv")).expect("mkdir");
    for sheet in ["Budget.csv", "Utfall.csv", "Volymer.csv"] {
        fs::copy(root.join("fixtures/2023-csv").join(sheet), dir.path().join("csv").join(sheet)).expect("copy");
    }
    dir
}

/// Runs `args` in `dir` and asserts it is refused with exit 2 while `protected`
/// stays byte for byte as it was; returns standard error.
fn refused(dir: &Path, args: &[&str], protected: &str) -> String {
    let before = fs::read(dir.join(protected)).expect("the input exists");
    let out = ekostyr_in(dir, args);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(fs::read(dir.join(protected)).expect("the input is still there"), before, "`{protected}` changed");
    stderr(&out)
}

fn ok(out: &Output) {
    assert_eq!(out.status.code(), Some(0), "{}", stderr(out));
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).expect("metadata").permissions().mode() & 0o7777
}

fn set_mode(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
}

#[test]
fn output_onto_the_workbook_is_refused() {
    let dir = workspace();
    let err = refused(dir.path(), &["run", "2023.ek", "--input", "2023.xlsx", "-f", "xlsx", "-o", "2023.xlsx"], "2023.xlsx");
    insta::assert_snapshot!(err);
}

#[test]
fn output_onto_the_rule_file_is_refused_in_english() {
    let dir = workspace();
    let err = refused(dir.path(), &["--lang", "en", "run", "2023.ek", "--input", "2023.xlsx", "-o", "./2023.ek"], "2023.ek");
    insta::assert_snapshot!(err);
}

#[test]
fn output_onto_a_csv_file_of_the_input_folder_is_refused() {
    let dir = workspace();
    let err = refused(dir.path(), &["run", "2023.ek", "--input", "csv", "-f", "csv", "-o", "csv/Budget.csv"], "csv/Budget.csv");
    assert!(err.contains("`csv/Budget.csv`"), "{err}");
}

#[test]
fn output_onto_a_file_the_rules_build_on_is_refused() {
    let dir = workspace();
    let err = refused(dir.path(), &["run", "2024.ek", "--input", "2024.xlsx", "-o", "2023.ek"], "2023.ek");
    assert!(err.contains("`2023.ek`"), "{err}");
}

#[test]
fn output_onto_the_previous_years_workbook_is_refused() {
    let dir = workspace();
    let args = ["run", "2024.ek", "--input", "2024.xlsx", "--previous-input", "2023.xlsx", "-f", "xlsx", "-o", "2023.xlsx"];
    refused(dir.path(), &args, "2023.xlsx");
}

#[test]
fn output_onto_a_hard_link_of_the_workbook_is_refused() {
    let dir = workspace();
    fs::hard_link(dir.path().join("2023.xlsx"), dir.path().join("same.xlsx")).expect("ln");
    let err = refused(dir.path(), &["run", "2023.ek", "--input", "2023.xlsx", "-f", "xlsx", "-o", "same.xlsx"], "2023.xlsx");
    assert!(err.contains("`same.xlsx`") && err.contains("`2023.xlsx`"), "{err}");
}

#[test]
fn output_onto_a_symlink_of_the_workbook_is_refused() {
    let dir = workspace();
    std::os::unix::fs::symlink("2023.xlsx", dir.path().join("link.xlsx")).expect("ln -s");
    refused(dir.path(), &["run", "2023.ek", "--input", "2023.xlsx", "-f", "xlsx", "-o", "link.xlsx"], "2023.xlsx");
    assert!(fs::symlink_metadata(dir.path().join("link.xlsx")).expect("link").file_type().is_symlink());
}

#[test]
fn template_onto_its_rule_file_is_refused_as_an_input() {
    let dir = workspace();
    let err = refused(dir.path(), &["template", "2024.ek", "-o", "2023.ek"], "2023.ek");
    assert!(err.contains("`2023.ek`"), "{err}");
}

#[test]
fn output_onto_dev_null_is_written_as_a_stream() {
    let dir = workspace();
    ok(&ekostyr_in(dir.path(), &["run", "2023.ek", "--input", "2023.xlsx", "-f", "csv", "-o", "/dev/null"]));
    assert!(fs::metadata("/dev/null").expect("/dev/null").file_type().is_char_device());
}

#[test]
fn output_onto_a_fifo_is_written_as_a_stream() {
    let dir = workspace();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read(fifo).expect("read the fifo"))
    };
    ok(&ekostyr_in(dir.path(), &["run", "2023.ek", "--input", "2023.xlsx", "-f", "csv", "-o", "pipe"]));
    let read = reader.join().expect("the reader ends");
    assert!(read.starts_with("\u{feff}vy;".as_bytes()), "{}", String::from_utf8_lossy(&read));
    assert!(fs::symlink_metadata(&fifo).expect("fifo").file_type().is_fifo());
}

#[test]
fn output_onto_a_symlink_writes_its_target_and_keeps_the_link() {
    let dir = workspace();
    fs::write(dir.path().join("report.csv"), "old").expect("write");
    std::os::unix::fs::symlink("report.csv", dir.path().join("link.csv")).expect("ln -s");
    ok(&ekostyr_in(dir.path(), &["run", "2023.ek", "--input", "2023.xlsx", "-f", "csv", "-o", "link.csv"]));
    assert!(fs::symlink_metadata(dir.path().join("link.csv")).expect("link").file_type().is_symlink());
    let written = fs::read_to_string(dir.path().join("report.csv")).expect("target");
    assert!(written.starts_with("\u{feff}vy;"), "{written}");
}

#[test]
fn output_onto_a_dangling_symlink_creates_its_target() {
    let dir = workspace();
    std::os::unix::fs::symlink("report.csv", dir.path().join("link.csv")).expect("ln -s");
    ok(&ekostyr_in(dir.path(), &["run", "2023.ek", "--input", "2023.xlsx", "-f", "csv", "-o", "link.csv"]));
    assert!(fs::symlink_metadata(dir.path().join("link.csv")).expect("link").file_type().is_symlink());
    assert!(fs::read_to_string(dir.path().join("report.csv")).expect("target").starts_with("\u{feff}vy;"));
}

/// The reference rules with every indented line indented two more spaces.
fn unformatted() -> String {
    let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/2023.ek")).expect("rules");
    text.lines().map(|l| if l.starts_with(' ') { format!("  {l}\n") } else { format!("{l}\n") }).collect()
}

#[test]
fn fmt_through_a_symlink_formats_the_target_and_keeps_the_link_and_the_mode() {
    let dir = workspace();
    let target = dir.path().join("real.ek");
    fs::write(&target, unformatted()).expect("write");
    set_mode(&target, 0o640);
    std::os::unix::fs::symlink("real.ek", dir.path().join("link.ek")).expect("ln -s");
    ok(&ekostyr_in(dir.path(), &["fmt", "link.ek"]));
    assert!(fs::symlink_metadata(dir.path().join("link.ek")).expect("link").file_type().is_symlink());
    assert_eq!(fs::read_to_string(&target).expect("target"), fs::read_to_string(dir.path().join("2023.ek")).expect("reference"));
    assert_eq!(mode(&target), 0o640);
}

#[test]
fn fmt_keeps_a_files_mode() {
    let dir = workspace();
    let file = dir.path().join("real.ek");
    fs::write(&file, unformatted()).expect("write");
    set_mode(&file, 0o644);
    ok(&ekostyr_in(dir.path(), &["fmt", "real.ek"]));
    assert_eq!(mode(&file), 0o644);
}

#[test]
fn a_new_report_gets_the_mode_of_any_new_file() {
    let dir = workspace();
    ok(&ekostyr_in(dir.path(), &["run", "2023.ek", "--input", "2023.xlsx", "-f", "csv", "-o", "new.csv"]));
    // The test process has the binary's umask; `fs::write` creates with 0666 less it.
    fs::write(dir.path().join("probe"), "").expect("probe");
    assert_eq!(mode(&dir.path().join("new.csv")), mode(&dir.path().join("probe")));
}

#[test]
fn a_replaced_report_keeps_its_mode() {
    let dir = workspace();
    let report = dir.path().join("report.csv");
    fs::write(&report, "old").expect("write");
    set_mode(&report, 0o640);
    ok(&ekostyr_in(dir.path(), &["run", "2023.ek", "--input", "2023.xlsx", "-f", "csv", "-o", "report.csv"]));
    assert!(fs::read_to_string(&report).expect("report").starts_with("\u{feff}vy;"));
    assert_eq!(mode(&report), 0o640);
}

#[test]
fn a_new_template_gets_the_mode_of_any_new_file() {
    let dir = workspace();
    ok(&ekostyr_in(dir.path(), &["template", "2023.ek", "-o", "mall.xlsx"]));
    fs::write(dir.path().join("probe"), "").expect("probe");
    assert_eq!(mode(&dir.path().join("mall.xlsx")), mode(&dir.path().join("probe")));
}

/// `fmt` on a rule file with a second name (a hard link) formats the one file both
/// names share: same inode, still two names, both show the new text, the mode kept.
#[test]
fn fmt_on_a_hard_linked_file_keeps_the_link() {
    use std::os::unix::fs::MetadataExt as _;
    let dir = workspace();
    let (file, other) = (dir.path().join("2023.ek"), dir.path().join("delad.ek"));
    let text = fs::read_to_string(&file).expect("rules");
    fs::write(&file, text.replacen("mått volym hemtjänsttimmar_leanlink: timmar", "mått   volym hemtjänsttimmar_leanlink :timmar", 1))
        .expect("unformat");
    fs::set_permissions(&file, fs::Permissions::from_mode(0o640)).expect("chmod");
    fs::hard_link(&file, &other).expect("hard link");
    let inode = fs::metadata(&file).expect("meta").ino();
    let out = ekostyr_in(dir.path(), &["fmt", "2023.ek"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (a, b) = (fs::metadata(&file).expect("meta"), fs::metadata(&other).expect("meta"));
    assert_eq!((a.ino(), b.ino(), a.nlink()), (inode, inode, 2), "the same file under both names");
    assert_eq!(a.mode() & 0o777, 0o640, "the mode is kept");
    assert_eq!(fs::read_to_string(&other).expect("other name"), text, "the other name sees the formatted text");
    // Shorter and longer content both leave exactly the new bytes.
    assert_eq!(fs::metadata(&other).expect("meta").len(), text.len() as u64);
}

/// A report written with `-o` onto a hard-linked file is written in place too.
#[test]
fn a_report_onto_a_hard_linked_file_keeps_the_link() {
    use std::os::unix::fs::MetadataExt as _;
    let dir = workspace();
    fs::write(dir.path().join("r.json"), "old report, longer than nothing at all").expect("write");
    fs::hard_link(dir.path().join("r.json"), dir.path().join("kopia.json")).expect("hard link");
    let out = ekostyr_in(dir.path(), &["run", "2023.ek", "--input", "2023.xlsx", "--format", "json", "-o", "r.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let copy = fs::read_to_string(dir.path().join("kopia.json")).expect("other name");
    assert!(copy.starts_with('{') && copy.contains("\"assignments\""), "{}", &copy[..copy.len().min(80)]);
    assert_eq!(fs::metadata(dir.path().join("r.json")).expect("meta").nlink(), 2);
}
