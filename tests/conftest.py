"""Shared fixtures: the bundled Renstra loaded once, and a writable copy of its folder."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

from loaders import load_renstra
from loaders.renstra import FOLDER_BAWAAN, Renstra

# Hypothesis checks properties, not speed: its per-example deadline fails at random on a
# busy 2-core machine (speed is measured by bench/, not by tests).
settings.register_profile("renstra", deadline=None)
settings.load_profile("renstra")

# Every test (AppTest in-process and the browser tests' server, which inherits the environment)
# uses its own empty realisasi store, never the developer's real one.
_DB_UJI = Path(tempfile.mkdtemp(prefix="renstra-uji-")) / "realisasi.sqlite"
os.environ["RENSTRA_DB_URL"] = f"sqlite:///{_DB_UJI}"


@pytest.fixture(scope="session")
def renstra() -> Renstra:
    return load_renstra()


@pytest.fixture
def salinan(tmp_path: Path) -> Path:
    """A copy of the bundled folder that a test may damage."""
    tujuan = tmp_path / "renstra"
    shutil.copytree(FOLDER_BAWAAN, tujuan)
    return tujuan
