//! Money: the one rounding rule and the spreading of amounts over months.
//!
//! Intermediate results are exact. Money is rounded to whole öre, half away from
//! zero, where an amount is paid or reported: an assignment's annual fixed amount,
//! each monthly transfer line, each month's variable part, a change's amount.

use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds an amount to whole öre, half away from zero.
pub fn round_öre(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Spreads `total` (already in öre) over `n` months: equal lines rounded to öre,
/// the remainder on the last, so the lines sum exactly to `total`.
pub fn spread(total: Decimal, n: usize) -> Vec<Decimal> {
    if n == 0 {
        return vec![];
    }
    let each = round_öre(total / Decimal::from(n as u64));
    let mut lines = vec![each; n];
    lines[n - 1] = total - each * Decimal::from(n as u64 - 1);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_away_from_zero() {
        assert_eq!(round_öre(Decimal::new(12345, 3)), Decimal::new(1235, 2));
        assert_eq!(round_öre(Decimal::new(-12345, 3)), Decimal::new(-1235, 2));
        assert_eq!(round_öre(Decimal::new(12344, 3)), Decimal::new(1234, 2));
    }

    #[test]
    fn remainder_on_the_last_month() {
        let lines = spread(Decimal::new(100, 0), 12);
        assert_eq!(lines[0], Decimal::new(833, 2));
        assert_eq!(lines[11], Decimal::new(837, 2));
        assert_eq!(lines.iter().sum::<Decimal>(), Decimal::new(100, 0));
    }
}
