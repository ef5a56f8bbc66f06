//! The generated assets reproduce byte for byte from their generators and the reference data:
//! nobody edited them by hand, and the generators are deterministic.

use std::path::{Path, PathBuf};
use std::process::Command;

fn reference() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let reference = root.join("..").join("shared").join("ref");
    if !reference.is_dir() {
        println!("skipped: {} is absent", reference.display());
        return None;
    }
    if Command::new("python3").arg("--version").output().is_err() {
        println!("skipped: python3 is absent");
        return None;
    }
    Some(reference)
}

/// Runs `tools/NAME --ref REF --out TMP` and compares each of `files` with assets/.
fn reproduces(tool: &str, files: &[&str]) {
    let Some(reference) = reference() else {
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = std::env::temp_dir().join(format!("tiemap-{tool}-{}", std::process::id()));
    std::fs::create_dir_all(&out).expect("temp dir");
    let status = Command::new("python3")
        .arg(root.join("tools").join(tool))
        .arg("--ref")
        .arg(&reference)
        .arg("--out")
        .arg(&out)
        .status()
        .expect("python3 runs");
    assert!(status.success(), "{tool} failed");
    for file in files {
        let generated = std::fs::read(out.join(file)).expect("generated file");
        let committed = std::fs::read(root.join("assets").join(file)).expect("committed asset");
        assert!(
            generated == committed,
            "assets/{file} differs from what tools/{tool} generates: rerun it and commit"
        );
    }
    std::fs::remove_dir_all(&out).ok();
}

#[test]
fn event_lexicon_and_agents_reproduce() {
    reproduces("gen_events.py", &["events.txt", "agents.ron"]);
}

#[test]
fn gazetteer_reproduces() {
    reproduces("gen_gazetteer.py", &["gazetteer.ron"]);
}
