//! Fits the alignment model (`data/align-model.tsv`) on the labelled dev pairs, and measures it on
//! labels it was not fitted on.
//!
//! `cargo run --release --example fit_align -- [--shared DIR] [--labels eval/labels] [--folds 5]
//!  [--l2 1] [--vetoes attribute,moment,holder,scope,modality] [--write data/align-model.tsv]`
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
//! 4. The model fitted on every example is printed, and written with `--write`.
//!
//! Deterministic: Newton's method from zero weights, folds by hash, no random draw.

use rayon::prelude::*;

use crosscheck::claims::Lexicon;
use crosscheck::eval::ToolArgs;
use crosscheck::eval::{idnews_input, label_files, score_alignments, Judgements, Truth};
use crosscheck::ingest::load;
use crosscheck::reconcile::align::{
    align_scored, story_candidates, AlignOptions, Candidate, StoryInput,
};
use crosscheck::reconcile::facts::Slot;
use crosscheck::reconcile::model::{Model, FEATURES};
use crosscheck::report::{build, run_stages, ReportOptions};

fn main() -> anyhow::Result<()> {
    let args = ToolArgs::from_env();
    let opt = |name: &str| args.value(name);
    let shared = args.shared()?;
    let labels = args.labels();
    let folds: u64 = args.number("--folds", 5)?;
    let l2: f64 = args.number("--l2", 1.0)?;
    let mut align = AlignOptions::default();
    if let Some(v) = opt("--vetoes") {
        align.vetoes = Slot::ALL
            .into_iter()
            .filter(|s| v.split(',').any(|x| x == s.as_str()))
            .collect();
    }
    // Rules to ablate: `--past-markers on|off`, `--dated-past on|off`.
    if let Some(v) = opt("--past-markers") {
        align.past_marker_veto = v == "on";
    }
    if let Some(v) = opt("--dated-past") {
        align.dated_past_veto = v == "on";
    }
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
    let input = StoryInput {
        articles,
        claims: &stages.claims_per_doc,
        contexts: &contexts,
        vectors: &stages.vectors,
        event_of: &stages.event_of,
    };
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
    let fold_of = |story: &str| xxhash_rust::xxh3::xxh3_64(story.as_bytes()) % folds;
    // Examples: (fold, features, one fact?).
    let mut examples: Vec<(u64, &Vec<f64>, bool)> = Vec::new();
    for (s, cands) in stages.stories.iter().zip(&per_story) {
        for c in cands {
            if let Some(j) = judged.pairs.get(&claim_id(c)) {
                let same = matches!(j.truth, Truth::Agree | Truth::Dispute);
                examples.push((fold_of(&s.id), &c.x, same));
            }
        }
    }
    if let Some(path) = opt("--dump") {
        // Every judged candidate: claim ids, truth, features (for reading the errors).
        let mut out = format!("a\tb\ttruth\taxis\t{}\n", FEATURES.join("\t"));
        for cands in &per_story {
            for c in cands {
                let id = claim_id(c);
                if let Some(j) = judged.pairs.get(&id) {
                    let xs: Vec<String> = c.x.iter().map(|v| format!("{v:.4}")).collect();
                    out.push_str(&format!(
                        "{}\t{}\t{:?}\t{}\t{}\n",
                        id.0,
                        id.1,
                        j.truth,
                        j.axis.as_deref().unwrap_or("-"),
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
    let fit = |keep: &dyn Fn(u64) -> bool| {
        let (xs, ys): (Vec<Vec<f64>>, Vec<bool>) = examples
            .iter()
            .filter(|e| keep(e.0))
            .map(|e| (e.1.clone(), e.2))
            .unzip();
        Model::fit(&xs, &ys, l2)
    };
    let models: Vec<Model> = (0..folds).map(|k| fit(&|f| f != k)).collect();
    let held_out: Vec<Vec<(f64, Candidate)>> = stages
        .stories
        .iter()
        .zip(&per_story)
        .map(|(s, cands)| {
            let m = &models[fold_of(&s.id) as usize];
            cands.iter().map(|c| (m.predict(&c.x), c.clone())).collect()
        })
        .collect();
    println!(
        "cross-validated ({folds} folds by story), the report's alignment on held-out scores:"
    );
    println!("  min-confidence  disputes  judged  precision  dispute-recall  align-precision  align-recall");
    for t in [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] {
        let o = AlignOptions {
            min_confidence: t,
            ..align.clone()
        };
        let mut alignments = Vec::new();
        for (s, scored) in stages.stories.iter().zip(&held_out) {
            alignments.extend(align_scored(s, &input, &o, scored.clone()));
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
        if t == 0.1 || t == 0.5 {
            println!("                  errors: {:?}", sc.dispute_errors);
        }
    }
    let model = fit(&|_| true);
    println!(
        "weights (fitted on all {} examples, L2 {l2}): agree | dispute",
        examples.len()
    );
    for (k, f) in FEATURES.iter().enumerate() {
        println!("  {f:22} {:+.3} | {:+.3}", model.agree[k], model.dispute[k]);
    }
    if let Some(path) = opt("--write") {
        let header = format!(
            "# The alignment model (src/reconcile/model.rs): feature<TAB>weight of a logistic regression.\n\
             # Written by `cargo run --release --example fit_align -- --write {path}`: Newton's method, L2 {l2},\n\
             # on {} labelled candidate pairs of the idnews dev labels ({} one fact, {} not); vetoes {}.\n",
            examples.len(),
            positives,
            examples.len() - positives,
            align.vetoes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(",")
        );
        std::fs::write(&path, header + &model.to_tsv())?;
        println!("wrote {path}");
    }
    Ok(())
}
