"""Anggaran page data: pagu per program and year (T-C.27), its drill-down, anggaran vs realisasi (T-C.24).

Pure pandas over the loaded Renstra; the arithmetic lives in ``metrics``. Two rules shape
every frame here:

- A program's pagu printed ``*****`` is taken as the sum of its rincian (``metrics.pagu_program``)
  and every such value says so (``dasar`` / ``berdasar_rincian``), so no chart passes it off
  as printed.
- Programs printed under an old local code (``skema_kode`` "lokal_lama", e.g. one year's table
  of a revised Renstra) keep their own key (``sajian.pilihan.kunci_program``) and are never
  joined to a program under a Permendagri 90/2019 code.

What the page texts say about the document (its T-C.27 tables and years, whether it prints
T-C.23/T-C.24) is read from the data here too (``keadaan_rencana``, ``judul_tabel``), never
assumed: the same page serves any Renstra in the standard forms.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

import kosakata
import metrics
from loaders import Renstra
from loaders.forms import RANCANGAN
from loaders.mentah import TabelMentah
from sajian import pilihan

SEMUA = pilihan.SEMUA
TOTAL = "total"  # series key of the kecamatan total
DASAR_RINCIAN = "jumlah rincian"
TINGKAT_LABEL = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub kegiatan"}
AKAR = "akar"  # id of the drill-down's root node


# --- shared -----------------------------------------------------------------------------------


def _kunci_per_program_id(rencana: pd.DataFrame) -> dict[str, str]:
    """program_id -> program key (``7.01.03``, or the printed row id for a program without a new code).

    Taken from the program rows only: a sub kegiatan printed without a code would otherwise
    get its program's row id as key, not its program's code.
    """
    d = rencana[rencana["tingkat"].eq("program")]
    kunci = pilihan.kunci_program(d)
    return dict(zip(d["program_id"].astype(str), kunci.astype(str), strict=True))


def _kunci_baris(rencana: pd.DataFrame) -> pd.Series:
    """Each row's program key, through its program (see ``_kunci_per_program_id``)."""
    return rencana["program_id"].astype(str).map(_kunci_per_program_id(rencana)).astype("string")


def _urutan(label: dict[str, str]) -> dict[str, int]:
    """Program key -> its place in the program filter (new codes first), for stable colours."""
    return {k: i for i, k in enumerate(label)}


def _pagu_program(r: Renstra) -> pd.DataFrame:
    """``metrics.pagu_program`` plus kunci, label, urutan, skema and berdasar_rincian."""
    label = pilihan.program(r)
    urutan = _urutan(label)
    d = metrics.pagu_program(r.rencana)
    d["kunci"] = d["program_id"].map(_kunci_per_program_id(r.rencana)).astype("string")
    d["program"] = d["kunci"].map(label).astype("string")
    d["urutan"] = d["kunci"].map(urutan).astype("Int64")
    d["kode_baru"] = d["kunci"].ne(d["program_id"].astype("string"))  # keyed by a code, not by its printed row
    d["berdasar_rincian"] = d["dasar"].eq(DASAR_RINCIAN)
    return d


# --- 1. pagu per program per tahun ------------------------------------------------------------


def pagu_program_per_tahun(r: Renstra, program: str = SEMUA) -> pd.DataFrame:
    """One row per tahun and program of T-C.27 (every plan year), for stacked bars.

    Columns: tahun, kunci, program (label), urutan, kode_baru (False for a program without a
    Permendagri 90 code, e.g. an old local code), pagu, dasar ("pagu program" or "jumlah rincian" when the printed pagu is
    unreadable), pagu_teks (the printed cell), berdasar_rincian, dipilih (the program filter),
    total_tahun (kecamatan total, ``metrics.total_kecamatan``) and program_rincian_tahun
    (how many programs of that year are summed from rincian).
    """
    d = _pagu_program(r)
    total = metrics.total_kecamatan(r.rencana)[["tahun", "total"]].rename(columns={"total": "total_tahun"})
    d = d.merge(total, on="tahun", how="left")
    d["program_rincian_tahun"] = d.groupby("tahun")["berdasar_rincian"].transform("sum").astype("Int64")
    d["dipilih"] = True if program == SEMUA else d["kunci"].eq(program)
    kolom = ["tahun", "kunci", "program", "urutan", "kode_baru", "pagu", "dasar", "pagu_teks",
             "berdasar_rincian", "dipilih", "total_tahun", "program_rincian_tahun"]  # fmt: skip
    return d.sort_values(["tahun", "urutan"], kind="stable")[kolom].reset_index(drop=True)


# --- 2. tren ----------------------------------------------------------------------------------


def tren_pagu(r: Renstra, program: str = SEMUA) -> pd.DataFrame:
    """Trend lines over the years of the programs under Permendagri 90 codes (``kode_baru``).

    Without a program filter: one series per program. With such a program: the program
    itself (``jenis`` "program") plus one series per kegiatan by its code. A program without
    a code is its printed row, in one table only, so it has no trend: the frame is empty.

    Columns: tahun, seri_kunci, seri (label), jenis, urutan, pagu (NA when not printed),
    dasar, berdasar_rincian.
    """
    d = _pagu_program(r)
    d = d[d["kode_baru"]]
    if program != SEMUA and program not in set(d["kunci"]):
        return pd.DataFrame(columns=["tahun", "seri_kunci", "seri", "jenis", "urutan", "pagu", "dasar",
                                     "berdasar_rincian"])  # fmt: skip
    if program != SEMUA:
        d = d[d["kunci"].eq(program)]
    prog = pd.DataFrame(
        {"tahun": d["tahun"], "seri_kunci": d["kunci"], "seri": d["program"], "jenis": "program",
         "urutan": d["urutan"], "pagu": d["pagu"], "dasar": d["dasar"], "berdasar_rincian": d["berdasar_rincian"]}
    )  # fmt: skip
    if program == SEMUA:
        return prog.sort_values(["urutan", "tahun"]).reset_index(drop=True)
    prog["seri"] = "Pagu program " + prog["seri_kunci"]
    prog["urutan"] = -1
    keg = metrics.pagu_per_tingkat(r.rencana, "kegiatan")
    kunci = r.rencana.assign(kunci=_kunci_baris(r.rencana)).drop_duplicates("item_id").set_index("item_id")["kunci"]
    keg = keg[keg["item_id"].map(kunci).eq(program)].copy()
    # Name from the latest year's spelling, the code as the identity across the tables.
    nama = keg.sort_values("tahun").groupby("kode")["nama"].last()
    kode_urut = sorted(keg["kode"].unique())
    keg_df = pd.DataFrame(
        {"tahun": keg["tahun"], "seri_kunci": keg["kode"], "seri": keg["kode"] + " " + keg["kode"].map(nama),
         "jenis": "kegiatan", "urutan": keg["kode"].map({k: i for i, k in enumerate(kode_urut)}),
         "pagu": keg["pagu"], "dasar": "pagu kegiatan", "berdasar_rincian": False}
    )  # fmt: skip
    hasil = pd.concat([prog, keg_df], ignore_index=True)
    hasil = hasil.astype({"tahun": "Int64", "urutan": "Int64", "pagu": "Int64", "berdasar_rincian": "boolean"})
    return hasil.sort_values(["urutan", "tahun"], kind="stable").reset_index(drop=True)


# --- 3. drill-down ----------------------------------------------------------------------------


def rincian_pagu(r: Renstra, tahun: int, program: str = SEMUA) -> pd.DataFrame:
    """The tahun's program -> kegiatan -> sub kegiatan tree as rows (id, induk) for a treemap.

    ``pagu`` is the item's printed pagu (NA when the cell is empty or unreadable, with
    ``pagu_status`` saying which). ``jumlah_rincian`` is what its children add up to, and
    ``selisih_rincian`` = pagu - jumlah_rincian: a printed parent may differ from its children
    by a rounding Rupiah, or be unreadable, so a treemap with branchvalues "total" would
    reject or distort it. ``nilai`` is the node's own value
    for branchvalues "remainder": a leaf's printed pagu (NA: not drawn), a parent's
    printed pagu beyond its children (0 when they cover it), so every box is a printed
    figure and a parent is never smaller than its printed pagu's rincian.

    Without a program filter the root (id ``AKAR``) is the perangkat daerah (``Kecamatan X
    <tahun>``, from the Renstra's identity); with one, the program is the root. Empty when
    the program has no rows that year.
    """
    label_program = pilihan.program(r)
    urutan = _urutan(label_program)
    R = r.rencana[r.rencana["tahun"].eq(tahun)].copy()
    R["kunci"] = _kunci_baris(R)
    if program != SEMUA:
        R = R[R["kunci"].eq(program)]
    kolom = ["id", "induk", "tingkat", "kode", "nama", "kelurahan", "pagu", "pagu_status", "pagu_teks",
             "jumlah_rincian", "selisih_rincian", "nilai", "total_node", "punya_rincian", "kunci", "urutan", "label"]  # fmt: skip
    if R.empty:
        return pd.DataFrame(columns=kolom)

    def status(s: pd.Series) -> str:
        nilai = set(s.dropna().astype(str))
        if "ok" in nilai:
            return "ok"
        return "tidak_terbaca" if "tidak_terbaca" in nilai else "kosong"

    item = (
        R.sort_values("baris")
        .groupby("item_id", sort=False)
        .agg(
            tingkat=("tingkat", "first"),
            kode=("kode", "first"),
            nama=("nama", "first"),
            kelurahan=("kelurahan", "first"),
            pagu=("pagu", lambda s: s.sum(min_count=1)),
            pagu_status=("pagu_status", status),
            pagu_teks=("pagu_teks", lambda s: next((str(t) for t in s if isinstance(t, str) and t.strip()), "")),
            program_id=("program_id", "first"),
            kegiatan_id=("kegiatan_id", "first"),
            punya_rincian=("punya_rincian", "first"),
            kunci=("kunci", "first"),
        )  # fmt: skip
        .reset_index()
        .rename(columns={"item_id": "id"})
    )

    def induk(b: Any) -> str:
        if b.tingkat == "program":
            return "" if program != SEMUA else AKAR
        if b.tingkat == "kegiatan":
            return str(b.program_id)
        return str(b.kegiatan_id)

    item["induk"] = [induk(b) for b in item.itertuples(index=False)]
    item["pagu"] = item["pagu"].astype("Int64")

    # Bottom-up: a node covers max(printed pagu, its children's total); unreadable -> children's total.
    anak: dict[str, list[str]] = {}
    for i, p in zip(item["id"], item["induk"], strict=True):
        anak.setdefault(p, []).append(i)
    pagu = dict(zip(item["id"], item["pagu"], strict=True))
    total_node: dict[str, Any] = {}
    jumlah: dict[str, Any] = {}

    def hitung(i: str) -> Any:
        if i in total_node:
            return total_node[i]
        nilai_anak = [hitung(a) for a in anak.get(i, [])]
        ada = [v for v in nilai_anak if not pd.isna(v)]
        jumlah[i] = sum(ada) if ada else pd.NA
        sendiri = pagu.get(i, pd.NA)
        if not ada:
            total_node[i] = sendiri
        elif pd.isna(sendiri):
            total_node[i] = jumlah[i]
        else:
            total_node[i] = max(int(sendiri), int(jumlah[i]))
        return total_node[i]

    for i in item["id"]:
        hitung(i)
    item["jumlah_rincian"] = pd.array([jumlah[i] if anak.get(i) else pd.NA for i in item["id"]], dtype="Int64")
    item["selisih_rincian"] = (item["pagu"] - item["jumlah_rincian"]).astype("Int64")
    item["total_node"] = pd.array([total_node[i] for i in item["id"]], dtype="Int64")
    nilai = []
    for b in item.itertuples(index=False):
        if pd.isna(b.jumlah_rincian):
            nilai.append(b.pagu)
        elif pd.isna(b.pagu):
            nilai.append(0)
        else:
            nilai.append(max(int(b.pagu) - int(b.jumlah_rincian), 0))
    item["nilai"] = pd.array(nilai, dtype="Int64")
    item["urutan"] = item["kunci"].map(urutan).astype("Int64")
    item["label"] = [
        label_program.get(str(b.kunci), str(b.nama)) if b.tingkat == "program" else f"{b.kode or ''} {b.nama}".strip()
        for b in item.itertuples(index=False)
    ]

    if program == SEMUA:
        item = pd.concat([pd.DataFrame([_akar(r, tahun, item)]), item], ignore_index=True)
    hasil = item[kolom].copy()
    for c in ("pagu", "jumlah_rincian", "selisih_rincian", "nilai", "total_node"):
        hasil[c] = hasil[c].astype("Int64")
    for c in ("id", "induk", "tingkat", "kode", "nama", "kelurahan", "pagu_status", "pagu_teks", "kunci", "label"):
        hasil[c] = hasil[c].fillna("").astype("string")
    hasil["punya_rincian"] = hasil["punya_rincian"].astype("boolean")
    hasil["urutan"] = hasil["urutan"].astype("Int64")
    return hasil.reset_index(drop=True)


def _akar(r: Renstra, tahun: int, item: pd.DataFrame) -> dict[str, Any]:
    """The drill-down's root row: the perangkat daerah that year, its total as ``metrics.total_kecamatan``."""
    atas = item[item["tingkat"].eq("program")]
    total = metrics.total_kecamatan(r.rencana)
    total = total.loc[total["tahun"].eq(tahun), "total"]
    nama = f"{pilihan.identitas(r)['perangkat_daerah']} {tahun}"
    return {
        "id": AKAR, "induk": "", "tingkat": "kecamatan", "kode": "", "nama": nama,
        "kelurahan": "", "pagu": pd.NA, "pagu_status": "jumlah", "pagu_teks": "",
        "jumlah_rincian": int(total.iloc[0]) if len(total) else int(atas["total_node"].sum()),
        "selisih_rincian": pd.NA, "nilai": 0, "total_node": int(atas["total_node"].sum()),
        "punya_rincian": True, "kunci": SEMUA, "urutan": pd.NA, "label": nama,
    }  # fmt: skip


def tanpa_pagu(rincian: pd.DataFrame) -> pd.DataFrame:
    """Leaves of a drill-down frame with no printed pagu (not drawn; listed so nobody reads them as 0)."""
    return rincian[rincian["nilai"].isna()]


# --- 4. anggaran vs realisasi (T-C.24) --------------------------------------------------------


def serapan_program(r: Renstra) -> pd.DataFrame:
    """``metrics.serapan_program`` for the T-C.24 rows with an anggaran (every year it prints).

    Adds baris (printed row), label (program name; "(baris N)" when a name is printed
    twice), disamakan_target (a year whose realisasi the document set equal to targets) and
    catatan. Empty (same columns) when the Renstra has no T-C.24. A row with anggaran but no printed realisasi keeps serapan NA (not 0); the
    document's own ratio stays beside it in rasio_dokumen.
    """
    a = r.anggaran.reset_index(drop=True)
    s = metrics.serapan_program(a)
    s["baris"] = a["baris"].astype("Int64")
    s["urusan"] = a["urusan"].astype("string")
    s["disamakan_target"] = a["realisasi_disamakan_target"].fillna(False).astype("boolean")
    s = s[s["anggaran"].notna()].copy()
    ganda = s.drop_duplicates("program_id").groupby("program")["program_id"].transform("size") > 1
    ganda_nama = set(s.drop_duplicates("program_id").loc[ganda.to_numpy(), "program"])
    s["label"] = [
        f"{p} (baris {b})" if p in ganda_nama else str(p) for p, b in zip(s["program"], s["baris"], strict=True)
    ]
    catatan = []
    for b in s.itertuples(index=False):
        teks = []
        if pd.isna(b.realisasi):
            teks.append("realisasi tidak tercetak di dokumen")
        if bool(b.disamakan_target) and not pd.isna(b.realisasi):
            teks.append(kosakata.REALISASI_DISAMAKAN)
        if b.melebihi_100 is True:
            teks.append("realisasi melebihi anggaran")
        catatan.append("; ".join(teks))
    s["catatan"] = pd.array(catatan, dtype="string")
    s["label"] = s["label"].astype("string")
    kolom = ["program_id", "baris", "urusan", "program", "label", "tahun", "anggaran", "realisasi", "serapan",
             "rasio_dokumen", "melebihi_100", "disamakan_target", "catatan"]  # fmt: skip
    return s[kolom].sort_values(["baris", "tahun"]).reset_index(drop=True)


def anggaran_realisasi_tahunan(r: Renstra) -> pd.DataFrame:
    """Per tahun of T-C.24 (the years it prints), summed over the perangkat daerah's programs.

    anggaran = all printed anggaran; realisasi = printed realisasi; anggaran_berealisasi =
    anggaran of the programs that print a realisasi, and serapan = realisasi /
    anggaran_berealisasi x 100 (``metrics.serapan``), so a program without realisasi
    lowers neither side. anggaran_tanpa_realisasi is the rest; program_tanpa_realisasi
    counts those programs. disamakan_target marks a year whose realisasi the document set
    equal to its targets. No rows (same columns) when the Renstra has no T-C.24.
    """
    s = serapan_program(r)
    baris = []
    for tahun, g in s.groupby("tahun", sort=True):
        ada = g["realisasi"].notna()
        anggaran_ber = g.loc[ada, "anggaran"].sum() if ada.any() else pd.NA
        realisasi = g.loc[ada, "realisasi"].sum() if ada.any() else pd.NA
        baris.append(
            {"tahun": int(tahun), "anggaran": float(g["anggaran"].sum()), "realisasi": realisasi,
             "anggaran_berealisasi": anggaran_ber, "anggaran_tanpa_realisasi": float(g.loc[~ada, "anggaran"].sum()),
             "program_anggaran": len(g), "program_tanpa_realisasi": int((~ada).sum()),
             "serapan": metrics.serapan(anggaran_ber, realisasi) if ada.any() else None,
             "disamakan_target": bool(g["disamakan_target"].any())}
        )  # fmt: skip
    return pd.DataFrame(baris, columns=list(_JENIS_TAHUNAN)).astype(_JENIS_TAHUNAN)


_JENIS_TAHUNAN = {
    "tahun": "Int64", "anggaran": "Float64", "realisasi": "Float64", "anggaran_berealisasi": "Float64",
    "anggaran_tanpa_realisasi": "Float64", "program_anggaran": "Int64", "program_tanpa_realisasi": "Int64",
    "serapan": "Float64", "disamakan_target": "boolean",
}  # fmt: skip


# --- 5. perubahan tahunan ---------------------------------------------------------------------


def perubahan_pagu(r: Renstra, program: str = SEMUA) -> pd.DataFrame:
    """Year-on-year change (``metrics.perubahan_tahunan``) of the kecamatan total and of each
    program under a Permendagri 90 code (``kode_baru``: a program without one is its printed row,
    with no previous or next year under its key).

    With a program filter: the total and that program. Columns: seri_kunci, seri, urutan,
    tahun, pagu, pagu_sebelumnya, selisih, persen, berdasar_rincian (either year summed from
    rincian). Only years with a previous year appear.
    """
    total = metrics.total_kecamatan(r.rencana).rename(columns={"total": "pagu"})
    total["berdasar_rincian"] = total["dasar"].ne("pagu program")
    total = metrics.perubahan_tahunan(total[["tahun", "pagu", "berdasar_rincian"]])
    total["seri_kunci"], total["seri"], total["urutan"] = TOTAL, "Total kecamatan", -1
    d = _pagu_program(r)
    d = d[d["kode_baru"]]
    if program != SEMUA:
        d = d[d["kunci"].eq(program)]
    prog = metrics.perubahan_tahunan(
        d[["tahun", "kunci", "program", "urutan", "pagu", "berdasar_rincian"]], kunci=["kunci"]
    ).rename(columns={"kunci": "seri_kunci", "program": "seri"})
    hasil = pd.concat([total, prog], ignore_index=True)
    hasil = hasil.sort_values(["urutan", "tahun"], kind="stable")
    sebelum = hasil.groupby("seri_kunci")["berdasar_rincian"].shift(1).fillna(False).astype(bool)
    hasil["berdasar_rincian"] = hasil["berdasar_rincian"].astype(bool) | sebelum
    hasil = hasil[hasil["selisih"].notna()].copy()
    hasil["pagu_sebelumnya"] = (hasil["pagu"] - hasil["selisih"]).astype("Int64")
    kolom = ["seri_kunci", "seri", "urutan", "tahun", "pagu", "pagu_sebelumnya", "selisih", "persen",
             "berdasar_rincian"]  # fmt: skip
    hasil = hasil[kolom].astype({"seri_kunci": "string", "seri": "string", "urutan": "Int64", "tahun": "Int64",
                                 "pagu": "Int64", "berdasar_rincian": "boolean"})  # fmt: skip
    return hasil.reset_index(drop=True)


# --- 6. what the pages say about the document, read from it -----------------------------------


def rentang_tahun(tahun: Iterable[Any], pisah: str = "-") -> str:
    """``2020-2024`` for consecutive years, ``2020, 2022`` otherwise, "" for none."""
    t = sorted({int(x) for x in tahun})
    if len(t) > 1 and t == list(range(t[0], t[-1] + 1)):
        return f"{t[0]}{pisah}{t[-1]}"
    return ", ".join(str(x) for x in t)


def _tabel_formulir(r: Renstra, kode: str) -> list[TabelMentah]:
    """The Renstra's tables in form ``kode`` ("T-C.27" includes a variant such as "T-C.27 (2022-2024)")."""
    return [tm for tm in r.tabel_mentah.values() if tm.formulir.kode.split(" (")[0] == kode]


def ada_tabel(r: Renstra, kode: str) -> bool:
    """Whether the Renstra prints a table in form ``kode`` (T-C.23, T-C.24, ... are optional)."""
    return bool(_tabel_formulir(r, kode))


def judul_tabel(r: Renstra, kode: str, label: str = "") -> str:
    """The title the document gives its table in form ``kode`` (``Anggaran dan Realisasi Pendanaan
    Pelayanan Kecamatan X``), the form's own title when it gives none; "" when the Renstra has no
    such table. ``label`` picks one of several tables in the form (``T-C.25 (setelah perubahan)``),
    else the first."""
    tabel = _tabel_formulir(r, kode)
    tabel = [tm for tm in tabel if tm.label == label] or tabel
    if not tabel:
        return ""
    return str(tabel[0].meta.get("judul") or "").strip() or RANCANGAN[tabel[0].formulir.kode].judul


def pesan_tanpa_tabel(kode: str, apa: str) -> str:
    """``kosakata.tanpa_tabel`` with the form's own title: ``pesan_tanpa_tabel("T-C.24", "serapan anggaran")``
    -> "Renstra ini tidak memuat tabel T-C.24 (Anggaran dan Realisasi Pendanaan Pelayanan Perangkat
    Daerah), jadi serapan anggaran tidak dapat ditampilkan."
    """
    judul = RANCANGAN[kode].judul if kode in RANCANGAN else ""
    return kosakata.tanpa_tabel(kode, judul, f"{apa} tidak dapat ditampilkan")


def keadaan_rencana(r: Renstra) -> dict[str, Any]:
    """What the page texts say about T-C.27, read from its rows (never assumed).

    tahun: every year with T-C.27 rows; baru: the years of programs followed across years by
    their Permendagri 90 code (``kode_baru``); tanpa_kode: {tahun: how many programs have no such
    code}; lama: the years printed under an old local code scheme (``skema_kode`` "lokal_lama");
    kode_tahun: {tahun of tanpa_kode: "berkode lama" or "tanpa kode Permendagri 90/2019"};
    program_tanpa_kode: those programs for a note ("4 program 2020 berkode lama", "" when none);
    tabel / tabel_baru: each T-C.27 table's years as printed ("2021", "2022-2024"), of every table /
    of the tables under Permendagri 90 codes; sumber: the pages' source line for T-C.27.
    """
    R = r.rencana
    p = _pagu_program(r)
    per_tabel = R.groupby("tabel", sort=False)["tahun"].agg(lambda s: sorted({int(t) for t in s.dropna()}))
    urut = sorted(per_tabel.items(), key=lambda x: x[1])
    program = R[R["tingkat"].eq("program")]
    tabel_baru = set(program.loc[program["skema_kode"].eq("permendagri90"), "tabel"])
    tanpa = {int(t): int(n) for t, n in p[~p["kode_baru"]].groupby("tahun")["program_id"].nunique().items()}
    lama = sorted(int(t) for t in R.loc[R["skema_kode"].eq("lokal_lama"), "tahun"].unique())
    kode = {t: "berkode lama" if t in lama else "tanpa kode Permendagri 90/2019" for t in tanpa}
    tabel = [rentang_tahun(t) for _, t in urut]
    return {
        "tahun": pilihan.tahun_rencana(r),
        "baru": sorted(int(t) for t in p.loc[p["kode_baru"], "tahun"].unique()),
        "tanpa_kode": tanpa,
        "lama": lama,
        "kode_tahun": kode,
        "program_tanpa_kode": ", ".join(f"{n} program {t} {kode[t]}" for t, n in tanpa.items()),
        "tabel": tabel,
        "tabel_baru": [rentang_tahun(t) for k, t in urut if k in tabel_baru],
        "sumber": f"T-C.27 Rencana Program, Kegiatan, dan Pendanaan ({', '.join(tabel)})",
    }
