"""Kinerja page data: T-C.23 target/realisasi/capaian per indicator, predikat counts, IKU targets.

Pure pandas over ``metrics.capaian_kinerja`` (which holds all capaian/predikat arithmetic).
Missing figures stay missing (NA) with the reason in ``alasan`` / ``catatan``; never 0.
T-C.23 is optional: without it every T-C.23 frame is empty and ``konteks`` says so.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

import formatting as fmt
import kosakata
import metrics
from loaders import Renstra
from metrics import triwulan as mt
from metrics.kinerja import LEBIH_RENDAH
from metrics.predikat import TANPA_PREDIKAT, Skala

# Why a year has no capaian, in words for the table and hover (keys: metrics.alasan_tanpa_capaian).
_ALASAN = {
    "target 0": "Tanpa capaian: target tercetak 0",
    "target tidak ada": "Tanpa capaian: target tidak ada di dokumen",
    "realisasi belum ada": "Belum ada realisasi di dokumen",
}
CATATAN_DISAMAKAN = kosakata.REALISASI_DISAMAKAN.capitalize()

_KOLOM_RIWAYAT = [
    "indikator", "tahun", "satuan", "polaritas", "target", "target_sumber", "realisasi", "realisasi_sumber",
    "capaian", "predikat", "alasan", "catatan", "realisasi_disamakan_target", "capaian_dokumen",
]  # fmt: skip


def _urutan_indikator(r: Renstra) -> pd.Series:
    """Indicator -> position in the document (T-C.23 row order), for pickers and bar order."""
    nama = r.kinerja["indikator"].drop_duplicates().tolist()
    return pd.Series(range(len(nama)), index=pd.Index(nama, dtype="string"), dtype="Int64")


def _kinerja_diperluas(r: Renstra) -> pd.DataFrame:
    """r.kinerja plus empty rows for the Renstra years (T-C.25/T-C.28) of the same indicator.

    ``metrics.capaian_kinerja`` fills targets from r.sasaran only on rows that exist, and
    T-C.23 stops at the evaluation years. An indicator printed with exactly the same name in
    T-C.25/T-C.28 (in the bundled document only "Indeks Kepuasan Masyarakat (IKM)") gets a row per later target year, with
    target and realisasi NA: metrics fills the target (``target_sumber`` = that table) and
    gives "realisasi belum ada". Names are matched exactly; similar names are not guessed.
    """
    k = r.kinerja
    s = r.sasaran
    s = s[(s["jenis"] == "target") & s["target"].notna()]
    ada = set(zip(k["indikator"], k["tahun"].astype(int), strict=True))
    meta = k.drop_duplicates("indikator", keep="last").set_index("indikator")
    baru = []
    for indikator, tahun in sorted(set(zip(s["indikator"], s["tahun"].astype(int), strict=True))):
        if indikator not in meta.index or (indikator, tahun) in ada:
            continue
        baris = meta.loc[indikator].to_dict()
        baris.update(
            indikator=indikator,
            tahun=tahun,
            target=pd.NA,
            realisasi=pd.NA,
            rasio_dokumen=pd.NA,
            realisasi_disamakan_target=False,
        )
        for kolom in (
            "target_teks",
            "realisasi_teks",
            "rasio_teks",
            "target_status",
            "realisasi_status",
            "rasio_status",
        ):
            baris[kolom] = pd.NA
        baru.append(baris)
    if not baru:
        return k
    tambahan = pd.DataFrame(baru, columns=k.columns).astype(k.dtypes.to_dict())
    return pd.concat([k, tambahan], ignore_index=True)


def _capaian_semua(r: Renstra) -> pd.DataFrame:
    """Every indicator-year with capaian, predikat and a readable ``catatan``, in document order."""
    c = metrics.capaian_kinerja(_kinerja_diperluas(r), sasaran=r.sasaran)
    urutan = _urutan_indikator(r)
    c["urutan"] = c["indikator"].map(urutan).astype("Int64")
    catatan = []
    for alasan, disamakan in zip(c["alasan"], c["realisasi_disamakan_target"], strict=True):
        bagian = []
        if not pd.isna(alasan):
            bagian.append(_ALASAN.get(str(alasan), f"Tanpa capaian: {alasan}"))
        if not pd.isna(disamakan) and bool(disamakan):
            bagian.append(CATATAN_DISAMAKAN)
        catatan.append("; ".join(bagian) if bagian else pd.NA)
    c["catatan"] = pd.array(catatan, dtype="string")
    return c.sort_values(["urutan", "tahun"], kind="stable").reset_index(drop=True)


def daftar_indikator(r: Renstra) -> pd.DataFrame:
    """The picker's options in document order: indikator, satuan, polaritas, jumlah_target, jumlah_capaian, bawaan.

    ``bawaan`` marks the default choice: the indicator with the longest target series (the one
    that reaches furthest into the Renstra years), ties going to the document's first.
    """
    c = _capaian_semua(r)
    g = c.groupby("indikator", sort=False)
    hasil = pd.DataFrame(
        {
            "indikator": pd.array(list(g.groups), dtype="string"),
            "satuan": g["satuan"].first().to_numpy(),
            "polaritas": g["polaritas"].first().to_numpy(),
            "jumlah_target": g["target"].count().to_numpy(),
            "jumlah_capaian": g["capaian"].count().to_numpy(),
        }
    )
    hasil["bawaan"] = False
    if not hasil.empty:
        hasil.loc[int(hasil["jumlah_target"].to_numpy().argmax()), "bawaan"] = True
    return hasil


def riwayat_indikator(r: Renstra, indikator: str, tahun: int | None = None) -> pd.DataFrame:
    """One indicator per year: target (and its source), realisasi, capaian, predikat, alasan, catatan.

    ``terpilih`` marks the year chosen in the page's tahun filter (highlighted in the chart).
    ``capaian_dokumen`` is the ratio as printed in T-C.23 (some cells print 1,11 for 111 %).
    """
    c = _capaian_semua(r)
    d = c.loc[c["indikator"] == indikator, _KOLOM_RIWAYAT].reset_index(drop=True)
    d["terpilih"] = d["tahun"] == tahun if tahun is not None else False
    return d


def tahun_realisasi(r: Renstra) -> list[int]:
    """Years in which the document prints any realisasi (T-C.23; [] without it)."""
    c = _capaian_semua(r)
    return sorted(int(t) for t in c.loc[c["realisasi"].notna(), "tahun"].unique())


def capaian_tahun(r: Renstra, tahun: int) -> pd.DataFrame:
    """Every T-C.23 indicator in ``tahun`` with its capaian and predikat (NA + reason when none).

    Empty when the document has no realisasi at all for ``tahun`` (a plan year after the T-C.23
    evaluation years): the page then says which years have realisasi rather than drawing a chart of blanks.
    """
    c = _capaian_semua(r)
    d = c[c["tahun"] == tahun]
    if d["realisasi"].notna().sum() == 0:
        return d.iloc[0:0][[*_KOLOM_RIWAYAT, "urutan"]].reset_index(drop=True)
    return d[[*_KOLOM_RIWAYAT, "urutan"]].reset_index(drop=True)


def predikat_per_tahun(r: Renstra) -> pd.DataFrame:
    """Number of T-C.23 indicators per predikat per year with realisasi, scale order high -> low.

    Columns: tahun, predikat (scale names, then ``TANPA_PREDIKAT``), jumlah (0 included: a count
    of none is a real count), rincian (why indicators have no capaian, e.g. "target 0: 6"),
    realisasi_disamakan_target (the year's realisasi were copied from the targets).
    """
    c = _capaian_semua(r)
    tahun = tahun_realisasi(r)
    c = c[c["tahun"].isin(tahun)].copy()
    c["kelompok"] = c["predikat"].fillna(TANPA_PREDIKAT)
    urutan = [*metrics.skala_bawaan().nama, TANPA_PREDIKAT]
    baris = []
    for t in tahun:
        d = c[c["tahun"] == t]
        disamakan = bool(d["realisasi_disamakan_target"].fillna(False).any())
        for p in urutan:
            kelompok = d[d["kelompok"] == p]
            rincian = pd.NA
            if p == TANPA_PREDIKAT and len(kelompok):
                hitung = kelompok["alasan"].fillna("lain").value_counts(sort=False)
                rincian = ", ".join(f"{a}: {n}" for a, n in hitung.items())
            baris.append(
                {
                    "tahun": t,
                    "predikat": p,
                    "jumlah": len(kelompok),
                    "rincian": rincian,
                    "realisasi_disamakan_target": disamakan,
                }
            )
    hasil = pd.DataFrame(baris, columns=["tahun", "predikat", "jumlah", "rincian", "realisasi_disamakan_target"])
    return hasil.astype(
        {"tahun": "Int64", "predikat": "string", "jumlah": "Int64", "rincian": "string",
         "realisasi_disamakan_target": "boolean"}
    )  # fmt: skip


def target_iku(r: Renstra, versi: str = "sesudah") -> pd.DataFrame:
    """Targets per year of the tujuan and sasaran indicators (T-C.25 and T-C.28) of one plan version.

    T-C.25 and T-C.28 print the same indicators; a (level, indicator, year, target) printed in
    both is one row whose ``sumber`` names both tables. Two different targets would stay two
    rows. Columns: level, tujuan, sasaran, indikator, tahun, target, satuan, polaritas, sumber.
    """
    s = r.sasaran
    s = s[(s["versi"] == versi) & (s["jenis"] == "target") & s["target"].notna()].copy()
    kunci = ["level", "indikator", "tahun", "target"]
    s["_urut"] = range(len(s))
    g = s.groupby(kunci, sort=False, dropna=False)
    hasil = g.agg(
        tujuan=("tujuan", "first"),
        sasaran=("sasaran", "first"),
        satuan=("satuan", "first"),
        polaritas=("polaritas", "first"),
        sumber=("tabel", lambda x: ", ".join(dict.fromkeys(x))),
        _urut=("_urut", "min"),
    ).reset_index()
    # tujuan before sasaran, then the order the document prints the indicators in
    hasil["_level"] = (hasil["level"] != "tujuan").astype(int)
    hasil["_pertama"] = hasil.groupby(["level", "indikator"], sort=False)["_urut"].transform("min")
    hasil = hasil.sort_values(["_level", "_pertama", "tahun"], kind="stable")
    kolom = ["level", "tujuan", "sasaran", "indikator", "tahun", "target", "satuan", "polaritas", "sumber"]
    hasil = hasil[kolom].reset_index(drop=True)
    return hasil.astype(
        {"level": "string", "tujuan": "string", "sasaran": "string", "indikator": "string", "tahun": "Int64",
         "target": "Float64", "satuan": "string", "polaritas": "string", "sumber": "string"}
    )  # fmt: skip


def lebih_rendah(polaritas: object) -> bool:
    """True for a lower-is-better indicator (``metrics.kinerja.LEBIH_RENDAH``)."""
    return polaritas == LEBIH_RENDAH


def cara_membaca(skala: Skala) -> str:
    """How capaian and predikat are computed (markdown), for the page's "Cara membaca": the formula and
    the levels of ``skala`` (settings/predikat.toml), ``Sangat Tinggi ≥ 91 %; ...; Sangat Rendah di bawahnya``."""
    tingkat = "; ".join(f"{n} ≥ {fmt.persen(b, 0)}" for n, b in skala.tingkat[:-1])
    return (
        "**Capaian** = realisasi ÷ target × 100. Untuk indikator *makin rendah makin baik*: "
        "(2 − realisasi ÷ target) × 100, tidak kurang dari 0. Target 0 atau realisasi yang belum ada "
        "tidak diberi capaian (alasannya disebut), tidak pernah ditulis 0 %.\n\n"
        f"**Predikat** (berkas `settings/predikat.toml`): {tingkat}; {skala.tingkat[-1][0]} di bawahnya. "
        f"Warna setiap predikat sama di semua grafik; abu-abu = {TANPA_PREDIKAT.lower()}."
    )


def konteks(r: Renstra) -> dict[str, object]:
    """What the Kinerja page says about the Renstra served, from its data.

    ``ada_tc23`` (the Renstra holds T-C.23), ``nb_tc23`` (the document's own note under T-C.23,
    e.g. why realisasi were set equal to targets; "" if none), ``tahun_realisasi`` (years with a
    T-C.23 realisasi), ``tahun_target_renstra`` and ``formulir_target_renstra`` (years and forms
    of the targets taken from T-C.25/T-C.28 for a T-C.23 indicator), ``formulir_iku`` and
    ``tahun_iku`` (forms and years of the tujuan/sasaran targets), ``direvisi`` (the Renstra
    prints a version before its revision), ``rasio_pecahan`` (a T-C.23 capaian ratio the document
    prints as a fraction, 1,11 for 111 %; None when none is).
    """
    tc23 = [tm for tm in r.tabel_mentah.values() if tm.formulir.kode == "T-C.23"]
    nb = next((str(tm.meta.get("catatan") or "").strip() for tm in tc23 if tm.meta.get("catatan")), "")
    c = _capaian_semua(r)
    label = dict(zip(r.sasaran["tabel"], r.sasaran["formulir"], strict=True))
    dari_renstra = c[c["target_sumber"].isin(list(label))]
    s = r.sasaran
    iku = s[s["versi"].eq("sesudah") & s["jenis"].eq("target") & s["target"].notna()]
    return {
        "ada_tc23": bool(tc23),
        "nb_tc23": nb,
        "tahun_realisasi": tahun_realisasi(r),
        "tahun_target_renstra": sorted({int(t) for t in dari_renstra["tahun"]}),
        "formulir_target_renstra": sorted({label[t] for t in dari_renstra["target_sumber"]}),
        "formulir_iku": sorted({str(f) for f in iku["formulir"]}),
        "tahun_iku": sorted({int(t) for t in iku["tahun"]}),
        "direvisi": bool(s["versi"].eq("sebelum").any()),
        "rasio_pecahan": _rasio_pecahan(c),
    }


def _rasio_pecahan(c: pd.DataFrame) -> float | None:
    """A printed capaian ratio that is a fraction (1,11 beside a capaian of 111 %), one other than 1 if any."""
    d = (
        c[c["capaian"].notna() & c["capaian_dokumen"].notna() & c["capaian_dokumen"].gt(0)]
        if "capaian_dokumen" in c
        else c.iloc[0:0]
    )
    pecahan = d.loc[
        (d["capaian_dokumen"] * 100 - d["capaian"]).abs() < (d["capaian_dokumen"] - d["capaian"]).abs(),
        "capaian_dokumen",
    ]
    lain = pecahan[pecahan.ne(1)]
    return float((lain if not lain.empty else pecahan).iloc[0]) if not pecahan.empty else None


# --- progress within the year from realisasi per triwulan (issue 13) ---------------------------

KETERANGAN_KEMAJUAN = (
    "Per baris T-C.27 yang dilaporkan per triwulan, pada triwulan terakhirnya: realisasi sampai dengan triwulan "
    "itu menurut aturan indikatornya (dijumlah, nilai terakhir atau rata-rata), dibandingkan dengan target tahun "
    "dan dengan harapan garis lurus dari Januari. Yang dijumlah (jumlah, Rupiah) diharapkan target × triwulan ÷ 4; "
    "persen dan indeks diharapkan setara targetnya sepanjang tahun. Untuk indikator makin rendah makin baik, "
    "angka di bawah harapan justru baik. Sel kosong: belum dilaporkan (bukan 0)."
)

KOLOM_KEMAJUAN: dict[str, kosakata.Kolom] = kosakata.kolom(
    "kode",
    "nama",
    "kelurahan",
    "indikator",
    "satuan",
    ("aturan", "Aturan tahunan"),
    ("isian", "Isian"),
    ("triwulan", "S.d. triwulan"),
    "target",
    ("realisasi_sd", kosakata.Kolom("Realisasi s.d. triwulan", "angka")),
    ("persen_target", kosakata.Kolom("Terhadap target tahun", "persen")),
    ("harapan", kosakata.Kolom("Harapan garis lurus", "angka")),
    ("persen_harapan", kosakata.Kolom("Terhadap harapan", "persen")),
    "pagu",
    ("rp_sd", kosakata.Kolom("Realisasi (Rp) s.d. triwulan", "rupiah")),
    ("serapan_sd", kosakata.Kolom("Serapan s.d. triwulan", "persen")),
    ("harapan_rp", kosakata.Kolom("Harapan garis lurus (Rp)", "rupiah")),
    ("persen_harapan_rp", kosakata.Kolom("Serapan terhadap harapan", "persen")),
)


def _kemajuan_baris(b: Any, g: pd.DataFrame) -> dict[str, Any]:
    """One indicator row's progress at its last reported quarter (both K and Rupiah at that quarter)."""
    akhir = g.loc[g["triwulan"].astype(int).idxmax()]
    tw, kum = int(akhir["triwulan"]), bool(akhir["kumulatif"])
    seri = dict(zip(g["triwulan"].astype(int), g["realisasi"], strict=True))
    seri_rp = dict(zip(g["triwulan"].astype(int), g["realisasi_rp"], strict=True))
    target = None if pd.isna(b["target"]) else float(b["target"])
    pagu = None if pd.isna(b["pagu"]) else float(b["pagu"])
    k = mt.kemajuan(seri, str(akhir["aturan"]), kum, target, tw)
    rp = mt.kemajuan(seri_rp, str(akhir["aturan_rp"]), kum, pagu, tw)
    return {
        **{c: b[c] for c in ("kode", "nama", "kelurahan", "indikator", "satuan", "target", "pagu")},
        "aturan": mt.LABEL_ATURAN[str(akhir["aturan"])],
        "isian": "kumulatif" if kum else "per triwulan",
        "triwulan": mt.ROMAWI[tw],
        "realisasi_sd": k["sampai"],
        "persen_target": k["persen_target"],
        "harapan": k["harapan"],
        "persen_harapan": k["persen_harapan"],
        "rp_sd": rp["sampai"],
        "serapan_sd": rp["persen_target"],
        "harapan_rp": rp["harapan"],
        "persen_harapan_rp": rp["persen_harapan"],
    }


def kemajuan_triwulan(r: Renstra, tahun: int, triwulan: pd.DataFrame) -> pd.DataFrame:
    """Progress within ``tahun`` of each T-C.27 indicator row reported per triwulan (``KOLOM_KEMAJUAN``).

    ``triwulan``: the stored quarters (``Gudang.keadaan_triwulan``). Per row, at its last reported
    quarter: the figure to date by the indicator's rule, against the year's target and against a
    straight line from January (summed figures: target × triwulan / 4; a level: its target), and
    the same for Rupiah against the pagu. Rows in document order; empty when nothing is reported.
    """
    d = triwulan[triwulan["tahun"] == int(tahun)] if not triwulan.empty else triwulan
    if d.empty:
        return pd.DataFrame({k: pd.Series(dtype="object") for k in KOLOM_KEMAJUAN})
    rencana = r.rencana[r.rencana["tahun"] == int(tahun)].sort_values(["tabel", "baris", "indikator_ke"])
    kelompok = {(str(i), int(k)): g for (i, k), g in d.groupby(["item_id", "indikator_ke"], sort=False)}
    baris = [
        _kemajuan_baris(b, kelompok[(str(b["item_id"]), int(b["indikator_ke"]))])
        for _, b in rencana.iterrows()
        if (str(b["item_id"]), int(b["indikator_ke"])) in kelompok
    ]
    hasil = pd.DataFrame(baris, columns=list(KOLOM_KEMAJUAN))
    for c, k in KOLOM_KEMAJUAN.items():
        if k.jenis != "teks":
            hasil[c] = pd.array(pd.to_numeric(hasil[c]), dtype="Float64")
    return hasil
