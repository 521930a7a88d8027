//! The XLSX and CSV renderers over a report built by hand: determinism, sheet
//! names, headers and cell values read back with calamine, and the CSV lines.

use calamine::{Data, Range, Reader, Xlsx, open_workbook_from_rs};
use ekostyr::eval::results::*;
use ekostyr::i18n::Lang;
use ekostyr::model::{Interval, Target};
use ekostyr::report::{csv, xlsx};
use rust_decimal::Decimal;
use std::io::Cursor;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("a decimal literal")
}

fn comp(fixed: &str, variable: &str, changes: &str, total: &str) -> Compensation {
    Compensation { fixed: d(fixed), variable: d(variable), changes: d(changes), total: d(total) }
}

fn month(m: u32, amounts: Compensation) -> MonthLine {
    MonthLine { year: 2023, month: m, amounts }
}

fn activity(activity: Activity, cost: &str) -> ActivityCost {
    ActivityCost { activity, cost: d(cost) }
}

/// A key figure; `value` and the target in base units (a ratio as a ratio).
fn figure(
    id: &str,
    interval: Interval,
    period: &str,
    value: Option<&str>,
    unit: &str,
    (target, status): (Option<Target>, Status),
    note: Option<NotApplicable>,
) -> KeyFigureResult {
    KeyFigureResult {
        id: id.into(),
        name: format!("Nyckeltal {id}"),
        interval,
        period: period.into(),
        value: value.map(d),
        unit: if unit == "%" { FigureUnit::Percent } else { FigureUnit::Unit(unit.into()) },
        status,
        note,
        target,
        series: vec![],
        aggregation: ekostyr::model::Aggregation::Summa,
        annualised: false,
    }
}

fn hemtjänst() -> AssignmentResult {
    let m2 = comp("1000000.00", "100000.50", "-5000.00", "1095000.50");
    AssignmentResult {
        id: "hemtjänst".into(),
        name: "Hemtjänst, äldre".into(),
        board: ("ÄN".into(), "Äldrenämnden".into()),
        care_form: ("öppna".into(), "Öppna former".into()),
        compensation: comp("3000000.00", "434568.89", "-10000.00", "3424568.89"),
        months: vec![month(1, comp("1000000.00", "234567.89", "0.00", "1234567.89")), month(2, m2), month(3, m2)],
        cost: d("3500000.00"),
        result: d("-75431.11"),
        key_figures: vec![
            figure("beläggning", Interval::Månadsvis, "2023-01", Some("0.965"), "%", (Some(Target::AtLeast(d("0.95"))), Status::Met), None),
            figure(
                "beläggning",
                Interval::Månadsvis,
                "2023-02",
                None,
                "%",
                (Some(Target::AtLeast(d("0.95"))), Status::NotAvailable),
                Some(NotApplicable::DivisionByZero { divisor: "budget(platser)".into() }),
            ),
            figure(
                "sjukfrånvaro",
                Interval::Delår,
                "2023-01..2023-03",
                Some("0.0725"),
                "%",
                (Some(Target::AtMost(d("0.01"))), Status::NotMet),
                None,
            ),
        ],
        activities: vec![activity(Activity::Named("Hemtjänst dag".into()), "2000000.00"), activity(Activity::Other, "1500000.00")],
        level3: vec![],
        change_ledger: vec![],
        forecast: None,
        follow_up: Default::default(),
        monthly_cost: vec![],
        parts: vec![],
        mid_year_changes: vec![],
    }
}

fn vårdboende() -> AssignmentResult {
    let m = comp("50000.00", "0.00", "0.00", "50000.00");
    AssignmentResult {
        id: "vårdboende".into(),
        name: "Vårdboende".into(),
        board: ("ÄN".into(), "Äldrenämnden".into()),
        care_form: ("vb".into(), "Vårdboende".into()),
        compensation: comp("150000.00", "0.00", "0.00", "150000.00"),
        months: vec![month(1, m), month(2, m), month(3, m)],
        cost: d("140000.00"),
        result: d("10000.00"),
        key_figures: vec![figure(
            "dygnskostnad",
            Interval::Årsvis,
            "2023",
            Some("2050.25"),
            "kr/dygn",
            (Some(Target::Between(d("95"), d("105"))), Status::NotMet),
            None,
        )],
        activities: vec![activity(Activity::Named("Vårdboende".into()), "140000.00")],
        level3: vec![],
        change_ledger: vec![],
        forecast: None,
        follow_up: Default::default(),
        monthly_cost: vec![],
        parts: vec![],
        mid_year_changes: vec![],
    }
}

fn level1(care_form: (&str, &str), compensation: &str, cost: &str, result: &str) -> Level1 {
    Level1 {
        board: ("ÄN".into(), "Äldrenämnden".into()),
        care_form: (care_form.0.into(), care_form.1.into()),
        compensation: d(compensation),
        cost: d(cost),
        result: d(result),
    }
}

fn report() -> Report {
    Report {
        title: "Ekonomistyrning".into(),
        year: 2023,
        version: "1.2".into(),
        period: None,
        assignments: vec![hemtjänst(), vårdboende()],
        level1: vec![
            level1(("öppna", "Öppna former"), "3424568.89", "3500000.00", "-75431.11"),
            level1(("vb", "Vårdboende"), "150000.00", "140000.00", "10000.00"),
        ],
        out_of_scope: Default::default(),
        views: None,
        unmapped: Unmapped {
            count: 3,
            sum: d("1234.50"),
            codes: vec![("R999".into(), 2, d("1000.00")), ("X1, \"y\"".into(), 1, d("234.50"))],
        },
        provenance: Provenance {
            engine: "ekostyr 0.1.0".into(),
            rules: vec![RuleFile { file: "rules/2023.ek".into(), version: "1.2".into(), sha256: "ab".repeat(32) }],
            input: Some(InputFile { file: "fixtures/2023.xlsx".into(), sha256: "cd".repeat(32) }),
            previous_input: None,
            period: None,
            overrides: vec!["indexering=0,02".into()],
        },
        decisions: vec![],
        pooled: Default::default(),
        what_if: None,
    }
}

/// The same report as a year to date up to March, with forecasts.
fn year_to_date() -> Report {
    let mut r = report();
    r.period = Some(3);
    r.provenance.period = Some("3".into());
    for a in &mut r.assignments {
        a.forecast = Some(Forecast {
            compensation: comp("0", "0", "0", "13698275.56"),
            cost: d("14000000.00"),
            result: d("-301724.44"),
            method: Default::default(),
        });
    }
    r
}

fn workbook(r: &Report, lang: Lang) -> Vec<u8> {
    xlsx::render(r, lang).expect("renders the workbook")
}

fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes)).expect("reads the workbook back")
}

fn sheet(bytes: &[u8], name: &str) -> Range<Data> {
    open(bytes.to_vec()).worksheet_range(name).expect("has the sheet")
}

fn cell(range: &Range<Data>, row: u32, col: u32) -> Data {
    range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

fn header(range: &Range<Data>) -> Vec<String> {
    range.rows().next().expect("a header row").iter().map(|c| c.to_string()).collect()
}

fn s(text: &str) -> Data {
    Data::String(text.into())
}

#[test]
fn identical_reports_give_identical_bytes() {
    let first = workbook(&report(), Lang::Sv);
    // The creation time has a resolution of seconds: a second later an unset one would differ.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert_eq!(first, workbook(&report(), Lang::Sv));
}

#[test]
fn sheets_are_named_in_the_report_language() {
    let sv = open(workbook(&report(), Lang::Sv)).sheet_names();
    assert_eq!(
        sv,
        [
            "Överföringar",
            "Ersättning och resultat",
            "Verksamheter",
            "Nivå 3",
            "Nyckeltal",
            "Återrapportering",
            "Nivå 1",
            "Per del",
            "Samlat resultat",
            "Beslut",
            "Ej mappade",
            "Proveniens"
        ]
    );
    let en = open(workbook(&report(), Lang::En)).sheet_names();
    assert_eq!(
        en,
        [
            "Transfers",
            "Compensation and result",
            "Activities",
            "Level 3",
            "Key figures",
            "Reporting back",
            "Level 1",
            "Per part",
            "Pooled result",
            "Decisions",
            "Unmapped",
            "Provenance"
        ]
    );
}

#[test]
fn transfers_are_numbers_with_a_grand_total() {
    let t = sheet(&workbook(&report(), Lang::Sv), "Överföringar");
    assert_eq!(header(&t), ["Uppdrag", "Namn", "Period", "Fast", "Rörlig", "Förändringar", "Summa"]);
    assert_eq!(cell(&t, 1, 0), s("hemtjänst"));
    assert_eq!(cell(&t, 1, 2), s("2023-01"));
    assert_eq!(cell(&t, 1, 6), Data::Float(1234567.89));
    assert_eq!(cell(&t, 2, 5), Data::Float(-5000.0));
    assert_eq!(t.height(), 1 + 6 + 1);
    assert_eq!(cell(&t, 7, 0), s("Summa"));
    assert_eq!(cell(&t, 7, 3), Data::Float(3150000.0));
    assert_eq!(cell(&t, 7, 5), Data::Float(-10000.0));
    assert_eq!(cell(&t, 7, 6), Data::Float(3574568.89));
}

#[test]
fn compensation_and_result_per_assignment() {
    let bytes = workbook(&report(), Lang::Sv);
    let c = sheet(&bytes, "Ersättning och resultat");
    assert_eq!(header(&c), ["Nämnd", "Vårdform", "Uppdrag", "Namn", "Fast", "Rörlig", "Förändringar", "Ersättning", "Kostnad", "Resultat"]);
    assert_eq!(cell(&c, 1, 0), s("Äldrenämnden"));
    assert_eq!(cell(&c, 1, 7), Data::Float(3424568.89));
    assert_eq!(cell(&c, 1, 9), Data::Float(-75431.11));
    let a = sheet(&bytes, "Verksamheter");
    assert_eq!(header(&a), ["Uppdrag", "Verksamhet", "Kostnad"]);
    assert_eq!((cell(&a, 2, 1), cell(&a, 2, 2)), (s("Övrigt"), Data::Float(1500000.0)));
    let l = sheet(&bytes, "Nivå 1");
    assert_eq!(header(&l), ["Nämnd", "Vårdform", "Ersättning", "Kostnad", "Resultat"]);
    assert_eq!(cell(&l, 2, 4), Data::Float(10000.0));
}

#[test]
fn year_to_date_has_forecast_columns() {
    let c = sheet(&workbook(&year_to_date(), Lang::En), "Compensation and result");
    assert_eq!(header(&c)[10..], ["Forecast compensation", "Forecast cost", "Forecast result"]);
    assert_eq!(cell(&c, 2, 12), Data::Float(-301724.44));
}

#[test]
fn key_figures_show_i_u_as_text() {
    let k = sheet(&workbook(&report(), Lang::Sv), "Nyckeltal");
    assert_eq!(header(&k), ["Uppdrag", "Id", "Namn", "Intervall", "Period", "Värde", "Enhet", "Mål", "Status", "Not"]);
    let row = |r: u32| (0..10).map(|c| cell(&k, r, c)).collect::<Vec<_>>();
    assert_eq!(row(1)[3..], [s("månadsvis"), s("2023-01"), Data::Float(96.5), s("%"), s(">= 95 %"), s("uppfyllt"), Data::Empty]);
    assert_eq!(row(2)[5..], [s("i.u."), s("%"), s(">= 95 %"), s("i.u."), s("division med noll: `budget(platser)` är 0")]);
    assert_eq!(row(3)[7..9], [s("<= 1 %"), s("ej uppfyllt")]);
    assert_eq!(row(4)[3..8], [s("årsvis"), s("2023"), Data::Float(2050.25), s("kr/dygn"), s("95 kr/dygn .. 105 kr/dygn")]);
}

#[test]
fn unmapped_postings_have_count_and_sum_even_when_none() {
    let u = sheet(&workbook(&report(), Lang::Sv), "Ej mappade");
    assert_eq!(header(&u), ["Kod", "Antal", "Summa"]);
    assert_eq!((cell(&u, 2, 0), cell(&u, 2, 1), cell(&u, 2, 2)), (s("X1, \"y\""), Data::Float(1.0), Data::Float(234.5)));
    assert_eq!((cell(&u, 3, 0), cell(&u, 3, 1), cell(&u, 3, 2)), (s("Summa"), Data::Float(3.0), Data::Float(1234.5)));
    let mut none = report();
    none.unmapped = Unmapped::default();
    let u = sheet(&workbook(&none, Lang::Sv), "Ej mappade");
    assert_eq!((cell(&u, 1, 0), cell(&u, 1, 1), cell(&u, 1, 2)), (s("Summa"), Data::Float(0.0), Data::Float(0.0)));
}

#[test]
fn provenance_is_one_key_and_value_a_row() {
    let p = sheet(&workbook(&report(), Lang::Sv), "Proveniens");
    let rows: Vec<(String, String)> = p.rows().skip(1).map(|r| (r[0].to_string(), r[1].to_string())).collect();
    let want = [
        ("motor", "ekostyr 0.1.0"),
        ("regelverk", "Ekonomistyrning"),
        ("år", "2023"),
        ("version", "1.2"),
        ("regelfil", "rules/2023.ek"),
        ("version", "1.2"),
        ("sha256", &"ab".repeat(32)),
        ("indata", "fixtures/2023.xlsx"),
        ("sha256", &"cd".repeat(32)),
        ("period", "helår"),
        ("--set", "indexering=0,02"),
    ];
    assert_eq!(rows, want.map(|(k, v)| (k.to_string(), v.to_string())));
}

#[test]
fn csv_holds_every_view_in_one_table() {
    let text = String::from_utf8(csv::render(&year_to_date(), Lang::Sv).expect("renders the CSV")).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "view,assignment,board,care_form,period,id,code,name,interval,fixed,variable,changes,compensation,cost,result,forecast_compensation,forecast_cost,forecast_result,value,unit,target_min,target_max,status,note,count,sum"
    );
    assert!(lines.contains(&"transfer,hemtjänst,,,2023-02,,,,,1000000.00,100000.50,-5000.00,1095000.50,,,,,,,,,,,,,"));
    assert!(lines.contains(&"assignment,hemtjänst,ÄN,öppna,,,,\"Hemtjänst, äldre\",,3000000.00,434568.89,-10000.00,3424568.89,3500000.00,-75431.11,13698275.56,14000000.00,-301724.44,,,,,,,,"));
    assert!(lines.contains(&"activity,hemtjänst,,,,,,Övrigt,,,,,,1500000.00,,,,,,,,,,,,"));
    assert!(lines.contains(&"key_figure,hemtjänst,,,2023-02,beläggning,,Nyckeltal beläggning,månadsvis,,,,,,,,,,,%,95,,not_available,division med noll: `budget(platser)` är 0,,"));
    assert!(lines.contains(&"level1,,ÄN,vb,,,,,,,,,150000.00,140000.00,10000.00,,,,,,,,,,,"));
    assert!(lines.contains(&"unmapped,,,,,,\"X1, \"\"y\"\"\",,,,,,,,,,,,,,,,,,1,234.50"));
    assert!(lines.contains(&"unmapped_total,,,,,,,,,,,,,,,,,,,,,,,,3,1234.50"));
    assert!(lines.contains(&"provenance,,,,,period,,,,,,,,,,,,,3,,,,,,,"));
    assert_eq!(lines.iter().filter(|l| l.starts_with("transfer,")).count(), 6);
}

#[test]
fn ledger_views_have_sheets_of_their_own_when_declared() {
    let mut r = report();
    r.out_of_scope = OutOfScopeResult {
        count: 2,
        sum: d("525.50"),
        units: vec![OutOfScopeUnit { name: "Personlig assistans".into(), count: 2, sum: d("525.50") }],
    };
    r.views = Some(Views::default());
    let sv = open(workbook(&r, Lang::Sv)).sheet_names();
    assert_eq!(sv[sv.len() - 4..], ["Två vyer", "Utanför", "Ej mappade", "Proveniens"]);
    let t = sheet(&workbook(&r, Lang::Sv), "Utanför");
    assert_eq!(cell(&t, 1, 0), s("Personlig assistans"));
    assert_eq!(cell(&t, 2, 2), Data::Float(525.5));
}
