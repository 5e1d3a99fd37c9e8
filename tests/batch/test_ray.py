"""The Ray engine on a local Ray instance gives the archive the local engine gives, and its Parquet
partitions import into another archive with the same contents."""

import pytest

from yusuan import archiving
from yusuan.archive import Archive
from yusuan.batch import BatchOptions, run_batch

from .contents import contents

ray = pytest.importorskip("ray")


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def test_ray_and_local_runs_archive_the_same_contents(collection, tmp_path, local_ray):
    local = run_batch([collection], BatchOptions(db=tmp_path / "local.duckdb", workers=2, progress=False))
    distributed = run_batch([collection], BatchOptions(db=tmp_path / "ray.duckdb", workers=2, engine="ray",
                                                       out=tmp_path / "parts", progress=False))
    assert local.added == distributed.added == 24
    assert contents(tmp_path / "ray.duckdb") == contents(tmp_path / "local.duckdb")

    partitions = sorted(p.relative_to(tmp_path / "parts").parts[:2] for p in (tmp_path / "parts").rglob("*.parquet"))
    assert partitions and all(year.startswith("document_year=") for _, year in partitions)
    assert not (tmp_path / "parts" / "_staging").exists() or not any((tmp_path / "parts" / "_staging").iterdir())
    with Archive.open(tmp_path / "imported.duckdb") as archive:
        archiving.import_parquet(archive, tmp_path / "parts")
    assert contents(tmp_path / "imported.duckdb") == contents(tmp_path / "local.duckdb")


def test_a_ray_run_skips_what_the_archive_holds(collection, tmp_path, local_ray):
    options = BatchOptions(db=tmp_path / "ray.duckdb", workers=2, engine="ray", out=tmp_path / "parts", progress=False)
    run_batch([collection], options)
    again = run_batch([collection], options)
    assert (again.archived_before, again.added) == (24, 0)
