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
from xml.parsers import expat

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils import column_index_from_string, get_column_letter

from loaders.arsip import Arsip, Relasi, bagian_utama, elemen_aman, teks_bagian
from loaders.errors import RenstraError

BATAS_SEL = 100_000  # cells read from the whole workbook (empty ones included)
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
    """Every sheet's cells, its merged ranges, and the workbook's defined names.

    ``batas_sel`` bounds the cells of all sheets together (an empty ``<c>`` counts), so neither
    one huge sheet nor many sheets can make reading slow.
    """
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
    terbaca = 0
    for s in akar.iter(f"{{{NS}}}sheet"):  # type: ignore[attr-defined]
        nama = str(s.get("name", ""))
        r = rel.get(str(s.get(f"{{{NS_R}}}id", "")))
        if r is None or r.eksternal or r.target not in arsip.bagian or not _jenis_rel(r, "worksheet"):
            raise RenstraError(f"berkas '{n}' ditolak: lembar '{teks_bagian(nama)}' bukan lembar kerja biasa")
        w = Lembar(nama, str(s.get("state", "visible")), r.target)
        terbaca += _baca_lembar(arsip.bagian[r.target], w, teks, gaya, (batas_sel, terbaca))
        lembar.append(w)
    nama_tetap = [
        (str(d.get("name", "")), str(d.text or ""))
        for d in akar.iter(f"{{{NS}}}definedName")  # type: ignore[attr-defined]
    ]
    return Buku(lembar, nama_tetap)


_NS = NS + "|"
_C, _ROW, _V, _F, _IS, _T, _RPH, _SI, _MERGE = (
    _NS + t for t in ("c", "row", "v", "f", "is", "t", "rPh", "si", "mergeCell")
)


class _AdaDTD(Exception):
    pass


def _tolak_dtd(*_: object) -> None:
    raise _AdaDTD


def _urai(data: bytes, lokasi: str, mulai: Any, akhir: Any, teks: Any) -> None:
    """Run expat over ``data`` with the given handlers; any DTD refused (belt and braces: the
    archive check already refused one), errors in Bahasa Indonesia. No tree is built."""
    p = expat.ParserCreate(namespace_separator="|")
    p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    p.StartDoctypeDeclHandler = p.EntityDeclHandler = p.ExternalEntityRefHandler = _tolak_dtd
    p.StartElementHandler, p.EndElementHandler, p.CharacterDataHandler = mulai, akhir, teks
    p.buffer_text = True
    try:
        p.Parse(data, True)
    except _AdaDTD:
        raise RenstraError(f"{lokasi}: memuat deklarasi DOCTYPE/ENTITY XML (bom entitas XML?)") from None
    except expat.ExpatError:
        raise RenstraError(f"{lokasi}: bukan XML yang sah; simpan ulang dari Excel") from None


def _teks_bersama(arsip: Arsip, rel: list[Relasi]) -> list[str]:
    """The shared-string table: rich-text runs joined, phonetic runs (rPh) left out."""
    if not rel:
        return []
    hasil: list[str] = []
    bagian: list[str] = []
    keadaan = {"t": False, "rph": 0}

    def mulai(nama: str, _: Any) -> None:
        if nama == _SI:
            bagian.clear()
        elif nama == _T and not keadaan["rph"]:
            keadaan["t"] = True
        elif nama == _RPH:
            keadaan["rph"] += 1

    def akhir(nama: str) -> None:
        if nama == _SI:
            hasil.append("".join(bagian))
            if len(hasil) > BATAS_TEKS_BERSAMA:
                raise RenstraError(f"teks bersama (sharedStrings): lebih dari {BATAS_TEKS_BERSAMA} teks")
        elif nama == _T:
            keadaan["t"] = False
        elif nama == _RPH:
            keadaan["rph"] -= 1

    def teks(data: str) -> None:
        if keadaan["t"]:
            bagian.append(data)

    _urai(arsip.bagian.get(rel[0].target, b"<sst/>"), "teks bersama (sharedStrings)", mulai, akhir, teks)
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


class _Sheet:
    """expat handlers for one worksheet: only cells that hold something are kept, by (row, column)."""

    def __init__(self, w: Lembar, teks: list[str], gaya: list[str], batas: tuple[int, int]) -> None:
        self.w, self.teks, self.gaya = w, teks, gaya
        self.batas_sel, self.sisa = batas[0], batas[0] - batas[1]  # the workbook's cap, what is left of it
        self.lokasi = f"Lembar '{teks_bagian(w.nama)}'"
        self.jumlah, self.baris, self.kolom = 0, 0, 0
        self.tertunda: list[tuple[int, _Rekam]] = []  # cells without an address: placed when their row ends
        self.c: _Rekam | None = None
        self.kumpul: list[str] | None = None  # text of the <v>, <f> or <t> being read
        self.rph = 0

    def mulai(self, nama: str, attr: dict[str, str]) -> None:
        c = self.c
        if nama == _C:
            self.jumlah += 1
            if self.jumlah > self.sisa:
                raise RenstraError(
                    f"{self.lokasi}: terlalu banyak sel (buku kerja ini lebih dari {self.batas_sel} sel)"
                )
            self.c = _Rekam(attr.get("r"), attr.get("t", "n"), attr.get("s"))
        elif c is not None:
            if nama in (_V, _F):
                self.kumpul = []
                c.rumus = c.rumus or nama == _F
            elif nama == _T and c.di_is and not self.rph:
                self.kumpul = []
            elif nama == _IS:
                c.di_is, c.isi_is = True, []
            elif nama == _RPH:
                self.rph += 1
        elif nama == _ROW:
            self.baris, self.kolom = _nomor_baris(attr.get("r"), self.baris, self.lokasi), 0
        elif nama == _MERGE:
            self.w.gabungan.append(_rentang(attr.get("ref", ""), self.lokasi))

    def akhir(self, nama: str) -> None:
        c = self.c
        if c is None:
            if nama == _ROW:
                for j, rekam in self.tertunda:
                    self._simpan(self.baris, j, rekam)
                self.tertunda = []
            return
        if nama == _C:
            self.c = None
            if c.ref is None:
                self.kolom += 1
                if self.kolom > KOLOM_MAKS:
                    raise RenstraError(f"{self.lokasi}: sebuah baris melewati kolom terakhir lembar Excel")
                self.tertunda.append((self.kolom, c))
            else:
                r, self.kolom = _posisi(c.ref, self.lokasi)
                self._simpan(r, self.kolom, c)
        elif nama == _V and self.kumpul is not None:
            c.v, self.kumpul = "".join(self.kumpul), None
        elif nama == _F and self.kumpul is not None:
            c.f, self.kumpul = "".join(self.kumpul), None
        elif nama == _T and self.kumpul is not None and c.isi_is is not None:
            c.isi_is.append("".join(self.kumpul))
            self.kumpul = None
        elif nama == _RPH:
            self.rph -= 1

    def teks_masuk(self, data: str) -> None:
        if self.kumpul is not None:
            self.kumpul.append(data)

    def _simpan(self, r: int, j: int, c: _Rekam) -> None:
        s = _sel(c, self.teks, self.gaya, f"{self.lokasi}, sel {get_column_letter(j)}{r}")
        if s is not None:
            self.w.sel[(r, j)] = s


@dataclass
class _Rekam:
    """What a ``<c>`` held, collected while it was read."""

    ref: str | None
    t: str
    s: str | None
    v: str | None = None
    f: str | None = None
    rumus: bool = False
    di_is: bool = False
    isi_is: list[str] | None = None


def _baca_lembar(data: bytes, w: Lembar, teks: list[str], gaya: list[str], batas: tuple[int, int]) -> int:
    """Every cell that holds something, by (row, column); a cell without an address takes its place
    in the row. Returns how many cells the sheet has (empty ones included)."""
    h = _Sheet(w, teks, gaya, batas)
    _urai(data, h.lokasi, h.mulai, h.akhir, h.teks_masuk)
    return h.jumlah


def _nomor_baris(r: str | None, sebelum: int, lokasi: str) -> int:
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


def _sel(c: _Rekam, teks: list[str], gaya: list[str], lokasi: str) -> Sel | None:
    """One cell as a Sel, or None when it holds nothing."""
    try:
        indeks = int(c.s or 0)
    except ValueError:
        indeks = -1
    if indeks and not 0 <= indeks < len(gaya):  # Excel would "repair" the file; openpyxl fails on it
        raise RenstraError(f"{lokasi}: merujuk gaya sel yang tidak ada; simpan ulang dari Excel")
    fmt = gaya[indeks] if gaya else "General"
    if c.rumus:
        isi = (c.f or "").strip()
        return Sel("=" + isi if isi else "=(rumus bersama)", "f", fmt)
    if c.t == "inlineStr":
        return None if c.isi_is is None else Sel("".join(c.isi_is), "s", fmt)
    v = c.v
    if v is None:
        return None
    if c.t == "s":
        try:
            return Sel(teks[int(v)], "s", fmt)
        except (ValueError, IndexError):
            raise RenstraError(f"{lokasi}: merujuk teks bersama yang tidak ada") from None
    if c.t == "str":
        return Sel(v, "s", fmt)
    if c.t == "b":
        return Sel(v.strip() in ("1", "true"), "b", fmt)
    if c.t == "e":
        return Sel(v.strip(), "e", fmt)
    if c.t == "d":
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
