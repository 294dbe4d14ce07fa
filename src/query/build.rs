//! The query AST → tantivy queries, and the terms snippets should mark.
//!
//! Words are stemmed and folded as the index was; a word or phrase matches in
//! the text, and a passage whose heading path has it too gets a bonus; a word that names a known
//! entity also matches passages tagged with it, weighted below literal matches.
//! Prefix and fuzzy words run on the unstemmed `text_raw` field, where tantivy's
//! automata see the words as written. Fields become facet terms or date-block
//! ranges.

use std::collections::{HashMap, HashSet};

use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;

use super::exclusion::Excluded;
use super::expand::{Candidate, Expansion, Vocabulary};
use super::filter::{date_overlap_query, facet_query};
use super::parse::{FieldName, Match, Node, SyntaxError};
use crate::index::aliases::AliasTable;
use crate::index::schema::{Fields, analyzer, raw_analyzer, stop_word_analyzer, tokens};
use crate::model::{Dimension, PassageKind};

mod widen;

/// The bonus of a word found in the passage's heading path (a BM25 match in
/// the text typically scores 2 to 8).
const SECTION_SCORE: f32 = 1.0;
/// How far apart (in positions) the words of a query may sit for the
/// nearness bonus.
const NEAR_SLOP: u32 = 3;

/// What snippets should mark: the stems of positive words and phrases, the
/// prefixes and the fuzzy words, as typed (folded).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Highlight {
    /// Stems (as the `text` analyzer makes them).
    pub stems: HashSet<String>,
    /// Folded prefixes.
    pub prefixes: Vec<String>,
    /// Folded words with their edit distance.
    pub fuzzy: Vec<(String, u8)>,
}

/// One tier of a query: the passages it matches, scored two ways.
pub(crate) struct Tier {
    /// The full query: words, nearness and heading bonuses, aliases.
    pub query: Box<dyn Query>,
    /// The same matches scored by the words alone (no nearness, no heading
    /// bonus): cheap enough to score every match, the first ranking stage.
    pub core: Box<dyn Query>,
}

impl Tier {
    fn of(query: Box<dyn Query>) -> Tier {
        Tier {
            core: query.box_clone(),
            query,
        }
    }

    /// Both queries with more clauses (a `Must` or a `MustNot` keeps the
    /// matches of both the same).
    pub(crate) fn with(self, clauses: &[(Occur, Box<dyn Query>)]) -> Tier {
        let add = |q: Box<dyn Query>| -> Box<dyn Query> {
            let mut all = vec![(Occur::Must, q)];
            all.extend(clauses.iter().map(|(o, c)| (*o, c.box_clone())));
            Box::new(BooleanQuery::new(all))
        };
        Tier {
            query: add(self.query),
            core: add(self.core),
        }
    }
}

/// How the words of the top-level query combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Juxtaposition {
    /// All must match (counting, filtering, timelines).
    All,
    /// Passages with all the words first, then those with some of them
    /// (ranked search: an analyst's answer may not repeat every word typed).
    Ranked,
}

/// Turns an AST into a query.
pub(crate) struct Builder<'a> {
    fields: &'a Fields,
    aliases: &'a AliasTable,
    /// The index's vocabulary, for spellings, compounds and typos.
    vocabulary: Vocabulary<'a>,
    /// Whether words are widened (spellings, compounds, typos), or only
    /// looked up to suggest a word the index has.
    widen: bool,
    /// Whether the words being built may match through a typo.
    typos_on: bool,
    /// Each positive word's typo candidates, found once.
    typo_candidates: HashMap<String, Vec<Candidate>>,
    /// How query words were widened, for `--explain`.
    pub expansions: Vec<Expansion>,
    /// For a query ranked by how many of its words a passage has: how many
    /// leading tiers have all of them.
    pub all_words_tiers: Option<usize>,
    stem: TextAnalyzer,
    raw: TextAnalyzer,
    stop: TextAnalyzer,
    juxtaposition: Juxtaposition,
    /// The terms to mark in snippets, collected while building.
    pub highlight: Highlight,
    /// Heading-path matches of the positive words and phrases: a bonus for
    /// the passages that match otherwise.
    section_bonus: Vec<Box<dyn Query>>,
    /// The words and phrases (stems, slop) given a bonus already: a ranked
    /// query builds its words twice, once per tier.
    bonus_for: HashSet<(Vec<String>, u32)>,
}

type Built = Result<Option<Box<dyn Query>>, SyntaxError>;

impl<'a> Builder<'a> {
    pub(crate) fn new(
        fields: &'a Fields,
        aliases: &'a AliasTable,
        vocabulary: Vocabulary<'a>,
        widen: bool,
        juxtaposition: Juxtaposition,
    ) -> Builder<'a> {
        Builder {
            fields,
            aliases,
            vocabulary,
            widen,
            typos_on: false,
            typo_candidates: HashMap::new(),
            expansions: Vec::new(),
            all_words_tiers: None,
            stem: analyzer(),
            raw: raw_analyzer(),
            stop: stop_word_analyzer(),
            juxtaposition,
            highlight: Highlight::default(),
            section_bonus: Vec::new(),
            bonus_for: HashSet::new(),
        }
    }

    /// The queries for a node, in rank order: every passage matching the
    /// first ranks before those matching only the second. Empty when the node
    /// holds nothing searchable.
    pub(crate) fn build(&mut self, node: &Node) -> Result<Vec<Tier>, SyntaxError> {
        let node = self.with_entity_phrases(node);
        let tiers = self.tiers(&node)?;
        if self.section_bonus.is_empty() {
            return Ok(tiers);
        }
        Ok(tiers
            .into_iter()
            .map(|tier| {
                let mut clauses = vec![(Occur::Must, tier.query)];
                clauses.extend(
                    self.section_bonus
                        .iter()
                        .map(|b| (Occur::Should, b.box_clone())),
                );
                Tier {
                    query: Box::new(BooleanQuery::new(clauses)),
                    core: tier.core,
                }
            })
            .collect())
    }

    /// For each typed word the index lacks, the closest word it has (the
    /// most frequent within a typo): "did you mean".
    pub(crate) fn suggestions(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self
            .typo_candidates
            .iter()
            .filter_map(|(word, c)| Some((word.clone(), c.first()?.shown.clone())))
            .collect();
        out.sort();
        out
    }

    /// The tiers of a node, exact words first; then, when a word the index
    /// lacks is within a typo of words it has, the same with typos allowed.
    fn tiers(&mut self, node: &Node) -> Result<Vec<Tier>, SyntaxError> {
        self.typos_on = false;
        let exact = self.tiers_of(node)?;
        // Two tiers: all the words, then some of them.
        let ranked_by_words = exact.len() == 2;
        if !self.widen || !self.typo_candidates.values().any(|c| !c.is_empty()) {
            self.all_words_tiers = ranked_by_words.then_some(1);
            return Ok(exact);
        }
        self.typos_on = true;
        let typo = self.tiers_of(node)?;
        self.typos_on = false;
        self.all_words_tiers = ranked_by_words.then_some(2);
        // Passages with all the words first, exact before typos; then those
        // with some of them, where a word matched through a typo counts too
        // (below an exact one), so that two words of three, one of them
        // mistyped, rank above one.
        let mut ordered: Vec<Tier> = Vec::with_capacity(3);
        let mut exact = exact.into_iter();
        let mut typo = typo.into_iter();
        ordered.extend(exact.next());
        ordered.extend(typo.next());
        ordered.extend(typo.next());
        let mut out: Vec<Tier> = Vec::with_capacity(ordered.len());
        // The matches of the tiers before, to exclude (their cores match
        // the same passages at less cost).
        let mut before: Vec<Box<dyn Query>> = Vec::new();
        for tier in ordered {
            let core = tier.core.box_clone();
            let not: Vec<(Occur, Box<dyn Query>)> =
                before.iter().map(|b| earlier_tier(b.box_clone())).collect();
            out.push(tier.with(&not));
            before.push(core);
        }
        Ok(out)
    }

    fn tiers_of(&mut self, node: &Node) -> Result<Vec<Tier>, SyntaxError> {
        let words = |children: &[Node]| children.iter().filter(|c| is_word(c)).count();
        match node {
            Node::And(children)
                if self.juxtaposition == Juxtaposition::Ranked && words(children) > 1 =>
            {
                // Passages with every word, then those with some of them; both
                // with a bonus for the words close together.
                let Some(all) = self.and(children, true, Occur::Must)? else {
                    return Ok(Vec::new());
                };
                // A passage with only `of` or `for` of the words is no answer.
                let content: Vec<Node> = children
                    .iter()
                    .filter(|c| !self.is_stop_word(c))
                    .cloned()
                    .collect();
                let some_of = if words(&content) > 0 {
                    &content
                } else {
                    children
                };
                let some = self.and(some_of, true, Occur::Should)?;
                let near = self.near(children);
                let with_near = |q: Box<dyn Query>, not: Option<Box<dyn Query>>| {
                    let mut core = vec![(Occur::Must, q)];
                    core.extend(not.map(earlier_tier));
                    let mut clauses: Vec<_> =
                        core.iter().map(|(o, c)| (*o, c.box_clone())).collect();
                    clauses.extend(near.as_ref().map(|n| (Occur::Should, n.box_clone())));
                    Tier {
                        query: boolean(clauses).expect("a Must clause"),
                        core: boolean(core).expect("a Must clause"),
                    }
                };
                let mut tiers = vec![with_near(all.box_clone(), None)];
                tiers.extend(some.map(|some| with_near(some, Some(all))));
                Ok(tiers)
            }
            _ => Ok(self.node(node, true)?.into_iter().map(Tier::of).collect()),
        }
    }

    /// A plain word that English treats as a stop word (`of`, `with`).
    fn is_stop_word(&mut self, node: &Node) -> bool {
        matches!(node, Node::Word { text, how: Match::Word, .. } if tokens(&mut self.stop, text).is_empty())
    }

    /// The plain words of a query close together in the text (within
    /// `NEAR_SLOP` positions): a bonus for passages that use them as a phrase.
    fn near(&mut self, children: &[Node]) -> Option<Box<dyn Query>> {
        let mut stems = Vec::new();
        for c in children {
            match c {
                Node::Word {
                    text,
                    how: Match::Word,
                    ..
                }
                | Node::Phrase { text, .. } => {
                    stems.extend(tokens(&mut self.stem, text));
                }
                _ => {}
            }
        }
        if stems.len() < 2 {
            return None;
        }
        phrase_or_term(self.fields.text, &stems, NEAR_SLOP)
    }

    fn node(&mut self, node: &Node, positive: bool) -> Built {
        match node {
            Node::Word { text, how, .. } => Ok(self.word(text, *how, positive)),
            Node::Phrase { text, slop, .. } => Ok(self.phrase(text, *slop, positive)),
            Node::Field { field, value, .. } => self.field(*field, value, positive),
            Node::And(children) => self.and(children, positive, Occur::Must),
            Node::Or(children) => {
                let mut clauses = Vec::new();
                for c in children {
                    if let Some(q) = self.node(c, positive)? {
                        clauses.push((Occur::Should, q));
                    }
                }
                Ok(boolean(clauses))
            }
            Node::Not(inner) => {
                let q = self.node(inner, !positive)?;
                Ok(q.map(|q| {
                    Box::new(BooleanQuery::new(vec![
                        (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
                        excluded(q),
                    ])) as Box<dyn Query>
                }))
            }
        }
    }

    /// All children (`Occur::Must`), or any of the plain words among them
    /// (`Occur::Should`: fields and other constraints still must hold).
    fn and(&mut self, children: &[Node], positive: bool, words: Occur) -> Built {
        let mut clauses = Vec::new();
        let mut any_positive = false;
        for c in children {
            if let Node::Not(inner) = c {
                if let Some(q) = self.node(inner, !positive)? {
                    clauses.push(excluded(q));
                }
            } else if let Some(q) = self.node(c, positive)? {
                any_positive = true;
                clauses.push((if is_word(c) { words } else { Occur::Must }, q));
            }
        }
        if !any_positive && !clauses.is_empty() {
            clauses.push((Occur::Must, Box::new(AllQuery)));
        }
        Ok(boolean(clauses))
    }

    /// A word: in the text, or an entity it names.
    fn word(&mut self, text: &str, how: Match, positive: bool) -> Option<Box<dyn Query>> {
        match how {
            Match::Word => {
                let stems = tokens(&mut self.stem, text);
                if positive {
                    self.highlight.stems.extend(stems.iter().cloned());
                }
                let literal = self.in_text(&stems, 0, positive)?;
                let widened = if positive {
                    self.with_variants(literal, text, &stems)
                } else {
                    literal
                };
                Some(self.with_entity(widened, text))
            }
            Match::Prefix | Match::Fuzzy(_) => {
                let raw = tokens(&mut self.raw, text);
                let (last, first) = raw.split_last()?;
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = first
                    .iter()
                    .map(|t| (Occur::Must, self.either_form(t, None)))
                    .collect();
                if positive {
                    match how {
                        Match::Fuzzy(d) => self.highlight.fuzzy.push((last.clone(), d)),
                        _ => self.highlight.prefixes.push(last.clone()),
                    }
                }
                clauses.push((Occur::Must, self.either_form(last, Some(how))));
                boolean(clauses)
            }
        }
    }

    /// A word as written, matched in `text_raw` (words stemming changes) or in
    /// `text` (words it leaves alone), exactly, by prefix or within edits.
    fn either_form(&self, word: &str, how: Option<Match>) -> Box<dyn Query> {
        let fields = [self.fields.text_raw, self.fields.text];
        let clauses = fields
            .into_iter()
            .map(|f| {
                let t = Term::from_field_text(f, word);
                let q: Box<dyn Query> = match how {
                    Some(Match::Fuzzy(d)) => Box::new(FuzzyTermQuery::new(t, d, true)),
                    Some(Match::Prefix) => Box::new(FuzzyTermQuery::new_prefix(t, 0, true)),
                    _ => Box::new(TermQuery::new(t, IndexRecordOption::Basic)),
                };
                (Occur::Should, q)
            })
            .collect();
        Box::new(BooleanQuery::new(clauses))
    }

    fn phrase(&mut self, text: &str, slop: u32, positive: bool) -> Option<Box<dyn Query>> {
        let stems = tokens(&mut self.stem, text);
        if positive {
            self.highlight.stems.extend(stems.iter().cloned());
        }
        let literal = self.in_text(&stems, slop, positive)?;
        let literal = if positive && stems.len() > 1 {
            self.with_phrase_spellings(literal, text, &stems, slop)
        } else {
            literal
        };
        Some(self.with_entity(literal, text))
    }

    /// Terms as a phrase (or one term) in the text; for a positive word, a
    /// match in the heading path adds a fixed bonus rather than a BM25 score:
    /// heading words are rare in the `section` field, so their idf would let
    /// a one-line passage under a matching heading outrank the text that
    /// actually discusses the words. The bonus only scores passages that
    /// match otherwise, which keeps it cheap: heading words are shared by
    /// every passage of their section.
    fn in_text(&mut self, stems: &[String], slop: u32, positive: bool) -> Option<Box<dyn Query>> {
        let in_text = phrase_or_term(self.fields.text, stems, slop)?;
        if positive
            && self.bonus_for.insert((stems.to_vec(), slop))
            && let Some(in_section) = phrase_or_term(self.fields.section, stems, slop)
        {
            let bonus = ConstScoreQuery::new(in_section, SECTION_SCORE);
            self.section_bonus.push(Box::new(bonus));
        }
        Some(in_text)
    }

    fn field(&mut self, field: FieldName, value: &Node, positive: bool) -> Built {
        let (text, span) = match value {
            Node::Word { text, span, .. } | Node::Phrase { text, span, .. } => {
                (text.as_str(), span.clone())
            }
            _ => return Ok(None),
        };
        let bad = |message: String| SyntaxError {
            message,
            at: span.start,
        };
        let facet = |dim: Dimension, v: &str| Ok(Some(facet_query(self.fields, dim, v)));
        let dim = match field {
            FieldName::Section => {
                let stems = tokens(&mut self.stem, text);
                if positive {
                    self.highlight.stems.extend(stems.iter().cloned());
                }
                return Ok(phrase_or_term(self.fields.section, &stems, 0));
            }
            FieldName::Facet(dim) => dim,
        };
        match dim {
            Dimension::Doc => facet(dim, text),
            Dimension::Kind => {
                let kind: PassageKind = text.parse().map_err(bad)?;
                facet(dim, kind.name())
            }
            Dimension::Year => {
                let year: i16 = text
                    .parse()
                    .ok()
                    .filter(|_| text.len() == 4)
                    .ok_or_else(|| bad(format!("`{text}` is not a year; write year:2019")))?;
                let from = jiff::civil::Date::new(year, 1, 1).map_err(|e| bad(e.to_string()))?;
                let to = jiff::civil::Date::new(year, 12, 31).map_err(|e| bad(e.to_string()))?;
                Ok(Some(date_overlap_query(self.fields, from, to)))
            }
            named => {
                let canonical = self
                    .aliases
                    .resolve(named, text)
                    .unwrap_or_else(|| text.to_string());
                facet(named, &canonical)
            }
        }
    }
}

/// A clause excluding the passages `q` matches.
fn excluded(q: Box<dyn Query>) -> (Occur, Box<dyn Query>) {
    (Occur::MustNot, Box::new(Excluded::lazy(q)))
}

/// A clause excluding the matches of an earlier tier (a set collected once).
fn earlier_tier(q: Box<dyn Query>) -> (Occur, Box<dyn Query>) {
    (Occur::MustNot, Box::new(Excluded::collected(q)))
}

/// A word or phrase as typed (not a field, group or negation).
/// Alternatives of words (`Takuba OR Barkhane`, or two words typed apart
/// that the index also writes as one) count as one word.
fn is_word(node: &Node) -> bool {
    match node {
        Node::Word { .. } | Node::Phrase { .. } => true,
        Node::Or(alternatives) => alternatives.iter().all(is_word),
        _ => false,
    }
}

fn term(field: Field, text: &str, option: IndexRecordOption) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, text), option))
}

fn phrase_or_term(field: Field, stems: &[String], slop: u32) -> Option<Box<dyn Query>> {
    match stems {
        [] => None,
        [one] => Some(term(field, one, IndexRecordOption::WithFreqs)),
        many => {
            let terms = many
                .iter()
                .enumerate()
                .map(|(i, t)| (i, Term::from_field_text(field, t)))
                .collect();
            Some(Box::new(PhraseQuery::new_with_offset_and_slop(terms, slop)))
        }
    }
}

fn boolean(mut clauses: Vec<(Occur, Box<dyn Query>)>) -> Option<Box<dyn Query>> {
    match clauses.len() {
        0 => None,
        1 if clauses[0].0 != Occur::MustNot => Some(clauses.pop().expect("one clause").1),
        _ => Some(Box::new(BooleanQuery::new(clauses))),
    }
}
