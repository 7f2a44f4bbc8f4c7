//! Every comparable claim pair of two articles with its context score, the
//! reasons a pair is vetoed, and what the report's matching does with it:
//! a tool for tuning alignment.
//!
//! `cargo run --example explain_pair -- FOLDER_OR_FILE ID_A ID_B`

use crosscheck::align::{comparable, contexts, score, share_anchor};
use crosscheck::claims::{detect_lang, Lexicon};
use crosscheck::ingest::{load, InputOptions};
use crosscheck::normalize::par_clean;
use crosscheck::report::par_claims;
use crosscheck::stories::par_vectors_idf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path, ida, idb] = args.as_slice() else {
        eprintln!("usage: explain_pair PATH ID_A ID_B");
        std::process::exit(2);
    };
    let corpus = load(&[path.into()], &InputOptions::default()).expect("load");
    let articles = &corpus.articles;
    let cleaned = par_clean(articles);
    let langs: Vec<_> = articles.iter().map(|a| detect_lang(&a.text)).collect();
    let lexicon = Lexicon::builtin();
    let claims = par_claims(articles, &cleaned, &langs, &lexicon);
    let (_, idf) = par_vectors_idf(articles, &cleaned);
    let find = |id: &str| articles.iter().position(|a| a.id == id).expect("id");
    let (i, j) = (find(ida), find(idb));
    let ctx = |k: usize| {
        contexts(
            &articles[k].text,
            &claims[k],
            articles[k].published.map(|p| p.date),
            &idf,
        )
    };
    let (ci, cj) = (ctx(i), ctx(j));
    for (a, xa) in claims[i].iter().zip(&ci) {
        for (b, xb) in claims[j].iter().zip(&cj) {
            if !comparable(a, b) {
                continue;
            }
            let s = score(a, xa, b, xb);
            println!(
                "{:>5.3} {:?} vs {:?}  [{}|{}] names={:?}/{:?} anchor={}{:?}{:?} past={}/{} dpast={}/{} dates={:?}/{:?}\n      local a={:?}\n      local b={:?}\n      ev={:?}",
                s.as_ref().map_or(-1.0, |s| s.score),
                a.text,
                b.text,
                a.concept.as_deref().unwrap_or("-"),
                b.concept.as_deref().unwrap_or("-"),
                xa.near_name,
                xb.near_name,
                share_anchor(xa, xb),
                xa.anchors,
                xb.anchors,
                xa.past,
                xb.past,
                xa.dated_past,
                xb.dated_past,
                xa.dates,
                xb.dates,
                xa.local,
                xb.local,
                s.map(|s| s.evidence).unwrap_or_default(),
            );
        }
    }
}
