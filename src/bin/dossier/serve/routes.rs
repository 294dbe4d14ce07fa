//! Which request gets what: only GET and HEAD, a bounded request line, the
//! embedded pages by exact path (no request path ever reaches the file
//! system), the API under `/api/`, and a JSON error for everything else. A
//! handler that panics answers 500 and the worker goes on.

use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

use serde::Serialize;
use tiny_http::{Header, Method, Response};

use super::live::Live;
use super::{api, assets};

/// Longest request target (path and query) answered; a longer one is 414.
pub(crate) const MAX_URL: usize = 4096;

/// A request the server refuses, as `{"error": "…"}` with a 4xx or 5xx status.
#[derive(Debug)]
pub(crate) struct ApiError {
    pub status: u16,
    pub message: String,
}

impl ApiError {
    /// 400: a parameter the endpoint cannot take.
    pub(crate) fn bad(message: impl Into<String>) -> ApiError {
        ApiError {
            status: 400,
            message: message.into(),
        }
    }

    /// An error of the library or the index: the user's (a bad query, an
    /// unknown passage) is 4xx, anything else 500.
    pub(crate) fn of(err: &anyhow::Error) -> ApiError {
        let status = match err.downcast_ref::<dossier::Error>() {
            Some(dossier::Error::Query { .. } | dossier::Error::Filter { .. }) => 400,
            Some(dossier::Error::UnknownPassage { .. }) => 404,
            _ => 500,
        };
        ApiError {
            status,
            message: format!("{err:#}"),
        }
    }
}

/// What a request gets back.
pub(crate) struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
}

/// The body of an error reply.
#[derive(Serialize)]
struct ErrorBody<'a> {
    error: &'a str,
}

impl Reply {
    pub(crate) fn json(body: Vec<u8>) -> Reply {
        Reply {
            status: 200,
            content_type: "application/json; charset=utf-8",
            body,
        }
    }

    pub(crate) fn error(e: &ApiError) -> Reply {
        let body = serde_json::to_vec(&ErrorBody { error: &e.message })
            .unwrap_or_else(|_| b"{\"error\":\"?\"}".to_vec());
        Reply {
            status: e.status,
            content_type: "application/json; charset=utf-8",
            body,
        }
    }

    /// The reply as `tiny_http` sends it, with the headers every reply carries:
    /// no sniffing, no framing, no script but the page's own.
    pub(crate) fn into_response(self) -> Response<Cursor<Vec<u8>>> {
        let header = |name: &str, value: &str| {
            Header::from_bytes(name.as_bytes(), value.as_bytes())
                .expect("header names and values are ASCII constants")
        };
        let method_refused = self.status == 405;
        let response = Response::from_data(self.body)
            .with_status_code(self.status)
            .with_header(header("Content-Type", self.content_type))
            .with_header(header("X-Content-Type-Options", "nosniff"))
            .with_header(header("Cache-Control", "no-store"))
            .with_header(header("Referrer-Policy", "no-referrer"))
            .with_header(header(
                "Content-Security-Policy",
                "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
                 img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            ));
        if method_refused {
            // A 405 names the methods that are served (RFC 9110, 15.5.6).
            response.with_header(header("Allow", "GET, HEAD"))
        } else {
            response
        }
    }
}

/// The reply to one request.
pub(crate) fn answer(live: &Live, method: &Method, url: &str) -> Reply {
    if !matches!(method, Method::Get | Method::Head) {
        return Reply::error(&ApiError {
            status: 405,
            message: format!("{method} is not served; the server only reads (GET, HEAD)"),
        });
    }
    if url.len() > MAX_URL {
        return Reply::error(&ApiError {
            status: 414,
            message: format!("request longer than {MAX_URL} bytes"),
        });
    }
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    if let Some(asset) = assets::find(path) {
        return Reply {
            status: 200,
            content_type: asset.content_type,
            body: asset.body.as_bytes().to_vec(),
        };
    }
    if let Some(endpoint) = path.strip_prefix("/api/") {
        return guarded(|| api::answer(live, endpoint, query));
    }
    Reply::error(&ApiError {
        status: 404,
        message: format!("no page at {}", path.escape_default()),
    })
}

/// Whether a request may be answered, by its `Host` header: on a loopback
/// address, only loopback names (`127.0.0.1`, `localhost`, `[::1]`), so a
/// web page elsewhere cannot read the library through a name of its own that
/// resolves to 127.0.0.1 (DNS rebinding). Bound to another address on
/// purpose (`--bind`), any name.
pub(crate) fn host_allowed(host: Option<&str>, loopback_only: bool) -> bool {
    if !loopback_only {
        return true;
    }
    let Some(host) = host else {
        // HTTP/1.0 clients may send none; no browser does.
        return true;
    };
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split_once(']').map_or(v6, |(addr, _)| addr),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    name == "localhost"
        || name.ends_with(".localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// The reply to a request whose `Host` names another site.
pub(crate) fn foreign_host() -> Reply {
    Reply::error(&ApiError {
        status: 421,
        message: "this server answers only requests for localhost or 127.0.0.1".into(),
    })
}

/// Runs a handler; its error or panic becomes an error reply.
fn guarded(handler: impl FnOnce() -> Result<Vec<u8>, ApiError>) -> Reply {
    match catch_unwind(AssertUnwindSafe(handler)) {
        Ok(Ok(body)) => Reply::json(body),
        Ok(Err(e)) => Reply::error(&e),
        Err(_) => Reply::error(&ApiError {
            status: 500,
            message: "internal error (a bug): please report it with the request".into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_names_reach_a_loopback_server() {
        let cases = [
            (Some("127.0.0.1:8077"), true),
            (Some("localhost:8077"), true),
            (Some("LOCALHOST"), true),
            (Some("app.localhost:9"), true),
            (Some("[::1]:8077"), true),
            (Some("127.0.0.2"), true),
            (None, true),
            (Some("evil.example:8077"), false),
            (Some("127.0.0.1.evil.example"), false),
            (Some("localhost.evil.example:8077"), false),
            (Some("[2001:db8::1]:8077"), false),
            (Some("192.168.1.10:8077"), false),
            (Some(""), false),
        ];
        for (host, allowed) in cases {
            assert_eq!(host_allowed(host, true), allowed, "{host:?}");
        }
        assert!(host_allowed(Some("evil.example"), false));
    }

    #[test]
    fn a_panicking_handler_is_a_500_with_a_json_error() {
        let reply = guarded(|| panic!("boom"));
        assert_eq!(reply.status, 500);
        let body: serde_json::Value = serde_json::from_slice(&reply.body).expect("JSON");
        assert!(body["error"].as_str().is_some_and(|e| e.contains("bug")));
    }
}
