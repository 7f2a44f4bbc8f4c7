//! The Spark path: `crosscheck sign` and `dedup --clusters`. The Spark job
//! itself runs in `scripts/spark-parity.sh` (CI's Spark step); here its
//! tables are checked against `dedup` without a JVM.

#[cfg(not(feature = "parquet"))]
#[test]
fn without_the_feature_sign_and_clusters_say_how_to_enable_it() {
    use crate::util::{corpus, run};
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("signed");
    let c = corpus();
    let (code, _, err) = run(&["sign", c.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--features parquet"), "{err}");
    assert!(!out.exists());
    let (code, _, err) = run(&[
        "dedup",
        "--clusters",
        dir.path().to_str().unwrap(),
        c.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--features parquet"), "{err}");
    let (code, _, err) = run(&[
        "report",
        "--clusters",
        dir.path().to_str().unwrap(),
        c.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--features parquet"), "{err}");
}

#[cfg(feature = "parquet")]
mod with_parquet {
    use std::collections::{BTreeMap, BTreeSet};
    use std::fs::File;
    use std::path::Path;
    use std::sync::Arc;

    use parquet::data_type::{ByteArray, ByteArrayType, DoubleType};
    use parquet::file::properties::WriterProperties;
    use parquet::file::reader::FileReader;
    use parquet::file::serialized_reader::SerializedFileReader;
    use parquet::file::writer::SerializedFileWriter;
    use parquet::record::{Field, Row};
    use parquet::schema::parser::parse_message_type;
    use serde_json::Value;

    use crate::util::{corpus, run};

    fn rows(dir: &Path) -> Vec<Row> {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("table folder")
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        let mut out = Vec::new();
        for f in files {
            let r = SerializedFileReader::new(File::open(&f).expect("open")).expect("parquet");
            out.extend(r.get_row_iter(None).expect("rows").map(|r| r.expect("row")));
        }
        out
    }

    fn field<'a>(row: &'a Row, name: &str) -> &'a Field {
        row.get_column_iter()
            .find(|(n, _)| n.as_str() == name)
            .map(|(_, f)| f)
            .unwrap_or_else(|| panic!("no column {name}"))
    }

    fn int(row: &Row, name: &str) -> i64 {
        match field(row, name) {
            Field::Int(v) => i64::from(*v),
            Field::Long(v) => *v,
            f => panic!("{name}: {f:?}"),
        }
    }

    fn dedup_json(extra: &[&str]) -> Value {
        let c = corpus();
        let mut args = vec!["dedup", c.to_str().unwrap(), "--format", "json"];
        args.extend_from_slice(extra);
        let (code, out, err) = run(&args);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str(&out).expect("json")
    }

    /// The LSH candidates and verified pairs a Spark job would build from the
    /// tables (no bucket reaches the cap on the fixtures), as article ids.
    #[test]
    fn signed_tables_give_dedups_candidates_and_pairs() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("signed");
        let c = corpus();
        let (code, _, err) = run(&[
            "sign",
            c.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--shards",
            "3",
        ]);
        assert_eq!(code, 0, "{err}");
        let manifest: Value = serde_json::from_str(
            &std::fs::read_to_string(out.join("manifest.json")).expect("manifest"),
        )
        .expect("json");
        assert_eq!(manifest["format"], "crosscheck-sign");
        assert_eq!(manifest["shards"], 3);
        assert_eq!(manifest["articles"], 62);
        assert_eq!(
            (manifest["bands"].as_u64(), manifest["rows"].as_u64()),
            (Some(16), Some(6))
        );
        assert_eq!(std::fs::read_dir(out.join("bands")).unwrap().count(), 3);

        let docs = rows(&out.join("documents"));
        let ids: Vec<String> = docs
            .iter()
            .map(|r| match field(r, "id") {
                Field::Str(s) => s.clone(),
                f => panic!("id: {f:?}"),
            })
            .collect();
        assert_eq!(ids.len(), 62);
        assert!(
            ids.windows(2).all(|w| w[0] < w[1]),
            "doc_id order is id order"
        );
        assert!(docs
            .iter()
            .enumerate()
            .all(|(i, r)| int(r, "doc_id") == i as i64));

        let mut buckets: BTreeMap<(i64, i64), Vec<i64>> = BTreeMap::new();
        for r in rows(&out.join("bands")) {
            buckets
                .entry((int(&r, "band"), int(&r, "band_hash")))
                .or_default()
                .push(int(&r, "doc_id"));
        }
        assert_eq!(buckets.values().map(Vec::len).sum::<usize>(), 62 * 16);
        let mut candidates = BTreeSet::new();
        for b in buckets.values() {
            for (x, &i) in b.iter().enumerate() {
                for &j in &b[x + 1..] {
                    candidates.insert((i.min(j), i.max(j)));
                }
            }
        }
        let mut sets: BTreeMap<i64, BTreeSet<i64>> = BTreeMap::new();
        for r in rows(&out.join("shingles")) {
            let Field::ListInternal(list) = field(&r, "shingles") else {
                panic!("shingles is a list");
            };
            let set = list
                .elements()
                .iter()
                .map(|f| match f {
                    Field::Long(v) => *v,
                    f => panic!("{f:?}"),
                })
                .collect();
            sets.insert(int(&r, "doc_id"), set);
        }
        let verified: BTreeSet<(String, String)> = candidates
            .iter()
            .filter(|(i, j)| {
                let (a, b) = (&sets[i], &sets[j]);
                let common = a.intersection(b).count();
                common as f64 / (a.len() + b.len() - common) as f64 >= 0.8
            })
            .map(|&(i, j)| (ids[i as usize].clone(), ids[j as usize].clone()))
            .collect();

        let local = dedup_json(&[]);
        assert_eq!(
            local["summary"]["candidate_pairs"].as_u64(),
            Some(candidates.len() as u64)
        );
        let want: BTreeSet<(String, String)> = local["clusters"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|c| c["pairs"].as_array().unwrap().iter())
            .map(|p| {
                (
                    p["a"].as_str().unwrap().into(),
                    p["b"].as_str().unwrap().into(),
                )
            })
            .collect();
        assert!(!want.is_empty());
        assert_eq!(verified, want);
    }

    #[test]
    fn sign_output_does_not_depend_on_threads() {
        let dir = tempfile::tempdir().expect("tempdir");
        let c = corpus();
        for j in ["1", "2"] {
            let out = dir.path().join(j);
            let (code, _, err) = run(&[
                "-j",
                j,
                "sign",
                c.to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
                "--shards",
                "2",
            ]);
            assert_eq!(code, 0, "{err}");
        }
        for table in ["documents", "bands", "shingles"] {
            for part in ["part-00000.parquet", "part-00001.parquet"] {
                let read =
                    |j: &str| std::fs::read(dir.path().join(j).join(table).join(part)).unwrap();
                assert_eq!(read("1"), read("2"), "{table}/{part}");
            }
        }
    }

    #[test]
    fn sign_replaces_its_own_output_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        let c = corpus();
        let out = dir.path().join("signed");
        let sign = |o: &Path| {
            run(&[
                "sign",
                c.to_str().unwrap(),
                "--out",
                o.to_str().unwrap(),
                "-q",
            ])
        };
        assert_eq!(sign(&out).0, 0);
        assert_eq!(sign(&out).0, 0, "an earlier sign output is replaced");
        let other = dir.path().join("other");
        std::fs::create_dir(&other).unwrap();
        std::fs::write(other.join("keep.txt"), "mine").unwrap();
        let (code, _, err) = sign(&other);
        assert_eq!(code, 2);
        assert!(err.contains("refusing to replace"), "{err}");
        assert_eq!(
            std::fs::read_to_string(other.join("keep.txt")).unwrap(),
            "mine"
        );
        let leftovers = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with('.')
            })
            .count();
        assert_eq!(leftovers, 0, "no temporary folder left behind");
    }

    fn write_strings(path: &Path, columns: &[&str], rows: &[Vec<String>], jaccard: Option<&[f64]>) {
        let mut schema = String::from("message spark_schema {");
        for c in columns {
            schema.push_str(&format!(" optional binary {c} (UTF8);"));
        }
        if jaccard.is_some() {
            schema.push_str(" optional double jaccard;");
        }
        schema.push('}');
        let schema = Arc::new(parse_message_type(&schema).unwrap());
        let props = Arc::new(WriterProperties::builder().build());
        let mut w = SerializedFileWriter::new(File::create(path).unwrap(), schema, props).unwrap();
        let mut rg = w.next_row_group().unwrap();
        let def = vec![1i16; rows.len()];
        for k in 0..columns.len() {
            let vals: Vec<ByteArray> = rows
                .iter()
                .map(|r| ByteArray::from(r[k].as_bytes().to_vec()))
                .collect();
            let mut col = rg.next_column().unwrap().unwrap();
            col.typed::<ByteArrayType>()
                .write_batch(&vals, Some(&def), None)
                .unwrap();
            col.close().unwrap();
        }
        if let Some(j) = jaccard {
            let mut col = rg.next_column().unwrap().unwrap();
            col.typed::<DoubleType>()
                .write_batch(j, Some(&def), None)
                .unwrap();
            col.close().unwrap();
        }
        rg.close().unwrap();
        w.close().unwrap();
    }

    /// A Spark-shaped output folder made from `dedup`'s own clusters.
    fn spark_output(dir: &Path, local: &Value, keep: &str) {
        let clusters = local["clusters"].as_array().unwrap();
        let mut assign = Vec::new();
        let mut pairs = Vec::new();
        let mut jac = Vec::new();
        for c in clusters {
            let members: Vec<String> = c["members"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m.as_str().unwrap().to_string())
                .collect();
            for m in &members {
                assign.push(vec![
                    m.clone(),
                    members[0].clone(),
                    c["representative"].as_str().unwrap().to_string(),
                ]);
            }
            for p in c["pairs"].as_array().unwrap() {
                pairs.push(vec![
                    p["a"].as_str().unwrap().to_string(),
                    p["b"].as_str().unwrap().to_string(),
                ]);
                jac.push(p["jaccard"].as_f64().unwrap());
            }
        }
        for t in ["clusters", "pairs", "summary"] {
            std::fs::create_dir_all(dir.join(t)).unwrap();
            std::fs::write(dir.join(t).join("_SUCCESS"), "").unwrap();
        }
        write_strings(
            &dir.join("clusters/part-00000-x.snappy.parquet"),
            &["doc_id", "cluster_id", "representative"],
            &assign,
            None,
        );
        write_strings(
            &dir.join("pairs/part-00000-x.snappy.parquet"),
            &["a", "b"],
            &pairs,
            Some(&jac),
        );
        let s = &local["summary"];
        let summary = serde_json::json!({
            "threshold": s["threshold"], "ngram": s["ngram"], "num_perm": s["num_perm"],
            "bands": s["bands"], "rows": s["rows"], "max_bucket": 200, "keep": keep,
            "articles": s["articles"], "candidate_pairs": s["candidate_pairs"],
            "verified_pairs": s["verified_pairs"],
        });
        std::fs::write(dir.join("summary/part-00000-x.txt"), format!("{summary}\n")).unwrap();
    }

    #[test]
    fn dedup_with_clusters_reproduces_dedups_report() {
        for keep in ["earliest", "longest"] {
            let local = dedup_json(&["--keep", keep]);
            let dir = tempfile::tempdir().expect("tempdir");
            spark_output(dir.path(), &local, keep);
            let from_spark =
                dedup_json(&["--keep", keep, "--clusters", dir.path().to_str().unwrap()]);
            assert_eq!(from_spark, local, "--keep {keep}");
        }
    }

    #[test]
    fn dedup_with_clusters_refuses_other_inputs_and_settings() {
        let local = dedup_json(&[]);
        let dir = tempfile::tempdir().expect("tempdir");
        spark_output(dir.path(), &local, "earliest");
        let c = corpus();
        let d = dir.path().to_str().unwrap();
        let (code, _, err) = run(&[
            "dedup",
            "--clusters",
            d,
            c.to_str().unwrap(),
            "--threshold",
            "0.9",
        ]);
        assert_eq!(code, 2);
        assert!(err.contains("--threshold 0.8 (here 0.9)"), "{err}");
        let one = c.join("en-border-talks.ap.txt");
        let (code, _, err) = run(&["dedup", "--clusters", d, one.to_str().unwrap()]);
        assert_eq!(code, 2);
        assert!(err.contains("is not in the input"), "{err}");
        let empty = tempfile::tempdir().expect("tempdir");
        let (code, _, err) = run(&[
            "dedup",
            "--clusters",
            empty.path().to_str().unwrap(),
            c.to_str().unwrap(),
        ]);
        assert_eq!(code, 2);
        assert!(err.contains("not an output of"), "{err}");
    }
}
