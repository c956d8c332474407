"""T-C.23 (kinerja pelayanan) and T-C.24 (anggaran dan realisasi) in long form, one row per year."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pandas as pd

from loaders.frame import ANGKA, BULAT, TEKS, Larik, Sel, Urutan, ambil, bingkai_kolom, gabung, panjang
from loaders.mentah import TabelMentah, siapkan_angka

SKEMA_KINERJA = {
    "tabel": TEKS, "baris": BULAT, "urusan": TEKS, "no": TEKS, "indikator": TEKS, "tahun": BULAT,
    "target": ANGKA, "realisasi": ANGKA, "rasio_dokumen": ANGKA, "satuan": TEKS, "polaritas": TEKS,
    "target_teks": TEKS, "realisasi_teks": TEKS, "rasio_teks": TEKS,
    "target_status": TEKS, "realisasi_status": TEKS, "rasio_status": TEKS,
    "realisasi_disamakan_target": "boolean",
}  # fmt: skip

SKEMA_ANGGARAN = {
    "tabel": TEKS, "baris": BULAT, "urusan": TEKS, "program": TEKS, "program_id": TEKS, "tahun": BULAT,
    "anggaran": ANGKA, "realisasi": ANGKA, "rasio_dokumen": ANGKA,
    "pertumbuhan_anggaran_dokumen": ANGKA, "pertumbuhan_realisasi_dokumen": ANGKA,
    "anggaran_teks": TEKS, "realisasi_teks": TEKS, "rasio_teks": TEKS,
    "anggaran_status": TEKS, "realisasi_status": TEKS, "rasio_status": TEKS,
    "pertumbuhan_anggaran_teks": TEKS, "pertumbuhan_realisasi_teks": TEKS,
    "realisasi_disamakan_target": "boolean",
}  # fmt: skip


def kinerja(tabel: list[TabelMentah], polaritas: dict[str, str], bawaan: str) -> pd.DataFrame:
    siapkan_angka([(tm, [k for ks in _kolom_kinerja(tm).values() for k in ks], "nilai") for tm in tabel])
    return bingkai_kolom(gabung([_kinerja(tm, polaritas, bawaan) for tm in tabel], list(SKEMA_KINERJA)), SKEMA_KINERJA)


def _kolom_kinerja(tm: TabelMentah) -> dict[str, list[str]]:
    """T-C.23's number columns, in the order a row reads them: targets, realisations, ratios."""
    return {j: [f"{j}_{t}" for t in tm.formulir.tahun()] for j in ("target", "realisasi", "rasio")}


def _kinerja(tm: TabelMentah, polaritas: dict[str, str], bawaan: str) -> dict[str, Any]:
    sel, kolom = Sel(tm), _kolom_kinerja(tm)
    angka = sel.angka([k for ks in kolom.values() for k in ks])
    urutan = [(k, angka[k]["galat"]) for ks in kolom.values() for k in ks]
    posisi, urusan = _baris(sel, "indikator", "indikator kosong pada baris data", urutan)
    no, indikator = sel.teks("no"), sel.teks("indikator")
    per_baris = {
        "tabel": [tm.label] * len(posisi), "baris": [sel.baris[i] for i in posisi], "urusan": urusan,
        "no": [no[i] for i in posisi], "indikator": [indikator[i] for i in posisi],
        "satuan": _satuan(angka, kolom["target"] + kolom["realisasi"], posisi),
    }  # fmt: skip
    per_baris["polaritas"] = [polaritas.get(k, bawaan) for k in per_baris["indikator"]]
    per_tahun = _per_tahun(tm, posisi)
    for j, nama in (("target", "target"), ("realisasi", "realisasi"), ("rasio", "rasio_dokumen")):
        per_tahun |= ambil(angka, kolom[j], posisi, {nama: "angka", f"{j}_teks": "teks", f"{j}_status": "status"})
    return panjang(per_baris, per_tahun)


def _baris(sel: Sel, wajib: str, pesan: str, urutan: Urutan) -> tuple[list[int], list[str]]:
    """Positions and urusan of the data rows, each checked as it is read: ``wajib`` filled, then its numbers."""
    pertama, isi = sel.galat_pertama(urutan), sel.teks(wajib)
    posisi, urusan = [], []
    for i, seksi in sel.per_seksi():
        if not isi[i]:
            raise sel.tm.galat(pesan, sel.baris[i], wajib)
        sel.cek(i, urutan, pertama)
        posisi.append(i)
        urusan.append(seksi)
    return posisi, urusan


def _satuan(angka: dict[str, Larik], kolom: list[str], posisi: list[int]) -> list[str]:
    """Per row the unit printed most often with its targets and realisations (the first one on a tie)."""
    status = [angka[k]["status"][posisi] for k in kolom]
    satuan = [angka[k]["satuan"][posisi] for k in kolom]
    hasil = []
    for j in range(len(posisi)):
        ada = Counter(s[j] for st, s in zip(status, satuan, strict=True) if st[j] == "ok" and s[j])
        hasil.append(ada.most_common(1)[0][0] if ada else "")
    return hasil


def _per_tahun(tm: TabelMentah, posisi: list[int]) -> dict[str, Any]:
    """The year of each record and whether the document printed that year's targets as its realisation."""
    disamakan = set(tm.meta.get("realisasi_disamakan_target", []))
    tahun = tm.formulir.tahun()
    return {
        "tahun": [[t] * len(posisi) for t in tahun],
        "realisasi_disamakan_target": [[t in disamakan] * len(posisi) for t in tahun],
    }


def anggaran(tabel: list[TabelMentah]) -> pd.DataFrame:
    kolom = {id(tm): _kolom_anggaran(tm) for tm in tabel}
    siapkan_angka(
        [(tm, kolom[id(tm)][0], "nilai") for tm in tabel] + [(tm, kolom[id(tm)][1], "rupiah") for tm in tabel]
    )
    return bingkai_kolom(gabung([_anggaran(tm) for tm in tabel], list(SKEMA_ANGGARAN)), SKEMA_ANGGARAN)


def _kolom_anggaran(tm: TabelMentah) -> tuple[list[str], list[str]]:
    """T-C.24's number columns: the growth and ratio columns, and the Rupiah ones."""
    tahun = tm.formulir.tahun()
    nilai = ["pertumbuhan_anggaran", "pertumbuhan_realisasi"] + [f"rasio_{t}" for t in tahun]
    return nilai, [f"{j}_{t}" for t in tahun for j in ("anggaran", "realisasi")]


def _anggaran(tm: TabelMentah) -> dict[str, Any]:
    sel, tahun = Sel(tm), tm.formulir.tahun()
    nilai, rupiah = (sel.angka(k, j) for k, j in zip(_kolom_anggaran(tm), ("nilai", "rupiah"), strict=True))
    urutan = [(k, nilai[k]["galat"]) for k in ("pertumbuhan_anggaran", "pertumbuhan_realisasi")]
    for t in tahun:  # read as printed: the growth, then per year anggaran, realisasi, rasio
        urutan += [(f"{j}_{t}", rupiah[f"{j}_{t}"]["galat"]) for j in ("anggaran", "realisasi")]
        urutan.append((f"rasio_{t}", nilai[f"rasio_{t}"]["galat"]))
    posisi, urusan = _baris(sel, "uraian", "uraian program kosong pada baris data", urutan)
    uraian = sel.teks("uraian")
    per_baris = {
        "tabel": [tm.label] * len(posisi), "baris": [sel.baris[i] for i in posisi], "urusan": urusan,
        "program": [uraian[i] for i in posisi], "program_id": [f"{tm.id}:{sel.baris[i]}" for i in posisi],
    }  # fmt: skip
    for j in ("anggaran", "realisasi"):
        bidang = {f"pertumbuhan_{j}_dokumen": "angka", f"pertumbuhan_{j}_teks": "teks"}
        per_baris |= {k: v[0] for k, v in ambil(nilai, [f"pertumbuhan_{j}"], posisi, bidang).items()}
    per_tahun = _per_tahun(tm, posisi)
    for j in ("anggaran", "realisasi"):
        bidang = {j: "angka", f"{j}_teks": "teks", f"{j}_status": "status"}
        per_tahun |= ambil(rupiah, [f"{j}_{t}" for t in tahun], posisi, bidang)
    bidang = {"rasio_dokumen": "angka", "rasio_teks": "teks", "rasio_status": "status"}
    per_tahun |= ambil(nilai, [f"rasio_{t}" for t in tahun], posisi, bidang)
    return panjang(per_baris, per_tahun)
