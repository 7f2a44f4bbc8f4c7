//! Throughput on the bench corpus, for measuring CPU time on a busy
//! machine: `perf stat -e task-clock cargo run --release --example
//! claims_throughput` (bytes / task-clock = MB/s per core).

use crosscheck::claims::{extract, ExtractOptions, Lang, Lexicon};
use std::time::Instant;

include!("../benches/support/corpus.rs");

fn main() {
    let lex = Lexicon::builtin();
    let text = corpus(1 << 20, ID_TEMPLATES, ID_FILLER);
    let en = corpus(1 << 20, EN_TEMPLATES, EN_FILLER);
    let rounds = 20;
    let t = Instant::now();
    let mut claims = 0;
    for _ in 0..rounds {
        for (lang, s) in [(Lang::Id, &text), (Lang::En, &en)] {
            let opts = ExtractOptions {
                lang: Some(lang),
                published: None,
                lexicon: &lex,
            };
            claims += extract("t", s, &opts).len();
        }
    }
    let el = t.elapsed();
    let bytes = rounds * (text.len() + en.len());
    println!(
        "{bytes} bytes, {claims} claims, wall {el:?}: {:.1} MB/s (wall clock)",
        bytes as f64 / el.as_secs_f64() / 1e6
    );
}
