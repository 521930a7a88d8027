//! The layout engine under the printer: lines, indentation, blank lines and comments.
//!
//! The printer walks the tree in source order and keeps a cursor into the file's
//! comments. Before a declaration it prints the comments that precede it; a comment
//! on the same line as a declaration's end stays there, after two spaces; a comment
//! inside a declaration that is printed on one line moves to its own line above it.
//!
//! Spans from the parser may run past a declaration's last token over trailing
//! whitespace and comments (pest's implicit skip after an optional part), so the
//! printer trims them back to the last token first ([`Printer::effective_end`]).

use crate::source::Span;
use crate::syntax::ast::Comment;

/// Indentation of one nesting level.
const INDENT: &str = "  ";

/// The widest line an inline construct may produce, in characters.
pub(super) const MAX_WIDTH: usize = 100;

/// Builds the formatted text.
pub(super) struct Printer<'a> {
    /// The source text the spans point into.
    text: &'a str,
    /// All comments of the file, in source order.
    comments: &'a [Comment],
    /// Index of the first comment not yet printed.
    next_comment: usize,
    out: String,
    depth: usize,
    /// Source offset where the last printed declaration or comment ended.
    last_end: usize,
    /// Nothing printed yet at this level: at the file's start or right after `{`.
    at_block_start: bool,
}

impl<'a> Printer<'a> {
    /// A printer over `text` and its comments.
    pub(super) fn new(text: &'a str, comments: &'a [Comment]) -> Self {
        Printer { text, comments, next_comment: 0, out: String::new(), depth: 0, last_end: 0, at_block_start: true }
    }

    /// Prints the comments left at the end of the file and returns the text.
    pub(super) fn finish(mut self) -> String {
        self.leading(usize::MAX);
        self.out
    }

    /// Whether `line` fits within [`MAX_WIDTH`] at the current indentation.
    pub(super) fn fits(&self, line: &str) -> bool {
        self.depth * INDENT.len() + line.chars().count() <= MAX_WIDTH
    }

    /// Whether a comment sits between the first `{` after `open_from` and the end
    /// of `span`: one that a block printed on one line could not keep in place.
    pub(super) fn has_comment_in_braces(&self, span: Span, open_from: usize) -> bool {
        let open = self.find_open_brace(open_from);
        self.comments.get(self.first_comment_from(open)).is_some_and(|c| c.span.start < span.end)
    }

    /// Index of the first comment that starts at or after `pos` (comments are in
    /// source order, so a binary search: the printer stays linear in the file).
    fn first_comment_from(&self, pos: usize) -> usize {
        self.comments.partition_point(|c| c.span.start < pos)
    }

    /// Writes one line at the current indentation.
    pub(super) fn line(&mut self, content: &str) {
        for _ in 0..self.depth {
            self.out.push_str(INDENT);
        }
        self.out.push_str(content);
        self.out.push('\n');
        self.at_block_start = false;
    }

    /// A declaration printed by `body` (one line, usually): the comments before it,
    /// a blank line if the source had one, the comments inside it on their own lines
    /// above it, and a comment after its end at the end of its last line.
    pub(super) fn item(&mut self, span: Span, body: impl FnOnce(&mut Self)) {
        let end = self.effective_end(span);
        self.before(span.start);
        self.own_line_comments(end);
        body(self);
        self.after(end);
    }

    /// Lines printed by `body` one level deeper, with no braces (a parameter's steps).
    pub(super) fn nested(&mut self, body: impl FnOnce(&mut Self)) {
        self.depth += 1;
        body(self);
        self.depth -= 1;
    }

    /// A `header { … }` block whose `{` is the first one after `open_from`; `body`
    /// prints the contents one level deeper. An empty block prints as `header {}`.
    pub(super) fn block(&mut self, span: Span, open_from: usize, header: &str, body: impl FnOnce(&mut Self)) {
        let open = self.find_open_brace(open_from);
        let close = self.effective_end(span).saturating_sub(1);
        self.before(span.start);
        self.own_line_comments(open);
        self.line(&format!("{header} {{"));
        self.after(open + 1);
        let mark = self.out.len();
        self.depth += 1;
        self.at_block_start = true;
        body(self);
        self.leading(close);
        self.depth -= 1;
        self.close_block(mark);
        self.after(close + 1);
    }

    /// Prints `}`, or turns a bare `header {` line into `header {}` when the
    /// block stayed empty.
    fn close_block(&mut self, mark: usize) {
        if self.out.len() == mark && self.out.ends_with("{\n") {
            self.out.pop();
            self.out.push_str("}\n");
        } else {
            self.line("}");
        }
    }

    /// Comments before `start`, then a blank line if the source had one.
    fn before(&mut self, start: usize) {
        self.leading(start);
        self.blank_if_gap(start);
    }

    /// Records where a declaration ended and keeps a comment after it on its line.
    fn after(&mut self, end: usize) {
        self.last_end = end;
        self.trailing(end);
    }

    /// Prints, each on its own line, the comments that start before `pos`, with the
    /// blank lines the source had between them.
    fn leading(&mut self, pos: usize) {
        let comments = self.comments;
        while let Some(c) = comments.get(self.next_comment).filter(|c| c.span.start < pos) {
            self.blank_if_gap(c.span.start);
            self.comment_line(c);
            self.last_end = c.span.end;
        }
    }

    /// Prints the comments that start before `pos` on their own lines, no blank lines.
    fn own_line_comments(&mut self, pos: usize) {
        let comments = self.comments;
        while let Some(c) = comments.get(self.next_comment).filter(|c| c.span.start < pos) {
            self.comment_line(c);
        }
    }

    fn comment_line(&mut self, c: &Comment) {
        self.line(&comment_text(c));
        self.next_comment += 1;
    }

    /// Appends the next comment to the last line when nothing but spaces (or a
    /// table's `;`) separates it from `end` in the source.
    fn trailing(&mut self, end: usize) {
        let comments = self.comments;
        let Some(c) = comments.get(self.next_comment) else {
            return;
        };
        let gap = self.text.get(end..c.span.start).unwrap_or("\n");
        if !gap.chars().all(|ch| ch == ';' || (ch.is_whitespace() && ch != '\n' && ch != '\r')) {
            return;
        }
        self.out.pop();
        self.out.push_str("  ");
        self.out.push_str(&comment_text(c));
        self.out.push('\n');
        self.next_comment += 1;
        self.last_end = c.span.end;
    }

    /// One blank line if the source had at least one between the last thing printed
    /// and `pos`; never at the start of the file or of a block.
    fn blank_if_gap(&mut self, pos: usize) {
        if self.at_block_start {
            return;
        }
        let gap = self.text.get(self.last_end..pos).unwrap_or("");
        if gap.matches('\n').count() >= 2 {
            self.out.push('\n');
        }
    }

    /// Where a span's last token ends: trailing whitespace and comments trimmed off.
    fn effective_end(&self, span: Span) -> usize {
        let mut end = span.end;
        loop {
            let slice = self.text.get(span.start..end).unwrap_or("");
            let trimmed = span.start + slice.trim_end().len();
            // Comments do not overlap: only the last one starting before `trimmed` can hold it.
            let last_before = self.first_comment_from(trimmed).checked_sub(1).and_then(|i| self.comments.get(i));
            match last_before.filter(|c| c.span.start >= span.start && trimmed <= c.span.end) {
                Some(c) => end = c.span.start,
                None => return trimmed,
            }
        }
    }

    /// The offset of the first `{` at or after `from` outside comments; `from` if
    /// there is none (a tree built by hand, without source).
    fn find_open_brace(&self, from: usize) -> usize {
        let rest = self.text.get(from..).unwrap_or("");
        let mut in_comment = false;
        for (i, ch) in rest.char_indices() {
            match ch {
                '\n' => in_comment = false,
                '#' => in_comment = true,
                '{' if !in_comment => return from + i,
                _ => {}
            }
        }
        from
    }
}

/// A comment as printed: `#` and its text, without trailing whitespace.
pub(super) fn comment_text(c: &Comment) -> String {
    format!("#{}", c.text.trim_end())
}
