//! The template workbook: data sheets with headers, blank values and list validation.

use super::instructions::{instructions, write_lines};
use super::*;

/// Where the template comes from, for the instructions.
#[derive(Debug, Clone)]
pub struct Origin {
    /// The rule file as named on the command line.
    pub file: String,
    /// Its SHA-256, hex.
    pub sha256: String,
    /// The template's file name.
    pub output: String,
    /// The one month (1..=12) the template is for (`--period`), or `None` for the whole year.
    pub month: Option<u32>,
}

/// Renders the template: `Instruktioner`, `Utfall`, `Volymer`, `Budget` and the hidden `Listor`.
pub fn render(model: &Model, needs: &Needs, origin: &Origin) -> Result<Vec<u8>, String> {
    let mut workbook = Workbook::new();
    workbook.set_properties(&properties(model)?);
    let f = Formats::new();
    let lists = Lists::new(model);
    write_lines(workbook.add_worksheet(), &instructions(model, needs, origin), &f)?;
    write_data_sheet(workbook.add_worksheet(), &ledger_sheet(), &f, &lists)?;
    write_data_sheet(workbook.add_worksheet(), &volume_sheet(model, &needs.volume, origin.month), &f, &lists)?;
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

pub(super) fn fail(e: XlsxError) -> String {
    crate::tr!("template-cannot-build", reason = e.to_string())
}

/// Bold headers, text cells that stay text, amounts in kronor.
pub(super) struct Formats {
    pub(super) bold: Format,
    pub(super) title: Format,
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

fn volume_sheet(model: &Model, keys: &BTreeSet<Key>, month: Option<u32>) -> DataSheet {
    let year = model.header.year;
    let months = month.map_or(1..=12u32, |m| m..=m);
    let rows = months
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
pub(super) fn names(model: &Model, (a, p, m): Key) -> Vec<String> {
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
