"""Reading a filled realisasi template, checked completely before anything is stored.

The file is checked before it is parsed (empty, size, zip, zip bomb, XML DTD/entities),
then parsed with openpyxl (which uses defusedxml), then matched against the hidden
``manifest`` sheet and the Renstra: same Renstra, year and kelurahan, unchanged header,
every row a T-C.27 row of that year within the uploader's kelurahan, no duplicates, and
plain numbers in the two realisasi columns. Every problem found is reported at once
(sheet, Excel row, column header and letter), in Bahasa Indonesia; one problem means the
whole upload is refused and nothing is returned.

The archive checks are ``loaders.arsip.periksa_arsip`` (shared with ``loaders.xlsx``) with
the tighter limits of an upload.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import pandas as pd
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as xml_aman
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

import formatting
from loaders import arsip
from loaders.errors import RenstraError
from loaders.renstra import Renstra
from realisasi import KOLOM_REALISASI, TIPE_REALISASI
from realisasi.templat import (
    BARIS_AWAL,
    BARIS_JUDUL_KOLOM,
    JENIS_TEMPLAT,
    KELIPATAN_PAGU,
    KOLOM,
    LEMBAR_DATA,
    LEMBAR_MANIFEST,
    NOMOR_KOLOM,
    PENANDA_BARIS,
    VERSI_TEMPLAT,
    adalah_persen,
    baris_templat,
    batas_baris,
    id_renstra,
    kunci_baris,
    memuat_pagu,
    pagu_terbesar,
    satuan_teks,
)

BATAS_BERKAS = 5 * 1024 * 1024  # an upload: a filled template is about 15 KB
BATAS_ISI = 20 * 1024 * 1024  # all parts together, decompressed
BATAS_RASIO = 100  # per part, checked on parts larger than BATAS_RASIO_MULAI
BATAS_RASIO_MULAI = 1024 * 1024
BATAS_BAGIAN = 500  # parts in the archive
BATAS_BARIS = 5000  # rows read from the data sheet
BATAS_MASALAH = 100  # problems listed in the message (all are kept in .masalah)

_KUNCI = re.compile(r"^(?P<item>\S+)#(?P<ke>\d+)$")
_NILAI = "B 'nilai'"  # the manifest's value column
_TEKS_ANGKA = re.compile(r"^\s*(rp\.?)?\s*[-+]?[\d.,\s]+\s*%?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Masalah:
    """One problem in an upload, located as precisely as it can be."""

    pesan: str
    lembar: str | None = None
    baris: int | None = None
    kolom: str | None = None  # "H 'Realisasi'": letter and header text

    def __str__(self) -> str:
        lokasi = ", ".join(
            b
            for b in (
                f"Lembar '{self.lembar}'" if self.lembar else "",
                f"baris {self.baris}" if self.baris else "",
                f"kolom {self.kolom}" if self.kolom else "",
            )
            if b
        )
        return f"{lokasi}: {self.pesan}" if lokasi else self.pesan


class UnggahanError(RenstraError):
    """An upload refused; ``masalah`` lists every problem found (sheet, row, column, message)."""

    def __init__(self, masalah: list[Masalah], nama_berkas: str = "") -> None:
        self.masalah = list(masalah)
        self.nama_berkas = nama_berkas
        n = len(self.masalah)
        baris = [f"- {m}" for m in self.masalah[:BATAS_MASALAH]]
        if n > BATAS_MASALAH:
            baris.append(f"- … dan {n - BATAS_MASALAH} masalah lain")
        judul = f"Berkas '{nama_berkas}' ditolak" if nama_berkas else "Unggahan ditolak"
        super().__init__(f"{judul}, tidak ada yang disimpan ({n} masalah):\n" + "\n".join(baris))
        pertama = self.masalah[0] if self.masalah else Masalah("")
        self.tabel, self.baris, self.kolom = pertama.lembar, pertama.baris, pertama.kolom


def kolom_label(kunci: str) -> str:
    """``'realisasi'`` -> ``"H 'Realisasi'"``."""
    j = NOMOR_KOLOM[kunci]
    return f"{get_column_letter(j)} '{KOLOM[j - 1][1]}'"


def _tolak(pesan: str, nama: str) -> UnggahanError:
    return UnggahanError([Masalah(pesan)], nama)


def periksa_arsip(data: bytes, nama: str) -> None:
    """``loaders.arsip.periksa_arsip`` with an upload's tighter limits, as an UnggahanError."""
    try:
        arsip.periksa_arsip(
            data, nama, batas_berkas=BATAS_BERKAS, batas_isi=BATAS_ISI, batas_rasio=BATAS_RASIO,
            batas_rasio_mulai=BATAS_RASIO_MULAI, batas_bagian=BATAS_BAGIAN,
            saran_ukuran="templat yang diisi hanya belasan KB",
            saran_format="unggah templat yang diunduh dari dasbor",
        )  # fmt: skip
    except RenstraError as e:
        raise _tolak(e.pesan, nama) from None


def _peta_lembar(z: zipfile.ZipFile) -> dict[str, str]:
    """Archive part -> sheet name, so an XML problem can name its sheet. Best effort."""
    ns = {
        "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "p": "http://schemas.openxmlformats.org/package/2006/relationships",
    }
    try:
        wb = xml_aman(z.read("xl/workbook.xml"))
        rels = xml_aman(z.read("xl/_rels/workbook.xml.rels"))
    except Exception:  # a missing or bad part is reported by the parser itself
        return {}
    target = {r.get("Id"): str(r.get("Target") or "") for r in rels.findall("p:Relationship", ns)}
    peta = {}
    for s in wb.findall("m:sheets/m:sheet", ns):
        t = target.get(s.get(f"{{{ns['r']}}}id"), "")
        if t:
            peta[t.lstrip("/") if t.startswith("/") else f"xl/{t}"] = str(s.get("name"))
    return peta


def periksa_xml(data: bytes, nama: str) -> None:
    """Refuse any DTD or entity declaration (billion laughs, external entities) before parsing.

    Excel never writes one (``loaders.arsip.bagian_dtd``); the message names the sheet.
    """
    temuan: tuple[str, str | None] | None = None
    try:
        bagian = arsip.bagian_dtd(data)
        if bagian is not None:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                temuan = (bagian, _peta_lembar(z).get(bagian))
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError):
        raise _tolak(
            f"berkas '{nama}' rusak atau terpotong (arsip .xlsx tidak utuh); unduh/simpan ulang", nama
        ) from None
    if temuan:
        bagian, lembar = temuan
        raise UnggahanError(
            [
                Masalah(
                    f"bagian '{bagian}' memuat deklarasi DOCTYPE/ENTITY XML, yang ditolak demi keamanan "
                    "(bom entitas XML?); Excel tidak pernah menulisnya: simpan ulang dari Excel atau unduh templat baru",
                    lembar=lembar,
                )
            ],
            nama,
        )


def _sebab(e: BaseException, jenis: type | tuple[type, ...]) -> bool:
    """Whether ``e`` or what it wraps is of ``jenis`` (openpyxl wraps parser errors in ValueError)."""
    dilihat = 0
    sekarang: BaseException | None = e
    while sekarang is not None and dilihat < 10:
        if isinstance(sekarang, jenis):
            return True
        sekarang = sekarang.__cause__ or sekarang.__context__
        dilihat += 1
    return False


@dataclass(frozen=True)
class _Sel:
    """What validation needs of one cell, read while the workbook was open."""

    nilai: Any
    jenis: str  # openpyxl data_type: n, s, f, b, d, e
    format: str


def _ambil(sel: Any) -> _Sel:
    return _Sel(getattr(sel, "value", None), str(getattr(sel, "data_type", "n") or "n"), str(sel.number_format or ""))


def _baca_buku(data: bytes, nama: str) -> tuple[list[str], dict[str, list[list[_Sel]]], bool]:
    """Sheet names and the cells of the manifest and data sheets; ``True`` when the data sheet was cut short."""
    isi: dict[str, list[list[_Sel]]] = {}
    terpotong = False
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        try:
            nama_lembar = list(wb.sheetnames)
            for lembar, batas_kolom in ((LEMBAR_MANIFEST, 3), (LEMBAR_DATA, len(KOLOM) + 5)):
                if lembar not in nama_lembar:
                    continue
                baris: list[list[_Sel]] = []
                for row in wb[lembar].iter_rows(max_col=batas_kolom):
                    if len(baris) >= BATAS_BARIS:
                        terpotong = True
                        break
                    baris.append([_ambil(c) for c in row])
                isi[lembar] = baris
        finally:
            wb.close()
    except Exception as e:  # openpyxl raises many types for a broken workbook, wrapping the cause
        if _sebab(e, DefusedXmlException):
            pesan = (
                f"berkas '{nama}' memuat deklarasi DOCTYPE/ENTITY XML, yang ditolak demi keamanan (bom entitas XML?)"
            )
        elif _sebab(e, (zipfile.BadZipFile, zlib.error, EOFError)):
            pesan = f"berkas '{nama}' rusak atau terpotong (arsip .xlsx tidak utuh); unduh/simpan ulang"
        else:
            pesan = f"berkas '{nama}' tidak dapat dibaca sebagai buku kerja Excel ({type(e).__name__}); simpan ulang dari Excel"
        raise _tolak(pesan, nama) from None
    return nama_lembar, isi, terpotong


def _sel(baris: list[list[_Sel]], r: int, j: int) -> _Sel:
    """Cell at Excel row ``r``, column ``j`` (1-based); empty when absent."""
    if r - 1 < len(baris) and j - 1 < len(baris[r - 1]):
        return baris[r - 1][j - 1]
    return _Sel(None, "n", "")


def _teks(s: _Sel) -> str:
    return "" if s.nilai is None else str(s.nilai).strip()


def _kosong(s: _Sel) -> bool:
    return s.nilai is None or (isinstance(s.nilai, str) and s.nilai.strip() == "")


def _rumus(s: _Sel) -> bool:
    return s.jenis == "f" or type(s.nilai).__name__ in ("ArrayFormula", "DataTableFormula")


def _manifest(
    baris: list[list[_Sel]], r: Renstra, tahun: int, kelurahan: str | None, kunci_renstra: set[str]
) -> tuple[list[Masalah], str, set[str]]:
    """Check the manifest; return its problems, its kelurahan and its row keys."""
    M = LEMBAR_MANIFEST
    nilai: dict[str, tuple[str, int]] = {}
    kunci: set[str] = set()
    masalah: list[Masalah] = []
    tidak_ada: list[tuple[str, int]] = []
    di_tabel = False
    for i in range(1, len(baris) + 1):
        a, b, c = (_sel(baris, i, j) for j in (1, 2, 3))
        if any(_rumus(x) for x in (a, b, c)):
            masalah.append(Masalah("lembar manifest berisi rumus; unduh templat baru", M, i))
            continue
        if _teks(a) == PENANDA_BARIS:
            di_tabel = True
            continue
        if di_tabel:
            if _kosong(b):
                continue
            ke = _teks(c)
            if not ke.isdigit():
                masalah.append(Masalah(f"indikator_ke '{ke}' bukan bilangan bulat", M, i, "C 'indikator_ke'"))
                continue
            k = kunci_baris(_teks(b), int(ke))
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
        return (
            [Masalah("lembar manifest bukan milik templat realisasi T-C.27; unduh templat dari dasbor", M, i, _NILAI)],
            "",
            set(),
        )
    versi, i = isi("versi_templat")
    if versi != str(VERSI_TEMPLAT):
        return (
            [
                Masalah(
                    f"templat versi '{versi}', dasbor memakai versi {VERSI_TEMPLAT}; unduh templat baru", M, i, _NILAI
                )
            ],
            "",
            set(),
        )
    rid, i = isi("renstra_id")
    if rid != id_renstra(r):
        masalah.append(
            Masalah(
                f"templat ini untuk Renstra '{rid or '?'}', bukan '{id_renstra(r)}'; unduh templat yang benar",
                M,
                i,
                _NILAI,
            )
        )
    th, i = isi("tahun")
    if th != str(int(tahun)):
        masalah.append(
            Masalah(
                f"templat ini untuk tahun {th or '?'}, bukan tahun {tahun} yang dipilih; unduh templat {tahun}",
                M,
                i,
                _NILAI,
            )
        )
    kel, i = isi("kelurahan")
    if kelurahan is not None and kel != kelurahan:
        asal = f"kelurahan {kel}" if kel else "seluruh kecamatan"
        masalah.append(
            Masalah(
                f"templat ini untuk {asal}, bukan kelurahan {kelurahan}; akun kelurahan {kelurahan} hanya "
                f"boleh mengunggah templat kelurahan {kelurahan}",
                M,
                i,
                _NILAI,
            )
        )
    if kel and kel not in r.kelurahan:
        masalah.append(Masalah(f"kelurahan '{kel}' tidak dikenal di Renstra ini", M, i, _NILAI))
    if tidak_ada and not masalah:  # same Renstra id and year, yet rows that are not in it
        for k, i in tidak_ada[:10]:
            masalah.append(
                Masalah(
                    f"baris templat '{k}' tidak ada di T-C.27 tahun {tahun} Renstra ini (Renstra sudah berubah?); "
                    "unduh templat baru",
                    M,
                    i,
                    "B 'item_id'",
                )
            )
    if not kunci and not masalah:
        masalah.append(Masalah("daftar baris templat tidak ada di lembar manifest; unduh templat baru", M))
    return masalah, kel, kunci


def _judul(baris: list[list[_Sel]]) -> list[Masalah]:
    """The header row as written by the template: every column present, in place, nothing added."""
    r = BARIS_JUDUL_KOLOM
    ada = [_teks(_sel(baris, r, j)) for j in range(1, len(KOLOM) + 6)]
    normal = [re.sub(r"\s+", " ", x).lower() for x in ada]
    masalah = []
    for j, (_, judul, _) in enumerate(KOLOM, start=1):
        if normal[j - 1] == judul.lower():
            continue
        huruf = get_column_letter(j)
        di_sini = f"di kolom {huruf} ada '{ada[j - 1]}'" if ada[j - 1] else f"judul kolom {huruf} kosong"
        if judul.lower() in normal:
            ke = get_column_letter(normal.index(judul.lower()) + 1)
            pesan = f"kolom '{judul}' berpindah ke kolom {ke}; seharusnya di kolom {huruf}. Unduh templat baru"
        else:
            pesan = f"kolom '{judul}' hilang ({di_sini}); kembalikan kolomnya atau unduh templat baru"
        masalah.append(Masalah(pesan, LEMBAR_DATA, r, f"{huruf} '{judul}'"))
    for j in range(len(KOLOM) + 1, len(ada) + 1):
        if ada[j - 1] and normal[j - 1] not in [k[1].lower() for k in KOLOM]:
            masalah.append(
                Masalah(
                    f"ada kolom tambahan '{ada[j - 1]}' yang bukan bagian templat", LEMBAR_DATA, r, get_column_letter(j)
                )
            )
    return masalah


def _format_persen(fmt: str) -> bool:
    """Whether an Excel number format shows the value x 100 with a percent sign."""
    tanpa_literal = re.sub(r'"[^"]*"|\\.', "", fmt)
    return "%" in tanpa_literal


def _angka(s: _Sel, persen: bool) -> tuple[float | int | None, str | None]:
    """A realisasi cell as a number, or why it is not one. Never guesses from text."""
    if _rumus(s):
        return None, (
            f"berisi rumus '{str(s.nilai)[:40]}'; ketik angkanya, bukan rumus "
            "(rumus ditolak walau Excel sudah menghitung hasilnya)"
        )
    if _kosong(s):
        return None, None
    v = s.nilai
    if s.jenis == "e":
        return None, f"berisi galat Excel '{v}', bukan angka"
    if isinstance(v, bool):
        return None, f"berisi nilai {'TRUE' if v else 'FALSE'}, bukan angka"
    if isinstance(v, datetime | date | time | timedelta):
        return None, "berisi tanggal/waktu, bukan angka (format sel berubah?); ketik angkanya lagi"
    if isinstance(v, str):
        teks = v.strip()[:40]
        if _TEKS_ANGKA.match(v):
            return None, (
                f"berisi teks '{teks}', bukan angka. Ketik angkanya di sel angka tanpa titik ribuan, "
                "tanpa 'Rp' atau '%' (mis. 1500000 atau 95,5)"
            )
        return None, f"berisi teks '{teks}', bukan angka"
    if not isinstance(v, int | float) or v != v or v in (float("inf"), float("-inf")):
        return None, f"berisi '{str(v)[:40]}', bukan angka"
    if _format_persen(s.format):
        if not persen:
            return None, "sel berformat persen, padahal satuan indikator ini bukan %; ketik angka biasa"
        v = round(v * 100, 9)  # 95% in Excel is stored as 0.95; the record keeps percent points
    return v, None


def baca_unggahan(
    data: bytes, r: Renstra, tahun: int, kelurahan: str | None = None, nama_berkas: str = ""
) -> pd.DataFrame:
    """The realisasi records of a filled template (only rows where something was filled).

    ``kelurahan`` is the uploader's own kelurahan (``None`` for an admin): the template must
    be that kelurahan's and every row must belong to it. Raises :class:`UnggahanError`
    listing every problem; nothing is returned then, so nothing can be stored.
    """
    nama = nama_berkas or "unggahan"
    rows = baris_templat(r, tahun, kelurahan)  # also refuses an unknown year/kelurahan
    periksa_arsip(data, nama)
    periksa_xml(data, nama)
    nama_lembar, isi, terpotong = _baca_buku(data, nama)

    if LEMBAR_MANIFEST not in isi:
        raise _tolak(
            f"buku kerja tidak punya lembar tersembunyi '{LEMBAR_MANIFEST}': ini bukan templat realisasi "
            "dari dasbor. Unduh templat, isi, lalu unggah berkas itu",
            nama,
        )
    tahun_ini = r.rencana[r.rencana["tahun"] == int(tahun)]
    renstra = {kunci_baris(b["item_id"], b["indikator_ke"]): b for _, b in tahun_ini.iterrows()}
    masalah, kel_manifest, kunci_manifest = _manifest(isi[LEMBAR_MANIFEST], r, tahun, kelurahan, set(renstra))
    if LEMBAR_DATA not in isi:
        lain = ", ".join(f"'{n}'" for n in nama_lembar if n != LEMBAR_MANIFEST)
        masalah.append(Masalah(f"lembar '{LEMBAR_DATA}' tidak ada (lembar yang ada: {lain or '-'})"))
        raise UnggahanError(masalah, nama)
    data_sel = isi[LEMBAR_DATA]
    if terpotong:
        masalah.append(Masalah(f"lembar terlalu panjang (lebih dari {BATAS_BARIS} baris)", LEMBAR_DATA))
    masalah += _judul(data_sel)
    if masalah:
        raise UnggahanError(masalah, nama)

    terbesar = pagu_terbesar(tahun_ini)
    urutan = {kunci_baris(b["item_id"], b["indikator_ke"]): i for i, (_, b) in enumerate(rows.iterrows())}
    lingkup = kelurahan if kelurahan is not None else (kel_manifest or None)
    L = LEMBAR_DATA
    terlihat: dict[str, int] = {}
    rekaman = []
    for n in range(BARIS_AWAL, len(data_sel) + 1):
        sel = {k: _sel(data_sel, n, j) for k, j in NOMOR_KOLOM.items()}
        lebih = [_sel(data_sel, n, j) for j in range(len(KOLOM) + 1, len(KOLOM) + 6)]
        if all(_kosong(s) for s in [*sel.values(), *lebih]):
            continue
        s_kunci = sel["kunci"]
        k = _teks(s_kunci)
        if _rumus(s_kunci) or not isinstance(s_kunci.nilai, str | type(None)):
            masalah.append(
                Masalah("ID baris harus teks dari templat, bukan rumus atau angka", L, n, kolom_label("kunci"))
            )
            continue
        if not k:
            masalah.append(
                Masalah(
                    "baris tanpa ID baris: baris ini tidak berasal dari templat (baris yang ditambahkan "
                    "tidak dapat dicocokkan dengan Renstra)",
                    L,
                    n,
                    kolom_label("kunci"),
                )
            )
            continue
        if not _KUNCI.match(k) or k not in renstra:
            masalah.append(
                Masalah(
                    f"ID baris '{k[:40]}' bukan baris T-C.27 tahun {tahun} di Renstra ini; baris yang tidak ada "
                    "di Renstra ditolak",
                    L,
                    n,
                    kolom_label("kunci"),
                )
            )
            continue
        if k in terlihat:
            masalah.append(
                Masalah(f"baris ganda: ID baris '{k}' sudah ada di baris {terlihat[k]}", L, n, kolom_label("kunci"))
            )
            continue
        terlihat[k] = n
        b = renstra[k]
        kel_baris = str(b["kelurahan"] or "")
        if lingkup is not None and kel_baris != lingkup:
            milik = f"kelurahan {kel_baris}" if kel_baris else "tingkat kecamatan"
            masalah.append(
                Masalah(
                    f"baris milik {milik}, bukan kelurahan {lingkup}; hanya baris kelurahan {lingkup} yang boleh "
                    "ada di unggahan ini",
                    L,
                    n,
                    kolom_label("kelurahan"),
                )
            )
            continue
        if k not in kunci_manifest:
            masalah.append(
                Masalah(
                    "baris ini tidak ada di daftar baris templat (manifest); unduh templat baru",
                    L,
                    n,
                    kolom_label("kunci"),
                )
            )
            continue
        for kol, harap in (("kode", b["kode"]), ("kelurahan", b["kelurahan"])):
            ada = _teks(sel[kol])
            harap_teks = "" if pd.isna(harap) else str(harap)
            if ada != harap_teks:
                masalah.append(
                    Masalah(
                        f"isi kolom terkunci berubah: '{ada[:40]}', seharusnya '{harap_teks}' untuk ID baris '{k}'",
                        L,
                        n,
                        kolom_label(kol),
                    )
                )
        batas = batas_baris(b, terbesar)
        persen = adalah_persen(b["satuan"])
        unit = satuan_teks(b["satuan"])

        real, salah = _angka(sel["realisasi"], persen)
        if salah:
            masalah.append(Masalah(salah, L, n, kolom_label("realisasi")))
        elif real is not None and real < 0:
            masalah.append(
                Masalah(
                    f"realisasi negatif ({formatting.angka(real)}); tidak boleh di bawah 0",
                    L,
                    n,
                    kolom_label("realisasi"),
                )
            )
            real = None
        elif real is not None and real > batas.realisasi:
            if persen:
                pesan = (
                    f"realisasi {formatting.angka(real)} % melebihi batas wajar {formatting.angka(batas.realisasi)} % "
                    "(salah ketik? 95,5 % ditulis 95,5)"
                )
            else:
                pesan = f"realisasi {formatting.angka(real)} {unit} melebihi batas wajar {formatting.angka(batas.realisasi)}"
            masalah.append(Masalah(pesan, L, n, kolom_label("realisasi")))
            real = None

        rp, salah = _angka(sel["realisasi_rp"], False)
        if salah:
            masalah.append(Masalah(salah, L, n, kolom_label("realisasi_rp")))
            rp = None
        elif rp is not None:
            rp, salah = _rupiah(rp, b, batas.realisasi_rp)
            if salah:
                masalah.append(Masalah(salah, L, n, kolom_label("realisasi_rp")))
        if real is None and rp is None:
            continue
        rekaman.append(
            {
                "tahun": int(tahun),
                "item_id": str(b["item_id"]),
                "indikator_ke": int(b["indikator_ke"]),
                "kelurahan": kel_baris,
                "realisasi": pd.NA if real is None else float(real),
                "realisasi_rp": pd.NA if rp is None else int(rp),
                "_urutan": urutan.get(k, len(urutan)),
            }
        )
    if masalah:
        raise UnggahanError(masalah, nama)
    if not rekaman:
        raise _tolak(
            f"tidak ada satu pun Realisasi atau Realisasi (Rp) yang diisi di lembar '{LEMBAR_DATA}'; "
            "isi sel kuning lalu unggah lagi",
            nama,
        )
    df = pd.DataFrame(rekaman).sort_values("_urutan", kind="stable")
    df = df[list(KOLOM_REALISASI)].reset_index(drop=True)
    return df.astype(TIPE_REALISASI)


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
