"""Kelola Renstra and Antar-Renstra: what an imported Renstra holds, how two versions differ,
and several Renstra side by side. Pure pandas, like every ``sajian`` module.
"""

from __future__ import annotations

import pandas as pd

import metrics
from loaders import Renstra
from loaders.forms import tahun_periode
from loaders.mentah import TabelMentah
from sajian import ringkasan

TINGKAT = (("program", "Program"), ("kegiatan", "Kegiatan"), ("sub_kegiatan", "Sub kegiatan"))


def identitas(r: Renstra) -> pd.DataFrame:
    """The identity rows a preview shows: title, perangkat daerah, period, date, kelurahan, tables."""
    info = r.manifest.get("renstra", {})
    periode = info.get("periode") or []
    baris = [
        ("ID Renstra", str(info.get("id", ""))),
        ("Judul", r.judul),
        ("Perangkat daerah", str(info.get("perangkat_daerah", ""))),
        ("Pemerintah daerah", str(info.get("pemerintah_daerah", ""))),
        ("Periode", f"{periode[0]}-{periode[-1]}" if periode else ""),
        ("Tahun rencana", ", ".join(map(str, tahun_periode(periode))) if periode else ""),
        ("Tanggal dokumen", str(info.get("tanggal", ""))),
        (f"Kelurahan ({len(r.kelurahan)})", ", ".join(r.kelurahan)),
        ("Tabel", ", ".join(tm.label for tm in r.tabel_mentah.values())),
    ]
    return pd.DataFrame(baris, columns=["isian", "nilai"]).astype("string")


def isi_per_tahun(r: Renstra) -> pd.DataFrame:
    """Per plan year: programs, kegiatan, sub kegiatan, indicator rows (T-C.27) and the total pagu."""
    R = r.rencana
    hasil = pd.DataFrame({"tahun": sorted(int(t) for t in R["tahun"].dropna().unique())})
    for tingkat, _ in TINGKAT:
        n = R[R["tingkat"].eq(tingkat)].groupby("tahun")["item_id"].nunique()
        hasil[tingkat] = hasil["tahun"].map(n).fillna(0).astype("Int64")
    hasil["indikator"] = hasil["tahun"].map(R[R["indikator"].fillna("").ne("")].groupby("tahun").size())
    hasil["indikator"] = hasil["indikator"].fillna(0).astype("Int64")
    pagu = ringkasan.pagu_per_tahun(r).set_index("tahun")["pagu"]
    hasil["pagu"] = hasil["tahun"].map(pagu).astype("Int64")
    return hasil.astype({"tahun": "Int64"})


def beda_versi(lama: Renstra, baru: Renstra) -> pd.DataFrame:
    """Every printed cell a corrected re-upload changes: table, row, column, before and after.

    Tables are matched by their id, rows by their place in the table (1 = first data row). A table
    or row only in one version is one line ("tabel baru", "baris dihapus", ...).
    """
    rekaman: list[dict[str, object]] = []
    for tid in dict.fromkeys([*lama.tabel_mentah, *baru.tabel_mentah]):
        a, b = lama.tabel_mentah.get(tid), baru.tabel_mentah.get(tid)
        if a is None or b is None:
            tm = b if a is None else a
            jenis = "tabel baru" if a is None else "tabel dihapus"
            rekaman.append(
                {"tabel": tm.label, "baris": pd.NA, "kolom": "", "sebelum": "", "sesudah": "", "jenis": jenis}
            )
            continue
        rekaman += _beda_tabel(a, b)
    hasil = pd.DataFrame(rekaman, columns=["tabel", "baris", "kolom", "sebelum", "sesudah", "jenis"])
    return hasil.astype({"baris": "Int64", **{k: "string" for k in ("tabel", "kolom", "sebelum", "sesudah", "jenis")}})


def _teks(v: object) -> str:
    return "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v).strip()


def _beda_tabel(a: TabelMentah, b: TabelMentah) -> list[dict[str, object]]:
    hasil: list[dict[str, object]] = []
    kolom = list(dict.fromkeys([*a.formulir.keys, *b.formulir.keys]))
    for baris in sorted(set(a.data.index) | set(b.data.index)):
        ada_a, ada_b = baris in a.data.index, baris in b.data.index
        if not (ada_a and ada_b):
            jenis = "baris baru" if ada_b else "baris dihapus"
            hasil.append({"tabel": b.label, "baris": baris, "kolom": "", "sebelum": "", "sesudah": "", "jenis": jenis})
            continue
        for k in kolom:
            va = _teks(a.data.at[baris, k]) if k in a.data.columns else ""
            vb = _teks(b.data.at[baris, k]) if k in b.data.columns else ""
            if va != vb:
                label = b.formulir.label(k) if k in b.formulir.keys else a.formulir.label(k)
                hasil.append(
                    {"tabel": b.label, "baris": baris, "kolom": label, "sebelum": va, "sesudah": vb, "jenis": "diubah"}
                )
    return hasil


# --- Antar-Renstra ----------------------------------------------------------------------------------


def ringkas_renstra(r: Renstra) -> pd.DataFrame:
    """One Renstra in one row: title, perangkat daerah, period, programs and indicator rows in its last
    plan year (T-C.27), kelurahan, total pagu over the plan years."""
    info = r.manifest.get("renstra", {})
    periode = info.get("periode") or [None, None]
    R = r.rencana[r.rencana["tahun"].eq(r.rencana["tahun"].max())]  # the plan's last year
    pagu = ringkasan.pagu_per_tahun(r)["pagu"]
    baris = {
        "id": str(info.get("id", "")),
        "judul": r.judul,
        "perangkat_daerah": str(info.get("perangkat_daerah", "")),
        "periode": f"{periode[0]}-{periode[-1]}" if periode[0] else "",
        "tahun_akhir": int(R["tahun"].max()) if len(R) else pd.NA,
        "program": int(R[R["tingkat"].eq("program")]["item_id"].nunique()),
        "indikator": int(R[R["indikator"].fillna("").ne("")].shape[0]),
        "kelurahan": len(r.kelurahan),
        "pagu_total": int(pagu.sum()) if len(pagu) else pd.NA,
    }
    return pd.DataFrame([baris]).astype(
        {"program": "Int64", "indikator": "Int64", "kelurahan": "Int64", "pagu_total": "Int64"}
    )


def pagu_per_tahun(r: Renstra) -> pd.DataFrame:
    """Total pagu per year of one Renstra, labelled with its perangkat daerah and period (for side by side)."""
    info = r.manifest.get("renstra", {})
    periode = info.get("periode") or [None, None]
    label = f"{info.get('perangkat_daerah', r.judul)} {periode[0]}-{periode[-1]}".strip()
    hasil = ringkasan.pagu_per_tahun(r)[["tahun", "pagu"]].copy()
    hasil.insert(0, "renstra", label)
    return hasil.astype({"renstra": "string"})


def pangsa_kelurahan(r: Renstra) -> pd.DataFrame:
    """Each kelurahan's share of the pagu that names a kelurahan, per year (``metrics.pagu_per_kelurahan``)."""
    info = r.manifest.get("renstra", {})
    periode = info.get("periode") or [None, None]
    hasil = metrics.pagu_per_kelurahan(r.rencana)
    hasil.insert(0, "renstra", f"{info.get('perangkat_daerah', r.judul)} {periode[0]}-{periode[-1]}".strip())
    return hasil.astype({"renstra": "string"})


def gabung(per_renstra: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Frames of several Renstra (``state.sajikan_semua``) as one, in the order given."""
    daftar = [df for df in per_renstra.values() if df is not None and not df.empty]
    return pd.concat(daftar, ignore_index=True) if daftar else pd.DataFrame()
