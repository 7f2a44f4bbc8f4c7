//! The report as Markdown: a summary, the disputed figures, then every story's facts.

use std::fmt::Write as _;

use super::Report;
use crate::reconcile::Verdict;

/// Escapes text for a Markdown table cell or paragraph.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A sentence with the changed parts of one side of the diff in bold.
fn marked(parts: &[crate::reconcile::DiffPart], keep: &str) -> String {
    let mut s = String::new();
    for p in parts {
        if p.op == "equal" {
            s.push_str(&md(&p.text));
        } else if p.op == keep {
            let t = p.text.trim_end();
            if t.is_empty() {
                s.push_str(&p.text);
            } else {
                let _ = write!(s, "**{}**{}", md(t), &p.text[t.len()..]);
            }
        }
    }
    s
}

/// Renders the report as Markdown.
pub fn render(r: &Report) -> String {
    let s = &r.summary;
    let mut out = String::new();
    let _ = writeln!(out, "# crosscheck report\n");
    let _ = writeln!(
        out,
        "| articles | sources | stories | claims | aligned | conflicts | updates | near-duplicate clusters |\n|---|---|---|---|---|---|---|---|\n| {} | {} | {} | {} | {} | {} | {} | {} |\n",
        s.articles, s.sources, s.stories, s.claims, s.alignments - s.repeated, s.conflicts, s.updates, s.duplicate_clusters
    );
    if let Some(line) = s.held_back_note() {
        let _ = writeln!(out, "{}\n", md(&line));
    }
    let disputes: Vec<_> = r.disputes().collect();
    if !disputes.is_empty() {
        let _ = writeln!(out, "## Disputed figures\n");
        for a in disputes {
            let (Some(ca), Some(cb)) = (r.claim(&a.a), r.claim(&a.b)) else {
                continue;
            };
            let src = |doc: &str| {
                r.document(doc)
                    .and_then(|d| d.source.clone())
                    .unwrap_or_else(|| doc.to_string())
            };
            let label = match a.verdict {
                Verdict::Update => "Update",
                Verdict::Attributed => "Sources disagree",
                _ => "Conflict",
            };
            let _ = writeln!(
                out,
                "### {label}: {} vs {}\n\n{}\n\n- **{}** (`{}`; {}; {}): {}\n- **{}** (`{}`; {}; {}): {}\n\nEvidence: {} (confidence {:.2})\n",
                md(&ca.text),
                md(&cb.text),
                md(&crate::provenance::reason_with_source(a)),
                md(&src(&ca.doc)),
                md(&ca.doc),
                a.support[0],
                md(&ca.fact.summary()),
                marked(&a.diff, "delete"),
                md(&src(&cb.doc)),
                md(&cb.doc),
                a.support[1],
                md(&cb.fact.summary()),
                marked(&a.diff, "insert"),
                md(&a.evidence.join(", ")),
                a.confidence
            );
        }
    }
    let _ = writeln!(out, "## Stories\n");
    for st in &r.stories {
        let _ = writeln!(
            out,
            "### {}\n\n`{}` · {} articles · {} events\n",
            md(st.title.as_deref().unwrap_or("(untitled)")),
            st.id,
            st.members.len(),
            st.events.len(),
        );
        for e in r.events_of(st) {
            event(&mut out, r, e);
        }
    }
    out
}

/// One event: what it is, its articles, and its facts.
fn event(out: &mut String, r: &Report, e: &crate::events::Event) {
    let what = e.describe();
    let _ = writeln!(
        out,
        "#### {}\n\n`{}`{} · {} articles: {}\n",
        md(e.title.as_deref().unwrap_or("(untitled)")),
        e.id,
        if what.is_empty() {
            String::new()
        } else {
            format!(" · {}", md(&what))
        },
        e.members.len(),
        e.members
            .iter()
            .map(|m| format!("`{}`", md(m)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let groups: Vec<_> = r.groups.iter().filter(|g| g.event == e.id).collect();
    if groups.is_empty() {
        return;
    }
    let _ = writeln!(out, "| fact | values by source | outliers |\n|---|---|---|");
    for g in groups {
        let values = g
            .values
            .iter()
            .map(|v| {
                format!(
                    "{}: {} ({}; {})",
                    md(v.source.as_deref().unwrap_or(&v.doc)),
                    md(&v.text),
                    md(&v.value),
                    v.support
                )
            })
            .collect::<Vec<_>>()
            .join("<br>");
        let fact = format!(
            "{}{}{}",
            if g.disputed { "⚠ " } else { "" },
            serde_json::to_value(g.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            g.concept
                .as_deref()
                .map(|c| format!(" ({c})"))
                .unwrap_or_default()
        );
        let outliers = g
            .outliers
            .iter()
            .filter_map(|id| r.claim(id))
            .map(|c| md(&c.text))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(out, "| {fact} | {values} | {outliers} |");
    }
    out.push('\n');
}
