//! Tests on the real data in `$CROSSCHECK_SHARED` (skipped when unset).

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use crosscheck::dedup::{par_dedup, par_shingle_sets, DedupOptions};
use crosscheck::ingest::{load, Article, InputOptions, Origin};
use crosscheck::normalize::par_clean;
use crosscheck::shingle::jaccard;
use serde_json::Value;

use crate::util::{run, shared};

/// The flags that read every idnews CSV (two file shapes).
pub const IDNEWS_FLAGS: [&str; 10] = [
    "--id-field",
    "url,Link",
    "--text-field",
    "isi_berita,content,Isi",
    "--title-field",
    "judul,title,Judul",
    "--source-field",
    "sumber,source,Sumber",
    "--date-field",
    "tanggal_publikasi,date,Tanggal",
];

fn idnews_options() -> InputOptions {
    let f = |i: usize| IDNEWS_FLAGS[i].to_string();
    InputOptions {
        id_field: f(1),
        text_field: f(3),
        title_field: f(5),
        source_field: f(7),
        date_field: f(9),
        ..InputOptions::default()
    }
}

#[test]
fn the_five_seeds_are_distinct_reports() {
    let Some(shared) = shared("the_five_seeds_are_distinct_reports") else {
        return;
    };
    let seeds = shared.join("seeds");
    let (code, out, err) = run(&["dedup", seeds.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["articles"], 5);
    assert_eq!(v["clusters"], serde_json::json!([]));
}

#[test]
fn idnews_loads_with_its_flags() {
    let Some(shared) = shared("idnews_loads_with_its_flags") else {
        return;
    };
    let dir = shared.join("corpora/idnews-gikirima");
    let corpus = load(&[dir], &idnews_options()).expect("readable");
    let n = corpus.articles.len();
    let dated = corpus
        .articles
        .iter()
        .filter(|a| a.published.is_some())
        .count();
    let sources: BTreeSet<&str> = corpus
        .articles
        .iter()
        .filter_map(|a| a.source.as_deref())
        .collect();
    let mut kinds: HashMap<&str, usize> = HashMap::new();
    for d in &corpus.diagnostics {
        let kind = if d.message.contains("has no text") {
            "no text"
        } else if d.message.contains("duplicate id") {
            "same URL, different text"
        } else if d.message.contains("merged") {
            "same URL, identical record"
        } else if d.message.contains("not understood") {
            "date not understood"
        } else {
            panic!("unexpected diagnostic: {d}");
        };
        *kinds.entry(kind).or_default() += 1;
    }
    println!(
        "idnews: {n} articles, {dated} with a parsed date, {} sources, diagnostics {kinds:?}",
        sources.len()
    );
    assert!(n > 7000, "{n}");
    assert!(dated as f64 >= 0.97 * n as f64, "{dated} of {n} dated");
    assert!(sources.len() >= 8, "{sources:?}");
}

/// A small deterministic generator for the planted edits.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A syndicated copy: new headline line, outlet footer, and one of: trimmed
/// ending, a rewritten sentence, or bursts of word edits.
fn plant_copy(text: &str, rng: &mut Rng, k: usize) -> String {
    let mut words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
    let n = words.len();
    match k % 3 {
        0 => words.truncate(n - n * (3 + rng.below(8)) / 100),
        1 => {
            let at = rng.below(n.saturating_sub(20));
            for w in words.iter_mut().skip(at).take(12) {
                *w = format!("ditulis{}", rng.below(1000));
            }
        }
        _ => {
            let edits = n * (2 + rng.below(10)) / 100;
            let mut done = 0;
            while done < edits {
                let at = rng.below(n);
                let burst = 1 + rng.below(4);
                for w in words.iter_mut().skip(at).take(burst) {
                    *w = format!("kata{}", rng.below(100));
                }
                done += burst;
            }
        }
    }
    format!(
        "JUDUL BARU {}\n{}\nIkuti berita terkini kami di kanal WhatsApp.\n",
        rng.below(99_999),
        words.join(" ")
    )
}

#[test]
fn planted_copies_in_real_news_are_found() {
    let Some(shared) = shared("planted_copies_in_real_news_are_found") else {
        return;
    };
    let files: Vec<PathBuf> = [
        "scrapping_news_2025-06-18.csv",
        "scrapping_news_2025-06-19.csv",
    ]
    .iter()
    .map(|f| shared.join("corpora/idnews-gikirima").join(f))
    .collect();
    let corpus = load(&files, &idnews_options()).expect("readable");
    let mut articles: Vec<Article> = corpus
        .articles
        .into_iter()
        .filter(|a| a.text.split_whitespace().count() >= 150)
        .collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    // (original id, copy id) of every planted pair.
    let mut plants: Vec<(String, String)> = Vec::new();
    for (k, i) in (0..articles.len()).step_by(5).take(500).enumerate() {
        let copy = Article {
            id: format!("zz-planted-{k:04}"),
            source: Some("planted".into()),
            text: plant_copy(&articles[i].text, &mut rng, k),
            origin: Origin::default(),
            ..articles[i].clone()
        };
        plants.push((articles[i].id.clone(), copy.id.clone()));
        articles.push(copy);
    }
    articles.sort_by(|a, b| a.id.cmp(&b.id));
    let index: HashMap<String, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.clone(), i))
        .collect();
    let opts = DedupOptions::default();
    let cleaned = par_clean(&articles);
    let shingles = par_shingle_sets(&articles, &cleaned, opts.ngram);
    let planted: Vec<(usize, usize, f64)> = plants
        .iter()
        .map(|(o, c)| {
            let (o, c) = (index[o], index[c]);
            (o.min(c), o.max(c), jaccard(&shingles[o], &shingles[c]))
        })
        .collect();
    let result = par_dedup(&articles, &shingles, &opts).expect("runs");
    let mut found: BTreeSet<(usize, usize)> = BTreeSet::new();
    for c in &result.clusters {
        for p in &c.pairs {
            let (a, b) = (index[&p.a], index[&p.b]);
            found.insert((a.min(b), a.max(b)));
        }
    }
    let truth: Vec<(usize, usize)> = planted
        .iter()
        .filter(|p| p.2 >= opts.threshold)
        .map(|p| (p.0, p.1))
        .collect();
    let hits = truth.iter().filter(|p| found.contains(p)).count();
    let recall = hits as f64 / truth.len() as f64;
    // Precision over pairs that involve a planted copy: each must be its planted pair.
    let planted_set: BTreeSet<(usize, usize)> = truth.iter().copied().collect();
    let involving: Vec<&(usize, usize)> = found
        .iter()
        .filter(|(a, b)| articles[*a].id.starts_with("zz-") || articles[*b].id.starts_with("zz-"))
        .collect();
    let right = involving.iter().filter(|p| planted_set.contains(p)).count();
    let precision = right as f64 / involving.len().max(1) as f64;
    let below = planted.len() - truth.len();
    println!(
        "planted: {} pairs ({} at J>=0.8, {} below), found {hits}; recall {recall:.4}, precision {precision:.4}",
        planted.len(),
        truth.len(),
        below
    );
    assert!(truth.len() >= 200, "enough planted pairs at the threshold");
    assert!(recall >= 0.95, "recall {recall}");
    assert!(precision >= 0.95, "precision {precision}");
}

/// MRPC: sentence pairs from news about the same story, labelled paraphrase
/// or not. For pairs whose sentences both carry digits, how often does a
/// conflict go with "not a paraphrase"? Each pair is a story of two one-sentence
/// articles from two sources (`--group-by`).
#[test]
fn mrpc_conflicts_and_paraphrase_labels() {
    let Some(shared) = shared("mrpc_conflicts_and_paraphrase_labels") else {
        return;
    };
    let raw = std::fs::read_to_string(shared.join("corpora/mrpc/msr_paraphrase_train.txt"))
        .expect("mrpc");
    let mut lines = String::new();
    let mut label: HashMap<String, bool> = HashMap::new();
    for (i, row) in raw.lines().skip(1).enumerate() {
        let f: Vec<&str> = row.trim_end_matches('\r').split('\t').collect();
        if f.len() < 5
            || !f[3].chars().any(|c| c.is_ascii_digit())
            || !f[4].chars().any(|c| c.is_ascii_digit())
        {
            continue;
        }
        let story = format!("p{i:05}");
        label.insert(story.clone(), f[0].trim_start_matches('\u{feff}') == "1");
        for (side, text) in [("a", f[3]), ("b", f[4])] {
            let rec = serde_json::json!({"id": format!("{story}{side}"), "story": story, "source": side, "lang": "en", "text": text});
            lines.push_str(&format!("{rec}\n"));
        }
    }
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("mrpc.jsonl");
    std::fs::write(&input, lines).unwrap();
    let (code, out, err) = run(&[
        "report",
        input.to_str().unwrap(),
        "--group-by",
        "story",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let r: Value = serde_json::from_str(&out).unwrap();
    let mut disputed: BTreeSet<String> = BTreeSet::new();
    let mut aligned: BTreeSet<String> = BTreeSet::new();
    for a in r["alignments"].as_array().unwrap() {
        let story = a["story"].as_str().unwrap().to_string();
        if a["verdict"] != "consistent" {
            disputed.insert(story.clone());
        }
        aligned.insert(story);
    }
    let count = |para: bool, set: &BTreeSet<String>| {
        label
            .iter()
            .filter(|(s, p)| **p == para && set.contains(*s))
            .count()
    };
    let (para, non) = (
        label.values().filter(|p| **p).count(),
        label.values().filter(|p| !**p).count(),
    );
    let (cp, cn) = (count(true, &disputed), count(false, &disputed));
    let precision_non_para = cn as f64 / (cp + cn).max(1) as f64;
    println!(
        "mrpc: {} pairs with digits on both sides ({para} paraphrases, {non} not); aligned {}; a conflict in {} pairs: {cn} not paraphrases, {cp} paraphrases ({:.1}% of conflicts go with 'not a paraphrase'; base rate {:.1}%)",
        label.len(),
        aligned.len(),
        cp + cn,
        100.0 * precision_non_para,
        100.0 * non as f64 / label.len() as f64
    );
    assert!(label.len() > 1000);
    // A conflict must say more about "not a paraphrase" than chance does.
    assert!(
        precision_non_para > non as f64 / label.len() as f64,
        "conflicts do not predict non-paraphrase"
    );
}
