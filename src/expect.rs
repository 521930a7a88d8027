//! `ekostyr test`: evaluates the `förvänta` blocks written next to the rules.
//!
//! A block is evaluated on the workbook named by its `indata` line (relative to
//! the rule file's directory), or on no workbook at all, with its inline lines
//! laid over it: `budget` and `volym` set a value (replacing the workbook's),
//! `utfall` adds a posting, mapped by its ID code as the workbook loader maps it.
//! The rules are evaluated for the full year and every value line is compared
//! with the report:
//!
//! - `a.fast`, `a.rörlig`, `a.förändringar`, `a.ersättning` (the total),
//!   `a.kostnad`, `a.resultat`: the year; with a month (`a.rörlig[2023-07]`) that
//!   month's transfer line, that month's cost and their difference;
//!   `a.överföring[2023-07]` is the month's total transfer; `a.kostnad.del` is the
//!   cost of one part.
//! - any other name is a key figure, `a.figur` or `a.figur.del` for a per-part
//!   one. The month picks the period: the month itself for `månadsvis`, the year
//!   to date ending that month for `delår` (`[2023-03]`, `[2023-08]`; no month
//!   or `[2023-12]` for the year); `årsvis` takes no month; a `månadsvis` one
//!   without a month is the year's accumulated value. A series is named after its
//!   figure: `a.figur.serie`, `a.figur.del.serie` (`områdesansvar.
//!   hemtjänsttimmar_mot_budget.nordväst.leanlink[2023-03]`).
//!
//! Values are compared as the report shows them: money exactly, in kronor; key
//! figures in their display units rounded to two decimals, ratios in percent
//! (`95,5 %` is compared with 95,50). Without `± tolerance` the values must be
//! equal; with it the difference may be at most the tolerance.
//!
//! Names and units of the lines are the checker's to validate; what is left here
//! are values the report does not have (a period a figure is not reported for).

use crate::check::literal;
use crate::diagnostic::Diagnostic;
use crate::eval::data::{BudgetValue, Data, Key, map_code};
use crate::eval::results::{AssignmentResult, KeyFigureResult, Report};
use crate::eval::{self, Options};
use crate::model::{AssignmentId, Expr, ExprKind, Interval, MeasureKind, Model, PartId};
use crate::report::number::swedish;
use crate::source::Span;
use crate::syntax::ast::{ExpectItem, Expectation, Ident, Month, Quantity, Str};
use crate::vocab::Figure;
use crate::workbook::CellRef;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// What running one rule file's expectations gave.
#[derive(Debug)]
pub enum FileRun {
    /// The rules have errors (rendered), so nothing ran.
    Rules(String),
    /// The file has no `förvänta` block.
    NoExpectations {
        /// Rendered warnings of the rules, if any.
        warnings: Option<String>,
    },
    /// Each block in order.
    Blocks {
        /// Rendered warnings of the rules, if any.
        warnings: Option<String>,
        /// The blocks.
        blocks: Vec<BlockRun>,
    },
}

/// One `förvänta` block.
#[derive(Debug)]
pub struct BlockRun {
    /// Its name.
    pub name: String,
    /// What it gave.
    pub result: BlockResult,
}

/// What a block gave.
#[derive(Debug)]
pub enum BlockResult {
    /// It was evaluated: how many value lines passed, and each failure's text.
    Evaluated {
        /// Lines that held.
        passed: usize,
        /// Lines that did not, each explained.
        failures: Vec<String>,
    },
    /// It could not be evaluated: the diagnostic, rendered against the rule file.
    Error(String),
}

/// The files named, with each directory replaced by its `*.ek` files in name order.
pub fn rule_files(args: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = vec![];
    for path in args {
        match path.is_dir() {
            true => out.extend(directory(path)?),
            false => out.push(path.clone()),
        }
    }
    Ok(out)
}

fn directory(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let file = dir.display().to_string();
    let cannot = |e: std::io::Error| crate::tr!("expect-cannot-read-dir", dir = file.as_str(), reason = crate::error::io_reason(&e));
    let entries = std::fs::read_dir(dir).map_err(cannot)?.map(|e| e.map(|e| e.path())).collect::<Result<Vec<_>, _>>().map_err(cannot)?;
    let mut files: Vec<PathBuf> = entries.into_iter().filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "ek")).collect();
    files.sort();
    match files.is_empty() {
        true => Err(crate::tr!("expect-no-rule-files", dir = file.as_str())),
        false => Ok(files),
    }
}

/// Runs every `förvänta` block of one rule file.
pub fn run_file(path: &Path) -> FileRun {
    let rules = match crate::session::rules(path) {
        Ok(r) => r,
        Err(e) => return FileRun::Rules(e.to_string()),
    };
    let (model, warnings) = (rules.model, rules.warnings);
    // The model is what the evaluator needs; the blocks are read from the checked text.
    let file = match crate::syntax::parse(&model.source) {
        Ok(f) => f,
        Err(d) => return FileRun::Rules(d.render(&model.source)),
    };
    let expectations: Vec<&Expectation> = crate::syntax::ast::expectations(&file).collect();
    if expectations.is_empty() {
        return FileRun::NoExpectations { warnings };
    }
    let mut workbooks = Workbooks { dir: path.parent().map(Path::to_path_buf).unwrap_or_default(), loaded: HashMap::new() };
    let blocks = expectations.into_iter().map(|block| run_block(&model, block, &mut workbooks)).collect();
    FileRun::Blocks { warnings, blocks }
}

fn run_block(model: &Model, block: &Expectation, workbooks: &mut Workbooks) -> BlockRun {
    let name = block.name.value.clone();
    let evaluated = block_data(model, block, workbooks).and_then(|data| evaluate(model, block, &data).map(|report| (data, report)));
    let (data, report) = match evaluated {
        Ok(x) => x,
        Err(d) => return BlockRun { name, result: BlockResult::Error(d.render(&model.source)) },
    };
    let cx = Cx { model, data: &data, report: &report };
    let lines = value_lines(block);
    let failures: Vec<String> = lines.iter().filter_map(|line| cx.verdict(line).err()).collect();
    BlockRun { name, result: BlockResult::Evaluated { passed: lines.len() - failures.len(), failures } }
}

/// Evaluates the assignments the block's value lines need (see [`scoped`]) for the full year.
fn evaluate(model: &Model, block: &Expectation, data: &Data) -> Result<Report, Diagnostic> {
    eval::evaluate(&scoped(model, block), data, None, Options::default()).map_err(|e| e.0)
}

/// The model with the formulas of every assignment the block does not need taken
/// out, so that a block need not give inputs for assignments it does not test.
/// Indices stay as they are; the needed assignments evaluate exactly as in a run.
fn scoped(model: &Model, block: &Expectation) -> Model {
    let needed = needed(model, block);
    let mut scoped = model.clone();
    for (asg, _) in scoped.assignments.iter_mut().zip(needed).filter(|(_, needed)| !needed) {
        asg.fixed = None;
        asg.variable = None;
        asg.key_figures.clear();
        asg.changes.clear();
    }
    scoped
}

/// Which assignments the value lines name or, through their formulas, read the compensation of.
fn needed(model: &Model, block: &Expectation) -> Vec<bool> {
    let mut needed = vec![false; model.assignments.len()];
    let lines = value_lines(block);
    let named = lines.iter().filter_map(|l| l.path.first().and_then(|a| model.assignment(&a.name)));
    let mut todo: Vec<AssignmentId> = named.map(|(i, _)| i).collect();
    // A pooled result (`samlat.ÄN.resultat`) needs every assignment of its nämnd, or all.
    for l in &lines {
        if let [first, board, ..] = l.path
            && first.name == crate::vocab::POOLED
            && model.assignment(crate::vocab::POOLED).is_none()
        {
            let all = board.name == crate::vocab::POOLED_TOTAL;
            todo.extend(model.assignment_ids().filter(|&a| all || model.assignments[a].board.0 == board.name));
        }
    }
    while let Some(a) = todo.pop() {
        if std::mem::replace(&mut needed[a.index()], true) {
            continue;
        }
        let asg = &model.assignments[a];
        let formulas = asg
            .fixed
            .iter()
            .chain(&asg.variable)
            .chain(asg.key_figures.iter().map(|k| &k.formula))
            .chain(asg.key_figures.iter().flat_map(|k| k.series.iter().map(|s| &s.formula)))
            .chain(asg.changes.iter().map(|c| &c.amount));
        formulas.for_each(|f| compensations_read(model, &f.expr, &mut todo));
    }
    needed
}

/// The assignments whose compensation `e` reads, directly or through `låt` bindings.
/// (`föregående` reads the previous year's model, not this one.)
fn compensations_read(model: &Model, e: &Expr, out: &mut Vec<AssignmentId>) {
    match &e.kind {
        ExprKind::Compensation(a, _) => out.push(*a),
        ExprKind::Let(a, l) => compensations_read(model, &model.assignments[*a].lets[*l].formula.expr, out),
        _ => e.children().into_iter().for_each(|x| compensations_read(model, x, out)),
    }
}

// ------------------------------------------------------------------ inputs

/// Workbooks read so far for one rule file, by path: each is read once.
struct Workbooks {
    /// The rule file's directory, which `indata` is relative to and confined to
    /// (with the root given with `--rot`).
    dir: PathBuf,
    loaded: HashMap<PathBuf, Result<Data, (String, Option<String>)>>,
}

impl Workbooks {
    /// The block's workbook, or no rows at all when it names none.
    fn data(&mut self, model: &Model, input: Option<&Str>) -> Result<Data, Diagnostic> {
        let Some(name) = input else { return Ok(Data::empty(model)) };
        let path = self.dir.join(&name.value);
        confined(&path, &self.dir).map_err(|(message, hint)| Diagnostic::error(name.span, message).with_hint_opt(hint))?;
        let loaded =
            self.loaded.entry(path.clone()).or_insert_with(|| eval::data::load(model, &path, &mut |_| {}).map_err(|e| (e.message, e.hint)));
        loaded.clone().map_err(|(message, hint)| {
            Diagnostic::error(name.span, crate::tr!("expect-cannot-use-workbook", reason = message)).with_hint_opt(hint)
        })
    }
}

/// Whether `indata` may read `path`: a workbook file or a CSV folder in the rule
/// file's folder tree or under `--rot`. Otherwise the message and its hint; a
/// file that does not exist is left to the loader.
fn confined(path: &Path, dir: &Path) -> Result<(), (String, Option<String>)> {
    use crate::check::confine;
    let shown = confine::echo_path(path);
    let refused = |r: confine::Refusal| {
        let message = match &r {
            confine::Refusal::Outside(_) => crate::tr!("confine-outside", path = shown.as_str(), reason = r.reason()),
            _ => crate::tr!(
                "expect-cannot-use-workbook",
                reason = crate::tr!("confine-cannot-read", path = shown.as_str(), reason = r.reason())
            ),
        };
        (message, r.hint())
    };
    let checked = confine::within(path, dir).and_then(|target| confine::file_or_folder(&target, true));
    match checked {
        // A workbook that cannot be read is the loader's to report, as it reports any.
        Ok(_) | Err(confine::Refusal::Io(_)) => Ok(()),
        Err(r) => Err(refused(r)),
    }
}

/// The data a block is evaluated on: its workbook with its inline lines laid over it.
fn block_data(model: &Model, block: &Expectation, workbooks: &mut Workbooks) -> Result<Data, Diagnostic> {
    let input = block.items.iter().find_map(|i| match i {
        ExpectItem::Input(s, _) => Some(s),
        _ => None,
    });
    let mut data = workbooks.data(model, input)?;
    for item in &block.items {
        overlay(model, &mut data, item)?;
    }
    Ok(data)
}

fn overlay(model: &Model, data: &mut Data, item: &ExpectItem) -> Result<(), Diagnostic> {
    match item {
        ExpectItem::Budget(path, q, _) => set_budget(model, data, path, q),
        ExpectItem::Volume(month, path, q, _) => set_volume(model, data, *month, path, q),
        ExpectItem::Ledger(month, code, q, span) => add_posting(model, data, *month, code, q, *span),
        ExpectItem::Input(..) | ExpectItem::Value { .. } => Ok(()),
    }
}

fn set_budget(model: &Model, data: &mut Data, path: &[Ident], q: &Quantity) -> Result<(), Diagnostic> {
    let key = measure_key(model, path, MeasureKind::Budget)?;
    let value = base_value(q)?;
    // INVARIANT: row 0 is no sheet row; it marks a value written in the rule file.
    data.budget.insert(key, BudgetValue { value, cell: CellRef { sheet: "Budget", row: 0, col: 0 } });
    Ok(())
}

fn set_volume(model: &Model, data: &mut Data, month: Month, path: &[Ident], q: &Quantity) -> Result<(), Diagnostic> {
    let key = measure_key(model, path, MeasureKind::Volume)?;
    let m = month_of(model, month).map_err(|e| Diagnostic::error(month.span, e))? as usize - 1;
    let entry = data.volume.entry(key).or_default();
    entry.values[m] = base_value(q)?;
    entry.cells[m] = None;
    Ok(())
}

fn add_posting(model: &Model, data: &mut Data, month: Month, code: &Ident, q: &Quantity, span: Span) -> Result<(), Diagnostic> {
    let m = month_of(model, month).map_err(|e| Diagnostic::error(month.span, e))? as usize - 1;
    let amount = base_value(q)?;
    let added = match map_code(model, &code.name) {
        Some(t) => data.add_posting(t, m, amount),
        None => add_unmapped(data, &code.name, amount),
    };
    added.ok_or_else(|| Diagnostic::error(span, crate::tr!("expect-postings-overflow")))
}

fn add_unmapped(data: &mut Data, code: &str, amount: Decimal) -> Option<()> {
    data.unmapped = (data.unmapped.0 + 1, data.unmapped.1.checked_add(amount)?);
    let codes = &mut data.unmapped_codes;
    let i = match codes.binary_search_by(|c| c.0.as_str().cmp(code)) {
        Ok(i) => i,
        Err(i) => {
            codes.insert(i, (code.to_string(), 0, Decimal::ZERO));
            i
        }
    };
    codes[i] = (codes[i].0.clone(), codes[i].1 + 1, codes[i].2.checked_add(amount)?);
    Some(())
}

/// `uppdrag.mått` or `uppdrag.del.mått` → the key of the value.
fn measure_key(model: &Model, path: &[Ident], kind: MeasureKind) -> Result<Key, Diagnostic> {
    let (a, part, m) = match path {
        [a, m] => (a, None, m),
        [a, p, m] => (a, Some(p), m),
        _ => return Err(Diagnostic::error(path_span(path), crate::tr!("expect-measure-path"))),
    };
    let unknown = |message: String, i: &Ident| Diagnostic::error(i.span, message);
    let (ai, asg) = model.assignment(&a.name).ok_or_else(|| unknown(crate::tr!("expect-unknown-assignment", name = a.name.as_str()), a))?;
    let part = part
        .map(|p| {
            let found = asg.part_id(&p.name);
            found.ok_or_else(|| unknown(crate::tr!("expect-unknown-part", name = p.name.as_str()), p))
        })
        .transpose()?;
    let (mi, measure) = model.measure(&m.name).ok_or_else(|| unknown(crate::tr!("expect-unknown-measure", name = m.name.as_str()), m))?;
    if measure.kind != kind {
        return Err(Diagnostic::error(m.span, crate::tr!("expect-wrong-measure-kind", name = m.name.as_str()))
            .with_hint(crate::tr!("expect-wrong-measure-kind-hint")));
    }
    Ok((ai, part, mi))
}

fn path_span(path: &[Ident]) -> Span {
    match (path.first(), path.last()) {
        (Some(first), Some(last)) => first.span.to(last.span),
        _ => Span::default(),
    }
}

/// A literal in base units (`5 tkr` is 5 000 kr, `95 %` is 0,95).
fn base_value(q: &Quantity) -> Result<Decimal, Diagnostic> {
    literal(q).map(|(v, _)| v).map_err(|e| Diagnostic::error(q.span, e))
}

/// The month number of a month of the rules' year.
fn month_of(model: &Model, m: Month) -> Result<u32, String> {
    let year = model.header.year;
    match m.year == year && (1..=12).contains(&m.month) {
        true => Ok(m.month),
        false => Err(crate::tr!("expect-month-not-in-year", month = format!("{}-{:02}", m.year, m.month), year = year.to_string())),
    }
}

// ------------------------------------------------------------------ values

/// One `uppdrag.värde[månad] = förväntat ± tolerans` line.
struct ValueLine<'a> {
    path: &'a [Ident],
    month: Option<Month>,
    expected: &'a Quantity,
    tolerance: Option<&'a Quantity>,
    span: Span,
}

impl fmt::Display for ValueLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.path.iter().map(|i| i.name.as_str()).collect();
        f.write_str(&names.join("."))?;
        match self.month {
            Some(m) => write!(f, "[{}-{:02}]", m.year, m.month),
            None => Ok(()),
        }
    }
}

fn value_lines(block: &Expectation) -> Vec<ValueLine<'_>> {
    block.items.iter().filter_map(value_line).collect()
}

fn value_line(item: &ExpectItem) -> Option<ValueLine<'_>> {
    match item {
        ExpectItem::Value { path, month, expected, tolerance, span } => {
            Some(ValueLine { path, month: *month, expected, tolerance: tolerance.as_ref(), span: *span })
        }
        _ => None,
    }
}

/// A value of the report: in display units, or `i.u.` with the reason.
struct Actual {
    value: Option<Decimal>,
    unit: String,
    note: Option<String>,
}

impl Actual {
    fn kronor(value: Decimal) -> Self {
        Actual { value: Some(value), unit: "kr".into(), note: None }
    }
}

/// The figures of one block's evaluation.
struct Cx<'a> {
    model: &'a Model,
    data: &'a Data,
    report: &'a Report,
}

impl Cx<'_> {
    /// `Ok` when the line holds; otherwise the failure line `file:line:col: what`.
    fn verdict(&self, line: &ValueLine) -> Result<(), String> {
        let (l, c) = self.model.source.line_col(line.span.start);
        let failure = match self.actual(line) {
            Ok(actual) => compare(line, &actual).err(),
            Err(reason) => Some(format!(": {reason}")),
        };
        match failure {
            None => Ok(()),
            Some(f) => Err(format!("{}:{l}:{c}: {line}{f}", self.model.source.name)),
        }
    }

    fn actual(&self, line: &ValueLine) -> Result<Actual, String> {
        let (a, rest) = line.path.split_first().ok_or_else(|| crate::tr!("expect-empty-name"))?;
        if a.name == crate::vocab::POOLED && self.model.assignment(crate::vocab::POOLED).is_none() {
            return self.pooled(rest).map(Actual::kronor);
        }
        // INVARIANT: the report lists the assignments in the model's order.
        let (ai, r) = self
            .model
            .assignment_ids()
            .zip(&self.report.assignments)
            .find(|(_, r)| r.id == a.name)
            .ok_or_else(|| crate::tr!("expect-no-assignment", name = a.name.as_str()))?;
        let month = line.month.map(|m| month_of(self.model, m)).transpose()?;
        let names: Vec<&str> = rest.iter().map(|i| i.name.as_str()).collect();
        match (names.as_slice(), Figure::parse(names[0])) {
            ([_], Some(what)) => self.money(ai, r, what, month).map(Actual::kronor),
            (["kostnad", part], _) => self.part_cost(ai, part, month).map(Actual::kronor),
            ([figure @ ("ersättning" | "resultat"), part], _) => part_figure(r, figure, part).map(Actual::kronor),
            _ => key_figure(r, &names.join("."), month, self.model.header.year),
        }
    }

    /// `samlat.ÄN.resultat`, `samlat.totalt.kostnad`: the pooled result of the year (or
    /// year to date) of one nämnd or of all assignments.
    fn pooled(&self, rest: &[Ident]) -> Result<Decimal, String> {
        let [board, figure] = rest else { return Err(crate::tr!("expect-empty-name")) };
        let p = &self.report.pooled;
        let (compensation, cost, result) = match board.name.as_str() {
            crate::vocab::POOLED_TOTAL => (p.total.compensation, p.total.cost, p.total.result),
            id => p
                .boards
                .iter()
                .find(|b| b.board.0 == id)
                .map(|b| (b.compensation, b.cost, b.result))
                .ok_or_else(|| crate::tr!("params-expect-no-board", name = id))?,
        };
        match figure.name.as_str() {
            "ersättning" => Ok(compensation),
            "kostnad" => Ok(cost),
            "resultat" => Ok(result),
            other => Err(crate::tr!("params-expect-pooled-figure", name = other)),
        }
    }

    fn money(&self, ai: AssignmentId, r: &AssignmentResult, what: Figure, month: Option<u32>) -> Result<Decimal, String> {
        let Some(m) = month else { return of_year(what, r) };
        let line = r.months.iter().find(|l| l.month == m).ok_or_else(|| crate::tr!("expect-no-transfer", month = m))?.amounts;
        let cost = self.cost(ai, None, m..=m)?;
        Ok(match what {
            Figure::Fixed => line.fixed,
            Figure::Variable => line.variable,
            Figure::Changes => line.changes,
            Figure::Compensation | Figure::Transfer => line.total,
            Figure::Cost => cost,
            Figure::Result => line.total.checked_sub(cost).ok_or_else(|| crate::tr!("expect-result-overflow"))?,
        })
    }

    fn part_cost(&self, ai: AssignmentId, part: &str, month: Option<u32>) -> Result<Decimal, String> {
        let asg = &self.model.assignments[ai];
        if asg.part_id(part).is_none()
            && let Some(cost) = self.activity_cost(ai, part, month)
        {
            return cost;
        }
        let p = asg.part_id(part).ok_or_else(|| crate::tr!("expect-no-part", assignment = asg.id.as_str(), part = part))?;
        let months = month.map_or(1..=12, |m| m..=m);
        self.cost(ai, Some(p), months)
    }

    /// The cost of a level-3 activity by its id (`övrigt`: the rest) for the year or one
    /// month; `None` when the assignment has no such activity.
    fn activity_cost(&self, ai: AssignmentId, id: &str, month: Option<u32>) -> Option<Result<Decimal, String>> {
        let asg = &self.model.assignments[ai];
        if asg.activities.is_empty() {
            return None;
        }
        let slot = match asg.activities.iter().position(|x| x.id.as_deref() == Some(id)) {
            Some(i) => i,
            None if id == crate::eval::results::LEVEL3_OTHER => asg.activities.len(),
            None => return None,
        };
        let months = self.data.activities_of(ai).get(slot)?;
        let range = month.map_or(0..12, |m| (m as usize - 1)..(m as usize));
        let sum = months.get(range)?.iter().try_fold(Decimal::ZERO, |acc, v| acc.checked_add(*v));
        Some(sum.ok_or_else(|| crate::tr!("expect-cost-overflow")))
    }

    /// The ledger of an assignment (or one part slot) over `months`.
    fn cost(&self, ai: AssignmentId, part: Option<PartId>, months: std::ops::RangeInclusive<u32>) -> Result<Decimal, String> {
        self.data.cost(ai, part, (*months.start(), *months.end())).ok_or_else(|| crate::tr!("expect-cost-overflow"))
    }
}

/// A part's compensation or result (`ersättning`, `resultat`) over the report's period.
fn part_figure(r: &AssignmentResult, figure: &str, part: &str) -> Result<Decimal, String> {
    let p = r
        .parts
        .iter()
        .find(|p| p.id.as_deref() == Some(part))
        .ok_or_else(|| crate::tr!("expect-no-part", assignment = r.id.as_str(), part = part))?;
    Ok(if figure == "ersättning" { p.compensation } else { p.result })
}

/// A figure of the whole year.
fn of_year(figure: Figure, r: &AssignmentResult) -> Result<Decimal, String> {
    let c = r.compensation;
    Ok(match figure {
        Figure::Fixed => c.fixed,
        Figure::Variable => c.variable,
        Figure::Changes => c.changes,
        Figure::Compensation => c.total,
        Figure::Cost => r.cost,
        Figure::Result => r.result,
        Figure::Transfer => return Err(crate::tr!("expect-transfer-needs-month")),
    })
}

/// A key figure (`id` or `id.del`) for the period the month picks.
fn key_figure(r: &AssignmentResult, id: &str, month: Option<u32>, year: i32) -> Result<Actual, String> {
    if !r.key_figures.iter().any(|k| k.id == id)
        && let Some((figure, series)) = id.rsplit_once('.')
        && r.key_figures.iter().any(|k| k.id == figure && k.series.iter().any(|s| s.id == series))
    {
        return key_figure_series(r, figure, series, month, year);
    }
    let rows: Vec<&KeyFigureResult> = r.key_figures.iter().filter(|k| k.id == id).collect();
    let Some(first) = rows.first() else { return Err(no_key_figure(r, id)) };
    if let [only] = rows.as_slice()
        && only.value.is_none()
    {
        return Ok(shown(only));
    }
    let label = period(first.interval, id, month, year)?;
    let row = rows.iter().find(|k| k.period == label).ok_or_else(|| not_reported(id, &label, &rows))?;
    Ok(shown(row))
}

/// A series of a key figure (`figur.serie`, `figur.del.serie`) for the period the month picks.
fn key_figure_series(r: &AssignmentResult, id: &str, series: &str, month: Option<u32>, year: i32) -> Result<Actual, String> {
    let rows: Vec<&KeyFigureResult> = r.key_figures.iter().filter(|k| k.id == id).collect();
    let Some(first) = rows.first() else { return Err(no_key_figure(r, id)) };
    let row = match rows.as_slice() {
        [only] if only.value.is_none() => only,
        _ => {
            let label = period(first.interval, id, month, year)?;
            rows.iter().find(|k| k.period == label).ok_or_else(|| not_reported(id, &label, &rows))?
        }
    };
    let value = row.series.iter().find(|s| s.id == series).and_then(|s| s.value);
    let lang = crate::i18n::lang();
    Ok(Actual {
        value: value.map(|v| row.unit.shown(v)),
        unit: row.unit.symbol().to_string(),
        note: row.note.as_ref().map(|n| n.describe(lang)),
    })
}

/// A key figure as the report shows it: in display units (percent for a ratio), rounded.
fn shown(k: &KeyFigureResult) -> Actual {
    let lang = crate::i18n::lang();
    Actual { value: k.value.map(|v| k.unit.shown(v)), unit: k.unit.symbol().to_string(), note: k.note.as_ref().map(|n| n.describe(lang)) }
}

fn no_key_figure(r: &AssignmentResult, id: &str) -> String {
    let prefix = format!("{id}.");
    match r.key_figures.iter().any(|k| k.id.starts_with(&prefix)) {
        true => crate::tr!("expect-per-part", id = id, assignment = r.id.as_str()),
        false => crate::tr!("expect-no-figure", id = id, assignment = r.id.as_str()),
    }
}

fn not_reported(id: &str, label: &str, rows: &[&KeyFigureResult]) -> String {
    let periods: Vec<&str> = rows.iter().map(|k| k.period.as_str()).collect();
    crate::tr!("expect-not-reported", id = id, period = label, periods = periods.join(", "))
}

/// The period label (as in the report) a month picks for a figure of `interval`.
fn period(interval: Interval, id: &str, month: Option<u32>, year: i32) -> Result<String, String> {
    match (interval, month) {
        (Interval::Månadsvis, Some(m)) => Ok(format!("{year}-{m:02}")),
        (Interval::Delår | Interval::Månadsvis, None) | (Interval::Delår, Some(12)) | (Interval::Årsvis, None) => Ok(year.to_string()),
        (Interval::Delår, Some(m)) => Ok(format!("{year}-01..{year}-{m:02}")),
        (Interval::Årsvis, Some(_)) => Err(crate::tr!("expect-yearly-no-month", id = id)),
    }
}

// ------------------------------------------------------------------ comparison

/// Compares in the report's display units; `Err` holds the failure's wording.
fn compare(line: &ValueLine, actual: &Actual) -> Result<(), String> {
    let scale = if actual.unit == "%" { Decimal::ONE_HUNDRED } else { Decimal::ONE };
    let display = |q: &Quantity| -> Result<Decimal, String> {
        literal(q)?.0.checked_mul(scale).ok_or_else(|| crate::tr!("expect-expected-too-large"))
    };
    let expected = display(line.expected).map_err(|e| format!(": {e}"))?;
    let tolerance = line.tolerance.map(display).transpose().map_err(|e| format!(": {e}"))?.map(|t| t.abs());
    let wanted = expected_text(expected, tolerance, &actual.unit);
    let Some(value) = actual.value else {
        let why = actual.note.as_deref().map(|n| format!(" ({n})")).unwrap_or_default();
        return Err(format!(" {}", crate::tr!("expect-got-iu", wanted = wanted, why = why)));
    };
    let difference = value.checked_sub(expected).ok_or_else(|| format!(": {}", crate::tr!("expect-difference-too-large")))?;
    match difference.abs() <= tolerance.unwrap_or(Decimal::ZERO) {
        true => Ok(()),
        false => {
            let (got, difference) = (show(value, &actual.unit), signed(difference, &actual.unit));
            Err(format!(" {}", crate::tr!("expect-got", wanted = wanted, got = got, difference = difference)))
        }
    }
}

fn expected_text(expected: Decimal, tolerance: Option<Decimal>, unit: &str) -> String {
    match tolerance {
        Some(t) => format!("{} ± {}", show(expected, unit), show(t, unit)),
        None => show(expected, unit),
    }
}

/// A value in Swedish format with its unit; kronor with öre when not whole.
fn show(v: Decimal, unit: &str) -> String {
    let scale = v.normalize().scale();
    let decimals = if unit == "kr" && scale > 0 { scale.max(2) } else { scale };
    let number = swedish(v, decimals);
    match unit {
        "" => number,
        unit => format!("{number} {unit}"),
    }
}

fn signed(v: Decimal, unit: &str) -> String {
    match v.is_sign_positive() && !v.is_zero() {
        true => format!("+{}", show(v, unit)),
        false => show(v, unit),
    }
}
