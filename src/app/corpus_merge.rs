//! Documents arriving from a corpus being read join the open map: their actors, ties (merged
//! with those already there) and figures are added, and the layout is rebuilt from the
//! current positions, so the map grows in place as results come in.

use eframe::egui;
use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::app::TiemapApp;
use super::corpus_load::{ExtractedDocument, PendingCorpus};
use super::state::{OpenMap, Seen};
use crate::model::TieMap;

/// Alpha the layout is warmed to when documents arrive.
const CORPUS_REHEAT_ALPHA: f32 = 0.6;

impl TiemapApp {
    /// Starts reading a folder or `.jsonl` corpus in the background.
    pub(super) fn start_corpus(&mut self, ctx: &egui::Context, path: std::path::PathBuf) {
        if let Some(running) = &self.pending.corpus {
            running.cancel();
        }
        let waker = ctx.clone();
        self.pending.corpus = Some(PendingCorpus::start(path, move || waker.request_repaint()));
        self.pending.corpus_started_map = false;
        self.set_status("reading the corpus…", false);
    }

    /// Collects the documents extracted since the last frame and adds them to the map.
    pub(super) fn poll_corpus(&mut self) {
        let Some(corpus) = &mut self.pending.corpus else {
            return;
        };
        let arrived = corpus.take_arrived();
        let finished = corpus.finished;
        if !arrived.is_empty() {
            if !self.pending.corpus_started_map {
                // The first documents replace the map that was open; until then it stays.
                let name = corpus.name.clone();
                self.open = OpenMap::new(TieMap::new(), &name, &self.seen.view);
                self.mark_changed();
                self.seen = Seen {
                    view: self.seen.view.clone(),
                    debug_overlay: self.seen.debug_overlay,
                    show_documents: true,
                    ..Seen::default()
                };
                self.pending.corpus_started_map = true;
            }
            merge_documents(&mut self.open, arrived);
            // Merging repeated figures renumbers them: the shown evidence would be another's.
            self.seen.figures.selected = None;
            self.open.refilter(&self.seen.view);
            // Every node now has a position, which would read as "at rest as saved": the map
            // has grown, so let the layout keep working it out.
            self.open.layout.reheat(CORPUS_REHEAT_ALPHA);
            self.seen.auto_fit = self.seen.auto_fit || self.seen.fit_pending;
        }
        if finished {
            let Some(corpus) = self.pending.corpus.take() else {
                return;
            };
            let seconds = corpus.started.elapsed().as_secs_f64();
            let mut message = format!(
                "{}: {} documents read in {seconds:.1} s ({:.1} MB/s), {} actors, {} ties",
                corpus.name,
                self.open.map.documents.len(),
                corpus.megabytes_per_second(),
                self.open.map.actors.len(),
                self.open.map.ties.len()
            );
            if corpus.is_cancelled() {
                message.push_str(" (cancelled)");
            }
            if !corpus.failures.is_empty() {
                let _ = write!(message, "; {} could not be read", corpus.failures.len());
            }
            let is_error = !corpus.failures.is_empty() && !self.pending.corpus_started_map;
            self.seen.failures = corpus.failures;
            self.set_status(message, is_error);
        }
    }
}

/// Adds extracted documents to the open map.
fn merge_documents(open: &mut OpenMap, arrived: Vec<ExtractedDocument>) {
    let map = &mut open.map;
    let mut actors: BTreeMap<String, crate::model::Actor> = std::mem::take(&mut map.actors)
        .into_iter()
        .map(|actor| (actor.id.clone(), actor))
        .collect();
    for ExtractedDocument {
        document,
        extraction,
        file,
    } in arrived
    {
        for actor in extraction.actors {
            actors.entry(actor.id.clone()).or_insert(actor);
        }
        map.ties.extend(extraction.ties);
        map.figures.extend(extraction.figures);
        if let Some(file) = file {
            open.files.insert(document.id.clone(), file);
        }
        map.documents.push(document);
    }
    map.actors = actors.into_values().collect();
    crate::extract::ties::merge_ties(&mut map.ties);
    crate::extract::figures::merge_figures(&mut map.figures);
    // Tie ends are mentioned actors; a tie whose end is unknown would have no node.
    map.ties.retain(|tie| {
        map.actors
            .binary_search_by(|a| a.id.cmp(&tie.source))
            .is_ok()
            && map
                .actors
                .binary_search_by(|a| a.id.cmp(&tie.target))
                .is_ok()
    });
}
