//! Kinds of happening (earthquake, match, court hearing, …) named by trigger words
//! (`data/events/types.tsv`).

use std::collections::HashMap;
use std::sync::OnceLock;

/// Trigger words and phrases by the kind they name.
#[derive(Debug, Default)]
pub struct EventTypes {
    /// The kinds, in the order of the table.
    kinds: Vec<String>,
    /// Whole words and phrases (lower case, single spaces), with their kind.
    exact: HashMap<String, usize>,
    /// Word beginnings (`quake*`), longest first.
    prefixes: Vec<(String, usize)>,
    /// Most words in a phrase.
    longest: usize,
}

impl EventTypes {
    /// Reads `type<TAB>trigger` lines (`#` comments). A line without a tab is an error naming it.
    pub fn parse(table: &str) -> Result<Self, String> {
        let mut t = EventTypes::default();
        for (n, line) in table.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((kind, trigger)) = line.split_once('\t') else {
                return Err(format!(
                    "event types line {}: expected type<TAB>trigger",
                    n + 1
                ));
            };
            let kind = match t.kinds.iter().position(|k| k == kind) {
                Some(k) => k,
                None => {
                    t.kinds.push(kind.to_string());
                    t.kinds.len() - 1
                }
            };
            let trigger = trigger.trim().to_lowercase();
            if let Some(p) = trigger.strip_suffix('*') {
                t.prefixes.push((p.to_string(), kind));
            } else {
                t.longest = t.longest.max(trigger.split(' ').count());
                t.exact.insert(trigger, kind);
            }
        }
        t.prefixes
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        Ok(t)
    }

    /// The kinds in `data/events/types.tsv`.
    pub fn bundled() -> &'static EventTypes {
        static T: OnceLock<EventTypes> = OnceLock::new();
        T.get_or_init(|| {
            EventTypes::parse(include_str!("../../data/events/types.tsv"))
                .expect("data/events/types.tsv is checked by its test")
        })
    }

    /// The kind named first in `text` (a longer phrase wins at the same word).
    pub fn find(&self, text: &str) -> Option<&str> {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        for i in 0..words.len() {
            for n in (1..=self.longest.min(words.len() - i)).rev() {
                if let Some(&k) = self.exact.get(&words[i..i + n].join(" ")) {
                    return Some(&self.kinds[k]);
                }
            }
            if let Some((_, k)) = self.prefixes.iter().find(|(p, _)| words[i].starts_with(p)) {
                return Some(&self.kinds[*k]);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_headlines() {
        let t = EventTypes::bundled();
        assert_eq!(
            t.find("Gempa Magnitudo 4,5 Guncang Tuban"),
            Some("earthquake")
        );
        assert_eq!(
            t.find("Quake hits island off south Iran, five hurt"),
            Some("earthquake")
        );
        assert_eq!(t.find("Gunung Semeru Erupsi Lagi"), Some("eruption"));
        assert_eq!(
            t.find("Eks Pejabat MA Zarof Ricar Divonis 16 Tahun Penjara"),
            Some("court")
        );
        assert_eq!(t.find("Harga Kripto Hari Ini"), Some("market"));
        assert_eq!(t.find("Resep sambal matah"), None);
    }

    #[test]
    fn a_line_without_a_tab_is_an_error() {
        assert!(EventTypes::parse("earthquake gempa\n")
            .unwrap_err()
            .contains("line 1"));
    }
}
