"""Shared fixtures: the bundled Renstra loaded once, a writable copy of its folder, and isolation.

Isolation: no test reaches a configured store, account file or secrets file. Streamlit reads a
test-only secrets file, the accounts come from a synthetic file, and every test gets its own
throwaway realisasi store (``gudang_sendiri``).
"""

from __future__ import annotations

import itertools
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from streamlit import config as konfigurasi_streamlit

from loaders import load_renstra
from loaders.renstra import FOLDER_BAWAAN, Renstra

# Hypothesis checks properties, not speed: its per-example deadline fails at random on a
# busy 2-core machine (speed is measured by bench/, not by tests).
settings.register_profile("renstra", deadline=None)
settings.load_profile("renstra")

# The settings below reach AppTest in-process and the browser tests' servers, which inherit the
# environment. The environment variables win over .streamlit/secrets.toml (state.url_gudang,
# state.data_akun), so a developer's own secrets can never point the suite at the real store.
_FOLDER_UJI = Path(tempfile.mkdtemp(prefix="renstra-uji-"))
os.environ["RENSTRA_DB_URL"] = f"sqlite:///{_FOLDER_UJI / 'realisasi.sqlite'}"  # outside a test

# Streamlit's secrets come from a test-only file, never the developer's .streamlit/secrets.toml
# (git-ignored; it may hold [database] url and [akun.*]) nor ~/.streamlit/secrets.toml.
# `streamlit run` takes the option from STREAMLIT_SECRETS_FILES; in-process, Streamlit reads
# such options only from config files and flags, so it is set directly as well.
SECRETS_UJI = _FOLDER_UJI / "secrets.toml"
SECRETS_UJI.write_text("# Secrets khusus tes: sengaja tanpa [database] dan [akun].\n", encoding="utf-8")
os.environ["STREAMLIT_SECRETS_FILES"] = str(SECRETS_UJI)
konfigurasi_streamlit.set_option("secrets.files", [str(SECRETS_UJI)])

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


_NOMOR_GUDANG = itertools.count(1)


@pytest.fixture(autouse=True)
def gudang_sendiri(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """This test's own throwaway realisasi store (its URL, also in RENSTRA_DB_URL).

    A new SQLite file name per test, created only if the test opens the store. ``state`` caches the
    store and its reads per URL, so a new URL never meets what another test saved; afterwards the
    store caches are emptied so the test's store objects (engine, connections) are let go.
    """
    url = f"sqlite:///{_FOLDER_UJI / f'realisasi-{next(_NOMOR_GUDANG)}.sqlite'}"
    monkeypatch.setenv("RENSTRA_DB_URL", url)
    # An AppTest run leaves its script as sys.modules["__main__"]; a later "spawn" child process
    # (the store's two-writer test) would run that script again. Put pytest's own back afterwards.
    monkeypatch.setitem(sys.modules, "__main__", sys.modules["__main__"])
    yield url
    state = sys.modules.get("state")  # imported only by tests that reach the app
    if state is not None:
        for tembolok in (state._tersimpan, state._riwayat, state._pembatas, state._gudang):
            tembolok.clear()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The suite's folder of stores, account and secrets files goes with the session (servers are stopped)."""
    shutil.rmtree(_FOLDER_UJI, ignore_errors=True)


@pytest.fixture(scope="session")
def renstra() -> Renstra:
    return load_renstra()


@pytest.fixture
def salinan(tmp_path: Path) -> Path:
    """A copy of the bundled folder that a test may damage."""
    tujuan = tmp_path / "renstra"
    shutil.copytree(FOLDER_BAWAAN, tujuan)
    return tujuan
