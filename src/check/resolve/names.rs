//! Names in formulas: parameters, tables, `låt`, compensations, measures, builtins,
//! other assignments and `föregående.*`.

use super::{Cx, Resolver, Ty, Typed, zero};
use crate::check::collect::FORMULA_FIGURES;
use crate::diagnostic::any_of;
use crate::diagnostic::{Diagnostic, did_you_mean, echo};
use crate::model::*;
use crate::source::Span;
use crate::syntax::ast::{self, ExprKind as A};
use crate::tr;
use crate::units::{Base, Unit};
use crate::vocab::Figure;
use rust_decimal::Decimal;

fn typed(kind: ExprKind, span: Span, unit: Unit, per_part: bool) -> Typed {
    Typed { expr: Expr { kind, span }, ty: Ty::Num(unit), per_part }
}

/// A placeholder after an error: zero, of a type that fits anywhere.
fn poisoned(span: Span) -> Typed {
    Typed { expr: zero(span), ty: Ty::Any, per_part: false }
}

fn wrap(t: Typed, cx: Cx) -> Typed {
    if !cx.previous {
        return t;
    }
    let span = t.expr.span;
    Typed { expr: Expr { kind: ExprKind::Previous(Box::new(t.expr)), span }, ..t }
}

impl Resolver<'_> {
    pub(super) fn reference(&mut self, path: &[ast::Ident], span: Span, cx: Cx) -> Typed {
        let t = match path {
            [one] => self.name(one, span, cx),
            [first, second] => self.dotted(first, second, span, cx),
            _ => None,
        };
        t.map(|t| wrap(t, cx)).unwrap_or_else(|| self.unknown(path, span, cx))
    }

    pub(super) fn previous(&mut self, path: &[ast::Ident], span: Span, cx: Cx) -> Typed {
        let Some(prev) = self.model.previous.as_deref() else {
            // With `bygger_på`, the base file could not be used, and that is reported already.
            if self.model.header.builds_on.is_none() {
                self.diags.push(no_builds_on(span, self.model.header.year));
            }
            return poisoned(span);
        };
        let a = cx.a.and_then(|ai| prev.assignment(&self.model.assignments[ai].id).map(|(i, _)| i));
        if let (Some(ai), None, [one]) = (cx.a, a, path)
            && needs_assignment(self.globals[1].contains_key(one.name.as_str()), &one.name)
        {
            let id = &self.model.assignments[ai].id;
            let d = Diagnostic::error(span, tr!("check-not-in-previous", assignment = id.as_str()))
                .with_hint(tr!("check-hint-name-continued", name = one.name.as_str()));
            self.diags.push(d);
            return poisoned(span);
        }
        self.reference(path, span, Cx { a, previous: true, ..cx })
    }

    fn name(&mut self, id: &ast::Ident, span: Span, cx: Cx) -> Option<Typed> {
        let model = self.model_for(cx);
        match id.name.as_str() {
            "månader" => return Some(typed(ExprKind::Months, span, Unit::NONE, false)),
            "dagar" => return Some(typed(ExprKind::Days, span, Unit::base(Base::Dagar), false)),
            // The period's days / 7, in weeks: `volym(besök) / veckor` is `besök/vecka`.
            "veckor" => {
                let days = Box::new(Expr { kind: ExprKind::Days, span });
                let seven = Box::new(Expr { kind: ExprKind::Const(Decimal::from(7)), span });
                return Some(typed(ExprKind::Binary(BinOp::Div, days, seven), span, Unit::base(Base::Veckor), false));
            }
            _ => {}
        }
        match Figure::parse(&id.name) {
            Some(Figure::Cost) => {
                return cx.a.map(|a| typed(ExprKind::Cost(a), span, Unit::kr(), false)).or_else(|| self.outside(Figure::Cost, span));
            }
            Some(f @ (Figure::Fixed | Figure::Variable)) => return self.own_compensation(f, span, cx),
            _ => {}
        }
        if let Some(ai) = cx.a {
            if let Some(li) = model.assignments[ai].let_id(&id.name) {
                return self.let_ref(ai, li, span, cx);
            }
            if let Some(pi) = model.assignments[ai].params.iter().position(|p| p.name == id.name) {
                return Some(self.param(ParamRef::Local(ai, pi), span, cx));
            }
        }
        let pi = self.global_param(&id.name, cx)?;
        Some(self.param(ParamRef::Global(pi), span, cx))
    }

    /// In `350 000 kr/vecka`, the unknown name `vecka` written right after a literal's
    /// unit and `/`: a unit the grammar does not know, not a name.
    pub(super) fn unit_after_slash<'e>(&self, l: &ast::Expr, r: &'e ast::Expr, cx: Cx) -> Option<&'e ast::Ident> {
        let mut last = l;
        while let A::Binary(_, _, rhs) = &last.kind {
            last = rhs;
        }
        let (A::Number(q), Some(word)) = (&last.kind, single_name(r)) else { return None };
        let slash = self.model.source.text.get(q.span.end..r.span.start);
        (q.unit.is_some() && slash == Some("/") && !self.known_name(&word.name, cx)).then_some(word)
    }

    /// Whether a single name means something here (without reporting anything).
    fn known_name(&self, name: &str, cx: Cx) -> bool {
        let model = self.model_for(cx);
        let local = cx.a.is_some_and(|ai| {
            let a = &model.assignments[ai];
            a.lets.iter().any(|l| l.name == name) || a.params.iter().any(|p| p.name == name)
        });
        local || super::is_builtin(name) || self.global_param(name, cx).is_some()
    }

    fn outside(&mut self, figure: Figure, span: Span) -> Option<Typed> {
        self.diags.push(Diagnostic::error(span, tr!("check-outside-assignment", name = figure.name())));
        Some(typed(zero(span).kind, span, Unit::kr(), false))
    }

    /// `fast` or `rörlig` of the assignment the formula is in.
    fn own_compensation(&mut self, figure: Figure, span: Span, cx: Cx) -> Option<Typed> {
        let Some(ai) = cx.a else { return self.outside(figure, span) };
        let a = &self.model_for(cx).assignments[ai];
        let (kind, present) =
            if figure == Figure::Fixed { (CompKind::Fixed, a.fixed.is_some()) } else { (CompKind::Variable, a.variable.is_some()) };
        if !present {
            let d = Diagnostic::error(span, tr!("check-has-no", owner = a.id.as_str(), name = format!("ersättning {figure}")));
            self.diags.push(d);
        }
        Some(typed(ExprKind::Compensation(ai, kind), span, Unit::kr(), false))
    }

    fn let_ref(&mut self, ai: AssignmentId, li: LetId, span: Span, cx: Cx) -> Option<Typed> {
        let (ty, per_part) = if cx.previous {
            let l = &self.model_for(cx).assignments[ai].lets[li];
            (Ty::Num(l.formula.unit), l.per_part)
        } else {
            // A let still being resolved is part of a cycle, reported by `cycles`; one
            // that failed has type `Any`. Either way its uses are not reported again.
            self.let_formula(ai, li).unwrap_or((Ty::Any, false))
        };
        Some(Typed { expr: Expr { kind: ExprKind::Let(ai, li), span }, ty, per_part })
    }

    fn param(&mut self, r: ParamRef, span: Span, cx: Cx) -> Typed {
        let p = self.model_for(cx).param(r);
        let (unit, name) = (p.unit, p.name.clone());
        match &p.value {
            ParamValue::Keyed(entries) if entries.is_empty() => poisoned(span),
            ParamValue::Scalar(_) => typed(ExprKind::Param(r), span, unit, false),
            ParamValue::PerPart(_) => typed(ExprKind::PartParam(r), span, unit, true),
            ParamValue::Keyed(entries) => {
                let keys: Vec<String> = entries.iter().map(|(k, _)| format!("`{name}.{k}`")).collect();
                self.diags.push(
                    Diagnostic::error(span, tr!("check-table-needs-entry", name = echo(&name)))
                        .with_hint(tr!("check-write", code = any_of(&keys))),
                );
                typed(ExprKind::Const(rust_decimal::Decimal::ZERO), span, unit, false)
            }
        }
    }

    fn dotted(&mut self, first: &ast::Ident, second: &ast::Ident, span: Span, cx: Cx) -> Option<Typed> {
        let model = self.model_for(cx);
        let local =
            cx.a.and_then(|ai| model.assignments[ai].params.iter().position(|p| p.name == first.name).map(|pi| ParamRef::Local(ai, pi)));
        let table = local.or_else(|| self.global_param(&first.name, cx).map(ParamRef::Global));
        if let Some(r) = table {
            return Some(self.entry(r, second, span, cx));
        }
        let (ai, a) = model.assignment(&first.name)?;
        let unit = Unit::kr();
        let other = second.name.as_str();
        let kind = match Figure::parse(other) {
            Some(Figure::Fixed) => ExprKind::Compensation(ai, CompKind::Fixed),
            Some(Figure::Variable) => ExprKind::Compensation(ai, CompKind::Variable),
            Some(Figure::Cost) => ExprKind::Cost(ai),
            _ => match a.let_id(other) {
                Some(li) => return self.let_ref(ai, li, span, Cx { a: Some(ai), ..cx }),
                None => {
                    let figures = FORMULA_FIGURES.map(Figure::name);
                    let hint = did_you_mean(other, figures.into_iter().chain(a.lets.iter().map(|l| l.name.as_str())));
                    let d = Diagnostic::error(second.span, tr!("check-has-no", owner = a.id.as_str(), name = other));
                    self.diags.push(d.with_hint_opt(hint));
                    ExprKind::Const(rust_decimal::Decimal::ZERO)
                }
            },
        };
        Some(typed(kind, span, unit, false))
    }

    fn entry(&mut self, r: ParamRef, key: &ast::Ident, span: Span, cx: Cx) -> Typed {
        let model = self.model_for(cx);
        let p = model.param(r);
        let keys: Vec<String> = match (&p.value, r) {
            (ParamValue::Keyed(e), _) if e.is_empty() => return poisoned(span),
            (ParamValue::Keyed(e), _) => e.iter().map(|(k, _)| k.clone()).collect(),
            (ParamValue::PerPart(_), ParamRef::Local(ai, _)) => model.assignments[ai].parts.iter().map(|p| p.id.clone()).collect(),
            _ => {
                let d = Diagnostic::error(span, tr!("check-not-a-table", name = echo(&p.name)));
                self.diags.push(d);
                return typed(ExprKind::Param(r), span, p.unit, false);
            }
        };
        let unit = p.unit;
        match keys.iter().position(|k| *k == key.name) {
            Some(i) => typed(ExprKind::Entry(r, i), span, unit, false),
            None => {
                let hint = did_you_mean(&key.name, keys.iter().map(String::as_str));
                let d =
                    Diagnostic::error(key.span, tr!("check-no-entry", table = echo(&p.name), key = echo(&key.name))).with_hint_opt(hint);
                self.diags.push(d);
                let _ = unit;
                poisoned(span)
            }
        }
    }

    fn unknown(&mut self, path: &[ast::Ident], span: Span, cx: Cx) -> Typed {
        let model = self.model_for(cx);
        let mut known: Vec<String> = super::builtins().map(str::to_string).collect();
        known.extend(model.params.iter().map(|p| p.name.clone()));
        known.extend(model.assignments.iter().map(|a| a.id.clone()));
        if let Some(ai) = cx.a {
            let a = &model.assignments[ai];
            known.extend(a.params.iter().map(|p| p.name.clone()).chain(a.lets.iter().map(|l| l.name.clone())));
        }
        let name: Vec<&str> = path.iter().map(|i| i.name.as_str()).collect();
        let name = name.join(".");
        let hint = did_you_mean(&name, known.iter().map(String::as_str));
        let message = match cx.previous {
            true => tr!("check-unknown-name-previous", name = echo(&name)),
            false => tr!("check-unknown-name", name = echo(&name)),
        };
        let d = Diagnostic::error(span, message).with_hint_opt(hint);
        self.diags.push(d);
        poisoned(span)
    }

    pub(super) fn call(&mut self, f: Function, args: &[ast::Expr], span: Span, cx: Cx) -> Typed {
        match f {
            Function::Budget | Function::Volume => self.measure_call(f, args, span, cx),
            Function::Min | Function::Max => self.min_max(f, args, span, cx),
            Function::Round => self.round(args, span, cx),
        }
    }

    fn min_max(&mut self, f: Function, args: &[ast::Expr], span: Span, cx: Cx) -> Typed {
        if args.len() < 2 {
            self.diags.push(Diagnostic::error(span, tr!("check-min-max-arguments", function = f.name())));
        }
        let typed: Vec<Typed> = args.iter().map(|a| self.expr(a, cx)).collect();
        let ty = typed.first().map(|t| t.ty).unwrap_or(Ty::Num(Unit::NONE));
        for (t, a) in typed.iter().zip(args).skip(1) {
            if t.ty != ty && t.ty != Ty::Any && ty != Ty::Any {
                let message = tr!("check-min-max-units", function = f.name(), ty = t.ty.describe(), first = ty.describe());
                self.diags.push(Diagnostic::error(a.span, message));
            }
        }
        let per_part = typed.iter().any(|t| t.per_part);
        Typed { expr: Expr { kind: ExprKind::MinMax(f, typed.into_iter().map(|t| t.expr).collect()), span }, ty, per_part }
    }

    fn round(&mut self, args: &[ast::Expr], span: Span, cx: Cx) -> Typed {
        let [x, digits] = args else {
            self.diags.push(Diagnostic::error(span, tr!("check-round-arguments")));
            return poisoned(span);
        };
        let t = self.expr(x, cx);
        let places = match &digits.kind {
            A::Number(q) if q.unit.is_none() && q.number.fract().is_zero() && q.number >= 0.into() && q.number <= 28.into() => {
                // INVARIANT: a whole number in 0..=28, so the normalized mantissa is that number.
                q.number.normalize().mantissa() as u32
            }
            _ => {
                self.diags.push(Diagnostic::error(digits.span, tr!("check-round-decimals")));
                0
            }
        };
        Typed { expr: Expr { kind: ExprKind::Round(Box::new(t.expr), places), span }, ..t }
    }

    fn measure_call(&mut self, f: Function, args: &[ast::Expr], span: Span, cx: Cx) -> Typed {
        let fail = |s: &mut Self, d: Diagnostic| {
            s.diags.push(d);
            poisoned(span)
        };
        let Some(ai) = cx.a else {
            return fail(self, Diagnostic::error(span, tr!("check-measure-call-outside", function = f.name())));
        };
        let (m, part) = match args {
            [m] => (m, None),
            [m, p] => (m, Some(p)),
            _ => {
                return fail(self, Diagnostic::error(span, tr!("check-measure-call-arguments", function = f.name())));
            }
        };
        let Some(name) = single_name(m) else {
            return fail(self, Diagnostic::error(m.span, tr!("check-measure-call-name", function = f.name())));
        };
        let model = self.model_for(cx);
        let Some((mi, measure)) = model.measure(&name.name) else {
            let hint = did_you_mean(&name.name, model.measures.iter().map(|m| m.name.as_str()));
            return fail(
                self,
                Diagnostic::error(name.span, tr!("check-unknown-measure", name = echo(&name.name)))
                    .with_hint(hint.unwrap_or_else(|| tr!("check-hint-declare-measure"))),
            );
        };
        let want = if f == Function::Budget { MeasureKind::Budget } else { MeasureKind::Volume };
        if measure.kind != want {
            let other = if want == MeasureKind::Budget { "volym" } else { "budget" };
            let d = Diagnostic::error(span, tr!("check-wrong-measure-kind", name = measure.name.as_str(), kind = other))
                .with_hint(tr!("check-write", code = format!("`{other}({})`", measure.name)));
            self.diags.push(d);
        }
        let unit = measure.unit;
        let part = match part {
            None => None,
            Some(p) => self.part_arg(ai, p, cx),
        };
        let kind = if want == MeasureKind::Budget { ExprKind::Budget(ai, mi, part) } else { ExprKind::Volume(ai, mi, part) };
        typed(kind, span, unit, false)
    }

    fn part_arg(&mut self, ai: AssignmentId, p: &ast::Expr, cx: Cx) -> Option<PartId> {
        let a = &self.model_for(cx).assignments[ai];
        let name = single_name(p);
        let found = name.and_then(|n| a.part_id(&n.name));
        match (found, name) {
            (Some(_), _) => {}
            (None, Some(n)) => {
                let hint = did_you_mean(&n.name, a.parts.iter().map(|p| p.id.as_str()));
                let d = Diagnostic::error(p.span, tr!("check-not-a-part-of", name = echo(&n.name), assignment = a.id.as_str()));
                self.diags.push(d.with_hint_opt(hint));
            }
            (None, None) => self.diags.push(Diagnostic::error(p.span, tr!("check-part-as-name"))),
        }
        found
    }
}

fn single_name(e: &ast::Expr) -> Option<&ast::Ident> {
    match &e.kind {
        A::Ref(path) if path.len() == 1 => path.first(),
        _ => None,
    }
}

/// Whether a name after `föregående.` means something only inside an assignment
/// (`global`: the previous year has a global parameter of that name).
fn needs_assignment(global: bool, name: &str) -> bool {
    !matches!(name, "månader" | "dagar" | "veckor") && !global
}

fn no_builds_on(span: Span, year: i32) -> Diagnostic {
    let file = if year > 0 { format!("{}.ek", year - 1) } else { "…".into() };
    Diagnostic::error(span, tr!("check-previous-without-builds-on")).with_hint(tr!("check-hint-add-builds-on", file = file))
}
