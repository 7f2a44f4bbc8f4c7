//! Clusters computed elsewhere (the Spark job), read back as a [`Dedup`].
//!
//! `contrib/spark/crosscheck_lsh.py` writes, into its output folder:
//!
//! ```text
//! OUT/clusters/*.parquet  doc_id (string: article id), cluster_id (string: id of the
//!                         cluster's first member in id order), representative (string)
//! OUT/pairs/*.parquet     a, b (strings, a < b in id order), jaccard (double): verified pairs
//! OUT/summary/*.txt       one JSON line: the settings from `sign`'s manifest and the counts
//! ```
//!
//! [`dedup_from_table`] turns such a table into the very value
//! [`par_dedup`](crate::dedup::par_dedup) returns for the same corpus:
//! members are taken from the table, the representative too (the Spark job
//! applies the `--keep` rule), and every Jaccard is recomputed here from the
//! local shingle sets. Ids that are not in the corpus, an article in two
//! clusters, or settings that differ from this run's are errors: they mean
//! the clusters were computed from another input or with other flags.

use std::collections::BTreeMap;

use serde::Deserialize;
use xxhash_rust::xxh3::xxh3_64;

use crate::dedup::{Cluster, Dedup, DedupOptions, Member, Pair, Summary};
use crate::error::{Error, Result};
use crate::ingest::Article;
use crate::shingle::jaccard;
use crate::sign::keep_name;

/// One row of the clusters table: an article and its cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    /// Article id.
    pub id: String,
    /// Cluster label (any string shared by the cluster's members).
    pub cluster: String,
    /// Id of the cluster's representative.
    pub representative: String,
}

/// Settings and counts of the distributed run (`OUT/summary`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct RunInfo {
    /// Jaccard threshold.
    pub threshold: f64,
    /// Words per shingle.
    pub ngram: usize,
    /// Permutations.
    pub num_perm: usize,
    /// Bands.
    pub bands: usize,
    /// Rows per band.
    pub rows: usize,
    /// Bucket cap.
    pub max_bucket: usize,
    /// Representative rule.
    pub keep: String,
    /// Candidate pairs the run built.
    pub candidate_pairs: usize,
}

/// What a distributed run hands back.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClusterTable {
    /// Where it was read from (for messages).
    pub origin: String,
    /// One row per clustered article.
    pub assignments: Vec<Assignment>,
    /// The verified pairs, when the run wrote them; otherwise every pair of
    /// members at or above the threshold is taken.
    pub pairs: Option<Vec<(String, String)>>,
    /// Settings and counts, when the run wrote them.
    pub run: Option<RunInfo>,
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn bad(origin: &str, msg: String) -> Error {
    Error::Usage(format!("--clusters {origin}: {msg}"))
}

/// Checks that the run used the settings of this one.
fn check_settings(origin: &str, run: &RunInfo, opts: &DedupOptions) -> Result<()> {
    let p = opts.lsh_params();
    let mut diffs = Vec::new();
    if run.threshold != opts.threshold {
        diffs.push(format!(
            "--threshold {} (here {})",
            run.threshold, opts.threshold
        ));
    }
    if run.ngram != opts.ngram {
        diffs.push(format!("--ngram {} (here {})", run.ngram, opts.ngram));
    }
    if run.num_perm != opts.num_perm.count() {
        diffs.push(format!(
            "--num-perm {} (here {})",
            run.num_perm,
            opts.num_perm.count()
        ));
    }
    if (run.bands, run.rows) != (p.bands, p.rows) {
        diffs.push(format!(
            "{} bands × {} rows (here {} × {})",
            run.bands, run.rows, p.bands, p.rows
        ));
    }
    if run.max_bucket != opts.max_bucket.max(2) {
        diffs.push(format!(
            "--max-bucket {} (here {})",
            run.max_bucket, opts.max_bucket
        ));
    }
    if run.keep != keep_name(opts.keep) {
        diffs.push(format!(
            "--keep {} (here {})",
            run.keep,
            keep_name(opts.keep)
        ));
    }
    if diffs.is_empty() {
        Ok(())
    } else {
        Err(bad(
            origin,
            format!(
                "computed with {}; give `dedup --clusters` the near-duplicate flags given to `sign`",
                diffs.join(", ")
            ),
        ))
    }
}

/// The near-duplicate result of `articles` (sorted by id, with their shingle
/// sets) whose clusters come from `table`. See the module docs.
pub fn dedup_from_table(
    articles: &[Article],
    shingles: &[Vec<u64>],
    table: &ClusterTable,
    opts: &DedupOptions,
) -> Result<Dedup> {
    opts.validate()?;
    let origin = table.origin.as_str();
    if let Some(run) = &table.run {
        check_settings(origin, run, opts)?;
    }
    let index = |id: &str| -> Result<usize> {
        articles
            .binary_search_by(|a| a.id.as_str().cmp(id))
            .map_err(|_| {
                bad(
                    origin,
                    format!("article {id:?} is not in the input; give the paths given to `sign`"),
                )
            })
    };
    // Cluster label -> (members, representative).
    let mut by_label: BTreeMap<&str, (Vec<usize>, usize)> = BTreeMap::new();
    let mut cluster_of: Vec<Option<usize>> = vec![None; articles.len()];
    let mut label_of: Vec<Option<&str>> = vec![None; articles.len()];
    for a in &table.assignments {
        let i = index(&a.id)?;
        let rep = index(&a.representative)?;
        if let Some(other) = label_of[i] {
            return Err(bad(
                origin,
                format!(
                    "article {:?} is in two clusters ({other:?}, {:?})",
                    a.id, a.cluster
                ),
            ));
        }
        label_of[i] = Some(a.cluster.as_str());
        let entry = by_label
            .entry(a.cluster.as_str())
            .or_insert((Vec::new(), rep));
        if entry.1 != rep {
            return Err(bad(
                origin,
                format!("cluster {:?} names two representatives", a.cluster),
            ));
        }
        entry.0.push(i);
    }
    let mut groups: Vec<(Vec<usize>, usize)> = Vec::with_capacity(by_label.len());
    for (label, (mut members, rep)) in by_label {
        members.sort_unstable();
        if members.len() < 2 || members.binary_search(&rep).is_err() {
            return Err(bad(
                origin,
                format!(
                    "cluster {label:?} has fewer than two members or a representative outside it"
                ),
            ));
        }
        groups.push((members, rep));
    }
    groups.sort();
    for (c, (g, _)) in groups.iter().enumerate() {
        for &m in g {
            cluster_of[m] = Some(c);
        }
    }
    let threshold = opts.threshold;
    let mut verified: Vec<(usize, usize)> = match &table.pairs {
        Some(pairs) => {
            let mut out = Vec::with_capacity(pairs.len());
            for (a, b) in pairs {
                let (i, j) = (index(a)?, index(b)?);
                if cluster_of[i].is_none() || cluster_of[i] != cluster_of[j] || i == j {
                    return Err(bad(
                        origin,
                        format!("pair ({a:?}, {b:?}) is not inside one cluster"),
                    ));
                }
                out.push((i.min(j), i.max(j)));
            }
            out
        }
        None => groups
            .iter()
            .flat_map(|(g, _)| {
                g.iter().enumerate().flat_map(move |(x, &i)| {
                    g[x + 1..]
                        .iter()
                        .filter(move |&&j| jaccard(&shingles[i], &shingles[j]) >= threshold)
                        .map(move |&j| (i, j))
                })
            })
            .collect(),
    };
    verified.sort_unstable();
    verified.dedup();
    let mut pairs_of: Vec<Vec<Pair>> = vec![Vec::new(); groups.len()];
    for &(i, j) in &verified {
        if let Some(c) = cluster_of[i] {
            pairs_of[c].push(Pair {
                a: articles[i].id.clone(),
                b: articles[j].id.clone(),
                jaccard: round4(jaccard(&shingles[i], &shingles[j])),
            });
        }
    }
    let clusters: Vec<Cluster> = groups
        .iter()
        .zip(pairs_of)
        .map(|((g, rep), pairs)| {
            let members: Vec<String> = g.iter().map(|&m| articles[m].id.clone()).collect();
            let details = g
                .iter()
                .map(|&m| Member {
                    id: articles[m].id.clone(),
                    source: articles[m].source.clone(),
                    jaccard_to_representative: if m == *rep {
                        1.0
                    } else {
                        round4(jaccard(&shingles[m], &shingles[*rep]))
                    },
                })
                .collect();
            Cluster {
                id: format!("dup-{:012x}", xxh3_64(members.join("\n").as_bytes()) >> 16),
                representative: articles[*rep].id.clone(),
                members,
                pairs,
                details,
            }
        })
        .collect();
    let params = opts.lsh_params();
    let clustered: usize = clusters.iter().map(|c| c.members.len()).sum();
    let summary = Summary {
        articles: articles.len(),
        without_words: shingles.iter().filter(|s| s.is_empty()).count(),
        clusters: clusters.len(),
        clustered_articles: clustered,
        unique_articles: articles.len() - clustered + clusters.len(),
        candidate_pairs: table
            .run
            .as_ref()
            .map_or(verified.len(), |r| r.candidate_pairs),
        verified_pairs: verified.len(),
        threshold: opts.threshold,
        ngram: opts.ngram,
        num_perm: opts.num_perm.count(),
        bands: params.bands,
        rows: params.rows,
        keep: opts.keep,
    };
    Ok(Dedup {
        clusters,
        summary,
        cluster_of,
    })
}

#[cfg(feature = "parquet")]
pub use self::read::read_table;

/// Reads a Spark output folder and turns it into the [`Dedup`] of `articles`
/// (sorted by id, with their shingle sets): what `dedup --clusters` and
/// `report --clusters` use. Without the `parquet` feature, a usage error that
/// says how to enable it.
pub fn load(
    dir: &std::path::Path,
    articles: &[Article],
    shingles: &[Vec<u64>],
    opts: &DedupOptions,
) -> Result<Dedup> {
    #[cfg(feature = "parquet")]
    {
        dedup_from_table(articles, shingles, &read_table(dir)?, opts)
    }
    #[cfg(not(feature = "parquet"))]
    {
        let _ = (dir, articles, shingles, opts);
        Err(Error::Usage(crate::sign::NO_PARQUET.into()))
    }
}

#[cfg(feature = "parquet")]
mod read {
    use std::fs::File;
    use std::path::{Path, PathBuf};

    use parquet::file::reader::FileReader;
    use parquet::file::serialized_reader::SerializedFileReader;
    use parquet::record::Field;

    use super::{bad, Assignment, ClusterTable, RunInfo};
    use crate::error::{Error, Result};

    /// The data files of a table folder (Spark's `part-*`), in name order;
    /// `_SUCCESS`, `.crc` and other hidden or marker files are skipped.
    fn data_files(dir: &Path, ext: &str) -> Result<Vec<PathBuf>> {
        let mut out = Vec::new();
        for e in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
            let p = e.map_err(|e| Error::io(dir, e))?.path();
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if !name.starts_with(['_', '.']) && name.ends_with(ext) {
                out.push(p);
            }
        }
        out.sort();
        Ok(out)
    }

    /// The named string columns of every row of every file of a table.
    fn read_strings(dir: &Path, columns: &[&str]) -> Result<Vec<Vec<String>>> {
        let mut rows = Vec::new();
        for path in data_files(dir, ".parquet")? {
            let perr =
                |e: parquet::errors::ParquetError| Error::io(&path, std::io::Error::other(e));
            let file = File::open(&path).map_err(|e| Error::io(&path, e))?;
            let reader = SerializedFileReader::new(file).map_err(perr)?;
            for row in reader.get_row_iter(None).map_err(perr)? {
                let row = row.map_err(perr)?;
                let mut vals: Vec<Option<String>> = vec![None; columns.len()];
                for (name, field) in row.get_column_iter() {
                    if let Some(k) = columns.iter().position(|c| c == name) {
                        if let Field::Str(s) = field {
                            vals[k] = Some(s.clone());
                        }
                    }
                }
                let vals: Option<Vec<String>> = vals.into_iter().collect();
                rows.push(vals.ok_or_else(|| {
                    Error::io(
                        &path,
                        std::io::Error::other(format!(
                            "expected non-null string columns {}",
                            columns.join(", ")
                        )),
                    )
                })?);
            }
        }
        Ok(rows)
    }

    /// Reads the output folder of `contrib/spark/crosscheck_lsh.py`.
    pub fn read_table(dir: &Path) -> Result<ClusterTable> {
        let origin = dir.display().to_string();
        let clusters = dir.join("clusters");
        if !clusters.is_dir() {
            return Err(bad(
                &origin,
                "no clusters/ folder: not an output of contrib/spark/crosscheck_lsh.py".into(),
            ));
        }
        if !clusters.join("_SUCCESS").is_file() && data_files(&clusters, ".parquet")?.is_empty() {
            return Err(bad(&origin, "no clusters/ table with Parquet files".into()));
        }
        let assignments = read_strings(&clusters, &["doc_id", "cluster_id", "representative"])?
            .into_iter()
            .map(|mut r| Assignment {
                representative: r.pop().unwrap_or_default(),
                cluster: r.pop().unwrap_or_default(),
                id: r.pop().unwrap_or_default(),
            })
            .collect();
        let pairs_dir = dir.join("pairs");
        let pairs = if pairs_dir.is_dir() {
            Some(
                read_strings(&pairs_dir, &["a", "b"])?
                    .into_iter()
                    .map(|mut r| {
                        let b = r.pop().unwrap_or_default();
                        (r.pop().unwrap_or_default(), b)
                    })
                    .collect(),
            )
        } else {
            None
        };
        let summary_dir = dir.join("summary");
        let run = if summary_dir.is_dir() {
            let mut line = None;
            for p in data_files(&summary_dir, "")? {
                let text = std::fs::read_to_string(&p).map_err(|e| Error::io(&p, e))?;
                if let Some(l) = text.lines().find(|l| !l.trim().is_empty()) {
                    line = Some((p.clone(), l.to_string()));
                    break;
                }
            }
            match line {
                Some((p, l)) => Some(serde_json::from_str::<RunInfo>(&l).map_err(|e| {
                    Error::io(&p, std::io::Error::new(std::io::ErrorKind::InvalidData, e))
                })?),
                None => None,
            }
        } else {
            None
        };
        Ok(ClusterTable {
            origin,
            assignments,
            pairs,
            run,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedup::{par_dedup, par_shingle_sets};
    use crate::ingest::{load, InputOptions};
    use crate::normalize::par_clean;

    fn corpus() -> (Vec<Article>, Vec<Vec<u64>>) {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/corpus");
        let corpus = load(&[dir], &InputOptions::default()).expect("corpus");
        let cleaned = par_clean(&corpus.articles);
        let sh = par_shingle_sets(&corpus.articles, &cleaned, 5);
        (corpus.articles, sh)
    }

    fn table_of(d: &Dedup, with_pairs: bool) -> ClusterTable {
        ClusterTable {
            origin: "test".into(),
            assignments: d
                .clusters
                .iter()
                .flat_map(|c| {
                    c.members.iter().map(|m| Assignment {
                        id: m.clone(),
                        cluster: c.members[0].clone(),
                        representative: c.representative.clone(),
                    })
                })
                .collect(),
            pairs: with_pairs.then(|| {
                d.clusters
                    .iter()
                    .flat_map(|c| c.pairs.iter().map(|p| (p.b.clone(), p.a.clone())))
                    .collect()
            }),
            run: Some(RunInfo {
                threshold: 0.8,
                ngram: 5,
                num_perm: 128,
                bands: d.summary.bands,
                rows: d.summary.rows,
                max_bucket: 200,
                keep: "earliest".into(),
                candidate_pairs: d.summary.candidate_pairs,
            }),
        }
    }

    #[test]
    fn a_table_of_dedups_clusters_gives_back_the_same_result() {
        let (articles, sh) = corpus();
        let opts = DedupOptions::default();
        let want = par_dedup(&articles, &sh, &opts).expect("dedup");
        assert!(want.clusters.len() >= 3);
        let got = dedup_from_table(&articles, &sh, &table_of(&want, true), &opts).expect("table");
        assert_eq!(got, want);
        // Without the pairs, every member pair at the threshold is taken: a superset.
        let all = dedup_from_table(&articles, &sh, &table_of(&want, false), &opts).expect("table");
        assert_eq!(all.cluster_of, want.cluster_of);
        assert!(all.summary.verified_pairs >= want.summary.verified_pairs);
    }

    #[test]
    fn foreign_ids_other_settings_and_split_articles_are_refused() {
        let (articles, sh) = corpus();
        let opts = DedupOptions::default();
        let want = par_dedup(&articles, &sh, &opts).expect("dedup");
        let mut t = table_of(&want, true);
        t.assignments[0].id = "no-such-article".into();
        let e = dedup_from_table(&articles, &sh, &t, &opts).unwrap_err();
        assert!(e.to_string().contains("not in the input"), "{e}");

        let t = table_of(&want, true);
        let other = DedupOptions {
            threshold: 0.7,
            ..DedupOptions::default()
        };
        let e = dedup_from_table(&articles, &sh, &t, &other).unwrap_err();
        assert!(e.to_string().contains("--threshold 0.8 (here 0.7)"), "{e}");

        let mut t = table_of(&want, true);
        let mut again = t.assignments[0].clone();
        again.cluster = "elsewhere".into();
        t.assignments.push(again);
        let e = dedup_from_table(&articles, &sh, &t, &opts).unwrap_err();
        assert!(e.to_string().contains("in two clusters"), "{e}");
    }
}
