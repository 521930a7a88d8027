//! Rimlighetskontroller before money moves: warnings (errors under `--strikt`)
//! for a `REVIDERA` marker left in the file, and for a price or amount that moved
//! more than the band (default ±15 %, or the global parameter `rimlighet`) from
//! the same-named value of the year the file builds on.

use super::Diagnostics;
use crate::diagnostic::Diagnostic;
use crate::model::{Model, Param, ParamValue};
use crate::number::swedish;
use crate::syntax::ast;
use crate::tr;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The marker `init` writes where document owners must decide.
pub const MARKER: &str = "REVIDERA";

/// The name of the global parameter that declares the band.
pub const BAND_PARAMETER: &str = "rimlighet";

/// The band when the rules declare none: ±15 %.
pub fn default_band() -> Decimal {
    Decimal::new(15, 2)
}

/// Adds the sanity warnings of `file` (checked into `model`).
pub fn check(file: &ast::File, model: &Model, diags: &mut Diagnostics) {
    for c in file.comments.iter().filter(|c| c.text.contains(MARKER)) {
        let text = c.text.trim();
        diags.push(Diagnostic::warning(c.span, tr!("whatif-revidera", text = text)).with_hint(tr!("whatif-hint-revidera")));
    }
    let Some(prev) = model.previous.as_deref() else { return };
    let band = band(model);
    let old_params = by_name(&prev.params);
    for p in model.params.iter().filter(|p| is_money(p)) {
        if let Some(old) = same_named(&old_params, p) {
            compare(p, old, p.name.clone(), band, &[], &[], diags);
        }
    }
    for a in &model.assignments {
        let Some((_, pa)) = prev.assignment(&a.id) else { continue };
        let parts: Vec<&str> = a.parts.iter().map(|p| p.id.as_str()).collect();
        let old_parts: Vec<&str> = pa.parts.iter().map(|p| p.id.as_str()).collect();
        let old_params = by_name(&pa.params);
        for p in a.params.iter().filter(|p| is_money(p)) {
            if let Some(old) = same_named(&old_params, p) {
                compare(p, old, format!("{}.{}", a.id, p.name), band, &parts, &old_parts, diags);
            }
        }
    }
}

/// Parameters by name, in declaration order: a file of many parameters builds
/// on another without comparing every one with every other.
fn by_name(params: &[Param]) -> HashMap<&str, Vec<&Param>> {
    let mut map: HashMap<&str, Vec<&Param>> = HashMap::with_capacity(params.len());
    for p in params {
        map.entry(p.name.as_str()).or_default().push(p);
    }
    map
}

/// The first parameter of the same name and unit as `p`.
fn same_named<'a>(old: &HashMap<&str, Vec<&'a Param>>, p: &Param) -> Option<&'a Param> {
    old.get(p.name.as_str())?.iter().copied().find(|o| o.unit == p.unit)
}

/// The declared band (`parameter rimlighet: % = 10 %`), or ±15 %.
pub fn band(model: &Model) -> Decimal {
    match model.params.iter().find(|p| p.name == BAND_PARAMETER).map(|p| &p.value) {
        Some(ParamValue::Scalar(v)) if *v > Decimal::ZERO => *v,
        _ => default_band(),
    }
}

/// A price or an amount: its unit is kronor or kronor per something.
fn is_money(p: &Param) -> bool {
    p.unit.to_string().starts_with("kr")
}

/// Warns for each entry of `p` that moved more than `band` from the same entry of `old`.
fn compare(p: &Param, old: &Param, name: String, band: Decimal, parts: &[&str], old_parts: &[&str], diags: &mut Diagnostics) {
    let pairs: Vec<(String, Decimal, Decimal)> = match (&p.value, &old.value) {
        (ParamValue::Scalar(n), ParamValue::Scalar(o)) => vec![(name, *n, *o)],
        (ParamValue::PerPart(ns), ParamValue::PerPart(os)) => ns
            .iter()
            .zip(parts)
            .filter_map(|(n, id)| old_parts.iter().position(|o| o == id).and_then(|i| os.get(i)).map(|o| (format!("{name}.{id}"), *n, *o)))
            .collect(),
        (ParamValue::Keyed(ns), ParamValue::Keyed(os)) => {
            ns.iter().filter_map(|(k, n)| os.iter().find(|(ok, _)| ok == k).map(|(_, o)| (format!("{name}.{k}"), *n, *o))).collect()
        }
        _ => vec![],
    };
    for (name, new, old) in pairs {
        let Some(change) = relative(new, old) else { continue };
        if change.abs() > band {
            let pct = |d: Decimal| swedish(d * Decimal::ONE_HUNDRED, 1);
            let unit = p.unit.to_string();
            let message = tr!(
                "whatif-outside-band",
                name = name.as_str(),
                old = format!("{} {unit}", swedish(old, 2)),
                new = format!("{} {unit}", swedish(new, 2)),
                change = pct(change),
                band = pct(band)
            );
            diags.push(Diagnostic::warning(p.span, message).with_hint(tr!("whatif-hint-band", parameter = BAND_PARAMETER)));
        }
    }
}

/// `(new - old) / old`, `None` when `old` is zero or it overflows.
fn relative(new: Decimal, old: Decimal) -> Option<Decimal> {
    if old.is_zero() {
        return None;
    }
    new.checked_sub(old)?.checked_div(old)
}
