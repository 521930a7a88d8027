//! The reader's position and the grammar's atomic rules: whitespace, words, names,
//! strings, numbers, units and dates, each read as `grammar/ekostyr.pest` reads it.

use super::super::UNIT_NAMES;
use super::super::ast::{Ident, Month, Quantity, Str, UnitText};
use crate::source::Span;

/// A position in the text being read, and the end of the last token read there.
pub(super) struct Reader<'t> {
    pub(super) text: &'t str,
    pub(super) pos: usize,
    /// Where the last token read ends: a node's span ends there, not after the
    /// whitespace read while looking for an optional part that is not there.
    pub(super) end: usize,
    /// Set when the text parses but is one this reader leaves to pest: lowering
    /// would report something, or a span would be computed differently.
    pub(super) give_up: bool,
    /// How deep the formula being read nests, and its operators so far.
    pub(super) depth: usize,
    pub(super) operators: usize,
}

/// A saved position to go back to when an alternative does not match.
#[derive(Clone, Copy)]
struct Mark(usize, usize);

/// The words that cannot name a parameter, part or assignment: the grammar's `keyword`
/// (a test reads them out of the grammar).
pub(super) const KEYWORDS: [&str; 31] = [
    "annars",
    "beslut",
    "budget",
    "bygger_på",
    "del",
    "dokumentägare",
    "då",
    "ersättning",
    "eller",
    "förändring",
    "förvänta",
    "föregående",
    "inte",
    "källa",
    "komplement",
    "låt",
    "mått",
    "nämnd",
    "nyckeltal",
    "om",
    "och",
    "parameter",
    "regelverk",
    "summa",
    "uppdrag",
    "utanför",
    "version",
    "volym",
    "vårdform",
    "verksamheter",
    "år",
];

impl<'t> Reader<'t> {
    pub(super) fn new(text: &'t str) -> Reader<'t> {
        Reader { text, pos: 0, end: 0, give_up: false, depth: 0, operators: 0 }
    }

    fn mark(&self) -> Mark {
        Mark(self.pos, self.end)
    }

    fn reset(&mut self, mark: Mark) {
        (self.pos, self.end) = (mark.0, mark.1);
    }

    /// Runs `read`; where it does not match, the position is as before.
    pub(super) fn attempt<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let mark = self.mark();
        let read = read(self);
        if read.is_none() {
            self.reset(mark);
        }
        read
    }

    pub(super) fn at_end(&self) -> bool {
        self.pos == self.text.len()
    }

    /// The span from `start` to the end of the last token read.
    pub(super) fn span(&self, start: usize) -> Span {
        Span::new(start, self.end)
    }

    fn rest(&self) -> &'t [u8] {
        self.text.as_bytes().get(self.pos..).unwrap_or_default()
    }

    fn take(&mut self, len: usize) -> &'t str {
        let taken = self.text.get(self.pos..self.pos + len).unwrap_or_default();
        self.pos += len;
        self.end = self.pos;
        taken
    }

    /// The grammar's `WHITESPACE` between tokens: spaces, tabs, non-breaking spaces
    /// and line breaks. (The text's comments are blanked before it is read.)
    pub(super) fn skip(&mut self) {
        self.pos += spaces(self.rest(), b"\n\r");
    }

    /// A literal, as the grammar's non-atomic rules match one: no word boundary after it.
    pub(super) fn lit(&mut self, literal: &str) -> Option<()> {
        self.rest().starts_with(literal.as_bytes()).then(|| {
            self.take(literal.len());
        })
    }

    /// A literal not followed by a letter, digit or `_` (`@{ "om" ~ !ident_char }`).
    pub(super) fn word(&mut self, word: &str) -> Option<()> {
        let rest = self.rest();
        (rest.starts_with(word.as_bytes()) && ident_char_len(rest, word.len()) == 0).then(|| {
            self.take(word.len());
        })
    }

    /// The first of `words` that starts the text, if no letter, digit or `_` follows
    /// it (a choice of literals followed by `!ident_char`, as in `function`).
    pub(super) fn word_of<'w>(&mut self, words: &[&'w str]) -> Option<&'w str> {
        let rest = self.rest();
        let word = words.iter().find(|w| rest.starts_with(w.as_bytes()))?;
        self.word(word).map(|()| *word)
    }

    /// The length of the letters, digits and `_` at the position, if it starts with a
    /// letter or `_` (`ident_start ~ ident_char*`).
    fn name_len(&self) -> usize {
        let rest = self.rest();
        let first = ident_char_len(rest, 0);
        if first == 0 || rest[0].is_ascii_digit() {
            return 0;
        }
        let mut len = first;
        loop {
            match ident_char_len(rest, len) {
                0 => return len,
                n => len += n,
            }
        }
    }

    /// `ident`: a name that is not a keyword.
    pub(super) fn ident(&mut self) -> Option<Ident> {
        let len = self.name_len();
        let name = self.text.get(self.pos..self.pos + len)?;
        (len > 0 && !KEYWORDS.contains(&name)).then(|| self.name(len))
    }

    /// `member` (and `table_axis`): a name that may be a keyword.
    pub(super) fn member(&mut self) -> Option<Ident> {
        let len = self.name_len();
        (len > 0).then(|| self.name(len))
    }

    /// `aggregation`: a name that is not one of the words that start a key figure's lines.
    pub(super) fn aggregation(&mut self, key_figure_words: &[&str]) -> Option<Ident> {
        let len = self.name_len();
        let name = self.text.get(self.pos..self.pos + len)?;
        (len > 0 && !key_figure_words.contains(&name)).then(|| self.name(len))
    }

    fn name(&mut self, len: usize) -> Ident {
        let start = self.pos;
        Ident { name: self.take(len).to_string(), span: Span::new(start, start + len) }
    }

    /// `code`: ASCII letters and digits, as an identifier with its span.
    pub(super) fn code(&mut self) -> Option<Ident> {
        let len = self.rest().iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        (len > 0).then(|| self.name(len))
    }

    /// `string`: `"…"` on one line. A `#` inside is left to pest, whose spans treat
    /// it as the start of a comment.
    pub(super) fn string(&mut self) -> Option<Str> {
        let start = self.pos;
        let rest = self.rest();
        if rest.first() != Some(&b'"') {
            return None;
        }
        let len = rest[1..].iter().position(|b| matches!(b, b'"' | b'\n' | b'\r'))?;
        if rest.get(1 + len) != Some(&b'"') {
            return None;
        }
        let value = self.text.get(start + 1..start + 1 + len)?;
        if value.contains('#') {
            self.give_up = true;
        }
        self.take(len + 2);
        Some(Str { value: value.to_string(), span: self.span(start) })
    }

    fn digits(&self, at: usize) -> usize {
        self.rest().get(at..).unwrap_or_default().iter().take_while(|b| b.is_ascii_digit()).count()
    }

    /// `year`: four digits.
    pub(super) fn year(&mut self) -> Option<(i32, Span)> {
        let start = self.pos;
        (self.digits(0) == 4).then_some(())?;
        let year = self.take(4).parse().ok()?;
        Some((year, self.span(start)))
    }

    /// `month`: `YYYY-MM` not followed by `-` or a digit.
    pub(super) fn month(&mut self) -> Option<Month> {
        let start = self.pos;
        let rest = self.rest();
        let shaped = self.digits(0) == 4 && rest.get(4) == Some(&b'-') && self.digits(5) >= 2;
        if !shaped || matches!(rest.get(7), Some(b'-' | b'0'..=b'9')) {
            return None;
        }
        let text = self.take(7);
        // INVARIANT: four digits, `-` and two digits, so both parse.
        Some(Month { year: text[..4].parse().unwrap_or_default(), month: text[5..].parse().unwrap_or_default(), span: self.span(start) })
    }

    /// `date`: `YYYY-MM-DD` not followed by a digit, as written.
    pub(super) fn date(&mut self) -> Option<(String, Span)> {
        let start = self.pos;
        let rest = self.rest();
        let shaped =
            self.digits(0) == 4 && rest.get(4) == Some(&b'-') && self.digits(5) == 2 && rest.get(7) == Some(&b'-') && self.digits(8) == 2;
        shaped.then(|| (self.take(10).to_string(), self.span(start)))
    }

    /// `version_number`: `1` or `1.2`, not followed by a letter, digit or `_`.
    pub(super) fn version_number(&mut self) -> Option<String> {
        let whole = self.digits(0);
        let mut len = whole;
        if whole > 0 && self.rest().get(whole) == Some(&b'.') && self.digits(whole + 1) > 0 {
            len = whole + 1 + self.digits(whole + 1);
        }
        (whole > 0 && ident_char_len(self.rest(), len) == 0).then(|| self.take(len).to_string())
    }

    /// `number`'s text: `18 400 000`, `2,9`, `0,90`.
    fn number_len(&self) -> Option<usize> {
        let rest = self.rest();
        let lead = self.digits(0);
        if lead == 0 {
            return None;
        }
        // `ASCII_DIGIT{1,3} ~ (space ~ digit_group ~ !ASCII_DIGIT)+`, else `ASCII_DIGIT+`.
        let mut grouped = lead.min(3);
        loop {
            let space = match rest.get(grouped..grouped + 2) {
                Some([b' ', _]) => 1,
                Some([0xc2, 0xa0]) => 2,
                _ if rest.get(grouped) == Some(&b' ') => 1,
                _ => 0,
            };
            if space == 0 || self.digits(grouped + space) != 3 {
                break;
            }
            grouped += space + 3;
        }
        let mut len = if grouped > lead.min(3) { grouped } else { lead };
        if matches!(rest.get(len), Some(b',' | b'.')) && self.digits(len + 1) > 0 {
            len += 1 + self.digits(len + 1);
        }
        (ident_char_len(rest, len) == 0).then_some(len)
    }

    /// `unit`: `%`, or unit names joined by `/` (`kr/årsarbetare`, `dygn/plats/dag`).
    pub(super) fn unit(&mut self) -> Option<UnitText> {
        if self.lit("%").is_some() {
            return Some(UnitText::Percent);
        }
        let num = self.word_of(&UNIT_NAMES)?;
        let den_start = self.pos;
        while self.attempt(|r| r.lit("/").and_then(|()| r.word_of(&UNIT_NAMES))).is_some() {}
        let den = self.text.get(den_start + 1..self.pos).filter(|d| !d.is_empty());
        Some(UnitText::Named { num: num.to_string(), den: den.map(str::to_string) })
    }

    /// `quantity`: a number and, after spaces on the same line, perhaps a unit.
    pub(super) fn quantity(&mut self) -> Option<Quantity> {
        let start = self.pos;
        let len = self.number_len()?;
        let Some(number) = super::super::lower::number_value(self.take(len)) else {
            // Too large to be exact: lowering reports it.
            self.give_up = true;
            return None;
        };
        let unit = self.attempt(|r| {
            // `inline_space*`: on the same line.
            r.pos += spaces(r.rest(), b"");
            r.unit()
        });
        Some(Quantity { number, unit, span: self.span(start) })
    }

    /// `signed_quantity`: `-` right before a quantity negates it.
    pub(super) fn signed_quantity(&mut self) -> Option<Quantity> {
        let start = self.pos;
        let negative = self.lit("-").is_some();
        let mut q = self.quantity()?;
        if negative {
            q.number = -q.number;
            q.span = self.span(start);
        }
        Some(q)
    }
}

/// The length of the grammar's `ident_char` at `at` (a letter, digit, `_`, or one of
/// å ä ö Å Ä Ö é ü), or 0.
fn ident_char_len(bytes: &[u8], at: usize) -> usize {
    match bytes.get(at) {
        Some(b) if b.is_ascii_alphanumeric() || *b == b'_' => 1,
        Some(0xc3) => match bytes.get(at + 1) {
            // å ä ö Å Ä Ö é ü
            Some(0xa5 | 0xa4 | 0xb6 | 0x85 | 0x84 | 0x96 | 0xa9 | 0xbc) => 2,
            _ => 0,
        },
        _ => 0,
    }
}

/// The length of the spaces, tabs and non-breaking spaces (and of `breaks`) that
/// start `bytes`.
fn spaces(bytes: &[u8], breaks: &[u8]) -> usize {
    let mut i = 0;
    loop {
        match bytes.get(i) {
            Some(b' ' | b'\t') => i += 1,
            Some(0xc2) if bytes.get(i + 1) == Some(&0xa0) => i += 2,
            Some(b) if breaks.contains(b) => i += 1,
            _ => return i,
        }
    }
}
