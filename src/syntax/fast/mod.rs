//! A hand-written reader of well-formed rule files: the grammar
//! (`grammar/ekostyr.pest`) read by recursive descent straight into the syntax tree,
//! without pest's pairs and their lowering.
//!
//! pest stays the language's definition and the reader of every file this one does
//! not read: a text with a syntax error, one whose lowering reports something (a
//! number too large, a formula too deep or too long) or a string with a `#` in it.
//! Then [`file`] gives `None` and the file is parsed by pest as before, errors and
//! all. Each rule below is read as the grammar reads it, alternatives in the same
//! order, a failed one leaving the position as it was; debug builds (every test)
//! parse each file both ways and require the same tree, spans included.

mod assignment;
mod expr;
mod tokens;

use super::ast::*;
use tokens::Reader;

/// The items of a well-formed file (comments blanked to spaces), or `None` to
/// leave the file to pest.
pub(super) fn file(text: &str) -> Option<Vec<Item>> {
    let mut r = Reader::new(text);
    let mut items = vec![];
    r.skip();
    while !r.at_end() {
        items.push(r.item()?);
        r.skip();
    }
    (!r.give_up).then_some(items)
}

impl Reader<'_> {
    /// `item`: a header, parameter, measure, board, expectation or `utanför`.
    fn item(&mut self) -> Option<Item> {
        let start = self.pos;
        // The items start with different words: the first byte tells which to try.
        // A header's span is its whole line (`with_span` in lowering).
        match self.text.as_bytes().get(start)? {
            b'r' => self.then("regelverk", |r| r.string().map(|s| Item::Regelverk(Str { span: r.span(start), ..s }))),
            0xc3 => self.then("år", |r| r.year().map(|(value, _)| Item::Year(Located { value, span: r.span(start) }))),
            b'v' => self.then("version", |r| r.version_number().map(|value| Item::Version(Located { value, span: r.span(start) }))),
            b'b' => self
                .then("bygger_på", |r| r.string().map(|s| Item::BuildsOn(Str { span: r.span(start), ..s })))
                .or_else(|| self.then("beslut", |r| r.decision(start).map(Item::Decision))),
            b'd' => self.then("dokumentägare", |r| r.separated(",", Self::string).map(|o| Item::Owners(o, r.span(start)))),
            b'p' => self.then("parameter", |r| r.parameter(start).map(Item::Parameter)),
            b'm' => self.then("mått", |r| r.measure(start).map(Item::Measure)),
            b'n' => self.then("nämnd", |r| r.board(start).map(Item::Board)),
            b'f' => self.then("förvänta", |r| r.expectation(start).map(Item::Expectation)),
            b'u' => self.then("utanför", |r| r.out_of_scope(start).map(Item::OutOfScope)),
            _ => None,
        }
    }

    /// A rule that starts with `keyword`: the keyword, whitespace, then `rest`, or
    /// nothing read at all.
    pub(super) fn then<T>(&mut self, keyword: &str, rest: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        self.attempt(|r| {
            r.lit(keyword)?;
            r.skip();
            rest(r)
        })
    }

    /// `item ~ (separator ~ item)*`, whitespace between.
    pub(super) fn separated<T>(&mut self, separator: &str, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let mut items = vec![item(self)?];
        while let Some(next) = self.attempt(|r| {
            r.after_space(separator)?;
            r.skip();
            item(r)
        }) {
            items.push(next);
        }
        Some(items)
    }

    /// An optional part after whitespace: `~ part?`.
    pub(super) fn optional<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        self.skip();
        self.attempt(read)
    }

    /// Repeated parts, each after whitespace: `~ part*`.
    pub(super) fn repeated<T>(&mut self, mut read: impl FnMut(&mut Self) -> Option<T>) -> Vec<T> {
        let mut out = vec![];
        while let Some(x) = self.optional(&mut read) {
            out.push(x);
        }
        out
    }

    /// Whitespace, then `literal`.
    pub(super) fn after_space(&mut self, literal: &str) -> Option<()> {
        self.skip();
        self.lit(literal)
    }

    /// `beslut "Nämnd" 2022-12-14 dnr "…" avser "…"` after `beslut`.
    fn decision(&mut self, start: usize) -> Option<Decision> {
        let board = self.string()?;
        self.skip();
        let (date, span) = self.date()?;
        let dnr = self.optional(|r| r.then("dnr", Self::string));
        let about = self.optional(|r| r.then("avser", Self::string));
        Some(Decision { board, date: Located { value: date, span }, dnr, about, span: self.span(start) })
    }

    /// `parameter name: unit = value (från month = value)*` after `parameter`.
    pub(super) fn parameter(&mut self, start: usize) -> Option<Parameter> {
        let name = self.ident()?;
        let unit = self.optional(|r| {
            r.lit(":")?;
            r.skip();
            r.located_unit()
        });
        self.after_space("=")?;
        self.skip();
        let (value, steps) = match self.attempt(Self::table) {
            Some(table) => (table, vec![]),
            None => {
                let q = self.signed_quantity()?;
                (ParamValue::Quantity(q), self.repeated(Self::param_step))
            }
        };
        Some(Parameter { name, unit, value, steps, span: self.span(start) })
    }

    fn located_unit(&mut self) -> Option<Located<UnitText>> {
        let start = self.pos;
        let value = self.unit()?;
        Some(Located { value, span: self.span(start) })
    }

    /// `från 2023-07 = 495 kr/timme`
    fn param_step(&mut self) -> Option<ParamStep> {
        let start = self.pos;
        let month = self.then("från", Self::month)?;
        let value = self.equals_quantity()?;
        Some(ParamStep { month, value, span: self.span(start) })
    }

    /// `per del { somatik: 2 050 kr/dygn; demens: 2 250 kr/dygn }`
    fn table(&mut self) -> Option<ParamValue> {
        let axis = self.then("per", Self::member)?;
        self.after_space("{")?;
        let entries = self.repeated(|r| {
            let key = r.ident()?;
            r.after_space(":")?;
            r.skip();
            let value = r.signed_quantity()?;
            r.optional(|r| r.lit(";"));
            Some((key, value))
        });
        self.after_space("}")?;
        Some(ParamValue::Table { axis, entries })
    }

    /// `mått budget platser: platser, får_vara_negativ` after `mått`.
    fn measure(&mut self, start: usize) -> Option<MeasureDecl> {
        let kind = match self.word_of(&["budget", "volym"])? {
            "budget" => MeasureKind::Budget,
            _ => MeasureKind::Volume,
        };
        self.skip();
        let name = self.ident()?;
        self.after_space(":")?;
        self.skip();
        let unit = self.located_unit()?;
        let signed = self
            .optional(|r| {
                r.lit(",")?;
                r.skip();
                r.word("får_vara_negativ")
            })
            .is_some();
        Some(MeasureDecl { kind, name, unit, signed, span: self.span(start) })
    }

    /// `id "name" { item* }`: a board, care form, assignment, key figure or change
    /// after its keyword.
    pub(super) fn block<T>(&mut self, item: impl FnMut(&mut Self) -> Option<T>) -> Option<(Ident, Str, Vec<T>)> {
        let id = self.ident()?;
        self.skip();
        let name = self.string()?;
        self.after_space("{")?;
        let items = self.repeated(item);
        self.after_space("}")?;
        Some((id, name, items))
    }

    /// `nämnd ÄN "Äldrenämnden" { vårdform … }` after `nämnd`.
    fn board(&mut self, start: usize) -> Option<Board> {
        let (id, name, care_forms) = self.block(|r| {
            let start = r.pos;
            let (id, name, assignments) = r.then("vårdform", |r| {
                r.block(|r| {
                    let start = r.pos;
                    let (id, name, items) = r.then("uppdrag", |r| r.block(Self::assignment_item))?;
                    Some(Assignment { id, name, items, span: r.span(start) })
                })
            })?;
            Some(CareForm { id, name, assignments, span: r.span(start) })
        })?;
        Some(Board { id, name, care_forms, span: self.span(start) })
    }

    /// `utanför "Personlig assistans" id L31*, L32* källa "…"` after `utanför`.
    fn out_of_scope(&mut self, start: usize) -> Option<OutOfScope> {
        let name = self.string()?;
        self.skip();
        let ids = self.then("id", Self::id_codes)?;
        let source = self.optional(|r| {
            let at = r.pos;
            let s = r.then("källa", Self::string)?;
            Some(Str { span: r.span(at), ..s })
        });
        Some(OutOfScope { name, ids, source, span: self.span(start) })
    }

    /// `förvänta "name" { … }` after `förvänta`.
    fn expectation(&mut self, start: usize) -> Option<Expectation> {
        let name = self.string()?;
        self.after_space("{")?;
        let items = self.repeated(Self::expect_item);
        self.after_space("}")?;
        Some(Expectation { name, items, span: self.span(start) })
    }

    /// `expect_item`, in the grammar's order.
    fn expect_item(&mut self) -> Option<ExpectItem> {
        let start = self.pos;
        None.or_else(|| self.then("indata", |r| r.string().map(|s| ExpectItem::Input(s, r.span(start)))))
            .or_else(|| {
                self.then("budget", |r| {
                    let path = r.path()?;
                    let q = r.equals_quantity()?;
                    Some(ExpectItem::Budget(path, q, r.span(start)))
                })
            })
            .or_else(|| {
                self.then("volym", |r| {
                    let m = r.month()?;
                    r.skip();
                    let path = r.path()?;
                    let q = r.equals_quantity()?;
                    Some(ExpectItem::Volume(m, path, q, r.span(start)))
                })
            })
            .or_else(|| {
                self.then("utfall", |r| {
                    let m = r.month()?;
                    r.skip();
                    let code = r.code()?;
                    let q = r.equals_quantity()?;
                    Some(ExpectItem::Ledger(m, code, q, r.span(start)))
                })
            })
            .or_else(|| self.attempt(|r| r.expect_value(start)))
    }

    /// `path ~ ("[" ~ month ~ "]")? ~ "=" ~ signed_quantity ~ ("±" ~ signed_quantity)?`
    fn expect_value(&mut self, start: usize) -> Option<ExpectItem> {
        let path = self.path()?;
        let month = self.optional(|r| {
            r.lit("[")?;
            r.skip();
            let m = r.month()?;
            r.after_space("]")?;
            Some(m)
        });
        let expected = self.equals_quantity()?;
        let tolerance = self.optional(|r| {
            r.lit("±")?;
            r.skip();
            r.signed_quantity()
        });
        Some(ExpectItem::Value { path, month, expected, tolerance, span: self.span(start) })
    }

    /// `path = ${ member ~ ("." ~ member)+ }`
    fn path(&mut self) -> Option<Vec<Ident>> {
        let first = self.member()?;
        let mut path = vec![first];
        path.extend(self.members(1)?);
        Some(path)
    }

    /// `= value`, after whitespace.
    pub(super) fn equals_quantity(&mut self) -> Option<Quantity> {
        self.after_space("=")?;
        self.skip();
        self.signed_quantity()
    }
}

#[cfg(test)]
mod tests {
    use crate::source::SourceFile;
    use proptest::prelude::*;
    use std::path::Path;

    /// Well-formed files to edit: between them every kind of item, key figure line,
    /// change line and expectation, and formulas of every operator.
    const SEEDS: [&str; 6] = [
        include_str!("../../../tests/keyfigures/aggregation.ek"),
        include_str!("../../../tests/expect/inline.ek"),
        include_str!("../../../tests/eval/part_validity/rules.ek"),
        include_str!("../../../tests/eval/key_figures_iu/rules.ek"),
        include_str!("../../../tests/check/change_decision_and_due_dates.ek"),
        include_str!("../../../tests/eval/ledger_views/rules.ek"),
    ];

    /// What an edit inserts: the language's words, literals and punctuation, and
    /// the shapes where ordered choice and backtracking matter.
    const INSERTS: [&str; 40] = [
        "",
        " ",
        "\n",
        "\u{a0}",
        "\t",
        "=",
        "(",
        ")",
        "-",
        "- ",
        "*",
        "/",
        "+",
        ",",
        ";",
        ".",
        "..",
        "{",
        "}",
        "\"",
        "#",
        "1 000",
        "2,5",
        "3.",
        " kr/dygn",
        " %",
        "om ",
        " då ",
        " annars ",
        "inte ",
        " och ",
        " eller ",
        "[2023-05]",
        "2023-05",
        "ej ",
        "± 1 kr",
        "id L1*",
        "komplement K1..K2",
        "summa(",
        "föregående.",
    ];

    /// `text` with `edits` (where, how many bytes to remove, what to insert) made,
    /// each at the character boundary at or before where it points.
    fn edited(text: &str, edits: &[(usize, usize, usize)]) -> String {
        let mut text = text.to_string();
        for &(at, remove, insert) in edits {
            let boundary = |i: usize, t: &str| (0..=i.min(t.len())).rev().find(|&i| t.is_char_boundary(i)).unwrap_or(0);
            let start = boundary(at % (text.len() + 1), &text);
            let end = boundary(start + remove, &text).max(start);
            text.replace_range(start..end, INSERTS[insert % INSERTS.len()]);
        }
        text
    }

    const GRAMMAR: &str = include_str!("../../../grammar/ekostyr.pest");

    /// The quoted literals of the grammar rule `name`, in order, each line's apart.
    fn literals_of(name: &str) -> Vec<Vec<&'static str>> {
        let start = GRAMMAR.lines().position(|l| l.split_whitespace().next() == Some(name) && l.contains('=')).expect(name);
        let mut lines = vec![];
        for line in GRAMMAR.lines().skip(start) {
            lines.push(line.split('"').skip(1).step_by(2).collect());
            if line.contains('}') {
                break;
            }
        }
        lines
    }

    #[test]
    fn the_readers_words_are_the_grammars_in_its_order() {
        let flat = |name| literals_of(name).concat();
        assert_eq!(flat("unit_name"), super::super::UNIT_NAMES);
        assert_eq!(flat("function"), super::expr::FUNCTIONS);
        assert_eq!(flat("kf_word"), super::assignment::KEY_FIGURE_WORDS);
        assert_eq!(flat("change_type"), super::assignment::CHANGE_TYPES);
        // `"b" ~ ("eslut" | "udget")`: a line's first literal, then the rests of its words.
        let mut keywords: Vec<String> = literals_of("keyword")
            .into_iter()
            .filter_map(|line| {
                let (first, rests) = line.split_first()?;
                Some(if rests.is_empty() { vec![first.to_string()] } else { rests.iter().map(|r| format!("{first}{r}")).collect() })
            })
            .flatten()
            .collect();
        keywords.sort();
        let mut ours = super::tokens::KEYWORDS.to_vec();
        ours.sort();
        assert_eq!(keywords, ours);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        /// Edited well-formed files (many no longer well-formed, some well-formed
        /// in another way) read as pest reads them: `parse` compares the two in
        /// debug builds, and a file the reader takes must be one pest takes too.
        #[test]
        fn edited_files_read_as_pest_reads_them(
            seed in 0..SEEDS.len(),
            edits in proptest::collection::vec((any::<usize>(), 0usize..6, any::<usize>()), 1..4),
        ) {
            let text = edited(SEEDS[seed], &edits);
            let _ = super::super::parse(&SourceFile::new("edited.ek", text));
        }
    }

    /// The `.ek` files under `dir`, and every file of the fuzz corpora of rule text.
    fn rule_texts(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                rule_texts(&path, out);
            } else if path.extension().is_some_and(|e| e == "ek")
                || dir.ends_with("check") && dir.parent().is_some_and(|p| p.ends_with("corpus"))
            {
                out.push(path);
            }
        }
    }

    /// Every rule file of the repository (the reference years, the test files, the
    /// fuzz corpus) parses to the same tree, or the same errors, as pest gives:
    /// `parse` compares the two readings in debug builds. The reference years
    /// are read by the hand-written reader, not left to pest.
    #[test]
    fn every_rule_file_of_the_repository_reads_as_pest_reads_it() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = vec![];
        for dir in ["rules", "tests", "fixtures", "fuzz/corpus/check", "fuzz/corpus/fmt_roundtrip"] {
            rule_texts(&root.join(dir), &mut files);
        }
        let mut read_fast = 0;
        for path in &files {
            let Ok(text) = std::fs::read_to_string(path) else { continue };
            let source = SourceFile::new(path.display().to_string(), text);
            let _ = super::super::parse(&source);
            let blanked = super::super::blank_comments(&source.text, &super::super::lower::comments(&source.text));
            read_fast += usize::from(super::file(&blanked).is_some());
        }
        assert!(files.len() > 100, "{} files", files.len());
        assert!(read_fast > 50, "{read_fast} of {} read by the hand-written reader", files.len());
        for year in ["rules/2023.ek", "rules/2024.ek"] {
            let text = std::fs::read_to_string(root.join(year)).expect("the reference year");
            let blanked = super::super::blank_comments(&text, &super::super::lower::comments(&text));
            assert!(super::file(&blanked).is_some(), "{year} is left to pest");
        }
    }
}
