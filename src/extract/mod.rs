//! Text -> model: sentences, gazetteer mentions, coreference, ties and money figures.
//!
//! The pipeline is a few linear passes over a document, each with one job:
//! 1. [`sentences`] splits the text into sentence spans (byte offsets into the original text);
//! 2. [`gazetteer`] finds every mention of a country, bloc, capital, body or leader in one
//!    aho-corasick pass, deciding ambiguous words by context and names by the document's date;
//! 3. [`coref`] adds mentions for "the two countries", "its", "this relationship" and the like;
//! 4. [`ties`] reads each sentence's cue words (from the [`lexicon`]) and its structure to say
//!    who did what to whom, with negation and hedging;
//! 5. [`figures`] reads money amounts ([`money`]) with their kind, pair, period and "record".
//!
//! Nothing here knows any particular article: everything comes from the assets and the text.

pub mod analysis;
pub mod coref;
mod date;
pub mod events;
mod evidence;
pub mod figures;
pub mod gazetteer;
pub mod lexicon;
pub mod money;
pub mod parse;
pub mod text;
pub mod ties;
mod word_starts;
mod word_table;

use std::collections::BTreeSet;

use crate::model::{Actor, ActorId, Document, Figure, Span, Tie, TieMap};

pub use text::sentences;

pub use date::DocDate;
pub use evidence::evidence_for;
pub use gazetteer::Gazetteer;
pub use lexicon::Lexicon;

/// What went wrong loading the extraction assets.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// A built-in asset file does not parse: a build defect, reported rather than panicking.
    #[error("asset {name} is malformed: {message}")]
    Asset {
        /// Which asset.
        name: &'static str,
        /// What the parser said.
        message: String,
    },
}

/// How a mention names its actor; ties and coreference weigh forms differently (an adjective
/// such as "Chinese" is a weaker subject than "China").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MentionForm {
    /// The actor's name or a short form ("China", "U.S.", "NATO").
    Name,
    /// An adjective or demonym ("Chinese", "Russians", "Western").
    Adjective,
    /// A capital or seat of power used for its government ("Beijing", "the Kremlin").
    Seat,
    /// A leader or minister, resolved by the document's date ("Xi Jinping", "Blinken").
    Person,
    /// A government body ("the Biden administration", "the State Department").
    Body,
    /// A reference resolved by coreference ("the two nations", "its", "this relationship").
    Reference,
}

/// One place in a document that refers to one actor or, for group references such as
/// "the two countries", to several.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorMention {
    /// The actors meant: one for names, two or more for group references.
    pub actors: Vec<ActorId>,
    /// Byte range in the document text.
    pub span: Span,
    /// How it names them.
    pub form: MentionForm,
}

/// Everything extracted from one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extraction {
    /// The actors with at least one mention, sorted by id.
    pub actors: Vec<Actor>,
    /// The ties, sorted by (source, target, category, mode, negated, hedged).
    pub ties: Vec<Tie>,
    /// The figures, in document order of their first report (repeats merged).
    pub figures: Vec<Figure>,
    /// How many sentences the document has.
    pub sentence_count: usize,
}

/// The extraction engine: the built-in gazetteer and cue lexicon, loaded once.
pub struct Extractor {
    gazetteer: Gazetteer,
    lexicon: Lexicon,
    parser: &'static parse::Parser,
}

impl Extractor {
    /// Loads the built-in assets (compiled into the binary).
    pub fn new() -> Result<Self, ExtractError> {
        // The currency table is built on first use; check it here so a defect shows at start-up.
        money::check_currency_table()?;
        Ok(Extractor {
            gazetteer: Gazetteer::builtin()?,
            lexicon: Lexicon::builtin()?,
            parser: parse::Parser::bundled()?,
        })
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Extracts ties, figures and actors from one document.
    pub fn extract(&self, document: &Document) -> Extraction {
        let text = document.text.as_str();
        let date = document.date.as_deref().and_then(DocDate::parse);
        let sentences = sentences::split_sentences(text);
        let mut mentions = self.gazetteer.find_mentions(text, &sentences, date);
        coref::resolve_references(text, &sentences, &mut mentions);
        mentions.retain(|mention| !names_a_non_state_group(text, mention));
        mentions.sort_by_key(|mention| (mention.span.start, mention.span.end));

        let ties = ties::extract_ties(
            &document.id,
            text,
            &sentences,
            &mentions,
            &self.lexicon,
            self.parser,
        );
        let mut figures = figures::extract_figures(
            &document.id,
            text,
            &sentences,
            &mentions,
            date,
            Some(self.parser),
        );
        // A figure the article repeats (headline and body) is one figure with two sentences.
        figures::merge_figures(&mut figures);

        let mut mentioned: Vec<&str> = mentions
            .iter()
            .flat_map(|mention| mention.actors.iter().map(String::as_str))
            .collect();
        mentioned.sort_unstable();
        mentioned.dedup();
        let actors = mentioned
            .into_iter()
            .filter_map(|id| self.gazetteer.actor(id).cloned())
            .collect();
        Extraction {
            actors,
            ties,
            figures,
            sentence_count: sentences.len(),
        }
    }

    /// Extracts every document and merges the results into one map (no positions yet).
    /// Documents with the same id (two `story.txt` from different folders) are renamed
    /// `story-2`, `story-3`... so that every piece of evidence names its document unambiguously.
    pub fn build_map(&self, mut documents: Vec<Document>) -> TieMap {
        make_ids_unique(&mut documents);
        let mut map = TieMap::new();
        let mut actors = std::collections::BTreeMap::new();
        for document in &documents {
            let extraction = self.extract(document);
            for actor in extraction.actors {
                actors.entry(actor.id.clone()).or_insert(actor);
            }
            map.ties.extend(extraction.ties);
            map.figures.extend(extraction.figures);
        }
        // Tie ends are always mentioned actors, but make sure every edge has its node.
        for tie in &map.ties {
            for id in [&tie.source, &tie.target] {
                if !actors.contains_key(id)
                    && let Some(actor) = self.gazetteer.actor(id)
                {
                    actors.insert(id.clone(), actor.clone());
                }
            }
        }
        map.actors = actors.into_values().collect();
        ties::merge_ties(&mut map.ties);
        figures::merge_figures(&mut map.figures);
        map.documents = documents;
        map
    }
}

/// Whether `mention` is an adjective naming a non-state group rather than its country:
/// "Syrian rebels", "Afghan militants" are not Syria or Afghanistan.
fn names_a_non_state_group(text: &str, mention: &ActorMention) -> bool {
    if mention.form != MentionForm::Adjective {
        return false;
    }
    let rest = text.get(mention.span.end..).unwrap_or_default();
    let next: String = rest
        .trim_start()
        .chars()
        .take(24)
        .take_while(|&ch| text::is_word_char(ch) || ch == '-')
        .flat_map(char::to_lowercase)
        .collect();
    ties::NON_STATE_HEADS.contains(&next.as_str())
}

/// Renames repeated document ids by appending `-2`, `-3`... in order.
fn make_ids_unique(documents: &mut [Document]) {
    let mut taken = BTreeSet::new();
    for document in documents.iter_mut() {
        let mut candidate = document.id.clone();
        let mut suffix = 2;
        while taken.contains(&candidate) {
            candidate = format!("{}-{suffix}", document.id);
            suffix += 1;
        }
        taken.insert(candidate.clone());
        document.id = candidate;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_with_the_same_name_get_distinct_ids_in_the_map() {
        let document = |text: &str| Document {
            id: "story".into(),
            title: None,
            date: Some("2020".into()),
            text: text.into(),
        };
        let extractor = Extractor::new().expect("assets load");
        let map = extractor.build_map(vec![
            document("France and Germany signed a treaty."),
            document("Japan and India signed a treaty."),
            document("Text with no country."),
        ]);
        let ids: Vec<&str> = map.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["story", "story-2", "story-3"]);
        let evidence_docs: BTreeSet<&str> = map
            .ties
            .iter()
            .flat_map(|tie| tie.evidence.iter().map(|e| e.doc.as_str()))
            .collect();
        assert_eq!(evidence_docs, BTreeSet::from(["story", "story-2"]));
    }
}
