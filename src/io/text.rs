//! Bytes to text: byte-order marks (UTF-8, UTF-16 LE and BE), lossy UTF-8 with a warning, the
//! binary check, and capping strings that would be drawn.
//!
//! Main design decision: decoding never fails; what was replaced or cut is a warning naming the
//! file, so a user always knows when the text shown is not byte for byte the file's.

/// UTF-8's byte-order mark.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
/// UTF-16 little-endian byte-order mark.
const UTF16_LE_BOM: &[u8] = b"\xFF\xFE";
/// UTF-16 big-endian byte-order mark.
const UTF16_BE_BOM: &[u8] = b"\xFE\xFF";

/// Text decoded from bytes, with what the user should know about how.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedText {
    /// The text (undecodable bytes replaced by U+FFFD).
    pub text: String,
    /// Warnings such as "not valid UTF-8".
    pub warnings: Vec<String>,
}

/// Whether the bytes start with a UTF-16 byte-order mark.
pub fn has_utf16_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(UTF16_LE_BOM) || bytes.starts_with(UTF16_BE_BOM)
}

/// Decodes `bytes` as UTF-8, or as UTF-16 when a byte-order mark says so; `origin` names the
/// source in warnings.
pub fn decode_text(bytes: &[u8], origin: &str) -> LoadedText {
    let mut warnings = Vec::new();
    let text = if let Some(body) = bytes.strip_prefix(UTF16_LE_BOM) {
        decode_utf16(body, u16::from_le_bytes, origin, &mut warnings)
    } else if let Some(body) = bytes.strip_prefix(UTF16_BE_BOM) {
        decode_utf16(body, u16::from_be_bytes, origin, &mut warnings)
    } else {
        let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
        if let Ok(text) = std::str::from_utf8(body) {
            text.to_owned()
        } else {
            warnings.push(format!(
                "{origin}: not valid UTF-8; undecodable bytes were replaced by \u{FFFD}"
            ));
            String::from_utf8_lossy(body).into_owned()
        }
    };
    LoadedText { text, warnings }
}

fn decode_utf16(
    body: &[u8],
    unit: fn([u8; 2]) -> u16,
    origin: &str,
    warnings: &mut Vec<String>,
) -> String {
    let units = body.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut replaced = body.len() % 2 == 1;
    let mut text: String = char::decode_utf16(units)
        .map(|decoded| {
            decoded.unwrap_or_else(|_| {
                replaced = true;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    if body.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    if replaced {
        warnings.push(format!(
            "{origin}: not valid UTF-16; undecodable bytes were replaced by \u{FFFD}"
        ));
    }
    text
}

/// Binary, not text: a NUL byte, or many control characters, in the first 8 KiB. UTF-16 text
/// with a byte-order mark is text.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if has_utf16_bom(bytes) {
        return false;
    }
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&byte| byte < 0x20 && !matches!(byte, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    !head.is_empty() && controls * 10 > head.len()
}

/// Cuts `text` to at most `max_chars` characters, ending it with an ellipsis; returns whether
/// it was cut.
pub fn cap_chars(text: &mut String, max_chars: usize) -> bool {
    let Some((cut, _)) = text.char_indices().nth(max_chars) else {
        return false;
    };
    let keep = text
        .char_indices()
        .nth(max_chars.saturating_sub(1))
        .map_or(cut, |(index, _)| index);
    text.truncate(keep);
    text.push('…');
    true
}

/// At most `max_bytes` of `text`, cut at a character boundary, with an ellipsis when cut: for
/// quoting a bad line in a message without echoing all of it.
pub fn quote_prefix(text: &str, max_bytes: usize) -> String {
    if text.len() <= max_bytes {
        return format!("{text:?}");
    }
    let mut end = max_bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{:?}… ({} bytes)", &text[..end], text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_with_a_bom_is_decoded_both_ways_round() {
        let text = "Франция and China signed.";
        let mut le = UTF16_LE_BOM.to_vec();
        let mut be = UTF16_BE_BOM.to_vec();
        for unit in text.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert!(!looks_binary(&le));
        assert_eq!(decode_text(&le, "le").text, text);
        assert_eq!(decode_text(&be, "be").text, text);
        assert!(decode_text(&le, "le").warnings.is_empty());
        // A lone surrogate is replaced, with a warning.
        let broken = [0xFF, 0xFE, 0x00, 0xD8, b'a', 0];
        let decoded = decode_text(&broken, "broken");
        assert_eq!(decoded.text, "\u{FFFD}a");
        assert_eq!(decoded.warnings.len(), 1);
    }

    #[test]
    fn caps_and_quotes_cut_at_character_boundaries() {
        let mut long = "é".repeat(300);
        assert!(cap_chars(&mut long, 200));
        assert_eq!(long.chars().count(), 200);
        assert!(long.ends_with('…'));
        let mut short = "France".to_owned();
        assert!(!cap_chars(&mut short, 200));
        assert_eq!(short, "France");
        let quoted = quote_prefix(&"é".repeat(1000), 101);
        assert!(quoted.len() < 140, "{quoted}");
        assert!(quoted.contains("2000 bytes"));
    }
}
