//! Checks of an xls workbook before calamine opens it. calamine reads every
//! sheet of an xls at open, reserving room for the cells its `DIMENSIONS`
//! record declares and then a rectangle from the first to the last cell found,
//! so one cell at column 16 383 asks for gigabytes. This reads the BIFF records
//! of the `Workbook` stream (nothing is stored) and refuses a sheet whose
//! declared or found extent passes [`MAX_SHEET_CELLS`]. A file the compound
//! file reader refuses is left to calamine to report.

use std::io::{BufReader, Read};
use std::path::Path;

use super::error::WorkbookError;
use super::limits::sheet_cells;

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const BOUNDSHEET: u16 = 0x0085;
const DIMENSIONS: u16 = 0x0200;
const FILEPASS: u16 = 0x002F;
const MULRK: u16 = 0x00BD;
/// Records holding one cell, its row and column first (as calamine reads them).
const CELLS: [u16; 7] = [0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD, 0x0006];
/// A BOF's type for a worksheet.
const WORKSHEET: u64 = 0x0010;

/// Refuses an xls with a sheet spanning more than [`MAX_SHEET_CELLS`] cells.
pub(crate) fn check(file: &Path, input: impl std::io::Read + std::io::Seek) -> Result<(), WorkbookError> {
    let Ok(mut book) = cfb::CompoundFile::open(input) else { return Ok(()) };
    let stream = ["/Workbook", "/Book"].into_iter().find_map(|name| book.open_stream(name).ok());
    let Some(stream) = stream else { return Ok(()) };
    let mut scan = Scan::default();
    for_each_record(stream, |offset, kind, data| scan.record(offset, kind, data));
    match scan.too_large {
        Some((sheet, rows, cols)) => Err(WorkbookError::TooLarge { file: file.to_path_buf(), sheet, rows, cols }),
        None => Ok(()),
    }
}

/// Hands each record (its offset in the stream, type and data) to `on_record`
/// until the stream ends, a read fails or `on_record` says stop.
fn for_each_record(stream: impl Read, mut on_record: impl FnMut(u64, u16, &[u8]) -> bool) {
    let mut input = BufReader::with_capacity(1 << 16, stream);
    let mut data = vec![0u8; usize::from(u16::MAX)];
    let mut offset = 0u64;
    let mut head = [0u8; 4];
    while input.read_exact(&mut head).is_ok() {
        let kind = u16::from_le_bytes([head[0], head[1]]);
        let len = usize::from(u16::from_le_bytes([head[2], head[3]]));
        if input.read_exact(&mut data[..len]).is_err() || !on_record(offset, kind, &data[..len]) {
            return;
        }
        offset += 4 + len as u64;
    }
}

/// Sheet names by the offset of their BOF, the sheet being read, and the first too large.
#[derive(Default)]
struct Scan {
    names: Vec<(u64, String)>,
    /// Nesting of BOF … EOF substreams; 1 inside a sheet.
    depth: u32,
    sheet: Option<Extent>,
    too_large: Option<(String, u64, u64)>,
}

/// What calamine would reserve for one sheet.
struct Extent {
    name: String,
    declared: (u64, u64),
    first: (u64, u64),
    last: (u64, u64),
    any: bool,
}

impl Scan {
    /// One record; false to stop (an encrypted file, or a sheet too large found).
    fn record(&mut self, offset: u64, kind: u16, data: &[u8]) -> bool {
        match kind {
            BOF => self.bof(offset, data),
            EOF => self.eof(),
            BOUNDSHEET => self.names.extend(boundsheet(data)),
            FILEPASS => return false,
            DIMENSIONS if self.depth == 1 => self.sheet.iter_mut().for_each(|s| s.declared = dimensions(data)),
            MULRK if self.depth == 1 && data.len() >= 6 => {
                let (row, first, last) = (u16_at(data, 0), u16_at(data, 2), u16_at(data, data.len() - 2));
                self.cell(row, first);
                self.cell(row, last);
            }
            kind if self.depth == 1 && CELLS.contains(&kind) && data.len() >= 4 => self.cell(u16_at(data, 0), u16_at(data, 2)),
            _ => {}
        }
        self.too_large.is_none()
    }

    fn bof(&mut self, offset: u64, data: &[u8]) {
        self.depth += 1;
        if self.depth == 1 && data.len() >= 4 && u16_at(data, 2) == WORKSHEET {
            let name = self.names.iter().find(|(at, _)| *at == offset).map(|(_, n)| n.clone());
            let name = name.unwrap_or_else(|| format!("#{}", self.names.len()));
            self.sheet = Some(Extent { name, declared: (0, 0), first: (u64::MAX, u64::MAX), last: (0, 0), any: false });
        }
    }

    fn eof(&mut self) {
        self.depth = self.depth.saturating_sub(1);
        if self.depth > 0 {
            return;
        }
        let Some(sheet) = self.sheet.take() else { return };
        let found = match sheet.any {
            true => (sheet.last.0 - sheet.first.0 + 1, sheet.last.1 - sheet.first.1 + 1),
            false => (0, 0),
        };
        let (rows, cols) = if found.0 * found.1 > sheet.declared.0 * sheet.declared.1 { found } else { sheet.declared };
        if rows.saturating_mul(cols) > sheet_cells() {
            self.too_large = Some((sheet.name, rows, cols));
        }
    }

    fn cell(&mut self, row: u64, col: u64) {
        if let Some(s) = &mut self.sheet {
            s.first = (s.first.0.min(row), s.first.1.min(col));
            s.last = (s.last.0.max(row), s.last.1.max(col));
            s.any = true;
        }
    }
}

fn u16_at(data: &[u8], at: usize) -> u64 {
    u64::from(u16::from_le_bytes([data[at], data[at + 1]]))
}

fn u32_at(data: &[u8], at: usize) -> u64 {
    u64::from(u32::from_le_bytes([data[at], data[at + 1], data[at + 2], data[at + 3]]))
}

/// The rows and columns a `DIMENSIONS` record declares, read as calamine reads them.
fn dimensions(data: &[u8]) -> (u64, u64) {
    let (first_row, end_row, mut first_col, end_col) = match data.len() {
        10 => (u16_at(data, 0), u16_at(data, 2), u16_at(data, 4), u16_at(data, 6)),
        14 | 16 => (u32_at(data, 0), u32_at(data, 4), u16_at(data, 8), u16_at(data, 10)),
        _ => return (0, 0),
    };
    if first_col > 0xFF || end_col < first_col {
        first_col = 0;
    }
    match end_row >= 1 && end_col >= 1 {
        true => (end_row.saturating_sub(first_row).max(1), end_col.saturating_sub(first_col).max(1)),
        false => (1, 1),
    }
}

/// A `BOUNDSHEET` record: the offset of the sheet's BOF and its name (BIFF8).
fn boundsheet(data: &[u8]) -> Option<(u64, String)> {
    let offset = u32_at(data.get(..4)?, 0);
    let len = usize::from(*data.get(6)?);
    let wide = data.get(7)? & 1 == 1;
    let name = match wide {
        true => {
            let units: Vec<u16> = data.get(8..8 + 2 * len)?.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
            String::from_utf16_lossy(&units)
        }
        false => data.get(8..8 + len)?.iter().map(|&b| char::from(b)).collect(),
    };
    Some((offset, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dimensions_as_calamine_reads_them() {
        let biff8 = |rf: u32, rl: u32, cf: u16, cl: u16| {
            let mut d = Vec::new();
            d.extend(rf.to_le_bytes());
            d.extend(rl.to_le_bytes());
            d.extend(cf.to_le_bytes());
            d.extend(cl.to_le_bytes());
            d.extend([0, 0]);
            d
        };
        assert_eq!(dimensions(&biff8(0, 10, 0, 5)), (10, 5));
        assert_eq!(dimensions(&biff8(0, 65_536, 0, 16_384)), (65_536, 16_384));
        assert_eq!(dimensions(&biff8(0, 0, 0, 0)), (1, 1));
    }

    #[test]
    fn a_far_cell_counts_its_rectangle() {
        let mut scan = Scan::default();
        scan.record(0, BOF, &[0, 6, 0x10, 0]);
        scan.record(8, 0x0203, &[0, 0, 0, 0]);
        scan.record(20, 0x0203, &[0xFF, 0xFF, 0xFF, 0x3F]);
        scan.record(40, EOF, &[]);
        assert_eq!(scan.too_large, Some(("#0".to_string(), 65_536, 16_384)));
    }
}
