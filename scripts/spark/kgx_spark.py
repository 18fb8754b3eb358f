"""kgx on Apache Spark: the corpus as an RDD of JSON lines, kgx as the map step, `kgx merge` as the reduce.

    python3 kgx_spark.py CORPUS.jsonl --store OUT.kgx [--relations OUT_DIR] [--master local[2]] [--partitions N]

Map: each partition's JSON lines go to `kgx extract - -o part-N.kgx` on standard input (the per-document
graphs in a corpus store), and with --relations also through `kgx relations -` (`RDD.pipe`: one JSON line of
relations per document, for engines that consume streams). Reduce: `kgx merge` of the partition stores in
partition order, which gives the store one `kgx extract` run over the whole corpus gives (merging is
associative, and a document id seen twice keeps its last version).

On a cluster, `--master` names it (yarn, spark://…, k8s://…), kgx must be installed at the same path on every
worker (or shipped with `--files`), and --work must be a folder every worker and the driver share (NFS, or a
mounted bucket): the partition stores are written there and merged by the driver.
"""
import argparse
import os
import subprocess
import sys
import tempfile


def extract_partition(kgx, work, extra, index, lines):
    """Runs kgx on one partition; yields the path of the store it wrote (nothing for an empty partition)."""
    data = "".join(line + "\n" for line in lines)
    if not data.strip():
        return
    path = os.path.join(work, "part-%05d.kgx" % index)
    result = subprocess.run([kgx, "extract", "-", "-o", path, "--jobs", "1", "--quiet"] + extra,
                            input=data.encode("utf-8"), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if result.returncode != 0:
        raise RuntimeError("kgx extract failed on partition %d: %s" % (index, result.stderr.decode("utf-8", "replace")))
    yield path


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", help="JSON Lines corpus: one {\"id\", \"text\", \"referenceDate\"?} per line")
    parser.add_argument("--store", required=True, help="the merged corpus store to write (.kgx)")
    parser.add_argument("--relations", help="also write the relation stream of `kgx relations` into this folder")
    parser.add_argument("--kgx", default="kgx", help="the kgx binary (default: kgx on PATH)")
    parser.add_argument("--master", default="local[2]", help="Spark master (default: local[2])")
    parser.add_argument("--partitions", type=int, default=4, help="minimum number of partitions (default: 4)")
    parser.add_argument("--work", help="folder for the partition stores (default: a temporary folder)")
    parser.add_argument("--reference-date", help="passed to kgx for documents without their own referenceDate")
    args = parser.parse_args()

    from pyspark.sql import SparkSession  # imported here so --help works without Spark

    kgx = os.path.abspath(args.kgx) if os.path.sep in args.kgx else args.kgx
    extra = ["--reference-date", args.reference_date] if args.reference_date else []
    work = args.work or tempfile.mkdtemp(prefix="kgx-spark-")
    os.makedirs(work, exist_ok=True)
    spark = SparkSession.builder.master(args.master).appName("kgx").getOrCreate()
    try:
        lines = spark.sparkContext.textFile(os.path.abspath(args.corpus), minPartitions=args.partitions)
        if args.relations:
            lines.pipe(" ".join([kgx, "relations", "-", "--jobs", "1", "--quiet"] + extra)).saveAsTextFile(args.relations)
        stores = lines.mapPartitionsWithIndex(lambda index, part: extract_partition(kgx, work, extra, index, part)).collect()
    finally:
        spark.stop()
    if not stores:
        sys.exit("kgx_spark: %s holds no documents" % args.corpus)
    subprocess.run([kgx, "merge"] + sorted(stores) + ["-o", args.store], check=True)
    for path in stores:
        os.remove(path)


if __name__ == "__main__":
    main()
