//! `report --format html`: a self-contained page that shows hostile input as
//! text, checked as a string and in a real headless Chromium; and the terminal
//! side (no progress in a pipe, stage timings, completions, man page).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::util::{bin, corpus, run, shared, testdata};

fn hostile() -> PathBuf {
    testdata().join("hostile")
}

/// A fresh folder under cargo's target tmp dir.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// Writes the HTML report of the fixture corpus and the hostile article; returns its path and text.
fn hostile_report(dir: &Path) -> (PathBuf, String) {
    let out = dir.join("report.html");
    let (code, _, err) = run(&[
        "report",
        corpus().to_str().unwrap(),
        hostile().to_str().unwrap(),
        "--format",
        "html",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(&out).expect("report.html");
    (out, html)
}

/// The summary numbers of the same report, from its JSON.
fn hostile_summary() -> (u64, u64) {
    let (code, out, err) = run(&[
        "report",
        corpus().to_str().unwrap(),
        hostile().to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    (
        v["summary"]["stories"].as_u64().unwrap(),
        v["summary"]["conflicts"].as_u64().unwrap(),
    )
}

/// Every value of `attr="…"` in the page.
fn attribute_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let key = format!(" {attr}=\"");
    html.match_indices(&key)
        .map(|(i, _)| {
            let rest = &html[i + key.len()..];
            &rest[..rest.find('"').unwrap_or(rest.len())]
        })
        .collect()
}

/// Every tag in the page, from `<` to its closing `>` (outside quotes).
fn tags(html: &str) -> Vec<&str> {
    html.split('<')
        .skip(1)
        .map(|t| {
            let mut quoted = false;
            let end = t
                .char_indices()
                .find(|&(_, c)| {
                    quoted ^= c == '"';
                    c == '>' && !quoted
                })
                .map_or(t.len(), |(i, _)| i);
            &t[..end]
        })
        .collect()
}

/// A tag without its quoted attribute values, lower-cased.
fn unquoted(tag: &str) -> String {
    let mut out = String::new();
    let mut quoted = false;
    for c in tag.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if !quoted {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// What no page of ours may hold, outside escaped text: elements that load
/// or run something, event handlers, links that are not http(s) or in-page.
fn assert_inert(html: &str) {
    let mut scripts = 0;
    for raw in tags(html) {
        let tag = unquoted(raw);
        let name = tag.split_whitespace().next().unwrap_or("");
        scripts += usize::from(name == "script");
        assert!(
            !["img", "iframe", "object", "embed", "link", "base", "svg", "frame"].contains(&name),
            "<{raw}>"
        );
        for attr in tag.split_whitespace().skip(1) {
            assert!(!attr.starts_with("on"), "event handler in <{raw}>");
            assert!(!attr.starts_with("src"), "a load in <{raw}>");
        }
        for href in attribute_values(raw, "href") {
            assert!(
                href.starts_with('#')
                    || href.starts_with("http://")
                    || href.starts_with("https://"),
                "<{raw}>"
            );
        }
    }
    assert_eq!(scripts, 1, "one script: ours");
}

#[test]
fn html_report_is_self_contained_and_shows_hostile_input_as_text() {
    let dir = scratch("html-static");
    let (_, html) = hostile_report(&dir);
    assert!(html.starts_with("<!DOCTYPE html>"));
    let csp = attribute_values(&html, "content")
        .into_iter()
        .find(|c| c.starts_with("default-src 'none'"))
        .expect("a Content-Security-Policy meta");
    assert!(csp.contains("script-src 'sha256-"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_inert(&html);
    // The payloads are there, as text.
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains("<span class=\"unsafe-url\">javascript:alert(document.domain)</span>"));
    // The hostile outlet's 60,000 troops conflict with 100,000, and the diff marks both numbers.
    assert!(
        html.contains("<del><mark>60,000</mark></del>")
            || html.contains("<ins><mark>60,000</mark></ins>"),
        "the hostile troop count in a diff"
    );
    assert!(
        html.contains("<mark class=\"claim\""),
        "claim spans marked in the texts"
    );
    // Overview and filters.
    for part in [
        "id=\"overview\"",
        "Disputes by concept",
        "Disputes by source",
        "id=\"filters\" hidden",
        "id=\"texts\"",
    ] {
        assert!(html.contains(part), "{part}");
    }
}

#[test]
fn html_report_is_the_same_for_the_same_input() {
    let dir = scratch("html-twice");
    let (_, a) = hostile_report(&dir);
    let (_, b) = hostile_report(&dir);
    assert_eq!(a, b);
}

#[test]
fn html_report_of_the_seeds_shows_the_troop_counts_side_by_side() {
    let Some(shared) = shared("html_report_of_the_seeds_shows_the_troop_counts_side_by_side")
    else {
        return;
    };
    let dir = scratch("html-seeds");
    let out = dir.join("seeds.html");
    let (code, _, err) = run(&[
        "report",
        shared.join("seeds").to_str().unwrap(),
        "--format",
        "html",
        // The troop dispute is under the default threshold (its confidence is about 0.26).
        "--min-confidence",
        "0.1",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(&out).unwrap();
    assert_inert(&html);
    let pair = html
        .split("<article class=\"pair ")
        .skip(1)
        .find(|p| p.contains("data-concept=\"troops\"") && p.contains("100.000"))
        .expect("an aligned pair of troop counts");
    assert!(pair.contains("class=\"side lhs\"") && pair.contains("class=\"side rhs\""));
    assert!(pair.contains("<mark>"), "numbers highlighted in the diff");
}

/// Chromium, or `None` (and a line saying so) when it is not installed; with
/// `CI` set, a missing Chromium fails the test.
fn chromium(test: &str) -> Option<PathBuf> {
    let found = std::env::var_os("CHROMIUM").map(PathBuf::from).or_else(|| {
        let path = std::env::var_os("PATH")?;
        std::env::split_paths(&path)
            .flat_map(|d| ["chromium", "chromium-browser"].map(|n| d.join(n)))
            .find(|p| p.is_file())
    });
    match found {
        Some(p) => Some(p),
        None if std::env::var_os("CI").is_some() => {
            panic!("{test}: CI is set but chromium is not installed (apt-get install chromium)")
        }
        None => {
            println!("skipped {test}: chromium not installed");
            None
        }
    }
}

/// Runs headless Chromium on a file with extra arguments; returns its standard output.
fn headless(chromium: &Path, profile: &Path, page: &Path, extra: &[&str], hash: &str) -> String {
    let url = format!("file://{}{hash}", page.display());
    let out = Command::new("timeout")
        .arg("120")
        .arg(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            "--run-all-compositor-stages-before-draw",
            "--virtual-time-budget=3000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(&url)
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The value of `attr` on the root `<html>` element of a dumped DOM.
fn root_attr(dom: &str, attr: &str) -> Option<String> {
    let start = dom.find("<html")?;
    let tag = &dom[start..start + dom[start..].find('>')?];
    attribute_values(tag, attr).first().map(|s| s.to_string())
}

#[test]
fn html_report_loads_in_headless_chromium_and_runs_nothing_hostile() {
    let Some(chromium) =
        chromium("html_report_loads_in_headless_chromium_and_runs_nothing_hostile")
    else {
        return;
    };
    let t0 = Instant::now();
    let dir = scratch("html-browser");
    let (page, _) = hostile_report(&dir);
    let (stories, conflicts) = hostile_summary();
    assert!(conflicts >= 1, "the hostile article makes a conflict");

    let dom = headless(
        &chromium,
        &dir.join("profile-dom"),
        &page,
        &["--dump-dom"],
        "",
    );
    // Our script ran to its end, without errors, and counted what the page shows.
    assert_eq!(
        root_attr(&dom, "data-js").as_deref(),
        Some("ok"),
        "script did not finish"
    );
    assert_eq!(root_attr(&dom, "data-errors"), None, "script errors");
    assert_eq!(
        root_attr(&dom, "data-counted-stories"),
        Some(stories.to_string())
    );
    assert_eq!(
        root_attr(&dom, "data-counted-conflicts"),
        Some(conflicts.to_string())
    );
    // The filters are shown and filled in.
    assert!(
        dom.contains("<form id=\"filters\">"),
        "filters shown by the script"
    );
    assert!(dom.contains("aligned pairs</output>"));
    // The live DOM holds no element the payloads tried to make; they are text.
    assert_inert(&dom);
    assert!(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(dom.contains("&lt;img src=x onerror=alert(1)&gt;"));

    // The filters work: a link presets "conflicts only".
    let filtered = headless(
        &chromium,
        &dir.join("profile-filter"),
        &page,
        &["--dump-dom"],
        "#filter:verdict=conflict",
    );
    assert_eq!(root_attr(&filtered, "data-errors"), None, "script errors");
    let shown = filtered
        .split("<output id=\"f-count\">")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .expect("the filter count");
    assert_eq!(
        shown,
        conflicts.to_string(),
        "pairs shown with verdict=conflict"
    );
    assert_eq!(
        filtered.matches("<article class=\"pair conflict\"").count() as u64,
        conflicts
    );
    let pairs: Vec<&str> = tags(&filtered)
        .into_iter()
        .filter(|t| t.starts_with("article class=\"pair "))
        .collect();
    assert!(pairs.len() as u64 > conflicts);
    for t in pairs {
        let conflict = t.starts_with("article class=\"pair conflict\"");
        assert_eq!(t.contains(" hidden=\"\""), !conflict, "<{t}>");
    }

    let png = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target dir")
        .join("report.png");
    let _ = std::fs::remove_file(&png);
    headless(
        &chromium,
        &dir.join("profile-shot"),
        &page,
        &[
            &format!("--screenshot={}", png.display()),
            "--window-size=1280,2000",
        ],
        "",
    );
    let bytes = std::fs::read(&png).expect("screenshot written");
    assert!(
        bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000,
        "a real screenshot"
    );
    println!(
        "browser test: {} stories, {} conflicts; screenshot {} ({:.1} s)",
        stories,
        conflicts,
        png.display(),
        t0.elapsed().as_secs_f64()
    );
}

#[test]
fn no_progress_escape_codes_when_standard_error_is_a_pipe() {
    let out = bin()
        .args(["report", corpus().to_str().unwrap(), "-v"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains('\x1b'), "escape codes on a pipe: {err:?}");
    assert!(!err.contains('\r'), "carriage returns on a pipe: {err:?}");
    // -v: one timing line per stage.
    for stage in [
        "read",
        "clean",
        "shingle+minhash",
        "claims",
        "stories",
        "events",
        "align",
    ] {
        assert!(
            err.lines()
                .any(|l| l.trim_start().starts_with(stage) && l.ends_with(" s)")),
            "no timing for {stage}: {err}"
        );
    }
    let quiet = bin()
        .args(["report", corpus().to_str().unwrap(), "-q"])
        .output()
        .expect("runs");
    assert!(
        quiet.stderr.is_empty(),
        "{:?}",
        String::from_utf8_lossy(&quiet.stderr)
    );
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (code, out, err) = run(&["completions", shell]);
        assert_eq!(code, 0, "{shell}: {err}");
        assert!(
            out.contains("crosscheck") && out.contains("report"),
            "{shell}"
        );
    }
    let (code, out, _) = run(&["completions", "tcsh"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    let (code, man, err) = run(&["man"]);
    assert_eq!(code, 0, "{err}");
    assert!(man.contains(".TH crosscheck"), "{man}");
    assert!(man.contains("report"));
}

#[test]
fn every_subcommand_has_examples_in_its_help() {
    for sub in ["dedup", "claims", "report", "completions", "man"] {
        let (code, out, _) = run(&[sub, "--help"]);
        assert_eq!(code, 0);
        assert!(out.contains("Examples:"), "{sub} --help has no examples");
    }
}
