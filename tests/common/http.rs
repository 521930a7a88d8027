//! The workbench server as a test starts it: `ekostyr serve --port 0` on a temporary
//! copy of `rules/` and `fixtures/`, its URL read from standard output, and a tiny
//! HTTP/1.1 client on a plain `TcpStream` (one request per connection).

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running `ekostyr serve`, killed when dropped.
pub struct Served {
    child: Child,
    /// Its standard output, kept open so that the server never writes into a closed pipe.
    _stdout: BufReader<std::process::ChildStdout>,
    /// `127.0.0.1:PORT`.
    pub host: String,
    /// The session token.
    pub token: String,
    /// The temporary copy it serves (`rules/`, `fixtures/`).
    pub dir: tempfile::TempDir,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Copies `from` into `to`, recursively.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("readable").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Starts `ekostyr serve rules --input fixtures/2023.xlsx --port 0 EXTRA…` in a fresh copy.
pub fn serve(extra: &[&str]) -> Served {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for sub in ["rules", "fixtures"] {
        copy_tree(&root.join(sub), &dir.path().join(sub));
    }
    serve_in(dir, &["serve", "rules", "--input", "fixtures/2023.xlsx", "--port", "0"], extra)
}

/// Starts `ekostyr ARGS EXTRA…` (a `serve` command line) in `dir` and reads its URL.
pub fn serve_in(dir: tempfile::TempDir, args: &[&str], extra: &[&str]) -> Served {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ekostyr"))
        .args(args)
        .args(extra)
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env("CI", "true")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut line = String::new();
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    stdout.read_line(&mut line).expect("a line");
    let Some((_, url)) = line.trim().split_once(": ") else {
        let mut err = String::new();
        let _ = child.stderr.take().expect("stderr").read_to_string(&mut err);
        panic!("no URL on standard output: {line:?}; stderr: {err}");
    };
    let rest = url.strip_prefix("http://").expect("an http URL");
    let (host, query) = rest.split_once("/?token=").expect("a token");
    Served { child, _stdout: stdout, host: host.to_string(), token: query.to_string(), dir }
}

/// An HTTP answer.
#[derive(Debug)]
pub struct Reply {
    /// The status code.
    pub status: u16,
    /// The header lines, lowercased names.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Reply {
    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

impl Served {
    /// A path in the served copy.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// `METHOD target` with the token header and `Host`, and `body` (JSON when it parses).
    pub fn call(&self, method: &str, target: &str, body: &[u8]) -> Reply {
        let token = self.token.clone();
        self.raw(method, target, &[("X-Ekostyr-Token", &token)], body)
    }

    /// `POST target` with a JSON body.
    pub fn post(&self, target: &str, body: &serde_json::Value) -> Reply {
        self.call("POST", target, body.to_string().as_bytes())
    }

    /// A request with exactly these extra headers (`Host` is added unless given).
    pub fn raw(&self, method: &str, target: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
        request(&self.host, method, target, headers, body)
    }
}

/// One HTTP/1.1 request to `addr` (`Host: addr` unless `headers` has one), `Connection: close`.
pub fn request(addr: &str, method: &str, target: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let mut stream = TcpStream::connect(addr).expect("connects");
    stream.set_read_timeout(Some(Duration::from_secs(120))).expect("timeout");
    let mut head = format!("{method} {target} HTTP/1.1\r\n");
    if !headers.iter().any(|(n, _)| n.eq_ignore_ascii_case("host")) {
        head += &format!("Host: {addr}\r\n");
    }
    for (n, v) in headers {
        head += &format!("{n}: {v}\r\n");
    }
    if !headers.iter().any(|(n, _)| n.eq_ignore_ascii_case("content-length")) {
        head += &format!("Content-Length: {}\r\n", body.len());
    }
    head += "Connection: close\r\n\r\n";
    stream.write_all(head.as_bytes()).expect("writes");
    // A server may answer (413) before reading the whole body and close: that is fine.
    let _ = stream.write_all(body);
    let mut raw = vec![];
    let _ = stream.read_to_end(&mut raw);
    parse(&raw)
}

fn parse(raw: &[u8]) -> Reply {
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or_else(|| panic!("no header end: {}", String::from_utf8_lossy(raw)));
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|s| s.parse().ok()).expect("a status");
    let headers: Vec<(String, String)> =
        lines.filter_map(|l| l.split_once(':')).map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string())).collect();
    let rest = &raw[end + 4..];
    let chunked = headers.iter().any(|(n, v)| n == "transfer-encoding" && v.contains("chunked"));
    let body = if chunked { dechunk(rest) } else { rest.to_vec() };
    Reply { status, headers, body }
}

fn dechunk(mut rest: &[u8]) -> Vec<u8> {
    let mut out = vec![];
    while let Some(line_end) = rest.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&rest[..line_end]).split(';').next().unwrap_or("0").trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = line_end + 2;
        out.extend_from_slice(&rest[start..(start + size).min(rest.len())]);
        rest = &rest[(start + size + 2).min(rest.len())..];
    }
    out
}
