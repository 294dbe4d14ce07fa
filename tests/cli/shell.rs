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

#[test]
fn human_output_fits_columns_on_a_pipe() {
    for columns in ["60", "200"] {
        let width: usize = columns.parse().expect("number");
        for args in [
            &["search", "prison radicalisation", "-n", "5"][..],
            &[
                "search",
                "deradicalisaton",
                "programme",
                "--explain",
                "-n",
                "3",
            ],
            &["show", "crisisgroup-258/p16", "-C", "1"],
            &["timeline", "-n", "5"],
            &["docs"],
            &["facets"],
        ] {
            let out = Shared::get()
                .cmd()
                .env("COLUMNS", columns)
                .args(args)
                .output()
                .expect("runs");
            let text = String::from_utf8(out.stdout).expect("utf-8");
            // Only a word longer than the width (a file path) may stick out,
            // alone on its line: words are never cut.
            for line in text.lines().filter(|l| l.chars().count() > width) {
                assert_eq!(
                    line.split_whitespace().count(),
                    1,
                    "{args:?} at {columns}: {line:?}"
                );
            }
            let widest = text
                .lines()
                .map(|l| l.chars().count())
                .filter(|&n| n <= width)
                .max()
                .unwrap_or(0);
            if width == 60 {
                assert!(widest > 40, "{args:?} uses the width");
            }
        }
    }
}

#[test]
fn clicolor_force_colours_a_pipe_and_no_color_wins() {
    let run = |vars: &[(&str, &str)]| {
        let mut cmd = Shared::get().cmd();
        cmd.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
        for (k, v) in vars {
            cmd.env(k, v);
        }
        let out = cmd
            .args(["search", "prison", "-n", "1"])
            .output()
            .expect("runs");
        String::from_utf8(out.stdout)
            .expect("utf-8")
            .contains('\u{1b}')
    };
    assert!(!run(&[]));
    assert!(run(&[("CLICOLOR_FORCE", "1")]));
    assert!(!run(&[("CLICOLOR_FORCE", "0")]));
    assert!(!run(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]));
}
