//! Invariants: twelve transfers sum exactly to the annual amount; a change spread
//! over its months sums to its amount; level 1 equals the sum of its assignments.

use ekostyr::check::check_source;
use ekostyr::eval::{Data, Options, evaluate, money};
use ekostyr::source::SourceFile;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn model(text: &str) -> ekostyr::model::Model {
    let checked = check_source(SourceFile::new("p.ek", text), None, &mut vec![]);
    assert!(!checked.has_errors(), "{}", checked.render());
    checked.model.expect("model")
}

fn rules(fixed: &str, change: &str, month: u32) -> String {
    format!(
        "regelverk \"p\"\når 2023\nversion 1.0\ndokumentägare \"a\"\n\
         nämnd N \"N\" {{ vårdform v \"V\" {{ uppdrag u \"U\" {{ källa \"k\" id X1*\n\
         ersättning fast = {fixed} kr\n\
         förändring c \"C\" {{ typ statsbidrag belopp = {change} kr från 2023-{month:02} }}\n}} }} }}\n"
    )
}

fn swedish(d: Decimal) -> String {
    d.to_string().replace('.', ",").replace('-', "")
}

proptest! {
    #[test]
    fn spread_sums_exactly(cents in -10_000_000_000_000i64..10_000_000_000_000i64, n in 1usize..=12) {
        let total = Decimal::new(cents, 2);
        let lines = money::spread(total, n).expect("fits");
        prop_assert_eq!(lines.len(), n);
        prop_assert_eq!(lines.iter().copied().sum::<Decimal>(), total);
        for l in &lines[..n - 1] {
            prop_assert_eq!(*l, lines[0]);
        }
    }

    #[test]
    fn twelve_transfers_sum_to_the_annual_amount(
        fixed in 0i64..1_000_000_000_000_000i64, scale in 0u32..6,
        change in 0i64..100_000_000_000i64, month in 1u32..=12,
    ) {
        let fixed = Decimal::new(fixed, scale);
        let change = Decimal::new(change, 2);
        let m = model(&rules(&swedish(fixed), &swedish(change), month));
        let report = evaluate(&m, &Data::empty(&m), None, Options::default()).expect("evaluates");
        let a = &report.assignments[0];
        prop_assert_eq!(a.months.len(), 12);
        let annual = money::round_öre(fixed);
        prop_assert_eq!(a.months.iter().map(|l| l.amounts.fixed).sum::<Decimal>(), annual);
        prop_assert_eq!(a.compensation.fixed, annual);
        prop_assert_eq!(a.months.iter().map(|l| l.amounts.changes).sum::<Decimal>(), change);
        prop_assert!(a.months[..month as usize - 1].iter().all(|l| l.amounts.changes.is_zero()));
        prop_assert_eq!(a.months.iter().map(|l| l.amounts.total).sum::<Decimal>(), a.compensation.total);
    }

    #[test]
    fn level1_is_the_sum_of_its_assignments(costs in proptest::collection::vec(-1_000_000_000i64..1_000_000_000i64, 40)) {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/2023.ek")).expect("rules");
        let m = model(&text);
        let mut data = Data::empty(&m);
        let mut it = costs.iter().cycle();
        for slots in data.ledger.iter_mut() {
            for slot in slots.iter_mut() {
                for month in slot.sum.iter_mut() {
                    *month = Decimal::new(*it.next().expect("cycle"), 2);
                }
            }
        }
        let report = fixed_only(&m, &data);
        for l in &report.level1 {
            let mine = report.assignments.iter().filter(|a| a.board == l.board && a.care_form == l.care_form);
            let (comp, cost): (Vec<Decimal>, Vec<Decimal>) = mine.map(|a| (a.compensation.total, a.cost)).unzip();
            prop_assert_eq!(l.compensation, comp.iter().copied().sum::<Decimal>());
            prop_assert_eq!(l.cost, cost.iter().copied().sum::<Decimal>());
            prop_assert_eq!(l.result, l.compensation - l.cost);
        }
    }
}

/// The reference rules need budget inputs; give every (assignment, part, measure) one.
fn fixed_only(m: &ekostyr::model::Model, data: &Data) -> ekostyr::eval::results::Report {
    use ekostyr::eval::data::{BudgetValue, MonthlyVolume};
    use ekostyr::workbook::CellRef;
    let mut data = data.clone();
    for (ai, a) in m.assignment_ids().zip(&m.assignments) {
        for p in a.part_scopes(!a.parts.is_empty()) {
            for (mi, measure) in m.measure_ids().zip(&m.measures) {
                let cell = CellRef { sheet: "Budget", row: 2, col: 3 };
                match measure.kind {
                    ekostyr::model::MeasureKind::Budget => {
                        data.budget.insert((ai, p, mi), BudgetValue { value: Decimal::new(1234, 1), cell });
                    }
                    ekostyr::model::MeasureKind::Volume => {
                        data.volume.insert((ai, p, mi), MonthlyVolume { values: [Decimal::new(105, 1); 12], cells: Default::default() });
                    }
                }
            }
        }
    }
    evaluate(m, &data, None, Options::default()).expect("evaluates")
}
