//! ekostyr: a rule engine for *ekonomistyrning för verksamhetsuppdrag*.
//!
//! The pipeline is the layout: [`syntax`] (text → tree) → [`check`] (tree → [`model`])
//! → [`eval`] (model + [`workbook`] → results) → [`report`] (results → table, CSV, JSON, XLSX).

pub mod diagnostic;
pub mod source;
pub mod syntax;
