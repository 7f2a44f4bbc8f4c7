//! Events inside stories (`src/events/`).
//!
//! `testdata/events/` holds two earthquakes of one kind, worded alike: a
//! magnitude 4.5 quake off Tuban (East Java) on Tuesday 17 June, reported by
//! three outlets, and a magnitude 5.0 quake off Pangandaran (West Java) on
//! Thursday 19 June, reported by two. A story grouper may put all five in one
//! story; they are two events, and no figure of one is set against the other.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::util::{corpus, run, testdata};

fn json_report(path: &str, extra: &[&str]) -> Value {
    let mut args = vec!["report", path, "--format", "json"];
    args.extend(extra);
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

fn fixture() -> String {
    testdata().join("events").to_str().unwrap().to_string()
}

/// Event id of each article.
fn event_of(r: &Value) -> BTreeMap<String, String> {
    r["events"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| {
            e["members"].as_array().unwrap().iter().map(move |m| {
                (
                    m.as_str().unwrap().to_string(),
                    e["id"].as_str().unwrap().to_string(),
                )
            })
        })
        .collect()
}

#[test]
fn two_quakes_of_one_kind_are_two_events() {
    let r = json_report(&fixture(), &[]);
    let ev = event_of(&r);
    let tuban: BTreeSet<&String> = ["antara", "detik", "kompas"]
        .iter()
        .map(|o| &ev[&format!("gempa-tuban.{o}")])
        .collect();
    let pangandaran: BTreeSet<&String> = ["detik", "kompas"]
        .iter()
        .map(|o| &ev[&format!("gempa-pangandaran.{o}")])
        .collect();
    assert_eq!(tuban.len(), 1, "the Tuban reports are one event: {ev:?}");
    assert_eq!(
        pangandaran.len(),
        1,
        "the Pangandaran reports are one event: {ev:?}"
    );
    assert!(
        tuban.is_disjoint(&pangandaran),
        "two quakes, two events: {ev:?}"
    );
    // What each event is: its kind, place and day, read from the reports.
    let events = r["events"].as_array().unwrap();
    let tuban_event = events
        .iter()
        .find(|e| e["id"] == **tuban.iter().next().unwrap())
        .unwrap();
    assert_eq!(tuban_event["type"], "earthquake");
    assert_eq!(tuban_event["when"], "2025-06-17");
    let places: Vec<&str> = tuban_event["places"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert!(places.contains(&"Tuban"), "{places:?}");
    assert!(!places.contains(&"Pangandaran"), "{places:?}");
    // No figure of one quake is aligned with a figure of the other.
    let doc_of = |claim: &str| claim.rsplit_once('@').unwrap().0.to_string();
    for a in r["alignments"].as_array().unwrap() {
        let (x, y) = (
            doc_of(a["a"].as_str().unwrap()),
            doc_of(a["b"].as_str().unwrap()),
        );
        assert_eq!(ev[&x], ev[&y], "{x} aligned with {y}");
        assert_eq!(a["event"], Value::String(ev[&x].clone()));
    }
}

#[test]
fn every_story_member_is_in_exactly_one_event_of_its_story() {
    for path in [fixture(), corpus().to_str().unwrap().to_string()] {
        let r = json_report(&path, &[]);
        let ev = event_of(&r);
        let events = r["events"].as_array().unwrap();
        let mut seen = BTreeSet::new();
        for e in events {
            for m in e["members"].as_array().unwrap() {
                assert!(
                    seen.insert(m.as_str().unwrap().to_string()),
                    "{m} in two events"
                );
            }
        }
        assert_eq!(
            r["summary"]["events"].as_u64().unwrap() as usize,
            events.len()
        );
        for s in r["stories"].as_array().unwrap() {
            let listed: BTreeSet<&str> = s["events"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e.as_str().unwrap())
                .collect();
            for m in s["members"].as_array().unwrap() {
                let e = &ev[m.as_str().unwrap()];
                assert!(
                    listed.contains(e.as_str()),
                    "{m}'s event {e} not listed by {}",
                    s["id"]
                );
            }
            let in_events: usize = events
                .iter()
                .filter(|e| e["story"] == s["id"])
                .map(|e| e["members"].as_array().unwrap().len())
                .sum();
            assert_eq!(in_events, s["members"].as_array().unwrap().len());
        }
        for d in r["documents"].as_array().unwrap() {
            assert_eq!(d["story"].is_null(), d["event"].is_null(), "{}", d["id"]);
        }
    }
}

#[test]
fn text_markdown_and_html_show_story_then_events() {
    let path = fixture();
    let (code, text, err) = run(&["report", &path]);
    assert_eq!(code, 0, "{err}");
    assert!(text.contains("5 articles · 2 events"), "{text}");
    assert!(text.contains("(earthquake · "), "{text}");
    let (_, md, _) = run(&["report", &path, "--format", "markdown"]);
    assert!(md.contains("`event-"), "{md}");
    assert_eq!(md.matches("\n#### ").count(), 2, "{md}");
    let (_, html, _) = run(&["report", &path, "--format", "html"]);
    assert_eq!(html.matches("<ol class=\"events\">").count(), 1);
    assert_eq!(html.matches("<li id=\"event-").count(), 2);
}

#[test]
fn curated_groups_are_the_events() {
    // With --group-by, each curated group is one story and its one event, never split.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("curated.jsonl");
    let mut lines = String::new();
    for f in std::fs::read_dir(testdata().join("events")).unwrap() {
        let p = f.unwrap().path();
        let text = std::fs::read_to_string(&p).unwrap();
        let body = text.splitn(3, "---\n").nth(2).unwrap();
        let id = p.file_stem().unwrap().to_str().unwrap();
        let rec = serde_json::json!({"id": id, "source": id.split('.').nth(1), "text": body, "desk": "quakes"});
        lines.push_str(&format!("{rec}\n"));
    }
    std::fs::write(&file, lines).unwrap();
    let r = json_report(file.to_str().unwrap(), &["--group-by", "desk"]);
    let events = r["events"].as_array().unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["id"], "quakes");
    assert_eq!(events[0]["members"].as_array().unwrap().len(), 5);
}

#[test]
fn event_probability_zero_keeps_each_story_one_event() {
    let r = json_report(&fixture(), &["--event-probability", "0"]);
    assert_eq!(r["events"].as_array().unwrap().len(), 1);
    let (code, _, err) = run(&["report", &fixture(), "--event-probability", "1.5"]);
    assert_ne!(code, 0);
    assert!(
        err.contains("--event-probability must be in [0, 1]"),
        "{err}"
    );
}
