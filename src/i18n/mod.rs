//! The one message catalog: every word a user sees, in Swedish (the default) and
//! English, as [Project Fluent](https://projectfluent.org) files under
//! `src/i18n/<lang>/`, compiled into the binary.
//!
//! Fluent is used rather than a home-made table because translators can read and
//! edit its files, it has plural selection per language (`1 fel`, `2 errors`),
//! and `fluent-bundle` is the reference implementation maintained by Mozilla.
//!
//! The language is chosen once per process ([`set_lang`]) by the app layer from
//! `--lang` or `LANG`; [`tr!`](crate::tr) formats a message in it. Renderers that are
//! given a language explicitly use [`message_in`].

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

/// The language of messages and labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    /// Svenska: the default.
    #[default]
    Sv,
    /// English.
    En,
}

impl Lang {
    /// Both languages, Swedish first.
    pub const ALL: [Lang; 2] = [Lang::Sv, Lang::En];

    /// The language a locale string such as `en_US.UTF-8` or `sv_SE` names, if one of ours.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let lower = locale.to_ascii_lowercase();
        match () {
            _ if lower.starts_with("en") => Some(Lang::En),
            _ if lower.starts_with("sv") => Some(Lang::Sv),
            _ => None,
        }
    }

    /// The BCP 47 code: `sv` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }
}

/// The catalog's files: (name, Swedish, English). Each stage keeps its own file.
const FILES: [(&str, &str, &str); 25] = [
    ("app", include_str!("sv/app.ftl"), include_str!("en/app.ftl")),
    ("cli", include_str!("sv/cli.ftl"), include_str!("en/cli.ftl")),
    ("check", include_str!("sv/check.ftl"), include_str!("en/check.ftl")),
    ("workbook", include_str!("sv/workbook.ftl"), include_str!("en/workbook.ftl")),
    ("eval", include_str!("sv/eval.ftl"), include_str!("en/eval.ftl")),
    ("report", include_str!("sv/report.ftl"), include_str!("en/report.ftl")),
    ("diff", include_str!("sv/diff.ftl"), include_str!("en/diff.ftl")),
    ("explain", include_str!("sv/explain.ftl"), include_str!("en/explain.ftl")),
    ("expect", include_str!("sv/expect.ftl"), include_str!("en/expect.ftl")),
    ("template", include_str!("sv/template.ftl"), include_str!("en/template.ftl")),
    ("output", include_str!("sv/output.ftl"), include_str!("en/output.ftl")),
    ("confine", include_str!("sv/confine.ftl"), include_str!("en/confine.ftl")),
    ("guard", include_str!("sv/guard.ftl"), include_str!("en/guard.ftl")),
    ("validity", include_str!("sv/validity.ftl"), include_str!("en/validity.ftl")),
    ("ledger", include_str!("sv/ledger.ftl"), include_str!("en/ledger.ftl")),
    ("keyfigure", include_str!("sv/keyfigure.ftl"), include_str!("en/keyfigure.ftl")),
    ("params", include_str!("sv/params.ftl"), include_str!("en/params.ftl")),
    ("budget", include_str!("sv/budget.ftl"), include_str!("en/budget.ftl")),
    ("whatif", include_str!("sv/whatif.ftl"), include_str!("en/whatif.ftl")),
    ("month", include_str!("sv/month.ftl"), include_str!("en/month.ftl")),
    ("followup", include_str!("sv/followup.ftl"), include_str!("en/followup.ftl")),
    ("rapport", include_str!("sv/rapport.ftl"), include_str!("en/rapport.ftl")),
    ("pdf", include_str!("sv/pdf.ftl"), include_str!("en/pdf.ftl")),
    ("serve", include_str!("sv/serve.ftl"), include_str!("en/serve.ftl")),
    ("workbench", include_str!("sv/workbench.ftl"), include_str!("en/workbench.ftl")),
];

/// The catalog's source files of one language, with their names (for the completeness test).
pub fn sources(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    FILES.iter().map(move |(name, sv, en)| (*name, if lang == Lang::Sv { *sv } else { *en }))
}

static LANG: AtomicU8 = AtomicU8::new(0);

/// Chooses the language of [`tr!`](crate::tr) for the rest of the process.
pub fn set_lang(lang: Lang) {
    LANG.store(lang as u8, Ordering::Relaxed);
}

/// The language chosen with [`set_lang`] (Swedish until then).
pub fn lang() -> Lang {
    if LANG.load(Ordering::Relaxed) == Lang::En as u8 { Lang::En } else { Lang::Sv }
}

/// A value for a message's placeable: text, or a number (which also selects plurals).
#[derive(Debug, Clone)]
pub enum Arg {
    /// Shown as it is.
    Text(String),
    /// A count.
    Number(i64),
}

macro_rules! text_arg {
    ($($t:ty),*) => { $(impl From<$t> for Arg { fn from(v: $t) -> Self { Arg::Text(v.to_string()) } })* };
}
text_arg!(&str, String, &String, char, std::borrow::Cow<'_, str>, &std::path::Display<'_>, rust_decimal::Decimal);

macro_rules! number_arg {
    ($($t:ty),*) => { $(impl From<$t> for Arg {
        fn from(v: $t) -> Self { Arg::Number(i64::try_from(v).unwrap_or(i64::MAX)) }
    })* };
}
number_arg!(u8, u16, u32, u64, usize, i32, i64);

/// Each file's bundle, per language, parsed on the first message asked of it. A
/// command asks for a few files' messages at most, so a run never parses the whole
/// catalog of both languages (two thirds of `ekostyr --version` before). Messages
/// never refer to other messages or terms, so each file stands alone in a bundle.
fn file_bundle(lang: Lang, file: usize) -> Option<&'static FluentBundle<FluentResource>> {
    static BUNDLES: [[OnceLock<FluentBundle<FluentResource>>; FILES.len()]; 2] = [const { [const { OnceLock::new() }; FILES.len()] }; 2];
    let (_, text) = sources(lang).nth(file)?;
    Some(BUNDLES[lang as usize].get(file)?.get_or_init(|| build(lang, text)))
}

/// Which file holds each key of a language (the first, as in one bundle), found by
/// scanning the texts' entry lines: far cheaper than parsing them, and needed only
/// for a key not named after its file.
fn key_files(lang: Lang) -> &'static std::collections::HashMap<&'static str, usize, foldhash::fast::FixedState> {
    static INDEX: [OnceLock<std::collections::HashMap<&'static str, usize, foldhash::fast::FixedState>>; 2] =
        [OnceLock::new(), OnceLock::new()];
    INDEX[lang as usize].get_or_init(|| {
        let mut files = std::collections::HashMap::with_capacity_and_hasher(2048, foldhash::fast::FixedState::default());
        for (i, (_, text)) in sources(lang).enumerate() {
            for key in entry_keys(text) {
                files.entry(key).or_insert(i);
            }
        }
        files
    })
}

/// The file a key's name starts with (`check-…` → check.ftl), if one.
fn named_file(key: &str) -> Option<usize> {
    let (prefix, _) = key.split_once('-')?;
    FILES.iter().position(|(name, ..)| *name == prefix)
}

/// The identifiers of a Fluent text's messages: an entry starts at column 1 with a
/// letter (continuation lines are indented, comments start with `#`), `id = …`.
fn entry_keys(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic())).filter_map(|l| {
        let end = l.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).unwrap_or(l.len());
        l[end..].trim_start().starts_with('=').then(|| &l[..end])
    })
}

/// The bundle holding `key` in `lang`, built on first use; `None` for a key not in
/// the catalog. Most keys are named after their file, and that file alone is read
/// (no earlier file holds such a key: tested by `a_key_named_after_its_file_is_first_there`).
fn bundle_of(lang: Lang, key: &str) -> Option<&'static FluentBundle<FluentResource>> {
    if let Some(bundle) = named_file(key).and_then(|f| file_bundle(lang, f)).filter(|b| b.has_message(key)) {
        return Some(bundle);
    }
    file_bundle(lang, *key_files(lang).get(key)?)
}

fn build(lang: Lang, text: &str) -> FluentBundle<FluentResource> {
    let id = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    // INVARIANT: the catalog parses (tested by `catalog_parses`); a broken entry is skipped, not fatal.
    let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(partial, _)| partial);
    let _ = bundle.add_resource(resource);
    bundle
}

/// Formats message `key` in `lang`. A key missing from the catalog (a defect the
/// catalog test catches) comes out as the key itself, never as a panic.
pub fn message_in(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    let Some(bundle) = bundle_of(lang, key) else { return key.to_string() };
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        return key.to_string();
    };
    let mut fargs = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(t) => fargs.set(*name, FluentValue::from(t.as_str())),
            Arg::Number(n) => fargs.set(*name, FluentValue::from(*n)),
        }
    }
    let mut errors = vec![];
    bundle.format_pattern(pattern, Some(&fargs), &mut errors).into_owned()
}

/// Formats message `key` in the process's language.
pub fn message(key: &str, args: &[(&str, Arg)]) -> String {
    message_in(lang(), key, args)
}

/// Whether the catalog of `lang` has `key` (for keys built at run time, e.g. help texts).
pub fn has(lang: Lang, key: &str) -> bool {
    bundle_of(lang, key).is_some_and(|b| b.has_message(key))
}

/// `tr!("key", name = value, …)`: message `key` of the catalog in the process's language.
#[macro_export]
macro_rules! tr {
    ($key:literal $(,)?) => { $crate::i18n::message($key, &[]) };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::message($key, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

/// `tr_in!(lang, "key", name = value, …)`: message `key` in an explicit language.
#[macro_export]
macro_rules! tr_in {
    ($lang:expr, $key:literal $(,)?) => { $crate::i18n::message_in($lang, $key, &[]) };
    ($lang:expr, $key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::message_in($lang, $key, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

#[cfg(test)]
mod tests;
