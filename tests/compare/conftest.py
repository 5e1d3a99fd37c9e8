import pytest

from yusuan.archive import Archive


@pytest.fixture
def archive(tmp_path):
    with Archive.open(tmp_path / "archive.duckdb") as opened:
        yield opened
