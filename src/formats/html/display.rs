//! How elements lay out: an element name → the part it plays in reading
//! order (a heading, a paragraph, a list item, a container of blocks, inline
//! text…), and the small rules about images and superscripts.
//!
//! In: an element's local name, an image's alt text, a superscript's text.
//! Out: a [`Display`], whether the alt text is a caption, the superscript
//! characters of a number. The walker decides what to do with them.

/// The part an element plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Display {
    /// `h1`–`h6`, with the level.
    Heading(u8),
    /// A paragraph-like block: all it holds is one block's text.
    Paragraph,
    /// A caption (`figcaption`, a table's `caption`).
    Caption,
    /// Preformatted text: its line breaks are kept.
    Pre,
    /// A list item.
    Item,
    /// A list (`ul`, `ol`, `dl`, `menu`).
    List,
    /// A table.
    Table,
    /// A block quote.
    Quote,
    /// A figure: its images' alt texts give way to its caption.
    Figure,
    /// A block that holds other blocks (`div`, `section`, a table cell
    /// read as layout).
    Container,
    /// A line break.
    Break,
    /// An image.
    Image,
    /// Inline text (`a`, `span`, `strong`, unknown elements).
    Inline,
}

/// Elements that hold blocks.
const CONTAINERS: [&str; 28] = [
    "html", "body", "div", "section", "article", "main", "header", "footer", "aside", "nav", "dd",
    "center", "form", "fieldset", "details", "hgroup", "hr", "tr", "td", "th", "tbody", "thead",
    "tfoot", "frameset", "frame", "search", "dialog", "address",
];

/// The part an element named `tag` plays.
pub(super) fn display(tag: &str) -> Display {
    match tag {
        "h1" => Display::Heading(1),
        "h2" => Display::Heading(2),
        "h3" => Display::Heading(3),
        "h4" => Display::Heading(4),
        "h5" => Display::Heading(5),
        "h6" => Display::Heading(6),
        "p" | "dt" | "summary" | "legend" => Display::Paragraph,
        "figcaption" | "caption" => Display::Caption,
        "pre" | "listing" | "xmp" | "plaintext" => Display::Pre,
        "li" => Display::Item,
        "ul" | "ol" | "dl" | "menu" => Display::List,
        "table" => Display::Table,
        "blockquote" => Display::Quote,
        "figure" => Display::Figure,
        "br" => Display::Break,
        "img" => Display::Image,
        t if CONTAINERS.contains(&t) => Display::Container,
        _ => Display::Inline,
    }
}

/// An alt text says something with at least this many words.
const MIN_CAPTION_WORDS: usize = 3;

/// Words of alt texts that name a picture's kind, not what it shows.
const DECORATIVE_ALT_WORDS: [&str; 6] = ["logo", "icon", "avatar", "spacer", "banner", "thumbnail"];

/// Extensions of image file names (an alt text some tools fill with it).
const IMAGE_EXTENSIONS: [&str; 6] = [".jpg", ".jpeg", ".png", ".gif", ".svg", ".webp"];

/// Whether an image's alt text describes it (a caption), rather than
/// naming a file, a logo or nothing.
pub(super) fn is_caption_alt(alt: &str) -> bool {
    let alt = alt.trim();
    let lower = alt.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    words.len() >= MIN_CAPTION_WORDS
        && !IMAGE_EXTENSIONS.iter().any(|e| lower.ends_with(e))
        && !words.iter().any(|w| {
            DECORATIVE_ALT_WORDS
                .iter()
                .any(|d| w.trim_matches(|c: char| !c.is_alphanumeric()) == *d)
        })
}

/// Longest number a bare superscript can be a note reference with.
const MAX_SUPERSCRIPT_DIGITS: usize = 3;

/// The superscript characters of a bare superscript number (`12` → `¹²`).
pub(super) fn superscript_number(text: &str) -> Option<String> {
    const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let t = text.trim();
    if t.is_empty() || t.len() > MAX_SUPERSCRIPT_DIGITS || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(
        t.bytes()
            .map(|b| SUPERSCRIPTS[usize::from(b - b'0')])
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alt_texts() {
        for yes in [
            "Map of river checkpoints near Mopti",
            "Fighters at a checkpoint, 2021",
        ] {
            assert!(is_caption_alt(yes), "{yes}");
        }
        for no in [
            "",
            "photo",
            "Crisis Group logo",
            "IMG_2031.jpg",
            "Share icon",
            "chart",
        ] {
            assert!(!is_caption_alt(no), "{no}");
        }
    }

    #[test]
    fn superscripts() {
        assert_eq!(superscript_number(" 12 ").as_deref(), Some("¹²"));
        assert_eq!(superscript_number("th"), None);
        assert_eq!(superscript_number("2019"), None);
    }

    #[test]
    fn displays() {
        assert_eq!(display("h4"), Display::Heading(4));
        assert_eq!(display("section"), Display::Container);
        assert_eq!(display("strong"), Display::Inline);
        assert_eq!(display("my-widget"), Display::Inline);
    }
}
