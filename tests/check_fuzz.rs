//! The checker never panics and always locates what it reports, whatever the input.
//!
//! Mutations of the reference rules (truncation, shuffled, deleted and duplicated
//! lines, inserted characters, words swapped for other tokens) with a fixed-seed
//! generator, so a failure is reproducible from its description; then proptest
//! over arbitrary text and over soups of grammar tokens and reference lines.
//!
//! A debug build parses the 14 KB reference file in about 20 ms (twice that when it
//! is broken: pest records what it expected, for the message, and every item is
//! parsed again on its own), so by default the mutations are sampled (about ten
//! seconds in all). `EKOSTYR_FUZZ=full` runs every truncation 7 bytes apart and ten
//! times the random rounds (about two minutes).

use ekostyr::check::{Checked, check_source};
use ekostyr::source::SourceFile;
use proptest::prelude::*;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Instant;

const NAME: &str = "fuzz.ek";

/// Whether to run the full (slow) set of mutations.
fn full() -> bool {
    std::env::var("EKOSTYR_FUZZ").is_ok_and(|v| v == "full")
}

/// `n` rounds by default, ten times as many with `EKOSTYR_FUZZ=full`.
fn rounds(n: usize) -> usize {
    if full() { 10 * n } else { n }
}

fn reference() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/2023.ek")).expect("read rules/2023.ek")
}

/// SplitMix64: small, seedable, good enough to pick positions.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

/// Checks `text`; describes the first broken invariant or the panic.
fn check_text(text: &str) -> Result<(), String> {
    let source = SourceFile::new(NAME, text);
    let checked = catch_unwind(AssertUnwindSafe(|| check_source(source.clone(), None, &mut vec![])))
        .map_err(|p| format!("panic: {}", panic_message(p.as_ref())))?;
    invariants(&checked, text)
}

fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| p.downcast_ref::<String>().cloned()).unwrap_or_else(|| "(no message)".into())
}

/// What must hold for any input: a missing model means an error; every diagnostic
/// is `fuzz.ek:line:col: …` within the file, followed by the line and a caret.
fn invariants(checked: &Checked, text: &str) -> Result<(), String> {
    if checked.model.is_none() && !checked.has_errors() {
        return Err(format!("no model but no error either:\n{}", checked.render()));
    }
    if !checked.upstream.is_empty() {
        return Err("diagnostics from another file, but nothing was built on".into());
    }
    let lines = text.split('\n').count();
    for d in &checked.diagnostics.0 {
        let rendered = d.render(&checked.source);
        located(&rendered, lines).map_err(|why| format!("{why}:\n{rendered}"))?;
        // Library code sees the default language, Swedish (`internt fel: …`).
        if d.message.starts_with("internt") || d.message.starts_with("internal") {
            return Err(format!("internal error reported to the user:\n{rendered}"));
        }
    }
    Ok(())
}

/// `fuzz.ek:LINE:COL: fel|varning: …` (Swedish, the default language), then ` |`,
/// the source line, and a caret line.
fn located(rendered: &str, lines: usize) -> Result<(), &'static str> {
    let mut out = rendered.lines();
    let head = out.next().ok_or("nothing rendered")?;
    let rest = head.strip_prefix(NAME).and_then(|r| r.strip_prefix(':')).ok_or("does not start with the file name")?;
    let mut fields = rest.splitn(3, ':');
    let line: usize = fields.next().and_then(|f| f.parse().ok()).ok_or("no line number")?;
    let col: usize = fields.next().and_then(|f| f.parse().ok()).ok_or("no column")?;
    let message = fields.next().ok_or("no message")?;
    if line == 0 || col == 0 || line > lines {
        return Err("line or column out of range");
    }
    if !(message.starts_with(" fel: ") || message.starts_with(" varning: ")) || message.trim_end().ends_with(':') {
        return Err("no severity or an empty message");
    }
    let caret = out.nth(2).ok_or("no caret line")?;
    if !caret.contains('^') {
        return Err("no caret under the source line");
    }
    Ok(())
}

/// Runs every case, collecting failures rather than stopping at the first.
#[derive(Default)]
struct Failures(Vec<String>);

impl Failures {
    fn run(&mut self, case: impl FnOnce() -> String, text: &str) {
        if let Err(why) = check_text(text) {
            self.0.push(format!("{}: {why}", case()));
        }
    }

    fn assert_none(self, what: &str) {
        let shown: Vec<&String> = self.0.iter().take(8).collect();
        assert!(
            self.0.is_empty(),
            "{what}: {} failing cases, the first:\n\n{}",
            self.0.len(),
            shown.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n\n")
        );
    }
}

fn char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// (a) The reference rules cut off every 7 bytes up to the first `nämnd` (header,
/// measures, parameters: cheap to parse), then every 53 bytes (every 7 bytes
/// throughout with `EKOSTYR_FUZZ=full`).
#[test]
fn truncated_reference_rules() {
    let text = reference();
    let started = Instant::now();
    let mut failures = Failures::default();
    let header = text.find("nämnd").expect("a board in the reference rules");
    let stride = if full() { 7 } else { 53 };
    let cuts: Vec<usize> =
        (0..header).step_by(7).chain((header..text.len()).step_by(stride)).chain([text.len()]).map(|at| char_boundary(&text, at)).collect();
    for &cut in &cuts {
        failures.run(|| format!("rules/2023.ek cut at byte {cut}"), &text[..cut]);
    }
    eprintln!("truncation: {} cases in {:?}", cuts.len(), started.elapsed());
    failures.assert_none("truncation");
}

/// (b) The reference rules with their lines in a random order.
#[test]
fn shuffled_lines() {
    let text = reference();
    let mut rng = Rng(0x2023);
    let mut failures = Failures::default();
    for round in 0..rounds(15) {
        let mut lines: Vec<&str> = text.lines().collect();
        rng.shuffle(&mut lines);
        failures.run(|| format!("shuffle round {round} (seed 0x2023)"), &lines.join("\n"));
    }
    failures.assert_none("shuffled lines");
}

/// (c) The reference rules with a few lines deleted or duplicated.
#[test]
fn deleted_and_duplicated_lines() {
    let text = reference();
    let mut rng = Rng(0x0E05);
    let mut failures = Failures::default();
    for round in 0..rounds(60) {
        let mut lines: Vec<&str> = text.lines().collect();
        let mut edits = vec![];
        for _ in 0..1 + rng.below(3) {
            let at = rng.below(lines.len());
            if rng.below(2) == 0 {
                edits.push(format!("delete line {}", at + 1));
                lines.remove(at);
            } else {
                edits.push(format!("duplicate line {}", at + 1));
                lines.insert(at, lines[at]);
            }
        }
        failures.run(|| format!("round {round}: {}", edits.join(", then ")), &lines.join("\n"));
    }
    failures.assert_none("deleted/duplicated lines");
}

/// Characters worth inserting: Swedish letters, the non-breaking space the grammar
/// accepts as a thousands separator, punctuation of the language, and a few oddities.
const INSERTS: &[char] = &[
    'å', 'ä', 'ö', 'Å', 'Ö', 'é', '\u{a0}', '\u{2009}', '€', '😀', '\u{feff}', ' ', '\t', '\n', '\r', '\0', '{', '}', '(', ')', '[', ']',
    '"', '#', ';', ',', '.', ':', '%', '*', '/', '-', '+', '=', '<', '>', '±', '×', '÷', '0', '9', 'x', '_',
];

/// (d) The reference rules with one to three characters inserted at random places.
#[test]
fn inserted_characters() {
    let text = reference();
    let mut rng = Rng(0xA0A0);
    let started = Instant::now();
    let mut failures = Failures::default();
    let total = rounds(100);
    for round in 0..total {
        let mut mutated = text.clone();
        let mut edits = vec![];
        for _ in 0..1 + rng.below(3) {
            let at = char_boundary(&mutated, rng.below(mutated.len() + 1));
            let c =
                if rng.below(4) == 0 { char::from_u32(rng.below(0x800) as u32).unwrap_or('?') } else { INSERTS[rng.below(INSERTS.len())] };
            edits.push(format!("insert {c:?} at byte {at}"));
            mutated.insert(at, c);
        }
        failures.run(|| format!("round {round}: {}", edits.join(", then ")), &mutated);
    }
    eprintln!("insertion: {total} cases in {:?}", started.elapsed());
    failures.assert_none("inserted characters");
}

/// (e) The reference rules with words swapped for other tokens of the language, so
/// that the files mostly parse and the checker's later stages see odd combinations.
#[test]
fn substituted_words() {
    let text = reference();
    let mut rng = Rng(0x5B57);
    let mut failures = Failures::default();
    let words: Vec<(usize, usize)> = word_spans(&text);
    for round in 0..rounds(60) {
        let mut mutated = text.clone();
        let mut edits = vec![];
        // From the end backwards, so earlier spans stay valid.
        let mut picks: Vec<usize> = (0..1 + rng.below(4)).map(|_| rng.below(words.len())).collect();
        picks.sort_unstable_by(|a, b| b.cmp(a));
        picks.dedup();
        for w in picks {
            let (start, end) = words[w];
            let token = TOKENS[rng.below(TOKENS.len())];
            edits.push(format!("replace {:?} at byte {start} with {token:?}", &text[start..end]));
            mutated.replace_range(start..end, token);
        }
        failures.run(|| format!("round {round}: {}", edits.join(", ")), &mutated);
    }
    failures.assert_none("substituted words");
}

/// Byte ranges of the whitespace-separated words of `text`.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = vec![];
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    spans
}

/// Inputs that once were (or could easily be) trouble.
#[test]
fn edge_cases() {
    let mut failures = Failures::default();
    let cases = [
        "",
        "\n",
        "\u{feff}",
        "år",
        "år 2023",
        "år 99999",
        "regelverk \"",
        "version 1.",
        "parameter x = 99999999999999999999999999999999 kr",
        "parameter x = 7 922 816 251 426 433 759 354 395 033 mnkr",
        "parameter x = per del {}",
        "parameter x = per nivå { a: 1 }\nnämnd A \"A\" { vårdform b \"B\" { uppdrag c \"C\" { ersättning fast = x } } }",
        "nämnd A \"A\" { vårdform b \"B\" { uppdrag c \"C\" { ersättning fast = avrunda(1 kr; 99999999999) } } }",
        "nämnd A \"A\" { vårdform b \"B\" { uppdrag c \"C\" { ersättning fast = summa(summa(1 kr)) } } }",
        "nämnd A \"A\" { vårdform b \"B\" { uppdrag c \"C\" { id Z..A, 1..22 } } }",
        "förvänta \"x\" { a.b = 1 ± 2 }",
        "förvänta \"x\" { volym 2023-13 a.b.c = 1 }",
        "nämnd A \"A\" { vårdform b \"B\" { uppdrag c \"C\" { förändring d \"D\" { typ statsbidrag belopp = 1 kr från 2023-00 } } } }",
        "bygger_på \"\"",
        "\r\n\r\når 2023\r\n",
    ];
    for case in cases {
        failures.run(|| format!("{case:?}"), case);
    }
    failures.assert_none("edge cases");
}

/// Pieces of the language, to build inputs that get far into the grammar.
const TOKENS: &[&str] = &[
    "regelverk",
    "år",
    "version",
    "bygger_på",
    "dokumentägare",
    "beslut",
    "dnr",
    "parameter",
    "mått",
    "budget",
    "volym",
    "nämnd",
    "vårdform",
    "uppdrag",
    "del",
    "verksamheter",
    "källa",
    "ersättning",
    "fast",
    "rörlig",
    "låt",
    "nyckeltal",
    "förändring",
    "förvänta",
    "om",
    "då",
    "annars",
    "och",
    "eller",
    "inte",
    "summa",
    "föregående",
    "per",
    "id",
    "värde",
    "intervall",
    "månadsvis",
    "mottagare",
    "ansvarig",
    "från",
    "mål",
    "påverkan",
    "typ",
    "statsbidrag",
    "belopp",
    "indata",
    "utfall",
    "min",
    "max",
    "avrunda",
    "kostnad",
    "dagar",
    "månader",
    "veckor",
    "serie",
    "aggregering",
    "medel",
    "helårsomräknad",
    "ej",
    "dygn/plats/dag",
    "x",
    "platser",
    "somatik",
    "L140*",
    "L1401..L1409",
    "L1401",
    "\"Nämnd\"",
    "\"\"",
    "2023",
    "2023-03",
    "2023-02-30",
    "1.0",
    "18 400 000",
    "2,9",
    "0,90",
    "-",
    "kr",
    "tkr",
    "%",
    "kr/timme",
    "dygn/plats",
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    "=",
    "==",
    ">=",
    "<=",
    "+",
    "*",
    "/",
    ":",
    ";",
    ",",
    ".",
    "..",
    "±",
    "#",
    "\n",
    " ",
];

fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(TOKENS), prop::sample::select(&[" ", "\n", ""][..])), 0..80)
        .prop_map(|v| v.into_iter().flat_map(|(t, sep)| [t, sep]).collect())
}

fn reference_lines() -> impl Strategy<Value = String> {
    let lines: Vec<String> = reference().lines().map(str::to_string).collect();
    prop::collection::vec(prop::sample::select(lines), 0..60).prop_map(|v| v.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text(text in ".*") {
        let result = check_text(&text);
        prop_assert!(result.is_ok(), "{:?}", result);
    }

    #[test]
    fn arbitrary_text_with_line_breaks(text in "(?s).{0,400}") {
        let result = check_text(&text);
        prop_assert!(result.is_ok(), "{:?}", result);
    }

    #[test]
    fn grammar_tokens(text in token_soup()) {
        let result = check_text(&text);
        prop_assert!(result.is_ok(), "{:?}", result);
    }

    #[test]
    fn reference_line_soup(text in reference_lines()) {
        let result = check_text(&text);
        prop_assert!(result.is_ok(), "{:?}", result);
    }
}

/// A formula in an assignment of an otherwise minimal file.
fn with_formula(formula: &str) -> String {
    format!("nämnd A \"A\" {{\n  vårdform b \"B\" {{\n    uppdrag c \"C\" {{\n      ersättning fast = {formula}\n    }}\n  }}\n}}\n")
}

/// Deep but plausible formulas check without trouble on a test thread's stack.
#[test]
fn moderately_nested_formulas() {
    let mut failures = Failures::default();
    let cases = [
        ("64 nested parentheses", format!("{}1 kr{}", "(".repeat(64), ")".repeat(64))),
        ("100 minus signs", format!("{}1 kr", "-".repeat(100))),
        ("a sum of 250 terms", format!("1 kr{}", " + 1 kr".repeat(249))),
        ("20 nested conditionals", format!("{}1 kr{}", "om 1 > 0 då ".repeat(20), " annars 0 kr".repeat(20))),
    ];
    for (what, formula) in &cases {
        failures.run(|| what.to_string(), &with_formula(formula));
    }
    failures.assert_none("nested formulas");
}

// ---------------------------------------------------------------- fixed checker bugs
//
// Each of these failed once, as reported; they stay as regression tests.

/// `avrunda(x; 1,0000000000)`: `10u32.pow(scale)` once overflowed in `resolve::round`.
#[test]
fn rounding_with_ten_zero_decimals_does_not_panic() {
    let result = check_text(&with_formula("avrunda(1 kr; 1,0000000000)"));
    assert!(result.is_ok(), "{result:?}");
}

/// A base file at `version 4294967295.0`: `old.0 + 1` once overflowed in
/// `header::check_version_step`.
#[test]
fn version_step_from_the_largest_version_does_not_panic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let base = "regelverk \"R\"\når 2023\nversion 4294967295.0\ndokumentägare \"S\"\n";
    std::fs::write(dir.path().join("a.ek"), base).expect("write a.ek");
    let text = "regelverk \"R\"\når 2024\nversion 1.0\nbygger_på \"a.ek\"\ndokumentägare \"S\"\n";
    let source = SourceFile::new("b.ek", text);
    let checked = catch_unwind(AssertUnwindSafe(|| check_source(source, Some(dir.path().to_path_buf()), &mut vec![])));
    assert!(checked.is_ok(), "check panicked");
}

/// Deeply nested or very long formulas once overflowed the stack (an abort, not a
/// diagnostic) in lowering and resolution; now they are errors at parse time. Run
/// in a child process: an overflow cannot be caught.
#[test]
fn deep_formulas_are_errors_not_crashes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cases = [
        ("2 000 nested parentheses", format!("{}1 kr{}", "(".repeat(2000), ")".repeat(2000))),
        ("10 000 minus signs", format!("{}1 kr", "-".repeat(10_000))),
        ("a sum of 50 000 terms", format!("1 kr{}", " + 1 kr".repeat(50_000))),
    ];
    let mut crashed = vec![];
    for (i, (what, formula)) in cases.iter().enumerate() {
        let path = dir.path().join(format!("deep{i}.ek"));
        std::fs::write(&path, with_formula(formula)).expect("write");
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_ekostyr"))
            .arg("check")
            .arg(&path)
            .env("NO_COLOR", "1")
            .output()
            .expect("run ekostyr");
        if out.status.code() != Some(2) {
            crashed.push(format!("{what}: {:?}", out.status));
        }
    }
    assert!(crashed.is_empty(), "not a clean error exit:\n{}", crashed.join("\n"));
}

/// Formulas at the limits of `syntax::MAX_NESTING` and `syntax::MAX_OPERATORS` go
/// through every stage that recurses over a formula: the checker on a 2 MB thread
/// (a test thread's stack, where the fuzzing above runs it), the formatter and the
/// evaluator on 8 MB (the main thread's, where `ekostyr fmt` and `ekostyr run` run
/// them; in a debug build they take several KB of stack per level of a formula).
#[test]
fn formulas_at_the_limits_stay_on_the_stack() {
    use ekostyr::syntax::{MAX_NESTING, MAX_OPERATORS};
    let nested = MAX_NESTING - 1;
    let half = nested / 2;
    let sum = format!("1 kr{}", " + 1 kr".repeat(MAX_OPERATORS));
    let cases = [
        ("parentheses", format!("{}1 kr{}", "(".repeat(nested), ")".repeat(nested))),
        ("minus signs", format!("{}1 kr", "-".repeat(nested))),
        ("minus signs on parentheses", format!("{}1 kr{}", "-(".repeat(nested), ")".repeat(nested))),
        ("conditionals", format!("{}1 kr{}", "om 1 > 0 då ".repeat(nested), " annars 0 kr".repeat(nested))),
        ("conditionals after `+`", format!("{}1 kr{}", "1 kr + om 1 > 0 då ".repeat(nested), " annars 0 kr".repeat(nested))),
        ("function calls", format!("{}1 kr{}", "max(".repeat(nested), "; 0 kr)".repeat(nested))),
        ("operators", sum.clone()),
        ("all at once", format!("{}{}{sum}{}", "-".repeat(half), "(".repeat(nested - half), ")".repeat(nested - half))),
    ];
    let on_stack = |mb: usize, what: &str, run: Box<dyn FnOnce() + Send>| {
        let thread = std::thread::Builder::new().stack_size(mb << 20).spawn(run).expect("spawn");
        assert!(thread.join().is_ok(), "{what}: failed on a {mb} MB stack");
    };
    for (what, formula) in cases {
        let text = format!("regelverk \"R\"\når 2023\nversion 1.0\ndokumentägare \"S\"\n{}", with_formula(&formula));
        let source = SourceFile::new(NAME, text);
        let (s, w) = (source.clone(), what.to_string());
        on_stack(
            2,
            what,
            Box::new(move || {
                let checked = check_source(s, None, &mut vec![]);
                assert!(checked.model.is_some(), "{w}:\n{}", checked.render());
            }),
        );
        let w = what.to_string();
        on_stack(
            8,
            what,
            Box::new(move || {
                ekostyr::fmt::format_source(&source).unwrap_or_else(|d| panic!("{w}: {}", d.render(&source)));
                let model = check_source(source, None, &mut vec![]).model.expect("a model");
                let data = ekostyr::eval::Data::empty(&model);
                ekostyr::eval::evaluate(&model, &data, None, Default::default()).unwrap_or_else(|e| panic!("{w}: {}", e.0.message));
            }),
        );
    }
}
