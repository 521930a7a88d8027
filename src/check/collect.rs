//! Declarations → model skeleton: parameters, measures, the hierarchy, parts,
//! codes and the properties of key figures and changes. Formulas are resolved
//! afterwards (`resolve`), into the placeholders left here.

use crate::diagnostic::{Diagnostic, Diagnostics, did_you_mean, one_of};
use crate::model::*;
use crate::source::{Source, Span};
use crate::syntax::ast::{self, AssignmentItem, ChangeItem, Item, KeyFigureItem};
use crate::tr;
use crate::units::Unit;
use crate::vocab::Figure;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The figures a formula can name on their own (`kostnad`, `fast`, `rörlig`).
pub(super) const FORMULA_FIGURES: [Figure; 3] = [Figure::Cost, Figure::Fixed, Figure::Variable];

/// Names the language gives a meaning of its own: the calendar's and the figures a
/// formula can name.
pub(super) fn builtins() -> impl Iterator<Item = &'static str> {
    ["månader", "dagar", "veckor"].into_iter().chain(FORMULA_FIGURES.map(Figure::name))
}

/// Whether `name` is one of the [`builtins`].
pub(super) fn is_builtin(name: &str) -> bool {
    builtins().any(|b| b == name)
}

/// What a scope declares, for "declared twice" (the catalog's `kind` selector).
#[derive(Clone, Copy)]
pub(super) enum Declared {
    Measure,
    Parameter,
    TableEntry,
    Board,
    CareForm,
    Assignment,
    Part,
    Name,
    KeyFigure,
    Change,
}

impl Declared {
    fn selector(self) -> &'static str {
        match self {
            Declared::Measure => "measure",
            Declared::Parameter => "parameter",
            Declared::TableEntry => "table-entry",
            Declared::Board => "board",
            Declared::CareForm => "care-form",
            Declared::Assignment => "assignment",
            Declared::Part => "part",
            Declared::Name => "name",
            Declared::KeyFigure => "key-figure",
            Declared::Change => "change",
        }
    }
}

/// Records names in one scope and reports a second declaration.
#[derive(Default)]
pub(super) struct Scope(HashMap<String, Span>);

impl Scope {
    /// Declares `name`; false (and an error) if it is already declared.
    pub(super) fn declare(&mut self, what: Declared, id: &ast::Ident, diags: &mut Diagnostics) -> bool {
        if let Some(first) = self.0.get(&id.name) {
            let message = tr!("check-declared-twice", kind = what.selector(), name = id.name.as_str());
            diags.push(Diagnostic::error(id.span, message).with_note(*first, tr!("check-first-declared-here")));
            return false;
        }
        self.0.insert(id.name.clone(), id.span);
        true
    }
}

pub(super) fn collect(source: &Source, file: &ast::File, header: Header, previous: Option<Model>, diags: &mut Diagnostics) -> Model {
    let mut model = Model {
        source: source.clone(),
        header,
        params: vec![],
        measures: vec![],
        assignments: vec![],
        previous: previous.map(Box::new),
        out_of_scope: vec![],
    };
    let mut globals = Scope::default();
    let mut measures = Scope::default();
    for item in &file.items {
        match item {
            Item::Parameter(p) if declare_param(&mut globals, p, diags) => {
                model.params.push(with_steps(param(p, &[], diags), p, model.header.year, diags))
            }
            Item::Measure(m) if measures.declare(Declared::Measure, &m.name, diags) => model.measures.push(measure(m, diags)),
            _ => {}
        }
    }
    hierarchy(file, &mut model, diags);
    model
}

fn declare_param(scope: &mut Scope, p: &ast::Parameter, diags: &mut Diagnostics) -> bool {
    if is_builtin(&p.name.name) {
        diags.push(Diagnostic::error(p.name.span, tr!("check-builtin-parameter", name = p.name.name.as_str())));
        return false;
    }
    scope.declare(Declared::Parameter, &p.name, diags)
}

fn measure(m: &ast::MeasureDecl, diags: &mut Diagnostics) -> Measure {
    let (unit, factor) = unit_of(&Some(m.unit.value.clone()), m.unit.span, diags);
    if factor != Decimal::ONE {
        diags.push(Diagnostic::error(m.unit.span, tr!("check-measure-unit-scaled")).with_hint(tr!("check-hint-measure-units")));
    }
    Measure { name: m.name.name.clone(), kind: m.kind, unit, signed: m.signed, span: m.span }
}

/// The unit of a literal and the factor into base units.
pub(super) fn unit_of(unit: &Option<ast::UnitText>, span: Span, diags: &mut Diagnostics) -> (Unit, Decimal) {
    let Some(unit) = unit else { return (Unit::NONE, Decimal::ONE) };
    let lookup = |name: &str, diags: &mut Diagnostics| {
        Unit::named(name).unwrap_or_else(|| {
            diags.push(Diagnostic::error(span, tr!("syntax-unknown-unit", unit = name)));
            (Unit::NONE, Decimal::ONE)
        })
    };
    match unit {
        ast::UnitText::Percent => (Unit::NONE, Decimal::new(1, 2)),
        ast::UnitText::Named { num, den } => {
            let (n, f) = lookup(num, diags);
            match den {
                None => (n, f),
                // `dygn/plats/dag`: each further name divides again.
                Some(d) => d.split('/').fold((n, f), |(n, f), d| {
                    let (d, g) = lookup(d, diags);
                    (n / d, f / g)
                }),
            }
        }
    }
}

/// A literal's value in base units and its unit.
pub(super) fn quantity(q: &ast::Quantity, diags: &mut Diagnostics) -> (Decimal, Unit) {
    let (unit, factor) = unit_of(&q.unit, q.span, diags);
    let value = q.number.checked_mul(factor).unwrap_or_else(|| {
        diags.push(Diagnostic::error(q.span, tr!("check-number-too-large")));
        Decimal::ZERO
    });
    (value, unit)
}

/// Lowers a parameter; `parts` are the assignment's parts (empty at top level).
/// A table that fails a check is still declared, with a placeholder value, so that
/// its uses are not reported as unknown names.
fn param(p: &ast::Parameter, parts: &[Part], diags: &mut Diagnostics) -> Param {
    let (value, unit) = match &p.value {
        ast::ParamValue::Quantity(q) => {
            let (v, u) = quantity(q, diags);
            (ParamValue::Scalar(v), u)
        }
        ast::ParamValue::Table { axis, entries } => table(p, axis, entries, parts, diags).unwrap_or((failed_table(), Unit::NONE)),
    };
    let declared = p.unit.as_ref().map(|d| declared_unit(p, d, diags));
    let bare = declared.is_none() && written_values(p).iter().all(|q| q.unit.is_none());
    Param { name: p.name.name.clone(), value, unit, steps: vec![], span: p.span, declared, bare }
}

/// The literals of a parameter: its value, or every entry of its table.
fn written_values(p: &ast::Parameter) -> Vec<&ast::Quantity> {
    match &p.value {
        ast::ParamValue::Quantity(q) => vec![q],
        ast::ParamValue::Table { entries, .. } => entries.iter().map(|(_, q)| q).collect(),
    }
}

/// Checks every value of `p` against its declared unit `d`; returns the unit as written.
/// A declared `%` given a bare number is the forgotten `%` of `prisindex = 2,9`.
fn declared_unit(p: &ast::Parameter, d: &ast::Located<ast::UnitText>, diags: &mut Diagnostics) -> String {
    let (want, _) = unit_of(&Some(d.value.clone()), d.span, diags);
    let text = unit_text(&d.value);
    let name = p.name.name.as_str();
    for q in written_values(p) {
        // Only a mismatch shows the value: it is formatted then, not for every value.
        let written = || crate::number::swedish(q.number, q.number.scale());
        if d.value == ast::UnitText::Percent && q.unit.is_none() {
            let written = written();
            let msg = tr!("params-declared-percent-bare", name = name, value = written.as_str());
            let hint = tr!("params-hint-write-percent", value = written.as_str());
            diags.push(Diagnostic::error(q.span, msg).with_note(d.span, tr!("params-declared-here")).with_hint(hint));
            continue;
        }
        let mut probe = Diagnostics::default();
        let (given, _) = unit_of(&q.unit, q.span, &mut probe);
        let percent_mismatch = (d.value == ast::UnitText::Percent) != (q.unit == Some(ast::UnitText::Percent));
        if given != want || percent_mismatch {
            let written = written();
            let given_text =
                q.unit.as_ref().map(|u| tr!("check-in-unit", unit = unit_text(u))).unwrap_or_else(|| tr!("check-plain-number"));
            let msg = tr!("params-declared-unit-mismatch", name = name, value = written.as_str(), given = given_text, unit = text.as_str());
            let hint = tr!("params-hint-declared-unit", value = written.as_str(), unit = text.as_str());
            diags.push(Diagnostic::error(q.span, msg).with_note(d.span, tr!("params-declared-here")).with_hint(hint));
        }
    }
    text
}

/// A unit as written: `%`, `kr/timme`.
fn unit_text(u: &ast::UnitText) -> String {
    match u {
        ast::UnitText::Percent => "%".to_string(),
        ast::UnitText::Named { num, den: Some(den) } => format!("{num}/{den}"),
        ast::UnitText::Named { num, den: None } => num.clone(),
    }
}
/// A parameter with its `från YYYY-MM = …` steps checked (the grammar allows them
/// after one value only): months of the file's year after January and increasing,
/// each in the unit of the first value.
fn with_steps(mut out: Param, p: &ast::Parameter, year: i32, diags: &mut Diagnostics) -> Param {
    if p.steps.is_empty() {
        return out;
    }
    let ast::ParamValue::Quantity(first) = &p.value else { return out };
    let percent = |q: &ast::Quantity| matches!(q.unit, Some(ast::UnitText::Percent));
    let mut last = 1;
    for s in &p.steps {
        let (value, unit) = quantity(&s.value, diags);
        let m = s.month;
        let month = format!("{:04}-{:02}", m.year, m.month);
        if !valid_month(&m, diags) {
            continue;
        }
        if m.year != year && year != 0 {
            diags.push(
                Diagnostic::error(m.span, tr!("validity-other-year", month = month, year = year.to_string()))
                    .with_hint(tr!("validity-other-year-hint", year = year.to_string())),
            );
            continue;
        }
        if m.month <= last {
            let message = match last {
                1 => tr!("validity-step-in-january", month = month),
                _ => tr!("validity-step-not-increasing", month = month, previous = format!("{year}-{last:02}")),
            };
            diags.push(Diagnostic::error(m.span, message).with_hint(tr!("validity-step-not-increasing-hint")));
            continue;
        }
        if unit != out.unit || percent(&s.value) != percent(first) {
            let written = |q: &ast::Quantity| if percent(q) { "`%`".to_string() } else { unit_phrase_of(q) };
            diags.push(
                Diagnostic::error(
                    s.value.span,
                    tr!("validity-step-unit", name = p.name.name.as_str(), unit = written(&s.value), first = written(first)),
                )
                .with_hint(tr!("validity-step-unit-hint", first = written(first))),
            );
            continue;
        }
        last = m.month;
        out.steps.push((m.month, value));
    }
    out
}

/// A literal's unit in words: `` `kr/timme` ``, or "a plain number" (its problems are
/// reported where the literal is lowered).
fn unit_phrase_of(q: &ast::Quantity) -> String {
    let (_, u) = quantity(q, &mut Diagnostics::default());
    if u.is_none() { tr!("check-plain-number") } else { format!("`{u}`") }
}

/// The value of a table whose unit or shape is unknown after an error.
// INVARIANT: a checked keyed table has at least one entry, so an empty one marks a
// placeholder; the resolver types its uses as fitting anywhere.
pub(super) fn failed_table() -> ParamValue {
    ParamValue::Keyed(vec![])
}

/// One entry of a table, in base units.
struct Entry {
    key: String,
    key_span: Span,
    value: Decimal,
    unit: Unit,
    span: Span,
}

fn table(
    p: &ast::Parameter,
    axis: &ast::Ident,
    entries: &[(ast::Ident, ast::Quantity)],
    parts: &[Part],
    diags: &mut Diagnostics,
) -> Option<(ParamValue, Unit)> {
    let mut keys = Scope::default();
    let mut values: Vec<Entry> = vec![];
    for (key, q) in entries {
        if keys.declare(Declared::TableEntry, key, diags) {
            let (value, unit) = quantity(q, diags);
            values.push(Entry { key: key.name.clone(), key_span: key.span, value, unit, span: q.span });
        }
    }
    let Some(unit) = values.first().map(|v| v.unit) else {
        diags.push(Diagnostic::error(p.span, tr!("check-table-empty", name = p.name.name.as_str())));
        return None;
    };
    // A declared unit checks every entry itself (`declared_unit`).
    for e in values.iter().filter(|e| e.unit != unit && p.unit.is_none()) {
        let (key, table) = (e.key.as_str(), p.name.name.as_str());
        let msg = tr!("check-table-mixed-units", key = key, unit = unit_phrase(e.unit), table = table, first = unit_phrase(unit));
        diags.push(Diagnostic::error(e.span, msg).with_hint(tr!("check-hint-table-same-unit")));
    }
    if axis.name != "del" {
        return Some((ParamValue::Keyed(values.into_iter().map(|e| (e.key, e.value)).collect()), unit));
    }
    per_part(p, axis, &values, parts, diags).map(|v| (ParamValue::PerPart(v), unit))
}

/// `in `kr/dygn``, or `a plain number` for a dimensionless unit.
fn unit_phrase(u: Unit) -> String {
    if u.is_none() { tr!("check-plain-number") } else { tr!("check-in-unit", unit = u.to_string()) }
}

/// One value per part, in part order; a missing part gets zero (after an error).
fn per_part(p: &ast::Parameter, axis: &ast::Ident, values: &[Entry], parts: &[Part], diags: &mut Diagnostics) -> Option<Vec<Decimal>> {
    if parts.is_empty() {
        diags.push(
            Diagnostic::error(axis.span, tr!("check-per-part-without-parts", name = p.name.name.as_str()))
                .with_hint(tr!("check-hint-per-part-inside")),
        );
        return None;
    }
    for e in values.iter().filter(|e| !parts.iter().any(|part| part.id == e.key)) {
        let hint = did_you_mean(&e.key, parts.iter().map(|p| p.id.as_str()));
        diags.push(Diagnostic::error(e.key_span, tr!("check-not-a-part-here", name = e.key.as_str())).with_hint_opt(hint));
    }
    let missing: Vec<String> =
        parts.iter().filter(|part| !values.iter().any(|v| v.key == part.id)).map(|p| format!("`{}`", p.id)).collect();
    if !missing.is_empty() {
        diags.push(
            Diagnostic::error(p.name.span, tr!("check-table-missing-parts", name = p.name.name.as_str(), parts = missing.join(", ")))
                .with_hint(tr!("check-hint-table-every-part")),
        );
    }
    Some(parts.iter().map(|part| values.iter().find(|v| v.key == part.id).map(|v| v.value).unwrap_or_default()).collect())
}

fn hierarchy(file: &ast::File, model: &mut Model, diags: &mut Diagnostics) {
    let mut boards = Scope::default();
    let mut assignments = Scope::default();
    for item in &file.items {
        let Item::Board(board) = item else { continue };
        boards.declare(Declared::Board, &board.id, diags);
        let mut forms = Scope::default();
        for form in &board.care_forms {
            forms.declare(Declared::CareForm, &form.id, diags);
            for a in &form.assignments {
                assignments.declare(Declared::Assignment, &a.id, diags);
                let ids = ((board.id.name.clone(), board.name.value.clone()), (form.id.name.clone(), form.name.value.clone()));
                model.assignments.push(assignment(a, ids, model.header.year, diags));
            }
        }
    }
    if model.assignments.is_empty() {
        diags.push(Diagnostic::warning(Span::default(), tr!("check-no-assignments")).with_hint(tr!("check-hint-declare-assignments")));
    }
}

fn assignment(
    a: &ast::Assignment,
    (board, care_form): ((String, String), (String, String)),
    year: i32,
    diags: &mut Diagnostics,
) -> Assignment {
    let mut out = Assignment {
        id: a.id.name.clone(),
        name: a.name.value.clone(),
        board,
        care_form,
        source_ref: None,
        parts: vec![],
        codes: vec![],
        activities: vec![],
        komplement: vec![],
        params: vec![],
        lets: vec![],
        fixed: None,
        variable: None,
        fixed_validity: None,
        variable_validity: None,
        key_figures: vec![],
        changes: vec![],
        span: a.span,
    };
    parts(a, &mut out, year, diags);
    let mut names = Scope::default();
    for item in &a.items {
        assignment_item(item, &mut out, &mut names, year, diags);
    }
    if out.source_ref.is_none() {
        diags.push(
            Diagnostic::warning(a.id.span, tr!("check-has-no", owner = a.id.name.as_str(), name = "källa"))
                .with_hint(tr!("check-hint-source")),
        );
    }
    if !has_codes(a) {
        diags.push(Diagnostic::warning(a.id.span, tr!("check-no-codes", name = a.id.name.as_str())).with_hint(tr!("check-hint-add-codes")));
    }
    out
}

/// Whether the assignment writes any ledger ID code (a malformed one counts: it is
/// reported on its own).
fn has_codes(a: &ast::Assignment) -> bool {
    a.items.iter().any(|item| match item {
        AssignmentItem::Part(p) => !p.ids.is_empty() || p.activities.iter().any(|x| !x.ids.is_empty()),
        AssignmentItem::Ids(ids, _) => !ids.is_empty(),
        AssignmentItem::Activities(acts, _) => acts.iter().any(|x| !x.ids.is_empty()),
        _ => false,
    })
}

fn parts(a: &ast::Assignment, out: &mut Assignment, year: i32, diags: &mut Diagnostics) {
    let mut scope = Scope::default();
    for item in &a.items {
        if let AssignmentItem::Part(p) = item
            && scope.declare(Declared::Part, &p.id, diags)
        {
            let validity = p.validity.as_ref().and_then(|v| validity(v, year, diags));
            out.parts.push(Part {
                id: p.id.name.clone(),
                name: p.name.value.clone(),
                codes: super::codes::patterns(&p.ids, diags),
                komplement: super::codes::patterns(&p.komplement, diags),
                validity,
            });
            let part = out.part_id(&p.id.name);
            out.activities.extend(p.activities.iter().map(|a| Activity {
                id: a.id.as_ref().map(|i| i.name.clone()),
                name: a.name.value.clone(),
                codes: super::codes::patterns(&a.ids, diags),
                komplement: super::codes::patterns(&a.komplement, diags),
                part,
            }));
        }
    }
}

/// The months a `från …`/`till …` gives, checked: months of the file's year, `från`
/// not after `till`. `None` (reported) when not.
fn validity(v: &ast::Validity, year: i32, diags: &mut Diagnostics) -> Option<Validity> {
    let mut ok = true;
    for m in [v.from, v.to].into_iter().flatten() {
        if !valid_month(&m, diags) {
            ok = false;
        } else if m.year != year && year != 0 {
            let month = format!("{:04}-{:02}", m.year, m.month);
            diags.push(
                Diagnostic::error(m.span, tr!("validity-other-year", month = month, year = year.to_string()))
                    .with_hint(tr!("validity-other-year-hint", year = year.to_string())),
            );
            ok = false;
        }
    }
    let out = Validity { from: v.from.map_or(1, |m| m.month), to: v.to.map_or(12, |m| m.month) };
    if ok && out.from > out.to {
        diags.push(Diagnostic::error(v.span, tr!("validity-empty")).with_hint(tr!("validity-empty-hint")));
        ok = false;
    }
    ok.then_some(out)
}

fn assignment_item(item: &AssignmentItem, out: &mut Assignment, names: &mut Scope, year: i32, diags: &mut Diagnostics) {
    match item {
        AssignmentItem::Source(s) => {
            if out.source_ref.replace(s.value.clone()).is_some() {
                diags.push(Diagnostic::error(s.span, tr!("check-given-twice", field = "källa")));
            }
        }
        AssignmentItem::Part(_) => {}
        AssignmentItem::Ids(ids, _) => out.codes.extend(super::codes::patterns(ids, diags)),
        AssignmentItem::Activities(acts, _) => out.activities.extend(acts.iter().map(|a| Activity {
            id: a.id.as_ref().map(|i| i.name.clone()),
            name: a.name.value.clone(),
            codes: super::codes::patterns(&a.ids, diags),
            komplement: super::codes::patterns(&a.komplement, diags),
            part: None,
        })),
        AssignmentItem::Komplement(ids, _) => out.komplement.extend(super::codes::patterns(ids, diags)),
        AssignmentItem::Parameter(p) => {
            if declare_param(names, p, diags) {
                let parts = out.parts.clone();
                out.params.push(with_steps(param(p, &parts, diags), p, year, diags));
            }
        }
        AssignmentItem::Let(l) => {
            if is_builtin(&l.name.name) {
                diags.push(Diagnostic::error(l.name.span, tr!("check-builtin-name", name = l.name.name.as_str())));
            } else if names.declare(Declared::Name, &l.name, diags) {
                out.lets.push(Let { name: l.name.name.clone(), formula: placeholder(), per_part: false, what_if: vec![] });
            }
        }
        AssignmentItem::Compensation(c) => compensation(c, out, year, diags),
        AssignmentItem::KeyFigure(k) => {
            let mut kfs = Scope(out.key_figures.iter().map(|k| (k.id.clone(), k.span)).collect());
            if kfs.declare(Declared::KeyFigure, &k.id, diags) {
                out.key_figures.push(key_figure(k, year, diags));
            }
        }
        AssignmentItem::Change(c) => {
            let mut scope = Scope(out.changes.iter().map(|c| (c.id.clone(), c.span)).collect());
            if scope.declare(Declared::Change, &c.id, diags) {
                out.changes.extend(change(c, year, diags));
            }
        }
    }
}

/// Filled in by `resolve`.
pub(super) fn placeholder() -> Formula {
    Formula { expr: Expr { kind: ExprKind::Const(Decimal::ZERO), span: Span::default() }, unit: Unit::NONE }
}

fn compensation(c: &ast::Compensation, out: &mut Assignment, year: i32, diags: &mut Diagnostics) {
    let valid = c.validity.as_ref().and_then(|v| validity(v, year, diags));
    let first = match c.kind {
        ast::CompensationKind::Fixed => &mut out.fixed_validity,
        ast::CompensationKind::Variable => &mut out.variable_validity,
    };
    if (c.kind == ast::CompensationKind::Fixed && out.fixed.is_none())
        || (c.kind == ast::CompensationKind::Variable && out.variable.is_none())
    {
        *first = valid;
    }
    let slot = match c.kind {
        ast::CompensationKind::Fixed => &mut out.fixed,
        ast::CompensationKind::Variable => &mut out.variable,
    };
    if slot.is_some() {
        let kind = if c.kind == ast::CompensationKind::Fixed { Figure::Fixed } else { Figure::Variable };
        let field = format!("ersättning {kind}");
        diags.push(Diagnostic::error(c.span, tr!("check-given-twice", field = field)).with_hint(tr!("check-hint-one-formula")));
    }
    *slot = Some(placeholder());
}

fn key_figure(k: &ast::KeyFigure, year: i32, diags: &mut Diagnostics) -> KeyFigure {
    let mut kf = KeyFigure {
        id: k.id.name.clone(),
        name: k.name.value.clone(),
        formula: placeholder(),
        interval: Interval::Årsvis,
        recipient: String::new(),
        responsible: String::new(),
        from_year: year,
        target: None,
        per_part: false,
        impact: None,
        span: k.span,
        series: vec![],
        aggregation_written: None,
        annualised_written: None,
        plausible: None,
    };
    let mut seen: Vec<(&'static str, Span)> = vec![];
    for item in &k.items {
        if let KeyFigureItem::Series(series, span) = item {
            kf_series(k, series, *span, &mut kf, diags);
            continue;
        }
        let field = kf_field(item);
        if let Some((_, first)) = seen.iter().find(|(f, _)| *f == field) {
            diags.push(
                Diagnostic::error(item.span(), tr!("check-given-twice-in", field = field, owner = k.id.name.as_str()))
                    .with_note(*first, tr!("check-first-given-here")),
            );
            continue;
        }
        seen.push((field, item.span()));
        kf_item(item, &mut kf, diags);
    }
    for required in ["värde", "intervall", "mottagare", "ansvarig"] {
        if !seen.iter().any(|(f, _)| *f == required) {
            diags.push(
                Diagnostic::error(k.id.span, tr!("check-key-figure-missing", name = k.id.name.as_str(), field = required))
                    .with_hint(tr!("check-hint-add", code = kf_example(required))),
            );
        }
    }
    kf
}

/// A line that gives a key figure its missing `field`, in backticks.
fn kf_example(field: &str) -> String {
    match field {
        "värde" => "`värde = kostnad / budget(platser)`".into(),
        "intervall" => one_of(&Interval::KEYWORDS.map(|(_, k)| format!("`intervall {k}`"))),
        "mottagare" => "`mottagare \"Nämnd\"`".into(),
        _ => "`ansvarig \"SoF\"`".into(),
    }
}

fn kf_field(item: &KeyFigureItem) -> &'static str {
    match item {
        KeyFigureItem::Value(..) => "värde",
        KeyFigureItem::Interval(..) => "intervall",
        KeyFigureItem::Recipient(..) => "mottagare",
        KeyFigureItem::Responsible(..) => "ansvarig",
        KeyFigureItem::From(..) => "från",
        KeyFigureItem::Target(..) => "mål",
        KeyFigureItem::PerPart(..) => "per del",
        KeyFigureItem::Impact(..) => "påverkan",
        KeyFigureItem::Series(..) => "serie",
        KeyFigureItem::Aggregation(..) => "aggregering",
        KeyFigureItem::Annualised(..) => "helårsomräknad",
        KeyFigureItem::Plausible(..) => "rimligt",
    }
}

/// A series of key figure `k`: its id once per figure, its formula filled in by `resolve`.
fn kf_series(k: &ast::KeyFigure, s: &ast::Series, span: Span, kf: &mut KeyFigure, diags: &mut Diagnostics) {
    if let Some(first) = kf.series.iter().find(|x| x.id == s.id.name) {
        let message = tr!("kf-series-twice", series = s.id.name.as_str(), name = k.id.name.as_str());
        diags.push(
            Diagnostic::error(s.id.span, message)
                .with_note(first.span, tr!("check-first-given-here"))
                .with_hint(tr!("kf-hint-series-twice")),
        );
        return;
    }
    kf.series.push(Series { id: s.id.name.clone(), name: s.name.value.clone(), formula: placeholder(), span });
}

/// `aggregering word`: one of the vocabulary's words, or an error with the nearest.
fn kf_aggregation(word: &ast::Ident, diags: &mut Diagnostics) -> Option<Aggregation> {
    let found = Aggregation::from_keyword(&word.name);
    if found.is_none() {
        let known = Aggregation::KEYWORDS.map(|(_, k)| k);
        let hint = did_you_mean(&word.name, known)
            .unwrap_or_else(|| tr!("check-write", code = one_of(&known.map(|k| format!("`aggregering {k}`")))));
        diags.push(Diagnostic::error(word.span, tr!("kf-unknown-aggregation", word = word.name.as_str())).with_hint(hint));
    }
    found
}

fn kf_item(item: &KeyFigureItem, kf: &mut KeyFigure, diags: &mut Diagnostics) {
    match item {
        KeyFigureItem::Value(..) => {}
        KeyFigureItem::Interval(i, _) => kf.interval = *i,
        KeyFigureItem::Recipient(s, _) => kf.recipient = s.value.clone(),
        KeyFigureItem::Responsible(s, _) => kf.responsible = s.value.clone(),
        KeyFigureItem::From(y, span) => {
            if !(2000..=2100).contains(y) {
                diags.push(Diagnostic::error(*span, tr!("check-not-plausible-year", year = y.to_string())));
            }
            kf.from_year = *y;
        }
        KeyFigureItem::Target(t, _) => kf.target = Some(target(t, diags)),
        KeyFigureItem::PerPart(_) => kf.per_part = true,
        KeyFigureItem::Impact(s, _) => kf.impact = Some(s.value.clone()),
        KeyFigureItem::Series(..) => {}
        KeyFigureItem::Aggregation(word, _) => kf.aggregation_written = kf_aggregation(word, diags),
        KeyFigureItem::Annualised(yes, _) => kf.annualised_written = Some(*yes),
        KeyFigureItem::Plausible(low, high, span) => kf.plausible = Some(plausible(low, high, *span, diags)),
    }
}

fn target(t: &ast::Target, diags: &mut Diagnostics) -> Target {
    match t {
        ast::Target::AtLeast(q) => Target::AtLeast(quantity(q, diags).0),
        ast::Target::AtMost(q) => Target::AtMost(quantity(q, diags).0),
        ast::Target::Between(a, b) => {
            let (lo, hi) = (quantity(a, diags).0, quantity(b, diags).0);
            if lo > hi {
                diags.push(Diagnostic::error(a.span.to(b.span), tr!("check-target-range-empty")).with_hint(tr!("check-hint-target-range")));
            }
            Target::Between(lo, hi)
        }
    }
}

/// `rimligt låg till hög`: the range, or an error when it is empty.
fn plausible(low: &ast::Quantity, high: &ast::Quantity, span: Span, diags: &mut Diagnostics) -> Plausible {
    let (lo, hi) = (quantity(low, diags).0, quantity(high, diags).0);
    if lo > hi {
        diags.push(Diagnostic::error(low.span.to(high.span), tr!("whatif-plausible-empty")).with_hint(tr!("whatif-hint-plausible-empty")));
    }
    Plausible { low: lo, high: hi, span }
}

fn change(c: &ast::Change, year: i32, diags: &mut Diagnostics) -> Option<Change> {
    let mut kind = None;
    let mut from = None;
    let mut to = None;
    let mut decision = None;
    let mut report = None;
    let mut report_due = None;
    let mut codes = vec![];
    let mut has_amount = false;
    for item in &c.items {
        match item {
            ChangeItem::Kind(k, _) => kind = Some(*k),
            ChangeItem::Amount(..) => has_amount = true,
            ChangeItem::From(m, _) => from = Some(*m),
            ChangeItem::To(m, _) => to = Some(*m),
            ChangeItem::Decision(d, _) => {
                date_ok(&d.date, diags);
                let dnr = d.dnr.as_ref().map(|s| s.value.clone());
                decision = Some(ChangeDecision { board: d.board.value.clone(), date: d.date.value.clone(), dnr });
            }
            ChangeItem::Report(s, due, _) => {
                report = Some(s.value.clone());
                report_due = due.as_ref().inspect(|d| date_ok(d, diags)).map(|d| d.value.clone());
            }
            ChangeItem::Ids(ids, _) => codes.extend(super::codes::patterns(ids, diags)),
        }
    }
    let missing: Vec<&str> =
        [("typ", kind.is_some()), ("belopp", has_amount), ("från", from.is_some())].iter().filter(|(_, ok)| !ok).map(|(f, _)| *f).collect();
    if !missing.is_empty() {
        let fields = missing.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ");
        let message = tr!("check-change-missing", name = c.id.name.as_str(), fields = fields);
        diags.push(Diagnostic::error(c.id.span, message).with_hint(tr!("check-hint-change-needs")));
        return None;
    }
    let from = from?;
    if valid_month(&from, diags) && from.year != year && year != 0 {
        diags.push(
            Diagnostic::error(from.span, tr!("check-change-other-year", start = from.year.to_string(), year = year.to_string()))
                .with_hint(tr!("check-hint-change-year", year = year.to_string())),
        );
    }
    let mut to_month = 12;
    if let Some(to) = to {
        let months = ast::Validity { from: Some(from), to: Some(to), span: to.span };
        // Reported by the `från` check above when `från` alone is wrong.
        let from_ok = (1..=12).contains(&from.month) && (from.year == year || year == 0);
        if from_ok {
            to_month = validity(&months, year, diags).map_or(12, |v| v.to);
        } else if valid_month(&to, diags) {
            to_month = to.month;
        }
    }
    Some(Change {
        id: c.id.name.clone(),
        name: c.name.value.clone(),
        kind: kind?,
        amount: placeholder(),
        from_month: from.month,
        to_month,
        decision,
        report,
        report_due,
        codes,
        span: c.span,
    })
}

/// Reports a `YYYY-MM-DD` that is not a calendar date.
fn date_ok(d: &ast::Located<String>, diags: &mut Diagnostics) {
    if let Err(hint) = super::header::check_date(&d.value) {
        diags.push(Diagnostic::error(d.span, tr!("check-not-a-date", date = d.value.as_str())).with_hint(hint));
    }
}

/// Whether a month written `YYYY-MM` has a month 01–12; reports it if not.
pub(super) fn valid_month(m: &ast::Month, diags: &mut Diagnostics) -> bool {
    let ok = (1..=12).contains(&m.month);
    if !ok {
        let month = format!("{:04}-{:02}", m.year, m.month);
        diags.push(Diagnostic::error(m.span, tr!("check-not-a-month", month = month)).with_hint(tr!("check-hint-months")));
    }
    ok
}
