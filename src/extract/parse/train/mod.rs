//! Training the tagger, parser and labeler from a treebank (used by `tools/train_parser.rs`).
//!
//! The recipe: the tagger is trained with a share of sentences re-cased in Title Case or ALL
//! CAPS each epoch; the training sentences' tags are predicted by jackknifing (each fold tagged
//! by a tagger trained on the other folds, plain and title-cased), so the parser and labeler
//! learn from tags as wrong as the ones they will see; the parser learns with the dynamic oracle
//! and exploration; the labeler learns on the gold trees. Everything is deterministic: one
//! seeded generator drives the shuffles and choices, and no hash map is ever iterated unsorted.

mod oracle;
mod perceptron;

use super::conllu::{GoldWord, Scores, title_case};
use super::features::{CaseMode, WordInfo, lexicon_key};
use super::labeler::{self, Tree};
use super::labels::{Rel, Upos};
use super::parser::{self, MOVES, NONE, State};
use super::tagger;
use super::weights::{Row, Weights};
use super::{ParseScratch, Parser};
use perceptron::Perceptron;

/// Training settings.
#[derive(Clone, Debug)]
pub struct Config {
    /// Epochs of the final tagger.
    pub tagger_epochs: usize,
    /// Jackknife folds.
    pub folds: usize,
    /// Epochs of each jackknife tagger.
    pub fold_epochs: usize,
    /// Epochs of the parser.
    pub parser_epochs: usize,
    /// Epochs of the labeler.
    pub labeler_epochs: usize,
    /// Share of sentences seen in Title Case.
    pub title_share: f64,
    /// Share of sentences seen in ALL CAPS (tagger only).
    pub upper_share: f64,
    /// First parser epoch (0-based) that follows its own predictions.
    pub explore_from: usize,
    /// How often it follows them from then on.
    pub explore_rate: f64,
    /// Weights below this fraction of the largest are dropped from the model.
    pub prune: f64,
    /// Seed of every random choice.
    pub seed: u64,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            tagger_epochs: 8,
            folds: 5,
            fold_epochs: 5,
            parser_epochs: 12,
            labeler_epochs: 8,
            title_share: 0.1,
            upper_share: 0.03,
            explore_from: 1,
            explore_rate: 0.9,
            prune: 0.0,
            seed: 20_261_201,
        }
    }
}

/// The splitmix64 generator: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        super::features::mix64(self.0)
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// How a sentence's words are re-cased.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Casing {
    /// As written.
    AsIs,
    /// Every word capitalised, as in "Peru And Kenya Sign Trade Agreement".
    Title,
    /// Title Case with short function words left lower case ("Talks on the Border").
    TitleAp,
    /// ALL CAPS.
    Upper,
}

const SMALL_WORDS: [&str; 16] = [
    "a", "an", "and", "as", "at", "but", "by", "for", "in", "nor", "of", "on", "or", "the", "to",
    "with",
];

/// The words re-cased.
pub fn recase(forms: &[String], casing: Casing) -> Vec<String> {
    forms
        .iter()
        .enumerate()
        .map(|(i, form)| match casing {
            Casing::AsIs => form.clone(),
            Casing::Upper => form.to_uppercase(),
            Casing::Title | Casing::TitleAp => {
                let keep = form.starts_with('\'')
                    || form.starts_with("n'")
                    || (casing == Casing::TitleAp && i > 0 && SMALL_WORDS.contains(&form.as_str()));
                if keep { form.clone() } else { title_case(form) }
            }
        })
        .collect()
}

/// One training sentence.
struct Sample {
    forms: Vec<String>,
    infos: Vec<WordInfo>,
    tags: Vec<Upos>,
    /// Gold heads, `n` for the root.
    heads: Vec<u32>,
    rels: Vec<Rel>,
}

impl Sample {
    fn of(sentence: &[GoldWord], lower: &mut String) -> Sample {
        let n = sentence.len() as u32;
        Sample {
            forms: sentence.iter().map(|w| w.form.clone()).collect(),
            infos: sentence
                .iter()
                .map(|w| WordInfo::of(&w.form, lower))
                .collect(),
            tags: sentence.iter().map(|w| w.tag).collect(),
            heads: sentence.iter().map(|w| w.head.unwrap_or(n)).collect(),
            rels: sentence.iter().map(|w| w.rel).collect(),
        }
    }
}

/// Trains a model on `train`; `log` gets progress lines, `dev` (if not empty) is parsed after
/// the later parser epochs to show where accuracy levels off.
pub fn train(
    train: &[Vec<GoldWord>],
    dev: &[Vec<GoldWord>],
    config: &Config,
    log: &mut dyn FnMut(String),
) -> Learnt {
    let mut rng = Rng(config.seed);
    let mut lower = String::new();
    let lexicon = build_lexicon(train.iter());
    let mut samples: Vec<Sample> = train.iter().map(|s| Sample::of(s, &mut lower)).collect();
    // Jackknifed tags, plain and title-cased.
    let folds = config.folds.max(2);
    let count = samples.len().max(1);
    let fold_of = |i: usize| i * folds / count;
    // Each training word's tag set comes from the other folds, so that the classifiers learn
    // what an unknown word looks like as often as it happens on new text.
    for fold in 0..folds {
        let others = train
            .iter()
            .enumerate()
            .filter(|(i, _)| fold_of(*i) != fold);
        let fold_lexicon = build_lexicon(others.map(|(_, s)| s));
        for (i, sample) in samples.iter_mut().enumerate() {
            if fold_of(i) == fold {
                set_classes(&fold_lexicon, &mut sample.infos);
            }
        }
    }
    let mut plain: Vec<Vec<Upos>> = vec![Vec::new(); samples.len()];
    let mut title: Vec<Vec<Upos>> = vec![Vec::new(); samples.len()];
    let mut scratch = ParseScratch::default();
    for fold in 0..folds {
        let held = |i: usize| fold_of(i) == fold;
        let fold_lexicon = build_lexicon(
            train
                .iter()
                .enumerate()
                .filter(|(i, _)| !held(*i))
                .map(|(_, s)| s),
        );
        let others: Vec<&Sample> = (0..samples.len())
            .filter(|&i| !held(i))
            .map(|i| &samples[i])
            .collect();
        let weights = train_tagger(&others, config.fold_epochs, config, &mut rng).export(0.0);
        let mut correct = (0usize, 0usize);
        for i in (0..samples.len()).filter(|&i| held(i)) {
            for (casing, out) in [
                (Casing::AsIs, &mut plain[i]),
                (Casing::Title, &mut title[i]),
            ] {
                let forms = recase(&samples[i].forms, casing);
                tag_forms(&weights, &fold_lexicon, &forms, &mut scratch, out);
            }
            correct.0 += plain[i]
                .iter()
                .zip(&samples[i].tags)
                .filter(|(a, b)| a == b)
                .count();
            correct.1 += samples[i].tags.len();
        }
        log(format!(
            "jackknife fold {fold}: UPOS {:.2}",
            100.0 * correct.0 as f64 / correct.1.max(1) as f64
        ));
    }
    let all: Vec<&Sample> = samples.iter().collect();
    let tagger = train_tagger(&all, config.tagger_epochs, config, &mut rng);
    log(format!("tagger: {} rows", tagger.rows()));
    let labeler = train_labeler(&samples, &plain, config, &mut rng);
    log(format!("labeler: {} rows", labeler.rows()));
    let tagger_weights = tagger.export(config.prune);
    let mut dev_samples: Vec<Sample> = dev.iter().map(|s| Sample::of(s, &mut lower)).collect();
    for sample in &mut dev_samples {
        set_classes(&lexicon, &mut sample.infos);
    }
    let mut dev_tags: Vec<Vec<Upos>> = Vec::with_capacity(dev_samples.len());
    for sample in &dev_samples {
        let mut tags = Vec::new();
        tag_forms(
            &tagger_weights,
            &lexicon,
            &sample.forms,
            &mut scratch,
            &mut tags,
        );
        dev_tags.push(tags);
    }
    let parser = train_parser(
        &samples,
        [&plain, &title],
        config,
        &mut rng,
        &mut |epoch, p| {
            if dev_samples.is_empty() || epoch + 4 < config.parser_epochs {
                return;
            }
            let weights = p.export(config.prune);
            let uas = parser_uas(&weights, &dev_samples, &dev_tags);
            log(format!(
                "parser epoch {epoch}: dev UAS {uas:.2} ({} rows)",
                weights.len()
            ));
        },
    );
    log(format!("parser: {} rows", parser.rows()));
    Learnt {
        tagger,
        parser,
        labeler,
        lexicon,
    }
}

/// Word -> the tags it had in training: tags with at least a twentieth of a word's (lower-cased)
/// occurrences, for words seen at least twice; weights are the shares in percent.
fn build_lexicon<'a>(sentences: impl Iterator<Item = &'a Vec<GoldWord>>) -> Weights {
    let mut counts: std::collections::BTreeMap<u32, [u32; Upos::COUNT]> =
        std::collections::BTreeMap::default();
    let mut lower = String::new();
    for word in sentences.flatten() {
        let info = WordInfo::of(&word.form, &mut lower);
        counts.entry(lexicon_key(info.lower)).or_default()[word.tag as usize] += 1;
    }
    let rows: Vec<Row> = counts
        .into_iter()
        .filter_map(|(key, counts)| {
            let total: u32 = counts.iter().sum();
            let entries: Vec<(u8, i16)> = (0..Upos::COUNT)
                .filter(|&t| counts[t] > 0 && counts[t] * 20 >= total)
                .map(|t| (t as u8, (counts[t] * 100 / total) as i16))
                .collect();
            (total >= 2).then_some((key, entries))
        })
        .collect();
    Weights::from_rows(Upos::COUNT, &rows)
}

fn set_classes(lexicon: &Weights, infos: &mut [WordInfo]) {
    for info in infos {
        info.classes = lexicon.class_mask(lexicon_key(info.lower));
    }
}

/// The three trained learners, before averaging and pruning.
pub struct Learnt {
    tagger: Perceptron,
    parser: Perceptron,
    labeler: Perceptron,
    lexicon: Weights,
}

impl Learnt {
    /// The model with averaged weights below `prune` (tagger, parser, labeler; in perceptron
    /// update units) dropped.
    pub fn model(&self, prune: [f64; 3]) -> Parser {
        Parser {
            tagger: self.tagger.export(prune[0]),
            transitions: self.parser.export(prune[1]),
            labeler: self.labeler.export(prune[2]),
            lexicon: self.lexicon.clone(),
        }
    }
}

fn tag_forms(
    weights: &Weights,
    lexicon: &Weights,
    forms: &[String],
    scratch: &mut ParseScratch,
    out: &mut Vec<Upos>,
) {
    let words: Vec<&str> = forms.iter().map(String::as_str).collect();
    let mode = CaseMode::of(&words);
    scratch.infos.clear();
    for word in &words {
        let info = WordInfo::of(word, &mut scratch.lower);
        scratch.infos.push(info);
    }
    set_classes(lexicon, &mut scratch.infos);
    tagger::tag(weights, &scratch.infos, mode, out, &mut scratch.keys);
}

fn train_tagger(samples: &[&Sample], epochs: usize, config: &Config, rng: &mut Rng) -> Perceptron {
    let mut model = Perceptron::new(Upos::COUNT);
    let mut order: Vec<usize> = (0..samples.len()).collect();
    let (mut keys, mut scores, mut lower) = (Vec::new(), [0f32; Upos::COUNT], String::new());
    let mut infos: Vec<WordInfo> = Vec::new();
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let sample = samples[i];
            let casing = if rng.chance(config.title_share) {
                if rng.chance(0.5) {
                    Casing::Title
                } else {
                    Casing::TitleAp
                }
            } else if rng.chance(config.upper_share) {
                Casing::Upper
            } else {
                Casing::AsIs
            };
            let forms = recase(&sample.forms, casing);
            let words: Vec<&str> = forms.iter().map(String::as_str).collect();
            let mode = CaseMode::of(&words);
            infos.clear();
            infos.extend(words.iter().zip(&sample.infos).map(|(w, known)| WordInfo {
                classes: known.classes,
                ..WordInfo::of(w, &mut lower)
            }));
            let mut prev = [40u64, 40];
            for (j, &gold) in sample.tags.iter().enumerate() {
                tagger::features(&infos, mode, j, prev, &mut keys);
                model.score(&keys, &mut scores);
                let guess = best(&scores, |_| true);
                model.update(&keys, gold as usize, guess);
                model.tick();
                prev = [guess as u64, prev[0]];
            }
        }
    }
    model
}

/// Index of the highest score among allowed classes (the first on ties).
fn best(scores: &[f32], allowed: impl Fn(usize) -> bool) -> usize {
    let mut top = (0usize, f32::NEG_INFINITY);
    for (class, &score) in scores.iter().enumerate() {
        if allowed(class) && score > top.1 {
            top = (class, score);
        }
    }
    top.0
}

fn train_parser(
    samples: &[Sample],
    tags: [&[Vec<Upos>]; 2],
    config: &Config,
    rng: &mut Rng,
    after_epoch: &mut dyn FnMut(usize, &Perceptron),
) -> Perceptron {
    let mut model = Perceptron::new(MOVES);
    let mut order: Vec<usize> = (0..samples.len()).collect();
    let (mut keys, mut scores, mut state) = (Vec::new(), [0f32; MOVES], State::default());
    for epoch in 0..config.parser_epochs {
        rng.shuffle(&mut order);
        let explore = epoch >= config.explore_from;
        for &i in &order {
            let sample = &samples[i];
            let sentence_tags = if rng.chance(config.title_share) {
                &tags[1][i]
            } else {
                &tags[0][i]
            };
            state.reset(sentence_tags);
            while !state.done() {
                parser::features(&state, &sample.infos, sentence_tags, &mut keys);
                model.score(&keys, &mut scores);
                let costs = oracle::costs(&state, &sample.heads);
                let cheapest = costs.iter().copied().min().unwrap_or(0);
                let guess = best(&scores, |m| costs[m] != u32::MAX);
                let truth = best(&scores, |m| costs[m] == cheapest);
                if costs[guess] > cheapest {
                    model.update(&keys, truth, guess);
                }
                model.tick();
                let follow = explore && rng.chance(config.explore_rate);
                state.apply(if follow { guess } else { truth });
            }
        }
        after_epoch(epoch, &model);
    }
    model
}

fn train_labeler(
    samples: &[Sample],
    tags: &[Vec<Upos>],
    config: &Config,
    rng: &mut Rng,
) -> Perceptron {
    let mut model = Perceptron::new(Rel::COUNT);
    let mut order: Vec<usize> = (0..samples.len()).collect();
    let (mut keys, mut scores, mut tree) = (Vec::new(), [0f32; Rel::COUNT], Tree::default());
    let (mut heads, mut labels) = (Vec::new(), Vec::new());
    for _ in 0..config.labeler_epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let sample = &samples[i];
            let n = sample.heads.len() as u32;
            heads.clear();
            heads.extend(sample.heads.iter().map(|&h| if h == n { NONE } else { h }));
            tree.build(&heads);
            labels.clear();
            labels.resize(heads.len(), None);
            for &d in tree.order() {
                let d = d as usize;
                if heads[d] == NONE {
                    labels[d] = Some(Rel::Root);
                    continue;
                }
                labeler::features(
                    &tree,
                    &heads,
                    &sample.infos,
                    &tags[i],
                    &labels,
                    d,
                    &mut keys,
                );
                model.score(&keys, &mut scores);
                let guess = best(&scores, |c| c != Rel::Root as usize);
                model.update(&keys, sample.rels[d] as usize, guess);
                model.tick();
                labels[d] = Rel::from_index(guess);
            }
        }
    }
    model
}

fn parser_uas(weights: &Weights, samples: &[Sample], tags: &[Vec<Upos>]) -> f64 {
    let (mut state, mut keys, mut heads) = (State::default(), Vec::new(), Vec::new());
    let (mut right, mut total) = (0usize, 0usize);
    for (sample, tags) in samples.iter().zip(tags) {
        parser::parse(
            weights,
            &sample.infos,
            tags,
            &mut state,
            &mut keys,
            &mut heads,
        );
        let n = sample.heads.len() as u32;
        for (&h, &g) in heads.iter().zip(&sample.heads) {
            right += usize::from((if h == NONE { n } else { h }) == g);
            total += 1;
        }
    }
    100.0 * right as f64 / total.max(1) as f64
}

/// Parses `sentences` (re-cased as asked) and scores the result against their gold trees.
pub fn evaluate(model: &Parser, sentences: &[Vec<GoldWord>], casing: Casing) -> Scores {
    let mut scores = Scores::default();
    let mut out = Vec::new();
    let (mut tags, mut heads, mut rels) = (Vec::new(), Vec::new(), Vec::new());
    for sentence in sentences {
        let forms: Vec<String> = sentence.iter().map(|w| w.form.clone()).collect();
        let forms = recase(&forms, casing);
        let words: Vec<&str> = forms.iter().map(String::as_str).collect();
        model.parse(&words, &mut out);
        tags.clear();
        heads.clear();
        rels.clear();
        for word in &out {
            tags.push(word.tag);
            heads.push(word.head);
            rels.push(word.rel);
        }
        scores.add(sentence, &tags, &heads, &rels);
    }
    scores
}
