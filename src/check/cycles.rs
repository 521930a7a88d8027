//! Cycles between formulas: `låt` bindings and compensations that depend on
//! themselves. The cycle is shown in full.

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::*;
use crate::syntax::ast;
use crate::tr;
use crate::vocab::Figure;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Node {
    Let(AssignmentId, LetId),
    Comp(AssignmentId, CompKind),
}

fn formula(model: &Model, n: Node) -> Option<&Formula> {
    match n {
        Node::Let(a, l) => Some(&model.assignments[a].lets[l].formula),
        Node::Comp(a, CompKind::Fixed) => model.assignments[a].fixed.as_ref(),
        Node::Comp(a, CompKind::Variable) => model.assignments[a].variable.as_ref(),
    }
}

fn label(model: &Model, n: Node) -> String {
    match n {
        Node::Let(a, l) => format!("{}.{}", model.assignments[a].id, model.assignments[a].lets[l].name),
        Node::Comp(a, k) => format!("{}.{}", model.assignments[a].id, if k == CompKind::Fixed { Figure::Fixed } else { Figure::Variable }),
    }
}

/// Direct dependencies of a formula on other formulas (not through `föregående`).
fn deps(e: &Expr, out: &mut Vec<Node>) {
    match &e.kind {
        ExprKind::Let(a, l) => out.push(Node::Let(*a, *l)),
        ExprKind::Compensation(a, k) => out.push(Node::Comp(*a, *k)),
        _ => e.children().into_iter().for_each(|x| deps(x, out)),
    }
}

/// Reports each cycle once, at the first formula of the cycle in source order.
pub(super) fn check(_file: &ast::File, model: &Model, diags: &mut Diagnostics) {
    let nodes: Vec<Node> = model
        .assignment_ids()
        .flat_map(|a| {
            let lets = model.assignments[a].let_ids().map(move |l| Node::Let(a, l));
            lets.chain([Node::Comp(a, CompKind::Fixed), Node::Comp(a, CompKind::Variable)])
        })
        .filter(|n| formula(model, *n).is_some())
        .collect();
    let mut reported: Vec<Node> = vec![];
    for &start in &nodes {
        if reported.contains(&start) {
            continue;
        }
        if let Some(cycle) = find_cycle(model, start, &mut vec![start]) {
            reported.extend(cycle.iter().copied());
            let names: Vec<String> = cycle.iter().chain(cycle.first()).map(|n| format!("`{}`", label(model, *n))).collect();
            let span = formula(model, start).map(|f| f.expr.span).unwrap_or_default();
            diags.push(Diagnostic::error(span, tr!("check-cycle", cycle = names.join(" → "))).with_hint(tr!("check-hint-cycle")));
        }
    }
}

fn find_cycle(model: &Model, start: Node, path: &mut Vec<Node>) -> Option<Vec<Node>> {
    let mut next = vec![];
    deps(&formula(model, *path.last()?)?.expr, &mut next);
    for n in next {
        if n == start {
            return Some(path.clone());
        }
        if path.contains(&n) || path.len() > 64 || formula(model, n).is_none() {
            continue;
        }
        path.push(n);
        if let Some(c) = find_cycle(model, start, path) {
            return Some(c);
        }
        path.pop();
    }
    None
}
