//! Long human output through a pager, as bat and git do.
//!
//! The pager starts at the first byte of output, so a command that fails
//! before printing anything (no index, a bad query) shows its error on the
//! terminal, not inside the pager; and dossier waits for it to close.

use std::io::{self, IsTerminal, Stdout, Write};
use std::process::{Child, ChildStdin, Command, Stdio};

use crate::args::Paging;

/// Where results go: stdout, or a pager's input once output begins.
pub(crate) enum Sink {
    /// Straight to stdout.
    Stdout(Stdout),
    /// A pager to start at the first write (its command and arguments).
    Pending(Vec<String>),
    /// A running pager.
    Pager(Child, Option<ChildStdin>),
}

impl Sink {
    /// A sink for `pager` when there is one, else stdout.
    pub(crate) fn new(pager: Option<Vec<String>>) -> Sink {
        match pager {
            Some(command) => Sink::Pending(command),
            None => Sink::Stdout(io::stdout()),
        }
    }

    /// Starts the pending pager; if it cannot start, warns once and prints directly.
    fn start(&mut self) {
        let Sink::Pending(command) = self else { return };
        let spawned = Command::new(&command[0])
            .args(&command[1..])
            .stdin(Stdio::piped())
            .spawn();
        *self = match spawned {
            Ok(mut child) => {
                let stdin = child.stdin.take();
                Sink::Pager(child, stdin)
            }
            Err(err) => {
                #[allow(clippy::print_stderr)] // a warning, then the output itself
                {
                    eprintln!(
                        "dossier: cannot start the pager `{}` ({err}); printing directly",
                        command.join(" ")
                    );
                }
                Sink::Stdout(io::stdout())
            }
        };
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.start();
        match self {
            Sink::Stdout(out) => out.write(buf),
            Sink::Pager(_, Some(stdin)) => stdin.write(buf),
            Sink::Pager(_, None) | Sink::Pending(_) => Err(io::ErrorKind::BrokenPipe.into()),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.flush(),
            Sink::Pager(_, Some(stdin)) => stdin.flush(),
            Sink::Pager(_, None) | Sink::Pending(_) => Ok(()),
        }
    }
}

impl Drop for Sink {
    /// Closes the pager's input and waits for the reader to quit it.
    fn drop(&mut self) {
        if let Sink::Pager(child, stdin) = self {
            drop(stdin.take());
            let _ = child.wait();
        }
    }
}

/// The pager command to use, or `None` to print directly: never unless the
/// command prints human output (`pages`), and with `auto` only on a terminal.
/// The command is `DOSSIER_PAGER`, else the config file's `pager`, else
/// `PAGER`, else `less -RF`; an empty one turns paging off.
pub(crate) fn choose(
    paging: Paging,
    config_pager: Option<&str>,
    pages: bool,
) -> Option<Vec<String>> {
    let wanted = match paging {
        Paging::Never => false,
        Paging::Always => true,
        Paging::Auto => io::stdout().is_terminal(),
    };
    if !(pages && wanted) {
        return None;
    }
    let command = std::env::var("DOSSIER_PAGER")
        .ok()
        .or_else(|| config_pager.map(str::to_owned))
        .or_else(|| std::env::var("PAGER").ok())
        .unwrap_or_else(|| "less".to_owned());
    pager_words(&command)
}

/// A pager command line split as a shell would (quotes kept together);
/// bare `less` gets `-R` (keep colours) and `-F` (quit when it fits).
fn pager_words(command: &str) -> Option<Vec<String>> {
    let mut words = shell_words::split(command).ok()?;
    if words.is_empty() {
        return None;
    }
    if words == ["less"] {
        words.extend(["-R".to_owned(), "-F".to_owned()]);
    }
    Some(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pager_commands_split_as_a_shell_would() {
        let cases: [(&str, Option<&[&str]>); 6] = [
            ("less", Some(&["less", "-R", "-F"])),
            ("less -S", Some(&["less", "-S"])),
            ("most", Some(&["most"])),
            (
                "'/opt/my pager/bin/p' --x",
                Some(&["/opt/my pager/bin/p", "--x"]),
            ),
            ("", None),
            ("less 'unclosed", None),
        ];
        for (command, want) in cases {
            let want = want.map(|w| w.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>());
            assert_eq!(pager_words(command), want, "{command:?}");
        }
    }

    #[test]
    fn never_pages_machine_output_or_when_told_not_to() {
        assert_eq!(choose(Paging::Always, Some("cat"), false), None);
        assert_eq!(choose(Paging::Never, Some("cat"), true), None);
    }
}
