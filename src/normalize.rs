//! Cleaning: boilerplate lines out, words normalised for matching, offsets kept.
//!
//! Nothing here rewrites an article. Cleaning decides which lines of the
//! original text count ([`Cleaned::kept`]) and yields word tokens as byte
//! ranges into the original text together with a hash of their normalised
//! form (Unicode NFKC, then lower case). Reports can therefore quote exact
//! spans while matching ignores case and compatibility forms.
//!
//! A line is boilerplate when
//! 1. it matches the built-in list in `data/boilerplate.txt` ("Baca Juga",
//!    "Advertisement", "tulis komentar anda", ...), or
//! 2. it occurs twice or more inside one article (the seeds repeat
//!    "Baca Juga : …"), or
//! 3. it is short (at most [`SHORT_LINE`] bytes), does not read as prose
//!    ([`is_prose`]) and occurs in at least [`SOURCE_REPEAT`] articles of the
//!    same source: footers and widgets.
//!    Long lines are never dropped this way, so an outlet that republishes
//!    a story keeps its paragraphs.

use std::collections::HashMap;
use std::ops::Range;

use rayon::prelude::*;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;
use xxhash_rust::xxh3::xxh3_64;

use crate::ingest::Article;

/// Lines longer than this are never taken as cross-article boilerplate.
pub const SHORT_LINE: usize = 160;
/// A short line in this many articles of one source is boilerplate.
pub const SOURCE_REPEAT: usize = 3;

const BUILTIN: &str = include_str!("../data/boilerplate.txt");

/// The lines of an article that count, as byte ranges into its text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cleaned {
    /// Kept lines, in order, without their line terminators.
    pub kept: Vec<Range<usize>>,
    /// Dropped boilerplate lines.
    pub dropped: Vec<Range<usize>>,
}

impl Cleaned {
    /// All of `text` kept: for text that needs no cleaning.
    pub fn whole(text: &str) -> Self {
        Cleaned {
            kept: std::iter::once(0..text.len()).collect(),
            dropped: Vec::new(),
        }
    }

    /// The article text with boilerplate blanked out by spaces: same length,
    /// same offsets, so extractors can run on it and quote the original.
    pub fn masked(&self, text: &str) -> String {
        let mut bytes = text.as_bytes().to_vec();
        for r in &self.dropped {
            for b in &mut bytes[r.clone()] {
                *b = b' ';
            }
        }
        // Only whole lines (UTF-8 sequences) were replaced by ASCII spaces.
        String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
    }
}

/// The built-in boilerplate patterns.
#[derive(Debug, Clone)]
struct Patterns {
    exact: Vec<String>,
    prefix: Vec<String>,
}

impl Patterns {
    fn builtin() -> Self {
        let mut exact = Vec::new();
        let mut prefix = Vec::new();
        for line in BUILTIN.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match line.strip_prefix('=') {
                Some(e) => exact.push(e.to_string()),
                None => prefix.push(line.to_string()),
            }
        }
        Patterns { exact, prefix }
    }

    fn matches(&self, folded: &str) -> bool {
        self.exact.iter().any(|e| folded == e)
            || self.prefix.iter().any(|p| folded.starts_with(p.as_str()))
    }
}

/// A line folded for comparison (trimmed, lower case, inner white space
/// collapsed) into a reused buffer, with a byte loop for ASCII lines.
fn fold_line_into(line: &str, out: &mut String) {
    out.clear();
    if line.is_ascii() {
        let bytes = line.as_bytes();
        // Most lines are words separated by single spaces: a bulk copy then.
        let control = bytes
            .iter()
            .fold(false, |acc, b| acc | (b'\t'..=b'\r').contains(b));
        if !control
            && bytes.first() != Some(&b' ')
            && bytes.last() != Some(&b' ')
            && !line.contains("  ")
        {
            out.push_str(line);
            out.make_ascii_lowercase();
            return;
        }
        // `char::is_whitespace` on ASCII: space and \t \n \x0B \x0C \r.
        let ws = |b: &u8| *b == b' ' || (b'\t'..=b'\r').contains(b);
        for word in line.as_bytes().split(ws).filter(|w| !w.is_empty()) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(word.iter().map(|b| char::from(b.to_ascii_lowercase())));
        }
        return;
    }
    for word in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Non-empty lines of `text` as byte ranges without terminators.
fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    text.split_inclusive('\n').filter_map(move |l| {
        let s = start;
        start += l.len();
        let body = l.trim_end_matches(['\n', '\r']);
        (!body.trim().is_empty()).then(|| s..s + body.len())
    })
}

/// A non-empty line of an article: its byte range, the hash of its folded
/// form, whether it matches the built-in list, and whether it reads as
/// prose (see [`is_prose`]).
pub type LineFact = (Range<usize>, u64, bool, bool);

/// Words a line needs to read as prose.
pub const PROSE_WORDS: usize = 8;

/// A line that reads as prose: at least [`PROSE_WORDS`] words, ending as a
/// sentence ends (`.`, `!`, `?`, a closing quote or bracket). Footers and
/// widgets are labels, bylines and links; an outlet that repeats a short
/// paragraph of its own in its follow-ups ("Hakim juga menghukum Zarof
/// membayar denda Rp 1 miliar.") states it again, so such lines are never
/// taken as boilerplate across articles.
pub fn is_prose(line: &str) -> bool {
    let line = line.trim_end();
    line.ends_with(['.', '!', '?', '"', '\u{201d}', ')'])
        && line.split_whitespace().nth(PROSE_WORDS - 1).is_some()
}

/// The boilerplate decision, split so that a corpus can be cleaned in one
/// go ([`par_clean`]) or streamed: first every article's short lines are
/// counted per source ([`Boilerplate::count`]), then each article is cleaned
/// on its own ([`Boilerplate::clean`]). Both give the same result.
#[derive(Debug, Clone)]
pub struct Boilerplate {
    patterns: Patterns,
    seen: HashMap<(u64, u64), usize>,
}

impl Default for Boilerplate {
    fn default() -> Self {
        Self::new()
    }
}

impl Boilerplate {
    /// No counts yet.
    pub fn new() -> Self {
        Boilerplate {
            patterns: Patterns::builtin(),
            seen: HashMap::new(),
        }
    }

    /// The lines of `text` with their folded hashes (`folded` is a reused buffer).
    pub fn line_facts(&self, text: &str, folded: &mut String) -> Vec<LineFact> {
        lines(text)
            .map(|r| {
                fold_line_into(&text[r.clone()], folded);
                let builtin = self.patterns.matches(folded);
                let prose = is_prose(&text[r.clone()]);
                (r, xxh3_64(folded.as_bytes()), builtin, prose)
            })
            .collect()
    }

    /// The distinct short-line hashes of an article, sorted: what [`Self::count`] counts.
    pub fn short_lines(facts: &[LineFact]) -> Vec<u64> {
        let mut mine: Vec<u64> = facts
            .iter()
            .filter(|(r, _, _, prose)| r.len() <= SHORT_LINE && !prose)
            .map(|(_, h, _, _)| *h)
            .collect();
        mine.sort_unstable();
        mine.dedup();
        mine
    }

    /// Counts an article's short lines (from [`Self::short_lines`]) for its source.
    pub fn count(&mut self, source: Option<&str>, short_lines: &[u64]) {
        let source = xxh3_64(source.unwrap_or("").as_bytes());
        for &h in short_lines {
            *self.seen.entry((source, h)).or_default() += 1;
        }
    }

    /// Which lines of an article count, once every article has been counted.
    pub fn clean(&self, source: Option<&str>, facts: &[LineFact]) -> Cleaned {
        let source = xxh3_64(source.unwrap_or("").as_bytes());
        let mut within: HashMap<u64, usize> = HashMap::with_capacity(facts.len());
        for (_, h, _, _) in facts {
            *within.entry(*h).or_default() += 1;
        }
        let mut c = Cleaned::default();
        for (r, h, builtin, prose) in facts {
            let repeated = within.get(h).copied().unwrap_or(0) >= 2;
            let footer = !prose
                && r.len() <= SHORT_LINE
                && self.seen.get(&(source, *h)).copied().unwrap_or(0) >= SOURCE_REPEAT;
            if *builtin || repeated || footer {
                c.dropped.push(r.clone());
            } else {
                c.kept.push(r.clone());
            }
        }
        c
    }
}

/// Decides the boilerplate of every article, in parallel. See the module docs.
pub fn par_clean(articles: &[Article]) -> Vec<Cleaned> {
    let mut bp = Boilerplate::new();
    // Per article: its lines with their folded hashes.
    let per_article: Vec<Vec<LineFact>> = articles
        .par_iter()
        .map_init(String::new, |folded, a| bp.line_facts(&a.text, folded))
        .collect();
    // Short lines: in how many articles of each source.
    for (a, ls) in articles.iter().zip(&per_article) {
        bp.count(a.source.as_deref(), &Boilerplate::short_lines(ls));
    }
    articles
        .par_iter()
        .zip(per_article.par_iter())
        .map(|(a, ls)| bp.clean(a.source.as_deref(), ls))
        .collect()
}

/// A word of the original text: its byte range and the hash of its normalised form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Start byte in the original text.
    pub start: u32,
    /// End byte in the original text.
    pub end: u32,
    /// Hash of the NFKC, lower-cased word.
    pub hash: u64,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// The normalised (NFKC, lower case) form of a word, for matching only.
pub fn normalise_word(word: &str) -> String {
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.nfkc().flat_map(char::to_lowercase).collect()
    }
}

const WORD: u8 = 1;

/// Byte classes: [`WORD`] for ASCII letters and digits, 2 for bytes of
/// non-ASCII characters, 0 for ASCII separators.
static ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            2
        } else if c.is_ascii_alphanumeric() {
            WORD
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Appends the words of `text[range]` to `out`. Words are maximal runs of
/// letters, digits and combining marks; everything else separates them.
///
/// The text is read 64 bytes at a time into two bit masks (ASCII letters
/// and digits, bytes of non-ASCII characters; [`chunk_masks`]), and the
/// runs of set bits are walked by their edges, not a branch per byte. Runs
/// between ASCII separators are the word candidates: a run of ASCII letters and digits is hashed as it stands
/// ([`word_hash`] lower-cases on the fly); a run with non-ASCII bytes goes
/// to [`tokens_scalar`], which splits it by `char`. ASCII separators never
/// belong to a word, so both paths give the same tokens.
pub fn tokens_into(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let end = range.end.min(bytes.len());
    let mut base = range.start.min(end);
    // Start of the run that is open across chunks, and whether it has
    // non-ASCII bytes so far.
    let mut open: Option<usize> = None;
    let mut open_high = false;
    let mut prev_bit = 0u64;
    while base < end {
        let n = (end - base).min(64);
        let (word, high) = chunk_masks(&bytes[base..base + n]);
        let run = word | high;
        // Bits where a run starts or ends (against the last bit of the previous chunk).
        let mut edges = run ^ (run << 1 | prev_bit);
        prev_bit = run >> 63;
        while edges != 0 {
            let pos = edges.trailing_zeros() as usize;
            edges &= edges - 1;
            match open.take() {
                None => {
                    open = Some(base + pos);
                    open_high = false;
                }
                Some(s) => {
                    let e = base + pos;
                    // Non-ASCII bytes of this chunk inside the run (most chunks have none).
                    let high_in_run = high != 0 && {
                        let below_end = if pos == 0 { 0 } else { u64::MAX >> (64 - pos) };
                        let from = s.saturating_sub(base);
                        high & below_end & (u64::MAX << from) != 0
                    };
                    push_run(text, s, e, open_high || high_in_run, out);
                }
            }
        }
        if let Some(s) = open {
            // The run goes on into the next chunk: remember its non-ASCII bytes.
            let from = s.saturating_sub(base);
            if from < 64 && high >> from != 0 {
                open_high = true;
            }
        }
        base += n;
    }
    if let Some(s) = open {
        push_run(text, s, end, open_high, out);
    }
}

/// One run of word-or-non-ASCII bytes, `text[s..e]`, into tokens.
#[inline(always)]
fn push_run(text: &str, s: usize, e: usize, high: bool, out: &mut Vec<Token>) {
    if high {
        tokens_scalar(text, s..e, out);
    } else {
        out.push(Token {
            start: s as u32,
            end: e as u32,
            hash: word_hash_at(text.as_bytes(), s, e, LOWER),
        });
    }
}

/// Bit `i` of the first mask is set when `chunk[i]` is an ASCII letter or
/// digit, of the second when it is a byte of a non-ASCII character. Bits
/// past the chunk's end are clear.
///
/// Eight bytes a step in a `u64` (SWAR): with the high bit of each byte
/// cleared, `x + (0x80 - lo)` sets it exactly when `x >= lo`, with no carry
/// into the next byte, so a range test is two adds and a mask; a multiply
/// then gathers the eight flag bits into one byte.
#[inline]
fn chunk_masks(chunk: &[u8]) -> (u64, u64) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const GATHER: u64 = 0x0102_0408_1020_4080;
    let mut block = [b' '; 64];
    block[..chunk.len()].copy_from_slice(chunk);
    let mut word = 0u64;
    let mut high = 0u64;
    for (k, c) in block.chunks_exact(8).enumerate() {
        let v = u64::from_le_bytes(c.try_into().unwrap_or([b' '; 8]));
        let x = v & !HIGH;
        let digit = x.wrapping_add((0x80 - 0x30) * ONES) & !x.wrapping_add((0x7f - 0x39) * ONES);
        let l = x | (0x20 * ONES);
        let alpha = l.wrapping_add((0x80 - 0x61) * ONES) & !l.wrapping_add((0x7f - 0x7a) * ONES);
        let w = (digit | alpha) & !v & HIGH;
        let h = v & HIGH;
        word |= ((w >> 7).wrapping_mul(GATHER) >> 56) << (8 * k);
        high |= ((h >> 7).wrapping_mul(GATHER) >> 56) << (8 * k);
    }
    (word, high)
}

/// The words of `text[range]` a byte, then a `char`, at a time: for runs
/// that contain non-ASCII characters.
#[cold]
#[inline(never)]
fn tokens_scalar(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = range.start;
    let end = range.end.min(bytes.len());
    while i < end {
        let b = bytes[i];
        if b < 0x80 {
            if ASCII_CLASS[b as usize] != WORD {
                i += 1;
                continue;
            }
            let start = i;
            i += bytes[i..end]
                .iter()
                .position(|&b| ASCII_CLASS[b as usize] != WORD)
                .unwrap_or(end - i);
            if i < end && bytes[i] >= 0x80 {
                // The word goes on with non-ASCII letters: take the slow path for it.
                i = slow_word(text, start, end, out);
                continue;
            }
            out.push(Token {
                start: start as u32,
                end: i as u32,
                hash: word_hash_at(bytes, start, i, LOWER),
            });
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            if is_word_char(c) {
                i = slow_word(text, i, end, out);
            } else {
                i += c.len_utf8();
            }
        }
    }
}

/// OR-ed into ASCII letters and digits, lower-cases the letters and leaves
/// the digits as they are.
const LOWER: u64 = 0x2020_2020_2020_2020;

/// The hash of a word's normalised bytes. `mask` is OR-ed into every byte
/// first: [`LOWER`] for a run of ASCII letters and digits (which lower-cases
/// it), 0 for a word already normalised. Eight bytes a step, the length
/// mixed in, a final avalanche: cheaper than a general-purpose hash on the
/// short inputs words are.
#[inline]
fn word_hash(word: &[u8], mask: u64) -> u64 {
    word_hash_at(word, 0, word.len(), mask)
}

/// [`word_hash`] of `buf[s..e]`. The last partial step loads eight bytes
/// and masks off what follows the word when `buf` has them, instead of
/// gathering the tail a byte at a time.
#[inline(always)]
fn word_hash_at(buf: &[u8], s: usize, e: usize, mask: u64) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let load = |i: usize| u64::from_le_bytes(buf[i..i + 8].try_into().unwrap_or([0; 8]));
    let mut h = 0x51_7cc1_b727_220a_u64 ^ ((e - s) as u64).wrapping_mul(K);
    let mut i = s;
    while i + 8 <= e {
        h = (h ^ (load(i) | mask)).wrapping_mul(K).rotate_left(31);
        i += 8;
    }
    let rest = e - i;
    if rest > 0 {
        let bits = 8 * rest as u32;
        let v = if i + 8 <= buf.len() {
            load(i) & (u64::MAX >> (64 - bits))
        } else {
            buf[i..e]
                .iter()
                .rev()
                .fold(0u64, |v, &b| v << 8 | u64::from(b))
        };
        h = (h ^ (v | (mask >> (64 - bits))))
            .wrapping_mul(K)
            .rotate_left(31);
    }
    h ^= h >> 32;
    h = h.wrapping_mul(0xd6e8_feb8_6659_fd93);
    h ^= h >> 32;
    h = h.wrapping_mul(0xd6e8_feb8_6659_fd93);
    h ^ (h >> 32)
}

/// A word that contains non-ASCII characters, starting at `start`; returns its end.
fn slow_word(text: &str, start: usize, end: usize, out: &mut Vec<Token>) -> usize {
    let mut stop = start;
    for (j, c) in text[start..end].char_indices() {
        if !is_word_char(c) {
            break;
        }
        stop = start + j + c.len_utf8();
    }
    if stop == start {
        return start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
    let norm = normalise_word(&text[start..stop]);
    out.push(Token {
        start: start as u32,
        end: stop as u32,
        hash: word_hash(norm.as_bytes(), 0),
    });
    stop
}

/// The words of the kept lines of an article.
pub fn tokens(text: &str, cleaned: &Cleaned) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 6);
    kept_tokens_into(text, cleaned, &mut out);
    out
}

/// [`tokens`] into a reused buffer (cleared first).
pub fn kept_tokens_into(text: &str, cleaned: &Cleaned, out: &mut Vec<Token>) {
    out.clear();
    for r in &cleaned.kept {
        tokens_into(text, r.clone(), out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(id: &str, source: &str, text: &str) -> Article {
        Article {
            source: Some(source.into()),
            ..Article::new(id, text)
        }
    }

    #[test]
    fn repeated_and_builtin_lines_are_dropped() {
        let t = "Satu kalimat.\nBaca Juga : Iran Produksi Lengan Robot\nDua kalimat.\nBaca Juga : Iran Produksi Lengan Robot\nAdvertisement\n";
        let c = &par_clean(&[art("a", "s", t)])[0];
        let kept: Vec<&str> = c.kept.iter().map(|r| &t[r.clone()]).collect();
        assert_eq!(kept, ["Satu kalimat.", "Dua kalimat."]);
        assert_eq!(c.dropped.len(), 3);
        let m = c.masked(t);
        assert_eq!(m.len(), t.len());
        assert!(!m.contains("Baca"));
    }

    #[test]
    fn footers_repeated_across_a_source() {
        let arts: Vec<Article> = (0..3)
            .map(|i| {
                art(
                    &i.to_string(),
                    "Sindo",
                    &format!("Isi berita nomor {i}.\n(ian)\nFollow kami\n"),
                )
            })
            .collect();
        let cs = par_clean(&arts);
        for (a, c) in arts.iter().zip(&cs) {
            let kept: Vec<&str> = c.kept.iter().map(|r| &a.text[r.clone()]).collect();
            assert_eq!(kept.len(), 1, "{kept:?}");
        }
        // The same lines in two articles only are kept.
        let cs = par_clean(&arts[..2]);
        assert_eq!(cs[0].kept.len(), 3);
    }

    #[test]
    fn a_paragraph_an_outlet_repeats_is_no_footer() {
        let para = "Hakim juga menghukum terdakwa membayar denda Rp 1 miliar.";
        let arts: Vec<Article> = (0..3)
            .map(|i| {
                art(
                    &i.to_string(),
                    "Detik",
                    &format!("Berita {i} hari ini.\n{para}\n(ian)\n"),
                )
            })
            .collect();
        for (a, c) in arts.iter().zip(&par_clean(&arts)) {
            let kept: Vec<&str> = c.kept.iter().map(|r| &a.text[r.clone()]).collect();
            assert_eq!(kept.len(), 2, "{kept:?}");
            assert!(kept.contains(&para), "{kept:?}");
        }
        assert!(is_prose(para));
        assert!(!is_prose(
            "Baca juga: Hasil RUPS PLN, Direksi Dirombak Jadi 11"
        ));
        assert!(!is_prose("Artikel ini telah naik di detikSumut."));
    }

    #[test]
    fn tokens_keep_offsets_and_fold_case() {
        let t = "MOSKOW – Rusia ﬁnal Ḿoskow 100.000";
        let toks = tokens(t, &Cleaned::whole(t));
        let words: Vec<&str> = toks
            .iter()
            .map(|k| &t[k.start as usize..k.end as usize])
            .collect();
        assert_eq!(words, ["MOSKOW", "Rusia", "ﬁnal", "Ḿoskow", "100", "000"]);
        assert_eq!(toks[0].hash, word_hash(b"moskow", 0));
        assert_eq!(toks[2].hash, word_hash(b"final", 0));
    }

    #[test]
    fn ascii_fold_matches_the_unicode_fold() {
        let reference = |line: &str| {
            let mut out = String::new();
            for word in line.split_whitespace() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.extend(word.chars().flat_map(char::to_lowercase));
            }
            out
        };
        let mut buf = String::new();
        for line in [
            "  Baca  Juga :\tIran\x0bProduksi\x0cLengan\rRobot  ",
            "",
            " \t ",
            "ADVERTISEMENT",
            "Tulis komentar  Anda",
        ] {
            fold_line_into(line, &mut buf);
            assert_eq!(buf, reference(line), "{line:?}");
        }
    }

    #[test]
    fn mixed_ascii_and_non_ascii_word() {
        let t = "caféine x";
        let toks = tokens(t, &Cleaned::whole(t));
        assert_eq!(toks.len(), 2);
        assert_eq!(toks[0].hash, word_hash("caféine".as_bytes(), 0));
    }

    /// The reference: words by `char`, each hashed from its normalised form.
    fn reference_tokens(t: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
            match (start, is_word_char(c) && i < t.len()) {
                (None, true) => start = Some(i),
                (Some(s), false) => {
                    out.push(Token {
                        start: s as u32,
                        end: i as u32,
                        hash: word_hash(normalise_word(&t[s..i]).as_bytes(), 0),
                    });
                    start = None;
                }
                _ => {}
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn fast_tokens_match_the_reference(
            t in "([a-zA-Z0-9]{0,20}[ .,;:!?()\\[\\]{}@`/\\-_\\x00-\\x1f\\x7f]{0,3}(é|Ḿ|ﬁ|е́|٣|—|😀|\\u{200b})?){0,30}"
        ) {
            proptest::prop_assert_eq!(tokens(&t, &Cleaned::whole(&t)), reference_tokens(&t));
        }

        #[test]
        fn any_text_tokenises_like_the_reference(t in "\\PC{0,200}") {
            proptest::prop_assert_eq!(tokens(&t, &Cleaned::whole(&t)), reference_tokens(&t));
        }
    }

    #[test]
    fn ascii_words_hash_as_their_lower_case() {
        for len in 0..40 {
            let w: String = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789ABCD"[..len].into();
            assert_eq!(
                word_hash(w.as_bytes(), LOWER),
                word_hash(w.to_ascii_lowercase().as_bytes(), 0)
            );
        }
    }
}
