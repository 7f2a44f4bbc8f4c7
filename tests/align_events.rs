//! Alignment across the events of one story: a background fact two events both state aligns when
//! the values agree, and two events' figures are never set against each other.

mod common;

use std::path::PathBuf;

use crosscheck::claims::Lexicon;
use crosscheck::ingest::{load, InputOptions};
use crosscheck::reconcile::align::{story_candidates, AlignOptions, StoryInput};
use crosscheck::report::{run_stages, ReportOptions};

/// The candidate pairs (claim texts) between article `a` and article `c`, with `c` put in an
/// event of its own.
fn candidates_between_events(across: bool) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    common::write_article(
        dir.path(),
        "a",
        "Kabar Satu",
        "2025-06-18T10:00+07:00",
        "Gempa Magnitudo 4,9 Guncang Garut",
        "Garut - Gempa bumi magnitudo 4,9 mengguncang Kabupaten Garut, Jawa Barat, pada Rabu \
         (18/6/2025) pukul 15.24 WIB. BMKG mencatat pusat gempa berada di laut pada kedalaman 10 km. \
         Gempa dirasakan di empat kecamatan dan merusak 12 rumah warga.",
    );
    common::write_article(
        dir.path(),
        "c",
        "Berita Tiga",
        "2025-06-20T09:00+07:00",
        "Gempa Magnitudo 3,1 Guncang Garut Lagi",
        "Garut - Gempa bumi magnitudo 3,1 mengguncang Kabupaten Garut, Jawa Barat, pada Jumat \
         (20/6/2025) pukul 07.10 WIB. BMKG mencatat pusat gempa berada di darat pada kedalaman 5 km. \
         Gempa ini terjadi dua hari setelah gempa magnitudo 4,9 yang merusak 12 rumah warga dan \
         terasa di empat kecamatan.",
    );
    let corpus = load(&[PathBuf::from(dir.path())], &InputOptions::default()).unwrap();
    let articles = &corpus.articles;
    let opts = ReportOptions::default();
    let stages = run_stages(articles, &opts, &Lexicon::builtin(), &mut |_| {}).unwrap();
    assert_eq!(stages.stories.len(), 1, "one story");
    let mut event_of = stages.event_of.clone();
    let c = articles.iter().position(|x| x.id == "c").unwrap();
    event_of[c] = u32::MAX - 1;
    let contexts = stages.contexts(articles);
    let input = StoryInput {
        event_of: &event_of,
        ..stages.story_input(articles, &contexts)
    };
    let align = AlignOptions {
        across_events: across,
        ..AlignOptions::default()
    };
    let text = |i: usize, k: usize| stages.claims_per_doc[i][k].text.clone();
    let mut out: Vec<(String, String)> = story_candidates(&stages.stories[0], &input, &align)
        .iter()
        .map(|c| (text(c.i, c.ka), text(c.j, c.kb)))
        .collect();
    out.sort();
    out
}

#[test]
fn two_events_align_only_the_figures_they_agree_on() {
    let pairs = candidates_between_events(true);
    for want in ["12 rumah", "empat kecamatan", "magnitudo 4,9"] {
        assert!(
            pairs.iter().any(|(x, y)| x == want && y == want),
            "{want}: {pairs:?}"
        );
    }
    // The two quakes' own magnitudes and depths disagree: never candidates across events.
    for (x, y) in &pairs {
        assert!(
            !(x.contains("km") || y.contains("km") || y.contains("3,1") || x.contains("3,1")),
            "{x} ~ {y}"
        );
    }
    assert!(candidates_between_events(false).is_empty());
}
