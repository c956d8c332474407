"""Cached access to the Renstra for app.py and the pages (Streamlit glue, nothing else).

The cache key is the data folder plus every file's (name, mtime, size): editing a CSV
or the manifest reloads on the next rerun without restarting the server.

``st.cache_data`` (not ``cache_resource``): the Renstra dataclass pickles fine (about
0,5 MB, a few ms to copy), and a fresh copy per run means a page can never change the
data another session sees.
"""

from __future__ import annotations

import importlib
import os
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
import streamlit as st

from loaders import Renstra, audit_renstra, load_renstra
from loaders.renstra import FOLDER_BAWAAN

Jejak = tuple[tuple[str, int, int], ...]
ENV_AKUN = "RENSTRA_AKUN_BERKAS"  # a TOML file of [akun.<nama>] entries; overrides .streamlit/secrets.toml
T = TypeVar("T")


def _jejak(folder: Path) -> Jejak:
    """(name, mtime_ns, size) of every file in the folder: changes whenever a file does."""
    return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in folder.iterdir() if p.is_file()))


@st.cache_data(show_spinner="Memuat Renstra…", max_entries=4)
def _renstra(folder: str, jejak: Jejak) -> Renstra:
    return load_renstra(folder)


@st.cache_data(show_spinner="Memeriksa konsistensi dokumen…", max_entries=4)
def _temuan(folder: str, jejak: Jejak) -> pd.DataFrame:
    return audit_renstra(_renstra(folder, jejak))


def renstra(folder: Path = FOLDER_BAWAAN) -> Renstra:
    """The Renstra in ``folder`` (the bundled Wonoasih one by default)."""
    return _renstra(str(folder), _jejak(folder))


def temuan(folder: Path = FOLDER_BAWAAN) -> pd.DataFrame:
    """``audit_renstra`` findings for the Renstra in ``folder``."""
    return _temuan(str(folder), _jejak(folder))


@st.cache_data(show_spinner=False, max_entries=512)
def _sajian(modul: str, nama: str, folder: str, jejak: Jejak, argumen: tuple[Any, ...]) -> Any:
    fungsi = getattr(importlib.import_module(modul), nama)
    return fungsi(_renstra(folder, jejak), *argumen)


def sajikan(fungsi: Callable[..., T], *argumen: Any, folder: Path = FOLDER_BAWAAN) -> T:
    """``fungsi(renstra, *argumen)``, cached per (function, data files, arguments).

    For the ``sajian`` modules: a warm page rerun then only copies finished frames. The
    function is found again by module and name, so it must be a module-level function.
    """
    return _sajian(fungsi.__module__, fungsi.__qualname__, str(folder), _jejak(folder), argumen)


# --- realisasi reported after the document (issue 5) ------------------------------------------


def url_gudang() -> str:
    """The store's database URL: the environment variable RENSTRA_DB_URL, else ``[database] url`` in
    .streamlit/secrets.toml, else a SQLite file outside the repository (``realisasi.gudang.url_bawaan``).

    The environment overrides the secrets file, as deployers expect; the tests rely on it too, so a
    developer's own secrets.toml can never point the suite at the real store.
    """
    from realisasi.gudang import ENV_URL, url_bawaan

    if os.environ.get(ENV_URL, "").strip():
        return url_bawaan()  # which is that variable
    try:
        url = st.secrets.get("database", {}).get("url")
    except Exception:  # no secrets file at all is the normal case on a fresh clone
        url = None
    return str(url) if url else url_bawaan()


@st.cache_resource(show_spinner=False)
def _gudang(url: str) -> Any:
    from realisasi.gudang import Gudang

    return Gudang(url)


def gudang() -> Any:
    """One store per process and database URL (SQLAlchemy engine with its connection pool)."""
    return _gudang(url_gudang())


@st.cache_data(show_spinner=False, max_entries=8)
def _tersimpan(url: str, versi: int | None) -> pd.DataFrame:
    from realisasi import bingkai_kosong

    return bingkai_kosong() if versi is None else _gudang(url).keadaan()


def realisasi_tersimpan() -> pd.DataFrame:
    """The store's current realisasi, cached per version: a new upload shows on the next rerun."""
    url = url_gudang()
    return _tersimpan(url, _gudang(url).versi_terakhir())


@st.cache_data(show_spinner=False, max_entries=8)
def _riwayat(url: str, versi: int | None) -> pd.DataFrame:
    return _gudang(url).riwayat()


def riwayat_tersimpan() -> pd.DataFrame:
    """The store's version history (who uploaded what, when), cached per version like the data."""
    url = url_gudang()
    return _riwayat(url, _gudang(url).versi_terakhir())


@st.cache_resource(show_spinner=False)
def _pembatas(url: str) -> Any:
    from realisasi.akun import Pembatas

    return Pembatas(_gudang(url).engine)


def pembatas() -> Any:
    """The login throttle, its counters kept in the store's database (a restart keeps a lock)."""
    return _pembatas(url_gudang())


def data_akun() -> dict[str, Any]:
    """Account entries (``[akun.<nama>]``: argon2id hash, peran, kelurahan); {} when none.

    From the TOML file named by the environment variable RENSTRA_AKUN_BERKAS (kept outside the
    repository) when it is set, else from .streamlit/secrets.toml. The environment overrides the
    secrets file, as deployers expect: when the variable is set, only its file counts (a file that
    does not exist means no accounts, never a fall back to secrets.toml).
    """
    berkas = os.environ.get(ENV_AKUN, "").strip()
    if berkas:
        if not Path(berkas).is_file():
            return {}
        with open(berkas, "rb") as f:
            return tomllib.load(f)
    try:
        akun = st.secrets.get("akun")
        if akun:
            return {"akun": dict(akun)}
    except Exception:  # no secrets file
        pass
    return {}
