//! Units and currencies: the unit after a number, currency signs before
//! it, rates (`/hour`, `per kg`), cents, compound durations and lengths and implicit
//! ones (`a dollar`, `sejam`).

#[allow(unused_imports)] // reason: one import list for all the scanner steps
use super::*;

impl Scanner<'_> {
    /// Indonesian `se-` + duration unit: `sejam`, `sehari`, `setahun`.
    pub(super) fn se_unit(&self, w: &str) -> Option<Unit> {
        if self.lang != Lang::Id {
            return None;
        }
        let rest = w.strip_prefix("se")?;
        match rest {
            "jam" | "hari" | "minggu" | "pekan" | "bulan" | "tahun" | "menit" | "detik"
            | "abad" | "dekade" => units::lookup(rest, rest),
            _ => None,
        }
    }

    /// Currency sign at `k`: (ISO code, index after it, surface).
    pub(super) fn currency_at(&self, k: usize) -> Option<(&'static str, usize, String)> {
        let t = &self.toks;
        let first = t.low(k);
        let plausible = match t.kind(k) {
            Some(TokKind::Punct) => matches!(first, "$" | "€" | "£" | "¥" | "₹"),
            Some(TokKind::Word) => matches!(
                first,
                "rp" | "idr"
                    | "us"
                    | "usd"
                    | "as"
                    | "eur"
                    | "euro"
                    | "gbp"
                    | "myr"
                    | "rm"
                    | "ringgit"
                    | "malaysia"
                    | "malaysian"
                    | "sgd"
                    | "s"
                    | "jpy"
                    | "cny"
                    | "rmb"
                    | "inr"
                    | "rs"
                    | "cad"
                    | "c"
                    | "chf"
                    | "aud"
                    | "a"
                    | "krw"
                    | "sar"
                    | "qar"
                    | "kwd"
                    | "egp"
                    | "ils"
                    | "mnt"
                    | "hkd"
                    | "hk"
                    | "rupiah"
            ),
            _ => false,
        };
        if !plausible {
            return None;
        }
        // the sign's extent: "US$", "Rp.", "malaysian ringgits", "EUR"
        let (len, spaced): (usize, bool) = if (t.is_punct(k + 1, "$")
            || (first == "rp" && t.is_punct(k + 1, ".")))
            && t.glued(k + 1)
        {
            (2, false)
        } else if matches!(first, "malaysia" | "malaysian")
            && matches!(t.low(k + 1), "ringgit" | "ringgits")
        {
            (2, true)
        } else {
            (1, false)
        };
        let (code, nk, raw) = {
            let s0 = t.toks.get(k)?.start;
            let e0 = t.toks.get(k + len - 1)?.end;
            let raw = self.text.get(s0..e0)?;
            let lower = t.lower.get(s0 - t.base..e0 - t.base)?;
            let lower_norm;
            let lower = if spaced {
                lower_norm = lower.split_whitespace().collect::<Vec<_>>().join(" ");
                lower_norm.as_str()
            } else {
                lower
            };
            (units::currency_prefix(raw, lower)?, k + len, raw)
        };
        // must be followed by a number (possibly spaced)
        let next_num = matches!(t.kind(nk), Some(TokKind::Num))
            || (t.kind(nk) == Some(TokKind::Word) && word_atoms(t.low(nk), self.lang).is_some())
            || (t.is_punct(nk, ".") && t.kind(nk + 1) == Some(TokKind::Num))
            || (self.lang == Lang::En && matches!(t.low(nk), "a" | "an"));
        if next_num {
            return Some((code, nk, raw.to_string()));
        }
        None
    }

    /// "a dollar", "an hour", "a gallon", "sejam": one of a unit.
    pub(super) fn implicit_one(&self, qstart: usize, j: usize, qual: Option<Qual>) -> Outcome {
        let t = &self.toks;
        let w = t.low(j);
        // "tiga kali sehari", "twice a week": the period of a frequency, not a span of time
        if j > 0 && {
            let p = t.low(j - 1);
            lists().times.contains(&p) || matches!(p, "once" | "twice" | "thrice")
        } {
            return Outcome::None;
        }
        let se = self.se_unit(w);
        // "sehari-hari" (everyday): a word, not one day
        if se.is_some()
            && t.is_dash(j + 1)
            && t.glued(j + 1)
            && t.glued(j + 2)
            && w.strip_prefix("se") == Some(t.low(j + 2))
        {
            return Outcome::None;
        }
        let unit = if let Some(u) = se {
            UnitHit {
                unit: u,
                base: u.base.to_string(),
                end: j + 1,
                surface: w.to_string(),
            }
        } else if self.lang == Lang::En && matches!(w, "a" | "an" | "one") {
            let Some(u) = self.unit_at_simple(j + 1) else {
                return Outcome::None;
            };
            if !matches!(u.unit.kind, Kind::Duration | Kind::Money | Kind::Measure)
                || u.unit.factor < 1e-3 && u.unit.kind == Kind::Money && u.surface.len() == 1
            {
                return Outcome::None;
            }
            u
        } else {
            return Outcome::None;
        };
        let mut end = unit.end;
        let mut value = unit.unit.factor;
        // "an hour and a half", "a mile and a half"
        if unit.unit.compounds() {
            let (add, e) = self.compound_tail(end, &unit.unit);
            if e > end {
                value += add;
                end = e;
            }
        }
        let mut lo_stated = 1.0;
        if unit.unit.kind == Kind::Money {
            if let Some((c, e)) = self.cents_after(end) {
                value = unit.unit.factor * (1.0 + c / 100.0);
                lo_stated += c / 100.0;
                end = e;
            }
        }
        let start = if qual.is_some() { qstart } else { j };
        let mut m = Mention {
            start,
            end,
            kind: unit.unit.kind,
            low: Some(value),
            high: Some(value),
            low_inc: true,
            high_inc: true,
            approx: false,
            qual: None,
            unit: Some(unit.base.clone()),
            precision: None,
            stated: Stated {
                low: Some(lo_stated),
                high: Some(lo_stated),
                unit: Some(unit.surface),
            },
            noun: None,
            noun_base: None,
            concept: None,
            date: None,
            tz: None,
        };
        match qual {
            Some(Qual::MoreThan) => {
                m.high = None;
                m.low_inc = false;
                m.qual = Some("more_than");
            }
            Some(Qual::AtLeast) => {
                m.high = None;
                m.qual = Some("at_least");
            }
            Some(Qual::LessThan) => {
                m.low = Some(0.0);
                m.high_inc = false;
                m.qual = Some("less_than");
            }
            Some(Qual::AtMost) => {
                m.low = Some(0.0);
                m.qual = Some("at_most");
            }
            Some(Qual::Approx) => {
                m.approx = true;
                m.qual = Some("approx");
            }
            Some(Qual::Nearly) => {
                m.low = Some(value * 0.9);
                m.high_inc = false;
                m.approx = true;
                m.qual = Some("nearly");
            }
            _ => {}
        }
        Outcome::Claim(Box::new(m))
    }

    /// Single-token unit lookup (for "a dollar", rates).
    pub(super) fn unit_at_simple(&self, k: usize) -> Option<UnitHit> {
        let t = &self.toks;
        if t.kind(k) != Some(TokKind::Word) {
            return None;
        }
        let raw = t.raw(self.text, k);
        let low = t.low(k);
        if !units::may_start(low) {
            return None;
        }
        let u = units::lookup(raw, low)?;
        let u = self.fix_pound(u, low, k, false);
        Some(UnitHit {
            unit: u,
            base: u.base.to_string(),
            end: k + 1,
            surface: raw.to_string(),
        })
    }

    /// "pound(s)": money (GBP) in Indonesian, after a scale word, or before
    /// "sterling"; otherwise mass.
    pub(super) fn fix_pound(&self, u: Unit, low: &str, k: usize, scaled: bool) -> Unit {
        if matches!(low, "pound" | "pounds") {
            let money = self.lang == Lang::Id || scaled || self.toks.low(k + 1) == "sterling";
            let lo = k.saturating_sub(30);
            let hi = (k + 30).min(self.toks.toks.len());
            let weighty = (lo..hi).any(|x| {
                matches!(
                    self.toks.low(x),
                    "weighs" | "weigh" | "weight" | "weighed" | "heavy" | "berat" | "weighing"
                )
            });
            if money && !weighty {
                return Unit {
                    kind: Kind::Money,
                    base: "GBP",
                    factor: 1.0,
                    offset: 0.0,
                };
            }
        }
        u
    }

    /// Unit after a number at `k` (longest match over up to 4 tokens).
    pub(super) fn unit_at(&self, k: usize, num: &Num) -> Option<UnitHit> {
        let t = &self.toks;
        let n = t.toks.len();
        // a pair counts things, never a measure: "sepasang kaki" is two legs
        if (num.start..num.end).any(|q| matches!(t.low(q), "pair" | "sepasang")) {
            return None;
        }
        let mut k0 = k;
        // "16-meter", "two-year"
        if t.is_dash(k) && t.glued(k) && t.glued(k + 1) && t.kind(k + 1) == Some(TokKind::Word) {
            k0 = k + 1;
        }
        if k0 >= n {
            return None;
        }
        // feet and inches written with primes: `5'6"`, `6’2”`, `6' 3"`, `6' tall`, `5''`;
        // only before the inches, a word of size or the end (a lone prime in a
        // line-up, `(Rodri 60')`, is a match minute)
        if t.glued(k) && num.is_point() && self.lang == Lang::En {
            let raw = |q: usize| t.raw(self.text, q);
            let prime = |q: usize| matches!(raw(q), "'" | "′");
            let sized =
                |q: usize| q >= n || matches!(t.low(q), "tall" | "high" | "long" | "wide" | "deep");
            let inches_after = |q: usize| {
                t.kind(q) == Some(TokKind::Num)
                    && t.glued(q + 1)
                    && matches!(raw(q + 1), "\"" | "″" | "”")
            };
            let length = |factor: f64, end: usize| UnitHit {
                unit: Unit {
                    kind: Kind::Measure,
                    base: "m",
                    factor,
                    offset: 0.0,
                },
                base: "m".to_string(),
                end,
                surface: self.raw_span(k, end),
            };
            if prime(k) && t.glued(k + 1) && prime(k + 1) && sized(k + 2) {
                return Some(length(0.0254, k + 2));
            }
            if raw(k) == "″" && sized(k + 1) {
                return Some(length(0.0254, k + 1));
            }
            let glued_next = t.glued(k + 1) && k + 1 < n;
            if (prime(k) && !(glued_next && prime(k + 1)) && (sized(k + 1) || inches_after(k + 1)))
                || (raw(k) == "’" && glued_next && inches_after(k + 1))
            {
                return Some(length(0.3048, k + 1));
            }
        }
        if !units::may_start(t.low(k0)) && t.low(k0) != "in" {
            return None;
        }
        let mut raw = String::new();
        let mut low = String::new();
        let mut best: Option<(Unit, usize, String)> = None;
        let mut best_low = String::new();
        for m in 0..4 {
            let q = k0 + m;
            if q >= n {
                break;
            }
            let kind = t.kind(q);
            if m > 0 {
                if kind == Some(TokKind::Num) {
                    // only "km2", "m3", "km^2"
                    if !(t.glued(q)
                        && (matches!(t.low(q), "2" | "3") || (t.low(q) == "1" && t.is_dash(q - 1))))
                    {
                        break;
                    }
                }
                if !t.glued(q) {
                    raw.push(' ');
                    low.push(' ');
                }
                // "75-basis-point": a hyphen between unit words reads as a space.
                if t.is_dash(q)
                    && t.glued(q + 1)
                    && t.kind(q + 1) == Some(TokKind::Word)
                    && t.kind(q - 1) == Some(TokKind::Word)
                {
                    raw.push('-');
                    low.push(' ');
                    continue;
                }
            } else if kind == Some(TokKind::Num) || kind == Some(TokKind::Frac) {
                break;
            }
            raw.push_str(t.raw(self.text, q));
            low.push_str(t.low(q));
            if let Some(u) = units::lookup(&raw, &low) {
                best = Some((u, q + 1, raw.clone()));
                best_low = low.clone();
            }
        }
        if best.is_none()
            && t.low(k0) == "in"
            && !num.words
            && (k0 + 1 >= n || (t.is_punct(k0 + 1, ".") && k0 + 2 >= n))
        {
            best = Some((
                Unit {
                    kind: Kind::Measure,
                    base: "m",
                    factor: 0.0254,
                    offset: 0.0,
                },
                k0 + 1,
                "in".to_string(),
            ));
            best_low = "in".to_string();
        }
        let (mut u, end, surface) = best?;
        // "Aragon 2025 Hari Ini": a year before "hari ini" (today), not 2,025 days.
        if u.kind == Kind::Duration
            && num.plain_int
            && num.int_len == 4
            && (1900.0..=2100.0).contains(&num.low)
            && t.low(end) == "ini"
        {
            return None;
        }
        let first_raw = t.raw(self.text, k0);
        // guards for ambiguous symbols
        match surface.as_str() {
            "\"" => {
                // an inch mark only when no quotation is open before it
                let quotes = (k0.saturating_sub(200)..k0)
                    .filter(|&x| t.low(x) == "\"")
                    .count();
                if quotes % 2 == 1 || !t.glued(k0) {
                    return None;
                }
            }
            "c" | "C" | "F" | "K" | "h" | "m" | "g" | "l" | "L" | "am" | "pm" | "b" | "°" => {
                // a symbol must not continue into letters or digits
                if t.glued(end) && matches!(t.kind(end), Some(TokKind::Word) | Some(TokKind::Num)) {
                    return None;
                }
                if matches!(surface.as_str(), "am" | "pm") && num.decimals < 1 {
                    return None;
                }
            }
            _ => {}
        }
        if t.glued(end) && t.kind(end) == Some(TokKind::Num) {
            return None; // "F6", "J1149"
        }
        if first_raw.eq_ignore_ascii_case("le") && !num.words && first_raw == "le" && t.glued(k0) {
            return None;
        }
        u = self.fix_pound(u, &best_low, k0, num.has_scale);
        // a bare degree sign or word takes its scale from what follows:
        // "−459.67° on the Fahrenheit scale"
        if matches!(best_low.as_str(), "°" | "degrees" | "degree" | "derajat") {
            for x in end..(end + 4).min(n) {
                match t.low(x) {
                    "fahrenheit" => {
                        u = Unit {
                            kind: Kind::Measure,
                            base: "C",
                            factor: 5.0 / 9.0,
                            offset: -160.0 / 9.0,
                        };
                        break;
                    }
                    "celsius" | "celcius" => break,
                    _ => {}
                }
            }
        }
        // "b": bit in data contexts, barn in physics contexts, else nothing
        if surface == "b" {
            let (lo, hi) = (k0.saturating_sub(30), (k0 + 30).min(n));
            let has = |ws: &[&str]| (lo..hi).any(|x| ws.contains(&t.low(x)));
            if has(&[
                "transmit",
                "package",
                "packet",
                "data",
                "file",
                "memory",
                "bandwidth",
                "download",
                "upload",
                "network",
            ]) {
                u = Unit {
                    kind: Kind::Measure,
                    base: "bit",
                    factor: 1.0,
                    offset: 0.0,
                };
            } else if has(&["area", "cross", "section", "nuclear", "physics"]) {
                u = Unit {
                    kind: Kind::Measure,
                    base: "m2",
                    factor: 1e-28,
                    offset: 0.0,
                };
            } else {
                return None;
            }
        }
        if u.kind == Kind::Measure && u.base == "C" && surface == "K" && !self.temp_ctx() {
            return None;
        }
        // "half a point", "a half-point increase": percentage points only
        // in a sentence about rates
        if matches!(best_low.as_str(), "point" | "points" | "poin") && !self.rate_ctx() {
            return None;
        }
        Some(UnitHit {
            unit: u,
            base: u.base.to_string(),
            end,
            surface,
        })
    }

    /// "/hour", "per kg", "per week" after a unit; after an amount of money, `a`/`an` too
    /// (`$3.50 a gallon`, `$20 an hour`).
    pub(super) fn rate_at(&self, k: usize, money: bool) -> Option<(UnitHit, usize)> {
        let t = &self.toks;
        let q = if (t.is_punct(k, "/") && t.glued(k))
            || t.low(k) == "per"
            || money && self.lang == Lang::En && matches!(t.low(k), "a" | "an")
        {
            k + 1
        } else {
            return None;
        };
        let u = self.unit_at_simple(q)?;
        if matches!(u.unit.kind, Kind::Duration | Kind::Measure) {
            let e = u.end;
            Some((u, e))
        } else {
            None
        }
    }

    /// Cents after a money amount: "and 43c", "43 cents", "43" at the end.
    pub(super) fn cents_after(&self, k: usize) -> Option<(f64, usize)> {
        let t = &self.toks;
        let mut q = k;
        if matches!(t.low(q), "and" | "dan") {
            q += 1;
        }
        let num = self.number(q, false)?;
        if num.vague || num.low.fract() != 0.0 || num.low < 1.0 || num.low > 99.0 {
            return None;
        }
        if !num.words && t.low(num.start).len() > 2 {
            return None;
        }
        // a dozen counts the goods, never cents: "5 dollars a dozen", "Rp 130 ribu satu lusin"
        if (num.start..num.end).any(|k| matches!(t.low(k), "dozen" | "lusin" | "selusin")) {
            return None;
        }
        let e = num.end;
        let cw = t.low(e);
        if matches!(cw, "c" | "cents" | "cent" | "sen" | "sens" | "¢")
            && !(t.glued(e + 1) && t.kind(e + 1) == Some(TokKind::Word))
        {
            return Some((num.low, e + 1));
        }
        // bare two digits only at the end of the sentence or before punctuation
        let at_end = e >= t.toks.len()
            || (t.kind(e) == Some(TokKind::Punct) && !matches!(cw, "%" | "-" | "/"));
        if at_end {
            return Some((num.low, e));
        }
        None
    }

    /// Smaller duration parts after a duration unit with `factor`.
    pub(super) fn compound_tail(&self, k: usize, first: &Unit) -> (f64, usize) {
        let t = &self.toks;
        let mut add = 0.0;
        let mut end = k;
        let mut cur = first.factor;
        let mut q = k;
        for _ in 0..4 {
            let mut p = q;
            let comma = t.is_punct(p, ",");
            if comma {
                p += 1;
            }
            if matches!(t.low(p), "and" | "dan") {
                if comma && self.lang == Lang::En {
                    // serial comma: "3 years, 2 months, 14 days, and 16 hours"
                    // is an enumeration; keep the parts separate
                    return (0.0, k);
                }
                p += 1;
            }
            // "and a half"
            if matches!(t.low(p), "a" | "an") && t.low(p + 1) == "half" && p > q {
                add += 0.5 * cur;
                end = p + 2;
                break;
            }
            if t.low(p) == "half" && p > q {
                add += 0.5 * cur;
                end = p + 1;
                break;
            }
            let Some(num) = self.number(p, false) else {
                break;
            };
            if num.vague || !num.is_point() {
                break;
            }
            if let Some(u) = self.unit_at(num.end, &num) {
                // each part in a smaller unit of the same quantity
                if u.unit.kind == first.kind
                    && u.unit.base == first.base
                    && u.unit.offset == 0.0
                    && u.unit.factor < cur
                {
                    add += num.low * u.unit.factor;
                    cur = u.unit.factor;
                    end = u.end;
                    q = u.end;
                    continue;
                }
                break;
            }
            // "6’2”": after feet, a closing double quote is the inch mark
            if first.base == "m"
                && first.kind == Kind::Measure
                && cur == 0.3048
                && t.glued(num.end)
                && matches!(t.raw(self.text, num.end), "”" | "″")
            {
                add += num.low * 0.0254;
                end = num.end + 1;
                break;
            }
            // "2 yd 7'": a prime closing a compound of lengths is feet
            if first.base == "m"
                && first.kind == Kind::Measure
                && 0.3048 < cur
                && t.glued(num.end)
                && matches!(t.raw(self.text, num.end), "'" | "′")
            {
                add += num.low * 0.3048;
                end = num.end + 1;
                break;
            }
            if first.kind != Kind::Duration {
                break;
            }
            // "1 hour thirty": bare number, next smaller grain, at the end
            let at_end = num.end >= t.toks.len() || t.kind(num.end) == Some(TokKind::Punct);
            let smaller = if cur == 3600.0 {
                60.0
            } else if cur == 60.0 {
                1.0
            } else {
                0.0
            };
            if at_end && smaller > 0.0 && num.low < 60.0 && num.low.fract() == 0.0 {
                add += num.low * smaller;
                end = num.end;
            }
            break;
        }
        (add, end)
    }
}
