"""Scaling-out benchmark: the 20 MB news corpus with analyze_many, Dask, Spark.

usage: python benches/python/scale_out.py CORPUS {many|dask|spark}
       [--parts N ...] [--repeat R] [--level L]
Prints one JSON line per configuration: median and all wall times (seconds).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time


def timed(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        n = fn()
        times.append(time.perf_counter() - t)
    return n, times


def report(**kw):
    kw["median_s"] = round(statistics.median(kw["times"]), 3)
    kw["times"] = [round(t, 3) for t in kw["times"]]
    print(json.dumps(kw), flush=True)


def bench_many(path, args):
    import pandas as pd

    import copydesk

    df = pd.read_json(path, lines=True)
    texts = df["text"].tolist()
    nlp = copydesk.Pipeline()
    nlp.analyze_many(texts[:50])  # models loaded
    n, t = timed(lambda: len(nlp.analyze_many(texts)), args.repeat)
    report(engine="analyze_many", docs=n, times=t)
    n, t = timed(lambda: len(copydesk.frame(nlp.analyze_many(texts), args.level)), args.repeat)
    report(engine="analyze_many+frame", level=args.level, rows=n, times=t)


def bench_dask(path, args):
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    from copydesk.dask import analyze_frame

    size = os.path.getsize(path)
    t0 = time.perf_counter()
    with (
        LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        report(engine="dask-startup", times=[time.perf_counter() - t0])
        client.run(lambda: __import__("copydesk").analyze("Warm up."))
        for parts in args.parts:
            ddf = dd.read_json(path, lines=True, blocksize=max(1, size // parts) + 1)
            reps = iter(range(args.repeat))

            def run(ddf=ddf, reps=reps):
                # a distinct graph per repetition: no result reuse by the scheduler
                fresh = ddf.assign(rep=next(reps))
                return len(analyze_frame(fresh, level=args.level, id_column="id").compute())

            n, t = timed(run, args.repeat)
            report(engine="dask", partitions=ddf.npartitions, level=args.level, rows=n, times=t)


def bench_spark(path, args):
    from functools import partial

    from pyspark.sql import SparkSession

    from copydesk.spark import analyze_partitions, schema

    os.environ["PYSPARK_PYTHON"] = sys.executable
    t0 = time.perf_counter()
    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "4g")
        .getOrCreate()
    )
    report(engine="spark-startup", times=[time.perf_counter() - t0])
    size = os.path.getsize(path)
    fn = partial(analyze_partitions, level=args.level, id_column="id")
    for parts in args.parts:
        spark.conf.set("spark.sql.files.maxPartitionBytes", str(max(1, size // parts) + 1))
        sdf = spark.read.json(path).select("id", "text")
        out = sdf.mapInPandas(fn, schema(args.level, doc_type="string"))

        def run(out=out):
            out.write.format("noop").mode("overwrite").save()
            return None

        run()  # python workers started
        _, t = timed(run, args.repeat)
        report(engine="spark", partitions=sdf.rdd.getNumPartitions(), level=args.level, times=t)
    spark.stop()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("corpus")
    p.add_argument("engine", choices=["many", "dask", "spark"])
    p.add_argument("--parts", type=int, nargs="*", default=[8])
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--level", default="documents")
    args = p.parse_args()
    {"many": bench_many, "dask": bench_dask, "spark": bench_spark}[args.engine](args.corpus, args)


if __name__ == "__main__":
    main()
