//! The derivation tree and the walk that builds it.

use super::kr;
use crate::eval::Scope;
use crate::eval::money::{Overflow, round_öre};
use crate::eval::results::{Compensation, MonthLine};
use crate::model::{AssignmentId, CompKind, Expr, ExprKind, Model, ParamRef, ParamValue, PartId};
use crate::report::number::swedish;
use crate::source::Span;
use crate::vocab::{BinOp, Figure};
use rust_decimal::Decimal;
use serde::Serialize;

/// One step of a derivation.
#[derive(Debug, Clone, Serialize)]
pub struct Node {
    /// What it is: `referenskostnad[somatik]`, `budget(platser)`, `×`.
    pub label: String,
    /// Its exact value, rendered with its unit where known; `i.u.` with the reason otherwise.
    pub value: String,
    /// Where it is written (`rules/2023.ek:201`) or where it comes from (`Budget!D14`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Parts of it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Node>,
}

impl Node {
    fn leaf(label: impl Into<String>, value: String, source: Option<String>) -> Node {
        Node { label: label.into(), value, source, children: vec![] }
    }

    /// Renders as an indented tree.
    pub fn render(&self) -> String {
        let mut out = String::new();
        self.render_into(&mut out, "", "");
        out
    }

    fn render_into(&self, out: &mut String, first: &str, rest: &str) {
        let source = self.source.as_ref().map(|s| format!("  ({s})")).unwrap_or_default();
        out.push_str(&format!("{first}{} = {}{source}\n", self.label, self.value));
        for (i, c) in self.children.iter().enumerate() {
            let last = i + 1 == self.children.len();
            let (f, r) = if last { ("└─ ", "   ") } else { ("├─ ", "│  ") };
            c.render_into(out, &format!("{rest}{f}"), &format!("{rest}{r}"));
        }
    }
}

/// Walks formulas in one scope.
pub(super) struct Walker<'a> {
    pub(super) scope: Scope<'a>,
}

fn number(v: Decimal) -> String {
    swedish(v, v.normalize().scale())
}

fn with_unit(v: Decimal, unit: &str) -> String {
    format!("{} {unit}", number(v)).trim_end().to_string()
}

impl<'a> Walker<'a> {
    fn model(&self) -> &'a Model {
        self.scope.model
    }

    fn at(&self, span: Span) -> String {
        let m = self.scope.model;
        format!("{}:{}", m.source.name, m.source.line_col(span.start).0)
    }

    fn value(&self, s: &Scope, e: &Expr) -> String {
        match s.num(e) {
            Ok(v) => number(v),
            Err(f) => format!("i.u. ({})", f.describe(self.model())),
        }
    }

    /// The compensation total: fixed + variable + changes.
    pub(super) fn total(&self, a: AssignmentId) -> Node {
        let mut children = vec![self.compensation(a, CompKind::Fixed), self.compensation(a, CompKind::Variable)];
        children.extend(self.change_nodes(a));
        let value = self.paid(a).map(|c| kr(c.total)).unwrap_or_else(|e| format!("i.u. ({e})"));
        Node { label: format!("{}.{}", self.model().assignments[a].id, Figure::Compensation), value, source: None, children }
    }

    /// The mid-year changes of means: what the period's transfer lines pay of them, and each change's amount.
    pub(super) fn changes(&self, a: AssignmentId) -> Node {
        let value = self.paid(a).map(|c| kr(c.changes)).unwrap_or_else(|e| format!("i.u. ({e})"));
        let children = self.change_nodes(a);
        Node { label: format!("{}.{}", self.model().assignments[a].id, Figure::Changes), value, source: None, children }
    }

    fn change_nodes(&self, a: AssignmentId) -> Vec<Node> {
        let s = Scope { months: (1, 12), ..self.scope };
        let changes = &self.model().assignments[a].changes;
        changes
            .iter()
            .map(|c| {
                let mut n = self.formula(&s, &crate::tr!("explain-change", id = c.id.as_str()), &c.amount.expr, "kr");
                n.label = if c.to_month == 12 {
                    crate::tr!("explain-change-from", label = n.label, month = c.from_month)
                } else {
                    crate::tr!("validity-explain-change-months", label = n.label, from = c.from_month, to = c.to_month)
                };
                n
            })
            .collect()
    }

    /// The evaluator's transfer lines of the scope's months, summed: what the report shows.
    fn paid(&self, a: AssignmentId) -> Result<Compensation, String> {
        let lines: Vec<MonthLine> = crate::eval::monthly_transfers(&Scope { a: Some(a), ..self.scope }, a).map_err(|e| e.0.message)?;
        let (from, to) = self.scope.months;
        crate::eval::sum_lines(&lines[from as usize - 1..to as usize]).map_err(|e| e.to_string())
    }

    /// `fast` (annual, rounded to öre) or `rörlig` (summed over the period's months).
    pub(super) fn compensation(&self, a: AssignmentId, kind: CompKind) -> Node {
        let asg = &self.model().assignments[a];
        let f = match kind {
            CompKind::Fixed => &asg.fixed,
            CompKind::Variable => &asg.variable,
        };
        let valid = match kind {
            CompKind::Fixed => asg.fixed_validity,
            CompKind::Variable => asg.variable_validity,
        };
        let year = self.model().header.year;
        let label = match valid {
            Some(v) => crate::tr!("validity-explain-label", label = format!("{}.{}", asg.id, kind.figure()), months = v.text(year)),
            None => format!("{}.{}", asg.id, kind.figure()),
        };
        let Some(f) = f else { return Node::leaf(label, kr(Decimal::ZERO), Some(crate::tr!("explain-no-such-compensation"))) };
        match kind {
            CompKind::Fixed => {
                let s = Scope { months: (1, 12), ..self.scope };
                let mut n = self.formula(&s, &label, &f.expr, "kr");
                n.value = s.num(&f.expr).map(|v| kr(round_öre(v))).unwrap_or(n.value);
                n
            }
            CompKind::Variable => self.variable(a, &label, &f.expr),
        }
    }

    fn variable(&self, a: AssignmentId, label: &str, e: &Expr) -> Node {
        let (from, to) = self.scope.months;
        let year = self.model().header.year;
        let valid = self.model().assignments[a].variable_validity;
        let outside = |m: u32| valid.filter(|v| !v.contains(m));
        if let Some(v) = outside(from).filter(|_| from == to) {
            return Node::leaf(crate::tr!("validity-explain-outside", label = label, months = v.text(year)), kr(Decimal::ZERO), None);
        }
        if from == to {
            let s = Scope { a: Some(a), ..self.scope };
            let mut n = self.formula(&s, label, e, "kr");
            n.value = s.num(e).map(|v| kr(round_öre(v))).unwrap_or(n.value);
            return n;
        }
        let months: Vec<Node> = (from..=to)
            .map(|m| {
                if let Some(v) = outside(m) {
                    let label = crate::tr!("validity-explain-outside", label = format!("{year}-{m:02}"), months = v.text(year));
                    return Node::leaf(label, kr(Decimal::ZERO), None);
                }
                let s = Scope { months: (m, m), a: Some(a), ..self.scope };
                let mut n = self.formula(&s, &format!("{}-{m:02}", self.model().header.year), e, "kr");
                n.value = s.num(e).map(|v| kr(round_öre(v))).unwrap_or(n.value);
                n
            })
            .collect();
        let value = self.paid(a).map(|c| kr(c.variable)).unwrap_or_else(|e| format!("i.u. ({e})"));
        Node { label: crate::tr!("explain-variable-months", label = label), value, source: Some(self.at(e.span)), children: months }
    }

    /// A formula node: its source text as label, then its parts.
    fn formula(&self, s: &Scope, label: &str, e: &Expr, unit: &str) -> Node {
        let value = s.num(e).map(|v| with_unit(v, unit)).unwrap_or_else(|f| format!("i.u. ({})", f.describe(self.model())));
        let text = self.model().source.slice(e.span).to_string();
        Node { label: label.to_string(), value, source: Some(format!("{} `{text}`", self.at(e.span))), children: self.parts(s, e) }
    }

    /// The children of an expression.
    fn parts(&self, s: &Scope, e: &Expr) -> Vec<Node> {
        match &e.kind {
            ExprKind::SumParts(a, x) => self.model().assignments[*a]
                .parts
                .iter()
                .zip(self.model().assignments[*a].part_ids())
                .map(|(part, p)| {
                    let ps = Scope { a: Some(*a), part: Some(p), ..*s };
                    let mut n = self.node(&ps, x);
                    n.label = crate::tr!("explain-part", part = part.id.as_str(), label = n.label);
                    if let Some(v) = part.validity {
                        let (n_in, len) = (v.overlap(s.months), s.months.1 - s.months.0 + 1);
                        let months = v.text(self.model().header.year);
                        n.label = crate::tr!("validity-explain-part", label = n.label, months = months, n = n_in, len = len);
                    }
                    n
                })
                .collect(),
            _ => e.children().into_iter().map(|x| self.node(s, x)).collect(),
        }
    }

    /// One node of a formula.
    fn node(&self, s: &Scope, e: &Expr) -> Node {
        let m = self.model();
        match &e.kind {
            ExprKind::Param(r) | ExprKind::PartParam(r) | ExprKind::Entry(r, _) => self.param(s, *r, e),
            ExprKind::Let(a, l) => {
                let ls = Scope { a: Some(*a), part: s.part.filter(|_| s.a == Some(*a)), ..*s };
                let f = &m.assignments[*a].lets[*l];
                self.formula(&ls, &format!("låt {}{}", f.name, part_suffix(m, &ls)), &f.formula.expr, &f.formula.unit.to_string())
            }
            ExprKind::Compensation(a, k) => Walker { scope: Scope { a: Some(*a), part: None, ..*s } }.compensation(*a, *k),
            ExprKind::Cost(a) => self.cost(*a, s.part.filter(|_| s.a == Some(*a))),
            ExprKind::Budget(..) | ExprKind::Volume(..) => super::inputs::measure(s, e),
            ExprKind::Previous(x) => match s.previous_scope() {
                // A parameter that changed within last year carries over at December's value.
                Some(ps) if matches!(&x.kind, ExprKind::Param(r) if !ps.model.param(*r).steps.is_empty()) => {
                    let ExprKind::Param(r) = &x.kind else { unreachable!("matched above") };
                    let p = ps.model.param(*r);
                    let walker = Walker { scope: ps };
                    let label = crate::tr!("validity-explain-step-year-end", label = p.name.as_str(), steps = walker.steps_text(p));
                    let label = crate::tr!("explain-previous-year", year = ps.model.header.year.to_string(), label = label);
                    let value = match s.num(e) {
                        Ok(v) => with_unit(v, &p.unit.to_string()),
                        Err(f) => format!("i.u. ({})", f.describe(m)),
                    };
                    Node::leaf(label, value, Some(walker.at(p.span)))
                }
                Some(ps) => {
                    let mut n = Walker { scope: ps }.node(&ps, x);
                    n.label = crate::tr!("explain-previous-year", year = ps.model.header.year.to_string(), label = n.label);
                    n
                }
                None => Node::leaf(m.source.slice(e.span), self.value(s, e), Some(self.at(e.span))),
            },
            // `veckor` is resolved to `dagar / 7` written as the one word: a leaf, as `dagar` is.
            ExprKind::Binary(BinOp::Div, l, _) if matches!(l.kind, ExprKind::Days) && l.span == e.span => {
                Node { label: m.source.slice(e.span).to_string(), value: self.value(s, e), source: None, children: vec![] }
            }
            ExprKind::Binary(op, ..) => Node { label: op_label(*op), value: self.value(s, e), source: None, children: self.parts(s, e) },
            _ => Node { label: m.source.slice(e.span).to_string(), value: self.value(s, e), source: None, children: self.parts(s, e) },
        }
    }

    fn param(&self, s: &Scope, r: ParamRef, e: &Expr) -> Node {
        let p = self.model().param(r);
        let label = match (&p.value, &e.kind) {
            (ParamValue::PerPart(_), ExprKind::PartParam(_)) => format!("{}{}", p.name, part_suffix(self.model(), s)),
            _ => p.name.clone(),
        };
        let percent = p.unit.is_none() && self.model().source.slice(p.span).contains('%');
        let value = match s.num(e) {
            Ok(v) if percent => match v.checked_mul(Decimal::ONE_HUNDRED) {
                Some(p) => format!("{} %", number(p)),
                None => format!("i.u. ({})", Overflow),
            },
            Ok(v) => with_unit(v, &p.unit.to_string()),
            Err(f) => format!("i.u. ({})", f.describe(self.model())),
        };
        let label = match (p.steps.is_empty(), s.months) {
            (true, _) => label,
            (false, (first, last)) if first == last => crate::tr!("validity-explain-step-month", label = label),
            (false, _) => crate::tr!("validity-explain-step-mean", label = label, steps = self.steps_text(p)),
        };
        Node::leaf(label, value, Some(self.at(p.span)))
    }

    /// A parameter's values through the year as written: `480 kr/timme, från 2023-07 495 kr/timme`.
    fn steps_text(&self, p: &crate::model::Param) -> String {
        let year = self.model().header.year;
        let percent = p.unit.is_none() && self.model().source.slice(p.span).contains('%');
        let show = |v: Decimal| match v.checked_mul(Decimal::ONE_HUNDRED) {
            Some(x) if percent => format!("{} %", number(x)),
            _ => with_unit(v, &p.unit.to_string()),
        };
        let mut parts = vec![show(p.value_in(1))];
        parts.extend(p.steps.iter().map(|(m, v)| format!("från {year}-{m:02} = {}", show(*v))));
        parts.join(", ")
    }

    /// Ledger cost of an assignment or one part in the period: count and sum of postings.
    pub(super) fn cost(&self, a: AssignmentId, part: Option<PartId>) -> Node {
        super::inputs::cost(self, a, part)
    }

    /// Compensation − cost.
    pub(super) fn result(&self, a: AssignmentId) -> Node {
        let cost_expr = Expr { kind: ExprKind::Cost(a), span: Span::default() };
        let cost = Scope { a: Some(a), part: None, ..self.scope }.num(&cost_expr).map_err(|f| f.describe(self.model()));
        let result = |c: Compensation, k: Decimal| c.total.checked_sub(k).map(kr).ok_or_else(|| crate::tr!("eval-overflow"));
        let value = self.paid(a).and_then(|c| result(c, cost?)).unwrap_or_else(|e| format!("i.u. ({e})"));
        let children = vec![self.total(a), self.cost(a, None)];
        Node { label: format!("{}.{}", self.model().assignments[a].id, Figure::Result), value, source: None, children }
    }

    /// One month's transfer line: fixed twelfth (remainder in December), variable, changes.
    pub(super) fn transfer(&self, a: AssignmentId, month: u32) -> Result<Vec<Node>, String> {
        let lines = crate::eval::monthly_transfers(&Scope { a: Some(a), ..self.scope }, a).map_err(|e| e.0.message)?;
        let line = lines.get(month as usize - 1).ok_or_else(|| crate::tr!("explain-no-such-month", month = month))?;
        let fixed = self.compensation(a, CompKind::Fixed);
        let twelfth = Node {
            label: match self.model().assignments[a].fixed_validity {
                Some(v) => crate::tr!("validity-explain-fixed-spread", months = v.text(self.model().header.year)),
                None if month == 12 => crate::tr!("explain-fixed-twelfth-december"),
                None => crate::tr!("explain-fixed-twelfth"),
            },
            value: kr(line.amounts.fixed),
            source: None,
            children: vec![fixed],
        };
        let mut variable = Walker { scope: Scope { months: (month, month), ..self.scope } }.compensation(a, CompKind::Variable);
        variable.label = format!("{} {}-{month:02}", Figure::Variable, self.model().header.year);
        if let Some(v) = self.model().assignments[a].variable_validity.filter(|v| !v.contains(month)) {
            let months = v.text(self.model().header.year);
            variable.label = crate::tr!("validity-explain-outside", label = variable.label, months = months);
        }
        let changes = Node::leaf(crate::tr!("explain-changes-spread"), kr(line.amounts.changes), None);
        let label = format!("{}.överföring[{}-{month:02}]", self.model().assignments[a].id, self.model().header.year);
        Ok(vec![Node { label, value: kr(line.amounts.total), source: None, children: vec![twelfth, variable, changes] }])
    }

    /// A key figure for its periods up to the scope's last month (or one month).
    pub(super) fn key_figure(&self, a: AssignmentId, id: &str, month: Option<u32>) -> Result<Vec<Node>, String> {
        let asg = &self.model().assignments[a];
        let Some(kf) = asg.key_figures.iter().find(|k| k.id == id) else {
            let mut names: Vec<&str> = vec![];
            Figure::names().for_each(|n| names.push(n));
            names.extend(asg.key_figures.iter().map(|k| k.id.as_str()));
            let hint = crate::diagnostic::did_you_mean(id, names);
            let hint = hint.map(|h| format!("; {h}")).unwrap_or_default();
            return Err(crate::tr!("explain-no-such-figure", assignment = asg.id.as_str(), name = id, hint = hint));
        };
        let last = month.unwrap_or(self.scope.months.1);
        let from = if kf.interval == crate::model::Interval::Månadsvis && month.is_some() { last } else { 1 };
        let ratio = kf.formula.unit.is_none() && matches!(kf.formula.expr.kind, ExprKind::Binary(BinOp::Div, ..));
        Ok(asg
            .part_scopes(kf.per_part)
            .into_iter()
            .flat_map(|p| {
                let s = Scope { a: Some(a), part: p, months: (from, last), ..self.scope };
                let period = crate::eval::period_label(self.model().header.year, from, last);
                let suffix = part_suffix(self.model(), &s);
                // The total, then each series (`figur[del].serie`) the same way.
                let formulas =
                    std::iter::once((String::new(), &kf.formula)).chain(kf.series.iter().map(|x| (format!(".{}", x.id), &x.formula)));
                formulas
                    .map(|(series, formula)| {
                        let label = format!("{}.{}{suffix}{series} [{period}]", asg.id, kf.id);
                        let mut n = self.formula(&s, &label, &formula.expr, &kf.formula.unit.to_string());
                        if let (true, Ok(v)) = (ratio, s.num(&formula.expr)) {
                            let percent = v.checked_mul(Decimal::ONE_HUNDRED).map(|p| format!("{} %", swedish(p, 2)));
                            n.value = format!("{} ({})", n.value, percent.unwrap_or_else(|| Overflow.to_string()));
                        }
                        self.as_reported(kf, formula, n, &s)
                    })
                    .collect::<Vec<_>>()
            })
            .collect())
    }
}

impl Walker<'_> {
    /// The node of a figure's formula over the period, under one that gives the
    /// value as reported where the figure aggregates month by month (`medel`,
    /// `senaste`, `max`) or is annualised; the node itself otherwise.
    fn as_reported(&self, kf: &crate::model::KeyFigure, formula: &crate::model::Formula, n: Node, s: &Scope) -> Node {
        let annualised = kf.annualised() && s.months != (1, 12);
        let aggregation = kf.aggregation();
        if aggregation == crate::model::Aggregation::Summa && !annualised {
            return n;
        }
        let Some(a) = s.a else { return n };
        let mut how = vec![];
        if aggregation != crate::model::Aggregation::Summa {
            how.push(format!("aggregering {aggregation}"));
        }
        if annualised {
            how.push(format!("helårsomräknad ×12/{}", s.months.1 - s.months.0 + 1));
        }
        let unit = kf.formula.unit.to_string();
        let value = match crate::eval::period_value(s, kf, formula, a, s.part, s.months) {
            Ok(v) => format!("{} {unit}", swedish(v.normalize(), v.normalize().scale().min(2))).trim_end().to_string(),
            Err(f) => f.describe(self.model()),
        };
        Node { label: format!("{} ({})", n.label, how.join(", ")), value, source: None, children: vec![n] }
    }
}

pub(super) fn part_suffix(m: &Model, s: &Scope) -> String {
    match (s.a, s.part) {
        (Some(a), Some(p)) => format!("[{}]", m.assignments[a].parts[p].id),
        _ => String::new(),
    }
}

fn op_label(op: BinOp) -> String {
    match op {
        BinOp::Mul => "×".into(),
        BinOp::Div => "÷".into(),
        other => other.symbol().into(),
    }
}
