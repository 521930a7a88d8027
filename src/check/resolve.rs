//! Formulas: names resolved, units inferred and checked, per-part use checked.

use super::collect::{builtins, is_builtin, quantity};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::*;
use crate::source::Span;
use crate::syntax::ast::{self, AssignmentItem, BinOp, ExprKind as A, Item, KeyFigureItem};
use crate::tr;
use crate::units::Unit;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// A formula's type: a number with a unit, or a truth value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ty {
    Num(Unit),
    Bool,
    /// After an error: fits anywhere, so one mistake is reported once.
    Any,
}

impl Ty {
    fn describe(self) -> String {
        match self {
            Ty::Num(u) if u.is_none() => tr!("check-plain-number"),
            Ty::Num(u) => format!("`{u}`"),
            Ty::Bool => tr!("check-truth-value"),
            Ty::Any => tr!("check-unknown-type"),
        }
    }
}

/// The result of resolving one expression.
struct Typed {
    expr: Expr,
    ty: Ty,
    /// Has one value per part (uses a per-part parameter).
    per_part: bool,
}

/// Where an expression is written.
#[derive(Clone, Copy)]
struct Cx {
    /// The assignment, if inside one.
    a: Option<AssignmentId>,
    /// Inside `summa(…)` or a per-part key figure.
    in_part: bool,
    /// Resolving against the previous year's model.
    previous: bool,
}

#[derive(Clone)]
enum LetState {
    Pending,
    InProgress,
    /// The formula, whether it is per part, and its type (`Ty::Any` after an error).
    Done(Formula, bool, Ty),
}

struct Resolver<'m> {
    model: &'m Model,
    file: &'m [&'m ast::Assignment],
    lets: HashMap<(AssignmentId, LetId), LetState>,
    diags: &'m mut Diagnostics,
    /// Key figures whose unit is unknown after an error (assignment, id).
    unknown_units: Vec<(AssignmentId, String)>,
    /// The global parameters by name (the first of a name), of this year and of the
    /// year it builds on: a name resolves in constant time, not by a search.
    globals: [HashMap<&'m str, usize>; 2],
}

/// The first global parameter of each name in `model`.
fn global_index(model: Option<&Model>) -> HashMap<&str, usize> {
    let mut map = HashMap::new();
    for (i, p) in model.into_iter().flat_map(|m| m.params.iter().enumerate()) {
        map.entry(p.name.as_str()).or_insert(i);
    }
    map
}

/// Resolves every formula of the file into the model's placeholders. Returns the
/// key figures (assignment, id) whose unit is unknown after an error.
pub(super) fn resolve(file: &ast::File, model: &mut Model, diags: &mut Diagnostics) -> Vec<(AssignmentId, String)> {
    let asts: Vec<&ast::Assignment> = file
        .items
        .iter()
        .filter_map(|i| if let Item::Board(b) = i { Some(b) } else { None })
        .flat_map(|b| b.care_forms.iter().flat_map(|f| &f.assignments))
        .collect();
    let globals = [global_index(Some(model)), global_index(model.previous.as_deref())];
    let mut r = Resolver { model, file: &asts, lets: HashMap::new(), diags, unknown_units: vec![], globals };
    let mut done = vec![];
    for (ai, a) in r.model.assignment_ids().zip(&asts) {
        done.push(r.assignment(ai, a));
    }
    let lets: HashMap<(AssignmentId, LetId), LetState> = std::mem::take(&mut r.lets);
    let unknown_units = std::mem::take(&mut r.unknown_units);
    for (ai, filled) in model.assignment_ids().zip(done) {
        apply(&mut model.assignments[ai], filled);
        let asg = &mut model.assignments[ai];
        for (li, l) in asg.let_ids().zip(&mut asg.lets) {
            if let Some(LetState::Done(f, pp, _)) = lets.get(&(ai, li)) {
                l.formula = f.clone();
                l.per_part = *pp;
            }
        }
    }
    unknown_units
}

#[derive(Default)]
struct Filled {
    fixed: Option<Formula>,
    variable: Option<Formula>,
    key_figures: Vec<Formula>,
    changes: Vec<Formula>,
    /// Per key figure, its series' formulas.
    series: Vec<Vec<Formula>>,
}

fn apply(a: &mut Assignment, f: Filled) {
    if f.fixed.is_some() {
        a.fixed = f.fixed;
    }
    if f.variable.is_some() {
        a.variable = f.variable;
    }
    for (kf, formula) in a.key_figures.iter_mut().zip(f.key_figures) {
        kf.formula = formula;
    }
    for (c, formula) in a.changes.iter_mut().zip(f.changes) {
        c.amount = formula;
    }
    for (kf, formulas) in a.key_figures.iter_mut().zip(f.series) {
        for (s, formula) in kf.series.iter_mut().zip(formulas) {
            s.formula = formula;
        }
    }
}

impl<'m> Resolver<'m> {
    fn assignment(&mut self, ai: AssignmentId, a: &ast::Assignment) -> Filled {
        let cx = Cx { a: Some(ai), in_part: false, previous: false };
        let mut filled = Filled::default();
        for li in self.model.assignments[ai].let_ids() {
            self.let_formula(ai, li);
        }
        let mut kf_ids = vec![];
        for item in &a.items {
            match item {
                AssignmentItem::Compensation(c) => {
                    let f = self.kronor(&c.expr, cx, "compensation");
                    match c.kind {
                        ast::CompensationKind::Fixed if filled.fixed.is_none() => filled.fixed = Some(f),
                        ast::CompensationKind::Variable if filled.variable.is_none() => filled.variable = Some(f),
                        _ => {}
                    }
                }
                AssignmentItem::KeyFigure(k) if !kf_ids.contains(&&k.id.name) => {
                    kf_ids.push(&k.id.name);
                    let f = self.key_figure(ai, k);
                    let known = !self.unknown_units.iter().any(|(a, n)| *a == ai && *n == k.id.name);
                    filled.series.push(self.kf_series(ai, k, known.then_some(f.unit)));
                    filled.key_figures.push(f);
                }
                AssignmentItem::Change(c) => {
                    if let Some(ast::ChangeItem::Amount(e, _)) = c.items.iter().find(|i| matches!(i, ast::ChangeItem::Amount(..)))
                        && self.model.assignments[ai].changes.iter().any(|m| m.id == c.id.name)
                    {
                        filled.changes.push(self.kronor(e, cx, "change"));
                    }
                }
                _ => {}
            }
        }
        filled
    }

    /// A formula that must come out in kronor; `what` is the catalog's selector
    /// (`compensation` or `change`).
    fn kronor(&mut self, e: &ast::Expr, cx: Cx, what: &str) -> Formula {
        let t = self.expr(e, cx);
        if t.ty != Ty::Num(Unit::kr()) && t.ty != Ty::Any {
            self.diags.push(
                Diagnostic::error(e.span, tr!("check-not-kronor", what = what, ty = t.ty.describe())).with_hint(tr!("check-hint-kronor")),
            );
        }
        self.no_part(&t, e.span, cx);
        Formula { expr: t.expr, unit: Unit::kr() }
    }

    fn key_figure(&mut self, ai: AssignmentId, k: &ast::KeyFigure) -> Formula {
        let per_part = k.items.iter().any(|i| matches!(i, KeyFigureItem::PerPart(_)));
        if per_part && self.model.assignments[ai].parts.is_empty() {
            let assignment = self.model.assignments[ai].id.as_str();
            self.diags
                .push(Diagnostic::error(k.id.span, tr!("check-per-part-no-parts", name = k.id.name.as_str(), assignment = assignment)));
        }
        let cx = Cx { a: Some(ai), in_part: per_part, previous: false };
        let Some(e) = k.items.iter().find_map(|i| if let KeyFigureItem::Value(e, _) = i { Some(e) } else { None }) else {
            self.unknown_units.push((ai, k.id.name.clone()));
            return super::collect::placeholder();
        };
        let t = self.expr(e, cx);
        let unit = match t.ty {
            Ty::Num(u) => Some(u),
            Ty::Any => None,
            Ty::Bool => {
                self.diags.push(Diagnostic::error(e.span, tr!("check-key-figure-truth")));
                None
            }
        };
        self.no_part(&t, e.span, cx);
        match unit {
            Some(u) => self.target_unit(k, u),
            None => self.unknown_units.push((ai, k.id.name.clone())),
        }
        Formula { expr: t.expr, unit: unit.unwrap_or(Unit::NONE) }
    }

    /// The series of key figure `k`, each in the figure's unit (when known); the
    /// first of a twice-given id only, as `collect` keeps it.
    fn kf_series(&mut self, ai: AssignmentId, k: &ast::KeyFigure, unit: Option<Unit>) -> Vec<Formula> {
        let per_part = k.items.iter().any(|i| matches!(i, KeyFigureItem::PerPart(_)));
        let cx = Cx { a: Some(ai), in_part: per_part, previous: false };
        let mut seen: Vec<&str> = vec![];
        let mut out = vec![];
        for item in &k.items {
            let KeyFigureItem::Series(series, _) = item else { continue };
            if seen.contains(&series.id.name.as_str()) {
                continue;
            }
            seen.push(&series.id.name);
            let e = &series.value;
            let t = self.expr(e, cx);
            self.no_part(&t, e.span, cx);
            match (t.ty, unit) {
                (Ty::Num(u), Some(want)) if u != want => {
                    let (got, want) = (Ty::Num(u).describe(), Ty::Num(want).describe());
                    let message =
                        tr!("kf-series-unit", series = series.id.name.as_str(), name = k.id.name.as_str(), got = got, unit = want);
                    self.diags.push(Diagnostic::error(e.span, message).with_hint(tr!("kf-hint-series-unit")));
                }
                (Ty::Bool, _) => self.diags.push(Diagnostic::error(e.span, tr!("check-key-figure-truth"))),
                _ => {}
            }
            out.push(Formula { expr: t.expr, unit: unit.unwrap_or(Unit::NONE) });
        }
        out
    }

    fn target_unit(&mut self, k: &ast::KeyFigure, unit: Unit) {
        self.plausible_unit(k, unit);
        let Some((t, _)) = k.items.iter().find_map(|i| if let KeyFigureItem::Target(t, s) = i { Some((t, s)) } else { None }) else {
            return;
        };
        let qs: Vec<&ast::Quantity> = match t {
            ast::Target::AtLeast(q) | ast::Target::AtMost(q) => vec![q],
            ast::Target::Between(a, b) => vec![a, b],
        };
        for q in qs {
            let (_, u) = quantity(q, &mut Diagnostics::default());
            if u != unit {
                let (target, wanted) = (Ty::Num(u).describe(), Ty::Num(unit).describe());
                let message = tr!("check-target-unit", target = target, name = k.id.name.as_str(), unit = wanted);
                let hint = if u.is_none() && unit.is_per_day() { tr!("kf-hint-per-day") } else { tr!("check-hint-target-unit") };
                self.diags.push(Diagnostic::error(q.span, message).with_hint(hint));
            }
        }
    }

    /// `rimligt a till b` in the figure's unit, each end located.
    fn plausible_unit(&mut self, k: &ast::KeyFigure, unit: Unit) {
        for i in &k.items {
            let KeyFigureItem::Plausible(low, high, _) = i else { continue };
            for q in [low, high] {
                let (_, u) = quantity(q, &mut Diagnostics::default());
                if u != unit {
                    let (range, wanted) = (Ty::Num(u).describe(), Ty::Num(unit).describe());
                    let message = tr!("whatif-plausible-unit", range = range, name = k.id.name.as_str(), unit = wanted);
                    self.diags.push(Diagnostic::error(q.span, message).with_hint(tr!("whatif-hint-plausible-unit")));
                }
            }
        }
    }

    fn no_part(&mut self, t: &Typed, span: Span, cx: Cx) {
        if t.per_part && !cx.in_part {
            self.diags.push(Diagnostic::error(span, tr!("check-one-value-needed")).with_hint(tr!("check-hint-sum-parts")));
        }
    }

    /// Resolves a `låt` once; its type and whether it is per part. `None` while it
    /// is being resolved (a cycle).
    fn let_formula(&mut self, ai: AssignmentId, li: LetId) -> Option<(Ty, bool)> {
        match self.lets.get(&(ai, li)).cloned().unwrap_or(LetState::Pending) {
            LetState::Done(_, pp, ty) => return Some((ty, pp)),
            LetState::InProgress => return None,
            LetState::Pending => {}
        }
        let name = self.model.assignments[ai].lets[li].name.clone();
        // INVARIANT: `file` holds the assignments' syntax in the model's order.
        let ast_let = self.file[ai.index()].items.iter().find_map(|i| match i {
            AssignmentItem::Let(l) if l.name.name == name => Some(l),
            _ => None,
        })?;
        self.lets.insert((ai, li), LetState::InProgress);
        let t = self.expr(&ast_let.expr, Cx { a: Some(ai), in_part: true, previous: false });
        let unit = match t.ty {
            Ty::Num(u) => u,
            Ty::Bool | Ty::Any => Unit::NONE,
        };
        self.lets.insert((ai, li), LetState::Done(Formula { expr: t.expr, unit }, t.per_part, t.ty));
        Some((t.ty, t.per_part))
    }

    fn expr(&mut self, e: &ast::Expr, cx: Cx) -> Typed {
        let span = e.span;
        let mk = |kind, ty, per_part| Typed { expr: Expr { kind, span }, ty, per_part };
        match &e.kind {
            A::Number(q) => {
                let (v, u) = quantity(q, self.diags);
                mk(ExprKind::Const(v), Ty::Num(u), false)
            }
            A::Ref(path) => self.reference(path, span, cx),
            A::Previous(path) => self.previous(path, span, cx),
            A::Unary(op, x) => {
                let t = self.expr(x, cx);
                let (want, kind) = match op {
                    ast::UnaryOp::Neg => (None, ExprKind::Neg(Box::new(t.expr))),
                    ast::UnaryOp::Not => (Some(Ty::Bool), ExprKind::Not(Box::new(t.expr))),
                };
                if t.ty == Ty::Any {
                } else if want == Some(Ty::Bool) && t.ty != Ty::Bool {
                    self.diags.push(Diagnostic::error(x.span, tr!("check-not-needs-truth", ty = t.ty.describe())));
                } else if want.is_none() && t.ty == Ty::Bool {
                    self.diags.push(Diagnostic::error(x.span, tr!("check-negate-truth")).with_hint(tr!("check-hint-use-inte")));
                }
                mk(kind, want.unwrap_or(t.ty), t.per_part)
            }
            A::Binary(op, l, r) => self.binary(*op, l, r, span, cx),
            A::Call(f, args) => self.call(*f, args, span, cx),
            A::Sum(x) => self.sum(x, span, cx),
            A::If(c, t, f) => self.conditional(c, t, f, span, cx),
        }
    }

    fn binary(&mut self, op: BinOp, l: &ast::Expr, r: &ast::Expr, span: Span, cx: Cx) -> Typed {
        if op == BinOp::Div
            && let Some(word) = self.unit_after_slash(l, r, cx)
        {
            let d = Diagnostic::error(word.span, tr!("syntax-unknown-unit", unit = word.name.as_str()))
                .with_hint(crate::syntax::unit_hint(&word.name));
            self.diags.push(d);
            let lt = self.expr(l, cx);
            return Typed {
                expr: Expr { kind: ExprKind::Binary(op, Box::new(lt.expr), Box::new(zero(r.span))), span },
                ty: Ty::Any,
                per_part: lt.per_part,
            };
        }
        let (lt, rt) = (self.expr(l, cx), self.expr(r, cx));
        if op == BinOp::Add {
            self.forgotten_percent(l, &rt, span, cx);
            self.forgotten_percent(r, &lt, span, cx);
        }
        let per_part = lt.per_part || rt.per_part;
        let ty = match (op, lt.ty, rt.ty) {
            (_, Ty::Any, _) | (_, _, Ty::Any) => Ty::Any,
            (BinOp::Mul, Ty::Num(a), Ty::Num(b)) => Ty::Num(a * b),
            (BinOp::Div, Ty::Num(a), Ty::Num(b)) => Ty::Num(a / b),
            (BinOp::Add | BinOp::Sub, Ty::Num(a), Ty::Num(b)) if a == b => Ty::Num(a),
            (BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge | BinOp::Eq | BinOp::Ne, Ty::Num(a), Ty::Num(b)) if a == b => Ty::Bool,
            (BinOp::And | BinOp::Or, Ty::Bool, Ty::Bool) => Ty::Bool,
            (op, a, b) => {
                self.diags.push(mismatch(op, a, b, span));
                placeholder_ty(op, a)
            }
        };
        Typed { expr: Expr { kind: ExprKind::Binary(op, Box::new(lt.expr), Box::new(rt.expr)), span }, ty, per_part }
    }

    fn conditional(&mut self, c: &ast::Expr, t: &ast::Expr, f: &ast::Expr, span: Span, cx: Cx) -> Typed {
        let (ct, tt, ft) = (self.expr(c, cx), self.expr(t, cx), self.expr(f, cx));
        if ct.ty != Ty::Bool && ct.ty != Ty::Any {
            self.diags.push(
                Diagnostic::error(c.span, tr!("check-condition-not-comparison", ty = ct.ty.describe()))
                    .with_hint(tr!("check-hint-compare-with")),
            );
        }
        if tt.ty != ft.ty && tt.ty != Ty::Any && ft.ty != Ty::Any {
            self.diags.push(
                Diagnostic::error(f.span, tr!("check-branches-differ", then = tt.ty.describe(), else = ft.ty.describe()))
                    .with_note(t.span, tr!("check-then-branch-here")),
            );
        }
        let per_part = ct.per_part || tt.per_part || ft.per_part;
        Typed { expr: Expr { kind: ExprKind::If(Box::new(ct.expr), Box::new(tt.expr), Box::new(ft.expr)), span }, ty: tt.ty, per_part }
    }

    fn sum(&mut self, x: &ast::Expr, span: Span, cx: Cx) -> Typed {
        let Some(ai) = cx.a else {
            self.diags.push(Diagnostic::error(span, tr!("check-sum-outside-assignment")));
            return self.expr(x, cx);
        };
        if cx.in_part {
            self.diags.push(Diagnostic::error(span, tr!("check-sum-in-sum")));
        } else if self.model_for(cx).assignments[ai].parts.is_empty() {
            let id = &self.model_for(cx).assignments[ai].id;
            self.diags.push(
                Diagnostic::error(span, tr!("check-sum-no-parts", assignment = id.as_str())).with_hint(tr!("check-hint-sum-no-parts")),
            );
        }
        let t = self.expr(x, Cx { in_part: true, ..cx });
        if t.ty == Ty::Bool {
            self.diags.push(Diagnostic::error(x.span, tr!("check-sum-truth")));
        }
        Typed { expr: Expr { kind: ExprKind::SumParts(ai, Box::new(t.expr)), span }, ty: t.ty, per_part: false }
    }

    /// Warns at `(1 + x)` where `x` is a parameter written as a bare number above 1
    /// with no declared unit: `prisindex = 2,9` makes every price 3,9 times itself.
    fn forgotten_percent(&mut self, one: &ast::Expr, x: &Typed, span: Span, cx: Cx) {
        let A::Number(q) = &one.kind else { return };
        if q.unit.is_some() || q.number != Decimal::ONE {
            return;
        }
        let (inner, model) = match &x.expr.kind {
            ExprKind::Previous(e) => (e.as_ref(), self.model.previous.as_deref()),
            _ => (&x.expr, Some(self.model_for(cx))),
        };
        let Some(model) = model else { return };
        let (r, entry) = match inner.kind {
            ExprKind::Param(r) | ExprKind::PartParam(r) => (r, None),
            ExprKind::Entry(r, k) => (r, Some(k)),
            _ => return,
        };
        let p = model.param(r);
        if !p.bare || !p.unit.is_none() {
            return;
        }
        let values: Vec<Decimal> = match (&p.value, entry) {
            (ParamValue::Scalar(v), _) => vec![*v],
            (ParamValue::PerPart(vs), _) => vs.clone(),
            (ParamValue::Keyed(vs), Some(k)) => vs.get(k).map(|(_, v)| *v).into_iter().collect(),
            (ParamValue::Keyed(_), None) => vec![],
        };
        let Some(v) = values.into_iter().find(|v| *v > Decimal::ONE) else { return };
        let value = crate::number::swedish(v, v.scale());
        let name = p.name.as_str();
        let msg = tr!("params-warn-forgotten-percent", name = name, value = value.as_str());
        let hint = tr!("params-hint-forgotten-percent", name = name, value = value.as_str());
        self.diags.push(Diagnostic::warning(span, msg).with_hint(hint));
    }

    /// The global parameter named `name` in the model `cx` resolves against.
    fn global_param(&self, name: &str, cx: Cx) -> Option<usize> {
        self.globals[usize::from(cx.previous && self.model.previous.is_some())].get(name).copied()
    }

    fn model_for(&self, cx: Cx) -> &'m Model {
        match (cx.previous, &self.model.previous) {
            (true, Some(p)) => p.as_ref(),
            _ => self.model,
        }
    }
}

fn placeholder_ty(op: BinOp, a: Ty) -> Ty {
    match op {
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div => a,
        _ => Ty::Bool,
    }
}

fn mismatch(op: BinOp, a: Ty, b: Ty, span: Span) -> Diagnostic {
    // The catalog's selector of the verb.
    let verb = match op {
        BinOp::Add => "add",
        BinOp::Sub => "subtract",
        BinOp::Mul => "multiply",
        BinOp::Div => "divide",
        BinOp::And | BinOp::Or => "combine",
        _ => "compare",
    };
    let hint = match (a, b) {
        (Ty::Num(_), Ty::Num(_)) => tr!("check-hint-same-unit"),
        _ => tr!("check-hint-logic-takes-comparisons"),
    };
    Diagnostic::error(span, tr!("check-mismatch", op = verb, left = a.describe(), right = b.describe())).with_hint(hint)
}

mod names;

/// A zero constant (used after an error).
fn zero(span: Span) -> Expr {
    Expr { kind: ExprKind::Const(Decimal::ZERO), span }
}
