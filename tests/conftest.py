import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# helper modules at the top of tests/ (misbehaving.py) are imported by name; --import-mode=importlib adds no path
if str(ROOT / "tests") not in sys.path:
    sys.path.insert(0, str(ROOT / "tests"))
SEED = ROOT / "examples" / "tongnan-jxw-2024-budget.txt"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed():
    from yusuan.pipeline import parse_path

    return parse_path(SEED)


@pytest.fixture(scope="session")
def facts():
    """The facts of the bundled input example (examples/budget-input.yaml)."""
    from example_files import EXAMPLE_YAML
    from yusuan.inputs import load_input

    return load_input(EXAMPLE_YAML)[0]


@pytest.fixture(scope="session")
def derived(facts):
    """The disclosure composed from those facts."""
    from yusuan.compose import derive

    return derive(facts)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "archive.duckdb"


@pytest.fixture
def archive(db_path):
    """A new, empty archive of the test's own."""
    from yusuan.archive import Archive

    with Archive.open(db_path) as opened:
        yield opened


# The modules that read the whole corpus, drive a browser or a server process, fuzz, render PDFs, or time how
# the cost grows with the input: the
# full suite (CI, `./dev test`) runs them; a developer's fast tier (`./dev fast`) leaves them out.
SLOW_MODULES = {
    "test_corpus_walk.py", "checks/test_narrative_review_corpus.py", "checks/test_seed_checks.py",
    "recognize/test_corpus_tables.py", "readers/test_pdf.py", "readers/test_limits.py",
    "writers/test_pdf.py", "writers/test_pdf_speed.py", "writers/test_roundtrip.py", "writers/test_cli_render.py",
    "web/test_kill_trials.py", "web/test_schemathesis.py", "web/test_e2e.py", "web/test_safety.py",
    "web/test_api.py", "web/test_access.py", "fuzz/test_fuzz_readers.py", "properties/test_checks.py",
    "properties/test_roundtrip.py", "batch/test_kill_and_resume.py", "batch/test_ray.py", "batch/test_batch.py",
    "archive/test_concurrency.py", "cli/test_conventions.py", "web/test_archive_sharing.py", "checks/test_mutation.py",
    "checks/test_robustness.py", "batch/test_cli_batch.py", "recognize/test_final_accounts.py", "test_lifeline.py",
    "readers/test_memory_bounds.py", "test_isolation.py", "readers/test_pdf_engines_corpus.py",
    "checks/test_scaling.py", "fuzz/test_regressions.py",
    # servers started and PDFs drawn, whole synthetic collections: the fast tier stays under a minute
    "web/test_pdf_pages.py", "web/test_hosts.py", "synth/test_synth.py", "archive/test_export_import.py",
}


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: left out of the fast tier (`./dev fast`)")


def pytest_collection_modifyitems(config, items):
    tests = Path(__file__).resolve().parent
    for item in items:
        if item.path.relative_to(tests).as_posix() in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)
