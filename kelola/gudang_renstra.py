"""The versioned store of imported Renstra workbooks: every stored workbook is a version, history is never deleted.

One table, ``renstra_versi``: one row per stored version of a Renstra, with its id
(``renstra_id``, a slug such as ``kecamatan-contoh-2025-2029``), its number (``versi``: 1, 2,
3... per Renstra), a global ``id`` (in commit order over all Renstra), the workbook's bytes and
SHA-256, the metadata the caller read from it (judul, perangkat daerah, periode), and who
stored it when. It lives in the realisasi database and shares its engine, write lock, clock and
ordered schema steps (``realisasi.gudang.GudangDasar``, component "renstra" in ``skema_versi``).

Decisions:

- The store does not read the workbook: the caller has checked it (``loaders.xlsx``) and passes
  the metadata found in it. The store only refuses what it could never give back: a workbook
  over the reader's limit (``loaders.xlsx.BATAS.berkas``, 10 MB) or an empty one.
- Only admin stores or restores.
- Storing the bytes of the latest version again stores nothing: ``RenstraSama`` ("isinya sama
  dengan versi N"), so the history shows only real changes and a double click does not add a
  version. The bytes of an *older* version are stored (that is undoing a correction by hand).
- A rollback (``pulihkan``) is a new version with that version's bytes and metadata, ``jenis``
  'pulih' and ``pulih_ke`` the version restored; refused like an identical upload when the
  latest version already has those bytes.
- Any valid id may be stored, the bundled Renstra's (``ID_BAWAAN``) too: the app serves a stored
  Renstra in place of its default when they share an id (a corrected workbook of the same plan),
  and the realisasi, keyed by that id, stay with it.
- Writers hold the database's write lock (``BEGIN IMMEDIATE`` on SQLite, an advisory lock on
  PostgreSQL), so reading the latest number and inserting the next one cannot interleave; the
  unique constraint (renstra_id, versi) guarantees it even so.
"""

from __future__ import annotations

import hashlib
import operator
from typing import Any

import pandas as pd
from sqlalchemy import (
    CheckConstraint,
    Column,
    Connection,
    ForeignKeyConstraint,
    Integer,
    LargeBinary,
    MetaData,
    Row,
    String,
    Table,
    Text,
    UniqueConstraint,
    and_,
    func,
    insert,
    select,
)

import formatting
from loaders.arsip import MB
from loaders.xlsx import BATAS
from realisasi.gudang import (
    PERAN_ADMIN,
    GudangDasar,
    GudangError,
    Langkah,
    bingkai_bertipe,
    cek_renstra_id,
)

JENIS_UNGGAH = "unggah"
JENIS_PULIH = "pulih"
BATAS_BERKAS = BATAS.berkas  # what loaders.xlsx reads at all (10 MB)

metadata = MetaData()

renstra_versi = Table(
    "renstra_versi",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("renstra_id", String(100), nullable=False),
    Column("versi", Integer, nullable=False),
    Column("judul", Text, nullable=False),
    Column("perangkat_daerah", Text, nullable=False),
    Column("periode_awal", Integer, nullable=False),
    Column("periode_akhir", Integer, nullable=False),
    Column("isi", LargeBinary, nullable=False),  # the workbook, byte for byte
    Column("sha256", String(64), nullable=False),
    Column("nama_berkas", Text, nullable=False),
    Column("pengguna", Text, nullable=False),
    Column("peran", Text, nullable=False),
    Column("waktu", String(40), nullable=False),  # UTC, ISO 8601
    Column("jenis", String(16), nullable=False),
    Column("pulih_ke", Integer, nullable=True),  # the version (of this Renstra) a rollback restored
    UniqueConstraint("renstra_id", "versi", name="uq_renstra_versi_nomor"),
    ForeignKeyConstraint(
        ["renstra_id", "pulih_ke"],
        ["renstra_versi.renstra_id", "renstra_versi.versi"],
        name="fk_renstra_versi_pulih",
    ),
    CheckConstraint("versi >= 1", name="ck_renstra_versi_nomor"),
    CheckConstraint("periode_awal <= periode_akhir", name="ck_renstra_versi_periode"),
    CheckConstraint(
        f"(jenis = '{JENIS_UNGGAH}' AND pulih_ke IS NULL) OR (jenis = '{JENIS_PULIH}' AND pulih_ke IS NOT NULL)",
        name="ck_renstra_versi_jenis",
    ),
)
_r = renstra_versi.c

_TIPE_DAFTAR = {
    "id": "string",
    "judul": "string",
    "perangkat_daerah": "string",
    "periode_awal": "Int64",
    "periode_akhir": "Int64",
    "versi": "Int64",
    "waktu": "string",
    "pengguna": "string",
}
_TIPE_RIWAYAT = {
    "versi": "Int64",
    "waktu": "string",
    "pengguna": "string",
    "peran": "string",
    "jenis": "string",
    "pulih_ke": "Int64",
    "nama_berkas": "string",
    "sha256": "string",
    "ukuran": "Int64",
    "judul": "string",
    "perangkat_daerah": "string",
    "periode_awal": "Int64",
    "periode_akhir": "Int64",
}
KOLOM_DAFTAR = tuple(_TIPE_DAFTAR)
KOLOM_RIWAYAT = tuple(_TIPE_RIWAYAT)
# What a rollback copies from the version it restores.
_KOLOM_ISI = ("judul", "perangkat_daerah", "periode_awal", "periode_akhir", "isi", "sha256", "nama_berkas")
_LABEL = {"judul": "Judul Renstra", "perangkat_daerah": "Perangkat daerah", "nama_berkas": "Nama berkas"}


class RenstraSama(GudangError):
    """The workbook is byte for byte the Renstra's latest version (``versi``): nothing was stored."""

    def __init__(self, renstra_id: str, versi: int) -> None:
        self.versi = versi
        super().__init__(f"Tidak disimpan: isinya sama dengan versi {versi} Renstra {renstra_id}, versi terakhirnya.")


def _cek_penulis(pengguna: str, peran: str, tindakan: str) -> None:
    if peran != PERAN_ADMIN:
        raise GudangError(f"Hanya admin yang boleh {tindakan}.")
    if not isinstance(pengguna, str) or not pengguna.strip():
        raise GudangError("Pengguna wajib diisi.")


def _cek_isi(isi: Any, nama_berkas: str) -> bytes:
    """The workbook's bytes, if the reader could ever read them back."""
    if not isinstance(isi, bytes | bytearray | memoryview):
        raise GudangError(f"Isi berkas '{nama_berkas}' tidak terbaca; tidak ada yang disimpan.")
    data = bytes(isi)
    if not data:
        raise GudangError(f"Berkas '{nama_berkas}' kosong (0 byte); tidak ada yang disimpan.")
    if len(data) > BATAS_BERKAS:
        raise GudangError(
            f"Berkas '{nama_berkas}' terlalu besar ({formatting.angka(len(data) / MB, 1)} MB; "
            f"batas {BATAS_BERKAS // MB} MB); tidak ada yang disimpan."
        )
    return data


def _bulat(v: Any) -> int | None:
    """``v`` as a Python int when it is a whole number (numpy's too), else None; True/False are not numbers."""
    if isinstance(v, bool):
        return None
    try:
        return operator.index(v)
    except TypeError:
        return None


def _nomor(versi: Any) -> int:
    if (nomor := _bulat(versi)) is None:
        raise GudangError("Nomor versi harus bilangan bulat.")
    return nomor


def _kepala(renstra_id: str, teks: dict[str, Any], periode_awal: Any, periode_akhir: Any) -> dict[str, Any]:
    """The metadata of a new upload, checked: id, non-empty texts, a period of whole years in order."""
    cek_renstra_id(renstra_id)
    for nama, v in teks.items():
        if not isinstance(v, str) or not v.strip():
            raise GudangError(f"{_LABEL[nama]} wajib diisi.")
    awal, akhir = _bulat(periode_awal), _bulat(periode_akhir)
    if awal is None or akhir is None or awal > akhir:
        raise GudangError("Periode Renstra harus dua tahun, yang awal tidak sesudah yang akhir (misalnya 2025-2029).")
    kepala = {k: v.strip() for k, v in teks.items()}
    return {"renstra_id": renstra_id, **kepala, "periode_awal": awal, "periode_akhir": akhir}


class GudangRenstra(GudangDasar):
    """Imported Renstra workbooks, versioned, at one database URL; safe to share across threads and processes."""

    KOMPONEN = "renstra"
    TABEL = (renstra_versi,)
    LANGKAH: tuple[Langkah, ...] = ((1, "tabel renstra_versi", None),)

    # --- reading ------------------------------------------------------------------------

    @staticmethod
    def _terakhir(conn: Connection, renstra_id: str) -> int | None:
        return conn.execute(select(func.max(_r.versi)).where(_r.renstra_id == renstra_id)).scalar()

    def _baris(self, conn: Connection, renstra_id: str, versi: Any, *kolom: Any) -> Row[Any]:
        """``kolom`` of one version (the latest when ``versi`` is None), or GudangError naming what exists."""
        cek_renstra_id(renstra_id)
        kueri = select(*kolom).where(_r.renstra_id == renstra_id)
        if versi is None:
            kueri = kueri.order_by(_r.versi.desc()).limit(1)
        else:
            kueri = kueri.where(_r.versi == _nomor(versi))
        hasil = conn.execute(kueri).first()
        if hasil is not None:
            return hasil
        terakhir = self._terakhir(conn, renstra_id)
        if terakhir is None:
            raise GudangError(f"Renstra {renstra_id} tidak ada di penyimpanan.")
        raise GudangError(f"Renstra {renstra_id} tidak punya versi {versi} (versinya 1 sampai {terakhir}).")

    def muat(self, renstra_id: str, versi: int | None = None) -> bytes:
        """The workbook of one version, byte for byte as stored (the latest when ``versi`` is None)."""
        with self._baca() as conn:
            return bytes(self._baris(conn, renstra_id, versi, _r.isi).isi)

    def daftar(self) -> pd.DataFrame:
        """One row per stored Renstra with its latest version's metadata, by period then title.

        Columns ``KOLOM_DAFTAR``: id (the renstra_id), judul, perangkat_daerah, periode_awal,
        periode_akhir, versi (the latest number), waktu and pengguna (of that version).
        """
        terakhir = select(_r.renstra_id, func.max(_r.versi).label("v")).group_by(_r.renstra_id).subquery()
        kueri = (
            select(_r.renstra_id, *(_r[k] for k in KOLOM_DAFTAR[1:]))
            .join(terakhir, and_(_r.renstra_id == terakhir.c.renstra_id, _r.versi == terakhir.c.v))
            .order_by(_r.periode_awal, _r.periode_akhir, _r.judul, _r.renstra_id)
        )
        with self._baca() as conn:
            baris = [tuple(r) for r in conn.execute(kueri)]
        return bingkai_bertipe(baris, _TIPE_DAFTAR)

    def riwayat(self, renstra_id: str) -> pd.DataFrame:
        """Every version of one Renstra, newest first (``KOLOM_RIWAYAT``; ``ukuran`` in bytes); empty if none."""
        kolom = [func.length(_r.isi) if k == "ukuran" else _r[k] for k in KOLOM_RIWAYAT]
        kueri = select(*kolom).where(_r.renstra_id == cek_renstra_id(renstra_id)).order_by(_r.versi.desc())
        with self._baca() as conn:
            baris = [tuple(r) for r in conn.execute(kueri)]
        return bingkai_bertipe(baris, _TIPE_RIWAYAT)

    def versi_terakhir(self, renstra_id: str | None = None) -> int | None:
        """The latest version number of ``renstra_id`` (None: none stored).

        Without ``renstra_id``: the newest global id over all Renstra, which grows with every
        stored version (None while the store is empty), for caches to key on.
        """
        with self._baca() as conn:
            if renstra_id is None:
                return conn.execute(select(func.max(_r.id))).scalar()
            return self._terakhir(conn, cek_renstra_id(renstra_id))

    # --- writing ------------------------------------------------------------------------

    def simpan(
        self,
        isi: bytes,
        *,
        renstra_id: str,
        judul: str,
        perangkat_daerah: str,
        periode_awal: int,
        periode_akhir: int,
        pengguna: str,
        peran: str,
        nama_berkas: str,
    ) -> int:
        """Store a checked workbook as the next version of ``renstra_id`` (1 for a new one); its number.

        Admin only. Refused, storing nothing: a workbook over 10 MB or empty, an invalid id,
        empty texts, a period out of order, and (``RenstraSama``) the same bytes as the latest
        version.
        """
        _cek_penulis(pengguna, peran, "menyimpan Renstra")
        teks = {"judul": judul, "perangkat_daerah": perangkat_daerah, "nama_berkas": nama_berkas}
        baris = _kepala(renstra_id, teks, periode_awal, periode_akhir)
        data = _cek_isi(isi, baris["nama_berkas"])
        baris |= {"isi": data, "sha256": hashlib.sha256(data).hexdigest(), "jenis": JENIS_UNGGAH, "pulih_ke": None}
        with self._tulis() as conn:
            return self._catat(conn, baris, pengguna, peran)

    def pulihkan(self, renstra_id: str, versi: int, pengguna: str, peran: str) -> int:
        """Admin only: a new version of ``renstra_id`` with the bytes and metadata of ``versi``; its number.

        History is never deleted, so a rollback can itself be undone.
        """
        _cek_penulis(pengguna, peran, "memulihkan versi Renstra")
        with self._tulis() as conn:
            lama = self._baris(conn, renstra_id, versi, *(_r[k] for k in _KOLOM_ISI))
            baris = {**lama._asdict(), "renstra_id": renstra_id, "jenis": JENIS_PULIH, "pulih_ke": _nomor(versi)}
            return self._catat(conn, baris, pengguna, peran)

    def _catat(self, conn: Connection, baris: dict[str, Any], pengguna: str, peran: str) -> int:
        """Insert the next version of ``baris['renstra_id']`` in the caller's (locked) transaction."""
        rid = baris["renstra_id"]
        terakhir = conn.execute(
            select(_r.versi, _r.sha256).where(_r.renstra_id == rid).order_by(_r.versi.desc()).limit(1)
        ).first()
        if terakhir is not None and terakhir.sha256 == baris["sha256"]:
            raise RenstraSama(rid, terakhir.versi)
        nomor = 1 if terakhir is None else terakhir.versi + 1
        conn.execute(
            insert(renstra_versi).values(**baris, versi=nomor, pengguna=pengguna, peran=peran, waktu=self._waktu())
        )
        return nomor
