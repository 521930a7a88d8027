//! The benchmark's input generator: a `Utfall` of N rows as an xlsx workbook and as a
//! Swedish CSV folder, from the reference year's fixture (`fixtures/2023-csv`).
//!
//!     bench-gen [--shared-strings] ROWS OUT.xlsx OUT-csv/
//!
//! With `--shared-strings` the texts are written as Excel and openpyxl write them, as
//! indexes into `xl/sharedStrings.xml`, and the amounts with a number style (`#,##0.00`).
//!
//! Each of the fixture's postings is split into about N / 3 561 postings of the same
//! period and codes whose amounts (in öre) add up to it exactly, so a run on the big
//! input gives the fixture's figures to the öre. Volymer and Budget are the fixture's.
//! The xlsx is written as openpyxl writes it (inline strings, `<v>` numbers), its XML
//! by hand straight into the zip: 10 million rows take seconds, not the hour openpyxl needs.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use zip::write::SimpleFileOptions;

type Table = Vec<Vec<String>>;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let shared = args.first().is_some_and(|a| a == "--shared-strings");
    if shared {
        args.remove(0);
    }
    let [rows, xlsx, csv] = args.as_slice() else {
        eprintln!("usage: bench-gen [--shared-strings] ROWS OUT.xlsx OUT-csv/");
        return ExitCode::from(2);
    };
    let Ok(rows) = rows.replace('_', "").parse::<u64>() else {
        eprintln!("ROWS: not a number: {rows}");
        return ExitCode::from(2);
    };
    match generate(rows, Path::new(xlsx), Path::new(csv), shared) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench-gen: {e}");
            ExitCode::FAILURE
        }
    }
}

fn generate(rows: u64, xlsx: &Path, csv: &Path, shared: bool) -> std::io::Result<()> {
    let fixture = Path::new("fixtures/2023-csv");
    let utfall = read_csv(&fixture.join("Utfall.csv"))?;
    let volymer = read_csv(&fixture.join("Volymer.csv"))?;
    let budget = read_csv(&fixture.join("Budget.csv"))?;
    let postings = split(&utfall[1..], rows);
    std::fs::create_dir_all(csv)?;
    write_csv(&csv.join("Utfall.csv"), &utfall[0], postings.clone())?;
    write_csv(&csv.join("Volymer.csv"), &volymer[0], volymer[1..].iter().cloned())?;
    write_csv(&csv.join("Budget.csv"), &budget[0], budget[1..].iter().cloned())?;
    let mut strings = shared.then(Strings::default);
    write_xlsx(xlsx, [("Utfall", &utfall), ("Volymer", &volymer), ("Budget", &budget)], postings, &mut strings)
}

/// The records of a `;`-separated fixture file.
fn read_csv(path: &Path) -> std::io::Result<Table> {
    let text = std::fs::read_to_string(path)?;
    Ok(text.lines().filter(|l| !l.trim().is_empty()).map(|l| l.split(';').map(str::to_string).collect()).collect())
}

/// Öre of a Swedish amount text (`-1234,5`).
fn ore(text: &str) -> i64 {
    let (int, frac) = text.split_once(',').unwrap_or((text, ""));
    let negative = int.starts_with('-');
    let int: i64 = int.trim_start_matches('-').parse().unwrap_or(0);
    let frac: i64 = format!("{frac:0<2}")[..2].parse().unwrap_or(0);
    let value = int * 100 + frac;
    if negative { -value } else { value }
}

/// The fixture's postings split into `rows` postings (last column: öre), month by month as
/// in the fixture; within a month the pieces of its postings take turns, so codes vary
/// from row to row as in a real ledger.
fn split(postings: &[Vec<String>], rows: u64) -> impl Iterator<Item = Vec<String>> + Clone + '_ {
    let m = postings.len().max(1) as u64;
    let pieces = move |j: usize| rows / m + u64::from((j as u64) < rows % m);
    let mut months: Vec<(usize, usize)> = Vec::new();
    for (j, p) in postings.iter().enumerate() {
        match months.last_mut() {
            Some((_, end)) if postings[*end - 1][0] == p[0] => *end = j + 1,
            _ => months.push((j, j + 1)),
        }
    }
    months.into_iter().flat_map(move |(start, end)| {
        let most = (start..end).map(pieces).max().unwrap_or(0);
        (0..most).flat_map(move |k| {
            (start..end).filter(move |&j| k < pieces(j)).map(move |j| {
                let p = &postings[j];
                let (total, count) = (ore(&p[4]), pieces(j).max(1) as i64);
                let amount = total / count + if k == 0 { total % count } else { 0 };
                vec![p[0].clone(), p[1].clone(), p[2].clone(), p[3].clone(), amount.to_string()]
            })
        })
    })
}

/// Öre as a decimal text with `sep` (`-12.05`).
fn amount(ore: &str, sep: char) -> String {
    let value: i64 = ore.parse().unwrap_or(0);
    let sign = if value < 0 { "-" } else { "" };
    let value = value.unsigned_abs();
    format!("{sign}{}{sep}{:02}", value / 100, value % 100)
}

fn write_csv(path: &Path, header: &[String], rows: impl Iterator<Item = Vec<String>>) -> std::io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 20, File::create(path)?);
    writeln!(out, "{}\r", header.join(";"))?;
    let utfall = header.len() == 5 && header[1] == "id";
    for mut row in rows {
        if utfall {
            row[4] = amount(&row[4], ',');
        }
        writeln!(out, "{}\r", row.join(";"))?;
    }
    out.flush()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn column(i: usize) -> char {
    (b'A' + i as u8) as char
}

/// The shared strings table being built: each distinct text once, in order of first use.
#[derive(Default)]
struct Strings {
    index: std::collections::HashMap<String, usize>,
    texts: Vec<String>,
}

impl Strings {
    fn of(&mut self, text: &str) -> usize {
        if let Some(&i) = self.index.get(text) {
            return i;
        }
        self.texts.push(text.to_string());
        self.index.insert(text.to_string(), self.texts.len() - 1);
        self.texts.len() - 1
    }

    fn xml(&self) -> String {
        let items: String = self.texts.iter().map(|t| format!("<si><t>{}</t></si>", escape(t))).collect();
        let n = self.texts.len();
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{n}" uniqueCount="{n}">{items}</sst>"#
        )
    }
}

/// One row of cells: text inline (or shared), the value column (`number`) as a `<v>` number.
fn write_row(out: &mut impl Write, r: u64, cells: &[String], number: usize, strings: &mut Option<Strings>) -> std::io::Result<()> {
    write!(out, "<row r=\"{r}\">")?;
    for (i, cell) in cells.iter().enumerate() {
        let c = column(i);
        match strings {
            _ if i == number && r > 1 => {
                let style = if strings.is_some() { " s=\"1\"" } else { "" };
                write!(out, "<c r=\"{c}{r}\"{style} t=\"n\"><v>{}</v></c>", cell.replace(',', "."))?
            }
            Some(strings) => write!(out, "<c r=\"{c}{r}\" t=\"s\"><v>{}</v></c>", strings.of(cell))?,
            None => write!(out, "<c r=\"{c}{r}\" t=\"inlineStr\"><is><t>{}</t></is></c>", escape(cell))?,
        }
    }
    write!(out, "</row>")
}

const SHEET_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;
const SHEET_TAIL: &str = "</sheetData></worksheet>";

fn write_xlsx(
    path: &Path,
    sheets: [(&str, &Table); 3],
    postings: impl Iterator<Item = Vec<String>>,
    strings: &mut Option<Strings>,
) -> std::io::Result<()> {
    let part = path.with_extension("xlsx.part");
    let mut zip = zip::ZipWriter::new(BufWriter::with_capacity(1 << 20, File::create(&part)?));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).large_file(true);
    let entry = |zip: &mut zip::ZipWriter<_>, name: &str, text: &str| -> std::io::Result<()> {
        zip.start_file(name, options)?;
        zip.write_all(text.as_bytes())
    };
    let names: Vec<&str> = sheets.iter().map(|(n, _)| *n).collect();
    entry(&mut zip, "[Content_Types].xml", &content_types(names.len()))?;
    entry(&mut zip, "_rels/.rels", RELS)?;
    entry(&mut zip, "xl/workbook.xml", &workbook(&names))?;
    entry(&mut zip, "xl/_rels/workbook.xml.rels", &workbook_rels(names.len()))?;
    entry(&mut zip, "xl/styles.xml", STYLES)?;
    let mut postings = Some(postings);
    for (i, (_, table)) in sheets.iter().enumerate() {
        zip.start_file(format!("xl/worksheets/sheet{}.xml", i + 1), options)?;
        let mut out = BufWriter::with_capacity(1 << 20, &mut zip);
        out.write_all(SHEET_HEAD.as_bytes())?;
        write_row(&mut out, 1, &table[0], usize::MAX, strings)?;
        let number = table[0].len() - 1;
        let mut r = 2;
        match postings.take().filter(|_| i == 0) {
            Some(postings) => {
                for row in postings {
                    let row = [row[0].clone(), row[1].clone(), row[2].clone(), row[3].clone(), amount(&row[4], '.')];
                    write_row(&mut out, r, &row, number, strings)?;
                    r += 1;
                }
            }
            None => {
                for row in &table[1..] {
                    write_row(&mut out, r, row, number, strings)?;
                    r += 1;
                }
            }
        }
        out.write_all(SHEET_TAIL.as_bytes())?;
        out.flush()?;
    }
    if let Some(strings) = strings {
        entry(&mut zip, "xl/sharedStrings.xml", &strings.xml())?;
    }
    zip.finish()?.flush()?;
    std::fs::rename(part, path)
}

fn content_types(sheets: usize) -> String {
    let overrides: String = (1..=sheets)
        .map(|i| format!(r#"<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#))
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>{overrides}</Types>"#
    )
}

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>"#;

fn workbook(names: &[&str]) -> String {
    let sheets: String =
        names.iter().enumerate().map(|(i, n)| format!(r#"<sheet name="{n}" sheetId="{}" r:id="rId{}"/>"#, i + 1, i + 1)).collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{sheets}</sheets></workbook>"#
    )
}

fn workbook_rels(sheets: usize) -> String {
    let rels: String = (1..=sheets)
        .map(|i| format!(r#"<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>"#))
        .collect();
    let styles = sheets + 1;
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}<Relationship Id="rId{styles}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#
    )
}
