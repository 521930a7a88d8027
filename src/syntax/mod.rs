//! Source text → syntax tree. pest's `Pair`s never leave this module.

pub mod ast;
mod lower;
mod names;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::source::{Source, Span};
use pest::Parser as _;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/ekostyr.pest"]
struct RuleParser;

pub use names::human_name;

/// Parses a rule file. On syntax errors the file is split into its top-level items
/// and each is parsed on its own, so that every broken item is reported.
pub fn parse(source: &Source) -> Result<ast::File, Diagnostics> {
    let text = source.text.as_str();
    let comments = lower::comments(text);
    match RuleParser::parse(Rule::file, text) {
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
    let mut pairs = RuleParser::parse(Rule::lone_quantity, text.trim()).map_err(|e| syntax_error(text.trim(), 0, e).message)?;
    let q = pairs.next().and_then(|p| p.into_inner().next()).ok_or_else(|| format!("`{text}` is not a number"))?;
    lower::signed_quantity(q, 0).map_err(|d| d.message)
}

/// Re-parses each top-level chunk to report a syntax error in every broken item.
fn recover(text: &str, first: pest::error::Error<Rule>) -> Diagnostics {
    let mut diags = Diagnostics::default();
    let first = syntax_error(text, 0, first);
    let mut seen = vec![first.span.start];
    diags.push(first);
    for (start, end) in top_level_chunks(text) {
        let chunk = &text[start..end];
        if let Err(e) = RuleParser::parse(Rule::lone_item, chunk) {
            let d = syntax_error(chunk, start, e);
            if !seen.contains(&d.span.start) {
                seen.push(d.span.start);
                diags.push(d);
            }
        }
    }
    diags
}

/// Byte ranges of top-level items: each starts at a line whose first character
/// begins a top-level keyword, at column 1.
fn top_level_chunks(text: &str) -> Vec<(usize, usize)> {
    const STARTS: [&str; 10] = ["regelverk", "år ", "version", "bygger_på", "dokumentägare", "beslut", "parameter", "mått", "nämnd", "förvänta"];
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

fn syntax_error(text: &str, base: usize, e: pest::error::Error<Rule>) -> Diagnostic {
    use pest::error::{ErrorVariant, InputLocation};
    let pos = match e.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let found = found_at(text, pos);
    let span = Span::new(base + pos, base + pos + found.len().max(1).min(text.len().saturating_sub(pos).max(1)));
    let message = match &e.variant {
        ErrorVariant::ParsingError { positives, .. } => expected_message(positives, &found),
        ErrorVariant::CustomError { message } => message.clone(),
    };
    let mut d = Diagnostic::error(span, message);
    if let Some(h) = hint_for(&found) {
        d = d.with_hint(h);
    }
    d
}

fn expected_message(positives: &[Rule], found: &str) -> String {
    let mut names: Vec<&str> = positives.iter().map(|r| human_name(*r)).collect();
    names.sort_unstable();
    names.dedup();
    let found = if found.is_empty() { "the end of the file".to_string() } else { format!("`{found}`") };
    match names.as_slice() {
        [] => format!("unexpected {found}"),
        [one] => format!("expected {one}, found {found}"),
        [init @ .., last] => format!("expected {} or {last}, found {found}", init.join(", ")),
    }
}

/// The token at `pos`: a word, a number, or one character.
fn found_at(text: &str, pos: usize) -> String {
    let rest = text.get(pos..).unwrap_or("");
    let word: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    if !word.is_empty() {
        return word;
    }
    rest.chars().next().filter(|c| *c != '\n' && *c != '\r').map(String::from).unwrap_or_default()
}

fn hint_for(found: &str) -> Option<String> {
    match found {
        "=" => Some("comparison is written `==`; a definition is `låt name = …`".into()),
        "," => Some("separate function arguments and table entries with `;`, as in Swedish Excel".into()),
        "{" | "}" => Some("check that every `{` has a matching `}`".into()),
        _ => None,
    }
}
