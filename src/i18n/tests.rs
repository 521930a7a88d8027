//! The catalog is complete: it parses, both languages have the same keys, and every
//! key the code asks for exists in both.

use super::*;
use std::collections::BTreeSet;
use std::path::Path;

/// Key prefixes built at run time (help texts follow the clap definitions; labels follow enums).
const DYNAMIC_PREFIXES: [&str; 2] = ["cli-", "test-"];

fn keys(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim().to_string()))
        .collect()
}

fn catalog_keys(lang: Lang) -> BTreeSet<String> {
    sources(lang).flat_map(|(_, text)| keys(text)).collect()
}

#[test]
fn catalog_parses() {
    for lang in Lang::ALL {
        for (name, text) in sources(lang) {
            if let Err((_, errors)) = FluentResource::try_new(text.to_string()) {
                panic!("src/i18n/{}/{name}.ftl does not parse: {errors:?}", lang.code());
            }
        }
    }
}

#[test]
fn both_languages_have_the_same_keys() {
    for ((name, sv), (_, en)) in sources(Lang::Sv).zip(sources(Lang::En)) {
        let (sv, en) = (keys(sv), keys(en));
        let only_sv: Vec<_> = sv.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&sv).collect();
        assert!(only_sv.is_empty() && only_en.is_empty(), "{name}.ftl: only in sv: {only_sv:?}; only in en: {only_en:?}");
    }
}

/// The keys named in `tr!("…"` and `tr_in!(lang, "…"` in the sources, and in `t("…")` in
/// the workbench page's sources (`src/serve/ui/src/**/*.js`; its bundle in `dist/` is built from them).
fn used_keys() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let page = src.join("serve/ui/src");
    let mut stack = vec![src];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable").flatten() {
            let path = entry.path();
            if path.is_dir() && !path.ends_with("i18n") && !path.ends_with("node_modules") {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("a source file is text");
                out.extend(keys_in_code(&text));
            } else if path.extension().is_some_and(|e| e == "js") && path.starts_with(&page) {
                let text = std::fs::read_to_string(&path).expect("a page source file is text");
                out.extend(keys_in_page(&text));
            }
        }
    }
    out
}

/// The keys named in the page's `t("…")` / `t('…')` calls (`t` standing alone, not `get(`).
fn keys_in_page(text: &str) -> Vec<String> {
    let mut out = vec![];
    for (i, _) in text.match_indices("t(") {
        let before = text[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == '.') {
            continue;
        }
        let rest = &text[i + 2..];
        let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else { continue };
        if let Some((key, _)) = rest[1..].split_once(quote)
            && !key.is_empty()
            && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            out.push(key.to_string());
        }
    }
    out
}

fn keys_in_code(text: &str) -> Vec<String> {
    let mut out = vec![];
    for marker in ["tr!(", "tr_in!("] {
        for (i, _) in text.match_indices(marker) {
            let rest = &text[i + marker.len()..];
            // `tr_in!(lang, "key"`: the key follows the first comma.
            let rest = if marker == "tr_in!(" { rest.split_once(',').map_or("", |(_, r)| r) } else { rest };
            let Some(rest) = rest.trim_start().strip_prefix('"') else { continue };
            if let Some((key, _)) = rest.split_once('"')
                && !key.is_empty()
                && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                out.push(key.to_string());
            }
        }
    }
    out
}

#[test]
fn every_key_the_code_uses_is_in_both_languages() {
    for lang in Lang::ALL {
        let catalog = catalog_keys(lang);
        let missing: Vec<_> = used_keys().into_iter().filter(|k| !catalog.contains(k)).collect();
        assert!(missing.is_empty(), "keys missing from src/i18n/{}/: {missing:?}", lang.code());
    }
}

#[test]
fn every_key_in_the_catalog_is_used() {
    let used = used_keys();
    let unused: Vec<_> =
        catalog_keys(Lang::Sv).into_iter().filter(|k| !used.contains(k) && !DYNAMIC_PREFIXES.iter().any(|p| k.starts_with(p))).collect();
    assert!(unused.is_empty(), "catalog keys no code uses: {unused:?}");
}

#[test]
fn finds_the_page_keys_and_only_them() {
    let page = "t('wb-save'); t(\"wb-run\", { x }); get('/api'); list.t('no'); hint('no'); t(name)";
    assert_eq!(keys_in_page(page), ["wb-save", "wb-run"]);
}

#[test]
fn formats_arguments_and_plurals() {
    assert_eq!(message_in(Lang::Sv, "test-files-checked", &[("count", Arg::Number(1))]), "1 fil");
    assert_eq!(message_in(Lang::En, "test-files-checked", &[("count", Arg::Number(2))]), "2 files");
    assert_eq!(message_in(Lang::En, "no-such-key", &[]), "no-such-key");
}

/// The lazy catalog finds a file's messages by scanning its entry lines: the scan must
/// see exactly the messages Fluent parses, or a key would be missed (or misplaced).
#[test]
fn the_key_scan_finds_each_files_messages() {
    for lang in Lang::ALL {
        for (name, text) in sources(lang) {
            let scanned: BTreeSet<&str> = entry_keys(text).collect();
            let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(partial, _)| partial);
            // fluent-syntax's entry type is not ours to name: its debug form says what each entry is.
            let messages = resource.entries().filter(|e| format!("{e:?}").starts_with("Message(")).count();
            assert_eq!(scanned.len(), messages, "src/i18n/{}/{name}.ftl", lang.code());
            for key in scanned {
                assert!(has(lang, key), "{key} is not found through the catalog");
            }
        }
    }
}

/// A key named after its file (`check-…`) is looked up in that file alone: no earlier
/// file may hold it too (in one bundle, the first file's message would win).
#[test]
fn a_key_named_after_its_file_is_first_there() {
    for lang in Lang::ALL {
        let mut first: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (i, (_, text)) in sources(lang).enumerate() {
            for key in entry_keys(text) {
                first.entry(key).or_insert(i);
            }
        }
        for (i, (name, text)) in sources(lang).enumerate() {
            for key in entry_keys(text).filter(|k| named_file(k) == Some(i)) {
                assert_eq!(first[key], i, "{key} of {name}.ftl is also in an earlier file");
            }
        }
    }
}
