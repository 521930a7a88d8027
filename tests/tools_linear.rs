//! The linear tools on the benchmark's generated rule files (bench/gen_rules.rs): a
//! file differs from itself in nothing, two files differing in one value differ in
//! that value only, the diff on the trees the check kept equals the diff that parses
//! again, and the formatter leaves the generated (canonical) file as it is and
//! brings a disordered copy back to it.

use ekostyr::diff;
use ekostyr::source::SourceFile;
use std::path::Path;
use std::process::Command;

/// `bench-gen-rules PARAMS [CHANGED]`'s file.
fn generated(params: usize, changed: Option<usize>) -> String {
    let mut c = Command::new(env!("CARGO_BIN_EXE_bench-gen-rules"));
    c.arg(params.to_string());
    if let Some(n) = changed {
        c.arg(n.to_string());
    }
    let out = c.output().expect("the generator runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

#[test]
fn a_file_differs_from_itself_in_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(dir.path(), "a.ek", &generated(2000, None));
    let (m, tree) = diff::read(&a).expect("the generated file checks");
    let d = diff::diff_parsed((&m, &tree), (&m, &tree));
    assert!(d.entries.is_empty(), "{:?}", d.entries.first());
    assert!(d.version.0, "{}", d.version.1);
}

#[test]
fn one_changed_value_is_the_one_difference_and_the_kept_trees_give_the_parsed_diff() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(dir.path(), "a.ek", &generated(2000, None));
    let b = write(dir.path(), "b.ek", &generated(2000, Some(1000)));
    let ((old, old_tree), (new, new_tree)) = (diff::read(&a).expect("a checks"), diff::read(&b).expect("b checks"));
    let kept = diff::diff_parsed((&old, &old_tree), (&new, &new_tree));
    let subjects: Vec<&str> = kept.entries.iter().filter(|e| e.section != diff::Section::Header).map(|e| e.subject.as_str()).collect();
    assert_eq!(subjects, ["p1000"]);
    assert_eq!(diff::render::json(&kept), diff::render::json(&diff::diff(&old, &new)));
}

#[test]
fn fmt_is_the_identity_on_the_generated_file_and_idempotent() {
    let text = generated(10_000, None);
    let canonical = ekostyr::fmt::format_source(&SourceFile::new("g.ek", text.as_str())).expect("formats");
    assert!(canonical == text, "the generated file is not in the canonical layout");
    let messy = text.replace(" = ", "   =  ").replace("# kommentar", "      # kommentar").replace("\n\n", "\n\n\n");
    assert_ne!(messy, text);
    let once = ekostyr::fmt::format_source(&SourceFile::new("m.ek", messy)).expect("formats");
    assert!(once == text, "a disordered copy does not come back to the canonical layout");
}

#[test]
fn a_unit_declaration_removed_is_a_difference_at_top_level_and_in_an_assignment() {
    let dir = tempfile::tempdir().expect("tempdir");
    let reference = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/2023.ek")).expect("read");
    let with_local = |declared: &str| {
        reference.replacen(
            "    uppdrag dagverksamhet \"Dagverksamhet\" {\n",
            &format!("    uppdrag dagverksamhet \"Dagverksamhet\" {{\n      parameter tillägg{declared} = 5 kr\n"),
            1,
        )
    };
    let old = write(dir.path(), "old.ek", &with_local(": kr"));
    let new = write(dir.path(), "new.ek", &with_local("").replacen("parameter prisindex: % = 0 %", "parameter prisindex = 0 %", 1));
    let ((o, ot), (n, nt)) = (diff::read(&old).expect("old checks"), diff::read(&new).expect("new checks"));
    let d = diff::diff_parsed((&o, &ot), (&n, &nt));
    let removed: Vec<(&str, Option<&str>)> = d.entries.iter().map(|e| (e.subject.as_str(), e.old.as_deref())).collect();
    assert_eq!(removed, [("prisindex: enhet", Some("%")), ("dagverksamhet.tillägg: enhet", Some("kr"))]);
}
