//! Reading a corpus in the background: a worker thread lists the folder (or reads the
//! `.jsonl`), then reads and extracts one document at a time and sends the results in small
//! batches, so the window shows a progress bar (documents done of total, MB/s, Cancel) and
//! the map grows as they come in. A file that cannot be read is sent as a failure with its
//! reason; the rest load.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::time::{Duration, Instant};

use crate::extract::{Extraction, Extractor};
use crate::io::corpus::{CorpusFailure, is_corpus, list_articles, read_jsonl};
use crate::model::Document;

/// A batch is sent at least this often while documents are being extracted.
const BATCH_INTERVAL: Duration = Duration::from_millis(100);

/// One extracted document.
pub struct ExtractedDocument {
    /// The document (its id made unique in the corpus).
    pub document: Document,
    /// What was extracted from it.
    pub extraction: Extraction,
    /// The file it was read from (`None` for `.jsonl` lines).
    pub file: Option<PathBuf>,
}

/// What the worker sends.
pub enum CorpusMessage {
    /// The number of documents to read is known.
    Total(usize),
    /// Documents read and extracted, with their size in bytes.
    Batch(Vec<ExtractedDocument>, u64),
    /// A file or line that could not be read.
    Failed(CorpusFailure),
    /// Everything is read (or the reading was cancelled).
    Finished,
}

/// A corpus being read on a worker thread, and how far it has got.
pub struct PendingCorpus {
    receiver: Receiver<CorpusMessage>,
    cancel: Arc<AtomicBool>,
    /// A short name for the title bar.
    pub name: String,
    /// Documents read.
    pub done: usize,
    /// Documents to read (0 until the folder is listed).
    pub total: usize,
    /// Bytes of text read.
    pub bytes: u64,
    /// When the reading began.
    pub started: Instant,
    /// Files that could not be read.
    pub failures: Vec<CorpusFailure>,
    /// The worker has finished.
    pub finished: bool,
}

/// Whether these paths open as a corpus: one folder or one `.jsonl` file.
pub fn opens_as_corpus(paths: &[PathBuf]) -> bool {
    matches!(paths, [path] if is_corpus(path))
}

impl PendingCorpus {
    /// Starts reading `path` (a folder or a `.jsonl` file); `wake` is called from the worker
    /// whenever it has sent something.
    pub fn start(path: PathBuf, wake: impl Fn() + Send + 'static) -> Self {
        let (sender, receiver) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let worker_cancel = Arc::clone(&cancel);
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        );
        std::thread::spawn(move || {
            read_corpus(&path, &sender, &worker_cancel, &wake);
            let _ = sender.send(CorpusMessage::Finished);
            wake();
        });
        PendingCorpus {
            receiver,
            cancel,
            name,
            done: 0,
            total: 0,
            bytes: 0,
            started: Instant::now(),
            failures: Vec::new(),
            finished: false,
        }
    }

    /// Asks the worker to stop after the document it is reading.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Whether Cancel was pressed.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Megabytes of text read per second so far.
    pub fn megabytes_per_second(&self) -> f64 {
        let seconds = self.started.elapsed().as_secs_f64().max(1e-3);
        self.bytes as f64 / 1e6 / seconds
    }

    /// The documents that arrived since the last call (progress and failures are counted).
    pub fn take_arrived(&mut self) -> Vec<ExtractedDocument> {
        let mut arrived = Vec::new();
        loop {
            match self.receiver.try_recv() {
                Ok(CorpusMessage::Total(total)) => self.total = total,
                Ok(CorpusMessage::Batch(batch, bytes)) => {
                    self.done += batch.len();
                    self.bytes += bytes;
                    arrived.extend(batch);
                }
                Ok(CorpusMessage::Failed(failure)) => {
                    self.done += 1;
                    self.failures.push(failure);
                }
                Ok(CorpusMessage::Finished) | Err(TryRecvError::Disconnected) => {
                    self.finished = true;
                    break;
                }
                Err(TryRecvError::Empty) => break,
            }
        }
        arrived
    }
}

/// What the worker reads: files to read one by one, or documents already read.
enum Items {
    Files(Vec<PathBuf>),
    Documents(Vec<Document>),
}

fn read_corpus(path: &Path, sender: &Sender<CorpusMessage>, cancel: &AtomicBool, wake: &dyn Fn()) {
    let fail = |source: String, reason: String| {
        let _ = sender.send(CorpusMessage::Failed(CorpusFailure { source, reason }));
    };
    let listed = if path.is_dir() {
        list_articles(path).map(|(files, failures)| (Items::Files(files), failures))
    } else {
        read_jsonl(path).map(|(documents, failures)| (Items::Documents(documents), failures))
    };
    let (items, failures) = match listed {
        Ok(listed) => listed,
        Err(error) => {
            fail(path.display().to_string(), error.to_string());
            return;
        }
    };
    let total = failures.len()
        + match &items {
            Items::Files(files) => files.len(),
            Items::Documents(documents) => documents.len(),
        };
    let _ = sender.send(CorpusMessage::Total(total));
    for failure in failures {
        let _ = sender.send(CorpusMessage::Failed(failure));
    }
    wake();
    let extractor = match Extractor::new() {
        Ok(extractor) => extractor,
        Err(error) => {
            fail("the extractor".into(), error.to_string());
            return;
        }
    };
    let mut ids = std::collections::BTreeSet::new();
    let mut batch = Vec::new();
    let mut batch_bytes = 0u64;
    // The first document goes at once, so the map shows something straight away.
    let mut last_sent: Option<Instant> = None;
    let mut extract = |mut document: Document, file: Option<PathBuf>| {
        unique_id(&mut document, &mut ids);
        batch_bytes += document.text.len() as u64;
        let extraction = extractor.extract(&document);
        batch.push(ExtractedDocument {
            document,
            extraction,
            file,
        });
        if last_sent.is_none_or(|sent| sent.elapsed() >= BATCH_INTERVAL) {
            let _ = sender.send(CorpusMessage::Batch(
                std::mem::take(&mut batch),
                batch_bytes,
            ));
            batch_bytes = 0;
            last_sent = Some(Instant::now());
            wake();
        }
    };
    match items {
        Items::Files(files) => {
            for file in files {
                if cancel.load(Ordering::Relaxed) {
                    break;
                }
                match crate::io::load_document(&file) {
                    Ok((document, _warnings)) => extract(document, Some(file)),
                    Err(error) => fail(file.display().to_string(), error.to_string()),
                }
            }
        }
        Items::Documents(documents) => {
            for document in documents {
                if cancel.load(Ordering::Relaxed) {
                    break;
                }
                extract(document, None);
            }
        }
    }
    if !batch.is_empty() {
        let _ = sender.send(CorpusMessage::Batch(batch, batch_bytes));
    }
}

/// Renames a repeated document id `story-2`, `story-3`... (as the extractor's `build_map`
/// does), before extraction, so that its evidence names it.
fn unique_id(document: &mut Document, taken: &mut std::collections::BTreeSet<String>) {
    let base = document.id.clone();
    let mut suffix = 2;
    while taken.contains(&document.id) {
        document.id = format!("{base}-{suffix}");
        suffix += 1;
    }
    taken.insert(document.id.clone());
}
