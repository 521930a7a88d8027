//! The shared strings table (`xl/sharedStrings.xml`), held as one text and the end of
//! each string in it: no allocation per string.

use std::io::Read;

use super::scan::{Event, Fault, Scanner, local, read_string};

/// Every `<si>` of the table, in order.
#[derive(Debug, Default)]
pub(crate) struct Strings {
    text: String,
    ends: Vec<usize>,
}

impl Strings {
    /// Reads the table as calamine does: from `<sst>` to `</sst>`, each `<si>` read
    /// like an inline string.
    pub(crate) fn read(xml: &mut Scanner<impl Read>) -> Result<Strings, Box<Fault>> {
        loop {
            match xml.next()? {
                Event::Start(tag) if local(tag.name) == b"sst" => break,
                Event::Eof => return Err(Box::new(Fault::Eof("sst"))),
                _ => {}
            }
        }
        let mut strings = Strings::default();
        let mut name = Vec::new();
        loop {
            match xml.next()? {
                Event::Start(tag) if local(tag.name) == b"si" => {
                    name.clear();
                    name.extend_from_slice(tag.name);
                }
                Event::End(end) if local(end) == b"sst" => return Ok(strings),
                Event::Eof => return Err(Box::new(Fault::Eof("sst"))),
                _ => continue,
            }
            read_string(xml, &name, &mut strings.text)?;
            strings.ends.push(strings.text.len());
        }
    }

    /// String `index`, if the table has it.
    pub(crate) fn get(&self, index: usize) -> Option<&str> {
        let end = *self.ends.get(index)?;
        let start = index.checked_sub(1).map_or(0, |i| self.ends[i]);
        self.text.get(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rich_text_phonetic_runs_and_blanks() {
        let xml = r#"<?xml version="1.0"?><x:sst xmlns:x="ns" uniqueCount="4"><x:si><x:t> a </x:t></x:si><si><r><t>b</t></r><r><t xml:space="preserve"> c </t></r><rPh><t>ignored</t></rPh></si><si/><si><t>d&amp;e&#229;_x0041_</t></si></x:sst>"#;
        let strings = Strings::read(&mut Scanner::new(xml.as_bytes(), 0)).ok();
        let got: Option<Vec<&str>> = strings.as_ref().map(|s| (0..5).filter_map(|i| s.get(i)).collect());
        assert_eq!(got, Some(vec!["a", "b c ", "", "d&eåA"]));
    }
}
