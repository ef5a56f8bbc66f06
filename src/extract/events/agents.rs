//! Agent words: the nouns that make an actor of the country word before them ("Chinese
//! troops"), and whether that actor stands for its state, plus the names of non-state armed
//! groups.
//!
//! Generated (`tools/gen_events.py`) from the Phoenix agent dictionary and its non-state
//! armed group list; which Phoenix agent codes count as the state is decided and explained in
//! `tools/curated/agents.txt`.

use std::sync::OnceLock;

use serde::Deserialize;

use super::load::FxMap;
use crate::extract::ExtractError;

/// Whether an agent stands for its state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
pub enum AgentKind {
    /// Its acts are the country's: government, forces, police, firms, media, people.
    State,
    /// Its acts are not the country's: rebels, insurgents, opposition, protesters, militants.
    NonState,
}

/// The name of a non-state armed group.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
pub struct GroupName {
    /// Lower case ("taliban", "al-shabaab").
    pub name: String,
    /// Phoenix's code; its first three letters name the country or region ("AFGREB").
    pub code: String,
    /// Every word is also an ordinary English word: match it only written with capitals.
    pub caps: bool,
}

#[derive(Deserialize)]
struct AgentsFile {
    agents: Vec<(String, AgentKind)>,
    groups: Vec<GroupName>,
}

/// The agent words, loaded once.
pub struct AgentWords {
    agents: FxMap<Box<[u8]>, AgentKind>,
    longest: usize,
    groups: Vec<GroupName>,
}

const BUNDLED: &str = include_str!("../../../assets/agents.ron");

impl AgentWords {
    /// The agent words compiled into the binary, parsed on first use.
    pub fn bundled() -> Result<&'static AgentWords, ExtractError> {
        static AGENTS: OnceLock<Result<AgentWords, String>> = OnceLock::new();
        AGENTS
            .get_or_init(|| AgentWords::from_ron(BUNDLED).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|message| ExtractError::Asset {
                name: "agents.ron",
                message: message.clone(),
            })
    }

    /// Parses agent words in the format of `assets/agents.ron`.
    pub fn from_ron(text: &str) -> Result<AgentWords, ExtractError> {
        let file: AgentsFile = ron::from_str(text).map_err(|e| ExtractError::Asset {
            name: "agents.ron",
            message: e.to_string(),
        })?;
        let mut agents = FxMap::default();
        let mut longest = 0;
        for (phrase, kind) in file.agents {
            longest = longest.max(phrase.split(' ').count());
            agents.insert(phrase.into_bytes().into_boxed_slice(), kind);
        }
        let mut groups = file.groups;
        groups.sort();
        Ok(AgentWords {
            agents,
            longest,
            groups,
        })
    }

    /// What a single word stands for ("troops": `State`, "rebels": `NonState`), any case.
    pub fn agent(&self, word: &str) -> Option<AgentKind> {
        self.agents
            .get(word.to_ascii_lowercase().as_bytes())
            .copied()
    }

    /// The longest agent phrase starting at word `start` ("security forces", "armed group"):
    /// its length in words and kind.
    pub fn agent_at(&self, words: &[&str], start: usize) -> Option<(usize, AgentKind)> {
        let mut key: Vec<u8> = Vec::with_capacity(64);
        let mut best = None;
        for (offset, word) in words.iter().skip(start).take(self.longest).enumerate() {
            if offset > 0 {
                key.push(b' ');
            }
            key.extend(word.bytes().map(|b| b.to_ascii_lowercase()));
            if let Some(&kind) = self.agents.get(key.as_slice()) {
                best = Some((offset + 1, kind));
            }
        }
        best
    }

    /// The names of non-state armed groups, sorted by name.
    pub fn groups(&self) -> &[GroupName] {
        &self.groups
    }

    /// How many agent words and phrases there are.
    pub fn len(&self) -> usize {
        self.agents.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.agents.is_empty()
    }
}
