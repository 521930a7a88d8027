//! Validity in time (`från`/`till`): on any volumes, the transfer lines sum to the
//! compensation and months outside a validity pay nothing; a part valid n months
//! counts n/12 in a fixed formula; a change with an end month is paid in its months
//! only. And the reference fact: områdesansvar 2023 pays no variable compensation
//! January–April, on the reference workbook as on any other.

use ekostyr::check::check_source;
use ekostyr::eval::data::MonthlyVolume;
use ekostyr::eval::{Data, Options, evaluate, money};
use ekostyr::model::Model;
use ekostyr::source::SourceFile;
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::path::Path;

fn model(text: &str) -> Model {
    let checked = check_source(SourceFile::new("p.ek", text), None, &mut vec![]);
    assert!(!checked.has_errors(), "{}", checked.render());
    checked.model.expect("model")
}

fn reference_2023() -> Model {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/2023.ek");
    model(&std::fs::read_to_string(path).expect("rules"))
}

/// Every volume row of the model filled from `values`, cycling; every budget 123,4.
fn with_volumes(m: &Model, values: &[i64]) -> Data {
    let mut data = Data::empty(m);
    let mut it = values.iter().cycle();
    for (ai, a) in m.assignment_ids().zip(&m.assignments) {
        for p in std::iter::once(None).chain(a.part_ids().map(Some)) {
            for (mi, measure) in m.measure_ids().zip(&m.measures) {
                if measure.kind == ekostyr::model::MeasureKind::Budget {
                    let cell = ekostyr::workbook::CellRef { sheet: "Budget", row: 2, col: 3 };
                    data.budget.insert((ai, p, mi), ekostyr::eval::data::BudgetValue { value: Decimal::new(1234, 1), cell });
                } else {
                    let mut row = MonthlyVolume { values: [Decimal::ZERO; 12], cells: Default::default() };
                    for v in row.values.iter_mut() {
                        *v = Decimal::new(*it.next().expect("cycle"), 1);
                    }
                    data.volume.insert((ai, p, mi), row);
                }
            }
        }
    }
    data
}

fn header() -> &'static str {
    "regelverk \"p\"\når 2023\nversion 1.0\ndokumentägare \"a\"\nmått volym timmar: timmar\n"
}

fn validity(from: u32, to: u32) -> String {
    format!("från 2023-{from:02} till 2023-{to:02}")
}

#[test]
fn områdesansvar_2023_has_no_variable_compensation_january_to_april_on_the_reference_workbook() {
    let m = reference_2023();
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/2023.xlsx"));
    let data = ekostyr::eval::data::load(&m, path, &mut |_| {}).expect("workbook");
    let report = evaluate(&m, &data, None, Options::default()).expect("evaluates");
    let a = report.assignments.iter().find(|a| a.id == "områdesansvar").expect("områdesansvar");
    for line in &a.months {
        assert_eq!(line.amounts.variable.is_zero(), line.month <= 4, "month {}: {:?}", line.month, line.amounts);
    }
    assert_eq!(a.compensation.fixed, Decimal::from(36_500_000));
    assert!(a.months.iter().all(|l| l.amounts.fixed == Decimal::new(304_166_667, 2) || l.month == 12));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn områdesansvar_2023_pays_no_variable_before_may_for_any_volumes(
        volumes in proptest::collection::vec(0i64..100_000, 1..40),
    ) {
        let m = reference_2023();
        let data = with_volumes(&m, &volumes);
        let report = evaluate(&m, &data, None, Options::default()).expect("evaluates");
        for a in &report.assignments {
            let sum = |f: fn(&ekostyr::eval::results::Compensation) -> Decimal| a.months.iter().map(|l| f(&l.amounts)).sum::<Decimal>();
            prop_assert_eq!(sum(|c| c.fixed), a.compensation.fixed);
            prop_assert_eq!(sum(|c| c.variable), a.compensation.variable);
            prop_assert_eq!(sum(|c| c.total), a.compensation.total);
        }
        let a = report.assignments.iter().find(|a| a.id == "områdesansvar").expect("områdesansvar");
        prop_assert!(a.months[..4].iter().all(|l| l.amounts.variable.is_zero()));
        prop_assert_eq!(a.compensation.fixed, Decimal::from(36_500_000));
    }
}

proptest! {
    #[test]
    fn months_outside_a_validity_pay_nothing(
        fixed in 0i64..100_000_000_000i64,
        (ff, ft) in (1u32..=12).prop_flat_map(|f| (Just(f), f..=12)),
        (vf, vt) in (1u32..=12).prop_flat_map(|f| (Just(f), f..=12)),
        (cf, ct) in (1u32..=12).prop_flat_map(|f| (Just(f), f..=12)),
        change in -1_000_000_000i64..1_000_000_000i64,
        volumes in proptest::collection::vec(0i64..10_000, 1..12),
    ) {
        let fixed = Decimal::new(fixed, 2);
        let change = Decimal::new(change, 2);
        let text = format!(
            "{}nämnd N \"N\" {{ vårdform v \"V\" {{ uppdrag u \"U\" {{ källa \"k\" id X1*\n\
             ersättning fast {} = {} kr\n\
             ersättning rörlig {} = volym(timmar) * 480 kr/timme\n\
             förändring c \"C\" {{ typ justering belopp = {}{} kr från 2023-{cf:02} till 2023-{ct:02} }}\n}} }} }}\n",
            header(),
            validity(ff, ft),
            fixed.to_string().replace('.', ","),
            validity(vf, vt),
            if change.is_sign_negative() { "-" } else { "" },
            change.abs().to_string().replace('.', ","),
        );
        let m = model(&text);
        let data = with_volumes(&m, &volumes);
        let report = evaluate(&m, &data, None, Options::default()).expect("evaluates");
        let a = &report.assignments[0];
        for l in &a.months {
            let c = &l.amounts;
            prop_assert!(c.fixed.is_zero() || (ff..=ft).contains(&l.month), "fixed in {}", l.month);
            prop_assert!(c.variable.is_zero() || (vf..=vt).contains(&l.month), "variable in {}", l.month);
            prop_assert!(c.changes.is_zero() || (cf..=ct).contains(&l.month), "change in {}", l.month);
        }
        prop_assert_eq!(a.months.iter().map(|l| l.amounts.fixed).sum::<Decimal>(), fixed);
        prop_assert_eq!(a.compensation.fixed, fixed);
        prop_assert_eq!(a.months.iter().map(|l| l.amounts.changes).sum::<Decimal>(), change);
        prop_assert_eq!(a.months.iter().map(|l| l.amounts.variable).sum::<Decimal>(), a.compensation.variable);
        prop_assert_eq!(a.months.iter().map(|l| l.amounts.total).sum::<Decimal>(), a.compensation.total);
        prop_assert_eq!(a.mid_year_changes[0].amount, change);
    }

    #[test]
    fn a_part_valid_n_months_counts_n_twelfths_of_its_annual_term(
        amounts in proptest::collection::vec(0i64..10_000_000_000i64, 3),
        (from, to) in (1u32..=12).prop_flat_map(|f| (Just(f), f..=12)),
        volumes in proptest::collection::vec(0i64..10_000, 1..12),
    ) {
        let text = format!(
            "{}nämnd N \"N\" {{ vårdform v \"V\" {{ uppdrag u \"U\" {{ källa \"k\"\n\
             del a \"A\" id X1* {}\n del b \"B\" id X2*\n del c \"C\" id X3*\n\
             parameter belopp = per del {{ a: {} kr; b: {} kr; c: {} kr }}\n\
             ersättning fast = summa(belopp)\n\
             ersättning rörlig = summa(volym(timmar) * 100 kr/timme)\n}} }} }}\n",
            header(),
            validity(from, to),
            amounts[0], amounts[1], amounts[2],
        );
        let m = model(&text);
        let data = with_volumes(&m, &volumes);
        let report = evaluate(&m, &data, None, Options::default()).expect("evaluates");
        let a = &report.assignments[0];
        let n = Decimal::from(to - from + 1);
        let term_a = Decimal::from(amounts[0]) * n / Decimal::from(12);
        let expected = money::round_öre(term_a + Decimal::from(amounts[1]) + Decimal::from(amounts[2]));
        prop_assert_eq!(a.compensation.fixed, expected);
        // Monthly: part a's volumes count in its months only.
        let per_month = |part: &str, month: u32| {
            let (ai, asg) = m.assignment("u").expect("u");
            let (mi, _) = m.measure("timmar").expect("timmar");
            data.volume[&(ai, asg.part_id(part), mi)].values[month as usize - 1]
        };
        for l in &a.months {
            let mut v = per_month("b", l.month) + per_month("c", l.month);
            if (from..=to).contains(&l.month) {
                v += per_month("a", l.month);
            }
            prop_assert_eq!(l.amounts.variable, money::round_öre(v * Decimal::from(100)));
        }
    }

    #[test]
    fn a_month_uses_the_price_in_force_and_the_year_the_mean(
        prices in proptest::collection::vec(1i64..100_000, 1..5),
        months in proptest::collection::btree_set(2u32..=12, 0..4),
        volumes in proptest::collection::vec(0i64..10_000, 1..12),
    ) {
        let months: Vec<u32> = months.into_iter().collect();
        let steps: Vec<(u32, i64)> = months.iter().copied().zip(prices.iter().skip(1).copied()).collect();
        let lines: String = steps.iter().map(|(m, p)| format!("  från 2023-{m:02} = {p} kr/timme\n")).collect();
        let text = format!(
            "{}parameter pris = {} kr/timme\n{lines}\
             nämnd N \"N\" {{ vårdform v \"V\" {{ uppdrag u \"U\" {{ källa \"k\" id X1*\n\
             ersättning fast = pris * 1 000 timmar\n\
             ersättning rörlig = volym(timmar) * pris\n}} }} }}\n",
            header(),
            prices[0],
        );
        let m = model(&text);
        let data = with_volumes(&m, &volumes);
        let report = evaluate(&m, &data, None, Options::default()).expect("evaluates");
        let a = &report.assignments[0];
        let price = |month: u32| Decimal::from(steps.iter().rev().find(|(f, _)| *f <= month).map_or(prices[0], |(_, p)| *p));
        let (ai, _) = m.assignment("u").expect("u");
        let (mi, _) = m.measure("timmar").expect("timmar");
        let volume = |month: u32| data.volume[&(ai, None, mi)].values[month as usize - 1];
        for l in &a.months {
            prop_assert_eq!(l.amounts.variable, money::round_öre(volume(l.month) * price(l.month)));
        }
        let mean = (1..=12).map(price).sum::<Decimal>() / Decimal::from(12);
        prop_assert_eq!(a.compensation.fixed, money::round_öre(mean * Decimal::from(1000)));
    }
}
