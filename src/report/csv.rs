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
//! | `provenance` | id (the key, in words of the language; in English `engine`, `title`, `year`, `version`, `rule_file`, `rule_version`, `rule_sha256`, `input_file`, `input_sha256`, `period`, `override`), note (its value) |
//! | `what_if` | (with `--set`) each moved figure three times, `status` `baseline`, `what_if` and `change`: assignment (or board, or neither for the total), id (`compensation.total`, `result`, `forecast.result`, a key figure's id), period (a key figure's), value (money with two decimals; a key figure as shown, its change in procentenheter for `%`), unit |
//!
//! Boards and care forms are ids. The view names above are the English ones; the
//! header, the view names and the target status are words of the report's language
//! (`överföring`, `uppfyllt` in Swedish), notes too. Two dialects, see [`Dialect`]:
//! for Swedish Excel (the default) `;` separates fields, `,` is the decimal mark and
//! the file starts with a UTF-8 byte-order mark, so that Excel opens it in columns;
//! for English tools `,` separates fields and `.` is the decimal point. Decimals are
//! printed exactly (money with two decimals, no thousands separator), `\n` ends a
//! line, quoting after RFC 4180.

use super::number::scaled_target;
use crate::eval::results::*;
use crate::i18n::Lang;
use crate::model::Target;
use crate::tr_in;
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
    /// The column's header in `lang`.
    fn header(self, lang: Lang) -> String {
        match self {
            Col::View => tr_in!(lang, "report-csv-col-view"),
            Col::Assignment => tr_in!(lang, "report-csv-col-assignment"),
            Col::Board => tr_in!(lang, "report-csv-col-board"),
            Col::CareForm => tr_in!(lang, "report-csv-col-care-form"),
            Col::Period => tr_in!(lang, "report-csv-col-period"),
            Col::Id => tr_in!(lang, "report-csv-col-id"),
            Col::Code => tr_in!(lang, "report-csv-col-code"),
            Col::Name => tr_in!(lang, "report-csv-col-name"),
            Col::Interval => tr_in!(lang, "report-csv-col-interval"),
            Col::Fixed => tr_in!(lang, "report-csv-col-fixed"),
            Col::Variable => tr_in!(lang, "report-csv-col-variable"),
            Col::Changes => tr_in!(lang, "report-csv-col-changes"),
            Col::Compensation => tr_in!(lang, "report-csv-col-compensation"),
            Col::Cost => tr_in!(lang, "report-csv-col-cost"),
            Col::Result => tr_in!(lang, "report-csv-col-result"),
            Col::ForecastCompensation => tr_in!(lang, "report-csv-col-forecast-compensation"),
            Col::ForecastCost => tr_in!(lang, "report-csv-col-forecast-cost"),
            Col::ForecastResult => tr_in!(lang, "report-csv-col-forecast-result"),
            Col::Value => tr_in!(lang, "report-csv-col-value"),
            Col::Unit => tr_in!(lang, "report-csv-col-unit"),
            Col::TargetMin => tr_in!(lang, "report-csv-col-target-min"),
            Col::TargetMax => tr_in!(lang, "report-csv-col-target-max"),
            Col::Status => tr_in!(lang, "report-csv-col-status"),
            Col::Note => tr_in!(lang, "report-csv-col-note"),
            Col::Count => tr_in!(lang, "report-csv-col-count"),
            Col::Sum => tr_in!(lang, "report-csv-col-sum"),
        }
    }

    /// Whether the column holds numbers only (their decimal mark follows the dialect).
    fn is_number(self) -> bool {
        use Col::*;
        matches!(
            self,
            Fixed
                | Variable
                | Changes
                | Compensation
                | Cost
                | Result
                | ForecastCompensation
                | ForecastCost
                | ForecastResult
                | Value
                | TargetMin
                | TargetMax
                | Count
                | Sum
        )
    }
}

/// Who opens the CSV: the field separator, the decimal mark and the byte-order mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dialect {
    /// Swedish Excel: `;` between fields, a decimal comma, UTF-8 with a byte-order mark.
    #[default]
    Swedish,
    /// English tools: `,` between fields, a decimal point, UTF-8 without a mark.
    English,
}

impl Dialect {
    fn delimiter(self) -> u8 {
        match self {
            Dialect::Swedish => b';',
            Dialect::English => b',',
        }
    }

    /// What the file starts with: the UTF-8 byte-order mark by which Excel knows the encoding.
    fn preamble(self) -> &'static [u8] {
        match self {
            Dialect::Swedish => "\u{feff}".as_bytes(),
            Dialect::English => b"",
        }
    }

    /// A number (written with a decimal point) with this dialect's decimal mark.
    fn number(self, text: String) -> String {
        match self {
            Dialect::Swedish => text.replace('.', ","),
            Dialect::English => text,
        }
    }
}

/// One row: the view and the columns it fills.
type Row = Vec<(Col, String)>;

/// Renders the report as one CSV table in `dialect`; headers, view names, statuses,
/// notes and the catch-all activity in words of `lang`.
pub fn render(report: &Report, lang: Lang, dialect: Dialect) -> Result<Vec<u8>, String> {
    let mut out = ::csv::WriterBuilder::new().delimiter(dialect.delimiter()).from_writer(dialect.preamble().to_vec());
    out.write_record(COLUMNS.map(|c| c.header(lang))).map_err(fail)?;
    for row in rows(report, lang) {
        out.write_record(record(row, lang, dialect)).map_err(fail)?;
    }
    out.into_inner().map_err(|e| fail(e.into_error().into()))
}

fn fail(e: ::csv::Error) -> String {
    crate::tr!("report-csv-failed", reason = e.to_string())
}

/// A row spread over all columns, empty where the view has nothing; the view named
/// and numbers written as the dialect has them.
fn record(row: Row, lang: Lang, dialect: Dialect) -> Vec<String> {
    let mut fields = vec![String::new(); COLUMNS.len()];
    for (col, value) in row {
        fields[col as usize] = match col {
            Col::View => view_name(&value, lang),
            c if c.is_number() => dialect.number(value),
            _ => value,
        };
    }
    fields
}

/// A view's name in `lang` (the English names are the ones the rows are built with).
fn view_name(view: &str, lang: Lang) -> String {
    match view {
        "transfer" => tr_in!(lang, "report-csv-view-transfer"),
        "assignment" => tr_in!(lang, "report-csv-view-assignment"),
        "activity" => tr_in!(lang, "report-csv-view-activity"),
        "key_figure" => tr_in!(lang, "report-csv-view-key-figure"),
        "key_figure_series" => tr_in!(lang, "report-csv-view-key-figure-series"),
        "change" => tr_in!(lang, "report-csv-view-change"),
        "level1" => tr_in!(lang, "report-csv-view-level1"),
        "part" => tr_in!(lang, "report-csv-view-part"),
        "pooled" => tr_in!(lang, "report-csv-view-pooled"),
        "pooled_total" => tr_in!(lang, "report-csv-view-pooled-total"),
        "decision" => tr_in!(lang, "report-csv-view-decision"),
        "level3" => tr_in!(lang, "report-csv-view-level3"),
        "change_ledger" => tr_in!(lang, "report-csv-view-change-ledger"),
        "out_of_scope" => tr_in!(lang, "report-csv-view-out-of-scope"),
        "view_id" => tr_in!(lang, "report-csv-view-view-id"),
        "view_komplement" => tr_in!(lang, "report-csv-view-view-komplement"),
        "disagreement" => tr_in!(lang, "report-csv-view-disagreement"),
        "unmapped" => tr_in!(lang, "report-csv-view-unmapped"),
        "unmapped_total" => tr_in!(lang, "report-csv-view-unmapped-total"),
        "provenance" => tr_in!(lang, "report-csv-view-provenance"),
        "what_if" => tr_in!(lang, "report-csv-view-what-if"),
        other => other.to_string(),
    }
}

/// A key figure's target status in `lang` (`met`, `not_met`, … in English, as in the JSON).
fn status_word(s: Status, lang: Lang) -> String {
    match s {
        Status::Met => tr_in!(lang, "report-csv-status-met"),
        Status::NotMet => tr_in!(lang, "report-csv-status-not-met"),
        Status::NoTarget => tr_in!(lang, "report-csv-status-no-target"),
        Status::NotAvailable => tr_in!(lang, "report-csv-status-not-available"),
    }
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
    out.extend(provenance(r, lang));
    out.extend(what_if(r, lang));
    out
}

/// The `what_if` view (issue 10, kept apart from the other views): each figure the
/// `--set`s move as three rows, its baseline, its what-if value and the change.
fn what_if(r: &Report, lang: Lang) -> Vec<Row> {
    let Some(w) = &r.what_if else { return vec![] };
    let three = |who: Row, id: &str, period: &str, unit: &str, values: [Option<String>; 3]| -> Vec<Row> {
        let roles = [
            tr_in!(lang, "report-csv-what-if-baseline"),
            tr_in!(lang, "report-csv-what-if-value"),
            tr_in!(lang, "report-csv-what-if-change"),
        ];
        roles
            .iter()
            .zip(values)
            .map(|(role, v)| {
                let mut row = vec![(Col::View, "what_if".to_string())];
                row.extend(who.iter().cloned());
                row.extend([(Col::Id, id.to_string()), (Col::Period, period.to_string()), (Col::Unit, unit.to_string())]);
                row.extend([(Col::Value, v.unwrap_or_default()), (Col::Status, role.clone())]);
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
        (Col::Status, status_word(k.status, lang)),
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

fn provenance(r: &Report, lang: Lang) -> Vec<Row> {
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
    pairs.into_iter().map(|(k, v)| vec![(Col::View, "provenance".into()), (Col::Id, provenance_key(k, lang)), (Col::Note, v)]).collect()
}

/// A provenance key in `lang` (the English ones are the names above).
fn provenance_key(key: &str, lang: Lang) -> String {
    match key {
        "engine" => tr_in!(lang, "report-csv-prov-engine"),
        "title" => tr_in!(lang, "report-csv-prov-title"),
        "year" => tr_in!(lang, "report-csv-prov-year"),
        "version" => tr_in!(lang, "report-csv-prov-version"),
        "rule_file" => tr_in!(lang, "report-csv-prov-rule-file"),
        "rule_version" => tr_in!(lang, "report-csv-prov-rule-version"),
        "rule_sha256" => tr_in!(lang, "report-csv-prov-rule-sha256"),
        "input_file" => tr_in!(lang, "report-csv-prov-input-file"),
        "input_sha256" => tr_in!(lang, "report-csv-prov-input-sha256"),
        "previous_input_file" => tr_in!(lang, "report-csv-prov-previous-input-file"),
        "previous_input_sha256" => tr_in!(lang, "report-csv-prov-previous-input-sha256"),
        "period" => tr_in!(lang, "report-csv-prov-period"),
        "override" => tr_in!(lang, "report-csv-prov-override"),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_in_declaration_order() {
        for (i, c) in COLUMNS.iter().enumerate() {
            assert_eq!(*c as usize, i, "{}", c.header(Lang::En));
        }
    }
}
