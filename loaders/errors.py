"""The one error type of the loaders: a bad table, row or cell, said in Bahasa Indonesia."""

from __future__ import annotations

import re

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
