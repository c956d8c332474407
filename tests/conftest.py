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
from typing import NoReturn

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


# --- the store tests' databases: SQLite always, PostgreSQL too (issue 14) -------------------------
#
# RENSTRA_TEST_PG_URL names a PostgreSQL server and a role that may create databases (.ci/run starts
# one: .ci/postgres.sh). The suite makes its own database there (renstra_uji_<pid>: two suites at
# once never meet), empties it before every test that asks for one, and drops it at the end.
# Without the variable the PostgreSQL runs are skipped here, and FAIL when CI=true: in CI nothing
# about the store may go untested.
ENV_PG_UJI = "RENSTRA_TEST_PG_URL"
BASIS_DATA = ("sqlite", "postgresql")


def di_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() == "true"


def tidak_bisa_diuji(pesan: str) -> NoReturn:
    """Skip locally, fail in CI (a test that cannot run there is a failure)."""
    if di_ci():
        pytest.fail(pesan, pytrace=False)
    pytest.skip(pesan)


class ServerPg:
    """The test PostgreSQL server: the suite's own databases on it, created on demand, dropped at the end."""

    def __init__(self, url: str) -> None:
        import sqlalchemy as sa

        self.url = sa.make_url(url)
        self._admin = sa.create_engine(self.url, isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)
        self._dibuat: list[str] = []
        self.utama = self.baru()

    def baru(self) -> str:
        """A new empty database of the suite; its URL (with password, for the store and pg_dump)."""
        nama = f"renstra_uji_{os.getpid()}_{len(self._dibuat)}"
        with self._admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)')
            conn.exec_driver_sql(f'CREATE DATABASE "{nama}"')
        self._dibuat.append(nama)
        return self.url.set(database=nama).render_as_string(hide_password=False)

    def kosongkan(self, url: str) -> str:
        """Drop every table of ``url`` (one of the suite's databases); the URL."""
        import sqlalchemy as sa

        mesin = sa.create_engine(url, poolclass=sa.NullPool)
        meta = sa.MetaData()
        meta.reflect(mesin)
        meta.drop_all(mesin)
        mesin.dispose()
        return url

    def tutup(self) -> None:
        with self._admin.connect() as conn:
            for nama in self._dibuat:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)')
        self._admin.dispose()


@pytest.fixture(scope="session")
def server_pg() -> Iterator[ServerPg]:
    """The PostgreSQL server of RENSTRA_TEST_PG_URL, reachable (else skip locally, fail in CI)."""
    url = os.environ.get(ENV_PG_UJI, "").strip()
    if not url:
        tidak_bisa_diuji(f"{ENV_PG_UJI} tidak diisi: tes PostgreSQL tidak dapat berjalan (.ci/postgres.sh)")
    try:
        import psycopg  # noqa: F401

        server = ServerPg(url)
    except Exception as e:  # missing driver, server down, bad credentials, no CREATEDB
        tidak_bisa_diuji(f"PostgreSQL uji di {ENV_PG_UJI} tidak dapat dipakai: {type(e).__name__}: {e}")
    yield server
    server.tutup()


def basis_data_kosong(jenis: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A URL of a database holding nothing: a SQLite file under tmp_path, or the suite's PostgreSQL database."""
    if jenis == "sqlite":
        return f"sqlite:///{tmp_path / 'realisasi.sqlite'}"
    server: ServerPg = request.getfixturevalue("server_pg")
    return server.kosongkan(server.utama)


@pytest.fixture(params=BASIS_DATA)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty store database, once per kind: SQLite (a file under tmp_path) and PostgreSQL (emptied).

    Every store test (realisasi, Renstra, login counters, migration, backup) takes this, so each
    runs on both databases from one definition.
    """
    return basis_data_kosong(request.param, tmp_path, request)


@pytest.fixture(scope="session")
def renstra() -> Renstra:
    return load_renstra()


@pytest.fixture
def salinan(tmp_path: Path) -> Path:
    """A copy of the bundled folder that a test may damage."""
    tujuan = tmp_path / "renstra"
    shutil.copytree(FOLDER_BAWAAN, tujuan)
    return tujuan
