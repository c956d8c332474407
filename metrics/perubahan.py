"""Perubahan Renstra: versi "sebelum" vs "sesudah" perubahan per formulir (T-C.25, T-C.28).

Source: r.sasaran (loaders/sasaran.py), columns versi, formulir, level, no, tujuan, sasaran,
indikator, jenis (target / kondisi_awal / kondisi_akhir), tahun, target, target_teks.

Indicators are matched by (formulir, indikator text, level, no). A formulir printed in one version
only (a Renstra that was never revised) has nothing to compare and gives no rows. For each formulir
printed in both versions it reports:
- "indikator dihapus" / "indikator ditambah": a key only in the sebelum / sesudah version;
- "indikator diganti nama": an unmatched sebelum and sesudah indicator at the same
  (formulir, level, no) whose texts are near-identical (SequenceMatcher ratio >= ``ambang_kemiripan``
  after casefolding, e.g. the spelling "Kemasyarakatan" -> "Kemasayarakatan" in T-C.28); they are
  then compared as one indicator (indikator = the sebelum text). ``ambang_kemiripan=None`` turns
  this off, leaving such pairs as dihapus + ditambah;
- "tujuan diganti nama" / "sasaran diganti nama": the tujuan / sasaran text of a matched
  indicator changed (one row per formulir, level, no and pair of texts);
- "target berubah" / "kondisi awal berubah" / "kondisi akhir berubah": a value of a matched
  indicator differs for a tahun (a value present on one side only also counts).
``sebelum`` / ``sesudah`` hold the document text (e.g. "84,50"), or the old / new name.
"""

from __future__ import annotations

from difflib import SequenceMatcher

import pandas as pd

KUNCI = ["formulir", "indikator", "level", "no"]
KOLOM = ["formulir", "jenis_perubahan", "level", "no", "indikator", "tahun", "sebelum", "sesudah"]
JENIS_NILAI = {
    "target": "target berubah",
    "kondisi_awal": "kondisi awal berubah",
    "kondisi_akhir": "kondisi akhir berubah",
}


def _teks(nilai: object, teks: object) -> str | None:
    """The document's text of a value, else the number as text; None when empty."""
    if isinstance(teks, str) and teks.strip() and not pd.isna(nilai):
        return teks
    if pd.isna(nilai):
        return None
    return f"{float(nilai):g}"


def _sama(a: object, b: object) -> bool:
    """NA-aware numeric equality."""
    if pd.isna(a) and pd.isna(b):
        return True
    if pd.isna(a) or pd.isna(b):
        return False
    return float(a) == float(b)  # type: ignore[arg-type]


def _pasangan_mirip(seb: pd.DataFrame, ses: pd.DataFrame, ambang: float) -> dict[str, str]:
    """sesudah text -> sebelum text for unmatched indicators, same level and no, ratio >= ambang."""
    a = seb[KUNCI].drop_duplicates().merge(ses[KUNCI].drop_duplicates(), on=KUNCI, how="left", indicator=True)
    b = ses[KUNCI].drop_duplicates().merge(seb[KUNCI].drop_duplicates(), on=KUNCI, how="left", indicator=True)
    hapus, tambah = a[a["_merge"] == "left_only"], b[b["_merge"] == "left_only"]
    peta: dict[str, str] = {}
    for _, h in hapus.iterrows():
        calon = tambah[(tambah["level"] == h["level"]) & (tambah["no"] == h["no"])]
        calon = calon[~calon["indikator"].isin(list(peta))]
        rasio = [SequenceMatcher(None, str(h["indikator"]).casefold(), str(t).casefold()).ratio()
                 for t in calon["indikator"]]  # fmt: skip
        if rasio and max(rasio) >= ambang:
            peta[str(calon["indikator"].iloc[rasio.index(max(rasio))])] = str(h["indikator"])
    return peta


def perubahan_renstra(sasaran: pd.DataFrame, ambang_kemiripan: float | None = 0.95) -> pd.DataFrame:
    """Changes between versi "sebelum" and "sesudah" of each formulir of r.sasaran.

    Columns: formulir, jenis_perubahan, level, no, indikator, tahun (NA for name changes and
    added/removed indicators), sebelum, sesudah.
    """
    d = sasaran.copy()
    for c in ("tujuan", "sasaran", "target_teks"):
        if c not in d.columns:
            d[c] = pd.NA
    d["tahun"] = d["tahun"].astype("Int64")
    rekaman: list[dict[str, object]] = []
    for formulir, f in d.groupby("formulir", sort=True):
        seb, ses = f[f["versi"] == "sebelum"], f[f["versi"] == "sesudah"].copy()
        if seb.empty or ses.empty:  # one version only: nothing was revised, nothing to compare
            continue
        if ambang_kemiripan is not None:
            peta = _pasangan_mirip(seb, ses, ambang_kemiripan)
            for baru, lama in peta.items():
                m = ses["indikator"] == baru
                k0 = ses[m].iloc[0]
                rekaman.append({
                    "formulir": formulir, "jenis_perubahan": "indikator diganti nama", "level": k0["level"],
                    "no": k0["no"], "indikator": lama, "tahun": pd.NA, "sebelum": lama, "sesudah": baru,
                })  # fmt: skip
                ses.loc[m, "indikator"] = lama
        kunci_seb = seb[KUNCI].drop_duplicates()
        kunci_ses = ses[KUNCI].drop_duplicates()
        semua = kunci_seb.merge(kunci_ses, on=KUNCI, how="outer", indicator=True)
        for _, k in semua.iterrows():
            if k["_merge"] == "both":
                continue
            dihapus = k["_merge"] == "left_only"
            rekaman.append({
                "formulir": formulir, "jenis_perubahan": "indikator dihapus" if dihapus else "indikator ditambah",
                "level": k["level"], "no": k["no"], "indikator": k["indikator"], "tahun": pd.NA,
                "sebelum": k["indikator"] if dihapus else None, "sesudah": None if dihapus else k["indikator"],
            })  # fmt: skip
        cocok = semua[semua["_merge"] == "both"][KUNCI]
        # name changes of tujuan / sasaran, one row per level, no and pair of texts
        nama = (
            seb[[*KUNCI, "tujuan", "sasaran"]].drop_duplicates(KUNCI)
            .merge(ses[[*KUNCI, "tujuan", "sasaran"]].drop_duplicates(KUNCI), on=KUNCI, suffixes=("_seb", "_ses"))
            .merge(cocok, on=KUNCI)
        )  # fmt: skip
        for kolom in ("tujuan", "sasaran"):
            beda = nama[nama[f"{kolom}_seb"].fillna("") != nama[f"{kolom}_ses"].fillna("")]
            if kolom == "sasaran":
                beda = beda[beda["level"] == "sasaran"]
            # prefer the row whose level is the renamed element itself
            beda = beda.assign(_urut=(beda["level"] != kolom).astype(int)).sort_values("_urut", kind="stable")
            beda = beda.drop_duplicates(["no", f"{kolom}_seb", f"{kolom}_ses"])
            for _, b in beda.iterrows():
                rekaman.append({
                    "formulir": formulir, "jenis_perubahan": f"{kolom} diganti nama", "level": b["level"],
                    "no": b["no"], "indikator": b["indikator"], "tahun": pd.NA,
                    "sebelum": b[f"{kolom}_seb"], "sesudah": b[f"{kolom}_ses"],
                })  # fmt: skip
        # value changes per jenis and tahun
        kolom_nilai = [*KUNCI, "jenis", "tahun", "target", "target_teks"]
        nilai = seb[kolom_nilai].merge(cocok, on=KUNCI).merge(
            ses[kolom_nilai].merge(cocok, on=KUNCI), on=[*KUNCI, "jenis", "tahun"], how="outer",
            suffixes=("_seb", "_ses"),
        )  # fmt: skip
        for _, v in nilai.iterrows():
            if _sama(v["target_seb"], v["target_ses"]):
                continue
            rekaman.append({
                "formulir": formulir, "jenis_perubahan": JENIS_NILAI.get(str(v["jenis"]), f"{v['jenis']} berubah"),
                "level": v["level"], "no": v["no"], "indikator": v["indikator"], "tahun": v["tahun"],
                "sebelum": _teks(v["target_seb"], v["target_teks_seb"]),
                "sesudah": _teks(v["target_ses"], v["target_teks_ses"]),
            })  # fmt: skip
    hasil = pd.DataFrame(rekaman, columns=KOLOM)
    hasil = hasil.astype({c: "string" for c in KOLOM if c != "tahun"} | {"tahun": "Int64"})
    return hasil.reset_index(drop=True)
