//! Front matter: the metadata block some markdown and text exports open
//! with — YAML between `---` lines (Jekyll, Hugo, Pandoc, Obsidian) or TOML
//! between `+++` lines (Hugo, Zola).
//!
//! In: a file's text. Out: the [`DocMeta`] the block gives (title, authors,
//! date, publisher, URL) and the byte offset where the report's text starts;
//! or nothing when the text does not open with such a block. Only top-level
//! keys are read, with the common names tools give them; nested maps (an
//! infobox) are skipped whole, so none of their lines becomes text.

use jiff::civil::Date;

use crate::model::DocMeta;

/// Longest front matter read; a longer "block" is not front matter.
const MAX_FRONT_MATTER_BYTES: usize = 256 * 1024;

/// Keys naming each metadata field, as tools write them (lower case).
const TITLE_KEYS: [&str; 2] = ["title", "name"];
const AUTHOR_KEYS: [&str; 4] = ["author", "authors", "creator", "creators"];
const DATE_KEYS: [&str; 5] = ["date", "published", "publication_date", "pubdate", "issued"];
const PUBLISHER_KEYS: [&str; 3] = ["publisher", "organization", "organisation"];
const URL_KEYS: [&str; 4] = ["url", "permalink", "canonical_url", "source"];

/// The metadata of a front-matter block, and where the text after it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FrontMatter {
    /// What the block says.
    pub meta: DocMeta,
    /// Byte offset of the first line after the block.
    pub body_start: usize,
}

/// Reads the front matter `text` opens with, if any.
pub(crate) fn read(text: &str) -> Option<FrontMatter> {
    let text_start = text.len() - text.trim_start_matches('\u{feff}').len();
    let rest = &text[text_start..];
    let fence = if rest.starts_with("---") {
        "---"
    } else if rest.starts_with("+++") {
        "+++"
    } else {
        return None;
    };
    let first_line_end = rest.find('\n')?;
    if rest[..first_line_end].trim_end() != fence {
        return None;
    }
    let body = &rest[first_line_end + 1..];
    let (inner, after) = closing_fence(body, fence)?;
    if inner.len() > MAX_FRONT_MATTER_BYTES {
        return None;
    }
    let pairs = if fence == "+++" {
        toml_pairs(inner)?
    } else {
        yaml_pairs(inner)?
    };
    let body_start = text_start + first_line_end + 1 + after;
    Some(FrontMatter {
        meta: meta_of(&pairs),
        body_start,
    })
}

/// The block's inside and the offset (in `body`) just after its closing
/// fence line (`---`, or `...` for YAML).
fn closing_fence<'a>(body: &'a str, fence: &str) -> Option<(&'a str, usize)> {
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let t = line.trim_end();
        if t == fence || (fence == "---" && t == "...") {
            return Some((&body[..offset], offset + line.len()));
        }
        offset += line.len();
    }
    None
}

/// A value: one string, or a list of them.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Value {
    One(String),
    Many(Vec<String>),
}

/// Top-level `key: value` pairs of YAML, with `- item` lists and `[a, b]`
/// flow lists; nested maps are skipped. `None` when the block has no
/// `key:` line at all (a `---` rule that is not front matter).
fn yaml_pairs(inner: &str) -> Option<Vec<(String, Value)>> {
    let mut out: Vec<(String, Value)> = Vec::new();
    let mut list_for: Option<usize> = None;
    for line in inner.lines() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let indented = line.starts_with([' ', '\t']);
        if indented || line.starts_with('-') {
            let item = line.trim_start().strip_prefix("- ").map(str::trim);
            match (list_for, item) {
                (Some(i), Some(item)) if !item.contains(": ") => {
                    if let Value::Many(items) = &mut out[i].1 {
                        items.push(unquote(item));
                    }
                }
                _ => {}
            }
            continue;
        }
        let (key, value) = line.split_once(':')?;
        if !is_key(key) {
            return None;
        }
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim();
        list_for = None;
        if value.is_empty() {
            out.push((key, Value::Many(Vec::new())));
            list_for = Some(out.len() - 1);
        } else if let Some(flow) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            let items = flow.split(',').map(unquote).filter(|s| !s.is_empty());
            out.push((key, Value::Many(items.collect())));
        } else if !matches!(value, "|" | ">" | "|-" | ">-") {
            out.push((key, Value::One(unquote(value))));
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Top-level string and string-list keys of TOML.
fn toml_pairs(inner: &str) -> Option<Vec<(String, Value)>> {
    let table: toml::Table = toml::from_str(inner).ok()?;
    let pairs = table
        .into_iter()
        .filter_map(|(key, value)| {
            let value = match value {
                toml::Value::String(s) => Value::One(s),
                toml::Value::Datetime(d) => Value::One(d.to_string()),
                toml::Value::Array(items) => Value::Many(
                    items
                        .into_iter()
                        .filter_map(|i| i.as_str().map(str::to_string))
                        .collect(),
                ),
                _ => return None,
            };
            Some((key.to_ascii_lowercase(), value))
        })
        .collect();
    Some(pairs)
}

/// A YAML key as front matter writes them: one word (`title`, `pub-date`).
fn is_key(key: &str) -> bool {
    let key = key.trim();
    !key.is_empty()
        && key.len() <= 40
        && key.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

fn unquote(s: &str) -> String {
    let s = s.trim();
    let quoted = s.len() >= 2
        && ((s.starts_with('"') && s.ends_with('"')) || (s.starts_with('\'') && s.ends_with('\'')));
    if quoted { &s[1..s.len() - 1] } else { s }.to_string()
}

fn meta_of(pairs: &[(String, Value)]) -> DocMeta {
    let find = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v))
    };
    let one = |keys: &[&str]| match find(keys) {
        Some(Value::One(s)) if !s.is_empty() => Some(s.clone()),
        Some(Value::Many(items)) => items.first().cloned(),
        _ => None,
    };
    let authors = match find(&AUTHOR_KEYS) {
        Some(Value::One(s)) => split_authors(s),
        Some(Value::Many(items)) => items.clone(),
        None => Vec::new(),
    };
    DocMeta {
        title: one(&TITLE_KEYS).unwrap_or_default(),
        authors,
        published: one(&DATE_KEYS).and_then(|d| date_of(&d)),
        publisher: one(&PUBLISHER_KEYS),
        url: one(&URL_KEYS).filter(|u| u.starts_with("http")),
        ..DocMeta::default()
    }
}

/// `A, B and C` → `[A, B, C]`.
fn split_authors(list: &str) -> Vec<String> {
    list.split([',', ';', '&'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The day a front-matter date names: `2021-03-04`, `2021-03-04 10:00:00
/// +0100`, `2021-03-04T10:00:00Z`.
fn date_of(value: &str) -> Option<Date> {
    let day = value.trim().get(..10)?;
    day.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter_gives_metadata_and_is_cut_off() {
        let text = "---\nlayout: post\ntitle: \"Tracing the Convoy\"\nauthor: Ana Ruiz and Ben Ode\ndate: 2021-03-04 10:00:00 +0100\ntags: [sahel, osint]\n---\n# Heading\n\nBody.\n";
        let fm = read(text).expect("front matter");
        assert_eq!(fm.meta.title, "Tracing the Convoy");
        assert_eq!(fm.meta.authors, ["Ana Ruiz", "Ben Ode"]);
        assert_eq!(fm.meta.published, Some(jiff::civil::date(2021, 3, 4)));
        assert_eq!(&text[fm.body_start..], "# Heading\n\nBody.\n");
    }

    #[test]
    fn lists_nested_maps_and_block_scalars() {
        let text = "---\ntitle: Report\nauthors:\n  - First Author\n  - Second Author\ninfobox:\n  country: Mali\n  groups:\n    - JNIM\nsummary: |\n  A long summary\n  on two lines.\npublished: '2020-05-04'\n...\nText.";
        let fm = read(text).expect("front matter");
        assert_eq!(fm.meta.authors, ["First Author", "Second Author"]);
        assert_eq!(fm.meta.published, Some(jiff::civil::date(2020, 5, 4)));
        assert_eq!(&text[fm.body_start..], "Text.");
    }

    #[test]
    fn toml_front_matter() {
        let text = "+++\ntitle = \"Jailbreaks\"\nauthors = [\"Lena Fischer\"]\ndate = 2022-03-14\n+++\nBody";
        let fm = read(text).expect("front matter");
        assert_eq!(fm.meta.title, "Jailbreaks");
        assert_eq!(fm.meta.authors, ["Lena Fischer"]);
        assert_eq!(fm.meta.published, Some(jiff::civil::date(2022, 3, 14)));
    }

    #[test]
    fn rules_and_unclosed_blocks_are_not_front_matter() {
        for text in [
            "---\n\nA paragraph after a rule.\n\n---\n",
            "--- \nno colon here\n---\n",
            "---\nNote that we: disagree\n---\n",
            "---\ntitle: never closed\n",
            "Text first\n---\ntitle: x\n---\n",
            "",
            "---",
        ] {
            assert_eq!(read(text), None, "{text:?}");
        }
    }
}
