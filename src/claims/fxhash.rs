//! A small, fast, non-cryptographic hasher for the static word tables.
//!
//! The tables are keyed by short words from our own data, so hash flooding
//! is not a concern; SipHash's cost showed up in profiles. The mixing step
//! is the rotate-xor-multiply used by the Firefox/rustc "Fx" hash.

use std::hash::{BuildHasherDefault, Hasher};

/// Rotate-xor-multiply hasher.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builder for maps and sets using [`FxHasher`].
pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn works_as_set_hasher() {
        let mut s: HashSet<&str, FxBuild> = HashSet::default();
        s.insert("juta");
        s.insert("ribu");
        assert!(s.contains("juta") && !s.contains("jutaan"));
    }
}
