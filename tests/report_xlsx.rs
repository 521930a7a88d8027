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
            board: None,
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
            "Sammanfattning",
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
            "Summary",
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
    assert_eq!(header(&c)[10..], ["Forecast compensation", "Forecast cost", "Forecast result", "Forecast method"]);
    assert_eq!(cell(&c, 2, 12), Data::Float(-301724.44));
}

#[test]
fn key_figures_show_i_u_as_text() {
    let k = sheet(&workbook(&report(), Lang::Sv), "Nyckeltal");
    assert_eq!(cell(&k, 1, 0), s("Hemtjänst, äldre"), "the assignment by its name");
    assert_eq!(header(&k), ["Uppdrag", "Id", "Namn", "Intervall", "Period", "Värde", "Enhet", "Mål", "Status", "Not"]);
    let row = |r: u32| (0..10).map(|c| cell(&k, r, c)).collect::<Vec<_>>();
    // A percentage is a fraction in a percent format, its unit in the format, not beside it.
    assert_eq!(row(1)[3..], [s("månadsvis"), s("2023-01"), Data::Float(0.965), Data::Empty, s(">= 95 %"), s("✓ uppfyllt"), Data::Empty]);
    assert_eq!(row(2)[5..], [s("i.u."), Data::Empty, s(">= 95 %"), s("i.u."), s("division med noll: `budget(platser)` är 0")]);
    assert_eq!(row(3)[7..9], [s("<= 1 %"), s("✗ ej uppfyllt")]);
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

fn csv_text(r: &Report, lang: Lang, dialect: csv::Dialect) -> String {
    String::from_utf8(csv::render(r, lang, dialect).expect("renders the CSV")).expect("UTF-8")
}

/// The English dialect in English: the machine-readable CSV of before, `,` and points.
#[test]
fn csv_holds_every_view_in_one_table() {
    let text = csv_text(&year_to_date(), Lang::En, csv::Dialect::English);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "view,assignment,board,care_form,period,id,code,name,interval,fixed,variable,changes,compensation,cost,result,forecast_compensation,forecast_cost,forecast_result,value,unit,target_min,target_max,status,note,count,sum"
    );
    assert!(lines.contains(&"transfer,hemtjänst,,,2023-02,,,,,1000000.00,100000.50,-5000.00,1095000.50,,,,,,,,,,,,,"));
    assert!(lines.contains(&"assignment,hemtjänst,ÄN,öppna,,,,\"Hemtjänst, äldre\",,3000000.00,434568.89,-10000.00,3424568.89,3500000.00,-75431.11,13698275.56,14000000.00,-301724.44,,,,,,,,"));
    assert!(lines.contains(&"activity,hemtjänst,,,,,,Other,,,,,,1500000.00,,,,,,,,,,,,"));
    assert!(lines.contains(&"key_figure,hemtjänst,,,2023-02,beläggning,,Nyckeltal beläggning,månadsvis,,,,,,,,,,,%,95,,not_available,division by zero: `budget(platser)` is 0,,"));
    assert!(lines.contains(&"level1,,ÄN,vb,,,,,,,,,150000.00,140000.00,10000.00,,,,,,,,,,,"));
    assert!(lines.contains(&"unmapped,,,,,,\"X1, \"\"y\"\"\",,,,,,,,,,,,,,,,,,1,234.50"));
    assert!(lines.contains(&"unmapped_total,,,,,,,,,,,,,,,,,,,,,,,,3,1234.50"));
    assert!(lines.contains(&"provenance,,,,,period,,,,,,,,,,,,,,,,,,3,,"));
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

/// Swedish Excel's CSV, the default: a byte-order mark, `;`, decimal commas, Swedish
/// header, view names and statuses; fields holding `;` are quoted, a `,` is not.
#[test]
fn csv_for_swedish_excel() {
    let text = csv_text(&year_to_date(), Lang::Sv, csv::Dialect::Swedish);
    let body = text.strip_prefix('\u{feff}').expect("starts with a byte-order mark");
    assert!(!body.contains('\u{feff}'));
    let lines: Vec<&str> = body.lines().collect();
    assert!(lines[0].starts_with("vy;uppdrag;nämnd;vårdform;period;"), "{}", lines[0]);
    assert!(lines.contains(&"överföring;hemtjänst;;;2023-02;;;;;1000000,00;100000,50;-5000,00;1095000,50;;;;;;;;;;;;;"));
    assert!(lines.iter().any(|l| l.starts_with("nyckeltal;hemtjänst;") && l.contains(";95;;i.u.;division med noll")), "{text}");
    assert!(lines.contains(&"ej mappad;;;;;;\"X1, \"\"y\"\"\";;;;;;;;;;;;;;;;;;1;234,50"));
    assert!(lines.contains(&"proveniens;;;;;version;;;;;;;;;;;;;;;;;;1.2;;"), "a version is text: {text}");
    assert!(lines.contains(&"proveniens;;;;;regelfil;;;;;;;;;;;;;;;;;;rules/2023.ek;;"), "{text}");
    insta::assert_snapshot!("csv_swedish", text);
}

/// `--csv-dialect en` with Swedish words: `,` and points, no mark, the header still Swedish.
#[test]
fn csv_english_dialect_keeps_the_language() {
    let text = csv_text(&year_to_date(), Lang::Sv, csv::Dialect::English);
    assert!(text.starts_with("vy,uppdrag,"), "{text}");
    insta::assert_snapshot!("csv_english", text);
}

/// Every field of every line is in its column: as many fields as the header has, read
/// back with a CSV reader in either dialect, and the numbers parse with the dialect's mark.
#[test]
fn csv_reads_back_in_both_dialects() {
    for (dialect, sep, mark) in [(csv::Dialect::Swedish, b';', ','), (csv::Dialect::English, b',', '.')] {
        let text = csv_text(&year_to_date(), Lang::Sv, dialect);
        let mut reader = ::csv::ReaderBuilder::new().delimiter(sep).from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let header = reader.headers().expect("a header").clone();
        let cost = header.iter().position(|h| h == "kostnad").expect("a cost column");
        let rows: Vec<::csv::StringRecord> = reader.records().map(|r| r.expect("a record")).collect();
        let costs: Vec<&str> = rows.iter().map(|r| &r[cost]).filter(|c| !c.is_empty()).collect();
        assert!(costs.contains(&format!("3500000{mark}00").as_str()), "{costs:?}");
        assert!(rows.iter().all(|r| r.len() == header.len()));
    }
}

/// The year to date with the follow-up filled: budget and deviation for the period and
/// the year, last year, and the provider's comment on hemtjänst.
fn followed_up() -> Report {
    let mut r = year_to_date();
    for (a, budget) in r.assignments.iter_mut().zip(["3400000.00", "160000.00"]) {
        let deviation = a.compensation.total - d(budget);
        a.follow_up = FollowUp {
            budget_period: Some(d(budget)),
            deviation_period: Some(deviation),
            budget_year: Some(d(budget) * Decimal::from(4)),
            deviation_year: Some(d("-100.00")),
            previous: Some(PreviousYear { compensation: d("3000000.00"), cost: d("2900000.00"), result: d("100000.00") }),
            forecast_comment: None,
        };
    }
    r.assignments[0].follow_up.forecast_comment = Some("Ny avdelning öppnar i oktober".into());
    r.assignments[1].forecast.as_mut().expect("a forecast").method = ForecastMethod::Provider;
    r
}

/// Lines above the table, then the header: the title, the period in words, the method.
fn preamble(range: &Range<Data>) -> Vec<String> {
    (0..range.height() as u32).map(|r| cell(range, r, 0).to_string()).take_while(|l| !l.is_empty()).collect()
}

/// The rows from the header on (the table under the preamble and its blank line).
fn table(range: &Range<Data>) -> Vec<Vec<Data>> {
    let start = preamble(range).len() + 1;
    range.rows().skip(start).map(|r| r.to_vec()).collect()
}

#[test]
fn the_summary_names_the_rules_and_the_period_and_totals_per_board() {
    let bytes = workbook(&report(), Lang::Sv);
    let summary = sheet(&bytes, "Sammanfattning");
    assert_eq!(preamble(&summary), ["Ekonomistyrning", "Period: helår 2023", "Belopp i kronor"]);
    let t = table(&summary);
    assert_eq!(t[0], [s("Nämnd"), s("Ersättning"), s("Kostnad"), s("Resultat")]);
    assert_eq!(t[1], [s("Äldrenämnden (ÄN)"), Data::Float(3574568.89), Data::Float(3640000.0), Data::Float(-65431.11)]);
    assert_eq!(t[2], [s("Summa"), Data::Float(3574568.89), Data::Float(3640000.0), Data::Float(-65431.11)]);
    assert_eq!(t.len(), 3, "header, one board, the total: no follow-up columns without follow-up");
    let english = sheet(&workbook(&year_to_date(), Lang::En), "Summary");
    assert_eq!(preamble(&english)[1..3], ["Period: January–March 2023".to_string(), format!("Forecast method: {LINEAR_EN}")]);
}

const LINEAR_EN: &str = "fixed compensation in full, variable compensation and cost linearly (× 12 / the months so far)";

#[test]
fn a_board_gets_a_row_of_its_own_and_the_total_sums_them() {
    let mut r = report();
    r.assignments[1].board = ("SON".into(), "Social- och omsorgsnämnden".into());
    let t = table(&sheet(&workbook(&r, Lang::Sv), "Sammanfattning"));
    let names: Vec<Data> = t.iter().map(|row| row[0].clone()).collect();
    assert_eq!(names, [s("Nämnd"), s("Äldrenämnden (ÄN)"), s("Social- och omsorgsnämnden (SON)"), s("Summa")]);
    assert_eq!(t[2][3], Data::Float(10000.0));
    assert_eq!(t[3][3], Data::Float(-65431.11));
}

#[test]
fn follow_up_columns_appear_with_the_follow_up() {
    let bytes = workbook(&followed_up(), Lang::Sv);
    let t = table(&sheet(&bytes, "Sammanfattning"));
    assert_eq!(
        t[0][4..],
        [
            "Prognos ersättning",
            "Prognos kostnad",
            "Prognos resultat",
            "Budget januari–mars 2023",
            "Avvikelse januari–mars 2023",
            "Avvikelse %",
            "Budget helår",
            "Avvikelse helår",
            "Ersättning föregående år",
            "Kostnad föregående år",
            "Resultat föregående år"
        ]
        .map(s)
    );
    // Budget 3 560 000, deviation 14 568,89 = 0,41 %; the year's deviations −100 each.
    let total = &t[2];
    assert_eq!(
        (total[7].clone(), total[8].clone(), total[9].clone()),
        (Data::Float(3560000.0), Data::Float(14568.89), Data::Float(0.0041))
    );
    assert_eq!(
        (total[10].clone(), total[11].clone(), total[14].clone()),
        (Data::Float(14240000.0), Data::Float(-200.0), Data::Float(200000.0))
    );
    let c = sheet(&bytes, "Ersättning och resultat");
    let h = header(&c);
    assert_eq!(h[h.len() - 2..], ["Prognosmetod", "Prognoskommentar"]);
    assert_eq!(cell(&c, 1, h.len() as u32 - 1), s("Ny avdelning öppnar i oktober"));
    assert_eq!((cell(&c, 1, h.len() as u32 - 2), cell(&c, 2, h.len() as u32 - 2)), (s("linjär"), s("utförarens")));
    assert_eq!(cell(&c, 1, 13), Data::Float(3400000.0), "the budget beside the forecast");
    let summary = sheet(&bytes, "Sammanfattning");
    let method = &preamble(&summary)[2];
    assert!(method.contains("linjärt") && method.contains("utförarens egen prognos"), "{method}");
}

#[test]
fn a_missing_budget_is_a_dash_and_its_board_sum_too() {
    let mut r = followed_up();
    r.assignments[1].follow_up.budget_period = None;
    r.assignments[1].follow_up.deviation_period = None;
    let bytes = workbook(&r, Lang::Sv);
    let t = table(&sheet(&bytes, "Sammanfattning"));
    assert_eq!((t[1][7].clone(), t[2][9].clone()), (s("–"), s("–")));
    let c = sheet(&bytes, "Ersättning och resultat");
    assert_eq!(cell(&c, 2, 13), s("–"));
    assert_eq!(cell(&c, 3, 13), Data::Empty, "no sum of a column with a gap");
    assert_eq!(cell(&c, 3, 9), Data::Float(-65431.11), "the results are summed");
}

#[test]
fn money_tables_have_a_summa_row() {
    let bytes = workbook(&year_to_date(), Lang::Sv);
    for (name, row, col, want) in [
        ("Ersättning och resultat", 3, 7, 3574568.89),
        ("Ersättning och resultat", 3, 10, 27396551.12),
        ("Verksamheter", 4, 2, 3640000.0),
        ("Nivå 1", 3, 3, 3640000.0),
    ] {
        let range = sheet(&bytes, name);
        assert_eq!(cell(&range, row, 0), s("Summa"), "{name}");
        assert_eq!(cell(&range, row, col), Data::Float(want), "{name}");
    }
}

/// The named part of the workbook's zip, as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    std::io::read_to_string(zip.by_name(name).expect("the part")).expect("text")
}

/// The sheet's part: sheets are numbered in workbook order.
fn sheet_xml(bytes: &[u8], name: &str) -> String {
    let index = open(bytes.to_vec()).sheet_names().iter().position(|n| n == name).expect("the sheet");
    part(bytes, &format!("xl/worksheets/sheet{}.xml", index + 1))
}

#[test]
fn numbers_have_swedish_looking_formats_and_statuses_a_colour() {
    let bytes = workbook(&report(), Lang::Sv);
    let styles = part(&bytes, "xl/styles.xml");
    // Excel's own notation; Swedish Excel shows `# ##0,00` and `0,0 %`.
    for code in ["#,##0.00", "#,##0", "0.0 %"] {
        assert!(styles.contains(&format!("formatCode=\"{code}\"")), "{code} in {styles}");
    }
    assert!(styles.contains("FFC6EFCE") && styles.contains("FFFFC7CE"), "green and red fills: {styles}");
    let key_figures = sheet_xml(&bytes, "Nyckeltal");
    assert_eq!(key_figures.matches("<conditionalFormatting sqref=\"I2:I5\">").count(), 1, "{key_figures}");
    assert!(key_figures.contains("operator=\"beginsWith\" text=\"✓\""), "{key_figures}");
    assert!(key_figures.contains("operator=\"beginsWith\" text=\"✗\""), "{key_figures}");
    assert!(
        key_figures.contains("<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\""),
        "A4 landscape, one page wide: {key_figures}"
    );
}

/// The width of column n (1-based) from the `<col min=".." max=".." width=".."/>` covering it.
fn column_width(xml: &str, n: usize) -> f64 {
    let attr = |col: &str, name: &str| -> String {
        let start = col.find(&format!("{name}=\"")).expect("the attribute") + name.len() + 2;
        col[start..].split('"').next().expect("a value").to_string()
    };
    let num = |col: &str, name: &str| attr(col, name).parse::<f64>().expect("a number");
    let col = xml.split("<col ").skip(1).find(|c| num(c, "min") <= n as f64 && n as f64 <= num(c, "max")).expect("the column");
    num(col, "width")
}

#[test]
fn columns_are_as_wide_as_their_longest_text() {
    let mut r = report();
    r.assignments[0].name = "Hemtjänst med särskilt lång benämning för att prova bredden".into();
    let bytes = workbook(&r, Lang::Sv);
    let compensation = sheet_xml(&bytes, "Ersättning och resultat");
    let name = column_width(&compensation, 4);
    assert!((59.0..66.0).contains(&name), "{name}");
    assert!(column_width(&compensation, 8) >= "3 574 568,89".len() as f64, "the Summa row's number fits");
    let provenance = sheet_xml(&bytes, "Proveniens");
    assert!(column_width(&provenance, 2) >= 64.0, "a sha256 fits");
}
