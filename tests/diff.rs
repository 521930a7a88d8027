//! Year over year: the semantic diff of 2023 → 2024 (text, JSON, markdown; with
//! and without inputs), layout-only edits, version verdicts, `init` and a chain
//! of three years.

mod common;

use common::{ekostyr, ekostyr_in};

use std::path::Path;
use std::process::Output;

fn stdout_ok(out: Output) -> String {
    assert!(out.status.success(), "failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

const DIFF: [&str; 3] = ["diff", "rules/2023.ek", "rules/2024.ek"];

fn diff(extra: &[&str]) -> String {
    stdout_ok(ekostyr(&[&DIFF[..], extra].concat()))
}

#[test]
fn diff_2023_2024_text() {
    insta::assert_snapshot!(diff(&[]));
}

#[test]
fn diff_2023_2024_json() {
    insta::assert_snapshot!(diff(&["--format", "json"]));
}

#[test]
fn diff_2023_2024_markdown() {
    insta::assert_snapshot!(diff(&["--format", "md"]));
}

#[test]
fn diff_with_input_shows_the_rule_change_alone() {
    insta::assert_snapshot!(diff(&["--input", "fixtures/2024.xlsx"]));
}

#[test]
fn diff_with_both_years_inputs_json_and_markdown() {
    let both = ["--input", "fixtures/2024.xlsx", "--previous-input", "fixtures/2023.xlsx"];
    insta::assert_snapshot!("both_inputs_json", diff(&[&both[..], &["--format", "json"]].concat()));
    insta::assert_snapshot!("both_inputs_md", diff(&[&both[..], &["--format", "md"]].concat()));
}

#[test]
fn diff_on_last_years_workbook_leads_with_the_impact_per_board() {
    let out = diff(&["--input", "fixtures/2023.xlsx"]);
    let at = |s: &str| out.find(s).unwrap_or_else(|| panic!("{s} saknas i\n{out}"));
    assert!(out.contains("2024 beräknat på 2023 års volymer (fixtures/2023.xlsx"), "{out}");
    // Per nämnd, then per assignment, then the rule changes that cause it.
    assert!(at("Nämnd") < at("Uppdrag ") && at("Uppdrag ") < at("REGELÄNDRINGAR") && at("REGELÄNDRINGAR") < at("PARAMETRAR OCH VÄRDEN"));
    insta::assert_snapshot!(out);
}

#[test]
fn diff_markdown_renders_the_impact_first_too() {
    let out = diff(&["--input", "fixtures/2023.xlsx", "--format", "md"]);
    let at = |s: &str| out.find(s).unwrap_or_else(|| panic!("{s} saknas i\n{out}"));
    assert!(
        at("| Nämnd |") < at("| Uppdrag |") && at("| Uppdrag |") < at("### Regeländringar") && at("### Regeländringar") < at("#### Huvud")
    );
    insta::assert_snapshot!(out);
}

#[test]
fn diff_json_adds_the_totals_per_board() {
    let out = diff(&["--input", "fixtures/2023.xlsx", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let impact = &v["impact"];
    let boards = impact["boards"].as_array().expect("boards");
    assert_eq!(boards.iter().map(|b| b["board"].as_str().expect("board")).collect::<Vec<_>>(), ["ÄN", "SON"]);
    let dec = |x: &serde_json::Value| x.as_str().expect("a decimal string").parse::<rust_decimal::Decimal>().expect("decimal");
    let per_board: rust_decimal::Decimal = boards.iter().map(|b| dec(&b["change"])).sum();
    let per_assignment: rust_decimal::Decimal = impact["assignments"].as_array().expect("a").iter().map(|a| dec(&a["change"])).sum();
    assert_eq!(per_board, dec(&impact["total"]["change"]));
    assert_eq!(per_assignment, dec(&impact["total"]["change"]));
    assert_eq!(impact["assignments"][0]["board"], "ÄN");
    insta::assert_snapshot!(out);
}

#[test]
fn diff_works_with_a_workbook_that_holds_only_budget() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(root.join("fixtures/2023-csv/Budget.csv"), dir.path().join("Budget.csv")).expect("copy");
    let out = stdout_ok(ekostyr(&[&DIFF[..], &["--input", dir.path().to_str().expect("utf-8"), "--format", "json"]].concat()));
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert!(v["impact"]["basis"].as_str().expect("basis").contains("bara har Budget"), "{out}");
    let dag = v["impact"]["assignments"].as_array().expect("a").iter().find(|a| a["id"] == "dagverksamhet").expect("dagverksamhet").clone();
    assert_eq!((dag["old"].as_str(), dag["new"].as_str()), (Some("18400000.00"), Some("18933600.00")));
    let shown = serde_json::to_string_pretty(&v["impact"]).expect("json");
    insta::assert_snapshot!(shown.replace(dir.path().to_str().expect("utf-8"), "[Budget-only]"));
}

#[test]
fn a_budget_only_workbook_for_the_new_year_takes_last_years_volumes() {
    // May: next year's workbook has its Budget only; the volumes and ledger are last year's.
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(root.join("fixtures/2023-csv/Budget.csv"), dir.path().join("Budget.csv")).expect("copy");
    let budget = dir.path().to_str().expect("utf-8");
    let may = diff(&["--previous-input", "fixtures/2023.xlsx", "--input", budget, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&may).expect("json");
    let basis = v["impact"]["basis"].as_str().expect("basis");
    assert!(basis.contains("2024 års budget") && basis.contains("2023 års volymer och utfall (fixtures/2023.xlsx"), "{basis}");
    // The same Budget as the 2023 workbook's, so the same figures as on that workbook alone.
    let same: serde_json::Value = serde_json::from_str(&diff(&["--input", "fixtures/2023.xlsx", "--format", "json"])).expect("json");
    assert_eq!(v["impact"]["boards"], same["impact"]["boards"]);
    assert_eq!(v["impact"]["assignments"], same["impact"]["assignments"]);
}

#[test]
fn diff_into_a_new_year_uses_last_years_workbook_relabelled() {
    // The case: `diff 2024.ek 2025.ek --input 2024.xlsx` once failed with
    // "the period 2024-01 is not in 2025".
    let dir = rules_dir();
    stdout_ok(ekostyr_in(dir.path(), &["init", "2025", "--from", "2024.ek"]));
    let text = std::fs::read_to_string(dir.path().join("2025.ek")).expect("written");
    // Whatever `init` proposes for the index, the owners set 3,4 %.
    let raised: String = text
        .lines()
        .map(|l| if l.starts_with("parameter prisindex") { "parameter prisindex: % = 3,4 %".to_string() } else { l.to_string() } + "\n")
        .collect();
    assert_ne!(text, raised, "{text}");
    std::fs::write(dir.path().join("2025.ek"), raised).expect("write");
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/2024.xlsx");
    let out = stdout_ok(ekostyr_in(dir.path(), &["diff", "2024.ek", "2025.ek", "--input", input.to_str().expect("utf-8")]));
    assert!(out.contains("2025 beräknat på 2024 års volymer"), "{out}");
    assert!(out.contains("prisindex: 2,9 % → 3,4 % (+0,5 procentenheter)"), "{out}");
    assert!(out.find("Summa").expect("total") < out.find("PARAMETRAR").expect("values"), "{out}");
}

#[test]
fn an_assignment_removed_for_the_new_year_is_a_structural_change_not_a_workbook_error() {
    let dir = rules_dir();
    stdout_ok(ekostyr_in(dir.path(), &["init", "2025", "--from", "2024.ek"]));
    let text = std::fs::read_to_string(dir.path().join("2025.ek")).expect("written");
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.iter().position(|l| l.trim_start().starts_with("uppdrag psykiatrisk_hemsjukvård")).expect("the assignment");
    let indent = lines[start].len() - lines[start].trim_start().len();
    let end = (start..lines.len()).find(|&i| lines[i].trim() == "}" && lines[i].len() - 1 == indent).expect("its end");
    let without = [&lines[..start], &lines[end + 1..]].concat().join("\n") + "\n";
    std::fs::write(dir.path().join("2025.ek"), without).expect("write");
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/2024.xlsx");
    let json =
        stdout_ok(ekostyr_in(dir.path(), &["diff", "2024.ek", "2025.ek", "--input", input.to_str().expect("utf-8"), "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let gone =
        v["impact"]["assignments"].as_array().expect("a").iter().find(|a| a["id"] == "psykiatrisk_hemsjukvård").expect("listed").clone();
    assert_eq!((gone["old"].as_str(), gone["new"].as_str(), gone["change"].as_str()), (Some("10084200.00"), None, Some("-10084200.00")));
}

#[test]
fn a_percentage_changes_in_percentage_points() {
    let dir = rules_dir();
    let text = std::fs::read_to_string(dir.path().join("2024.ek")).expect("read");
    std::fs::write(dir.path().join("changed.ek"), text.replace("2,9 %", "3,4 %")).expect("write");
    let out = stdout_ok(ekostyr_in(dir.path(), &["diff", "2024.ek", "changed.ek"]));
    assert!(out.contains("prisindex: 2,9 % → 3,4 % (+0,5 procentenheter)"), "{out}");
    assert!(!out.contains("17,24"), "{out}");
    let json = stdout_ok(ekostyr_in(dir.path(), &["diff", "2024.ek", "changed.ek", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let e = v["entries"].as_array().expect("entries").iter().find(|e| e["subject"] == "prisindex").expect("prisindex").clone();
    assert_eq!((e["points"].as_str(), e["percent"].is_null()), (Some("0.5"), true));
    let en = stdout_ok(ekostyr_in(dir.path(), &["--lang", "en", "diff", "2024.ek", "changed.ek"]));
    assert!(en.contains("prisindex: 2,9 % → 3,4 % (+0,5 percentage points)"), "{en}");
}

#[test]
fn values_read_through_föregående_are_inherited_not_removed() {
    let out = diff(&[]);
    for name in ["andel_fast", "arbetstid", "utbildningsfaktor.grund", "schablon_årsarbetare", "dygn_per_plats"] {
        assert!(out.contains(&format!("  {name}: ärvd via föregående (var ")), "{name}: {out}");
        assert!(!out.contains(&format!("  {name}: borttaget")), "{name}: {out}");
    }
    // A parameter no longer read at all is removed.
    assert!(out.contains("områdesansvar.fast_ersättning.nordväst: borttaget (var 12 000 000 kr)"), "{out}");
}

/// Copies the rule files into a fresh directory.
fn rules_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for f in ["2023.ek", "2024.ek"] {
        std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules").join(f), dir.path().join(f)).expect("copy");
    }
    dir
}

#[test]
fn layout_and_comment_edits_are_no_difference() {
    let dir = rules_dir();
    let text = std::fs::read_to_string(dir.path().join("2023.ek")).expect("read");
    let messy = text.replace("  ", "    ").replace("\n\n", "\n\n\n# en ny kommentar\n").replace("18 400 000", "18400000");
    std::fs::write(dir.path().join("messy.ek"), messy).expect("write");
    let out = stdout_ok(ekostyr_in(dir.path(), &["diff", "2023.ek", "messy.ek"]));
    assert!(out.contains("inga skillnader i innehåll"), "{out}");
    assert!(out.contains("ok: version `1.0` oförändrad"), "{out}");
}

#[test]
fn a_changed_number_under_an_unchanged_version_is_flagged() {
    let dir = rules_dir();
    let text = std::fs::read_to_string(dir.path().join("2024.ek")).expect("read");
    std::fs::write(dir.path().join("changed.ek"), text.replace("2,9 %", "3,1 %")).expect("write");
    let out = stdout_ok(ekostyr_in(dir.path(), &["diff", "2024.ek", "changed.ek"]));
    assert!(out.contains("varning: version `2.1` är oförändrad fast tal eller formler har ändrats"), "{out}");
    assert!(out.contains("prisindex: 2,9 % → 3,1 % (+0,2 procentenheter)"), "{out}");
}

/// The 2023 CSV exports relabelled as another year.
fn workbook_for(year: i32, dir: &Path) -> std::path::PathBuf {
    let out = dir.join(format!("{year}-csv"));
    std::fs::create_dir_all(&out).expect("mkdir");
    for f in ["Utfall.csv", "Volymer.csv", "Budget.csv"] {
        let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/2023-csv").join(f)).expect("read");
        std::fs::write(out.join(f), text.replace("2023-", &format!("{year}-"))).expect("write");
    }
    out
}

#[test]
fn init_builds_a_third_year_that_checks_and_runs() {
    let dir = rules_dir();
    let out = stdout_ok(ekostyr_in(dir.path(), &["init", "2025", "--from", "2024.ek"]));
    assert!(out.contains("skrev 2025.ek"), "{out}");
    let text = std::fs::read_to_string(dir.path().join("2025.ek")).expect("written");
    assert!(text.contains("version 3.0") && text.contains("bygger_på \"2024.ek\"") && text.contains("REVIDERA"));
    let check = ekostyr_in(dir.path(), &["check", "2025.ek"]);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    assert_eq!(ekostyr_in(dir.path(), &["fmt", "--check", "2025.ek"]).status.code(), Some(0));
    let input = workbook_for(2025, dir.path());
    let json = stdout_ok(ekostyr_in(dir.path(), &["run", "2025.ek", "--input", input.to_str().expect("utf-8"), "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let dag = v["assignments"].as_array().expect("assignments").iter().find(|a| a["id"] == "dagverksamhet").expect("dagverksamhet");
    // 18 400 000 kr (2023) × 1,029 (2024) × 1 (2025 index still 0 %) — read through two years of föregående.
    assert_eq!(dag["compensation"]["fixed"], "18933600.00");
}

#[test]
fn init_keeps_the_units_outside_the_model_and_drops_last_years_months_of_a_part() {
    let dir = rules_dir();
    stdout_ok(ekostyr_in(dir.path(), &["init", "2025", "--from", "2024.ek"]));
    let text = std::fs::read_to_string(dir.path().join("2025.ek")).expect("written");
    let units = |t: &str| t.lines().filter(|l| l.trim_start().starts_with("utanför ")).count();
    let old = std::fs::read_to_string(dir.path().join("2024.ek")).expect("read");
    assert_eq!(units(&text), units(&old), "{text}");
    assert!(units(&text) > 0);

    let case = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval/part_validity/rules.ek");
    let sub = dir.path().join("delar");
    std::fs::create_dir(&sub).expect("mkdir");
    std::fs::copy(case, sub.join("delar.ek")).expect("copy");
    stdout_ok(ekostyr_in(&sub, &["init", "2024", "--from", "delar.ek"]));
    let text = std::fs::read_to_string(sub.join("2024.ek")).expect("written");
    assert!(text.contains("# REVIDERA: delen `a` gällde till 2023-09 under 2023"), "{text}");
    assert!(text.contains("del a \"A\" id R11*\n"), "{text}");
    let check = ekostyr_in(&sub, &["check", "2024.ek"]);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
}

#[test]
fn init_never_overwrites() {
    let dir = rules_dir();
    std::fs::write(dir.path().join("2025.ek"), "# mine\n").expect("write");
    let out = ekostyr_in(dir.path(), &["init", "2025", "--from", "2024.ek"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("skriver aldrig över"));
    assert_eq!(std::fs::read_to_string(dir.path().join("2025.ek")).expect("read"), "# mine\n");
}

#[test]
fn run_2024_indexes_every_price_and_pays_the_statsbidrag_july_to_december() {
    let json = stdout_ok(ekostyr(&["run", "rules/2024.ek", "--input", "fixtures/2024.xlsx", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let find = |id: &str| v["assignments"].as_array().expect("a").iter().find(|a| a["id"] == id).expect("assignment").clone();
    assert_eq!(find("psykiatrisk_hemsjukvård")["compensation"]["fixed"], "10084200.00");
    let vb = find("vårdboende");
    let changes: Vec<&str> = vb["months"].as_array().expect("months").iter().map(|m| m["changes"].as_str().expect("s")).collect();
    assert_eq!(changes, [&["0.00"; 6][..], &["400000.00"; 6][..]].concat());
}

#[test]
fn a_previous_value_that_needs_inputs_takes_the_previous_workbook() {
    let dir = rules_dir();
    let text = std::fs::read_to_string(dir.path().join("2024.ek")).expect("read");
    let changed = text.replace(
        "ersättning fast = summa(referenskostnad * budget(planerade_vårddygn))",
        "ersättning fast = föregående.fast * (1 + prisindex)",
    );
    assert_ne!(text, changed);
    std::fs::write(dir.path().join("2024.ek"), changed).expect("write");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let input = root.join("fixtures/2024.xlsx");
    let previous = root.join("fixtures/2023.xlsx");
    let args = ["run", "2024.ek", "--input", input.to_str().expect("utf-8"), "--format", "json"];
    let missing = ekostyr_in(dir.path(), &args);
    assert_eq!(missing.status.code(), Some(2));
    let err = String::from_utf8_lossy(&missing.stderr);
    assert!(err.contains("2024.ek:") && err.contains("--previous-input"), "{err}");
    let json = stdout_ok(ekostyr_in(dir.path(), &[&args[..], &["--previous-input", previous.to_str().expect("utf-8")]].concat()));
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let vb = v["assignments"].as_array().expect("a").iter().find(|a| a["id"] == "vårdboende").expect("vårdboende").clone();
    // 431 950 000 kr in 2023 (on the 2023 workbook) × 1,029.
    assert_eq!(vb["compensation"]["fixed"], "444476550.00");
}
