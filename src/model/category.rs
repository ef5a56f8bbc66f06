//! PLOVER event categories and the four quads they fall in.

/// The sixteen PLOVER event categories, in PLOVER's order (cooperation first, then conflict).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Category {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

/// PLOVER's quads: verbal or material, cooperation or conflict.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Quad {
    VerbalCooperation,
    MaterialCooperation,
    VerbalConflict,
    MaterialConflict,
}

impl Category {
    /// All categories in PLOVER order.
    pub const ALL: [Category; 16] = [
        Category::Agree,
        Category::Consult,
        Category::Support,
        Category::Concede,
        Category::Cooperate,
        Category::Aid,
        Category::Retreat,
        Category::Request,
        Category::Accuse,
        Category::Reject,
        Category::Threaten,
        Category::Protest,
        Category::Sanction,
        Category::Mobilize,
        Category::Coerce,
        Category::Assault,
    ];

    /// The quad PLOVER puts this category in.
    pub fn quad(self) -> Quad {
        match self {
            Category::Agree | Category::Consult | Category::Support | Category::Concede => {
                Quad::VerbalCooperation
            }
            Category::Cooperate | Category::Aid | Category::Retreat => Quad::MaterialCooperation,
            Category::Request | Category::Accuse | Category::Reject | Category::Threaten => {
                Quad::VerbalConflict
            }
            Category::Protest
            | Category::Sanction
            | Category::Mobilize
            | Category::Coerce
            | Category::Assault => Quad::MaterialConflict,
        }
    }

    /// The upper-case PLOVER name ("CONSULT").
    pub fn name(self) -> &'static str {
        match self {
            Category::Agree => "AGREE",
            Category::Consult => "CONSULT",
            Category::Support => "SUPPORT",
            Category::Concede => "CONCEDE",
            Category::Cooperate => "COOPERATE",
            Category::Aid => "AID",
            Category::Retreat => "RETREAT",
            Category::Request => "REQUEST",
            Category::Accuse => "ACCUSE",
            Category::Reject => "REJECT",
            Category::Threaten => "THREATEN",
            Category::Protest => "PROTEST",
            Category::Sanction => "SANCTION",
            Category::Mobilize => "MOBILIZE",
            Category::Coerce => "COERCE",
            Category::Assault => "ASSAULT",
        }
    }

    /// Parses an upper- or lower-case PLOVER name.
    pub fn from_name(name: &str) -> Option<Category> {
        Category::ALL
            .into_iter()
            .find(|category| category.name().eq_ignore_ascii_case(name))
    }
}

impl Quad {
    /// All quads, cooperation first.
    pub const ALL: [Quad; 4] = [
        Quad::VerbalCooperation,
        Quad::MaterialCooperation,
        Quad::VerbalConflict,
        Quad::MaterialConflict,
    ];

    /// A label for legends ("verbal cooperation").
    pub fn label(self) -> &'static str {
        match self {
            Quad::VerbalCooperation => "verbal cooperation",
            Quad::MaterialCooperation => "material cooperation",
            Quad::VerbalConflict => "verbal conflict",
            Quad::MaterialConflict => "material conflict",
        }
    }

    /// Whether the quad is on the cooperation side.
    pub fn is_cooperation(self) -> bool {
        matches!(self, Quad::VerbalCooperation | Quad::MaterialCooperation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_has_a_quad_and_round_trips_its_name() {
        let mut per_quad = [0usize; 4];
        for category in Category::ALL {
            assert_eq!(Category::from_name(category.name()), Some(category));
            let quad_index = Quad::ALL
                .iter()
                .position(|quad| *quad == category.quad())
                .expect("quad listed");
            per_quad[quad_index] += 1;
        }
        // PLOVER: 4 verbal cooperation, 3 material cooperation, 4 verbal conflict, 5 material conflict.
        assert_eq!(per_quad, [4, 3, 4, 5]);
    }

    #[test]
    fn categories_serialise_as_upper_case_plover_names() {
        let json = serde_json::to_string(&Category::Assault).expect("serialises");
        assert_eq!(json, "\"ASSAULT\"");
        let json = serde_json::to_string(&Quad::MaterialConflict).expect("serialises");
        assert_eq!(json, "\"material_conflict\"");
    }
}
