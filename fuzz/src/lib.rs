//! The fuzz targets' bodies: each takes the raw input and panics when
//! crosscheck breaks a promise. `fuzz_targets/*.rs` call these, and the
//! main crate's `tests/fuzz_regressions.rs` includes this file as a module
//! to replay the committed crash inputs on stable, so it may only use
//! crosscheck and its dependencies.

use std::ops::Range;
use std::sync::OnceLock;

use crosscheck::claims::{
    detect_lang, extract, parse_number_words, split_sentences, Claim, ExtractOptions, Lang, Lexicon,
};
use crosscheck::commands::report::{render_with_articles, ReportFormat};
use crosscheck::ingest::date::{find_dateline, parse_published};
use crosscheck::ingest::{load_bytes, Article, InputOptions};
use crosscheck::report::{build, text::Style, ReportOptions};

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::builtin)
}

fn check_range(text: &str, r: &Range<usize>, what: &str) {
    assert!(
        r.start <= r.end && r.end <= text.len(),
        "{what} {r:?} outside text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
        "{what} {r:?} not on char boundaries"
    );
}

fn check_value(v: Option<f64>, what: &str, c: &Claim) {
    if let Some(v) = v {
        assert!(v.is_finite(), "{what} = {v} not finite in {c:?}");
    }
}

fn check_claims(text: &str, claims: &[Claim]) {
    let mut prev_end = 0;
    for c in claims {
        let span = c.span[0]..c.span[1];
        let sentence = c.sentence_span[0]..c.sentence_span[1];
        check_range(text, &span, "span");
        check_range(text, &sentence, "sentence_span");
        assert_eq!(c.text, text[span], "claim text is not its span");
        assert_eq!(c.sentence, text[sentence], "sentence is not its span");
        assert!(
            c.span[0] >= prev_end,
            "claims out of order or overlapping: {claims:?}"
        );
        prev_end = c.span[1];
        check_value(c.low, "low", c);
        check_value(c.high, "high", c);
        check_value(c.precision, "precision", c);
        check_value(c.stated.low, "stated.low", c);
        check_value(c.stated.high, "stated.high", c);
    }
}

/// `claims`: arbitrary UTF-8 text through `claims::extract` in Indonesian,
/// English and detected language. Checks the promises of `extract`'s docs:
/// claims in text order and not overlapping, every span inside the text on
/// char boundaries and naming the claim's surface and sentence, every value
/// finite.
pub fn claims(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let published = chrono::NaiveDate::from_ymd_opt(2025, 6, 18);
    for lang in [Some(Lang::Id), Some(Lang::En), None] {
        let opts = ExtractOptions {
            lang,
            published,
            lexicon: lexicon(),
        };
        check_claims(text, &extract("fuzz", text, &opts));
    }
}

/// `number`: the public number, sentence and date parsers on arbitrary
/// UTF-8. `parse_number_words` (both languages) gives a finite,
/// non-negative value or nothing; `split_sentences` trimmed, ordered,
/// non-empty ranges on char boundaries; `parse_published` and
/// `find_dateline` do not panic, and a dateline's range lies inside the text.
pub fn number(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for lang in [Lang::Id, Lang::En] {
        if let Some(v) = parse_number_words(text, lang) {
            assert!(v.is_finite() && v >= 0.0, "{text:?} ({lang}) -> {v}");
        }
        let mut prev_end = 0;
        for r in split_sentences(text, lang) {
            check_range(text, &r, "sentence");
            assert!(r.start < r.end, "empty sentence {r:?}");
            assert!(r.start >= prev_end, "sentences out of order or overlapping");
            let s = &text[r.clone()];
            assert_eq!(s, s.trim(), "sentence {r:?} not trimmed");
            prev_end = r.end;
        }
    }
    let _ = detect_lang(text);
    if let Some(p) = parse_published(text) {
        let _ = p.to_string();
        let _ = p.instant_minutes();
    }
    if let Some((p, r)) = find_dateline(text) {
        check_range(text, &r, "dateline");
        let _ = p.instant_minutes();
    }
}

const NAMES: [&str; 4] = ["fuzz.jsonl", "fuzz.csv", "fuzz.md", "fuzz.html"];

/// `ingest`: bytes through each reader via `ingest::load_bytes`. The first
/// byte picks the reader (low two bits: JSON Lines, CSV, text with front
/// matter, HTML) and options (bit 2: a `--group-by` field; bit 3: a small
/// `--max-article-bytes`); the rest is the file. What comes back keeps
/// `Corpus`'s promises: ids unique and sorted, no article without text or
/// over the size limit, every article serialises.
pub fn ingest(data: &[u8]) {
    let Some((&sel, bytes)) = data.split_first() else {
        return;
    };
    let mut opts = InputOptions::default();
    if sel & 4 != 0 {
        opts.group_field = Some("story".into());
    }
    if sel & 8 != 0 {
        opts.max_article_bytes = 64;
    }
    let corpus = load_bytes(NAMES[usize::from(sel & 3)], bytes, &opts);
    for pair in corpus.articles.windows(2) {
        assert!(
            pair[0].id < pair[1].id,
            "ids not sorted and unique: {:?}, {:?}",
            pair[0].id,
            pair[1].id
        );
    }
    for a in &corpus.articles {
        assert!(!a.text.trim().is_empty(), "article {:?} without text", a.id);
        assert!(
            a.text.len() <= opts.max_article_bytes,
            "article {:?} over the limit",
            a.id
        );
        let json = serde_json::to_string(a).expect("article serialises");
        serde_json::from_str::<serde_json::Value>(&json).expect("article JSON parses");
        if let Some(p) = a.published {
            let _ = p.to_string();
        }
    }
}

const WATCHED: [&str; 4] = ["<script", "<iframe", "<img", "href=\"javascript"];

fn watched_counts(html: &str) -> [usize; 4] {
    let lower = html.to_ascii_lowercase();
    WATCHED.map(|w| lower.matches(w).count())
}

/// How often each watched string occurs in the page of an empty report.
fn baseline() -> &'static [usize; 4] {
    static BASE: OnceLock<[usize; 4]> = OnceLock::new();
    BASE.get_or_init(|| {
        let r = build(&[], Vec::new(), &ReportOptions::default(), lexicon())
            .expect("empty report builds");
        let page = render_with_articles(&r, &[], ReportFormat::Html, &Style::default())
            .expect("empty page renders");
        watched_counts(&page)
    })
}

/// `report`: a few fuzz-made articles through `report::build` and every
/// renderer. The input is split at ASCII record separators (0x1E) into at
/// most eight pieces, each read as a text file with front matter (so id,
/// source, title, URL, date and language are fuzzed too). Text, Markdown,
/// JSON and HTML render; the JSON parses; the HTML page has no more
/// `<script`, `<iframe`, `<img` or `javascript:` links than the page of an
/// empty report, so everything from the input was escaped.
pub fn report(data: &[u8]) {
    let opts = InputOptions::default();
    let mut articles: Vec<Article> = Vec::new();
    for (i, piece) in data.split(|&b| b == 0x1e).take(8).enumerate() {
        articles.extend(load_bytes(&format!("a{i}.md"), piece, &opts).articles);
    }
    // As `ingest::load` leaves them: sorted by id, ids unique.
    articles.sort_by(|a, b| a.id.cmp(&b.id));
    articles.dedup_by(|a, b| a.id == b.id);

    let report =
        build(&articles, Vec::new(), &ReportOptions::default(), lexicon()).expect("report builds");
    let style = Style::default();
    for format in [ReportFormat::Text, ReportFormat::Markdown] {
        render_with_articles(&report, &articles, format, &style).expect("renders");
    }
    let json =
        render_with_articles(&report, &articles, ReportFormat::Json, &style).expect("JSON renders");
    serde_json::from_str::<serde_json::Value>(&json).expect("report JSON parses");
    let html =
        render_with_articles(&report, &articles, ReportFormat::Html, &style).expect("HTML renders");
    assert_eq!(
        &watched_counts(&html),
        baseline(),
        "input got into the HTML page unescaped"
    );
}
