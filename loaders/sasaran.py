"""T-C.25 and T-C.28, before and after the revision, in long form.

TUJUAN and SASARAN are merged cells in the printed form: a row with them empty
belongs to the tujuan and sasaran above it.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from loaders.frame import ANGKA, BULAT, TEKS, Sel, Urutan, ambil, bingkai_kolom, gabung, panjang
from loaders.mentah import TabelMentah, siapkan_angka

SKEMA_SASARAN = {
    "versi": TEKS, "tabel": TEKS, "formulir": TEKS, "baris": BULAT, "no": TEKS, "tujuan": TEKS, "sasaran": TEKS,
    "level": TEKS, "indikator": TEKS, "jenis": TEKS, "tahun": BULAT, "target": ANGKA, "satuan": TEKS,
    "target_teks": TEKS, "target_status": TEKS, "polaritas": TEKS,
}  # fmt: skip

_KOLOM_TAHUN = re.compile(r"^(target|kondisi_awal|kondisi_akhir)_(\d{4})$")


def sasaran(tabel: list[TabelMentah], polaritas: dict[str, str], bawaan: str) -> pd.DataFrame:
    siapkan_angka([(tm, [k for k in tm.formulir.keys if _KOLOM_TAHUN.match(k)], "nilai") for tm in tabel])
    bagian = [_satu_tabel(tm, polaritas, bawaan) for tm in tabel]
    return bingkai_kolom(gabung(bagian, list(SKEMA_SASARAN)), SKEMA_SASARAN)


def _satu_tabel(tm: TabelMentah, polaritas: dict[str, str], bawaan: str) -> dict[str, Any]:
    # A revised Renstra prints the tables before and after its revision; any other has only the
    # current one ("sesudah", the default).
    versi = str(tm.meta.get("versi", "sesudah"))
    if versi not in ("sebelum", "sesudah"):
        raise tm.galat("manifest: versi tabel ini harus 'sebelum' atau 'sesudah'")
    kolom_tahun = [(k, *_KOLOM_TAHUN.match(k).groups()) for k in tm.formulir.keys if _KOLOM_TAHUN.match(k)]
    sel = Sel(tm)
    angka = sel.angka([k for k, _, _ in kolom_tahun])
    urutan = [(k, angka[k]["galat"]) for k, _, _ in kolom_tahun]
    per_baris = _baris(sel, urutan)
    posisi = per_baris.pop("posisi")
    n = len(posisi)
    per_baris |= {"versi": [versi] * n, "tabel": [tm.label] * n, "formulir": [tm.formulir.kode] * n}
    per_baris["polaritas"] = [polaritas.get(k, bawaan) for k in per_baris["indikator"]]
    per_tahun = {"jenis": [[j] * n for _, j, _ in kolom_tahun], "tahun": [[int(t)] * n for _, _, t in kolom_tahun]}
    bidang = {"target": "angka", "satuan": "satuan", "target_teks": "teks", "target_status": "status"}
    per_tahun |= ambil(angka, [k for k, _, _ in kolom_tahun], posisi, bidang)
    return panjang(per_baris, per_tahun)


def _baris(sel: Sel, urutan: Urutan) -> dict[str, list[Any]]:
    """Every row with the tujuan and sasaran (merged cells) it stands under, checked as it is read."""
    tm, pertama = sel.tm, sel.galat_pertama(urutan)
    no_k, tujuan_k, sasaran_k, indikator_k = (sel.teks(k) for k in ("no", "tujuan", "sasaran", "indikator"))
    hasil: dict[str, list[Any]] = {k: [] for k in ("posisi", "baris", "no", "tujuan", "sasaran", "level", "indikator")}
    no = tujuan = sas = ""
    level = "tujuan"
    for i, b in enumerate(sel.baris):
        if tujuan_k[i]:
            no, tujuan, sas, level = no_k[i], tujuan_k[i], "", "tujuan"
        if sasaran_k[i]:
            sas, level = sasaran_k[i], "sasaran"
        if not tujuan:
            raise tm.galat("baris indikator tanpa tujuan di atasnya", b, "tujuan")
        if not indikator_k[i]:
            raise tm.galat("indikator kosong", b, "indikator")
        sel.cek(i, urutan, pertama)
        for k, v in zip(hasil, (i, b, no, tujuan, sas, level, indikator_k[i]), strict=True):
            hasil[k].append(v)
    return hasil
