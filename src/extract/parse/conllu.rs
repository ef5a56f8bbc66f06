//! Reading CoNLL-U treebanks (the training tool, the accuracy tests and the bench use it).
//!
//! Only syntactic words are kept: multiword-token ranges (`1-2`) and empty nodes (`1.1`) are
//! skipped, as the parser sees the words a UD tokenizer gives it.

use super::labels::{Rel, Upos};

/// One word of a treebank sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldWord {
    /// The form.
    pub form: String,
    /// Its UPOS tag.
    pub tag: Upos,
    /// 0-based index of its head, `None` for the root.
    pub head: Option<u32>,
    /// Its relation.
    pub rel: Rel,
}

/// Reads every sentence of a CoNLL-U text; lines that do not parse are an error naming the line.
pub fn read(text: &str) -> Result<Vec<Vec<GoldWord>>, String> {
    let mut sentences = Vec::new();
    let mut current: Vec<GoldWord> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        let bad = |what: &str| format!("line {}: {what}", number + 1);
        if columns.len() != 10 {
            return Err(bad("not 10 columns"));
        }
        if columns[0].contains(['-', '.']) {
            continue;
        }
        let head: u32 = columns[6].parse().map_err(|_| bad("bad head"))?;
        current.push(GoldWord {
            form: columns[1].to_owned(),
            tag: Upos::parse(columns[3]).ok_or_else(|| bad("unknown UPOS"))?,
            head: head.checked_sub(1),
            rel: Rel::parse(columns[7]).ok_or_else(|| bad("unknown relation"))?,
        });
    }
    if !current.is_empty() {
        sentences.push(current);
    }
    for (i, sentence) in sentences.iter().enumerate() {
        if sentence
            .iter()
            .any(|w| w.head.is_some_and(|h| h as usize >= sentence.len()))
        {
            return Err(format!("sentence {}: head out of range", i + 1));
        }
    }
    Ok(sentences)
}

/// Word-level accuracy of predicted tags and trees against gold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scores {
    /// Words scored.
    pub words: usize,
    /// Right UPOS.
    pub tags: usize,
    /// Right head.
    pub heads: usize,
    /// Right head and relation (with subtype).
    pub labelled: usize,
    /// Right head and universal relation (the `CoNLL` 2018 LAS).
    pub universal: usize,
}

impl Scores {
    /// Adds one sentence.
    pub fn add(&mut self, gold: &[GoldWord], tags: &[Upos], heads: &[Option<u32>], rels: &[Rel]) {
        for (i, g) in gold.iter().enumerate() {
            self.words += 1;
            let head_ok = heads.get(i) == Some(&g.head);
            let rel = rels.get(i).copied();
            self.tags += usize::from(tags.get(i) == Some(&g.tag));
            self.heads += usize::from(head_ok);
            self.labelled += usize::from(head_ok && rel == Some(g.rel));
            self.universal +=
                usize::from(head_ok && rel.map(Rel::universal) == Some(g.rel.universal()));
        }
    }

    fn percent(part: usize, whole: usize) -> f64 {
        if whole == 0 {
            0.0
        } else {
            100.0 * part as f64 / whole as f64
        }
    }

    /// UPOS accuracy in percent.
    pub fn upos(&self) -> f64 {
        Self::percent(self.tags, self.words)
    }

    /// Unlabelled attachment score in percent.
    pub fn uas(&self) -> f64 {
        Self::percent(self.heads, self.words)
    }

    /// Labelled attachment score (full relations) in percent.
    pub fn las(&self) -> f64 {
        Self::percent(self.labelled, self.words)
    }

    /// Labelled attachment score on universal relations in percent.
    pub fn las_universal(&self) -> f64 {
        Self::percent(self.universal, self.words)
    }
}

impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "UPOS {:.2}  UAS {:.2}  LAS {:.2}  (universal LAS {:.2}; {} words)",
            self.upos(),
            self.uas(),
            self.las(),
            self.las_universal(),
            self.words
        )
    }
}

/// Title-cases a word the way headlines do: first letter up, the rest as it was.
pub fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
