//! Syntax tree → checked model: headers, hierarchy, names, units, cycles.
//! The checker keeps going after an error so a file's errors come out together.

mod codes;
mod collect;
pub mod confine;
mod cycles;
mod expect;
mod header;
mod ledger;

pub use header::days_in_month;
mod resolve;
pub mod sanity;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::Model;
use crate::source::{Source, SourceFile};
use crate::syntax::{self, ast};
use crate::tr;
use std::path::{Path, PathBuf};

/// The outcome of checking one file: the model when there are no errors, and all
/// diagnostics (warnings included). Diagnostics of a file named by `bygger_på`
/// come with that file's source.
pub struct Checked {
    /// The model, when the file (and the files it builds on) has no errors.
    pub model: Option<Model>,
    /// The file itself.
    pub source: Source,
    /// Its diagnostics.
    pub diagnostics: Diagnostics,
    /// Diagnostics of files it builds on, with their sources.
    pub upstream: Vec<(Source, Diagnostics)>,
    /// The file's syntax tree, when it parses: for the tools that read the tree
    /// beside the model (`diff`), so that a file is parsed once.
    pub tree: Option<ast::File>,
}

impl Checked {
    /// Whether any error was found here or upstream.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.has_errors() || self.upstream.iter().any(|(_, d)| d.has_errors())
    }

    /// The model, or every diagnostic rendered when there are errors. Beside the
    /// model come the rendered warnings, if any (of this file or those it builds on).
    pub fn into_model(self) -> Result<(Model, Option<String>), String> {
        let rendered = self.render();
        let warned = !self.diagnostics.0.is_empty() || !self.upstream.is_empty();
        match self.model {
            Some(m) if !self.has_errors() => Ok((m, warned.then_some(rendered))),
            _ => Err(rendered),
        }
    }

    /// Renders every diagnostic, upstream files first.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for (src, d) in &self.upstream {
            out += &d.render(src);
        }
        out + &self.diagnostics.render(&self.source)
    }
}

/// A literal's value in base units and its unit, e.g. `3,1 %` → 0,031.
pub fn literal(q: &ast::Quantity) -> Result<(rust_decimal::Decimal, crate::units::Unit), String> {
    let mut diags = Diagnostics::default();
    let v = collect::quantity(q, &mut diags);
    match diags.0.first() {
        Some(d) => Err(d.message.clone()),
        None => Ok(v),
    }
}

/// Reads and checks a rule file from disk (following `bygger_på`). Only a regular
/// file of at most [`confine::MAX_RULE_FILE_BYTES`] is read.
pub fn check_path(path: &Path) -> Result<Checked, String> {
    let shown = confine::echo_path(path);
    let text = confine::read_rule_file(path).map_err(|r| tr!("check-cannot-read", path = shown.as_str(), reason = r.reason()))?;
    let source = SourceFile::new(path.display().to_string(), text);
    Ok(check_source(source, path.parent().map(Path::to_path_buf), &mut vec![canonical(path)]))
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => tr!("check-no-such-file"),
        std::io::ErrorKind::InvalidData => tr!("check-not-utf8"),
        // The operating system's own wording: it has no Swedish of ours.
        _ => e.to_string().to_lowercase(),
    }
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// Checks a source already in memory. `dir` is where `bygger_på` is looked up;
/// `chain` holds the files being checked, to find circular `bygger_på`.
pub fn check_source(source: Source, dir: Option<PathBuf>, chain: &mut Vec<PathBuf>) -> Checked {
    let file = match syntax::parse(&source) {
        Ok(f) => f,
        Err(diagnostics) => return Checked { model: None, source, diagnostics, upstream: vec![], tree: None },
    };
    let mut cx = Cx { diags: Diagnostics::default(), upstream: vec![] };
    let previous = load_previous(&file, dir, chain, &mut cx);
    let model = build(&source, &file, previous, &mut cx.diags);
    let model = model.filter(|_| !cx.diags.has_errors() && !cx.upstream.iter().any(|(_, d)| d.has_errors()));
    Checked { model, source, diagnostics: cx.diags, upstream: cx.upstream, tree: Some(file) }
}

struct Cx {
    diags: Diagnostics,
    upstream: Vec<(Source, Diagnostics)>,
}

fn build(source: &Source, file: &ast::File, previous: Option<Model>, diags: &mut Diagnostics) -> Option<Model> {
    let header = header::check(file, diags);
    if let Some(prev) = &previous {
        header::check_version_step(file, &header, &prev.header, diags);
    }
    let mut model = collect::collect(source, file, header, previous, diags);
    codes::check_overlaps(file, &model, diags);
    ledger::check(file, &mut model, diags);
    let unknown_units = resolve::resolve(file, &mut model, diags);
    cycles::check(file, &model, diags);
    expect::check(file, &model, &unknown_units, diags);
    sanity::check(file, &model, diags);
    Some(model)
}

/// The file `bygger_på` names, checked. It must lie in this file's folder tree
/// (or under `--rot`), be a regular `.ek` file, and not make the chain circular or
/// longer than [`confine::MAX_CHAIN`] files.
fn load_previous(file: &ast::File, dir: Option<PathBuf>, chain: &mut Vec<PathBuf>, cx: &mut Cx) -> Option<Model> {
    let builds_on = file.items.iter().find_map(|i| match i {
        ast::Item::BuildsOn(s) => Some(s),
        _ => None,
    })?;
    let dir = dir.unwrap_or_default();
    let path = dir.join(&builds_on.value);
    let (key, text) = match previous_text(&path, &dir, chain) {
        Ok(found) => found,
        Err((message, hint)) => {
            cx.diags.push(Diagnostic::error(builds_on.span, message).with_hint(hint));
            return None;
        }
    };
    chain.push(key);
    let checked = check_source(SourceFile::new(path.display().to_string(), text), path.parent().map(Path::to_path_buf), chain);
    chain.pop();
    if checked.has_errors() {
        cx.diags.push(Diagnostic::error(builds_on.span, tr!("check-base-has-errors", file = crate::diagnostic::echo(&builds_on.value))));
    }
    cx.upstream.extend(checked.upstream);
    if !checked.diagnostics.0.is_empty() {
        cx.upstream.push((checked.source, checked.diagnostics));
    }
    checked.model
}

/// A message and its hint, for the `bygger_på` string.
type Refused = (String, String);

/// The resolved path and text of the file `bygger_på` names, or why not.
fn previous_text(path: &Path, dir: &Path, chain: &[PathBuf]) -> Result<(PathBuf, String), Refused> {
    let shown = confine::echo_path(path);
    let key = confine::rule_file_within(path, dir).map_err(|r| refused(&shown, r))?;
    if chain.contains(&key) {
        let names: Vec<String> = chain.iter().chain(std::iter::once(&key)).map(|p| crate::diagnostic::echo(&file_name(p))).collect();
        return Err((tr!("check-circular-builds-on", chain = names.join(" → ")), tr!("check-hint-builds-on-relative")));
    }
    if chain.len() >= confine::MAX_CHAIN {
        return Err((tr!("confine-chain-too-long", max = confine::MAX_CHAIN), tr!("confine-hint-chain")));
    }
    let text = confine::read_rule_file(&key).map_err(|r| refused(&shown, r))?;
    Ok((key, text))
}

/// A file `bygger_på` may not or cannot read: outside the folder tree in words
/// of its own, anything else as a file that cannot be read.
fn refused(shown: &str, r: confine::Refusal) -> Refused {
    let message = match &r {
        confine::Refusal::Outside(_) => tr!("confine-outside", path = shown, reason = r.reason()),
        _ => tr!("check-cannot-read-base", path = shown, reason = r.reason()),
    };
    (message, r.hint().unwrap_or_else(|| tr!("check-hint-builds-on-relative")))
}

fn file_name(p: &Path) -> String {
    p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}
