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
_FOLDER_UJI = Path(tempfile.mkdtemp(prefix="renstra-uji-"))
os.environ["RENSTRA_DB_URL"] = f"sqlite:///{_FOLDER_UJI / 'realisasi.sqlite'}"

# A SYNTHETIC admin account for the browser test of Isi Realisasi (never a real credential);
# the server reads it through RENSTRA_AKUN_BERKAS, outside the repository.
AKUN_UJI, SANDI_UJI = "admin_uji", "sandi-uji-panjang-1"
os.environ["RENSTRA_AKUN_BERKAS"] = str(_FOLDER_UJI / "akun.toml")


def _tulis_akun_uji() -> None:
    from realisasi.akun import buat_hash

    (_FOLDER_UJI / "akun.toml").write_text(
        f'[akun.{AKUN_UJI}]\nhash = "{buat_hash(SANDI_UJI)}"\nperan = "admin"\n', encoding="utf-8"
    )


_tulis_akun_uji()


@pytest.fixture(scope="session")
def renstra() -> Renstra:
    return load_renstra()


@pytest.fixture
def salinan(tmp_path: Path) -> Path:
    """A copy of the bundled folder that a test may damage."""
    tujuan = tmp_path / "renstra"
    shutil.copytree(FOLDER_BAWAAN, tujuan)
    return tujuan
