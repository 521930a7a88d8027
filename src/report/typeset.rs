//! Typst markup → PDF bytes, entirely in memory: one main source, the fonts embedded
//! in `typst-assets`, and the files the caller hands over (the charts' SVG). Nothing is
//! read from disk and no package is downloaded; `#import "@preview/…"` fails.
//!
//! The markup is ours (generated from the board report), so a compile error here is a
//! bug in the generator, not in the user's input; it still comes back as a message,
//! never a panic.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::layout::{Frame, FrameItem};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

/// The embedded fonts and their book, parsed once per process.
struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts().flat_map(|data| Font::iter(Bytes::new(data))).collect();
    Fonts { book: LazyHash::new(FontBook::from_fonts(&fonts)), fonts }
});

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// The in-memory world one document is compiled in.
struct MemoryWorld {
    main: Source,
    files: Vec<(FileId, Bytes)>,
}

impl MemoryWorld {
    fn new(markup: &str, files: &[(&str, Vec<u8>)]) -> Result<Self, String> {
        let main = Source::new(file_id("main.typ")?, markup.to_owned());
        let files = files.iter().map(|(path, bytes)| Ok((file_id(path)?, Bytes::new(bytes.clone())))).collect::<Result<_, String>>()?;
        Ok(Self { main, files })
    }
}

/// A path in the project's root (`charts/1.svg`), as typst names files.
fn file_id(path: &str) -> Result<FileId, String> {
    let vpath = VirtualPath::new(path).map_err(|e| failed(&format!("`{path}`: {e:?}")))?;
    Ok(FileId::new(RootedPath::new(VirtualRoot::Project, vpath)))
}

impl World for MemoryWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            return Ok(self.main.clone());
        }
        let bytes = self.file(id)?;
        let text = std::str::from_utf8(&bytes).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text.to_owned()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        let found = self.files.iter().find(|(f, _)| *f == id);
        found.map(|(_, bytes)| bytes.clone()).ok_or_else(|| FileError::NotFound(id.get().vpath().get_with_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    /// No clock: the same report gives the same PDF (a date goes in as text).
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// Typesets `markup` and exports it as PDF. `files` are the other files the markup may
/// read by path (`image("charts/1.svg")`), relative to the project's root.
pub fn compile_pdf(markup: &str, files: &[(&str, Vec<u8>)]) -> Result<Vec<u8>, String> {
    let world = MemoryWorld::new(markup, files)?;
    let document: PagedDocument = typst::compile(&world).output.map_err(|e| failed(&messages(&world, &e)))?;
    typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default()).map_err(|e| failed(&messages(&world, &e)))
}

/// The text of `markup` as typst lays it out, page by page in reading order (for checks
/// that need no PDF tool).
pub fn laid_out_text(markup: &str, files: &[(&str, Vec<u8>)]) -> Result<String, String> {
    let world = MemoryWorld::new(markup, files)?;
    let document: PagedDocument = typst::compile(&world).output.map_err(|e| failed(&messages(&world, &e)))?;
    let mut out = String::new();
    document.pages().iter().for_each(|p| collect_text(&p.frame, &mut out));
    Ok(out)
}

fn collect_text(frame: &Frame, out: &mut String) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Text(t) => out.push_str(&t.text),
            FrameItem::Group(g) => collect_text(&g.frame, out),
            _ => {}
        }
    }
}

/// Typst's diagnostics on one line each, with the line of the markup they point at.
fn messages(world: &MemoryWorld, diagnostics: &[SourceDiagnostic]) -> String {
    let one = |d: &SourceDiagnostic| {
        let line = typst::WorldExt::range(world, d.span).and_then(|r| world.main.lines().byte_to_line(r.start));
        match line {
            Some(l) => format!("{} (rad {})", d.message, l + 1),
            None => d.message.to_string(),
        }
    };
    diagnostics.iter().map(one).collect::<Vec<_>>().join("; ")
}

/// `text` as a typst string literal (`"…"`), to be used in code (`#table(…, "name")`,
/// `#text(…)[#"name"]`): in a string nothing is markup, so a unit named `#1 *A*_b $[x]` is
/// printed as written. Only `\\`, `"` and line breaks need escaping there.
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn failed(reason: &str) -> String {
    crate::tr!("pdf-typeset-failed", reason = reason)
}

#[cfg(test)]
mod tests {
    use super::{compile_pdf, string_literal};

    fn laid_out_text(markup: &str) -> String {
        super::laid_out_text(markup, &[]).expect("compiles")
    }

    #[test]
    fn user_text_is_never_markup() {
        let nasty = "Hem #1 *A*_b_ $x$ [y] `z` \\n \"q\" @ref <lbl> // c /* d = e - f + g ~ h";
        let text = laid_out_text(&format!("#set page(width: 40cm)\n#text({})\n", string_literal(nasty)));
        assert_eq!(text.replace(' ', ""), nasty.replace(' ', ""));
    }

    #[test]
    fn line_breaks_and_controls_stay_inside_the_literal() {
        assert_eq!(string_literal("a\nb\u{7}"), "\"a\\nb\\u{7}\"");
        assert!(laid_out_text(&format!("#text({})", string_literal("x\"); #panic(\"y"))).contains("panic"));
    }

    #[test]
    fn a_small_document_becomes_a_pdf() {
        let pdf = compile_pdf("#set page(paper: \"a4\")\n= Rubrik\nÅäö *fet* 1 234,50 kr", &[]).expect("compiles");
        assert!(pdf.starts_with(b"%PDF"), "{:?}", &pdf[..8.min(pdf.len())]);
    }

    #[test]
    fn an_svg_file_is_read_from_memory() {
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="red"/></svg>"#;
        let pdf = compile_pdf("#image(\"charts/1.svg\", width: 4cm)", &[("charts/1.svg", svg.to_vec())]).expect("compiles");
        assert!(pdf.starts_with(b"%PDF"));
    }

    #[test]
    fn bad_markup_is_an_error_with_its_line() {
        let err = compile_pdf("ok\n#nosuchfunction()", &[]).expect_err("unknown function");
        assert!(err.contains("rad 2"), "{err}");
    }

    #[test]
    fn no_file_outside_memory_and_no_package() {
        assert!(compile_pdf("#read(\"/etc/passwd\")", &[]).is_err());
        assert!(compile_pdf("#import \"@preview/cetz:0.3.0\": canvas", &[]).is_err());
    }
}
