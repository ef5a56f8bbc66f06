//! Imports: files of other tools that open as a map.

pub mod events;

pub use events::{events_to_map, load_events};
