//! The canonical printer: one layout for every rule file, so that diffs show only
//! real changes.
//!
//! [`format_file`] prints a syntax tree with its comments. [`format_source`] also
//! checks its own work before it returns anything: it re-parses the output and
//! requires the same tree (spans ignored) and the same comments in the same order.
//!
//! ```
//! use ekostyr::{fmt, source::SourceFile};
//!
//! let src = SourceFile::new("x.ek", "parameter   timpris=540  kr/timme   # 2023\n\n\n");
//! let out = fmt::format_source(&src).map_err(|d| d.render(&src));
//! assert_eq!(out.as_deref(), Ok("parameter timpris = 540 kr/timme  # 2023\n"));
//! ```
//!
//! The layout: two spaces per nesting level, one declaration per line, items in
//! the order written, at most one blank line where the source had any (never right
//! after `{` or before `}`), numbers with a decimal comma and thousands grouped by
//! a space from four digits on, tables on one line when short, formulas on one line
//! with the fewest parentheses that keep their shape.

mod expr;
mod items;
mod keywords;
mod printer;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::source::{Source, SourceFile, Span};
use crate::syntax::{self, ast};
use crate::tr;

/// One formula in canonical form: `föregående.fast * (1 + prisindex)`.
pub fn expression(e: &ast::Expr) -> String {
    expr::expr(e)
}

/// A literal with its unit: `2 050 kr/dygn`.
pub fn quantity(q: &ast::Quantity) -> String {
    expr::quantity(q)
}

/// A measure's declaration: `mått volym korrigering: timmar, får_vara_negativ`.
pub fn measure(m: &ast::MeasureDecl) -> String {
    items::measure(m)
}

/// A number as finance staff write it: `18 400 000`, `2,9`.
pub fn number(n: rust_decimal::Decimal) -> String {
    expr::number(n)
}

/// Prints `file`, parsed from `source`, in the canonical layout, keeping every
/// comment. `source` is the text the tree's spans and comments point into.
pub fn format_file(file: &ast::File, source: &Source) -> String {
    let mut printer = printer::Printer::new(&source.text, &file.comments);
    items::file(&mut printer, file);
    printer.finish()
}

/// Parses `source` and prints it in the canonical layout.
///
/// The output is re-parsed and compared with the input before it is returned; if
/// the trees or the comments differ, the result is an error diagnostic instead,
/// so a formatter bug can never rewrite a rule file into something else.
pub fn format_source(source: &Source) -> Result<String, Diagnostics> {
    let file = syntax::parse(source)?;
    let formatted = format_file(&file, source);
    // A file already in the canonical layout comes back unchanged: its tree is the
    // one just parsed, so there is nothing to verify (`fmt --check` in CI, mostly).
    if formatted != source.text {
        verify(&file, source, &formatted).map_err(|d| Diagnostics(vec![d]))?;
    }
    Ok(formatted)
}

/// Checks that `formatted` parses to the same tree and comments as `original`.
fn verify(original: &ast::File, source: &Source, formatted: &str) -> Result<(), Diagnostic> {
    let reparsed = SourceFile::new(source.name.clone(), formatted);
    let Ok(after) = syntax::parse(&reparsed) else {
        return Err(meaning_changed(tr!("fmt-reason-does-not-parse")));
    };
    if !same_tree(original, &after) {
        return Err(meaning_changed(tr!("fmt-reason-tree-differs")));
    }
    if comment_texts(original) != comment_texts(&after) {
        return Err(meaning_changed(tr!("fmt-reason-comment-lost")));
    }
    Ok(())
}

/// Whether two trees are equal, spans ignored (they are not serialized). Compared
/// as serialized text: one type writes its fields in one order (the tree holds no
/// maps), so equal text is equal trees, without building a JSON value per node.
fn same_tree(a: &ast::File, b: &ast::File) -> bool {
    match (serde_json::to_vec(a), serde_json::to_vec(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Comment texts in order, as the printer writes them.
fn comment_texts(file: &ast::File) -> Vec<&str> {
    file.comments.iter().map(|c| c.text.trim_end()).collect()
}

fn meaning_changed(reason: String) -> Diagnostic {
    Diagnostic::error(Span::new(0, 0), tr!("fmt-meaning-changed", reason = reason)).with_hint(tr!("fmt-hint-bug"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> (Source, ast::File) {
        let source = SourceFile::new("x.ek", text);
        let file = syntax::parse(&source).expect("a valid file");
        (source, file)
    }

    fn refusal(original: &str, formatted: &str) -> String {
        let (source, file) = parsed(original);
        verify(&file, &source, formatted).expect_err("a changed file is refused").message
    }

    #[test]
    fn the_check_refuses_a_changed_tree() {
        let message = refusal("parameter x = 1 kr\n", "parameter x = 2 kr\n");
        assert_eq!(message, "internt fel: formateringen ändrade filens innebörd (syntaxträdet skiljer sig)");
    }

    #[test]
    fn the_check_refuses_a_changed_scale() {
        let message = refusal("parameter x = 0,90\n", "parameter x = 0,9\n");
        assert!(message.contains("syntaxträdet skiljer sig"), "{message}");
    }

    #[test]
    fn the_check_refuses_a_lost_comment() {
        let message = refusal("år 2023  # basår\n", "år 2023\n");
        assert!(message.contains("en kommentar försvann"), "{message}");
    }

    #[test]
    fn the_check_refuses_output_that_does_not_parse() {
        let message = refusal("år 2023\n", "år 2023 {\n");
        assert!(message.contains("går inte att tolka"), "{message}");
    }

    #[test]
    fn the_check_accepts_a_layout_change() {
        let (source, file) = parsed("år   2023 # basår\n\n\nversion 1.0");
        assert!(verify(&file, &source, "år 2023  # basår\n\nversion 1.0\n").is_ok());
    }
}
