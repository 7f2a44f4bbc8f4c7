//! Accuracy of `claims::extract` on the labelled news fixtures
//! (`testdata/corpus/*.txt`, labels in `testdata/expected/*.json`).
//!
//! For every labelled claim the article body (front matter removed) is read
//! with the article's `lang` and `published` date; among the extracted
//! claims that overlap the quote, the one agreeing best with the label is
//! scored on:
//! - `kind`;
//! - `interval`: kind and both bounds (1e-6 relative) and the inclusive
//!   flags the label states (dates and times compare `date`, years and year
//!   ranges compare the bounds);
//! - `unit` where the label gives one (mapped to our base units:
//!   `percentage_points` → `pp`, `l` → `m3`; a label `per` means the unit is
//!   `unit/per`, e.g. `IDR/kg`);
//! - `concept` for counts: the labels name the fact (`people killed in the
//!   sinking`), so [`CONCEPTS`] maps each label to the extractor concepts
//!   that describe it (`deaths`). Other kinds carry no extractor concept.
//!
//! The test prints accuracy per field and per language and every failure,
//! and fails below the thresholds in [`MIN_INTERVAL`] and [`MIN_CONCEPT`].

use crosscheck::claims::{extract, Claim, ExtractOptions, Kind, Lang, Lexicon};
use crosscheck::ingest::date::parse_published;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// Minimum share of labels with the right kind and interval.
const MIN_INTERVAL: f64 = 0.95;
/// Minimum share of count labels with an acceptable concept.
const MIN_CONCEPT: f64 = 0.93;

/// Label concept (a fact) → extractor concepts that describe it, `|`-separated.
const CONCEPTS: &[(&str, &str)] = &[
    ("Tashvari troops massed at the border", "troops"),
    ("added_personnel", "personnel"),
    ("baltic_states", "countries"),
    ("bpbd_personnel", "personnel"),
    ("brokerages", "companies"),
    ("deaths in the April 2024 Hualien quake", "deaths"),
    ("deaths", "deaths"),
    ("defence_lawyers", "lawyers"),
    ("defendant_age_years", "age"),
    ("disasters_2024", "events"),
    ("districts_affected", "districts"),
    ("districts_cheap_food_program", "districts"),
    ("evacuees", "evacuees"),
    ("exercise_personnel", "personnel|troops"),
    ("factions_agreeing", "factions"),
    ("firefighters", "personnel|firefighters"),
    ("food_parcels", "parcels"),
    ("funds_products", "products"),
    ("hikers_evacuated", "hikers|evacuees"),
    ("homes destroyed", "houses"),
    ("houses_damaged", "houses"),
    ("houses_destroyed", "houses"),
    ("hotspots_friday", "hotspots"),
    ("injured", "injured"),
    ("injured_resident_age_years", "age"),
    ("masks", "masks"),
    ("mp_age_years", "age"),
    ("nato_aircraft", "aircraft"),
    ("nato_members", "countries|members"),
    ("nato_ships", "ships|warships"),
    ("other_defendants", "defendants|people"),
    ("participating_countries", "countries"),
    ("people injured by the quake", "injured"),
    ("people injured in the sinking", "injured"),
    ("people killed by the quake", "deaths"),
    ("people killed in the sinking", "deaths"),
    ("people missing after the sinking", "missing"),
    ("people on board the ferry", "people|passengers"),
    ("people ordered to evacuate", "people|evacuees"),
    ("pilgrims_2025", "pilgrims"),
    ("police_personnel", "personnel|police"),
    ("regular_quota", "pilgrims"),
    ("russian_ships_shadowing", "ships|warships"),
    ("russian_troops_kaliningrad", "personnel|troops"),
    ("sar_personnel_total", "personnel"),
    ("schools_sent_home", "schools"),
    ("special_quota", "pilgrims"),
    ("stadium capacity", "seats"),
    ("stall_owner_age_years", "age"),
    ("tents", "tents"),
    ("trader_age_years", "age"),
    ("traditional_markets", "markets"),
    ("transactions", "transactions"),
    ("waiting_list", "people|pilgrims"),
    ("witness_age_years", "age"),
    ("witnesses_at_hearing", "witnesses"),
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Splits an article file into front matter fields and body.
fn split_article(src: &str) -> (BTreeMap<String, String>, &str) {
    let mut meta = BTreeMap::new();
    let Some(rest) = src.strip_prefix("---\n") else {
        return (meta, src);
    };
    let Some(end) = rest.find("\n---\n") else {
        return (meta, src);
    };
    for line in rest[..end].lines() {
        if let Some((k, v)) = line.split_once(':') {
            meta.insert(k.trim().to_string(), v.trim().to_string());
        }
    }
    (meta, &rest[end + 5..])
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() <= 1e-6 * x.abs().max(y.abs()).max(1.0),
        _ => false,
    }
}

fn num(v: Option<&Value>) -> Option<f64> {
    v.and_then(Value::as_f64)
}

/// Label unit → (our base unit, factor from the label unit to it).
fn base_unit(u: &str) -> (String, f64) {
    match u {
        "percentage_points" => ("pp".into(), 1.0),
        "l" => ("m3".into(), 0.001),
        "kilogram" | "kilo" => ("kg".into(), 1.0),
        other => (other.into(), 1.0),
    }
}

struct Label<'a> {
    v: &'a Value,
    kind: &'a str,
}

impl Label<'_> {
    fn get(&self, k: &str) -> Option<&Value> {
        self.v.get(k)
    }

    fn unit(&self) -> Option<(String, f64)> {
        let (u, f) = base_unit(self.get("unit")?.as_str()?);
        match self.get("per").and_then(Value::as_str) {
            Some(per) => Some((format!("{u}/{}", base_unit(per).0), f)),
            None => Some((u, f)),
        }
    }

    fn interval_ok(&self, c: &Claim) -> bool {
        if !kind_ok(self.kind, c.kind) {
            return false;
        }
        let (lo, hi) = (self.get("low"), self.get("high"));
        if let (Some(Value::String(l)), Some(Value::String(h))) = (lo, hi) {
            // Dates and times: compare the normalised date/time string; a
            // year range compares the bounds.
            if l == h {
                return c.date.as_deref() == Some(l.as_str());
            }
            let (Ok(l), Ok(h)) = (l.parse::<f64>(), h.parse::<f64>()) else {
                return false;
            };
            return close(c.low, Some(l)) && close(c.high, Some(h));
        }
        let f = self.unit().map_or(1.0, |u| u.1);
        let (lo, hi) = (num(lo).map(|x| x * f), num(hi).map(|x| x * f));
        let low_inc = self
            .get("low_inclusive")
            .and_then(Value::as_bool)
            .unwrap_or(true);
        let high_inc = self
            .get("high_inclusive")
            .and_then(Value::as_bool)
            .unwrap_or(true);
        close(c.low, lo)
            && close(c.high, hi)
            && (lo.is_none() || c.low_inclusive == low_inc)
            && (hi.is_none() || c.high_inclusive == high_inc)
    }

    fn unit_ok(&self, c: &Claim) -> Option<bool> {
        let (u, _) = self.unit()?;
        Some(c.unit.as_deref() == Some(u.as_str()))
    }

    fn concept_ok(&self, c: &Claim) -> Option<bool> {
        if self.kind != "count" {
            return None;
        }
        let label = self.get("concept")?.as_str()?;
        let want = CONCEPTS
            .iter()
            .find(|(l, _)| *l == label)
            .map_or(label, |(_, w)| w);
        Some(
            c.concept
                .as_deref()
                .is_some_and(|got| want.split('|').any(|w| w == got)),
        )
    }
}

fn kind_ok(label: &str, k: Kind) -> bool {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        == Some(label.into())
}

#[derive(Default, Clone, Copy)]
struct Tally {
    ok: usize,
    n: usize,
}

impl Tally {
    fn add(&mut self, ok: bool) {
        self.n += 1;
        self.ok += usize::from(ok);
    }
    fn rate(self) -> f64 {
        if self.n == 0 {
            1.0
        } else {
            self.ok as f64 / self.n as f64
        }
    }
}

impl std::fmt::Display for Tally {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{} ({:.1}%)", self.ok, self.n, 100.0 * self.rate())
    }
}

fn show(c: &Claim) -> String {
    let b = |x: Option<f64>| x.map_or("_".into(), |v| format!("{v}"));
    format!(
        "{:?} {:?} [{}, {}] c={:?} u={:?} d={:?}",
        c.text,
        c.kind,
        b(c.low),
        b(c.high),
        c.concept,
        c.unit,
        c.date
    )
}

#[test]
fn fixture_claims() {
    let lex = Lexicon::builtin();
    // field -> lang -> tally
    let mut tallies: BTreeMap<&str, BTreeMap<String, Tally>> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(root().join("testdata/expected"))
        .expect("testdata/expected")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut cache: BTreeMap<String, (String, Lang, Vec<Claim>)> = BTreeMap::new();
    for f in &files {
        let exp: Value =
            serde_json::from_str(&std::fs::read_to_string(f).expect("read")).expect("json");
        let Some(labels) = exp.get("claims").and_then(Value::as_array) else {
            continue;
        };
        for v in labels {
            let doc = v["doc"].as_str().expect("doc").to_string();
            let quote = v["quote"].as_str().expect("quote");
            let kind = v["kind"].as_str().expect("kind");
            let label = Label { v, kind };
            let (body, lang, claims) = cache.entry(doc.clone()).or_insert_with(|| {
                let path = root().join("testdata/corpus").join(format!("{doc}.txt"));
                let src = std::fs::read_to_string(&path).unwrap_or_default();
                let (meta, body) = split_article(&src);
                let lang: Lang = meta
                    .get("lang")
                    .and_then(|l| l.parse().ok())
                    .unwrap_or(Lang::Id);
                let published = meta
                    .get("published")
                    .and_then(|p| parse_published(p))
                    .map(|p| p.date);
                let opts = ExtractOptions {
                    lang: Some(lang),
                    published,
                    lexicon: &lex,
                };
                let claims = extract(&doc, body, &opts);
                (body.to_string(), lang, claims)
            });
            let lang = lang.to_string();
            let Some(at) = body.find(quote) else {
                failures.push(format!("{doc}: quote not found: {quote:?}"));
                for field in ["kind", "interval"] {
                    tallies
                        .entry(field)
                        .or_default()
                        .entry(lang.clone())
                        .or_default()
                        .add(false);
                }
                continue;
            };
            let (qs, qe) = (at, at + quote.len());
            let over: Vec<&Claim> = claims
                .iter()
                .filter(|c| c.span[0] < qe && c.span[1] > qs)
                .collect();
            // The best candidate: interval right, then kind right, then any.
            let score = |c: &&Claim| {
                (
                    label.interval_ok(c),
                    label.concept_ok(c).unwrap_or(true),
                    kind_ok(kind, c.kind),
                )
            };
            let best = over.iter().copied().max_by_key(|c| score(c));
            let mut bad = Vec::new();
            let mut add = |field: &'static str, ok: bool| {
                tallies
                    .entry(field)
                    .or_default()
                    .entry(lang.clone())
                    .or_default()
                    .add(ok);
                if !ok {
                    bad.push(field);
                }
            };
            add("kind", best.is_some_and(|c| kind_ok(kind, c.kind)));
            add("interval", best.is_some_and(|c| label.interval_ok(c)));
            if let Some(u) = best.map_or(label.unit().map(|_| false), |c| label.unit_ok(c)) {
                add("unit", u);
            }
            if kind == "count" && v.get("concept").is_some() {
                add(
                    "concept",
                    best.and_then(|c| label.concept_ok(c)).unwrap_or(false),
                );
            }
            if !bad.is_empty() {
                failures.push(format!(
                    "{doc}: {quote:?} want {kind} [{}, {}] c={} u={} — {}: got {}",
                    v.get("low").unwrap_or(&Value::Null),
                    v.get("high").unwrap_or(&Value::Null),
                    v.get("concept").unwrap_or(&Value::Null),
                    v.get("unit").unwrap_or(&Value::Null),
                    bad.join(","),
                    if over.is_empty() {
                        "nothing".into()
                    } else {
                        over.iter().map(|c| show(c)).collect::<Vec<_>>().join(" ; ")
                    }
                ));
            }
        }
    }
    println!("failures ({}):", failures.len());
    for f in &failures {
        println!("  {f}");
    }
    let mut total: BTreeMap<&str, Tally> = BTreeMap::new();
    for (field, by_lang) in &tallies {
        let t = total.entry(field).or_default();
        for (lang, x) in by_lang {
            println!("{field:9} {lang}: {x}");
            t.ok += x.ok;
            t.n += x.n;
        }
        println!("{field:9} all: {t}");
    }
    let get = |f: &str| total.get(f).copied().unwrap_or_default();
    assert!(
        get("interval").rate() >= MIN_INTERVAL,
        "kind+interval accuracy {} below {MIN_INTERVAL}",
        get("interval")
    );
    assert!(
        get("concept").rate() >= MIN_CONCEPT,
        "concept accuracy {} below {MIN_CONCEPT}",
        get("concept")
    );
}
