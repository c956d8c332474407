"""Reading the cells of an .xlsx that passed ``loaders.arsip.buka``, as an attacker may have written it.

Not openpyxl: every reader of an uploaded workbook goes through this one, which

- parses XML only with defusedxml's iterparse, DTDs forbidden (the archive check already
  refused every DTD and any nesting deeper than ``loaders.arsip.BATAS_KEDALAMAN``);
- keeps only cells that hold something (a value or a formula), in a dict by (row, column), so
  a ``<dimension ref="A1:XFD1048576"/>`` or a cell at XFD1048576 costs nothing, and refuses a
  sheet with more than ``BATAS_SEL`` cells;
- finds sheets, shared strings and styles through the relationships, not by part name;
- says what a cell holds without guessing: text, number, boolean, Excel error, date (a
  number in a date format, or an ISO date cell), or a formula (its text, whatever Excel
  cached as its value).

Every refusal is a :class:`RenstraError` in Bahasa Indonesia naming the sheet and the cell.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils import column_index_from_string, get_column_letter

from loaders.arsip import Arsip, Relasi, bagian_utama, elemen_aman, teks_bagian
from loaders.errors import RenstraError

BATAS_SEL = 200_000  # cells read from one sheet (empty ones included)
BATAS_TEKS_BERSAMA = 1_000_000  # shared strings
BARIS_MAKS, KOLOM_MAKS = 1_048_576, 16_384  # Excel's own grid

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_REL_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships/"
_REF = re.compile(r"^([A-Z]{1,3})([0-9]{1,7})$")
_BULAT = re.compile(r"^[-+]?[0-9]{1,300}$")
_NAMA_CETAK = ("_xlnm.print_titles", "_xlnm.print_area", "_xlnm._filterdatabase")


@dataclass(frozen=True)
class Sel:
    """What a cell holds. ``jenis``: n number, s text, b boolean, e Excel error, d date, f formula."""

    nilai: Any
    jenis: str = "n"
    format: str = "General"

    @property
    def rumus(self) -> bool:
        return self.jenis == "f"


KOSONG = Sel(None)


@dataclass
class Lembar:
    nama: str
    keadaan: str  # visible, hidden, veryHidden
    bagian: str
    sel: dict[tuple[int, int], Sel] = field(default_factory=dict)
    gabungan: list[tuple[int, int, int, int]] = field(default_factory=list)  # (row1, col1, row2, col2)

    def __getitem__(self, rc: tuple[int, int]) -> Sel:
        return self.sel.get(rc, KOSONG)

    @property
    def max_baris(self) -> int:
        return max((r for r, _ in self.sel), default=0)

    @property
    def max_kolom(self) -> int:
        return max((c for _, c in self.sel), default=0)

    def lokasi(self, r: int, c: int) -> str:
        return f"{get_column_letter(c)}{r}"


@dataclass
class Buku:
    lembar: list[Lembar]
    nama_tetap: list[tuple[str, str]]  # (defined name, its formula text)

    @property
    def sheetnames(self) -> list[str]:
        return [w.nama for w in self.lembar]

    def __contains__(self, nama: str) -> bool:
        return nama in self.sheetnames

    def __getitem__(self, nama: str) -> Lembar:
        for w in self.lembar:
            if w.nama == nama:
                return w
        raise KeyError(nama)

    def nama_tetap_asing(self) -> list[str]:
        """Defined names other than print titles/area and the filter range (a place to hide a formula)."""
        return [n for n, _ in self.nama_tetap if n.lower() not in _NAMA_CETAK]


def _jenis_rel(r: Relasi, akhir: str) -> bool:
    return r.jenis in (_REL + akhir, _REL_STRICT + akhir)


def _tag(e: Any) -> str:
    t = str(e.tag)
    return t.rsplit("}", 1)[-1]


def _iter(data: bytes, lokasi: str) -> Iterator[tuple[str, Any]]:
    """iterparse with DTDs forbidden; errors in Bahasa Indonesia.

    Nesting is bounded before this runs (``loaders.arsip`` refuses more than its
    ``BATAS_KEDALAMAN`` levels), so the partial tree iterparse keeps stays shallow.
    """
    try:
        yield from iterparse(io.BytesIO(data), events=("end",), forbid_dtd=True)
    except DefusedXmlException:
        raise RenstraError(f"{lokasi}: memuat deklarasi DOCTYPE/ENTITY XML (bom entitas XML?)") from None
    except SyntaxError:  # xml.etree.ElementTree.ParseError
        raise RenstraError(f"{lokasi}: bukan XML yang sah; simpan ulang dari Excel") from None


def baca(arsip: Arsip, batas_sel: int = BATAS_SEL) -> Buku:
    """Every sheet's cells, its merged ranges, and the workbook's defined names."""
    n = arsip.nama
    wb = bagian_utama(arsip)
    if wb is None:
        raise RenstraError(f"berkas '{n}' ditolak: bagian buku kerja utama tidak ditemukan; simpan ulang dari Excel")
    rel = {r.id: r for r in arsip.relasi_dari(wb)}
    teks = _teks_bersama(arsip, [r for r in rel.values() if _jenis_rel(r, "sharedStrings")])
    gaya = _format_sel(arsip, [r for r in rel.values() if _jenis_rel(r, "styles")])
    try:
        akar = elemen_aman(arsip.bagian[wb])
    except Exception:
        raise RenstraError(
            f"berkas '{n}' ditolak: bagian buku kerja utama tidak sah; simpan ulang dari Excel"
        ) from None
    lembar: list[Lembar] = []
    for s in akar.iter(f"{{{NS}}}sheet"):  # type: ignore[attr-defined]
        nama = str(s.get("name", ""))
        r = rel.get(str(s.get(f"{{{NS_R}}}id", "")))
        if r is None or r.eksternal or r.target not in arsip.bagian or not _jenis_rel(r, "worksheet"):
            raise RenstraError(f"berkas '{n}' ditolak: lembar '{teks_bagian(nama)}' bukan lembar kerja biasa")
        w = Lembar(nama, str(s.get("state", "visible")), r.target)
        _baca_lembar(arsip.bagian[r.target], w, teks, gaya, batas_sel)
        lembar.append(w)
    nama_tetap = [
        (str(d.get("name", "")), str(d.text or ""))
        for d in akar.iter(f"{{{NS}}}definedName")  # type: ignore[attr-defined]
    ]
    return Buku(lembar, nama_tetap)


_SI, _T, _R = f"{{{NS}}}si", f"{{{NS}}}t", f"{{{NS}}}r"
_C, _ROW, _V, _F, _IS, _MERGE = (f"{{{NS}}}{t}" for t in ("c", "row", "v", "f", "is", "mergeCell"))


def _teks_bersama(arsip: Arsip, rel: list[Relasi]) -> list[str]:
    """The shared-string table: rich-text runs joined, phonetic runs left out."""
    if not rel:
        return []
    hasil: list[str] = []
    for _, e in _iter(arsip.bagian.get(rel[0].target, b"<sst/>"), "teks bersama (sharedStrings)"):
        if e.tag == _SI:
            bagian = [str(e.findtext(_T) or "")] if e.find(_T) is not None else []
            bagian += [str(r.findtext(_T) or "") for r in e.iterfind(_R)]
            hasil.append("".join(bagian))
            e.clear()
            if len(hasil) > BATAS_TEKS_BERSAMA:
                raise RenstraError(f"teks bersama (sharedStrings): lebih dari {BATAS_TEKS_BERSAMA} teks")
    return hasil


def _format_sel(arsip: Arsip, rel: list[Relasi]) -> list[str]:
    """Number format code per cell style index (cellXfs), Excel's built-in ones included."""
    if not rel:
        return []
    kode: dict[int, str] = {}
    xf: list[str] = []
    for _, e in _iter(arsip.bagian.get(rel[0].target, b"<styleSheet/>"), "gaya sel (styles)"):
        t = _tag(e)
        if t == "numFmt":
            try:
                kode[int(e.get("numFmtId", -1))] = str(e.get("formatCode", ""))
            except ValueError:
                pass
        elif t == "cellXfs":
            for x in e:
                try:
                    i = int(x.get("numFmtId", 0))
                except ValueError:
                    i = 0
                xf.append(kode.get(i) or BUILTIN_FORMATS.get(i) or "General")
    return xf


def _posisi(ref: str, lokasi: str) -> tuple[int, int]:
    m = _REF.match(ref)
    if not m:
        raise RenstraError(f"{lokasi}: alamat sel '{teks_bagian(ref)}' tidak sah")
    r, c = int(m.group(2)), column_index_from_string(m.group(1))
    if not (1 <= r <= BARIS_MAKS and 1 <= c <= KOLOM_MAKS):
        raise RenstraError(f"{lokasi}: alamat sel '{ref}' di luar lembar Excel")
    return r, c


def _baca_lembar(data: bytes, w: Lembar, teks: list[str], gaya: list[str], batas_sel: int) -> None:
    """Every cell that holds something, by (row, column); a cell without an address takes its place in the row."""
    lokasi = f"Lembar '{teks_bagian(w.nama)}'"
    jumlah, baris_sebelum, kolom = 0, 0, 0
    tertunda: list[tuple[int, Any]] = []  # cells without an address: their row is known when it ends
    for _, e in _iter(data, lokasi):
        tag = e.tag
        if tag == _C:
            jumlah += 1
            if jumlah > batas_sel:
                raise RenstraError(f"{lokasi}: terlalu banyak sel (lebih dari {batas_sel})")
            ref = e.get("r")
            if ref is None:
                kolom += 1
                if kolom > KOLOM_MAKS:
                    raise RenstraError(f"{lokasi}: sebuah baris melewati kolom terakhir lembar Excel")
                tertunda.append((kolom, e))
                continue
            r, kolom = _posisi(ref, lokasi)
            s = _sel(e, teks, gaya, f"{lokasi}, sel {ref}")
            if s is not None:
                w.sel[(r, kolom)] = s
            e.clear()
        elif tag == _ROW:
            baris_sebelum = _nomor_baris(e, baris_sebelum, lokasi)
            for j, c in tertunda:
                s = _sel(c, teks, gaya, f"{lokasi}, sel {get_column_letter(j)}{baris_sebelum}")
                if s is not None:
                    w.sel[(baris_sebelum, j)] = s
            tertunda, kolom = [], 0
            e.clear()
        elif tag == _MERGE:
            w.gabungan.append(_rentang(str(e.get("ref", "")), lokasi))


def _nomor_baris(e: Any, sebelum: int, lokasi: str) -> int:
    r = e.get("r")
    if r is None:
        return sebelum + 1
    try:
        n = int(r)
    except ValueError:
        raise RenstraError(f"{lokasi}: nomor baris '{teks_bagian(str(r))}' tidak sah") from None
    if not 1 <= n <= BARIS_MAKS:
        raise RenstraError(f"{lokasi}: nomor baris '{n}' di luar lembar Excel")
    return n


def _rentang(ref: str, lokasi: str) -> tuple[int, int, int, int]:
    bagian = ref.split(":")
    if len(bagian) != 2:
        raise RenstraError(f"{lokasi}: rentang gabungan '{teks_bagian(ref)}' tidak sah")
    (r1, c1), (r2, c2) = (_posisi(b, lokasi) for b in bagian)
    return min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)


def _sel(e: Any, teks: list[str], gaya: list[str], lokasi: str) -> Sel | None:
    """One ``<c>`` element as a Sel, or None when it holds nothing."""
    try:
        fmt = gaya[int(e.get("s", 0))] if gaya else "General"
    except (ValueError, IndexError):
        fmt = "General"
    f = e.find(_F)
    if f is not None:
        isi = (f.text or "").strip()
        return Sel("=" + isi if isi else "=(rumus bersama)", "f", fmt)
    jenis = e.get("t", "n")
    if jenis == "inlineStr":
        isi_is = e.find(_IS)
        if isi_is is None:
            return None
        bagian = [str(isi_is.findtext(_T) or "")] + [str(r.findtext(_T) or "") for r in isi_is.iterfind(_R)]
        return Sel("".join(bagian), "s", fmt)
    v = e.findtext(_V)
    if v is None:
        return None
    if jenis == "s":
        try:
            return Sel(teks[int(v)], "s", fmt)
        except (ValueError, IndexError):
            raise RenstraError(f"{lokasi}: merujuk teks bersama yang tidak ada") from None
    if jenis == "str":
        return Sel(v, "s", fmt)
    if jenis == "b":
        return Sel(v.strip() in ("1", "true"), "b", fmt)
    if jenis == "e":
        return Sel(v.strip(), "e", fmt)
    if jenis == "d":
        return Sel(v.strip(), "d", fmt)
    return _angka(v.strip(), fmt, lokasi)


def _angka(v: str, fmt: str, lokasi: str) -> Sel:
    if _BULAT.match(v):
        nilai: int | float = int(v)
    else:
        try:
            nilai = float(v)
        except ValueError:
            raise RenstraError(f"{lokasi}: isi angka '{teks_bagian(v)}' tidak sah") from None
    return Sel(nilai, "d" if is_date_format(fmt) else "n", fmt)
