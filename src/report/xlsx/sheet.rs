//! A view laid out as a sheet: cells and their number formats, lines above the
//! table, a bold frozen header with an autofilter, total rows below the filtered
//! range, column widths that fit the longest text, the key figures' status in
//! colour, and A4 landscape printing one page wide.
//!
//! Number formats are written in Excel's own notation (`#,##0.00`, `0.0 %`), which
//! Excel shows in the reader's locale: `1 234 567,89` and `102,0 %` in Swedish.
//! Percentages are stored as fractions (`1.0203`), so they compute as numbers.

use crate::eval::money;
use crate::eval::results::Status;
use crate::number::swedish;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Color, ConditionalFormatText, ConditionalFormatTextRule, Format, FormatBorder, Worksheet, XlsxError};

/// A column's header.
pub(super) struct Column {
    pub(super) title: String,
}

/// One cell's content; the kind decides the number format.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Cell {
    Text(String),
    /// Kronor and öre: `# ##0,00`.
    Money(Decimal),
    /// Whole kronor for the board's summary (the value stays exact): `# ##0`.
    Kronor(Decimal),
    /// A key figure's value in its unit, two decimals.
    Figure(Decimal),
    /// A fraction shown in percent: `0,0 %`.
    Percent(Decimal),
    Count(u64),
    /// A key figure's target status as a symbol and words; coloured by a conditional format.
    Status(Status, String),
    Empty,
}

/// A view laid out as a sheet: lines above the table, the header, data rows, total rows.
pub(super) struct Sheet {
    pub(super) name: String,
    /// Lines above the table (the first is the title); none for a plain table.
    pub(super) preamble: Vec<String>,
    pub(super) columns: Vec<Column>,
    pub(super) rows: Vec<Vec<Cell>>,
    pub(super) totals: Vec<Vec<Cell>>,
}

impl Sheet {
    /// A plain table: header, rows, no total rows yet.
    pub(super) fn table(name: String, columns: Vec<Column>, rows: Vec<Vec<Cell>>) -> Sheet {
        Sheet { name, preamble: vec![], columns, rows, totals: vec![] }
    }

    /// With a `Summa` row (`label` in the first column) under every column whose data
    /// cells are all money; unchanged when there is no such column.
    pub(super) fn summed(mut self, label: &str, too_large: impl Fn() -> String) -> Result<Sheet, String> {
        let width = self.columns.len();
        let mut total = vec![Cell::Empty; width];
        let mut any = false;
        for (c, slot) in total.iter_mut().enumerate().skip(1) {
            if let Some(sum) = column_sum(&self.rows, c) {
                *slot = Cell::Money(sum.map_err(|_| too_large())?);
                any = true;
            }
        }
        if any {
            total[0] = Cell::Text(label.to_string());
            self.totals.push(total);
        }
        Ok(self)
    }

    /// The row of the header: under the preamble and a blank line, or the first.
    fn header_row(&self) -> u32 {
        match self.preamble.len() {
            0 => 0,
            // INVARIANT: the preamble is a few lines of text.
            n => u32::try_from(n + 1).unwrap_or(u32::MAX),
        }
    }
}

/// The sum of column `c` when every data row has money there (checked for overflow).
fn column_sum(rows: &[Vec<Cell>], c: usize) -> Option<Result<Decimal, money::Overflow>> {
    let values: Option<Vec<Decimal>> = rows
        .iter()
        .map(|r| match r.get(c) {
            Some(Cell::Money(d)) => Some(*d),
            _ => None,
        })
        .collect();
    let values = values.filter(|v| !v.is_empty())?;
    Some(values.into_iter().try_fold(Decimal::ZERO, money::add))
}

/// The workbook's formats: bold for headers and totals, number formats plain and bold.
pub(super) struct Formats {
    title: Format,
    bold: Format,
    money: [Format; 2],
    kronor: [Format; 2],
    figure: Format,
    percent: [Format; 2],
    count: [Format; 2],
    met: Format,
    not_met: Format,
}

impl Formats {
    pub(super) fn new() -> Self {
        let both = |f: Format| [f.clone(), f.set_bold().set_border_top(FormatBorder::Thin)];
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            bold: Format::new().set_bold(),
            money: both(Format::new().set_num_format("#,##0.00")),
            kronor: both(Format::new().set_num_format("#,##0")),
            figure: Format::new().set_num_format("#,##0.00"),
            percent: both(Format::new().set_num_format("0.0 %")),
            count: both(Format::new().set_num_format("0")),
            met: Format::new().set_background_color(Color::RGB(0xC6EFCE)).set_font_color(Color::RGB(0x006100)),
            not_met: Format::new().set_background_color(Color::RGB(0xFFC7CE)).set_font_color(Color::RGB(0x9C0006)),
        }
    }
}

/// The symbol beside a status's words, so that it reads without colour.
pub(super) fn status_symbol(s: Status) -> &'static str {
    match s {
        Status::Met => "✓",
        Status::NotMet => "✗",
        Status::NoTarget => "–",
        Status::NotAvailable => "",
    }
}

pub(super) fn fail(e: XlsxError) -> String {
    crate::tr!("report-workbook-failed", reason = e.to_string())
}

/// Writes the sheet: preamble, header, rows, totals, widths, freeze and filter, status colours.
pub(super) fn write(ws: &mut Worksheet, sheet: &Sheet, f: &Formats) -> Result<(), String> {
    ws.set_name(&sheet.name).map_err(fail)?;
    for (r, line) in (0u32..).zip(&sheet.preamble) {
        let format = if r == 0 { &f.title } else { &f.bold };
        ws.write_string_with_format(r, 0, line, format).map_err(fail)?;
    }
    let h = sheet.header_row();
    write_header(ws, h, sheet, f)?;
    let data = sheet.rows.iter().map(|r| (r, false));
    let totals = sheet.totals.iter().map(|r| (r, true));
    for (r, (cells, bold)) in (h + 1..).zip(data.chain(totals)) {
        write_row(ws, r, cells, bold, f)?;
    }
    let too_large = |_| crate::tr!("report-sheet-too-large", sheet = &sheet.name);
    let last_row = h + u32::try_from(sheet.rows.len()).map_err(too_large)?;
    let last_col = u16::try_from(sheet.columns.len().saturating_sub(1)).map_err(too_large)?;
    ws.set_freeze_panes(h + 1, 0).map_err(fail)?;
    ws.autofilter(h, 0, last_row, last_col).map_err(fail)?;
    print_setup(ws, h)?;
    colour_statuses(ws, sheet, (h + 1, last_row), f)
}

/// For the agenda's appendix: A4 landscape, the table's width on one page, its
/// header on every page.
fn print_setup(ws: &mut Worksheet, h: u32) -> Result<(), String> {
    // Excel's paper size 9 is A4.
    ws.set_paper_size(9).set_landscape().set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(h, h).map_err(fail)?;
    Ok(())
}

/// The bold header row and column widths that fit the longest text of each column.
fn write_header(ws: &mut Worksheet, h: u32, sheet: &Sheet, f: &Formats) -> Result<(), String> {
    for (c, column) in (0u16..).zip(&sheet.columns) {
        ws.write_string_with_format(h, c, &column.title, &f.bold).map_err(fail)?;
        ws.set_column_width(c, width(sheet, usize::from(c))).map_err(fail)?;
    }
    Ok(())
}

/// Characters of the column's longest entry, header and totals included, plus a margin
/// (the autofilter's button); at most 80, so a long note does not make a sheet unreadable.
fn width(sheet: &Sheet, c: usize) -> f64 {
    let cells = sheet.rows.iter().chain(&sheet.totals).filter_map(|r| r.get(c)).map(shown_length);
    let longest = cells.chain([sheet.columns[c].title.chars().count()]).max().unwrap_or(0);
    // INVARIANT: at most 80, exact in an f64.
    (longest.min(78) as f64) + 3.0
}

/// How many characters the cell shows.
fn shown_length(cell: &Cell) -> usize {
    match cell {
        Cell::Text(s) | Cell::Status(_, s) => s.chars().count(),
        Cell::Money(d) | Cell::Figure(d) => swedish(*d, 2).chars().count(),
        Cell::Kronor(d) => swedish(*d, 0).chars().count(),
        Cell::Percent(d) => swedish(d.saturating_mul(Decimal::ONE_HUNDRED), 1).chars().count() + 2,
        Cell::Count(n) => n.to_string().len(),
        Cell::Empty => 0,
    }
}

fn write_row(ws: &mut Worksheet, r: u32, cells: &[Cell], bold: bool, f: &Formats) -> Result<(), String> {
    let b = usize::from(bold);
    for (c, cell) in (0u16..).zip(cells) {
        match cell {
            Cell::Text(s) | Cell::Status(_, s) if bold => ws.write_string_with_format(r, c, s, &f.bold),
            Cell::Text(s) | Cell::Status(_, s) => ws.write_string(r, c, s),
            Cell::Money(d) => ws.write_number_with_format(r, c, number(*d)?, &f.money[b]),
            Cell::Kronor(d) => ws.write_number_with_format(r, c, number(*d)?, &f.kronor[b]),
            Cell::Figure(d) => ws.write_number_with_format(r, c, number(*d)?, &f.figure),
            Cell::Percent(d) => ws.write_number_with_format(r, c, number(*d)?, &f.percent[b]),
            Cell::Count(n) => ws.write_number_with_format(r, c, number(Decimal::from(*n))?, &f.count[b]),
            Cell::Empty => continue,
        }
        .map_err(fail)?;
    }
    Ok(())
}

/// Green and red fills on the status column's data rows, by the symbol the words start with.
fn colour_statuses(ws: &mut Worksheet, sheet: &Sheet, (first, last): (u32, u32), f: &Formats) -> Result<(), String> {
    let Some(c) = sheet.rows.first().and_then(|r| r.iter().position(|x| matches!(x, Cell::Status(..)))) else { return Ok(()) };
    let c = u16::try_from(c).map_err(|_| crate::tr!("report-sheet-too-large", sheet = &sheet.name))?;
    for (status, format) in [(Status::Met, &f.met), (Status::NotMet, &f.not_met)] {
        let rule = ConditionalFormatTextRule::BeginsWith(status_symbol(status).to_string());
        let conditional = ConditionalFormatText::new().set_rule(rule).set_format(format);
        ws.add_conditional_format(first, c, last, c, &conditional).map_err(fail)?;
    }
    Ok(())
}

/// The decimal as a float via its exact text, sign included.
pub(super) fn number(d: Decimal) -> Result<f64, String> {
    d.to_string().parse::<f64>().map_err(|e| crate::tr!("report-not-a-number", value = d, reason = e.to_string()))
}
