//! pest errors → located diagnostics.
//!
//! pest records every token it tried at the farthest point it reached
//! (`set_error_detail`); the error is reported there, naming what would have
//! fitted: literal tokens as written, runs of alternatives by what they are
//! ("an operator", "a unit", "a new line in the assignment …").

use super::Rule;
use super::lower::too_deep;
use super::names::{UNIT_NAMES, human_name, interval_name, unit_hint};
use crate::diagnostic::{Diagnostic, one_of};
use crate::source::Span;
use crate::tr;
use crate::vocab::Interval;
use pest::error::{Error, ErrorVariant, InputLocation};

/// Where the text that failed to parse sits in its file.
pub(super) struct Chunk<'a> {
    /// The text parsed.
    pub text: &'a str,
    /// Its byte offset in the file.
    pub base: usize,
    /// A top-level item parsed on its own (after an error in the whole file).
    pub recovered: bool,
    /// Whether the text runs to the end of the file.
    pub ends_file: bool,
}

/// Turns a pest error into one located diagnostic.
pub(super) fn syntax_error(chunk: &Chunk, e: Error<Rule>) -> Diagnostic {
    let pos = match e.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let positives = match &e.variant {
        ErrorVariant::ParsingError { positives, .. } => positives.clone(),
        // pest's own "stack limit reached" or "call limit reached": only formulas nest.
        ErrorVariant::CustomError { .. } => return too_deep(chunk.span(pos, 1)),
    };
    if let Some(d) = unclosed_string(chunk, pos) {
        return d;
    }
    let mut expected = Expected::new(pos, &positives, Farthest::of(&e, pos));
    if expected.phrases(chunk).is_empty() {
        // What pest recorded at its farthest point says nothing: go by the rules it tried.
        expected = Expected::new(pos, &positives, None);
    }
    if let Some(d) = unknown_unit(chunk, &expected).or_else(|| glued_to_number(chunk, expected.at)) {
        return d;
    }
    let found = Found::at(chunk, expected.at);
    if expected.has("\"")
        && let Some(open) = open_quote(chunk.text, found.at)
        && let Some(d) = unclosed_string(chunk, open)
    {
        return d;
    }
    let mut d = Diagnostic::error(found.span(chunk), expected.describe(chunk, &found.describe(chunk)))
        .with_hint_opt(hint(&expected, &found, chunk));
    if found.text.is_empty()
        && expected.tokens.iter().any(|t| t == "}")
        && let Some(open) = unclosed_brace(chunk.text)
    {
        d = d.with_note(chunk.span(open, 1), tr!("syntax-brace-not-closed"));
    }
    d
}

/// What pest recorded at the farthest point it reached.
struct Farthest {
    /// Byte offset in the chunk.
    at: usize,
    /// The tokens it expected there, as written.
    tokens: Vec<String>,
    /// The innermost rules tried there.
    rules: Vec<Rule>,
}

impl Farthest {
    /// What `e` recorded, if it got at least as far as `pos`.
    fn of(e: &Error<Rule>, pos: usize) -> Option<Farthest> {
        let a = e.parse_attempts().filter(|a| a.max_position >= pos)?;
        let tokens = a.expected_tokens().iter().map(|t| t.to_string()).collect();
        let rules = a.call_stacks().iter().filter_map(|s| s.deepest.get_rule().copied()).collect();
        Some(Farthest { at: a.max_position, tokens, rules })
    }
}

impl Chunk<'_> {
    /// A span of `len` bytes at `at` in the chunk, as a span of the file.
    fn span(&self, at: usize, len: usize) -> Span {
        let at = at.min(self.text.len());
        Span::new(self.base + at, self.base + (at + len).min(self.text.len()).max(at))
    }
}

/// What the parser would have accepted, and where.
struct Expected {
    /// Byte offset in the chunk.
    at: usize,
    /// Literal tokens, as written (whitespace and `#` left out).
    tokens: Vec<String>,
    /// A digit, a letter or an alphanumeric was possible.
    digit: bool,
    letter: bool,
    /// Rules that name what was expected better than their tokens.
    rules: Vec<Rule>,
}

impl Expected {
    /// From the tokens pest recorded at its farthest point, else from the rules it
    /// tried at `pos`.
    fn new(pos: usize, positives: &[Rule], farthest: Option<Farthest>) -> Expected {
        let mut x = Expected { at: pos, tokens: vec![], digit: false, letter: false, rules: vec![] };
        if let Some(f) = farthest {
            for t in &f.tokens {
                x.add_token(t);
            }
            if !x.is_empty() {
                x.at = f.at;
                x.rules = f.rules.into_iter().filter(|r| names_value(*r)).collect();
            }
        }
        if x.is_empty() {
            for r in positives {
                match first_keyword(*r) {
                    Some(k) => x.tokens.push(k.into()),
                    None => x.rules.push(*r),
                }
            }
        } else if x.at == pos {
            x.rules.extend(positives.iter().copied().filter(|r| names_value(*r)));
        }
        x.tokens.sort_by_key(|t| t.starts_with(char::is_alphabetic));
        x.rules.sort();
        x.rules.dedup();
        x
    }

    fn is_empty(&self) -> bool {
        self.tokens.is_empty() && !self.digit && !self.letter
    }

    fn add_token(&mut self, token: &str) {
        let chars: Vec<char> = token.chars().collect();
        match chars.as_slice() {
            [] | [' ' | '\t' | '\n' | '\r' | '\u{a0}' | '#'] | ['\r', '\n'] => {}
            [a, '.', '.', _] if a.is_ascii_digit() => self.digit = true,
            [a, '.', '.', _] if a.is_alphabetic() => self.letter = true,
            [c] if c.is_alphabetic() || *c == '_' => self.letter = true,
            _ if token == "BUILTIN_RULE" => {}
            _ => self.tokens.push(token.to_string()),
        }
    }

    /// An expected keyword (not a unit) that `word` looks like a misspelling of.
    fn similar_word(&self, word: &str) -> Option<String> {
        let words = self.tokens.iter().map(String::as_str).filter(|t| t.starts_with(char::is_alphabetic) && !UNIT_NAMES.contains(t));
        crate::diagnostic::did_you_mean(word, words)
    }

    fn has(&self, token: &str) -> bool {
        self.tokens.iter().any(|t| t == token)
    }

    /// "expected `:`", "expected `}` or `vårdform`", "expected an operator, …".
    fn describe(&self, chunk: &Chunk, found: &str) -> String {
        let phrases = self.phrases(chunk);
        match phrases.as_slice() {
            [] => tr!("syntax-not-expected", found = found),
            list => tr!("syntax-expected-found", expected = one_of(list), found = found),
        }
    }

    fn phrases(&self, chunk: &Chunk) -> Vec<String> {
        let mut rest: Vec<&str> = self.tokens.iter().map(String::as_str).collect();
        let (mut letter, mut digit) = (self.letter, self.digit);
        let mut rules = self.rules.clone();
        let mut groups = vec![];
        for g in GROUPS {
            if g.markers.iter().all(|m| rest.contains(m)) {
                rest.retain(|t| !g.covers(t));
                rules.retain(|r| !g.rules.contains(r));
                letter &= !g.letters;
                digit &= !g.digits;
                groups.push((g.name)());
            }
        }
        let others = !groups.is_empty() || self.rules.contains(&Rule::EOI) || rest.iter().any(|t| !matches!(*t, "," | "."));
        if others && number_ended(chunk.text, self.at) {
            // After a whole number, that it could go on is not worth saying.
            rest.retain(|t| !matches!(*t, "," | "."));
            digit = false;
        }
        let mut out: Vec<String> = rest.iter().map(|t| token_phrase(t)).collect();
        out.extend(groups);
        out.extend(self.value_phrases(chunk, &rules, letter, digit));
        if self.rules.contains(&Rule::EOI) {
            out.push(end_phrase(chunk));
        }
        out.dedup();
        out
    }

    /// Names for digits, letters and the rules that say more than their tokens.
    fn value_phrases(&self, chunk: &Chunk, rules: &[Rule], letter: bool, digit: bool) -> Vec<String> {
        let mut out: Vec<String> = rules.iter().filter(|r| **r != Rule::EOI).map(|r| human_name(*r)).collect();
        if rules.iter().any(|r| *r != Rule::EOI) {
            // `a year such as 2023` says it better than "a number".
            return out;
        }
        let before = &chunk.text[..self.at.min(chunk.text.len())];
        let last = before.chars().next_back();
        let in_name = last.is_some_and(|c| c.is_alphabetic() || c == '_');
        let in_number = last.is_some_and(|c| c.is_ascii_digit() || c == ',' || c == '.');
        // Right after a name more of it could follow, and after `5 ` a thousands
        // group: neither is worth saying.
        if digit && in_number {
            out.push(tr!("syntax-a-digit"));
        } else if digit && !in_name && !number_in_progress(chunk.text, self.at) {
            out.push(tr!("syntax-a-number"));
        }
        if letter && !in_name && !in_number {
            out.push(tr!("syntax-a-name"));
        }
        out
    }
}

/// Rules whose human name says more than the tokens they start with.
fn names_value(rule: Rule) -> bool {
    matches!(rule, Rule::EOI | Rule::year | Rule::month | Rule::date | Rule::version_number | Rule::code | Rule::id_exact | Rule::id_code)
}

/// The keyword a declaration or line starts with, to group it with its kind.
fn first_keyword(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::header_regelverk => "regelverk",
        Rule::header_year => "år",
        Rule::header_version => "version",
        Rule::header_builds_on => "bygger_på",
        Rule::header_owners => "dokumentägare",
        Rule::header_beslut => "beslut",
        Rule::parameter => "parameter",
        Rule::measure => "mått",
        Rule::board => "nämnd",
        Rule::expectation => "förvänta",
        Rule::source => "källa",
        Rule::part => "del",
        Rule::activities => "verksamheter",
        Rule::id_codes => "id",
        Rule::let_binding => "låt",
        Rule::compensation => "ersättning",
        Rule::key_figure => "nyckeltal",
        Rule::change => "förändring",
        Rule::komplement_codes => "komplement",
        Rule::out_of_scope => "utanför",
        Rule::unit | Rule::unit_name => "kr",
        Rule::expect_input => "indata",
        Rule::expect_budget => "budget",
        Rule::expect_volume => "volym",
        Rule::expect_ledger => "utfall",
        _ => return None,
    })
}

/// A token as the user writes it.
fn token_phrase(token: &str) -> String {
    match token {
        "\"" => human_name(Rule::string),
        t => format!("`{t}`"),
    }
}

/// What EOI is: the end of the file, or of a top-level item parsed on its own.
fn end_phrase(chunk: &Chunk) -> String {
    if chunk.recovered && !chunk.ends_file { tr!("syntax-end-of-declaration") } else { tr!("syntax-end-of-file") }
}

/// Whether `at` follows the last digit of a number (`41`, not `1 23` nor `12,`,
/// which need more digits).
fn number_ended(text: &str, at: usize) -> bool {
    let before = &text[..at.min(text.len())];
    before.ends_with(|c: char| c.is_ascii_digit()) && !grouped_number(text, at)
}

/// Whether `at` follows a number being written (`1 23`, `12,`).
fn number_in_progress(text: &str, at: usize) -> bool {
    let before = text[..at.min(text.len())].trim_end_matches([' ', '\u{a0}', ',', '.']);
    before.ends_with(|c: char| c.is_ascii_digit())
}

/// Whether `at` follows a number written with thousands separators (`1 23`).
fn grouped_number(text: &str, at: usize) -> bool {
    let before = &text[..at.min(text.len())];
    let start = before.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '\u{a0}').len();
    number_in_progress(text, at) && before[start..].trim().contains([' ', '\u{a0}'])
}

/// Alternatives reported under one name. A group applies when all its markers
/// were expected; it then stands for all its tokens.
struct Group {
    /// What the alternatives are, in the process's language.
    name: fn() -> String,
    markers: &'static [&'static str],
    tokens: &'static [&'static str],
    /// It also stands for the unit names.
    units: bool,
    /// It also stands for "a name" / "a number".
    letters: bool,
    digits: bool,
    /// Rules it stands for (when pest named rules rather than tokens).
    rules: &'static [Rule],
}

impl Group {
    /// Whether the group stands for `token`.
    fn covers(&self, token: &str) -> bool {
        self.tokens.contains(&token) || self.markers.contains(&token) || (self.units && UNIT_NAMES.contains(&token))
    }
}

const GROUPS: &[Group] = &[
    Group {
        name: || human_name(Rule::primary),
        markers: &["(", "summa"],
        tokens: &["(", "-", "inte", "om", "summa", "föregående", "min", "max", "avrunda", "budget", "volym"],
        units: false,
        letters: true,
        digits: true,
        rules: &[],
    },
    Group {
        name: || human_name(Rule::infix),
        markers: &["+", "*"],
        tokens: &["+", "-", "*", "×", "/", "÷", ">=", "<=", "!=", "==", ">", "<", "och", "eller"],
        units: false,
        letters: false,
        digits: false,
        rules: &[],
    },
    Group { name: || tr!("syntax-a-unit"), markers: &["kr"], tokens: &["%"], units: true, letters: false, digits: false, rules: &[] },
    Group {
        name: || human_name(Rule::item),
        markers: &["parameter", "nämnd"],
        tokens: &[
            "regelverk",
            "år",
            "version",
            "bygger_på",
            "dokumentägare",
            "beslut",
            "parameter",
            "mått",
            "nämnd",
            "förvänta",
            "utanför",
        ],
        units: false,
        letters: false,
        digits: false,
        rules: &[],
    },
    Group {
        name: interval_name,
        markers: &[Interval::KEYWORDS[0].1, Interval::KEYWORDS[1].1, Interval::KEYWORDS[2].1],
        tokens: &[],
        units: false,
        letters: false,
        digits: false,
        rules: &[],
    },
    Group {
        name: || human_name(Rule::change_type),
        markers: &["statsbidrag", "övertagande", "riktad_satsning"],
        tokens: &["större_förändring", "justering"],
        units: false,
        letters: false,
        digits: false,
        rules: &[],
    },
    Group {
        name: || tr!("syntax-new-assignment-line"),
        markers: &["ersättning", "nyckeltal"],
        tokens: &["källa", "del", "verksamheter", "id", "parameter", "låt", "ersättning", "nyckeltal", "förändring", "komplement"],
        units: false,
        letters: false,
        digits: false,
        rules: &[],
    },
    Group {
        name: || tr!("syntax-new-key-figure-line"),
        markers: &["värde", "intervall"],
        tokens: &["värde", "intervall", "mottagare", "ansvarig", "från", "mål", "per", "påverkan"],
        units: false,
        letters: false,
        digits: false,
        rules: &[],
    },
    Group {
        name: || tr!("syntax-new-change-line"),
        markers: &["typ", "belopp"],
        tokens: &["typ", "belopp", "från", "återrapportering", "id"],
        units: false,
        letters: false,
        digits: false,
        rules: &[],
    },
    Group {
        name: || tr!("syntax-an-expectation"),
        markers: &["indata", "utfall"],
        tokens: &["indata", "budget", "volym", "utfall"],
        units: false,
        letters: true,
        digits: false,
        rules: &[Rule::expect_value, Rule::path, Rule::member],
    },
];

/// The text where the parser stopped.
struct Found<'a> {
    /// Byte offset in the chunk.
    at: usize,
    /// A word, a number or one character; empty at the end of the text.
    text: &'a str,
}

impl<'a> Found<'a> {
    fn at(chunk: &Chunk<'a>, at: usize) -> Found<'a> {
        let rest = chunk.text.get(at..).unwrap_or("");
        if rest.is_empty() {
            // At the end, point just after the last token rather than at a blank line.
            return Found { at: chunk.text.trim_end().len().min(at), text: "" };
        }
        let len = word_at(rest, 0).map(str::len).or_else(|| rest.chars().next().map(char::len_utf8)).unwrap_or(0);
        Found { at, text: &rest[..len] }
    }

    fn span(&self, chunk: &Chunk) -> Span {
        chunk.span(self.at, self.text.len().max(1))
    }

    fn describe(&self, chunk: &Chunk) -> String {
        match self.text {
            // A recovered item ends where a line starts the next one.
            "" if chunk.recovered && !chunk.ends_file => tr!("syntax-end-of-line"),
            "" => tr!("syntax-end-of-file"),
            "\n" | "\r" => tr!("syntax-end-of-line"),
            " " | "\u{a0}" => tr!("syntax-a-space"),
            "\t" => tr!("syntax-a-tab"),
            t => format!("`{}`", crate::diagnostic::echo(t)),
        }
    }
}

/// A hint that fits what was expected where the user wrote `found`.
fn hint(expected: &Expected, found: &Found, chunk: &Chunk) -> Option<String> {
    match found.text {
        "=" if expected.has("==") => Some(tr!("syntax-hint-comparison")),
        "=" if expected.has(">=") && expected.has("<=") => Some(tr!("syntax-hint-target")),
        "," if expected.has(";") => Some(tr!("syntax-hint-semicolon")),
        ";" if expected.has(",") => Some(tr!("syntax-hint-comma")),
        "}" if !expected.has("}") => Some(tr!("syntax-hint-braces")),
        "från" if !expected.has("från") && chunk.text.get(..found.at).is_some_and(|t| t.trim_end().ends_with('}')) => {
            Some(tr!("validity-hint-steps-after-table"))
        }
        "vårdform" | "uppdrag" | "källa" | "del" | "id" | "ersättning" | "nyckeltal" | "förändring" | "låt" | "värde" | "intervall"
            if expected.rules.contains(&Rule::EOI) =>
        {
            Some(tr!("syntax-hint-brace-too-many"))
        }
        t if t.starts_with(char::is_alphabetic) && expected.similar_word(t).is_some() => expected.similar_word(t),
        _ if expected.digit && grouped_number(chunk.text, expected.at) => Some(tr!("syntax-hint-thousands")),
        _ => None,
    }
}

/// `regelverk "Ekonomistyrning …` with no closing quote on its line.
fn unclosed_string(chunk: &Chunk, pos: usize) -> Option<Diagnostic> {
    let rest = chunk.text.get(pos..)?;
    let line = rest.split(['\n', '\r']).next().unwrap_or("");
    let after = line.strip_prefix('"')?;
    if after.contains('"') {
        return None;
    }
    Some(Diagnostic::error(chunk.span(pos, line.len()), tr!("syntax-string-not-closed")).with_hint(tr!("syntax-hint-close-string")))
}

/// The `"` left open on the line before `at`, if its quotes do not pair up.
fn open_quote(text: &str, at: usize) -> Option<usize> {
    let line_start = text[..at].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let quotes: Vec<usize> = text[line_start..at].match_indices('"').map(|(i, _)| line_start + i).collect();
    (quotes.len() % 2 == 1).then(|| quotes.last().copied()).flatten()
}

/// `540 kronor/timme`: a word where a unit could go (after a number, `/` or the
/// `:` of a measure) that is not a misspelling of another word that could go there
/// (`om x > 0 dä …`).
fn unknown_unit(chunk: &Chunk, expected: &Expected) -> Option<Diagnostic> {
    let at = expected.at;
    let word = word_at(chunk.text, at).filter(|w| w.starts_with(char::is_alphabetic))?;
    let before = chunk.text[..at].trim_end_matches([' ', '\t', '\u{a0}']);
    let unit_place = before.ends_with(|c: char| c.is_ascii_digit() || c == '/' || c == ':');
    if !expected.has("kr") || !unit_place || expected.similar_word(word).is_some() {
        return None;
    }
    Some(Diagnostic::error(chunk.span(at, word.len()), tr!("syntax-unknown-unit", unit = word)).with_hint(unit_hint(word)))
}

/// `18 400 000kr`: a word right after the digits of a number.
fn glued_to_number(chunk: &Chunk, at: usize) -> Option<Diagnostic> {
    let word = word_at(chunk.text, at).filter(|w| w.starts_with(char::is_alphabetic))?;
    if !chunk.text[..at].ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let hint = match UNIT_NAMES.contains(&word) {
        true => tr!("syntax-hint-space-before-unit", unit = word),
        false => tr!("syntax-hint-space-after-number"),
    };
    Some(Diagnostic::error(chunk.span(at, word.len()), tr!("syntax-glued-to-number", word = word)).with_hint(hint))
}

/// The word (letters, digits, `_`) starting at `at`, if any.
fn word_at(text: &str, at: usize) -> Option<&str> {
    let rest = text.get(at..)?;
    let len = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
    (len > 0).then(|| &rest[..len])
}

/// The `{` left open: the first whose closing `}` sits at a smaller indentation
/// than its own line (the brace that a later `}` was meant for), else the last
/// one never closed. Strings and comments are skipped.
fn unclosed_brace(text: &str) -> Option<usize> {
    let mut open: Vec<usize> = vec![];
    let mut mismatched = None;
    let (mut in_string, mut in_comment) = (false, false);
    for (i, c) in text.char_indices() {
        match c {
            '\n' => (in_string, in_comment) = (false, false),
            _ if in_comment => {}
            '"' => in_string = !in_string,
            _ if in_string => {}
            '#' => in_comment = true,
            '{' => open.push(i),
            '}' => {
                let Some(o) = open.pop() else { continue };
                if mismatched.is_none() && indentation(text, i) < indentation(text, o) {
                    mismatched = Some(o);
                }
            }
            _ => {}
        }
    }
    mismatched.or(open.last().copied())
}

/// Leading spaces of the line holding byte `at`.
fn indentation(text: &str, at: usize) -> usize {
    let start = text[..at].rfind('\n').map(|i| i + 1).unwrap_or(0);
    text[start..].chars().take_while(|c| *c == ' ' || *c == '\t').count()
}
