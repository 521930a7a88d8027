//! Renderers of one result type: terminal table, CSV, JSON, XLSX.
//! Renderers never compute; they lay out an [`crate::eval::results::Report`].

pub mod board;
pub mod csv;
pub mod json;
pub mod number;
pub mod table;
pub mod typeset;
pub mod whatif;
pub mod xlsx;

use crate::eval::results::Status;
use crate::i18n::Lang;
use crate::tr_in;

/// Labels in the report's language, shared by the table and the workbook.
pub(crate) struct Labels(pub(crate) Lang);

impl Labels {
    /// A key figure's target status (`i.u.` in both languages).
    pub(crate) fn status(&self, s: Status) -> String {
        match s {
            Status::Met => tr_in!(self.0, "report-status-met"),
            Status::NotMet => tr_in!(self.0, "report-status-not-met"),
            Status::NoTarget => tr_in!(self.0, "report-status-no-target"),
            Status::NotAvailable => not_available(self.0),
        }
    }
}

/// `i.u.`: a key figure without a value.
pub fn not_available(lang: Lang) -> String {
    tr_in!(lang, "report-not-available")
}

use std::path::Path;

/// The directory a file is written in (`.` for a bare name). The writers themselves
/// are in `crate::output`.
pub fn directory_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}
