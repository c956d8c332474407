"""Anggaran dan realisasi (T-C.24): serapan and growth.

- Rasio serapan = realisasi / anggaran x 100 (Permendagri 86/2017 evaluation tables; LKjIP practice).
- Rata-rata pertumbuhan: the regulation gives no formula, so both the mean of year-on-year
  growth and CAGR are computed and shown beside the document's own figure.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from metrics._util import angka

TOLERANSI_DOKUMEN = 0.005


def serapan(anggaran: float | None, realisasi: float | None) -> float | None:
    """Rasio serapan = realisasi / anggaran x 100; None when anggaran is 0/None/NaN or realisasi None/NaN.

    Source: the ratio column of form T-C.24 (Permendagri 86/2017 annex), computed the same way."""
    a, r = angka(anggaran), angka(realisasi)
    if a is None or a == 0 or r is None:
        return None
    return r / a * 100


def serapan_program(anggaran_df: pd.DataFrame, realisasi_tambahan: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per program and tahun of r.anggaran: anggaran, realisasi, serapan, melebihi_100, rasio_dokumen.

    ``realisasi_tambahan`` (columns program_id or program, tahun, realisasi) overrides the document's realisasi.
    """
    d = anggaran_df.copy()
    d["realisasi"] = pd.to_numeric(d["realisasi"]).astype("Float64")
    if realisasi_tambahan is not None and not realisasi_tambahan.empty:
        kunci = "program_id" if "program_id" in realisasi_tambahan.columns else "program"
        t = realisasi_tambahan[[kunci, "tahun", "realisasi"]].copy()
        t["tahun"] = t["tahun"].astype("Int64")
        t["realisasi"] = pd.to_numeric(t["realisasi"], errors="coerce").astype("Float64")
        t = t.dropna(subset=["realisasi"]).drop_duplicates([kunci, "tahun"], keep="last")
        g = d[[kunci, "tahun"]].astype({"tahun": "Int64"}).merge(t, on=[kunci, "tahun"], how="left")
        ada = g["realisasi"].notna().to_numpy()
        d.loc[ada, "realisasi"] = g.loc[ada, "realisasi"].to_numpy()
    hasil = d[["program_id", "program", "tahun", "anggaran", "realisasi"]].copy()
    hasil["anggaran"] = pd.to_numeric(hasil["anggaran"]).astype("Float64")
    nilai = [serapan(a, r) for a, r in zip(hasil["anggaran"], hasil["realisasi"], strict=True)]
    hasil["serapan"] = pd.array(nilai, dtype="Float64")
    hasil["melebihi_100"] = (hasil["serapan"] > 100).astype("boolean")
    hasil["rasio_dokumen"] = d["rasio_dokumen"].astype("Float64") if "rasio_dokumen" in d.columns else pd.NA
    return hasil.reset_index(drop=True)


def pertumbuhan(nilai_per_tahun: pd.Series) -> dict[str, float | None]:
    """Growth as fractions over years with data > 0.

    rata_rata_yoy = mean of (v[t+1] / v[t] - 1) over consecutive years both > 0;
    cagr = (last / first) ** (1 / (tahun_last - tahun_first)) - 1 over the first and last years > 0.
    The regulation gives no formula for "Rata-rata Pertumbuhan" (T-C.24), so both are computed
    and shown beside the document's own figure.
    """
    s = pd.to_numeric(pd.Series(nilai_per_tahun), errors="coerce").astype("Float64").dropna()
    s = s[s > 0]
    s.index = [int(t) for t in s.index]
    s = s.sort_index()
    nilai = {int(t): float(v) for t, v in s.items()}
    yoy = [nilai[t + 1] / nilai[t] - 1 for t in nilai if t + 1 in nilai]
    rata = sum(yoy) / len(yoy) if yoy else None
    cagr = None
    if len(nilai) >= 2:
        awal, akhir = min(nilai), max(nilai)
        cagr = (nilai[akhir] / nilai[awal]) ** (1 / (akhir - awal)) - 1
    return {"rata_rata_yoy": rata, "cagr": cagr}


def _metode_cocok(dokumen: Any, rata: float | None, cagr: float | None) -> str:
    """Which method reproduces the document's figure within TOLERANSI_DOKUMEN."""
    d = angka(dokumen)
    if d is None:
        return "tidak ada"
    ya_rata = rata is not None and math.isclose(rata, d, rel_tol=0, abs_tol=TOLERANSI_DOKUMEN)
    ya_cagr = cagr is not None and math.isclose(cagr, d, rel_tol=0, abs_tol=TOLERANSI_DOKUMEN)
    if ya_rata and ya_cagr:
        return "keduanya"
    if ya_rata:
        return "rata-rata pertumbuhan tahunan"
    return "CAGR" if ya_cagr else "tidak ada"


def pertumbuhan_program(anggaran_df: pd.DataFrame) -> pd.DataFrame:
    """Per program_id: mean YoY growth and CAGR of anggaran and realisasi beside the document's figures.

    ``metode_cocok_anggaran`` / ``metode_cocok_realisasi`` say which method reproduces each
    document figure; ``metode_cocok`` is the method(s) reproducing both.
    """
    rekaman = []
    for pid, g in anggaran_df.groupby("program_id", sort=False):
        baris: dict[str, Any] = {"program_id": pid, "program": g["program"].iloc[0]}
        cocok = {}
        for jenis in ("anggaran", "realisasi"):
            p = pertumbuhan(g.set_index("tahun")[jenis])
            dok = g[f"pertumbuhan_{jenis}_dokumen"].dropna()
            dok_nilai = float(dok.iloc[0]) if len(dok) else None
            baris[f"{jenis}_rata_rata_yoy"] = p["rata_rata_yoy"]
            baris[f"{jenis}_cagr"] = p["cagr"]
            baris[f"pertumbuhan_{jenis}_dokumen"] = dok_nilai
            cocok[jenis] = _metode_cocok(dok_nilai, p["rata_rata_yoy"], p["cagr"])
            baris[f"metode_cocok_{jenis}"] = cocok[jenis]
        baris["metode_cocok"] = _gabung_metode(cocok["anggaran"], cocok["realisasi"])
        rekaman.append(baris)
    hasil = pd.DataFrame(rekaman)
    for c in hasil.columns:
        if c.endswith(("_yoy", "_cagr", "_dokumen")):
            hasil[c] = pd.array(hasil[c].tolist(), dtype="Float64")
        else:
            hasil[c] = hasil[c].astype("string")
    return hasil


def _gabung_metode(a: str, b: str) -> str:
    """The method(s) matching both figures."""
    himpunan = {
        "keduanya": {"rata", "cagr"}, "rata-rata pertumbuhan tahunan": {"rata"}, "CAGR": {"cagr"}, "tidak ada": set(),
    }  # fmt: skip
    sama = himpunan[a] & himpunan[b]
    if sama == {"rata", "cagr"}:
        return "keduanya"
    if sama == {"rata"}:
        return "rata-rata pertumbuhan tahunan"
    return "CAGR" if sama == {"cagr"} else "tidak ada"
