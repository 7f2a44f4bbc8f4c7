//! The gazetteer: places by name, each inside its parent (`data/places/`).
//!
//! Names are matched as written, capitalised, over up to [`MAX_WORDS`] words, longest first
//! ("New Port Richey" before "Port"); a name several places share (`Bogor` the regency and the
//! city) gives all of them. Names in `data/places/stoplist.txt` are never matched.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// A place: its row in the table.
pub type PlaceId = u32;

/// Longest name matched, in words.
pub const MAX_WORDS: usize = 4;

#[derive(Debug, Clone)]
struct Place {
    id: String,
    name: String,
    parent: Option<PlaceId>,
}

/// Places by name.
#[derive(Debug, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    by_name: HashMap<String, Vec<PlaceId>>,
}

impl Gazetteer {
    /// Reads a table `id kind parent name aliases` (tab-separated, a header line first) and a
    /// stoplist of names never matched. A malformed row is an error naming its line.
    pub fn parse(table: &str, stoplist: &str) -> Result<Self, String> {
        let stop: HashSet<&str> = stoplist
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        let mut rows: Vec<(String, String, String, Vec<String>)> = Vec::new();
        for (n, line) in table.lines().enumerate().skip(1) {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 4 {
                return Err(format!(
                    "places table line {}: expected id, kind, parent, name, aliases",
                    n + 1
                ));
            }
            let aliases = cols
                .get(4)
                .map(|a| {
                    a.split('|')
                        .map(str::trim)
                        .filter(|a| !a.is_empty())
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            rows.push((
                cols[0].to_string(),
                cols[2].to_string(),
                cols[3].to_string(),
                aliases,
            ));
        }
        let index: HashMap<&str, PlaceId> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.0.as_str(), i as PlaceId))
            .collect();
        let mut g = Gazetteer::default();
        for (i, (id, parent, name, aliases)) in rows.iter().enumerate() {
            g.places.push(Place {
                id: id.clone(),
                name: name.clone(),
                parent: index.get(parent.as_str()).copied(),
            });
            for n in std::iter::once(name).chain(aliases) {
                if stop.contains(n.as_str()) || n.split_whitespace().count() > MAX_WORDS {
                    continue;
                }
                let ids = g.by_name.entry(n.clone()).or_default();
                if !ids.contains(&(i as PlaceId)) {
                    ids.push(i as PlaceId);
                }
            }
        }
        Ok(g)
    }

    /// The gazetteer in `data/places/`.
    pub fn bundled() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| {
            Gazetteer::parse(
                include_str!("../../data/places/places.tsv"),
                include_str!("../../data/places/stoplist.txt"),
            )
            .expect("data/places/places.tsv is checked by its test")
        })
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The place's id in the table (`ID-32.01`).
    pub fn id(&self, p: PlaceId) -> &str {
        &self.places[p as usize].id
    }

    /// The place's name.
    pub fn name(&self, p: PlaceId) -> &str {
        &self.places[p as usize].name
    }

    /// Appends the places named in `text[range]`, in text order.
    pub fn find(&self, text: &str, range: std::ops::Range<usize>, out: &mut Vec<PlaceId>) {
        if self.by_name.is_empty() {
            return;
        }
        // Words with their byte ranges.
        let s = &text[range.clone()];
        let mut words: Vec<(usize, usize)> = Vec::new();
        let mut start = None;
        for (i, c) in s.char_indices() {
            let inside = c.is_alphanumeric() || (start.is_some() && (c == '.' || c == '\''));
            match (inside, start) {
                (true, None) => start = Some(i),
                (false, Some(b)) => {
                    words.push((b, i));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(b) = start {
            words.push((b, s.len()));
        }
        let mut i = 0;
        while i < words.len() {
            let first = &s[words[i].0..words[i].1];
            if !first.chars().next().is_some_and(char::is_uppercase) {
                i += 1;
                continue;
            }
            let mut matched = 0;
            for n in (1..=MAX_WORDS.min(words.len() - i)).rev() {
                let span = &s[words[i].0..words[i + n - 1].1];
                // A name's own trailing period ("Fla.") or none.
                let ids = self
                    .by_name
                    .get(span)
                    .or_else(|| span.strip_suffix('.').and_then(|t| self.by_name.get(t)));
                if let Some(ids) = ids {
                    out.extend(ids.iter().copied());
                    matched = n;
                    break;
                }
            }
            i += matched.max(1);
        }
    }

    /// Whether a word or phrase, as written, names a place.
    pub fn is_name(&self, name: &str) -> bool {
        self.by_name.contains_key(name)
    }

    /// Whether one place is the other or lies inside it.
    pub fn related(&self, a: PlaceId, b: PlaceId) -> bool {
        self.within(a, b) || self.within(b, a)
    }

    /// Whether `a` is `b` or lies inside it.
    pub fn within(&self, mut a: PlaceId, b: PlaceId) -> bool {
        for _ in 0..16 {
            if a == b {
                return true;
            }
            match self.places[a as usize].parent {
                Some(p) => a = p,
                None => return false,
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "id\tkind\tparent\tname\taliases\n\
        ID\tcountry\t\tIndonesia\n\
        ID-35\tregion\tID\tJawa Timur\tJatim\n\
        ID-35.23\tdistrict\tID-35\tTuban\tKabupaten Tuban\n\
        ID-32\tregion\tID\tJawa Barat\tJabar\n\
        ID-32.18\tdistrict\tID-32\tPangandaran\n\
        US\tcountry\t\tUnited States\tU.S.\n\
        US-FL\tregion\tUS\tFlorida\tFla.\n\
        US-12101\tdistrict\tUS-FL\tPasco County\n\
        US-12-48525\tcity\tUS-12101\tNew Port Richey\n";

    #[test]
    fn longest_names_first_and_hierarchy() {
        let g = Gazetteer::parse(TABLE, "").unwrap();
        let text = "NEW PORT RICHEY, Fla. - Shots in New Port Richey, Pasco County, Fla.";
        let mut found = Vec::new();
        g.find(text, 0..text.len(), &mut found);
        let ids: Vec<&str> = found.iter().map(|&p| g.id(p)).collect();
        assert_eq!(ids, ["US-FL", "US-12-48525", "US-12101", "US-FL"]);
        let (city, state) = (found[1], found[0]);
        assert!(g.related(city, state));
        let text = "Gempa guncang Tuban, Jawa Timur; warga Pangandaran tenang";
        let mut found = Vec::new();
        g.find(text, 0..text.len(), &mut found);
        let names: Vec<&str> = found.iter().map(|&p| g.name(p)).collect();
        assert_eq!(names, ["Tuban", "Jawa Timur", "Pangandaran"]);
        assert!(g.related(found[0], found[1]));
        assert!(!g.related(found[0], found[2]));
    }

    #[test]
    fn stoplisted_and_lowercase_names_are_not_places() {
        let g = Gazetteer::parse(TABLE, "Tuban\n").unwrap();
        let text = "tuban and Tuban";
        let mut found = Vec::new();
        g.find(text, 0..text.len(), &mut found);
        assert!(found.is_empty());
    }

    #[test]
    fn a_short_row_is_an_error_naming_its_line() {
        let err = Gazetteer::parse("id\tkind\tparent\tname\nX\tcountry\n", "").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn the_bundled_table_reads() {
        let g = Gazetteer::bundled();
        let _ = g.len();
    }
}
