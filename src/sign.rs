//! Signing a corpus for a distributed run: the tables a Spark job joins.
//!
//! When a corpus outgrows one machine, the part of `dedup` that grows with
//! the square of the corpus (grouping band keys, expanding buckets into
//! candidate pairs, verifying them, connected components) is a shuffle, and a
//! distributed engine is the right tool for it. Everything that depends on
//! the text stays here, computed by the very functions `dedup` uses:
//! cleaning ([`crate::normalize::par_clean`]), shingles
//! ([`crate::dedup::par_shingle_sets`]), MinHash ([`crate::minhash::oph_signature`], the sketch `dedup` uses)
//! and band keys ([`crate::minhash::band_key`]) with the bands and rows of
//! [`DedupOptions::lsh_params`]. The Spark job
//! (`contrib/spark/crosscheck_lsh.py`) then needs no tokeniser or hash of its
//! own, and its clusters equal `dedup`'s article for article.
//!
//! # Output folder
//!
//! ```text
//! DIR/manifest.json             settings and counts (see [`Manifest`])
//! DIR/documents/part-NNNNN.parquet  one row per article
//! DIR/bands/part-NNNNN.parquet      one row per (article with words, band)
//! DIR/shingles/part-NNNNN.parquet   one row per article with words
//! ```
//!
//! * `documents`: `doc_id` (int32, the article's index in id order, so
//!   ordering by `doc_id` is ordering by id), `id`, `source` (nullable),
//!   `published_minutes` (int64, minutes since 1970-01-01T00:00Z, nullable),
//!   `text_bytes`, `seq` (position in input order, for `--keep first`),
//!   `path` and `line` (where to fetch the text), `shingles` (set size; 0 =
//!   no words, never clustered).
//! * `bands`: `doc_id`, `band` (int32), `band_hash` (int64: the u64 band key,
//!   bit for bit).
//! * `shingles`: `doc_id`, `shingles` (list of int64: the sorted shingle set,
//!   u64 bit for bit), so candidates are verified with the exact Jaccard, as
//!   `dedup` does.
//!
//! Shards split the articles into contiguous ranges of `doc_id`, one file per
//! table each. The folder is built beside its destination and renamed into
//! place when complete; a destination that exists is replaced only when it
//! is an earlier `sign` output (it has a `manifest.json`) or empty.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::dedup::{DedupOptions, Keep};
use crate::ingest::Article;
use crate::lsh::LshParams;
use crate::minhash::{band_key, oph_signature, NumPerm};

/// The `format` field of a [`Manifest`].
pub const FORMAT: &str = "crosscheck-sign";

/// The error of a build without the `parquet` feature, with the way to enable it.
pub const NO_PARQUET: &str = "this crosscheck was built without Parquet support, which `sign` and `--clusters` need
hint: build it with the `parquet` feature: `cargo install --path . --features parquet` (or `cargo build --release --features parquet`)";

/// Articles per shard when `--shards` is not given.
pub const ARTICLES_PER_SHARD: usize = 50_000;

/// `manifest.json`: what was signed and with which settings.
///
/// The Spark job takes its threshold, bucket cap and representative rule
/// from here, so a distributed run uses the settings `sign` was given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always [`FORMAT`].
    pub format: String,
    /// Layout version (1).
    pub version: u32,
    /// The crosscheck version that signed.
    pub crosscheck: String,
    /// Articles read (rows of `documents`).
    pub articles: usize,
    /// Articles with at least one shingle (rows of `shingles`).
    pub signed: usize,
    /// Files per table.
    pub shards: usize,
    /// Exact Jaccard at or above which two articles are near-duplicates.
    pub threshold: f64,
    /// Words per shingle.
    pub ngram: usize,
    /// MinHash permutations.
    pub num_perm: usize,
    /// LSH bands.
    pub bands: usize,
    /// Registers per band.
    pub rows: usize,
    /// Largest bucket expanded into all its pairs (at least 2).
    pub max_bucket: usize,
    /// Representative rule: `earliest`, `longest` or `first`.
    pub keep: String,
}

impl Manifest {
    /// The manifest for a corpus signed with `opts`.
    pub fn new(articles: usize, signed: usize, shards: usize, opts: &DedupOptions) -> Self {
        let params = opts.lsh_params();
        Manifest {
            format: FORMAT.to_string(),
            version: 1,
            crosscheck: env!("CARGO_PKG_VERSION").to_string(),
            articles,
            signed,
            shards,
            threshold: opts.threshold,
            ngram: opts.ngram,
            num_perm: opts.num_perm.count(),
            bands: params.bands,
            rows: params.rows,
            max_bucket: opts.max_bucket.max(2),
            keep: keep_name(opts.keep).to_string(),
        }
    }
}

/// The name of a representative rule, as `--keep` spells it.
pub fn keep_name(keep: Keep) -> &'static str {
    match keep {
        Keep::Earliest => "earliest",
        Keep::Longest => "longest",
        Keep::First => "first",
    }
}

/// One article's row in the `documents` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRow {
    /// Index in id order.
    pub doc_id: u32,
    /// Article id.
    pub id: String,
    /// Outlet.
    pub source: Option<String>,
    /// Publication instant in minutes since the Unix epoch (UTC), when dated.
    pub published_minutes: Option<i64>,
    /// Length of the text in bytes (`--keep longest`).
    pub text_bytes: u64,
    /// Position in input order (`--keep first`).
    pub seq: u64,
    /// File the article was read from.
    pub path: String,
    /// 1-based line where its record or body starts.
    pub line: u64,
    /// Size of its shingle set.
    pub shingles: u32,
}

/// The `documents` rows of articles (sorted by id) and their shingle sets.
pub fn document_rows(articles: &[Article], shingles: &[Vec<u64>]) -> Vec<DocumentRow> {
    articles
        .iter()
        .zip(shingles)
        .enumerate()
        .map(|(i, (a, s))| DocumentRow {
            doc_id: i as u32,
            id: a.id.clone(),
            source: a.source.clone(),
            published_minutes: a.published.map(|p| p.instant_minutes()),
            text_bytes: a.text.len() as u64,
            seq: a.origin.seq,
            path: a.origin.path.clone(),
            line: a.origin.line,
            shingles: s.len() as u32,
        })
        .collect()
}

/// The band keys of one shingle set, band after band, exactly as `dedup`'s
/// band tables see them; empty for an empty set (never a candidate).
/// `params` is [`DedupOptions::lsh_params`], computed once by the caller.
pub fn band_keys(shingles: &[u64], num_perm: NumPerm, params: LshParams) -> Vec<u64> {
    if shingles.is_empty() {
        return Vec::new();
    }
    let sig = oph_signature(shingles, num_perm);
    (0..params.bands)
        .map(|b| band_key(&sig[b * params.rows..(b + 1) * params.rows]))
        .collect()
}

/// `n` articles cut into `shards` contiguous ranges as even as possible
/// (at least one range; none empty unless `n` is 0).
pub fn shard_ranges(n: usize, shards: usize) -> Vec<Range<usize>> {
    let shards = shards.clamp(1, n.max(1));
    let (base, extra) = (n / shards, n % shards);
    let mut start = 0;
    (0..shards)
        .map(|s| {
            let len = base + usize::from(s < extra);
            let r = start..start + len;
            start += len;
            r
        })
        .collect()
}

/// Shards used when `--shards` is not given.
pub fn default_shards(articles: usize) -> usize {
    articles.div_ceil(ARTICLES_PER_SHARD).max(1)
}

#[cfg(feature = "parquet")]
pub use self::write::write_signed;

#[cfg(feature = "parquet")]
mod write {
    use std::fs::File;
    use std::path::{Path, PathBuf};
    use std::sync::Arc;

    use parquet::basic::Compression;
    use parquet::data_type::{ByteArray, ByteArrayType, DataType, Int32Type, Int64Type};
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::{SerializedFileWriter, SerializedRowGroupWriter};
    use parquet::schema::parser::parse_message_type;
    use rayon::prelude::*;

    use super::{band_keys, document_rows, shard_ranges, DocumentRow, Manifest};
    use crate::dedup::DedupOptions;
    use crate::error::{Error, Result};
    use crate::ingest::Article;

    const DOCUMENTS: &str = "message document {
        required int32 doc_id;
        required binary id (UTF8);
        optional binary source (UTF8);
        optional int64 published_minutes;
        required int64 text_bytes;
        required int64 seq;
        required binary path (UTF8);
        required int64 line;
        required int32 shingles;
    }";
    const BANDS: &str = "message band {
        required int32 doc_id;
        required int32 band;
        required int64 band_hash;
    }";
    const SHINGLES: &str = "message shingle_set {
        required int32 doc_id;
        required group shingles (LIST) {
            repeated group list {
                required int64 element;
            }
        }
    }";

    /// Writes the signed tables of `articles` (sorted by id) into the folder
    /// `dir`, atomically (see the module docs), and returns the manifest.
    pub fn write_signed(
        dir: &Path,
        articles: &[Article],
        shingles: &[Vec<u64>],
        opts: &DedupOptions,
        shards: usize,
    ) -> Result<Manifest> {
        check_replaceable(dir)?;
        let parent = match dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        let tmp = tempfile::Builder::new()
            .prefix(".crosscheck-sign-")
            .tempdir_in(parent)
            .map_err(|e| Error::io(parent, e))?;
        let ranges = shard_ranges(articles.len(), shards);
        let params = opts.lsh_params();
        let docs = document_rows(articles, shingles);
        for table in ["documents", "bands", "shingles"] {
            let p = tmp.path().join(table);
            std::fs::create_dir(&p).map_err(|e| Error::io(&p, e))?;
        }
        ranges
            .par_iter()
            .enumerate()
            .try_for_each(|(s, r)| -> Result<()> {
                let name = format!("part-{s:05}.parquet");
                write_documents(&tmp.path().join("documents").join(&name), &docs[r.clone()])?;
                let keys: Vec<Vec<u64>> = shingles[r.clone()]
                    .par_iter()
                    .map(|s| band_keys(s, opts.num_perm, params))
                    .collect();
                write_bands(&tmp.path().join("bands").join(&name), r.start as u32, &keys)?;
                write_shingles(
                    &tmp.path().join("shingles").join(&name),
                    r.start as u32,
                    &shingles[r.clone()],
                )
            })?;
        let signed = shingles.iter().filter(|s| !s.is_empty()).count();
        let manifest = Manifest::new(articles.len(), signed, ranges.len(), opts);
        let json = serde_json::to_string_pretty(&manifest)? + "\n";
        let mp = tmp.path().join("manifest.json");
        std::fs::write(&mp, json).map_err(|e| Error::io(&mp, e))?;
        check_replaceable(dir)?;
        if dir.exists() {
            std::fs::remove_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let built: PathBuf = tmp.keep();
        std::fs::rename(&built, dir).map_err(|e| Error::io(dir, e))?;
        Ok(manifest)
    }

    /// Refuses to replace a folder that is not an earlier `sign` output.
    fn check_replaceable(dir: &Path) -> Result<()> {
        if !dir.exists() {
            return Ok(());
        }
        if !dir.is_dir() {
            return Err(Error::Usage(format!(
                "--out {} exists and is not a folder",
                dir.display()
            )));
        }
        let ours = dir.join("manifest.json").is_file();
        let empty = std::fs::read_dir(dir)
            .map_err(|e| Error::io(dir, e))?
            .next()
            .is_none();
        if ours || empty {
            Ok(())
        } else {
            Err(Error::Usage(format!(
                "--out {} exists and is not an earlier `crosscheck sign` output (no manifest.json); refusing to replace it",
                dir.display()
            )))
        }
    }

    fn parquet_err(path: &Path, e: parquet::errors::ParquetError) -> Error {
        Error::io(path, std::io::Error::other(e))
    }

    /// Opens a Parquet file with a schema, calls `fill` with its one row group, closes it.
    fn write_file(
        path: &Path,
        schema: &str,
        fill: impl FnOnce(&mut SerializedRowGroupWriter<'_, File>) -> parquet::errors::Result<()>,
    ) -> Result<()> {
        let schema = Arc::new(parse_message_type(schema).map_err(|e| parquet_err(path, e))?);
        let props = Arc::new(
            WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                // Hashes are uniform: a dictionary only costs time.
                .set_dictionary_enabled(false)
                .set_created_by(format!("crosscheck {}", env!("CARGO_PKG_VERSION")))
                .build(),
        );
        let file = File::create(path).map_err(|e| Error::io(path, e))?;
        let run = || -> parquet::errors::Result<()> {
            let mut w = SerializedFileWriter::new(file, schema, props)?;
            let mut rg = w.next_row_group()?;
            fill(&mut rg)?;
            rg.close()?;
            w.close()?;
            Ok(())
        };
        run().map_err(|e| parquet_err(path, e))
    }

    /// Writes the next column of a row group in one batch.
    fn column<T: DataType>(
        rg: &mut SerializedRowGroupWriter<'_, File>,
        values: &[T::T],
        def: Option<&[i16]>,
    ) -> parquet::errors::Result<()> {
        let mut col = rg.next_column()?.ok_or_else(|| {
            parquet::errors::ParquetError::General("schema has fewer columns than written".into())
        })?;
        col.typed::<T>().write_batch(values, def, None)?;
        col.close()
    }

    fn text(s: &str) -> ByteArray {
        ByteArray::from(s.as_bytes().to_vec())
    }

    /// Values and definition levels of an optional column.
    fn optional<'r, T, U>(
        rows: &'r [DocumentRow],
        get: impl Fn(&'r DocumentRow) -> Option<U>,
        conv: impl Fn(U) -> T,
    ) -> (Vec<T>, Vec<i16>) {
        let mut vals = Vec::new();
        let mut def = Vec::with_capacity(rows.len());
        for r in rows {
            match get(r) {
                Some(v) => {
                    vals.push(conv(v));
                    def.push(1);
                }
                None => def.push(0),
            }
        }
        (vals, def)
    }

    fn write_documents(path: &Path, rows: &[DocumentRow]) -> Result<()> {
        write_file(path, DOCUMENTS, |rg| {
            let ints = |f: fn(&DocumentRow) -> i64| rows.iter().map(f).collect::<Vec<i64>>();
            column::<Int32Type>(
                rg,
                &rows.iter().map(|r| r.doc_id as i32).collect::<Vec<_>>(),
                None,
            )?;
            column::<ByteArrayType>(
                rg,
                &rows.iter().map(|r| text(&r.id)).collect::<Vec<_>>(),
                None,
            )?;
            let (src, def) = optional(rows, |r| r.source.as_deref(), text);
            column::<ByteArrayType>(rg, &src, Some(&def))?;
            let (date, def) = optional(rows, |r| r.published_minutes, |m| m);
            column::<Int64Type>(rg, &date, Some(&def))?;
            column::<Int64Type>(rg, &ints(|r| r.text_bytes as i64), None)?;
            column::<Int64Type>(rg, &ints(|r| r.seq as i64), None)?;
            column::<ByteArrayType>(
                rg,
                &rows.iter().map(|r| text(&r.path)).collect::<Vec<_>>(),
                None,
            )?;
            column::<Int64Type>(rg, &ints(|r| r.line as i64), None)?;
            column::<Int32Type>(
                rg,
                &rows.iter().map(|r| r.shingles as i32).collect::<Vec<_>>(),
                None,
            )
        })
    }

    fn write_bands(path: &Path, first: u32, keys: &[Vec<u64>]) -> Result<()> {
        write_file(path, BANDS, |rg| {
            let mut doc = Vec::new();
            let mut band = Vec::new();
            let mut hash = Vec::new();
            for (i, k) in keys.iter().enumerate() {
                for (b, &h) in k.iter().enumerate() {
                    doc.push((first + i as u32) as i32);
                    band.push(b as i32);
                    // The u64 key, bit for bit: Spark has no unsigned integers.
                    hash.push(h as i64);
                }
            }
            column::<Int32Type>(rg, &doc, None)?;
            column::<Int32Type>(rg, &band, None)?;
            column::<Int64Type>(rg, &hash, None)
        })
    }

    fn write_shingles(path: &Path, first: u32, sets: &[Vec<u64>]) -> Result<()> {
        write_file(path, SHINGLES, |rg| {
            let docs: Vec<i32> = (0..sets.len())
                .filter(|&i| !sets[i].is_empty())
                .map(|i| (first + i as u32) as i32)
                .collect();
            column::<Int32Type>(rg, &docs, None)?;
            let mut col = rg.next_column()?.ok_or_else(|| {
                parquet::errors::ParquetError::General("no shingles column".into())
            })?;
            let w = col.typed::<Int64Type>();
            // Many sets per batch: one call per set costs more than the data.
            let (mut vals, mut def, mut rep) = (Vec::new(), Vec::new(), Vec::new());
            for s in sets.iter().filter(|s| !s.is_empty()) {
                vals.extend(s.iter().map(|&h| h as i64));
                rep.push(0);
                rep.resize(vals.len(), 1);
                if vals.len() >= 1 << 16 {
                    def.resize(vals.len(), 1);
                    w.write_batch(&vals, Some(&def), Some(&rep))?;
                    vals.clear();
                    rep.clear();
                }
            }
            def.resize(vals.len(), 1);
            w.write_batch(&vals, Some(&def), Some(&rep))?;
            col.close()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsh::par_candidates;

    #[test]
    fn shards_cover_every_article_once() {
        for (n, s) in [(0, 3), (1, 4), (10, 3), (100_001, 2), (7, 7)] {
            let r = shard_ranges(n, s);
            assert!(!r.is_empty());
            assert_eq!(r.first().map(|r| r.start), Some(0));
            assert_eq!(r.last().map(|r| r.end), Some(n));
            assert!(r.windows(2).all(|w| w[0].end == w[1].start));
            if n > 0 {
                assert!(r.iter().all(|r| !r.is_empty()), "{n} {s} {r:?}");
            }
        }
        assert_eq!(default_shards(0), 1);
        assert_eq!(default_shards(ARTICLES_PER_SHARD + 1), 2);
    }

    #[test]
    fn band_keys_make_the_candidates_dedup_makes() {
        let opts = DedupOptions::default();
        let base: Vec<u64> = (0..400).map(|i| i * 7919).collect();
        let mut near = base.clone();
        near[3] = 1;
        let sets = [base.clone(), near, (5000..5400).collect(), Vec::new(), base];
        let sigs: Vec<Vec<u64>> = sets
            .iter()
            .map(|s| {
                if s.is_empty() {
                    Vec::new()
                } else {
                    oph_signature(s, opts.num_perm)
                }
            })
            .collect();
        let views: Vec<Option<&[u64]>> = sigs
            .iter()
            .map(|s| (!s.is_empty()).then_some(&s[..]))
            .collect();
        let want = par_candidates(&views, opts.lsh_params(), opts.max_bucket);
        let keys: Vec<Vec<u64>> = sets
            .iter()
            .map(|s| band_keys(s, opts.num_perm, opts.lsh_params()))
            .collect();
        let mut got = Vec::new();
        for i in 0..sets.len() {
            for j in i + 1..sets.len() {
                if keys[i].iter().zip(&keys[j]).any(|(a, b)| a == b) {
                    got.push((i as u32, j as u32));
                }
            }
        }
        assert_eq!(got, want);
        assert!(want.contains(&(0, 4)));
        assert!(keys[3].is_empty());
    }
}
