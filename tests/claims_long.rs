//! Long inputs: a 5 MB single line (no newline, no sentence end) must be
//! processed in linear time; the 50 MB case runs as
//! `cargo run --release --example claims_50mb`.

use crosscheck::claims::{extract, ExtractOptions, Lang, Lexicon};
use std::time::Instant;

fn line(size: usize) -> String {
    let words = [
        "warga", "100.000", "tentara", "lebih", "dari", "1,5", "juta", "Rp", "5", "jam", "the",
        "3", "people", "-", "(12/1)", "puluhan", "ribu", "2014", "\"", "pounds", "in", "45", "%",
        "km",
    ];
    let mut s = String::with_capacity(size + 16);
    let mut i = 0usize;
    while s.len() < size {
        s.push_str(words[i % words.len()]);
        s.push(' ');
        i = i.wrapping_mul(31).wrapping_add(7) % 1_000_003;
    }
    s
}

#[test]
fn five_megabyte_single_line_is_linear() {
    let lex = Lexicon::builtin();
    let opts = ExtractOptions {
        lang: Some(Lang::Id),
        published: None,
        lexicon: &lex,
    };
    let small = line(500_000);
    let big = line(5_000_000);
    let t0 = Instant::now();
    let a = extract("s", &small, &opts).len();
    let t_small = t0.elapsed();
    let t1 = Instant::now();
    let b = extract("b", &big, &opts).len();
    let t_big = t1.elapsed();
    println!("0.5 MB: {a} claims in {t_small:?}; 5 MB: {b} claims in {t_big:?}");
    assert!(b > a && a > 0);
    // ten times the input may not take much more than ten times as long
    assert!(
        t_big.as_secs_f64() < 25.0 * t_small.as_secs_f64().max(0.01),
        "not linear"
    );
}
