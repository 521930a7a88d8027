//! The main job end to end: the reference year as JSON and table, full year and
//! year to date; CSV and xlsx inputs agree; what-ifs; atomic output.

mod common;

use common::ekostyr;

fn stdout_ok(args: &[&str]) -> String {
    let out = ekostyr(args);
    assert!(out.status.success(), "ekostyr {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

const REF: [&str; 4] = ["run", "rules/2023.ek", "--input", "fixtures/2023.xlsx"];

fn reference(extra: &[&str]) -> String {
    stdout_ok(&[&REF[..], extra].concat())
}

#[test]
fn reference_year_json() {
    insta::assert_snapshot!(reference(&["--format", "json"]));
}

#[test]
fn reference_year_table() {
    insta::assert_snapshot!(reference(&[]));
}

#[test]
fn year_to_date_august_json() {
    insta::assert_snapshot!(reference(&["--format", "json", "--period", "2023-08"]));
}

#[test]
fn year_to_date_august_table() {
    insta::assert_snapshot!(reference(&["--period", "2023-08"]));
}

#[test]
fn no_arguments_runs_the_bundled_reference_year() {
    assert_eq!(stdout_ok(&[]), reference(&[]));
}

#[test]
fn csv_folder_gives_the_same_figures_as_the_workbook() {
    let strip = |s: String| s.split("\"provenance\"").next().map(str::to_string).unwrap_or_default();
    let xlsx = strip(reference(&["--format", "json"]));
    let csv = strip(stdout_ok(&["run", "rules/2023.ek", "--input", "fixtures/2023-csv", "--format", "json"]));
    assert_eq!(xlsx, csv);
}

#[test]
fn identical_inputs_give_identical_output() {
    assert_eq!(reference(&["--format", "json"]), reference(&["--format", "json"]));
}

#[test]
fn what_if_changes_the_figure_and_is_named() {
    let base: serde_json::Value = serde_json::from_str(&reference(&["--format", "json"])).expect("json");
    let set = "vårdboende.referenskostnad.somatik=2 100 kr/dygn";
    let changed: serde_json::Value = serde_json::from_str(&reference(&["--format", "json", "--set", set])).expect("json");
    let fixed = |v: &serde_json::Value| -> rust_decimal::Decimal {
        let a = v["assignments"].as_array().expect("assignments").iter().find(|a| a["id"] == "vårdboende").expect("vårdboende");
        a["compensation"]["fixed"].as_str().expect("string").parse().expect("decimal")
    };
    // 50 kr/dygn more on the somatik part's planned care days (95 000 in the fixture).
    assert_eq!(fixed(&changed) - fixed(&base), rust_decimal::Decimal::from(50 * 95_000));
    assert_eq!(changed["provenance"]["overrides"][0], set);
    assert!(reference(&["--set", set]).contains("Vad händer om: vårdboende.referenskostnad.somatik"));
}

#[test]
fn what_if_on_an_unknown_parameter_is_an_error() {
    let out = ekostyr(&[&REF[..], &["--set", "prisindx=3%"]].concat());
    assert_eq!(out.status.code(), Some(2));
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stderr));
}

#[test]
fn output_file_is_written_and_bad_input_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = dir.path().join("r.json");
    let out = ekostyr(&[&REF[..], &["--format", "json", "-o", good.to_str().expect("utf-8")]].concat());
    assert!(out.status.success());
    assert!(std::fs::read_to_string(&good).expect("written").starts_with('{'));
    let bad = dir.path().join("bad.json");
    let missing = ekostyr(&["run", "rules/2023.ek", "--input", "fixtures/nope.xlsx", "-o", bad.to_str().expect("utf-8")]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(!bad.exists());
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1, "no temporary file left behind");
}

#[test]
fn period_outside_the_year_is_an_error() {
    for p in ["2022-08", "2023-13", "augusti"] {
        let out = ekostyr(&[&REF[..], &["--period", p]].concat());
        assert_eq!(out.status.code(), Some(2), "{p}");
        assert!(String::from_utf8_lossy(&out.stderr).contains(p));
    }
}

#[test]
fn eval_cases() {
    insta::glob!("eval/*/rules.ek", |path| {
        let dir = path.parent().expect("case dir");
        let input = dir.join("input");
        assert!(input.is_dir(), "{} needs an input/ folder", dir.display());
        let out = ekostyr(&["run", path.to_str().expect("utf-8"), "--input", input.to_str().expect("utf-8"), "--format", "json"]);
        let text = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/");
        insta::assert_snapshot!(text.replace(root, ""));
    });
}

#[test]
fn shell_completions_name_every_command() {
    let script = stdout_ok(&["completions", "bash"]);
    for command in ["run", "check", "fmt", "diff", "init", "explain", "test", "template", "verify"] {
        assert!(script.contains(command), "{command}");
    }
}

#[test]
fn huge_amounts_are_an_error_at_the_assignment_not_a_panic() {
    let case = "tests/eval/overflow_is_an_error";
    let out = ekostyr(&["run", &format!("{case}/rules.ek"), "--input", &format!("{case}/input"), "--lang", "en"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("rules.ek:13:5: error: level 1 of the board `ÄN` is too large for an exact decimal"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn json_reads_back_to_the_same_text() {
    for extra in [&[][..], &["--period", "2023-08"][..]] {
        let text = reference(&[&["--format", "json"][..], extra].concat());
        let report = ekostyr::report::json::parse(&text).expect("parses");
        assert_eq!(ekostyr::report::json::render(&report), text, "{extra:?}");
    }
}

#[test]
fn english_table_has_english_labels_and_notes() {
    insta::assert_snapshot!(reference(&["--period", "2023-08", "--lang", "en"]));
}

#[test]
fn english_json_has_english_notes() {
    let case =
        ["run", "tests/eval/key_figures_iu/rules.ek", "--input", "tests/eval/key_figures_iu/input", "--format", "json", "--lang", "en"];
    let mut notes = std::collections::BTreeSet::new();
    for text in [reference(&["--format", "json", "--period", "2023-08", "--lang", "en"]), stdout_ok(&case)] {
        let json: serde_json::Value = serde_json::from_str(&text).expect("json");
        for a in json["assignments"].as_array().expect("assignments") {
            let figures = a["key_figures"].as_array().expect("key figures");
            notes.extend(figures.iter().filter_map(|k| k["note"].as_str().map(str::to_string)));
        }
    }
    insta::assert_debug_snapshot!(notes);
}
