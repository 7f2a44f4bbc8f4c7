//! Prints the claims of a text file, one line each:
//! `cargo run --example claims_dump -- FILE [id|en] [YYYY-MM-DD]`.

use crosscheck::claims::{extract, ExtractOptions, Lang, Lexicon};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: claims_dump FILE [id|en] [YYYY-MM-DD]");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let lang = args.get(2).and_then(|l| l.parse::<Lang>().ok());
    let published = args
        .get(3)
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let lex = Lexicon::builtin();
    let opts = ExtractOptions {
        lang,
        published,
        lexicon: &lex,
    };
    for c in extract(path, &text, &opts) {
        println!(
            "{:<9} {:<40} [{:?}, {:?}] q={:?} u={:?} c={:?} n={:?} d={:?}",
            format!("{:?}", c.kind),
            format!("{:?}", c.text),
            c.low,
            c.high,
            c.qualifier,
            c.unit,
            c.concept,
            c.noun_base,
            c.date
        );
    }
}
