//! The pager and the config file: paging only human output, only on a
//! terminal unless asked; flags over `DOSSIER_*` variables over the config
//! file over the defaults.

use std::path::Path;
use std::process::Output;

use crate::{Shared, dossier};

/// A pager that marks every line it shows, so a test sees whether output went through it.
fn marking_pager(mark: &str) -> String {
    format!("sed s/^/{mark}:/")
}

fn run(envs: &[(&str, &str)], args: &[&str]) -> Output {
    let mut cmd = Shared::get().cmd();
    for (key, value) in envs {
        cmd.env(key, value);
    }
    cmd.args(args).output().expect("runs")
}

/// The mark every stdout line carries, `None` when the output did not go through a pager.
fn paged_by(out: &Output) -> Option<String> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let marks: Vec<Option<&str>> = text
        .lines()
        .map(|l| l.split_once(':').map(|(m, _)| m))
        .collect();
    assert!(!marks.is_empty(), "no output");
    let first = marks[0].filter(|m| m.chars().all(|c| c.is_ascii_uppercase()));
    if first.is_some() {
        assert!(
            marks.iter().all(|m| *m == first),
            "every line paged: {text}"
        );
    }
    first.map(str::to_owned)
}

#[test]
fn the_pager_takes_human_output_only_when_asked_or_on_a_terminal() {
    let pager = marking_pager("PAGED");
    let env = [("DOSSIER_PAGER", pager.as_str())];
    // (arguments, paged): a test's stdout is a pipe, so `auto` does not page.
    let cases: [(&[&str], bool); 8] = [
        (&["search", "prison", "-n", "2"], false),
        (&["search", "prison", "-n", "2", "--paging", "auto"], false),
        (&["search", "prison", "-n", "2", "--paging", "always"], true),
        (&["--paging", "always", "docs"], true),
        (
            &["--paging", "always", "timeline", "--doc", "cep-mali"],
            true,
        ),
        (
            &[
                "search", "prison", "-n", "2", "--paging", "always", "--json",
            ],
            false,
        ),
        (
            &[
                "search", "prison", "-n", "2", "--paging", "always", "--format", "csv",
            ],
            false,
        ),
        (&["--paging", "always", "facets", "--json"], false),
    ];
    for (args, paged) in cases {
        let out = run(&env, args);
        assert_eq!(paged_by(&out).is_some(), paged, "{args:?}");
    }
}

#[test]
fn a_pager_that_cannot_start_costs_nothing_but_a_warning() {
    let out = run(
        &[("DOSSIER_PAGER", "/nonexistent/pager")],
        &["search", "prison", "-n", "1", "--paging", "always"],
    );
    assert_eq!(paged_by(&out), None);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cannot start the pager"), "{stderr}");
}

/// A config folder holding `dossier/config.toml` with `text`.
fn config_home(text: &str) -> tempfile::TempDir {
    let home = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(home.path().join("dossier")).expect("mkdir");
    std::fs::write(home.path().join("dossier/config.toml"), text).expect("write");
    home
}

/// A precedence case: variables, flags, the pager's mark, whether coloured.
type Precedence<'a> = (
    &'a [(&'a str, &'a str)],
    &'a [&'a str],
    Option<&'a str>,
    bool,
);

#[test]
fn flags_beat_variables_beat_the_config_file() {
    let text = format!(
        "paging = \"always\"\npager = \"{}\"\ncolor = \"always\"\n",
        marking_pager("FILE")
    );
    let home = config_home(&text);
    let xdg = home.path().to_str().expect("utf-8 path");
    let env_pager = marking_pager("ENV");
    let plain_pager = marking_pager("PLAIN");
    let cases: [Precedence; 7] = [
        (&[], &[], Some("FILE"), true),
        (&[("DOSSIER_PAGER", &env_pager)], &[], Some("ENV"), true),
        (&[("PAGER", &plain_pager)], &[], Some("FILE"), true),
        (&[("DOSSIER_PAGING", "never")], &[], None, true),
        (
            &[("DOSSIER_PAGING", "never")],
            &["--paging", "always"],
            Some("FILE"),
            true,
        ),
        (&[("DOSSIER_COLOR", "never")], &[], Some("FILE"), false),
        (
            &[("DOSSIER_COLOR", "never")],
            &["--color", "always"],
            Some("FILE"),
            true,
        ),
    ];
    for (vars, flags, mark, coloured) in cases {
        let mut env = vec![("XDG_CONFIG_HOME", xdg)];
        env.extend_from_slice(vars);
        let mut args = vec!["search", "prison", "-n", "1"];
        args.extend_from_slice(flags);
        let out = run(&env, &args);
        assert_eq!(paged_by(&out).as_deref(), mark, "{vars:?} {flags:?}");
        let has_colour = out.stdout.contains(&0x1b);
        assert_eq!(has_colour, coloured, "{vars:?} {flags:?}");
    }
    // An explicit --config replaces the default file.
    let other = config_home("paging = \"never\"\n");
    let file = other.path().join("dossier/config.toml");
    let out = run(
        &[("XDG_CONFIG_HOME", xdg)],
        &[
            "--config",
            file.to_str().expect("utf-8"),
            "search",
            "prison",
            "-n",
            "1",
        ],
    );
    assert_eq!(paged_by(&out), None);
}

/// The index directory dossier reports missing, with these variables and flags.
fn missing_index(cwd: &Path, env: &[(&str, &str)], flags: &[&str]) -> String {
    let mut cmd = dossier(cwd);
    cmd.envs(env.iter().copied()).args(flags).arg("docs");
    let out = cmd.output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    stderr
        .split_once("no index in ")
        .and_then(|(_, rest)| rest.split(';').next())
        .unwrap_or_else(|| panic!("{stderr}"))
        .to_owned()
}

#[test]
fn the_index_comes_from_the_flag_then_the_variable_then_the_file() {
    let home = config_home("index = \"from-file\"\n");
    let cwd = tempfile::tempdir().expect("tempdir");
    let xdg = home.path().to_str().expect("utf-8 path");
    let base = ("XDG_CONFIG_HOME", xdg);
    // A relative path in the file is from the file's folder.
    let from_file = missing_index(cwd.path(), &[base], &[]);
    assert_eq!(Path::new(&from_file), home.path().join("dossier/from-file"));
    let from_env = missing_index(cwd.path(), &[base, ("DOSSIER_INDEX", "from-env")], &[]);
    assert_eq!(from_env, "from-env");
    let from_flag = missing_index(
        cwd.path(),
        &[base, ("DOSSIER_INDEX", "from-env")],
        &["--index", "from-flag"],
    );
    assert_eq!(from_flag, "from-flag");
    // Without XDG_CONFIG_HOME, ~/.config is read.
    let dot_config = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dot_config.path().join(".config/dossier")).expect("mkdir");
    std::fs::write(
        dot_config.path().join(".config/dossier/config.toml"),
        "index = \"~/idx\"\n",
    )
    .expect("write");
    let home_var = dot_config.path().to_str().expect("utf-8");
    let from_home = missing_index(cwd.path(), &[("HOME", home_var)], &[]);
    assert_eq!(Path::new(&from_home), dot_config.path().join("idx"));
}

#[test]
fn a_bad_config_file_is_one_line_naming_the_file_and_line() {
    let cwd = tempfile::tempdir().expect("tempdir");
    // (file text, what the message says)
    let cases = [
        ("colour = \"never\"\n", "line 1: unknown field `colour`"),
        ("index = \"x\"\npaging = \"sometimes\"\n", "line 2:"),
        ("index = [\n", "line "),
    ];
    for (text, said) in cases {
        let home = config_home(text);
        let out = dossier(cwd.path())
            .env("XDG_CONFIG_HOME", home.path())
            .arg("docs")
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2), "{text:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains("config.toml") && stderr.contains(said),
            "{text:?}: {stderr}"
        );
    }
    let out = dossier(cwd.path())
        .args(["--config", "missing.toml", "docs"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cannot read the config file missing.toml")
    );
}
