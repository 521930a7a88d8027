//! Formulas and literals on one line: numbers as Swedish finance staff write them,
//! and the fewest parentheses that keep the tree's shape.

use super::keywords::{ANNARS, DÅ, FÖREGÅENDE, INTE, OM, SUMMA};
use crate::syntax::ast::{BinOp, Expr, ExprKind, Ident, Quantity, UnaryOp, UnitText};
use rust_decimal::Decimal;

/// A formula on one line.
pub(super) fn expr(e: &Expr) -> String {
    let mut out = String::new();
    write(&mut out, e);
    out
}

fn write(out: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::Number(q) => out.push_str(&quantity(q)),
        ExprKind::Ref(path) => out.push_str(&dotted(path)),
        ExprKind::Previous(path) => out.push_str(&format!("{FÖREGÅENDE}.{}", dotted(path))),
        ExprKind::Unary(op, x) => unary(out, *op, x),
        ExprKind::Binary(op, l, r) => binary(out, *op, l, r),
        ExprKind::Call(f, args) => call(out, f.name(), args),
        ExprKind::Sum(x) => call(out, SUMMA, std::slice::from_ref(&**x)),
        ExprKind::If(c, a, b) => conditional(out, c, a, b),
    }
}

/// `a + b`, its operands parenthesized where [`needs_parens`] says so.
fn binary(out: &mut String, op: BinOp, l: &Expr, r: &Expr) {
    operand(out, l, needs_parens(op, l, Side::Left));
    out.push(' ');
    out.push_str(op.symbol());
    out.push(' ');
    operand(out, r, needs_parens(op, r, Side::Right));
}

/// Which operand of a binary operator.
#[derive(Clone, Copy)]
enum Side {
    Left,
    Right,
}

/// A left operand needs parentheses when it binds looser than `op`, a right one
/// also when it binds the same (every operator associates to the left), and an
/// `om` always, since its `annars` branch would swallow what follows.
fn needs_parens(op: BinOp, e: &Expr, side: Side) -> bool {
    match (&e.kind, side) {
        (ExprKind::Binary(inner, ..), Side::Left) => inner.precedence() < op.precedence(),
        (ExprKind::Binary(inner, ..), Side::Right) => inner.precedence() <= op.precedence(),
        (ExprKind::If(..), _) => true,
        _ => false,
    }
}

/// `-x`, `inte x`; a compound operand goes in parentheses: `-(a + b)`.
fn unary(out: &mut String, op: UnaryOp, x: &Expr) {
    match op {
        UnaryOp::Neg => out.push('-'),
        UnaryOp::Not => out.push_str(&format!("{INTE} ")),
    }
    let compound = matches!(x.kind, ExprKind::Binary(..) | ExprKind::Unary(..) | ExprKind::If(..));
    operand(out, x, compound);
}

/// `om c då a annars b`; a nested `om` as condition or `då` branch is
/// parenthesized for the reader (the grammar would not need it).
fn conditional(out: &mut String, c: &Expr, a: &Expr, b: &Expr) {
    let is_if = |e: &Expr| matches!(e.kind, ExprKind::If(..));
    out.push_str(&format!("{OM} "));
    operand(out, c, is_if(c));
    out.push_str(&format!(" {DÅ} "));
    operand(out, a, is_if(a));
    out.push_str(&format!(" {ANNARS} "));
    write(out, b);
}

/// `name(a; b)`, arguments separated as in Swedish Excel.
fn call(out: &mut String, name: &str, args: &[Expr]) {
    let args: Vec<String> = args.iter().map(expr).collect();
    out.push_str(&format!("{name}({})", args.join("; ")));
}

fn operand(out: &mut String, e: &Expr, parenthesized: bool) {
    if parenthesized {
        out.push('(');
        write(out, e);
        out.push(')');
    } else {
        write(out, e);
    }
}

/// `a.b.c`
pub(super) fn dotted(path: &[Ident]) -> String {
    let names: Vec<&str> = path.iter().map(|i| i.name.as_str()).collect();
    names.join(".")
}

/// A literal: `2 050 kr/dygn`, `2,9 %`, `-0,5`.
pub(super) fn quantity(q: &Quantity) -> String {
    let mut out = String::with_capacity(24);
    push_quantity(&mut out, q);
    out
}

/// [`quantity`], written onto `out`.
pub(super) fn push_quantity(out: &mut String, q: &Quantity) {
    push_number(out, q.number);
    if let Some(u) = &q.unit {
        out.push(' ');
        push_unit(out, u);
    }
}

/// `%`, `kr`, `kr/timme`.
pub(super) fn unit(u: &UnitText) -> String {
    let mut out = String::new();
    push_unit(&mut out, u);
    out
}

pub(super) fn push_unit(out: &mut String, u: &UnitText) {
    match u {
        UnitText::Percent => out.push('%'),
        UnitText::Named { num, den } => {
            out.push_str(num);
            if let Some(den) = den {
                out.push('/');
                out.push_str(den);
            }
        }
    }
}

/// A number with a decimal comma, its scale as written (`0,90`), and the integer
/// part grouped by threes with a space once it has four digits or more
/// (`1 700`, `18 400 000`).
pub(super) fn number(n: Decimal) -> String {
    let mut out = String::new();
    push_number(&mut out, n);
    out
}

/// [`number`], written onto `out` (a rule file of 50 000 parameters formats as many
/// numbers: one buffer, not one per part of each).
fn push_number(out: &mut String, n: Decimal) {
    let digits = n.abs().to_string();
    let (int, frac) = digits.split_once('.').unwrap_or((digits.as_str(), ""));
    if n.is_sign_negative() {
        out.push('-');
    }
    for (i, digit) in int.bytes().enumerate() {
        if i > 0 && int.len() >= 4 && (int.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(char::from(digit));
    }
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn num(text: &str) -> String {
        number(Decimal::from_str(text).expect("a decimal"))
    }

    #[test]
    fn groups_from_four_digits() {
        assert_eq!(num("540"), "540");
        assert_eq!(num("1700"), "1 700");
        assert_eq!(num("18400000"), "18 400 000");
        assert_eq!(num("620000"), "620 000");
    }

    #[test]
    fn keeps_the_scale_and_writes_a_comma() {
        assert_eq!(num("0.90"), "0,90");
        assert_eq!(num("1.00"), "1,00");
        assert_eq!(num("2.9"), "2,9");
        assert_eq!(num("12345.678"), "12 345,678");
    }

    #[test]
    fn negative_numbers_lead_with_a_minus() {
        assert_eq!(num("-5"), "-5");
        assert_eq!(num("-2500000.5"), "-2 500 000,5");
    }
}
