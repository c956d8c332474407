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

# Plain words: what the two numbers are, not a verdict (a high serapan is not "wasteful" by itself).
KUADRAN_TINGGI_HEMAT = "Capaian tinggi, serapan rendah"
KUADRAN_TINGGI_BOROS = "Capaian tinggi, serapan tinggi"
KUADRAN_RENDAH_TAK_TERSERAP = "Capaian rendah, serapan rendah"
KUADRAN_RENDAH_BOROS = "Capaian rendah, serapan tinggi"
URUTAN_KUADRAN = (KUADRAN_TINGGI_HEMAT, KUADRAN_TINGGI_BOROS, KUADRAN_RENDAH_TAK_TERSERAP, KUADRAN_RENDAH_BOROS)
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

    "Tinggi" means at or above the threshold, on both axes:
    capaian >= ambang_capaian and serapan < ambang_serapan -> "Capaian tinggi, serapan rendah";
    capaian >= and serapan >= -> "Capaian tinggi, serapan tinggi";
    capaian < and serapan < -> "Capaian rendah, serapan rendah";
    capaian < and serapan >= -> "Capaian rendah, serapan tinggi".
    """
    if capaian is None or serapan is None or pd.isna(capaian) or pd.isna(serapan):
        return None
    if capaian >= ambang_capaian:
        return KUADRAN_TINGGI_HEMAT if serapan < ambang_serapan else KUADRAN_TINGGI_BOROS
    return KUADRAN_RENDAH_TAK_TERSERAP if serapan < ambang_serapan else KUADRAN_RENDAH_BOROS


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


# --- per T-C.27 row: capaian (K) against serapan (Rp), rolled up ---------------------------------

KOLOM_RINCI = ["tahun", "item_id", "pagu", "realisasi", "capaian", "serapan", "n_indikator", "kuadran"]


def _serapan(pagu: float | None, realisasi: float | None) -> float | None:
    if pagu is None or realisasi is None or pd.isna(pagu) or pd.isna(realisasi) or pagu == 0:
        return None
    return float(realisasi) / float(pagu) * 100


def efisiensi_rinci(baris: pd.DataFrame, ambang_capaian: float = 100, ambang_serapan: float = 100) -> pd.DataFrame:
    """Per tahun and item (one T-C.27 row with its indicator rows): capaian, serapan and kuadran.

    ``baris``: one row per indicator row, columns tahun, item_id, pagu (on the row that carries it),
    capaian (already with polarity; NA when none), realisasi (Rupiah reported; NA when none).
    - capaian = mean of the item's indicator capaian that exist (an item with two indicators, both
      reported at 90 and 110, has 100);
    - pagu = sum of its pagu cells, realisasi = sum of its reported Rupiah (NA when none);
    - serapan = realisasi / pagu x 100 (NA without both, or pagu 0);
    - kuadran = ``kuadran(capaian, serapan, ...)`` (NA without both).
    """
    d = baris[["tahun", "item_id", "pagu", "capaian", "realisasi"]].copy()
    for k in ("pagu", "capaian", "realisasi"):
        d[k] = pd.to_numeric(d[k]).astype("Float64")
    g = d.groupby(["tahun", "item_id"], sort=False)
    hasil = pd.DataFrame(
        {
            "pagu": g["pagu"].sum(min_count=1),
            "realisasi": g["realisasi"].sum(min_count=1),
            "capaian": g["capaian"].mean(),
            "n_indikator": g["capaian"].count(),
        }
    ).reset_index()
    return _lengkapi(hasil, ambang_capaian, ambang_serapan)[KOLOM_RINCI]


def _lengkapi(hasil: pd.DataFrame, ambang_capaian: float, ambang_serapan: float) -> pd.DataFrame:
    """Add serapan and kuadran, with nullable dtypes."""
    hasil["serapan"] = pd.array(
        [_serapan(p, x) for p, x in zip(hasil["pagu"], hasil["realisasi"], strict=True)], dtype="Float64"
    )
    hasil["capaian"] = hasil["capaian"].astype("Float64")
    hasil["kuadran"] = pd.array(
        [
            kuadran(c, s, ambang_capaian, ambang_serapan)
            for c, s in zip(hasil["capaian"], hasil["serapan"], strict=True)
        ],
        dtype="string",
    )
    return hasil.astype({"tahun": "Int64", "pagu": "Float64", "realisasi": "Float64", "n_indikator": "Int64"})


def gulung_efisiensi(
    rinci: pd.DataFrame, kunci: pd.Series, ambang_capaian: float = 100, ambang_serapan: float = 100
) -> pd.DataFrame:
    """``efisiensi_rinci`` rows rolled up to their parent (``kunci``: parent id per row, same index).

    Per tahun and parent, over its items:
    - capaian = mean of the items' capaian that exist (each item counts once, whatever its pagu);
    - serapan = sum(realisasi) / sum(pagu) x 100 over the items that report Rupiah and have a pagu;
    - pagu = sum of every item's pagu (the point's size), realisasi = sum of the reported Rupiah;
    - n_rinci = items with a capaian or a serapan.
    Columns: tahun, induk, pagu, realisasi, capaian, serapan, n_rinci, kuadran.
    """
    d = rinci.assign(induk=kunci.to_numpy())
    d = d[d["induk"].notna()]
    keduanya = d["realisasi"].notna() & d["pagu"].notna() & d["pagu"].ne(0)
    d = d.assign(
        pagu_lapor=d["pagu"].where(keduanya),
        realisasi_lapor=d["realisasi"].where(keduanya),
        ada=d["capaian"].notna() | d["serapan"].notna(),
    )
    g = d.groupby(["tahun", "induk"], sort=False)
    hasil = pd.DataFrame(
        {
            "pagu": g["pagu"].sum(min_count=1),
            "realisasi": g["realisasi_lapor"].sum(min_count=1),
            "pagu_lapor": g["pagu_lapor"].sum(min_count=1),
            "capaian": g["capaian"].mean(),
            "n_rinci": g["ada"].sum(),
        }
    ).reset_index()
    hasil["serapan"] = pd.array(
        [_serapan(p, x) for p, x in zip(hasil["pagu_lapor"], hasil["realisasi"], strict=True)], dtype="Float64"
    )
    hasil["kuadran"] = pd.array(
        [
            kuadran(c, s, ambang_capaian, ambang_serapan)
            for c, s in zip(hasil["capaian"], hasil["serapan"], strict=True)
        ],
        dtype="string",
    )
    kolom = ["tahun", "induk", "pagu", "realisasi", "capaian", "serapan", "n_rinci", "kuadran"]
    return hasil[kolom].astype(
        {"tahun": "Int64", "induk": "string", "pagu": "Float64", "realisasi": "Float64", "capaian": "Float64",
         "n_rinci": "Int64"}
    )  # fmt: skip
