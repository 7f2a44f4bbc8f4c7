//! `crosscheck report` against the labelled fixtures in `testdata/expected/`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use serde_json::Value;

use crate::util::{corpus, expectations, run, shared};

/// The report of the fixture corpus, as JSON.
fn fixture_report() -> Value {
    fixture_report_at(&[])
}

/// The same, with more flags.
fn fixture_report_at(flags: &[&str]) -> Value {
    let dir = corpus();
    let mut args = vec!["report", dir.to_str().unwrap(), "--format", "json"];
    args.extend_from_slice(flags);
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).expect("json report")
}

/// Article bodies of the fixtures (front matter removed), by id.
fn bodies() -> HashMap<String, String> {
    let mut out = HashMap::new();
    for e in std::fs::read_dir(corpus()).unwrap() {
        let p = e.unwrap().path();
        let t = std::fs::read_to_string(&p).unwrap();
        let body = match t
            .strip_prefix("---\n")
            .and_then(|r| r.find("\n---\n").map(|i| r[i + 5..].to_string()))
        {
            Some(b) => b,
            None => t,
        };
        out.insert(p.file_stem().unwrap().to_string_lossy().into_owned(), body);
    }
    out
}

/// Claims of the report that overlap a labelled quote.
struct Locator<'a> {
    bodies: HashMap<String, String>,
    claims: HashMap<&'a str, Vec<(&'a str, usize, usize)>>,
}

impl<'a> Locator<'a> {
    fn new(report: &'a Value) -> Self {
        let mut claims: HashMap<&str, Vec<(&str, usize, usize)>> = HashMap::new();
        for c in report["claims"].as_array().unwrap() {
            let span = c["span"].as_array().unwrap();
            claims.entry(c["doc"].as_str().unwrap()).or_default().push((
                c["id"].as_str().unwrap(),
                span[0].as_u64().unwrap() as usize,
                span[1].as_u64().unwrap() as usize,
            ));
        }
        Locator {
            bodies: bodies(),
            claims,
        }
    }

    fn find(&self, r: &Value) -> Vec<&'a str> {
        let doc = r["doc"].as_str().unwrap();
        let quote = r["quote"].as_str().unwrap();
        let body = &self.bodies[doc];
        let start = body
            .find(quote)
            .unwrap_or_else(|| panic!("{quote:?} not in {doc}"));
        let end = start + quote.len();
        self.claims
            .get(doc)
            .map(|cs| {
                cs.iter()
                    .filter(|c| c.1 < end && c.2 > start)
                    .map(|c| c.0)
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// A labelled dispute: its two quotes (prefixed by side) and the claim pairs that match it.
type Label = (String, String, BTreeSet<(String, String)>);

fn pair(a: &str, b: &str) -> (String, String) {
    if a < b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

/// Conflict precision and recall over the labelled alignments.
///
/// A labelled dispute (conflict or update) is a pair of quotes. A claim aligns
/// to at most one claim of each other article, so disputes labelled between
/// several mentions of one figure in one article and one in another count as
/// one: the labelled pairs of one pair of articles are grouped by shared
/// quotes, and a group of `n` left and `m` right quotes expects `min(n, m)`
/// found pairs. A predicted dispute is right when the labels pair its two
/// claims (as any verdict: a labelled consistent pair flagged as a conflict is
/// a false alarm only through the verdict check below).
#[test]
fn conflict_precision_and_recall_on_the_labelled_fixtures() {
    // At the default threshold (precision first) and at a lower one (more of the labelled
    // conflicts found).
    let (precision, recall) = fixture_conflicts(&fixture_report());
    assert!(
        precision >= 0.9,
        "conflict precision {precision:.3} at the default threshold"
    );
    assert!(
        recall >= 0.25,
        "conflict recall {recall:.3} at the default threshold"
    );
    // At 0.1: 27/35 = 0.771, recall 26/36 (26/35 and 25/36 before the context gate was retired,
    // 27/34 and 26/36 before long digits alike weighed apart; the dev labels, not these fixtures,
    // measure accuracy: docs/accuracy.md).
    let (precision, recall) = fixture_conflicts(&fixture_report_at(&["--min-confidence", "0.1"]));
    assert!(precision >= 0.7, "conflict precision {precision:.3}");
    assert!(recall >= 0.5, "conflict recall {recall:.3}");
}

/// The report says how many disputes its threshold held back: exactly those a report at 0.1 adds,
/// and the alignments above the threshold are the same in both.
#[test]
fn the_report_counts_the_disputes_its_threshold_holds_back() {
    let dispute = |a: &&Value| a["verdict"] != "consistent";
    let at_default = fixture_report();
    let at_low = fixture_report_at(&["--min-confidence", "0.1"]);
    let ids = |r: &Value, least: f64| -> Vec<String> {
        let mut v: Vec<String> = r["alignments"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["confidence"].as_f64().unwrap() >= least)
            .map(|a| a["id"].as_str().unwrap().to_string())
            .collect();
        v.sort();
        v
    };
    let least = at_default["summary"]["min_confidence"].as_f64().unwrap();
    assert_eq!(ids(&at_default, least), ids(&at_low, least));
    let count = |r: &Value| {
        r["alignments"]
            .as_array()
            .unwrap()
            .iter()
            .filter(dispute)
            .count()
    };
    let held = at_default["summary"]["held_back"].as_u64().unwrap() as usize;
    assert!(
        held > 0,
        "the fixtures hold disputes under the default threshold"
    );
    assert_eq!(held, count(&at_low) - count(&at_default));
    assert_eq!(at_low["summary"]["held_back"].as_u64(), Some(0));
    let (code, text, _) = run(&["report", corpus().to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(
        text.contains(&format!("{held} more possible disputes")),
        "{text}"
    );
}

/// Conflict precision and recall of a fixture report against the fixtures' labels.
fn fixture_conflicts(report: &Value) -> (f64, f64) {
    let loc = Locator::new(report);
    let mut verdict_of: HashMap<(String, String), &str> = HashMap::new();
    for a in report["alignments"].as_array().unwrap() {
        verdict_of.insert(
            pair(a["a"].as_str().unwrap(), a["b"].as_str().unwrap()),
            a["verdict"].as_str().unwrap(),
        );
    }
    let predicted: BTreeSet<(String, String)> = verdict_of
        .iter()
        .filter(|(_, v)| **v != "consistent")
        .map(|(k, _)| k.clone())
        .collect();
    let mut labelled_disputed: BTreeSet<(String, String)> = BTreeSet::new();
    let mut labelled_consistent: BTreeSet<(String, String)> = BTreeSet::new();
    let (mut expected, mut found) = (0usize, 0usize);
    let mut misses = Vec::new();
    for story in expectations() {
        // (doc a, doc b) -> labelled disputes between them.
        let mut by_docs: BTreeMap<(String, String), Vec<Label>> = BTreeMap::new();
        for x in story["alignments"].as_array().unwrap() {
            let pairs: BTreeSet<(String, String)> = loc
                .find(&x["a"])
                .iter()
                .flat_map(|a| loc.find(&x["b"]).into_iter().map(move |b| pair(a, b)))
                .collect();
            if x["verdict"] == "consistent" {
                labelled_consistent.extend(pairs);
                continue;
            }
            labelled_disputed.extend(pairs.iter().cloned());
            let docs = (
                x["a"]["doc"].as_str().unwrap().to_string(),
                x["b"]["doc"].as_str().unwrap().to_string(),
            );
            by_docs.entry(docs).or_default().push((
                format!("a:{}", x["a"]["quote"]),
                format!("b:{}", x["b"]["quote"]),
                pairs,
            ));
        }
        for (docs, labels) in by_docs {
            // Group labels that share a quote.
            let mut group_of: HashMap<String, usize> = HashMap::new();
            let mut groups: Vec<Vec<usize>> = Vec::new();
            for (i, (qa, qb, _)) in labels.iter().enumerate() {
                let g = match (group_of.get(qa).copied(), group_of.get(qb).copied()) {
                    (Some(g), Some(h)) if g != h => {
                        let moved = std::mem::take(&mut groups[h]);
                        for &j in &moved {
                            group_of.insert(labels[j].0.clone(), g);
                            group_of.insert(labels[j].1.clone(), g);
                        }
                        groups[g].extend(moved);
                        g
                    }
                    (Some(g), _) | (_, Some(g)) => g,
                    (None, None) => {
                        groups.push(Vec::new());
                        groups.len() - 1
                    }
                };
                groups[g].push(i);
                group_of.insert(qa.clone(), g);
                group_of.insert(qb.clone(), g);
            }
            for g in groups.iter().filter(|g| !g.is_empty()) {
                let lefts: BTreeSet<&str> = g.iter().map(|&i| labels[i].0.as_str()).collect();
                let rights: BTreeSet<&str> = g.iter().map(|&i| labels[i].1.as_str()).collect();
                let want = lefts.len().min(rights.len());
                let got = g
                    .iter()
                    .flat_map(|&i| labels[i].2.iter())
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .filter(|p| predicted.contains(*p))
                    .count()
                    .min(want);
                expected += want;
                found += got;
                if got < want {
                    misses.push(format!(
                        "{} {} vs {} ({}/{want}) in {docs:?}",
                        story["story"], labels[g[0]].0, labels[g[0]].1, got
                    ));
                }
            }
        }
    }
    let right = predicted
        .iter()
        .filter(|p| labelled_disputed.contains(*p))
        .count();
    let false_alarms: Vec<&(String, String)> = predicted
        .iter()
        .filter(|p| !labelled_disputed.contains(*p))
        .collect();
    let flagged_consistent = false_alarms
        .iter()
        .filter(|p| labelled_consistent.contains(**p))
        .count();
    let precision = right as f64 / predicted.len().max(1) as f64;
    let recall = found as f64 / expected.max(1) as f64;
    println!(
        "conflicts: precision {precision:.3} ({right}/{}), recall {recall:.3} ({found}/{expected}); {} false alarms, {flagged_consistent} of them labelled consistent",
        predicted.len(),
        false_alarms.len()
    );
    for m in &misses {
        println!("  missed: {m}");
    }
    for f in &false_alarms {
        println!("  false alarm: {} ~ {}", f.0, f.1);
    }
    // These fixtures were written by the project and its rules were tuned on them (0.919 and 0.944
    // with the hand-set rules of issue #4); since issue #14 the model is fitted on labelled real news
    // and the headline figures are the dev labels' (`tests/eval_dev.rs`, `docs/accuracy.md`). Here the
    // fixtures check behaviour: at the default threshold few false conflicts are raised, and at a
    // lower one most labelled conflicts are found.
    (precision, recall)
}

#[test]
fn stories_match_the_labelled_stories() {
    let report = fixture_report();
    let story_of: HashMap<&str, Option<&str>> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["id"].as_str().unwrap(), d["story"].as_str()))
        .collect();
    let mut wrong = Vec::new();
    for e in expectations() {
        let ids: Vec<&str> = e["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        let stories: BTreeSet<Option<&str>> = ids.iter().map(|i| story_of[i]).collect();
        let joined: Vec<&str> = story_of
            .iter()
            .filter(|(id, s)| s.is_some() && stories.contains(*s) && !ids.contains(id))
            .map(|(id, _)| *id)
            .collect();
        if stories.len() != 1 || stories.contains(&None) || !joined.is_empty() {
            wrong.push(format!(
                "{}: split into {stories:?}, joined by {joined:?}",
                e["story"]
            ));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn labelled_traps_never_align() {
    let report = fixture_report();
    let loc = Locator::new(&report);
    let aligned: HashMap<(String, String), String> = report["alignments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                pair(a["a"].as_str().unwrap(), a["b"].as_str().unwrap()),
                a["verdict"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut total = 0;
    let mut broken = Vec::new();
    let mut disputed = Vec::new();
    for e in expectations() {
        for x in e["must_not_align"].as_array().into_iter().flatten() {
            total += 1;
            for a in loc.find(&x["a"]) {
                for b in loc.find(&x["b"]) {
                    if let Some(v) = aligned.get(&pair(a, b)) {
                        let what = format!(
                            "{} ~ {} ({}): {v}",
                            x["a"]["quote"], x["b"]["quote"], x["why"]
                        );
                        if v != "consistent" {
                            disputed.push(what.clone());
                        }
                        broken.push(what);
                    }
                }
            }
        }
    }
    println!("traps: {} of {total} aligned", broken.len());
    // A few traps are subtle (the same figure for another group, by the same value); none may be
    // set up as a dispute.
    assert!(disputed.is_empty(), "traps disputed: {disputed:#?}");
    assert!(broken.len() * 10 <= total, "{broken:#?}");
}

#[test]
fn the_seed_reports_reconcile() {
    let Some(shared) = shared("the_seed_reports_reconcile") else {
        return;
    };
    let seeds = shared.join("seeds");
    // At the default threshold: the troop figures (a vague count against an exact one, as far apart
    // as their intervals' nearer bounds) are a dispute at about 0.5 (docs/accuracy.md).
    let (code, out, err) = run(&["report", seeds.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let r: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["stories"].as_array().unwrap().len(), 1, "one story");
    assert_eq!(r["stories"][0]["members"].as_array().unwrap().len(), 5);
    let verdicts: Vec<(String, String, &str)> = aligned_claims(&r)
        .into_iter()
        .map(|(a, b, v)| {
            let t = |c: &Value| c["text"].as_str().unwrap().to_string();
            let (x, y) = (t(a), t(b));
            let (x, y) = if x < y { (x, y) } else { (y, x) };
            (x, y, v)
        })
        .collect();
    let has = |a: &str, b: &str, v: &str| {
        verdicts.iter().any(|(x, y, w)| {
            ((x.contains(a) && y.contains(b)) || (x.contains(b) && y.contains(a))) && *w == v
        })
    };
    assert!(
        has("puluhan ribu", "setidaknya 100.000", "conflict"),
        "{verdicts:#?}"
    );
    assert!(
        has("puluhan ribu", "100.000 tentara", "conflict"),
        "{verdicts:#?}"
    );
    assert!(
        has("100.000 tentara", "setidaknya 100.000", "consistent"),
        "{verdicts:#?}"
    );
    assert!(
        has("delapan jam", "lebih dari tujuh jam", "consistent"),
        "{verdicts:#?}"
    );
    assert!(
        !verdicts
            .iter()
            .any(|(x, y, _)| x.contains("empat jam") || y.contains("empat jam")),
        "{verdicts:#?}"
    );
    let conflicts = verdicts.iter().filter(|v| v.2 != "consistent").count();
    assert_eq!(conflicts, 2, "{verdicts:#?}");
}

#[test]
fn text_and_json_reports_snapshot() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files: Vec<String> = [
        "en-border-talks.ap",
        "en-border-talks.reuters",
        "en-border-talks.afp",
        "en-border-talks.tbc",
    ]
    .iter()
    .map(|f| format!("testdata/corpus/{f}.txt"))
    .collect();
    let mut cmd = crate::util::bin();
    cmd.current_dir(root)
        .arg("report")
        .args(&files)
        .args(["--color", "never"])
        .env("COLUMNS", "100");
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!(
        "report_text_border_talks",
        String::from_utf8_lossy(&out.stdout)
    );
    let mut cmd = crate::util::bin();
    cmd.current_dir(root)
        .arg("report")
        .args(&files)
        .args(["--format", "json"]);
    let out = cmd.output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    insta::assert_json_snapshot!("report_json_border_talks", v);
}

/// Found by the order property of `tests/props_cli.rs`: the input problems of
/// several files were listed in the order the files were given, so every
/// report format changed with that order.
#[test]
fn input_problems_are_listed_by_file_whatever_the_argument_order() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a.jsonl");
    let b = tmp.path().join("b.jsonl");
    std::fs::write(
        &a,
        "{\"id\":\"a\",\"published\":\"kemarin sore\",\"text\":\"Setidaknya 8 orang tewas.\"}\n",
    )
    .unwrap();
    std::fs::write(
        &b,
        "{not json\n{\"id\":\"b\",\"text\":\"Sebanyak 12 rumah rusak.\"}\n",
    )
    .unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    for format in ["text", "markdown", "json", "html"] {
        let (code, ab, err) = run(&["report", "--format", format, a, b]);
        assert_eq!(code, 2, "{err}");
        let (_, ba, _) = run(&["report", "--format", format, b, a]);
        assert_eq!(ab, ba, "--format {format}");
        if format == "json" {
            let v: Value = serde_json::from_str(&ab).unwrap();
            let places: Vec<(&str, u64)> = v["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| (d["path"].as_str().unwrap(), d["line"].as_u64().unwrap()))
                .collect();
            assert_eq!(places, [(a, 1), (b, 1)]);
        }
    }
}

/// Two earthquakes reported alike (BMKG's wording, the same day) are two
/// stories when each headline names places the other report never mentions;
/// two reports of one quake stay one story and their magnitudes are compared.
/// Two companies' dividends in one story are never set against each other.
#[test]
fn alike_reports_of_different_events_and_referents_are_not_disputes() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("gempa.jsonl");
    let rec = |id: &str, source: &str, title: &str, text: &str| {
        serde_json::json!({"id": id, "source": source, "title": title,
            "published": "2025-06-10T07:00:00+07:00", "text": text})
        .to_string()
    };
    let tuban = "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) melaporkan gempa bumi mengguncang \
        wilayah Tuban, Jawa Timur, pada Selasa pagi. Pusat gempa berada di laut 119 km timur laut Tuban \
        dengan kedalaman 5 km. Getaran dirasakan warga di Pulau Bawean. BMKG menyebut gempa tidak \
        berpotensi tsunami dan belum ada laporan kerusakan bangunan.";
    let pangandaran = "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) melaporkan gempa bumi \
        mengguncang wilayah Pangandaran, Jawa Barat, pada Selasa pagi. Pusat gempa berada di laut 49 km \
        tenggara Pangandaran dengan kedalaman 70 km. Getaran dirasakan warga di Kebumen dan Banyumas. \
        BMKG menyebut gempa tidak berpotensi tsunami dan belum ada laporan kerusakan bangunan.";
    let lines = [
        rec(
            "tuban.a",
            "Kabar Satu",
            "Gempa Magnitudo 4,5 Guncang Tuban, Terasa di Bawean",
            &format!("Gempa bermagnitudo 4,5 terjadi di Tuban. {tuban}"),
        ),
        rec(
            "tuban.b",
            "Warta Dua",
            "Gempa Guncang Tuban Jatim, Getaran Sampai Bawean",
            &format!("Gempa bermagnitudo 4,7 terjadi di Tuban. {tuban}"),
        ),
        rec(
            "pangandaran.c",
            "Berita Tiga",
            "Gempa Magnitudo 5,0 Guncang Pangandaran, Terasa di Kebumen",
            &format!("Gempa bermagnitudo 5,0 terjadi di Pangandaran. {pangandaran}"),
        ),
    ];
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let (code, out, err) = run(&["report", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let r: Value = serde_json::from_str(&out).unwrap();
    let stories: Vec<Vec<&str>> = r["stories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            s["members"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m.as_str().unwrap())
                .collect()
        })
        .collect();
    assert_eq!(stories, [vec!["tuban.a", "tuban.b"]], "{stories:?}");
    let conflicts: Vec<(&str, &str)> = r["alignments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["verdict"] == "conflict")
        .map(|a| (a["a"].as_str().unwrap(), a["b"].as_str().unwrap()))
        .collect();
    assert_eq!(conflicts.len(), 1, "4,5 vs 4,7 in Tuban: {conflicts:?}");
    assert!(conflicts[0].0.starts_with("tuban.") && conflicts[0].1.starts_with("tuban."));

    // Two companies' dividends, one story of dividend news (headlines that
    // name neither company).
    let path = tmp.path().join("dividen.jsonl");
    let body = "Rapat Umum Pemegang Saham Tahunan (RUPST) menyetujui pembagian dividen tunai dari laba \
        bersih tahun buku 2024. Jadwal cum dividen di pasar reguler dan negosiasi jatuh pada 20 Juni \
        2025, sedangkan pembayaran dividen dilakukan pada 10 Juli 2025 kepada pemegang saham.";
    let lines = [
        rec("depo.a", "Kabar Satu", "Emiten Tebar Dividen Jelang Akhir Juni",
            &format!("PT Caturkarda Depo Bangunan Tbk dalam rapat tahunan memutuskan untuk membagikan dividen tunai final sebesar Rp 4,2 per saham. {body}")),
        rec("armada.b", "Warta Dua", "RUPST Setujui Pembagian Dividen Tunai",
            &format!("PT Jasa Armada Indonesia Tbk dalam rapat tahunan memutuskan untuk membagikan dividen tunai final sebesar Rp 23,72 per saham. {body}")),
    ];
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let (code, out, err) = run(&["report", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let r: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        r["stories"].as_array().unwrap().len(),
        1,
        "{}",
        r["stories"]
    );
    let disputes = r["alignments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["verdict"] != "consistent")
        .count();
    assert_eq!(disputes, 0, "{}", r["alignments"]);
}

/// A folder of articles that share a day and a headline, for a report test.
struct Folder {
    dir: tempfile::TempDir,
    day: &'static str,
    title: &'static str,
}

impl Folder {
    fn new(day: &'static str, title: &'static str) -> Self {
        Folder {
            dir: tempfile::tempdir().unwrap(),
            day,
            title,
        }
    }

    /// Writes article `id` of `source`, published at `hour` (UTC+7) that day.
    fn article(&self, id: &str, source: &str, hour: u32, body: &str) {
        let (day, title) = (self.day, self.title);
        std::fs::write(
            self.dir.path().join(format!("{id}.txt")),
            format!(
                "---\nid: {id}\nsource: {source}\npublished: {day}T{hour:02}:00+07:00\n\
                 title: {title}\n---\n{body}\n"
            ),
        )
        .unwrap();
    }

    /// The JSON report of the folder (exit status 0).
    fn report(&self) -> Value {
        self.report_with(&[])
    }

    /// The JSON report of the folder with more options (exit status 0).
    fn report_with(&self, options: &[&str]) -> Value {
        let mut args = vec![
            "report",
            self.dir.path().to_str().unwrap(),
            "--format",
            "json",
        ];
        args.extend_from_slice(options);
        let (code, out, err) = run(&args);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str(&out).unwrap()
    }
}

/// Claim id to the claim's text.
fn claim_texts(r: &Value) -> HashMap<&str, &str> {
    r["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c["text"].as_str().unwrap()))
        .collect()
}

/// Each alignment of a report as its two claims and its verdict.
fn aligned_claims(r: &Value) -> Vec<(&Value, &Value, &str)> {
    let claims: HashMap<&str, &Value> = r["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c))
        .collect();
    r["alignments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                claims[a["a"].as_str().unwrap()],
                claims[a["b"].as_str().unwrap()],
                a["verdict"].as_str().unwrap(),
            )
        })
        .collect()
}

/// The alignments with a side whose text `pick` takes: (a's text, b's text, verdict).
fn aligned_where(r: &Value, pick: impl Fn(&str) -> bool) -> Vec<(&str, &str, &str)> {
    aligned_claims(r)
        .into_iter()
        .map(|(x, y, v)| (x["text"].as_str().unwrap(), y["text"].as_str().unwrap(), v))
        .filter(|(x, y, _)| pick(x) || pick(y))
        .collect()
}

/// Asserts that the folder's report aligns one age, 47 years, with its equal and nothing else.
fn assert_one_age_aligned(folder: &Folder) {
    let r = folder.report();
    let ages = aligned_where(&r, |x| x.contains("tahun"));
    assert_eq!(ages, [("47 tahun", "47 tahun", "consistent")], "{r:#}");
}

/// Writes outlet a's report of the actor's death, its age sentence naming him as `holder` writes.
fn died_at_47(folder: &Folder, holder: &str) {
    folder.article(
        "a",
        "Kabar Satu",
        10,
        &format!(
            "Jakarta - Aktor senior Hengki Kawilarang meninggal dunia pada Selasa (17/6/2025) pagi di \
             rumah sakit di Jakarta Selatan. {holder} meninggal dunia di usia 47 tahun setelah \
             dirawat karena sakit jantung. Jenazah disemayamkan di rumah duka dan dimakamkan pada \
             Rabu siang."
        ),
    );
}

/// Two outlets give one person's age: one fact, aligned; another person's age in the same story is
/// never set against it.
#[test]
fn ages_align_only_when_they_name_one_person() {
    let folder = Folder::new("2025-06-17", "Aktor Hengki Kawilarang Meninggal Dunia");
    died_at_47(&folder, "Hengki Kawilarang");
    folder.article(
        "b",
        "Warta Dua",
        13,
        "Jakarta - Kabar duka datang dari dunia hiburan. Aktor Hengki Kawilarang meninggal dunia pada \
         Selasa (17/6/2025) di rumah sakit di Jakarta Selatan. Istrinya, Maya Lestari, berusia 45 \
         tahun. Hengki Kawilarang berusia 47 tahun dan sempat dirawat karena sakit jantung.",
    );
    assert_one_age_aligned(&folder);
}

/// A headline's figures are claims, read in headline grammar, without the outlet's name after the
/// headline; marked in the HTML headline; never aligned (the text's figures are).
#[test]
fn headline_figures_are_claims_that_are_not_aligned() {
    let dir = tempfile::tempdir().unwrap();
    let article = |id: &str, source: &str, title: &str, body: &str| {
        std::fs::write(
            dir.path().join(format!("{id}.txt")),
            format!(
                "---\nid: {id}\nsource: {source}\npublished: 2016-04-19T10:00-05:00\n\
                 title: {title}\nlang: en\n---\n{body}\n"
            ),
        )
        .unwrap();
    };
    let body = "A father, a mother and their two small children were found shot to death on \
                Tuesday morning at a home on Longdraw Drive, the sheriff said. Four people were \
                killed in the shooting, which investigators called a murder-suicide.";
    article(
        "a",
        "Channel 12 News",
        "Parents, 2 children dead in murder-suicide - Channel 12 News 12 Springfield",
        body,
    );
    article(
        "b",
        "Daily Ledger",
        "Man, woman, 2 children found dead in home",
        body,
    );
    let (code, out, err) = run(&["report", dir.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let r: Value = serde_json::from_str(&out).unwrap();
    let claims = r["claims"].as_array().unwrap();
    let head: Vec<(&str, &str, &str, f64)> = claims
        .iter()
        .filter(|c| c["headline"] == true)
        .map(|c| {
            (
                c["id"].as_str().unwrap(),
                c["text"].as_str().unwrap(),
                c["concept"].as_str().unwrap_or("-"),
                c["low"].as_f64().unwrap(),
            )
        })
        .collect();
    // The outlet's `12` is cut with its name; commas join the people of the second headline.
    assert_eq!(
        head,
        [
            ("a@title:9-19", "2 children", "deaths", 2.0),
            ("b@title:0-22", "Man, woman, 2 children", "deaths", 4.0)
        ],
        "{claims:#?}"
    );
    assert!(claims
        .iter()
        .all(|c| c["headline"] == true || c.get("headline").is_none()));
    let aligned: Vec<&str> = r["alignments"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| [a["a"].as_str().unwrap(), a["b"].as_str().unwrap()])
        .collect();
    assert!(!aligned.is_empty(), "the texts' figures align: {r:#}");
    assert!(
        aligned.iter().all(|id| !id.contains("@title:")),
        "{aligned:?}"
    );
    let (code, html, err) = run(&["report", dir.path().to_str().unwrap(), "--format", "html"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        html.contains("Parents, <mark")
            && html.contains("2 children</mark> dead in murder-suicide - Channel 12 News"),
        "the headline's figure is marked, the outlet's name left plain"
    );
}

/// One outlet's report of a day's fall of Antam's gold price, for the tests of repeated figures.
const ANTAM_FALL: &str = "Jakarta - Harga emas batangan PT Aneka Tambang (Antam) turun Rp 6.000 pada \
                          perdagangan Rabu (18/6/2025). Harga emas Antam kini dijual Rp 1.937.000 per \
                          gram di butik Logam Mulia Pulogadung, Jakarta Timur.";

/// Another outlet's report of that fall, to which each test adds a sentence.
const ANTAM_FALL_AGAIN: &str = "Jakarta - Harga emas batangan Antam turun Rp 6.000 pada perdagangan Rabu \
                                (18/6/2025). Harga emas Antam dijual Rp 1.937.000 per gram di butik \
                                Logam Mulia Pulogadung.";

/// An article that states a figure twice states one fact: each mention aligns with the other
/// outlet's, the second marked as a repeat of the first, and the summary counts the fact once.
#[test]
fn a_figure_an_article_repeats_aligns_once_per_mention_and_counts_once() {
    let folder = Folder::new("2025-06-18", "Harga Emas Antam Hari Ini Turun");
    folder.article("a", "Kabar Satu", 9, ANTAM_FALL);
    let b = format!(
        "{ANTAM_FALL_AGAIN} Dengan penurunan Rp 6.000 itu, harga emas Antam sudah turun tiga hari \
         berturut-turut."
    );
    folder.article("b", "Warta Dua", 10, &b);
    let r = folder.report();
    let text = claim_texts(&r);
    let alignments = r["alignments"].as_array().unwrap();
    let falls: Vec<&Value> = alignments
        .iter()
        .filter(|a| text[a["a"].as_str().unwrap()] == "Rp 6.000")
        .collect();
    assert_eq!(falls.len(), 2, "{:#}", r["alignments"]);
    let firsts: Vec<&&Value> = falls
        .iter()
        .filter(|a| a.get("repeats").is_none())
        .collect();
    assert_eq!(firsts.len(), 1, "{falls:#?}");
    let repeat = falls.iter().find(|a| a.get("repeats").is_some()).unwrap();
    assert_eq!(repeat["repeats"], firsts[0]["id"]);
    // Both mentions of b are aligned with a's one mention.
    let b_sides: BTreeSet<&str> = falls.iter().map(|a| a["b"].as_str().unwrap()).collect();
    assert_eq!(b_sides.len(), 2);
    let s = &r["summary"];
    assert_eq!(s["repeated"], 1, "{s:#}");
    assert_eq!(
        s["consistent"].as_u64().unwrap() + s["repeated"].as_u64().unwrap(),
        alignments.len() as u64,
        "{s:#}"
    );
}

/// An age whose sentence names no one (`Ia … di usia 47 tahun`) aligns with the same age another
/// outlet gives the person the story is about; a different age of someone unnamed (his wife's 45)
/// is never set against it.
#[test]
fn an_unnamed_persons_age_aligns_only_when_it_agrees() {
    let folder = Folder::new("2025-06-17", "Aktor Hengki Kawilarang Meninggal Dunia");
    died_at_47(&folder, "Hengki");
    folder.article(
        "c",
        "Berita Tiga",
        15,
        "Jakarta - Aktor Hengki Kawilarang meninggal dunia pada Selasa (17/6/2025) di rumah sakit di \
         Jakarta Selatan setelah dirawat karena sakit jantung. Ia menghembuskan nafas terakhir di \
         usia 47 tahun. Istrinya yang berusia 45 tahun mendampingi.",
    );
    assert_one_age_aligned(&folder);
}

/// A place read as an age's holder (`aktor ternama Indonesia ini … 47 tahun`) says nothing of whose age
/// it is: the age aligns with the one another outlet gives the person the story is about.
#[test]
fn a_place_is_no_ones_age() {
    let folder = Folder::new("2025-06-17", "Aktor Hengki Kawilarang Meninggal Dunia");
    folder.article(
        "a",
        "Kabar Satu",
        10,
        "Jakarta - Kabar duka datang dari dunia hiburan pada Selasa (17/6/2025). Aktor senior Hengki \
         Kawilarang meninggal dunia di usia 47 tahun setelah dirawat karena sakit jantung.",
    );
    folder.article(
        "b",
        "Warta Dua",
        14,
        "Jakarta - Kabar duka datang dari dunia hiburan. Aktor Hengki Kawilarang meninggal dunia pada \
         Selasa (17/6/2025). Salah satu aktor ternama Indonesia ini berpulang di usia 47 tahun.",
    );
    assert_one_age_aligned(&folder);
}

/// The same value stated for two holders in one article is two facts: the other outlet's figure
/// aligns with the one of its holder only (Antam's fall of Rp 6.000, not Pegadaian's UBS price's).
#[test]
fn one_value_of_two_holders_is_no_repeat() {
    let folder = Folder::new("2025-06-18", "Harga Emas Antam Hari Ini Turun");
    folder.article("a", "Kabar Satu", 9, ANTAM_FALL);
    let b = format!(
        "{ANTAM_FALL_AGAIN} Sementara harga emas UBS di Pegadaian juga turun Rp 6.000 menjadi \
         Rp 1.941.000 per gram."
    );
    folder.article("b", "Warta Dua", 10, &b);
    let r = folder.report();
    let text = claim_texts(&r);
    let falls: Vec<&str> = r["alignments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| text[a["a"].as_str().unwrap()] == "Rp 6.000")
        .map(|a| a["b"].as_str().unwrap())
        .collect();
    // Antam's fall is the first `Rp 6.000` of b; Pegadaian's comes after `UBS`.
    let body = std::fs::read_to_string(folder.dir.path().join("b.txt")).unwrap();
    let ubs = body.find("UBS").unwrap() - body.find("Jakarta").unwrap();
    assert_eq!(falls.len(), 1, "{:#}", r["alignments"]);
    let start: usize = falls[0]
        .rsplit_once('@')
        .and_then(|(_, s)| s.split('-').next())
        .unwrap()
        .parse()
        .unwrap();
    assert!(start < ubs, "{falls:?}");
}

/// The first four rows of a gold price table whose line breaks were lost in scraping, after its lead.
const ANTAM_RUN_TOGETHER: &str = "Jakarta - Harga emas batangan Antam hari ini, Kamis (19/6/2025), \
    turun Rp 6.000 menjadi Rp 1.937.000 per gram. Berikut rincian harga emas Antam hari ini:Emas 0,5 \
    gram: Rp 1.018.500Emas 1 gram: Rp 1.937.000Emas 2 gram: Rp 3.814.000Emas 3 gram: Rp 5.696.000";

/// A price table's figures align row by row: each price with the price of the same weight in the
/// other outlet's table, never with another row's.
#[test]
fn table_rows_align_with_the_same_row() {
    let folder = Folder::new("2025-06-19", "Harga Emas Antam Hari Ini 19 Juni 2025 Turun");
    // Scraped tables often lose their line breaks: rows run into each other.
    folder.article(
        "a",
        "Kabar Satu",
        9,
        &format!(
            "{ANTAM_RUN_TOGETHER}Emas 5 gram: Rp 9.460.000Emas 10 gram: Rp 18.865.000Emas 25 gram: \
             Rp 47.037.000"
        ),
    );
    folder.article(
        "b",
        "Warta Dua",
        10,
        "Jakarta - Harga emas Antam pada Kamis (19/6/2025) turun Rp 6.000 ke level Rp 1.937.000 per \
         gram. Daftar harga emas Antam hari ini:Harga emas Antam 1 gram: Rp1.937.000Harga emas \
         Antam 0,5 gram: Rp1.018.500Harga emas Antam 3 gram: Rp5.696.000Harga emas Antam 2 gram: \
         Rp3.814.000Harga emas Antam 10 gram: Rp18.865.000Harga emas Antam 25 gram: Rp47.037.000",
    );
    let rows = price_rows(&folder.report());
    // Six rows both tables list (b has no 5-gram row), each with its own price.
    assert_eq!(rows.len(), 6, "{rows:?}");
    assert!(rows.iter().all(|(x, y)| x == y), "{rows:?}");
}

/// The aligned pairs of prices over a million rupiah of a report, as values.
fn price_rows(r: &Value) -> Vec<(f64, f64)> {
    aligned_claims(r)
        .into_iter()
        .filter(|(x, _, _)| x["unit"] == "IDR" && x["low"].as_f64().unwrap() > 1e6)
        .map(|(x, y, _)| (x["low"].as_f64().unwrap(), y["low"].as_f64().unwrap()))
        .collect()
}

/// A table whose rows hold nothing but the weight and the price (`2 gram: Rp3.814.000`, one row
/// a line) has no words around its figures: the row alone says which price it is.
#[test]
fn a_row_of_bare_figures_aligns_by_its_row() {
    let folder = Folder::new("2025-06-19", "Harga Emas Antam Hari Ini 19 Juni 2025 Turun");
    folder.article("a", "Kabar Satu", 9, ANTAM_RUN_TOGETHER);
    folder.article(
        "b",
        "Warta Dua",
        10,
        "Jakarta - Harga emas Antam pada Kamis (19/6/2025) turun Rp 6.000 ke level Rp 1.937.000 per \
         gram.\nBerikut daftar harga emas batangan Antam per Kamis, 19 Juni 2025:\n0,5 gram: \
         Rp1.018.500\n2 gram: Rp3.814.000\n3 gram: Rp5.696.000\n",
    );
    let rows = price_rows(&folder.report());
    // The three rows both list, each with its own price.
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert!(rows.iter().all(|(x, y)| x == y), "{rows:?}");
}

/// Two properties of one thing never contradict: a quake's depth against its distance from a town,
/// however alike their figures, is no dispute at any threshold.
#[test]
fn two_properties_are_never_a_dispute() {
    let folder = Folder::new("2025-06-18", "Gempa M4,9 Guncang Garut");
    folder.article(
        "a",
        "Kabar Satu",
        9,
        "Garut - Gempa bumi bermagnitudo 4,9 mengguncang Kabupaten Garut, Jawa Barat, Rabu \
         (18/6/2025). BMKG mencatat pusat gempa berada di kedalaman 10 km.",
    );
    folder.article(
        "b",
        "Warta Dua",
        10,
        "Garut - Gempa bumi bermagnitudo 4,9 mengguncang Kabupaten Garut, Jawa Barat, Rabu \
         (18/6/2025). BMKG mencatat pusat gempa berjarak 11 km dari Garut.",
    );
    let r = folder.report_with(&["--min-confidence", "0.01"]);
    let km = aligned_where(&r, |t| t.contains("km"));
    assert!(km.iter().all(|(_, _, v)| *v == "consistent"), "{km:?}");
    // The magnitudes both state are one fact.
    let magnitudes = aligned_where(&r, |t| t.contains("4,9"));
    assert!(!magnitudes.is_empty(), "{:#}", r["alignments"]);
}
