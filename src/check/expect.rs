//! `förvänta` blocks: every line names what exists, in a unit that fits.
//!
//! - `budget uppdrag[.del].mått = q` and `volym YYYY-MM uppdrag[.del].mått = q`:
//!   an assignment, one of its parts, a measure of the line's kind; `q` in the
//!   measure's unit, or a bare number read in that unit (as the workbook holds it).
//! - `utfall YYYY-MM ID = q`: `q` in kronor.
//! - `uppdrag.figur[YYYY-MM] = q ± tol`: `figur` is an amount (`fast`, `rörlig`,
//!   `förändringar`, `ersättning`, `överföring`, `kostnad`, `resultat`: in kronor,
//!   for the year or, with a month, for that month; `överföring` needs the month;
//!   `uppdrag.kostnad.del` is one part's cost, `uppdrag.kostnad.id` one level-3
//!   activity's and `uppdrag.kostnad.övrigt` the rest's) or a key figure, in its unit (a
//!   dimensionless one also in `%`). A key figure `per del` is named with its part,
//!   `uppdrag.figur.del`, since the report has no total for it; a series after it,
//!   `uppdrag.figur.serie` or `uppdrag.figur.del.serie`. The month goes with the
//!   interval: any month (or none, the year's accumulated value) for `månadsvis`,
//!   03, 08 or 12 (or none, the year) for `delår`, none for `årsvis`.
//!
//! Months are months of the file's year. What the figures come out as is for
//! `ekostyr test` to compare.

use super::collect::valid_month;
use crate::diagnostic::{Diagnostic, Diagnostics, did_you_mean, one_of};
use crate::model::{Assignment, AssignmentId, Interval, KeyFigure, MeasureKind, Model, negative_quantity};
use crate::syntax::ast::{self, ExpectItem, Ident, Month, Quantity, UnitText};
use crate::tr;
use crate::units::Unit;
use crate::vocab::{Figure, POOLED, POOLED_FIGURES, POOLED_TOTAL};

/// Checks every line of every `förvänta` block. The units of the key figures in
/// `unknown_units` (assignment, id) are not known after an error, so values of
/// theirs are not checked.
pub(super) fn check(file: &ast::File, model: &Model, unknown_units: &[(AssignmentId, String)], diags: &mut Diagnostics) {
    let mut cx = Cx { model, unknown_units, diags };
    for block in ast::expectations(file) {
        for item in &block.items {
            cx.item(item);
        }
    }
}

struct Cx<'a> {
    model: &'a Model,
    unknown_units: &'a [(AssignmentId, String)],
    diags: &'a mut Diagnostics,
}

impl<'a> Cx<'a> {
    fn item(&mut self, item: &ExpectItem) {
        match item {
            ExpectItem::Input(..) => {}
            ExpectItem::Budget(path, q, _) => self.measure_line(MeasureKind::Budget, path, q),
            ExpectItem::Volume(m, path, q, _) => {
                self.month(m);
                self.measure_line(MeasureKind::Volume, path, q);
            }
            ExpectItem::Ledger(m, _, q, _) => {
                self.month(m);
                self.unit(q, Unit::kr(), false, &|| tr!("check-hint-ledger-kronor"));
            }
            ExpectItem::Value { path, month, expected, tolerance, .. } => {
                self.value_line(path, month.as_ref(), expected, tolerance.as_ref())
            }
        }
    }

    /// A month of the file's year.
    fn month(&mut self, m: &Month) -> bool {
        let year = self.model.header.year;
        if !valid_month(m, self.diags) {
            return false;
        }
        // (Without `år`, the header's error says so; there is no year to compare with.)
        if m.year != year && year != 0 {
            let written = format!("{:04}-{:02}", m.year, m.month);
            let d = Diagnostic::error(m.span, tr!("check-month-not-of-year", month = written, year = year.to_string()));
            let hint = tr!("check-hint-expectation-year", year = year.to_string(), month = format!("{year}-{:02}", m.month));
            self.diags.push(d.with_hint(hint));
            return false;
        }
        true
    }

    /// `uppdrag[.del].mått = q`
    fn measure_line(&mut self, kind: MeasureKind, path: &[Ident], q: &Quantity) {
        let (a, part, m) = match path {
            [a, m] => (a, None, m),
            [a, p, m] => (a, Some(p), m),
            _ => return self.bad_path(path, &tr!("check-write", code = one_of(&["`uppdrag.mått`".into(), "`uppdrag.del.mått`".into()]))),
        };
        if let Some((_, asg)) = self.assignment(a)
            && let Some(p) = part
        {
            self.part(asg, p);
        }
        let Some((_, measure)) = self.model.measure(&m.name) else {
            let hint = did_you_mean(&m.name, self.model.measures.iter().map(|m| m.name.as_str()));
            self.diags.push(Diagnostic::error(m.span, tr!("check-unknown-measure", name = m.name.as_str())).with_hint_opt(hint));
            return;
        };
        if measure.kind != kind {
            let (is, hint) = match kind {
                MeasureKind::Budget => ("volym", tr!("check-hint-volume-line", path = names(path))),
                MeasureKind::Volume => ("budget", tr!("check-hint-budget-line", path = names(path))),
            };
            let d = Diagnostic::error(m.span, tr!("check-wrong-measure-kind", name = measure.name.as_str(), kind = is)).with_hint(hint);
            self.diags.push(d);
        }
        // The same rule as for the workbook's cells (`eval::data`): no negative quantity
        // unless the measure is declared signed.
        if q.number.is_sign_negative() && !q.number.is_zero() && !measure.signed {
            let (message, hint) = negative_quantity(measure.kind, &measure.name, q.number);
            self.diags.push(Diagnostic::error(q.span, message).with_hint(hint));
        }
        let hint = || tr!("check-measure-in", name = measure.name.as_str(), unit = measure.unit.to_string());
        self.unit(q, measure.unit, true, &hint);
    }

    /// `uppdrag.figur[månad] = q ± tol`
    fn value_line(&mut self, path: &[Ident], month: Option<&Month>, q: &Quantity, tol: Option<&Quantity>) {
        let month = month.filter(|m| self.month(m));
        let [a, figure, rest @ ..] = path else { return self.bad_path(path, &tr!("check-write", code = "`uppdrag.figur`")) };
        if a.name == POOLED && self.model.assignment(POOLED).is_none() {
            return self.pooled(path, month, q, tol);
        }
        let Some((ai, asg)) = self.assignment(a) else { return };
        if let Some(amount) = Figure::parse(&figure.name) {
            return self.amount(asg, amount, figure, rest, month, q, tol);
        }
        let Some(kf) = asg.key_figures.iter().find(|k| k.id == figure.name) else {
            let mut known: Vec<&str> = Figure::names().collect();
            known.extend(asg.key_figures.iter().map(|k| k.id.as_str()));
            let message = tr!("check-no-figure", assignment = asg.id.as_str(), name = figure.name.as_str());
            let d = Diagnostic::error(figure.span, message);
            self.diags.push(d.with_hint_opt(did_you_mean(&figure.name, known)));
            return;
        };
        // `figur.serie`, `figur.del.serie`: a series after the figure (and its part).
        let rest = match rest.split_last() {
            Some((last, init)) if rest.len() == usize::from(kf.per_part) + 1 && !kf.series.is_empty() => {
                if !kf.series.iter().any(|s| s.id == last.name) {
                    let message = tr!("kf-no-series", name = kf.id.as_str(), series = last.name.as_str());
                    let known: Vec<String> = kf.series.iter().map(|s| format!("`{}`", s.id)).collect();
                    let hint = did_you_mean(&last.name, kf.series.iter().map(|s| s.id.as_str()))
                        .unwrap_or_else(|| tr!("kf-hint-series-are", series = known.join(", ")));
                    self.diags.push(Diagnostic::error(last.span, message).with_hint(hint));
                }
                init
            }
            _ => rest,
        };
        self.key_figure_part(asg, kf, figure, rest);
        self.interval(kf, figure, month);
        if self.unknown_units.iter().any(|(a, id)| *a == ai && *id == kf.id) {
            return;
        }
        let hint = || match kf.formula.unit {
            u if u.is_none() => tr!("check-hint-plain-key-figure", name = kf.id.as_str()),
            u if u.is_per_day() => tr!("kf-hint-per-day"),
            u => tr!("check-key-figure-in", name = kf.id.as_str(), unit = u.to_string()),
        };
        for q in std::iter::once(q).chain(tol) {
            self.unit(q, kf.formula.unit, false, &hint);
        }
    }

    /// `fast`, `kostnad`, …: in kronor; only `kostnad` has parts; `överföring` is a month's.
    #[expect(clippy::too_many_arguments, reason = "one expectation line's parts, each checked here")]
    fn amount(
        &mut self,
        asg: &Assignment,
        amount: Figure,
        figure: &Ident,
        rest: &[Ident],
        month: Option<&Month>,
        q: &Quantity,
        tol: Option<&Quantity>,
    ) {
        match rest {
            [] => {}
            // `uppdrag.kostnad.centrum`: a level-3 activity by its id (a part's id first).
            [p] if amount == Figure::Cost && !asg.parts.iter().any(|x| x.id == p.name) && is_activity(asg, &p.name) => {}
            [p] if amount == Figure::Cost => self.part(asg, p),
            // A part's compensation and result are the year's (or the period's) only.
            [p] if matches!(amount, Figure::Compensation | Figure::Result) => {
                self.part(asg, p);
                if let Some(m) = month {
                    let d = Diagnostic::error(m.span, tr!("params-part-figure-no-month", name = amount.name()));
                    self.diags.push(d.with_hint(tr!("check-write", code = format!("`{}.{amount}.{}`", asg.id, p.name))));
                }
            }
            [p, ..] => {
                let d = Diagnostic::error(p.span, tr!("check-not-per-part", name = amount.name()));
                let hint = match amount {
                    Figure::Cost | Figure::Compensation | Figure::Result => {
                        tr!("check-write", code = format!("`uppdrag.{amount}.del`"))
                    }
                    _ => tr!("params-hint-figures-per-part"),
                };
                self.diags.push(d.with_hint(hint));
            }
        }
        if amount.needs_month() && month.is_none() {
            let year = self.model.header.year;
            let d = Diagnostic::error(figure.span, tr!("check-transfer-needs-month", name = amount.name()));
            self.diags.push(d.with_hint(tr!("check-write", code = format!("`{}.{amount}[{year}-07]`", asg.id))));
        }
        for q in std::iter::once(q).chain(tol) {
            self.unit(q, Unit::kr(), false, &|| tr!("check-hint-amount-kronor"));
        }
    }

    /// A key figure `per del` takes a part; any other none.
    fn key_figure_part(&mut self, asg: &Assignment, kf: &KeyFigure, figure: &Ident, rest: &[Ident]) {
        match (kf.per_part, rest) {
            (true, [p]) => self.part(asg, p),
            (true, []) => {
                let d = Diagnostic::error(figure.span, tr!("check-per-part", name = kf.id.as_str()));
                let part = asg.parts.first().map(|p| p.id.as_str()).unwrap_or("del");
                self.diags.push(d.with_hint(tr!("check-write", code = format!("`{}.{}.{part}`", asg.id, kf.id))));
            }
            (false, [p, ..]) => {
                let d = Diagnostic::error(p.span, tr!("check-not-per-part", name = kf.id.as_str()));
                self.diags.push(d.with_hint(tr!("check-write", code = format!("`{}.{}`", asg.id, kf.id))));
            }
            (true, [p, extra, ..]) => {
                let d = Diagnostic::error(extra.span, tr!("check-one-part-only", name = kf.id.as_str()));
                self.diags.push(d.with_hint(tr!("check-write", code = format!("`{}.{}.{}`", asg.id, kf.id, p.name))));
            }
            (false, []) => {}
        }
    }

    /// The month a key figure is reported for.
    /// A `månadsvis` figure without a month is its accumulated value for the year.
    fn interval(&mut self, kf: &KeyFigure, _figure: &Ident, month: Option<&Month>) {
        let year = self.model.header.year;
        let d = match (kf.interval, month) {
            (Interval::Delår, Some(m)) if ![3, 8, 12].contains(&m.month) => {
                let months: Vec<String> = [3, 8, 12].iter().map(|m| format!("`[{year}-{m:02}]`")).collect();
                Diagnostic::error(m.span, tr!("check-delar-months", name = kf.id.as_str()))
                    .with_hint(tr!("check-write", code = one_of(&months)))
            }
            (Interval::Årsvis, Some(m)) => {
                Diagnostic::error(m.span, tr!("check-yearly-no-month", name = kf.id.as_str())).with_hint(tr!("check-hint-leave-out-month"))
            }
            _ => return,
        };
        self.diags.push(d);
    }

    /// Whether `q` is in `unit`; `bare` allows a number without a unit, read in
    /// `unit`. A dimensionless unit also takes `%`.
    /// `hint` is made only for a diagnostic.
    fn unit(&mut self, q: &Quantity, unit: Unit, bare: bool, hint: &dyn Fn() -> String) {
        let (_, written) = match super::literal(q) {
            Ok(x) => x,
            Err(e) => return self.diags.push(Diagnostic::error(q.span, e)),
        };
        let fits = match &q.unit {
            None => bare || unit.is_none(),
            Some(UnitText::Percent) => unit.is_none(),
            Some(_) => written == unit,
        };
        if !fits {
            let what = match &q.unit {
                None => tr!("check-plain-number"),
                Some(UnitText::Percent) => tr!("check-a-percentage"),
                Some(_) => tr!("check-in-unit", unit = written.to_string()),
            };
            let d = Diagnostic::error(q.span, tr!("check-value-unit", written = what, wanted = describe(unit)));
            self.diags.push(d.with_hint(hint()));
        }
    }

    /// `samlat.ÄN.resultat`, `samlat.totalt.ersättning`: the pooled result of a nämnd
    /// or of all assignments, for the year, in kronor.
    fn pooled(&mut self, path: &[Ident], month: Option<&Month>, q: &Quantity, tol: Option<&Quantity>) {
        let [_, board, figure] = path else {
            return self.bad_path(path, &tr!("check-write", code = "`samlat.ÄN.resultat`"));
        };
        let model = self.model;
        let mut boards: Vec<&str> = model.assignments.iter().map(|a| a.board.0.as_str()).collect();
        boards.dedup();
        if board.name != POOLED_TOTAL && !boards.contains(&board.name.as_str()) {
            let hint = did_you_mean(&board.name, boards.iter().copied().chain([POOLED_TOTAL]));
            let d = Diagnostic::error(board.span, tr!("params-expect-no-board", name = board.name.as_str()));
            self.diags.push(d.with_hint(hint.unwrap_or_else(|| tr!("params-expect-boards-are", boards = boards.join(", ")))));
        }
        if !POOLED_FIGURES.contains(&figure.name.as_str()) {
            let hint = did_you_mean(&figure.name, POOLED_FIGURES);
            let d = Diagnostic::error(figure.span, tr!("params-expect-pooled-figure", name = figure.name.as_str()));
            self.diags.push(d.with_hint_opt(hint));
        }
        if let Some(m) = month {
            self.diags.push(Diagnostic::error(m.span, tr!("params-expect-pooled-month")).with_hint(tr!("params-expect-pooled-month-hint")));
        }
        let hint = || tr!("check-write", code = "`samlat.ÄN.resultat = -1 250 000 kr`");
        for q in std::iter::once(q).chain(tol) {
            self.unit(q, Unit::kr(), false, &hint);
        }
    }

    fn assignment(&mut self, a: &Ident) -> Option<(AssignmentId, &'a Assignment)> {
        let model = self.model;
        let found = model.assignment(&a.name);
        if found.is_none() {
            let hint = did_you_mean(&a.name, model.assignments.iter().map(|x| x.id.as_str()));
            self.diags.push(Diagnostic::error(a.span, tr!("check-unknown-assignment", name = a.name.as_str())).with_hint_opt(hint));
        }
        found
    }

    fn part(&mut self, asg: &Assignment, p: &Ident) {
        if !asg.parts.iter().any(|x| x.id == p.name) {
            // Level-3 activity ids are named by `uppdrag.kostnad.id` too.
            let activities = asg.activities.iter().filter_map(|x| x.id.as_deref());
            let hint = did_you_mean(&p.name, asg.parts.iter().map(|x| x.id.as_str()).chain(activities));
            let parts: Vec<String> = asg.parts.iter().map(|x| format!("`{}`", x.id)).collect();
            let hint = hint.unwrap_or_else(|| match parts.is_empty() {
                true => tr!("check-hint-no-parts", assignment = asg.id.as_str()),
                false => tr!("check-hint-parts-are", assignment = asg.id.as_str(), parts = parts.join(", ")),
            });
            let d = Diagnostic::error(p.span, tr!("check-not-a-part-of", name = p.name.as_str(), assignment = asg.id.as_str()));
            self.diags.push(d.with_hint(hint));
        }
    }

    fn bad_path(&mut self, path: &[Ident], hint: &str) {
        let span = match (path.first(), path.last()) {
            (Some(first), Some(last)) => first.span.to(last.span),
            _ => return,
        };
        self.diags.push(Diagnostic::error(span, tr!("check-not-a-value", path = names(path))).with_hint(hint));
    }
}

/// `a.b.c` as written.
/// Whether `name` is the id of one of the assignment's level-3 activities, or `övrigt`
/// (the rest) when it declares any.
fn is_activity(asg: &Assignment, name: &str) -> bool {
    asg.activities.iter().any(|x| x.id.as_deref() == Some(name)) || (!asg.activities.is_empty() && name == crate::model::LEVEL3_OTHER)
}

fn names(path: &[Ident]) -> String {
    path.iter().map(|i| i.name.as_str()).collect::<Vec<_>>().join(".")
}

/// "in `kr/plats`", or "a plain number or a percentage" for a dimensionless unit.
fn describe(u: Unit) -> String {
    if u.is_none() { tr!("check-plain-number-or-percentage") } else { tr!("check-in-unit", unit = u.to_string()) }
}
