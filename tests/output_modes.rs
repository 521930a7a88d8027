//! Files ekostyr writes are for colleagues on a shared drive: a new file gets `0666`
//! less the umask (`0644` under `022`, `0664` under `002`), as `touch` or an editor
//! gives it, never the temporary file's private `0600`; a file written over keeps its
//! own mode. Every writer is tried under a umask set by a shell, as a user's login
//! sets it: `run -o`, `template`, `init`, `budget -o` and `fmt` in place.

use std::fs;
use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;
use std::process::Command;

/// A folder with the reference rules and workbooks.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (from, to) in [
        ("rules/2023.ek", "2023.ek"),
        ("rules/2024.ek", "2024.ek"),
        ("fixtures/2023.xlsx", "2023.xlsx"),
        ("fixtures/2024.xlsx", "2024.xlsx"),
    ] {
        fs::copy(root.join(from), dir.path().join(to)).expect("copy");
    }
    dir
}

/// Runs `ekostyr ARGS` in `dir` under `umask` (set by `sh`, then `exec`), and asserts success.
fn under_umask(dir: &Path, umask: &str, args: &[&str]) {
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_ekostyr"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("CI", "true")
        .output()
        .expect("sh runs");
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).expect("the file exists").permissions().mode() & 0o7777
}

/// Each command that writes a new file, and the file it writes.
const WRITERS: [(&[&str], &str); 5] = [
    (&["run", "2023.ek", "--input", "2023.xlsx", "-f", "csv", "-o", "r.csv"], "r.csv"),
    (&["run", "2023.ek", "--input", "2023.xlsx", "-f", "xlsx", "-o", "r.xlsx"], "r.xlsx"),
    (&["template", "2023.ek", "-o", "mall.xlsx"], "mall.xlsx"),
    (&["init", "2025", "--from", "2024.ek"], "2025.ek"),
    (&["budget", "2024.ek", "--input", "2023.xlsx", "-f", "json", "-o", "brygga.json"], "brygga.json"),
];

#[test]
fn new_files_get_0666_less_the_umask() {
    for (umask, want) in [("022", 0o644), ("002", 0o664), ("077", 0o600)] {
        let dir = workspace();
        for (args, file) in WRITERS {
            under_umask(dir.path(), umask, args);
            assert_eq!(mode(&dir.path().join(file)), want, "umask {umask}: {args:?}");
        }
    }
}

#[test]
fn a_report_written_over_keeps_its_mode_whatever_the_umask() {
    let dir = workspace();
    for (file, kept) in [("r.csv", 0o664), ("r.xlsx", 0o640)] {
        let path = dir.path().join(file);
        fs::write(&path, "old").expect("write");
        fs::set_permissions(&path, fs::Permissions::from_mode(kept)).expect("chmod");
        let format = file.rsplit('.').next().expect("an extension");
        under_umask(dir.path(), "077", &["run", "2023.ek", "--input", "2023.xlsx", "-f", format, "-o", file]);
        assert_eq!(mode(&path), kept, "{file}");
        assert_ne!(fs::read(&path).expect("read"), b"old", "{file} was written");
    }
}

#[test]
fn fmt_in_place_keeps_a_rule_files_mode() {
    for kept in [0o644, 0o664] {
        let dir = workspace();
        let path = dir.path().join("2023.ek");
        // Unformatted: a blank line more at the end, which `fmt` removes.
        fs::write(&path, fs::read_to_string(&path).expect("read") + "\n\n").expect("write");
        fs::set_permissions(&path, fs::Permissions::from_mode(kept)).expect("chmod");
        let before = fs::read(&path).expect("read");
        under_umask(dir.path(), "077", &["fmt", "2023.ek"]);
        assert_ne!(fs::read(&path).expect("read"), before, "fmt rewrote the file");
        assert_eq!(mode(&path), kept);
    }
}
