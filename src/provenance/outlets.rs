//! Outlet names: normalising how texts and inputs write them, and the
//! table of known outlets and wires (`data/outlets.tsv`, embedded).
//!
//! A name is normalised to a key: lower case, a scheme, `www.`, a path and
//! the public suffix (`.com`, `.co.id`, `.co`, `.id`, …) removed, spaces,
//! hyphens and dots between words dropped (`KOMPAS.com`, `kompas.com` and
//! `Kompas` are `kompas`; `pos-kupang.com` is `poskupang`). A host with a
//! subdomain is looked up whole first (`kaltim.tribunnews.com` is an alias
//! of Tribun Kaltim), then by its registered name: a section host
//! (`hot.detik.com`) is the outlet itself, a network host
//! (`foo.tribunnews.com`) an outlet of its own in the network.

use std::collections::HashMap;
use std::sync::OnceLock;

const BUILTIN: &str = include_str!("../../data/outlets.tsv");
const WORDS: &str = include_str!("../../data/outlet-words.txt");

/// Suffixes that are not part of an outlet's name, longest first.
const SUFFIXES: [&str; 12] = [
    ".co.id", ".or.id", ".go.id", ".com.tr", ".co.uk", ".com", ".net", ".org", ".co", ".id", ".tv",
    ".news",
];

/// An outlet as the report names it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Outlet {
    /// The normalised name, used to count outlets.
    pub key: String,
    /// Its name: the table's, else as the text or input wrote it.
    pub name: String,
    /// The network it belongs to (a key), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network: Option<String>,
    /// A news agency whose copy other outlets run.
    pub wire: bool,
    /// Found in the table of known outlets.
    pub known: bool,
}

#[derive(Debug)]
struct Entry {
    name: String,
    network: Option<String>,
    wire: bool,
    network_hosts: bool,
}

/// The table: every key and alias -> its entry's key; entries by key.
#[derive(Debug)]
pub struct Table {
    alias: HashMap<String, String>,
    entries: HashMap<String, Entry>,
    words: Vec<String>,
}

impl Table {
    /// The built-in table.
    pub fn builtin() -> &'static Table {
        static T: OnceLock<Table> = OnceLock::new();
        T.get_or_init(|| Table::parse(BUILTIN, WORDS))
    }

    fn parse(tsv: &str, words: &str) -> Table {
        let mut alias = HashMap::new();
        let mut entries = HashMap::new();
        let mut names: Vec<(String, String)> = Vec::new();
        for line in tsv.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let [key, name, network, kind, subdomains, rest @ ..] = cols.as_slice() else {
                continue;
            };
            let key = key.trim().to_string();
            entries.insert(
                key.clone(),
                Entry {
                    name: name.trim().to_string(),
                    network: Some(network.trim())
                        .filter(|n| *n != "-" && !n.is_empty())
                        .map(str::to_string),
                    wire: kind.trim() == "wire",
                    network_hosts: subdomains.trim() == "network",
                },
            );
            // A key is always its own; other names go to the first line that gives them.
            alias.insert(key.clone(), key.clone());
            names.push((normalize_key(name), key.clone()));
            for a in rest.first().map_or("", |s| s).split('|') {
                let a = a.trim();
                if !a.is_empty() {
                    names.push((normalize_key(a), key.clone()));
                    names.push((host_key(a), key.clone()));
                }
            }
        }
        for (n, key) in names {
            alias.entry(n).or_insert(key);
        }
        let words = words
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_lowercase)
            .collect();
        Table {
            alias,
            entries,
            words,
        }
    }

    fn outlet(&self, key: &str) -> Option<Outlet> {
        let e = self.entries.get(key)?;
        Some(Outlet {
            key: key.to_string(),
            name: e.name.clone(),
            network: e.network.clone(),
            wire: e.wire,
            known: true,
        })
    }

    /// The known outlet with this name or address, if any.
    pub fn known(&self, name: &str) -> Option<Outlet> {
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        let host = host_key(name);
        if let Some(k) = self.alias.get(&host) {
            return self.outlet(k);
        }
        if let Some(k) = self.alias.get(&normalize_key(name)) {
            return self.outlet(k);
        }
        // A subdomain: the registered name decides.
        let (sub, reg) = host.rsplit_once('.')?;
        let key = self.alias.get(reg)?;
        let e = self.entries.get(key)?;
        if e.network_hosts {
            let own = format!("{}{}", sub.replace('.', ""), reg);
            return Some(Outlet {
                key: own,
                name: lowercase_host(name),
                network: e.network.clone(),
                wire: false,
                known: true,
            });
        }
        self.outlet(key)
    }

    /// The outlet an input's `source` field or a text's name stands for:
    /// the table's entry, else the name itself normalised.
    pub fn resolve(&self, name: &str) -> Option<Outlet> {
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        self.known(name).or_else(|| {
            let key = host_key(name);
            (!key.is_empty()).then(|| Outlet {
                key,
                name: name.to_string(),
                network: None,
                wire: false,
                known: false,
            })
        })
    }

    /// Whether a name says it is a news outlet's: a word like `Warta`, `News`.
    pub fn has_news_word(&self, name: &str) -> bool {
        name.split(|c: char| !c.is_alphanumeric())
            .any(|w| self.words.iter().any(|x| x.eq_ignore_ascii_case(w)))
    }
}

/// Whether a token is written as a web address (`Liputan6.com`, `TEMPO.CO`,
/// `pos-kupang.com`): letters, digits and hyphens, then a known suffix.
pub fn is_address(token: &str) -> bool {
    let t = token
        .trim_end_matches(['.', ',', ':', '-', '–', '—'])
        .to_ascii_lowercase();
    let t = t.strip_prefix("www.").unwrap_or(&t);
    SUFFIXES.iter().any(|s| {
        t.strip_suffix(s).is_some_and(|stem| {
            !matches!(stem, "" | "co" | "com" | "go" | "or" | "net" | "www")
                && stem
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
                && stem
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphanumeric())
        })
    })
}

fn lowercase_host(name: &str) -> String {
    let n = name.trim().to_lowercase();
    let n = n
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    let n = n.strip_prefix("www.").unwrap_or(n);
    n.split('/').next().unwrap_or(n).to_string()
}

/// A host without `www.` and its public suffix, dots kept between labels
/// (`news.detik.com` -> `news.detik`); other names as [`normalize_key`].
fn host_key(name: &str) -> String {
    let h = lowercase_host(name);
    if h.contains(' ') || !is_address(&h) {
        return normalize_key(name);
    }
    let mut stem = h.as_str();
    for s in SUFFIXES {
        if let Some(x) = stem.strip_suffix(s) {
            stem = x;
            break;
        }
    }
    stem.split('.')
        .map(|l| l.replace('-', ""))
        .collect::<Vec<_>>()
        .join(".")
}

/// The normalised name of an outlet (see the module docs).
///
/// ```
/// use crosscheck::provenance::outlets::normalize_key;
/// assert_eq!(normalize_key("KOMPAS.com"), "kompas");
/// assert_eq!(normalize_key("www.Tempo.co"), "tempo");
/// assert_eq!(normalize_key("Purna Warta"), "purnawarta");
/// assert_eq!(normalize_key("pos-kupang.com"), "poskupang");
/// ```
pub fn normalize_key(name: &str) -> String {
    let h = lowercase_host(name);
    // The last word may be an address (`POS KUPANG.COM`).
    let (before, last) = h.rsplit_once(' ').unwrap_or(("", h.as_str()));
    let mut stem = last.trim_end_matches(['.', ',', ':', '-', '–', '—']);
    if is_address(stem) {
        for s in SUFFIXES {
            if let Some(x) = stem.strip_suffix(s) {
                stem = x;
                break;
            }
        }
    } else {
        stem = last;
    }
    before
        .chars()
        .chain(stem.chars())
        .filter(|c| c.is_alphanumeric())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_one_outlet_meet() {
        let t = Table::builtin();
        for n in ["KOMPAS.com", "kompas.com", "nasional.kompas.com", "Kompas"] {
            assert_eq!(t.resolve(n).unwrap().key, "kompas", "{n}");
        }
        assert_eq!(t.resolve("hot.detik.com").unwrap().key, "detik");
        assert_eq!(t.resolve("REPUBLIKA.CO.ID").unwrap().key, "republika");
        assert_eq!(t.resolve("news.republika.co.id").unwrap().key, "republika");
        assert_eq!(t.resolve("TEMPO.CO").unwrap().key, "tempo");
    }

    #[test]
    fn network_hosts_stay_outlets_of_the_network() {
        let t = Table::builtin();
        let k = t.resolve("kaltim.tribunnews.com").unwrap();
        assert_eq!(
            (k.key.as_str(), k.network.as_deref()),
            ("tribunkaltim", Some("tribun"))
        );
        let s = t.resolve("TRIBUNKALTENG.COM").unwrap();
        assert_eq!(
            (s.key.as_str(), s.network.as_deref()),
            ("tribunkalteng", Some("tribun"))
        );
        let u = t.resolve("newtown.tribunnews.com").unwrap();
        assert_eq!(
            (u.key.as_str(), u.network.as_deref()),
            ("newtowntribunnews", Some("tribun"))
        );
        assert_ne!(t.resolve("Tribunnews").unwrap().key, s.key);
    }

    #[test]
    fn unknown_names_keep_their_spelling() {
        let t = Table::builtin();
        let o = t.resolve("Gazeta Nusantara").unwrap();
        assert_eq!(
            (o.key.as_str(), o.name.as_str(), o.known),
            ("gazetanusantara", "Gazeta Nusantara", false)
        );
        assert!(t.resolve("  ").is_none());
        assert!(
            is_address("Bewarajabar.com") && is_address("POS-KUPANG.COM") && !is_address("Jakarta")
        );
        assert!(!is_address(".com") && !is_address("a b.com"));
    }
}
