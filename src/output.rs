//! Where ekostyr may write a file, and how: the one place that decides.
//!
//! - Never over an input: [`refuse_inputs`] compares the output with every file a
//!   command reads, by resolved path and by device and inode (a hard link is the same file).
//! - Through a symbolic link to its target: the link stays, the file it names changes.
//! - Onto a device or FIFO (`/dev/null`, `/dev/stdout`) as a stream: opened and
//!   written, never renamed over.
//! - Onto a regular file atomically: a temporary file beside the target, then a
//!   rename, so a failed write never leaves half a report.
//! - Onto a regular file with more than one name (a hard link, as `fmt` may meet
//!   on a rule file shared between folders) in place: a rename would give the
//!   written name a new file and leave the other names on the old text. The
//!   content is whole before the file is touched, its room is reserved first (so
//!   a full disk fails before a byte changes), then it is written over the old
//!   and the rest cut off.
//! - With the mode a file should have: an existing file keeps its own; a new file
//!   gets `0666` less the umask, as `touch` or an editor would give it.

use crate::report::directory_of;
use std::fs::{self, Permissions};
use std::io::{self, Write as _};
use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};

/// Refuses `output` when it is one of `inputs` (a folder counts with every file in
/// it): the same path once links are resolved, or the same device and inode.
pub fn refuse_inputs(output: &Path, inputs: &[PathBuf]) -> Result<(), String> {
    let Some(out) = Identity::of(output) else { return Ok(()) };
    match expand(inputs).into_iter().find(|input| Identity::of(input).is_some_and(|i| i.is(&out))) {
        Some(input) => Err(crate::tr!("output-is-input", output = output.display().to_string(), input = input.display().to_string())),
        None => Ok(()),
    }
}

/// Writes `bytes` to `path`, replacing what is there (see the module's rules).
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    target(path).and_then(|t| t.write(bytes)).map_err(|e| cannot_write(path, &e))
}

/// Like [`write`], but refuses a file that exists (a rule file from `init`, a
/// workbook someone may have filled in from `template`), a device included.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let created = match target(path) {
        Ok(Target::Create(p)) => create(&p, bytes, false),
        Ok(_) => Err(io::Error::from(io::ErrorKind::AlreadyExists)),
        Err(e) => Err(e),
    };
    created.map_err(|e| cannot_write(path, &e))
}

fn cannot_write(path: &Path, e: &io::Error) -> String {
    crate::tr!("report-cannot-write", file = path.display().to_string(), reason = e.to_string())
}

/// A file as the file system knows it.
struct Identity {
    canonical: Option<PathBuf>,
    device: u64,
    inode: u64,
}

impl Identity {
    /// The file `path` names, following links; `None` when there is none.
    fn of(path: &Path) -> Option<Identity> {
        let meta = fs::metadata(path).ok()?;
        Some(Identity { canonical: fs::canonicalize(path).ok(), device: meta.dev(), inode: meta.ino() })
    }

    fn is(&self, other: &Identity) -> bool {
        let same_path = self.canonical.is_some() && self.canonical == other.canonical;
        same_path || (self.device, self.inode) == (other.device, other.inode)
    }
}

/// The inputs with each folder followed by the entries in it.
fn expand(inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = vec![];
    for input in inputs {
        out.push(input.clone());
        if let Ok(entries) = fs::read_dir(input) {
            out.extend(entries.flatten().map(|e| e.path()));
        }
    }
    out
}

/// How a path is written.
enum Target {
    /// A regular file (a link's target, resolved): replaced atomically, keeping its mode and owner.
    Replace { path: PathBuf, meta: fs::Metadata },
    /// A device, FIFO or socket: opened and written as a stream.
    Stream(PathBuf),
    /// Nothing there yet (or a link to nothing: this is where it points).
    Create(PathBuf),
}

fn target(path: &Path) -> io::Result<Target> {
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() => Ok(Target::Replace { path: fs::canonicalize(path)?, meta }),
        Ok(meta) if meta.is_dir() => Err(io::Error::from(io::ErrorKind::IsADirectory)),
        Ok(_) => Ok(Target::Stream(path.to_path_buf())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Target::Create(dangling_target(path)?)),
        Err(e) => Err(e),
    }
}

impl Target {
    fn write(self, bytes: &[u8]) -> io::Result<()> {
        match self {
            Target::Replace { path, meta } if meta.nlink() > 1 => in_place(&path, bytes),
            Target::Replace { path, meta } => replace(&path, &meta, bytes),
            Target::Stream(path) => stream(&path, bytes),
            Target::Create(path) => create(&path, bytes, true),
        }
    }
}

/// Where a link to nothing points (the path itself when it is no link), so writing
/// through it creates its target, as the shell's `>` would.
fn dangling_target(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    // Linux's own limit on links followed in one lookup.
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => current = directory_of(&current).join(fs::read_link(&current)?),
            _ => return Ok(current),
        }
    }
    Err(io::Error::from(io::ErrorKind::NotFound))
}

/// Replaces a regular file by rename. The temporary file is private (0600) while it
/// is written and gets the old file's mode (and, where allowed, owner) just before the rename.
fn replace(path: &Path, old: &fs::Metadata, bytes: &[u8]) -> io::Result<()> {
    let mut tmp = tempfile::NamedTempFile::new_in(directory_of(path))?;
    tmp.write_all(bytes)?;
    // Only root may give a file to someone else; anyone else's rename makes the file
    // theirs, as any editor's save does, so a refusal here is no error.
    let _ = std::os::unix::fs::fchown(tmp.as_file(), Some(old.uid()), Some(old.gid()));
    tmp.as_file().set_permissions(Permissions::from_mode(old.mode() & 0o7777))?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map(drop).map_err(|e| e.error)
}

/// Writes a hard-linked file's new content into the same inode, so every name of it
/// sees the new content (its mode and owner stay, being the inode's).
fn in_place(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::os::fd::AsRawFd as _;
    let mut file = fs::OpenOptions::new().write(true).open(path)?;
    let len = i64::try_from(bytes.len()).map_err(|_| io::Error::from(io::ErrorKind::FileTooLarge))?;
    if len > 0 {
        // SAFETY: the descriptor is open for writing and owned by `file` for the call.
        let reserved = unsafe { libc::posix_fallocate(file.as_raw_fd(), 0, len) };
        // A file system without fallocate (EOPNOTSUPP, EINVAL) is written unreserved.
        if reserved != 0 && reserved != libc::EOPNOTSUPP && reserved != libc::EINVAL {
            return Err(io::Error::from_raw_os_error(reserved));
        }
    }
    file.write_all(bytes)?;
    file.set_len(bytes.len() as u64)?;
    file.sync_all()
}

/// Creates a file with mode `0666` less the umask (the kernel applies the umask to
/// the mode asked for at creation, as it does for `touch`).
fn create(path: &Path, bytes: &[u8], replace: bool) -> io::Result<()> {
    let mut tmp = tempfile::Builder::new().permissions(Permissions::from_mode(0o666)).tempfile_in(directory_of(path))?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    match replace {
        true => tmp.persist(path).map(drop).map_err(|e| e.error),
        false => tmp.persist_noclobber(path).map(drop).map_err(|e| e.error),
    }
}

/// Writes to a device or FIFO as it is: no temporary file, no rename.
fn stream(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = fs::OpenOptions::new().write(true).open(path)?;
    file.write_all(bytes)?;
    file.flush()
}
