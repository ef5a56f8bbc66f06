//! tiemap reads news articles and draws who is tied to whom.
//!
//! The data flows one way: **text -> mentions -> ties -> map -> layout -> view**.
//!
//! - [`extract`] reads a document: it splits sentences, finds every mention of a country or
//!   bloc (by name, adjective, capital, government body or office holder at the document's
//!   date), resolves "the two countries" and the like, and turns cue words into typed PLOVER
//!   ties whose source and target come from the sentence's structure. Money amounts become
//!   figures. Every tie keeps the sentences that state it.
//! - [`model`] is the result as plain data: actors, ties, evidence, figures and node
//!   positions; it is what a saved map holds and what the CLI prints.
//! - [`layout`] is a force simulation that places the nodes, deterministic for a seed, which
//!   stops when it has settled so the window goes quiet.
//! - [`io`] reads articles and maps and writes maps atomically.
//! - `app` (with the `gui` feature) is the only part that knows egui: it reads the state and
//!   sends commands.
//!
//! The core (model, extract, layout, io) never touches a window, so it is tested and
//! benchmarked on its own.

pub mod cli;
pub mod extract;
pub mod io;
pub mod layout;
pub mod model;

#[cfg(feature = "gui")]
pub mod app;
