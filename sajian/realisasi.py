"""Realisasi reported after the document (the plan years it has no realisasi for) beside the plan's targets and pagu.

Pure pandas. ``tersimpan`` is the store's current state in the shape of
``realisasi.KOLOM_REALISASI`` (one row per T-C.27 indicator row of a year). Nothing here
invents a value: a row that was not reported is simply absent, and its year says so.
"""

from __future__ import annotations

import pandas as pd

import metrics
from loaders import Renstra
from metrics.kinerja import LEBIH_RENDAH


def _gabung(r: Renstra, tahun: int, tersimpan: pd.DataFrame) -> pd.DataFrame:
    """T-C.27 rows of ``tahun`` joined with what was reported for them."""
    rencana = r.rencana[r.rencana["tahun"] == tahun]
    lapor = tersimpan[tersimpan["tahun"] == tahun][["item_id", "indikator_ke", "realisasi", "realisasi_rp"]]
    return rencana.merge(lapor.astype({"indikator_ke": "Int64"}), on=["item_id", "indikator_ke"], how="inner")


def capaian_dilaporkan(r: Renstra, tahun: int, tersimpan: pd.DataFrame) -> pd.DataFrame:
    """Capaian and predikat of every T-C.27 indicator of ``tahun`` whose realisasi was reported.

    Same arithmetic as the document's years (``metrics.capaian`` with the manifest's polarity,
    ``metrics.predikat`` on settings/predikat.toml). Columns match the Kinerja page's capaian
    chart: urutan, indikator (code, name, kelurahan and indicator), polaritas, satuan, target,
    realisasi, capaian, predikat, alasan, catatan.
    """
    d = _gabung(r, tahun, tersimpan)
    d = d[d["realisasi"].notna()].sort_values(["tabel", "baris", "indikator_ke"], kind="stable")
    baris = []
    for i, b in enumerate(d.itertuples(index=False)):
        rendah = b.polaritas == LEBIH_RENDAH
        c = metrics.capaian(b.target, b.realisasi, lower_is_better=rendah)
        nama = " ".join(str(x) for x in (b.kode, b.nama) if isinstance(x, str) and x)
        baris.append(
            {
                "urutan": i,
                "indikator": f"{nama}: {b.indikator}" if isinstance(b.indikator, str) and b.indikator else nama,
                "item_id": b.item_id,
                "indikator_ke": b.indikator_ke,
                "kelurahan": b.kelurahan if isinstance(b.kelurahan, str) else "",
                "polaritas": b.polaritas,
                "satuan": b.satuan,
                "target": b.target,
                "realisasi": b.realisasi,
                "capaian": c,
                "predikat": metrics.predikat(c),
                "alasan": None if c is not None else metrics.alasan_tanpa_capaian(b.target, b.realisasi),
                "catatan": "realisasi dilaporkan lewat Isi Realisasi",
            }
        )
    kolom = ["urutan", "indikator", "item_id", "indikator_ke", "kelurahan", "polaritas", "satuan", "target",
             "realisasi", "capaian", "predikat", "alasan", "catatan"]  # fmt: skip
    hasil = pd.DataFrame(baris, columns=kolom)
    return hasil.astype({"target": "Float64", "realisasi": "Float64", "capaian": "Float64"})


def serapan_dilaporkan(r: Renstra, tahun: int, tersimpan: pd.DataFrame) -> pd.DataFrame:
    """Pagu against reported Rupiah spent for the T-C.27 rows of ``tahun`` (``metrics.serapan``)."""
    d = _gabung(r, tahun, tersimpan)
    d = d[d["realisasi_rp"].notna()].sort_values(["tabel", "baris"], kind="stable")
    hasil = pd.DataFrame(
        {
            "kode": d["kode"],
            "nama": d["nama"],
            "kelurahan": d["kelurahan"].fillna(""),
            "tingkat": d["tingkat"],
            "pagu": d["pagu"],
            "realisasi": d["realisasi_rp"],
            "serapan": [metrics.serapan(p, x) for p, x in zip(d["pagu"], d["realisasi_rp"], strict=True)],
        }
    )
    return hasil.astype({"serapan": "Float64"}).reset_index(drop=True)


def dengan_laporan(df: pd.DataFrame, tersimpan: pd.DataFrame) -> pd.DataFrame:
    """``df`` (rows keyed by tahun, item_id, indikator_ke, with target and polaritas) plus the
    reported ``realisasi`` / ``realisasi_rp`` and the ``capaian`` they give; NA where nothing was reported."""
    kunci = ["tahun", "item_id", "indikator_ke"]
    lapor = tersimpan[[*kunci, "realisasi", "realisasi_rp"]].astype({"tahun": "Int64", "indikator_ke": "Int64"})
    hasil = df.merge(lapor, on=kunci, how="left")
    hasil["capaian"] = pd.array(
        [
            metrics.capaian(t, x, lower_is_better=p == LEBIH_RENDAH)
            for t, x, p in zip(hasil["target"], hasil["realisasi"], hasil["polaritas"], strict=True)
        ],
        dtype="Float64",
    )
    return hasil


def serapan_terakhir(r: Renstra, tersimpan: pd.DataFrame) -> dict[str, object] | None:
    """The latest year with reported Rupiah: sum realisasi / sum pagu of the reported rows.

    Only rows whose pagu the document prints readably count on both sides. None when nothing
    was reported.
    """
    if tersimpan.empty or tersimpan["realisasi_rp"].notna().sum() == 0:
        return None
    tahun = int(tersimpan.loc[tersimpan["realisasi_rp"].notna(), "tahun"].max())
    d = serapan_dilaporkan(r, tahun, tersimpan)
    d = d[d["pagu"].notna()]
    if d.empty:
        return None
    pagu, realisasi = int(d["pagu"].sum()), int(d["realisasi"].sum())
    return {
        "tahun": tahun,
        "pagu": pagu,
        "realisasi": realisasi,
        "baris": len(d),
        "serapan": metrics.serapan(pagu, realisasi),
    }
