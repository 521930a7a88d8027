//! `--set name=value`: a what-if on one parameter.

use crate::model::{Model, ParamRef, ParamValue};
use crate::report::number::swedish;

/// Applies `name=value` to the model: `prisindex=3,1%`, `vårdboende.referenskostnad.somatik=2 100 kr/dygn`,
/// `utbildningsfaktor.usk=1,05`.
pub fn apply(model: &mut Model, text: &str) -> Result<(), String> {
    apply_described(model, text).map(|_| ())
}

/// What a what-if replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replaced {
    /// A parameter's value.
    Parameter,
    /// A computed value (a `låt` of an assignment): its formula no longer counts.
    Computed,
}

/// Like [`apply`], telling whether a parameter or a computed value was replaced.
pub fn apply_described(model: &mut Model, text: &str) -> Result<Replaced, String> {
    let (name, value) = text.split_once('=').ok_or_else(|| crate::tr!("set-form", text = text))?;
    let value = unglue(value);
    let q = crate::syntax::parse_quantity(&value).map_err(|e| crate::tr!("set-bad-value", text = text, reason = e.to_string()))?;
    let (v, unit) = crate::check::literal(&q).map_err(|e| crate::tr!("set-bad-value", text = text, reason = e))?;
    if let Some(done) = apply_let(model, name.trim(), text, v, &unit) {
        return done.map(|()| Replaced::Computed);
    }
    let (r, key) = find(model, name.trim())?;
    let p = model.param(r);
    if unit != p.unit {
        return Err(crate::tr!("set-wrong-unit", text = text, name = p.name.as_str(), unit = p.unit.to_string(), given = unit.to_string()));
    }
    let written = p.declared.as_deref() == Some("%") || model.source.slice(p.span).contains('%');
    if written && q.unit.is_none() {
        let example = format!("{}={}%", name.trim(), swedish(q.number, q.number.scale()));
        return Err(crate::tr!("set-needs-percent", text = text, name = p.name.as_str(), example = example));
    }
    let p = match r {
        ParamRef::Global(i) => &mut model.params[i],
        ParamRef::Local(a, i) => &mut model.assignments[a].params[i],
    };
    match (&mut p.value, key) {
        // A what-if value holds all year: it replaces the steps too.
        (ParamValue::Scalar(x), None) => {
            *x = v;
            p.steps.clear();
        }
        (ParamValue::PerPart(xs), Some(k)) => xs[k] = v,
        (ParamValue::Keyed(xs), Some(k)) => xs[k].1 = v,
        _ => return Err(crate::tr!("set-name-one-entry", text = text, name = p.name.as_str())),
    }
    Ok(Replaced::Parameter)
}

/// `2100kr/dygn` → `2100 kr/dygn`: on the command line a unit may follow the number
/// directly, as people write it; the rule language wants the space.
fn unglue(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 1);
    let mut prev: Option<char> = None;
    for c in value.chars() {
        if c.is_alphabetic() && prev.is_some_and(|p| p.is_ascii_digit()) {
            out.push(' ');
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// `uppdrag.låt[.del]=värde`: replaces a computed value of an assignment (a `låt`,
/// e.g. a price computed from `föregående`), for one part or for all. `None` when
/// the name is not a `låt` (and no local parameter shadows it).
fn apply_let(model: &mut Model, name: &str, text: &str, v: rust_decimal::Decimal, unit: &crate::units::Unit) -> Option<Result<(), String>> {
    let segs: Vec<&str> = name.split('.').collect();
    if segs.len() < 2 || segs.len() > 3 {
        return None;
    }
    let (ai, a) = model.assignment(segs[0])?;
    if a.params.iter().any(|p| p.name == segs[1]) {
        return None;
    }
    let li = a.lets.iter().position(|l| l.name == segs[1])?;
    let part = match segs.get(2) {
        None => None,
        Some(k) => match a.parts.iter().position(|p| p.id == *k) {
            Some(i) => Some(i),
            None => return Some(Err(crate::tr!("set-no-such-entry", name = segs[1], key = *k))),
        },
    };
    let l = &mut model.assignments[ai].lets[li];
    if &l.formula.unit != unit {
        let (name, unit, given) = (l.name.as_str(), l.formula.unit.to_string(), unit.to_string());
        return Some(Err(crate::tr!("set-wrong-unit", text = text, name = name, unit = unit, given = given)));
    }
    match part {
        Some(i) if l.per_part => {
            l.what_if.retain(|(j, _)| *j != i);
            l.what_if.push((i, v));
        }
        Some(_) => return Some(Err(crate::tr!("whatif-let-not-per-part", text = text, name = segs[1]))),
        None if l.per_part => return Some(Err(crate::tr!("set-name-one-entry", text = text, name = segs[1]))),
        None => l.formula.expr.kind = crate::model::ExprKind::Const(v),
    }
    Some(Ok(()))
}

/// Finds the parameter and, for a table, the entry.
fn find(model: &Model, name: &str) -> Result<(ParamRef, Option<usize>), String> {
    let segs: Vec<&str> = name.split('.').collect();
    let (r, rest) = match model.assignment(segs[0]) {
        Some((ai, a)) if segs.len() >= 2 => {
            let i = a
                .params
                .iter()
                .position(|p| p.name == segs[1])
                .ok_or_else(|| crate::tr!("set-no-such-local", assignment = a.id.as_str(), name = segs[1]))?;
            (ParamRef::Local(ai, i), &segs[2..])
        }
        _ => {
            let i = model.params.iter().position(|p| p.name == segs[0]).ok_or_else(|| unknown(model, segs[0]))?;
            (ParamRef::Global(i), &segs[1..])
        }
    };
    let key = match rest {
        [] => None,
        [k] => Some(entry_index(model, r, k)?),
        _ => return Err(crate::tr!("set-too-many-parts", name = name)),
    };
    Ok((r, key))
}

fn entry_index(model: &Model, r: ParamRef, key: &str) -> Result<usize, String> {
    let p = model.param(r);
    let keys: Vec<String> = match (&p.value, r) {
        (ParamValue::Keyed(xs), _) => xs.iter().map(|x| x.0.clone()).collect(),
        (ParamValue::PerPart(_), ParamRef::Local(a, _)) => model.assignments[a].parts.iter().map(|p| p.id.clone()).collect(),
        _ => vec![],
    };
    keys.iter().position(|k| k == key).ok_or_else(|| crate::tr!("set-no-such-entry", name = p.name.as_str(), key = key))
}

fn unknown(model: &Model, name: &str) -> String {
    let hint = crate::diagnostic::did_you_mean(name, model.params.iter().map(|p| p.name.as_str()));
    crate::tr!("set-unknown", name = name, hint = hint.map(|h| format!("; {h}")).unwrap_or_default())
}
