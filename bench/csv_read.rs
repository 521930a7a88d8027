//! Baseline for the benchmark: the csv crate reading a CSV folder's `Utfall.csv` as
//! byte records (`;`-separated), counting records and the bytes of the amount column
//! so the read cannot be optimised away.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: bench-csv-read CSV-FOLDER");
        return ExitCode::from(2);
    };
    let path = std::path::Path::new(&dir).join("Utfall.csv");
    let mut reader = match csv::ReaderBuilder::new().delimiter(b';').flexible(true).from_path(&path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{}: {e}", path.display());
            return ExitCode::from(2);
        }
    };
    let (mut rows, mut bytes) = (0u64, 0usize);
    let mut record = csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {
                rows += 1;
                bytes += record.get(4).map_or(0, <[u8]>::len);
            }
            Ok(false) => break,
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                return ExitCode::from(2);
            }
        }
    }
    println!("{rows} rows, {bytes} amount bytes");
    ExitCode::SUCCESS
}
