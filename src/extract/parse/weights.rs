//! The weight tables of the three classifiers, as they are used at run time.
//!
//! A table maps a feature key to the row of its class weights: averaged perceptron weights
//! quantised to `i16`, near-zero ones pruned when the model was written. Rows sit inline in an
//! open-addressing array of `u16`s, each slot the key's two halves followed by the row, unpadded
//! (10 bytes for the parser's three moves, 38 for the tagger's seventeen tags), so a lookup is
//! about one memory access and the tables take as little cache as they can: they are larger
//! than the caches and the lookups dominate the time. Key 0 marks an empty slot (feature keys are never 0). A key's home
//! slot is its top bits, so the rows of the model file, sorted by key, fill the table from
//! front to back: loading writes memory in order instead of at random, which halves the start-up
//! time. Only the order of the scores matters to a perceptron, so the quantisation step is not
//! kept.

/// One sparse row: the key, and (class, weight) pairs.
pub type Row = (u32, Vec<(u8, i16)>);

/// A classifier's weights: feature key -> class weights.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Weights {
    classes: usize,
    /// `u16`s per slot: 2 for the key, then the row.
    stride: usize,
    mask: usize,
    /// A key's home slot is `key >> shift` (its top bits).
    shift: u32,
    slots: Vec<u16>,
    rows: usize,
}

impl Weights {
    /// Builds the table from rows with distinct non-zero keys.
    pub fn from_rows(classes: usize, rows: &[Row]) -> Weights {
        let mut weights = Weights::with_capacity(classes, rows.len());
        for (key, row) in rows {
            weights.push_row(*key, row.iter().copied());
        }
        weights
    }

    /// Empty table with room for `rows` rows, to be filled with [`Weights::push_row`].
    pub fn with_capacity(classes: usize, rows: usize) -> Weights {
        let capacity = (rows + rows / 3 + 1).next_power_of_two().max(16);
        let stride = classes + 2;
        Weights {
            classes,
            stride,
            mask: capacity - 1,
            shift: 32u32.saturating_sub(capacity.trailing_zeros()),
            slots: vec![0; capacity * stride],
            rows: 0,
        }
    }

    /// Adds a row; returns false (and adds nothing) if the key is 0 or already there, a class
    /// is out of range, or the table is full.
    pub fn push_row(&mut self, key: u32, row: impl Iterator<Item = (u8, i16)>) -> bool {
        if key == 0 || (self.rows + 1) * 4 > (self.mask + 1) * 3 {
            return false;
        }
        let mut index = self.home(key);
        loop {
            let found = self.key_at(index);
            if found == 0 {
                break;
            }
            if found == key {
                return false;
            }
            index = (index + 1) & self.mask;
        }
        let base = index * self.stride;
        for (class, weight) in row {
            let class = usize::from(class);
            let Some(slot) = (class < self.classes)
                .then_some(base + 2 + class)
                .and_then(|at| self.slots.get_mut(at))
            else {
                self.slots[base + 2..base + self.stride].fill(0);
                return false;
            };
            *slot = weight as u16;
        }
        self.slots[base] = key as u16;
        self.slots[base + 1] = (key >> 16) as u16;
        self.rows += 1;
        true
    }

    /// The slot where probing for `key` starts.
    #[inline]
    fn home(&self, key: u32) -> usize {
        (u64::from(key) >> self.shift) as usize & self.mask
    }

    #[inline]
    fn key_at(&self, index: usize) -> u32 {
        let base = index * self.stride;
        u32::from(self.slots[base]) | (u32::from(self.slots[base + 1]) << 16)
    }

    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows
    }

    /// The row of `key`, if there is one.
    #[inline]
    fn find(&self, key: u32) -> Option<&[u16]> {
        let mut index = self.home(key);
        loop {
            let base = index * self.stride;
            let slot = self.slots.get(base..base + self.stride)?;
            let found = u32::from(slot[0]) | (u32::from(slot[1]) << 16);
            if found == key {
                return slot.get(2..2 + self.classes);
            }
            if found == 0 {
                return None;
            }
            index = (index + 1) & self.mask;
        }
    }

    /// The classes with a non-zero weight in the row of `key` as a bit mask with bit 31 set,
    /// 0 if there is no row (used for the word-tag lexicon).
    pub fn class_mask(&self, key: u32) -> u32 {
        self.find(key).map_or(0, |row| {
            row.iter()
                .enumerate()
                .filter(|(_, w)| **w != 0)
                .fold(1 << 31, |mask, (class, _)| mask | 1 << (class & 31))
        })
    }

    /// Adds the weights of every feature in `keys` to `scores` (one per class).
    #[inline]
    pub fn add_scores<const C: usize>(&self, keys: &[u32], scores: &mut [i32; C]) {
        // Touch every key's home slot first, with no branch between the loads, so the cache
        // misses overlap instead of waiting for one another.
        let mut touched = 0u16;
        for &key in keys {
            let base = self.home(key) * self.stride;
            touched ^= self.slots.get(base).copied().unwrap_or(0);
        }
        std::hint::black_box(touched);
        for &key in keys {
            let Some(row) = self.find(key) else {
                continue;
            };
            for (score, &weight) in scores.iter_mut().zip(row) {
                *score += i32::from(weight as i16);
            }
        }
    }

    /// Every row as its non-zero weights, sorted by key (for writing the model file).
    pub fn rows_sorted(&self) -> Vec<Row> {
        let mut rows: Vec<Row> = (0..=self.mask)
            .filter_map(|index| {
                let key = self.key_at(index);
                let base = index * self.stride + 2;
                let entries = self.slots[base..base + self.classes]
                    .iter()
                    .enumerate()
                    .filter(|(_, w)| **w != 0)
                    .map(|(class, &w)| (class as u8, w as i16))
                    .collect();
                (key != 0).then_some((key, entries))
            })
            .collect();
        rows.sort_unstable_by_key(|(key, _)| *key);
        rows
    }
}

/// Index of the highest score among the allowed classes (the first on ties); `None` if none
/// is allowed.
#[inline]
pub fn argmax(scores: &[i32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<(usize, i32)> = None;
    for (class, &score) in scores.iter().enumerate() {
        if allowed(class) && best.is_none_or(|(_, top)| score > top) {
            best = Some((class, score));
        }
    }
    best.map(|(class, _)| class)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_found_and_summed() {
        let rows: Vec<Row> = (0..100u32)
            .map(|k| {
                (
                    k.wrapping_mul(2_654_435_761) | 1,
                    vec![((k % 3) as u8, k as i16 - 50)],
                )
            })
            .collect();
        let weights = Weights::from_rows(3, &rows);
        assert_eq!(weights.len(), 100);
        let mut scores = [0i32; 3];
        weights.add_scores(&[rows[10].0, rows[11].0, 12345], &mut scores);
        assert_eq!(scores, [0, -40, -39]);
        assert_eq!(weights.rows_sorted().len(), 100);
        assert_eq!(argmax(&scores, |_| true), Some(0));
        assert_eq!(argmax(&scores, |c| c > 0), Some(2));
    }
}
