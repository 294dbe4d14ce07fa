//! The page's files, embedded in the binary: the only files the server
//! sends, looked up by exact path.

/// One embedded file.
pub(crate) struct Asset {
    pub content_type: &'static str,
    pub body: &'static str,
}

/// Path → file. `/` is the page, whatever its query string.
const ASSETS: [(&str, Asset); 4] = [
    (
        "/",
        Asset {
            content_type: "text/html; charset=utf-8",
            body: include_str!("assets/index.html"),
        },
    ),
    (
        "/app.js",
        Asset {
            content_type: "text/javascript; charset=utf-8",
            body: include_str!("assets/app.js"),
        },
    ),
    (
        "/style.css",
        Asset {
            content_type: "text/css; charset=utf-8",
            body: include_str!("assets/style.css"),
        },
    ),
    (
        "/favicon.svg",
        Asset {
            content_type: "image/svg+xml",
            body: include_str!("assets/favicon.svg"),
        },
    ),
];

/// The file at `path`, if it is one of the page's.
pub(crate) fn find(path: &str) -> Option<&'static Asset> {
    ASSETS.iter().find(|(p, _)| *p == path).map(|(_, a)| a)
}
