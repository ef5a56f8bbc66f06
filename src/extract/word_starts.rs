//! Where ASCII words start (and end) in a text, found eight bytes at a time.
//!
//! Phrase searches that only count whole words (coreference phrases) need not run an automaton
//! over every byte: only where a word starts. A word start here is an ASCII letter or digit
//! whose previous byte is not one; the bytes are classified in a `u64` at a time with carry-free
//! arithmetic, so the scan costs about a cycle a byte and the automaton runs once a word.
//! [`AsciiWords`] gives whole runs of ASCII letters and digits the same way (figures' words).
//!
//! Design decision: the classification is ASCII only and errs on the side of more starts. A
//! letter after a non-ASCII byte is reported as a start; the caller checks the character before
//! it when that matters ("Éire" is one word, "—the" is two).

/// One in each byte.
const ONES: u64 = u64::from_le_bytes([0x01; 8]);
/// The high bit of each byte.
const HIGH: u64 = ONES * 0x80;

/// The high bit of each byte of `low_seven` (bytes under 0x80) that is at least `floor`.
fn at_least(low_seven: u64, floor: u8) -> u64 {
    // No byte sum reaches 0x100, so no carry crosses into the next byte.
    (low_seven + ONES * u64::from(0x80 - floor)) & HIGH
}

/// The high bit of each byte of `chunk` that is an ASCII letter or digit.
fn ascii_alphanumeric(chunk: u64) -> u64 {
    let ascii = !chunk & HIGH;
    let low_seven = chunk & !HIGH;
    let digit = at_least(low_seven, b'0') & !at_least(low_seven, b'9' + 1);
    // Setting the case bit folds capitals onto small letters, and no other byte onto them.
    let folded = low_seven | (ONES * 0x20);
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    (digit | letter) & ascii
}

/// The positions of `bytes`, in order, that hold an ASCII letter or digit right after a byte
/// that is not one (or at the start).
pub(crate) struct WordStarts<'t> {
    bytes: &'t [u8],
    /// Offset of the chunk `pending` belongs to.
    chunk_start: usize,
    /// High bits of the word starts of that chunk not yet returned.
    pending: u64,
    /// Whether the last byte of that chunk is an ASCII letter or digit.
    last_is_alphanumeric: bool,
}

impl<'t> WordStarts<'t> {
    /// The word starts of `bytes` from offset `from` on.
    pub(crate) fn new(bytes: &'t [u8], from: usize) -> Self {
        let mut starts = WordStarts {
            bytes,
            chunk_start: 0,
            pending: 0,
            last_is_alphanumeric: false,
        };
        starts.skip_to(from);
        starts
    }

    /// Leaves out the starts before offset `position` (at or after the last start returned).
    pub(crate) fn skip_to(&mut self, position: usize) {
        // Read the chunk of `position` again, with the byte before it for the carry: the
        // starts from `position` on were not returned yet.
        self.chunk_start = position / 8 * 8;
        self.last_is_alphanumeric = self
            .chunk_start
            .checked_sub(1)
            .and_then(|before| self.bytes.get(before))
            .is_some_and(u8::is_ascii_alphanumeric);
        self.pending = self.starts_of_chunk() & (u64::MAX << ((position % 8) * 8));
    }

    /// The word starts of the chunk at `chunk_start`; updates `last_is_alphanumeric`.
    fn starts_of_chunk(&mut self) -> u64 {
        let Some(rest) = self.bytes.get(self.chunk_start..) else {
            return 0;
        };
        let mut buffer = [0u8; 8];
        let length = rest.len().min(8);
        buffer[..length].copy_from_slice(&rest[..length]);
        let alphanumeric = ascii_alphanumeric(u64::from_le_bytes(buffer));
        let before = (alphanumeric << 8) | if self.last_is_alphanumeric { 0x80 } else { 0 };
        self.last_is_alphanumeric = alphanumeric >> 63 != 0;
        alphanumeric & !before
    }
}

impl Iterator for WordStarts<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.pending == 0 {
            self.chunk_start += 8;
            if self.chunk_start >= self.bytes.len() {
                self.chunk_start = self.bytes.len() / 8 * 8;
                return None;
            }
            self.pending = self.starts_of_chunk();
        }
        let bit = self.pending.trailing_zeros() as usize;
        self.pending &= self.pending - 1;
        Some(self.chunk_start + bit / 8)
    }
}

/// The high bits of the bytes of the chunk of `bytes` at `chunk_start` that are ASCII letters
/// or digits; bytes past the end count as not.
fn alphanumeric_chunk(bytes: &[u8], chunk_start: usize) -> u64 {
    let mut buffer = [0u8; 8];
    if let Some(rest) = bytes.get(chunk_start..) {
        let length = rest.len().min(8);
        buffer[..length].copy_from_slice(&rest[..length]);
    }
    ascii_alphanumeric(u64::from_le_bytes(buffer))
}

/// The high bits of the bytes at offset `from` (within its chunk) and later.
fn from_offset(from: usize) -> u64 {
    u64::MAX << ((from % 8) * 8)
}

/// The maximal runs of ASCII letters and digits of `bytes` from an offset on, as
/// `(start, end)` pairs, in order.
pub(crate) struct AsciiWords<'t> {
    bytes: &'t [u8],
    /// Offset of the chunk the pending masks belong to.
    chunk_start: usize,
    /// High bits of that chunk's run starts not yet returned.
    starts: u64,
    /// High bits of that chunk's run ends (the byte after a run) not yet used.
    ends: u64,
    /// Whether the last byte of that chunk is a letter or digit.
    last_is_alphanumeric: bool,
    /// The start of the run being read, whose end is in a later chunk.
    open: Option<usize>,
}

impl<'t> AsciiWords<'t> {
    /// The runs of `bytes` from offset `from` on (a run `from` cuts counts from `from`).
    pub(crate) fn new(bytes: &'t [u8], from: usize) -> Self {
        let chunk_start = from / 8 * 8;
        let mut words = AsciiWords {
            bytes,
            chunk_start,
            starts: 0,
            ends: 0,
            last_is_alphanumeric: false,
            open: None,
        };
        // Read from `from` as if the byte before it were a space.
        let alphanumeric = alphanumeric_chunk(bytes, chunk_start) & from_offset(from);
        words.load(alphanumeric);
        words
    }

    /// Sets the masks for a chunk whose letters and digits are `alphanumeric`.
    fn load(&mut self, alphanumeric: u64) {
        let before = (alphanumeric << 8) | if self.last_is_alphanumeric { 0x80 } else { 0 };
        self.starts = alphanumeric & !before;
        self.ends = !alphanumeric & before & HIGH;
        self.last_is_alphanumeric = alphanumeric >> 63 != 0;
    }
}

impl Iterator for AsciiWords<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        loop {
            match self.open {
                Some(start) if self.ends != 0 => {
                    let end = self.chunk_start + self.ends.trailing_zeros() as usize / 8;
                    self.ends &= self.ends - 1;
                    self.open = None;
                    return Some((start, end));
                }
                None if self.starts != 0 => {
                    self.open = Some(self.chunk_start + self.starts.trailing_zeros() as usize / 8);
                    self.starts &= self.starts - 1;
                    continue;
                }
                _ => {}
            }
            self.chunk_start += 8;
            if self.chunk_start >= self.bytes.len() {
                // The padding after the text ended any open run at the text's end.
                self.chunk_start = self.bytes.len().div_ceil(8) * 8;
                return self.open.take().map(|start| (start, self.bytes.len()));
            }
            let alphanumeric = alphanumeric_chunk(self.bytes, self.chunk_start);
            self.load(alphanumeric);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{AsciiWords, WordStarts};

    /// The starts, byte by byte, as the definition says.
    fn slow_starts(bytes: &[u8], from: usize) -> Vec<usize> {
        (from..bytes.len())
            .filter(|&at| {
                bytes[at].is_ascii_alphanumeric()
                    && (at == 0 || !bytes[at - 1].is_ascii_alphanumeric())
            })
            .collect()
    }

    #[test]
    fn every_byte_class_and_chunk_edge_agrees_with_the_definition() {
        let mut text: Vec<u8> = Vec::new();
        for byte in 0..=255u8 {
            text.extend([byte, b'a', byte, byte, b'Z', b'9', b' ']);
        }
        text.extend("Éire —the Ünited, 2022's (x)yz".as_bytes());
        for from in [0, 1, 7, 8, 9, 15, 16, 100, text.len() - 3] {
            let fast: Vec<usize> = WordStarts::new(&text, from).collect();
            assert_eq!(fast, slow_starts(&text, from), "from {from}");
        }
    }

    #[test]
    fn skipping_ahead_leaves_out_earlier_starts() {
        let text = b"the two countries agreed on the terms of the deal";
        let mut starts = WordStarts::new(text, 0);
        assert_eq!(starts.next(), Some(0));
        starts.skip_to(17);
        let rest: Vec<usize> = starts.collect();
        assert_eq!(rest, slow_starts(text, 17));
    }

    #[test]
    fn word_runs_agree_with_a_byte_by_byte_reading() {
        let mut text: Vec<u8> = Vec::new();
        for byte in 0..=255u8 {
            text.extend([byte, b'a', b'b', byte, b'Z', b'9', b'x', b'y', b' ', byte]);
        }
        text.extend("Éire —the Ünited, 2022's (x)yz longwordlongwordlongword".as_bytes());
        for from in [0, 1, 7, 8, 9, 15, 16, 100, text.len() - 3] {
            for end in [text.len(), text.len() - 1, text.len() - 20] {
                let bytes = &text[..end];
                let fast: Vec<(usize, usize)> = AsciiWords::new(bytes, from).collect();
                let mut slow = Vec::new();
                let mut at = from;
                while at < bytes.len() {
                    if bytes[at].is_ascii_alphanumeric() {
                        let start = at;
                        while at < bytes.len() && bytes[at].is_ascii_alphanumeric() {
                            at += 1;
                        }
                        slow.push((start, at));
                    } else {
                        at += 1;
                    }
                }
                assert_eq!(fast, slow, "from {from} to {end}");
            }
        }
    }
}
