//! The fact key of a claim: what it measures, of whom, when, part of what, how real, and who says so.
//!
//! Two figures state one fact only when they measure one property of one thing at one moment. The key
//! holds what the sentence states of each, read with the word lists of `data/facts.tsv`; a slot the text
//! does not state is unknown (`None`, or empty), never guessed:
//!
//! - `quantity`: what is counted or the unit (the claim's concept, counted noun or unit);
//! - `attribute`: the property, from the nearest listed word before the figure within its clause (up to
//!   [`REACH_BEFORE`] words, not past another figure), else after it (up to [`REACH_AFTER`] words):
//!   `kedalaman 10 km` → depth, `23 km barat daya` → distance, `laba bersih Rp17,76 triliun` → net
//!   profit, `naik 250 saham` → rise;
//! - `holder`: whose figure, the nearest run of capitalised words before the figure in its clause
//!   (not the sentence's first word, not a day or month, not the name a speech verb introduces);
//! - `moment`: `category:value` markers anywhere in the sentence (trading session, half of a match,
//!   quarter, year to date, yesterday) and the dates it states (`date:2025-06-18`, `year:2024`); a
//!   session, half or period its headline states when the sentence states none of that category
//!   ([`inherit_headline_moment`]);
//! - `scope`: `part` when the figure is a part of a whole (`di antaranya`, `of them`);
//! - `modality`: `target`, `forecast`, `plan` or `limit` when the words before the figure say so;
//! - `attribution`: who states it (`kata Daryono`, `menurut BMKG`, `police said`): the name a speech
//!   verb introduces: its acronym when it has one, never a rank, legal form or office alone (`AKBP`,
//!   `PT`, `Head`: the `title` list), a country code only when nothing else names it (`name_of`).
//!
//! [`clash`] tells whether two keys disagree on a slot both state: then the figures are two facts
//! (for a running tally, two moments of one fact).

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::claims::{Claim, Kind};
use crate::normalize::{normalise_word, tokens_into, Token};

/// Words before a figure searched for its attribute, modality and holder.
pub const REACH_BEFORE: usize = 6;
/// Words after a figure searched for its attribute and scope.
pub const REACH_AFTER: usize = 3;

/// The fact key of a claim. See the module docs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactKey {
    /// What is counted, or the unit.
    pub quantity: Option<String>,
    /// The property measured.
    pub attribute: Option<String>,
    /// Whose figure.
    pub holder: Option<String>,
    /// When it holds: `category:value` markers, sorted.
    pub moment: Vec<String>,
    /// `part` when the figure is a part of a whole.
    pub scope: Option<String>,
    /// `target`, `forecast`, `plan` or `limit`; unknown for an actual value.
    pub modality: Option<String>,
    /// Who states it.
    pub attribution: Option<String>,
}

impl FactKey {
    /// The slots the text states, in words (`attribute depth, moment date:2025-06-18, by bmkg`), or
    /// `key unknown`.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        let mut put = |name: &str, v: &Option<String>| {
            if let Some(v) = v {
                parts.push(format!("{name} {v}"));
            }
        };
        put("attribute", &self.attribute);
        put("holder", &self.holder);
        put("scope", &self.scope);
        put("modality", &self.modality);
        put("by", &self.attribution);
        if !self.moment.is_empty() {
            parts.push(format!("moment {}", self.moment.join(" ")));
        }
        if parts.is_empty() {
            "key unknown".to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// A slot of the key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Slot {
    /// The property measured.
    Attribute,
    /// Whose figure.
    Holder,
    /// When.
    Moment,
    /// Part of a whole.
    Scope,
    /// Actual, target, forecast, plan, limit.
    Modality,
}

impl Slot {
    /// Every slot, in the order [`clash`] checks them.
    pub const ALL: [Slot; 5] = [
        Slot::Attribute,
        Slot::Moment,
        Slot::Holder,
        Slot::Scope,
        Slot::Modality,
    ];

    /// The slot's place in [`Slot::ALL`].
    pub fn index(self) -> usize {
        match self {
            Slot::Attribute => 0,
            Slot::Moment => 1,
            Slot::Holder => 2,
            Slot::Scope => 3,
            Slot::Modality => 4,
        }
    }

    /// The slot's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Slot::Attribute => "attribute",
            Slot::Holder => "holder",
            Slot::Moment => "moment",
            Slot::Scope => "scope",
            Slot::Modality => "modality",
        }
    }
}

/// How two keys compare on one slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    /// Both state it, alike.
    Same,
    /// Both state it, differently.
    Differ,
    /// One or neither states it.
    Unknown,
}

impl FactKey {
    /// How `self` and `other` compare on `slot`.
    pub fn agreement(&self, other: &FactKey, slot: Slot) -> Agreement {
        let opt = |x: &Option<String>, y: &Option<String>| match (x, y) {
            (Some(x), Some(y)) if x == y || crate::features::same_term(x, y) => Agreement::Same,
            (Some(_), Some(_)) => Agreement::Differ,
            _ => Agreement::Unknown,
        };
        match slot {
            Slot::Attribute => opt(&self.attribute, &other.attribute),
            Slot::Holder => match (&self.holder, &other.holder) {
                // A run of names matches another that shares a word (`Zarof Ricar`, `Zarof`).
                (Some(x), Some(y)) => {
                    let words = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
                    let (wx, wy) = (words(x), words(y));
                    if wx.iter().any(|a| {
                        wy.iter()
                            .any(|b| a == b || crate::features::same_term(a, b))
                    }) {
                        Agreement::Same
                    } else {
                        Agreement::Differ
                    }
                }
                _ => Agreement::Unknown,
            },
            Slot::Scope => match (&self.scope, &other.scope) {
                (None, None) => Agreement::Unknown,
                (x, y) if x == y => Agreement::Same,
                // A part against a figure that is not said to be one: the whole, or another part.
                _ => Agreement::Differ,
            },
            Slot::Modality => match (&self.modality, &other.modality) {
                (None, None) => Agreement::Unknown,
                (x, y) if x == y => Agreement::Same,
                // A target against an actual value (or a forecast) is not one fact.
                _ => Agreement::Differ,
            },
            Slot::Moment => {
                let cats = |m: &[String]| -> BTreeSet<String> {
                    m.iter()
                        .filter_map(|x| moment_category(x).map(str::to_string))
                        .collect()
                };
                let (ca, cb) = (cats(&self.moment), cats(&other.moment));
                let shared: Vec<&String> = ca.intersection(&cb).collect();
                if shared.is_empty() {
                    return Agreement::Unknown;
                }
                let of = |m: &[String], c: &str| -> BTreeSet<String> {
                    m.iter()
                        .filter(|x| moment_category(x) == Some(c))
                        .cloned()
                        .collect()
                };
                if shared
                    .iter()
                    .any(|c| of(&self.moment, c).is_disjoint(&of(&other.moment, c)))
                {
                    Agreement::Differ
                } else {
                    Agreement::Same
                }
            }
        }
    }
}

/// The first slot, in [`Slot::ALL`] order and among `slots`, that both keys state and on which they
/// differ.
pub fn clash(a: &FactKey, b: &FactKey, slots: &[Slot]) -> Option<Slot> {
    Slot::ALL
        .into_iter()
        .filter(|s| slots.contains(s))
        .find(|&s| a.agreement(b, s) == Agreement::Differ)
}

/// A phrase of `data/facts.tsv`.
#[derive(Debug)]
struct Entry {
    slot: &'static str,
    value: &'static str,
    words: Vec<&'static str>,
}

/// The word lists, by the phrase's first word.
fn lexicon() -> &'static HashMap<&'static str, Vec<Entry>> {
    static LEX: OnceLock<HashMap<&'static str, Vec<Entry>>> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut m: HashMap<&'static str, Vec<Entry>> = HashMap::new();
        for line in include_str!("../../data/facts.tsv").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(slot), Some(value), Some(phrase)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let words: Vec<&'static str> = phrase.split(' ').collect();
            m.entry(words[0])
                .or_default()
                .push(Entry { slot, value, words });
        }
        // Longer phrases first, so that `laba bersih` wins over `laba`.
        for v in m.values_mut() {
            v.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
        }
        m
    })
}

/// A word of the sentence.
#[derive(Debug, Clone)]
struct Word {
    start: usize,
    end: usize,
    norm: String,
    /// Written with a capital letter (or all capitals), not first in its sentence.
    name: bool,
}

fn words_of(text: &str, range: std::ops::Range<usize>) -> Vec<Word> {
    let mut toks: Vec<Token> = Vec::new();
    tokens_into(text, range.clone(), &mut toks);
    toks.iter()
        .enumerate()
        .map(|(i, t)| {
            let (s, e) = (t.start as usize, t.end as usize);
            let raw = &text[s..e];
            let first = raw.chars().next();
            let name = i > 0
                && first.is_some_and(char::is_uppercase)
                && !raw.chars().all(|c| c.is_ascii_digit());
            Word {
                start: s,
                end: e,
                norm: normalise_word(raw),
                name,
            }
        })
        .collect()
}

/// Phrases of `slot` that match `words` starting at `k`, as (value, length).
fn phrases_at(words: &[&Word], k: usize, slot: &str) -> Option<(&'static str, usize)> {
    let lex = lexicon();
    let first = words.get(k)?;
    lex.get(first.norm.as_str())?
        .iter()
        .filter(|e| e.slot == slot)
        .find(|e| {
            e.words.len() <= words.len() - k
                && e.words
                    .iter()
                    .zip(&words[k..])
                    .all(|(p, w)| *p == w.norm.as_str())
        })
        .map(|e| (e.value, e.words.len()))
}

/// The nearest phrase of `slot` in `before` (nearest word last) then `after` (nearest first).
fn nearest(before: &[&Word], after: &[&Word], slot: &str) -> Option<&'static str> {
    // Before: a phrase that ends nearest the figure wins.
    let mut best: Option<(usize, &'static str)> = None;
    for k in 0..before.len() {
        if let Some((v, len)) = phrases_at(before, k, slot) {
            let distance = before.len() - (k + len);
            if best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, v));
            }
        }
    }
    if let Some((_, v)) = best {
        return Some(v);
    }
    (0..after.len()).find_map(|k| phrases_at(after, k, slot).map(|(v, _)| v))
}

/// Whether a word is a listed cue of any slot (then it is not a name, even capitalised).
fn listed(w: &str) -> bool {
    lexicon().contains_key(w)
}

/// The kind of title a word is (`data/facts.tsv`): `rank`, `form`, `office` or `country`.
fn title(w: &Word) -> Option<&'static str> {
    lexicon()
        .get(w.norm.as_str())?
        .iter()
        .find(|e| e.slot == "title" && e.words.len() == 1)
        .map(|e| e.value)
}

/// A name run's canonical form: its last all-capital acronym that is no title (`BMKG`; `DPR RI`:
/// dpr), else the words after its last rank, form or office (`AKBP Bambang Prakoso`: bambang
/// prakoso), else its last acronym of a country or province (`RI`), else its words less titles;
/// `None` for a run of titles alone (`Head`).
fn name_of(run: &[&Word], text: &str) -> Option<String> {
    let acronyms = || {
        run.iter().rev().filter(|w| {
            let raw = &text[w.start..w.end];
            raw.len() >= 2 && raw.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        })
    };
    if let Some(a) = acronyms().find(|w| title(w).is_none()) {
        return Some(a.norm.clone());
    }
    let after = run
        .iter()
        .rposition(|w| title(w).is_some_and(|t| t != "country"))
        .map_or(0, |k| k + 1);
    if after > 0 && after < run.len() {
        let words: Vec<&str> = run[after..].iter().map(|w| w.norm.as_str()).collect();
        return Some(words.join(" "));
    }
    if let Some(a) = acronyms().find(|w| title(w) == Some("country")) {
        return Some(a.norm.clone());
    }
    let words: Vec<&str> = run
        .iter()
        .filter(|w| title(w).is_none())
        .map(|w| w.norm.as_str())
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Fact keys of the claims of one article (`claims` as [`crate::claims::extract`] gives them).
pub fn keys(text: &str, claims: &[Claim]) -> Vec<FactKey> {
    let mut sentence_words: HashMap<[usize; 2], Vec<Word>> = HashMap::new();
    let mut of_sentence: HashMap<[usize; 2], Vec<&Claim>> = HashMap::new();
    for c in claims {
        of_sentence.entry(c.sentence_span).or_default().push(c);
    }
    let mut sentence_facts: HashMap<[usize; 2], (Vec<String>, Option<String>)> = HashMap::new();
    claims
        .iter()
        .map(|c| {
            let [s, e] = c.sentence_span;
            let words = sentence_words.entry(c.sentence_span).or_insert_with(|| {
                if s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
                {
                    words_of(text, s..e)
                } else {
                    Vec::new()
                }
            });
            let (moment, attribution) = sentence_facts
                .entry(c.sentence_span)
                .or_insert_with(|| sentence_level(text, words, &of_sentence[&c.sentence_span]))
                .clone();
            key_of(
                text,
                c,
                words,
                &of_sentence[&c.sentence_span],
                moment,
                attribution,
            )
        })
        .collect()
}

/// The trading session, half of a match or period a headline states (`IHSG Pagi Ini Dibuka Turun`:
/// the opening; `Jeda Makan Siang`: the first session), given to the figures of its text whose
/// sentences state none of that category: the headline says when the report holds. A headline's
/// dates, years and relative days are not lent: years stand in names (`Piala Dunia Klub 2025`), and a
/// price list's date set its day-to-day updates apart as two facts (docs/accuracy.md).
pub fn inherit_headline_moment(headline: &str, keys: &mut [FactKey]) {
    let words = words_of(headline, 0..headline.len());
    let (moment, _) = sentence_level(headline, &words, &[]);
    let lent: Vec<String> = moment
        .into_iter()
        .filter(|m| matches!(moment_category(m), Some("session" | "half" | "period")))
        .collect();
    if lent.is_empty() {
        return;
    }
    for k in keys {
        let stated: BTreeSet<String> = k
            .moment
            .iter()
            .filter_map(|m| moment_category(m).map(str::to_string))
            .collect();
        let mut all: BTreeSet<String> = k.moment.drain(..).collect();
        all.extend(
            lent.iter()
                .filter(|m| !moment_category(m).is_some_and(|c| stated.contains(c)))
                .cloned(),
        );
        k.moment = all.into_iter().collect();
    }
}

/// The category of a moment marker (`session` of `session:close`).
fn moment_category(m: &str) -> Option<&str> {
    m.split_once(':').map(|(c, _)| c)
}

/// The moment markers and the attribution of a sentence.
fn sentence_level(text: &str, words: &[Word], claims: &[&Claim]) -> (Vec<String>, Option<String>) {
    let all: Vec<&Word> = words.iter().collect();
    let mut moment: BTreeSet<String> = BTreeSet::new();
    for k in 0..all.len() {
        if let Some((v, _)) = phrases_at(&all, k, "moment") {
            moment.insert(v.to_string());
        }
    }
    for d in claims.iter().filter(|d| d.kind == Kind::Date) {
        if let Some(date) = &d.date {
            match date.len() {
                10 => moment.insert(format!("date:{date}")),
                7 => moment.insert(format!("month:{date}")),
                4 => moment.insert(format!("year:{date}")),
                _ => false,
            };
        }
    }
    // Attribution: a name right after a speech verb, or right before an English one.
    let mut attribution = None;
    for k in 0..all.len() {
        let after = phrases_at(&all, k, "attribution").filter(|_| {
            lexicon()[all[k].norm.as_str()]
                .iter()
                .any(|e| e.value == "after")
        });
        if let Some((_, len)) = after {
            let run: Vec<&Word> = all[k + len..]
                .iter()
                .copied()
                .take_while(|w| w.name && !crate::reconcile::context::is_calendar_word(&w.norm))
                .collect();
            if let Some(n) = name_of(&run, text) {
                attribution = Some(n);
                break;
            }
        }
        let before = lexicon().get(all[k].norm.as_str()).is_some_and(|es| {
            es.iter()
                .any(|e| e.slot == "attribution" && e.value == "before")
        });
        if before && k > 0 {
            let run: Vec<&Word> = all[..k]
                .iter()
                .rev()
                .copied()
                .take_while(|w| w.name && !crate::reconcile::context::is_calendar_word(&w.norm))
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if let Some(n) = name_of(&run, text) {
                attribution = Some(n);
                break;
            }
        }
    }
    (moment.into_iter().collect(), attribution)
}

fn key_of(
    text: &str,
    c: &Claim,
    words: &[Word],
    same_sentence: &[&Claim],
    moment: Vec<String>,
    attribution: Option<String>,
) -> FactKey {
    let [cs, ce] = c.span;
    // The clause of the figure: not past its neighbouring figures.
    let neighbours = same_sentence
        .iter()
        .filter(|d| d.span != c.span && d.kind != Kind::Date);
    let left_stop = neighbours
        .clone()
        .filter(|d| d.span[1] <= cs)
        .map(|d| d.span[1])
        .max()
        .unwrap_or(0);
    let right_stop = neighbours
        .filter(|d| d.span[0] >= ce)
        .map(|d| d.span[0])
        .min()
        .unwrap_or(usize::MAX);
    // Words between two figures belong to the nearer one: each keeps its half.
    let mut before_all: Vec<&Word> = words
        .iter()
        .filter(|w| w.end <= cs && w.start >= left_stop)
        .collect();
    if left_stop > 0 {
        let n = before_all.len();
        before_all.drain(..n / 2);
    }
    let before: Vec<&Word> = before_all[before_all.len().saturating_sub(REACH_BEFORE)..].to_vec();
    let mut after: Vec<&Word> = words
        .iter()
        .filter(|w| w.start >= ce && w.end <= right_stop)
        .collect();
    if right_stop < usize::MAX {
        after.truncate(after.len() / 2);
    }
    after.truncate(REACH_AFTER);
    // Words of the mention itself (`M 4,8`, `laba Rp5 triliun`) speak for it too.
    let inside: Vec<&Word> = words
        .iter()
        .filter(|w| w.start >= cs && w.end <= ce)
        .collect();
    let attribute = nearest(&before, &after, "attribute")
        .or_else(|| nearest(&inside, &[], "attribute"))
        .map(str::to_string);
    let modality = nearest(&before, &[], "modality").map(str::to_string);
    let scope =
        nearest(&before[before.len().saturating_sub(3)..], &after, "scope").map(str::to_string);
    // The holder: the nearest run of names before the figure, not one a speech verb introduces.
    let mut holder = None;
    let mut k = before.len();
    while k > 0 {
        k -= 1;
        let w = before[k];
        if !w.name
            || crate::reconcile::context::is_calendar_word(&w.norm)
            || (listed(&w.norm) && title(w).is_none())
        {
            continue;
        }
        let mut start = k;
        while start > 0
            && before[start - 1].name
            && !crate::reconcile::context::is_calendar_word(&before[start - 1].norm)
        {
            start -= 1;
        }
        let spoken = start > 0
            && lexicon()
                .get(before[start - 1].norm.as_str())
                .is_some_and(|es| es.iter().any(|e| e.slot == "attribution"));
        if !spoken {
            holder = name_of(&before[start..=k], text);
        }
        break;
    }
    let quantity = match c.kind {
        Kind::Count => c.concept.clone().or_else(|| c.noun_base.clone()),
        _ => c.concept.clone().or_else(|| c.unit.clone()),
    };
    FactKey {
        quantity,
        attribute,
        holder,
        moment,
        scope,
        modality,
        attribution,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::{extract, ExtractOptions, Lang, Lexicon};

    fn keyed(lang: Lang, text: &str) -> Vec<(String, FactKey)> {
        let lex = Lexicon::builtin();
        let opts = ExtractOptions {
            lang: Some(lang),
            published: None,
            lexicon: &lex,
        };
        let claims = extract("t", text, &opts);
        let ks = keys(text, &claims);
        claims
            .into_iter()
            .zip(ks)
            .filter(|(c, _)| c.kind != Kind::Date)
            .map(|(c, k)| (c.text, k))
            .collect()
    }

    fn find<'a>(ks: &'a [(String, FactKey)], text: &str) -> &'a FactKey {
        &ks.iter()
            .find(|(t, _)| t.contains(text))
            .unwrap_or_else(|| panic!("no claim {text:?} in {ks:?}"))
            .1
    }

    #[test]
    fn a_quakes_depth_and_distance_are_two_attributes() {
        let ks = keyed(
            Lang::Id,
            "Gempa magnitudo 4,8 mengguncang Garut dengan kedalaman 10 km dan berjarak 23 km barat daya Garut, kata Kepala BMKG Daryono.",
        );
        assert_eq!(find(&ks, "10 km").attribute.as_deref(), Some("depth"));
        assert_eq!(find(&ks, "23 km").attribute.as_deref(), Some("distance"));
        assert_eq!(find(&ks, "4,8").attribute.as_deref(), Some("magnitude"));
        assert_eq!(find(&ks, "10 km").attribution.as_deref(), Some("bmkg"));
    }

    #[test]
    fn a_rank_office_or_legal_form_is_no_source_or_holder() {
        let ks = keyed(
            Lang::Id,
            "Barang bukti 6 ton diamankan, kata Kasat Reskrim Polres Metro Depok AKBP Bambang Prakoso.",
        );
        assert_eq!(
            find(&ks, "6 ton").attribution.as_deref(),
            Some("bambang prakoso")
        );
        let ks = keyed(
            Lang::Id,
            "Anggaran naik 5 persen, ujar Ketua Komisi X DPR RI Hetifah Sjaifudian.",
        );
        assert_eq!(find(&ks, "5 persen").attribution.as_deref(), Some("dpr"));
        let ks = keyed(
            Lang::Id,
            "Baterai hanya terpakai 1 persen dalam satu jam, ungkap Head of Marketing perusahaan itu.",
        );
        assert_eq!(find(&ks, "1 persen").attribution, None);
        let ks = keyed(
            Lang::Id,
            "Tahun ini PT Pupuk Indonesia membagikan dividen Rp 2 triliun.",
        );
        assert_eq!(
            find(&ks, "Rp 2 triliun").holder.as_deref(),
            Some("pupuk indonesia")
        );
        // a country code stays the name when the run has no other
        let ks = keyed(Lang::Id, "Tahun ini ekonomi RI tumbuh 5 persen.");
        assert_eq!(find(&ks, "5 persen").holder.as_deref(), Some("ri"));
    }

    #[test]
    fn net_profit_is_not_revenue_and_a_target_is_not_actual() {
        let ks = keyed(
            Lang::Id,
            "Pendapatan perseroan Rp 120 triliun, sedangkan laba bersih Rp 17,76 triliun. Tahun depan perseroan menargetkan laba Rp 20 triliun.",
        );
        assert_eq!(find(&ks, "120").attribute.as_deref(), Some("revenue"));
        assert_eq!(find(&ks, "17,76").attribute.as_deref(), Some("net_profit"));
        let target = find(&ks, "Rp 20");
        assert_eq!(target.modality.as_deref(), Some("target"));
        assert_eq!(find(&ks, "17,76").modality, None);
    }

    #[test]
    fn sessions_halves_and_parts_are_read() {
        let ks = keyed(
            Lang::Id,
            "Pada penutupan perdagangan, 250 saham naik dan 300 saham turun.",
        );
        let up = find(&ks, "250");
        assert_eq!(up.moment, vec!["session:close".to_string()]);
        assert_eq!(find(&ks, "300").attribute.as_deref(), Some("fall"));
        let ks = keyed(
            Lang::En,
            "Twelve people were hurt, 7 of them students, police said.",
        );
        assert_eq!(find(&ks, "7").scope.as_deref(), Some("part"));
        assert_eq!(find(&ks, "Twelve").scope, None);
    }

    #[test]
    fn a_headline_lends_its_session_to_sentences_that_state_none() {
        let text = "Sebanyak 204 saham stagnan. Pada sesi II, 180 saham stagnan.";
        let mut ks: Vec<FactKey> = keyed(Lang::Id, text).into_iter().map(|(_, k)| k).collect();
        inherit_headline_moment("IHSG Pagi Ini Dibuka Turun ke Level 7.132", &mut ks);
        assert_eq!(ks[0].moment, vec!["session:open".to_string()]);
        // A sentence's own session stands.
        assert_eq!(ks[1].moment, vec!["session:2".to_string()]);
        // Dates, years and relative days in a headline are not lent.
        let mut ks: Vec<FactKey> = keyed(Lang::Id, text).into_iter().map(|(_, k)| k).collect();
        inherit_headline_moment(
            "Harga Emas Hari Ini, 19 Juni 2025, di Piala Dunia 2026",
            &mut ks,
        );
        assert!(ks[0].moment.is_empty(), "{:?}", ks[0].moment);
    }

    #[test]
    fn keys_unify_unless_a_slot_both_state_differs() {
        let depth = FactKey {
            attribute: Some("depth".into()),
            ..FactKey::default()
        };
        let distance = FactKey {
            attribute: Some("distance".into()),
            ..FactKey::default()
        };
        let unknown = FactKey::default();
        assert_eq!(clash(&depth, &distance, &Slot::ALL), Some(Slot::Attribute));
        assert_eq!(clash(&depth, &unknown, &Slot::ALL), None);
        assert_eq!(clash(&depth, &distance, &[Slot::Moment]), None);
        let close = FactKey {
            moment: vec!["session:close".into()],
            ..FactKey::default()
        };
        let s1 = FactKey {
            moment: vec!["date:2025-06-20".into(), "session:1".into()],
            ..FactKey::default()
        };
        assert_eq!(clash(&close, &s1, &Slot::ALL), Some(Slot::Moment));
        let day = FactKey {
            moment: vec!["date:2025-06-20".into()],
            ..FactKey::default()
        };
        assert_eq!(clash(&close, &day, &Slot::ALL), None);
        let zarof = FactKey {
            holder: Some("zarof ricar".into()),
            ..FactKey::default()
        };
        let surname = FactKey {
            holder: Some("zarof".into()),
            ..FactKey::default()
        };
        let lisa = FactKey {
            holder: Some("lisa".into()),
            ..FactKey::default()
        };
        assert_eq!(clash(&zarof, &surname, &Slot::ALL), None);
        assert_eq!(clash(&zarof, &lisa, &Slot::ALL), Some(Slot::Holder));
    }
}
