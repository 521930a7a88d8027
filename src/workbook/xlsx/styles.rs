//! The number format of each cell style (`xl/styles.xml`, `<cellXfs>`), as far as
//! calamine tells a date from a number by it: a number in a date style is a date.

use std::collections::HashMap;
use std::io::Read;

use super::scan::{Event, Fault, Scanner, attributes, local, push_reference};

/// What a style makes of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Number,
    Date,
    Duration,
}

/// The format of every cell style, by style index.
pub(crate) fn read(xml: &mut Scanner<impl Read>) -> Result<Vec<Format>, Box<Fault>> {
    let mut codes: HashMap<Vec<u8>, String> = HashMap::new();
    let mut formats = Vec::new();
    loop {
        let name = match xml.next()? {
            Event::Start(tag) => local(tag.name).to_vec(),
            Event::End(end) if local(end) == b"styleSheet" => return Ok(formats),
            Event::Eof => return Err(Box::new(Fault::Eof("styleSheet"))),
            _ => continue,
        };
        match name.as_slice() {
            b"numFmts" => read_codes(xml, &mut codes)?,
            b"cellXfs" => read_xfs(xml, &codes, &mut formats)?,
            _ => {}
        }
    }
}

/// `<numFmt numFmtId=… formatCode=…>` up to `</numFmts>`.
fn read_codes(xml: &mut Scanner<impl Read>, codes: &mut HashMap<Vec<u8>, String>) -> Result<(), Box<Fault>> {
    loop {
        match xml.next()? {
            Event::Start(tag) if local(tag.name) == b"numFmt" => {
                if let [Some(id), Some(code)] = attributes(tag.attrs, [b"numFmtId", b"formatCode"])? {
                    let code = unescape_attribute(code)?;
                    codes.insert(id.to_vec(), code);
                }
            }
            Event::End(end) if local(end) == b"numFmts" => return Ok(()),
            Event::Eof => return Err(Box::new(Fault::Eof("numFmts"))),
            _ => {}
        }
    }
}

/// `<xf numFmtId=…>` up to `</cellXfs>`.
fn read_xfs(xml: &mut Scanner<impl Read>, codes: &HashMap<Vec<u8>, String>, formats: &mut Vec<Format>) -> Result<(), Box<Fault>> {
    loop {
        match xml.next()? {
            Event::Start(tag) if local(tag.name) == b"xf" => {
                let [id] = attributes(tag.attrs, [b"numFmtId"])?;
                formats.push(id.map_or(Format::Number, |id| match codes.get(id) {
                    Some(code) => custom(code),
                    None => builtin(id),
                }));
            }
            Event::End(end) if local(end) == b"cellXfs" => return Ok(()),
            Event::Eof => return Err(Box::new(Fault::Eof("cellXfs"))),
            _ => continue,
        }
        // The xf's body, up to the first end named xf.
        loop {
            match xml.next()? {
                Event::End(end) if local(end) == b"xf" => break,
                Event::Eof => return Err(Box::new(Fault::Eof("xf"))),
                _ => {}
            }
        }
    }
}

/// An attribute value with its references replaced.
fn unescape_attribute(value: &[u8]) -> Result<String, Box<Fault>> {
    let mut out = String::new();
    let mut rest = value;
    while let Some(at) = memchr::memchr(b'&', rest) {
        out.push_str(std::str::from_utf8(&rest[..at]).map_err(|_| Fault::Utf8(0))?);
        let end = memchr::memchr(b';', &rest[at..]).ok_or_else(|| Fault::Entity(String::from_utf8_lossy(&rest[at..]).into_owned()))?;
        push_reference(&rest[at + 1..at + end], &mut out)?;
        rest = &rest[at + end + 1..];
    }
    out.push_str(std::str::from_utf8(rest).map_err(|_| Fault::Utf8(0))?);
    Ok(out)
}

/// The built-in formats by id (as the attribute spells it) that are dates or durations.
fn builtin(id: &[u8]) -> Format {
    match id {
        b"14" | b"15" | b"16" | b"17" | b"18" | b"19" | b"20" | b"21" | b"22" | b"45" | b"47" => Format::Date,
        b"27" | b"28" | b"29" | b"30" | b"31" | b"32" | b"33" | b"34" | b"35" | b"36" => Format::Date,
        b"50" | b"51" | b"52" | b"53" | b"54" | b"55" | b"56" | b"57" | b"58" => Format::Date,
        b"46" => Format::Duration,
        _ => Format::Number,
    }
}

/// A custom format code's kind, judged by its first section as calamine judges it:
/// a date letter outside quotes, escapes and brackets makes a date; a bracketed
/// elapsed-time unit (`[h]`, `[mm]`) a duration; an `a` starts an AM/PM marker.
fn custom(code: &str) -> Format {
    let (mut escaped, mut quoted, mut am_pm) = (false, false, false);
    let mut brackets = 0u8;
    let (mut prev, mut elapsed) = (' ', false);
    for c in code.chars() {
        if escaped {
            escaped = false;
        } else if matches!(c, '_' | '\\' | '*') {
            escaped = true;
        } else if quoted {
            quoted = c != '"';
        } else if c == '"' {
            quoted = true;
        } else if c == ';' {
            return Format::Number;
        } else if c == '[' {
            brackets = brackets.saturating_add(1);
        } else if c == ']' && brackets == 1 && elapsed {
            return Format::Duration;
        } else if c == ']' {
            brackets = brackets.saturating_sub(1);
        } else if brackets == 0 && !am_pm && matches!(c, 'a' | 'A') {
            am_pm = true;
        } else if brackets == 0
            && match am_pm {
                true => matches!(c, 'p' | 'm' | '/' | 'P' | 'M'),
                false => matches!(c.to_ascii_lowercase(), 'd' | 'm' | 'h' | 'y' | 's'),
            }
        {
            return Format::Date;
        } else if !(elapsed && c.eq_ignore_ascii_case(&prev)) {
            elapsed = prev == '[' && matches!(c.to_ascii_lowercase(), 'm' | 'h' | 's');
        }
        prev = c;
    }
    Format::Number
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_codes() {
        for (code, format) in [
            ("yyyy-mm", Format::Date),
            ("DD/MM/YY", Format::Date),
            ("H:MM:SS;@", Format::Date),
            ("[h]:mm:ss", Format::Duration),
            ("[mm]:ss", Format::Duration),
            ("#,##0\\ [$\\u20bd-46D]", Format::Number),
            ("\"$\"#,##0_);[Red](\"$\"#,##0)", Format::Number),
            ("0_ ;[Red]\\-0\\ ", Format::Number),
            ("\\Y000000", Format::Number),
            ("#,##0.0####\" YMD\"", Format::Number),
            ("AM/PM", Format::Date),
            ("General", Format::Number),
            ("0.00", Format::Number),
        ] {
            assert_eq!(custom(code), format, "{code}");
        }
    }

    #[test]
    fn styles_by_index() {
        let xml = r#"<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;-&quot;mm"/></numFmts>
            <cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>
            <cellXfs><xf numFmtId="0"/><xf numFmtId="14"><alignment/></xf><xf numFmtId="164"/><xf/><xf numFmtId="46"/></cellXfs></styleSheet>"#;
        let got = read(&mut Scanner::new(xml.as_bytes(), 0)).ok();
        assert_eq!(got, Some(vec![Format::Number, Format::Date, Format::Date, Format::Number, Format::Duration]));
    }
}
