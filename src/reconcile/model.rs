//! The confidence that two figures state one fact: a logistic regression over a few interpretable
//! features of a candidate pair, fitted on labelled pairs.
//!
//! The features are named ([`FEATURES`]); the weights are data (`data/align-model.tsv`, one `part
//! feature weight` line each; one part for values that can both be true, one for values that cannot), written by `cargo run --release --example fit_align`, which fits them on the
//! labelled dev pairs by Newton's method with an L2 penalty: deterministic, no random start. How it was
//! fitted and its score on labels it was not fitted on are in `docs/accuracy.md`.

use std::sync::OnceLock;

/// The features of a candidate pair, in order. Each lies in [0, 1]; `bias` is always 1.
pub const FEATURES: &[&str] = &[
    "bias",
    "local_context",
    "sentence_context",
    "specific_concept",
    "both_unique",
    "log_value_ratio",
    "values_compatible",
    "dates_apart",
    "one_dated_past",
    "one_marked_past",
    "shared_anchor",
    "names_differ",
    "foreign_names",
    "hours_apart",
    "attribute_same",
    "attribute_differs",
    "holder_same",
    "holder_differs",
    "moment_same",
    "moment_differs",
    "scope_differs",
    "modality_differs",
    "attribution_same",
    "attribution_differs",
    "both_in_lead",
    "article_similarity",
    "kind_count",
    "kind_money",
    "kind_percent",
    "kind_measure",
    "kind_duration",
    "tally",
    "head_word_same",
    "counted_noun_same",
    "both_unique_attribute",
    "published_other_day",
    "digits_alike",
    "both_unique_fact",
    "other_event",
    "digits_alike_long",
];

/// Index of a feature by name.
pub fn feature(name: &str) -> usize {
    FEATURES
        .iter()
        .position(|f| *f == name)
        .unwrap_or_else(|| panic!("no feature {name}"))
}

/// Fitted weights: one vector for pairs whose values can both be true, one for pairs whose values
/// cannot (among those, the share that is one fact is far smaller, and other features tell it).
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Weight of each feature of [`FEATURES`], for compatible values.
    pub agree: Vec<f64>,
    /// The same, for values that cannot both be true.
    pub dispute: Vec<f64>,
}

/// The logistic function.
pub fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// The dot product.
pub fn dot(w: &[f64], x: &[f64]) -> f64 {
    w.iter().zip(x).map(|(a, b)| a * b).sum()
}

impl Model {
    /// The built-in model (`data/align-model.tsv`).
    pub fn builtin() -> &'static Model {
        static M: OnceLock<Model> = OnceLock::new();
        M.get_or_init(|| {
            Model::parse(include_str!("../../data/align-model.tsv"))
                .expect("data/align-model.tsv is well formed")
        })
    }

    /// Reads `part feature weight` lines (`part`: `agree` or `dispute`; `#` comments); features not
    /// listed weigh 0.
    pub fn parse(text: &str) -> Result<Model, String> {
        let mut m = Model {
            agree: vec![0.0; FEATURES.len()],
            dispute: vec![0.0; FEATURES.len()],
        };
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split_whitespace().collect();
            let [part, name, w] = cols.as_slice() else {
                return Err(format!("line {}: expected `part feature weight`", n + 1));
            };
            let i = FEATURES
                .iter()
                .position(|f| f == name)
                .ok_or_else(|| format!("line {}: unknown feature {name:?}", n + 1))?;
            let w: f64 = w
                .parse()
                .map_err(|_| format!("line {}: bad weight {w:?}", n + 1))?;
            match *part {
                "agree" => m.agree[i] = w,
                "dispute" => m.dispute[i] = w,
                _ => return Err(format!("line {}: unknown part {part:?}", n + 1)),
            }
        }
        Ok(m)
    }

    /// The model as `part feature weight` lines.
    pub fn to_tsv(&self) -> String {
        let mut out = String::new();
        for (part, ws) in [("agree", &self.agree), ("dispute", &self.dispute)] {
            for (f, w) in FEATURES.iter().zip(ws) {
                out.push_str(&format!("{part}\t{f}\t{w:.6}\n"));
            }
        }
        out
    }

    /// The probability that a pair with features `x` states one fact.
    pub fn predict(&self, x: &[f64]) -> f64 {
        let compatible = x[feature("values_compatible")] > 0.5;
        sigmoid(dot(
            if compatible {
                &self.agree
            } else {
                &self.dispute
            },
            x,
        ))
    }

    /// Fits both parts on `(features, label)`, each on the examples of its values, with one penalty.
    pub fn fit(xs: &[Vec<f64>], ys: &[bool], l2: f64) -> Model {
        Model::fit_with(xs, ys, l2, l2, FEATURES)
    }

    /// [`Model::fit`], the part for values that cannot both be true weighing only the features named
    /// in `dispute_features` (the rest keep weight 0), with its own penalty `dispute_l2`. That part
    /// learns from few examples of one fact (a real disagreement is rare among figures that
    /// disagree), and with every feature it fits its labels rather than the languages
    /// (`docs/accuracy.md`).
    pub fn fit_with(
        xs: &[Vec<f64>],
        ys: &[bool],
        l2: f64,
        dispute_l2: f64,
        dispute_features: &[&str],
    ) -> Model {
        let c = feature("values_compatible");
        let keep: Vec<bool> = FEATURES
            .iter()
            .map(|f| *f == "bias" || dispute_features.contains(f))
            .collect();
        let part = |compatible: bool| {
            let (px, py): (Vec<Vec<f64>>, Vec<bool>) = xs
                .iter()
                .zip(ys)
                .filter(|(x, _)| (x[c] > 0.5) == compatible)
                .map(|(x, y)| {
                    let x = if compatible {
                        x.clone()
                    } else {
                        x.iter()
                            .zip(&keep)
                            .map(|(v, k)| if *k { *v } else { 0.0 })
                            .collect()
                    };
                    (x, *y)
                })
                .unzip();
            fit_logistic(&px, &py, if compatible { l2 } else { dispute_l2 })
        };
        Model {
            agree: part(true),
            dispute: part(false),
        }
    }
}

/// Logistic regression by Newton's method with an L2 penalty `l2` on every weight but the first
/// (the bias). Deterministic; a feature that never varies keeps weight 0.
pub fn fit_logistic(xs: &[Vec<f64>], ys: &[bool], l2: f64) -> Vec<f64> {
    fit_logistic_weighted(xs, ys, &vec![1.0; xs.len()], l2)
}

/// [`fit_logistic`] with a weight per example (so that each corpus can count as much as another).
pub fn fit_logistic_weighted(xs: &[Vec<f64>], ys: &[bool], weights: &[f64], l2: f64) -> Vec<f64> {
    let d = xs.first().map_or(FEATURES.len(), Vec::len);
    let mut w = vec![0.0; d];
    for _ in 0..50 {
        // Gradient and Hessian of the penalised negative log-likelihood.
        let mut g = vec![0.0; d];
        let mut h = vec![vec![0.0; d]; d];
        for ((x, &y), &c) in xs.iter().zip(ys).zip(weights) {
            let p = sigmoid(dot(&w, x));
            let r = c * (p - f64::from(u8::from(y)));
            let s = c * p * (1.0 - p);
            for i in 0..d {
                g[i] += r * x[i];
                for j in 0..d {
                    h[i][j] += s * x[i] * x[j];
                }
            }
        }
        for i in 1..d {
            g[i] += l2 * w[i];
            h[i][i] += l2;
        }
        h[0][0] += 1e-9;
        let Some(step) = solve(h, g) else { break };
        let mut change = 0.0f64;
        for i in 0..d {
            w[i] -= step[i];
            change = change.max(step[i].abs());
        }
        if change < 1e-9 {
            break;
        }
    }
    w
}

/// Solves `a x = b` by Gaussian elimination with partial pivoting.
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let n = b.len();
    for col in 0..n {
        let piv = (col..n).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[piv][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, piv);
        b.swap(col, piv);
        for row in col + 1..n {
            let f = a[row][col] / a[col][col];
            if f != 0.0 {
                let (upper, lower) = a.split_at_mut(row);
                for (x, y) in lower[0][col..].iter_mut().zip(&upper[col][col..]) {
                    *x -= f * y;
                }
                b[row] -= f * b[col];
            }
        }
    }
    let mut x = vec![0.0; n];
    for i in (0..n).rev() {
        let s: f64 = (i + 1..n).map(|k| a[i][k] * x[k]).sum();
        x[i] = (b[i] - s) / a[i][i];
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_recovers_a_feature_that_decides_the_label() {
        // The label follows `attribute_same`, with noise in `local_context`; half the values agree.
        let a = feature("attribute_same");
        let l = feature("local_context");
        let c = feature("values_compatible");
        let mut xs = Vec::new();
        let mut ys = Vec::new();
        for k in 0..400 {
            let mut x = vec![0.0; FEATURES.len()];
            x[0] = 1.0;
            x[a] = f64::from(k % 2);
            x[l] = f64::from((k * 7) % 10) / 10.0;
            x[c] = f64::from(u8::from(k % 4 < 2));
            ys.push(k % 2 == 1 || k % 17 == 0);
            xs.push(x);
        }
        let m = Model::fit(&xs, &ys, 1.0);
        assert!(m.agree[a] > 2.0 && m.dispute[a] > 2.0, "{m:?}");
        assert!(m.agree[l].abs() < 1.0, "{m:?}");
        let mut on = vec![0.0; FEATURES.len()];
        on[0] = 1.0;
        on[a] = 1.0;
        assert!(m.predict(&on) > 0.9);
        // The same data gives the same weights, and they read back from their file.
        assert_eq!(Model::fit(&xs, &ys, 1.0), m);
        let back = Model::parse(&m.to_tsv()).unwrap();
        assert!(back
            .agree
            .iter()
            .chain(&back.dispute)
            .zip(m.agree.iter().chain(&m.dispute))
            .all(|(x, y)| (x - y).abs() < 1e-5));
    }

    /// `n` examples with the bias set; `fill` sets example `k`'s other features and gives its label.
    fn synthetic(n: usize, fill: impl Fn(usize, &mut [f64]) -> bool) -> (Vec<Vec<f64>>, Vec<bool>) {
        (0..n)
            .map(|k| {
                let mut x = vec![0.0; FEATURES.len()];
                x[0] = 1.0;
                let y = fill(k, &mut x);
                (x, y)
            })
            .unzip()
    }

    #[test]
    fn the_dispute_part_weighs_only_the_features_it_is_given() {
        // Among values that cannot both be true, the label follows `digits_alike`, and
        // `local_context` is correlated with it; left out, `local_context` keeps weight 0.
        let d = feature("digits_alike");
        let l = feature("local_context");
        let (xs, ys) = synthetic(300, |k, x| {
            x[d] = f64::from(u8::from(k % 3 == 0));
            x[l] = if k % 3 == 0 { 0.8 } else { 0.1 };
            k % 3 == 0 && k % 7 != 0
        });
        let all = Model::fit(&xs, &ys, 1.0);
        assert!(all.dispute[l].abs() > 0.1, "{all:?}");
        let some = Model::fit_with(&xs, &ys, 1.0, 1.0, &["digits_alike"]);
        assert_eq!(some.dispute[l], 0.0);
        assert!(some.dispute[d] > 2.0, "{some:?}");
    }

    #[test]
    fn the_dispute_penalty_moves_only_the_dispute_part() {
        // Both parts follow `digits_alike` (with some noise); a lighter penalty on the part for
        // values that cannot both be true lets its weight grow and leaves the other part alone.
        let d = feature("digits_alike");
        let c = feature("values_compatible");
        let (xs, ys) = synthetic(400, |k, x| {
            x[c] = f64::from(u8::from(k % 2 == 0));
            x[d] = f64::from(u8::from(k % 3 == 0));
            (k % 3 == 0) != (k % 11 == 0)
        });
        let even = Model::fit_with(&xs, &ys, 1.0, 1.0, &["digits_alike"]);
        let light = Model::fit_with(&xs, &ys, 1.0, 0.1, &["digits_alike"]);
        assert_eq!(light.agree, even.agree);
        assert!(
            light.dispute[d] > even.dispute[d] + 0.05,
            "{light:?} {even:?}"
        );
    }

    #[test]
    fn the_builtin_model_reads() {
        assert_eq!(Model::builtin().agree.len(), FEATURES.len());
        assert!(Model::parse("nonsense 1").is_err());
    }
}
