"""T-C.23 (kinerja pelayanan) and T-C.24 (anggaran dan realisasi) in long form, one row per year."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from loaders.frame import ANGKA, BULAT, TEKS, baris_per_seksi, bingkai
from loaders.mentah import TabelMentah

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
    rekaman = []
    for tm in tabel:
        disamakan = set(tm.meta.get("realisasi_disamakan_target", []))
        for b, urusan in baris_per_seksi(tm):
            indikator = tm.teks(b, "indikator")
            if not indikator:
                raise tm.galat("indikator kosong pada baris data", b, "indikator")
            sel = {
                (jenis, t): tm.angka(b, f"{jenis}_{t}")
                for jenis in ("target", "realisasi", "rasio")
                for t in tm.formulir.tahun()
            }
            satuan_ada = Counter(
                v.satuan for (jenis, _), v in sel.items() if jenis != "rasio" and v.status == "ok" and v.satuan
            )
            satuan = satuan_ada.most_common(1)[0][0] if satuan_ada else ""
            for t in tm.formulir.tahun():
                tg, rl, rs = sel[("target", t)], sel[("realisasi", t)], sel[("rasio", t)]
                rekaman.append({
                    "tabel": tm.label, "baris": b, "urusan": urusan, "no": tm.teks(b, "no"),
                    "indikator": indikator, "tahun": t,
                    "target": tg.angka, "realisasi": rl.angka, "rasio_dokumen": rs.angka, "satuan": satuan,
                    "polaritas": polaritas.get(indikator, bawaan),
                    "target_teks": tg.teks, "realisasi_teks": rl.teks, "rasio_teks": rs.teks,
                    "target_status": tg.status, "realisasi_status": rl.status, "rasio_status": rs.status,
                    "realisasi_disamakan_target": t in disamakan,
                })  # fmt: skip
    return bingkai(rekaman, SKEMA_KINERJA)


def anggaran(tabel: list[TabelMentah]) -> pd.DataFrame:
    rekaman = []
    for tm in tabel:
        disamakan = set(tm.meta.get("realisasi_disamakan_target", []))
        for b, urusan in baris_per_seksi(tm):
            program = tm.teks(b, "uraian")
            if not program:
                raise tm.galat("uraian program kosong pada baris data", b, "uraian")
            pa = tm.angka(b, "pertumbuhan_anggaran")
            pr = tm.angka(b, "pertumbuhan_realisasi")
            for t in tm.formulir.tahun():
                ag = tm.angka(b, f"anggaran_{t}", "rupiah")
                rl = tm.angka(b, f"realisasi_{t}", "rupiah")
                rs = tm.angka(b, f"rasio_{t}")
                rekaman.append({
                    "tabel": tm.label, "baris": b, "urusan": urusan, "program": program,
                    "program_id": f"{tm.id}:{b}", "tahun": t,
                    "anggaran": ag.angka, "realisasi": rl.angka, "rasio_dokumen": rs.angka,
                    "pertumbuhan_anggaran_dokumen": pa.angka, "pertumbuhan_realisasi_dokumen": pr.angka,
                    "anggaran_teks": ag.teks, "realisasi_teks": rl.teks, "rasio_teks": rs.teks,
                    "anggaran_status": ag.status, "realisasi_status": rl.status, "rasio_status": rs.status,
                    "pertumbuhan_anggaran_teks": pa.teks, "pertumbuhan_realisasi_teks": pr.teks,
                    "realisasi_disamakan_target": t in disamakan,
                })  # fmt: skip
    return bingkai(rekaman, SKEMA_ANGGARAN)
