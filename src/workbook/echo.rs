//! User text as a message shows it: a cell, a sheet or a file name can hold
//! anything, so what is echoed back is cut short and has its control
//! characters spelled out, never written raw to the terminal.

use std::fmt::Write as _;

/// Most characters of user text a message echoes.
const MAX_ECHO: usize = 80;

/// The text trimmed, cut to [`MAX_ECHO`] characters (then `…`), each control
/// character written as its escape (`\u{1b}`).
pub(super) fn echo(text: &str) -> String {
    echo_name(text.trim())
}

/// Like [`echo`], but untrimmed: a trailing space is what tells two sheets apart.
pub(super) fn echo_name(name: &str) -> String {
    let (kept, cut) = match name.char_indices().nth(MAX_ECHO) {
        Some((at, _)) => (&name[..at], true),
        None => (name, false),
    };
    let mut out = String::with_capacity(kept.len() + 3);
    kept.chars().for_each(|c| push_escaped(&mut out, c));
    if cut {
        out.push('…');
    }
    out
}

/// Each name through [`echo_name`] in backticks, joined by `, `.
pub(super) fn echo_names(names: &[String]) -> String {
    names.iter().map(|n| format!("`{}`", echo_name(n))).collect::<Vec<_>>().join(", ")
}

fn push_escaped(out: &mut String, c: char) {
    // The bidirectional overrides reorder what follows them on a terminal, like a control character.
    let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    if c.is_control() || bidi {
        let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
    } else {
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_trimmed_only() {
        assert_eq!(echo("  tolv "), "tolv");
        assert_eq!(echo(""), "");
    }

    #[test]
    fn long_text_is_cut_at_80_characters() {
        let long = "å".repeat(10_000);
        assert_eq!(echo(&long), format!("{}…", "å".repeat(80)));
        assert_eq!(echo(&"x".repeat(80)), "x".repeat(80));
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(echo("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(echo("x\ny\u{7f}"), "x\\u{a}y\\u{7f}");
        assert_eq!(echo("a\u{202e}b"), "a\\u{202e}b");
    }

    #[test]
    fn names_keep_their_surrounding_spaces() {
        assert_eq!(echo_name("UTFALL "), "UTFALL ");
        assert_eq!(echo_name("Utfall"), "Utfall");
        assert_eq!(echo_name(" a\tb\t"), " a\\u{9}b\\u{9}");
        assert_eq!(echo_names(&["UTFALL ".into(), "Utfall".into()]), "`UTFALL `, `Utfall`");
    }
}
