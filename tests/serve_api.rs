//! The workbench's API (`ekostyr serve`, docs/serve-api.md) over HTTP, against the
//! built binary on a temporary copy of `rules/` and `fixtures/`.

mod common;

use common::http::{Served, serve};
use serde_json::json;

/// Next year's reference rules with an unknown name in a formula, and that line's number (1-based).
fn with_unknown_name(s: &Served) -> (String, usize) {
    let text = std::fs::read_to_string(s.path("rules/2024.ek")).expect("rules");
    let index = text.lines().position(|l| l.contains("låt timpris_hsl = ")).expect("a låt");
    let lines: Vec<String> =
        text.lines().enumerate().map(|(i, l)| if i == index { l.replace("prisindex", "okänt_namn_här") } else { l.to_string() }).collect();
    (lines.join("\n") + "\n", index + 1)
}

#[test]
fn the_token_host_and_origin_are_checked() {
    let s = serve(&[]);
    let missing = s.raw("GET", "/api/files", &[], b"");
    assert_eq!(missing.status, 403, "{}", missing.text());
    assert!(missing.json()["error"].as_str().is_some_and(|e| e.contains("nyckeln")), "{}", missing.text());
    let wrong = s.raw("GET", "/api/files", &[("X-Ekostyr-Token", "0123456789abcdef0123456789abcdef")], b"");
    assert_eq!(wrong.status, 403);
    let page_without = s.raw("GET", "/", &[], b"");
    assert_eq!(page_without.status, 403);
    let page = s.raw("GET", &format!("/?token={}", s.token), &[], b"");
    assert_eq!(page.status, 200);
    assert!(page.text().contains("<html"), "{}", page.text());
    assert_eq!(page.header("x-frame-options"), Some("DENY"));
    assert!(page.header("access-control-allow-origin").is_none());
    let token = s.token.clone();
    let host = s.raw("GET", "/api/files", &[("X-Ekostyr-Token", &token), ("Host", "evil.example:80")], b"");
    assert_eq!(host.status, 403, "{}", host.text());
    let origin = s.raw("GET", "/api/files", &[("X-Ekostyr-Token", &token), ("Origin", "http://evil.example")], b"");
    assert_eq!(origin.status, 403, "{}", origin.text());
    let own = format!("http://{}", s.host);
    let same = s.raw("GET", "/api/files", &[("X-Ekostyr-Token", &token), ("Origin", &own)], b"");
    assert_eq!(same.status, 200, "{}", same.text());
    let localhost = s.host.replace("127.0.0.1", "localhost");
    let by_name = s.raw("GET", "/api/files", &[("X-Ekostyr-Token", &token), ("Host", &localhost)], b"");
    assert_eq!(by_name.status, 200, "{}", by_name.text());
    // The assets hold nothing secret and load without the token.
    assert_eq!(s.raw("GET", "/app.js", &[], b"").status, 200);
    assert_eq!(s.raw("GET", "/app.css", &[], b"").status, 200);
}

#[test]
fn paths_stay_in_the_served_tree() {
    let s = serve(&[]);
    for path in ["../../etc/passwd", "/etc/passwd", "rules/../../x.ek", "fixtures/2023.xlsx", "rules%2F..%2F..%2Fetc%2Fpasswd"] {
        let r = s.call("GET", &format!("/api/file?path={path}"), b"");
        assert!(r.status == 403 || r.status == 400 || r.status == 404, "{path}: {} {}", r.status, r.text());
        assert!(!r.text().contains("root:"), "{path}: {}", r.text());
        assert!(r.json().get("text").is_none(), "{path}: {}", r.text());
    }
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("/etc/passwd", s.path("rules/passwd.ek")).expect("symlink");
        let r = s.call("GET", "/api/file?path=rules/passwd.ek", b"");
        assert_eq!(r.status, 403, "{}", r.text());
        assert!(!r.text().contains("root:"));
    }
    let ok = s.call("GET", "/api/file?path=rules/2023.ek", b"");
    assert_eq!(ok.status, 200);
    assert!(ok.json()["text"].as_str().is_some_and(|t| t.contains("år 2023")), "{}", ok.text());
}

#[test]
fn files_lists_the_rules_and_workbooks() {
    let s = serve(&[]);
    let files = s.call("GET", "/api/files", b"").json();
    assert_eq!(files["rules"], json!([{ "path": "rules/2023.ek", "year": 2023 }, { "path": "rules/2024.ek", "year": 2024 }]));
    assert_eq!(files["workbooks"], json!([{ "path": "fixtures/2023.xlsx" }, { "path": "fixtures/2024.xlsx" }]));
    assert_eq!(files["input"], "fixtures/2023.xlsx");
    assert_eq!(files["readonly"], false);
}

#[test]
fn check_finds_an_error_at_its_line() {
    let s = serve(&[]);
    let (text, line) = with_unknown_name(&s);
    let r = s.post("/api/check", &json!({ "path": "rules/2024.ek", "text": text }));
    assert_eq!(r.status, 200, "{}", r.text());
    let diags = r.json()["diagnostics"].as_array().cloned().unwrap_or_default();
    let error = diags.iter().find(|d| d["severity"] == "fel").unwrap_or_else(|| panic!("no error: {diags:?}"));
    assert_eq!(error["line"], line, "{error}");
    assert!(error["message"].as_str().is_some_and(|m| m.contains("okänt_namn_här")), "{error}");
    assert!(error["col"].as_u64().is_some_and(|c| c > 1), "{error}");
    // The committed text is clean of errors.
    let clean = std::fs::read_to_string(s.path("rules/2024.ek")).expect("rules");
    let r = s.post("/api/check", &json!({ "path": "rules/2024.ek", "text": clean }));
    assert!(!r.json()["diagnostics"].as_array().expect("a list").iter().any(|d| d["severity"] == "fel"), "{}", r.text());
}

#[test]
fn save_refuses_errors_and_writes_atomically() {
    let s = serve(&[]);
    let file = s.path("rules/2024.ek");
    let before = std::fs::read_to_string(&file).expect("rules");
    let (broken, _) = with_unknown_name(&s);
    let refused = s.call("PUT", "/api/file", json!({ "path": "rules/2024.ek", "text": broken }).to_string().as_bytes());
    assert_eq!(refused.status, 409, "{}", refused.text());
    assert!(refused.json()["diagnostics"].as_array().is_some_and(|d| !d.is_empty()));
    assert_eq!(std::fs::read_to_string(&file).expect("rules"), before, "nothing written");
    // A clean change (a comment at the end, badly indented) is formatted and written by a rename.
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(&file).expect("meta"));
    let changed = format!("{before}# sparad från arbetsbänken\n");
    let saved = s.call("PUT", "/api/file", json!({ "path": "rules/2024.ek", "text": changed }).to_string().as_bytes());
    assert_eq!(saved.status, 200, "{}", saved.text());
    let body = saved.json();
    assert_eq!(body["saved"], true);
    let on_disk = std::fs::read_to_string(&file).expect("rules");
    assert_eq!(body["text"].as_str(), Some(on_disk.as_str()));
    assert!(on_disk.contains("# sparad från arbetsbänken"), "{on_disk}");
    #[cfg(unix)]
    assert_ne!(std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(&file).expect("meta")), inode, "replaced by a rename");
    let leftovers: Vec<_> = std::fs::read_dir(s.path("rules")).expect("dir").flatten().map(|e| e.file_name()).collect();
    assert_eq!(leftovers.len(), 3, "no temporary file left: {leftovers:?}");
    // Forced, the broken text is written.
    let forced = s.call("PUT", "/api/file", json!({ "path": "rules/2024.ek", "text": broken, "force": true }).to_string().as_bytes());
    assert_eq!(forced.status, 200, "{}", forced.text());
    assert!(std::fs::read_to_string(&file).expect("rules").contains("okänt_namn_här"));
}

#[test]
fn read_only_refuses_every_write() {
    let s = serve(&["--skrivskyddad"]);
    assert_eq!(s.call("GET", "/api/files", b"").json()["readonly"], true);
    let file = s.path("rules/2024.ek");
    let before = std::fs::read_to_string(&file).expect("rules");
    let r = s.call("PUT", "/api/file", json!({ "path": "rules/2024.ek", "text": before.clone() + "# x\n" }).to_string().as_bytes());
    assert_eq!(r.status, 403, "{}", r.text());
    assert!(r.json()["error"].as_str().is_some_and(|e| e.contains("skrivskyddad")));
    assert_eq!(std::fs::read_to_string(&file).expect("rules"), before);
}

#[test]
fn format_gives_the_canonical_layout_or_the_syntax_errors() {
    let s = serve(&[]);
    let text = std::fs::read_to_string(s.path("rules/2023.ek")).expect("rules");
    let r = s.post("/api/format", &json!({ "path": "rules/2023.ek", "text": text }));
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.json()["text"].as_str().is_some_and(|t| t.contains("år 2023")));
    let r = s.post("/api/format", &json!({ "path": "rules/2023.ek", "text": "år 2023\nparameter {" }));
    assert_eq!(r.status, 422, "{}", r.text());
    assert!(r.json()["diagnostics"][0]["line"].as_u64().is_some());
}

#[test]
fn the_catalog_and_bad_requests_answer_json() {
    let s = serve(&[]);
    let c = s.call("GET", "/api/catalog?lang=en", b"").json();
    assert_eq!(c["lang"], "en");
    assert!(c["messages"].is_object());
    let bad = s.call("POST", "/api/check", b"{ not json");
    assert_eq!(bad.status, 400);
    assert!(bad.json()["error"].is_string());
    let none = s.call("GET", "/api/nothing", b"");
    assert_eq!(none.status, 404);
    assert!(none.json()["error"].is_string());
}

/// Every node of an explain tree, depth first.
fn nodes(list: &serde_json::Value) -> Vec<serde_json::Value> {
    let mut out = vec![];
    for n in list.as_array().into_iter().flatten() {
        out.push(n.clone());
        out.extend(nodes(&n["children"]));
    }
    out
}

#[test]
fn run_gives_the_board_report_with_explainable_figures() {
    let s = serve(&[]);
    let r = s.post("/api/run", &json!({ "path": "rules/2023.ek", "period": "2023-08" }));
    assert_eq!(r.status, 200, "{}", r.text());
    let body = r.json();
    let html = body["html"].as_str().expect("html");
    assert!(html.contains(r#"data-explain="områdesansvar.ersättning""#), "{}", &html[..html.len().min(2000)]);
    assert!(html.contains(r#"data-explain="dagverksamhet.fast""#));
    assert!(!html.contains("<html") && !html.contains(s.dir.path().to_str().expect("utf-8")));
    assert_eq!(body["boards"][0]["id"], "ÄN");
    assert_eq!(body["period"], "2023-08");
    assert!(body["css"].as_str().is_some_and(|c| !c.is_empty()));
    let one = s.post("/api/run", &json!({ "path": "rules/2023.ek", "nämnd": "SON" })).json();
    assert!(!one["html"].as_str().expect("html").contains("Äldrenämnden (ÄN)"));
    let unknown = s.post("/api/run", &json!({ "path": "rules/2023.ek", "nämnd": "XX" }));
    assert_eq!(unknown.status, 422, "{}", unknown.text());
}

#[test]
fn explain_of_a_figure_names_its_cells_and_lines() {
    let s = serve(&[]);
    let r = s.post("/api/explain", &json!({ "path": "rules/2024.ek", "input": "fixtures/2024.xlsx", "target": "områdesansvar.rörlig" }));
    assert_eq!(r.status, 200, "{}", r.text());
    let all = nodes(&r.json()["nodes"]);
    assert!(all.iter().any(|n| n["cell"].as_str().is_some_and(|c| c.starts_with("Volymer!E"))), "no cell in {all:?}");
    let prisindex = all.iter().find(|n| n["label"] == "prisindex").expect("prisindex in the tree");
    assert_eq!(prisindex["path"], "rules/2024.ek");
    assert!(prisindex["line"].as_u64().is_some_and(|l| l > 1));
    // Last year's prices are in last year's file, named relative to the root.
    assert!(all.iter().any(|n| n["path"] == "rules/2023.ek"), "{all:?}");
    let unknown = s.post("/api/explain", &json!({ "path": "rules/2023.ek", "target": "inget_sådant" }));
    assert_eq!(unknown.status, 422);
}

#[test]
fn a_what_if_on_the_price_index_shows_a_change_and_saves_nothing() {
    let s = serve(&[]);
    let before = std::fs::read_to_string(s.path("rules/2024.ek")).expect("rules");
    let r = s.post("/api/whatif", &json!({ "path": "rules/2024.ek", "input": "fixtures/2024.xlsx", "set": ["prisindex=3,1 %"] }));
    assert_eq!(r.status, 200, "{}", r.text());
    let body = r.json();
    let change: f64 = body["what_if"]["total"]["change"].as_str().and_then(|c| c.parse().ok()).expect("a change");
    assert!(change > 0.0, "{body}");
    assert!(body["what_if"]["moved"].as_array().is_some_and(|m| !m.is_empty()));
    assert!(body["what_if"]["total"]["change_text"].as_str().is_some_and(|t| t.ends_with(" kr") && t.contains(',')));
    assert_eq!(std::fs::read_to_string(s.path("rules/2024.ek")).expect("rules"), before);
    let bad = s.post("/api/whatif", &json!({ "path": "rules/2024.ek", "set": ["inget_sådant=3"] }));
    assert_eq!(bad.status, 422, "{}", bad.text());
}

#[test]
fn budget_gives_the_bridge() {
    let s = serve(&[]);
    let r = s.post("/api/budget", &json!({ "from": "rules/2023.ek", "to": "rules/2024.ek", "input": "fixtures/2023.xlsx" }));
    assert_eq!(r.status, 200, "{}", r.text());
    let body = r.json();
    assert_eq!(body["from_year"], 2023);
    assert!(body["steps"].as_array().is_some_and(|s| !s.is_empty()));
    assert!(!r.text().contains(s.dir.path().to_str().expect("utf-8")), "a full path: {}", r.text());
    let wrong = s.post("/api/budget", &json!({ "from": "rules/2024.ek", "to": "rules/2024.ek", "input": "fixtures/2023.xlsx" }));
    assert_eq!(wrong.status, 422, "{}", wrong.text());
}

/// The 1-based line and column of the first `needle` on a line containing `context`.
fn at(text: &str, context: &str, needle: &str) -> (usize, usize) {
    let (i, line) = text.lines().enumerate().find(|(_, l)| l.contains(context)).expect("the line");
    let byte = line.find(needle).expect("the needle");
    (i + 1, line[..byte].chars().count() + 1)
}

#[test]
fn hover_and_definition_follow_names_into_last_year() {
    let s = serve(&[]);
    let text = std::fs::read_to_string(s.path("rules/2024.ek")).expect("rules");
    let ask = |endpoint: &str, (line, col): (usize, usize)| {
        let r =
            s.post(endpoint, &json!({ "path": "rules/2024.ek", "text": text, "line": line, "col": col, "input": "fixtures/2024.xlsx" }));
        assert_eq!(r.status, 200, "{}", r.text());
        r.json()
    };
    let prisindex = ask("/api/hover", at(&text, "låt timpris_hsl = ", "prisindex"));
    assert_eq!(prisindex["kind"], "parameter");
    assert_eq!(prisindex["value"], "2,9 %");
    assert_eq!(prisindex["unit"], "%");
    let (line, _) = at(&text, "parameter prisindex", "prisindex");
    assert_eq!(prisindex["line"], line);
    assert_eq!(
        ask("/api/definition", at(&text, "låt timpris_hsl = ", "prisindex")),
        json!({ "path": "rules/2024.ek", "line": line, "col": 1 })
    );
    // `föregående.timpris_hsl` is last year's: its definition is in rules/2023.ek.
    let previous = ask("/api/definition", at(&text, "låt timpris_hsl = ", "timpris_hsl *"));
    assert_eq!(previous["path"], "rules/2023.ek");
    let last_year = std::fs::read_to_string(s.path("rules/2023.ek")).expect("rules");
    let line = previous["line"].as_u64().expect("a line") as usize;
    assert!(last_year.lines().nth(line - 1).is_some_and(|l| l.contains("timpris_hsl")), "{previous}");
    let assignment = ask("/api/hover", at(&text, "uppdrag områdesansvar", "områdesansvar"));
    assert_eq!(assignment["kind"], "uppdrag");
    assert!(assignment["value"].as_str().is_some_and(|v| v.ends_with(" kr")), "{assignment}");
    assert_eq!(ask("/api/hover", (1, 1)), serde_json::Value::Null);
}

/// Makes the served copy a git repository with everything committed.
fn commit_all(s: &Served) {
    let repo = git2::Repository::init(s.dir.path()).expect("git init");
    let mut index = repo.index().expect("index");
    index.add_all(["rules", "fixtures"], git2::IndexAddOption::DEFAULT, None).expect("add");
    index.write().expect("write index");
    let tree = repo.find_tree(index.write_tree().expect("tree")).expect("find tree");
    let who = git2::Signature::now("Test", "test@example.org").expect("signature");
    repo.commit(Some("HEAD"), &who, &who, "regler", &tree, &[]).expect("commit");
}

#[test]
fn changes_against_the_committed_version_cost_kronor() {
    let s = serve(&[]);
    let text = std::fs::read_to_string(s.path("rules/2024.ek")).expect("rules");
    let changed = text.replace("parameter prisindex: % = 2,9 %", "parameter prisindex: % = 3,1 %");
    assert_ne!(changed, text);
    let none = s.post("/api/changes", &json!({ "path": "rules/2024.ek", "text": changed }));
    assert_eq!(none.status, 422, "no repository yet: {}", none.text());
    commit_all(&s);
    let r = s.post("/api/changes", &json!({ "path": "rules/2024.ek", "text": changed, "input": "fixtures/2024.xlsx" }));
    assert_eq!(r.status, 200, "{}", r.text());
    let body = r.json();
    assert_eq!(body["against"], "HEAD:rules/2024.ek");
    let diff = body["diff"].to_string();
    assert!(diff.contains("prisindex"), "{diff}");
    assert!(body["diff"]["impact"].is_object() || body["diff"]["impact"].is_array(), "{diff}");
    // Against another file: last year's.
    let years = s.post("/api/changes", &json!({ "path": "rules/2024.ek", "against": "rules/2023.ek" }));
    assert_eq!(years.status, 200, "{}", years.text());
    assert_eq!(years.json()["against"], "rules/2023.ek");
}

#[test]
fn an_upload_is_capped_named_and_checked_at_its_cells() {
    let s = serve(&[]);
    let token = s.token.clone();
    // A declared 65 MiB is refused before anything is read or written.
    let big = s.raw("PUT", "/api/upload?name=stor.xlsx", &[("X-Ekostyr-Token", &token), ("Content-Length", "68157440")], b"");
    assert_eq!(big.status, 413, "{}", big.text());
    assert!(big.json()["error"].is_string());
    assert!(!s.path("fixtures/stor.xlsx").exists());
    for name in ["../x.xlsx", "x.ek", ".dold.xlsx", "a/b.xlsx", "skript.sh"] {
        let r = s.call("PUT", &format!("/api/upload?name={name}"), b"PK");
        assert_eq!(r.status, 403, "{name}: {}", r.text());
    }
    // The reference year with one text in a number cell: listed at its cell.
    let dir = tempfile::tempdir().expect("tempdir");
    let sheets = common::csv_folder::SHEETS.map(common::csv_folder::lines);
    let book = common::csv_folder::xlsx(dir.path(), &sheets, |book| {
        book.worksheet_from_name("Volymer").expect("Volymer").write_string(16, 4, "tolv").expect("write");
    });
    let bytes = std::fs::read(book).expect("the workbook");
    let r = s.call("PUT", "/api/upload?name=2023-rättad.xlsx", &bytes);
    assert_eq!(r.status, 200, "{}", r.text());
    let body = r.json();
    assert_eq!(body["path"], "fixtures/2023-rättad.xlsx");
    assert_eq!(std::fs::read(s.path("fixtures/2023-rättad.xlsx")).expect("written"), bytes);
    let problems = body["problems"].as_array().cloned().unwrap_or_default();
    let bad = problems.iter().find(|p| p["where"] == "Volymer!E17").unwrap_or_else(|| panic!("no Volymer!E17 in {problems:?}"));
    assert!(bad["message"].as_str().is_some_and(|m| m.contains("tolv")), "{bad}");
    // The same list for a chosen workbook; the reference workbook has none.
    let again = s.post("/api/problems", &json!({ "input": "fixtures/2023-rättad.xlsx", "path": "rules/2023.ek" })).json();
    assert_eq!(again["problems"], body["problems"]);
    let clean = s.post("/api/problems", &json!({ "input": "fixtures/2023.xlsx" }));
    assert_eq!(clean.json()["problems"], json!([]), "{}", clean.text());
}

#[test]
fn uploads_are_refused_read_only() {
    let s = serve(&["--skrivskyddad"]);
    let r = s.call("PUT", "/api/upload?name=ny.xlsx", b"PK");
    assert_eq!(r.status, 403, "{}", r.text());
    assert!(!s.path("fixtures/ny.xlsx").exists());
}

#[test]
fn the_template_of_a_month_downloads() {
    let s = serve(&[]);
    let r = s.call("GET", "/api/template?path=rules/2023.ek&period=2023-09", b"");
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.header("content-disposition").is_some_and(|d| d.contains("mall-2023-09.xlsx")), "{:?}", r.headers);
    assert!(r.body.starts_with(b"PK"), "an xlsx is a zip");
    let bad = s.call("GET", "/api/template?path=rules/2023.ek&period=2024-13", b"");
    assert_eq!(bad.status, 422, "{}", bad.text());
}
