//! The nämndrapport in a real browser: Debian's headless chromium, driven by
//! Playwright (`tests/browser/check.mjs`), opens the HTML report of the reference year
//! and of `--period 2023-08` and checks: no console error, no request leaving the file,
//! every chart's SVG laid out with a size and its expected series, the page no wider than
//! A4, and the key totals shown as text. `.ci/run` installs chromium and runs `npm ci`;
//! without chromium (and outside CI) the test says so and passes.

mod common;

use ekostyr::i18n::Lang;
use ekostyr::report::board::{self, BoardDoc, BoardOptions, SeriesStyle, charts};
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn doc(period: Option<&str>) -> BoardDoc {
    let rules = root().join("rules/2023.ek");
    let model = ekostyr::session::rules(&rules).expect("the reference rules check").model;
    let mut s = ekostyr::session::Session::new(model, &rules, &root().join("fixtures/2023.xlsx"));
    s.period = period.map(str::to_string);
    let report = s.evaluate(&mut |_| {}).expect("the reference year evaluates");
    board::build(&report, &BoardOptions { lang: Lang::Sv, ..BoardOptions::default() }).expect("both boards exist")
}

/// Writes the report with the binary, as a user would.
fn write_report(period: Option<&str>, out: &Path) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ekostyr"));
    cmd.current_dir(root()).args(["rapport", "rules/2023.ek", "--input", "fixtures/2023.xlsx", "-o"]).arg(out).env("NO_COLOR", "1");
    if let Some(p) = period {
        cmd.args(["--period", p]);
    }
    let result = cmd.output().expect("the binary runs");
    assert!(result.status.success(), "{}", String::from_utf8_lossy(&result.stderr));
}

/// What the page must show: each chart's series and colours, and the totals as text.
fn expectations(doc: &BoardDoc, file: &Path, screenshot: Option<&Path>) -> serde_json::Value {
    let sections = &doc.sections;
    let charts: Vec<serde_json::Value> = sections
        .iter()
        .flat_map(|s| &s.charts)
        .map(|c| {
            let colours: Vec<String> = c
                .series
                .iter()
                .enumerate()
                .map(|(i, s)| match s.style {
                    SeriesStyle::Line => charts::series_color(i),
                    SeriesStyle::Reference => "#555555".to_string(),
                })
                .collect();
            serde_json::json!({ "series": c.series.len(), "colours": colours })
        })
        .collect();
    let mut texts = vec![doc.period.words.clone()];
    texts.extend(doc.total.iter().flat_map(|t| [t.compensation.text.clone(), t.cost.text.clone(), t.result.text.clone()]));
    for s in sections {
        texts.extend([s.board_name.clone(), s.summary.compensation.text.clone(), s.summary.cost.text.clone()]);
        texts.extend([s.summary.result.text.clone(), s.summary.pooled_result.text.clone()]);
        texts.extend(s.assignments.iter().map(|a| a.name.clone()));
    }
    serde_json::json!({ "file": file, "screenshot": screenshot, "charts": charts, "texts": texts })
}

#[test]
fn the_report_opens_in_headless_chromium_as_a_reader_sees_it() {
    let Some(chromium) = common::browser::chromium("the nämndrapport") else { return };
    let browser = common::browser::scripts();
    let dir = tempfile::tempdir().expect("a temp dir");
    // The reference screenshot is rewritten on request only: `UPDATE_SCREENSHOT=1`.
    let shot = |name: &str| match std::env::var_os("UPDATE_SCREENSHOT") {
        Some(_) => browser.join(name),
        None => dir.path().join(name),
    };
    let mut pages = vec![];
    for (period, name) in [(None, "rapport-2023"), (Some("2023-08"), "rapport-2023-08")] {
        let file = dir.path().join(format!("{name}.html"));
        write_report(period, &file);
        pages.push(expectations(&doc(period), &file, Some(&shot(&format!("{name}.png")))));
    }
    let spec = dir.path().join("expectations.json");
    std::fs::write(&spec, serde_json::json!({ "pages": pages }).to_string()).expect("writable");
    let out = Command::new("node").arg(browser.join("check.mjs")).arg(&spec).env("CHROMIUM", &chromium).output().expect("node runs");
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "the browser found problems:\n{said}");
    assert!(said.contains("2 page(s) checked, 0 problem(s)"), "{said}");
}
