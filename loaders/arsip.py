"""Opening an .xlsx archive that an attacker may have built, before any workbook parser sees it.

Shared by every reader of workbooks (``loaders.xlsx`` for a whole Renstra, ``realisasi.validasi``
for an upload), each with its own limits (:class:`Batas`). Nothing in the zip headers is
trusted:

- every part is inflated here, in chunks of ``POTONG`` bytes, against the part's declared
  size and a running total: a part that inflates beyond what it declares, or an archive beyond
  ``Batas.isi``, is refused after at most the cap plus one chunk has been held, whatever the
  headers say (a 5 MB file declaring 40 KB that inflates to gigabytes costs one chunk more
  than the cap);
- the local header must agree with the central directory (name, method), parts must not
  overlap (a classic non-recursive bomb), the deflate stream must end exactly at the declared
  size, and its CRC must match;
- every part is looked at for XML, whatever its name (a sheet need not end in ``.xml``: it is
  found through the content types and relationships) and in every encoding the XML spec
  allows (byte-order mark, UTF-16/32 without one, EBCDIC, an encoding declaration). A DOCTYPE
  or ENTITY declaration in any of them is refused; then every XML part is parsed once by expat
  with handlers that refuse any DTD, so a declaration the search missed still cannot pass, and
  an encoding expat cannot read is refused rather than guessed;
- what a workbook holds besides sheets is classified by content type and relationship
  (:func:`periksa_isi`): macros, external links, data connections, embedded objects, drawings
  and the like are refused, named, before anything is read.

What passes is an :class:`Arsip`: the inflated parts (verified), their content types and every
relationship. Readers work on that (``loaders.buku_kerja``), never on the raw bytes again.
Every refusal is a :class:`RenstraError` in Bahasa Indonesia.
"""

from __future__ import annotations

import codecs
import io
import posixpath
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.parsers import expat

import formatting
from loaders.errors import RenstraError

MB = 1024 * 1024
POTONG = 64 * 1024  # bytes inflated per step
BATAS_TEKS_BAGIAN = 60  # characters of an attacker's part name shown in a message

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and any password-protected .xlsx
_ZIP = b"PK\x03\x04"
_DTD = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_DTD_BYTE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_DEKLARASI = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")
_NAMA_SAH = re.compile(r"^[A-Za-z0-9_\-.\[\]/ ()%+~]+$")

NS_PAKET = "http://schemas.openxmlformats.org/package/2006/content-types"
NS_RELASI = "http://schemas.openxmlformats.org/package/2006/relationships"
JENIS_RELASI = "application/vnd.openxmlformats-package.relationships+xml"


@dataclass(frozen=True)
class Batas:
    """How much an archive may hold: file size, all parts inflated, number of parts, ratio."""

    berkas: int = 20 * MB
    isi: int = 100 * MB
    bagian: int = 500
    rasio: int = 100  # per part, checked on parts declaring more than rasio_mulai
    rasio_mulai: int = MB


@dataclass(frozen=True)
class Relasi:
    """One relationship: from a part (``""`` for the package) to a part or an external address."""

    sumber: str
    id: str
    jenis: str  # the relationship type URI
    target: str  # a part name, resolved; or the external address
    eksternal: bool


@dataclass
class Arsip:
    """An archive that passed :func:`buka`: verified parts, their content types, all relationships."""

    nama: str
    bagian: dict[str, bytes]
    jenis: dict[str, str]
    relasi: list[Relasi] = field(default_factory=list)

    def relasi_dari(self, sumber: str) -> list[Relasi]:
        return [r for r in self.relasi if r.sumber == sumber]

    def zip(self) -> bytes:
        """The verified parts as a fresh archive (stored), for a reader that wants a file."""
        keluaran = io.BytesIO()
        with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_STORED) as z:
            for nama, isi in self.bagian.items():
                z.writestr(nama, isi)
        return keluaran.getvalue()


def teks_bagian(nama: str) -> str:
    """An attacker's part name made safe to show: printable, short."""
    bersih = "".join(c if c.isprintable() else "?" for c in nama)
    return bersih if len(bersih) <= BATAS_TEKS_BAGIAN else bersih[: BATAS_TEKS_BAGIAN - 1] + "…"


def _rusak(nama: str) -> RenstraError:
    return RenstraError(f"berkas '{nama}' rusak atau terpotong (arsip .xlsx tidak utuh); unduh/simpan ulang")


def _dimanipulasi(nama: str, bagian: str, sebab: str) -> RenstraError:
    return RenstraError(
        f"berkas '{nama}' ditolak: bagian '{teks_bagian(bagian)}' {sebab} (arsip dimanipulasi?); "
        "simpan ulang dari Excel"
    )


def buka(data: bytes, nama: str, batas: Batas = Batas(), saran_ukuran: str = "", saran_format: str = "") -> Arsip:
    """Check and inflate ``data``; raise :class:`RenstraError` on the first thing that must not pass."""
    info = _direktori(data, nama, batas, saran_ukuran, saran_format)
    bagian = {i.filename: _inflate(data, i, nama) for i in info}
    if "[Content_Types].xml" not in bagian or not any(n.startswith("xl/") for n in bagian):
        raise RenstraError(f"berkas '{nama}' adalah arsip zip, tetapi bukan buku kerja Excel .xlsx")
    dtd: DTDError | None = None
    for n, isi in bagian.items():
        try:
            _periksa_xml(nama, n, isi)
        except DTDError as e:
            dtd = dtd or e
    if dtd is not None:
        dtd.lembar = _lembar_untuk(nama, {n: v for n, v in bagian.items() if n != dtd.bagian}, dtd.bagian)
        raise dtd
    jenis = _jenis_bagian(nama, bagian)
    relasi = _relasi(nama, bagian, jenis)
    return Arsip(nama=nama, bagian=bagian, jenis=jenis, relasi=relasi)


def _lembar_untuk(nama: str, bagian: dict[str, bytes], dicari: str) -> str | None:
    """The sheet a refused part belongs to, when the rest of the archive can tell (best effort)."""
    try:
        for n, isi in bagian.items():
            _periksa_xml(nama, n, isi)
        bagian = {**bagian, dicari: b""}
        jenis = _jenis_bagian(nama, bagian)
        a = Arsip(nama, bagian, jenis, _relasi(nama, bagian, jenis))
    except RenstraError:
        return None
    return nama_lembar(a).get(dicari)


def _direktori(data: bytes, nama: str, batas: Batas, saran_ukuran: str, saran_format: str) -> list[zipfile.ZipInfo]:
    """The central directory, checked: size, type, names, declared sizes, overlaps."""
    if len(data) == 0:
        raise RenstraError(f"berkas '{nama}' kosong (0 byte)")
    if len(data) > batas.berkas:
        raise RenstraError(
            f"berkas '{nama}' terlalu besar ({formatting.angka(len(data) / MB, 1)} MB; "
            f"batas {batas.berkas // MB} MB)" + (f"; {saran_ukuran}" if saran_ukuran else ""),
        )
    if data.startswith(_OLE):
        raise RenstraError(
            f"berkas '{nama}' berformat Excel lama (.xls) atau dilindungi kata sandi; "
            "simpan sebagai .xlsx tanpa kata sandi lalu unggah lagi",
        )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        if data.startswith(_ZIP):
            raise _rusak(nama)
        raise RenstraError(
            f"berkas '{nama}' bukan buku kerja Excel .xlsx" + (f"; {saran_format}" if saran_format else "")
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            info = [i for i in z.infolist() if not (i.filename.endswith("/") and i.file_size == 0)]
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, struct.error, NotImplementedError):
        raise _rusak(nama) from None
    if len(info) > batas.bagian:
        raise RenstraError(f"berkas '{nama}' ditolak: berisi {len(info)} bagian (batas {batas.bagian})")
    _periksa_nama(nama, info)
    total = 0
    for i in info:
        total += i.file_size
        rasio = i.file_size / max(i.compress_size, 1)
        if i.file_size > batas.rasio_mulai and rasio > batas.rasio:
            raise RenstraError(
                f"berkas '{nama}' ditolak: bagian '{teks_bagian(i.filename)}' mengembang {int(rasio)}x "
                f"menjadi {i.file_size // MB} MB saat dibuka (bom zip?)",
            )
    if total > batas.isi:
        raise RenstraError(
            f"berkas '{nama}' ditolak: isinya {total // MB} MB setelah dibuka (batas {batas.isi // MB} MB; bom zip?)",
        )
    _periksa_tumpang(data, nama, info)
    return info


def _periksa_nama(nama: str, info: list[zipfile.ZipInfo]) -> None:
    """Part names as OPC allows them: relative, no '..', no backslash or control characters, unique."""
    terlihat: set[str] = set()
    for i in info:
        n = i.filename
        bagian = n.split("/")
        if (
            not n
            or len(n) > 255
            or n.startswith("/")
            or "\\" in n
            or any(b in ("", ".", "..") for b in bagian)
            or not _NAMA_SAH.match(n)
        ):
            raise RenstraError(f"berkas '{nama}' ditolak: nama bagian arsip tidak sah '{teks_bagian(n)}'")
        if n.lower() in terlihat:
            raise _dimanipulasi(nama, n, "muncul dua kali")
        terlihat.add(n.lower())
        if i.flag_bits & 0x1:
            raise RenstraError(
                f"berkas '{nama}' dilindungi kata sandi (bagian terenkripsi); simpan tanpa kata sandi lalu unggah lagi"
            )
        if i.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _dimanipulasi(nama, n, "memakai metode kompresi yang tidak dipakai Excel")


def _awal_data(data: bytes, nama: str, i: zipfile.ZipInfo) -> int:
    """Where a part's compressed bytes start, after checking its local header against the directory."""
    h = i.header_offset
    if h < 0 or h + 30 > len(data) or data[h : h + 4] != _ZIP:
        raise _rusak(nama)
    metode, _, _, _, _, _, n_nama, n_ekstra = struct.unpack_from("<HHHIIIHH", data, h + 8)
    nama_lokal = data[h + 30 : h + 30 + n_nama]
    nama_pusat = i.filename.encode("utf-8" if i.flag_bits & 0x800 else "cp437", errors="replace")
    if nama_lokal != nama_pusat or metode != i.compress_type:
        raise _dimanipulasi(nama, i.filename, "berbeda antara header lokal dan direktori arsip")
    awal = h + 30 + n_nama + n_ekstra
    if awal + i.compress_size > len(data):
        raise _rusak(nama)
    return awal


def _periksa_tumpang(data: bytes, nama: str, info: list[zipfile.ZipInfo]) -> None:
    """No two parts share bytes (many directory entries over one compressed stream)."""
    rentang = sorted(((_awal_data(data, nama, i), i) for i in info), key=lambda x: x[1].header_offset)
    akhir_sebelum = -1
    for awal, i in rentang:
        if i.header_offset < akhir_sebelum:
            raise _dimanipulasi(nama, i.filename, "tumpang-tindih dengan bagian lain")
        akhir_sebelum = awal + i.compress_size


def _inflate(data: bytes, i: zipfile.ZipInfo, nama: str) -> bytes:
    """One part's content, inflated in chunks; never more than its declared size plus one chunk.

    Declared sizes add up to at most ``Batas.isi`` (checked before), and each part is held to
    its own exactly, so the whole archive stays within the cap whatever the headers claimed.
    """
    awal = _awal_data(data, nama, i)
    mentah = memoryview(data)[awal : awal + i.compress_size]
    hasil = bytearray()
    if i.compress_type == zipfile.ZIP_STORED:
        hasil += mentah
    else:
        d = zlib.decompressobj(-15)
        try:
            for mulai in range(0, len(mentah), POTONG):
                masuk = mentah[mulai : mulai + POTONG]
                while masuk and len(hasil) <= i.file_size:
                    hasil += d.decompress(masuk, POTONG)
                    masuk = d.unconsumed_tail
                if len(hasil) > i.file_size or d.eof:
                    break
        except zlib.error:
            raise _rusak(nama) from None
        if len(hasil) <= i.file_size and not d.eof:
            raise _rusak(nama)
    if len(hasil) != i.file_size:
        raise _dimanipulasi(nama, i.filename, "berisi lebih atau kurang dari ukuran yang dinyatakan (bom zip?)")
    if zlib.crc32(hasil) != i.CRC:
        raise _rusak(nama)
    return bytes(hasil)


# --- XML in every encoding ------------------------------------------------------------------

# (byte-order mark, codec), longest first: UTF-32 LE starts like UTF-16 LE.
_BOM = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Without a BOM, the XML spec (appendix F) tells the encoding family by the first '<' (after
# optional whitespace in that encoding).
_TANPA_BOM = ("utf-32-be", "utf-32-le", "utf-16-be", "utf-16-le", "cp037", "utf-8")


def _kodean(isi: bytes) -> str | None:
    """The codec a part would be read with if it is XML, else None (not XML at all)."""
    for bom, codec in _BOM:
        if isi.startswith(bom):
            return codec
    kepala = isi[:256]
    for codec in _TANPA_BOM:
        lebar = 4 if "32" in codec else 2 if "16" in codec else 1
        potong = kepala[: len(kepala) - len(kepala) % lebar]
        if codec == "cp037" and not kepala.startswith(b"\x4c\x6f\xa7\x94"):  # EBCDIC only as '<?xm'
            continue
        if potong.decode(codec, errors="replace").lstrip(" \t\r\n").startswith("<"):
            if codec == "utf-8":
                m = _DEKLARASI.match(isi.lstrip(b" \t\r\n")[:200])
                return m.group(1).decode("ascii").lower() if m else "utf-8"
            return codec
    return None


class DTDError(RenstraError):
    """A DOCTYPE/ENTITY declaration in part ``bagian`` (a reader may name the sheet it belongs to)."""

    def __init__(self, nama: str, bagian: str) -> None:
        self.bagian = bagian
        self.lembar: str | None = None
        super().__init__(
            f"berkas '{nama}' ditolak: bagian '{teks_bagian(bagian)}' memuat deklarasi DOCTYPE/ENTITY XML "
            "(bom entitas XML?); Excel tidak pernah menulisnya, simpan ulang dari Excel"
        )


def _periksa_xml(nama: str, bagian: str, isi: bytes) -> None:
    """No DTD in any part, in any encoding; every XML part parses under a parser that refuses DTDs."""
    if _DTD_BYTE.search(isi):  # every ASCII-compatible encoding, and parts that are not XML at all
        raise DTDError(nama, bagian)
    codec = _kodean(isi)
    if codec is None:
        return
    try:
        codec = codecs.lookup(codec).name
    except LookupError:
        raise RenstraError(
            f"berkas '{nama}' ditolak: bagian '{teks_bagian(bagian)}' memakai pengodean XML "
            f"'{teks_bagian(codec)}' yang tidak dikenal; simpan ulang dari Excel"
        ) from None
    if "<!DOCTYPE".encode(codec, errors="replace") != b"<!DOCTYPE" and _DTD.search(isi.decode(codec, "replace")):
        raise DTDError(nama, bagian)
    _expat_tanpa_dtd(nama, bagian, isi)


class _AdaDTD(Exception):
    pass


class _TerlaluDalam(Exception):
    pass


def _tolak_dtd(*_: object) -> None:
    raise _AdaDTD


BATAS_KEDALAMAN = 64  # XML nesting; a worksheet needs 5, a theme 10


def _expat_tanpa_dtd(nama: str, bagian: str, isi: bytes) -> None:
    """Parse the part with expat, refusing any DOCTYPE/ENTITY and nesting beyond ``BATAS_KEDALAMAN``.

    No tree is built; expat keeps only the open elements, and these are bounded here (a million
    nested elements would cost expat hundreds of MB).
    """
    p = expat.ParserCreate()
    p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    p.StartDoctypeDeclHandler = _tolak_dtd
    p.EntityDeclHandler = _tolak_dtd
    p.ExternalEntityRefHandler = _tolak_dtd
    kedalaman = [0]

    def buka(*_: object) -> None:
        kedalaman[0] += 1
        if kedalaman[0] > BATAS_KEDALAMAN:
            raise _TerlaluDalam

    def tutup(*_: object) -> None:
        kedalaman[0] -= 1

    p.StartElementHandler = buka
    p.EndElementHandler = tutup
    try:
        for mulai in range(0, len(isi), 1024 * 1024):
            p.Parse(isi[mulai : mulai + 1024 * 1024], False)
        p.Parse(b"", True)
    except _AdaDTD:
        raise DTDError(nama, bagian) from None
    except _TerlaluDalam:
        raise RenstraError(
            f"berkas '{nama}' ditolak: bagian '{teks_bagian(bagian)}' bersarang lebih dari {BATAS_KEDALAMAN} "
            "tingkat (bom XML?); simpan ulang dari Excel"
        ) from None
    except (expat.ExpatError, ValueError, UnicodeError):
        raise RenstraError(
            f"berkas '{nama}' ditolak: bagian '{teks_bagian(bagian)}' bukan XML yang sah atau memakai "
            "pengodean yang tidak didukung; simpan ulang dari Excel"
        ) from None


# --- content types and relationships ---------------------------------------------------------


def elemen_aman(data: bytes) -> object:
    """Parse a small XML part already checked by :func:`buka` (defusedxml, DTD forbidden)."""
    from defusedxml.ElementTree import fromstring

    return fromstring(data, forbid_dtd=True)


def _ekstensi(n: str) -> str:
    """'rels' for '_rels/.rels' too (posixpath.splitext sees a hidden file there)."""
    dasar = posixpath.basename(n)
    return dasar.rsplit(".", 1)[-1].lower() if "." in dasar else ""


def _jenis_bagian(nama: str, bagian: dict[str, bytes]) -> dict[str, str]:
    """Part name -> content type, from [Content_Types].xml (Override, else Default by extension)."""
    try:
        akar = elemen_aman(bagian["[Content_Types].xml"])
    except Exception:  # checked XML by now; a parse error means a wrong root or namespace
        raise RenstraError(f"berkas '{nama}' ditolak: daftar jenis bagian ([Content_Types].xml) tidak sah") from None
    bawaan = {
        str(e.get("Extension", "")).lower(): str(e.get("ContentType", ""))
        for e in akar.iter(f"{{{NS_PAKET}}}Default")  # type: ignore[attr-defined]
    }
    khusus = {
        str(e.get("PartName", "")).lstrip("/").lower(): str(e.get("ContentType", ""))
        for e in akar.iter(f"{{{NS_PAKET}}}Override")  # type: ignore[attr-defined]
    }
    jenis = {}
    for n in bagian:
        if n == "[Content_Types].xml":
            continue
        ct = khusus.get(n.lower()) or bawaan.get(_ekstensi(n))
        if not ct:
            raise RenstraError(
                f"berkas '{nama}' ditolak: bagian '{teks_bagian(n)}' tidak terdaftar di [Content_Types].xml; "
                "simpan ulang dari Excel"
            )
        jenis[n] = ct.strip().lower()
    return jenis


def _relasi(nama: str, bagian: dict[str, bytes], jenis: dict[str, str]) -> list[Relasi]:
    """Every relationship of every .rels part, targets resolved to part names."""
    hasil: list[Relasi] = []
    for n, isi in bagian.items():
        if jenis.get(n) != JENIS_RELASI:
            continue
        folder, berkas = posixpath.split(n)
        if posixpath.basename(folder) != "_rels" or not berkas.endswith(".rels"):
            raise RenstraError(f"berkas '{nama}' ditolak: bagian relasi di tempat tidak sah '{teks_bagian(n)}'")
        sumber = posixpath.join(posixpath.dirname(folder), berkas[: -len(".rels")])
        try:
            akar = elemen_aman(isi)
        except Exception:
            raise RenstraError(f"berkas '{nama}' ditolak: bagian relasi '{teks_bagian(n)}' tidak sah") from None
        for e in akar.iter(f"{{{NS_RELASI}}}Relationship"):  # type: ignore[attr-defined]
            target = str(e.get("Target", ""))
            eksternal = str(e.get("TargetMode", "")).lower() == "external"
            if not eksternal:
                dasar = posixpath.dirname(sumber)
                target = posixpath.normpath(
                    target.lstrip("/") if target.startswith("/") else posixpath.join(dasar, target)
                )
            hasil.append(Relasi(sumber, str(e.get("Id", "")), str(e.get("Type", "")), target, eksternal))
    return hasil


# --- what a workbook may hold besides its sheets -----------------------------------------------

# Content types a plain workbook carries (Excel, LibreOffice and openpyxl write these); all inert.
JENIS_AMAN = frozenset(
    {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedstrings+xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.calcchain+xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.printersettings",
        "application/vnd.openxmlformats-officedocument.theme+xml",
        "application/vnd.openxmlformats-package.core-properties+xml",
        "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        "application/vnd.openxmlformats-officedocument.custom-properties+xml",
        "application/vnd.openxmlformats-officedocument.customxmlproperties+xml",
        "application/vnd.ms-excel.sheetmetadata+xml",
        "application/vnd.ms-excel.person+xml",
        JENIS_RELASI,
        "application/xml",  # customXml items (document-management metadata); nothing reads them
    }
)
_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"

# (pattern in the content type, what it is in words), first match wins.
_JENIS_DITOLAK = (
    (("macroenabled", "vbaproject", "vbadata"), "makro VBA (buku kerja bermakro)"),
    (("macrosheet",), "lembar makro Excel 4.0"),
    (("dialogsheet",), "lembar dialog"),
    (("chartsheet",), "lembar grafik"),
    (("externallink",), "tautan ke buku kerja atau program lain (termasuk DDE)"),
    (("connections", "querytable"), "koneksi atau kueri data eksternal"),
    (("activex", "control"), "kontrol ActiveX atau kontrol formulir"),
    (("oleobject", "package", "binary"), "objek tersemat"),
    (("comments", "threadedcomment"), "komentar atau catatan sel"),
    (("pivot",), "tabel pivot"),
    (("spreadsheetml.table+xml",), "tabel Excel (Format as Table)"),
    (("slicer", "timeline"), "slicer atau timeline"),
    (("webextension", "taskpane"), "add-in"),
    (("drawing", "chart", "diagram", "image/"), "gambar, grafik atau bentuk"),
)


def apa_jenis(jenis: str) -> str:
    """A content type in words, for a refusal."""
    for pola, kata in _JENIS_DITOLAK:
        if any(p in jenis for p in pola):
            return kata
    return f"bagian berjenis '{teks_bagian(jenis)}'"


def periksa_isi(arsip: Arsip, nama_lembar: dict[str, str] | None = None) -> list[tuple[str, str | None]]:
    """Everything in the archive that a plain workbook of sheets does not carry, as (message, sheet).

    ``nama_lembar`` maps a sheet's part to its name, so a message can say where: a comment on
    sheet "Realisasi", an external link from it. Every refused part is listed, not only the first.
    """
    nama_lembar = nama_lembar or {}
    thumbnail = {r.target for r in arsip.relasi_dari("") if r.jenis == _THUMBNAIL}
    masalah: list[tuple[str, str | None]] = []
    pemilik = {r.target: r.sumber for r in arsip.relasi if not r.eksternal}
    for n, jenis in arsip.jenis.items():
        if jenis in JENIS_AMAN or (jenis.startswith("image/") and n in thumbnail):
            continue
        lembar = nama_lembar.get(pemilik.get(n, ""))
        masalah.append(
            (f"buku kerja memuat {apa_jenis(jenis)} (bagian '{teks_bagian(n)}') yang tidak boleh ada", lembar)
        )
    for r in arsip.relasi:
        if r.eksternal:
            masalah.append(
                (
                    f"buku kerja memuat tautan eksternal ke '{teks_bagian(r.target)}' yang tidak boleh ada",
                    nama_lembar.get(r.sumber),
                )
            )
    return masalah


NS_UTAMA = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_DOKUMEN = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
)


def bagian_utama(arsip: Arsip) -> str | None:
    """The workbook part (found through the package relationship, not by name)."""
    utama = [r.target for r in arsip.relasi_dari("") if r.jenis in REL_DOKUMEN and not r.eksternal]
    return utama[0] if len(utama) == 1 and utama[0] in arsip.bagian else None


def nama_lembar(arsip: Arsip) -> dict[str, str]:
    """Sheet part -> sheet name, read from the workbook part alone (best effort, for messages)."""
    wb = bagian_utama(arsip)
    if wb is None:
        return {}
    rel = {r.id: r.target for r in arsip.relasi_dari(wb)}
    try:
        akar = elemen_aman(arsip.bagian[wb])
    except Exception:
        return {}
    return {
        rel[str(s.get(f"{{{NS_R}}}id", ""))]: str(s.get("name", ""))
        for s in akar.iter(f"{{{NS_UTAMA}}}sheet")  # type: ignore[attr-defined]
        if str(s.get(f"{{{NS_R}}}id", "")) in rel
    }
