//! Positions: match scores, ranks, ordinals and levels.

#[allow(unused_imports)] // reason: one import list for all the scanner steps
use super::*;

impl Scanner<'_> {
    /// A rank or ordinal claim over tokens `start..end`.
    pub(super) fn ranked(
        &self,
        kind: Kind,
        start: usize,
        end: usize,
        value: f64,
        noun: Option<&str>,
    ) -> Outcome {
        let mut m = self.exact(start, end, kind, value);
        m.noun = noun.map(str::to_string);
        m.noun_base = noun.map(|n| if n == "kalinya" { "kali" } else { n }.to_string());
        Outcome::Claim(Box::new(m))
    }

    /// A claim of one whole number, stated to the unit (precision 1): a count, an age, a year.
    pub(super) fn whole(&self, start: usize, end: usize, kind: Kind, value: f64) -> Mention {
        Mention {
            precision: Some(1.0),
            ..self.exact(start, end, kind, value)
        }
    }

    /// A claim of one exact value (no unit, no precision).
    pub(super) fn exact(&self, start: usize, end: usize, kind: Kind, value: f64) -> Mention {
        Mention {
            start,
            end: end.min(self.toks.toks.len()),
            kind,
            low: Some(value),
            high: Some(value),
            low_inc: true,
            high_inc: true,
            approx: false,
            qual: None,
            unit: None,
            precision: None,
            stated: Stated {
                low: Some(value),
                high: Some(value),
                unit: None,
            },
            noun: None,
            noun_base: None,
            concept: None,
            date: None,
            tz: None,
        }
    }

    /// A level (`Level II`, `siaga 1`, `status Awas`) or an nth time
    /// (`kali ketiga`, `ketiga kalinya`, `hari keempat`, `the third time`)
    /// starting at the word `i`.
    pub(super) fn word_kind_at(&self, i: usize) -> Option<Mention> {
        let t = &self.toks;
        let w = t.low(i);
        let nx = i + 1;
        let raw_nx = t.raw(self.text, nx);
        // levels: a scale word, then a Roman numeral or a small integer in
        // digits or words ("Level II", "MMI III", "(MMI) III", "siaga satu"), or a Roman numeral before
        // it ("III MMI")
        if kinds::is("scheme", self.lang, w) {
            let (nx, raw_nx) = if t.is_punct(nx, ")") {
                (nx + 1, t.raw(self.text, nx + 1))
            } else {
                (nx, raw_nx)
            };
            let before = i
                .checked_sub(1)
                .and_then(|p| kinds::roman(t.raw(self.text, p)));
            if let (Some(v), None) = (before, kinds::roman(raw_nx)) {
                let mut m = self.exact(i - 1, i + 1, Kind::Level, v);
                m.noun = Some(t.raw(self.text, i).to_string());
                m.noun_base = Some(w.to_string());
                return Some(m);
            }
            // a number word too ("siaga satu"; not English "one", a pronoun as often)
            let in_words = || {
                let w = t.low(nx);
                (t.kind(nx) == Some(TokKind::Word) && !(self.lang == Lang::En && w == "one"))
                    .then(|| super::super::number::parse_number_words(w, self.lang))
                    .flatten()
            };
            let v = kinds::roman(raw_nx).or_else(|| {
                (t.kind(nx) == Some(TokKind::Num))
                    .then(|| t.low(nx).parse::<f64>().ok())
                    .flatten()
                    .or_else(in_words)
                    .filter(|v| v.fract() == 0.0 && (1.0..=10.0).contains(v))
            })?;
            // not "level 5 persen" (a rate at that level)
            if self
                .unit_at_simple(nx + 1)
                .is_some_and(|u| u.unit.kind == Kind::Percent)
            {
                return None;
            }
            // not "level 4,5" or "level 3%" ("(Level II)" is)
            if t.glued(nx + 1)
                && !t.is_punct(nx + 1, ",")
                && !t.is_punct(nx + 1, ".")
                && !t.is_punct(nx + 1, ")")
            {
                return None;
            }
            let mut m = self.exact(i, nx + 1, Kind::Level, v);
            m.noun = Some(t.raw(self.text, i).to_string());
            m.noun_base = Some(w.to_string());
            return Some(m);
        }
        // "status Awas": a named level of the volcano scale
        if w == "status" && raw_nx.starts_with(char::is_uppercase) {
            let v = kinds::named_level(self.lang, t.low(nx))?;
            let mut m = self.exact(i, nx + 1, Kind::Level, v);
            m.noun = Some(t.raw(self.text, i).to_string());
            m.noun_base = Some("status".to_string());
            return Some(m);
        }
        // A rank in words: "peringkat kedua", "posisi ketiga", "ranked second"
        if kinds::is("rank", self.lang, w) && t.kind(nx) == Some(TokKind::Word) {
            if let Some(v) = kinds::ordinal_word(self.lang, t.low(nx)) {
                return Some(self.exact(i, nx + 1, Kind::Rank, v));
            }
        }
        // Indonesian: the noun, then the ordinal ("kali ketiga"); English:
        // the ordinal, then the noun ("the third time"); "ketiga kalinya"
        if kinds::is("ordnoun", self.lang, w) || w == "kalinya" {
            let (k, start, end) = match self.lang {
                Lang::Id if w != "kalinya" => (nx, i, nx + 1),
                _ => (i.checked_sub(1)?, i - 1, i + 1),
            };
            if t.kind(k) != Some(TokKind::Word) {
                return None;
            }
            let (start, v) = if start < i {
                // the ordinal before its noun, in one word or several: "the
                // third time", "the twenty-fifth time", "kedua puluh kalinya"
                let mut words = vec![(k, t.low(k))];
                let mut p = k;
                while words.len() < 5 {
                    let Some(mut q) = p.checked_sub(1) else { break };
                    if t.is_dash(q) && t.glued(q) && t.glued(q + 1) {
                        let Some(q2) = q.checked_sub(1) else { break };
                        q = q2;
                    }
                    if t.kind(q) != Some(TokKind::Word) {
                        break;
                    }
                    words.insert(0, (q, t.low(q)));
                    p = q;
                }
                (0..words.len()).find_map(|from| {
                    let ws: Vec<&str> = words[from..].iter().map(|w| w.1).collect();
                    kinds::ordinal_words(self.lang, &ws).map(|v| (words[from].0, v))
                })?
            } else {
                // with the possessive -nya: "laga keduanya", "kehamilan pertamanya"
                let w = t.low(k);
                let own = match self.lang {
                    Lang::Id => w.strip_suffix("nya"),
                    Lang::En => None,
                };
                let v = kinds::ordinal_word(self.lang, w)
                    .or_else(|| own.and_then(|s| kinds::ordinal_word(self.lang, s)))?;
                (start, v)
            };
            let mut m = self.exact(start, end, Kind::Ordinal, v);
            let noun = if w == "kalinya" { "kali" } else { w };
            m.noun = Some(t.raw(self.text, i).to_string());
            m.noun_base = Some(noun.to_string());
            return Some(m);
        }
        None
    }

    /// All of a group, in Indonesian: ke- and a cardinal before a noun
    /// counts it ("ketiga korban" the three victims, "keenam peserta" all six
    /// participants; after the noun it is an ordinal, "korban ketiga", and
    /// so is it after any other word but a function word: "ronde keempat
    /// kualifikasi").
    pub(super) fn collective_at(&self, i: usize) -> Option<Mention> {
        let t = &self.toks;
        let w = t.low(i);
        if self.lang != Lang::Id || !w.starts_with("ke") || t.kind(i + 1) != Some(TokKind::Word) {
            return None;
        }
        // after a noun it is that noun's ordinal: "ronde keempat kualifikasi"
        let after_noun = i.checked_sub(1).is_some_and(|p| {
            t.kind(p) == Some(TokKind::Word) && !lists().id_stop.contains(&t.low(p))
        });
        let v = kinds::ordinal_word(self.lang, w)?;
        let next = t.low(i + 1);
        // "kedua" before a noun is "both", a determiner more than a figure
        // (1,681 alignments of "kedua tim" with itself on idnews)
        if v < 3.0
            || after_noun
            || next == "kalinya"
            || kinds::is("ordnoun", self.lang, next)
            || word_atoms(next, self.lang).is_some()
        {
            return None;
        }
        let (written, base, concept, end) = self.noun_at(i + 1)?;
        let mut m = self.whole(i, end, Kind::Count, v);
        m.noun = Some(written);
        m.noun_base = Some(base);
        m.concept = concept;
        Some(m)
    }

    /// A match result over `start..end`: `stated` keeps the two scores in
    /// the order written, `noun` the sides named before it with a versus
    /// word ("Jepang vs Indonesia 6-0"); the comparison key is `1000 ·
    /// winner + loser`, since writers put either side first ("menang 6-0",
    /// "kalah 0-6").
    pub(super) fn score(&self, start: usize, end: usize, left: f64, right: f64) -> Mention {
        let sides = self
            .sides_before(start)
            .or_else(|| self.sides_around(start, end));
        let noun_base = sides.as_ref().map(|(a, b)| {
            let (la, lb) = (a.to_lowercase(), b.to_lowercase());
            if la > lb {
                format!("{lb} vs {la}")
            } else {
                format!("{la} vs {lb}")
            }
        });
        let key = left.max(right) * 1000.0 + left.min(right);
        let mut m = self.exact(start, end, Kind::Score, key);
        m.stated.low = Some(left);
        m.stated.high = Some(right);
        m.noun = sides.map(|(a, b)| format!("{a} vs {b}"));
        m.noun_base = noun_base;
        m
    }

    /// The two sides of a match named before `k`: capitalised words on
    /// either side of a versus word (`Jepang vs Indonesia`, `Argentina
    /// melawan Kolombia`), within the ten tokens before.
    pub(super) fn sides_before(&self, k: usize) -> Option<(String, String)> {
        let t = &self.toks;
        let cap = |x: usize| {
            t.kind(x) == Some(TokKind::Word) && t.raw(self.text, x).starts_with(char::is_uppercase)
        };
        let lo = k.saturating_sub(10);
        let p = (lo..k)
            .rev()
            .find(|&p| kinds::is("versus", self.lang, t.low(p)))?;
        let mut a = p;
        while a > lo && a + 3 > p && cap(a - 1) {
            a -= 1;
        }
        let mut b = p + 1;
        while b < k && b < p + 4 && cap(b) {
            b += 1;
        }
        (a < p && b > p + 1).then(|| (self.raw_span(a, p), self.raw_span(p + 1, b)))
    }

    /// The two sides of a match around a score at `start..end` without a
    /// versus word: the nearest capitalised name before it in its clause
    /// and the one after a preposition right after it ("Indonesia kalah
    /// 0-4 dari Jepang", "Japan beat Indonesia 6-0" has no second name
    /// after it and is left without sides).
    pub(super) fn sides_around(&self, start: usize, end: usize) -> Option<(String, String)> {
        let t = &self.toks;
        let cap = |x: usize| {
            t.kind(x) == Some(TokKind::Word) && t.raw(self.text, x).starts_with(char::is_uppercase)
        };
        // after: "dari Jepang", "atas China", "over Bahrain", "against Japan"
        let mut b = end;
        if !matches!(
            t.low(b),
            "dari" | "atas" | "kontra" | "melawan" | "over" | "against" | "to" | "by"
        ) {
            return None;
        }
        b += 1;
        let b0 = b;
        while b < b0 + 3 && cap(b) {
            b += 1;
        }
        if b == b0 {
            return None;
        }
        // before: the nearest capitalised run in the clause, not the
        // sentence's first word unless it is followed by another capital
        let lo = start.saturating_sub(8);
        let mut a_end = None;
        for p in (lo..start).rev() {
            if t.kind(p) == Some(TokKind::Punct) {
                break;
            }
            if cap(p) {
                a_end = Some(p + 1);
                break;
            }
        }
        let a_end = a_end?;
        let mut a = a_end - 1;
        while a > lo && a + 3 > a_end && cap(a - 1) {
            a -= 1;
        }
        Some((self.raw_span(a, a_end), self.raw_span(b0, b)))
    }
}
