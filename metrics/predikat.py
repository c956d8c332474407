"""Predikat capaian kinerja: the five-level LKjIP scale, read from ``settings/predikat.toml``.

Default scale (LKjIP practice): >= 91 Sangat Tinggi, [76, 91) Tinggi, [66, 76) Sedang,
[51, 66) Rendah, < 51 Sangat Rendah. Intervals are half-open on real numbers. Other
regions use other scales, so the scale lives in a settings file, not in code.
"""

from __future__ import annotations

import functools
import math
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loaders.errors import letak_toml
from metrics._util import angka

BERKAS_BAWAAN = Path(__file__).resolve().parent.parent / "settings" / "predikat.toml"


TANPA_PREDIKAT = "Tanpa capaian"  # the label of a year or indicator that has no capaian (and so no predikat)


class SkalaError(ValueError):
    """The predikat scale file is malformed (message in Bahasa Indonesia)."""


@dataclass(frozen=True)
class Skala:
    """Levels ordered high to low: ``(nama, batas_bawah)``; a value gets the first level with batas_bawah <= value."""

    tingkat: tuple[tuple[str, float], ...]
    sumber: str = ""

    @property
    def nama(self) -> tuple[str, ...]:
        return tuple(n for n, _ in self.tingkat)

    def predikat(self, nilai: float) -> str:
        for nama, batas in self.tingkat:
            if nilai >= batas:
                return nama
        return self.tingkat[-1][0]  # the lowest level takes everything below it


def _bilangan(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool) and not (isinstance(x, float) and math.isnan(x))


def muat_skala(path: str | Path | None = None) -> Skala:
    """Read and validate a scale file (a TOML list ``[[tingkat]]`` of {nama, batas_bawah}, high to low)."""
    berkas = Path(path) if path is not None else BERKAS_BAWAAN
    try:
        data = tomllib.loads(berkas.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SkalaError(f"berkas skala predikat {berkas} tidak ditemukan") from None
    except tomllib.TOMLDecodeError as e:
        raise SkalaError(f"berkas skala predikat {berkas} bukan TOML yang sah ({letak_toml(e)})") from None
    daftar = data.get("tingkat")
    if not isinstance(daftar, list) or not daftar:
        raise SkalaError(f"berkas skala predikat {berkas}: daftar [[tingkat]] tidak ada atau kosong")
    tingkat: list[tuple[str, float]] = []
    for i, entri in enumerate(daftar, start=1):
        label = f"berkas skala predikat {berkas}, tingkat ke-{i}"
        if not isinstance(entri, dict):
            raise SkalaError(f"{label}: harus berupa blok [[tingkat]] berisi nama dan batas_bawah")
        for kunci in ("nama", "batas_bawah"):
            if kunci not in entri:
                raise SkalaError(f"{label}: kunci '{kunci}' tidak ada")
        nama, batas = entri["nama"], entri["batas_bawah"]
        if not isinstance(nama, str) or not nama.strip():
            raise SkalaError(f"{label}: 'nama' harus teks yang tidak kosong")
        label = f"{label} ('{nama}')"
        if not _bilangan(batas):
            raise SkalaError(f"{label}: 'batas_bawah' harus angka, bukan {batas!r}")
        if nama in (n for n, _ in tingkat):
            raise SkalaError(f"{label}: nama '{nama}' dipakai lebih dari sekali")
        if tingkat and not batas < tingkat[-1][1]:
            raise SkalaError(
                f"{label}: batas_bawah {batas} harus lebih kecil dari batas tingkat sebelumnya "
                f"('{tingkat[-1][0]}', {tingkat[-1][1]}); urutkan dari tertinggi ke terendah"
            )
        tingkat.append((nama, float(batas)))
    return Skala(tuple(tingkat), str(berkas))


@functools.lru_cache(maxsize=1)
def skala_bawaan() -> Skala:
    """The default scale, read once (call ``skala_bawaan.cache_clear()`` after editing the file)."""
    return muat_skala()


def predikat(nilai: float | None, skala: Skala | None = None) -> str | None:
    """Predikat of a capaian (percent) on ``skala`` (default: settings/predikat.toml); None for None/NaN.

    The first level whose batas_bawah <= nilai (half-open intervals on real numbers); by default
    >= 91 Sangat Tinggi, [76, 91) Tinggi, [66, 76) Sedang, [51, 66) Rendah, < 51 Sangat Rendah.
    Source: the five-level scale of LKjIP reports (Permendagri 86/2017 evaluation practice)."""
    x = angka(nilai)
    if x is None:
        return None
    return (skala or skala_bawaan()).predikat(x)
