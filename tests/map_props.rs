//! Properties of saved maps and event records over generated maps: any valid map survives
//! save -> load unchanged; a saved file cut at any byte is an error, never a panic or a partial
//! map; event records exported and imported keep actors, ties and evidence.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::path::Path;

use proptest::prelude::*;
use tiemap::model::{
    Actor, ActorKind, Amount, Category, Document, Evidence, Figure, FigureKind, Mention,
    NodePlacement, Span, Tie, TieMap,
};

fn evidence(actors: &[String]) -> impl Strategy<Value = Evidence> + use<> {
    (
        "[a-z]{1,6}",
        0usize..200,
        "\\PC{0,40}",
        "[a-z ]{0,10}",
        (0usize..20, 0usize..20),
        proptest::sample::subsequence(actors.to_vec(), 0..=actors.len().min(2)),
    )
        .prop_map(
            |(doc, sentence, text, cue, (start, end), mentioned)| Evidence {
                doc,
                sentence,
                text,
                cue,
                cue_span: Span::new(start, end),
                mentions: mentioned
                    .into_iter()
                    .map(|actor| Mention {
                        text: actor.to_lowercase(),
                        actor,
                        span: Span::new(0, 3),
                    })
                    .collect(),
            },
        )
}

fn date() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        (1000u16..=9999).prop_map(|year| Some(format!("{year}"))),
        (1000u16..=9999, 1u8..=12).prop_map(|(year, month)| Some(format!("{year}-{month:02}"))),
        (1000u16..=9999, 1u8..=12, 1u8..=28)
            .prop_map(|(y, m, d)| Some(format!("{y}-{m:02}-{d:02}"))),
    ]
}

prop_compose! {
    fn actors()(ids in proptest::collection::btree_set("[A-Z]{3,4}", 1..6))
        (names in proptest::collection::vec("[A-Za-z][A-Za-zé' ]{0,15}", ids.len()),
         kinds in proptest::collection::vec(any::<bool>(), ids.len()),
         ids in Just(ids)) -> Vec<Actor> {
        ids.into_iter().zip(names).zip(kinds).map(|((id, name), bloc)| Actor {
            id,
            name,
            kind: if bloc { ActorKind::Bloc } else { ActorKind::Country },
        }).collect()
    }
}

fn map() -> impl Strategy<Value = TieMap> {
    actors().prop_flat_map(|actors| {
        let ids: Vec<String> = actors.iter().map(|actor| actor.id.clone()).collect();
        let count = ids.len();
        let tie = (
            0..count,
            0..count,
            proptest::sample::select(Category::ALL.to_vec()),
            "[a-z]{1,8}",
            any::<bool>(),
            any::<bool>(),
            proptest::collection::vec(evidence(&ids), 0..3),
        )
            .prop_map({
                let ids = ids.clone();
                move |(a, b, category, mode, negated, hedged, evidence)| Tie {
                    source: ids[a].clone(),
                    target: ids[b].clone(),
                    category,
                    quad: category.quad(),
                    mode,
                    negated,
                    hedged,
                    evidence,
                }
            });
        let figure = (
            proptest::sample::subsequence(ids.clone(), 0..=count.min(2)),
            proptest::collection::vec((-1e15f64..1e15, "[A-Z]{3}"), 0..3),
            proptest::option::of("[0-9]{4}"),
            any::<bool>(),
            evidence(&ids),
        )
            .prop_map(|(actors, amounts, period, record, evidence)| {
                let amounts: Vec<Amount> = amounts
                    .into_iter()
                    .map(|(value, currency)| Amount::new(value, &currency))
                    .collect();
                let mut figure = Figure::new(FigureKind::Trade, actors, amounts, period, evidence);
                figure.record = record;
                figure.usd = figure.text_usd();
                figure
            });
        let document = (
            "[a-z]{1,6}",
            proptest::option::of("\\PC{0,20}"),
            date(),
            "\\PC{0,60}",
        )
            .prop_map(|(id, title, date, text)| Document {
                id,
                title,
                date,
                text,
            });
        let positions =
            proptest::collection::btree_map(
                proptest::sample::select(ids),
                (-1e6f32..1e6, -1e6f32..1e6, any::<bool>())
                    .prop_map(|(x, y, pinned)| NodePlacement { x, y, pinned }),
                0..count + 1,
            );
        (
            Just(actors),
            proptest::collection::vec(tie, 0..8),
            proptest::collection::vec(figure, 0..3),
            proptest::collection::vec(document, 0..3),
            positions,
        )
            .prop_map(|(actors, ties, figures, documents, positions)| TieMap {
                version: tiemap::model::MAP_FORMAT_VERSION,
                documents,
                actors,
                ties,
                figures,
                positions,
                view: tiemap::model::ViewState::default(),
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_map_survives_save_then_load(map in map()) {
        let text = tiemap::io::map_to_ron(&map).unwrap();
        let (loaded, warnings) = tiemap::io::parse_map(&text, Path::new("p.ron")).unwrap();
        prop_assert!(warnings.is_empty(), "{:?}", warnings);
        prop_assert_eq!(loaded, map);
    }

    #[test]
    fn a_saved_map_cut_at_any_byte_is_an_error(map in map()) {
        let text = tiemap::io::map_to_ron(&map).unwrap();
        let bytes = text.as_bytes();
        for cut in 0..bytes.len() {
            let prefix = &bytes[..cut];
            if prefix.trim_ascii_end() == bytes.trim_ascii_end() {
                continue;
            }
            let result = tiemap::io::map_from_bytes(prefix, Path::new("cut.ron"));
            prop_assert!(result.is_err(), "cut at {} of {} loaded", cut, bytes.len());
        }
    }

    #[test]
    fn event_records_keep_actors_ties_and_evidence(map in map()) {
        let lines = tiemap::io::export::events_jsonl(&map, true).unwrap();
        let records = tiemap::io::export::event_records(&map, true);
        if records.is_empty() {
            prop_assert!(tiemap::io::import::events_to_map(&lines, Path::new("e")).is_err());
            return Ok(());
        }
        let (imported, _) = tiemap::io::import::events_to_map(&lines, Path::new("e")).unwrap();
        let tied: BTreeSet<&str> = map
            .ties
            .iter()
            .filter(|tie| !tie.evidence.is_empty())
            .flat_map(|tie| [tie.source.as_str(), tie.target.as_str()])
            .collect();
        let original: Vec<&Actor> =
            map.actors.iter().filter(|actor| tied.contains(actor.id.as_str())).collect();
        let back: Vec<&Actor> = imported.actors.iter().collect();
        prop_assert_eq!(back, original);
        let facts = |map: &TieMap| -> BTreeSet<String> {
            map.ties
                .iter()
                .flat_map(|tie| {
                    tie.evidence.iter().map(move |evidence| {
                        format!(
                            "{:?}|{:?}|{:?}|{:?}|{}|{}|{:?}|{}|{:?}|{:?}",
                            tie.source, tie.target, tie.category, tie.mode, tie.negated,
                            tie.hedged, evidence.doc, evidence.sentence, evidence.text,
                            evidence.cue
                        )
                    })
                })
                .collect()
        };
        prop_assert_eq!(facts(&imported), facts(&map));
    }
}
