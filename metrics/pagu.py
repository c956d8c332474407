"""Pagu roll-ups from r.rencana (T-C.27, rencana program/kegiatan/sub kegiatan dan pendanaan indikatif).

Pagu stays on the printed row, so summing ``pagu`` over rows never counts a printed figure
twice; summing over rows with ``punya_rincian == False`` adds every figure once at its most
detailed level. Rupiah are kept as integers (Int64).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from formatting import rupiah

TINGKAT = ("program", "kegiatan", "sub_kegiatan")


def _jumlah(s: pd.Series) -> Any:
    """Sum that stays NA when nothing is readable."""
    return s.sum(min_count=1)


def pagu_per_tingkat(rencana: pd.DataFrame, tingkat: str) -> pd.DataFrame:
    """Per tahun and printed item of one level: pagu = sum of the item's rows (NA when none readable)."""
    if tingkat not in TINGKAT:
        raise ValueError(f"tingkat '{tingkat}' tidak dikenal; pilih salah satu: {', '.join(TINGKAT)}")
    d = rencana[rencana["tingkat"] == tingkat]
    kunci = ["tahun", "item_id", "kode", "nama", "kelurahan"]
    hasil = d.groupby(kunci, sort=False, dropna=False)["pagu"].agg(_jumlah).reset_index()
    hasil["pagu"] = hasil["pagu"].astype("Int64")
    return hasil.sort_values(["tahun"], kind="stable").reset_index(drop=True)


def pagu_per_kelurahan(rencana: pd.DataFrame) -> pd.DataFrame:
    """Per tahun and kelurahan: pagu of the most detailed rows naming a kelurahan, and its share.

    pangsa = pagu / (that year's total over all kelurahan) x 100, so shares sum to 100 each year.
    """
    d = rencana[(~rencana["punya_rincian"].astype(bool)) & rencana["kelurahan"].fillna("").ne("")]
    hasil = d.groupby(["tahun", "kelurahan"], sort=True)["pagu"].sum().reset_index()
    hasil["pagu"] = hasil["pagu"].astype("Int64")
    total = hasil.groupby("tahun")["pagu"].transform("sum")
    pangsa = hasil["pagu"].astype("Float64") / total.astype("Float64") * 100
    hasil["pangsa"] = pangsa.where(total > 0).astype("Float64")
    return hasil


def perubahan_tahunan(df: pd.DataFrame, nilai: str = "pagu", kunci: Sequence[str] = ()) -> pd.DataFrame:
    """Adds ``selisih`` = v[t] - v[t-1] and ``persen`` = selisih / v[t-1] x 100 within each ``kunci`` group.

    NA when the previous year is absent or its value is NA; persen NA when the previous value is 0.
    """
    kunci = list(kunci)
    d = df.sort_values([*kunci, "tahun"], kind="stable").copy()
    sebelumnya = d[[*kunci, "tahun", nilai]].copy()
    sebelumnya["tahun"] = sebelumnya["tahun"] + 1
    sebelumnya = sebelumnya.rename(columns={nilai: "_sebelumnya"}).drop_duplicates([*kunci, "tahun"])
    d = d.merge(sebelumnya, on=[*kunci, "tahun"], how="left")
    v = pd.to_numeric(d[nilai]).astype("Float64")
    p = pd.to_numeric(d["_sebelumnya"]).astype("Float64")
    d["selisih"] = v - p
    d["persen"] = (d["selisih"] / p.where(p != 0)) * 100
    if pd.api.types.is_integer_dtype(df[nilai].dtype):
        d["selisih"] = d["selisih"].round().astype("Int64")
    return d.drop(columns="_sebelumnya").reset_index(drop=True)


def _rincian(rencana: pd.DataFrame) -> dict[tuple[int, str], int]:
    """(tahun, program_id) -> sum of the program's kegiatan pagu; a kegiatan without readable
    pagu counts its sub kegiatan instead. One pass over the frame (linear in its size)."""
    kegiatan = rencana[rencana["tingkat"] == "kegiatan"]
    per_kegiatan = kegiatan.groupby(["tahun", "program_id", "item_id"], sort=False)["pagu"].agg(_jumlah)
    sub = rencana[rencana["tingkat"] == "sub_kegiatan"]
    per_sub = sub.groupby(["tahun", "kegiatan_id"], sort=False)["pagu"].sum()
    total: dict[tuple[int, str], int] = {}
    for (tahun, pid, kid), pagu in per_kegiatan.items():
        if pd.isna(pagu):
            pagu = per_sub.get((tahun, kid), 0)
        kunci = (int(tahun), str(pid))
        total[kunci] = total.get(kunci, 0) + int(pagu)
    return total


def pagu_program(rencana: pd.DataFrame) -> pd.DataFrame:
    """Per tahun and program: pagu as printed, or the sum of its rincian when the program's own
    pagu is unreadable or missing (``dasar`` = "pagu program" / "jumlah rincian").

    Columns: tahun, program_id, kode, nama, pagu (Int64), dasar, pagu_teks (the printed cell).
    """
    rekaman = []
    rincian = _rincian(rencana)
    program = rencana[rencana["tingkat"] == "program"]
    for (tahun, pid), g in program.groupby(["tahun", "program_id"], sort=False):
        pagu = _jumlah(g["pagu"])
        dasar = "pagu program"
        if pd.isna(pagu):
            pagu, dasar = rincian.get((int(tahun), str(pid)), 0), "jumlah rincian"
        teks = next((str(t) for t in g["pagu_teks"] if isinstance(t, str) and t.strip()), "")
        rekaman.append(
            {"tahun": int(tahun), "program_id": str(pid), "kode": str(g["kode"].iloc[0] or ""),
             "nama": str(g["nama"].iloc[0]), "pagu": int(pagu), "dasar": dasar, "pagu_teks": teks}
        )  # fmt: skip
    hasil = pd.DataFrame(rekaman, columns=["tahun", "program_id", "kode", "nama", "pagu", "dasar", "pagu_teks"])
    return hasil.astype({"tahun": "Int64", "pagu": "Int64"}).reset_index(drop=True)


def total_kecamatan(rencana: pd.DataFrame, audit: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per tahun: total pagu of the kecamatan from program-level pagu where readable.

    A program whose pagu is unreadable or missing (e.g. printed *****) counts as the sum of
    its kegiatan (or sub kegiatan); ``dasar`` and ``catatan`` say so. With ``audit`` (the
    output of ``audit_renstra``), catatan also counts that year's T-C.27 findings.
    """
    rekaman = []
    rincian = _rincian(rencana)
    program = rencana[rencana["tingkat"] == "program"]
    for tahun, gt in program.groupby("tahun", sort=True):
        total, diganti = 0, []
        for pid, g in gt.groupby("program_id", sort=False):
            pagu = _jumlah(g["pagu"])
            if pd.isna(pagu):
                pagu = rincian.get((int(tahun), str(pid)), 0)
                kode = str(g["kode"].iloc[0] or "").strip()
                diganti.append(f"{kode} {g['nama'].iloc[0]}".strip() + f" ({rupiah(pagu)})")
            total += int(pagu)
        dasar = "pagu program" if not diganti else f"jumlah rincian untuk {len(diganti)} program"
        catatan = "" if not diganti else "pagu program tidak terbaca, dipakai jumlah rinciannya: " + "; ".join(diganti)
        if audit is not None and not audit.empty:
            n = int(((audit["tahun"] == tahun) & audit["tabel"].astype(str).str.startswith("T-C.27")).sum())
            if n:
                catatan = (catatan + "; " if catatan else "") + f"{n} temuan audit T-C.27 tahun ini"
        rekaman.append({"tahun": int(tahun), "total": total, "dasar": dasar, "catatan": catatan})
    hasil = pd.DataFrame(rekaman, columns=["tahun", "total", "dasar", "catatan"])
    return hasil.astype({"tahun": "Int64", "total": "Int64", "dasar": "string", "catatan": "string"})
