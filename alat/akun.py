"""Add, reset, remove and list upload accounts in the app's secrets file.

    python -m alat.akun tambah lurah_pakistaji --peran kelurahan --kelurahan Pakistaji
    python -m alat.akun tambah admin --peran admin
    python -m alat.akun setel-ulang lurah_pakistaji
    python -m alat.akun hapus lurah_pakistaji
    python -m alat.akun daftar

The file (``--berkas``, default ``.streamlit/secrets.toml`` in the current folder; git-ignored)
is read with tomllib; only its ``[akun.<nama>]`` tables are rewritten, everything else (other
sections, comments) is kept byte for byte, and the result is parsed again and compared before
it replaces the file atomically. The password is read with getpass (twice) or, for scripts,
one line from stdin with ``--sandi-stdin``. Neither the password nor its hash is ever printed.
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any, NoReturn, TextIO

from loaders.renstra import FOLDER_BAWAAN, NAMA_MANIFEST
from loaders.wilayah import KelurahanTakDikenal, Wilayah
from realisasi.akun import PERAN, Akun, AkunTidakSah, buat_hash, cek_nama, cek_sandi, muat_akun

BERKAS_BAWAAN = Path(".streamlit") / "secrets.toml"
_KEPALA = re.compile(r"^[ \t]*\[\[?[ \t]*(?P<nama>[^\]#]*?)[ \t]*\]\]?[ \t]*(#.*)?$")


class GalatAlat(Exception):
    """A refusal to show the user (Indonesian); the file is left as it was."""


# ----------------------------------------------------------------------------- TOML in, TOML out


def baca(berkas: Path) -> tuple[str, dict[str, Any]]:
    """The file's text and its parsed content; an absent file is empty."""
    if not berkas.exists():
        return "", {}
    teks = berkas.read_text(encoding="utf-8")
    try:
        return teks, tomllib.loads(teks)
    except tomllib.TOMLDecodeError as e:
        raise GalatAlat(f"{berkas} bukan TOML yang sah ({e}); berkas tidak diubah.") from None


def _str_toml(nilai: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    keluar = []
    for c in nilai:
        if c in '"\\':
            keluar.append("\\" + c)
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            keluar.append({"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(c, f"\\u{ord(c):04X}"))
        else:
            keluar.append(c)
    return '"' + "".join(keluar) + '"'


def _nilai_toml(nilai: Any) -> str:
    if isinstance(nilai, bool):
        return "true" if nilai else "false"
    if isinstance(nilai, str):
        return _str_toml(nilai)
    if isinstance(nilai, int | float):
        return repr(nilai)
    raise GalatAlat(f"nilai bertipe {type(nilai).__name__} di tabel akun tidak didukung penulis ini")


def _kunci_toml(kunci: str) -> str:
    return kunci if re.fullmatch(r"[A-Za-z0-9_-]+", kunci) else _str_toml(kunci)


def tabel_akun(akun: dict[str, dict[str, Any]]) -> str:
    """The ``[akun.<nama>]`` tables, one per account, in the given order."""
    blok = []
    for nama, entri in akun.items():
        baris = [f"[akun.{_kunci_toml(nama)}]"]
        baris += [f"{_kunci_toml(k)} = {_nilai_toml(v)}" for k, v in entri.items()]
        blok.append("\n".join(baris) + "\n")
    return "\n".join(blok)


def _tabel_akun_kah(nama: str) -> bool:
    nama = re.sub(r"\s*\.\s*", ".", nama.strip())
    return nama == "akun" or nama.startswith("akun.")


def ganti_akun(teks: str, akun: dict[str, dict[str, Any]]) -> str:
    """``teks`` with its ``[akun...]`` tables replaced by ``akun``; every other line kept as it was.

    The new tables take the place of the first old one (or go at the end). Comments and blank
    lines just before the next non-account table stay with that table. The result is parsed
    again: if anything outside ``akun`` changed, or ``akun`` is not exactly what was asked
    (accounts written some other way, e.g. as dotted keys), nothing is written.
    """
    asli = tomllib.loads(teks) if teks else {}
    keluar: list[str] = []
    dibuang: list[str] = []
    posisi: int | None = None
    di_akun = False
    for baris in teks.splitlines(keepends=True):
        m = _KEPALA.match(baris)
        if m:
            baru_akun = _tabel_akun_kah(m.group("nama"))
            if di_akun and not baru_akun:
                # give back comments/blank lines that introduce the next (kept) table
                ekor = []
                while dibuang and (not dibuang[-1].strip() or dibuang[-1].lstrip().startswith("#")):
                    ekor.insert(0, dibuang.pop())
                keluar.extend(ekor)
            di_akun = baru_akun
            if di_akun and posisi is None:
                posisi = len(keluar)
        (dibuang if di_akun else keluar).append(baris)
    if keluar and not keluar[-1].endswith("\n"):
        keluar[-1] += "\n"
    blok = tabel_akun(akun)
    if posisi is None:
        posisi = len(keluar)
        if blok and keluar and keluar[-1].strip():
            blok = "\n" + blok
    elif blok and posisi < len(keluar) and keluar[posisi].strip():
        blok += "\n"
    hasil = "".join(keluar[:posisi]) + blok + "".join(keluar[posisi:])
    try:
        baru = tomllib.loads(hasil)
    except tomllib.TOMLDecodeError:
        baru = None
    lain_asli = {k: v for k, v in asli.items() if k != "akun"}
    if baru is None or {k: v for k, v in baru.items() if k != "akun"} != lain_asli or baru.get("akun", {}) != akun:
        raise GalatAlat(
            "Akun di berkas ini tidak ditulis sebagai tabel [akun.<nama>] saja, sehingga tidak dapat "
            "diubah dengan aman; rapikan dulu bagian akun secara manual. Berkas tidak diubah."
        )
    return hasil


def tulis(berkas: Path, teks: str) -> None:
    """Replace the file atomically (temp file in the same folder, fsync, rename); new files are 0600."""
    berkas.parent.mkdir(parents=True, exist_ok=True)
    mode = berkas.stat().st_mode & 0o777 if berkas.exists() else 0o600
    fd, sementara = tempfile.mkstemp(dir=berkas.parent, prefix=".akun-", suffix=".toml")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(teks)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(sementara, mode)
        os.replace(sementara, berkas)
    except BaseException:
        Path(sementara).unlink(missing_ok=True)
        raise


# ----------------------------------------------------------------------------- commands


def _wilayah() -> Wilayah:
    with open(FOLDER_BAWAAN / NAMA_MANIFEST, "rb") as f:
        return Wilayah.dari_manifest(tomllib.load(f))


def _akun_di(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    bagian = data.get("akun", {})
    if not isinstance(bagian, dict) or not all(isinstance(v, dict) for v in bagian.values()):
        raise GalatAlat("Bagian 'akun' harus berisi tabel [akun.<nama>] saja; berkas tidak diubah.")
    return {k: dict(v) for k, v in bagian.items()}


def baca_sandi(dari_stdin: bool, stdin: TextIO) -> str:
    """A new password: one line of stdin, or typed twice without echo. Length rules checked."""
    if dari_stdin:
        sandi = stdin.readline().removesuffix("\n").removesuffix("\r")
    else:
        sandi = getpass.getpass("Kata sandi baru: ")
        if getpass.getpass("Ulangi kata sandi: ") != sandi:
            raise GalatAlat("Kedua kata sandi tidak sama; tidak ada yang diubah.")
    try:
        cek_sandi(sandi)
    except AkunTidakSah as e:
        raise GalatAlat(f"{e} Tidak ada yang diubah.") from None
    return sandi


def _entri_baru(nama: str, peran: str, kelurahan: str | None) -> dict[str, Any]:
    if kelurahan:
        try:
            kanonik = _wilayah().kanonik(kelurahan)
        except KelurahanTakDikenal:
            pilihan = ", ".join(_wilayah().kelurahan)
            raise GalatAlat(f"Kelurahan '{kelurahan}' tidak dikenal (pilihan: {pilihan}).") from None
        if not kanonik:
            raise GalatAlat("Akun kelurahan harus terikat pada satu kelurahan, bukan kecamatan.")
        kelurahan = kanonik
    try:
        Akun(nama=nama, peran=peran, kelurahan=kelurahan or None)
    except AkunTidakSah as e:
        raise GalatAlat(str(e)) from None
    entri: dict[str, Any] = {"hash": "", "peran": peran}
    if kelurahan:
        entri["kelurahan"] = kelurahan
    return entri


def _uraian(akun: Akun) -> str:
    return f"'{akun.nama}' ({akun.peran}{', ' + akun.kelurahan if akun.kelurahan else ''})"


def tambah(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> None:
    teks, data = baca(args.berkas)
    akun = _akun_di(data)
    if args.nama in akun:
        raise GalatAlat(f"Akun '{args.nama}' sudah ada; pakai 'setel-ulang' untuk mengganti kata sandinya.")
    entri = _entri_baru(args.nama, args.peran, args.kelurahan)
    entri["hash"] = buat_hash(baca_sandi(args.sandi_stdin, stdin))
    akun[args.nama] = entri
    tulis(args.berkas, ganti_akun(teks, akun))
    a = Akun(args.nama, entri["peran"], entri.get("kelurahan"))
    print(f"Akun {_uraian(a)} ditambahkan ke {args.berkas}.", file=out)


def setel_ulang(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> None:
    teks, data = baca(args.berkas)
    akun = _akun_di(data)
    if args.nama not in akun:
        raise GalatAlat(f"Akun '{args.nama}' tidak ada di {args.berkas}; pakai 'tambah'.")
    akun[args.nama]["hash"] = buat_hash(baca_sandi(args.sandi_stdin, stdin))
    tulis(args.berkas, ganti_akun(teks, akun))
    print(f"Kata sandi akun '{args.nama}' diganti di {args.berkas}.", file=out)


def hapus(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> None:
    teks, data = baca(args.berkas)
    akun = _akun_di(data)
    if args.nama not in akun:
        raise GalatAlat(f"Akun '{args.nama}' tidak ada di {args.berkas}.")
    admin_lain = [n for n, e in akun.items() if n != args.nama and e.get("peran") == "admin"]
    if akun[args.nama].get("peran") == "admin" and not admin_lain and not args.paksa:
        raise GalatAlat(
            f"'{args.nama}' adalah admin terakhir: tanpa admin tidak ada yang dapat melihat riwayat atau "
            "mengembalikan versi. Tambah admin lain dulu, atau ulangi dengan --paksa."
        )
    del akun[args.nama]
    tulis(args.berkas, ganti_akun(teks, akun))
    print(f"Akun '{args.nama}' dihapus dari {args.berkas}.", file=out)


def daftar(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> None:
    _, data = baca(args.berkas)
    try:
        semua = muat_akun(data, _wilayah())
    except AkunTidakSah as e:
        raise GalatAlat(str(e)) from None
    if not semua:
        print(f"Belum ada akun di {args.berkas}.", file=out)
        return
    lebar = max(4, *(len(n) for n in semua))
    print(f"{'nama':<{lebar}}  {'peran':<9}  kelurahan", file=out)
    for a in semua.values():
        print(f"{a.nama:<{lebar}}  {a.peran:<9}  {a.kelurahan or '-'}", file=out)


class _Pengurai(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"galat: {message}\n")


def _nama(teks: str) -> str:
    try:
        return cek_nama(teks)
    except AkunTidakSah as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def pengurai() -> argparse.ArgumentParser:
    p = _Pengurai(prog="python -m alat.akun", description="Kelola akun unggah realisasi di secrets aplikasi.")
    sub = p.add_subparsers(dest="perintah", required=True, parser_class=_Pengurai)

    def umum(s: argparse.ArgumentParser) -> None:
        s.add_argument(
            "--berkas", type=Path, default=BERKAS_BAWAAN, help="berkas secrets (bawaan: .streamlit/secrets.toml)"
        )

    s = sub.add_parser("tambah", help="tambah akun baru")
    s.add_argument("nama", type=_nama)
    s.add_argument("--peran", choices=PERAN, required=True)
    s.add_argument("--kelurahan", help="wajib untuk peran kelurahan")
    s.add_argument("--sandi-stdin", action="store_true", help="baca kata sandi dari satu baris stdin")
    umum(s)
    s.set_defaults(fungsi=tambah)

    s = sub.add_parser("setel-ulang", help="ganti kata sandi akun")
    s.add_argument("nama", type=_nama)
    s.add_argument("--sandi-stdin", action="store_true", help="baca kata sandi dari satu baris stdin")
    umum(s)
    s.set_defaults(fungsi=setel_ulang)

    s = sub.add_parser("hapus", help="hapus akun")
    s.add_argument("nama", type=_nama)
    s.add_argument("--paksa", action="store_true", help="boleh menghapus admin terakhir")
    umum(s)
    s.set_defaults(fungsi=hapus)

    s = sub.add_parser("daftar", help="daftar akun (tanpa hash)")
    umum(s)
    s.set_defaults(fungsi=daftar)
    return p


def main(argv: list[str] | None = None, stdin: TextIO | None = None, out: TextIO | None = None) -> int:
    args = pengurai().parse_args(argv)
    try:
        args.fungsi(args, stdin or sys.stdin, out or sys.stdout)
    except GalatAlat as e:
        print(f"galat: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\ndibatalkan; tidak ada yang diubah.", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
