//! A folder of CSV files `Utfall.csv`, `Volymer.csv`, `Budget.csv`, read
//! record by record with the same rules and cell references as a workbook.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use ::csv::ByteRecord;

use super::error::{CsvProblem, FileKind, WorkbookError, WorkbookErrors};
use super::rows::{
    Ahead, AheadColumns, Budget, Cutoff, Forecasts, Ledger, OnPosting, RowParser, SheetReader, Sink, TextRow, Volumes, decode_ahead,
};
use super::value::{Row, Value};
use super::{Inputs, Period};

/// Reads the CSV files of a folder: the rows of every file that can be read, and every problem found.
pub(crate) fn read(dir: &Path, on_posting: OnPosting<'_>, until: Option<Period>, problems: &mut WorkbookErrors) -> Inputs {
    let names = match file_names(dir) {
        Ok(names) => names,
        Err(e) => {
            problems.push(e);
            return Inputs::default();
        }
    };
    let [utfall, volymer, budget] = [("Utfall.csv", "Utfall"), ("Volymer.csv", "Volymer"), ("Budget.csv", "Budget")]
        .map(|(wanted, sheet)| find_file(dir, &names, wanted, sheet).map_err(|e| problems.push(e)).ok());
    let mut inputs = Inputs::default();
    if let Some(file) = volymer {
        let volumes = read_file(file, Volumes::new(Cutoff::new(until)), problems);
        inputs.skipped.volumes = volumes.cutoff.skipped;
        inputs.volumes = volumes.rows;
    }
    if let Some(file) = budget {
        inputs.budget = read_file(file, Budget::default(), problems).0;
    }
    if let Some(file) = utfall {
        let ledger = read_file(file, Ledger::new(on_posting, Cutoff::new(until)), problems);
        (inputs.ledger_rows, inputs.skipped.ledger) = (ledger.count, ledger.cutoff.skipped);
    }
    // Prognos.csv is optional: no such file is no forecast of the provider's; two are an error.
    match find_file(dir, &names, "Prognos.csv", "Prognos") {
        Ok(file) => inputs.forecasts = read_file(file, Forecasts::default(), problems).0,
        Err(WorkbookError::MissingCsv { .. }) => {}
        Err(e) => problems.push(e),
    }
    inputs
}

/// The folder's file for `wanted` of the contract: the one entry whose name,
/// trimmed and case folded, is `wanted`, checked by [`regular_file`]; an error
/// when there is none, or more than one.
pub(crate) fn find_file(dir: &Path, names: &[String], wanted: &'static str, sheet: &'static str) -> Result<(PathBuf, File), WorkbookError> {
    let hits: Vec<&String> = names.iter().filter(|n| super::names_sheet(n, wanted)).collect();
    match hits.as_slice() {
        [one] => regular_file(dir, one, sheet),
        [] => Err(WorkbookError::MissingCsv { file: dir.to_path_buf(), name: wanted, found: names.to_vec() }),
        _ => Err(WorkbookError::AmbiguousCsv { file: dir.to_path_buf(), name: wanted, names: hits.into_iter().cloned().collect() }),
    }
}

/// Entry `name` of the folder, opened, if it may be read: a regular file, or a
/// symbolic link to one inside the folder. A link is resolved before anything is
/// opened, so a file outside the folder is never read; the open does not block
/// and its handle is asked what it is, so a pipe (even one swapped in after the
/// link check) never blocks.
fn regular_file(dir: &Path, name: &str, sheet: &'static str) -> Result<(PathBuf, File), WorkbookError> {
    let path = dir.join(name);
    let link = std::fs::symlink_metadata(&path).map_err(|e| WorkbookError::io(&path, e))?;
    if link.file_type().is_symlink() {
        let target = path.canonicalize().map_err(|e| WorkbookError::io(&path, e))?;
        let root = dir.canonicalize().map_err(|e| WorkbookError::io(dir, e))?;
        if !target.starts_with(&root) {
            return Err(WorkbookError::OutsideFolder { file: path, sheet });
        }
    }
    match crate::source::open_for_reading(&path).map_err(|e| WorkbookError::io(&path, e))? {
        (Some(handle), meta) if meta.is_file() => Ok((path, handle)),
        (_, meta) => Err(WorkbookError::NotAFile { file: path, sheet: Some(sheet), kind: FileKind::of(meta.file_type()) }),
    }
}

/// The names of the files in a folder, sorted.
pub(crate) fn file_names(dir: &Path) -> Result<Vec<String>, WorkbookError> {
    let entries = std::fs::read_dir(dir).map_err(|e| WorkbookError::io(dir, e))?;
    let mut names = entries
        .map(|entry| entry.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| WorkbookError::io(dir, e))?;
    names.sort();
    Ok(names)
}

/// Reads one CSV file (its path and open handle) into a parser, recording its problems.
fn read_file<P: RowParser>((file, input): (PathBuf, File), parser: P, problems: &mut WorkbookErrors) -> P {
    let mut reader = SheetReader::new(&file, parser, problems);
    let fed = feed(&file, input, P::SHEET, &mut reader);
    reader.finish(fed)
}

/// Streams the records of a CSV file to a sink; record line numbers become rows.
///
/// Blocks of whole lines without a quote or a lone CR (every export we know) are split
/// on a second thread while this one takes the lines before them; a line whose cells
/// are all of the common shape takes the sink's fast lane ([`Sink::text_row`]). From the
/// first block with a quote or a lone CR on, the csv crate reads the rest (quoted fields
/// may hold delimiters and line breaks).
fn feed<S: Sink>(file: &Path, mut input: File, sheet: &'static str, sink: &mut S) -> Result<(), WorkbookError> {
    let mut buf = Vec::with_capacity(BLOCK);
    let eof = fill(file, &mut input, &mut buf)?;
    if buf.starts_with(&[0xFF, 0xFE]) || buf.starts_with(&[0xFE, 0xFF]) {
        return Err(csv_error(file, sheet, 1, CsvProblem::Utf16));
    }
    let bom = if buf.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
    let delimiter = detect_delimiter(&buf[bom..buf.len().min(bom + (1 << 16))]);
    let mut taker = Taker { header_width: None, record: ByteRecord::new(), decoded: Vec::new() };
    // Once the sink has its header, the columns the splitter decodes ahead.
    let ahead = std::sync::OnceLock::new();
    let rest = std::thread::scope(|scope| {
        let (chunks, received) = std::sync::mpsc::sync_channel::<Chunk>(1);
        let (recycle, recycled) = std::sync::mpsc::channel::<Chunk>();
        let splitter = Splitter { file, input, delimiter, line: 1, chunks, recycled, ahead: &ahead };
        let split = std::thread::Builder::new().name("ekostyr-csv".into()).spawn_scoped(scope, move || splitter.run(buf, bom, eof));
        let split = split.map_err(|e| WorkbookError::io(file, e))?;
        for chunk in &received {
            if taker.chunk(file, sheet, &chunk, sink).is_break() {
                return Ok(None);
            }
            if ahead.get().is_none()
                && let Some(columns) = sink.ahead_columns()
            {
                let _ = ahead.set(columns);
            }
            // Its buffers serve again (the splitter may have ended: then they are dropped).
            let _ = recycle.send(chunk);
        }
        let panicked = || WorkbookError::Malformed { file: file.to_path_buf(), message: crate::tr!("wb-unknown-panic") };
        split.join().unwrap_or_else(|_| Err(panicked())).map(Some)
    })?;
    match rest {
        Some(Some(rest)) => taker.quoted(file, sheet, rest, delimiter, sink),
        _ => Ok(()),
    }
}

/// Bytes read at a time, and the longest line split without the csv crate.
const BLOCK: usize = 1 << 18;

/// Reads until `buf` holds a block or the file ends; whether it ended.
///
/// The bytes go straight into the buffer's spare capacity (`read_to_end` on a file
/// does not zero it first, as filling a slice would: 256 KiB a block), a read
/// interrupted by a signal tried again.
fn fill(file: &Path, input: &mut File, buf: &mut Vec<u8>) -> Result<bool, WorkbookError> {
    let len = buf.len();
    if len >= BLOCK {
        return Ok(false);
    }
    buf.reserve_exact(BLOCK - len);
    let n = input.by_ref().take((BLOCK - len) as u64).read_to_end(buf).map_err(|e| WorkbookError::io(file, e))?;
    Ok(len + n < BLOCK)
}

/// Whole lines of a file, split into fields.
#[derive(Default)]
struct Chunk {
    bytes: Vec<u8>,
    /// Whether `bytes` is UTF-8 throughout (the rule): then each line is a slice of it.
    utf8: bool,
    lines: Vec<Line>,
    /// Every line's field bounds, one after another.
    bounds: Vec<(u32, u32)>,
    /// Every line's period and amount decoded ahead, once the sink's columns are known
    /// (else empty): the main thread's work, done here on the splitter's.
    ahead: Vec<Ahead>,
}

/// One non-empty line of a [`Chunk`].
struct Line {
    /// 1-based.
    number: u64,
    /// Its bytes, without the line break.
    bytes: (u32, u32),
    /// Its fields' bounds in [`Chunk::bounds`].
    fields: (u32, u32),
}

/// What the csv crate reads on from: the file at the first line that is not plain.
struct Rest {
    input: File,
    line: u64,
}

/// The second thread: reads the file and splits blocks of plain lines into [`Chunk`]s.
struct Splitter<'f> {
    file: &'f Path,
    input: File,
    delimiter: u8,
    /// The line the next byte is on, 1-based.
    line: u64,
    chunks: std::sync::mpsc::SyncSender<Chunk>,
    /// Chunks taken, to fill again.
    recycled: std::sync::mpsc::Receiver<Chunk>,
    /// The columns to decode ahead, set by the main thread after the header.
    ahead: &'f std::sync::OnceLock<AheadColumns>,
}

impl Splitter<'_> {
    /// Splits from `buf[start..]` (the file's first block, `eof` when it is all) on; what
    /// is left for the csv crate, if a block is not plain. Stops early, with nothing
    /// left, when the receiver is gone.
    fn run(mut self, mut buf: Vec<u8>, mut start: usize, mut eof: bool) -> Result<Option<Rest>, WorkbookError> {
        // `buf[start..]` is not split yet; `buf[0]` is at byte `offset` of the file.
        let mut offset = 0u64;
        loop {
            let end = match memchr::memrchr(b'\n', &buf[start..]) {
                _ if eof => buf.len(),
                Some(last) => start + last + 1,
                // A line longer than a block: the csv crate reads on from here.
                None if buf.len() - start >= BLOCK => break,
                None => start,
            };
            if !plain(&buf[start..end]) {
                break;
            }
            let mut chunk = self.recycled.try_recv().unwrap_or_default();
            let mut next = std::mem::take(&mut chunk.bytes);
            next.clear();
            next.extend_from_slice(&buf[end..]);
            buf.truncate(end);
            chunk.bytes = buf;
            self.split(&mut chunk, start);
            if self.chunks.send(chunk).is_err() || eof {
                return Ok(None);
            }
            (offset, start, buf) = (offset + end as u64, 0, next);
            eof = fill(self.file, &mut self.input, &mut buf)?;
        }
        let offset = offset + start as u64;
        self.input.seek(SeekFrom::Start(offset)).map_err(|e| WorkbookError::io(self.file, e))?;
        Ok(Some(Rest { input: self.input, line: self.line }))
    }

    /// Splits the lines of `chunk.bytes[start..]`, a [`plain`] block (at most a few
    /// blocks long: its offsets fit an `u32`).
    fn split(&mut self, chunk: &mut Chunk, start: usize) {
        let bytes = &chunk.bytes;
        let text = std::str::from_utf8(&bytes[start..]).ok();
        chunk.utf8 = text.is_some();
        chunk.lines.clear();
        chunk.bounds.clear();
        chunk.ahead.clear();
        let ahead = self.ahead.get().copied();
        let at = |i: usize| i as u32;
        // One pass over the block for both the delimiter and the line break.
        let (mut line_start, mut field) = (start, start);
        let mut field_start = 0;
        let ends = Hits::new(bytes, start, self.delimiter, b'\n').chain(std::iter::once(bytes.len()));
        for i in ends {
            if i < bytes.len() && bytes[i] == self.delimiter {
                chunk.bounds.push((at(field), at(i)));
                field = i + 1;
                continue;
            }
            if i == bytes.len() && line_start == i {
                break;
            }
            let number = self.line;
            self.line += 1;
            let end = if i > line_start && bytes[i - 1] == b'\r' { i - 1 } else { i };
            // The csv crate skips empty lines.
            if end > line_start {
                chunk.bounds.push((at(field), at(end.max(field))));
                chunk.lines.push(Line { number, bytes: (at(line_start), at(end)), fields: (at(field_start), at(chunk.bounds.len())) });
                // Only where every line is text: else each line is decoded on the main thread.
                if let (Some(columns), Some(text)) = (ahead, text) {
                    let fields = Fields { text, base: start, bounds: &chunk.bounds[field_start..], ahead: None };
                    chunk.ahead.push(decode_ahead(columns, &fields));
                }
            } else {
                chunk.bounds.truncate(field_start);
            }
            (line_start, field) = (i + 1, i + 1);
            field_start = chunk.bounds.len();
        }
    }
}

/// The positions of two bytes in a slice, in order, found a word of bytes at a time.
///
/// Where fields are a few bytes long (a ledger line is about six of them in 34 bytes),
/// `memchr2` returns every few bytes and its setup per call costs more than the search;
/// comparing a word at a time and taking the hits from one mask costs a few operations
/// per hit and per word. The word is 16 bytes compared at once by SSE2 where the build
/// has it (every x86_64 target), else 8 bytes by integer arithmetic.
struct Hits<'a> {
    bytes: &'a [u8],
    matcher: Matcher,
    /// Where the word of `mask` starts, and where the next word does.
    base: usize,
    next: usize,
    /// One bit per byte of the word (bit `i` for byte `base + i`) that equals either
    /// byte, not yet returned.
    mask: u32,
}

impl<'a> Hits<'a> {
    fn new(bytes: &'a [u8], start: usize, a: u8, b: u8) -> Self {
        Hits { bytes, matcher: Matcher::new(a, b), base: start, next: start, mask: 0 }
    }
}

impl Iterator for Hits<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.mask == 0 {
            let rest = self.bytes.get(self.next..).filter(|rest| !rest.is_empty())?;
            let len = rest.len().min(Matcher::WIDTH);
            let mut mask = match rest.first_chunk::<{ Matcher::WIDTH }>() {
                Some(word) => self.matcher.mask(word),
                None => {
                    let mut word = [0u8; Matcher::WIDTH];
                    word[..len].copy_from_slice(rest);
                    self.matcher.mask(&word)
                }
            };
            if len < Matcher::WIDTH {
                // The zeros past the end are no bytes of the slice.
                mask &= (1u32 << len) - 1;
            }
            (self.base, self.next, self.mask) = (self.next, self.next + len, mask);
        }
        let at = self.base + self.mask.trailing_zeros() as usize;
        self.mask &= self.mask - 1;
        Some(at)
    }
}

/// The word comparison [`Hits`] uses: SSE2's where the build has it.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
type Matcher = SseMatcher;
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
type Matcher = WordMatcher;

/// Which bytes of a word equal either of two bytes: 16 at once by SSE2.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
struct SseMatcher {
    a: std::arch::x86_64::__m128i,
    b: std::arch::x86_64::__m128i,
}

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
impl SseMatcher {
    const WIDTH: usize = 16;

    fn new(a: u8, b: u8) -> Self {
        use std::arch::x86_64::_mm_set1_epi8;
        // SAFETY: SSE2 is enabled for the whole build (this is compiled only where
        // `target_feature = "sse2"`, as on every x86_64 target); no pointer is read.
        unsafe { SseMatcher { a: _mm_set1_epi8(a as i8), b: _mm_set1_epi8(b as i8) } }
    }

    /// Bit `i` set where byte `i` of `word` is either byte.
    fn mask(&self, word: &[u8; 16]) -> u32 {
        use std::arch::x86_64::{_mm_cmpeq_epi8, _mm_movemask_epi8, _mm_or_si128, _mm_set_epi64x};
        let word = u128::from_le_bytes(*word);
        // SAFETY: as in `new`: SSE2 is enabled for the whole build; values only, no pointer.
        unsafe {
            let v = _mm_set_epi64x((word >> 64) as i64, word as i64);
            _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, self.a), _mm_cmpeq_epi8(v, self.b))) as u32
        }
    }
}

/// Which bytes of a word equal either of two bytes: 8 at once by integer arithmetic
/// (compiled everywhere, so that its test runs on every machine).
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2", not(test)), allow(dead_code))]
struct WordMatcher {
    /// The two bytes, each repeated in every byte of a word.
    a: u64,
    b: u64,
}

#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2", not(test)), allow(dead_code))]
impl WordMatcher {
    const WIDTH: usize = 8;
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;

    fn new(a: u8, b: u8) -> Self {
        WordMatcher { a: Self::ONES * u64::from(a), b: Self::ONES * u64::from(b) }
    }

    /// Bit `i` set where byte `i` of `word` is either byte.
    fn mask(&self, word: &[u8; 8]) -> u32 {
        let word = u64::from_le_bytes(*word);
        let high = Self::zero_bytes(word ^ self.a) | Self::zero_bytes(word ^ self.b);
        // The high bit of each byte, gathered into the low eight bits.
        (((high >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56) as u32
    }

    /// The high bit of every byte of `word` that is zero, exactly (no carries between bytes).
    fn zero_bytes(word: u64) -> u64 {
        !(((word & !Self::HIGH).wrapping_add(!Self::HIGH)) | word) & Self::HIGH
    }
}

/// Whether a block's records are its lines, each its fields split at the delimiter, as
/// the csv crate reads them: no quote, and a CR only before a LF or at the file's end.
///
/// One pass a word at a time (an export from Windows has a CR on every line, so a
/// search for CRs would stop on every line): per word, no quote, and every CR's next
/// byte a LF.
fn plain(block: &[u8]) -> bool {
    const W: usize = Matcher::WIDTH;
    let (quote, cr, lf) = (Matcher::new(b'"', b'"'), Matcher::new(b'\r', b'\r'), Matcher::new(b'\n', b'\n'));
    let (words, rest) = block.as_chunks::<W>();
    // Whether the last word ended in a CR, whose LF must start this one.
    let mut open_cr = false;
    for word in words {
        if quote.mask(word) != 0 {
            return false;
        }
        let (crs, lfs) = (cr.mask(word), lf.mask(word));
        if (open_cr && lfs & 1 == 0) || crs & !(lfs >> 1) & ((1 << (W - 1)) - 1) != 0 {
            return false;
        }
        open_cr = crs >> (W - 1) != 0;
    }
    if open_cr && rest.first().is_some_and(|&b| b != b'\n') {
        return false;
    }
    rest.iter().enumerate().all(|(i, &b)| b != b'"' && (b != b'\r' || rest.get(i + 1).is_none_or(|&next| next == b'\n')))
}

/// This thread's side: hands lines and records to the sink.
struct Taker {
    header_width: Option<usize>,
    record: ByteRecord,
    decoded: Vec<String>,
}

impl Taker {
    /// Hands a chunk's lines to the sink; `Break` when the sink stops.
    fn chunk<S: Sink>(&mut self, file: &Path, sheet: &'static str, chunk: &Chunk, sink: &mut S) -> ControlFlow<()> {
        let all = if chunk.utf8 { std::str::from_utf8(&chunk.bytes).ok() } else { None };
        for (index, line) in chunk.lines.iter().enumerate() {
            let (start, end) = (line.bytes.0 as usize, line.bytes.1 as usize);
            let bounds = &chunk.bounds[line.fields.0 as usize..line.fields.1 as usize];
            let row = u32::try_from(line.number).unwrap_or(u32::MAX);
            let text = match all {
                Some(all) => Some((all, 0)),
                None => std::str::from_utf8(&chunk.bytes[start..end]).ok().map(|t| (t, start)),
            };
            if let Some((text, base)) = text
                && self.header_width == Some(bounds.len())
                && let Some(flow) = sink.text_row(row, &Fields { text, base, bounds, ahead: chunk.ahead.get(index) })
            {
                flow?;
                continue;
            }
            self.record.clear();
            for &(a, b) in bounds {
                self.record.push_field(&chunk.bytes[a as usize..b as usize]);
            }
            self.general(file, sheet, line.number, sink)?;
        }
        ControlFlow::Continue(())
    }

    /// Hands `self.record`, starting on `line`, to the sink by the general path.
    fn general<S: Sink>(&mut self, file: &Path, sheet: &'static str, line: u64, sink: &mut S) -> ControlFlow<()> {
        if let Err(problem) = check_width(&self.record, &mut self.header_width) {
            sink.problem(csv_error(file, sheet, line, problem));
            return ControlFlow::Continue(());
        }
        let row = u32::try_from(line).unwrap_or(u32::MAX);
        sink.row(row, &CsvRow::new(&self.record, &mut self.decoded))
    }

    /// Reads the rest of the file by the csv crate.
    fn quoted<S: Sink>(mut self, file: &Path, sheet: &'static str, rest: Rest, delimiter: u8, sink: &mut S) -> Result<(), WorkbookError> {
        let input = LineTracker::starting_on(BufReader::with_capacity(1 << 16, rest.input), rest.line);
        let mut reader = ::csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(input);
        loop {
            match reader.read_byte_record(&mut self.record) {
                Ok(true) => {}
                Ok(false) => return Ok(()),
                Err(e) => return Err(csv_error(file, sheet, reader.get_ref().line, CsvProblem::Parse(e.to_string()))),
            }
            let end = reader.position().byte();
            let line = reader.get_mut().record_line(end);
            if self.general(file, sheet, line, sink).is_break() {
                return Ok(());
            }
        }
    }
}

/// A line's fields, as text: bounds are into the chunk, `text` starts at its byte `base`.
struct Fields<'a> {
    text: &'a str,
    base: usize,
    bounds: &'a [(u32, u32)],
    ahead: Option<&'a Ahead>,
}

impl TextRow for Fields<'_> {
    fn text(&self, col: u32) -> Option<&str> {
        let &(a, b) = self.bounds.get(col as usize)?;
        self.text.get(a as usize - self.base..b as usize - self.base)
    }

    fn ahead(&self) -> Option<&Ahead> {
        self.ahead
    }
}

/// Refuses a record with values past the header's last column: most often
/// a decimal comma that is also the delimiter, which would split amounts.
fn check_width(record: &ByteRecord, header_width: &mut Option<usize>) -> Result<(), CsvProblem> {
    let width = record.iter().rposition(|field| !field.trim_ascii().is_empty()).map_or(0, |last| last + 1);
    match *header_width {
        None if width > 0 => *header_width = Some(width),
        Some(header) if width > header => return Err(CsvProblem::TooWide { fields: width, header }),
        _ => {}
    }
    Ok(())
}

/// Passes bytes to the CSV parser and keeps those not yet attributed to a
/// record, to tell the line where each record starts (the csv crate's
/// record positions count skipped blank lines and CRLF ends wrongly).
struct LineTracker<R> {
    inner: R,
    /// Bytes handed out; those before `cursor` are attributed already.
    pending: Vec<u8>,
    cursor: usize,
    /// Byte offset of `pending[cursor]`.
    offset: u64,
    /// Line of `pending[cursor]`, 1-based.
    line: u64,
}

impl<R> LineTracker<R> {
    /// A tracker whose first byte is on line `line`.
    fn starting_on(inner: R, line: u64) -> Self {
        LineTracker { inner, pending: Vec::new(), cursor: 0, offset: 0, line }
    }

    /// The line where the record ending at byte offset `end` starts: the
    /// first byte after the previous record that is not a line break.
    fn record_line(&mut self, end: u64) -> u64 {
        let available = self.pending.len() - self.cursor;
        let len = usize::try_from(end.saturating_sub(self.offset)).map_or(available, |n| n.min(available));
        let consumed = &self.pending[self.cursor..self.cursor + len];
        let breaks = consumed.iter().take_while(|&&b| b == b'\r' || b == b'\n');
        let start = self.line + breaks.filter(|&&b| b == b'\n').count() as u64;
        self.line += memchr::memchr_iter(b'\n', consumed).count() as u64;
        self.cursor += len;
        self.offset = end;
        start
    }
}

impl<R: Read> Read for LineTracker<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.pending.drain(..self.cursor);
        self.cursor = 0;
        let n = self.inner.read(buf)?;
        self.pending.extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

pub(crate) fn csv_error(file: &Path, sheet: &'static str, line: u64, problem: CsvProblem) -> WorkbookError {
    WorkbookError::Csv { file: file.to_path_buf(), sheet, line, problem }
}

/// The delimiter of the first non-blank line: tab, `;` or `,`.
pub(crate) fn detect_delimiter(head: &[u8]) -> u8 {
    let line = head.split(|&b| b == b'\n').find(|line| !line.trim_ascii().is_empty()).unwrap_or_default();
    let count = |d: u8| line.iter().filter(|&&b| b == d).count();
    let (tabs, semicolons, commas) = (count(b'\t'), count(b';'), count(b','));
    if tabs > semicolons.max(commas) {
        b'\t'
    } else if semicolons > commas {
        b';'
    } else {
        b','
    }
}

/// A CSV record: UTF-8 fields borrowed (the record's bytes checked once, each field
/// then a slice of them), or all fields decoded from Windows-1252.
enum CsvRow<'r> {
    Utf8(&'r ByteRecord, &'r str),
    Decoded(&'r [String]),
}

impl<'r> CsvRow<'r> {
    /// Views a record, decoding it as Windows-1252 if a field is not UTF-8.
    fn new(record: &'r ByteRecord, decoded: &'r mut Vec<String>) -> Self {
        if let Ok(text) = std::str::from_utf8(record.as_slice())
            && (0..record.len()).all(|i| record.range(i).is_some_and(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end)))
        {
            return CsvRow::Utf8(record, text);
        }
        decoded.clear();
        decoded.extend(record.iter().map(|field| {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(field);
            text.into_owned()
        }));
        CsvRow::Decoded(decoded)
    }
}

impl Row for CsvRow<'_> {
    fn get(&self, col: u32) -> Value<'_> {
        let col = col as usize;
        let text = match self {
            CsvRow::Utf8(record, text) => record.range(col).and_then(|r| text.get(r)),
            CsvRow::Decoded(fields) => fields.get(col).map(String::as_str),
        };
        text.map_or(Value::Empty, Value::Text)
    }

    fn width(&self) -> u32 {
        match self {
            CsvRow::Utf8(record, _) => record.len() as u32,
            CsvRow::Decoded(fields) => fields.len() as u32,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The word-at-a-time search finds what a byte-at-a-time one finds, from any start.
        #[test]
        fn hits_are_every_position_of_either_byte(
            bytes in proptest::collection::vec(proptest::sample::select(&[b';', b'\n', b'a', 0, 0x80, 0xBB, b';' | 0x80][..]), 0..80),
            start in 0usize..80,
        ) {
            let start = start.min(bytes.len());
            let expected: Vec<usize> = (start..bytes.len()).filter(|&i| bytes[i] == b';' || bytes[i] == b'\n').collect();
            proptest::prop_assert_eq!(Hits::new(&bytes, start, b';', b'\n').collect::<Vec<_>>(), expected);
        }

        /// The word-at-a-time reading of a block's plainness is the byte-at-a-time one.
        #[test]
        fn plain_is_no_quote_and_every_cr_before_a_lf(
            pieces in proptest::collection::vec(proptest::prop_oneof![
                12 => proptest::strategy::Just(&b"a;"[..]),
                6 => proptest::strategy::Just(&b"\r\n"[..]),
                2 => proptest::strategy::Just(&b"\n"[..]),
                1 => proptest::strategy::Just(&b"\r"[..]),
                1 => proptest::strategy::Just(&b"\""[..]),
                1 => proptest::strategy::Just(&[0x8D_u8][..]),
            ], 0..60),
        ) {
            let block = pieces.concat();
            let expected = !block.contains(&b'"') && block.iter().enumerate().all(|(i, &b)| b != b'\r' || block.get(i + 1).is_none_or(|&next| next == b'\n'));
            proptest::prop_assert_eq!(plain(&block), expected);
        }

        /// Each word comparison, the one in use and the other, marks exactly the bytes
        /// equal to either byte.
        #[test]
        fn matchers_mark_every_byte_equal_to_either(
            word in proptest::array::uniform16(proptest::sample::select(&[b';', b'\n', b'a', 0, 0x80, 0xBB, 0xFF, b';' | 0x80][..])),
            a in proptest::sample::select(&[b';', 0u8, 0x80, 0xFF][..]),
        ) {
            let expected = |len: usize| (0..len).filter(|&i| word[i] == a || word[i] == b'\n').fold(0u32, |m, i| m | 1 << i);
            let half = word.first_chunk::<8>().expect("16 bytes");
            proptest::prop_assert_eq!(WordMatcher::new(a, b'\n').mask(half), expected(WordMatcher::WIDTH));
            #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
            proptest::prop_assert_eq!(SseMatcher::new(a, b'\n').mask(&word), expected(16));
        }
    }

    /// Each record's text and the line it starts on.
    fn lines(input: &str) -> Vec<(String, u64)> {
        let mut reader =
            ::csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(LineTracker::starting_on(input.as_bytes(), 1));
        let mut record = ByteRecord::new();
        let mut out = Vec::new();
        while reader.read_byte_record(&mut record).expect("csv") {
            let end = reader.position().byte();
            let line = reader.get_mut().record_line(end);
            out.push((String::from_utf8_lossy(record.as_slice()).into_owned(), line));
        }
        out
    }

    /// Every row a sink is handed (its row and cells' text) and every problem; takes
    /// the fast lane once `fast_from` rows were seen, as a sink past its header does.
    #[derive(Default)]
    struct Recorder {
        rows: Vec<(u32, Vec<String>)>,
        problems: Vec<String>,
        fast_from: usize,
        fast: usize,
    }

    impl Sink for Recorder {
        fn row<R: Row>(&mut self, row: u32, cells: &R) -> ControlFlow<()> {
            let mut texts: Vec<String> = (0..cells.width()).map(|c| format!("{:?}", cells.get(c))).collect();
            while texts.last().is_some_and(|t| t == "Text(\"\")") {
                texts.pop();
            }
            self.rows.push((row, texts));
            ControlFlow::Continue(())
        }

        fn width(&self) -> Option<u32> {
            None
        }

        fn problem(&mut self, problem: WorkbookError) {
            self.problems.push(problem.to_string());
        }

        fn text_row<R: TextRow>(&mut self, row: u32, cells: &R) -> Option<ControlFlow<()>> {
            if self.rows.len() < self.fast_from {
                return None;
            }
            let mut texts: Vec<String> = (0..).map_while(|c| cells.text(c)).map(|t| format!("{:?}", Value::Text(t))).collect();
            while texts.last().is_some_and(|t| t == "Text(\"\")") {
                texts.pop();
            }
            self.fast += 1;
            self.rows.push((row, texts));
            Some(ControlFlow::Continue(()))
        }
    }

    /// Every posting (row, period, codes, amount and its scale) and every problem of a
    /// ledger file read by [`read_file`].
    fn ledger_of(bytes: &[u8]) -> (Vec<String>, Vec<String>) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("Utfall.csv");
        std::fs::write(&path, bytes).expect("write");
        let mut postings = Vec::new();
        let mut on_posting = |p: super::super::Posting<'_>| {
            let (period, amount, scale) = (p.period, p.amount, p.amount.scale());
            postings.push(format!("{} {period:?} {:?} {:?} {:?} {amount} {scale}", p.row, p.id, p.komplement, p.konto));
            Ok(())
        };
        let mut problems = WorkbookErrors::new();
        let file = File::open(&path).expect("open");
        read_file((path.clone(), file), Ledger::new(&mut on_posting, Cutoff::new(None)), &mut problems);
        let place = path.display().to_string();
        (postings, problems.kept().iter().map(|p| p.to_string().replace(&place, "Utfall.csv")).collect())
    }

    /// A ledger of many blocks, its periods and amounts decoded ahead on the splitter from the
    /// second or third block on, with cells of every shape: read as the csv crate and
    /// the general path read it (a quote in the header sends the whole file there).
    #[test]
    fn a_ledger_decoded_ahead_reads_as_the_general_path() {
        let periods = ["2023-01", "2023-12", "2023-13", "2023-1", " 2023-02", "2023-03", "2024-07", "2023-00", "2023-1a"];
        let codes = ["L1101", " K11101 ", "", "#N/A", "4010", "Å1"];
        let amounts = ["1549,00", "-0,50", "0", "-0", "1.234", "1 234,50", "12,3456", "abc", "", "-", "7", "0,000", "999999999999999999"];
        let mut body = String::new();
        let mut state = 12345u64;
        let mut pick = |n: usize| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 33) as usize % n
        };
        while body.len() < 4 * BLOCK {
            let line = [
                periods[pick(periods.len())],
                codes[pick(codes.len())],
                codes[pick(codes.len())],
                codes[pick(codes.len())],
                amounts[pick(amounts.len())],
            ];
            body.push_str(&line.join(";"));
            body.push('\n');
        }
        let (fast, fast_problems) = ledger_of(format!("period;id;komplement;konto;belopp\n{body}").as_bytes());
        let (general, general_problems) = ledger_of(format!("\"period\";id;komplement;konto;belopp\n{body}").as_bytes());
        assert!(fast.len() > 5_000, "{}", fast.len());
        assert_eq!(fast, general);
        assert_eq!(fast_problems, general_problems);
    }

    /// What the sink is handed by `feed`, and by the csv crate reading the whole file.
    fn both_ways(bytes: &[u8]) -> (Recorder, Recorder) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("Utfall.csv");
        std::fs::write(&path, bytes).expect("write");
        let mut fast = Recorder { fast_from: 1, ..Recorder::default() };
        let fed = feed(&path, File::open(&path).expect("open"), "Utfall", &mut fast);
        if let Err(e) = fed {
            fast.problems.push(e.to_string());
        }
        let mut general = Recorder { fast_from: usize::MAX, ..Recorder::default() };
        let delimiter = detect_delimiter(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes));
        let mut input = File::open(&path).expect("open");
        if bytes.starts_with(b"\xEF\xBB\xBF") {
            input.seek(SeekFrom::Start(3)).expect("seek");
        }
        let taker = Taker { header_width: None, record: ByteRecord::new(), decoded: Vec::new() };
        if let Err(e) = taker.quoted(&path, "Utfall", Rest { input, line: 1 }, delimiter, &mut general) {
            general.problems.push(e.to_string());
        }
        (fast, general)
    }

    /// Lines of every kind, spanning several blocks, read the same by the split lines
    /// (and their fast lane) as by the csv crate: rows, lines, cells and problems.
    #[test]
    fn split_lines_read_as_the_csv_crate_reads_them() {
        let plain = "2023-01;L1101;K11101;4010;6097,76\n";
        let kinds: [&[u8]; 10] = [
            plain.as_bytes(),
            b"2023-02;L1;K;4010;1,5\r\n",
            b"\n",
            b"\r\n",
            b"2023-03;\xE5r;K;4010;2\n",
            b"2023-03;x;;;\n",
            b"2023-03;x;K;4010;2;;\n",
            b"2023-03;x;K;4010;2;9\n",
            b";;;;\n",
            b"2023-04;short\n",
        ];
        let tails: [&[u8]; 5] =
            [b"", b"2023-05;\"L;1\";K;4010;\"1\n2\"\n2023-06;L;K;4010;3\n", b"x\ry\n", b"2023-07;L;K;4010;3\r", b"2023-07;L;K;4010;3"];
        let mut seed = 7u64;
        for tail in tails {
            for bom in [false, true] {
                let mut bytes = Vec::new();
                if bom {
                    bytes.extend_from_slice(b"\xEF\xBB\xBF");
                }
                bytes.extend_from_slice(b"period;id;komplement;konto;belopp\n");
                while bytes.len() < 3 * BLOCK + 1000 {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    let kind = (seed >> 33) as usize % 40;
                    bytes.extend_from_slice(kinds.get(kind).copied().unwrap_or(plain.as_bytes()));
                }
                bytes.extend_from_slice(tail);
                let (fast, general) = both_ways(&bytes);
                assert!(fast.fast > 10_000, "the fast lane was taken");
                assert_eq!(fast.rows, general.rows, "tail {tail:?}");
                assert_eq!(fast.problems, general.problems, "tail {tail:?}");
            }
        }
        // A line longer than a block, then more lines.
        let mut bytes = b"a;b\n".to_vec();
        bytes.extend(std::iter::repeat_n(b'x', BLOCK + 10));
        bytes.extend_from_slice(b";y\n1;2\n");
        let (fast, general) = both_ways(&bytes);
        assert_eq!((fast.rows.len(), &fast.rows, &fast.problems), (3, &general.rows, &general.problems));
    }

    fn pairs(pairs: &[(&str, u64)]) -> Vec<(String, u64)> {
        pairs.iter().map(|&(s, l)| (s.to_string(), l)).collect()
    }

    #[test]
    fn record_lines() {
        assert_eq!(lines("a\nb\n"), pairs(&[("a", 1), ("b", 2)]));
        assert_eq!(lines("a\r\nb\r\n"), pairs(&[("a", 1), ("b", 2)]));
        assert_eq!(lines("a\n\nb\n"), pairs(&[("a", 1), ("b", 3)]));
        assert_eq!(lines("a\r\n\r\nb"), pairs(&[("a", 1), ("b", 3)]));
        assert_eq!(lines("h\n\"x\ny\"\nz\n"), pairs(&[("h", 1), ("x\ny", 2), ("z", 4)]));
        assert_eq!(lines("\n\na\nb"), pairs(&[("a", 3), ("b", 4)]));
        assert_eq!(lines("a,b\n,\nc,d"), pairs(&[("ab", 1), ("", 2), ("cd", 3)]));
    }

    #[test]
    fn record_lines_across_buffer_refills() {
        let input: String = (1..=5000).map(|i| format!("{i};x\r\n\r\n")).collect();
        let got = lines(&input);
        assert_eq!(got.len(), 5000);
        for (i, (text, line)) in got.iter().enumerate() {
            assert_eq!((text.as_str(), *line), (format!("{};x", i + 1).as_str(), 2 * i as u64 + 1));
        }
    }

    #[test]
    fn fields_are_utf8_each_or_the_record_is_windows_1252() {
        let mut decoded = Vec::new();
        let mut record = ByteRecord::from(vec![&b"\xC3"[..], &b"\xA5x"[..]]);
        assert!(matches!(CsvRow::new(&record, &mut decoded), CsvRow::Decoded(_)), "a character split by the delimiter");
        record = ByteRecord::from(vec!["år", "", "ö"]);
        let row = CsvRow::new(&record, &mut decoded);
        let texts: Vec<String> = (0..4).map(|c| format!("{:?}", row.get(c))).collect();
        assert_eq!(texts, ["Text(\"år\")", "Text(\"\")", "Text(\"ö\")", "Empty"]);
    }

    #[test]
    fn delimiters() {
        assert_eq!(detect_delimiter(b"period;id;belopp\n1,5;2;3"), b';');
        assert_eq!(detect_delimiter(b"period,id,belopp\n1;2"), b',');
        assert_eq!(detect_delimiter(b"\n\r\nperiod\tid\tbelopp\n"), b'\t');
        assert_eq!(detect_delimiter(b"period"), b',');
        assert_eq!(detect_delimiter(b""), b',');
    }
}
