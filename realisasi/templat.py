"""The realisasi template: a T-C.27 workbook for one year (and optionally one kelurahan).

Codes, names, indicators, units, targets and pagu are prefilled and locked; only the two
realisasi columns are editable, with data validation that names the unit and the allowed
range. Protection and validation guard against accidents only (no password): the upload is
checked again in full by :mod:`realisasi.validasi`, which reads the hidden ``manifest`` sheet
written here to match every row to its Renstra row exactly.

A template is for the year (as before) or for one triwulan of it (``triwulan`` 1-4): the
title row, the instructions and the manifest (``triwulan``, ``isian``) then say which quarter
and whether its figures are kumulatif (January to the end of the quarter) or the quarter's own.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

import formatting
from ekspor import tulis_sel
from loaders.errors import RenstraError
from loaders.renstra import Renstra

JENIS_TEMPLAT = "realisasi-tc27"
VERSI_TEMPLAT = 2  # 2: row keys carry the year; every prefilled cell is checked on upload
LEMBAR_DATA = "Realisasi"
LEMBAR_MANIFEST = "manifest"
BARIS_JUDUL_KOLOM = 3
BARIS_AWAL = BARIS_JUDUL_KOLOM + 1
PENANDA_BARIS = "baris_excel"  # manifest: the row-key table starts after this cell
ISIAN_KUMULATIF, ISIAN_PER_TRIWULAN = "kumulatif", "per_triwulan"  # manifest "isian" of a triwulan template
ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}

# Sane bounds, stated to the user in each cell's input message and in upload errors.
# A percentage realisation above 200 % is almost surely a typing slip (955 for 95,5) in
# these indicators, most of which cannot pass 100 % by definition; counts stay below a
# million (targets in the document go up to 400); Rupiah spent stays within 10 x the row's
# pagu (the budget may grow in the APBD-Perubahan, never tenfold), or within 10 x the
# year's largest pagu where the row's pagu was printed unreadable.
BATAS_PERSEN = 200.0
BATAS_JUMLAH = 1_000_000.0
KELIPATAN_PAGU = 10

# (key, header text, width): the header row of the data sheet, in order.
KOLOM = (
    ("kode", "Kode", 16),
    ("nama", "Program/Kegiatan/Sub Kegiatan", 46),
    ("kelurahan", "Kelurahan", 15),
    ("indikator", "Indikator", 46),
    ("satuan", "Satuan", 11),
    ("target", "Target", 13),
    ("pagu", "Pagu (Rp)", 17),
    ("realisasi", "Realisasi", 13),
    ("realisasi_rp", "Realisasi (Rp)", 17),
    ("kunci", "ID baris (jangan diubah)", 16),
)
JUDUL_KOLOM = {k: judul for k, judul, _ in KOLOM}
NOMOR_KOLOM = {k: j for j, (k, _, _) in enumerate(KOLOM, start=1)}

PETUNJUK = (
    "Isi hanya sel kuning. Realisasi: capaian indikator dalam satuannya (persen: 95,5 berarti 95,5 %). "
    "Realisasi (Rp): Rupiah yang dibelanjakan, hanya pada baris yang memuat pagu. "
    "Ketik angka di sel angka, tanpa titik ribuan; kosongkan bila belum dilaporkan (kosong bukan 0)."
)

_ISIAN = PatternFill("solid", fgColor="FFF2CC")  # editable: light yellow
_TERKUNCI = PatternFill("solid", fgColor="E7E6E6")  # not editable here: grey
_KEPALA = PatternFill("solid", fgColor="DDEBF7")
_INDEN = {"program": 0, "kegiatan": 1, "sub_kegiatan": 2}


@dataclass(frozen=True)
class Batas:
    """Upper bounds of one row's two editable cells (lower bound is always 0)."""

    realisasi: float
    realisasi_rp: int | None  # None: this row carries no pagu, Rupiah is not asked here


def kunci_baris(item_id: str, indikator_ke: int, tahun: int) -> str:
    """The text key of one T-C.27 indicator row of one year, as written in the template's key column.

    The year is part of the key: a T-C.27 table may print one row per item for several years
    (a multi-year block), so its item ids alone do not say which year a filled template is for.
    """
    return f"{int(tahun)}/{item_id}#{int(indikator_ke)}"


def id_renstra(r: Renstra) -> str:
    """What identifies a Renstra across downloads: its manifest id, else its title."""
    return str(r.manifest.get("renstra", {}).get("id") or r.judul)


def adalah_persen(satuan: Any) -> bool:
    return str(satuan or "").strip() == "%"


def memuat_pagu(baris: Any) -> bool:
    """Whether Rupiah spent is asked on this row: it carries the item's printed pagu.

    A pagu printed but unreadable (``*****``) still marks the row that carries the budget.
    """
    return not pd.isna(baris["pagu"]) or baris["pagu_status"] == "tidak_terbaca"


def baris_templat(r: Renstra, tahun: int, kelurahan: str | None = None) -> pd.DataFrame:
    """The T-C.27 rows of ``tahun`` a template holds, in document order.

    Shared by the template and the upload check so both agree on which rows exist.
    """
    d = r.rencana
    tahun_ada = sorted(int(t) for t in d["tahun"].dropna().unique())
    if int(tahun) not in tahun_ada:
        raise RenstraError(
            f"tahun {tahun} tidak ada di T-C.27 Renstra ini; tahun yang ada: {', '.join(map(str, tahun_ada))}"
        )
    if kelurahan is not None and kelurahan not in r.kelurahan:
        raise RenstraError(f"kelurahan '{kelurahan}' tidak dikenal; kelurahan yang ada: {', '.join(r.kelurahan)}")
    pilih = d["tahun"] == int(tahun)
    if kelurahan is not None:
        pilih &= d["kelurahan"] == kelurahan
    hasil = d[pilih.fillna(False)].sort_values(["tabel", "baris", "indikator_ke"], kind="stable")
    if hasil.empty:
        wilayah = f" untuk kelurahan {kelurahan}" if kelurahan else ""
        raise RenstraError(f"T-C.27 tahun {tahun} tidak punya baris{wilayah}")
    return hasil.reset_index(drop=True)


def batas_baris(baris: Any, pagu_terbesar: int | None) -> Batas:
    """The allowed maxima of one row (see BATAS_* above)."""
    maks = BATAS_PERSEN if adalah_persen(baris["satuan"]) else BATAS_JUMLAH
    if not memuat_pagu(baris):
        return Batas(maks, None)
    if not pd.isna(baris["pagu"]) and int(baris["pagu"]) > 0:
        return Batas(maks, KELIPATAN_PAGU * int(baris["pagu"]))
    return Batas(maks, KELIPATAN_PAGU * int(pagu_terbesar or 10**11))


def pagu_terbesar(baris: pd.DataFrame) -> int | None:
    p = baris["pagu"].dropna()
    return int(p.max()) if len(p) else None


def satuan_teks(satuan: Any) -> str:
    s = str(satuan or "").strip()
    return s or "satuan indikator"


def _validasi_realisasi(satuan: str, maks: float) -> DataValidation:
    unit = satuan_teks(satuan)
    if adalah_persen(satuan):
        prompt = (
            f"Realisasi dalam persen: ketik 95,5 untuk 95,5 % (bukan 0,955). "
            f"Angka 0 sampai {formatting.angka(maks)}. Kosongkan bila belum ada."
        )
    else:
        prompt = f"Realisasi dalam {unit}: angka 0 sampai {formatting.angka(maks)}. Kosongkan bila belum ada."
    dv = DataValidation(
        type="decimal",
        operator="between",
        formula1="0",
        formula2=repr(float(maks)),
        allow_blank=True,
        showInputMessage=True,
        showErrorMessage=True,
        promptTitle=f"Realisasi ({unit})"[:32],
        prompt=prompt[:255],
        errorTitle="Nilai tidak sah",
        error=f"Isi angka 0 sampai {formatting.angka(maks)} ({unit}), bukan teks atau rumus."[:255],
        errorStyle="stop",
    )
    return dv


def _validasi_rupiah(maks: int, pagu: Any) -> DataValidation:
    dasar = f"pagu {formatting.rupiah(pagu)}" if not pd.isna(pagu) else "pagu tercetak tidak terbaca"
    return DataValidation(
        type="whole",
        operator="between",
        formula1="0",
        formula2=str(int(maks)),
        allow_blank=True,
        showInputMessage=True,
        showErrorMessage=True,
        promptTitle="Realisasi (Rupiah)",
        prompt=(
            f"Rupiah yang dibelanjakan, bilangan bulat tanpa titik ribuan (mis. 1500000); {dasar}. "
            f"Paling besar {formatting.rupiah(maks)}. Kosongkan bila belum ada."
        )[:255],
        errorTitle="Nilai tidak sah",
        error=f"Isi bilangan bulat Rupiah 0 sampai {formatting.rupiah(maks)}, tanpa sen."[:255],
        errorStyle="stop",
    )


@dataclass(frozen=True)
class IsiTemplat:
    """What a template is made with, cell by cell, for one year and scope.

    Shared by :func:`buat_templat` (which writes it) and the upload check (which requires every
    prefilled cell to be exactly this): ``data`` and ``manifest`` map (row, column) to the value
    written; ``isian`` are the cells a user may fill; ``baris_kunci`` maps a row key to its row.
    """

    tahun: int
    kelurahan: str | None
    baris: pd.DataFrame
    data: dict[tuple[int, int], Any]
    manifest: dict[tuple[int, int], Any]
    isian: frozenset[tuple[int, int]]
    baris_kunci: dict[str, int]


def cek_triwulan(triwulan: Any) -> int:
    """A triwulan 1-4 (I-IV), else RenstraError saying what is allowed."""
    if isinstance(triwulan, bool) or not isinstance(triwulan, int) or triwulan not in ROMAWI:
        raise RenstraError(f"triwulan '{str(triwulan)[:20]}' tidak sah; triwulan hanya I, II, III atau IV (1-4)")
    return triwulan


def judul_periode(tahun: int, triwulan: int | None, kumulatif: bool) -> str:
    """'Tahun 2023', or 'Tahun 2023, Triwulan II (kumulatif s.d. triwulan II)' / '(triwulan II saja)'."""
    if triwulan is None:
        return f"Tahun {int(tahun)}"
    tw = ROMAWI[cek_triwulan(triwulan)]
    cara = f"kumulatif Januari s.d. akhir triwulan {tw}" if kumulatif else f"triwulan {tw} saja, bukan kumulatif"
    return f"Tahun {int(tahun)}, Triwulan {tw} ({cara})"


def _petunjuk(triwulan: int | None, kumulatif: bool) -> str:
    if triwulan is None:
        return PETUNJUK
    tw = ROMAWI[triwulan]
    if kumulatif:
        cara = (
            f"Isi realisasi KUMULATIF: capaian dan Rupiah dari Januari sampai akhir triwulan {tw} "
            "(angka kumulatif tidak boleh turun dari triwulan sebelumnya). "
        )
    else:
        cara = f"Isi realisasi triwulan {tw} SAJA (bukan kumulatif): capaian dan Rupiah selama triwulan itu. "
    return cara + PETUNJUK


def isi_templat(
    r: Renstra, tahun: int, kelurahan: str | None = None, triwulan: int | None = None, kumulatif: bool = True
) -> IsiTemplat:
    """The template's prefilled values for ``tahun`` (all rows, or only ``kelurahan``'s), or one triwulan of it."""
    if triwulan is not None:
        cek_triwulan(triwulan)
    rows = baris_templat(r, tahun, kelurahan)
    terbesar = pagu_terbesar(r.rencana[r.rencana["tahun"] == int(tahun)])
    data: dict[tuple[int, int], Any] = {}
    info = r.manifest.get("renstra", {})
    pd_nama = str(info.get("perangkat_daerah") or f"Kecamatan {r.wilayah.kecamatan}")
    wilayah = f" — Kelurahan {kelurahan}" if kelurahan else ""
    data[(1, 1)] = f"Realisasi T-C.27 {judul_periode(tahun, triwulan, kumulatif)}: {pd_nama}{wilayah}"
    data[(2, 1)] = _petunjuk(triwulan, kumulatif)
    for j, (_, judul, _) in enumerate(KOLOM, start=1):
        data[(BARIS_JUDUL_KOLOM, j)] = judul
    isian: set[tuple[int, int]] = set()
    baris_kunci: dict[str, int] = {}
    for i, (_, b) in enumerate(rows.iterrows()):
        n = BARIS_AWAL + i
        k = kunci_baris(b["item_id"], b["indikator_ke"], tahun)
        baris_kunci[k] = n
        for kolom, v in _nilai_baris(b, k).items():
            if not (v is None or (not isinstance(v, str) and pd.isna(v)) or v == ""):
                data[(n, NOMOR_KOLOM[kolom])] = v
        isian.add((n, NOMOR_KOLOM["realisasi"]))
        if batas_baris(b, terbesar).realisasi_rp is not None:
            isian.add((n, NOMOR_KOLOM["realisasi_rp"]))
    manifest = _isi_manifest(r, int(tahun), kelurahan, rows, triwulan, kumulatif)
    return IsiTemplat(int(tahun), kelurahan, rows, data, manifest, frozenset(isian), baris_kunci)


def _nilai_baris(b: Any, kunci: str) -> dict[str, Any]:
    nilai = {
        "kode": b["kode"],
        "nama": b["nama"],
        "kelurahan": b["kelurahan"],
        "indikator": b["indikator"],
        "satuan": b["satuan"],
        "target": b["target_teks"],
        "pagu": b["pagu"],
        "kunci": kunci,
    }
    if pd.isna(b["pagu"]) and b["pagu_status"] == "tidak_terbaca":
        nilai["pagu"] = f"{b['pagu_teks']} (tidak terbaca)"
    elif not pd.isna(b["pagu"]):
        nilai["pagu"] = int(b["pagu"])
    return nilai


def buat_templat(
    r: Renstra, tahun: int, kelurahan: str | None = None, triwulan: int | None = None, kumulatif: bool = True
) -> bytes:
    """The template for ``tahun`` (all rows, or only ``kelurahan``'s) as .xlsx bytes; with ``triwulan``
    (1-4) for that quarter, its figures kumulatif or the quarter's own."""
    isi = isi_templat(r, tahun, kelurahan, triwulan, kumulatif)
    terbesar = pagu_terbesar(r.rencana[r.rencana["tahun"] == int(tahun)])
    wb = Workbook()
    ws = wb.active
    ws.title = LEMBAR_DATA
    for (n, j), v in isi.data.items():
        tulis_sel(ws, n, j, v)
    _gaya_kepala(ws)

    validasi: dict[tuple[Any, ...], DataValidation] = {}
    for i, (_, b) in enumerate(isi.baris.iterrows()):
        n = BARIS_AWAL + i
        _gaya_baris(ws, n, b)
        batas = batas_baris(b, terbesar)
        kunci_dv = ("realisasi", str(b["satuan"] or "").strip(), batas.realisasi)
        if kunci_dv not in validasi:
            validasi[kunci_dv] = _validasi_realisasi(str(b["satuan"] or ""), batas.realisasi)
        validasi[kunci_dv].add(ws.cell(row=n, column=NOMOR_KOLOM["realisasi"]))
        _buka(ws.cell(row=n, column=NOMOR_KOLOM["realisasi"]))
        sel_rp = ws.cell(row=n, column=NOMOR_KOLOM["realisasi_rp"])
        if batas.realisasi_rp is None:
            sel_rp.fill = _TERKUNCI
        else:
            pagu = b["pagu"]
            validasi[("rp", n)] = _validasi_rupiah(batas.realisasi_rp, pagu)
            validasi[("rp", n)].add(sel_rp)
            _buka(sel_rp)
            sel_rp.number_format = "#,##0"
    for dv in validasi.values():
        ws.add_data_validation(dv)

    ws.freeze_panes = ws.cell(row=BARIS_AWAL, column=3)
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # widths may be changed; nothing else
    ws.protection.formatRows = False
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{BARIS_JUDUL_KOLOM}:{BARIS_JUDUL_KOLOM}"

    _tulis_manifest(wb, isi.manifest)
    wb.security = WorkbookProtection(lockStructure=True)  # no renaming, adding or unhiding sheets
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def _buka(sel: Any) -> None:
    sel.protection = Protection(locked=False)
    sel.fill = _ISIAN


def _gaya_kepala(ws: Any) -> None:
    ws.cell(row=1, column=1).font = Font(bold=True, size=13)
    ws.cell(row=2, column=1).font = Font(italic=True, color="555555")
    tebal = Font(bold=True)
    tengah = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for j, (_, _, lebar) in enumerate(KOLOM, start=1):
        sel = ws.cell(row=BARIS_JUDUL_KOLOM, column=j)
        sel.font, sel.fill, sel.alignment = tebal, _KEPALA, tengah
        ws.column_dimensions[get_column_letter(j)].width = lebar


def _gaya_baris(ws: Any, n: int, b: Any) -> None:
    atas = Alignment(vertical="top", wrap_text=True)
    for j in range(1, len(KOLOM) + 1):
        ws.cell(row=n, column=j).alignment = atas
    nama = ws.cell(row=n, column=NOMOR_KOLOM["nama"])
    nama.alignment = Alignment(vertical="top", wrap_text=True, indent=_INDEN.get(str(b["tingkat"]), 0))
    if b["tingkat"] == "program":
        nama.font = Font(bold=True)
    ws.cell(row=n, column=NOMOR_KOLOM["pagu"]).number_format = "#,##0"
    ws.cell(row=n, column=NOMOR_KOLOM["kunci"]).font = Font(color="808080", size=8)


def _isi_manifest(
    r: Renstra, tahun: int, kelurahan: str | None, rows: pd.DataFrame, triwulan: int | None, kumulatif: bool
) -> dict[tuple[int, int], Any]:
    """The hidden sheet the upload is matched against: which Renstra, year (and triwulan), kelurahan and rows."""
    periode: tuple[tuple[str, Any], ...] = ()
    if triwulan is not None:
        periode = (("triwulan", int(triwulan)), ("isian", ISIAN_KUMULATIF if kumulatif else ISIAN_PER_TRIWULAN))
    pasangan = (
        ("jenis", JENIS_TEMPLAT),
        ("versi_templat", VERSI_TEMPLAT),
        ("renstra_id", id_renstra(r)),
        ("renstra_judul", r.judul),
        ("tahun", tahun),
        ("kelurahan", kelurahan or ""),
        *periode,
        ("lembar_data", LEMBAR_DATA),
        ("baris_awal", BARIS_AWAL),
        ("jumlah_baris", len(rows)),
    )
    isi: dict[tuple[int, int], Any] = {(1, 1): "kunci", (1, 2): "nilai"}
    for i, (k, v) in enumerate(pasangan, start=2):
        isi[(i, 1)] = k
        if v != "":
            isi[(i, 2)] = v
    n = len(pasangan) + 3
    for j, judul in enumerate((PENANDA_BARIS, "item_id", "indikator_ke"), start=1):
        isi[(n, j)] = judul
    for i, (_, b) in enumerate(rows.iterrows(), start=1):
        isi[(n + i, 1)] = BARIS_AWAL + i - 1
        isi[(n + i, 2)] = str(b["item_id"])
        isi[(n + i, 3)] = int(b["indikator_ke"])
    return isi


def _tulis_manifest(wb: Workbook, isi: dict[tuple[int, int], Any]) -> None:
    ws = wb.create_sheet(LEMBAR_MANIFEST)
    for (n, j), v in isi.items():
        tulis_sel(ws, n, j, v)
    ws["A1"].font = Font(bold=True)
    ws["B1"].font = Font(bold=True)
    ws.protection.sheet = True
    ws.sheet_state = "veryHidden"  # not offered by Excel's "Unhide": guards against accidents
