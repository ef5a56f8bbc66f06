//! The command line's subcommands that need no window: `extract`, `layout` and `export`.
//!
//! These are edges of the program, so they report with `anyhow`; the core they call uses
//! typed errors. An [`InputError`] anywhere in an error's chain means the user's input was at
//! fault (exit code 2); [`report`] prints a chain once, without saying a cause twice.

pub mod export;
pub mod extract;
pub mod layout;

use crate::io::IoError;

/// An error caused by the user's input (exit code 2), as opposed to a failure of tiemap.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// A file that is missing, unreadable, binary, too large or malformed.
    #[error(transparent)]
    File(#[from] IoError),
    /// Input that was read but does not make sense (a garbled edge list, a bad option).
    #[error("{0}")]
    Invalid(String),
}

/// The exit code for `error`: 2 when the input was at fault, 1 otherwise.
pub fn exit_code(error: &anyhow::Error) -> u8 {
    let bad_input = error
        .chain()
        .any(|cause| cause.is::<InputError>() || cause.is::<IoError>());
    if bad_input { 2 } else { 1 }
}

/// The error and its causes on one line, each cause said once: a cause whose text is already
/// part of what was said is left out ("is a folder: is a folder" becomes "is a folder").
pub fn report(error: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if text.is_empty() || line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}

/// `requested` threads capped at the machine's cores (0 means one per core); the second value
/// is a warning when the request was cut.
pub fn capped_threads(requested: usize) -> (usize, Option<String>) {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    if requested > cores {
        (
            cores,
            Some(format!(
                "--threads {requested} is more than this machine's {cores} cores; using {cores}"
            )),
        )
    } else {
        (requested, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cause_already_said_is_not_repeated() {
        let inner = std::io::Error::other("is a folder, not a file");
        let error = anyhow::Error::new(inner).context("x.txt: is a folder, not a file");
        assert_eq!(report(&error), "x.txt: is a folder, not a file");
        let error = anyhow::anyhow!("disk full").context("could not write out.tsv");
        assert_eq!(report(&error), "could not write out.tsv: disk full");
        assert_eq!(exit_code(&error), 1);
        let error = anyhow::Error::new(InputError::Invalid("bad".into())).context("layout");
        assert_eq!(exit_code(&error), 2);
    }

    #[test]
    fn threads_are_capped_at_the_cores() {
        let (threads, warning) = capped_threads(1_000_000);
        assert!((1..1_000_000).contains(&threads));
        assert!(warning.is_some_and(|w| w.contains("1000000")));
        assert_eq!(capped_threads(0), (0, None));
    }
}
