//! Entity aliases at query time: `--country Türkiye` = `Turkey` = `TR`,
//! `Daesh` finds passages tagged ISIS.
//!
//! The tables are built at ingest from the gazetteers and stored in the index
//! directory, so a search never parses a gazetteer or builds an automaton.

/// Resolves what users type to the canonical values passages are tagged with.
pub(crate) trait Aliases {
    /// The canonical value of `value` in facet dimension `dim` (`country`,
    /// `group`, `place`, `person`, `cites`), if it is a known alias.
    fn resolve(&self, dim: &str, value: &str) -> Option<String>;

    /// The entities a query word or phrase names, as (dimension, canonical).
    fn entities_named(&self, text: &str) -> Vec<(&'static str, String)>;
}
