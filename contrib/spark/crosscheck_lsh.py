#!/usr/bin/env python3
"""Near-duplicate clusters on Apache Spark from the tables of `crosscheck sign`.

    spark-submit crosscheck_lsh.py SIGN_DIR OUT_DIR [--shuffle-partitions N]
    python3 crosscheck_lsh.py SIGN_DIR OUT_DIR            # local mode (pip install pyspark)

crosscheck (Rust) owns everything that depends on the text: cleaning, shingles,
MinHash and band keys are computed by `crosscheck sign`. This job does only the
shuffle, with the rules of `crosscheck dedup`, so that its clusters equal
dedup's article for article:

1. Buckets: rows of `bands` sharing (band, band_hash). A bucket of at most
   `max_bucket` members is expanded into all its pairs; a larger one is chained:
   each member is paired with the bucket's first member and with its neighbour,
   in doc_id order (= id order), as in src/lsh.rs.
2. Verification: each distinct candidate pair is kept when the exact Jaccard of
   the two shingle sets is at least `threshold` (sizes of the sets and of their
   intersection, divided as doubles, as src/shingle.rs does).
3. Connected components of the verified pairs with plain DataFrame operations:
   alternating large-star and small-star rounds (Kiveris et al., "Connected
   Components in MapReduce and Beyond", SoCC 2014) until every component is a
   star around its smallest doc_id.
4. Representative per `keep`: earliest publication instant (undated last),
   longest text in bytes, or first in input order; ties by doc_id (= by id).

Settings (threshold, max_bucket, keep) come from SIGN_DIR/manifest.json.

Output, in OUT_DIR (each table written by Spark, `_SUCCESS` when complete):
    clusters/  doc_id, cluster_id, representative   (strings: article ids; cluster_id is
               the id of the cluster's first member in id order; clusters of 2 or more only)
    pairs/     a, b, jaccard                        (verified pairs, a < b in id order)
    summary/   one JSON line: the manifest's settings and the counts (written last)
"""
import argparse
import json
import sys
import time

from pyspark import SparkConf
from pyspark.sql import SparkSession, Window
from pyspark.sql import functions as F

KEEP_RULES = ("earliest", "longest", "first")


def log(msg):
    print(f"crosscheck_lsh: {msg}", file=sys.stderr, flush=True)


def read_manifest(spark, sign_dir):
    text = spark.read.text(f"{sign_dir}/manifest.json", wholetext=True).first()[0]
    m = json.loads(text)
    if m.get("format") != "crosscheck-sign" or m.get("version") != 1:
        raise SystemExit(f"error: {sign_dir} is not a `crosscheck sign` output (version 1)")
    if m["keep"] not in KEEP_RULES:
        raise SystemExit(f"error: unknown keep rule {m['keep']!r} in the manifest")
    return m


def candidate_pairs(bands, max_bucket):
    """Distinct (a, b), a < b, from the band buckets: expanded or chained as dedup does."""
    bucket = Window.partitionBy("band", "band_hash")
    b = bands.withColumn("n", F.count(F.lit(1)).over(bucket)).filter(F.col("n") >= 2)
    small = b.filter(F.col("n") <= max_bucket).select("band", "band_hash", "doc_id")
    lhs = small.withColumnRenamed("doc_id", "a")
    rhs = small.withColumnRenamed("doc_id", "b")
    expanded = lhs.join(rhs, ["band", "band_hash"]).filter(F.col("a") < F.col("b")).select("a", "b")
    ordered = bucket.orderBy("doc_id")
    big = (
        b.filter(F.col("n") > max_bucket)
        .withColumn("prev", F.lag("doc_id").over(ordered))
        .withColumn("anchor", F.first("doc_id").over(ordered))
    )
    neighbours = big.filter(F.col("prev").isNotNull()).select(F.col("prev").alias("a"), F.col("doc_id").alias("b"))
    to_anchor = big.filter(F.col("anchor") != F.col("doc_id")).select(
        F.col("anchor").alias("a"), F.col("doc_id").alias("b")
    )
    return expanded.unionByName(neighbours).unionByName(to_anchor).distinct()


def scored_pairs(cands, shingles):
    """Candidates with the exact Jaccard of their shingle sets."""
    sa = shingles.select(F.col("doc_id").alias("a"), F.col("shingles").alias("sa"))
    sb = shingles.select(F.col("doc_id").alias("b"), F.col("shingles").alias("sb"))
    common = F.size(F.array_intersect("sa", "sb"))
    union = F.size("sa") + F.size("sb") - common
    j = cands.join(sa, "a").join(sb, "b")
    return j.select("a", "b", (common.cast("double") / union.cast("double")).alias("jaccard"))


def both_ways(e):
    return e.select(F.col("a").alias("u"), F.col("b").alias("v")).unionByName(
        e.select(F.col("b").alias("u"), F.col("a").alias("v"))
    )


def large_star(e):
    """Each node's larger neighbours are linked to the smallest of its closed neighbourhood."""
    d = both_ways(e)
    m = d.groupBy("u").agg(F.least(F.min("v"), F.col("u")).alias("m"))
    return d.filter(F.col("v") > F.col("u")).join(m, "u").select(F.col("m").alias("a"), F.col("v").alias("b")).distinct()


def small_star(e):
    """Each node and its smaller neighbours are linked to the smallest of them."""
    d = both_ways(e).filter(F.col("v") < F.col("u"))
    m = d.groupBy("u").agg(F.min("v").alias("m"))
    linked = d.join(m, "u")
    out = linked.filter(F.col("v") != F.col("m")).select(F.col("m").alias("a"), F.col("v").alias("b"))
    out = out.unionByName(m.select(F.col("m").alias("a"), F.col("u").alias("b")))
    return out.distinct()


def is_star_forest(e):
    """Every child has one parent and no parent is a child: each component is a star."""
    parents = e.select(F.col("a").alias("x"), F.lit(1).alias("p"), F.lit(0).alias("c"))
    children = e.select(F.col("b").alias("x"), F.lit(0).alias("p"), F.lit(1).alias("c"))
    per_node = parents.unionByName(children).groupBy("x").agg(F.max("p").alias("p"), F.sum("c").alias("c"))
    bad = per_node.filter((F.col("c") > 1) | ((F.col("c") == 1) & (F.col("p") == 1)))
    return bad.limit(1).count() == 0


def components(edges, max_rounds=100):
    """(doc_id, root): each node of the edge graph and the smallest doc_id of its component."""
    e = edges.select("a", "b").distinct().localCheckpoint()
    for rounds in range(1, max_rounds + 1):
        e = large_star(e).localCheckpoint()
        e = small_star(e).localCheckpoint()
        if is_star_forest(e):
            break
    else:
        raise SystemExit(f"error: connected components did not converge in {max_rounds} rounds")
    log(f"connected components: {rounds} round{'s' if rounds > 1 else ''}")
    roots = e.select(F.col("a").alias("doc_id"), F.col("a").alias("root")).distinct()
    return e.select(F.col("b").alias("doc_id"), F.col("a").alias("root")).unionByName(roots)


def representative_order(keep):
    if keep == "earliest":
        return [F.col("published_minutes").isNull(), F.col("published_minutes"), F.col("doc_id")]
    if keep == "longest":
        return [F.col("text_bytes").desc(), F.col("doc_id")]
    return [F.col("seq"), F.col("doc_id")]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sign_dir", help="output folder of `crosscheck sign`")
    ap.add_argument("out_dir", help="where to write clusters/, pairs/ and summary/ (replaced)")
    ap.add_argument("--shuffle-partitions", type=int, help="spark.sql.shuffle.partitions (default: Spark's)")
    args = ap.parse_args(argv)

    conf = SparkConf()
    builder = SparkSession.builder.appName("crosscheck-lsh")
    if not conf.contains("spark.master"):
        # Plain `python3`: local mode, quiet, no web UI.
        builder = (
            builder.master("local[*]")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
        )
    if args.shuffle_partitions:
        builder = builder.config("spark.sql.shuffle.partitions", str(args.shuffle_partitions))
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    t0 = time.time()

    m = read_manifest(spark, args.sign_dir)
    threshold, cap, keep = m["threshold"], max(2, int(m["max_bucket"])), m["keep"]
    bands = spark.read.parquet(f"{args.sign_dir}/bands")
    shingles = spark.read.parquet(f"{args.sign_dir}/shingles")
    docs = spark.read.parquet(f"{args.sign_dir}/documents")

    scored = scored_pairs(candidate_pairs(bands, cap), shingles)
    scored = scored.withColumn("ok", F.col("jaccard") >= F.lit(float(threshold))).localCheckpoint()
    counts = scored.agg(F.count(F.lit(1)).alias("n"), F.sum(F.col("ok").cast("long")).alias("v")).first()
    n_cand, n_edges = counts["n"], counts["v"] or 0
    edges = scored.filter("ok").select("a", "b", "jaccard")
    log(f"{n_cand} candidate pairs, {n_edges} verified ({time.time() - t0:.1f} s)")

    labels = components(edges)
    members = labels.join(docs, "doc_id")
    cluster = Window.partitionBy("root").orderBy(*representative_order(keep))
    whole = cluster.rowsBetween(Window.unboundedPreceding, Window.unboundedFollowing)
    ids = docs.select("doc_id", "id")
    out = (
        members.withColumn("representative", F.first("id").over(whole))
        .join(ids.select(F.col("doc_id").alias("root"), F.col("id").alias("cluster_id")), "root")
        .select(F.col("id").alias("doc_id"), "cluster_id", "representative", F.col("root"), F.col("doc_id").alias("d"))
        .orderBy("root", "d")
        .drop("root", "d")
        .localCheckpoint()
    )
    counts = out.agg(F.count(F.lit(1)).alias("n"), F.countDistinct("cluster_id").alias("k")).first()
    n_articles, n_clusters = counts["n"], counts["k"]
    out.write.mode("overwrite").parquet(f"{args.out_dir}/clusters")

    pairs = (
        edges.join(ids.select(F.col("doc_id").alias("a"), F.col("id").alias("a_id")), "a")
        .join(ids.select(F.col("doc_id").alias("b"), F.col("id").alias("b_id")), "b")
        .orderBy("a", "b")
        .select(F.col("a_id").alias("a"), F.col("b_id").alias("b"), "jaccard")
    )
    pairs.write.mode("overwrite").parquet(f"{args.out_dir}/pairs")

    summary = {k: m[k] for k in ("threshold", "ngram", "num_perm", "bands", "rows", "max_bucket", "keep")}
    summary.update(
        articles=m["articles"],
        candidate_pairs=n_cand,
        verified_pairs=n_edges,
        clusters=n_clusters,
        clustered_articles=n_articles,
    )
    spark.createDataFrame([(json.dumps(summary),)], ["value"]).coalesce(1).write.mode("overwrite").text(
        f"{args.out_dir}/summary"
    )
    log(
        f"{n_clusters} clusters, {n_articles} clustered articles of {m['articles']} "
        f"in {time.time() - t0:.1f} s -> {args.out_dir}"
    )
    spark.stop()


if __name__ == "__main__":
    main()
