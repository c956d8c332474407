"""The one error type of the loaders: a bad table, row or cell, said in Bahasa Indonesia."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LETAK_TOML = re.compile(r"\(at line (\d+), column (\d+)\)")


class RenstraError(ValueError):
    """A malformed Renstra input. Names the table, the row and the column it concerns."""

    def __init__(
        self,
        pesan: str,
        *,
        tabel: str | None = None,
        baris: int | None = None,
        kolom: str | None = None,
    ) -> None:
        self.pesan = pesan
        self.tabel = tabel
        self.baris = baris
        self.kolom = kolom
        if tabel and not tabel.lower().startswith("tabel "):  # a label may already read "Tabel 2.2.3"
            tabel_teks = f"Tabel {tabel}"
        else:
            tabel_teks = tabel or ""
        lokasi = ", ".join(
            bagian
            for bagian in (
                tabel_teks,
                f"baris {baris}" if baris else "",
                f"kolom {kolom}" if kolom else "",
            )
            if bagian
        )
        super().__init__(f"{lokasi}: {pesan}" if lokasi else pesan)


def letak_toml(galat: Exception) -> str:
    """Where a TOML parse failed, in Bahasa Indonesia (``baris 26, kolom 11``); the parser's own
    English explanation is left out (it is for developers, and is in the server log if needed)."""
    m = _LETAK_TOML.search(str(galat))
    return f"baris {m.group(1)}, kolom {m.group(2)}" if m else "susunannya tidak dapat dibaca"


@dataclass(frozen=True)
class Masalah:
    """One problem in an imported file, located as precisely as it can be (sheet, row, column)."""

    pesan: str
    lembar: str | None = None
    baris: int | None = None
    kolom: str | None = None

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


BATAS_MASALAH = 100  # problems listed in a message (all are kept in .masalah)


class DaftarMasalahError(RenstraError):
    """A file refused with every problem found (``masalah``); nothing was stored."""

    JUDUL = "Berkas ditolak"  # when the file has no name

    def __init__(self, masalah: list[Masalah], nama_berkas: str = "") -> None:
        self.masalah = list(masalah)
        self.nama_berkas = nama_berkas
        n = len(self.masalah)
        baris = [f"- {m}" for m in self.masalah[:BATAS_MASALAH]]
        if n > BATAS_MASALAH:
            baris.append(f"- … dan {n - BATAS_MASALAH} masalah lain")
        judul = f"Berkas '{nama_berkas}' ditolak" if nama_berkas else self.JUDUL
        super().__init__(f"{judul}, tidak ada yang disimpan ({n} masalah):\n" + "\n".join(baris))
        pertama = self.masalah[0] if self.masalah else Masalah("")
        self.tabel, self.baris, self.kolom = pertama.lembar, pertama.baris, pertama.kolom
