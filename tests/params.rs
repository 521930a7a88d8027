//! Parameter unit declarations and decisions (issue 9): the warning case checks
//! clean (exit 0) with a located warning; declared units reach `--set`.

use ekostyr::check::check_path;
use ekostyr::diagnostic::Severity;
use std::path::Path;
use std::process::Command;

fn ekostyr(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ekostyr")).args(args).output().expect("runs")
}

/// An undeclared bare number above 1 used as `(1 + x)` is a warning at the use; the
/// file still checks, `check` exits 0.
#[test]
fn forgotten_percent_is_a_warning() {
    let checked = check_path(Path::new("tests/check/warnings/forgotten_percent.ek")).expect("readable");
    let rendered = checked.render();
    assert!(!checked.has_errors(), "{rendered}");
    let warnings: Vec<_> = checked.diagnostics.0.iter().filter(|d| d.severity == Severity::Warning).collect();
    assert_eq!(warnings.len(), 1, "one warning: prisindex, not effektivisering (0,5):\n{rendered}");
    insta::assert_snapshot!("forgotten_percent", rendered);
    let out = ekostyr(&["check", "tests/check/warnings/forgotten_percent.ek"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

/// The declared-`%` error makes `check` exit non-zero.
#[test]
fn declared_percent_bare_exits_non_zero() {
    let out = ekostyr(&["check", "tests/check/param_declared_percent_bare.ek"]);
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("skriv `2,9 %`"), "{text}");
}

/// `--set prisindex=3,1` on a parameter declared `%` is refused with the fix.
#[test]
fn set_on_declared_percent_needs_percent() {
    let out = ekostyr(&["run", "rules/2024.ek", "--input", "fixtures/2024.xlsx", "--set", "prisindex=3,1", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("prisindex=3,1%"), "{text}");
}

/// `diff` reports a changed unit declaration.
#[test]
fn diff_reports_a_changed_declaration() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string("rules/2023.ek").expect("read");
    std::fs::write(dir.path().join("a.ek"), &text).expect("write");
    std::fs::write(dir.path().join("b.ek"), text.replace("parameter andel_fast: % = 60 %", "parameter andel_fast = 60 %")).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_ekostyr")).current_dir(dir.path()).args(["diff", "a.ek", "b.ek"]).output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("andel_fast: enhet"), "{text}");
}

/// The JSON report lists the decisions (`dnr` null where the rules give none) and
/// the pooled result, whose boards add up to the total.
#[test]
fn json_has_decisions_pooled_and_parts() {
    let out = ekostyr(&["run", "rules/2023.ek", "--input", "fixtures/2023.xlsx", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let decisions = v["decisions"].as_array().expect("decisions");
    assert_eq!(decisions.len(), 3);
    assert_eq!(decisions[0]["board"], "Äldrenämnden");
    assert!(decisions[0]["dnr"].is_null());
    assert_eq!(decisions[2]["dnr"], "SON 2023-646");
    assert_eq!(decisions[2]["date"], "2023-06-02");
    let boards = v["pooled"]["boards"].as_array().expect("boards");
    assert_eq!(boards.iter().map(|b| b["board"].as_str().unwrap_or_default()).collect::<Vec<_>>(), ["ÄN", "SON"]);
    let dec = |x: &serde_json::Value| x.as_str().unwrap_or_default().parse::<rust_decimal::Decimal>().expect("decimal");
    let sum: rust_decimal::Decimal = boards.iter().map(|b| dec(&b["result"])).sum();
    assert_eq!(sum, dec(&v["pooled"]["total"]["result"]));
    let områdesansvar = &v["assignments"][0];
    let ids: Vec<&str> = områdesansvar["parts"].as_array().expect("parts").iter().filter_map(|p| p["id"].as_str()).collect();
    assert_eq!(ids, ["nordväst", "nordost", "city_nord"]);
}

/// CSV rows for parts, the pooled result and the decisions; the XLSX sheets.
#[test]
fn csv_and_xlsx_have_the_views() {
    let out = ekostyr(&["run", "rules/2024.ek", "--input", "fixtures/2024.xlsx", "--format", "csv"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.lines().any(|l| l.starts_with("samlat resultat summa;")), "{text}");
    assert!(text.lines().any(|l| l.starts_with("del;vårdboende;") && l.contains("Ej fördelat på del")), "{text}");
    assert_eq!(text.lines().filter(|l| l.starts_with("beslut;")).count(), 3);
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("r.xlsx");
    let file_arg = file.to_string_lossy().into_owned();
    let out = ekostyr(&["run", "rules/2024.ek", "--input", "fixtures/2024.xlsx", "--format", "xlsx", "-o", &file_arg]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&file).expect("xlsx");
    let names = wb.sheet_names();
    for s in ["Per del", "Samlat resultat", "Beslut"] {
        assert!(names.iter().any(|n| n == s), "{names:?}");
    }
    let pooled = wb.worksheet_range("Samlat resultat").expect("sheet");
    assert_eq!(pooled.height(), 1 + 2 + 1, "header, ÄN, SON, total");
}

/// The table shows the parts under their assignment and the pooled rows.
#[test]
fn table_shows_parts_and_pooled_rows() {
    let out = ekostyr(&["run", "rules/2023.ek", "--input", "fixtures/2023.xlsx"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("  nordväst"), "{text}");
    assert!(
        text.contains("Samlat resultat ÄN") && text.contains("Samlat resultat SON") && text.contains("Samlat resultat totalt"),
        "{text}"
    );
    assert!(text.contains("Beslut: Äldrenämnden 2022-12-14, dnr saknas"), "{text}");
}

/// The warning reaches through `föregående`: last year's bare index used as `(1 + x)`.
#[test]
fn forgotten_percent_through_previous() {
    let checked = check_path(Path::new("tests/check/warnings/previous_2024.ek")).expect("readable");
    let rendered = checked.render();
    assert!(!checked.has_errors(), "{rendered}");
    assert!(rendered.contains("varning: `prisindex` är talet 2,9 utan enhet"), "{rendered}");
    assert!(rendered.contains("previous_2024.ek:13:43"), "{rendered}");
}
