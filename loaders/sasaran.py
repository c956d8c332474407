"""T-C.25 and T-C.28, before and after the revision, in long form.

TUJUAN and SASARAN are merged cells in the printed form: a row with them empty
belongs to the tujuan and sasaran above it.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from loaders.frame import ANGKA, BULAT, TEKS, bingkai
from loaders.mentah import TabelMentah

SKEMA_SASARAN = {
    "versi": TEKS, "tabel": TEKS, "formulir": TEKS, "baris": BULAT, "no": TEKS, "tujuan": TEKS, "sasaran": TEKS,
    "level": TEKS, "indikator": TEKS, "jenis": TEKS, "tahun": BULAT, "target": ANGKA, "satuan": TEKS,
    "target_teks": TEKS, "target_status": TEKS, "polaritas": TEKS,
}  # fmt: skip

_KOLOM_TAHUN = re.compile(r"^(target|kondisi_awal|kondisi_akhir)_(\d{4})$")


def sasaran(tabel: list[TabelMentah], polaritas: dict[str, str], bawaan: str) -> pd.DataFrame:
    rekaman: list[dict[str, Any]] = []
    for tm in tabel:
        # A revised Renstra prints the tables before and after its revision; any other has only the
        # current one ("sesudah", the default).
        versi = str(tm.meta.get("versi", "sesudah"))
        if versi not in ("sebelum", "sesudah"):
            raise tm.galat("manifest: versi tabel ini harus 'sebelum' atau 'sesudah'")
        kolom_tahun = [(k, *_KOLOM_TAHUN.match(k).groups()) for k in tm.formulir.keys if _KOLOM_TAHUN.match(k)]
        no = tujuan = sas = ""
        level = "tujuan"
        for b in tm.baris_data():
            if tm.teks(b, "tujuan"):
                no, tujuan, sas, level = tm.teks(b, "no"), tm.teks(b, "tujuan"), "", "tujuan"
            if tm.teks(b, "sasaran"):
                sas, level = tm.teks(b, "sasaran"), "sasaran"
            if not tujuan:
                raise tm.galat("baris indikator tanpa tujuan di atasnya", b, "tujuan")
            indikator = tm.teks(b, "indikator")
            if not indikator:
                raise tm.galat("indikator kosong", b, "indikator")
            for key, jenis, tahun in kolom_tahun:
                v = tm.angka(b, key)
                rekaman.append({
                    "versi": versi, "tabel": tm.label, "formulir": tm.formulir.kode, "baris": b, "no": no,
                    "tujuan": tujuan, "sasaran": sas, "level": level, "indikator": indikator,
                    "jenis": jenis, "tahun": int(tahun), "target": v.angka, "satuan": v.satuan,
                    "target_teks": v.teks, "target_status": v.status,
                    "polaritas": polaritas.get(indikator, bawaan),
                })  # fmt: skip
    return bingkai(rekaman, SKEMA_SASARAN)
