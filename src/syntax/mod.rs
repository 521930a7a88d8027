//! Source text → syntax tree. pest's `Pair`s never leave this module.

pub mod ast;
mod errors;
mod fast;
mod lower;
mod names;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::source::Source;
use errors::{Chunk, syntax_error};
use pest::Parser as _;
use std::sync::RwLock;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/ekostyr.pest"]
struct RuleParser;

pub use lower::{MAX_NESTING, MAX_OPERATORS};
pub use names::{UNIT_NAMES, human_name, unit_hint};

/// Held shared by every parse without error detail, and alone by a parse with it:
/// pest's switch for error detail is global and read when a parse starts.
static DETAIL: RwLock<()> = RwLock::new(());

/// Parses `text`. A text that parses is parsed once, without error detail: pest's
/// record of what it expected costs an allocation per token tried, most of the
/// parse's time. A text that does not parse is parsed again with it, and that
/// error (what was expected at the farthest point reached) is the one returned.
fn parse_rule(rule: Rule, text: &str) -> Result<pest::iterators::Pairs<'_, Rule>, pest::error::Error<Rule>> {
    parse_fast(rule, text).or_else(|_| parse_detailed(rule, text))
}

/// A parse without error detail.
fn parse_fast(rule: Rule, text: &str) -> Result<pest::iterators::Pairs<'_, Rule>, pest::error::Error<Rule>> {
    let _shared = DETAIL.read().unwrap_or_else(|e| e.into_inner());
    RuleParser::parse(rule, text)
}

/// A parse with error detail, for the error of a text that does not parse.
fn parse_detailed(rule: Rule, text: &str) -> Result<pest::iterators::Pairs<'_, Rule>, pest::error::Error<Rule>> {
    let _alone = DETAIL.write().unwrap_or_else(|e| e.into_inner());
    pest::set_error_detail(true);
    let detailed = RuleParser::parse(rule, text);
    pest::set_error_detail(false);
    detailed
}

/// Parses a rule file. On syntax errors the file is split into its top-level items
/// and each is parsed on its own, so that every broken item is reported.
pub fn parse(source: &Source) -> Result<ast::File, Diagnostics> {
    let text = source.text.as_str();
    let comments = lower::comments(text);
    // The grammar skips a comment a character at a time, a rule call each (a tenth of
    // a commented file's parse): the parser reads the text with the comments blanked
    // out instead, every byte offset kept. A text that does not parse so is parsed as
    // written, for its error.
    let blanked = blank_comments(text, &comments);
    if let Some(items) = fast::file(&blanked) {
        #[cfg(debug_assertions)]
        read_as_pest_reads(&blanked, &items);
        return Ok(ast::File { items, comments });
    }
    match parse_fast(Rule::file, &blanked).or_else(|_| parse_detailed(Rule::file, text)) {
        Ok(mut pairs) => {
            let file = pairs.next().map(|p| lower::file(p, 0));
            let mut diags = Diagnostics::default();
            let items = file.unwrap_or_default().into_iter().filter_map(|r| r.map_err(|d| diags.push(d)).ok()).collect();
            if diags.has_errors() {
                return Err(diags);
            }
            Ok(ast::File { items, comments })
        }
        Err(first) => Err(recover(text, first)),
    }
}

/// Holds the hand-written reader to pest's reading of the same text, spans and
/// all: in debug builds, so every test parses every rule file both ways.
#[cfg(debug_assertions)]
fn read_as_pest_reads(blanked: &str, items: &[ast::Item]) {
    let pairs = parse_fast(Rule::file, blanked).ok().and_then(|mut pairs| pairs.next());
    let lowered = pairs.map(|file| lower::file(file, 0).into_iter().collect::<Result<Vec<_>, _>>());
    debug_assert_eq!(format!("{:?}", lowered.and_then(Result::ok)), format!("{:?}", Some(items)), "read differently: {blanked:?}");
}

/// `text` with each comment's characters, from `#` up to the line break (as the
/// grammar's `COMMENT` reads it: `\n` or `\r`), turned into as many spaces as bytes,
/// so every span stays where it was. The comments are those [`lower::comments`]
/// found (outside strings); a comment is whitespace to the grammar wherever it may
/// stand, as spaces are, and ends any token that spaces end.
fn blank_comments<'a>(text: &'a str, comments: &[ast::Comment]) -> std::borrow::Cow<'a, str> {
    if comments.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut bytes = text.as_bytes().to_vec();
    for c in comments {
        let rest = bytes.get(c.span.start..).unwrap_or_default();
        let end = c.span.start + memchr::memchr2(b'\n', b'\r', rest).unwrap_or(rest.len());
        if let Some(comment) = bytes.get_mut(c.span.start..end) {
            comment.fill(b' ');
        }
    }
    // INVARIANT: whole characters (from an ASCII `#` to an ASCII line break or the end)
    // became ASCII spaces, so the text is still UTF-8; were it not, the text as written.
    String::from_utf8(bytes).map_or(std::borrow::Cow::Borrowed(text), std::borrow::Cow::Owned)
}

/// Parses a literal such as `3,1 %` or `2 100 kr/dygn` (for `--set`).
pub fn parse_quantity(text: &str) -> Result<ast::Quantity, String> {
    let text = text.trim();
    let chunk = Chunk { text, base: 0, recovered: false, ends_file: true };
    let mut pairs = parse_rule(Rule::lone_quantity, text).map_err(|e| syntax_error(&chunk, e).message)?;
    let q = pairs.next().and_then(|p| p.into_inner().next()).ok_or_else(|| crate::tr!("syntax-not-a-number", text = text))?;
    lower::signed_quantity(q, 0).map_err(|d| d.message)
}

/// Re-parses each top-level chunk to report a syntax error in every broken item.
fn recover(text: &str, first: pest::error::Error<Rule>) -> Diagnostics {
    let first = syntax_error(&Chunk { text, base: 0, recovered: false, ends_file: true }, first);
    let mut found: Vec<Diagnostic> = vec![];
    let mut first = Some(first);
    for (start, end) in top_level_chunks(text) {
        let chunk = Chunk { text: &text[start..end], base: start, recovered: true, ends_file: end == text.len() };
        let Err(e) = parse_rule(Rule::lone_item, chunk.text) else { continue };
        let d = syntax_error(&chunk, e);
        // The error of the whole file lies in (or just after) the first broken item.
        // Where the item's own error is elsewhere, it stopped at the item's end, not
        // at the next declaration: that is the one to show.
        let here = first.as_ref().map(|f| f.span.start).filter(|s| (start..=end).contains(s));
        match here {
            Some(s) if s == d.span.start => continue,
            Some(_) => first = None,
            None => {}
        }
        if !found.iter().any(|f| f.span.start == d.span.start) {
            found.push(d);
        }
    }
    Diagnostics(first.into_iter().chain(found).collect())
}

/// Byte ranges of top-level items: each starts at a line whose first character
/// begins a top-level keyword, at column 1.
fn top_level_chunks(text: &str) -> Vec<(usize, usize)> {
    const STARTS: [&str; 11] =
        ["regelverk", "år ", "version", "bygger_på", "dokumentägare", "beslut", "parameter", "mått", "nämnd", "förvänta", "utanför"];
    let mut starts = vec![];
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if STARTS.iter().any(|k| line.starts_with(k)) {
            starts.push(offset);
        }
        offset += line.len();
    }
    let ends = starts.iter().skip(1).copied().chain(std::iter::once(text.len()));
    starts.iter().copied().zip(ends).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn blanked(text: &str) -> String {
        blank_comments(text, &lower::comments(text)).into_owned()
    }

    #[test]
    fn comments_become_spaces_byte_for_byte_and_strings_keep_their_hash() {
        // `# basår` is eight bytes (`å` takes two): eight spaces.
        assert_eq!(blanked("år 2023  # basår\nversion 1.0"), format!("år 2023{}\nversion 1.0", " ".repeat(10)));
        assert_eq!(blanked("regelverk \"A # B\" # x\r\n"), "regelverk \"A # B\"    \r\n");
        // The grammar's comment ends at a lone carriage return too.
        assert_eq!(blanked("# ä\rår 2023"), "    \rår 2023");
        assert_eq!(blanked("år 2023"), "år 2023");
    }

    #[test]
    fn a_commented_file_parses_to_the_tree_of_the_file_without_its_comments() {
        let with = "# huvud\nregelverk \"R # 1\" # titel\når 2023#tätt\nparameter x: kr = 1 000 kr # ett\n  från 2023-07 = 2 000 kr\n";
        let without = "regelverk \"R # 1\"\når 2023\nparameter x: kr = 1 000 kr\n  från 2023-07 = 2 000 kr\n";
        let tree = |t: &str| parse(&SourceFile::new("x.ek", t)).map(|f| serde_json::to_string(&f).unwrap_or_default());
        let (a, b) = (tree(with).expect("parses"), tree(without).expect("parses"));
        assert_eq!(a, b);
        assert_eq!(parse(&SourceFile::new("x.ek", with)).map(|f| f.comments.len()).ok(), Some(4));
    }
}
