//! The dot in a Swedish text number. Swedish writes `1 234,5`; a dot is either
//! a decimal point from English habit (`1234.5`) or a thousands separator from
//! German habit (`1.234,5`). When a text could be read both ways — `1.234` is
//! 1 234 or 1,234 — it is an error at the cell with both readings, never a guess.

use super::echo::echo;
use super::error::CellProblem;

/// The problem of a text number whose dot is ambiguous (`1.234`) or a
/// thousands separator (`1.234,5`, `1.234.567`); `None` for any other text,
/// which the number parser judges (`1234.5` is 1234,5: no thousands
/// separator sits before fewer or more than three digits).
pub(super) fn dot_problem(text: &str) -> Option<CellProblem> {
    if !text.contains('.') {
        return None;
    }
    let trimmed = text.trim();
    let body = trimmed.strip_prefix(['-', '\u{2212}', '+']).unwrap_or(trimmed);
    let sign = match trimmed.len() - body.len() {
        0 => "",
        _ if trimmed.starts_with('+') => "",
        _ => "-",
    };
    let (int_part, frac) = match body.split_once(',') {
        Some((int_part, frac)) => (int_part, Some(frac)),
        None => (body, None),
    };
    let groups: Vec<&str> = int_part.split('.').collect();
    if groups.len() < 2 || !dot_grouped(&groups) || frac.is_some_and(|f| !all_digits(f)) {
        return None;
    }
    let thousands = groups.join(" ");
    let thousands = match frac {
        Some(frac) => format!("{sign}{thousands},{frac}"),
        None => format!("{sign}{thousands}"),
    };
    Some(match (groups.as_slice(), frac) {
        ([whole, part], None) => CellProblem::AmbiguousDot { text: echo(text), thousands, decimal: format!("{sign}{whole},{part}") },
        _ => CellProblem::DotGroups { text: echo(text), fixed: thousands },
    })
}

/// Groups as thousands: the first of 1-3 digits and no leading zero, each other of exactly 3.
fn dot_grouped(groups: &[&str]) -> bool {
    let first_ok = groups.first().is_some_and(|g| (1..=3).contains(&g.len()) && all_digits(g) && !g.starts_with('0'));
    first_ok && groups[1..].iter().all(|g| g.len() == 3 && all_digits(g))
}

fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn readings(text: &str) -> Option<(String, String)> {
        match dot_problem(text)? {
            CellProblem::AmbiguousDot { thousands, decimal, .. } => Some((thousands, decimal)),
            CellProblem::DotGroups { fixed, .. } => Some((fixed, String::new())),
            other => panic!("{other:?}"),
        }
    }

    fn both(a: &str, b: &str) -> Option<(String, String)> {
        Some((a.to_string(), b.to_string()))
    }

    #[test]
    fn a_dot_before_three_digits_is_ambiguous() {
        assert_eq!(readings("1.234"), both("1 234", "1,234"));
        assert_eq!(readings(" 123.456 "), both("123 456", "123,456"));
        assert_eq!(readings("-1.234"), both("-1 234", "-1,234"));
        assert_eq!(readings("\u{2212}1.234"), both("-1 234", "-1,234"));
        assert_eq!(readings("+1.000"), both("1 000", "1,000"));
    }

    #[test]
    fn dots_as_thousands_separators_have_one_reading() {
        assert_eq!(readings("1.234,5"), both("1 234,5", ""));
        assert_eq!(readings("1.234.567"), both("1 234 567", ""));
        assert_eq!(readings("-12.345.678,90"), both("-12 345 678,90", ""));
    }

    #[test]
    fn other_texts_are_left_to_the_number_parser() {
        for text in [
            "1234.5", "1234.567", "1.23", "1.2345", "0.5", "1 234,50", "1234,5", "-12", "1.2.3", "1.234,", "tolv", ".234", "1.234 kr",
            "0.500", "--1.234",
        ] {
            assert_eq!(dot_problem(text), None, "{text:?}");
        }
    }
}
