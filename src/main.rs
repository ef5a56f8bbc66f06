//! tiemap's entry point: parses the command line, then opens the window or runs a subcommand,
//! and maps errors to exit codes (2 for bad input, 1 for anything else).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Reads news articles and draws who is tied to whom.
#[derive(Debug, Parser)]
#[command(
    name = "tiemap",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    /// Articles (.txt, .md) or a saved map (.ron) to open; none opens the bundled article.
    files: Vec<PathBuf>,
    /// Open the window, let the layout settle, write a PNG of the window here and exit.
    #[arg(long, value_name = "OUT.png")]
    screenshot: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the map extracted from articles, or stream JSON lines from stdin with --jsonl.
    Extract {
        /// Articles to read (.txt, .md).
        #[arg(required_unless_present = "jsonl", conflicts_with = "jsonl")]
        files: Vec<PathBuf>,
        /// Output format for files.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Read {"id", "text", "date"?, "title"?} lines on stdin; write {"id", "ties", "figures"} lines.
        #[arg(long)]
        jsonl: bool,
    },
    /// Write a saved map, a file of event records or articles as GEXF, `GraphML`, CSV, event
    /// records, SVG or PNG.
    Export {
        /// A saved map (.ron), event records (.jsonl), or articles (.txt, .md).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// What to write.
        #[arg(long, value_enum)]
        format: ExportKind,
        /// Where to write it (for csv: a folder, which gets nodes.csv, edges.csv and ties.csv).
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// Leave out ties the text says did not happen, as the window does by default.
        #[arg(long)]
        hide_negated: bool,
        /// Picture width in pixels (svg, png).
        #[arg(long, default_value_t = 1600, value_parser = clap::value_parser!(u32).range(16..=16384))]
        width: u32,
        /// Picture height in pixels (svg, png).
        #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u32).range(16..=16384))]
        height: u32,
    },
    /// Lay out a TSV edge list and print one JSON line of timings and quality.
    Layout {
        /// Edge list, `a<TAB>b` a line.
        edges: PathBuf,
        /// Ticks to run.
        #[arg(long, default_value_t = 300)]
        ticks: usize,
        /// Seed of the initial placement.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Threads for the force pass (0: one per core).
        #[arg(long, default_value_t = 0)]
        threads: usize,
        /// Write `node<TAB>x<TAB>y` lines here.
        #[arg(long, value_name = "POSITIONS.tsv")]
        out: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Json,
    Ron,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ExportKind {
    Gexf,
    Graphml,
    Csv,
    Events,
    Svg,
    Png,
}

impl ExportKind {
    fn format(self) -> tiemap::io::export::ExportFormat {
        use tiemap::io::export::ExportFormat;
        match self {
            ExportKind::Gexf => ExportFormat::Gexf,
            ExportKind::Graphml => ExportFormat::Graphml,
            ExportKind::Csv => ExportFormat::Csv,
            ExportKind::Events => ExportFormat::Events,
            ExportKind::Svg => ExportFormat::Svg,
            ExportKind::Png => ExportFormat::Png,
        }
    }
}

use tiemap::cli::InputError;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("tiemap: {}", tiemap::cli::report(&error));
            ExitCode::from(tiemap::cli::exit_code(&error))
        }
    }
}

fn warn(warnings: &[String]) {
    for warning in warnings {
        eprintln!("tiemap: warning: {warning}");
    }
}

fn is_map_file(path: &std::path::Path) -> bool {
    path.extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("ron"))
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    match cli.command {
        Some(Command::Extract {
            files,
            format,
            jsonl,
        }) => {
            let mut out = std::io::BufWriter::new(stdout.lock());
            if jsonl {
                let mut input = std::io::BufReader::new(std::io::stdin().lock());
                let summary = tiemap::cli::extract::run_jsonl(&mut input, &mut out)?;
                out.flush()?;
                if summary.errors > 0 {
                    eprintln!(
                        "tiemap: {} of {} lines were not valid input (see their \"error\")",
                        summary.errors, summary.lines
                    );
                }
                if summary.warnings > 0 {
                    let plural = if summary.warnings == 1 { "" } else { "s" };
                    eprintln!(
                        "tiemap: warning: {} warning{plural} on good lines (see their \"warnings\")",
                        summary.warnings
                    );
                }
                return Ok(());
            }
            let format = match format {
                Format::Json => tiemap::cli::extract::MapFormat::Json,
                Format::Ron => tiemap::cli::extract::MapFormat::Ron,
            };
            // A saved map or event file given to `extract` is read as a map, never mined for
            // ties as text.
            let (map, warnings) = tiemap::cli::export::load_inputs(&files)?;
            warn(&warnings);
            tiemap::cli::extract::write_map(&map, format, &mut out)?;
            out.flush()?;
            Ok(())
        }
        Some(Command::Export {
            inputs,
            format,
            out,
            hide_negated,
            width,
            height,
        }) => {
            let command = tiemap::cli::export::ExportCommand {
                inputs: &inputs,
                format: format.format(),
                out: &out,
                options: tiemap::io::export::ExportOptions {
                    include_negated: !hide_negated,
                    width_px: width,
                    height_px: height,
                },
            };
            let (written, warnings) = tiemap::cli::export::run(&command)?;
            warn(&warnings);
            for path in written {
                eprintln!("tiemap: wrote {}", path.display());
            }
            Ok(())
        }
        Some(Command::Layout {
            edges,
            ticks,
            seed,
            threads,
            out,
        }) => {
            let command = tiemap::cli::layout::LayoutCommand {
                edges: &edges,
                ticks,
                seed,
                threads,
                out: out.as_deref(),
            };
            tiemap::cli::layout::run(&command, &mut stdout.lock())
        }
        None => open_window(cli.files, cli.screenshot),
    }
}

/// Checks the files before a window opens, so a typo or a map that will be refused is one line
/// on stderr and exit code 2 (with or without the window built in, and with `--screenshot`).
fn check_files(files: &[PathBuf]) -> anyhow::Result<()> {
    for path in files {
        // A folder opens as a corpus: its files are checked as they are read.
        if path.is_dir() {
            continue;
        }
        if is_map_file(path) {
            let (_, warnings) =
                tiemap::io::load_map_with_warnings(path).map_err(InputError::from)?;
            warn(&warnings);
        } else {
            tiemap::io::read_text(path).map_err(InputError::from)?;
        }
    }
    Ok(())
}

#[cfg(feature = "gui")]
fn open_window(files: Vec<PathBuf>, screenshot: Option<PathBuf>) -> anyhow::Result<()> {
    check_files(&files)?;
    tiemap::app::run(tiemap::app::Launch { files, screenshot })
}

#[cfg(not(feature = "gui"))]
#[allow(
    clippy::needless_pass_by_value,
    reason = "the same signature as the window's"
)]
fn open_window(files: Vec<PathBuf>, _screenshot: Option<PathBuf>) -> anyhow::Result<()> {
    check_files(&files)?;
    anyhow::bail!(
        "this tiemap was built without the window (feature `gui`); use `tiemap extract` or `tiemap layout`"
    )
}
