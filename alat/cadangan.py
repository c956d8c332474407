"""Back up and restore the store (realisasi, stored Renstra, login counters): one file, every version;
show its tables, create or upgrade its schema.

    python -m alat.cadangan buat cadangan-2026-12-01.bin
    python -m alat.cadangan pulihkan cadangan-2026-12-01.bin
    python -m alat.cadangan periksa
    python -m alat.cadangan skema

Which database: ``--url``, else the environment variable RENSTRA_DB_URL, else ``[database] url``
in ``--secrets`` (default ``.streamlit/secrets.toml``), else the app's default SQLite file: the same
order the app uses (state.url_gudang).

- SQLite: SQLite's online backup API (a consistent copy while the app runs, WAL included), checked
  with ``PRAGMA integrity_check``; the backup is itself a SQLite database.
- PostgreSQL: ``pg_dump --format=custom`` (one consistent snapshot while the app runs), restored
  with ``pg_restore --single-transaction`` (all or nothing). The password goes to the client
  through PGPASSWORD, never on its command line. The client must be at least the server's version.

A restore only goes into an empty database (a SQLite file that does not exist yet, or a PostgreSQL
database without tables), so it can never mix two stores or overwrite one by mistake. Messages are
in Bahasa Indonesia; the URL's password is never printed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import NoReturn, TextIO

import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url

from realisasi.gudang import ENV_URL, url_bawaan

SECRETS_BAWAAN = Path(".streamlit") / "secrets.toml"
_KEPALA_SQLITE = b"SQLite format 3\x00"
_KEPALA_PG = b"PGDMP"
_PARAMETER_LIBPQ = {
    "sslmode": "PGSSLMODE", "sslrootcert": "PGSSLROOTCERT", "sslcert": "PGSSLCERT", "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT", "options": "PGOPTIONS",
}  # fmt: skip


class GalatCadangan(Exception):
    """A refusal to show the user (Indonesian); nothing was changed."""


def url_basis_data(url: str | None = None, secrets: Path = SECRETS_BAWAAN) -> str:
    """``url``, else RENSTRA_DB_URL, else ``[database] url`` in ``secrets``, else the default SQLite file."""
    if url:
        return url
    if os.environ.get(ENV_URL, "").strip():
        return url_bawaan()
    if secrets.is_file():
        try:
            dari_berkas = tomllib.loads(secrets.read_text(encoding="utf-8")).get("database", {}).get("url")
        except tomllib.TOMLDecodeError:
            raise GalatCadangan(f"{secrets} bukan TOML yang sah; tidak ada yang diubah.") from None
        if dari_berkas:
            return str(dari_berkas)
    return url_bawaan()


def _tampil(u: URL) -> str:
    return u.render_as_string(hide_password=True)


def _berkas_sqlite(u: URL) -> Path:
    if not u.database or u.database == ":memory:" or u.database.startswith("file:"):
        raise GalatCadangan(f"{_tampil(u)} bukan berkas SQLite yang dapat dicadangkan.")
    return Path(u.database)


def _lingkungan_pg(u: URL) -> dict[str, str]:
    """libpq's variables for ``u`` (the password among them, so it is on no command line)."""
    env = dict(os.environ)
    for nama, nilai in (("PGHOST", u.host), ("PGPORT", u.port), ("PGUSER", u.username),
                        ("PGPASSWORD", u.password), ("PGDATABASE", u.database)):  # fmt: skip
        if nilai is not None:
            env[nama] = str(nilai)
    for kunci, nilai in u.query.items():  # e.g. ?sslmode=require&connect_timeout=5
        if kunci in _PARAMETER_LIBPQ:
            env[_PARAMETER_LIBPQ[kunci]] = str(nilai)
    return env


def _jalankan(perintah: list[str], u: URL) -> None:
    if shutil.which(perintah[0]) is None:
        raise GalatCadangan(
            f"Program {perintah[0]} tidak ditemukan: pasang postgresql-client (apt-get install -y postgresql-client)."
        )
    hasil = subprocess.run(perintah, env=_lingkungan_pg(u), capture_output=True, text=True)
    if hasil.returncode != 0:
        pesan = (hasil.stderr or hasil.stdout).strip().splitlines()
        raise GalatCadangan(f"{perintah[0]} gagal (kode {hasil.returncode}): {' / '.join(pesan[-3:])}")


def tabel_terisi(url: str) -> dict[str, int]:
    """Every table of the database with its row count (what a backup carries, what a restore brought back)."""
    mesin = sa.create_engine(url, poolclass=sa.NullPool)
    try:
        with mesin.connect() as conn:
            nama = sorted(sa.inspect(conn).get_table_names())
            q = conn.dialect.identifier_preparer
            return {t: int(conn.execute(sa.text(f"SELECT count(*) FROM {q.quote(t)}")).scalar()) for t in nama}
    except sa.exc.OperationalError:
        raise GalatCadangan(
            f"Basis data {_tampil(make_url(url))} tidak dapat dihubungi (server hidup? basis datanya sudah dibuat?)."
        ) from None
    finally:
        mesin.dispose()


def buat(url: str, tujuan: Path) -> dict[str, int]:
    """Write a backup of ``url`` to ``tujuan`` (refused if it exists); the tables it holds with their row counts."""
    u = make_url(url)
    if tujuan.exists():
        raise GalatCadangan(f"{tujuan} sudah ada; pilih nama berkas lain (cadangan lama tidak ditimpa).")
    if u.get_backend_name() == "sqlite" and not _berkas_sqlite(u).is_file():
        raise GalatCadangan(f"Berkas basis data {_berkas_sqlite(u)} tidak ada; tidak ada yang dicadangkan.")
    isi = tabel_terisi(url)
    if not isi:
        raise GalatCadangan(f"Basis data {_tampil(u)} kosong (belum ada tabel); tidak ada yang dicadangkan.")
    sementara = tujuan.with_name(tujuan.name + ".sebagian")
    try:
        if u.get_backend_name() == "sqlite":
            sumber = sqlite3.connect(f"file:{_berkas_sqlite(u)}?mode=ro", uri=True)
            salinan = sqlite3.connect(sementara)
            with salinan:
                sumber.backup(salinan)
            cek = salinan.execute("PRAGMA integrity_check").fetchone()[0]
            salinan.close()
            sumber.close()
            if cek != "ok":
                raise GalatCadangan(f"Salinan tidak utuh ({cek}); cadangan tidak ditulis.")
        elif u.get_backend_name() == "postgresql":
            _jalankan(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "-f", str(sementara)], u)
        else:
            raise GalatCadangan(
                f"Basis data jenis {u.get_backend_name()} tidak didukung (hanya SQLite dan PostgreSQL)."
            )
        sementara.replace(tujuan)
    finally:
        sementara.unlink(missing_ok=True)
    return isi


def pulihkan(berkas: Path, url: str) -> dict[str, int]:
    """Restore the backup ``berkas`` into the EMPTY database ``url``; the tables restored with their row counts."""
    u = make_url(url)
    if not berkas.is_file():
        raise GalatCadangan(f"Berkas cadangan {berkas} tidak ada.")
    with open(berkas, "rb") as f:
        kepala = f.read(16)
    jenis = u.get_backend_name()
    if jenis == "sqlite":
        if kepala != _KEPALA_SQLITE:
            raise GalatCadangan(f"{berkas} bukan cadangan SQLite (buat dengan basis data SQLite).")
        target = _berkas_sqlite(u)
        if target.exists() and target.stat().st_size > 0:
            raise GalatCadangan(f"{target} sudah ada; pulihkan hanya ke berkas baru (pindahkan yang lama dulu).")
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        sumber = sqlite3.connect(f"file:{berkas}?mode=ro", uri=True)
        baru = sqlite3.connect(target)
        with baru:
            sumber.backup(baru)
        baru.close()
        sumber.close()
    elif jenis == "postgresql":
        if not kepala.startswith(_KEPALA_PG):
            raise GalatCadangan(f"{berkas} bukan cadangan pg_dump (format custom).")
        if tabel_terisi(url):
            raise GalatCadangan(
                f"Basis data {_tampil(u)} sudah berisi tabel; pulihkan hanya ke basis data baru yang kosong."
            )
        _jalankan(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
                   "-d", u.database or "", str(berkas)], u)  # fmt: skip
    else:
        raise GalatCadangan(f"Basis data jenis {jenis} tidak didukung (hanya SQLite dan PostgreSQL).")
    return tabel_terisi(url)


def skema(url: str) -> list[tuple[str, int, str]]:
    """Create the store's tables, or upgrade them to the newest schema step (what the app does when it first
    opens the store, under the same lock); every step recorded, as (component, step, description)."""
    from kelola.gudang_renstra import GudangRenstra
    from realisasi.akun import Pembatas
    from realisasi.gudang import Gudang, GudangError, skema_versi

    try:
        for kelas in (Gudang, GudangRenstra):
            kelas(url).tutup()
        mesin = sa.create_engine(url, poolclass=sa.NullPool)
        Pembatas(mesin)
        with mesin.connect() as conn:
            baris = conn.execute(sa.select(skema_versi.c.komponen, skema_versi.c.versi, skema_versi.c.keterangan))
            hasil = sorted((str(k), int(v), str(t)) for k, v, t in baris)
        mesin.dispose()
    except GudangError as e:
        raise GalatCadangan(str(e)) from None
    except sa.exc.OperationalError:
        raise GalatCadangan(
            f"Basis data {_tampil(make_url(url))} tidak dapat dihubungi; tidak ada yang diubah."
        ) from None
    return hasil


def _cetak(judul: str, isi: dict[str, int], out: TextIO) -> None:
    print(judul, file=out)
    for t, n in isi.items():
        print(f"  {t}: {n} baris", file=out)


class _Pengurai(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"galat: {message}\n")


def pengurai() -> argparse.ArgumentParser:
    p = _Pengurai(prog="python -m alat.cadangan", description="Cadangkan dan pulihkan basis data dasbor.")
    p.add_argument("--url", help="URL basis data (bawaan: RENSTRA_DB_URL, lalu [database] url di secrets)")
    p.add_argument(
        "--secrets", type=Path, default=SECRETS_BAWAAN, help="berkas secrets (bawaan: .streamlit/secrets.toml)"
    )
    sub = p.add_subparsers(dest="perintah", required=True, parser_class=_Pengurai)
    sub.add_parser("buat", help="tulis cadangan ke berkas baru").add_argument("berkas", type=Path)
    sub.add_parser("pulihkan", help="pulihkan cadangan ke basis data kosong").add_argument("berkas", type=Path)
    sub.add_parser("periksa", help="tabel dan jumlah barisnya")
    sub.add_parser("skema", help="buat tabel atau tingkatkan ke langkah skema terbaru")
    return p


def main(argv: list[str] | None = None, out: TextIO | None = None) -> int:
    args = pengurai().parse_args(argv)
    out = out or sys.stdout
    try:
        url = url_basis_data(args.url, args.secrets)
        nama = _tampil(make_url(url))
        if args.perintah == "buat":
            _cetak(f"Cadangan {nama} ditulis ke {args.berkas}:", buat(url, args.berkas), out)
        elif args.perintah == "pulihkan":
            _cetak(f"Cadangan {args.berkas} dipulihkan ke {nama}:", pulihkan(args.berkas, url), out)
        elif args.perintah == "skema":
            langkah_tercatat = skema(url)
            print(f"Skema {nama} (komponen, langkah, keterangan):", file=out)
            for komponen, langkah, keterangan in langkah_tercatat:
                print(f"  {komponen} {langkah}: {keterangan}", file=out)
        else:
            _cetak(f"Basis data {nama}:", tabel_terisi(url), out)
    except GalatCadangan as e:
        print(f"galat: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
