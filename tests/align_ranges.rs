//! A figure stating a range (`ribuan siswa`) agrees with a point figure of the other article without
//! taking it: the point figure can still meet that article's own statement of the value.

mod common;

use std::path::PathBuf;

use crosscheck::claims::Lexicon;
use crosscheck::ingest::{load, InputOptions};
use crosscheck::reconcile::align::AlignOptions;
use crosscheck::report::{build, ReportOptions};

/// The aligned pairs (claim texts, verdict) of the two reports, at every confidence.
fn aligned_pairs(dir: &std::path::Path) -> Vec<(String, String, String)> {
    let corpus = load(&[PathBuf::from(dir)], &InputOptions::default()).unwrap();
    let opts = ReportOptions {
        align: AlignOptions {
            min_alignment: 0.0,
            min_confidence: 0.0,
            ..AlignOptions::default()
        },
        ..ReportOptions::default()
    };
    let report = build(&corpus.articles, Vec::new(), &opts, &Lexicon::builtin()).unwrap();
    let text = |id: &str| report.claim(id).map(|c| c.text.clone()).unwrap_or_default();
    let mut out: Vec<(String, String, String)> = report
        .alignments
        .iter()
        .map(|a| {
            let (x, y) = (text(&a.a), text(&a.b));
            let (x, y) = if x <= y { (x, y) } else { (y, x) };
            (x, y, format!("{:?}", a.verdict))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_range_takes_no_figure_from_the_other_article() {
    let dir = tempfile::tempdir().unwrap();
    common::write_article(
        dir.path(),
        "a",
        "Kabar Satu",
        "2025-06-18T10:00+07:00",
        "Menu Makan Bergizi Gratis Dibagikan Mentah di Ciputat",
        "Sebanyak 4.705 siswa dari 18 sekolah menerima distribusi makan gratis dari dapur SPPG \
         Ciputat Timur dalam bentuk bahan mentah menjelang libur sekolah.",
    );
    common::write_article(
        dir.path(),
        "b",
        "Berita Dua",
        "2025-06-18T10:00+07:00",
        "BGN Jelaskan Menu Mentah Makan Bergizi Gratis di Ciputat",
        "Dapur SPPG Ciputat Timur melayani ribuan siswa setiap hari. Menjelang libur sekolah, menu \
         makan gratis dibagikan dalam bentuk bahan mentah kepada 4.075 siswa dari 18 sekolah.",
    );
    let pairs = aligned_pairs(dir.path());
    let has = |x: &str, y: &str| pairs.iter().any(|(p, q, _)| p == x && q == y);
    assert!(has("4.705 siswa", "ribuan siswa"), "{pairs:?}");
    assert!(
        pairs
            .iter()
            .any(|(p, q, v)| p == "4.075 siswa" && q == "4.705 siswa" && v != "Consistent"),
        "the two counts are set against each other: {pairs:?}"
    );
}
