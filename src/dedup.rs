//! Near-duplicate clusters: shingles → MinHash → LSH → exact Jaccard → union-find.
//!
//! Every stage runs over articles in parallel with rayon and its output is
//! ordered by article index (articles are sorted by id when read), so the
//! result does not depend on the number of threads or the order of inputs.

pub mod stream;

use rayon::prelude::*;
use serde::Serialize;
use xxhash_rust::xxh3::xxh3_64;

use crate::cluster::UnionFind;
use crate::error::{Error, Result};
use crate::ingest::Article;
use crate::lsh::{par_candidates, LshParams};
use crate::minhash::{oph_signature_into, NumPerm};
use crate::normalize::{kept_tokens_into, Cleaned};
use crate::shingle::{jaccard, shingle_hashes, shingle_set};

/// Which member of a cluster represents it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Keep {
    /// The earliest publication (undated last), ties by id. Independent of input order.
    #[default]
    Earliest,
    /// The longest text, ties by id. Independent of input order.
    Longest,
    /// The first in the order the inputs were given (depends on that order by design).
    First,
}

/// Settings of the near-duplicate stage.
#[derive(Debug, Clone)]
pub struct DedupOptions {
    /// Exact Jaccard at or above which two articles are near-duplicates.
    pub threshold: f64,
    /// Words per shingle.
    pub ngram: usize,
    /// MinHash permutations.
    pub num_perm: NumPerm,
    /// Bands and rows; derived from the threshold when `None`.
    pub lsh: Option<LshParams>,
    /// Largest LSH bucket expanded into all its pairs.
    pub max_bucket: usize,
    /// Representative rule.
    pub keep: Keep,
}

impl Default for DedupOptions {
    fn default() -> Self {
        DedupOptions {
            threshold: 0.8,
            ngram: 5,
            num_perm: NumPerm::P128,
            lsh: None,
            max_bucket: 200,
            keep: Keep::Earliest,
        }
    }
}

impl DedupOptions {
    /// Checks the values a user can set.
    pub fn validate(&self) -> Result<()> {
        if !(self.threshold > 0.0 && self.threshold <= 1.0) {
            return Err(Error::Usage(format!(
                "--threshold must be in (0, 1], got {}",
                self.threshold
            )));
        }
        if !(1..=16).contains(&self.ngram) {
            return Err(Error::Usage(format!(
                "--ngram must be between 1 and 16, got {}",
                self.ngram
            )));
        }
        if let Some(p) = self.lsh {
            if p.bands == 0 || p.rows == 0 || p.bands * p.rows > self.num_perm.count() {
                return Err(Error::Usage(format!(
                    "bands × rows ({} × {}) must be at most --num-perm {}",
                    p.bands,
                    p.rows,
                    self.num_perm.count()
                )));
            }
        }
        Ok(())
    }

    /// The bands and rows in use.
    pub fn lsh_params(&self) -> LshParams {
        self.lsh
            .unwrap_or_else(|| LshParams::for_threshold(self.threshold, self.num_perm.count()))
    }
}

/// Two near-duplicate articles and their exact Jaccard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    /// The smaller id (`lhs`).
    pub a: String,
    /// The larger id (`rhs`).
    pub b: String,
    /// Exact Jaccard of their shingle sets, rounded to 4 decimals.
    pub jaccard: f64,
}

/// A member of a cluster.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Member {
    /// Article id.
    pub id: String,
    /// Its outlet.
    pub source: Option<String>,
    /// Exact Jaccard to the representative (1 for the representative).
    pub jaccard_to_representative: f64,
}

/// A group of near-duplicate articles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cluster {
    /// Stable id: a hash of the member ids.
    pub id: String,
    /// The representative's id.
    pub representative: String,
    /// Member ids, sorted.
    pub members: Vec<String>,
    /// Verified pairs inside the cluster.
    pub pairs: Vec<Pair>,
    /// Each member's source and similarity to the representative.
    pub details: Vec<Member>,
}

/// Counts and settings of a run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Articles read.
    pub articles: usize,
    /// Articles with no words left after cleaning (never clustered).
    pub without_words: usize,
    /// Clusters of two or more.
    pub clusters: usize,
    /// Articles in clusters.
    pub clustered_articles: usize,
    /// Articles a deduplicated corpus keeps: representatives plus unclustered.
    pub unique_articles: usize,
    /// Candidate pairs from LSH.
    pub candidate_pairs: usize,
    /// Candidates at or above the threshold.
    pub verified_pairs: usize,
    /// Threshold in use.
    pub threshold: f64,
    /// Words per shingle.
    pub ngram: usize,
    /// Permutations.
    pub num_perm: usize,
    /// Bands.
    pub bands: usize,
    /// Rows per band.
    pub rows: usize,
    /// Representative rule.
    pub keep: Keep,
}

/// The near-duplicate stage's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dedup {
    /// Clusters, ordered by their first member id.
    pub clusters: Vec<Cluster>,
    /// Counts and settings.
    pub summary: Summary,
    /// For each article (by index), the index of its cluster.
    #[serde(skip)]
    pub cluster_of: Vec<Option<usize>>,
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// The shingle set of every article's kept text, in parallel.
pub fn par_shingle_sets(articles: &[Article], cleaned: &[Cleaned], ngram: usize) -> Vec<Vec<u64>> {
    articles
        .par_iter()
        .zip(cleaned.par_iter())
        .map_init(Vec::new, |buf, (a, c)| {
            kept_tokens_into(&a.text, c, buf);
            shingle_set(buf, ngram)
        })
        .collect()
}

/// One-permutation MinHash signatures of shingle sets, row after row
/// (`num_perm` registers each; all `u64::MAX` for an empty set, which
/// [`par_dedup`] never bands).
pub fn par_signatures(shingles: &[Vec<u64>], num_perm: NumPerm) -> Vec<u64> {
    let p = num_perm.count();
    let mut sigs = vec![u64::MAX; shingles.len() * p];
    sigs.par_chunks_mut(p)
        .zip(shingles.par_iter())
        .with_min_len(64)
        .for_each_init(Vec::new, |buf, (out, s)| {
            buf.clear();
            oph_signature_into(s, num_perm, buf);
            if buf.len() == p {
                out.copy_from_slice(buf);
            }
        });
    sigs
}

/// [`par_dedup`] from cleaned articles, fused: each article's shingle hashes
/// are signed as they come, in a buffer each thread reuses (one-permutation
/// MinHash needs no set), and only the articles in candidate pairs are
/// shingled again into sets for the exact Jaccard. Same result as
/// [`par_shingle_sets`] then [`par_dedup`], without holding every article's
/// shingles at once.
pub fn par_dedup_articles(
    articles: &[Article],
    cleaned: &[Cleaned],
    opts: &DedupOptions,
) -> Result<Dedup> {
    opts.validate()?;
    let params = opts.lsh_params();
    let p = opts.num_perm.count();
    // Zeroed lazily by the allocator (no serial fill of 100 MB at 100k
    // articles); the rows of articles without words are never read.
    let mut sigs = vec![0u64; articles.len() * p];
    let has_words: Vec<bool> = articles
        .par_iter()
        .zip(cleaned.par_iter())
        .zip(sigs.par_chunks_mut(p))
        .with_min_len(64)
        .map_init(
            || (Vec::new(), Vec::new(), Vec::with_capacity(p)),
            |(toks, h, sig), ((a, c), out)| {
                kept_tokens_into(&a.text, c, toks);
                h.clear();
                shingle_hashes(toks, opts.ngram, h);
                sig.clear();
                oph_signature_into(h, opts.num_perm, sig);
                if sig.len() == p {
                    out.copy_from_slice(sig);
                }
                !h.is_empty()
            },
        )
        .collect();
    let views: Vec<Option<&[u64]>> = has_words
        .iter()
        .zip(sigs.chunks_exact(p))
        .map(|(&w, sig)| w.then_some(sig))
        .collect();
    let candidates = par_candidates(&views, params, opts.max_bucket);
    drop(views);
    drop(sigs);
    let mut in_pair = vec![false; articles.len()];
    for &(i, j) in &candidates {
        in_pair[i as usize] = true;
        in_pair[j as usize] = true;
    }
    let without_words = has_words.iter().filter(|&&w| !w).count();
    // Sets only where a Jaccard will be asked for.
    let sets: Vec<Vec<u64>> = articles
        .par_iter()
        .zip(cleaned.par_iter())
        .zip(in_pair.par_iter())
        .map_init(Vec::new, |toks, ((a, c), &needed)| {
            if needed {
                kept_tokens_into(&a.text, c, toks);
                shingle_set(toks, opts.ngram)
            } else {
                Vec::new()
            }
        })
        .collect();
    // Every clustered article is in a verified pair, hence has its set.
    Ok(verify_and_assemble(
        articles,
        &sets,
        &candidates,
        without_words,
        opts,
    ))
}

/// Exact Jaccard of the candidate pairs over shingle sets (sorted hashes),
/// and the clusters of those at or above the threshold.
fn verify_and_assemble(
    articles: &[Article],
    sets: &[Vec<u64>],
    candidates: &[(u32, u32)],
    without_words: usize,
    opts: &DedupOptions,
) -> Dedup {
    let verified: Vec<(u32, u32, f64)> = candidates
        .par_iter()
        .filter_map(|&(i, j)| {
            let jac = jaccard(&sets[i as usize], &sets[j as usize]);
            (jac >= opts.threshold).then_some((i, j, jac))
        })
        .collect();
    assemble(
        articles,
        &verified,
        candidates.len(),
        without_words,
        opts,
        |pairs| {
            pairs
                .par_iter()
                .map(|&(m, rep)| jaccard(&sets[m], &sets[rep]))
                .collect()
        },
    )
}

/// What clustering needs to know of an article besides its shingles, so that
/// the streaming path can cluster without keeping texts.
pub trait ArticleMeta: Sync {
    /// The article id.
    fn id(&self) -> &str;
    /// Its outlet.
    fn source(&self) -> Option<&str>;
    /// Its publication instant in minutes, when dated.
    fn published_minutes(&self) -> Option<i64>;
    /// Length of its text in bytes.
    fn text_len(&self) -> usize;
    /// Its place in the order inputs were given.
    fn seq(&self) -> u64;
}

impl ArticleMeta for Article {
    fn id(&self) -> &str {
        &self.id
    }
    fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }
    fn published_minutes(&self) -> Option<i64> {
        self.published.map(|d| d.instant_minutes())
    }
    fn text_len(&self) -> usize {
        self.text.len()
    }
    fn seq(&self) -> u64 {
        self.origin.seq
    }
}

/// Finds the near-duplicate clusters among `articles` (sorted by id).
pub fn par_dedup(
    articles: &[Article],
    shingles: &[Vec<u64>],
    opts: &DedupOptions,
) -> Result<Dedup> {
    opts.validate()?;
    let params = opts.lsh_params();
    let p = opts.num_perm.count();
    let sigs = par_signatures(shingles, opts.num_perm);
    let views: Vec<Option<&[u64]>> = shingles
        .iter()
        .zip(sigs.chunks_exact(p))
        .map(|(s, sig)| (!s.is_empty()).then_some(sig))
        .collect();
    let candidates = par_candidates(&views, params, opts.max_bucket);
    let without_words = shingles.iter().filter(|s| s.is_empty()).count();
    Ok(verify_and_assemble(
        articles,
        shingles,
        &candidates,
        without_words,
        opts,
    ))
}

/// Clusters from verified pairs `(i, j, jaccard)`: union-find, representatives,
/// and each member's Jaccard to its representative from `rep_jaccard`, which
/// gets the `(member, representative)` pairs in cluster order.
pub fn assemble<M: ArticleMeta>(
    articles: &[M],
    verified: &[(u32, u32, f64)],
    candidate_pairs: usize,
    without_words: usize,
    opts: &DedupOptions,
    rep_jaccard: impl FnOnce(&[(usize, usize)]) -> Vec<f64>,
) -> Dedup {
    let params = opts.lsh_params();
    let mut uf = UnionFind::new(articles.len());
    for &(i, j, _) in verified {
        uf.union(i as usize, j as usize);
    }
    let groups = uf.groups();
    let mut cluster_of = vec![None; articles.len()];
    for (c, g) in groups.iter().enumerate() {
        for &m in g {
            cluster_of[m] = Some(c);
        }
    }
    let mut pairs_of: Vec<Vec<Pair>> = vec![Vec::new(); groups.len()];
    for &(i, j, jac) in verified {
        if let Some(c) = cluster_of[i as usize] {
            pairs_of[c].push(Pair {
                a: articles[i as usize].id().to_string(),
                b: articles[j as usize].id().to_string(),
                jaccard: round4(jac),
            });
        }
    }
    let reps: Vec<usize> = groups
        .iter()
        .map(|g| representative(articles, g, opts.keep))
        .collect();
    let to_rep: Vec<(usize, usize)> = groups
        .iter()
        .zip(&reps)
        .flat_map(|(g, &rep)| g.iter().filter(move |&&m| m != rep).map(move |&m| (m, rep)))
        .collect();
    let mut rep_jac = rep_jaccard(&to_rep).into_iter();
    let clusters: Vec<Cluster> = groups
        .iter()
        .zip(&reps)
        .zip(pairs_of)
        .map(|((g, &rep), pairs)| {
            let members: Vec<String> = g.iter().map(|&m| articles[m].id().to_string()).collect();
            let details = g
                .iter()
                .map(|&m| Member {
                    id: articles[m].id().to_string(),
                    source: articles[m].source().map(str::to_string),
                    jaccard_to_representative: if m == rep {
                        1.0
                    } else {
                        round4(rep_jac.next().unwrap_or(0.0))
                    },
                })
                .collect();
            Cluster {
                id: format!("dup-{:012x}", xxh3_64(members.join("\n").as_bytes()) >> 16),
                representative: articles[rep].id().to_string(),
                members,
                pairs,
                details,
            }
        })
        .collect();
    let clustered: usize = clusters.iter().map(|c| c.members.len()).sum();
    let summary = Summary {
        articles: articles.len(),
        without_words,
        clusters: clusters.len(),
        clustered_articles: clustered,
        unique_articles: articles.len() - clustered + clusters.len(),
        candidate_pairs,
        verified_pairs: verified.len(),
        threshold: opts.threshold,
        ngram: opts.ngram,
        num_perm: opts.num_perm.count(),
        bands: params.bands,
        rows: params.rows,
        keep: opts.keep,
    };
    Dedup {
        clusters,
        summary,
        cluster_of,
    }
}

/// The index of the representative of a group under a rule.
fn representative<M: ArticleMeta>(articles: &[M], group: &[usize], keep: Keep) -> usize {
    let by_id = |a: &usize, b: &usize| articles[*a].id().cmp(articles[*b].id());
    let pick = group.iter().copied().min_by(|a, b| {
        let (x, y) = (&articles[*a], &articles[*b]);
        let primary = match keep {
            Keep::Earliest => {
                let key = |p: &M| p.published_minutes().map_or((1, i64::MAX), |d| (0, d));
                key(x).cmp(&key(y))
            }
            Keep::Longest => y.text_len().cmp(&x.text_len()),
            Keep::First => x.seq().cmp(&y.seq()),
        };
        primary.then_with(|| by_id(a, b))
    });
    pick.unwrap_or(group[0])
}

/// Which articles a deduplicated corpus keeps: every representative and every
/// article in no cluster, in article order.
pub fn unique_indices<M: ArticleMeta>(articles: &[M], dedup: &Dedup) -> Vec<usize> {
    let reps: std::collections::HashSet<&str> = dedup
        .clusters
        .iter()
        .map(|c| c.representative.as_str())
        .collect();
    (0..articles.len())
        .filter(|&i| dedup.cluster_of[i].is_none() || reps.contains(articles[i].id()))
        .collect()
}
