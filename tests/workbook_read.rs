//! Reading valid workbooks and CSV folders: values, cells and the leniencies of the contract.

#[path = "workbook/support.rs"]
mod support;

use std::path::Path;

use ekostyr::workbook::{CellRef, Located, Period};
use support::*;

fn owned(period: &str, id: &str, komplement: &str, konto: &str, amount: &str, row: u32) -> Owned {
    Owned { period: period.into(), id: id.into(), komplement: komplement.into(), konto: konto.into(), amount: amount.into(), row }
}

fn cell(sheet: &'static str, row: u32, col: u32) -> CellRef {
    CellRef { sheet, row, col }
}

/// A workbook exercising the leniencies: sheet and header case, column
/// order, extra columns, a header below blank rows, blank rows, dates,
/// numeric ids and Swedish text numbers.
fn lenient() -> Vec<Sheet> {
    let utfall = (
        "UTFALL",
        vec![
            vec![],
            vec![E, S("Belopp"), S(" Konto "), S("ID"), S("Komplement"), S("note"), S("PERIOD")],
            vec![E, N(1234.57), N(4010.0), S(" A1 "), S("K1"), S("x"), S("2023-01")],
            vec![E, S("-1\u{a0}234,50"), S("4010"), N(77.0), E, E, D(2023, 2, 28)],
            vec![E, E, E, E, E, S("only a note"), E],
            vec![E, N(0.1 + 0.2), S("5010"), S("B2"), S("K2"), E, S("2023-03-15")],
            vec![],
            vec![E, S("\u{2212}7"), E, S("B2"), E, E, D(2023, 12, 31)],
            vec![],
            vec![],
        ],
    );
    let volymer = (
        "volymer",
        vec![
            vec![S("Värde"), S("Mått"), S("Del"), S("Uppdrag"), S("Period")],
            vec![N(120.5), S("timmar"), S("Norr"), S("Hemtjänst"), S("2023-01")],
            vec![S("12,25"), S("besök"), E, S("Hemtjänst"), D(2023, 7, 1)],
        ],
    );
    let budget =
        ("Budget", vec![vec![S("uppdrag"), S("del"), S("mått"), S("värde")], vec![S("Hemtjänst"), S("Norr"), S("kr"), S("1 000 000")]]);
    vec![volymer, utfall, budget]
}

#[test]
fn xlsx_postings_in_sheet_order() {
    let dir = tmp();
    let path = xlsx(dir.path(), "in.xlsx", &lenient());
    let (inputs, postings) = read_all(&path).expect("valid workbook");
    assert_eq!(inputs.ledger_rows, 4);
    assert_eq!(
        postings,
        [
            owned("2023-01", "A1", "K1", "4010", "1234.57", 3),
            owned("2023-02", "77", "", "4010", "-1234.50", 4),
            owned("2023-03", "B2", "K2", "5010", "0.30000000000000004", 6),
            owned("2023-12", "B2", "", "", "-7", 8),
        ]
    );
}

#[test]
fn xlsx_volumes_and_budget_with_cells() {
    let dir = tmp();
    let path = xlsx(dir.path(), "in.xlsx", &lenient());
    let (inputs, _) = read_all(&path).expect("valid workbook");
    assert_eq!(inputs.volumes.len(), 2);
    let first = &inputs.volumes[0];
    assert_eq!(first.period, Located { value: Period { year: 2023, month: 1 }, cell: cell("Volymer", 2, 4) });
    assert_eq!(first.assignment.value, "Hemtjänst");
    assert_eq!(first.assignment.cell, cell("Volymer", 2, 3));
    assert_eq!(first.part.as_ref().map(|p| p.value.as_str()), Some("Norr"));
    assert_eq!(first.measure.cell.to_string(), "Volymer!B2");
    assert_eq!(first.value.value, dec("120.5"));
    assert_eq!(first.value.cell.to_string(), "Volymer!A2");
    let second = &inputs.volumes[1];
    assert_eq!(second.period.value, Period { year: 2023, month: 7 });
    assert_eq!(second.part, None);
    assert_eq!(second.value.value.to_string(), "12.25");
    let budget = &inputs.budget[0];
    assert_eq!(budget.value.value, dec("1000000"));
    assert_eq!(budget.value.cell.to_string(), "Budget!D2");
}

#[test]
fn header_only_sheets_are_empty() {
    let dir = tmp();
    let sheets = vec![
        ("Utfall", vec![vec![S("period"), S("id"), S("komplement"), S("konto"), S("belopp")]]),
        ("Volymer", vec![vec![S("period"), S("uppdrag"), S("del"), S("mått"), S("värde")]]),
        ("Budget", vec![vec![S("uppdrag"), S("del"), S("mått"), S("värde")]]),
    ];
    let path = xlsx(dir.path(), "in.xlsx", &sheets);
    let (inputs, postings) = read_all(&path).expect("valid workbook");
    assert_eq!((inputs.ledger_rows, postings.len()), (0, 0));
    assert!(inputs.volumes.is_empty() && inputs.budget.is_empty());
}

#[test]
fn format_sniffed_without_extension() {
    let dir = tmp();
    let path = xlsx(dir.path(), "in.xlsx", &valid());
    let renamed = dir.path().join("export.dat");
    std::fs::rename(&path, &renamed).expect("rename");
    let (inputs, postings) = read_all(&renamed).expect("sniffed as xlsx");
    assert_eq!((inputs.ledger_rows, postings.len()), (2, 2));
    let upper = dir.path().join("EXPORT.XLSX");
    std::fs::rename(&renamed, &upper).expect("rename");
    assert!(read_all(&upper).is_ok());
}

fn csv_dir(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tmp();
    for (name, bytes) in files {
        file(dir.path(), name, bytes);
    }
    dir
}

fn check_csv_inputs(path: &Path) {
    let (inputs, postings) = read_all(path).expect("valid csv folder");
    assert_eq!(postings, [owned("2023-01", "A1", "", "4010", "1234.50", 2), owned("2023-02", "A1", "K", "4010", "-12.5", 4),]);
    assert_eq!(inputs.ledger_rows, 2);
    let volume = &inputs.volumes[0];
    assert_eq!(volume.assignment.value, "Hemtjänst");
    assert_eq!(volume.measure.value, "mått");
    assert_eq!(volume.value.value.to_string(), "12.5");
    assert_eq!(volume.value.cell.to_string(), "Volymer!E2");
    assert_eq!(inputs.budget[0].value.value, dec("1000000"));
}

#[test]
fn csv_semicolon_decimal_comma() {
    let dir = csv_dir(&[
        ("utfall.CSV", b"period;id;komplement;konto;belopp\n2023-01;A1;;4010;1 234,50\n\n2023-02;A1;K;4010;\"-12,5\"\n"),
        ("Volymer.csv", "\u{feff}Period;Uppdrag;Del;Mått;Värde\r\n2023-01;Hemtjänst;;mått;12,5\r\n".as_bytes()),
        ("BUDGET.csv", "uppdrag;del;mått;värde\nHemtjänst;;kr;1\u{a0}000\u{a0}000\n".as_bytes()),
    ]);
    check_csv_inputs(dir.path());
}

#[test]
fn csv_windows_1252_comma_and_tab() {
    let dir = csv_dir(&[
        ("Utfall.csv", b"period,id,komplement,konto,belopp\n2023-01,A1,,4010,\"1 234,50\"\n\n2023-02-01,A1,K,4010,-12.5\n"),
        ("Volymer.csv", b"period,uppdrag,del,m\xe5tt,v\xe4rde\n2023-01,Hemtj\xe4nst,,m\xe5tt,\"12,5\"\n"),
        ("Budget.csv", b"uppdrag\tdel\tm\xe5tt\tv\xe4rde\nHemtj\xe4nst\t\tkr\t1000000\n"),
    ]);
    check_csv_inputs(dir.path());
}

fn test_data(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/workbook").join(name)
}

#[test]
fn ods_read_whole() {
    let (inputs, postings) = read_all(&test_data("valid.ods")).expect("valid ods");
    assert_eq!(postings, [owned("2023-02", "A1", "K1", "4010", "1234.57", 3), owned("2023-03", "B2", "", "5010", "-1234.50", 4),]);
    let volume = &inputs.volumes[0];
    assert_eq!(volume.period.value, Period { year: 2023, month: 7 });
    assert_eq!(volume.period.cell.to_string(), "Volymer!A2");
    assert_eq!(volume.part, None);
    assert_eq!(volume.value.value, dec("12.5"));
    assert_eq!(inputs.budget[0].value.value, dec("1000000"));
    assert_eq!(inputs.budget[0].part.as_ref().map(|p| p.cell.to_string()).as_deref(), Some("Budget!B2"));
}
