"""Evaluasi Renstra page data: capaian against serapan per T-C.27 row, and the end-of-period review.

Pure pandas. Arithmetic lives in ``metrics`` (capaian with polarity, serapan, the quadrant and its
roll-up); here are the frames, their labels and notes. ``tersimpan`` is the realisasi store's
current state (``realisasi.KOLOM_REALISASI``). A value that was not reported stays NA, never 0.

Efisiensi (per tahun): the most detailed T-C.27 rows (sub kegiatan; a kegiatan printed without
sub kegiatan), each with the capaian of its reported indicator(s) and the serapan of its reported
Rupiah against its pagu, rolled up to kegiatan and program by ``metrics.gulung_efisiensi``.
"Tinggi" on either axis = at least the lower bound of the highest predikat level of
settings/predikat.toml (``ambang``).

Review (a periode that has ended, by the date given): per indicator the final target against the
last realisasi (T-C.23 of the document, and T-C.27 rows reported on Isi Realisasi), predikat and
trend; per program the total pagu/anggaran against the total realisasi (T-C.24 of the document and
T-C.27 with reported Rupiah); predikat counts; indicators never reported.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

import formatting as fmt
import metrics
from kosakata import Kolom
from loaders import Renstra
from metrics.efisiensi import URUTAN_KUADRAN, efisiensi_rinci, gulung_efisiensi
from metrics.kinerja import LEBIH_RENDAH
from metrics.predikat import TANPA_PREDIKAT
from sajian import anggaran as sajian_anggaran
from sajian import kinerja as sajian_kinerja
from sajian import pilihan
from sajian import realisasi as sajian_realisasi

TINGKAT = {"rinci": "Sub kegiatan", "kegiatan": "Kegiatan", "program": "Program"}
BELUM_DILAPORKAN = "Belum pernah dilaporkan"
KOLOM_EFISIENSI = [
    "tahun", "tingkat", "kode", "nama", "kelurahan", "program", "pagu", "realisasi", "capaian", "serapan",
    "kuadran", "jumlah", "catatan",
]  # fmt: skip


def ambang() -> float:
    """The threshold of "tinggi" (capaian and serapan): the highest predikat level's lower bound (91 by default)."""
    return float(metrics.skala_bawaan().tingkat[0][1])


def nama_ambang() -> str:
    """The highest predikat level's name ("Sangat Tinggi"), for the notes."""
    return metrics.skala_bawaan().tingkat[0][0]


# --- efisiensi --------------------------------------------------------------------------------


def _rinci_dilaporkan(r: Renstra, tahun: int, tersimpan: pd.DataFrame, kelurahan: str | None) -> pd.DataFrame:
    """The year's most detailed T-C.27 indicator rows with what was reported (NA where nothing)."""
    R = r.rencana
    d = R[R["tahun"].eq(tahun) & ~R["punya_rincian"].fillna(False).astype(bool)]
    if kelurahan:
        d = d[d["kelurahan"].fillna("").eq(kelurahan)]
    return sajian_realisasi.dengan_laporan(d.reset_index(drop=True), tersimpan)


def _label_item(r: Renstra, tahun: int) -> pd.DataFrame:
    """item_id -> kode, nama, kelurahan, program (code and name of its program) for ``tahun``."""
    d = r.rencana[r.rencana["tahun"].eq(tahun)].drop_duplicates("item_id")
    program = dict(zip(d["item_id"], (d["kode"].fillna("") + " " + d["nama"].fillna("")).str.strip(), strict=True))
    return pd.DataFrame(
        {
            "item_id": d["item_id"],
            "kode": d["kode"].fillna(""),
            "nama": d["nama"].fillna(""),
            "kelurahan": d["kelurahan"].fillna(""),
            "program": d["program_id"].map(program).fillna(""),
            "kegiatan_id": d["kegiatan_id"],
            "program_id": d["program_id"],
        }
    )


def _catatan(capaian: object, realisasi: object, pagu: object) -> str:
    """Why a row is not on the chart (it needs both a capaian and a serapan)."""
    if pd.isna(capaian) and pd.isna(realisasi):
        return "belum dilaporkan"
    if pd.isna(realisasi):
        return "hanya capaian yang dilaporkan; serapan tidak dihitung"
    if pd.isna(pagu) or pagu == 0:
        return "pagu tidak terbaca atau 0 di dokumen; serapan tidak dihitung"
    if pd.isna(capaian):
        return "hanya realisasi anggaran yang dilaporkan (atau target tanpa angka); capaian tidak dihitung"
    return ""


def efisiensi_tahun(
    r: Renstra, tahun: int, tersimpan: pd.DataFrame, tingkat: str = "rinci", kelurahan: str | None = None
) -> pd.DataFrame:
    """Capaian against serapan in ``tahun`` at ``tingkat`` ("rinci", "kegiatan", "program"), rows with any report.

    Empty when nothing of ``tahun`` (and ``kelurahan``) was reported: the page says so instead of a chart.
    Columns ``KOLOM_EFISIENSI``; ``jumlah`` = indicators with a capaian (rinci) or rows rolled up.
    """
    d = _rinci_dilaporkan(r, int(tahun), tersimpan, kelurahan)
    d = d.drop(columns="realisasi").rename(columns={"realisasi_rp": "realisasi"})
    batas = ambang()
    rinci = efisiensi_rinci(d, batas, batas)
    rinci = rinci[rinci["capaian"].notna() | rinci["realisasi"].notna()]
    label = _label_item(r, int(tahun))
    if rinci.empty:
        return pd.DataFrame({k: pd.Series(dtype="object") for k in KOLOM_EFISIENSI})
    if tingkat == "rinci":
        hasil = rinci.merge(label, on="item_id", how="left").rename(columns={"n_indikator": "jumlah"})
    else:
        induk = rinci["item_id"].map(dict(zip(label["item_id"], label[f"{tingkat}_id"], strict=True)))
        hasil = gulung_efisiensi(rinci, induk, batas, batas).rename(columns={"induk": "item_id", "n_rinci": "jumlah"})
        hasil = hasil.merge(label, on="item_id", how="left")
        hasil["kelurahan"] = ""
    hasil["tingkat"] = TINGKAT[tingkat]
    hasil["catatan"] = [
        _catatan(c, x, p) for c, x, p in zip(hasil["capaian"], hasil["realisasi"], hasil["pagu"], strict=True)
    ]
    hasil = hasil[KOLOM_EFISIENSI].sort_values(["program", "kode", "kelurahan"], kind="stable")
    return hasil.astype({"tahun": "Int64", "jumlah": "Int64", "kuadran": "string", "catatan": "string"}).reset_index(
        drop=True
    )


def tahun_dilaporkan(r: Renstra, tersimpan: pd.DataFrame) -> list[int]:
    """Plan years with any reported realisasi (indicator or Rupiah) in the store."""
    ada = tersimpan[tersimpan["realisasi"].notna() | tersimpan["realisasi_rp"].notna()]
    rencana = {int(t) for t in r.rencana["tahun"].dropna()}
    return sorted({int(t) for t in ada["tahun"].dropna()} & rencana)


def ringkasan_kuadran(efisiensi: pd.DataFrame) -> pd.DataFrame:
    """How many rows fall in each quadrant (all four, 0 included), and their pagu."""
    baris = []
    for k in URUTAN_KUADRAN:
        d = efisiensi[efisiensi["kuadran"].eq(k).fillna(False).astype(bool)]
        baris.append({"kuadran": k, "jumlah": len(d), "pagu": d["pagu"].sum(min_count=1)})
    return pd.DataFrame(baris).astype({"jumlah": "Int64", "pagu": "Float64"})


# --- end-of-period review ---------------------------------------------------------------------


def status_periode(r: Renstra, hari_ini: date) -> dict[str, object]:
    """The Renstra's periode (manifest ``[renstra] periode``, else T-C.27's years) and whether it has ended
    by ``hari_ini`` (the clock is the caller's): ``awal``, ``akhir``, ``berakhir``."""
    periode = r.manifest.get("renstra", {}).get("periode") or []
    tahun = [int(t) for t in periode] or [int(t) for t in r.rencana["tahun"].dropna()]
    if not tahun:
        return {"awal": None, "akhir": None, "berakhir": False}
    return {"awal": min(tahun), "akhir": max(tahun), "berakhir": hari_ini.year > max(tahun)}


def _arah(awal: object, akhir: object, jumlah: int) -> str:
    """Direction of the capaian from its first to its last reported year: naik/turun/tetap."""
    if jumlah == 0:
        return ""
    if jumlah == 1:
        return "satu tahun"
    return "naik" if akhir > awal else "turun" if akhir < awal else "tetap"


def _ringkas(d: pd.DataFrame, kunci: str, sumber: str) -> pd.DataFrame:
    """Per indicator (``kunci``: a column naming it) of rows tahun, target, realisasi, capaian, polaritas,
    satuan: the last target and last realisasi (and their years), the capaian of the one against the
    other (polarity respected), predikat, the capaian per year as text and its direction."""
    d = d.assign(_urut=d.groupby(kunci, sort=False).ngroup()).sort_values(["_urut", "tahun"], kind="stable")
    d = d.assign(
        t_target=d["tahun"].where(d["target"].notna()),
        t_real=d["tahun"].where(d["realisasi"].notna()),
        tren=[
            f"{t}: {fmt.persen(c)}" if not pd.isna(c) else pd.NA for t, c in zip(d["tahun"], d["capaian"], strict=True)
        ],
    )
    g = d.groupby(kunci, sort=False)
    h = pd.DataFrame(
        {
            "satuan": g["satuan"].first(),
            "polaritas": g["polaritas"].first(),
            "tahun_target": g["t_target"].max(),
            "target_akhir": g["target"].last(),  # rows by year: the last target printed
            "tahun_realisasi": g["t_real"].max(),
            "realisasi_akhir": g["realisasi"].last(),
            "tren": g["tren"].agg(lambda x: "; ".join(x.dropna())),
            "_awal": g["capaian"].first(),
            "_akhir": g["capaian"].last(),
            "_n": g["capaian"].count(),
        }
    )
    h["capaian"] = [
        metrics.capaian(t, x, lower_is_better=p == LEBIH_RENDAH)
        for t, x, p in zip(h["target_akhir"], h["realisasi_akhir"], h["polaritas"], strict=True)
    ]
    h["dilaporkan"] = h["tahun_realisasi"].notna()
    h["predikat"] = [
        (metrics.predikat(c) or TANPA_PREDIKAT) if lapor else BELUM_DILAPORKAN
        for c, lapor in zip(h["capaian"], h["dilaporkan"], strict=True)
    ]
    h["arah"] = [_arah(a, b, int(n)) for a, b, n in zip(h["_awal"], h["_akhir"], h["_n"], strict=True)]
    h["sumber"] = sumber
    return h.drop(columns=["_awal", "_akhir", "_n", "polaritas"])


_KOLOM_RINGKAS = ["tahun", "target", "realisasi", "capaian", "polaritas", "satuan"]


def _indikator_tc23(r: Renstra) -> pd.DataFrame:
    c = sajian_kinerja._capaian_semua(r)[["indikator", *_KOLOM_RINGKAS, "realisasi_disamakan_target"]]
    h = _ringkas(c, "indikator", "T-C.23")
    sama = c[c["realisasi"].notna() & c["realisasi_disamakan_target"].fillna(False).astype(bool)]
    tahun = sama.groupby("indikator", sort=False)["tahun"].agg(lambda x: ", ".join(str(int(t)) for t in x))
    h["catatan"] = [
        f"realisasi {tahun[n]} disamakan dengan target dalam dokumen" if n in tahun.index else "" for n in h.index
    ]
    return h.assign(kode="", indikator=h.index.astype(str), kelurahan="").reset_index(drop=True)


def _indikator_tc27(r: Renstra, tersimpan: pd.DataFrame) -> pd.DataFrame:
    R = r.rencana
    d = R[R["indikator"].fillna("").ne("") | R["target"].notna()].reset_index(drop=True)  # a row may print no text
    d = sajian_realisasi.dengan_laporan(d, tersimpan)
    kunci = ["kode", "nama", "kelurahan", "indikator"]
    d = d[[*kunci, *_KOLOM_RINGKAS]].copy()
    d[kunci] = d[kunci].fillna("").astype(str)
    d["_id"] = d[kunci].agg("\x1f".join, axis=1)  # one indicator: code, name, kelurahan and indicator text
    meta = d.drop_duplicates("_id").set_index("_id")[kunci]
    h = _ringkas(d, "_id", "T-C.27").join(meta)
    h["catatan"] = ["" if i else "indikator tidak tercetak" for i in h["indikator"]]
    h["indikator"] = [f"{n}: {i}" if n and i else str(n or i) for n, i in zip(h["nama"], h["indikator"], strict=True)]
    return h.reset_index(drop=True)


KOLOM_TINJAUAN = [
    "sumber", "kode", "indikator", "kelurahan", "satuan", "tahun_target", "target_akhir", "tahun_realisasi",
    "realisasi_akhir", "capaian", "predikat", "tren", "arah", "dilaporkan", "catatan",
]  # fmt: skip


def tinjauan_indikator(r: Renstra, tersimpan: pd.DataFrame) -> pd.DataFrame:
    """Per indicator (T-C.23, then every T-C.27 indicator by code, name, kelurahan and indicator text):
    the last target and the last realisasi (with their years), capaian of the one against the other
    (polarity respected), predikat (``BELUM_DILAPORKAN`` when no year was ever reported), trend."""
    hasil = pd.concat([_indikator_tc23(r), _indikator_tc27(r, tersimpan)], ignore_index=True)[KOLOM_TINJAUAN]
    return hasil.astype(
        {"tahun_target": "Int64", "target_akhir": "Float64", "tahun_realisasi": "Int64", "realisasi_akhir": "Float64",
         "capaian": "Float64", "dilaporkan": "boolean", "predikat": "string", "tren": "string", "catatan": "string"}
    )  # fmt: skip


def tinjauan_predikat(tinjauan: pd.DataFrame) -> pd.DataFrame:
    """How many indicators reached each predikat at their last realisasi, per source table (0 included)."""
    urutan = [*metrics.skala_bawaan().nama, TANPA_PREDIKAT, BELUM_DILAPORKAN]
    sumber = tinjauan["sumber"].astype(str).to_numpy()
    predikat = tinjauan["predikat"].fillna("").astype(str).to_numpy()
    baris = [
        {"sumber": s, "predikat": p, "jumlah": int(((sumber == s) & (predikat == p)).sum())}
        for s in dict.fromkeys(sumber)
        for p in urutan
    ]
    return pd.DataFrame(baris, columns=["sumber", "predikat", "jumlah"]).astype({"jumlah": "Int64"})


def tinjauan_predikat_tersimpan(r: Renstra, tersimpan: pd.DataFrame) -> pd.DataFrame:
    """``tinjauan_predikat`` of ``tinjauan_indikator(r, tersimpan)`` (one call for the page's cache)."""
    return tinjauan_predikat(tinjauan_indikator(r, tersimpan))


def tinjauan_program(r: Renstra, tersimpan: pd.DataFrame) -> pd.DataFrame:
    """Per program: total anggaran/pagu against total realisasi, T-C.24 (document) then T-C.27 (reported).

    T-C.24: sums over the years that print both anggaran and realisasi. T-C.27: ``pagu`` = the
    program's pagu over every plan year (``metrics.pagu_program``); realisasi and ``pagu_dilaporkan``
    over the most detailed rows that report Rupiah and have a pagu; serapan = realisasi / pagu_dilaporkan.
    """
    return pd.concat([_program_tc24(r), _program_tc27(r, tersimpan)], ignore_index=True).astype(
        {"pagu": "Float64", "pagu_dilaporkan": "Float64", "realisasi": "Float64", "serapan": "Float64"}
    )


def _program_tc24(r: Renstra) -> pd.DataFrame:
    s = sajian_anggaran.serapan_program(r)
    baris = []
    for label, g in s.groupby("label", sort=False):
        dua = g[g["anggaran"].notna() & g["realisasi"].notna()]
        pagu, real = dua["anggaran"].sum(min_count=1), dua["realisasi"].sum(min_count=1)
        baris.append(
            {"sumber": "T-C.24", "program": str(label), "tahun": sajian_anggaran.rentang_tahun(dua["tahun"]),
             "pagu": g["anggaran"].sum(min_count=1), "pagu_dilaporkan": pagu, "realisasi": real,
             "serapan": metrics.serapan(pagu, real)}
        )  # fmt: skip
    return pd.DataFrame(baris, columns=_KOLOM_PROGRAM)


_KOLOM_PROGRAM = ["sumber", "program", "tahun", "pagu", "pagu_dilaporkan", "realisasi", "serapan"]


def _program_tc27(r: Renstra, tersimpan: pd.DataFrame) -> pd.DataFrame:
    p = metrics.pagu_program(r.rencana)
    R = r.rencana
    kunci = dict(zip(R["program_id"], pilihan.kunci_program(R), strict=True))
    p["label"] = p["program_id"].map(kunci).map(pilihan.program(r))
    rinci = R[~R["punya_rincian"].fillna(False).astype(bool)].reset_index(drop=True)
    rinci = sajian_realisasi.dengan_laporan(rinci, tersimpan)
    rinci = rinci[rinci["realisasi_rp"].notna() & rinci["pagu"].notna()]
    baris = []
    for label, g in p.groupby("label", sort=False):
        lapor = rinci[rinci["program_id"].isin(set(g["program_id"]))]
        pagu_l, real = lapor["pagu"].sum(min_count=1), lapor["realisasi_rp"].sum(min_count=1)
        baris.append(
            {"sumber": "T-C.27", "program": str(label), "tahun": sajian_anggaran.rentang_tahun(g["tahun"]),
             "pagu": g["pagu"].sum(min_count=1), "pagu_dilaporkan": pagu_l, "realisasi": real,
             "serapan": metrics.serapan(pagu_l, real)}
        )  # fmt: skip
    return pd.DataFrame(baris, columns=_KOLOM_PROGRAM)


def efisiensi_dokumen(r: Renstra) -> pd.DataFrame:
    """The whole kecamatan per year the document prints both (T-C.23 capaian, T-C.24 serapan), in the
    quadrant's columns: ``metrics.efisiensi`` (mean capaian; serapan over programs with both figures).

    ``pagu``/``realisasi`` = the anggaran and realisasi of those programs. Empty without T-C.23 or T-C.24.
    """
    s = sajian_anggaran.serapan_program(r)
    c = sajian_kinerja._capaian_semua(r)
    if s.empty or c.empty:
        return pd.DataFrame({k: pd.Series(dtype="object") for k in KOLOM_EFISIENSI})
    s = s.assign(realisasi_disamakan_target=s["disamakan_target"])
    batas = ambang()
    e = metrics.efisiensi(c, s, ambang_capaian=batas, ambang_serapan=batas)
    dua = s[s["anggaran"].notna() & s["realisasi"].notna() & s["anggaran"].ne(0)]
    jumlah = dua.groupby("tahun")[["anggaran", "realisasi"]].sum()
    hasil = pd.DataFrame(
        {
            "tahun": e["tahun"],
            "tingkat": "Seluruh kecamatan",
            "kode": "",
            "nama": [f"Seluruh kecamatan {t}" for t in e["tahun"]],
            "kelurahan": "",
            "program": "",
            "pagu": e["tahun"].map(jumlah["anggaran"]).astype("Float64"),
            "realisasi": e["tahun"].map(jumlah["realisasi"]).astype("Float64"),
            "capaian": e["capaian"],
            "serapan": e["serapan"],
            "kuadran": e["kuadran"],
            "jumlah": e["n_indikator"],
            "catatan": e["catatan"].fillna(""),
        }
    )
    return hasil.astype({"catatan": "string"}).reset_index(drop=True)


# --- form E.80 on screen ------------------------------------------------------------------------


def kolom_e80(kolom: tuple[object, ...]) -> dict[str, Kolom]:
    """Screen headings and kinds of the E.80 columns (``sajian.e80.KolomE80``): ``(8) Target Renstra
    Tahun ke-1 (2020) Rp`` as Rupiah, rasio as percent, K figures as numbers, the rest text."""
    hasil: dict[str, Kolom] = {}
    for k in kolom:
        kunci, grup, sub, nomor = (str(x) for x in k)  # type: ignore[attr-defined]
        if kunci.startswith("rasio_"):
            jenis = "persen"
        elif kunci.startswith(("target_", "realisasi_")):
            jenis = "rupiah" if "_rp" in kunci else "angka"
        else:
            jenis = "angka" if kunci == "capaian_awal" else "teks"
        hasil[kunci] = Kolom(" ".join(x for x in (nomor, grup, sub) if x), jenis)
    return hasil


def tempat_bawaan(r: Renstra) -> str:
    """Where the form is signed, from the Renstra's pemerintah daerah ("Kota X" -> "X"); "" if not given."""
    pemda = str(r.manifest.get("renstra", {}).get("pemerintah_daerah", "") or "").strip()
    for awalan in ("Kota ", "Kabupaten ", "Kab. "):
        if pemda.startswith(awalan):
            return pemda[len(awalan) :].strip()
    return pemda
