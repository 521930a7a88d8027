//! The workbench's server (`ekostyr serve`, issue 14): a local HTTP server over a
//! folder of rule files and workbooks, serving the page built into the binary
//! (`ui/dist/`) and a JSON API that calls the same engine as the command line.
//!
//! Security, for a tool on a shared municipal PC (see `docs/serve-api.md`):
//! - it listens on loopback unless told otherwise;
//! - every API call and the page itself need the session's random token
//!   (`X-Ekostyr-Token` or `?token=`); only `/app.js` and `/app.css`, which hold
//!   nothing secret, are served without it;
//! - the `Host` header must name the server itself (no DNS rebinding) and an
//!   `Origin`, when sent, must be its own; no CORS header is ever sent;
//! - every path a request names is confined to the served tree ([`paths`]), and
//!   only rule files are ever returned as text;
//! - `--skrivskyddad` refuses every write.
//!
//! This module is below the app layer: it neither prints nor reads arguments;
//! `app::serve` binds it, prints the address and waits for Ctrl-C.

mod api;
mod changes;
mod evaluate;
mod names;
mod paths;
mod workbooks;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post, put};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;

/// The page and its assets, built by `ui/build.sh` and committed.
const INDEX_HTML: &str = include_str!("ui/dist/index.html");
const APP_JS: &str = include_str!("ui/dist/app.js");
const APP_CSS: &str = include_str!("ui/dist/app.css");

/// The header the page sends the token in.
pub const TOKEN_HEADER: &str = "x-ekostyr-token";

/// The largest JSON request body: a rule file at its cap and some room (17 MiB).
const MAX_JSON_BYTES: usize = 17 * 1024 * 1024;

/// What to serve.
#[derive(Debug, Clone)]
pub struct Config {
    /// The folder of rule files.
    pub dir: PathBuf,
    /// The default workbook, if any.
    pub input: Option<PathBuf>,
    /// Refuse every write.
    pub read_only: bool,
    /// The address to listen on.
    pub address: IpAddr,
    /// The port; 0 picks a free one.
    pub port: u16,
}

/// The server's state, shared by every request.
#[derive(Debug)]
pub struct Workbench {
    /// The served tree: every path in a request is relative to it and confined under it.
    root: PathBuf,
    /// The rule folder (canonical).
    dir: PathBuf,
    /// Where uploads are written: the default workbook's folder, else the rule folder.
    upload_dir: PathBuf,
    /// The default workbook, relative to the root.
    input: Option<String>,
    /// Refuse every write.
    read_only: bool,
    /// The session's token: 32 hex digits.
    token: String,
    /// The `Host` values the server answers to.
    hosts: Vec<String>,
}

impl Workbench {
    /// The root with a trailing `/`: the prefix taken off full paths in answers.
    fn root_prefix(&self) -> String {
        format!("{}/", self.root.display())
    }
}

/// A bound server, not yet serving.
pub struct Server {
    listener: tokio::net::TcpListener,
    state: Arc<Workbench>,
}

impl Server {
    /// Checks the folders and binds the address.
    pub async fn bind(config: Config) -> Result<Server, String> {
        let (root, dir, upload_dir, input) = paths::served_tree(&config.dir, config.input.as_deref())?;
        let listener = tokio::net::TcpListener::bind(SocketAddr::new(config.address, config.port)).await.map_err(|e| {
            crate::tr!("serve-cannot-bind", address = config.address.to_string(), port = config.port, reason = e.to_string())
        })?;
        let port = listener.local_addr().map_err(|e| e.to_string())?.port();
        let state =
            Workbench { root, dir, upload_dir, input, read_only: config.read_only, token: token(), hosts: hosts(config.address, port) };
        Ok(Server { listener, state: Arc::new(state) })
    }

    /// The address to open, with the token.
    pub fn url(&self) -> String {
        let host = self.state.hosts.first().cloned().unwrap_or_default();
        format!("http://{host}/?token={}", self.state.token)
    }

    /// Serves until `shutdown` completes.
    pub async fn run(self, shutdown: impl std::future::Future<Output = ()> + Send + 'static) -> Result<(), String> {
        let app = router(self.state);
        axum::serve(self.listener, app).with_graceful_shutdown(shutdown).await.map_err(|e| e.to_string())
    }
}

/// The `Host` values of the server at `port`: the address it listens on first (the one printed).
fn hosts(address: IpAddr, port: u16) -> Vec<String> {
    let named = match address {
        IpAddr::V4(a) if a.is_unspecified() => "127.0.0.1".to_string(),
        IpAddr::V6(a) if a.is_unspecified() => "[::1]".to_string(),
        IpAddr::V4(a) => a.to_string(),
        IpAddr::V6(a) => format!("[{a}]"),
    };
    let mut out = vec![format!("{named}:{port}")];
    for loopback in ["127.0.0.1", "localhost", "[::1]"] {
        let host = format!("{loopback}:{port}");
        if !out.contains(&host) {
            out.push(host);
        }
    }
    out
}

/// 16 random bytes from the operating system, as 32 hex digits.
fn token() -> String {
    use std::io::Read as _;
    let mut bytes = [0u8; 16];
    let read = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes));
    if read.is_err() {
        // No /dev/urandom: the clock and the process, hashed (still unguessable from outside).
        let seed = format!("{:?}{}{:p}", std::time::SystemTime::now(), std::process::id(), &bytes);
        return crate::session::sha256(seed.as_bytes())[..32].to_string();
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn router(state: Arc<Workbench>) -> Router {
    Router::new()
        .route("/", get(|| async { asset("text/html; charset=utf-8", INDEX_HTML) }))
        .route("/app.js", get(|| async { asset("text/javascript; charset=utf-8", APP_JS) }))
        .route("/app.css", get(|| async { asset("text/css; charset=utf-8", APP_CSS) }))
        .route("/api/catalog", get(api::catalog))
        .route("/api/files", get(api::files))
        .route("/api/file", get(api::file).merge(json_put(api::save)))
        .route("/api/check", json_post(api::check))
        .route("/api/format", json_post(api::format))
        .route("/api/hover", json_post(names::hover))
        .route("/api/definition", json_post(names::definition))
        .route("/api/run", json_post(evaluate::run))
        .route("/api/explain", json_post(evaluate::explain))
        .route("/api/whatif", json_post(evaluate::whatif))
        .route("/api/budget", json_post(evaluate::budget))
        .route("/api/changes", json_post(changes::changes))
        .route("/api/upload", put(workbooks::upload))
        .route("/api/problems", json_post(workbooks::problems))
        .route("/api/template", get(workbooks::template))
        .fallback(|request: Request| async move { ApiError::not_found(crate::tr!("serve-no-such-endpoint", path = request.uri().path())) })
        .layer(DefaultBodyLimit::max(MAX_JSON_BYTES))
        .layer(middleware::from_fn_with_state(state.clone(), guard))
        .with_state(state)
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body).into_response()
}

/// The answer of a handler: JSON, or an error with its status.
pub(crate) type Reply = Result<Value, ApiError>;

/// A POST route whose JSON body is `Req`, answered by `f` off the server's thread.
fn json_post<Req: DeserializeOwned + Send + 'static>(f: fn(&Workbench, Req) -> Reply) -> MethodRouter<Arc<Workbench>> {
    post(move |State(wb): State<Arc<Workbench>>, body: Bytes| json_call(wb, body, f))
}

/// A PUT route whose JSON body is `Req`, as [`json_post`].
fn json_put<Req: DeserializeOwned + Send + 'static>(f: fn(&Workbench, Req) -> Reply) -> MethodRouter<Arc<Workbench>> {
    put(move |State(wb): State<Arc<Workbench>>, body: Bytes| json_call(wb, body, f))
}

/// Parses the body as `Req` and runs `f` on it off the server's thread.
async fn json_call<Req: DeserializeOwned + Send + 'static>(wb: Arc<Workbench>, body: Bytes, f: fn(&Workbench, Req) -> Reply) -> Response {
    match parse_body::<Req>(&body) {
        Ok(request) => blocking(move || f(&wb, request)).await,
        Err(e) => e.into_response(),
    }
}

/// A JSON body as `Req`, or a 400 saying why not.
fn parse_body<Req: DeserializeOwned>(body: &[u8]) -> Result<Req, ApiError> {
    serde_json::from_slice(body).map_err(|e| ApiError::bad_request(crate::tr!("serve-bad-json", reason = e.to_string())))
}

/// Runs CPU-bound engine work on the blocking pool, so the server keeps answering.
async fn blocking(work: impl FnOnce() -> Reply + Send + 'static) -> Response {
    match tokio::task::spawn_blocking(work).await {
        Ok(Ok(value)) => axum::Json(value).into_response(),
        Ok(Err(e)) => e.into_response(),
        Err(_) => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, crate::tr!("serve-internal")).into_response(),
    }
}

/// Every request: the Host and Origin must be the server's own, and anything but
/// the two static assets needs the token. Every answer gets headers that keep it
/// out of caches, frames and other sites' referrers.
async fn guard(State(wb): State<Arc<Workbench>>, request: Request, next: Next) -> Response {
    let refused = refusal(&wb, &request);
    let mut response = match refused {
        Some(e) => e.into_response(),
        None => next.run(request).await,
    };
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    response
}

/// Why a request is refused (403), if it is.
fn refusal(wb: &Workbench, request: &Request) -> Option<ApiError> {
    let headers = request.headers();
    let host = header_text(headers, header::HOST.as_str());
    if !wb.hosts.iter().any(|h| h.eq_ignore_ascii_case(&host)) {
        return Some(ApiError::forbidden(crate::tr!("serve-forbidden-host", host = crate::diagnostic::echo(&host))));
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let origin = String::from_utf8_lossy(origin.as_bytes()).into_owned();
        if !wb.hosts.iter().any(|h| origin.eq_ignore_ascii_case(&format!("http://{h}"))) {
            return Some(ApiError::forbidden(crate::tr!("serve-forbidden-origin", origin = crate::diagnostic::echo(&origin))));
        }
    }
    let path = request.uri().path();
    if path == "/app.js" || path == "/app.css" {
        return None;
    }
    let given = match headers.get(TOKEN_HEADER) {
        Some(v) => String::from_utf8_lossy(v.as_bytes()).into_owned(),
        None => query_value(request.uri().query().unwrap_or(""), "token").unwrap_or_default(),
    };
    (!same(&given, &wb.token)).then(|| ApiError::forbidden(crate::tr!("serve-forbidden-token")))
}

fn header_text(headers: &HeaderMap, name: &str) -> String {
    headers.get(name).map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned()).unwrap_or_default()
}

/// The value of `name` in a query string (the token is hex: no decoding needed).
fn query_value(query: &str, name: &str) -> Option<String> {
    query.split('&').find_map(|pair| pair.split_once('=').filter(|(k, _)| *k == name).map(|(_, v)| v.to_string()))
}

/// Compares without stopping at the first difference, so timing tells nothing.
fn same(given: &str, token: &str) -> bool {
    given.len() == token.len() && given.bytes().zip(token.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

/// An API error: a status and `{ "error": "<message>", "where"?: "<file:line:col | Sheet!Cell>" }`.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    body: Value,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError { status, body: json!({ "error": message.into() }) }
    }

    /// 400: the request is malformed.
    fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    /// 403: not allowed (token, Host, Origin, a path outside, read-only).
    pub(crate) fn forbidden(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::FORBIDDEN, message)
    }

    /// 404: no such file or endpoint.
    fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }

    /// 422: the request is well formed but the engine refuses it (rules with errors, a bad workbook).
    pub(crate) fn unprocessable(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, message)
    }

    /// Any status with a JSON body of its own (e.g. 409 with diagnostics).
    fn with_body(status: StatusCode, body: Value) -> ApiError {
        ApiError { status, body }
    }

    /// Adds where the problem is.
    fn at(mut self, place: impl Into<String>) -> ApiError {
        if let Some(map) = self.body.as_object_mut() {
            map.insert("where".into(), Value::String(place.into()));
        }
        self
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, axum::Json(self.body)).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_is_32_hex_digits_and_differs_each_time() {
        let (a, b) = (token(), token());
        assert_eq!(a.len(), 32);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }

    #[test]
    fn tokens_compare_whole() {
        assert!(same("abc", "abc"));
        assert!(!same("abd", "abc"));
        assert!(!same("ab", "abc"));
        assert!(!same("", "abc"));
    }

    #[test]
    fn hosts_are_the_address_and_loopback() {
        let v4 = hosts("127.0.0.1".parse().expect("ip"), 8080);
        assert_eq!(v4, ["127.0.0.1:8080", "localhost:8080", "[::1]:8080"]);
        let any = hosts("0.0.0.0".parse().expect("ip"), 80);
        assert_eq!(any[0], "127.0.0.1:80");
        assert!(!any.iter().any(|h| h.starts_with("0.0.0.0")));
    }

    #[test]
    fn the_query_gives_the_token() {
        assert_eq!(query_value("a=1&token=ff", "token").as_deref(), Some("ff"));
        assert_eq!(query_value("tokens=ff", "token"), None);
    }
}
