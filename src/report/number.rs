//! Numbers as shown: the one display rounding, percent scaling, and the Swedish
//! number format `1 234 567,89`.

use crate::eval::results::FigureUnit;
use crate::model::Target;
use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds for display to `decimals` decimals, half away from zero: the one display rounding.
pub fn rounded(d: Decimal, decimals: u32) -> Decimal {
    d.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}

/// A key figure's value (or target) in its display unit, exact: a ratio ×100 in percent.
pub fn scaled(v: Decimal, unit: &FigureUnit) -> Decimal {
    match unit {
        // INVARIANT: the evaluator reports a ratio too large to show ×100 as an overflow.
        FigureUnit::Percent => v.saturating_mul(Decimal::ONE_HUNDRED),
        FigureUnit::Unit(_) => v,
    }
}

/// A key figure's value as shown: in its display unit, rounded to two decimals.
pub fn shown(v: Decimal, unit: &FigureUnit) -> Decimal {
    rounded(scaled(v, unit), 2)
}

/// A target in the display unit of its figure, exact.
pub fn scaled_target(t: Target, unit: &FigureUnit) -> Target {
    let f = |x| scaled(x, unit);
    match t {
        Target::AtLeast(x) => Target::AtLeast(f(x)),
        Target::AtMost(x) => Target::AtMost(f(x)),
        Target::Between(a, b) => Target::Between(f(a), f(b)),
    }
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
    }

    #[test]
    fn ratios_are_shown_in_percent_rounded_half_away_from_zero() {
        assert_eq!(shown(Decimal::new(96555, 5), &FigureUnit::Percent), Decimal::new(9656, 2));
        assert_eq!(shown(Decimal::new(-12345, 3), &FigureUnit::Unit("kr".into())), Decimal::new(-1235, 2));
    }
}
