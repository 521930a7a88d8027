//! Hostile numbers: amounts at and past the edge of an exact decimal, in `--set`,
//! rule files, expectations, CSV and xlsx cells. Each ends in a located message
//! (or a correct result), never a panic.

mod common;
#[path = "workbook/support.rs"]
mod support;

use common::{ekostyr, ekostyr_in, stderr, stdout};
use ekostyr::check::check_source;
use ekostyr::eval::data::Target;
use ekostyr::eval::{Data, Options, evaluate};
use ekostyr::model::ParamValue;
use ekostyr::source::SourceFile;
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::path::Path;
use support::W::{E, N, S};

const MAX: &str = "79228162514264337593543950335";
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

const HUGE_SET: [&str; 8] = [
    "run",
    "rules/2023.ek",
    "--input",
    "fixtures/2023.xlsx",
    "--set",
    "vårdboende.referenskostnad.somatik=400000000000000000000000 kr/dygn",
    "--set",
    "son_heldygn_vuxna.platspris.boda=6000000000000000000000000000 kr/plats",
];

/// Asserts exit 2, no panic and the place `at` in standard error; returns it.
fn fails_at(out: &std::process::Output, at: &str) -> String {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains(at), "expected `{at}` in:\n{err}");
    err
}

/// A copy of the reference CSV folder whose `Utfall.csv` is edited.
fn csv_folder(edit: impl FnOnce(String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(ROOT).join("fixtures/2023-csv");
    for f in ["Utfall.csv", "Volymer.csv", "Budget.csv"] {
        std::fs::copy(root.join(f), dir.path().join(f)).expect("copy");
    }
    let path = dir.path().join("Utfall.csv");
    std::fs::write(&path, edit(std::fs::read_to_string(&path).expect("read"))).expect("write");
    dir
}

/// The first posting's amount replaced by `amount`.
fn first_posting(amount: &str) -> tempfile::TempDir {
    csv_folder(|text| text.replacen("1713042,16", amount, 1))
}

fn run_csv(dir: &tempfile::TempDir) -> std::process::Output {
    let input = dir.path().to_str().expect("utf-8").to_string();
    ekostyr(&["run", "rules/2023.ek", "--input", &input])
}

/// A rule file `name` in `dir`: `rules/<from>` with `old` replaced by `new`
/// (and `2023.ek` beside it, for `bygger_på`).
fn rules(dir: &Path, from: &str, old: &str, new: &str) {
    let text = std::fs::read_to_string(Path::new(ROOT).join("rules").join(from)).expect("read");
    assert!(text.contains(old), "{old}");
    std::fs::write(dir.join(from), text.replacen(old, new, 1)).expect("write");
    if from != "2023.ek" {
        std::fs::copy(Path::new(ROOT).join("rules/2023.ek"), dir.join("2023.ek")).expect("copy");
    }
}

/// The line (1-based) of the first line of `rules/<file>` containing `needle` after
/// the first line containing `after`: the tests name places in the reference rules
/// without pinning line numbers that every edit of the rules would move.
fn line_of(file: &str, after: &str, needle: &str) -> usize {
    let text = std::fs::read_to_string(Path::new(ROOT).join("rules").join(file)).expect("read the reference rules");
    let start = text.lines().position(|l| l.contains(after)).expect("anchor line");
    start + 1 + text.lines().skip(start).position(|l| l.contains(needle)).expect("needle line")
}

fn son_heldygn_vuxna() -> usize {
    line_of("2023.ek", "uppdrag son_heldygn_vuxna", "uppdrag son_heldygn_vuxna")
}

fn vårdboende_occupancy() -> usize {
    line_of("2023.ek", "uppdrag vårdboende", "värde = volym(belagda_dygn)")
}

#[test]
fn huge_set_values_are_an_error_at_the_assignment() {
    let out = ekostyr(&HUGE_SET);
    let err = fails_at(&out, &format!("rules/2023.ek:{}:5", son_heldygn_vuxna()));
    insta::assert_snapshot!("huge_set_sv", err);
}

#[test]
fn huge_set_values_in_english() {
    let mut args = HUGE_SET.to_vec();
    args.extend(["--lang", "en"]);
    let err = fails_at(&ekostyr(&args), &format!("rules/2023.ek:{}:5", son_heldygn_vuxna()));
    assert!(err.contains("too large"), "{err}");
    insta::assert_snapshot!("huge_set_en", err);
}

#[test]
fn the_largest_negative_posting_gives_a_correct_result() {
    let dir = first_posting(&format!("-{MAX}"));
    let out = run_csv(&dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("-79 228 162 514 264 337 593 353 480 317,00"), "{}", stdout(&out));
}

#[test]
fn postings_summing_past_the_largest_decimal_are_an_error_at_their_row() {
    fails_at(&run_csv(&first_posting(MAX)), "Utfall rad 3:");
}

#[test]
fn unmapped_postings_summing_past_the_largest_decimal_are_an_error_at_their_row() {
    let dir = csv_folder(|text| format!("{text}2023-01;X998;K1;4010;{MAX}\r\n2023-01;X999;K1;4010;{MAX}\r\n"));
    let err = fails_at(&run_csv(&dir), ": Utfall rad ");
    assert!(err.contains("summan av konteringarna är för stor"), "{err}");
}

#[test]
fn csv_amounts_a_decimal_cannot_hold_exactly_are_an_error_at_the_cell() {
    for amount in ["79228162514264337593543950336", "1234567890123456789012345678901234567890", "0,12345678901234567890123456789012"] {
        let err = fails_at(&run_csv(&first_posting(amount)), "Utfall!E2");
        assert!(err.contains(amount), "{err}");
    }
}

#[test]
fn xlsx_amounts_a_decimal_cannot_hold_exactly_are_an_error_at_the_cell() {
    for amount in [S("1234567890123456789012345678901234567890"), N(1e40), S("79228162514264337593543950336")] {
        let dir = support::tmp();
        let utfall = (
            "Utfall",
            vec![vec![S("period"), S("id"), S("komplement"), S("konto"), S("belopp")], vec![S("2023-01"), S("A1"), E, S("4010"), amount]],
        );
        let path = support::xlsx(dir.path(), "in.xlsx", &support::with(support::valid(), utfall));
        let (_, message) = support::error_of(&path);
        assert!(message.contains("Utfall!E2: talet"), "{message}");
    }
}

#[test]
fn explain_of_a_huge_value_says_where_and_does_not_panic() {
    let dir = tempfile::tempdir().expect("tempdir");
    rules(dir.path(), "2023.ek", "somatik: 2 050 kr/dygn", "somatik: 400 000 000 000 000 000 000 000 000 kr/dygn");
    let input = Path::new(ROOT).join("fixtures/2023.xlsx");
    let out = ekostyr_in(dir.path(), &["explain", "2023.ek", "vårdboende.fast", "--input", input.to_str().expect("utf-8")]);
    let text = stdout(&out);
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    let line = line_of("2023.ek", "uppdrag vårdboende", "ersättning fast = summa(referenskostnad");
    assert!(text.contains(&format!("vårdboende.fast = i.u. (för stort för ett exakt decimaltal)  (2023.ek:{line}")), "{text}");
}

/// The reference CSV folder with huge occupied days and 0,001 places: a ratio too
/// large to show in percent (×100 used to panic in explain).
fn huge_ratio() -> tempfile::TempDir {
    let dir = csv_folder(|text| text);
    let edit = |name: &str, f: &dyn Fn(&str) -> String| {
        let path = dir.path().join(name);
        let text = std::fs::read_to_string(&path).expect("read");
        std::fs::write(&path, text.split("\r\n").map(f).collect::<Vec<_>>().join("\r\n")).expect("write");
    };
    edit("Volymer.csv", &|l| {
        l.replace("2023-01;vårdboende;somatik;belagda_dygn;7515", "2023-01;vårdboende;somatik;belagda_dygn;70000000000000000000000000000")
    });
    edit("Budget.csv", &|l| match l.strip_prefix("vårdboende;").and_then(|r| r.rsplit_once(";platser;")) {
        Some((part, _)) => format!("vårdboende;{part};platser;0,001"),
        None => l.to_string(),
    });
    dir
}

#[test]
fn a_key_figure_too_large_in_percent_is_an_error_in_run_and_said_in_explain() {
    let dir = huge_ratio();
    fails_at(&run_csv(&dir), &format!("rules/2023.ek:{}:17: fel: för stort tal i ett nyckeltal", vårdboende_occupancy()));
    let input = dir.path().to_str().expect("utf-8").to_string();
    let out = ekostyr(&["explain", "rules/2023.ek", "vårdboende.beläggningsgrad", "--input", &input]);
    let text = stdout(&out);
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    assert!(text.contains(&format!("(för stort för ett exakt decimaltal)  (rules/2023.ek:{}", vårdboende_occupancy())), "{text}");
}

#[test]
fn diff_with_a_huge_change_is_an_error_at_the_assignment() {
    let dir = tempfile::tempdir().expect("tempdir");
    rules(dir.path(), "2024.ek", "belopp = 2 400 000 kr", "belopp = 79 228 162 514 264 337 593 543 950 335 kr");
    let input = Path::new(ROOT).join("fixtures/2024.xlsx");
    let out = ekostyr_in(dir.path(), &["diff", "2023.ek", "2024.ek", "--input", input.to_str().expect("utf-8")]);
    fails_at(&out, &format!("2024.ek:{}:5: fel: för stort tal", line_of("2024.ek", "uppdrag vårdboende", "uppdrag vårdboende")));
}

#[test]
fn test_with_huge_inline_values_is_an_error_at_the_line() {
    let cases = [
        // The annualised year-to-date cost per place (×12/3) overflows first, at its key figure.
        ("utfall 2023-01 L2101 = 500 000 kr", "utfall 2023-01 L2101 = -79 228 162 514 264 337 593 543 950 335 kr", 2, "inl.ek:40:17"),
        ("utfall 2023-03 L2201 = 100 tkr", "utfall 2023-03 L2201 = 79 228 162 514 264 337 593 543 950 tkr", 2, "inl.ek:16:5"),
        ("vårdboende.ersättning = 11,6 mnkr", "vårdboende.ersättning = 79 228 162 514 264 337 593 543 950 mnkr", 2, "inl.ek:74:27"),
        ("vårdboende.kostnad = 850 000 kr", "vårdboende.kostnad = -79 228 162 514 264 337 593 543 950 335 kr", 1, "inl.ek:75:3"),
    ];
    for (old, new, code, at) in cases {
        let dir = tempfile::tempdir().expect("tempdir");
        let text = std::fs::read_to_string(Path::new(ROOT).join("tests/expect/inline.ek")).expect("read");
        std::fs::write(dir.path().join("inl.ek"), text.replacen(old, new, 1)).expect("write");
        let out = ekostyr_in(dir.path(), &["test", "inl.ek"]);
        let all = stderr(&out) + &stdout(&out);
        assert_eq!(out.status.code(), Some(code), "{all}");
        assert!(!all.contains("panicked"), "{all}");
        assert!(all.contains(at), "expected `{at}` in:\n{all}");
    }
}

fn model() -> ekostyr::model::Model {
    let text = "regelverk \"p\"\når 2023\nversion 1.0\ndokumentägare \"a\"\n\
        nämnd N \"N\" { vårdform v \"V\" {\n\
        uppdrag u \"U\" { källa \"k\" id X1*\n parameter p = 1 kr\n ersättning fast = p * 12\n\
        förändring c \"C\" { typ statsbidrag belopp = p från 2023-04 } }\n\
        uppdrag w \"W\" { källa \"k\" id X2*\n parameter q = 1 kr\n ersättning fast = q\n\
        nyckeltal andel \"Andel\" { värde = kostnad / q\n intervall månadsvis\n mottagare \"N\"\n ansvarig \"S\"\n från 2023 } } } }\n";
    let checked = check_source(SourceFile::new("p.ek", text), None, &mut vec![]);
    assert!(!checked.has_errors(), "{}", checked.render());
    checked.model.expect("model")
}

fn huge() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        any::<i128>().prop_map(|n| Decimal::from_i128_with_scale(n % 79_228_162_514_264_337_593_543_950_335, 0)),
        (any::<i64>(), 0u32..28).prop_map(|(n, s)| Decimal::new(n, s)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn huge_parameters_and_postings_never_panic_in_evaluate_or_the_renderers(
        p in huge(), q in huge(), postings in proptest::collection::vec((huge(), 0usize..12, 0usize..2), 0..8),
        period in proptest::option::of(1u32..=12),
    ) {
        let mut m = model();
        for (asg, value) in m.assignments.iter_mut().zip([p, q]) {
            asg.params[0].value = ParamValue::Scalar(value);
        }
        let mut data = Data::empty(&m);
        let ids: Vec<_> = m.assignment_ids().collect();
        for (amount, month, a) in postings {
            let _ = data.add_posting(Target { assignment: ids[a], part: None, activity: 0 }, month, amount);
        }
        if let Ok(report) = evaluate(&m, &data, None, Options { period }) {
            let lang = ekostyr::i18n::Lang::Sv;
            let _ = ekostyr::report::table::render(&report, lang);
            let _ = ekostyr::report::json::render(&report);
            let _ = ekostyr::report::csv::render(&report, lang, ekostyr::report::csv::Dialect::Swedish);
            let _ = ekostyr::report::csv::render(&report, lang, ekostyr::report::csv::Dialect::English);
        }
    }
}
