//! Undo and redo of the changes made to the open map: every change is a command, and before
//! one runs, what it can change (node positions and pins, the filters) is kept as a snapshot.
//! Undo puts the last snapshot back and keeps the present for redo, so an undone drag puts
//! every node exactly where it was, pinned as it was.

use std::collections::BTreeMap;

use crate::model::{ActorId, NodePlacement, ViewState};

/// At most this many steps are kept.
const MAX_STEPS: usize = 200;

/// What a command can change, as it was before it ran.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// What the change was, for the status bar ("drag", "filter").
    pub label: &'static str,
    /// Every node's position and pin.
    pub positions: BTreeMap<ActorId, NodePlacement>,
    /// The filters.
    pub view: ViewState,
}

/// The undo and redo stacks.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
}

impl History {
    /// Keeps `before` as the state to go back to; a new change forgets what was undone.
    pub fn record(&mut self, before: Snapshot) {
        self.undo.push(before);
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// The state to go back to, given the present (kept for redo).
    pub fn undo(&mut self, present: Snapshot) -> Option<Snapshot> {
        let before = self.undo.pop()?;
        self.redo.push(Snapshot {
            label: before.label,
            ..present
        });
        Some(before)
    }

    /// The state to go forward to again, given the present (kept for undo).
    pub fn redo(&mut self, present: Snapshot) -> Option<Snapshot> {
        let after = self.redo.pop()?;
        self.undo.push(Snapshot {
            label: after.label,
            ..present
        });
        Some(after)
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snapshot(x: f32) -> Snapshot {
        Snapshot {
            label: "drag",
            positions: [(
                "A".to_owned(),
                NodePlacement {
                    x,
                    y: 0.0,
                    pinned: false,
                },
            )]
            .into(),
            view: ViewState::default(),
        }
    }

    #[test]
    fn undo_and_redo_walk_back_and_forth_and_a_new_change_forgets_the_redo() {
        let mut history = History::default();
        history.record(snapshot(1.0));
        history.record(snapshot(2.0));
        assert_eq!(history.undo(snapshot(3.0)), Some(snapshot(2.0)));
        assert_eq!(history.undo(snapshot(2.0)), Some(snapshot(1.0)));
        assert_eq!(history.undo(snapshot(1.0)), None);
        assert_eq!(history.redo(snapshot(1.0)), Some(snapshot(2.0)));
        history.record(snapshot(5.0));
        assert!(!history.can_redo());
        assert!(history.can_undo());
    }
}
