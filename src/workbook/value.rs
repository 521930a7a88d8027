//! A borrowed view of one cell, whatever the source, and the conversions
//! of the contract: number, text and period.

use std::fmt::Write as _;

use calamine::{CellErrorType, Data, DataRef, ExcelDateTime, ExcelDateTimeType};
use rust_decimal::Decimal;

use super::cell::{NumberFault, Period, decimal_from_f64, parse_period_text, period_from_number, period_from_serial, swedish_number};
use super::dots::dot_problem;
use super::echo::echo;
use super::error::{CellProblem, Expected, Found};

/// One cell's value, borrowed from a calamine cell or a CSV field.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Value<'a> {
    Empty,
    Text(&'a str),
    Float(f64),
    Int(i64),
    Bool(bool),
    Date(ExcelDateTime),
    DateIso(&'a str),
    Duration,
    Error(&'a CellErrorType),
}

impl<'a> From<&'a Data> for Value<'a> {
    fn from(data: &'a Data) -> Self {
        match data {
            Data::Empty => Value::Empty,
            Data::String(s) => Value::Text(s),
            Data::Float(x) => Value::Float(*x),
            Data::Int(i) => Value::Int(*i),
            Data::Bool(b) => Value::Bool(*b),
            Data::DateTime(dt) => Value::Date(*dt),
            Data::DateTimeIso(s) => Value::DateIso(s),
            Data::DurationIso(_) => Value::Duration,
            Data::Error(e) => Value::Error(e),
        }
    }
}

impl<'a> From<&'a DataRef<'_>> for Value<'a> {
    fn from(data: &'a DataRef<'_>) -> Self {
        match data {
            DataRef::Empty => Value::Empty,
            DataRef::String(s) => Value::Text(s),
            DataRef::SharedString(s) => Value::Text(s),
            DataRef::Float(x) => Value::Float(*x),
            DataRef::Int(i) => Value::Int(*i),
            DataRef::Bool(b) => Value::Bool(*b),
            DataRef::DateTime(dt) => Value::Date(*dt),
            DataRef::DateTimeIso(s) => Value::DateIso(s),
            DataRef::DurationIso(_) => Value::Duration,
            DataRef::Error(e) => Value::Error(e),
        }
    }
}

/// Spreadsheet error values, as they may also appear as text (e.g. in CSV exports).
const ERROR_LITERALS: &[&str] = &[
    "#DIV/0!",
    "#N/A",
    "#NAME?",
    "#NULL!",
    "#NUM!",
    "#REF!",
    "#VALUE!",
    "#DATA!",
    "#GETTING_DATA",
    "#SPILL!",
    "#CALC!",
    "#FIELD!",
    "#BLOCKED!",
    "#CONNECT!",
    "#BUSY!",
    "#UNKNOWN!",
];

impl Value<'_> {
    /// True for an empty cell or one holding only whitespace.
    pub(crate) fn is_blank(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// Fails on error values, including error literals in text.
    fn check_error(&self) -> Result<(), CellProblem> {
        match self {
            Value::Error(e) => Err(CellProblem::ErrorValue(e.to_string())),
            Value::Text(s) => {
                let s = s.trim();
                match s.starts_with('#') && ERROR_LITERALS.contains(&s) {
                    true => Err(CellProblem::ErrorValue(s.to_string())),
                    false => Ok(()),
                }
            }
            _ => Ok(()),
        }
    }

    /// What the cell holds, for a `found …` message.
    fn found(&self) -> Found {
        match self {
            Value::Empty => Found::Empty,
            Value::Text(s) if s.trim().is_empty() => Found::Empty,
            Value::Text(s) | Value::DateIso(s) => Found::Text(echo(s)),
            Value::Float(x) => Found::Number(x.to_string()),
            Value::Int(i) => Found::Number(i.to_string()),
            Value::Bool(b) => Found::Bool(*b),
            Value::Date(dt) if dt.is_duration() => Found::Duration,
            Value::Date(dt) => Found::Date(dt.as_f64().to_string()),
            Value::Duration => Found::Duration,
            Value::Error(e) => Found::Error(e.to_string()),
        }
    }

    fn expected(&self, expected: Expected) -> CellProblem {
        CellProblem::Expected { expected, found: self.found() }
    }

    /// The cell as a decimal number (numeric cell or Swedish-format text; a text
    /// whose dot could be a thousands separator is refused, see [`dot_problem`]).
    pub(crate) fn number(&self) -> Result<Decimal, CellProblem> {
        self.check_error()?;
        match *self {
            Value::Float(x) => decimal_from_f64(x).ok_or_else(|| CellProblem::OutOfRange(x.to_string())),
            Value::Int(i) => Ok(Decimal::from(i)),
            Value::Text(s) => match dot_problem(s) {
                Some(problem) => Err(problem),
                None => swedish_number(s).map_err(|fault| match fault {
                    NumberFault::Inexact => CellProblem::OutOfRange(echo(s)),
                    NumberFault::NotANumber => self.expected(Expected::Number),
                }),
            },
            _ => Err(self.expected(Expected::Number)),
        }
    }

    /// Writes the cell's trimmed text into `out` (cleared first); numbers
    /// become their shortest text, e.g. 4010 → `4010`.
    pub(crate) fn text_into(&self, out: &mut String) -> Result<(), CellProblem> {
        self.check_error()?;
        out.clear();
        match *self {
            Value::Empty => {}
            Value::Text(s) | Value::DateIso(s) => out.push_str(s.trim()),
            Value::Float(x) if x.is_finite() => {
                let _ = write!(out, "{x}");
            }
            Value::Int(i) => {
                let _ = write!(out, "{i}");
            }
            _ => return Err(self.expected(Expected::Text)),
        }
        Ok(())
    }

    /// The cell's trimmed text as an owned string.
    pub(crate) fn text(&self) -> Result<String, CellProblem> {
        let mut out = String::new();
        self.text_into(&mut out)?;
        Ok(out)
    }

    /// The month of a period text (see [`parse_period_text`]), a date cell, or a
    /// number cell `YYYYMM`.
    pub(crate) fn period(&self) -> Result<Period, CellProblem> {
        self.check_error()?;
        match *self {
            Value::Text(s) if !s.trim().is_empty() => Ok(parse_period_text(s)?),
            Value::DateIso(s) => Ok(parse_period_text(s)?),
            Value::Float(x) => period_from_number(x).ok_or_else(|| self.expected(Expected::Period))?.map_err(CellProblem::from),
            Value::Int(i) => period_from_number(i as f64).ok_or_else(|| self.expected(Expected::Period))?.map_err(CellProblem::from),
            Value::Date(dt) if dt.is_datetime() => {
                let serial = dt.as_f64();
                period_from_serial(serial, is_1904(&dt)).ok_or_else(|| CellProblem::DateOutOfRange(serial.to_string()))
            }
            _ => Err(self.expected(Expected::Period)),
        }
    }
}

/// Whether a date cell counts from 1904 (calamine keeps this private).
pub(crate) fn is_1904(dt: &ExcelDateTime) -> bool {
    *dt == ExcelDateTime::new(dt.as_f64(), ExcelDateTimeType::DateTime, true)
}

/// A row as the sheet parsers see it: cells by absolute 0-based column.
pub(crate) trait Row {
    /// The cell in column `col`; `Value::Empty` past the row's end.
    fn get(&self, col: u32) -> Value<'_>;
    /// One past the last column that may hold a value.
    fn width(&self) -> u32;
}

#[cfg(test)]
mod tests;
