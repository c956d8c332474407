"""realisasi.gudang: the versioned store of realisasi.

All records here are synthetic, made up for these tests (item ids ``uji:...``); none comes
from the Renstra document. Every test taking ``url`` (tests/conftest.py) runs twice: on a fresh
SQLite file and on an emptied PostgreSQL database (RENSTRA_TEST_PG_URL; skipped locally without it,
a failure in CI).
"""

from __future__ import annotations

import hashlib
import io
import multiprocessing as mp
import subprocess
import sys
import tomllib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import sqlalchemy as sa
from openpyxl import load_workbook
from pandas.testing import assert_frame_equal
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateIndex, CreateTable

from loaders.renstra import FOLDER_BAWAAN
from realisasi import KOLOM_REALISASI, TIPE_REALISASI, alur
from realisasi import gudang as modul
from realisasi.akun import Akun
from realisasi.gudang import Gudang, GudangBerubah, GudangError

AKAR = Path(__file__).resolve().parents[1]
SHA_A = hashlib.sha256(b"berkas uji A").hexdigest()
SHA_B = hashlib.sha256(b"berkas uji B").hexdigest()


def rekaman(*baris: tuple[Any, ...]) -> pd.DataFrame:
    """Synthetic upload rows: (tahun, item_id, indikator_ke, kelurahan, realisasi, realisasi_rp)."""
    kolom = list(zip(*baris, strict=True))
    return pd.DataFrame(
        {k: pd.array(list(v), dtype=TIPE_REALISASI[k]) for k, v in zip(KOLOM_REALISASI, kolom, strict=True)}
    )


@pytest.fixture
def g(url: str) -> Gudang:
    gudang = Gudang(url)
    yield gudang
    gudang.tutup()


AWAL = rekaman(
    (2022, "uji:1", 1, "", 94.95, 5_673_534_002),
    (2022, "uji:1", 2, "", 12.5, None),
    (2022, "uji:2", 1, "Pakistaji", 3.0, 64_175_000),
)


def _semua_nilai(g: Gudang) -> list[tuple[Any, ...]]:
    with g.engine.connect() as conn:
        q = sa.select(modul.nilai).order_by(*modul.nilai.primary_key.columns)
        return [tuple(r) for r in conn.execute(q)]


# --- upload, preview, rollback --------------------------------------------------------------


def test_unggah_lalu_pulihkan_mengembalikan_nilai_sebelumnya_persis(g: Gudang) -> None:
    v1 = g.simpan(AWAL, "admin", "admin", "realisasi-2022.xlsx", SHA_A, 2022)
    sebelum = g.keadaan()
    assert sebelum["realisasi"].tolist() == [94.95, 12.5, 3.0]
    assert sebelum["realisasi_rp"].tolist() == [5_673_534_002, pd.NA, 64_175_000]

    kedua = rekaman(
        (2022, "uji:1", 1, "", 80.0, 1_000),  # changed
        (2022, "uji:2", 1, "Pakistaji", 3.0, 64_175_000),  # same
        (2022, "uji:3", 1, "Wonoasih", 7.25, 2_500),  # new
    )
    v2 = g.simpan(kedua, "admin", "admin", "realisasi-2022-revisi.xlsx", SHA_B, 2022)
    assert g.keadaan().set_index("item_id").loc["uji:3", "realisasi"] == 7.25

    v3 = g.pulihkan(v1, "admin", "admin")
    assert_frame_equal(g.keadaan(), sebelum)  # values, NA and dtypes exactly as before
    assert_frame_equal(g.keadaan(v1), sebelum)
    # history is not rewritten: the state as of v2 is still there, and can itself be restored
    assert g.keadaan(v2).set_index("item_id").loc["uji:1"].iloc[0]["realisasi_rp"] == 1_000
    r = g.riwayat().iloc[0]
    assert (r["id"], r["jenis"], r["pulih_ke"], r["baris_berubah"]) == (v3, "pemulihan", v1, 2)
    assert r["catatan"] == f"Pemulihan ke versi {v1}"
    g.pulihkan(v2, "admin", "admin")
    assert_frame_equal(g.keadaan(), g.keadaan(v2))


def test_riwayat_mencatat_siapa_kapan_berkas_sha_dan_baris_berubah(g: Gudang) -> None:
    mulai = datetime.now(UTC)
    v1 = g.simpan(AWAL, "admin", "admin", "realisasi-2022.xlsx", SHA_A, 2022, catatan="laporan triwulan IV")
    satu = rekaman((2022, "uji:2", 1, "Pakistaji", 4.0, None))
    v2 = g.simpan(satu, "lurah.pakistaji", "lurah", "pakistaji.xlsx", SHA_B.upper(), 2022, "Pakistaji")
    h = g.riwayat()
    assert h["id"].tolist() == [v2, v1]  # newest first
    baru, lama = h.iloc[0], h.iloc[1]
    assert (baru["pengguna"], baru["peran"], baru["nama_berkas"], baru["sha256"]) == (
        "lurah.pakistaji", "lurah", "pakistaji.xlsx", SHA_B,
    )  # fmt: skip
    assert (baru["tahun"], baru["kelurahan"], baru["jenis"], baru["baris_berubah"]) == (2022, "Pakistaji", "unggah", 1)
    assert pd.isna(baru["pulih_ke"])
    assert (lama["nama_berkas"], lama["sha256"], lama["baris_berubah"]) == ("realisasi-2022.xlsx", SHA_A, 3)
    assert lama["catatan"] == "laporan triwulan IV" and pd.isna(lama["kelurahan"])
    waktu = datetime.fromisoformat(baru["waktu"])
    assert waktu.utcoffset() == timedelta(0)
    assert mulai - timedelta(seconds=1) <= waktu <= datetime.now(UTC)
    assert datetime.fromisoformat(lama["waktu"]) <= waktu


def test_pratinjau_menyebut_baru_berubah_sama_dan_sel_kosong_tidak_menghapus(g: Gudang) -> None:
    v1 = g.simpan(AWAL, "admin", "admin", "a.xlsx", SHA_A, 2022)
    unggah = rekaman(
        (2022, "uji:1", 1, "", None, 6_000_000_000),  # realisasi left empty: stored 94.95 stays
        (2022, "uji:1", 2, "", 12.5, None),  # same
        (2022, "uji:2", 1, "Pakistaji", 3.5, None),  # changed, Rupiah kept
        (2022, "uji:9", 1, "", 1.0, None),  # new
        (2022, "uji:9", 2, "", None, None),  # nothing reported, nothing stored
    )
    p = g.pratinjau(unggah)
    assert p.attrs["versi_dasar"] == v1
    assert p["jenis"].tolist() == ["berubah", "sama", "berubah", "baru", "sama"]
    assert p["realisasi_lama"].tolist() == [94.95, 12.5, 3.0, pd.NA, pd.NA]
    assert p["realisasi_baru"].tolist() == [94.95, 12.5, 3.5, 1.0, pd.NA]
    assert p["realisasi_rp_lama"].tolist() == [5_673_534_002, pd.NA, 64_175_000, pd.NA, pd.NA]
    assert p["realisasi_rp_baru"].tolist() == [6_000_000_000, pd.NA, 64_175_000, pd.NA, pd.NA]
    assert g.keadaan(v1).equals(g.keadaan())  # a preview writes nothing

    v2 = g.simpan(unggah, "admin", "admin", "b.xlsx", SHA_B, 2022, versi_dasar=p.attrs["versi_dasar"])
    assert g.riwayat().iloc[0]["baris_berubah"] == 3
    assert [r[:4] for r in _semua_nilai(g) if r[0] == v2] == [
        (v2, 2022, "uji:1", 1),
        (v2, 2022, "uji:2", 1),
        (v2, 2022, "uji:9", 1),
    ]  # fmt: skip  (only new and changed rows are written)
    k = g.keadaan().set_index(["item_id", "indikator_ke"])
    assert (k.loc[("uji:1", 1), "realisasi"], k.loc[("uji:1", 1), "realisasi_rp"]) == (94.95, 6_000_000_000)
    assert (k.loc[("uji:2", 1), "realisasi"], k.loc[("uji:2", 1), "realisasi_rp"]) == (3.5, 64_175_000)
    assert ("uji:9", 2) not in k.index


def test_unggah_tanpa_perubahan_tetap_tercatat_dengan_nol_baris(g: Gudang) -> None:
    g.simpan(AWAL, "admin", "admin", "a.xlsx", SHA_A, 2022)
    jumlah_nilai = len(_semua_nilai(g))
    v2 = g.simpan(AWAL, "admin", "admin", "a-lagi.xlsx", SHA_A, 2022)
    r = g.riwayat().iloc[0]
    assert (r["id"], r["nama_berkas"], r["baris_berubah"]) == (v2, "a-lagi.xlsx", 0)
    assert len(_semua_nilai(g)) == jumlah_nilai


def test_simpan_ditolak_bila_orang_lain_menyimpan_setelah_pratinjau(g: Gudang) -> None:
    p = g.pratinjau(AWAL)
    assert p.attrs["versi_dasar"] == 0  # empty store
    lain = g.simpan(rekaman((2022, "uji:5", 1, "", 1.0, None)), "admin", "admin", "lain.xlsx", SHA_B, 2022)
    with pytest.raises(GudangBerubah, match=rf"versi {lain}\) sejak pratinjau dibuat\. Unggah ulang"):
        g.simpan(AWAL, "admin", "admin", "a.xlsx", SHA_A, 2022, versi_dasar=p.attrs["versi_dasar"])
    assert g.riwayat()["id"].tolist() == [lain]
    assert g.keadaan()["item_id"].tolist() == ["uji:5"]


def test_bandingkan_menyebut_baris_baru_dihapus_dan_berubah(g: Gudang) -> None:
    v1 = g.simpan(AWAL, "admin", "admin", "a.xlsx", SHA_A, 2022)
    v2 = g.simpan(rekaman((2022, "uji:1", 2, "", 13.0, None)), "admin", "admin", "b.xlsx", SHA_B, 2022)
    v3 = g.simpan(rekaman((2023, "uji:7", 1, "Kedung Asem", 2.0, 10)), "admin", "admin", "c.xlsx", SHA_B, 2023)
    v4 = g.pulihkan(v1, "admin", "admin", tahun=2023)  # takes uji:7 away again
    b = g.bandingkan(v1, v3)
    assert b[["item_id", "indikator_ke", "jenis"]].values.tolist() == [["uji:1", 2, "berubah"], ["uji:7", 1, "baru"]]
    assert b["realisasi_a"].tolist() == [12.5, pd.NA] and b["realisasi_b"].tolist() == [13.0, 2.0]
    assert b["realisasi_rp_b"].tolist() == [pd.NA, 10] and b["kelurahan"].tolist() == ["", "Kedung Asem"]
    c = g.bandingkan(v3, v4)
    assert c[["tahun", "item_id", "jenis", "realisasi_a", "realisasi_b"]].values.tolist() == [
        [2023, "uji:7", "dihapus", 2.0, pd.NA]
    ]
    assert g.bandingkan(v2, v2).empty
    # a rollback restricted to 2023 left 2022's newer value in place
    assert g.keadaan(tahun=2022).set_index(["item_id", "indikator_ke"]).loc[("uji:1", 2), "realisasi"] == 13.0
    assert g.keadaan(tahun=2023).empty
    assert g.riwayat().iloc[0]["catatan"] == f"Pemulihan ke versi {v1} (tahun 2023)"


def test_riwayat_tidak_pernah_ditulis_ulang(g: Gudang) -> None:
    v1 = g.simpan(AWAL, "admin", "admin", "a.xlsx", SHA_A, 2022)
    g.simpan(rekaman((2022, "uji:1", 1, "", 1.0, 1)), "admin", "admin", "b.xlsx", SHA_B, 2022)
    sebelum, versi_sebelum = _semua_nilai(g), g.riwayat()
    g.pulihkan(v1, "admin", "admin")
    sesudah = _semua_nilai(g)
    assert sesudah[: len(sebelum)] == sebelum  # old rows untouched, new ones only appended
    assert_frame_equal(g.riwayat().iloc[1:].reset_index(drop=True), versi_sebelum)


# --- refusals: nothing is written --------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "kwargs", "pesan"),
    [
        (AWAL.drop(columns="realisasi_rp"), {}, "Kolom tidak ada pada data realisasi: realisasi_rp"),
        (pd.concat([AWAL, AWAL.iloc[[1]]]), {}, "Baris ganda untuk tahun 2022, item uji:1, indikator ke-2"),
        (rekaman((2022, "uji:1", 1, "", 1.0, -5)), {}, "Realisasi Rupiah tahun 2022, item uji:1, indikator ke-1 harus"),
        (rekaman((2022, "uji:1", 1, "", float("inf"), None)), {}, "bukan angka terhingga"),
        (rekaman((2023, "uji:1", 1, "", 1.0, None)), {}, "Baris tahun 2023, item uji:1, indikator ke-1 bukan untuk tahun 2022"),
        (AWAL.iloc[0:0], {}, "Tidak ada baris realisasi untuk disimpan"),
        (AWAL, {"sha256": "bukan-sha"}, "SHA-256 berkas tidak sah"),
        (AWAL, {"peran": "lurah"}, "Akun berperan lurah hanya boleh menyimpan baris kelurahannya sendiri"),
        (AWAL.iloc[:2], {"peran": "lurah", "kelurahan": ""}, "Akun berperan lurah hanya boleh menyimpan baris"),
        (
            AWAL,
            {"peran": "lurah", "kelurahan": "Pakistaji"},
            "Baris tahun 2022, item uji:1, indikator ke-1 milik kecamatan, bukan Kelurahan Pakistaji",
        ),
        (
            rekaman((2022, "uji:2", 1, "Wonoasih", 1.0, None)),
            {"peran": "lurah", "kelurahan": "Pakistaji"},
            "milik Wonoasih, bukan Kelurahan Pakistaji",
        ),
    ],
)  # fmt: skip
def test_simpan_yang_ditolak_tidak_menulis_apa_pun(g: Gudang, data: pd.DataFrame, kwargs: dict, pesan: str) -> None:
    v1 = g.simpan(AWAL, "admin", "admin", "a.xlsx", SHA_A, 2022)
    sebelum = g.keadaan()
    argumen = {"pengguna": "seseorang", "peran": "admin", "nama_berkas": "x.xlsx", "sha256": SHA_B, "tahun": 2022}
    with pytest.raises(GudangError, match=pesan):
        g.simpan(data, **{**argumen, **kwargs})
    assert g.riwayat()["id"].tolist() == [v1]
    assert_frame_equal(g.keadaan(), sebelum)


def test_lurah_tidak_bisa_memulihkan_dan_versi_yang_tidak_ada_ditolak(g: Gudang) -> None:
    v1 = g.simpan(AWAL, "admin", "admin", "a.xlsx", SHA_A, 2022)
    with pytest.raises(GudangError, match="Hanya admin yang boleh memulihkan"):
        g.pulihkan(v1, "lurah.pakistaji", "lurah")
    with pytest.raises(GudangError, match="Versi 99 tidak ada"):
        g.pulihkan(99, "admin", "admin")
    with pytest.raises(GudangError, match="Versi 99 tidak ada"):
        g.keadaan(99)
    with pytest.raises(GudangError, match="Versi 99 tidak ada"):
        g.bandingkan(v1, 99)
    assert g.riwayat()["id"].tolist() == [v1]


# --- failures and concurrency ----------------------------------------------------------------


def test_galat_di_tengah_penulisan_tidak_meninggalkan_versi_yatim(g: Gudang) -> None:
    v1 = g.simpan(AWAL, "admin", "admin", "a.xlsx", SHA_A, 2022)
    v2 = g.simpan(rekaman((2022, "uji:4", 1, "", 4.0, None)), "admin", "admin", "d.xlsx", SHA_A, 2022)
    sebelum, nilai_sebelum = g.keadaan(), _semua_nilai(g)
    terlihat: list[str] = []

    def gagal(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        terlihat.append(statement.split("(")[0].strip())
        if statement.startswith("INSERT INTO nilai"):
            raise RuntimeError("disk penuh (disimulasikan)")

    sa.event.listen(g.engine, "before_cursor_execute", gagal)
    with pytest.raises(RuntimeError, match="disimulasikan"):
        g.simpan(rekaman((2022, "uji:1", 1, "", 1.0, 1)), "admin", "admin", "b.xlsx", SHA_B, 2022)
    with pytest.raises(RuntimeError, match="disimulasikan"):
        g.pulihkan(v1, "admin", "admin")  # a rollback fails the same way
    sa.event.remove(g.engine, "before_cursor_execute", gagal)
    assert "INSERT INTO versi" in terlihat  # the version row was written before the failure
    assert terlihat.index("INSERT INTO versi") < terlihat.index("INSERT INTO nilai")
    assert g.riwayat()["id"].tolist() == [v2, v1]  # no orphan version
    assert_frame_equal(g.keadaan(), sebelum)
    assert _semua_nilai(g) == nilai_sebelum
    assert g.simpan(rekaman((2022, "uji:1", 1, "", 1.0, 1)), "admin", "admin", "b.xlsx", SHA_B, 2022) > v2


_SKRIP_MATI = """
import os, sys
import pandas as pd
import sqlalchemy as sa
from realisasi.gudang import Gudang
g = Gudang(sys.argv[1])
def mati(conn, cursor, statement, *args):
    if statement.startswith("INSERT INTO nilai"):
        os._exit(3)  # the process dies mid-transaction, after its version row
sa.event.listen(g.engine, "before_cursor_execute", mati)
df = pd.DataFrame({"tahun": [2022], "item_id": ["uji:1"], "indikator_ke": [1], "kelurahan": [""],
                   "realisasi": [1.0], "realisasi_rp": [1]})
g.simpan(df, "admin", "admin", "mati.xlsx", "c" * 64, 2022)
"""


def test_proses_yang_mati_di_tengah_penulisan_tidak_merusak_data(g: Gudang, url: str) -> None:
    v1 = g.simpan(AWAL, "admin", "admin", "a.xlsx", SHA_A, 2022)
    sebelum = g.keadaan()
    hasil = subprocess.run([sys.executable, "-c", _SKRIP_MATI, url], cwd=AKAR, capture_output=True, timeout=120)
    assert hasil.returncode == 3, hasil.stderr.decode()
    lagi = Gudang(url)
    assert lagi.riwayat()["id"].tolist() == [v1]
    assert_frame_equal(lagi.keadaan(), sebelum)
    # the dead writer's lock is gone: the next upload lands at once
    v2 = lagi.simpan(rekaman((2022, "uji:1", 1, "", 2.0, None)), "admin", "admin", "b.xlsx", SHA_B, 2022)
    assert lagi.riwayat()["id"].tolist() == [v2, v1]  # (PostgreSQL may skip the dead writer's id)
    lagi.tutup()


UNGGAHAN_PER_PROSES = 10


def _pengunggah(url: str, nomor: int, mulai: Any) -> None:
    """One process with its own Gudang: its own rows, plus a row both processes write."""
    g = Gudang(url)
    mulai.wait(timeout=120)  # both processes are ready: their uploads overlap in time
    for i in range(1, UNGGAHAN_PER_PROSES + 1):
        df = rekaman(
            (2022, f"uji:proses{nomor}", i, "", float(nomor * 100 + i), nomor * 1_000 + i),
            (2022, "uji:bersama", 1, "", float(nomor * 100 + i), None),
        )
        g.simpan(
            df,
            f"pengguna{nomor}",
            "admin",
            f"p{nomor}-{i}.xlsx",
            hashlib.sha256(f"{nomor}-{i}".encode()).hexdigest(),
            2022,
        )
    g.tutup()


def dua_proses_bersamaan(target: Callable[[str, int, Any], None], url: str) -> None:
    """Run ``target(url, n, mulai)`` for n = 1, 2 in two fresh processes that start together; both must succeed."""
    ctx = mp.get_context("spawn")
    mulai = ctx.Barrier(2)
    proses = [ctx.Process(target=target, args=(url, n, mulai)) for n in (1, 2)]
    for p in proses:
        p.start()
    for p in proses:
        p.join(timeout=180)
    assert [p.exitcode for p in proses] == [0, 0]


def test_dua_proses_mengunggah_bersamaan_semua_tersimpan_sebagai_versi_terpisah(url: str) -> None:
    Gudang(url).tutup()  # not needed for correctness; keeps the timing about uploads, not DDL
    dua_proses_bersamaan(_pengunggah, url)

    g = Gudang(url)
    h = g.riwayat()
    assert len(h) == 2 * UNGGAHAN_PER_PROSES and h["id"].is_unique
    assert sorted(h["nama_berkas"]) == sorted(
        f"p{n}-{i}.xlsx" for n in (1, 2) for i in range(1, UNGGAHAN_PER_PROSES + 1)
    )
    assert set(h["baris_berubah"]) == {2}  # each version wrote its own row and the shared one
    k = g.keadaan().set_index(["item_id", "indikator_ke"])
    for n in (1, 2):
        for i in range(1, UNGGAHAN_PER_PROSES + 1):
            assert k.loc[(f"uji:proses{n}", i), "realisasi"] == n * 100 + i
            assert k.loc[(f"uji:proses{n}", i), "realisasi_rp"] == n * 1_000 + i
    # the shared row holds what the newest version wrote: last writer wins, nothing half-written
    terbaru = h.iloc[0]["nama_berkas"]  # e.g. p2-10.xlsx
    n, i = (int(x) for x in terbaru[1:-5].split("-"))
    assert k.loc[("uji:bersama", 1), "realisasi"] == n * 100 + i
    g.tutup()


# --- one store per Renstra ---------------------------------------------------------------------

LAIN = "kecamatan-contoh-2025-2029"  # a made-up second Renstra


def test_setiap_renstra_hanya_melihat_versi_dan_nilainya_sendiri(g: Gudang) -> None:
    lain = g.untuk_renstra(LAIN)  # same database and engine, another Renstra
    assert (lain.engine, lain.renstra_id, g.renstra_id) == (g.engine, LAIN, modul.ID_BAWAAN)
    v1 = g.simpan(AWAL, "admin", "admin", "wonoasih.xlsx", SHA_A, 2022)
    p = lain.pratinjau(AWAL)  # same keys, other Renstra: all new there
    assert p["jenis"].tolist() == ["baru"] * 3 and p.attrs["versi_dasar"] == 0
    w1 = lain.simpan(rekaman((2022, "uji:1", 1, "", 50.0, 7)), "admin", "admin", "lain.xlsx", SHA_B, 2022)
    assert w1 > v1  # ids are global
    # a save to another Renstra does not make this Renstra's preview stale
    v2 = g.simpan(AWAL.iloc[:1], "admin", "admin", "lagi.xlsx", SHA_A, 2022, versi_dasar=v1)
    assert (g.versi_terakhir(), lain.versi_terakhir()) == (v2, w1)
    assert g.riwayat()["id"].tolist() == [v2, v1] and lain.riwayat()["id"].tolist() == [w1]
    assert "renstra_id" not in g.riwayat().columns  # one Renstra's history
    assert g.keadaan()["realisasi"].tolist() == [94.95, 12.5, 3.0]
    assert lain.keadaan()[["item_id", "realisasi"]].values.tolist() == [["uji:1", 50.0]]
    for tolak in (lambda: g.keadaan(w1), lambda: g.bandingkan(v1, w1), lambda: g.pulihkan(w1, "admin", "admin")):
        with pytest.raises(GudangError, match=f"Versi {w1} tidak ada di realisasi Renstra wonoasih-2019-2024"):
            tolak()
    lain.pulihkan(w1, "admin", "admin")
    assert g.riwayat()["id"].tolist() == [v2, v1]  # a rollback there is not in this history
    wb = load_workbook(io.BytesIO(lain.ekspor_xlsx()))
    assert {r[-1] for r in wb["Riwayat"].iter_rows(min_row=2, values_only=True)} == {LAIN}
    assert [r[2] for r in wb["Nilai"].iter_rows(min_row=2, values_only=True)] == ["uji:1"]
    with g.engine.connect() as conn:  # every value row carries its version's Renstra
        j = sa.select(modul.nilai.c.renstra_id, modul.versi.c.renstra_id).join(modul.versi)
        assert {a == b for a, b in conn.execute(j)} == {True}
    with pytest.raises(GudangError, match="ID Renstra 'Lain' tidak sah"):
        g.untuk_renstra("Lain")


@pytest.mark.parametrize("renstra_id", ["", "Wonoasih", "wonoasih_2019", "-awal", "akhir-", "a" * 101, None])
def test_id_renstra_yang_tidak_sah_ditolak(tmp_path: Path, renstra_id: Any) -> None:
    with pytest.raises(GudangError, match="tidak sah: pakai 1-100 huruf kecil, angka atau tanda hubung"):
        Gudang(f"sqlite:///{tmp_path / 'r.sqlite'}", renstra_id=renstra_id)
    assert not (tmp_path / "r.sqlite").exists()  # refused before the database is touched


def test_id_bawaan_adalah_id_renstra_bawaan() -> None:
    manifest = tomllib.loads((FOLDER_BAWAAN / "manifest.toml").read_text(encoding="utf-8"))
    assert modul.ID_BAWAAN == manifest["renstra"]["id"] == Gudang.__init__.__defaults__[-1]


def test_alur_menolak_gudang_renstra_lain(url: str, renstra: Any) -> None:
    lain = Gudang(url, renstra_id=LAIN)
    with pytest.raises(GudangError, match=f"Renstra 'wonoasih-2019-2024' bukan Renstra penyimpanan .*\\({LAIN}\\)"):
        alur.periksa(b"tidak dibaca", renstra, 2022, Akun("admin", "admin"), lain, "x.xlsx")
    assert lain.riwayat().empty
    lain.tutup()


# --- export ------------------------------------------------------------------------------------


def test_ekspor_xlsx_teks_mirip_rumus_tetap_teks_dan_angka_tetap_angka(g: Gudang) -> None:
    data = rekaman((2022, "=1+1", 1, "+62 812", 94.95, 5_673_534_002), (2022, "uji:2", 1, "-", None, None))
    data.loc[1, "realisasi"] = -0.44
    v1 = g.simpan(data, "@admin", "admin", '=HYPERLINK("http://contoh.invalid")', SHA_A, 2022, catatan="-catatan")
    g.pulihkan(v1, "admin", "admin")
    wb = load_workbook(io.BytesIO(g.ekspor_xlsx()))
    assert wb.sheetnames == ["Realisasi", "Riwayat", "Nilai"]

    ws = wb["Realisasi"]
    assert [c.value for c in ws[1]] == list(KOLOM_REALISASI)
    assert [c.value for c in ws[2]] == [2022, "=1+1", 1, "+62 812", 94.95, 5_673_534_002]
    assert [c.value for c in ws[3]] == [2022, "uji:2", 1, "-", -0.44, None]  # empty stays empty, never 0
    for sel in (ws["B2"], ws["D2"], ws["D3"]):
        assert sel.data_type == "s" and sel.quotePrefix is True
    assert ws["F2"].data_type == "n" and ws["E3"].data_type == "n"

    ws = wb["Riwayat"]
    kepala = [c.value for c in ws[1]]
    lama = {k: c for k, c in zip(kepala, ws[3], strict=True)}  # newest first: v1 is the second data row
    assert lama["id"].value == v1
    for k, teks in [
        ("nama_berkas", '=HYPERLINK("http://contoh.invalid")'),
        ("pengguna", "@admin"),
        ("catatan", "-catatan"),
    ]:
        assert lama[k].value == teks and lama[k].data_type == "s", k
    assert lama["sha256"].value == SHA_A
    assert ws.max_row == 3  # two versions

    ws = wb["Nilai"]
    assert [c.value for c in ws[1]] == [c.name for c in modul.nilai.columns]
    assert ws.max_row == 1 + 2  # the rollback to v1 changed nothing, so only v1's two rows
    assert ws["C2"].value == "=1+1" and ws["C2"].data_type == "s"


# --- where the store lives, and PostgreSQL ------------------------------------------------------


def test_url_bawaan_dari_env_atau_berkas_di_luar_repositori(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("RENSTRA_DB_URL", "postgresql+psycopg://pengguna@db.contoh.invalid/renstra")
    assert modul.url_bawaan() == "postgresql+psycopg://pengguna@db.contoh.invalid/renstra"
    monkeypatch.delenv("RENSTRA_DB_URL")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert modul.url_bawaan() == f"sqlite:///{tmp_path / 'data' / 'dasbor-renstra' / 'realisasi.sqlite'}"
    monkeypatch.delenv("XDG_DATA_HOME")
    bawaan = Path(sa.make_url(modul.url_bawaan()).database)
    assert bawaan == Path.home() / ".local" / "share" / "dasbor-renstra" / "realisasi.sqlite"
    assert AKAR not in bawaan.parents


def test_berkas_sqlite_dibuat_dengan_wal_dan_foreign_keys(tmp_path: Path) -> None:
    berkas = tmp_path / "belum" / "ada" / "realisasi.sqlite"
    g = Gudang(f"sqlite:///{berkas}")
    assert berkas.is_file()
    with g.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == modul.BUSY_TIMEOUT_MS
    baris = dict(versi_id=42, tahun=2022, item_id="uji:1", indikator_ke=1, kelurahan="", dihapus=False)
    with pytest.raises(sa.exc.IntegrityError, match="FOREIGN KEY"), g.engine.begin() as conn:
        conn.execute(sa.insert(modul.nilai).values(**baris))
    assert repr(Gudang(f"sqlite:///{berkas}")) == f"Gudang('sqlite:///{berkas}', renstra_id='wonoasih-2019-2024')"
    g.tutup()


def test_repr_tidak_membocorkan_kata_sandi() -> None:
    g = Gudang.__new__(Gudang)
    g.url = "postgresql+psycopg://renstra:rahasia123@db.contoh.invalid/renstra"
    assert "rahasia123" not in repr(g) and "renstra:***@db.contoh.invalid" in repr(g)


def test_ddl_dan_kueri_berlaku_untuk_postgresql() -> None:
    dialek = postgresql.dialect()
    versi_ddl = str(CreateTable(modul.versi).compile(dialect=dialek))
    nilai_ddl = str(CreateTable(modul.nilai).compile(dialect=dialek))
    (indeks_nilai,) = modul.nilai.indexes
    indeks = str(CreateIndex(indeks_nilai).compile(dialect=dialek))
    assert "id SERIAL NOT NULL" in versi_ddl and "FOREIGN KEY(pulih_ke) REFERENCES versi (id)" in versi_ddl
    assert "CHECK (jenis IN ('unggah', 'pemulihan'))" in versi_ddl
    assert "realisasi DOUBLE PRECISION" in nilai_ddl and "realisasi_rp BIGINT" in nilai_ddl
    assert "dihapus BOOLEAN NOT NULL" in nilai_ddl
    assert "PRIMARY KEY (versi_id, tahun, item_id, indikator_ke)" in nilai_ddl
    for ddl in (versi_ddl, nilai_ddl):
        assert "renstra_id VARCHAR(100) DEFAULT 'wonoasih-2019-2024' NOT NULL" in ddl
    assert indeks == (
        "CREATE INDEX ix_nilai_renstra_kunci_versi ON nilai (renstra_id, tahun, item_id, indikator_ke, versi_id)"
    )

    # the "state as of a version" query compiles to plain SQL there too (no SQLite-only syntax)
    class Tangkap:
        dialect = dialek
        kueri: Any = None

        def execute(self, q: Any) -> list[Any]:
            Tangkap.kueri = q
            return []

    Gudang.__new__(Gudang)._keadaan(Tangkap(), 5, 2022)  # type: ignore[arg-type]
    sql = str(Tangkap.kueri.compile(dialect=dialek))
    assert "max(nilai.versi_id)" in sql and "GROUP BY nilai.tahun, nilai.item_id, nilai.indikator_ke" in sql
    assert "nilai.renstra_id = %(renstra_id_1)s" in sql
    assert "nilai.dihapus IS false" in sql
