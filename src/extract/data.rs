//! Loading the gazetteer data files: the bundled ones (embedded in the binary)
//! and optional user additions from a directory.
//!
//! In: the text of `data/countries.tsv`, `country_overrides.toml`,
//! `groups.toml`, `groups_un.toml`, `places.tsv`, `place_overrides.toml`, `blockers.toml`
//! (formats documented at the top of each file), then, if a user directory is
//! given, `countries.toml`, `groups.toml`, `places.tsv`, `places.toml` and
//! `blockers.toml` found there. Out: one merged [`Data`] of the plain records of
//! `records.rs` (`tsv.rs` reads the two TSV files). A file
//! that does not parse is an [`Error::DataFile`] naming the file and the line;
//! nothing here panics on bad input. Turning records into matchable names is
//! left to `countries.rs`, `groups.rs` and `places.rs`.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};

mod records;
mod tsv;

use records::data_error;
pub(crate) use records::{CountryRec, GroupRec, PlaceRec};

const COUNTRIES_TSV: &str = include_str!("../../data/countries.tsv");
const COUNTRY_OVERRIDES: &str = include_str!("../../data/country_overrides.toml");
const GROUPS: &str = include_str!("../../data/groups.toml");
const GROUPS_UN: &str = include_str!("../../data/groups_un.toml");
const PLACES_TSV: &str = include_str!("../../data/places.tsv");
const PLACE_OVERRIDES: &str = include_str!("../../data/place_overrides.toml");
const BLOCKERS: &str = include_str!("../../data/blockers.toml");

/// Everything the extractor is built from.
#[derive(Debug, Clone, Default)]
pub(crate) struct Data {
    pub(crate) countries: Vec<CountryRec>,
    pub(crate) groups: Vec<GroupRec>,
    pub(crate) places: Vec<PlaceRec>,
    /// Phrases that mention nothing (data/blockers.toml).
    pub(crate) blockers: Vec<String>,
    /// Words that make the country or place name before them an outlet's
    /// name (`The Japan Times`), from data/blockers.toml.
    pub(crate) outlet_words: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CountryOverrides {
    #[serde(default)]
    country: Vec<CountryOverride>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CountryOverride {
    iso2: String,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    #[serde(default)]
    codes: Vec<String>,
    #[serde(default)]
    capitalised: Vec<String>,
    #[serde(default)]
    remove: Vec<String>,
    #[serde(default)]
    person_name: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupsFile {
    #[serde(default)]
    group: Vec<GroupRec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceOverrides {
    #[serde(default)]
    place: Vec<PlaceOverride>,
    #[serde(default)]
    remove: Vec<PlaceRef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceOverride {
    name: String,
    country: String,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    replaces: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceRef {
    name: String,
    country: String,
    /// Only this alias of the place, not the place.
    #[serde(default)]
    alias: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BlockersFile {
    #[serde(default)]
    phrases: Vec<String>,
    #[serde(default)]
    outlet_words: Vec<String>,
}

fn parse_toml<T: serde::de::DeserializeOwned>(path: &Path, text: &str) -> Result<T> {
    toml::from_str(text).map_err(|e| data_error(path, e.to_string().trim_end().to_owned()))
}

fn push_unique(list: &mut Vec<String>, items: impl IntoIterator<Item = String>) {
    for item in items {
        if !list.contains(&item) {
            list.push(item);
        }
    }
}

impl Data {
    /// The data files bundled in the binary.
    pub(crate) fn bundled() -> Result<Data> {
        let mut data = Data {
            countries: tsv::parse_countries_tsv(Path::new("data/countries.tsv"), COUNTRIES_TSV)?,
            places: tsv::parse_places_tsv(Path::new("data/places.tsv"), PLACES_TSV)?,
            ..Data::default()
        };
        data.apply_country_overrides(Path::new("data/country_overrides.toml"), COUNTRY_OVERRIDES)?;
        data.add_groups(Path::new("data/groups.toml"), GROUPS)?;
        // Generated from the UN sanctions list by scripts/gen_groups.py; read
        // after the hand-kept file, whose groups it only adds names to.
        data.add_groups(Path::new("data/groups_un.toml"), GROUPS_UN)?;
        data.apply_place_overrides(Path::new("data/place_overrides.toml"), PLACE_OVERRIDES)?;
        data.add_blockers(Path::new("data/blockers.toml"), BLOCKERS)?;
        Ok(data)
    }

    /// Applies the user's additions found in `dir` (each file optional).
    pub(crate) fn extend_from_dir(&mut self, dir: &Path) -> Result<()> {
        if !dir.is_dir() {
            return Err(Error::MissingPath {
                path: dir.to_path_buf(),
            });
        }
        if let Some((path, text)) = read_optional(dir, "countries.toml")? {
            self.apply_country_overrides(&path, &text)?;
        }
        if let Some((path, text)) = read_optional(dir, "groups.toml")? {
            self.add_groups(&path, &text)?;
        }
        if let Some((path, text)) = read_optional(dir, "places.tsv")? {
            let rows = tsv::parse_places_tsv(&path, &text)?;
            self.places.extend(rows);
            self.check_place_countries(&path)?;
        }
        if let Some((path, text)) = read_optional(dir, "places.toml")? {
            self.apply_place_overrides(&path, &text)?;
            self.check_place_countries(&path)?;
        }
        if let Some((path, text)) = read_optional(dir, "blockers.toml")? {
            self.add_blockers(&path, &text)?;
        }
        Ok(())
    }

    fn apply_country_overrides(&mut self, path: &Path, text: &str) -> Result<()> {
        let file: CountryOverrides = parse_toml(path, text)?;
        for o in file.country {
            tsv::check_iso2(path, 0, &o.iso2, false)?;
            let idx = if let Some(i) = self.countries.iter().position(|c| c.iso2 == o.iso2) {
                i
            } else {
                self.countries.push(CountryRec {
                    iso2: o.iso2.clone(),
                    ..CountryRec::default()
                });
                self.countries.len() - 1
            };
            let c = &mut self.countries[idx];
            c.names.retain(|n| !o.remove.contains(n));
            c.demonyms.retain(|n| !o.remove.contains(n));
            push_unique(&mut c.names, o.names);
            push_unique(&mut c.demonyms, o.demonyms);
            push_unique(&mut c.codes, o.codes);
            push_unique(&mut c.capitalised, o.capitalised);
            c.person_name |= o.person_name;
        }
        Ok(())
    }

    fn add_groups(&mut self, path: &Path, text: &str) -> Result<()> {
        let file: GroupsFile = parse_toml(path, text)?;
        for g in file.group {
            if g.name.trim().is_empty() {
                return Err(data_error(path, "a [[group]] has an empty `name`"));
            }
            match self.groups.iter_mut().find(|x| x.name == g.name) {
                Some(old) => {
                    push_unique(&mut old.aliases, g.aliases);
                    push_unique(&mut old.acronyms, g.acronyms);
                    push_unique(&mut old.affiliate_of, g.affiliate_of);
                    push_unique(&mut old.query_only, g.query_only);
                    push_unique(&mut old.branch, g.branch);
                    push_unique(&mut old.branch_acronyms, g.branch_acronyms);
                }
                None => self.groups.push(g),
            }
        }
        for g in &self.groups {
            for parent in &g.affiliate_of {
                if !self.groups.iter().any(|x| &x.name == parent) {
                    return Err(data_error(
                        path,
                        format!(
                            "group `{}` is an affiliate of `{parent}`, which is not a group name",
                            g.name
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    fn apply_place_overrides(&mut self, path: &Path, text: &str) -> Result<()> {
        let file: PlaceOverrides = parse_toml(path, text)?;
        for r in file.remove {
            match &r.alias {
                None => self
                    .places
                    .retain(|p| !(p.name == r.name && p.country == r.country)),
                Some(alias) => {
                    for p in self
                        .places
                        .iter_mut()
                        .filter(|p| p.name == r.name && p.country == r.country)
                    {
                        p.aliases.retain(|a| a != alias);
                    }
                }
            }
        }
        for o in file.place {
            tsv::check_iso2(path, 0, &o.country, true)?;
            if let Some(kind) = o.kind.as_deref()
                && !matches!(kind, "city" | "region")
            {
                return Err(data_error(
                    path,
                    format!(
                        "place `{}`: kind `{kind}` is neither `city` nor `region`",
                        o.name
                    ),
                ));
            }
            let mut rec = PlaceRec {
                name: o.name.clone(),
                country: o.country.clone(),
                population: 0,
                aliases: o.aliases,
            };
            if let Some(old_name) = &o.replaces
                && let Some(i) = self
                    .places
                    .iter()
                    .position(|p| &p.name == old_name && p.country == o.country)
            {
                let old = self.places.remove(i);
                rec.population = old.population;
                push_unique(&mut rec.aliases, [old.name]);
                push_unique(&mut rec.aliases, old.aliases);
            }
            match self
                .places
                .iter_mut()
                .find(|p| p.name == rec.name && p.country == rec.country)
            {
                Some(p) => push_unique(&mut p.aliases, rec.aliases),
                None => self.places.push(rec),
            }
        }
        Ok(())
    }

    /// Every place's country must be a known country (or empty).
    fn check_place_countries(&self, path: &Path) -> Result<()> {
        for p in &self.places {
            if !p.country.is_empty() && !self.countries.iter().any(|c| c.iso2 == p.country) {
                return Err(data_error(
                    path,
                    format!(
                        "place `{}`: `{}` is not a known country code",
                        p.name, p.country
                    ),
                ));
            }
        }
        Ok(())
    }

    fn add_blockers(&mut self, path: &Path, text: &str) -> Result<()> {
        let file: BlockersFile = parse_toml(path, text)?;
        push_unique(&mut self.blockers, file.phrases);
        push_unique(&mut self.outlet_words, file.outlet_words);
        Ok(())
    }
}

fn read_optional(dir: &Path, name: &str) -> Result<Option<(PathBuf, String)>> {
    let path = dir.join(name);
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(Some((path, text))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::Io { path, source: e }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_data_parses_and_is_complete() {
        let data = Data::bundled().expect("bundled data parses");
        assert!(data.countries.len() >= 249, "{}", data.countries.len());
        assert!(data.places.len() > 10_000);
        let tr = data.countries.iter().find(|c| c.iso2 == "TR").unwrap();
        assert!(tr.names.iter().any(|n| n == "Turkey"));
        let ne = data.countries.iter().find(|c| c.iso2 == "NE").unwrap();
        assert!(ne.demonyms.iter().any(|d| d == "Nigerien"));
        assert!(!ne.demonyms.iter().any(|d| d == "Nigerian"));
        // SPEC section 4's list of groups.
        for name in [
            "ISIS",
            "ISGS",
            "ISWAP",
            "ISKP",
            "al-Qaeda",
            "AQIM",
            "AQAP",
            "JNIM",
            "Ansar Dine",
            "MUJAO",
            "al-Mourabitoun",
            "Katiba Macina",
            "Katiba al-Furqan",
            "GSPC",
            "Boko Haram",
            "Taliban",
            "HTS",
            "Nusra Front",
            "PKK",
            "YPG",
            "SDF",
            "MNLA",
            "FETO",
            "al-Shabaab",
            "Hüda-Par",
            "Hezbollah",
        ] {
            assert!(
                data.groups.iter().any(|g| g.name == name),
                "missing group {name}"
            );
        }
        let raqqa = data.places.iter().find(|p| p.name == "Raqqa").unwrap();
        assert!(raqqa.aliases.iter().any(|a| a == "Ar Raqqah"));
        assert!(
            !data
                .places
                .iter()
                .any(|p| p.name == "Sahel" && p.country == "BF")
        );
    }

    #[test]
    fn malformed_files_are_data_file_errors() {
        let p = Path::new("x");
        let cases: Vec<(&str, Result<()>)> = vec![
            (
                "toml syntax",
                Data::default().add_groups(p, "[[group]\nname = 1"),
            ),
            (
                "unknown key",
                Data::default().add_groups(p, "[[group]]\nname = \"X\"\nalias = []"),
            ),
            (
                "empty name",
                Data::default().add_groups(p, "[[group]]\nname = \" \""),
            ),
            (
                "unknown parent",
                Data::default().add_groups(p, "[[group]]\nname = \"X\"\naffiliate_of = [\"Y\"]"),
            ),
            (
                "bad iso2",
                Data::default().apply_country_overrides(p, "[[country]]\niso2 = \"Turkey\""),
            ),
            (
                "bad place kind",
                Data::default().apply_place_overrides(
                    p,
                    "[[place]]\nname = \"A\"\ncountry = \"ML\"\nkind = \"town\"",
                ),
            ),
        ];
        for (what, result) in cases {
            assert!(
                matches!(result, Err(Error::DataFile { .. })),
                "{what}: {result:?}"
            );
        }
        for bad in [
            "Bamako\tMali\tcity\t1\t",
            "Bamako\tML\tcity\tmany\t",
            "\tML",
        ] {
            assert!(
                matches!(tsv::parse_places_tsv(p, bad), Err(Error::DataFile { .. })),
                "{bad}"
            );
        }
        assert!(matches!(
            tsv::parse_countries_tsv(p, "tr\tTUR\tTurkey"),
            Err(Error::DataFile { .. })
        ));
    }

    #[test]
    fn user_directory_extends_the_bundled_data() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("groups.toml"),
            "[[group]]\nname = \"ISIS\"\naliases = [\"Tanzim al-Dawla\"]\n\n[[group]]\nname = \"Katiba Serma\"\naffiliate_of = [\"JNIM\"]\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("places.tsv"),
            "# mine\nBoulkessi\tML\tcity\t0\tBoulkessy\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("countries.toml"),
            "[[country]]\niso2 = \"ML\"\nnames = [\"Malie\"]\n",
        )
        .unwrap();
        let mut data = Data::bundled().unwrap();
        data.extend_from_dir(dir.path()).unwrap();
        let isis = data.groups.iter().find(|g| g.name == "ISIS").unwrap();
        assert!(isis.aliases.iter().any(|a| a == "Tanzim al-Dawla"));
        assert!(data.groups.iter().any(|g| g.name == "Katiba Serma"));
        assert!(data.places.iter().any(|p| p.name == "Boulkessi"));
        assert!(
            data.countries
                .iter()
                .any(|c| c.iso2 == "ML" && c.names.contains(&"Malie".to_owned()))
        );

        std::fs::write(dir.path().join("groups.toml"), "[[group]]\nname = ").unwrap();
        let err = Data::bundled()
            .unwrap()
            .extend_from_dir(dir.path())
            .unwrap_err();
        assert!(
            matches!(&err, Error::DataFile { path, .. } if path.ends_with("groups.toml")),
            "{err}"
        );
        let missing = Data::bundled()
            .unwrap()
            .extend_from_dir(&dir.path().join("nope"));
        assert!(matches!(missing, Err(Error::MissingPath { .. })));
    }
}
