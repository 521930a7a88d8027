//! The checked model: every name resolved, every unit known. This is what the
//! evaluator, the differ and the explainer consume; no pest types, and spans
//! only so that explanations can point at the source.

use crate::source::{Source, Span};
use crate::units::Unit;
use rust_decimal::Decimal;

pub use crate::vocab::{Aggregation, BinOp, ChangeKind, Function, Interval, MeasureKind};

/// Declares an id: a position in one list of the model that cannot be mistaken
/// for a position in another. Only this module makes ids (from the lists they
/// index), so an id always comes from its list.
macro_rules! id {
    ($(#[$doc:meta])* $name:ident => $item:ty) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(usize);

        impl $name {
            /// The position in its list.
            pub fn index(self) -> usize {
                self.0
            }

            /// The ids of a list of `n` items, in order.
            fn all(n: usize) -> impl Iterator<Item = $name> {
                (0..n).map($name)
            }
        }

        impl std::ops::Index<$name> for Vec<$item> {
            type Output = $item;
            fn index(&self, id: $name) -> &$item {
                &self[id.0]
            }
        }

        impl std::ops::IndexMut<$name> for Vec<$item> {
            fn index_mut(&mut self, id: $name) -> &mut $item {
                &mut self[id.0]
            }
        }
    };
}

id! {
    /// An assignment: its position in [`Model::assignments`].
    AssignmentId => Assignment
}

id! {
    /// A part: its position in its assignment's [`Assignment::parts`] (and in a
    /// per-part parameter's entries).
    PartId => Part
}

id! {
    /// A measure: its position in [`Model::measures`].
    MeasureId => Measure
}

id! {
    /// A `låt` binding: its position in its assignment's [`Assignment::lets`].
    LetId => Let
}

/// A checked rule file (one budget year).
#[derive(Debug, Clone)]
pub struct Model {
    /// The file it came from.
    pub source: Source,
    /// Header fields.
    pub header: Header,
    /// Parameters declared at top level.
    pub params: Vec<Param>,
    /// Workbook measures.
    pub measures: Vec<Measure>,
    /// All assignments, in source order.
    pub assignments: Vec<Assignment>,
    /// The model of the file named by `bygger_på`.
    pub previous: Option<Box<Model>>,
    /// Units outside the steering model (`utanför`), in source order.
    pub out_of_scope: Vec<OutOfScope>,
}

/// `utanför "Personlig assistans" id L31*`: postings that are no assignment's cost
/// and not unmapped either.
#[derive(Debug, Clone)]
pub struct OutOfScope {
    /// Display name.
    pub name: String,
    /// Ledger codes.
    pub codes: Vec<CodePattern>,
    /// `källa`
    pub source_ref: Option<String>,
    /// Where declared.
    pub span: Span,
}

/// Header fields.
#[derive(Debug, Clone, Default)]
pub struct Header {
    /// `regelverk`
    pub title: String,
    /// `år`
    pub year: i32,
    /// `version`, as written.
    pub version: String,
    /// `bygger_på`, as written.
    pub builds_on: Option<String>,
    /// `dokumentägare`
    pub owners: Vec<String>,
    /// `beslut`: the first decision (kept for the users of one decision).
    pub decision: Option<Decision>,
    /// Every `beslut`, in source order (one per nämnd).
    pub decisions: Vec<Decision>,
}

/// The decision behind a version.
#[derive(Debug, Clone)]
pub struct Decision {
    /// Deciding board.
    pub board: String,
    /// `YYYY-MM-DD`
    pub date: String,
    /// Diarienummer, if given.
    pub dnr: Option<String>,
    /// `avser "…"`: what the decision is about.
    pub about: Option<String>,
}

/// A parameter with its value in base units (`2,9 %` is 0,029; `5 tkr` is 5 000 kr).
#[derive(Debug, Clone)]
pub struct Param {
    /// Name.
    pub name: String,
    /// Value.
    pub value: ParamValue,
    /// Unit of the value (of every entry, for a table).
    pub unit: Unit,
    /// `från 2023-07 = 495 kr/timme`: (first month, value in base units), months
    /// increasing; the value is `value` before the first. A formula of one month
    /// uses the value in force that month; one over several months the
    /// month-weighted mean ([`Param::value_over`]).
    pub steps: Vec<(u32, Decimal)>,
    /// Where declared.
    pub span: Span,
    /// The unit declared with `parameter name: % = …`, as written, if any.
    pub declared: Option<String>,
    /// Whether every value is written as a bare number (no unit, not `%`) and no
    /// unit is declared: `(1 + x)` with such an `x` above 1 is likely a forgotten `%`.
    pub bare: bool,
}

impl Param {
    /// The scalar value in force in month `m` (1..=12).
    pub fn value_in(&self, m: u32) -> Decimal {
        let base = match &self.value {
            ParamValue::Scalar(v) => *v,
            ParamValue::PerPart(v) => v.first().copied().unwrap_or_default(),
            ParamValue::Keyed(v) => v.first().map(|e| e.1).unwrap_or_default(),
        };
        self.steps.iter().rev().find(|(from, _)| *from <= m).map_or(base, |(_, v)| *v)
    }

    /// The month-weighted mean of the scalar value over `first..=last`; `None` if too
    /// large for an exact decimal.
    pub fn value_over(&self, (first, last): (u32, u32)) -> Option<Decimal> {
        if self.steps.is_empty() || first == last {
            return Some(self.value_in(first));
        }
        let mut total = Decimal::ZERO;
        for m in first..=last {
            total = total.checked_add(self.value_in(m))?;
        }
        total.checked_div(Decimal::from(last.checked_sub(first)? + 1))
    }
}

/// One number or a table.
#[derive(Debug, Clone)]
pub enum ParamValue {
    /// One number.
    Scalar(Decimal),
    /// `per del { … }`: one entry per part of the assignment, in part order.
    PerPart(Vec<Decimal>),
    /// `per nivå { … }` and other axes: keyed entries.
    Keyed(Vec<(String, Decimal)>),
}

/// A declared measure.
#[derive(Debug, Clone)]
pub struct Measure {
    /// Name as in the `mått` column.
    pub name: String,
    /// Budget (yearly) or Volymer (monthly).
    pub kind: MeasureKind,
    /// Unit.
    pub unit: Unit,
    /// Declared `får_vara_negativ`: a negative cell is a correction, not an error.
    pub signed: bool,
    /// Where declared.
    pub span: Span,
}

/// The error for a negative quantity of a measure not declared `får_vara_negativ`,
/// and its hint: one wording for a workbook's cell and a `förvänta` line.
pub fn negative_quantity(kind: MeasureKind, measure: &str, value: Decimal) -> (String, String) {
    let value = crate::number::swedish(value, value.normalize().scale());
    let (message, kind) = match kind {
        MeasureKind::Budget => (crate::tr!("guard-negative-budget", value = value, measure = measure), "budget"),
        MeasureKind::Volume => (crate::tr!("guard-negative-volume", value = value, measure = measure), "volym"),
    };
    (message, crate::tr!("guard-negative-hint", kind = kind, measure = measure))
}

/// A ledger ID code pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodePattern {
    /// One code.
    Exact(String),
    /// Every code starting with this.
    Prefix(String),
    /// Codes of the same length between the two, inclusive.
    Range(String, String),
}

impl CodePattern {
    /// Whether `code` matches.
    pub fn matches(&self, code: &str) -> bool {
        match self {
            CodePattern::Exact(c) => c.eq_ignore_ascii_case(code),
            CodePattern::Prefix(p) => code.len() >= p.len() && code.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes()),
            CodePattern::Range(lo, hi) => code.len() == lo.len() && cmp_upper(lo, code).is_le() && cmp_upper(code, hi).is_le(),
        }
    }
}

/// How `a` and `b` compare as their ASCII upper case, without making either.
pub fn cmp_upper(a: &str, b: &str) -> std::cmp::Ordering {
    a.bytes().map(|c| c.to_ascii_uppercase()).cmp(b.bytes().map(|c| c.to_ascii_uppercase()))
}

/// Whether `a` and `b` are the same in lower case, without making either. (A
/// name's letters have no context-dependent lower case, as Σ has.)
fn same_lowercase(a: &str, b: &str) -> bool {
    a.chars().flat_map(char::to_lowercase).eq(b.chars().flat_map(char::to_lowercase))
}

impl std::fmt::Display for CodePattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CodePattern::Exact(c) => f.write_str(c),
            CodePattern::Prefix(p) => write!(f, "{p}*"),
            CodePattern::Range(a, b) => write!(f, "{a}..{b}"),
        }
    }
}

/// An assignment (verksamhetsuppdrag, nivå 2).
#[derive(Debug, Clone)]
pub struct Assignment {
    /// Id (`vårdboende`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Board id and name (`ÄN`, `Äldrenämnden`).
    pub board: (String, String),
    /// Care form id and name (nivå 1).
    pub care_form: (String, String),
    /// `källa`
    pub source_ref: Option<String>,
    /// Parts, in source order.
    pub parts: Vec<Part>,
    /// Codes of the assignment itself (`id L140*`).
    pub codes: Vec<CodePattern>,
    /// Level-3 activities; when none are declared, the parts serve.
    pub activities: Vec<Activity>,
    /// Komplement codes of the assignment itself (`komplement K14*`), for the SoF view.
    pub komplement: Vec<CodePattern>,
    /// Local parameters.
    pub params: Vec<Param>,
    /// `låt` bindings.
    pub lets: Vec<Let>,
    /// `ersättning fast`: the annual fixed amount.
    pub fixed: Option<Formula>,
    /// `ersättning rörlig`: evaluated per month.
    pub variable: Option<Formula>,
    /// `ersättning fast från … till …`: the fixed amount is paid in its valid months only.
    pub fixed_validity: Option<Validity>,
    /// `ersättning rörlig från … till …`: the variable compensation is 0 outside these months.
    pub variable_validity: Option<Validity>,
    /// Key figures.
    pub key_figures: Vec<KeyFigure>,
    /// Mid-year changes of means.
    pub changes: Vec<Change>,
    /// Where declared.
    pub span: Span,
}

/// A part (del).
#[derive(Debug, Clone)]
pub struct Part {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Ledger codes.
    pub codes: Vec<CodePattern>,
    /// Komplement codes (the SoF view).
    pub komplement: Vec<CodePattern>,
    /// `från …`/`till …`: the months the part applies; `None` is the whole year.
    ///
    /// A part valid n of 12 months contributes n/12 of its annual term to
    /// `summa(…)` in a formula over the year (a fixed compensation), exactly: only
    /// the assignment's annual fixed amount is rounded, as always. In a formula of
    /// one month (a variable compensation) the part contributes nothing outside
    /// its months, and a per-part key figure of a period wholly outside them is
    /// `i.u.` ([`crate::eval::results::NotApplicable::PartNotValid`]). For a
    /// period of several months, the part's term is weighted by the share of the
    /// period's months it is valid.
    pub validity: Option<Validity>,
}

/// Months of the file's year in which something applies, `from..=to` (1..=12).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Validity {
    /// First month.
    pub from: u32,
    /// Last month.
    pub to: u32,
}

impl Validity {
    /// Whether month `m` is inside.
    pub fn contains(self, m: u32) -> bool {
        self.from <= m && m <= self.to
    }

    /// How many of the months `first..=last` are inside.
    pub fn overlap(self, (first, last): (u32, u32)) -> u32 {
        let (lo, hi) = (self.from.max(first), self.to.min(last));
        if lo > hi { 0 } else { hi - lo + 1 }
    }

    /// As the rules write it: `från 2023-05`, `till 2023-09` or `från 2023-03 till 2023-10`.
    pub fn text(self, year: i32) -> String {
        match (self.from, self.to) {
            (1, to) => format!("till {year}-{to:02}"),
            (from, 12) => format!("från {year}-{from:02}"),
            (from, to) => format!("från {year}-{from:02} till {year}-{to:02}"),
        }
    }

    /// `2023-05..2023-12` style text for a year.
    pub fn label(self, year: i32) -> String {
        format!("{year}-{:02}..{year}-{:02}", self.from, self.to)
    }
}

/// The decision behind one change; the dnr may be unknown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeDecision {
    /// Deciding board.
    pub board: String,
    /// `YYYY-MM-DD`
    pub date: String,
    /// Diarienummer, if given.
    pub dnr: Option<String>,
}

/// A level-3 activity.
#[derive(Debug, Clone)]
pub struct Activity {
    /// Id (`centrum`), when declared.
    pub id: Option<String>,
    /// Display name.
    pub name: String,
    /// Ledger codes.
    pub codes: Vec<CodePattern>,
    /// Komplement codes (the SoF view).
    pub komplement: Vec<CodePattern>,
    /// The part it is declared in (`del … { verksamheter { … } }`), if any.
    pub part: Option<PartId>,
}

/// The id of the level-3 row that takes the rest of an assignment's cost (`övrigt`).
pub const LEVEL3_OTHER: &str = "övrigt";

/// A named formula inside an assignment.
#[derive(Debug, Clone)]
pub struct Let {
    /// Name.
    pub name: String,
    /// Formula.
    pub formula: Formula,
    /// Whether it has one value per part (uses a per-part parameter).
    pub per_part: bool,
    /// What-if values (`--set uppdrag.låt.del=…`) that replace the computed value
    /// for one part: (part index, value in base units).
    pub what_if: Vec<(usize, rust_decimal::Decimal)>,
}

/// A formula with its unit and where it is written.
#[derive(Debug, Clone)]
pub struct Formula {
    /// The resolved expression.
    pub expr: Expr,
    /// Its unit.
    pub unit: Unit,
}

/// A key figure.
#[derive(Debug, Clone)]
pub struct KeyFigure {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Value formula.
    pub formula: Formula,
    /// Interval.
    pub interval: Interval,
    /// Recipient.
    pub recipient: String,
    /// Responsible.
    pub responsible: String,
    /// First year followed up.
    pub from_year: i32,
    /// Target.
    pub target: Option<Target>,
    /// One value per part.
    pub per_part: bool,
    /// Economic impact, as written.
    pub impact: Option<String>,
    /// Where declared.
    pub span: Span,
    /// Series beside the total (`serie leanlink "Leanlink" = …`), in the figure's unit.
    pub series: Vec<Series>,
    /// `aggregering`, as written; see [`KeyFigure::aggregation`] for the default.
    pub aggregation_written: Option<Aggregation>,
    /// `helårsomräknad` / `ej helårsomräknad`, as written; see [`KeyFigure::annualised`].
    pub annualised_written: Option<bool>,
    /// `rimligt 0 % till 105 %`, as written; without it a figure in per cent is
    /// plausible from 0 % to 105 % (the rimlighetskontroll after evaluation).
    pub plausible: Option<Plausible>,
}

/// A key figure's plausible range in base units, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plausible {
    /// The lowest plausible value.
    pub low: rust_decimal::Decimal,
    /// The highest plausible value.
    pub high: rust_decimal::Decimal,
    /// Where declared (`rimligt …`).
    pub span: Span,
}

impl KeyFigure {
    /// How the months make up a period: as written, else `medel` for a stock
    /// (`brukare`, `platser`, `årsarbetare`) and `summa` for everything else.
    pub fn aggregation(&self) -> Aggregation {
        self.aggregation_written.unwrap_or(if self.formula.unit.is_stock() { Aggregation::Medel } else { Aggregation::Summa })
    }

    /// Whether a value for part of the year is scaled ×12/months: as written, else
    /// for money per stock (`kr/plats`, `kr/årsarbetare`, `kr/brukare`).
    pub fn annualised(&self) -> bool {
        self.annualised_written.unwrap_or(self.formula.unit.is_money_per_stock())
    }
}

/// A key figure's series.
#[derive(Debug, Clone)]
pub struct Series {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Value formula (the figure's unit).
    pub formula: Formula,
    /// Where declared.
    pub span: Span,
}

/// A key figure's target in base units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// `>=`
    AtLeast(Decimal),
    /// `<=`
    AtMost(Decimal),
    /// `a .. b`
    Between(Decimal, Decimal),
}

/// A mid-year change of means.
#[derive(Debug, Clone)]
pub struct Change {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Kind.
    pub kind: ChangeKind,
    /// Amount for the rest of the year, kr.
    pub amount: Formula,
    /// First month paid (1..=12) of the file's year.
    pub from_month: u32,
    /// Last month paid (1..=12, ≥ `from_month`); December unless `till` is given.
    pub to_month: u32,
    /// The change's own decision (`beslut … dnr …`).
    pub decision: Option<ChangeDecision>,
    /// Reporting requirement.
    pub report: Option<String>,
    /// When the report is due (`senast YYYY-MM-DD`).
    pub report_due: Option<String>,
    /// The change's own ledger codes (`id …`), within its assignment's; their cost is
    /// followed up per change.
    pub codes: Vec<CodePattern>,
    /// Where declared.
    pub span: Span,
}

/// Which compensation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CompKind {
    /// `fast`
    Fixed,
    /// `rörlig`
    Variable,
}

impl CompKind {
    /// The figure this compensation is (`fast`, `rörlig`).
    pub fn figure(self) -> crate::vocab::Figure {
        match self {
            CompKind::Fixed => crate::vocab::Figure::Fixed,
            CompKind::Variable => crate::vocab::Figure::Variable,
        }
    }
}

/// Where a parameter lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParamRef {
    /// `model.params[i]`
    Global(usize),
    /// `model.assignments[a].params[i]`
    Local(AssignmentId, usize),
}

/// A resolved expression.
#[derive(Debug, Clone)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it is written.
    pub span: Span,
}

/// Resolved expression nodes.
#[derive(Debug, Clone)]
pub enum ExprKind {
    /// A literal in base units.
    Const(Decimal),
    /// A scalar parameter.
    Param(ParamRef),
    /// A per-part parameter at the current part.
    PartParam(ParamRef),
    /// One entry of a keyed table.
    Entry(ParamRef, usize),
    /// `låt` binding of an assignment.
    Let(AssignmentId, LetId),
    /// An assignment's compensation (annual total for fixed, period sum for variable).
    Compensation(AssignmentId, CompKind),
    /// The cost (sum of Utfall) of the current part or assignment in the period.
    Cost(AssignmentId),
    /// `budget(m)` of the current part, an explicit part, or the whole assignment.
    Budget(AssignmentId, MeasureId, Option<PartId>),
    /// `volym(m)` summed over the period's months.
    Volume(AssignmentId, MeasureId, Option<PartId>),
    /// Number of months in the period.
    Months,
    /// Number of days in the period.
    Days,
    /// A value of the previous year's model.
    Previous(Box<Expr>),
    /// Negation.
    Neg(Box<Expr>),
    /// Logical not.
    Not(Box<Expr>),
    /// Binary operation.
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `min`/`max` over the arguments.
    MinMax(Function, Vec<Expr>),
    /// `avrunda(x; decimals)`, half away from zero.
    Round(Box<Expr>, u32),
    /// Sum over the parts of an assignment.
    SumParts(AssignmentId, Box<Expr>),
    /// `om c då a annars b`
    If(Box<Expr>, Box<Expr>, Box<Expr>),
}

impl Expr {
    /// The sub-formulas of this node in the same year (`föregående` is a leaf: its
    /// formula belongs to the previous year's model).
    pub fn children(&self) -> Vec<&Expr> {
        match &self.kind {
            ExprKind::Neg(x) | ExprKind::Not(x) | ExprKind::Round(x, _) | ExprKind::SumParts(_, x) => vec![x],
            ExprKind::Binary(_, l, r) => vec![l, r],
            ExprKind::MinMax(_, xs) => xs.iter().collect(),
            ExprKind::If(c, t, f) => vec![c, t, f],
            ExprKind::Previous(_)
            | ExprKind::Const(_)
            | ExprKind::Param(_)
            | ExprKind::PartParam(_)
            | ExprKind::Entry(..)
            | ExprKind::Let(..)
            | ExprKind::Compensation(..)
            | ExprKind::Cost(_)
            | ExprKind::Budget(..)
            | ExprKind::Volume(..)
            | ExprKind::Months
            | ExprKind::Days => vec![],
        }
    }
}

impl Model {
    /// Whether any assignment, part or activity declares komplement codes (the SoF view).
    pub fn has_komplement(&self) -> bool {
        self.assignments.iter().any(|a| {
            !a.komplement.is_empty()
                || a.parts.iter().any(|p| !p.komplement.is_empty())
                || a.activities.iter().any(|x| !x.komplement.is_empty())
        })
    }

    /// A parameter by reference.
    pub fn param(&self, r: ParamRef) -> &Param {
        match r {
            ParamRef::Global(i) => &self.params[i],
            ParamRef::Local(a, i) => &self.assignments[a].params[i],
        }
    }

    /// An assignment by id.
    pub fn assignment(&self, id: &str) -> Option<(AssignmentId, &Assignment)> {
        self.assignment_ids().zip(&self.assignments).find(|(_, a)| a.id == id)
    }

    /// A measure by name.
    pub fn measure(&self, name: &str) -> Option<(MeasureId, &Measure)> {
        self.measure_ids().zip(&self.measures).find(|(_, m)| m.name.eq_ignore_ascii_case(name) || same_lowercase(&m.name, name))
    }

    /// The ids of [`Model::assignments`], in order.
    pub fn assignment_ids(&self) -> impl Iterator<Item = AssignmentId> + use<> {
        AssignmentId::all(self.assignments.len())
    }

    /// The ids of [`Model::measures`], in order.
    pub fn measure_ids(&self) -> impl Iterator<Item = MeasureId> + use<> {
        MeasureId::all(self.measures.len())
    }
}

impl Assignment {
    /// The ids of [`Assignment::parts`], in order.
    pub fn part_ids(&self) -> impl Iterator<Item = PartId> + use<> {
        PartId::all(self.parts.len())
    }

    /// A part by id.
    pub fn part_id(&self, id: &str) -> Option<PartId> {
        self.part_ids().find(|&p| self.parts[p].id == id)
    }

    /// A `låt` binding by name.
    pub fn let_id(&self, name: &str) -> Option<LetId> {
        self.let_ids().find(|&l| self.lets[l].name == name)
    }

    /// The ids of [`Assignment::lets`], in order.
    pub fn let_ids(&self) -> impl Iterator<Item = LetId> + use<> {
        LetId::all(self.lets.len())
    }

    /// Where a per-part figure is evaluated: each part when `per_part`, else once for
    /// the whole assignment (`None`).
    pub fn part_scopes(&self, per_part: bool) -> Vec<Option<PartId>> {
        if per_part { self.part_ids().map(Some).collect() } else { vec![None] }
    }
}
