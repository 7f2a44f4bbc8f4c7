//! Times `extract` on a 50 MB single-line input (repeated words and
//! numbers, no newline): `cargo run --release --example claims_50mb`.

use crosscheck::claims::{extract, ExtractOptions, Lang, Lexicon};
use std::time::Instant;

fn main() {
    let words = [
        "warga",
        "100.000",
        "tentara",
        "lebih",
        "dari",
        "1,5",
        "juta",
        "Rp",
        "5",
        "jam",
        "the",
        "3",
        "people",
        "-",
        "(12/1)",
        "puluhan",
        "ribu",
        "2014",
        "pukul",
        "09.00",
        "WIB",
        "menewaskan",
        "orang",
        "sekitar",
        "persen",
        "di",
        "yang",
        "dan",
        "akan",
        "pemerintah",
    ];
    let size = 50 * 1024 * 1024;
    let mut s = String::with_capacity(size + 16);
    let mut i = 0usize;
    while s.len() < size {
        s.push_str(words[i % words.len()]);
        s.push(' ');
        i = i.wrapping_mul(31).wrapping_add(7) % 1_000_003;
    }
    let lex = Lexicon::builtin();
    let opts = ExtractOptions {
        lang: Some(Lang::Id),
        published: None,
        lexicon: &lex,
    };
    let t = Instant::now();
    let n = extract("big", &s, &opts).len();
    let el = t.elapsed();
    println!(
        "{} bytes, {n} claims in {el:?}: {:.1} MB/s",
        s.len(),
        s.len() as f64 / el.as_secs_f64() / 1e6
    );
}
