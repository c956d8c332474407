"""Reading a filled realisasi template, checked completely before anything is stored.

Every upload goes through the same steps, each listing every problem it finds (sheet, Excel
row, column header and letter, in Bahasa Indonesia); one problem refuses the whole upload
and nothing is returned, so nothing can be stored:

1. the archive (``loaders.arsip.buka`` with an upload's limits): size, zip structure, parts
   inflated under a cap whatever the headers claim, DTD/ENTITY in any part and encoding;
2. what the workbook holds besides cells (``loaders.arsip.periksa_isi``): macros, external
   links, embedded objects, comments, drawings ...; extra sheets and defined names;
3. the cells (``loaders.buku_kerja``, not openpyxl): the hidden ``manifest`` sheet names the
   Renstra, year, kelurahan and rows; **every prefilled cell must be exactly what the
   template was made with** for that year and scope (``realisasi.templat.isi_templat``), and
   nothing may stand outside the template's cells;
4. each data row (``_PEMERIKSA_BARIS``): its key is a T-C.27 row of that year within the
   uploader's kelurahan, listed in the manifest, not repeated, its locked cells unchanged;
   then the two realisasi cells: plain numbers, in bounds (bounds are checked before a value
   is ever formatted); for a triwulan template also against the quarters already stored
   (``tersimpan``): the same way of filling (kumulatif or per triwulan) all year, and kumulatif
   figures that do not decrease from one quarter to the next (refused for Rupiah, warned for K:
   a warning is returned with the records, ``Bacaan.peringatan``, and does not refuse).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import pandas as pd
from openpyxl.utils import get_column_letter

import formatting
from loaders import arsip, buku_kerja
from loaders.buku_kerja import Buku, Lembar, Sel
from loaders.errors import DaftarMasalahError, Masalah, RenstraError
from loaders.renstra import Renstra
from metrics import triwulan as mt
from realisasi import KOLOM_REALISASI, KOLOM_TRIWULAN, TIPE_REALISASI, TIPE_TRIWULAN
from realisasi.templat import (
    BARIS_AWAL,
    BARIS_JUDUL_KOLOM,
    ISIAN_KUMULATIF,
    ISIAN_PER_TRIWULAN,
    JENIS_TEMPLAT,
    KELIPATAN_PAGU,
    KOLOM,
    LEMBAR_DATA,
    LEMBAR_MANIFEST,
    NOMOR_KOLOM,
    PENANDA_BARIS,
    ROMAWI,
    VERSI_TEMPLAT,
    IsiTemplat,
    adalah_persen,
    baris_templat,
    batas_baris,
    id_renstra,
    isi_templat,
    kunci_baris,
    memuat_pagu,
    pagu_terbesar,
    satuan_teks,
)
from realisasi.triwulan import aturan_renstra

BATAS = arsip.Batas(
    berkas=5 * arsip.MB,  # an upload: a filled template is about 50 KB
    isi=20 * arsip.MB,  # all parts together, inflated
    bagian=500,
    rasio=100,
    rasio_mulai=arsip.MB,
)
BATAS_BERKAS = BATAS.berkas
BATAS_SEL = 60_000  # cells of both sheets together (a whole-kecamatan template has about 640)
BATAS_BARIS = 5000  # filled rows of the data sheet
BATAS_ANGKA = 1e15  # any realisasi above this is a slip, refused before it is formatted

_KUNCI = re.compile(r"^(?P<tahun>\d{4})/(?P<item>\S+)#(?P<ke>\d+)$")
_NILAI = "B 'nilai'"  # the manifest's value column
_TEKS_ANGKA = re.compile(r"^\s*(rp\.?)?\s*[-+]?[\d.,\s]+\s*%?\s*$", re.IGNORECASE)
_KOLOM_ISIAN = (NOMOR_KOLOM["realisasi"], NOMOR_KOLOM["realisasi_rp"])


class UnggahanError(DaftarMasalahError):
    """An upload refused; ``masalah`` lists every problem found (sheet, row, column, message)."""

    JUDUL = "Unggahan ditolak"


def kolom_label(kunci: str) -> str:
    """``'realisasi'`` -> ``"H 'Realisasi'"``."""
    return _label(NOMOR_KOLOM[kunci])


def _label(j: int) -> str:
    return f"{get_column_letter(j)} '{KOLOM[j - 1][1]}'" if j <= len(KOLOM) else get_column_letter(j)


def _tolak(pesan: str, nama: str) -> UnggahanError:
    return UnggahanError([Masalah(pesan)], nama)


def buka_buku(data: bytes, nama: str) -> Buku:
    """Steps 1-2: the archive and what it holds; the cells of every sheet. Raises UnggahanError."""
    try:
        a = arsip.buka(
            data, nama, BATAS, saran_ukuran="templat yang diisi hanya puluhan KB",
            saran_format="unggah templat yang diunduh dari dasbor",
        )  # fmt: skip
        lembar = arsip.nama_lembar(a)
    except arsip.DTDError as e:
        raise UnggahanError([Masalah(e.pesan, lembar=e.lembar)], nama) from None
    except RenstraError as e:
        raise _tolak(e.pesan, nama) from None
    masalah = [Masalah(pesan, lembar=w) for pesan, w in arsip.periksa_isi(a, lembar)]
    masalah += _lembar_asing(list(lembar.values()))  # before any cell is read: extra sheets cost nothing
    if masalah:
        raise UnggahanError(masalah, nama)
    try:
        return buku_kerja.baca(a, batas_sel=BATAS_SEL)
    except RenstraError as e:
        raise _tolak(e.pesan, nama) from None


def _lembar(buku: Buku, nama: str) -> tuple[Lembar, Lembar]:
    """The manifest and data sheets; no other sheet, no defined name of the user's."""
    if LEMBAR_MANIFEST not in buku:
        raise _tolak(
            f"buku kerja tidak punya lembar tersembunyi '{LEMBAR_MANIFEST}': ini bukan templat realisasi "
            "dari dasbor. Unduh templat, isi, lalu unggah berkas itu",
            nama,
        )
    masalah = []
    for n in buku.nama_tetap_asing():
        masalah.append(
            Masalah(f"buku kerja memuat nama tetap (Defined Name) '{arsip.teks_bagian(n)}' yang bukan bagian templat")
        )
    if masalah:
        raise UnggahanError(masalah, nama)
    return buku[LEMBAR_MANIFEST], buku[LEMBAR_DATA]


def _lembar_asing(nama_lembar: list[str]) -> list[Masalah]:
    """The data sheet missing, or a sheet the template does not have."""
    masalah = []
    if LEMBAR_DATA not in nama_lembar and LEMBAR_MANIFEST in nama_lembar:
        lain = ", ".join(f"'{arsip.teks_bagian(n)}'" for n in nama_lembar if n != LEMBAR_MANIFEST)
        masalah.append(Masalah(f"lembar '{LEMBAR_DATA}' tidak ada (lembar yang ada: {lain or '-'})"))
    for n in nama_lembar:
        if n not in (LEMBAR_DATA, LEMBAR_MANIFEST):
            pesan = f"lembar tambahan '{arsip.teks_bagian(n)}' bukan bagian templat; hapus lembar itu (isi hanya lembar 'Realisasi')"
            masalah.append(Masalah(pesan, lembar=arsip.teks_bagian(n)))
    return masalah


def _teks(s: Sel) -> str:
    """A cell as text; a boolean as Excel writes it (TRUE/FALSE), never Python's spelling."""
    if isinstance(s.nilai, bool):
        return "TRUE" if s.nilai else "FALSE"
    return "" if s.nilai is None else str(s.nilai).strip()


def _kosong(s: Sel) -> bool:
    return s.nilai is None or (isinstance(s.nilai, str) and s.nilai.strip() == "")


def _sama(s: Sel, harap: Any) -> bool:
    """Whether a cell holds exactly what the template wrote there (whitespace runs aside)."""
    if s.rumus:
        return False
    if harap is None:
        return _kosong(s)
    if isinstance(harap, str):
        return s.jenis == "s" and " ".join(str(s.nilai).split()) == " ".join(harap.split())
    if s.jenis != "n" or isinstance(s.nilai, bool) or not isinstance(s.nilai, int | float):
        return False
    return math.isclose(float(s.nilai), float(harap), rel_tol=1e-12, abs_tol=1e-9)


def _tampil(s: Sel | Any) -> str:
    """A cell's content for a message: short, never a repr."""
    v = s.nilai if isinstance(s, Sel) else s
    if v is None or v == "":
        return "(kosong)"
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    teks = formatting.angka(v) if isinstance(v, int | float) else str(v)
    teks = " ".join(teks.split())
    return f"'{teks[:40]}…'" if len(teks) > 40 else f"'{teks}'"


Periode = tuple[int | None, bool]  # (triwulan or None for the year, kumulatif)


def _periode(isi: Callable[[str], tuple[str, int | None]]) -> tuple[list[Masalah], Periode]:
    """The manifest's triwulan (absent: the year) and way of filling; a triwulan outside I-IV refused."""
    tw, i = isi("triwulan")
    cara, j = isi("isian")
    if i is None and j is None:
        return [], (None, False)
    masalah = []
    if tw not in ("1", "2", "3", "4"):
        pesan = f"triwulan '{tw[:20] or '?'}' tidak sah: triwulan hanya I, II, III atau IV; unduh templat triwulan lagi"
        masalah.append(Masalah(pesan, LEMBAR_MANIFEST, i or j, _NILAI))
    if cara not in (ISIAN_KUMULATIF, ISIAN_PER_TRIWULAN):
        pesan = f"isian '{cara[:20] or '?'}' tidak sah: '{ISIAN_KUMULATIF}' atau '{ISIAN_PER_TRIWULAN}'; unduh templat triwulan lagi"
        masalah.append(Masalah(pesan, LEMBAR_MANIFEST, j or i, _NILAI))
    if masalah:
        return masalah, (None, False)
    return [], (int(tw), cara == ISIAN_KUMULATIF)


def _manifest(
    w: Lembar, r: Renstra, tahun: int, kelurahan: str | None, kunci_renstra: set[str]
) -> tuple[list[Masalah], str, Periode]:
    """Check the manifest's identity (Renstra, version, year, triwulan, kelurahan, rows); return its problems,
    kelurahan and periode.

    Identity first, with a message per field; cell-by-cell equality comes after (``_manifest_utuh``).
    """
    M = LEMBAR_MANIFEST
    nilai: dict[str, tuple[str, int]] = {}
    kunci: set[str] = set()
    masalah: list[Masalah] = []
    tidak_ada: list[tuple[str, int]] = []
    di_tabel = False
    for i in sorted({n for n, _ in w.sel}):
        a, b, c = (w[(i, j)] for j in (1, 2, 3))
        if any(x.rumus for x in (a, b, c)):
            masalah.append(Masalah("lembar manifest berisi rumus; unduh templat baru", M, i))
            continue
        if _teks(a) == PENANDA_BARIS:
            di_tabel = True
            continue
        if di_tabel:
            if _kosong(b):
                continue
            ke = _teks(c)
            if not ke.isdigit() or c.jenis not in ("n", "s"):
                masalah.append(Masalah(f"indikator_ke {_tampil(c)} bukan bilangan bulat", M, i, "C 'indikator_ke'"))
                continue
            k = kunci_baris(_teks(b), int(ke), tahun)
            kunci.add(k)
            if k not in kunci_renstra:
                tidak_ada.append((k, i))
        elif _teks(a):
            nilai[_teks(a)] = (_teks(b), i)

    def isi(k: str) -> tuple[str, int | None]:
        v, i = nilai.get(k, ("", None))
        return v, i

    jenis, i = isi("jenis")
    if jenis != JENIS_TEMPLAT:
        pesan = "lembar manifest bukan milik templat realisasi T-C.27; unduh templat dari dasbor"
        return [Masalah(pesan, M, i, _NILAI)], "", (None, False)
    versi, i = isi("versi_templat")
    if versi != str(VERSI_TEMPLAT):
        pesan = f"templat versi '{versi[:20]}', dasbor memakai versi {VERSI_TEMPLAT}; unduh templat baru"
        return [Masalah(pesan, M, i, _NILAI)], "", (None, False)
    rid, i = isi("renstra_id")
    if rid != id_renstra(r):
        pesan = f"templat ini untuk Renstra '{rid[:60] or '?'}', bukan '{id_renstra(r)}'; unduh templat yang benar"
        masalah.append(Masalah(pesan, M, i, _NILAI))
    th, i = isi("tahun")
    if th != str(int(tahun)):
        pesan = f"templat ini untuk tahun {th[:20] or '?'}, bukan tahun {tahun} yang dipilih; unduh templat {tahun}"
        masalah.append(Masalah(pesan, M, i, _NILAI))
    salah_periode, periode = _periode(isi)
    masalah += salah_periode
    kel, i = isi("kelurahan")
    if kelurahan is not None and kel != kelurahan:
        asal = f"kelurahan {kel[:40]}" if kel else "seluruh kecamatan"
        pesan = (
            f"templat ini untuk {asal}, bukan kelurahan {kelurahan}; akun kelurahan {kelurahan} hanya "
            f"boleh mengunggah templat kelurahan {kelurahan}"
        )
        masalah.append(Masalah(pesan, M, i, _NILAI))
    if kel and kel not in r.kelurahan:
        masalah.append(Masalah(f"kelurahan '{kel[:40]}' tidak dikenal di Renstra ini", M, i, _NILAI))
    if tidak_ada and not masalah:  # same Renstra id and year, yet rows that are not in it
        for k, i in tidak_ada[:10]:
            pesan = (
                f"baris templat '{k[:60]}' tidak ada di T-C.27 tahun {tahun} Renstra ini (Renstra sudah berubah?); "
                "unduh templat baru"
            )
            masalah.append(Masalah(pesan, M, i, "B 'item_id'"))
    if not kunci and not masalah:
        masalah.append(Masalah("daftar baris templat tidak ada di lembar manifest; unduh templat baru", M))
    return masalah, kel, periode


def _sel_berubah(
    w: Lembar, harap: dict[tuple[int, int], Any], sel: set[tuple[int, int]], saran: str, label: Callable[[int], str]
) -> list[Masalah]:
    """Cells of ``sel`` whose content differs from ``harap`` (what the template wrote), each named."""
    masalah = []
    for n, j in sorted(sel):
        ada, h = w[(n, j)], harap.get((n, j))
        if _sama(ada, h):
            continue
        rumus = " (rumus)" if ada.rumus else ""
        if h is None:
            pesan = f"sel {get_column_letter(j)}{n} berisi {_tampil(ada)}{rumus}, padahal templat mengosongkannya"
        else:
            pesan = f"isi sel {get_column_letter(j)}{n} berubah: {_tampil(ada)}{rumus}, seharusnya {_tampil(h)}"
        masalah.append(Masalah(f"{pesan}; {saran}", w.nama, n, label(j)))
    return masalah


def _label_manifest(j: int) -> str:
    return {1: "A 'kunci'", 2: _NILAI}.get(j, get_column_letter(j))


def _manifest_utuh(w: Lembar, isi: IsiTemplat) -> list[Masalah]:
    """Every cell of the manifest exactly as the template wrote it for this year and scope."""
    semua = set(w.sel) | set(isi.manifest)
    return _sel_berubah(w, isi.manifest, semua, "lembar manifest tidak boleh diubah", _label_manifest)


def _kepala_utuh(w: Lembar, isi: IsiTemplat) -> list[Masalah]:
    """Rows above the data as written (title, instructions); the header row has its own check."""
    sel = {(n, j) for n, j in set(w.sel) | set(isi.data) if n < BARIS_JUDUL_KOLOM}
    return _sel_berubah(w, isi.data, sel, "baris judul templat tidak boleh diubah", _label)


def _di_luar(w: Lembar) -> list[Masalah]:
    """Anything right of the template's columns (below its header row: the header has its own check)."""
    masalah = []
    for n, j in sorted(k for k in w.sel if k[1] > len(KOLOM) and k[0] != BARIS_JUDUL_KOLOM):
        if _kosong(w[(n, j)]) and not w[(n, j)].rumus:
            continue
        pesan = (
            f"sel {get_column_letter(j)}{n} di luar kolom templat berisi {_tampil(w[(n, j)])}"
            f"{' (rumus)' if w[(n, j)].rumus else ''}; hapus isinya (isi hanya kolom Realisasi dan Realisasi (Rp))"
        )
        masalah.append(Masalah(pesan, w.nama, n, get_column_letter(j)))
    return masalah


def _judul(w: Lembar) -> list[Masalah]:
    """The header row as written by the template: every column present, in place, nothing added."""
    r = BARIS_JUDUL_KOLOM
    lebar = max([len(KOLOM) + 5] + [j for n, j in w.sel if n == r])
    ada = [_teks(w[(r, j)]) for j in range(1, lebar + 1)]
    normal = [re.sub(r"\s+", " ", x).lower() for x in ada]
    masalah = []
    pindah: set[int] = set()
    for j, (_, judul, _) in enumerate(KOLOM, start=1):
        if normal[j - 1] == judul.lower() and not w[(r, j)].rumus:
            continue
        huruf = get_column_letter(j)
        di_sini = f"di kolom {huruf} ada '{ada[j - 1][:40]}'" if ada[j - 1] else f"judul kolom {huruf} kosong"
        if judul.lower() in normal:
            ke = normal.index(judul.lower()) + 1
            pindah.add(ke)
            pesan = (
                f"kolom '{judul}' berpindah ke kolom {get_column_letter(ke)}; seharusnya di kolom {huruf}. "
                "Unduh templat baru"
            )
        else:
            pesan = f"kolom '{judul}' hilang ({di_sini}); kembalikan kolomnya atau unduh templat baru"
        masalah.append(Masalah(pesan, LEMBAR_DATA, r, f"{huruf} '{judul}'"))
    for j in range(len(KOLOM) + 1, len(ada) + 1):
        if (ada[j - 1] or w[(r, j)].rumus) and j not in pindah:
            pesan = f"ada kolom tambahan {_tampil(w[(r, j)])} yang bukan bagian templat"
            masalah.append(Masalah(pesan, LEMBAR_DATA, r, get_column_letter(j)))
    return masalah


def _format_persen(fmt: str) -> bool:
    """Whether an Excel number format shows the value x 100 with a percent sign."""
    tanpa_literal = re.sub(r'"[^"]*"|\\.', "", fmt)
    return "%" in tanpa_literal


def _angka(s: Sel, persen: bool) -> tuple[float | int | None, str | None]:
    """A realisasi cell as a number, or why it is not one. Never guesses from text."""
    if s.rumus:
        return None, (
            f"berisi rumus {_tampil(s)}; ketik angkanya, bukan rumus "
            "(rumus ditolak walau Excel sudah menghitung hasilnya)"
        )
    if _kosong(s):
        return None, None
    v = s.nilai
    if s.jenis == "e":
        return None, f"berisi galat Excel {_tampil(s)}, bukan angka"
    if s.jenis == "b" or isinstance(v, bool):
        return None, f"berisi nilai {'TRUE' if v else 'FALSE'}, bukan angka"
    if s.jenis == "d" or isinstance(v, datetime | date | time | timedelta):
        return None, "berisi tanggal/waktu, bukan angka (format sel berubah?); ketik angkanya lagi"
    if isinstance(v, str):
        if _TEKS_ANGKA.match(v):
            return None, (
                f"berisi teks {_tampil(s)}, bukan angka. Ketik angkanya di sel angka tanpa titik ribuan, "
                "tanpa 'Rp' atau '%' (mis. 1500000 atau 95,5)"
            )
        return None, f"berisi teks {_tampil(s)}, bukan angka"
    if not isinstance(v, int | float) or math.isnan(v):
        return None, "berisi angka yang tidak sah"
    if abs(v) > BATAS_ANGKA:  # inf too: a number beyond what a float holds
        return None, f"angka terlalu besar (lebih dari {formatting.angka(BATAS_ANGKA)}); periksa salah ketik"
    if _format_persen(s.format):
        if not persen:
            return None, "sel berformat persen, padahal satuan indikator ini bukan %; ketik angka biasa"
        v = round(v * 100, 9)  # 95% in Excel is stored as 0.95; the record keeps percent points
    return v, None


@dataclass
class _Baris:
    """One data row under check: its cells and, once its key is known, its Renstra row."""

    n: int
    sel: dict[str, Sel]
    kunci: str = ""
    b: Any = None
    real: float | int | None = None
    rp: int | None = None


@dataclass
class _Konteks:
    """What the row checks share: the year's Renstra rows, the template's cells, the scope."""

    tahun: int
    renstra: dict[str, Any]
    isi: IsiTemplat
    lingkup: str | None
    terlihat: dict[str, int]
    terbesar: int | None
    triwulan: int | None = None  # None: a template for the year
    kumulatif: bool = False
    # Quarters of this year already stored, by (item_id, indikator_ke): {triwulan: (realisasi, Rp, kumulatif)}
    tersimpan: dict[tuple[str, int], dict[int, tuple[float | None, int | None, bool]]] | None = None
    peringatan: list[Masalah] | None = None


def _cek_kunci(x: _Baris, k: _Konteks) -> list[Masalah]:
    s = x.sel["kunci"]
    x.kunci = _teks(s)
    kol = kolom_label("kunci")
    if _kosong(s) and not s.rumus:
        pesan = (
            "baris tanpa ID baris: baris ini tidak berasal dari templat (baris yang ditambahkan "
            "tidak dapat dicocokkan dengan Renstra)"
        )
        return [Masalah(pesan, LEMBAR_DATA, x.n, kol)]
    if s.rumus or s.jenis != "s":
        return [Masalah("ID baris harus teks dari templat, bukan rumus atau angka", LEMBAR_DATA, x.n, kol)]
    if not _KUNCI.match(x.kunci) or x.kunci not in k.renstra:
        pesan = (
            f"ID baris '{x.kunci[:40]}' bukan baris T-C.27 tahun {k.tahun} di Renstra ini; baris yang tidak ada "
            "di Renstra ditolak"
        )
        return [Masalah(pesan, LEMBAR_DATA, x.n, kol)]
    if x.kunci in k.terlihat:
        pesan = f"baris ganda: ID baris '{x.kunci}' sudah ada di baris {k.terlihat[x.kunci]}"
        return [Masalah(pesan, LEMBAR_DATA, x.n, kol)]
    k.terlihat[x.kunci] = x.n
    x.b = k.renstra[x.kunci]
    return []


def _cek_lingkup(x: _Baris, k: _Konteks) -> list[Masalah]:
    kel_baris = str(x.b["kelurahan"] or "")
    if k.lingkup is None or kel_baris == k.lingkup:
        return []
    milik = f"kelurahan {kel_baris}" if kel_baris else "tingkat kecamatan"
    pesan = (
        f"baris milik {milik}, bukan kelurahan {k.lingkup}; hanya baris kelurahan {k.lingkup} yang boleh "
        "ada di unggahan ini"
    )
    return [Masalah(pesan, LEMBAR_DATA, x.n, kolom_label("kelurahan"))]


def _cek_terkunci(x: _Baris, k: _Konteks) -> list[Masalah]:
    """Every locked cell of the row as the template wrote it for this key (its year included).

    The manifest is intact by now and names the scope, so every key within the scope has its row.
    """
    asal = k.isi.baris_kunci[x.kunci]
    masalah = []
    for kol, j in NOMOR_KOLOM.items():
        if j in _KOLOM_ISIAN or kol == "kunci":
            continue
        ada, harap = x.sel[kol], k.isi.data.get((asal, j))
        if not _sama(ada, harap):
            pesan = (
                f"isi kolom terkunci berubah: {_tampil(ada)}{' (rumus)' if ada.rumus else ''}, seharusnya "
                f"{_tampil(harap)} untuk ID baris '{x.kunci}'; kolom ini tidak boleh diubah"
            )
            masalah.append(Masalah(pesan, LEMBAR_DATA, x.n, kolom_label(kol)))
    return masalah


def _cek_nilai(x: _Baris, k: _Konteks) -> list[Masalah]:
    """The two realisasi cells (both checked, both named): plain numbers within their bounds."""
    x.real, salah_real = _realisasi(x, k)
    x.rp, salah_rp = _realisasi_rp(x, k)
    return salah_real + salah_rp


def _tersimpan(x: _Baris, k: _Konteks) -> dict[int, tuple[float | None, int | None, bool]]:
    """The other quarters of this row's year already stored (a triwulan template only)."""
    if k.triwulan is None or not k.tersimpan or (x.real is None and x.rp is None):
        return {}
    lain = k.tersimpan.get((str(x.b["item_id"]), int(x.b["indikator_ke"])), {})
    return {t: v for t, v in lain.items() if t != k.triwulan}


def _cara(kumulatif: bool) -> str:
    return "kumulatif" if kumulatif else "per triwulan (bukan kumulatif)"


def _cek_cara_isian(x: _Baris, k: _Konteks) -> list[Masalah]:
    """One way of filling per row and year: kumulatif and per-quarter figures never mixed."""
    beda = sorted(t for t, (_, _, kum) in _tersimpan(x, k).items() if kum != k.kumulatif)
    if not beda:
        return []
    tw = ", ".join(ROMAWI[t] for t in beda)
    pesan = (
        f"triwulan {tw} baris ini tersimpan {_cara(not k.kumulatif)}, templat ini {_cara(k.kumulatif)}; "
        f"satu tahun diisi dengan satu cara: unduh templat triwulan {ROMAWI[k.triwulan or 1]} {_cara(not k.kumulatif)}"
    )
    return [Masalah(pesan, LEMBAR_DATA, x.n, kolom_label("realisasi"))]


def _turun(x: _Baris, k: _Konteks, ke: int, nilai: float | int | None) -> str | None:
    """A message when this kumulatif figure breaks the order of the stored quarters, else None."""
    seri = {t: v[ke] for t, v in _tersimpan(x, k).items()}
    if not k.kumulatif or nilai is None or not seri:
        return None
    seri[k.triwulan or 0] = nilai
    rp = ke == 1
    for a, va, b, vb in mt.turun(seri):
        if k.triwulan in (a, b):
            tulis = formatting.rupiah if rp else formatting.angka
            return (
                f"{'Realisasi (Rp)' if rp else 'Realisasi'} kumulatif triwulan {ROMAWI[b]} ({tulis(vb)}) lebih kecil "
                f"dari triwulan {ROMAWI[a]} ({tulis(va)})"
            )
    return None


def _cek_kumulatif(x: _Baris, k: _Konteks) -> list[Masalah]:
    """Kumulatif figures never decrease: refused for Rupiah; for K only a warning (a level may fall)."""
    salah_k, salah_rp = _turun(x, k, 0, x.real), _turun(x, k, 1, x.rp)
    if salah_k and k.peringatan is not None:
        pesan = f"{salah_k}; periksa angkanya (tetap dapat disimpan bila memang turun)"
        k.peringatan.append(Masalah(pesan, LEMBAR_DATA, x.n, kolom_label("realisasi")))
    if salah_rp:
        pesan = f"{salah_rp}; Rupiah kumulatif tidak boleh turun. Periksa isian ini atau triwulan yang tersimpan"
        return [Masalah(pesan, LEMBAR_DATA, x.n, kolom_label("realisasi_rp"))]
    return []


# The row checks, in order; the first that finds a problem ends the row's check.
_PEMERIKSA_BARIS: tuple[Callable[[_Baris, _Konteks], list[Masalah]], ...] = (
    _cek_kunci,
    _cek_lingkup,
    _cek_terkunci,
    _cek_nilai,
    _cek_cara_isian,
    _cek_kumulatif,
)


def _realisasi(x: _Baris, k: _Konteks) -> tuple[float | int | None, list[Masalah]]:
    """The row's realisasi in its unit, within the sane bound."""
    persen = adalah_persen(x.b["satuan"])
    maks = batas_baris(x.b, k.terbesar).realisasi
    real, salah = _angka(x.sel["realisasi"], persen)
    if not salah and real is not None and real < 0:
        salah = f"realisasi negatif ({formatting.angka(real)}); tidak boleh di bawah 0"
    elif not salah and real is not None and real > maks:
        if persen:
            salah = (
                f"realisasi {formatting.angka(real)} % melebihi batas wajar {formatting.angka(maks)} % "
                "(salah ketik? 95,5 % ditulis 95,5)"
            )
        else:
            salah = f"realisasi {formatting.angka(real)} {satuan_teks(x.b['satuan'])} melebihi batas wajar {formatting.angka(maks)}"
    if salah:
        return None, [Masalah(salah, LEMBAR_DATA, x.n, kolom_label("realisasi"))]
    return real, []


def _realisasi_rp(x: _Baris, k: _Konteks) -> tuple[int | None, list[Masalah]]:
    rp, salah = _angka(x.sel["realisasi_rp"], False)
    if not salah and rp is not None:
        rp, salah = _rupiah(rp, x.b, batas_baris(x.b, k.terbesar).realisasi_rp)
    if salah:
        return None, [Masalah(salah, LEMBAR_DATA, x.n, kolom_label("realisasi_rp"))]
    return rp, []


Tersimpan = dict[tuple[str, int], dict[int, tuple[float | None, int | None, bool]]]


@dataclass(frozen=True)
class Bacaan:
    """A checked upload: its records (``KOLOM_REALISASI``, or ``KOLOM_TRIWULAN`` for a triwulan template),
    the triwulan it reports (None: the year), how its figures are filled, and warnings that do not refuse."""

    rekaman: pd.DataFrame
    triwulan: int | None = None
    kumulatif: bool = False
    peringatan: tuple[Masalah, ...] = ()


def baca_unggahan(
    data: bytes, r: Renstra, tahun: int, kelurahan: str | None = None, nama_berkas: str = ""
) -> pd.DataFrame:
    """The realisasi records of a filled template (only rows where something was filled); see :func:`baca`."""
    return baca(data, r, tahun, kelurahan, nama_berkas).rekaman


def tersimpan_dari(keadaan_triwulan: pd.DataFrame) -> Tersimpan:
    """The stored quarters (``Gudang.keadaan_triwulan``) in the shape the row checks compare with."""
    hasil: Tersimpan = {}
    for b in keadaan_triwulan.itertuples(index=False):
        real = None if pd.isna(b.realisasi) else float(b.realisasi)
        rp = None if pd.isna(b.realisasi_rp) else int(b.realisasi_rp)
        hasil.setdefault((str(b.item_id), int(b.indikator_ke)), {})[int(b.triwulan)] = (real, rp, bool(b.kumulatif))
    return hasil


def baca(
    data: bytes,
    r: Renstra,
    tahun: int,
    kelurahan: str | None = None,
    nama_berkas: str = "",
    tersimpan: Tersimpan | None = None,
) -> Bacaan:
    """A filled template of the year or of one of its triwulan, checked completely.

    ``kelurahan`` is the uploader's own kelurahan (``None`` for an admin): the template must
    be that kelurahan's and every row must belong to it. ``tersimpan``: the quarters of
    ``tahun`` already stored (:func:`tersimpan_dari`), for the checks across quarters. Raises
    :class:`UnggahanError` listing every problem; nothing is returned then, so nothing can be stored.
    """
    nama = nama_berkas or "unggahan"
    baris_templat(r, tahun, kelurahan)  # refuses an unknown year/kelurahan
    wm, wd = _lembar(buka_buku(data, nama), nama)

    tahun_ini = r.rencana[r.rencana["tahun"] == int(tahun)]
    renstra = {kunci_baris(b["item_id"], b["indikator_ke"], tahun): b for _, b in tahun_ini.iterrows()}
    masalah, kel_manifest, (triwulan, kumulatif) = _manifest(wm, r, tahun, kelurahan, set(renstra))
    if masalah:
        raise UnggahanError(masalah, nama)
    isi = isi_templat(r, tahun, kel_manifest or None, triwulan, kumulatif)
    masalah += _manifest_utuh(wm, isi)
    baris_terisi = sorted({n for n, _ in wd.sel if n >= BARIS_AWAL})
    if len(baris_terisi) > BATAS_BARIS:
        masalah.append(Masalah(f"lembar terlalu panjang (lebih dari {BATAS_BARIS} baris terisi)", LEMBAR_DATA))
    masalah += _judul(wd) + _kepala_utuh(wd, isi) + _di_luar(wd)
    if masalah:
        raise UnggahanError(masalah, nama)

    k = _Konteks(
        tahun=int(tahun), renstra=renstra, isi=isi, lingkup=kelurahan if kelurahan is not None else (kel_manifest or None),
        terlihat={}, terbesar=pagu_terbesar(tahun_ini), triwulan=triwulan, kumulatif=kumulatif,
        tersimpan=tersimpan or {}, peringatan=[],
    )  # fmt: skip
    rekaman = []
    for n in baris_terisi:
        x = _Baris(n, {kol: wd[(n, j)] for kol, j in NOMOR_KOLOM.items()})
        if all(_kosong(s) and not s.rumus for s in x.sel.values()):
            continue
        salah = next((m for cek in _PEMERIKSA_BARIS if (m := cek(x, k))), [])
        if salah:
            masalah += salah
        elif x.real is not None or x.rp is not None:
            rekaman.append(_rekaman(x, k, x.real, x.rp))
    if masalah:
        raise UnggahanError(masalah, nama)
    if not rekaman:
        raise _tolak(
            f"tidak ada satu pun Realisasi atau Realisasi (Rp) yang diisi di lembar '{LEMBAR_DATA}'; "
            "isi sel kuning lalu unggah lagi",
            nama,
        )
    df = pd.DataFrame(rekaman).sort_values("_urutan", kind="stable")
    if triwulan is None:
        return Bacaan(df[list(KOLOM_REALISASI)].reset_index(drop=True).astype(TIPE_REALISASI))
    df = _dengan_aturan(df.assign(triwulan=triwulan, kumulatif=kumulatif), r)
    return Bacaan(df, triwulan, kumulatif, tuple(k.peringatan or ()))


def _dengan_aturan(df: pd.DataFrame, r: Renstra) -> pd.DataFrame:
    """Triwulan records with the rule of each indicator as the Renstra declares it (recorded with the upload)."""
    aturan = aturan_renstra(r).drop(columns="asal")
    df = df.merge(
        aturan.astype({"tahun": "int64", "indikator_ke": "int64"}), on=["tahun", "item_id", "indikator_ke"], how="left"
    )
    return df[list(KOLOM_TRIWULAN)].reset_index(drop=True).astype(TIPE_TRIWULAN)


def _rekaman(x: _Baris, k: _Konteks, real: float | int | None, rp: int | None) -> dict[str, Any]:
    return {
        "tahun": k.tahun,
        "item_id": str(x.b["item_id"]),
        "indikator_ke": int(x.b["indikator_ke"]),
        "kelurahan": str(x.b["kelurahan"] or ""),
        "realisasi": pd.NA if real is None else float(real),
        "realisasi_rp": pd.NA if rp is None else int(rp),
        "_urutan": k.isi.baris_kunci[x.kunci],
    }


def _rupiah(v: float | int, b: Any, maks: int | None) -> tuple[int | None, str | None]:
    """Rupiah spent: whole, not negative, on a row that carries a pagu, within the sane bound."""
    if not memuat_pagu(b) or maks is None:
        return None, (
            "baris ini tidak memuat pagu, jadi Realisasi (Rp) tidak diisi di sini; isi pada baris "
            "indikator yang memuat pagu kegiatan ini"
        )
    if isinstance(v, float) and not v.is_integer():
        return None, f"Rupiah harus bilangan bulat tanpa sen ({formatting.angka(v)}); bulatkan ke Rupiah utuh"
    v = int(v)
    if v < 0:
        return None, f"Realisasi (Rp) negatif ({formatting.rupiah(v)}); tidak boleh di bawah 0"
    if v > maks:
        dasar = (
            f"{KELIPATAN_PAGU} × pagu {formatting.rupiah(b['pagu'])}"
            if not pd.isna(b["pagu"])
            else "pagu tidak terbaca"
        )
        return None, f"Realisasi (Rp) {formatting.rupiah(v)} melebihi batas wajar {formatting.rupiah(maks)} ({dasar})"
    return v, None
