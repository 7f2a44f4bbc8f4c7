//! A fast stand-in for `../shared/bench/gen_corpus.py` for corpora of a
//! million articles (the Python generator needs about an hour for that on
//! these machines). Same model, written anew in Rust with its own seeded
//! generator, so the corpora are alike but not byte-identical: 50,000
//! pseudo-words of 1-3 syllables with Zipf(1.05) ranks, sentences of 8-28
//! words with commas and numeric claims, paragraphs of four sentences, a
//! header and a footer line per article; a share `--dup-frac` (0.2) of the
//! articles are copies of one of the 50,000 most recent originals with a new
//! header and footer and 5-15% of the body words edited in bursts of 1-12
//! (substitution, insertion or deletion).
//!
//! Writes `OUT.jsonl` (`{"id", "source", "text"}`) and `OUT.truth.jsonl`
//! (`{"a", "b", "jaccard", "edit_frac"}`, Jaccard of lower-cased whitespace
//! word 5-grams), the formats `eval_pairs.py` reads.
//!
//! `cargo run --release --example gen_corpus -- N OUT [--seed 42] [--dup-frac 0.2]`

use std::collections::{HashMap, HashSet};
use std::io::{BufWriter, Write};

const VOCAB: usize = 50_000;
const WINDOW: usize = 50_000;
const ONSETS: [&str; 39] = [
    "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br",
    "ch", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "pl", "pr", "sh", "sk", "sl", "sp", "st",
    "str", "th", "tr", "wh", "",
];
const VOWELS: [&str; 12] = [
    "a", "e", "i", "o", "u", "ai", "ea", "ee", "io", "ou", "oa", "y",
];
const CODAS: [&str; 16] = [
    "", "", "", "n", "r", "s", "t", "l", "m", "nd", "nt", "st", "ck", "ng", "rd", "sh",
];
const CITIES: [&str; 16] = [
    "LONDON",
    "NEW YORK",
    "PARIS",
    "TOKYO",
    "BERLIN",
    "NAIROBI",
    "SYDNEY",
    "TORONTO",
    "MUMBAI",
    "SAO PAULO",
    "CAIRO",
    "MADRID",
    "SEOUL",
    "MEXICO CITY",
    "LAGOS",
    "ROME",
];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const SOURCES: [&str; 20] = [
    "Reuters-like Wire",
    "Daily Ledger",
    "Metro Courier",
    "Evening Sentinel",
    "Global Dispatch",
    "Harbor Times",
    "Valley Herald",
    "Capital Post",
    "Northern Gazette",
    "Coastal Tribune",
    "The Bulletin",
    "Morning Star",
    "Pacific Chronicle",
    "Union Register",
    "City Observer",
    "National Monitor",
    "Plains Journal",
    "River Examiner",
    "Summit Review",
    "Press Agency X",
];

/// splitmix64 as a stream.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo) as u64) as i64
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.range(0, xs.len() as i64) as usize]
    }
    fn normal(&mut self) -> f64 {
        let (u, v) = (self.unit().max(1e-300), self.unit());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}

struct Gen {
    rng: Rng,
    vocab: Vec<String>,
    cdf: Vec<f64>,
}

impl Gen {
    fn new(seed: u64) -> Self {
        let mut rng = Rng(seed);
        let mut vocab = Vec::with_capacity(VOCAB);
        let mut seen = HashSet::new();
        while vocab.len() < VOCAB {
            let r = vocab.len();
            let syl = if r < 1000 {
                1
            } else if r < 20_000 {
                2
            } else {
                3
            };
            let w: String = (0..syl)
                .map(|_| {
                    format!(
                        "{}{}{}",
                        rng.pick(&ONSETS),
                        rng.pick(&VOWELS),
                        rng.pick(&CODAS)
                    )
                })
                .collect();
            if seen.insert(w.clone()) {
                vocab.push(w);
            }
        }
        let mut cdf = Vec::with_capacity(VOCAB);
        let mut total = 0.0;
        for k in 1..=VOCAB {
            total += 1.0 / (k as f64).powf(1.05);
            cdf.push(total);
        }
        for c in &mut cdf {
            *c /= total;
        }
        Gen { rng, vocab, cdf }
    }

    fn word(&mut self) -> String {
        let u = self.rng.unit();
        let k = self.cdf.partition_point(|&c| c < u).min(VOCAB - 1);
        self.vocab[k].clone()
    }

    fn number(&mut self) -> String {
        let r = self.rng.unit();
        let g = &mut self.rng;
        if r < 0.35 {
            format!("{}.{} percent", g.range(1, 100), g.range(0, 10))
        } else if r < 0.65 {
            let unit = ["million", "billion"][g.range(0, 2) as usize];
            format!("${}.{} {unit}", g.range(1, 999), g.range(0, 10))
        } else if r < 0.85 {
            let n = g.range(2, 50_000);
            if n >= 1000 {
                format!("{},{:03}", n / 1000, n % 1000)
            } else {
                n.to_string()
            }
        } else {
            g.range(1990, 2026).to_string()
        }
    }

    fn body(&mut self, nwords: usize) -> Vec<Vec<String>> {
        let mut paras = Vec::new();
        let mut para = Vec::new();
        let (mut pos, mut s) = (0, 0);
        while pos < nwords {
            let len = (self.rng.range(8, 29) as usize).min(nwords - pos).max(1);
            pos += len;
            s += 1;
            let mut sent: Vec<String> = (0..len).map(|_| self.word()).collect();
            let mut first = sent[0].chars();
            if let Some(c) = first.next() {
                sent[0] = c.to_uppercase().chain(first).collect();
            }
            for (k, w) in sent.iter_mut().enumerate() {
                let u = self.rng.unit();
                if u > 0.94 && k < len - 1 {
                    w.push(',');
                } else if u < 0.02 {
                    *w = format!("{} {w}", self.number());
                }
            }
            if let Some(last) = sent.last_mut() {
                last.push('.');
            }
            para.extend(sent);
            if s % 4 == 0 {
                paras.push(std::mem::take(&mut para));
            }
        }
        if !para.is_empty() {
            paras.push(para);
        }
        paras
    }

    fn header(&mut self, source: &str) -> String {
        let city = self.rng.pick(&CITIES);
        let month = self.rng.pick(&MONTHS);
        format!("{city}, {month} {} ({source}) -", self.rng.range(1, 29))
    }

    fn footer(&mut self, source: &str) -> String {
        let cap = |w: String| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        };
        let (a, b) = (cap(self.word()), cap(self.word()));
        format!("Reporting by {a} {b}; editing for {source}. Copyright {source}.")
    }

    fn edit(&mut self, paras: &[Vec<String>]) -> (Vec<Vec<String>>, f64) {
        let mut flat: Vec<String> = paras.iter().flatten().cloned().collect();
        let lens: Vec<usize> = paras.iter().map(Vec::len).collect();
        let frac = 0.05 + 0.10 * self.rng.unit();
        let mut budget = (frac * flat.len() as f64).round() as usize;
        while budget > 0 {
            let k = (self.rng.range(1, 13) as usize).min(budget);
            budget -= k;
            let at = self
                .rng
                .range(0, flat.len().saturating_sub(k).max(1) as i64) as usize;
            let new: Vec<String> = (0..k).map(|_| self.word()).collect();
            match self.rng.range(0, 3) {
                0 => {
                    let end = (at + k).min(flat.len());
                    flat.splice(at..end, new);
                }
                1 => {
                    flat.splice(at..at, new);
                }
                _ => {
                    let end = (at + k).min(flat.len());
                    flat.drain(at..end);
                }
            }
        }
        let mut out: Vec<Vec<String>> = Vec::new();
        let mut i = 0;
        for l in lens {
            if i >= flat.len() {
                break;
            }
            let end = (i + l).min(flat.len());
            out.push(flat[i..end].to_vec());
            i = end;
        }
        if i < flat.len() {
            if let Some(last) = out.last_mut() {
                last.extend_from_slice(&flat[i..]);
            }
        }
        (out, frac)
    }
}

fn render(header: &str, paras: &[Vec<String>], footer: &str) -> String {
    let body: Vec<String> = paras.iter().map(|p| p.join(" ")).collect();
    format!("{header}\n\n{}\n\n{footer}", body.join("\n\n"))
}

fn shingles(text: &str) -> HashSet<String> {
    let t: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    t.windows(5).map(|w| w.join(" ")).collect()
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
    };
    let pos: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| !a.starts_with("--") && (*i == 0 || !args[i - 1].starts_with("--")))
        .map(|(_, a)| a)
        .collect();
    let (Some(n), Some(out)) = (
        pos.first().and_then(|n| n.parse::<usize>().ok()),
        pos.get(1),
    ) else {
        eprintln!("usage: gen_corpus N OUT_PREFIX [--seed 42] [--dup-frac 0.2]");
        std::process::exit(2);
    };
    let seed: u64 = flag("--seed").and_then(|s| s.parse().ok()).unwrap_or(42);
    let dup_frac: f64 = flag("--dup-frac")
        .and_then(|s| s.parse().ok())
        .unwrap_or(0.2);
    let t0 = std::time::Instant::now();
    let mut g = Gen::new(seed);
    let mut docs = BufWriter::new(std::fs::File::create(format!("{out}.jsonl"))?);
    let mut truth = BufWriter::new(std::fs::File::create(format!("{out}.truth.jsonl"))?);
    let mut originals: Vec<usize> = Vec::new();
    let mut kept: HashMap<usize, (Vec<Vec<String>>, String)> = HashMap::new();
    let mut bytes = 0usize;
    for i in 0..n {
        let src = g.rng.pick(&SOURCES);
        let text = if !originals.is_empty() && g.rng.unit() < dup_frac {
            let lo = originals.len().saturating_sub(WINDOW);
            let j = originals[g.rng.range(lo as i64, originals.len() as i64) as usize];
            let (base, jt) = kept[&j].clone();
            let (paras, frac) = g.edit(&base);
            let (h, f) = (g.header(src), g.footer(src));
            let text = render(&h, &paras, &f);
            let (sa, sb) = (shingles(&jt), shingles(&text));
            let inter = sa.intersection(&sb).count();
            let jac = inter as f64 / (sa.len() + sb.len() - inter).max(1) as f64;
            writeln!(
                truth,
                "{}",
                serde_json::json!({"a": j, "b": i, "jaccard": (jac * 1e4).round() / 1e4,
                                   "edit_frac": (frac * 1e4).round() / 1e4})
            )?;
            text
        } else {
            let nw = (400.0 + 60.0 * g.rng.normal()).max(100.0) as usize;
            let paras = g.body(nw);
            let (h, f) = (g.header(src), g.footer(src));
            let text = render(&h, &paras, &f);
            originals.push(i);
            kept.insert(i, (paras, text.clone()));
            if originals.len() > WINDOW {
                kept.remove(&originals[originals.len() - WINDOW - 1]);
            }
            text
        };
        bytes += text.len();
        let rec = serde_json::json!({"id": format!("doc-{i:07}"), "source": src, "text": text});
        writeln!(docs, "{rec}")?;
    }
    docs.flush()?;
    truth.flush()?;
    eprintln!(
        "wrote {n} docs, {:.1} MB of text ({} chars/doc) in {:.1}s",
        bytes as f64 / 1e6,
        bytes / n.max(1),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}
