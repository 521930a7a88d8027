//! A streaming XML tokenizer for the parts of an xlsx, giving the events calamine's
//! XML reader (quick-xml, configured as calamine configures it) gives: empty elements
//! expanded to a start and an end, text split at entity references, names kept with
//! their prefixes, end names unchecked. It borrows every event from one buffer that
//! grows only to hold the longest single token (bounded, see [`Scanner::new`]); the
//! bytes are checked to be UTF-8 as they arrive.

use std::io::{ErrorKind, Read};

use memchr::memmem;

/// Bytes asked of the input at a time.
const CHUNK: usize = 64 << 10;

/// One event of the XML stream, borrowed from the scanner's buffer.
#[derive(Debug)]
pub(crate) enum Event<'a> {
    /// A start tag (or the first half of an empty element).
    Start(Tag<'a>),
    /// An end tag's name (prefix kept, trailing blanks trimmed).
    End(&'a [u8]),
    /// Raw text without `&` or `<`.
    Text(&'a [u8]),
    /// A reference's name, between `&` and `;`.
    Ref(&'a [u8]),
    /// A CDATA section's content.
    CData(&'a [u8]),
    /// A comment, a processing instruction, the declaration or a doctype.
    Other,
    Eof,
}

/// A start tag: its name (with any prefix) and the bytes of its attributes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tag<'a> {
    pub(crate) name: &'a [u8],
    pub(crate) attrs: &'a [u8],
}

/// Why a part could not be read as calamine would read it.
#[derive(Debug)]
pub(crate) enum Fault {
    Io(std::io::Error),
    /// Bytes that are no UTF-8, at this offset of the part.
    Utf8(u64),
    /// Markup or a reference left open, or markup of no known kind, at this offset.
    Syntax(u64),
    /// The part ends inside this element.
    Eof(&'static str),
    /// A single token longer than the scanner's buffer may grow.
    TooLong,
    /// A reference to an entity XML does not define.
    Entity(String),
    /// An attribute without `=` or without quotes.
    Attribute,
    /// A cell reference or row number that is no reference.
    Reference(String),
    /// An element where a cell's value belongs.
    Element(String),
    /// A value that is not of its cell's type (`t`).
    Value {
        kind: &'static str,
        text: String,
    },
    /// A cell type calamine does not know.
    CellType(String),
    /// A shared string index past the table.
    SharedString,
    /// A part that is no worksheet (its first element's name).
    NotAWorksheet(String),
    /// An end tag with no element open.
    UnmatchedEnd(String),
}

impl From<std::io::Error> for Fault {
    fn from(e: std::io::Error) -> Self {
        Fault::Io(e)
    }
}

impl Fault {
    /// The message, in the user's language.
    pub(crate) fn message(&self) -> String {
        match self {
            Fault::Io(e) => crate::tr!("wb-xml-io", message = e.to_string()),
            Fault::Utf8(offset) => crate::tr!("wb-xml-utf8", offset = offset.to_string()),
            Fault::Syntax(offset) => crate::tr!("wb-xml-syntax", offset = offset.to_string()),
            Fault::Eof(element) => crate::tr!("wb-xml-eof", element = *element),
            Fault::TooLong => crate::tr!("wb-xml-too-long"),
            Fault::Entity(name) => crate::tr!("wb-xml-entity", text = super::super::echo::echo(name)),
            Fault::Attribute => crate::tr!("wb-xml-attribute"),
            Fault::Reference(text) => crate::tr!("wb-xml-reference", text = super::super::echo::echo(text)),
            Fault::Element(name) => crate::tr!("wb-xml-element", element = super::super::echo::echo(name)),
            Fault::Value { kind, text } => crate::tr!("wb-xml-value", kind = *kind, text = super::super::echo::echo(text)),
            Fault::CellType(kind) => crate::tr!("wb-xml-cell-type", text = super::super::echo::echo(kind)),
            Fault::SharedString => crate::tr!("wb-xml-shared-string"),
            Fault::NotAWorksheet(name) => crate::tr!("wb-xml-not-a-worksheet", element = super::super::echo::echo(name)),
            Fault::UnmatchedEnd(name) => crate::tr!("wb-xml-unmatched-end", element = super::super::echo::echo(name)),
        }
    }
}

/// The tokenizer over one part.
pub(crate) struct Scanner<R> {
    input: R,
    buf: Vec<u8>,
    /// Unread bytes are `buf[pos..end]`; `buf[..lim]` is checked UTF-8.
    pos: usize,
    lim: usize,
    end: usize,
    /// The offset in the part of `buf[0]`.
    base: u64,
    eof: bool,
    /// Bytes at `lim` are no UTF-8 (or the part ends inside a character).
    bad: bool,
    started: bool,
    /// The name of an empty element whose end is still to be given.
    pending: Vec<u8>,
    has_pending: bool,
    /// Elements open.
    depth: u64,
    max: usize,
}

impl<R: Read> Scanner<R> {
    /// A scanner of `input` whose buffer never grows past `max` bytes.
    pub(crate) fn new(input: R, max: usize) -> Self {
        Scanner {
            input,
            buf: Vec::new(),
            pos: 0,
            lim: 0,
            end: 0,
            base: 0,
            eof: false,
            bad: false,
            started: false,
            pending: Vec::new(),
            has_pending: false,
            depth: 0,
            max: max.max(CHUNK),
        }
    }

    /// The offset in the part of the next unread byte.
    pub(crate) fn offset(&self) -> u64 {
        self.base + self.pos as u64
    }

    /// Reads more of the input; false at its end. Fails at bytes that are no UTF-8.
    fn more(&mut self) -> Result<bool, Box<Fault>> {
        if self.bad {
            return Err(Box::new(Fault::Utf8(self.base + self.lim as u64)));
        }
        if self.eof {
            return Ok(false);
        }
        if self.pos > 0 {
            self.buf.copy_within(self.pos..self.end, 0);
            (self.lim, self.end, self.base) = (self.lim - self.pos, self.end - self.pos, self.base + self.pos as u64);
            self.pos = 0;
        }
        if self.buf.len() < self.end + CHUNK {
            if self.end + CHUNK > self.max + CHUNK {
                return Err(Box::new(Fault::TooLong));
            }
            self.buf.resize(self.end + CHUNK, 0);
        }
        let n = loop {
            match self.input.read(&mut self.buf[self.end..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => return Err(Box::new(Fault::Io(e))),
            }
        };
        self.end += n;
        self.eof = n == 0;
        match std::str::from_utf8(&self.buf[self.lim..self.end]) {
            Ok(_) => self.lim = self.end,
            Err(e) => {
                self.lim += e.valid_up_to();
                self.bad = e.error_len().is_some() || self.eof;
            }
        }
        if self.bad && self.lim == self.pos {
            return Err(Box::new(Fault::Utf8(self.base + self.lim as u64)));
        }
        Ok(true)
    }

    /// Finds `find` in the unread bytes from `from` on, reading more as needed; the
    /// offset from the unread bytes' start, `None` at the input's end.
    fn search(&mut self, from: usize, find: impl Fn(&[u8]) -> Option<usize>) -> Result<Option<usize>, Box<Fault>> {
        loop {
            if let Some(at) = self.buf.get(self.pos + from..self.lim).and_then(&find) {
                return Ok(Some(from + at));
            }
            if !self.more()? {
                return Ok(None);
            }
        }
    }

    /// Whether at least `n` unread bytes are there (reading more as needed).
    fn have(&mut self, n: usize) -> Result<bool, Box<Fault>> {
        while self.lim - self.pos < n {
            if !self.more()? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// The next event.
    pub(crate) fn next(&mut self) -> Result<Event<'_>, Box<Fault>> {
        if self.has_pending {
            self.has_pending = false;
            self.depth -= 1;
            return Ok(Event::End(&self.pending));
        }
        if !self.started {
            self.started = true;
            if self.have(3)? && self.buf[self.pos..self.pos + 3] == [0xEF, 0xBB, 0xBF] {
                self.pos += 3;
            }
        }
        if !self.have(1)? {
            return Ok(Event::Eof);
        }
        match self.buf[self.pos] {
            b'<' => self.markup(),
            b'&' => self.reference(),
            _ => {
                let len = match self.search(0, |b| b.iter().position(|&c| c == b'<' || c == b'&'))? {
                    Some(len) => len,
                    None => self.lim - self.pos,
                };
                let start = self.pos;
                self.pos += len;
                Ok(Event::Text(&self.buf[start..start + len]))
            }
        }
    }

    fn reference(&mut self) -> Result<Event<'_>, Box<Fault>> {
        let at = self.offset();
        match self.search(1, |b| b.iter().position(|&c| c == b';' || c == b'&' || c == b'<'))? {
            Some(i) if self.buf[self.pos + i] == b';' => {
                let start = self.pos + 1;
                self.pos += i + 1;
                Ok(Event::Ref(&self.buf[start..start + i - 1]))
            }
            _ => Err(Box::new(Fault::Syntax(at))),
        }
    }

    fn markup(&mut self) -> Result<Event<'_>, Box<Fault>> {
        let at = self.offset();
        if !self.have(2)? {
            return Err(Box::new(Fault::Syntax(at)));
        }
        match self.buf[self.pos + 1] {
            b'!' => self.bang(at),
            b'?' => {
                let end = self.search(2, |b| memmem::find(b, b"?>"))?.ok_or(Fault::Syntax(at))?;
                self.pos += end + 2;
                Ok(Event::Other)
            }
            b'/' => {
                let end = self.search(2, |b| b.iter().position(|&c| c == b'>'))?.ok_or(Fault::Syntax(at))?;
                let start = self.pos + 2;
                self.pos += end + 1;
                let name = &self.buf[start..start + end - 2];
                let name = match name.iter().rposition(|b| !is_blank(*b)) {
                    Some(last) => &name[..=last],
                    None => name,
                };
                match self.depth.checked_sub(1) {
                    Some(depth) => self.depth = depth,
                    None => return Err(Box::new(Fault::UnmatchedEnd(String::from_utf8_lossy(name).into_owned()))),
                }
                Ok(Event::End(name))
            }
            _ => {
                let end = self.search(1, tag_end)?.ok_or(Fault::Syntax(at))?;
                let start = self.pos + 1;
                self.pos += end + 1;
                let mut content = &self.buf[start..start + end - 1];
                if let Some(inner) = content.strip_suffix(b"/") {
                    content = inner;
                    self.has_pending = true;
                }
                let split = content.iter().position(|b| is_blank(*b)).unwrap_or(content.len());
                let (name, attrs) = content.split_at(split);
                if self.has_pending {
                    self.pending.clear();
                    self.pending.extend_from_slice(name);
                }
                self.depth += 1;
                Ok(Event::Start(Tag { name, attrs }))
            }
        }
    }

    /// `<!--`, `<![CDATA[` or `<!DOCTYPE`.
    fn bang(&mut self, at: u64) -> Result<Event<'_>, Box<Fault>> {
        let _ = self.have(9)?;
        let head = &self.buf[self.pos..self.lim.min(self.pos + 9)];
        if head.starts_with(b"<!--") {
            let end = self.search(4, |b| memmem::find(b, b"-->"))?.ok_or(Fault::Syntax(at))?;
            self.pos += end + 3;
            Ok(Event::Other)
        } else if head == b"<![CDATA[" {
            let end = self.search(9, |b| memmem::find(b, b"]]>"))?.ok_or(Fault::Syntax(at))?;
            let start = self.pos + 9;
            self.pos += end + 3;
            Ok(Event::CData(&self.buf[start..start + end - 9]))
        } else if head.len() == 9 && head[2..].eq_ignore_ascii_case(b"DOCTYPE") {
            let end = self.search(9, doctype_end)?.ok_or(Fault::Syntax(at))?;
            self.pos += end + 1;
            Ok(Event::Other)
        } else {
            Err(Box::new(Fault::Syntax(at)))
        }
    }
}

/// The `>` closing a start tag, past quoted attribute values.
fn tag_end(bytes: &[u8]) -> Option<usize> {
    let mut from = 0;
    loop {
        let at = from + bytes[from..].iter().position(|&c| c == b'>' || c == b'"' || c == b'\'')?;
        match bytes[at] {
            b'>' => return Some(at),
            quote => from = at + 1 + bytes[at + 1..].iter().position(|&c| c == quote)? + 1,
        }
    }
}

/// The `>` closing a doctype, past its internal subset in brackets.
fn doctype_end(bytes: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'[' => depth += 1,
            b']' => depth = depth.saturating_sub(1),
            b'>' if depth == 0 => return Some(i),
            _ => {}
        }
    }
    None
}

/// Whether two names are the same (short slices: no call to `memcmp`).
#[inline]
pub(crate) fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// XML's blanks.
pub(crate) fn is_blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

/// A name without its prefix (up to the first `:`).
pub(crate) fn local(name: &[u8]) -> &[u8] {
    name.iter().position(|&b| b == b':').map_or(name, |i| &name[i + 1..])
}

/// Looks up attributes by exact name, as calamine does: each of `keys` gets the
/// value of its last occurrence before all were found; malformed attributes fail.
pub(crate) fn attributes<'a, const N: usize>(attrs: &'a [u8], keys: [&[u8]; N]) -> Result<[Option<&'a [u8]>; N], Box<Fault>> {
    let mut out = [None; N];
    let mut found = 0;
    let mut pos = 0;
    let len = attrs.len();
    loop {
        while pos < len && attrs[pos].is_ascii_whitespace() {
            pos += 1;
        }
        if pos >= len {
            return Ok(out);
        }
        let key_start = pos;
        pos += attrs[pos..].iter().position(|&b| b == b'=').ok_or(Fault::Attribute)?;
        let key = attrs[key_start..pos].trim_ascii_end();
        pos += 1;
        while pos < len && attrs[pos].is_ascii_whitespace() {
            pos += 1;
        }
        let quote = match attrs.get(pos) {
            Some(&q) if q == b'"' || q == b'\'' => q,
            _ => return Err(Box::new(Fault::Attribute)),
        };
        pos += 1;
        let value_end = attrs[pos..].iter().position(|&b| b == quote).map_or(len, |i| pos + i);
        let value = &attrs[pos..value_end];
        pos = (value_end + 1).min(len);
        if let Some(i) = keys.iter().position(|k| *k == key) {
            out[i] = Some(value);
            found += 1;
            if found == N {
                return Ok(out);
            }
        }
    }
}

/// The text of an entity or character reference's name, appended to `out`.
pub(crate) fn push_reference(name: &[u8], out: &mut String) -> Result<(), Box<Fault>> {
    let resolved = match name {
        b"lt" => Some('<'),
        b"gt" => Some('>'),
        b"amp" => Some('&'),
        b"apos" => Some('\''),
        b"quot" => Some('"'),
        [b'#', b'x', hex @ ..] => char_ref(hex, 16),
        [b'#', dec @ ..] => char_ref(dec, 10),
        _ => None,
    };
    match resolved {
        Some(c) => {
            out.push(c);
            Ok(())
        }
        None => Err(Box::new(Fault::Entity(format!("&{};", String::from_utf8_lossy(name))))),
    }
}

fn char_ref(digits: &[u8], radix: u32) -> Option<char> {
    if matches!(digits.first(), Some(b'+' | b'-')) {
        return None;
    }
    let code = u32::from_str_radix(std::str::from_utf8(digits).ok()?, radix).ok()?;
    (code != 0).then(|| char::from_u32(code)).flatten()
}

/// Appends text with XML 1.0's line ends normalised (`\r\n` and `\r` become `\n`).
pub(crate) fn push_text(text: &[u8], out: &mut String) -> Result<(), Box<Fault>> {
    let text = std::str::from_utf8(text).map_err(|_| Fault::Utf8(0))?;
    if !text.as_bytes().contains(&b'\r') {
        out.push_str(text);
        return Ok(());
    }
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    Ok(())
}

/// Replaces Excel's `_xHHHH_` escapes (UTF-16 units) in `text` from byte `from` on.
pub(crate) fn unescape_excel(text: &mut String, from: usize) {
    if !text.as_bytes()[from..].contains(&b'_') {
        return;
    }
    let Some(first) = find_escape(text, from) else { return };
    let tail = text.split_off(from);
    let mut at = first - from;
    let mut copied = 0;
    loop {
        let unit = escape_unit(&tail, at).unwrap_or(0);
        text.push_str(&tail[copied..at]);
        at += 7;
        match unit {
            0xD800..=0xDBFF => match escape_unit(&tail, at) {
                Some(low @ 0xDC00..=0xDFFF) => {
                    let code = 0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                    text.push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
                    at += 7;
                }
                _ => text.push(char::REPLACEMENT_CHARACTER),
            },
            0xDC00..=0xDFFF => text.push(char::REPLACEMENT_CHARACTER),
            _ => text.push(char::from_u32(u32::from(unit)).unwrap_or(char::REPLACEMENT_CHARACTER)),
        }
        copied = at;
        match find_escape(&tail, at) {
            Some(next) => at = next,
            None => break,
        }
    }
    text.push_str(&tail[copied..]);
}

fn find_escape(text: &str, mut from: usize) -> Option<usize> {
    while let Some(i) = text.get(from..).and_then(|t| t.bytes().position(|b| b == b'_')) {
        if escape_unit(text, from + i).is_some() {
            return Some(from + i);
        }
        from += i + 1;
    }
    None
}

fn escape_unit(text: &str, at: usize) -> Option<u16> {
    let bytes = text.as_bytes().get(at..at + 7)?;
    if bytes[0] != b'_' || bytes[1] != b'x' || bytes[6] != b'_' || !bytes[2..6].iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    u16::from_str_radix(std::str::from_utf8(&bytes[2..6]).ok()?, 16).ok()
}

/// A decimal index as calamine reads one: digits only, leading zeros allowed.
pub(crate) fn index(digits: &[u8]) -> Option<usize> {
    if digits.is_empty() {
        return None;
    }
    digits.iter().try_fold(0usize, |n, &d| d.is_ascii_digit().then(|| n.checked_mul(10)?.checked_add(usize::from(d - b'0'))).flatten())
}

/// Reads events up to the end tag named `name` (nested elements of the same name
/// counted), as quick-xml's `read_to_end` does.
pub(crate) fn skip_to_end<R: Read>(xml: &mut Scanner<R>, name: &[u8], inside: &'static str) -> Result<(), Box<Fault>> {
    let mut depth = 0usize;
    loop {
        match xml.next()? {
            Event::Start(tag) if same(tag.name, name) => depth += 1,
            Event::End(end) if same(end, name) => match depth {
                0 => return Ok(()),
                _ => depth -= 1,
            },
            Event::Eof => return Err(Box::new(Fault::Eof(inside))),
            _ => {}
        }
    }
}

/// Reads a string element (`<si>` or `<is>`, named `closing`) as calamine does,
/// appending its text to `out`: the `<t>` texts outside phonetic runs, each trimmed
/// of XML blanks unless `xml:space="preserve"`, Excel's escapes replaced.
pub(crate) fn read_string<R: Read>(xml: &mut Scanner<R>, closing: &[u8], out: &mut String) -> Result<(), Box<Fault>> {
    let mut phonetic = false;
    let mut t_name = Vec::new();
    loop {
        let preserve = match xml.next()? {
            Event::Start(tag) if local(tag.name) == b"rPh" => {
                phonetic = true;
                continue;
            }
            Event::End(end) if same(end, closing) => return Ok(()),
            Event::End(end) if local(end) == b"rPh" => {
                phonetic = false;
                continue;
            }
            Event::Start(tag) if local(tag.name) == b"t" && !phonetic => {
                let [space] = attributes(tag.attrs, [b"xml:space"])?;
                t_name.clear();
                t_name.extend_from_slice(tag.name);
                space == Some(b"preserve")
            }
            Event::Eof => return Err(Box::new(Fault::Eof("t"))),
            _ => continue,
        };
        let start = out.len();
        loop {
            match xml.next()? {
                Event::Text(text) | Event::CData(text) => push_text(text, out)?,
                Event::Ref(name) => push_reference(name, out)?,
                Event::End(end) if same(end, &t_name) => break,
                Event::Eof => return Err(Box::new(Fault::Eof("t"))),
                _ => {}
            }
        }
        if !preserve {
            let value = &out.as_bytes()[start..];
            let lead = value.iter().position(|&b| !is_blank(b)).unwrap_or(value.len());
            let kept = value.iter().rposition(|&b| !is_blank(b)).map_or(0, |i| i + 1);
            out.truncate(start + kept.max(lead));
            out.replace_range(start..start + lead, "");
        }
        unescape_excel(out, start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(xml: &str) -> Vec<String> {
        let mut scanner = Scanner::new(xml.as_bytes(), 0);
        let mut out = Vec::new();
        loop {
            match scanner.next() {
                Ok(Event::Eof) => return out,
                Ok(e) => out.push(format!("{e:?}")),
                Err(e) => {
                    out.push(format!("error {e:?}"));
                    return out;
                }
            }
        }
    }

    #[test]
    fn empty_elements_expand_and_text_splits_at_references() {
        let got = events("<r><a x='1>2'/>t&amp;u<!-- c --><![CDATA[<z>]]></r ></r>");
        assert_eq!(got.len(), 10, "{got:?}");
        assert!(got[2].starts_with("End([97])"));
        assert!(got[4].starts_with("Ref"));
        assert!(got[8].starts_with("End([114])"), "{got:?}");
        assert!(got[9].starts_with("error UnmatchedEnd"), "{got:?}");
    }

    #[test]
    fn open_markup_and_bad_utf8_fail() {
        assert!(events("<a").last().is_some_and(|e| e.starts_with("error")));
        assert!(events("a&amp").last().is_some_and(|e| e.starts_with("error")));
        let mut scanner = Scanner::new(&b"<a>\xff</a>"[..], 0);
        assert!(matches!(scanner.next(), Ok(Event::Start(_))));
        assert!(matches!(scanner.next().map_err(|e| *e), Err(Fault::Utf8(3))));
    }

    #[test]
    fn attributes_and_escapes() {
        let got = attributes(b" r=\"A1\" s = '3' t=\"n\"", [b"r", b"s", b"t"]).ok();
        assert_eq!(got, Some([Some(&b"A1"[..]), Some(&b"3"[..]), Some(&b"n"[..])]));
        assert!(attributes(b" r", [b"r"]).is_err());
        let mut s = String::from("a_x000D_b_xD83D__xDCF7_c");
        unescape_excel(&mut s, 0);
        assert_eq!(s, "a\rb\u{1F4F7}c");
        assert_eq!(index(b"007"), Some(7));
        assert_eq!(index(b"+7"), None);
    }
}
