//! Bad input: reported with file and line, skipped, the rest still read, exit status 2.

use std::path::Path;

use serde_json::Value;

use crate::util::run;

const BODY: &str = "Badan Nasional Penanggulangan Bencana mencatat banjir merendam ratusan rumah warga di tiga kecamatan.";

fn articles_read(out: &str) -> u64 {
    let v: Value = serde_json::from_str(out).expect("json on stdout");
    v["summary"]["articles"].as_u64().expect("count")
}

fn dedup_json(path: &Path) -> (i32, String, String) {
    run(&["dedup", path.to_str().unwrap(), "--format", "json"])
}

#[test]
fn a_folder_with_bad_files_reads_the_good_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    std::fs::write(d.join("good1.txt"), BODY).unwrap();
    std::fs::write(
        d.join("good2.md"),
        format!("---\nid: dua\nsource: Kompas\n---\n{BODY} Dua."),
    )
    .unwrap();
    let mut bad = b"Baris pertama.\nBaris kedua \xff\xfe rusak.\n".to_vec();
    bad.extend_from_slice(BODY.as_bytes());
    std::fs::write(d.join("bad-utf8.txt"), &bad).unwrap();
    std::fs::write(d.join("empty.txt"), "").unwrap();
    std::fs::write(d.join("blank.txt"), "  \n\n ").unwrap();
    std::fs::write(d.join("binary.txt"), b"\x00\x01\x02PNG").unwrap();
    std::fs::write(d.join("unclosed.md"), "---\nid: x\nno end\n").unwrap();
    std::fs::write(d.join("notes.pdf"), b"%PDF").unwrap();
    let before: Vec<(String, Vec<u8>)> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (p.display().to_string(), std::fs::read(&p).unwrap())
        })
        .collect();
    let (code, out, err) = dedup_json(d);
    assert_eq!(code, 2, "{err}");
    assert_eq!(articles_read(&out), 2);
    assert!(
        err.contains("bad-utf8.txt:2: invalid UTF-8 at byte 27"),
        "{err}"
    );
    assert!(err.contains("empty.txt: empty file"), "{err}");
    assert!(
        err.contains("blank.txt:1: article \"blank\" has no text"),
        "{err}"
    );
    assert!(
        err.contains("binary.txt:1: binary file (NUL byte at byte 0)"),
        "{err}"
    );
    assert!(err.contains("unclosed.md:1: front matter"), "{err}");
    assert!(
        !err.contains("notes.pdf"),
        "unknown extensions in folders are ignored: {err}"
    );
    // Inputs are never modified.
    for (p, bytes) in before {
        assert_eq!(std::fs::read(&p).unwrap(), bytes, "{p} changed");
    }
}

#[test]
fn jsonl_bad_lines_are_skipped_with_their_line_numbers() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("in.jsonl");
    let mut s = String::new();
    s.push_str(&format!(
        "{}\n",
        serde_json::json!({"id": "a", "text": BODY})
    ));
    s.push_str("{\"id\": \"b\", \"text\": \n");
    s.push_str("[1, 2, 3]\n");
    s.push('\n');
    s.push_str(&format!(
        "{}\n",
        serde_json::json!({"id": "c", "body": BODY})
    ));
    s.push_str(&format!("{}\n", serde_json::json!({"id": "d", "text": 5})));
    s.push_str(&format!(
        "{}\n",
        serde_json::json!({"id": 7, "text": format!("{BODY} Tujuh.")})
    ));
    s.push_str(&format!("{}\n", serde_json::json!({"id": "e", "text": ""})));
    let mut bytes = s.into_bytes();
    bytes.extend_from_slice(b"{\"id\": \"f\", \"text\": \"\xc3\x28\"}\n");
    bytes.extend_from_slice(
        format!(
            "{}",
            serde_json::json!({"text": format!("{BODY} Tanpa id.")})
        )
        .as_bytes(),
    );
    std::fs::write(&f, &bytes).unwrap();
    let (code, out, err) = dedup_json(&f);
    assert_eq!(code, 2, "{err}");
    assert_eq!(articles_read(&out), 3, "a, 7 and the id-less line: {err}");
    for needle in [
        "in.jsonl:2: malformed JSON",
        "in.jsonl:3: a JSON array is not an article object",
        "in.jsonl:5: no \"text\" field",
        "in.jsonl:6: field \"text\" is not a string",
        "in.jsonl:8: article \"e\" has no text",
        "in.jsonl:9: invalid UTF-8",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in {err}");
    }
    assert!(
        !err.contains("in.jsonl:4"),
        "blank lines are not errors: {err}"
    );
}

#[test]
fn csv_with_bom_multiline_bodies_and_ragged_rows() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("berita.csv");
    let csv = format!(
        "\u{feff}sumber,url,judul,tanggal_publikasi,isi_berita\r\n\
         kompas.com,https://k.example/1,Banjir,\"Kompas.com- 18/06/2025, 21:35 WIB\",\"{BODY}\nParagraf kedua, dengan \"\"kutipan\"\".\"\r\n\
         detik.com,https://d.example/2,Ragged\r\n\
         tempo.co,https://t.example/3,Gempa,18 Juni 2025 | 20.04 WIB,\"{BODY} Gempa.\"\r\n"
    );
    std::fs::write(&f, csv).unwrap();
    let (code, out, err) = run(&[
        "dedup",
        f.to_str().unwrap(),
        "--format",
        "json",
        "--id-field",
        "url",
        "--text-field",
        "isi_berita",
        "--source-field",
        "sumber",
        "--date-field",
        "tanggal_publikasi",
        "--emit-unique",
        tmp.path().join("u.jsonl").to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(articles_read(&out), 2);
    assert!(
        // Line 4: the first record's body spans lines 2 and 3.
        err.contains("berita.csv:4: record has 3 fields, the header 5"),
        "{err}"
    );
    let unique = std::fs::read_to_string(tmp.path().join("u.jsonl")).unwrap();
    let first: Value = serde_json::from_str(unique.lines().next().unwrap()).unwrap();
    assert_eq!(first["id"], "https://k.example/1");
    assert_eq!(first["source"], "kompas.com");
    assert_eq!(first["published"], "2025-06-18T21:35+07:00");
    assert!(first["text"]
        .as_str()
        .unwrap()
        .contains("\nParagraf kedua, dengan \"kutipan\"."));
}

#[test]
fn a_missing_text_column_names_the_columns() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("x.csv");
    std::fs::write(&f, "a,b\n1,2\n").unwrap();
    let (code, _, err) = dedup_json(&f);
    assert_eq!(code, 2);
    assert!(
        err.contains("x.csv:1: no column named \"text\" (columns: a, b)"),
        "{err}"
    );
    assert!(err.contains("hint: name the body column with --text-field"));
}

#[test]
fn duplicate_ids_merge_when_identical_and_fail_when_different() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a.jsonl");
    let b = tmp.path().join("b.jsonl");
    std::fs::write(
        &a,
        format!("{}\n", serde_json::json!({"id": "x", "text": BODY})),
    )
    .unwrap();
    std::fs::write(
        &b,
        format!("{}\n", serde_json::json!({"id": "x", "text": BODY})),
    )
    .unwrap();
    let (code, out, err) = run(&[
        "dedup",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(articles_read(&out), 1);
    assert!(err.contains("notice:") && err.contains("merged"), "{err}");

    std::fs::write(
        &b,
        format!(
            "{}\n",
            serde_json::json!({"id": "x", "text": format!("{BODY} Lain.")})
        ),
    )
    .unwrap();
    for order in [[&a, &b], [&b, &a]] {
        let (code, out, err) = run(&[
            "dedup",
            order[0].to_str().unwrap(),
            order[1].to_str().unwrap(),
            "--format",
            "json",
        ]);
        assert_eq!(code, 2, "{err}");
        assert_eq!(articles_read(&out), 1);
        // The earliest place (by path) is kept; the message names both places.
        assert!(
            err.contains(&format!(
                "{}:1: duplicate id \"x\": this record differs from the one at {}:1",
                b.display(),
                a.display()
            )),
            "{err}"
        );
    }
}

#[test]
fn output_never_overwrites_an_input() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("in.jsonl");
    let content = format!("{}\n", serde_json::json!({"id": "x", "text": BODY}));
    std::fs::write(&f, &content).unwrap();
    let (code, _, err) = run(&["dedup", f.to_str().unwrap(), "-o", f.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("refusing to overwrite the input"), "{err}");
    let (code, _, _) = run(&[
        "dedup",
        f.to_str().unwrap(),
        "--emit-unique",
        f.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert_eq!(std::fs::read_to_string(&f).unwrap(), content);
}

#[test]
fn stdin_is_json_lines() {
    let input = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "a", "text": BODY}),
        serde_json::json!({"id": "b", "text": BODY})
    );
    let out = crate::util::bin()
        .args(["dedup", "-", "--format", "json"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["clusters"][0]["members"], serde_json::json!(["a", "b"]));
}
