"""Efisiensi: capaian kinerja (T-C.23) against serapan anggaran (T-C.24), with a quadrant.

Sources and formulas:
- capaian per indikator and tahun: ``metrics.capaian_kinerja`` (realisasi / target x 100, T-C.23);
- serapan per program and tahun: ``metrics.serapan_program`` (realisasi / anggaran x 100, T-C.24).

T-C.23 indicators and T-C.24 programs are separate tables with no key between them, so a
program-level pairing needs an explicit mapping ``pasangan`` (columns indikator, program_id);
none is ever guessed. Without it the pairing is made for the whole kecamatan per tahun:

- capaian = mean capaian of the indicators that have one that year;
- serapan = sum(realisasi) / sum(anggaran) x 100 over the programs with both anggaran and realisasi.

Years whose realisasi the document "disamakan dengan target" (``realisasi_disamakan_target``, the
years a table's manifest entry lists) are kept and explained in ``catatan``.
"""

from __future__ import annotations

import pandas as pd

KUADRAN_TINGGI_HEMAT = "Capaian tinggi, hemat anggaran"
KUADRAN_TINGGI_BOROS = "Capaian tinggi, boros anggaran"
KUADRAN_RENDAH_TAK_TERSERAP = "Capaian rendah, anggaran tidak terserap"
KUADRAN_RENDAH_BOROS = "Capaian rendah, boros anggaran"
CATATAN_DISAMAKAN = "realisasi tahun ini disamakan dengan target dalam dokumen; capaian/serapan belum nyata"

KOLOM = [
    "tingkat",
    "program_id",
    "program",
    "tahun",
    "capaian",
    "serapan",
    "n_indikator",
    "n_program",
    "kuadran",
    "catatan",
]


def kuadran(
    capaian: float | None, serapan: float | None, ambang_capaian: float = 100, ambang_serapan: float = 100
) -> str | None:
    """Quadrant of one (capaian, serapan) pair; None when either is missing.

    capaian >= ambang_capaian and serapan <= ambang_serapan -> "Capaian tinggi, hemat anggaran";
    capaian >= and serapan > -> "Capaian tinggi, boros anggaran";
    capaian < and serapan <= -> "Capaian rendah, anggaran tidak terserap";
    capaian < and serapan > -> "Capaian rendah, boros anggaran".
    """
    if capaian is None or serapan is None or pd.isna(capaian) or pd.isna(serapan):
        return None
    if capaian >= ambang_capaian:
        return KUADRAN_TINGGI_HEMAT if serapan <= ambang_serapan else KUADRAN_TINGGI_BOROS
    return KUADRAN_RENDAH_TAK_TERSERAP if serapan <= ambang_serapan else KUADRAN_RENDAH_BOROS


def _tahun_disamakan(df: pd.DataFrame) -> set[int]:
    """Years where any row has realisasi_disamakan_target True (empty set without the column)."""
    if "realisasi_disamakan_target" not in df.columns:
        return set()
    m = df["realisasi_disamakan_target"].astype("boolean").fillna(False).to_numpy(dtype=bool)
    return {int(t) for t in df.loc[m, "tahun"].dropna()}


def efisiensi(
    kinerja_capaian: pd.DataFrame,
    serapan: pd.DataFrame,
    pasangan: pd.DataFrame | None = None,
    ambang_capaian: float = 100,
    ambang_serapan: float = 100,
) -> pd.DataFrame:
    """Capaian against serapan per program (with ``pasangan``) or per kecamatan (without), per tahun.

    ``kinerja_capaian``: output of ``capaian_kinerja`` (indikator, tahun, capaian[, realisasi_disamakan_target]).
    ``serapan``: output of ``serapan_program`` (program_id, program, tahun, anggaran, realisasi, serapan;
    an optional realisasi_disamakan_target column is honoured too).
    ``pasangan``: explicit mapping indikator -> program_id; a program's capaian is the mean capaian
    of its paired indicators, its serapan its own realisasi / anggaran x 100.
    Only tahun (and program) with both a capaian and a serapan are returned.
    Columns: tingkat ("kecamatan"/"program"), program_id, program, tahun, capaian, serapan,
    n_indikator, n_program, kuadran, catatan.
    """
    k = kinerja_capaian[["indikator", "tahun", "capaian"]].copy()
    k["tahun"] = k["tahun"].astype("Int64")
    k["capaian"] = pd.to_numeric(k["capaian"]).astype("Float64")
    k = k.dropna(subset=["capaian", "tahun"])
    s = serapan[["program_id", "program", "tahun", "anggaran", "realisasi"]].copy()
    s["tahun"] = s["tahun"].astype("Int64")
    s["anggaran"] = pd.to_numeric(s["anggaran"]).astype("Float64")
    s["realisasi"] = pd.to_numeric(s["realisasi"]).astype("Float64")
    s = s.dropna(subset=["anggaran", "realisasi", "tahun"])
    s = s[s["anggaran"] != 0]
    disamakan = _tahun_disamakan(kinerja_capaian) | _tahun_disamakan(serapan)

    if pasangan is None:
        kc = k.groupby("tahun").agg(capaian=("capaian", "mean"), n_indikator=("indikator", "nunique"))
        sc = s.groupby("tahun").agg(
            anggaran=("anggaran", "sum"), realisasi=("realisasi", "sum"), n_program=("program_id", "nunique")
        )
        sc["serapan"] = sc["realisasi"] / sc["anggaran"] * 100
        hasil = kc.join(sc[["serapan", "n_program"]], how="inner").reset_index()
        hasil["tingkat"] = "kecamatan"
        hasil["program_id"] = pd.NA
        hasil["program"] = pd.NA
    else:
        hilang = {"indikator", "program_id"} - set(pasangan.columns)
        if hilang:
            raise ValueError(f"pasangan tidak punya kolom: {', '.join(sorted(hilang))}")
        p = pasangan[["indikator", "program_id"]].drop_duplicates()
        kp = k.merge(p, on="indikator", how="inner")
        kc = kp.groupby(["program_id", "tahun"]).agg(capaian=("capaian", "mean"), n_indikator=("indikator", "nunique"))
        sc = s.groupby(["program_id", "tahun"]).agg(
            program=("program", "first"), anggaran=("anggaran", "sum"), realisasi=("realisasi", "sum")
        )
        sc["serapan"] = sc["realisasi"] / sc["anggaran"] * 100
        sc["n_program"] = 1
        hasil = kc.join(sc[["program", "serapan", "n_program"]], how="inner").reset_index()
        hasil["tingkat"] = "program"

    hasil["kuadran"] = [
        kuadran(c, v, ambang_capaian, ambang_serapan) for c, v in zip(hasil["capaian"], hasil["serapan"], strict=True)
    ]
    hasil["catatan"] = [CATATAN_DISAMAKAN if int(t) in disamakan else None for t in hasil["tahun"]]
    hasil = hasil[KOLOM].copy()
    tipe = {"tingkat": "string", "program_id": "string", "program": "string", "tahun": "Int64",
            "capaian": "Float64", "serapan": "Float64", "n_indikator": "Int64", "n_program": "Int64",
            "kuadran": "string", "catatan": "string"}  # fmt: skip
    hasil = hasil.astype(tipe)
    return hasil.sort_values(["tahun", "program_id"], kind="stable").reset_index(drop=True)
