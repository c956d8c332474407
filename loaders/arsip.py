"""Checks on an .xlsx archive before any parser sees it: size, zip structure, zip bombs.

Shared by every reader of workbooks (``loaders.xlsx`` for a whole Renstra, ``realisasi.validasi``
for an upload), each with its own limits. openpyxl does not bound decompressed size, so the
zip directory is read first. Any DTD or entity declaration (billion laughs, external entities)
is refused by ``bagian_dtd`` before a parser sees it: Excel never writes one, and which XML
parser openpyxl uses depends on what else is installed (defusedxml, or lxml without entity
resolution once python-pptx brings lxml), so the guard must not depend on it.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

import formatting
from loaders.errors import RenstraError

BATAS_BERKAS = 20 * 1024 * 1024
BATAS_ISI = 200 * 1024 * 1024
BATAS_RASIO = 100  # per part, checked on parts larger than BATAS_RASIO_MULAI
BATAS_RASIO_MULAI = 1024 * 1024
BATAS_BAGIAN = 500  # parts in the archive

_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and any password-protected .xlsx
_ZIP = b"PK\x03\x04"


def periksa_arsip(
    data: bytes,
    nama: str,
    batas_berkas: int = BATAS_BERKAS,
    batas_isi: int = BATAS_ISI,
    batas_rasio: int = BATAS_RASIO,
    batas_rasio_mulai: int = BATAS_RASIO_MULAI,
    batas_bagian: int = BATAS_BAGIAN,
    saran_ukuran: str = "",
    saran_format: str = "",
) -> None:
    """Refuse what must never reach a parser: empty, too large, not a zip, zip bombs, truncation.

    Declared sizes are a real bound: Python's zipfile stops at a part's declared size and
    fails its CRC check when the part holds more.
    """
    if len(data) == 0:
        raise RenstraError(f"berkas '{nama}' kosong (0 byte)")
    if len(data) > batas_berkas:
        raise RenstraError(
            f"berkas '{nama}' terlalu besar ({formatting.angka(len(data) / 1024 / 1024, 1)} MB; "
            f"batas {batas_berkas // (1024 * 1024)} MB)" + (f"; {saran_ukuran}" if saran_ukuran else ""),
        )
    if data.startswith(_OLE):
        raise RenstraError(
            f"berkas '{nama}' berformat Excel lama (.xls) atau dilindungi kata sandi; "
            "simpan sebagai .xlsx tanpa kata sandi lalu unggah lagi",
        )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        if data.startswith(_ZIP):
            raise RenstraError(f"berkas '{nama}' rusak atau terpotong (arsip .xlsx tidak utuh); unduh/simpan ulang")
        raise RenstraError(
            f"berkas '{nama}' bukan buku kerja Excel .xlsx" + (f"; {saran_format}" if saran_format else "")
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            info = z.infolist()
            nama_bagian = {i.filename for i in info}
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError):
        raise RenstraError(
            f"berkas '{nama}' rusak atau terpotong (arsip .xlsx tidak utuh); unduh/simpan ulang"
        ) from None
    if len(info) > batas_bagian:
        raise RenstraError(f"berkas '{nama}' ditolak: berisi {len(info)} bagian (batas {batas_bagian})")
    total = 0
    for i in info:
        total += i.file_size
        rasio = i.file_size / max(i.compress_size, 1)
        if i.file_size > batas_rasio_mulai and rasio > batas_rasio:
            raise RenstraError(
                f"berkas '{nama}' ditolak: bagian '{i.filename}' mengembang {int(rasio)}x "
                f"menjadi {i.file_size // (1024 * 1024)} MB saat dibuka (bom zip?)",
            )
    if total > batas_isi:
        raise RenstraError(
            f"berkas '{nama}' ditolak: isinya {total // (1024 * 1024)} MB setelah dibuka "
            f"(batas {batas_isi // (1024 * 1024)} MB; bom zip?)",
        )
    if "[Content_Types].xml" not in nama_bagian or not any(n.startswith("xl/") for n in nama_bagian):
        raise RenstraError(f"berkas '{nama}' adalah arsip zip, tetapi bukan buku kerja Excel .xlsx")


def bagian_dtd(data: bytes) -> str | None:
    """The first XML part of the archive that declares a DOCTYPE or ENTITY, else None.

    Call after ``periksa_arsip`` (sizes are bounded by then). A broken archive raises
    zipfile/zlib errors for the caller to word.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for info in z.infolist():
            if info.filename.lower().endswith((".xml", ".rels", ".vml")) and _DTD.search(z.read(info)):
                return info.filename
    return None
