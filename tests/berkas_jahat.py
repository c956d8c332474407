"""SYNTHETIC hostile and malformed workbooks, built from a genuine template as an attacker would.

Used by the upload tests and by ``bench/unggahan.py``; nothing here reaches the app. Each
builder takes the bytes of a real template (``realisasi.templat.buat_templat``) and returns
the bytes of a damaged copy: parts replaced, added or renamed, zip headers that lie, XML in
other encodings, macros, links.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from typing import Any

from openpyxl import load_workbook

SHEET_DATA = "xl/worksheets/sheet1.xml"
SHEET_MANIFEST = "xl/worksheets/sheet2.xml"
REL_WB = "xl/_rels/workbook.xml.rels"
JENIS = "[Content_Types].xml"

DTD = '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'


def bagian(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def susun(isi: dict[str, bytes], metode: int = zipfile.ZIP_DEFLATED) -> bytes:
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", metode) as z:
        for n, v in isi.items():
            z.writestr(n, v)
    return keluaran.getvalue()


def ganti(data: bytes, nama: str, f: Callable[[bytes], bytes]) -> bytes:
    isi = bagian(data)
    isi[nama] = f(isi[nama])
    return susun(isi)


def tambah(data: bytes, nama: str, isi_baru: bytes, jenis: str, rel: tuple[str, str] | None = None) -> bytes:
    """Add a part with its content-type override and, optionally, a relationship (source part's rels, type)."""
    isi = bagian(data)
    isi[nama] = isi_baru
    isi[JENIS] = isi[JENIS].replace(
        b"</Types>", f'<Override PartName="/{nama}" ContentType="{jenis}"/></Types>'.encode()
    )
    if rel:
        sumber, tipe = rel
        folder, berkas = sumber.rsplit("/", 1) if "/" in sumber else ("", sumber)
        rels = f"{folder}/_rels/{berkas}.rels" if folder else f"_rels/{berkas}.rels"
        lama = isi.get(
            rels,
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>',
        )
        isi[rels] = lama.replace(
            b"</Relationships>",
            f'<Relationship Id="rIdJahat" Type="{tipe}" Target="/{nama}"/></Relationships>'.encode(),
        )
    return susun(isi)


def baris_kunci(ws: Any, kunci: str) -> int:
    """The data row of ``kunci`` ("tc27_2022:31#1"; the template's key adds the year: "2022/tc27_2022:31#1")."""
    from realisasi.templat import BARIS_AWAL, NOMOR_KOLOM

    for n in range(BARIS_AWAL, ws.max_row + 1):
        if str(ws.cell(row=n, column=NOMOR_KOLOM["kunci"]).value).split("/", 1)[-1] == kunci:
            return n
    raise AssertionError(kunci)


def isi(templat: bytes, nilai: dict[str, tuple[Any, Any]], ubah: Callable[[Any], Any] | None = None) -> bytes:
    """A genuine template filled as a user's Excel would: ``{key: (realisasi, realisasi_rp)}``; ``ubah(wb)`` edits more."""
    from realisasi.templat import LEMBAR_DATA, NOMOR_KOLOM

    def ubah_semua(wb: Any) -> None:
        ws = wb[LEMBAR_DATA]
        for kunci, (real, rp) in nilai.items():
            n = baris_kunci(ws, kunci)
            ws.cell(row=n, column=NOMOR_KOLOM["realisasi"]).value = real
            ws.cell(row=n, column=NOMOR_KOLOM["realisasi_rp"]).value = rp
        if ubah:
            ubah(wb)

    return dengan_openpyxl(templat, ubah_semua)


def dengan_openpyxl(data: bytes, ubah: Callable[[Any], None]) -> bytes:
    wb = load_workbook(io.BytesIO(data))
    ubah(wb)
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


# --- XML declarations in other encodings and other part names -------------------------------


def sisip_dtd(xml: bytes) -> bytes:
    """The same XML with a DOCTYPE/ENTITY block after its declaration."""
    teks = xml.decode("utf-8")
    if teks.startswith("<?xml"):
        akhir = teks.index("?>") + 2
        return (teks[:akhir] + DTD + teks[akhir:]).encode("utf-8")
    return (DTD + teks).encode("utf-8")


def ke_pengodean(xml: bytes, codec: str, bom: bool = True) -> bytes:
    """UTF-8 XML re-encoded (declaration rewritten), with or without a byte-order mark."""
    teks = xml.decode("utf-8")
    nama = codec.upper().replace("-LE", "" if bom else "LE").replace("-BE", "" if bom else "BE")  # XML's names
    teks = re.sub(r'encoding="[^"]*"', f'encoding="{nama}"', teks, count=1)
    if not teks.startswith("<?xml"):
        teks = f'<?xml version="1.0" encoding="{nama}"?>' + teks
    hasil = teks.encode(codec)
    if bom and codec.lower() in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        bom_byte = {
            "utf-16-le": b"\xff\xfe",
            "utf-16-be": b"\xfe\xff",
            "utf-32-le": b"\xff\xfe\x00\x00",
            "utf-32-be": b"\x00\x00\xfe\xff",
        }
        hasil = bom_byte[codec.lower()] + hasil
    return hasil


def dtd_dalam_pengodean(data: bytes, codec: str, bom: bool = True, nama: str = SHEET_DATA) -> bytes:
    return ganti(data, nama, lambda x: ke_pengodean(sisip_dtd(x), codec, bom))


def lembar_bernama_lain(
    data: bytes, nama_baru: str = "xl/worksheets/data.bin", isi: Callable[[bytes], bytes] | None = None
) -> bytes:
    """The data sheet moved to a part whose name does not end in .xml, found through content types and rels."""
    semua = bagian(data)
    lama = semua.pop(SHEET_DATA)
    semua[nama_baru] = isi(lama) if isi else lama
    semua[JENIS] = semua[JENIS].replace(f"/{SHEET_DATA}".encode(), f"/{nama_baru}".encode())
    semua[REL_WB] = semua[REL_WB].replace(f"/{SHEET_DATA}".encode(), f"/{nama_baru}".encode())
    # a part moved into another folder keeps its own rels (none for the template)
    return susun(semua)


# --- archives whose headers lie ------------------------------------------------------------


def _pusat(data: bytes, nama: str) -> int:
    """Offset of ``nama``'s central directory entry."""
    i = data.index(b"PK\x01\x02")
    while True:
        n = struct.unpack_from("<H", data, i + 28)[0]
        if data[i + 46 : i + 46 + n] == nama.encode():
            return i
        i = data.index(b"PK\x01\x02", i + 4)


def aliran_nol(ukuran: int, potong: int = 1024 * 1024) -> tuple[bytes, int]:
    """A raw deflate stream of ``<worksheet>`` and ``ukuran`` spaces; (stream, CRC of its first 40 KB).

    Built without ever holding ``ukuran`` bytes: after a full flush the compressor's state is
    reset, so every further megabyte of spaces compresses to the same block, which is repeated.
    """
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    awal = c.compress(b"<worksheet>" + b" " * potong) + c.flush(zlib.Z_FULL_FLUSH)
    blok = c.compress(b" " * potong) + c.flush(zlib.Z_FULL_FLUSH)
    n = max(0, (ukuran - potong) // potong)
    aliran = awal + blok * n + c.flush()
    return aliran, zlib.crc32((b"<worksheet>" + b" " * potong)[: 40 * 1024])


def bom_bohong(data: bytes, ukuran_nyata: int, ukuran_klaim: int = 40 * 1024, nama: str = SHEET_DATA) -> bytes:
    """The sheet replaced by a deflate stream inflating to ``ukuran_nyata`` bytes while every header
    claims ``ukuran_klaim`` (and a CRC that matches the claimed first bytes, as a careful attacker does)."""
    aliran, crc = aliran_nol(ukuran_nyata)
    semua = bagian(data)
    semua[nama] = b"x" * len(aliran)  # placeholder of the right compressed size, stored
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w") as z:
        for n, v in semua.items():
            z.writestr(n, v, compress_type=zipfile.ZIP_STORED if n == nama else zipfile.ZIP_DEFLATED)
    b = bytearray(keluaran.getvalue())
    with zipfile.ZipFile(io.BytesIO(bytes(b))) as z:
        info = z.getinfo(nama)
    h = info.header_offset
    awal = h + 30 + len(nama) + struct.unpack_from("<H", b, h + 28)[0]
    b[awal : awal + len(aliran)] = aliran
    struct.pack_into("<H", b, h + 8, zipfile.ZIP_DEFLATED)
    struct.pack_into("<III", b, h + 14, crc, len(aliran), ukuran_klaim)
    p = _pusat(bytes(b), nama)
    struct.pack_into("<H", b, p + 10, zipfile.ZIP_DEFLATED)
    struct.pack_into("<III", b, p + 16, crc, len(aliran), ukuran_klaim)
    return bytes(b)


def nama_ganda(data: bytes) -> bytes:
    """The data sheet twice under one name: which one a reader takes is the attacker's choice."""
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as z:
        for n, v in bagian(data).items():
            z.writestr(n, v)
        z.writestr(SHEET_DATA, b"<worksheet/>")
    return keluaran.getvalue()


# --- content the template never carries ----------------------------------------------------

VBA = "application/vnd.ms-office.vbaProject"
REL_VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"


def makro(data: bytes) -> bytes:
    """A vbaProject.bin (an OLE file) in a workbook still named and typed .xlsx."""
    ole = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + b'Attribute VB_Name = "Module1"\nSub Auto_Open()\nEnd Sub\n'
    )
    return tambah(data, "xl/vbaProject.bin", ole, VBA, ("xl/workbook.xml", REL_VBA))


def lembar_dde(data: bytes) -> bytes:
    """An extra sheet holding a DDE formula."""

    def ubah(wb: Any) -> None:
        wb.security = None
        ws = wb.create_sheet("Catatan")
        ws["A1"] = "=cmd|' /C calc'!A0"

    return dengan_openpyxl(data, ubah)


def kolom_realisasi_kedua(data: bytes, baris: int, nilai: Any) -> bytes:
    """A second "Realisasi" column right of the template's, filled on one row."""

    def ubah(wb: Any) -> None:
        ws = wb["Realisasi"]
        ws.cell(row=3, column=11).value = "Realisasi"
        ws.cell(row=baris, column=11).value = nilai

    return dengan_openpyxl(data, ubah)
