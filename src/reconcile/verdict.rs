//! Verdicts: can two aligned claims both be true?
//!
//! Each claim is an interval (from extraction). Comparison widens it only
//! by what the writing allows:
//!
//! * a bare number by its rounding: half its stated precision, at most 5% of
//!   its value (`100.000` may be 95,000–105,000; `8` is 7.51–8.49; `4,8` is
//!   4.751–4.849) — just under half, so that 4,8 and 4,9 stay apart;
//! * an approximate figure (`sekitar`, `about`) by 5% more;
//! * a difference under 0.5% of the values is immaterial (currency
//!   conversions, rounding of large sums) when it is under one unit of the
//!   last digit the coarser figure writes, except for magnitudes;
//! * bounds from qualifiers (`setidaknya`, `more than`) and vague magnitudes
//!   (`puluhan ribu`) are taken as written; against a vague magnitude the
//!   other figure is taken as written too, since the vague word already
//!   spans the imprecision ("puluhan ribu" and "100.000" conflict).
//!
//! Two claims are `consistent` when the widened intervals meet ("delapan jam"
//! and "lebih dari tujuh jam"; "sedikitnya delapan" and "setidaknya
//! sembilan"), a `conflict` when they do not ("puluhan ribu" and
//! "setidaknya 100.000"; 8 and 10 dead). Some figures move with time, and a
//! later report that gives a new one revised the old rather than
//! contradicted it: that is an `update`. Tallies that grow as news comes in
//! (deaths, injured, missing, evacuees, damaged houses …) reported at least
//! [`UPDATE_MINUTES`] apart, and prices, rates and other money, percentage
//! or plain figures reported on different days.

use serde::Serialize;

use crate::claims::{Claim, Kind};
use crate::ingest::Published;

/// Least time between two reports for a changed tally to count as an update.
pub const UPDATE_MINUTES: i64 = 120;

/// Concepts whose figures are revised as news comes in.
const TALLIES: &[&str] = &[
    "deaths",
    "injured",
    "missing",
    "victims",
    "evacuees",
    "refugees",
    "people",
    "houses",
    "buildings",
    "cases",
    "casualties",
    "survivors",
    "rescued",
    "affected",
    "arrested",
];

/// Whether a claim counts something whose figure is revised as news comes in.
pub fn is_tally(c: &Claim) -> bool {
    c.kind == Kind::Count && c.concept.as_deref().is_some_and(|c| TALLIES.contains(&c))
}

/// How two aligned claims relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Both can be true.
    Consistent,
    /// They cannot both be true.
    Conflict,
    /// They cannot both be true, and the later report revised a tally.
    Update,
    /// They cannot both be true, and each is credited to a different named source (BMKG's 4.8 and
    /// another agency's 4.9): a disagreement between sources, not between outlets.
    Attributed,
}

impl Verdict {
    /// The lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Consistent => "consistent",
            Verdict::Conflict => "conflict",
            Verdict::Update => "update",
            Verdict::Attributed => "attributed",
        }
    }
}

/// An interval with inclusive flags; `None` bounds are unbounded.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// Lower bound.
    pub low: Option<f64>,
    /// Upper bound.
    pub high: Option<f64>,
    /// `low` included.
    pub low_inclusive: bool,
    /// `high` included.
    pub high_inclusive: bool,
}

impl Interval {
    /// The claim's interval as extracted.
    pub fn of(c: &Claim) -> Self {
        Interval {
            low: c.low,
            high: c.high,
            low_inclusive: c.low_inclusive,
            high_inclusive: c.high_inclusive,
        }
    }

    /// The interval widened by rounding and approximation. See the module docs.
    pub fn widened(c: &Claim) -> Self {
        let mut i = Interval::of(c);
        let point = matches!((c.low, c.high), (Some(l), Some(h)) if l == h)
            && !matches!(c.qualifier.as_deref(), Some("vague" | "range"));
        if let (true, Some(v)) = (point, c.low) {
            let mut tol = c.precision.map_or(0.0, |p| (0.49 * p).min(0.05 * v.abs()));
            if c.approx {
                tol += 0.05 * v.abs();
            }
            i.low = Some(v - tol);
            i.high = Some(v + tol);
            i.low_inclusive = true;
            i.high_inclusive = true;
        } else if c.approx {
            i.low = i.low.map(|l| l - 0.05 * l.abs());
            i.high = i.high.map(|h| h + 0.05 * h.abs());
        }
        i
    }

    /// Whether two intervals share a point.
    pub fn meets(&self, other: &Interval) -> bool {
        let (lo, lo_inc) = max_low(self, other);
        let (hi, hi_inc) = min_high(self, other);
        match (lo, hi) {
            (Some(l), Some(h)) => l < h || (l == h && lo_inc && hi_inc),
            _ => true,
        }
    }

    /// Distance between two disjoint intervals (0 when they meet).
    pub fn gap(&self, other: &Interval) -> f64 {
        let (lo, _) = max_low(self, other);
        let (hi, _) = min_high(self, other);
        match (lo, hi) {
            (Some(l), Some(h)) if l > h => l - h,
            _ => 0.0,
        }
    }
}

fn max_low(a: &Interval, b: &Interval) -> (Option<f64>, bool) {
    match (a.low, b.low) {
        (None, None) => (None, true),
        (Some(x), None) => (Some(x), a.low_inclusive),
        (None, Some(y)) => (Some(y), b.low_inclusive),
        (Some(x), Some(y)) if x > y => (Some(x), a.low_inclusive),
        (Some(x), Some(y)) if y > x => (Some(y), b.low_inclusive),
        (Some(x), Some(_)) => (Some(x), a.low_inclusive && b.low_inclusive),
    }
}

fn min_high(a: &Interval, b: &Interval) -> (Option<f64>, bool) {
    match (a.high, b.high) {
        (None, None) => (None, true),
        (Some(x), None) => (Some(x), a.high_inclusive),
        (None, Some(y)) => (Some(y), b.high_inclusive),
        (Some(x), Some(y)) if x < y => (Some(x), a.high_inclusive),
        (Some(x), Some(y)) if y < x => (Some(y), b.high_inclusive),
        (Some(x), Some(_)) => (Some(x), a.high_inclusive && b.high_inclusive),
    }
}

/// Whether two claims can both be true (the `consistent` verdict), without
/// building the reason: for the many comparisons alignment makes.
pub fn can_both_be_true(a: &Claim, b: &Claim) -> bool {
    let (wa, wb) = comparison_intervals(a, b);
    wa.meets(&wb) || immaterial(a, b)
}

/// Least relative difference that counts as a discrepancy, except for
/// magnitudes (4,8 against 4,9 is 2%, and it matters) and small counts
/// (which differ by whole units).
pub const MATERIAL: f64 = 0.005;

/// Whether the gap between two stated values is too small to matter: under
/// [`MATERIAL`] of the values, and under one unit of the last digit the
/// coarser of the two writes (Rp 37,7 T and Rp 37,64 T converted from one sum
/// in euros differ by less than the 0,1 T the first is written to; 7.991.960
/// and 7.991.160 families, both written to the family, differ by 800; 107,27
/// and 107,26 differ by one unit of the last digit both write, and disagree).
fn immaterial(a: &Claim, b: &Claim) -> bool {
    // Only between two stated values: vague words and qualifiers draw hard
    // lines ("puluhan ribu" ends where 100.000 begins).
    let point = |c: &Claim| match (c.low, c.high) {
        (Some(l), Some(h)) if l == h => Some(l),
        _ => None,
    };
    let (Some(x), Some(y)) = (point(a), point(b)) else {
        return false;
    };
    let scale = x.abs().max(y.abs());
    let coarser = a.precision.unwrap_or(0.0).max(b.precision.unwrap_or(0.0));
    // magnitudes, scores, ranks, ordinals and levels are exact: any gap matters
    !matches!(
        a.kind,
        Kind::Magnitude | Kind::Score | Kind::Rank | Kind::Ordinal | Kind::Level
    ) && scale > 0.0
        && (x - y).abs() / scale < MATERIAL
        // (less a hair: 107,27 − 107,26 is 0,00999… in binary)
        && (x - y).abs() < coarser * (1.0 - 1e-9)
}

/// The intervals two claims are compared on. See the module docs.
fn comparison_intervals(a: &Claim, b: &Claim) -> (Interval, Interval) {
    // A vague magnitude carries its own imprecision: against it, the other
    // figure is taken as written ("puluhan ribu" never stretches to 100.000).
    let vague = |c: &Claim| c.qualifier.as_deref() == Some("vague");
    if vague(a) || vague(b) {
        (Interval::of(a), Interval::of(b))
    } else {
        (Interval::widened(a), Interval::widened(b))
    }
}

/// The comparison of two aligned claims.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// The verdict.
    pub verdict: Verdict,
    /// Why, in words.
    pub reason: String,
    /// Distance between the stated intervals, in base units (0 when they meet).
    pub gap: f64,
    /// `gap` relative to the larger magnitude involved.
    pub relative_gap: f64,
}

/// Compares two aligned claims, with their articles' publication times.
pub fn compare(a: &Claim, pa: Option<&Published>, b: &Claim, pb: Option<&Published>) -> Comparison {
    let (wa, wb) = comparison_intervals(a, b);
    let (ia, ib) = (Interval::of(a), Interval::of(b));
    let fa = describe(a);
    let fb = describe(b);
    if immaterial(a, b) && !wa.meets(&wb) {
        return Comparison {
            verdict: Verdict::Consistent,
            reason: format!("both can be true: {fa} and {fb} differ by less than 0.5%"),
            gap: 0.0,
            relative_gap: 0.0,
        };
    }
    if wa.meets(&wb) {
        return Comparison {
            verdict: Verdict::Consistent,
            reason: format!("both can be true: {fa} and {fb} overlap"),
            gap: 0.0,
            relative_gap: 0.0,
        };
    }
    let gap = ia.gap(&ib).max(wa.gap(&wb));
    let scale = [a.low, a.high, b.low, b.high]
        .iter()
        .flatten()
        .fold(0.0f64, |m, v| m.max(v.abs()));
    let relative_gap = if scale > 0.0 { gap / scale } else { 0.0 };
    if let (Some(x), Some(y)) = (pa, pb) {
        // Tallies move within a day; prices, rates and indices from one day to the next.
        let dt = y.instant_minutes() - x.instant_minutes();
        let days_apart = (x.date - y.date).num_days().abs() >= 1;
        let moves = (is_tally(a) && x.has_time() && y.has_time() && dt.abs() >= UPDATE_MINUTES)
            || (days_apart
                && (is_tally(a) || matches!(a.kind, Kind::Money | Kind::Percent | Kind::Number)));
        if moves {
            let (early, late, fe, fl) = if dt > 0 {
                (x, y, &fa, &fb)
            } else {
                (y, x, &fb, &fa)
            };
            return Comparison {
                verdict: Verdict::Update,
                reason: format!("later report: {fe} at {early}, revised to {fl} at {late}"),
                gap,
                relative_gap,
            };
        }
    }
    Comparison {
        verdict: Verdict::Conflict,
        reason: if relative_gap < 0.01 {
            format!("cannot both be true: {fa} and {fb} do not overlap")
        } else {
            format!(
                "cannot both be true: {fa} and {fb} are {} apart ({:.1}%)",
                format_value(gap, a.kind, a.unit.as_deref()),
                relative_gap * 100.0
            )
        },
        gap,
        relative_gap,
    }
}

/// A claim in words: its surface and its interval (`"setidaknya 100.000 tentara" (≥ 100,000)`).
pub fn describe(c: &Claim) -> String {
    format!("\"{}\" ({})", c.text, format_interval(c))
}

/// The interval of a claim in words.
pub fn format_interval(c: &Claim) -> String {
    let f = |v: f64| format_value(v, c.kind, c.unit.as_deref());
    let approx = if c.approx { "about " } else { "" };
    match (c.low, c.high) {
        (Some(l), Some(h)) if l == h => format!("{approx}{}", f(l)),
        (Some(l), Some(h)) => format!("{approx}{}–{}", f(l), f(h)),
        (Some(l), None) => format!("{} {}", if c.low_inclusive { "≥" } else { ">" }, f(l)),
        (None, Some(h)) => format!("{} {}", if c.high_inclusive { "≤" } else { "<" }, f(h)),
        (None, None) => "any value".to_string(),
    }
}

/// A value in its kind's usual unit: durations in hours or days, money with its currency.
pub fn format_value(v: f64, kind: Kind, unit: Option<&str>) -> String {
    let num = |x: f64| {
        if (x - x.round()).abs() < 1e-9 && x.abs() < 1e15 {
            group_thousands(x.round() as i64)
        } else {
            let s = format!("{x:.3}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
    };
    match kind {
        // the comparison key 1000 · left + right, shown as the result
        Kind::Score => format!("{}-{}", (v / 1000.0).floor(), v % 1000.0),
        Kind::Duration => {
            let (n, u) = if v >= 86_400.0 * 365.0 {
                (v / (86_400.0 * 365.0), "years")
            } else if v >= 86_400.0 {
                (v / 86_400.0, "days")
            } else if v >= 3600.0 {
                (v / 3600.0, "h")
            } else if v >= 60.0 {
                (v / 60.0, "min")
            } else {
                (v, "s")
            };
            format!("{} {u}", num(n))
        }
        Kind::Money => format!("{} {}", unit.unwrap_or(""), num(v))
            .trim()
            .to_string(),
        Kind::Percent => format!("{}%", num(v)),
        Kind::Measure => match unit.map(unit_symbol) {
            Some(u) if u.starts_with('°') => format!("{}{u}", num(v)),
            Some(u) => format!("{} {u}", num(v)),
            None => num(v),
        },
        _ => num(v),
    }
}

/// How a base unit is written for a reader: `deg_E` as `°E`, `C` as `°C`, `m2` as `m²`.
fn unit_symbol(unit: &str) -> &str {
    match unit {
        "deg_N" => "°N",
        "deg_S" => "°S",
        "deg_E" => "°E",
        "deg_W" => "°W",
        "C" => "°C",
        "m2" => "m²",
        "m3" => "m³",
        other => other,
    }
}

fn group_thousands(n: i64) -> String {
    let s = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// One piece of a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffPart {
    /// `equal`, `delete` (only in `lhs`) or `insert` (only in `rhs`).
    pub op: &'static str,
    /// The text.
    pub text: String,
    /// The piece holds a digit: highlight it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub number: bool,
}

/// A word-level diff of two sentences (`similar`, patience algorithm).
///
/// No deadline is set, so the diff depends on nothing but its inputs.
pub fn word_diff(lhs: &str, rhs: &str) -> Vec<DiffPart> {
    let diff = similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Patience)
        .diff_words(lhs, rhs);
    let mut out: Vec<DiffPart> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            similar::ChangeTag::Equal => "equal",
            similar::ChangeTag::Delete => "delete",
            similar::ChangeTag::Insert => "insert",
        };
        let text = change.value();
        let number = text.chars().any(|c| c.is_ascii_digit());
        match out.last_mut() {
            Some(last) if last.op == op && last.number == number => last.text.push_str(text),
            _ => out.push(DiffPart {
                op,
                text: text.to_string(),
                number,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::{Lang, Stated};

    #[test]
    fn measures_are_written_with_their_readers_symbols() {
        assert_eq!(
            format_value(107.27, Kind::Measure, Some("deg_E")),
            "107.27°E"
        );
        assert_eq!(format_value(8.32, Kind::Measure, Some("deg_S")), "8.32°S");
        assert_eq!(format_value(-5.0, Kind::Measure, Some("C")), "-5°C");
        assert_eq!(format_value(120.0, Kind::Measure, Some("m2")), "120 m²");
        assert_eq!(format_value(1500.0, Kind::Measure, Some("m")), "1,500 m");
        assert_eq!(format_value(3.0, Kind::Measure, None), "3");
    }

    fn claim(
        text: &str,
        low: Option<f64>,
        high: Option<f64>,
        q: Option<&str>,
        precision: f64,
    ) -> Claim {
        Claim {
            id: text.into(),
            doc: "d".into(),
            sentence: text.into(),
            sentence_span: [0, text.len()],
            span: [0, text.len()],
            text: text.into(),
            kind: Kind::Count,
            concept: Some("troops".into()),
            noun: None,
            noun_base: None,
            low,
            high,
            low_inclusive: q != Some("more_than"),
            high_inclusive: true,
            approx: q == Some("approx"),
            qualifier: q.map(str::to_string),
            unit: None,
            precision: Some(precision),
            stated: Stated {
                low,
                high,
                unit: None,
            },
            date: None,
            tz: None,
            lang: Lang::Id,
            fact: Default::default(),
            headline: false,
        }
    }

    fn verdict(a: &Claim, b: &Claim) -> Verdict {
        compare(a, None, b, None).verdict
    }

    #[test]
    fn the_seed_troop_counts() {
        let tens = claim(
            "puluhan ribu pasukannya",
            Some(10_000.0),
            Some(99_999.0),
            Some("vague"),
            1.0,
        );
        let exact = claim(
            "100.000 tentara",
            Some(100_000.0),
            Some(100_000.0),
            None,
            100_000.0,
        );
        let least = claim(
            "setidaknya 100.000 tentara",
            Some(100_000.0),
            None,
            Some("at_least"),
            100_000.0,
        );
        assert_eq!(verdict(&tens, &least), Verdict::Conflict);
        assert_eq!(verdict(&exact, &least), Verdict::Consistent);
        assert_eq!(verdict(&tens, &exact), Verdict::Conflict);
        let just_under = claim(
            "99.900 tentara",
            Some(99_900.0),
            Some(99_900.0),
            None,
            100.0,
        );
        assert_eq!(verdict(&tens, &just_under), Verdict::Consistent);
        let big = claim(
            "Rp 37,7 triliun",
            Some(37.7e12),
            Some(37.7e12),
            None,
            0.1e12,
        );
        let conv = claim(
            "Rp37,64 triliun",
            Some(37.64e12),
            Some(37.64e12),
            None,
            0.01e12,
        );
        assert_eq!(verdict(&big, &conv), Verdict::Consistent);
        // Two figures written to the unit that differ by hundreds are two counts.
        let a = claim("7.991.960", Some(7_991_960.0), Some(7_991_960.0), None, 1.0);
        let b = claim("7.991.160", Some(7_991_160.0), Some(7_991_160.0), None, 1.0);
        assert_eq!(verdict(&a, &b), Verdict::Conflict);
        // Two figures written to the same last digit that differ by one unit of it disagree
        // (a quake's longitude 107,27 against 107,26; gold at Rp 1.937.000 against 1.936.000).
        let east = claim("107,27", Some(107.27), Some(107.27), None, 0.01);
        let east2 = claim("107,26", Some(107.26), Some(107.26), None, 0.01);
        assert_eq!(verdict(&east, &east2), Verdict::Conflict);
        let gold = claim(
            "Rp1.937.000",
            Some(1_937_000.0),
            Some(1_937_000.0),
            None,
            1000.0,
        );
        let gold2 = claim(
            "Rp1.936.000",
            Some(1_936_000.0),
            Some(1_936_000.0),
            None,
            1000.0,
        );
        assert_eq!(verdict(&gold, &gold2), Verdict::Conflict);
        let mut vague_approx = tens.clone();
        vague_approx.approx = true;
        assert_eq!(verdict(&vague_approx, &least), Verdict::Conflict);
    }

    #[test]
    fn bounds_and_rounding() {
        let eight = claim("delapan", Some(8.0), Some(8.0), None, 1.0);
        let ten = claim("10", Some(10.0), Some(10.0), None, 1.0);
        let more7 = claim("lebih dari tujuh", Some(7.0), None, Some("more_than"), 1.0);
        let least9 = claim(
            "setidaknya sembilan",
            Some(9.0),
            None,
            Some("at_least"),
            1.0,
        );
        let least8 = claim("sedikitnya delapan", Some(8.0), None, Some("at_least"), 1.0);
        assert_eq!(verdict(&eight, &ten), Verdict::Conflict);
        assert_eq!(verdict(&eight, &more7), Verdict::Consistent);
        assert_eq!(verdict(&least8, &least9), Verdict::Consistent);
        let m48 = claim("M 4,8", Some(4.8), Some(4.8), None, 0.1);
        let m49 = claim("4,9", Some(4.9), Some(4.9), None, 0.1);
        assert_eq!(verdict(&m48, &m49), Verdict::Conflict);
        let about = claim("sekitar 17,7", Some(17.7), Some(17.7), Some("approx"), 0.1);
        let exact = claim("17,76", Some(17.76), Some(17.76), None, 0.01);
        assert_eq!(verdict(&about, &exact), Verdict::Consistent);
    }

    #[test]
    fn updates_need_time_and_a_tally() {
        let mut a = claim("8 orang tewas", Some(8.0), Some(8.0), None, 1.0);
        let mut b = claim("12 orang meninggal", Some(12.0), Some(12.0), None, 1.0);
        a.concept = Some("deaths".into());
        b.concept = Some("deaths".into());
        let morning = crate::ingest::date::parse_published("14 Okt 2025 08:05 WIB").unwrap();
        let evening = crate::ingest::date::parse_published("14 Okt 2025 19:10 WIB").unwrap();
        let c = compare(&a, Some(&morning), &b, Some(&evening));
        assert_eq!(c.verdict, Verdict::Update);
        assert!(c.reason.starts_with("later report"), "{}", c.reason);
        let soon = crate::ingest::date::parse_published("14 Okt 2025 08:10 WIB").unwrap();
        assert_eq!(
            compare(&a, Some(&morning), &b, Some(&soon)).verdict,
            Verdict::Conflict
        );
    }

    #[test]
    fn diff_marks_numbers() {
        let d = word_diff(
            "Rusia mengerahkan 100.000 tentara",
            "Rusia mengerahkan puluhan ribu tentara",
        );
        assert!(d
            .iter()
            .any(|p| p.op == "delete" && p.number && p.text.contains("100.000")));
        assert!(d
            .iter()
            .any(|p| p.op == "insert" && p.text.contains("puluhan")));
    }
}
