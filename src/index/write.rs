//! Writing reports into a new tantivy index (one generation, see `index::dir`).
//!
//! In: [`Report`]s in corpus order. Out: a committed index whose documents are
//! passages, plus `docs.json` (document metadata and counts) beside it.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use tantivy::collector::FacetCollector;
use tantivy::query::AllQuery;
use tantivy::schema::Facet;
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::{Index, IndexSettings, IndexWriter, TantivyDocument};

use super::aliases::AliasWriter;
use super::library::{LIBRARY_FILE, Library, Provenance};
use super::schema::{Fields, ORD_SHIFT, register_analyzer};
use super::{DOCS_FILE, DocSummary, aliases, checksum, dates, simhash};
use crate::error::{Error, Result};
use crate::model::{Dimension, Passage, PassageKind, Report};

/// Memory the tantivy writer may use for its buffers, all threads together.
const WRITER_MEMORY_BYTES: usize = 256 * 1024 * 1024;

/// zstd level of the document store (stored text and records): level 3,
/// zstd's default, halves what lz4 leaves and still reads a block in tens
/// of microseconds.
const STORE_ZSTD_LEVEL: i32 = 3;
/// Bytes of stored documents compressed together (tantivy's default is
/// 16 KiB): larger blocks compress the repeated JSON keys of the records
/// better, at a few more microseconds per passage read.
const STORE_BLOCK_BYTES: usize = 32 * 1024;

/// What the index stores about entity names beside the passages, as plain
/// data (ingest takes it from the gazetteers).
#[derive(Debug, Default)]
pub(crate) struct NameTables {
    /// Every known way to name a value: (dimension, alias as written, canonical value).
    pub aliases: Vec<(Dimension, String, String)>,
    /// For each group, the groups it is an affiliate of (`--affiliates`).
    pub affiliations: HashMap<String, Vec<String>>,
    /// British and American spellings of the same words (british, american).
    pub spellings: Vec<(String, String)>,
}

/// Builds one index generation.
pub(crate) struct IndexBuilder {
    dir: PathBuf,
    writer: IndexWriter,
    fields: Fields,
    docs: Vec<DocSummary>,
    aliases: AliasWriter,
    /// For each group, the groups it is an affiliate of (`--affiliates`).
    affiliations: HashMap<String, Vec<String>>,
    /// The order number the next document gets.
    next_order: u64,
}

/// The files of a generation that are dossier's own, written anew by each
/// build (tantivy's files are all the others).
const OWN_FILES: [&str; 6] = [
    DOCS_FILE,
    aliases::FST_FILE,
    aliases::NAMES_FILE,
    LIBRARY_FILE,
    "CHECKSUMS",
    "COMPLETE",
];

impl IndexBuilder {
    /// Creates an empty index in `dir` (which must exist and be empty), with
    /// the gazetteers' aliases and group affiliations.
    pub(crate) fn create(dir: &Path, threads: usize, names: NameTables) -> Result<IndexBuilder> {
        let settings = IndexSettings {
            docstore_compression: Compressor::Zstd(ZstdCompressor {
                compression_level: Some(STORE_ZSTD_LEVEL),
            }),
            docstore_blocksize: STORE_BLOCK_BYTES,
            ..IndexSettings::default()
        };
        let index = Index::builder()
            .schema(Fields::schema())
            .settings(settings)
            .create_in_dir(dir)?;
        Self::with_index(dir, &index, threads, names, Vec::new())
    }

    /// Starts a new generation in `dir` from the live one at `live`: its
    /// segment files are linked (they never change), tantivy's meta files
    /// copied, its documents kept until removed.
    pub(crate) fn extend(
        dir: &Path,
        live: &Path,
        threads: usize,
        names: NameTables,
        docs: Vec<DocSummary>,
    ) -> Result<IndexBuilder> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| Error::Io { path, source }
        };
        for entry in fs::read_dir(live).map_err(io(live))? {
            let entry = entry.map_err(io(live))?;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if OWN_FILES.contains(&name.as_ref()) || name.ends_with(".lock") {
                continue;
            }
            let (from, to) = (entry.path(), dir.join(name.as_ref()));
            // tantivy rewrites its meta files: those are copied, not shared.
            let shared = !name.ends_with(".json");
            if !shared || fs::hard_link(&from, &to).is_err() {
                fs::copy(&from, &to).map_err(io(&to))?;
            }
        }
        let index = Index::open_in_dir(dir)?;
        Self::with_index(dir, &index, threads, names, docs)
    }

    fn with_index(
        dir: &Path,
        index: &Index,
        threads: usize,
        names: NameTables,
        docs: Vec<DocSummary>,
    ) -> Result<IndexBuilder> {
        register_analyzer(index);
        let fields = Fields::from_schema(&index.schema())?;
        let writer = index.writer_with_num_threads(threads.max(1), WRITER_MEMORY_BYTES)?;
        let mut aliases = AliasWriter::default();
        for (dim, alias, canonical) in &names.aliases {
            aliases.add(*dim, alias, canonical);
        }
        let mut stemmer = super::schema::analyzer();
        for (british, american) in &names.spellings {
            aliases.add_spelling(&mut stemmer, british, american);
        }
        let next_order = docs.iter().map(|d| d.order + 1).max().unwrap_or(0);
        Ok(IndexBuilder {
            dir: dir.to_path_buf(),
            writer,
            fields,
            docs,
            aliases,
            affiliations: names.affiliations,
            next_order,
        })
    }

    /// Adds every passage of a report; `report.meta.id` must be unique.
    /// Takes the report: its passages become the documents' records
    /// without being copied.
    pub(crate) fn add(&mut self, report: Report, provenance: Option<Provenance>) -> Result<()> {
        let order = self.next_order;
        self.next_order += 1;
        let published = report.meta.published.map(dates::day_number);
        let added = provenance
            .as_ref()
            .and_then(|p| p.ingested_at.parse::<jiff::Timestamp>().ok())
            .map_or(0, |t| u64::try_from(t.as_second()).unwrap_or(0));
        let mut summary = DocSummary::of(&report);
        summary.order = order;
        summary.provenance = provenance;
        self.docs.push(summary);
        for (i, passage) in report.passages.into_iter().enumerate() {
            let ord = (order << ORD_SHIFT) | i as u64;
            let mut doc = self.document(passage, ord, published);
            doc.add_u64(self.fields.added, added);
            self.writer.add_document(doc)?;
        }
        Ok(())
    }

    /// Removes a document and its passages.
    pub(crate) fn remove(&mut self, doc: &str) {
        let facet = Facet::from_path([Dimension::Doc.name(), doc]);
        self.writer
            .delete_term(tantivy::Term::from_facet(self.fields.facets, &facet));
        self.docs.retain(|d| d.meta.id != doc);
    }

    /// The documents so far.
    pub(crate) fn docs_mut(&mut self) -> &mut [DocSummary] {
        &mut self.docs
    }

    fn document(&self, mut p: Passage, ord: u64, published: Option<u64>) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        // The record is the passage without its text.
        let text = std::mem::take(&mut p.text);
        doc.add_text(f.id, &p.id);
        doc.add_text(f.text, &text);
        doc.add_text(f.text_raw, &text);
        let mut section = p.section.join(" \u{2029} ");
        if p.kind == PassageKind::Heading {
            section.push_str(" \u{2029} ");
            section.push_str(&text);
        }
        doc.add_text(f.section, &section);
        for facet in facets(&p, &self.affiliations) {
            doc.add_facet(f.facets, facet);
        }
        let json = serde_json::to_vec(&p).expect("a passage always serialises");
        doc.add_bytes(f.record, &json);
        doc.add_u64(f.ord, ord);
        doc.add_u64(f.kind, p.kind.code());
        let mut first_day: Option<u64> = None;
        for d in &p.date_mentions {
            for block in dates::blocks(d.start, d.end) {
                doc.add_u64(f.date_blocks, block);
            }
            let day = dates::day_number(d.start);
            first_day = Some(first_day.map_or(day, |f| f.min(day)));
        }
        if let Some(day) = first_day {
            doc.add_u64(f.date_first, day);
        }
        if let Some(day) = published {
            doc.add_u64(f.published, day);
        }
        doc.add_u64(f.simhash, simhash::of_text(&text));
        doc
    }

    /// Commits the passages; every value they are tagged with, counted
    /// over the whole library, is then known (see [`Committed`]).
    pub(crate) fn commit(mut self) -> Result<Committed> {
        self.writer.commit()?;
        self.writer.wait_merging_threads()?;
        let index = Index::open_in_dir(&self.dir)?;
        let searcher = index.reader()?.searcher();
        let mut collector = FacetCollector::for_field(super::schema::name::FACETS);
        for dim in Dimension::NAMED {
            collector.add_facet(format!("/{dim}").as_str());
        }
        let counts = searcher.search(&AllQuery, &collector)?;
        let mut tagged = Vec::new();
        for dim in Dimension::NAMED {
            for (facet, count) in counts.get(format!("/{dim}").as_str()) {
                if let Some(value) = facet.to_path().last() {
                    // Every tagged value resolves to itself (folded), so
                    // `--place kidal` or `--cites hurriyet` need no gazetteer.
                    self.aliases.add(dim, value, value);
                    tagged.push((dim, (*value).to_string(), count));
                }
            }
        }
        Ok(Committed {
            dir: self.dir,
            docs: self.docs,
            aliases: self.aliases,
            tagged,
        })
    }
}

/// A generation whose passages are committed, waiting for its tables.
pub(crate) struct Committed {
    dir: PathBuf,
    docs: Vec<DocSummary>,
    aliases: AliasWriter,
    /// Every tagged value with the passages carrying it.
    pub(crate) tagged: Vec<(Dimension, String, u64)>,
}

impl Committed {
    /// Records one name's spellings across the library (a person's, a
    /// source's): every spelling and each name in `also` (a surname naming
    /// only this person) resolve to the canonical one, and filters and
    /// facets take them together.
    pub(crate) fn add_spellings(
        &mut self,
        dim: Dimension,
        canonical: &str,
        members: &[String],
        also: &[String],
    ) {
        self.aliases.add_spellings(dim, canonical, members, also);
    }

    /// Writes `docs.json`, the alias table and the library's record of its
    /// sources; returns the document summaries.
    pub(crate) fn finish(self, library: &Library) -> Result<Vec<DocSummary>> {
        let path = self.dir.join(DOCS_FILE);
        let json = serde_json::to_vec_pretty(&self.docs).expect("summaries always serialise");
        fs::write(&path, json).map_err(|source| Error::Io { path, source })?;
        self.aliases.write(&self.dir)?;
        library.write(&self.dir)?;
        checksum::write(
            &self.dir,
            &[
                DOCS_FILE,
                aliases::FST_FILE,
                aliases::NAMES_FILE,
                LIBRARY_FILE,
            ],
        )?;
        Ok(self.docs)
    }
}

/// Every facet path of a passage (see `index::schema`), with
/// `/affiliate/<parent>` for the groups its groups are affiliates of.
pub(crate) fn facets(p: &Passage, affiliations: &HashMap<String, Vec<String>>) -> Vec<Facet> {
    let mut out: Vec<Facet> = Dimension::COUNTED
        .into_iter()
        .flat_map(|dim| {
            dim.values(p)
                .into_iter()
                .map(move |v| Facet::from_path([dim.name(), v.as_ref()]))
        })
        .collect();
    let mut parents: Vec<&String> = p
        .groups
        .iter()
        .filter_map(|g| affiliations.get(g))
        .flatten()
        .collect();
    parents.sort();
    parents.dedup();
    out.extend(
        parents
            .into_iter()
            .map(|g| Facet::from_path([Dimension::Affiliate.name(), g.as_str()])),
    );
    out
}
