//! Tagging and parsing speed in words per second, and the model's load time.
//!
//! Sentences come from the committed slice of UD EWT test (tests/data/ewt-test-slice.conllu).
//! Run: `cargo bench --bench parse --no-default-features`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tiemap::extract::parse::{Parser, conllu};

const SLICE: &str = include_str!("../tests/data/ewt-test-slice.conllu");

fn bench(c: &mut Criterion) {
    let sentences = conllu::read(SLICE).expect("the slice parses");
    let forms: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.iter().map(|w| w.form.as_str()).collect())
        .collect();
    let words: usize = forms.iter().map(Vec::len).sum();
    let model = Parser::bundled().expect("bundled model");
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Elements(words as u64));
    group.bench_function("tag+parse EWT slice (words)", |b| {
        let mut out = Vec::new();
        b.iter(|| {
            for sentence in &forms {
                model.parse(black_box(sentence), &mut out);
                black_box(&out);
            }
        });
    });
    group.finish();
    let bytes = std::fs::read("assets/parser.bin").expect("assets/parser.bin");
    c.bench_function("load parser.bin", |b| {
        b.iter(|| Parser::from_bytes(black_box(&bytes)).expect("decodes"));
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
