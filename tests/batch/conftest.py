from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def collection(tmp_path_factory) -> Path:
    """A small synthetic collection (text), generated once for the session."""
    from yusuan.synth.generate import SynthOptions, generate

    folder = tmp_path_factory.mktemp("collection")
    generate(SynthOptions(count=24, seed=11, error_rate=0.3), folder)
    return folder
