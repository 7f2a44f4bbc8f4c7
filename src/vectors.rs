//! Content vectors: what each article is about, weighted by how telling each word is in this
//! corpus.
//!
//! Each article's content features ([`crate::features`]: names ×2, numbers, content words;
//! Indonesian and English function words left out), the headline's added once, weighted by TF-IDF
//! over the corpus (sublinear term frequency, smoothed IDF) and L2-normalised. Stories compare
//! articles by their cosine, events by their names, and claim contexts by the IDF of their words.

use std::collections::HashMap;

use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_64;

use crate::features::{features, Feature};
use crate::ingest::Article;
use crate::normalize::Cleaned;

/// Share of the corpus's largest IDF from which a name is rare enough to tell one subject from
/// another (names in many articles, "Indonesia" in Indonesian news, do not).
pub const NAME_ANCHOR_IDF: f64 = 0.4;

/// Share of the corpus's largest IDF a name needs to count as very rare ([`Vector::shared_rare_names`]):
/// in a corpus of 5,000 articles, a name of at most about 17.
pub const VERY_RARE_IDF: f64 = 0.75;

/// Headline names each of two articles must have that the other never
/// mentions for them to be kept apart ([`Vector::headlines_apart`]).
pub const TITLE_NAMES_APART: usize = 2;

/// A sparse, L2-normalised feature vector.
#[derive(Debug, Clone, Default)]
pub struct Vector {
    terms: Vec<(u64, f32)>,
    /// Names of the headline: headline words that the body writes with a
    /// capital inside a sentence and that few articles of the corpus have
    /// (`Tuban`, `Pangandaran`, `Semeru`), sorted.
    title_names: Vec<u64>,
    /// Names of the body that very few articles of the corpus write (IDF at least
    /// [`VERY_RARE_IDF`] of the largest): a victim's, a street's, a suspect's; sorted.
    rare_names: Vec<u64>,
}

impl Vector {
    /// Cosine similarity (both vectors are normalised).
    pub fn cosine(&self, other: &Vector) -> f64 {
        let (mut i, mut j, mut dot) = (0, 0, 0.0f64);
        while i < self.terms.len() && j < other.terms.len() {
            match self.terms[i].0.cmp(&other.terms[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += f64::from(self.terms[i].1) * f64::from(other.terms[j].1);
                    i += 1;
                    j += 1;
                }
            }
        }
        dot
    }

    /// The `n` heaviest features (ties by hash), as hashes in ascending order.
    pub fn heaviest(&self, n: usize) -> Vec<u64> {
        let mut t = self.terms.clone();
        t.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut s: Vec<u64> = t.iter().take(n).map(|t| t.0).collect();
        s.sort_unstable();
        s
    }

    /// Whether the article has a feature, by the xxh3 hash of its key.
    pub fn has(&self, key: u64) -> bool {
        self.terms.binary_search_by_key(&key, |t| t.0).is_ok()
    }

    /// Whether a headline word is one of the article's rare names (see [`Vector::headlines_apart`]).
    pub fn is_title_name(&self, key: u64) -> bool {
        self.title_names.binary_search(&key).is_ok()
    }

    /// How many very rare names of the body both articles write (see [`VERY_RARE_IDF`]): reports
    /// of one shooting share the victim's and the street's, two shootings in one city only the city.
    pub fn shared_rare_names(&self, other: &Vector) -> usize {
        crate::shingle::shared(&self.rare_names, &other.rare_names)
    }

    /// Whether each headline names what the other article never mentions:
    /// "Gempa Magnitudo 4,5 Guncang Tuban" and "Gempa Magnitudo 5,0 Guncang
    /// Pangandaran" are two earthquakes however alike their reports read.
    pub fn headlines_apart(&self, other: &Vector) -> bool {
        let foreign = |a: &Vector, b: &Vector| {
            a.title_names
                .iter()
                .filter(|&&k| !b.has(k))
                .take(TITLE_NAMES_APART)
                .count()
                == TITLE_NAMES_APART
        };
        foreign(self, other) && foreign(other, self)
    }
}

/// Content vectors of all articles, TF-IDF over this corpus.
pub fn par_vectors(articles: &[Article], cleaned: &[Cleaned]) -> Vec<Vector> {
    par_vectors_idf(articles, cleaned).0
}

/// How informative a feature is in this corpus: its smoothed inverse
/// document frequency, `ln((n + 1) / (df + 1)) + 1`.
#[derive(Debug, Clone, Default)]
pub struct Idf {
    df: HashMap<u64, u32>,
    n: f32,
}

impl Idf {
    /// The IDF of a feature key (`moskow`, `#100000`).
    pub fn of(&self, key: &str) -> f64 {
        f64::from(self.of_hash(xxh3_64(key.as_bytes())))
    }

    /// The IDF of a feature by the xxh3 hash of its key.
    fn of_hash(&self, key: u64) -> f32 {
        let df = self.df.get(&key).copied().unwrap_or(0);
        ((self.n + 1.0) / (df as f32 + 1.0)).ln() + 1.0
    }

    /// The largest possible IDF in this corpus (a feature of one article).
    pub fn max(&self) -> f64 {
        f64::from(((self.n + 1.0) / 2.0).ln() + 1.0)
    }
}

/// One article's features before weighting: term counts, the headline's words the body writes as
/// names, and the body's names (sorted, unique).
struct Counted {
    terms: HashMap<u64, f32>,
    title: Vec<u64>,
    body_names: Vec<u64>,
}

/// Content vectors of all articles and the corpus IDF they were weighted with.
pub fn par_vectors_idf(articles: &[Article], cleaned: &[Cleaned]) -> (Vec<Vector>, Idf) {
    let counts: Vec<Counted> = articles
        .par_iter()
        .zip(cleaned.par_iter())
        .map(|(a, c)| {
            let mut fs: Vec<Feature> = Vec::new();
            for r in &c.kept {
                features(&a.text, r.clone(), &mut fs);
            }
            let body_len = fs.len();
            if let Some(t) = &a.title {
                features(t, 0..t.len(), &mut fs);
            }
            let mut m: HashMap<u64, f32> = HashMap::new();
            let mut body_names: Vec<u64> = Vec::new();
            for (n, f) in fs.iter().enumerate() {
                let w = if f.name { 2.0 } else { 1.0 };
                let k = xxh3_64(f.key.as_bytes());
                *m.entry(k).or_default() += w;
                if n < body_len && f.name && !f.number {
                    body_names.push(k);
                }
            }
            body_names.sort_unstable();
            body_names.dedup();
            let mut title: Vec<u64> = fs[body_len..]
                .iter()
                .filter(|f| !f.number)
                .map(|f| xxh3_64(f.key.as_bytes()))
                .filter(|k| body_names.binary_search(k).is_ok())
                .collect();
            title.sort_unstable();
            title.dedup();
            Counted {
                terms: m,
                title,
                body_names,
            }
        })
        .collect();
    let mut df: HashMap<u64, u32> = HashMap::new();
    for c in &counts {
        for k in c.terms.keys() {
            *df.entry(*k).or_default() += 1;
        }
    }
    let idf = Idf {
        df,
        n: articles.len() as f32,
    };
    let vectors = counts
        .into_par_iter()
        .map(|c| {
            let Counted {
                terms: m,
                title,
                body_names,
            } = c;
            // Names in many articles ("Indonesia", "Jakarta") tell no event from another.
            let title_names: Vec<u64> = title
                .into_iter()
                .filter(|&k| f64::from(idf.of_hash(k)) / idf.max() >= NAME_ANCHOR_IDF)
                .collect();
            let rare_names: Vec<u64> = body_names
                .into_iter()
                .filter(|&k| f64::from(idf.of_hash(k)) / idf.max() >= VERY_RARE_IDF)
                .collect();
            let mut terms: Vec<(u64, f32)> = m
                .into_iter()
                .map(|(k, tf)| (k, (1.0 + tf.ln()) * idf.of_hash(k)))
                .collect();
            // Sorted before the norm is summed: a hash map's order changes from run to run, and
            // so would the last bits of the sum.
            terms.sort_unstable_by_key(|t| t.0);
            let norm = terms.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                for t in &mut terms {
                    t.1 /= norm;
                }
            }
            Vector {
                terms,
                title_names,
                rare_names,
            }
        })
        .collect();
    (vectors, idf)
}
