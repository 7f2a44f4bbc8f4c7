//! Numbers: digits with their separators, scale words and suffixes, number
//! words, vague magnitudes, fractions and spelled decimals.

#[allow(unused_imports)] // reason: one import list for all the scanner steps
use super::*;

impl Scanner<'_> {
    pub(super) fn vague_word(&self, w: &str) -> Option<(f64, f64)> {
        match self.lang {
            Lang::Id => words_id::vague(w),
            Lang::En => words_en::vague(w),
        }
    }

    /// Parses a number at `k` (digits, words, vague words) with its scale.
    pub(super) fn number(&self, k: usize, money: bool) -> Option<Num> {
        let t = &self.toks;
        let n = t.toks.len();
        if k >= n {
            return None;
        }
        let mut i = k;
        let mut sign = 1.0;
        let w = t.low(i);
        let dot_num = (t.is_punct(i + 1, ".") || t.is_punct(i + 1, ","))
            && t.glued(i + 1)
            && t.kind(i + 2) == Some(TokKind::Num)
            && t.glued(i + 2);
        if matches!(w, "-" | "−") && (t.kind(i + 1) == Some(TokKind::Num) || dot_num) {
            let spaced_before = i == 0 || !t.glued(i);
            let prev_ok = i == 0 || !matches!(t.kind(i - 1), Some(TokKind::Num));
            if spaced_before && prev_ok && (t.glued(i + 1) || i == 0) {
                sign = -1.0;
                i += 1;
            } else {
                return None;
            }
        } else if matches!(w, "minus" | "negative" | "negatif")
            && matches!(t.kind(i + 1), Some(TokKind::Num) | Some(TokKind::Word))
        {
            sign = -1.0;
            i += 1;
        }
        let mut num = if let Some(x) = self.digits_number(i, money) {
            x
        } else {
            self.word_number(i)?
        };
        num.start = k;
        // "3 quarters of an hour", "2 thirds of a mile": digits over a denominator, before a unit
        if self.lang == Lang::En && num.plain_int && (1.0..20.0).contains(&num.low) {
            if let Some(den) = words_en::denominator(t.low(num.end)) {
                let q = num.end + 1;
                let q = q + usize::from(t.low(q) == "of");
                let q = q + usize::from(matches!(t.low(q), "a" | "an"));
                let v = num.low / den;
                let probe = Num::in_words(v, v, num.start, num.end + 1);
                if self.unit_at(q, &probe).is_some() {
                    num = Num {
                        words: false,
                        ..probe
                    };
                }
            }
        }
        if sign < 0.0 {
            if num.words
                && i > k
                && t.kind(i) != Some(TokKind::Num)
                && !matches!(t.low(k), "minus" | "negative" | "negatif")
            {
                return None;
            }
            num.low = -num.low;
            num.high = -num.high;
            if num.low > num.high {
                std::mem::swap(&mut num.low, &mut num.high);
            }
            num.plain_int = false;
        }
        Some(num)
    }

    pub(super) fn digits_number(&self, i: usize, money: bool) -> Option<Num> {
        let t = &self.toks;
        let mut k = i;
        let mut lead_dec = false;
        if (t.is_punct(k, ".") || t.is_punct(k, ","))
            && t.kind(k + 1) == Some(TokKind::Num)
            && t.glued(k + 1)
            && (k == 0 || !t.glued(k) || matches!(t.low(k - 1), "-" | "−"))
        {
            lead_dec = true;
            k += 1;
        }
        let start = i;
        let (mut value, mut precision, decimals, plain, int_len) = match t.kind(k) {
            Some(TokKind::Num) => {
                let raw = t.low(k);
                let d = if lead_dec {
                    let s = format!("0{}{}", if self.lang == Lang::Id { "," } else { "." }, raw);
                    if raw.contains(['.', ',']) {
                        return None;
                    }
                    parse_digits(&s, self.lang)?
                } else {
                    parse_digits(raw, self.lang)?
                };
                let plain = !d.separated;
                (
                    d.value,
                    Some(d.precision()),
                    d.decimals,
                    plain,
                    d.int_digits,
                )
            }
            Some(TokKind::Frac) => (frac_value(t.low(k)), None, 0, false, 0),
            _ => return None,
        };
        let mut end = k + 1;
        let mut has_scale = false;
        let mut plain_int = plain && decimals == 0;
        // vulgar fraction glued: 1½
        if t.kind(end) == Some(TokKind::Frac) && t.glued(end) {
            value += frac_value(t.low(end));
            precision = None;
            end += 1;
            plain_int = false;
        }
        // fraction a/b
        if plain_int
            && t.is_punct(end, "/")
            && t.glued(end)
            && t.glued(end + 1)
            && t.kind(end + 1) == Some(TokKind::Num)
        {
            let den = t.low(end + 1);
            if let Ok(dv) = den.parse::<u32>() {
                if dv > 0
                    && (value as u32) < dv
                    && dv <= 1000
                    && !(t.is_punct(end + 2, "/") && t.glued(end + 2))
                {
                    value /= dv as f64;
                    precision = None;
                    end += 2;
                    plain_int = false;
                } else {
                    return None;
                }
            } else {
                return None;
            }
        }
        // scientific: 4e14, 1e-3, 5.5x10-3
        if t.glued(end) && matches!(t.low(end), "e" | "x" | "×") {
            let mut q = end + 1;
            let base_ten = t.low(end) != "e";
            if base_ten {
                if t.low(q) == "10" && t.glued(q) {
                    q += 1;
                } else {
                    q = usize::MAX;
                }
            }
            if q != usize::MAX {
                let mut sgn = 1;
                if (t.is_dash(q) || t.is_punct(q, "^")) && t.glued(q) {
                    if t.is_punct(q, "^") {
                        q += 1;
                        if t.is_dash(q) && t.glued(q) {
                            sgn = -1;
                            q += 1;
                        }
                    } else {
                        sgn = -1;
                        q += 1;
                    }
                }
                if t.kind(q) == Some(TokKind::Num) && t.glued(q) {
                    if let Ok(ex) = t.low(q).parse::<i32>() {
                        if ex.abs() <= 300 {
                            value *= 10f64.powi(sgn * ex);
                            precision = None;
                            end = q + 1;
                            plain_int = false;
                        }
                    }
                }
            }
        }
        // spelled decimal point: "1 point 1"
        if plain_int && matches!(t.low(end), "point" | "koma") {
            if let Some((frac, e2)) = self.point_digits(end + 1) {
                value += frac;
                end = e2;
                plain_int = false;
                precision = None;
            }
        }
        // glued suffix multipliers: 100K, 1,2M, 1.2bn, 10jt
        let mut scale = 1.0;
        if t.glued(end) && t.kind(end) == Some(TokKind::Word) {
            let raw = t.raw(self.text, end);
            let s = match raw {
                "k" | "K" if !(self.temp_ctx() && raw == "K") => Some(1e3),
                "M" if money && self.lang == Lang::Id => Some(1e9),
                "M" => Some(1e6),
                "G" if decimals > 0 || lead_dec => Some(1e9),
                "B" | "b" if money => Some(1e9),
                "T" | "t" if money => Some(1e12),
                "T" => Some(1e12),
                "bn" | "Bn" | "bln" => Some(1e9),
                "m" | "mn" | "mln" if money => Some(1e6),
                "mn" | "mln" => Some(1e6),
                "jt" | "Jt" => Some(1e6),
                "rb" | "Rb" => Some(1e3),
                "tn" | "Tn" | "trn" => Some(1e12),
                _ => None,
            };
            if let Some(s) = s {
                if !(t.glued(end + 1) && t.kind(end + 1) == Some(TokKind::Num)) {
                    scale *= s;
                    end += 1;
                    has_scale = true;
                }
            }
        }
        // spaced scale words
        loop {
            let w = t.low(end);
            let raw = t.raw(self.text, end);
            let s = match self.lang {
                Lang::Id => match w {
                    "ribu" => Some(1e3),
                    "juta" | "jt" => Some(1e6),
                    "miliar" | "milyar" => Some(1e9),
                    "triliun" => Some(1e12),
                    "rb" => Some(1e3),
                    _ if money && raw == "M" => Some(1e9),
                    _ if money && raw == "T" => Some(1e12),
                    "thousand" => Some(1e3),
                    "million" => Some(1e6),
                    "billion" => Some(1e9),
                    _ => None,
                },
                Lang::En => match w {
                    "thousand" => Some(1e3),
                    "million" | "millions" | "mln" | "mn" => Some(1e6),
                    "billion" | "billions" | "bn" => Some(1e9),
                    "trillion" | "trillions" => Some(1e12),
                    "lakh" | "lakhs" | "lac" | "lacs" => Some(1e5),
                    "crore" | "crores" | "cr" | "koti" | "krore" | "krores" => Some(1e7),
                    "dozen" | "dozens" => Some(12.0),
                    "k" if money => Some(1e3),
                    _ => None,
                },
            };
            match s {
                Some(s) if t.kind(end) == Some(TokKind::Word) => {
                    scale *= s;
                    end += 1;
                    has_scale = true;
                }
                _ => break,
            }
        }
        // "satu setengah juta" style half after digits: "1 setengah"? rare; skip
        let mut low = value * scale;
        let mut high = low;
        let mut vague = false;
        let mut approx = false;
        // "Rp 8 jutaan", "Rp 8,6 jutaan", "150 ribuan": that many and some more
        // of the scale, up to the next step of the last digit written.
        if self.lang == Lang::Id && t.kind(end) == Some(TokKind::Word) {
            let s = match t.low(end) {
                "ribuan" => Some(1e3),
                "jutaan" => Some(1e6),
                "miliaran" | "milyaran" => Some(1e9),
                "triliunan" => Some(1e12),
                _ => None,
            };
            if let Some(s) = s {
                let step = if decimals > 0 {
                    10f64.powi(-(decimals as i32))
                } else {
                    10f64.powi(trailing_zeros(value) as i32)
                };
                scale *= s;
                low = value * scale;
                high = (value + step) * scale;
                vague = true;
                has_scale = true;
                end += 1;
            }
        }
        // "380-an", "360-ish"
        if t.is_dash(end) && t.glued(end) && t.glued(end + 1) {
            match t.low(end + 1) {
                "an" if plain_int => {
                    let step = 10f64.powi(trailing_zeros(value).max(1) as i32);
                    high = low + step - 1.0;
                    vague = true;
                    end += 2;
                }
                "ish" => {
                    approx = true;
                    end += 2;
                }
                _ => {}
            }
        }
        if let Some(p) = precision.as_mut() {
            *p *= scale;
        }
        if vague {
            precision = None;
        }
        low = round_sig(low);
        high = round_sig(high);
        Some(Num {
            low,
            high,
            start,
            end,
            precision,
            vague,
            plain_int: plain_int && !has_scale,
            int_len,
            has_scale,
            words: false,
            decimals,
            approx,
        })
    }

    /// Digits after "point"/"koma": a number token or digit words.
    pub(super) fn point_digits(&self, k: usize) -> Option<(f64, usize)> {
        let t = &self.toks;
        if t.kind(k) == Some(TokKind::Num) {
            let raw = t.low(k);
            if raw.bytes().all(|b| b.is_ascii_digit()) {
                let v: f64 = format!("0.{raw}").parse().ok()?;
                return Some((v, k + 1));
            }
            return None;
        }
        let mut digits = String::new();
        let mut e = k;
        while let Some(a) = word_atoms(t.low(e), self.lang) {
            match a {
                [Atom::Digit(d)] => {
                    digits.push(char::from(b'0' + d));
                    e += 1;
                }
                _ => break,
            }
        }
        if digits.is_empty() {
            return None;
        }
        let v: f64 = format!("0.{digits}").parse().ok()?;
        Some((v, e))
    }

    /// Number words or vague words at `i`.
    pub(super) fn word_number(&self, i: usize) -> Option<Num> {
        let t = &self.toks;
        let w = t.low(i);
        if t.kind(i) != Some(TokKind::Word) {
            return None;
        }
        // "salah satu tim terbaik", "one of the best teams": one of a set, not a count
        // "no one was hurt": nobody, not a count of one
        if (w == "satu" && i > 0 && t.low(i - 1) == "salah")
            || (w == "one" && t.low(i + 1) == "of" && self.lang == Lang::En)
            || (w == "one" && i > 0 && t.low(i - 1) == "no" && self.lang == Lang::En)
        {
            return None;
        }
        // vague magnitudes
        if let Some((lo, hi)) = self.vague_word(w) {
            let mut end = i + 1;
            let (mut lo, mut hi) = (lo, hi);
            loop {
                let mut q = end;
                if self.lang == Lang::En && t.low(q) == "of" {
                    q += 1;
                }
                let s = match t.low(q) {
                    "ribu" | "thousands" | "thousand" => 1e3,
                    "juta" | "millions" | "million" => 1e6,
                    "miliar" | "milyar" | "billions" | "billion" => 1e9,
                    "triliun" | "trillions" => 1e12,
                    _ => break,
                };
                lo *= s;
                hi = (hi + 1.0) * s - 1.0;
                end = q + 1;
            }
            return Some(Num {
                vague: true,
                approx: true,
                ..Num::in_words(lo, hi, i, end)
            });
        }
        let mut ev = WordEval::new();
        let mut k = i;
        let mut end = i;
        let n = t.toks.len();
        let en = self.lang == Lang::En;
        // "fourth of liter", "a third of a mile": a fraction of one unit
        if en {
            let q0 = i + usize::from(matches!(w, "a" | "an"));
            let wq = t.low(q0);
            if let Some(den) =
                words_en::denominator(wq).filter(|_| !matches!(wq, "half" | "quarter"))
            {
                if t.low(q0 + 1) == "of" {
                    let q = q0 + 2 + usize::from(matches!(t.low(q0 + 2), "a" | "an"));
                    let probe = Num::in_words(1.0 / den, 1.0 / den, i, q0 + 1);
                    if self.unit_at(q, &probe).is_some() {
                        return Some(probe);
                    }
                }
            }
        }
        // "a hundred", "a dozen", "a quarter", "half"
        if en && matches!(w, "a" | "an") {
            let nx = t.low(i + 1);
            match word_atoms(nx, self.lang) {
                Some([Atom::Hundred]) | Some([Atom::Scale(_)]) | Some([Atom::Dozen]) => {
                    ev.push(Atom::Digit(1));
                    k = i + 1;
                }
                Some([Atom::Quarter]) | Some([Atom::Half]) => {
                    k = i + 1;
                }
                // "a couple of days" (about two), "a pair of gunmen", "a couple was shot"
                _ if matches!(nx, "couple" | "pair") => {
                    let e = i + 2 + usize::from(t.low(i + 2) == "of");
                    return Some(Num {
                        approx: nx == "couple",
                        ..Num::in_words(2.0, 2.0, i, e)
                    });
                }
                _ if nx == "few" => {
                    // Duckling's convention: "a few" = 3, approximate
                    let e = i + 2;
                    return Some(Num {
                        approx: true,
                        ..Num::in_words(3.0, 3.0, i, e)
                    });
                }
                _ => return None,
            }
        }
        while k < n {
            let wk = t.low(k);
            if t.kind(k) != Some(TokKind::Word) {
                // hyphen inside "twenty-three"
                if t.is_dash(k)
                    && t.glued(k)
                    && t.glued(k + 1)
                    && !ev.is_empty()
                    && word_atoms(t.low(k + 1), self.lang).is_some()
                {
                    k += 1;
                    continue;
                }
                // connectors "," / "&" in "three million, two hundred & forty"
                if en
                    && (wk == "," || wk == "&")
                    && ev.after_multiplier()
                    && word_atoms(t.low(k + 1), self.lang).is_some_and(|a| {
                        matches!(a[0], Atom::Digit(_) | Atom::Teen(_) | Atom::Tens(_))
                    })
                {
                    k += 1;
                    continue;
                }
                break;
            }
            if en && wk == "and" {
                let nx = t.low(k + 1);
                if ev.after_multiplier()
                    && word_atoms(nx, self.lang).is_some_and(|a| {
                        matches!(a[0], Atom::Digit(_) | Atom::Teen(_) | Atom::Tens(_))
                    })
                {
                    k += 1;
                    continue;
                }
                // "and a half", "and half", "and an half", "and (a) quarter", "and two quarters"
                if !ev.is_empty() && !ev.frac {
                    let mut q = k + 1;
                    let mut mult = 1.0;
                    if matches!(t.low(q), "a" | "an") {
                        q += 1;
                    } else if let Some([Atom::Digit(d)]) = word_atoms(t.low(q), self.lang) {
                        if matches!(t.low(q + 1), "quarters" | "quarter" | "halves") {
                            mult = *d as f64;
                            q += 1;
                        }
                    }
                    let f = match t.low(q) {
                        "half" => Some(0.5),
                        "quarter" | "quarters" => Some(0.25),
                        _ => None,
                    };
                    if let Some(f) = f {
                        ev.add_fraction(f * mult);
                        k = q + 1;
                        end = k;
                        // "one and a half million": the scale takes the whole
                        let (scale, e) = self.scales_at(k);
                        if scale > 1.0 {
                            let v = ev.value() * scale;
                            return Some(Num {
                                has_scale: true,
                                ..Num::in_words(v, v, i, e)
                            });
                        }
                    }
                }
                break;
            }
            if wk == "point" || wk == "koma" {
                if ev.is_empty() && wk == "koma" {
                    break;
                }
                if let Some((frac, e2)) = self.point_digits(k + 1) {
                    let v = ev.value() + frac;
                    // continue with scale words only
                    let (scale, e) = self.scales_at(e2);
                    return Some(Num {
                        has_scale: scale > 1.0,
                        decimals: 1,
                        ..Num::in_words(v * scale, v * scale, i, e)
                    });
                }
                break;
            }
            // fraction denominators after a small cardinal: "one sixth", "two thirds"
            if en && !ev.is_empty() && ev.value() < 20.0 && ev.value() >= 1.0 && !ev.frac {
                if let Some(den) = words_en::denominator(wk) {
                    let v = ev.value() / den;
                    return Some(Num::in_words(v, v, i, k + 1));
                }
            }
            let Some(atoms) = word_atoms(wk, self.lang) else {
                break;
            };
            // plural vague words are handled above; "hundreds" alone is not a number
            let mut ok = true;
            let saved = ev;
            for a in atoms {
                if !ev.push(*a) {
                    ok = false;
                    break;
                }
            }
            if !ok {
                ev = saved;
                break;
            }
            k += 1;
            end = k;
        }
        if ev.is_empty() || end == i {
            return None;
        }
        let v = ev.value();
        // a lone "half"/"quarter"/"setengah" is a number only before a unit
        // ("half an hour", "setengah jam"); "the second quarter" is not
        if end == i + 1 && v < 1.0 && ev.frac {
            let mut q = end;
            if matches!(t.low(q), "a" | "an" | "of") {
                q += 1;
            }
            // "half a million", "half of a million", "quarter of an hour"
            if matches!(t.low(q), "a" | "an") {
                q += 1;
            }
            let (scale, e) = self.scales_at(q);
            if scale > 1.0 && q > end {
                return Some(Num {
                    has_scale: true,
                    ..Num::in_words(v * scale, v * scale, i, e)
                });
            }
            let probe = Num::in_words(v, v, i, end);
            self.unit_at(q, &probe)?;
        }
        let precision = if ev.frac || v.fract() != 0.0 {
            None
        } else {
            Some(10f64.powi(trailing_zeros(v) as i32))
        };
        Some(Num {
            precision,
            ..Num::in_words(v, v, i, end)
        })
    }

    /// The product of the scale words (`million`, `juta`) and dozens from token `k` on, and where
    /// they end.
    fn scales_at(&self, k: usize) -> (f64, usize) {
        let mut scale = 1.0;
        let mut e = k;
        loop {
            match word_atoms(self.toks.low(e), self.lang) {
                Some([Atom::Scale(s)]) => scale *= s,
                Some([Atom::Dozen]) => scale *= 12.0,
                _ => return (scale, e),
            }
            e += 1;
        }
    }

    pub(super) fn scale_of(&self, hi: &Num) -> f64 {
        // the scale is the ratio of the value to the digits as written
        let t = &self.toks;
        let mut k = hi.start;
        while k < hi.end {
            if t.kind(k) == Some(TokKind::Num) {
                if let Some(d) = parse_digits(t.low(k), self.lang) {
                    if d.value > 0.0 {
                        return hi.low / d.value;
                    }
                }
            }
            k += 1;
        }
        1.0
    }

    /// "and a half", "and an half", "and half", "and a quarter", "setengah".
    pub(super) fn and_fraction(&self, k: usize) -> Option<(f64, usize)> {
        let t = &self.toks;
        if self.lang == Lang::Id {
            return (t.low(k) == "setengah").then_some((0.5, k + 1));
        }
        if t.low(k) != "and" {
            return None;
        }
        let mut q = k + 1;
        let mut mult = 1.0;
        if matches!(t.low(q), "a" | "an") {
            q += 1;
        } else if let Some([Atom::Digit(d)]) = word_atoms(t.low(q), self.lang) {
            if matches!(t.low(q + 1), "quarters" | "quarter") {
                mult = *d as f64;
                q += 1;
            }
        }
        let f = match t.low(q) {
            "half" => 0.5,
            "quarter" | "quarters" => 0.25,
            _ => return None,
        };
        Some((f * mult, q + 1))
    }
}

pub(super) fn frac_value(s: &str) -> f64 {
    match s {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅛" => 0.125,
        _ => 0.0,
    }
}
