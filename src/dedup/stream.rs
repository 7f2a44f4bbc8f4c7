//! Near-duplicates of corpora larger than memory: signatures, not texts.
//!
//! The in-memory path ([`super::par_dedup`]) keeps every text and shingle
//! set. This one reads JSON Lines files several times and keeps, per
//! article, only what clustering needs (id, source, date, length, place in
//! the file) and its LSH band keys (16 × 8 bytes at the defaults):
//!
//! 1. **read**: parse every record, keep its metadata and its distinct short
//!    lines (for the per-source footer counts of [`Boilerplate`]); then merge
//!    duplicate ids exactly as [`crate::ingest::load`] does and count the
//!    short lines of the articles kept;
//! 2. **sketch**: parse again, clean, shingle, sign (one-permutation MinHash)
//!    and keep the band keys; band tables give the candidate pairs;
//! 3. **verify**: read again only the articles in candidate pairs, by their
//!    byte offsets, in file order, holding a shingle set only until its last
//!    partner has been read, and compute every candidate's exact Jaccard;
//! 4. **representatives**: the Jaccard of a member to its representative is
//!    usually a candidate pair already; the rest are read like step 3.
//!
//! Every step uses the same functions as the in-memory path, so the result
//! is the same, byte for byte, whatever the chunk size.

use std::collections::HashMap;
use std::fs::File;
use std::path::PathBuf;

use rayon::prelude::*;
use xxhash_rust::xxh3::Xxh3;

use super::{assemble, ArticleMeta, Dedup, DedupOptions};
use crate::error::{Diagnostic, Error, Result};
use crate::ingest::stream::{read_located, stream_jsonl, Located, Place};
use crate::ingest::{Article, InputOptions, Published};
use crate::lsh::{band_keys, par_candidates_from_keys};
use crate::minhash::oph_signature_into;
use crate::normalize::{kept_tokens_into, tokens, Boilerplate};
use crate::shingle::{jaccard, shingle_hashes, shingle_set};

/// What the streaming path keeps of an article.
#[derive(Debug, Clone, Default)]
pub struct StreamMeta {
    /// Article id.
    pub id: String,
    /// Its outlet.
    pub source: Option<String>,
    /// Its parsed publication date.
    pub published: Option<Published>,
    /// Length of its text in bytes.
    pub text_len: usize,
    /// Its place in input order.
    pub seq: u64,
    /// 1-based line in its file.
    pub line: u64,
    /// Where to read it again.
    pub place: Place,
    /// Hash of text, title, source and url: tells identical duplicates apart.
    content: u128,
}

impl ArticleMeta for StreamMeta {
    fn id(&self) -> &str {
        &self.id
    }
    fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }
    fn published_minutes(&self) -> Option<i64> {
        self.published.map(|d| d.instant_minutes())
    }
    fn text_len(&self) -> usize {
        self.text_len
    }
    fn seq(&self) -> u64 {
        self.seq
    }
}

fn content_hash(a: &Article) -> u128 {
    let mut h = Xxh3::new();
    for field in [
        Some(&a.text),
        a.title.as_ref(),
        a.source.as_ref(),
        a.url.as_ref(),
    ] {
        match field {
            Some(s) => {
                h.update(&[1]);
                h.update(&(s.len() as u64).to_le_bytes());
                h.update(s.as_bytes());
            }
            None => h.update(&[0]),
        }
    }
    h.digest128()
}

/// The result of a streaming run.
#[derive(Debug)]
pub struct Streamed {
    /// Clusters and summary, as [`super::par_dedup`] gives them.
    pub dedup: Dedup,
    /// The articles (without text), sorted by id: indices match `dedup`.
    pub articles: Vec<StreamMeta>,
    /// Reading diagnostics, as [`crate::ingest::load`] gives them.
    pub diagnostics: Vec<Diagnostic>,
    /// Stage timings, for `-v`.
    pub timings: Vec<(&'static str, f64)>,
}

/// Re-reads articles by place.
pub struct Rereader<'a> {
    paths: &'a [PathBuf],
    files: Vec<File>,
    input: &'a InputOptions,
}

impl<'a> Rereader<'a> {
    /// Opens the inputs again.
    pub fn new(paths: &'a [PathBuf], input: &'a InputOptions) -> Result<Self> {
        let files = paths
            .iter()
            .map(|p| File::open(p).map_err(|e| Error::io(p, e)))
            .collect::<Result<Vec<_>>>()?;
        Ok(Rereader {
            paths,
            files,
            input,
        })
    }

    /// The article of `meta`, read again.
    pub fn read(&self, meta: &StreamMeta) -> Result<Article> {
        read_located(self.paths, &self.files, self.input, meta.place, meta.line).ok_or_else(|| {
            Error::Usage(format!(
                "{}:{}: the input changed while it was being read",
                self.paths
                    .get(meta.place.file as usize)
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
                meta.line
            ))
        })
    }
}

/// Bytes of input parsed at a time.
pub const DEFAULT_CHUNK_BYTES: usize = 32 << 20;

/// Finds the near-duplicate clusters of JSON Lines files without keeping
/// their texts. Same result as [`crate::ingest::load`] then
/// [`super::par_dedup`].
pub fn stream_dedup(
    paths: &[PathBuf],
    input: &InputOptions,
    opts: &DedupOptions,
    chunk_bytes: usize,
) -> Result<Streamed> {
    opts.validate()?;
    let mut timings = Vec::new();
    let mut clock = std::time::Instant::now();
    let mut lap = |name: &'static str, timings: &mut Vec<(&'static str, f64)>| {
        let now = std::time::Instant::now();
        timings.push((name, (now - clock).as_secs_f64()));
        clock = now;
    };
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let mut bp = Boilerplate::new();

    // 1. Metadata and short lines.
    let mut metas: Vec<StreamMeta> = Vec::new();
    let mut short: Vec<u64> = Vec::new();
    let mut short_at: Vec<usize> = vec![0];
    let mut diagnostics = stream_jsonl(paths, input, chunk_bytes, |chunk| {
        let facts: Vec<(StreamMeta, Vec<u64>)> = chunk
            .into_par_iter()
            .map_init(String::new, |buf, Located { article: a, place }| {
                let lines = Boilerplate::short_lines(&bp.line_facts(&a.text, buf));
                let meta = StreamMeta {
                    content: content_hash(&a),
                    text_len: a.text.len(),
                    seq: a.origin.seq,
                    line: a.origin.line,
                    place,
                    published: a.published,
                    source: a.source,
                    id: a.id,
                };
                (meta, lines)
            })
            .collect();
        for (m, l) in facts {
            metas.push(m);
            short.extend_from_slice(&l);
            short_at.push(short.len());
        }
    })?;
    lap("read", &mut timings);

    // Duplicate ids, as `ingest::load` merges them.
    let mut order: Vec<usize> = (0..metas.len()).collect();
    order.par_sort_by(|&a, &b| {
        let (x, y) = (&metas[a], &metas[b]);
        x.id.cmp(&y.id)
            .then_with(|| names[x.place.file as usize].cmp(&names[y.place.file as usize]))
            .then(x.line.cmp(&y.line))
    });
    let mut kept: Vec<usize> = Vec::with_capacity(order.len());
    for &p in &order {
        let Some(&k) = kept.last().filter(|&&k| metas[k].id == metas[p].id) else {
            kept.push(p);
            continue;
        };
        let (old, new) = (&metas[k], &metas[p]);
        let path = &names[new.place.file as usize];
        let place = format!("{}:{}", names[old.place.file as usize], old.line);
        diagnostics.push(if old.content == new.content {
            Diagnostic::notice(
                path,
                Some(new.line),
                format!(
                    "article {:?} repeats the identical record at {place}; merged",
                    new.id
                ),
            )
        } else {
            Diagnostic::error(
                path,
                Some(new.line),
                format!(
                    "duplicate id {:?}: this record differs from the one at {place}; skipped",
                    new.id
                ),
            )
        });
    }
    drop(order);
    let mut index_of = vec![u32::MAX; metas.len()];
    for (i, &p) in kept.iter().enumerate() {
        index_of[p] = i as u32;
        bp.count(
            metas[p].source.as_deref(),
            &short[short_at[p]..short_at[p + 1]],
        );
    }
    drop((short, short_at));
    let mut articles: Vec<StreamMeta> = kept
        .iter()
        .map(|&p| std::mem::take(&mut metas[p]))
        .collect();
    drop(metas);
    drop(kept);
    lap("merge ids", &mut timings);

    // 2. Band keys.
    let params = opts.lsh_params();
    let p = opts.num_perm.count();
    let bands = params.bands;
    let n = articles.len();
    let mut keys = vec![0u64; n * bands];
    let mut has_words = vec![false; n];
    let mut pos = 0usize;
    stream_jsonl(paths, input, chunk_bytes, |chunk| {
        let first = pos;
        pos += chunk.len();
        let done: Vec<(u32, Option<Vec<u64>>)> = chunk
            .into_par_iter()
            .enumerate()
            .filter_map(|(k, loc)| {
                let i = *index_of.get(first + k)?;
                (i != u32::MAX).then_some((i, loc))
            })
            .map_init(
                || (String::new(), Vec::new(), Vec::new(), Vec::with_capacity(p)),
                |(buf, toks, hashes, sig), (i, loc)| {
                    let a = &loc.article;
                    let facts = bp.line_facts(&a.text, buf);
                    let cleaned = bp.clean(a.source.as_deref(), &facts);
                    // One-permutation MinHash needs no set: repeats do not matter.
                    kept_tokens_into(&a.text, &cleaned, toks);
                    hashes.clear();
                    shingle_hashes(toks, opts.ngram, hashes);
                    sig.clear();
                    oph_signature_into(hashes, opts.num_perm, sig);
                    (i, (sig.len() == p).then(|| band_keys(sig, params)))
                },
            )
            .collect();
        for (i, k) in done {
            if let Some(k) = k {
                keys[i as usize * bands..(i as usize + 1) * bands].copy_from_slice(&k);
                has_words[i as usize] = true;
            }
        }
    })?;
    if pos != index_of.len() {
        return Err(Error::Usage(
            "the input changed while it was being read".to_string(),
        ));
    }
    drop(index_of);
    let views: Vec<Option<&[u64]>> = keys
        .chunks_exact(bands)
        .zip(&has_words)
        .map(|(k, &h)| h.then_some(k))
        .collect();
    let candidates = par_candidates_from_keys(&views, bands, opts.max_bucket);
    drop(views);
    drop(keys);
    lap("sketch+lsh", &mut timings);

    // 3. Exact Jaccard of every candidate.
    let reread = Rereader::new(paths, input)?;
    let jacs = jaccards(&articles, &candidates, &reread, &bp, opts.ngram)?;
    let verified: Vec<(u32, u32, f64)> = candidates
        .iter()
        .zip(&jacs)
        .filter(|(_, &j)| j >= opts.threshold)
        .map(|(&(a, b), &j)| (a, b, j))
        .collect();
    let known: HashMap<(u32, u32), f64> = candidates.iter().copied().zip(jacs).collect();
    lap("verify", &mut timings);

    // 4. Clusters; Jaccard to representatives.
    let without_words = has_words.iter().filter(|&&h| !h).count();
    let mut failure = None;
    let dedup = assemble(
        &articles,
        &verified,
        candidates.len(),
        without_words,
        opts,
        |pairs| {
            let key = |&(m, r): &(usize, usize)| (m.min(r) as u32, m.max(r) as u32);
            let missing: Vec<(u32, u32)> = pairs
                .iter()
                .map(key)
                .filter(|k| !known.contains_key(k))
                .collect();
            let more = if missing.is_empty() {
                HashMap::new()
            } else {
                match jaccards(&articles, &missing, &reread, &bp, opts.ngram) {
                    Ok(j) => missing.iter().copied().zip(j).collect(),
                    Err(e) => {
                        failure = Some(e);
                        HashMap::new()
                    }
                }
            };
            pairs
                .iter()
                .map(|pair| {
                    let k = key(pair);
                    known
                        .get(&k)
                        .or_else(|| more.get(&k))
                        .copied()
                        .unwrap_or(0.0)
                })
                .collect()
        },
    );
    if let Some(e) = failure {
        return Err(e);
    }
    lap("cluster", &mut timings);
    articles.shrink_to_fit();
    Ok(Streamed {
        dedup,
        articles,
        diagnostics,
        timings,
    })
}

/// Articles re-read and shingled per batch in [`jaccards`].
const BATCH: usize = 4096;

/// Exact Jaccard of each pair of article indices, reading the articles again
/// in file order and keeping a shingle set only while a partner is to come.
fn jaccards(
    articles: &[StreamMeta],
    pairs: &[(u32, u32)],
    reread: &Rereader<'_>,
    bp: &Boilerplate,
    ngram: usize,
) -> Result<Vec<f64>> {
    // File order of an article: (file, offset).
    let at = |i: u32| {
        let p = articles[i as usize].place;
        (p.file, p.offset)
    };
    // For each pair, the later member (in file order) computes it.
    let mut later: Vec<(u32, u32, usize)> = pairs
        .iter()
        .enumerate()
        .map(|(k, &(a, b))| if at(a) <= at(b) { (b, a, k) } else { (a, b, k) })
        .collect();
    later.sort_unstable_by_key(|&(l, _, _)| (at(l), l));
    let mut remaining: HashMap<u32, u32> = HashMap::new();
    for &(l, e, _) in &later {
        *remaining.entry(l).or_default() += 1;
        *remaining.entry(e).or_default() += 1;
    }
    let mut needed: Vec<u32> = remaining.keys().copied().collect();
    needed.sort_unstable_by_key(|&i| (at(i), i));
    let mut out = vec![0.0; pairs.len()];
    let mut live: HashMap<u32, Vec<u64>> = HashMap::new();
    let mut next = 0usize; // into `later`
    for batch in needed.chunks(BATCH) {
        let sets: Vec<Result<Vec<u64>>> = batch
            .par_iter()
            .map_init(String::new, |buf, &i| {
                let a = reread.read(&articles[i as usize])?;
                let facts = bp.line_facts(&a.text, buf);
                let cleaned = bp.clean(a.source.as_deref(), &facts);
                Ok(shingle_set(&tokens(&a.text, &cleaned), ngram))
            })
            .collect();
        for (&i, set) in batch.iter().zip(sets) {
            live.insert(i, set?);
            while next < later.len() && later[next].0 == i {
                let (l, e, k) = later[next];
                next += 1;
                out[k] = match (live.get(&l), live.get(&e)) {
                    (Some(x), Some(y)) => jaccard(x, y),
                    _ => 0.0,
                };
                for x in [l, e] {
                    if let Some(r) = remaining.get_mut(&x) {
                        *r -= 1;
                        if *r == 0 {
                            live.remove(&x);
                        }
                    }
                }
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;
    use crate::dedup::par_dedup_articles;
    use crate::ingest::load;
    use crate::normalize::par_clean;

    /// Lines cross chunk boundaries (chunks of 64 KiB, the smallest), ids repeat.
    #[test]
    fn small_chunks_give_the_in_memory_result() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("c.jsonl");
        let mut f = std::fs::File::create(&path).expect("create");
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        let mut bodies: Vec<String> = Vec::new();
        for i in 0..300 {
            let body = if i > 3 && next(3) == 0 {
                let b = &bodies[next(bodies.len() as u64) as usize];
                let cut = next(b.len() as u64 / 20) as usize;
                let mut c = b[..b.len() - cut].to_string();
                while !c.is_char_boundary(c.len()) {
                    c.pop();
                }
                c
            } else {
                (0..250)
                    .map(|_| format!("k{}", next(900)))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let id = if i % 50 == 7 { 3 } else { i };
            let rec = serde_json::json!({"id": format!("a{id:03}"), "source": format!("s{}", i % 3),
                                         "text": format!("Head {}\n{body}\nFoot {}", i % 5, i % 3)});
            writeln!(f, "{rec}").expect("write");
            bodies.push(body);
        }
        drop(f);
        let input = InputOptions::default();
        let opts = DedupOptions::default();
        let corpus = load(std::slice::from_ref(&path), &input).expect("reads");
        let cleaned = par_clean(&corpus.articles);
        let memory = par_dedup_articles(&corpus.articles, &cleaned, &opts).expect("runs");
        let streamed = stream_dedup(&[path], &input, &opts, 1).expect("streams");
        assert!(memory.summary.clusters > 10, "{:?}", memory.summary);
        assert_eq!(memory, streamed.dedup);
        let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
        let sids: Vec<&str> = streamed.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, sids);
        assert_eq!(corpus.diagnostics, streamed.diagnostics);
    }
}
