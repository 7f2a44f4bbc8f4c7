//! Roles of people in events: which counted nouns a role predicate applies
//! to, and the words allowed between an implicit one and its predicate.
//!
//! A role predicate (`killed`, `tewas`, `wounded`, `ditangkap`, `missing`,
//! `mengungsi`; the lexicon's `pred` entries) decides the concept of a count
//! of people: `two children died` is a count of `deaths` whose noun is
//! `children`. It never applies to a count of things (`two rival groups`,
//! `three generations`, `shot eight times`): the noun must be absent, an
//! anaphor (`four others`, `lima lainnya`) or of a concept listed as
//! `person` in `data/lexicon/roles.tsv`.

use super::fxhash::FxBuild;
use super::Lang;
use std::collections::HashSet;
use std::sync::OnceLock;

const ROLES: &str = include_str!("../../data/lexicon/roles.tsv");
const FILTERS: &str = include_str!("../../data/lexicon/filters.tsv");

/// The kinds of word sets in the data files, in the order of [`Sets`].
const KINDS: [&str; 28] = [
    "person",
    "anaphor",
    "bridge",
    "cue",
    "passive",
    "object",
    "transitive",
    "plural",
    "clause",
    "street",
    "caption",
    "determiner",
    "tally",
    "since",
    "apart",
    "happening",
    "preposition",
    "negation",
    "agent",
    "kin",
    "day",
    "reflexive",
    "finite",
    "possessive",
    "pronoun",
    "thing",
    "fires",
    "target",
];

/// Word sets per kind (index in [`KINDS`]) and language (`[id, en]`).
type Sets = Vec<[HashSet<&'static str, FxBuild>; 2]>;

fn sets() -> &'static Sets {
    static S: OnceLock<Sets> = OnceLock::new();
    S.get_or_init(|| {
        let mut sets: Sets = KINDS.iter().map(|_| Default::default()).collect();
        for line in ROLES.lines().chain(FILTERS.lines()) {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(lang), Some(kind), Some(word)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let Some(k) = KINDS.iter().position(|x| *x == kind) else {
                continue;
            };
            let langs: &[usize] = match lang {
                "id" => &[0],
                "en" => &[1],
                _ => &[0, 1],
            };
            for &l in langs {
                sets[k][l].insert(word);
            }
        }
        sets
    })
}

fn has(kind: &str, lang: Lang, word: &str) -> bool {
    let l = match lang {
        Lang::Id => 0,
        Lang::En => 1,
    };
    KINDS
        .iter()
        .position(|x| *x == kind)
        .and_then(|k| sets().get(k))
        .is_some_and(|s| s[l].contains(word))
}

/// Whether a lexicon concept counts people (`children`, `troops`, `people`).
pub(crate) fn is_person_concept(concept: &str) -> bool {
    has("person", Lang::En, concept)
}

/// Whether a concept is one a role predicate gives (`deaths`, `injured`,
/// `arrested`, `missing`, `evacuees`).
pub(crate) fn is_role_concept(concept: Option<&str>) -> bool {
    matches!(
        concept,
        Some("deaths" | "injured" | "arrested" | "missing" | "evacuees")
    )
}

/// Whether a word stands for people named before (`others`, `lainnya`).
pub(crate) fn is_anaphor(lang: Lang, word: &str) -> bool {
    has("anaphor", lang, word)
}

/// Words that make a sentence worth scanning even without a digit or a
/// number word: the role predicates of implicit counts (`killed`, `tewas`).
pub(crate) fn cues() -> impl Iterator<Item = &'static str> {
    let k = KINDS.iter().position(|x| *x == "cue").unwrap_or(0);
    sets()
        .get(k)
        .into_iter()
        .flat_map(|s| s.iter().flat_map(|x| x.iter().copied()))
}

/// Whether a word is a cue (see [`cues`]): a bitmap of (first byte,
/// length) rules most words out before the hash probe.
pub(crate) fn is_cue(lang: Lang, word: &str) -> bool {
    static MASK: OnceLock<[u16; 256]> = OnceLock::new();
    let mask = MASK.get_or_init(|| {
        let mut m = [0u16; 256];
        for w in cues() {
            if let Some(&b) = w.as_bytes().first() {
                m[b as usize] |= 1 << w.len().min(15);
            }
        }
        m
    });
    match word.as_bytes().first() {
        Some(&b) if mask[b as usize] & (1 << word.len().min(15)) != 0 => has("cue", lang, word),
        _ => false,
    }
}

/// Whether a word may stand between an implicit one and its predicate
/// (`was`, `shot`, `and`, `dalam`, `keadaan`).
pub(crate) fn is_bridge(lang: Lang, word: &str) -> bool {
    has("bridge", lang, word)
}

/// Whether a word is a form of "be" that makes a following participle
/// passive (`was`, `were`).
pub(crate) fn is_passive(lang: Lang, word: &str) -> bool {
    has("passive", lang, word)
}

/// Whether a word can start the object of an active verb (`his`, `the`).
pub(crate) fn is_object(lang: Lang, word: &str) -> bool {
    has("object", lang, word)
}

/// Whether a word can start a noun phrase of one person or of a count of
/// people after `and` (`a`, `his`, `their`): `a man and his wife`.
pub(crate) fn is_determiner(lang: Lang, word: &str) -> bool {
    has("determiner", lang, word)
}

/// The phrases that make a count of people a tally over a period or over
/// many places (`so far`, `this year`, `separate`, `across the city`), as
/// word sequences.
pub(crate) fn tally_phrases(lang: Lang) -> impl Iterator<Item = &'static str> {
    let l = match lang {
        Lang::Id => 0,
        Lang::En => 1,
    };
    let k = KINDS.iter().position(|x| *x == "tally").unwrap_or(0);
    sets()
        .get(k)
        .into_iter()
        .flat_map(move |s| s[l].iter().copied())
}

/// Whether an adjective before a plural noun makes a tally of several
/// happenings (`separate shootings`, `unrelated incidents`).
pub(crate) fn is_apart(lang: Lang, word: &str) -> bool {
    has("apart", lang, word)
}

/// Whether a plural noun names happenings (`shootings`, `incidents`).
pub(crate) fn is_happenings(lang: Lang, word: &str) -> bool {
    has("happening", lang, word)
}

/// Whether a word is a preposition that ends the backward search of a
/// role predicate (`in`, `at`, `with`): `2 killed in 6 shootings`.
pub(crate) fn is_preposition(lang: Lang, word: &str) -> bool {
    has("preposition", lang, word)
}

/// Whether a word starts a tally phrase (one probe before the phrases are
/// compared).
pub(crate) fn starts_tally(lang: Lang, word: &str) -> bool {
    static FIRST: OnceLock<[HashSet<&'static str, FxBuild>; 2]> = OnceLock::new();
    let first = FIRST.get_or_init(|| {
        let mut f: [HashSet<&'static str, FxBuild>; 2] = Default::default();
        for (l, lang) in [(0, Lang::Id), (1, Lang::En)] {
            f[l].extend(tally_phrases(lang).filter_map(|p| p.split(' ').next()));
        }
        f
    });
    let l = match lang {
        Lang::Id => 0,
        Lang::En => 1,
    };
    first[l].contains(word)
}

/// Whether a word after `since` starts a point in time (`since last
/// week`, `since early Sunday`); weekdays, months and years are read apart.
pub(crate) fn is_since_time(lang: Lang, word: &str) -> bool {
    has("since", lang, word)
}

/// Whether a role predicate can be an active transitive verb (`killed`,
/// `shot`).
pub(crate) fn is_transitive(lang: Lang, word: &str) -> bool {
    has("transitive", lang, word)
}

/// Whether a lexicon surface is already plural (`people`, `children`).
pub(crate) fn is_plural(lang: Lang, word: &str) -> bool {
    has("plural", lang, word)
}

/// Whether a word ends a clause for the backward search of a predicate
/// (`and`, `while`, `sedangkan`).
pub(crate) fn is_clause_break(lang: Lang, word: &str) -> bool {
    has("clause", lang, word)
}

/// Whether a lower-case word names a kind of street (`road`, `avenue`,
/// `jalan`): `7050 Old State Road` is an address.
pub(crate) fn is_street(lang: Lang, word: &str) -> bool {
    has("street", lang, word)
}

/// Whether a word heads a photo caption counter (`Image 6 of 11`).
pub(crate) fn is_caption(lang: Lang, word: &str) -> bool {
    has("caption", lang, word)
}

/// Whether a word between a count and its role predicate denies the role
/// (`none fatally`, `not hurt`).
pub(crate) fn is_negation(lang: Lang, word: &str) -> bool {
    has("negation", lang, word)
}

/// Whether a word between a count and its role predicate makes the people
/// counted its doers (`accused of killing`, `charged in the shooting`).
pub(crate) fn is_agent(lang: Lang, word: &str) -> bool {
    has("agent", lang, word)
}

/// Whether a capitalised word names a day, not a person (`killed
/// Christmas Eve`).
pub(crate) fn is_day(lang: Lang, word: &str) -> bool {
    has("day", lang, word)
}

/// Whether a noun names a relative whose `of` and a count counts their
/// children (`a father of three`).
pub(crate) fn is_kin(lang: Lang, word: &str) -> bool {
    has("kin", lang, word)
}

/// Whether a word after a count makes it a count of things of the event, never of people
/// (`shot eight times`, `two gunshot wounds`, `three rounds`).
pub(crate) fn is_thing(lang: Lang, word: &str) -> bool {
    has("thing", lang, word)
}

/// Whether a verb right before a count makes it a count of shots (`fired two shots`, `firing 10`).
pub(crate) fn is_fires(lang: Lang, word: &str) -> bool {
    has("fires", lang, word)
}

/// Whether a word after `at` makes the role predicate before it an act of firing at someone
/// (`the two males shot at them`): the noun before the predicate is the doer.
pub(crate) fn is_target(lang: Lang, word: &str) -> bool {
    has("target", lang, word)
}

/// Whether a word is a reflexive pronoun that joins the doer to a group of
/// people (`himself`, `dirinya`).
pub(crate) fn is_reflexive(lang: Lang, word: &str) -> bool {
    has("reflexive", lang, word)
}

/// Whether a word makes the role predicate after a partitive's whole a
/// finite verb of the part (`one of the four victims *was* killed`,
/// `two of the five *died*`), not a modifier of the whole (`one of the
/// four people killed`).
pub(crate) fn is_finite(lang: Lang, word: &str) -> bool {
    has("finite", lang, word)
}

/// Whether a word is a possessive determiner of a person (`his`, `her`,
/// `their`).
pub(crate) fn is_possessive(lang: Lang, word: &str) -> bool {
    has("possessive", lang, word)
}

/// Whether a word is a subject pronoun of one person (`he`, `she`).
pub(crate) fn is_pronoun(lang: Lang, word: &str) -> bool {
    has("pronoun", lang, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_parses() {
        assert!(is_person_concept("children") && is_person_concept("people"));
        assert!(!is_person_concept("houses"));
        assert!(is_anaphor(Lang::En, "others") && is_anaphor(Lang::Id, "lainnya"));
        assert!(is_bridge(Lang::En, "was") && is_bridge(Lang::Id, "dalam"));
        assert!(!is_bridge(Lang::En, "dalam"));
        assert!(is_street(Lang::En, "road") && is_caption(Lang::En, "image"));
        assert!(is_clause_break(Lang::Id, "sedangkan"));
        assert!(is_negation(Lang::En, "none") && is_negation(Lang::Id, "tidak"));
        assert!(is_agent(Lang::En, "accused") && is_kin(Lang::En, "father"));
        assert!(is_day(Lang::En, "christmas"));
        assert!(is_finite(Lang::En, "were") && !is_finite(Lang::En, "killed"));
        assert!(is_possessive(Lang::En, "their") && !is_possessive(Lang::En, "the"));
    }
}
