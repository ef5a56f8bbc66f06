//! Saved maps: what a user saves is what they get back, and bad files never cost them work.

use tiemap::extract::Extractor;
use tiemap::io::{bundled_document, load_map, map_from_ron, save_map};
use tiemap::model::NodePlacement;

fn scratch_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("tiemap-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

#[test]
fn a_saved_map_reopens_with_the_same_ties_evidence_figures_positions_and_pins() {
    let extractor = Extractor::new().expect("assets load");
    let mut map = extractor.build_map(vec![bundled_document()]);
    assert!(!map.ties.is_empty(), "the bundled article yields ties");
    assert!(
        !map.figures.is_empty(),
        "the bundled article yields a figure"
    );
    for (index, actor) in map.actors.iter().enumerate() {
        let place = NodePlacement {
            x: index as f32 * 31.5 - 7.25,
            y: -(index as f32) * 0.1,
            pinned: index % 2 == 0,
        };
        map.positions.insert(actor.id.clone(), place);
    }
    let path = scratch_dir("roundtrip").join("article.ron");
    save_map(&path, &map).expect("saves");
    let reopened = load_map(&path).expect("reopens");
    assert_eq!(reopened, map);
}

#[test]
fn every_truncation_of_a_saved_map_is_refused_with_a_message_not_a_panic() {
    let extractor = Extractor::new().expect("assets load");
    let map = extractor.build_map(vec![bundled_document()]);
    let text = tiemap::io::map_to_ron(&map).expect("serialises");
    let origin = std::path::Path::new("cut.ron");
    let step = (text.len() / 97).max(1);
    for cut in (0..text.len())
        .step_by(step)
        .filter(|cut| text.is_char_boundary(*cut))
    {
        let result = map_from_ron(&text[..cut], origin);
        assert!(
            result.is_err(),
            "a map cut at byte {cut} must not load as if whole"
        );
    }
}

#[test]
fn saving_over_a_map_replaces_it_whole_and_leaves_no_temporary_file() {
    let dir = scratch_dir("overwrite");
    let path = dir.join("map.ron");
    let extractor = Extractor::new().expect("assets load");
    let map = extractor.build_map(vec![bundled_document()]);
    save_map(&path, &tiemap::model::TieMap::new()).expect("first save");
    save_map(&path, &map).expect("second save");
    assert_eq!(load_map(&path).expect("reopens"), map);
    let names: Vec<String> = std::fs::read_dir(&dir)
        .expect("list")
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["map.ron".to_owned()]);
}
