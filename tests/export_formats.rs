//! Exports as the tools that read them see them: GEXF and `GraphML` parsed by an XML parser and
//! by networkx (when python3 has it), CSV read back by the csv crate, event records imported
//! back into a map, SVG parsed, PNG decoded at the requested size and not blank.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

use quick_xml::events::Event;
use tiemap::io::export::{
    ExportFormat, ExportOptions, GraphRows, Scene, event_records, export, to_gexf, to_graphml,
    to_png, to_svg,
};
use tiemap::model::{Actor, ActorKind, TieMap};

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tiemap-export-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The bundled article's map, with a hostile actor name added (markup, a control character).
fn sample_map() -> TieMap {
    let extractor = tiemap::extract::Extractor::new().unwrap();
    let mut map = extractor.build_map(vec![tiemap::io::bundled_document()]);
    assert!(map.ties.len() > 3, "the bundled article has ties");
    map.actors.push(Actor {
        id: "ZZZZ".into(),
        name: "<Bloc & \"Co\" \u{1}>".into(),
        kind: ActorKind::Bloc,
    });
    map
}

/// Element names and attributes of a well-formed XML document (the parser checks end tags).
fn parse_xml(text: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut elements = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(element) | Event::Empty(element) => {
                let name = String::from_utf8(element.name().as_ref().to_vec()).unwrap();
                let attributes = element
                    .attributes()
                    .map(|attribute| {
                        let attribute = attribute.unwrap();
                        (
                            String::from_utf8(attribute.key.as_ref().to_vec()).unwrap(),
                            attribute
                                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .unwrap()
                                .into_owned(),
                        )
                    })
                    .collect();
                elements.push((name, attributes));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    elements
}

fn count(elements: &[(String, Vec<(String, String)>)], name: &str) -> usize {
    elements.iter().filter(|(n, _)| n == name).count()
}

#[test]
fn gexf_and_graphml_parse_with_every_node_edge_and_attribute() {
    let map = sample_map();
    let rows = GraphRows::of(&map, &ExportOptions::default());
    let edges = map.edges(true);
    let gexf = parse_xml(&to_gexf(&rows));
    assert_eq!(count(&gexf, "node"), map.actors.len());
    assert_eq!(count(&gexf, "edge"), edges.len());
    assert_eq!(count(&gexf, "viz:position"), map.actors.len());
    let weights: Vec<usize> = gexf
        .iter()
        .filter(|(name, _)| name == "edge")
        .map(|(_, attributes)| {
            attributes
                .iter()
                .find(|(key, _)| key == "weight")
                .unwrap()
                .1
                .parse()
                .unwrap()
        })
        .collect();
    let expected: Vec<usize> = edges.iter().map(|edge| edge.evidence_count).collect();
    assert_eq!(weights, expected);
    let graphml = parse_xml(&to_graphml(&rows));
    assert_eq!(count(&graphml, "node"), map.actors.len());
    assert_eq!(count(&graphml, "edge"), edges.len());
    let keys: BTreeSet<String> = graphml
        .iter()
        .filter(|(name, _)| name == "key")
        .flat_map(|(_, attributes)| attributes.iter().filter(|(k, _)| k == "attr.name"))
        .map(|(_, value)| value.clone())
        .collect();
    for key in [
        "label",
        "kind",
        "iso",
        "x",
        "y",
        "color",
        "size",
        "weight",
        "main_category",
        "negated",
        "hedged",
        "first_sentence",
        "verbal_cooperation",
        "ASSAULT",
    ] {
        assert!(keys.contains(key), "GraphML key {key}");
    }
}

const NETWORKX_CHECK: &str = r#"
import json, sys
import networkx as nx
gexf = nx.read_gexf(sys.argv[1], version="1.3")
graphml = nx.read_graphml(sys.argv[2])
def summary(g):
    node = sorted(g.nodes)[0]
    u, v, data = sorted(g.edges(data=True))[0]
    return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
            "node": dict(g.nodes[node]), "edge": {k: (v if isinstance(v, (int, float, str)) else str(v)) for k, v in data.items()}}
print(json.dumps({"gexf": summary(gexf), "graphml": summary(graphml)}, default=str))
"#;

#[test]
fn networkx_reads_both_graph_files_with_their_attributes() {
    let has_networkx = Command::new("python3")
        .args(["-c", "import networkx"])
        .output()
        .is_ok_and(|output| output.status.success());
    if !has_networkx {
        println!("skipped: python3 with networkx is missing (apt-get install python3-networkx)");
        return;
    }
    let map = sample_map();
    let dir = scratch_dir("networkx");
    let options = ExportOptions::default();
    let gexf = dir.join("map.gexf");
    let graphml = dir.join("map.graphml");
    export(&map, ExportFormat::Gexf, &options, &gexf).unwrap();
    export(&map, ExportFormat::Graphml, &options, &graphml).unwrap();
    let output = Command::new("python3")
        .args(["-c", NETWORKX_CHECK])
        .arg(&gexf)
        .arg(&graphml)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let read: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let edges = map.edges(true).len();
    for format in ["gexf", "graphml"] {
        let summary = &read[format];
        assert_eq!(summary["nodes"], map.actors.len(), "{format}: {summary}");
        assert_eq!(summary["edges"], edges, "{format}: {summary}");
        for key in [
            "main_category",
            "negated",
            "hedged",
            "first_sentence",
            "CONSULT",
        ] {
            assert!(
                summary["edge"].get(key).is_some(),
                "{format} edge has {key}: {summary}"
            );
        }
        assert!(summary["node"].get("kind").is_some(), "{format}: {summary}");
    }
    assert!(
        read["gexf"]["node"].get("viz").is_some(),
        "{}",
        read["gexf"]
    );
    assert!(read["graphml"]["edge"]["weight"].as_u64().unwrap() >= 1);
}

#[test]
fn csv_tables_read_back_with_headers_and_quoting() {
    let mut map = sample_map();
    map.ties[0].evidence[0].text = "He said, \"no\"\nand left.".into();
    let dir = scratch_dir("csv");
    let out = dir.join("tables");
    let written = export(&map, ExportFormat::Csv, &ExportOptions::default(), &out).unwrap();
    assert_eq!(written.len(), 3);
    let read = |name: &str| {
        let mut reader = csv::Reader::from_path(out.join(name)).unwrap();
        let header: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        (header, rows)
    };
    let (header, nodes) = read("nodes.csv");
    assert_eq!(header[0], "id");
    assert_eq!(nodes.len(), map.actors.len());
    let (_, edges) = read("edges.csv");
    assert_eq!(edges.len(), map.edges(true).len());
    let (header, ties) = read("ties.csv");
    assert_eq!(header, tiemap::io::export::tables::TIES_HEADER);
    let sentences: usize = map.ties.iter().map(|tie| tie.evidence.len()).sum();
    assert_eq!(ties.len(), sentences);
    let text_column = header.iter().position(|h| h == "text").unwrap();
    assert!(
        ties.iter()
            .any(|row| &row[text_column] == "He said, \"no\"\nand left.")
    );
}

#[test]
fn event_records_import_back_with_actors_ties_and_evidence() {
    let map = sample_map();
    let dir = scratch_dir("events");
    let path = dir.join("events.jsonl");
    export(&map, ExportFormat::Events, &ExportOptions::default(), &path).unwrap();
    let lines = std::fs::read_to_string(&path).unwrap();
    let first: serde_json::Value = serde_json::from_str(lines.lines().next().unwrap()).unwrap();
    for field in [
        "event_type",
        "mode",
        "context",
        "actor_name",
        "actor_country",
        "recipient_name",
        "recipient_country",
        "event_date",
        "story_id",
        "event_text",
    ] {
        assert!(first.get(field).is_some(), "{field}: {first}");
    }
    let (imported, warnings) = tiemap::io::import::load_events(&path).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let tied: BTreeSet<&str> = map
        .ties
        .iter()
        .flat_map(|tie| [tie.source.as_str(), tie.target.as_str()])
        .collect();
    let actors = |map: &TieMap, only: &BTreeSet<&str>| -> Vec<(String, String, ActorKind)> {
        map.actors
            .iter()
            .filter(|actor| only.contains(actor.id.as_str()))
            .map(|actor| (actor.id.clone(), actor.name.clone(), actor.kind))
            .collect()
    };
    assert_eq!(actors(&imported, &tied), actors(&map, &tied));
    let ties = |map: &TieMap| -> BTreeSet<String> {
        map.ties
            .iter()
            .flat_map(|tie| {
                tie.evidence.iter().map(move |evidence| {
                    format!(
                        "{} {} {} {} {} {} | {} {} {} | {}",
                        tie.source,
                        tie.target,
                        tie.category.name(),
                        tie.mode,
                        tie.negated,
                        tie.hedged,
                        evidence.doc,
                        evidence.sentence,
                        evidence.text,
                        evidence.cue
                    )
                })
            })
            .collect()
    };
    assert_eq!(ties(&imported), ties(&map));
    // The story's text is its sentences, shown as the evidence.
    let story = &imported.documents[0];
    assert!(story.text.contains(&imported.ties[0].evidence[0].text));
    assert_eq!(
        event_records(&imported, true).len(),
        event_records(&map, true).len()
    );
}

#[test]
fn bad_event_lines_are_skipped_with_their_line_number() {
    let text = b"{\"event_type\": \"CONSULT\", \"actor_country\": \"USA\", \"recipient_country\": \"CHN\", \"event_text\": \"talks\"}\nnot json\n{\"event_type\": \"DANCE\", \"actor_country\": \"USA\", \"recipient_country\": \"CHN\"}\n";
    let (map, warnings) =
        tiemap::io::import::events_to_map(text, std::path::Path::new("e.jsonl")).unwrap();
    assert_eq!(map.ties.len(), 1);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].contains("line 2") && warnings[1].contains("line 3"));
    assert!(tiemap::io::import::events_to_map(b"nothing\n", std::path::Path::new("e")).is_err());
}

#[test]
fn svg_parses_with_every_label_as_text() {
    let map = sample_map();
    let rows = GraphRows::of(&map, &ExportOptions::default());
    let svg = to_svg(&Scene::of(&rows, 1200, 800));
    let elements = parse_xml(&svg);
    assert_eq!(elements[0].0, "svg");
    assert!(elements[0].1.contains(&("width".into(), "1200".into())));
    let mut reader = quick_xml::Reader::from_str(&svg);
    let mut texts = Vec::new();
    let mut current: Option<String> = None;
    loop {
        match reader.read_event().unwrap() {
            Event::Start(element) if element.name().as_ref() == b"text" => {
                current = Some(String::new());
            }
            Event::Text(text) => {
                if let Some(current) = &mut current {
                    current.push_str(&text.decode().unwrap());
                }
            }
            Event::GeneralRef(reference) => {
                if let Some(current) = &mut current {
                    let name = reference.decode().unwrap();
                    current.push_str(match name.as_ref() {
                        "amp" => "&",
                        "apos" => "'",
                        "quot" => "\"",
                        "lt" => "<",
                        "gt" => ">",
                        _ => "?",
                    });
                }
            }
            Event::End(element) if element.name().as_ref() == b"text" => {
                texts.extend(current.take());
            }
            Event::Eof => break,
            _ => {}
        }
    }
    for actor in map.actors.iter().filter(|actor| actor.id != "ZZZZ") {
        assert!(texts.contains(&actor.name), "label {}", actor.name);
    }
    assert!(
        texts.iter().any(|text| text == "material conflict"),
        "legend"
    );
    assert!(count(&elements, "line") >= map.edges(true).len());
}

#[test]
fn png_is_the_requested_size_and_not_blank() {
    let map = sample_map();
    let rows = GraphRows::of(&map, &ExportOptions::default());
    let png = to_png(&Scene::of(&rows, 900, 600)).unwrap();
    let pixmap = tiny_skia::Pixmap::decode_png(&png).unwrap();
    assert_eq!((pixmap.width(), pixmap.height()), (900, 600));
    let colours: BTreeSet<[u8; 3]> = pixmap
        .pixels()
        .iter()
        .step_by(7)
        .map(|pixel| [pixel.red(), pixel.green(), pixel.blue()])
        .collect();
    assert!(colours.len() > 50, "{} colours", colours.len());
    let background = [250, 250, 247];
    let not_background = pixmap
        .pixels()
        .iter()
        .filter(|pixel| [pixel.red(), pixel.green(), pixel.blue()] != background)
        .count();
    assert!(
        not_background > 900 * 600 / 100,
        "{not_background} pixels drawn"
    );
    if let Ok(dir) = std::env::var("TIEMAP_EXPORT_SAMPLES") {
        std::fs::write(PathBuf::from(&dir).join("map.png"), &png).unwrap();
        std::fs::write(
            PathBuf::from(&dir).join("map.svg"),
            to_svg(&Scene::of(&rows, 900, 600)),
        )
        .unwrap();
    }
}

#[test]
fn a_map_without_positions_is_laid_out_and_saved_positions_are_kept() {
    let mut map = sample_map();
    map.positions.clear();
    let rows = GraphRows::of(&map, &ExportOptions::default());
    let distinct: BTreeSet<(i64, i64)> = rows
        .nodes
        .iter()
        .map(|node| ((node.x * 10.0) as i64, (node.y * 10.0) as i64))
        .collect();
    assert_eq!(
        distinct.len(),
        rows.nodes.len(),
        "every node has its own place"
    );
    for node in &rows.nodes {
        map.positions.insert(
            node.id.clone(),
            tiemap::model::NodePlacement {
                x: node.x + 5.0,
                y: node.y,
                pinned: false,
            },
        );
    }
    let again = GraphRows::of(&map, &ExportOptions::default());
    for (before, after) in rows.nodes.iter().zip(&again.nodes) {
        assert!(
            (after.x - before.x - 5.0).abs() < 1e-3,
            "saved positions used as they are"
        );
    }
}
