//! Finding an actor (Ctrl+F): as the user types, the actors of the map whose name, id or any
//! other name the gazetteer knows for them ("Persia", "Tehran", "Iranian") starts with what
//! was typed, or has a word that does. Enter selects the first (or the one picked with the
//! arrow keys) and frames it.
//!
//! The other names come from the gazetteer asset the extractor compiles in: its actor lines
//! are read once, on the first search, into a table from actor id to names.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use eframe::egui;
use egui::{Key, RichText, Ui};

use super::command::Command;
use super::map_layout::MapLayout;
use crate::model::{ActorId, TieMap};

/// At most this many hits are listed.
const MAX_HITS: usize = 8;

/// One actor line of the gazetteer asset, with the fields the search reads.
#[derive(serde::Deserialize)]
struct AliasLine {
    id: String,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    adjectives: Vec<String>,
    #[serde(default)]
    seats: Vec<String>,
}

/// Every other name of every actor the gazetteer knows, by id (names, then adjectives, then
/// seats of government, as the gazetteer lists them).
pub fn aliases() -> &'static BTreeMap<ActorId, Vec<String>> {
    static ALIASES: OnceLock<BTreeMap<ActorId, Vec<String>>> = OnceLock::new();
    ALIASES.get_or_init(|| {
        let text = include_str!("../../assets/gazetteer.ron");
        text.lines()
            .map(str::trim)
            .filter(|line| line.starts_with("(id:"))
            .filter_map(|line| ron::from_str::<AliasLine>(line.trim_end_matches(',')).ok())
            .map(|line| {
                let mut names = line.names;
                names.extend(line.adjectives);
                names.extend(line.seats);
                (line.id, names)
            })
            .collect()
    })
}

/// An actor the search found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The actor.
    pub actor: ActorId,
    /// Its display name.
    pub name: String,
    /// The other name that matched, when it was not the display name or id.
    pub via: Option<String>,
}

/// Whether `name` starts with `query` or has a word that does (both lower case).
fn name_matches(name: &str, query: &str) -> bool {
    let name = name.to_lowercase();
    name.starts_with(query)
        || name
            .match_indices(|c: char| !c.is_alphanumeric())
            .any(|(at, separator)| name[at + separator.len()..].starts_with(query))
}

/// The shown actors matching `query`, best first: display names before other names, then
/// the actors with the most evidence. Hidden actors (filtered off the map) are not offered.
pub fn find_actors(map: &TieMap, layout: &MapLayout, query: &str) -> Vec<Hit> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    let aliases = aliases();
    let mut hits: Vec<(u8, std::cmp::Reverse<usize>, Hit)> = map
        .actors
        .iter()
        .filter_map(|actor| {
            let node = layout.index_of(&actor.id)?;
            let exact = actor.name.to_lowercase() == query || actor.id.to_lowercase() == query;
            let (rank, via) = if exact {
                (0, None)
            } else if name_matches(&actor.name, &query) || name_matches(&actor.id, &query) {
                (1, None)
            } else {
                let alias = aliases
                    .get(&actor.id)?
                    .iter()
                    .find(|alias| name_matches(alias, &query))?;
                (2, Some(alias.clone()))
            };
            Some((
                rank,
                std::cmp::Reverse(layout.evidence(node)),
                Hit {
                    actor: actor.id.clone(),
                    name: actor.name.clone(),
                    via,
                },
            ))
        })
        .collect();
    hits.sort_by(|x, y| (x.0, x.1, &x.2.actor).cmp(&(y.0, y.1, &y.2.actor)));
    hits.into_iter().map(|(_, _, hit)| hit).collect()
}

/// The search box's state.
#[derive(Clone, Debug, Default)]
pub struct Search {
    /// What was typed.
    pub query: String,
    /// The hit picked with the arrow keys.
    pub picked: usize,
    /// The box has been given the keyboard once.
    focused_once: bool,
}

/// Draws the search box at the map's upper right; returns what the user asked for. The hits
/// are returned too: the map labels and rings them.
pub fn search_ui(
    ui: &mut Ui,
    search: &mut Search,
    map: &TieMap,
    layout: &MapLayout,
) -> (Vec<Command>, Vec<Hit>) {
    let mut commands = Vec::new();
    let hits = find_actors(map, layout, &search.query);
    egui::Frame::popup(ui.style()).show(ui, |ui| {
        ui.set_width(240.0);
        ui.horizontal(|ui| {
            ui.label("Find");
            let edit = ui.add(
                egui::TextEdit::singleline(&mut search.query)
                    .hint_text("country, bloc, capital…")
                    .desired_width(170.0),
            );
            if !search.focused_once {
                edit.request_focus();
                search.focused_once = true;
            }
            if edit.changed() {
                search.picked = 0;
            }
            let (down, up, enter, escape) = ui.input_mut(|input| {
                (
                    input.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
                    input.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
                    input.key_pressed(Key::Enter),
                    input.consume_key(egui::Modifiers::NONE, Key::Escape),
                )
            });
            if down {
                search.picked = (search.picked + 1).min(hits.len().saturating_sub(1));
            }
            if up {
                search.picked = search.picked.saturating_sub(1);
            }
            if enter && let Some(hit) = hits.get(search.picked) {
                commands.push(Command::FocusActor(hit.actor.clone()));
            }
            if escape {
                commands.push(Command::CloseSearch);
            }
            if ui
                .small_button("Close")
                .on_hover_text("Close (Esc)")
                .clicked()
            {
                commands.push(Command::CloseSearch);
            }
        });
        if !search.query.trim().is_empty() && hits.is_empty() {
            ui.label(RichText::new("no actor on the map by that name").weak());
        }
        for (index, hit) in hits.iter().take(MAX_HITS).enumerate() {
            let text = match &hit.via {
                Some(via) => format!("{} ({via})", hit.name),
                None => hit.name.clone(),
            };
            if ui.selectable_label(index == search.picked, text).clicked() {
                commands.push(Command::FocusActor(hit.actor.clone()));
            }
        }
        if hits.len() > MAX_HITS {
            ui.label(RichText::new(format!("and {} more", hits.len() - MAX_HITS)).weak());
        }
    });
    (commands, hits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_from_their_start_or_a_word_start() {
        assert!(name_matches("Iran", "ira"));
        assert!(name_matches("South Korea", "kor"));
        assert!(!name_matches("Syria", "ria"));
    }

    #[test]
    fn the_gazetteer_gives_other_names() {
        let iran = aliases().get("IRN").expect("Iran is in the gazetteer");
        assert!(iran.iter().any(|name| name == "Persia"));
        assert!(iran.iter().any(|name| name == "Tehran"));
        assert!(aliases().len() > 150, "{} actors", aliases().len());
    }
}
