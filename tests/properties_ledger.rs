//! Invariants of the ledger views on any workbook in the contract's layout: nivå 3
//! sums exactly to each assignment's cost; each view's totals are the sum of all
//! postings; a posting of an `utanför` unit is never unmapped nor anyone's cost; the
//! cost of a change's codes is part of its assignment's cost.

use ekostyr::check::check_source;
use ekostyr::eval::{Options, data, evaluate};
use ekostyr::source::SourceFile;
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};

const RULES: &str = include_str!("eval/ledger_views/rules.ek");

/// Codes of every kind the rules know: activities, parts, an assignment's own,
/// a change's, out of scope, and unmapped.
const IDS: [&str; 12] = ["R4101", "R4102", "R4103", "R4301", "R4302", "S1001", "S1002", "P5001", "P6001", "X1", "R5", "r4101"];
const KOMPLEMENT: [&str; 7] = ["K24101", "K24102", "K24301", "K31001", "K99", "", "k24101"];

fn model() -> ekostyr::model::Model {
    let checked = check_source(SourceFile::new("ledger_views.ek", RULES), None, &mut vec![]);
    assert!(!checked.has_errors(), "{}", checked.render());
    checked.model.expect("model")
}

/// A CSV input folder with these postings (month, id, komplement, öre).
fn workbook(dir: &Path, postings: &[(u32, usize, usize, i64)]) {
    std::fs::create_dir_all(dir).expect("dir");
    std::fs::write(dir.join("Budget.csv"), "uppdrag;del;mått;värde\n").expect("budget");
    std::fs::write(dir.join("Volymer.csv"), "period;uppdrag;del;mått;värde\n").expect("volymer");
    let mut utfall = String::from("period;id;komplement;konto;belopp\n");
    for (m, id, k, öre) in postings {
        let amount = Decimal::new(*öre, 2).to_string().replace('.', ",");
        utfall.push_str(&format!("2023-{m:02};{};{};4010;{amount}\n", IDS[*id], KOMPLEMENT[*k]));
    }
    std::fs::write(dir.join("Utfall.csv"), utfall).expect("utfall");
}

fn scratch(case: u64) -> PathBuf {
    std::env::temp_dir().join(format!("ekostyr-properties-ledger-{}-{case}", std::process::id()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn level3_views_and_out_of_scope_add_up(
        postings in proptest::collection::vec((1u32..=12, 0usize..IDS.len(), 0usize..KOMPLEMENT.len(), -1_000_000_000i64..1_000_000_000i64), 0..60),
        period in proptest::option::of(1u32..=12),
        case in any::<u64>(),
    ) {
        let m = model();
        let dir = scratch(case);
        workbook(&dir, &postings);
        let data = data::load(&m, &dir, &mut |_| {}).expect("loads");
        let _ = std::fs::remove_dir_all(&dir);
        let report = evaluate(&m, &data, None, Options { period }).expect("evaluates");
        let last = period.unwrap_or(12);
        let within: Vec<&(u32, usize, usize, i64)> = postings.iter().filter(|p| p.0 <= last).collect();
        let all: Decimal = within.iter().map(|p| Decimal::new(p.3, 2)).sum();

        // Σ nivå 3 = the assignment's cost, exactly, and the rest is `övrigt`.
        for a in &report.assignments {
            prop_assert_eq!(a.level3.iter().map(|x| x.cost).sum::<Decimal>(), a.cost, "{}", a.id);
            prop_assert_eq!(a.level3.last().and_then(|x| x.id.as_deref()), Some("övrigt"));
        }

        // Out of scope is neither unmapped nor anyone's cost; with the rest it is every
        // posting (`unmapped` is the whole year's, whatever the period).
        let unmapped = |p: &&(u32, usize, usize, i64)| ["X1", "R5"].contains(&IDS[p.1]);
        let unmapped_year: Decimal = postings.iter().filter(|p| unmapped(p)).map(|p| Decimal::new(p.3, 2)).sum();
        let unmapped_period: Decimal = within.iter().filter(|p| unmapped(p)).map(|p| Decimal::new(p.3, 2)).sum();
        prop_assert_eq!(report.unmapped.sum, unmapped_year);
        let costs: Decimal = report.assignments.iter().map(|a| a.cost).sum();
        prop_assert_eq!(costs + unmapped_period + report.out_of_scope.sum, all);
        prop_assert!(report.unmapped.codes.iter().all(|(c, _, _)| !c.starts_with('P')));
        let scope: Decimal = within.iter().filter(|p| IDS[p.1].starts_with('P')).map(|p| Decimal::new(p.3, 2)).sum();
        prop_assert_eq!(report.out_of_scope.sum, scope);
        prop_assert_eq!(report.out_of_scope.units.iter().map(|u| u.sum).sum::<Decimal>(), report.out_of_scope.sum);

        // Each view totals all postings; the ID view is the assignments' cost.
        let views = report.views.as_ref().expect("the rules declare komplement codes");
        for v in [&views.id, &views.komplement] {
            let total: Decimal = v.assignments.iter().map(|s| s.sum).sum::<Decimal>() + v.unmapped.sum + v.out_of_scope.sum;
            prop_assert_eq!(total, all);
        }
        for (s, a) in views.id.assignments.iter().zip(&report.assignments) {
            prop_assert_eq!(s.sum, a.cost);
        }
        // The two views differ by exactly the disagreeing pairs.
        for (i, (s, k)) in views.id.assignments.iter().zip(&views.komplement.assignments).enumerate() {
            let id = &report.assignments[i].id;
            let out: Decimal = views.disagreements.iter().filter(|d| d.id_assignment.as_ref() == Some(id)).map(|d| d.sum).sum();
            let into: Decimal = views.disagreements.iter().filter(|d| d.komplement_assignment.as_ref() == Some(id)).map(|d| d.sum).sum();
            prop_assert_eq!(k.sum, s.sum - out + into);
        }

        // A change's codes: their cost, within the assignment's.
        let change: Decimal = within.iter().filter(|p| IDS[p.1] == "R4301").map(|p| Decimal::new(p.3, 2)).sum();
        let boende = &report.assignments[0];
        prop_assert_eq!(boende.change_ledger.first().map(|c| c.cost), Some(change));
    }
}
