"""The versioned store of realisasi: every accepted upload is a version, history is never rewritten.

SQLAlchemy Core over a SQLite file by default, PostgreSQL by URL with no code change.
Two tables: ``versi`` (one row per upload or rollback: which Renstra, who, when, which file,
its SHA-256, how many rows changed) and ``nilai`` (the rows a version wrote; a row never
changes after it is written). A ``Gudang`` is scoped to one Renstra (``renstra_id``): every
read and write sees only that Renstra's versions and values. Version ids are global (shared
by all Renstra, in commit order); the history shown is per Renstra. The state "as of"
version *v* is, per key (tahun, item_id, indikator_ke) of that Renstra, the row with the
highest ``versi_id <= v``, unless that row is marked ``dihapus``.
A rollback is a new version that writes the old values back, so it can itself be undone.

Realisasi per triwulan (schema step 3) live in ``nilai_triwulan`` under the same versions and
the same "as of" rule, keyed by the quarter too, each row with the rules that make the year
from it. The year's figure of a key is its directly entered annual row when there is one,
else the one derived from its quarters (``metrics.triwulan.tahunan``; none before the year is
complete): ``keadaan`` returns both kinds in one frame, never the two added together. A
triwulan upload for a key whose annual value was entered directly needs the uploader's choice
(``simpan_triwulan(pilihan=...)``): "triwulan" marks the annual row deleted in the same
version, "tahunan" leaves that key's quarters out of the save.

Schema changes are ordered steps recorded in ``skema_versi`` (one row per component and
step), run under the store's write lock when a store is opened, so upgrading an existing
database in place is automatic and happens once. ``GudangDasar`` (engine, transactions,
clock, schema steps) is shared with the Renstra store, ``kelola.gudang_renstra``.

Decisions (see also the methods):

- An empty cell in an upload means "not reported in this file": the stored value stays.
  Only a rollback can take a stored value away again (nothing is lost by a blank template).
- An upload that changes nothing is still recorded as a version with ``baris_berubah = 0``:
  the history then shows every accepted file (who sent what, when), as the issue asks.
- Writers are serialised: ``BEGIN IMMEDIATE`` on SQLite, a transaction-level advisory lock on
  PostgreSQL. The diff is computed inside that lock, so two uploads at once never lose
  each other's rows, and version ids are in commit order (which the "as of" rule needs).
- The realisasi of different Renstra never meet: each ``Gudang`` reads, compares, restores and
  exports only its own Renstra's versions, and a preview goes stale only when its own Renstra
  gets a new version. Writers of all Renstra still share one lock (ids stay in commit order).
- A non-admin writer must name its kelurahan and every row must be of that kelurahan; only
  admin may roll back. The page checks this too: the store refuses it on every path.
"""

from __future__ import annotations

import copy
import io
import math
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Connection,
    Double,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    and_,
    create_engine,
    event,
    func,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import make_url
from sqlalchemy.schema import CreateColumn

from ekspor import tulis_sel
from metrics import triwulan as mt
from realisasi import (
    KOLOM_REALISASI,
    KOLOM_TRIWULAN,
    KUNCI,
    KUNCI_TRIWULAN,
    TIPE_REALISASI,
    TIPE_TRIWULAN,
    bingkai_kosong,
)

ENV_URL = "RENSTRA_DB_URL"
# The bundled Renstra (renstra_data/wonoasih-2019-2024, manifest [renstra] id). Realisasi stored
# before there were several Renstra (schema step 1) belong to it. A literal, not read from the
# manifest: what a migration assigns must not change when the bundled data does.
ID_BAWAAN = "wonoasih-2019-2024"
PERAN_ADMIN = "admin"
JENIS_UNGGAH = "unggah"
JENIS_PEMULIHAN = "pemulihan"
BUSY_TIMEOUT_MS = 30_000  # a writer waits this long for another writer before giving up
_OPSI_TULIS = "gudang_tulis"
_KUNCI_KUNCIAN_PG = 0x52454E5354524120  # "RENSTRA ": the advisory lock id the store's writers share
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_POLA_RENSTRA_ID = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$")
_INDEKS_NILAI_LAMA = "ix_nilai_kunci_versi"  # schema step 1's index, replaced by one led by renstra_id

metadata = MetaData()

skema_versi = Table(
    "skema_versi",
    metadata,
    Column("komponen", String(40), primary_key=True),  # "realisasi", "renstra": each store's own steps
    Column("versi", Integer, primary_key=True),
    Column("keterangan", Text, nullable=False),
    Column("waktu", String(40), nullable=False),
)

versi = Table(
    "versi",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("waktu", String(40), nullable=False),  # UTC, ISO 8601: sorts and reads the same everywhere
    Column("pengguna", Text, nullable=False),
    Column("peran", Text, nullable=False),
    Column("nama_berkas", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("tahun", Integer, nullable=True),  # None: a rollback over every year
    Column("kelurahan", Text, nullable=True),  # None: not bound to one kelurahan
    Column("jenis", String(16), nullable=False),
    Column("pulih_ke", Integer, ForeignKey("versi.id"), nullable=True),
    Column("baris_berubah", Integer, nullable=False),
    Column("catatan", Text, nullable=False),
    # Last, as ALTER TABLE ADD COLUMN puts it in a migrated store. Its default is what an upgraded
    # store gives the rows it already had; this store always writes it explicitly.
    Column("renstra_id", String(100), nullable=False, server_default=ID_BAWAAN),
    CheckConstraint(f"jenis IN ('{JENIS_UNGGAH}', '{JENIS_PEMULIHAN}')", name="ck_versi_jenis"),
    Index("ix_versi_renstra", "renstra_id", "id"),
)

nilai = Table(
    "nilai",
    metadata,
    Column("versi_id", Integer, ForeignKey("versi.id"), primary_key=True),
    Column("tahun", Integer, primary_key=True),
    Column("item_id", String(64), primary_key=True),
    Column("indikator_ke", Integer, primary_key=True),
    Column("kelurahan", Text, nullable=False),
    Column("realisasi", Double, nullable=True),
    Column("realisasi_rp", BigInteger, nullable=True),
    Column("dihapus", Boolean(create_constraint=True, name="ck_nilai_dihapus"), nullable=False),
    Column("renstra_id", String(100), nullable=False, server_default=ID_BAWAAN),  # always its version's
    Index("ix_nilai_renstra_kunci_versi", "renstra_id", "tahun", "item_id", "indikator_ke", "versi_id"),
)

# Schema step 3 (issue 13): realisasi per triwulan. A table of its own, so every row stored before
# stays as it was (an annual value) and the annual tables keep their shape.
nilai_triwulan = Table(
    "nilai_triwulan",
    metadata,
    Column("versi_id", Integer, ForeignKey("versi.id"), primary_key=True),
    Column("tahun", Integer, primary_key=True),
    Column("item_id", String(64), primary_key=True),
    Column("indikator_ke", Integer, primary_key=True),
    Column("triwulan", Integer, primary_key=True),
    Column("kelurahan", Text, nullable=False),
    Column("realisasi", Double, nullable=True),
    Column("realisasi_rp", BigInteger, nullable=True),
    Column("kumulatif", Boolean(create_constraint=True, name="ck_nilai_triwulan_kumulatif"), nullable=False),
    Column("aturan", String(16), nullable=False),
    Column("aturan_rp", String(16), nullable=False),
    Column("dihapus", Boolean(create_constraint=True, name="ck_nilai_triwulan_dihapus"), nullable=False),
    Column("renstra_id", String(100), nullable=False),
    CheckConstraint("triwulan BETWEEN 1 AND 4", name="ck_nilai_triwulan_triwulan"),
    CheckConstraint(f"aturan IN {mt.ATURAN!r} AND aturan_rp IN {mt.ATURAN!r}", name="ck_nilai_triwulan_aturan"),
    Index(
        "ix_nilai_triwulan_renstra_kunci_versi",
        "renstra_id",
        "tahun",
        "item_id",
        "indikator_ke",
        "triwulan",
        "versi_id",
    ),  # fmt: skip
)

KOLOM_RIWAYAT = tuple(c.name for c in versi.columns if c.name != "renstra_id")  # one Renstra's history
KOLOM_PRATINJAU = (
    *KUNCI, "kelurahan", "jenis", "realisasi_lama", "realisasi_baru", "realisasi_rp_lama", "realisasi_rp_baru",
)  # fmt: skip
KOLOM_BANDINGKAN = (
    *KUNCI, "kelurahan", "jenis", "realisasi_a", "realisasi_b", "realisasi_rp_a", "realisasi_rp_b",
)  # fmt: skip

Kunci = tuple[int, str, int]
Isi = tuple[str, float | None, int | None]  # kelurahan, realisasi, realisasi_rp
KunciTw = tuple[int, str, int, int]  # a Kunci and its triwulan
IsiTw = tuple[str, float | None, int | None, bool, str, str]  # kelurahan, realisasi, Rp, kumulatif, aturan, aturan_rp
PILIHAN_TRIWULAN, PILIHAN_TAHUNAN = "triwulan", "tahunan"  # which stands where an annual value was entered


class GudangError(ValueError):
    """A write or read the store refuses; the message is for the user, in Bahasa Indonesia."""


class GudangBerubah(GudangError):
    """Someone else saved after the preview was made: the preview no longer says what would change."""


def url_bawaan() -> str:
    """The store's URL: ``RENSTRA_DB_URL``, else a SQLite file in the user's data folder (never the repo)."""
    dari_env = os.environ.get(ENV_URL, "").strip()
    if dari_env:
        return dari_env
    dasar = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return f"sqlite:///{(dasar / 'dasbor-renstra' / 'realisasi.sqlite').resolve()}"


def _atur_sqlite(dbapi_conn: Any, _rekaman: Any) -> None:
    """Per SQLite connection: we emit BEGIN ourselves; wait for writers; WAL; enforce foreign keys."""
    dbapi_conn.isolation_level = None
    kursor = dbapi_conn.cursor()
    kursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    kursor.execute("PRAGMA journal_mode = WAL")
    kursor.execute("PRAGMA foreign_keys = ON")
    kursor.close()


def _mulai_sqlite(conn: Connection) -> None:
    """Writers take the write lock at BEGIN, so their read-then-write can never meet a stale snapshot."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_OPSI_TULIS) else "BEGIN")


def buat_mesin(url: str) -> Engine:
    """The engine every store on ``url`` uses: a SQLite file (folder made, WAL, writers take the
    lock at BEGIN) or any other SQLAlchemy URL as it is."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        db = u.database or ""
        if db and db != ":memory:" and not db.startswith("file:"):
            Path(db).parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    mesin = create_engine(u)
    if mesin.dialect.name == "sqlite":
        event.listen(mesin, "connect", _atur_sqlite)
        event.listen(mesin, "begin", _mulai_sqlite)
    return mesin


def cek_renstra_id(renstra_id: Any) -> str:
    """A valid Renstra id (a slug such as ``kecamatan-contoh-2025-2029``), else GudangError saying what is allowed."""
    if not isinstance(renstra_id, str) or not _POLA_RENSTRA_ID.fullmatch(renstra_id):
        raise GudangError(
            f"ID Renstra '{str(renstra_id)[:100]}' tidak sah: pakai 1-100 huruf kecil, angka atau tanda hubung, "
            "diawali dan diakhiri huruf atau angka."
        )
    return renstra_id


def _kosong(v: Any) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))


def _teks_kunci(k: Kunci) -> str:
    return f"tahun {k[0]}, item {k[1]}, indikator ke-{k[2]}"


def _rekaman_masuk(df: pd.DataFrame) -> dict[Kunci, Isi]:
    """Upload rows as plain Python values, checked for the shape the store relies on."""
    hilang = [k for k in KOLOM_REALISASI if k not in df.columns]
    if hilang:
        raise GudangError(f"Kolom tidak ada pada data realisasi: {', '.join(hilang)}.")
    if df.empty:
        raise GudangError("Tidak ada baris realisasi untuk disimpan.")
    try:
        tahun = pd.array(df["tahun"], dtype="Int64")
        indikator = pd.array(df["indikator_ke"], dtype="Int64")
        real = pd.array(pd.to_numeric(df["realisasi"]), dtype="Float64")
        rp_mentah = pd.array(pd.to_numeric(df["realisasi_rp"]), dtype="Float64")
    except (TypeError, ValueError):
        raise GudangError("Data realisasi berisi nilai yang bukan angka.") from None
    hasil: dict[Kunci, Isi] = {}
    for i in range(len(df)):
        item = df["item_id"].iloc[i]
        if _kosong(tahun[i]) or _kosong(indikator[i]) or _kosong(item) or not str(item):
            raise GudangError(f"Baris data ke-{i + 1}: tahun, item_id dan indikator_ke wajib diisi.")
        k: Kunci = (int(tahun[i]), str(item), int(indikator[i]))
        if k in hasil:
            raise GudangError(f"Baris ganda untuk {_teks_kunci(k)}.")
        kel = df["kelurahan"].iloc[i]
        r = None if _kosong(real[i]) else float(real[i])
        rp = None if _kosong(rp_mentah[i]) else float(rp_mentah[i])
        if r is not None and not math.isfinite(r):
            raise GudangError(f"Realisasi {_teks_kunci(k)} bukan angka terhingga.")
        if rp is not None and (not math.isfinite(rp) or rp != int(rp) or rp < 0):
            raise GudangError(f"Realisasi Rupiah {_teks_kunci(k)} harus bilangan bulat tidak negatif.")
        hasil[k] = ("" if _kosong(kel) else str(kel), r, None if rp is None else int(rp))
    return hasil


def _gabung(lama: Isi | None, masuk: Isi) -> Isi:
    """An upload row over the stored one: an empty cell keeps the stored value."""
    if lama is None:
        return masuk
    return (masuk[0], lama[1] if masuk[1] is None else masuk[1], lama[2] if masuk[2] is None else masuk[2])


def _jenis(lama: Isi | None, baru: Isi) -> str:
    if lama is None:
        return "sama" if baru[1] is None and baru[2] is None else "baru"
    return "sama" if lama == baru else "berubah"


def _bingkai_keadaan(keadaan: dict[Kunci, Isi]) -> pd.DataFrame:
    if not keadaan:
        return bingkai_kosong()
    baris = [(*k, *v) for k, v in sorted(keadaan.items())]
    kolom = list(zip(*baris, strict=True))
    return pd.DataFrame(
        {
            nama: pd.array(list(isi), dtype=TIPE_REALISASI[nama])
            for nama, isi in zip(KOLOM_REALISASI, kolom, strict=True)
        }
    )


def bingkai_bertipe(baris: list[tuple[Any, ...]], tipe: dict[str, str]) -> pd.DataFrame:
    """Rows (tuples in the order of ``tipe``) as a frame with those pandas dtypes, also when there are none."""
    kolom = list(zip(*baris, strict=True)) if baris else [[] for _ in tipe]
    return pd.DataFrame({n: pd.array(list(isi), dtype=t) for (n, t), isi in zip(tipe.items(), kolom, strict=True)})


_TIPE_PRATINJAU = {
    **{k: TIPE_REALISASI[k] for k in (*KUNCI, "kelurahan")},
    "jenis": "string",
    "realisasi_lama": "Float64",
    "realisasi_baru": "Float64",
    "realisasi_rp_lama": "Int64",
    "realisasi_rp_baru": "Int64",
}
_TIPE_PRATINJAU_TW = {
    **{k: TIPE_TRIWULAN[k] for k in (*KUNCI_TRIWULAN, "kelurahan")},
    **{k: v for k, v in _TIPE_PRATINJAU.items() if k not in (*KUNCI, "kelurahan")},
}
_TIPE_BANDINGKAN = dict(zip(KOLOM_BANDINGKAN, _TIPE_PRATINJAU.values(), strict=True))
_TIPE_RIWAYAT = {
    "id": "Int64", "waktu": "string", "pengguna": "string", "peran": "string", "nama_berkas": "string",
    "sha256": "string", "tahun": "Int64", "kelurahan": "string", "jenis": "string", "pulih_ke": "Int64",
    "baris_berubah": "Int64", "catatan": "string",
}  # fmt: skip


Langkah = tuple[int, str, Callable[[Connection], None] | None]


def _tambah_renstra_id(conn: Connection) -> None:
    """Schema step 2 (issue 12): realisasi per Renstra; the rows already stored get ``ID_BAWAAN``.

    Idempotent by itself (it looks before it alters) and plain SQL that SQLite and PostgreSQL
    both run: ADD COLUMN with a constant default fills every existing row in place.
    """
    q = conn.dialect.identifier_preparer
    for tabel in (versi, nilai):
        if "renstra_id" not in {k["name"] for k in inspect(conn).get_columns(tabel.name)}:
            kolom = CreateColumn(tabel.c.renstra_id).compile(dialect=conn.dialect)
            conn.execute(text(f"ALTER TABLE {q.format_table(tabel)} ADD COLUMN {kolom}"))
    if _INDEKS_NILAI_LAMA in {i["name"] for i in inspect(conn).get_indexes(nilai.name)}:
        conn.execute(text(f"DROP INDEX {q.quote(_INDEKS_NILAI_LAMA)}"))
    for tabel in (versi, nilai):
        for indeks in tabel.indexes:
            indeks.create(conn, checkfirst=True)


def _tambah_triwulan(conn: Connection) -> None:
    """Schema step 3 (issue 13): the table of realisasi per triwulan; every stored row stays an annual value."""
    nilai_triwulan.create(conn, checkfirst=True)


def _rekaman_triwulan(df: pd.DataFrame) -> dict[KunciTw, IsiTw]:
    """Triwulan upload rows as plain Python values: the annual checks, plus the quarter, the way and the rules."""
    hilang = [k for k in KOLOM_TRIWULAN if k not in df.columns]
    if hilang:
        raise GudangError(f"Kolom tidak ada pada data realisasi triwulan: {', '.join(hilang)}.")
    if df.empty:
        raise GudangError("Tidak ada baris realisasi untuk disimpan.")
    tw = pd.to_numeric(df["triwulan"], errors="coerce")
    if tw.isna().any() or not tw.isin(mt.TRIWULAN).all():
        raise GudangError("Triwulan hanya I, II, III atau IV (1-4).")
    hasil: dict[KunciTw, IsiTw] = {}
    for q, bagian in df.groupby(tw.astype(int), sort=True):
        for (k, (kel, r, rp)), (_, b) in zip(_rekaman_masuk(bagian).items(), bagian.iterrows(), strict=True):
            if b["aturan"] not in mt.ATURAN or b["aturan_rp"] not in mt.ATURAN or _kosong(b["kumulatif"]):
                raise GudangError(f"Baris {_teks_kunci(k)}: aturan triwulan dan cara isian wajib diisi dengan benar.")
            hasil[(*k, int(q))] = (kel, r, rp, bool(b["kumulatif"]), str(b["aturan"]), str(b["aturan_rp"]))
    return hasil


def _gabung_tw(lama: IsiTw | None, masuk: IsiTw) -> IsiTw:
    """A triwulan upload row over the stored one: an empty cell keeps the stored value."""
    if lama is None:
        return masuk
    return (masuk[0], lama[1] if masuk[1] is None else masuk[1], lama[2] if masuk[2] is None else masuk[2], *masuk[3:])


def _cek_cara_sama(masuk: dict[KunciTw, IsiTw], tw: dict[KunciTw, IsiTw]) -> None:
    """Quarters of one key and year are all kumulatif or all per triwulan (the upload check says it by row first)."""
    for k, v in masuk.items():
        lain = [q for q, isi in tw.items() if q[:3] == k[:3] and q[3] != k[3] and isi[3] != v[3]]
        if lain:
            raise GudangError(
                f"Triwulan {mt.ROMAWI[lain[0][3]]} {_teks_kunci(k[:3])} tersimpan dengan cara isian lain "
                "(kumulatif/per triwulan); satu tahun diisi dengan satu cara. Tidak ada yang disimpan."
            )


def turunkan(tw: dict[KunciTw, IsiTw]) -> dict[Kunci, Isi]:
    """The year's figures derived from stored quarters by each key's rules (its latest quarter's rules and way)."""
    per_kunci: dict[Kunci, dict[int, IsiTw]] = {}
    for (t, item, ke, q), isi in tw.items():
        per_kunci.setdefault((t, item, ke), {})[q] = isi
    hasil: dict[Kunci, Isi] = {}
    for k, seri in per_kunci.items():
        kel, _, _, kum, aturan, aturan_rp = seri[max(seri)]
        real = mt.tahunan({q: v[1] for q, v in seri.items()}, aturan, kum)
        rp = mt.tahunan({q: v[2] for q, v in seri.items()}, aturan_rp, kum)
        if real is not None or rp is not None:
            hasil[k] = (kel, real, None if rp is None else round(rp))
    return hasil


class GudangDasar:
    """Engine, transactions, clock and ordered schema steps: what every store on the database shares.

    A subclass names its ``KOMPONEN`` (its key in ``skema_versi``), its tables in their newest
    shape (``TABEL``; the first one existing means the component was made before) and its
    ``LANGKAH``: (number, description, change) in order, step 1 being the tables as first made
    (change None). Opening a store, under the write lock: a new database gets the newest tables
    and every step recorded; an existing one runs the steps it has not recorded, each once.
    A database made before ``skema_versi`` existed is at step 1.
    """

    KOMPONEN: str
    TABEL: tuple[Table, ...]
    LANGKAH: tuple[Langkah, ...]

    def __init__(self, url: str | None = None, jam: Callable[[], datetime] | None = None) -> None:
        """``jam`` gives the time a version is stamped with (UTC; tests pass a fixed clock)."""
        self.url = url or url_bawaan()
        self.jam = jam or (lambda: datetime.now(UTC))
        self.engine = buat_mesin(self.url)
        with self._tulis() as conn:
            self._siapkan_skema(conn)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({make_url(self.url).render_as_string(hide_password=True)!r})"

    def tutup(self) -> None:
        """Close pooled connections (tests, or before a process ends)."""
        self.engine.dispose()

    def _waktu(self) -> str:
        return self.jam().astimezone(UTC).isoformat(timespec="microseconds")

    def _siapkan_skema(self, conn: Connection) -> None:
        """Bring this component's tables to the newest schema step, in the caller's (locked) transaction."""
        skema_versi.create(conn, checkfirst=True)
        milik = skema_versi.c.komponen == self.KOMPONEN
        sudah = set(conn.execute(select(skema_versi.c.versi).where(milik)).scalars())
        dikenal = max(nomor for nomor, _, _ in self.LANGKAH)
        if sudah and max(sudah) > dikenal:
            raise GudangError(
                f"Basis data ini dibuat oleh versi dasbor yang lebih baru (skema {self.KOMPONEN} {max(sudah)}, "
                f"dasbor ini mengenal sampai {dikenal}). Perbarui dasbor; tidak ada yang diubah."
            )
        baru = not sudah and not inspect(conn).has_table(self.TABEL[0].name)
        if baru:
            self.TABEL[0].metadata.create_all(conn, tables=list(self.TABEL))
        for nomor, keterangan, ubah in self.LANGKAH:
            if nomor in sudah:
                continue
            if ubah is not None and not baru:
                ubah(conn)
            conn.execute(
                insert(skema_versi).values(
                    komponen=self.KOMPONEN, versi=nomor, keterangan=keterangan, waktu=self._waktu()
                )
            )

    # --- transactions -------------------------------------------------------------------

    @contextmanager
    def _baca(self) -> Iterator[Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def _tulis(self) -> Iterator[Connection]:
        """One write transaction holding the database's write lock (shared by all stores) from its first statement."""
        with self.engine.connect() as conn:
            conn.execution_options(**{_OPSI_TULIS: True})
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    # Serialises writers (and schema steps) only; readers are not blocked.
                    # An advisory lock, because the tables may not exist yet.
                    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _KUNCI_KUNCIAN_PG})
                yield conn


class Gudang(GudangDasar):
    """The realisasi of one Renstra at one database URL; safe to share across threads and processes."""

    KOMPONEN = "realisasi"
    TABEL = (versi, nilai, nilai_triwulan)
    LANGKAH: tuple[Langkah, ...] = (
        (1, "tabel versi dan nilai", None),
        (2, f"realisasi per Renstra (kolom renstra_id; data lama milik {ID_BAWAAN})", _tambah_renstra_id),
        (3, "realisasi per triwulan (tabel nilai_triwulan; nilai lama tetap nilai tahunan)", _tambah_triwulan),
    )
    renstra_id: str = ID_BAWAAN

    def __init__(
        self, url: str | None = None, jam: Callable[[], datetime] | None = None, renstra_id: str = ID_BAWAAN
    ) -> None:
        """``renstra_id``: the Renstra whose realisasi this store reads and writes (the bundled one by default)."""
        self.renstra_id = cek_renstra_id(renstra_id)
        super().__init__(url, jam)

    def __repr__(self) -> str:
        return f"{super().__repr__()[:-1]}, renstra_id={self.renstra_id!r})"

    def untuk_renstra(self, renstra_id: str) -> Gudang:
        """The same database, engine and clock scoped to another Renstra (no schema work, no new connection pool)."""
        lain = copy.copy(self)
        lain.renstra_id = cek_renstra_id(renstra_id)
        return lain

    # --- reading state ------------------------------------------------------------------

    def _versi_terakhir(self, conn: Connection) -> int | None:
        return conn.execute(select(func.max(versi.c.id)).where(versi.c.renstra_id == self.renstra_id)).scalar()

    def _pastikan_versi(self, conn: Connection, versi_id: int) -> None:
        ada = select(versi.c.id).where(versi.c.id == versi_id, versi.c.renstra_id == self.renstra_id)
        if conn.execute(ada).first() is None:
            raise GudangError(f"Versi {versi_id} tidak ada di realisasi Renstra {self.renstra_id}.")

    def _keadaan(self, conn: Connection, sampai: int | None, tahun: int | None = None) -> dict[Kunci, Isi]:
        """State as of version ``sampai``: per key, the newest row at or before it, unless deleted."""
        if sampai is None:
            return {}
        syarat = [nilai.c.renstra_id == self.renstra_id, nilai.c.versi_id <= sampai]
        if tahun is not None:
            syarat.append(nilai.c.tahun == tahun)
        terakhir = (
            select(nilai.c.tahun, nilai.c.item_id, nilai.c.indikator_ke, func.max(nilai.c.versi_id).label("v"))
            .where(*syarat)
            .group_by(nilai.c.tahun, nilai.c.item_id, nilai.c.indikator_ke)
            .subquery()
        )
        kueri = (
            select(*(nilai.c[k] for k in KOLOM_REALISASI))
            .join(
                terakhir,
                and_(
                    nilai.c.renstra_id == self.renstra_id,
                    nilai.c.tahun == terakhir.c.tahun,
                    nilai.c.item_id == terakhir.c.item_id,
                    nilai.c.indikator_ke == terakhir.c.indikator_ke,
                    nilai.c.versi_id == terakhir.c.v,
                ),
            )
            .where(nilai.c.dihapus.is_(False))
        )
        hasil: dict[Kunci, Isi] = {}
        for t, item, ke, kel, r, rp in conn.execute(kueri):
            hasil[(int(t), str(item), int(ke))] = (
                kel,
                None if r is None else float(r),
                None if rp is None else int(rp),
            )
        return hasil

    def _keadaan_tw(self, conn: Connection, sampai: int | None, tahun: int | None = None) -> dict[KunciTw, IsiTw]:
        """The quarters as of version ``sampai``, by the same rule as :meth:`_keadaan`."""
        if sampai is None:
            return {}
        t = nilai_triwulan.c
        kunci = (t.tahun, t.item_id, t.indikator_ke, t.triwulan)
        syarat = [t.renstra_id == self.renstra_id, t.versi_id <= sampai]
        if tahun is not None:
            syarat.append(t.tahun == tahun)
        terakhir = select(*kunci, func.max(t.versi_id).label("v")).where(*syarat).group_by(*kunci).subquery()
        sama = [t.renstra_id == self.renstra_id, t.versi_id == terakhir.c.v]
        sama += [k == terakhir.c[k.name] for k in kunci]
        kolom = [t[k] for k in KOLOM_TRIWULAN]
        kueri = select(*kolom).join(terakhir, and_(*sama)).where(t.dihapus.is_(False))
        hasil: dict[KunciTw, IsiTw] = {}
        for th, item, ke, q, kel, r, rp, kum, aturan, aturan_rp in conn.execute(kueri):
            isi = (kel, None if r is None else float(r), None if rp is None else int(rp), bool(kum), aturan, aturan_rp)
            hasil[(int(th), str(item), int(ke), int(q))] = isi
        return hasil

    def keadaan_triwulan(self, versi_id: int | None = None, tahun: int | None = None) -> pd.DataFrame:
        """Stored realisasi per triwulan now, or as of ``versi_id`` (``KOLOM_TRIWULAN``, sorted by key and quarter)."""
        with self._baca() as conn:
            if versi_id is None:
                versi_id = self._versi_terakhir(conn)
            else:
                self._pastikan_versi(conn, versi_id)
            tw = self._keadaan_tw(conn, versi_id, tahun)
        return bingkai_bertipe([(*k, *v) for k, v in sorted(tw.items())], TIPE_TRIWULAN)

    def versi_terakhir(self) -> int | None:
        """Id of this Renstra's newest version (None while it has none)."""
        with self._baca() as conn:
            return self._versi_terakhir(conn)

    def keadaan(self, versi_id: int | None = None, tahun: int | None = None) -> pd.DataFrame:
        """Stored realisasi now, or as of ``versi_id``, in the agreed record shape (sorted by key).

        The year's figure of each key: its directly entered annual value, else the one derived
        from its quarters (:func:`turunkan`), never both added together.
        """
        with self._baca() as conn:
            if versi_id is None:
                versi_id = self._versi_terakhir(conn)
            else:
                self._pastikan_versi(conn, versi_id)
            return _bingkai_keadaan(self._efektif(conn, versi_id, tahun))

    def _efektif(self, conn: Connection, versi_id: int | None, tahun: int | None = None) -> dict[Kunci, Isi]:
        langsung = self._keadaan(conn, versi_id, tahun)
        return {**turunkan(self._keadaan_tw(conn, versi_id, tahun)), **langsung}

    # --- uploads --------------------------------------------------------------------------

    @staticmethod
    def _periksa_cakupan(masuk: dict[Kunci, Isi], tahun: int | None, kelurahan: str | None) -> None:
        for k, (kel, _, _) in masuk.items():
            if tahun is not None and k[0] != tahun:
                raise GudangError(f"Baris {_teks_kunci(k)} bukan untuk tahun {tahun}.")
            if kelurahan is not None and kel != kelurahan:
                asal = kel or "kecamatan"
                raise GudangError(f"Baris {_teks_kunci(k)} milik {asal}, bukan Kelurahan {kelurahan}.")

    @staticmethod
    def _beda(masuk: dict[Kunci, Isi], sekarang: dict[Kunci, Isi]) -> list[tuple[Kunci, Isi | None, Isi, str]]:
        hasil = []
        for k, isi in sorted(masuk.items()):
            lama = sekarang.get(k)
            baru = _gabung(lama, isi)
            hasil.append((k, lama, baru, _jenis(lama, baru)))
        return hasil

    def pratinjau(self, df: pd.DataFrame, tahun: int | None = None, kelurahan: str | None = None) -> pd.DataFrame:
        """What saving ``df`` would do, per key: 'baru', 'berubah' or 'sama', old and new values.

        ``attrs['versi_dasar']`` is the version it was computed against: pass it to
        ``simpan(versi_dasar=...)`` so a save refuses if someone else saved in between.
        """
        masuk = _rekaman_masuk(df)
        self._periksa_cakupan(masuk, tahun, kelurahan)
        with self._baca() as conn:
            dasar = self._versi_terakhir(conn)
            sekarang = self._keadaan(conn, dasar)
        baris = [
            (*k, baru[0], jenis, lama and lama[1], baru[1], lama and lama[2], baru[2])
            for k, lama, baru, jenis in self._beda(masuk, sekarang)
        ]
        hasil = bingkai_bertipe(baris, _TIPE_PRATINJAU)
        hasil.attrs["versi_dasar"] = dasar or 0  # 0: the store was empty
        return hasil

    def simpan(
        self,
        df: pd.DataFrame,
        pengguna: str,
        peran: str,
        nama_berkas: str,
        sha256: str,
        tahun: int,
        kelurahan: str | None = None,
        *,
        catatan: str = "",
        versi_dasar: int | None = None,
    ) -> int:
        """Store an upload as a new version (only new/changed rows written, one transaction); its id.

        A non-admin must give ``kelurahan`` and every row must belong to it. With
        ``versi_dasar`` the save is refused (``GudangBerubah``) when another version landed
        after the preview. An upload that changes nothing is still recorded (0 rows).
        """
        sha = self._cek_penulis(pengguna, peran, kelurahan, sha256)
        masuk = _rekaman_masuk(df)
        self._periksa_cakupan(masuk, tahun, kelurahan)
        with self._tulis() as conn:
            terakhir = self._cek_dasar(conn, versi_dasar)
            beda = [
                (k, baru) for k, _, baru, jenis in self._beda(masuk, self._keadaan(conn, terakhir)) if jenis != "sama"
            ]
            return self._catat(
                conn,
                dict(
                    pengguna=pengguna,
                    peran=peran,
                    nama_berkas=nama_berkas,
                    sha256=sha,
                    tahun=int(tahun),
                    kelurahan=kelurahan,
                    jenis=JENIS_UNGGAH,
                    pulih_ke=None,
                    catatan=catatan,
                ),  # fmt: skip
                [(k, baru, False) for k, baru in beda],
            )

    # --- uploads per triwulan ------------------------------------------------------------

    def bentrok_tahunan(self, df: pd.DataFrame) -> pd.DataFrame:
        """The annual values entered directly for the keys of a triwulan upload (``KOLOM_REALISASI``).

        Each needs the uploader's choice before :meth:`simpan_triwulan`: which stands.
        """
        masuk = _rekaman_triwulan(df)
        with self._baca() as conn:
            langsung = self._keadaan(conn, self._versi_terakhir(conn))
        kunci = {k[:3] for k in masuk}
        return _bingkai_keadaan({k: v for k, v in langsung.items() if k in kunci})

    def pratinjau_triwulan(
        self, df: pd.DataFrame, tahun: int | None = None, kelurahan: str | None = None
    ) -> pd.DataFrame:
        """What saving a triwulan upload would do, per key and quarter (as :meth:`pratinjau`, with ``triwulan``)."""
        masuk = _rekaman_triwulan(df)
        self._periksa_cakupan({k[:3]: v[:3] for k, v in masuk.items()}, tahun, kelurahan)
        with self._baca() as conn:
            dasar = self._versi_terakhir(conn)
            sekarang = self._keadaan_tw(conn, dasar)
        baris = []
        for k, isi in sorted(masuk.items()):
            lama, baru = sekarang.get(k), _gabung_tw(sekarang.get(k), isi)
            jenis = _jenis(lama and lama[:3], baru[:3]) if lama is None or lama[3:] == baru[3:] else "berubah"
            baris.append((*k, baru[0], jenis, lama and lama[1], baru[1], lama and lama[2], baru[2]))
        hasil = bingkai_bertipe(baris, {**_TIPE_PRATINJAU_TW})
        hasil.attrs["versi_dasar"] = dasar or 0
        return hasil

    def simpan_triwulan(
        self,
        df: pd.DataFrame,
        pengguna: str,
        peran: str,
        nama_berkas: str,
        sha256: str,
        tahun: int,
        kelurahan: str | None = None,
        *,
        pilihan: str | None = None,
        catatan: str = "",
        versi_dasar: int | None = None,
    ) -> int:
        """Store a triwulan upload as a new version, as :meth:`simpan` does for the year.

        Where a key's annual value was entered directly, ``pilihan`` must say which stands:
        ``"triwulan"`` (the annual row is marked deleted in this version; the year is then
        derived from the quarters) or ``"tahunan"`` (that key's quarters are left out). The
        quarters of a key and year are all kumulatif or all per triwulan.
        """
        sha = self._cek_penulis(pengguna, peran, kelurahan, sha256)
        semua = masuk = _rekaman_triwulan(df)
        self._periksa_cakupan({k[:3]: v[:3] for k, v in masuk.items()}, tahun, kelurahan)
        cara = "kumulatif" if next(iter(semua.values()))[3] else "per triwulan"
        asal = f"Triwulan {', '.join(mt.ROMAWI[x] for x in sorted({k[3] for k in semua}))} ({cara})"
        with self._tulis() as conn:
            terakhir = self._cek_dasar(conn, versi_dasar)
            langsung, tw = self._keadaan(conn, terakhir, tahun), self._keadaan_tw(conn, terakhir, tahun)
            bentrok = sorted({k[:3] for k in masuk} & set(langsung))
            if bentrok and pilihan not in (PILIHAN_TRIWULAN, PILIHAN_TAHUNAN):
                raise GudangError(
                    f"{len(bentrok)} baris sudah punya realisasi tahunan yang diisi langsung ({_teks_kunci(bentrok[0])}"
                    f"{', ...' if len(bentrok) > 1 else ''}); pilih mana yang berlaku: triwulan atau tahunan. "
                    "Tidak ada yang disimpan."
                )
            if pilihan == PILIHAN_TAHUNAN:
                masuk = {k: v for k, v in masuk.items() if k[:3] not in langsung}
            _cek_cara_sama(masuk, tw)
            baris_tw = [(k, _gabung_tw(tw.get(k), v), False) for k, v in sorted(masuk.items())]
            baris_tw = [b for b in baris_tw if tw.get(b[0]) != b[1]]
            hapus = [(k, (langsung[k][0], None, None), True) for k in bentrok if pilihan == PILIHAN_TRIWULAN]
            if bentrok:
                asal += f"; {len(bentrok)} baris: yang berlaku {pilihan}"
            kepala = dict(
                pengguna=pengguna, peran=peran, nama_berkas=nama_berkas, sha256=sha, tahun=int(tahun),
                kelurahan=kelurahan, jenis=JENIS_UNGGAH, pulih_ke=None, catatan=asal + (f". {catatan}" if catatan else ""),
            )  # fmt: skip
            return self._catat(conn, kepala, hapus, baris_tw)

    @staticmethod
    def _cek_penulis(pengguna: str, peran: str, kelurahan: str | None, sha256: str) -> str:
        if not str(pengguna).strip() or not str(peran).strip():
            raise GudangError("Pengguna dan peran wajib diisi.")
        if peran != PERAN_ADMIN and not kelurahan:  # "" would be the kecamatan's own rows
            raise GudangError(f"Akun berperan {peran} hanya boleh menyimpan baris kelurahannya sendiri.")
        sha = str(sha256).lower()
        if not _SHA256.match(sha):
            raise GudangError("SHA-256 berkas tidak sah (harus 64 digit heksadesimal).")
        return sha

    def _cek_dasar(self, conn: Connection, versi_dasar: int | None) -> int | None:
        terakhir = self._versi_terakhir(conn)
        if versi_dasar is not None and (terakhir or 0) != versi_dasar:
            dari = f" dari versi {versi_dasar}" if versi_dasar else ""
            raise GudangBerubah(
                f"Data sudah diubah orang lain (versi {terakhir}) sejak pratinjau dibuat{dari}. "
                "Unggah ulang berkas untuk melihat pratinjau terbaru; tidak ada yang disimpan."
            )
        return terakhir

    def _catat(
        self,
        conn: Connection,
        kepala: dict[str, Any],
        baris: list[tuple[Kunci, Isi, bool]],
        baris_tw: list[tuple[KunciTw, IsiTw, bool]] | None = None,
    ) -> int:
        """Insert the version row, then its value rows (annual, then per triwulan), in the caller's transaction."""
        baris_tw = baris_tw or []
        berubah = len(baris) + len(baris_tw)
        kepala = {**kepala, "waktu": self._waktu(), "baris_berubah": berubah, "renstra_id": self.renstra_id}
        versi_id = conn.execute(insert(versi).values(**kepala)).inserted_primary_key[0]
        if baris:
            conn.execute(
                insert(nilai),
                [
                    dict(
                        versi_id=versi_id,
                        tahun=k[0],
                        item_id=k[1],
                        indikator_ke=k[2],
                        kelurahan=isi[0],
                        realisasi=isi[1],
                        realisasi_rp=isi[2],
                        dihapus=dihapus,
                        renstra_id=self.renstra_id,
                    )  # fmt: skip
                    for k, isi, dihapus in baris
                ],
            )
        if baris_tw:
            kolom = (*KUNCI_TRIWULAN, "kelurahan", "realisasi", "realisasi_rp", "kumulatif", "aturan", "aturan_rp")
            conn.execute(
                insert(nilai_triwulan),
                [
                    dict(zip(kolom, (*k, *isi), strict=True), versi_id=versi_id, dihapus=d, renstra_id=self.renstra_id)
                    for k, isi, d in baris_tw
                ],
            )
        return int(versi_id)

    # --- history ------------------------------------------------------------------------

    def riwayat(self) -> pd.DataFrame:
        """Every version of this Renstra, newest first: who, when, which file (name, SHA-256), rows changed."""
        kueri = (
            select(*(versi.c[k] for k in KOLOM_RIWAYAT))
            .where(versi.c.renstra_id == self.renstra_id)
            .order_by(versi.c.id.desc())
        )
        with self._baca() as conn:
            baris = [tuple(r) for r in conn.execute(kueri)]
        return bingkai_bertipe(baris, _TIPE_RIWAYAT)

    def bandingkan(self, v_a: int, v_b: int) -> pd.DataFrame:
        """Keys whose stored values differ between the states as of ``v_a`` and ``v_b``.

        ``jenis``: 'baru' (only in b), 'dihapus' (only in a), 'berubah' (in both, different).
        """
        with self._baca() as conn:
            self._pastikan_versi(conn, v_a)
            self._pastikan_versi(conn, v_b)
            a, b = self._keadaan(conn, v_a), self._keadaan(conn, v_b)
        baris = []
        for k in sorted(a.keys() | b.keys()):
            ia, ib = a.get(k), b.get(k)
            if ia == ib:
                continue
            jenis = "baru" if ia is None else "dihapus" if ib is None else "berubah"
            kel = (ib or ia)[0]  # type: ignore[index]
            baris.append((*k, kel, jenis, ia and ia[1], ib and ib[1], ia and ia[2], ib and ib[2]))
        return bingkai_bertipe(baris, _TIPE_BANDINGKAN)

    def pulihkan(self, versi_id: int, pengguna: str, peran: str, *, tahun: int | None = None, catatan: str = "") -> int:
        """Admin only: a new 'pemulihan' version making the state equal to the state as of ``versi_id``.

        Rows added after it are marked deleted, changed rows get their old values back.
        With ``tahun`` only that year is restored and other years keep their newer data.
        """
        if peran != PERAN_ADMIN:
            raise GudangError("Hanya admin yang boleh memulihkan versi lama.")
        if not str(pengguna).strip():
            raise GudangError("Pengguna wajib diisi.")
        with self._tulis() as conn:
            self._pastikan_versi(conn, versi_id)
            sekarang = self._keadaan(conn, self._versi_terakhir(conn), tahun)
            tujuan = self._keadaan(conn, versi_id, tahun)
            baris: list[tuple[Kunci, Isi, bool]] = [
                (k, (isi[0], None, None), True) for k, isi in sorted(sekarang.items()) if k not in tujuan
            ]
            baris += [(k, isi, False) for k, isi in sorted(tujuan.items()) if sekarang.get(k) != isi]
            tw_kini, tw_tujuan = (
                self._keadaan_tw(conn, self._versi_terakhir(conn), tahun),
                self._keadaan_tw(conn, versi_id, tahun),
            )
            baris_tw: list[tuple[KunciTw, IsiTw, bool]] = [
                (k, (isi[0], None, None, *isi[3:]), True) for k, isi in sorted(tw_kini.items()) if k not in tw_tujuan
            ]
            baris_tw += [(k, isi, False) for k, isi in sorted(tw_tujuan.items()) if tw_kini.get(k) != isi]
            lingkup = f" (tahun {tahun})" if tahun is not None else ""
            return self._catat(
                conn,
                dict(
                    pengguna=pengguna,
                    peran=peran,
                    nama_berkas="",
                    sha256="",
                    tahun=tahun,
                    kelurahan=None,
                    jenis=JENIS_PEMULIHAN,
                    pulih_ke=versi_id,
                    catatan=catatan or f"Pemulihan ke versi {versi_id}{lingkup}",
                ),  # fmt: skip
                sorted(baris),
                sorted(baris_tw),
            )

    # --- export ---------------------------------------------------------------------------

    def ekspor_xlsx(self) -> bytes:
        """Everything stored for this Renstra, as .xlsx: current state, every version, every value row ever written.

        The Riwayat and Nilai sheets carry every column, ``renstra_id`` too, so a file says
        which Renstra it is of. The Realisasi sheet holds the year's figures as the pages show them
        (entered, or derived from the quarters); where quarters were reported, two more sheets follow:
        Triwulan (the quarters now) and Nilai Triwulan (every quarter row ever written). Text goes through ``ekspor.tulis_sel``, so a file name or note
        starting with ``= + - @`` stays text in Excel, never a formula.
        """
        with self._baca() as conn:
            terakhir = self._versi_terakhir(conn) or 0
            sekarang = _bingkai_keadaan(self._efektif(conn, terakhir or None))
            tw = self._keadaan_tw(conn, terakhir or None)
            versi_kueri = (
                select(versi)
                .where(versi.c.renstra_id == self.renstra_id, versi.c.id <= terakhir)
                .order_by(versi.c.id.desc())
            )
            nilai_kueri = (
                select(nilai)
                .where(nilai.c.renstra_id == self.renstra_id, nilai.c.versi_id <= terakhir)
                .order_by(nilai.c.versi_id, nilai.c.tahun, nilai.c.item_id, nilai.c.indikator_ke)
            )
            versi_baris = [tuple(r) for r in conn.execute(versi_kueri)]
            nilai_baris = [tuple(r) for r in conn.execute(nilai_kueri)]
            t = nilai_triwulan.c
            tw_kueri = (
                select(nilai_triwulan)
                .where(t.renstra_id == self.renstra_id, t.versi_id <= terakhir)
                .order_by(t.versi_id, t.tahun, t.item_id, t.indikator_ke, t.triwulan)
            )
            tw_baris = [tuple(r) for r in conn.execute(tw_kueri)]
        lembar = [
            ("Realisasi", list(sekarang.columns), list(sekarang.itertuples(index=False, name=None))),
            ("Riwayat", [c.name for c in versi.columns], versi_baris),
            ("Nilai", [c.name for c in nilai.columns], nilai_baris),
        ]
        if tw_baris:
            lembar.append(("Triwulan", list(KOLOM_TRIWULAN), [(*k, *v) for k, v in sorted(tw.items())]))
            lembar.append(("Nilai Triwulan", [c.name for c in nilai_triwulan.columns], tw_baris))
        return _buku_xlsx(lembar)


def _buku_xlsx(lembar: list[tuple[str, list[str], list[tuple[Any, ...]]]]) -> bytes:
    """A workbook of (sheet title, header, rows): bold frozen header, every cell through ``tulis_sel``."""
    wb = Workbook()
    tebal, latar = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for i, (judul, kepala, isi) in enumerate(lembar):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = judul
        for j, nama in enumerate(kepala, start=1):
            sel = tulis_sel(ws, 1, j, nama)
            sel.font, sel.fill = tebal, latar
            ws.column_dimensions[get_column_letter(j)].width = max(12, len(nama) + 2)
        for b, rekaman in enumerate(isi, start=2):
            for j, v in enumerate(rekaman, start=1):
                tulis_sel(ws, b, j, v)
        ws.freeze_panes = "A2"
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()
