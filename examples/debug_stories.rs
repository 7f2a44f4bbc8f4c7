use crosscheck::ingest::{load, InputOptions};
use crosscheck::normalize::par_clean;
use crosscheck::stories::par_vectors;
fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let c = load(&paths, &InputOptions::default()).unwrap();
    let cl = par_clean(&c.articles);
    let v = par_vectors(&c.articles, &cl);
    let n = c.articles.len();
    for i in 0..n {
        for j in i + 1..n {
            let s = v[i].cosine(&v[j]);
            if s > 0.15 || n < 10 {
                println!(
                    "{:.3} {} {} {:?} {:?}",
                    s,
                    c.articles[i].id,
                    c.articles[j].id,
                    c.articles[i].published.map(|p| p.to_string()),
                    c.articles[j].published.map(|p| p.to_string())
                );
            }
        }
    }
}
