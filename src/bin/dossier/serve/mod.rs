//! `dossier serve`: the library in a browser. A small synchronous HTTP
//! server (`tiny_http`) on loopback with a fixed pool of worker threads, serving
//! a JSON API under `/api/` (the shapes of `docs/json.md`, from the same
//! library calls as the commands; see `docs/api.md`) and a single page whose
//! HTML, CSS and JavaScript are embedded in the binary.
//!
//! One module per job: `live` (the index, opened again when an ingest
//! publishes a new generation), `routes` (method, size and path checks, the
//! static table, panics turned into 500s), `api` (one handler per endpoint),
//! `choices` (facet counts where a dimension's values are alternatives),
//! `params` (the query string, its limits, filters as the command line's).

mod api;
mod assets;
mod choices;
mod live;
mod params;
mod routes;

use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::path::Path;
use std::sync::Arc;

use anyhow::{Context, Result};
use dossier::IndexHandle;

use crate::args::ServeArgs;
use crate::exit::Status;
use live::Live;

/// Serves until the process is stopped. The first line on stdout is the URL
/// the server listens on (with `--port 0`, the port the system chose).
pub(crate) fn run(root: &Path, handle: IndexHandle, args: &ServeArgs) -> Result<Status> {
    if !args.bind.is_loopback() {
        writeln!(
            std::io::stderr().lock(),
            "dossier: warning: serving on {}, reachable from other machines; the library has no password",
            args.bind
        )?;
    }
    let addr = SocketAddr::new(args.bind, args.port);
    let listener = listen(addr).with_context(|| format!("cannot listen on {addr}"))?;
    let server = tiny_http::Server::from_listener(listener, None)
        .map_err(|e| anyhow::anyhow!("{e}"))
        .with_context(|| format!("cannot listen on {addr}"))?;
    let port = server.server_addr().to_ip().map_or(args.port, |a| a.port());
    let url = page_url(args.bind, port);
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{url}")?;
    stdout.flush()?;
    drop(stdout);
    if args.open {
        open_browser(&url)?;
    }
    let server = Arc::new(server);
    let live = Arc::new(Live::new(root, handle));
    let workers: Vec<_> = (0..args.threads.into())
        .map(|_| {
            let (server, live) = (Arc::clone(&server), Arc::clone(&live));
            let loopback_only = args.bind.is_loopback();
            std::thread::spawn(move || serve_requests(&server, &live, loopback_only))
        })
        .collect();
    for w in workers {
        // A worker ends only when the server does; a panic was already a 500.
        let _ = w.join();
    }
    Ok(Status::Success)
}

/// A listening socket whose connections send small replies at once: without
/// `TCP_NODELAY` (which Linux passes on to accepted connections), a reply's
/// body waits for the acknowledgement of its head, 40 ms on loopback.
fn listen(addr: SocketAddr) -> std::io::Result<std::net::TcpListener> {
    use socket2::{Domain, Protocol, Socket, Type};
    /// Connections waiting to be accepted.
    const BACKLOG: i32 = 128;
    let socket = Socket::new(Domain::for_address(addr), Type::STREAM, Some(Protocol::TCP))?;
    socket.set_reuse_address(true)?;
    socket.set_tcp_nodelay(true)?;
    socket.bind(&addr.into())?;
    socket.listen(BACKLOG)?;
    Ok(socket.into())
}

/// A worker: answers requests one after another while the server listens;
/// on a loopback address, only those sent to a loopback name.
fn serve_requests(server: &tiny_http::Server, live: &Live, loopback_only: bool) {
    loop {
        // An error here means the listener is gone: the worker ends.
        let Ok(request) = server.recv() else {
            return;
        };
        let host = request
            .headers()
            .iter()
            .find(|h| h.field.equiv("Host"))
            .map(|h| h.value.as_str());
        let reply = if routes::host_allowed(host, loopback_only) {
            routes::answer(live, request.method(), request.url())
        } else {
            routes::foreign_host()
        };
        // A client that went away is no concern of the others.
        let _ = request.respond(reply.into_response());
    }
}

/// `http://127.0.0.1:8077/` (an IPv6 address in brackets).
fn page_url(ip: IpAddr, port: u16) -> String {
    let host = if ip.is_unspecified() {
        "127.0.0.1".to_string()
    } else {
        SocketAddr::new(ip, port).ip().to_string()
    };
    match ip {
        IpAddr::V6(_) if !ip.is_unspecified() => format!("http://[{host}]:{port}/"),
        _ => format!("http://{host}:{port}/"),
    }
}

/// `--open`: the system's browser; failing to start one is a warning.
fn open_browser(url: &str) -> Result<()> {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(opener)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        writeln!(
            std::io::stderr().lock(),
            "dossier: warning: could not start {opener} ({e}); open {url} yourself"
        )?;
    }
    Ok(())
}
