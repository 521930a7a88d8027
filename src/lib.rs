//! ekostyr: a rule engine for *ekonomistyrning för verksamhetsuppdrag*.
//!
//! The pipeline is the layout: [`syntax`] (text → tree) → [`check`] (tree → [`model`])
//! → [`eval`] (model + [`workbook`] → results) → [`report`] (results → table, CSV, JSON, XLSX).

pub mod check;
pub mod cli;
pub mod commands;
pub mod diagnostic;
pub mod diff;
pub mod eval;
pub mod expect;
pub mod explain;
pub mod fmt;
pub mod i18n;
pub mod init;
pub mod model;
pub mod overrides;
pub mod report;
pub mod run;
pub mod source;
pub mod syntax;
pub mod template;
pub mod units;
pub mod verify;
pub mod vocab;
pub mod workbook;
