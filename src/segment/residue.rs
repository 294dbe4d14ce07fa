//! Markup residue in plain-text exports: what a wiki, a table renderer or a
//! site left in the text that is no content.
//!
//! In: one line of a plain-text export. Out: the line as a reader sees it:
//! wiki links as their label (`[[Mali|Malian]]` → `Malian`), templates and
//! `[edit]` links gone, `'''bold'''` quotes dropped, grid-table borders
//! gone and rows as cells joined by ` · `.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

/// `[[target|label]]`, `[[target]]`.
static WIKI_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[\[(?:[^\[\]|]*\|)?([^\[\]|]*)\]\]").expect("static regex"));
/// `{{template|…}}` on one line (not nested).
static TEMPLATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{\{[^{}]*\}\}").expect("static regex"));
/// `'''bold'''`, `''italic''`.
static WIKI_QUOTES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"'{2,5}").expect("static regex"));

/// One line, cleaned.
pub(super) fn clean_line(line: &str) -> Cow<'_, str> {
    let t = line.trim();
    if is_table_border(t) {
        return Cow::Borrowed("");
    }
    if let Some(row) = table_row(t) {
        return Cow::Owned(row);
    }
    if !t.contains("[[") && !t.contains("{{") && !t.contains("''") && !t.contains("[edit]") {
        return Cow::Borrowed(line);
    }
    let text = WIKI_LINK.replace_all(line, "$1");
    let text = TEMPLATE.replace_all(&text, "");
    let text = text.replace("[edit]", "");
    let text = if text.contains("''") {
        WIKI_QUOTES.replace_all(&text, "").into_owned()
    } else {
        text
    };
    Cow::Owned(text)
}

/// A block that is one wiki template, over several lines (`{{Infobox …}}`).
pub(super) fn is_template_block(text: &str) -> bool {
    let t = text.trim();
    t.starts_with("{{") && t.ends_with("}}")
}

/// `+-----+-----+`, `|=====|`, `+:---+`: a grid table's border.
fn is_table_border(t: &str) -> bool {
    t.len() >= 3
        && (t.starts_with('+') || t.starts_with('|'))
        && t.contains(['-', '='])
        && t.chars()
            .all(|c| matches!(c, '+' | '-' | '=' | '|' | ':' | ' '))
}

/// `| Year | Funding |` → `Year · Funding;`.
fn table_row(t: &str) -> Option<String> {
    let inner = t.strip_prefix('|')?.strip_suffix('|')?;
    if !inner.contains('|') {
        return None;
    }
    let cells: Vec<&str> = inner
        .split('|')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    (!cells.is_empty()).then(|| format!("{};", cells.join(" · ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn residue_table() {
        for (line, want) in [
            (
                "The [[Mali|Malian]] army and [[Niger]].",
                "The Malian army and Niger.",
            ),
            (
                "Founded in 2012.{{sfn|Smith|2019|p=4}} It grew.",
                "Founded in 2012. It grew.",
            ),
            ("History[edit]", "History"),
            ("'''Ansar Dine''' is a group.", "Ansar Dine is a group."),
            ("+------+---------+", ""),
            ("|======|=========|", ""),
            ("| 2019 | $60 million |", "2019 · $60 million;"),
            ("Plain text | with a bar", "Plain text | with a bar"),
            ("A quote: 'single' stays.", "A quote: 'single' stays."),
        ] {
            assert_eq!(clean_line(line), want, "{line}");
        }
    }

    #[test]
    fn template_blocks() {
        assert!(is_template_block(
            "{{Infobox militant organization\n| name = X\n}}"
        ));
        assert!(!is_template_block("{{cite}} and text"));
    }
}
