//! The rule language's vocabulary, shared by every stage: the words a rule file and
//! a report both use, each defined once with its one spelling (intervals, the
//! figures of an assignment, operators and functions, versions).
//!
//! This module sits at the bottom of the engine: `syntax` builds these values from
//! text, `model` carries them, `eval`, `report` and the rest read them.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Follow-up interval of a key figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Interval {
    /// `månadsvis`: every month.
    #[serde(rename = "månadsvis")]
    Månadsvis,
    /// `delår`: March, August and the full year.
    #[serde(rename = "delår")]
    Delår,
    /// `årsvis`: the full year.
    #[serde(rename = "årsvis")]
    Årsvis,
}

impl Interval {
    /// Every interval with its keyword: the one table of interval words.
    pub const KEYWORDS: [(Interval, &'static str); 3] =
        [(Interval::Månadsvis, "månadsvis"), (Interval::Delår, "delår"), (Interval::Årsvis, "årsvis")];

    /// The keyword as written in the rules (`månadsvis`).
    pub fn keyword(self) -> &'static str {
        match self {
            Interval::Månadsvis => Self::KEYWORDS[0].1,
            Interval::Delår => Self::KEYWORDS[1].1,
            Interval::Årsvis => Self::KEYWORDS[2].1,
        }
    }

    /// The interval a keyword names.
    pub fn from_keyword(word: &str) -> Option<Interval> {
        Self::KEYWORDS.iter().find(|(_, k)| *k == word).map(|(i, _)| *i)
    }

    /// The periods (first month, last month) a figure is reported for, up to month `last`.
    pub fn periods(self, last: u32) -> Vec<(u32, u32)> {
        match self {
            Interval::Månadsvis => (1..=last).map(|m| (m, m)).collect(),
            Interval::Delår => [3, 8, 12].into_iter().filter(|m| *m <= last).map(|m| (1, m)).collect(),
            Interval::Årsvis => vec![(1, 12)],
        }
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.keyword())
    }
}

/// The figures every assignment has, as named after the assignment's id
/// (`vårdboende.fast`) in expectations, `explain`, formulas and reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Figure {
    /// `fast`: the annual fixed compensation.
    Fixed,
    /// `rörlig`: the variable compensation.
    Variable,
    /// `förändringar`: mid-year changes of means.
    Changes,
    /// `ersättning`: the three together.
    Compensation,
    /// `överföring[YYYY-MM]`: one month's transfer.
    Transfer,
    /// `kostnad`: the ledger's cost.
    Cost,
    /// `resultat`: compensation − cost.
    Result,
}

impl Figure {
    /// Every figure, in report order.
    pub const ALL: [Figure; 7] =
        [Figure::Fixed, Figure::Variable, Figure::Changes, Figure::Compensation, Figure::Transfer, Figure::Cost, Figure::Result];

    /// The rule language's name (`fast`).
    pub fn name(self) -> &'static str {
        match self {
            Figure::Fixed => "fast",
            Figure::Variable => "rörlig",
            Figure::Changes => "förändringar",
            Figure::Compensation => "ersättning",
            Figure::Transfer => "överföring",
            Figure::Cost => "kostnad",
            Figure::Result => "resultat",
        }
    }

    /// The figure a name denotes.
    pub fn parse(name: &str) -> Option<Figure> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Every figure's name, for "did you mean" hints.
    pub fn names() -> impl Iterator<Item = &'static str> {
        Self::ALL.into_iter().map(Figure::name)
    }

    /// Whether the figure is of one month and needs it written (`överföring[2023-07]`).
    pub fn needs_month(self) -> bool {
        self == Figure::Transfer
    }
}

impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A rule file's version: a whole number for the budget year and a decimal step
/// for changes within it (`2.1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version {
    /// The budget year's number.
    pub whole: u32,
    /// Changes within the year.
    pub step: u32,
}

impl Version {
    /// Parses `2`, `2.0` or `2.1`.
    pub fn parse(text: &str) -> Option<Version> {
        let (a, b) = text.split_once('.').unwrap_or((text, "0"));
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(a) || !digits(b) {
            return None;
        }
        Some(Version { whole: a.parse().ok()?, step: b.parse().ok()? })
    }

    /// The first version of the next budget year (`3.0` after `2.1`).
    pub fn next_year(self) -> Option<Version> {
        Some(Version { whole: self.whole.checked_add(1)?, step: 0 })
    }

    /// The next change within the same year (`2.2` after `2.1`).
    pub fn next_step(self) -> Option<Version> {
        Some(Version { whole: self.whole, step: self.step.checked_add(1)? })
    }

    /// Whether `self` correctly follows `old`: a new budget year takes the next whole
    /// number (with any step), the same year the next decimal step.
    pub fn follows(self, old: Version, new_year: i32, old_year: i32) -> VersionStep {
        match new_year.cmp(&old_year) {
            std::cmp::Ordering::Greater if Some(self.whole) == old.whole.checked_add(1) => VersionStep::NewYear,
            std::cmp::Ordering::Greater => VersionStep::ShouldBe(old.next_year()),
            std::cmp::Ordering::Equal if Some(self) == old.next_step() => VersionStep::NextStep,
            std::cmp::Ordering::Equal => VersionStep::ShouldBe(old.next_step()),
            std::cmp::Ordering::Less => VersionStep::ShouldBe(None),
        }
    }
}

/// How one version follows another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VersionStep {
    /// A new budget year with the next whole number.
    NewYear,
    /// A change within the year with the next decimal step.
    NextStep,
    /// It does not follow; this is what it should be (none when the year goes back).
    ShouldBe(Option<Version>),
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.whole, self.step)
    }
}

/// Which sheet a measure comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MeasureKind {
    /// `Budget`, yearly.
    Budget,
    /// `Volymer`, monthly.
    Volume,
}

/// Kind of a mid-year change of means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeKind {
    /// `statsbidrag`
    #[serde(rename = "statsbidrag")]
    Statsbidrag,
    /// `övertagande`
    #[serde(rename = "övertagande")]
    Övertagande,
    /// `riktad_satsning`
    #[serde(rename = "riktad_satsning")]
    RiktadSatsning,
    /// `större_förändring`
    #[serde(rename = "större_förändring")]
    StörreFörändring,
    /// `justering`: an adjustment after budget follow-up; may be negative.
    #[serde(rename = "justering")]
    Justering,
}

impl ChangeKind {
    /// The keyword as written after `typ` (`riktad_satsning`).
    pub fn keyword(self) -> &'static str {
        match self {
            ChangeKind::Statsbidrag => "statsbidrag",
            ChangeKind::Övertagande => "övertagande",
            ChangeKind::RiktadSatsning => "riktad_satsning",
            ChangeKind::StörreFörändring => "större_förändring",
            ChangeKind::Justering => "justering",
        }
    }
}

/// Unary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum UnaryOp {
    /// `-x`
    Neg,
    /// `inte x`
    Not,
}

/// Binary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `och`
    And,
    /// `eller`
    Or,
}

impl BinOp {
    /// How the operator is written.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::And => "och",
            BinOp::Or => "eller",
        }
    }

    /// Binding power: higher binds tighter.
    pub fn precedence(self) -> u8 {
        match self {
            BinOp::Or => 1,
            BinOp::And => 2,
            BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge | BinOp::Eq | BinOp::Ne => 3,
            BinOp::Add | BinOp::Sub => 4,
            BinOp::Mul | BinOp::Div => 5,
        }
    }
}

/// Built-in functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Function {
    /// `min(a; b; …)`
    Min,
    /// `max(a; b; …)`
    Max,
    /// `avrunda(x; decimals)`
    Round,
    /// `budget(mått[; del])`: the Budget sheet.
    Budget,
    /// `volym(mått[; del])`: the Volymer sheet, summed over the period.
    Volume,
}

impl Function {
    /// How it is written.
    pub fn name(self) -> &'static str {
        match self {
            Function::Min => "min",
            Function::Max => "max",
            Function::Round => "avrunda",
            Function::Budget => "budget",
            Function::Volume => "volym",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_and_intervals_round_trip_their_names() {
        for f in Figure::ALL {
            assert_eq!(Figure::parse(f.name()), Some(f));
        }
        for (i, k) in Interval::KEYWORDS {
            assert_eq!((Interval::from_keyword(k), i.keyword()), (Some(i), k));
        }
    }

    #[test]
    fn versions_step_by_year_and_within_it() {
        let v = |s| Version::parse(s).expect("a version");
        assert_eq!(v("2").to_string(), "2.0");
        assert_eq!(Version::parse("2.x"), None);
        assert_eq!(Version::parse("-1.0"), None);
        assert_eq!(v("3.0").follows(v("2.1"), 2025, 2024), VersionStep::NewYear);
        assert_eq!(v("2.2").follows(v("2.1"), 2024, 2024), VersionStep::NextStep);
        assert_eq!(v("2.3").follows(v("2.1"), 2024, 2024), VersionStep::ShouldBe(Some(v("2.2"))));
        assert_eq!(v("2.0").follows(v("2.0"), 2025, 2024), VersionStep::ShouldBe(Some(v("3.0"))));
        assert!(v("2.10") > v("2.9"));
    }
}

/// How a key figure's months make up a period's value (`aggregering`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Aggregation {
    /// `summa`: the formula over the whole period (volumes summed).
    #[serde(rename = "summa")]
    Summa,
    /// `medel`: the formula month by month, the mean of the months.
    #[serde(rename = "medel")]
    Medel,
    /// `senaste`: the formula for the period's last month.
    #[serde(rename = "senaste")]
    Senaste,
    /// `max`: the formula month by month, the largest.
    #[serde(rename = "max")]
    Max,
}

impl Aggregation {
    /// Every aggregation with its keyword: the one table of aggregation words.
    pub const KEYWORDS: [(Aggregation, &'static str); 4] =
        [(Aggregation::Summa, "summa"), (Aggregation::Medel, "medel"), (Aggregation::Senaste, "senaste"), (Aggregation::Max, "max")];

    /// The keyword as written in the rules (`medel`).
    pub fn keyword(self) -> &'static str {
        match self {
            Aggregation::Summa => Self::KEYWORDS[0].1,
            Aggregation::Medel => Self::KEYWORDS[1].1,
            Aggregation::Senaste => Self::KEYWORDS[2].1,
            Aggregation::Max => Self::KEYWORDS[3].1,
        }
    }

    /// The aggregation a keyword names.
    pub fn from_keyword(word: &str) -> Option<Aggregation> {
        Self::KEYWORDS.iter().find(|(_, k)| *k == word).map(|(a, _)| *a)
    }
}

impl fmt::Display for Aggregation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.keyword())
    }
}

/// The first name of a pooled-result expectation (`samlat.ÄN.resultat`), unless an
/// assignment has that id.
pub const POOLED: &str = "samlat";
/// `samlat.totalt.…`: all assignments.
pub const POOLED_TOTAL: &str = "totalt";
/// The figures a pooled result has.
pub const POOLED_FIGURES: [&str; 3] = ["ersättning", "kostnad", "resultat"];
