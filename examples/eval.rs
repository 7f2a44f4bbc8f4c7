//! The evaluation harness: runs the report on the labelled dev data and prints how often it is right.
//!
//! `cargo run --release --example eval -- [--only idnews,ecbplus,gva,nli] [--labels eval/labels] [--save DIR]`
//!
//! Alignment: `--vetoes moment,place,…` (the fact-key slots whose clash keeps two figures apart).
//! Disputes: `--min-confidence P` (the report's threshold).
//! Events: `--events off` (one event per story), `--min-probability P` (see `examples/fit_events.rs`
//! for the pair model's features, their ablation and cross-validation).
//!
//! Reads `$CROSSCHECK_SHARED` (or `--shared DIR`). For idnews: conflict (dispute) and alignment precision
//! on every labelled pair, alignment and dispute recall on the fact tables, the errors by axis, and the
//! grouping of the fact tables' events; for ECB+ and the gun-violence reports: grouping against gold
//! events, and casualty claims against the archive's tolls; for the NLI pairs: how often a pair is aligned
//! and called a conflict, by gold label. `--save DIR` writes each report as JSON, for the reference
//! scorers in `$CROSSCHECK_SHARED/labels/score/` (`scripts/eval.sh --reference` runs them).

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crosscheck::eval::ToolArgs;
use crosscheck::eval::{
    event_of, events_of_tables, events_to_keep_whole, idnews_input, label_files,
    named_event_label_files, quoted_mentions, read_gold, report_and_articles, report_of,
    score_alignments, score_containment, score_grouping, score_tolls, source_of, story_of,
    AlignmentScores, GoldEvents, GroupingScores, Judgements,
};
use crosscheck::ingest::InputOptions;
use crosscheck::report::{Report, ReportOptions};

fn main() -> anyhow::Result<()> {
    let args = ToolArgs::from_env();
    let opt = |name: &str| args.value(name);
    let shared = args.shared()?;
    let labels = args.labels();
    let only = opt("--only").unwrap_or_else(|| "idnews,ecbplus,gva,nli".into());
    let save = opt("--save").map(PathBuf::from);
    if let Some(dir) = &save {
        std::fs::create_dir_all(dir)?;
    }
    let saved = |name: &str, r: &Report| -> anyhow::Result<()> {
        if let Some(dir) = &save {
            let mut f = std::fs::File::create(dir.join(format!("{name}.json")))?;
            serde_json::to_writer(&mut f, r)?;
            f.flush()?;
        }
        Ok(())
    };
    let options = report_options(&args)?;
    for suite in only.split(',') {
        let t = Instant::now();
        match suite {
            "idnews" => {
                let (pairs, tables) = label_files(&shared, &labels)?;
                let (r, articles) = report_and_articles(
                    &[shared.join("corpora/idnews-gikirima")],
                    &idnews_input(),
                    &options,
                )?;
                saved("idnews", &r)?;
                let j = Judgements::new(&r, &pairs, &tables);
                let groups: usize = tables.iter().map(|t| t.len()).sum();
                println!(
                    "idnews: {} labelled pairs ({} no longer extracted), {} fact groups, {} judged claim pairs",
                    pairs.len(),
                    j.pairs_unmatched,
                    groups,
                    j.pairs.len()
                );
                print_alignments(
                    &r,
                    &score_alignments(&r, &j),
                    args.value("--verbose").is_some(),
                );
                let q = quoted_mentions(&tables, &articles, &r);
                println!(
                    "  labelled mentions without a claim id {}: found by their quote {}, of those extracted now {}",
                    q.without, q.found, q.extracted
                );
                if args.value("--verbose").is_some() {
                    for (doc, quote) in &q.missed {
                        println!("    missed {doc}: {quote:?}");
                    }
                }
                let tables_gold = events_of_tables(&tables);
                print_groupings("idnews fact-table events", &tables_gold, &r);
                let named = named_event_label_files(&labels)?;
                for (name, gold) in &named {
                    print_groupings(&format!("idnews event labels {name}"), gold, &r);
                }
                let labelled: Vec<GoldEvents> = named.into_iter().map(|(_, g)| g).collect();
                let whole = events_to_keep_whole(&tables, &labelled);
                let c = score_containment(&whole, &event_of(&r), &source_of(&r), 3, 0.95);
                println!(
                    "  multi-outlet events whole (>= 0.95 of cross-outlet pairs together, group <= 3x): {}/{} = {:.3}; pairs together {}/{} = {:.3}",
                    c.whole, c.events, frac(c.whole, c.events),
                    c.pairs_together.0, c.pairs_together.1, frac(c.pairs_together.0, c.pairs_together.1)
                );
                if args.value("--verbose").is_some() {
                    for (e, share, largest, n) in &c.broken {
                        println!("    broken {e}: {share:.2} together, largest group {largest} for {n} articles");
                    }
                }
            }
            "ecbplus" => {
                let dir = shared.join("corpora/ecbplus-dev");
                let r = report_of(
                    &[dir.join("articles.jsonl")],
                    &InputOptions::default(),
                    &options,
                )?;
                saved("ecbplus", &r)?;
                print_groupings("ecbplus", &read_gold(&dir.join("gold.json"))?, &r);
            }
            "gva" => {
                let dir = shared.join("corpora/gva-dev");
                let r = report_of(
                    &[dir.join("articles.jsonl")],
                    &InputOptions::default(),
                    &options,
                )?;
                saved("gva", &r)?;
                let gold = read_gold(&dir.join("gold.json"))?;
                print_groupings("gva incidents", &gold, &r);
                for (concept, [hit, n, good, all]) in score_tolls(&gold, &r) {
                    println!(
                        "  {concept}: recall {hit}/{n} = {:.2}, precision {good}/{all} = {:.2}",
                        frac(hit, n),
                        frac(good, all)
                    );
                }
            }
            "nli" => nli(&shared.join("corpora/nli-dev/pairs.jsonl"), &saved)?,
            other => anyhow::bail!("unknown suite {other:?} (idnews, ecbplus, gva, nli)"),
        }
        println!("  ({suite}: {:.1} s)", t.elapsed().as_secs_f64());
    }
    Ok(())
}

fn frac(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn print_alignments(r: &Report, s: &AlignmentScores, verbose: bool) {
    let mut verdicts: BTreeMap<&str, usize> = BTreeMap::new();
    for a in &r.alignments {
        *verdicts.entry(a.verdict.as_str()).or_default() += 1;
    }
    println!("  alignments {} {:?}", s.aligned, verdicts);
    println!(
        "  dispute precision   {}/{} = {:.3}  (labelled disputes; {} of {} disputes are labelled)",
        s.disputes_right,
        s.disputes_judged,
        s.dispute_precision(),
        s.disputes_judged,
        s.disputes
    );
    println!(
        "  alignment precision {}/{} = {:.3}",
        s.aligned_right,
        s.aligned_judged,
        s.alignment_precision()
    );
    println!(
        "  alignment recall    {}/{} = {:.3}  (fact tables, cross-outlet pairs of one fact)",
        s.should_align_hit,
        s.should_align,
        s.alignment_recall()
    );
    println!(
        "  dispute recall      {}/{} = {:.3}  (fact tables, pairs whose values disagree)",
        s.should_dispute_hit,
        s.should_dispute,
        s.dispute_recall()
    );
    println!("  false disputes by what they are: {:?}", s.dispute_errors);
    if verbose {
        let mut judged = s.judged_disputes.clone();
        judged.sort_by(|x, y| y.1.total_cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
        for (id, confidence, what) in &judged {
            println!("    dispute {confidence:.3} {what}: {id}");
        }
        for ((a, b), verdict) in &s.missed_disputes {
            let verdict = verdict.as_deref().unwrap_or("not aligned");
            println!("    missed dispute ({verdict}): {a} ~ {b}");
        }
    }
    println!(
        "  false alignments by what they are: {:?}",
        s.alignment_errors
    );
    println!(
        "  labelled mentions not extracted {}/{}",
        s.missed_mentions.0, s.missed_mentions.1
    );
}

/// The report's settings, with the event ablations of the command line.
fn report_options(args: &ToolArgs) -> anyhow::Result<ReportOptions> {
    let mut o = ReportOptions::default();
    let on = |v: &str| -> anyhow::Result<bool> {
        match v {
            "on" => Ok(true),
            "off" => Ok(false),
            _ => anyhow::bail!("expected on or off, got {v:?}"),
        }
    };
    if let Some(v) = args.value("--events") {
        o.events.split = on(&v)?;
    }
    if let Some(v) = args.value("--vetoes") {
        o.align.vetoes = crosscheck::reconcile::facts::Slot::ALL
            .into_iter()
            .filter(|s| v.split(',').any(|x| x == s.as_str()))
            .collect();
    }
    if let Some(v) = args.value("--min-probability") {
        o.events.min_probability = v.parse()?;
    }
    if let Some(v) = args.value("--min-confidence") {
        o.align.min_confidence = v.parse()?;
    }
    Ok(o)
}

/// Stories and events, each scored against the gold events.
fn print_groupings(name: &str, gold: &GoldEvents, r: &Report) {
    print_grouping(
        &format!("{name} (stories)"),
        &score_grouping(gold, &story_of(r)),
    );
    print_grouping(
        &format!("{name} (events)"),
        &score_grouping(gold, &event_of(r)),
    );
}

fn print_grouping(name: &str, g: &GroupingScores) {
    println!(
        "{name}: pairwise P={:.3} R={:.3}; B3 P={:.3} R={:.3} F1={:.3}; near-miss events merged {}/{}; {} docs, {} events, {} groups",
        g.pairwise.0, g.pairwise.1, g.bcubed.0, g.bcubed.1, g.bcubed.2,
        g.near_miss_merged.0, g.near_miss_merged.1, g.counts.0, g.counts.1, g.counts.2
    );
}

/// Two articles per sentence pair, one story per pair; per subset and gold label: aligned, conflict.
fn nli(path: &Path, saved: &dyn Fn(&str, &Report) -> anyhow::Result<()>) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(path)?;
    let pairs: Vec<serde_json::Value> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    let tmp = tempfile::Builder::new().suffix(".jsonl").tempfile()?;
    {
        let mut w = std::io::BufWriter::new(tmp.as_file());
        for p in &pairs {
            for side in ["a", "b"] {
                let rec = serde_json::json!({
                    "id": format!("{}:{side}", p["id"].as_str().unwrap_or_default()),
                    "source": format!("src-{side}"),
                    "pair": p["id"], "text": p[side], "lang": p["lang"],
                });
                writeln!(w, "{rec}")?;
            }
        }
    }
    let input = InputOptions {
        group_field: Some("pair".into()),
        ..InputOptions::default()
    };
    let mut opts = ReportOptions::default();
    opts.stories.group_by = Some("pair".into());
    let r = report_of(&[tmp.path().to_path_buf()], &input, &opts)?;
    saved("nli", &r)?;
    let doc_of: HashMap<&str, &str> = r
        .claims
        .iter()
        .map(|c| (c.id.as_str(), c.doc.as_str()))
        .collect();
    let mut verdicts: HashMap<&str, Vec<&str>> = HashMap::new();
    for a in &r.alignments {
        if let Some(d) = doc_of.get(a.a.as_str()) {
            let pair = d.rsplit_once(':').map_or(*d, |(p, _)| p);
            verdicts.entry(pair).or_default().push(a.verdict.as_str());
        }
    }
    let mut stat: BTreeMap<(String, String), [usize; 3]> = BTreeMap::new();
    for p in &pairs {
        let key = (
            p["subset"].as_str().unwrap_or("-").to_string(),
            p["label"].as_str().unwrap_or("-").to_string(),
        );
        let v = verdicts.get(p["id"].as_str().unwrap_or_default());
        let s = stat.entry(key).or_default();
        s[0] += 1;
        s[1] += usize::from(v.is_some());
        s[2] += usize::from(v.is_some_and(|v| v.contains(&"conflict")));
    }
    for ((sub, lab), [n, al, cf]) in stat {
        println!(
            "nli {sub:12} {lab:13} n={n:5} aligned={:.2} conflict={:.3}",
            frac(al, n),
            frac(cf, n)
        );
    }
    Ok(())
}
