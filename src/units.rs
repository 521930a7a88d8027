//! Units of measure: kronor, hours, care days, places, FTEs, visits and their
//! quotients. A unit is a vector of exponents over the base units.

use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt;

/// Base units a rule file can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Base {
    /// Kronor (`tkr` and `mnkr` scale into it).
    Kr,
    /// Hours.
    Timmar,
    /// Care days.
    Dygn,
    /// Places.
    Platser,
    /// Full-time employees.
    Årsarbetare,
    /// Visits.
    Besök,
    /// Users of a service.
    Brukare,
    /// Calendar days.
    Dagar,
    /// Months.
    Månader,
    /// Pieces (counts of cases, reviews …).
    St,
    /// Weeks (`veckor`: the period's days / 7).
    Veckor,
}

const BASES: [Base; 11] = [
    Base::Kr,
    Base::Timmar,
    Base::Dygn,
    Base::Platser,
    Base::Årsarbetare,
    Base::Besök,
    Base::Brukare,
    Base::Dagar,
    Base::Månader,
    Base::St,
    Base::Veckor,
];

impl Base {
    /// Plural name, used in numerators.
    fn plural(self) -> &'static str {
        match self {
            Base::Kr => "kr",
            Base::Timmar => "timmar",
            Base::Dygn => "dygn",
            Base::Platser => "platser",
            Base::Årsarbetare => "årsarbetare",
            Base::Besök => "besök",
            Base::Brukare => "brukare",
            Base::Dagar => "dagar",
            Base::Månader => "månader",
            Base::St => "st",
            Base::Veckor => "veckor",
        }
    }

    /// Singular name, used after `/`.
    fn singular(self) -> &'static str {
        match self {
            Base::Timmar => "timme",
            Base::Platser => "plats",
            Base::Dagar => "dag",
            Base::Månader => "månad",
            Base::Veckor => "vecka",
            other => other.plural(),
        }
    }
}

/// A unit: exponents of each base unit. Dimensionless is all zeros.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Unit([i8; 11]);

impl Unit {
    /// A pure number (`%` is a pure number too).
    pub const NONE: Unit = Unit([0; 11]);

    /// One base unit.
    pub fn base(b: Base) -> Unit {
        let mut u = Unit::NONE;
        u.0[b as usize] = 1;
        u
    }

    /// Kronor.
    pub fn kr() -> Unit {
        Unit::base(Base::Kr)
    }

    /// Whether it is a stock (a count at a time: `brukare`, `platser`,
    /// `årsarbetare`), whose months are averaged rather than summed.
    pub fn is_stock(self) -> bool {
        [Base::Brukare, Base::Platser, Base::Årsarbetare].iter().any(|b| self == Unit::base(*b))
    }

    /// Whether it is money per stock (`kr/plats`, `kr/årsarbetare`, `kr/brukare`):
    /// a yearly figure, annualised in a year to date.
    pub fn is_money_per_stock(self) -> bool {
        [Base::Brukare, Base::Platser, Base::Årsarbetare].iter().any(|b| self == Unit::kr() / Unit::base(*b))
    }

    /// Whether it is `1/dag`: a ratio per place and care day whose `dygn/plats`
    /// lacks the `/dag` that `dagar` now carries.
    pub fn is_per_day(self) -> bool {
        self == Unit::NONE / Unit::base(Base::Dagar)
    }

    /// Whether it is a pure number.
    pub fn is_none(self) -> bool {
        self == Unit::NONE
    }

    /// Looks up a unit name as written, with the factor that brings a literal
    /// into base units (`tkr` → 1 000 kr, `%` → 0,01).
    pub fn named(name: &str) -> Option<(Unit, Decimal)> {
        let base = match name {
            "kr" => Base::Kr,
            "tkr" => return Some((Unit::kr(), Decimal::from(1_000))),
            "mnkr" => return Some((Unit::kr(), Decimal::from(1_000_000))),
            "timmar" | "timme" => Base::Timmar,
            "dygn" => Base::Dygn,
            "platser" | "plats" => Base::Platser,
            "årsarbetare" => Base::Årsarbetare,
            "besök" => Base::Besök,
            "brukare" => Base::Brukare,
            "dagar" | "dag" => Base::Dagar,
            "månader" | "månad" => Base::Månader,
            "st" => Base::St,
            "veckor" | "vecka" => Base::Veckor,
            "%" => return Some((Unit::NONE, Decimal::new(1, 2))),
            _ => return None,
        };
        Some((Unit::base(base), Decimal::ONE))
    }
}

impl Unit {
    /// The unit as a rule file writes it, each denominator after its own `/`
    /// (`dygn/plats/dag`), where [`fmt::Display`] groups them (`dygn/(plats·dag)`).
    pub fn written(self) -> String {
        let shown = self.to_string();
        let dens: Vec<&str> = BASES.iter().filter(|b| self.0[**b as usize] == -1).map(|b| b.singular()).collect();
        match (shown.split_once("/("), dens.len() == BASES.iter().filter(|b| self.0[**b as usize] < 0).count()) {
            (Some((num, _)), true) => format!("{num}/{}", dens.join("/")),
            _ => shown,
        }
    }
}

impl std::ops::Mul for Unit {
    type Output = Unit;

    /// Product of two units: `kr/timme` × `timmar` = `kr`.
    fn mul(self, other: Unit) -> Unit {
        Unit(std::array::from_fn(|i| self.0[i].saturating_add(other.0[i])))
    }
}

impl std::ops::Div for Unit {
    type Output = Unit;

    /// Quotient of two units: `kr` / `timmar` = `kr/timme`.
    fn div(self, other: Unit) -> Unit {
        Unit(std::array::from_fn(|i| self.0[i].saturating_sub(other.0[i])))
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let part = |sign: i8, singular: bool| -> Vec<String> {
            BASES
                .iter()
                .filter(|b| self.0[**b as usize].signum() == sign)
                .map(|b| {
                    let name = if singular { b.singular() } else { b.plural() };
                    match self.0[*b as usize].abs() {
                        1 => name.to_string(),
                        n => format!("{name}^{n}"),
                    }
                })
                .collect()
        };
        let num = part(1, false);
        let den = part(-1, true);
        let num = if num.is_empty() { "1".to_string() } else { num.join("·") };
        match den.len() {
            0 if num == "1" => f.write_str(""),
            0 => f.write_str(&num),
            1 => write!(f, "{num}/{}", den[0]),
            _ => write!(f, "{num}/({})", den.join("·")),
        }
    }
}

impl Serialize for Unit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotients_cancel() {
        let (kr, _) = Unit::named("kr").expect("kr");
        let (h, _) = Unit::named("timme").expect("timme");
        let price = kr / h;
        assert_eq!(price.to_string(), "kr/timme");
        assert_eq!(price * h, kr);
        assert_eq!(Unit::NONE.to_string(), "");
        assert_eq!((Unit::NONE / h).to_string(), "1/timme");
        let (besök, _) = Unit::named("besök").expect("besök");
        let (vecka, _) = Unit::named("vecka").expect("vecka");
        assert_eq!((besök / vecka).to_string(), "besök/vecka");
        let (plats, _) = Unit::named("plats").expect("plats");
        assert!((kr / plats).is_money_per_stock());
        assert!(plats.is_stock());
        assert!(!(kr / h).is_money_per_stock());
        let (dygn, _) = Unit::named("dygn").expect("dygn");
        let (dag, _) = Unit::named("dag").expect("dag");
        assert_eq!((dygn / plats / dag).to_string(), "dygn/(plats·dag)");
        assert_eq!((dygn / plats / dag).written(), "dygn/plats/dag");
        assert_eq!(price.written(), "kr/timme");
    }
}
