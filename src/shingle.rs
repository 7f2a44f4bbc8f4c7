//! Word k-shingles: every run of k consecutive words, hashed to 64 bits.
//!
//! A shingle's hash chains its k word hashes (each word hash is xxh3 of the
//! normalised word) with a multiply-rotate step and ends with the splitmix64
//! finaliser: it depends on the words and their order and nothing else (not
//! on offsets or case), and costs a few cycles per word instead of a second
//! xxh3 call per window. A text
//! with fewer than k words has one shingle made of all its words, so short
//! texts can still be compared.

use crate::normalize::Token;

/// The hashes of the k-shingles of `tokens`, in text order (with repeats).
pub fn shingle_hashes(tokens: &[Token], k: usize, out: &mut Vec<u64>) {
    let k = k.max(1);
    if tokens.is_empty() {
        return;
    }
    let k_eff = k.min(tokens.len()).min(16);
    let windows = tokens.len() - k_eff + 1;
    out.reserve(windows);
    for w in tokens.windows(k_eff) {
        out.push(window_hash(w));
    }
}

/// The hash of one window of words. See the module docs.
#[inline]
fn window_hash(words: &[Token]) -> u64 {
    let mut h = 0x243f_6a88_85a3_08d3_u64 ^ words.len() as u64;
    for t in words {
        h = (h.rotate_left(27) ^ t.hash).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// The set of k-shingle hashes of `tokens`: sorted, without repeats.
pub fn shingle_set(tokens: &[Token], k: usize) -> Vec<u64> {
    let mut out = Vec::new();
    shingle_hashes(tokens, k, &mut out);
    out.sort_unstable();
    out.dedup();
    out
}

/// Exact Jaccard similarity of two sorted, repeat-free sets.
///
/// ```
/// use crosscheck::shingle::jaccard;
/// assert_eq!(jaccard(&[1, 2, 3], &[2, 3, 4]), 0.5);
/// assert_eq!(jaccard(&[], &[]), 0.0);
/// ```
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let common = shared(a, b);
    let union = a.len() + b.len() - common;
    if union == 0 {
        0.0
    } else {
        common as f64 / union as f64
    }
}

/// How many values two sorted, deduplicated sets have in common.
pub fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::{tokens, Cleaned};

    fn set(t: &str, k: usize) -> Vec<u64> {
        shingle_set(&tokens(t, &Cleaned::whole(t)), k)
    }

    #[test]
    fn case_and_punctuation_do_not_matter() {
        assert_eq!(
            set("Rusia mengerahkan pasukan, kata dia.", 3),
            set("rusia MENGERAHKAN pasukan kata dia", 3)
        );
    }

    #[test]
    fn order_matters() {
        assert_ne!(set("a b c", 3), set("c b a", 3));
    }

    #[test]
    fn short_texts_have_one_shingle() {
        assert_eq!(set("dua kata", 5).len(), 1);
        assert!(set("", 5).is_empty());
    }

    #[test]
    fn jaccard_of_overlapping_texts() {
        let a = set("satu dua tiga empat lima enam tujuh", 2);
        let b = set("satu dua tiga empat lima enam delapan", 2);
        assert!((jaccard(&a, &b) - 5.0 / 7.0).abs() < 1e-12);
    }
}
