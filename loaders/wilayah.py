"""Kelurahan names as the document spells them, resolved to the canonical six.

The list of kelurahan and their known misspellings lives in the Renstra's manifest,
so the same code serves any kecamatan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


def _kunci(nama: str) -> str:
    """Compare names without case, spaces or punctuation: 'Suka Mulya' == 'SUKAMULYA'."""
    return re.sub(r"[^a-z]", "", nama.lower())


_AWALAN = re.compile(r"^(sub\s*unit|kelurahan|kel\.)\s+", re.IGNORECASE)
_KURUNG = re.compile(r"\(([^()]*)\)\s*$")
_AKHIRAN_KELURAHAN = re.compile(r"\bKelurahan\s+([A-Za-z][A-Za-z ]*)$", re.IGNORECASE)


class KelurahanTakDikenal(ValueError):
    def __init__(self, nama: str) -> None:
        self.nama = nama
        super().__init__(f"kelurahan '{nama}' tidak dikenal")


@dataclass
class Wilayah:
    """The kecamatan and its kelurahan with aliases, from the manifest."""

    kecamatan: str
    kelurahan: list[str]
    _alias: dict[str, str] = field(default_factory=dict)
    _kecamatan: set[str] = field(default_factory=set)

    @classmethod
    def dari_manifest(cls, manifest: dict) -> Wilayah:
        kec = manifest.get("kecamatan", {})
        kel: dict[str, list[str]] = manifest.get("kelurahan", {})
        w = cls(kecamatan=kec.get("nama", ""), kelurahan=list(kel))
        for kanonik, alias in kel.items():
            for nama in [kanonik, *alias]:
                w._alias[_kunci(nama)] = kanonik
        nama_kec = kec.get("nama", "")
        w._kecamatan = {_kunci(n) for n in [f"Kecamatan {nama_kec}", *kec.get("alias", [])]}
        return w

    def kanonik(self, nama: str) -> str:
        """The canonical kelurahan for a printed name; '' for the kecamatan itself."""
        bersih = _AWALAN.sub("", nama.strip())
        if _kunci(nama) in self._kecamatan or _kunci(bersih) in self._kecamatan:
            return ""
        try:
            return self._alias[_kunci(bersih)]
        except KeyError:
            raise KelurahanTakDikenal(bersih) from None

    def dari_nama_kegiatan(self, nama: str) -> str:
        """The kelurahan a program/kegiatan name points at, '' when it is kecamatan-wide.

        Recognised forms: a trailing "(sub unit X)" or all-capitals "(X)", and a
        trailing "Kelurahan X". Other parentheses, such as "(Bimtek, Sosialisasi)",
        are part of the name. A recognised form naming no known place is an error.
        """
        m = _KURUNG.search(nama)
        if m:
            isi = m.group(1).strip()
            if re.match(r"sub\s*unit\b", isi, re.IGNORECASE) or (isi.isupper() and "," not in isi):
                return self.kanonik(isi)
            return ""
        m = _AKHIRAN_KELURAHAN.search(nama)
        if m:
            return self.kanonik(m.group(1))
        return ""
