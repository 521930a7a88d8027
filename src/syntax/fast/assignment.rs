//! An assignment's items: sources, parts and their activities, codes, formulas,
//! key figures and changes, each read as `grammar/ekostyr.pest` reads it.

use super::super::ast::*;
use super::tokens::Reader;

/// The words that start a key figure's lines: not an aggregation (`kf_word`).
pub(super) const KEY_FIGURE_WORDS: [&str; 13] = [
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

/// `change_type`'s words, in the grammar's order.
pub(super) const CHANGE_TYPES: [&str; 5] = ["statsbidrag", "övertagande", "större_förändring", "riktad_satsning", "justering"];

impl Reader<'_> {
    /// `assignment_item`, in the grammar's order.
    pub(super) fn assignment_item(&mut self) -> Option<AssignmentItem> {
        let start = self.pos;
        None.or_else(|| self.then("källa", |r| r.string().map(|s| AssignmentItem::Source(Str { span: r.span(start), ..s }))))
            .or_else(|| self.then("del", |r| r.part(start).map(AssignmentItem::Part)))
            .or_else(|| self.then("verksamheter", |r| r.activities().map(|a| AssignmentItem::Activities(a, r.span(start)))))
            .or_else(|| self.then("parameter", |r| r.parameter(start).map(AssignmentItem::Parameter)))
            .or_else(|| self.then("låt", |r| r.let_binding(start).map(AssignmentItem::Let)))
            .or_else(|| self.then("ersättning", |r| r.compensation(start).map(AssignmentItem::Compensation)))
            .or_else(|| self.then("nyckeltal", |r| r.key_figure(start).map(AssignmentItem::KeyFigure)))
            .or_else(|| self.then("förändring", |r| r.change(start).map(AssignmentItem::Change)))
            .or_else(|| self.then("id", |r| r.id_codes().map(|c| AssignmentItem::Ids(c, r.span(start)))))
            .or_else(|| self.then("komplement", |r| r.id_codes().map(|c| AssignmentItem::Komplement(c, r.span(start)))))
    }

    /// `del nordväst "Nordväst" id L110* komplement K1110* från 2023-05 { verksamheter { … } }` after `del`.
    pub(super) fn part(&mut self, start: usize) -> Option<Part> {
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
    pub(super) fn id_codes(&mut self) -> Option<Vec<IdCode>> {
        self.separated(",", Self::id_code)
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

    /// `låt name = formula` after `låt`.
    fn let_binding(&mut self, start: usize) -> Option<Let> {
        let name = self.ident()?;
        let expr = self.equals_formula()?;
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
        let expr = self.equals_formula()?;
        Some(Compensation { kind, validity, expr, span: self.span(start) })
    }

    /// `nyckeltal id "name" { … }` after `nyckeltal`.
    fn key_figure(&mut self, start: usize) -> Option<KeyFigure> {
        let (id, name, items) = self.block(Self::key_figure_item)?;
        Some(KeyFigure { id, name, items, span: self.span(start) })
    }

    /// `key_figure_item`, in the grammar's order.
    fn key_figure_item(&mut self) -> Option<KeyFigureItem> {
        let start = self.pos;
        None.or_else(|| self.then("värde", |r| r.equals_formula().map(|e| KeyFigureItem::Value(e, r.span(start)))))
            .or_else(|| {
                self.then("intervall", |r| {
                    let word = ["månadsvis", "delår", "årsvis"].into_iter().find(|w| r.lit(w).is_some())?;
                    Interval::from_keyword(word).map(|i| KeyFigureItem::Interval(i, r.span(start)))
                })
            })
            .or_else(|| self.then("mottagare", |r| r.string().map(|s| KeyFigureItem::Recipient(s, r.span(start)))))
            .or_else(|| self.then("ansvarig", |r| r.string().map(|s| KeyFigureItem::Responsible(s, r.span(start)))))
            .or_else(|| self.then("från", |r| r.year().map(|(y, _)| KeyFigureItem::From(y, r.span(start)))))
            .or_else(|| self.then("mål", |r| r.target().map(|t| KeyFigureItem::Target(t, r.span(start)))))
            .or_else(|| self.then("per", |r| r.lit("del").map(|()| KeyFigureItem::PerPart(r.span(start)))))
            .or_else(|| self.then("påverkan", |r| r.string().map(|s| KeyFigureItem::Impact(s, r.span(start)))))
            .or_else(|| {
                self.then("serie", |r| {
                    let (id, name) = (r.ident()?, r.optional(Self::string)?);
                    let value = r.equals_formula()?;
                    Some(KeyFigureItem::Series(Series { id, name, value }, r.span(start)))
                })
            })
            .or_else(|| {
                self.then("aggregering", |r| r.aggregation(&KEY_FIGURE_WORDS).map(|a| KeyFigureItem::Aggregation(a, r.span(start))))
            })
            .or_else(|| {
                self.attempt(|r| {
                    let not = r.attempt(|r| r.word("ej")).is_some();
                    r.skip();
                    r.lit("helårsomräknad").map(|()| KeyFigureItem::Annualised(!not, r.span(start)))
                })
            })
            .or_else(|| {
                self.then("rimligt", |r| {
                    let low = r.signed_quantity()?;
                    r.skip();
                    let high = r.then("till", Self::signed_quantity)?;
                    Some(KeyFigureItem::Plausible(low, high, r.span(start)))
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
        let (id, name, items) = self.block(Self::change_item)?;
        Some(Change { id, name, items, span: self.span(start) })
    }

    /// `change_item`, in the grammar's order.
    fn change_item(&mut self) -> Option<ChangeItem> {
        let start = self.pos;
        None.or_else(|| {
            self.then("typ", |r| {
                let kind = super::super::lower::change_kind(r.word_of(&CHANGE_TYPES)?);
                Some(ChangeItem::Kind(kind, r.span(start)))
            })
        })
        .or_else(|| self.then("belopp", |r| r.equals_formula().map(|e| ChangeItem::Amount(e, r.span(start)))))
        .or_else(|| self.then("från", |r| r.month().map(|m| ChangeItem::From(m, r.span(start)))))
        .or_else(|| self.then("till", |r| r.month().map(|m| ChangeItem::To(m, r.span(start)))))
        .or_else(|| {
            self.then("beslut", |r| {
                let board = r.string()?;
                r.skip();
                let (date, span) = r.date()?;
                let dnr = r.optional(|r| r.then("dnr", Self::string));
                Some(ChangeItem::Decision(ChangeDecision { board, date: Located { value: date, span }, dnr }, r.span(start)))
            })
        })
        .or_else(|| {
            self.then("återrapportering", |r| {
                let text = r.string()?;
                let due = r.optional(|r| r.then("senast", Self::date)).map(|(value, span)| Located { value, span });
                Some(ChangeItem::Report(text, due, r.span(start)))
            })
        })
        .or_else(|| self.then("id", |r| r.id_codes().map(|c| ChangeItem::Ids(c, r.span(start)))))
    }

    /// `= formula`, after whitespace.
    fn equals_formula(&mut self) -> Option<Expr> {
        self.after_space("=")?;
        self.skip();
        self.formula()
    }
}
