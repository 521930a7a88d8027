//! The canonical printer: snapshots of messy inputs (`tests/fmt/*.ek`), idempotence,
//! parse ∘ fmt = id over every shipped rule file, and random formulas.

use ekostyr::fmt::{format_file, format_source};
use ekostyr::source::{Source, SourceFile};
use ekostyr::syntax::{self, ast};
use std::path::{Path, PathBuf};

fn load(path: &Path) -> Source {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    SourceFile::new(path.display().to_string(), text)
}

fn format(source: &Source) -> String {
    format_source(source).unwrap_or_else(|d| panic!("{}", d.render(source)))
}

fn parse(source: &Source) -> ast::File {
    syntax::parse(source).unwrap_or_else(|d| panic!("{}", d.render(source)))
}

fn tree(file: &ast::File) -> serde_json::Value {
    serde_json::to_value(file).expect("a syntax tree serializes")
}

fn comments(file: &ast::File) -> Vec<String> {
    file.comments.iter().map(|c| c.text.trim_end().to_string()).collect()
}

/// Every `*.ek` file in `dir` (relative to the crate), sorted; fails when there is none.
fn ek_files(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut files: Vec<PathBuf> =
        entries.map(|e| e.expect("a directory entry").path()).filter(|p| p.extension().is_some_and(|x| x == "ek")).collect();
    files.sort();
    assert!(!files.is_empty(), "no .ek files in {}", dir.display());
    files
}

#[test]
fn formats_messy_inputs() {
    insta::glob!("fmt/*.ek", |path| {
        insta::assert_snapshot!(format(&load(path)));
    });
}

#[test]
fn formatting_is_idempotent() {
    for path in ek_files("tests/fmt").into_iter().chain(ek_files("rules")) {
        let once = format(&load(&path));
        let twice = format(&SourceFile::new(path.display().to_string(), once.clone()));
        assert_eq!(once, twice, "{} is not stable under formatting", path.display());
    }
}

#[test]
fn rule_files_keep_their_tree_and_comments() {
    for path in ek_files("rules") {
        let source = load(&path);
        let before = parse(&source);
        let formatted = format_file(&before, &source);
        let after = parse(&SourceFile::new("formatted", formatted));
        assert_eq!(tree(&before), tree(&after), "{}: tree changed", path.display());
        assert_eq!(comments(&before), comments(&after), "{}: comments changed", path.display());
    }
}

#[test]
fn test_inputs_keep_their_tree_and_comments() {
    for path in ek_files("tests/fmt") {
        let source = load(&path);
        let before = parse(&source);
        let after = parse(&SourceFile::new("formatted", format_file(&before, &source)));
        assert_eq!(tree(&before), tree(&after), "{}: tree changed", path.display());
        assert_eq!(comments(&before), comments(&after), "{}: comments changed", path.display());
    }
}

#[test]
fn reference_rules_snapshot() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/2023.ek");
    insta::assert_snapshot!(format(&load(&path)));
}

#[test]
fn reference_rules_are_canonical() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/2023.ek");
    let source = load(&path);
    assert!(format(&source) == source.text, "rules/2023.ek is not formatted: run `ekostyr fmt rules/2023.ek`");
}

#[test]
fn a_file_ends_with_exactly_one_newline() {
    let source = SourceFile::new("x.ek", "år 2023\n\n\n# slut\n\n\n");
    assert_eq!(format(&source), "år 2023\n\n# slut\n");
    assert_eq!(format(&SourceFile::new("x.ek", "år 2023")), "år 2023\n");
}

#[test]
fn windows_line_endings_become_unix_ones() {
    let source = SourceFile::new("x.ek", "år 2023\r\n\r\n\r\nversion 1.0 # basår\r\n");
    assert_eq!(format(&source), "år 2023\n\nversion 1.0  # basår\n");
}

#[test]
fn an_empty_file_stays_empty() {
    assert_eq!(format(&SourceFile::new("x.ek", "")), "");
    assert_eq!(format(&SourceFile::new("x.ek", "\n\n  \n")), "");
}

#[test]
fn a_syntax_error_is_reported_not_formatted() {
    let source = SourceFile::new("x.ek", "parameter x = \n");
    assert!(format_source(&source).is_err());
}

mod random_formulas {
    use super::*;
    use ast::{BinOp, Expr, ExprKind, Function, Ident, Quantity, UnaryOp, UnitText};
    use ekostyr::source::Span;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    const TEMPLATE: &str = "nämnd A \"A\" {\n  vårdform b \"B\" {\n    uppdrag c \"C\" {\n      ersättning fast = 0\n    }\n  }\n}\n";

    fn expr(kind: ExprKind) -> Expr {
        Expr { kind, span: Span::default() }
    }

    fn ident(name: &str) -> Ident {
        Ident { name: name.to_string(), span: Span::default() }
    }

    fn unit() -> impl Strategy<Value = Option<UnitText>> {
        let named = |num: &str, den: Option<&str>| UnitText::Named { num: num.into(), den: den.map(Into::into) };
        prop_oneof![
            Just(None),
            Just(Some(UnitText::Percent)),
            Just(Some(named("kr", None))),
            Just(Some(named("kr", Some("timme")))),
            Just(Some(named("dygn", None))),
        ]
    }

    fn number() -> impl Strategy<Value = Expr> {
        (0i64..100_000_000_000, 0u32..4, unit()).prop_map(|(m, scale, unit)| {
            let q = Quantity { number: Decimal::new(m, scale), unit, span: Span::default() };
            expr(ExprKind::Number(q))
        })
    }

    /// Names that tempt the parser: a function name, unit names, keyword prefixes.
    fn name() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec!["a", "timpris", "min", "dagar", "kr", "område", "inteckning", "årsarbetare_grund", "x2"])
    }

    fn member() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec!["fast", "år", "del", "grund", "om"])
    }

    fn leaf() -> impl Strategy<Value = Expr> {
        let reference = (name(), prop::collection::vec(member(), 0..2)).prop_map(|(first, rest)| {
            let path = std::iter::once(first).chain(rest).map(ident).collect();
            expr(ExprKind::Ref(path))
        });
        let previous =
            prop::collection::vec(member(), 1..3).prop_map(|path| expr(ExprKind::Previous(path.into_iter().map(ident).collect())));
        prop_oneof![3 => number(), 3 => reference, 1 => previous]
    }

    fn bin_op() -> impl Strategy<Value = BinOp> {
        use BinOp::*;
        prop::sample::select(vec![Add, Sub, Mul, Div, Lt, Le, Gt, Ge, Eq, Ne, And, Or])
    }

    fn function() -> impl Strategy<Value = Function> {
        prop::sample::select(vec![Function::Min, Function::Max, Function::Round, Function::Budget, Function::Volume])
    }

    fn formula() -> impl Strategy<Value = Expr> {
        leaf().prop_recursive(5, 40, 3, |inner| {
            prop_oneof![
                4 => (bin_op(), inner.clone(), inner.clone()).prop_map(|(op, l, r)| expr(ExprKind::Binary(op, Box::new(l), Box::new(r)))),
                1 => (prop::bool::ANY, inner.clone())
                    .prop_map(|(neg, x)| expr(ExprKind::Unary(if neg { UnaryOp::Neg } else { UnaryOp::Not }, Box::new(x)))),
                1 => (function(), prop::collection::vec(inner.clone(), 0..3)).prop_map(|(f, args)| expr(ExprKind::Call(f, args))),
                1 => inner.clone().prop_map(|x| expr(ExprKind::Sum(Box::new(x)))),
                1 => (inner.clone(), inner.clone(), inner).prop_map(|(c, a, b)| expr(ExprKind::If(Box::new(c), Box::new(a), Box::new(b)))),
            ]
        })
    }

    fn compensation(file: &mut ast::File) -> &mut Expr {
        let ast::Item::Board(board) = &mut file.items[0] else { panic!("the template starts with a board") };
        let ast::AssignmentItem::Compensation(c) = &mut board.care_forms[0].assignments[0].items[0] else {
            panic!("the template's assignment holds a compensation")
        };
        &mut c.expr
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn a_formula_survives_formatting(e in formula()) {
            let template = SourceFile::new("template.ek", TEMPLATE);
            let mut file = parse(&template);
            *compensation(&mut file) = e;
            let formatted = format_file(&file, &template);
            let reparsed = syntax::parse(&SourceFile::new("formatted.ek", formatted.clone()));
            let reparsed = reparsed.map_err(|_| TestCaseError::fail(format!("does not parse:\n{formatted}")))?;
            prop_assert_eq!(tree(&file), tree(&reparsed), "formatted as:\n{}", formatted);
        }
    }
}
