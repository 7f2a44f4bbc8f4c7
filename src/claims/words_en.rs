//! English number words.
//!
//! Cardinals (`zero` … `ninety`), `hundred`, short-scale scales (`thousand`,
//! `million`, `billion`, `trillion`), the South Asian `lakh`/`crore` (news
//! from the region uses them), `dozen`, `half`/`quarter` and fraction
//! denominators (`third`, `sixth`, …). `a`/`an` counts as one only before a
//! scale word, which the scanner checks.

use super::number::Atom;

/// Atoms for an English number word (lower case), if it is one.
pub(crate) fn atoms(w: &str) -> Option<&'static [Atom]> {
    use Atom::*;
    Some(match w {
        "zero" | "naught" | "nought" | "nil" => &[Digit(0)],
        "one" => &[Digit(1)],
        "two" => &[Digit(2)],
        "three" => &[Digit(3)],
        "four" => &[Digit(4)],
        "five" => &[Digit(5)],
        "six" => &[Digit(6)],
        "seven" => &[Digit(7)],
        "eight" => &[Digit(8)],
        "nine" => &[Digit(9)],
        "ten" => &[Teen(10)],
        "eleven" => &[Teen(11)],
        "twelve" => &[Teen(12)],
        "thirteen" => &[Teen(13)],
        "fourteen" => &[Teen(14)],
        "fifteen" => &[Teen(15)],
        "sixteen" => &[Teen(16)],
        "seventeen" => &[Teen(17)],
        "eighteen" => &[Teen(18)],
        "nineteen" => &[Teen(19)],
        "twenty" => &[Tens(20)],
        "thirty" => &[Tens(30)],
        "forty" | "fourty" => &[Tens(40)],
        "fifty" => &[Tens(50)],
        "sixty" => &[Tens(60)],
        "seventy" => &[Tens(70)],
        "eighty" => &[Tens(80)],
        "ninety" => &[Tens(90)],
        "hundred" | "hundreds" => &[Hundred],
        "thousand" | "thousands" => &[Scale(1e3)],
        "million" | "millions" => &[Scale(1e6)],
        "billion" | "billions" => &[Scale(1e9)],
        "trillion" | "trillions" => &[Scale(1e12)],
        "lakh" | "lakhs" | "lac" | "lacs" => &[Scale(1e5)],
        "crore" | "crores" | "cr" | "koti" | "krore" | "krores" | "kr" => &[Scale(1e7)],
        "dozen" | "dozens" => &[Dozen],
        "half" | "halves" => &[Half],
        "quarter" | "quarters" => &[Quarter],
        "point" => &[Point],
        _ => return None,
    })
}

/// Denominator of a fraction word (`third` → 3), used after a cardinal.
pub(crate) fn denominator(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" | "fourth" | "fourths" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "seventh" | "sevenths" => 7.0,
        "eighth" | "eighths" => 8.0,
        "ninth" | "ninths" => 9.0,
        "tenth" | "tenths" => 10.0,
        _ => return None,
    })
}

/// Vague plural magnitudes, as `(low, high)`.
///
/// Bounds: `dozens` 24–99 (the fixture convention, parallel to `puluhan`), `tens` 10–99, `hundreds` 100–999,
/// `thousands` 1 000–9 999, `millions` 10^6–10^7−1, `billions`
/// 10^9–10^10−1, parallel to the Indonesian `puluhan`, `ratusan`, … .
/// `tens of thousands` and `hundreds of thousands` are built by the scanner
/// from `tens`/`hundreds` + `of` + a scale: 10 000–99 999, 100 000–999 999.
pub(crate) fn vague(w: &str) -> Option<(f64, f64)> {
    Some(match w {
        "dozens" => (24.0, 99.0),
        "tens" => (10.0, 99.0),
        "hundreds" => (100.0, 999.0),
        "thousands" => (1e3, 9_999.0),
        "millions" => (1e6, 9_999_999.0),
        "billions" => (1e9, 9_999_999_999.0),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_words() {
        assert!(atoms("ninety").is_some());
        assert_eq!(denominator("thirds"), Some(3.0));
        assert_eq!(vague("hundreds"), Some((100.0, 999.0)));
    }
}
