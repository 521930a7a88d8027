#!/usr/bin/env python3
"""Generate a large `Utfall` workbook (reference layout) for benchmarks.

    python3 bench/gen_utfall.py bench/utfall-1m.xlsx                 # 1 000 000 ledger rows
    python3 bench/gen_utfall.py bench/utfall-100k.xlsx --rows 100000
    python3 bench/gen_utfall.py --csv bench/utfall-1m-csv            # CSV folder variant only
    python3 bench/gen_utfall.py bench/utfall-1m.xlsx --csv bench/utfall-1m-csv   # both

Sheets: `Utfall` with N posting rows for 2023 (all twelve months, every ledger ID code of the
nine assignments plus about one unmapped posting per 10 000 rows), and the same `Volymer` and
`Budget` sheets as fixtures/2023.xlsx (built by fixtures/generate.py, imported here). Each
assignment, part and month carries the same cost as in fixtures/2023.xlsx, only spread over many
more postings, so a run on the big file gives the same compensation and (up to the unmapped
postings) the same cost per assignment as the fixture.

Deterministic: a fixed seed (--seed) gives identical rows on every run. The xlsx is written with
openpyxl in write-only mode; the CSV folder is ';'-separated with decimal comma (Swedish Excel).
Generated files are ignored by bench/.gitignore (*.xlsx, *-csv/): do not commit them.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import random
import sys
import time

sys.dont_write_bytecode = True  # keep fixtures/ free of __pycache__

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(os.path.dirname(HERE), "fixtures", "generate.py")


def load_fixtures():
    spec = importlib.util.spec_from_file_location("ekostyr_fixtures", FIXTURES)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up here
    spec.loader.exec_module(mod)
    return mod


g = load_fixtures()
YEAR = 2023


def allocate(n: int, weights: list[float]) -> list[int]:
    """Split n into integers proportional to weights (largest remainder)."""
    total = sum(weights)
    exact = [n * w / total for w in weights]
    counts = [int(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (exact[i] - counts[i]), reverse=True)
    for i in order[: n - sum(counts)]:
        counts[i] += 1
    return counts


def utfall_rows(n: int, seed: int):
    """Yield n rows (period, id, komplement, konto, öre), month by month."""
    parts = g.structure()
    targets = g.cost_targets(YEAR, parts)
    n_unmapped = min(n, max(1, n // 10_000))
    density = [len(p.codes) * sum(prob for _k, _s, prob in g.PROFILES[p.profile]) for p in parts]
    counts = allocate(n - n_unmapped, [d * g.SEASON_COST[m] for m in range(12) for d in density])
    unmapped_per_month = allocate(n_unmapped, [1.0] * 12)
    rng = random.Random(seed)
    lognorm = rng.lognormvariate
    for m in range(12):
        period = f"{YEAR}-{m + 1:02d}"
        for pi, part in enumerate(parts):
            c = counts[m * len(parts) + pi]
            if c == 0:
                continue
            codes = part.codes
            code_cum = []
            acc = 0.0
            for code in codes:
                acc += part.unit_weight[code]
                code_cum.append(acc)
            profile = g.PROFILES[part.profile]
            kontos = [k for k, _s, _p in profile]
            konto_cum = []
            acc = 0.0
            for _k, _s, prob in profile:
                acc += prob
                konto_cum.append(acc)
            per_posting = {k: share / prob for k, share, prob in profile}
            postings = []
            for code, konto in zip(rng.choices(codes, cum_weights=code_cum, k=c),
                                   rng.choices(kontos, cum_weights=konto_cum, k=c)):
                kompl = rng.choice(part.komplement[code])
                if rng.random() < 0.01:  # correction
                    postings.append((code, kompl, rng.choice(g.CORRECTION_ACCOUNTS), -rng.randrange(5_000, 800_000)))
                else:
                    postings.append((code, kompl, konto, per_posting[konto] * lognorm(0, 0.6)))
            if not any(isinstance(w, float) for *_x, w in postings):
                code, kompl, konto, _w = postings[0]
                postings[0] = (code, kompl, konto, 1.0)
            for code, kompl, konto, amount in g.split_cell(rng, part, targets[(part.uppdrag, part.del_)][m], postings):
                yield (period, code, kompl, konto, amount)
        for i in range(unmapped_per_month[m]):
            code = rng.choice(g.UNMAPPED_CODES)
            amount = rng.randrange(10_000, 4_500_000) * (-1 if rng.random() < 0.1 else 1)
            yield (period, code, f"K{rng.randrange(1000, 10000):04d}", rng.choice(["6110", "7010", "4010"]), amount)


def write_xlsx(path: str, n: int, seed: int, yd) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    wb.properties.creator = "ekostyr bench/gen_utfall.py"
    wb.properties.created = g.fixed_timestamp(YEAR)
    ws = wb.create_sheet("Utfall")
    ws.append(g.UTFALL_HEADER)
    done = 0
    t0 = time.time()
    for period, code, kompl, konto, amount in utfall_rows(n, seed):
        ws.append((period, code, kompl, konto, amount / 100))
        done += 1
        if done % 200_000 == 0:
            print(f"  {done:>9} rows  {time.time() - t0:6.1f} s", file=sys.stderr)
    ws = wb.create_sheet("Volymer")
    ws.append(g.VOLYMER_HEADER)
    for r in yd.volumes:
        ws.append(list(r))
    ws = wb.create_sheet("Budget")
    ws.append(g.BUDGET_HEADER)
    for r in yd.budget:
        ws.append(list(r))
    tmp = path + ".part"
    wb.save(tmp)
    os.replace(tmp, path)


def write_csv_dir(directory: str, n: int, seed: int, yd) -> None:
    os.makedirs(directory, exist_ok=True)
    g.write_csv(os.path.join(directory, "Utfall.csv"), g.UTFALL_HEADER, g.utfall_csv_rows(utfall_rows(n, seed)))
    g.write_csv(os.path.join(directory, "Volymer.csv"), g.VOLYMER_HEADER, g.values_csv_rows(yd.volumes))
    g.write_csv(os.path.join(directory, "Budget.csv"), g.BUDGET_HEADER, g.values_csv_rows(yd.budget))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Generate a large Utfall workbook (reference layout) for benchmarks.")
    ap.add_argument("out", nargs="?", help="output .xlsx file")
    ap.add_argument("--rows", type=int, default=1_000_000, help="Utfall rows (default 1 000 000)")
    ap.add_argument("--csv", metavar="DIR", help="also (or only) write the CSV folder variant to DIR")
    ap.add_argument("--seed", type=int, default=2023_1000, help="random seed (default fixed)")
    args = ap.parse_args(argv)
    if not args.out and not args.csv:
        ap.error("give OUT.xlsx and/or --csv DIR")
    if args.rows < 1:
        ap.error("--rows must be at least 1")
    if args.out and not args.out.lower().endswith(".xlsx"):
        ap.error("OUT must end in .xlsx")
    yd = g.build_year(YEAR, with_ledger=False)
    if args.out:
        t0 = time.time()
        write_xlsx(args.out, args.rows, args.seed, yd)
        print(f"wrote {args.out}: {args.rows} Utfall rows, {len(yd.volumes)} Volymer rows, "
              f"{len(yd.budget)} Budget rows, {os.path.getsize(args.out) / 1e6:.1f} MB in {time.time() - t0:.1f} s")
    if args.csv:
        t0 = time.time()
        write_csv_dir(args.csv, args.rows, args.seed, yd)
        size = sum(os.path.getsize(os.path.join(args.csv, f)) for f in ("Utfall.csv", "Volymer.csv", "Budget.csv"))
        print(f"wrote {args.csv}/{{Utfall,Volymer,Budget}}.csv: {args.rows} Utfall rows, "
              f"{size / 1e6:.1f} MB in {time.time() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
