use crosscheck::align::{comparable, contexts, score};
use crosscheck::claims::{Lang, Lexicon};
use crosscheck::ingest::{load, InputOptions};
use crosscheck::normalize::par_clean;
use crosscheck::report::par_claims;
use crosscheck::stories::par_vectors_idf;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let c = load(&[args[1].clone().into()], &InputOptions::default()).unwrap();
    let arts = &c.articles;
    let cl = par_clean(arts);
    let langs: Vec<Lang> = arts
        .iter()
        .map(|a| {
            a.lang
                .as_deref()
                .and_then(|l| l.parse().ok())
                .unwrap_or(Lang::Id)
        })
        .collect();
    let lex = Lexicon::builtin();
    let claims = par_claims(arts, &cl, &langs, &lex);
    let (_, idf) = par_vectors_idf(arts, &cl);
    let ia = arts.iter().position(|a| a.id == args[2]).unwrap();
    let ib = arts.iter().position(|a| a.id == args[3]).unwrap();
    let filt = args.get(4).cloned().unwrap_or_default();
    let ca = contexts(
        &arts[ia].text,
        &claims[ia],
        arts[ia].published.map(|p| p.date),
        &idf,
    );
    let cb = contexts(
        &arts[ib].text,
        &claims[ib],
        arts[ib].published.map(|p| p.date),
        &idf,
    );
    for (x, (a, xa)) in claims[ia].iter().zip(&ca).enumerate() {
        if !a.text.contains(&filt) && !filt.is_empty() {
            continue;
        }
        println!(
            "A{x} {:?} {:?} {} past={} dp={} local={:?} dates={:?} {:?}",
            a.kind,
            a.concept,
            a.text,
            xa.past,
            xa.dated_past,
            xa.local,
            xa.dates,
            (a.low, a.high, a.qualifier.clone())
        );
        for (y, (b, xb)) in claims[ib].iter().zip(&cb).enumerate() {
            if comparable(a, b) {
                println!(
                    "   B{y} {:?} {} past={} dp={} local={:?} {:?} -> {:?}",
                    b.concept,
                    b.text,
                    xb.past,
                    xb.dated_past,
                    xb.local,
                    (b.low, b.high),
                    score(a, xa, b, xb)
                );
            }
        }
    }
}
