//! Opening a file of PLOVER/POLECAT-style event records (JSON lines) as a map: each record is a
//! tie between its actor and recipient, its sentence the evidence, its story a document whose
//! text is the story's sentences in order.
//!
//! Main design decision: a bad line is a warning with its line number and is skipped, so one
//! malformed record does not lose a dataset; a file with no usable record at all is refused.

use std::collections::BTreeMap;
use std::path::Path;

use crate::io::export::events::EventRecord;
use crate::io::lines::{LineRead, MAX_LINE_BYTES, read_line_bounded};
use crate::io::text::quote_prefix;
use crate::io::validate::check_map;
use crate::io::{IoError, MAX_FILE_BYTES, read_bounded};
use crate::model::{Actor, ActorKind, Category, Document, Evidence, Mention, Span, Tie, TieMap};

/// Warnings past this many are summed up in one line.
const MAX_LINE_WARNINGS: usize = 20;

/// Reads a file of event records as a map.
pub fn load_events(path: &Path) -> Result<(TieMap, Vec<String>), IoError> {
    let bytes = read_bounded(path, MAX_FILE_BYTES)?;
    events_to_map(&bytes, path)
}

/// Tie key: source, target, category, mode, negated, hedged.
type TieKey = (String, String, Category, String, bool, bool);

/// What the records say, gathered before the map is built.
#[derive(Default)]
struct Gathered {
    actors: BTreeMap<String, Actor>,
    ties: BTreeMap<TieKey, Vec<Evidence>>,
    /// Sentences by story and number; a story's date.
    stories: BTreeMap<String, (BTreeMap<usize, String>, Option<String>)>,
}

/// Builds a map from the bytes of an event-record file; `origin` names it in messages.
pub fn events_to_map(bytes: &[u8], origin: &Path) -> Result<(TieMap, Vec<String>), IoError> {
    let shown = origin.display().to_string();
    let mut warnings = Vec::new();
    let mut bad_lines = 0usize;
    let mut gathered = Gathered::default();
    let mut input = bytes;
    let mut buffer = Vec::new();
    let mut line_number = 0usize;
    let mut records = 0usize;
    let read_failed = |error: std::io::Error| IoError::Io {
        path: origin.to_owned(),
        error,
    };
    while let Some(read) =
        read_line_bounded(&mut input, &mut buffer, MAX_LINE_BYTES).map_err(read_failed)?
    {
        line_number += 1;
        let problem = match read {
            LineRead::TooLong(length) => Some(format!("{length} bytes is too long a line")),
            LineRead::Line => {
                let line = String::from_utf8_lossy(&buffer);
                let line = line.trim();
                if line.is_empty() {
                    continue;
                }
                match serde_json::from_str::<EventRecord>(line) {
                    Ok(record) => gather(&mut gathered, record, line_number).err(),
                    Err(error) => Some(format!("{error}: {}", quote_prefix(line, 100))),
                }
            }
        };
        match problem {
            None => records += 1,
            Some(problem) => {
                bad_lines += 1;
                if warnings.len() < MAX_LINE_WARNINGS {
                    warnings.push(format!("{shown}: line {line_number} skipped: {problem}"));
                }
            }
        }
    }
    if bad_lines > warnings.len() {
        warnings.push(format!(
            "{shown}: {bad_lines} lines skipped in all, {records} events read"
        ));
    }
    if records == 0 {
        return Err(IoError::MalformedMap {
            path: origin.to_owned(),
            message: format!("no event record could be read ({bad_lines} bad lines)"),
        });
    }
    let mut map = build(gathered);
    let checked = check_map(&mut map, &shown).map_err(|message| IoError::MalformedMap {
        path: origin.to_owned(),
        message,
    })?;
    warnings.extend(checked);
    Ok((map, warnings))
}

/// Adds one record; the error says why it cannot be used.
fn gather(gathered: &mut Gathered, record: EventRecord, line: usize) -> Result<(), String> {
    let category = Category::from_name(record.event_type.trim())
        .ok_or_else(|| format!("{:?} is not a PLOVER event type", record.event_type))?;
    let source = record.actor_country.trim().to_owned();
    let target = record.recipient_country.trim().to_owned();
    if source.is_empty() || target.is_empty() {
        return Err("an actor or recipient country is empty".into());
    }
    for (id, name, kind) in [
        (&source, &record.actor_name, &record.actor_kind),
        (&target, &record.recipient_name, &record.recipient_kind),
    ] {
        gathered.actors.entry(id.clone()).or_insert_with(|| Actor {
            id: id.clone(),
            name: name
                .clone()
                .filter(|name| !name.trim().is_empty())
                .unwrap_or_else(|| id.clone()),
            kind: actor_kind(id, kind.as_deref()),
        });
    }
    let story = record
        .story_id
        .clone()
        .unwrap_or_else(|| "events".to_owned());
    let sentence = record.sentence_number.unwrap_or(line.saturating_sub(1));
    let text = record.event_text.clone().unwrap_or_default();
    let entry = gathered.stories.entry(story.clone()).or_default();
    entry.0.entry(sentence).or_insert_with(|| text.clone());
    if entry.1.is_none() {
        entry.1.clone_from(&record.event_date);
    }
    let cue = record.cue.clone().unwrap_or_default();
    let cue_span = find(&text, &cue);
    let mut mentions: Vec<Mention> = [&source, &target]
        .into_iter()
        .filter_map(|id| {
            let actor = gathered.actors.get(id)?;
            let span = find(&text, &actor.name);
            (!span.is_empty()).then(|| Mention {
                actor: id.clone(),
                text: actor.name.clone(),
                span,
            })
        })
        .collect();
    mentions.sort();
    mentions.dedup();
    let key = (
        source,
        target,
        category,
        record.mode.unwrap_or_default(),
        record.negated,
        record.hedged,
    );
    gathered.ties.entry(key).or_default().push(Evidence {
        doc: story,
        sentence,
        text,
        cue,
        cue_span,
        mentions,
    });
    Ok(())
}

fn actor_kind(id: &str, given: Option<&str>) -> ActorKind {
    match given {
        Some(kind) if kind.eq_ignore_ascii_case("bloc") => ActorKind::Bloc,
        Some(kind) if kind.eq_ignore_ascii_case("country") => ActorKind::Country,
        _ if id.len() == 3 && id.bytes().all(|byte| byte.is_ascii_uppercase()) => {
            ActorKind::Country
        }
        _ => ActorKind::Bloc,
    }
}

/// Where `needle` first occurs in `text`, or an empty span.
fn find(text: &str, needle: &str) -> Span {
    if needle.is_empty() {
        return Span::default();
    }
    text.find(needle).map_or_else(Span::default, |start| {
        Span::new(start, start + needle.len())
    })
}

fn build(gathered: Gathered) -> TieMap {
    let mut map = TieMap::new();
    map.actors = gathered.actors.into_values().collect();
    map.ties = gathered
        .ties
        .into_iter()
        .map(
            |((source, target, category, mode, negated, hedged), evidence)| Tie {
                source,
                target,
                category,
                quad: category.quad(),
                mode,
                negated,
                hedged,
                evidence,
            },
        )
        .collect();
    map.documents = gathered
        .stories
        .into_iter()
        .map(|(id, (sentences, date))| Document {
            id,
            title: None,
            date,
            text: sentences.into_values().collect::<Vec<_>>().join("\n"),
        })
        .collect();
    map
}
