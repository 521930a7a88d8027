//! The architecture as a test: the engine and the app layer apart, no module
//! importing one above it, and nothing below the app layer printing or reading
//! arguments. A new top-level module must be given its layer here.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Top-level modules from the bottom up; a module may use only modules of lower layers.
const LAYERS: &[&[&str]] = &[
    &["source", "units", "vocab", "i18n", "number"],
    &["diagnostic", "workbook"],
    &["syntax"],
    &["model"],
    &["check", "fmt"],
    &["eval"],
    &["report"],
    &["error", "output", "overrides"],
    &["session"],
    &["diff", "init", "explain", "expect", "template", "verify", "budget", "append"],
    // The workbench's server: over every engine, below the app layer that starts it.
    &["serve"],
    // The app layer.
    &["cli"],
    &["app"],
];

/// Edges the layer order would allow but the design forbids: past the checked
/// model, only the engines that rewrite or print rule text read the syntax tree.
const FORBIDDEN: &[(&str, &str)] = &[("eval", "syntax"), ("model", "syntax"), ("report", "syntax"), ("session", "syntax")];

/// Things only the app layer (and `main`) may do.
const APP_ONLY: &[&str] =
    &["println!", "eprintln!", "print!(", "eprint!(", "std::env::args", "process::exit", "io::stdout()", "io::stderr()"];

fn layer(module: &str) -> usize {
    LAYERS.iter().position(|l| l.contains(&module)).unwrap_or_else(|| panic!("module `{module}` has no layer in tests/layers.rs"))
}

fn sources() -> Vec<(String, PathBuf, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = vec![];
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(&src).expect("under src");
                let first = rel.components().next().expect("a component").as_os_str().to_string_lossy().trim_end_matches(".rs").to_string();
                // `build.rs` is the build script, no module of the crate.
                if first != "main" && first != "lib" && first != "build" {
                    let text = std::fs::read_to_string(&path).expect("a source file is text");
                    out.push((first, path, text));
                }
            }
        }
    }
    out
}

/// The top-level modules a file names as `crate::x` (`crate::tr!` is the catalog's).
fn uses(text: &str) -> Vec<String> {
    let code = text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
    code.match_indices("crate::")
        .map(|(i, _)| {
            let name: String = code[i + 7..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if name == "tr" || name == "tr_in" { "i18n".to_string() } else { name }
        })
        .collect()
}

#[test]
fn no_module_uses_one_above_it() {
    let mut wrong: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (module, path, text) in sources() {
        for used in uses(&text) {
            let bad = used != module && (layer(&used) >= layer(&module) || FORBIDDEN.contains(&(module.as_str(), used.as_str())));
            if bad {
                wrong.entry(format!("{} ({module})", path.display())).or_default().push(used);
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the layers: {wrong:#?}");
}

#[test]
fn only_the_app_layer_prints_or_reads_arguments() {
    let app = layer("cli");
    let offenders: Vec<String> = sources()
        .into_iter()
        .filter(|(m, ..)| layer(m) < app)
        .flat_map(|(_, path, text)| {
            APP_ONLY.iter().filter(|p| text.contains(**p)).map(|p| format!("{}: {p}", path.display())).collect::<Vec<_>>()
        })
        .collect();
    assert!(offenders.is_empty(), "engine code that prints or reads arguments: {offenders:#?}");
}

#[test]
fn every_help_text_of_the_command_line_is_in_both_languages() {
    for lang in ekostyr::i18n::Lang::ALL {
        let missing: Vec<String> = ekostyr::cli::catalog_keys().into_iter().filter(|k| !ekostyr::i18n::has(lang, k)).collect();
        assert!(missing.is_empty(), "help texts missing from src/i18n/{}/cli.ftl: {missing:?}", lang.code());
    }
}
