//! `tiemap layout EDGES.tsv`: lays out a TSV edge list and prints one JSON line of timings
//! and quality, to run beside the peer engines on the same file.
//!
//! Main design decision: it reads the file exactly as `d3bench.mjs` does (nodes numbered in
//! order of first appearance, every line one link) and runs [`LayoutConfig::d3_like`], so the
//! two engines lay out the same graph with the same forces and their `edge_len_dev` figures
//! compare directly. Nodes get a small collision radius ([`BENCH_RADIUS`]), which d3's run
//! does not have: ours also has to keep every pair of discs apart.

use std::collections::HashMap;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, bail};

use super::InputError;
use crate::io::{AtomicFile, text::quote_prefix};
use crate::layout::{LayoutConfig, LayoutGraph, LayoutLink, Simulation};

/// At most this many bytes of a bad line are quoted in an error.
const QUOTE_BYTES: usize = 100;

/// Collision radius of every node in the benchmark, in world units (d3's link distance is 30).
pub const BENCH_RADIUS: f32 = 2.0;

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

/// A parsed edge list: node names in order of first appearance, and the graph over them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EdgeList {
    /// Name of each node, by index.
    pub names: Vec<String>,
    /// Links by node index, one per line, in file order; weight from an optional third column.
    pub links: Vec<LayoutLink>,
}

/// Parses `a<TAB>b[<TAB>weight]` lines; blank lines are skipped.
pub fn parse_edge_list(text: &str) -> anyhow::Result<EdgeList> {
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut list = EdgeList::default();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let mut fields = line.split('\t');
        let (Some(a), Some(b)) = (fields.next(), fields.next()) else {
            bail!(
                "line {}: expected `source<TAB>target`, found {}",
                number + 1,
                quote_prefix(line, QUOTE_BYTES)
            );
        };
        if a.is_empty() || b.is_empty() {
            bail!("line {}: a node name is empty", number + 1);
        }
        let weight = match fields.next() {
            Some(w) => w
                .trim()
                .parse::<f32>()
                .ok()
                .filter(|w| w.is_finite() && *w > 0.0)
                .with_context(|| {
                    format!(
                        "line {}: the weight {} is not a positive number",
                        number + 1,
                        quote_prefix(w, QUOTE_BYTES)
                    )
                })?,
            None => 1.0,
        };
        let source = intern(&mut ids, &mut list.names, a)?;
        let target = intern(&mut ids, &mut list.names, b)?;
        list.links.push(LayoutLink {
            source,
            target,
            weight,
        });
    }
    Ok(list)
}

/// The index of node `name`, numbering it if it is new.
fn intern<'t>(
    ids: &mut HashMap<&'t str, u32>,
    names: &mut Vec<String>,
    name: &'t str,
) -> anyhow::Result<u32> {
    if let Some(&id) = ids.get(name) {
        return Ok(id);
    }
    let id = u32::try_from(names.len()).context("too many nodes")?;
    ids.insert(name, id);
    names.push(name.to_owned());
    Ok(id)
}

/// Runs the command, printing its JSON line to `stdout` once the positions (if asked for)
/// are written. The edge list is read through the bounded reader (pipes and devices
/// included), the output file is opened before the simulation runs and written atomically.
pub fn run(command: &LayoutCommand<'_>, stdout: &mut dyn Write) -> anyhow::Result<()> {
    let loaded = crate::io::read_text(command.edges).map_err(InputError::from)?;
    for warning in &loaded.warnings {
        eprintln!("tiemap: warning: {warning}");
    }
    let list = parse_edge_list(&loaded.text).map_err(|error| {
        InputError::Invalid(format!(
            "{} is not a TSV edge list: {error:#}",
            command.edges.display()
        ))
    })?;
    // Opened first: a folder that does not exist or a device fails before the work, not after.
    let mut out_file = match command.out {
        Some(out) => Some((out, AtomicFile::create(out).map_err(InputError::from)?)),
        None => None,
    };
    let (threads, warning) = super::capped_threads(command.threads);
    if let Some(warning) = warning {
        eprintln!("tiemap: warning: {warning}");
    }
    let graph = LayoutGraph {
        radii: vec![BENCH_RADIUS; list.names.len()],
        links: list.links,
    };
    let config = LayoutConfig {
        threads,
        ..LayoutConfig::d3_like()
    };
    let started = Instant::now();
    let mut simulation = Simulation::new(&graph, &[], config, command.seed);
    let set_up = Instant::now();
    simulation.tick_n(command.ticks);
    let done = Instant::now();
    let tick_ms = if command.ticks > 0 {
        (done - set_up).as_secs_f64() * 1000.0 / command.ticks as f64
    } else {
        0.0
    };
    if let Some((out, file)) = out_file.take() {
        write_positions(file, &list.names, &simulation)
            .with_context(|| format!("could not write positions to {}", out.display()))?;
    }
    let line = serde_json::json!({
        "engine": "tiemap",
        "nodes": graph.node_count(),
        "edges": graph.links.len(),
        "setup_ms": round_to((set_up - started).as_secs_f64() * 1000.0, 1),
        "tick_ms": round_to(tick_ms, 3),
        "edge_len_dev": round_to(f64::from(simulation.edge_len_dev()), 3),
        "overlaps": simulation.overlap_count(),
    });
    writeln!(stdout, "{line}").context("could not write the result")?;
    Ok(())
}

fn round_to(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}

fn write_positions(
    file: AtomicFile,
    names: &[String],
    simulation: &Simulation,
) -> anyhow::Result<()> {
    let mut writer = BufWriter::new(file);
    for (name, (x, y)) in names
        .iter()
        .zip(simulation.xs().iter().zip(simulation.ys()))
    {
        writeln!(writer, "{name}\t{x}\t{y}")?;
    }
    let file = writer
        .into_inner()
        .map_err(std::io::IntoInnerError::into_error)?;
    file.commit()?;
    Ok(())
}

#[cfg(test)]
// Tests compare exact values on purpose (counts as floats, positions kept bit for bit).
#[allow(clippy::unwrap_used, clippy::float_cmp)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_in_order_of_first_appearance() {
        let list = parse_edge_list("b\ta\na\tc\t2.5\n\nc\tc\n").unwrap();
        assert_eq!(list.names, ["b", "a", "c"]);
        assert_eq!(list.links.len(), 3);
        assert_eq!((list.links[1].source, list.links[1].target), (1, 2));
        assert_eq!(list.links[1].weight, 2.5);
    }

    #[test]
    fn garbled_lines_are_errors_with_their_line_number() {
        let error = parse_edge_list("a\tb\nno tab here\n").unwrap_err();
        assert!(error.to_string().contains("line 2"), "{error}");
        let error = parse_edge_list("a\tb\tlots\n").unwrap_err();
        assert!(error.to_string().contains("weight"), "{error}");
        // A huge bad line is quoted, not echoed whole.
        let huge = "x".repeat(10_000_000);
        let error = parse_edge_list(&huge).unwrap_err().to_string();
        assert!(error.len() < 300, "{} bytes", error.len());
    }
}
