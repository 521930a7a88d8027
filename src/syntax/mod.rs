//! Source text → syntax tree. pest's `Pair`s never leave this module.

pub mod ast;
mod errors;
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
    let fast = {
        let _shared = DETAIL.read().unwrap_or_else(|e| e.into_inner());
        RuleParser::parse(rule, text)
    };
    fast.or_else(|_| {
        let _alone = DETAIL.write().unwrap_or_else(|e| e.into_inner());
        pest::set_error_detail(true);
        let detailed = RuleParser::parse(rule, text);
        pest::set_error_detail(false);
        detailed
    })
}

/// Parses a rule file. On syntax errors the file is split into its top-level items
/// and each is parsed on its own, so that every broken item is reported.
pub fn parse(source: &Source) -> Result<ast::File, Diagnostics> {
    let text = source.text.as_str();
    let comments = lower::comments(text);
    match parse_rule(Rule::file, text) {
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
