//! Indonesian number words.
//!
//! Indonesian builds numbers from unit words and multipliers that follow
//! them: `dua puluh` (2×10), `tujuh belas` (7+10), `tiga ratus` (3×100),
//! then scales `ribu`, `juta`, `miliar`/`milyar`, `triliun`. The prefix
//! `se-` means one: `sepuluh`, `sebelas`, `seratus`, `seribu`, `sejuta`, `selusin` (a dozen).
//! `setengah` is a half (`satu setengah juta` = 1.5 million). Each word maps
//! to atoms shared with English (see [`super::number::Atom`]); the shared
//! evaluator does the arithmetic.

use super::number::Atom;

/// Atoms for an Indonesian number word (lower case), if it is one.
pub(crate) fn atoms(w: &str) -> Option<&'static [Atom]> {
    use Atom::*;
    Some(match w {
        "nol" => &[Digit(0)],
        "satu" => &[Digit(1)],
        "dua" => &[Digit(2)],
        "tiga" => &[Digit(3)],
        "empat" => &[Digit(4)],
        "lima" => &[Digit(5)],
        "enam" => &[Digit(6)],
        "tujuh" => &[Digit(7)],
        "delapan" => &[Digit(8)],
        "sembilan" => &[Digit(9)],
        "sepuluh" => &[Teen(10)],
        "sebelas" => &[Teen(11)],
        "belas" => &[Belas],
        "puluh" => &[Puluh],
        "ratus" => &[Ratus],
        "seratus" => &[Digit(1), Hundred],
        "ribu" => &[Scale(1e3)],
        "seribu" => &[Digit(1), Scale(1e3)],
        "juta" => &[Scale(1e6)],
        "sejuta" => &[Digit(1), Scale(1e6)],
        "miliar" | "milyar" => &[Scale(1e9)],
        "semiliar" | "semilyar" => &[Digit(1), Scale(1e9)],
        "triliun" => &[Scale(1e12)],
        "setriliun" => &[Digit(1), Scale(1e12)],
        // `sepasang`: a pair, two ("sepasang suami istri", "sepasang sepatu")
        "sepasang" => &[Digit(2)],
        "lusin" => &[Dozen],
        "selusin" => &[Digit(1), Dozen],
        "setengah" | "separuh" => &[Half],
        "seperempat" => &[Quarter],
        "koma" => &[Point],
        _ => return None,
    })
}

/// Vague magnitude words: `(low, high)` of the interval they denote.
///
/// Bounds: `belasan` 11–19, `puluhan` 10–99, `ratusan` 100–999,
/// `ribuan` 1 000–9 999, `jutaan` 10^6–10^7−1, and so on; followed by a
/// scale word the interval is multiplied (`puluhan ribu` = 10 000–99 999).
pub(crate) fn vague(w: &str) -> Option<(f64, f64)> {
    Some(match w {
        "belasan" => (11.0, 19.0),
        "puluhan" => (10.0, 99.0),
        "ratusan" => (100.0, 999.0),
        "ribuan" => (1e3, 9_999.0),
        "jutaan" => (1e6, 9_999_999.0),
        "miliaran" | "milyaran" => (1e9, 9_999_999_999.0),
        "triliunan" => (1e12, 9_999_999_999_999.0),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_words() {
        assert!(atoms("sembilan").is_some());
        assert!(atoms("sembilanbelas").is_none());
        assert_eq!(vague("puluhan"), Some((10.0, 99.0)));
    }
}
