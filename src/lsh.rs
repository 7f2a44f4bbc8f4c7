//! Banding: candidate pairs from MinHash signatures.
//!
//! A signature of `bands × rows` registers is cut into bands; two articles
//! are a candidate pair when all rows of at least one band agree. For
//! Jaccard similarity `s` that happens with probability `1 - (1 - s^r)^b`.
//!
//! # Choosing bands and rows
//!
//! Every candidate is verified afterwards with the exact Jaccard of the
//! shingle sets, so a false candidate costs only time while a missed pair is
//! lost for good. [`LshParams::for_threshold`] therefore asks that a pair at
//! exactly the threshold becomes a candidate with probability at least
//! [`MIN_RECALL_AT_THRESHOLD`] (0.99), and among the `(b, r)` with
//! `b·r ≤ permutations` that do, takes the one with the least false-positive
//! mass `∫₀ᵗ 1-(1-s^r)^b ds`. At the defaults (threshold 0.8, 128
//! permutations) that is 16 bands of 6 rows: a pair at 0.8 is found with
//! probability 0.992, at 0.7 with 0.87, at 0.3 with 0.012.
//!
//! # Band tables
//!
//! Each band is a table of `(key, article)` sorted by key (sorting beats
//! hashing here: one allocation, cache-friendly, deterministic). Articles
//! sharing a key form a bucket. A bucket larger than `max_bucket` (many
//! near-identical articles, or a degenerate text) is not expanded into all
//! its pairs: each member is paired with the bucket's first member and its
//! neighbour, which keeps the work linear while still connecting the bucket
//! for clustering.
//!
//! References: A. Broder, "On the resemblance and containment of documents"
//! (1997); J. Leskovec, A. Rajaraman, J. Ullman, *Mining of Massive
//! Datasets*, ch. 3.4 (banding).

use rayon::prelude::*;

use crate::minhash::band_key;

/// Wanted probability that a pair at exactly the threshold becomes a candidate.
pub const MIN_RECALL_AT_THRESHOLD: f64 = 0.99;

/// Bands and rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct LshParams {
    /// Number of bands.
    pub bands: usize,
    /// Registers per band.
    pub rows: usize,
}

fn integrate(f: impl Fn(f64) -> f64, a: f64, b: f64) -> f64 {
    const N: usize = 200;
    let h = (b - a) / N as f64;
    (0..N).map(|i| f(a + (i as f64 + 0.5) * h)).sum::<f64>() * h
}

impl LshParams {
    /// Probability that a pair of similarity `s` becomes a candidate.
    pub fn candidate_probability(&self, s: f64) -> f64 {
        1.0 - (1.0 - s.powi(self.rows as i32)).powi(self.bands as i32)
    }

    /// Bands and rows for a Jaccard threshold. See the module docs.
    ///
    /// ```
    /// use crosscheck::lsh::LshParams;
    /// let p = LshParams::for_threshold(0.8, 128);
    /// assert_eq!((p.bands, p.rows), (16, 6));
    /// assert!(p.candidate_probability(0.8) >= 0.99);
    /// ```
    pub fn for_threshold(threshold: f64, num_perm: usize) -> LshParams {
        let t = threshold.clamp(0.01, 0.99);
        let mut best: Option<(bool, f64, LshParams)> = None;
        for bands in 1..=num_perm {
            for rows in 1..=num_perm / bands {
                let p = LshParams { bands, rows };
                let reaches = p.candidate_probability(t) >= MIN_RECALL_AT_THRESHOLD;
                // Meeting the recall floor first; then least false-positive mass,
                // or (when nothing meets it) the highest recall at the threshold.
                let score = if reaches {
                    integrate(|s| p.candidate_probability(s), 0.0, t)
                } else {
                    -p.candidate_probability(t)
                };
                let better = match &best {
                    None => true,
                    Some((r, s, _)) => (reaches && !r) || (reaches == *r && score < *s - 1e-12),
                };
                if better {
                    best = Some((reaches, score, p));
                }
            }
        }
        best.map_or(LshParams { bands: 1, rows: 1 }, |(_, _, p)| p)
    }
}

/// Candidate pairs `(i, j)`, `i < j`, over signatures stored row after row
/// (`num_perm` registers each; `None` for articles without shingles).
/// Sorted and without repeats.
pub fn par_candidates(
    signatures: &[Option<&[u64]>],
    params: LshParams,
    max_bucket: usize,
) -> Vec<(u32, u32)> {
    let keys: Vec<Option<Vec<u64>>> = signatures
        .par_iter()
        .map(|s| s.map(|s| band_keys(s, params)))
        .collect();
    let views: Vec<Option<&[u64]>> = keys.iter().map(|k| k.as_deref()).collect();
    par_candidates_from_keys(&views, params.bands, max_bucket)
}

/// The key of every band of a signature (`params.bands` keys).
///
/// ```
/// use crosscheck::lsh::{band_keys, LshParams};
/// let p = LshParams { bands: 2, rows: 2 };
/// let k = band_keys(&[1, 2, 1, 2], p);
/// assert_eq!(k[0], k[1]);
/// ```
pub fn band_keys(signature: &[u64], params: LshParams) -> Vec<u64> {
    (0..params.bands)
        .map(|band| band_key(&signature[band * params.rows..(band + 1) * params.rows]))
        .collect()
}

/// [`par_candidates`] from precomputed band keys (`bands` per article, from
/// [`band_keys`]): what a streaming run keeps instead of signatures.
pub fn par_candidates_from_keys(
    keys: &[Option<&[u64]>],
    bands: usize,
    max_bucket: usize,
) -> Vec<(u32, u32)> {
    let max_bucket = max_bucket.max(2);
    let mut pairs: Vec<(u32, u32)> = (0..bands)
        .into_par_iter()
        .flat_map_iter(|band| {
            let mut table: Vec<(u64, u32)> = keys
                .iter()
                .enumerate()
                .filter_map(|(i, k)| k.map(|k| (k[band], i as u32)))
                .collect();
            table.sort_unstable();
            let mut out = Vec::new();
            for bucket in table.chunk_by(|a, b| a.0 == b.0) {
                if bucket.len() < 2 {
                    continue;
                }
                if bucket.len() <= max_bucket {
                    for (x, a) in bucket.iter().enumerate() {
                        for b in &bucket[x + 1..] {
                            out.push((a.1, b.1));
                        }
                    }
                } else {
                    let anchor = bucket[0].1;
                    for w in bucket.windows(2) {
                        out.push((w[0].1, w[1].1));
                        if w[1].1 != anchor && w[0].1 != anchor {
                            out.push((anchor, w[1].1));
                        }
                    }
                }
            }
            out
        })
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_reach_recall_floor() {
        for (t, n) in [(0.5, 64), (0.8, 128), (0.9, 256), (0.95, 64)] {
            let p = LshParams::for_threshold(t, n);
            assert!(p.bands * p.rows <= n);
            assert!(
                p.candidate_probability(t) >= MIN_RECALL_AT_THRESHOLD,
                "{t} {n} {p:?}"
            );
            assert!(p.candidate_probability(t - 0.4) < 0.5, "{t} {n} {p:?}");
        }
    }

    #[test]
    fn identical_band_makes_candidates() {
        let a = [1u64, 2, 3, 4];
        let b = [1u64, 2, 9, 9];
        let c = [7u64, 7, 7, 7];
        let sigs = [Some(&a[..]), Some(&b[..]), Some(&c[..]), None];
        let p = LshParams { bands: 2, rows: 2 };
        assert_eq!(par_candidates(&sigs, p, 10), vec![(0, 1)]);
    }

    #[test]
    fn big_buckets_stay_connected_linearly() {
        let same = [5u64, 5];
        let sigs: Vec<Option<&[u64]>> = (0..50).map(|_| Some(&same[..])).collect();
        let p = LshParams { bands: 1, rows: 2 };
        let pairs = par_candidates(&sigs, p, 10);
        assert!(pairs.len() < 100);
        let mut uf = crate::cluster::UnionFind::new(50);
        for (a, b) in &pairs {
            uf.union(*a as usize, *b as usize);
        }
        assert!((0..50).all(|i| uf.find(i) == uf.find(0)));
    }
}
