//! The ersättningsbrygga adds up exactly whatever the figures: on the reference
//! rules with any price index and efficiency requirement, any volumes last year and
//! any budget next year, start + Σ steps = end to the öre, per assignment, per nämnd
//! and in total; the start is last year's compensation and the end next year's.

mod common;

use ekostyr::budget::{self, Bridge, Inputs, Line};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::path::Path;
use std::str::FromStr as _;

/// Rule text without its `förvänta` blocks (they name workbooks outside the temporary folder).
fn without_expectations(text: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in text.lines() {
        if line.starts_with("förvänta ") {
            skipping = true;
        }
        if !skipping {
            out.push_str(line);
            out.push('\n');
        }
        if skipping && line == "}" {
            skipping = false;
        }
    }
    out
}

fn swedish(d: Decimal) -> String {
    d.normalize().to_string().replace('.', ",")
}

/// A CSV sheet with its `värde` column (the last) scaled by the factors, cycling.
fn scaled(text: &str, factors: &[i64]) -> String {
    let mut f = factors.iter().cycle();
    let mut lines = text.lines();
    let mut out = format!("{}\n", lines.next().expect("header"));
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let (head, value) = line.rsplit_once(';').expect("a value column");
        let v = Decimal::from_str(&value.replace(' ', "").replace(',', ".")).expect("a number");
        let k = Decimal::new(*f.next().expect("cycle"), 1);
        out.push_str(&format!("{head};{}\n", swedish(v * k)));
    }
    out
}

/// The Budget sheet of `fixtures/2024.xlsx` as CSV text.
fn budget_2024() -> String {
    common::csv_folder::sheet_as_csv("fixtures/2024.xlsx", "Budget")
}

/// The 2024 rules without `psykiatrisk_hemsjukvård` and with a new `nytt_uppdrag`.
fn restructured(text: &str) -> String {
    let start = text.find("    uppdrag psykiatrisk_hemsjukvård").expect("the assignment");
    let end = start + text[start..].find("\n    }\n").expect("its end") + "\n    }\n".len();
    let added = "    uppdrag nytt_uppdrag \"Nytt uppdrag\" {\n      id L170*\n      ersättning fast = 1 000 000 kr\n    }\n";
    format!("{}{added}{}", &text[..start], &text[end..])
}

/// The 2024 rules without the part `son_heldygn_bu.lss_boende` and with a new part
/// `övriga_öppna.ny` (whose budget rows only next year's Budget sheet holds).
fn parts_restructured(text: &str) -> String {
    let gone = "      del lss_boende \"LSS-boende\" id R320* komplement K2320*\n";
    let after = "      del heminstruktörer \"Heminstruktörer\" id L157* komplement K1157*\n";
    assert!(text.contains(gone) && text.contains(after), "the parts");
    text.replacen(gone, "", 1).replacen(after, &format!("{after}      del ny \"Ny verksamhet\" id L158* komplement K1158*\n"), 1)
}

/// The Budget rows of the new part `övriga_öppna.ny`.
const NEW_PART_BUDGET: &str =
    "övriga_öppna;ny;årsarbetare_grund;2\növriga_öppna;ny;årsarbetare_usk;1\növriga_öppna;ny;årsarbetare_högskola;1\n";

fn adds_up(l: &Line) {
    let steps: Decimal = l.steps.iter().map(|s| s.amount).sum();
    assert_eq!(l.start + steps, l.end, "{} ({})", l.name, l.id);
}

fn check(b: &Bridge) {
    adds_up(&b.total);
    b.boards.iter().for_each(adds_up);
    b.assignments.iter().for_each(adds_up);
    let sum = |f: fn(&Line) -> Decimal| b.assignments.iter().map(f).sum::<Decimal>();
    assert_eq!(sum(|l| l.start), b.total.start);
    assert_eq!(sum(|l| l.end), b.total.end);
}

struct Case {
    index: u32,
    efficiency: u32,
    volumes: Vec<i64>,
    budget: Option<Vec<i64>>,
    /// Next year drops `psykiatrisk_hemsjukvård` and adds `nytt_uppdrag`.
    restructure: bool,
    /// Next year drops the part `son_heldygn_bu.lss_boende` and adds `övriga_öppna.ny`.
    parts: bool,
}

fn run(case: &Case) -> Bridge {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let old = std::fs::read_to_string(root.join("rules/2023.ek")).expect("rules");
    std::fs::write(d.join("2023.ek"), without_expectations(&old)).expect("write");
    let new = without_expectations(&std::fs::read_to_string(root.join("rules/2024.ek")).expect("rules"));
    let pi = swedish(Decimal::new(i64::from(case.index), 2));
    let ek = swedish(Decimal::new(i64::from(case.efficiency), 2));
    let new = new
        .replace("parameter prisindex: % = 2,9 %", &format!("parameter prisindex: % = {pi} %\nparameter effektiviseringskrav: % = {ek} %"))
        .replace("(1 + prisindex)", "(1 + prisindex) * (1 - effektiviseringskrav)");
    let new = if case.restructure { restructured(&new) } else { new };
    // A new part needs its budget rows: only next year's Budget sheet can hold them.
    let new = if case.parts && case.budget.is_some() { parts_restructured(&new) } else { new };
    std::fs::write(d.join("2024.ek"), new).expect("write");
    let last = d.join("last");
    std::fs::create_dir(&last).expect("mkdir");
    let csv = root.join("fixtures/2023-csv");
    for name in ["Utfall.csv", "Budget.csv"] {
        std::fs::copy(csv.join(name), last.join(name)).expect("copy");
    }
    let volumes = std::fs::read_to_string(csv.join("Volymer.csv")).expect("volumes");
    std::fs::write(last.join("Volymer.csv"), scaled(&volumes, &case.volumes)).expect("write");
    let next = d.join("next");
    if let Some(factors) = &case.budget {
        std::fs::create_dir(&next).expect("mkdir");
        let mut budget = scaled(&budget_2024(), factors);
        if case.parts {
            // Next year's Budget sheet is written for next year's rules: no row of the removed part.
            budget = budget.lines().filter(|l| !l.starts_with("son_heldygn_bu;lss_boende;")).map(|l| format!("{l}\n")).collect();
            budget.push_str(NEW_PART_BUDGET);
        }
        std::fs::write(next.join("Budget.csv"), budget).expect("write");
    }
    let model = ekostyr::session::rules(&d.join("2024.ek")).expect("the rules check").model;
    let inputs = Inputs {
        last_year: &last,
        last_year_name: "last".into(),
        budget: case.budget.as_ref().map(|_| (next.as_path(), "next".to_string())),
        planned_volumes: None,
    };
    budget::build(&model, &inputs).expect("a bridge")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn start_plus_the_steps_is_the_end_exactly(
        index in 0u32..1000,
        efficiency in 0u32..500,
        volumes in prop::collection::vec(0i64..40, 1..7),
        budget in prop::option::of(prop::collection::vec(5i64..25, 1..5)),
        restructure in any::<bool>(),
        parts in any::<bool>(),
    ) {
        let b = run(&Case { index, efficiency, volumes, budget, restructure, parts });
        check(&b);
    }
}

#[test]
fn the_reference_figures_with_an_efficiency_requirement_add_up() {
    let b = run(&Case { index: 290, efficiency: 100, volumes: vec![10], budget: Some(vec![10]), restructure: false, parts: false });
    check(&b);
    // The start is 2023's compensation on the unchanged 2023 data.
    assert_eq!(b.total.start, Decimal::from_str("1133969986.03").expect("d"));
    let step = |k: budget::StepKind| b.total.steps.iter().find(|s| s.kind == k).map(|s| s.amount);
    assert!(step(budget::StepKind::Efficiency).is_some_and(|a| a < Decimal::ZERO), "{:?}", b.total.steps);
    assert!(step(budget::StepKind::PriceIndex).is_some_and(|a| a > Decimal::ZERO), "{:?}", b.total.steps);
    // The rates name themselves: last year had no efficiency requirement; the price index moved in procentenheter.
    let causes = |k: budget::StepKind| b.total.steps.iter().find(|s| s.kind == k).map(|s| s.causes.clone()).unwrap_or_default();
    let efficiency = causes(budget::StepKind::Efficiency);
    assert_eq!(efficiency.len(), 1, "{efficiency:?}");
    assert_eq!(
        (efficiency[0].name.as_str(), efficiency[0].old.as_deref(), efficiency[0].new.as_deref()),
        ("effektiviseringskrav", None, Some("1 %"))
    );
    assert!(efficiency[0].line.ends_with("2024.ek:46"), "{efficiency:?}");
    let index = causes(budget::StepKind::PriceIndex);
    assert_eq!(index[0].change.as_deref(), Some("+2,9 procentenheter"), "{index:?}");
}

#[test]
fn no_volumes_at_all_last_year_still_gives_a_bridge() {
    let b = run(&Case { index: 290, efficiency: 0, volumes: vec![0], budget: None, restructure: false, parts: false });
    check(&b);
}

#[test]
fn an_assignment_of_one_year_only_is_a_structural_change() {
    let b = run(&Case { index: 290, efficiency: 0, volumes: vec![10], budget: Some(vec![10]), restructure: true, parts: false });
    check(&b);
    let line = |id: &str| b.assignments.iter().find(|a| a.id == id).expect("the assignment");
    let structure = |l: &Line| l.steps.iter().find(|s| s.kind == budget::StepKind::Structure).map(|s| s.amount);
    let gone = line("psykiatrisk_hemsjukvård");
    assert_eq!((gone.end, structure(gone)), (Decimal::ZERO, Some(-gone.start)));
    assert!(gone.start > Decimal::ZERO);
    let added = line("nytt_uppdrag");
    assert_eq!((added.start, added.end, structure(added)), (Decimal::ZERO, Decimal::from(1_000_000), Some(Decimal::from(1_000_000))));
    assert_eq!(b.assignments.last().map(|a| a.id.as_str()), Some("psykiatrisk_hemsjukvård"));
    // Each names itself as the cause, with the amount of the year it exists.
    let cause = |l: &Line| l.steps.iter().find(|s| s.kind == budget::StepKind::Structure).map(|s| s.causes.clone()).unwrap_or_default();
    let gone_cause = cause(gone);
    assert_eq!(gone_cause.len(), 1, "{gone_cause:?}");
    assert_eq!((gone_cause[0].name.as_str(), gone_cause[0].new.as_deref()), ("uppdrag psykiatrisk_hemsjukvård", None));
    let added_cause = cause(added);
    assert_eq!((added_cause[0].name.as_str(), added_cause[0].new.as_deref()), ("uppdrag nytt_uppdrag", Some("1 000 000 kr")));
}

#[test]
fn a_part_of_one_year_only_is_a_structural_change() {
    let b = run(&Case { index: 290, efficiency: 100, volumes: vec![10], budget: Some(vec![10]), restructure: false, parts: true });
    check(&b);
    let line = |id: &str| b.assignments.iter().find(|a| a.id == id).expect("the assignment");
    let step = |l: &Line, k: budget::StepKind| l.steps.iter().find(|s| s.kind == k).cloned().expect("the step");
    let plain = run(&Case { index: 290, efficiency: 100, volumes: vec![10], budget: Some(vec![10]), restructure: false, parts: false });
    let plain_line = |id: &str| plain.assignments.iter().find(|a| a.id == id).expect("the assignment").clone();
    // The removed part: last year's share of it leaves in the structural step.
    let gone = step(line("son_heldygn_bu"), budget::StepKind::Structure);
    assert!(gone.amount < Decimal::ZERO, "{gone:?}");
    assert!(gone.causes.iter().any(|c| c.name == "del son_heldygn_bu.lss_boende" && c.new.is_none()), "{gone:?}");
    // The added part: its whole end amount arrives in the structural step; the other
    // steps of the assignment are those of the rules without it (to the öre of the
    // parts' rounded shares: each part's share is rounded, the last takes the rest).
    let near = |a: Decimal, b: Decimal, what: &str| assert!((a - b).abs() <= Decimal::new(10, 2), "{what}: {a} against {b}");
    let added = step(line("övriga_öppna"), budget::StepKind::Structure);
    assert!(added.amount > Decimal::ZERO, "{added:?}");
    assert!(added.causes.iter().any(|c| c.name == "del övriga_öppna.ny" && c.old.is_none()), "{added:?}");
    let without = plain_line("övriga_öppna");
    near(line("övriga_öppna").end - added.amount, without.end, "the end without the part");
    for kind in [budget::StepKind::Ambition, budget::StepKind::PriceIndex, budget::StepKind::Efficiency, budget::StepKind::Volume] {
        near(step(line("övriga_öppna"), kind).amount, step(&without, kind).amount, &format!("{kind:?}"));
    }
}
