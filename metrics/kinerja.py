"""Capaian kinerja (T-C.23): realisasi against target, with its predikat.

Formulas (LKjIP practice; PermenPANRB 6/2022 "kondisi khusus" uses the same arithmetic):
- higher is better: capaian = realisasi / target x 100
- lower is better:  capaian = (2 - realisasi / target) x 100, not below 0
Target 0 or missing gives no capaian (with the reason), never 0 % or infinity.
"""

from __future__ import annotations

import pandas as pd

from metrics._util import angka
from metrics.predikat import Skala, predikat

LEBIH_RENDAH = "lebih_rendah"


def capaian(target: float | None, realisasi: float | None, lower_is_better: bool = False) -> float | None:
    """Capaian in percent; None when target is 0/None/NaN or realisasi None/NaN.

    Higher is better: realisasi / target x 100. Lower is better: (2 - realisasi / target) x 100,
    not below 0. Source: LKjIP practice (Permenpan RB 53/2014 on performance reporting);
    PermenPANRB 6/2022 "kondisi khusus" uses the same arithmetic."""
    t, r = angka(target), angka(realisasi)
    if t is None or t == 0 or r is None:
        return None
    if lower_is_better:
        return max(0.0, (2 - r / t) * 100)
    return r / t * 100


def alasan_tanpa_capaian(target: float | None, realisasi: float | None) -> str | None:
    """Why no capaian can be computed: "target tidak ada", "target 0", "realisasi belum ada"; None if it can."""
    t, r = angka(target), angka(realisasi)
    if t is None:
        return "target tidak ada"
    if t == 0:
        return "target 0"
    if r is None:
        return "realisasi belum ada"
    return None


def _gabung_realisasi(kinerja: pd.DataFrame, tambahan: pd.DataFrame | None) -> pd.DataFrame:
    """Document rows with ``realisasi`` replaced/extended by later uploads (keys indikator, tahun).

    An optional ``target`` column in the upload gives the target of years the document lacks.
    """
    d = kinerja.copy()
    d["realisasi_sumber"] = pd.Series("dokumen", index=d.index, dtype="string")
    d.loc[d["realisasi"].isna(), "realisasi_sumber"] = pd.NA
    d["target_sumber"] = pd.Series("T-C.23", index=d.index, dtype="string")
    d.loc[d["target"].isna(), "target_sumber"] = pd.NA
    if tambahan is None or tambahan.empty:
        return d
    hilang = {"indikator", "tahun", "realisasi"} - set(tambahan.columns)
    if hilang:
        raise ValueError(f"realisasi_tambahan tidak punya kolom: {', '.join(sorted(hilang))}")
    t = tambahan[[c for c in ("indikator", "tahun", "realisasi", "target") if c in tambahan.columns]].copy()
    if "target" not in t.columns:
        t["target"] = pd.NA
    t["tahun"] = t["tahun"].astype("Int64")
    t["realisasi"] = pd.to_numeric(t["realisasi"], errors="coerce").astype("Float64")
    t["target"] = pd.to_numeric(t["target"], errors="coerce").astype("Float64")
    t = t.dropna(subset=["realisasi"]).drop_duplicates(["indikator", "tahun"], keep="last")
    kunci = d[["indikator", "tahun"]].astype({"tahun": "Int64"})
    gabung = kunci.merge(t.drop(columns="target"), on=["indikator", "tahun"], how="left")
    ada = gabung["realisasi"].notna().to_numpy()
    d.loc[ada, "realisasi"] = gabung.loc[ada, "realisasi"].to_numpy()
    d.loc[ada, "realisasi_sumber"] = "unggahan"
    d.loc[ada, "realisasi_disamakan_target"] = False
    # indicator-years not in the document at all: new rows carrying the indicator's own metadata
    baru = t.merge(kunci.drop_duplicates(), on=["indikator", "tahun"], how="left", indicator=True)
    baru = baru[baru["_merge"] == "left_only"].drop(columns="_merge")
    if not baru.empty:
        meta = d.drop_duplicates("indikator", keep="last")
        meta = meta.drop(columns=[c for c in ("tahun", "target", "realisasi", "rasio_dokumen") if c in meta.columns])
        meta = meta.drop(columns=[c for c in meta.columns if c.endswith(("_teks", "_status"))])
        baru = baru.merge(meta.drop(columns="target_sumber"), on="indikator", how="left")
        baru["realisasi_sumber"] = "unggahan"
        baru["target_sumber"] = pd.Series("unggahan", index=baru.index, dtype="string").where(baru["target"].notna())
        baru["realisasi_disamakan_target"] = False
        d = pd.concat([d, baru[[c for c in d.columns if c in baru.columns]]], ignore_index=True)
    return d


def _target_sasaran(d: pd.DataFrame, sasaran: pd.DataFrame) -> pd.DataFrame:
    """Fill missing targets from r.sasaran (T-C.25/T-C.28, jenis 'target'), the revised version first."""
    s = sasaran[sasaran["jenis"] == "target"].dropna(subset=["target"]).copy()
    s["_urut"] = (s["versi"] != "sesudah").astype(int)
    s = s.sort_values(["_urut"], kind="stable").drop_duplicates(["indikator", "tahun"])
    s = s[["indikator", "tahun", "target", "tabel"]].astype({"tahun": "Int64"})
    g = d[["indikator", "tahun"]].astype({"tahun": "Int64"}).merge(s, on=["indikator", "tahun"], how="left")
    isi = (d["target"].isna().to_numpy()) & g["target"].notna().to_numpy()
    d.loc[isi, "target"] = g.loc[isi, "target"].to_numpy()
    d.loc[isi, "target_sumber"] = g.loc[isi, "tabel"].to_numpy()
    return d


def capaian_kinerja(
    kinerja: pd.DataFrame,
    realisasi_tambahan: pd.DataFrame | None = None,
    skala: Skala | None = None,
    sasaran: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Per indikator and tahun of r.kinerja (T-C.23): target, realisasi, capaian, alasan, predikat.

    ``realisasi_tambahan`` (columns indikator, tahun, realisasi, optionally target) overrides
    or extends the document's realisasi; with ``sasaran`` (r.sasaran), years without a
    T-C.23 target take the Renstra target of the same indicator (T-C.25/T-C.28).
    ``realisasi_sumber`` and ``target_sumber`` say where each figure comes from.
    """
    d = _gabung_realisasi(kinerja, realisasi_tambahan)
    if sasaran is not None and not sasaran.empty:
        d = _target_sasaran(d, sasaran)
    if "polaritas" not in d.columns:
        d["polaritas"] = "lebih_tinggi"
    if "realisasi_disamakan_target" not in d.columns:
        d["realisasi_disamakan_target"] = False
    nilai, alasan, pred = [], [], []
    for t, r, p in zip(d["target"], d["realisasi"], d["polaritas"], strict=True):
        c = capaian(t, r, lower_is_better=(p == LEBIH_RENDAH))
        nilai.append(c)
        alasan.append(alasan_tanpa_capaian(t, r) if c is None else None)
        pred.append(predikat(c, skala))
    kolom = ["indikator", "tahun", "satuan", "polaritas", "target", "target_sumber", "realisasi", "realisasi_sumber"]
    hasil = d[[c for c in kolom if c in d.columns]].copy()
    hasil["target"] = pd.to_numeric(hasil["target"]).astype("Float64")
    hasil["realisasi"] = pd.to_numeric(hasil["realisasi"]).astype("Float64")
    hasil["capaian"] = pd.array(nilai, dtype="Float64")
    hasil["alasan"] = pd.array(alasan, dtype="string")
    hasil["predikat"] = pd.array(pred, dtype="string")
    hasil["realisasi_disamakan_target"] = d["realisasi_disamakan_target"].astype("boolean")
    if "rasio_dokumen" in d.columns:
        hasil["capaian_dokumen"] = d["rasio_dokumen"].astype("Float64")
    return hasil.sort_values(["indikator", "tahun"], kind="stable").reset_index(drop=True)
