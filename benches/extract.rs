//! Extraction speed: the whole pipeline and each stage, in bytes of text per second.
//!
//! The corpus (12 MB or more) is generated from the repository's own texts: the bundled article,
//! the paragraphs of tests/fixtures (when present) and the currency spec's sentences, shuffled
//! deterministically into article-sized documents with the country names varied, so that every
//! run measures the same text. The goal (issue 3) is 20 MB/s per core for `Extractor::extract`;
//! each stage is measured alone too, so that a slow pipeline points at its slow stage.
//!
//! Money reading is also run on hostile input (one long line, digit runs, nested brackets) at
//! two sizes: equal MB/s at both sizes shows it is linear. The load of the gazetteer and the
//! cue lexicon (issue 3: under 50 ms) is timed as well.
//!
//! Run: `cargo bench --bench extract --no-default-features`.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tiemap::extract::money::find_money;
use tiemap::extract::{DocDate, Extractor, Gazetteer, Lexicon, coref, figures, sentences, ties};
use tiemap::model::Document;

/// Size of the generated corpus.
const CORPUS_BYTES: usize = 12 << 20;
/// Sentences per generated document (about an article's length).
const SENTENCES_PER_DOCUMENT: usize = 24;

/// Names swapped in turn for each other across documents, so the corpus is not one article
/// repeated: the gazetteer sees many actors.
const COUNTRY_ROTATION: [&str; 16] = [
    "China",
    "Russia",
    "India",
    "Brazil",
    "Germany",
    "France",
    "Japan",
    "Turkey",
    "Iran",
    "Poland",
    "Mexico",
    "Egypt",
    "Nigeria",
    "Canada",
    "Australia",
    "Indonesia",
];

/// A small deterministic generator (64-bit LCG): the corpus is the same on every run.
struct Shuffle(u64);

impl Shuffle {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }
}

/// The quoted strings of a RON or JSON fixture that read like prose (40 bytes or more).
fn prose_strings(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = source;
    while let Some(open) = rest.find('"') {
        let after = &rest[open + 1..];
        let mut end = None;
        let mut escaped = false;
        for (index, ch) in after.char_indices() {
            match ch {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => {
                    end = Some(index);
                    break;
                }
                _ => escaped = false,
            }
        }
        let Some(end) = end else { break };
        let text = &after[..end];
        if text.len() >= 40 && text.contains(' ') {
            found.push(text.replace("\\\"", "\"").replace("\\n", "\n"));
        }
        rest = &after[end + 1..];
    }
    found
}

/// Every paragraph the repository has: the article, fixtures, the currency spec's inputs.
fn source_paragraphs() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paragraphs = Vec::new();
    if let Ok(article) = std::fs::read_to_string(root.join("data/article.txt")) {
        paragraphs.push(article);
    }
    let mut fixture_files = Vec::new();
    let mut folders = vec![root.join("tests/fixtures")];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                fixture_files.push(path);
            }
        }
    }
    fixture_files.sort();
    for path in fixture_files {
        let Ok(source) = std::fs::read_to_string(&path) else {
            continue;
        };
        if path.extension().is_some_and(|ext| ext == "txt") {
            paragraphs.push(source);
        } else {
            paragraphs.extend(prose_strings(&source));
        }
    }
    if let Ok(spec) = std::fs::read_to_string(root.join("tests/data/CurrencyModel.json")) {
        paragraphs.extend(prose_strings(&spec));
    }
    paragraphs
}

/// The generated corpus as documents of about an article's length.
fn corpus() -> Vec<Document> {
    let paragraphs = source_paragraphs();
    let mut pool: Vec<String> = Vec::new();
    for paragraph in &paragraphs {
        for span in sentences::split_sentences(paragraph) {
            if let Some(sentence) = span.slice(paragraph) {
                pool.push(sentence.to_owned());
            }
        }
    }
    assert!(!pool.is_empty(), "no text to build the corpus from");
    let mut shuffle = Shuffle(0x7469_656d_6170);
    let mut documents = Vec::new();
    let mut total = 0;
    while total < CORPUS_BYTES {
        let index = documents.len();
        let first = COUNTRY_ROTATION[index % COUNTRY_ROTATION.len()];
        let second =
            COUNTRY_ROTATION[(index / COUNTRY_ROTATION.len() + index + 1) % COUNTRY_ROTATION.len()];
        let mut text = String::new();
        for _ in 0..SENTENCES_PER_DOCUMENT {
            let sentence = &pool[shuffle.next() % pool.len()];
            let varied = sentence.replace("China", first).replace("Russia", second);
            text.push_str(&varied);
            text.push(if shuffle.next().is_multiple_of(5) {
                '\n'
            } else {
                ' '
            });
        }
        total += text.len();
        documents.push(Document {
            id: format!("doc{index}"),
            title: None,
            date: Some(format!("{}-{:02}", 1995 + index % 30, 1 + index % 12)),
            text,
        });
    }
    documents
}

fn corpus_bytes(documents: &[Document]) -> u64 {
    documents
        .iter()
        .map(|document| document.text.len() as u64)
        .sum()
}

fn pipeline(c: &mut Criterion) {
    let documents = corpus();
    let bytes = corpus_bytes(&documents);
    let extractor = Extractor::new().expect("built-in assets load");
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("extract", |b| {
        b.iter(|| {
            for document in &documents {
                black_box(extractor.extract(black_box(document)));
            }
        });
    });
    group.finish();
}

fn stages(c: &mut Criterion) {
    let documents = corpus();
    let bytes = corpus_bytes(&documents);
    let extractor = Extractor::new().expect("built-in assets load");
    let lexicon = Lexicon::builtin().expect("lexicon loads");
    let dates: Vec<Option<DocDate>> = documents
        .iter()
        .map(|document| document.date.as_deref().and_then(DocDate::parse))
        .collect();
    let split: Vec<_> = documents
        .iter()
        .map(|document| sentences::split_sentences(&document.text))
        .collect();
    let mentions: Vec<_> = documents
        .iter()
        .zip(&split)
        .zip(&dates)
        .map(|((document, sentences), date)| {
            let mut mentions =
                extractor
                    .gazetteer()
                    .find_mentions(&document.text, sentences, *date);
            coref::resolve_references(&document.text, sentences, &mut mentions);
            mentions.sort_by_key(|mention| (mention.span.start, mention.span.end));
            mentions
        })
        .collect();

    let mut group = c.benchmark_group("stage");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("sentences", |b| {
        b.iter(|| {
            for document in &documents {
                black_box(sentences::split_sentences(black_box(&document.text)));
            }
        });
    });
    group.bench_function("mentions", |b| {
        b.iter(|| {
            for ((document, sentences), date) in documents.iter().zip(&split).zip(&dates) {
                black_box(
                    extractor
                        .gazetteer()
                        .find_mentions(&document.text, sentences, *date),
                );
            }
        });
    });
    group.bench_function("coref", |b| {
        b.iter(|| {
            for ((document, sentences), found) in documents.iter().zip(&split).zip(&mentions) {
                let mut found = found.clone();
                coref::resolve_references(&document.text, sentences, &mut found);
                black_box(found);
            }
        });
    });
    let parser = tiemap::extract::parse::Parser::bundled().expect("parser loads");
    group.bench_function("ties", |b| {
        b.iter(|| {
            for ((document, sentences), found) in documents.iter().zip(&split).zip(&mentions) {
                black_box(ties::extract_ties(
                    &document.id,
                    &document.text,
                    sentences,
                    found,
                    &lexicon,
                    parser,
                ));
            }
        });
    });
    group.bench_function("figures", |b| {
        b.iter(|| {
            for (((document, sentences), found), date) in
                documents.iter().zip(&split).zip(&mentions).zip(&dates)
            {
                black_box(figures::extract_figures(
                    &document.id,
                    &document.text,
                    sentences,
                    found,
                    *date,
                    Some(parser),
                ));
            }
        });
    });
    group.bench_function("find_money", |b| {
        b.iter(|| {
            for document in &documents {
                black_box(find_money(black_box(&document.text)));
            }
        });
    });
    group.finish();
}

/// Start-up: the gazetteer (parsed and its automaton built, without the process cache) and
/// the cue lexicon, as `Extractor::new` loads them. Issue 3 asks for under 50 ms.
fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.bench_function("gazetteer_and_lexicon", |b| {
        b.iter(|| {
            black_box(Gazetteer::build_builtin().expect("gazetteer loads"));
            black_box(Lexicon::builtin().expect("lexicon loads"));
        });
    });
    group.finish();
}

/// Money reading on hostile input at two sizes: the same MB/s at both means linear time.
fn money_hostile(c: &mut Criterion) {
    let line: String = corpus()
        .iter()
        .map(|document| document.text.replace('\n', " "))
        .collect::<Vec<_>>()
        .join(" ");
    let mut group = c.benchmark_group("find_money");
    for size in [1usize << 20, 8 << 20] {
        let mut cut = size.min(line.len());
        while !line.is_char_boundary(cut) {
            cut -= 1;
        }
        let inputs = [
            ("one_line", line[..cut].to_owned()),
            ("digits", "1234567890".repeat(size / 10)),
            ("dollar_digits", "$1234567890 ".repeat(size / 12)),
            (
                "nested_brackets",
                format!("{}$5 billion{}", "(".repeat(size / 2), ")".repeat(size / 2)),
            ),
            (
                "conversions",
                "1.28 trillion yuan ($190 billion) ".repeat(size / 34),
            ),
        ];
        for (name, text) in inputs {
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_function(format!("{name}/{}MB", size >> 20), |b| {
                b.iter(|| black_box(find_money(black_box(&text))));
            });
        }
    }
    group.finish();
}

fn config() -> Criterion {
    // Two cores shared by a team: short, few samples; the corpus is large enough to be steady.
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
}

criterion_group! {
    name = benches;
    config = config();
    targets = pipeline, stages, load, money_hostile
}
criterion_main!(benches);
