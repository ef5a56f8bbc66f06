//! The saved-map loader on arbitrary bytes: an error or a checked map, never a panic. A map that
//! loads must save and load again to the same map.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let origin = std::path::Path::new("fuzz.ron");
    if let Ok((map, _)) = tiemap::io::map_from_bytes(data, origin) {
        let text = tiemap::io::map_to_ron(&map).expect("a loaded map serialises");
        let (again, _) = tiemap::io::parse_map(&text, origin).expect("a saved map loads");
        assert!(again == map, "a loaded map saves and loads unchanged");
    }
});
