"""The archive at scale: add N varied disclosures, then time the list page and the comparisons.

    .venv/bin/python bench/bench_archive.py [N] [--db PATH] [--runs R]

The documents are built as model objects from the seed example (the writers are not ready): each
gets a department of one of 20 regions, a year, and the seed's amounts scaled by its own factor
(exact Decimal, rounded to the cent as a document prints). The seed's check report is reused for
every document, so findings take the space they would without running the checker N times.
Every document goes through `Archive.add_record`, one transaction each, as `yusuan batch` will.

Timings are in process, on a warm connection (as a server holds one): best and median of R runs.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

from yusuan.archive import Archive, Filters, hash_bytes
from yusuan.archiving import document_record
from yusuan.checks import run_checks
from yusuan.checks_xdoc import check_archived
from yusuan.compare import department_over_years, region_in_year
from yusuan.model import Disclosure, Row
from yusuan.pipeline import parse_path

SEED = Path(__file__).resolve().parent.parent / "examples" / "tongnan-jxw-2024-budget.txt"
REGIONS = [f"重庆市{d}" for d in ("潼南区", "合川区", "铜梁区", "大足区", "荣昌区", "永川区", "璧山区", "江津区", "綦江区",
                                "南川区", "涪陵区", "长寿区", "垫江县", "梁平区", "忠县", "丰都县", "武隆区", "万州区",
                                "开州区", "云阳县")]
DEPARTMENTS = ("经济和信息化委员会", "教育委员会", "科学技术局", "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局",
               "规划和自然资源局", "生态环境局", "住房和城乡建设委员会", "交通局", "水利局", "农业农村委员会", "商务委员会",
               "文化和旅游发展委员会", "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局", "市场监督管理局", "统计局",
               "医疗保障局", "林业局", "城市管理局", "机关事务管理局", "信访办公室", "发展和改革委员会", "人民政府办公室",
               "档案馆", "地方志办公室", "供销合作社", "残疾人联合会", "妇女联合会", "总工会", "科学技术协会", "文学艺术界联合会",
               "红十字会", "工商业联合会", "人民检察院", "人民法院", "融媒体中心", "大数据应用发展管理局", "体育局", "国有资产监督管理委员会",
               "民族宗教事务委员会", "粮食和物资储备局", "消防救援支队", "气象局", "港航管理中心")
CENT = Decimal("0.01")


def scale(value: Decimal | None, factor: Decimal) -> Decimal | None:
    return None if value is None else (value * factor).quantize(CENT)


def _scaled_rows(rows: list[Row], factor: Decimal, year: int | None = None) -> list[Row]:
    """New rows with scaled values (the seed's rows are shared, never changed)."""
    scaled = []
    for row in rows:
        name = row.name
        if year is not None and name.isdigit():  # the 三公 table's rows are years: 2023, 2024
            name = str(year - (2024 - int(name)))
        values = {k: scale(v, factor) for k, v in row.values.items()}
        scaled.append(row.model_copy(update={"name": name, "values": values}))
    return scaled


def varied(seed: Disclosure, department: str, year: int, factor: Decimal) -> Disclosure:
    """The seed with another department and year, every amount scaled by `factor`."""
    tables = {tid: t.model_copy(update={"rows": _scaled_rows(t.rows, factor, year if tid == "three_public" else None)})
              for tid, t in seed.tables.items()}
    claims = [c.model_copy(update={
        "value": scale(c.value, factor), "change": scale(c.change, factor),
        "year": year if c.year == 2024 else c.year,
        "compared_year": year - 1 if c.compared_year == 2023 else c.compared_year}) for c in seed.narrative.claims]
    projects = [p.model_copy(update={"amount": scale(p.amount, factor),
                                     "funding": {k: scale(v, factor) for k, v in p.funding.items()}})
                for p in seed.projects]
    return seed.model_copy(update={
        "department": department, "year": year, "source_name": f"{department}{year}年部门预算.txt", "tables": tables,
        "narrative": seed.narrative.model_copy(update={"claims": claims}), "projects": projects})


def documents(n: int, seed: Disclosure) -> Iterator[Disclosure]:
    rng = random.Random(7)
    years = range(2024 - (n // (len(REGIONS) * len(DEPARTMENTS)) or 1) + 1, 2025)
    for i in range(n):
        region = REGIONS[i % len(REGIONS)]
        department = DEPARTMENTS[(i // len(REGIONS)) % len(DEPARTMENTS)]
        year = years[(i // (len(REGIONS) * len(DEPARTMENTS))) % len(years)]
        factor = Decimal(rng.randint(30, 300)) / 100
        yield varied(seed, region + department, year, factor)


def timed(action: Callable[[], object], runs: int) -> tuple[float, float]:
    action()  # warm: first query plans and loads the columns it reads
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times)


def fill(archive: Archive, n: int) -> tuple[int, float]:
    """Add the first n generated documents (those already there are skipped by hash)."""
    seed = parse_path(SEED)
    report = run_checks(seed)
    added, start = 0, time.perf_counter()
    for d in documents(n, seed):
        added += archive.add_record(document_record(d, hash_bytes(d.model_dump_json().encode()), report)).new
    return added, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int, nargs="?", default=10_000)
    parser.add_argument("--db", type=Path, default=None, help="reuse this archive (filled when empty)")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp(prefix="yusuan-bench-")) / "bench.duckdb"
    start = time.perf_counter()
    with Archive.open(path) as archive:
        print(f"open (lock, connect, schema check): {(time.perf_counter() - start) * 1000:.1f} ms")
        if archive.list(limit=1).total < args.n:
            added, seconds = fill(archive, args.n)
            print(f"added {added} documents in {seconds:.1f} s ({added / seconds:.1f} documents/s, "
                  "one transaction each, building the rows included)")
        total = archive.list(limit=1).total
        region, department = REGIONS[0], REGIONS[0] + DEPARTMENTS[0]
        year = archive.query("SELECT max(year) FROM documents").rows[0][0]
        cases = {
            "list page (the last 50 of all, by offset)": lambda: archive.list(limit=50, offset=total - 50),
            "list page filtered by region": lambda: archive.list(Filters(region=region), limit=50),
            "show one document": lambda: archive.show(total // 2),
            "cross-document checks of one document": lambda: check_archived(archive, total),
            "compare one department over years": lambda: department_over_years(archive, department),
            f"compare a district's departments in {year} (50)": lambda: region_in_year(archive, region, year),
            f"compare a city's departments in {year} (1000)": lambda: region_in_year(archive, "重庆市", year),
        }
        print(f"archive: {path} ({path.stat().st_size / 2**20:.0f} MiB, {total} documents, "
              f"{archive.query('SELECT count(*) FROM lines').rows[0][0]} lines)")
        print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
              f"duckdb {__import__('duckdb').__version__}")
        for name, action in cases.items():
            best, median = timed(action, args.runs)
            print(f"{name}: best {best:.1f} ms, median {median:.1f} ms ({args.runs} runs)")


if __name__ == "__main__":
    main()
