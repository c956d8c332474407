"""alat.cadangan: a backup of the store restored into a fresh database holds every version and value.

Runs on SQLite (the online backup API) and PostgreSQL (pg_dump / pg_restore) through the
``url`` fixture (tests/conftest.py). The store is filled with synthetic records (item ids
``uji:...``, made-up Renstra ids and workbook bytes) through the stores' own methods, then backed
up and restored by the command line a deployer runs (``python -m alat.cadangan``).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import sqlalchemy as sa
from pandas.testing import assert_frame_equal

from alat import cadangan
from kelola.gudang_renstra import GudangRenstra
from realisasi import KOLOM_REALISASI, TIPE_REALISASI
from realisasi.akun import Pembatas
from realisasi.gudang import Gudang

AKAR = Path(__file__).resolve().parents[1]
JAM = datetime(2026, 5, 6, 7, 8, 9, tzinfo=UTC)
LAIN = "kecamatan-contoh-2025-2029"


def rekaman(*baris: tuple[Any, ...]) -> pd.DataFrame:
    kolom = list(zip(*baris, strict=True))
    return pd.DataFrame(
        {k: pd.array(list(v), dtype=TIPE_REALISASI[k]) for k, v in zip(KOLOM_REALISASI, kolom, strict=True)}
    )


def sha(teks: str) -> str:
    return hashlib.sha256(teks.encode()).hexdigest()


def isi_gudang(url: str) -> None:
    """Realisasi of two Renstra (uploads, a lurah's, a rollback), two Renstra workbooks, a login counter."""
    g = Gudang(url, jam=lambda: JAM)
    v1 = g.simpan(
        rekaman((2022, "uji:1", 1, "", 94.95, 5_673_534_002), (2022, "uji:2", 1, "Pakistaji", 3.0, 64_175_000)),
        "admin", "admin", "=r-2022.xlsx", sha("a"), 2022, catatan="laporan 2022",
    )  # fmt: skip
    g.simpan(rekaman((2022, "uji:2", 1, "Pakistaji", 4.5, None)), "lurah", "kelurahan", "p.xlsx", sha("b"), 2022,
             "Pakistaji")  # fmt: skip
    g.simpan(rekaman((2023, "uji:1", 2, "", None, 7)), "admin", "admin", "r-2023.xlsx", sha("c"), 2023)
    g.pulihkan(v1, "admin", "admin", tahun=2022)
    lain = g.untuk_renstra(LAIN)
    lain.simpan(rekaman((2025, "uji:9", 1, "", 0.125, 1)), "admin", "admin", "l.xlsx", sha("d"), 2025)
    g.tutup()
    gr = GudangRenstra(url, jam=lambda: JAM)
    for isi in (b"PK\x03\x04 buku kerja uji 1", b"PK\x03\x04 buku kerja uji 2"):
        gr.simpan(isi, renstra_id=LAIN, judul="Renstra Contoh", perangkat_daerah="Kecamatan Contoh",
                  periode_awal=2025, periode_akhir=2029, pengguna="admin", peran="admin", nama_berkas="c.xlsx")  # fmt: skip
    gr.tutup()
    mesin = sa.create_engine(url, poolclass=sa.NullPool)
    pembatas = Pembatas(mesin, jam=lambda: 1_800_000_000.0, tidur=lambda _: None)
    for _ in range(3):
        pembatas.gagal("lurah_uji", klien="192.0.2.7")
    mesin.dispose()


def semua_baris(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a fixed order."""
    mesin = sa.create_engine(url, poolclass=sa.NullPool)
    meta = sa.MetaData()
    meta.reflect(mesin)
    with mesin.connect() as conn:
        hasil = {
            t.name: [tuple(r) for r in conn.execute(sa.select(t).order_by(*t.columns))] for t in meta.sorted_tables
        }
    mesin.dispose()
    return hasil


def basis_data_baru(url: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """Another empty database of the same kind as ``url``."""
    if url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'pulih' / 'realisasi.sqlite'}"
    return request.getfixturevalue("server_pg").baru()


def alat_cadangan(*argumen: str, url: str) -> subprocess.CompletedProcess[str]:
    """``python -m alat.cadangan`` as a deployer runs it, the database named by RENSTRA_DB_URL."""
    env = {**os.environ, "RENSTRA_DB_URL": url}
    return subprocess.run(
        [sys.executable, "-m", "alat.cadangan", *argumen], cwd=AKAR, env=env, capture_output=True, text=True
    )


def test_cadangan_dipulihkan_ke_basis_data_baru_memuat_setiap_versi_dan_nilai(
    url: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    isi_gudang(url)
    sebelum = semua_baris(url)
    assert len(sebelum["versi"]) == 5 and len(sebelum["renstra_versi"]) == 2 and len(sebelum["login_gagal"]) == 2
    berkas = tmp_path / "cadangan.bin"
    hasil = alat_cadangan("buat", str(berkas), url=url)
    assert hasil.returncode == 0, hasil.stderr
    assert "versi: 5 baris" in hasil.stdout and "renstra_versi: 2 baris" in hasil.stdout
    assert "uji-renstra-lokal" not in hasil.stdout + hasil.stderr  # the password is never printed
    assert not berkas.with_name("cadangan.bin.sebagian").exists()

    tujuan = basis_data_baru(url, tmp_path, request)
    hasil = alat_cadangan("pulihkan", str(berkas), url=tujuan)
    assert hasil.returncode == 0, hasil.stderr
    assert "nilai: 6 baris" in hasil.stdout
    assert semua_baris(tujuan) == sebelum  # every table, every row, every value

    a, b = Gudang(url), Gudang(tujuan)
    assert_frame_equal(b.riwayat(), a.riwayat())
    for v in a.riwayat()["id"]:
        assert_frame_equal(b.keadaan(int(v)), a.keadaan(int(v)))
    assert_frame_equal(b.untuk_renstra(LAIN).keadaan(), a.untuk_renstra(LAIN).keadaan())
    assert b.keadaan().set_index("item_id").loc["uji:2", "realisasi"] == 3.0  # the rollback's value
    gr = GudangRenstra(tujuan)
    assert [gr.muat(LAIN, v) for v in (1, 2)] == [b"PK\x03\x04 buku kerja uji 1", b"PK\x03\x04 buku kerja uji 2"]
    # the restored store goes on where the old one stopped (PostgreSQL: the id sequence came back too)
    baru = b.simpan(rekaman((2024, "uji:5", 1, "", 1.0, None)), "admin", "admin", "n.xlsx", sha("e"), 2024)
    assert baru == 6
    for x in (a, b, gr):
        x.tutup()


def test_pulihkan_hanya_ke_basis_data_kosong_dan_berkas_cadangan_yang_sah(
    url: str, tmp_path: Path, request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    isi_gudang(url)
    berkas = tmp_path / "cadangan.bin"
    assert cadangan.main(["--url", url, "buat", str(berkas)]) == 0
    sebelum = semua_baris(url)

    assert cadangan.main(["--url", url, "pulihkan", str(berkas)]) == 1  # into the store it came from
    galat = capsys.readouterr().err
    assert "sudah" in galat and "Traceback" not in galat
    assert semua_baris(url) == sebelum

    assert cadangan.main(["--url", url, "buat", str(berkas)]) == 1  # an old backup is never overwritten
    assert (
        capsys.readouterr().err == f"galat: {berkas} sudah ada; pilih nama berkas lain (cadangan lama tidak ditimpa).\n"
    )

    palsu = tmp_path / "bukan-cadangan.bin"
    palsu.write_bytes(b"ini bukan cadangan")
    tujuan = basis_data_baru(url, tmp_path, request)
    assert cadangan.main(["--url", tujuan, "pulihkan", str(palsu)]) == 1
    assert "bukan cadangan" in capsys.readouterr().err
    if url.startswith("sqlite"):  # nothing was written
        assert not Path(sa.make_url(tujuan).database).exists()
    else:
        assert cadangan.tabel_terisi(tujuan) == {}


def test_url_dari_argumen_env_lalu_secrets(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[database]\nurl = "postgresql+psycopg://dari@secrets.invalid/r"\n', encoding="utf-8")
    monkeypatch.setenv("RENSTRA_DB_URL", "sqlite:////dari/env.sqlite")
    assert cadangan.url_basis_data("sqlite:////dari/argumen.sqlite", secrets) == "sqlite:////dari/argumen.sqlite"
    assert cadangan.url_basis_data(None, secrets) == "sqlite:////dari/env.sqlite"  # environment over the file
    monkeypatch.delenv("RENSTRA_DB_URL")
    assert cadangan.url_basis_data(None, secrets) == "postgresql+psycopg://dari@secrets.invalid/r"
    env = cadangan._lingkungan_pg(
        sa.make_url("postgresql+psycopg://u:rahasia@h:5433/d?sslmode=require&connect_timeout=5")
    )
    assert (env["PGHOST"], env["PGPORT"], env["PGUSER"], env["PGPASSWORD"], env["PGDATABASE"]) == (
        "h", "5433", "u", "rahasia", "d",
    )  # fmt: skip
    assert (env["PGSSLMODE"], env["PGCONNECT_TIMEOUT"]) == ("require", "5")
