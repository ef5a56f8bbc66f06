//! Reads the event lexicon's line format (`assets/events.txt`, written by
//! `tools/gen_events.py`) into the tables the matcher uses.
//!
//! The format is parsed by hand, one tab-separated record a line, because it is large (some
//! 13,000 records) and must load in a few milliseconds; every word is interned once into a
//! word id, so matching compares integers.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::{Flags, Item, ModifierKind, NounEntry, Part, Pattern, Phrase, Sense, VerbForm};
use crate::extract::ExtractError;
use crate::model::Category;

/// A fast, non-cryptographic hasher for short words (the `FxHash` scheme of rustc).
#[derive(Default, Clone, Copy)]
pub(super) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(SEED);
        }
        for &byte in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(byte)).wrapping_mul(SEED);
        }
    }

    fn write_usize(&mut self, value: usize) {
        self.0 = (self.0.rotate_left(5) ^ value as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map with [`FxHasher`].
pub(super) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Everything read from the asset, before the per-word indexes are built.
#[derive(Default)]
pub(super) struct Tables {
    pub words: FxMap<Box<[u8]>, u32>,
    pub senses: Vec<Sense>,
    pub sets: Vec<Vec<Phrase>>,
    pub forms: Vec<VerbForm>,
    pub patterns: Vec<Pattern>,
    pub nouns: Vec<NounEntry>,
    pub modifiers: Vec<(ModifierKind, Phrase)>,
    set_ids: HashMap<String, u16>,
    sense_ids: HashMap<String, u16>,
    lemmas: HashMap<String, u32>,
}

fn malformed(line: usize, message: impl std::fmt::Display) -> ExtractError {
    ExtractError::Asset {
        name: "events.txt",
        message: format!("line {line}: {message}"),
    }
}

/// Parses a PLOVER category name ("AGREE"); "-" is no category.
fn category(name: &str) -> Result<Option<Category>, String> {
    if name == "-" {
        return Ok(None);
    }
    Category::ALL
        .into_iter()
        .find(|c| format!("{c:?}").eq_ignore_ascii_case(name))
        .map(Some)
        .ok_or_else(|| format!("unknown category {name}"))
}

fn flags(text: &str) -> Result<Flags, String> {
    let mut flags = Flags::default();
    for name in text.split(',').filter(|n| !n.is_empty() && *n != "-") {
        match name {
            "symmetric" => flags.symmetric = true,
            "reversed" => flags.reversed = true,
            "from_source" => flags.from_source = true,
            "from_target" => flags.from_target = true,
            "with_target" => flags.with_target = true,
            "place_target" => flags.place_target = true,
            "hedge_after" => flags.hedge_after = true,
            "recipient_subject" => flags.recipient_subject = true,
            other => return Err(format!("unknown flag {other}")),
        }
    }
    Ok(flags)
}

fn dash(text: &str) -> &str {
    if text == "-" { "" } else { text }
}

impl Tables {
    /// The id of a lower-case word, interned on first sight.
    pub fn word(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.words.get(word.as_bytes()) {
            return id;
        }
        let next = self.words.len() as u32;
        *self
            .words
            .entry(word.as_bytes().to_ascii_lowercase().into_boxed_slice())
            .or_insert(next)
    }

    fn lemma(&mut self, lemma: &str) -> u32 {
        let next = self.lemmas.len() as u32;
        *self.lemmas.entry(lemma.to_owned()).or_insert(next)
    }

    /// A phrase of words joined by `sep`, each word possibly a set reference (`&name`).
    fn phrase(&mut self, text: &str, sep: char) -> Result<Phrase, String> {
        let mut parts = Vec::new();
        for word in text.split(sep).filter(|w| !w.is_empty()) {
            if let Some(name) = word.strip_prefix('&') {
                let id = self
                    .set_ids
                    .get(name)
                    .copied()
                    .ok_or_else(|| format!("unknown set &{name}"))?;
                parts.push(Part::Set(id));
            } else {
                parts.push(Part::Word(self.word(word)));
            }
        }
        Ok(Phrase(parts.into_boxed_slice()))
    }

    fn sense_id(&self, cameo: &str) -> Result<u16, String> {
        self.sense_ids
            .get(cameo)
            .copied()
            .ok_or_else(|| format!("unknown code {cameo}"))
    }

    /// One side of a pattern: `word two_words prep(object,object) + $ ^`.
    fn items(&mut self, text: &str) -> Result<Box<[Item]>, String> {
        let mut items = Vec::new();
        for token in text.split(' ').filter(|t| !t.is_empty() && *t != "-") {
            if matches!(token, "+" | "$" | "^" | "%") {
                continue;
            }
            let Some((prep, rest)) = token.split_once('(') else {
                items.push(Item::Words(self.phrase(token, '_')?));
                continue;
            };
            let inner = rest.trim_end_matches(')');
            let mut object = None;
            let mut role = if inner.is_empty() { Some(true) } else { None };
            for part in inner.split(',').filter(|p| !p.is_empty()) {
                match part {
                    "+" => role = Some(true),
                    "$" => role = Some(false),
                    "^" | "%" => {}
                    _ if object.is_none() => object = Some(self.phrase(part, '_')?),
                    _ => {}
                }
            }
            items.push(Item::Group {
                prep: self.phrase(prep, '_')?,
                object,
                target: role,
            });
        }
        Ok(items.into_boxed_slice())
    }

    fn record(&mut self, fields: &[&str]) -> Result<(), String> {
        match fields {
            ["C", cameo, cat, mode, context, flag_text] => {
                let id = self.senses.len() as u16;
                self.sense_ids.entry((*cameo).to_owned()).or_insert(id);
                self.senses.push(Sense {
                    cameo: (*cameo).into(),
                    category: category(cat)?,
                    mode: dash(mode).into(),
                    context: dash(context).into(),
                    flags: flags(flag_text)?,
                });
            }
            ["S", name, phrases] => {
                let id = self.sets.len() as u16;
                self.set_ids
                    .insert(name.trim_start_matches('&').to_owned(), id);
                let list = phrases
                    .split('|')
                    .map(|p| self.phrase(p, ' '))
                    .collect::<Result<Vec<_>, _>>()?;
                self.sets.push(list);
            }
            ["V", form, lemma, block, cameo, tag] => {
                let words = self.phrase(form, ' ')?;
                let lemma = self.lemma(lemma);
                let sense = self.sense_id(cameo)?;
                self.forms.push(VerbForm {
                    words,
                    lemma,
                    block: block.parse().map_err(|_| format!("bad block {block}"))?,
                    sense,
                    participle: tag.contains('p'),
                    nominal: tag.contains('n') || *tag == "N",
                    noun_only: *tag == "N",
                });
            }
            ["P", block, lemma, cameo, flag_text, origin, before, after] => {
                let lemma = (*lemma != "*").then(|| self.lemma(lemma));
                let sense = self.sense_id(cameo)?;
                let before = self.items(before)?;
                let after = self.items(after)?;
                self.patterns.push(Pattern {
                    block: block.parse().map_err(|_| format!("bad block {block}"))?,
                    lemma,
                    sense,
                    flags: flags(flag_text)?,
                    curated: *origin == "curated",
                    before,
                    after,
                });
            }
            [
                "N",
                kind,
                words,
                anchor,
                cameo,
                cat,
                mode,
                context,
                flag_text,
            ] => {
                let phrase = self.phrase(words, ' ')?;
                let sense = self.noun_sense(cameo, cat, mode, context, flag_text)?;
                self.nouns.push(NounEntry {
                    anchor: anchor.parse().map_err(|_| format!("bad anchor {anchor}"))?,
                    phrase,
                    sense,
                    phrase_kind: *kind == "phrase",
                });
            }
            ["M", kind, words] => {
                let kind = match *kind {
                    "negator" => ModifierKind::Negator,
                    "adjacent_negator" => ModifierKind::AdjacentNegator,
                    "hedge" => ModifierKind::Hedge,
                    "echo" => ModifierKind::Echo,
                    "neutral" => ModifierKind::Neutral,
                    other => return Err(format!("unknown modifier kind {other}")),
                };
                let phrase = self.phrase(words, ' ')?;
                self.modifiers.push((kind, phrase));
            }
            _ => return Err(format!("unknown record {:?}", fields.first())),
        }
        Ok(())
    }

    /// The sense of a curated noun: its own category, mode and flags (they may differ from the
    /// code's), added as a new sense.
    fn noun_sense(
        &mut self,
        cameo: &str,
        cat: &str,
        mode: &str,
        context: &str,
        flag_text: &str,
    ) -> Result<u16, String> {
        let sense = Sense {
            cameo: cameo.into(),
            category: category(cat)?,
            mode: dash(mode).into(),
            context: dash(context).into(),
            flags: flags(flag_text)?,
        };
        if let Some(id) = self.senses.iter().position(|s| *s == sense) {
            return Ok(id as u16);
        }
        self.senses.push(sense);
        Ok((self.senses.len() - 1) as u16)
    }
}

/// Parses the whole asset.
pub(super) fn parse(text: &str) -> Result<Tables, ExtractError> {
    let mut tables = Tables::default();
    for (index, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = [""; 9];
        let mut count = 0;
        for field in line.split('\t') {
            if count == fields.len() {
                return Err(malformed(index + 1, "too many fields"));
            }
            fields[count] = field;
            count += 1;
        }
        tables
            .record(&fields[..count])
            .map_err(|message| malformed(index + 1, message))?;
    }
    if tables.senses.is_empty() || tables.forms.is_empty() {
        return Err(malformed(0, "no senses or verb forms"));
    }
    Ok(tables)
}
