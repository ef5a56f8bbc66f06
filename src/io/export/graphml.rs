//! `GraphML`, for Cytoscape, yEd and networkx: the same nodes and edges as the GEXF export, with
//! position, colour and size as plain keys.

use std::fmt::Write as _;

use super::gexf::{edge_attributes, edge_values, kind_name};
use super::graph::GraphRows;
use super::style::hex;
use super::xml::{escape, number};

/// The rows as a `GraphML` document.
pub fn to_graphml(rows: &GraphRows) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (id, kind) in [
        ("label", "string"),
        ("kind", "string"),
        ("iso", "string"),
        ("x", "double"),
        ("y", "double"),
        ("color", "string"),
        ("size", "double"),
    ] {
        let _ = writeln!(
            out,
            "  <key id=\"n_{id}\" for=\"node\" attr.name=\"{id}\" attr.type=\"{kind}\"/>"
        );
    }
    let mut keys = vec![
        ("weight".to_owned(), "int"),
        ("color".to_owned(), "string"),
        ("width".to_owned(), "double"),
    ];
    keys.extend(
        edge_attributes()
            .into_iter()
            .map(|(id, kind)| (id, if kind == "integer" { "int" } else { kind })),
    );
    for (id, kind) in &keys {
        let _ = writeln!(
            out,
            "  <key id=\"e_{id}\" for=\"edge\" attr.name=\"{id}\" attr.type=\"{kind}\"/>"
        );
    }
    out.push_str("  <graph id=\"tiemap\" edgedefault=\"undirected\">\n");
    for node in &rows.nodes {
        let _ = writeln!(out, "    <node id=\"{}\">", escape(&node.id));
        for (key, value) in [
            ("label", node.label.clone()),
            ("kind", kind_name(node.kind).to_owned()),
            ("iso", node.iso.clone()),
            ("x", number(node.x)),
            ("y", number(node.y)),
            ("color", hex(node.color)),
            ("size", number(node.size)),
        ] {
            let _ = writeln!(out, "      <data key=\"n_{key}\">{}</data>", escape(&value));
        }
        out.push_str("    </node>\n");
    }
    for (index, edge) in rows.edges.iter().enumerate() {
        let _ = writeln!(
            out,
            "    <edge id=\"e{index}\" source=\"{}\" target=\"{}\">",
            escape(&edge.source),
            escape(&edge.target)
        );
        let mut values = vec![
            ("weight".to_owned(), edge.weight.to_string()),
            ("color".to_owned(), hex(edge.color)),
            ("width".to_owned(), number(edge.width)),
        ];
        values.extend(edge_values(edge));
        for (key, value) in values {
            let _ = writeln!(out, "      <data key=\"e_{key}\">{}</data>", escape(&value));
        }
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}
