use super::*;

use calamine::{ExcelDateTime, ExcelDateTimeType};

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).expect("test decimal")
}

/// Parses and renders, so that the scale is checked too.
fn parsed(text: &str) -> Option<String> {
    parse_swedish_number(text).map(|d| d.to_string())
}

#[test]
fn swedish_numbers_accepted() {
    let cases = [
        ("1 234,50", "1234.50"),
        ("1\u{A0}234,5", "1234.5"),
        ("1\u{202F}234,5", "1234.5"),
        ("12 345 678,90", "12345678.90"),
        ("-12,5", "-12.5"),
        ("\u{2212}12,5", "-12.5"),
        ("\u{2212}1 000", "-1000"),
        ("+7", "7"),
        ("1234.5", "1234.5"),
        ("1234,5", "1234.5"),
        ("  42  ", "42"),
        ("\u{A0}42\u{A0}", "42"),
        ("0,5", "0.5"),
        (",5", "0.5"),
        ("-.25", "-0.25"),
        ("007", "7"),
        ("-0", "0"),
        ("-0,00", "0"),
        ("1234", "1234"),
        ("999 999", "999999"),
        ("0,0000001", "0.0000001"),
    ];
    for (text, want) in cases {
        assert_eq!(parsed(text).as_deref(), Some(want), "{text:?}");
    }
}

#[test]
fn swedish_numbers_rejected() {
    let cases = [
        "tolv",
        "",
        "   ",
        "-",
        "+",
        ",",
        "1,2,3",
        "1.234,50",
        "1,234.50",
        "12 34",
        "1234 567",
        "1 234 5",
        "1  234",
        "1 ,5",
        "1 234,5 6",
        "1e5",
        "1E+3",
        "--5",
        "+-5",
        "- 5",
        "5-",
        "5,",
        "12 kr",
        "0x10",
        "NaN",
        "inf",
        "\u{0661}\u{0662}",
        "1_000",
        "99999999999999999999999999999999999",
    ];
    for text in cases {
        assert_eq!(parsed(text), None, "{text:?}");
    }
}

#[test]
fn decimals_from_doubles_are_shortest_round_trip() {
    let cases = [
        (1234.57, "1234.57"),
        (0.1 + 0.2, "0.30000000000000004"),
        (1e-7, "0.0000001"),
        (1e20, "100000000000000000000"),
        (1e28, "10000000000000000000000000000"),
        (4010.0, "4010"),
        (-1234.5, "-1234.5"),
        (-0.0, "0"),
        (123_456_789.123_456_78, "123456789.12345678"),
    ];
    for (x, want) in cases {
        let got = decimal_from_f64(x).map(|d| d.to_string());
        assert_eq!(got.as_deref(), Some(want), "{x:?}");
    }
}

#[test]
fn decimals_from_doubles_out_of_range() {
    for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e29, 1e300, f64::MAX] {
        assert_eq!(decimal_from_f64(x), None, "{x:?}");
    }
}

#[test]
fn tiny_doubles_round_to_28_places() {
    let tiny = 0.1 + 0.2 - 0.3;
    let got = decimal_from_f64(tiny).expect("in range");
    assert!(got > Decimal::ZERO && got < dec("0.0000000000000001"), "{got}");
    assert_eq!(decimal_from_f64(f64::MIN_POSITIVE), Some(Decimal::ZERO));
    assert_eq!(decimal_from_f64(-1e-300), Some(Decimal::ZERO));
}

#[test]
fn decimal_round_trips_its_double() {
    for x in [0.1, 2.675, 1.0 / 3.0, 98_765.432_1, 1e15 + 0.3, -7.05] {
        let d = decimal_from_f64(x).expect("in range");
        assert_eq!(d.to_string().parse::<f64>().ok(), Some(x));
    }
}

#[test]
fn periods_parse_and_display() {
    let p = Period::from_str("2023-07").expect("period");
    assert_eq!(p, Period { year: 2023, month: 7 });
    assert_eq!(p.to_string(), "2023-07");
    assert_eq!(Period { year: 987, month: 1 }.to_string(), "0987-01");
    assert_eq!(Period::from_str(" 2024-12 ").ok(), Some(Period { year: 2024, month: 12 }));
}

#[test]
fn period_from_str_is_strict() {
    for text in ["2023-7", "23-07", "202307", "2023/07", "2023-07-15", "2023-07x", "", "juli"] {
        let err = Period::from_str(text).expect_err(text);
        assert!(matches!(err, ParsePeriodError::Format(_)), "{text:?}: {err:?}");
    }
}

#[test]
fn period_month_out_of_range() {
    for (text, month) in [("2023-13", 13), ("2023-00", 0), ("2023-99-01", 99)] {
        let err = parse_period_text(text).expect_err(text);
        assert_eq!(err, ParsePeriodError::Month { text: text.into(), month });
    }
    let err = Period::from_str("2023-13").expect_err("month 13");
    assert_eq!(err.to_string(), "månad 13 i `2023-13` ligger utanför 1-12");
}

#[test]
fn period_text_accepts_dates() {
    let july = Some(Period { year: 2023, month: 7 });
    let times = ["2023-07-01T00:00:00", "2023-07-01 12:30", "2023-07-01T23:59:59.999", "2023-07-01T00:00:00Z"];
    for text in ["2023-07", "2023-07-15", "2023-07-31"].into_iter().chain(times) {
        assert_eq!(parse_period_text(text).ok(), july, "{text:?}");
    }
    assert!(parse_period_text("2024-02-29").is_ok());
}

#[test]
fn period_text_accepts_yyyymm_and_keeps_its_month_checked() {
    assert_eq!(parse_period_text(" 202307 ").ok(), Some(Period { year: 2023, month: 7 }));
    assert_eq!(parse_period_text("202313"), Err(ParsePeriodError::Month { text: "202313".into(), month: 13 }));
    for text in ["20237", "2023071", "2023 07", "20230701x"] {
        assert!(matches!(parse_period_text(text), Err(ParsePeriodError::Format(_))), "{text:?}");
    }
}

#[test]
fn period_text_rejects_bad_dates() {
    for (text, day) in [("2023-02-29", 29), ("2023-04-31", 31), ("2023-07-00", 0)] {
        let err = parse_period_text(text).expect_err(text);
        assert_eq!(err, ParsePeriodError::Day { text: text.into(), day });
    }
    let garbage = [
        "2023-07-01 garbage",
        "2023-07-01T",
        "2023-07-01 12",
        "2023-07-01 25:00",
        "2023-07-01T12:30:00x",
        "2023-07-01 12:30:00.",
        "2023-5x",
    ];
    for text in ["2023-07-1", "2023-07-01x", "2023-07-0a", "2023-07-"].into_iter().chain(garbage) {
        let err = parse_period_text(text).expect_err(text);
        assert!(matches!(err, ParsePeriodError::Format(_)), "{text:?}");
    }
    let err = parse_period_text("2023/07").expect_err("slash");
    assert_eq!(err.to_string(), "förväntade en period åååå-mm, hittade `2023/07`");
}

#[test]
fn serials_to_periods() {
    let p = |year, month| Some(Period { year, month });
    assert_eq!(period_from_serial(45108.0, false), p(2023, 7));
    assert_eq!(period_from_serial(45108.75, false), p(2023, 7));
    assert_eq!(period_from_serial(44927.0, false), p(2023, 1));
    assert_eq!(period_from_serial(44926.0, false), p(2022, 12));
    assert_eq!(period_from_serial(1.0, false), p(1900, 1));
    assert_eq!(period_from_serial(59.0, false), p(1900, 2));
    assert_eq!(period_from_serial(60.0, false), p(1900, 2));
    assert_eq!(period_from_serial(61.0, false), p(1900, 3));
    assert_eq!(period_from_serial(2_958_465.0, false), p(9999, 12));
    assert_eq!(period_from_serial(0.0, true), p(1904, 1));
    assert_eq!(period_from_serial(45108.0 - 1462.0, true), p(2023, 7));
}

#[test]
fn serials_out_of_range() {
    for x in [0.0, 0.5, -1.0, 2_958_466.0, f64::NAN, f64::INFINITY, 1e300] {
        assert_eq!(period_from_serial(x, false), None, "{x}");
    }
    assert_eq!(period_from_serial(-0.5, true), None);
    assert_eq!(period_from_serial(2_957_004.0, true), None);
}

#[test]
fn serials_agree_with_calamine() {
    for is_1904 in [false, true] {
        let first = if is_1904 { 0 } else { 1 };
        for day in (first..2_957_000).step_by(13) {
            let serial = f64::from(day) + 0.25;
            let dt = ExcelDateTime::new(serial, ExcelDateTimeType::DateTime, is_1904);
            let (year, month, ..) = dt.to_ymd_hms_milli();
            let want = Period { year: i32::from(year), month: u32::from(month) };
            assert_eq!(period_from_serial(serial, is_1904), Some(want), "{day} {is_1904}");
        }
    }
}

#[test]
fn column_letters_are_bijective_base_26() {
    let cases = [
        (0, "A"),
        (1, "B"),
        (25, "Z"),
        (26, "AA"),
        (27, "AB"),
        (51, "AZ"),
        (52, "BA"),
        (701, "ZZ"),
        (702, "AAA"),
        (16_383, "XFD"),
        (u32::MAX, "MWLQKWV"),
    ];
    for (col, want) in cases {
        assert_eq!(column_letters(col), want, "{col}");
    }
}

#[test]
fn cell_refs_display_in_a1_notation() {
    let cell = CellRef { sheet: "Volymer", row: 17, col: 4 };
    assert_eq!(cell.to_string(), "Volymer!E17");
    let cell = CellRef { sheet: "Utfall", row: 1_000_000, col: 27 };
    assert_eq!(cell.to_string(), "Utfall!AB1000000");
}

/// Renders an amount in öre the Swedish way: groups of three, decimal comma.
fn swedish(ore: i64, separator: char) -> String {
    let digits = (ore.unsigned_abs() / 100).to_string();
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    let sign = if ore < 0 { "\u{2212}" } else { "" };
    format!("{sign}{grouped},{:02}", ore.unsigned_abs() % 100)
}

proptest::proptest! {
    #[test]
    fn swedish_amounts_round_trip(ore in proptest::num::i64::ANY, sep in 0usize..3) {
        let separator = [' ', '\u{A0}', '\u{202F}'][sep];
        let text = swedish(ore, separator);
        proptest::prop_assert_eq!(parse_swedish_number(&text), Some(Decimal::new(ore, 2)), "{}", text);
    }

    #[test]
    fn doubles_round_trip_through_decimal(x in -1e27f64..1e27f64) {
        let d = decimal_from_f64(x).expect("in range");
        proptest::prop_assert_eq!(d.to_string().parse::<f64>().ok(), Some(x));
    }
}

#[test]
fn numbers_a_decimal_cannot_hold_exactly_are_refused_not_rounded() {
    for text in [
        "79228162514264337593543950336",
        "-79 228 162 514 264 337 593 543 950 336",
        "1234567890123456789012345678901234567890",
        "0,12345678901234567890123456789012",
        "99999999999999999999999999999,9",
    ] {
        assert_eq!(swedish_number(text), Err(NumberFault::Inexact), "{text}");
    }
    assert_eq!(swedish_number("-79228162514264337593543950335"), Ok(Decimal::MIN));
    assert_eq!(swedish_number("1,2,3"), Err(NumberFault::NotANumber));
}

#[test]
fn the_plain_shape_reads_as_every_shape_does_value_and_scale() {
    let plain =
        ["0", "-0", "7", "007", "-12", "1234,50", "1234.5", "-0,05", "0,000", "999999999999999999", "-99999999999999,999", "12,3456"];
    for text in plain {
        let (fast, general) = (plain_number(text), any_number(text).ok());
        assert!(fast.is_some(), "{text}");
        assert_eq!(fast, general, "{text}");
        assert_eq!(fast.map(|d| d.scale()), general.map(|d| d.scale()), "{text}");
    }
    for text in ["1,", ",5", "1,,2", "1.2,3", "-", "", "+5", " 5", "1 234", "1e5", "9999999999999999999", "\u{2212}5"] {
        assert_eq!(plain_number(text), None, "{text}");
    }
}

#[test]
fn doubles_read_by_ryu_as_by_their_display_value_and_scale() {
    for x in [5.0, -5.0, 0.1, 1713042.16, -0.05, 123456789012345.6, 1e15, 1e17, 1e-7, 2.5e-10, 0.30000000000000004, 1e20, 4010.0, 1.5] {
        let mut display = String::new();
        std::fmt::Write::write_fmt(&mut display, format_args!("{x}")).expect("format");
        let expected = Decimal::from_str(&display).ok();
        let got = decimal_from_f64(x);
        assert_eq!(got, expected, "{x}");
        assert_eq!(got.map(|d| d.scale()), expected.map(|d| d.scale()), "{x}");
    }
}

proptest::proptest! {
    /// Any text of digits, signs and separators: what the plain shape reads, every
    /// shape reads the same, to the scale; without the dot, only dot-free texts.
    #[test]
    fn the_plain_shape_agrees_with_every_shape(text in "-?[0-9,.]{0,20}") {
        if let Some(fast) = plain_number(&text) {
            let general = any_number(&text).ok();
            proptest::prop_assert_eq!(Some((fast, fast.scale())), general.map(|g| (g, g.scale())), "{}", text);
        }
        let without_dot = if text.contains('.') { None } else { plain_number(&text) };
        proptest::prop_assert_eq!(plain_digits(&text, false), without_dot, "{}", text);
    }
}
