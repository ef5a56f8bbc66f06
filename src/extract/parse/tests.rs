//! Unit tests of the parser's API on a tiny model trained here, so they hold whatever the
//! bundled weights are: empty input, long sentences in windows, bad model files, threads.

use super::conllu::GoldWord;
use super::train::{Config, train};
use super::*;

/// A few sentences, enough for a model that produces trees of the right shape.
fn tiny_model() -> Parser {
    let text = "1\tThe\tthe\tDET\t_\t_\t2\tdet\t_\t_\n2\tcat\tcat\tNOUN\t_\t_\t3\tnsubj\t_\t_\n\
                3\tsat\tsit\tVERB\t_\t_\t0\troot\t_\t_\n4\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_\n\n\
                1\tPeru\tPeru\tPROPN\t_\t_\t2\tnsubj\t_\t_\n2\tsigned\tsign\tVERB\t_\t_\t0\troot\t_\t_\n\
                3\ta\ta\tDET\t_\t_\t4\tdet\t_\t_\n4\tdeal\tdeal\tNOUN\t_\t_\t2\tobj\t_\t_\n\
                5\t,\t,\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n";
    let sentences: Vec<Vec<GoldWord>> = conllu::read(text).expect("reads");
    let config = Config {
        tagger_epochs: 3,
        fold_epochs: 2,
        parser_epochs: 3,
        labeler_epochs: 3,
        ..Config::default()
    };
    train(&sentences, &[], &config, &mut |_| {}).model([0.0; 3])
}

fn assert_tree(out: &[ParsedWord]) {
    for (i, word) in out.iter().enumerate() {
        if let Some(head) = word.head {
            assert!(
                (head as usize) < out.len() && head as usize != i,
                "bad head at {i}"
            );
            assert_ne!(word.rel, Rel::Root);
        } else {
            assert_eq!(word.rel, Rel::Root);
        }
    }
    // No cycles: every word reaches a root within len steps.
    for start in 0..out.len() {
        let (mut at, mut steps) = (start, 0);
        while let Some(head) = out[at].head {
            at = head as usize;
            steps += 1;
            assert!(steps <= out.len(), "cycle through {start}");
        }
    }
}

#[test]
fn empty_input_gives_empty_output() {
    let model = tiny_model();
    let mut out = vec![ParsedWord {
        tag: Upos::X,
        head: None,
        rel: Rel::Dep,
    }];
    model.parse(&[], &mut out);
    assert!(out.is_empty());
}

#[test]
fn a_sentence_gets_one_tree_with_one_root() {
    let model = tiny_model();
    let mut out = Vec::new();
    model.parse(&["The", "cat", "signed", "a", "deal", "."], &mut out);
    assert_eq!(out.len(), 6);
    assert_tree(&out);
    assert_eq!(out.iter().filter(|w| w.head.is_none()).count(), 1);
}

#[test]
fn long_input_is_parsed_in_windows_in_linear_time() {
    let model = tiny_model();
    let words: Vec<&str> = ["the", "cat", "sat", ",", "a", "deal", "signed", "."]
        .iter()
        .copied()
        .cycle()
        .take(10_000)
        .collect();
    let mut out = Vec::new();
    let started = std::time::Instant::now();
    model.parse(&words[..1_000], &mut out);
    let small = started.elapsed();
    assert_eq!(out.len(), 1_000);
    let started = std::time::Instant::now();
    model.parse(&words, &mut out);
    let large = started.elapsed();
    assert_eq!(out.len(), 10_000);
    assert_tree(&out);
    // Each window is parsed alone: no arc crosses a window, and there are several roots.
    let roots = out.iter().filter(|w| w.head.is_none()).count();
    assert!(roots >= 10_000 / MAX_WORDS, "{roots} roots");
    for (i, word) in out.iter().enumerate() {
        if let Some(head) = word.head {
            assert!(i.abs_diff(head as usize) < MAX_WORDS);
        }
    }
    // Ten times the words may take at most forty times as long (linear, with slack for noise).
    assert!(
        large.as_secs_f64() <= 40.0 * small.as_secs_f64().max(1e-4),
        "{small:?} for 1,000 words, {large:?} for 10,000"
    );
}

#[test]
fn windows_end_after_punctuation_near_the_limit() {
    let mut tags = vec![Upos::NOUN; 400];
    tags[120] = Upos::PUNCT;
    assert_eq!(window_end(&tags, 0), 121);
    assert_eq!(window_end(&tags, 121), 121 + MAX_WORDS);
    assert_eq!(window_end(&tags[..100], 0), 100);
}

#[test]
fn model_files_round_trip_and_damage_is_an_error() {
    let model = tiny_model();
    let bytes = model.to_bytes();
    assert_eq!(Parser::from_bytes(&bytes).as_ref(), Ok(&model));
    for cut in [0, 10, bytes.len() / 3, bytes.len() - 1] {
        assert!(Parser::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    let mut bad = bytes.clone();
    let last = bad.len() - 1;
    bad[last] ^= 1;
    assert_eq!(Parser::from_bytes(&bad), Err(ParseModelError::Checksum));
    // A well-formed file with the wrong tables is refused too.
    let tables = model_file::sample_tables();
    let other = model_file::encode(&tables.iter().collect::<Vec<_>>());
    assert!(Parser::from_bytes(&other).is_err());
}

#[test]
fn the_parser_is_shared_by_threads() {
    fn assert_sync<T: Sync + Send>() {}
    assert_sync::<Parser>();
    let model = tiny_model();
    let mut expected = Vec::new();
    model.parse(&["Peru", "signed", "a", "deal", "."], &mut expected);
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                let mut out = Vec::new();
                model.parse(&["Peru", "signed", "a", "deal", "."], &mut out);
                assert_eq!(out, expected);
            });
        }
    });
}

#[test]
fn a_present_participle_heads_no_passive() {
    // "Britain is deploying troops", labelled as if passive; "Iraq was attacked" stays.
    let words = [
        "Britain",
        "is",
        "deploying",
        "troops",
        "Iraq",
        "was",
        "attacked",
    ];
    let tags = [
        Upos::PROPN,
        Upos::AUX,
        Upos::VERB,
        Upos::NOUN,
        Upos::PROPN,
        Upos::AUX,
        Upos::VERB,
    ];
    let heads = [2, 2, NONE, 2, 6, 6, NONE];
    let mut labels = [
        Some(Rel::NsubjPass),
        Some(Rel::AuxPass),
        Some(Rel::Root),
        Some(Rel::Obj),
        Some(Rel::NsubjPass),
        Some(Rel::AuxPass),
        Some(Rel::Root),
    ];
    no_passive_under_participles(&words, &tags, &heads, &mut labels);
    assert_eq!(labels[0], Some(Rel::Nsubj));
    assert_eq!(labels[1], Some(Rel::Aux));
    assert_eq!(labels[4], Some(Rel::NsubjPass));
    assert_eq!(labels[5], Some(Rel::AuxPass));
}

#[test]
fn have_before_a_participle_that_modifies_its_object_is_an_auxiliary() {
    // "Chile has suspended food supplies", parsed as "has [suspended food supplies]".
    let words = ["Chile", "has", "suspended", "food", "supplies"];
    let mut tags = [Upos::PROPN, Upos::VERB, Upos::VERB, Upos::NOUN, Upos::NOUN];
    let mut heads = [1, NONE, 4, 4, 1];
    let mut labels = [
        Some(Rel::Nsubj),
        Some(Rel::Root),
        Some(Rel::Amod),
        Some(Rel::Compound),
        Some(Rel::Obj),
    ];
    perfect_tense_heads(&words, &mut tags, &mut heads, &mut labels);
    assert_eq!(heads, [2, 2, NONE, 4, 2]);
    assert_eq!(labels[1], Some(Rel::Aux));
    assert_eq!(labels[2], Some(Rel::Root));
    assert_eq!(tags[1], Upos::AUX);
    // "Peru has armed guards" with "armed" read as an adjective stays as it is.
    let words = ["Peru", "has", "armed", "guards"];
    let mut tags = [Upos::PROPN, Upos::VERB, Upos::ADJ, Upos::NOUN];
    let mut heads = [1, NONE, 3, 1];
    let mut labels = [
        Some(Rel::Nsubj),
        Some(Rel::Root),
        Some(Rel::Amod),
        Some(Rel::Obj),
    ];
    perfect_tense_heads(&words, &mut tags, &mut heads, &mut labels);
    assert_eq!(heads, [1, NONE, 3, 1]);
}

#[test]
fn a_name_beside_a_time_phrase_is_the_subject() {
    // "Denmark last week announced aid", parsed as "[Denmark last week] announced".
    let words = ["Denmark", "last", "week", "announced", "aid"];
    let tags = [Upos::PROPN, Upos::ADJ, Upos::NOUN, Upos::VERB, Upos::NOUN];
    let mut heads = [2, 2, 3, NONE, 3];
    let mut labels = [
        Some(Rel::Compound),
        Some(Rel::Amod),
        Some(Rel::Nsubj),
        Some(Rel::Root),
        Some(Rel::Obj),
    ];
    time_phrases_beside_subjects(&words, &tags, &mut heads, &mut labels);
    assert_eq!(heads, [3, 2, 3, NONE, 3]);
    assert_eq!(labels[0], Some(Rel::Nsubj));
    assert_eq!(labels[2], Some(Rel::OblUnmarked));
    // "Last month Sweden announced aid", with Sweden in apposition to the month.
    let words = ["Last", "month", "Sweden", "announced", "aid"];
    let tags = [Upos::ADJ, Upos::NOUN, Upos::PROPN, Upos::VERB, Upos::NOUN];
    let mut heads = [1, 3, 1, NONE, 3];
    let mut labels = [
        Some(Rel::Amod),
        Some(Rel::OblUnmarked),
        Some(Rel::Appos),
        Some(Rel::Root),
        Some(Rel::Obj),
    ];
    time_phrases_beside_subjects(&words, &tags, &mut heads, &mut labels);
    assert_eq!(heads, [1, 3, 3, NONE, 3]);
    assert_eq!(labels[2], Some(Rel::Nsubj));
    // A verb with a subject of its own keeps it: "Peru signed the deal last week" is untouched.
    let words = ["Peru", "signed", "it", "last", "week"];
    let tags = [Upos::PROPN, Upos::VERB, Upos::PRON, Upos::ADJ, Upos::NOUN];
    let mut heads = [1, NONE, 1, 4, 1];
    let mut labels = [
        Some(Rel::Nsubj),
        Some(Rel::Root),
        Some(Rel::Obj),
        Some(Rel::Amod),
        Some(Rel::OblUnmarked),
    ];
    time_phrases_beside_subjects(&words, &tags, &mut heads, &mut labels);
    assert_eq!(heads, [1, NONE, 1, 4, 1]);
}

#[test]
fn a_verb_after_a_list_of_names_that_opens_the_sentence_heads_it() {
    // "Peru , Chile and Bolivia expelled envoys", with Peru as root and the verb under envoys.
    let tags = [
        Upos::PROPN,
        Upos::PUNCT,
        Upos::PROPN,
        Upos::CCONJ,
        Upos::PROPN,
        Upos::VERB,
        Upos::NOUN,
    ];
    let mut heads = [NONE, 2, 0, 4, 0, 6, 0];
    let mut labels = [
        Some(Rel::Root),
        Some(Rel::Punct),
        Some(Rel::Conj),
        Some(Rel::Cc),
        Some(Rel::Conj),
        Some(Rel::Amod),
        Some(Rel::Obj),
    ];
    verbs_after_leading_lists(&tags, &mut heads, &mut labels);
    assert_eq!(heads, [5, 2, 0, 4, 0, NONE, 5]);
    assert_eq!(labels[0], Some(Rel::Nsubj));
    // The same list as subject of a root noun, the verb its modifier.
    let mut heads = [6, 2, 0, 4, 0, 6, NONE];
    let mut labels = [
        Some(Rel::Nsubj),
        Some(Rel::Punct),
        Some(Rel::Conj),
        Some(Rel::Cc),
        Some(Rel::Conj),
        Some(Rel::Amod),
        Some(Rel::Root),
    ];
    verbs_read_as_modifiers_of_the_root(&tags, &mut heads, &mut labels);
    assert_eq!(heads, [5, 2, 0, 4, 0, NONE, 5]);
    assert_eq!(labels[6], Some(Rel::Obj));
    // One name, no list: left alone.
    let tags = [Upos::PROPN, Upos::VERB, Upos::NOUN];
    let mut heads = [NONE, 2, 0];
    let mut labels = [Some(Rel::Root), Some(Rel::Amod), Some(Rel::Obj)];
    verbs_after_leading_lists(&tags, &mut heads, &mut labels);
    assert_eq!(heads, [NONE, 2, 0]);
}

#[test]
fn a_verb_hung_from_the_name_before_it_heads_it() {
    // "Peru suspended trade ." with Peru as root and the verb as its parataxis.
    let tags = [Upos::PROPN, Upos::VERB, Upos::NOUN, Upos::PUNCT];
    let mut heads = [NONE, 0, 1, 0];
    let mut labels = [
        Some(Rel::Root),
        Some(Rel::Parataxis),
        Some(Rel::Obj),
        Some(Rel::Punct),
    ];
    verbs_after_leading_lists(&tags, &mut heads, &mut labels);
    assert_eq!(heads, [1, NONE, 1, 1]);
    assert_eq!(labels[0], Some(Rel::Nsubj));
    assert_eq!(labels[1], Some(Rel::Root));
}
