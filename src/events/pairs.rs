//! Whether two articles of a story report one happening: a logistic regression over how their
//! frames compare, fitted on labelled events.
//!
//! The features ([`FEATURES`]) each lie in [0, 1]; the weights are data (`data/event-model.tsv`,
//! `feature weight` lines), written by `cargo run --release --example fit_events`, which fits them
//! on the dev events of ECB+, the gun-violence archive and the idnews labels, each corpus weighing
//! the same, and reports the grouping it gives on stories it was not fitted on.

use std::sync::OnceLock;

use crate::ingest::Article;
use crate::reconcile::model::{dot, sigmoid};
use crate::vectors::Vector;

use super::frame::Frame;

/// The features of a pair of articles, in order. `bias` is always 1.
pub const FEATURES: &[&str] = &[
    "bias",
    // Content cosine of the two articles.
    "cosine",
    // Each headline has two rare names the other article never mentions.
    "headlines_apart",
    // Shared rare names of headline and lead over all of them.
    "names_jaccard",
    // The share of a frame's names the other article never mentions: the smaller and the larger.
    "foreign_min",
    "foreign_max",
    // Each article's heaviest name is one the other never mentions.
    "main_foreign",
    // Main names the two share, over all of them.
    "main_shared",
    // The leads' nearest dates lie two or three days apart / more / on the same day.
    "dates_near",
    "dates_far",
    "dates_same",
    // Both name a kind of happening: the same one / different ones.
    "kind_same",
    "kind_differ",
    // Days between publication dates, over three (at most 1; 0 when a date is unknown).
    "published_days",
    // One outlet.
    "same_source",
    // The two articles share one very rare name (0.5) or two or more (1): a victim's, a street's.
    "rare_shared",
    // Each states two figures or more of two significant digits or more (a toll, a magnitude, a
    // sum) and they share none: two happenings of one kind.
    "figures_apart",
];

/// The index of a named feature.
pub fn feature(name: &str) -> usize {
    FEATURES
        .iter()
        .position(|f| *f == name)
        .unwrap_or_else(|| panic!("unknown event feature {name}"))
}

/// The features of two articles (see [`FEATURES`]).
pub fn features(
    (a, fa, va): (&Article, &Frame, &Vector),
    (b, fb, vb): (&Article, &Frame, &Vector),
) -> Vec<f64> {
    let flag = |c: bool| f64::from(u8::from(c));
    let foreign = |x: &Frame, v: &Vector| {
        if x.names.is_empty() {
            0.0
        } else {
            x.names.iter().filter(|(k, _)| !v.has(*k)).count() as f64 / x.names.len() as f64
        }
    };
    let (sa, sb) = (foreign(fa, vb), foreign(fb, va));
    let shared = fa
        .names
        .iter()
        .filter(|(k, _)| fb.names.iter().any(|(j, _)| j == k))
        .count();
    let union = fa.names.len() + fb.names.len() - shared;
    let nearest = fa
        .dates
        .iter()
        .flat_map(|x| fb.dates.iter().map(move |y| (*x - *y).num_days().abs()))
        .min();
    let main_foreign = |x: &Frame, v: &Vector| x.main.first().is_some_and(|k| !v.has(*k));
    let kinds = fa.kind.is_some() && fb.kind.is_some();
    let published = match (a.published, b.published) {
        (Some(x), Some(y)) => ((x.date - y.date).num_days().abs() as f64 / 3.0).min(1.0),
        _ => 0.0,
    };
    let same_source = match (&a.source, &b.source) {
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
        _ => false,
    };
    vec![
        1.0,
        va.cosine(vb),
        flag(va.headlines_apart(vb)),
        if union == 0 {
            0.0
        } else {
            shared as f64 / union as f64
        },
        sa.min(sb),
        sa.max(sb),
        flag(main_foreign(fa, vb) && main_foreign(fb, va)),
        {
            let shared = fa.main.iter().filter(|k| fb.main.contains(k)).count();
            let all = fa.main.len() + fb.main.len() - shared;
            if all == 0 {
                0.0
            } else {
                shared as f64 / all as f64
            }
        },
        flag(nearest.is_some_and(|d| (2..=3).contains(&d))),
        flag(nearest.is_some_and(|d| d > 3)),
        flag(nearest == Some(0)),
        flag(kinds && fa.kind == fb.kind),
        flag(kinds && fa.kind != fb.kind),
        published,
        flag(same_source),
        va.shared_rare_names(vb).min(2) as f64 / 2.0,
        flag(
            fa.figures.len() >= 2
                && fb.figures.len() >= 2
                && !fa
                    .figures
                    .iter()
                    .any(|f| fb.figures.binary_search(f).is_ok()),
        ),
    ]
}

/// Fitted weights, one per feature of [`FEATURES`].
#[derive(Debug, Clone, PartialEq)]
pub struct PairModel {
    /// Weight of each feature.
    pub weights: Vec<f64>,
}

impl PairModel {
    /// The built-in model (`data/event-model.tsv`).
    pub fn builtin() -> &'static PairModel {
        static M: OnceLock<PairModel> = OnceLock::new();
        M.get_or_init(|| {
            PairModel::parse(include_str!("../../data/event-model.tsv"))
                .expect("data/event-model.tsv is checked by its test")
        })
    }

    /// Reads `feature weight` lines (`#` comments); features not listed weigh 0.
    pub fn parse(text: &str) -> Result<PairModel, String> {
        let mut weights = vec![0.0; FEATURES.len()];
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split_whitespace().collect();
            let [name, w] = cols.as_slice() else {
                return Err(format!("line {}: expected `feature weight`", n + 1));
            };
            let i = FEATURES
                .iter()
                .position(|f| f == name)
                .ok_or_else(|| format!("line {}: unknown feature {name:?}", n + 1))?;
            weights[i] = w
                .parse()
                .map_err(|_| format!("line {}: bad weight {w:?}", n + 1))?;
        }
        Ok(PairModel { weights })
    }

    /// The model as `feature weight` lines.
    pub fn to_tsv(&self) -> String {
        FEATURES
            .iter()
            .zip(&self.weights)
            .map(|(f, w)| format!("{f}\t{w:.6}\n"))
            .collect()
    }

    /// The probability that two articles with features `x` report one happening.
    pub fn predict(&self, x: &[f64]) -> f64 {
        sigmoid(dot(&self.weights, x))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::frame::frame;
    use crate::events::{EventTypes, Gazetteer};
    use crate::normalize::Cleaned;
    use crate::vectors::par_vectors_idf;

    #[test]
    fn the_bundled_model_reads_and_weighs_every_feature() {
        let m = PairModel::builtin();
        assert_eq!(m.weights.len(), FEATURES.len());
        assert!(m.weights.iter().any(|w| *w != 0.0));
    }

    #[test]
    fn a_bad_line_is_an_error_naming_it() {
        let e = PairModel::parse("bias 1\ncosine x\n").unwrap_err();
        assert!(e.contains("line 2"), "{e}");
        let e = PairModel::parse("nonsense 1\n").unwrap_err();
        assert!(e.contains("unknown feature"), "{e}");
    }

    fn article(id: usize, text: String) -> Article {
        Article {
            lang: Some("en".into()),
            ..Article::new(format!("a{id:02}"), text)
        }
    }

    /// The frames of articles of `texts` (claims read), and the feature `name` of every pair of them.
    fn frames_and_feature(texts: &[String], name: &str) -> (Vec<Frame>, Vec<Vec<f64>>) {
        let articles: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| article(i, t.clone()))
            .collect();
        let cleaned: Vec<Cleaned> = articles.iter().map(|a| Cleaned::whole(&a.text)).collect();
        let (vectors, idf) = par_vectors_idf(&articles, &cleaned);
        let (g, t) = (Gazetteer::bundled(), EventTypes::bundled());
        let lexicon = crate::claims::Lexicon::builtin();
        let opts = crate::claims::ExtractOptions {
            lang: None,
            published: None,
            lexicon: &lexicon,
        };
        let frames: Vec<Frame> = (0..articles.len())
            .map(|i| {
                let claims = crate::claims::extract(&articles[i].id, &articles[i].text, &opts);
                frame(&articles[i], &cleaned[i], &claims, &vectors[i], &idf, g, t)
            })
            .collect();
        let k = feature(name);
        let values = (0..articles.len())
            .map(|i| {
                (0..articles.len())
                    .map(|j| {
                        features(
                            (&articles[i], &frames[i], &vectors[i]),
                            (&articles[j], &frames[j], &vectors[j]),
                        )[k]
                    })
                    .collect()
            })
            .collect();
        (frames, values)
    }

    #[test]
    fn very_rare_names_are_shared_by_reports_of_one_happening_only() {
        // Forty shootings in one city; two reports name the same victim and street.
        let mut texts: Vec<String> = (0..40)
            .map(|i| {
                format!(
                    "A man was shot in Chicago on Tuesday night, police said. Officer Number{i} \
                     of the Chicago Police Department said the victim was taken to hospital."
                )
            })
            .collect();
        texts[3] = "Police in Chicago said Darnell Okonkwo was shot on Wrightwood Avenue late on \
                    Tuesday. Okonkwo died at the scene."
            .into();
        texts[7] =
            "Darnell Okonkwo, 24, was killed in a shooting on Wrightwood Avenue in Chicago, \
                    his family said. Chicago police have made no arrest."
                .into();
        texts[9] = "Police in Chicago said a woman was shot near Wrightwood on Monday.".into();
        let (_, values) = frames_and_feature(&texts, "rare_shared");
        let shared = |i: usize, j: usize| values[i][j];
        assert_eq!(shared(3, 7), 1.0, "victim and street");
        assert_eq!(shared(3, 9), 0.5, "the street only");
        assert_eq!(shared(3, 0), 0.0);
        assert_eq!(shared(0, 1), 0.0, "the city is no rare name");
    }

    #[test]
    fn figures_apart_needs_two_specific_figures_in_each_and_none_shared() {
        let texts = [
            "A magnitude 5.6 earthquake struck Qeshm island, injuring 17 people and damaging 230 \
             houses.",
            "A 5.6 magnitude quake hit Qeshm island on Sunday; 17 people were hurt.",
            "A magnitude 5.9 earthquake struck Qeshm island, killing 13 people and injuring 81.",
            "An earthquake struck Qeshm island; 13 people were hurt.",
            "A quake struck Qeshm island, killing 200 people and injuring 3,000.",
        ];
        let texts: Vec<String> = texts.iter().map(|t| t.to_string()).collect();
        let (frames, values) = frames_and_feature(&texts, "figures_apart");
        let apart = |i: usize, j: usize| values[i][j];
        assert_eq!(frames[0].figures.len(), 3, "5.6, 17 people, 230 houses");
        assert_eq!(apart(0, 2), 1.0, "two quakes: none of their figures shared");
        assert_eq!(
            apart(0, 1),
            0.0,
            "one quake: its magnitude and toll repeated"
        );
        assert_eq!(apart(2, 3), 0.0, "one figure is too few to tell");
        assert!(frames[4].figures.is_empty(), "round figures say little");
        assert_eq!(apart(0, 4), 0.0);
    }
}
