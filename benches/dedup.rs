//! Throughput of each near-duplicate stage on a seeded, generated corpus.
//!
//! The corpus is news-like text (Zipf-distributed pseudo-words, sentences,
//! paragraphs, a header and a footer line per article) with 20% planted
//! near-duplicates, written as JSON Lines to a temporary file so that the
//! ingest stage reads a real file. Every stage reports bytes of article text
//! per second (`Throughput::Bytes`), except banding and clustering, which
//! report articles (or candidate pairs) per second.
//!
//! `cargo bench --bench dedup`; `CROSSCHECK_BENCH_ARTICLES` sets the corpus
//! size (default 2,000 articles, about 6 MB). See `benches/README.md`.

use std::hint::black_box;
use std::io::Write;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};

use crosscheck::cluster::UnionFind;
use crosscheck::dedup::{par_dedup, par_shingle_sets, par_signatures, DedupOptions};
use crosscheck::ingest::{load, Article, InputOptions};
use crosscheck::lsh::par_candidates;
use crosscheck::minhash::{oph_signature_into, signature_into, NumPerm};
use crosscheck::normalize::{par_clean, tokens};
use crosscheck::shingle::shingle_set;

/// xorshift64*: a small seeded generator, so every run sees the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn vocabulary(rng: &mut Rng, n: usize) -> Vec<String> {
    const SYL: [&str; 24] = [
        "ba", "ke", "ri", "mo", "tu", "sa", "len", "dar", "pi", "no", "gra", "ve", "shi", "to",
        "ma", "lu", "pre", "ost", "an", "el", "cor", "di", "na", "um",
    ];
    (0..n)
        .map(|r| {
            let syl = 1 + usize::from(r >= 300) + usize::from(r >= 6000);
            (0..syl).map(|_| SYL[rng.below(SYL.len())]).collect()
        })
        .collect()
}

/// A word rank with a Zipf-like law: the square of a uniform draw leans low.
fn zipf(rng: &mut Rng, n: usize) -> usize {
    let u = (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
    ((u * u * u) * n as f64) as usize
}

/// `n` JSON Lines articles of about 3,000 characters; one in five is an edited copy.
fn corpus(n: usize) -> Vec<String> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let vocab = vocabulary(&mut rng, 20_000);
    let mut bodies: Vec<Vec<String>> = Vec::with_capacity(n);
    let mut lines = Vec::with_capacity(n);
    for i in 0..n {
        let words: Vec<String> = if i > 10 && rng.below(5) == 0 {
            let mut w = bodies[rng.below(bodies.len())].clone();
            for _ in 0..w.len() / 25 {
                let at = rng.below(w.len());
                w[at] = vocab[zipf(&mut rng, vocab.len())].clone();
            }
            w
        } else {
            (0..420)
                .map(|_| vocab[zipf(&mut rng, vocab.len())].clone())
                .collect()
        };
        let mut text = format!("CITY, Jun {} (Outlet {}) -\n\n", 1 + i % 28, i % 20);
        for (k, w) in words.iter().enumerate() {
            text.push_str(w);
            text.push(match k % 97 {
                96 => '\n',
                k if k % 13 == 12 => '.',
                _ => ' ',
            });
        }
        text.push_str(&format!("\n\nReporting by Desk {}.", i % 20));
        let rec = serde_json::json!({"id": format!("doc-{i:06}"), "source": format!("Outlet {}", i % 20), "text": text});
        lines.push(rec.to_string());
        bodies.push(words);
    }
    lines
}

fn configure<M: criterion::measurement::Measurement>(g: &mut BenchmarkGroup<'_, M>) {
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
}

fn stages(c: &mut Criterion) {
    let n: usize = std::env::var("CROSSCHECK_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000);
    let lines = corpus(n);
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("corpus.jsonl");
    let mut f = std::fs::File::create(&path).expect("temporary file");
    for l in &lines {
        writeln!(f, "{l}").expect("write");
    }
    drop(f);
    let file_bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let opts = InputOptions::default();
    let articles: Vec<Article> = load(std::slice::from_ref(&path), &opts)
        .expect("readable")
        .articles;
    let text_bytes: u64 = articles.iter().map(|a| a.text.len() as u64).sum();
    let cleaned = par_clean(&articles);
    let dopts = DedupOptions::default();
    let shingles = par_shingle_sets(&articles, &cleaned, dopts.ngram);
    let sigs = par_signatures(&shingles, dopts.num_perm);
    let p = dopts.num_perm.count();
    let views: Vec<Option<&[u64]>> = sigs.chunks_exact(p).map(Some).collect();
    let params = dopts.lsh_params();
    let candidates = par_candidates(&views, params, dopts.max_bucket);

    let mut g = c.benchmark_group("ingest");
    configure(&mut g);
    g.throughput(Throughput::Bytes(file_bytes));
    g.bench_function("jsonl", |b| {
        b.iter(|| load(std::slice::from_ref(&path), &opts).expect("readable"))
    });
    g.finish();

    let mut g = c.benchmark_group("clean");
    configure(&mut g);
    g.throughput(Throughput::Bytes(text_bytes));
    g.bench_function("boilerplate", |b| {
        b.iter(|| par_clean(black_box(&articles)))
    });
    g.finish();

    let mut g = c.benchmark_group("shingle");
    configure(&mut g);
    g.throughput(Throughput::Bytes(text_bytes));
    g.bench_function("tokens+5-gram sets", |b| {
        b.iter(|| par_shingle_sets(black_box(&articles), &cleaned, 5))
    });
    g.bench_function("tokens+5-gram sets, 1 thread", |b| {
        b.iter(|| {
            articles
                .iter()
                .zip(&cleaned)
                .map(|(a, c)| shingle_set(&tokens(&a.text, c), 5).len())
                .sum::<usize>()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("signatures");
    configure(&mut g);
    g.throughput(Throughput::Bytes(text_bytes));
    g.bench_function("oph 128, 1 thread", |b| {
        let mut out = Vec::with_capacity(p);
        b.iter(|| {
            for s in &shingles {
                out.clear();
                oph_signature_into(black_box(s), NumPerm::P128, &mut out);
            }
        })
    });
    g.bench_function("minhash-rs 128, 1 thread", |b| {
        let mut out = Vec::with_capacity(p);
        b.iter(|| {
            for s in &shingles {
                out.clear();
                signature_into(black_box(s), NumPerm::P128, &mut out);
            }
        })
    });
    g.bench_function("oph 128, all threads", |b| {
        b.iter(|| par_signatures(black_box(&shingles), NumPerm::P128))
    });
    g.finish();

    let mut g = c.benchmark_group("lsh");
    configure(&mut g);
    g.throughput(Throughput::Elements(articles.len() as u64));
    g.bench_function("16x6 band tables", |b| {
        b.iter(|| par_candidates(black_box(&views), params, dopts.max_bucket))
    });
    g.finish();

    let mut g = c.benchmark_group("cluster");
    configure(&mut g);
    g.throughput(Throughput::Elements(candidates.len() as u64));
    g.bench_function("union-find over candidates", |b| {
        b.iter(|| {
            let mut uf = UnionFind::new(articles.len());
            for &(i, j) in &candidates {
                uf.union(i as usize, j as usize);
            }
            uf.groups().len()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("dedup");
    configure(&mut g);
    g.throughput(Throughput::Bytes(text_bytes));
    g.bench_function("signatures+lsh+verify+cluster", |b| {
        b.iter(|| par_dedup(black_box(&articles), &shingles, &dopts).expect("runs"))
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
