//! The report for a terminal: conflicts first, aligned sentences under each
//! other, the differing numbers highlighted, wrapped to a width.

use std::fmt::Write as _;

use super::{Alignment, Report};
use crate::reconcile::{DiffPart, Verdict};

/// How to draw.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// ANSI colours.
    pub color: bool,
    /// Wrap width in columns.
    pub width: usize,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            color: false,
            width: 100,
        }
    }
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

/// Wraps `text` to `width` columns with an indent on every line.
fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    let mut cols = 0;
    for word in text.split_whitespace() {
        let w = visible_len(word);
        if cols > 0 && cols + 1 + w > width.saturating_sub(indent.len()).max(20) {
            out.push_str(indent);
            out.push_str(&line);
            out.push('\n');
            line.clear();
            cols = 0;
        }
        if cols > 0 {
            line.push(' ');
            cols += 1;
        }
        line.push_str(word);
        cols += w;
    }
    if !line.is_empty() {
        out.push_str(indent);
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Columns a string takes, ANSI escapes left out.
fn visible_len(s: &str) -> usize {
    let mut n = 0;
    let mut esc = false;
    for c in s.chars() {
        if esc {
            if c == 'm' {
                esc = false;
            }
        } else if c == '\x1b' {
            esc = true;
        } else {
            n += 1;
        }
    }
    n
}

/// One side of a diff, the changed parts highlighted (numbers bold).
fn side(diff: &[DiffPart], keep: &str, style: &Style) -> String {
    let mut s = String::new();
    for p in diff {
        if p.op == "equal" {
            s.push_str(&p.text);
        } else if p.op == keep {
            let code = match (keep, p.number) {
                ("delete", true) => "1;31",
                ("delete", false) => "31",
                (_, true) => "1;32",
                _ => "32",
            };
            if style.color {
                s.push_str(&style.paint(code, &p.text));
            } else if p.number {
                let _ = write!(s, "[{}]", p.text.trim());
                if p.text.ends_with(' ') {
                    s.push(' ');
                }
            } else {
                s.push_str(&p.text);
            }
        }
    }
    s
}

fn source_of<'a>(r: &'a Report, doc: &'a str) -> &'a str {
    r.document(doc)
        .and_then(|d| d.source.as_deref())
        .unwrap_or(doc)
}

fn alignment(out: &mut String, r: &Report, a: &Alignment, style: &Style) {
    let (Some(ca), Some(cb)) = (r.claim(&a.a), r.claim(&a.b)) else {
        return;
    };
    let tag = match a.verdict {
        Verdict::Conflict => style.paint("1;31", "CONFLICT"),
        Verdict::Update => style.paint("1;33", "UPDATE"),
        Verdict::Attributed => style.paint("1;35", "SOURCES DISAGREE"),
        Verdict::Consistent => style.paint("32", "consistent"),
    };
    let concept = ca.concept.as_deref().unwrap_or("");
    let _ = writeln!(
        out,
        "{tag} {} {concept}: \"{}\" ({}) vs \"{}\" ({})",
        serde_json::to_value(ca.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
        ca.text,
        source_of(r, &ca.doc),
        cb.text,
        source_of(r, &cb.doc)
    );
    out.push_str(&wrap(
        &format!(
            "behind \"{}\": {}; behind \"{}\": {}",
            ca.text, a.support[0], cb.text, a.support[1]
        ),
        style.width,
        "  ",
    ));
    out.push_str(&wrap(
        &crate::provenance::reason_with_source(a),
        style.width,
        "  ",
    ));
    let _ = writeln!(out, "  {} ({}):", ca.doc, ca.fact.summary());
    out.push_str(&wrap(&side(&a.diff, "delete", style), style.width, "    "));
    let _ = writeln!(out, "  {} ({}):", cb.doc, cb.fact.summary());
    out.push_str(&wrap(&side(&a.diff, "insert", style), style.width, "    "));
    if !a.evidence.is_empty() {
        out.push_str(&wrap(
            &format!(
                "evidence (confidence {:.2}): {}",
                a.confidence,
                a.evidence.join(", ")
            ),
            style.width,
            "  ",
        ));
    }
    out.push('\n');
}

/// Renders the report as text.
pub fn render(r: &Report, style: &Style) -> String {
    let s = &r.summary;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} conflicts, {} updates, {} consistent alignments · {} articles from {} sources · {} stories, {} events · {} claims · {} near-duplicate clusters\n",
        s.conflicts, s.updates, s.consistent, s.articles, s.sources, s.stories, s.events, s.claims, s.duplicate_clusters
    );
    if let Some(line) = s.held_back_note() {
        let _ = writeln!(out, "{line}\n");
    }
    let disputes: Vec<&Alignment> = r.disputes().collect();
    if !disputes.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            style.paint("1", "Disputed figures, most severe first")
        );
        for a in &disputes {
            let story = r.stories.iter().find(|st| st.id == a.story);
            match story.and_then(|st| st.title.as_deref()) {
                Some(title) => {
                    let _ = writeln!(out, "{} — {}", style.paint("2", &a.story), title);
                }
                None => {
                    let _ = writeln!(out, "{}", style.paint("2", &a.story));
                }
            }
            alignment(&mut out, r, a, style);
        }
    }
    let _ = writeln!(out, "{}\n", style.paint("1", "Stories"));
    for st in &r.stories {
        let n = r.aligned_facts().filter(|a| a.story == st.id).count();
        let bad = r
            .aligned_facts()
            .filter(|a| a.story == st.id && a.verdict != Verdict::Consistent)
            .count();
        let _ = writeln!(
            out,
            "{}  {} · {} articles · {} events · {} aligned facts, {} disputed",
            st.id,
            st.title.as_deref().unwrap_or("(untitled)"),
            st.members.len(),
            st.events.len(),
            n,
            bad
        );
        for e in r.events_of(st) {
            let _ = writeln!(
                out,
                "  {}  {} · {} articles{}",
                style.paint("2", &e.id),
                e.title.as_deref().unwrap_or("(untitled)"),
                e.members.len(),
                match e.describe() {
                    d if d.is_empty() => String::new(),
                    d => format!("\n    ({d})"),
                }
            );
            members(&mut out, r, &e.members, style);
        }
    }
    if !r.diagnostics.is_empty() {
        let _ = writeln!(
            out,
            "\n{} input problems (see standard error)",
            r.diagnostics.len()
        );
    }
    out
}

/// An event's articles: id, outlet, date, and where it came from.
fn members(out: &mut String, r: &Report, ids: &[String], style: &Style) {
    for m in ids {
        let d = r.document(m);
        let _ = writeln!(
            out,
            "    {m}  {}  {}",
            d.and_then(|d| d.source.as_deref()).unwrap_or("-"),
            d.and_then(|d| d.published)
                .map_or_else(|| "undated".to_string(), |p| p.to_string())
        );
        if let Some(d) = d.filter(|d| d.provenance.read_from_text.contains(&"title")) {
            let _ = writeln!(out, "      \"{}\"", d.title.as_deref().unwrap_or(""));
        }
        if let Some(line) = d.and_then(|d| d.provenance.describe()) {
            out.push_str(&wrap(&line, style.width, "      "));
        }
    }
}
