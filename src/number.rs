//! Numbers as people read them: the one display rounding (half away from zero) and
//! the Swedish number format `1 234 567,89`. Used by every renderer and message.

use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds for display to `decimals` decimals, half away from zero: the one display rounding.
pub fn rounded(d: Decimal, decimals: u32) -> Decimal {
    d.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}

/// Formats with `decimals` decimals, a space between thousands and a decimal comma.
pub fn swedish(d: Decimal, decimals: u32) -> String {
    let text = format!("{:.*}", decimals as usize, rounded(d, decimals));
    let (sign, text) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(' ');
        }
        grouped.push(c);
    }
    match frac {
        "" => format!("{sign}{grouped}"),
        f => format!("{sign}{grouped},{f}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(swedish(Decimal::new(123456789, 2), 2), "1 234 567,89");
        assert_eq!(swedish(Decimal::new(-5, 1), 2), "-0,50");
        assert_eq!(swedish(Decimal::new(999, 0), 0), "999");
        assert_eq!(swedish(Decimal::new(1000, 0), 0), "1 000");
        assert_eq!(swedish(Decimal::new(5, 3), 2), "0,01");
    }
}
