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
        Response::from_data(self.body)
            .with_status_code(self.status)
            .with_header(header("Content-Type", self.content_type))
            .with_header(header("X-Content-Type-Options", "nosniff"))
            .with_header(header("Cache-Control", "no-store"))
            .with_header(header("Referrer-Policy", "no-referrer"))
            .with_header(header(
                "Content-Security-Policy",
                "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
                 img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            ))
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
    fn a_panicking_handler_is_a_500_with_a_json_error() {
        let reply = guarded(|| panic!("boom"));
        assert_eq!(reply.status, 500);
        let body: serde_json::Value = serde_json::from_slice(&reply.body).expect("JSON");
        assert!(body["error"].as_str().is_some_and(|e| e.contains("bug")));
    }
}
