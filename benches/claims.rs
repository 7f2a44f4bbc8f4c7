//! Throughput of `claims::extract` on generated news-like text.
//!
//! The input (~1 MB) is built from Indonesian and English sentence
//! templates with numbers varied by a fixed-seed generator, so runs are
//! comparable. Run: `cargo bench --bench claims`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crosscheck::claims::{extract, ExtractOptions, Lang, Lexicon};
use std::hint::black_box;

include!("support/corpus.rs");

fn bench(c: &mut Criterion) {
    let lex = Lexicon::builtin();
    let mut g = c.benchmark_group("claims");
    for (name, lang, templates, filler) in [
        ("id_1mb", Lang::Id, ID_TEMPLATES, ID_FILLER),
        ("en_1mb", Lang::En, EN_TEMPLATES, EN_FILLER),
    ] {
        let text = corpus(1 << 20, templates, filler);
        g.throughput(Throughput::Bytes(text.len() as u64));
        let opts = ExtractOptions {
            lang: Some(lang),
            published: None,
            lexicon: &lex,
        };
        g.bench_function(name, |b| {
            b.iter(|| extract("b", black_box(&text), &opts).len())
        });
    }
    g.sample_size(10);
    let opts = ExtractOptions {
        lang: None,
        published: None,
        lexicon: &lex,
    };
    let mixed = {
        let mut all = ID_TEMPLATES.to_vec();
        all.extend_from_slice(EN_TEMPLATES);
        let mut filler = ID_FILLER.to_vec();
        filler.extend_from_slice(EN_FILLER);
        corpus(1 << 20, &all, &filler)
    };
    g.throughput(Throughput::Bytes(mixed.len() as u64));
    g.bench_function("mixed_detect_1mb", |b| {
        b.iter(|| extract("b", black_box(&mixed), &opts).len())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
