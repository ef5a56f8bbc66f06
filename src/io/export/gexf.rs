//! GEXF 1.3, Gephi's format: nodes with kind, ISO code and `viz` position, colour and size as
//! drawn; edges weighted by their sentences, with counts per quad and category.

use std::fmt::Write as _;

use super::graph::GraphRows;
use super::xml::{escape, number};
use crate::model::{Category, Quad};

/// The rows as a GEXF 1.3 document.
pub fn to_gexf(rows: &GraphRows) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n",
    );
    out.push_str("  <meta><creator>tiemap</creator><description>ties between countries and blocs, from news text</description></meta>\n");
    out.push_str("  <graph defaultedgetype=\"undirected\" mode=\"static\">\n");
    out.push_str("    <attributes class=\"node\">\n");
    for (id, kind) in [("kind", "string"), ("iso", "string")] {
        let _ = writeln!(
            out,
            "      <attribute id=\"{id}\" title=\"{id}\" type=\"{kind}\"/>"
        );
    }
    out.push_str("    </attributes>\n    <attributes class=\"edge\">\n");
    for (id, kind) in edge_attributes() {
        let _ = writeln!(
            out,
            "      <attribute id=\"{id}\" title=\"{id}\" type=\"{kind}\"/>"
        );
    }
    out.push_str("    </attributes>\n    <nodes>\n");
    for node in &rows.nodes {
        let _ = writeln!(
            out,
            "      <node id=\"{}\" label=\"{}\">\n        <attvalues><attvalue for=\"kind\" value=\"{}\"/><attvalue for=\"iso\" value=\"{}\"/></attvalues>\n        <viz:color r=\"{}\" g=\"{}\" b=\"{}\" a=\"1.0\"/>\n        <viz:position x=\"{}\" y=\"{}\" z=\"0.0\"/>\n        <viz:size value=\"{}\"/>\n      </node>",
            escape(&node.id),
            escape(&node.label),
            kind_name(node.kind),
            escape(&node.iso),
            node.color[0],
            node.color[1],
            node.color[2],
            number(node.x),
            // GEXF's y grows upwards; the map's grows downwards.
            number(-node.y),
            number(node.size),
        );
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for (index, edge) in rows.edges.iter().enumerate() {
        let _ = write!(
            out,
            "      <edge id=\"{index}\" source=\"{}\" target=\"{}\" weight=\"{}\" label=\"{}\">\n        <attvalues>",
            escape(&edge.source),
            escape(&edge.target),
            edge.weight,
            edge.main_category.name(),
        );
        for (id, value) in edge_values(edge) {
            let _ = write!(out, "<attvalue for=\"{id}\" value=\"{}\"/>", escape(&value));
        }
        let _ = writeln!(
            out,
            "</attvalues>\n        <viz:color r=\"{}\" g=\"{}\" b=\"{}\" a=\"1.0\"/>\n        <viz:thickness value=\"{}\"/>\n      </edge>",
            edge.color[0],
            edge.color[1],
            edge.color[2],
            number(edge.width)
        );
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

pub(super) fn kind_name(kind: crate::model::ActorKind) -> &'static str {
    match kind {
        crate::model::ActorKind::Country => "country",
        crate::model::ActorKind::Bloc => "bloc",
    }
}

/// Edge attribute ids and GEXF types, in the order [`edge_values`] gives them.
pub(super) fn edge_attributes() -> Vec<(String, &'static str)> {
    let mut attributes = vec![
        ("main_category".to_owned(), "string"),
        ("quad".to_owned(), "string"),
        ("negated".to_owned(), "integer"),
        ("hedged".to_owned(), "integer"),
        ("first_sentence".to_owned(), "string"),
    ];
    attributes.extend(Quad::ALL.iter().map(|quad| (quad_id(*quad), "integer")));
    attributes.extend(
        Category::ALL
            .iter()
            .map(|category| (category.name().to_owned(), "integer")),
    );
    attributes
}

/// Edge attribute values, as text, in [`edge_attributes`] order.
pub(super) fn edge_values(edge: &super::graph::EdgeRow) -> Vec<(String, String)> {
    let mut values = vec![
        (
            "main_category".to_owned(),
            edge.main_category.name().to_owned(),
        ),
        ("quad".to_owned(), quad_id(edge.quad)),
        ("negated".to_owned(), edge.negated.to_string()),
        ("hedged".to_owned(), edge.hedged.to_string()),
        ("first_sentence".to_owned(), edge.first_sentence.clone()),
    ];
    values.extend(
        Quad::ALL
            .iter()
            .zip(edge.per_quad)
            .map(|(quad, count)| (quad_id(*quad), count.to_string())),
    );
    values.extend(
        Category::ALL
            .iter()
            .zip(edge.per_category)
            .map(|(category, count)| (category.name().to_owned(), count.to_string())),
    );
    values
}

/// A quad's id in files: `verbal_cooperation`.
pub fn quad_id(quad: Quad) -> String {
    quad.label().replace(' ', "_")
}
