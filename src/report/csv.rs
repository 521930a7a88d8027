//! The CSV report: every view in one table, told apart by the first column, `view`.
//!
//! One header row with the union of the views' columns; a row fills only the
//! columns of its view and leaves the others empty. Views, in order:
//!
//! | `view` | columns filled |
//! |---|---|
//! | `transfer` | assignment, period (`2023-01`), fixed, variable, changes, compensation |
//! | `assignment` | assignment, name, board, care_form, fixed, variable, changes, compensation, cost, result, forecast_* (year to date) |
//! | `activity` | assignment, name (the activity), cost |
//! | `key_figure` | assignment, id, name, interval, period, value (empty for `i.u.`), unit, target_min, target_max, status, note |
//! | `change` | assignment, id, name, period (`2024-07..2024-12`), changes (the whole amount), note (the återrapportering with its due date) |
//! | `key_figure_series` | assignment, id (`figur.serie`), name, interval, period, value, unit |
//! | `level1` | board, care_form, compensation, cost, result |
//! | `part` | assignment, id (the part; empty for what belongs to no part), name, compensation, cost, result |
//! | `pooled` | board, compensation, cost, result |
//! | `pooled_total` | compensation, cost, result |
//! | `decision` | name (the board), period (the date), id (the dnr; empty when not given), note (what it is about) |
//! | `level3` | assignment, id (the activity's, `övrigt` for the rest), name, cost |
//! | `change_ledger` | assignment, id (the change), cost of its own codes |
//! | `out_of_scope` | name (the `utanför` unit), count, sum |
//! | `view_id`, `view_komplement` | assignment (empty for the rows `code` `unmapped`, `out_of_scope`), code, count, sum |
//! | `disagreement` | code (`id/komplement`), assignment (by ID code), name (by komplement code), count, sum |
//! | `unmapped` | code, count, sum |
//! | `unmapped_total` | count, sum (always present, zero when nothing is unmapped) |
//! | `provenance` | id (the key: `engine`, `title`, `year`, `version`, `rule_file`, `rule_version`, `rule_sha256`, `input_file`, `input_sha256`, `period`, `override`), value |
//! | `what_if` | (with `--set`) each moved figure three times, `status` `baseline`, `what_if` and `change`: assignment (or board, or neither for the total), id (`compensation.total`, `result`, `forecast.result`, a key figure's id), period (a key figure's), value (money with two decimals; a key figure as shown, its change in procentenheter for `%`), unit |
//!
//! Boards and care forms are ids. Machine-oriented: English column names and words
//! (`interval` as written in the rules, `status` as in the JSON: `met`, `not_met`,
//! `no_target`, `not_available`) whatever the language, notes in the report's language; `,` separates fields, `.` is
//! the decimal point, decimals are printed exactly (money with two decimals), UTF-8,
//! `\n` ends a line, quoting after RFC 4180.

use super::json::status_name;
use super::number::scaled_target;
use crate::eval::results::*;
use crate::i18n::Lang;
use crate::model::Target;
use rust_decimal::Decimal;

/// A column of the CSV.
// INVARIANT: declared in the order of `COLUMNS`, so `col as usize` is its position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    View,
    Assignment,
    Board,
    CareForm,
    Period,
    Id,
    Code,
    Name,
    Interval,
    Fixed,
    Variable,
    Changes,
    Compensation,
    Cost,
    Result,
    ForecastCompensation,
    ForecastCost,
    ForecastResult,
    Value,
    Unit,
    TargetMin,
    TargetMax,
    Status,
    Note,
    Count,
    Sum,
}

/// The columns, in file order.
const COLUMNS: [Col; 26] = {
    use Col::*;
    [
        View,
        Assignment,
        Board,
        CareForm,
        Period,
        Id,
        Code,
        Name,
        Interval,
        Fixed,
        Variable,
        Changes,
        Compensation,
        Cost,
        Result,
        ForecastCompensation,
        ForecastCost,
        ForecastResult,
        Value,
        Unit,
        TargetMin,
        TargetMax,
        Status,
        Note,
        Count,
        Sum,
    ]
};

impl Col {
    fn name(self) -> &'static str {
        match self {
            Col::View => "view",
            Col::Assignment => "assignment",
            Col::Board => "board",
            Col::CareForm => "care_form",
            Col::Period => "period",
            Col::Id => "id",
            Col::Code => "code",
            Col::Name => "name",
            Col::Interval => "interval",
            Col::Fixed => "fixed",
            Col::Variable => "variable",
            Col::Changes => "changes",
            Col::Compensation => "compensation",
            Col::Cost => "cost",
            Col::Result => "result",
            Col::ForecastCompensation => "forecast_compensation",
            Col::ForecastCost => "forecast_cost",
            Col::ForecastResult => "forecast_result",
            Col::Value => "value",
            Col::Unit => "unit",
            Col::TargetMin => "target_min",
            Col::TargetMax => "target_max",
            Col::Status => "status",
            Col::Note => "note",
            Col::Count => "count",
            Col::Sum => "sum",
        }
    }
}

/// One row: the view and the columns it fills.
type Row = Vec<(Col, String)>;

/// Renders the report as one CSV table; columns and machine words are English
/// whatever `lang` is, notes and the catch-all activity are in words of `lang`.
pub fn render(report: &Report, lang: Lang) -> Result<Vec<u8>, String> {
    let mut out = ::csv::Writer::from_writer(Vec::new());
    out.write_record(COLUMNS.map(Col::name)).map_err(fail)?;
    for row in rows(report, lang) {
        out.write_record(record(row)).map_err(fail)?;
    }
    out.into_inner().map_err(|e| fail(e.into_error().into()))
}

fn fail(e: ::csv::Error) -> String {
    crate::tr!("report-csv-failed", reason = e.to_string())
}

/// A row spread over all columns, empty where the view has nothing.
fn record(row: Row) -> Vec<String> {
    let mut fields = vec![String::new(); COLUMNS.len()];
    for (col, value) in row {
        fields[col as usize] = value;
    }
    fields
}

fn rows(r: &Report, lang: Lang) -> Vec<Row> {
    let mut out: Vec<Row> = vec![];
    for a in &r.assignments {
        out.extend(a.months.iter().map(|m| transfer(r, a, m)));
    }
    out.extend(r.assignments.iter().map(assignment));
    for a in &r.assignments {
        out.extend(a.activities.iter().map(|x| activity(a, &x.activity.describe(lang), x.cost)));
    }
    for a in &r.assignments {
        out.extend(a.key_figures.iter().flat_map(|k| std::iter::once(key_figure(a, k, lang)).chain(series(a, k))));
    }
    for a in &r.assignments {
        out.extend(a.mid_year_changes.iter().map(|c| change(a, c, lang)));
    }
    out.extend(r.level1.iter().map(level1));
    out.extend(parts_pooled_decisions(r, lang));
    out.extend(ledger_views(r, lang));
    out.extend(unmapped(&r.unmapped));
    out.extend(provenance(r));
    out.extend(what_if(r));
    out
}

/// The `what_if` view (issue 10, kept apart from the other views): each figure the
/// `--set`s move as three rows, its baseline, its what-if value and the change.
fn what_if(r: &Report) -> Vec<Row> {
    let Some(w) = &r.what_if else { return vec![] };
    let three = |who: Row, id: &str, period: &str, unit: &str, values: [Option<String>; 3]| -> Vec<Row> {
        let roles = ["baseline", "what_if", "change"];
        roles
            .iter()
            .zip(values)
            .map(|(role, v)| {
                let mut row = vec![(Col::View, "what_if".to_string())];
                row.extend(who.iter().cloned());
                row.extend([(Col::Id, id.to_string()), (Col::Period, period.to_string()), (Col::Unit, unit.to_string())]);
                row.extend([(Col::Value, v.unwrap_or_default()), (Col::Status, role.to_string())]);
                row
            })
            .collect()
    };
    let money3 = |c: &crate::eval::whatif::Change| [Some(money(c.baseline)), Some(money(c.value)), Some(money(c.change))];
    let mut out = vec![];
    for m in w.moved.iter().chain(&w.forecast) {
        out.extend(three(vec![(Col::Assignment, m.assignment.clone())], &m.figure, "", "kr", money3(&m.change)));
    }
    for k in &w.key_figures {
        let values = [k.baseline.clone(), k.value.clone(), k.change.clone()];
        out.extend(three(vec![(Col::Assignment, k.assignment.clone())], &k.figure, &k.period, &k.unit, values));
    }
    for b in &w.boards {
        out.extend(three(vec![(Col::Board, b.board.clone())], "compensation.total", "", "kr", money3(&b.change)));
    }
    out.extend(three(vec![], "compensation.total", "", "kr", money3(&w.total)));
    out
}

/// The `part`, `pooled`, `pooled_total` and `decision` views.
fn parts_pooled_decisions(r: &Report, lang: Lang) -> Vec<Row> {
    let mut out: Vec<Row> = vec![];
    for a in &r.assignments {
        for p in &a.parts {
            let name = if p.id.is_some() { p.name.clone() } else { crate::tr_in!(lang, "params-unsplit") };
            out.push(vec![
                (Col::View, "part".into()),
                (Col::Assignment, a.id.clone()),
                (Col::Id, p.id.clone().unwrap_or_default()),
                (Col::Name, name),
                (Col::Compensation, money(p.compensation)),
                (Col::Cost, money(p.cost)),
                (Col::Result, money(p.result)),
            ]);
        }
    }
    for b in &r.pooled.boards {
        out.push(vec![
            (Col::View, "pooled".into()),
            (Col::Board, b.board.0.clone()),
            (Col::Compensation, money(b.compensation)),
            (Col::Cost, money(b.cost)),
            (Col::Result, money(b.result)),
        ]);
    }
    let t = &r.pooled.total;
    out.push(vec![
        (Col::View, "pooled_total".into()),
        (Col::Compensation, money(t.compensation)),
        (Col::Cost, money(t.cost)),
        (Col::Result, money(t.result)),
    ]);
    for d in &r.decisions {
        out.push(vec![
            (Col::View, "decision".into()),
            (Col::Name, d.board.clone()),
            (Col::Period, d.date.clone()),
            (Col::Id, d.dnr.clone().unwrap_or_default()),
            (Col::Note, d.about.clone().unwrap_or_default()),
        ]);
    }
    out
}

/// Money with exactly two decimals.
fn money(d: Decimal) -> String {
    format!("{d:.2}")
}

fn amounts(c: &Compensation) -> [(Col, String); 4] {
    [
        (Col::Fixed, money(c.fixed)),
        (Col::Variable, money(c.variable)),
        (Col::Changes, money(c.changes)),
        (Col::Compensation, money(c.total)),
    ]
}

fn transfer(r: &Report, a: &AssignmentResult, m: &MonthLine) -> Row {
    let mut row =
        vec![(Col::View, "transfer".into()), (Col::Assignment, a.id.clone()), (Col::Period, format!("{}-{:02}", r.year, m.month))];
    row.extend(amounts(&m.amounts));
    row
}

fn assignment(a: &AssignmentResult) -> Row {
    let mut row = vec![
        (Col::View, "assignment".into()),
        (Col::Assignment, a.id.clone()),
        (Col::Name, a.name.clone()),
        (Col::Board, a.board.0.clone()),
        (Col::CareForm, a.care_form.0.clone()),
    ];
    row.extend(amounts(&a.compensation));
    row.extend([(Col::Cost, money(a.cost)), (Col::Result, money(a.result))]);
    if let Some(f) = &a.forecast {
        row.extend([
            (Col::ForecastCompensation, money(f.compensation.total)),
            (Col::ForecastCost, money(f.cost)),
            (Col::ForecastResult, money(f.result)),
        ]);
    }
    row
}

fn activity(a: &AssignmentResult, name: &str, cost: Decimal) -> Row {
    vec![(Col::View, "activity".into()), (Col::Assignment, a.id.clone()), (Col::Name, name.into()), (Col::Cost, money(cost))]
}

fn key_figure(a: &AssignmentResult, k: &KeyFigureResult, lang: Lang) -> Row {
    let (min, max) = target_bounds(k.target.map(|t| scaled_target(t, &k.unit)));
    vec![
        (Col::View, "key_figure".into()),
        (Col::Assignment, a.id.clone()),
        (Col::Id, k.id.clone()),
        (Col::Name, k.name.clone()),
        (Col::Interval, k.interval.keyword().into()),
        (Col::Period, k.period.clone()),
        (Col::Value, k.value.map(|v| format!("{:.2}", k.unit.shown(v))).unwrap_or_default()),
        (Col::Unit, k.unit.symbol().to_string()),
        (Col::TargetMin, min),
        (Col::TargetMax, max),
        (Col::Status, status_name(k.status).into()),
        (Col::Note, k.remarks(lang)),
    ]
}

/// A key figure's series: view `key_figure_series`, id `figur.serie`, its period, value and unit.
fn series<'a>(a: &'a AssignmentResult, k: &'a KeyFigureResult) -> impl Iterator<Item = Row> + 'a {
    k.series.iter().map(move |s| {
        vec![
            (Col::View, "key_figure_series".into()),
            (Col::Assignment, a.id.clone()),
            (Col::Id, format!("{}.{}", k.id, s.id)),
            (Col::Name, s.name.clone()),
            (Col::Interval, k.interval.keyword().into()),
            (Col::Period, k.period.clone()),
            (Col::Value, s.value.map(|v| format!("{:.2}", k.unit.shown(v))).unwrap_or_default()),
            (Col::Unit, k.unit.symbol().to_string()),
        ]
    })
}

/// The target as bounds in display units, empty where open.
fn target_bounds(t: Option<Target>) -> (String, String) {
    let n = |d: Decimal| d.normalize().to_string();
    match t {
        None => (String::new(), String::new()),
        Some(Target::AtLeast(x)) => (n(x), String::new()),
        Some(Target::AtMost(x)) => (String::new(), n(x)),
        Some(Target::Between(a, b)) => (n(a), n(b)),
    }
}

/// A mid-year change; its kind and decision are in the JSON report.
fn change(a: &AssignmentResult, c: &ChangeResult, lang: Lang) -> Row {
    let report = c.report.as_ref().map(|r| match &r.due {
        Some(due) => crate::tr_in!(lang, "validity-report-due", text = r.text.as_str(), due = due.as_str()),
        None => r.text.clone(),
    });
    vec![
        (Col::View, "change".into()),
        (Col::Assignment, a.id.clone()),
        (Col::Id, c.id.clone()),
        (Col::Name, c.name.clone()),
        (Col::Period, format!("{}..{}", c.from, c.to)),
        (Col::Changes, money(c.amount)),
        (Col::Note, report.unwrap_or_default()),
    ]
}

fn level1(x: &Level1) -> Row {
    vec![
        (Col::View, "level1".into()),
        (Col::Board, x.board.0.clone()),
        (Col::CareForm, x.care_form.0.clone()),
        (Col::Compensation, money(x.compensation)),
        (Col::Cost, money(x.cost)),
        (Col::Result, money(x.result)),
    ]
}

/// Nivå 3, changes' own codes, `utanför` units and the two views.
fn ledger_views(r: &Report, lang: Lang) -> Vec<Row> {
    let mut out: Vec<Row> = vec![];
    for a in &r.assignments {
        out.extend(a.level3.iter().map(|x| {
            let id = x.id.clone().unwrap_or_default();
            vec![
                (Col::View, "level3".into()),
                (Col::Assignment, a.id.clone()),
                (Col::Id, id),
                (Col::Name, x.name.describe(lang)),
                (Col::Cost, money(x.cost)),
            ]
        }));
        out.extend(a.change_ledger.iter().map(|c| {
            vec![(Col::View, "change_ledger".into()), (Col::Assignment, a.id.clone()), (Col::Id, c.id.clone()), (Col::Cost, money(c.cost))]
        }));
    }
    out.extend(r.out_of_scope.units.iter().map(|u| {
        vec![(Col::View, "out_of_scope".into()), (Col::Name, u.name.clone()), (Col::Count, u.count.to_string()), (Col::Sum, money(u.sum))]
    }));
    let Some(v) = &r.views else { return out };
    for (name, view) in [("view_id", &v.id), ("view_komplement", &v.komplement)] {
        out.extend(
            view.assignments.iter().map(|s| vec![(Col::View, name.into()), (Col::Assignment, s.id.clone()), (Col::Sum, money(s.sum))]),
        );
        for (code, c) in [("unmapped", view.unmapped), ("out_of_scope", view.out_of_scope)] {
            out.push(vec![(Col::View, name.into()), (Col::Code, code.into()), (Col::Count, c.count.to_string()), (Col::Sum, money(c.sum))]);
        }
    }
    out.extend(v.disagreements.iter().map(|d| {
        vec![
            (Col::View, "disagreement".into()),
            (Col::Code, format!("{}/{}", d.id, d.komplement)),
            (Col::Assignment, d.id_assignment.clone().unwrap_or_default()),
            (Col::Name, d.komplement_assignment.clone().unwrap_or_default()),
            (Col::Count, d.count.to_string()),
            (Col::Sum, money(d.sum)),
        ]
    }));
    out
}

fn unmapped(u: &Unmapped) -> Vec<Row> {
    let codes = u.codes.iter().map(|(code, n, sum)| {
        vec![(Col::View, "unmapped".into()), (Col::Code, code.clone()), (Col::Count, n.to_string()), (Col::Sum, money(*sum))]
    });
    let total = vec![(Col::View, "unmapped_total".into()), (Col::Count, u.count.to_string()), (Col::Sum, money(u.sum))];
    codes.chain([total]).collect()
}

fn provenance(r: &Report) -> Vec<Row> {
    let p = &r.provenance;
    let mut pairs: Vec<(&str, String)> =
        vec![("engine", p.engine.clone()), ("title", r.title.clone()), ("year", r.year.to_string()), ("version", r.version.clone())];
    for crate::eval::results::RuleFile { file, version, sha256: sha } in &p.rules {
        pairs.extend([("rule_file", file.clone()), ("rule_version", version.clone()), ("rule_sha256", sha.clone())]);
    }
    if let Some(crate::eval::results::InputFile { file, sha256: sha }) = &p.input {
        pairs.extend([("input_file", file.clone()), ("input_sha256", sha.clone())]);
    }
    if let Some(crate::eval::results::InputFile { file, sha256: sha }) = &p.previous_input {
        pairs.extend([("previous_input_file", file.clone()), ("previous_input_sha256", sha.clone())]);
    }
    pairs.extend(p.period.iter().map(|x| ("period", x.clone())));
    pairs.extend(p.overrides.iter().map(|o| ("override", o.clone())));
    pairs.into_iter().map(|(k, v)| vec![(Col::View, "provenance".into()), (Col::Id, k.into()), (Col::Value, v)]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_in_declaration_order() {
        for (i, c) in COLUMNS.iter().enumerate() {
            assert_eq!(*c as usize, i, "{}", c.name());
        }
    }
}
