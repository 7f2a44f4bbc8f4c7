//! Smoke test over the shared Indonesian news corpora: `extract` must not
//! panic on real articles and headlines; prints mentions per kind.

use crosscheck::claims::{extract, ExtractOptions, Lexicon};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn csv_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    v.sort();
    v
}

/// Runs `extract` over column `cols` (first present) of every row.
fn run_file(
    lex: &Lexicon,
    path: &Path,
    cols: &[&str],
    counts: &mut BTreeMap<String, usize>,
) -> (usize, usize) {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let headers = rdr.headers().cloned().unwrap_or_default();
    let idx = headers
        .iter()
        .position(|h| cols.contains(&h.trim_start_matches('\u{feff}').trim()))
        .unwrap_or_else(|| panic!("{}: none of {cols:?} in {headers:?}", path.display()));
    let opts = ExtractOptions {
        lang: None,
        published: None,
        lexicon: lex,
    };
    let (mut docs, mut bytes) = (0, 0);
    for (n, rec) in rdr.records().enumerate() {
        let Ok(rec) = rec else { continue };
        let Some(body) = rec.get(idx) else { continue };
        docs += 1;
        bytes += body.len();
        for c in extract(&format!("{}#{n}", path.display()), body, &opts) {
            assert!(
                body.is_char_boundary(c.span[0])
                    && body.is_char_boundary(c.span[1])
                    && c.span[1] <= body.len()
            );
            *counts.entry(format!("{:?}", c.kind)).or_default() += 1;
        }
    }
    (docs, bytes)
}

#[test]
fn news_corpora_smoke() {
    let Some(root) = std::env::var_os("CROSSCHECK_SHARED").map(PathBuf::from) else {
        println!("skipped: CROSSCHECK_SHARED not set");
        return;
    };
    let lex = Lexicon::builtin();
    let base = root.join("corpora/idnews-gikirima");
    let mut files = csv_files(&base);
    files.extend(csv_files(&base.join("batch_2025-06-09_10")));
    assert!(
        files.len() >= 10,
        "idnews corpus incomplete under {}",
        base.display()
    );
    let mut counts = BTreeMap::new();
    let (mut docs, mut bytes) = (0, 0);
    let t0 = std::time::Instant::now();
    for f in &files {
        let (d, b) = run_file(&lex, f, &["isi_berita", "content", "Isi"], &mut counts);
        docs += d;
        bytes += b;
    }
    println!(
        "idnews: {docs} articles, {bytes} bytes, {:?}: {counts:?}",
        t0.elapsed()
    );
    assert!(docs > 1000 && counts.values().sum::<usize>() > 1000);

    let nar = csv_files(&root.join("corpora/narasipal"));
    assert!(!nar.is_empty(), "narasipal corpus missing");
    let mut counts = BTreeMap::new();
    let mut docs = 0;
    for f in &nar {
        docs += run_file(&lex, f, &["article_title"], &mut counts).0;
    }
    println!("narasipal headlines: {docs}: {counts:?}");
    assert!(docs > 1000);
}
