//! `crosscheck dedup` on the fixture corpus.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::util::{bin, corpus, expectations, run};

fn clusters(args: &[&str]) -> Vec<BTreeSet<String>> {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["version"], 1);
    v["clusters"]
        .as_array()
        .expect("clusters")
        .iter()
        .map(|c| {
            c["members"]
                .as_array()
                .expect("members")
                .iter()
                .map(|m| m.as_str().expect("id").to_string())
                .collect()
        })
        .collect()
}

#[test]
fn finds_exactly_the_labelled_syndicated_copies() {
    let dir = corpus();
    let got: BTreeSet<BTreeSet<String>> =
        clusters(&["dedup", dir.to_str().unwrap(), "--format", "json"])
            .into_iter()
            .collect();
    let mut want = BTreeSet::new();
    for story in expectations() {
        for group in story["duplicates"].as_array().into_iter().flatten() {
            let g: BTreeSet<String> = group
                .as_array()
                .expect("group")
                .iter()
                .map(|m| m.as_str().expect("id").to_string())
                .collect();
            want.insert(g);
        }
    }
    assert!(
        want.len() >= 3,
        "the fixtures label several duplicate groups"
    );
    assert_eq!(got, want);
}

#[test]
fn json_pairs_and_members_are_consistent() {
    let dir = corpus();
    let (_, out, _) = run(&["dedup", dir.to_str().unwrap(), "--format", "json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    for c in v["clusters"].as_array().unwrap() {
        let members: BTreeSet<&str> = c["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m.as_str().unwrap())
            .collect();
        assert!(members.contains(c["representative"].as_str().unwrap()));
        for p in c["pairs"].as_array().unwrap() {
            assert!(members.contains(p["a"].as_str().unwrap()));
            assert!(p["jaccard"].as_f64().unwrap() >= 0.8);
            assert!(p["a"].as_str().unwrap() < p["b"].as_str().unwrap());
        }
        for d in c["details"].as_array().unwrap() {
            let j = d["jaccard_to_representative"].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&j));
        }
    }
    let s = &v["summary"];
    assert_eq!(
        s["unique_articles"].as_u64().unwrap(),
        s["articles"].as_u64().unwrap() - s["clustered_articles"].as_u64().unwrap()
            + s["clusters"].as_u64().unwrap()
    );
}

#[test]
fn same_output_for_any_thread_count_and_input_order() {
    let dir = corpus();
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .collect();
    files.sort();
    for format in ["json", "text", "jsonl"] {
        let mut a = vec!["-j", "1", "dedup", "--format", format];
        a.extend(files.iter().map(String::as_str));
        let (_, one, _) = run(&a);
        let mut rev = files.clone();
        rev.reverse();
        let mut b = vec!["-j", "2", "dedup", "--format", format];
        b.extend(rev.iter().map(String::as_str));
        let (_, two, _) = run(&b);
        assert_eq!(one, two, "format {format}");
        assert!(!one.is_empty());
    }
}

#[test]
fn emit_unique_adds_up() {
    let dir = corpus();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("unique.jsonl");
    let assert = bin()
        .args([
            "dedup",
            dir.to_str().unwrap(),
            "--format",
            "json",
            "--emit-unique",
        ])
        .arg(&out)
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let s = &v["summary"];
    let lines: Vec<Value> = std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len() as u64, s["unique_articles"].as_u64().unwrap());
    let line = format!(
        "{} articles in, {} out, {} clusters",
        s["articles"], s["unique_articles"], s["clusters"]
    );
    assert!(stderr.contains(&line), "{stderr}");
    // Every input id is either kept or a member of a cluster whose representative is kept.
    let kept: BTreeSet<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    for c in v["clusters"].as_array().unwrap() {
        let members: Vec<&str> = c["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m.as_str().unwrap())
            .collect();
        let in_kept = members.iter().filter(|m| kept.contains(*m)).count();
        assert_eq!(in_kept, 1, "exactly one member of {members:?} kept");
        assert!(kept.contains(c["representative"].as_str().unwrap()));
    }
    // The output re-reads as a corpus with no clusters.
    let (code, again, _) = run(&["dedup", out.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0);
    let again: Value = serde_json::from_str(&again).unwrap();
    assert_eq!(again["summary"]["clusters"], 0);
    assert_eq!(again["summary"]["articles"], s["unique_articles"]);
}

#[test]
fn keep_rules_choose_representatives() {
    let tmp = tempfile::tempdir().unwrap();
    let body = "Gempa bumi berkekuatan magnitudo 4,8 mengguncang wilayah Kabupaten Garut, Jawa Barat, pada Rabu pagi. Badan Meteorologi, Klimatologi, dan Geofisika mencatat pusat gempa berada di darat pada kedalaman sepuluh kilometer. Warga sempat berhamburan keluar rumah.";
    let f = tmp.path().join("a.jsonl");
    let lines = [
        serde_json::json!({"id": "b-late", "source": "X", "published": "18 Jun 2025 09:00 WIB", "text": body}),
        serde_json::json!({"id": "a-long", "source": "Y", "published": "18 Jun 2025 10:00 WIB", "text": format!("{body} Tambahan.")}),
        serde_json::json!({"id": "c-early", "source": "Z", "published": "18 Jun 2025 07:00 WIB", "text": body}),
    ];
    std::fs::write(
        &f,
        lines.iter().map(|l| format!("{l}\n")).collect::<String>(),
    )
    .unwrap();
    let rep = |keep: &str| {
        let (_, out, err) = run(&[
            "dedup",
            f.to_str().unwrap(),
            "--format",
            "json",
            "--keep",
            keep,
        ]);
        let v: Value = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{err}"));
        v["clusters"][0]["representative"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(rep("earliest"), "c-early");
    assert_eq!(rep("longest"), "a-long");
    assert_eq!(rep("first"), "b-late");
}

#[test]
fn bad_flag_values_are_usage_errors() {
    let dir = corpus();
    for args in [
        vec!["dedup", dir.to_str().unwrap(), "--threshold", "1.5"],
        vec!["dedup", dir.to_str().unwrap(), "--num-perm", "100"],
        vec![
            "dedup",
            dir.to_str().unwrap(),
            "--bands",
            "40",
            "--rows",
            "4",
        ],
        vec!["dedup", "/definitely/not/here"],
    ] {
        let (code, _, err) = run(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.starts_with("error:"), "{err}");
    }
}
