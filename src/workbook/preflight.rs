//! Checks of a zip workbook (xlsx, xlsm, xlsb, ods) before calamine opens it:
//! calamine inflates the shared strings and every ods table at open, and buffers
//! an XML text whole, so a few kilobytes of archive can ask for gigabytes.
//! Sizes come from the archive's central directory, and bind: the zip reader
//! (calamine's too) refuses a part inflating past its declared size. The shared
//! strings and an ods's `content.xml` are scanned (inflated, not stored) to count what
//! calamine would hold. Every part is then inflated once more, CRC checked and, above
//! 32 MiB, scanned for an over-long XML text or tag, by `inflate.rs` (beside calamine,
//! for an xlsx). An archive the zip reader refuses is left to calamine to report.

use std::io::{BufRead, BufReader, Read, Seek};
use std::path::Path;

use zip::ZipArchive;

use super::error::{WorkbookError, ZipPart};
use super::inflate::Part;
use super::limits::{
    MAX_INFLATE_RATIO, MAX_PART_BYTES, MAX_SHARED_STRINGS_BYTES, MAX_SHARED_STRINGS_MEMORY, MAX_TAG_BYTES, RATIO_FREE_BYTES,
    shared_strings_cost, sheet_cells,
};

/// Most rows and columns calamine gives an ods table (it caps repeats there).
const ODS_MAX_ROWS: u64 = 1_048_576;
const ODS_MAX_COLUMNS: u64 = 16_384;

/// Refuses a zip workbook (`input`, the file `file` opened) whose parts, shared strings
/// or ods tables break a cap; gives the parts to inflate in the second pass (see
/// `inflate.rs`), each with its sheet where `xl/workbook.xml` names one.
pub(crate) fn check(file: &Path, input: impl Read + Seek) -> Result<Vec<Part>, WorkbookError> {
    let Ok(mut zip) = ZipArchive::new(BufReader::new(input)) else {
        return Ok(Vec::new());
    };
    let mut entries = Vec::new();
    for index in 0..zip.len() {
        let Ok(part) = zip.by_index_raw(index) else { continue };
        let Ok(name) = part.name().map(|n| n.into_owned()) else { continue };
        let start = part.header_start();
        let end = part.data_start().unwrap_or(start).saturating_add(part.compressed_size());
        entries.push((index, name, part.size(), part.compressed_size(), (start, end), part.is_dir()));
    }
    let sheets = sheet_parts(&mut zip, &entries);
    let mut parts = Vec::new();
    let (mut shared_strings, mut content) = (None, None);
    for (index, name, size, packed, bytes, dir) in entries {
        let part = ZipPart { sheet: sheets.iter().find(|(p, _)| *p == name).map(|(_, s)| s.clone()), path: name.clone() };
        check_size(file, &part, size, packed)?;
        if name.to_ascii_lowercase().ends_with("sharedstrings.xml") {
            shared_strings = Some((index, part.clone(), size));
        } else if name == "content.xml" {
            content = Some(index);
        }
        if !dir {
            parts.push(Part { index, part, scan_runs: size > RATIO_FREE_BYTES && is_xml(&name), bytes });
        }
    }
    if let Some((index, part, size)) = shared_strings {
        check_shared_strings(file, &mut zip, index, part, size)?;
    }
    if let Some(index) = content {
        check_ods_tables(file, &mut zip, index)?;
    }
    Ok(parts)
}

/// The worksheet parts of an xlsx and their sheets' names, from `xl/workbook.xml`
/// (`<sheet name=… r:id=…>`) and `xl/_rels/workbook.xml.rels` (`<Relationship Id=… Target=…>`);
/// none when either is missing or larger than [`RATIO_FREE_BYTES`].
fn sheet_parts<R: Read + Seek>(zip: &mut ZipArchive<R>, entries: &[Entry]) -> Vec<(String, String)> {
    let mut read = |wanted: &str, on_tag: &mut dyn FnMut(&[u8])| {
        let found = entries.iter().find(|e| e.1 == wanted && e.2 <= RATIO_FREE_BYTES);
        if let Some(Ok(part)) = found.map(|e| zip.by_index(e.0)) {
            scan_tags(part.take(RATIO_FREE_BYTES), on_tag);
        }
    };
    let mut sheets = Vec::new();
    read("xl/workbook.xml", &mut |tag| {
        if local_name(tag_name(tag)) == b"sheet"
            && let (Some(name), Some(id)) = (attribute(tag, b"name"), attribute(tag, b"r:id"))
        {
            sheets.push((unescape(id), unescape(name)));
        }
    });
    let mut parts = Vec::new();
    read("xl/_rels/workbook.xml.rels", &mut |tag| {
        if local_name(tag_name(tag)) == b"Relationship"
            && let (Some(id), Some(target)) = (attribute(tag, b"Id"), attribute(tag, b"Target"))
            && let Some((_, name)) = sheets.iter().find(|(i, _)| *i == unescape(id))
        {
            let target = unescape(target);
            let path = match target.strip_prefix('/') {
                Some(absolute) => absolute.to_string(),
                None => format!("xl/{}", target.trim_start_matches("./")),
            };
            parts.push((path, name.clone()));
        }
    });
    parts
}

/// One entry of the central directory: index, name, size, packed size, bytes in the file, directory.
type Entry = (usize, String, u64, u64, (u64, u64), bool);

/// An attribute value with XML's five entities and numeric references replaced.
fn unescape(value: &[u8]) -> String {
    let text = String::from_utf8_lossy(value);
    if !text.contains('&') {
        return text.into_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = &*text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find(';') else { break };
        let entity = &rest[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .map(|h| u32::from_str_radix(h, 16))
                .or_else(|| entity.strip_prefix('#').map(str::parse))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether a part holds XML (an xlsb's `.bin` parts are records, not text).
fn is_xml(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.ends_with(".xml") || name.ends_with(".rels")
}

/// A part's declared inflated size, against [`MAX_PART_BYTES`] and [`MAX_INFLATE_RATIO`].
fn check_size(file: &Path, part: &ZipPart, size: u64, packed: u64) -> Result<(), WorkbookError> {
    if size > MAX_PART_BYTES {
        return Err(WorkbookError::PartTooLarge { file: file.to_path_buf(), part: part.clone(), size, max: MAX_PART_BYTES });
    }
    if size > RATIO_FREE_BYTES && size / packed.max(1) > MAX_INFLATE_RATIO {
        return Err(WorkbookError::PartInflates { file: file.to_path_buf(), part: part.clone(), size, packed });
    }
    Ok(())
}

/// The shared strings: their size, the count they declare, and the count found.
fn check_shared_strings<R: Read + Seek>(
    file: &Path,
    zip: &mut ZipArchive<R>,
    index: usize,
    part: ZipPart,
    size: u64,
) -> Result<(), WorkbookError> {
    if size > MAX_SHARED_STRINGS_BYTES {
        let max = MAX_SHARED_STRINGS_BYTES;
        return Err(WorkbookError::PartTooLarge { file: file.to_path_buf(), part, size, max });
    }
    let Ok(part) = zip.by_index(index) else { return Ok(()) };
    let mut count = SharedStrings::default();
    scan_tags(part.take(MAX_SHARED_STRINGS_BYTES), &mut |tag| count.tag(tag));
    match count.declared.max(count.found) {
        n if shared_strings_cost(n, size) > MAX_SHARED_STRINGS_MEMORY => {
            Err(WorkbookError::TooManySharedStrings { file: file.to_path_buf(), count: n, size })
        }
        _ => Ok(()),
    }
}

/// Counts `<si>` elements and reads the `uniqueCount` of `<sst>`.
#[derive(Default)]
struct SharedStrings {
    declared: u64,
    found: u64,
}

impl SharedStrings {
    fn tag(&mut self, tag: &[u8]) {
        match local_name(tag_name(tag)) {
            b"si" => self.found += 1,
            b"sst" => self.declared = attribute(tag, b"uniqueCount").and_then(number).unwrap_or(0),
            _ => {}
        }
    }
}

/// Every table of an ods's `content.xml`: the cells it spans from A1 once its
/// repeated rows and columns are expanded, as calamine expands them.
fn check_ods_tables<R: Read + Seek>(file: &Path, zip: &mut ZipArchive<R>, index: usize) -> Result<(), WorkbookError> {
    let Ok(part) = zip.by_index(index) else { return Ok(()) };
    let mut tables = OdsTables::default();
    scan_tags(part.take(MAX_PART_BYTES), &mut |tag| tables.tag(tag));
    match tables.too_large {
        Some((sheet, rows, cols)) => Err(WorkbookError::TooLarge { file: file.to_path_buf(), sheet, rows, cols }),
        None => Ok(()),
    }
}

/// The extent of the table being scanned, and the first table found too large.
#[derive(Default)]
struct OdsTables {
    name: String,
    /// Rows before the current row element, and its repeat count.
    row: u64,
    repeats: u64,
    /// Column of the next cell of the current row.
    col: u64,
    /// One past the last row and column holding a value.
    rows: u64,
    cols: u64,
    /// Cells calamine stores while reading the rows, before expanding repeats.
    stored: u64,
    too_large: Option<(String, u64, u64)>,
}

impl OdsTables {
    fn tag(&mut self, tag: &[u8]) {
        let empty = tag.ends_with(b"/");
        match tag_name(tag) {
            b"table:table" => self.start_table(tag),
            b"/table:table" => self.end_table(),
            b"table:table-row" => self.start_row(tag, empty),
            b"/table:table-row" => self.end_row(),
            b"table:table-cell" | b"table:covered-table-cell" => self.cell(tag, empty),
            _ => {}
        }
    }

    fn start_table(&mut self, tag: &[u8]) {
        let name = attribute(tag, b"table:name").unwrap_or_default();
        *self = OdsTables { name: String::from_utf8_lossy(name).into_owned(), too_large: self.too_large.take(), ..OdsTables::default() };
    }

    fn end_table(&mut self) {
        let spanned = self.rows.saturating_mul(self.cols);
        if self.too_large.is_none() && spanned.max(self.stored) > sheet_cells() {
            self.too_large = Some((std::mem::take(&mut self.name), self.rows, self.cols));
        }
    }

    fn start_row(&mut self, tag: &[u8], empty: bool) {
        self.repeats = attribute(tag, b"table:number-rows-repeated").and_then(number).unwrap_or(1).max(1);
        self.col = 0;
        if empty {
            self.end_row();
        }
    }

    fn end_row(&mut self) {
        self.row = self.row.saturating_add(self.repeats).min(ODS_MAX_ROWS);
        self.repeats = 1;
    }

    /// A cell; it holds a value when it has a type or content (calamine's test is
    /// finer, so this may count an empty cell, never miss a full one).
    fn cell(&mut self, tag: &[u8], empty: bool) {
        let repeats = attribute(tag, b"table:number-columns-repeated").and_then(number).unwrap_or(1).max(1);
        let end = self.col.saturating_add(repeats).min(ODS_MAX_COLUMNS);
        if !empty || attribute(tag, b"office:value-type").is_some() {
            self.stored = self.stored.saturating_add(end);
            self.cols = self.cols.max(end);
            self.rows = self.rows.max(self.row.saturating_add(self.repeats).min(ODS_MAX_ROWS));
        }
        self.col = end;
    }
}

/// Hands each tag (the bytes between `<` and `>`, at most [`MAX_TAG_BYTES`] kept,
/// a trailing `/` for an empty element) to `on_tag`; stops quietly at a read error.
fn scan_tags(input: impl Read, on_tag: &mut dyn FnMut(&[u8])) {
    let mut input = BufReader::with_capacity(1 << 16, input);
    let mut tag: Option<Vec<u8>> = None;
    let mut quote = None;
    loop {
        let chunk = match input.fill_buf() {
            Ok([]) | Err(_) => return,
            Ok(chunk) => chunk,
        };
        for &byte in chunk {
            let Some(bytes) = &mut tag else {
                if byte == b'<' {
                    tag = Some(Vec::new());
                }
                continue;
            };
            match quote {
                Some(q) if byte == q => quote = None,
                None if byte == b'"' || byte == b'\'' => quote = Some(byte),
                None if byte == b'>' => {
                    on_tag(bytes);
                    tag = None;
                    continue;
                }
                _ => {}
            }
            if bytes.len() < MAX_TAG_BYTES {
                bytes.push(byte);
            }
        }
        let len = chunk.len();
        input.consume(len);
    }
}

/// A tag's name: up to the first blank or `/` (a closing tag keeps its leading `/`).
fn tag_name(tag: &[u8]) -> &[u8] {
    let start = usize::from(tag.first() == Some(&b'/'));
    let end = tag[start..].iter().position(|&b| b.is_ascii_whitespace() || b == b'/').map_or(tag.len(), |p| p + start);
    &tag[..end]
}

/// A name without its namespace prefix.
fn local_name(name: &[u8]) -> &[u8] {
    name.iter().rposition(|&b| b == b':').map_or(name, |p| &name[p + 1..])
}

/// The value of attribute `name` in a tag, without its quotes.
fn attribute<'t>(tag: &'t [u8], name: &[u8]) -> Option<&'t [u8]> {
    let mut rest = tag;
    while let Some(at) = find(rest, name) {
        let before = at.checked_sub(1).map(|i| rest[i]);
        let after = &rest[at + name.len()..];
        let after = after.trim_ascii_start();
        if before.is_some_and(|b| b.is_ascii_whitespace())
            && let Some(after) = after.strip_prefix(b"=")
            && let Some((&q, value)) = after.trim_ascii_start().split_first()
            && (q == b'"' || q == b'\'')
        {
            return value.iter().position(|&b| b == q).map(|end| &value[..end]);
        }
        rest = &rest[at + name.len()..];
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A decimal count; a count too large for `u64` saturates.
fn number(text: &[u8]) -> Option<u64> {
    let text = text.trim_ascii();
    if text.is_empty() || !text.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(text.iter().fold(0u64, |n, &d| n.saturating_mul(10).saturating_add(u64::from(d - b'0'))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(xml: &str) -> Vec<String> {
        let mut out = Vec::new();
        scan_tags(xml.as_bytes(), &mut |t| out.push(String::from_utf8_lossy(t).into_owned()));
        out
    }

    #[test]
    fn tags_keep_quoted_angle_brackets() {
        assert_eq!(tags(r#"<a x="1>2"/> text <b>"#), [r#"a x="1>2"/"#, "b"]);
    }

    #[test]
    fn entities_in_names() {
        assert_eq!(unescape(b"R&amp;D &#229;r &#xE4;n &lt;x&gt; &bogus; &"), "R&D år än <x> &bogus; &");
    }

    #[test]
    fn shared_strings_are_counted_and_declared() {
        let mut count = SharedStrings::default();
        scan_tags(r#"<sst uniqueCount="7"><si><t>a</t></si><x:si/><si></si></sst>"#.as_bytes(), &mut |t| count.tag(t));
        assert_eq!((count.declared, count.found), (7, 3));
    }

    #[test]
    fn attributes_and_names() {
        let tag = br#"table:table-row table:style-name="x" table:number-rows-repeated='12'"#;
        assert_eq!(attribute(tag, b"table:number-rows-repeated").and_then(number), Some(12));
        assert_eq!(attribute(tag, b"rows-repeated"), None);
        assert_eq!(tag_name(b"/table:table"), b"/table:table");
        assert_eq!(tag_name(b"si/"), b"si");
        assert_eq!(local_name(b"x:si"), b"si");
    }

    fn ods_extent(xml: &str) -> (u64, u64) {
        let mut tables = OdsTables::default();
        scan_tags(xml.as_bytes(), &mut |t| tables.tag(t));
        (tables.rows, tables.cols)
    }

    #[test]
    fn ods_repeats_count_only_cells_with_values() {
        let row = r#"<table:table-row table:number-rows-repeated="3"><table:table-cell office:value-type="float" table:number-columns-repeated="4"/><table:table-cell table:number-columns-repeated="1000"/></table:table-row>"#;
        let trailing = r#"<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#;
        assert_eq!(ods_extent(&format!("<table:table table:name=\"V\">{row}{trailing}")), (3, 4));
    }
}
