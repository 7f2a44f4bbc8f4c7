//! Provenance: outlets and headlines read from the text, credits, and the
//! independent sources behind each value (`src/provenance/`).
//!
//! `testdata/provenance/` is a wire story (Reuters), three outlets that
//! credit it with small edits (one keeps the `(Reuters)` dateline, one signs
//! off `(Reuters)`, one gives no source field and says "according to a
//! Reuters report" under its own `COAST GAZETTE` dateline), and one
//! independent report with a different head count. The Harbour Times copy
//! changes the wire's 27 ships to 29.

use std::collections::BTreeMap;

use crosscheck::ingest::{load, InputOptions};
use crosscheck::provenance::{read_article, Table};
use serde_json::Value;

use crate::shared_data::IDNEWS_FLAGS;
use crate::util::{run, shared, testdata};

fn fixture() -> String {
    testdata().join("provenance").to_str().unwrap().to_string()
}

fn json_report(args: &[&str]) -> Value {
    let mut all = vec!["report"];
    all.extend(args);
    all.extend(["--format", "json"]);
    let (code, out, err) = run(&all);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn independence_counts_in_json() {
    let r = json_report(&[&fixture()]);
    let docs = r["documents"].as_array().unwrap();
    let doc = |id: &str| docs.iter().find(|d| d["id"] == id).unwrap();
    // The outlet of the article without a source field, read from its dateline.
    let cg = doc("port-strike.coastgazette");
    assert_eq!(cg["source"], "COAST GAZETTE");
    assert_eq!(cg["provenance"]["read_from_text"][0], "source");
    assert_eq!(cg["provenance"]["credits"][0]["name"], "Reuters");
    for id in ["coastgazette", "dailyledger", "harbourtimes", "reuters"] {
        let d = doc(&format!("port-strike.{id}"));
        assert_eq!(d["provenance"]["independent_source"], "Reuters", "{id}");
    }
    assert_eq!(
        doc("port-strike.vandermeerpost")["provenance"]["independent_source"],
        "Vandermeer Post"
    );
    // Facts all five state: 5 outlets, 2 independent.
    let groups = r["groups"].as_array().unwrap();
    let shared_facts: Vec<&Value> = groups
        .iter()
        .filter(|g| g["values"].as_array().unwrap().len() == 5)
        .collect();
    assert!(shared_facts.len() >= 3, "{}", shared_facts.len());
    for g in &shared_facts {
        assert_eq!(g["support"]["outlets"], 5);
        assert_eq!(g["support"]["independent"], 2);
        assert_eq!(
            g["support"]["sources"],
            serde_json::json!(["Reuters", "Vandermeer Post"])
        );
    }
    // The disputed head count: the wire's figure on 4 outlets, 1 source.
    let workers = groups
        .iter()
        .find(|g| g["concept"] == "workers")
        .expect("a workers fact");
    assert_eq!(workers["disputed"], true);
    let by_text: BTreeMap<&str, (u64, u64)> = workers["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            let s = &v["support"];
            (
                v["text"].as_str().unwrap(),
                (
                    s["outlets"].as_u64().unwrap(),
                    s["independent"].as_u64().unwrap(),
                ),
            )
        })
        .collect();
    assert_eq!(by_text["3,400 workers"], (4, 1));
    assert_eq!(by_text["About 3,000 workers"], (1, 1));
    let dispute = r["alignments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| {
            a["verdict"] == "conflict" && a["reason"].as_str().unwrap().contains("3,000 workers")
        })
        .unwrap();
    let sides: Vec<u64> = dispute["support"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["independent"].as_u64().unwrap())
        .collect();
    assert_eq!(sides, [1, 1]);
    assert!(dispute["one_source"].is_null());
    // The Harbour Times copy changed the wire's 27 ships to 29: a copy that
    // differs from its source, not two newsrooms disagreeing.
    let copy = r["alignments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "port-strike.harbourtimes@353-361~port-strike.reuters@353-361")
        .expect("the ships pair");
    assert_eq!(copy["verdict"], "conflict");
    assert_eq!(copy["one_source"], "Reuters");
}

#[test]
fn independence_counts_in_text_and_html() {
    let (code, text, err) = run(&["report", &fixture()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        text.contains("behind \"3,400 workers\": 4 outlets, 1 independent; behind \"About 3,000 workers\": 1 outlet, 1"),
        "{text}"
    );
    assert!(text.contains("from the text: source"), "{text}");
    assert!(text.contains("(both from one source,"), "{text}");
    assert!(
        text.contains("credits Reuters (according to, whole article)"),
        "{text}"
    );
    let (code, md, err) = run(&["report", &fixture(), "--format", "markdown"]);
    assert_eq!(code, 0, "{err}");
    assert!(md.contains("5 outlets, 2 independent"), "{md}");
    let (code, html, err) = run(&["report", &fixture(), "--format", "html"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        html.contains("<span class=\"support\">5 outlets, 2 independent</span>"),
        "{html}"
    );
    assert!(html.contains("4 outlets, 1 independent"));
    assert!(html.contains("class=\"provenance\""));
}

#[test]
fn output_does_not_depend_on_threads_or_file_order() {
    let dir = fixture();
    let files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path().to_str().unwrap().to_string())
        .collect();
    let mut sorted = files.clone();
    sorted.sort();
    let mut reversed = sorted.clone();
    reversed.reverse();
    let a = run(&[
        &["report", "--jobs", "1"][..],
        &sorted.iter().map(String::as_str).collect::<Vec<_>>(),
    ]
    .concat());
    let b = run(&[
        &["report", "--jobs", "3"][..],
        &reversed.iter().map(String::as_str).collect::<Vec<_>>(),
    ]
    .concat());
    assert_eq!(a.0, 0, "{}", a.2);
    assert_eq!(a.1, b.1);
}

#[test]
fn the_seeds_name_their_outlets_headlines_and_credits() {
    let Some(shared) = shared("the_seeds_name_their_outlets_headlines_and_credits") else {
        return;
    };
    let seeds = shared.join("seeds");
    let r = json_report(&[seeds.to_str().unwrap()]);
    let docs = r["documents"].as_array().unwrap();
    let sources: Vec<&str> = docs.iter().filter_map(|d| d["source"].as_str()).collect();
    assert_eq!(sources, ["Bewarajabar.com", "Purna Warta", "Berita Baru"]);
    let titles: Vec<&str> = docs.iter().filter_map(|d| d["title"].as_str()).collect();
    assert_eq!(
        titles,
        [
            "Bulan Depan Rusia, AS dan NATO Duduk Satu Meja",
            "Bertemu dengan NATO di Brussel, Rusia akan Ajukan Tuntutan Keamanan"
        ]
    );
    for d in docs {
        let read = d["provenance"]["read_from_text"].as_array().unwrap();
        assert_eq!(d["source"].is_string(), read.contains(&"source".into()));
        assert_eq!(d["title"].is_string(), read.contains(&"title".into()));
    }
    let first = &docs[0]["provenance"]["credits"][0];
    assert_eq!(first["name"], "Kompas.com");
    assert_eq!(first["cue"], "dilansir dari");
    assert_eq!(first["scope"], "article");
    assert_eq!(r["summary"]["sources"], 3);
    let (code, text, _) = run(&["report", seeds.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(text.contains("from 3 sources"), "{text}");
    assert!(
        text.contains("credits Kompas.com (dilansir dari, whole article)"),
        "{text}"
    );
    println!("seeds: outlets {sources:?}; headlines {titles:?}; 000 credits Kompas.com");
}

/// Figures of the outlet read from the text against the given one.
#[derive(Default, Debug)]
struct Tally {
    articles: usize,
    read: usize,
    right: usize,
    right_outlet: usize,
    named: usize,
    named_found: usize,
}

#[test]
fn idnews_outlets_read_from_the_text() {
    let Some(shared) = shared("idnews_outlets_read_from_the_text") else {
        return;
    };
    let dir = shared.join("corpora/idnews-gikirima");
    let f = |i: usize| IDNEWS_FLAGS[i].to_string();
    let opts = InputOptions {
        id_field: f(1),
        text_field: f(3),
        title_field: f(5),
        source_field: f(7),
        date_field: f(9),
        ..InputOptions::default()
    };
    let corpus = load(&[dir], &opts).expect("readable");
    let table = Table::builtin();
    let mut all = Tally::default();
    let mut by: BTreeMap<String, Tally> = BTreeMap::new();
    let mut wrong: Vec<String> = Vec::new();
    let mut missed: Vec<String> = Vec::new();
    for a in &corpus.articles {
        let Some(truth) = a.source.as_deref().and_then(|s| table.resolve(s)) else {
            continue;
        };
        // As if the input had no source field.
        let mut bare = a.clone();
        bare.source = None;
        let read = read_article(&bare, table).head.outlet;
        let head: String = a.text.chars().take(200).collect();
        let squashed: String = head
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        let same = |o: &crosscheck::provenance::Outlet| {
            o.key == truth.key || (o.network.is_some() && o.network == truth.network)
        };
        // The first 200 characters name the outlet: its normalised name,
        // or an address of it or of its network.
        let named = squashed.contains(&truth.key)
            || head
                .split(|c: char| c.is_whitespace() || c == ',' || c == ':')
                .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(|t| crosscheck::provenance::outlets::is_address(t))
                .filter_map(|t| table.resolve(t))
                .any(|o| same(&o));
        let t = by.entry(truth.key.clone()).or_default();
        for t in [&mut all, t] {
            t.articles += 1;
            if let Some(o) = &read {
                t.read += 1;
                t.right += usize::from(same(o));
                t.right_outlet += usize::from(o.key == truth.key);
            }
            if named {
                t.named += 1;
                t.named_found += usize::from(read.as_ref().is_some_and(same));
            }
        }
        match &read {
            Some(o) if !same(o) && wrong.len() < 15 => wrong.push(format!(
                "{} given {:?} read {:?}: {:?}",
                a.id, a.source, o.name, head
            )),
            None if named && missed.len() < 15 => {
                missed.push(format!("{} given {:?}: {:?}", a.id, a.source, head))
            }
            _ => {}
        }
    }
    let pct = |n: usize, d: usize| 100.0 * n as f64 / d.max(1) as f64;
    println!(
        "idnews, source fields left out: {} articles; outlet read for {} ({:.1}%); right {} of {} = {:.2}% \
         (same outlet {:.2}%, same network for the rest); the first 200 characters name the outlet in {}, \
         found in {} = {:.2}%",
        all.articles,
        all.read,
        pct(all.read, all.articles),
        all.right,
        all.read,
        pct(all.right, all.read),
        pct(all.right_outlet, all.read),
        all.named,
        all.named_found,
        pct(all.named_found, all.named)
    );
    for (k, t) in &by {
        println!(
            "  {k:<16} {:>5} articles, read {:>5}, right {:>5}, named {:>5}, found {:>5}",
            t.articles, t.read, t.right, t.named, t.named_found
        );
    }
    for w in &wrong {
        println!("  wrong: {w}");
    }
    for m in &missed {
        println!("  missed: {m}");
    }
    assert!(pct(all.right, all.read) >= 98.0, "precision {all:?}");
    assert!(pct(all.named_found, all.named) >= 90.0, "recall {all:?}");
}

#[test]
fn check_can_require_independent_sources() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = fixture();
    let outcome = |min: usize| {
        let cfg = dir.path().join(format!("min{min}.toml"));
        std::fs::write(
            &cfg,
            format!("[check]\nfail_on = [\"conflict\"]\nmin_independent_sources = {min}\n"),
        )
        .unwrap();
        let (code, out, err) = run(&[
            "check",
            &fixture,
            "--config",
            cfg.to_str().unwrap(),
            "--format",
            "json",
        ]);
        let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
        (code, v)
    };
    // Each conflict sets the wire's figure (one independent source) against
    // the Vandermeer Post's (one): with 1 they count, with 2 they do not.
    let (code, one) = outcome(1);
    assert_eq!(code, 1);
    assert!(
        one["summary"]["failing_by_kind"]["conflict"]
            .as_u64()
            .unwrap()
            >= 1,
        "{one}"
    );
    let (code, two) = outcome(2);
    assert_eq!(code, 0, "{two}");
    assert_eq!(two["summary"]["failing"], 0);
    assert!(two["summary"]["ignored"].as_u64().unwrap() >= 1);
}
