import pytest

from yusuan.archive import Archive


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "archive.duckdb"


@pytest.fixture
def archive(db_path):
    with Archive.open(db_path) as opened:
        yield opened
