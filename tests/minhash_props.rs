//! MinHash estimates against exact Jaccard.
//!
//! The estimate is a binomial proportion: with P permutations its standard
//! deviation is `sqrt(J(1-J)/P)`, at most 0.044 for 128 and 0.031 for 256.
//! "Within ±0.1" is therefore a statement about almost all pairs, not every
//! pair: the property test uses 256 permutations (3.2 standard deviations)
//! over a fixed set of cases, and a second test checks the 128-permutation
//! default over thousands of random pairs: unbiased, and within ±0.1 for at
//! least 97% of them (the binomial law says about 98.5% at the worst J).

use crosscheck::minhash::{estimate_jaccard, signature, NumPerm};
use crosscheck::shingle::jaccard;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

fn sorted(mut v: Vec<u64>) -> Vec<u64> {
    v.sort_unstable();
    v.dedup();
    v
}

proptest! {
    // A fixed seed: the same cases every run, so the test is deterministic.
    #![proptest_config(Config { cases: 200, rng_seed: RngSeed::Fixed(20_260_121), ..Config::default() })]

    /// Two sets sharing some elements: the 256-permutation estimate stays
    /// within ±0.1 of the exact Jaccard.
    #[test]
    fn estimate_within_a_tenth(
        shared in proptest::collection::vec(any::<u64>(), 0..400),
        only_a in proptest::collection::vec(any::<u64>(), 0..400),
        only_b in proptest::collection::vec(any::<u64>(), 0..400),
    ) {
        let a = sorted(shared.iter().chain(&only_a).copied().collect());
        let b = sorted(shared.iter().chain(&only_b).copied().collect());
        prop_assume!(!a.is_empty() && !b.is_empty());
        let exact = jaccard(&a, &b);
        let est = estimate_jaccard(&signature(&a, NumPerm::P256), &signature(&b, NumPerm::P256));
        prop_assert!((est - exact).abs() <= 0.1, "exact {exact} estimate {est}");
    }

    /// Signatures do not depend on the order elements arrive in.
    #[test]
    fn signature_ignores_order(mut v in proptest::collection::vec(any::<u64>(), 1..200)) {
        let s1 = signature(&v, NumPerm::P64);
        v.reverse();
        prop_assert_eq!(s1, signature(&v, NumPerm::P64));
    }
}

#[test]
fn default_estimate_is_unbiased_and_almost_always_within_a_tenth() {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let trials = 3000;
    let (mut within, mut bias) = (0, 0.0);
    for t in 0..trials {
        let size = 50 + (t % 20) * 30;
        let shared = (t * 7) % size;
        let common: Vec<u64> = (0..shared).map(|_| next()).collect();
        let a = sorted(
            common
                .iter()
                .copied()
                .chain((shared..size).map(|_| next()))
                .collect(),
        );
        let b = sorted(
            common
                .iter()
                .copied()
                .chain((shared..size).map(|_| next()))
                .collect(),
        );
        let exact = jaccard(&a, &b);
        let est = estimate_jaccard(&signature(&a, NumPerm::P128), &signature(&b, NumPerm::P128));
        bias += est - exact;
        if (est - exact).abs() <= 0.1 {
            within += 1;
        }
    }
    let share = f64::from(within) / trials as f64;
    let bias = bias / trials as f64;
    println!("128 permutations: {share:.4} of {trials} pairs within ±0.1, mean error {bias:+.4}");
    assert!(share >= 0.97, "{share}");
    assert!(bias.abs() < 0.01, "{bias}");
}
