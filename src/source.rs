//! Source files, byte spans and line/column lookup; opening an input file.

use std::sync::Arc;

/// Opens `path` for reading and asks the open handle what it is, so the answer is
/// about the file read, not about a path that may be swapped between a check and
/// the open. On unix the open does not block (`O_NONBLOCK`): a FIFO or a device
/// opens at once, and the caller refuses it by its metadata; for a regular file
/// the flag changes nothing. A folder opens too (its metadata says so). What
/// cannot be opened at all but exists (a socket) comes without a handle, with its
/// metadata, so the caller refuses it by its kind like the others.
pub fn open_for_reading(path: &std::path::Path) -> std::io::Result<(Option<std::fs::File>, std::fs::Metadata)> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    match options.open(path) {
        Ok(file) => {
            let meta = file.metadata()?;
            Ok((Some(file), meta))
        }
        Err(e) => match std::fs::metadata(path) {
            Ok(meta) if !meta.is_file() && !meta.is_dir() => Ok((None, meta)),
            _ => Err(e),
        },
    }
}

/// Reads into `buf` until it is full or the input ends, a read interrupted by a signal
/// tried again; how many bytes it holds (fewer than its length: the input ended).
pub fn read_full(input: &mut impl std::io::Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut len = 0;
    while len < buf.len() {
        match input.read(&mut buf[len..]) {
            Ok(0) => break,
            Ok(n) => len += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(len)
}

/// A byte range into one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A rule file's name (as the user gave it) and its text.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as given on the command line, used in diagnostics.
    pub name: String,
    /// The whole text.
    pub text: String,
    line_starts: Vec<usize>,
}

/// A shared handle to a source file.
pub type Source = Arc<SourceFile>;

impl SourceFile {
    /// Wraps a file's name and text.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Source {
        let text = text.into();
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Arc::new(SourceFile { name: name.into(), text, line_starts })
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self.clamp(offset);
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let col = self.text[start..offset].chars().count() + 1;
        (line + 1, col)
    }

    /// The text of a 1-based line, without its line break.
    pub fn line_text(&self, line: usize) -> &str {
        let start = self.line_starts.get(line - 1).copied().unwrap_or(self.text.len());
        let end = self.line_starts.get(line).copied().unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[self.clamp(span.start)..self.clamp(span.end)]
    }

    fn clamp(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let f = SourceFile::new("x.ek", "år 2023\nvärde = ö\n");
        assert_eq!(f.line_col(0), (1, 1));
        let at = f.text.find('ö').expect("ö");
        assert_eq!(f.line_col(at), (2, 9));
        assert_eq!(f.line_text(2), "värde = ö");
        assert_eq!(f.line_col(f.text.len()), (3, 1));
    }
}
