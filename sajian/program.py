"""Program page: one program, kegiatan or sub kegiatan of T-C.27 followed over the plan years.

Pure pandas over ``r.rencana``: no Streamlit, no formatting.

**An item's identity across years.** A T-C.27 table prints each item once, with one target
and one Rp column per year, so the printed row (``item_id`` ``<table>:N``) is the item in all
the table's years. A Renstra may print its years in several tables (a revised one: one table
per year or block of years); rows of two tables under the same Permendagri 90 codes are the
same item when tingkat, kode and kelurahan agree (sub kegiatan codes repeat once per
kelurahan, hence the kelurahan). A match is made only when it is unique in every year; rows
without a code and rows under an old local code scheme (``skema_kode`` "lokal_lama") keep
their own printed row as identity: old codes are never mapped to new ones.

The item key (``kunci``, also the page's ``?item=`` value) is the ``item_id`` of the item's
newest printing, e.g. ``tc27_2022:31`` for a program printed in two tables (bundled document).
"""

from __future__ import annotations

import re

import pandas as pd

from loaders import Renstra
from metrics.pagu import pagu_per_tingkat
from sajian import anggaran, pilihan, realisasi
from sajian.pilihan import kunci_program

TINGKAT_ANAK = {"program": "kegiatan", "kegiatan": "sub_kegiatan"}
NAMA_TINGKAT = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub kegiatan"}
_TANDA_TAHUN = re.compile(r" \(\d{4}(, \d{4})*\)$")  # "(2020)" after a program label without a new code

# Why a year has no pagu bar (``status``); the page shows these words as the note.
CATATAN_STATUS = {
    "ok": "",
    "tidak_terbaca": "pagu tercetak tidak terbaca di dokumen (*****)",
    "kosong": "tidak ada pagu tercetak (sel kosong atau -)",
    "tidak_tercantum": "tidak tercantum di T-C.27 tahun ini",
}


# --- identity -------------------------------------------------------------------------------


def _kunci_item(rencana: pd.DataFrame) -> pd.Series:
    """Per row: the item key (``item_id`` of the same item's newest printing), see module docstring.

    Plain Python over the columns' values (a few hundred rows): a pandas group loop costs ms per group.
    """
    item = rencana["item_id"].astype("string").tolist()
    kode = rencana["kode"].fillna("").astype(str).str.strip()
    baru = (rencana["skema_kode"].eq("permendagri90").fillna(False) & kode.ne("")).to_numpy(dtype=bool)
    kel = rencana["kelurahan"].fillna("").astype(str).tolist()
    tahun = [None if pd.isna(t) else t for t in rencana["tahun"].tolist()]
    kelompok: dict[tuple, list[int]] = {}  # (tingkat, kode, kelurahan) -> row positions
    per_tahun: dict[tuple, set] = {}  # (tingkat, kode, kelurahan, tahun) -> item_id printed that year
    for i, (tingkat, k) in enumerate(zip(rencana["tingkat"].tolist(), kode.tolist(), strict=True)):
        if baru[i] and not pd.isna(tingkat):
            kelompok.setdefault((tingkat, k, kel[i]), []).append(i)
            if tahun[i] is not None:
                cetak = per_tahun.setdefault((tingkat, k, kel[i], tahun[i]), set())
                if not pd.isna(item[i]):
                    cetak.add(item[i])
    unik: dict[tuple, int] = {}
    for (*grup, _), isi in per_tahun.items():
        unik[tuple(grup)] = max(unik.get(tuple(grup), 0), len(isi))
    kunci = list(item)
    for grup, baris in kelompok.items():
        if unik.get(grup) != 1:
            continue  # two printed items with one code in one year: keep them apart
        # newest printing: the last row once sorted by year (a row without a year sorts last)
        terbaru = max(baris, key=lambda i: (tahun[i] is None, tahun[i] or 0, i))
        for i in baris:
            kunci[i] = item[terbaru]
    return pd.Series(pd.array(kunci, dtype="string"), index=rencana.index, name="item_id")


def _dengan_kunci(r: Renstra) -> pd.DataFrame:
    """``r.rencana`` plus ``kunci`` (item key), ``kunci_program`` and ``kunci_induk`` (parent's key)."""
    d = r.rencana.copy()
    d["kunci"] = _kunci_item(d)
    # A row's program key is its program row's (``pilihan.kunci_program``): a row printed
    # without a code of its own still belongs to its program.
    # (narrow frames: filtering all of r.rencana's columns costs more than the rest together)
    program = d.loc[d["tingkat"].eq("program"), ["item_id", "program_id", "tingkat", "skema_kode", "kode"]]
    peta_program = dict(zip(program["item_id"], kunci_program(program), strict=True))
    d["kunci_program"] = d["program_id"].map(peta_program).astype("string")
    peta = d[["item_id", "kunci"]].drop_duplicates("item_id").set_index("item_id")["kunci"]
    induk = d["kegiatan_id"].where(d["tingkat"].eq("sub_kegiatan"), d["program_id"])
    induk = induk.where(~d["tingkat"].eq("program"))
    d["kunci_induk"] = induk.map(peta).astype("string")
    return d


def _terbaru(d: pd.DataFrame) -> pd.DataFrame:
    """One row per item key: its newest printing (first indicator row), for names and codes."""
    return d.sort_values(["tahun", "baris"], kind="stable").drop_duplicates("kunci", keep="last")


def daftar_item(r: Renstra, program: str) -> pd.DataFrame:
    """Every item of one program (the program itself first), in code order.

    Columns: kunci, tingkat, kode, nama (newest printing, as printed), kelurahan, kunci_induk,
    tahun (years printed, as text ``2021–2024``), label (for a picker).
    """
    d = _dengan_kunci(r)
    d = d[d["kunci_program"].eq(program)]
    if d.empty:
        return pd.DataFrame(columns=["kunci", "tingkat", "kode", "nama", "kelurahan", "kunci_induk", "tahun", "label"])
    tahun = d.groupby("kunci")["tahun"].agg(lambda s: anggaran.rentang_tahun(s, "–"))
    b = _terbaru(d).copy()
    b["tahun_cetak"] = b["kunci"].map(tahun)
    b["kode"] = b["kode"].fillna("").astype(str).str.strip()
    lama = not b["skema_kode"].eq("permendagri90").any()
    if lama:
        b = b.sort_values("baris", kind="stable")  # old local codes: document order
    else:
        # Codes sort as a tree (7.01.03 < 7.01.03.2.02 < 7.01.03.2.02.02); an item without a
        # code sorts after its coded siblings, under its parent kegiatan.
        kode_kegiatan = b["kunci_induk"].map(b.set_index("kunci")["kode"]).fillna("")
        b["_urut"] = b["kode"].where(b["kode"].ne(""), kode_kegiatan + ".~")
        b = b.sort_values(["_urut", "tahun", "baris"], ascending=[True, False, True], kind="stable")
        b = pd.concat([b[b["tingkat"].eq("program")], b[~b["tingkat"].eq("program")]])
    label_program = pilihan.program(r)
    rek = []
    for _, x in b.iterrows():
        tingkat = str(x["tingkat"])
        if tingkat == "program" and program in label_program:
            # the shared filter's wording ("7.01.03 Pemberdayaan ..."), so picker and filter agree;
            # its year mark ("... (2020)") is said once, after the label
            teks = "Program " + _TANDA_TAHUN.sub("", label_program[program])
        else:
            kode = f" {x['kode']}" if x["kode"] else " (tanpa kode)"
            awal = {"kegiatan": "· ", "sub_kegiatan": "·· "}.get(tingkat, "")
            teks = f"{awal}{NAMA_TINGKAT.get(tingkat, tingkat)}{kode} {str(x['nama']).strip()}"
        rek.append(
            {
                "kunci": x["kunci"], "tingkat": tingkat, "kode": x["kode"], "nama": x["nama"],
                "kelurahan": x["kelurahan"] if isinstance(x["kelurahan"], str) else "",
                "kunci_induk": x["kunci_induk"], "tahun": x["tahun_cetak"],
                "label": f"{teks} ({x['tahun_cetak']})",
            }
        )  # fmt: skip
    return pd.DataFrame(rek).astype("string").reset_index(drop=True)


def pilihan_item(r: Renstra, program: str) -> dict[str, str]:
    """Item key -> picker label for one program (program first, then its kegiatan and sub kegiatan)."""
    d = daftar_item(r, program)
    return dict(zip(d["kunci"].tolist(), d["label"].tolist(), strict=True))


def kedudukan(r: Renstra, kunci: str) -> pd.DataFrame:
    """The chain from the program down to the item: tingkat, kode, nama, kunci (newest printings)."""
    d = _dengan_kunci(r)
    b = _terbaru(d).set_index("kunci", drop=False)
    rantai = []
    k: object = kunci
    while isinstance(k, str) and k in b.index and len(rantai) < 3:
        x = b.loc[k]
        rantai.append({"tingkat": x["tingkat"], "kode": str(x["kode"] or "").strip(), "nama": x["nama"], "kunci": k})
        k = x["kunci_induk"] if not pd.isna(x["kunci_induk"]) else None
    return pd.DataFrame(rantai[::-1], columns=["tingkat", "kode", "nama", "kunci"]).astype("string")


# --- pagu ---------------------------------------------------------------------------------------


def _tahun_skema(d: pd.DataFrame, baris_item: pd.DataFrame) -> list[int]:
    """The years in which the item's program is printed: the years it could appear in."""
    program = baris_item["kunci_program"].iloc[0]
    return sorted(int(t) for t in d.loc[d["kunci_program"].eq(program), "tahun"].unique())


def _pagu_per_tahun(baris: pd.DataFrame) -> pd.DataFrame:
    """Per tahun and printed item: pagu (metrics.pagu_per_tingkat: NA when nothing readable) and status."""
    if baris.empty:
        return pd.DataFrame(columns=["tahun", "item_id", "pagu", "status", "pagu_teks"])
    bagian = [pagu_per_tingkat(g, str(t)) for t, g in baris.groupby("tingkat", sort=False)]
    pagu = pd.concat(bagian, ignore_index=True)[["tahun", "item_id", "pagu"]]
    info = baris.groupby(["tahun", "item_id"], sort=False).agg(
        tak_terbaca=("pagu_status", lambda s: bool(s.eq("tidak_terbaca").any())),
        pagu_teks=("pagu_teks", lambda s: next((str(t) for t in s if isinstance(t, str) and t.strip()), "")),
    )
    pagu = pagu.merge(info.reset_index(), on=["tahun", "item_id"], how="left")
    pagu["status"] = "ok"
    pagu.loc[pagu["pagu"].isna(), "status"] = "kosong"
    pagu.loc[pagu["pagu"].isna() & pagu["tak_terbaca"], "status"] = "tidak_terbaca"
    return pagu.drop(columns="tak_terbaca")


def pagu_item(r: Renstra, kunci: str) -> pd.DataFrame:
    """The item's pagu per year in which its program is printed under the same key (every year
    of its code scheme; the one table's years for a program without a Permendagri 90 code).

    Columns: tahun, pagu (Int64, NA when missing: never 0), status (ok / tidak_terbaca / kosong /
    tidak_tercantum), pagu_teks (the printed cell), catatan (why no pagu), jumlah_rincian (sum of
    the readable pagu of its kegiatan / sub kegiatan that year; NA without rincian),
    jumlah_rincian_tak_terbaca (rincian whose pagu is missing), pagu_induk (the parent's pagu
    that year) and pangsa_induk (pagu / pagu_induk x 100).
    """
    kolom = ["tahun", "pagu", "status", "pagu_teks", "catatan", "jumlah_rincian", "jumlah_rincian_tak_terbaca",
             "pagu_induk", "pangsa_induk"]  # fmt: skip
    d = _dengan_kunci(r)
    item = d[d["kunci"].eq(kunci)]
    if item.empty:
        return pd.DataFrame(columns=kolom)
    sendiri = _pagu_per_tahun(item).drop(columns="item_id")
    tingkat = str(item["tingkat"].iloc[0])
    hasil = pd.DataFrame({"tahun": _tahun_skema(d, item)}).merge(sendiri, on="tahun", how="left")
    hasil["status"] = hasil["status"].fillna("tidak_tercantum")
    hasil["catatan"] = hasil["status"].map(CATATAN_STATUS)
    # rincian: the children printed under this item's printing of that year
    anak = d[d["tingkat"].eq(TINGKAT_ANAK.get(tingkat, "")) & d["kunci_induk"].eq(kunci)]
    pa = _pagu_per_tahun(anak)
    if not pa.empty:
        rinci = pa.groupby("tahun").agg(
            jumlah_rincian=("pagu", lambda s: s.sum(min_count=1)),
            jumlah_rincian_tak_terbaca=("pagu", lambda s: int(s.isna().sum())),
        )
        hasil = hasil.merge(rinci.reset_index(), on="tahun", how="left")
    else:
        hasil["jumlah_rincian"] = pd.NA
        hasil["jumlah_rincian_tak_terbaca"] = pd.NA
    # parent: the parent row of each year's printing
    induk = d[d["kunci"].isin(item["kunci_induk"].dropna().unique())]
    if not induk.empty:
        pi = _pagu_per_tahun(induk).groupby("tahun")["pagu"].agg(lambda s: s.sum(min_count=1)).rename("pagu_induk")
        hasil = hasil.merge(pi.reset_index(), on="tahun", how="left")
    else:
        hasil["pagu_induk"] = pd.NA
    hasil = hasil.astype(
        {"tahun": "Int64", "pagu": "Int64", "jumlah_rincian": "Int64", "jumlah_rincian_tak_terbaca": "Int64",
         "pagu_induk": "Int64", "status": "string", "pagu_teks": "string", "catatan": "string"}
    )  # fmt: skip
    induk_f = hasil["pagu_induk"].astype("Float64")
    hasil["pangsa_induk"] = (hasil["pagu"].astype("Float64") / induk_f.where(induk_f > 0) * 100).astype("Float64")
    hasil["pagu_teks"] = hasil["pagu_teks"].fillna("")
    return hasil[kolom].reset_index(drop=True)


# --- indicators -----------------------------------------------------------------------------------


def indikator_item(r: Renstra, kunci: str) -> pd.DataFrame:
    """The item's indicators and targets per year, as printed (one row per year and indikator_ke).

    Columns: tahun, indikator_ke, indikator, target_teks (as printed, unit included), target
    (the number read from it), satuan, target_persen (the percentage printed beside a count, e.g.
    ``5170 (38,12%)``), capaian_awal_teks / capaian_awal (kondisi awal, where the document prints
    one: ``catatan_kondisi_awal``), catatan (e.g. an empty indicator cell, left empty: not filled from the row above).
    """
    kolom = ["tahun", "item_id", "indikator_ke", "polaritas", "indikator", "target_teks", "target", "satuan",
             "target_persen", "capaian_awal_teks", "capaian_awal", "catatan"]  # fmt: skip
    d = _dengan_kunci(r)
    item = d[d["kunci"].eq(kunci)].sort_values(["tahun", "indikator_ke"], kind="stable")
    hasil = item[kolom[:-1]].copy()
    kosong = hasil["indikator"].fillna("").str.strip().eq("")
    hasil["catatan"] = pd.Series("", index=hasil.index, dtype="string")
    hasil.loc[kosong, "catatan"] = "sel indikator kosong di dokumen"
    hasil.loc[kosong, "indikator"] = pd.NA
    for c in ("target_teks", "satuan", "capaian_awal_teks"):
        hasil[c] = hasil[c].astype("string").where(hasil[c].fillna("").str.strip().ne(""))
    return hasil.reset_index(drop=True)


def catatan_kondisi_awal(r: Renstra) -> str:
    """Where T-C.27 prints a kondisi awal (``capaian_awal_teks``), for the page's note.

    "" when every row prints one; "Kondisi awal hanya dicetak untuk program 2020." when only
    some levels or years do; "Dokumen tidak mencetak kondisi awal di T-C.27." when none does.
    """
    d = r.rencana
    ada = d["capaian_awal_teks"].fillna("").astype(str).str.strip().ne("")
    if ada.all():
        return ""
    if not ada.any():
        return "Dokumen tidak mencetak kondisi awal di T-C.27."
    per_tingkat = d[ada].groupby("tingkat", sort=False)["tahun"].agg(lambda s: anggaran.rentang_tahun(s))
    urut = [t for t in NAMA_TINGKAT if t in per_tingkat.index]
    return (
        "Kondisi awal hanya dicetak untuk "
        + "; ".join(f"{NAMA_TINGKAT[t].lower()} {per_tingkat[t]}" for t in urut)
        + "."
    )


def indikator_item_dilaporkan(r: Renstra, kunci: str, tersimpan: pd.DataFrame) -> pd.DataFrame:
    """``indikator_item`` plus what was reported through Isi Realisasi (realisasi, capaian)."""
    return realisasi.dengan_laporan(indikator_item(r, kunci), tersimpan)


# --- children -------------------------------------------------------------------------------------


def _label_pendek(kode: str, nama: str, kelurahan: str, batas: int = 48) -> str:
    """``7.01.03.2.02.02 Pembangunan Sarana dan Pra… (Mekarsari)``: the kelurahan never cut off."""
    inti = re.sub(r"\s*\((sub unit\s+)?[^()]*\)\s*$", "", nama.strip()) if kelurahan else nama.strip()
    if len(inti) > batas:
        inti = inti[: batas - 1].rstrip() + "…"
    teks = f"{kode} {inti}" if kode else inti
    return f"{teks} ({kelurahan})" if kelurahan else teks


def rincian_item(r: Renstra, kunci: str) -> pd.DataFrame:
    """The item's children (kegiatan of a program, sub kegiatan of a kegiatan) and their pagu per year.

    One row per child and year in which the child is printed under this item. Columns: kunci,
    tingkat, kode, nama (newest printing), kelurahan, label (short, unique), tahun, pagu (Int64;
    NA when missing), status, pagu_teks, urutan (tree order). Empty for a sub kegiatan.
    """
    kolom = ["kunci", "tingkat", "kode", "nama", "kelurahan", "label", "tahun", "pagu", "status", "pagu_teks",
             "urutan"]  # fmt: skip
    d = _dengan_kunci(r)
    item = d[d["kunci"].eq(kunci)]
    if item.empty or str(item["tingkat"].iloc[0]) not in TINGKAT_ANAK:
        return pd.DataFrame(columns=kolom)
    anak = d[d["tingkat"].eq(TINGKAT_ANAK[str(item["tingkat"].iloc[0])]) & d["kunci_induk"].eq(kunci)]
    if anak.empty:
        return pd.DataFrame(columns=kolom)
    daftar = daftar_item(r, str(item["kunci_program"].iloc[0]))
    daftar = daftar[daftar["kunci"].isin(anak["kunci"].unique())].reset_index(drop=True)
    daftar["urutan"] = range(len(daftar))
    label = [
        _label_pendek(str(k), str(n), str(kel))
        for k, n, kel in zip(daftar["kode"], daftar["nama"], daftar["kelurahan"], strict=True)
    ]
    dilihat: dict[str, int] = {}
    for i, teks in enumerate(label):  # identical labels would merge on a category axis
        dilihat[teks] = dilihat.get(teks, 0) + 1
        if dilihat[teks] > 1:
            label[i] = f"{teks} [{dilihat[teks]}]"
    daftar["label"] = label
    pagu = _pagu_per_tahun(anak).merge(anak[["item_id", "kunci"]].drop_duplicates(), on="item_id")
    hasil = daftar[["kunci", "tingkat", "kode", "nama", "kelurahan", "label", "urutan"]].merge(pagu, on="kunci")
    hasil = hasil.sort_values(["urutan", "tahun"], kind="stable")
    hasil = hasil.astype({"tahun": "Int64", "pagu": "Int64", "urutan": "Int64", "status": "string",
                          "pagu_teks": "string", "label": "string"})  # fmt: skip
    return hasil[kolom].reset_index(drop=True)
