//! The streaming path (`--stream always`) gives the in-memory path's results
//! byte for byte: clusters in every format, the deduplicated corpus, the
//! pairs, the diagnostics and the exit status.

use std::io::Write;
use std::path::{Path, PathBuf};

use crosscheck::ingest::{load, InputOptions};

use crate::util::{bin, corpus};

/// Runs dedup with `--stream MODE` and returns everything it produced.
fn outputs(mode: &str, inputs: &[&Path], extra: &[&str], dir: &Path) -> Vec<String> {
    let unique = dir.join(format!("unique-{mode}.jsonl"));
    let pairs = dir.join(format!("pairs-{mode}.txt"));
    let mut cmd = bin();
    cmd.arg("dedup").args(inputs).args(extra).args([
        "--stream",
        mode,
        "--emit-unique",
        unique.to_str().expect("utf-8 path"),
        "--pairs-out",
        pairs.to_str().expect("utf-8 path"),
    ]);
    let out = cmd.output().expect("binary runs");
    vec![
        format!("exit {:?}", out.status.code()),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        std::fs::read_to_string(&unique).unwrap_or_default(),
        std::fs::read_to_string(&pairs).unwrap_or_default(),
    ]
}

fn assert_same(inputs: &[&Path], dir: &Path) {
    for extra in [
        &["--format", "json"][..],
        &["--format", "text"],
        &["--format", "jsonl", "--keep", "longest"],
        &["--format", "json", "--keep", "first", "--threshold", "0.5"],
        &["--format", "json", "--max-bucket", "2", "-j", "1"],
    ] {
        let memory = outputs("never", inputs, extra, dir);
        let stream = outputs("always", inputs, extra, dir);
        assert_eq!(memory, stream, "{extra:?}");
    }
}

#[test]
fn fixture_corpus_as_json_lines() {
    let corpus = load(&[corpus()], &InputOptions::default()).expect("fixtures read");
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("fixtures.jsonl");
    let mut f = std::fs::File::create(&path).expect("create");
    let mut lines: Vec<String> = corpus
        .articles
        .iter()
        .map(|a| serde_json::to_string(a).expect("serialises"))
        .collect();
    // Input order must not matter; the repeats and bad lines must be reported alike.
    lines.reverse();
    let first = lines[0].clone();
    lines.insert(3, first.clone());
    lines.insert(5, first.replacen("\"text\":\"", "\"text\":\"Changed. ", 1));
    lines.insert(7, "{not json".to_string());
    lines.insert(8, String::new());
    lines.insert(9, "[1, 2]".to_string());
    for l in &lines {
        writeln!(f, "{l}").expect("write");
    }
    drop(f);
    let memory = outputs("never", &[&path], &["--format", "json"], dir.path());
    assert!(memory[0].contains("Some(2)"), "{}", memory[2]);
    assert!(memory[1].contains("\"clusters\""));
    assert_same(&[&path], dir.path());
}

/// xorshift64*: a seeded generator for the test corpus.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n as u64) as usize
    }
}

#[test]
fn generated_corpus_in_two_files() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let words: Vec<String> = (0..3000).map(|i| format!("w{i:x}q")).collect();
    let mut bodies: Vec<Vec<usize>> = Vec::new();
    let dir = tempfile::tempdir().expect("temporary folder");
    let paths: Vec<PathBuf> = ["a.jsonl", "b.ndjson"]
        .iter()
        .map(|n| dir.path().join(n))
        .collect();
    let mut files: Vec<std::fs::File> = paths
        .iter()
        .map(|p| std::fs::File::create(p).expect("create"))
        .collect();
    for i in 0..600 {
        let body: Vec<usize> = if i > 5 && rng.below(3) == 0 {
            // A near-copy: a few words replaced, sometimes many.
            let mut b = bodies[rng.below(bodies.len())].clone();
            let edits = [3, 10, 40][rng.below(3)];
            for _ in 0..edits {
                let at = rng.below(b.len());
                b[at] = rng.below(words.len());
            }
            b
        } else {
            (0..150 + rng.below(200))
                .map(|_| {
                    let top = rng.below(words.len()) + 1;
                    rng.below(top)
                })
                .collect()
        };
        let mut text = format!("CITY {} -\n", i % 7);
        for (k, &w) in body.iter().enumerate() {
            text.push_str(&words[w]);
            text.push(if k % 60 == 59 { '\n' } else { ' ' });
        }
        text.push_str(&format!("\nFooter of outlet {}", i % 4));
        let rec = serde_json::json!({
            "id": format!("g-{:04}", (i * 7919) % 1000),
            "source": format!("outlet {}", i % 4),
            "published": format!("2025-06-{:02}", 1 + i % 28),
            "text": text,
        });
        writeln!(files[i % 2], "{rec}").expect("write");
        bodies.push(body);
    }
    drop(files);
    let memory = outputs(
        "never",
        &[&paths[0], &paths[1]],
        &["--format", "json"],
        dir.path(),
    );
    assert!(memory[4].lines().count() > 20, "pairs: {}", memory[4]);
    assert_same(&[&paths[1], &paths[0]], dir.path());
}
