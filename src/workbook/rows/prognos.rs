//! `Prognos`: the provider's own full-year forecast, an optional sheet.

use super::{At, RowParser};
use crate::workbook::ForecastRow;
use crate::workbook::limits::MAX_TABLE_ROWS;
use crate::workbook::value::Row;

/// Prognos: collects every good row.
#[derive(Default)]
pub(crate) struct Forecasts(pub(crate) Vec<ForecastRow>);

impl RowParser for Forecasts {
    const SHEET: &'static str = "Prognos";
    const COLUMNS: &'static [&'static str] = &["uppdrag", "del", "belopp", "kommentar"];
    const MAX_ROWS: u64 = MAX_TABLE_ROWS;

    fn parse<R: Row>(&mut self, at: &mut At<'_>, cells: &R) {
        let assignment = at.required_text(cells, 0, "uppdrag");
        let part = at.optional_text(cells, 1);
        let amount = at.number(cells, 2);
        let comment = at.optional_text(cells, 3);
        if let (Some(assignment), Some(part), Some(amount), Some(comment)) = (assignment, part, amount, comment) {
            self.0.push(ForecastRow { assignment, part, amount: at.located(2, amount), comment });
        }
    }

    fn forget(&mut self) {
        self.0 = Vec::new();
    }
}
