//! The reference CSV folder (`fixtures/2023-csv`) as lines to edit, and copies of it.

use std::path::Path;

/// The sheets of the contract, in the order the helpers take them.
pub const SHEETS: [&str; 3] = ["Utfall", "Volymer", "Budget"];

/// The lines of a reference CSV sheet.
pub fn lines(sheet: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/2023-csv").join(format!("{sheet}.csv"));
    let text = std::fs::read_to_string(path).expect("fixture");
    text.split("\r\n").map(str::to_string).collect()
}

/// Replaces field `col` (0-based) of line `line` (1-based).
pub fn set_field(lines: &mut [String], line: usize, col: usize, value: &str) {
    let mut fields: Vec<&str> = lines[line - 1].split(';').collect();
    fields[col] = value;
    lines[line - 1] = fields.join(";");
}

/// A copy of the reference CSV folder with its sheets edited.
pub fn folder(edit: impl FnOnce(&mut [Vec<String>; 3])) -> tempfile::TempDir {
    let mut sheets = SHEETS.map(lines);
    edit(&mut sheets);
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, lines) in SHEETS.iter().zip(&sheets) {
        std::fs::write(dir.path().join(format!("{name}.csv")), lines.join("\r\n")).expect("write");
    }
    dir
}

/// A sheet of a fixture workbook (`fixtures/2024.xlsx`) as the CSV text of a Swedish
/// Excel export: `;`-separated, decimal comma.
pub fn sheet_as_csv(workbook: &str, sheet: &str) -> String {
    use calamine::{Data, Reader as _};
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(workbook);
    let mut wb = calamine::open_workbook_auto(path).expect("the fixture opens");
    let range = wb.worksheet_range(sheet).expect("the sheet");
    let mut text = String::new();
    for row in range.rows() {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match c {
                Data::Float(f) => f.to_string().replace('.', ","),
                Data::Empty => String::new(),
                other => other.to_string(),
            })
            .collect();
        text.push_str(&cells.join(";"));
        text.push('\n');
    }
    text
}

/// The reference CSV folder as an xlsx workbook, with text cells (Swedish numbers are numbers).
pub fn xlsx(dir: &Path, sheets: &[Vec<String>; 3], edit: impl FnOnce(&mut rust_xlsxwriter::Workbook)) -> std::path::PathBuf {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, lines) in SHEETS.iter().zip(sheets) {
        let sheet = book.add_worksheet().set_name(*name).expect("sheet name");
        for (r, line) in lines.iter().enumerate().filter(|(_, l)| !l.is_empty()) {
            for (c, field) in line.split(';').enumerate().filter(|(_, f)| !f.is_empty()) {
                sheet.write_string(r as u32, c as u16, field).expect("write cell");
            }
        }
    }
    edit(&mut book);
    let path = dir.join("in.xlsx");
    book.save(&path).expect("save xlsx");
    path
}
