//! Formulas: the grammar's `expr`, read as a flat run of operands and operators and
//! then grouped by the same precedence as lowering's Pratt parser.

use super::super::ast::{BinOp, Expr, ExprKind, Ident, UnaryOp};
use super::tokens::Reader;
use crate::source::Span;

/// Deeper than this (formulas, prefixes) the formula is left to pest and lowering,
/// which report one past [`super::super::MAX_NESTING`]; it also bounds this reader's recursion.
const DEPTH: usize = 100;
/// More operators than this and the formula is left to lowering (see [`super::super::MAX_OPERATORS`]).
const OPERATORS: usize = 200;

pub(super) const FUNCTIONS: [&str; 5] = ["min", "max", "avrunda", "budget", "volym"];

/// An operand with the prefixes (`-`, `inte`) before it.
struct Operand {
    prefixes: Vec<(UnaryOp, Span)>,
    primary: Expr,
}

impl Reader<'_> {
    /// A whole formula (`formula` in lowering).
    pub(super) fn formula(&mut self) -> Option<Expr> {
        (self.depth, self.operators) = (0, 0);
        let e = self.expr()?;
        if self.operators > OPERATORS {
            self.give_up = true;
        }
        Some(e)
    }

    /// `expr = { prefix* ~ primary ~ (infix ~ prefix* ~ primary)* }`
    fn expr(&mut self) -> Option<Expr> {
        let depth = self.depth;
        let e = self.operations();
        self.depth = depth;
        e
    }

    fn operations(&mut self) -> Option<Expr> {
        self.deeper()?;
        let first = self.operand();
        let mut operands = vec![first?];
        let mut ops = vec![];
        while let Some((op, operand)) = self.attempt(|r| {
            r.skip();
            let op = r.infix()?;
            r.skip();
            Some((op, r.operand()?))
        }) {
            ops.push(op);
            operands.push(operand);
        }
        self.operators += ops.len();
        let mut operands = operands.into_iter();
        let mut ops = ops.into_iter().peekable();
        climb(&mut operands, &mut ops, 0)
    }

    fn deeper(&mut self) -> Option<()> {
        self.depth += 1;
        if self.depth > DEPTH {
            self.give_up = true;
            return None;
        }
        Some(())
    }

    /// `prefix* ~ primary`
    fn operand(&mut self) -> Option<Operand> {
        let depth = self.depth;
        let mut prefixes = vec![];
        let primary = loop {
            let start = self.pos;
            let op = if self.lit("-").is_some() {
                UnaryOp::Neg
            } else if self.word("inte").is_some() {
                UnaryOp::Not
            } else {
                break self.primary();
            };
            prefixes.push((op, self.span(start)));
            self.deeper()?;
            self.skip();
        };
        self.depth = depth;
        Some(Operand { prefixes, primary: primary? })
    }

    /// `infix`, in the grammar's order.
    fn infix(&mut self) -> Option<BinOp> {
        const SYMBOLS: [(&str, BinOp); 14] = [
            ("+", BinOp::Add),
            ("-", BinOp::Sub),
            ("*", BinOp::Mul),
            ("×", BinOp::Mul),
            ("/", BinOp::Div),
            ("÷", BinOp::Div),
            (">=", BinOp::Ge),
            ("<=", BinOp::Le),
            ("!=", BinOp::Ne),
            ("==", BinOp::Eq),
            (">", BinOp::Gt),
            ("<", BinOp::Lt),
            ("och", BinOp::And),
            ("eller", BinOp::Or),
        ];
        SYMBOLS.iter().find_map(|(text, op)| match op {
            BinOp::And | BinOp::Or => self.word(text).map(|()| *op),
            _ => self.lit(text).map(|()| *op),
        })
    }

    /// `primary = _{ conditional | call | sum | quantity | previous | reference | paren }`
    fn primary(&mut self) -> Option<Expr> {
        let start = self.pos;
        let kind = None
            .or_else(|| self.attempt(Self::conditional))
            .or_else(|| self.attempt(Self::call))
            .or_else(|| self.attempt(Self::sum))
            .or_else(|| self.attempt(|r| r.quantity().map(ExprKind::Number)))
            .or_else(|| self.attempt(|r| r.lit("föregående").and_then(|()| r.members(1)).map(ExprKind::Previous)))
            .or_else(|| self.attempt(Self::reference));
        match kind {
            Some(kind) => Some(Expr { kind, span: self.span(start) }),
            None => self.attempt(|r| {
                r.lit("(")?;
                r.skip();
                let inner = r.expr()?;
                r.skip();
                r.lit(")")?;
                Some(Expr { span: r.span(start), ..inner })
            }),
        }
    }

    /// `om c då a annars b`
    fn conditional(&mut self) -> Option<ExprKind> {
        self.word("om")?;
        self.skip();
        let c = self.expr()?;
        self.skip();
        self.word("då")?;
        self.skip();
        let t = self.expr()?;
        self.skip();
        self.word("annars")?;
        self.skip();
        let f = self.expr()?;
        Some(ExprKind::If(Box::new(c), Box::new(t), Box::new(f)))
    }

    /// `min(a; b)`, `budget(platser)`: arguments separated by `;`.
    fn call(&mut self) -> Option<ExprKind> {
        let function = super::super::lower::function(self.word_of(&FUNCTIONS)?);
        self.skip();
        self.lit("(")?;
        let args = self.optional(|r| r.separated(";", Self::expr)).unwrap_or_default();
        self.skip();
        self.lit(")")?;
        Some(ExprKind::Call(function, args))
    }

    /// `summa(expr)`
    fn sum(&mut self) -> Option<ExprKind> {
        self.lit("summa")?;
        self.skip();
        self.lit("(")?;
        self.skip();
        let e = self.expr()?;
        self.skip();
        self.lit(")")?;
        Some(ExprKind::Sum(Box::new(e)))
    }

    /// `reference = ${ ident ~ ("." ~ member)* }`
    fn reference(&mut self) -> Option<ExprKind> {
        let first = self.ident()?;
        let mut names = vec![first];
        names.extend(self.members(0)?);
        Some(ExprKind::Ref(names))
    }

    /// `("." ~ member)*`, at least `least` of them.
    pub(super) fn members(&mut self, least: usize) -> Option<Vec<Ident>> {
        let mut names = vec![];
        while let Some(m) = self.attempt(|r| r.lit(".").and_then(|()| r.member())) {
            names.push(m);
        }
        (names.len() >= least).then_some(names)
    }
}

/// Groups operands and operators binding tighter than `floor`, left to right: the
/// precedence lowering's Pratt parser has (`BinOp::precedence`, which the printer uses).
fn climb(
    operands: &mut impl Iterator<Item = Operand>,
    ops: &mut std::iter::Peekable<impl Iterator<Item = BinOp>>,
    floor: u8,
) -> Option<Expr> {
    let mut lhs = unary(operands.next()?);
    while let Some(op) = ops.next_if(|op| op.precedence() > floor) {
        let rhs = climb(operands, ops, op.precedence())?;
        let span = lhs.span.to(rhs.span);
        lhs = Expr { kind: ExprKind::Binary(op, Box::new(lhs), Box::new(rhs)), span };
    }
    Some(lhs)
}

/// The operand with its prefixes applied, the innermost first.
fn unary(operand: Operand) -> Expr {
    operand.prefixes.into_iter().rev().fold(operand.primary, |rhs, (op, span)| {
        let span = span.to(rhs.span);
        Expr { kind: ExprKind::Unary(op, Box::new(rhs)), span }
    })
}
