"""T-C.27, all parts: one row per printed indicator row and year, each reaching its program and kegiatan.

Pagu stays on the row where it is printed (a kegiatan with two indicator rows may
print its Rupiah on either), so summing ``pagu`` over rows never counts a printed
figure twice. ``item_id`` identifies one printed program/kegiatan/sub kegiatan,
so rows that share a name stay distinct.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import pandas as pd

from loaders.angka import Jenis
from loaders.frame import ANGKA, BULAT, TEKS, Larik, Sel, ambil, bingkai_kolom, gabung, panjang
from loaders.kode import TINGKAT_PERMENDAGRI90, KodeError, normalisasi_kode
from loaders.mentah import TabelMentah, siapkan_angka
from loaders.wilayah import KelurahanTakDikenal, Wilayah

SKEMA_RENCANA = {
    "tabel": TEKS, "baris": BULAT, "item_id": TEKS, "indikator_ke": BULAT, "urusan": TEKS,
    "tujuan": TEKS, "sasaran": TEKS, "tahun": BULAT, "tingkat": TEKS,
    "kode": TEKS, "kode_dokumen": TEKS, "skema_kode": TEKS, "nama": TEKS, "kelurahan": TEKS,
    "indikator": TEKS, "target": ANGKA, "satuan": TEKS, "target_persen": ANGKA, "target_teks": TEKS,
    "pagu": BULAT, "pagu_status": TEKS, "pagu_teks": TEKS,
    "capaian_awal": ANGKA, "capaian_awal_teks": TEKS, "unit_kerja": TEKS, "lokasi": TEKS,
    "program_id": TEKS, "program_kode": TEKS, "program_nama": TEKS,
    "kegiatan_id": TEKS, "kegiatan_kode": TEKS, "kegiatan_nama": TEKS, "polaritas": TEKS,
    "punya_rincian": "boolean",
}  # fmt: skip

URUTAN_TINGKAT = ("program", "kegiatan", "sub_kegiatan")


def _tingkat(nama: str, kode: str, skema: str, sebelumnya: str | None, paksa: str | None) -> str:
    """Level of a printed item: forced by the manifest, by its code, by 'Program ...', else a sibling."""
    if paksa:
        return paksa
    if nama.lower().startswith("program"):
        return "program"
    if skema == "permendagri90":
        return TINGKAT_PERMENDAGRI90[kode.count(".") + 1]
    if skema == "lokal_lama":
        return "kegiatan"
    if sebelumnya in (None, "program"):
        return "kegiatan"
    return sebelumnya


def rencana(tabel: list[TabelMentah], wilayah: Wilayah, polaritas: dict[str, str], bawaan: str) -> pd.DataFrame:
    siapkan_angka([(tm, k, j) for tm in tabel for j, k in _kolom_angka(tm).items()])
    kolom = gabung([_satu_tabel(tm, wilayah, polaritas, bawaan) for tm in tabel], list(SKEMA_RENCANA)[:-1])
    # An item "has rincian" when lower-level items hang under it; summing pagu over
    # rows without rincian adds every printed figure at its most detailed level once.
    tingkat = kolom["tingkat"]
    induk = set(kolom["program_id"][tingkat != "program"]) | set(kolom["kegiatan_id"][tingkat == "sub_kegiatan"])
    kolom["punya_rincian"] = [i in induk for i in kolom["item_id"]]
    return bingkai_kolom(kolom, SKEMA_RENCANA)


def _kolom_angka(tm: TabelMentah) -> dict[Jenis, list[str]]:
    """Every number column of the table's form, by kind (read in one pass with the other tables')."""
    keys = tm.formulir.keys
    return {
        "nilai": [k for k in keys if k.startswith(("target_", "capaian_awal"))],
        "rupiah": [k for k in keys if k.startswith("rp_")],
    }


def _tahun(tm: TabelMentah) -> list[int]:
    tahun = [int(t) for t in tm.meta.get("tahun", [])]
    for t in tahun:
        if f"target_{t}" not in tm.formulir.keys:
            raise tm.galat(f"manifest menyebut tahun {t}, tetapi formulir {tm.formulir.kode} tidak punya kolomnya")
    return tahun


def _paksa(tm: TabelMentah) -> dict[int, str]:
    paksa = {int(x["baris"]): str(x["tingkat"]) for x in tm.meta.get("tingkat", [])}
    for b, tk in paksa.items():
        if tk not in URUTAN_TINGKAT:
            raise tm.galat(f"tingkat '{tk}' di manifest tidak dikenal (program/kegiatan/sub_kegiatan)", b)
    return paksa


def _satu_tabel(tm: TabelMentah, wilayah: Wilayah, polaritas: dict[str, str], bawaan: str) -> dict[str, Any]:
    tahun, paksa, sel = _tahun(tm), _paksa(tm), Sel(tm)
    kolom_target, kolom_rp = [f"target_{t}" for t in tahun], [f"rp_{t}" for t in tahun]
    target, rp = sel.angka(["capaian_awal", *kolom_target]), sel.angka(kolom_rp, "rupiah")
    urutan = [("capaian_awal", target["capaian_awal"]["galat"])]
    for kt, kr in zip(kolom_target, kolom_rp, strict=True):  # read as printed: capaian awal, then target, Rp per year
        urutan += [(kt, target[kt]["galat"]), (kr, _galat_pagu(rp[kr]))]
    pertama = sel.galat_pertama(urutan)
    baris = _baris(tm, sel, wilayah, paksa, lambda i: sel.cek(i, urutan, pertama))
    posisi = [r[0] for r in baris]
    per_baris = _per_baris(tm, sel, baris)
    per_baris["polaritas"] = [polaritas.get(k, bawaan) for k in per_baris["indikator"]]
    awal = ambil(target, ["capaian_awal"], posisi, {"capaian_awal": "angka", "capaian_awal_teks": "teks"})
    per_baris |= {k: v[0] for k, v in awal.items()}
    nilai = {"target": "angka", "satuan": "satuan", "target_persen": "persen", "target_teks": "teks"}
    per_tahun = ambil(target, kolom_target, posisi, nilai)
    per_tahun |= ambil(rp, kolom_rp, posisi, {"pagu": "angka", "pagu_status": "status", "pagu_teks": "teks"})
    per_tahun["pagu"] = [[None if a is None else int(a) for a in v] for v in per_tahun["pagu"]]
    per_tahun["tahun"] = [[t] * len(posisi) for t in tahun]
    return panjang(per_baris, per_tahun)


def _per_baris(tm: TabelMentah, sel: Sel, baris: list[tuple[Any, ...]]) -> dict[str, list[Any]]:
    """The columns that are the same for every year of a row."""
    posisi = [r[0] for r in baris]
    item, program, kegiatan = ([r[j] for r in baris] for j in (2, 3, 4))
    hasil: dict[str, list[Any]] = {"tabel": [tm.label] * len(baris), "baris": [r[1] for r in baris]}
    hasil |= {k: [r[j] for r in baris] for j, k in enumerate(("urusan", "tujuan", "sasaran", "indikator_ke"), 5)}
    for k in ("item_id", "tingkat", "kode", "kode_dokumen", "skema_kode", "nama", "kelurahan"):
        hasil[k] = [x[k] for x in item]
    hasil |= {f"program_{k}": [x[k] for x in program] for k in ("kode", "nama")}
    hasil |= {f"kegiatan_{k}": [x[k] if x else "" for x in kegiatan] for k in ("kode", "nama")}
    hasil["program_id"] = [x["item_id"] for x in program]
    hasil["kegiatan_id"] = [x["item_id"] if x else "" for x in kegiatan]
    for k in ("indikator", "unit_kerja", "lokasi"):
        teks = sel.teks(k)
        hasil[k] = [teks[i] for i in posisi]
    return hasil


def _galat_pagu(pagu: Larik) -> list[str | None]:
    """Per row the Rupiah cell's error, or that a pagu with sen is not a whole Rupiah."""
    hasil = pagu["galat"].tolist()
    for i, (a, teks) in enumerate(zip(pagu["angka"].tolist(), pagu["teks"].tolist(), strict=True)):
        if hasil[i] is None and isinstance(a, float) and not a.is_integer():
            hasil[i] = f"pagu '{teks}' harus Rupiah utuh"
    return hasil


def _item(
    tm: TabelMentah, b: int, kode_teks: str, nama: str, wilayah: Wilayah, tingkat: Callable[..., str]
) -> dict[str, Any]:
    """The program/kegiatan/sub kegiatan printed on row ``b``; ``tingkat(nama, kode, skema)`` its level."""
    if not nama:
        raise tm.galat(f"kode '{kode_teks}' tanpa nama program/kegiatan", b, "program_kegiatan")
    try:
        kode, skema = normalisasi_kode(kode_teks)
    except KodeError as e:
        raise tm.galat(str(e), b, "kode") from None
    try:
        kelurahan = wilayah.dari_nama_kegiatan(nama)
    except KelurahanTakDikenal as e:
        raise tm.galat(f"{e}; kelurahan yang dikenal: {', '.join(wilayah.kelurahan)}", b, "program_kegiatan") from None
    return {
        "item_id": f"{tm.id}:{b}", "tingkat": tingkat(nama, kode, skema), "kode": kode, "kode_dokumen": kode_teks,
        "skema_kode": skema, "nama": nama, "kelurahan": kelurahan, "indikator_ke": 0,
    }  # fmt: skip


def _baris(
    tm: TabelMentah, sel: Sel, wilayah: Wilayah, paksa: dict[int, str], cek: Callable[[int], None]
) -> list[tuple[Any, ...]]:
    """Every indicator row as (position, row number, item, program, kegiatan, urusan, tujuan, sasaran,
    indicator number of the item); ``cek(i)`` raises row i's number error."""
    kode_k, nama_k, tujuan_k, sasaran_k = (sel.teks(k) for k in ("kode", "program_kegiatan", "tujuan", "sasaran"))
    hasil: list[tuple[Any, ...]] = []
    urusan = tujuan = sasaran = ""
    item: dict[str, Any] | None = None
    induk: dict[str, dict[str, Any] | None] = {"program": None, "kegiatan": None}
    for i, (b, seksi) in enumerate(zip(sel.baris, sel.seksi(), strict=True)):
        if seksi and not kode_k[i] and not nama_k[i]:
            urusan = seksi
            continue
        if tujuan_k[i]:
            tujuan, sasaran = tujuan_k[i], ""
        if sasaran_k[i]:
            sasaran = sasaran_k[i]
        if kode_k[i] or nama_k[i]:
            tingkat = partial(_tingkat, sebelumnya=item["tingkat"] if item else None, paksa=paksa.get(b))
            item = _item(tm, b, kode_k[i], nama_k[i], wilayah, tingkat)
            induk = _induk(tm, b, item, induk)
        elif item is None:
            raise tm.galat("baris indikator tanpa program/kegiatan di atasnya", b, "indikator")
        item["indikator_ke"] += 1
        cek(i)
        hasil.append((i, b, item, induk["program"], induk["kegiatan"], urusan, tujuan, sasaran, item["indikator_ke"]))
    return hasil


def _induk(
    tm: TabelMentah, b: int, item: dict[str, Any], induk: dict[str, dict[str, Any] | None]
) -> dict[str, dict[str, Any] | None]:
    """The program and kegiatan the rows from ``item`` on stand under."""
    tingkat = item["tingkat"]
    if tingkat == "program":
        induk = {"program": item, "kegiatan": None}
    elif tingkat == "kegiatan":
        induk["kegiatan"] = item
    elif induk["kegiatan"] is None:
        raise tm.galat("sub kegiatan tanpa kegiatan di atasnya", b, "program_kegiatan")
    if induk["program"] is None:
        raise tm.galat(f"{tingkat.replace('_', ' ')} tanpa program di atasnya", b, "program_kegiatan")
    return induk
