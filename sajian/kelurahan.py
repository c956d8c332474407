"""Kelurahan page: the kelurahan side by side, and one kelurahan's own profile. Pure pandas.

Sources: T-C.27 rows whose name points at a kelurahan (``r.rencana["kelurahan"]``, resolved by
the loader from the manifest's spellings, e.g. "(sub unit X)") and Tabel 2.2.2 (staff per unit
kerja, optional). Pagu is summed over the most detailed rows only, as
``metrics.pagu_per_kelurahan`` does, so no printed figure counts twice.

"Jenis" (kind) of a kegiatan/sub kegiatan = its printed name with the kelurahan stripped, so
"Pembangunan Sarana dan Prasarana Kelurahan X" (a table in an old local code scheme),
"... Kelurahan (X)" and "... Kelurahan (sub unit X)" fall together; an old scheme may give every
kelurahan its own code, so the code cannot serve as the key.
"""

from __future__ import annotations

import re

import pandas as pd

import kosakata
import metrics
from loaders import Renstra
from loaders.peta import Peta
from loaders.templat_renstra import teks_tahun
from sajian import profil

TANPA_INDIKATOR = "(indikator tidak tercetak)"
CATATAN_INDIKATOR = "indikator tercetak sekali untuk kelompok baris ini (sel gabungan di dokumen)"
CATATAN_PAGU_SEKALI = "pagu tercetak sekali, di baris indikator pertama kegiatan ini"

# A trailing "(sub unit X)" or all-capitals "(X)" names the kelurahan (Permendagri 90 tables), as in
# loaders.wilayah; other parentheses, such as "(Bimtek, Sosialisasi)", belong to the name ...
_KURUNG_AKHIR = re.compile(r"\s*\(\s*(?:(?i:sub\s*unit)\b[^()]*|[^()a-z]+)\)\s*$")
# ... or a trailing "Kelurahan X" (old local scheme): keep the word "Kelurahan", drop the name.
_NAMA_SETELAH_KELURAHAN = re.compile(r"\b(Kelurahan)\s+[A-Za-z][A-Za-z ]*$", re.IGNORECASE)
# What is left dangling once "(X)" is cut from "Pemberdayaan Masyarakat di (SIDOLUHUR)".
_KATA_DEPAN_AKHIR = re.compile(r"\s+(di|ke|dari|pada)$", re.IGNORECASE)


def jenis(nama: str) -> str:
    """The kind of a kelurahan's kegiatan/sub kegiatan: its printed name without the kelurahan.

    "Pembangunan Sarana dan Prasarana Kelurahan (sub unit Mekarsari)" and
    "Pembangunan Sarana dan Prasarana Kelurahan Mekarsari" both give
    "Pembangunan Sarana dan Prasarana Kelurahan". Only the place is cut (and a preposition
    left dangling by the cut); every other word stays as printed. Meant for rows the loader
    already tied to a kelurahan: a name without a place comes back unchanged (trimmed).
    """
    teks = " ".join(str(nama).split())
    tanpa_kurung = _KURUNG_AKHIR.sub("", teks)
    if tanpa_kurung != teks:
        teks = tanpa_kurung
    else:
        teks = _NAMA_SETELAH_KELURAHAN.sub(r"\1", teks)
    return _KATA_DEPAN_AKHIR.sub("", teks).strip()


def _urut_kelurahan(r: Renstra, df: pd.DataFrame, *lain: str) -> pd.DataFrame:
    """Rows in the manifest's kelurahan order (the order every chart's colours follow)."""
    posisi = {k: i for i, k in enumerate(r.kelurahan)}
    d = df.assign(_urut=df["kelurahan"].map(posisi).fillna(len(posisi)))
    return d.sort_values([*lain, "_urut"], kind="stable").drop(columns="_urut").reset_index(drop=True)


def _baris(r: Renstra) -> pd.DataFrame:
    """T-C.27 rows tied to a kelurahan, with their ``jenis``."""
    d = r.rencana[r.rencana["kelurahan"].fillna("").ne("")].copy()
    d["jenis"] = d["nama"].map(jenis).astype("string")
    return d


def pagu_per_tahun(r: Renstra) -> pd.DataFrame:
    """Per tahun and kelurahan: pagu and pangsa (``metrics.pagu_per_kelurahan``), plus the number of
    the kelurahan's rows whose pagu the document printed unreadable (``*****``), left out of the sum.

    Columns: tahun, kelurahan, pagu (Int64), pangsa (% of that year's total over all kelurahan), tak_terbaca.
    """
    hasil = metrics.pagu_per_kelurahan(r.rencana)
    d = _baris(r)
    tak = (
        d[d["pagu_status"].eq("tidak_terbaca")].groupby(["tahun", "kelurahan"]).size().rename("tak_terbaca")
        if "pagu_status" in d.columns
        else pd.Series(dtype="Int64", name="tak_terbaca")
    )
    hasil = hasil.merge(tak.reset_index(), on=["tahun", "kelurahan"], how="left")
    hasil["tak_terbaca"] = hasil["tak_terbaca"].fillna(0).astype("Int64")
    return _urut_kelurahan(r, hasil, "tahun")


def pagu_kelurahan(r: Renstra, kelurahan: str) -> pd.DataFrame:
    """One kelurahan's pagu per tahun with its change on the previous year (``metrics.perubahan_tahunan``).

    Columns: tahun, kelurahan, pagu, pangsa, tak_terbaca, selisih (Rp), persen (% of the previous year).
    """
    d = pagu_per_tahun(r)
    d = d[d["kelurahan"] == kelurahan]
    return metrics.perubahan_tahunan(d, "pagu", ["kelurahan"])


def pagu_per_jenis(r: Renstra, tahun: int) -> pd.DataFrame:
    """Per kelurahan and jenis in one year: pagu of the most detailed rows (as pagu_per_kelurahan sums them).

    Columns: kelurahan, jenis, tingkat, kode (the kelurahan's own code for it), pagu (Int64; NA when
    no row prints a readable pagu), baris (printed rows). Kinds in the order the table prints them.
    """
    d = _baris(r)
    d = d[(d["tahun"] == tahun) & ~d["punya_rincian"].astype(bool)]
    kolom = ["kelurahan", "jenis", "tingkat", "kode", "pagu", "baris"]
    if d.empty:
        return pd.DataFrame(columns=kolom)
    urutan_jenis = list(dict.fromkeys(d.sort_values("baris", kind="stable")["jenis"]))
    hasil = (
        d.groupby(["kelurahan", "jenis"], sort=False)
        .agg(
            tingkat=("tingkat", "first"),
            kode=("kode", lambda s: ", ".join(dict.fromkeys(x for x in s.dropna() if x))),
            pagu=("pagu", lambda s: s.sum(min_count=1)),
            baris=("baris", lambda s: ", ".join(str(int(b)) for b in dict.fromkeys(s.dropna()))),
        )
        .reset_index()
    )
    hasil["pagu"] = hasil["pagu"].astype("Int64")
    hasil["_jenis"] = hasil["jenis"].map({j: i for i, j in enumerate(urutan_jenis)})
    hasil = _urut_kelurahan(r, hasil, "_jenis").drop(columns="_jenis")
    return hasil[kolom].astype({"kelurahan": "string", "jenis": "string", "tingkat": "string", "kode": "string",
                                "baris": "string"})  # fmt: skip


def target_per_jenis(r: Renstra, tahun: int) -> pd.DataFrame:
    """Targets of one year side by side: one row per (jenis, indicator, kelurahan).

    The document often prints an indicator once for a run of kelurahan rows (a merged cell);
    ``indikator`` is the text printed in that run, ``indikator_tercetak`` says whether this
    very row printed it. Indicators are told apart by their position in the item
    (``indikator_ke``) and never mixed across ``satuan``: targets in different units are
    different groups, never added.

    Columns: kelompok (int, one per jenis x indicator x satuan), jenis, indikator_ke, indikator,
    satuan, kelurahan, target, target_persen, target_teks (as printed), indikator_tercetak, baris.
    """
    d = _baris(r)
    d = d[d["tahun"] == tahun].copy()
    kolom = ["kelompok", "jenis", "indikator_ke", "indikator", "satuan", "kelurahan", "target", "target_persen",
             "target_teks", "indikator_tercetak", "baris"]  # fmt: skip
    if d.empty:
        return pd.DataFrame(columns=kolom)
    d["satuan"] = d["satuan"].fillna("").astype("string")
    d["indikator_tercetak"] = d["indikator"].fillna("").str.strip().ne("")
    kunci = ["jenis", "indikator_ke", "satuan"]
    tercetak = (
        d[d["indikator_tercetak"]]
        .sort_values("baris", kind="stable")
        .groupby(kunci, sort=False)["indikator"]
        .first()
        .rename("_indikator")
    )
    d = d.merge(tercetak.reset_index(), on=kunci, how="left")
    d["indikator"] = d["_indikator"].fillna(TANPA_INDIKATOR).astype("string")
    d = d.sort_values("baris", kind="stable")
    urutan = {k: i for i, k in enumerate(dict.fromkeys(zip(*(d[c] for c in kunci), strict=True)))}
    d["kelompok"] = [urutan[k] for k in zip(*(d[c] for c in kunci), strict=True)]
    d = _urut_kelurahan(r, d, "kelompok")
    d["indikator_tercetak"] = d["indikator_tercetak"].astype("boolean")
    return d[kolom].reset_index(drop=True)


def rincian_kelurahan(r: Renstra, kelurahan: str, tahun: int) -> pd.DataFrame:
    """One kelurahan's kegiatan/sub kegiatan in one year, one row per printed indicator row.

    Columns: program, kegiatan, tingkat, kode, nama (as printed), jenis, indikator, target, satuan,
    target_teks, pagu, catatan, baris. ``catatan`` explains an empty pagu or indicator cell.
    """
    d = _baris(r)
    d = d[(d["tahun"] == tahun) & (d["kelurahan"] == kelurahan)].sort_values(["baris"], kind="stable").copy()
    kolom = ["program", "kegiatan", "tingkat", "kode", "nama", "jenis", "indikator", "target", "satuan",
             "target_teks", "pagu", "catatan", "baris"]  # fmt: skip
    if d.empty:
        return pd.DataFrame(columns=kolom)
    kelompok = target_per_jenis(r, tahun)
    kelompok = kelompok[kelompok["kelurahan"] == kelurahan][["baris", "indikator", "indikator_tercetak"]]
    d = d.drop(columns="indikator").merge(kelompok.drop_duplicates("baris"), on="baris", how="left")
    catatan = []
    for _, x in d.iterrows():
        c = []
        if pd.isna(x["pagu"]) and x["pagu_status"] == "kosong" and (x["indikator_ke"] or 1) > 1:
            c.append(CATATAN_PAGU_SEKALI)
        elif pd.isna(x["pagu"]) and x["pagu_status"] == "tidak_terbaca":
            c.append(kosakata.pagu_tidak_terbaca(x["pagu_teks"]))
        tercetak = bool(x["indikator_tercetak"]) if pd.notna(x["indikator_tercetak"]) else True
        if not tercetak and x["indikator"] != TANPA_INDIKATOR:
            c.append(CATATAN_INDIKATOR)
        catatan.append("; ".join(c))
    d["catatan"] = pd.array(catatan, dtype="string")
    d["program"] = d["program_nama"]
    d["kegiatan"] = d["kegiatan_nama"].where(d["tingkat"].eq("sub_kegiatan"), pd.NA)
    d["tingkat"] = d["tingkat"].str.replace("_", " ")
    return d[kolom].reset_index(drop=True)


def pegawai_per_kelurahan(r: Renstra) -> pd.DataFrame:
    """Staff of each kelurahan office (Tabel 2.2.2, via ``sajian.profil.pegawai_per_unit``): kelurahan,
    unit_kerja, laki_laki, perempuan, jumlah, jumlah_dokumen, in the manifest's kelurahan order."""
    d = profil.pegawai_per_unit(r)
    d = d[d["kelurahan"].fillna("").ne("")]
    kolom = ["kelurahan", "unit_kerja", "laki_laki", "perempuan", "jumlah", "jumlah_dokumen"]
    return _urut_kelurahan(r, d)[kolom]


# --- what the page says about the served Renstra --------------------------------------------------


def bilangan(n: int) -> str:
    """A count as Indonesian prose writes it: words up to ten (``enam``), digits above (``12``).

    FOR THE OWNER OF kosakata.py: a candidate for the shared vocabulary."""
    kata = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh")
    return kata[n] if 0 <= n < len(kata) else str(n)


def sumber_tc27(r: Renstra) -> str:
    """``T-C.27 Rencana Program, Kegiatan, dan Pendanaan (2025-2029)``: one year span per printed table
    (the bundled document prints three: ``(2020, 2021, 2022-2024)``)."""
    tahun = r.rencana.groupby("tabel", sort=False)["tahun"].agg(lambda t: sorted({int(x) for x in t.dropna()}))
    rentang = [teks_tahun(t) for t in sorted((t for t in tahun if t), key=lambda t: t[0])]
    return "T-C.27 Rencana Program, Kegiatan, dan Pendanaan" + (f" ({', '.join(rentang)})" if rentang else "")


def tingkat_kelurahan(r: Renstra) -> str:
    """Which level of T-C.27 names the kelurahan, by year: ``sub kegiatan pada 2025-2029`` (the bundled
    document: ``kegiatan pada 2020, sub kegiatan pada 2021-2024``)."""
    d = _baris(r)
    d = d[~d["punya_rincian"].astype(bool)]
    tahun = d.groupby("tingkat", sort=False)["tahun"].agg(lambda t: sorted({int(x) for x in t.dropna()}))
    urut = sorted(tahun.items(), key=lambda x: x[1][0] if x[1] else 0)
    return ", ".join(f"{str(t).replace('_', ' ')} pada {teks_tahun(th)}" for t, th in urut if th)


def contoh_jenis(r: Renstra) -> tuple[str, str] | None:
    """One printed name and its ``jenis``, from the latest year, to show what "jenis" means; None if no name changes."""
    d = _baris(r).sort_values(["tahun", "baris"], ascending=[False, True], kind="stable")
    beda = d[d["nama"].astype("string").str.strip() != d["jenis"]]
    return (str(beda["nama"].iloc[0]).strip(), str(beda["jenis"].iloc[0])) if not beda.empty else None


def susunan_berubah(r: Renstra) -> bool:
    """True when the kinds of kegiatan/sub kegiatan the kelurahan get differ between years (so a change in
    a kelurahan's pagu partly reflects that change, not only more or less money)."""
    d = _baris(r)
    d = d[~d["punya_rincian"].astype(bool)]
    susunan = {frozenset(g["jenis"].dropna()) for _, g in d.groupby("tahun")}
    return len(susunan) > 1


# --- the map ----------------------------------------------------------------------------------------

# Measures the map can colour by: column -> (name, kind). Capaian and serapan only for a year with
# realisasi reported for kelurahan rows (``ukuran_peta``).
UKURAN_PETA: dict[str, tuple[str, str]] = {
    "pagu": ("Pagu", "rupiah"),
    "pangsa": ("Pangsa dari jumlah kelurahan", "persen"),
    "kegiatan": ("Jumlah kegiatan/sub kegiatan", "bulat"),
    "capaian": ("Rata-rata capaian indikator", "persen"),
    "serapan": ("Serapan anggaran", "persen"),
}


def peta(r: Renstra) -> Peta | None:
    """The Renstra's kelurahan boundaries (``loaders.peta``), None when it carries none."""
    return r.peta


def nilai_peta(r: Renstra, tahun: int, tersimpan: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per kelurahan (manifest order) with every measure of the map for ``tahun``.

    Columns: kelurahan, kode (Kemendagri code from the boundary file, "" without one), pagu and
    pangsa (``pagu_per_tahun``, i.e. ``metrics.pagu_per_kelurahan``), kegiatan (distinct printed
    kegiatan/sub kegiatan naming the kelurahan, as the profile card counts them), capaian (mean
    ``metrics.capaian`` of the kelurahan's indicators with reported realisasi) and serapan
    (``metrics.serapan`` of the summed pagu and reported Rupiah of its rows), NA where there is none.
    """
    p = pagu_per_tahun(r)
    p = p[p["tahun"].eq(tahun)].set_index("kelurahan")
    d = _baris(r)
    d = d[d["tahun"].eq(tahun)]
    kegiatan = d.drop_duplicates(["kelurahan", "kode", "nama"]).groupby("kelurahan").size()
    capaian, serapan = _realisasi_peta(r, tahun, tersimpan)
    kode = r.peta.kode if r.peta is not None else {}
    hasil = pd.DataFrame({"kelurahan": pd.array(r.kelurahan, dtype="string")})
    hasil["kode"] = pd.array([kode.get(k, "") for k in r.kelurahan], dtype="string")
    hasil["pagu"] = pd.array([p["pagu"].get(k, pd.NA) for k in r.kelurahan], dtype="Int64")
    hasil["pangsa"] = pd.array([p["pangsa"].get(k, pd.NA) for k in r.kelurahan], dtype="Float64")
    hasil["kegiatan"] = pd.array([int(kegiatan.get(k, 0)) for k in r.kelurahan], dtype="Int64")
    hasil["capaian"] = pd.array([capaian.get(k, pd.NA) for k in r.kelurahan], dtype="Float64")
    hasil["serapan"] = pd.array([serapan.get(k, pd.NA) for k in r.kelurahan], dtype="Float64")
    return hasil


def _realisasi_peta(
    r: Renstra, tahun: int, tersimpan: pd.DataFrame | None
) -> tuple[dict[str, float], dict[str, float]]:
    """Per kelurahan: mean capaian and serapan from the realisasi reported for ``tahun`` ({} when none)."""
    if tersimpan is None or tersimpan.empty:
        return {}, {}
    from sajian import realisasi

    c = realisasi.capaian_dilaporkan(r, tahun, tersimpan)
    c = c[c["kelurahan"].ne("") & c["capaian"].notna()]
    capaian = {str(k): float(g["capaian"].mean()) for k, g in c.groupby("kelurahan")}
    s = realisasi.serapan_dilaporkan(r, tahun, tersimpan)
    s = s[s["kelurahan"].ne("") & s["pagu"].notna()]
    serapan = {}
    for k, g in s.groupby("kelurahan"):
        nilai = metrics.serapan(int(g["pagu"].sum()), int(g["realisasi"].sum()))
        if nilai is not None:
            serapan[str(k)] = float(nilai)
    return capaian, serapan


def ukuran_peta(r: Renstra, tahun: int, tersimpan: pd.DataFrame | None = None) -> dict[str, str]:
    """The measures the map offers for ``tahun``: column -> name; capaian/serapan only when reported."""
    d = nilai_peta(r, tahun, tersimpan)
    return {k: nama for k, (nama, _) in UKURAN_PETA.items() if k not in ("capaian", "serapan") or d[k].notna().any()}
