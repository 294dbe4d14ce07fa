//! Terminal output: colour decided once, text wrapped to the terminal width.

use std::io::{self, BufWriter, IsTerminal, Write};

use crate::args::ColorChoice;
use crate::pager::Sink;

/// Width used when stdout is not a terminal and `COLUMNS` is not set.
const DEFAULT_WIDTH: usize = 100;
/// Narrowest and widest wrapping `COLUMNS` may ask for.
const MIN_WIDTH: usize = 20;
const MAX_WIDTH: usize = 1000;

/// Buffered stdout (or a pager) with the colour and width decisions made.
pub(crate) struct Out {
    w: BufWriter<Sink>,
    /// Whether to emit ANSI colour.
    pub color: bool,
    /// Columns to wrap text at.
    pub width: usize,
}

impl Out {
    /// Output coloured as `choice` says, through `pager` when one is given
    /// (colour and width are still those of the terminal it shows on).
    pub(crate) fn new(choice: ColorChoice, pager: Option<Vec<String>>) -> Out {
        let stdout = io::stdout();
        let tty = stdout.is_terminal();
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                let set = |name| std::env::var_os(name).is_some_and(|v| !v.is_empty());
                // NO_COLOR wins; CLICOLOR_FORCE colours a pipe too (as bat
                // and ls do); otherwise a terminal that is not `dumb`.
                !set("NO_COLOR")
                    && ((set("CLICOLOR_FORCE")
                        && std::env::var("CLICOLOR_FORCE").is_ok_and(|v| v != "0"))
                        || (tty && std::env::var("TERM").map_or(true, |t| t != "dumb")))
            }
        };
        // COLUMNS when set (a pipe, a narrow pane), else the terminal's.
        let columns = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<usize>().ok())
            .filter(|&c| c > 0);
        let width = match columns {
            Some(c) => c.clamp(MIN_WIDTH, MAX_WIDTH),
            None if tty => textwrap::termwidth().clamp(MIN_WIDTH, 140),
            None => DEFAULT_WIDTH,
        };
        Out {
            w: BufWriter::new(Sink::new(pager)),
            color,
            width,
        }
    }

    /// Wraps `s` in an SGR style when colouring.
    pub(crate) fn paint(&self, style: Style, s: &str) -> String {
        if self.color {
            format!("\x1b[{}m{s}\x1b[0m", style.sgr())
        } else {
            s.to_string()
        }
    }

    /// What to put around matched words: colour on a terminal, brackets otherwise.
    pub(crate) fn match_markers(&self) -> (&'static str, &'static str) {
        if self.color {
            ("\x1b[1;33m", "\x1b[0m")
        } else {
            ("[", "]")
        }
    }

    /// Writes `text` wrapped to the width, each line indented.
    pub(crate) fn wrapped(&mut self, text: &str, indent: &str) -> io::Result<()> {
        self.hanging(text, indent, indent)
    }

    /// Writes `text` wrapped, its first line indented by `first`, the others by `rest`.
    pub(crate) fn hanging(&mut self, text: &str, first: &str, rest: &str) -> io::Result<()> {
        // Never split at a hyphen or inside a word: a passage id
        // (`crisisgroup-258/p24`) must stay whole to be copied.
        let opts = textwrap::Options::new(self.width)
            .initial_indent(first)
            .subsequent_indent(rest)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .break_words(false);
        for line in textwrap::wrap(text, opts) {
            writeln!(self.w, "{line}")?;
        }
        Ok(())
    }

    /// Columns a table or concordance line may take: `COLUMNS` when set (a
    /// script or a narrow pane asking), else the terminal's width.
    pub(crate) fn line_width(&self) -> usize {
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse().ok())
            .filter(|&c: &usize| c > 0)
            .unwrap_or(self.width)
    }

    pub(crate) fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.w.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

/// The few styles dossier uses.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Style {
    /// Titles.
    Bold,
    /// Secondary information: ids, counts.
    Dim,
    /// Section paths.
    Section,
}

impl Style {
    fn sgr(self) -> &'static str {
        match self {
            Style::Bold => "1",
            Style::Dim => "2",
            Style::Section => "36",
        }
    }
}
/// A file name or other text from the outside world, safe to print on one
/// line: control characters (a newline in a file name, an escape code)
/// written as escapes.
pub(crate) fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .flat_map(|c| {
                if c.is_control() {
                    c.escape_default().collect::<Vec<_>>()
                } else {
                    vec![c]
                }
            })
            .collect(),
    )
}
