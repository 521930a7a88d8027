//! The nämndrapport: its view model (BoardDoc) of the reference year as an outline
//! snapshot, the budget/last-year columns with a follow-up filled by hand, `--nämnd`,
//! the HTML's self-containment, and the command as a user runs it.

use ekostyr::eval::results::{MonthCost, PreviousYear, Report};
use ekostyr::i18n::Lang;
use ekostyr::report::board::{self, Amount, AmountUnit, BoardDoc, BoardOptions};
use rust_decimal::Decimal;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn report(period: Option<&str>) -> Report {
    // Relative, as a user names them (the provenance shows them; tests run in the crate's root).
    let rules = std::path::Path::new("rules/2023.ek");
    let model = ekostyr::session::rules(rules).expect("the reference rules check").model;
    let mut s = ekostyr::session::Session::new(model, rules, "fixtures/2023.xlsx".as_ref());
    s.period = period.map(str::to_string);
    s.evaluate(&mut |_| {}).expect("the reference year evaluates")
}

fn opts() -> BoardOptions {
    BoardOptions { lang: Lang::Sv, unit: AmountUnit::Tkr, board: None }
}

fn o(a: Option<&Amount>) -> &str {
    a.map_or("–", |a| a.text.as_str())
}

/// The document as an outline: every figure and word a renderer lays out, one line each.
fn outline(doc: &BoardDoc) -> String {
    let mut out = String::new();
    let _ =
        writeln!(out, "{} | {} | {} | {}", doc.title, doc.period.words, doc.unit.symbol(), doc.forecast_method.as_deref().unwrap_or("–"));
    let _ = writeln!(out, "months: {}", doc.period.month_labels.join(" "));
    if let Some(t) = &doc.total {
        let _ = writeln!(out, "total: {} / {} / {}", t.compensation.text, t.cost.text, t.result.text);
    }
    for s in &doc.sections {
        let m = &s.summary;
        let _ = writeln!(out, "\n## {} ({})", s.board_name, s.board_id);
        let _ = writeln!(out, "outcome {} / {} / {}; samlat {}", m.compensation.text, m.cost.text, m.result.text, m.pooled_result.text);
        let _ = writeln!(
            out,
            "forecast {}",
            m.forecast.as_ref().map_or("–".into(), |f| format!("{} / {} / {}", f.compensation.text, f.cost.text, f.result.text))
        );
        let _ = writeln!(
            out,
            "budget {} dev {}; year budget {} dev {}",
            o(m.budget_period.as_ref()),
            o(m.deviation_period.as_ref()),
            o(m.budget_year.as_ref()),
            o(m.deviation_year.as_ref())
        );
        let _ = writeln!(
            out,
            "previous {}",
            m.previous.as_ref().map_or("–".into(), |p| format!("{} / {} / {}", p.compensation.text, p.cost.text, p.result.text))
        );
        for a in &s.assignments {
            let _ = writeln!(
                out,
                "- {} [{}] fixed {} var {} chg {} = {} / {} / {} | budget {} dev {} ({}) | forecast {} ({}) | year {} dev {} | prev {} | {} parts",
                a.name,
                a.care_form,
                a.fixed.text,
                a.variable.text,
                a.changes.text,
                a.outcome.compensation.text,
                a.outcome.cost.text,
                a.outcome.result.text,
                o(a.budget_period.as_ref()),
                o(a.deviation_period.as_ref()),
                a.deviation_period_percent.as_deref().unwrap_or("–"),
                o(a.forecast.as_ref().map(|f| &f.result)),
                a.forecast_method.as_deref().unwrap_or("–"),
                o(a.budget_year.as_ref()),
                o(a.deviation_year.as_ref()),
                o(a.previous.as_ref().map(|p| &p.result)),
                a.parts.len(),
            );
        }
        for l in &s.level1 {
            let _ = writeln!(
                out,
                "level1 {}: {} / {} / {}",
                l.care_form, l.outcome.compensation.text, l.outcome.cost.text, l.outcome.result.text
            );
        }
        for k in &s.key_figures {
            let missed = if k.missed_months.is_empty() { String::new() } else { format!(" missed: {}", k.missed_months.join(", ")) };
            let _ = writeln!(
                out,
                "kf {} | {} | {} | {} | {} {}{} | {}",
                k.name, k.period, k.value, k.target, k.status_symbol, k.status_text, missed, k.remarks
            );
        }
        let t = &s.transfers.total;
        let _ = writeln!(
            out,
            "transfers {}: {} = {}",
            t.name,
            t.amounts.iter().map(|a| a.text.as_str()).collect::<Vec<_>>().join(" "),
            t.total.text
        );
        for r in &s.reports_due {
            let _ = writeln!(out, "due {} / {}: {} by {}", r.assignment, r.change, r.text, r.due.as_deref().unwrap_or("–"));
        }
        for c in &s.forecast_comments {
            let _ = writeln!(out, "comment {}: {}", c.assignment, c.comment);
        }
        for c in &s.charts {
            let series: Vec<String> =
                c.series.iter().map(|x| format!("{} ({}/{})", x.name, x.values.iter().flatten().count(), x.values.len())).collect();
            let _ = writeln!(
                out,
                "chart {:?} {} [{}]: {}{}",
                c.kind,
                c.title,
                c.unit,
                series.join("; "),
                c.note.as_ref().map_or(String::new(), |n| format!(" — {n}"))
            );
        }
    }
    let p = &doc.postings;
    let _ = writeln!(
        out,
        "\nunmapped {} = {}; out of scope {} = {} ({} units)",
        p.unmapped_count,
        p.unmapped.text,
        p.out_of_scope_count,
        p.out_of_scope.text,
        p.out_of_scope_units.len()
    );
    for f in &doc.provenance.files {
        let _ = writeln!(out, "file {}: {} {}", f.role, f.file, f.version.as_deref().unwrap_or(""));
    }
    out
}

#[test]
fn the_reference_period_as_the_board_reads_it() {
    let doc = board::build(&report(Some("2023-08")), &opts()).expect("builds");
    insta::assert_snapshot!(outline(&doc));
}

#[test]
fn the_reference_year_in_mnkr() {
    let doc = board::build(&report(None), &BoardOptions { unit: AmountUnit::Mnkr, ..opts() }).expect("builds");
    insta::assert_snapshot!(outline(&doc));
}

fn d(s: &str) -> Decimal {
    s.parse().expect("a decimal")
}

/// The follow-up as the evaluator will fill it: budget 2 % under the outcome, last year
/// 5 % under, the cost spread evenly over the months, and one comment.
fn filled(mut r: Report) -> Report {
    let months = r.period.unwrap_or(12);
    for a in &mut r.assignments {
        let budget = (a.compensation.total * d("0.98")).round_dp(2);
        a.follow_up.budget_period = Some(budget);
        a.follow_up.deviation_period = Some(a.compensation.total - budget);
        a.follow_up.budget_year = Some(budget * d("1.5"));
        a.follow_up.deviation_year = a.forecast.map(|f| f.compensation.total - budget * d("1.5"));
        a.follow_up.previous = Some(PreviousYear {
            compensation: (a.compensation.total * d("0.95")).round_dp(2),
            cost: (a.cost * d("0.95")).round_dp(2),
            result: (a.compensation.total * d("0.95")).round_dp(2) - (a.cost * d("0.95")).round_dp(2),
        });
        let each = (a.cost / Decimal::from(months)).round_dp(2);
        a.monthly_cost = (1..=months).map(|m| MonthCost { month: m, cost: each }).collect();
        if let Some(last) = a.monthly_cost.last_mut() {
            last.cost = a.cost - each * Decimal::from(months - 1);
        }
    }
    if let Some(a) = r.assignments.iter_mut().find(|a| a.id == "vårdboende") {
        a.follow_up.forecast_comment = Some("Beläggningen väntas sjunka under hösten; prognosen är sänkt med 2 mnkr.".into());
    }
    r
}

#[test]
fn budget_deviation_last_year_and_comments_when_the_follow_up_is_filled() {
    let doc = board::build(&filled(report(Some("2023-08"))), &opts()).expect("builds");
    insta::assert_snapshot!(outline(&doc));
    let html = board::html::render(&doc);
    for words in ["Avvikelse", "Budget helår", "Föregående år", "Beläggningen väntas sjunka", "data-kind=\"cumulative\" data-series=\"5\""]
    {
        assert!(html.contains(words), "missing: {words}");
    }
    // Without a follow-up the columns are left out, not shown empty.
    let mut bare = report(Some("2023-08"));
    for a in &mut bare.assignments {
        a.follow_up = Default::default();
        a.monthly_cost.clear();
    }
    let plain = board::html::render(&board::build(&bare, &opts()).expect("builds"));
    assert!(!plain.contains("Budget helår") && !plain.contains("data-kind=\"cumulative\""));
}

#[test]
fn one_board_by_its_id_and_a_located_error_for_an_unknown_one() {
    let r = report(Some("2023-08"));
    let son = board::build(&r, &BoardOptions { board: Some("son".into()), ..opts() }).expect("SON exists");
    assert_eq!(son.sections.iter().map(|s| s.board_id.as_str()).collect::<Vec<_>>(), ["SON"]);
    assert!(son.total.is_none());
    assert!(son.sections[0].assignments.iter().all(|a| !a.name.contains("Vårdboende")));
    let e = board::build(&r, &BoardOptions { board: Some("KFN".into()), ..opts() }).expect_err("no such board");
    assert_eq!(e, "`--nämnd`: okänd nämnd `KFN`; kända nämnder: ÄN, SON");
}

#[test]
fn the_html_is_one_self_contained_file_that_prints_on_a4() {
    let html = board::html::render(&board::build(&report(Some("2023-08")), &opts()).expect("builds"));
    for banned in ["<script", "src=", "url(", "<link", "@import", "https:"] {
        assert!(!html.contains(banned), "the report fetches or runs something: {banned}");
    }
    let namespaces = html.matches("http://www.w3.org/2000/svg").count();
    assert_eq!(html.matches("http:").count(), namespaces, "only SVG namespaces may name a URL");
    assert!(html.contains("@page { size: A4;") && html.contains("break-before: page"));
    // Status by colour and by symbol and words: met, not met.
    assert!(html.contains("class=\"status met\">✓ uppfyllt") && html.contains("ej uppfyllt april 2023"), "status words");
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"sv\">"));
}

#[test]
fn english_with_lang_en() {
    let doc = board::build(&report(Some("2023-03")), &BoardOptions { lang: Lang::En, ..opts() }).expect("builds");
    let html = board::html::render(&doc);
    assert!(html.contains("Board report January–March 2023") && html.contains("Monthly transfers"), "english labels");
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\">"));
}

fn ekostyr(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ekostyr")).current_dir(root()).args(args).env("NO_COLOR", "1").output().expect("the binary runs")
}

#[test]
fn the_command_writes_the_file_the_extension_names_and_nothing_on_an_error() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let html = dir.path().join("rapport.html");
    let h = html.to_str().expect("utf-8");
    let ok = ekostyr(&[
        "rapport",
        "rules/2023.ek",
        "--input",
        "fixtures/2023.xlsx",
        "--period",
        "2023-08",
        "--enhet",
        "mnkr",
        "--nämnd",
        "ÄN",
        "-o",
        h,
    ]);
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    let text = std::fs::read_to_string(&html).expect("written");
    assert!(text.contains("Belopp i mnkr") && text.contains("Äldrenämnden") && !text.contains("Socialnämnden"));

    let txt = dir.path().join("rapport.txt");
    let bad = ekostyr(&["rapport", "rules/2023.ek", "--input", "fixtures/2023.xlsx", "-o", txt.to_str().expect("utf-8")]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("okänd filändelse"), "{}", String::from_utf8_lossy(&bad.stderr));
    assert!(!txt.exists());

    let other = dir.path().join("x.html");
    let unknown =
        ekostyr(&["rapport", "rules/2023.ek", "--input", "fixtures/2023.xlsx", "--nämnd", "XX", "-o", other.to_str().expect("utf-8")]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("kända nämnder: ÄN, SON"));
    assert!(!other.exists());
}

#[test]
fn återrapportering_due_is_listed_with_its_date_in_words() {
    let rules = std::path::Path::new("rules/2024.ek");
    let model = ekostyr::session::rules(rules).expect("the 2024 rules check").model;
    let mut s = ekostyr::session::Session::new(model, rules, "fixtures/2024.xlsx".as_ref());
    s.period = Some("2024-08".into());
    let doc = board::build(&s.evaluate(&mut |_| {}).expect("2024 evaluates"), &opts()).expect("builds");
    let due: Vec<String> = doc
        .sections
        .iter()
        .flat_map(|s| &s.reports_due)
        .map(|r| format!("{} | {} | {} | {}", r.assignment, r.change, r.amount.text, r.due.as_deref().unwrap_or("–")))
        .collect();
    assert_eq!(due, ["Vårdboende och korttidsplatser | Statsbidrag för ökad bemanning i äldreomsorgen | 2 400 | 28 februari 2025"]);
    assert!(board::html::render(&doc).contains("<td>28 februari 2025</td>"));
}
