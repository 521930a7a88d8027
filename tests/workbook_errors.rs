//! Every error class of the workbook contract, on small files built at test time.

#[path = "workbook/support.rs"]
mod support;

use ekostyr::workbook::{self, CellProblem, CellRef, WorkbookError};
use support::*;

/// Builds an xlsx from `sheets` and returns the error message without the file prefix.
fn xlsx_error(sheets: &[Sheet]) -> (WorkbookError, String) {
    let dir = tmp();
    let path = xlsx(dir.path(), "in.xlsx", sheets);
    let (err, message) = error_of(&path);
    assert!(message.starts_with(&path.display().to_string()), "{message}");
    assert_eq!(err.file(), path.as_path());
    let message = without_file(&message, &path);
    (err, message)
}

#[test]
fn missing_sheet_lists_sheets_present() {
    let (err, message) = xlsx_error(&[utfall(), volymer()]);
    assert_eq!(message, "sheet `Budget` is missing (found: Utfall, Volymer)");
    assert!(matches!(err, WorkbookError::MissingSheet { sheet: "Budget", .. }));
}

#[test]
fn missing_column_lists_columns_present() {
    let sheet = ("Volymer", vec![vec![S("Period"), S(" UPPDRAG "), S("del"), S("värde")], vec![S("2023-01"), S("Hemtjänst"), E, N(1.0)]]);
    let (err, message) = xlsx_error(&with(valid(), sheet));
    assert_eq!(message, "Volymer: column `mått` is missing (found: period, uppdrag, del, värde)");
    let header = CellRef { sheet: "Volymer", row: 1, col: 0 };
    assert_eq!(err.cell(), Some(&header));
}

#[test]
fn duplicate_column_is_an_error() {
    let sheet = ("Budget", vec![vec![S("uppdrag"), S("del"), S("mått"), S("värde"), S("Värde")]]);
    let (_, message) = xlsx_error(&with(valid(), sheet));
    assert_eq!(message, "Budget!E1: column `värde` appears twice, first at Budget!D1");
}

#[test]
fn empty_sheet_has_no_header() {
    let (_, message) = xlsx_error(&with(valid(), ("Budget", vec![])));
    assert_eq!(message, "sheet `Budget` is empty; its first row must name the columns");
}

#[test]
fn text_in_number_cell() {
    let sheet = (
        "Volymer",
        vec![
            vec![S("period"), S("uppdrag"), S("del"), S("mått"), S("värde")],
            vec![S("2023-01"), S("Hemtjänst"), E, S("timmar"), S("tolv")],
        ],
    );
    let (err, message) = xlsx_error(&with(valid(), sheet));
    assert_eq!(message, "Volymer!E2: expected a number, found \"tolv\"");
    assert_eq!(err.cell().map(ToString::to_string).as_deref(), Some("Volymer!E2"));
}

#[test]
fn malformed_numbers_in_text() {
    for (text, found) in [("1,2,3", "\"1,2,3\""), ("12 34", "\"12 34\""), ("  ", "an empty cell")] {
        let sheet = ("Budget", vec![vec![S("uppdrag"), S("del"), S("mått"), S("värde")], vec![S("Hemtjänst"), E, S("kr"), S(text)]]);
        let (_, message) = xlsx_error(&with(valid(), sheet));
        assert_eq!(message, format!("Budget!D2: expected a number, found {found}"));
    }
}

#[test]
fn empty_amount_is_never_zero() {
    let sheet = (
        "Utfall",
        vec![vec![S("period"), S("id"), S("komplement"), S("konto"), S("belopp")], vec![S("2023-01"), S("A1"), E, S("4010"), E]],
    );
    let (_, message) = xlsx_error(&with(valid(), sheet));
    assert_eq!(message, "Utfall!E2: expected a number, found an empty cell");
}

#[test]
fn boolean_amount_is_an_error() {
    let sheet = (
        "Utfall",
        vec![vec![S("period"), S("id"), S("komplement"), S("konto"), S("belopp")], vec![S("2023-01"), S("A1"), E, S("4010"), B(true)]],
    );
    let (_, message) = xlsx_error(&with(valid(), sheet));
    assert_eq!(message, "Utfall!E2: expected a number, found the boolean TRUE");
}

#[test]
fn error_cell_in_used_column() {
    let mut rows = utfall().1;
    while rows.len() < 8 {
        rows.push(vec![S("2023-03"), S("A2"), E, S("4010"), N(1.0)]);
    }
    rows.push(vec![S("2023-03"), S("A2"), E, S("4010"), F("=1/0", "#DIV/0!")]);
    let (err, message) = xlsx_error(&with(valid(), ("Utfall", rows)));
    assert_eq!(message, "Utfall!E9: the cell holds the error #DIV/0!");
    let WorkbookError::Cell { problem, .. } = err else {
        panic!("expected a cell error, got {err:?}");
    };
    assert_eq!(problem, CellProblem::ErrorValue("#DIV/0!".into()));
}

#[test]
fn error_cell_in_text_column() {
    let sheet =
        ("Budget", vec![vec![S("uppdrag"), S("del"), S("mått"), S("värde")], vec![S("Hemtjänst"), F("=NA()", "#N/A"), S("kr"), N(1.0)]]);
    let (_, message) = xlsx_error(&with(valid(), sheet));
    assert_eq!(message, "Budget!B2: the cell holds the error #N/A");
}

#[test]
fn error_cell_in_ignored_column_is_fine() {
    let dir = tmp();
    let sheet = (
        "Budget",
        vec![
            vec![S("uppdrag"), S("del"), S("mått"), S("värde"), S("note")],
            vec![S("Hemtjänst"), E, S("kr"), N(1.0), F("=1/0", "#DIV/0!")],
        ],
    );
    let path = xlsx(dir.path(), "in.xlsx", &with(valid(), sheet));
    let (inputs, _) = read_all(&path).expect("an error in an ignored column is ignored");
    assert_eq!(inputs.budget.len(), 1);
}

#[test]
fn bad_periods() {
    let cases = [
        (S("2023-13"), "Utfall!A2: month 13 in \"2023-13\" is outside 1-12"),
        (S("2023/01"), "Utfall!A2: expected a period yyyy-mm, found \"2023/01\""),
        (S("2023-02-30"), "Utfall!A2: day 30 in \"2023-02-30\" does not exist in that month"),
        (N(202_301.0), "Utfall!A2: expected a period yyyy-mm, found the number 202301"),
        (E, "Utfall!A2: expected a period yyyy-mm, found an empty cell"),
    ];
    for (period, want) in cases {
        let sheet = (
            "Utfall",
            vec![vec![S("period"), S("id"), S("komplement"), S("konto"), S("belopp")], vec![period, S("A1"), E, S("4010"), N(1.0)]],
        );
        let (_, message) = xlsx_error(&with(valid(), sheet));
        assert_eq!(message, want);
    }
}

#[test]
fn empty_id_is_an_error() {
    let sheet = (
        "Utfall",
        vec![vec![S("period"), S("id"), S("komplement"), S("konto"), S("belopp")], vec![S("2023-01"), S(" "), E, S("4010"), N(1.0)]],
    );
    let (_, message) = xlsx_error(&with(valid(), sheet));
    assert_eq!(message, "Utfall!B2: the `id` cell is empty; every posting needs an id code");
}

#[test]
fn empty_assignment_is_an_error() {
    let sheet =
        ("Volymer", vec![vec![S("period"), S("uppdrag"), S("del"), S("mått"), S("värde")], vec![S("2023-01"), E, E, S("timmar"), N(1.0)]]);
    let (_, message) = xlsx_error(&with(valid(), sheet));
    assert_eq!(message, "Volymer!B2: the `uppdrag` cell is empty");
}

#[test]
fn callback_error_is_returned_unchanged() {
    let dir = tmp();
    let path = xlsx(dir.path(), "in.xlsx", &valid());
    let mut seen = 0;
    let err = workbook::read(&path, &mut |p| {
        seen += 1;
        Err(WorkbookError::posting(&path, p.row, format!("period {} is outside 2024", p.period)))
    })
    .expect_err("the callback refuses");
    assert_eq!(seen, 1);
    assert!(matches!(err, WorkbookError::Posting { row: 2, .. }));
    assert_eq!(without_file(&err.to_string(), &path), "Utfall row 2: period 2023-01 is outside 2024");
}

#[test]
fn empty_file() {
    let dir = tmp();
    let path = file(dir.path(), "in.xlsx", b"");
    let (_, message) = error_of(&path);
    assert_eq!(without_file(&message, &path), "the file is empty");
}

#[test]
fn text_file_renamed_xlsx() {
    let dir = tmp();
    let path = file(dir.path(), "in.xlsx", b"period;id;belopp\n2023-01;A;1\n");
    let (err, message) = error_of(&path);
    assert!(matches!(err, WorkbookError::Open { format: "an xlsx", .. }), "{err:?}");
    assert!(without_file(&message, &path).starts_with("cannot open it as an xlsx workbook: "), "{message}");
}

#[test]
fn unknown_extension_and_content() {
    let dir = tmp();
    let path = file(dir.path(), "in.txt", b"hello");
    let (err, _) = error_of(&path);
    assert!(matches!(err, WorkbookError::UnknownFormat { .. }), "{err:?}");
}

#[test]
fn truncated_zip() {
    let dir = tmp();
    let full = xlsx(dir.path(), "full.xlsx", &valid());
    let bytes = std::fs::read(&full).expect("read xlsx");
    let path = file(dir.path(), "cut.xlsx", &bytes[..bytes.len() / 2]);
    let (err, message) = error_of(&path);
    assert!(matches!(err, WorkbookError::Open { .. } | WorkbookError::Malformed { .. }), "{err:?}");
    assert!(message.contains("cut.xlsx"), "{message}");
}

#[test]
fn nonexistent_path() {
    let dir = tmp();
    let path = dir.path().join("nope.xlsx");
    let (err, message) = error_of(&path);
    assert!(matches!(err, WorkbookError::Io { .. }), "{err:?}");
    assert!(message.contains("nope.xlsx: cannot read the file"), "{message}");
}

#[test]
fn missing_csv_file() {
    let dir = tmp();
    file(dir.path(), "utfall.csv", b"period;id;komplement;konto;belopp\n");
    file(dir.path(), "Volymer.csv", b"period;uppdrag;del;m\xc3\xa5tt;v\xc3\xa4rde\n");
    let (err, message) = error_of(dir.path());
    assert!(matches!(err, WorkbookError::MissingCsv { name: "Budget.csv", .. }));
    assert_eq!(without_file(&message, dir.path()), "file `Budget.csv` is missing (found: Volymer.csv, utfall.csv)");
}

/// Writes the three CSV files into a fresh folder.
fn csv_folder(utfall: &[u8], volymer: &[u8], budget: &[u8]) -> tempfile::TempDir {
    let dir = tmp();
    file(dir.path(), "Utfall.csv", utfall);
    file(dir.path(), "Volymer.csv", volymer);
    file(dir.path(), "Budget.csv", budget);
    dir
}

const UTFALL_CSV: &[u8] = b"period;id;komplement;konto;belopp\n2023-01;A1;;4010;1 234,50\n";
const VOLYMER_CSV: &[u8] = "period;uppdrag;del;mått;värde\n2023-01;Hemtjänst;;timmar;12,5\n".as_bytes();
const BUDGET_CSV: &[u8] = "uppdrag;del;mått;värde\nHemtjänst;;kr;1 000 000\n".as_bytes();

#[test]
fn csv_text_in_number_cell() {
    let volymer = "period;uppdrag;del;mått;värde\n2023-01;Hemtjänst;;timmar;tolv\n";
    let dir = csv_folder(UTFALL_CSV, volymer.as_bytes(), BUDGET_CSV);
    let (err, message) = error_of(dir.path());
    let file = dir.path().join("Volymer.csv");
    assert_eq!(err.file(), file.as_path());
    assert_eq!(without_file(&message, &file), "Volymer!E2: expected a number, found \"tolv\"");
}

#[test]
fn csv_error_literal_is_an_error_cell() {
    let utfall = b"period;id;komplement;konto;belopp\n\n2023-01;A1;;4010;#REF!\n";
    let dir = csv_folder(utfall, VOLYMER_CSV, BUDGET_CSV);
    let (_, message) = error_of(dir.path());
    let file = dir.path().join("Utfall.csv");
    assert_eq!(without_file(&message, &file), "Utfall!E3: the cell holds the error #REF!");
}

#[test]
fn csv_missing_column_in_windows_1252() {
    // "mått" is missing; "värde" is Windows-1252 (0xE4).
    let volymer = b"period;uppdrag;del;v\xe4rde\n2023-01;Hemtj\xe4nst;;1\n";
    let dir = csv_folder(UTFALL_CSV, volymer, BUDGET_CSV);
    let (_, message) = error_of(dir.path());
    let file = dir.path().join("Volymer.csv");
    assert_eq!(without_file(&message, &file), "Volymer: column `mått` is missing (found: period, uppdrag, del, värde)");
}

#[test]
fn csv_utf16_is_refused() {
    let dir = csv_folder(b"\xff\xfep\x00", VOLYMER_CSV, BUDGET_CSV);
    let (err, _) = error_of(dir.path());
    assert!(matches!(err, WorkbookError::Csv { line: 1, .. }), "{err:?}");
}

#[test]
fn ods_error_cell() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/workbook/div0.ods");
    let (_, message) = error_of(&path);
    assert_eq!(without_file(&message, &path), "Utfall!E4: the cell holds the error #DIV/0!");
}

#[test]
fn csv_unquoted_decimal_comma_with_comma_delimiter() {
    let utfall = b"period,id,komplement,konto,belopp\n2023-01,A1,,4010,1234,50\n";
    let dir = csv_folder(utfall, VOLYMER_CSV, BUDGET_CSV);
    let (err, message) = error_of(dir.path());
    assert!(matches!(err, WorkbookError::Csv { line: 2, .. }), "{err:?}");
    let file = dir.path().join("Utfall.csv");
    assert_eq!(
        without_file(&message, &file),
        "line 2: the record has 6 fields but the header has 5; \
         quote numbers with a decimal comma, or use `;` as the delimiter"
    );
}
