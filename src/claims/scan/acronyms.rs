//! Acronyms an article defines: `Keluarga Penerima Manfaat (KPM)`, `Kantor
//! Pelayanan Kekayaan Negara dan Lelang (KPKNL)`, `warga negara Indonesia
//! (WNI)`. A count of the acronym (`7.991.160 KPM`) counts what its
//! expansion's first word names (`keluarga`: families), and a count of the
//! expansion (`13 Kantor Pelayanan … (KPKNL)`) counts the acronym, so that
//! both spellings of one count are one counted noun.

#[allow(unused_imports)] // reason: one import list for all the scanner steps
use super::*;

/// One definition: the acronym as written, the byte range of its expansion
/// up to the closing bracket, and its expansion's first word, lower case.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Definition {
    pub acronym: String,
    pub span: Range<usize>,
    pub head: String,
}

/// Most words an expansion may have, small words included.
const MOST_WORDS: usize = 12;

/// Most letters an acronym may have.
const MOST_LETTERS: usize = 8;

/// Every `Words (ACR)` of `text` whose words' initials spell ACR (2 to 8
/// capitals), in text order. `small` says which lower-case words an
/// expansion may hold without giving a letter (`dan`, `of`).
pub(super) fn definitions(text: &str, small: impl Fn(&str) -> bool) -> Vec<Definition> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(p) = text[from..].find('(') {
        let open = from + p;
        from = open + 1;
        // the closing bracket within an acronym's length: the search stays linear in the text
        let Some(len) = bytes[open + 1..]
            .iter()
            .take(MOST_LETTERS + 1)
            .position(|&b| b == b')')
        else {
            continue;
        };
        let acronym = &text[open + 1..open + 1 + len];
        if len < 2 || !acronym.bytes().all(|b| b.is_ascii_uppercase()) {
            continue;
        }
        // the words right before the bracket, last first
        let mut end = open;
        while end > 0 && bytes[end - 1] == b' ' {
            end -= 1;
        }
        let before = &text[..end];
        let words: Vec<(usize, &str)> = before
            .rsplit(' ')
            .scan(end, |pos, w| {
                *pos -= w.len();
                let at = *pos;
                *pos = pos.saturating_sub(1);
                Some((at, w))
            })
            .take(MOST_WORDS)
            .collect();
        let mut letters = acronym.bytes().rev().peekable();
        let mut start = None;
        for (at, w) in words {
            if w.is_empty() || !w.chars().all(char::is_alphabetic) {
                break;
            }
            let Some(&want) = letters.peek() else { break };
            let first = w.chars().next().map(|c| c.to_ascii_uppercase());
            if first == Some(want as char) {
                letters.next();
                start = Some(at);
                if letters.peek().is_none() {
                    break;
                }
            } else if !(w.starts_with(char::is_lowercase) && small(w)) {
                break;
            }
        }
        if let (None, Some(s)) = (letters.peek(), start) {
            let head = text[s..]
                .split(' ')
                .next()
                .unwrap_or_default()
                .to_lowercase();
            out.push(Definition {
                acronym: acronym.to_string(),
                span: s..open + len + 2,
                head,
            });
        }
    }
    out
}

impl Scanner<'_> {
    /// The article's acronym definitions (read once per article).
    pub(super) fn acronyms(&self) -> std::cell::Ref<'_, Vec<Definition>> {
        if self.acronyms.borrow().is_none() {
            let lang = self.lang;
            let small = move |w: &str| match lang {
                Lang::Id => lists().id_stop.contains(&w),
                Lang::En => lists().en_stop.contains(&w),
            };
            self.acronyms.replace(Some(definitions(self.text, small)));
        }
        std::cell::Ref::map(self.acronyms.borrow(), |d| {
            d.as_ref().expect("filled above")
        })
    }

    /// The concept of what an acronym the article defines counts: its
    /// expansion's first word's, from the lexicon (`KPM` → `keluarga` →
    /// families).
    pub(super) fn acronym_concept(&self, acronym: &str) -> Option<String> {
        let head = self
            .acronyms()
            .iter()
            .find(|d| d.acronym == acronym)
            .map(|d| d.head.clone())?;
        self.base_forms(&head)
            .iter()
            .find_map(|b| match self.lex_entry(b) {
                Some((EntryKind::Noun, c)) if !c.is_empty() => Some(c.to_string()),
                _ => None,
            })
    }

    /// The definition whose expansion starts at the token `k`, if any.
    pub(super) fn expansion_at(&self, k: usize) -> Option<Definition> {
        let start = self.toks.toks.get(k)?.start;
        self.acronyms()
            .iter()
            .find(|d| d.span.start == start)
            .cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small(w: &str) -> bool {
        matches!(w, "dan" | "of" | "and" | "the")
    }

    #[test]
    fn reads_definitions_whose_initials_spell_the_acronym() {
        let t = "disalurkan kepada 7.991.960 Keluarga Penerima Manfaat (KPM) pada tahap dua";
        let d = definitions(t, small);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].acronym, "KPM");
        assert_eq!(d[0].head, "keluarga");
        assert_eq!(&t[d[0].span.clone()], "Keluarga Penerima Manfaat (KPM)");
        // small words inside give no letter
        let t = "pada 13 Kantor Pelayanan Kekayaan Negara dan Lelang (KPKNL) di berbagai kota";
        let d = definitions(t, small);
        assert_eq!(d[0].head, "kantor");
        assert_eq!(
            &t[d[0].span.clone()],
            "Kantor Pelayanan Kekayaan Negara dan Lelang (KPKNL)"
        );
        let d = definitions(
            "sebanyak 194 warga negara Indonesia (WNI) dievakuasi",
            small,
        );
        assert_eq!(d[0].head, "warga");
    }

    #[test]
    fn brackets_that_do_not_define_are_left_alone() {
        // initials that do not spell it, a bracket of lower case, a figure, no words before
        assert!(definitions("Bank Dunia (BI) menyatakan", small).is_empty());
        assert!(definitions("dua gol (babak pertama)", small).is_empty());
        assert!(definitions("Rp 5 juta (USD 300)", small).is_empty());
        assert!(definitions("(KPM) tahap dua", small).is_empty());
        assert!(definitions("kata dia (", small).is_empty());
        assert!(
            definitions("Badan Usaha Milik Negara Indonesia (BUMNINDONESIA)", small).is_empty()
        );
        // an unclosed bracket does not hide a later definition
        let d = definitions("kata (dia Keluarga Penerima Manfaat (KPM)", small);
        assert_eq!(d.len(), 1);
    }
}
