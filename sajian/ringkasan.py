"""Summaries of a loaded Renstra for the pages. Pure pandas: no Streamlit, no formatting."""

from __future__ import annotations

from typing import Any

import pandas as pd

from loaders import Renstra


def daftar_tabel(r: Renstra) -> pd.DataFrame:
    """One row per loaded table: tabel (label), judul, bagian, jumlah_baris (data rows as printed)."""
    return pd.DataFrame(
        [
            {
                "tabel": tm.label,
                "judul": str(tm.meta.get("judul", "")),
                "bagian": str(tm.meta.get("bagian", "")),
                "jumlah_baris": len(tm.data),
            }
            for tm in r.tabel_mentah.values()
        ],
        columns=["tabel", "judul", "bagian", "jumlah_baris"],
    )


def pagu_program_per_tahun(rencana: pd.DataFrame) -> pd.DataFrame:
    """Per year of T-C.27: the sum of the *program* rows' pagu that the document prints readably.

    Columns: tahun, jumlah_program, program_terbaca, program_tak_terbaca (pagu printed as
    ***** / #####), pagu_program (Int64; NA when no program of that year has a readable pagu,
    never 0). A program with several indicator rows carries its pagu on one of them; the
    other rows' pagu is NA, so summing the non-NA rows counts each program once.
    """
    program = rencana[rencana["tingkat"] == "program"]
    baris = []
    for tahun, kelompok in program.groupby("tahun", sort=True):
        per_program = kelompok.groupby("item_id", sort=False).agg(
            pagu=("pagu", lambda s: s.sum(min_count=1)),
            tak_terbaca=("pagu_status", lambda s: bool((s == "tidak_terbaca").any())),
        )
        terbaca = per_program["pagu"].notna()
        baris.append(
            {
                "tahun": int(tahun),
                "jumlah_program": len(per_program),
                "program_terbaca": int(terbaca.sum()),
                "program_tak_terbaca": int(per_program["tak_terbaca"].sum()),
                "pagu_program": int(per_program.loc[terbaca, "pagu"].sum()) if terbaca.any() else pd.NA,
            }
        )
    hasil = pd.DataFrame(
        baris, columns=["tahun", "jumlah_program", "program_terbaca", "program_tak_terbaca", "pagu_program"]
    )
    return hasil.astype(
        {"tahun": "Int64", "jumlah_program": "Int64", "program_terbaca": "Int64",
         "program_tak_terbaca": "Int64", "pagu_program": "Int64"}
    )  # fmt: skip


def label_tabel(r: Renstra) -> dict[str, str]:
    """Table id -> "T-C.24 — Anggaran dan Realisasi Pendanaan ...", in manifest order."""
    return {tid: f"{tm.label} — {tm.meta.get('judul', '')}".rstrip(" —") for tid, tm in r.tabel_mentah.items()}


def tabel_tercetak(r: Renstra, tid: str) -> pd.DataFrame:
    """A table's cells as printed, as text (empty cell -> ""), indexed by data row ("baris")."""
    data = r.tabel_mentah[tid].data

    def teks(v: Any) -> str:
        return "" if v is None or (isinstance(v, float) and v != v) else str(v)

    hasil = data.map(teks).astype("string")
    hasil.index = pd.Index(data.index, name="baris")
    return hasil


def koreksi_tabel(r: Renstra, tid: str) -> pd.DataFrame:
    """The manifest's transcription corrections for one table: baris, jenis, uraian, sumber_baris_teks.

    ``baris`` lists the data rows a correction touched, or is empty ("") when it touched no
    single data row (e.g. repeated page-header rows that were dropped).
    """
    kolom = ["baris", "jenis", "uraian", "sumber_baris_teks"]
    baris = []
    for k in r.tabel_mentah[tid].meta.get("koreksi", []) or []:
        nomor = k.get("baris") or []
        if isinstance(nomor, int):
            nomor = [nomor]
        baris.append(
            {
                "baris": ", ".join(str(b) for b in nomor),
                "jenis": str(k.get("jenis", "")),
                "uraian": str(k.get("uraian", "")),
                "sumber_baris_teks": str(k.get("sumber_baris_teks", "")),
            }
        )
    return pd.DataFrame(baris, columns=kolom).astype("string")


def hitung_keparahan(temuan: pd.DataFrame, urutan: tuple[str, ...] = ("galat", "peringatan", "info")) -> dict[str, int]:
    """Number of audit findings per keparahan, in ``urutan`` (0 when none)."""
    jumlah = temuan["keparahan"].value_counts()
    return {k: int(jumlah.get(k, 0)) for k in urutan}


def judul_kolom(r: Renstra, tid: str) -> dict[str, str]:
    """Column key -> the column's printed heading (group + label), for one table's form."""
    formulir = r.tabel_mentah[tid].formulir
    return {k: formulir.label(k) for k in formulir.keys}
