//! The nämndrapport as PDF: the reference period's file as a user makes it (`%PDF`, a
//! plausible page count, and, where poppler's `pdftotext` is installed, the totals in
//! Swedish format in its text), the full year and English, and user text that looks like
//! typst markup printed as written.

use ekostyr::eval::results::Report;
use ekostyr::i18n::Lang;
use ekostyr::report::board::{self, AmountUnit, BoardOptions};
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn ekostyr(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ekostyr")).current_dir(root()).args(args).env("NO_COLOR", "1").output().expect("the binary runs")
}

/// `ekostyr rapport rules/2023.ek --input fixtures/2023.xlsx [extra] -o <tmp>/rapport.pdf`: the file's bytes.
fn rapport_pdf(extra: &[&str]) -> (tempfile::TempDir, PathBuf, Vec<u8>) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let pdf = dir.path().join("rapport.pdf");
    let mut args = vec!["rapport", "rules/2023.ek", "--input", "fixtures/2023.xlsx"];
    args.extend(extra);
    args.extend(["-o", pdf.to_str().expect("utf-8")]);
    let out = ekostyr(&args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(&pdf).expect("written");
    (dir, pdf, bytes)
}

/// The page count in the page tree's root (`/Type/Pages/Count n`, uncompressed in typst's PDF).
fn page_count(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    let at = text.find("/Type/Pages/Count ").expect("a page tree") + "/Type/Pages/Count ".len();
    text[at..].chars().take_while(char::is_ascii_digit).collect::<String>().parse().expect("a count")
}

/// The PDF's text by poppler's `pdftotext`, or `None` where it is not installed.
fn pdftotext(pdf: &Path) -> Option<String> {
    let out = Command::new("pdftotext").arg(pdf).arg("-").output().ok()?;
    assert!(out.status.success(), "pdftotext: {}", String::from_utf8_lossy(&out.stderr));
    Some(String::from_utf8(out.stdout).expect("utf-8 text"))
}

/// pdfinfo's page count, to check the one read from the bytes, where poppler is installed.
fn pdfinfo_pages(pdf: &Path) -> Option<usize> {
    let out = Command::new("pdfinfo").arg(pdf).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    text.lines().find_map(|l| l.strip_prefix("Pages:")).and_then(|n| n.trim().parse().ok())
}

#[test]
fn the_reference_period_as_a_pdf_with_its_totals_in_swedish() {
    let (_dir, path, pdf) = rapport_pdf(&["--period", "2023-08"]);
    assert!(pdf.starts_with(b"%PDF-"), "{:?}", pdf.get(..8));
    let pages = page_count(&pdf);
    assert!((4..=14).contains(&pages), "{pages} pages");
    if let Some(info) = pdfinfo_pages(&path) {
        assert_eq!(info, pages);
    }
    let Some(text) = pdftotext(&path) else {
        eprintln!("pdftotext is not installed: the PDF's text is not checked (apt-get install poppler-utils)");
        return;
    };
    for expected in [
        "Nämndrapport januari–augusti 2023",
        "Äldrenämnden (ÄN)",
        "Social- och omsorgsnämnden (SON)",
        "Belopp i tkr",
        "737 378", // compensation, all boards
        "803 678", // cost, all boards
        "-66 300", // samlat resultat, all boards
        "399 334", // ÄN's compensation
        "-64 170", // ÄN's result
        "338 044", // SON's compensation
        "-2 130",  // SON's result
        "Sida 1 av",
        "Underlag",
        "uppfyllt",
    ] {
        assert!(text.contains(expected), "`{expected}` not in the PDF's text:\n{text}");
    }
}

#[test]
fn the_full_year_in_english() {
    let (_dir, path, pdf) = rapport_pdf(&["--lang", "en", "--enhet", "mnkr"]);
    assert!(pdf.starts_with(b"%PDF-"));
    assert!((3..=14).contains(&page_count(&pdf)));
    if let Some(text) = pdftotext(&path) {
        assert!(text.contains("Page 1 of") && text.contains("Amounts in mnkr"), "{text}");
        assert!(!text.contains("Sida "), "{text}");
    }
}

fn reference(period: Option<&str>) -> Report {
    let rules = Path::new("rules/2023.ek");
    let model = ekostyr::session::rules(rules).expect("the reference rules check").model;
    let mut s = ekostyr::session::Session::new(model, rules, "fixtures/2023.xlsx".as_ref());
    s.period = period.map(str::to_string);
    s.evaluate(&mut |_| {}).expect("the reference year evaluates")
}

/// Names as a user may write them, every one of them typst markup if it were pasted in.
const NASTY: [&str; 3] =
    ["Hem #1 *A*_b_ $x^2$ [y] `z` \\ \"q\" @ref <lbl> // c /* d", "Nämnd #let x = 1 & = rubrik", "#panic(\"nej\") ]) ~ -- ..."];

#[test]
fn user_text_that_looks_like_markup_is_printed_as_written() {
    let mut report = reference(Some("2023-08"));
    report.assignments[0].name = NASTY[0].to_string();
    report.assignments[0].follow_up.forecast_comment = Some(NASTY[2].to_string());
    for a in report.assignments.iter_mut().filter(|a| a.board.0 == "ÄN") {
        a.board.1 = NASTY[1].to_string();
    }
    for b in report.pooled.boards.iter_mut().filter(|b| b.board.0 == "ÄN") {
        b.board.1 = NASTY[1].to_string();
    }
    let doc = board::build(&report, &BoardOptions { lang: Lang::Sv, unit: AmountUnit::Tkr, board: Some("ÄN".into()) }).expect("builds");
    let text = board::pdf::laid_out_text(&doc).expect("typesets");
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    let laid_out = squeeze(&text);
    for name in NASTY {
        assert!(laid_out.contains(&squeeze(name)), "`{name}` not printed as written:\n{text}");
    }
    let pdf = board::pdf::render(&doc).expect("renders");
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn an_unknown_extension_is_refused_and_names_both_formats() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let txt = dir.path().join("rapport.odt");
    let out = ekostyr(&["rapport", "rules/2023.ek", "--input", "fixtures/2023.xlsx", "-o", txt.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`.pdf`"), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!txt.exists());
}
