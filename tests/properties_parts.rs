//! Invariants of the per-part and pooled results: on any inputs, the parts (and
//! what belongs to no part) add up to their assignment's compensation, cost and
//! result exactly, and the pooled result per board adds up to the total, which is
//! the sum of the assignments.

use ekostyr::check::check_source;
use ekostyr::eval::data::{BudgetValue, Data, MonthlyVolume};
use ekostyr::eval::results::Report;
use ekostyr::eval::{Options, evaluate};
use ekostyr::model::{MeasureKind, Model};
use ekostyr::source::SourceFile;
use ekostyr::workbook::CellRef;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn model(text: &str) -> Model {
    let checked = check_source(SourceFile::new("p.ek", text), None, &mut vec![]);
    assert!(!checked.has_errors(), "{}", checked.render());
    checked.model.expect("model")
}

/// Every (assignment, part, measure) gets a value from `values`, every ledger slot
/// and month a cost from `costs`.
fn data(m: &Model, values: &[i64], costs: &[i64]) -> Data {
    let mut data = Data::empty(m);
    let mut v = values.iter().cycle();
    let mut next = || Decimal::new(*v.next().expect("cycle"), 2);
    for (ai, a) in m.assignment_ids().zip(&m.assignments) {
        for p in a.part_scopes(!a.parts.is_empty()) {
            for (mi, measure) in m.measure_ids().zip(&m.measures) {
                let cell = CellRef { sheet: "Budget", row: 2, col: 3 };
                match measure.kind {
                    MeasureKind::Budget => {
                        data.budget.insert((ai, p, mi), BudgetValue { value: next(), cell });
                    }
                    MeasureKind::Volume => {
                        let values = std::array::from_fn(|_| next());
                        data.volume.insert((ai, p, mi), MonthlyVolume { values, cells: Default::default() });
                    }
                }
            }
        }
    }
    let mut c = costs.iter().cycle();
    for slots in data.ledger.iter_mut() {
        for slot in slots.iter_mut() {
            for month in slot.sum.iter_mut() {
                *month = Decimal::new(*c.next().expect("cycle"), 2);
            }
        }
    }
    data
}

/// The full year, or the year to date up to `period`.
#[allow(clippy::needless_update)] // other options may come; this test sets only the period
fn options(period: Option<u32>) -> Options {
    Options { period, ..Options::default() }
}

fn assert_sums(report: &Report) -> Result<(), TestCaseError> {
    for a in &report.assignments {
        if a.parts.is_empty() {
            continue;
        }
        prop_assert_eq!(a.parts.iter().map(|p| p.compensation).sum::<Decimal>(), a.compensation.total, "{}", a.id);
        prop_assert_eq!(a.parts.iter().map(|p| p.cost).sum::<Decimal>(), a.cost, "{}", a.id);
        prop_assert_eq!(a.parts.iter().map(|p| p.result).sum::<Decimal>(), a.result, "{}", a.id);
        for p in &a.parts {
            prop_assert_eq!(p.result, p.compensation - p.cost);
            prop_assert_eq!(p.compensation, p.compensation.round_dp(2));
        }
    }
    let pooled = &report.pooled;
    let total = |f: &dyn Fn(&ekostyr::eval::results::AssignmentResult) -> Decimal| report.assignments.iter().map(f).sum::<Decimal>();
    prop_assert_eq!(pooled.total.compensation, total(&|a| a.compensation.total));
    prop_assert_eq!(pooled.total.cost, total(&|a| a.cost));
    prop_assert_eq!(pooled.total.result, total(&|a| a.result));
    prop_assert_eq!(pooled.boards.iter().map(|b| b.compensation).sum::<Decimal>(), pooled.total.compensation);
    prop_assert_eq!(pooled.boards.iter().map(|b| b.cost).sum::<Decimal>(), pooled.total.cost);
    prop_assert_eq!(pooled.boards.iter().map(|b| b.result).sum::<Decimal>(), pooled.total.result);
    for b in &pooled.boards {
        let mine = report.assignments.iter().filter(|a| a.board.0 == b.board.0);
        prop_assert_eq!(b.result, mine.map(|a| a.result).sum::<Decimal>());
    }
    Ok(())
}

/// Parts with prices that do not divide evenly, a non-linear use (`max` over a
/// sum), an amount of the whole assignment and an explicit part reference.
const SYNTHETIC: &str = "regelverk \"p\"\når 2023\nversion 1.0\ndokumentägare \"a\"\n\
    mått budget platser: platser\nmått volym timmar: timmar\n\
    nämnd A \"A\" { vårdform v \"V\" {\n\
      uppdrag u \"U\" { källa \"k\"\n\
        del x \"X\" id X1*\n del y \"Y\" id X2*\n del z \"Z\" id X3*\n\
        parameter pris: kr/plats = per del { x: 1 000,01 kr/plats; y: 333,33 kr/plats; z: 7 kr/plats }\n\
        parameter timpris: kr/timme = per del { x: 480,5 kr/timme; y: 495 kr/timme; z: 470,25 kr/timme }\n\
        ersättning fast = summa(budget(platser) * pris) / 3 * 1,029 + 1 000 kr + max(summa(budget(platser) * pris); 5 kr) / 7\n\
        ersättning rörlig = summa(volym(timmar) * timpris) / 11 + volym(timmar; z) * 3 kr/timme\n\
      }\n\
      uppdrag w \"W\" { källa \"k\" id W1*\n ersättning fast = 10 kr }\n\
    } }\n\
    nämnd B \"B\" { vårdform v \"V\" { uppdrag t \"T\" { källa \"k\"\n\
        del p \"P\" id T1*\n del q \"Q\" id T2*\n\
        ersättning fast = summa(budget(platser) * 12 345,67 kr/plats) * 0,6\n\
    } } }\n";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn parts_and_pools_add_up_on_the_reference_rules(
        values in proptest::collection::vec(0i64..100_000_000i64, 1..60),
        costs in proptest::collection::vec(-1_000_000_000i64..1_000_000_000i64, 1..60),
        period in proptest::option::of(1u32..=12),
    ) {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/2023.ek")).expect("rules");
        let m = model(&text);
        let d = data(&m, &values, &costs);
        let report = evaluate(&m, &d, None, options(period)).expect("evaluates");
        assert_sums(&report)?;
    }

    #[test]
    fn parts_and_pools_add_up_on_uneven_and_unsplit_formulas(
        values in proptest::collection::vec(0i64..10_000_000i64, 1..40),
        costs in proptest::collection::vec(-1_000_000_000i64..1_000_000_000i64, 1..40),
        period in proptest::option::of(1u32..=12),
    ) {
        let m = model(SYNTHETIC);
        let d = data(&m, &values, &costs);
        let report = evaluate(&m, &d, None, options(period)).expect("evaluates");
        assert_sums(&report)?;
        let u = &report.assignments[0];
        // `1 000 kr` and the `max(…)` term belong to no part.
        prop_assert!(u.parts.iter().any(|p| p.id.is_none()), "{:?}", u.parts);
    }
}

/// A part's compensation is its own share: `summa` restricted to the part.
#[test]
fn a_linear_formula_splits_by_part() {
    let m = model(SYNTHETIC);
    let d = data(&m, &[100], &[0]);
    let report = evaluate(&m, &d, None, Options::default()).expect("evaluates");
    let t = &report.assignments[2];
    assert_eq!(t.parts.len(), 2, "{:?}", t.parts);
    // budget 1,00 plats × 12 345,67 kr × 0,6 = 7 407,402 kr → 7 407,40 each; the last part takes the remainder.
    assert_eq!(t.compensation.total, Decimal::new(1_481_480, 2));
    assert_eq!(t.parts[0].compensation, Decimal::new(740_740, 2));
    assert_eq!(t.parts[1].compensation, Decimal::new(740_740, 2));
}
