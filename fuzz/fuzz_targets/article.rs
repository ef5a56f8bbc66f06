//! The article reader on arbitrary bytes: the bounded reader, the binary check and the decoder
//! (UTF-8, UTF-16 with a byte-order mark, lossy) give text or a clear error.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = std::path::Path::new("fuzz.txt");
    match tiemap::io::read_limited(data, path, 1 << 16) {
        Ok(bytes) => {
            let loaded = tiemap::io::text::decode_text(&bytes, "fuzz.txt");
            assert!(loaded.warnings.len() <= 1);
        }
        Err(error) => assert!(!error.to_string().is_empty()),
    }
});
