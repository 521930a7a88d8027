//! One open workbook file read by several readers at once — the checks before
//! calamine, calamine itself, and the pass inflating the parts on a second thread
//! (`inflate.rs`) — each at a position of its own. Reads are positioned (`pread`),
//! so no reader moves another's offset, and the file is never opened by its path
//! again after it was checked to be a regular file.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};

/// A reader of an open file with its own position.
pub(crate) struct At {
    file: File,
    pos: u64,
}

impl At {
    /// A reader of `file` from its start.
    pub(crate) fn new(file: &File) -> io::Result<At> {
        Ok(At { file: file.try_clone()?, pos: 0 })
    }

    /// Another reader of the same file, from its start.
    pub(crate) fn again(&self) -> io::Result<At> {
        At::new(&self.file)
    }
}

impl Read for At {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = read_at(&self.file, buf, self.pos)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl Seek for At {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let pos = match to {
            SeekFrom::Start(n) => Some(n),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
            SeekFrom::End(d) => self.file.metadata()?.len().checked_add_signed(d),
        };
        self.pos = pos.ok_or_else(|| io::Error::from(io::ErrorKind::InvalidInput))?;
        Ok(self.pos)
    }
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], pos: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, pos)
}

#[cfg(windows)]
fn read_at(file: &File, buf: &mut [u8], pos: u64) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buf, pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_readers_of_one_file_keep_their_own_positions() {
        let mut tmp = tempfile::tempfile().expect("a temporary file");
        std::io::Write::write_all(&mut tmp, b"0123456789").expect("written");
        let (mut a, mut b) = (At::new(&tmp).expect("a reader"), At::new(&tmp).expect("a reader"));
        let mut two = [0u8; 2];
        a.read_exact(&mut two).expect("read");
        assert_eq!(&two, b"01");
        b.seek(SeekFrom::End(-3)).expect("seek");
        b.read_exact(&mut two).expect("read");
        assert_eq!(&two, b"78");
        a.read_exact(&mut two).expect("read");
        assert_eq!(&two, b"23");
        assert!(a.seek(SeekFrom::Current(-10)).is_err());
    }
}
