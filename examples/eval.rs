//! The evaluation harness: runs the report on the labelled dev data and prints how often it is right.
//!
//! `cargo run --release --example eval -- [--only idnews,ecbplus,gva,nli] [--labels eval/labels] [--save DIR]`
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
    events_of_tables, idnews_input, label_files, read_gold, report_of, score_alignments,
    score_grouping, score_tolls, story_of, AlignmentScores, GroupingScores, Judgements,
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
    for suite in only.split(',') {
        let t = Instant::now();
        match suite {
            "idnews" => {
                let (pairs, tables) = label_files(&shared, &labels)?;
                let r = report_of(
                    &[shared.join("corpora/idnews-gikirima")],
                    &idnews_input(),
                    &ReportOptions::default(),
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
                print_alignments(&r, &score_alignments(&r, &j));
                print_grouping(
                    "idnews events",
                    &score_grouping(&events_of_tables(&tables), &story_of(&r)),
                );
            }
            "ecbplus" => {
                let dir = shared.join("corpora/ecbplus-dev");
                let r = report_of(
                    &[dir.join("articles.jsonl")],
                    &InputOptions::default(),
                    &ReportOptions::default(),
                )?;
                saved("ecbplus", &r)?;
                print_grouping(
                    "ecbplus",
                    &score_grouping(&read_gold(&dir.join("gold.json"))?, &story_of(&r)),
                );
            }
            "gva" => {
                let dir = shared.join("corpora/gva-dev");
                let r = report_of(
                    &[dir.join("articles.jsonl")],
                    &InputOptions::default(),
                    &ReportOptions::default(),
                )?;
                saved("gva", &r)?;
                let gold = read_gold(&dir.join("gold.json"))?;
                print_grouping("gva incidents", &score_grouping(&gold, &story_of(&r)));
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

fn print_alignments(r: &Report, s: &AlignmentScores) {
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
    println!(
        "  false alignments by what they are: {:?}",
        s.alignment_errors
    );
    println!(
        "  labelled mentions not extracted {}/{}",
        s.missed_mentions.0, s.missed_mentions.1
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
