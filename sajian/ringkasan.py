"""Summaries of a loaded Renstra for the pages. Pure pandas: no Streamlit, no formatting."""

from __future__ import annotations

from typing import Any

import pandas as pd

import metrics
from loaders import Renstra
from metrics.triwulan import ROMAWI
from sajian import anggaran, pilihan


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


def pagu_per_tahun(r: Renstra) -> pd.DataFrame:
    """Total pagu per year (T-C.27): the programs' pagu, a rincian sum where a program's is unreadable.

    Columns: tahun, pagu (Int64), program, program_rincian (how many programs were summed from
    their kegiatan / sub kegiatan because the document printed ***** / #####), catatan.
    """
    p = metrics.pagu_program(r.rencana)
    hasil = (
        p.assign(rincian=p["dasar"].eq("jumlah rincian"))
        .groupby("tahun", sort=True)
        .agg(pagu=("pagu", "sum"), program=("program_id", "size"), program_rincian=("rincian", "sum"))
        .reset_index()
    )
    hasil["catatan"] = [
        "" if n == 0 else f"{n} dari {m} program dijumlah dari rinciannya (pagu program tidak terbaca di dokumen)"
        for n, m in zip(hasil["program_rincian"], hasil["program"], strict=True)
    ]
    return hasil.astype({"tahun": "Int64", "pagu": "Int64", "program": "Int64", "program_rincian": "Int64",
                         "catatan": "string"})  # fmt: skip


def pagu_program_tahun(r: Renstra, tahun: int) -> pd.DataFrame:
    """Pagu of each program in ``tahun``, largest first: kunci, program (label), pagu, dasar."""
    p = metrics.pagu_program(r.rencana)
    p = p[p["tahun"] == tahun].copy()
    label = pilihan.program(r)
    ke_kunci = dict(zip(r.rencana["program_id"], pilihan.kunci_program(r.rencana), strict=True))
    p["kunci"] = p["program_id"].map(ke_kunci)
    p["program"] = p["kunci"].map(label)
    hasil = p[["kunci", "program", "pagu", "dasar"]].sort_values("pagu", ascending=False, kind="stable")
    return hasil.reset_index(drop=True).astype({"kunci": "string", "program": "string", "dasar": "string"})


def tahun_realisasi_terakhir(r: Renstra) -> int | None:
    """The latest year with realisasi in T-C.23/T-C.24 that the document did not copy from targets."""
    a = r.anggaran[r.anggaran["realisasi"].notna() & ~r.anggaran["realisasi_disamakan_target"].fillna(False)]
    return int(a["tahun"].max()) if not a.empty else None


def serapan_per_tahun(r: Renstra) -> pd.DataFrame:
    """Kecamatan-wide serapan per year of T-C.24, as on the Anggaran page (one computation).

    Columns: tahun, anggaran and realisasi of the programs that print both, serapan,
    program (how many), disamakan (the document copied targets into realisasi that year).
    No rows when the Renstra has no T-C.24.
    """
    a = anggaran.anggaran_realisasi_tahunan(r)
    hasil = pd.DataFrame(
        {
            "tahun": a["tahun"],
            "anggaran": a["anggaran_berealisasi"],
            "realisasi": a["realisasi"],
            "program": a["program_anggaran"] - a["program_tanpa_realisasi"],
            "serapan": a["serapan"],
            "disamakan": a["disamakan_target"].fillna(False).astype(bool),
        }
    )
    return hasil[hasil["serapan"].notna()].reset_index(drop=True)


def _sasaran_target(r: Renstra) -> pd.DataFrame:
    """The target rows of the plan's tujuan and sasaran: T-C.25 (the revised version where the
    Renstra has both), else the first form that prints them; no rows when there are none."""
    s = r.sasaran[(r.sasaran["versi"] == "sesudah") & (r.sasaran["jenis"] == "target")]
    if s.empty:
        return s
    formulir = "T-C.25" if (s["formulir"] == "T-C.25").any() else s["formulir"].iloc[0]
    return s[s["formulir"] == formulir]


def tujuan_sasaran(r: Renstra) -> pd.DataFrame:
    """The plan's tujuan and sasaran with their indicators and targets per year (``_sasaran_target``).

    One row per indicator: level, no, uraian (the tujuan or sasaran text), indikator, satuan,
    then one column per year the table prints ("2025" ... "2029") with the target as a number.
    """
    s = _sasaran_target(r).copy()
    if s.empty:
        return pd.DataFrame(columns=["level", "no", "uraian", "indikator", "satuan"])
    s["uraian"] = s["sasaran"].where(s["level"].eq("sasaran") & s["sasaran"].fillna("").ne(""), s["tujuan"])
    kunci = ["baris", "level", "no", "uraian", "indikator"]
    lebar = s.pivot_table(index=kunci, columns="tahun", values="target", aggfunc="first").reset_index()
    lebar.columns = [str(c) for c in lebar.columns]
    satuan = s.groupby("baris")["satuan"].agg(lambda x: next((v for v in x if isinstance(v, str) and v), ""))
    lebar["satuan"] = lebar["baris"].map(satuan).astype("string")
    tahun = [c for c in lebar.columns if c.isdigit()]
    return lebar.sort_values("baris")[["level", "no", "uraian", "indikator", "satuan", *tahun]].reset_index(drop=True)


def keadaan_tujuan_sasaran(r: Renstra) -> dict[str, object]:
    """What the page says about ``tujuan_sasaran``: tahun (its target years), formulir and judul (the
    table's form and title, ``anggaran.judul_tabel``) and berubah (the Renstra is a revision: it
    also prints the version before the change)."""
    s = _sasaran_target(r)
    kode = str(s["formulir"].iloc[0]) if len(s) else "T-C.25"
    return {
        "tahun": sorted(int(t) for t in s["tahun"].dropna().unique()),
        "formulir": kode,
        "judul": anggaran.judul_tabel(r, kode, str(s["tabel"].iloc[0]) if len(s) else ""),
        "berubah": bool(r.sasaran["versi"].eq("sebelum").any()),
    }


def triwulan_terakhir(r: Renstra, triwulan: pd.DataFrame) -> dict[str, Any] | None:
    """The latest triwulan reported (``Gudang.keadaan_triwulan``): year, quarter and how many T-C.27
    rows of this Renstra reported it; None when no quarter is reported."""
    if triwulan.empty:
        return None
    kunci = triwulan["tahun"].astype(int) * 10 + triwulan["triwulan"].astype(int)
    akhir = triwulan[kunci == kunci.max()]
    tahun, tw = int(akhir["tahun"].iloc[0]), int(akhir["triwulan"].iloc[0])
    dikenal = r.rencana.loc[r.rencana["tahun"] == tahun, ["item_id", "indikator_ke"]].astype({"indikator_ke": "int64"})
    baris = akhir.astype({"indikator_ke": "int64"}).merge(dikenal, on=["item_id", "indikator_ke"])
    return {"tahun": tahun, "triwulan": tw, "romawi": ROMAWI[tw], "baris": len(baris)}
