//! Renderers of a check [`Outcome`]: text, JSON, GitHub workflow commands
//! (plus a Markdown job summary), JUnit XML and SARIF 2.1.0.

use std::fmt::Write as _;

use serde::Serialize;

use super::{Finding, Kind, Level, Outcome};
use crate::error::{Error, Result};
use crate::report::Report;

/// Annotations of one level GitHub shows per step; the rest go to the summary.
pub const GITHUB_CAP: usize = 10;

/// Plain text for a terminal or a log.
pub fn text(o: &Outcome) -> String {
    let mut s = String::new();
    for f in &o.findings {
        let state = if f.failing {
            "FAIL"
        } else if f.baselined {
            "baselined"
        } else {
            "not failing"
        };
        let l = &f.locations[0];
        let _ = writeln!(
            s,
            "{}[{}] {}:{}:{}: {} ({state})",
            f.level.as_str(),
            f.kind,
            l.path,
            l.line,
            l.column,
            f.title
        );
        for line in f.message.lines() {
            let _ = writeln!(s, "    {line}");
        }
        for l in &f.locations[1..] {
            let _ = writeln!(s, "    also at {}:{}:{}", l.path, l.line, l.column);
        }
        let _ = writeln!(s, "    fingerprint: {}", f.fingerprint);
    }
    for e in &o.stale {
        let _ = writeln!(
            s,
            "warning[stale-baseline] {} ({}): {} no longer matches a finding",
            e.fingerprint, e.kind, e.description
        );
    }
    let _ = writeln!(s, "{}", verdict_line(o));
    s
}

/// The one-line result.
pub fn verdict_line(o: &Outcome) -> String {
    let m = &o.summary;
    format!(
        "crosscheck check: {} — {} article{}, {} finding{} ({} failing, {} baselined, {} ignored), {} stale baseline entr{}",
        if m.failing > 0 { "FAILED" } else { "passed" },
        m.articles,
        plural(m.articles),
        m.findings,
        plural(m.findings),
        m.failing,
        m.baselined,
        m.ignored,
        m.stale,
        if m.stale == 1 { "y" } else { "ies" },
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// JSON: `{"version": 1, "passed", "summary", "findings", "stale"}`.
pub fn json(o: &Outcome) -> Result<String> {
    #[derive(Serialize)]
    struct Doc<'a> {
        version: u32,
        passed: bool,
        summary: &'a super::OutcomeSummary,
        findings: &'a [Finding],
        stale: &'a [super::baseline::Entry],
    }
    let mut s = serde_json::to_string_pretty(&Doc {
        version: 1,
        passed: o.summary.failing == 0,
        summary: &o.summary,
        findings: &o.findings,
        stale: &o.stale,
    })?;
    s.push('\n');
    Ok(s)
}

/// Escapes a workflow command's message.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub workflow commands: an annotation per finding at its first claim,
/// at most [`GITHUB_CAP`] per level (failing findings are errors, others
/// warnings), and stale baseline entries as warnings.
pub fn github(o: &Outcome) -> String {
    let mut s = String::new();
    let (mut errors, mut warnings) = (0, 0);
    for f in &o.findings {
        if f.baselined {
            continue;
        }
        let (cmd, n) = if f.failing {
            ("error", &mut errors)
        } else {
            ("warning", &mut warnings)
        };
        *n += 1;
        if *n > GITHUB_CAP {
            continue;
        }
        let l = &f.locations[0];
        let _ = writeln!(
            s,
            "::{cmd} file={},line={},col={},title={}::{}",
            escape_property(&l.path),
            l.line,
            l.column,
            escape_property(&format!("crosscheck {}: {}", f.kind, f.title)),
            escape_data(&format!("{}\nfingerprint: {}", f.message, f.fingerprint))
        );
    }
    for e in o.stale.iter().take(GITHUB_CAP) {
        let _ = writeln!(
            s,
            "::warning title={}::{}",
            escape_property("crosscheck: stale baseline entry"),
            escape_data(&format!(
                "{} ({}) no longer matches a finding: {}",
                e.fingerprint, e.kind, e.description
            ))
        );
    }
    let _ = writeln!(s, "{}", verdict_line(o));
    s
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', "<br>")
}

/// The Markdown job summary: counts, every failing finding (including the
/// ones past the annotation cap) and stale baseline entries.
pub fn github_summary(o: &Outcome) -> String {
    let m = &o.summary;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "## crosscheck check: {}\n",
        if m.failing > 0 {
            "failed ❌"
        } else {
            "passed ✅"
        }
    );
    let _ = writeln!(
        s,
        "{} articles · {} findings · **{} failing** · {} baselined · {} ignored · {} stale baseline entries\n",
        m.articles, m.findings, m.failing, m.baselined, m.ignored, m.stale
    );
    let failing: Vec<&Finding> = o.failing().collect();
    if !failing.is_empty() {
        if failing.len() > GITHUB_CAP {
            let _ = writeln!(
                s,
                "Annotations show the first {GITHUB_CAP}; all {} failing findings are listed here.\n",
                failing.len()
            );
        }
        let _ = writeln!(
            s,
            "| kind | where | finding | fingerprint |\n|---|---|---|---|"
        );
        for f in failing {
            let l = &f.locations[0];
            let _ = writeln!(
                s,
                "| {} | `{}:{}` | {} | `{}` |",
                f.kind,
                md_cell(&l.path),
                l.line,
                md_cell(&f.message),
                f.fingerprint
            );
        }
        let _ = writeln!(
            s,
            "\nTo accept these, fix the articles or add the findings to the baseline (`crosscheck check … --write-baseline crosscheck-baseline.toml`)."
        );
    }
    if !o.stale.is_empty() {
        let _ = writeln!(s, "\n### Stale baseline entries (warning, not a failure)\n");
        for e in &o.stale {
            let _ = writeln!(
                s,
                "- `{}` ({}): {}",
                e.fingerprint,
                e.kind,
                md_cell(&e.description)
            );
        }
    }
    s
}

/// JUnit XML: a testsuite per story with a testcase per fact (claim group),
/// failing when one of its alignments is a failing finding; near-duplicate
/// pairs and input errors in suites of their own.
pub fn junit(o: &Outcome, report: &Report) -> Result<String> {
    use quick_junit::{NonSuccessKind, TestCase, TestCaseStatus, TestSuite};
    let mut out = quick_junit::Report::new("crosscheck");
    let failure = |fs: &[&Finding]| {
        let mut st = TestCaseStatus::non_success(NonSuccessKind::Failure);
        let text: Vec<String> = fs
            .iter()
            .map(|f| {
                let places: Vec<String> = f
                    .locations
                    .iter()
                    .map(|l| {
                        format!(
                            "{} {}:{}: {}",
                            l.source.as_deref().unwrap_or(&l.article),
                            l.path,
                            l.line,
                            l.text.as_deref().unwrap_or("")
                        )
                    })
                    .collect();
                format!(
                    "{}\n{}\n{}\nfingerprint: {}",
                    f.title,
                    f.message,
                    places.join("\n"),
                    f.fingerprint
                )
            })
            .collect();
        st.set_message(fs[0].title.clone());
        st.set_type(fs[0].kind.as_str());
        st.set_description(text.join("\n\n"));
        st
    };
    for story in &report.stories {
        let mut suite = TestSuite::new(format!(
            "story {}{}",
            story.id,
            story
                .title
                .as_deref()
                .map(|t| format!(": {t}"))
                .unwrap_or_default()
        ));
        for g in report.groups.iter().filter(|g| g.story == story.id) {
            let fs: Vec<&Finding> = o
                .findings
                .iter()
                .filter(|f| f.failing && f.fact.as_deref() == Some(g.id.as_str()))
                .collect();
            let values: Vec<String> = g
                .values
                .iter()
                .map(|v| {
                    format!(
                        "{}: {}",
                        v.source.as_deref().unwrap_or(&v.doc),
                        v.text.trim()
                    )
                })
                .collect();
            let name = format!(
                "{} {}: {}",
                g.id,
                g.concept.as_deref().unwrap_or("fact"),
                values.join("; ")
            );
            let status = if fs.is_empty() {
                TestCaseStatus::success()
            } else {
                failure(&fs)
            };
            let mut case = TestCase::new(name, status);
            case.set_classname(format!("crosscheck.{}", story.id));
            suite.add_test_case(case);
        }
        out.add_test_suite(suite);
    }
    for (kind, suite_name) in [
        (Kind::NearDuplicate, "near-duplicates"),
        (Kind::InputError, "input"),
    ] {
        let mut suite = TestSuite::new(suite_name);
        for f in o.findings.iter().filter(|f| f.kind == kind) {
            let status = if f.failing {
                failure(&[f])
            } else {
                TestCaseStatus::success()
            };
            let mut case = TestCase::new(format!("{} {}", f.fingerprint, f.title), status);
            case.set_classname(format!("crosscheck.{suite_name}"));
            suite.add_test_case(case);
        }
        out.add_test_suite(suite);
    }
    out.to_string()
        .map_err(|e| Error::Usage(format!("cannot write JUnit XML: {e}")))
}

/// SARIF 2.1.0 wire types: only what crosscheck emits.
mod sarif {
    use serde::Serialize;

    #[derive(Serialize)]
    pub struct Log {
        #[serde(rename = "$schema")]
        pub schema: &'static str,
        pub version: &'static str,
        pub runs: Vec<Run>,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Run {
        pub tool: Tool,
        pub original_uri_base_ids: std::collections::BTreeMap<String, ArtifactLocation>,
        pub column_kind: &'static str,
        pub results: Vec<SarifResult>,
    }

    #[derive(Serialize)]
    pub struct Tool {
        pub driver: Driver,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Driver {
        pub name: &'static str,
        pub version: &'static str,
        pub rules: Vec<Rule>,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Rule {
        pub id: &'static str,
        pub name: String,
        pub short_description: Message,
        pub default_configuration: Configuration,
    }

    #[derive(Serialize)]
    pub struct Configuration {
        pub level: &'static str,
    }

    #[derive(Serialize)]
    pub struct Message {
        pub text: String,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct SarifResult {
        pub rule_id: &'static str,
        pub rule_index: usize,
        pub level: &'static str,
        pub message: Message,
        pub locations: Vec<Location>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        pub related_locations: Vec<Location>,
        pub partial_fingerprints: std::collections::BTreeMap<&'static str, String>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        pub suppressions: Vec<Suppression>,
    }

    #[derive(Serialize)]
    pub struct Suppression {
        pub kind: &'static str,
        pub justification: &'static str,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Location {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub id: Option<usize>,
        pub physical_location: PhysicalLocation,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub message: Option<Message>,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct PhysicalLocation {
        pub artifact_location: ArtifactLocation,
        pub region: Region,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct ArtifactLocation {
        pub uri: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub uri_base_id: Option<&'static str>,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Region {
        pub start_line: u64,
        pub start_column: u64,
    }
}

/// A path as a URI relative to the working folder (`%SRCROOT%`), or an
/// absolute `file://` URI when it lies outside it.
fn uri(path: &str) -> (String, Option<&'static str>) {
    let enc = |s: &str| {
        s.replace('%', "%25")
            .replace(' ', "%20")
            .replace('#', "%23")
            .replace('?', "%3F")
            .replace('\\', "/")
    };
    let p = std::path::Path::new(path);
    let abs = std::fs::canonicalize(p).ok();
    let cwd = std::env::current_dir()
        .ok()
        .and_then(|c| std::fs::canonicalize(c).ok());
    if let (Some(abs), Some(cwd)) = (&abs, &cwd) {
        if let Ok(rel) = abs.strip_prefix(cwd) {
            return (enc(&rel.to_string_lossy()), Some("%SRCROOT%"));
        }
        return (format!("file://{}", enc(&abs.to_string_lossy())), None);
    }
    (enc(path.trim_start_matches("./")), Some("%SRCROOT%"))
}

/// SARIF 2.1.0: a rule per finding kind, a result per reported finding with
/// its first claim as the location and the other as a related location;
/// baselined findings carry an external suppression.
pub fn sarif(o: &Outcome) -> Result<String> {
    use sarif::*;
    let rules: Vec<Rule> = Kind::ALL
        .iter()
        .map(|k| Rule {
            id: k.as_str(),
            name: k.as_str().replace('-', "_"),
            short_description: Message {
                text: k.description().to_string(),
            },
            default_configuration: Configuration {
                level: k.level().as_str(),
            },
        })
        .collect();
    let loc = |l: &super::Location, id: Option<usize>| {
        let (uri, base) = uri(&l.path);
        Location {
            id,
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation {
                    uri,
                    uri_base_id: base,
                },
                region: Region {
                    start_line: l.line.max(1),
                    start_column: l.column.max(1),
                },
            },
            message: id.map(|_| Message {
                text: format!(
                    "{}: {}",
                    l.source.as_deref().unwrap_or(&l.article),
                    l.text.as_deref().unwrap_or(&l.article)
                ),
            }),
        }
    };
    let results = o
        .findings
        .iter()
        .map(|f| SarifResult {
            rule_id: f.kind.as_str(),
            rule_index: Kind::ALL.iter().position(|k| *k == f.kind).unwrap_or(0),
            level: if f.failing || f.baselined {
                f.level.as_str()
            } else {
                Level::Note.as_str()
            },
            message: Message {
                text: format!("{}\n{}", f.title, f.message),
            },
            locations: vec![loc(&f.locations[0], None)],
            related_locations: f.locations[1..]
                .iter()
                .enumerate()
                .map(|(i, l)| loc(l, Some(i + 1)))
                .collect(),
            partial_fingerprints: [("crosscheck/v1", f.fingerprint.clone())].into(),
            suppressions: if f.baselined {
                vec![Suppression {
                    kind: "external",
                    justification: "accepted in the crosscheck baseline",
                }]
            } else {
                Vec::new()
            },
        })
        .collect();
    let mut bases = std::collections::BTreeMap::new();
    if let Ok(cwd) = std::env::current_dir() {
        let mut s = cwd.to_string_lossy().replace('\\', "/");
        if !s.ends_with('/') {
            s.push('/');
        }
        bases.insert(
            "%SRCROOT%".to_string(),
            ArtifactLocation {
                uri: format!("file://{}", s.replace(' ', "%20")),
                uri_base_id: None,
            },
        );
    }
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "crosscheck",
                    version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            original_uri_base_ids: bases,
            // Columns count characters, as GitHub's `col` does.
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    let mut s = serde_json::to_string_pretty(&log)?;
    s.push('\n');
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_escapes_data_and_properties() {
        assert_eq!(escape_data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
