//! The fuzz targets' bodies, shared by the cargo-fuzz crate (`fuzz/fuzz_targets/*.rs`)
//! and the stable replay test (`tests/fuzz_corpus.rs`), both of which include this
//! file with `#[path]`. Each function takes the fuzzer's bytes, calls the library's
//! public API and panics only on a bug: a panic inside the library or a broken
//! invariant. Errors the library returns for bad input are fine.

use std::path::Path;

use ekostyr::check::check_source;
use ekostyr::fmt::format_source;
use ekostyr::report::json;
use ekostyr::source::SourceFile;
use ekostyr::workbook::{self, Posting, WorkbookError};

/// A target's body: the fuzzer's bytes in, a panic only on a bug.
pub type Target = fn(&[u8]);

/// The targets by name, as `fuzz/corpus/<name>/` holds their inputs.
pub const TARGETS: &[(&str, Target)] = &[
    ("check", check),
    ("fmt_roundtrip", fmt_roundtrip),
    ("xlsx", xlsx),
    ("ods", ods),
    ("csv", csv),
    ("number", number),
    ("report_json", report_json),
];

/// Bytes → UTF-8 (lossy) → check, diagnostics rendered: never panics.
pub fn check(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let checked = check_source(SourceFile::new("fuzz.ek", text.as_ref()), None, &mut vec![]);
    let _ = checked.render();
}

/// A text that checks without errors formats, and formatting is idempotent.
pub fn fmt_roundtrip(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let source = SourceFile::new("fuzz.ek", text.as_ref());
    if check_source(source.clone(), None, &mut vec![]).has_errors() {
        return;
    }
    let once = match format_source(&source) {
        Ok(f) => f,
        Err(d) => panic!("a file that checks does not format:\n{}\n--- input ---\n{text}", d.render(&source)),
    };
    let again = SourceFile::new("fuzz.ek", once.as_str());
    let twice = match format_source(&again) {
        Ok(f) => f,
        Err(d) => panic!("formatted output does not format:\n{}\n--- output ---\n{once}", d.render(&again)),
    };
    assert!(once == twice, "fmt is not idempotent\n--- once ---\n{once}\n--- twice ---\n{twice}");
}

/// Bytes as an `.xlsx` workbook: read, never panics.
pub fn xlsx(data: &[u8]) {
    workbook_file(data, "fuzz.xlsx");
}

/// Bytes as an `.ods` workbook: read, never panics.
pub fn ods(data: &[u8]) {
    workbook_file(data, "fuzz.ods");
}

/// Bytes as `Utfall.csv` in a folder with minimal valid `Volymer.csv` and `Budget.csv`: read, never panics.
pub fn csv(data: &[u8]) {
    let dir = tempfile::tempdir().expect("a temp dir");
    write(&dir.path().join("Utfall.csv"), data);
    write(&dir.path().join("Volymer.csv"), "period;uppdrag;del;mått;värde\n2023-01;a;b;c;1\n".as_bytes());
    write(&dir.path().join("Budget.csv"), "uppdrag;del;mått;värde\na;b;c;1\n".as_bytes());
    read_workbook(dir.path());
}

/// Swedish number parsing on any text: never panics, and a number it reads, written
/// back in the Swedish format with all its decimals, reads as the same number.
pub fn number(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Some(d) = workbook::parse_swedish_number(&text) {
        let written = ekostyr::number::swedish(d, d.scale());
        assert_eq!(workbook::parse_swedish_number(&written), Some(d), "{text:?} read as {d}, written as {written:?}");
    }
    let _ = workbook::parse_period_text(&text);
    if let Ok(bytes) = <[u8; 8]>::try_from(data.get(..8).unwrap_or_default()) {
        let x = f64::from_le_bytes(bytes);
        let _ = workbook::decimal_from_f64(x);
        let _ = workbook::period_from_serial(x, data.len().is_multiple_of(2));
    }
}

/// `report::json::parse` on any text; a report that parses renders to text that
/// parses again, and from then on render and parse are each other's inverse.
pub fn report_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(report) = json::parse(text) else { return };
    let rendered = json::render(&report);
    let again = json::parse(&rendered).unwrap_or_else(|e| panic!("a rendered report does not parse: {e}\n{rendered}"));
    let rerendered = json::render(&again);
    assert!(rendered == rerendered, "render ∘ parse is not stable\n--- first ---\n{rendered}\n--- second ---\n{rerendered}");
}

fn workbook_file(data: &[u8], name: &str) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join(name);
    write(&path, data);
    read_workbook(&path);
}

fn read_workbook(path: &Path) {
    let mut postings = 0u64;
    let mut on_posting = |_: Posting<'_>| -> Result<(), WorkbookError> {
        postings += 1;
        Ok(())
    };
    let (_, problems) = workbook::read_partial(path, &mut on_posting);
    let _ = problems.to_string();
}

fn write(path: &Path, data: &[u8]) {
    std::fs::write(path, data).expect("a temp file is writable");
}
