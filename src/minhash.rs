//! MinHash signatures of shingle sets, computed by `minhash-rs`.
//!
//! Shingles arrive already hashed (xxh3, see [`crate::shingle`]), so the
//! sketch is built with a pass-through hasher: `minhash-rs` then derives its
//! permutations from each 64-bit value with its own seeded mixing (two
//! splitmix rounds and an xorshift chain), in its batched loop-swapped path.
//! The permutations are fixed by the crate, so signatures are the same on
//! every run and machine.
//!
//! The number of permutations is a compile-time constant in `minhash-rs`;
//! [`NumPerm`] lists the sizes a user can pick at run time.
//!
//! # One-permutation hashing (what `dedup` uses)
//!
//! [`signature`] costs one hash step per shingle *and permutation*: with
//! 128 permutations and ~450 shingles per article that is 57,600 steps per
//! article, several times the cost of reading and tokenising it (see
//! `benches/README.md`). [`oph_signature_into`] is one-permutation hashing
//! with optimal densification: each shingle is mixed once, its top bits pick
//! one of the `P` bins and the bin keeps the least value; a bin no shingle
//! fell into copies the value of the first non-empty bin along a probe
//! sequence that depends only on the bin's index. For two sets with Jaccard
//! `J` every register agrees with probability exactly `J`, as with classical
//! MinHash (Shrivastava 2017, Theorem 1), so the banding probabilities of
//! [`crate::lsh`] hold, at one mix per shingle instead of `P`.
//!
//! References: P. Li, A. Owen, C.-H. Zhang, "One permutation hashing"
//! (NIPS 2012); A. Shrivastava, "Optimal densification for fast and accurate
//! minwise hashing" (ICML 2017).

use minhash_rs::prelude::MinHash;

/// A `core::hash::Hasher` that passes a pre-hashed `u64` through.
#[derive(Debug, Default, Clone, Copy)]
pub struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only reached for values that are not a bare u64.
        self.0 = xxhash_rust::xxh3::xxh3_64_with_seed(bytes, self.0);
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// The `minhash-rs` hasher marker for [`PassThrough`].
#[derive(Debug, Clone, Copy)]
pub struct PreHashed;

impl minhash_rs::hasher::Hasher for PreHashed {
    type Concrete = PassThrough;
    fn build() -> PassThrough {
        PassThrough::default()
    }
}

/// Supported numbers of permutations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NumPerm {
    /// 64 permutations: fastest, estimates within about ±0.12.
    P64,
    /// 128 permutations (default): estimates within about ±0.09.
    P128,
    /// 256 permutations: estimates within about ±0.06.
    P256,
}

impl NumPerm {
    /// From a count; `None` when the count is not supported.
    pub fn from_count(n: usize) -> Option<Self> {
        match n {
            64 => Some(NumPerm::P64),
            128 => Some(NumPerm::P128),
            256 => Some(NumPerm::P256),
            _ => None,
        }
    }

    /// The count.
    pub fn count(self) -> usize {
        match self {
            NumPerm::P64 => 64,
            NumPerm::P128 => 128,
            NumPerm::P256 => 256,
        }
    }
}

fn sketch<const P: usize>(shingles: &[u64], out: &mut Vec<u64>) {
    let m: MinHash<u64, P, PreHashed> = shingles.iter().copied().collect();
    out.extend_from_slice(m.as_words());
}

/// Appends the MinHash signature (one `u64` register per permutation) of a shingle set.
pub fn signature_into(shingles: &[u64], num_perm: NumPerm, out: &mut Vec<u64>) {
    match num_perm {
        NumPerm::P64 => sketch::<64>(shingles, out),
        NumPerm::P128 => sketch::<128>(shingles, out),
        NumPerm::P256 => sketch::<256>(shingles, out),
    }
}

/// The MinHash signature of a shingle set.
pub fn signature(shingles: &[u64], num_perm: NumPerm) -> Vec<u64> {
    let mut out = Vec::with_capacity(num_perm.count());
    signature_into(shingles, num_perm, &mut out);
    out
}

const EMPTY: u64 = u64::MAX;
const OPH_SEED: u64 = 0x5851_f42d_4c95_7f2d;

/// The splitmix64 finaliser: a bijection of `u64` with full avalanche.
#[inline]
fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Appends the one-permutation MinHash signature (`num_perm` registers,
/// optimal densification) of a set of shingle hashes. Repeats in `shingles`
/// do not matter and neither does their order. Nothing is appended for an
/// empty set. See the module docs.
///
/// ```
/// use crosscheck::minhash::{oph_signature_into, NumPerm};
/// let (mut a, mut b) = (Vec::new(), Vec::new());
/// oph_signature_into(&[3, 1, 2, 2], NumPerm::P64, &mut a);
/// oph_signature_into(&[1, 2, 3], NumPerm::P64, &mut b);
/// assert_eq!(a, b);
/// assert_eq!(a.len(), 64);
/// ```
pub fn oph_signature_into(shingles: &[u64], num_perm: NumPerm, out: &mut Vec<u64>) {
    if shingles.is_empty() {
        return;
    }
    let p = num_perm.count();
    let shift = 64 - p.trailing_zeros();
    let start = out.len();
    out.resize(start + p, EMPTY);
    let regs = &mut out[start..];
    for &x in shingles {
        let h = mix64(x ^ OPH_SEED);
        let bin = (h >> shift) as usize;
        if h < regs[bin] {
            regs[bin] = h;
        }
    }
    densify(regs);
}

/// Fills every empty register from the first non-empty one along its probe
/// sequence (a fixed function of the register index alone).
fn densify(regs: &mut [u64]) {
    let p = regs.len();
    let mut full = [false; 256];
    for (f, &r) in full.iter_mut().zip(regs.iter()) {
        *f = r != EMPTY;
    }
    let filled: Vec<usize> = (0..p).filter(|&j| full[j]).collect();
    if filled.len() == p {
        return;
    }
    // With few registers filled a probe sequence is long (about p / filled
    // steps); looking up where each filled register first comes in it is
    // then cheaper, and gives the same register.
    let ranks = (filled.len() * filled.len() < p).then(|| probe_ranks(p));
    for i in 0..p {
        if full[i] {
            continue;
        }
        let found = match ranks {
            Some(ranks) => {
                let row = &ranks[i * p..(i + 1) * p];
                filled
                    .iter()
                    .copied()
                    .filter(|&j| row[j] != NEVER)
                    .min_by_key(|&j| row[j])
            }
            None => first_filled_probe(i, p, &full),
        };
        // Almost never reached: a fixed sweep keeps the result deterministic.
        let j =
            found.unwrap_or_else(|| (1..p).map(|d| (i + d) % p).find(|&j| full[j]).unwrap_or(i));
        regs[i] = regs[j];
    }
}

/// Register `j` at step `t` (from 1) of the probe sequence of register `i`.
#[inline]
fn probe(i: usize, t: u64, p: usize) -> usize {
    (mix64(((i as u64) << 32 | t) ^ OPH_SEED) as usize) & (p - 1)
}

/// Steps in a probe sequence before the fixed sweep takes over.
fn probe_steps(p: usize) -> u64 {
    4 * p as u64
}

/// The first filled register along the probe sequence of register `i`.
fn first_filled_probe(i: usize, p: usize, full: &[bool; 256]) -> Option<usize> {
    (1..=probe_steps(p))
        .map(|t| probe(i, t, p))
        .find(|&j| full[j])
}

/// [`probe_ranks`] of a register the probe sequence never reaches.
const NEVER: u16 = u16::MAX;

/// For every register `i` (row) and `j` (column) of a `p`-register
/// signature: the step at which the probe sequence of `i` first reaches `j`,
/// or [`NEVER`]. Computed once per size.
fn probe_ranks(p: usize) -> &'static [u16] {
    use std::sync::OnceLock;
    static TABLES: [OnceLock<Vec<u16>>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let slot = match p {
        64 => 0,
        128 => 1,
        _ => 2,
    };
    TABLES[slot].get_or_init(|| {
        let mut ranks = vec![NEVER; p * p];
        for i in 0..p {
            for t in (1..=probe_steps(p)).rev() {
                ranks[i * p + probe(i, t, p)] = t as u16;
            }
        }
        ranks
    })
}

/// The one-permutation MinHash signature of a shingle set (empty for an empty set).
pub fn oph_signature(shingles: &[u64], num_perm: NumPerm) -> Vec<u64> {
    let mut out = Vec::with_capacity(num_perm.count());
    oph_signature_into(shingles, num_perm, &mut out);
    out
}

/// The share of registers on which two signatures agree: the MinHash estimate of Jaccard.
pub fn estimate_jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || a.len() != b.len() {
        return 0.0;
    }
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / a.len() as f64
}

/// The key of one band of registers in its band table (`minhash-rs`'s FNV-1a band hash).
pub fn band_key(rows: &[u64]) -> u64 {
    minhash_rs::lsh::band_hash(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_sets_identical_signatures() {
        let a: Vec<u64> = (0..500).map(|i| i * 7919).collect();
        assert_eq!(signature(&a, NumPerm::P128), signature(&a, NumPerm::P128));
        assert_eq!(signature(&a, NumPerm::P64).len(), 64);
        assert_eq!(
            estimate_jaccard(&signature(&a, NumPerm::P256), &signature(&a, NumPerm::P256)),
            1.0
        );
    }

    #[test]
    fn densify_by_ranks_picks_the_first_filled_probe() {
        // The rank table must give what walking the probe sequence gives.
        for p in [64, 128, 256] {
            for seed in 0..200u64 {
                let filled = 1 + (seed as usize) % 12;
                let mut regs = vec![EMPTY; p];
                for k in 0..filled {
                    let j = mix64(seed << 8 | k as u64) as usize % p;
                    regs[j] = mix64(j as u64);
                }
                let mut full = [false; 256];
                for (f, &r) in full.iter_mut().zip(&regs) {
                    *f = r != EMPTY;
                }
                let mut want = regs.clone();
                for (i, w) in want.iter_mut().enumerate() {
                    if !full[i] {
                        let j = first_filled_probe(i, p, &full).unwrap_or_else(|| {
                            (1..p).map(|d| (i + d) % p).find(|&j| full[j]).unwrap_or(i)
                        });
                        *w = regs[j];
                    }
                }
                densify(&mut regs);
                assert_eq!(regs, want, "p {p}, seed {seed}");
            }
        }
    }

    #[test]
    fn band_keys_depend_on_values_and_order() {
        assert_eq!(band_key(&[1, 2]), band_key(&[1, 2]));
        assert_ne!(band_key(&[1, 2]), band_key(&[2, 1]));
    }
}
