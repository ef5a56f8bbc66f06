//! Closed word lists looked up without comparing strings: a word is packed into an integer
//! (its bytes, ASCII lower-cased, zero padded) and found in a small open-addressing hash table.
//!
//! Design decision: the lists (function words of the tie reader, cue words of figures) are
//! short words, so every entry fits in 16 bytes and a lookup is a fold, a multiply and, for most
//! words of a text (which are in no list), one comparison with an empty slot. No allocation
//! per word, no UTF-8 re-validation, nothing that grows with the list but the table itself.

/// The longest word a table can hold, in bytes.
pub(crate) const MAX_WORD_BYTES: usize = 16;

/// `word` packed: its bytes with ASCII letters lower-cased, zero padded, in an integer; `None`
/// when it is longer than [`MAX_WORD_BYTES`] (no table word is).
#[inline]
pub(crate) fn pack(word: &[u8]) -> Option<u128> {
    if word.len() > MAX_WORD_BYTES {
        return None;
    }
    let mut buffer = [0u8; MAX_WORD_BYTES];
    buffer[..word.len()].copy_from_slice(word);
    Some(lower_ascii(u128::from_le_bytes(buffer)))
}

/// The word of `len` bytes at `start` of `bytes`, packed as [`pack`] does; with one 16-byte
/// load when the text has 16 bytes from `start`, which is the common case.
#[inline]
pub(crate) fn pack_at(bytes: &[u8], start: usize, len: usize) -> Option<u128> {
    if len > MAX_WORD_BYTES {
        return None;
    }
    let Some(Ok(sixteen)) = bytes
        .get(start..start.saturating_add(MAX_WORD_BYTES))
        .map(<[u8; MAX_WORD_BYTES]>::try_from)
    else {
        return pack(bytes.get(start..start.saturating_add(len))?);
    };
    let mask = if len == MAX_WORD_BYTES {
        u128::MAX
    } else {
        (1u128 << (8 * len)) - 1
    };
    Some(lower_ascii(u128::from_le_bytes(sixteen) & mask))
}

/// Lower-cases the ASCII capitals among the 16 bytes of `packed`, leaving every other byte
/// (digits, punctuation, bytes of multi-byte characters) as it is.
#[inline]
fn lower_ascii(packed: u128) -> u128 {
    const ONES: u128 = u128::from_le_bytes([0x01; 16]);
    const HIGH: u128 = ONES * 0x80;
    // Per byte, on its low seven bits (so no sum carries into the next byte): at least 'A',
    // and at least one past 'Z'; a capital is the first without the second, with bit 7 clear.
    let low_seven = packed & !HIGH;
    let at_least_a = (low_seven + ONES * (0x80 - u128::from(b'A'))) & HIGH;
    let past_z = (low_seven + ONES * (0x80 - u128::from(b'Z') - 1)) & HIGH;
    let capitals = at_least_a & !past_z & !packed & HIGH;
    // 0x80 >> 2 is 0x20, the case bit.
    packed | (capitals >> 2)
}

/// A closed list of words, each with a value, looked up by packed word.
pub(crate) struct WordTable<T> {
    /// Packed words; 0 marks an empty slot (no word packs to 0).
    keys: Vec<u128>,
    /// The value of each slot's word.
    values: Vec<Option<T>>,
    /// Slot count minus one (the count is a power of two).
    mask: usize,
    /// Right shift that keeps the top bits of the hash as a slot number.
    shift: u32,
}

impl<T: Copy> WordTable<T> {
    /// A table of `words`; the last value wins for a repeated word. Words longer than
    /// [`MAX_WORD_BYTES`] or empty are left out (a test of each list checks there are none).
    pub(crate) fn new(words: &[(&str, T)]) -> Self {
        // About four slots a word: most lookups of words that are not in the list end at the
        // first slot, which is empty.
        let slots = (words.len() * 4).next_power_of_two().max(16);
        let mut table = WordTable {
            keys: vec![0; slots],
            values: vec![None; slots],
            mask: slots - 1,
            shift: 64 - slots.trailing_zeros(),
        };
        for &(word, value) in words {
            let Some(key) = pack(word.as_bytes()).filter(|&key| key != 0) else {
                continue;
            };
            let mut slot = table.first_slot(key);
            while table.keys[slot] != 0 && table.keys[slot] != key {
                slot = (slot + 1) & table.mask;
            }
            table.keys[slot] = key;
            table.values[slot] = Some(value);
        }
        table
    }

    /// The value of the packed word `key`, if it is in the list.
    #[inline]
    pub(crate) fn get(&self, key: u128) -> Option<T> {
        let mut slot = self.first_slot(key);
        loop {
            let found = self.keys[slot];
            if found == key {
                return self.values[slot];
            }
            if found == 0 {
                return None;
            }
            slot = (slot + 1) & self.mask;
        }
    }

    #[inline]
    fn first_slot(&self, key: u128) -> usize {
        let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::{WordTable, pack, pack_at};

    #[test]
    fn packing_lower_cases_ascii_capitals_only() {
        let expected = |word: &str| pack(word.to_ascii_lowercase().as_bytes());
        for word in [
            "Between", "ON", "q3", "2022", "Zz@[`{", "Ärger", "ÀÉ", "naïve",
        ] {
            assert_eq!(pack(word.as_bytes()), expected(word), "{word}");
            let padded = format!("{word} and more than sixteen bytes");
            assert_eq!(
                pack_at(padded.as_bytes(), 0, word.len()),
                expected(word),
                "{word}"
            );
        }
        assert_eq!(pack(b"seventeen letters"), None);
    }

    #[test]
    fn every_word_is_found_and_other_words_are_not() {
        let words: Vec<(String, usize)> = (0..300).map(|n| (format!("w{n}"), n)).collect();
        let list: Vec<(&str, usize)> = words.iter().map(|(w, n)| (w.as_str(), *n)).collect();
        let table = WordTable::new(&list);
        for (word, n) in &list {
            assert_eq!(table.get(pack(word.as_bytes()).unwrap_or(0)), Some(*n));
            let upper = word.to_ascii_uppercase();
            assert_eq!(table.get(pack(upper.as_bytes()).unwrap_or(0)), Some(*n));
        }
        for other in ["w300", "w", "x1", "w01"] {
            assert_eq!(
                table.get(pack(other.as_bytes()).unwrap_or(0)),
                None,
                "{other}"
            );
        }
    }
}
