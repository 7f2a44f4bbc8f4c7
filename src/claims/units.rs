//! Units: what follows (or, for currencies, precedes) a number, and how to
//! normalise it.
//!
//! Every unit maps to a [`Kind`], a base-unit string and an affine
//! conversion `base = value × factor + offset`:
//! durations to seconds (`s`; a month is 365/12 days and a year 365 days,
//! so `2 years 3 months` is 27 months either way), money to an ISO 4217
//! code (factor 1; `cent`/`sen` 0.01, `dime` 0.1 of the currency), percent
//! to `%`, and measures to SI: `m`, `kg`, `m2`, `m3` (litres are 0.001 m³),
//! `m/s`, `C` (°F and K are converted to °C), `J`, `W`, `Hz`, `B` (bytes),
//! `bit`, `bit/s`. A unit followed by `/` or `per` and a second unit makes a
//! rate (`$15.4/hour` → `USD/s`).
//!
//! Short symbols are matched case-sensitively (`m` metre, `M` is not a unit,
//! `C` Celsius, `c` cent, `L`/`l` litre); words case-insensitively. The
//! scanner tries up to four tokens and keeps the longest match, so
//! `km/jam`, `derajat Celsius`, `square kilometers` and `km squared` are
//! single units.

use super::fxhash::FxBuild;
use super::Kind;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// A unit definition.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Unit {
    pub kind: Kind,
    pub base: &'static str,
    pub factor: f64,
    pub offset: f64,
}

impl Unit {
    /// Whether an amount in this unit takes smaller parts and halves after it (`2 years, 3
    /// months`, `6 feet 2 inches`, `a gallon and a half`): durations and measures on a scale
    /// from zero (not temperatures).
    pub(crate) fn compounds(&self) -> bool {
        self.kind == Kind::Duration || self.kind == Kind::Measure && self.offset == 0.0
    }
}

/// The unit table (format in the file's header).
const UNITS: &str = include_str!("../../data/lexicon/units.tsv");

/// A factor or offset of the table: a number or `a/b`.
fn number(s: &str) -> Option<f64> {
    match s.split_once('/') {
        Some((a, b)) => Some(a.trim().parse::<f64>().ok()? / b.trim().parse::<f64>().ok()?),
        None => s.trim().parse().ok(),
    }
}

/// English plural of a unit word: inch -> inches, century -> centuries.
fn plural(w: &str) -> String {
    let consonant_y =
        w.len() > 1 && w.ends_with('y') && !w[..w.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']);
    if consonant_y {
        format!("{}ies", &w[..w.len() - 1])
    } else if w.ends_with(['s', 'x', 'z']) || w.ends_with("ch") || w.ends_with("sh") {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

/// Every form a written entry stands for, with its factor relative to the
/// row's: `square ^metre+` -> square metre, square metres, square kilometre,
/// ...
fn forms(entry: &str, prefixes: &[(f64, &str)]) -> Vec<(String, f64)> {
    let mut out = vec![(String::new(), 1.0)];
    for word in entry.split_whitespace() {
        // `^2metre`: the prefix scales a square (`^3` a cube) of the unit
        let (prefixed, power, word) = match word.strip_prefix('^') {
            Some(w) => match w.strip_prefix(['2', '3']) {
                Some(rest) => (true, if w.starts_with('2') { 2 } else { 3 }, rest),
                None => (true, 1, w),
            },
            None => (false, 1, word),
        };
        let (plural_too, word) = match word.strip_suffix('+') {
            Some(w) if !w.is_empty() => (true, w),
            _ => (false, word),
        };
        let mut variants = vec![(word.to_string(), 1.0)];
        if prefixed {
            for &(f, p) in prefixes {
                variants.push((format!("{p}{word}"), f.powi(power)));
            }
        }
        if plural_too {
            let plurals: Vec<_> = variants.iter().map(|(w, f)| (plural(w), *f)).collect();
            variants.extend(plurals);
        }
        let mut next = Vec::with_capacity(out.len() * variants.len());
        for (head, f0) in &out {
            for (w, f) in &variants {
                let form = if head.is_empty() {
                    w.clone()
                } else {
                    format!("{head} {w}")
                };
                next.push((form, f0 * f));
            }
        }
        out = next;
    }
    out
}

/// The rows of `data/lexicon/units.tsv`, each split into its columns.
fn rows() -> impl Iterator<Item = Vec<&'static str>> {
    UNITS
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// Parses the table: (surface, case-sensitive, unit) for every form.
fn table() -> Vec<(String, bool, Unit)> {
    let rows: Vec<Vec<&'static str>> = rows().collect();
    let prefixes: Vec<(f64, &str)> = rows
        .iter()
        .filter(|r| r[0] == "prefix")
        .flat_map(|r| {
            let f = number(r[2]).expect("data/lexicon/units.tsv: prefix factor");
            r[4].split(',').map(move |p| (f, p.trim()))
        })
        .collect();
    let mut out = Vec::new();
    for r in rows.iter().filter(|r| r[0] != "prefix" && r[0] != "before") {
        let kind = match r[0] {
            "duration" => Kind::Duration,
            "money" => Kind::Money,
            "percent" => Kind::Percent,
            "measure" => Kind::Measure,
            other => panic!("data/lexicon/units.tsv: unknown kind {other}"),
        };
        let (Some(factor), Some(offset)) = (number(r[2]), number(r[3])) else {
            panic!("data/lexicon/units.tsv: bad factor or offset in {r:?}");
        };
        let base = r[1];
        let words = r.get(4).copied().unwrap_or("");
        for entry in words.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            for (form, f) in forms(entry, &prefixes) {
                let unit = Unit {
                    kind,
                    base,
                    factor: factor * f,
                    offset,
                };
                out.push((form, false, unit));
            }
        }
        let symbols = r.get(5).copied().unwrap_or("");
        for sym in symbols.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            out.push((
                sym.to_string(),
                true,
                Unit {
                    kind,
                    base,
                    factor,
                    offset,
                },
            ));
        }
    }
    out
}

struct Maps {
    cased: HashMap<String, Unit, FxBuild>,
    lower: HashMap<String, Unit, FxBuild>,
    /// Lower-cased first token of every surface (`km` for `km/jam`).
    starts: HashSet<String, FxBuild>,
}

/// First token of a surface, as the tokeniser would cut it.
fn first_token(s: &str) -> &str {
    let mut it = s.char_indices();
    let Some((_, c)) = it.next() else { return s };
    let word = c.is_alphabetic() || c == '²' || c == '³';
    let digit = c.is_ascii_digit();
    for (i, d) in it {
        let same = if word {
            d.is_alphabetic() || d == '²' || d == '³'
        } else if digit {
            d.is_ascii_digit()
        } else {
            false
        };
        if !same {
            return &s[..i];
        }
    }
    s
}

fn maps() -> &'static Maps {
    static MAPS: OnceLock<Maps> = OnceLock::new();
    MAPS.get_or_init(|| {
        let mut cased = HashMap::default();
        let mut lower = HashMap::default();
        let mut starts = HashSet::default();
        for (s, cs, u) in table() {
            starts.insert(first_token(&s).to_lowercase());
            if cs {
                cased.insert(s, u);
            } else {
                lower.insert(s.to_lowercase(), u);
            }
        }
        Maps {
            cased,
            lower,
            starts,
        }
    })
}

/// Whether a unit surface can start with this (lower-cased) token.
pub(crate) fn may_start(lower: &str) -> bool {
    maps().starts.contains(lower)
}

/// Looks a unit up by its surface: exact for symbols, lower-cased for words.
pub(crate) fn lookup(raw: &str, lower: &str) -> Option<Unit> {
    let m = maps();
    if let Some(u) = m.cased.get(raw) {
        return Some(*u);
    }
    m.lower.get(lower).copied()
}

/// Currencies written before the amount (`before` rows of `data/lexicon/units.tsv`): (symbols as
/// written, words lower-cased), each to its ISO 4217 code.
type Before = (
    HashMap<&'static str, &'static str, FxBuild>,
    HashMap<&'static str, &'static str, FxBuild>,
);

fn before() -> &'static Before {
    static BEFORE: OnceLock<Before> = OnceLock::new();
    BEFORE.get_or_init(|| {
        let (mut cased, mut lower) = (HashMap::default(), HashMap::default());
        for r in rows().filter(|r| r[0] == "before") {
            let code = r[1];
            for w in r.get(4).copied().unwrap_or("").split(',').map(str::trim) {
                if !w.is_empty() {
                    lower.insert(w, code);
                }
            }
            for sym in r.get(5).copied().unwrap_or("").split(',').map(str::trim) {
                if !sym.is_empty() {
                    cased.insert(sym, code);
                }
            }
        }
        (cased, lower)
    })
}

/// Currency written before the amount (`Rp`, `US$`, `€`), as ISO 4217.
/// `raw` is the surface as written, `lower` lower-cased, both without spaces.
pub(crate) fn currency_prefix(raw: &str, lower: &str) -> Option<&'static str> {
    let (cased, words) = before();
    cased.get(raw).or_else(|| words.get(lower)).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_form_means_two_units() {
        let mut seen: HashMap<(String, bool), Unit> = HashMap::new();
        for (s, cs, u) in table() {
            let key = (if cs { s.clone() } else { s.to_lowercase() }, cs);
            if let Some(old) = seen.insert(key, u) {
                assert_eq!(old, u, "{s:?} is two units");
            }
        }
    }

    #[test]
    fn composed_forms() {
        let f = |w: &str| lookup(w, &w.to_lowercase()).map(|u| (u.base, u.factor));
        assert_eq!(f("hectoliters"), Some(("m3", 0.1)));
        assert_eq!(f("mls"), Some(("m3", 1e-6)));
        assert_eq!(f("centuries"), Some(("s", 3_153_600_000.0)));
        assert_eq!(f("inches"), Some(("m", 0.0254)));
        assert_eq!(f("kilometer persegi"), Some(("m2", 1e6)));
        assert_eq!(f("cubic centimetres").map(|u| u.0), Some("m3"));
        assert!((f("cubic centimetres").unwrap().1 - 1e-6).abs() < 1e-18);
        assert_eq!(f("sentimeter"), Some(("m", 0.01)));
        assert_eq!(f("degrees F").map(|u| u.0), Some("C"));
        assert_eq!(f("metres"), Some(("m", 1.0)));
    }

    #[test]
    fn symbols_are_case_sensitive() {
        assert_eq!(lookup("m", "m").map(|u| u.base), Some("m"));
        assert_eq!(lookup("M", "m"), None);
        assert_eq!(lookup("C", "c").map(|u| u.base), Some("C"));
        assert_eq!(lookup("c", "c").map(|u| u.base), Some("USD"));
        assert_eq!(lookup("Jam", "jam").map(|u| u.factor), Some(3600.0));
    }

    #[test]
    fn first_tokens() {
        assert_eq!(first_token("km/jam"), "km");
        assert_eq!(first_token("°c"), "°");
        assert!(may_start("km") && may_start("derajat") && !may_start("orang"));
    }

    #[test]
    fn currencies() {
        assert_eq!(currency_prefix("Rp", "rp"), Some("IDR"));
        assert_eq!(currency_prefix("US$", "us$"), Some("USD"));
        assert_eq!(currency_prefix("x", "x"), None);
    }

    #[test]
    fn fahrenheit_to_celsius() {
        let u = lookup("°F", "°f");
        let c = u.map(|u| 212.0 * u.factor + u.offset);
        assert!(c.is_some_and(|c| (c - 100.0).abs() < 1e-9));
    }
}
