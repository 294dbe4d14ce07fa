//! Writing reports into a new tantivy index (one generation, see `index::dir`).
//!
//! In: [`Report`]s in corpus order. Out: a committed index whose documents are
//! passages, plus `docs.json` (document metadata and counts) beside it.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use tantivy::schema::Facet;
use tantivy::{Index, IndexWriter, TantivyDocument};

use super::aliases::AliasWriter;
use super::schema::{Fields, ORD_SHIFT, register_analyzer};
use super::{DOCS_FILE, DocSummary, aliases, checksum, dates, simhash};
use crate::error::{Error, Result};
use crate::model::{Dimension, Passage, PassageKind, Report};

/// Memory the tantivy writer may use for its buffers, all threads together.
const WRITER_MEMORY_BYTES: usize = 256 * 1024 * 1024;

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
    /// Tagged values already added to the alias table (most repeat).
    tagged: HashSet<(Dimension, String)>,
    /// For each group, the groups it is an affiliate of (`--affiliates`).
    affiliations: HashMap<String, Vec<String>>,
}

impl IndexBuilder {
    /// Creates an empty index in `dir` (which must exist and be empty), with
    /// the gazetteers' aliases and group affiliations.
    pub(crate) fn create(dir: &Path, threads: usize, names: NameTables) -> Result<IndexBuilder> {
        let schema = Fields::schema();
        let fields = Fields::from_schema(&schema)?;
        let index = Index::create_in_dir(dir, schema)?;
        register_analyzer(&index);
        let writer = index.writer_with_num_threads(threads.max(1), WRITER_MEMORY_BYTES)?;
        let mut aliases = AliasWriter::default();
        for (dim, alias, canonical) in &names.aliases {
            aliases.add(*dim, alias, canonical);
        }
        let mut stemmer = super::schema::analyzer();
        for (british, american) in &names.spellings {
            aliases.add_spelling(&mut stemmer, british, american);
        }
        Ok(IndexBuilder {
            dir: dir.to_path_buf(),
            writer,
            fields,
            docs: Vec::new(),
            aliases,
            tagged: HashSet::new(),
            affiliations: names.affiliations,
        })
    }

    /// Adds every passage of a report; `report.meta.id` must be unique.
    pub(crate) fn add(&mut self, report: &Report) -> Result<()> {
        let doc_index = self.docs.len() as u64;
        let published = report.meta.published.map(dates::day_number);
        for (i, passage) in report.passages.iter().enumerate() {
            let ord = (doc_index << ORD_SHIFT) | i as u64;
            let doc = self.document(passage, ord, published);
            self.writer.add_document(doc)?;
            self.add_tagged_values(passage);
        }
        self.docs.push(DocSummary::of(report));
        Ok(())
    }

    fn document(&self, p: &Passage, ord: u64, published: Option<u64>) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.id, &p.id);
        doc.add_text(f.text, &p.text);
        doc.add_text(f.text_raw, &p.text);
        let mut section = p.section.join(" \u{2029} ");
        if p.kind == PassageKind::Heading {
            section.push_str(" \u{2029} ");
            section.push_str(&p.text);
        }
        doc.add_text(f.section, &section);
        for facet in facets(p, &self.affiliations) {
            doc.add_facet(f.facets, facet);
        }
        let record = Passage {
            text: String::new(),
            ..p.clone()
        };
        let json = serde_json::to_vec(&record).expect("a passage always serialises");
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
        doc.add_u64(f.simhash, simhash::of_text(&p.text));
        doc
    }

    /// Every value a passage is tagged with resolves to itself (folded), so
    /// `--place kidal` or `--cites hurriyet` work without a gazetteer.
    fn add_tagged_values(&mut self, p: &Passage) {
        for dim in Dimension::NAMED {
            for v in dim.tagged(p) {
                if self.tagged.insert((dim, v.clone())) {
                    self.aliases.add(dim, v, v);
                }
            }
        }
    }

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

    /// Commits the index and writes `docs.json`; returns the document summaries.
    pub(crate) fn finish(mut self) -> Result<Vec<DocSummary>> {
        self.writer.commit()?;
        self.writer.wait_merging_threads()?;
        let path = self.dir.join(DOCS_FILE);
        let json = serde_json::to_vec_pretty(&self.docs).expect("summaries always serialise");
        fs::write(&path, json).map_err(|source| Error::Io { path, source })?;
        self.aliases.write(&self.dir)?;
        checksum::write(
            &self.dir,
            &[DOCS_FILE, aliases::FST_FILE, aliases::NAMES_FILE],
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
