//! Every candidate pair of figures of two articles: their fact keys, the model's features and its
//! confidence, and what the report's alignment makes of them: a tool for reading the model's choices.
//!
//! `cargo run --release --example explain_pair -- [--idnews] FOLDER_OR_FILE ID_A ID_B` (`--idnews`: the
//! idnews corpus's fields, as `scripts/eval.sh` reads them)
//!
//! The two articles are taken as one story; the corpus gives the term weights.

use crosscheck::claims::Lexicon;
use crosscheck::ingest::{load, InputOptions};
use crosscheck::reconcile::align::{align_scored, story_candidates, AlignOptions, StoryInput};
use crosscheck::reconcile::model::FEATURES;
use crosscheck::report::{run_stages, ReportOptions};
use crosscheck::stories::Story;

fn main() -> anyhow::Result<()> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    // The idnews corpus's fields (its ids are the articles' addresses).
    let idnews = args.first().is_some_and(|a| a == "--idnews");
    if idnews {
        args.remove(0);
    }
    let [path, ida, idb] = args.as_slice() else {
        eprintln!("usage: explain_pair [--idnews] PATH ID_A ID_B");
        std::process::exit(2);
    };
    let input = if idnews {
        crosscheck::eval::idnews_input()
    } else {
        InputOptions::default()
    };
    let corpus = load(&[path.into()], &input)?;
    let articles = &corpus.articles;
    let opts = ReportOptions::default();
    let stages = run_stages(articles, &opts, &Lexicon::builtin(), &mut |_| {})?;
    let contexts = stages.contexts(articles);
    let find = |id: &str| {
        articles
            .iter()
            .position(|a| a.id == id)
            .ok_or_else(|| anyhow::anyhow!("no article {id:?}"))
    };
    let (i, j) = (find(ida)?, find(idb)?);
    let mut indices = vec![i, j];
    indices.sort_unstable();
    let story = Story {
        id: "explain".into(),
        members: indices.iter().map(|&k| articles[k].id.clone()).collect(),
        title: None,
        events: Vec::new(),
        indices,
    };
    // The pair is explained as if one event, whatever the grouping says.
    let one_event = vec![0; articles.len()];
    let input = StoryInput {
        event_of: &one_event,
        ..stages.story_input(articles, &contexts)
    };
    let align = AlignOptions {
        min_confidence: 0.0,
        ..AlignOptions::default()
    };
    let claims = &stages.claims_per_doc;
    let scored: Vec<_> = story_candidates(&story, &input, &align)
        .into_iter()
        .map(|c| (align.model.predict(&c.x), c))
        .collect();
    for (p, c) in &scored {
        let (a, b) = (&claims[c.i][c.ka], &claims[c.j][c.kb]);
        println!("{p:.3} {:?} vs {:?}", a.text, b.text);
        println!("      a: {}", a.fact.summary());
        println!("      b: {}", b.fact.summary());
        let on: Vec<String> = FEATURES
            .iter()
            .zip(&c.x)
            .filter(|(_, v)| **v != 0.0)
            .map(|(f, v)| format!("{f}={v:.2}"))
            .collect();
        println!("      {}", on.join(" "));
    }
    println!("aligned:");
    for a in align_scored(&story, &input, &align, scored).alignments {
        println!(
            "  {} {:.3} {} ~ {}: {}",
            a.verdict.as_str(),
            a.confidence,
            a.a,
            a.b,
            a.reason
        );
    }
    Ok(())
}
