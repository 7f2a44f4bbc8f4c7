//! Fits the event pair model (`data/event-model.tsv`) on the labelled dev events, and measures the
//! events it gives on stories it was not fitted on.
//!
//! `cargo run --release --example fit_events -- [--shared DIR] [--labels eval/labels] [--folds 5]
//!  [--l2 1] [--drop feature,feature] [--min-probability 0.5] [--write data/event-model.tsv]
//!  [--dump pairs.tsv] [--groups DIR] [--hold-out NAME] [--window DAYS] [--story-similarity S]`
//!
//! `--window` and `--story-similarity` change the story grouping the events are cut from.
//! `--groups DIR` writes each corpus's cross-validated grouping (`id<TAB>group`) to `DIR/<corpus>.tsv`.
//! `--hold-out NAME` leaves the event label files whose name contains NAME out of the fit and of the
//! cross-validation, and scores them on their own (in the in-sample block) with the model fitted on
//! the rest: a batch labelled after the model.
//!
//! 1. Runs the report's stages (stories included) on ECB+ (`ecbplus-dev`), the gun-violence reports
//!    (`gva-dev`) and idnews, and reads every article's frame.
//! 2. Every pair of articles of one story whose events the labels give is an example: one event or
//!    not. Gold events: ECB+'s and the archive's; for idnews the fact tables' members (an article a
//!    table lists as reporting something else is an event of its own, but two such articles are not
//!    compared) and the event partitions in `eval/labels/*events*.json` (round-ups left out). Each
//!    corpus weighs the same in the fit.
//! 3. Cross-validation by story: stories fall into `--folds` folds by a hash of their id; each fold's
//!    pairs are scored by a model fitted on the other folds, the stories are split on those scores,
//!    and the grouping is scored against the gold events, per corpus.
//! 4. The model fitted on every example is printed, with its in-sample scores, and written with
//!    `--write`. `--drop` fits and scores without the named features (their ablation).
//!
//! Deterministic: Newton's method from zero weights, folds by hash, no random draw.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_64;

use crosscheck::claims::Lexicon;
use crosscheck::eval::{
    events_to_keep_whole, idnews_input, label_files, labelled_events, named_event_label_files,
    read_gold, score_containment, score_grouping, GoldEvents, ToolArgs,
};
use crosscheck::events::pairs::{features, PairModel, FEATURES};
use crosscheck::events::{par_frames, partition, EventOptions};
use crosscheck::ingest::{load, Article, InputOptions};
use crosscheck::reconcile::model::fit_logistic_weighted;
use crosscheck::report::{run_stages, ReportOptions, Stages};

/// A pair of articles of one story: their indices, features and label (`None`: the gold does not
/// say).
type Pair = (usize, usize, Vec<f64>, Option<bool>);

/// One corpus: its articles, stages, gold events and the pairs of its stories.
struct Corpus {
    name: &'static str,
    articles: Vec<Article>,
    stages: Stages,
    gold: GoldEvents,
    /// Per story: its pairs `(i, j, features, label)`, label `None` when the gold does not say.
    pairs: Vec<Vec<Pair>>,
}

fn main() -> anyhow::Result<()> {
    let args = ToolArgs::from_env();
    let opt = |name: &str| args.value(name);
    let shared = args.shared()?;
    let labels = args.labels();
    let folds: u64 = args.number("--folds", 5)?;
    let l2: f64 = args.number("--l2", 1.0)?;
    let least: f64 = args.number("--min-probability", 0.5)?;
    let dropped: HashSet<usize> = opt("--drop")
        .map(|v| {
            v.split(',')
                .map(|f| crosscheck::events::pairs::feature(f.trim()))
                .collect()
        })
        .unwrap_or_default();

    let (_, tables) = label_files(&shared, &labels)?;
    // `--hold-out NAME`: the event label files whose name contains NAME are left out of the fit and
    // of the cross-validation, and scored on their own with the model fitted on the rest (a fresh
    // batch, labelled after the model).
    let hold_out = opt("--hold-out");
    let (fresh, labelled): (Vec<_>, Vec<_>) = named_event_label_files(&labels)?
        .into_iter()
        .partition(|(name, _)| hold_out.as_deref().is_some_and(|h| name.contains(h)));
    let labelled: Vec<GoldEvents> = labelled.into_iter().map(|(_, g)| g).collect();
    let idnews_gold = labelled_events(&tables, &labelled);
    let idnews_whole = events_to_keep_whole(&tables, &labelled);
    let ecb = shared.join("corpora/ecbplus-dev");
    let gva = shared.join("corpora/gva-dev");
    let specs: Vec<(
        &'static str,
        Vec<std::path::PathBuf>,
        InputOptions,
        GoldEvents,
    )> = vec![
        (
            "ecbplus",
            vec![ecb.join("articles.jsonl")],
            InputOptions::default(),
            read_gold(&ecb.join("gold.json"))?,
        ),
        (
            "gva",
            vec![gva.join("articles.jsonl")],
            InputOptions::default(),
            read_gold(&gva.join("gold.json"))?,
        ),
        (
            "idnews",
            vec![shared.join("corpora/idnews-gikirima")],
            idnews_input(),
            idnews_gold,
        ),
    ];
    let lexicon = Lexicon::builtin();
    let mut corpora = Vec::new();
    for (name, paths, input, gold) in specs {
        let articles = load(&paths, &input)?.articles;
        // The stories only: the events are what is being fitted (and the bundled model may be one
        // of other features).
        let mut opts = ReportOptions {
            dedup: Default::default(),
            stories: Default::default(),
            lang: None,
            clusters: None,
            align: Default::default(),
            events: EventOptions {
                min_probability: least,
                model: PairModel {
                    weights: vec![0.0; FEATURES.len()],
                },
                split: false,
            },
        };
        if let Some(w) = opt("--window") {
            opts.stories.window_days = w.parse()?;
        }
        if let Some(s) = opt("--story-similarity") {
            opts.stories.min_similarity = s.parse()?;
        }
        let stages = run_stages(&articles, &opts, &lexicon, &mut |_| {})?;
        let frames = par_frames(
            &articles,
            &stages.cleaned,
            &stages.claims_per_doc,
            &stages.vectors,
            &stages.idf,
        );
        let mut event_of: HashMap<&str, &str> = HashMap::new();
        for (e, ds) in &gold.events {
            for d in ds {
                event_of.insert(d.as_str(), e.as_str());
            }
        }
        let pairs: Vec<Vec<Pair>> = stages
            .stories
            .par_iter()
            .map(|s| {
                let mut out = Vec::new();
                for (x, &i) in s.indices.iter().enumerate() {
                    for &j in &s.indices[x + 1..] {
                        let (a, b) = (&articles[i], &articles[j]);
                        let label = match (event_of.get(a.id.as_str()), event_of.get(b.id.as_str()))
                        {
                            (Some(p), Some(q))
                                if !(p.contains("/not-member-") && q.contains("/not-member-")) =>
                            {
                                Some(p == q)
                            }
                            _ => None,
                        };
                        let mut x = features(
                            (a, &frames[i], &stages.vectors[i]),
                            (b, &frames[j], &stages.vectors[j]),
                        );
                        for &d in &dropped {
                            x[d] = 0.0;
                        }
                        out.push((i, j, x, label));
                    }
                }
                out
            })
            .collect();
        let n: usize = pairs.iter().flatten().filter(|p| p.3.is_some()).count();
        let pos: usize = pairs.iter().flatten().filter(|p| p.3 == Some(true)).count();
        println!(
            "{name}: {} stories, {n} labelled pairs ({pos} one event)",
            stages.stories.len()
        );
        corpora.push(Corpus {
            name,
            articles,
            stages,
            gold,
            pairs,
        });
    }
    if let Some(path) = opt("--dump") {
        let mut out = String::from("corpus\tstory\ta\tb\tlabel");
        for f in FEATURES {
            out.push('\t');
            out.push_str(f);
        }
        out.push('\n');
        for c in &corpora {
            for (s, (i, j, x, y)) in c
                .stages
                .stories
                .iter()
                .zip(&c.pairs)
                .flat_map(|(s, ps)| ps.iter().map(move |p| (s, p)))
            {
                let Some(y) = y else { continue };
                out.push_str(&format!(
                    "{}\t{}\t{}\t{}\t{}",
                    c.name,
                    s.id,
                    c.articles[*i].id,
                    c.articles[*j].id,
                    u8::from(*y)
                ));
                for v in x {
                    out.push_str(&format!("\t{v:.4}"));
                }
                out.push('\n');
            }
        }
        std::fs::write(&path, out)?;
    }
    let fold_of = |story: &str| xxh3_64(story.as_bytes()) % folds;
    // Training examples with weights: each corpus weighs as much as another.
    let examples = |skip: Option<u64>| {
        let (mut xs, mut ys, mut ws) = (Vec::new(), Vec::new(), Vec::new());
        for c in &corpora {
            let mut n = 0usize;
            let start = xs.len();
            for (s, ps) in c.stages.stories.iter().zip(&c.pairs) {
                if skip == Some(fold_of(&s.id)) {
                    continue;
                }
                for (_, _, x, y) in ps {
                    if let Some(y) = y {
                        xs.push(x.clone());
                        ys.push(*y);
                        n += 1;
                    }
                }
            }
            ws.extend(std::iter::repeat_n(
                1000.0 / n.max(1) as f64,
                xs.len() - start,
            ));
        }
        (xs, ys, ws)
    };
    let fit = |skip: Option<u64>| {
        let (xs, ys, ws) = examples(skip);
        PairModel {
            weights: fit_logistic_weighted(&xs, &ys, &ws, l2),
        }
    };
    let models: Vec<PairModel> = (0..folds).into_par_iter().map(|f| fit(Some(f))).collect();
    let full = fit(None);
    for (what, pick) in [("cross-validated", true), ("in-sample", false)] {
        println!("== {what} (min probability {least})");
        for c in &corpora {
            let groups: Vec<Vec<Vec<usize>>> = c
                .stages
                .stories
                .par_iter()
                .zip(&c.pairs)
                .map(|(s, ps)| {
                    let m = if pick {
                        &models[fold_of(&s.id) as usize]
                    } else {
                        &full
                    };
                    let p: HashMap<(usize, usize), f64> = ps
                        .iter()
                        .map(|(i, j, x, _)| ((*i, *j), m.predict(x)))
                        .collect();
                    partition(
                        s,
                        &c.stages.dedup.cluster_of,
                        |i, j| p[&(i.min(j), i.max(j))],
                        least,
                    )
                })
                .collect();
            let mut group_of: HashMap<String, String> = HashMap::new();
            for (n, gs) in groups.iter().flatten().enumerate() {
                for &i in gs {
                    group_of.insert(c.articles[i].id.clone(), format!("e{n}"));
                }
            }
            if let (Some(dir), true) = (opt("--groups"), pick) {
                let mut rows: Vec<String> = group_of
                    .iter()
                    .map(|(a, g)| format!("{a}\t{g}\n"))
                    .collect();
                rows.sort();
                std::fs::write(format!("{dir}/{}.tsv", c.name), rows.concat())?;
            }
            if c.name == "idnews" && !pick {
                for (name, g) in &fresh {
                    let f = score_grouping(g, &group_of);
                    println!(
                        "  held out {name}: B3 P={:.3} R={:.3} F1={:.3}; pairwise P={:.3} R={:.3}; near-miss merged {}/{}",
                        f.bcubed.0, f.bcubed.1, f.bcubed.2, f.pairwise.0, f.pairwise.1,
                        f.near_miss_merged.0, f.near_miss_merged.1
                    );
                }
            }
            let s = score_grouping(&c.gold, &group_of);
            print!(
                "  {:8} B3 P={:.3} R={:.3} F1={:.3}; pairwise P={:.3} R={:.3}; near-miss merged {}/{}",
                c.name, s.bcubed.0, s.bcubed.1, s.bcubed.2, s.pairwise.0, s.pairwise.1,
                s.near_miss_merged.0, s.near_miss_merged.1
            );
            if c.name == "idnews" {
                let source_of: HashMap<String, String> = c
                    .articles
                    .iter()
                    .filter_map(|a| a.source.clone().map(|s| (a.id.clone(), s)))
                    .collect();
                let k = score_containment(&idnews_whole, &group_of, &source_of, 3, 0.95);
                print!(
                    "; multi-outlet events whole {}/{}, pairs together {:.3}",
                    k.whole,
                    k.events,
                    k.pairs_together.0 as f64 / k.pairs_together.1.max(1) as f64
                );
            }
            println!();
        }
    }
    println!("== model fitted on every example (l2 {l2})");
    for (f, w) in FEATURES.iter().zip(&full.weights) {
        println!("  {f:16} {w:+.3}");
    }
    if let Some(path) = opt("--write") {
        let held = hold_out
            .as_deref()
            .map_or(String::new(), |h| format!(" --hold-out {h}"));
        let text = format!(
            "# The event pair model: `feature weight`, written by\n# cargo run --release --example fit_events -- --l2 {l2}{held} --write {path}\n{}",
            full.to_tsv()
        );
        std::fs::write(&path, text)?;
        println!("wrote {path}");
    }
    Ok(())
}
