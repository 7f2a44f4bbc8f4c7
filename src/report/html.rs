//! The report as one self-contained HTML page.
//!
//! The page needs nothing but itself: the style sheet (`html.css`) and the
//! script (`html.js`) are inlined, and a Content-Security-Policy forbids every
//! remote load. The script is allowed by its SHA-256 hash, so no other inline
//! script would run even if one slipped into the page; none can, because every
//! piece of article text, title, source, id and URL passes through [`escape`],
//! and only `http`/`https` URLs become links ([`safe_url`]).
//!
//! The static page is complete without the script: an overview (counts,
//! conflicts by concept and by source), then each story (those with conflicts
//! first) with its articles,
//! its claim groups (every source's value side by side, disputed ones first)
//! and its aligned pairs (conflicts first; both sentences with the word diff,
//! the numbers highlighted; the reason and the evidence), then the full text
//! of every article in a story with its claim spans marked. The script only
//! adds the filters by verdict, concept and source, and records on the root
//! element what it counted (`data-js`, `data-stories`, `data-conflicts`) so a
//! headless browser can check the page.
//!
//! The [`Report`] model holds no article texts or URLs, so [`render`] takes
//! the articles the report was built from as well.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use sha2::{Digest, Sha256};

use super::{Alignment, Report};
use crate::claims::Claim;
use crate::ingest::Article;
use crate::reconcile::{DiffPart, Verdict};

const CSS: &str = include_str!("html.css");
const JS: &str = include_str!("html.js");

/// Escapes text for HTML element content and double- or single-quoted attributes.
///
/// ```
/// use crosscheck::report::html::escape;
/// assert_eq!(escape(r#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
/// ```
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The URL when it may become a link: absolute `http` or `https` only
/// (`javascript:`, `data:`, relative and protocol-relative URLs are refused).
///
/// ```
/// use crosscheck::report::html::safe_url;
/// assert_eq!(safe_url(" https://example.org/a "), Some("https://example.org/a"));
/// assert_eq!(safe_url("javascript:alert(1)"), None);
/// assert_eq!(safe_url("JaVaScRiPt:alert(1)"), None);
/// ```
pub fn safe_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let ok = (lower.starts_with("http://") && url.len() > 7)
        || (lower.starts_with("https://") && url.len() > 8);
    (ok && !url.chars().any(|c| c.is_whitespace() || c.is_control())).then_some(url)
}

/// Standard base64 (for the CSP hash).
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(char::from(ABC[(n >> (18 - 6 * k)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The CSP source expression allowing exactly this inline content.
fn csp_hash(content: &str) -> String {
    format!("'sha256-{}'", base64(&Sha256::digest(content.as_bytes())))
}

fn verdict_name(v: Verdict) -> &'static str {
    match v {
        Verdict::Conflict => "conflict",
        Verdict::Update => "update",
        Verdict::Attributed => "attributed",
        Verdict::Consistent => "consistent",
    }
}

fn kind_name(c: &Claim) -> String {
    serde_json::to_value(c.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// What the page needs beyond the report: anchors and texts by article id.
struct Page<'a> {
    r: &'a Report,
    /// Article id -> the article.
    articles: HashMap<&'a str, &'a Article>,
    /// Article id -> its anchor (`d{n}`, n = its place in the report).
    anchor: HashMap<&'a str, String>,
    /// Claim id -> its anchor (`d{n}-c{k}`).
    claim_anchor: HashMap<&'a str, String>,
}

impl<'a> Page<'a> {
    fn new(r: &'a Report, articles: &'a [Article]) -> Self {
        let anchor: HashMap<&str, String> = r
            .documents
            .iter()
            .enumerate()
            .map(|(n, d)| (d.id.as_str(), format!("d{n}")))
            .collect();
        let mut claim_anchor = HashMap::new();
        let mut per_doc: HashMap<&str, usize> = HashMap::new();
        for c in &r.claims {
            if let Some(a) = anchor.get(c.doc.as_str()) {
                let k = per_doc.entry(c.doc.as_str()).or_default();
                claim_anchor.insert(c.id.as_str(), format!("{a}-c{k}"));
                *k += 1;
            }
        }
        Page {
            r,
            articles: articles.iter().map(|a| (a.id.as_str(), a)).collect(),
            anchor,
            claim_anchor,
        }
    }

    fn source(&self, doc: &'a str) -> &'a str {
        self.r
            .document(doc)
            .and_then(|d| d.source.as_deref())
            .unwrap_or(doc)
    }

    /// A link to the claim in its article's text (or its article, or plain text).
    fn claim_link(&self, claim: &str, label: &str) -> String {
        match self.claim_anchor.get(claim) {
            Some(a) => format!("<a href=\"#{a}\">{}</a>", escape(label)),
            None => escape(label),
        }
    }
}

/// Renders the report as one HTML page; `articles` supply texts and URLs
/// (any article missing from it is listed without its text).
pub fn render(r: &Report, articles: &[Article]) -> String {
    let page = Page::new(r, articles);
    let mut body = String::new();
    overview(&mut body, &page);
    filters(&mut body, &page);
    // Stories with conflicts first, then with updates, else in the report's order.
    let mut stories: Vec<&crate::stories::Story> = r.stories.iter().collect();
    stories.sort_by_key(|st| {
        let n = |v: Verdict| {
            r.aligned_facts()
                .filter(|a| a.story == st.id && a.verdict == v)
                .count()
        };
        (
            std::cmp::Reverse(n(Verdict::Conflict)),
            std::cmp::Reverse(n(Verdict::Update)),
        )
    });
    for st in stories {
        story(&mut body, &page, st);
    }
    texts(&mut body, &page);
    if !r.diagnostics.is_empty() {
        let _ = writeln!(
            body,
            "<section id=\"diagnostics\"><h2>Input problems</h2><ul>"
        );
        for d in &r.diagnostics {
            let _ = writeln!(body, "<li>{}</li>", escape(&d.to_string()));
        }
        body.push_str("</ul></section>\n");
    }
    let s = &r.summary;
    let csp = format!(
        "default-src 'none'; style-src {}; script-src {}; img-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'",
        csp_hash(CSS),
        csp_hash(JS)
    );
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\" data-stories=\"{stories}\" data-conflicts=\"{conflicts}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"referrer\" content=\"no-referrer\">\n\
<title>crosscheck report: {conflicts} conflicts in {stories} stories</title>\n<style>{CSS}</style>\n</head>\n<body>\n\
<header><h1>crosscheck report</h1></header>\n<main>\n{body}</main>\n<script>{JS}</script>\n</body>\n</html>\n",
        stories = s.stories,
        conflicts = s.conflicts,
    )
}

fn overview(out: &mut String, p: &Page) {
    let s = &p.r.summary;
    let _ = writeln!(
        out,
        "<section id=\"overview\"><h2>Overview</h2>\n<dl class=\"counts\">\
<div><dt>articles</dt><dd>{}</dd></div><div><dt>sources</dt><dd>{}</dd></div>\
<div><dt>stories</dt><dd id=\"n-stories\">{}</dd></div><div><dt>claims</dt><dd>{}</dd></div>\
<div><dt>aligned pairs</dt><dd>{}</dd></div><div class=\"conflict\"><dt>conflicts</dt><dd id=\"n-conflicts\">{}</dd></div>\
<div class=\"update\"><dt>updates</dt><dd>{}</dd></div><div><dt>consistent</dt><dd>{}</dd></div>\
<div><dt>near-duplicate clusters</dt><dd>{}</dd></div></dl>",
        s.articles,
        s.sources,
        s.stories,
        s.claims,
        s.alignments - s.repeated,
        s.conflicts,
        s.updates,
        s.consistent,
        s.duplicate_clusters
    );
    if let Some(line) = s.held_back_note() {
        let _ = writeln!(out, "<p class=\"held-back\">{}</p>", escape(&line));
    }
    // Disputes by concept and by source.
    let mut by_concept: BTreeMap<String, [usize; 2]> = BTreeMap::new();
    let mut by_source: BTreeMap<&str, [usize; 2]> = BTreeMap::new();
    for a in p.r.disputes() {
        let k = usize::from(a.verdict == Verdict::Update);
        let concept =
            p.r.claim(&a.a)
                .map(|c| c.concept.clone().unwrap_or_else(|| kind_name(c)))
                .unwrap_or_default();
        by_concept.entry(concept).or_default()[k] += 1;
        let (sa, sb) = (doc_of(&a.a), doc_of(&a.b));
        for src in BTreeSet::from([p.source(sa), p.source(sb)]) {
            by_source.entry(src).or_default()[k] += 1;
        }
    }
    if by_concept.is_empty() {
        out.push_str("<p>No conflicting or revised figures.</p>\n");
    } else {
        out.push_str("<div class=\"tables\">");
        table_counts(out, "Disputes by concept", "concept", &by_concept);
        let by_source: BTreeMap<String, [usize; 2]> = by_source
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        table_counts(out, "Disputes by source", "source", &by_source);
        out.push_str("</div>\n");
    }
    out.push_str("</section>\n");
}

/// Percent-encodes everything but unreserved characters (for `#filter:` links).
fn percent(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn table_counts(out: &mut String, caption: &str, what: &str, rows: &BTreeMap<String, [usize; 2]>) {
    let mut rows: Vec<_> = rows.iter().collect();
    rows.sort_by(|x, y| (y.1[0], y.1[1]).cmp(&(x.1[0], x.1[1])).then(x.0.cmp(y.0)));
    let _ = write!(
        out,
        "<table><caption>{caption}</caption><thead><tr><th>{what}</th><th>conflicts</th><th>updates</th></tr></thead><tbody>"
    );
    for (k, v) in rows {
        let _ = write!(
            out,
            "<tr><td><a href=\"#filter:{what}={}\">{}</a></td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            percent(k),
            escape(k),
            v[0],
            v[1]
        );
    }
    out.push_str("</tbody></table>");
}

/// The article id of a claim id (`{doc}@{start}-{end}`).
fn doc_of(claim: &str) -> &str {
    claim.rsplit_once('@').map_or(claim, |(d, _)| d)
}

/// The filter controls: hidden until the script shows them.
fn filters(out: &mut String, p: &Page) {
    let mut concepts = BTreeSet::new();
    let mut sources = BTreeSet::new();
    for a in &p.r.alignments {
        if let Some(c) = p.r.claim(&a.a) {
            concepts.insert(c.concept.clone().unwrap_or_else(|| kind_name(c)));
        }
        sources.insert(p.source(doc_of(&a.a)));
        sources.insert(p.source(doc_of(&a.b)));
    }
    let options = |set: &mut dyn Iterator<Item = &str>| {
        let mut s = String::from("<option value=\"\">all</option>");
        for v in set {
            let _ = write!(s, "<option value=\"{0}\">{0}</option>", escape(v));
        }
        s
    };
    let _ = writeln!(
        out,
        "<form id=\"filters\" hidden><label>verdict <select id=\"f-verdict\"><option value=\"\">all</option>\
<option value=\"conflict\">conflict</option><option value=\"update\">update</option><option value=\"consistent\">consistent</option></select></label> \
<label>concept <select id=\"f-concept\">{}</select></label> <label>source <select id=\"f-source\">{}</select></label> \
<output id=\"f-count\"></output></form>",
        options(&mut concepts.iter().map(String::as_str)),
        options(&mut sources.into_iter())
    );
}

fn story(out: &mut String, p: &Page, st: &crate::stories::Story) {
    let r = p.r;
    let aligned: Vec<&Alignment> = r.aligned_facts().filter(|a| a.story == st.id).collect();
    let conflicts = aligned
        .iter()
        .filter(|a| a.verdict == Verdict::Conflict)
        .count();
    let updates = aligned
        .iter()
        .filter(|a| a.verdict == Verdict::Update)
        .count();
    let _ = writeln!(
        out,
        "<section class=\"story\" id=\"{id}\" data-conflicts=\"{conflicts}\">\n<h2>{title}</h2>\n\
<p class=\"meta\"><code>{id}</code> · {} articles · {} aligned pairs · <span class=\"conflict\">{conflicts} conflicts</span> · <span class=\"update\">{updates} updates</span></p>",
        st.members.len(),
        aligned.len(),
        id = escape(&st.id),
        title = escape(st.title.as_deref().unwrap_or("(untitled)")),
    );
    // Events: what each is, and its articles.
    out.push_str("<ol class=\"events\">\n");
    for e in r.events_of(st) {
        let what = e.describe();
        let _ = writeln!(
            out,
            "<li id=\"{id}\"><code>{id}</code> {title}{what} · {} articles</li>",
            e.members.len(),
            id = escape(&e.id),
            title = escape(e.title.as_deref().unwrap_or("(untitled)")),
            what = if what.is_empty() {
                String::new()
            } else {
                format!(" <small>({})</small>", escape(&what))
            },
        );
    }
    out.push_str("</ol>\n");
    // Articles.
    out.push_str("<table class=\"articles\"><thead><tr><th>article</th><th>event</th><th>source</th><th>published</th><th>headline</th><th>original</th></tr></thead><tbody>\n");
    for m in &st.members {
        let d = r.document(m);
        let art = p.articles.get(m.as_str());
        let link = match p.anchor.get(m.as_str()) {
            Some(a) if art.is_some() => format!("<a href=\"#{a}\">{}</a>", escape(m)),
            _ => escape(m),
        };
        let url = art
            .and_then(|a| a.url.as_deref())
            .map(|u| match safe_url(u) {
                Some(u) => format!(
                    "<a href=\"{0}\" rel=\"noopener noreferrer\">{0}</a>",
                    escape(u)
                ),
                None => format!("<span class=\"unsafe-url\">{}</span>", escape(u)),
            })
            .unwrap_or_default();
        let dup = d
            .and_then(|d| d.duplicate_of.as_deref())
            .map(|c| format!(" <small>(near-duplicate cluster {})</small>", escape(c)))
            .unwrap_or_default();
        let provenance = d
            .and_then(|d| d.provenance.describe())
            .map(|l| format!("<br><small class=\"provenance\">{}</small>", escape(&l)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<tr><td>{link}{dup}</td><td><code>{}</code></td><td>{}{provenance}</td><td>{}</td><td>{}</td><td class=\"url\">{url}</td></tr>",
            escape(d.and_then(|d| d.event.as_deref()).unwrap_or("-")),
            escape(d.and_then(|d| d.source.as_deref()).unwrap_or("-")),
            d.and_then(|d| d.published)
                .map_or_else(|| "undated".to_string(), |p| p.to_string()),
            escape(d.and_then(|d| d.title.as_deref()).unwrap_or("")),
        );
    }
    out.push_str("</tbody></table>\n");
    // Claim groups, disputed first (the report's order).
    let groups: Vec<_> = r.groups.iter().filter(|g| g.story == st.id).collect();
    if !groups.is_empty() {
        out.push_str("<h3>Facts, every source's value</h3>\n<table class=\"groups\"><thead><tr><th>fact</th><th>values by source</th></tr></thead><tbody>\n");
        for g in groups {
            let concept = g.concept.clone().unwrap_or_else(|| {
                serde_json::to_value(g.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            });
            let sources: BTreeSet<&str> =
                g.values.iter().map(|v| p.source(v.doc.as_str())).collect();
            let _ = write!(
                out,
                "<tr class=\"group{}\" data-concept=\"{}\" data-sources=\"{}\"><td>{}{}</td><td><ul class=\"values\">",
                if g.disputed { " disputed" } else { "" },
                escape(&concept),
                escape(&sources.into_iter().collect::<Vec<_>>().join("\n")),
                escape(&concept),
                if g.disputed {
                    " <span class=\"badge conflict\">disputed</span>"
                } else {
                    ""
                }
            );
            for v in &g.values {
                let outlier = g.outliers.contains(&v.claim);
                let _ = write!(
                    out,
                    "<li{}><span class=\"src\">{}</span> {} <span class=\"value\">{}</span> <span class=\"support\">{}</span>{}</li>",
                    if outlier { " class=\"outlier\"" } else { "" },
                    escape(v.source.as_deref().unwrap_or(&v.doc)),
                    p.claim_link(&v.claim, &v.text),
                    escape(&v.value),
                    escape(&v.support.to_string()),
                    if outlier { " <em>outlier</em>" } else { "" }
                );
            }
            out.push_str("</ul></td></tr>\n");
        }
        out.push_str("</tbody></table>\n");
    }
    // Aligned pairs, conflicts first (the report's order).
    if !aligned.is_empty() {
        out.push_str("<h3>Aligned figures</h3>\n");
        for a in aligned {
            pair(out, p, a);
        }
    }
    out.push_str("</section>\n");
}

/// Where the claim stands in its own sentence (the text the diff is of), when known.
fn figure_in_sentence(c: &Claim) -> Option<(usize, usize)> {
    let start = c.span[0].checked_sub(c.sentence_span[0])?;
    let end = c.span[1].checked_sub(c.sentence_span[0])?;
    (c.sentence.get(start..end) == Some(c.text.as_str())).then_some((start, end))
}

/// One side of a diff: changed words in `<del>`/`<ins>`, changed numbers also
/// `<mark>`ed, and the aligned figure itself (`figure`, a byte range of this
/// side's sentence) in `<span class="fig">`, changed or not.
fn side(diff: &[DiffPart], keep: &str, figure: Option<(usize, usize)>) -> String {
    let tag = if keep == "delete" { "del" } else { "ins" };
    let (fs, fe) = figure.unwrap_or((usize::MAX, usize::MAX));
    let mut s = String::new();
    let mut pos = 0;
    for part in diff {
        if part.op != "equal" && part.op != keep {
            continue;
        }
        let changed = part.op == keep;
        let text = part.text.as_str();
        let mut cuts = vec![0, text.len()];
        for f in [fs, fe] {
            if f > pos && f < pos + text.len() && text.is_char_boundary(f - pos) {
                cuts.push(f - pos);
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        for w in cuts.windows(2) {
            let piece = &text[w[0]..w[1]];
            let body = piece.trim_end();
            let mut html = escape(body);
            if changed && !body.is_empty() {
                if part.number {
                    html = format!("<mark>{html}</mark>");
                }
                html = format!("<{tag}>{html}</{tag}>");
            }
            if pos + w[0] >= fs && pos + w[1] <= fe && !body.is_empty() {
                html = format!("<span class=\"fig\">{html}</span>");
            }
            s.push_str(&html);
            s.push_str(&piece[body.len()..]);
        }
        pos += text.len();
    }
    s
}

fn pair(out: &mut String, p: &Page, a: &Alignment) {
    let (Some(ca), Some(cb)) = (p.r.claim(&a.a), p.r.claim(&a.b)) else {
        return;
    };
    let verdict = verdict_name(a.verdict);
    let concept = ca.concept.clone().unwrap_or_else(|| kind_name(ca));
    let (sa, sb) = (p.source(&ca.doc), p.source(&cb.doc));
    let _ = writeln!(
        out,
        "<article class=\"pair {verdict}\" data-verdict=\"{verdict}\" data-concept=\"{}\" data-sources=\"{}\">\n\
<h4><span class=\"badge {verdict}\">{verdict}</span> {} <small>({})</small>: {} <span class=\"vs\">vs</span> {}</h4>\n\
<p class=\"reason\">{}</p>\n<div class=\"sides\">\n\
<div class=\"side lhs\"><div class=\"who\">{} <small>{}</small></div><p>{}</p></div>\n\
<div class=\"side rhs\"><div class=\"who\">{} <small>{}</small></div><p>{}</p></div>\n</div>\n\
<p class=\"evidence\">confidence {:.2} · local {:.2} · sentence {:.2}{}</p>\n</article>",
        escape(&concept),
        escape(&[sa, sb].join("\n")),
        escape(&concept),
        escape(&kind_name(ca)),
        p.claim_link(&ca.id, &ca.text),
        p.claim_link(&cb.id, &cb.text),
        escape(&crate::provenance::reason_with_source(a)),
        escape(sa),
        escape(&format!("{} · {} · {}", ca.doc, a.support[0], ca.fact.summary())),
        side(&a.diff, "delete", figure_in_sentence(ca)),
        escape(sb),
        escape(&format!("{} · {} · {}", cb.doc, a.support[1], cb.fact.summary())),
        side(&a.diff, "insert", figure_in_sentence(cb)),
        a.confidence,
        a.local_context,
        a.sentence_context,
        if a.evidence.is_empty() {
            String::new()
        } else {
            format!(" · evidence: {}", escape(&a.evidence.join(", ")))
        }
    );
}

/// The full text of every article in a story, claims marked.
fn texts(out: &mut String, p: &Page) {
    let r = p.r;
    let mut claims_of: HashMap<&str, Vec<&Claim>> = HashMap::new();
    for c in &r.claims {
        claims_of.entry(c.doc.as_str()).or_default().push(c);
    }
    let in_story: Vec<&super::Document> =
        r.documents.iter().filter(|d| d.story.is_some()).collect();
    if in_story.is_empty() {
        return;
    }
    out.push_str("<section id=\"texts\"><h2>Article texts</h2>\n");
    for d in in_story {
        let (Some(art), Some(anchor)) =
            (p.articles.get(d.id.as_str()), p.anchor.get(d.id.as_str()))
        else {
            continue;
        };
        let (mut head, mut cs): (Vec<&Claim>, Vec<&Claim>) = claims_of
            .remove(d.id.as_str())
            .unwrap_or_default()
            .into_iter()
            .partition(|c| c.headline);
        head.sort_by_key(|c| (c.span[0], std::cmp::Reverse(c.span[1])));
        let link = |c: &Claim| p.claim_anchor.get(c.id.as_str()).cloned();
        // The headline's figures are marked in the headline (the outlet's name after it left plain).
        let title = match (super::headline(art), d.title.as_deref()) {
            (Some(h), Some(t)) if !head.is_empty() && t.starts_with(h) => {
                format!("{}{}", marked_text(h, &head, link), escape(&t[h.len()..]))
            }
            (_, t) => escape(t.unwrap_or("(untitled)")),
        };
        let _ = writeln!(
            out,
            "<article class=\"text\" id=\"{anchor}\"><h3>{title}</h3><p class=\"meta\">{} · {} · <code>{}</code></p>",
            escape(d.source.as_deref().unwrap_or("-")),
            d.published
                .map_or_else(|| "undated".to_string(), |p| p.to_string()),
            escape(&d.id),
        );
        cs.sort_by_key(|c| (c.span[0], std::cmp::Reverse(c.span[1])));
        out.push_str("<div class=\"body\"><p>");
        out.push_str(&marked_text(&art.text, &cs, link));
        out.push_str("</p></div></article>\n");
    }
    out.push_str("</section>\n");
}

/// The text escaped, paragraphs at blank lines, claim spans in `<mark>`s
/// (overlapping spans after the first are left unmarked).
fn marked_text(text: &str, claims: &[&Claim], anchor: impl Fn(&Claim) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len() * 11 / 10);
    let mut at = 0;
    let plain = |out: &mut String, s: &str| {
        let mut first = true;
        for para in s.split("\n\n") {
            if !first {
                out.push_str("</p><p>");
            }
            first = false;
            out.push_str(&escape(para).replace('\n', "<br>"));
        }
    };
    for c in claims {
        let [start, end] = c.span;
        if start < at || text.get(start..end).is_none() || text.get(at..start).is_none() {
            continue;
        }
        plain(&mut out, &text[at..start]);
        let id = anchor(c)
            .map(|a| format!(" id=\"{a}\""))
            .unwrap_or_default();
        let _ = write!(
            out,
            "<mark class=\"claim\"{id} title=\"{}\">{}</mark>",
            escape(&c.concept.clone().unwrap_or_else(|| kind_name(c))),
            escape(&text[start..end])
        );
        at = end;
    }
    plain(&mut out, text.get(at..).unwrap_or(""));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_links_are_percent_encoded() {
        assert_eq!(percent("AFP"), "AFP");
        assert_eq!(percent("\"><img src=x>"), "%22%3E%3Cimg%20src%3Dx%3E");
        assert_eq!(percent("Détik"), "D%C3%A9tik");
    }

    #[test]
    fn base64_matches_the_rfc_examples() {
        for (i, o) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(i.as_bytes()), o);
        }
    }

    #[test]
    fn only_http_and_https_urls_are_links() {
        assert!(safe_url("http://a.example/").is_some());
        assert!(safe_url("HTTPS://a.example/x?y=1").is_some());
        for bad in [
            "javascript:alert(1)",
            " javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "//evil.example/",
            "/relative",
            "https://",
            "https://a.example/\"><img src=x onerror=alert(1)>",
            "vbscript:x",
        ] {
            assert_eq!(safe_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_side_marks_changes_numbers_and_the_figure() {
        let lhs = "They <say> 100,000 troops massed.";
        let rhs = "They <say> 60,000 troops massed.";
        let diff = crate::reconcile::word_diff(lhs, rhs);
        let fig = lhs.find("100,000").map(|i| (i, i + "100,000 troops".len()));
        let html = side(&diff, "delete", fig);
        assert!(html.starts_with("They &lt;say&gt; "), "{html}");
        assert!(
            html.contains("<span class=\"fig\"><del><mark>100,000</mark></del></span>"),
            "{html}"
        );
        assert!(!html.contains("60,000"), "{html}");
        let plain = side(&diff, "insert", None);
        assert!(plain.contains("<ins><mark>60,000</mark></ins>"), "{plain}");
        assert!(!plain.contains("fig"), "{plain}");
    }

    #[test]
    fn the_script_hash_is_what_browsers_compute() {
        // sha256 of "alert('Hello, world.');", the CSP specification's example.
        assert_eq!(
            csp_hash("alert('Hello, world.');"),
            "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
        );
    }

    #[test]
    fn marked_text_escapes_around_and_inside_spans() {
        let text = "<b>5 dead</b>\n\nthen <i>";
        let mut c = crate::claims::extract(
            "x",
            "5 dead",
            &crate::claims::ExtractOptions {
                lang: Some(crate::claims::Lang::En),
                published: None,
                lexicon: &crate::claims::Lexicon::builtin(),
            },
        )
        .into_iter()
        .next()
        .expect("a claim in \"5 dead\"");
        c.span = [3, 9];
        c.concept = Some("deaths".into());
        let html = marked_text(text, &[&c], |_| Some("d0-c0".into()));
        assert_eq!(
            html,
            "&lt;b&gt;<mark class=\"claim\" id=\"d0-c0\" title=\"deaths\">5 dead</mark>&lt;/b&gt;</p><p>then &lt;i&gt;"
        );
    }
}
