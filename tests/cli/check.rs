//! `crosscheck check`: exit codes, the baseline round trip, stable
//! fingerprints, and every format read by what it is for (an XML parser, the
//! SARIF 2.1.0 schema, GitHub's workflow-command syntax).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::{bin, corpus, run, shared, testdata};

/// Runs the binary in `dir`, returns (exit code, stdout, stderr).
fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = bin()
        .current_dir(dir)
        .env_remove("GITHUB_STEP_SUMMARY")
        .args(args)
        .output()
        .expect("binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A copy of the fixture corpus in a temp dir, under `set/`.
fn corpus_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let set = tmp.path().join("set");
    std::fs::create_dir(&set).unwrap();
    for e in std::fs::read_dir(corpus()).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, set.join(p.file_name().unwrap())).unwrap();
    }
    (tmp, set)
}

fn json_check(dir: &Path, args: &[&str]) -> (i32, Value) {
    let mut a = vec!["check", "--format", "json"];
    a.extend_from_slice(args);
    let (code, out, err) = run_in(dir, &a);
    assert!(code == 0 || code == 1, "{code}: {err}");
    (code, serde_json::from_str(&out).expect("json"))
}

fn fingerprints(v: &Value) -> BTreeSet<String> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["fingerprint"].as_str().unwrap().to_string())
        .collect()
}

fn failing(v: &Value) -> Vec<&Value> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["failing"] == true)
        .collect()
}

#[test]
fn exit_codes_clean_findings_and_errors() {
    let (tmp, set) = corpus_copy();
    // Findings: the fixtures have conflicts and near-duplicates.
    let (code, out, _) = run_in(tmp.path(), &["check", "set"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("FAILED"), "{out}");
    // Clean: one article cannot conflict with or duplicate anything.
    let one = set.join("en-border-talks.afp.txt");
    let (code, out, err) = run_in(tmp.path(), &["check", one.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("passed"), "{out}");
    // Failing only on a kind that is not found: clean.
    let (code, _, _) = run_in(tmp.path(), &["check", "set", "--fail-on", "input-error"]);
    assert_eq!(code, 0);
    // A bad flag value: 2.
    let (code, _, err) = run_in(tmp.path(), &["check", "set", "--fail-on", "dups"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("unknown finding kind"), "{err}");
    // A missing input: 2.
    let (code, _, _) = run_in(tmp.path(), &["check", "nowhere"]);
    assert_eq!(code, 2);
}

#[test]
fn malformed_config_exits_2_with_the_line() {
    let (tmp, _) = corpus_copy();
    std::fs::write(
        tmp.path().join("crosscheck.toml"),
        "[dedup]\nthreshold = 0.8\n\n[check]\nfail_on = [\"conflict\"]\nmin_severty = \"error\"\n",
    )
    .unwrap();
    let (code, _, err) = run_in(tmp.path(), &["check", "set"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("crosscheck.toml:6:1:"), "{err}");
    assert!(err.contains("min_severty"), "{err}");
    // Found in a parent folder too.
    let (code, _, err) = run_in(&tmp.path().join("set"), &["check", "."]);
    assert_eq!(code, 2, "{err}");
    // Invalid TOML syntax: the line as well.
    std::fs::write(tmp.path().join("bad.toml"), "[check]\nfail_on = [\n").unwrap();
    let (code, _, err) = run_in(tmp.path(), &["check", "set", "--config", "bad.toml"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("bad.toml:"), "{err}");
}

#[test]
fn the_example_config_with_every_key_is_valid() {
    let (tmp, set) = corpus_copy();
    let cfg = testdata().join("check").join("crosscheck.toml");
    let one = set.join("en-border-talks.afp.txt");
    let (code, out, err) = run_in(
        tmp.path(),
        &[
            "check",
            one.to_str().unwrap(),
            "--config",
            cfg.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn config_sets_policy_and_ignores_and_flags_override() {
    let (tmp, _) = corpus_copy();
    let (_, all) = json_check(tmp.path(), &["set"]);
    let kinds: BTreeSet<&str> = failing(&all)
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains("conflict") && kinds.contains("near-duplicate"),
        "{kinds:?}"
    );
    std::fs::write(
        tmp.path().join("crosscheck.toml"),
        "[check]\nfail_on = [\"near-duplicate\"]\n\n[[ignore]]\nkind = \"near-duplicate\"\npath = \"set/en-*\"\nreason = \"wire copies we keep\"\n",
    )
    .unwrap();
    let (_, v) = json_check(tmp.path(), &["set"]);
    for f in failing(&v) {
        assert_eq!(f["kind"], "near-duplicate");
        let ids = f["articles"].as_array().unwrap();
        assert!(
            ids.iter().all(|i| !i.as_str().unwrap().starts_with("en-")),
            "{f}"
        );
    }
    assert!(v["summary"]["ignored"].as_u64().unwrap() > 0);
    // Ignore by concept and by article id (a glob).
    let c = failing(&all)
        .into_iter()
        .find(|f| f["kind"] == "conflict" && f["concept"].is_string())
        .unwrap()
        .clone();
    let (concept, article) = (
        c["concept"].as_str().unwrap(),
        c["articles"][0].as_str().unwrap(),
    );
    std::fs::write(
        tmp.path().join("ignore.toml"),
        format!(
            "[[ignore]]\nconcept = \"{concept}\"\n\n[[ignore]]\narticle = \"{}*\"\n",
            &article[..article.len() - 2]
        ),
    )
    .unwrap();
    let (_, v) = json_check(tmp.path(), &["set", "--config", "ignore.toml"]);
    for f in v["findings"].as_array().unwrap() {
        assert_ne!(f["concept"].as_str(), Some(concept), "{f}");
        assert!(
            f["articles"]
                .as_array()
                .unwrap()
                .iter()
                .all(|a| a != article),
            "{f}"
        );
    }
    assert!(!v["findings"].as_array().unwrap().is_empty());
    // Updates are warnings: a minimum severity of error leaves them out.
    let (_, v) = json_check(tmp.path(), &["set", "--min-severity", "warning"]);
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["kind"] == "update"));
    let (_, v) = json_check(tmp.path(), &["set", "--min-severity", "error"]);
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["kind"] != "update"));
    // The flag overrides the file.
    let (code, v) = json_check(tmp.path(), &["set", "--fail-on", "conflict"]);
    assert_eq!(code, 1);
    assert!(failing(&v).iter().all(|f| f["kind"] == "conflict"));
}

#[test]
fn baseline_round_trip_fails_only_on_the_new_article() {
    let (tmp, set) = corpus_copy();
    // Hold back one article that has conflicts.
    let (_, full) = json_check(tmp.path(), &["set"]);
    let held = failing(&full)
        .iter()
        .find(|f| f["kind"] == "conflict")
        .map(|f| f["articles"][1].as_str().unwrap().to_string())
        .expect("a conflict in the fixtures");
    let held_file = set.join(format!("{held}.txt"));
    let kept = tmp.path().join(format!("{held}.txt"));
    std::fs::rename(&held_file, &kept).unwrap();
    let (code, _, err) = run_in(
        tmp.path(),
        &["check", "set", "--write-baseline", "baseline.toml"],
    );
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(tmp.path().join("baseline.toml")).unwrap();
    assert!(
        text.contains("[[finding]]") && text.contains("description"),
        "{text}"
    );
    let (code, v) = json_check(tmp.path(), &["set", "--baseline", "baseline.toml"]);
    assert_eq!(code, 0, "{v}");
    assert!(v["summary"]["baselined"].as_u64().unwrap() > 0);
    assert_eq!(v["stale"].as_array().unwrap().len(), 0);
    // Add the article back: only findings that involve it fail.
    std::fs::rename(&kept, &held_file).unwrap();
    let (code, v) = json_check(tmp.path(), &["set", "--baseline", "baseline.toml"]);
    assert_eq!(code, 1);
    let new = failing(&v);
    assert!(!new.is_empty());
    for f in &new {
        let ids: Vec<&str> = f["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i.as_str().unwrap())
            .collect();
        assert!(ids.contains(&held.as_str()), "{f}");
    }
    // Remove an article from the baselined set: its entries are stale, a warning only.
    std::fs::remove_file(&held_file).unwrap();
    let victim = failing(&full)
        .iter()
        .flat_map(|f| f["articles"].as_array().unwrap().clone())
        .map(|i| i.as_str().unwrap().to_string())
        .find(|i| *i != held)
        .unwrap();
    std::fs::remove_file(set.join(format!("{victim}.txt"))).unwrap();
    let (code, out, err) = run_in(tmp.path(), &["check", "set", "--baseline", "baseline.toml"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("stale baseline entry"), "{err}");
    assert!(out.contains("warning[stale-baseline]"), "{out}");
}

#[test]
fn fingerprints_survive_order_threads_and_moves() {
    let (tmp, set) = corpus_copy();
    let mut files: Vec<String> = std::fs::read_dir(&set)
        .unwrap()
        .map(|e| format!("set/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    files.sort();
    let refs: Vec<&str> = files.iter().map(String::as_str).collect();
    let (_, base) = json_check(tmp.path(), &refs);
    let base = fingerprints(&base);
    assert!(base.len() > 5, "{base:?}");
    // Shuffled (reversed and interleaved) input order.
    let mut shuffled: Vec<&str> = refs.iter().rev().step_by(2).copied().collect();
    shuffled.extend(refs.iter().step_by(2));
    shuffled.sort_by_key(|s| s.len() % 3);
    shuffled.dedup();
    let mut seen = BTreeSet::new();
    shuffled.retain(|s| seen.insert(*s));
    assert_eq!(shuffled.len(), refs.len());
    assert_eq!(fingerprints(&json_check(tmp.path(), &shuffled).1), base);
    // Thread counts.
    for jobs in ["1", "2"] {
        let (_, v) = json_check(tmp.path(), &["--jobs", jobs, "set"]);
        assert_eq!(fingerprints(&v), base, "--jobs {jobs}");
    }
    // Half the files moved into a subfolder.
    std::fs::create_dir(set.join("moved")).unwrap();
    for f in files.iter().step_by(2) {
        let name = Path::new(f).file_name().unwrap();
        std::fs::rename(tmp.path().join(f), set.join("moved").join(name)).unwrap();
    }
    assert_eq!(fingerprints(&json_check(tmp.path(), &["set"]).1), base);
}

#[test]
fn junit_output_parses_with_the_expected_counts() {
    let (tmp, _) = corpus_copy();
    let (_, report) = {
        let (c, out, _) = run_in(tmp.path(), &["report", "set", "--format", "json"]);
        (c, serde_json::from_str::<Value>(&out).unwrap())
    };
    let (_, v) = json_check(tmp.path(), &["set"]);
    let (code, xml, err) = run_in(tmp.path(), &["check", "set", "--format", "junit"]);
    assert_eq!(code, 1, "{err}");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut suites, mut cases, mut failures, mut root_tests) = (0, 0, 0, None);
    let mut failure_text = String::new();
    let mut in_failure = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                match e.name().as_ref() {
                    b"testsuites" => {
                        root_tests = e.try_get_attribute("tests").unwrap().map(|a| {
                            std::str::from_utf8(&a.value)
                                .unwrap()
                                .parse::<usize>()
                                .unwrap()
                        });
                    }
                    b"testsuite" => suites += 1,
                    b"testcase" => cases += 1,
                    b"failure" => {
                        failures += 1;
                        in_failure = true;
                    }
                    _ => {}
                }
            }
            quick_xml::events::Event::Text(t) if in_failure => {
                failure_text.push_str(&t.decode().unwrap());
            }
            quick_xml::events::Event::GeneralRef(r) if in_failure => {
                let name = r.decode().unwrap();
                match r.resolve_char_ref().unwrap() {
                    Some(c) => failure_text.push(c),
                    None => failure_text.push_str(
                        quick_xml::escape::resolve_predefined_entity(&name).expect("known entity"),
                    ),
                }
            }
            quick_xml::events::Event::End(e) if e.name().as_ref() == b"failure" => {
                in_failure = false;
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    let stories = report["stories"].as_array().unwrap().len();
    let groups = report["groups"].as_array().unwrap().len();
    let dups = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "near-duplicate")
        .count();
    assert_eq!(suites, stories + 2);
    assert_eq!(cases, groups + dups);
    assert_eq!(root_tests, Some(cases));
    let failing_facts: BTreeSet<&str> = failing(&v)
        .iter()
        .filter_map(|f| f["fact"].as_str())
        .collect();
    let failing_dups = failing(&v)
        .iter()
        .filter(|f| f["kind"] == "near-duplicate")
        .count();
    assert_eq!(failures, failing_facts.len() + failing_dups);
    // Failure text carries both sentences and sources.
    let conflict = failing(&v)
        .into_iter()
        .find(|f| f["kind"] == "conflict")
        .unwrap();
    for l in conflict["locations"].as_array().unwrap() {
        let sentence = l["text"].as_str().unwrap();
        assert!(failure_text.contains(sentence.trim()), "{sentence}");
        if let Some(s) = l["source"].as_str() {
            assert!(failure_text.contains(s), "{s}");
        }
    }
}

/// A validator for the JSON Schema keywords the SARIF 2.1.0 schema uses
/// (draft-07: `$ref`, `type`, `properties`, `required`,
/// `additionalProperties`, `items`, `minItems`, `uniqueItems`, `enum`,
/// `minimum`, `pattern`, `anyOf`, `oneOf`, `allOf`). `format` and `default`
/// are annotations. Returns every violation with its JSON pointer.
fn validate(root: &Value, schema: &Value, v: &Value, at: &str, errs: &mut Vec<String>) {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let path = r.strip_prefix("#/").expect("local $ref");
        let mut s = root;
        for part in path.split('/') {
            s = &s[part];
        }
        assert!(!s.is_null(), "unresolved {r}");
        return validate(root, s, v, at, errs);
    }
    if let Some(t) = schema.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let ok = types.iter().any(|t| match *t {
            "object" => v.is_object(),
            "array" => v.is_array(),
            "string" => v.is_string(),
            "integer" => v.is_i64() || v.is_u64(),
            "number" => v.is_number(),
            "boolean" => v.is_boolean(),
            "null" => v.is_null(),
            _ => false,
        });
        if !ok {
            errs.push(format!("{at}: not of type {t}"));
            return;
        }
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array) {
        if !e.contains(v) {
            errs.push(format!("{at}: {v} not in {e:?}"));
        }
    }
    if let (Some(m), Some(n)) = (schema.get("minimum").and_then(Value::as_f64), v.as_f64()) {
        if n < m {
            errs.push(format!("{at}: {n} < {m}"));
        }
    }
    if let (Some(p), Some(s)) = (schema.get("pattern").and_then(Value::as_str), v.as_str()) {
        if !regex::Regex::new(p).unwrap().is_match(s) {
            errs.push(format!("{at}: {s:?} does not match {p}"));
        }
    }
    if let Some(obj) = v.as_object() {
        let props = schema.get("properties").and_then(Value::as_object);
        for req in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if !obj.contains_key(req.as_str().unwrap()) {
                errs.push(format!("{at}: missing required {req}"));
            }
        }
        for (k, val) in obj {
            let here = format!("{at}/{k}");
            match props.and_then(|p| p.get(k)) {
                Some(s) => validate(root, s, val, &here, errs),
                None => match schema.get("additionalProperties") {
                    Some(Value::Bool(false)) => errs.push(format!("{here}: not allowed")),
                    Some(s @ Value::Object(_)) => validate(root, s, val, &here, errs),
                    _ => {}
                },
            }
        }
    }
    if let Some(arr) = v.as_array() {
        if let Some(m) = schema.get("minItems").and_then(Value::as_u64) {
            if (arr.len() as u64) < m {
                errs.push(format!("{at}: fewer than {m} items"));
            }
        }
        if schema.get("uniqueItems") == Some(&Value::Bool(true)) {
            for (i, x) in arr.iter().enumerate() {
                if arr[..i].contains(x) {
                    errs.push(format!("{at}/{i}: duplicate item"));
                }
            }
        }
        if let Some(s) = schema.get("items") {
            for (i, x) in arr.iter().enumerate() {
                validate(root, s, x, &format!("{at}/{i}"), errs);
            }
        }
    }
    let branch_ok = |s: &Value| {
        let mut e = Vec::new();
        validate(root, s, v, at, &mut e);
        e.is_empty()
    };
    if let Some(a) = schema.get("anyOf").and_then(Value::as_array) {
        if !a.iter().any(branch_ok) {
            errs.push(format!("{at}: matches no anyOf branch"));
        }
    }
    if let Some(a) = schema.get("oneOf").and_then(Value::as_array) {
        if a.iter().filter(|s| branch_ok(s)).count() != 1 {
            errs.push(format!("{at}: does not match exactly one oneOf branch"));
        }
    }
    if let Some(a) = schema.get("allOf").and_then(Value::as_array) {
        for s in a {
            validate(root, s, v, at, errs);
        }
    }
}

#[test]
fn sarif_validates_against_the_sarif_2_1_0_schema() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(testdata().join("sarif-2.1.0.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        schema["$id"].as_str().unwrap().rsplit('/').next(),
        Some("sarif-schema-2.1.0.json")
    );
    // The validator rejects what it should.
    let mut errs = Vec::new();
    validate(
        &schema,
        &schema,
        &serde_json::json!({"version": "2.0.0", "runs": []}),
        "",
        &mut errs,
    );
    assert!(!errs.is_empty());
    let (tmp, _) = corpus_copy();
    // Accept a few findings so suppressions appear too.
    let (code, _, _) = run_in(tmp.path(), &["check", "set", "--write-baseline", "b.toml"]);
    assert_eq!(code, 0);
    let text = std::fs::read_to_string(tmp.path().join("b.toml")).unwrap();
    let cut: String = text
        .split("[[finding]]")
        .take(4)
        .collect::<Vec<_>>()
        .join("[[finding]]");
    std::fs::write(tmp.path().join("b.toml"), cut).unwrap();
    let (code, out, err) = run_in(
        tmp.path(),
        &["check", "set", "--format", "sarif", "--baseline", "b.toml"],
    );
    assert_eq!(code, 1, "{err}");
    let log: Value = serde_json::from_str(&out).unwrap();
    let mut errs = Vec::new();
    validate(&schema, &schema, &log, "", &mut errs);
    assert!(errs.is_empty(), "{errs:#?}");
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["ruleId"] == "conflict"));
    assert!(results.iter().any(|r| r["suppressions"].is_array()));
    for r in results {
        let loc = &r["locations"][0]["physicalLocation"];
        let uri = loc["artifactLocation"]["uri"].as_str().unwrap();
        assert!(
            uri.starts_with("set/"),
            "relative to the working dir: {uri}"
        );
        assert!(loc["region"]["startLine"].as_u64().unwrap() >= 1);
        assert!(loc["region"]["startColumn"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn github_lines_are_workflow_commands_at_the_claims_line() {
    let (tmp, set) = corpus_copy();
    let summary = tmp.path().join("summary.md");
    let (code, out, err) = run_in(
        tmp.path(),
        &[
            "check",
            "set",
            "--format",
            "github",
            "--summary",
            "summary.md",
        ],
    );
    assert_eq!(code, 1, "{err}");
    let cmd = regex::Regex::new(
        r"^::(error|warning|notice)( ((file|line|endLine|col|endColumn|title)=[^,:\r\n]*)(,(file|line|endLine|col|endColumn|title)=[^,:\r\n]*)*)?::[^\r\n]*$",
    )
    .unwrap();
    let mut errors = 0;
    for line in out.lines() {
        if line.starts_with("::") {
            assert!(cmd.is_match(line), "{line}");
            errors += usize::from(line.starts_with("::error"));
        }
    }
    assert!((1..=10).contains(&errors), "{errors}");
    // The line points at the claim in the file.
    let (_, v) = json_check(tmp.path(), &["set"]);
    let f = failing(&v)
        .into_iter()
        .find(|f| f["kind"] == "conflict")
        .unwrap();
    let l = &f["locations"][0];
    let file = std::fs::read_to_string(tmp.path().join(l["path"].as_str().unwrap())).unwrap();
    let line = file
        .lines()
        .nth(l["line"].as_u64().unwrap() as usize - 1)
        .unwrap();
    let claim = l["claim"].as_str().unwrap();
    let surface = claim.split(" (").next().unwrap();
    assert!(line.contains(surface), "{line:?} lacks {surface:?}");
    let _ = set;
    let md = std::fs::read_to_string(summary).unwrap();
    assert!(md.starts_with("## crosscheck check: failed"), "{md}");
    let failing_n = v["summary"]["failing"].as_u64().unwrap() as usize;
    assert_eq!(
        md.matches("\n| conflict |").count() + md.matches("\n| near-duplicate |").count(),
        failing_n
    );
    if failing_n > 10 {
        assert!(md.contains("Annotations show the first 10"));
    }
}

/// The seed reports of the January 2022 talks, plus a report with a new troop figure. The troop
/// figures are disputes at a confidence of about 0.18 (a vague count against an exact one, or two
/// counts a factor of two apart), under the default threshold; the desk's configuration lowers it.
#[test]
fn seeds_baseline_then_a_new_conflicting_figure_fails() {
    let Some(shared) = shared("seeds_baseline_then_a_new_conflicting_figure_fails") else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("crosscheck.toml"),
        "[report]\nmin_confidence = 0.1\n",
    )
    .unwrap();
    let seeds = shared.join("seeds");
    let seeds = seeds.to_str().unwrap();
    let (code, before) = json_check(tmp.path(), &[seeds]);
    assert_eq!(code == 1, !failing(&before).is_empty());
    let (code, _, err) = run_in(tmp.path(), &["check", seeds, "--write-baseline", "b.toml"]);
    assert_eq!(code, 0, "{err}");
    let (code, v) = json_check(tmp.path(), &[seeds, "--baseline", "b.toml"]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(fingerprints(&v), fingerprints(&before));
    let extra = tmp.path().join("extra");
    std::fs::create_dir(&extra).unwrap();
    std::fs::write(
        extra.join("005_pasukan.txt"),
        "Rusia Kerahkan Pasukan di Dekat Perbatasan Ukraina Saat Pembicaraan dengan NATO\n\
Brussel – Pembicaraan keamanan Rusia dengan Amerika Serikat dan NATO di Jenewa dan Brussel berakhir tanpa kemajuan, kata Sekretaris Jenderal NATO Jens Stoltenberg.\n\
Menurut laporan Reuters, Rusia telah mengerahkan sekitar 50.000 tentara di dekat perbatasan Ukraina, memicu kekhawatiran Barat bahwa invasi akan dilakukan.\n\
Wakil Menteri Luar Negeri Rusia Sergei Ryabkov mengatakan Moskow tidak berniat menyerang Ukraina dan menuntut agar NATO menolak keanggotaan Ukraina.\n\
Juru bicara Kremlin Dmitry Peskov mengatakan tidak ada alasan untuk optimis setelah pembicaraan dengan Amerika Serikat dan NATO mengenai jaminan keamanan.\n",
    )
    .unwrap();
    let (code, v) = json_check(tmp.path(), &[seeds, "extra", "--baseline", "b.toml"]);
    assert_eq!(code, 1, "{v}");
    let new = failing(&v);
    assert!(!new.is_empty());
    for f in &new {
        assert_eq!(f["kind"], "conflict", "{f}");
        assert_eq!(f["concept"], "troops", "{f}");
        assert!(f["articles"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "005_pasukan"));
        let claims: String = f["locations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["claim"].as_str().unwrap())
            .collect();
        assert!(claims.contains("sekitar 50.000 tentara"), "{claims}");
        let l = &f["locations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["article"] == "005_pasukan")
            .unwrap();
        assert_eq!(l["line"], 3, "{l}");
    }
    // The old findings are still accepted.
    assert!(fingerprints(&v).is_superset(&fingerprints(&before)));
}

#[test]
fn check_help_documents_exit_codes() {
    let (code, out, _) = run(&["check", "--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("Exit status: 0 clean"), "{out}");
    assert!(out.contains("1 findings that fail"), "{out}");
}

/// The fixture corpus as JSON Lines (front matter as fields), with a
/// malformed line third; returns the record line of each id.
fn corpus_jsonl(path: &Path) -> std::collections::BTreeMap<String, u64> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut lines = Vec::new();
    let mut at = std::collections::BTreeMap::new();
    for p in files {
        if lines.len() == 2 {
            lines.push("{\"id\": \"broken\", \"text\": ".to_string());
        }
        let t = std::fs::read_to_string(&p).unwrap();
        let rest = t.strip_prefix("---\n").unwrap();
        let end = rest.find("\n---\n").unwrap();
        let mut rec = serde_json::Map::new();
        for l in rest[..end].lines() {
            let (k, v) = l.split_once(": ").unwrap();
            rec.insert(k.to_string(), Value::String(v.to_string()));
        }
        rec.insert("text".into(), Value::String(rest[end + 5..].to_string()));
        at.insert(
            rec["id"].as_str().unwrap().to_string(),
            lines.len() as u64 + 1,
        );
        lines.push(Value::Object(rec).to_string());
    }
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
    at
}

#[test]
fn jsonl_findings_point_at_the_record_line_and_input_errors_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let at = corpus_jsonl(&tmp.path().join("set.jsonl"));
    let (code, out, err) = run_in(tmp.path(), &["check", "set.jsonl", "--format", "json"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("set.jsonl:3"), "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let fs = v["findings"].as_array().unwrap();
    let input = fs
        .iter()
        .find(|f| f["kind"] == "input-error")
        .expect("input error");
    assert_eq!(input["locations"][0]["line"], 3);
    assert_eq!(input["failing"], true);
    let conflicts: Vec<&Value> = fs.iter().filter(|f| f["kind"] == "conflict").collect();
    assert!(!conflicts.is_empty());
    for f in conflicts {
        for l in f["locations"].as_array().unwrap() {
            assert_eq!(
                l["line"].as_u64(),
                at.get(l["article"].as_str().unwrap()).copied(),
                "{l}"
            );
            assert_eq!(l["path"], "set.jsonl");
        }
    }
    // Not failing on input errors: the conflicts decide (1).
    let (code, _, _) = run_in(tmp.path(), &["check", "set.jsonl", "--fail-on", "conflict"]);
    assert_eq!(code, 1);
    // Accepted in the baseline: the input error no longer fails either.
    let (code, _, _) = run_in(
        tmp.path(),
        &["check", "set.jsonl", "--write-baseline", "b.toml"],
    );
    assert_eq!(code, 0);
    let (code, _, err) = run_in(tmp.path(), &["check", "set.jsonl", "--baseline", "b.toml"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn github_summary_goes_to_the_step_summary_and_annotations_are_capped() {
    let (tmp, _) = corpus_copy();
    let step = tmp.path().join("step.md");
    std::fs::write(&step, "earlier step\n").unwrap();
    let out = bin()
        .current_dir(tmp.path())
        .env("GITHUB_STEP_SUMMARY", &step)
        .args(["check", "set", "--format", "github"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let errors = stdout.lines().filter(|l| l.starts_with("::error ")).count();
    let (_, v) = json_check(tmp.path(), &["set"]);
    let failing_n = failing(&v).len();
    assert!(
        failing_n > 10,
        "the fixtures have more failing findings than the cap"
    );
    assert_eq!(errors, 10);
    let md = std::fs::read_to_string(&step).unwrap();
    assert!(
        md.starts_with("earlier step\n## crosscheck check: failed"),
        "appended: {md}"
    );
    assert!(
        md.contains(&format!("all {failing_n} failing findings are listed here")),
        "{md}"
    );
    for f in failing(&v) {
        assert!(md.contains(f["fingerprint"].as_str().unwrap()));
    }
}
