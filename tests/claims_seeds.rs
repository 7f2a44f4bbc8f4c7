//! Runs `extract` over the shared seed articles (`$CROSSCHECK_SHARED/seeds`)
//! and checks the claims the issue names, plus the negative rule: no
//! count/number claim may come from a date, time, year or identifier.

use crosscheck::claims::{extract, Claim, ExtractOptions, Kind, Lexicon};
use std::path::PathBuf;

struct Want {
    phrase: &'static str,
    kind: Kind,
    low: Option<f64>,
    high: Option<f64>,
    concept: Option<&'static str>,
}

const WANT: &[Want] = &[
    Want {
        phrase: "puluhan ribu pasukannya",
        kind: Kind::Count,
        low: Some(10_000.0),
        high: Some(99_999.0),
        concept: Some("troops"),
    },
    Want {
        phrase: "100.000 tentara Rusia",
        kind: Kind::Count,
        low: Some(100_000.0),
        high: Some(100_000.0),
        concept: Some("troops"),
    },
    Want {
        phrase: "setidaknya 100.000 tentara",
        kind: Kind::Count,
        low: Some(100_000.0),
        high: None,
        concept: Some("troops"),
    },
    Want {
        phrase: "delapan jam",
        kind: Kind::Duration,
        low: Some(28_800.0),
        high: Some(28_800.0),
        concept: None,
    },
    Want {
        phrase: "lebih dari tujuh jam",
        kind: Kind::Duration,
        low: Some(25_200.0),
        high: None,
        concept: None,
    },
    Want {
        phrase: "empat jam pembicaraan",
        kind: Kind::Duration,
        low: Some(14_400.0),
        high: Some(14_400.0),
        concept: None,
    },
    Want {
        phrase: "57 anggota",
        kind: Kind::Count,
        low: Some(57.0),
        high: Some(57.0),
        concept: Some("members"),
    },
    Want {
        phrase: "lebih dari 14.000 orang",
        kind: Kind::Count,
        low: Some(14_000.0),
        high: None,
        concept: Some("deaths"),
    },
    Want {
        phrase: "lebih dari 120 kontraktor",
        kind: Kind::Count,
        low: Some(120.0),
        high: None,
        concept: Some("contractors"),
    },
    Want {
        phrase: "30 duta besar",
        kind: Kind::Count,
        low: Some(30.0),
        high: Some(30.0),
        concept: Some("ambassadors"),
    },
    Want {
        phrase: "30 tahun terakhir",
        kind: Kind::Duration,
        low: Some(30.0 * 365.0 * 86_400.0),
        high: Some(30.0 * 365.0 * 86_400.0),
        concept: None,
    },
];

fn seeds() -> Option<Vec<(String, String)>> {
    let Some(root) = std::env::var_os("CROSSCHECK_SHARED").map(PathBuf::from) else {
        println!("skipped: CROSSCHECK_SHARED not set");
        return None;
    };
    let dir = root.join("seeds");
    let mut out = Vec::new();
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for e in entries.flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "txt") {
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            out.push((
                p.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                text,
            ));
        }
    }
    out.sort();
    assert!(!out.is_empty(), "no seeds in {}", dir.display());
    Some(out)
}

fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() <= 1e-6 * x.abs().max(1.0),
        _ => false,
    }
}

fn looks_like_date_time_year_or_id(c: &Claim) -> bool {
    let t = c.text.as_str();
    let year = c.low == c.high
        && c.low
            .is_some_and(|v| (1900.0..=2100.0).contains(&v) && v.fract() == 0.0)
        && c.noun.is_none();
    let before = &c.sentence[..c.span[0]
        .saturating_sub(c.sentence_span[0])
        .min(c.sentence.len())];
    let before = before.trim_end().to_lowercase();
    t.contains('/')
        || t.contains(':')
        || year
        || before.ends_with("code :")
        || before.ends_with("no.")
}

#[test]
fn seed_claims() {
    let Some(seeds) = seeds() else { return };
    let lex = Lexicon::builtin();
    let opts = ExtractOptions {
        lang: None,
        published: None,
        lexicon: &lex,
    };
    let mut checked = 0;
    let mut failures = Vec::new();
    for (name, text) in &seeds {
        let claims = extract(name, text, &opts);
        for w in WANT {
            let Some(pos) = text.find(w.phrase) else {
                continue;
            };
            checked += 1;
            let end = pos + w.phrase.len();
            let ok = claims.iter().any(|c| {
                c.span[0] < end
                    && pos < c.span[1]
                    && c.kind == w.kind
                    && same(c.low, w.low)
                    && same(c.high, w.high)
                    && (w.concept.is_none() || c.concept.as_deref() == w.concept)
            });
            if !ok {
                let near: Vec<String> = claims
                    .iter()
                    .filter(|c| c.span[0] < end + 40 && pos < c.span[1] + 40)
                    .map(|c| {
                        format!(
                            "{:?} {:?} [{:?},{:?}] {:?}",
                            c.kind, c.text, c.low, c.high, c.concept
                        )
                    })
                    .collect();
                failures.push(format!("{name}: {:?} not found; near: {near:?}", w.phrase));
            }
        }
        for c in &claims {
            if matches!(c.kind, Kind::Count | Kind::Number) && looks_like_date_time_year_or_id(c) {
                failures.push(format!(
                    "{name}: count/number from a date/time/year/id: {:?}",
                    c.text
                ));
            }
        }
        println!("{name}: {} claims", claims.len());
    }
    println!("checked {checked} expected claims");
    assert!(
        checked >= WANT.len(),
        "only {checked} expectations found in the seeds"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
