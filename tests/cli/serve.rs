//! `dossier serve`: the JSON API, asked over a plain TCP stream as a browser
//! would, against a server on a free loopback port. Every endpoint must answer
//! what the matching command's `--json` prints; a bad request is a 4xx with a
//! JSON error; no request path reaches a file; report text stays text; an
//! ingest into the served index is seen by the next request.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};

use serde_json::Value;

use crate::{Shared, assert_contract, corpus};

/// A running `dossier serve --port 0`, stopped when dropped.
struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    addr: String,
}

impl Server {
    fn start(cwd: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .env_clear()
            .current_dir(cwd)
            .args(["--index", "index", "serve", "--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("the URL line");
        let addr = line
            .trim()
            .strip_prefix("http://")
            .and_then(|a| a.strip_suffix('/'))
            .unwrap_or_else(|| panic!("serve printed {line:?}, not its URL"))
            .to_string();
        assert!(addr.starts_with("127.0.0.1:"), "not on loopback: {addr}");
        Server { child, addr }
    }

    /// Sends a raw request head; returns status, headers (lower-case names), body.
    fn raw(&self, method: &str, target: &str) -> Reply {
        self.raw_to(&self.addr, method, target)
    }

    /// [`Server::raw`] with the `Host` header naming `host`.
    fn raw_to(&self, host: &str, method: &str, target: &str) -> Reply {
        let mut stream = TcpStream::connect(&self.addr).expect("connects");
        write!(
            stream,
            "{method} {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        )
        .expect("request sent");
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).expect("reply read");
        let text = String::from_utf8(bytes).expect("UTF-8 reply");
        let (head, body) = text.split_once("\r\n\r\n").expect("a head and a body");
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .expect("a status line");
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_string()))
            .collect();
        Reply {
            status,
            headers,
            body: body.to_string(),
        }
    }

    /// `GET target`, which must answer 200 with JSON.
    fn json(&self, target: &str) -> Value {
        let reply = self.raw("GET", target);
        assert_eq!(reply.status, 200, "{target}: {}", reply.body);
        assert!(
            reply.header("content-type").starts_with("application/json"),
            "{target}: {}",
            reply.header("content-type")
        );
        serde_json::from_str(&reply.body).unwrap_or_else(|e| panic!("{target}: {e}"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// A server on the shared corpus index (one per test: a static one would
/// outlive the test run, its `Drop` never called).
fn shared() -> Server {
    Server::start(Shared::get().dir())
}

fn ids(values: &[Value]) -> Vec<&str> {
    values.iter().filter_map(|v| v["id"].as_str()).collect()
}

#[test]
fn search_answers_the_hits_of_search_json_with_facets_and_a_summary() {
    let page = shared().json("/api/search?q=returnees&limit=5");
    let cli = Shared::get().json_lines(&["search", "returnees", "--json", "-n", "5"]);
    let hits = page["hits"].as_array().expect("hits");
    assert_eq!(ids(hits), ids(&cli));
    for (api, cli) in hits.iter().zip(&cli) {
        assert_contract(api);
        assert_eq!(api["text"], cli["text"]);
        assert_eq!(api["snippet"], cli["snippet"]);
    }
    let summary = &page["summary"];
    assert_eq!(summary["shown"], 5);
    assert!(summary["total"].as_u64().expect("total") > 5);
    let facets = page["facets"].as_array().expect("facets");
    assert!(facets.iter().any(|f| f["facet"] == "country"));
    // At most ten values of a dimension unless asked.
    let countries = facets.iter().filter(|f| f["facet"] == "country").count();
    assert!((1..=10).contains(&countries), "{countries} countries");
}

#[test]
fn highlights_point_at_the_matched_words_of_the_plain_snippet() {
    let page = shared().json("/api/search?q=returnees&limit=10");
    let mut marked = 0;
    for hit in page["hits"].as_array().expect("hits") {
        let chars: Vec<char> = hit["snippet_text"]
            .as_str()
            .expect("text")
            .chars()
            .collect();
        for range in hit["highlights"].as_array().expect("highlights") {
            let (start, end) = (
                range[0].as_u64().expect("start"),
                range[1].as_u64().expect("end"),
            );
            let word: String = chars[start as usize..end as usize].iter().collect();
            assert!(
                word.to_lowercase().starts_with("returnee"),
                "marked {word:?}"
            );
            marked += 1;
        }
    }
    assert!(marked >= 10, "{marked} words marked");
}

#[test]
fn filters_and_paging_are_the_command_lines() {
    let server = shared();
    let page = server.json("/api/search?q=prison&country=ML&kind=paragraph&limit=5&offset=5");
    let cli = Shared::get().json_lines(&[
        "search",
        "prison",
        "--country",
        "ML",
        "--kind",
        "paragraph",
        "--json",
        "-n",
        "5",
        "--offset",
        "5",
    ]);
    let hits = page["hits"].as_array().expect("hits");
    assert_eq!(ids(hits), ids(&cli));
    for hit in hits {
        assert_eq!(hit["kind"], "paragraph");
        assert!(
            hit["countries"]
                .as_array()
                .expect("list")
                .contains(&"ML".into())
        );
    }
    assert_eq!(page["summary"]["offset"], 5);
    // A filter's other spellings, as on the command line.
    let by_name = server.json("/api/search?q=prison&country=Mali&limit=3");
    let by_code = server.json("/api/search?q=prison&country=ML&limit=3");
    assert_eq!(by_name["hits"], by_code["hits"]);
}

#[test]
fn each_read_endpoint_answers_what_its_command_prints() {
    let server = shared();
    let shared_index = Shared::get();
    let facets = server.json("/api/facets?q=prison&top=3");
    assert_eq!(
        facets["facets"].as_array().expect("facets"),
        &shared_index.json_lines(&["facets", "prison", "--top", "3", "--json"])
    );
    let docs = server.json("/api/docs");
    assert_eq!(
        docs["docs"].as_array().expect("docs"),
        &shared_index.json_lines(&["docs", "--json"])
    );
    let timeline = server.json("/api/timeline?q=prison&limit=4&offset=2");
    assert_eq!(
        timeline["entries"].as_array().expect("entries"),
        &shared_index.json_lines(&["timeline", "prison", "-n", "4", "--offset", "2", "--json"])
    );
    assert!(timeline["total"].as_u64().expect("total") > 4);
    let sources = server.json("/api/sources?top=4&works=2");
    assert_eq!(
        sources["sources"].as_array().expect("sources"),
        &shared_index.json_lines(&["sources", "--top", "4", "--works", "2", "--json"])
    );
    let first = &docs["docs"][0]["id"]
        .as_str()
        .expect("a doc id")
        .to_string();
    let id = format!("{first}/p3");
    let shown = server.json(&format!("/api/show?id={id}&context=1"));
    assert_eq!(
        vec![shown.clone()],
        shared_index.json_lines(&["show", &id, "-C", "1", "--json"])
    );
    assert_eq!(shown["before"].as_array().map(Vec::len), Some(1));
    let cite = server.json(&format!("/api/cite?id={id}&format=bibtex"));
    assert_eq!(cite["format"], "bibtex");
    assert_eq!(
        cite["text"],
        shared_index
            .stdout(&["cite", &id, "--format", "bibtex"])
            .as_str()
    );
}

#[test]
fn a_bad_request_is_a_4xx_with_a_json_error() {
    let long = format!("/api/search?q={}", "a".repeat(5000));
    let cases: [(&str, &str, u16); 16] = [
        ("GET", "/api/search?q=x&limit=101", 400),
        ("GET", "/api/search?q=x&limit=0", 400),
        ("GET", "/api/search?q=x&limit=ten", 400),
        ("GET", "/api/search?q=x&offset=99999999", 400),
        ("GET", "/api/search?q=x&colour=red", 400),
        ("GET", "/api/search?q=%zz", 400),
        ("GET", "/api/search?q=x&year=19", 400),
        ("GET", "/api/search?q=x&kind=poem", 400),
        ("GET", "/api/search?q=x&from=2020&to=2019", 400),
        ("GET", "/api/timeline?limit=1000", 400),
        ("GET", "/api/show", 400),
        ("GET", "/api/show?id=no-such-doc/p1", 404),
        ("GET", "/api/cite?format=chicago&id=x/p1", 400),
        ("GET", "/api/nothing", 404),
        ("POST", "/api/search?q=x", 405),
        ("GET", long.as_str(), 414),
    ];
    let server = shared();
    for (method, target, status) in cases {
        let reply = server.raw(method, target);
        let shown = &target[..target.len().min(60)];
        assert_eq!(reply.status, status, "{method} {shown}: {}", reply.body);
        let body: Value = serde_json::from_str(&reply.body)
            .unwrap_or_else(|e| panic!("{method} {shown}: not JSON ({e}): {}", reply.body));
        assert!(
            body["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{method} {shown}: {body}"
        );
        // Only a refused method is told what is served.
        let allow = if status == 405 { "GET, HEAD" } else { "" };
        assert_eq!(reply.header("allow"), allow, "{method} {shown}");
    }
    // Still answering after all of them.
    assert_eq!(server.raw("GET", "/api/docs").status, 200);
}

#[test]
fn no_request_path_reaches_a_file() {
    let server = shared();
    for target in [
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/%2E%2E%2FCargo.toml",
        "/app.js/../../Cargo.toml",
        "/..%2f..%2fetc%2fpasswd",
        "/index/CURRENT",
        "/api/../../Cargo.toml",
        "/api/show?id=../../Cargo.toml",
        "//etc/passwd",
    ] {
        let reply = server.raw("GET", target);
        assert!(
            (400..500).contains(&reply.status),
            "{target}: {}",
            reply.status
        );
        assert!(!reply.body.contains("[package]"), "{target} read a file");
        assert!(!reply.body.contains("root:"), "{target} read a file");
    }
}

#[test]
fn the_page_and_its_assets_are_served_with_a_strict_policy() {
    let server = shared();
    let page = server.raw("GET", "/?q=returnees&country=TR");
    assert_eq!(page.status, 200);
    assert!(page.header("content-type").starts_with("text/html"));
    assert!(page.body.contains("/app.js"));
    let policy = page.header("content-security-policy");
    assert!(policy.contains("script-src 'self'"), "{policy}");
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    assert_eq!(page.header("x-content-type-options"), "nosniff");
    for (path, ty) in [("/app.js", "text/javascript"), ("/style.css", "text/css")] {
        let reply = server.raw("GET", path);
        assert_eq!(reply.status, 200, "{path}");
        assert!(reply.header("content-type").starts_with(ty), "{path}");
    }
    let head = server.raw("HEAD", "/api/docs");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty(), "HEAD sent a body");
}

#[test]
fn report_markup_comes_back_as_text_and_a_new_ingest_is_served() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/injection.md");
    crate::dossier(dir.path())
        .args(["ingest", "--quiet", "--index", "index"])
        .arg(&fixture)
        .assert()
        .success();
    let server = Server::start(dir.path());
    let page = server.json("/api/search?q=forum+verbatim");
    let text = page["hits"][0]["text"].as_str().expect("a hit");
    assert!(text.contains("<script>window.__injected"), "{text}");
    assert!(text.contains("<img src=x onerror="), "{text}");
    assert_eq!(
        server.json("/api/docs")["docs"].as_array().map(Vec::len),
        Some(1)
    );
    // An ingest publishes a new generation while the server runs and answers.
    let done = std::sync::atomic::AtomicBool::new(false);
    let failed = std::thread::scope(|scope| {
        let asking = scope.spawn(|| {
            let mut failed = Vec::new();
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                let reply = server.raw("GET", "/api/search?q=forum");
                if reply.status != 200 {
                    failed.push(reply.body);
                }
            }
            failed
        });
        crate::dossier(dir.path())
            .args(["ingest", "--quiet", "--index", "index"])
            .arg(&fixture)
            .arg(corpus())
            .assert()
            .success();
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        asking.join().expect("the asking thread ends")
    });
    assert!(failed.is_empty(), "during the ingest: {failed:?}");
    let docs = server.json("/api/docs");
    assert!(docs["docs"].as_array().map(Vec::len) > Some(1), "{docs}");
    assert!(
        !server.json("/api/search?q=returnees")["hits"]
            .as_array()
            .expect("hits")
            .is_empty()
    );
}

#[test]
fn a_page_of_another_site_cannot_read_the_library_through_its_own_name() {
    let server = shared();
    let port = server.addr.rsplit_once(':').expect("a port").1.to_string();
    // (Host header, answered): DNS rebinding sends the attacker's name.
    let cases = [
        (format!("localhost:{port}"), true),
        (server.addr.clone(), true),
        (format!("[::1]:{port}"), true),
        (format!("evil.example:{port}"), false),
        (format!("127.0.0.1.evil.example:{port}"), false),
    ];
    for (host, answered) in cases {
        let reply = server.raw_to(&host, "GET", "/api/search?q=prison");
        if answered {
            assert_eq!(reply.status, 200, "{host}: {}", reply.body);
        } else {
            assert_eq!(reply.status, 421, "{host}: {}", reply.body);
            let body: Value = serde_json::from_str(&reply.body).expect("a JSON error");
            assert!(body["error"].is_string(), "{host}: {body}");
            assert!(!reply.body.contains("crisisgroup"), "{host}: no data");
        }
    }
}

#[test]
fn a_chosen_dimension_counts_the_hits_each_other_value_would_add() {
    let server = shared();
    let count = |args: &[&str]| -> u64 {
        let out = Shared::get().stdout(&[&["search", "returnees", "-c"], args].concat());
        out.trim().parse().expect("a count")
    };
    let page = server.json("/api/search?q=returnees&country=TR&group=ISIS&limit=1");
    let facets = page["facets"].as_array().expect("facets");
    let value = |dim: &str, v: &str| {
        facets
            .iter()
            .find(|f| f["facet"] == dim && f["value"] == v)
            .and_then(|f| f["count"].as_u64())
            .unwrap_or_else(|| panic!("no {dim} {v} in {facets:?}"))
    };
    // Syria's count: what `--country SY` finds beside the group filter, not
    // how many passages name both Türkiye and Syria.
    assert_eq!(
        value("country", "SY"),
        count(&["--country", "SY", "--group", "ISIS"])
    );
    assert_eq!(
        value("country", "TR"),
        count(&["--country", "TR", "--group", "ISIS"])
    );
    // A dimension with nothing chosen is counted under every filter.
    let kinds: u64 = facets
        .iter()
        .filter(|f| f["facet"] == "kind")
        .filter_map(|f| f["count"].as_u64())
        .sum();
    assert_eq!(kinds, page["summary"]["total"].as_u64().expect("total"));
    // Choosing the value then finds either country.
    let both = server.json("/api/search?q=returnees&country=TR&country=SY&group=ISIS&limit=1");
    assert_eq!(
        both["summary"]["total"].as_u64(),
        Some(count(&[
            "--country",
            "TR",
            "--country",
            "SY",
            "--group",
            "ISIS"
        ]))
    );
}
