//! ekostyr's own reader of an xlsx worksheet, for the one sheet that is large (Utfall):
//! it gives the cells calamine's streaming cell reader gives, value for value (see
//! `tests.rs`, which compares the two), at a fraction of the cost, borrowing every
//! text from one buffer per row instead of allocating a `String` per cell. The
//! small sheets, and every other format, stay with calamine.
//!
//! The archive is read through the verifier's gate (`inflate.rs`), like calamine's
//! reads: this reader never runs ahead of the pass checking the part.

mod scan;
mod shared;
mod styles;
#[cfg(test)]
mod tests;

use std::io::{Read, Seek};

use calamine::{CellErrorType, ExcelDateTime, ExcelDateTimeType};
use zip::ZipArchive;

use super::limits::RATIO_FREE_BYTES;
use super::rows::Sink;
use super::value::{Row, Value};
pub(crate) use scan::Fault;
use scan::{Event, Scanner, attributes, local, read_string, skip_to_end};
use shared::Strings;
use styles::Format;

/// Most bytes a single XML token may take: an unscanned part is at most this large
/// (`preflight.rs`), a scanned part's runs are shorter (`inflate.rs`).
const MAX_TOKEN: usize = RATIO_FREE_BYTES as usize;

/// How a sheet was read.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Fed {
    /// Every row went to the sink.
    Read,
    /// Nothing went to the sink: calamine is to read the sheet (a part this reader
    /// does not find or take, or a problem before the first cell, which calamine
    /// then reports in its words).
    Declined,
}

/// Reads the worksheet part `path` of the archive `input` into `sink`, keeping no
/// column at or past `max_columns`.
pub(crate) fn feed<RS: Read + Seek, S: Sink>(
    input: RS,
    path: &str,
    is_1904: bool,
    max_columns: u32,
    sink: &mut S,
) -> Result<Fed, Box<Fault>> {
    let Ok(mut zip) = ZipArchive::new(input) else { return Ok(Fed::Declined) };
    let Ok(book) = Book::load(&mut zip, is_1904) else { return Ok(Fed::Declined) };
    let Some(index) = zip.index_for_name(path) else { return Ok(Fed::Declined) };
    let Ok(part) = zip.by_index(index) else { return Ok(Fed::Declined) };
    let Ok(mut cells) = Cells::new(part, &book) else { return Ok(Fed::Declined) };
    let mut rows = Rows::default();
    let first = match cells.next(&mut rows.text) {
        Ok(first) => first,
        Err(_) => return Ok(Fed::Declined),
    };
    rows.feed(first, &mut cells, &book, max_columns, sink)?;
    Ok(Fed::Read)
}

/// What the cells of every sheet refer to: shared strings, styles, the date system.
#[derive(Debug, Default)]
pub(crate) struct Book {
    strings: Strings,
    formats: Vec<Format>,
    is_1904: bool,
}

impl Book {
    /// Reads `xl/sharedStrings.xml` and `xl/styles.xml` (either may be missing) as calamine does.
    pub(crate) fn load<R: Read + Seek>(zip: &mut ZipArchive<R>, is_1904: bool) -> Result<Book, Box<Fault>> {
        let mut book = Book { is_1904, ..Book::default() };
        if let Some(part) = open_part(zip, "xl/sharedStrings.xml") {
            book.strings = Strings::read(&mut Scanner::new(part?, MAX_TOKEN))?;
        }
        if let Some(part) = open_part(zip, "xl/styles.xml") {
            book.formats = styles::read(&mut Scanner::new(part?, MAX_TOKEN))?;
        }
        Ok(book)
    }
}

/// A part by name, or else by name ignoring case, as calamine finds one.
fn open_part<'z, R: Read + Seek>(zip: &'z mut ZipArchive<R>, name: &str) -> Option<Result<zip::read::ZipFile<'z, R>, Box<Fault>>> {
    let index = zip.index_for_name(name).or_else(|| {
        let lower = name.to_ascii_lowercase();
        (0..zip.len()).find(|&i| zip.name_for_index(i).is_some_and(|n| n.is_ok_and(|n| n.to_ascii_lowercase() == lower)))
    })?;
    Some(zip.by_index(index).map_err(|e| Box::new(Fault::Io(std::io::Error::other(e.to_string())))))
}

/// One cell's value; its text, if any, is a range of the row's text buffer.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Slot {
    Empty,
    Float(f64),
    Text(usize, usize),
    Shared(usize),
    Bool(bool),
    Date(ExcelDateTime),
    DateIso(usize, usize),
    Error(&'static CellErrorType),
}

impl Slot {
    /// The value, reading texts from `text` and `strings`.
    pub(crate) fn value<'a>(self, text: &'a str, strings: &'a Strings) -> Value<'a> {
        match self {
            Slot::Empty => Value::Empty,
            Slot::Float(x) => Value::Float(x),
            Slot::Text(start, end) => Value::Text(text.get(start..end).unwrap_or_default()),
            Slot::Shared(i) => Value::Text(strings.get(i).unwrap_or_default()),
            Slot::Bool(b) => Value::Bool(b),
            Slot::Date(dt) => Value::Date(dt),
            Slot::DateIso(start, end) => Value::DateIso(text.get(start..end).unwrap_or_default()),
            Slot::Error(e) => Value::Error(e),
        }
    }

    /// The slot with its text range moved `by` bytes towards the buffer's start.
    fn shifted(self, by: usize) -> Slot {
        match self {
            Slot::Text(start, end) => Slot::Text(start - by, end - by),
            Slot::DateIso(start, end) => Slot::DateIso(start - by, end - by),
            other => other,
        }
    }

    fn text(self) -> Option<(usize, usize)> {
        match self {
            Slot::Text(start, end) | Slot::DateIso(start, end) => Some((start, end)),
            _ => None,
        }
    }
}

/// The error values a cell of type `e` may hold.
static ERRORS: [(&str, CellErrorType); 7] = [
    ("#DIV/0!", CellErrorType::Div0),
    ("#N/A", CellErrorType::NA),
    ("#NAME?", CellErrorType::Name),
    ("#NULL!", CellErrorType::Null),
    ("#NUM!", CellErrorType::Num),
    ("#REF!", CellErrorType::Ref),
    ("#VALUE!", CellErrorType::Value),
];

/// A worksheet's cells in the order of its XML, as calamine's `XlsxCellReader::next_cell` gives them.
pub(crate) struct Cells<'b, R> {
    xml: Scanner<R>,
    book: &'b Book,
    row: u32,
    col: u32,
    /// The name of the value element being read (`v`, `x:v`).
    name: Vec<u8>,
}

impl<'b, R: Read> Cells<'b, R> {
    /// Reads the part up to `<sheetData>`.
    pub(crate) fn new(input: R, book: &'b Book) -> Result<Self, Box<Fault>> {
        let mut xml = Scanner::new(input, MAX_TOKEN);
        let mut first: Option<String> = None;
        loop {
            match xml.next()? {
                Event::Start(tag) => match local(tag.name) {
                    b"dimension" => match attributes(tag.attrs, [b"ref"])? {
                        [Some(range)] => dimension(range)?,
                        [None] => return Err(Box::new(Fault::Element("dimension".into()))),
                    },
                    b"sheetData" => break,
                    name => {
                        first.get_or_insert_with(|| String::from_utf8_lossy(name).into_owned());
                    }
                },
                Event::Eof => return Err(Box::new(first.map_or(Fault::Eof("worksheet"), Fault::NotAWorksheet))),
                _ => {}
            }
        }
        Ok(Cells { xml, book, row: 0, col: 0, name: Vec::new() })
    }

    /// The next cell (0-based row and column, value), its text appended to `text`;
    /// `None` after `</sheetData>`.
    pub(crate) fn next(&mut self, text: &mut String) -> Result<Option<(u32, u32, Slot)>, Box<Fault>> {
        loop {
            match self.xml.next()? {
                Event::Start(tag) if local(tag.name) == b"row" => {
                    if let [Some(r)] = attributes(tag.attrs, [b"r"])? {
                        self.row = reference(r)?.0;
                    }
                }
                Event::End(end) if local(end) == b"row" => {
                    self.row = self.row.wrapping_add(1);
                    self.col = 0;
                }
                Event::Start(tag) if local(tag.name) == b"c" => {
                    let [r, s, t] = attributes(tag.attrs, [b"r", b"s", b"t"])?;
                    let pos = match r {
                        Some(r) => {
                            let (row, col) = reference(r)?;
                            let col = col.ok_or_else(|| Fault::Reference(lossy(r)))?;
                            self.col = col;
                            (row, col)
                        }
                        None => (self.row, self.col),
                    };
                    let style = s.map(|s| scan::index(s).unwrap_or(0));
                    let kind = Kind::of(t);
                    let slot = self.cell_body(style, kind, text)?;
                    self.col = self.col.wrapping_add(1);
                    return Ok(Some((pos.0, pos.1, slot)));
                }
                Event::End(end) if local(end) == b"sheetData" => return Ok(None),
                Event::Eof => return Err(Box::new(Fault::Eof("sheetData"))),
                _ => {}
            }
        }
    }

    /// The events of a `<c>` up to its end: the last value element's value.
    fn cell_body(&mut self, style: Option<usize>, kind: Kind, text: &mut String) -> Result<Slot, Box<Fault>> {
        let mut slot = Slot::Empty;
        loop {
            let name = match self.xml.next()? {
                Event::Start(tag) => tag.name,
                Event::End(end) if local(end) == b"c" => return Ok(slot),
                Event::Eof => return Err(Box::new(Fault::Eof("c"))),
                _ => continue,
            };
            self.name.clear();
            self.name.extend_from_slice(name);
            slot = self.value(style, kind, text)?;
        }
    }

    /// A value element (its name in `self.name`) read to its end.
    fn value(&mut self, style: Option<usize>, kind: Kind, text: &mut String) -> Result<Slot, Box<Fault>> {
        let name = self.name.as_slice();
        match local(name) {
            b"is" => {
                let start = text.len();
                read_string(&mut self.xml, name, text)?;
                Ok(Slot::Text(start, text.len()))
            }
            b"v" => match kind {
                Kind::Inline => skip_to_end(&mut self.xml, name, "v").map(|()| Slot::Empty),
                Kind::Number | Kind::None | Kind::Shared | Kind::Bool | Kind::Error => {
                    let slot = match self.xml.next()? {
                        Event::Text(raw) => self.book.plain(raw, style, kind, text)?,
                        Event::End(end) if scan::same(end, name) => return Ok(Slot::Empty),
                        Event::Eof => return Err(Box::new(Fault::Eof("v"))),
                        _ => Slot::Empty,
                    };
                    skip_to_end(&mut self.xml, name, "v")?;
                    Ok(slot)
                }
                Kind::Str | Kind::Date | Kind::Other(_) => {
                    let start = text.len();
                    loop {
                        match self.xml.next()? {
                            Event::Text(raw) => scan::push_text(raw, text)?,
                            Event::Ref(entity) => scan::push_reference(entity, text)?,
                            Event::End(end) if scan::same(end, name) => break,
                            Event::Eof => return Err(Box::new(Fault::Eof("v"))),
                            _ => {}
                        }
                    }
                    match kind {
                        Kind::Str => {
                            scan::unescape_excel(text, start);
                            Ok(Slot::Text(start, text.len()))
                        }
                        Kind::Date => Ok(Slot::DateIso(start, text.len())),
                        _ => Err(Box::new(Fault::CellType(kind.name()))),
                    }
                }
            },
            b"f" => skip_to_end(&mut self.xml, name, "f").map(|()| Slot::Empty),
            other => Err(Box::new(Fault::Element(lossy(other)))),
        }
    }
}

/// A cell's type (`t`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    None,
    Number,
    Shared,
    Bool,
    Error,
    Str,
    Date,
    Inline,
    /// A type calamine refuses: its first bytes, for the message.
    Other([u8; 16]),
}

impl Kind {
    fn of(t: Option<&[u8]>) -> Kind {
        match t {
            None => Kind::None,
            Some(b"n") => Kind::Number,
            Some(b"s") => Kind::Shared,
            Some(b"b") => Kind::Bool,
            Some(b"e") => Kind::Error,
            Some(b"str") => Kind::Str,
            Some(b"d") => Kind::Date,
            Some(b"inlineStr" | b"is") => Kind::Inline,
            Some(other) => {
                let mut name = [0u8; 16];
                let len = other.len().min(16);
                name[..len].copy_from_slice(&other[..len]);
                Kind::Other(name)
            }
        }
    }

    fn name(self) -> String {
        match self {
            Kind::Other(name) => lossy(name.split(|&b| b == 0).next().unwrap_or_default()),
            _ => String::new(),
        }
    }
}

impl Book {
    /// The value of a `<v>` of a type whose text calamine takes raw (no references).
    fn plain(&self, raw: &[u8], style: Option<usize>, kind: Kind, text: &mut String) -> Result<Slot, Box<Fault>> {
        match kind {
            Kind::Shared => {
                let index = scan::index(raw).unwrap_or(0);
                self.strings.get(index).map(|_| Slot::Shared(index)).ok_or_else(|| Box::new(Fault::SharedString))
            }
            Kind::Bool => {
                let value = std::str::from_utf8(raw).unwrap_or_default().trim();
                match value {
                    "" => Ok(Slot::Empty),
                    "0" => Ok(Slot::Bool(false)),
                    "1" => Ok(Slot::Bool(true)),
                    v if v.eq_ignore_ascii_case("false") => Ok(Slot::Bool(false)),
                    v if v.eq_ignore_ascii_case("true") => Ok(Slot::Bool(true)),
                    _ => Err(Box::new(Fault::Value { kind: "b", text: lossy(raw) })),
                }
            }
            Kind::Error => ERRORS
                .iter()
                .find(|(name, _)| name.as_bytes() == raw)
                .map(|(_, e)| Slot::Error(e))
                .ok_or_else(|| Box::new(Fault::Value { kind: "e", text: lossy(raw) })),
            _ => match fast_float2::parse::<f64, _>(raw) {
                Ok(x) => Ok(self.number(x, style)),
                Err(_) if kind == Kind::None => {
                    let start = text.len();
                    text.push_str(std::str::from_utf8(raw).map_err(|_| Fault::Utf8(0))?);
                    Ok(Slot::Text(start, text.len()))
                }
                Err(_) => Err(Box::new(Fault::Value { kind: "n", text: lossy(raw) })),
            },
        }
    }

    /// A number in a cell of style `style`: a date in a date style.
    fn number(&self, x: f64, style: Option<usize>) -> Slot {
        let format = match style {
            Some(i) => self.formats.get(i).copied(),
            None => None,
        };
        match format {
            Some(Format::Date) => Slot::Date(ExcelDateTime::new(x, ExcelDateTimeType::DateTime, self.is_1904)),
            Some(Format::Duration) => Slot::Date(ExcelDateTime::new(x, ExcelDateTimeType::TimeDelta, self.is_1904)),
            Some(Format::Number) | None => Slot::Float(x),
        }
    }
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A cell reference (`B12`, or a row number `12`): 0-based row, and column if any.
fn reference(text: &[u8]) -> Result<(u32, Option<u32>), Box<Fault>> {
    let fault = || Box::new(Fault::Reference(lossy(text)));
    let letters = text.iter().position(|b| !b.is_ascii_alphabetic()).unwrap_or(text.len());
    let col = text[..letters]
        .iter()
        .try_fold(0u32, |col, b| col.checked_mul(26)?.checked_add(u32::from(b.to_ascii_uppercase() - b'A') + 1))
        .ok_or_else(fault)?;
    let digits = &text[letters..];
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return Err(fault());
    }
    // An overflow is an error here; calamine's arithmetic overflows (a panic in a debug build).
    let row = digits.iter().try_fold(0u32, |row, d| row.checked_mul(10)?.checked_add(u32::from(d - b'0'))).ok_or_else(fault)?;
    Ok((row.checked_sub(1).ok_or_else(fault)?, col.checked_sub(1)))
}

/// A `<dimension ref>`: one or two cell references.
fn dimension(range: &[u8]) -> Result<(), Box<Fault>> {
    let parts: Vec<&[u8]> = range.split(|&b| b == b':').collect();
    if parts.len() > 2 {
        return Err(Box::new(Fault::Reference(lossy(range))));
    }
    for part in parts {
        reference(part)?.1.ok_or_else(|| Fault::Reference(lossy(part)))?;
    }
    Ok(())
}

/// A row being gathered: slot `c` holds column `c`; texts in one buffer.
#[derive(Default)]
struct Rows {
    slots: Vec<Option<Slot>>,
    text: String,
    /// The text's length past which the texts of overwritten cells are dropped: at
    /// least [`ROW_TEXT_COMPACT`], twice what was kept the last time (so compacting stays linear).
    compact_at: usize,
}

/// Past this many bytes of text in one row, the texts of overwritten cells are dropped.
const ROW_TEXT_COMPACT: usize = 16 << 20;

impl Rows {
    /// Feeds `first` and the cells after it to the sink, row by row.
    fn feed<R: Read, S: Sink>(
        &mut self,
        first: Option<(u32, u32, Slot)>,
        cells: &mut Cells<'_, R>,
        book: &Book,
        max_columns: u32,
        sink: &mut S,
    ) -> Result<(), Box<Fault>> {
        let mut current = None;
        let mut next = first;
        let mut mark = 0;
        while let Some((row, col, mut slot)) = next {
            if current != Some(row) {
                if let Some(done) = current {
                    let text = &self.text[..mark];
                    if sink.row(done.saturating_add(1), &SlotRow { slots: &self.slots, text, strings: &book.strings }).is_break() {
                        return Ok(());
                    }
                    self.slots.iter_mut().for_each(|s| *s = None);
                    if let Some(width) = sink.width() {
                        self.slots.truncate(width as usize);
                    }
                    self.text.replace_range(..mark, "");
                    slot = slot.shifted(mark);
                }
                current = Some(row);
            }
            if col < sink.width().unwrap_or(max_columns) {
                let col = col as usize;
                if self.slots.len() <= col {
                    self.slots.resize(col + 1, None);
                }
                self.slots[col] = Some(slot);
                if self.text.len() > self.compact_at.max(ROW_TEXT_COMPACT) {
                    self.compact();
                    self.compact_at = self.text.len().saturating_mul(2);
                }
            } else if let Some((start, _)) = slot.text() {
                self.text.truncate(start);
            }
            mark = self.text.len();
            next = cells.next(&mut self.text)?;
        }
        if let Some(done) = current {
            let _ = sink.row(done.saturating_add(1), &SlotRow { slots: &self.slots, text: &self.text[..mark], strings: &book.strings });
        }
        Ok(())
    }

    /// Keeps only the texts of the cells held.
    fn compact(&mut self) {
        let mut text = String::new();
        for slot in self.slots.iter_mut().flatten() {
            if let Some((start, end)) = slot.text() {
                let from = text.len();
                text.push_str(&self.text[start..end]);
                *slot = match *slot {
                    Slot::Text(..) => Slot::Text(from, text.len()),
                    _ => Slot::DateIso(from, text.len()),
                };
            }
        }
        self.text = text;
    }
}

/// A gathered row as the sheet parsers see it.
struct SlotRow<'r> {
    slots: &'r [Option<Slot>],
    text: &'r str,
    strings: &'r Strings,
}

impl Row for SlotRow<'_> {
    fn get(&self, col: u32) -> Value<'_> {
        match self.slots.get(col as usize) {
            Some(Some(slot)) => slot.value(self.text, self.strings),
            _ => Value::Empty,
        }
    }

    fn width(&self) -> u32 {
        self.slots.len() as u32
    }
}
