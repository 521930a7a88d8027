//! Renderers of one result type: terminal table, CSV, JSON, XLSX.
//! Renderers never compute; they lay out an [`crate::eval::results::Report`].

pub mod csv;
pub mod json;
pub mod number;
pub mod table;
pub mod xlsx;

use crate::eval::results::{Activity, NotApplicable, Status};
use crate::i18n::Lang;
use crate::tr_in;
use std::io::Write as _;

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

/// Why a key figure is `i.u.`, in words of `lang`.
pub fn note(lang: Lang, reason: &NotApplicable) -> String {
    reason.describe(lang)
}

/// An activity's name; the catch-all in words of `lang`.
pub fn activity(lang: Lang, a: &Activity) -> String {
    a.describe(lang)
}

use std::path::Path;

/// Writes a file atomically: a temporary file in the same directory, then a rename,
/// so a failed run never leaves a half-written report.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    write_via_temp(path, bytes, true)
}

/// Like [`write_atomically`], but refuses to replace a file that exists (a rule
/// file from `init`, a workbook someone may have filled in from `template`).
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), String> {
    write_via_temp(path, bytes, false)
}

/// The directory a file is written in (`.` for a bare name).
pub fn directory_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

fn write_via_temp(path: &Path, bytes: &[u8], replace: bool) -> Result<(), String> {
    let fail = |e: std::io::Error| crate::tr!("report-cannot-write", file = path.display().to_string(), reason = e.to_string());
    let mut tmp = tempfile::NamedTempFile::new_in(directory_of(path)).map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    match replace {
        true => tmp.persist(path).map(drop).map_err(|e| fail(e.error)),
        false => tmp.persist_noclobber(path).map(drop).map_err(|e| fail(e.error)),
    }
}
