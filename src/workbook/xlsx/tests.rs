//! The differential test: for every sheet of every xlsx at hand (the fixtures, the
//! test workbooks, the fuzz corpus) and of workbooks written here to reach each corner
//! (cell types, dates by style, entities, rich text, prefixes, missing references),
//! this reader gives the cells calamine's `worksheet_cells_reader` gives, in order,
//! and fails where calamine fails.

use std::io::{Cursor, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use calamine::{Reader, Xlsx};
use zip::write::SimpleFileOptions;

use super::super::value::Value;
use super::{Book, Cells, Fault};

/// The cells of a sheet, each as `(row, col, value)`, and whether reading it failed.
type Read = (Vec<(u32, u32, String)>, bool);

/// A reading of this reader: also whether it failed reading the archive (a corrupt
/// part, found sooner or later depending on how far ahead a reader inflates).
type Ours = (Read, bool);

/// calamine's reading of every sheet, by name; `None` when calamine cannot open the
/// workbook or panics (then this reader is never asked).
fn calamine(bytes: &[u8]) -> Option<(Vec<(String, Read)>, bool)> {
    catch_unwind(AssertUnwindSafe(|| {
        let mut book = Xlsx::new(Cursor::new(bytes)).ok()?;
        let is_1904 = book.has_1904_epoch();
        let mut sheets = Vec::new();
        for name in book.sheet_names() {
            let mut cells = Vec::new();
            let failed = match book.worksheet_cells_reader(&name) {
                Err(_) => true,
                Ok(mut reader) => loop {
                    match reader.next_cell() {
                        Ok(Some(cell)) => {
                            let (row, col) = cell.get_position();
                            cells.push((row, col, format!("{:?}", Value::from(cell.get_value()))));
                        }
                        Ok(None) => break false,
                        Err(_) => break true,
                    }
                },
            };
            sheets.push((name, (cells, failed)));
        }
        Some((sheets, is_1904))
    }))
    .ok()
    .flatten()
}

/// This reader's reading of the sheet `name`, its part found as the program finds it.
fn ours(bytes: &[u8], name: &str, is_1904: bool) -> Option<Ours> {
    let parts = super::super::preflight::check(Path::new("test.xlsx"), Cursor::new(bytes)).ok()?;
    let path = parts.iter().find(|p| p.part.sheet.as_deref() == Some(name))?.part.path.clone();
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let book = Book::load(&mut zip, is_1904).ok()?;
    let part = zip.by_name(&path).ok()?;
    let mut cells = Vec::new();
    let mut reader = match Cells::new(part, &book) {
        Ok(reader) => reader,
        Err(e) => return Some(((cells, true), matches!(*e, Fault::Io(_)))),
    };
    let mut text = String::new();
    loop {
        text.clear();
        match reader.next(&mut text) {
            Ok(Some((row, col, slot))) => cells.push((row, col, format!("{:?}", slot.value(&text, &book.strings)))),
            Ok(None) => return Some(((cells, false), false)),
            Err(e) => return Some(((cells, true), matches!(*e, Fault::Io(_)))),
        }
    }
}

/// Compares the two readings of every sheet; the number of sheets compared.
fn compare(label: &str, bytes: &[u8]) -> usize {
    let Some((sheets, is_1904)) = calamine(bytes) else { return 0 };
    let mut compared = 0;
    for (name, theirs) in sheets {
        let Some((mine, corrupt)) = ours(bytes, &name, is_1904) else { continue };
        if corrupt {
            assert!(theirs.1 && theirs.0.starts_with(&mine.0), "{label}, sheet {name}: corrupt for this reader only");
        } else {
            let at = mine.0.iter().zip(&theirs.0).position(|(a, b)| a != b).unwrap_or(mine.0.len().min(theirs.0.len()));
            let (a, b) = (mine.0.get(at), theirs.0.get(at));
            assert_eq!(mine, theirs, "{label}, sheet {name}: first difference at cell {at}: {a:?} vs {b:?}");
        }
        compared += 1;
    }
    compared
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for path in entries.flatten().map(|e| e.path()) {
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn every_workbook_at_hand_reads_as_calamine_reads_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    for dir in ["fixtures", "tests", "fuzz/corpus/xlsx"] {
        files(&root.join(dir), &mut paths);
    }
    paths.sort();
    let mut compared = 0;
    for path in paths {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
        let in_corpus = path.components().any(|c| c.as_os_str() == "corpus" || c.as_os_str() == "fuzz_regressions");
        if ext == "xlsx" || ext == "xlsm" || in_corpus {
            let bytes = std::fs::read(&path).unwrap_or_default();
            compared += compare(&path.display().to_string(), &bytes);
        }
    }
    assert!(compared > 50, "only {compared} sheets compared");
}

/// A workbook of one sheet `S` with this XML, and these shared strings and styles.
fn workbook(sheet: &str, shared: Option<&str>, styles: Option<&str>, date1904: bool) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default();
    let pr = if date1904 { r#"<workbookPr date1904="1"/>"# } else { "" };
    let mut parts = vec![
        ("[Content_Types].xml", r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#.to_string()),
        ("_rels/.rels", r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
        ("xl/workbook.xml", format!(r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">{pr}<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#)),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_string()),
        ("xl/worksheets/sheet1.xml", sheet.to_string()),
    ];
    if let Some(shared) = shared {
        parts.push(("xl/sharedStrings.xml", shared.to_string()));
    }
    if let Some(styles) = styles {
        parts.push(("xl/styles.xml", styles.to_string()));
    }
    for (name, text) in parts {
        zip.start_file(name, options).expect("writes to memory");
        zip.write_all(text.as_bytes()).expect("writes to memory");
    }
    zip.finish().expect("writes to memory").into_inner()
}

const STYLES: &str = r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\-mm"/><numFmt numFmtId="165" formatCode="[h]:mm"/></numFmts><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165" applyNumberFormat="1"><alignment horizontal="left"/></xf><xf numFmtId="4"/></cellXfs></styleSheet>"#;

const SHARED: &str = r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4"><si><t>Konto</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">rik </t></r><r><t>text</t></r><rPh><t>fonetisk</t></rPh></si><si><t>  trimmad  </t></si><si><t>R&amp;D &#229;&#xE4; _x000D_ &lt;</t></si></sst>"#;

fn sheet(rows: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:F9"/><sheetData>{rows}</sheetData></worksheet>"#
    )
}

fn check(label: &str, sheet: &str, date1904: bool) {
    let bytes = workbook(sheet, Some(SHARED), Some(STYLES), date1904);
    assert_eq!(compare(label, &bytes), 1, "{label}: not compared");
}

#[test]
fn every_cell_type_reads_as_calamine_reads_it() {
    let rows = r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>
<row r="2"><c r="A2"><v>1.5</v></c><c r="B2" t="n"><v>-2e3</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="b"><v>false</v></c><c r="E2" t="e"><v>#N/A</v></c><c r="F2" t="str"><f>A1&amp;"x"</f><v>a&amp;b_x0041_</v></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><t>inline</t></is></c><c r="B3" t="inlineStr"><is><r><t>ri</t></r><r><t xml:space="preserve"> ch </t></r><rPh><t>no</t></rPh></is></c><c r="C3" t="d"><v>2023-08-01T00:00:00</v></c><c r="D3"><v/></c><c r="E3"/><c r="F3"><v>abc</v></c></row>
<row r="4"><c r="A4" s="1"><v>45139</v></c><c r="B4" s="2"><v>45139.5</v></c><c r="C4" s="3"><v>1.25</v></c><c r="D4" s="4"><v>7</v></c><c r="E4" s="99"><v>8</v></c><c r="F4" s="x"><v>9</v></c></row>
<row r="5"><c r="A5" t="inlineStr"><is><t>a&lt;b&gt;&quot;&apos;&#65;&#x42;</t></is></c><c r="B5" t="str"><v>line&#13;&#10;two&#xD;</v></c><c r="C5" t="inlineStr"><is><t><![CDATA[<cdata>]]></t></is></c><c r="D5"><f>1+1</f><v>2</v></c><c r="E5" t="s"><v>00002</v></c></row>"#;
    check("types", &sheet(rows), false);
    check("types 1904", &sheet(rows), true);
}

#[test]
fn positions_prefixes_and_markup_read_as_calamine_reads_them() {
    let rows = r#"<row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>3</v></c><c><v>4</v></c></row><row/><row r="5" spans="1:3"><c t="n" r='B5' s="0"><v>5</v></c></row><row><c><v>6</v></c></row>"#;
    check("positions", &sheet(rows), false);
    let prefixed = r#"<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><!-- a comment --><?pi stuff?><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>pre</x:t></x:is></x:c><x:c r="B1"><x:v>2</x:v></x:c ></x:row></x:sheetData></x:worksheet>"#;
    check("prefixes", prefixed, false);
    let blanks = "<worksheet><sheetData>\r\n  <row r=\"1\">\n\t<c r=\"A1\" t=\"inlineStr\">\n<is>\n<t>  blank  </t>\n</is>\n</c>\n<c r=\"B1\">\n<v> 1 </v>\n</c><c r=\"C1\" t=\"str\"><v>\r\nx\r</v></c></row></sheetData></worksheet>";
    check("blanks", blanks, false);
}

#[test]
fn malformed_sheets_fail_where_calamine_fails() {
    for (label, rows) in [
        ("bad shared index", r#"<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="s"><v>99</v></c></row>"#),
        ("bad bool", r#"<row r="1"><c r="A1" t="b"><v>2</v></c></row>"#),
        ("bad error", r#"<row r="1"><c r="A1" t="e"><v>#BAD!</v></c></row>"#),
        ("bad number", r#"<row r="1"><c r="A1" t="n"><v>x</v></c></row>"#),
        ("bad type", r#"<row r="1"><c r="A1" t="q"><v>1</v></c></row>"#),
        ("bad ref", r#"<row r="1"><c r="1A"><v>1</v></c></row>"#),
        ("bad element", r#"<row r="1"><c r="A1"><x>1</x></c></row>"#),
        ("bad entity", r#"<row r="1"><c r="A1" t="str"><v>&bogus;</v></c></row>"#),
        ("bad attribute", r#"<row r="1"><c r><v>1</v></c></row>"#),
        ("unclosed", r#"<row r="1"><c r="A1"><v>1</v>"#),
    ] {
        check(label, &sheet(rows), false);
    }
    check("cut short", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v", false);
    check("no sheet data", "<worksheet></worksheet>", false);
}

#[test]
fn a_workbook_written_by_rust_xlsxwriter_reads_as_calamine_reads_it() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm");
    let builtin = rust_xlsxwriter::Format::new().set_num_format_index(14);
    sheet.write_string(0, 0, "Period").expect("writes to memory");
    sheet.write_string(0, 1, "Belopp & <moms>").expect("writes to memory");
    sheet.write_number_with_format(1, 0, 45139.0, &date).expect("writes to memory");
    sheet.write_number_with_format(1, 1, 45140.0, &builtin).expect("writes to memory");
    sheet.write_number(1, 2, -1234.56).expect("writes to memory");
    sheet.write_boolean(1, 3, true).expect("writes to memory");
    sheet.write_formula(1, 4, "=C2*2").expect("writes to memory");
    sheet.write_string(2, 0, "Konto").expect("writes to memory");
    let bytes = book.save_to_buffer().expect("writes to memory");
    assert_eq!(compare("rust_xlsxwriter", &bytes), 1);
}
