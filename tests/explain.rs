//! `ekostyr explain`: derivation trees down to parameters and input cells.

mod common;

use common::{ekostyr, stdout};

fn explain(rules: &str, input: &str, extra: &[&str]) -> String {
    let out = ekostyr(&[&["explain", rules, "--input", input][..], extra].concat());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

fn explain_2023(extra: &[&str]) -> String {
    explain("rules/2023.ek", "fixtures/2023.xlsx", extra)
}

#[test]
fn fixed_compensation_down_to_budget_cells() {
    let text = explain_2023(&["vårdboende.fast"]);
    assert!(text.contains("referenskostnad[somatik] = 2 050 kr/dygn") && text.contains("Budget!D"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn fixed_compensation_json() {
    insta::assert_snapshot!(explain_2023(&["vårdboende.fast", "--format", "json"]));
}

#[test]
fn variable_compensation_for_one_month() {
    insta::assert_snapshot!(explain_2023(&["övriga_öppna.rörlig", "--period", "2023-01"]));
}

#[test]
fn key_figure_for_a_quarter() {
    insta::assert_snapshot!(explain_2023(&["vårdboende.beläggningsgrad", "--period", "2023-03"]));
}

#[test]
fn key_figure_json() {
    insta::assert_snapshot!(explain_2023(&["dagverksamhet.kostnad_per_plats", "--format", "json"]));
}

#[test]
fn a_monthly_transfer() {
    insta::assert_snapshot!(explain_2023(&["dagverksamhet.överföring[2023-12]"]));
}

#[test]
fn a_price_read_from_the_previous_year() {
    let text = explain("rules/2024.ek", "fixtures/2024.xlsx", &["son_heldygn_bu.fast"]);
    assert!(text.contains("föregående år (2023): platspris[stödboende] = 1 450 000 kr/plats  (rules/2023.ek:"), "{text}");
    assert!(text.contains("prisindex = 2,9 %"), "{text}");
}

#[test]
fn unknown_targets_are_errors_with_a_hint() {
    let out = ekostyr(&["explain", "rules/2023.ek", "--input", "fixtures/2023.xlsx", "vårdbonde.fast"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("menade du `vårdboende`?"));
    let out = ekostyr(&["explain", "rules/2023.ek", "--input", "fixtures/2023.xlsx", "vårdboende.belägningsgrad"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`beläggningsgrad`"));
}

#[test]
fn totals_are_the_figures_the_report_shows_also_year_to_date() {
    let json = stdout(&ekostyr(&["run", "rules/2023.ek", "--input", "fixtures/2023.xlsx", "--period", "2023-08", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let a = v["assignments"].as_array().expect("a").iter().find(|a| a["id"] == "son_öppna_bu").expect("assignment").clone();
    let swedish = |s: &serde_json::Value| ekostyr::report::number::swedish(s.as_str().expect("s").parse().expect("decimal"), 2);
    let text = explain_2023(&["son_öppna_bu.resultat", "--period", "2023-08"]);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some(format!("son_öppna_bu.resultat = {} kr", swedish(&a["result"])).as_str()));
    assert_eq!(lines.next(), Some(format!("├─ son_öppna_bu.ersättning = {} kr", swedish(&a["compensation"]["total"])).as_str()));
}

#[test]
fn every_figure_of_an_assignment_can_be_explained() {
    for figure in ["fast", "rörlig", "förändringar", "ersättning", "kostnad", "resultat", "överföring[2024-07]"] {
        let text = explain("rules/2024.ek", "fixtures/2024.xlsx", &[&format!("vårdboende.{figure}")]);
        assert!(text.starts_with("vårdboende."), "{figure}: {text}");
    }
}

#[test]
fn the_changes_of_means_with_their_formula_and_first_month() {
    let text = explain("rules/2024.ek", "fixtures/2024.xlsx", &["vårdboende.förändringar"]);
    assert!(text.starts_with("vårdboende.förändringar = 2 400 000,00 kr\n"), "{text}");
    assert!(text.contains("förändring statsbidrag_äldreomsorg") && text.contains("(från månad 7)"), "{text}");
}

#[test]
fn labels_in_english() {
    let text = explain_2023(&["dagverksamhet.överföring[2023-12]", "--lang", "en"]);
    assert!(text.contains("fixed: the annual amount / 12, the remainder in December"), "{text}");
    assert!(text.contains("changes, spread evenly over their months"), "{text}");
}

#[test]
fn a_figure_without_a_value_says_why_in_words() {
    let text = explain(
        "tests/eval/key_figures_iu/rules.ek",
        "tests/eval/key_figures_iu/input",
        &["boende.kostnad_per_plats", "--period", "2023-03"],
    );
    assert!(text.contains("= i.u. (division med noll: `budget(platser)` är 0)"), "{text}");
    let en =
        explain("tests/eval/key_figures_iu/rules.ek", "tests/eval/key_figures_iu/input", &["boende.kostnad_per_plats", "--lang", "en"]);
    assert!(en.contains("= i.u. (division by zero: `budget(platser)` is 0)"), "{en}");
}
