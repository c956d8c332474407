"""T-C.27, all parts: one row per printed indicator row and year, each reaching its program and kegiatan.

Pagu stays on the row where it is printed (a kegiatan with two indicator rows may
print its Rupiah on either), so summing ``pagu`` over rows never counts a printed
figure twice. ``item_id`` identifies one printed program/kegiatan/sub kegiatan,
so rows that share a name stay distinct.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from loaders.frame import ANGKA, BULAT, TEKS, baris_seksi, bingkai
from loaders.kode import TINGKAT_PERMENDAGRI90, KodeError, normalisasi_kode
from loaders.mentah import TabelMentah
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
    rekaman: list[dict[str, Any]] = []
    for tm in tabel:
        rekaman += _satu_tabel(tm, wilayah, polaritas, bawaan)
    # An item "has rincian" when lower-level items hang under it; summing pagu over
    # rows without rincian adds every printed figure at its most detailed level once.
    induk = {r["program_id"] for r in rekaman if r["tingkat"] != "program"}
    induk |= {r["kegiatan_id"] for r in rekaman if r["tingkat"] == "sub_kegiatan"}
    for r in rekaman:
        r["punya_rincian"] = r["item_id"] in induk
    return bingkai(rekaman, SKEMA_RENCANA)


def _satu_tabel(tm: TabelMentah, wilayah: Wilayah, polaritas: dict[str, str], bawaan: str) -> list[dict[str, Any]]:
    tahun = [int(t) for t in tm.meta.get("tahun", [])]
    for t in tahun:
        if f"target_{t}" not in tm.formulir.keys:
            raise tm.galat(f"manifest menyebut tahun {t}, tetapi formulir {tm.formulir.kode} tidak punya kolomnya")
    paksa = {int(x["baris"]): str(x["tingkat"]) for x in tm.meta.get("tingkat", [])}
    for b, tk in paksa.items():
        if tk not in URUTAN_TINGKAT:
            raise tm.galat(f"tingkat '{tk}' di manifest tidak dikenal (program/kegiatan/sub_kegiatan)", b)
    hasil: list[dict[str, Any]] = []
    urusan = tujuan = sasaran = ""
    item: dict[str, Any] | None = None
    induk: dict[str, dict[str, Any] | None] = {"program": None, "kegiatan": None}
    for b in tm.baris_data():
        seksi = baris_seksi(tm, b)
        if seksi and not tm.teks(b, "kode") and not tm.teks(b, "program_kegiatan"):
            urusan = seksi
            continue
        if tm.teks(b, "tujuan"):
            tujuan, sasaran = tm.teks(b, "tujuan"), ""
        if tm.teks(b, "sasaran"):
            sasaran = tm.teks(b, "sasaran")
        kode_teks, nama = tm.teks(b, "kode"), tm.teks(b, "program_kegiatan")
        if kode_teks or nama:
            if not nama:
                raise tm.galat(f"kode '{kode_teks}' tanpa nama program/kegiatan", b, "program_kegiatan")
            try:
                kode, skema = normalisasi_kode(kode_teks)
            except KodeError as e:
                raise tm.galat(str(e), b, "kode") from None
            try:
                kelurahan = wilayah.dari_nama_kegiatan(nama)
            except KelurahanTakDikenal as e:
                raise tm.galat(
                    f"{e}; kelurahan yang dikenal: {', '.join(wilayah.kelurahan)}", b, "program_kegiatan"
                ) from None
            tingkat = _tingkat(nama, kode, skema, item["tingkat"] if item else None, paksa.get(b))
            item = {
                "item_id": f"{tm.id}:{b}", "tingkat": tingkat, "kode": kode, "kode_dokumen": kode_teks,
                "skema_kode": skema, "nama": nama, "kelurahan": kelurahan, "indikator_ke": 0,
            }  # fmt: skip
            if tingkat == "program":
                induk = {"program": item, "kegiatan": None}
            elif tingkat == "kegiatan":
                induk["kegiatan"] = item
            elif induk["kegiatan"] is None:
                raise tm.galat("sub kegiatan tanpa kegiatan di atasnya", b, "program_kegiatan")
            if induk["program"] is None:
                raise tm.galat(f"{tingkat.replace('_', ' ')} tanpa program di atasnya", b, "program_kegiatan")
        elif item is None:
            raise tm.galat("baris indikator tanpa program/kegiatan di atasnya", b, "indikator")
        item["indikator_ke"] += 1
        program, kegiatan = induk["program"], induk["kegiatan"]
        indikator = tm.teks(b, "indikator")
        awal = tm.angka(b, "capaian_awal")
        for t in tahun:
            target = tm.angka(b, f"target_{t}")
            pagu = tm.angka(b, f"rp_{t}", "rupiah")
            if isinstance(pagu.angka, float) and not pagu.angka.is_integer():
                raise tm.galat(f"pagu '{pagu.teks}' harus Rupiah utuh", b, f"rp_{t}")
            hasil.append({
                "tabel": tm.label, "baris": b, "item_id": item["item_id"], "indikator_ke": item["indikator_ke"],
                "urusan": urusan, "tujuan": tujuan, "sasaran": sasaran, "tahun": t,
                "tingkat": item["tingkat"], "kode": item["kode"], "kode_dokumen": item["kode_dokumen"],
                "skema_kode": item["skema_kode"], "nama": item["nama"], "kelurahan": item["kelurahan"],
                "indikator": indikator, "target": target.angka, "satuan": target.satuan,
                "target_persen": target.persen, "target_teks": target.teks,
                "pagu": None if pagu.angka is None else int(pagu.angka),
                "pagu_status": pagu.status, "pagu_teks": pagu.teks,
                "capaian_awal": awal.angka, "capaian_awal_teks": awal.teks,
                "unit_kerja": tm.teks(b, "unit_kerja"), "lokasi": tm.teks(b, "lokasi"),
                "program_id": program["item_id"], "program_kode": program["kode"], "program_nama": program["nama"],
                "kegiatan_id": kegiatan["item_id"] if kegiatan else "",
                "kegiatan_kode": kegiatan["kode"] if kegiatan else "",
                "kegiatan_nama": kegiatan["nama"] if kegiatan else "",
                "polaritas": polaritas.get(indikator, bawaan),
            })  # fmt: skip
    return hasil
