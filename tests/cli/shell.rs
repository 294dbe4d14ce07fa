//! What a user installs beside the binary: shell completions, the manual
//! page, the version with its commit; and exit code 1 from `facets` when
//! nothing matches, as from every command that finds nothing.

use crate::Shared;

fn stdout(args: &[&str]) -> String {
    let out = Shared::get().cmd().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn completions_name_every_subcommand_in_each_shell() {
    // (shell, what its script always holds)
    let cases = [
        ("bash", "complete -F"),
        ("zsh", "#compdef dossier"),
        ("fish", "complete -c dossier"),
    ];
    for (shell, marker) in cases {
        let script = stdout(&["completions", shell]);
        assert!(script.contains(marker), "{shell}");
        for sub in [
            "search", "ingest", "add", "update", "watch", "cite", "facets",
        ] {
            assert!(script.contains(sub), "{shell} completes {sub}");
        }
    }
    let out = Shared::get()
        .cmd()
        .args(["completions", "tcsh"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_manual_page_is_roff_for_every_command() {
    let page = stdout(&["man"]);
    assert!(
        page.contains(".TH dossier 1"),
        "{}",
        &page[..200.min(page.len())]
    );
    for sub in ["search", "ingest", "update", "export"] {
        assert!(page.contains(sub), "{sub}");
    }
}

#[test]
fn the_version_names_its_commit() {
    let version = stdout(&["--version"]);
    let (name, rest) = version.trim().split_once(' ').expect("name version");
    assert_eq!(name, "dossier");
    assert!(rest.starts_with(env!("CARGO_PKG_VERSION")), "{rest}");
    assert!(rest.ends_with(')') && rest.contains(" ("), "{rest}");
}

#[test]
fn every_command_that_finds_nothing_exits_1() {
    for args in [
        &["search", "zzqqxx"][..],
        &["facets", "zzqqxx"],
        &["timeline", "zzqqxx"],
        &["sources", "zzqqxx"],
        &["search", "prison", "--offset", "100000"],
    ] {
        let out = Shared::get().cmd().args(args).output().expect("runs");
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}
