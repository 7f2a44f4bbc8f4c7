//! Sentence splitting with byte offsets.
//!
//! Rules, applied in one left-to-right pass:
//! - a newline (`\n`, `\r`) always ends a sentence;
//! - `.`, `!`, `?`, `…` end a sentence when followed by whitespace or by an
//!   upper-case letter / opening quote with no space (`dia.Setelah`), unless
//!   the dot sits between digits (`100.000`, `09.00`, `4.8`), follows a
//!   known abbreviation (`dr.`, `Mr.`, `No.`, `Jl.`, `Rp.`) or a single
//!   letter initial (`J. Smith`);
//! - closing quotes and brackets right after the terminator stay with the
//!   sentence they close;
//! - ranges are trimmed of whitespace and empty ranges are dropped.
//!
//! `(12/1)setelah` is not a boundary: only sentence punctuation splits.

use super::fxhash::FxBuild;
use super::Lang;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

/// Abbreviations whose full stop does not end a sentence (`data/lexicon/abbreviations.txt`).
const ABBREV: &str = include_str!("../../data/lexicon/abbreviations.txt");

fn abbrevs() -> &'static HashSet<&'static str, FxBuild> {
    static SET: OnceLock<HashSet<&'static str, FxBuild>> = OnceLock::new();
    SET.get_or_init(|| {
        ABBREV
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect()
    })
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn is_opener_or_upper(c: char) -> bool {
    c.is_uppercase() || matches!(c, '"' | '“' | '‘' | '(' | '«')
}

/// Splits `text` into sentence byte ranges (trimmed, non-empty, in order).
pub fn split_sentences(text: &str, lang: Lang) -> Vec<Range<usize>> {
    let _ = lang;
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < n {
        // skip 8-byte blocks without any byte of interest
        if i + 8 <= n {
            let mut w = [0u8; 8];
            w.copy_from_slice(&bytes[i..i + 8]);
            if !has_special(u64::from_le_bytes(w)) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        // only newlines and terminators matter; everything else is skipped
        let term_len = match b {
            b'\n' | b'\r' => {
                push(&mut out, text, start, i);
                start = i + 1;
                i += 1;
                continue;
            }
            b'.' | b'!' | b'?' => 1,
            0xE2 if bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0xA6) => 3,
            _ => {
                i += 1;
                continue;
            }
        };
        let c = b;
        let prev_digit = i > 0 && bytes[i - 1].is_ascii_digit();
        let next_digit = bytes.get(i + 1).is_some_and(|x| x.is_ascii_digit());
        if c == b'.' && prev_digit && next_digit {
            i += 1;
            continue;
        }
        // consume repeated terminators and closers
        let mut end = i + term_len;
        while let Some(d) = text.get(end..).and_then(|r| r.chars().next()) {
            if matches!(d, '.' | '!' | '?' | '…') || is_closer(d) {
                end += d.len_utf8();
            } else {
                break;
            }
        }
        let next = text.get(end..).and_then(|r| r.chars().next());
        let boundary = match next {
            None => true,
            Some(nc) if nc.is_whitespace() => true,
            Some(nc) => (is_opener_or_upper(nc) && c != b'.') || (c == b'.' && nc.is_uppercase()),
        };
        if !boundary || (c == b'.' && end == i + 1 && is_abbrev_before(text, start, i)) {
            i = end;
            continue;
        }
        push(&mut out, text, start, end);
        start = end;
        i = end;
    }
    push(&mut out, text, start, n);
    out
}

/// Whether a little-endian block of 8 bytes holds `.`, `!`, `?`, `\n`,
/// `\r` or the first byte of `…` (the classic "has zero byte" bit trick).
#[inline]
fn has_special(w: u64) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    [b'.', b'!', b'?', b'\n', b'\r', 0xE2].iter().any(|&t| {
        let x = w ^ (t as u64).wrapping_mul(LO);
        x.wrapping_sub(LO) & !x & HI != 0
    })
}

fn is_abbrev_before(text: &str, start: usize, dot: usize) -> bool {
    let seg = &text[start..dot];
    let word_start = seg
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace() || matches!(c, '(' | '"' | '“' | ','))
        .map(|(j, c)| j + c.len_utf8())
        .unwrap_or(0);
    let word = &seg[word_start..];
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    if let (Some(a), None) = (chars.next(), chars.next()) {
        return a.is_uppercase();
    }
    if word.len() > 8 {
        return false;
    }
    let lw = word.to_lowercase();
    abbrevs().contains(lw.as_str())
}

fn push(out: &mut Vec<Range<usize>>, text: &str, s: usize, e: usize) {
    if s >= e || e > text.len() {
        return;
    }
    let seg = &text[s..e];
    let lead = seg.len() - seg.trim_start().len();
    let trail = seg.len() - seg.trim_end().len();
    if lead + trail >= seg.len() {
        return;
    }
    out.push(s + lead..e - trail);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(s: &str) -> Vec<&str> {
        split_sentences(s, Lang::Id)
            .into_iter()
            .map(|r| &s[r])
            .collect()
    }

    #[test]
    fn keeps_numbers_and_abbreviations() {
        assert_eq!(
            sents("Dr. Budi tiba pukul 09.00 WIB. Ia membawa Rp. 100.000 ke Jl. Merdeka No. 5. Selesai."),
            ["Dr. Budi tiba pukul 09.00 WIB.", "Ia membawa Rp. 100.000 ke Jl. Merdeka No. 5.", "Selesai."]
        );
    }

    #[test]
    fn newline_and_missing_space() {
        assert_eq!(
            sents("Satu dua.Tiga empat\r\nLima"),
            ["Satu dua.", "Tiga empat", "Lima"]
        );
        assert_eq!(
            sents("Rabu (12/1)setelah empat jam."),
            ["Rabu (12/1)setelah empat jam."]
        );
    }

    #[test]
    fn quotes_stay() {
        assert_eq!(
            sents("“Kami siap.” Kata dia."),
            ["“Kami siap.”", "Kata dia."]
        );
        assert_eq!(
            sents("Mr. Smith paid $4.5 million. He left"),
            ["Mr. Smith paid $4.5 million.", "He left"]
        );
    }

    #[test]
    fn block_skip_finds_every_terminator() {
        let s = "abcdefghijklmnop. qrstuvwxyzabcdefgh? ijklmnopqrstuvwx\nyz";
        assert_eq!(sents(s).len(), 4);
        assert!(has_special(u64::from_le_bytes(*b"abcdefg.")));
        assert!(!has_special(u64::from_le_bytes(*b"abcdefgh")));
    }

    #[test]
    fn domains_do_not_split() {
        assert_eq!(
            sents("Dilansir dari Kompas.com, dia"),
            ["Dilansir dari Kompas.com, dia"]
        );
    }
}
