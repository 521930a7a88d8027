//! Money: the one rounding rule, the spreading of amounts over months and the
//! checked arithmetic every total goes through.
//!
//! Intermediate results are exact. Money is rounded to whole öre, half away from
//! zero, where an amount is paid or reported: an assignment's annual fixed amount,
//! each monthly transfer line, each month's variable part, a change's amount.
//! A sum or product too large for an exact decimal is an [`Overflow`], never a panic.

use rust_decimal::{Decimal, RoundingStrategy};

/// An amount too large for an exact decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overflow;

impl std::fmt::Display for Overflow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::tr!("eval-overflow"))
    }
}

/// Rounds an amount to whole öre, half away from zero.
pub fn round_öre(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// `a + b`, checked.
pub fn add(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    a.checked_add(b).ok_or(Overflow)
}

/// `a − b`, checked.
pub fn sub(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    a.checked_sub(b).ok_or(Overflow)
}

/// `a × b`, checked.
pub fn mul(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    a.checked_mul(b).ok_or(Overflow)
}

/// The sum of the amounts, checked.
pub fn sum(amounts: impl IntoIterator<Item = Decimal>) -> Result<Decimal, Overflow> {
    amounts.into_iter().try_fold(Decimal::ZERO, add)
}

/// Spreads `total` (already in öre) over `n` months: equal lines rounded to öre,
/// the remainder on the last, so the lines sum exactly to `total`.
pub fn spread(total: Decimal, n: usize) -> Result<Vec<Decimal>, Overflow> {
    if n == 0 {
        return Ok(vec![]);
    }
    let each = round_öre(total / Decimal::from(n as u64));
    let mut lines = vec![each; n];
    lines[n - 1] = sub(total, mul(each, Decimal::from(n as u64 - 1))?)?;
    Ok(lines)
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
        let lines = spread(Decimal::new(100, 0), 12).expect("fits");
        assert_eq!(lines[0], Decimal::new(833, 2));
        assert_eq!(lines[11], Decimal::new(837, 2));
        assert_eq!(sum(lines), Ok(Decimal::new(100, 0)));
    }

    #[test]
    fn overflow_is_an_error() {
        assert_eq!(add(Decimal::MAX, Decimal::ONE), Err(Overflow));
        assert_eq!(sum([Decimal::MAX, Decimal::MAX]), Err(Overflow));
        assert_eq!(mul(Decimal::MAX, Decimal::TWO), Err(Overflow));
    }
}
