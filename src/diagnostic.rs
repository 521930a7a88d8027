//! Located diagnostics: one value per problem, rendered as
//! `file:line:col: message`, the source line, a caret under the span and a hint.

use crate::source::{Source, Span};
use std::fmt::Write as _;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The file is still usable.
    Warning,
    /// The file cannot be evaluated.
    Error,
}

/// One problem in one rule file.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Where.
    pub span: Span,
    /// One line, lowercase, no trailing period; the user's text in backticks.
    pub message: String,
    /// How to fix it, if we know.
    pub hint: Option<String>,
    /// Secondary places (e.g. the first definition of a duplicate).
    pub notes: Vec<(Span, String)>,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(span: Span, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Error, span, message: message.into(), hint: None, notes: vec![] }
    }

    /// A warning at `span`.
    pub fn warning(span: Span, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(span, message) }
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds a hint only when there is one.
    pub fn with_hint_opt(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }

    /// Points at a second place.
    pub fn with_note(mut self, span: Span, note: impl Into<String>) -> Self {
        self.notes.push((span, note.into()));
        self
    }

    /// Whether this stops evaluation.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders against the whole file.
    pub fn render(&self, source: &Source) -> String {
        let mut out = String::new();
        let (line, col) = source.line_col(self.span.start);
        let label = match self.severity {
            Severity::Error => crate::tr!("diag-error"),
            Severity::Warning => crate::tr!("diag-warning"),
        };
        let _ = writeln!(out, "{}:{line}:{col}: {label}: {}", source.name, self.message);
        snippet(&mut out, source, self.span);
        for (span, note) in &self.notes {
            let (l, c) = source.line_col(span.start);
            let _ = writeln!(out, "  = {}: {note} ({}:{l}:{c})", crate::tr!("diag-note"), source.name);
        }
        if let Some(hint) = &self.hint {
            let _ = writeln!(out, "  = {}: {hint}", crate::tr!("diag-hint"));
        }
        out
    }
}

fn snippet(out: &mut String, source: &Source, span: Span) {
    let (line, col) = source.line_col(span.start);
    let text = source.line_text(line);
    let (end_line, end_col) = source.line_col(span.end);
    let width = if end_line == line { end_col.saturating_sub(col).max(1) } else { text.chars().count().saturating_sub(col - 1).max(1) };
    let gutter = line.to_string().len();
    let _ = writeln!(out, "{:gutter$} |", "");
    // One visible character per control character, so the caret stays under its column.
    let shown: String = text
        .chars()
        .map(|c| {
            if c == '\t' {
                ' '
            } else if c.is_control() || is_bidi(c) {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect();
    let _ = writeln!(out, "{line} | {shown}");
    let _ = writeln!(out, "{:gutter$} | {}{}", "", " ".repeat(col - 1), "^".repeat(width));
}

/// All diagnostics of one file.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Records one.
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    /// Whether any is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// Renders all, in source order, with a summary line.
    pub fn render(&self, source: &Source) -> String {
        let mut sorted: Vec<&Diagnostic> = self.0.iter().collect();
        sorted.sort_by_key(|d| (d.span.start, d.span.end));
        let mut out: String = sorted.iter().map(|d| d.render(source) + "\n").collect();
        let errors = self.0.iter().filter(|d| d.is_error()).count();
        let warnings = self.0.len() - errors;
        let _ = writeln!(out, "{}", crate::tr!("diag-summary", file = source.name.as_str(), errors = errors, warnings = warnings));
        out
    }
}

/// Closest known names to `name`, for "did you mean" hints.
pub fn did_you_mean<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut scored: Vec<(f64, &str)> = known
        .into_iter()
        .map(|k| (strsim::normalized_damerau_levenshtein(&name.to_lowercase(), &k.to_lowercase()), k))
        .filter(|(s, _)| *s >= 0.5)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    let names: Vec<String> = scored.iter().take(3).map(|(_, k)| format!("`{}`", echo(k))).collect();
    (!names.is_empty()).then(|| crate::tr!("diag-did-you-mean", names = any_of(&names)))
}

/// `a or b`, in the process's language.
pub fn or(a: &str, b: &str) -> String {
    crate::tr!("diag-or", a = a, b = b)
}

/// `a or b or c`: every alternative joined by "or".
pub fn any_of(items: &[String]) -> String {
    items.iter().cloned().reduce(|a, b| or(&a, &b)).unwrap_or_default()
}

/// `a, b or c`: a list whose last alternative is joined by "or".
pub fn one_of(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => or(&init.join(", "), last),
    }
}

/// The most characters of a user's text (a path, a name) a message repeats.
pub const ECHO_MAX_CHARS: usize = 80;

/// A user's text as a message repeats it: control characters (ESC, NUL, the other
/// C0 and C1 codes, DEL) and the bidirectional overrides escaped as `\u{1b}`, and
/// cut to [`ECHO_MAX_CHARS`] characters, the last being `…` when cut. A name read
/// from a file can then neither drive the terminal nor flood the screen.
pub fn echo(text: &str) -> String {
    let pieces: Vec<String> = text.chars().map(escaped).collect();
    if pieces.iter().map(|p| p.chars().count()).sum::<usize>() <= ECHO_MAX_CHARS {
        return pieces.concat();
    }
    let mut out = String::new();
    let mut count = 0;
    for piece in pieces.iter().take_while(|p| {
        count += p.chars().count();
        count < ECHO_MAX_CHARS
    }) {
        out.push_str(piece);
    }
    out + "…"
}

fn escaped(c: char) -> String {
    let bidi = is_bidi(c);
    match c {
        '\t' => "\\t".into(),
        '\n' => "\\n".into(),
        '\r' => "\\r".into(),
        c if c.is_control() || bidi => format!("\\u{{{:x}}}", c as u32),
        c => c.to_string(),
    }
}

/// A character that reorders the text around it on a terminal (bidirectional override).
fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod echo_tests {
    use super::echo;

    #[test]
    fn short_text_is_echoed_as_it_is() {
        assert_eq!(echo("vårdboende"), "vårdboende");
        assert_eq!(echo(&"x".repeat(80)), "x".repeat(80));
    }

    #[test]
    fn long_text_is_cut_to_eighty_characters() {
        let cut = echo(&"ö".repeat(10_000));
        assert_eq!(cut.chars().count(), 80);
        assert!(cut.ends_with("ö…"));
    }

    #[test]
    fn control_characters_are_escaped_whole() {
        assert_eq!(echo("a\u{1b}[31mb\0c\td"), "a\\u{1b}[31mb\\u{0}c\\td");
        let cut = echo(&format!("{}\u{1b}{}", "x".repeat(75), "y".repeat(100)));
        assert_eq!(cut, format!("{}…", "x".repeat(75)));
    }
}
