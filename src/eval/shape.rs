//! The JSON forms of the report's fields (DESIGN.md, "Outputs"), named by the serde
//! attributes of [`crate::eval::results`]: money as a string with two decimals, a
//! board by its id, a key figure as shown (percent ×100, two decimals) with its
//! note in words, a transfer's month as `YYYY-MM`. Reading a report back gives the
//! same JSON text, not every exact value: a key figure keeps its shown digits and a
//! note its words.

use crate::eval::results::{Activity, Compensation, FigureUnit, KeyFigureResult, MonthLine, NotApplicable, SeriesValue, Status};
use crate::i18n::Lang;
use crate::model::{Aggregation, Interval};
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A decimal from its JSON text.
fn decimal<E: serde::de::Error>(text: &str) -> Result<Decimal, E> {
    text.parse().map_err(|_| E::custom(crate::tr!("report-json-not-decimal", text = crate::diagnostic::echo(text))))
}

/// Money: a string with exactly two decimals.
pub mod money {
    use super::*;

    /// `"1234.50"`
    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{d:.2}"))
    }

    /// From `"1234.50"`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        decimal(&String::deserialize(d)?)
    }
}

/// Money that may be absent: `"1234.50"` or left out.
pub mod opt_money {
    use super::*;

    /// `"1234.50"` (the field is skipped when `None`).
    pub fn serialize<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_str(&format!("{d:.2}")),
            None => s.serialize_none(),
        }
    }

    /// From `"1234.50"` or `null`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        Option::<String>::deserialize(d)?.map(|t| decimal(&t)).transpose()
    }
}

/// An (id, name) pair written as its id; read back with an empty name.
pub mod id_only {
    use super::*;

    /// The id.
    pub fn serialize<S: Serializer>(pair: &(String, String), s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&pair.0)
    }

    /// The id, with no name.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<(String, String), D::Error> {
        Ok((String::deserialize(d)?, String::new()))
    }
}

/// A transfer line: `{ "period": "2023-01", "fixed", "variable", "changes", "total" }`.
#[derive(Serialize, Deserialize)]
pub struct MonthJson {
    period: String,
    #[serde(flatten)]
    amounts: Compensation,
}

impl From<MonthLine> for MonthJson {
    fn from(m: MonthLine) -> Self {
        MonthJson { period: format!("{}-{:02}", m.year, m.month), amounts: m.amounts }
    }
}

impl TryFrom<MonthJson> for MonthLine {
    type Error = String;

    fn try_from(m: MonthJson) -> Result<Self, String> {
        let bad = || format!("`{}` is not a month (YYYY-MM)", m.period);
        let (year, month) = m.period.split_once('-').ok_or_else(bad)?;
        let (year, month) = (year.parse().map_err(|_| bad())?, month.parse().map_err(|_| bad())?);
        Ok(MonthLine { year, month, amounts: m.amounts })
    }
}

/// A key figure as shown: value with two decimals (percent ×100) or `null`, note in words.
#[derive(Serialize, Deserialize)]
pub struct KeyFigureJson {
    id: String,
    name: String,
    interval: Interval,
    period: String,
    value: Option<String>,
    unit: String,
    status: Status,
    note: Option<String>,
    /// How the months were aggregated, where not summed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    aggregation: Option<Aggregation>,
    /// Scaled ×12/months to a full year.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    annualised: bool,
    /// Series beside the total, valued like the figure.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    series: Vec<SeriesJson>,
}

/// A key figure's series in the JSON: `{ "id", "name", "value" }`.
#[derive(Serialize, Deserialize)]
pub struct SeriesJson {
    id: String,
    name: String,
    value: Option<String>,
}

impl From<KeyFigureResult> for KeyFigureJson {
    fn from(k: KeyFigureResult) -> Self {
        let series = k
            .series
            .iter()
            .map(|s| SeriesJson { id: s.id.clone(), name: s.name.clone(), value: s.value.map(|v| format!("{:.2}", k.unit.shown(v))) })
            .collect();
        KeyFigureJson {
            aggregation: Some(k.aggregation).filter(|a| *a != Aggregation::Summa),
            annualised: k.annualised,
            series,
            value: k.value.map(|v| format!("{:.2}", k.unit.shown(v))),
            unit: k.unit.symbol().to_string(),
            note: k.note.as_ref().map(|n| n.describe(Lang::Sv)),
            id: k.id,
            name: k.name,
            interval: k.interval,
            period: k.period,
            status: k.status,
        }
    }
}

impl TryFrom<KeyFigureJson> for KeyFigureResult {
    type Error = String;

    fn try_from(k: KeyFigureJson) -> Result<Self, String> {
        let unit = if k.unit == "%" { FigureUnit::Percent } else { FigureUnit::Unit(k.unit) };
        let read = |v: Option<&str>| -> Result<Option<Decimal>, String> {
            let v = v.map(|v| decimal::<serde_json::Error>(v).map_err(|e| e.to_string())).transpose()?;
            Ok(match (&unit, v) {
                (FigureUnit::Percent, Some(v)) => Some(v / Decimal::ONE_HUNDRED),
                (_, v) => v,
            })
        };
        let value = read(k.value.as_deref())?;
        let series = k
            .series
            .into_iter()
            .map(|s| Ok(SeriesValue { value: read(s.value.as_deref())?, id: s.id, name: s.name }))
            .collect::<Result<Vec<_>, String>>()?;
        Ok(KeyFigureResult {
            id: k.id,
            name: k.name,
            interval: k.interval,
            period: k.period,
            value,
            unit,
            status: k.status,
            note: k.note.map(NotApplicable::Stated),
            target: None,
            series,
            aggregation: k.aggregation.unwrap_or(Aggregation::Summa),
            annualised: k.annualised,
        })
    }
}

/// An activity by its name; the catch-all in Swedish unless the report was put in words first.
impl Serialize for Activity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.describe(Lang::Sv))
    }
}

/// An activity's name as read back: a name, whatever it says.
impl<'de> Deserialize<'de> for Activity {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Activity::Named(String::deserialize(d)?))
    }
}
