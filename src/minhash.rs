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
    fn band_keys_depend_on_values_and_order() {
        assert_eq!(band_key(&[1, 2]), band_key(&[1, 2]));
        assert_ne!(band_key(&[1, 2]), band_key(&[2, 1]));
    }
}
