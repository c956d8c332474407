"""The database in bad shape (issue 14): down at start, gone in the middle of a save.

- Down at start: every page runs with RENSTRA_DB_URL naming a PostgreSQL port nobody listens on;
  the document's figures are what an empty store shows, one Indonesian message says the database
  cannot be reached, and nobody can log in or write.
- Gone mid-save: the connection fails after the version row was sent (on PostgreSQL the server
  really ends the session, pg_terminate_backend); nothing of that save is stored, the next save
  lands, and the page tells the user to retry.

Accounts, passwords and figures here are synthetic test data.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import sqlalchemy as sa
from pandas.testing import assert_frame_equal

import state
from kelola.gudang_renstra import GudangRenstra
from loaders import Renstra
from navigasi import HALAMAN
from realisasi.gudang import Gudang, GudangError
from tests.appkit import buka, gambar, teks_halaman
from tests.conftest import AKUN_UJI, SANDI_UJI
from tests.test_cadangan import rekaman
from tests.test_halaman_isi_realisasi import _isi_templat
from tests.test_halaman_ringkasan import PAGU_PER_TAHUN

# Nobody listens on port 1; connect_timeout bounds the wait should a firewall drop the packets.
URL_MATI = "postgresql+psycopg://renstra@127.0.0.1:1/renstra?connect_timeout=2"
SHA = hashlib.sha256(b"uji").hexdigest()


@pytest.fixture
def basis_data_mati(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RENSTRA_DB_URL", URL_MATI)
    monkeypatch.setattr(state, "_MATI_SAMPAI", {})


# --- down at start -------------------------------------------------------------------------------


@pytest.mark.parametrize("h", HALAMAN, ids=[h.nama for h in HALAMAN])
def test_setiap_halaman_berjalan_saat_basis_data_mati(h: Any, basis_data_mati: None) -> None:
    at = buka(h.skrip)  # fails on an exception
    assert [w.value for w in at.warning].count(state.PESAN_MATI) == 1  # said once, in Indonesian
    teks = teks_halaman(at)
    assert "kode rujukan" not in teks and "OperationalError" not in teks and "psycopg" not in teks
    assert not at.get("file_uploader")  # nothing can be written


@pytest.mark.parametrize("skrip", ["halaman/ringkasan.py", "halaman/anggaran.py", "halaman/kinerja.py"])
def test_angka_dokumen_sama_dengan_saat_basis_data_hidup_tanpa_realisasi(skrip: str, monkeypatch) -> None:
    hidup = gambar(buka(skrip, tahun="2020"))  # this test's own empty SQLite store (conftest)
    monkeypatch.setenv("RENSTRA_DB_URL", URL_MATI)
    monkeypatch.setattr(state, "_MATI_SAMPAI", {})
    mati = gambar(buka(skrip, tahun="2020"))
    assert mati == hidup and len(mati) >= 1


def test_ringkasan_tetap_dari_dokumen(basis_data_mati: None) -> None:
    at = buka("halaman/ringkasan.py")
    assert gambar(at)[0]["data"][0]["y"] == PAGU_PER_TAHUN  # T-C.27, as with the database up
    metrik = {m.label: m.value for m in at.metric}
    assert metrik["Pagu indikatif 2024"] == "Rp 13,2 M"
    assert metrik["Serapan anggaran 2020"] == "96,11 %"  # from the document (T-C.24), no realisasi needed


def test_masuk_ditutup_dan_templat_tetap_dapat_diunduh(basis_data_mati: None) -> None:
    at = buka("halaman/kelola_renstra.py")
    assert not at.text_input  # no login form: the lock counters live in the database
    assert any("menunggu basis data kembali" in i.value for i in at.info)
    assert any("Templat Renstra kosong" in b.label for b in at.get("download_button"))  # needs no database
    isi = buka("halaman/isi_realisasi.py")
    assert not isi.text_input and any("menunggu basis data kembali" in i.value for i in isi.info)


def test_pengganti_kosong_menolak_setiap_tulisan() -> None:
    g = state._gudang_kosong("realisasi", "wonoasih-2019-2024")
    assert g.keadaan().empty and g.riwayat().empty and g.versi_terakhir() is None
    with pytest.raises(GudangError, match="tidak dapat dihubungi"):
        g.simpan(rekaman((2022, "uji:1", 1, "", 1.0, None)), "admin", "admin", "a.xlsx", SHA, 2022)
    with pytest.raises(GudangError, match="tidak dapat dihubungi"):
        g.pulihkan(1, "admin", "admin")
    gr = state._gudang_kosong("renstra", "")
    assert gr.daftar().empty
    with pytest.raises(GudangError, match="tidak dapat dihubungi"):
        gr.simpan(b"PK", renstra_id="contoh-2025-2029", judul="x", perangkat_daerah="x", periode_awal=2025,
                  periode_akhir=2029, pengguna="admin", peran="admin", nama_berkas="x.xlsx")  # fmt: skip


def test_basis_data_kembali_dipakai_lagi(monkeypatch: pytest.MonkeyPatch, gudang_sendiri: str) -> None:
    """A database found down counts as down for JEDA_TANYA_ULANG_S, then it is asked again."""
    monkeypatch.setattr(state, "_MATI_SAMPAI", {gudang_sendiri: time.monotonic() + 60})  # found down just now
    at = buka("halaman/ringkasan.py")
    assert [w.value for w in at.warning].count(state.PESAN_MATI) == 1  # not asked again yet
    state._MATI_SAMPAI[gudang_sendiri] = time.monotonic() - 1  # the pause is over; the database is up
    at = buka("halaman/ringkasan.py")
    assert state.PESAN_MATI not in [w.value for w in at.warning]


# --- gone in the middle of a save -------------------------------------------------------------------


@contextmanager
def _putus_saat(url: str, mesin: sa.Engine, awalan: str) -> Iterator[None]:
    """Make the connection fail when it sends a statement starting with ``awalan``: on PostgreSQL the
    server ends the session for real; on SQLite the driver reports a lost disk (what SQLite can lose)."""
    putus = {"sudah": False}

    def sebelum(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        if putus["sudah"] or not statement.startswith(awalan):
            return
        putus["sudah"] = True
        if conn.dialect.name == "postgresql":
            pid = cursor.connection.info.backend_pid
            lain = sa.create_engine(url, poolclass=sa.NullPool)
            with lain.connect() as c:
                c.execute(sa.text("SELECT pg_terminate_backend(:p, 10000)"), {"p": pid})  # waits for it
            lain.dispose()
        else:
            raise sqlite3.OperationalError("disk I/O error")

    sa.event.listen(mesin, "before_cursor_execute", sebelum)
    try:
        yield
    finally:
        sa.event.remove(mesin, "before_cursor_execute", sebelum)
    assert putus["sudah"]


def test_koneksi_putus_di_tengah_simpan_realisasi_tidak_menyisakan_apa_pun(url: str) -> None:
    g = Gudang(url)
    v1 = g.simpan(rekaman((2022, "uji:1", 1, "", 94.95, 5_673_534_002)), "admin", "admin", "a.xlsx", SHA, 2022)
    sebelum, riwayat = g.keadaan(), g.riwayat()
    with pytest.raises(sa.exc.OperationalError) as e:
        with _putus_saat(url, g.engine, "INSERT INTO nilai"):  # after the version row was sent
            g.simpan(rekaman((2022, "uji:1", 1, "", 1.0, 1), (2022, "uji:2", 1, "", 2.0, None)), "admin", "admin",
                     "b.xlsx", SHA, 2022)  # fmt: skip
    assert state.basis_data_terputus(e.value)
    assert_frame_equal(g.keadaan(), sebelum)  # the pool let the dead connection go; nothing half-written
    assert_frame_equal(g.riwayat(), riwayat)
    v2 = g.simpan(rekaman((2022, "uji:1", 1, "", 1.0, 1)), "admin", "admin", "b.xlsx", SHA, 2022)  # lock released
    assert v2 > v1 and g.keadaan()["realisasi"].tolist() == [1.0]
    g.tutup()


def test_koneksi_putus_di_tengah_simpan_renstra_tidak_menyisakan_apa_pun(url: str) -> None:
    g = GudangRenstra(url)
    kwargs = dict(renstra_id="contoh-2025-2029", judul="Renstra Contoh", perangkat_daerah="Kecamatan Contoh",
                  periode_awal=2025, periode_akhir=2029, pengguna="admin", peran="admin", nama_berkas="c.xlsx")  # fmt: skip
    g.simpan(b"PK buku kerja uji 1", **kwargs)
    with pytest.raises(sa.exc.OperationalError):
        with _putus_saat(url, g.engine, "INSERT INTO renstra_versi"):
            g.simpan(b"PK buku kerja uji 2", **kwargs)
    assert g.versi_terakhir("contoh-2025-2029") == 1 and g.muat("contoh-2025-2029") == b"PK buku kerja uji 1"
    assert g.simpan(b"PK buku kerja uji 2", **kwargs) == 2
    g.tutup()


def test_halaman_menyuruh_mengulang_bila_basis_data_putus_saat_simpan(gudang_sendiri: str, renstra: Renstra) -> None:
    at = buka("halaman/isi_realisasi.py", tahun_lapor="2022")
    at.text_input[0].input(AKUN_UJI)
    at.text_input[1].input(SANDI_UJI)
    at.button[0].click().run()
    berkas = _isi_templat(renstra, 2022, "7.01.01", 95)
    at.get("file_uploader")[0].set_value(("realisasi-2022.xlsx", berkas, "application/octet-stream")).run()
    g = state._gudang(gudang_sendiri, "wonoasih-2019-2024")
    with _putus_saat(gudang_sendiri, g.engine, "INSERT INTO nilai"):
        next(b for b in at.button if b.label.startswith("Simpan")).click().run()
    assert not at.exception
    pesan = [e.value for e in at.error]
    assert len(pesan) == 1 and pesan[0].startswith(state.PESAN_TERPUTUS) and "Kode rujukan" in pesan[0]
    assert "OperationalError" not in pesan[0] and "disk I/O" not in pesan[0]
    assert g.versi_terakhir() is None  # nothing stored
    at = buka("halaman/isi_realisasi.py", tahun_lapor="2022")  # the user reloads and retries
    at.text_input[0].input(AKUN_UJI)
    at.text_input[1].input(SANDI_UJI)
    at.button[0].click().run()
    at.get("file_uploader")[0].set_value(("realisasi-2022.xlsx", berkas, "application/octet-stream")).run()
    next(b for b in at.button if b.label.startswith("Simpan")).click().run()
    assert not at.exception and g.versi_terakhir() == 1
