//! pest pairs → syntax tree.

use super::Rule;
use super::ast::*;
use crate::diagnostic::Diagnostic;
use crate::source::Span;
use pest::iterators::{Pair, Pairs};
use pest::pratt_parser::{Assoc, Op, PrattParser};
use rust_decimal::Decimal;
use std::str::FromStr;
use std::sync::LazyLock;

type Lowered<T> = Result<T, Diagnostic>;

/// A pair's span without the whitespace and comments pest skipped after its
/// last token (a rule ending in an optional or repeated part takes them in).
fn span(p: &Pair<Rule>, base: usize) -> Span {
    Span::new(base + p.as_span().start(), base + token_end(p))
}

/// The end of a pair's last token, looking through nested pairs.
fn token_end(p: &Pair<Rule>) -> usize {
    let (start, end) = (p.as_span().start(), p.as_span().end());
    // The parser reads the text with its comments blanked out: the last token ends
    // where the whitespace at the end begins, unless a `#` on that last line may
    // start a comment (a text parsed as written, or a `#` in a string).
    let trimmed = p.as_str().trim_end();
    let last_line = memchr::memrchr2(b'\n', b'\r', trimmed.as_bytes()).map_or(trimmed, |i| &trimmed[i + 1..]);
    if !last_line.contains('#') {
        return start + trimmed.len();
    }
    let last = p.clone().into_inner().next_back().map(|i| token_end(&i)).unwrap_or(start);
    last + end_of_tokens(&p.as_str()[last - start..end - start])
}

/// Length of `tail` up to its last character that is neither whitespace nor in a comment.
fn end_of_tokens(tail: &str) -> usize {
    let mut end = 0;
    let mut in_comment = false;
    let mut in_string = false;
    for (i, c) in tail.char_indices() {
        match c {
            '\n' => in_comment = false,
            '#' if !in_string => in_comment = true,
            '"' if !in_comment => {
                in_string = !in_string;
                end = i + 1;
            }
            c if !in_comment && !c.is_whitespace() => end = i + c.len_utf8(),
            _ => {}
        }
    }
    end
}

/// Lowers the `file` pair into its items; each item lowers on its own so one bad
/// literal does not hide the others.
pub(super) fn file(pair: Pair<Rule>, base: usize) -> Vec<Lowered<Item>> {
    pair.into_inner().filter(|p| p.as_rule() != Rule::EOI).map(|p| item(p, base)).collect()
}

fn item(p: Pair<Rule>, b: usize) -> Lowered<Item> {
    let sp = span(&p, b);
    let rule = p.as_rule();
    let mut inner = p.into_inner();
    Ok(match rule {
        Rule::header_regelverk => Item::Regelverk(with_span(string(next(&mut inner), b), sp)),
        Rule::header_year => Item::Year(Located { value: year(&next(&mut inner), b)?, span: sp }),
        Rule::header_version => Item::Version(Located { value: next(&mut inner).as_str().to_string(), span: sp }),
        Rule::header_builds_on => Item::BuildsOn(with_span(string(next(&mut inner), b), sp)),
        Rule::header_owners => Item::Owners(inner.map(|s| string(s, b)).collect(), sp),
        Rule::header_beslut => Item::Decision(decision(inner, b, sp)),
        Rule::parameter => Item::Parameter(parameter(inner, b, sp)?),
        Rule::measure => Item::Measure(measure(inner, b, sp)),
        Rule::board => Item::Board(board(inner, b, sp)?),
        Rule::expectation => Item::Expectation(expectation(inner, b, sp)?),
        Rule::out_of_scope => Item::OutOfScope(out_of_scope(inner, b, sp)),
        other => return Err(unexpected(other, sp)),
    })
}

fn unexpected(rule: Rule, sp: Span) -> Diagnostic {
    Diagnostic::error(sp, crate::tr!("syntax-internal-unexpected", what = super::human_name(rule)))
}

fn with_span(mut s: Str, sp: Span) -> Str {
    s.span = sp;
    s
}

// INVARIANT: the grammar guarantees the children we take exist; a missing one
// would be a grammar/lowering mismatch, caught by the test suite.
fn next<'a>(inner: &mut Pairs<'a, Rule>) -> Pair<'a, Rule> {
    inner.next().expect("grammar guarantees this child")
}

fn ident(p: Pair<Rule>, b: usize) -> Ident {
    Ident { name: p.as_str().to_string(), span: span(&p, b) }
}

fn string(p: Pair<Rule>, b: usize) -> Str {
    let sp = span(&p, b);
    let value = p.into_inner().next().map(|i| i.as_str().to_string()).unwrap_or_default();
    Str { value, span: sp }
}

fn year(p: &Pair<Rule>, b: usize) -> Lowered<i32> {
    p.as_str().parse().map_err(|_| Diagnostic::error(span(p, b), crate::tr!("syntax-not-a-year", text = p.as_str())))
}

/// `YYYY-MM`; any two digits are taken as the month, the checker reports one outside 01–12.
fn month(p: &Pair<Rule>, b: usize) -> Month {
    let text = p.as_str();
    let (y, m) = text.split_once('-').unwrap_or((text, ""));
    // INVARIANT: the grammar gives four digits, `-` and two digits, so both parse.
    Month { year: y.parse().unwrap_or_default(), month: m.parse().unwrap_or_default(), span: span(p, b) }
}

fn decision(mut inner: Pairs<Rule>, b: usize, sp: Span) -> Decision {
    let board = string(next(&mut inner), b);
    let d = next(&mut inner);
    let date = Located { value: d.as_str().to_string(), span: span(&d, b) };
    let (mut dnr, mut about) = (None, None);
    for p in inner {
        match p.as_rule() {
            Rule::beslut_dnr => dnr = p.into_inner().next().map(|s| string(s, b)),
            _ => about = p.into_inner().next().map(|s| string(s, b)),
        }
    }
    Decision { board, date, dnr, about, span: sp }
}

fn parameter(mut inner: Pairs<Rule>, b: usize, sp: Span) -> Lowered<Parameter> {
    let name = ident(next(&mut inner), b);
    let mut v = next(&mut inner);
    let mut unit_decl = None;
    if v.as_rule() == Rule::param_unit {
        if let Some(u) = v.clone().into_inner().next() {
            unit_decl = Some(Located { span: span(&u, b), value: unit(u) });
        }
        v = next(&mut inner);
    }
    let value = match v.as_rule() {
        Rule::table => table(v, b)?,
        _ => ParamValue::Quantity(signed_quantity(v, b)?),
    };
    let steps = inner.map(|s| param_step(s, b)).collect::<Lowered<_>>()?;
    Ok(Parameter { name, unit: unit_decl, value, steps, span: sp })
}

fn param_step(p: Pair<Rule>, b: usize) -> Lowered<ParamStep> {
    let sp = span(&p, b);
    let mut inner = p.into_inner();
    let month = month(&next(&mut inner), b);
    Ok(ParamStep { month, value: signed_quantity(next(&mut inner), b)?, span: sp })
}

fn table(p: Pair<Rule>, b: usize) -> Lowered<ParamValue> {
    let mut inner = p.into_inner();
    let axis = ident(next(&mut inner), b);
    let entries = inner
        .map(|e| {
            let mut e = e.into_inner();
            let key = ident(next(&mut e), b);
            Ok((key, signed_quantity(next(&mut e), b)?))
        })
        .collect::<Lowered<_>>()?;
    Ok(ParamValue::Table { axis, entries })
}

/// `-`? quantity
pub(super) fn signed_quantity(p: Pair<Rule>, b: usize) -> Lowered<Quantity> {
    let sp = span(&p, b);
    let mut inner = p.into_inner();
    let first = next(&mut inner);
    let (negative, q) = match first.as_rule() {
        Rule::sign => (true, next(&mut inner)),
        _ => (false, first),
    };
    let mut q = quantity(q, b)?;
    if negative {
        q.number = -q.number;
        q.span = sp;
    }
    Ok(q)
}

fn quantity(p: Pair<Rule>, b: usize) -> Lowered<Quantity> {
    let sp = span(&p, b);
    let mut inner = p.into_inner();
    let n = next(&mut inner);
    let number = number(&n, b)?;
    let unit = inner.next().map(unit);
    Ok(Quantity { number, unit, span: sp })
}

/// Parses `18 400 000`, `2,9`, `0,90` exactly.
fn number(p: &Pair<Rule>, b: usize) -> Lowered<Decimal> {
    number_value(p.as_str()).ok_or_else(|| {
        Diagnostic::error(span(p, b), crate::tr!("syntax-number-too-large", text = p.as_str()))
            .with_hint(crate::tr!("syntax-hint-significant-digits"))
    })
}

/// The value of a `number`'s text, or `None` when it is too large to be exact.
pub(super) fn number_value(text: &str) -> Option<Decimal> {
    // The common case, up to 18 digits grouped by plain spaces, straight into a
    // mantissa and a scale: what the general reading below gives, without its text.
    let (mut mantissa, mut digits, mut scale, mut fraction) = (0i64, 0u32, 0u32, false);
    for byte in text.bytes() {
        match byte {
            b'0'..=b'9' if digits < 18 => {
                mantissa = mantissa * 10 + i64::from(byte - b'0');
                digits += 1;
                scale += u32::from(fraction);
            }
            b',' | b'.' => fraction = true,
            b' ' => {}
            _ => return number_in_general(text),
        }
    }
    Some(Decimal::new(mantissa, scale))
}

/// [`number_value`] of any length and grouping.
fn number_in_general(text: &str) -> Option<Decimal> {
    let cleaned: String = text.chars().filter(|c| !c.is_whitespace()).map(|c| if c == ',' { '.' } else { c }).collect();
    Decimal::from_str(&cleaned).ok()
}

fn unit(p: Pair<Rule>) -> UnitText {
    let mut inner = p.into_inner();
    let first = next(&mut inner);
    match first.as_rule() {
        Rule::percent => UnitText::Percent,
        // `dygn/plats/dag`: the denominators joined by `/`, as written.
        _ => {
            let den: Vec<&str> = inner.map(|d| d.as_str()).collect();
            UnitText::Named { num: first.as_str().to_string(), den: (!den.is_empty()).then(|| den.join("/")) }
        }
    }
}

fn measure(mut inner: Pairs<Rule>, b: usize, sp: Span) -> MeasureDecl {
    let kind = match next(&mut inner).as_str() {
        "budget" => MeasureKind::Budget,
        _ => MeasureKind::Volume,
    };
    let name = ident(next(&mut inner), b);
    let u = next(&mut inner);
    let unit = Located { span: span(&u, b), value: unit(u) };
    let signed = inner.next().is_some_and(|s| s.as_rule() == Rule::measure_signed);
    MeasureDecl { kind, name, unit, signed, span: sp }
}

fn board(mut inner: Pairs<Rule>, b: usize, sp: Span) -> Lowered<Board> {
    let id = ident(next(&mut inner), b);
    let name = string(next(&mut inner), b);
    let care_forms = inner.map(|c| care_form(c, b)).collect::<Lowered<_>>()?;
    Ok(Board { id, name, care_forms, span: sp })
}

fn care_form(p: Pair<Rule>, b: usize) -> Lowered<CareForm> {
    let sp = span(&p, b);
    let mut inner = p.into_inner();
    let id = ident(next(&mut inner), b);
    let name = string(next(&mut inner), b);
    let assignments = inner.map(|a| assignment(a, b)).collect::<Lowered<_>>()?;
    Ok(CareForm { id, name, assignments, span: sp })
}

fn assignment(p: Pair<Rule>, b: usize) -> Lowered<Assignment> {
    let sp = span(&p, b);
    let mut inner = p.into_inner();
    let id = ident(next(&mut inner), b);
    let name = string(next(&mut inner), b);
    let items = inner.map(|i| assignment_item(i, b)).collect::<Lowered<_>>()?;
    Ok(Assignment { id, name, items, span: sp })
}

fn assignment_item(p: Pair<Rule>, b: usize) -> Lowered<AssignmentItem> {
    let sp = span(&p, b);
    let rule = p.as_rule();
    let mut inner = p.clone().into_inner();
    Ok(match rule {
        Rule::source => AssignmentItem::Source(with_span(string(next(&mut inner), b), sp)),
        Rule::part => AssignmentItem::Part(part(inner, b, sp)),
        Rule::activities => AssignmentItem::Activities(inner.map(|a| activity(a, b)).collect(), sp),
        Rule::id_codes => AssignmentItem::Ids(id_codes(p, b), sp),
        Rule::parameter => AssignmentItem::Parameter(parameter(inner, b, sp)?),
        Rule::let_binding => {
            let name = ident(next(&mut inner), b);
            AssignmentItem::Let(Let { name, expr: formula(next(&mut inner), b)?, span: sp })
        }
        Rule::compensation => {
            let kind = match next(&mut inner).as_str() {
                "fast" => CompensationKind::Fixed,
                _ => CompensationKind::Variable,
            };
            let mut f = next(&mut inner);
            let validity = if f.as_rule() == Rule::validity {
                let v = validity(f, b);
                f = next(&mut inner);
                Some(v)
            } else {
                None
            };
            AssignmentItem::Compensation(Compensation { kind, validity, expr: formula(f, b)?, span: sp })
        }
        Rule::key_figure => AssignmentItem::KeyFigure(key_figure(inner, b, sp)?),
        Rule::change => AssignmentItem::Change(change(inner, b, sp)?),
        Rule::komplement_codes => AssignmentItem::Komplement(id_codes(p, b), sp),
        other => return Err(unexpected(other, sp)),
    })
}

fn part(mut inner: Pairs<Rule>, b: usize, sp: Span) -> Part {
    let id = ident(next(&mut inner), b);
    let name = string(next(&mut inner), b);
    let mut activities = vec![];
    let mut activities_span = Span::default();
    let mut valid = None;
    let rest: Vec<Pair<Rule>> = inner
        .filter_map(|c| match c.as_rule() {
            Rule::activities => {
                activities_span = span(&c, b);
                activities.extend(c.into_inner().map(|a| activity(a, b)));
                None
            }
            Rule::validity => {
                valid = Some(validity(c, b));
                None
            }
            _ => Some(c),
        })
        .collect();
    let (ids, komplement) = codes_and_komplement(rest.into_iter(), b);
    Part { id, name, ids, komplement, validity: valid, activities, activities_span, span: sp }
}
/// `från 2023-05`, `till 2023-09` or both.
fn validity(p: Pair<Rule>, b: usize) -> Validity {
    let sp = span(&p, b);
    let (mut from, mut to) = (None, None);
    for v in p.into_inner() {
        let is_from = v.as_rule() == Rule::valid_from;
        let m = v.into_inner().next().map(|m| month(&m, b));
        if is_from {
            from = m;
        } else {
            to = m;
        }
    }
    Validity { from, to, span: sp }
}

fn activity(p: Pair<Rule>, b: usize) -> Activity {
    let sp = span(&p, b);
    let mut inner = p.into_inner();
    let first = next(&mut inner);
    let (id, name) =
        if first.as_rule() == Rule::ident { (Some(ident(first, b)), string(next(&mut inner), b)) } else { (None, string(first, b)) };
    let (ids, komplement) = codes_and_komplement(inner, b);
    Activity { id, name, ids, komplement, span: sp }
}

/// The `id …` and `komplement …` lists that end a part or an activity (each may be absent).
fn codes_and_komplement<'a>(inner: impl Iterator<Item = Pair<'a, Rule>>, b: usize) -> (Vec<IdCode>, Vec<IdCode>) {
    let (mut ids, mut komplement) = (vec![], vec![]);
    for c in inner {
        match c.as_rule() {
            Rule::komplement_codes => komplement = id_codes(c, b),
            _ => ids = id_codes(c, b),
        }
    }
    (ids, komplement)
}

fn out_of_scope(mut inner: Pairs<Rule>, b: usize, sp: Span) -> OutOfScope {
    let name = string(next(&mut inner), b);
    let ids = id_codes(next(&mut inner), b);
    let source = inner.next().map(|s| {
        let ssp = span(&s, b);
        with_span(string(next(&mut s.into_inner()), b), ssp)
    });
    OutOfScope { name, ids, source, span: sp }
}

fn id_codes(p: Pair<Rule>, b: usize) -> Vec<IdCode> {
    p.into_inner()
        .map(|c| {
            let sp = span(&c, b);
            let rule = c.as_rule();
            let mut parts = c.into_inner().map(|x| x.as_str().to_string());
            let first = parts.next().unwrap_or_default();
            match rule {
                Rule::id_prefix => IdCode::Prefix(first, sp),
                Rule::id_range => IdCode::Range(first, parts.next().unwrap_or_default(), sp),
                _ => IdCode::Exact(first, sp),
            }
        })
        .collect()
}

fn key_figure(mut inner: Pairs<Rule>, b: usize, sp: Span) -> Lowered<KeyFigure> {
    let id = ident(next(&mut inner), b);
    let name = string(next(&mut inner), b);
    let items = inner.map(|i| key_figure_item(i, b)).collect::<Lowered<_>>()?;
    Ok(KeyFigure { id, name, items, span: sp })
}

fn key_figure_item(p: Pair<Rule>, b: usize) -> Lowered<KeyFigureItem> {
    let sp = span(&p, b);
    let rule = p.as_rule();
    let mut inner = p.into_inner();
    Ok(match rule {
        Rule::kf_value => KeyFigureItem::Value(formula(next(&mut inner), b)?, sp),
        Rule::kf_interval => KeyFigureItem::Interval(interval(next(&mut inner).as_str()), sp),
        Rule::kf_recipient => KeyFigureItem::Recipient(string(next(&mut inner), b), sp),
        Rule::kf_responsible => KeyFigureItem::Responsible(string(next(&mut inner), b), sp),
        Rule::kf_from => KeyFigureItem::From(year(&next(&mut inner), b)?, sp),
        Rule::kf_per_part => KeyFigureItem::PerPart(sp),
        Rule::kf_impact => KeyFigureItem::Impact(string(next(&mut inner), b), sp),
        Rule::kf_target => KeyFigureItem::Target(target(next(&mut inner), b)?, sp),
        Rule::kf_series => {
            let id = ident(next(&mut inner), b);
            let name = string(next(&mut inner), b);
            KeyFigureItem::Series(Series { id, name, value: formula(next(&mut inner), b)? }, sp)
        }
        Rule::kf_aggregation => KeyFigureItem::Aggregation(ident(next(&mut inner), b), sp),
        Rule::kf_annualised => KeyFigureItem::Annualised(inner.next().is_none(), sp),
        Rule::kf_plausible => {
            let low = signed_quantity(next(&mut inner), b)?;
            KeyFigureItem::Plausible(low, signed_quantity(next(&mut inner), b)?, sp)
        }
        other => return Err(unexpected(other, sp)),
    })
}

// INVARIANT: the grammar's `interval` matches only the vocabulary's interval words.
fn interval(text: &str) -> Interval {
    Interval::from_keyword(text).unwrap_or(Interval::Årsvis)
}

fn target(p: Pair<Rule>, b: usize) -> Lowered<Target> {
    let rule = p.as_rule();
    let mut inner = p.into_inner();
    if rule == Rule::target_range {
        let low = signed_quantity(next(&mut inner), b)?;
        return Ok(Target::Between(low, signed_quantity(next(&mut inner), b)?));
    }
    let op = next(&mut inner).as_str().to_string();
    let q = signed_quantity(next(&mut inner), b)?;
    Ok(if op == ">=" { Target::AtLeast(q) } else { Target::AtMost(q) })
}

fn change(mut inner: Pairs<Rule>, b: usize, sp: Span) -> Lowered<Change> {
    let id = ident(next(&mut inner), b);
    let name = string(next(&mut inner), b);
    let items = inner.map(|i| change_item(i, b)).collect::<Lowered<_>>()?;
    Ok(Change { id, name, items, span: sp })
}

fn change_item(p: Pair<Rule>, b: usize) -> Lowered<ChangeItem> {
    let sp = span(&p, b);
    let rule = p.as_rule();
    let mut inner = p.clone().into_inner();
    Ok(match rule {
        Rule::change_kind => ChangeItem::Kind(change_kind(next(&mut inner).as_str()), sp),
        Rule::change_amount => ChangeItem::Amount(formula(next(&mut inner), b)?, sp),
        Rule::change_from => ChangeItem::From(month(&next(&mut inner), b), sp),
        Rule::change_to => ChangeItem::To(month(&next(&mut inner), b), sp),
        Rule::change_decision => {
            let board = string(next(&mut inner), b);
            let d = next(&mut inner);
            let date = Located { value: d.as_str().to_string(), span: span(&d, b) };
            let dnr = inner.next().map(|s| string(s, b));
            ChangeItem::Decision(ChangeDecision { board, date, dnr }, sp)
        }
        Rule::change_report => {
            let text = string(next(&mut inner), b);
            let due = inner.next().map(|d| Located { value: d.as_str().to_string(), span: span(&d, b) });
            ChangeItem::Report(text, due, sp)
        }
        Rule::id_codes => ChangeItem::Ids(id_codes(p, b), sp),
        other => return Err(unexpected(other, sp)),
    })
}

/// A `change_type`'s word as its kind.
// INVARIANT: the grammar's `change_type` matches only these five words.
pub(super) fn change_kind(word: &str) -> ChangeKind {
    match word {
        "statsbidrag" => ChangeKind::Statsbidrag,
        "övertagande" => ChangeKind::Övertagande,
        "större_förändring" => ChangeKind::StörreFörändring,
        "justering" => ChangeKind::Justering,
        _ => ChangeKind::RiktadSatsning,
    }
}

fn expectation(mut inner: Pairs<Rule>, b: usize, sp: Span) -> Lowered<Expectation> {
    let name = string(next(&mut inner), b);
    let items = inner.map(|i| expect_item(i, b)).collect::<Lowered<_>>()?;
    Ok(Expectation { name, items, span: sp })
}

fn path(p: Pair<Rule>, b: usize) -> Vec<Ident> {
    p.into_inner().map(|m| ident(m, b)).collect()
}

fn expect_item(p: Pair<Rule>, b: usize) -> Lowered<ExpectItem> {
    let sp = span(&p, b);
    let rule = p.as_rule();
    let mut inner = p.into_inner();
    Ok(match rule {
        Rule::expect_input => ExpectItem::Input(string(next(&mut inner), b), sp),
        Rule::expect_budget => {
            let path = path(next(&mut inner), b);
            ExpectItem::Budget(path, signed_quantity(next(&mut inner), b)?, sp)
        }
        Rule::expect_volume => {
            let m = month(&next(&mut inner), b);
            let path = path(next(&mut inner), b);
            ExpectItem::Volume(m, path, signed_quantity(next(&mut inner), b)?, sp)
        }
        Rule::expect_ledger => {
            let m = month(&next(&mut inner), b);
            let code = ident(next(&mut inner), b);
            ExpectItem::Ledger(m, code, signed_quantity(next(&mut inner), b)?, sp)
        }
        Rule::expect_value => expect_value(inner, b, sp)?,
        other => return Err(unexpected(other, sp)),
    })
}

fn expect_value(mut inner: Pairs<Rule>, b: usize, sp: Span) -> Lowered<ExpectItem> {
    let path = path(next(&mut inner), b);
    let mut rest: Vec<Pair<Rule>> = inner.collect();
    let month = match rest.first() {
        Some(m) if m.as_rule() == Rule::month => Some(month(&rest.remove(0), b)),
        _ => None,
    };
    let mut rest = rest.into_iter();
    let expected = signed_quantity(rest.next().ok_or_else(|| unexpected(Rule::expect_value, sp))?, b)?;
    let tolerance = rest.next().map(|t| signed_quantity(t, b)).transpose()?;
    Ok(ExpectItem::Value { path, month, expected, tolerance, span: sp })
}

static PRATT: LazyLock<PrattParser<Rule>> = LazyLock::new(|| {
    PrattParser::new()
        .op(Op::infix(Rule::or, Assoc::Left))
        .op(Op::infix(Rule::and, Assoc::Left))
        .op(Op::infix(Rule::ge, Assoc::Left)
            | Op::infix(Rule::le, Assoc::Left)
            | Op::infix(Rule::gt, Assoc::Left)
            | Op::infix(Rule::lt, Assoc::Left)
            | Op::infix(Rule::eq, Assoc::Left)
            | Op::infix(Rule::ne, Assoc::Left))
        .op(Op::infix(Rule::add, Assoc::Left) | Op::infix(Rule::sub, Assoc::Left))
        .op(Op::infix(Rule::mul, Assoc::Left) | Op::infix(Rule::div, Assoc::Left))
        .op(Op::prefix(Rule::neg) | Op::prefix(Rule::not))
});

/// How deep a formula may nest. A level is a `-` or `inte`, a function's
/// arguments, `summa(…)`, the parts of `om … då … annars …`, or parentheses, except
/// those around the operand of `-`/`inte` or around a whole `om`: the formatter
/// writes `--x` as `-(-x)` and parenthesizes a nested `om`, and its output must
/// stay within the limit. Every later stage (resolver, cycle check, formatter,
/// evaluator) recurses over the formula tree, so this bound, checked before
/// lowering recurses, is what keeps them on the stack.
pub const MAX_NESTING: usize = 128;

/// How many binary operators one formula may have: a chain `a + b + c …` is a
/// tree as deep as it is long.
pub const MAX_OPERATORS: usize = 256;

/// Lowers a whole formula after checking that it is not too deep for the stages
/// that recurse over it.
fn formula(p: Pair<Rule>, b: usize) -> Lowered<Expr> {
    check_depth(&p, b)?;
    expr(p, b)
}

/// Checks the nesting ([`MAX_NESTING`]) and length ([`MAX_OPERATORS`]) of a
/// formula, walking its pairs with a work list rather than recursion. Reports the
/// first place, in source order, where a limit is passed.
fn check_depth(p: &Pair<Rule>, b: usize) -> Lowered<()> {
    let mut too_deep_at: Option<usize> = None;
    let mut operators: Vec<Pair<Rule>> = vec![];
    let mut todo: Vec<(Pair<Rule>, usize)> = vec![(p.clone(), 1)];
    while let Some((e, level)) = todo.pop() {
        let mut prefixes = 0;
        let mut deep = |at: usize, level: usize| {
            if level > MAX_NESTING && too_deep_at.is_none_or(|x| at < x) {
                too_deep_at = Some(at);
            }
        };
        for q in e.into_inner() {
            // Parentheses are a pair of their own only so spans include them.
            let q = match q.as_rule() {
                Rule::paren => q.clone().into_inner().next().unwrap_or(q),
                _ => q,
            };
            let start = q.as_span().start();
            match q.as_rule() {
                Rule::neg | Rule::not => {
                    prefixes += 1;
                    deep(start, level + prefixes);
                }
                Rule::add
                | Rule::sub
                | Rule::mul
                | Rule::div
                | Rule::ge
                | Rule::le
                | Rule::ne
                | Rule::eq
                | Rule::gt
                | Rule::lt
                | Rule::and
                | Rule::or => operators.push(q),
                Rule::expr => {
                    let free = prefixes > 0 || is_whole_conditional(&q);
                    let level = level + std::mem::take(&mut prefixes) + usize::from(!free);
                    deep(start, level);
                    todo.push((q, level));
                }
                _ => {
                    let level = level + std::mem::take(&mut prefixes) + 1;
                    for inner in q.into_inner().filter(|i| i.as_rule() == Rule::expr) {
                        deep(inner.as_span().start(), level);
                        todo.push((inner, level));
                    }
                }
            }
        }
    }
    if let Some(at) = too_deep_at {
        return Err(too_deep(Span::new(b + at, b + at + 1)));
    }
    operators.sort_by_key(|q| q.as_span().start());
    match operators.get(MAX_OPERATORS) {
        Some(op) => Err(Diagnostic::error(span(op, b), crate::tr!("syntax-formula-too-long", max = MAX_OPERATORS.to_string()))
            .with_hint(crate::tr!("syntax-hint-split-formula"))),
        None => Ok(()),
    }
}

/// Whether a parenthesized formula is one `om … då … annars …`.
fn is_whole_conditional(e: &Pair<Rule>) -> bool {
    let mut inner = e.clone().into_inner();
    matches!((inner.next().map(|q| q.as_rule()), inner.next()), (Some(Rule::conditional), None))
}

/// The error for a formula nested deeper than [`MAX_NESTING`].
pub(super) fn too_deep(span: Span) -> Diagnostic {
    Diagnostic::error(span, crate::tr!("syntax-formula-too-deep", max = MAX_NESTING.to_string()))
        .with_hint(crate::tr!("syntax-hint-split-formula"))
}

/// Lowers an `expr` pair with operator precedence.
fn expr(p: Pair<Rule>, b: usize) -> Lowered<Expr> {
    PRATT
        .map_primary(|prim| primary(prim, b))
        .map_prefix(|op, rhs| {
            let rhs = rhs?;
            let sp = span(&op, b).to(rhs.span);
            let op = if op.as_rule() == Rule::neg { UnaryOp::Neg } else { UnaryOp::Not };
            Ok(Expr { kind: ExprKind::Unary(op, Box::new(rhs)), span: sp })
        })
        .map_infix(|lhs, op, rhs| {
            let (lhs, rhs) = (lhs?, rhs?);
            let sp = lhs.span.to(rhs.span);
            Ok(Expr { kind: ExprKind::Binary(bin_op(op.as_rule()), Box::new(lhs), Box::new(rhs)), span: sp })
        })
        .parse(p.into_inner())
}

fn bin_op(rule: Rule) -> BinOp {
    match rule {
        Rule::add => BinOp::Add,
        Rule::sub => BinOp::Sub,
        Rule::mul => BinOp::Mul,
        Rule::div => BinOp::Div,
        Rule::lt => BinOp::Lt,
        Rule::le => BinOp::Le,
        Rule::gt => BinOp::Gt,
        Rule::ge => BinOp::Ge,
        Rule::eq => BinOp::Eq,
        Rule::ne => BinOp::Ne,
        Rule::and => BinOp::And,
        _ => BinOp::Or,
    }
}

fn primary(p: Pair<Rule>, b: usize) -> Lowered<Expr> {
    let sp = span(&p, b);
    let rule = p.as_rule();
    let mut inner = p.clone().into_inner();
    let kind = match rule {
        Rule::expr => return expr(p, b),
        Rule::paren => return Ok(Expr { span: sp, ..expr(next(&mut inner), b)? }),
        Rule::quantity => ExprKind::Number(quantity(p, b)?),
        Rule::reference => ExprKind::Ref(inner.map(|i| ident(i, b)).collect()),
        Rule::previous => ExprKind::Previous(inner.map(|i| ident(i, b)).collect()),
        Rule::sum => ExprKind::Sum(Box::new(expr(next(&mut inner), b)?)),
        Rule::conditional => {
            let mut parts = inner.filter(|p| p.as_rule() == Rule::expr).map(|e| expr(e, b).map(Box::new));
            let (Some(c), Some(t), Some(f)) = (parts.next(), parts.next(), parts.next()) else { return Err(unexpected(rule, sp)) };
            ExprKind::If(c?, t?, f?)
        }
        Rule::call => {
            let f = function(next(&mut inner).as_str());
            ExprKind::Call(f, inner.map(|a| expr(a, b)).collect::<Lowered<_>>()?)
        }
        other => return Err(unexpected(other, sp)),
    };
    Ok(Expr { kind, span: sp })
}

pub(super) fn function(name: &str) -> Function {
    match name {
        "min" => Function::Min,
        "max" => Function::Max,
        "avrunda" => Function::Round,
        "budget" => Function::Budget,
        _ => Function::Volume,
    }
}

/// Finds every `#` comment outside string literals (a string ends at its line's end).
pub(super) fn comments(text: &str) -> Vec<Comment> {
    let bytes = text.as_bytes();
    let mut out = vec![];
    let (mut in_string, mut in_comment) = (false, false);
    for i in memchr::memchr3_iter(b'\n', b'"', b'#', bytes) {
        match bytes[i] {
            b'\n' => (in_string, in_comment) = (false, false),
            _ if in_comment => {}
            b'"' => in_string = !in_string,
            _ if !in_string => {
                let line_end = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
                // INVARIANT: `#` and the line break are ASCII, so both cuts are character ends.
                let body = text.get(i + 1..line_end).unwrap_or_default().trim_end_matches(['\n', '\r']);
                out.push(Comment { text: body.to_string(), span: Span::new(i, i + 1 + body.len()) });
                in_comment = true;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pest::Parser as _;
    use proptest::prelude::*;

    /// A number as the grammar reads it, as one pair.
    fn pair(text: &str) -> Pair<'_, Rule> {
        let mut pairs = super::super::RuleParser::parse(Rule::number, text).expect("a number of the grammar");
        pairs.next().expect("one pair")
    }

    /// [`comments`] by its definition: each line's first `#` outside a string.
    fn comments_line_by_line(text: &str) -> Vec<(String, Span)> {
        let mut out = vec![];
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let mut in_string = false;
            for (i, c) in line.char_indices() {
                match c {
                    '"' => in_string = !in_string,
                    '#' if !in_string => {
                        let body = line[i + 1..].trim_end_matches(['\n', '\r']);
                        out.push((body.to_string(), Span::new(offset + i, offset + i + 1 + body.len())));
                        break;
                    }
                    _ => {}
                }
            }
            offset += line.len();
        }
        out
    }

    proptest! {
        /// Comments are found as the line-by-line definition finds them.
        #[test]
        fn comments_are_each_lines_first_hash_outside_a_string(text in "([a-zå \"#\r]{0,12}\n?){0,8}") {
            let found: Vec<(String, Span)> = comments(&text).into_iter().map(|c| (c.text, c.span)).collect();
            prop_assert_eq!(found, comments_line_by_line(&text));
        }

        /// The common case's reading gives what the general reading gives, to the
        /// scale, for numbers of every length and grouping the grammar takes.
        #[test]
        fn a_number_reads_as_the_general_reading(
            text in "[0-9]{1,3}([ \u{a0}][0-9]{3}){0,9}([,.][0-9]{1,16})?|[0-9]{1,32}([,.][0-9]{1,24})?"
        ) {
            let p = pair(&text);
            let (fast, general) = (number(&p, 0), number_in_general(p.as_str()));
            prop_assert_eq!(fast.is_ok(), general.is_some(), "{}", text);
            if let (Ok(fast), Some(general)) = (fast, general) {
                prop_assert_eq!(fast.to_string(), general.to_string(), "{}", text);
                prop_assert_eq!(fast.scale(), general.scale());
            }
        }
    }
}
