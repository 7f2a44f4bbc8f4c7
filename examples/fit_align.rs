//! Fits the alignment model (`data/align-model.tsv`) on the labelled dev pairs, and measures it on
//! labels it was not fitted on.
//!
//! `cargo run --release --example fit_align -- [--shared DIR] [--labels eval/labels] [--folds 5]
//!  [--l2 1] [--dispute-l2 L2] [--vetoes attribute,moment,holder,scope,modality] [--most-features 4]
//!  [--dispute-features all|f1,f2,…] [--selection-draws 1] [--fold-seed 0]
//!  [--write data/align-model.tsv]`
//!
//! 1. Runs the report's stages on the idnews corpus and lists every candidate pair of figures in every
//!    story, with its features ([`story_candidates`]).
//! 2. A candidate whose two claims the labels judge (the shared dev pairs and fact tables, and the
//!    project's own in `eval/labels/`) is a training example: one fact (agree, conflict, update) or not
//!    (different facts, a misread figure).
//! 3. Cross-validation by story: the stories fall into `--folds` folds by a hash of their id; each
//!    fold's candidates are scored by a model fitted on the other folds. The report's alignment then
//!    runs on those held-out scores, and the evaluation harness's scores are printed for a range of
//!    `--min-confidence` thresholds: the figures on labels the model was not fitted on.
//!    The part for values that cannot both be true learns from few examples of one fact (real
//!    disagreements are rare among disagreeing figures): its features are chosen by forward selection
//!    ([`select_dispute_features`], at most `--most-features`) inside each training fold, so the
//!    held-out figures measure the selection too; `--dispute-features` names them instead (`all`:
//!    every feature, the model before the selection). `--selection-draws N` repeats the selection
//!    on N partitions of the stories into inner folds and keeps the features more than half choose.
//!    `--fold-seed` draws other folds. `--fit-without FILE[,FILE…]` leaves pairs files' labels out of
//!    every fit (and the written model) but scores them: whether fitting on them helps.
//!    `--min-alignment P` sets the least confidence of a consistent alignment (the report's 0.5).
//!    `--misses 1` lists the fact tables' cross-outlet pairs of one fact that the report misses, by
//!    why (another story or event, a headline, kinds or units apart, not a candidate, or a candidate's
//!    score), and their disagreeing pairs with the candidate's score. `--list-disputes T` lists the
//!    judged held-out disputes at the threshold T (one of the table's), with what each truly is.
//! 4. The model fitted on every example (its features selected on every example) is printed, and
//!    written with `--write`.
//!
//! Deterministic: Newton's method from zero weights, folds by hash, no random draw.

use rayon::prelude::*;

use crosscheck::claims::Lexicon;
use crosscheck::eval::ToolArgs;
use crosscheck::eval::{idnews_input, label_files, score_alignments, Judgements, Truth};
use crosscheck::ingest::load;
use crosscheck::reconcile::align::{align_scored, story_candidates, AlignOptions, Candidate};
use crosscheck::reconcile::facts::Slot;
use crosscheck::reconcile::model::{dot, feature, fit_logistic, sigmoid, Model, FEATURES};
use crosscheck::report::{build, run_stages, ReportOptions};

/// Inner folds of the selection of features.
const INNER_FOLDS: u64 = 4;

/// The features of the part for values that cannot both be true, chosen by forward selection
/// ([`forward_selection`]) on `draws` partitions of the stories into inner folds: with one draw, its
/// choice; with more, the features more than half the draws choose, most often chosen first (at
/// most `most`). `train`: (features, one fact?, story id).
fn select_dispute_features(
    train: &[(&Vec<f64>, bool, &str)],
    l2: f64,
    most: usize,
    draws: u64,
) -> Vec<&'static str> {
    let inner = |story: &str, draw: u64| {
        xxhash_rust::xxh3::xxh3_64_with_seed(story.as_bytes(), draw + 1) % INNER_FOLDS
    };
    let mut chosen: Vec<(usize, &'static str)> = Vec::new();
    for draw in 0..draws {
        let part: Vec<(&Vec<f64>, bool, u64)> =
            train.iter().map(|e| (e.0, e.1, inner(e.2, draw))).collect();
        for f in forward_selection(&part, l2, most) {
            match chosen.iter_mut().find(|c| c.1 == f) {
                Some(c) => c.0 += 1,
                None => chosen.push((1, f)),
            }
        }
    }
    if draws == 1 {
        return chosen.into_iter().map(|c| c.1).collect();
    }
    chosen.retain(|c| 2 * c.0 > draws as usize);
    chosen.sort_by(|a, b| b.0.cmp(&a.0).then(feature(a.1).cmp(&feature(b.1))));
    chosen.into_iter().take(most).map(|c| c.1).collect()
}

/// Forward selection: from the bias alone, adds the feature that most lowers the log-loss of an
/// inner cross-validation by story (`INNER_FOLDS`) on the examples whose values cannot both be
/// true, until none lowers it by 0.0001 or `most` are chosen. `train`: (features, one fact?, inner
/// fold).
fn forward_selection(train: &[(&Vec<f64>, bool, u64)], l2: f64, most: usize) -> Vec<&'static str> {
    let c = feature("values_compatible");
    let part: Vec<&(&Vec<f64>, bool, u64)> = train.iter().filter(|e| e.0[c] < 0.5).collect();
    let varies = |k: usize| part.iter().any(|e| e.0[k] != part[0].0[k]);
    let pool: Vec<usize> = (1..FEATURES.len())
        .filter(|&k| k != c && varies(k))
        .collect();
    let loss = |cols: &[usize]| -> f64 {
        let project = |x: &Vec<f64>| cols.iter().map(|&k| x[k]).collect::<Vec<f64>>();
        let mut total = 0.0;
        for k in 0..INNER_FOLDS {
            let (xs, ys): (Vec<Vec<f64>>, Vec<bool>) = part
                .iter()
                .filter(|e| e.2 != k)
                .map(|e| (project(e.0), e.1))
                .unzip();
            let w = fit_logistic(&xs, &ys, l2);
            for e in part.iter().filter(|e| e.2 == k) {
                let p = sigmoid(dot(&w, &project(e.0))).clamp(1e-6, 1.0 - 1e-6);
                total -= if e.1 { p.ln() } else { (1.0 - p).ln() };
            }
        }
        total / part.len().max(1) as f64
    };
    let mut cols = vec![0];
    let mut best = loss(&cols);
    while cols.len() <= most {
        let Some((l, k)) = pool
            .iter()
            .filter(|k| !cols.contains(k))
            .map(|&k| {
                let mut with = cols.clone();
                with.push(k);
                (loss(&with), k)
            })
            .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
        else {
            break;
        };
        if l > best - 1e-4 {
            break;
        }
        best = l;
        cols.push(k);
    }
    cols[1..].iter().map(|&k| FEATURES[k]).collect()
}

fn main() -> anyhow::Result<()> {
    let args = ToolArgs::from_env();
    let opt = |name: &str| args.value(name);
    let shared = args.shared()?;
    let labels = args.labels();
    let folds: u64 = args.number("--folds", 5)?;
    let l2: f64 = args.number("--l2", 1.0)?;
    // The penalty of the part for values that cannot both be true (its selection and its fit).
    let dispute_l2: f64 = args.number("--dispute-l2", l2)?;
    anyhow::ensure!(
        l2 >= 0.0 && dispute_l2 >= 0.0,
        "--l2 and --dispute-l2 take a penalty of 0 or more"
    );
    // The features the part for values that cannot both be true weighs (`all` for every one).
    let dispute_list = opt("--dispute-features").unwrap_or_else(|| "all".into());
    let dispute_features: Vec<&str> = if dispute_list == "all" {
        FEATURES.to_vec()
    } else {
        let names: Vec<&str> = dispute_list.split(',').collect();
        for n in &names {
            anyhow::ensure!(FEATURES.contains(n), "--dispute-features: no feature {n:?}");
        }
        FEATURES
            .iter()
            .copied()
            .filter(|f| names.contains(f))
            .collect()
    };
    let mut align = AlignOptions::default();
    if let Some(v) = opt("--vetoes") {
        align.vetoes = Slot::ALL
            .into_iter()
            .filter(|s| v.split(',').any(|x| x == s.as_str()))
            .collect();
    }
    if let Some(v) = opt("--dispute-vetoes") {
        align.dispute_vetoes = Slot::ALL
            .into_iter()
            .filter(|s| v.split(',').any(|x| x == s.as_str()))
            .collect();
    }
    // Rules to ablate: `--past-markers on|off`, `--dated-past on|off`, `--across-events on|off`,
    // `--table-rows on|off`.
    if let Some(v) = opt("--past-markers") {
        align.past_marker_veto = v == "on";
    }
    if let Some(v) = opt("--dated-past") {
        align.dated_past_veto = v == "on";
    }
    if let Some(v) = opt("--across-events") {
        align.across_events = v == "on";
    }
    if let Some(v) = opt("--table-rows") {
        align.table_rows = v == "on";
    }
    // The least confidence of a consistent alignment (the report's 0.5), to read its trade-off.
    align.min_alignment = args.number("--min-alignment", align.min_alignment)?;
    let opts = ReportOptions {
        align: align.clone(),
        ..ReportOptions::default()
    };

    let corpus = load(&[shared.join("corpora/idnews-gikirima")], &idnews_input())?;
    let articles = &corpus.articles;
    let lexicon = Lexicon::builtin();
    let report = build(articles, Vec::new(), &opts, &lexicon)?;
    let (pairs, tables) = label_files(&shared, &labels)?;
    let judged = Judgements::new(&report, &pairs, &tables);

    let stages = run_stages(articles, &opts, &lexicon, &mut |_| {})?;
    let contexts = stages.contexts(articles);
    let input = stages.story_input(articles, &contexts);
    let per_story: Vec<Vec<Candidate>> = stages
        .stories
        .par_iter()
        .map(|s| story_candidates(s, &input, &align))
        .collect();
    let claim_id = |c: &Candidate| {
        let (a, b) = (
            &stages.claims_per_doc[c.i][c.ka].id,
            &stages.claims_per_doc[c.j][c.kb].id,
        );
        if a <= b {
            (a.clone(), b.clone())
        } else {
            (b.clone(), a.clone())
        }
    };
    // `--fold-seed S` draws other folds (the figures' spread over draws).
    let fold_seed: u64 = args.number("--fold-seed", 0)?;
    let fold_of =
        |story: &str| xxhash_rust::xxh3::xxh3_64_with_seed(story.as_bytes(), fold_seed) % folds;
    // `--fit-without FILE[,FILE…]`: the pairs of those label files are scored but never fitted on
    // (does fitting on them help the labels held out?).
    let without = opt("--fit-without")
        .map(|path| -> anyhow::Result<Judgements> {
            let mut left: std::collections::HashSet<(String, String)> =
                std::collections::HashSet::new();
            for file in path.split(',') {
                left.extend(
                    crosscheck::eval::read_pairs(std::path::Path::new(file))?
                        .into_iter()
                        .map(|p| (p.a_claim, p.b_claim)),
                );
            }
            let kept: Vec<_> = pairs
                .iter()
                .filter(|p| !left.contains(&(p.a_claim.clone(), p.b_claim.clone())))
                .cloned()
                .collect();
            println!(
                "fitting without the {} labelled pairs of {path}",
                pairs.len() - kept.len()
            );
            Ok(Judgements::new(&report, &kept, &tables))
        })
        .transpose()?;
    let fitted = without.as_ref().unwrap_or(&judged);
    // Examples: (fold, features, one fact?, story id).
    let mut examples: Vec<(u64, &Vec<f64>, bool, &str)> = Vec::new();
    for (s, cands) in stages.stories.iter().zip(&per_story) {
        for c in cands {
            if let Some(j) = fitted.pairs.get(&claim_id(c)) {
                let same = matches!(j.truth, Truth::Agree | Truth::Dispute);
                examples.push((fold_of(&s.id), &c.x, same, s.id.as_str()));
            }
        }
    }
    if let Some(path) = opt("--dump") {
        // Every judged candidate: claim ids, truth, features (for reading the errors).
        let mut out = format!("story\ta\tb\ttruth\taxis\tfrom\t{}\n", FEATURES.join("\t"));
        for (s, cands) in stages.stories.iter().zip(&per_story) {
            for c in cands {
                let id = claim_id(c);
                if let Some(j) = judged.pairs.get(&id) {
                    let xs: Vec<String> = c.x.iter().map(|v| format!("{v:.4}")).collect();
                    out.push_str(&format!(
                        "{}\t{}\t{}\t{:?}\t{}\t{}\t{}\n",
                        s.id,
                        id.0,
                        id.1,
                        j.truth,
                        j.axis.as_deref().unwrap_or("-"),
                        j.from,
                        xs.join("\t")
                    ));
                }
            }
        }
        std::fs::write(path, out)?;
    }
    let candidates: usize = per_story.iter().map(Vec::len).sum();
    let positives = examples.iter().filter(|e| e.2).count();
    println!(
        "{} candidates in {} stories; {} judged: {} one fact, {} not; vetoes {:?}",
        candidates,
        stages.stories.len(),
        examples.len(),
        positives,
        examples.len() - positives,
        align.vetoes.iter().map(|s| s.as_str()).collect::<Vec<_>>()
    );
    let select = opt("--dispute-features").is_none();
    let most: usize = args.number("--most-features", 4)?;
    let draws: u64 = args.number("--selection-draws", 1)?;
    let fit = |keep: &dyn Fn(u64) -> bool| {
        let train: Vec<(&Vec<f64>, bool, &str)> = examples
            .iter()
            .filter(|e| keep(e.0))
            .map(|e| (e.1, e.2, e.3))
            .collect();
        let chosen = if select {
            select_dispute_features(&train, dispute_l2, most, draws)
        } else {
            dispute_features.clone()
        };
        let (xs, ys): (Vec<Vec<f64>>, Vec<bool>) = train.iter().map(|e| (e.0.clone(), e.1)).unzip();
        (Model::fit_with(&xs, &ys, l2, dispute_l2, &chosen), chosen)
    };
    let models: Vec<Model> = (0..folds)
        .map(|k| {
            let (m, chosen) = fit(&|f| f != k);
            if select {
                println!("  fold {k}: dispute features {}", chosen.join(","));
            }
            m
        })
        .collect();
    let held_out: Vec<Vec<(f64, Candidate)>> = stages
        .stories
        .iter()
        .zip(&per_story)
        .map(|(s, cands)| {
            let m = &models[fold_of(&s.id) as usize];
            cands.iter().map(|c| (m.predict(&c.x), c.clone())).collect()
        })
        .collect();
    // Calibration: the judged candidates' held-out confidence against how often they are one fact.
    let compatible = feature("values_compatible");
    for (part, want) in [("values can both hold", true), ("values cannot", false)] {
        let mut bins = [(0usize, 0.0f64, 0usize); 10];
        for cands in &held_out {
            for (p, c) in cands {
                if (c.x[compatible] > 0.5) != want {
                    continue;
                }
                if let Some(j) = judged.pairs.get(&claim_id(c)) {
                    let b = &mut bins[((p * 10.0) as usize).min(9)];
                    b.0 += 1;
                    b.1 += p;
                    b.2 += usize::from(matches!(j.truth, Truth::Agree | Truth::Dispute));
                }
            }
        }
        println!("calibration on held-out scores ({part}): bin, candidates, mean confidence, share one fact");
        for (k, (n, sum, yes)) in bins.iter().enumerate().filter(|(_, b)| b.0 > 0) {
            println!(
                "  {:.1}-{:.1}  {n:>5}  {:.3}  {:.3}",
                k as f64 / 10.0,
                (k + 1) as f64 / 10.0,
                sum / *n as f64,
                *yes as f64 / *n as f64
            );
        }
    }
    println!(
        "cross-validated ({folds} folds by story), the report's alignment on held-out scores:"
    );
    let claim_of = |id: &str| stages.claims_per_doc.iter().flatten().find(|c| c.id == id);
    println!("  min-confidence  disputes  judged  precision  dispute-recall  align-precision  align-recall");
    for t in [
        0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9,
    ] {
        let o = AlignOptions {
            min_confidence: t,
            ..align.clone()
        };
        let mut alignments = Vec::new();
        for (s, scored) in stages.stories.iter().zip(&held_out) {
            alignments.extend(align_scored(s, &input, &o, scored.clone()).alignments);
        }
        let mut r = report.clone();
        r.alignments = alignments;
        let sc = score_alignments(&r, &judged);
        println!(
            "  {t:>14.2}  {:>8}  {:>6}  {:>9.3}  {:>14.3}  {:>15.3}  {:>12.3}",
            sc.disputes,
            sc.disputes_judged,
            sc.dispute_precision(),
            sc.dispute_recall(),
            sc.alignment_precision(),
            sc.alignment_recall()
        );
        if t == 0.1 || t == 0.3 || t == 0.5 {
            println!("                  errors: {:?}", sc.dispute_errors);
        }
        if opt("--list-disputes").is_some_and(|v| v.parse::<f64>().ok() == Some(t)) {
            // The judged held-out disputes at this threshold: what each truly is, with both figures.
            let sentence = |id: &str| {
                claim_of(id).map_or(String::new(), |c| {
                    format!(
                        "{:?} in {:?}",
                        c.text,
                        c.sentence.chars().take(120).collect::<String>()
                    )
                })
            };
            for (id, confidence, what) in &sc.judged_disputes {
                if let Some(a) = r.alignments.iter().find(|a| &a.id == id) {
                    println!(
                        "    {confidence:.3} {what}\n      {}\n      {}",
                        sentence(&a.a),
                        sentence(&a.b)
                    );
                }
            }
        }
    }
    let (model, chosen) = fit(&|_| true);
    if opt("--misses").is_some() {
        // The fact tables' pairs whose values disagree: the candidate's score, or none.
        let mut score: std::collections::HashMap<(String, String), (f64, &Candidate)> =
            std::collections::HashMap::new();
        for cands in &per_story {
            for c in cands {
                score.insert(claim_id(c), (model.predict(&c.x), c));
            }
        }
        let text = |id: &str| claim_of(id).map_or(String::from("(no claim)"), |c| c.text.clone());
        // Every missed cross-outlet pair of one fact, by why it was missed.
        let aligned: std::collections::HashSet<(String, String)> = report
            .alignments
            .iter()
            .map(|a| {
                if a.a <= a.b {
                    (a.a.clone(), a.b.clone())
                } else {
                    (a.b.clone(), a.a.clone())
                }
            })
            .collect();
        let mut at: std::collections::HashMap<&str, (usize, usize)> =
            std::collections::HashMap::new();
        for (i, cs) in stages.claims_per_doc.iter().enumerate() {
            for (k, c) in cs.iter().enumerate() {
                at.insert(c.id.as_str(), (i, k));
            }
        }
        let mut story_of = vec![usize::MAX; articles.len()];
        for (n, s) in stages.stories.iter().enumerate() {
            for &i in &s.indices {
                story_of[i] = n;
            }
        }
        let mut why: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
        for k in judged.should_align.keys() {
            if aligned.contains(k) {
                continue;
            }
            let (Some(&(i, ka)), Some(&(j, kb))) = (at.get(k.0.as_str()), at.get(k.1.as_str()))
            else {
                continue;
            };
            let (a, b) = (&stages.claims_per_doc[i][ka], &stages.claims_per_doc[j][kb]);
            let cat = if story_of[i] != story_of[j] {
                "other story".to_string()
            } else if stages.event_of[i] != stages.event_of[j] {
                "other event".to_string()
            } else if a.headline || b.headline {
                "headline".to_string()
            } else if let Some((p, _)) = score.get(k) {
                format!("candidate {:.1}", (p * 10.0).floor() / 10.0)
            } else if a.kind != b.kind || a.unit != b.unit {
                format!(
                    "kind/unit {:?}/{:?} {:?}/{:?}",
                    a.kind, b.kind, a.unit, b.unit
                )
            } else {
                "not a candidate".to_string()
            };
            *why.entry(cat.clone()).or_default() += 1;
            println!(
                "  miss [{cat}] {:?} ~ {:?}  {} ~ {}",
                a.text, b.text, k.0, k.1
            );
        }
        for (w, n) in &why {
            println!("  misses {w}: {n}");
        }
        for (k, disagree) in &judged.should_align {
            if *disagree {
                match score.get(k) {
                    Some((p, _)) => println!(
                        "  dispute {p:.3}: {:?} ~ {:?}  {} ~ {}",
                        text(&k.0),
                        text(&k.1),
                        k.0,
                        k.1
                    ),
                    None => println!(
                        "  dispute none: {:?} ~ {:?}  {} ~ {}",
                        text(&k.0),
                        text(&k.1),
                        k.0,
                        k.1
                    ),
                }
            }
        }
    }
    println!("dispute features: {}", chosen.join(","));
    println!(
        "weights (fitted on all {} examples, L2 {l2}, dispute part {dispute_l2}): agree | dispute",
        examples.len()
    );
    for (k, f) in FEATURES.iter().enumerate() {
        println!("  {f:22} {:+.3} | {:+.3}", model.agree[k], model.dispute[k]);
    }
    if let Some(path) = opt("--write") {
        let fixed = opt("--dispute-features")
            .map(|v| format!("--dispute-features {v} "))
            .unwrap_or_default()
            + &opt("--dispute-l2")
                .map(|v| format!("--dispute-l2 {v} "))
                .unwrap_or_default()
            + &opt("--fit-without")
                .map(|v| format!("--fit-without {v} "))
                .unwrap_or_default();
        let slots = |v: &[Slot]| v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(",");
        let dispute_penalty = if dispute_l2 == l2 {
            String::new()
        } else {
            format!(" (the dispute part {dispute_l2})")
        };
        let header = format!(
            "# The alignment model (src/reconcile/model.rs): feature<TAB>weight of a logistic regression.\n\
             # Written by `cargo run --release --example fit_align -- {fixed}--write {path}`: Newton's method,\n\
             # L2 {l2}{dispute_penalty}, on {} labelled candidate pairs of the idnews dev labels ({} one fact, {} not); vetoes {};\n\
             # dispute vetoes {}.\n",
            examples.len(),
            positives,
            examples.len() - positives,
            slots(&align.vetoes),
            slots(&align.dispute_vetoes),
        );
        std::fs::write(&path, header + &model.to_tsv())?;
        println!("wrote {path}");
    }
    Ok(())
}
