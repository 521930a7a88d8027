//! Key figures of issue 9: series beside the total, aggregation over months
//! (`summa`, `medel`, `senaste`, `max`) with its default per unit, rates per day
//! and week, annualised year-to-date values and the accumulated value of a monthly
//! figure; through `ekostyr test` on inline inputs and the JSON report.

mod common;

use common::{ekostyr, stdout};
use ekostyr::expect::{BlockResult, FileRun, run_file};
use proptest::prelude::*;
use std::path::Path;

/// Every block of `path` evaluated, with no failure.
fn passes(path: &Path) -> Result<usize, String> {
    match run_file(path) {
        FileRun::Blocks { blocks, .. } => blocks.into_iter().try_fold(0, |n, b| match b.result {
            BlockResult::Evaluated { passed, failures } if failures.is_empty() => Ok(n + passed),
            BlockResult::Evaluated { failures, .. } => Err(failures.join("\n")),
            BlockResult::Error(e) => Err(e),
        }),
        other => Err(format!("{other:?}")),
    }
}

#[test]
fn inline_key_figures_hold() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/keyfigures/aggregation.ek");
    assert_eq!(passes(&path), Ok(18));
}

fn report(rules: &str, input: &str, period: Option<&str>) -> serde_json::Value {
    let mut args = vec!["run", rules, "--input", input, "--format", "json"];
    if let Some(p) = period {
        args.extend(["--period", p]);
    }
    let out = ekostyr(&args);
    assert!(out.status.success(), "{}", common::stderr(&out));
    serde_json::from_str(&stdout(&out)).expect("json")
}

fn figures<'a>(r: &'a serde_json::Value, assignment: &str, id: &str) -> Vec<&'a serde_json::Value> {
    let a = r["assignments"].as_array().expect("assignments").iter().find(|a| a["id"] == assignment).expect("assignment");
    a["key_figures"].as_array().expect("key figures").iter().filter(|k| k["id"] == id).collect()
}

#[test]
fn hours_have_leanlink_and_private_series_in_the_json() {
    let r = report("rules/2023.ek", "fixtures/2023.xlsx", None);
    let rows = figures(&r, "områdesansvar", "hemtjänsttimmar_mot_budget.nordväst");
    // Twelve months and the year accumulated.
    assert_eq!(rows.len(), 13);
    assert_eq!(rows[12]["period"], "2023");
    for k in rows {
        let series = k["series"].as_array().expect("series");
        let names: Vec<&str> = series.iter().map(|s| s["name"].as_str().expect("name")).collect();
        assert_eq!(names, ["Leanlink", "Privata utförare"]);
        let value = |v: &serde_json::Value| v.as_str().expect("value").parse::<f64>().expect("number");
        let sum: f64 = series.iter().map(|s| value(&s["value"])).sum();
        assert!((sum - value(&k["value"])).abs() <= 0.011, "{k}");
    }
}

#[test]
fn users_are_a_monthly_mean_and_cost_per_place_is_annualised() {
    let r = report("rules/2024.ek", "fixtures/2024.xlsx", None);
    let brukare = figures(&r, "dagverksamhet", "brukare");
    assert_eq!(brukare[0]["aggregation"], "medel");
    assert_eq!(brukare[0]["value"], "152.25");
    let r = report("rules/2023.ek", "fixtures/2023.xlsx", Some("2023-08"));
    let cost = figures(&r, "son_heldygn_bu", "kostnad_per_plats");
    assert!(cost.iter().all(|k| k["annualised"] == true), "{cost:?}");
    let occupancy = figures(&r, "vårdboende", "beläggningsgrad");
    assert_eq!(occupancy.last().expect("rows")["period"], "2023-01..2023-08");
}

#[test]
fn rates_per_day_and_week_carry_their_units() {
    let r = report("rules/2024.ek", "fixtures/2024.xlsx", None);
    assert_eq!(figures(&r, "psykiatrisk_hemsjukvård", "besök_per_dag")[0]["unit"], "besök/dag");
    assert_eq!(figures(&r, "övriga_öppna", "hagdahlska_besökare")[0]["unit"], "besök/vecka");
}

/// A rule file with one stock figure per aggregation and a two-series ratio, on
/// inline monthly values, with the expectations worked out here.
fn rules(users: &[u32; 12], own: &[u32; 12], private: &[u32; 12]) -> String {
    let figure = |id: &str, how: &str| {
        // `summa` is a keyword, so the summed figure is `summerat`.
        format!("nyckeltal {id} \"{id}\" {{ värde = volym(brukare) {how} intervall månadsvis mottagare \"N\" ansvarig \"S\" }}\n")
    };
    let mut text = String::from(
        "regelverk \"p\"\når 2023\nversion 1.0\ndokumentägare \"a\"\n\
         mått budget timmar: timmar\nmått volym brukare: brukare\nmått volym egen: timmar\nmått volym privat: timmar\n\
         nämnd N \"N\" { vårdform v \"V\" { uppdrag u \"U\" { källa \"k\" id X1* ersättning fast = 1 kr\n",
    );
    text += &figure("medel", "");
    text += &figure("senaste", "aggregering senaste");
    text += &figure("max", "aggregering max");
    text += &figure("summerat", "aggregering summa");
    text += "nyckeltal t \"t\" { värde = (volym(egen) + volym(privat)) / (budget(timmar) * månader / 12)\n\
             serie egen \"Egen\" = volym(egen) / (budget(timmar) * månader / 12)\n\
             serie privat \"Privat\" = volym(privat) / (budget(timmar) * månader / 12)\n\
             intervall månadsvis mottagare \"N\" ansvarig \"S\" }\n} } }\n";
    text += "förvänta \"p\" {\n  budget u.timmar = 1 200\n";
    for m in 0..12 {
        text += &format!(
            "  volym 2023-{:02} u.brukare = {}\n  volym 2023-{:02} u.egen = {}\n  volym 2023-{:02} u.privat = {}\n",
            m + 1,
            users[m],
            m + 1,
            own[m],
            m + 1,
            private[m]
        );
    }
    let total: u32 = users.iter().sum();
    let max = users.iter().max().expect("twelve");
    // The mean in hundredths, rounded half up as the report shows it.
    let mean = (f64::from(total) / 12.0 * 100.0).round() / 100.0;
    text += &format!("  u.medel = {} brukare ± 0,01 brukare\n", format!("{mean:.2}").replace('.', ","));
    text += &format!("  u.senaste = {} brukare\n  u.max = {max} brukare\n  u.summerat = {total} brukare\n", users[11]);
    for m in 0..12 {
        // Budget 100 hours a month: the series are the hours in percent.
        text += &format!("  u.t.egen[2023-{:02}] = {} %\n  u.t.privat[2023-{:02}] = {} %\n", m + 1, own[m], m + 1, private[m]);
        text += &format!("  u.t[2023-{:02}] = {} %\n", m + 1, own[m] + private[m]);
    }
    text + "}\n"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn aggregations_and_series_agree_with_the_months(
        users in proptest::array::uniform12(0u32..2_000),
        own in proptest::array::uniform12(0u32..200),
        private in proptest::array::uniform12(0u32..200),
    ) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("p.ek");
        std::fs::write(&path, rules(&users, &own, &private)).expect("write");
        prop_assert_eq!(passes(&path).map(|n| n >= 40), Ok(true));
    }
}

#[test]
fn diff_reports_series_aggregation_and_annualising() {
    let old = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/keyfigures/aggregation.ek")).expect("read");
    let new = old
        .replace("serie privat \"Privata utförare\"", "serie privat \"Privat regi\"")
        .replace("aggregering senaste", "aggregering max")
        .replace("        ej helårsomräknad\n", "        helårsomräknad\n")
        .lines()
        .filter(|l| !l.contains("serie egen") && !l.contains("timmar_mot_budget.egen"))
        .collect::<Vec<_>>()
        .join("\n");
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("old.ek"), old).expect("write");
    std::fs::write(dir.path().join("new.ek"), new + "\n").expect("write");
    let out = common::ekostyr_in(dir.path(), &["diff", "old.ek", "new.ek"]);
    let text = stdout(&out);
    assert!(text.contains("dagverksamhet.brukare_senast aggregering: senaste → max"), "{text}");
    assert!(text.contains("dagverksamhet.kostnad_per_plats_hittills helårsomräknad: nej → ja"), "{text}");
    assert!(text.contains("dagverksamhet.timmar_mot_budget serie privat: \"Privata utförare\""), "{text}");
    assert!(text.contains("dagverksamhet.timmar_mot_budget serie egen: borttaget"), "{text}");
}

#[test]
fn explain_shows_the_series_and_the_value_as_reported() {
    let out = ekostyr(&["explain", "rules/2023.ek", "--input", "fixtures/2023.xlsx", "områdesansvar.hemtjänsttimmar_mot_budget[2023-03]"]);
    let text = stdout(&out);
    assert!(text.contains("områdesansvar.hemtjänsttimmar_mot_budget[nordväst].leanlink [2023-03] = 0,79"), "{text}");
    assert!(text.contains("områdesansvar.hemtjänsttimmar_mot_budget[city_nord].privata [2023-03]"), "{text}");
    let out =
        ekostyr(&["explain", "rules/2023.ek", "--input", "fixtures/2023.xlsx", "--period", "2023-08", "son_heldygn_bu.kostnad_per_plats"]);
    let text = stdout(&out);
    assert!(
        text.starts_with("son_heldygn_bu.kostnad_per_plats [2023-01..2023-08] (helårsomräknad ×12/8) = 1 716 786,03 kr/plats"),
        "{text}"
    );
    let out = ekostyr(&["explain", "rules/2024.ek", "--input", "fixtures/2024.xlsx", "övriga_öppna.hagdahlska_besökare"]);
    let text = stdout(&out);
    assert!(text.contains("└─ veckor = 52,28"), "{text}");
}

#[test]
fn the_board_workbook_shows_series_rows_and_notes() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("r.xlsx");
    let out = ekostyr(&["run", "rules/2024.ek", "--input", "fixtures/2024.xlsx", "--format", "xlsx", "-o", file.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let mut book: Xlsx<_> = open_workbook(&file).expect("opens");
    let sheet = book.worksheet_range("Nyckeltal").expect("key figures");
    let rows: Vec<Vec<Data>> = sheet.rows().map(<[Data]>::to_vec).collect();
    let text = |r: &[Data], c: usize| r.get(c).map(ToString::to_string).unwrap_or_default();
    let series = rows.iter().find(|r| text(r, 1) == "hemtjänsttimmar_mot_budget.nordväst.leanlink").expect("a series row");
    assert_eq!(text(series, 2), "  Leanlink (serie)");
    assert!(matches!(series[5], Data::Float(_)), "{series:?}");
    let users = rows.iter().find(|r| text(r, 1) == "brukare").expect("brukare");
    assert_eq!(text(users, 9), "medel per månad");
}
