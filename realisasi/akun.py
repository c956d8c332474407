"""Accounts for uploading realisasi: roles, argon2id password checks, login throttling, write permission.

Viewing the dashboard needs no login; only uploads do. Accounts live in the app's secrets
(``.streamlit/secrets.toml``, outside git), one table per account::

    [akun.lurah_sukamulya]
    hash = "$argon2id$v=19$m=65536,t=3,p=4$..."
    peran = "kelurahan"
    kelurahan = "Suka Mulya"

Only argon2id hashes are accepted, so a plaintext password put there by mistake is refused
rather than silently used. Nothing here logs, and no message names a password, a hash, or
whether an account exists. Failed logins are counted in a ``login_gagal`` table on the
store's engine, so restarting the app does not lift a lock.
"""

from __future__ import annotations

import hashlib
import math
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
import sqlalchemy as sa
from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy.dialects import postgresql, sqlite

from loaders.wilayah import KelurahanTakDikenal, Wilayah

PERAN = ("admin", "kelurahan")
PESAN_GAGAL = "Nama pengguna atau kata sandi salah."
PANJANG_SANDI_MIN = 10
# Longer input is refused before hashing: argon2 cost grows with it and nobody types 1 KiB.
PANJANG_SANDI_MAKS = 1024
POLA_NAMA = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_AWALAN_HASH = "$argon2id$"

# RFC 9106 "low memory" profile (t=3, 64 MiB, p=4), the argon2-cffi default, pinned to argon2id.
_PH = PasswordHasher(type=Type.ID)
_HASH_PALSU: str | None = None


class LoginError(Exception):
    """A refused login; ``str(e)`` is the Indonesian message to show, never more specific."""


class AkunTerkunci(LoginError):
    """Too many failures for this name or client; ``sisa_menit`` until it may try again."""

    def __init__(self, sisa_menit: int) -> None:
        self.sisa_menit = sisa_menit
        super().__init__(f"Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {sisa_menit} menit.")


class AkunTidakSah(ValueError):
    """An account entry in the secrets is malformed (the message names the account and key, never a value)."""


@dataclass(frozen=True)
class Akun:
    """Who is logged in. Holds no secret, so it may be kept in session state and shown."""

    nama: str
    peran: str
    kelurahan: str | None = None

    def __post_init__(self) -> None:
        if self.peran not in PERAN:
            raise AkunTidakSah(f"Akun '{self.nama}': peran harus salah satu dari {', '.join(PERAN)}.")
        if self.peran == "kelurahan" and not self.kelurahan:
            raise AkunTidakSah(f"Akun '{self.nama}': peran kelurahan wajib menyebut satu kelurahan.")
        if self.peran == "admin" and self.kelurahan:
            raise AkunTidakSah(f"Akun '{self.nama}': akun admin tidak terikat pada satu kelurahan.")

    @property
    def admin(self) -> bool:
        return self.peran == "admin"


def normalkan_nama(nama: str) -> str:
    """Login names are compared trimmed and lower-case, so 'Admin ' and 'admin' share one throttle."""
    return nama.strip().lower()


def cek_nama(nama: str) -> str:
    """A valid account name (a bare TOML key), or AkunTidakSah saying what is allowed."""
    if not POLA_NAMA.fullmatch(nama):
        raise AkunTidakSah(
            f"Nama akun '{nama[:64]}' tidak sah: pakai 1-64 huruf kecil, angka, '_' atau '-', diawali huruf/angka."
        )
    return nama


def cek_sandi(sandi: str) -> None:
    """Length rules for a new password (checked when it is set, not at login)."""
    if len(sandi) < PANJANG_SANDI_MIN:
        raise AkunTidakSah(f"Kata sandi terlalu pendek: paling sedikit {PANJANG_SANDI_MIN} karakter.")
    if len(sandi) > PANJANG_SANDI_MAKS:
        raise AkunTidakSah(f"Kata sandi terlalu panjang: paling banyak {PANJANG_SANDI_MAKS} karakter.")


def buat_hash(sandi: str) -> str:
    """An argon2id hash (random salt inside) of a new password; the password itself is never kept."""
    cek_sandi(sandi)
    return _PH.hash(sandi)


def _hash_palsu() -> str:
    """A hash with the same cost as real ones, so an unknown name takes as long to refuse as a known one."""
    global _HASH_PALSU
    if _HASH_PALSU is None:
        _HASH_PALSU = _PH.hash("tidak-ada-akun-ini-" + hashlib.sha256(str(time.time_ns()).encode()).hexdigest())
    return _HASH_PALSU


def _bagian_akun(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """The ``akun`` section of a secrets-like mapping (st.secrets, or a dict from tomllib)."""
    bagian = data.get("akun", {}) if isinstance(data, Mapping) else {}
    if not isinstance(bagian, Mapping):
        raise AkunTidakSah("Bagian 'akun' di secrets harus berupa tabel [akun.<nama>].")
    return bagian


def _akun_dari_entri(nama: str, entri: Any, wilayah: Wilayah | None) -> tuple[Akun, str]:
    if not isinstance(entri, Mapping):
        raise AkunTidakSah(f"Akun '{nama}': harus berupa tabel [akun.{nama}] dengan kunci hash, peran, kelurahan.")
    tak_dikenal = sorted(set(entri) - {"hash", "peran", "kelurahan"})
    if tak_dikenal:
        # A key such as 'sandi' or 'password' is probably a plaintext password: refuse it outright.
        raise AkunTidakSah(
            f"Akun '{nama}': kunci {', '.join(repr(k) for k in tak_dikenal)} tidak dikenal "
            "(hanya hash, peran, kelurahan; kata sandi tidak pernah disimpan apa adanya)."
        )
    h = entri.get("hash")
    if not isinstance(h, str) or not h.startswith(_AWALAN_HASH):
        raise AkunTidakSah(f"Akun '{nama}': 'hash' harus hash argon2id (buat dengan python -m alat.akun).")
    peran = entri.get("peran")
    kel = entri.get("kelurahan") or None
    if kel is not None and not isinstance(kel, str):
        raise AkunTidakSah(f"Akun '{nama}': 'kelurahan' harus teks.")
    if kel is not None and wilayah is not None:
        try:
            kel = wilayah.kanonik(kel) or None
        except KelurahanTakDikenal:
            raise AkunTidakSah(f"Akun '{nama}': kelurahan '{kel}' tidak dikenal.") from None
    return Akun(nama=nama, peran=str(peran), kelurahan=kel), h


def muat_akun(data: Mapping[str, Any], wilayah: Wilayah | None = None) -> dict[str, Akun]:
    """Every account in a secrets-like mapping (its ``akun`` section), validated; hashes are left out.

    With ``wilayah`` the kelurahan is resolved to its canonical spelling, and an unknown one is an error.
    """
    hasil: dict[str, Akun] = {}
    for nama, entri in _bagian_akun(data).items():
        cek_nama(str(nama))
        hasil[str(nama)], _ = _akun_dari_entri(str(nama), entri, wilayah)
    return hasil


def periksa_sandi(
    akun_data: Mapping[str, Any],
    nama: str,
    sandi: str,
    pembatas: Pembatas,
    klien: str | None = None,
    wilayah: Wilayah | None = None,
) -> Akun:
    """The account for a correct name and password, or LoginError.

    Throttled by ``pembatas`` first (a locked name or client is refused before any hashing).
    A wrong password, an unknown name and a malformed entry all cost one argon2 verification
    and give the same message, so neither the text nor the time tells whether the name exists.
    """
    kunci = normalkan_nama(nama)
    pembatas.tunggu(kunci, klien)
    entri = _bagian_akun(akun_data).get(kunci) if POLA_NAMA.fullmatch(kunci) else None
    akun: Akun | None = None
    h = _hash_palsu()
    if entri is not None:
        try:
            akun, h = _akun_dari_entri(kunci, entri, wilayah)
        except AkunTidakSah:
            akun, h = None, _hash_palsu()
    cocok = False
    if len(sandi) <= PANJANG_SANDI_MAKS:
        try:
            cocok = _PH.verify(h, sandi)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            cocok = False
    else:
        try:  # still spend the time of one verification
            _PH.verify(_hash_palsu(), "")
        except VerificationError:
            pass
    if cocok and akun is not None:
        pembatas.berhasil(kunci)
        return akun
    pembatas.gagal(kunci, klien)
    raise LoginError(PESAN_GAGAL)


# ----------------------------------------------------------------------------- throttling

META_AKUN = sa.MetaData()
TABEL_LOGIN_GAGAL = sa.Table(
    "login_gagal",
    META_AKUN,
    # "nama:" or "klien:" + SHA-256 of the name/client: a password typed into the name field by
    # mistake is not kept in plain sight (this is not protection against someone holding the DB).
    sa.Column("kunci", sa.String(80), primary_key=True),
    sa.Column("gagal", sa.Integer, nullable=False, default=0),
    sa.Column("pertama", sa.Float, nullable=True),  # epoch seconds of the first failure in the window
    sa.Column("terakhir", sa.Float, nullable=True),
    sa.Column("terkunci_sampai", sa.Float, nullable=True),
)


def _kunci_baris(jenis: str, nilai: str) -> str:
    return f"{jenis}:{hashlib.sha256(nilai.encode('utf-8', 'surrogatepass')).hexdigest()[:64]}"


def _sisipkan_bila_belum(conn: sa.Connection, kunci: str) -> None:
    """Create the counter row unless it exists; ON CONFLICT DO NOTHING so two sessions cannot collide."""
    t = TABEL_LOGIN_GAGAL
    nama_dialek = conn.dialect.name
    if nama_dialek in ("sqlite", "postgresql"):
        modul = sqlite if nama_dialek == "sqlite" else postgresql
        conn.execute(modul.insert(t).values(kunci=kunci, gagal=0).on_conflict_do_nothing(index_elements=["kunci"]))
    elif conn.execute(sa.select(t.c.kunci).where(t.c.kunci == kunci)).first() is None:
        conn.execute(sa.insert(t).values(kunci=kunci, gagal=0))


class Pembatas:
    """Slows down, then locks, repeated failed logins per name and per client.

    After ``f`` failures within ``jendela_s`` the next attempt waits ``jeda_dasar_s * 2**(f-1)``
    seconds (at most ``jeda_maks_s``); at ``maks_gagal`` failures the name is locked for
    ``kunci_s`` seconds and then starts afresh. A client (e.g. an IP address) is locked at
    ``maks_gagal_klien`` failures across all names. Unknown names are counted like known ones,
    so a lock says nothing about whether an account exists. ``jam`` and ``tidur`` are injectable
    for tests.
    """

    def __init__(
        self,
        engine: sa.Engine,
        *,
        maks_gagal: int = 5,
        maks_gagal_klien: int = 20,
        jendela_s: float = 15 * 60,
        kunci_s: float = 15 * 60,
        jeda_dasar_s: float = 0.5,
        jeda_maks_s: float = 8.0,
        jam: Callable[[], float] = time.time,
        tidur: Callable[[float], None] = time.sleep,
    ) -> None:
        self.engine = engine
        self.maks_gagal = maks_gagal
        self.maks_gagal_klien = maks_gagal_klien
        self.jendela_s = jendela_s
        self.kunci_s = kunci_s
        self.jeda_dasar_s = jeda_dasar_s
        self.jeda_maks_s = jeda_maks_s
        self.jam = jam
        self.tidur = tidur
        META_AKUN.create_all(engine, tables=[TABEL_LOGIN_GAGAL], checkfirst=True)

    def _kunci(self, nama: str, klien: str | None) -> list[tuple[str, int]]:
        daftar = [(_kunci_baris("nama", normalkan_nama(nama)), self.maks_gagal)]
        if klien:
            daftar.append((_kunci_baris("klien", klien), self.maks_gagal_klien))
        return daftar

    def _baris(self, conn: sa.Connection, kunci: str) -> sa.Row | None:
        t = TABEL_LOGIN_GAGAL
        return conn.execute(sa.select(t).where(t.c.kunci == kunci)).first()

    def jeda(self, gagal: int) -> float:
        """Seconds to wait before the attempt that follows ``gagal`` failures."""
        if gagal <= 0:
            return 0.0
        return min(self.jeda_maks_s, self.jeda_dasar_s * 2 ** (gagal - 1))

    def status(self, nama: str, klien: str | None = None) -> tuple[float, float]:
        """(seconds still locked, delay before the next attempt) for this name/client, without side effects."""
        sekarang = self.jam()
        sisa, jeda = 0.0, 0.0
        with self.engine.connect() as conn:
            for kunci, _ in self._kunci(nama, klien):
                b = self._baris(conn, kunci)
                if b is None:
                    continue
                if b.terkunci_sampai is not None and b.terkunci_sampai > sekarang:
                    sisa = max(sisa, b.terkunci_sampai - sekarang)
                if b.pertama is not None and sekarang - b.pertama <= self.jendela_s:
                    jeda = max(jeda, self.jeda(b.gagal))
        return sisa, jeda

    def tunggu(self, nama: str, klien: str | None = None) -> float:
        """Refuse a locked name/client (AkunTerkunci), otherwise sleep the current delay and return it."""
        sisa, jeda = self.status(nama, klien)
        if sisa > 0:
            raise AkunTerkunci(max(1, math.ceil(sisa / 60)))
        if jeda > 0:
            self.tidur(jeda)
        return jeda

    def gagal(self, nama: str, klien: str | None = None) -> bool:
        """Count one failure; True if it locked the name or client.

        Each counter is bumped by one UPDATE (so two sessions failing at once both count)
        inside one transaction; the lock is set in the same transaction.
        """
        t = TABEL_LOGIN_GAGAL
        sekarang = self.jam()
        terkunci = False
        with self.engine.begin() as conn:
            for kunci, maks in self._kunci(nama, klien):
                _sisipkan_bila_belum(conn, kunci)
                baru = sa.or_(t.c.pertama.is_(None), t.c.pertama < sekarang - self.jendela_s)
                conn.execute(
                    sa.update(t)
                    .where(t.c.kunci == kunci)
                    .values(
                        gagal=sa.case((baru, 1), else_=t.c.gagal + 1),
                        pertama=sa.case((baru, sekarang), else_=t.c.pertama),
                        terakhir=sekarang,
                    )
                )
                b = self._baris(conn, kunci)
                if b is not None and b.gagal >= maks:
                    conn.execute(
                        sa.update(t)
                        .where(t.c.kunci == kunci)
                        .values(gagal=0, pertama=None, terkunci_sampai=sekarang + self.kunci_s)
                    )
                    terkunci = True
        return terkunci

    def berhasil(self, nama: str) -> None:
        """A correct login clears the name's failures and lock.

        The client's counter is left to expire: otherwise one valid account would let a
        client reset its counter between guesses at other names.
        """
        t = TABEL_LOGIN_GAGAL
        with self.engine.begin() as conn:
            conn.execute(sa.delete(t).where(t.c.kunci == _kunci_baris("nama", normalkan_nama(nama))))


# ----------------------------------------------------------------------------- write permission


def _sama_kelurahan(a: str, b: str, wilayah: Wilayah | None) -> bool:
    if wilayah is not None:
        try:
            return bool(a) and wilayah.kanonik(a) == wilayah.kanonik(b) != ""
        except KelurahanTakDikenal:
            return False
    kunci_a, kunci_b = re.sub(r"[^a-z]", "", a.lower()), re.sub(r"[^a-z]", "", b.lower())
    return bool(kunci_a) and kunci_a == kunci_b


def boleh_menulis(akun: Akun | None, kelurahan_baris: Any, wilayah: Wilayah | None = None) -> bool:
    """May this account write a row of this kelurahan? Admin: every row. Kelurahan: only its own.

    Rows of the kecamatan itself (kelurahan "" or missing) belong to the admin. Names compare
    without case or spaces, and through the manifest's aliases when ``wilayah`` is given.
    """
    if akun is None:
        return False
    if akun.admin:
        return True
    if akun.peran != "kelurahan" or not akun.kelurahan:
        return False
    if not isinstance(kelurahan_baris, str) or not kelurahan_baris.strip():
        return False
    return _sama_kelurahan(str(kelurahan_baris), akun.kelurahan, wilayah)


def baris_terlarang(
    akun: Akun | None,
    catatan: pd.DataFrame,
    rencana: pd.DataFrame | None = None,
    wilayah: Wilayah | None = None,
) -> pd.DataFrame:
    """The records this account may not write (original index kept, so the upload can name Excel rows).

    With ``rencana`` (T-C.27 long form) a row's kelurahan is taken from the Renstra by
    (tahun, item_id, indikator_ke), not from the workbook, so relabelling a row in Excel does
    not make it writable; a row the Renstra does not know is refused to a kelurahan account.
    The returned frame has the records' columns plus ``kelurahan_renstra`` when ``rencana`` is used.
    """
    admin = akun is not None and akun.admin
    if rencana is None:
        boleh = [admin or boleh_menulis(akun, k, wilayah) for k in catatan["kelurahan"]]
        return catatan[[not b for b in boleh]]
    kunci = ["tahun", "item_id", "indikator_ke"]
    peta = rencana[[*kunci, "kelurahan"]].rename(columns={"kelurahan": "kelurahan_renstra"})
    gabung = catatan.reset_index(names="__indeks__").merge(peta, on=kunci, how="left", validate="many_to_one")
    gabung = gabung.set_index("__indeks__").rename_axis(catatan.index.name)
    dikenal = gabung["kelurahan_renstra"].notna().to_numpy()
    boleh = [
        admin or (bool(d) and boleh_menulis(akun, k, wilayah))
        for d, k in zip(dikenal, gabung["kelurahan_renstra"], strict=True)
    ]
    return gabung[[not b for b in boleh]]
