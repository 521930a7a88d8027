//! Baseline for the benchmark: a plain calamine read of a workbook's `Utfall`
//! sheet (the whole range, as most tools read it), summing the `belopp` column
//! as f64 so the read cannot be optimised away.

use calamine::{Data, Reader, open_workbook_auto};
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: bench-plain-read WORKBOOK.xlsx");
        return ExitCode::from(2);
    };
    let mut wb = match open_workbook_auto(&path) {
        Ok(wb) => wb,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    let range = match wb.worksheet_range("Utfall") {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{path}: Utfall: {e}");
            return ExitCode::from(2);
        }
    };
    let (mut rows, mut sum) = (0u64, 0f64);
    for row in range.rows().skip(1) {
        rows += 1;
        if let Some(Data::Float(x)) = row.get(4) {
            sum += x;
        }
    }
    println!("{rows} rows, sum {sum:.2}");
    ExitCode::SUCCESS
}
