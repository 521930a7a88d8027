//! JSON in DESIGN.md's shape: keys in English, decimals as strings.

use crate::eval::results::*;
use crate::model::Interval;
use rust_decimal::Decimal;
use serde_json::{Value, json};

/// Money with exactly two decimals.
fn money(d: Decimal) -> Value {
    Value::String(format!("{d:.2}"))
}

fn compensation(c: &Compensation) -> Value {
    json!({ "fixed": money(c.fixed), "variable": money(c.variable), "changes": money(c.changes), "total": money(c.total) })
}

/// Interval as written in the rules.
pub fn interval_name(i: Interval) -> &'static str {
    match i {
        Interval::Månadsvis => "månadsvis",
        Interval::Delår => "delår",
        Interval::Årsvis => "årsvis",
    }
}

/// Status as a machine word.
pub fn status_name(s: Status) -> &'static str {
    match s {
        Status::Met => "met",
        Status::NotMet => "not_met",
        Status::NoTarget => "no_target",
        Status::NotAvailable => "not_available",
    }
}

fn key_figure(k: &KeyFigureResult) -> Value {
    json!({
        "id": k.id, "name": k.name, "interval": interval_name(k.interval), "period": k.period,
        "value": k.value.map(|v| Value::String(format!("{v:.2}"))).unwrap_or(Value::Null),
        "unit": k.unit, "status": status_name(k.status), "note": k.note,
    })
}

fn assignment(r: &Report, a: &AssignmentResult) -> Value {
    let months: Vec<Value> = a
        .months
        .iter()
        .map(|m| {
            let c = &m.amounts;
            json!({ "period": format!("{}-{:02}", r.year, m.month), "fixed": money(c.fixed), "variable": money(c.variable), "changes": money(c.changes), "total": money(c.total) })
        })
        .collect();
    let mut v = json!({
        "id": a.id, "name": a.name, "board": a.board.0, "care_form": a.care_form.0,
        "compensation": compensation(&a.compensation), "months": months,
        "cost": money(a.cost), "result": money(a.result),
        "key_figures": a.key_figures.iter().map(key_figure).collect::<Vec<_>>(),
        "activities": a.activities.iter().map(|(n, c)| json!({ "name": n, "cost": money(*c) })).collect::<Vec<_>>(),
    });
    if let (Some(f), Value::Object(o)) = (&a.forecast, &mut v) {
        o.insert(
            "forecast".into(),
            json!({ "compensation": compensation(&f.compensation), "cost": money(f.cost), "result": money(f.result) }),
        );
    }
    v
}

/// Renders the report as pretty JSON with a trailing newline.
pub fn render(r: &Report) -> String {
    let p = &r.provenance;
    let v = json!({
        "year": r.year, "version": r.version,
        "assignments": r.assignments.iter().map(|a| assignment(r, a)).collect::<Vec<_>>(),
        "level1": r.level1.iter().map(|l| json!({ "board": l.board.0, "care_form": l.care_form.0, "compensation": money(l.compensation), "cost": money(l.cost), "result": money(l.result) })).collect::<Vec<_>>(),
        "unmapped": { "count": r.unmapped.count, "sum": money(r.unmapped.sum) },
        "provenance": {
            "engine": p.engine,
            "rules": p.rules.iter().map(|(f, v, h)| json!({ "file": f, "version": v, "sha256": h })).collect::<Vec<_>>(),
            "input": p.input.as_ref().map(|(f, h)| json!({ "file": f, "sha256": h })),
            "period": p.period, "overrides": p.overrides,
        },
    });
    let mut v = v;
    if let (Some((f, h)), Some(prov)) = (&p.previous_input, v.get_mut("provenance").and_then(|x| x.as_object_mut())) {
        prov.insert("previous_input".into(), json!({ "file": f, "sha256": h }));
    }
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}
