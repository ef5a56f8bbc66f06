//! Reading a stream a line at a time with a bound on each line: a line longer than the bound is
//! skipped to its end and reported, so one 3 GB line costs a message, not the process.

use std::io::BufRead;

/// Longest JSON line read: past this a line gets an error and the stream goes on.
pub const MAX_LINE_BYTES: usize = 64 * 1024 * 1024;

/// What [`read_line_bounded`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineRead {
    /// The line is in the buffer (without its newline).
    Line,
    /// The line had this many bytes, more than the bound; it was skipped and the buffer is empty.
    TooLong(u64),
}

/// Reads the next line of `input` into `buf` (cleared first), holding at most `max_bytes` of
/// it; `None` at the end of the input.
pub fn read_line_bounded(
    input: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    max_bytes: usize,
) -> std::io::Result<Option<LineRead>> {
    buf.clear();
    let mut total: u64 = 0;
    let mut too_long = false;
    loop {
        let available = match input.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            break;
        }
        let newline = memchr::memchr(b'\n', available);
        let chunk = &available[..newline.unwrap_or(available.len())];
        total += chunk.len() as u64;
        if !too_long {
            if buf.len() + chunk.len() > max_bytes {
                too_long = true;
                buf.clear();
                buf.shrink_to(0);
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        let used = chunk.len() + usize::from(newline.is_some());
        input.consume(used);
        if newline.is_some() {
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
            return Ok(Some(if too_long {
                LineRead::TooLong(total)
            } else {
                LineRead::Line
            }));
        }
    }
    Ok(match (total, too_long) {
        (0, _) => None,
        (_, true) => Some(LineRead::TooLong(total)),
        (_, false) => Some(LineRead::Line),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_over_the_bound_is_skipped_and_the_next_is_read() {
        let mut input = std::io::BufReader::with_capacity(
            7,
            &b"short\r\nthis line is far too long\nnext\nlast-no-newline"[..],
        );
        let mut buf = Vec::new();
        let mut seen = Vec::new();
        while let Some(read) = read_line_bounded(&mut input, &mut buf, 10).expect("reads") {
            seen.push((read, String::from_utf8(buf.clone()).expect("utf8")));
        }
        assert_eq!(
            seen,
            [
                (LineRead::Line, "short".to_owned()),
                (LineRead::TooLong(25), String::new()),
                (LineRead::Line, "next".to_owned()),
                (LineRead::TooLong(15), String::new()),
            ]
        );
    }

    #[test]
    fn an_endless_line_is_read_in_flat_memory() {
        // 200 MB of zeros with no newline, bounded at 1 MB: the buffer never grows past it.
        let mut input =
            std::io::BufReader::new(std::io::Read::take(std::io::repeat(0), 200_000_000));
        let mut buf = Vec::new();
        let read = read_line_bounded(&mut input, &mut buf, 1 << 20).expect("reads");
        assert_eq!(read, Some(LineRead::TooLong(200_000_000)));
        assert!(buf.capacity() <= 2 << 20);
    }
}
