//! A key figure's declared plausible range (`rimligt 0 % till 105 %`): it replaces
//! the default 0–105 % of a figure in per cent, reaches figures in other units, warns
//! at its own line naming the figure, and is an error under `--strikt` (issue 10).

mod common;

use common::{ekostyr_in, stderr, stdout};
use std::path::Path;

/// `rules/2023.ek` in a fresh folder with `edit` applied.
fn rules_2023(edit: impl FnOnce(String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/2023.ek")).expect("read");
    std::fs::write(dir.path().join("2023.ek"), edit(text)).expect("write");
    dir
}

fn fixture() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/2023.xlsx").display().to_string()
}

/// `mål >= 95 %` of the occupancy, followed by `line`.
fn after_occupancy_target(text: String, line: &str) -> String {
    let target = "        mål >= 95 %  # Målvärde 95 %";
    assert!(text.contains(target), "the occupancy's target");
    text.replacen(target, &format!("        {line}\n{target}"), 1)
}

/// Half a care day per place and day: the occupancy doubles, to far above 105 %.
fn doubled_occupancy(text: String) -> String {
    text.replacen("dygn_per_plats: dygn/plats/dag = 1 dygn/plats/dag", "dygn_per_plats: dygn/plats/dag = 0,5 dygn/plats/dag", 1)
}

fn run(dir: &tempfile::TempDir, strict: bool) -> std::process::Output {
    let input = fixture();
    let mut args = vec!["run", "2023.ek", "--input", input.as_str()];
    if strict {
        args.push("--strikt");
    }
    ekostyr_in(dir.path(), &args)
}

#[test]
fn a_declared_range_warns_at_its_line_naming_the_figure() {
    let dir = rules_2023(|t| after_occupancy_target(t, "rimligt 99 % till 100 %"));
    let out = run(&dir, false);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let warning = stderr(&out);
    assert!(warning.contains("nyckeltalet `beläggningsgrad` för `vårdboende` ligger utanför det rimliga 99,0–100,0 %"), "{warning}");
    assert!(warning.contains("rimligt 99 % till 100 %"), "the warning points at the declared range: {warning}");
    assert!(!stdout(&out).is_empty());
    insta::assert_snapshot!(warning);
}

#[test]
fn a_declared_range_is_an_error_under_strikt() {
    let dir = rules_2023(|t| after_occupancy_target(t, "rimligt 99 % till 100 %"));
    let out = run(&dir, true);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_declared_range_replaces_the_default_of_105_percent() {
    let dir = rules_2023(|t| after_occupancy_target(doubled_occupancy(t), "rimligt 0 % till 250 %"));
    let out = run(&dir, true);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}

#[test]
fn without_a_declared_range_a_percentage_keeps_the_default() {
    let dir = rules_2023(doubled_occupancy);
    let out = run(&dir, false);
    assert!(stderr(&out).contains("utanför det rimliga 0–105,0 %"), "{}", stderr(&out));
}

#[test]
fn a_range_in_kronor_reaches_a_figure_in_kronor() {
    let text = |t: String| {
        let cost = "        värde = kostnad / budget(platser)\n";
        assert!(t.contains(cost), "the cost per place");
        t.replacen(cost, &format!("{cost}        rimligt 0 kr/plats till 100 kr/plats\n"), 1)
    };
    let dir = rules_2023(text);
    let out = run(&dir, false);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let warning = stderr(&out);
    assert!(warning.contains("nyckeltalet `kostnad_per_plats` för `dagverksamhet`"), "{warning}");
    assert!(warning.contains("0–100,00 kr/plats"), "{warning}");
}
