//! The board's follow-up (issue 11, items 2 and 3): budget for the period and the
//! year with deviations, last year's same months, the forecast's method and the
//! provider's own forecast (`Prognos`), `--nämnd` and `--enhet`, on the fixtures.

mod common;

use common::{ekostyr, stderr, stdout};
use serde_json::Value;
use std::path::Path;

const Y2023: [&str; 6] = ["run", "rules/2023.ek", "--input", "fixtures/2023.xlsx", "--period", "2023-08"];
const Y2024: [&str; 8] =
    ["run", "rules/2024.ek", "--input", "fixtures/2024.xlsx", "--previous-input", "fixtures/2023.xlsx", "--period", "2024-08"];

fn run(args: &[&str]) -> String {
    let out = ekostyr(args);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&run(&[args, &["--format", "json"]].concat())).expect("json")
}

/// The table's follow-up: from its first heading to the next section.
fn follow_up_section(table: &str) -> String {
    let from = table.find("Uppföljning mot budget").or_else(|| table.find("Follow-up against budget")).expect("follow-up");
    let to = table[from..].find("ERSÄTTNING OCH RESULTAT").or_else(|| table[from..].find("COMPENSATION AND RESULT")).expect("next");
    table[from..from + to].to_string()
}

fn dec(v: &Value) -> rust_decimal::Decimal {
    v.as_str().expect("a decimal string").parse().expect("a decimal")
}

#[test]
fn the_table_follows_2023_08_up_against_budget_per_nämnd() {
    let section = follow_up_section(&run(&Y2023));
    assert!(section.lines().all(|l| l.chars().count() <= 125), "{section}");
    insta::assert_snapshot!(section);
}

#[test]
fn the_follow_up_in_json_has_budget_deviation_and_cost_per_month() {
    let v = json(&Y2023);
    let mut shown = String::new();
    for a in v["assignments"].as_array().expect("assignments") {
        let costs: Vec<rust_decimal::Decimal> =
            a["monthly_cost"].as_array().expect("monthly cost").iter().map(|m| dec(&m["cost"])).collect();
        assert_eq!(costs.len(), 8, "{}", a["id"]);
        assert_eq!(costs.iter().sum::<rust_decimal::Decimal>(), dec(&a["cost"]), "Σ monthly_cost = cost, {}", a["id"]);
        let f = &a["follow_up"];
        if !f["budget_period"].is_null() {
            assert_eq!(dec(&f["deviation_period"]), dec(&a["compensation"]["total"]) - dec(&f["budget_period"]));
            assert_eq!(dec(&f["deviation_year"]), dec(&a["forecast"]["compensation"]["total"]) - dec(&f["budget_year"]));
        }
        shown.push_str(&format!("{} {} {}\n", a["id"], f, a["forecast"]["method"]));
    }
    insta::assert_snapshot!(shown);
}

#[test]
fn without_a_period_the_budget_is_the_year_s() {
    let v = json(&["run", "rules/2023.ek", "--input", "fixtures/2023.xlsx"]);
    let a = &v["assignments"][1];
    assert_eq!(a["id"], "dagverksamhet");
    assert_eq!(a["follow_up"]["budget_period"], "18400000.00");
    assert_eq!(a["follow_up"]["budget_year"], "18400000.00");
    assert_eq!(a["follow_up"]["deviation_year"], "0.00");
    assert!(a.get("forecast").is_none());
}

/// Last year's figures are last year's own report for the same months, and the
/// forecast takes the rest of the year from last year's months.
#[test]
fn last_year_is_2023_s_report_for_the_same_months() {
    let now = json(&Y2024);
    let then = json(&Y2023);
    for (a, b) in now["assignments"].as_array().expect("2024").iter().zip(then["assignments"].as_array().expect("2023")) {
        assert_eq!(a["id"], b["id"]);
        let p = &a["follow_up"]["previous"];
        assert_eq!(p["compensation"], b["compensation"]["total"], "{}", a["id"]);
        assert_eq!(p["cost"], b["cost"], "{}", a["id"]);
        assert_eq!(p["result"], b["result"], "{}", a["id"]);
        assert_eq!(a["forecast"]["method"], "same_months_last_year", "{}", a["id"]);
    }
    let section = follow_up_section(&run(&[&Y2024[..], &["--enhet", "tkr"]].concat()));
    insta::assert_snapshot!(section);
}

#[test]
fn same_months_last_year_adds_last_year_s_later_months() {
    let now = json(&Y2024);
    let last_full = json(&["run", "rules/2023.ek", "--input", "fixtures/2023.xlsx"]);
    let a = &now["assignments"][0];
    let y2023 = &last_full["assignments"][0];
    let later_cost: rust_decimal::Decimal = y2023["monthly_cost"].as_array().expect("months").iter().skip(8).map(|m| dec(&m["cost"])).sum();
    assert_eq!(dec(&a["forecast"]["cost"]), dec(&a["cost"]) + later_cost);
    let later_variable: rust_decimal::Decimal =
        y2023["months"].as_array().expect("months").iter().skip(8).map(|m| dec(&m["variable"])).sum();
    assert_eq!(dec(&a["forecast"]["compensation"]["variable"]), dec(&a["compensation"]["variable"]) + later_variable);
}

/// A copy of the 2023 CSV folder with `Prognos.csv`.
fn with_prognos(rows: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for sheet in ["Utfall", "Volymer", "Budget"] {
        let from = Path::new("fixtures/2023-csv").join(format!("{sheet}.csv"));
        std::fs::copy(&from, dir.path().join(format!("{sheet}.csv"))).expect("copy");
    }
    std::fs::write(dir.path().join("Prognos.csv"), format!("uppdrag;del;belopp;kommentar\r\n{rows}")).expect("write");
    dir
}

const PROGNOS: &str = "områdesansvar;nordväst;-20000000;Fler timmar hos privata utförare\r\n\
                       områdesansvar;nordost;-18000000;\r\n\
                       områdesansvar;city_nord;-21 500 000,50;Sjukfrånvaro\r\n\
                       vårdboende;;-9000000;Lägre beläggning i korttid\r\n";

#[test]
fn the_provider_s_prognos_overrides_the_forecast_result() {
    let dir = with_prognos(PROGNOS);
    let input = dir.path().to_str().expect("utf-8");
    let args = ["run", "rules/2023.ek", "--input", input, "--period", "2023-08"];
    let v = json(&args);
    let a = &v["assignments"][0];
    assert_eq!(a["forecast"]["method"], "provider");
    assert_eq!(a["forecast"]["result"], "-59500000.50");
    assert_eq!(dec(&a["forecast"]["cost"]), dec(&a["forecast"]["compensation"]["total"]) - dec(&a["forecast"]["result"]));
    assert_eq!(
        a["follow_up"]["forecast_comment"],
        "Nordväst (prisbilaga område 1): Fler timmar hos privata utförare; City Nord (prisbilaga område 3): Sjukfrånvaro"
    );
    assert_eq!(v["assignments"][1]["forecast"]["method"], "linear");
    assert_eq!(v["assignments"][4]["forecast"]["result"], "-9000000.00");
    let table = run(&args);
    let notes: String = follow_up_section(&table).lines().skip_while(|l| !l.starts_with("Prognos (")).collect::<Vec<_>>().join("\n");
    insta::assert_snapshot!(notes);
}

#[test]
fn a_prognos_sheet_in_a_workbook_is_read_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("med-prognos.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    for sheet in ["Utfall", "Volymer", "Budget"] {
        let ws = book.add_worksheet();
        ws.set_name(sheet).expect("name");
        let text = std::fs::read_to_string(Path::new("fixtures/2023-csv").join(format!("{sheet}.csv"))).expect("csv");
        for (r, line) in text.lines().enumerate() {
            for (c, cell) in line.split(';').enumerate() {
                let number = (r > 0 && c == line.split(';').count() - 1).then(|| cell.replace(',', ".").parse::<f64>().ok()).flatten();
                match number {
                    Some(n) => ws.write_number(r as u32, c as u16, n).map(|_| ()),
                    None => ws.write_string(r as u32, c as u16, cell).map(|_| ()),
                }
                .expect("cell");
            }
        }
    }
    let ws = book.add_worksheet();
    ws.set_name("Prognos").expect("name");
    for (c, h) in ["uppdrag", "del", "belopp", "kommentar"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("header");
    }
    ws.write_string(1, 0, "dagverksamhet").expect("cell");
    ws.write_number(1, 2, 150000.0).expect("cell");
    ws.write_string(1, 3, "Som budget").expect("cell");
    ws.write_string(2, 0, "dagverksamhet").expect("cell");
    ws.write_string(2, 2, "tolv").expect("cell");
    book.save(&path).expect("save");
    let out = ekostyr(&["run", "rules/2023.ek", "--input", path.to_str().expect("utf-8"), "--period", "2023-08"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("Prognos!C3"), "{}", stderr(&out));
    ws_without_bad_row(&mut book);
    book.save(&path).expect("save");
    let v = json(&["run", "rules/2023.ek", "--input", path.to_str().expect("utf-8"), "--period", "2023-08"]);
    assert_eq!(v["assignments"][1]["forecast"]["result"], "150000.00");
    assert_eq!(v["assignments"][1]["follow_up"]["forecast_comment"], "Som budget");
}

/// Clears the Prognos sheet's bad row.
fn ws_without_bad_row(book: &mut rust_xlsxwriter::Workbook) {
    let ws = book.worksheet_from_name("Prognos").expect("sheet");
    ws.clear_cell(2, 0);
    ws.clear_cell(2, 2);
}

#[test]
fn bad_prognos_rows_are_errors_at_their_cells() {
    let rows = "områdesansvar;nordväst;-20000000;\r\n\
                områdesansvar;nordväst;-1;två gånger\r\n\
                dagverksamhet;;tolv;\r\n\
                vårdbonde;;1;\r\n\
                son_öppna_bu;boendestöd;1;\r\n\
                psykiatrisk_hemsjukvård;;1;\r\n\
                psykiatrisk_hemsjukvård;;2;\r\n";
    let dir = with_prognos(rows);
    let out = ekostyr(&["run", "rules/2023.ek", "--input", dir.path().to_str().expect("utf-8"), "--period", "2023-08"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let text = stderr(&out).replace(dir.path().to_str().expect("utf-8"), "IN");
    insta::assert_snapshot!(text);
}

#[test]
fn one_nämnd_is_reported_alone() {
    let v = json(&[&Y2023[..], &["--nämnd", "SON"]].concat());
    let ids: Vec<&str> = v["assignments"].as_array().expect("assignments").iter().map(|a| a["id"].as_str().expect("id")).collect();
    assert_eq!(ids, ["son_öppna_bu", "son_öppna_vuxna", "son_heldygn_bu", "son_heldygn_vuxna"]);
    assert!(v["level1"].as_array().expect("level1").iter().all(|l| l["board"] == "SON"));
    assert_eq!(v["pooled"]["boards"].as_array().expect("boards").len(), 1);
    for key in ["compensation", "cost", "result"] {
        assert_eq!(v["pooled"]["total"][key], v["pooled"]["boards"][0][key], "{key}");
    }
    let table = run(&[&Y2023[..], &["--nämnd", "son", "--enhet", "tkr"]].concat());
    let section = follow_up_section(&table);
    assert!(!section.contains("Äldrenämnden"), "{section}");
    assert!(section.contains("Summa SON"), "{section}");
}

#[test]
fn an_unknown_nämnd_is_an_error_naming_the_known_ones() {
    let out = ekostyr(&[&Y2023[..], &["--nämnd", "KS"]].concat());
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    insta::assert_snapshot!(stderr(&out));
}

#[test]
fn each_unit_scales_the_amounts() {
    for unit in ["kr", "tkr", "mnkr"] {
        let table = run(&[&Y2023[..], &["--enhet", unit]].concat());
        let section = follow_up_section(&table);
        let period: String = section.lines().take_while(|l| !l.is_empty()).collect::<Vec<_>>().join("\n");
        insta::assert_snapshot!(format!("unit_{unit}"), period);
        if unit != "kr" {
            assert!(table.contains(&format!("ERSÄTTNING OCH RESULTAT PER UPPDRAG ({unit})")), "{unit}");
        }
    }
    let english = follow_up_section(&run(&[&Y2023[..], &["--enhet", "mnkr", "--lang", "en"]].concat()));
    assert!(english.contains("Follow-up against budget, 2023-01–2023-08 (amounts in mnkr)"), "{english}");
    assert!(english.contains("Forecast (all assignments)"), "{english}");
}

/// A one-board JSON report names its board, and `verify` reproduces it as such
/// (a Prognos sheet included, in the input's hash).
#[test]
fn a_one_nämnd_report_with_a_prognos_verifies() {
    let dir = with_prognos(PROGNOS);
    std::fs::copy("rules/2023.ek", dir.path().join("2023.ek")).expect("copy");
    std::fs::create_dir(dir.path().join("in")).expect("mkdir");
    for f in ["Utfall.csv", "Volymer.csv", "Budget.csv", "Prognos.csv"] {
        std::fs::rename(dir.path().join(f), dir.path().join("in").join(f)).expect("move");
    }
    let args = ["run", "2023.ek", "--input", "in", "--period", "2023-08", "--nämnd", "ÄN", "--format", "json", "-o", "r.json"];
    let out = common::ekostyr_in(dir.path(), &args);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(dir.path().join("r.json")).expect("read")).expect("json");
    assert_eq!(v["provenance"]["board"], "ÄN");
    let out = common::ekostyr_in(dir.path(), &["verify", "r.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

fn budget_of(model: &ekostyr::model::Model, volume: &str) -> Option<String> {
    let (v, _) = model.measure(volume).expect("a measure");
    ekostyr::eval::followup::budget_measure(model, v).map(|b| model.measures[b].name.clone())
}

#[test]
fn a_volume_takes_the_budget_measure_its_name_starts_with() {
    let text = std::fs::read_to_string("rules/2023.ek").expect("rules");
    let m = ekostyr::session::rules_from_text("rules/2023.ek", &text).expect("checked").model;
    // `hemtjänsttimmar` budgets Leanlink's and the private providers' hours together.
    assert_eq!(budget_of(&m, "hemtjänsttimmar_leanlink"), None);
    assert_eq!(budget_of(&m, "hsl_timmar_privata"), None);
    let own = text.replace("mått volym hemtjänsttimmar_privata: timmar\n", "");
    let own = own.replace("volym(hemtjänsttimmar_privata)", "0 timmar");
    let m2 = ekostyr::session::rules_from_text("rules/2023.ek", &own).expect("checked").model;
    assert_eq!(budget_of(&m2, "hemtjänsttimmar_leanlink").as_deref(), Some("hemtjänsttimmar"), "the only volume it can be for");
    assert_eq!(budget_of(&m, "anhörigstöd_timmar"), None);
    assert_eq!(budget_of(&m, "planerade_timmar"), None);
    let (platser, _) = m.measure("platser").expect("platser");
    assert_eq!(ekostyr::eval::followup::budget_measure(&m, platser), None, "a budget measure is no volume");
}
