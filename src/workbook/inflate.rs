//! The second pass over a zip workbook, on its own thread while calamine reads:
//! every part is inflated to its end, so the zip reader checks its CRC-32 (calamine
//! stops reading a sheet at `</sheetData>` and never reaches the check, so a changed
//! digit would be read as a different amount), and the large XML parts are scanned
//! for over-long runs (calamine's XML reader buffers a text or tag whole).
//!
//! calamine reads the archive through a [`Gated`] reader: its reads inside a large
//! XML part wait until this pass has scanned that far, so calamine never inflates
//! more than a buffer's worth past the scan, and a part of packed whitespace is
//! refused before calamine holds it. Reads elsewhere (the small parts, the central
//! directory) never wait. Once the pass fails, gated reads fail too.

use std::io::{BufReader, Read, Seek, SeekFrom};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;

use zip::ZipArchive;

use super::at::At;
use super::error::{WorkbookError, ZipPart};
use super::limits::{MAX_PART_BYTES, MAX_XML_RUN_BYTES};

/// One part to inflate: its index in the archive, its name, whether its runs are
/// scanned (and calamine's reads of it gated), and its bytes in the file.
#[derive(Debug, Clone)]
pub(crate) struct Part {
    pub(crate) index: usize,
    pub(crate) part: ZipPart,
    pub(crate) scan_runs: bool,
    /// From its local header to the end of its packed data.
    pub(crate) bytes: (u64, u64),
}

/// The pass under way; [`Verifier::finish`] waits for it and gives its verdict.
pub(crate) struct Verifier {
    file: PathBuf,
    /// The open workbook, for calamine's reader.
    source: At,
    gate: Arc<Gate>,
    handle: Option<JoinHandle<Result<(), WorkbookError>>>,
}

impl Verifier {
    /// Starts inflating `parts` of `file` (read from `source`, the file opened) on a
    /// second thread: the scanned parts first, in file order.
    pub(crate) fn spawn(file: &Path, source: At, mut parts: Vec<Part>) -> Self {
        parts.sort_by_key(|p| (!p.scan_runs, p.bytes.0));
        let ranges = parts.iter().filter(|p| p.scan_runs).map(|p| p.bytes).collect();
        let gate =
            Arc::new(Gate { state: Mutex::new(GateState { ranges, verified: 0, done: false, failed: false }), moved: Condvar::new() });
        let (path, shared, input) = (file.to_path_buf(), Arc::clone(&gate), source.again());
        let handle = std::thread::Builder::new()
            .name("ekostyr-inflate".into())
            .spawn(move || {
                let result = catch_unwind(AssertUnwindSafe(|| inflate_all(&path, input, &parts, &shared)));
                let result = result.unwrap_or(Ok(()));
                shared.finish(result.is_err());
                result
            })
            .ok();
        if handle.is_none() {
            gate.finish(false);
        }
        Verifier { file: file.to_path_buf(), source, gate, handle }
    }

    /// The file opened for calamine, its reads inside the scanned parts gated by this pass.
    pub(crate) fn input(&self) -> Result<Gated, WorkbookError> {
        let input = self.source.again().map_err(|e| WorkbookError::io(&self.file, e))?;
        Ok(Gated { inner: BufReader::new(input), pos: 0, gate: Arc::clone(&self.gate) })
    }

    /// Waits for the pass: the first part that failed, if one did.
    pub(crate) fn finish(mut self) -> Result<(), WorkbookError> {
        match self.handle.take().map(JoinHandle::join) {
            Some(Ok(result)) => result,
            Some(Err(_)) | None => Ok(()),
        }
    }
}

/// How far the pass has come through the scanned parts, shared with the gated readers.
struct Gate {
    state: Mutex<GateState>,
    moved: Condvar,
}

struct GateState {
    /// The scanned parts' bytes in the file, in file order.
    ranges: Vec<(u64, u64)>,
    /// File offset up to which the scanned parts are read by the pass.
    verified: u64,
    done: bool,
    failed: bool,
}

impl Gate {
    fn lock(&self) -> MutexGuard<'_, GateState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn advance(&self, verified: u64) {
        let mut state = self.lock();
        state.verified = state.verified.max(verified);
        self.moved.notify_all();
    }

    fn finish(&self, failed: bool) {
        let mut state = self.lock();
        (state.done, state.failed) = (true, failed);
        self.moved.notify_all();
    }

    /// Waits until bytes `from..to` of the file may be read.
    fn wait(&self, from: u64, to: u64) -> std::io::Result<()> {
        let mut state = self.lock();
        let need = state.ranges.iter().filter(|&&(start, end)| start < to && from < end).map(|&(_, end)| to.min(end)).max();
        let Some(need) = need else { return Ok(()) };
        loop {
            if state.failed {
                return Err(std::io::Error::other(crate::tr!("wb-part-stopped")));
            }
            if state.done || state.verified >= need {
                return Ok(());
            }
            state = self.moved.wait(state).unwrap_or_else(PoisonError::into_inner);
        }
    }
}

/// The workbook file as calamine reads it (see the module's comment).
pub(crate) struct Gated {
    inner: BufReader<At>,
    pos: u64,
    gate: Arc<Gate>,
}

impl Read for Gated {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.gate.wait(self.pos, self.pos.saturating_add(buf.len() as u64))?;
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl Seek for Gated {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        self.pos = self.inner.seek(to)?;
        Ok(self.pos)
    }
}

/// A file that tells how far it has been read.
struct Counted {
    inner: At,
    pos: Arc<AtomicU64>,
}

impl Read for Counted {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl Seek for Counted {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        let pos = self.inner.seek(to)?;
        self.pos.store(pos, Ordering::Relaxed);
        Ok(pos)
    }
}

/// Inflates every part; an archive or part the zip reader cannot open is left to calamine.
fn inflate_all(file: &Path, input: std::io::Result<At>, parts: &[Part], gate: &Gate) -> Result<(), WorkbookError> {
    let Ok(input) = input else { return Ok(()) };
    let pos = Arc::new(AtomicU64::new(0));
    let Ok(mut zip) = ZipArchive::new(BufReader::new(Counted { inner: input, pos: Arc::clone(&pos) })) else {
        return Ok(());
    };
    for part in parts {
        let Ok(reader) = zip.by_index(part.index) else { continue };
        let scan = part.scan_runs.then_some(gate);
        inflate(file, part, reader.take(MAX_PART_BYTES), scan, &pos)?;
        if part.scan_runs {
            gate.advance(part.bytes.1);
        }
    }
    Ok(())
}

/// Reads one part to its end (the zip reader checks the CRC there); with `gate`, scans
/// its runs and lets calamine's reads follow.
fn inflate(file: &Path, part: &Part, mut reader: impl Read, gate: Option<&Gate>, pos: &AtomicU64) -> Result<(), WorkbookError> {
    let mut buf = vec![0u8; 1 << 16];
    let mut runs = Runs::default();
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(corrupt(file, part, &e)),
        };
        if let Some(gate) = gate {
            if runs.over(&buf[..n], MAX_XML_RUN_BYTES) {
                return Err(WorkbookError::XmlRunTooLong { file: file.to_path_buf(), part: part.part.clone() });
            }
            gate.advance(pos.load(Ordering::Relaxed));
        }
    }
}

fn corrupt(file: &Path, part: &Part, e: &std::io::Error) -> WorkbookError {
    let checksum = e.kind() == std::io::ErrorKind::InvalidData && e.to_string().contains("checksum");
    WorkbookError::PartCorrupt { file: file.to_path_buf(), part: part.part.clone(), checksum, message: e.to_string() }
}

/// The length of the run of bytes without `<` or `>` at the end of what was scanned.
#[derive(Default)]
pub(crate) struct Runs {
    run: u64,
}

impl Runs {
    /// Scans `chunk`: whether a run (a text, or the inside of a tag) is now longer than `max`.
    pub(crate) fn over(&mut self, chunk: &[u8], max: u64) -> bool {
        let mut rest = chunk;
        while let Some(at) = memchr::memchr2(b'<', b'>', rest) {
            if self.run + at as u64 > max {
                return true;
            }
            self.run = 0;
            rest = &rest[at + 1..];
        }
        self.run += rest.len() as u64;
        self.run > max
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn over(chunks: &[&str], max: u64) -> bool {
        let mut runs = Runs::default();
        chunks.iter().any(|c| runs.over(c.as_bytes(), max))
    }

    #[test]
    fn runs_between_angle_brackets_across_chunks() {
        assert!(!over(&["<a>1234</a>"], 4));
        assert!(over(&["<a>12345</a>"], 4));
        assert!(over(&["<a x='12'>"], 4));
        assert!(!over(&["<a>12", "34</a>"], 4));
        assert!(over(&["<a>12", "345</a>"], 4));
        assert!(over(&["<a>12", "3", "45"], 4));
    }
}
