//! What-if with a baseline (`run --set`), the rimlighetskontroller (`REVIDERA`, a
//! price outside the band, an implausible key figure), `--strikt`, and `init`
//! keeping names (issue 10, parts 3–5).

mod common;

use common::{ekostyr, ekostyr_in, stderr, stdout};
use std::path::Path;

/// The reference rules copied into a fresh folder, `edit` applied to 2024's text.
fn rules_dir(edit: impl FnOnce(String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(root.join("rules/2023.ek"), dir.path().join("2023.ek")).expect("copy");
    let text = std::fs::read_to_string(root.join("rules/2024.ek")).expect("read");
    std::fs::write(dir.path().join("2024.ek"), edit(text)).expect("write");
    dir
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name).display().to_string()
}

/// The lines of the table from the header down to the end of the "Vad händer om" section.
fn what_if_section(table: &str) -> String {
    let start = table.find("Vad händer om (").expect("a what-if section");
    let end = table[start..].find("\n\n").map_or(table.len(), |e| start + e);
    let head: Vec<&str> = table.lines().take_while(|l| !l.is_empty()).collect();
    format!("{}\n\n{}\n", head.join("\n"), &table[start..end])
}

#[test]
fn a_what_if_prints_baseline_new_and_change_per_assignment_board_and_total() {
    let out = ekostyr(&["run", "rules/2024.ek", "--input", "fixtures/2024.xlsx", "--set", "prisindex=3,1 %"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let table = stdout(&out);
    // The issue's own figure: a what-if of 3,1 % instead of 2,9 % moves the total by +2 407 273,57 kr.
    assert!(table.contains("2 407 273,57"), "{table}");
    insta::assert_snapshot!(what_if_section(&table));
}

#[test]
fn a_what_if_in_json_lists_each_moved_value_with_baseline_and_change() {
    let out = ekostyr(&["run", "rules/2024.ek", "--input", "fixtures/2024.xlsx", "--set", "prisindex=3,1 %", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    let w = &v["what_if"];
    assert_eq!(w["total"]["change"], "2407273.57");
    // The existing keys keep their meaning: they hold the what-if's figures.
    let total: rust_decimal::Decimal = v["assignments"]
        .as_array()
        .expect("assignments")
        .iter()
        .map(|a| a["compensation"]["total"].as_str().expect("string").parse::<rust_decimal::Decimal>().expect("decimal"))
        .sum();
    assert_eq!(total.to_string(), w["total"]["value"].as_str().expect("value"));
    insta::assert_json_snapshot!(w);
}

#[test]
fn a_run_without_set_has_no_what_if() {
    let out = ekostyr(&["run", "rules/2023.ek", "--input", "fixtures/2023.xlsx", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert!(v.get("what_if").is_none());
}

#[test]
fn set_takes_the_rule_languages_numbers_and_reaches_a_price_computed_through_föregående() {
    // The README's example, with `kr` right after the number; on 2024 the price is a `låt`
    // computed from `föregående.referenskostnad`, so the what-if replaces a computed value.
    for value in ["2100kr/dygn", "2 100 kr/dygn", "2100 kr/dygn"] {
        let set = format!("vårdboende.referenskostnad.somatik={value}");
        let out = ekostyr(&["run", "rules/2024.ek", "--input", "fixtures/2024.xlsx", "--set", &set, "--set", "prisindex=3,1 %"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let table = stdout(&out);
        assert!(table.contains(&format!("Vad händer om: {set} (ersätter ett beräknat värde; dess formel används inte)")), "{table}");
        assert!(table.contains("Vad händer om: prisindex=3,1 %\n"), "{table}");
        let section = what_if_section(&table);
        assert!(section.lines().any(|l| l.starts_with("vårdboende") && l.contains("-0,10 %")), "{section}");
    }
    let out =
        ekostyr(&["run", "rules/2023.ek", "--input", "fixtures/2023.xlsx", "--set", "vårdboende.referenskostnad.somatik=2100kr/dygn"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("vårdboende"), "{}", stdout(&out));
}

#[test]
fn set_on_a_computed_value_checks_its_unit_and_part() {
    let bad_unit =
        ekostyr(&["run", "rules/2024.ek", "--input", "fixtures/2024.xlsx", "--set", "vårdboende.referenskostnad.somatik=2100 kr"]);
    assert_eq!(bad_unit.status.code(), Some(2));
    let no_part =
        ekostyr(&["run", "rules/2024.ek", "--input", "fixtures/2024.xlsx", "--set", "vårdboende.referenskostnad.nattis=2100 kr/dygn"]);
    assert_eq!(no_part.status.code(), Some(2));
    let whole = ekostyr(&["run", "rules/2024.ek", "--input", "fixtures/2024.xlsx", "--set", "vårdboende.referenskostnad=2100 kr/dygn"]);
    assert_eq!(whole.status.code(), Some(2));
    insta::assert_snapshot!(format!("{}{}{}", stderr(&bad_unit), stderr(&no_part), stderr(&whole)));
}

#[test]
fn a_what_if_report_reproduces_with_verify() {
    let dir = tempfile::tempdir().expect("tempdir");
    let report = dir.path().join("r.json");
    let report_s = report.display().to_string();
    let out =
        ekostyr(&["run", "rules/2024.ek", "--input", "fixtures/2024.xlsx", "--set", "prisindex=3,1%", "--format", "json", "-o", &report_s]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let root = env!("CARGO_MANIFEST_DIR");
    let verify = ekostyr(&["verify", &report_s, "--rot", root]);
    assert_eq!(verify.status.code(), Some(0), "{}{}", stdout(&verify), stderr(&verify));
}

#[test]
fn a_what_if_workbook_has_the_vad_händer_om_sheet_after_the_summary() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("r.xlsx");
    let out = ekostyr(&[
        "run",
        "rules/2024.ek",
        "--input",
        "fixtures/2024.xlsx",
        "--set",
        "prisindex=3,1%",
        "--format",
        "xlsx",
        "-o",
        path.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    use calamine::Reader as _;
    let mut wb = calamine::open_workbook_auto(&path).expect("opens");
    assert_eq!(wb.sheet_names()[..2], ["Sammanfattning", "Vad händer om"]);
    let range = wb.worksheet_range("Vad händer om").expect("sheet");
    let last = range.rows().next_back().expect("a total row");
    assert_eq!(last[0].to_string(), "Summa");
    assert_eq!(last[4].to_string(), "2407273.57");
}

#[test]
fn a_revidera_marker_warns_in_check_and_run_and_fails_under_strikt() {
    let dir = rules_dir(|t| t.replacen("# KS-fastställd vägd prisindex för pris och lön 2024", "# REVIDERA: väntar på KS", 1));
    let check = ekostyr_in(dir.path(), &["check", "2024.ek"]);
    assert_eq!(check.status.code(), Some(0));
    let warning = stderr(&check);
    assert!(warning.contains("2024.ek:45:33: varning: markeringen REVIDERA finns kvar: REVIDERA: väntar på KS"), "{warning}");
    let input = fixture("2024.xlsx");
    let run = ekostyr_in(dir.path(), &["run", "2024.ek", "--input", &input]);
    assert_eq!(run.status.code(), Some(0));
    assert!(stderr(&run).contains("markeringen REVIDERA finns kvar"), "{}", stderr(&run));
    let strict = ekostyr_in(dir.path(), &["check", "--strikt", "2024.ek"]);
    assert_eq!(strict.status.code(), Some(2));
    assert!(stderr(&strict).ends_with("--strikt: varningarna räknas som fel\n"), "{}", stderr(&strict));
    let strict_run = ekostyr_in(dir.path(), &["--strikt", "run", "2024.ek", "--input", &input]);
    assert_eq!(strict_run.status.code(), Some(2));
    assert!(strict_run.stdout.is_empty());
    insta::assert_snapshot!(warning);
}

/// 2024's vårdboende with its own prices instead of 2023's indexed: somatik +22 %.
fn own_prices(t: String, band: &str) -> String {
    let prices = "parameter referenskostnad = per del {\n        somatik: 2 500 kr/dygn\n        demens: 2 300 kr/dygn\n        korttid: 2 650 kr/dygn\n      }";
    let t = t.replacen("låt referenskostnad = föregående.referenskostnad * (1 + prisindex)", prices, 1);
    t.replacen("parameter prisindex: % = 2,9 %", &format!("parameter prisindex: % = 2,9 %\n{band}"), 1)
}

#[test]
fn a_price_that_moved_more_than_the_band_warns_with_its_line() {
    let dir = rules_dir(|t| own_prices(t, ""));
    let check = ekostyr_in(dir.path(), &["check", "2024.ek"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let warning = stderr(&check);
    assert!(warning.contains("`vårdboende.referenskostnad.somatik` har ändrats mer än ±15,0 %"), "{warning}");
    assert!(!warning.contains("demens") && !warning.contains("korttid"), "{warning}");
    insta::assert_snapshot!(warning);
    let strict = ekostyr_in(dir.path(), &["check", "--strikt", "2024.ek"]);
    assert_eq!(strict.status.code(), Some(2));
}

#[test]
fn a_declared_band_replaces_the_default() {
    let dir = rules_dir(|t| own_prices(t, "parameter rimlighet: % = 25 %"));
    let check = ekostyr_in(dir.path(), &["check", "2024.ek"]);
    assert_eq!(check.status.code(), Some(0));
    assert!(!stderr(&check).contains("har ändrats mer än"), "{}", stderr(&check));
    let dir = rules_dir(|t| own_prices(t, "parameter rimlighet: % = 2 %"));
    let check = ekostyr_in(dir.path(), &["check", "2024.ek"]);
    let warning = stderr(&check);
    assert!(warning.contains("`vårdboende.referenskostnad.demens` har ändrats mer än ±2,0 %"), "{warning}");
}

#[test]
fn an_occupancy_above_105_percent_warns_in_run_and_fails_under_strikt() {
    // Half a care day per place and day: the occupancy doubles, to far above 105 %.
    let dir = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/2023.ek")).expect("read");
    let text = text.replacen("dygn_per_plats: dygn/plats/dag = 1 dygn/plats/dag", "dygn_per_plats: dygn/plats/dag = 0,5 dygn/plats/dag", 1);
    std::fs::write(dir.path().join("2023.ek"), text).expect("write");
    let input = fixture("2023.xlsx");
    let run = ekostyr_in(dir.path(), &["run", "2023.ek", "--input", &input]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let warning = stderr(&run);
    assert!(
        warning.contains("varning: nyckeltalet `beläggningsgrad` för `vårdboende` ligger utanför det rimliga 0–105,0 % under 13 perioder"),
        "{warning}"
    );
    assert!(warning.contains("utanför det rimliga 0–105,0 %"), "{warning}");
    assert!(!stdout(&run).is_empty());
    insta::assert_snapshot!(warning);
    let strict = ekostyr_in(dir.path(), &["run", "2023.ek", "--input", &input, "--strikt"]);
    assert_eq!(strict.status.code(), Some(2));
    assert!(strict.stdout.is_empty());
}

#[test]
fn the_reference_rules_run_without_warnings() {
    for year in ["2023", "2024"] {
        let out = ekostyr(&["run", &format!("rules/{year}.ek"), "--input", &format!("fixtures/{year}.xlsx"), "--strikt"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(stderr(&out), "");
    }
}

#[test]
fn init_keeps_named_shares_comments_and_lists_mid_year_changes() {
    let dir = rules_dir(|t| t);
    let out = ekostyr_in(dir.path(), &["init", "2025", "--from", "2024.ek"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(dir.path().join("2025.ek")).expect("written");
    assert!(text.contains("parameter andel_fast: % = 60 %"), "{text}");
    assert!(text.contains("ersättning fast = andel_fast * summa(budget(årsarbetare) * standardkostnad)"), "{text}");
    assert!(!text.contains("0,6 * summa"), "{text}");
    assert!(text.contains("# Referenskostnad: genomsnittligt dygnspris där samtliga kostnader ingår."), "{text}");
    assert!(text.contains("# REVIDERA: förändringen `statsbidrag_äldreomsorg` gällde under 2024"), "{text}");
    assert!(text.contains("# | förändring statsbidrag_äldreomsorg"), "{text}");
    let check = ekostyr_in(dir.path(), &["check", "2025.ek"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
}

#[test]
fn a_price_computed_through_föregående_outside_the_band_warns_in_check_and_run() {
    let dir = rules_dir(|t| t.replacen("parameter prisindex: % = 2,9 %", "parameter prisindex: % = 20 %", 1));
    let check = ekostyr_in(dir.path(), &["check", "2024.ek"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let warning = stderr(&check);
    let somatik = "varning: `vårdboende.referenskostnad.somatik` har ändrats mer än ±15,0 % från föregående år: 2 050,00 kr/dygn → 2 460,00 kr/dygn (20,0 %)";
    assert!(warning.contains(somatik), "{warning}");
    assert!(
        warning.contains(
            "varning: `dagverksamhet.fast` har ändrats mer än ±15,0 % från föregående år: 18 400 000,00 kr → 22 080 000,00 kr (20,0 %)"
        ),
        "{warning}"
    );
    let input = fixture("2024.xlsx");
    let run = ekostyr_in(dir.path(), &["run", "2024.ek", "--input", &input]);
    assert_eq!(run.status.code(), Some(0));
    assert!(stderr(&run).contains(somatik), "{}", stderr(&run));
    let strict = ekostyr_in(dir.path(), &["run", "--strikt", "2024.ek", "--input", &input]);
    assert_eq!(strict.status.code(), Some(2));
}

#[test]
fn a_what_if_that_sets_the_value_in_force_moves_nothing() {
    let out = ekostyr(&["run", "rules/2024.ek", "--input", "fixtures/2024.xlsx", "--set", "prisindex=2,9 %"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("Vad händer om (utgångsläge → nytt)\nInget belopp ändras.\n"), "{}", stdout(&out));
    let json = ekostyr(&["run", "rules/2024.ek", "--input", "fixtures/2024.xlsx", "--set", "prisindex=2,9 %", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&json)).expect("json");
    assert_eq!(v["what_if"]["moved"], serde_json::json!([]));
    assert_eq!(v["what_if"]["total"]["change"], "0.00");
}

/// The lines of a table section from its heading down to the first blank line.
fn section(table: &str, heading: &str) -> String {
    let start = table.find(heading).unwrap_or_else(|| panic!("a section `{heading}` in:\n{table}"));
    let end = table[start..].find("\n\n").map_or(table.len(), |e| start + e);
    format!("{}\n", &table[start..end])
}

/// Fewer care days per place and day: the occupancy rises, no amount moves.
const FEWER_DAYS: &str = "dygn_per_plats=0,98 dygn/plats/dag";

#[test]
fn a_what_if_lists_the_key_figures_it_moves_in_procentenheter() {
    let out = ekostyr(&["run", "rules/2023.ek", "--input", "fixtures/2023.xlsx", "--period", "2023-08", "--set", FEWER_DAYS]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let table = stdout(&out);
    let moved = section(&table, "Vad händer om: nyckeltal (utgångsläge → nytt)");
    assert!(moved.contains("vårdboende  beläggningsgrad  2023-08               96,49 %  98,46 %  +1,97 procentenheter"), "{moved}");
    insta::assert_snapshot!(moved);
}

#[test]
fn a_what_if_in_json_lists_the_key_figures_it_moves() {
    let out = ekostyr(&["run", "rules/2023.ek", "--input", "fixtures/2023.xlsx", "--set", FEWER_DAYS, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    let figures = json["what_if"]["key_figures"].as_array().expect("key_figures");
    let year = figures.iter().find(|k| k["figure"] == "beläggningsgrad" && k["period"] == "2023").expect("the year's occupancy");
    assert_eq!(year["path"], "assignments[vårdboende].key_figures[beläggningsgrad][2023]");
    assert_eq!(year["unit"], "%");
    for field in ["baseline", "value", "change"] {
        assert!(year[field].is_string(), "{year}");
    }
    // The amounts do not move.
    assert_eq!(json["what_if"]["moved"].as_array().map(Vec::len), Some(0));
}

#[test]
fn a_what_if_with_a_period_lists_the_forecast_it_moves() {
    let args = ["run", "rules/2024.ek", "--input", "fixtures/2024.xlsx", "--period", "2024-06", "--set", "prisindex=3,1 %"];
    let out = ekostyr(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let moved = section(&stdout(&out), "Vad händer om: helårsprognos (utgångsläge → nytt)");
    assert!(moved.contains("vårdboende               Fast        453 259 065,00  454 140 035,00     880 970,00        0,19 %"), "{moved}");
    insta::assert_snapshot!(moved);
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&ekostyr(&json_args))).expect("json");
    let forecast = json["what_if"]["forecast"].as_array().expect("forecast");
    let total = forecast.iter().find(|m| m["path"] == "assignments[vårdboende].forecast.compensation.total").expect("vårdboende");
    assert_eq!((total["baseline"].as_str(), total["value"].as_str()), (Some("455659065.00"), Some("456540035.00")));
}

#[test]
fn a_what_if_in_csv_has_its_own_rows() {
    // The machine form: English words, commas and points.
    let args = ["--lang", "en", "run", "rules/2024.ek", "--input", "fixtures/2024.xlsx", "--set", "prisindex=3,1 %"];
    let out = ekostyr(&[&args[..], &["--format", "csv", "--csv-dialect", "en"]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let csv = stdout(&out);
    let rows: Vec<&str> = csv.lines().filter(|l| l.starts_with("what_if,")).collect();
    assert!(!rows.is_empty(), "{csv}");
    // The total: baseline, what-if, change; the issue's +2 407 273,57 kr.
    let total: Vec<&str> = rows.iter().copied().filter(|l| l.starts_with("what_if,,,,,compensation.total,")).collect();
    assert_eq!(total.len(), 3, "{rows:?}");
    assert!(total[2].contains(",2407273.57,kr,") && total[2].contains(",change,"), "{total:?}");
    insta::assert_snapshot!(
        rows.iter().filter(|l| l.contains("vårdboende") || l.starts_with("what_if,,")).copied().collect::<Vec<_>>().join("\n")
    );
}
