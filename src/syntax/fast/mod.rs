//! A hand-written reader of well-formed rule files: the grammar
//! (`grammar/ekostyr.pest`) read by recursive descent straight into the syntax tree,
//! without pest's pairs and their lowering.
//!
//! pest stays the language's definition and the reader of every file this one does
//! not read: a text with a syntax error, one whose lowering reports something (a
//! number too large, a formula too deep or too long) or a string with a `#` in it.
//! Then [`file`] gives `None` and the file is parsed by pest as before, errors and
//! all. Each rule below is read as the grammar reads it, alternatives in the same
//! order, a failed one leaving the position as it was; debug builds (every test)
//! parse each file both ways and require the same tree, spans included.

mod expr;
mod tokens;

use super::ast::*;
use crate::source::Span;
use tokens::Reader;

/// The items of a well-formed file (comments blanked to spaces), or `None` to
/// leave the file to pest.
pub(super) fn file(text: &str) -> Option<Vec<Item>> {
    let mut r = Reader::new(text);
    let mut items = vec![];
    r.skip();
    while !r.at_end() {
        items.push(r.item()?);
        r.skip();
    }
    (!r.give_up).then_some(items)
}

/// The words that start a key figure's lines: not an aggregation (`kf_word`).
const KEY_FIGURE_WORDS: [&str; 13] = [
    "värde",
    "intervall",
    "mottagare",
    "ansvarig",
    "från",
    "mål",
    "per",
    "påverkan",
    "serie",
    "aggregering",
    "helårsomräknad",
    "ej",
    "rimligt",
];

impl Reader<'_> {
    /// `item`: a header, parameter, measure, board, expectation or `utanför`.
    fn item(&mut self) -> Option<Item> {
        let start = self.pos;
        // The items start with different words: the first byte tells which to try.
        let item = match self.text.as_bytes().get(start)? {
            b'r' => self.then("regelverk", |r| r.string().map(Item::Regelverk)),
            0xc3 => self.then("år", |r| r.year().map(|(y, _)| Item::Year(Located { value: y, span: Span::default() }))),
            b'v' => self.then("version", |r| r.version_number().map(|v| Item::Version(Located { value: v, span: Span::default() }))),
            b'b' => self
                .then("bygger_på", |r| r.string().map(Item::BuildsOn))
                .or_else(|| self.then("beslut", |r| r.decision(start).map(Item::Decision))),
            b'd' => self.then("dokumentägare", Self::owners),
            b'p' => self.then("parameter", |r| r.parameter(start).map(Item::Parameter)),
            b'm' => self.then("mått", |r| r.measure(start).map(Item::Measure)),
            b'n' => self.then("nämnd", |r| r.board(start).map(Item::Board)),
            b'f' => self.then("förvänta", |r| r.expectation(start).map(Item::Expectation)),
            b'u' => self.then("utanför", |r| r.out_of_scope(start).map(Item::OutOfScope)),
            _ => None,
        }?;
        // A header's span is the whole line (`with_span` in lowering).
        let span = self.span(start);
        Some(match item {
            Item::Regelverk(s) => Item::Regelverk(Str { span, ..s }),
            Item::BuildsOn(s) => Item::BuildsOn(Str { span, ..s }),
            Item::Year(y) => Item::Year(Located { span, ..y }),
            Item::Version(v) => Item::Version(Located { span, ..v }),
            Item::Owners(o, _) => Item::Owners(o, span),
            other => other,
        })
    }

    /// A rule that starts with `keyword`: the keyword, whitespace, then `rest`, or
    /// nothing read at all.
    fn then<T>(&mut self, keyword: &str, rest: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        self.attempt(|r| {
            r.lit(keyword)?;
            r.skip();
            rest(r)
        })
    }

    /// `"…" ~ ("," ~ "…")*`
    fn owners(&mut self) -> Option<Item> {
        let mut owners = vec![self.string()?];
        while let Some(s) = self.attempt(|r| {
            r.skip();
            r.lit(",")?;
            r.skip();
            r.string()
        }) {
            owners.push(s);
        }
        Some(Item::Owners(owners, Span::default()))
    }

    /// An optional part after whitespace: `~ part?`.
    fn optional<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        self.skip();
        self.attempt(read)
    }

    /// Repeated parts, each after whitespace: `~ part*`.
    fn repeated<T>(&mut self, mut read: impl FnMut(&mut Self) -> Option<T>) -> Vec<T> {
        let mut out = vec![];
        while let Some(x) = self.optional(&mut read) {
            out.push(x);
        }
        out
    }

    /// Whitespace, then `literal`.
    fn after_space(&mut self, literal: &str) -> Option<()> {
        self.skip();
        self.lit(literal)
    }

    /// `beslut "Nämnd" 2022-12-14 dnr "…" avser "…"` after `beslut`.
    fn decision(&mut self, start: usize) -> Option<Decision> {
        let board = self.string()?;
        self.skip();
        let (date, span) = self.date()?;
        let dnr = self.optional(|r| r.then("dnr", Self::string));
        let about = self.optional(|r| r.then("avser", Self::string));
        Some(Decision { board, date: Located { value: date, span }, dnr, about, span: self.span(start) })
    }

    /// `parameter name: unit = value (från month = value)*` after `parameter`.
    fn parameter(&mut self, start: usize) -> Option<Parameter> {
        let name = self.ident()?;
        let unit = self.optional(|r| {
            r.lit(":")?;
            r.skip();
            r.located_unit()
        });
        self.after_space("=")?;
        self.skip();
        let (value, steps) = match self.attempt(Self::table) {
            Some(table) => (table, vec![]),
            None => {
                let q = self.signed_quantity()?;
                (ParamValue::Quantity(q), self.repeated(Self::param_step))
            }
        };
        Some(Parameter { name, unit, value, steps, span: self.span(start) })
    }

    fn located_unit(&mut self) -> Option<Located<UnitText>> {
        let start = self.pos;
        let value = self.unit()?;
        Some(Located { value, span: self.span(start) })
    }

    /// `från 2023-07 = 495 kr/timme`
    fn param_step(&mut self) -> Option<ParamStep> {
        let start = self.pos;
        let month = self.then("från", Self::month)?;
        self.after_space("=")?;
        self.skip();
        let value = self.signed_quantity()?;
        Some(ParamStep { month, value, span: self.span(start) })
    }

    /// `per del { somatik: 2 050 kr/dygn; demens: 2 250 kr/dygn }`
    fn table(&mut self) -> Option<ParamValue> {
        let axis = self.then("per", Self::member)?;
        self.after_space("{")?;
        let entries = self.repeated(|r| {
            let key = r.ident()?;
            r.after_space(":")?;
            r.skip();
            let value = r.signed_quantity()?;
            r.optional(|r| r.lit(";"));
            Some((key, value))
        });
        self.after_space("}")?;
        Some(ParamValue::Table { axis, entries })
    }

    /// `mått budget platser: platser, får_vara_negativ` after `mått`.
    fn measure(&mut self, start: usize) -> Option<MeasureDecl> {
        let kind = match self.word_of(&["budget", "volym"])? {
            "budget" => MeasureKind::Budget,
            _ => MeasureKind::Volume,
        };
        self.skip();
        let name = self.ident()?;
        self.after_space(":")?;
        self.skip();
        let unit = self.located_unit()?;
        let signed = self
            .optional(|r| {
                r.lit(",")?;
                r.skip();
                r.word("får_vara_negativ")
            })
            .is_some();
        Some(MeasureDecl { kind, name, unit, signed, span: self.span(start) })
    }

    /// `id "name" {` … `}`: what a board, care form and assignment start with.
    fn block_head(&mut self) -> Option<(Ident, Str)> {
        let id = self.ident()?;
        self.skip();
        let name = self.string()?;
        self.after_space("{")?;
        Some((id, name))
    }

    /// `nämnd ÄN "Äldrenämnden" { vårdform … }` after `nämnd`.
    fn board(&mut self, start: usize) -> Option<Board> {
        let (id, name) = self.block_head()?;
        let care_forms = self.repeated(|r| {
            let start = r.pos;
            let (id, name) = r.then("vårdform", Self::block_head)?;
            let assignments = r.repeated(|r| {
                let start = r.pos;
                let (id, name) = r.then("uppdrag", Self::block_head)?;
                let items = r.repeated(Self::assignment_item);
                r.after_space("}")?;
                Some(Assignment { id, name, items, span: r.span(start) })
            });
            r.after_space("}")?;
            Some(CareForm { id, name, assignments, span: r.span(start) })
        });
        self.after_space("}")?;
        Some(Board { id, name, care_forms, span: self.span(start) })
    }

    /// `assignment_item`, in the grammar's order.
    fn assignment_item(&mut self) -> Option<AssignmentItem> {
        let start = self.pos;
        let item = None
            .or_else(|| self.then("källa", |r| r.string().map(AssignmentItem::Source)))
            .or_else(|| self.then("del", |r| r.part(start).map(AssignmentItem::Part)))
            .or_else(|| self.then("verksamheter", |r| r.activities().map(|a| AssignmentItem::Activities(a, Span::default()))))
            .or_else(|| self.then("parameter", |r| r.parameter(start).map(AssignmentItem::Parameter)))
            .or_else(|| self.then("låt", |r| r.let_binding(start).map(AssignmentItem::Let)))
            .or_else(|| self.then("ersättning", |r| r.compensation(start).map(AssignmentItem::Compensation)))
            .or_else(|| self.then("nyckeltal", |r| r.key_figure(start).map(AssignmentItem::KeyFigure)))
            .or_else(|| self.then("förändring", |r| r.change(start).map(AssignmentItem::Change)))
            .or_else(|| self.then("id", |r| r.id_codes().map(|c| AssignmentItem::Ids(c, Span::default()))))
            .or_else(|| self.then("komplement", |r| r.id_codes().map(|c| AssignmentItem::Komplement(c, Span::default()))))?;
        let span = self.span(start);
        Some(match item {
            AssignmentItem::Source(s) => AssignmentItem::Source(Str { span, ..s }),
            AssignmentItem::Activities(a, _) => AssignmentItem::Activities(a, span),
            AssignmentItem::Ids(c, _) => AssignmentItem::Ids(c, span),
            AssignmentItem::Komplement(c, _) => AssignmentItem::Komplement(c, span),
            other => other,
        })
    }

    /// `del nordväst "Nordväst" id L110* komplement K1110* från 2023-05 { verksamheter { … } }` after `del`.
    fn part(&mut self, start: usize) -> Option<Part> {
        let id = self.ident()?;
        self.skip();
        let name = self.string()?;
        let ids = self.optional(|r| r.then("id", Self::id_codes)).unwrap_or_default();
        let komplement = self.optional(|r| r.then("komplement", Self::id_codes)).unwrap_or_default();
        let validity = self.optional(Self::validity);
        let activities = self.optional(|r| {
            r.lit("{")?;
            r.skip();
            let at = r.pos;
            let list = r.then("verksamheter", Self::activities)?;
            let span = r.span(at);
            r.after_space("}")?;
            Some((list, span))
        });
        let (activities, activities_span) = activities.unwrap_or_default();
        Some(Part { id, name, ids, komplement, activities, activities_span, validity, span: self.span(start) })
    }

    /// `{ activity* }` after `verksamheter`.
    fn activities(&mut self) -> Option<Vec<Activity>> {
        self.lit("{")?;
        let list = self.repeated(|r| {
            let start = r.pos;
            let id = r.attempt(Self::ident);
            if id.is_some() {
                r.skip();
            }
            let name = r.string()?;
            let ids = r.optional(|r| r.then("id", Self::id_codes))?;
            let komplement = r.optional(|r| r.then("komplement", Self::id_codes)).unwrap_or_default();
            Some(Activity { id, name, ids, komplement, span: r.span(start) })
        });
        self.after_space("}")?;
        Some(list)
    }

    /// `från 2023-05`, `till 2023-09` or both.
    fn validity(&mut self) -> Option<Validity> {
        let start = self.pos;
        let (from, to) = match self.then("från", Self::month) {
            Some(from) => (Some(from), self.optional(|r| r.then("till", Self::month))),
            None => (None, Some(self.then("till", Self::month)?)),
        };
        Some(Validity { from, to, span: self.span(start) })
    }

    /// `L110*, K11101, R100..R199` after `id` or `komplement`.
    fn id_codes(&mut self) -> Option<Vec<IdCode>> {
        let mut codes = vec![self.id_code()?];
        while let Some(c) = self.attempt(|r| {
            r.after_space(",")?;
            r.skip();
            r.id_code()
        }) {
            codes.push(c);
        }
        Some(codes)
    }

    /// `id_code = _{ id_range | id_prefix | id_exact }`
    fn id_code(&mut self) -> Option<IdCode> {
        let start = self.pos;
        let range = self.attempt(|r| {
            let low = r.code()?;
            r.after_space("..")?;
            r.skip();
            Some((low, r.code()?))
        });
        if let Some((low, high)) = range {
            return Some(IdCode::Range(low.name, high.name, self.span(start)));
        }
        let code = self.code()?;
        match self.lit("*") {
            Some(()) => Some(IdCode::Prefix(code.name, self.span(start))),
            None => Some(IdCode::Exact(code.name, self.span(start))),
        }
    }

    /// `utanför "Personlig assistans" id L31*, L32* källa "…"` after `utanför`.
    fn out_of_scope(&mut self, start: usize) -> Option<OutOfScope> {
        let name = self.string()?;
        self.skip();
        let ids = self.then("id", Self::id_codes)?;
        let source = self.optional(|r| {
            let at = r.pos;
            let s = r.then("källa", Self::string)?;
            Some(Str { span: r.span(at), ..s })
        });
        Some(OutOfScope { name, ids, source, span: self.span(start) })
    }

    /// `låt name = formula` after `låt`.
    fn let_binding(&mut self, start: usize) -> Option<Let> {
        let name = self.ident()?;
        self.after_space("=")?;
        self.skip();
        let expr = self.formula()?;
        Some(Let { name, expr, span: self.span(start) })
    }

    /// `ersättning fast från 2023-05 = formula` after `ersättning`.
    fn compensation(&mut self, start: usize) -> Option<Compensation> {
        let kind = if self.lit("fast").is_some() {
            CompensationKind::Fixed
        } else {
            self.lit("rörlig")?;
            CompensationKind::Variable
        };
        let validity = self.optional(Self::validity);
        self.after_space("=")?;
        self.skip();
        let expr = self.formula()?;
        Some(Compensation { kind, validity, expr, span: self.span(start) })
    }

    /// `nyckeltal id "name" { … }` after `nyckeltal`.
    fn key_figure(&mut self, start: usize) -> Option<KeyFigure> {
        let (id, name) = self.block_head()?;
        let items = self.repeated(|r| {
            let at = r.pos;
            let item = r.key_figure_item()?;
            Some(item(r.span(at)))
        });
        self.after_space("}")?;
        Some(KeyFigure { id, name, items, span: self.span(start) })
    }

    /// `key_figure_item`, in the grammar's order, waiting for its span.
    fn key_figure_item(&mut self) -> Option<Box<dyn FnOnce(Span) -> KeyFigureItem>> {
        type Item = Box<dyn FnOnce(Span) -> KeyFigureItem>;
        fn item<T: 'static>(value: T, make: fn(T, Span) -> KeyFigureItem) -> Item {
            Box::new(move |span| make(value, span))
        }
        None.or_else(|| {
            self.then("värde", |r| {
                r.lit("=")?;
                r.skip();
                r.formula().map(|e| item(e, KeyFigureItem::Value))
            })
        })
        .or_else(|| {
            self.then("intervall", |r| {
                let word = ["månadsvis", "delår", "årsvis"].into_iter().find(|w| r.lit(w).is_some())?;
                Interval::from_keyword(word).map(|i| item(i, KeyFigureItem::Interval))
            })
        })
        .or_else(|| self.then("mottagare", |r| r.string().map(|s| item(s, KeyFigureItem::Recipient))))
        .or_else(|| self.then("ansvarig", |r| r.string().map(|s| item(s, KeyFigureItem::Responsible))))
        .or_else(|| self.then("från", |r| r.year().map(|(y, _)| item(y, KeyFigureItem::From))))
        .or_else(|| self.then("mål", |r| r.target().map(|t| item(t, KeyFigureItem::Target))))
        .or_else(|| self.then("per", |r| r.lit("del").map(|()| -> Item { Box::new(KeyFigureItem::PerPart) })))
        .or_else(|| self.then("påverkan", |r| r.string().map(|s| item(s, KeyFigureItem::Impact))))
        .or_else(|| {
            self.then("serie", |r| {
                let (id, name) = (r.ident()?, r.optional(Self::string)?);
                r.after_space("=")?;
                r.skip();
                let value = r.formula()?;
                Some(item(Series { id, name, value }, KeyFigureItem::Series))
            })
        })
        .or_else(|| self.then("aggregering", |r| r.aggregation(&KEY_FIGURE_WORDS).map(|a| item(a, KeyFigureItem::Aggregation))))
        .or_else(|| {
            self.attempt(|r| {
                let not = r.attempt(|r| r.word("ej")).is_some();
                if not {
                    r.skip();
                }
                r.lit("helårsomräknad").map(|()| item(!not, KeyFigureItem::Annualised))
            })
        })
        .or_else(|| {
            self.then("rimligt", |r| {
                let low = r.signed_quantity()?;
                r.skip();
                let high = r.then("till", Self::signed_quantity)?;
                Some(item((low, high), |(low, high), span| KeyFigureItem::Plausible(low, high, span)))
            })
        })
    }

    /// `95 % .. 105 %`, `>= 90 %`, `<= 2 %`.
    fn target(&mut self) -> Option<Target> {
        let range = self.attempt(|r| {
            let low = r.signed_quantity()?;
            r.after_space("..")?;
            r.skip();
            Some(Target::Between(low, r.signed_quantity()?))
        });
        range.or_else(|| {
            let at_least = self.lit(">=").is_some();
            if !at_least {
                self.lit("<=")?;
            }
            self.skip();
            let q = self.signed_quantity()?;
            Some(if at_least { Target::AtLeast(q) } else { Target::AtMost(q) })
        })
    }

    /// `förändring id "name" { … }` after `förändring`.
    fn change(&mut self, start: usize) -> Option<Change> {
        let (id, name) = self.block_head()?;
        let items = self.repeated(Self::change_item);
        self.after_space("}")?;
        Some(Change { id, name, items, span: self.span(start) })
    }

    /// `change_item`, in the grammar's order.
    fn change_item(&mut self) -> Option<ChangeItem> {
        let start = self.pos;
        let kinds = [
            ("statsbidrag", ChangeKind::Statsbidrag),
            ("övertagande", ChangeKind::Övertagande),
            ("större_förändring", ChangeKind::StörreFörändring),
            ("riktad_satsning", ChangeKind::RiktadSatsning),
            ("justering", ChangeKind::Justering),
        ];
        let item = None
            .or_else(|| {
                self.then("typ", |r| {
                    let word = r.word_of(&kinds.map(|(w, _)| w))?;
                    kinds.iter().find(|(w, _)| *w == word).map(|(_, k)| ChangeItem::Kind(*k, Span::default()))
                })
            })
            .or_else(|| {
                self.then("belopp", |r| {
                    r.lit("=")?;
                    r.skip();
                    r.formula().map(|e| ChangeItem::Amount(e, Span::default()))
                })
            })
            .or_else(|| self.then("från", |r| r.month().map(|m| ChangeItem::From(m, Span::default()))))
            .or_else(|| self.then("till", |r| r.month().map(|m| ChangeItem::To(m, Span::default()))))
            .or_else(|| {
                self.then("beslut", |r| {
                    let board = r.string()?;
                    r.skip();
                    let (date, span) = r.date()?;
                    let dnr = r.optional(|r| r.then("dnr", Self::string));
                    Some(ChangeItem::Decision(ChangeDecision { board, date: Located { value: date, span }, dnr }, Span::default()))
                })
            })
            .or_else(|| {
                self.then("återrapportering", |r| {
                    let text = r.string()?;
                    let due = r.optional(|r| r.then("senast", Self::date)).map(|(value, span)| Located { value, span });
                    Some(ChangeItem::Report(text, due, Span::default()))
                })
            })
            .or_else(|| self.then("id", |r| r.id_codes().map(|c| ChangeItem::Ids(c, Span::default()))))?;
        let span = self.span(start);
        Some(match item {
            ChangeItem::Kind(k, _) => ChangeItem::Kind(k, span),
            ChangeItem::Amount(e, _) => ChangeItem::Amount(e, span),
            ChangeItem::From(m, _) => ChangeItem::From(m, span),
            ChangeItem::To(m, _) => ChangeItem::To(m, span),
            ChangeItem::Decision(d, _) => ChangeItem::Decision(d, span),
            ChangeItem::Report(t, d, _) => ChangeItem::Report(t, d, span),
            ChangeItem::Ids(c, _) => ChangeItem::Ids(c, span),
        })
    }

    /// `förvänta "name" { … }` after `förvänta`.
    fn expectation(&mut self, start: usize) -> Option<Expectation> {
        let name = self.string()?;
        self.after_space("{")?;
        let items = self.repeated(Self::expect_item);
        self.after_space("}")?;
        Some(Expectation { name, items, span: self.span(start) })
    }

    /// `expect_item`, in the grammar's order.
    fn expect_item(&mut self) -> Option<ExpectItem> {
        let start = self.pos;
        let item = None
            .or_else(|| self.then("indata", |r| r.string().map(|s| ExpectItem::Input(s, Span::default()))))
            .or_else(|| {
                self.then("budget", |r| {
                    let path = r.path()?;
                    let q = r.equals_quantity()?;
                    Some(ExpectItem::Budget(path, q, Span::default()))
                })
            })
            .or_else(|| {
                self.then("volym", |r| {
                    let m = r.month()?;
                    r.skip();
                    let path = r.path()?;
                    let q = r.equals_quantity()?;
                    Some(ExpectItem::Volume(m, path, q, Span::default()))
                })
            })
            .or_else(|| {
                self.then("utfall", |r| {
                    let m = r.month()?;
                    r.skip();
                    let code = r.code()?;
                    let q = r.equals_quantity()?;
                    Some(ExpectItem::Ledger(m, code, q, Span::default()))
                })
            })
            .or_else(|| self.attempt(Self::expect_value))?;
        let span = self.span(start);
        Some(match item {
            ExpectItem::Input(s, _) => ExpectItem::Input(s, span),
            ExpectItem::Budget(p, q, _) => ExpectItem::Budget(p, q, span),
            ExpectItem::Volume(m, p, q, _) => ExpectItem::Volume(m, p, q, span),
            ExpectItem::Ledger(m, c, q, _) => ExpectItem::Ledger(m, c, q, span),
            ExpectItem::Value { path, month, expected, tolerance, .. } => ExpectItem::Value { path, month, expected, tolerance, span },
        })
    }

    /// `path ~ ("[" ~ month ~ "]")? ~ "=" ~ signed_quantity ~ ("±" ~ signed_quantity)?`
    fn expect_value(&mut self) -> Option<ExpectItem> {
        let path = self.path()?;
        let month = self.optional(|r| {
            r.lit("[")?;
            r.skip();
            let m = r.month()?;
            r.after_space("]")?;
            Some(m)
        });
        let expected = self.equals_quantity()?;
        let tolerance = self.optional(|r| {
            r.lit("±")?;
            r.skip();
            r.signed_quantity()
        });
        Some(ExpectItem::Value { path, month, expected, tolerance, span: Span::default() })
    }

    /// `path = ${ member ~ ("." ~ member)+ }`
    fn path(&mut self) -> Option<Vec<Ident>> {
        let first = self.member()?;
        let mut path = vec![first];
        path.extend(self.members(1)?);
        Some(path)
    }

    /// `= value`, after whitespace.
    fn equals_quantity(&mut self) -> Option<Quantity> {
        self.after_space("=")?;
        self.skip();
        self.signed_quantity()
    }
}

#[cfg(test)]
mod tests {
    use crate::source::SourceFile;
    use std::path::Path;

    /// The `.ek` files under `dir`, and every file of the fuzz corpora of rule text.
    fn rule_texts(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                rule_texts(&path, out);
            } else if path.extension().is_some_and(|e| e == "ek")
                || dir.ends_with("check") && dir.parent().is_some_and(|p| p.ends_with("corpus"))
            {
                out.push(path);
            }
        }
    }

    /// Every rule file of the repository (the reference years, the test files, the
    /// fuzz corpus) parses to the same tree, or the same errors, as pest gives:
    /// `parse` compares the two readings in debug builds. The reference years
    /// are read by the hand-written reader, not left to pest.
    #[test]
    fn every_rule_file_of_the_repository_reads_as_pest_reads_it() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = vec![];
        for dir in ["rules", "tests", "fixtures", "fuzz/corpus/check", "fuzz/corpus/fmt_roundtrip"] {
            rule_texts(&root.join(dir), &mut files);
        }
        let mut read_fast = 0;
        for path in &files {
            let Ok(text) = std::fs::read_to_string(path) else { continue };
            let source = SourceFile::new(path.display().to_string(), text);
            let _ = super::super::parse(&source);
            let blanked = super::super::blank_comments(&source.text, &super::super::lower::comments(&source.text));
            read_fast += usize::from(super::file(&blanked).is_some());
        }
        assert!(files.len() > 100, "{} files", files.len());
        assert!(read_fast > 50, "{read_fast} of {} read by the hand-written reader", files.len());
        for year in ["rules/2023.ek", "rules/2024.ek"] {
            let text = std::fs::read_to_string(root.join(year)).expect("the reference year");
            let blanked = super::super::blank_comments(&text, &super::super::lower::comments(&text));
            assert!(super::file(&blanked).is_some(), "{year} is left to pest");
        }
    }
}
