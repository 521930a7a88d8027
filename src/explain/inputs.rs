//! Input aggregates: which sheet, which cells or how many postings, and their sum.

use super::tree::{Node, Walker, part_suffix};
use crate::eval::Scope;
use crate::model::{AssignmentId, Expr, ExprKind, MeasureId, PartId};
use crate::vocab::Figure;

/// `budget(m)` / `volym(m)` with the cells it reads.
pub(super) fn measure(s: &Scope, e: &Expr) -> Node {
    let m = s.model;
    let (a, mi, explicit, sheet) = match &e.kind {
        ExprKind::Budget(a, mi, p) => (*a, *mi, *p, "Budget"),
        ExprKind::Volume(a, mi, p) => (*a, *mi, *p, "Volymer"),
        _ => return Node { label: String::new(), value: String::new(), source: None, children: vec![] },
    };
    let part = explicit.or(s.part.filter(|_| s.a == Some(a)));
    let measure = &m.measures[mi];
    let value = match s.num(e) {
        Ok(v) => format!("{} {}", crate::report::number::swedish(v, v.normalize().scale()), measure.unit).trim_end().to_string(),
        Err(f) => format!("i.u. ({})", f.describe(m)),
    };
    let cells = cells(s, a, mi, part, sheet == "Budget");
    let ps = Scope { part, a: Some(a), ..*s };
    let label = format!("{}({}){}", if sheet == "Budget" { "budget" } else { "volym" }, measure.name, part_suffix(m, &ps));
    Node { label, value, source: Some(cells), children: vec![] }
}

fn cells(s: &Scope, a: AssignmentId, mi: MeasureId, part: Option<PartId>, budget: bool) -> String {
    let Some(data) = s.data else { return crate::tr!("explain-no-inputs") };
    let parts: Vec<Option<PartId>> = match part {
        Some(p) => vec![Some(p)],
        None => std::iter::once(None).chain(s.model.assignments[a].part_ids().map(Some)).collect(),
    };
    let mut found: Vec<String> = vec![];
    for p in parts {
        if budget {
            found.extend(data.budget.get(&(a, p, mi)).map(|b| b.cell.to_string()));
        } else if let Some(v) = data.volume.get(&(a, p, mi)) {
            let range = (s.months.0 as usize - 1)..=(s.months.1 as usize - 1);
            found.extend(v.cells[range].iter().flatten().map(|c| c.to_string()));
        }
    }
    match found.len() {
        0 => crate::tr!("explain-no-rows"),
        1..=4 => found.join(", "),
        n => crate::tr!("explain-cells", count = n, first = found[0].as_str(), last = found[n - 1].as_str()),
    }
}

/// Ledger cost with the number of postings.
pub(super) fn cost(w: &Walker, a: AssignmentId, part: Option<PartId>) -> Node {
    let s = &w.scope;
    let m = s.model;
    let asg = &m.assignments[a];
    let Some(data) = s.data else { return Node { label: Figure::Cost.to_string(), value: "i.u.".into(), source: None, children: vec![] } };
    // The slots' owners: the part, or every part and then the codes of no part.
    let owners: Vec<Option<PartId>> = match part {
        Some(p) => vec![Some(p)],
        None => asg.part_ids().map(Some).chain([None]).collect(),
    };
    let mut children = vec![];
    let total = data.cost(a, part, s.months);
    let mut rows = 0u64;
    for (l, owner) in data.ledger_slots(a, part).iter().zip(owners) {
        let Some((sum, n)) = l.over(s.months) else { continue };
        rows = rows.saturating_add(n);
        let name = owner
            .map(|p| &asg.parts[p])
            .map(|p| crate::tr!("explain-part-codes", part = p.id.as_str(), codes = codes(&p.codes)))
            .unwrap_or_else(|| format!("{} (id {})", asg.id, codes(&asg.codes)));
        if n > 0 {
            children.push(Node {
                label: name,
                value: super::kr(sum),
                source: Some(crate::tr!("explain-postings", count = n)),
                children: vec![],
            });
        }
    }
    children.extend(ledger_views(w, a));
    let period = crate::eval::period_label(m.header.year, s.months.0, s.months.1);
    let label = format!("{}.{}{} [{period}]", asg.id, Figure::Cost, part.map(|p| format!("[{}]", asg.parts[p].id)).unwrap_or_default());
    Node {
        label,
        value: total.map_or_else(|| format!("i.u. ({})", crate::tr!("eval-overflow")), super::kr),
        source: Some(crate::tr!("explain-postings", count = rows)),
        children: if part.is_some() { vec![] } else { children },
    }
}

/// The assignment's cost along its other axes: per declared level-3 activity, and per
/// change with codes of its own (both within the cost above, not added to it).
fn ledger_views(w: &Walker, a: AssignmentId) -> Vec<Node> {
    let s = &w.scope;
    let asg = &s.model.assignments[a];
    let Some(data) = s.data else { return vec![] };
    let (from, to) = ((s.months.0 as usize).saturating_sub(1), (s.months.1 as usize).min(12));
    let sum = |months: &[rust_decimal::Decimal; 12]| {
        months.get(from..to).and_then(|ms| ms.iter().try_fold(rust_decimal::Decimal::ZERO, |acc, v| acc.checked_add(*v)))
    };
    let shown = |v: Option<rust_decimal::Decimal>| v.map_or_else(|| format!("i.u. ({})", crate::tr!("eval-overflow")), super::kr);
    let mut out = vec![];
    if !asg.activities.is_empty() {
        for (x, months) in asg.activities.iter().zip(data.activities_of(a)) {
            let name = x.id.clone().unwrap_or_else(|| format!("\"{}\"", x.name));
            let label = crate::tr!("ledger-explain-activity", activity = name, codes = codes(&x.codes));
            out.push(Node { label, value: shown(sum(months)), source: None, children: vec![] });
        }
    }
    let changes = data.change_ledger.get(a.index()).map(Vec::as_slice).unwrap_or_default();
    for (c, months) in asg.changes.iter().zip(changes).filter(|(c, _)| !c.codes.is_empty()) {
        let label = crate::tr!("ledger-explain-change", change = c.id.as_str(), codes = codes(&c.codes));
        out.push(Node { label, value: shown(sum(months)), source: None, children: vec![] });
    }
    out
}

fn codes(c: &[crate::model::CodePattern]) -> String {
    c.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(", ")
}
