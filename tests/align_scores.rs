//! Scores that name no sides: within one event they are the match's, so two that agree align; two
//! that disagree are never set against each other (a match has a score at every minute), and a score
//! marked past is another match's.

mod common;

use std::path::PathBuf;

use crosscheck::claims::{Kind, Lexicon};
use crosscheck::ingest::{load, InputOptions};
use crosscheck::reconcile::align::{story_candidates, AlignOptions, StoryInput};
use crosscheck::report::{run_stages, ReportOptions};

/// The candidate pairs of scores (claim texts) between the two articles, both put in one event.
fn score_candidates() -> Vec<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    common::write_article(
        dir.path(),
        "a",
        "Kabar Satu",
        "2025-06-19T08:00+07:00",
        "Real Madrid Ditahan Al Hilal di Piala Dunia Antarklub",
        "Miami - Real Madrid harus puas bermain imbang di laga pembuka Grup H Piala Dunia Antarklub \
         2025 di Hard Rock Stadium, Kamis (19/6/2025). Laga itu berakhir dengan skor 1-1. Madrid \
         sempat unggul 1-0 lewat gol Gonzalo Garcia sebelum penalti Ruben Neves menyamakan kedudukan. \
         Xabi Alonso sempat menang 3-2 di stadion yang sama tiga tahun lalu.",
    );
    common::write_article(
        dir.path(),
        "b",
        "Berita Dua",
        "2025-06-19T08:00+07:00",
        "Hasil Piala Dunia Antarklub: Real Madrid Imbang Lawan Al Hilal",
        "Miami - Real Madrid gagal menang pada laga pembuka Grup H Piala Dunia Antarklub 2025 di Hard \
         Rock Stadium, Kamis (19/6/2025). Skor akhir 1-1 membuat Madrid baru mengoleksi satu poin. Al \
         Hilal sempat tertinggal 0-1 pada babak pertama. Madrid kini harus menang 3-2 atau lebih \
         besar di laga berikutnya agar tetap aman.",
    );
    let corpus = load(&[PathBuf::from(dir.path())], &InputOptions::default()).unwrap();
    let articles = &corpus.articles;
    let opts = ReportOptions::default();
    let stages = run_stages(articles, &opts, &Lexicon::builtin(), &mut |_| {}).unwrap();
    assert_eq!(stages.stories.len(), 1, "one story");
    let event_of = vec![0; articles.len()];
    let contexts = stages.contexts(articles);
    let input = StoryInput {
        event_of: &event_of,
        ..stages.story_input(articles, &contexts)
    };
    let claim = |i: usize, k: usize| &stages.claims_per_doc[i][k];
    for i in 0..articles.len() {
        let scores: Vec<&str> = stages.claims_per_doc[i]
            .iter()
            .filter(|c| c.kind == Kind::Score)
            .map(|c| c.text.as_str())
            .collect();
        assert!(
            scores.contains(&"1-1") && scores.iter().any(|s| s.starts_with("3-2")),
            "{scores:?}"
        );
    }
    let mut out: Vec<(String, String)> =
        story_candidates(&stages.stories[0], &input, &AlignOptions::default())
            .iter()
            .filter(|c| claim(c.i, c.ka).kind == Kind::Score)
            .map(|c| (claim(c.i, c.ka).text.clone(), claim(c.j, c.kb).text.clone()))
            .collect();
    out.sort();
    out
}

#[test]
fn a_matchs_scores_align_when_they_agree_and_never_when_they_do_not() {
    let pairs = score_candidates();
    assert!(
        pairs.iter().any(|(x, y)| x == "1-1" && y == "1-1"),
        "the final score of both reports: {pairs:?}"
    );
    // `sempat menang 3-2` is another match's score, marked past: never the present one's.
    assert!(
        !pairs
            .iter()
            .any(|(x, y)| x.starts_with("3-2") || y.starts_with("3-2")),
        "a score marked past aligned: {pairs:?}"
    );
    // Two moments of one match, or a score and another: no candidate at all.
    for (x, y) in &pairs {
        assert_eq!(x, y, "disagreeing scores that name no sides: {pairs:?}");
    }
}
