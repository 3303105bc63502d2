"""Per-partition overhead of copydesk.dask: 256 one-sentence texts in 8 vs 256 partitions.

usage: python partition_overhead.py   (needs copydesk[dask]; prints one JSON line per setting)
"""

from __future__ import annotations

import json
import statistics
import time

import dask.dataframe as dd
import pandas as pd
from distributed import Client, LocalCluster

from copydesk.dask import analyze_frame


def main() -> None:
    cluster = LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    )
    with cluster, Client(cluster):
        for parts in (8, 256):
            times = []
            for rep in range(3):
                texts = [f"Short text number {i}." for i in range(256)]
                df = pd.DataFrame({"text": texts, "rep": rep})
                t = time.perf_counter()
                analyze_frame(dd.from_pandas(df, npartitions=parts)).compute()
                times.append(time.perf_counter() - t)
            row = {
                "partitions": parts,
                "times": [round(x, 3) for x in times],
                "median_s": round(statistics.median(times), 3),
            }
            print(json.dumps(row))


if __name__ == "__main__":
    main()
