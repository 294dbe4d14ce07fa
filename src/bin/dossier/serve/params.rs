//! A request's query string: decoded, checked against the names its
//! endpoint takes, numbers bounded, filters read exactly as the command
//! line's flags (`country=TR` is `--country TR`, `published_from` is
//! `--published-from`) and validated by the same code.

use dossier::Filters;

use super::routes::ApiError;
use crate::args::FilterArgs;

/// The filter parameters every query endpoint takes (the `FilterArgs` fields).
pub(crate) const FILTERS: [&str; 14] = [
    "country",
    "group",
    "affiliates",
    "place",
    "person",
    "kind",
    "doc",
    "year",
    "from",
    "to",
    "cites",
    "published_from",
    "published_to",
    "added_since",
];

/// Most values one parameter name may repeat (`country=TR&country=SY…`).
const MAX_VALUES: usize = 20;

/// The decoded `name=value` pairs, in order.
pub(crate) struct Params(Vec<(String, String)>);

impl Params {
    /// Decodes `query` (`+` is a space, `%XX` a byte; UTF-8) and refuses a
    /// name the endpoint does not take: a typo is an error, not a filter
    /// silently dropped.
    pub(crate) fn parse(query: &str, known: &[&str]) -> Result<Params, ApiError> {
        let mut pairs = Vec::new();
        for part in query.split('&').filter(|p| !p.is_empty()) {
            let (name, value) = part.split_once('=').unwrap_or((part, ""));
            let (name, value) = (decode(name)?, decode(value)?);
            if !known.contains(&name.as_str()) && !FILTERS.contains(&name.as_str()) {
                return Err(ApiError::bad(format!(
                    "unknown parameter `{name}`; this endpoint takes {}",
                    known.join(", ")
                )));
            }
            pairs.push((name, value));
        }
        let params = Params(pairs);
        for (name, _) in &params.0 {
            if params.all(name).len() > MAX_VALUES {
                return Err(ApiError::bad(format!(
                    "`{name}` is given more than {MAX_VALUES} times"
                )));
            }
        }
        Ok(params)
    }

    /// The last value of `name`, if given.
    pub(crate) fn one(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every non-empty value of `name`, in order.
    pub(crate) fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(n, v)| n == name && !v.trim().is_empty())
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// A yes/no parameter: absent, `0`, `false` or `no` is no.
    pub(crate) fn flag(&self, name: &str) -> bool {
        self.one(name)
            .is_some_and(|v| !matches!(v.trim(), "0" | "false" | "no"))
    }

    /// A number in `min..=max`, `default` when absent or empty.
    pub(crate) fn number(
        &self,
        name: &str,
        default: usize,
        (min, max): (usize, usize),
    ) -> Result<usize, ApiError> {
        let Some(v) = self.one(name).filter(|v| !v.trim().is_empty()) else {
            return Ok(default);
        };
        match v.trim().parse::<usize>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ => Err(ApiError::bad(format!(
                "{name}={v}: expected a whole number from {min} to {max}"
            ))),
        }
    }

    /// The query text: `q`, empty when absent.
    pub(crate) fn query(&self) -> String {
        self.one("q").unwrap_or_default().trim().to_string()
    }

    /// The filters, as `search --country … --year …` would take them.
    pub(crate) fn filters(&self) -> Result<Filters, ApiError> {
        let args = FilterArgs {
            country: self.all("country"),
            group: self.all("group"),
            affiliates: self.flag("affiliates"),
            place: self.all("place"),
            person: self.all("person"),
            kind: self.all("kind"),
            doc: self.all("doc"),
            year: self.all("year"),
            from: self.single("from"),
            to: self.single("to"),
            cites: self.all("cites"),
            published_from: self.single("published_from"),
            published_to: self.single("published_to"),
            added_since: self.single("added_since"),
        };
        crate::commands::filters(&args).map_err(|e| ApiError::bad(format!("{e:#}")))
    }

    /// A parameter taken once, empty meaning absent.
    fn single(&self, name: &str) -> Option<String> {
        self.one(name)
            .filter(|v| !v.trim().is_empty())
            .map(str::to_string)
    }
}

/// Percent-decoding of one name or value.
fn decode(s: &str) -> Result<String, ApiError> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or_else(|| ApiError::bad(format!("bad percent escape in `{s}`")))?;
                out.push(hex);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| ApiError::bad("a parameter is not UTF-8 text"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_escapes_and_refuses_broken_ones() {
        let cases = [
            ("q=foreign+fighters", Some("foreign fighters")),
            ("q=T%C3%BCrkiye", Some("Türkiye")),
            ("q=%3Cscript%3E", Some("<script>")),
            ("q=a%2", None),
            ("q=%zz", None),
            ("q=%ff", None),
        ];
        for (query, want) in cases {
            let got = Params::parse(query, &["q"]).ok().map(|p| p.query());
            assert_eq!(got.as_deref(), want, "{query}");
        }
    }

    #[test]
    fn refuses_unknown_names_and_bounds_numbers() {
        assert!(Params::parse("qq=x", &["q"]).is_err());
        assert!(Params::parse("country=TR&q=x", &["q"]).is_ok());
        let p = Params::parse("limit=101", &["limit"]).expect("known");
        assert!(p.number("limit", 10, (1, 100)).is_err());
        let p = Params::parse("limit=7", &["limit"]).expect("known");
        assert_eq!(p.number("limit", 10, (1, 100)).ok(), Some(7));
    }
}
