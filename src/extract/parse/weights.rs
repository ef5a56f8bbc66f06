//! The weight tables of the three classifiers, as they are used at run time.
//!
//! A table maps a feature key to a short sparse row of (class, weight) pairs: averaged
//! perceptron weights quantised to integers, with the near-zero ones pruned away when the model
//! was written. Rows live in one pool of packed `u32`s and are found through an open-addressing
//! index of `u64` slots (key in the high half, pool offset + 1 in the low half), so a lookup is
//! one probe in the index and one read in the pool, and scoring allocates nothing. Only the
//! order of the scores matters to a perceptron, so the quantisation step is not kept.

/// One sparse row: the key, and (class, weight) pairs.
pub type Row = (u32, Vec<(u8, i16)>);

/// A classifier's weights: feature key -> sparse row of class weights.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Weights {
    classes: usize,
    mask: usize,
    slots: Vec<u64>,
    pool: Vec<u32>,
    rows: usize,
}

impl Weights {
    /// Builds the table from rows with distinct keys (each with at least one weight).
    pub fn from_rows(classes: usize, rows: &[Row]) -> Weights {
        let capacity = (rows.len() * 2).next_power_of_two().max(16);
        let mut weights = Weights {
            classes,
            mask: capacity - 1,
            slots: vec![0; capacity],
            pool: Vec::with_capacity(rows.iter().map(|(_, row)| row.len() + 1).sum()),
            rows: 0,
        };
        for (key, row) in rows {
            weights.push_row(*key, row.iter().copied());
        }
        weights
    }

    /// Empty table of this many rows' room, to be filled with [`Weights::push_row`].
    pub fn with_capacity(classes: usize, rows: usize, entries: usize) -> Weights {
        let capacity = (rows * 2).next_power_of_two().max(16);
        Weights {
            classes,
            mask: capacity - 1,
            slots: vec![0; capacity],
            pool: Vec::with_capacity(entries + rows),
            rows: 0,
        }
    }

    /// Adds a row; returns false (and adds nothing) if the key is already there or the table is
    /// full.
    pub fn push_row(&mut self, key: u32, row: impl ExactSizeIterator<Item = (u8, i16)>) -> bool {
        if self.rows * 2 >= self.slots.len() || self.pool.len() >= u32::MAX as usize / 2 {
            return false;
        }
        let mut index = key as usize & self.mask;
        loop {
            let slot = self.slots[index];
            if slot == 0 {
                break;
            }
            if (slot >> 32) as u32 == key {
                return false;
            }
            index = (index + 1) & self.mask;
        }
        let offset = self.pool.len();
        self.pool.push(row.len() as u32);
        for (class, weight) in row {
            self.pool
                .push((u32::from(class) << 16) | u32::from(weight as u16));
        }
        self.slots[index] = (u64::from(key) << 32) | (offset as u64 + 1);
        self.rows += 1;
        true
    }

    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows
    }

    /// True when there are no rows.
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    #[inline]
    fn find(&self, key: u32) -> Option<usize> {
        let mut index = key as usize & self.mask;
        loop {
            let slot = *self.slots.get(index)?;
            if slot == 0 {
                return None;
            }
            if (slot >> 32) as u32 == key {
                return Some((slot & 0xffff_ffff) as usize - 1);
            }
            index = (index + 1) & self.mask;
        }
    }

    /// The classes present in the row of `key` as a bit mask with bit 31 set, 0 if no row.
    pub fn class_mask(&self, key: u32) -> u32 {
        let Some(offset) = self.find(key) else {
            return 0;
        };
        let count = self.pool.get(offset).copied().unwrap_or(0) as usize;
        let entries = self.pool.get(offset + 1..offset + 1 + count).unwrap_or(&[]);
        entries
            .iter()
            .fold(1 << 31, |mask, &entry| mask | 1u32 << ((entry >> 16) & 31))
    }

    /// Adds the weights of every feature in `keys` to `scores` (one per class).
    #[inline]
    pub fn add_scores(&self, keys: &[u32], scores: &mut [i32]) {
        for &key in keys {
            let Some(offset) = self.find(key) else {
                continue;
            };
            let Some(&count) = self.pool.get(offset) else {
                continue;
            };
            let Some(entries) = self.pool.get(offset + 1..offset + 1 + count as usize) else {
                continue;
            };
            for &entry in entries {
                if let Some(score) = scores.get_mut((entry >> 16) as usize) {
                    *score += i32::from(entry as u16 as i16);
                }
            }
        }
    }

    /// Every row, sorted by key (for writing the model file).
    pub fn rows_sorted(&self) -> Vec<Row> {
        let mut rows: Vec<Row> = self
            .slots
            .iter()
            .filter(|&&slot| slot != 0)
            .map(|&slot| {
                let offset = (slot & 0xffff_ffff) as usize - 1;
                let count = self.pool[offset] as usize;
                let entries = self.pool[offset + 1..offset + 1 + count]
                    .iter()
                    .map(|&e| ((e >> 16) as u8, e as u16 as i16))
                    .collect();
                ((slot >> 32) as u32, entries)
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
            .map(|k| (k.wrapping_mul(2_654_435_761), vec![((k % 3) as u8, k as i16 - 50)]))
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
