"""Perubahan Renstra page: what the revision changed in T-C.25 and T-C.28, sebelum vs sesudah.

Pure pandas over ``r.sasaran``; the comparison itself is ``metrics.perubahan_renstra`` (indicators
matched by formulir, level, no and text; near-identical texts paired as a rename). Only the forms
a Renstra prints in both versions are compared (``formulir_dibandingkan``); a Renstra that was
never revised has none, and the page says so (``pesan_tanpa_pembanding``).
"""

from __future__ import annotations

import pandas as pd

from loaders import Renstra
from metrics import perubahan_renstra
from metrics.perubahan import JENIS_NILAI

# Every kind of change metrics.perubahan_renstra reports, in reading order. The summary counts
# all of them, so "target berubah: 0" says plainly that no target changed.
JENIS = (
    "indikator ditambah",
    "indikator dihapus",
    "indikator diganti nama",
    "tujuan diganti nama",
    "sasaran diganti nama",
    *JENIS_NILAI.values(),
)
# The forms a revision may change, by their standard names (Permendagri 86/2017).
NAMA_FORMULIR = {"T-C.25": "Tujuan dan Sasaran", "T-C.28": "Indikator Kinerja PD"}
NAMA_JENIS_NILAI = {"kondisi_awal": "Kondisi awal", "target": "Target", "kondisi_akhir": "Kondisi akhir"}
_URUT_JENIS_NILAI = {"kondisi_awal": 0, "target": 1, "kondisi_akhir": 2}


def formulir_dibandingkan(r: Renstra) -> list[str]:
    """The forms the Renstra prints both before and after its revision (``["T-C.25", "T-C.28"]``): what is compared."""
    versi = r.sasaran.groupby("formulir")["versi"].unique()
    return sorted(str(f) for f, v in versi.items() if {"sebelum", "sesudah"} <= set(v))


def pesan_tanpa_pembanding(r: Renstra) -> str:
    """Why there is nothing to compare: the forms are printed in one version only, or not at all ("" otherwise)."""
    if formulir_dibandingkan(r):
        return ""
    formulir = sorted(str(f) for f in r.sasaran["formulir"].dropna().unique())
    if not formulir:
        return (
            "Renstra ini tidak memuat tabel T-C.25 maupun T-C.28 (tujuan, sasaran dan indikatornya), jadi tidak ada "
            "perubahan yang dapat dibandingkan."
        )
    return (
        f"Renstra ini memuat {' dan '.join(formulir)} dalam satu versi saja, tanpa versi sebelum dan sesudah "
        "perubahan, jadi tidak ada perubahan yang dapat dibandingkan."
    )


def cara_membaca(r: Renstra) -> str:
    """How the page compares the two versions (markdown, for its "Cara membaca"): the forms and the matching rule."""
    return (
        f"Dibandingkan tabel {' dan '.join(formulir_dibandingkan(r))} versi *sebelum* dan *sesudah* perubahan yang "
        "keduanya dicetak di dokumen. Indikator dicocokkan menurut formulir, tingkat (tujuan/sasaran), nomor dan "
        "teksnya; teks yang hampir sama (mis. salah ketik) dianggap indikator yang sama dengan nama diganti."
    )


def sumber(r: Renstra) -> str:
    """``T-C.25 Tujuan dan Sasaran; T-C.28 Indikator Kinerja PD (sebelum dan setelah perubahan)``: the forms compared."""
    nama = "; ".join(f"{f} {NAMA_FORMULIR[f]}" if f in NAMA_FORMULIR else f for f in formulir_dibandingkan(r))
    return f"{nama} (sebelum dan setelah perubahan)"


def _nilai_tercetak(baris: pd.DataFrame) -> str:
    """``Kondisi awal 2019: 290; Target 2020: 295; ...``: an indicator's values as printed."""
    b = baris.assign(_u=baris["jenis"].map(_URUT_JENIS_NILAI).fillna(9)).sort_values(["_u", "tahun"], kind="stable")
    bagian = []
    for _, x in b.iterrows():
        teks = x["target_teks"] if isinstance(x["target_teks"], str) and x["target_teks"].strip() else "–"
        bagian.append(f"{NAMA_JENIS_NILAI.get(str(x['jenis']), str(x['jenis']))} {int(x['tahun'])}: {teks}")
    return "; ".join(bagian)


def daftar_perubahan(r: Renstra) -> pd.DataFrame:
    """Every change, one row each, sebelum beside sesudah (``metrics.perubahan_renstra``).

    Adds ``nilai_tercetak``: for an indicator added or removed, its values as printed in the
    version that has it (what the revision added or dropped); empty for other rows.
    """
    d = perubahan_renstra(r.sasaran)
    s = r.sasaran
    nilai = []
    for _, x in d.iterrows():
        if x["jenis_perubahan"] not in ("indikator dihapus", "indikator ditambah"):
            nilai.append("")
            continue
        versi = "sebelum" if x["jenis_perubahan"] == "indikator dihapus" else "sesudah"
        baris = s[
            s["versi"].eq(versi) & s["formulir"].eq(x["formulir"]) & s["level"].eq(x["level"])
            & s["no"].eq(x["no"]) & s["indikator"].eq(x["indikator"])
        ]  # fmt: skip
        nilai.append(_nilai_tercetak(baris))
    d["nilai_tercetak"] = pd.Series(nilai, index=d.index, dtype="string")
    urut = {j: i for i, j in enumerate(JENIS)}
    d = d.assign(_u=d["jenis_perubahan"].map(urut).fillna(len(urut)))
    return d.sort_values(["formulir", "_u", "level", "no"], kind="stable").drop(columns="_u").reset_index(drop=True)


def ringkasan_perubahan(r: Renstra) -> pd.DataFrame:
    """Number of changes per kind and formulir compared (every kind listed, 0 when none; no rows when
    no formulir is printed in both versions, ``formulir_dibandingkan``).

    Columns: jenis_perubahan, formulir, jumlah.
    """
    d = perubahan_renstra(r.sasaran)
    formulir = formulir_dibandingkan(r)
    jenis = [*JENIS, *sorted(set(d["jenis_perubahan"]) - set(JENIS))]
    kisi = pd.MultiIndex.from_product([jenis, formulir], names=["jenis_perubahan", "formulir"])
    jumlah = d.groupby(["jenis_perubahan", "formulir"]).size().reindex(kisi, fill_value=0)
    hasil = jumlah.rename("jumlah").reset_index()
    return hasil.astype({"jenis_perubahan": "string", "formulir": "string", "jumlah": "Int64"})


def _kunci(formulir: str, level: str, no: str, indikator: str) -> str:
    return f"{formulir}|{level}|{no}|{indikator}"


def indikator_berubah(r: Renstra) -> dict[str, str]:
    """Indicators in both versions whose numbers changed: key -> label (``T-C.28 · sasaran 2 · Indeks ...``).

    The key (``formulir|level|no|indikator``, indikator as in the sebelum version) goes in the URL.
    """
    d = perubahan_renstra(r.sasaran)
    d = d[d["jenis_perubahan"].isin(list(JENIS_NILAI.values()))]
    hasil: dict[str, str] = {}
    for _, x in d.drop_duplicates(["formulir", "level", "no", "indikator"]).iterrows():
        k = _kunci(str(x["formulir"]), str(x["level"]), str(x["no"]), str(x["indikator"]))
        hasil[k] = f"{x['formulir']} · {x['level']} {x['no']} · {x['indikator']}"
    return hasil


def nilai_sebelum_sesudah(r: Renstra, kunci: str) -> pd.DataFrame:
    """One indicator's printed values in both versions, point by point (kondisi awal, targets, akhir).

    Columns: titik (``Kondisi awal 2019``, ``Target 2020``, ...), urutan, jenis, tahun, versi
    (sebelum / sesudah), nilai (the number; NA when the cell is empty), teks (as printed), satuan,
    berubah (this point differs between the versions). An indicator renamed by the revision is
    followed under its new name in the sesudah version.
    """
    kolom = ["titik", "urutan", "jenis", "tahun", "versi", "nilai", "teks", "satuan", "berubah"]
    formulir, level, no, indikator = [*kunci.split("|", 3), "", "", ""][:4]
    s = r.sasaran
    p = perubahan_renstra(r.sasaran)
    ganti = p[
        p["jenis_perubahan"].eq("indikator diganti nama") & p["formulir"].eq(formulir) & p["level"].eq(level)
        & p["no"].eq(no) & p["sebelum"].eq(indikator)
    ]  # fmt: skip
    nama_sesudah = str(ganti["sesudah"].iloc[0]) if not ganti.empty else indikator
    pilih = s["formulir"].eq(formulir) & s["level"].eq(level) & s["no"].eq(no)
    seb = s[pilih & s["versi"].eq("sebelum") & s["indikator"].eq(indikator)]
    ses = s[pilih & s["versi"].eq("sesudah") & s["indikator"].eq(nama_sesudah)]
    d = pd.concat([seb, ses], ignore_index=True)
    if d.empty:
        return pd.DataFrame(columns=kolom)
    d = d.assign(
        urutan=d["jenis"].map(_URUT_JENIS_NILAI).fillna(9).astype(int) * 10_000 + d["tahun"].astype(int),
        titik=[f"{NAMA_JENIS_NILAI.get(str(j), str(j))} {int(t)}" for j, t in zip(d["jenis"], d["tahun"], strict=True)],
        nilai=d["target"],
        teks=d["target_teks"].where(d["target_teks"].fillna("").str.strip().ne("")),
    )
    lebar = d.pivot_table(index="titik", columns="versi", values="nilai", aggfunc="first", dropna=False)
    for v in ("sebelum", "sesudah"):
        if v not in lebar.columns:
            lebar[v] = pd.NA
    a, b = lebar["sebelum"], lebar["sesudah"]
    beda = (a.isna() != b.isna()) | (a.notna() & b.notna() & (a.astype("Float64") != b.astype("Float64")))
    d["berubah"] = d["titik"].map(beda.fillna(False).astype(bool)).fillna(False).astype(bool)
    d = d.sort_values(["urutan", "versi"], kind="stable")
    hasil = d[kolom].astype({"titik": "string", "jenis": "string", "versi": "string", "teks": "string",
                             "satuan": "string", "nilai": "Float64", "tahun": "Int64"})  # fmt: skip
    return hasil.reset_index(drop=True)
