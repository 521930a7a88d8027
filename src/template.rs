//! `ekostyr template`: an input workbook with the sheets, columns and names the
//! rules read, its values left blank for the user to fill in.
//!
//! The rows of `Budget` and `Volymer` are exactly the inputs the formulas look up
//! ([`needed_rows`]), in model order, with drop-down lists on `uppdrag`, `del` and
//! `mått` (the names live on a hidden sheet `Listor`); `Utfall` gets its header row;
//! `Instruktioner`, the first sheet, says in Swedish how to fill in each sheet,
//! which ledger ID codes belong to which assignment and part, each measure's unit
//! and sheet, and which rule file and version the template was made from.
//!
//! The output is deterministic (the creation time is 1 January of the rules' year)
//! and never replaces an existing file: a filled-in workbook is not overwritten by
//! an empty one.

use crate::check::check_path;
use crate::cli::TemplateArgs;
use crate::commands::Outcome;
use crate::eval::data::Key;
use crate::model::{CodePattern, Expr, ExprKind, MeasureKind, Model};
use rust_xlsxwriter::{DataValidation, DocProperties, ExcelDateTime, Format, Formula, Workbook, Worksheet, XlsxError};
use std::collections::{BTreeSet, HashSet};
use std::io::Write as _;
use std::path::Path;

/// Drop-down lists cover the data rows and at least this many rows (0-based last row).
const VALIDATED_ROWS: u32 = 1000;

/// `ekostyr template RULES -o FILE.xlsx`
pub fn command(args: &TemplateArgs) -> Outcome {
    match write_template(args) {
        Ok(rows) => {
            println!("wrote {}: {} Budget rows, {} Volymer rows", args.output.display(), rows.budget, rows.volume);
            Outcome::Ok
        }
        Err(message) => {
            eprint!("{message}");
            if !message.ends_with('\n') {
                eprintln!();
            }
            Outcome::Error
        }
    }
}

/// How many data rows the template's Budget and Volymer sheets have.
struct RowCounts {
    /// Rows of `Budget`.
    budget: usize,
    /// Rows of `Volymer` (twelve months of each needed key).
    volume: usize,
}

fn write_template(args: &TemplateArgs) -> Result<RowCounts, String> {
    let model = checked_model(&args.rules)?;
    check_output(&args.output)?;
    let needs = needed_rows(&model);
    let output = args.output.file_name().map_or_else(|| args.output.display().to_string(), |n| n.to_string_lossy().into_owned());
    let origin = Origin { file: args.rules.display().to_string(), sha256: crate::run::sha256(model.source.text.as_bytes()), output };
    let bytes = render(&model, &needs, &origin)?;
    write_new(&args.output, &bytes)?;
    Ok(RowCounts { budget: needs.budget.len(), volume: needs.volume.len() * 12 })
}

/// Checks the rules; warnings go to stderr, errors make the whole rendering the error.
fn checked_model(path: &Path) -> Result<Model, String> {
    let checked = check_path(path)?;
    let rendered = checked.render();
    match checked.model {
        Some(model) if !checked.has_errors() => {
            if !checked.diagnostics.0.is_empty() || !checked.upstream.is_empty() {
                eprint!("{rendered}");
            }
            Ok(model)
        }
        _ => Err(rendered),
    }
}

/// The directory must exist and the file must not: a filled-in workbook is never replaced.
fn check_output(path: &Path) -> Result<(), String> {
    let dir = output_dir(path);
    if !dir.is_dir() {
        let hint = "create the directory first, or choose another place with `-o`";
        return Err(format!(
            "{}: cannot write the template: the directory `{}` does not exist\n  = hint: {hint}",
            path.display(),
            dir.display()
        ));
    }
    if path.exists() {
        let hint = "remove it first, or choose another name with `-o`";
        return Err(format!("{}: the file exists already and the template would replace it\n  = hint: {hint}", path.display()));
    }
    Ok(())
}

fn output_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Writes atomically (temporary file, then a rename that refuses to replace a file).
fn write_new(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("{}: cannot write: {e}", path.display());
    let mut tmp = tempfile::NamedTempFile::new_in(output_dir(path)).map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist_noclobber(path).map_err(|e| fail(e.error))?;
    Ok(())
}

// ------------------------------------------------------------------ which rows

/// The Budget and Volymer rows the rules read, as (assignment, part, measure)
/// indices into the model, ordered by assignment, then part (the whole
/// assignment first), then measure.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Needs {
    /// Rows of `Budget`.
    pub budget: BTreeSet<Key>,
    /// Rows of `Volymer`, each for every month.
    pub volume: BTreeSet<Key>,
}

/// Walks every formula of every assignment (fixed, variable, changes, key figures
/// — also those followed up from a later year — and the `låt` bindings they use)
/// and collects the inputs each `budget(…)` and `volym(…)` reads in its context:
/// inside `summa`, a per-part key figure or a binding used there, one row per
/// part; with an explicit part, that part; otherwise one row per part (the
/// evaluator sums them), or one row with `del` empty for an assignment without
/// parts. A binding nothing uses is never evaluated and asks for nothing; values
/// of `föregående` come from the previous year's workbook and are not asked for.
pub fn needed_rows(model: &Model) -> Needs {
    let mut walker = Walker { model, needs: Needs::default(), lets: HashSet::new() };
    for a in 0..model.assignments.len() {
        walker.assignment(a);
    }
    walker.needs
}

/// Where an expression is evaluated: its assignment, and whether once per part.
#[derive(Clone, Copy)]
struct Context {
    assignment: usize,
    per_part: bool,
}

struct Walker<'m> {
    model: &'m Model,
    needs: Needs,
    /// Bindings already walked, with their context.
    lets: HashSet<(usize, usize, bool)>,
}

impl Walker<'_> {
    fn assignment(&mut self, a: usize) {
        let asg = &self.model.assignments[a];
        let whole = Context { assignment: a, per_part: false };
        let compensation = asg.fixed.iter().chain(&asg.variable).chain(asg.changes.iter().map(|c| &c.amount));
        for formula in compensation {
            self.expr(&formula.expr, whole);
        }
        for kf in &asg.key_figures {
            self.expr(&kf.formula.expr, Context { per_part: kf.per_part, ..whole });
        }
    }

    fn expr(&mut self, e: &Expr, cx: Context) {
        match &e.kind {
            ExprKind::Budget(a, m, p) => self.need(MeasureKind::Budget, (*a, *p, *m), cx),
            ExprKind::Volume(a, m, p) => self.need(MeasureKind::Volume, (*a, *p, *m), cx),
            ExprKind::SumParts(a, x) => self.expr(x, Context { assignment: *a, per_part: true }),
            ExprKind::Let(a, l) => self.binding(*a, *l, cx.per_part && cx.assignment == *a),
            _ => e.children().into_iter().for_each(|x| self.expr(x, cx)),
        }
    }

    /// A `låt` binding is evaluated in its own assignment, per part only when used per part there.
    fn binding(&mut self, a: usize, l: usize, per_part: bool) {
        if self.lets.insert((a, l, per_part)) {
            let formula = &self.model.assignments[a].lets[l].formula;
            self.expr(&formula.expr, Context { assignment: a, per_part });
        }
    }

    /// `key` holds the explicit part, if any.
    fn need(&mut self, kind: MeasureKind, (a, explicit, m): Key, cx: Context) {
        let parts = self.model.assignments[a].parts.len();
        let in_part = cx.per_part && cx.assignment == a;
        let rows: Vec<Option<usize>> = match explicit {
            Some(p) => vec![Some(p)],
            None if in_part || parts > 0 => (0..parts).map(Some).collect(),
            None => vec![None],
        };
        let set = match kind {
            MeasureKind::Budget => &mut self.needs.budget,
            MeasureKind::Volume => &mut self.needs.volume,
        };
        set.extend(rows.into_iter().map(|p| (a, p, m)));
    }
}

// ------------------------------------------------------------------ the workbook

/// Where the template comes from, for the instructions.
#[derive(Debug, Clone)]
pub struct Origin {
    /// The rule file as named on the command line.
    pub file: String,
    /// Its SHA-256, hex.
    pub sha256: String,
    /// The template's file name.
    pub output: String,
}

/// Renders the template: `Instruktioner`, `Utfall`, `Volymer`, `Budget` and the hidden `Listor`.
pub fn render(model: &Model, needs: &Needs, origin: &Origin) -> Result<Vec<u8>, String> {
    let mut workbook = Workbook::new();
    workbook.set_properties(&properties(model)?);
    let f = Formats::new();
    let lists = Lists::new(model);
    write_lines(workbook.add_worksheet(), &instructions(model, needs, origin), &f)?;
    write_data_sheet(workbook.add_worksheet(), &ledger_sheet(), &f, &lists)?;
    write_data_sheet(workbook.add_worksheet(), &volume_sheet(model, &needs.volume), &f, &lists)?;
    write_data_sheet(workbook.add_worksheet(), &budget_sheet(model, &needs.budget), &f, &lists)?;
    lists.write(workbook.add_worksheet(), &f)?;
    workbook.save_to_buffer().map_err(fail)
}

fn properties(model: &Model) -> Result<DocProperties, String> {
    let year = model.header.year;
    let created = u16::try_from(year).map_err(|_| format!("the year {year} cannot be written to a workbook"))?;
    let created = ExcelDateTime::from_ymd(created, 1, 1).map_err(fail)?;
    let title = format!("Indatamall {year}: {}", model.header.title);
    Ok(DocProperties::new().set_title(title).set_creation_datetime(&created))
}

fn fail(e: XlsxError) -> String {
    format!("cannot build the workbook: {e}")
}

/// Bold headers, text cells that stay text, amounts in kronor.
struct Formats {
    bold: Format,
    title: Format,
    text: Format,
    money: Format,
}

impl Formats {
    fn new() -> Self {
        Formats {
            bold: Format::new().set_bold(),
            title: Format::new().set_bold().set_font_size(14),
            text: Format::new().set_num_format("@"),
            money: Format::new().set_num_format("#,##0.00"),
        }
    }
}

/// What a column of a data sheet holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Col {
    /// Text, with a drop-down from one of the lists.
    Listed(List),
    /// Text.
    Text,
    /// A number (left blank).
    Number,
    /// An amount in kronor (left blank).
    Money,
}

/// A data sheet: header, column kinds and widths, rows of text cells.
struct DataSheet {
    name: &'static str,
    columns: Vec<(&'static str, Col, f64)>,
    rows: Vec<Vec<String>>,
}

fn ledger_sheet() -> DataSheet {
    let columns = vec![
        ("period", Col::Text, 10.0),
        ("id", Col::Text, 12.0),
        ("komplement", Col::Text, 12.0),
        ("konto", Col::Text, 8.0),
        ("belopp", Col::Money, 16.0),
    ];
    DataSheet { name: "Utfall", columns, rows: vec![] }
}

fn volume_sheet(model: &Model, keys: &BTreeSet<Key>) -> DataSheet {
    let year = model.header.year;
    let rows = (1..=12u32)
        .flat_map(|m| keys.iter().map(move |k| (m, k)))
        .map(|(m, k)| [vec![format!("{year}-{m:02}")], names(model, *k)].concat())
        .collect();
    let mut columns = vec![("period", Col::Text, 10.0)];
    columns.extend(name_columns(List::VolumeMeasures));
    columns.push(("värde", Col::Number, 12.0));
    DataSheet { name: "Volymer", columns, rows }
}

fn budget_sheet(model: &Model, keys: &BTreeSet<Key>) -> DataSheet {
    let rows = keys.iter().map(|k| names(model, *k)).collect();
    let mut columns = name_columns(List::BudgetMeasures);
    columns.push(("värde", Col::Number, 12.0));
    DataSheet { name: "Budget", columns, rows }
}

fn name_columns(measures: List) -> Vec<(&'static str, Col, f64)> {
    vec![("uppdrag", Col::Listed(List::Assignments), 26.0), ("del", Col::Listed(List::Parts), 22.0), ("mått", Col::Listed(measures), 28.0)]
}

/// `uppdrag`, `del` (empty for the whole assignment) and `mått` of a key.
fn names(model: &Model, (a, p, m): Key) -> Vec<String> {
    let asg = &model.assignments[a];
    let part = p.map(|p| asg.parts[p].id.clone()).unwrap_or_default();
    vec![asg.id.clone(), part, model.measures[m].name.clone()]
}

fn write_data_sheet(ws: &mut Worksheet, sheet: &DataSheet, f: &Formats, lists: &Lists) -> Result<(), String> {
    ws.set_name(sheet.name).map_err(fail)?;
    for (c, (title, kind, width)) in (0u16..).zip(&sheet.columns) {
        ws.set_column_width(c, *width).map_err(fail)?;
        match kind {
            Col::Money => ws.set_column_format(c, &f.money).map_err(fail)?,
            Col::Number => ws,
            Col::Text | Col::Listed(_) => ws.set_column_format(c, &f.text).map_err(fail)?,
        };
        ws.write_string_with_format(0, c, *title, &f.bold).map_err(fail)?;
    }
    for (r, row) in (1u32..).zip(&sheet.rows) {
        for (c, text) in (0u16..).zip(row).filter(|(_, t)| !t.is_empty()) {
            ws.write_string_with_format(r, c, text, &f.text).map_err(fail)?;
        }
    }
    ws.set_freeze_panes(1, 0).map_err(fail)?;
    add_validations(ws, sheet, lists)
}

fn add_validations(ws: &mut Worksheet, sheet: &DataSheet, lists: &Lists) -> Result<(), String> {
    let last_row = u32::try_from(sheet.rows.len()).map_err(|_| format!("the sheet `{}` is too large", sheet.name))?.max(VALIDATED_ROWS);
    for (c, (_, kind, _)) in (0u16..).zip(&sheet.columns) {
        let Col::Listed(list) = kind else { continue };
        if let Some(validation) = lists.validation(*list)? {
            ws.add_data_validation(1, c, last_row, c, &validation).map_err(fail)?;
        }
    }
    Ok(())
}

// ------------------------------------------------------------------ the drop-down lists

/// The lists on the sheet `Listor`, one column each.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum List {
    Assignments,
    Parts,
    BudgetMeasures,
    VolumeMeasures,
}

const LISTS: [List; 4] = [List::Assignments, List::Parts, List::BudgetMeasures, List::VolumeMeasures];

impl List {
    fn column(self) -> u16 {
        match self {
            List::Assignments => 0,
            List::Parts => 1,
            List::BudgetMeasures => 2,
            List::VolumeMeasures => 3,
        }
    }

    fn title(self) -> &'static str {
        match self {
            List::Assignments => "uppdrag",
            List::Parts => "del",
            List::BudgetMeasures => "mått (Budget)",
            List::VolumeMeasures => "mått (Volymer)",
        }
    }

    /// What the drop-down's error message asks for.
    fn wanted(self) -> &'static str {
        match self {
            List::Assignments => "ett uppdrag",
            List::Parts => "en del (eller lämna tomt för hela uppdraget)",
            List::BudgetMeasures | List::VolumeMeasures => "ett mått",
        }
    }
}

/// The names the rules declare: assignment ids, part ids (once each), measures per sheet.
struct Lists {
    names: [Vec<String>; 4],
}

impl Lists {
    fn new(model: &Model) -> Self {
        let mut parts: Vec<String> = vec![];
        for p in model.assignments.iter().flat_map(|a| &a.parts) {
            if !parts.contains(&p.id) {
                parts.push(p.id.clone());
            }
        }
        let measures = |kind| model.measures.iter().filter(|m| m.kind == kind).map(|m| m.name.clone()).collect();
        Lists {
            names: [
                model.assignments.iter().map(|a| a.id.clone()).collect(),
                parts,
                measures(MeasureKind::Budget),
                measures(MeasureKind::Volume),
            ],
        }
    }

    fn of(&self, list: List) -> &[String] {
        &self.names[usize::from(list.column())]
    }

    /// A drop-down from the list's range on `Listor`; none for an empty list.
    fn validation(&self, list: List) -> Result<Option<DataValidation>, String> {
        let len = self.of(list).len();
        if len == 0 {
            return Ok(None);
        }
        let letter = rust_xlsxwriter::column_number_to_name(list.column());
        let range = format!("=Listor!${letter}$2:${letter}${}", len + 1);
        let message = format!("Välj {} ur listan. Namnen kommer från regelverket (fliken Listor).", list.wanted());
        let validation = DataValidation::new().allow_list_formula(Formula::new(range)).set_error_title("Okänt namn").map_err(fail)?;
        Ok(Some(validation.set_error_message(message).map_err(fail)?))
    }

    fn write(&self, ws: &mut Worksheet, f: &Formats) -> Result<(), String> {
        ws.set_name("Listor").map_err(fail)?;
        for list in LISTS {
            let c = list.column();
            ws.set_column_width(c, 26.0).map_err(fail)?;
            ws.write_string_with_format(0, c, list.title(), &f.bold).map_err(fail)?;
            for (r, name) in (1u32..).zip(self.of(list)) {
                ws.write_string_with_format(r, c, name, &f.text).map_err(fail)?;
            }
        }
        ws.set_hidden(true);
        Ok(())
    }
}

// ------------------------------------------------------------------ the instructions

/// One row of the sheet `Instruktioner`.
enum Line {
    Title(String),
    Heading(&'static str),
    /// Text in the first column (it runs on over the empty cells to its right).
    Text(String),
    /// A table's header row.
    Header(&'static [&'static str]),
    Row(Vec<String>),
    Blank,
}

fn write_lines(ws: &mut Worksheet, lines: &[Line], f: &Formats) -> Result<(), String> {
    ws.set_name("Instruktioner").map_err(fail)?;
    for (c, width) in (0u16..).zip([26.0, 24.0, 44.0, 40.0]) {
        ws.set_column_width(c, width).map_err(fail)?;
    }
    for (r, line) in (0u32..).zip(lines) {
        match line {
            Line::Title(t) => ws.write_string_with_format(r, 0, t, &f.title).map(|_| ()),
            Line::Heading(t) => ws.write_string_with_format(r, 0, *t, &f.bold).map(|_| ()),
            Line::Text(t) => ws.write_string(r, 0, t).map(|_| ()),
            Line::Header(cells) => {
                (0u16..).zip(cells.iter()).try_for_each(|(c, t)| ws.write_string_with_format(r, c, *t, &f.bold).map(|_| ()))
            }
            Line::Row(cells) => {
                (0u16..).zip(cells).filter(|(_, t)| !t.is_empty()).try_for_each(|(c, t)| ws.write_string(r, c, t).map(|_| ()))
            }
            Line::Blank => Ok(()),
        }
        .map_err(fail)?;
    }
    Ok(())
}

fn instructions(model: &Model, needs: &Needs, origin: &Origin) -> Vec<Line> {
    let title = format!("Indatamall {}: {}", model.header.year, model.header.title);
    let mut lines = vec![Line::Title(title), Line::Blank];
    for block in
        [about(model, origin), how_to(model, origin), sheets(), ledger_columns(model.header.year), codes(model), measures(model, needs)]
    {
        lines.extend(block);
        lines.push(Line::Blank);
    }
    lines
}

fn row<const N: usize>(cells: [&str; N]) -> Line {
    Line::Row(cells.iter().map(|c| c.to_string()).collect())
}

fn about(model: &Model, origin: &Origin) -> Vec<Line> {
    let h = &model.header;
    let mut lines = vec![Line::Heading("Regelverket mallen är gjord från")];
    lines.push(row(["Regelfil", &origin.file]));
    lines.push(row(["Version", &h.version]));
    lines.push(row(["År", &h.year.to_string()]));
    lines.push(row(["SHA-256", &origin.sha256]));
    if let Some(previous) = &h.builds_on {
        lines.push(row([
            "Bygger på",
            &format!("{previous} (föregående års värden läses från föregående års regler och indata, inte från denna mall)"),
        ]));
    }
    if let Some(d) = &h.decision {
        lines.push(row(["Beslut", &format!("{} {}, dnr {}", d.board, d.date, d.dnr)]));
    }
    if !h.owners.is_empty() {
        lines.push(row(["Dokumentägare", &h.owners.join(", ")]));
    }
    lines.push(row(["Skapad av", &format!("ekostyr {} (ekostyr template)", env!("CARGO_PKG_VERSION"))]));
    lines
}

fn how_to(model: &Model, origin: &Origin) -> Vec<Line> {
    let year = model.header.year;
    let text = |s: &str| Line::Text(s.to_string());
    let mut lines = vec![
        Line::Heading("Så fyller du i mallen"),
        text("1. Budget: skriv årets budgeterade mängd (platser, timmar, årsarbetare …) i kolumnen värde på varje rad."),
        text("2. Volymer: skriv varje månads utfall i kolumnen värde på varje rad."),
        Line::Text(format!("3. Utfall: klistra in huvudbokens transaktioner för {year} under rubrikraden, en rad per transaktion.")),
        text(
            "Regelverket läser varje rad i Budget och Volymer: ta inte bort rader och lämna inget värde tomt. En tom cell är ett fel, aldrig en nolla; skriv 0 där det inte finns något.",
        ),
        text(
            "uppdrag, del och mått har rullistor med namnen från regelverket. Namnen jämförs utan hänsyn till stora och små bokstäver. del är tom där ett mått gäller hela uppdraget.",
        ),
        text(
            "Tal skrivs som talceller eller som svensk taltext, t.ex. \"1 234,50\". Text som inte är ett tal (\"tolv\") och felvärden (#DIVISION/0!) är fel.",
        ),
        text(
            "Flikarnas och kolumnernas namn får inte ändras; kolumnernas ordning spelar ingen roll och andra flikar, som den här, läses inte.",
        ),
    ];
    if model.assignments.iter().flat_map(|a| &a.key_figures).any(|k| k.from_year > year) {
        lines.push(text("Några rader gäller nyckeltal som följs upp först från ett senare år: de påverkar inte årets siffror men behöver ändå ett värde (0 om uppgiften saknas)."));
    }
    lines.push(Line::Text(format!("Kör sedan: ekostyr run {} --input {}", origin.file, origin.output)));
    lines
}

fn sheets() -> Vec<Line> {
    vec![
        Line::Heading("Flikarna"),
        Line::Header(&["flik", "en rad per", "kolumner"]),
        row(["Utfall", "bokförd transaktion (kostnad, kr)", "period, id, komplement, konto, belopp"]),
        row(["Volymer", "månad, uppdrag, del och mått", "period, uppdrag, del, mått, värde"]),
        row(["Budget", "uppdrag, del och mått (årlig mängd)", "uppdrag, del, mått, värde"]),
        row(["Listor", "namn i rullistorna (dold flik)", "uppdrag, del, mått (Budget), mått (Volymer)"]),
    ]
}

fn ledger_columns(year: i32) -> Vec<Line> {
    vec![
        Line::Heading("Utfall, kolumn för kolumn"),
        Line::Header(&["kolumn", "innehåll"]),
        row(["period", &format!("bokföringsmånaden som text ÅÅÅÅ-MM (t.ex. {year}-03) eller en datumcell; måste ligga i {year}")]),
        row(["id", "ID-koden (verksamhet); den avgör uppdrag och del, se ID-koderna nedan"]),
        row(["komplement", "komplementkoden (text, får vara tom)"]),
        row(["konto", "kontot (text, får vara tomt)"]),
        row(["belopp", "beloppet i kronor: ett tal eller svensk taltext som \"1 234,50\"; rättelser är negativa"]),
    ]
}

fn codes(model: &Model) -> Vec<Line> {
    let mut lines = vec![
        Line::Heading("ID-koder per uppdrag och del"),
        Line::Text(
            "L110* omfattar alla koder som börjar med L110 (L1101, L1102 …); A..B är alla koder av samma längd från A till B.".into(),
        ),
        Line::Text("Transaktioner vars kod inget uppdrag har redovisas som ej mappade (antal och summa), de tappas aldrig.".into()),
        Line::Header(&["uppdrag", "del", "namn", "ID-koder"]),
    ];
    for asg in &model.assignments {
        let own = if asg.codes.is_empty() && !asg.parts.is_empty() { "(se delarna)".to_string() } else { code_list(&asg.codes) };
        lines.push(row([&asg.id, "", &asg.name, &own]));
        for p in &asg.parts {
            lines.push(row([&asg.id, &p.id, &p.name, &code_list(&p.codes)]));
        }
        for x in &asg.activities {
            lines.push(row([&asg.id, "", &format!("verksamhet: {}", x.name), &code_list(&x.codes)]));
        }
    }
    lines
}

fn code_list(codes: &[CodePattern]) -> String {
    codes.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

fn measures(model: &Model, needs: &Needs) -> Vec<Line> {
    let mut lines = vec![Line::Heading("Mått"), Line::Header(&["mått", "flik", "enhet", "rader i mallen"])];
    for (i, m) in model.measures.iter().enumerate() {
        let (sheet, keys) = match m.kind {
            MeasureKind::Budget => ("Budget (per år)", &needs.budget),
            MeasureKind::Volume => ("Volymer (per månad)", &needs.volume),
        };
        let n = keys.iter().filter(|k| k.2 == i).count();
        let rows = match (n, m.kind) {
            (0, _) => "inga: regelverket läser inte måttet".to_string(),
            (n, MeasureKind::Budget) => n.to_string(),
            (n, MeasureKind::Volume) => format!("{n} per månad"),
        };
        lines.push(row([&m.name, sheet, &m.unit.to_string(), &rows]));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check_source;
    use crate::source::SourceFile;

    const HEADER: &str =
        "regelverk \"t\"\når 2023\nversion 1.0\ndokumentägare \"E\"\nmått budget platser: platser\nmått volym dygn_v: dygn\n";

    fn model(body: &str) -> Model {
        let checked = check_source(SourceFile::new("t.ek", format!("{HEADER}{body}")), None, &mut vec![]);
        let rendered = checked.render();
        checked.model.unwrap_or_else(|| panic!("the test rules have errors:\n{rendered}"))
    }

    /// (uppdrag, del, mått) names of a set of keys.
    fn named(model: &Model, keys: &BTreeSet<Key>) -> Vec<String> {
        keys.iter().map(|k| names(model, *k).join("/")).collect()
    }

    #[test]
    fn rows_follow_the_context_each_input_is_read_in() {
        let m = model(
            "nämnd N \"N\" {
  vårdform v \"V\" {
    uppdrag a \"A\" {
      del x \"X\" id A1*
      del y \"Y\" id A2*
      låt p = budget(platser)
      ersättning fast = summa(p * 1 kr/plats)
    }
    uppdrag b \"B\" {
      id B1*
      ersättning fast = (a.p + budget(platser)) * 1 kr/plats
      nyckeltal k \"K\" {
        värde = volym(dygn_v)
        intervall årsvis
        mottagare \"M\"
        ansvarig \"R\"
        från 2024
      }
    }
    uppdrag c \"C\" {
      del z \"Z\" id C1*
      del w \"W\" id C2*
      ersättning fast = 1 kr
      nyckeltal k \"K\" {
        värde = budget(platser; w)
        per del
        intervall årsvis
        mottagare \"M\"
        ansvarig \"R\"
        från 2023
      }
      nyckeltal l \"L\" {
        värde = volym(dygn_v)
        intervall årsvis
        mottagare \"M\"
        ansvarig \"R\"
        från 2023
      }
    }
  }
}
",
        );
        let needs = needed_rows(&m);
        assert_eq!(named(&m, &needs.budget), ["a/x/platser", "a/y/platser", "b//platser", "c/w/platser"]);
        assert_eq!(named(&m, &needs.volume), ["b//dygn_v", "c/z/dygn_v", "c/w/dygn_v"]);
    }
}
