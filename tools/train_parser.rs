//! Trains the bundled tagger and parser on UD English Web Treebank and writes assets/parser.bin.
//!
//! `cargo run --release --no-default-features --bin train-parser -- --ud ../shared/ref/ud-ewt
//! --out assets/parser.bin` reads en_ewt-ud-{train,dev,test}.conllu, trains on train (choosing
//! nothing on test), prints dev and test accuracy, as written and title-cased, and the model's
//! size and load time. Deterministic: the same data and settings give the same file.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use clap::Parser as _;
use tiemap::extract::parse::Parser;
use tiemap::extract::parse::conllu::{self, GoldWord};
use tiemap::extract::parse::train::{self, Casing, Config};

/// Command-line options.
#[derive(clap::Parser, Debug)]
struct Args {
    /// Directory with en_ewt-ud-{train,dev,test}.conllu.
    #[arg(long, default_value = "../shared/ref/ud-ewt")]
    ud: PathBuf,
    /// Where to write the model.
    #[arg(long, default_value = "assets/parser.bin")]
    out: PathBuf,
    /// Parser epochs.
    #[arg(long, default_value_t = Config::default().parser_epochs)]
    parser_epochs: usize,
    /// Tagger epochs.
    #[arg(long, default_value_t = Config::default().tagger_epochs)]
    tagger_epochs: usize,
    /// Labeler epochs.
    #[arg(long, default_value_t = Config::default().labeler_epochs)]
    labeler_epochs: usize,
    /// Jackknife folds.
    #[arg(long, default_value_t = Config::default().folds)]
    folds: usize,
    /// Drop averaged weights below these (tagger, parser, labeler; in update units).
    #[arg(long, num_args = 3, default_values_t = [0.0, 0.0, 0.0])]
    prune: Vec<f64>,
    /// Other pruning levels (same for all three) to report on dev before writing.
    #[arg(long, num_args = 0..)]
    try_prune: Vec<f64>,
    /// First parser epoch that follows its own predictions.
    #[arg(long, default_value_t = Config::default().explore_from)]
    explore_from: usize,
    /// How often it follows them.
    #[arg(long, default_value_t = Config::default().explore_rate)]
    explore_rate: f64,
    /// Also train on dev (after choosing epochs on it).
    #[arg(long)]
    with_dev: bool,
}

fn read(dir: &std::path::Path, part: &str) -> anyhow::Result<Vec<Vec<GoldWord>>> {
    let path = dir.join(format!("en_ewt-ud-{part}.conllu"));
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    conllu::read(&text).map_err(|message| anyhow::anyhow!("{}: {message}", path.display()))
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let (train_set, dev, test) = (
        read(&args.ud, "train")?,
        read(&args.ud, "dev")?,
        read(&args.ud, "test")?,
    );
    let config = Config {
        parser_epochs: args.parser_epochs,
        tagger_epochs: args.tagger_epochs,
        labeler_epochs: args.labeler_epochs,
        folds: args.folds,
        explore_from: args.explore_from,
        explore_rate: args.explore_rate,
        ..Config::default()
    };
    eprintln!("{config:?}");
    let started = Instant::now();
    let mut log = |line: String| eprintln!("[{:6.1}s] {line}", started.elapsed().as_secs_f64());
    let learnt = if args.with_dev {
        let mut all = train_set.clone();
        all.extend(dev.iter().cloned());
        train::train(&all, &[], &config, &mut log)
    } else {
        train::train(&train_set, &dev, &config, &mut log)
    };
    for &level in &args.try_prune {
        let model = learnt.model([level; 3]);
        let scores = train::evaluate(&model, &dev, Casing::AsIs);
        let size = model.to_bytes().len();
        log(format!(
            "prune {level}: rows {:?}, {size} bytes, dev {scores}",
            model.sizes()
        ));
    }
    let prune = [args.prune[0], args.prune[1], args.prune[2]];
    let model = learnt.model(prune);
    log(format!("trained; rows {:?}", model.sizes()));
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    let load = Instant::now();
    let loaded = Parser::from_bytes(&bytes)?;
    let load_ms = load.elapsed().as_secs_f64() * 1000.0;
    anyhow::ensure!(
        loaded == model,
        "the written model does not read back the same"
    );
    println!("model: {} bytes, load {load_ms:.1} ms", bytes.len());
    for (name, set) in [("dev", &dev), ("test", &test)] {
        for casing in [Casing::AsIs, Casing::Title] {
            let timer = Instant::now();
            let scores = train::evaluate(&loaded, set, casing);
            let rate = scores.words as f64 / timer.elapsed().as_secs_f64();
            println!("{name} {casing:?}: {scores} [{rate:.0} words/s with scoring]");
        }
    }
    Ok(())
}
