"""kelola.gudang_renstra: the versioned store of imported Renstra workbooks.

The "workbooks" here are made-up bytes (the store keeps bytes and does not read them); the
Renstra ids, titles and periods are invented. Every test taking ``url`` (tests/conftest.py) runs
twice: on a fresh SQLite file and on an emptied PostgreSQL database (RENSTRA_TEST_PG_URL; skipped
locally without it, a failure in CI).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import numpy as np
import pandas as pd
import pytest
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateTable

from kelola import gudang_renstra as modul
from kelola.gudang_renstra import GudangRenstra, RenstraSama
from realisasi import gudang as realisasi_gudang
from realisasi.gudang import Gudang, GudangError
from tests.test_realisasi_gudang import dua_proses_bersamaan

WIB = timezone(timedelta(hours=7))
JAM_TETAP = datetime(2026, 1, 2, 7, 30, tzinfo=WIB)  # 00:30 UTC
A, B = "kecamatan-contoh-2025-2029", "kecamatan-lain-2020-2024"


@pytest.fixture
def g(url: str) -> GudangRenstra:
    gudang = GudangRenstra(url, jam=lambda: JAM_TETAP)
    yield gudang
    gudang.tutup()


def simpan(g: GudangRenstra, isi: bytes, renstra_id: str = A, **lain: Any) -> int:
    """Store ``isi`` as admin, with made-up metadata unless given."""
    kwargs = dict(
        renstra_id=renstra_id,
        judul=f"Renstra {renstra_id}",
        perangkat_daerah="Kecamatan Contoh",
        periode_awal=2025,
        periode_akhir=2029,
        pengguna="admin",
        peran="admin",
        nama_berkas=f"{renstra_id}.xlsx",
    )
    return g.simpan(isi, **{**kwargs, **lain})


# --- storing, listing, loading ---------------------------------------------------------------


def test_dua_renstra_dan_unggah_ulang_tersimpan_berversi(g: GudangRenstra) -> None:
    assert g.daftar().empty and list(g.daftar().columns) == list(modul.KOLOM_DAFTAR)
    assert g.versi_terakhir() is None and g.versi_terakhir(A) is None
    assert simpan(g, b"A satu", judul="Renstra Kecamatan Contoh") == 1
    penanda = g.versi_terakhir()
    assert simpan(g, b"B satu", B, judul="Renstra Kecamatan Lain", periode_awal=2020, periode_akhir=2024) == 1
    assert g.versi_terakhir() > penanda  # the global marker moves with any Renstra
    penanda = g.versi_terakhir()
    koreksi = dict(judul="Renstra Kecamatan Contoh (koreksi)", perangkat_daerah="Kecamatan Contoh Baru")
    assert simpan(g, b"A dua", pengguna="admin2", **koreksi) == 2
    assert g.versi_terakhir() > penanda
    assert (g.versi_terakhir(A), g.versi_terakhir(B)) == (2, 1)

    d = g.daftar()
    assert d.values.tolist() == [
        [B, "Renstra Kecamatan Lain", "Kecamatan Contoh", 2020, 2024, 1, "2026-01-02T00:30:00.000000+00:00", "admin"],
        [A, koreksi["judul"], koreksi["perangkat_daerah"], 2025, 2029, 2, "2026-01-02T00:30:00.000000+00:00", "admin2"],
    ]  # ordered by period, each with its latest version's metadata
    assert d.dtypes.astype(str).tolist() == [
        "string",
        "string",
        "string",
        "Int64",
        "Int64",
        "Int64",
        "string",
        "string",
    ]
    assert (g.muat(A), g.muat(A, 1), g.muat(A, 2), g.muat(B)) == (b"A dua", b"A satu", b"A dua", b"B satu")


def test_daftar_urut_periode_lalu_judul(g: GudangRenstra) -> None:
    simpan(g, b"1", "zeta-2025-2029", judul="Zeta")
    simpan(g, b"2", "alfa-2025-2029", judul="Alfa")
    simpan(g, b"3", "lama-2015-2019", judul="Omega", periode_awal=2015, periode_akhir=2019)
    assert g.daftar()["id"].tolist() == ["lama-2015-2019", "alfa-2025-2029", "zeta-2025-2029"]


def test_muat_mengembalikan_bita_persis(g: GudangRenstra) -> None:
    isi = bytes(range(256)) * 4096 + b"\x00PK\x03\x04 akhir"  # every byte value, NULs, a zip signature
    simpan(g, isi)
    assert g.muat(A) == isi and isinstance(g.muat(A), bytes)
    besar = b"\xff" * modul.BATAS_BERKAS  # exactly the limit is accepted
    assert simpan(g, besar) == 2 and g.muat(A, 2) == besar


def test_riwayat_mencatat_siapa_kapan_berkas_sha_ukuran(g: GudangRenstra) -> None:
    simpan(g, b"satu", nama_berkas="renstra.xlsx")
    simpan(g, b"dua!", nama_berkas="renstra-koreksi.xlsx", pengguna="admin2", periode_akhir=2030)
    h = g.riwayat(A)
    assert list(h.columns) == list(modul.KOLOM_RIWAYAT)
    assert h["versi"].tolist() == [2, 1]  # newest first
    baru = h.iloc[0]
    assert (baru["pengguna"], baru["peran"], baru["jenis"], baru["nama_berkas"]) == (
        "admin2",
        "admin",
        "unggah",
        "renstra-koreksi.xlsx",
    )
    assert (baru["sha256"], baru["ukuran"], baru["periode_akhir"]) == (hashlib.sha256(b"dua!").hexdigest(), 4, 2030)
    assert pd.isna(baru["pulih_ke"]) and h.iloc[1]["periode_akhir"] == 2029
    waktu = datetime.fromisoformat(baru["waktu"])
    assert waktu == JAM_TETAP and waktu.utcoffset() == timedelta(0)  # the given clock, stored in UTC
    assert g.riwayat(B).empty and list(g.riwayat(B).columns) == list(modul.KOLOM_RIWAYAT)


def test_jam_bawaan_adalah_sekarang_utc(url: str) -> None:
    g = GudangRenstra(url)
    mulai = datetime.now(UTC)
    simpan(g, b"x")
    waktu = datetime.fromisoformat(g.riwayat(A).iloc[0]["waktu"])
    assert mulai - timedelta(seconds=1) <= waktu <= datetime.now(UTC) and waktu.utcoffset() == timedelta(0)
    g.tutup()


# --- rollback ---------------------------------------------------------------------------------


def test_pulihkan_menjadi_versi_baru_dan_riwayat_tidak_dihapus(g: GudangRenstra) -> None:
    simpan(g, b"A satu", judul="Judul lama", nama_berkas="lama.xlsx")
    simpan(g, b"A dua", judul="Judul baru", nama_berkas="baru.xlsx")
    sebelum = g.riwayat(A)
    assert g.pulihkan(A, 1, "admin", "admin") == 3
    assert g.muat(A) == b"A satu" and g.muat(A, 2) == b"A dua"
    h = g.riwayat(A)
    pd.testing.assert_frame_equal(h.iloc[1:].reset_index(drop=True), sebelum)  # nothing rewritten
    r = h.iloc[0]
    assert (r["versi"], r["jenis"], r["pulih_ke"], r["judul"], r["nama_berkas"]) == (
        3,
        "pulih",
        1,
        "Judul lama",
        "lama.xlsx",
    )
    assert g.daftar().iloc[0]["judul"] == "Judul lama"
    assert g.pulihkan(A, 2, "admin", "admin") == 4 and g.muat(A) == b"A dua"  # a rollback can be undone
    with pytest.raises(RenstraSama, match="isinya sama dengan versi 4 Renstra kecamatan-contoh-2025-2029") as e:
        g.pulihkan(A, 2, "admin", "admin")
    assert e.value.versi == 4 and g.versi_terakhir(A) == 4


def test_unggah_isi_versi_lama_tetap_tersimpan(g: GudangRenstra) -> None:
    simpan(g, b"satu")
    simpan(g, b"dua")
    assert simpan(g, b"satu") == 3  # same as an older version, not as the latest: a real change
    assert g.riwayat(A)["jenis"].tolist() == ["unggah"] * 3


# --- refusals: nothing is stored ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("isi", "kwargs", "pesan"),
    [
        (b"x", {"peran": "kelurahan"}, "Hanya admin yang boleh menyimpan Renstra."),
        (b"x", {"pengguna": " "}, "Pengguna wajib diisi."),
        (
            b"x" * (modul.BATAS_BERKAS + 1),
            {},
            r"'kecamatan-contoh-2025-2029\.xlsx' terlalu besar \(10,0 MB; batas 10 MB\)",
        ),
        (b"", {}, r"'kecamatan-contoh-2025-2029\.xlsx' kosong \(0 byte\)"),
        ("teks", {}, "tidak terbaca"),
        (b"x", {"renstra_id": "Kecamatan Contoh"}, "ID Renstra 'Kecamatan Contoh' tidak sah"),
        (b"x", {"judul": "  "}, "Judul Renstra wajib diisi."),
        (b"x", {"perangkat_daerah": None}, "Perangkat daerah wajib diisi."),
        (b"x", {"nama_berkas": ""}, "Nama berkas wajib diisi."),
        (b"x", {"periode_awal": 2030}, "Periode Renstra harus dua tahun, yang awal tidak sesudah yang akhir"),
        (b"x", {"periode_akhir": "2029"}, "Periode Renstra harus dua tahun"),
        (b"x", {"periode_awal": True}, "Periode Renstra harus dua tahun"),
    ],
)
def test_simpan_yang_ditolak_tidak_menyimpan_apa_pun(g: GudangRenstra, isi: Any, kwargs: dict, pesan: str) -> None:
    simpan(g, b"awal")
    with pytest.raises(GudangError, match=pesan) as e:
        simpan(g, isi, **kwargs)
    assert "GudangError" not in str(e.value) and "b'" not in str(e.value)
    assert g.versi_terakhir(A) == 1 and g.muat(A) == b"awal" and len(g.daftar()) == 1


def test_unggah_ulang_isi_yang_sama_ditolak(g: GudangRenstra) -> None:
    simpan(g, b"isi")
    penanda = g.versi_terakhir()
    with pytest.raises(RenstraSama, match=r"^Tidak disimpan: isinya sama dengan versi 1 Renstra kecamatan-contoh-2025"):
        simpan(g, b"isi", nama_berkas="nama-lain.xlsx", judul="Judul lain")
    assert g.versi_terakhir() == penanda and g.riwayat(A)["nama_berkas"].tolist() == [f"{A}.xlsx"]
    assert simpan(g, b"isi", B) == 1  # the same bytes under another id are another Renstra
    assert simpan(g, b"isi", "wonoasih-2019-2024") == 1  # the bundled id too: a corrected workbook of it


def test_baca_dan_pulihkan_yang_ditolak(g: GudangRenstra) -> None:
    simpan(g, b"satu")
    tolak = [
        (lambda: g.muat(B), "Renstra kecamatan-lain-2020-2024 tidak ada di penyimpanan."),
        (lambda: g.muat(A, 7), r"Renstra kecamatan-contoh-2025-2029 tidak punya versi 7 \(versinya 1 sampai 1\)\."),
        (lambda: g.muat(A, "1"), "Nomor versi harus bilangan bulat."),
        (lambda: g.muat("../rahasia"), "ID Renstra '../rahasia' tidak sah"),
        (lambda: g.riwayat("A B"), "ID Renstra 'A B' tidak sah"),
        (lambda: g.versi_terakhir("A_B"), "ID Renstra 'A_B' tidak sah"),
        (lambda: g.pulihkan(A, 1, "lurah", "kelurahan"), "Hanya admin yang boleh memulihkan versi Renstra."),
        (lambda: g.pulihkan(A, 9, "admin", "admin"), "tidak punya versi 9"),
        (lambda: g.pulihkan(B, 1, "admin", "admin"), "Renstra kecamatan-lain-2020-2024 tidak ada"),
        (lambda: g.pulihkan(A, 1, "admin", "admin"), "isinya sama dengan versi 1"),
    ]
    for panggil, pesan in tolak:
        with pytest.raises(GudangError, match=pesan):
            panggil()
    assert g.versi_terakhir(A) == 1 and g.riwayat(A)["versi"].tolist() == [1]
    assert g.muat(A, np.int64(1)) == b"satu"  # a number taken from a DataFrame works too


# --- concurrency and constraints ---------------------------------------------------------------

SIMPAN_PER_PROSES = 8


def _penyimpan(url: str, nomor: int, mulai: Any) -> None:
    """One process with its own store, saving distinct workbooks of the same Renstra."""
    g = GudangRenstra(url)
    mulai.wait(timeout=120)  # both processes are ready: their saves overlap in time
    for i in range(1, SIMPAN_PER_PROSES + 1):
        simpan(g, f"proses {nomor} berkas {i}".encode(), nama_berkas=f"p{nomor}-{i}.xlsx")
    g.tutup()


def test_dua_proses_menyimpan_renstra_yang_sama_mendapat_nomor_berurutan(url: str) -> None:
    GudangRenstra(url).tutup()  # not needed for correctness; keeps the timing about saves, not DDL
    dua_proses_bersamaan(_penyimpan, url)

    g = GudangRenstra(url)
    h = g.riwayat(A)
    assert sorted(h["versi"]) == list(range(1, 2 * SIMPAN_PER_PROSES + 1))  # distinct and consecutive
    assert sorted(h["nama_berkas"]) == sorted(f"p{n}-{i}.xlsx" for n in (1, 2) for i in range(1, SIMPAN_PER_PROSES + 1))
    for v, berkas in zip(h["versi"], h["nama_berkas"], strict=True):
        n, i = (int(x) for x in berkas[1:-5].split("-"))
        assert g.muat(A, int(v)) == f"proses {n} berkas {i}".encode()
    for n in (1, 2):  # each process's own saves got increasing numbers
        sendiri = h[h["nama_berkas"].str.startswith(f"p{n}-")].sort_values("versi")["nama_berkas"]
        assert sendiri.tolist() == [f"p{n}-{i}.xlsx" for i in range(1, SIMPAN_PER_PROSES + 1)]
    g.tutup()


def test_nomor_versi_ganda_ditolak_basis_data(g: GudangRenstra) -> None:
    simpan(g, b"satu")
    baris = dict(
        renstra_id=A,
        versi=1,
        judul="x",
        perangkat_daerah="x",
        periode_awal=2025,
        periode_akhir=2029,
        isi=b"x",
        sha256="0" * 64,
        nama_berkas="x",
        pengguna="x",
        peran="admin",
        waktu="x",
        jenis="unggah",
    )
    with pytest.raises(sa.exc.IntegrityError), g.engine.begin() as conn:
        conn.execute(sa.insert(modul.renstra_versi).values(**baris))
    with pytest.raises(sa.exc.IntegrityError), g.engine.begin() as conn:  # a rollback to a version that is not there
        conn.execute(sa.insert(modul.renstra_versi).values(**{**baris, "versi": 2, "jenis": "pulih", "pulih_ke": 5}))
    assert g.riwayat(A)["versi"].tolist() == [1]


# --- schema ----------------------------------------------------------------------------------


def test_skema_tercatat_dan_berbagi_basis_data_dengan_realisasi(url: str) -> None:
    g = GudangRenstra(url, jam=lambda: JAM_TETAP)
    simpan(g, b"satu")
    GudangRenstra(url).tutup()  # opening again changes nothing
    realisasi = Gudang(url, jam=lambda: JAM_TETAP)
    with g.engine.connect() as conn:
        skema = conn.execute(sa.select(realisasi_gudang.skema_versi).order_by("komponen", "versi")).all()
    assert [(k, v) for k, v, _, _ in skema] == [("realisasi", 1), ("realisasi", 2), ("realisasi", 3), ("renstra", 1)]
    assert {w for *_, w in skema} == {"2026-01-02T00:30:00.000000+00:00"}
    assert g.muat(A) == b"satu" and realisasi.riwayat().empty
    realisasi.tutup()
    g.tutup()


def test_ddl_berlaku_untuk_postgresql() -> None:
    ddl = str(CreateTable(modul.renstra_versi).compile(dialect=postgresql.dialect()))
    assert "id SERIAL NOT NULL" in ddl and "isi BYTEA NOT NULL" in ddl
    assert "CONSTRAINT uq_renstra_versi_nomor UNIQUE (renstra_id, versi)" in ddl
    assert "FOREIGN KEY(renstra_id, pulih_ke) REFERENCES renstra_versi (renstra_id, versi)" in ddl
