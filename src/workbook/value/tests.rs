use super::*;

use calamine::{CellErrorType, ExcelDateTime, ExcelDateTimeType};

fn date(serial: f64, is_1904: bool) -> Value<'static> {
    Value::Date(ExcelDateTime::new(serial, ExcelDateTimeType::DateTime, is_1904))
}

fn july() -> Period {
    Period { year: 2023, month: 7 }
}

#[test]
fn periods_of_date_cells_in_both_epochs() {
    assert_eq!(date(45108.0, false).period(), Ok(july()));
    assert_eq!(date(45108.0 - 1462.0, true).period(), Ok(july()));
    assert_eq!(Value::DateIso("2023-07-01T00:00:00").period(), Ok(july()));
    assert_eq!(Value::Text(" 2023-07 ").period(), Ok(july()));
}

#[test]
fn periods_of_ledger_exports_yyyymm() {
    assert_eq!(Value::Int(202_307).period(), Ok(july()));
    assert_eq!(Value::Float(202_307.0).period(), Ok(july()));
    assert_eq!(Value::Text("202307").period(), Ok(july()));
}

#[test]
fn periods_refuse_numbers_durations_and_far_dates() {
    let found = |v: Value<'_>| v.period().map_err(|e| e.to_string());
    assert_eq!(found(Value::Float(45108.0)), Err("förväntade en period åååå-mm, hittade talet 45108".into()));
    assert_eq!(found(Value::Float(202_307.5)), Err("förväntade en period åååå-mm, hittade talet 202307.5".into()));
    assert_eq!(found(Value::Int(2_023_071)), Err("förväntade en period åååå-mm, hittade talet 2023071".into()));
    assert_eq!(found(Value::Int(202_313)), Err("månad 13 i `202313` ligger utanför 1-12".into()));
    let duration = Value::Date(ExcelDateTime::new(1.5, ExcelDateTimeType::TimeDelta, false));
    assert_eq!(found(duration), Err("förväntade en period åååå-mm, hittade en tidslängd".into()));
    assert_eq!(found(date(3e6, false)), Err("datumets serienummer 3000000 ligger utanför de datum ett kalkylblad kan hålla".into()));
    assert_eq!(found(Value::Error(&CellErrorType::Ref)), Err("cellen innehåller felvärdet #REF!".into()));
}

#[test]
fn numbers_of_cells() {
    assert_eq!(Value::Int(-12).number().map(|d| d.to_string()), Ok("-12".into()));
    assert_eq!(Value::Float(1234.57).number().map(|d| d.to_string()), Ok("1234.57".into()));
    assert_eq!(Value::Text("1 234,5").number().map(|d| d.to_string()), Ok("1234.5".into()));
    let found = |v: Value<'_>| v.number().map_err(|e| e.to_string());
    assert_eq!(found(Value::Float(f64::NAN)), Err("talet NaN ligger utanför det tillåtna intervallet".into()));
    assert_eq!(found(Value::Float(1e30)), Err(format!("talet {} ligger utanför det tillåtna intervallet", 1e30)));
    assert_eq!(found(Value::Bool(false)), Err("förväntade ett tal, hittade sanningsvärdet FALSKT".into()));
    assert_eq!(found(Value::Empty), Err("förväntade ett tal, hittade en tom cell".into()));
    assert_eq!(found(Value::Text(" #N/A ")), Err("cellen innehåller felvärdet #N/A".into()));
    assert_eq!(found(date(45108.0, false)), Err("förväntade ett tal, hittade ett datum (serienummer 45108)".into()));
}

#[test]
fn texts_of_cells() {
    let text = |v: Value<'_>| v.text().map_err(|e| e.to_string());
    assert_eq!(text(Value::Float(4010.0)), Ok("4010".into()));
    assert_eq!(text(Value::Float(40.25)), Ok("40.25".into()));
    assert_eq!(text(Value::Int(77)), Ok("77".into()));
    assert_eq!(text(Value::Text("  K1 \u{a0}")), Ok("K1".into()));
    assert_eq!(text(Value::Empty), Ok(String::new()));
    assert_eq!(text(Value::Bool(true)), Err("förväntade text, hittade sanningsvärdet SANT".into()));
    assert_eq!(text(Value::Text("#DIV/0!")), Err("cellen innehåller felvärdet #DIV/0!".into()));
    assert_eq!(text(Value::Text("#1")), Ok("#1".into()));
}

#[test]
fn text_buffers_are_reused() {
    let mut out = String::from("old");
    Value::Text("new").text_into(&mut out).expect("text");
    assert_eq!(out, "new");
    Value::Empty.text_into(&mut out).expect("text");
    assert_eq!(out, "");
}

#[test]
fn long_text_is_shortened_in_messages() {
    let long = "x".repeat(100);
    let message = Value::Text(&long).number().map_err(|e| e.to_string());
    assert_eq!(message, Err(format!("förväntade ett tal, hittade `{}…`", "x".repeat(80))));
    let message = Value::Text("a\u{1b}[2Jb").number().map_err(|e| e.to_string());
    assert_eq!(message, Err("förväntade ett tal, hittade `a\\u{1b}[2Jb`".into()));
}

#[test]
fn a_dot_before_three_digits_is_refused_with_both_readings() {
    let message = Value::Text("1.234").number().map_err(|e| e.to_string());
    let want = "`1.234` är tvetydigt: 1 234 med punkten som tusentalsavgränsare, eller 1,234 med punkten som decimaltecken";
    assert_eq!(message, Err(want.into()));
    assert!(matches!(Value::Text("1.234,5").number(), Err(CellProblem::DotGroups { .. })));
    // A single dot before other than three digits is a decimal point, as before.
    assert_eq!(Value::Text("1234.5").number().map(|d| d.to_string()), Ok("1234.5".into()));
    assert_eq!(Value::Text("1.5").number().map(|d| d.to_string()), Ok("1.5".into()));
    assert_eq!(Value::Text("1 234,50").number().map(|d| d.to_string()), Ok("1234.50".into()));
    assert_eq!(Value::Float(1.234).number().map(|d| d.to_string()), Ok("1.234".into()));
}

#[test]
fn blank_cells() {
    assert!(Value::Empty.is_blank());
    assert!(Value::Text(" \u{a0}").is_blank());
    assert!(!Value::Text("x").is_blank());
    assert!(!Value::Int(0).is_blank());
}
