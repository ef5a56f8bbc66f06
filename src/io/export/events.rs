//! Event records: one JSON line per tie and evidence sentence, in the shape of POLECAT/PLOVER
//! event data (`event_type`, `mode`, `context`, actor and recipient names and country codes,
//! date, story id, sentence text), so a map's ties merge with event datasets. The same lines
//! open again as a map ([`crate::io::import::events`]).

use crate::model::TieMap;

/// One event record. Field names follow POLECAT's columns in snake case; `actor_kind`,
/// `recipient_kind`, `negated`, `hedged` and `cue` are tiemap's additions, optional on import.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct EventRecord {
    /// `STORY-SENTENCE-N`: unique within an export.
    #[serde(default)]
    pub event_id: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, the story's date.
    #[serde(default, alias = "date")]
    pub event_date: Option<String>,
    /// PLOVER category, upper case (`CONSULT`).
    pub event_type: String,
    /// PLOVER mode or tiemap's finer label (`visit`).
    #[serde(default, alias = "event_mode")]
    pub mode: Option<String>,
    /// PLOVER contexts; tiemap has none to give and writes an empty list.
    #[serde(default)]
    pub context: Vec<String>,
    /// The actor's name as shown.
    #[serde(default)]
    pub actor_name: Option<String>,
    /// The actor's ISO 3166-1 alpha-3 code, or tiemap's bloc id.
    pub actor_country: String,
    /// `country` or `bloc`.
    #[serde(default)]
    pub actor_kind: Option<String>,
    /// The recipient's name as shown.
    #[serde(default)]
    pub recipient_name: Option<String>,
    /// The recipient's code.
    pub recipient_country: String,
    /// `country` or `bloc`.
    #[serde(default)]
    pub recipient_kind: Option<String>,
    /// The story (document) id.
    #[serde(default)]
    pub story_id: Option<String>,
    /// Index of the sentence in its story, from 0.
    #[serde(default)]
    pub sentence_number: Option<usize>,
    /// The sentence.
    #[serde(default, alias = "text", alias = "sentence_text")]
    pub event_text: Option<String>,
    /// The text says it did not happen.
    #[serde(default)]
    pub negated: bool,
    /// The text says it only may happen.
    #[serde(default)]
    pub hedged: bool,
    /// The words that state it.
    #[serde(default)]
    pub cue: Option<String>,
}

/// The map's ties as event records, one per tie and evidence sentence, in tie order. Negated
/// ties are left out unless `include_negated`.
pub fn event_records(map: &TieMap, include_negated: bool) -> Vec<EventRecord> {
    let kind = |id: &str| {
        map.actor(id)
            .map(|actor| super::gexf::kind_name(actor.kind).to_owned())
    };
    let name = |id: &str| map.actor(id).map(|actor| actor.name.clone());
    let mut records = Vec::new();
    for tie in map
        .ties
        .iter()
        .filter(|tie| include_negated || !tie.negated)
    {
        for evidence in &tie.evidence {
            let date = map
                .documents
                .iter()
                .find(|document| document.id == evidence.doc)
                .and_then(|document| document.date.clone());
            records.push(EventRecord {
                event_id: Some(format!(
                    "{}-{}-{}",
                    evidence.doc,
                    evidence.sentence,
                    records.len()
                )),
                event_date: date,
                event_type: tie.category.name().to_owned(),
                mode: Some(tie.mode.clone()),
                context: Vec::new(),
                actor_name: name(&tie.source),
                actor_country: tie.source.clone(),
                actor_kind: kind(&tie.source),
                recipient_name: name(&tie.target),
                recipient_country: tie.target.clone(),
                recipient_kind: kind(&tie.target),
                story_id: Some(evidence.doc.clone()),
                sentence_number: Some(evidence.sentence),
                event_text: Some(evidence.text.clone()),
                negated: tie.negated,
                hedged: tie.hedged,
                cue: Some(evidence.cue.clone()),
            });
        }
    }
    records
}

/// The records as JSON lines.
pub fn events_jsonl(map: &TieMap, include_negated: bool) -> Result<Vec<u8>, serde_json::Error> {
    let mut out = Vec::new();
    for record in event_records(map, include_negated) {
        serde_json::to_writer(&mut out, &record)?;
        out.push(b'\n');
    }
    Ok(out)
}
