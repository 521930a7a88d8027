//! `--set name=value`: a what-if on one parameter.

use crate::model::{Model, ParamRef, ParamValue};
use crate::report::number::swedish;

/// Applies `name=value` to the model: `prisindex=3,1%`, `vårdboende.referenskostnad.somatik=2 100 kr/dygn`,
/// `utbildningsfaktor.usk=1,05`.
pub fn apply(model: &mut Model, text: &str) -> Result<(), String> {
    let (name, value) = text.split_once('=').ok_or_else(|| crate::tr!("set-form", text = text))?;
    let q = crate::syntax::parse_quantity(value).map_err(|e| crate::tr!("set-bad-value", text = text, reason = e.to_string()))?;
    let (v, unit) = crate::check::literal(&q).map_err(|e| crate::tr!("set-bad-value", text = text, reason = e))?;
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
    Ok(())
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
