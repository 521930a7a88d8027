//! Numbers as shown in reports: [`crate::number`]'s rounding and Swedish format, and
//! a key figure's value in its display unit.

use crate::eval::results::FigureUnit;
use crate::model::Target;
pub use crate::number::{rounded, swedish};

/// A target in the display unit of its figure, exact.
pub fn scaled_target(t: Target, unit: &FigureUnit) -> Target {
    let f = |x| unit.scaled(x);
    match t {
        Target::AtLeast(x) => Target::AtLeast(f(x)),
        Target::AtMost(x) => Target::AtMost(f(x)),
        Target::Between(a, b) => Target::Between(f(a), f(b)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn ratios_are_shown_in_percent_rounded_half_away_from_zero() {
        assert_eq!(FigureUnit::Percent.shown(Decimal::new(96555, 5)), Decimal::new(9656, 2));
        assert_eq!(FigureUnit::Unit("kr".into()).shown(Decimal::new(-12345, 3)), Decimal::new(-1235, 2));
    }
}
