//! ekostyr: a rule engine for *ekonomistyrning för verksamhetsuppdrag*.
//!
//! The engine is the pipeline: [`syntax`] (text → tree) → [`check`] (tree → [`model`])
//! → [`eval`] (model + [`workbook`] → results) → [`report`] (results → table, CSV,
//! JSON, XLSX), with [`session`] as the one way to ask for an evaluation, and the
//! year-over-year and audit engines beside it ([`diff`], [`init`], [`explain`],
//! [`expect`], [`template`], [`verify`]). Every message comes from [`i18n`]'s catalog.
//! On top sits the app layer ([`cli`], [`app`]): the only code that knows about
//! arguments, the terminal and exit codes. `tests/layers.rs` keeps it that way.

// The app layer.
pub mod app;
pub mod cli;

// The engine.
pub mod append;
pub mod budget;
pub mod check;
pub mod diagnostic;
pub mod diff;
pub mod error;
pub mod eval;
pub mod expect;
pub mod explain;
pub mod fmt;
pub mod i18n;
pub mod init;
pub mod model;
pub mod number;
pub mod output;
pub mod overrides;
pub mod report;
pub mod serve;
pub mod session;
pub mod source;
pub mod syntax;
pub mod template;
pub mod units;
pub mod verify;
pub mod vocab;
pub mod workbook;
