//! A session: the one way any command asks for an evaluation — checked rules,
//! the workbook (and last year's), the period and the what-ifs — giving a report
//! with its provenance, or a typed [`Error`].

use crate::check::{Checked, check_path, check_source};
use crate::error::Error;
pub use crate::eval::results::RuleFile;
use crate::eval::results::{InputFile, Provenance, Report};
use crate::eval::{self, Data, Options};
use crate::model::Model;
use crate::source::SourceFile;
use crate::workbook::{Period, SkippedRows};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// What to evaluate.
#[derive(Debug, Clone)]
pub struct Session {
    /// The checked rules (with the files they build on).
    pub model: Model,
    /// The rule files' provenance, the evaluated file first.
    pub rules: Vec<RuleFile>,
    /// The workbook or CSV folder.
    pub input: PathBuf,
    /// How to name the input in the provenance.
    pub input_name: String,
    /// Year to date up to this month (`YYYY-MM`), as given.
    pub period: Option<String>,
    /// What-ifs: `name=value`, as given.
    pub overrides: Vec<String>,
    /// The previous year's workbook, for `föregående` values that need inputs.
    pub previous_input: Option<PathBuf>,
}

/// Checked rules and the warnings found on the way (rendered), if any.
pub struct Rules {
    /// The model.
    pub model: Model,
    /// Rendered warnings of the file and the files it builds on.
    pub warnings: Option<String>,
}

/// Reads and checks a rule file: the model with any warnings, or every diagnostic.
pub fn rules(path: &Path) -> Result<Rules, Error> {
    let checked = check_path(path).map_err(Error::Rules)?;
    into_rules(checked)
}

/// `ekostyr check`'s findings on a checked file: its diagnostics, with the computed
/// prices and fixed amounts (that need no inputs) outside their band against last year's.
pub fn with_price_bands(mut checked: Checked) -> Checked {
    if let Some(model) = &checked.model {
        checked.diagnostics.0.extend(crate::eval::whatif::prices_outside_band(model));
    }
    checked
}

/// Checks rule text that is not on disk (the bundled reference year).
pub fn rules_from_text(name: &str, text: &str) -> Result<Rules, Error> {
    into_rules(check_source(SourceFile::new(name, text), None, &mut vec![]))
}

fn into_rules(checked: Checked) -> Result<Rules, Error> {
    let (model, warnings) = checked.into_model().map_err(Error::Rules)?;
    Ok(Rules { model, warnings })
}

impl Session {
    /// A session over checked rules read from `rules_path` and the workbook `input`.
    pub fn new(model: Model, rules_path: &Path, input: &Path) -> Session {
        let rules = provenance_chain(&model, &rules_path.display().to_string());
        Session {
            model,
            rules,
            input: input.to_path_buf(),
            input_name: input.display().to_string(),
            period: None,
            overrides: vec![],
            previous_input: None,
        }
    }

    /// The month `--period` names (1..=12), or the full year.
    pub fn last_month(&self) -> Result<Option<u32>, Error> {
        self.period.as_deref().map(|p| parse_period(p, self.model.header.year)).transpose()
    }

    /// The model with the what-ifs applied.
    pub fn model_with_overrides(&self) -> Result<Model, Error> {
        let mut model = self.model.clone();
        for o in &self.overrides {
            crate::overrides::apply(&mut model, o).map_err(Error::Usage)?;
        }
        Ok(model)
    }

    /// Reads this year's workbook (and last year's, when given); `progress` is told
    /// how many postings have been read.
    /// With `--period`, rows of this year's later months are left out ([`Data::skipped`]).
    pub fn load(&self, model: &Model, progress: &mut dyn FnMut(u64)) -> Result<(Data, Option<Data>), Error> {
        let until = self.last_month()?.map(|month| Period { year: model.header.year, month });
        let data = eval::data::load_until(model, &self.input, until, progress)?;
        let previous = match (&self.previous_input, model.previous.as_deref()) {
            (Some(path), Some(prev)) => Some(eval::data::load(prev, path, progress)?),
            (Some(_), None) => return Err(Error::Usage(crate::tr!("session-previous-without-builds-on"))),
            (None, _) => None,
        };
        Ok((data, previous))
    }

    /// Evaluates the session into a report with its provenance.
    /// With `--set`s, the rules are evaluated twice, without and with them, and the
    /// report carries the figures they move ([`crate::eval::whatif`]).
    pub fn evaluate(&self, progress: &mut dyn FnMut(u64)) -> Result<Report, Error> {
        self.evaluate_counting_skipped(progress).map(|(report, _)| report)
    }

    /// Like [`Session::evaluate`], with the rows of months after `--period` that were left out.
    pub fn evaluate_counting_skipped(&self, progress: &mut dyn FnMut(u64)) -> Result<(Report, SkippedRows), Error> {
        let (model, sets) = self.model_with_overrides_described()?;
        let period = self.last_month()?;
        // The inputs' hashes (a read of every byte) are taken beside the evaluation.
        let (loaded, provenance) = std::thread::scope(|scope| {
            let provenance = scope.spawn(|| self.provenance());
            let loaded = self.load(&model, progress);
            (loaded, provenance.join())
        });
        let (data, previous) = loaded?;
        let mut report = eval::evaluate(&model, &data, previous.as_ref(), Options { period }).map_err(|e| Error::eval(e, &model.source))?;
        if !sets.is_empty() {
            let baseline = eval::evaluate(&self.model, &data, previous.as_ref(), Options { period })
                .map_err(|e| Error::eval(e, &self.model.source))?;
            let what_if = eval::whatif::compare(&baseline, &report, sets).map_err(|_| Error::Usage(crate::tr!("whatif-too-large")))?;
            report.what_if = Some(what_if);
        }
        report.provenance = match provenance {
            Ok(provenance) => provenance?,
            Err(_) => self.provenance()?,
        };
        Ok((report, data.skipped))
    }

    /// The note saying which rows of months after `--period` were left out, if any were.
    pub fn skipped_note(&self, skipped: &SkippedRows) -> Option<String> {
        let month = self.last_month().ok().flatten()?;
        let period = Period { year: self.model.header.year, month }.to_string();
        let sheets = [("Volymer", skipped.volumes), ("Utfall", skipped.ledger)]
            .into_iter()
            .filter(|(_, rows)| *rows > 0)
            .map(|(sheet, rows)| crate::tr!("month-skipped-sheet", sheet = sheet, rows = rows))
            .collect::<Vec<_>>();
        (!sheets.is_empty()).then(|| crate::tr!("month-skipped", period = period, sheets = sheets.join(", ")))
    }

    /// The model with the what-ifs applied, and what each replaced.
    pub fn model_with_overrides_described(&self) -> Result<(Model, Vec<eval::whatif::SetInfo>), Error> {
        let mut model = self.model.clone();
        let mut sets = vec![];
        for o in &self.overrides {
            let replaced = crate::overrides::apply_described(&mut model, o).map_err(Error::Usage)?;
            let replaces = match replaced {
                crate::overrides::Replaced::Parameter => "parameter",
                crate::overrides::Replaced::Computed => "computed",
            };
            sets.push(eval::whatif::SetInfo { set: o.clone(), replaces: replaces.into() });
        }
        Ok((model, sets))
    }

    fn provenance(&self) -> Result<Provenance, Error> {
        let previous_input = match &self.previous_input {
            Some(p) => Some(InputFile { file: p.display().to_string(), sha256: hash_input(p)? }),
            None => None,
        };
        Ok(Provenance {
            engine: format!("ekostyr {}", env!("CARGO_PKG_VERSION")),
            rules: self.rules.clone(),
            input: Some(InputFile { file: self.input_name.clone(), sha256: hash_input(&self.input)? }),
            previous_input,
            period: self.period.clone(),
            overrides: self.overrides.clone(),
            board: None,
        })
    }
}

/// `YYYY-MM` of the rules' year → the month.
pub fn parse_period(text: &str, year: i32) -> Result<u32, Error> {
    let p = crate::workbook::parse_period_text(text)
        .map_err(|e| Error::Usage(crate::tr!("session-bad-period", period = text, reason = e.to_string())))?;
    if p.year != year {
        return Err(Error::Usage(crate::tr!("session-period-not-in-year", period = text, year = year.to_string())));
    }
    Ok(p.month)
}

/// The rule file (named `name`) and the files it builds on, with version and hash.
pub fn provenance_chain(model: &Model, name: &str) -> Vec<RuleFile> {
    let mut out = vec![];
    let mut m = Some(model);
    while let Some(x) = m {
        let file = if out.is_empty() { name.to_string() } else { x.source.name.clone() };
        out.push(RuleFile { file, version: x.header.version.clone(), sha256: sha256(x.source.text.as_bytes()) });
        m = x.previous.as_deref();
    }
    out
}

/// Hex SHA-256.
pub fn sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Hash of a workbook, or of a CSV folder's `*.csv` files in name order; read in
/// blocks, so memory does not grow with the input.
pub fn hash_input(path: &Path) -> Result<String, Error> {
    let mut h = Sha256::new();
    if !path.is_dir() {
        hash_file(&mut h, path)?;
        return Ok(hex(&h.finalize()));
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| Error::io(path, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv")))
        // Only the regular files (the reader refuses anything else); a FIFO named `x.csv` would block.
        .filter(|p| std::fs::metadata(p).is_ok_and(|m| m.is_file()))
        .collect();
    files.sort();
    for f in files {
        hash_file(&mut h, &f)?;
    }
    Ok(hex(&h.finalize()))
}

/// Feeds a file's bytes to `h`, a block at a time.
fn hash_file(h: &mut Sha256, path: &Path) -> Result<(), Error> {
    // Not blocking, and only a regular file: the hash may run beside the reader,
    // before the reader has refused a FIFO.
    let mut file = match crate::source::open_for_reading(path).map_err(|e| Error::io(path, e))? {
        (Some(file), meta) if meta.is_file() => file,
        _ => return Err(Error::io(path, std::io::ErrorKind::InvalidInput.into())),
    };
    let mut block = vec![0u8; 1 << 16];
    loop {
        let n = crate::source::read_full(&mut file, &mut block).map_err(|e| Error::io(path, e))?;
        h.update(&block[..n]);
        if n < block.len() {
            return Ok(());
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
