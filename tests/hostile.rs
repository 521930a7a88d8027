//! Hostile workbooks that ask for far more memory than their size: each is made
//! here (never committed), run under a 384 MiB address-space cap and a 10 s
//! timeout, and must be refused with exit 2 and a Swedish message naming the cap
//! and the figure found (the caps are `src/workbook/limits.rs`).

use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// The address space the child may use: 384 MiB. It counts the binary's own mapped code,
/// which since the PDF's typesetter (typst) is about 120 MiB in a debug build; 256 MiB
/// then left too little heap to read 500 000 rows and refuse the next one.
const MEMORY_CAP: u64 = 384 << 20;
const TIMEOUT: Duration = Duration::from_secs(60);

/// What a capped run gave.
struct Run {
    code: Option<i32>,
    stderr: String,
}

/// The command running `ekostyr ARGS` under [`MEMORY_CAP`]: by `prlimit` when
/// the machine has it, else by the shell's `ulimit -v`.
fn capped(args: &[&str]) -> Command {
    let bin = env!("CARGO_BIN_EXE_ekostyr");
    let has_prlimit = Command::new("prlimit").arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok();
    let mut command = if has_prlimit {
        let mut c = Command::new("prlimit");
        c.arg(format!("--as={MEMORY_CAP}")).arg("--").arg(bin);
        c
    } else {
        let mut c = Command::new("sh");
        c.arg("-c").arg(format!("ulimit -v {}; exec \"$0\" \"$@\"", MEMORY_CAP / 1024)).arg(bin);
        c
    };
    command.args(args);
    command
}

/// Runs `ekostyr run` on `input` under the caps; kills it and fails the test after [`TIMEOUT`].
fn run_capped(input: &Path) -> Run {
    run_capped_with(input, &[])
}

/// [`run_capped`] with further arguments (`--max-rader N`).
fn run_capped_with(input: &Path, more: &[&str]) -> Run {
    let out = tempfile::tempdir().expect("tempdir");
    let report = out.path().join("r.json");
    let (input, report_arg) = (input.to_str().expect("utf-8"), report.to_str().expect("utf-8"));
    let mut args = vec!["run", "rules/2023.ek", "--input", input, "--format", "json", "-o", report_arg];
    args.extend_from_slice(more);
    let mut child = capped(&args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("CI", "true")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("no answer within {TIMEOUT:?} on {input}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    child.stderr.take().expect("stderr").read_to_string(&mut stderr).expect("utf-8");
    assert!(!report.exists(), "a refused input gave a report");
    Run { code: status.code(), stderr: stderr.replace(input, "INPUT") }
}

/// Asserts a refusal: exit 2 (not an abort) and every expected piece of text in stderr.
fn assert_refused(run: &Run, expected: &[&str]) {
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    for text in expected {
        assert!(run.stderr.contains(text), "expected `{text}` in:\n{}", run.stderr);
    }
}

fn fixture(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// A copy of zip workbook `source` at `target`: `edit` may write a replacement for
/// a part (returning true); other parts are copied as they are. `extra` adds parts.
fn rezip(
    source: &Path,
    target: &Path,
    mut edit: impl FnMut(&str, &[u8], &mut ZipWriter<File>) -> bool,
    extra: impl FnOnce(&mut ZipWriter<File>),
) {
    let mut from = ZipArchive::new(File::open(source).expect("source")).expect("zip");
    let mut to = ZipWriter::new(File::create(target).expect("target"));
    for index in 0..from.len() {
        let mut part = from.by_index(index).expect("part");
        let name = part.name().expect("name").into_owned();
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).expect("inflate");
        drop(part);
        if !edit(&name, &bytes, &mut to) {
            to.raw_copy_file(from.by_index_raw(index).expect("part")).expect("copy");
        }
    }
    extra(&mut to);
    to.finish().expect("zip");
}

fn deflated() -> SimpleFileOptions {
    deflated_at(1)
}

fn deflated_at(level: i64) -> SimpleFileOptions {
    SimpleFileOptions::default().compression_method(CompressionMethod::Deflated).compression_level(Some(level))
}

/// The reference workbook with `spaces` bytes of whitespace in the Volymer sheet
/// (sheet2): calamine's XML reader buffers such a text whole.
fn whitespace_bomb(target: &Path, spaces: usize, level: i64) {
    rezip(
        &fixture("fixtures/2023.xlsx"),
        target,
        |name, bytes, to| {
            if name != "xl/worksheets/sheet2.xml" {
                return false;
            }
            let text = std::str::from_utf8(bytes).expect("utf-8");
            let (head, tail) = text.split_at(text.find("<sheetData>").expect("sheetData") + "<sheetData>".len());
            to.start_file(name, deflated_at(level)).expect("part");
            to.write_all(head.as_bytes()).expect("write");
            let chunk = vec![b' '; 1 << 20];
            for _ in 0..spaces / chunk.len() {
                to.write_all(&chunk).expect("write");
            }
            to.write_all(tail.as_bytes()).expect("write");
            true
        },
        |_| {},
    );
}

#[test]
fn an_xlsx_sheet_inflating_to_300_mb_of_whitespace_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("bomb.xlsx");
    whitespace_bomb(&input, 300 << 20, 1);
    let size = std::fs::metadata(&input).expect("file").len();
    assert!(size < 4 << 20, "the bomb should be small, not {size} bytes");
    let run = run_capped(&input);
    assert_refused(&run, &["bladet `Volymer` (delen `xl/worksheets/sheet2.xml`)", "mer än 16 777 216 byte"]);
}

/// The reference workbook with its Utfall sheet (sheet1) stored, not deflated, and one digit
/// of its first amount changed in the file without fixing the part's CRC-32: calamine
/// stops reading at `</sheetData>`, before the zip reader's check, so only the second
/// pass over the archive can tell.
#[test]
fn a_changed_digit_in_a_stored_sheet_is_refused_for_its_checksum_naming_the_sheet() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("changed.xlsx");
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    rezip(
        &fixture("fixtures/2023.xlsx"),
        &input,
        |name, bytes, to| {
            if name != "xl/worksheets/sheet1.xml" {
                return false;
            }
            to.start_file(name, stored).expect("part");
            to.write_all(bytes).expect("write");
            true
        },
        |_| {},
    );
    let mut bytes = std::fs::read(&input).expect("read");
    let amount = b"<v>1713042.16</v>";
    let at = bytes.windows(amount.len()).position(|w| w == amount).expect("the first amount, stored as it is");
    bytes[at + 4] = b'8';
    std::fs::write(&input, &bytes).expect("write");
    let run = run_capped(&input);
    assert_refused(&run, &["bladet `Utfall` (delen `xl/worksheets/sheet1.xml`)", "kontrollsumma"]);
}

#[test]
fn a_tightly_packed_xlsx_part_is_refused_for_its_ratio_before_it_is_inflated() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("bomb.xlsx");
    whitespace_bomb(&input, 34 << 20, 9);
    let run = run_capped(&input);
    assert_refused(&run, &["`xl/worksheets/sheet2.xml`", "till 35 791 088 byte", "mer än 200 gånger", "zip-bomb"]);
}

#[test]
fn an_xlsx_declaring_150_million_shared_strings_is_refused_before_calamine_reserves_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("strings.xlsx");
    let sst = r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="150000000" uniqueCount="150000000"><si><t>a</t></si></sst>"#;
    let extra = |to: &mut ZipWriter<File>| {
        to.start_file("xl/sharedStrings.xml", deflated()).expect("part");
        to.write_all(sst.as_bytes()).expect("write");
    };
    rezip(&fixture("fixtures/2023.xlsx"), &input, |_, _, _| false, extra);
    let run = run_capped(&input);
    assert_refused(&run, &["150 000 000 delade texter skulle ta omkring", "mer än 1 073 741 824"]);
}

#[test]
fn an_ods_with_a_huge_repeated_block_is_refused_before_calamine_expands_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("block.ods");
    let block = r#"<table:table-row table:number-rows-repeated="5993"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384"><text:p>1</text:p></table:table-cell></table:table-row>"#;
    let edit = |name: &str, bytes: &[u8], to: &mut ZipWriter<File>| {
        if name != "content.xml" {
            return false;
        }
        let text = std::str::from_utf8(bytes).expect("utf-8");
        let at = text.find("</table:table>").expect("a table");
        to.start_file(name, deflated()).expect("part");
        to.write_all(format!("{}{block}{}", &text[..at], &text[at..]).as_bytes()).expect("write");
        true
    };
    rezip(&fixture("tests/workbook/valid.ods"), &input, edit, |_| {});
    let run = run_capped(&input);
    assert_refused(&run, &["bladet `utfall` spänner över 5 997 rader och 16 384 kolumner", "fler än 10 000 000 celler"]);
}

#[test]
fn a_volymer_csv_with_more_rows_than_the_cap_is_refused_at_the_cap() {
    let dir = tempfile::tempdir().expect("tempdir");
    for sheet in ["Utfall", "Budget"] {
        let name = format!("{sheet}.csv");
        std::fs::copy(fixture("fixtures/2023-csv").join(&name), dir.path().join(&name)).expect("copy");
    }
    let rows = ekostyr::workbook::MAX_TABLE_ROWS + 1;
    let mut volymer = std::io::BufWriter::new(File::create(dir.path().join("Volymer.csv")).expect("create"));
    writeln!(volymer, "period;uppdrag;del;mått;värde").expect("write");
    for _ in 0..rows {
        volymer.write_all(b"2023-01;a;;b;1\n").expect("write");
    }
    volymer.flush().expect("flush");
    drop(volymer);
    let run = run_capped(dir.path());
    assert_refused(&run, &["Volymer: fler än 500 000 rader; höj med `--max-rader`"]);
}

#[test]
fn max_rader_lowers_every_sheets_row_cap_and_the_error_names_the_flag() {
    let run = run_capped_with(&fixture("fixtures/2023-csv"), &["--max-rader", "1000"]);
    assert_refused(&run, &["Utfall: fler än 1 000 rader; höj med `--max-rader`"]);
    let en = run_capped_with(&fixture("fixtures/2023-csv"), &["--max-rader", "40", "--lang", "en"]);
    assert_refused(&en, &["Volymer: more than 40 rows; raise with `--max-rader`", "Budget: more than 40 rows"]);
    // The cap is the figure given: the reference Utfall's 3 561 postings pass at 3 561.
    let at_cap = capped(&["run", "rules/2023.ek", "--input", "fixtures/2023-csv", "--max-rader", "3561"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs");
    assert_eq!(at_cap.status.code(), Some(0), "{}", String::from_utf8_lossy(&at_cap.stderr));
}

#[test]
fn max_celler_lowers_the_cell_cap_of_a_sheet_read_whole() {
    let run = run_capped_with(&fixture("tests/workbook/valid.ods"), &["--max-celler", "4"]);
    assert_refused(&run, &["fler än 4 celler", "höj med `--max-celler`"]);
}

#[test]
fn a_text_cell_longer_than_the_cap_is_refused_at_its_cell() {
    let dir = tempfile::tempdir().expect("tempdir");
    for sheet in ["Utfall", "Budget"] {
        let name = format!("{sheet}.csv");
        std::fs::copy(fixture("fixtures/2023-csv").join(&name), dir.path().join(&name)).expect("copy");
    }
    let long = "x".repeat(ekostyr::workbook::MAX_TEXT_CHARS * 2);
    std::fs::write(dir.path().join("Volymer.csv"), format!("period;uppdrag;del;mått;värde\n2023-01;{long};;b;1\n")).expect("write");
    let run = run_capped(dir.path());
    assert_refused(&run, &["Volymer!B2", "texten har 2 000 tecken, fler än 1 000"]);
}

/// One BIFF record.
fn record(kind: u16, data: &[u8]) -> Vec<u8> {
    let mut out = kind.to_le_bytes().to_vec();
    out.extend(u16::try_from(data.len()).expect("short record").to_le_bytes());
    out.extend(data);
    out
}

/// A NUMBER record for the cell at `row`, `col`.
fn number_cell(row: u16, col: u16) -> Vec<u8> {
    let mut data = [row.to_le_bytes(), col.to_le_bytes(), 0u16.to_le_bytes()].concat();
    data.extend(1f64.to_le_bytes());
    record(0x0203, &data)
}

#[test]
fn an_xls_declaring_a_sheet_out_to_column_16_383_is_refused_before_calamine_reserves_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("far.xls");
    let globals_bof = record(0x0809, &[0x00, 0x06, 0x05, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    let boundsheet_len = 4 + 8 + 6;
    let sheet_at = u32::try_from(globals_bof.len() + boundsheet_len + 4).expect("offset");
    let mut boundsheet = sheet_at.to_le_bytes().to_vec();
    boundsheet.extend([0, 0, 6, 0]);
    boundsheet.extend(b"Utfall");
    let mut dimensions = [0u32.to_le_bytes(), 65_536u32.to_le_bytes()].concat();
    dimensions.extend([0u16.to_le_bytes(), 16_384u16.to_le_bytes(), 0u16.to_le_bytes()].concat());
    let stream = [
        globals_bof,
        record(0x0085, &boundsheet),
        record(0x000A, &[]),
        record(0x0809, &[0x00, 0x06, 0x10, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
        record(0x0200, &dimensions),
        number_cell(0, 16_383),
        number_cell(65_535, 0),
        record(0x000A, &[]),
    ]
    .concat();
    let mut book = cfb::create(&input).expect("cfb");
    book.create_stream("/Workbook").expect("stream").write_all(&stream).expect("write");
    book.flush().expect("flush");
    drop(book);
    let run = run_capped(&input);
    assert_refused(&run, &["bladet `Utfall` spänner över 65 536 rader och 16 384 kolumner", "fler än 10 000 000 celler"]);
}
