//! Checks a map read from a file before anything draws it: what cannot be drawn truthfully is
//! refused, what is only too long is cut with a warning.
//!
//! Refused: ties or figures naming actors the map does not list, a tie in the wrong quad,
//! unsorted actors, money that is not a finite number within [`MAX_AMOUNT`], node positions
//! that are not finite or lie beyond [`MAX_COORDINATE`], positions of unknown actors. Cut, with
//! one warning: names, titles, modes, cues and sentences longer than their caps (a 1 MB actor
//! name took 26 s and 2 GB to draw). Invalid document dates are removed with a warning naming
//! the document.

use crate::model::{Evidence, MAP_FORMAT_VERSION, Span, TieMap, check_document_date};

use super::text::cap_chars;

/// Largest amount of money a figure may hold, in units of its currency (well above any
/// economy in any currency, far below where arithmetic on it loses meaning).
pub const MAX_AMOUNT: f64 = 1e20;
/// Largest node coordinate, in world units (a 10,000-node map spans a few thousand).
pub const MAX_COORDINATE: f32 = 1e7;

/// Caps on strings shown in the window, in characters.
pub mod caps {
    /// An actor's display name.
    pub const NAME: usize = 200;
    /// An actor id or a document id.
    pub const ID: usize = 200;
    /// A document title.
    pub const TITLE: usize = 500;
    /// A tie's mode, a cue, a mention's words, a currency, a period.
    pub const LABEL: usize = 200;
    /// One evidence sentence, in bytes (spans index into it).
    pub const SENTENCE_BYTES: usize = 8_000;
}

/// Counts and names the strings that were cut.
#[derive(Default)]
struct Cuts {
    count: usize,
    examples: Vec<String>,
}

impl Cuts {
    fn cap(&mut self, text: &mut String, max_chars: usize, what: &str) {
        if cap_chars(text, max_chars) {
            self.note(what);
        }
    }

    fn note(&mut self, what: &str) {
        self.count += 1;
        if self.examples.len() < 3 {
            self.examples.push(what.to_owned());
        }
    }

    fn warning(&self, origin: &str) -> Option<String> {
        (self.count > 0).then(|| {
            format!(
                "{origin}: {} overlong strings were cut to their caps ({}{})",
                self.count,
                self.examples.join(", "),
                if self.count > self.examples.len() {
                    ", ..."
                } else {
                    ""
                }
            )
        })
    }
}

/// Checks `map` and cuts its overlong strings; returns the warnings, or the reason it is
/// refused. `origin` names the file in warnings.
pub fn check_map(map: &mut TieMap, origin: &str) -> Result<Vec<String>, String> {
    if map.version > MAP_FORMAT_VERSION {
        return Err(format!(
            "written by a newer tiemap (format {}, this one reads up to {MAP_FORMAT_VERSION})",
            map.version
        ));
    }
    let mut cuts = Cuts::default();
    for actor in &mut map.actors {
        if actor.id.chars().count() > caps::ID {
            return Err("an actor id is longer than 200 characters".into());
        }
        cuts.cap(&mut actor.name, caps::NAME, "an actor name");
    }
    if !map.actors.windows(2).all(|pair| pair[0].id < pair[1].id) {
        return Err("actors must be sorted by id, each once".into());
    }
    check_ties(map, &mut cuts)?;
    check_figures(map, &mut cuts)?;
    check_positions(map)?;
    let mut warnings = Vec::new();
    for document in &mut map.documents {
        cuts.cap(&mut document.id, caps::ID, "a document id");
        if let Some(title) = &mut document.title {
            cuts.cap(title, caps::TITLE, "a document title");
        }
        warnings.extend(check_document_date(document));
    }
    warnings.extend(cuts.warning(origin));
    Ok(warnings)
}

fn check_ties(map: &mut TieMap, cuts: &mut Cuts) -> Result<(), String> {
    let actors = &map.actors;
    let known = |id: &str| {
        actors
            .binary_search_by(|actor| actor.id.as_str().cmp(id))
            .is_ok()
    };
    for tie in &mut map.ties {
        for end in [&tie.source, &tie.target] {
            if !known(end) {
                return Err(format!(
                    "a tie names actor {}, which the map does not list",
                    short(end)
                ));
            }
        }
        if tie.quad != tie.category.quad() {
            return Err(format!(
                "tie {}-{} has category {} in the wrong quad",
                short(&tie.source),
                short(&tie.target),
                tie.category.name()
            ));
        }
        cuts.cap(&mut tie.mode, caps::LABEL, "a tie's mode");
        for evidence in &mut tie.evidence {
            cap_evidence(evidence, cuts);
        }
    }
    Ok(())
}

fn check_figures(map: &mut TieMap, cuts: &mut Cuts) -> Result<(), String> {
    let actors = &map.actors;
    for figure in &mut map.figures {
        for actor in &figure.actors {
            if actors
                .binary_search_by(|known| known.id.as_str().cmp(actor))
                .is_err()
            {
                return Err(format!(
                    "a figure names actor {}, which the map does not list",
                    short(actor)
                ));
            }
        }
        for amount in &mut figure.amounts {
            for value in std::iter::once(amount.value).chain(amount.upper) {
                check_amount(value)?;
            }
            cuts.cap(&mut amount.currency, caps::LABEL, "a currency");
        }
        if let Some(usd) = figure.usd {
            check_amount(usd)?;
        }
        if let Some(rate) = &mut figure.rate {
            if !rate.per_usd.is_finite() || rate.per_usd <= 0.0 || rate.per_usd > MAX_AMOUNT {
                return Err(format!(
                    "a figure's exchange rate ({}) is not a positive finite number",
                    rate.per_usd
                ));
            }
            cuts.cap(&mut rate.currency, caps::LABEL, "a currency");
        }
        if let Some(period) = &mut figure.period {
            cuts.cap(period, caps::LABEL, "a figure's period");
        }
        for note in [&mut figure.not_converted, &mut figure.currency_note]
            .into_iter()
            .flatten()
        {
            cuts.cap(note, caps::SENTENCE_BYTES, "a figure's note");
        }
        cap_evidence(&mut figure.evidence, cuts);
        for source in &mut figure.sources {
            cap_evidence(source, cuts);
        }
    }
    Ok(())
}

/// An amount of money a map may hold: finite and at most [`MAX_AMOUNT`].
fn check_amount(value: f64) -> Result<(), String> {
    if value.is_finite() && value.abs() <= MAX_AMOUNT {
        Ok(())
    } else {
        Err(format!(
            "a figure's amount ({value}) is not a finite number of at most {MAX_AMOUNT:e}"
        ))
    }
}

fn check_positions(map: &TieMap) -> Result<(), String> {
    for (id, place) in &map.positions {
        if map.actor(id).is_none() {
            return Err(format!(
                "a position is given for actor {}, which the map does not list",
                short(id)
            ));
        }
        let fits = |value: f32| value.is_finite() && value.abs() <= MAX_COORDINATE;
        if !fits(place.x) || !fits(place.y) {
            return Err(format!(
                "the position of {} ({}, {}) is not a finite number within {MAX_COORDINATE:e}",
                short(id),
                place.x,
                place.y
            ));
        }
    }
    Ok(())
}

/// Cuts an evidence sentence and its labels; spans that fall past the cut are dropped.
fn cap_evidence(evidence: &mut Evidence, cuts: &mut Cuts) {
    cuts.cap(&mut evidence.doc, caps::ID, "a document id");
    cuts.cap(&mut evidence.cue, caps::LABEL, "a cue");
    for mention in &mut evidence.mentions {
        cuts.cap(&mut mention.text, caps::LABEL, "a mention");
    }
    if evidence.text.len() > caps::SENTENCE_BYTES {
        // Room for the ellipsis, so a cut sentence is within the cap when read again.
        let mut end = caps::SENTENCE_BYTES - '…'.len_utf8();
        while !evidence.text.is_char_boundary(end) {
            end -= 1;
        }
        evidence.text.truncate(end);
        evidence.text.push('…');
        if evidence.cue_span.end > end {
            evidence.cue_span = Span::default();
        }
        evidence.mentions.retain(|mention| mention.span.end <= end);
        cuts.note("a sentence");
    }
}

/// At most 40 characters of an id, for messages.
fn short(id: &str) -> String {
    let mut shown: String = id.chars().take(40).collect();
    if shown.len() < id.len() {
        shown.push('…');
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorKind, Amount, Figure, FigureKind, NodePlacement};

    fn map_with_one_actor() -> TieMap {
        let mut map = TieMap::new();
        map.actors.push(Actor {
            id: "USA".into(),
            name: "United States".into(),
            kind: ActorKind::Country,
        });
        map
    }

    fn figure(actor: &str, value: f64) -> Figure {
        Figure::new(
            FigureKind::Trade,
            vec![actor.into()],
            vec![Amount::new(value, "USD")],
            None,
            Evidence {
                doc: "d".into(),
                sentence: 0,
                text: "s".into(),
                cue: "s".into(),
                cue_span: Span::new(0, 1),
                mentions: vec![],
            },
        )
    }

    #[test]
    fn figures_and_positions_are_validated_like_ties() {
        for (bad, reason) in [
            (figure("CHN", 1.0), "CHN"),
            (figure("USA", f64::NAN), "finite"),
            (figure("USA", f64::INFINITY), "finite"),
            (figure("USA", 1e30), "finite"),
            (
                Figure {
                    usd: Some(f64::NAN),
                    ..figure("USA", 1.0)
                },
                "finite",
            ),
            (
                Figure {
                    rate: Some(crate::model::UsdRate {
                        currency: "EUR".into(),
                        per_usd: -1.0,
                        year: Some(2020),
                        source: crate::model::RateSource::AnnualAverage,
                    }),
                    ..figure("USA", 1.0)
                },
                "rate",
            ),
        ] {
            let mut map = map_with_one_actor();
            map.figures.push(bad);
            let error = check_map(&mut map, "m").expect_err("refused");
            assert!(error.contains(reason), "{error}");
        }
        let mut map = map_with_one_actor();
        map.figures.push(figure("USA", 1.5e12));
        assert_eq!(check_map(&mut map, "m"), Ok(vec![]));
        for (id, x) in [("USA", 3e38), ("USA", f32::NAN), ("CHN", 0.0)] {
            let mut map = map_with_one_actor();
            map.positions.insert(
                id.into(),
                NodePlacement {
                    x,
                    y: 0.0,
                    pinned: false,
                },
            );
            assert!(check_map(&mut map, "m").is_err(), "{id} {x}");
        }
    }

    #[test]
    fn long_strings_are_cut_with_one_warning() {
        let mut map = map_with_one_actor();
        map.actors[0].name = "x".repeat(1_000_000);
        let warnings = check_map(&mut map, "big.ron").expect("loads");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("big.ron") && warnings[0].contains("actor name"));
        assert_eq!(map.actors[0].name.chars().count(), caps::NAME);
    }
}
