//! Floors on the labelled dev data: a change that makes the report less often right fails here.
//!
//! The same scores as `scripts/eval.sh` (`examples/eval.rs`), on the shared dev labels and the
//! project's own (`eval/labels/`). Reads `$CROSSCHECK_SHARED`: unset, the tests say they skipped;
//! set and missing, they fail. The floors sit a little under the figures measured when they were
//! set (`docs/accuracy.md`); raise them when the figures rise.

use std::path::{Path, PathBuf};

use crosscheck::eval::{
    event_label_files, event_of, events_of_tables, events_to_keep_whole, idnews_input, label_files,
    labelled_events, quoted_mentions, read_gold, report_and_articles, report_of, score_alignments,
    score_containment, score_grouping, score_tolls, source_of, story_of, GoldEvents,
    GroupingScores, Judgements,
};
use crosscheck::ingest::InputOptions;
use crosscheck::report::{Report, ReportOptions};

fn shared(test: &str) -> Option<PathBuf> {
    match std::env::var_os("CROSSCHECK_SHARED") {
        None => {
            eprintln!("{test}: skipped (CROSSCHECK_SHARED is not set)");
            None
        }
        Some(p) => {
            let p = PathBuf::from(p);
            assert!(
                p.is_dir(),
                "CROSSCHECK_SHARED={} is not a folder",
                p.display()
            );
            Some(p)
        }
    }
}

fn labels() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/labels")
}

#[test]
fn idnews_alignments_and_disputes_hold_their_floors() {
    let Some(shared) = shared("idnews_alignments_and_disputes_hold_their_floors") else {
        return;
    };
    let (pairs, tables) = label_files(&shared, &labels()).expect("labels read");
    let (r, articles) = report_and_articles(
        &[shared.join("corpora/idnews-gikirima")],
        &idnews_input(),
        &ReportOptions::default(),
    )
    .expect("report");
    let j = Judgements::new(&r, &pairs, &tables);
    let s = score_alignments(&r, &j);
    println!(
        "idnews: dispute precision {}/{} = {:.3}; alignment precision {:.3}; alignment recall {}/{} = {:.3}; \
         dispute recall {}/{} = {:.3}; false disputes {:?}",
        s.disputes_right,
        s.disputes_judged,
        s.dispute_precision(),
        s.alignment_precision(),
        s.should_align_hit,
        s.should_align,
        s.alignment_recall(),
        s.should_dispute_hit,
        s.should_dispute,
        s.dispute_recall(),
        s.dispute_errors
    );
    assert!(
        s.disputes_judged >= 15,
        "too few labelled disputes to judge: {s:?}"
    );
    // Measured: 56/62 = 0.903, 977/1058 = 0.923, 837/1061 = 0.789, 19/60 = 0.317 (in-sample: the
    // model is fitted on these labels; `docs/accuracy.md` has the cross-validated figures). The
    // twenty-second session's labels made two floors lower without the code getting worse: 72 fact
    // tables added 7 disagreeing pairs no model of the day finds (dispute recall 0.39 → 0.34), and
    // 100 consistent pairs drawn at random among figures no label covered, 55 of 97 judged one
    // fact, showed the alignment precision of unlabelled figures (0.94 → 0.90). The twenty-third's
    // 48 tables added 10 disagreeing pairs, 1 of them found (dispute recall 0.34 → 0.30).
    assert!(s.dispute_precision() >= 0.87, "{s:?}");
    assert!(s.alignment_precision() >= 0.90, "{s:?}");
    assert!(s.alignment_recall() >= 0.75, "{s:?}");
    assert!(s.dispute_recall() >= 0.30, "{s:?}");
    // The labelled mentions the extractor of the day missed (no claim id), found again by their
    // quote: most are read now.
    let q = quoted_mentions(&tables, &articles, &r);
    let (without, now) = (q.without, q.extracted);
    println!(
        "idnews mentions without a claim id {without}, found by quote {}, extracted now {now}",
        q.found
    );
    assert!(
        (without - now) * 100 <= s.missed_mentions.1 * 3,
        "{} of {} labelled mentions not extracted",
        without - now,
        s.missed_mentions.1
    );
    // Every labelled event's members stay in one story.
    let g = score_grouping(&events_of_tables(&tables), &story_of(&r));
    println!("idnews stories: {g:?}");
    assert!(g.bcubed.1 >= 0.95, "{g:?}");
    // Events: the labelled multi-outlet events mostly whole, near misses mostly apart.
    let labelled = event_label_files(&labels()).expect("event labels read");
    let whole = events_to_keep_whole(&tables, &labelled);
    let near = labelled_events(&tables, &labelled);
    let c = score_containment(&whole, &event_of(&r), &source_of(&r), 3, 0.95);
    let e = score_grouping(&near, &event_of(&r));
    println!("idnews events: {c:?}; {e:?}");
    // Measured 1136/1462 = 0.777 with the very rare names the articles share (1129/1462 = 0.772
    // before; 807/1059 = 0.762 before the fact tables of round 8, some of whose events are broad:
    // an eruption and the response to it).
    assert!(c.pairs_together.0 * 100 >= c.pairs_together.1 * 75, "{c:?}");
    assert!(
        e.near_miss_merged.0 * 100 <= e.near_miss_merged.1 * 60,
        "{e:?}"
    );
}

/// The report of a corpus with gold events (`ecbplus-dev`, `gva-dev`), its gold, and how its stories
/// and its events group against it (printed).
fn gold_report(
    shared: &Path,
    corpus: &str,
) -> (Report, GoldEvents, GroupingScores, GroupingScores) {
    let dir = shared.join("corpora").join(corpus);
    let r = report_of(
        &[dir.join("articles.jsonl")],
        &InputOptions::default(),
        &ReportOptions::default(),
    )
    .expect("report");
    let gold = read_gold(&dir.join("gold.json")).expect("gold");
    let stories = score_grouping(&gold, &story_of(&r));
    let events = score_grouping(&gold, &event_of(&r));
    println!("{corpus} stories: {stories:?}\n{corpus} events: {events:?}");
    (r, gold, stories, events)
}

#[test]
fn ecbplus_events_hold_their_floor() {
    let Some(shared) = shared("ecbplus_events_hold_their_floor") else {
        return;
    };
    let (_, _, g, e) = gold_report(&shared, "ecbplus-dev");
    assert!(g.bcubed.2 >= 0.85, "{g:?}");
    // Measured 0.913 with 9 of 33 near-miss pairs merged (0.897 with 8 before the figures apart, 0.893
    // with 9 before stories joined reports beyond the window that state one date, 0.883 with 10 before
    // the shared very rare names).
    assert!(e.bcubed.2 >= 0.905, "{e:?}");
    assert!(e.near_miss_merged.0 <= 9, "{e:?}");
}

#[test]
fn gun_violence_incidents_and_tolls_hold_their_floors() {
    let Some(shared) = shared("gun_violence_incidents_and_tolls_hold_their_floors") else {
        return;
    };
    let (r, gold, g, e) = gold_report(&shared, "gva-dev");
    // Measured: stories 0.924, events 0.932 with precision 0.986 (0.914 and 0.918 before stories joined
    // follow-ups that name the day in their body, 0.899 and 0.902 before stories joined reports beyond
    // the window that state one date).
    assert!(g.bcubed.2 >= 0.90, "{g:?}");
    assert!(e.bcubed.2 >= 0.925 && e.bcubed.0 >= 0.97, "{e:?}");
    let tolls = score_tolls(&gold, &r);
    println!("gva tolls [hit, articles, holding, claims]: {tolls:?}");
    // Measured: deaths recall 1990/2839, precision 4215/5131 = 0.821; injured recall 2391/3526.
    let [hit, n, good, all] = tolls["deaths"];
    assert!(hit * 100 >= n * 66, "deaths recall {hit}/{n}");
    assert!(good * 100 >= all * 80, "deaths precision {good}/{all}");
    let [hit, n, _, _] = tolls["injured"];
    assert!(hit * 100 >= n * 60, "injured recall {hit}/{n}");
}
