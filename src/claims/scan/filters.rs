//! Filters: numbers that are no quantity (identifiers, phone numbers,
//! ordinals outside a rank, years, addresses, photo counters).

#[allow(unused_imports)] // reason: one import list for all the scanner steps
use super::*;

impl Scanner<'_> {
    /// Identifiers, ordinals, phone numbers, years: returns how to skip.
    pub(super) fn non_quantity(&self, num: &Num) -> Option<Outcome> {
        let t = &self.toks;
        let s = num.start;
        let e = num.end;
        let value = num.low;
        let rank_before = |k: usize| k > 0 && kinds::is("rank", self.lang, t.low(k - 1));
        // a match minute in a scorer's or a substitute's brackets: `Kolo Muani (11', 45+4')`,
        // `(45'+4)`, `(Rodri 60')`: the nth minute, added time summed
        if num.plain_int && (1.0..=130.0).contains(&value) {
            if let Some((end, minute)) = self.match_minute(e, value) {
                let noun = if self.lang == Lang::En {
                    "minute"
                } else {
                    "menit"
                };
                return Some(self.ranked(Kind::Ordinal, s, end, minute, Some(noun)));
            }
        }
        // "peringkat ke-40", "ke-3 kalinya", "hari ke-4": before the
        // glued-letter identifiers ("SV-5276") below
        if s >= 2 && t.is_dash(s - 1) && t.glued(s) && t.low(s - 2) == "ke" {
            if num.plain_int && rank_before(s - 2) {
                return Some(self.ranked(Kind::Rank, s - 3, e, value, None));
            }
            if num.plain_int && t.low(e) == "kalinya" {
                return Some(self.ranked(Kind::Ordinal, s - 2, e + 1, value, Some("kali")));
            }
            if num.plain_int && s >= 3 && kinds::is("ordnoun", self.lang, t.low(s - 3)) {
                let noun = t.low(s - 3);
                return Some(self.ranked(Kind::Ordinal, s - 3, e, value, Some(noun)));
            }
            return Some(Outcome::Skip(e));
        }
        let first_num = (s..e).find(|&k| t.kind(k) == Some(TokKind::Num));
        // glued letters before the digits: "MH370", "J1149", "SV-5276"
        if let Some(k) = first_num {
            if k > 0 && t.glued(k) {
                let p = t.low(k - 1);
                let praw = t.raw(self.text, k - 1);
                if t.kind(k - 1) == Some(TokKind::Word) && units::currency_prefix(praw, p).is_none()
                {
                    return Some(Outcome::Skip(self.skip_id(e)));
                }
                if t.is_dash(k - 1)
                    && k > 1
                    && t.glued(k - 1)
                    && t.kind(k - 2) == Some(TokKind::Word)
                {
                    return Some(Outcome::Skip(self.skip_id(e)));
                }
                if matches!(p, "#" | "+" | "@" | "/") {
                    return Some(Outcome::Skip(self.skip_id(e)));
                }
            }
            // all-caps code before: "GA 716"; not before a unit ("TFT 7 inci")
            if k == s && k > 0 && !t.glued(k) {
                let praw = t.raw(self.text, k - 1);
                if t.kind(k - 1) == Some(TokKind::Word)
                    && is_upper_code(praw)
                    && self.unit_at(e, num).is_none()
                    && units::currency_prefix(praw, t.low(k - 1)).is_none()
                    && !matches!(praw, "M" | "SR" | "AS" | "US" | "RI" | "NATO")
                {
                    return Some(Outcome::Skip(self.skip_id(e)));
                }
            }
            let raw = t.low(k);
            // phone numbers and zero-padded ids
            if raw.len() >= 5 && raw.starts_with('0') && raw.bytes().all(|b| b.is_ascii_digit()) {
                return Some(Outcome::Skip(self.skip_id(e)));
            }
            if raw.len() >= 11 && raw.bytes().all(|b| b.is_ascii_digit()) {
                return Some(Outcome::Skip(self.skip_id(e)));
            }
        }
        // addresses: "7050 Old State Road", "the 7800 block of Main"
        if num.plain_int && self.is_address(e) {
            return Some(Outcome::Skip(e));
        }
        // photo captions: "Image 6 of 11"
        if num.plain_int
            && s > 0
            && t.low(e) == "of"
            && t.kind(e + 1) == Some(TokKind::Num)
            && roles::is_caption(self.lang, self.prev_low(s))
        {
            return Some(Outcome::Skip(e + 2));
        }
        // ordinal suffixes: 3rd, 21st, ke-3; a rank ("ranked 40th", "6th
        // place") or an nth time ("for the 3rd time"), otherwise no claim
        if matches!(t.low(e), "st" | "nd" | "rd" | "th") && t.glued(e) && num.plain_int {
            let after = t.low(e + 1);
            if kinds::is("place", self.lang, after) {
                return Some(self.ranked(Kind::Rank, s, e + 2, value, None));
            }
            if rank_before(s) {
                return Some(self.ranked(Kind::Rank, s - 1, e + 1, value, None));
            }
            if kinds::is("ordnoun", self.lang, after) {
                return Some(self.ranked(Kind::Ordinal, s, e + 2, value, Some(after)));
            }
            return Some(Outcome::Skip(e + 1));
        }
        // "peringkat 40", "rank 3": a position in a ranking
        if num.plain_int && rank_before(s) {
            return Some(self.ranked(Kind::Rank, s - 1, e, value, None));
        }
        // cue words before: "No. 5", "Pasal 340", "Story Code : 973357"
        let mut k = s;
        let mut hops = 0;
        while k > 0 && hops < 3 {
            let p = t.low(k - 1);
            if matches!(p, ":" | "." | "#" | "-") {
                k -= 1;
                hops += 1;
                continue;
            }
            // "naik ke 80 persen", "ke 1,3 juta rekening", "ke 500 orang": spaced "ke" before a
            // measure, a scaled or decimal number or a counted noun is "to" ("juara ke 3" stays an
            // ordinal)
            let to_measure = p == "ke"
                && k == s
                && (self.unit_at(e, num).is_some()
                    || num.has_scale
                    || !num.plain_int
                    || self.noun_at(e).is_some_and(|(_, _, c, _)| c.is_some()));
            // "level 6.907", "the 42,000 level": an index's level, not an identifier; "level 5,5
            // persen": a rate's
            let percent_at = |at: usize| {
                self.unit_at(at, num)
                    .is_some_and(|u| u.unit.kind == Kind::Percent)
            };
            let index_level = p == "level"
                && (num.low >= 100.0
                    || percent_at(e)
                    || (t.is_dash(e) && t.kind(e + 1) == Some(TokKind::Num) && percent_at(e + 2)));
            if lists().id_cue.contains(&p) && !num.words && !to_measure && !index_level {
                return Some(Outcome::Skip(self.skip_id(e)));
            }
            break;
        }
        // years
        if num.plain_int && !num.has_scale && num.int_len == 4 {
            let v = num.low;
            let prev = self.prev_low(s);
            let cue = matches!(prev, "tahun" | "year" | "thn" | "th");
            if ((1900.0..=2100.0).contains(&v) || (cue && (1000.0..=2999.0).contains(&v)))
                && self.unit_at(e, num).is_none()
                && (cue || self.noun_at(e).is_none_or(|(_, _, c, _)| c.is_none()))
            {
                let mut end = e;
                let mut last = v;
                // "2013-14", "2019-2020": a span of years [first, last]
                if t.is_dash(e)
                    && t.glued(e)
                    && t.glued(e + 1)
                    && t.kind(e + 1) == Some(TokKind::Num)
                {
                    end = e + 2;
                    let d = t.low(e + 1);
                    if let Ok(x) = d.parse::<u32>() {
                        let x = f64::from(x);
                        let y2 = match d.len() {
                            4 => x,
                            2 => (v / 100.0).floor() * 100.0 + x,
                            _ => v,
                        };
                        if y2 > v && y2 - v < 100.0 {
                            last = y2;
                        }
                    }
                }
                let y = v as i32;
                return Some(Outcome::Claim(Box::new(Mention {
                    high: Some(last),
                    date: Some(format!("{y:04}")),
                    ..self.whole(s, end, Kind::Date, v)
                })));
            }
        }
        None
    }

    /// Whether the words after a house number at `e` name a street: a
    /// street word (`Road`, `block`) right after it or after up to three
    /// capitalised words (`7050 Old State Road`).
    pub(super) fn is_address(&self, e: usize) -> bool {
        let t = &self.toks;
        let mut k = e;
        for _ in 0..4 {
            // "302 E. Reed St.": an abbreviation's dot
            if k > e && t.is_punct(k, ".") && t.glued(k) {
                k += 1;
            }
            if t.kind(k) != Some(TokKind::Word) {
                return false;
            }
            let low = t.low(k);
            if k == e && low == "block" {
                return true;
            }
            if !t.raw(self.text, k).starts_with(char::is_uppercase) {
                return false;
            }
            if k > e && roles::is_street(self.lang, low) {
                return true;
            }
            k += 1;
        }
        false
    }

    pub(super) fn skip_id(&self, mut e: usize) -> usize {
        // swallow glued alphanumeric continuation: "06F6", "0812-3456"
        let t = &self.toks;
        while e < t.toks.len()
            && t.glued(e)
            && !t.is_punct(e, ",")
            && !t.is_punct(e, ".")
            && !t.is_punct(e, ")")
        {
            e += 1;
        }
        e
    }

    /// A match minute: a prime glued after the number (`11'`, `58’`), added time glued after it or
    /// before the prime (`45+4'`, `45'+4`), the whole inside brackets that open before the number in
    /// its sentence and close after it. Returns the token after the minute and its value.
    fn match_minute(&self, e: usize, value: f64) -> Option<(usize, f64)> {
        let t = &self.toks;
        let prime = |q: usize| t.glued(q) && matches!(t.raw(self.text, q), "'" | "’" | "′");
        let added = |q: usize| -> Option<f64> {
            (t.raw(self.text, q) == "+" && t.glued(q) && t.kind(q + 1) == Some(TokKind::Num))
                .then(|| t.low(q + 1).parse::<u8>().ok())
                .flatten()
                .filter(|n| (1..=30).contains(n))
                .map(f64::from)
                .filter(|_| t.glued(q + 1))
        };
        let (end, minute) = if prime(e) {
            match added(e + 1) {
                Some(n) => (e + 3, value + n),
                None => (e + 1, value),
            }
        } else if let Some(n) = added(e).filter(|_| prime(e + 2)) {
            (e + 3, value + n)
        } else {
            return None;
        };
        // `6' 2"` is a height, not a minute
        if t.kind(end) == Some(TokKind::Num) {
            return None;
        }
        let stop = |q: usize| matches!(t.raw(self.text, q), "." | "!" | "?");
        let opened = (e.saturating_sub(16)..e)
            .rev()
            .take_while(|&q| t.raw(self.text, q) != ")" && !stop(q))
            .any(|q| t.raw(self.text, q) == "(");
        let closed = (end..end + 16)
            .take_while(|&q| q < t.toks.len() && t.raw(self.text, q) != "(" && !stop(q))
            .any(|q| t.raw(self.text, q) == ")");
        (opened && closed).then_some((end, minute))
    }
}

pub(super) fn is_upper_code(s: &str) -> bool {
    s.len() >= 2
        && s.len() <= 6
        && s.bytes().all(|b| b.is_ascii_uppercase())
        && s.bytes().any(|b| b.is_ascii_alphabetic())
}
