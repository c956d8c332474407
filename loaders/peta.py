"""Kelurahan boundaries for the map: a GeoJSON file a Renstra folder may carry (optional).

The manifest names it under ``[peta]`` (``berkas``, ``lisensi``, ``sumber``); without that
section the Renstra has no map and the map panels are simply absent. The file is read as
hostile input: a size cap, a cap on features and points, only Polygon and MultiPolygon
geometries with finite lon/lat, every feature tied to exactly one kelurahan of the Renstra.
Any problem is a :class:`PetaError` with an Indonesian message naming the file, never a
parser's English text.

Features are matched to the Renstra's kelurahan on the Kemendagri code when the manifest
lists one (``[peta.kode]``: code -> kelurahan), else on the normalised name
(``loaders.wilayah``: case, spaces and punctuation ignored, the manifest's aliases known), so
"Sukamulya" is "Suka Mulya".
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loaders.errors import RenstraError
from loaders.wilayah import KelurahanTakDikenal, Wilayah

BATAS_BITA = 5 * 1024 * 1024  # a kecamatan's kelurahan, even unsimplified, fit well within 5 MB
BATAS_FITUR = 200
BATAS_TITIK = 200_000
JENIS_GEOMETRI = ("Polygon", "MultiPolygon")


class PetaError(RenstraError):
    """A boundary file that cannot be used (message in Bahasa Indonesia, naming the file)."""


@dataclass(frozen=True)
class Batas:
    """One kelurahan's boundary: its rings in lon/lat (outer rings and holes alike) and a label point."""

    kelurahan: str  # the Renstra's canonical name
    kode: str  # Kemendagri code as the file gives it ("" when it gives none)
    nama: str  # the name as the file spells it
    cincin: tuple[tuple[tuple[float, float], ...], ...] = field(repr=False)
    pusat: tuple[float, float] = (0.0, 0.0)  # lon, lat of the name on the map


@dataclass(frozen=True)
class Peta:
    """The boundaries of a Renstra's kelurahan, with where they come from.

    ``sidik`` (a digest of the file) stands for the geometry in ``repr``, so a chart cache keyed
    on the repr changes exactly when the file does.
    """

    berkas: str
    sumber: str
    sidik: str
    batas: tuple[Batas, ...] = field(repr=False)

    @property
    def kode(self) -> dict[str, str]:
        """Kelurahan -> code, in the file's order."""
        return {b.kelurahan: b.kode for b in self.batas}

    def untuk(self, kelurahan: str) -> Batas | None:
        return next((b for b in self.batas if b.kelurahan == kelurahan), None)


def _galat(nama: str, pesan: str) -> PetaError:
    return PetaError(f"berkas peta '{nama}': {pesan}")


def baca_peta(data: bytes, nama: str, wilayah: Wilayah, kode: dict[str, str] | None = None, sumber: str = "") -> Peta:
    """The boundaries in ``data`` (GeoJSON bytes of the file ``nama``) tied to ``wilayah``'s kelurahan."""
    if len(data) > BATAS_BITA:
        raise _galat(nama, f"lebih dari {BATAS_BITA // (1024 * 1024)} MB; sederhanakan poligonnya")
    try:
        isi = json.loads(data.decode("utf-8"), parse_constant=_tolak_konstanta)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _galat(nama, "bukan GeoJSON yang sah (teks JSON UTF-8)") from None
    if not isinstance(isi, dict) or isi.get("type") != "FeatureCollection" or not isinstance(isi.get("features"), list):
        raise _galat(nama, "bukan GeoJSON FeatureCollection (type dan features)")
    fitur = isi["features"]
    if not fitur:
        raise _galat(nama, "tidak memuat satu fitur pun")
    if len(fitur) > BATAS_FITUR:
        raise _galat(nama, f"memuat {len(fitur)} fitur; paling banyak {BATAS_FITUR}")
    kode_ke = {str(k): str(v) for k, v in (kode or {}).items()}
    batas: list[Batas] = []
    titik = 0
    for i, f in enumerate(fitur, start=1):
        b = _fitur(nama, i, f, wilayah, kode_ke)
        titik += sum(len(c) for c in b.cincin)
        if titik > BATAS_TITIK:
            raise _galat(nama, f"lebih dari {BATAS_TITIK} titik; sederhanakan poligonnya")
        lain = next((x for x in batas if x.kelurahan == b.kelurahan), None)
        if lain is not None:
            raise _galat(nama, f"fitur ke-{i} dan fitur lain sama-sama untuk Kelurahan {b.kelurahan}")
        batas.append(b)
    urut = {k: j for j, k in enumerate(wilayah.kelurahan)}
    batas.sort(key=lambda b: urut.get(b.kelurahan, len(urut)))
    return Peta(nama, sumber, hashlib.sha256(data).hexdigest()[:16], tuple(batas))


def _tolak_konstanta(teks: str) -> Any:
    raise ValueError(teks)  # NaN, Infinity: not JSON


def _fitur(nama: str, i: int, f: Any, wilayah: Wilayah, kode_ke: dict[str, str]) -> Batas:
    if not isinstance(f, dict) or f.get("type") != "Feature":
        raise _galat(nama, f"fitur ke-{i} bukan Feature")
    prop = f.get("properties") if isinstance(f.get("properties"), dict) else {}
    kode = prop.get("kode", "")
    teks = prop.get("nama", "")
    if not isinstance(kode, str) or not isinstance(teks, str):
        raise _galat(nama, f"fitur ke-{i}: 'kode' dan 'nama' harus teks")
    kelurahan = _kelurahan(nama, i, kode.strip(), teks.strip(), wilayah, kode_ke)
    geo = f.get("geometry")
    jenis = geo.get("type") if isinstance(geo, dict) else None
    if jenis not in JENIS_GEOMETRI:
        tampil = jenis if isinstance(jenis, str) and len(jenis) <= 30 else "tidak ada"
        raise _galat(nama, f"fitur ke-{i} ({teks or kode}): geometri {tampil}; hanya Polygon atau MultiPolygon")
    poligon = [geo.get("coordinates")] if jenis == "Polygon" else geo.get("coordinates")
    if not isinstance(poligon, list) or not poligon:
        raise _galat(nama, f"fitur ke-{i} ({teks or kode}): koordinat tidak ada")
    cincin = tuple(_cincin(nama, i, c) for p in poligon for c in (p if isinstance(p, list) else [None]))
    pusat = _pusat(prop, cincin)
    return Batas(kelurahan, kode.strip(), teks.strip(), cincin, pusat)


def _kelurahan(nama: str, i: int, kode: str, teks: str, wilayah: Wilayah, kode_ke: dict[str, str]) -> str:
    """The Renstra's kelurahan for a feature: by code when the manifest maps it, else by normalised name."""
    if kode and kode in kode_ke:
        teks = kode_ke[kode]
    try:
        k = wilayah.kanonik(teks) if teks else ""
    except KelurahanTakDikenal:
        k = ""
    if not k:
        tampil = " ".join(teks.split())[:60] or kode[:30] or "tanpa nama"
        raise _galat(nama, f"fitur ke-{i} ('{tampil}') bukan kelurahan Renstra ini ({', '.join(wilayah.kelurahan)})")
    return k


def _cincin(nama: str, i: int, c: Any) -> tuple[tuple[float, float], ...]:
    """One ring as (lon, lat) pairs; refused unless every point is two finite numbers in range."""
    if not isinstance(c, list) or len(c) < 4:
        raise _galat(nama, f"fitur ke-{i}: cincin poligon harus daftar paling sedikit empat titik")
    hasil = []
    for p in c:
        if (
            not isinstance(p, list)
            or len(p) < 2
            or not all(isinstance(x, int | float) and not isinstance(x, bool) for x in p[:2])
            or not all(math.isfinite(x) for x in p[:2])
        ):
            raise _galat(nama, f"fitur ke-{i}: titik koordinat harus pasangan angka [bujur, lintang]")
        lon, lat = float(p[0]), float(p[1])
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise _galat(nama, f"fitur ke-{i}: titik di luar rentang bujur/lintang (urutan GeoJSON: bujur, lintang)")
        hasil.append((lon, lat))
    return tuple(hasil)


def _pusat(prop: dict[str, Any], cincin: tuple[tuple[tuple[float, float], ...], ...]) -> tuple[float, float]:
    """Where the name goes: the file's centroid (``pusat_lng``, ``pusat_lat``) if given, else the
    area-weighted centroid of the largest ring."""
    lon, lat = prop.get("pusat_lng"), prop.get("pusat_lat")
    if all(isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x) for x in (lon, lat)):
        return float(lon), float(lat)  # type: ignore[arg-type]
    terbesar = max(cincin, key=lambda c: abs(_luas(c)))
    a = _luas(terbesar)
    if a == 0:
        return sum(p[0] for p in terbesar) / len(terbesar), sum(p[1] for p in terbesar) / len(terbesar)
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(terbesar, terbesar[1:] + terbesar[:1], strict=True):
        k = x0 * y1 - x1 * y0
        cx, cy = cx + (x0 + x1) * k, cy + (y0 + y1) * k
    return cx / (6 * a), cy / (6 * a)


def _luas(c: tuple[tuple[float, float], ...]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(c, c[1:] + c[:1], strict=True)) / 2


def peta_folder(folder: Path, manifest: dict[str, Any], wilayah: Wilayah) -> Peta | None:
    """The boundaries a Renstra folder declares under ``[peta]``; None when it declares none.

    The file must lie inside the folder (no ``..``, no absolute path) and be a regular file.
    """
    info = manifest.get("peta")
    if not isinstance(info, dict) or not info.get("berkas"):
        return None
    nama = str(info["berkas"])
    akar = folder.resolve()
    path = (folder / nama).resolve()
    if akar not in path.parents or not path.is_file():
        raise _galat(nama, "tidak ada di folder Renstra")
    if path.stat().st_size > BATAS_BITA:
        raise _galat(nama, f"lebih dari {BATAS_BITA // (1024 * 1024)} MB; sederhanakan poligonnya")
    kode = info.get("kode") if isinstance(info.get("kode"), dict) else None
    return baca_peta(path.read_bytes(), nama, wilayah, kode, str(info.get("sumber", "")))
