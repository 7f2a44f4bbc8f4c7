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
//! - Lower-cased word text lives in one shared buffer per sentence, so the
//!   scan allocates nothing per token once the buffers have grown.

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
    /// Range of the lower-cased text in [`Tokens::lower`].
    pub lstart: u32,
    pub lend: u32,
    /// No whitespace between this token and the previous one.
    pub glued: bool,
}

/// The tokens of one sentence.
#[derive(Debug, Default)]
pub(crate) struct Tokens {
    pub toks: Vec<Token>,
    pub lower: String,
}

impl Tokens {
    /// Lower-cased text of token `i` ("" when out of range).
    pub fn low(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => self
                .lower
                .get(t.lstart as usize..t.lend as usize)
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

    /// Whether token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Word)
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

/// Tokenises `text[range]`, appending to `out` (which is cleared first).
pub(crate) fn tokenize(text: &str, start: usize, end: usize, out: &mut Tokens) {
    out.toks.clear();
    out.lower.clear();
    let Some(slice) = text.get(start..end) else {
        return;
    };
    let mut it = slice.char_indices().peekable();
    let mut glued = false;
    while let Some(&(off, c)) = it.peek() {
        if c.is_whitespace() {
            glued = false;
            it.next();
            continue;
        }
        let abs = start + off;
        if (c == 'h' || c == 'H' || c == 'w' || c == 'W') && starts_url(&slice[off..]) {
            while let Some(&(_, c2)) = it.peek() {
                if c2.is_whitespace() {
                    break;
                }
                it.next();
            }
            glued = false;
            continue;
        }
        let lstart = out.lower.len() as u32;
        let kind;
        let mut tend = abs + c.len_utf8();
        if is_word_char(c) {
            kind = TokKind::Word;
            it.next();
            for l in c.to_lowercase() {
                out.lower.push(l);
            }
            while let Some(&(o2, c2)) = it.peek() {
                if !is_word_char(c2) {
                    break;
                }
                for l in c2.to_lowercase() {
                    out.lower.push(l);
                }
                tend = start + o2 + c2.len_utf8();
                it.next();
            }
        } else if c.is_ascii_digit() {
            kind = TokKind::Num;
            it.next();
            out.lower.push(c);
            loop {
                let Some(&(o2, c2)) = it.peek() else { break };
                if c2.is_ascii_digit() {
                    out.lower.push(c2);
                    tend = start + o2 + 1;
                    it.next();
                } else if c2 == '.' || c2 == ',' {
                    let next_is_digit = slice
                        .as_bytes()
                        .get(o2 + 1)
                        .is_some_and(|b| b.is_ascii_digit());
                    if !next_is_digit {
                        break;
                    }
                    out.lower.push(c2);
                    it.next();
                } else {
                    break;
                }
            }
        } else if is_frac_char(c) {
            kind = TokKind::Frac;
            it.next();
            out.lower.push(c);
        } else {
            kind = TokKind::Punct;
            it.next();
            out.lower.push(c);
        }
        let lend = out.lower.len() as u32;
        out.toks.push(Token {
            kind,
            start: abs,
            end: tend,
            lstart,
            lend,
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
