//! Numbers: digit strings in the article's locale and number words.
//!
//! Digit strings: Indonesian uses `.` for thousands and `,` for decimals
//! (`100.000`, `1,5`), English the reverse. When both separators occur the
//! later one is the decimal mark whatever the locale (`100,000.0` in an
//! Indonesian text, `1.200,50` in an English one). A single group
//! separator followed by a group that is not three digits long is read as a
//! decimal mark (`2.5` in Indonesian, `1,5` in English) because that is what
//! such strings mean in practice.
//!
//! Number words go through one small evaluator shared by both languages:
//! each word becomes one or more [`Atom`]s and [`WordEval`] accepts atoms
//! while they still form a well-formed number, so a sequence stops at the
//! first word that cannot continue it (`one two` is two numbers). Spoken
//! hundreds (`one twenty two` = 122, `nineteen eighty` = 1980) are accepted
//! when a unit or teen word is followed by a tens or teen word.
//!
//! Precision: a number's stated precision is `10^k` where `k` is the
//! number of trailing zeros of its integer digits (`100.000` → 100 000,
//! `14.000` → 1 000, `57` → 1), or `10^-d` for `d` written decimals
//! (`4,8` → 0.1), multiplied by any scale word (`1,5 juta` → 100 000).
//! Fractions and vague words have no precision.

use super::Lang;

/// A piece of a number word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Atom {
    /// 0–9.
    Digit(u8),
    /// 10–19 as one word.
    Teen(u8),
    /// 20, 30, … 90.
    Tens(u8),
    /// ×100 of the preceding small number.
    Hundred,
    /// A scale word (thousand, juta, lakh).
    Scale(f64),
    /// ×12.
    Dozen,
    /// One half.
    Half,
    /// One quarter.
    Quarter,
    /// Decimal point spelled out (`point`, `koma`).
    Point,
    /// Indonesian `belas`: +10 to the preceding digit.
    Belas,
    /// Indonesian `puluh`: ×10 of the preceding digit.
    Puluh,
    /// Indonesian `ratus`: ×100 of the preceding digit.
    Ratus,
}

/// A parsed digit string.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Digits {
    pub value: f64,
    /// Number of digits after the decimal mark.
    pub decimals: u32,
    /// Trailing zeros of the integer part when there are no decimals.
    pub int_zeros: u32,
    /// Whether any separator was present.
    pub separated: bool,
    /// Number of integer digits as written (including leading zeros).
    pub int_digits: u32,
}

impl Digits {
    /// Stated precision (see module docs).
    pub fn precision(&self) -> f64 {
        if self.decimals > 0 {
            10f64.powi(-(self.decimals as i32))
        } else {
            10f64.powi(self.int_zeros as i32)
        }
    }
}

/// Parses a digit token (`100.000`, `1,5`, `0033`) in the given locale.
pub(crate) fn parse_digits(raw: &str, lang: Lang) -> Option<Digits> {
    if raw.is_empty()
        || !raw
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    let (group, dec) = match lang {
        Lang::Id => (b'.', b','),
        Lang::En => (b',', b'.'),
    };
    let has_dot = raw.contains('.');
    let has_comma = raw.contains(',');
    let (group, dec) = if has_dot && has_comma {
        // the later separator is the decimal mark
        let last_dot = raw.rfind('.').unwrap_or(0);
        let last_comma = raw.rfind(',').unwrap_or(0);
        if last_dot > last_comma {
            (b',', b'.')
        } else {
            (b'.', b',')
        }
    } else {
        (group, dec)
    };
    let groups_of = |sep: u8| raw.split(sep as char).collect::<Vec<_>>();
    let (int_part, frac_part): (String, &str);
    let count = |sep: u8| raw.bytes().filter(|&b| b == sep).count();
    if count(group) > 0 && count(dec) == 0 {
        let g = groups_of(group);
        let well_formed = g.len() >= 2
            && !g[0].is_empty()
            && g[0].len() <= 3
            && g[1..].iter().all(|x| x.len() == 3);
        if well_formed {
            int_part = g.concat();
            frac_part = "";
        } else if g.len() == 2 {
            int_part = g[0].to_string();
            frac_part = g[1];
        } else {
            return None;
        }
    } else if count(dec) > 1 && count(group) == 0 {
        let g = groups_of(dec);
        let well_formed =
            !g[0].is_empty() && g[0].len() <= 3 && g[1..].iter().all(|x| x.len() == 3);
        if !well_formed {
            return None;
        }
        int_part = g.concat();
        frac_part = "";
    } else {
        let (ip, fp) = match raw.rfind(dec as char) {
            Some(p) => (&raw[..p], &raw[p + 1..]),
            None => (raw, ""),
        };
        let ig: Vec<&str> = ip.split(group as char).collect();
        if ig.len() > 1
            && (ig[0].is_empty() || ig[0].len() > 3 || ig[1..].iter().any(|x| x.len() != 3))
        {
            return None;
        }
        int_part = ig.concat();
        frac_part = fp;
    }
    let int_val: f64 = if int_part.is_empty() {
        0.0
    } else {
        int_part.parse().ok()?
    };
    let frac_val: f64 = if frac_part.is_empty() {
        0.0
    } else {
        format!("0.{frac_part}").parse().ok()?
    };
    let decimals = frac_part.trim_end_matches('0').len() as u32;
    let decimals = if frac_part.is_empty() {
        0
    } else {
        decimals.max(1).min(frac_part.len() as u32)
    };
    let int_zeros = if decimals > 0 || int_val == 0.0 {
        0
    } else {
        (int_part.len() - int_part.trim_end_matches('0').len()) as u32
    };
    Some(Digits {
        value: int_val + frac_val,
        decimals: if frac_part.is_empty() { 0 } else { decimals },
        int_zeros,
        separated: raw.contains(['.', ',']),
        int_digits: int_part.len() as u32,
    })
}

/// Result of evaluating a number-word sequence.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct WordEval {
    total: f64,
    small: f64,
    last: Last,
    last_scale: f64,
    count: usize,
    /// Value added by a trailing half / quarter.
    pub frac: bool,
}

#[derive(Debug, Default, Clone, Copy, PartialEq)]
enum Last {
    #[default]
    None,
    Digit(u8),
    Teen,
    Tens,
    Hundred,
    Scale,
    Half,
}

impl WordEval {
    /// A fresh evaluator.
    pub fn new() -> WordEval {
        WordEval {
            last_scale: f64::INFINITY,
            ..WordEval::default()
        }
    }

    /// Whether the last atom accepted was a scale or hundred (so `and` may follow).
    pub fn after_multiplier(&self) -> bool {
        matches!(self.last, Last::Hundred | Last::Scale)
    }

    /// Whether nothing has been accepted.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Current value.
    pub fn value(&self) -> f64 {
        self.total + self.small
    }

    /// Adds a fraction (from `and a half`).
    pub fn add_fraction(&mut self, f: f64) {
        self.small += f;
        self.frac = true;
        self.last = Last::Half;
        self.count += 1;
    }

    /// Tries to extend the number with `a`; false if it cannot continue it.
    pub fn push(&mut self, a: Atom) -> bool {
        let ok = match a {
            Atom::Digit(d) => match self.last {
                Last::None | Last::Hundred | Last::Scale => {
                    self.small += d as f64;
                    true
                }
                Last::Tens if d > 0 => {
                    self.small += d as f64;
                    true
                }
                _ => false,
            },
            Atom::Teen(t) | Atom::Tens(t) => {
                let teen = matches!(a, Atom::Teen(_));
                let ok = match self.last {
                    Last::None | Last::Hundred | Last::Scale => {
                        self.small += t as f64;
                        true
                    }
                    // spoken hundreds: "one twenty two", "nineteen eighty"
                    Last::Digit(d) if d > 0 && self.total == 0.0 && self.small < 10.0 => {
                        self.small = self.small * 100.0 + t as f64;
                        true
                    }
                    Last::Teen if self.total == 0.0 && self.small < 20.0 => {
                        self.small = self.small * 100.0 + t as f64;
                        true
                    }
                    _ => false,
                };
                if ok {
                    self.last = if teen { Last::Teen } else { Last::Tens };
                    self.count += 1;
                }
                return ok;
            }
            Atom::Hundred => match self.last {
                Last::Digit(d) if d > 0 && self.small < 100.0 => {
                    self.small *= 100.0;
                    true
                }
                Last::Teen | Last::Tens if self.small < 100.0 => {
                    self.small *= 100.0;
                    true
                }
                _ => false,
            },
            Atom::Ratus => match self.last {
                Last::Digit(d) if d > 0 => {
                    self.small += d as f64 * 99.0;
                    self.last = Last::Hundred;
                    self.count += 1;
                    return true;
                }
                _ => false,
            },
            Atom::Puluh => match self.last {
                Last::Digit(d) if d > 0 => {
                    self.small += d as f64 * 9.0;
                    self.last = Last::Tens;
                    self.count += 1;
                    return true;
                }
                _ => false,
            },
            Atom::Belas => match self.last {
                Last::Digit(d) if d > 0 => {
                    self.small += 10.0;
                    self.last = Last::Teen;
                    self.count += 1;
                    return true;
                }
                _ => false,
            },
            Atom::Scale(s) => {
                let ok = if matches!(self.last, Last::None | Last::Scale) && self.small == 0.0 {
                    if self.last == Last::Scale && self.total > 0.0 && s > self.last_scale {
                        // "three thousand millions"
                        self.total *= s;
                        true
                    } else {
                        false
                    }
                } else if s > self.last_scale {
                    self.total = (self.total + self.small) * s;
                    self.small = 0.0;
                    true
                } else {
                    self.total += self.small * s;
                    self.small = 0.0;
                    true
                };
                if ok {
                    self.last_scale = s;
                }
                ok
            }
            Atom::Dozen => {
                if self.count == 0 {
                    false
                } else {
                    self.total = (self.total + self.small) * 12.0;
                    self.small = 0.0;
                    true
                }
            }
            Atom::Half | Atom::Quarter => {
                let f = if a == Atom::Half { 0.5 } else { 0.25 };
                match self.last {
                    Last::None => {
                        self.small = f;
                        self.frac = true;
                        true
                    }
                    // Indonesian "satu setengah": one and a half
                    Last::Digit(_) | Last::Teen | Last::Tens | Last::Hundred => {
                        self.small += f;
                        self.frac = true;
                        true
                    }
                    _ => false,
                }
            }
            Atom::Point => false,
        };
        if ok {
            self.count += 1;
            self.last = match a {
                Atom::Digit(d) => Last::Digit(d),
                Atom::Hundred => Last::Hundred,
                Atom::Scale(_) | Atom::Dozen => Last::Scale,
                Atom::Half | Atom::Quarter => Last::Half,
                _ => self.last,
            };
        }
        ok
    }
}

/// Atoms of a number word in `lang`.
pub(crate) fn word_atoms(w: &str, lang: Lang) -> Option<&'static [Atom]> {
    match lang {
        Lang::Id => super::words_id::atoms(w),
        Lang::En => super::words_en::atoms(w),
    }
}

/// Evaluates a whole string of number words (space or hyphen separated,
/// English connectors `and`, `&`, `,` allowed after a multiplier). Returns
/// `None` unless every word is consumed. Used by tests and by callers that
/// already isolated a number phrase.
pub fn parse_number_words(s: &str, lang: Lang) -> Option<f64> {
    let mut ev = WordEval::new();
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    let mut i = 0;
    while i < words.len() {
        let w = words[i].trim_end_matches(',');
        if lang == Lang::En && matches!(w, "and" | "&") && ev.after_multiplier() {
            i += 1;
            continue;
        }
        if lang == Lang::En && (w == "a" || w == "an") && ev.is_empty() {
            if !ev.push(Atom::Digit(1)) {
                return None;
            }
            i += 1;
            continue;
        }
        let atoms = word_atoms(w, lang)?;
        for a in atoms {
            if !ev.push(*a) {
                return None;
            }
        }
        i += 1;
    }
    if ev.is_empty() {
        None
    } else {
        Some(ev.value())
    }
}

/// Number of trailing zeros of an integer value (0 for non-integers).
pub(crate) fn trailing_zeros(v: f64) -> u32 {
    if v <= 0.0 || v.fract() != 0.0 || v >= 1e18 {
        return 0;
    }
    let mut n = v as u64;
    let mut k = 0;
    while n > 0 && n % 10 == 0 {
        n /= 10;
        k += 1;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(raw: &str, lang: Lang) -> Option<f64> {
        parse_digits(raw, lang).map(|d| d.value)
    }

    #[test]
    fn locale_separators() {
        assert_eq!(d("100.000", Lang::Id), Some(100_000.0));
        assert_eq!(d("1,5", Lang::Id), Some(1.5));
        assert_eq!(d("1,937", Lang::Id), Some(1.937));
        assert_eq!(d("100,000", Lang::En), Some(100_000.0));
        assert_eq!(d("100,000.0", Lang::En), Some(100_000.0));
        assert_eq!(d("100,000.0", Lang::Id), Some(100_000.0));
        assert_eq!(d("2.5", Lang::Id), Some(2.5));
        assert_eq!(d("0033", Lang::Id), Some(33.0));
        assert_eq!(d("1.200.000", Lang::Id), Some(1_200_000.0));
        assert_eq!(d("1.2.3", Lang::Id), None);
    }

    #[test]
    fn precision_rule() {
        let p = |r: &str| parse_digits(r, Lang::Id).map(|d| d.precision());
        assert_eq!(p("100.000"), Some(100_000.0));
        assert_eq!(p("14.000"), Some(1_000.0));
        assert_eq!(p("57"), Some(1.0));
        assert_eq!(p("4,8"), Some(0.1));
    }

    #[test]
    fn words() {
        let id = |s: &str| parse_number_words(s, Lang::Id);
        let en = |s: &str| parse_number_words(s, Lang::En);
        assert_eq!(id("dua puluh tiga"), Some(23.0));
        assert_eq!(id("seratus ribu"), Some(100_000.0));
        assert_eq!(id("delapan belas"), Some(18.0));
        assert_eq!(id("satu setengah juta"), Some(1_500_000.0));
        assert_eq!(id("dua ribu tiga ratus empat puluh lima"), Some(2345.0));
        assert_eq!(en("twenty-three thousand"), Some(23_000.0));
        assert_eq!(en("a hundred and two"), Some(102.0));
        assert_eq!(en("one twenty two"), Some(122.0));
        assert_eq!(en("three thousand millions"), Some(3e9));
        assert_eq!(en("two hundred dozens"), Some(2400.0));
        assert_eq!(
            en("three crore twelve lakh fifty-six thousand seven hundred twenty-one"),
            Some(31_256_721.0)
        );
        assert_eq!(en("one two"), None);
    }
}
