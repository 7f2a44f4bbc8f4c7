//! Tokeniser: one pass over a sentence, producing words, digit runs and
//! single punctuation characters with byte offsets into the article text.
//!
//! Decisions:
//! - Letters and digits never share a token: `Rp1,937` becomes `Rp` + `1,937`
//!   and `10kg` becomes `10` + `kg`; the `glued` flag records that no space
//!   separated them, so the grammar can still treat them as one unit.
//! - A digit run keeps internal `.` and `,` when a digit follows them
//!   (`100.000`, `1,5`, `09.00`); what the separators mean is decided later
//!   by the number parser, which knows the locale.
//! - Hyphens are punctuation tokens, so `luka-luka`, `twenty-three` and
//!   `16-meter` are three glued tokens each; phrase matchers look at them.
//! - URLs (`http://`, `https://`, `www.`) are skipped up to the next space:
//!   their digits are never quantities.
//! - The sentence is lower-cased once into a buffer of the same byte length
//!   (a character whose lower case has another UTF-8 length is kept as is),
//!   so a token's lower-case text sits at the same offsets as the token and
//!   the scan allocates nothing per token once the buffers have grown.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// A run of letters (plus `²`, `³`).
    Word,
    /// A run of ASCII digits with internal `.`/`,` separators.
    Num,
    /// A vulgar fraction character such as `½`.
    Frac,
    /// Any other single non-space character.
    Punct,
}

/// One token with its byte span in the article text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub kind: TokKind,
    pub start: usize,
    pub end: usize,
    /// No whitespace between this token and the previous one.
    pub glued: bool,
}

/// The tokens of one sentence.
#[derive(Debug, Default)]
pub(crate) struct Tokens {
    pub toks: Vec<Token>,
    /// The sentence lower-cased, byte-aligned with the original.
    pub lower: String,
    /// Offset of the sentence in the article text.
    pub base: usize,
}

impl Tokens {
    /// Lower-cased text of token `i` ("" when out of range).
    pub fn low(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => self
                .lower
                .get(t.start - self.base..t.end - self.base)
                .unwrap_or(""),
            None => "",
        }
    }

    /// Kind of token `i`, if any.
    pub fn kind(&self, i: usize) -> Option<TokKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// Whether token `i` exists and is glued to its predecessor.
    pub fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.glued)
    }

    /// Whether token `i` is the punctuation character `c`.
    pub fn is_punct(&self, i: usize, c: &str) -> bool {
        self.kind(i) == Some(TokKind::Punct) && self.low(i) == c
    }

    /// Whether token `i` is one of the dash characters.
    pub fn is_dash(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Punct) && matches!(self.low(i), "-" | "–" | "—" | "‒")
    }

    /// Original (not lower-cased) text of token `i`.
    pub fn raw<'t>(&self, text: &'t str, i: usize) -> &'t str {
        match self.toks.get(i) {
            Some(t) => text.get(t.start..t.end).unwrap_or(""),
            None => "",
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || c == '²' || c == '³'
}

fn is_frac_char(c: char) -> bool {
    matches!(c, '½' | '⅓' | '⅔' | '¼' | '¾' | '⅕' | '⅛')
}

fn starts_url(rest: &str) -> bool {
    let b = rest.as_bytes();
    let lower_eq = |p: &[u8]| b.len() >= p.len() && b[..p.len()].eq_ignore_ascii_case(p);
    lower_eq(b"http://") || lower_eq(b"https://") || lower_eq(b"www.")
}

/// Lower-cases `slice` into `out` keeping every byte offset.
fn lower_aligned(slice: &str, out: &mut String) {
    out.clear();
    if slice.is_ascii() {
        out.push_str(slice);
        out.make_ascii_lowercase();
        return;
    }
    for c in slice.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let mut l = c.to_lowercase();
        match (l.next(), l.next()) {
            (Some(x), None) if x.len_utf8() == c.len_utf8() => out.push(x),
            _ => out.push(c),
        }
    }
}

/// Tokenises `text[start..end]` into `out` (which is cleared first).
pub(crate) fn tokenize(text: &str, start: usize, end: usize, out: &mut Tokens) {
    out.toks.clear();
    out.base = start;
    let Some(slice) = text.get(start..end) else {
        out.lower.clear();
        return;
    };
    lower_aligned(slice, &mut out.lower);
    let bytes = slice.as_bytes();
    let n = bytes.len();
    let mut p = 0usize;
    let mut glued = false;
    while p < n {
        let b = bytes[p];
        let (c, clen) = if b < 0x80 {
            (b as char, 1)
        } else {
            match slice[p..].chars().next() {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        if b == b' ' || c.is_whitespace() {
            glued = false;
            p += clen;
            continue;
        }
        if matches!(b, b'h' | b'H' | b'w' | b'W') && starts_url(&slice[p..]) {
            while p < n && !bytes[p].is_ascii_whitespace() {
                p += 1;
            }
            while p < n && !slice.is_char_boundary(p) {
                p += 1;
            }
            glued = false;
            continue;
        }
        let tstart = p;
        let kind;
        if b.is_ascii_alphabetic() || (b >= 0x80 && is_word_char(c)) {
            kind = TokKind::Word;
            while p < n {
                let b2 = bytes[p];
                if b2 < 0x80 {
                    if b2.is_ascii_alphabetic() {
                        p += 1;
                        continue;
                    }
                    break;
                }
                let Some(c2) = slice[p..].chars().next() else {
                    break;
                };
                if !is_word_char(c2) {
                    break;
                }
                p += c2.len_utf8();
            }
        } else if b.is_ascii_digit() {
            kind = TokKind::Num;
            while p < n {
                let b2 = bytes[p];
                if b2.is_ascii_digit()
                    || ((b2 == b'.' || b2 == b',')
                        && bytes.get(p + 1).is_some_and(|x| x.is_ascii_digit()))
                {
                    p += 1;
                } else {
                    break;
                }
            }
        } else if is_frac_char(c) {
            kind = TokKind::Frac;
            p += clen;
        } else {
            kind = TokKind::Punct;
            p += clen;
        }
        out.toks.push(Token {
            kind,
            start: start + tstart,
            end: start + p,
            glued,
        });
        glued = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        let mut t = Tokens::default();
        tokenize(s, 0, s.len(), &mut t);
        (0..t.toks.len()).map(|i| t.low(i).to_string()).collect()
    }

    #[test]
    fn splits_letters_from_digits() {
        assert_eq!(toks("Rp1,937 Juta"), ["rp", "1,937", "juta"]);
        assert_eq!(toks("10kg."), ["10", "kg", "."]);
    }

    #[test]
    fn keeps_separators_inside_numbers_only() {
        assert_eq!(
            toks("100.000, lalu 1,5."),
            ["100.000", ",", "lalu", "1,5", "."]
        );
    }

    #[test]
    fn hyphen_is_its_own_token() {
        assert_eq!(toks("luka-luka"), ["luka", "-", "luka"]);
    }

    #[test]
    fn skips_urls() {
        assert_eq!(toks("lihat https://x.com/a/123 ya"), ["lihat", "ya"]);
    }

    #[test]
    fn spans_are_byte_offsets() {
        let s = "\u{a0}é 5";
        let mut t = Tokens::default();
        tokenize(s, 0, s.len(), &mut t);
        assert_eq!(&s[t.toks[0].start..t.toks[0].end], "é");
        assert_eq!(&s[t.toks[1].start..t.toks[1].end], "5");
        assert!(!t.toks[1].glued);
    }
}
