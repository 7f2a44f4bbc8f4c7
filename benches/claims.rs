//! Throughput of `claims::extract` on generated news-like text.
//!
//! The input (~1 MB) is built from Indonesian and English sentence
//! templates with numbers varied by a fixed-seed generator, so runs are
//! comparable. Run: `cargo bench --bench claims`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crosscheck::claims::{extract, ExtractOptions, Lang, Lexicon};
use std::hint::black_box;

const ID_TEMPLATES: &[&str] = &[
    "Rusia mengerahkan puluhan ribu pasukannya di perbatasan Ukraina pada Kamis ({d}/1/2022).",
    "Menurut data BPBD, sedikitnya {n} orang tewas dan {m} orang luka-luka akibat banjir.",
    "Pemerintah menyiapkan anggaran Rp {n},{m} triliun untuk program bantuan tahun 2023.",
    "Pertemuan berlangsung lebih dari {m} jam dan berakhir pukul 15.{d} WIB di Jakarta.",
    "Harga beras naik {m},5 persen menjadi Rp{n}.000 per kilogram di pasar tradisional.",
    "Gempa bermagnitudo {m},{d} mengguncang wilayah itu, sekitar {n} kilometer dari pantai.",
    "Sebanyak {n}.{d}00 warga mengungsi ke {m} titik pengungsian yang disiapkan pemerintah daerah.",
    "Kepala dinas mengatakan bahwa pekerjaan akan selesai dalam waktu yang tidak terlalu lama.",
    "Ia menjelaskan, kebijakan itu dibuat untuk melindungi masyarakat dari dampak krisis ekonomi.",
];
const EN_TEMPLATES: &[&str] = &[
    "Russia has deployed at least {n},000 troops near the border, officials said on Monday.",
    "The fighting has killed more than {n},{d}00 people since 2014, according to the United Nations.",
    "The company reported revenue of $4.{m} billion, up {d}% from a year earlier.",
    "Talks lasted about {m} hours and ended at 09:{d} GMT without a breakthrough.",
    "The storm brought winds of {n} mph and dumped {m} inches of rain on the coast.",
    "Officials said the decision would be reviewed by the committee later this year.",
];

fn fill(t: &str, seed: &mut u64) -> String {
    let mut next = || {
        *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (*seed >> 33) as u32
    };
    t.replace("{n}", &(next() % 900 + 10).to_string())
        .replace("{m}", &(next() % 9 + 1).to_string())
        .replace("{d}", &(next() % 18 + 10).to_string())
}

/// About `size` bytes of mixed news-like text, paragraphs of 4 sentences.
fn corpus(size: usize, templates: &[&str]) -> String {
    let mut seed = 42u64;
    let mut s = String::with_capacity(size + 256);
    let mut i = 0usize;
    while s.len() < size {
        s.push_str(&fill(templates[i % templates.len()], &mut seed));
        s.push(if i % 4 == 3 { '\n' } else { ' ' });
        i += 1;
    }
    s
}

fn bench(c: &mut Criterion) {
    let lex = Lexicon::builtin();
    let mut g = c.benchmark_group("claims");
    for (name, lang, templates) in [("id_1mb", Lang::Id, ID_TEMPLATES), ("en_1mb", Lang::En, EN_TEMPLATES)] {
        let text = corpus(1 << 20, templates);
        g.throughput(Throughput::Bytes(text.len() as u64));
        let opts = ExtractOptions { lang: Some(lang), published: None, lexicon: &lex };
        g.bench_function(name, |b| b.iter(|| extract("b", black_box(&text), &opts).len()));
    }
    g.sample_size(10);
    let opts = ExtractOptions { lang: None, published: None, lexicon: &lex };
    let mixed = {
        let mut all = ID_TEMPLATES.to_vec();
        all.extend_from_slice(EN_TEMPLATES);
        corpus(1 << 20, &all)
    };
    g.throughput(Throughput::Bytes(mixed.len() as u64));
    g.bench_function("mixed_detect_1mb", |b| b.iter(|| extract("b", black_box(&mixed), &opts).len()));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
