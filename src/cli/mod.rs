//! The command line's subcommands that need no window: `extract` and `layout`.
//!
//! These are edges of the program, so they report with `anyhow`; the core they call uses
//! typed errors.

pub mod extract;
pub mod layout;
