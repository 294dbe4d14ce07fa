//! Query-time alias tables: every way to name a country, group or place,
//! normalised, with the canonical value it stands for.
//!
//! In: the loaded [`Data`]. Out: [`Alias`] rows the CLI stores inside the index
//! directory at ingest, so that a search process resolves `--country Türkiye`
//! or `--group Daesh` by a table lookup, without parsing gazetteers or
//! building automata (SPEC section 7), and [`alias_key`], the normalisation
//! both sides share. Filter values are resolved whatever their case (a user
//! typing `--group is` means ISIS); only the text matcher is case-sensitive.

use serde::Serialize;

use super::countries;
use super::data::Data;
use super::groups;
use super::mention::EntityKind;
use crate::fold::alias_key;

/// One way of naming an entity, for query-time lookup.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Alias {
    /// Which facet the alias belongs to.
    pub kind: EntityKind,
    /// The alias normalised by [`alias_key`].
    pub key: String,
    /// The alias as written in the data (`IS`, `Daesh`): acronyms keep their case.
    pub name: String,
    /// What it stands for: ISO code, canonical group name or place name.
    pub canonical: String,
}

/// Every alias of every country, group and place in `data`, sorted, unique.
pub(crate) fn table(data: &Data) -> Vec<Alias> {
    let mut out = Vec::new();
    let mut push = |kind: EntityKind, name: &str, canonical: &str| {
        let key = alias_key(name);
        if !key.is_empty() {
            out.push(Alias {
                kind,
                key,
                name: name.to_owned(),
                canonical: canonical.to_owned(),
            });
        }
    };
    for c in &data.countries {
        let names = [&c.iso2, &c.iso3]
            .into_iter()
            .chain(&c.names)
            .chain(&c.demonyms)
            .chain(&c.codes);
        for name in names {
            push(EntityKind::Country, name, &c.iso2);
        }
        for name in &c.names {
            for variant in countries::name_variants(name) {
                push(EntityKind::Country, &variant, &c.iso2);
            }
        }
    }
    for (name, i, _) in groups::names(&data.groups) {
        push(EntityKind::Group, &name, &data.groups[i].name);
    }
    for g in &data.groups {
        for q in &g.query_only {
            push(EntityKind::Group, q, &g.name);
        }
    }
    for p in &data.places {
        for name in std::iter::once(&p.name).chain(&p.aliases) {
            push(EntityKind::Place, name, &p.name);
        }
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_what_users_type() {
        for (a, b) in [
            ("Türkiye", "turkiye"),
            ("U.S.", "US"),
            ("Jama’at Nusrat al-Islam", "jamaat nusrat al islam"),
            ("ISIS-K", "isis k"),
            ("  Côte d'Ivoire ", "cote divoire"),
            ("Şanlıurfa", "SANLIURFA"),
        ] {
            assert_eq!(alias_key(a), alias_key(b), "{a} vs {b}");
        }
    }

    #[test]
    fn table_resolves_spec_examples() {
        let data = Data::bundled().unwrap();
        let t = table(&data);
        let lookup = |kind: EntityKind, v: &str| -> Vec<String> {
            let key = alias_key(v);
            let mut found: Vec<String> = t
                .iter()
                .filter(|a| a.kind == kind && a.key == key)
                .map(|a| a.canonical.clone())
                .collect();
            found.dedup();
            found
        };
        for v in [
            "Turkey",
            "Türkiye",
            "TR",
            "tr",
            "Republic of Türkiye",
            "Turkish",
            "TUR",
        ] {
            assert_eq!(lookup(EntityKind::Country, v), vec!["TR"], "{v}");
        }
        for v in [
            "Daesh",
            "ISIL",
            "Islamic State",
            "IS",
            "is",
            "ISIS",
            "Dawla",
            "DEAŞ",
        ] {
            assert_eq!(lookup(EntityKind::Group, v), vec!["ISIS"], "{v}");
        }
        for v in ["GSIM", "Jama’at Nusratul Islam wal Muslimin", "JNIM"] {
            assert_eq!(lookup(EntityKind::Group, v), vec!["JNIM"], "{v}");
        }
        assert_eq!(lookup(EntityKind::Group, "AAD"), vec!["Ansar Dine"]);
        assert_eq!(lookup(EntityKind::Place, "Urfa"), vec!["Şanlıurfa"]);
        assert_eq!(lookup(EntityKind::Place, "Ar Raqqah"), vec!["Raqqa"]);
        let mut sorted = t.clone();
        sorted.sort();
        assert_eq!(sorted, t);
    }
}
