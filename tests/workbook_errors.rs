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
    assert_eq!(message, "bladet `Budget` saknas (finns: Utfall, Volymer)");
    assert!(matches!(err, WorkbookError::MissingSheet { sheet: "Budget", .. }));
}

#[test]
fn missing_column_lists_columns_present() {
    let sheet = ("Volymer", vec![vec![S("Period"), S(" UPPDRAG "), S("del"), S("värde")], vec![S("2023-01"), S("Hemtjänst"), E, N(1.0)]]);
    let (err, message) = xlsx_error(&with(valid(), sheet));
    assert_eq!(message, "Volymer: kolumnen `mått` saknas (finns: period, uppdrag, del, värde)");
    let header = CellRef { sheet: "Volymer", row: 1, col: 0 };
    assert_eq!(err.cell(), Some(&header));
}

#[test]
fn duplicate_column_is_an_error() {
    let sheet = ("Budget", vec![vec![S("uppdrag"), S("del"), S("mått"), S("värde"), S("Värde")]]);
    let (_, message) = xlsx_error(&with(valid(), sheet));
    assert_eq!(message, "Budget!E1: kolumnen `värde` finns två gånger, första gången i Budget!D1");
}

#[test]
fn empty_sheet_has_no_header() {
    let (_, message) = xlsx_error(&with(valid(), ("Budget", vec![])));
    assert_eq!(message, "bladet `Budget` är tomt; första raden ska ange kolumnernas namn");
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
    assert_eq!(message, "Volymer!E2: förväntade ett tal, hittade `tolv`");
    assert_eq!(err.cell().map(ToString::to_string).as_deref(), Some("Volymer!E2"));
}

#[test]
fn malformed_numbers_in_text() {
    for (text, found) in [("1,2,3", "`1,2,3`"), ("12 34", "`12 34`"), ("  ", "en tom cell")] {
        let sheet = ("Budget", vec![vec![S("uppdrag"), S("del"), S("mått"), S("värde")], vec![S("Hemtjänst"), E, S("kr"), S(text)]]);
        let (_, message) = xlsx_error(&with(valid(), sheet));
        assert_eq!(message, format!("Budget!D2: förväntade ett tal, hittade {found}"));
    }
}

#[test]
fn empty_amount_is_never_zero() {
    let sheet = (
        "Utfall",
        vec![vec![S("period"), S("id"), S("komplement"), S("konto"), S("belopp")], vec![S("2023-01"), S("A1"), E, S("4010"), E]],
    );
    let (_, message) = xlsx_error(&with(valid(), sheet));
    assert_eq!(message, "Utfall!E2: förväntade ett tal, hittade en tom cell");
}

#[test]
fn boolean_amount_is_an_error() {
    let sheet = (
        "Utfall",
        vec![vec![S("period"), S("id"), S("komplement"), S("konto"), S("belopp")], vec![S("2023-01"), S("A1"), E, S("4010"), B(true)]],
    );
    let (_, message) = xlsx_error(&with(valid(), sheet));
    assert_eq!(message, "Utfall!E2: förväntade ett tal, hittade sanningsvärdet SANT");
}

#[test]
fn error_cell_in_used_column() {
    let mut rows = utfall().1;
    while rows.len() < 8 {
        rows.push(vec![S("2023-03"), S("A2"), E, S("4010"), N(1.0)]);
    }
    rows.push(vec![S("2023-03"), S("A2"), E, S("4010"), F("=1/0", "#DIV/0!")]);
    let (err, message) = xlsx_error(&with(valid(), ("Utfall", rows)));
    assert_eq!(message, "Utfall!E9: cellen innehåller felvärdet #DIV/0!");
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
    assert_eq!(message, "Budget!B2: cellen innehåller felvärdet #N/A");
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
        (S("2023-13"), "Utfall!A2: månad 13 i `2023-13` ligger utanför 1-12"),
        (S("2023/01"), "Utfall!A2: förväntade en period åååå-mm, hittade `2023/01`"),
        (S("2023-02-30"), "Utfall!A2: dag 30 i `2023-02-30` finns inte i den månaden"),
        // A ledger export's `202301` is a period (issue 11); its month is checked, a fraction is no period.
        (N(202_313.0), "Utfall!A2: månad 13 i `202313` ligger utanför 1-12"),
        (N(202_301.5), "Utfall!A2: förväntade en period åååå-mm, hittade talet 202301.5"),
        (E, "Utfall!A2: förväntade en period åååå-mm, hittade en tom cell"),
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
    assert_eq!(message, "Utfall!B2: cellen i kolumnen `id` är tom; varje kontering behöver en id-kod");
}

#[test]
fn empty_assignment_is_an_error() {
    let sheet =
        ("Volymer", vec![vec![S("period"), S("uppdrag"), S("del"), S("mått"), S("värde")], vec![S("2023-01"), E, E, S("timmar"), N(1.0)]]);
    let (_, message) = xlsx_error(&with(valid(), sheet));
    assert_eq!(message, "Volymer!B2: cellen i kolumnen `uppdrag` är tom");
}

#[test]
fn callback_errors_are_collected_unchanged() {
    let dir = tmp();
    let path = xlsx(dir.path(), "in.xlsx", &valid());
    let mut seen = 0;
    let err = workbook::read(&path, &mut |p| {
        seen += 1;
        Err(WorkbookError::posting(&path, p.row, format!("period {} is outside 2024", p.period)))
    })
    .expect_err("the callback refuses");
    assert_eq!(seen, 2, "reading goes on after a refused posting");
    assert!(matches!(err.kept(), [WorkbookError::Posting { row: 2, .. }, WorkbookError::Posting { row: 3, .. }]), "{err:?}");
    let lines: Vec<_> = err.to_string().lines().map(|l| without_file(l, &path)).collect();
    assert_eq!(lines, ["Utfall rad 2: period 2023-01 is outside 2024", "Utfall rad 3: period 2023-02 is outside 2024"]);
}

#[test]
fn empty_file() {
    let dir = tmp();
    let path = file(dir.path(), "in.xlsx", b"");
    let (_, message) = error_of(&path);
    assert_eq!(without_file(&message, &path), "filen är tom");
}

#[test]
fn text_file_renamed_xlsx() {
    let dir = tmp();
    let path = file(dir.path(), "in.xlsx", b"period;id;belopp\n2023-01;A;1\n");
    let (err, message) = error_of(&path);
    assert!(matches!(err, WorkbookError::Open { format: "xlsx", .. }), "{err:?}");
    assert_eq!(
        without_file(&message, &path),
        "kan inte öppna filen som xlsx-arbetsbok: filen är inget kalkylblad (ingen zip- eller ole-signatur); är det en omdöpt textfil?"
    );
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
    assert!(message.ends_with("nope.xlsx: kan inte läsa filen: filen eller mappen finns inte"), "{message}");
}

#[test]
fn missing_csv_file() {
    let dir = tmp();
    file(dir.path(), "utfall.csv", b"period;id;komplement;konto;belopp\n");
    file(dir.path(), "Volymer.csv", b"period;uppdrag;del;m\xc3\xa5tt;v\xc3\xa4rde\n");
    let (err, message) = error_of(dir.path());
    assert!(matches!(err, WorkbookError::MissingCsv { name: "Budget.csv", .. }));
    assert_eq!(without_file(&message, dir.path()), "filen `Budget.csv` saknas (finns: Volymer.csv, utfall.csv)");
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
    assert_eq!(without_file(&message, &file), "Volymer!E2: förväntade ett tal, hittade `tolv`");
}

#[test]
fn csv_error_literal_is_an_error_cell() {
    let utfall = b"period;id;komplement;konto;belopp\n\n2023-01;A1;;4010;#REF!\n";
    let dir = csv_folder(utfall, VOLYMER_CSV, BUDGET_CSV);
    let (_, message) = error_of(dir.path());
    let file = dir.path().join("Utfall.csv");
    assert_eq!(without_file(&message, &file), "Utfall!E3: cellen innehåller felvärdet #REF!");
}

#[test]
fn csv_missing_column_in_windows_1252() {
    // "mått" is missing; "värde" is Windows-1252 (0xE4).
    let volymer = b"period;uppdrag;del;v\xe4rde\n2023-01;Hemtj\xe4nst;;1\n";
    let dir = csv_folder(UTFALL_CSV, volymer, BUDGET_CSV);
    let (_, message) = error_of(dir.path());
    let file = dir.path().join("Volymer.csv");
    assert_eq!(without_file(&message, &file), "Volymer: kolumnen `mått` saknas (finns: period, uppdrag, del, värde)");
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
    assert_eq!(without_file(&message, &path), "Utfall!E4: cellen innehåller felvärdet #DIV/0!");
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
        "rad 2: raden har 6 fält men rubrikraden har 5; \
         sätt tal med decimalkomma inom citattecken, eller använd `;` som avgränsare"
    );
}
