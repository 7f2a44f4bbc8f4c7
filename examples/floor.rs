//! The hashing floor: read a JSON Lines file, tokenise every text (runs of
//! ASCII letters and digits, lower-cased; other bytes separate) and hash
//! every word 5-gram once with xxh3, on all threads. Nothing else: no
//! cleaning, no sets, no signatures. `scripts/bench-peers.sh` runs it beside
//! `crosscheck dedup` to show how far above the floor the whole job is.
//!
//! `cargo run --release --example floor -- FILE.jsonl`

use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_64;

#[derive(serde::Deserialize)]
struct Record {
    text: String,
}

fn shingles(text: &str) -> (u64, u64) {
    let mut words: Vec<u64> = Vec::with_capacity(text.len() / 5);
    let mut buf = [0u8; 64];
    for w in text
        .as_bytes()
        .split(|b| !b.is_ascii_alphanumeric() && *b < 0x80)
        .filter(|w| !w.is_empty())
    {
        let n = w.len().min(64);
        for (d, s) in buf.iter_mut().zip(&w[..n]) {
            *d = s.to_ascii_lowercase();
        }
        words.push(xxh3_64(&buf[..n]));
    }
    let mut acc = 0u64;
    let mut count = 0u64;
    let mut gram = [0u8; 40];
    for win in words.windows(5) {
        for (k, h) in win.iter().enumerate() {
            gram[k * 8..k * 8 + 8].copy_from_slice(&h.to_le_bytes());
        }
        acc ^= xxh3_64(&gram);
        count += 1;
    }
    (acc, count)
}

fn main() {
    let Some(path) = std::env::args().skip(1).find(|a| !a.starts_with("--")) else {
        eprintln!("usage: floor FILE.jsonl");
        std::process::exit(2);
    };
    let t = std::time::Instant::now();
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("error: {path}: {e}");
        std::process::exit(2)
    });
    let lines: Vec<&[u8]> = bytes
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    let (acc, count) = lines
        .par_iter()
        .map(|l| match serde_json::from_slice::<Record>(l) {
            Ok(r) => shingles(&r.text),
            Err(_) => (0, 0),
        })
        .reduce(|| (0, 0), |a, b| (a.0 ^ b.0, a.1 + b.1));
    eprintln!(
        "floor: {} records, {count} 5-grams hashed (xor {acc:016x}) in {:.3} s",
        lines.len(),
        t.elapsed().as_secs_f64()
    );
}
