//! Whom an article credits: `dilansir dari Kompas.com`, `dikutip dari`,
//! `seperti diberitakan`, `mengutip`, `sumber:`, `(ANTARA)`, `via`,
//! `according to a Reuters report`, wire bylines and sign-offs.
//!
//! Cues are found with one case-insensitive Aho-Corasick pass over the
//! text, at word boundaries. After a cue the next few words are searched
//! for an outlet: a web address, a name in `data/outlets.tsv`, or a name
//! with a word like `News`, `Warta`. After a cue that says the text was
//! taken from somewhere (`dilansir`, `dikutip`, `mengutip`, `sumber:`,
//! `seperti diberitakan`), a capitalised name right after it is kept too,
//! as a credit that is not an outlet (`mengutip BMKG`); `via` and
//! `according to` take outlets only (`via Zoom`, `according to police` are
//! not credits).
//!
//! A credit in the lead (the first two non-empty lines or the first 400
//! bytes), a byline or a sign-off covers the whole article; elsewhere it
//! covers its paragraph (its line, at most 400 bytes before and 800 after
//! it), and so the claims in it. An article's credits to its own outlet
//! are dropped.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Serialize;

use super::outlets::{is_address, Outlet, Table};

/// What a credit covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// The whole article.
    Article,
    /// One paragraph (see [`Credit::covers`]).
    Paragraph,
}

/// A source an article credits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Credit {
    /// The source as the report names it.
    pub name: String,
    /// Its normalised name.
    pub key: String,
    /// A news outlet or wire (only these make copies one source).
    pub outlet: bool,
    /// A wire agency.
    pub wire: bool,
    /// The words that credit it, lower case (`dilansir dari`, `(reuters)`, `byline`).
    pub cue: String,
    /// The whole article or a paragraph.
    pub scope: Scope,
    /// Byte range of the cue and the name in the text.
    pub span: [usize; 2],
    /// Byte range of the text it covers.
    pub covers: [usize; 2],
}

/// Kinds of cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// The text was taken from the name after it.
    Taken,
    /// Outlets only (`via`, `according to`).
    OutletOnly,
    /// The cue names the wire itself: `(Reuters)`.
    Wire(&'static str),
}

const CUES: [(&str, Cue); 32] = [
    ("dilansir dari", Cue::Taken),
    ("dilansir", Cue::Taken),
    ("melansir", Cue::Taken),
    ("seperti dilansir", Cue::Taken),
    ("sebagaimana dilansir", Cue::Taken),
    ("dikutip dari", Cue::Taken),
    ("dikutip", Cue::Taken),
    ("mengutip dari", Cue::Taken),
    ("mengutip", Cue::Taken),
    ("seperti diberitakan", Cue::Taken),
    ("sebagaimana diberitakan", Cue::Taken),
    ("diberitakan", Cue::OutletOnly),
    ("sumber:", Cue::Taken),
    ("sumber :", Cue::Taken),
    ("source:", Cue::Taken),
    ("menurut laporan", Cue::OutletOnly),
    ("laporan", Cue::OutletOnly),
    ("menurut", Cue::OutletOnly),
    ("according to", Cue::OutletOnly),
    ("reported by", Cue::OutletOnly),
    ("citing", Cue::OutletOnly),
    ("told", Cue::OutletOnly),
    ("kepada", Cue::OutletOnly),
    ("via", Cue::OutletOnly),
    ("(antara)", Cue::Wire("antara")),
    ("(ant)", Cue::Wire("antara")),
    ("(reuters)", Cue::Wire("reuters")),
    ("(ap)", Cue::Wire("ap")),
    ("(afp)", Cue::Wire("afp")),
    ("(xinhua)", Cue::Wire("xinhua")),
    ("reporting by", Cue::Wire("reuters")),
    ("(bernama)", Cue::Wire("bernama")),
];

fn automaton() -> &'static AhoCorasick {
    static A: OnceLock<AhoCorasick> = OnceLock::new();
    A.get_or_init(|| {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(CUES.iter().map(|(c, _)| c))
            .expect("the cue list builds")
    })
}

/// Bytes of the lead, where a credit covers the whole article.
const LEAD_BYTES: usize = 400;
/// Words after a cue searched for an outlet.
const LOOK_WORDS: usize = 6;

/// The credits of a text, sorted by position; `own` is the article's own
/// outlet key, never credited.
pub fn credits(text: &str, own: Option<&str>, table: &Table) -> Vec<Credit> {
    let lead_end = lead_end(text);
    let mut out: Vec<Credit> = Vec::new();
    for m in automaton().find_iter(text) {
        let (s, e) = (m.start(), m.end());
        let cue_text = &text[s..e];
        let word_cue = cue_text.as_bytes()[0].is_ascii_alphabetic();
        if word_cue
            && (text[..s]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                || text[e..].chars().next().is_some_and(char::is_alphanumeric))
        {
            continue;
        }
        let (_, cue) = CUES[m.pattern().as_usize()];
        let found = match cue {
            Cue::Wire(key) => table.known(key).map(|o| (o, e)),
            Cue::Taken => name_after(text, e, table, true),
            Cue::OutletOnly => name_after(text, e, table, false),
        };
        let Some((outlet, name_end)) = found else {
            continue;
        };
        if own == Some(outlet.key.as_str()) {
            continue;
        }
        let tail = s + 300 >= text.len();
        let scope = if s < lead_end || (matches!(cue, Cue::Wire(_)) && tail) {
            Scope::Article
        } else {
            Scope::Paragraph
        };
        out.push(credit(
            text,
            outlet,
            cue_text.to_lowercase(),
            scope,
            [s, name_end],
        ));
    }
    out.extend(bylines(text, own, table));
    out.sort_by_key(|c| (c.span, c.scope));
    let mut seen = std::collections::BTreeSet::new();
    out.retain(|c| seen.insert((c.key.clone(), c.scope, c.covers)));
    out
}

fn credit(text: &str, o: Outlet, cue: String, scope: Scope, span: [usize; 2]) -> Credit {
    let covers = match scope {
        Scope::Article => [0, text.len()],
        Scope::Paragraph => paragraph(text, span[0]),
    };
    Credit {
        outlet: o.known || is_address(&o.name) || o.wire,
        wire: o.wire,
        name: o.name,
        key: o.key,
        cue,
        scope,
        span,
        covers,
    }
}

/// End of the lead: the first two non-empty lines, at least 400 bytes.
fn lead_end(text: &str) -> usize {
    let mut lines = 0;
    let mut at = 0;
    for l in text.split('\n') {
        at += l.len() + 1;
        if !l.trim().is_empty() {
            lines += 1;
            if lines == 2 {
                break;
            }
        }
    }
    at.min(text.len()).max(LEAD_BYTES.min(text.len()))
}

/// The paragraph around byte `at`: its line, clipped.
fn paragraph(text: &str, at: usize) -> [usize; 2] {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let mut lo = start.max(at.saturating_sub(400));
    let mut hi = end.min(at + 800);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    [lo, hi.max(lo)]
}

/// The outlet named in the few words after byte `from`, and where its name
/// ends; with `taken`, a capitalised name right after the cue as well.
fn name_after(text: &str, from: usize, table: &Table, taken: bool) -> Option<(Outlet, usize)> {
    // Words up to the end of the sentence.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut i = from;
    let bytes = text.as_bytes();
    while words.len() < LOOK_WORDS + 3 && i < text.len() {
        let rest = &text[i..];
        let skip = rest.len() - rest.trim_start_matches([' ', '\t', '\u{a0}']).len();
        i += skip;
        if i >= text.len() || bytes[i] == b'\n' || bytes[i] == b'\r' {
            break;
        }
        let len = text[i..]
            .find(|c: char| c.is_whitespace() || c == '\u{a0}')
            .unwrap_or(text.len() - i);
        if len == 0 {
            break;
        }
        words.push((i, i + len));
        let w = &text[i..i + len];
        i += len;
        if (w.ends_with(['.', '!', '?', ';']) && !is_address(w)) || w.ends_with(',') {
            break;
        }
    }
    let clean = |a: usize, b: usize| -> (usize, usize) {
        let w = &text[a..b];
        let l = w.len() - w.trim_start_matches(['(', '"', '\'', '“', '‘']).len();
        let t = w.trim_end_matches(['.', ',', ';', ':', ')', '"', '\'', '”', '’', '!', '?']);
        let t = t.strip_suffix("'s").unwrap_or(t);
        (a + l, a + t.len().max(l))
    };
    for first in 0..words.len().min(LOOK_WORDS) {
        for n in (1..=4.min(words.len() - first)).rev() {
            let (a, _) = clean(words[first].0, words[first].1);
            let (_, b) = clean(words[first + n - 1].0, words[first + n - 1].1);
            if b <= a {
                continue;
            }
            let name = &text[a..b];
            if !name.chars().next().is_some_and(|c| c.is_alphanumeric()) {
                continue;
            }
            // An outlet's name is capitalised or an address (`detikcom`, `kumparan` excepted by the table).
            let o = if is_address(name) {
                table.resolve(name)
            } else if n == 1 && !name.chars().next().is_some_and(char::is_uppercase) {
                table
                    .known(name)
                    .filter(|o| o.name.chars().next().is_some_and(char::is_lowercase))
            } else if name.chars().next().is_some_and(char::is_uppercase) {
                table.known(name).or_else(|| {
                    (taken && n >= 2 && capitalised(name) && table.has_news_word(name))
                        .then(|| table.resolve(name))
                        .flatten()
                })
            } else {
                None
            };
            if let Some(o) = o {
                return Some((o, b));
            }
        }
    }
    if !taken {
        return None;
    }
    // A capitalised name right after the cue (after `dari`).
    let mut k = 0;
    if let Some(&(a, b)) = words.first() {
        if text[a..b].eq_ignore_ascii_case("dari") {
            k = 1;
        }
    }
    let mut end = None;
    let start = words.get(k).map(|&(a, b)| clean(a, b).0)?;
    for &(a, b) in words.iter().skip(k).take(4) {
        let (ca, cb) = clean(a, b);
        if cb <= ca || !text[ca..cb].chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        end = Some(cb);
        if cb < b {
            break;
        }
    }
    let end = end?;
    let name = &text[start..end];
    // `dikutip Selasa (17/6)` is quoted on a Tuesday, not from one.
    let first = name.split_whitespace().next().unwrap_or("").to_lowercase();
    if CALENDAR.contains(&first.as_str()) {
        return None;
    }
    table.resolve(name).map(|o| (o, end))
}

/// Day and month names (Indonesian, English) that follow a cue as a date.
const CALENDAR: [&str; 40] = [
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jumat",
    "jum'at",
    "sabtu",
    "minggu",
    "ahad",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "januari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "desember",
    "january",
    "february",
    "march",
    "may",
    "june",
    "july",
    "august",
    "october",
    "december",
    "pekan",
    "hari",
    "kemarin",
];

/// Whether every word of a name starts with a capital.
fn capitalised(name: &str) -> bool {
    name.split_whitespace().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    })
}

/// Bylines and sign-offs: a short line among the first three or the last
/// two that is, or ends with, a wire's name (`By Jane Doe, Reuters`,
/// `Associated Press`, `— AFP`).
fn bylines(text: &str, own: Option<&str>, table: &Table) -> Vec<Credit> {
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for l in text.split('\n') {
        if !l.trim().is_empty() {
            lines.push((at, l));
        }
        at += l.len() + 1;
    }
    let n = lines.len();
    let picked = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| *i < 3 || *i + 2 >= n)
        .map(|(_, l)| *l);
    let mut out = Vec::new();
    for (start, line) in picked {
        let t = line.trim();
        if t.len() > 60 || t.is_empty() {
            continue;
        }
        let last = t
            .rsplit([',', '—', '–', '-', '|'])
            .next()
            .unwrap_or(t)
            .trim()
            .trim_matches(['(', ')', ' ']);
        let Some(o) = table.known(last).filter(|o| o.wire) else {
            continue;
        };
        if own == Some(o.key.as_str()) {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let span = [start + lead, start + lead + t.len()];
        out.push(credit(text, o, "byline".into(), Scope::Article, span));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, Scope, bool)> {
        credits(text, None, Table::builtin())
            .into_iter()
            .map(|c| (c.name, c.scope, c.outlet))
            .collect()
    }

    #[test]
    fn cues_name_their_sources() {
        let a = Scope::Article;
        assert_eq!(
            names(
                "Bewarajabar.com – Moskwa menyebut.\nDilansir dari Kompas.com, Juru Bicara Peskov"
            ),
            vec![("Kompas.com".into(), a, true)]
        );
        assert_eq!(
            names("Jakarta - Harga naik (ANTARA) - kata dia."),
            vec![("ANTARA".into(), a, true)]
        );
        assert_eq!(
            names("The ferry sank, according to a Reuters report."),
            vec![("Reuters".into(), a, true)]
        );
        assert_eq!(
            names("Hal itu seperti diberitakan detikcom sebelumnya."),
            vec![("detikcom".into(), a, true)]
        );
        assert_eq!(names("Sumber: Antara"), vec![("ANTARA".into(), a, true)]);
        assert_eq!(names("Rapat digelar via Zoom, kata dia."), vec![]);
        assert_eq!(names("Angka itu naik, according to police."), vec![]);
        assert_eq!(
            names("Mengutip BMKG, gempa terjadi pukul 10.00."),
            vec![("BMKG".into(), a, false)]
        );
        assert_eq!(
            names("Menurut laporan Reuters, pertemuan itu"),
            vec![("Reuters".into(), a, true)]
        );
        assert_eq!(
            names("By Jane Doe, Associated Press\nA ferry sank."),
            vec![("AP".into(), a, true)]
        );
    }

    #[test]
    fn a_day_after_a_cue_is_a_date_not_a_source() {
        assert!(names("Hal itu dikutip Selasa (17/6/2025) dari keterangan resmi.").is_empty());
    }

    #[test]
    fn a_credit_late_in_the_text_covers_its_paragraph() {
        let filler = "Kalimat pembuka yang cukup panjang untuk paragraf pertama. ".repeat(10);
        let text = format!("{filler}\n\n{filler}\nDikutip dari Reuters, angka itu 12 orang.\nParagraf terakhir tanpa sumber yang panjang sekali {filler}");
        let cs = credits(&text, None, Table::builtin());
        assert_eq!(cs.len(), 1);
        assert_eq!(cs[0].scope, Scope::Paragraph);
        let p = &text[cs[0].covers[0]..cs[0].covers[1]];
        assert!(
            p.starts_with("Dikutip dari Reuters") && p.ends_with("12 orang."),
            "{p}"
        );
    }

    proptest::proptest! {
        #[test]
        fn any_text_credits_without_panic(s in "([A-Za-z0-9 .,:()\\-–\u{a0}\né]|via |dilansir dari |\\(ANTARA\\)|Reuters|mengutip ){0,60}") {
            for c in credits(&s, None, Table::builtin()) {
                proptest::prop_assert!(c.span[0] <= c.span[1] && c.span[1] <= s.len());
                proptest::prop_assert!(c.covers[0] <= c.covers[1] && c.covers[1] <= s.len());
                proptest::prop_assert!(s.is_char_boundary(c.covers[0]) && s.is_char_boundary(c.covers[1]));
            }
        }
    }

    #[test]
    fn own_outlet_and_odd_text() {
        assert!(credits(
            "Dilansir dari Kompas.com, hal",
            Some("kompas"),
            Table::builtin()
        )
        .is_empty());
        for s in [
            "via",
            "dilansir dari",
            "(ANTARA",
            "sumber:\n",
            "é via é",
            "mengutip (",
            "kepada .",
        ] {
            let _ = credits(s, None, Table::builtin());
        }
    }
}
