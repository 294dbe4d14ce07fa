//! The extractor: the data loaded and compiled once, and the calls that run
//! it over a text or a whole report.
//!
//! In: the bundled data files, perhaps a user directory; then texts. Out:
//! [`Mention`]s per text or per passage of a report, the JSON's
//! [`Entities`], and the tables the index stores for query time (aliases,
//! group affiliations).

use std::path::Path;

use super::aliases::{self, Alias};
use super::data::Data;
use super::dates::{DateContext, extract_dates};
use super::groups;
use super::mention::{Entities, Mention};
use super::passage::scan;
use super::persons::KnownPersons;
use super::report;
use super::report_groups::add_report_groups;
use super::rules::Rules;
use crate::error::Result;

/// The gazetteers, compiled once and shared by every passage of an ingest.
#[derive(Debug)]
pub struct Extractor {
    rules: Rules,
    data: Data,
}

impl Extractor {
    /// Loads the bundled gazetteers and compiles their automata.
    pub fn new() -> Result<Self> {
        Self::from_data(Data::bundled()?)
    }

    /// Like [`Extractor::new`], with the additions found in `dir`:
    /// `groups.toml`, `countries.toml`, `places.tsv`, `places.toml` and
    /// `blockers.toml`, each optional and shaped like the bundled file of the
    /// same kind (see `data/`). A file that does not parse is an
    /// [`Error::DataFile`](crate::error::Error::DataFile) naming it.
    pub fn with_user_data(dir: &Path) -> Result<Self> {
        let mut data = Data::bundled()?;
        data.extend_from_dir(dir)?;
        Self::from_data(data)
    }

    fn from_data(data: Data) -> Result<Self> {
        Ok(Extractor {
            rules: Rules::compile(&data)?,
            data,
        })
    }

    /// Entity mentions (countries, groups, places, persons) in `text`, in text
    /// order (by span start, then kind). A place that counts toward a country
    /// yields two mentions with the same span. The acronyms `text` defines
    /// (`Jabhat al-Nusra (JN)`) name their group in it.
    pub fn entities(&self, text: &str) -> Vec<Mention> {
        let scanned = scan(&self.rules, text);
        let mut found = [scanned.mentions(&self.rules, &KnownPersons::default())];
        add_report_groups(&self.rules, &[text], &[scanned], &mut found);
        let [found] = found;
        found
    }

    /// Like [`Extractor::entities`] for each passage of one report, given as
    /// its text and the outlets it cites, knowing the whole report: a lone
    /// `Keïta` is `Ibrahim Boubacar Keïta` named two pages earlier, a shorter
    /// form takes the fullest one the report gives, and a country or place
    /// inside a cited outlet's name (`Liberian Observer`) is no mention. Each
    /// passage is read once.
    ///
    /// ```
    /// use dossier::extract::{EntityKind, Extractor};
    ///
    /// let extractor = Extractor::new()?;
    /// let found = extractor.report_entities(&[
    ///     ("President Ibrahim Boubacar Keïta resigned.", &[]),
    ///     ("A coup ousted Keïta in 2020.", &[]),
    /// ]);
    /// let person = found[1].iter().find(|m| m.kind == EntityKind::Person);
    /// assert_eq!(person.map(|m| m.canonical.as_str()), Some("Ibrahim Boubacar Keïta"));
    /// # Ok::<(), dossier::Error>(())
    /// ```
    pub fn report_entities(&self, passages: &[(&str, &[String])]) -> Vec<Vec<Mention>> {
        report::entities(&self.rules, passages)
    }

    /// Everything `dossier extract` lists for one text: entities and dates.
    pub fn extract(&self, text: &str, ctx: &DateContext) -> Entities {
        let mut out = Entities::from_mentions(self.entities(text));
        for d in extract_dates(text, ctx) {
            if !out.dates.contains(&d.value) {
                out.dates.push(d.value);
            }
        }
        out
    }

    /// Every alias of every country, group and place, keyed by
    /// [`alias_key`](crate::extract::alias_key), sorted and unique: the table
    /// the CLI stores in the index directory so that searches resolve
    /// `--country Türkiye` or `--group Daesh` without loading gazetteers.
    /// Includes ISO alpha-2 and alpha-3 codes, demonyms, group acronyms and
    /// query-only aliases. A key may stand for several canonicals (a place
    /// name found in several countries).
    pub fn alias_table(&self) -> Vec<Alias> {
        aliases::table(&self.data)
    }

    /// For each group (canonical name, in data order), the canonical names of
    /// the groups it is an affiliate of, directly or through others, sorted:
    /// `("Katiba Macina", ["JNIM", "al-Qaeda"])`. A filter `--group al-Qaeda
    /// --affiliates` matches every group whose list contains al-Qaeda.
    pub fn group_affiliations(&self) -> Vec<(String, Vec<String>)> {
        self.rules
            .groups
            .iter()
            .cloned()
            .zip(groups::affiliations(&self.data.groups))
            .collect()
    }
}
