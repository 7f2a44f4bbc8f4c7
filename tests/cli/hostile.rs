//! Hostile input (issue #9): binary and broken text, odd line ends, huge
//! lines, deep nesting, hostile numbers and Unicode, many tiny articles.
//!
//! Every run goes through [`Case::run`], which fails the test when the binary
//! panics (exit 101), is killed or runs past [`TIME_LIMIT`], changes an input
//! or leaves a temporary file behind. Each case then checks the messages
//! (file and line), that every good article around the bad input is kept,
//! and the exit status: 2 when input was skipped, 0 when not
//! (`src/commands/mod.rs`, `ExitStatus`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::util::bin;

/// Longest one run may take before it counts as a hang (a debug build on a
/// busy machine: the slowest run here, `dedup` of 100,000 articles, takes
/// 8 to 15 s).
const TIME_LIMIT: Duration = Duration::from_secs(60);

/// Distinct article texts, each with a figure, no two near-duplicates.
const GOOD: [&str; 8] = [
    "Badan Nasional Penanggulangan Bencana mencatat 300 rumah warga terendam banjir di tiga kecamatan.",
    "Gempa bermagnitudo 5,2 mengguncang Garut pada Rabu malam dan merusak 57 bangunan sekolah.",
    "Harga beras di pasar induk naik menjadi Rp15.000 per kilogram dari Rp13.500 pekan lalu.",
    "Sebanyak 1.200 personel gabungan dikerahkan untuk mengamankan perayaan tahun baru di ibu kota.",
    "Longsor menutup jalan provinsi sepanjang 40 meter sehingga arus lalu lintas dialihkan selama 8 jam.",
    "The ministry said 45 people were injured when the ferry ran aground near the harbour on Sunday.",
    "Inflasi tahunan tercatat 2,4 persen pada Mei, turun dari 2,8 persen pada bulan sebelumnya.",
    "Pemerintah kota menyiapkan 12 posko pengungsian dan 3.000 paket bantuan bagi warga terdampak.",
];

/// A temporary folder with inputs under `in/` and outputs under `out/`.
struct Case {
    tmp: tempfile::TempDir,
    /// Every input written, with its bytes: checked after every run.
    inputs: BTreeMap<PathBuf, Vec<u8>>,
}

/// What one run of the binary gave.
struct Run {
    code: i32,
    out: String,
    err: String,
}

impl Case {
    fn new() -> Case {
        let tmp = tempfile::tempdir().expect("temporary folder");
        for d in ["in", "out"] {
            std::fs::create_dir(tmp.path().join(d)).expect("folder");
        }
        Case {
            tmp,
            inputs: BTreeMap::new(),
        }
    }

    /// The path of input `name` (under `in/`), as the binary prints it.
    fn p(&self, name: &str) -> String {
        self.tmp.path().join("in").join(name).display().to_string()
    }

    /// The path of output `name` (under `out/`).
    fn o(&self, name: &str) -> String {
        self.tmp.path().join("out").join(name).display().to_string()
    }

    /// Writes input `name`; returns its path.
    fn input(&mut self, name: &str, bytes: impl AsRef<[u8]>) -> String {
        let path = PathBuf::from(self.p(name));
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("folder");
        }
        std::fs::write(&path, bytes.as_ref()).expect("write input");
        self.inputs.insert(path, bytes.as_ref().to_vec());
        self.p(name)
    }

    /// Runs the binary. Fails on a panic, a hang, a changed input or a
    /// temporary file left behind; any other outcome is returned.
    fn run(&self, args: &[&str]) -> Run {
        let start = Instant::now();
        let out = bin()
            .args(args)
            .timeout(TIME_LIMIT)
            .output()
            .unwrap_or_else(|e| panic!("{args:?}: {e}"));
        let run = Run {
            code: out.status.code().unwrap_or(-1),
            out: String::from_utf8_lossy(&out.stdout).into_owned(),
            err: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
        let took = start.elapsed();
        println!("{took:>9.2?}  exit {}  {}", out.status, args.join(" "));
        assert!(
            run.code == 0 || run.code == 2,
            "{args:?}: exit status {} after {took:?} (101 is a panic, -1 killed or out of time)\n{}",
            run.code,
            run.err
        );
        assert!(!run.err.contains("panicked"), "{args:?}:\n{}", run.err);
        for (path, bytes) in &self.inputs {
            let now = std::fs::read(path).expect("input still there");
            assert!(
                now == *bytes,
                "{args:?} changed the input {}",
                path.display()
            );
        }
        for dir in ["in", "out"] {
            let left: Vec<String> = std::fs::read_dir(self.tmp.path().join(dir))
                .expect("list")
                .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with(".crosscheck-"))
                .collect();
            assert!(left.is_empty(), "{args:?} left {left:?} in {dir}/");
        }
        run
    }

    /// The articles `dedup` reads from `paths`, by id, with their texts (from
    /// `--emit-unique`: the texts given here are never near-duplicates).
    fn texts(&self, paths: &[&str], extra: &[&str]) -> (Run, BTreeMap<String, String>) {
        let unique = self.o("unique.jsonl");
        let mut args = vec!["dedup", "--format", "json", "--emit-unique", &unique];
        args.extend_from_slice(paths);
        args.extend_from_slice(extra);
        let run = self.run(&args);
        let summary = run.json();
        let texts: BTreeMap<String, String> = std::fs::read_to_string(&unique)
            .expect("unique articles written")
            .lines()
            .map(|l| {
                let a: Value = serde_json::from_str(l).expect("a JSON line");
                (
                    a["id"].as_str().expect("id").to_string(),
                    a["text"].as_str().expect("text").to_string(),
                )
            })
            .collect();
        assert_eq!(
            summary["summary"]["articles"].as_u64(),
            Some(texts.len() as u64),
            "some good articles were near-duplicates: {:?}",
            texts.keys()
        );
        (run, texts)
    }
}

impl Run {
    /// Standard output as JSON (it must be valid JSON).
    fn json(&self) -> Value {
        serde_json::from_str(&self.out)
            .unwrap_or_else(|e| panic!("invalid JSON on stdout ({e}):\n{}", self.out))
    }

    /// `summary.articles` of `dedup --format json`.
    fn articles(&self) -> u64 {
        self.json()["summary"]["articles"]
            .as_u64()
            .expect("summary.articles")
    }

    /// Asserts that standard error says each of `needles`.
    fn says(&self, needles: &[String]) -> &Run {
        for n in needles {
            assert!(
                self.err.contains(n.as_str()),
                "missing {n:?} in:\n{}",
                self.err
            );
        }
        self
    }

    /// Asserts the exit status of skipped input (2) and the summary line.
    fn skipped(&self, pieces: usize) -> &Run {
        assert_eq!(self.code, 2, "{}", self.err);
        let s = if pieces == 1 { "" } else { "s" };
        self.says(&[format!("crosscheck: {pieces} piece{s} of input skipped")])
    }

    /// Asserts a clean run: exit 0, no error on standard error.
    fn clean(&self) -> &Run {
        assert_eq!(self.code, 0, "{}", self.err);
        assert!(!self.err.contains("error:"), "{}", self.err);
        self
    }
}

/// Checks every claim (`claims --format json`, or a report's `claims`):
/// both spans lie on char boundaries and slice the article text to the
/// claim's text and sentence, sentences are at most `MAX_SENTENCE` bytes, and
/// every value is a number (an overflow would come out as `null`, unbounded).
fn check_claims(claims: &[Value], texts: &BTreeMap<String, String>) {
    for c in claims {
        let doc = c["doc"].as_str().expect("doc");
        let text = texts
            .get(doc)
            .unwrap_or_else(|| panic!("claim of unknown article {doc}"));
        let span = |k: &str| {
            let s = c[k][0].as_u64().expect("start") as usize;
            let e = c[k][1].as_u64().expect("end") as usize;
            (s, e)
        };
        let (s, e) = span("span");
        assert_eq!(text.get(s..e), c["text"].as_str(), "span of {c}");
        let (s, e) = span("sentence_span");
        assert_eq!(text.get(s..e), c["sentence"].as_str(), "sentence of {c}");
        assert!(e - s <= crosscheck::claims::MAX_SENTENCE, "{c}");
        let kind = c["kind"].as_str().expect("kind");
        if !matches!(kind, "date" | "time") {
            assert!(
                c["low"].is_number() || c["high"].is_number(),
                "no value: {c}"
            );
        }
        for k in ["precision", "low", "high"] {
            assert!(c[k].is_null() || c[k].as_f64().is_some_and(f64::is_finite));
        }
    }
}

/// The ids of the claims' articles.
fn docs(claims: &[Value]) -> BTreeSet<&str> {
    claims.iter().filter_map(|c| c["doc"].as_str()).collect()
}

fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

fn jsonl(records: &[Value]) -> String {
    records.iter().map(|r| format!("{r}\n")).collect()
}

#[test]
fn text_files_binary_nul_bom_bad_utf8_line_ends_and_empty() {
    let mut c = Case::new();
    c.input("txt/good-lf.txt", format!("{}\n", GOOD[0]));
    c.input(
        "txt/good-crlf.md",
        format!(
            "---\r\nid: crlf\r\nsource: Kompas\r\n---\r\n{}\r\n{}\r\n",
            GOOD[1], GOOD[2]
        ),
    );
    c.input(
        "txt/good-cr.md",
        format!("---\rid: cr\rsource: Tempo\r---\r{}\r", GOOD[3]),
    );
    c.input(
        "txt/bom.txt",
        format!("\u{feff}---\nid: bom\n---\n{}\n", GOOD[4]),
    );
    c.input(
        "txt/bad-crlf.txt",
        b"Baris satu.\r\nBaris dua.\r\nBaris \xff tiga.\r\n",
    );
    c.input(
        "txt/bad-cr.txt",
        b"Baris satu.\rBaris dua.\rBaris \xff tiga.\r",
    );
    c.input("txt/blank-cr.md", "---\rid: kosong\r---\r \r\r");
    c.input("txt/nul.txt", format!("{}\nBaris\0 kedua.\n", GOOD[5]));
    c.input("txt/binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    c.input("txt/empty.txt", "");
    // A FIFO in a folder would block a reader forever.
    #[cfg(unix)]
    let fifo = std::process::Command::new("mkfifo")
        .arg(c.p("txt/pipe.txt"))
        .status()
        .is_ok_and(|s| s.success());
    #[cfg(not(unix))]
    let fifo = false;
    let dir = c.p("txt");
    let mut needles = vec![
        format!(
            "{}:3: invalid UTF-8 at byte 31; file skipped",
            c.p("txt/bad-crlf.txt")
        ),
        format!(
            "{}:3: invalid UTF-8 at byte 29; file skipped",
            c.p("txt/bad-cr.txt")
        ),
        format!(
            "{}:4: article \"kosong\" has no text",
            c.p("txt/blank-cr.md")
        ),
        format!(
            "{}:2: binary file (NUL byte at byte {})",
            c.p("txt/nul.txt"),
            GOOD[5].len() + 6
        ),
        format!(
            "{}:3: binary file (NUL byte at byte 8)",
            c.p("txt/binary.txt")
        ),
        format!("{}: empty file", c.p("txt/empty.txt")),
    ];
    if fifo {
        needles.push(format!("{}: not a regular file", c.p("txt/pipe.txt")));
    }
    let pieces = needles.len();

    let (run, texts) = c.texts(&[&dir], &[]);
    run.skipped(pieces).says(&needles);
    assert_eq!(
        texts.keys().cloned().collect::<BTreeSet<_>>(),
        set(&["bom", "cr", "crlf", "good-lf"])
    );
    assert_eq!(
        texts["bom"],
        format!("{}\n", GOOD[4]),
        "BOM and front matter gone"
    );
    assert_eq!(texts["cr"], format!("{}\r", GOOD[3]));
    assert_eq!(texts["crlf"], format!("{}\r\n{}\r\n", GOOD[1], GOOD[2]));

    let run = c.run(&["claims", &dir, "--format", "json"]);
    run.skipped(pieces).says(&needles);
    let claims = run.json();
    let claims = claims.as_array().expect("an array");
    check_claims(claims, &texts);
    assert_eq!(docs(claims), ["bom", "cr", "crlf", "good-lf"].into());

    let run = c.run(&["report", &dir, "--format", "json"]);
    run.skipped(pieces).says(&needles);
    let report = run.json();
    assert_eq!(report["summary"]["articles"], 4);
    check_claims(report["claims"].as_array().expect("claims"), &texts);
    let lines: Vec<(String, Value)> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap_or("").to_string(),
                d["line"].clone(),
            )
        })
        .collect();
    assert!(
        lines.contains(&(c.p("txt/bad-cr.txt"), json!(3))),
        "{lines:?}"
    );
}

#[test]
fn jsonl_bom_crlf_non_objects_deep_nesting_and_text_types() {
    let mut c = Case::new();
    let deep = "[".repeat(100_000);
    let nested = format!("{deep}{}", "]".repeat(100_000));
    let lines = [
        format!("\u{feff}{}", json!({"id": "j1", "text": GOOD[0]})),
        "[1,2]".to_string(),
        "\"x\"".to_string(),
        "null".to_string(),
        "3".to_string(),
        deep.clone(),
        format!("{{\"id\": \"deep-text\", \"text\": {nested}}}"),
        // Valid JSON: an object whose text is a string; the nested field is not read.
        format!(
            "{{\"id\": \"deep-meta\", \"text\": {}, \"meta\": {nested}}}",
            json!(GOOD[1])
        ),
        json!({"id": "obj", "text": {"a": 1}}).to_string(),
        json!({"id": "arr", "text": ["a"]}).to_string(),
        json!({"id": "nul", "text": null}).to_string(),
        json!({"id": "bool", "text": true}).to_string(),
        // A byte-order mark inside the file, as `cat a.jsonl b.jsonl` leaves it.
        format!("\u{feff}{}", json!({"id": "j2", "text": GOOD[2]})),
        json!({"id": "j3", "text": GOOD[3]}).to_string(),
    ];
    let f = c.input("in.jsonl", lines.join("\r\n") + "\r\n");
    // Lone CR line ends are not JSON Lines: one malformed line.
    let cr = c.input(
        "cr.jsonl",
        format!(
            "{}\r{}\r",
            json!({"id": "c1", "text": GOOD[4]}),
            json!({"id": "c2", "text": GOOD[5]})
        ),
    );
    let mut needles: Vec<String> = [
        (2, "a JSON array is not an article object"),
        (3, "a JSON string is not an article object"),
        (4, "a JSON null is not an article object"),
        (5, "a JSON number is not an article object"),
        (6, "malformed JSON (recursion limit exceeded"),
        (7, "malformed JSON (recursion limit exceeded"),
        (9, "field \"text\" is not a string"),
        (10, "field \"text\" is not a string"),
        (11, "field \"text\" is not a string"),
        (12, "field \"text\" is not a string"),
    ]
    .iter()
    .map(|(line, m)| format!("{f}:{line}: {m}"))
    .collect();
    needles.push(format!("{cr}:1: malformed JSON (trailing characters"));
    needles.push("hint: the line holds a carriage return".to_string());
    let ids = set(&["deep-meta", "j1", "j2", "j3"]);

    let (run, texts) = c.texts(&[&f, &cr], &[]);
    run.skipped(11).says(&needles);
    assert_eq!(texts.keys().cloned().collect::<BTreeSet<_>>(), ids);
    assert!(!run.err.contains(&format!("{f}:13")), "{}", run.err);
    // Streaming reads the same, with the same messages.
    let stream = |mode| c.run(&["dedup", &f, &cr, "--format", "json", "--stream", mode]);
    let (streamed, in_memory) = (stream("always"), stream("never"));
    streamed.skipped(11).says(&needles);
    assert_eq!(streamed.articles(), 4);
    assert_eq!(streamed.err, in_memory.err);

    let run = c.run(&["claims", &f, &cr, "--format", "json"]);
    run.skipped(11).says(&needles);
    let claims = run.json();
    check_claims(claims.as_array().expect("an array"), &texts);
    assert_eq!(
        docs(claims.as_array().unwrap()),
        ["deep-meta", "j1", "j2", "j3"].into()
    );
}

#[test]
fn csv_bom_line_ends_ragged_rows_and_unterminated_quotes() {
    let mut c = Case::new();
    let berita = c.input(
        "berita.csv",
        format!(
            "\u{feff}id,source,text\r\n\
             a,Kompas,\"{}\"\r\n\
             \r\n\
             b,Detik,ragged,extra\r\n\
             c,Tempo,\"{} Dengan \"\"kutipan\"\" dan\r\nbaris kedua.\"\r\n\
             d,Antara,\"kutipan \"lepas\" di tengah\"\r\n\
             e,Kumparan,\"{}\"\r\n",
            GOOD[0], GOOD[1], GOOD[2]
        ),
    );
    let tail = c.input(
        "tail.csv",
        format!(
            "id,text\nf,\"{}\"\ng,\"dibuka tetapi tidak ditutup\nh,{}\n",
            GOOD[3], GOOD[4]
        ),
    );
    let cr = c.input(
        "cr.csv",
        format!("id,text\ri,\"{}\"\rj,x,y,z\rk,\"{}\"\r", GOOD[5], GOOD[6]),
    );
    let needles = [
        format!("{berita}:4: record has 4 fields, the header 3; skipped"),
        format!("{berita}:7: a quoted field has text after its closing quote"),
        format!(
            "{tail}:3: a quoted field opened here is never closed (it runs to the end of the file)"
        ),
        format!("{cr}:3: record has 4 fields, the header 2; skipped"),
    ];
    let (run, texts) = c.texts(&[&berita, &tail, &cr], &[]);
    run.skipped(4).says(&needles);
    assert_eq!(
        texts.keys().cloned().collect::<BTreeSet<_>>(),
        set(&["a", "c", "e", "f", "i", "k"])
    );
    assert_eq!(
        texts["c"],
        format!("{} Dengan \"kutipan\" dan\r\nbaris kedua.", GOOD[1])
    );

    let run = c.run(&["claims", &berita, &tail, &cr, "--format", "json"]);
    run.skipped(4).says(&needles);
    check_claims(run.json().as_array().expect("an array"), &texts);
}

#[test]
fn a_fifty_megabyte_line_is_skipped_with_its_size() {
    let mut c = Case::new();
    let big = &"kata ".repeat((50 << 20) / 5);
    c.input("big/huge.txt", big);
    c.input("big/good.txt", GOOD[0]);
    // Written by hand: the texts need no escaping, and serde_json is slow
    // on 50 MB in a debug build.
    let record = |id: &str, text: &str| format!("{{\"id\": \"{id}\", \"text\": \"{text}\"}}");
    // A line cut off inside a 20 MB string: the message must not echo it.
    let cut = format!("{{\"id\": \"cut\", \"text\": \"{}", "x".repeat(20 << 20));
    c.input(
        "big/records.jsonl",
        [
            record("r1", GOOD[1]),
            record("r2-huge", big),
            record("r3", GOOD[2]),
            cut,
            record("r5", GOOD[3]),
        ]
        .join("\n"),
    );
    let dir = c.p("big");
    let needles = [
        format!(
            "{}:1: article \"huge\" is 52428800 bytes, over --max-article-bytes 16777216; skipped",
            c.p("big/huge.txt")
        ),
        format!(
            "{}:2: article \"r2-huge\" is 52428800 bytes, over --max-article-bytes 16777216; skipped",
            c.p("big/records.jsonl")
        ),
        format!(
            "{}:4: malformed JSON (EOF while parsing a string",
            c.p("big/records.jsonl")
        ),
    ];
    let (run, texts) = c.texts(&[&dir], &[]);
    run.skipped(3).says(&needles);
    assert!(
        run.err.len() < 2000,
        "messages echo the input: {} bytes",
        run.err.len()
    );
    assert_eq!(
        texts.keys().cloned().collect::<BTreeSet<_>>(),
        set(&["good", "r1", "r3", "r5"])
    );
    let run = c.run(&["claims", &dir, "--format", "json"]);
    run.skipped(3).says(&needles);
    check_claims(run.json().as_array().expect("an array"), &texts);

    // A smaller --max-article-bytes: a moderately large article is skipped
    // and reported, the small ones kept; without the flag all are read.
    let mid = GOOD[4].repeat(100);
    c.input("small/mid.txt", &mid);
    c.input("small/a.txt", GOOD[5]);
    c.input(
        "small/records.jsonl",
        jsonl(&[
            json!({"id": "b", "text": GOOD[6]}),
            json!({"id": "mid-record", "text": mid}),
            json!({"id": "c", "text": GOOD[7]}),
        ]),
    );
    let small = c.p("small");
    let needles = [
        format!(
            "{}:1: article \"mid\" is {} bytes, over --max-article-bytes 4096; skipped",
            c.p("small/mid.txt"),
            mid.len()
        ),
        format!(
            "{}:2: article \"mid-record\" is {} bytes, over --max-article-bytes 4096; skipped",
            c.p("small/records.jsonl"),
            mid.len()
        ),
    ];
    let limit = ["--max-article-bytes", "4096"];
    let (run, texts) = c.texts(&[&small], &limit);
    run.skipped(2).says(&needles);
    assert_eq!(
        texts.keys().cloned().collect::<BTreeSet<_>>(),
        set(&["a", "b", "c"])
    );
    for cmd in ["claims", "report"] {
        let run = c.run(&[cmd, &small, "--format", "json", limit[0], limit[1]]);
        run.skipped(2).says(&needles);
    }
    let run = c.run(&["dedup", &small, "--format", "json"]);
    run.clean();
    assert_eq!(run.articles(), 5);
}

#[test]
fn html_with_scripts_styles_and_deep_nesting() {
    let mut c = Case::new();
    let depth = crosscheck::ingest::MAX_HTML_DEPTH;
    let article = format!("<p>{}</p><p>{}</p><p>{}</p>", GOOD[0], GOOD[1], GOOD[6]);
    c.input(
        "web/scripts.html",
        format!(
            "<html><head><title>Banjir</title>\
             <style>p::before {{ content: \"Sebanyak 777 korban\" }}</style>\
             <script>document.write('<p>Sebanyak 999 korban</p>'); var x = 1 < 2;</script>\
             </head><body><article>{article}\
             <script>alert(\"Sebanyak 888 korban\")</script><style>.a{{}}</style>\
             </article></body></html>"
        ),
    );
    // Deep, but within the limit: read.
    let within = depth - 10;
    c.input(
        "web/within.html",
        format!(
            "<html><body>{}<p>{}</p><p>{}</p>{}</body></html>",
            "<div>".repeat(within),
            GOOD[2],
            GOOD[3],
            "</div>".repeat(within)
        ),
    );
    c.input(
        "web/divs.html",
        format!(
            "<html><body>{article}{}x{}</body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        ),
    );
    // One tag a line: the message names the line where the limit is passed.
    c.input(
        "web/bold.html",
        format!(
            "<html>\n<body>\n{}{article}\n</body></html>\n",
            "<b>\n".repeat(100_000)
        ),
    );
    c.input(
        "web/mixed.html",
        format!(
            "<html><body>{}{article}",
            "<span><div><i><table><tr><td>".repeat(30_000)
        ),
    );
    c.input("web/note.txt", GOOD[4]);
    let dir = c.p("web");
    let needles = [
        format!(
            "{}:1: HTML elements nested deeper than {depth}; file skipped",
            c.p("web/divs.html")
        ),
        format!(
            "{}:{}: HTML elements nested deeper than {depth}; file skipped",
            c.p("web/bold.html"),
            2 + depth + 1
        ),
        format!(
            "{}:1: HTML elements nested deeper than {depth}",
            c.p("web/mixed.html")
        ),
    ];
    let (run, texts) = c.texts(&[&dir], &[]);
    run.skipped(3).says(&needles);
    assert_eq!(
        texts.keys().cloned().collect::<BTreeSet<_>>(),
        set(&["note", "scripts", "within"])
    );
    for n in ["777", "888", "999", "document.write", "content:"] {
        assert!(
            !texts["scripts"].contains(n),
            "{n} in {:?}",
            texts["scripts"]
        );
    }
    let run = c.run(&["claims", &dir, "--format", "json"]);
    run.skipped(3).says(&needles);
    let claims = run.json();
    let claims = claims.as_array().expect("an array");
    check_claims(claims, &texts);
    assert!(claims
        .iter()
        .any(|c| c["doc"] == "scripts" && c["text"] == "300 rumah"));
}

#[test]
fn unicode_spans_stay_on_char_boundaries() {
    let mut c = Case::new();
    let texts = [
        ("rtl", "قال المتحدث إن 300 شخص قتلوا و\u{200f} 45 جريحا. Sebanyak 57 anggota hadir \u{202e}terbalik\u{202c} dan 12 orang terluka."),
        ("zero-width", "Sebanyak 5\u{200b}7 anggota hadir. Ada 1\u{200d}2 orang dan \u{200b}\u{200b} 300 rumah\u{200c} terendam. \u{feff}40 persen warga mengungsi."),
        ("combining", "Sebanyak 5\u{301}7 anggota hadir. Kerugian Rp 1\u{308}.000 juta. Ada 12\u{300}\u{301}\u{302}\u{303} orang. e\u{301} 300 rumah rusak."),
        ("emoji", "🔥 Sebanyak 57 anggota 👨‍👩‍👧‍👦 hadir. Kerugian 💰 Rp 3,5 miliar 🇮🇩. 12🔥 orang tewas, 40% 😀 rumah rusak."),
        ("digits", "١٢٣ orang. ５７ anggota. Ⅻ orang. ²³ km. 4½ jam. 𝟓𝟕 orang. 3\u{a0}000 orang. 2\u{202f}500 orang."),
    ];
    let records: Vec<Value> = texts
        .iter()
        .map(|(id, t)| json!({"id": id, "text": t, "lang": "id"}))
        .collect();
    let f = c.input("u.jsonl", jsonl(&records));
    let t = c.input(
        "emoji-crlf.txt",
        "\u{feff}Judul 🚒\r\n\r\nSebanyak 57 anggota hadir 🎉 di Jl. Merdeka No. 5.\r\nKerugian Rp 1,5 miliar 💸.\r\n",
    );
    let (run, read) = c.texts(&[&f, &t], &[]);
    run.clean();
    assert_eq!(read.len(), texts.len() + 1);
    for (id, text) in texts {
        assert_eq!(read[id], text, "text kept as written");
    }
    let run = c.run(&["claims", &f, &t, "--format", "json"]);
    run.clean();
    let claims = run.json();
    let claims = claims.as_array().expect("an array");
    check_claims(claims, &read);
    assert_eq!(
        docs(claims).len(),
        texts.len() + 1,
        "every article has claims"
    );
    let run = c.run(&["report", &f, &t, "--format", "json"]);
    run.clean();
    check_claims(run.json()["claims"].as_array().expect("claims"), &read);
}

#[test]
fn hostile_numbers_give_finite_values_quickly() {
    let mut c = Case::new();
    let overflow = vec!["999"; 110].join(".");
    let numbers = c.input(
        "numbers.txt",
        format!(
            "Jumlahnya 1e309 orang. Ada 999999999999999999999999 warga. Kadar 0,0000001 persen. \
             Versi 1.2.3.4 dirilis. Suhu --5 derajat. Kerugian Rp {overflow} triliun. \
             Sebanyak {overflow} orang tewas. Dana US$ {} billion. Sebanyak 57 anggota hadir.",
            vec!["999"; 110].join(",")
        ),
    );
    let many: Vec<String> = (0..10_000).map(|i| i.to_string()).collect();
    let many = c.input(
        "many.txt",
        format!("Sebanyak {} orang hadir.", many.join(" ")),
    );
    let start = Instant::now();
    let (run, texts) = c.texts(&[&numbers, &many], &[]);
    run.clean();
    let run = c.run(&["claims", &numbers, &many, "--format", "json"]);
    run.clean();
    let claims = run.json();
    let claims = claims.as_array().expect("an array");
    check_claims(claims, &texts);
    let of = |doc: &str| -> Vec<&Value> { claims.iter().filter(|c| c["doc"] == doc).collect() };
    let stated = of("numbers");
    assert!(stated.iter().all(|c| {
        let t = c["text"].as_str().unwrap_or("");
        !t.contains("999.999") && !t.contains("999,999")
    }));
    assert!(stated
        .iter()
        .any(|c| c["text"] == "0,0000001 persen" && c["low"] == 1e-7));
    assert!(stated
        .iter()
        .any(|c| c["text"] == "57 anggota" && c["low"] == 57.0));
    assert!(of("many").len() > 1000);
    let run = c.run(&["report", &numbers, &many, "--format", "json"]);
    run.clean();
    check_claims(run.json()["claims"].as_array().expect("claims"), &texts);
    assert!(
        start.elapsed() < Duration::from_secs(30),
        "took {:?}",
        start.elapsed()
    );
}

#[test]
fn a_hundred_thousand_one_word_articles() {
    let mut c = Case::new();
    let records = |n: usize| -> String {
        (0..n)
            .map(|i| format!("{{\"id\": \"w{i:06}\", \"text\": \"kata{i}\"}}\n"))
            .collect()
    };
    let f = c.input("words.jsonl", records(100_000));
    let run = c.run(&["dedup", &f, "--format", "json"]);
    run.clean();
    let summary = &run.json()["summary"];
    assert_eq!(summary["articles"], 100_000);
    assert_eq!(summary["clusters"], 0);
    let run = c.run(&["claims", &f, "--format", "json"]);
    run.clean();
    assert_eq!(run.json(), json!([]));
    // `report` groups stories as well: 10,000 keep it to a few seconds in a
    // debug build.
    let g = c.input("words-10k.jsonl", records(10_000));
    let run = c.run(&["report", &g, "--format", "json"]);
    run.clean();
    let report = run.json();
    assert_eq!(report["summary"]["articles"], 10_000);
    assert_eq!(report["documents"].as_array().map(Vec::len), Some(10_000));
}

#[test]
fn a_skewed_lsh_bucket_is_chained_not_expanded() {
    // 20,000 copies of one word from 20,000 outlets (so no line is
    // boilerplate): one band bucket of 20,000. Expanded it would be 2×10⁸
    // pairs; chained past --max-bucket it stays linear.
    let mut c = Case::new();
    let n = 20_000usize;
    let f = c.input(
        "same.jsonl",
        (0..n)
            .map(|i| {
                format!(
                    "{}\n",
                    json!({"id": format!("s{i:05}"), "source": format!("outlet{i}"), "text": "banjir"})
                )
            })
            .collect::<String>(),
    );
    let run = c.run(&["dedup", &f, "--format", "json"]);
    run.clean();
    let summary = &run.json()["summary"];
    assert_eq!(summary["clusters"], 1);
    assert_eq!(summary["clustered_articles"], n);
    let pairs = summary["candidate_pairs"].as_u64().expect("pairs");
    assert!(pairs < 3 * n as u64, "{pairs} candidate pairs");
}

#[test]
fn duplicate_ids_across_files_and_formats() {
    let mut c = Case::new();
    c.input(
        "dup/a.md",
        format!("---\nid: x\nsource: Kompas\n---\n{}", GOOD[0]),
    );
    c.input(
        "dup/b.jsonl",
        jsonl(&[
            json!({"id": "y", "text": GOOD[1]}),
            json!({"id": "x", "source": "Kompas", "text": GOOD[0]}),
        ]),
    );
    let dir = c.p("dup");
    let (run, texts) = c.texts(&[&dir], &[]);
    run.clean().says(&[format!(
        "notice: {}:2: article \"x\" repeats the identical record at {}:5; merged",
        c.p("dup/b.jsonl"),
        c.p("dup/a.md")
    )]);
    assert_eq!(
        texts.keys().cloned().collect::<BTreeSet<_>>(),
        set(&["x", "y"])
    );

    // A CSV record under the same id with another text: an error naming both places.
    c.input(
        "dup/c.csv",
        format!(
            "id,source,text\r\nz,Tempo,\"{}\"\r\nx,Tempo,\"{}\"\r\n",
            GOOD[2], GOOD[3]
        ),
    );
    let needles = [format!(
        "error: {}:3: duplicate id \"x\": this record differs from the one at {}:5; skipped",
        c.p("dup/c.csv"),
        c.p("dup/a.md")
    )];
    let (run, texts) = c.texts(&[&dir], &[]);
    run.skipped(1).says(&needles);
    assert_eq!(texts["x"], GOOD[0], "the earliest place is kept");
    assert_eq!(texts.len(), 3);
    for cmd in ["claims", "report"] {
        c.run(&[cmd, &dir, "--format", "json"])
            .skipped(1)
            .says(&needles);
    }
}

#[test]
fn an_interrupted_run_leaves_the_previous_output_intact() {
    let mut c = Case::new();
    let good = c.input(
        "good.jsonl",
        jsonl(&[
            json!({"id": "a", "source": "Kompas", "text": GOOD[0]}),
            json!({"id": "b", "source": "Tempo", "text": GOOD[0]}),
            json!({"id": "c", "source": "Detik", "text": GOOD[1]}),
        ]),
    );
    let report = c.o("report.json");
    c.run(&["report", &good, "--format", "json", "-o", &report])
        .clean();
    let unique = c.o("unique.jsonl");
    c.run(&[
        "dedup",
        &good,
        "--emit-unique",
        &unique,
        "-o",
        &c.o("clusters.json"),
    ])
    .clean();
    let before = |p: &str| std::fs::read(p).expect("previous output");
    let (old_report, old_unique) = (before(&report), before(&unique));

    // Fails while reading: a path that does not exist, after a good one.
    let missing = c.p("missing.jsonl");
    let run = c.run(&["report", &good, &missing, "--format", "json", "-o", &report]);
    assert_eq!(run.code, 2);
    run.says(&[format!("error: {missing}: No such file")]);
    assert_eq!(before(&report), old_report);

    // Fails while writing: the clusters are written, then --pairs-out cannot
    // replace a folder, and --emit-unique is never reached.
    let folder = c.o("pairs");
    std::fs::create_dir(&folder).expect("folder");
    let run = c.run(&[
        "dedup",
        &good,
        "--format",
        "json",
        "-o",
        &c.o("clusters.json"),
        "--pairs-out",
        &folder,
        "--emit-unique",
        &unique,
    ]);
    assert_eq!(run.code, 2, "{}", run.err);
    run.says(&[format!("error: {folder}: ")]);
    assert_eq!(before(&unique), old_unique);
    let clusters: Value =
        serde_json::from_slice(&before(&c.o("clusters.json"))).expect("the clusters file is whole");
    assert_eq!(clusters["summary"]["articles"], 3);

    // Fails before writing: the output folder does not exist.
    let nowhere = c.o("no/such/folder/report.json");
    let run = c.run(&["report", &good, "--format", "json", "-o", &nowhere]);
    assert_eq!(run.code, 2);
    assert!(!Path::new(&nowhere).exists());
    assert_eq!(before(&report), old_report);
}

#[test]
fn control_sequences_in_articles_never_reach_the_terminal() {
    let mut lab = Case::new();
    // An OSC title change, a screen clear, a cursor move, a conceal and a
    // C1 control, in a title, a source, an id and the body of two reports
    // of one story that disagree.
    let evil = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}[H\u{1b}[8m\u{9b}31m";
    let body = |n: u32| {
        format!(
            "Banjir bandang di Sukabumi{evil} menewaskan {n} orang pada Kamis. Badan Penanggulangan \
             Bencana Daerah Sukabumi mencatat {n} orang tewas dan ratusan rumah rusak di tiga kecamatan."
        )
    };
    let a = lab.input(
        "a.md",
        format!(
            "---\nid: a{evil}\nsource: Kompas{evil}\ntitle: Banjir{evil}\n---\n{}",
            body(8)
        ),
    );
    let b = lab.input(
        "b.md",
        format!(
            "---\nid: b\nsource: Detik\ntitle: Banjir Sukabumi{evil}\n---\n{}",
            body(10)
        ),
    );
    let runs = [
        lab.run(&["report", "--format", "text", &a, &b]),
        lab.run(&["report", "--format", "markdown", &a, &b]),
        lab.run(&["report", "--format", "text", "--color", "always", &a, &b]),
        lab.run(&["dedup", &a, &b]),
        lab.run(&["claims", "--format", "text", &a, &b]),
    ];
    let mut outputs: Vec<(String, String)> = runs
        .iter()
        .map(|r| (r.out.clone(), r.err.clone()))
        .collect();
    // `check` finds the conflict (exit 1) and prints it in the same safe way.
    // (`--min-confidence 0`: the two bodies differ only in the figure, and this test is about what
    // reaches the terminal, not about how likely the dispute is.)
    let (code, out, err) =
        crate::util::run(&["check", "--format", "text", "--min-confidence", "0", &a, &b]);
    assert_eq!(code, 1, "{err}");
    outputs.push((out, err));
    for (k, (out, err)) in outputs.iter().enumerate() {
        for (what, s) in [("stdout", out), ("stderr", err)] {
            let bad = s
                .char_indices()
                .filter(|&(_, c)| c.is_control() && c != '\n' && c != '\t')
                .find(|&(at, c)| {
                    // Only colour sequences crosscheck writes, when asked for colour.
                    !(k == 2 && c == '\u{1b}' && s[at..].starts_with("\u{1b}[") && {
                        let code = &s[at + 2..s[at..].find('m').map_or(at + 2, |m| at + m)];
                        !code.split(';').any(|x| x == "8" || x.is_empty())
                    })
                });
            assert!(
                bad.is_none(),
                "run {k} {what} has a control character: {bad:?}\n{s}"
            );
        }
    }
    assert!(
        runs[0].out.contains('␛'),
        "the escapes are shown:\n{}",
        runs[0].out
    );
}
