//! The syntax tree: what the user wrote, in source order, with spans.
//!
//! Serializing a tree skips every span, so two trees that differ only in layout
//! serialize equal (the formatter's round-trip check relies on it).

use crate::source::Span;
pub use crate::vocab::{BinOp, ChangeKind, Function, Interval, MeasureKind, UnaryOp};
use rust_decimal::Decimal;
use serde::Serialize;

/// A name with its place.
#[derive(Debug, Clone, Serialize)]
pub struct Ident {
    /// As written.
    pub name: String,
    /// Where.
    #[serde(skip)]
    pub span: Span,
}

/// A string literal's contents with its place.
#[derive(Debug, Clone, Serialize)]
pub struct Str {
    /// Contents without quotes.
    pub value: String,
    /// Where (including quotes).
    #[serde(skip)]
    pub span: Span,
}

/// A calendar month written `2024-07`.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Month {
    /// Year.
    pub year: i32,
    /// 1..=12 (checked later).
    pub month: u32,
    /// Where.
    #[serde(skip)]
    pub span: Span,
}

/// A unit as written: `%`, `kr`, `kr/timme`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum UnitText {
    /// `%`
    Percent,
    /// `kr` or `kr/timme`.
    Named {
        /// Numerator.
        num: String,
        /// Denominator, if any.
        den: Option<String>,
    },
}

/// A literal as written: `2 050 kr/dygn`, `2,9 %`, `-0,5`.
#[derive(Debug, Clone, Serialize)]
pub struct Quantity {
    /// The number exactly as written (`2,9 %` is 2.9, scale kept: `0,90` keeps two decimals).
    pub number: Decimal,
    /// The unit as written.
    pub unit: Option<UnitText>,
    /// Where.
    #[serde(skip)]
    pub span: Span,
}

/// A whole rule file.
#[derive(Debug, Clone, Serialize)]
pub struct File {
    /// Top-level items in source order.
    pub items: Vec<Item>,
    /// Comments, in source order (kept by the formatter).
    #[serde(skip)]
    pub comments: Vec<Comment>,
}

/// A `# …` comment.
#[derive(Debug, Clone)]
pub struct Comment {
    /// Text after `#`, untrimmed on the left of the first char.
    pub text: String,
    /// Where (from `#` to the end of the line).
    pub span: Span,
}

/// A top-level item.
#[derive(Debug, Clone, Serialize)]
pub enum Item {
    /// `regelverk "…"`
    Regelverk(Str),
    /// `år 2023`
    Year(Located<i32>),
    /// `version 1.0`
    Version(Located<String>),
    /// `bygger_på "2023.ek"`
    BuildsOn(Str),
    /// `dokumentägare "…", "…"`
    Owners(Vec<Str>, #[serde(skip)] Span),
    /// `beslut "nämnd" 2023-01-25 dnr "SON 2023-646"`
    Decision(Decision),
    /// `parameter …`
    Parameter(Parameter),
    /// `mått volym belagda_dygn: dygn`
    Measure(MeasureDecl),
    /// `nämnd … { … }`
    Board(Board),
    /// `förvänta "…" { … }`
    Expectation(Expectation),
    /// `utanför "Personlig assistans" id L31*`
    OutOfScope(OutOfScope),
}

/// `utanför "Name" id … källa "…"`: a unit outside the steering model.
#[derive(Debug, Clone, Serialize)]
pub struct OutOfScope {
    /// Display name.
    pub name: Str,
    /// Ledger codes.
    pub ids: Vec<IdCode>,
    /// `källa`
    pub source: Option<Str>,
    /// Where.
    #[serde(skip)]
    pub span: Span,
}

impl Item {
    /// The item's span.
    pub fn span(&self) -> Span {
        match self {
            Item::Regelverk(s) | Item::BuildsOn(s) => s.span,
            Item::Year(y) => y.span,
            Item::Version(v) => v.span,
            Item::Owners(_, span) => *span,
            Item::Decision(d) => d.span,
            Item::Parameter(p) => p.span,
            Item::Measure(m) => m.span,
            Item::Board(b) => b.span,
            Item::Expectation(e) => e.span,
            Item::OutOfScope(o) => o.span,
        }
    }
}

/// A value with the span of the whole construct that gave it.
#[derive(Debug, Clone, Serialize)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Where (the whole item, keyword included).
    #[serde(skip)]
    pub span: Span,
}

/// The decision behind the version.
#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    /// Deciding board.
    pub board: Str,
    /// Date as written `YYYY-MM-DD`.
    pub date: Located<String>,
    /// Diarienummer, if given.
    pub dnr: Option<Str>,
    /// `avser "…"`: what the decision is about, if given.
    pub about: Option<Str>,
    /// Where.
    #[serde(skip)]
    pub span: Span,
}

/// `parameter name = value`
#[derive(Debug, Clone, Serialize)]
pub struct Parameter {
    /// Name.
    pub name: Ident,
    /// `: %`, the declared unit, if any.
    pub unit: Option<Located<UnitText>>,
    /// Value.
    pub value: ParamValue,
    /// `från 2023-07 = 495 kr/timme`: values from a month of the year on.
    pub steps: Vec<ParamStep>,
    /// Where.
    #[serde(skip)]
    pub span: Span,
}

/// `från 2023-07 = 495 kr/timme`
#[derive(Debug, Clone, Serialize)]
pub struct ParamStep {
    /// First month of the new value.
    pub month: Month,
    /// The value.
    pub value: Quantity,
    /// Where.
    #[serde(skip)]
    pub span: Span,
}

/// A parameter's value.
#[derive(Debug, Clone, Serialize)]
pub enum ParamValue {
    /// One literal.
    Quantity(Quantity),
    /// `per del { a: 1; b: 2 }` or `per nivå { … }`.
    Table {
        /// `del` or another axis name.
        axis: Ident,
        /// Entries in order.
        entries: Vec<(Ident, Quantity)>,
    },
}

/// `mått budget platser: platser`
#[derive(Debug, Clone, Serialize)]
pub struct MeasureDecl {
    /// Sheet.
    pub kind: MeasureKind,
    /// Name as in the workbook's `mått` column.
    pub name: Ident,
    /// Unit.
    pub unit: Located<UnitText>,
    /// `, får_vara_negativ`: its cells may be negative (a correction).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub signed: bool,
    /// Where.
    #[serde(skip)]
    pub span: Span,
}

/// `nämnd ÄN "Äldrenämnden" { … }`
#[derive(Debug, Clone, Serialize)]
pub struct Board {
    /// Short id.
    pub id: Ident,
    /// Display name.
    pub name: Str,
    /// Care forms (nivå 1).
    pub care_forms: Vec<CareForm>,
    /// Where.
    #[serde(skip)]
    pub span: Span,
}

/// `vårdform öppna "Öppna former" { … }`
#[derive(Debug, Clone, Serialize)]
pub struct CareForm {
    /// Id.
    pub id: Ident,
    /// Display name.
    pub name: Str,
    /// Assignments (nivå 2).
    pub assignments: Vec<Assignment>,
    /// Where.
    #[serde(skip)]
    pub span: Span,
}

/// `uppdrag vårdboende "…" { … }`
#[derive(Debug, Clone, Serialize)]
pub struct Assignment {
    /// Id.
    pub id: Ident,
    /// Display name.
    pub name: Str,
    /// Contents in source order.
    pub items: Vec<AssignmentItem>,
    /// Where.
    #[serde(skip)]
    pub span: Span,
}

/// What an assignment holds.
#[derive(Debug, Clone, Serialize)]
pub enum AssignmentItem {
    /// `källa "…"`
    Source(Str),
    /// `del id "Name" id L110*`
    Part(Part),
    /// `verksamheter { "Name" id … }`
    Activities(Vec<Activity>, #[serde(skip)] Span),
    /// `id L140*` for an assignment without parts.
    Ids(Vec<IdCode>, #[serde(skip)] Span),
    /// A local parameter.
    Parameter(Parameter),
    /// `låt name = expr`
    Let(Let),
    /// `ersättning fast|rörlig = expr`
    Compensation(Compensation),
    /// `nyckeltal …`
    KeyFigure(KeyFigure),
    /// `förändring …`
    Change(Change),
    /// `komplement K14*`: the assignment's own komplement codes.
    Komplement(Vec<IdCode>, #[serde(skip)] Span),
}

impl AssignmentItem {
    /// The item's span.
    pub fn span(&self) -> Span {
        match self {
            AssignmentItem::Source(s) => s.span,
            AssignmentItem::Part(p) => p.span,
            AssignmentItem::Activities(_, s) | AssignmentItem::Ids(_, s) => *s,
            AssignmentItem::Parameter(p) => p.span,
            AssignmentItem::Let(l) => l.span,
            AssignmentItem::Compensation(c) => c.span,
            AssignmentItem::KeyFigure(k) => k.span,
            AssignmentItem::Change(c) => c.span,
            AssignmentItem::Komplement(_, s) => *s,
        }
    }
}

/// A part (del) of an assignment.
#[derive(Debug, Clone, Serialize)]
pub struct Part {
    /// Id.
    pub id: Ident,
    /// Display name.
    pub name: Str,
    /// Ledger codes.
    pub ids: Vec<IdCode>,
    /// Komplement codes (`komplement K11*`).
    pub komplement: Vec<IdCode>,
    /// Level-3 activities of the part (`{ verksamheter { … } }`).
    pub activities: Vec<Activity>,
    /// Where the part's `verksamheter { … }` is (empty when it has none).
    #[serde(skip)]
    pub activities_span: Span,
    /// `från …`/`till …`: the months the part applies.
    pub validity: Option<Validity>,
    /// Where.
    #[serde(skip)]
    pub span: Span,
}

/// `från 2023-05`, `till 2023-09` or both: months of the file's year.
#[derive(Debug, Clone, Serialize)]
pub struct Validity {
    /// First month, if given.
    pub from: Option<Month>,
    /// Last month, if given.
    pub to: Option<Month>,
    /// Where.
    #[serde(skip)]
    pub span: Span,
}

/// A level-3 activity.
#[derive(Debug, Clone, Serialize)]
pub struct Activity {
    /// Id (`centrum`), optional.
    pub id: Option<Ident>,
    /// Display name.
    pub name: Str,
    /// Ledger codes.
    pub ids: Vec<IdCode>,
    /// Komplement codes (`komplement K4101`).
    pub komplement: Vec<IdCode>,
    /// Where.
    #[serde(skip)]
    pub span: Span,
}

/// A ledger ID code pattern.
#[derive(Debug, Clone, Serialize)]
pub enum IdCode {
    /// `L1401`
    Exact(String, #[serde(skip)] Span),
    /// `L14*`
    Prefix(String, #[serde(skip)] Span),
    /// `L1401..L1409`
    Range(String, String, #[serde(skip)] Span),
}

impl IdCode {
    /// Where.
    pub fn span(&self) -> Span {
        match self {
            IdCode::Exact(_, s) | IdCode::Prefix(_, s) | IdCode::Range(_, _, s) => *s,
        }
    }
}

/// `låt name = expr`
#[derive(Debug, Clone, Serialize)]
pub struct Let {
    /// Name.
    pub name: Ident,
    /// Formula.
    pub expr: Expr,
    /// Where.
    #[serde(skip)]
    pub span: Span,
}

/// Fixed (annual) or variable (per month).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum CompensationKind {
    /// `fast`: an annual amount paid in twelve transfers.
    Fixed,
    /// `rörlig`: evaluated each month on that month's volumes.
    Variable,
}

/// `ersättning fast = …`
#[derive(Debug, Clone, Serialize)]
pub struct Compensation {
    /// Kind.
    pub kind: CompensationKind,
    /// `från …`/`till …`: the months it applies.
    pub validity: Option<Validity>,
    /// Formula.
    pub expr: Expr,
    /// Where.
    #[serde(skip)]
    pub span: Span,
}

/// A key figure's target.
#[derive(Debug, Clone, Serialize)]
pub enum Target {
    /// `mål >= 95 %`
    AtLeast(Quantity),
    /// `mål <= 1 %`
    AtMost(Quantity),
    /// `mål 95 % .. 105 %`
    Between(Quantity, Quantity),
}

/// `nyckeltal id "Name" { … }`
#[derive(Debug, Clone, Serialize)]
pub struct KeyFigure {
    /// Id.
    pub id: Ident,
    /// Display name.
    pub name: Str,
    /// Properties in source order.
    pub items: Vec<KeyFigureItem>,
    /// Where.
    #[serde(skip)]
    pub span: Span,
}

/// One property of a key figure.
#[derive(Debug, Clone, Serialize)]
pub enum KeyFigureItem {
    /// `värde = expr`
    Value(Expr, #[serde(skip)] Span),
    /// `intervall månadsvis`
    Interval(Interval, #[serde(skip)] Span),
    /// `mottagare "Nämnd"`
    Recipient(Str, #[serde(skip)] Span),
    /// `ansvarig "SoF"`
    Responsible(Str, #[serde(skip)] Span),
    /// `från 2024`
    From(i32, #[serde(skip)] Span),
    /// `mål …`
    Target(Target, #[serde(skip)] Span),
    /// `per del`: one value per part.
    PerPart(#[serde(skip)] Span),
    /// `påverkan "Rörlig kostnad"`
    Impact(Str, #[serde(skip)] Span),
    /// `serie leanlink "Leanlink" = expr`: a series beside the total.
    Series(Series, #[serde(skip)] Span),
    /// `aggregering medel`: the word as written (checked against the vocabulary).
    Aggregation(Ident, #[serde(skip)] Span),
    /// `helårsomräknad` (`true`) or `ej helårsomräknad` (`false`).
    Annualised(bool, #[serde(skip)] Span),
    /// `rimligt 0 % till 105 %`: the plausible range (lowest, highest).
    Plausible(Quantity, Quantity, #[serde(skip)] Span),
}

/// `serie id "Name" = expr` in a key figure.
#[derive(Debug, Clone, Serialize)]
pub struct Series {
    /// Id.
    pub id: Ident,
    /// Display name.
    pub name: Str,
    /// Value formula, in the figure's unit.
    pub value: Expr,
}

impl KeyFigureItem {
    /// Where, keyword included.
    pub fn span(&self) -> Span {
        match self {
            KeyFigureItem::Value(_, s)
            | KeyFigureItem::Interval(_, s)
            | KeyFigureItem::Recipient(_, s)
            | KeyFigureItem::Responsible(_, s)
            | KeyFigureItem::From(_, s)
            | KeyFigureItem::Target(_, s)
            | KeyFigureItem::PerPart(s)
            | KeyFigureItem::Impact(_, s)
            | KeyFigureItem::Series(_, s)
            | KeyFigureItem::Aggregation(_, s)
            | KeyFigureItem::Annualised(_, s)
            | KeyFigureItem::Plausible(_, _, s) => *s,
        }
    }
}

/// `förändring id "Name" { … }`
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    /// Id.
    pub id: Ident,
    /// Display name.
    pub name: Str,
    /// Properties.
    pub items: Vec<ChangeItem>,
    /// Where.
    #[serde(skip)]
    pub span: Span,
}

/// One property of a change.
#[derive(Debug, Clone, Serialize)]
pub enum ChangeItem {
    /// `typ statsbidrag`
    Kind(ChangeKind, #[serde(skip)] Span),
    /// `belopp = expr`
    Amount(Expr, #[serde(skip)] Span),
    /// `från 2024-07`
    From(Month, #[serde(skip)] Span),
    /// `till 2024-12`
    To(Month, #[serde(skip)] Span),
    /// `beslut "Äldrenämnden" 2024-05-22 dnr "ÄN 2024-123"`: the change's own decision.
    Decision(ChangeDecision, #[serde(skip)] Span),
    /// `återrapportering "…" senast 2025-02-28`
    Report(Str, Option<Located<String>>, #[serde(skip)] Span),
    /// `id L1205`: the change's own ledger codes, followed up on their own.
    Ids(Vec<IdCode>, #[serde(skip)] Span),
}

/// A change's own decision; the dnr is optional.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeDecision {
    /// Deciding board.
    pub board: Str,
    /// Date as written `YYYY-MM-DD`.
    pub date: Located<String>,
    /// Diarienummer.
    pub dnr: Option<Str>,
}

impl ChangeItem {
    /// Where, keyword included.
    pub fn span(&self) -> Span {
        match self {
            ChangeItem::Kind(_, s)
            | ChangeItem::Amount(_, s)
            | ChangeItem::From(_, s)
            | ChangeItem::To(_, s)
            | ChangeItem::Decision(_, s)
            | ChangeItem::Report(_, _, s) => *s,
            ChangeItem::Ids(_, s) => *s,
        }
    }
}

/// `förvänta "name" { … }`
#[derive(Debug, Clone, Serialize)]
pub struct Expectation {
    /// Name.
    pub name: Str,
    /// Contents.
    pub items: Vec<ExpectItem>,
    /// Where.
    #[serde(skip)]
    pub span: Span,
}

/// One line of an expectation.
#[derive(Debug, Clone, Serialize)]
pub enum ExpectItem {
    /// `indata "fixtures/2023.xlsx"`
    Input(Str, #[serde(skip)] Span),
    /// `budget uppdrag[.del].mått = q`
    Budget(Vec<Ident>, Quantity, #[serde(skip)] Span),
    /// `volym 2023-01 uppdrag[.del].mått = q`
    Volume(Month, Vec<Ident>, Quantity, #[serde(skip)] Span),
    /// `utfall 2023-01 L2101 = q`
    Ledger(Month, Ident, Quantity, #[serde(skip)] Span),
    /// `uppdrag.figur[2023-03] = q ± tol`
    Value {
        /// `vårdboende.fast`
        path: Vec<Ident>,
        /// A month, for monthly figures.
        month: Option<Month>,
        /// Expected.
        expected: Quantity,
        /// Allowed difference.
        tolerance: Option<Quantity>,
        /// Where.
        #[serde(skip)]
        span: Span,
    },
}

impl ExpectItem {
    /// Where.
    pub fn span(&self) -> Span {
        match self {
            ExpectItem::Input(_, s) | ExpectItem::Budget(_, _, s) | ExpectItem::Volume(_, _, _, s) | ExpectItem::Ledger(_, _, _, s) => *s,
            ExpectItem::Value { span, .. } => *span,
        }
    }
}

/// A formula.
#[derive(Debug, Clone, Serialize)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where.
    #[serde(skip)]
    pub span: Span,
}

/// Kinds of formula nodes.
#[derive(Debug, Clone, Serialize)]
pub enum ExprKind {
    /// A literal.
    Number(Quantity),
    /// `name`, `faktor.grund`, `vårdboende.fast`.
    Ref(Vec<Ident>),
    /// `föregående.name`, `föregående.vårdboende.fast`.
    Previous(Vec<Ident>),
    /// `-x`, `inte x`.
    Unary(UnaryOp, Box<Expr>),
    /// `a + b`, …
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `max(a; b)`, `budget(platser)`.
    Call(Function, Vec<Expr>),
    /// `summa(expr)`: the sum over the assignment's parts.
    Sum(Box<Expr>),
    /// `om c då a annars b`
    If(Box<Expr>, Box<Expr>, Box<Expr>),
}

/// The `förvänta` blocks of a file, in source order.
pub fn expectations(file: &File) -> impl Iterator<Item = &Expectation> {
    file.items.iter().filter_map(|i| match i {
        Item::Expectation(e) => Some(e),
        _ => None,
    })
}
