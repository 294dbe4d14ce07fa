//! The config file: defaults for the global flags, read once after parsing.
//!
//! Precedence, highest first: a flag, its `DOSSIER_*` variable (clap fills
//! both), the config file, the built-in default. The file is `--config FILE`
//! (or `DOSSIER_CONFIG`) when given, which must then exist; otherwise
//! `$XDG_CONFIG_HOME/dossier/config.toml`, else `~/.config/dossier/config.toml`,
//! read only when present.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::Deserialize;

use crate::args::{Cli, ColorChoice, Paging};

/// What a config file may set; any other key is an error, so a misspelt
/// key is not silently ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    /// The index directory (`--index`).
    index: Option<PathBuf>,
    /// The gazetteer additions folder (`--data`).
    data: Option<PathBuf>,
    /// `--color`.
    color: Option<ColorChoice>,
    /// `--paging`.
    paging: Option<Paging>,
    /// The pager command, below `DOSSIER_PAGER` and above `PAGER`.
    pager: Option<String>,
}

/// Fills what the command line and the environment left unset from the
/// config file.
pub(crate) fn apply(cli: &mut Cli) -> Result<()> {
    let Some(path) = config_path(cli.config.as_deref()) else {
        return Ok(());
    };
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read the config file {}", path.display()))?;
    let config = parse(&text).with_context(|| format!("config file {}", path.display()))?;
    let base = path.parent().unwrap_or(Path::new("."));
    if cli.index.is_none() {
        cli.index = config.index.map(|p| resolve(&p, base));
    }
    if cli.data.is_none() {
        cli.data = config.data.map(|p| resolve(&p, base));
    }
    cli.color = cli.color.or(config.color);
    cli.paging = cli.paging.or(config.paging);
    cli.config_pager = config.pager;
    Ok(())
}

/// The file to read: the one asked for, else the user's default when it exists.
fn config_path(asked: Option<&Path>) -> Option<PathBuf> {
    if let Some(path) = asked {
        return Some(path.to_path_buf());
    }
    let env_dir = |name| {
        std::env::var_os(name)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    let dir = env_dir("XDG_CONFIG_HOME").or_else(|| env_dir("HOME").map(|h| h.join(".config")))?;
    Some(dir.join("dossier").join("config.toml")).filter(|p| p.is_file())
}

/// Parses a config file's text; an error names the line and the fault.
fn parse(text: &str) -> Result<Config> {
    toml::from_str(text).or_else(|err: toml::de::Error| {
        let line = err
            .span()
            .map(|span| text[..span.start].matches('\n').count() + 1);
        let message = err.message().trim_end().replace('\n', "; ");
        match line {
            Some(line) => bail!("line {line}: {message}"),
            None => bail!("{message}"),
        }
    })
}

/// A path from the file: `~/` is the home folder, a relative path is taken
/// from the config file's folder (not from wherever dossier runs).
fn resolve(path: &Path, base: &Path) -> PathBuf {
    if let Ok(rest) = path.strip_prefix("~")
        && let Some(home) = std::env::var_os("HOME")
    {
        return PathBuf::from(home).join(rest);
    }
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        base.join(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_key_and_rejects_the_rest() {
        let ok = parse(
            "index = \"/srv/idx\"\ndata = \"gaz\"\ncolor = \"never\"\npaging = \"always\"\npager = \"less -S\"\n",
        )
        .expect("valid");
        assert_eq!(ok.index.as_deref(), Some(Path::new("/srv/idx")));
        assert_eq!(ok.color, Some(ColorChoice::Never));
        assert_eq!(ok.paging, Some(Paging::Always));
        assert_eq!(ok.pager.as_deref(), Some("less -S"));

        let cases = [
            ("colour = \"never\"\n", "line 1", "unknown field `colour`"),
            (
                "index = \"a\"\ncolor = \"sometimes\"\n",
                "line 2",
                "sometimes",
            ),
            ("paging = yes\n", "line 1", ""),
            ("index = 3\n", "line 1", "string"),
        ];
        for (text, line, fault) in cases {
            let err = format!("{:#}", parse(text).expect_err(text));
            assert!(err.starts_with(line), "{text:?} → {err}");
            assert!(err.contains(fault), "{text:?} → {err}");
            assert!(!err.contains('\n'), "{text:?} → one line: {err}");
        }
    }

    #[test]
    fn relative_paths_are_from_the_config_folder() {
        let base = Path::new("/home/ana/.config/dossier");
        let cases = [
            ("index", "/home/ana/.config/dossier/index"),
            ("../idx", "/home/ana/.config/dossier/../idx"),
            ("/srv/idx", "/srv/idx"),
        ];
        for (given, want) in cases {
            assert_eq!(resolve(Path::new(given), base), PathBuf::from(want));
        }
    }
}
