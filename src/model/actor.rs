//! Actors: the countries, territories and blocs that become the map's nodes.

/// A stable actor id: ISO 3166-1 alpha-3 for countries and territories ("USA", "CHN"), an
/// upper-case id for blocs and organisations ("NATO", "EU", "WEST").
pub type ActorId = String;

/// Whether an actor is a state or a grouping of states; they are drawn differently.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A country or territory.
    Country,
    /// A bloc, alliance or international organisation.
    Bloc,
}

/// A node of the map.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Actor {
    /// Stable id (see [`ActorId`]).
    pub id: ActorId,
    /// Display name ("United States", "NATO").
    pub name: String,
    /// Country or bloc.
    pub kind: ActorKind,
}
