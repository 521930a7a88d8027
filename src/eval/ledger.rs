//! The ledger views of a report: nivå 3 per assignment, the cost of each change's
//! own codes, the `utanför` units, and the ID and komplement views.

use super::data::{Data, Ledger, ViewPlace};
use super::money::{self, Overflow};
use super::results::*;
use crate::model::{AssignmentId, Model};
use rust_decimal::Decimal;

/// Nivå 3: the cost of each declared activity over months `1..=last`, and the rest
/// (the postings of no activity) as `övrigt`, always there: with no activity declared
/// it is the assignment's whole cost. Every posting of the assignment is in exactly
/// one activity slot, so Σ level 3 = the assignment's cost (`tests/properties_ledger.rs`).
pub(super) fn level3(model: &Model, data: &Data, a: AssignmentId, last: u32, cost: Decimal) -> Result<Vec<Level3Cost>, Overflow> {
    let asg = &model.assignments[a];
    if asg.activities.is_empty() {
        return Ok(vec![Level3Cost { id: Some(LEVEL3_OTHER.to_string()), part: None, name: Activity::Other, cost }]);
    }
    let sum = |months: &[Decimal; 12]| money::sum(months.iter().take(last as usize).copied());
    let slots = data.activities_of(a);
    let mut out = vec![];
    // INVARIANT: with activities declared, slot `i` is activity `i` and the last slot the rest (see `data::activity_slots`).
    for (x, months) in asg.activities.iter().zip(slots) {
        let part = x.part.map(|p| asg.parts[p].id.clone());
        out.push(Level3Cost { id: x.id.clone(), part, name: Activity::Named(x.name.clone()), cost: sum(months)? });
    }
    let rest = slots.get(asg.activities.len()).map(sum).transpose()?.unwrap_or_default();
    out.push(Level3Cost { id: Some(LEVEL3_OTHER.to_string()), part: None, name: Activity::Other, cost: rest });
    Ok(out)
}

/// The cost of each change's own codes over months `1..=last`; changes without codes are left out.
pub(super) fn change_ledger(model: &Model, data: &Data, a: AssignmentId, last: u32) -> Result<Vec<ChangeCost>, Overflow> {
    let asg = &model.assignments[a];
    let Some(ledgers) = data.change_ledger.get(a.index()) else { return Ok(vec![]) };
    asg.changes
        .iter()
        .zip(ledgers)
        .filter(|(c, _)| !c.codes.is_empty())
        .map(|(c, months)| Ok(ChangeCost { id: c.id.clone(), cost: money::sum(months.iter().take(last as usize).copied())? }))
        .collect()
}

fn over(l: &Ledger, last: u32) -> Result<(u64, Decimal), Overflow> {
    l.over((1, last)).map(|(s, n)| (n, s)).ok_or(Overflow)
}

/// The `utanför` units' postings over months `1..=last`.
pub(super) fn out_of_scope(model: &Model, data: &Data, last: u32) -> Result<OutOfScopeResult, Overflow> {
    let mut out = OutOfScopeResult::default();
    for (u, l) in model.out_of_scope.iter().zip(&data.out_of_scope) {
        let (count, sum) = over(l, last)?;
        out.count = out.count.saturating_add(count);
        out.sum = money::add(out.sum, sum)?;
        out.units.push(OutOfScopeUnit { name: u.name.clone(), count, sum });
    }
    Ok(out)
}

/// Both views over months `1..=last`, when the model declares komplement codes.
pub(super) fn views(model: &Model, data: &Data, last: u32) -> Result<Option<Views>, Overflow> {
    if !model.has_komplement() {
        return Ok(None);
    }
    let empty = || View {
        assignments: model.assignments.iter().map(|a| ViewSum { id: a.id.clone(), sum: Decimal::ZERO }).collect(),
        ..View::default()
    };
    let (mut id, mut komplement) = (empty(), empty());
    let mut disagreements = vec![];
    for pair in &data.pairs {
        let (count, sum) = over(&pair.ledger, last)?;
        if count == 0 {
            continue;
        }
        add(&mut id, pair.by_id, count, sum)?;
        add(&mut komplement, pair.by_komplement, count, sum)?;
        if pair.by_id != pair.by_komplement {
            let name = |p: ViewPlace| match p {
                ViewPlace::Assignment(a) => Some(model.assignments[a].id.clone()),
                _ => None,
            };
            disagreements.push(Disagreement {
                id: pair.id.clone(),
                komplement: pair.komplement.clone(),
                id_assignment: name(pair.by_id),
                komplement_assignment: name(pair.by_komplement),
                count,
                sum,
            });
        }
    }
    Ok(Some(Views { id, komplement, disagreements }))
}

fn add(view: &mut View, place: ViewPlace, count: u64, sum: Decimal) -> Result<(), Overflow> {
    let slot = match place {
        ViewPlace::Assignment(a) => {
            let s = &mut view.assignments[a.index()];
            s.sum = money::add(s.sum, sum)?;
            return Ok(());
        }
        ViewPlace::OutOfScope(_) => &mut view.out_of_scope,
        ViewPlace::Unmapped => &mut view.unmapped,
    };
    slot.count = slot.count.saturating_add(count);
    slot.sum = money::add(slot.sum, sum)?;
    Ok(())
}
