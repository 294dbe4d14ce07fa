//! Widening a query word: its other spelling, its compound written
//! otherwise, the index's words within a typo of it, and the entity it names
//! (also when an entity's name is typed unquoted), each recorded as an
//! [`Expansion`] for `--explain`.

use tantivy::query::{BoostQuery, ConstScoreQuery, Occur, Query};

use super::{Builder, phrase_or_term};
use crate::index::schema::tokens;
use crate::query::any_of::any_of;
use crate::query::expand::{Expansion, ExpansionKind};
use crate::query::filter::entity_query;
use crate::query::parse::{Match, Node};

/// The score factor of a word matched through a typo: below the word itself.
const TYPO_BOOST: f32 = 0.5;
/// The score of a passage that matches a word only through an entity it is
/// tagged with (`Daesh` → ISIS): below any literal match of the word.
const ENTITY_SCORE: f32 = 0.5;
/// Capitalised acronyms up to this long that name an entity match only it.
const MAX_ENTITY_ONLY_CHARS: usize = 3;
/// Longest entity name recognised unquoted in a query, in words.
const MAX_NAME_WORDS: usize = 8;

/// Another reading of a word: its stems, as shown, how, and a score factor.
type Alternative = (Vec<String>, String, ExpansionKind, f32);

impl Builder<'_> {
    /// Adds the word's other spelling, its compound written otherwise and,
    /// in a typo tier, the index's words within a typo of it, as
    /// alternatives of the literal match.
    pub(super) fn with_variants(
        &mut self,
        literal: Box<dyn Query>,
        text: &str,
        stems: &[String],
    ) -> Box<dyn Query> {
        if !self.widen {
            // Only looked up, for "did you mean" (no typo tier is built).
            if let [stem] = stems {
                self.typo_alternatives(text, stem);
            }
            return literal;
        }
        let vocabulary = &self.vocabulary;
        let mut alternatives: Vec<Alternative> = Vec::new();
        if let [stem] = stems
            && let Some((variant, shown)) = vocabulary.spelling(stem)
        {
            alternatives.push((vec![variant], shown, ExpansionKind::Spelling, 1.0));
        }
        if let Some(parts) = vocabulary.compound(text, stems) {
            for parts in vocabulary.spellings_of(parts) {
                let shown = format!("{}…", parts.join(" "));
                alternatives.push((parts, shown, ExpansionKind::Compound, 1.0));
            }
        }
        // A compound's parts must stand in a row somewhere.
        alternatives.retain(|(parts, ..)| parts.len() < 2 || vocabulary.phrase_exists(parts));
        // A word the index has in another writing is no typo.
        if let [stem] = stems
            && alternatives.is_empty()
        {
            alternatives = self.typo_alternatives(text, stem);
        }
        let vocabulary = &self.vocabulary;
        alternatives.retain(|(parts, ..)| parts.len() < 2 || vocabulary.phrase_exists(parts));
        if alternatives.is_empty() {
            return literal;
        }
        let mut clauses = vec![(Occur::Should, literal)];
        for (parts, shown, kind, boost) in alternatives {
            let Some(q) = phrase_or_term(self.fields.text, &parts, 0) else {
                continue;
            };
            self.highlight.stems.extend(parts.iter().cloned());
            let expansion = Expansion::of_stems(text, parts.clone(), shown, kind);
            if !self.expansions.contains(&expansion) {
                self.expansions.push(expansion);
            }
            let q: Box<dyn Query> = if (boost - 1.0).abs() > f32::EPSILON {
                Box::new(BoostQuery::new(q, boost))
            } else {
                q
            };
            clauses.push((Occur::Should, q));
        }
        any_of(clauses.into_iter().map(|(_, q)| q).collect())
    }

    /// The index's words within a typo of a word it lacks, and how the index
    /// writes those otherwise, once the ranking reaches the typo tiers (the
    /// candidates are found, for "did you mean", before); none for a name
    /// the library knows (`Somalia` is not `Soumalia`).
    fn typo_alternatives(&mut self, text: &str, stem: &str) -> Vec<Alternative> {
        if !self.aliases.entities_named(text).is_empty() {
            return Vec::new();
        }
        let vocabulary = &self.vocabulary;
        let typed = tokens(&mut self.raw, text).join("");
        let candidates = self
            .typo_candidates
            .entry(typed.clone())
            .or_insert_with(|| vocabulary.typos(&typed, stem))
            .clone();
        let mut alternatives = Vec::new();
        if !self.typos_on {
            return alternatives;
        }
        for c in candidates {
            // A typo of a compound the index writes otherwise
            // (`deradicalisaton` → `deradicalization` → `de-radicalisation`).
            let written_otherwise = vocabulary
                .compound(&c.shown, std::slice::from_ref(&c.stem))
                .into_iter()
                .chain(vocabulary.spelling(&c.stem).map(|(v, _)| vec![v]))
                .flat_map(|parts| vocabulary.spellings_of(parts));
            for parts in written_otherwise {
                let shown = format!("{} ({}…)", c.shown, parts.join(" "));
                alternatives.push((parts, shown, ExpansionKind::Typo, TYPO_BOOST));
            }
            alternatives.push((vec![c.stem], c.shown, ExpansionKind::Typo, TYPO_BOOST));
        }
        alternatives
    }

    /// A phrase of several words also matches with its words in their other
    /// spelling (`"removal centers"` finds `removal centres`); never
    /// through a typo.
    pub(super) fn with_phrase_spellings(
        &mut self,
        literal: Box<dyn Query>,
        text: &str,
        stems: &[String],
        slop: u32,
    ) -> Box<dyn Query> {
        if !self.widen {
            return literal;
        }
        let spelled: Vec<Vec<String>> = self
            .vocabulary
            .spellings_of(stems.to_vec())
            .into_iter()
            .skip(1)
            .filter(|parts| self.vocabulary.phrase_exists(parts))
            .collect();
        if spelled.is_empty() {
            return literal;
        }
        let mut clauses = vec![(Occur::Should, literal)];
        for parts in spelled {
            let Some(q) = phrase_or_term(self.fields.text, &parts, slop) else {
                continue;
            };
            self.highlight.stems.extend(parts.iter().cloned());
            let shown = format!("{}…", parts.join(" "));
            let expansion = Expansion::of_stems(text, parts, shown, ExpansionKind::Spelling);
            if !self.expansions.contains(&expansion) {
                self.expansions.push(expansion);
            }
            clauses.push((Occur::Should, q));
        }
        any_of(clauses.into_iter().map(|(_, q)| q).collect())
    }

    /// Runs of plain words that together name a known entity (`Jama'at
    /// Nusrat al-Islam wal-Muslimin` typed unquoted) become phrases, so they
    /// match as the name they are.
    ///
    /// Two plain words the index writes as one (`night club`, `cease fire`)
    /// also match that word.
    pub(super) fn with_entity_phrases(&mut self, node: &Node) -> Node {
        let Node::And(children) = node else {
            return node.clone();
        };
        let plain = |n: &Node| {
            matches!(
                n,
                Node::Word {
                    how: Match::Word,
                    ..
                }
            )
        };
        let mut out: Vec<Node> = Vec::with_capacity(children.len());
        let mut i = 0;
        while i < children.len() {
            let longest = (2..=MAX_NAME_WORDS.min(children.len() - i))
                .rev()
                .find(|&len| {
                    let run = &children[i..i + len];
                    run.iter().all(plain) && !self.aliases.entities_named(&words_of(run)).is_empty()
                });
            if let Some(len) = longest {
                let run = &children[i..i + len];
                let start = span_of(&run[0]).start;
                let end = span_of(&run[len - 1]).end;
                out.push(Node::Phrase {
                    text: words_of(run),
                    slop: 0,
                    span: start..end,
                });
                i += len;
            } else if let Some(joined) = children.get(i..i + 2).and_then(|pair| self.joined(pair)) {
                out.push(joined);
                i += 2;
            } else {
                out.push(children[i].clone());
                i += 1;
            }
        }
        if out.len() == 1 {
            out.pop().expect("one node")
        } else {
            Node::And(out)
        }
    }

    /// Two plain words, neither a stop word, whose concatenation is one word
    /// of the index: the pair as typed (a phrase) or that word.
    fn joined(&mut self, pair: &[Node]) -> Option<Node> {
        if !self.widen {
            return None;
        }
        let [
            Node::Word {
                text: a,
                how: Match::Word,
                span: sa,
            },
            Node::Word {
                text: b,
                how: Match::Word,
                span: sb,
            },
        ] = pair
        else {
            return None;
        };
        let stop = |w: &str, this: &mut Self| tokens(&mut this.stop, w).is_empty();
        if stop(a, self) || stop(b, self) {
            return None;
        }
        let word = format!("{a}{b}");
        let [stem] = &tokens(&mut self.stem, &word)[..] else {
            return None;
        };
        if self.vocabulary.doc_freq(stem) == 0 {
            return None;
        }
        let typed = format!("{a} {b}");
        let expansion = Expansion::of_stems(
            &typed,
            vec![stem.clone()],
            word.to_lowercase(),
            ExpansionKind::Compound,
        );
        if !self.expansions.contains(&expansion) {
            self.expansions.push(expansion);
        }
        Some(Node::Or(vec![
            Node::Phrase {
                text: typed,
                slop: 0,
                span: sa.start..sb.end,
            },
            Node::Phrase {
                text: word,
                slop: 0,
                span: sa.start..sb.end,
            },
        ]))
    }

    /// Adds "or a passage tagged with the entity this names" to a literal match.
    /// An acronym typed in capitals (`IS`, `US`) means the entity only: its
    /// literal form is lost in lower-cased text (`is`, `us`).
    /// A name in no passage and no alias may be another transliteration of
    /// one (`Rakka`, `Kobane`): then it names that entity, when it is typed
    /// as a name is (capitalised) or has several words (`bone` is no `Buni`).
    pub(super) fn with_entity(&mut self, literal: Box<dyn Query>, text: &str) -> Box<dyn Query> {
        let mut tags = self.aliases.entities_named(text);
        let mut kind = ExpansionKind::Entity;
        let name_like = text.trim().contains(char::is_whitespace)
            || text.trim().chars().next().is_some_and(char::is_uppercase);
        if tags.is_empty()
            && self.widen
            && name_like
            && !self.vocabulary.phrase_exists(&tokens(&mut self.stem, text))
        {
            tags = self.aliases.entities_spelled_like(text);
            kind = ExpansionKind::Transliteration;
        }
        if tags.is_empty() {
            return literal;
        }
        let acronym = text.chars().count() <= MAX_ENTITY_ONLY_CHARS
            && text.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
        let mut clauses = if acronym {
            Vec::new()
        } else {
            vec![(Occur::Should, literal)]
        };
        for (dim, value) in tags {
            let members = self.aliases.members(dim, &value);
            let expansion = Expansion::of_entity(text, dim, &value, members, kind.clone());
            if !self.expansions.contains(&expansion) {
                self.expansions.push(expansion);
            }
            let score = if acronym { 1.0 } else { ENTITY_SCORE };
            let q =
                ConstScoreQuery::new(entity_query(self.fields, self.aliases, dim, &value), score);
            clauses.push((Occur::Should, Box::new(q)));
        }
        any_of(clauses.into_iter().map(|(_, q)| q).collect())
    }
}

/// The words of plain word nodes, space-separated.
fn words_of(run: &[Node]) -> String {
    run.iter()
        .filter_map(|n| match n {
            Node::Word { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn span_of(node: &Node) -> std::ops::Range<usize> {
    match node {
        Node::Word { span, .. } | Node::Phrase { span, .. } | Node::Field { span, .. } => {
            span.clone()
        }
        _ => 0..0,
    }
}
