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
        std::fs::write(next.join("Budget.csv"), scaled(&budget_2024(), factors)).expect("write");
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
    ) {
        let b = run(&Case { index, efficiency, volumes, budget, restructure });
        check(&b);
    }
}

#[test]
fn the_reference_figures_with_an_efficiency_requirement_add_up() {
    let b = run(&Case { index: 290, efficiency: 100, volumes: vec![10], budget: Some(vec![10]), restructure: false });
    check(&b);
    // The start is 2023's compensation on the unchanged 2023 data.
    assert_eq!(b.total.start, Decimal::from_str("1133969986.03").expect("d"));
    let step = |k: budget::StepKind| b.total.steps.iter().find(|s| s.kind == k).map(|s| s.amount);
    assert!(step(budget::StepKind::Efficiency).is_some_and(|a| a < Decimal::ZERO), "{:?}", b.total.steps);
    assert!(step(budget::StepKind::PriceIndex).is_some_and(|a| a > Decimal::ZERO), "{:?}", b.total.steps);
}

#[test]
fn no_volumes_at_all_last_year_still_gives_a_bridge() {
    let b = run(&Case { index: 290, efficiency: 0, volumes: vec![0], budget: None, restructure: false });
    check(&b);
}

#[test]
fn an_assignment_of_one_year_only_is_a_structural_change() {
    let b = run(&Case { index: 290, efficiency: 0, volumes: vec![10], budget: Some(vec![10]), restructure: true });
    check(&b);
    let line = |id: &str| b.assignments.iter().find(|a| a.id == id).expect("the assignment");
    let structure = |l: &Line| l.steps.iter().find(|s| s.kind == budget::StepKind::Structure).map(|s| s.amount);
    let gone = line("psykiatrisk_hemsjukvård");
    assert_eq!((gone.end, structure(gone)), (Decimal::ZERO, Some(-gone.start)));
    assert!(gone.start > Decimal::ZERO);
    let added = line("nytt_uppdrag");
    assert_eq!((added.start, added.end, structure(added)), (Decimal::ZERO, Decimal::from(1_000_000), Some(Decimal::from(1_000_000))));
    assert_eq!(b.assignments.last().map(|a| a.id.as_str()), Some("psykiatrisk_hemsjukvård"));
}
