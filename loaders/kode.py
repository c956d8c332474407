"""Program/kegiatan codes in the two schemes the document uses.

Permendagri 90/2019 (Kepmendagri 050-3708/2020): ``7.01.03`` program,
``7.01.03.2.02`` kegiatan, ``7.01.03.2.02.02`` sub kegiatan. The printed codes are
sometimes unpadded or end with a dot (``7.1.3.2.02.``); they are normalised to the
padded form. The 2020 table uses older local codes (``301000.301001.02.001``):
kept as printed, never mapped onto the new scheme.
"""

from __future__ import annotations

from typing import Literal

Skema = Literal["permendagri90", "lokal_lama", ""]
_LEBAR = (1, 2, 2, 1, 2, 2)
TINGKAT_PERMENDAGRI90 = {3: "program", 5: "kegiatan", 6: "sub_kegiatan"}


class KodeError(ValueError):
    pass


def normalisasi_kode(teks: str) -> tuple[str, Skema]:
    """Return (normalised code, scheme); ('', '') for an empty cell."""
    t = teks.strip().rstrip(".")
    if not t:
        return "", ""
    bagian = t.split(".")
    if not all(b.isdigit() for b in bagian):
        raise KodeError(f"kode '{teks}' tidak dikenali")
    if len(bagian[0]) == 6:
        return t, "lokal_lama"
    if len(bagian) in TINGKAT_PERMENDAGRI90 and all(len(b) <= lebar for b, lebar in zip(bagian, _LEBAR, strict=False)):
        return ".".join(b.zfill(lebar) for b, lebar in zip(bagian, _LEBAR, strict=False)), "permendagri90"
    raise KodeError(
        f"kode '{teks}' tidak sesuai Permendagri 90/2019 (program 7.01.03, kegiatan 7.01.03.2.02, "
        "sub kegiatan 7.01.03.2.02.02) maupun kode lokal lama (301000.301001.02.001)"
    )
