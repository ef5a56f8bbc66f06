//! `tiemap layout EDGES.tsv`: lays out a TSV edge list and prints one JSON line of timings
//! and quality, to run beside the peer engines on the same file.
//! STUB: to be replaced by the layout work.

use std::path::Path;

/// Options of `tiemap layout`.
#[derive(Clone, Debug)]
pub struct LayoutCommand<'a> {
    /// The edge list, `a<TAB>b` a line.
    pub edges: &'a Path,
    /// How many ticks to run.
    pub ticks: usize,
    /// Seed of the initial placement.
    pub seed: u64,
    /// Threads for the force pass (0: one per core).
    pub threads: usize,
    /// Where to write `node<TAB>x<TAB>y` lines, if anywhere.
    pub out: Option<&'a Path>,
}

/// Runs the command, printing its JSON line to `stdout`.
pub fn run(command: &LayoutCommand<'_>, stdout: &mut dyn std::io::Write) -> anyhow::Result<()> {
    let _ = (command, stdout);
    anyhow::bail!("tiemap layout is not implemented yet")
}
