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

/// An error caused by the user's input (exit code 2), as opposed to a failure of tiemap.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
struct InputError(#[from] tiemap::io::IoError);

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("tiemap: {error:#}");
            if error.downcast_ref::<InputError>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
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
                return Ok(());
            }
            let mut documents = Vec::with_capacity(files.len());
            for path in &files {
                let (document, warnings) = tiemap::io::load_document(path).map_err(InputError)?;
                for warning in warnings {
                    eprintln!("tiemap: warning: {warning}");
                }
                documents.push(document);
            }
            let format = match format {
                Format::Json => tiemap::cli::extract::MapFormat::Json,
                Format::Ron => tiemap::cli::extract::MapFormat::Ron,
            };
            tiemap::cli::extract::run_files(documents, format, &mut out)?;
            out.flush()?;
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

/// Checks the files before a window opens, so a typo is one line on stderr and exit code 2
/// (with or without the window built in).
fn check_files(files: &[PathBuf]) -> anyhow::Result<()> {
    for path in files {
        // A folder opens as a corpus: its files are checked as they are read.
        if path.is_dir() {
            continue;
        }
        tiemap::io::read_text(path).map_err(InputError)?;
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
