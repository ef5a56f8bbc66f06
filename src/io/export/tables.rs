//! CSV tables for spreadsheets and R: `nodes.csv`, `edges.csv` and `ties.csv` (one row per tie
//! and evidence sentence), each with a header, quoted as RFC 4180 says (the csv crate).

use super::gexf::{edge_attributes, edge_values, kind_name, quad_id};
use super::graph::GraphRows;
use super::style::hex;
use crate::model::TieMap;

/// `nodes.csv`: id, label, kind, iso, x, y, color, size.
pub fn nodes_csv(rows: &GraphRows) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(["id", "label", "kind", "iso", "x", "y", "color", "size"])?;
    for node in &rows.nodes {
        writer.write_record([
            node.id.clone(),
            node.label.clone(),
            kind_name(node.kind).to_owned(),
            node.iso.clone(),
            node.x.to_string(),
            node.y.to_string(),
            hex(node.color),
            node.size.to_string(),
        ])?;
    }
    finish(writer)
}

/// `edges.csv`: source, target, weight, then the GEXF edge attributes.
pub fn edges_csv(rows: &GraphRows) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header = vec![
        "source".to_owned(),
        "target".to_owned(),
        "weight".to_owned(),
    ];
    header.extend(edge_attributes().into_iter().map(|(id, _)| id));
    writer.write_record(&header)?;
    for edge in &rows.edges {
        let mut record = vec![
            edge.source.clone(),
            edge.target.clone(),
            edge.weight.to_string(),
        ];
        record.extend(edge_values(edge).into_iter().map(|(_, value)| value));
        writer.write_record(&record)?;
    }
    finish(writer)
}

/// The header of `ties.csv`.
pub const TIES_HEADER: [&str; 12] = [
    "source", "target", "category", "quad", "mode", "negated", "hedged", "document", "date",
    "sentence", "text", "cue",
];

/// `ties.csv`: one row per tie and evidence sentence. Negated ties are left out unless
/// `include_negated`.
pub fn ties_csv(map: &TieMap, include_negated: bool) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(TIES_HEADER)?;
    for tie in map
        .ties
        .iter()
        .filter(|tie| include_negated || !tie.negated)
    {
        for evidence in &tie.evidence {
            let date = map
                .documents
                .iter()
                .find(|document| document.id == evidence.doc)
                .and_then(|document| document.date.clone())
                .unwrap_or_default();
            writer.write_record([
                tie.source.clone(),
                tie.target.clone(),
                tie.category.name().to_owned(),
                quad_id(tie.quad),
                tie.mode.clone(),
                tie.negated.to_string(),
                tie.hedged.to_string(),
                evidence.doc.clone(),
                date,
                evidence.sentence.to_string(),
                evidence.text.clone(),
                evidence.cue.clone(),
            ])?;
        }
    }
    finish(writer)
}

fn finish(writer: csv::Writer<Vec<u8>>) -> Result<Vec<u8>, csv::Error> {
    writer
        .into_inner()
        .map_err(|error| csv::Error::from(error.into_error()))
}
