//! The outlet, place and headline an article's first lines state.
//!
//! A dateline opens a line among the first few: one to three short
//! comma-separated names, then a dash (`-`, `--`, `–`, `—`) or a colon,
//! and the story (`JAKARTA, KOMPAS.com -`, `Liputan6.com, Jakarta -`,
//! `TEMPO.CO,Jakarta-`, `Moskow, Purna Warta –`, `WASHINGTON (Reuters) -`).
//! A name is the outlet's when it is written as a web address, is in the
//! table of outlets, or carries a word like `Warta`, `News` (then the
//! others are the place); a wire in parentheses is the outlet. A name that
//! is none of these is a place, never an outlet: nothing is guessed. An
//! address opening the text followed by a comma is taken even when the
//! dash was lost in scraping (`Liputan6.com, JakartaKita …`), and a
//! reporter's credit line (`Laporan Wartawan TribunSolo.com, …`) names
//! the outlet too.
//!
//! The headline is the first line when it reads as one: 3 to 30 words,
//! at most 200 bytes, not ending like a sentence, most longer words
//! capitalised, more text after it, and no dateline itself.

use super::outlets::{is_address, normalize_key, Outlet, Table};

/// How far into the text datelines are looked for.
const HEAD_BYTES: usize = 600;
/// How many non-empty lines are looked at.
const HEAD_LINES: usize = 5;

/// What the first lines say.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Head {
    /// The outlet of the dateline or credit line.
    pub outlet: Option<Outlet>,
    /// The dateline's place, as written.
    pub place: Option<String>,
    /// The first line, when it is a headline.
    pub headline: Option<String>,
    /// A wire named in the dateline (`(Reuters)`, `(ANTARA)`) and the byte
    /// range of its name.
    pub wire: Option<(Outlet, [usize; 2])>,
}

/// Reads the head of a text. See the module docs.
pub fn read_head(text: &str, table: &Table) -> Head {
    let mut head = Head::default();
    let end = floor_boundary(text, HEAD_BYTES);
    let region = &text[..end];
    // Lines, with the offsets of their starts; detik writes `Jakarta\n-\n`,
    // so a line is read together with the next two.
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for l in region.split('\n') {
        if !l.trim().is_empty() {
            lines.push((at, l));
        }
        at += l.len() + 1;
        if lines.len() >= HEAD_LINES {
            break;
        }
    }
    for (n, &(start, line)) in lines.iter().enumerate() {
        // A short kicker (`NATO - Rusia:`) is not a dateline.
        if line.trim_end().ends_with(':') && line.trim().len() < 40 {
            continue;
        }
        // detik writes `Jakarta\n-\n`: a short line is read with the next two.
        let take = if line.trim().len() <= 40 { 3 } else { 1 };
        let joined: String = lines[n..lines.len().min(n + take)]
            .iter()
            .map(|(_, l)| l.trim())
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(d) = dateline(&joined, table) {
            if n == 0 || d.outlet.is_some() || d.wire.is_some() || head.place.is_none() {
                head.place = head.place.or(d.place);
            }
            if let Some((w, span)) = d.wire {
                // Offsets into `joined` hold for the wire when it is on the first line.
                let lead = line.len() - line.trim_start().len();
                let span = if span[1] <= line.trim().len() {
                    [start + lead + span[0], start + lead + span[1]]
                } else {
                    [start, start]
                };
                head.outlet = head.outlet.or_else(|| Some(w.clone()));
                head.wire = Some((w, span));
            }
            if d.outlet.is_some() {
                head.outlet = d.outlet;
            }
            if head.outlet.is_some() {
                break;
            }
            continue;
        }
        if let Some(o) = credit_line(line, table) {
            head.outlet = Some(o);
            break;
        }
    }
    if let Some(&(_, first)) = lines.first() {
        if lines.len() > 1 && is_headline(first) && dateline(first.trim(), table).is_none() {
            head.headline = Some(first.trim().to_string());
        }
    }
    head
}

/// The largest char boundary at or below `n`.
fn floor_boundary(s: &str, n: usize) -> usize {
    let mut n = n.min(s.len());
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    n
}

/// A dateline's parts.
#[derive(Debug, Default)]
struct Dateline {
    outlet: Option<Outlet>,
    place: Option<String>,
    wire: Option<(Outlet, [usize; 2])>,
}

/// Reads a dateline at the start of `s` (whitespace already collapsed to
/// single spaces between lines, not inside them).
fn dateline(s: &str, table: &Table) -> Option<Dateline> {
    let mut names: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    let bytes = s.as_bytes();
    let mut separated = false;
    let mut colon = false;
    // Name by name: up to a comma, a separator or the end of the window.
    while names.len() < 3 {
        let rest = &s[pos..];
        let lead = rest.len() - rest.trim_start().len();
        let start = pos + lead;
        let mut i = start;
        let mut stop = None;
        while i < s.len() && i - start <= 48 {
            let c = s[i..].chars().next()?;
            match c {
                ',' => {
                    stop = Some((i, ','));
                    break;
                }
                ':' => {
                    colon = true;
                    stop = Some((i, '-'));
                    break;
                }
                '–' | '—' => {
                    stop = Some((i, '-'));
                    break;
                }
                '-' => {
                    // A hyphen inside an address (`POS-KUPANG.COM`) is not a separator.
                    let word_end = s[i..]
                        .find(|c: char| c.is_whitespace() || c == ',')
                        .map_or(s.len(), |e| i + e);
                    let token_start = s[..i]
                        .char_indices()
                        .rev()
                        .find(|&(_, c)| c.is_whitespace() || c == ',')
                        .map_or(start, |(b, c)| b + c.len_utf8());
                    let glued = i > start
                        && bytes[i - 1].is_ascii_alphanumeric()
                        && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric);
                    if glued && is_address(&s[token_start..word_end]) {
                        i += 1;
                        continue;
                    }
                    stop = Some((i, '-'));
                    break;
                }
                // `BANJARMASINPOST.CO.ID. BANJARBARU -`: a dot after an address ends a name.
                '.' if s[i + 1..].starts_with([' ', '\u{a0}'])
                    && is_address(s[start..i].rsplit(' ').next().unwrap_or("")) =>
                {
                    stop = Some((i, ','));
                    break;
                }
                '\n' | '.' | '!' | '?' | '"' | '“' if !address_dot(s, i) => break,
                _ => {}
            }
            i += c.len_utf8();
        }
        let Some((end, kind)) = stop else { break };
        let name = s[start..end].trim_end();
        if !plausible_name(name) {
            break;
        }
        names.push((start, name));
        pos = end + s[end..].chars().next().map_or(1, char::len_utf8);
        if kind == '-' {
            separated = true;
            break;
        }
    }
    if names.is_empty() {
        return None;
    }
    let mut d = Dateline::default();
    // Without a separator only an address opening the text followed by a
    // comma counts (the scraped `Liputan6.com, JakartaKita`).
    if !separated {
        let (at, first) = names[0];
        if is_address(first) && s[at + first.len()..].starts_with(',') {
            d.outlet = table.resolve(first);
            return Some(d);
        }
        return None;
    }
    let mut places = Vec::new();
    for &(start, name) in &names {
        // A wire in parentheses: `WASHINGTON (Reuters)`, `(AP)`.
        let (bare, wire) = match (name.find('('), name.rfind(')')) {
            (Some(o), Some(c)) if o < c => {
                let inner = &name[o + 1..c];
                (
                    name[..o].trim(),
                    table.known(inner).map(|w| (w, [start + o + 1, start + c])),
                )
            }
            _ => (name, None),
        };
        if let Some(w) = wire {
            d.wire = Some(w);
            if !bare.is_empty() {
                places.push(bare);
            }
            continue;
        }
        if bare.is_empty() {
            continue;
        }
        // An address and a place without the comma: `Tribunjogja.com Inggris`,
        // `JAKARTA KOMPAS.com`; not a sentence's first words (`Menurut Kompas.com`).
        let placelike = |p: &str| {
            let stop = crate::features::stopwords();
            p.split_whitespace()
                .all(|w| !stop.contains(&w.to_lowercase()))
        };
        let (bare, place) = match (bare.split_once(' '), bare.rsplit_once(' ')) {
            _ if table.known(bare).is_some() => (bare, None),
            (Some((first, rest)), _) if is_address(first) && placelike(rest) => {
                (first, Some(rest.trim()))
            }
            (_, Some((rest, last))) if is_address(last) && placelike(rest) => {
                (last, Some(rest.trim()))
            }
            _ => (bare, None),
        };
        if let Some(p) = place.filter(|p| !p.is_empty()) {
            places.push(p);
        }
        let outlet = if is_address(bare) {
            table.resolve(bare)
        } else {
            table.known(bare).or_else(|| {
                table
                    .has_news_word(bare)
                    .then(|| table.resolve(bare))
                    .flatten()
            })
        };
        match outlet {
            Some(o) if d.outlet.is_none() => d.outlet = Some(o),
            Some(_) => return None,
            None => places.push(bare),
        }
    }
    // A place is one name; two unknown names are not read.
    if places.len() == 1
        && places[0].split_whitespace().count() <= 4
        && !places[0].contains(|c: char| c == '.' || c.is_ascii_digit())
    {
        d.place = Some(places[0].to_string());
    }
    // A colon ends a dateline only after an outlet (`BATAM, POSMETRO:`);
    // `Story Code : 973357` is no place.
    if colon && d.outlet.is_none() && d.wire.is_none() {
        return None;
    }
    if d.outlet.is_none() && d.wire.is_none() && d.place.is_none() {
        return None;
    }
    Some(d)
}

/// Whether the dot at `i` is inside an address (`KOMPAS.com`, `CO.ID`).
fn address_dot(s: &str, i: usize) -> bool {
    let b = s.as_bytes();
    b.get(i) == Some(&b'.')
        && i > 0
        && b[i - 1].is_ascii_alphanumeric()
        && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
}

/// A name in a dateline: 1 to 5 words, each starting with a capital, a digit
/// or `(`; no sentence inside.
fn plausible_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '(')
                || is_address(w)
        })
}

/// `Laporan Wartawan TribunSolo.com, …` and the like: an address or a
/// known outlet after a reporter's credit.
fn credit_line(line: &str, table: &Table) -> Option<Outlet> {
    let l = line.trim();
    let rest = [
        "laporan wartawan ",
        "laporan reporter ",
        "reporter ",
        "penulis ",
    ]
    .iter()
    .find_map(|p| {
        l.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
            .then(|| &l[p.len()..])
    })?;
    let name = rest.split(',').next()?.trim();
    let token = name.split(' ').next()?;
    if is_address(token) {
        return table.resolve(token);
    }
    table.known(name)
}

/// A headline without the outlet's name that web pages put after it (`Third victim dies - KSLA News 12
/// Shreveport`, `… - MSNewsNow.com - Jackson, MS`, `… | KOTV.com |`): the headline ends at the first
/// ` - `, ` | `, ` – ` or ` — ` whose tail (at most twelve words) names an outlet: a web address, a name in
/// the table, a word like `News`, or the article's own `source`. A tail naming none (`Memphis,
/// Tennessee`) stays.
pub fn headline_without_outlet<'a>(title: &'a str, source: Option<&str>, table: &Table) -> &'a str {
    let own = source.map(normalize_key).filter(|k| k.len() >= 3);
    let t = title
        .trim_end()
        .trim_end_matches(['|', '-', '–', '—'])
        .trim_end();
    let names_outlet = |tail: &str| {
        tail.split_whitespace().count() <= 12
            && (tail.split_whitespace().any(is_address)
                || table.has_news_word(tail)
                || table.known(tail).is_some()
                || own
                    .as_deref()
                    .is_some_and(|k| normalize_key(tail).contains(k)))
    };
    let mut cuts: Vec<(usize, usize)> = [" - ", " | ", " – ", " — "]
        .iter()
        .flat_map(|sep| t.match_indices(sep).map(|(i, m)| (i, i + m.len())))
        .collect();
    cuts.sort_unstable();
    cuts.into_iter()
        .find(|&(at, rest)| at > 0 && names_outlet(&t[rest..]))
        .map_or(t, |(at, _)| t[..at].trim_end())
}

/// Whether a line reads as a headline (see the module docs).
pub fn is_headline(line: &str) -> bool {
    let l = line.trim();
    let words: Vec<&str> = l.split_whitespace().collect();
    if l.len() > 200 || words.len() < 3 || words.len() > 30 {
        return false;
    }
    if l.ends_with(['.', ',', ':', ';', '-', '–', '—']) {
        return false;
    }
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() > 3).collect();
    let capital = long
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .count();
    !long.is_empty() && capital * 2 > long.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(text: &str) -> (Option<String>, Option<String>, Option<String>) {
        let h = read_head(text, Table::builtin());
        (h.outlet.map(|o| o.name), h.place, h.headline)
    }

    #[test]
    fn a_headline_loses_the_outlets_name_after_it() {
        fn cut<'a>(t: &'a str, source: Option<&str>) -> &'a str {
            headline_without_outlet(t, source, Table::builtin())
        }
        // a news word, an address, the article's own outlet
        assert_eq!(
            cut(
                "Third victim dies - KSLA News 12 Shreveport, Louisiana",
                None
            ),
            "Third victim dies"
        );
        assert_eq!(
            cut("Four shot, two dead - MSNewsNow.com - Jackson, MS", None),
            "Four shot, two dead"
        );
        assert_eq!(
            cut("2 killed in crash | KOTV.com |", None),
            "2 killed in crash"
        );
        assert_eq!(
            cut("Man dies in crash - KVVU Las Vegas", Some("kvvu.com")),
            "Man dies in crash"
        );
        // a tail that names no outlet stays, and so does a headline without one
        assert_eq!(
            cut("Man dies in crash - Memphis, Tennessee", None),
            "Man dies in crash - Memphis, Tennessee"
        );
        assert_eq!(
            cut("Gempa M 4,8 guncang Garut", None),
            "Gempa M 4,8 guncang Garut"
        );
        // never all of it
        assert_eq!(cut("Daily News", Some("Daily News")), "Daily News");
    }

    #[test]
    fn datelines_of_the_outlets() {
        let t = |s: &str| head(s);
        assert_eq!(
            t("Liputan6.com, Jakarta -Harga Bitcoin naik."),
            (Some("Liputan6.com".into()), Some("Jakarta".into()), None)
        );
        assert_eq!(
            t("JAKARTA, KOMPAS.com - Badan Legislasi DPR").0.as_deref(),
            Some("Kompas.com")
        );
        assert_eq!(
            t("JAKARTA, KOMPAS.com - Badan").1.as_deref(),
            Some("JAKARTA")
        );
        assert_eq!(
            t("TEMPO.CO,Jakarta-Ginjaladalah organ").0.as_deref(),
            Some("Tempo")
        );
        assert_eq!(
            t("REPUBLIKA.CO.ID,\u{a0}CIREBON--Kepolisian memastikan")
                .0
                .as_deref(),
            Some("Republika")
        );
        assert_eq!(
            t("TRIBUNKALTENG.COM - Seorang warga").0.as_deref(),
            Some("Tribun Kalteng")
        );
        assert_eq!(
            t("POS-KUPANG.COM, KUPANG - Seorang").0.as_deref(),
            Some("Pos Kupang")
        );
        assert_eq!(
            t("Bewarajabar.com – Moskwa menyebut").0.as_deref(),
            Some("Bewarajabar.com")
        );
        assert_eq!(
            t("Moskow, Purna Warta – Seorang juru bicara"),
            (Some("Purna Warta".into()), Some("Moskow".into()), None)
        );
        assert_eq!(
            t("Berita Baru, Brussel – Rusia akan").0.as_deref(),
            Some("Berita Baru")
        );
        assert_eq!(
            t("WASHINGTON (Reuters) - The Federal Reserve").0.as_deref(),
            Some("Reuters")
        );
        assert_eq!(t("(AP) — A ferry sank").0.as_deref(), Some("AP"));
        assert_eq!(
            t("Liputan6.com, JakartaKita semua").0.as_deref(),
            Some("Liputan6.com")
        );
        assert_eq!(
            t("Jakarta\n-\nLuna Maya ternyata"),
            (None, Some("Jakarta".into()), None)
        );
        assert_eq!(t("JAKARTA- Pasangan ganda putra").0, None);
        assert_eq!(
            t("Brandon selaku pihak EO memberikan bocoran\nSERAMBINEWS.COM - Putra sulung")
                .0
                .as_deref(),
            Some("Serambinews.com")
        );
        assert_eq!(
            t("Laporan Wartawan TribunSolo.com, Zharfan\nKLATEN - Identitas")
                .0
                .as_deref(),
            Some("Tribun Solo")
        );
        assert_eq!(
            t("BATAM, POSMETRO: Dua cewek malam").0.as_deref(),
            Some("Posmetro")
        );
        assert_eq!(
            t("POSMETRO MEDAN– Dua orang nelayan").0.as_deref(),
            Some("Posmetro Medan")
        );
    }

    #[test]
    fn nothing_is_guessed() {
        assert_eq!(
            head("Direktur Utama PT Sri Rejeki bicara soal kasus.").0,
            None
        );
        assert_eq!(head("Menurut Kompas.com - dan lainnya").0, None);
        assert_eq!(head("").0, None);
        assert_eq!(head("Antara Jakarta dan Bogor - jalan macet").0, None);
    }

    #[test]
    fn headlines() {
        let (o, _, h) = head("Bertemu dengan NATO di Brussel, Rusia akan Ajukan Tuntutan Keamanan\nBerita Baru, Brussel – Rusia akan");
        assert_eq!(
            h.as_deref(),
            Some("Bertemu dengan NATO di Brussel, Rusia akan Ajukan Tuntutan Keamanan")
        );
        assert_eq!(o.as_deref(), Some("Berita Baru"));
        assert_eq!(head("Bulan Depan Rusia, AS dan NATO Duduk Satu Meja\n\nKamis, 23 Desember 2021\nMOSKOW - Negosiator").2.as_deref(), Some("Bulan Depan Rusia, AS dan NATO Duduk Satu Meja"));
        assert_eq!(head("0\nThursday 13 January 2022 - 15:29").2, None);
        assert_eq!(head("Daftar Isi\nSyarat").2, None);
        assert_eq!(
            head("Rusia mengerahkan pasukan di perbatasan Ukraina untuk latihan.\nLagi").2,
            None
        );
        assert_eq!(head("Satu Judul Saja Tanpa Isi").2, None);
    }

    proptest::proptest! {
        #[test]
        fn any_text_reads_without_panic(s in "[A-Za-z0-9 .,:()\\-–—\u{a0}\néÅ]{0,120}") {
            let h = read_head(&s, Table::builtin());
            if let Some((_, [a, b])) = h.wire {
                proptest::prop_assert!(a <= b && b <= s.len());
            }
        }
    }

    #[test]
    fn odd_text_does_not_panic() {
        for s in [
            "-",
            ",",
            "é,",
            "A, B, C, D, E -",
            "((Reuters) -",
            "(Reuters -",
            "x\u{a0}\n-\n\n",
            "ÉÉÉ.COM-",
            "a-",
        ] {
            let _ = read_head(s, Table::builtin());
        }
        let long = "Å".repeat(400);
        let _ = read_head(&long, Table::builtin());
    }
}
