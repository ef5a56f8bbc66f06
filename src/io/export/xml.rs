//! Writing XML text safely: escaping, and dropping the characters XML 1.0 cannot hold at all
//! (control characters other than tab and newlines), which hostile names would otherwise carry.

/// `text` escaped for an XML attribute or element body.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            ch if allowed(ch) => out.push(ch),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

/// Whether XML 1.0 allows `ch` in a document.
fn allowed(ch: char) -> bool {
    matches!(ch, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// A float as XML text: finite, without exponent surprises for readers that want plain decimals.
pub fn number(value: f32) -> String {
    if value.is_finite() {
        format!("{value}")
    } else {
        "0".into()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_and_control_characters_cannot_break_the_document() {
        assert_eq!(
            super::escape("a<b>&\"c'\u{1}\u{FFFF}"),
            "a&lt;b&gt;&amp;&quot;c&apos;\u{FFFD}\u{FFFD}"
        );
    }
}
