//! Numbers as shown in reports: [`crate::number`]'s rounding and Swedish format, and
//! a key figure's value in its display unit.

use crate::eval::results::FigureUnit;
use crate::model::Target;
pub use crate::number::{rounded, swedish};
use rust_decimal::Decimal;

/// A target in the display unit of its figure, exact.
pub fn scaled_target(t: Target, unit: &FigureUnit) -> Target {
    let f = |x| unit.scaled(x);
    match t {
        Target::AtLeast(x) => Target::AtLeast(f(x)),
        Target::AtMost(x) => Target::AtMost(f(x)),
        Target::Between(a, b) => Target::Between(f(a), f(b)),
    }
}

/// The unit amounts are shown in (`--enhet`): kronor with öre, whole thousands, or
/// millions with one decimal. Only the display scales; the figures stay exact.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AmountUnit {
    /// Kronor, two decimals.
    #[default]
    Kr,
    /// Thousands of kronor, no decimals.
    Tkr,
    /// Millions of kronor, one decimal.
    Mnkr,
}

impl AmountUnit {
    /// The unit as written after an amount: `kr`, `tkr`, `mnkr`.
    pub fn symbol(self) -> &'static str {
        match self {
            AmountUnit::Kr => "kr",
            AmountUnit::Tkr => "tkr",
            AmountUnit::Mnkr => "mnkr",
        }
    }

    /// The amount in this unit, exact (kronor ÷ 1, 1 000 or 1 000 000).
    pub fn scaled(self, kr: Decimal) -> Decimal {
        let (mantissa, scale) = (kr.mantissa(), kr.scale());
        let extra = match self {
            AmountUnit::Kr => 0,
            AmountUnit::Tkr => 3,
            AmountUnit::Mnkr => 6,
        };
        // Dividing by a power of ten only moves the decimal point; past 28 decimals, round.
        Decimal::try_from_i128_with_scale(mantissa, scale + extra)
            .unwrap_or_else(|_| kr.checked_div(Decimal::from(10i64.pow(extra))).unwrap_or_default())
    }

    /// Decimals shown.
    pub fn decimals(self) -> u32 {
        match self {
            AmountUnit::Kr => 2,
            AmountUnit::Tkr => 0,
            AmountUnit::Mnkr => 1,
        }
    }

    /// The amount as shown: scaled, rounded half away from zero, Swedish format (`1 234,5`).
    pub fn show(self, kr: Decimal) -> String {
        swedish(self.scaled(kr), self.decimals())
    }
}

/// `part` as a percentage of `whole` (`None` when `whole` is zero), for a deviation
/// beside its budget.
pub fn percent_of(part: Decimal, whole: Decimal) -> Option<Decimal> {
    part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_shown_in_kr_tkr_and_mnkr() {
        let d = Decimal::new(-123_456_789, 2);
        assert_eq!(AmountUnit::Kr.show(d), "-1 234 567,89");
        assert_eq!(AmountUnit::Tkr.show(d), "-1 235");
        assert_eq!(AmountUnit::Mnkr.show(d), "-1,2");
        assert_eq!(AmountUnit::Mnkr.show(Decimal::new(1_250_000, 0)), "1,3");
        assert_eq!(AmountUnit::Tkr.scaled(Decimal::MAX), Decimal::MAX / Decimal::from(1000));
    }

    #[test]
    fn a_percentage_of_zero_is_none() {
        assert_eq!(percent_of(Decimal::ONE, Decimal::ZERO), None);
        assert_eq!(percent_of(Decimal::new(-5, 0), Decimal::new(200, 0)), Some(Decimal::new(-25, 1)));
    }

    #[test]
    fn ratios_are_shown_in_percent_rounded_half_away_from_zero() {
        assert_eq!(FigureUnit::Percent.shown(Decimal::new(96555, 5)), Decimal::new(9656, 2));
        assert_eq!(FigureUnit::Unit("kr".into()).shown(Decimal::new(-12345, 3)), Decimal::new(-1235, 2));
    }
}
