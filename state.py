"""Cached access to the Renstra for app.py and the pages (Streamlit glue, nothing else).

Which Renstra: the configured default (``RENSTRA_SUMBER`` in the environment, else
``[renstra] sumber`` in .streamlit/secrets.toml: a Renstra folder or template workbook, served
read-only; else the bundled document), plus every Renstra an admin stored (``kelola``). The one
chosen (``?renstra=<id>``, the sidebar picker) is what every page, the pack, the realisasi
store and the audit serve. A stored Renstra with the default's id replaces it (a corrected
re-upload).

Cache keys: a folder by every file's (name, mtime, size), a workbook by its (mtime, size), a
stored Renstra by its version: an edit or a new version reloads on the next rerun.
``st.cache_data`` (not ``cache_resource``): the Renstra dataclass pickles fine (about 0,5 MB, a
few ms to copy), and a fresh copy per run means a page can never change the data another
session sees.
"""

from __future__ import annotations

import importlib
import os
import tempfile
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
import streamlit as st

from loaders import Renstra, audit_renstra, load_renstra
from loaders.renstra import FOLDER_BAWAAN, renstra_dari_xlsx

ENV_AKUN = "RENSTRA_AKUN_BERKAS"  # a TOML file of [akun.<nama>] entries; overrides .streamlit/secrets.toml
ENV_SUMBER = "RENSTRA_SUMBER"  # a Renstra folder or template workbook served instead of the bundled one
KUNCI_RENSTRA = "renstra"  # ?renstra=<id>
T = TypeVar("T")
Kunci = tuple[Any, ...]


@dataclass(frozen=True)
class Sumber:
    """A Renstra the app can serve: the configured default (a folder or workbook) or a stored one."""

    id: str
    judul: str
    kunci: Kunci  # what the cache is keyed by: changes whenever the Renstra does
    tetap: bool  # the configured default (read-only here)
    periode: tuple[int, int] | None = None


def _jejak(path: Path) -> tuple[tuple[str, int, int], ...]:
    """(name, mtime_ns, size) of a workbook, or of every file in a folder: changes whenever a file does."""
    if path.is_file():
        return ((path.name, path.stat().st_mtime_ns, path.stat().st_size),)
    berkas = [p for p in path.rglob("*") if p.is_file()]  # subfolders too: peta/ holds the boundaries
    return tuple(sorted((p.relative_to(path).as_posix(), p.stat().st_mtime_ns, p.stat().st_size) for p in berkas))


def _rahasia(bagian: str, kunci: str) -> Any:
    try:
        return st.secrets.get(bagian, {}).get(kunci)
    except Exception:  # no secrets file at all is the normal case on a fresh clone
        return None


def lokasi_bawaan() -> Path:
    """The default Renstra's folder or workbook: RENSTRA_SUMBER, else ``[renstra] sumber``, else the bundled one."""
    lokasi = os.environ.get(ENV_SUMBER, "").strip() or str(_rahasia("renstra", "sumber") or "").strip()
    return Path(lokasi).expanduser() if lokasi else FOLDER_BAWAAN


def _muat(kunci: Kunci) -> Renstra:
    jenis = kunci[0]
    if jenis == "lokasi":
        return load_renstra(kunci[1])

    _, url, rid, versi = kunci
    return renstra_dari_xlsx(_gudang_renstra(url).muat(rid, versi), f"{rid}.xlsx", f"{rid} versi {versi}")


@st.cache_data(show_spinner="Memuat Renstra…", max_entries=8)
def _renstra(kunci: Kunci) -> Renstra:
    return _muat(kunci)


@st.cache_data(show_spinner="Memeriksa konsistensi dokumen…", max_entries=8)
def _temuan(kunci: Kunci) -> pd.DataFrame:
    return audit_renstra(_renstra(kunci))


@st.cache_resource(show_spinner=False)
def _gudang_renstra(url: str) -> Any:
    from kelola.gudang_renstra import GudangRenstra

    return GudangRenstra(url)


def gudang_renstra() -> Any:
    """The store of imported Renstra (same database as the realisasi); an empty stand-in while it is down."""
    if basis_data_mati():
        return _gudang_kosong("renstra", "")
    return _gudang_renstra(url_gudang())


def _sumber_bawaan() -> Sumber:
    path = lokasi_bawaan()
    kunci: Kunci = ("lokasi", str(path), _jejak(path) if path.exists() else ())
    r = _renstra(kunci)
    info = r.manifest.get("renstra", {})
    periode = info.get("periode")
    return Sumber(str(info.get("id") or path.stem), r.judul, kunci, True, tuple(periode) if periode else None)


@st.cache_data(show_spinner=False, max_entries=8)
def _tersimpan_semua(url: str, penanda: int | None) -> list[Sumber]:
    if penanda is None:
        return []
    d = _gudang_renstra(url).daftar()
    return [
        Sumber(
            str(x["id"]),
            str(x["judul"]),
            ("gudang", url, str(x["id"]), int(x["versi"])),
            False,
            (int(x["periode_awal"]), int(x["periode_akhir"])),
        )  # fmt: skip
        for _, x in d.iterrows()
    ]


def daftar_sumber() -> list[Sumber]:
    """Every Renstra the app serves: the default first, then the stored ones (one replaces the default
    when it carries the default's id)."""
    bawaan = _sumber_bawaan()
    url = url_gudang()
    tersimpan = []
    if time.monotonic() < _MATI_SAMPAI.get(url, 0.0):  # found down a moment ago: not asked again yet
        st.session_state[_KUNCI_MATI] = True
    else:
        try:
            tersimpan = _tersimpan_semua(url, _gudang_renstra(url).versi_terakhir())
            st.session_state[_KUNCI_MATI] = False
        except Exception as e:  # the store being unreachable must not take the document pages down
            mati = basis_data_terputus(e)
            st.session_state[_KUNCI_MATI] = mati
            if mati:
                _MATI_SAMPAI[url] = time.monotonic() + JEDA_TANYA_ULANG_S
    ganti = next((s for s in tersimpan if s.id == bawaan.id), None)
    return [ganti or bawaan, *(s for s in tersimpan if s.id != bawaan.id)]


def sumber() -> Sumber:
    """The Renstra chosen for this run (``?renstra=`` / the picker), else the default."""
    daftar = daftar_sumber()
    pilihan = st.session_state.get(KUNCI_RENSTRA) or st.query_params.get(KUNCI_RENSTRA)
    return next((s for s in daftar if s.id == pilihan), daftar[0])


def renstra() -> Renstra:
    """The chosen Renstra."""
    return _renstra(sumber().kunci)


def temuan() -> pd.DataFrame:
    """``audit_renstra`` findings for the chosen Renstra."""
    return _temuan(sumber().kunci)


@st.cache_data(show_spinner=False, max_entries=512)
def _sajian(modul: str, nama: str, kunci: Kunci, argumen: tuple[Any, ...]) -> Any:
    fungsi = getattr(importlib.import_module(modul), nama)
    return fungsi(_renstra(kunci), *argumen)


def sajikan(fungsi: Callable[..., T], *argumen: Any) -> T:
    """``fungsi(renstra, *argumen)`` for the chosen Renstra, cached per (function, Renstra, arguments).

    For the ``sajian`` modules: a warm page rerun then only copies finished frames. The
    function is found again by module and name, so it must be a module-level function.
    """
    return _sajian(fungsi.__module__, fungsi.__qualname__, sumber().kunci, argumen)


def sajikan_semua(fungsi: Callable[..., T], *argumen: Any) -> dict[str, T]:
    """``fungsi(renstra, *argumen)`` for every Renstra served (Antar-Renstra), by id."""
    return {s.id: _sajian(fungsi.__module__, fungsi.__qualname__, s.kunci, argumen) for s in daftar_sumber()}


# --- the database down (issue 14) -----------------------------------------------------------------
#
# ``daftar_sumber`` (called by app.py before every page) asks the store; when the database cannot
# be reached, the run serves the document read-only: the store accessors below answer with an empty
# stand-in of the same kind (no realisasi, no stored Renstra) that refuses every write, and ui shows
# PESAN_MATI once and keeps the login closed. A database found down is asked again after
# JEDA_TANYA_ULANG_S, so a page does not wait for a dead server at every call.

_KUNCI_MATI = "_basis_data_mati"
JEDA_TANYA_ULANG_S = 10.0  # a database found down is asked again after this long (not on every call)
_MATI_SAMPAI: dict[str, float] = {}  # per URL, this process: until when it counts as down
PESAN_MATI = (
    "Basis data dasbor sedang tidak dapat dihubungi. Halaman dokumen tetap dapat dibaca, tetapi realisasi "
    "yang dilaporkan tidak ditampilkan, dan masuk, mengunggah serta memulihkan belum dapat dilakukan. "
    "Muat ulang halaman beberapa saat lagi; bila berlanjut, hubungi admin dasbor."
)
PESAN_TERPUTUS = (
    "Basis data terputus di tengah jalan. Yang sedang disimpan dibatalkan seluruhnya (tidak ada yang tersimpan "
    "setengah). Muat ulang halaman beberapa saat lagi, periksa riwayat, lalu ulangi bila belum tersimpan."
)


def basis_data_terputus(e: BaseException) -> bool:
    """Whether ``e`` says the database cannot be reached (or went away), rather than a bug."""
    from sqlalchemy import exc

    return isinstance(e, exc.OperationalError | exc.InterfaceError)


def basis_data_mati() -> bool:
    """True when the database could not be reached at the start of this run (``daftar_sumber``)."""
    return bool(st.session_state.get(_KUNCI_MATI, False))


class _TolakTulis:
    """The write transaction of an empty stand-in store: always refused, in the user's words."""

    def __enter__(self) -> None:
        from realisasi.gudang import GudangError

        raise GudangError(PESAN_MATI)

    def __exit__(self, *_: Any) -> None:
        return None


@st.cache_resource(show_spinner=False)
def _gudang_kosong(jenis: str, renstra_id: str) -> Any:
    """An empty store (a fresh SQLite file in a temporary folder) of the realisasi (``jenis`` "realisasi")
    or Renstra kind, refusing writes."""
    from kelola.gudang_renstra import GudangRenstra
    from realisasi.gudang import Gudang

    url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='dasbor-renstra-kosong-')) / 'kosong.sqlite'}"
    g = Gudang(url, renstra_id=renstra_id) if jenis == "realisasi" else GudangRenstra(url)
    g._tulis = _TolakTulis  # every write path opens _tulis first
    return g


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
    url = _rahasia("database", "url")
    return str(url) if url else url_bawaan()


@st.cache_resource(show_spinner=False)
def _gudang(url: str, renstra_id: str) -> Any:
    from realisasi.gudang import Gudang

    return Gudang(url, renstra_id=renstra_id)


def gudang() -> Any:
    """The chosen Renstra's realisasi store (one per process, database URL and Renstra); an empty
    stand-in that refuses writes while the database is down."""
    if basis_data_mati():
        return _gudang_kosong("realisasi", sumber().id)
    return _gudang(url_gudang(), sumber().id)


@st.cache_data(show_spinner=False, max_entries=16)
def _tersimpan(url: str, renstra_id: str, versi: int | None) -> pd.DataFrame:
    from realisasi import bingkai_kosong

    return bingkai_kosong() if versi is None else _gudang(url, renstra_id).keadaan()


def realisasi_tersimpan() -> pd.DataFrame:
    """The chosen Renstra's current realisasi, cached per version: a new upload shows on the next rerun."""
    if basis_data_mati():
        return gudang().keadaan()
    url, rid = url_gudang(), sumber().id
    return _tersimpan(url, rid, _gudang(url, rid).versi_terakhir())


@st.cache_data(show_spinner=False, max_entries=16)
def _triwulan(url: str, renstra_id: str, versi: int | None) -> pd.DataFrame:
    return _gudang(url, renstra_id).keadaan_triwulan()


def triwulan_tersimpan() -> pd.DataFrame:
    """The chosen Renstra's stored quarters (``Gudang.keadaan_triwulan``), cached per version like
    ``realisasi_tersimpan``."""
    if basis_data_mati():
        return gudang().keadaan_triwulan()
    url, rid = url_gudang(), sumber().id
    return _triwulan(url, rid, _gudang(url, rid).versi_terakhir())


@st.cache_data(show_spinner=False, max_entries=16)
def _riwayat(url: str, renstra_id: str, versi: int | None) -> pd.DataFrame:
    return _gudang(url, renstra_id).riwayat()


def riwayat_tersimpan() -> pd.DataFrame:
    """The chosen Renstra's version history (who uploaded what, when), cached per version like the data."""
    if basis_data_mati():
        return gudang().riwayat()
    url, rid = url_gudang(), sumber().id
    return _riwayat(url, rid, _gudang(url, rid).versi_terakhir())


@st.cache_resource(show_spinner=False)
def _pembatas(url: str) -> Any:
    from realisasi.akun import Pembatas
    from realisasi.gudang import buat_mesin

    return Pembatas(buat_mesin(url))


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
