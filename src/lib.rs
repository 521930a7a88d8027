//! ekostyr: a rule engine for *ekonomistyrning för verksamhetsuppdrag*.
//!
//! The pipeline is the layout: [`syntax`] (text → tree) → [`check`] (tree → [`model`])
//! → [`eval`] (model + [`workbook`] → results) → [`report`] (results → table, CSV, JSON, XLSX).

pub mod diagnostic;
pub mod source;
pub mod syntax;
pub mod fmt;
pub mod check;
pub mod model;
pub mod units;
pub mod cli;
pub mod commands;
pub mod report;
pub mod eval;
pub mod workbook;
pub mod overrides;
pub mod run;
pub mod diff;
pub mod init;
pub mod explain;
pub mod expect;
pub mod template;
pub mod verify;
