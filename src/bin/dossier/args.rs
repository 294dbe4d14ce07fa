//! Command-line arguments (clap derive). The doc comments are the `--help` text.

use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};
use serde::{Deserialize, Serialize};

/// Where the index is when `--index` is not given.
pub(crate) const DEFAULT_INDEX: &str = "index";

/// Search long reports on violent extremism: find the passage, cite it, see its sources.
///
/// dossier reads a folder of reports (PDFs as published, web pages, Word
/// documents, markdown and text exports), cuts them into citable passages —
/// headings, paragraphs, footnotes, timeline events, captions — links each
/// footnote to the passage citing it, tags countries, armed groups, places,
/// persons and dates, and searches them.
///
/// Start with `dossier search "prison radicalisation"`: the first search builds
/// the index from the bundled corpus. Every field of the `--json` outputs is
/// documented in the repository's docs/json.md.
#[derive(Debug, Parser)]
#[command(
    name = "dossier",
    version = concat!(env!("CARGO_PKG_VERSION"), " (", env!("DOSSIER_COMMIT"), ")"),
    max_term_width = 100,
    after_long_help = "Exit codes:
  0  done, with output
  1  nothing matches (search, facets, timeline, sources, a page past the last hit)
  2  an error: one line on stderr says what is wrong

Settings: flags win over DOSSIER_* variables (DOSSIER_INDEX, DOSSIER_DATA,
DOSSIER_COLOR, DOSSIER_PAGING, DOSSIER_PAGER), which win over the config file
($XDG_CONFIG_HOME/dossier/config.toml, else ~/.config/dossier/config.toml):
  index = \"~/dossier-index\"
  color = \"never\"
  paging = \"never\"
  pager = \"less -RFS\""
)]
pub(crate) struct Cli {
    /// Index directory [default: index]. Only the default location is built
    /// from the bundled corpus on first use; another one must be built with
    /// `dossier ingest --index DIR` first.
    #[arg(long, global = true, env = "DOSSIER_INDEX", value_name = "DIR")]
    pub index: Option<PathBuf>,

    /// A folder of gazetteer additions merged over the bundled data at ingest and
    /// in `extract`: groups.toml, countries.toml, places.tsv, places.toml,
    /// blockers.toml (each optional; same shape as the files in the project's data/).
    #[arg(long, global = true, env = "DOSSIER_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// When to colour output: auto (a terminal, `NO_COLOR` unset), always, never
    /// [default: auto].
    #[arg(
        long,
        global = true,
        value_enum,
        env = "DOSSIER_COLOR",
        value_name = "WHEN"
    )]
    pub color: Option<ColorChoice>,

    /// When to send long human output through a pager: auto (when stdout is
    /// a terminal), always, never [default: auto]. The pager is
    /// `DOSSIER_PAGER`, else the config file's `pager`, else `PAGER`, else
    /// `less -RF` (which quits at once when the output fits the screen).
    #[arg(
        long,
        global = true,
        value_enum,
        env = "DOSSIER_PAGING",
        value_name = "WHEN"
    )]
    pub paging: Option<Paging>,

    /// A config file to read instead of `$XDG_CONFIG_HOME/dossier/config.toml`
    /// (`~/.config/dossier/config.toml`): keys `index`, `data`, `color`,
    /// `paging`, `pager`. Flags override it, `DOSSIER_*` variables sit in
    /// between.
    #[arg(long, global = true, env = "DOSSIER_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// The pager command the config file names, if any (filled in after parsing).
    #[arg(skip)]
    pub config_pager: Option<String>,

    #[command(subcommand)]
    pub command: Command,
}

/// `--color` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum ColorChoice {
    /// Colour when stdout is a terminal and `NO_COLOR` is unset.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// `--paging` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Paging {
    /// Page human output when stdout is a terminal.
    Auto,
    /// Always page human output, even on a pipe.
    Always,
    /// Never page.
    Never,
}

impl Cli {
    /// The colour choice, after the config file: `auto` when nothing says.
    pub(crate) fn color(&self) -> ColorChoice {
        self.color.unwrap_or(ColorChoice::Auto)
    }

    /// The paging choice, after the config file: `auto` when nothing says.
    pub(crate) fn paging(&self) -> Paging {
        self.paging.unwrap_or(Paging::Auto)
    }

    /// The index directory in use.
    pub(crate) fn index_dir(&self) -> &Path {
        self.index.as_deref().unwrap_or(Path::new(DEFAULT_INDEX))
    }

    /// Whether the index is the default one (no `--index`, no `DOSSIER_INDEX`).
    pub(crate) fn index_is_default(&self) -> bool {
        self.index.is_none()
    }
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Build the index anew from report files or folders (default: corpus/).
    ///
    /// A full rebuild: the index then holds these files only (use `dossier
    /// add` to add to it). The new index is written beside the old one and
    /// swapped in only when complete: an interrupted or failed ingest leaves
    /// the previous index usable. A file that cannot be read is skipped with a
    /// warning (exit code 2 at the end); metadata the files lack is read from a
    /// `sources.toml` beside them. The index records where every file came
    /// from, so `dossier update` can later read only what changed.
    Ingest(IngestArgs),
    /// Add report files or folders to the library; read only what is new.
    ///
    /// The paths join the library's sources, so `dossier update` watches them
    /// too. Like `update`, only new and changed files are read; the rest of
    /// the index is kept as it is, and the new state is swapped in atomically.
    ///
    /// Example: dossier add ~/reports/sahel-2026 ~/Downloads/new-brief.pdf
    Add(AddArgs),
    /// Take documents, files or folders out of the library.
    ///
    /// Give a document id (see `dossier docs`), a file, or a folder: a folder
    /// given to `ingest` or `add` is no longer watched; a file or folder under
    /// one is left out of later updates too.
    ///
    /// Example: dossier remove crisisgroup-258 ~/reports/drafts
    Remove(RemoveArgs),
    /// Bring the library up to date with its files: read new and changed
    /// files, drop those deleted, follow those moved.
    ///
    /// A file is unchanged when its size and modification time are as
    /// recorded, or its content is; a moved or renamed file keeps its
    /// documents and passage ids. Exit code 0 whether or not anything changed.
    Update(UpdateArgs),
    /// Search passages: ranked hits with citation, snippet and footnotes.
    ///
    /// Passages with all the words rank first, then those with some of them
    /// (stop words such as `of` alone do not count); a heading with the words
    /// lifts the passages under it; a word that names a known country, group or place also finds passages
    /// tagged with it (Daesh finds ISIS, Türkiye finds Turkey), below literal
    /// matches, and so does an entity's name typed unquoted.
    ///
    /// Words are forgiving: the other spelling matches (radicalization finds
    /// radicalisation, programme finds program), so does a compound written
    /// otherwise (de-radicalisation, deradicalisation), and a word of five
    /// letters or more that no passage has matches the index's words within a
    /// typo (two from nine letters; the first letter as typed), ranked below
    /// exact matches. `--exact` turns this off; `--explain` shows it.
    /// Exit code 1 when nothing matches.
    #[command(after_help = "Query syntax:
  prison radicalisation      words (stemmed, accents and case ignored)
  \"foreign fighters\"         a phrase; \"foreign fighters\"~2 lets words sit 2 apart
  prison AND Mali            both required (plain words rank passages with all
                             of them first, then those with some)
  prison OR jail             either
  returnees -Syria           exclude (also NOT Syria); brackets group: (a OR b) c
  terror*  deportaton~       prefix; fuzzy (1 edit, or ~2)
  field:value                section, doc, kind, country, group, place, person,
                             year, cites; e.g. country:Turkey kind:footnote

Examples:
  dossier search \"prison radicalisation\"
  dossier search returnees --country Türkiye --from 2019 --to 2020
  dossier search JNIM --kind footnote --json
  dossier search returnees --all --format csv > returnees.csv
  dossier search prison --format jsonl --summary   every field on every line, then a count
  dossier search prison --format markdown -n 5     quotations with their citation, for a memo
  dossier search prison --kwic --width 120         one line per matched word, in a column
  dossier search \"\" --group al-Qaeda --affiliates --facets")]
    Search(SearchArgs),
    /// Show one passage in full, the footnotes it cites and its neighbours.
    ///
    /// For a footnote, also the passage that cites it.
    #[command(after_help = "Examples:
  dossier show crisisgroup-258/p12 --context 2
  dossier show crisisgroup-258/fn14 --json")]
    Show(ShowArgs),
    /// Quote passages with a pin cite, or describe their reports for a
    /// reference manager.
    ///
    /// For each id, in order: the passage as a quotation (`--sentences N`
    /// keeps its first N sentences) and where it is: the report's authors,
    /// year, title, publisher and date, the section, ¶ or note number
    /// (`¶ 12`, `n. 14`, `event 3`), the page where the source has pages, and
    /// the URL where known (from the file or `sources.toml`). `markdown`
    /// adds the footnotes the passage cites as its own footnotes; `csl-json`
    /// (Zotero, pandoc), `bibtex` and `ris` describe the report with the
    /// passage as locator. A document read from HTML that names no publisher
    /// is a web page (CSL `webpage`, `@misc`, `ELEC`); anything else a
    /// report (`report`, `@techreport`, `RPRT`).
    #[command(after_help = "Examples:
  dossier cite icct-mali-prisons/p9 --sentences 2
  dossier cite icct-mali-prisons/p9 --format markdown >> memo.md
  dossier cite crisisgroup-258/p12 crisisgroup-258/fn14 --format csl-json > refs.json")]
    Cite(CiteArgs),
    /// Count passages per country, group, place, person, year, kind and document.
    ///
    /// With --by, a cross-tab: how many passages carry each pair of values.
    #[command(after_help = "Examples:
  dossier facets --field group --top 5
  dossier facets --field group --by doc            groups per report
  dossier facets JNIM --field person --by year --format csv > persons-by-year.csv")]
    Facets(FacetsArgs),
    /// List the documents in the index with their metadata and passage counts.
    Docs(DocsArgs),
    /// Print every passage as JSON Lines, in document order (fields: docs/json.md).
    ///
    /// With a query or filters, only the passages `search --all --duplicates`
    /// finds, still in document order. With `--for quickwit` or `--for
    /// opensearch`, every passage is written instead as records for that
    /// engine with its index configuration, for a library that outgrows one
    /// machine (docs/scale.md).
    #[command(after_help = "Examples:
  dossier export > library.jsonl
  dossier export prison --country Mali > mali-prisons.jsonl
  dossier export --for quickwit --out to-quickwit/")]
    Export(ExportArgs),
    /// Run the extractors on any text: countries, groups, places, persons, dates.
    #[command(after_help = "Examples:
  echo \"On 8 October JNIM freed prisoners in Bamako.\" | dossier extract --date 2020-12-01
  dossier extract report.txt --json")]
    Extract(ExtractArgs),
    /// Dated passages and events in date order, each with the sentence naming the date.
    ///
    /// One line per date a matching passage mentions; with --from/--to/--year,
    /// only the dates inside that range. Footnotes (whose dates are mostly those
    /// of the sources they cite) are left out unless --kind footnote is given.
    #[command(after_help = "Examples:
  dossier timeline --doc cep-mali --from 2019 --to 2020
  dossier timeline JNIM --year 2020 --json")]
    Timeline(TimelineArgs),
    /// The outlets and works the matching passages cite, counted.
    ///
    /// Counts passages that cite a source themselves (footnotes, timeline items
    /// naming their source), with the titled works cited from each outlet.
    #[command(after_help = "Examples:
  dossier sources --doc crisisgroup-258
  dossier sources prison --top 5
  dossier search returnees --cites Hürriyet")]
    Sources(SourcesArgs),
    /// Saved searches that say what is new: each run prints only the passages
    /// it has not reported before.
    ///
    /// `watch add` saves a query and its filters under a name (a query or a
    /// filter that `search` would refuse is refused here). `watch run` runs
    /// every saved search, or the one named, prints the hits it has not
    /// reported before and records them: after `dossier ingest` of new or
    /// updated reports, it shows what they add. A passage counts as reported by
    /// its document and text: one whose text changed (an updated report) is
    /// new again, one whose number only moved is not. Exit code 1 when no watch
    /// has anything new.
    ///
    /// Saved searches are kept, with what each reported, in a readable TOML
    /// file: `watches.toml` in the index folder (an ingest keeps it), or the
    /// file `--watches` names (for an index you may not write to).
    #[command(after_help = "Examples:
  dossier watch add jnim-prisons JNIM prison --country Mali
  dossier watch run                       every watch: what is new since its last run
  dossier watch run jnim-prisons --json   one watch, one JSON object per new hit
  dossier watch list
  dossier watch remove jnim-prisons")]
    Watch(WatchArgs),
    /// Search the library in a browser: a page and a JSON API on this machine.
    ///
    /// Listens on 127.0.0.1 (another address only with --bind) and prints the
    /// page's URL as its first line. Read-only; when `dossier ingest` or
    /// `update` publishes a new index, the next request reads it. The API
    /// (`/api/search`, `show`, `facets`, `timeline`, `sources`, `docs`,
    /// `cite`) answers the objects of the `--json` output: docs/api.md.
    #[command(after_help = "Examples:
  dossier serve --open
  dossier serve --port 0                  a free port; the URL is the first line
  curl 'http://127.0.0.1:8077/api/search?q=returnees&country=TR'")]
    Serve(ServeArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    ///
    /// bash: `dossier completions bash > ~/.local/share/bash-completion/completions/dossier`;
    /// zsh: into a folder of your `$fpath` as `_dossier`; fish:
    /// `dossier completions fish > ~/.config/fish/completions/dossier.fish`.
    Completions(CompletionsArgs),
    /// Print the manual page (roff): `dossier man > dossier.1 && man ./dossier.1`.
    Man,
    /// Check every file of the index against its checksum.
    ///
    /// Searches check dossier's own tables as they read them; tantivy's
    /// files are read in part by each search, so damage to them (a failing
    /// disk, a bad copy) is found here. Exit code 2 when a file is damaged.
    Check,
    /// Print an ingest stage's output, for debugging the rules.
    #[command(hide = true)]
    Debug(DebugArgs),
}

#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// Port to listen on; 0 lets the system choose a free one.
    #[arg(long, default_value_t = 8077, value_name = "N")]
    pub port: u16,
    /// Address to listen on. Anything but a loopback address lets other
    /// machines read the library (a warning says so).
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
    pub bind: std::net::IpAddr,
    /// Open the page in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Requests answered at once (1 to 64).
    #[arg(long, default_value_t = 4, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub threads: u16,
}

#[derive(Debug, Args)]
pub(crate) struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_name = "SHELL", value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub(crate) struct DebugArgs {
    /// Stage to print: `segment` (passages as the segmenter cut them).
    #[arg(value_name = "STAGE")]
    pub stage: String,
    /// Report file to read.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub(crate) struct IngestArgs {
    /// Report files or folders (walked recursively; .txt, .md, .html, .docx
    /// and .pdf files are read, every other file is listed as ignored).
    #[arg(value_name = "PATH", conflicts_with = "recover")]
    pub paths: Vec<PathBuf>,

    /// Make the newest complete build of the index live again, when its
    /// `CURRENT` pointer was lost or damaged (nothing is re-read).
    #[arg(long)]
    pub recover: bool,

    #[command(flatten)]
    pub reading: ReadingArgs,
}

/// How `ingest`, `add`, `remove` and `update` read files.
#[derive(Debug, Args)]
pub(crate) struct ReadingArgs {
    /// Worker threads (default: all cores; 1 to 256).
    #[arg(long, value_name = "N", value_parser = threads)]
    pub threads: Option<usize>,

    /// No progress bar and no summary line.
    #[arg(long, short)]
    pub quiet: bool,

    /// Skip files larger than this many megabytes (default 256; 1 to 65,536).
    #[arg(long, value_name = "MB", value_parser = megabytes)]
    pub max_file_size: Option<u64>,
}

#[derive(Debug, Args)]
pub(crate) struct AddArgs {
    /// Report files or folders to add (folders are walked recursively).
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub reading: ReadingArgs,
}

#[derive(Debug, Args)]
pub(crate) struct RemoveArgs {
    /// Document ids, files or folders to take out.
    #[arg(value_name = "DOC|PATH", required = true)]
    pub targets: Vec<String>,
    #[command(flatten)]
    pub reading: ReadingArgs,
}

#[derive(Debug, Args)]
pub(crate) struct UpdateArgs {
    #[command(flatten)]
    pub reading: ReadingArgs,
}

/// Filters shared by search, facets, timeline, sources and watch. A saved
/// search stores them as TOML under their field names; an unknown name there
/// is an error, never a filter silently dropped.
#[derive(Debug, Args, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct FilterArgs {
    /// Only passages mentioning this country (any name, demonym or ISO code: Turkey = Türkiye = TR).
    #[arg(long, value_name = "C", help_heading = "Filters")]
    pub country: Vec<String>,
    /// Only passages mentioning this armed group (any alias: Daesh = ISIS).
    #[arg(long, value_name = "G", help_heading = "Filters")]
    pub group: Vec<String>,
    /// With --group: also passages mentioning the group's affiliates
    /// (--group al-Qaeda --affiliates includes AQIM, JNIM…).
    #[arg(long, requires = "group", help_heading = "Filters")]
    pub affiliates: bool,
    /// Only passages mentioning this place.
    #[arg(long, value_name = "P", help_heading = "Filters")]
    pub place: Vec<String>,
    /// Only passages mentioning this person.
    #[arg(long, value_name = "P", help_heading = "Filters")]
    pub person: Vec<String>,
    /// Only passages of this kind: heading, paragraph, footnote, event, caption.
    #[arg(long, value_name = "K", help_heading = "Filters")]
    pub kind: Vec<String>,
    /// Only passages of this document (see `dossier docs`).
    #[arg(long, value_name = "D", help_heading = "Filters")]
    pub doc: Vec<String>,
    /// Only passages mentioning a date in this year.
    #[arg(long, value_name = "YYYY", help_heading = "Filters")]
    pub year: Vec<String>,
    /// Only passages mentioning a date on or after this one (YYYY, YYYY-MM, YYYY-MM-DD).
    #[arg(long, value_name = "DATE", help_heading = "Filters")]
    pub from: Option<String>,
    /// Only passages mentioning a date on or before this one.
    #[arg(long, value_name = "DATE", help_heading = "Filters")]
    pub to: Option<String>,
    /// Only passages citing this source (outlet or work).
    #[arg(long, value_name = "SOURCE", help_heading = "Filters")]
    pub cites: Vec<String>,
    /// Only documents published on or after this date.
    #[arg(long, value_name = "DATE", help_heading = "Filters")]
    pub published_from: Option<String>,
    /// Only documents published on or before this date.
    #[arg(long, value_name = "DATE", help_heading = "Filters")]
    pub published_to: Option<String>,
    /// Only passages added to the library since: a date (2026-11-30), a time
    /// (2026-11-30T09:00:00Z) or a span back from now (7d, 12h, 2w).
    #[arg(long, value_name = "WHEN", help_heading = "Filters")]
    pub added_since: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct SearchArgs {
    #[command(flatten)]
    pub asked: QueryArgs,
    /// Hits to print (1 to 10,000).
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N", value_parser = page_size)]
    pub limit: usize,
    /// Print every hit: no limit (near-duplicates are still left out unless
    /// --duplicates is given).
    #[arg(long, conflicts_with = "limit")]
    pub all: bool,
    /// Hits to skip, for paging (up to 1,000,000).
    #[arg(long, default_value_t = 0, value_name = "N", value_parser = offset)]
    pub offset: usize,
    #[command(flatten)]
    pub shown: SearchShown,
    #[command(flatten)]
    pub table: TableArgs,
    #[command(flatten)]
    pub counted: SearchCounted,
    /// Keep near-identical passages (a summary repeating the body, a timeline
    /// item repeating a paragraph); by default only the best of them is shown.
    #[arg(long)]
    pub duplicates: bool,
    /// Match words only as typed: no other spelling, no compound written
    /// otherwise, no typo tolerance (entity names still match).
    #[arg(long)]
    pub exact: bool,
}

/// `search` printing counts instead of hits, as `rg -c` and `rg -l` do.
#[derive(Debug, Args)]
pub(crate) struct SearchCounted {
    /// Print only how many passages match (every one, near-duplicates too).
    #[arg(long, short = 'c', conflicts_with = "docs")]
    pub count: bool,
    /// With --count: one line per matching document, `doc<TAB>count`.
    #[arg(long, requires = "count")]
    pub by_doc: bool,
    /// Print only the matching documents, most hits first: count, id, title.
    #[arg(long, short = 'l')]
    pub docs: bool,
}

/// A query and its filters: what `search` runs and `watch add` saves.
#[derive(Debug, Args)]
pub(crate) struct QueryArgs {
    /// The query: its words, quoted or not (`prison Mali` is `"prison Mali"`).
    /// Quote a phrase for the shell (`'"foreign fighters"'`); a query may
    /// start with `-` (`"-prison Mali"`: Mali, not prison).
    #[arg(value_name = "QUERY", allow_hyphen_values = true)]
    pub query: String,
    /// More words of the query, so that it need not be quoted.
    #[arg(value_name = "WORDS", hide = true)]
    pub more: Vec<String>,
    #[command(flatten)]
    pub filters: FilterArgs,
}

impl QueryArgs {
    /// The query as one string (see [`query_text`]).
    pub(crate) fn query_text(&self) -> String {
        query_text(Some(&self.query), &self.more)
    }
}

/// What `search` prints beside the hits.
#[derive(Debug, Args)]
pub(crate) struct SearchShown {
    /// One JSON object per hit, one per line (fields: docs/json.md).
    #[arg(long)]
    pub json: bool,
    /// Also print facet counts of all matching passages.
    #[arg(long)]
    pub facets: bool,
    /// Say how each query word was widened (other spelling, compound, typo,
    /// entity name) and, per hit, which widenings it matched.
    #[arg(long)]
    pub explain: bool,
}

/// How `search` lays its hits out for other tools (`--json` aside).
#[derive(Debug, Args)]
pub(crate) struct TableArgs {
    /// Print the hits for another tool: `csv` (a fixed header, one row a
    /// hit), `jsonl` (like --json, every documented field on every line,
    /// null or empty when empty) or `markdown` (each hit quoted with its
    /// citation). A page with more hits after it says so on stderr.
    #[arg(long, value_enum, value_name = "FORMAT", conflicts_with_all = ["json", "kwic"])]
    pub format: Option<TableFormat>,
    /// With --json or --format jsonl: end with one `{"summary": …}` line
    /// (matching passages, hits shown, offset).
    #[arg(long)]
    pub summary: bool,
    /// Keyword in context: one line per matched word of each hit, the words
    /// in one column between their left and right context, the passage id last.
    #[arg(long, conflicts_with_all = ["json", "explain"])]
    pub kwic: bool,
    /// Width of a --kwic line in columns (20 to 1,000) [default: COLUMNS
    /// when set, else the terminal's width, else 100].
    #[arg(long, value_name = "N", requires = "kwic", value_parser = line_width)]
    pub width: Option<usize>,
}

/// `search --format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum TableFormat {
    /// Comma-separated values, one row a hit under a fixed header.
    Csv,
    /// JSON Lines with every documented field present.
    Jsonl,
    /// A numbered list: the citation, then the text quoted.
    Markdown,
}

/// `facets --format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum CountsFormat {
    /// Comma-separated values.
    Csv,
    /// JSON Lines (as --json).
    Json,
}

#[derive(Debug, Args)]
pub(crate) struct TimelineArgs {
    /// Optional query restricting the passages.
    #[arg(value_name = "QUERY", allow_hyphen_values = true)]
    pub query: Option<String>,
    /// More words of the query, so that it need not be quoted.
    #[arg(value_name = "WORDS", hide = true)]
    pub more: Vec<String>,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Entries to print (1 to 10,000).
    #[arg(long, short = 'n', default_value_t = 50, value_name = "N", value_parser = page_size)]
    pub limit: usize,
    /// Entries to skip, for paging (up to 1,000,000).
    #[arg(long, default_value_t = 0, value_name = "N", value_parser = offset)]
    pub offset: usize,
    /// One JSON object per entry.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub(crate) struct SourcesArgs {
    /// Optional query restricting the passages.
    #[arg(value_name = "QUERY", allow_hyphen_values = true)]
    pub query: Option<String>,
    /// More words of the query, so that it need not be quoted.
    #[arg(value_name = "WORDS", hide = true)]
    pub more: Vec<String>,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Sources to print (1 to 10,000).
    #[arg(long, default_value_t = 30, value_name = "N", value_parser = page_size)]
    pub top: usize,
    /// Works to list under each source (up to 10,000).
    #[arg(long, default_value_t = 3, value_name = "N", value_parser = count)]
    pub works: usize,
    /// One JSON object per source.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub(crate) struct WatchArgs {
    /// The file of saved searches [default: watches.toml in the index folder].
    #[arg(long, global = true, env = "DOSSIER_WATCHES", value_name = "PATH")]
    pub watches: Option<PathBuf>,
    #[command(subcommand)]
    pub action: WatchAction,
}

#[derive(Debug, Subcommand)]
pub(crate) enum WatchAction {
    /// Save a search under a name; the query and filters are those of `search`.
    ///
    /// An empty query (`""`) with filters watches every passage they let through.
    #[command(after_help = "Examples:
  dossier watch add mali-prisons prison --country Mali --from 2020
  dossier watch add cep-events \"\" --doc cep-mali --kind event")]
    Add(Box<WatchAddArgs>),
    /// The saved searches: query, filters, when added and last run, hits reported.
    List {
        /// One JSON object per saved search (fields: docs/json.md).
        #[arg(long)]
        json: bool,
    },
    /// Print the hits not reported before, of every saved search or the one named, and record them.
    #[command(after_help = "Example:
  dossier ingest corpus new-reports && dossier watch run")]
    Run(WatchRunArgs),
    /// Forget a saved search and what it reported.
    Remove {
        /// The saved search's name.
        #[arg(value_name = "NAME")]
        name: String,
    },
}

#[derive(Debug, Args)]
pub(crate) struct WatchAddArgs {
    /// A name for the saved search: letters, digits, `-` and `_`.
    #[arg(value_name = "NAME")]
    pub name: String,
    #[command(flatten)]
    pub asked: QueryArgs,
}

#[derive(Debug, Args)]
pub(crate) struct WatchRunArgs {
    /// Only this saved search.
    #[arg(value_name = "NAME")]
    pub name: Option<String>,
    /// Most new hits to print per saved search (1 to 10,000); the others stay
    /// new for the next run.
    #[arg(long, short = 'n', default_value_t = 20, value_name = "N", value_parser = page_size)]
    pub limit: usize,
    /// One JSON object per new hit: a search hit and its `watch` (fields: docs/json.md).
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub(crate) struct ShowArgs {
    /// Passage id, e.g. crisisgroup-258/p12 or icct-mali-prisons/fn3.
    #[arg(value_name = "ID")]
    pub id: String,
    /// Also show this many passages before and after it (up to 100).
    #[arg(long, short = 'C', default_value_t = 0, value_name = "N", value_parser = context)]
    pub context: usize,
    /// JSON output.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub(crate) struct CiteArgs {
    /// Passage ids, e.g. crisisgroup-258/p12 icct-mali-prisons/fn3.
    #[arg(value_name = "ID", required = true)]
    pub ids: Vec<String>,
    /// text, markdown, csl-json, bibtex or ris.
    #[arg(long, default_value = "text", value_name = "FORMAT", value_parser = cite_format)]
    pub format: dossier::CiteFormat,
    /// Quote only the first N sentences of each passage (1 to 10,000).
    #[arg(long, value_name = "N", value_parser = page_size)]
    pub sentences: Option<usize>,
}

/// A `--format` of `cite`, by its name.
fn cite_format(s: &str) -> Result<dossier::CiteFormat, String> {
    s.parse()
}

#[derive(Debug, Args)]
pub(crate) struct FacetsArgs {
    /// Optional query restricting the passages counted.
    #[arg(value_name = "QUERY", allow_hyphen_values = true)]
    pub query: Option<String>,
    /// More words of the query, so that it need not be quoted.
    #[arg(value_name = "WORDS", hide = true)]
    pub more: Vec<String>,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Only this dimension: kind, doc, country, group, place, person, year, cites.
    #[arg(long, value_name = "F")]
    pub field: Vec<String>,
    /// Values per dimension (1 to 10,000).
    #[arg(long, default_value_t = 10, value_name = "N", value_parser = page_size)]
    pub top: usize,
    /// A cross-tab: the values of --field (or of every dimension) down, the
    /// values of this dimension across (doc, kind, country, group, place,
    /// person, year, cites).
    #[arg(long, value_name = "F")]
    pub by: Option<String>,
    /// One JSON object per count.
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// `csv` or `json` (JSON Lines, as --json); with --by, CSV is the whole
    /// table and JSON one line per non-empty cell.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<CountsFormat>,
}

#[derive(Debug, Args)]
pub(crate) struct DocsArgs {
    /// One JSON object per document.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// Optional query: only the passages it matches (syntax: `search --help`).
    #[arg(value_name = "QUERY", allow_hyphen_values = true)]
    pub query: Option<String>,
    /// More words of the query, so that it need not be quoted.
    #[arg(value_name = "WORDS", hide = true)]
    pub more: Vec<String>,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Accepted for symmetry: export always prints JSON Lines.
    #[arg(long)]
    pub json: bool,
    /// Instead, write the passages for a search cluster: NDJSON records and
    /// that engine's index configuration, into `--out` (see docs/scale.md).
    #[arg(
        long = "for",
        value_name = "ENGINE",
        value_enum,
        conflicts_with = "query"
    )]
    pub engine: Option<crate::commands::Engine>,
    /// With --for: the folder to write (new or empty; default dossier-ENGINE).
    #[arg(long, value_name = "DIR", requires = "engine")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct ExtractArgs {
    /// File to read, or - for standard input (the default).
    #[arg(value_name = "FILE", default_value = "-")]
    pub file: PathBuf,
    /// Reference date for relative dates (YYYY-MM-DD).
    #[arg(long, value_name = "D")]
    pub date: Option<String>,
    /// JSON output (one object: countries, groups, places, persons, dates).
    #[arg(long)]
    pub json: bool,
}

/// Most hits, entries or values one page may hold.
const MAX_PAGE: usize = 10_000;
/// Furthest a page may start.
const MAX_OFFSET: usize = 1_000_000;
/// Most neighbours `show --context` prints on each side.
const MAX_CONTEXT: usize = 100;
/// Narrowest `--kwic` line.
const MIN_LINE_WIDTH: usize = 20;
/// Widest `--kwic` line.
const MAX_LINE_WIDTH: usize = 1_000;
/// Most worker threads.
const MAX_THREADS: usize = 256;

/// A number of `min..=max`, with a message that says the range.
fn bounded(value: &str, min: usize, max: usize) -> Result<usize, String> {
    let n: usize = value
        .trim()
        .parse()
        .map_err(|_| format!("`{value}` is not a whole number"))?;
    if (min..=max).contains(&n) {
        Ok(n)
    } else {
        Err(format!(
            "{n} is out of range: write a number from {min} to {max}"
        ))
    }
}

fn page_size(value: &str) -> Result<usize, String> {
    bounded(value, 1, MAX_PAGE)
}

fn count(value: &str) -> Result<usize, String> {
    bounded(value, 0, MAX_PAGE)
}

fn offset(value: &str) -> Result<usize, String> {
    bounded(value, 0, MAX_OFFSET)
}

fn context(value: &str) -> Result<usize, String> {
    bounded(value, 0, MAX_CONTEXT)
}

fn line_width(value: &str) -> Result<usize, String> {
    bounded(value, MIN_LINE_WIDTH, MAX_LINE_WIDTH)
}

fn threads(value: &str) -> Result<usize, String> {
    bounded(value, 1, MAX_THREADS)
}

/// Largest file size limit, in megabytes.
const MAX_FILE_MB: usize = 65_536;

fn megabytes(value: &str) -> Result<u64, String> {
    bounded(value, 1, MAX_FILE_MB).map(|n| n as u64)
}

/// The query as one string: the shell's words joined by spaces, so
/// `dossier search prison Mali` is `dossier search "prison Mali"`.
pub(crate) fn query_text(first: Option<&str>, more: &[String]) -> String {
    first
        .into_iter()
        .chain(more.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
