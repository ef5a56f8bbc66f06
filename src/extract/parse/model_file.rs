//! The model file: the three weight tables in a compact, checked binary form.
//!
//! Layout (all integers little-endian): the magic `TIEMAPPS`, a `u32` version, a `u64` payload
//! length and a `u64` checksum of the payload, then the payload: for each table (tagger,
//! parser, labeler) its class count, row count and entry count, and its rows sorted by key,
//! each as the key's delta from the previous one, the number of entries, and per entry the
//! class byte and the zigzag weight, all as LEB128 varints. Decoding checks every length and
//! every class against the table, so a truncated or corrupt file is an error, never a panic.

#[cfg(test)]
use super::weights::Row;
use super::weights::Weights;

/// Magic bytes at the start of every model file.
pub const MAGIC: &[u8; 8] = b"TIEMAPPS";
/// The format version this code reads and writes.
pub const VERSION: u32 = 1;
const HEADER: usize = 8 + 4 + 8 + 8;

/// Why a model file was rejected.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ParseModelError {
    /// The file does not start with the magic bytes.
    #[error("not a parser model (bad magic)")]
    BadMagic,
    /// Written by another version of the format.
    #[error("parser model version {0}, expected {VERSION}")]
    Version(u32),
    /// Shorter than its header says.
    #[error("parser model truncated")]
    Truncated,
    /// The payload does not match its checksum.
    #[error("parser model checksum mismatch")]
    Checksum,
    /// The payload is inconsistent.
    #[error("parser model malformed: {0}")]
    Malformed(&'static str),
}

/// A 64-bit checksum over bytes, eight at a time (fast enough to check megabytes at load).
pub fn checksum(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0x243f_6a88_85a3_08d3 ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h ^ u64::from_le_bytes(word))
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(31);
    }
    for &byte in chunks.remainder() {
        h = (h ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3);
    }
    super::features::mix64(h)
}

fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Writes the tables into a model file.
pub fn encode(tables: &[&Weights]) -> Vec<u8> {
    let mut payload = Vec::new();
    put_varint(&mut payload, tables.len() as u64);
    for table in tables {
        let rows = table.rows_sorted();
        put_varint(&mut payload, table.classes() as u64);
        put_varint(&mut payload, rows.len() as u64);
        put_varint(&mut payload, rows.iter().map(|(_, r)| r.len() as u64).sum());
        let mut previous = 0u32;
        for (key, entries) in &rows {
            put_varint(&mut payload, u64::from(key - previous));
            previous = *key;
            put_varint(&mut payload, entries.len() as u64);
            for &(class, weight) in entries {
                payload.push(class);
                let zigzag = ((weight << 1) ^ (weight >> 15)) as u16;
                put_varint(&mut payload, u64::from(zigzag));
            }
        }
    }
    let mut file = Vec::with_capacity(HEADER + payload.len());
    file.extend_from_slice(MAGIC);
    file.extend_from_slice(&VERSION.to_le_bytes());
    file.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    file.extend_from_slice(&checksum(&payload).to_le_bytes());
    file.extend_from_slice(&payload);
    file
}

/// Reads bytes off the payload.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, ParseModelError> {
        let byte = *self.bytes.get(self.at).ok_or(ParseModelError::Truncated)?;
        self.at += 1;
        Ok(byte)
    }

    fn varint(&mut self) -> Result<u64, ParseModelError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(ParseModelError::Malformed("varint too long"))
    }

    fn bounded(&mut self, max: u64, what: &'static str) -> Result<usize, ParseModelError> {
        let value = self.varint()?;
        if value > max {
            return Err(ParseModelError::Malformed(what));
        }
        Ok(value as usize)
    }
}

/// Reads a model file into its tables.
pub fn decode(file: &[u8]) -> Result<Vec<Weights>, ParseModelError> {
    let header = |range: std::ops::Range<usize>| file.get(range).ok_or(ParseModelError::Truncated);
    if header(0..8)? != MAGIC {
        return Err(ParseModelError::BadMagic);
    }
    let le_u64 = |bytes: &[u8]| {
        let mut word = [0u8; 8];
        word.copy_from_slice(bytes);
        u64::from_le_bytes(word)
    };
    let mut version = [0u8; 4];
    version.copy_from_slice(header(8..12)?);
    let version = u32::from_le_bytes(version);
    if version != VERSION {
        return Err(ParseModelError::Version(version));
    }
    let length = le_u64(header(12..20)?);
    let sum = le_u64(header(20..28)?);
    let payload = usize::try_from(length)
        .ok()
        .and_then(|length| file.get(HEADER..HEADER.checked_add(length)?))
        .ok_or(ParseModelError::Truncated)?;
    if file.len() != HEADER + payload.len() {
        return Err(ParseModelError::Malformed("trailing bytes"));
    }
    if checksum(payload) != sum {
        return Err(ParseModelError::Checksum);
    }
    let mut reader = Reader {
        bytes: payload,
        at: 0,
    };
    let count = reader.bounded(16, "table count")?;
    let mut tables = Vec::with_capacity(count);
    for _ in 0..count {
        tables.push(decode_table(&mut reader, payload.len() as u64)?);
    }
    if reader.at != payload.len() {
        return Err(ParseModelError::Malformed("bytes after the last table"));
    }
    Ok(tables)
}

fn decode_table(reader: &mut Reader, limit: u64) -> Result<Weights, ParseModelError> {
    let classes = reader.bounded(256, "class count")?;
    let rows = reader.bounded(limit, "row count")?;
    let entries = reader.bounded(limit, "entry count")?;
    let _ = entries;
    let mut table = Weights::with_capacity(classes, rows);
    let mut key = 0u32;
    let mut buffer: Vec<(u8, i16)> = Vec::with_capacity(classes);
    for i in 0..rows {
        let delta = reader.bounded(u64::from(u32::MAX), "key delta")? as u32;
        if i > 0 && delta == 0 {
            return Err(ParseModelError::Malformed("keys out of order"));
        }
        key = key
            .checked_add(delta)
            .ok_or(ParseModelError::Malformed("key overflow"))?;
        let count = reader.bounded(classes as u64, "row length")?;
        buffer.clear();
        for _ in 0..count {
            let class = reader.byte()?;
            if usize::from(class) >= classes {
                return Err(ParseModelError::Malformed("class out of range"));
            }
            let zigzag = reader.bounded(u64::from(u16::MAX), "weight")? as u16;
            let weight = ((zigzag >> 1) as i16) ^ -((zigzag & 1) as i16);
            buffer.push((class, weight));
        }
        if !table.push_row(key, buffer.iter().copied()) {
            return Err(ParseModelError::Malformed("row does not fit"));
        }
    }
    Ok(table)
}

/// Rows and tables for tests of the format.
#[cfg(test)]
pub(super) fn sample_tables() -> Vec<Weights> {
    let rows = |salt: u32, classes: u8| -> Vec<Row> {
        (0..50u32)
            .map(|k| {
                let entries = (0..classes)
                    .filter(|c| (k + u32::from(*c)) % 2 == 0)
                    .map(|c| (c, (k as i16 - 25) * 37 + i16::from(c)))
                    .collect();
                (k.wrapping_mul(2_654_435_761) ^ salt | 1, entries)
            })
            .filter(|(_, e): &Row| !e.is_empty())
            .collect()
    };
    vec![
        Weights::from_rows(17, &rows(1, 17)),
        Weights::from_rows(3, &rows(2, 3)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let tables = sample_tables();
        let file = encode(&tables.iter().collect::<Vec<_>>());
        let decoded = decode(&file).expect("decodes");
        assert_eq!(decoded.len(), 2);
        for (a, b) in tables.iter().zip(&decoded) {
            assert_eq!(a.rows_sorted(), b.rows_sorted());
        }
    }

    #[test]
    fn truncated_and_corrupt_files_are_errors() {
        let tables = sample_tables();
        let file = encode(&tables.iter().collect::<Vec<_>>());
        for cut in [0, 3, 8, 20, HEADER, file.len() / 2, file.len() - 1] {
            assert!(decode(&file[..cut]).is_err(), "cut at {cut}");
        }
        let mut bad = file.clone();
        bad[0] = b'X';
        assert_eq!(decode(&bad), Err(ParseModelError::BadMagic));
        let mut bad = file.clone();
        bad[8] = 9;
        assert_eq!(decode(&bad), Err(ParseModelError::Version(9)));
        for at in [HEADER, HEADER + 7, file.len() - 2] {
            let mut bad = file.clone();
            bad[at] ^= 0x5a;
            assert_eq!(decode(&bad), Err(ParseModelError::Checksum), "flip at {at}");
        }
        let mut longer = file;
        longer.push(0);
        assert!(decode(&longer).is_err());
    }
}
