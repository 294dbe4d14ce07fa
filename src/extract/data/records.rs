//! The plain records the data files describe: countries, armed groups,
//! places; and the error that names a data file that does not parse.
//!
//! In: nothing but the types. Out: [`CountryRec`], [`GroupRec`], [`PlaceRec`],
//! filled by the TSV and TOML readers of `data`, read by the modules that
//! turn records into matchable names.

use std::path::Path;

use serde::Deserialize;

use crate::error::Error;

/// One country: codes, names, demonyms and how to match them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct CountryRec {
    pub(crate) iso2: String,
    pub(crate) iso3: String,
    pub(crate) names: Vec<String>,
    pub(crate) demonyms: Vec<String>,
    /// Acronyms matched with their exact case.
    pub(crate) codes: Vec<String>,
    /// Names and demonyms matched only when capitalised.
    pub(crate) capitalised: Vec<String>,
    /// The name is also a given name.
    pub(crate) person_name: bool,
}

/// One armed group (see data/groups.toml).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GroupRec {
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) aliases: Vec<String>,
    #[serde(default)]
    pub(crate) acronyms: Vec<String>,
    #[serde(default)]
    pub(crate) affiliate_of: Vec<String>,
    #[serde(default)]
    pub(crate) query_only: Vec<String>,
    /// Names of the branch joined to its first parent's names ("Greater Sahara").
    #[serde(default)]
    pub(crate) branch: Vec<String>,
    /// Acronyms of the branch joined to its first parent's acronyms ("GS").
    #[serde(default)]
    pub(crate) branch_acronyms: Vec<String>,
}

/// One city or region (see data/places.tsv).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PlaceRec {
    pub(crate) name: String,
    /// ISO alpha-2, or empty for a region across borders.
    pub(crate) country: String,
    pub(crate) population: u64,
    pub(crate) aliases: Vec<String>,
}

/// An [`Error::DataFile`] naming `path` and what is wrong there.
pub(super) fn data_error(path: &Path, message: impl Into<String>) -> Error {
    Error::DataFile {
        path: path.to_path_buf(),
        message: message.into(),
    }
}
