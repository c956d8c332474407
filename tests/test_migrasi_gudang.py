"""Upgrading a realisasi store made before there were several Renstra (schema step 1) in place.

The old database is built here from a frozen copy of the DDL the store emitted before
issue 12 (``CREATE TABLE`` as SQLAlchemy compiled it for SQLite and PostgreSQL at commit
143f604), filled the way that code filled it: version rows with database-assigned ids, then the
rows each version wrote. All records are synthetic (item ids ``uji:...``). Runs on SQLite,
and also on PostgreSQL when ``RENSTRA_TEST_PG_URL`` is set.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

import pandas as pd
import pytest
import sqlalchemy as sa
from pandas.testing import assert_frame_equal

from alat import cadangan
from realisasi import KOLOM_REALISASI, TIPE_REALISASI, akun
from realisasi import gudang as modul
from realisasi.gudang import ID_BAWAAN, Gudang, GudangError
from tests.test_realisasi_gudang import dua_proses_bersamaan

JAM = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
LAIN = "kecamatan-contoh-2025-2029"


def ddl_lama(dialek: str) -> list[str]:
    """Schema step 1 exactly as the old store created it (SQLite and PostgreSQL differ in three places)."""
    pg = dialek == "postgresql"
    return [
        f"""CREATE TABLE versi (
            id {"SERIAL" if pg else "INTEGER"} NOT NULL, waktu VARCHAR(40) NOT NULL, pengguna TEXT NOT NULL,
            peran TEXT NOT NULL, nama_berkas TEXT NOT NULL, sha256 VARCHAR(64) NOT NULL, tahun INTEGER,
            kelurahan TEXT, jenis VARCHAR(16) NOT NULL, pulih_ke INTEGER, baris_berubah INTEGER NOT NULL,
            catatan TEXT NOT NULL, PRIMARY KEY (id),
            CONSTRAINT ck_versi_jenis CHECK (jenis IN ('unggah', 'pemulihan')),
            FOREIGN KEY(pulih_ke) REFERENCES versi (id))""",
        f"""CREATE TABLE nilai (
            versi_id INTEGER NOT NULL, tahun INTEGER NOT NULL, item_id VARCHAR(64) NOT NULL,
            indikator_ke INTEGER NOT NULL, kelurahan TEXT NOT NULL, realisasi {"DOUBLE PRECISION" if pg else "DOUBLE"},
            realisasi_rp BIGINT, dihapus BOOLEAN NOT NULL, PRIMARY KEY (versi_id, tahun, item_id, indikator_ke),
            FOREIGN KEY(versi_id) REFERENCES versi (id)
            {"" if pg else ", CONSTRAINT ck_nilai_dihapus CHECK (dihapus IN (0, 1))"})""",
        "CREATE INDEX ix_nilai_kunci_versi ON nilai (tahun, item_id, indikator_ke, versi_id)",
    ]


def versi_lama(waktu: str, pengguna: str, berkas: str, tahun: int, n: int, **lain: Any) -> dict[str, Any]:
    """A version row as the old store wrote it (``n`` = rows it wrote; an upload by admin unless told)."""
    baris = dict(waktu=f"2024-{waktu}T01:00:00.000000+00:00", pengguna=pengguna, peran="admin", nama_berkas=berkas)
    sha = hashlib.sha256(berkas.encode()).hexdigest() if berkas else ""  # a rollback has no file
    baris |= dict(sha256=sha, tahun=tahun, kelurahan=None, jenis="unggah", pulih_ke=None)
    return baris | dict(baris_berubah=n, catatan="") | lain


# What the old store held: three uploads, then a rollback to version 1 of 2022 (which wrote an old
# value back and marked a row deleted). Ids 1-4 in this order.
VERSI_LAMA = [
    versi_lama("02-01", "admin", "r-2022.xlsx", 2022, 3, catatan="laporan 2022"),
    versi_lama("02-02", "lurah_pakistaji", "=pakistaji.xlsx", 2022, 2, peran="kelurahan", kelurahan="Pakistaji"),
    versi_lama("03-01", "admin", "r-2023.xlsx", 2023, 1),
    versi_lama(
        "03-02", "admin", "", 2022, 2, jenis="pemulihan", pulih_ke=1, catatan="Pemulihan ke versi 1 (tahun 2022)"
    ),
]
# (versi_id, tahun, item_id, indikator_ke, kelurahan, realisasi, realisasi_rp, dihapus)
NILAI_LAMA = [
    (1, 2022, "uji:1", 1, "", 94.95, 5_673_534_002, False),
    (1, 2022, "uji:1", 2, "", 12.5, None, False),
    (1, 2022, "uji:2", 1, "Pakistaji", 3.0, 64_175_000, False),
    (2, 2022, "uji:2", 1, "Pakistaji", 4.5, 64_175_000, False),
    (2, 2022, "uji:3", 1, "Pakistaji", 1.0, 10, False),
    (3, 2023, "uji:1", 1, "", None, 7, False),
    (4, 2022, "uji:2", 1, "Pakistaji", 3.0, 64_175_000, False),
    (4, 2022, "uji:3", 1, "Pakistaji", None, None, True),
]


@pytest.fixture
def url_lama(url: str) -> str:
    """``url`` holding a store of schema step 1 with ``VERSI_LAMA``, and a login counter beside it."""
    mesin = sa.create_engine(url)
    with mesin.begin() as conn:
        for perintah in ddl_lama(mesin.dialect.name):
            conn.exec_driver_sql(perintah)
        kolom = list(VERSI_LAMA[0])
        conn.execute(
            sa.text(f"INSERT INTO versi ({', '.join(kolom)}) VALUES ({', '.join(':' + k for k in kolom)})"),
            VERSI_LAMA,
        )  # ids assigned by the database, as the old store let it
        assert conn.execute(sa.text("SELECT id FROM versi ORDER BY id")).scalars().all() == [1, 2, 3, 4]
        kolom = ["versi_id", "tahun", "item_id", "indikator_ke", "kelurahan", "realisasi", "realisasi_rp", "dihapus"]
        conn.execute(
            sa.text(f"INSERT INTO nilai ({', '.join(kolom)}) VALUES ({', '.join(':' + k for k in kolom)})"),
            [dict(zip(kolom, b, strict=True)) for b in NILAI_LAMA],
        )
        akun.META_AKUN.create_all(conn)
        conn.execute(sa.insert(akun.TABEL_LOGIN_GAGAL).values(kunci="nama:uji", gagal=3))
    mesin.dispose()
    return url


def isi_tabel(url: str, tabel: str) -> list[tuple[Any, ...]]:
    mesin = sa.create_engine(url)
    with mesin.connect() as conn:
        hasil = [tuple(r) for r in conn.execute(sa.text(f"SELECT * FROM {tabel} ORDER BY 1, 2, 3, 4"))]
    mesin.dispose()
    return hasil


def rekaman(*baris: tuple[Any, ...]) -> pd.DataFrame:
    kolom = list(zip(*baris, strict=True))
    return pd.DataFrame(
        {k: pd.array(list(v), dtype=TIPE_REALISASI[k]) for k, v in zip(KOLOM_REALISASI, kolom, strict=True)}
    )


def test_setiap_versi_dan_nilai_lama_tetap_ada_milik_renstra_bawaan(url_lama: str) -> None:
    versi_lama, nilai_lama = isi_tabel(url_lama, "versi"), isi_tabel(url_lama, "nilai")
    g = Gudang(url_lama, jam=lambda: JAM)
    # every old row is still there, unchanged, with the bundled Renstra's id appended
    assert isi_tabel(url_lama, "versi") == [(*r, ID_BAWAAN) for r in versi_lama]
    assert isi_tabel(url_lama, "nilai") == [(*r, ID_BAWAAN) for r in nilai_lama]
    h = g.riwayat()
    assert h["id"].tolist() == [4, 3, 2, 1]
    assert h["nama_berkas"].tolist() == ["", "r-2023.xlsx", "=pakistaji.xlsx", "r-2022.xlsx"]
    assert (h.iloc[0]["jenis"], h.iloc[0]["pulih_ke"], h.iloc[0]["baris_berubah"]) == ("pemulihan", 1, 2)
    assert h.iloc[2]["kelurahan"] == "Pakistaji" and pd.isna(h.iloc[3]["kelurahan"])
    # the state as of each old version is what the old store computed
    keadaan_2 = g.keadaan(2).set_index(["item_id", "indikator_ke"])["realisasi"]
    assert keadaan_2.to_dict() == {("uji:1", 1): 94.95, ("uji:1", 2): 12.5, ("uji:2", 1): 4.5, ("uji:3", 1): 1.0}
    sekarang = g.keadaan()  # uji:3 was deleted by the rollback
    kunci = [tuple(k) for k in sekarang[["tahun", "item_id", "indikator_ke"]].values.tolist()]
    assert kunci == [(2022, "uji:1", 1), (2022, "uji:1", 2), (2022, "uji:2", 1), (2023, "uji:1", 1)]
    assert sekarang["realisasi_rp"].tolist() == [5_673_534_002, pd.NA, 64_175_000, 7]
    assert g.bandingkan(2, 4)["jenis"].tolist() == ["berubah", "dihapus", "baru"]
    g.tutup()


def test_gudang_yang_ditingkatkan_tetap_bekerja(url_lama: str) -> None:
    g = Gudang(url_lama, jam=lambda: JAM)
    sebelum = g.keadaan()
    v5 = g.simpan(rekaman((2024, "uji:9", 1, "", 2.0, None)), "admin", "admin", "r-2024.xlsx", "d" * 64, 2024)
    assert v5 == 5  # ids go on after the old ones (on PostgreSQL: the old sequence)
    assert g.riwayat().iloc[0]["waktu"] == "2026-03-04T05:06:07.000000+00:00"
    v6 = g.pulihkan(4, "admin", "admin")
    assert_frame_equal(g.keadaan(v6), sebelum)
    lain = Gudang(url_lama, renstra_id=LAIN)  # another Renstra sees an empty store
    assert lain.riwayat().empty and lain.keadaan().empty and lain.versi_terakhir() is None
    with pytest.raises(GudangError, match=f"Versi 1 tidak ada di realisasi Renstra {LAIN}"):
        lain.keadaan(1)
    assert lain.simpan(rekaman((2022, "uji:1", 1, "", 1.0, None)), "admin", "admin", "l.xlsx", "e" * 64, 2022) == 7
    assert g.keadaan(tahun=2022).equals(sebelum[sebelum["tahun"] == 2022].reset_index(drop=True))
    lain.tutup()
    g.tutup()


def test_membuka_dua_kali_tidak_mengubah_apa_pun(url_lama: str) -> None:
    Gudang(url_lama, jam=lambda: JAM).tutup()
    versi, nilai = isi_tabel(url_lama, "versi"), isi_tabel(url_lama, "nilai")
    skema = isi_tabel(url_lama, "skema_versi")
    waktu = "2026-03-04T05:06:07.000000+00:00"
    assert [(k, v, w) for k, v, _, w in skema] == [("realisasi", n, waktu) for n in (1, 2, 3)]
    g = Gudang(url_lama)
    assert (isi_tabel(url_lama, "versi"), isi_tabel(url_lama, "nilai")) == (versi, nilai)
    assert isi_tabel(url_lama, "skema_versi") == skema  # no step ran twice
    with g.engine.begin() as conn:
        modul._tambah_renstra_id(conn)  # the step itself is idempotent too
        indeks = {i["name"] for i in sa.inspect(conn).get_indexes("nilai")}
    assert indeks == {"ix_nilai_renstra_kunci_versi"}  # the old index is gone
    assert isi_tabel(url_lama, "login_gagal") == [("nama:uji", 3, None, None, None)]  # not the store's table
    g.tutup()


def test_migrasi_yang_gagal_tidak_mengubah_apa_pun(url_lama: str) -> None:
    versi, nilai = isi_tabel(url_lama, "versi"), isi_tabel(url_lama, "nilai")

    def gagal(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.startswith("ALTER TABLE nilai"):
            raise RuntimeError("disk penuh (disimulasikan)")

    sa.event.listen(sa.Engine, "before_cursor_execute", gagal)
    try:
        with pytest.raises(RuntimeError, match="disimulasikan"):
            Gudang(url_lama)  # after versi was altered: the whole step is rolled back
    finally:
        sa.event.remove(sa.Engine, "before_cursor_execute", gagal)
    assert (isi_tabel(url_lama, "versi"), isi_tabel(url_lama, "nilai")) == (versi, nilai)
    mesin = sa.create_engine(url_lama)
    assert not sa.inspect(mesin).has_table("skema_versi")
    mesin.dispose()
    g = Gudang(url_lama)  # and the next open upgrades it
    assert len(g.riwayat()) == 4
    g.tutup()


def test_basis_data_dari_dasbor_yang_lebih_baru_ditolak(url_lama: str) -> None:
    Gudang(url_lama).tutup()
    mesin = sa.create_engine(url_lama)
    with mesin.begin() as conn:
        conn.execute(sa.insert(modul.skema_versi).values(komponen="realisasi", versi=4, keterangan="x", waktu="x"))
    mesin.dispose()
    with pytest.raises(GudangError, match=r"versi dasbor yang lebih baru \(skema realisasi 4, dasbor ini mengenal"):
        Gudang(url_lama)


def test_basis_data_baru_langsung_skema_terakhir(url: str) -> None:
    g = Gudang(url, jam=lambda: JAM)
    assert [(k, v) for k, v, _, _ in isi_tabel(url, "skema_versi")] == [("realisasi", n) for n in (1, 2, 3)]
    with g.engine.connect() as conn:
        kolom = {t: [k["name"] for k in sa.inspect(conn).get_columns(t)] for t in ("versi", "nilai")}
    assert kolom == {t.name: [c.name for c in t.columns] for t in (modul.versi, modul.nilai)}
    assert kolom["versi"][-1] == kolom["nilai"][-1] == "renstra_id"  # where ADD COLUMN puts it in an old store
    g.tutup()


def _pembuka(url: str, nomor: int, mulai: Any) -> None:
    """One replica starting after an upgrade: opens the store (running the schema steps) and reads it."""
    mulai.wait(timeout=120)
    g = Gudang(url)
    assert len(g.riwayat()) == 4
    g.tutup()


def test_dua_replika_meningkatkan_gudang_lama_bersamaan_setiap_langkah_sekali(url_lama: str) -> None:
    """Two app processes started at once on an old store: the steps run once, under the lock; nothing lost."""
    versi, nilai = isi_tabel(url_lama, "versi"), isi_tabel(url_lama, "nilai")
    dua_proses_bersamaan(_pembuka, url_lama)
    skema = [(k, v) for k, v, _, _ in isi_tabel(url_lama, "skema_versi") if k == "realisasi"]
    assert skema == [("realisasi", nomor) for nomor, _, _ in Gudang.LANGKAH]
    assert isi_tabel(url_lama, "versi") == [(*r, ID_BAWAAN) for r in versi]
    assert isi_tabel(url_lama, "nilai") == [(*r, ID_BAWAAN) for r in nilai]


def test_alat_skema_meningkatkan_gudang_lama_sebelum_replika_dimulai(
    url_lama: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``python -m alat.cadangan skema``: the upgrade run by hand (README, Meningkatkan skema), nothing lost."""
    versi = isi_tabel(url_lama, "versi")
    assert cadangan.main(["--url", url_lama, "skema"]) == 0
    keluaran = capsys.readouterr().out.splitlines()
    assert keluaran[1:] == [f"  realisasi {n}: {k}" for n, k, _ in Gudang.LANGKAH] + [
        "  renstra 1: tabel renstra_versi"
    ]
    assert "realisasi 2: realisasi per Renstra (kolom renstra_id; data lama milik wonoasih-2019-2024)" in keluaran[2]
    assert isi_tabel(url_lama, "versi") == [(*r, ID_BAWAAN) for r in versi]
    assert cadangan.main(["--url", url_lama, "skema"]) == 0  # a second run changes nothing
    assert isi_tabel(url_lama, "versi") == [(*r, ID_BAWAAN) for r in versi]
