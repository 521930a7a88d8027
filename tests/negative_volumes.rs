//! Negative volumes and budget quantities (issue 12): an error at their cell, in an
//! xlsx workbook and a CSV folder alike, unless the measure is declared
//! `får_vara_negativ`; negative postings in Utfall stay allowed (credits are normal).
//! The declaration survives `fmt`, and a change of it is a `diff` fact.

mod common;

use common::csv_folder::{SHEETS, folder, set_field};
use common::{ekostyr, ekostyr_in, stderr, stdout};
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
/// The reference rules' declaration of the measure the tests make negative.
const DECLARED: &str = "mått volym hemtjänsttimmar_leanlink: timmar\n";
const SIGNED: &str = "mått volym hemtjänsttimmar_leanlink: timmar, får_vara_negativ\n";

/// The reference CSV folder with the first volume (`Volymer!E2`, hemtjänsttimmar_leanlink)
/// and the second budget quantity (`Budget!D3`, hsl_timmar) set to the given texts.
fn negative_folder(volume: &str, budget: &str) -> tempfile::TempDir {
    folder(|[_, volymer, budget_lines]| {
        set_field(volymer, 2, 4, volume);
        set_field(budget_lines, 3, 3, budget);
    })
}

/// The CSV folder `dir` as one xlsx workbook beside it: every field a text cell except
/// the last column (`belopp`, `värde`) below the header, written as a number.
fn as_xlsx(dir: &Path) -> PathBuf {
    let mut book = rust_xlsxwriter::Workbook::new();
    for name in SHEETS {
        let sheet = book.add_worksheet();
        sheet.set_name(name).expect("sheet name");
        let text = std::fs::read_to_string(dir.join(format!("{name}.csv"))).expect("csv");
        for (r, line) in text.split("\r\n").filter(|l| !l.is_empty()).enumerate() {
            let fields: Vec<&str> = line.split(';').collect();
            for (c, field) in fields.iter().enumerate() {
                let (row, col) = (r as u32, c as u16);
                let number = (r > 0 && c == fields.len() - 1).then(|| field.replace(' ', "").replace(',', "."));
                match number.and_then(|n| n.parse::<f64>().ok()) {
                    Some(n) => sheet.write_number(row, col, n).map(|_| ()),
                    None => sheet.write_string(row, col, *field).map(|_| ()),
                }
                .expect("cell");
            }
        }
    }
    let path = dir.join("indata.xlsx");
    book.save(&path).expect("save");
    path
}

/// The reference rules, with `hemtjänsttimmar_leanlink` declared signed, in `dir`.
fn signed_rules(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(Path::new(ROOT).join("rules/2023.ek")).expect("rules");
    assert!(text.contains(DECLARED), "the reference rules declare the measure");
    let path = dir.join("regler.ek");
    std::fs::write(&path, text.replacen(DECLARED, SIGNED, 1)).expect("write rules");
    path
}

fn run(rules: &Path, input: &Path, lang: &str) -> std::process::Output {
    let (rules, input) = (rules.to_str().expect("utf-8"), input.to_str().expect("utf-8"));
    ekostyr(&["--lang", lang, "run", rules, "--input", input, "--format", "json"])
}

/// Exit 2 without a panic, and both negative cells named with their sheet and cell.
fn both_refused(out: &std::process::Output) -> String {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.stdout.is_empty(), "nothing is reported from refused input");
    err
}

#[test]
fn a_negative_volume_and_budget_quantity_in_a_csv_folder_are_errors_at_their_cells() {
    let dir = negative_folder("-3", "-20 000,5");
    let err = both_refused(&run(&Path::new(ROOT).join("rules/2023.ek"), dir.path(), "sv"));
    assert!(err.contains("Volymer!E2: negativ volym -3 för måttet `hemtjänsttimmar_leanlink`"), "{err}");
    assert!(err.contains("Budget!D3: negativ budget -20 000,5 för måttet `hsl_timmar`"), "{err}");
    assert!(err.contains("`mått volym hemtjänsttimmar_leanlink: …, får_vara_negativ`"), "the hint shows the declaration: {err}");
}

#[test]
fn a_negative_volume_and_budget_quantity_in_an_xlsx_workbook_are_errors_at_their_cells() {
    let dir = negative_folder("-3", "-20000,5");
    let xlsx = as_xlsx(dir.path());
    let err = both_refused(&run(&Path::new(ROOT).join("rules/2023.ek"), &xlsx, "en"));
    assert!(err.contains("Volymer!E2: negative volume -3 of the measure `hemtjänsttimmar_leanlink`"), "{err}");
    assert!(err.contains("Budget!D3: negative budget -20 000,5 of the measure `hsl_timmar`"), "{err}");
    assert!(err.contains("declare the measure signed"), "{err}");
}

#[test]
fn a_measure_declared_signed_takes_a_negative_volume_in_csv_and_xlsx() {
    let dir = negative_folder("-3", "20000");
    let rules = signed_rules(dir.path());
    let csv = run(&rules, dir.path(), "sv");
    assert_eq!(csv.status.code(), Some(0), "{}", stderr(&csv));
    let xlsx = run(&rules, &as_xlsx(dir.path()), "sv");
    assert_eq!(xlsx.status.code(), Some(0), "{}", stderr(&xlsx));
    let assignments = |out: &std::process::Output| -> serde_json::Value {
        serde_json::from_str::<serde_json::Value>(&stdout(out)).expect("json")["assignments"].clone()
    };
    assert!(assignments(&csv) == assignments(&xlsx), "the same numbers from both formats");
    // Leanlink's share of the budgeted hours in January is negative: -3 hours were read.
    assert!(stdout(&csv).contains("\"value\": \"-0.03\""), "the negative volume is used");
    // The signed measure still guards nothing else: a negative budget quantity is refused.
    let budget = negative_folder("-3", "-1");
    let err = stderr(&run(&rules, budget.path(), "sv"));
    assert!(err.contains("Budget!D3: negativ budget -1"), "{err}");
    assert!(!err.contains("Volymer!E2"), "{err}");
}

#[test]
fn negative_postings_in_utfall_stay_allowed() {
    let dir = folder(|[utfall, _, _]| set_field(utfall, 2, 4, "-1713042,16"));
    let out = run(&Path::new(ROOT).join("rules/2023.ek"), dir.path(), "sv");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_negative_expected_volume_in_the_rules_is_a_located_error_unless_signed() {
    let text = std::fs::read_to_string(Path::new(ROOT).join("tests/expect/inline.ek")).expect("rules");
    let line = "volym 2023-03 vårdboende.somatik.belagda_dygn = 300 dygn";
    assert!(text.contains(line));
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("r.ek"), text.replacen(line, &line.replace("= 300", "= -300"), 1)).expect("write");
    let out = ekostyr_in(dir.path(), &["check", "r.ek"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("negativ volym -300 för måttet `belagda_dygn`"), "{err}");
    assert!(err.contains("r.ek:"), "located in the rule file: {err}");

    let signed = text.replacen(line, &line.replace("= 300", "= -300"), 1).replacen(
        "mått volym belagda_dygn: dygn",
        "mått volym belagda_dygn: dygn, får_vara_negativ",
        1,
    );
    std::fs::write(dir.path().join("r.ek"), signed).expect("write");
    let out = ekostyr_in(dir.path(), &["check", "r.ek"]);
    assert!(!stderr(&out).contains("negativ volym"), "{}", stderr(&out));
}

#[test]
fn fmt_keeps_the_signed_declaration_in_canonical_form() {
    let dir = tempfile::tempdir().expect("tempdir");
    let rules = signed_rules(dir.path());
    let text = std::fs::read_to_string(&rules).expect("rules");
    std::fs::write(&rules, text.replacen(SIGNED, "mått volym hemtjänsttimmar_leanlink :timmar ,  får_vara_negativ\n", 1)).expect("write");
    let out = ekostyr_in(dir.path(), &["fmt", "regler.ek"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&rules).expect("formatted"), text, "formatting gives the declaration back as written by fmt");
    let again = ekostyr_in(dir.path(), &["fmt", "--check", "regler.ek"]);
    assert_eq!(again.status.code(), Some(0), "stable: {}", stderr(&again));
}

#[test]
fn a_measure_becoming_signed_is_a_diff_fact() {
    let dir = tempfile::tempdir().expect("tempdir");
    let rules = signed_rules(dir.path());
    let old = Path::new(ROOT).join("rules/2023.ek");
    let out = ekostyr(&["diff", old.to_str().expect("utf-8"), rules.to_str().expect("utf-8")]);
    let text = stdout(&out);
    assert!(text.contains("mått hemtjänsttimmar_leanlink: volym, timmar → volym, timmar, får_vara_negativ"), "{text}\n{}", stderr(&out));
}
