//! The two label sets the parser predicts: universal part-of-speech tags and dependency relations.
//!
//! Both are plain `repr(u8)` enums whose discriminant is the class index the weights use, so the
//! model file and the code cannot disagree about the order: the lists below are the order.

/// A Universal Dependencies part-of-speech tag (UPOS).
#[allow(clippy::upper_case_acronyms)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum Upos {
    /// Adjective.
    ADJ,
    /// Adposition.
    ADP,
    /// Adverb.
    ADV,
    /// Auxiliary.
    AUX,
    /// Coordinating conjunction.
    CCONJ,
    /// Determiner.
    DET,
    /// Interjection.
    INTJ,
    /// Noun.
    NOUN,
    /// Numeral.
    NUM,
    /// Particle.
    PART,
    /// Pronoun.
    PRON,
    /// Proper noun.
    PROPN,
    /// Punctuation.
    PUNCT,
    /// Subordinating conjunction.
    SCONJ,
    /// Symbol.
    SYM,
    /// Verb.
    VERB,
    /// Other.
    X,
}

impl Upos {
    /// Every tag, in class-index order.
    pub const ALL: [Upos; 17] = [
        Upos::ADJ,
        Upos::ADP,
        Upos::ADV,
        Upos::AUX,
        Upos::CCONJ,
        Upos::DET,
        Upos::INTJ,
        Upos::NOUN,
        Upos::NUM,
        Upos::PART,
        Upos::PRON,
        Upos::PROPN,
        Upos::PUNCT,
        Upos::SCONJ,
        Upos::SYM,
        Upos::VERB,
        Upos::X,
    ];
    /// Number of tags.
    pub const COUNT: usize = Self::ALL.len();

    /// The tag with this class index.
    pub fn from_index(index: usize) -> Option<Upos> {
        Self::ALL.get(index).copied()
    }

    /// The tag as written in CoNLL-U ("NOUN").
    pub fn as_str(self) -> &'static str {
        UPOS_NAMES[self as usize]
    }

    /// Reads a CoNLL-U UPOS column.
    pub fn parse(text: &str) -> Option<Upos> {
        UPOS_NAMES
            .iter()
            .position(|name| *name == text)
            .and_then(Self::from_index)
    }
}

const UPOS_NAMES: [&str; 17] = [
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
    "PUNCT", "SCONJ", "SYM", "VERB", "X",
];

macro_rules! relations {
    ($($variant:ident => $name:literal, $universal:ident;)*) => {
        /// A Universal Dependencies relation: the 37 universal ones and the English subtypes
        /// UD English Web Treebank uses (plus the older `obl:tmod`/`obl:npmod`, which newer EWT
        /// releases write as `obl:unmarked`; the bundled model predicts what its data had).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[repr(u8)]
        pub enum Rel {
            $(
                #[doc = concat!("`", $name, "`")]
                $variant,
            )*
        }

        impl Rel {
            /// Every relation, in class-index order.
            pub const ALL: &'static [Rel] = &[$(Rel::$variant),*];
            const NAMES: &'static [&'static str] = &[$($name),*];
            const UNIVERSAL: &'static [Rel] = &[$(Rel::$universal),*];
        }
    };
}

relations! {
    Acl => "acl", Acl;
    AclRelcl => "acl:relcl", Acl;
    Advcl => "advcl", Advcl;
    AdvclRelcl => "advcl:relcl", Advcl;
    Advmod => "advmod", Advmod;
    Amod => "amod", Amod;
    Appos => "appos", Appos;
    Aux => "aux", Aux;
    AuxPass => "aux:pass", Aux;
    Case => "case", Case;
    Cc => "cc", Cc;
    CcPreconj => "cc:preconj", Cc;
    Ccomp => "ccomp", Ccomp;
    Clf => "clf", Clf;
    Compound => "compound", Compound;
    CompoundPrt => "compound:prt", Compound;
    Conj => "conj", Conj;
    Cop => "cop", Cop;
    Csubj => "csubj", Csubj;
    CsubjOuter => "csubj:outer", Csubj;
    CsubjPass => "csubj:pass", Csubj;
    Dep => "dep", Dep;
    Det => "det", Det;
    DetPredet => "det:predet", Det;
    Discourse => "discourse", Discourse;
    Dislocated => "dislocated", Dislocated;
    Expl => "expl", Expl;
    Fixed => "fixed", Fixed;
    Flat => "flat", Flat;
    Goeswith => "goeswith", Goeswith;
    Iobj => "iobj", Iobj;
    List => "list", List;
    Mark => "mark", Mark;
    Nmod => "nmod", Nmod;
    NmodDesc => "nmod:desc", Nmod;
    NmodPoss => "nmod:poss", Nmod;
    NmodUnmarked => "nmod:unmarked", Nmod;
    NmodTmod => "nmod:tmod", Nmod;
    NmodNpmod => "nmod:npmod", Nmod;
    Nsubj => "nsubj", Nsubj;
    NsubjOuter => "nsubj:outer", Nsubj;
    NsubjPass => "nsubj:pass", Nsubj;
    Nummod => "nummod", Nummod;
    Obj => "obj", Obj;
    Obl => "obl", Obl;
    OblAgent => "obl:agent", Obl;
    OblUnmarked => "obl:unmarked", Obl;
    OblTmod => "obl:tmod", Obl;
    OblNpmod => "obl:npmod", Obl;
    Orphan => "orphan", Orphan;
    Parataxis => "parataxis", Parataxis;
    Punct => "punct", Punct;
    Reparandum => "reparandum", Reparandum;
    Root => "root", Root;
    Vocative => "vocative", Vocative;
    Xcomp => "xcomp", Xcomp;
}

impl Rel {
    /// Number of relations.
    pub const COUNT: usize = Self::ALL.len();

    /// The relation with this class index.
    pub fn from_index(index: usize) -> Option<Rel> {
        Self::ALL.get(index).copied()
    }

    /// The relation without its subtype: `nsubj:pass` -> `nsubj`, `acl:relcl` -> `acl`.
    #[must_use]
    pub fn universal(self) -> Rel {
        Self::UNIVERSAL[self as usize]
    }

    /// The relation as written in CoNLL-U ("nsubj:pass").
    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// Reads a CoNLL-U DEPREL column; an unknown subtype falls back to its universal relation.
    pub fn parse(text: &str) -> Option<Rel> {
        let find = |name: &str| {
            Self::NAMES
                .iter()
                .position(|known| *known == name)
                .and_then(Self::from_index)
        };
        find(text).or_else(|| find(text.split(':').next().unwrap_or(text)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_subtypes_fold() {
        for &rel in Rel::ALL {
            assert_eq!(Rel::parse(rel.as_str()), Some(rel));
            assert!(!rel.universal().as_str().contains(':'));
        }
        for tag in Upos::ALL {
            assert_eq!(Upos::parse(tag.as_str()), Some(tag));
        }
        assert_eq!(Rel::NsubjPass.universal(), Rel::Nsubj);
        assert_eq!(Rel::parse("obl:foo"), Some(Rel::Obl));
        assert_eq!(Rel::parse("nonsense"), None);
    }
}
