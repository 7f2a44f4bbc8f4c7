//! Shared helpers of the tests: a tiny expectation language for the claims tests, and articles written
//! to a folder for the alignment tests ([`write_article`]).
//!
//! A case is `lang | sentence | expectation` (`en-headline` reads the sentence as a
//! headline, [`crosscheck::claims::extract_headline`]), where the expectation is
//! space-separated: a kind (`count`, `duration`, …, or `!count` meaning no
//! count/number claim at all, `!c=concept` meaning no claim of that concept,
//! or `none` meaning no claim), an interval such
//! as `[100000,inf)`, `(14000,inf)`, `[0,7)`, `[28800,28800]`, then optional
//! `c=concept`, `u=unit`, `q=qualifier`, `n=noun_base`, `d=date`, `~`
//! (approx). A claim satisfies the case if it matches every given field.

#![allow(dead_code)] // reason: each test binary uses a different subset

use crosscheck::claims::{extract, extract_headline, Claim, ExtractOptions, Kind, Lang, Lexicon};
use std::sync::OnceLock;

pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::builtin)
}

fn options(lang: Lang) -> ExtractOptions<'static> {
    ExtractOptions {
        lang: Some(lang),
        published: None,
        lexicon: lexicon(),
    }
}

pub fn claims(lang: Lang, text: &str) -> Vec<Claim> {
    extract("t", text, &options(lang))
}

pub fn headline_claims(lang: Lang, text: &str) -> Vec<Claim> {
    extract_headline("t", text, &options(lang))
}

fn kind_of(s: &str) -> Option<Kind> {
    serde_json::from_str(&format!("\"{s}\"")).ok()
}

fn parse_bound(s: &str) -> Option<Option<f64>> {
    match s.trim() {
        "inf" | "-inf" | "_" => Some(None),
        x => x.parse::<f64>().ok().map(Some),
    }
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() <= 1e-6 * x.abs().max(y.abs()).max(1.0),
        _ => false,
    }
}

/// Checks one case; returns an error message on failure.
pub fn check(case: &str) -> Result<(), String> {
    let parts: Vec<&str> = case.splitn(3, " | ").collect();
    if parts.len() != 3 {
        return Err(format!("bad case: {case}"));
    }
    let (lang, headline) = match parts[0].trim().strip_suffix("-headline") {
        Some(l) => (l, true),
        None => (parts[0].trim(), false),
    };
    let lang: Lang = lang.parse().map_err(|e| format!("{e}"))?;
    let text = parts[1];
    let found = if headline {
        headline_claims(lang, text)
    } else {
        claims(lang, text)
    };
    let exp: Vec<&str> = parts[2].split_whitespace().collect();
    let show =
        || {
            found
                .iter()
                .map(|c| {
                    format!(
                    "  {:?} {:?} [{:?},{:?}] inc=({},{}) q={:?} u={:?} c={:?} n={:?} d={:?} ~{}",
                    c.kind, c.text, c.low, c.high, c.low_inclusive, c.high_inclusive, c.qualifier,
                    c.unit, c.concept, c.noun_base, c.date, c.approx
                )
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
    match exp.first().copied() {
        Some("none") => {
            return if found.is_empty() {
                Ok(())
            } else {
                Err(format!("{case}\n expected nothing, got\n{}", show()))
            };
        }
        Some(e) if e.starts_with("!c=") => {
            let concept = &e[3..];
            return match found.iter().find(|c| c.concept.as_deref() == Some(concept)) {
                Some(_) => Err(format!(
                    "{case}\n expected no claim of {concept}, got\n{}",
                    show()
                )),
                None => Ok(()),
            };
        }
        Some("!count") => {
            let bad = found
                .iter()
                .any(|c| matches!(c.kind, Kind::Count | Kind::Number));
            return if bad {
                Err(format!(
                    "{case}\n expected no count/number, got\n{}",
                    show()
                ))
            } else {
                Ok(())
            };
        }
        // "!duration", "!level": no claim of that kind
        Some(e) if e.starts_with('!') && kind_of(&e[1..]).is_some() => {
            let kind = kind_of(&e[1..]);
            return if found.iter().any(|c| Some(c.kind) == kind) {
                Err(format!("{case}\n expected no {}, got\n{}", &e[1..], show()))
            } else {
                Ok(())
            };
        }
        _ => {}
    }
    let kind = exp
        .first()
        .and_then(|k| kind_of(k))
        .ok_or(format!("bad kind in {case}"))?;
    let mut interval: Option<(bool, Option<f64>, Option<f64>, bool)> = None;
    let mut fields: Vec<(&str, &str)> = Vec::new();
    let mut approx = false;
    for e in &exp[1..] {
        if e.starts_with('[') || e.starts_with('(') {
            let lo_inc = e.starts_with('[');
            let hi_inc = e.ends_with(']');
            let inner = &e[1..e.len() - 1];
            let (a, b) = inner.split_once(',').ok_or(format!("bad interval {e}"))?;
            interval = Some((
                lo_inc,
                parse_bound(a).ok_or("bad bound")?,
                parse_bound(b).ok_or("bad bound")?,
                hi_inc,
            ));
        } else if *e == "~" {
            approx = true;
        } else if let Some((k, v)) = e.split_once('=') {
            fields.push((k, v));
        }
    }
    let ok = found.iter().any(|c| {
        if c.kind != kind {
            return false;
        }
        if let Some((li, lo, hi, hi_inc)) = interval {
            if !close(c.low, lo) || !close(c.high, hi) {
                return false;
            }
            if lo.is_some() && c.low_inclusive != li {
                return false;
            }
            if hi.is_some() && c.high_inclusive != hi_inc {
                return false;
            }
        }
        if approx && !c.approx {
            return false;
        }
        fields.iter().all(|(k, v)| {
            let got = match *k {
                "c" => c.concept.as_deref(),
                "u" => c.unit.as_deref(),
                "q" => c.qualifier.as_deref(),
                "n" => c.noun_base.as_deref(),
                "d" => c.date.as_deref(),
                "tz" => c.tz.as_deref(),
                _ => None,
            };
            got == Some(*v)
        })
    });
    if ok {
        Ok(())
    } else {
        Err(format!("{case}\n got\n{}", show()))
    }
}

/// Runs all cases, reporting every failure at once.
pub fn run_cases(cases: &[&str]) {
    let failures: Vec<String> = cases.iter().filter_map(|c| check(c).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Writes an article in the front-matter form the ingest reads (`id`, `source`, `published`,
/// `title`, then the body) to `dir/{id}.txt`.
pub fn write_article(
    dir: &std::path::Path,
    id: &str,
    source: &str,
    published: &str,
    title: &str,
    body: &str,
) {
    std::fs::write(
        dir.join(format!("{id}.txt")),
        format!("---\nid: {id}\nsource: {source}\npublished: {published}\ntitle: {title}\n---\n{body}\n"),
    )
    .unwrap();
}
