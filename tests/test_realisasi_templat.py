"""The realisasi template: rows, locked and editable cells, validation, manifest, no formula injection.

Uses the bundled Renstra (real item ids, targets and pagu); the one synthetic value (an
indicator text starting with '=') is made up here to test escaping, and says so.
"""

from __future__ import annotations

import dataclasses
import io
import zipfile

import pytest
from openpyxl import load_workbook

from loaders.errors import RenstraError
from loaders.renstra import Renstra
from realisasi.templat import (
    BARIS_AWAL,
    BATAS_PERSEN,
    KOLOM,
    LEMBAR_DATA,
    LEMBAR_MANIFEST,
    NOMOR_KOLOM,
    buat_templat,
)

H, RP, J = NOMOR_KOLOM["realisasi"], NOMOR_KOLOM["realisasi_rp"], NOMOR_KOLOM["kunci"]


def _buka(data: bytes):
    return load_workbook(io.BytesIO(data))


def _baris(ws, kunci: str) -> int:
    """The row whose key is ``kunci`` ("2022/tc27_2022:31#1": year / item id # indicator)."""
    for n in range(BARIS_AWAL, ws.max_row + 1):
        if ws.cell(row=n, column=J).value == kunci:
            return n
    raise AssertionError(f"{kunci} tidak ada di templat")


def _validasi(ws, koordinat: str):
    cocok = [dv for dv in ws.data_validations.dataValidation if koordinat in dv.sqref]
    assert len(cocok) == 1, koordinat
    return cocok[0]


@pytest.fixture(scope="module")
def templat_2022(renstra: Renstra) -> bytes:
    return buat_templat(renstra, 2022)


def test_header_row_is_bold_frozen_and_in_tc27_order(templat_2022: bytes) -> None:
    ws = _buka(templat_2022)[LEMBAR_DATA]
    kepala = [ws.cell(row=BARIS_AWAL - 1, column=j).value for j in range(1, len(KOLOM) + 1)]
    assert kepala == [
        "Kode",
        "Program/Kegiatan/Sub Kegiatan",
        "Kelurahan",
        "Indikator",
        "Satuan",
        "Target",
        "Pagu (Rp)",
        "Realisasi",
        "Realisasi (Rp)",
        "ID baris (jangan diubah)",
    ]
    assert all(ws.cell(row=BARIS_AWAL - 1, column=j).font.b for j in range(1, len(KOLOM) + 1))
    assert ws.freeze_panes == f"C{BARIS_AWAL}"
    assert ws.cell(row=1, column=1).value == "Realisasi T-C.27 Tahun 2022: Kecamatan Wonoasih"


def test_one_row_per_tc27_row_of_the_year_prefilled_from_the_renstra(renstra: Renstra, templat_2022: bytes) -> None:
    ws = _buka(templat_2022)[LEMBAR_DATA]
    tahun = renstra.rencana[renstra.rencana["tahun"] == 2022]
    kunci = [ws.cell(row=n, column=J).value for n in range(BARIS_AWAL, ws.max_row + 1)]
    assert len(kunci) == len(tahun) == 60
    assert kunci[0] == "2022/tc27_2022:1#1" and kunci[-1] == "2022/tc27_2022:60#1"
    n = _baris(ws, "2022/tc27_2022:31#1")  # PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH, 2022
    nilai = [ws.cell(row=n, column=j).value for j in range(1, 8)]
    assert nilai[0] == "7.01.01"
    assert nilai[1].startswith("PROGRAM PENUNJANG URUSAN PEMERINTAHAN")
    assert nilai[2] is None  # a kecamatan row: no kelurahan
    assert nilai[3] == "Persentase Capaian Kinerja Program Minimal 80%"
    assert nilai[4:7] == ["%", "100%", 9_122_221_547]  # target as printed, pagu a number
    n = _baris(ws, "2022/tc27_2022:6#1")
    assert [ws.cell(row=n, column=j).value for j in (1, 3, 5, 6, 7)] == [
        "7.01.03.2.02.02",
        "Pakistaji",
        "Lokasi",
        "2 Lokasi",
        100_000_000,
    ]


def test_only_realisasi_cells_are_editable_and_rupiah_only_where_a_pagu_is(templat_2022: bytes) -> None:
    ws = _buka(templat_2022)[LEMBAR_DATA]
    assert ws.protection.sheet is True
    n = _baris(ws, "2022/tc27_2022:31#1")
    assert [ws.cell(row=n, column=j).protection.locked for j in range(1, len(KOLOM) + 1)] == [
        True, True, True, True, True, True, True, False, False, True,
    ]  # fmt: skip
    tanpa_pagu = _baris(ws, "2022/tc27_2022:50#1")  # pagu printed as '-'
    assert ws.cell(row=tanpa_pagu, column=H).protection.locked is False
    assert ws.cell(row=tanpa_pagu, column=RP).protection.locked is True
    assert ws.cell(row=tanpa_pagu, column=RP).fill.fgColor.rgb.endswith("E7E6E6")  # greyed
    assert ws.cell(row=BARIS_AWAL - 1, column=H).protection.locked is True  # headers locked


def test_data_validation_gives_unit_and_range_in_indonesian(templat_2022: bytes) -> None:
    ws = _buka(templat_2022)[LEMBAR_DATA]
    n = _baris(ws, "2022/tc27_2022:31#1")
    dv = _validasi(ws, f"H{n}")
    assert (dv.type, dv.operator, dv.formula1, float(dv.formula2)) == ("decimal", "between", "0", BATAS_PERSEN)
    assert "persen" in dv.prompt and "95,5" in dv.prompt and "200" in dv.prompt
    dv = _validasi(ws, f"I{n}")
    assert (dv.type, dv.formula1, dv.formula2) == ("whole", "0", str(10 * 9_122_221_547))
    assert "Rp 9.122.221.547" in dv.prompt and "tanpa titik ribuan" in dv.prompt
    n = _baris(ws, "2022/tc27_2022:6#1")
    dv = _validasi(ws, f"H{n}")
    assert dv.promptTitle == "Realisasi (Lokasi)" and "Realisasi dalam Lokasi" in dv.prompt
    assert float(dv.formula2) == 1_000_000


def test_hidden_manifest_names_renstra_year_kelurahan_version_and_rows(renstra: Renstra, templat_2022: bytes) -> None:
    wb = _buka(templat_2022)
    ws = wb[LEMBAR_MANIFEST]
    assert ws.sheet_state == "veryHidden" and ws.protection.sheet is True
    assert wb.security.lockStructure is True
    baris = [tuple(r) for r in ws.iter_rows(values_only=True)]
    pasangan = {r[0]: r[1] for r in baris[:10] if r[0]}
    assert pasangan["renstra_id"] == "wonoasih-2019-2024"
    assert pasangan["tahun"] == 2022 and pasangan["versi_templat"] == 2
    assert pasangan["kelurahan"] in (None, "")
    mulai = [r[0] for r in baris].index("baris_excel")
    kunci = [(r[1], r[2]) for r in baris[mulai + 1 :]]
    harap = renstra.rencana[renstra.rencana["tahun"] == 2022]
    assert kunci == list(zip(harap["item_id"], harap["indikator_ke"], strict=True))
    assert baris[mulai + 1][0] == BARIS_AWAL


def test_kelurahan_template_holds_only_its_own_rows(renstra: Renstra) -> None:
    wb = _buka(buat_templat(renstra, 2022, "Pakistaji"))
    ws = wb[LEMBAR_DATA]
    rows = list(ws.iter_rows(min_row=BARIS_AWAL, values_only=True))
    assert [r[J - 1] for r in rows] == ["2022/tc27_2022:6#1", "2022/tc27_2022:12#1", "2022/tc27_2022:23#1"]
    assert {r[2] for r in rows} == {"Pakistaji"}
    assert "Kelurahan Pakistaji" in ws.cell(row=1, column=1).value
    pasangan = {r[0]: r[1] for r in wb[LEMBAR_MANIFEST].iter_rows(max_row=11, values_only=True)}
    assert pasangan["kelurahan"] == "Pakistaji"


def test_unreadable_pagu_row_still_asks_rupiah_within_the_years_largest_pagu(renstra: Renstra) -> None:
    ws = _buka(buat_templat(renstra, 2021))[LEMBAR_DATA]
    n = _baris(ws, "2021/tc27_2021:23#1")  # 7.01.01 in 2021: pagu printed '*****'
    assert ws.cell(row=n, column=NOMOR_KOLOM["pagu"]).value == "***** (tidak terbaca)"
    assert ws.cell(row=n, column=RP).protection.locked is False
    terbesar = int(renstra.rencana.loc[renstra.rencana["tahun"] == 2021, "pagu"].max())
    dv = _validasi(ws, f"I{n}")
    assert dv.formula2 == str(10 * terbesar) and "tidak terbaca" in dv.prompt


def test_text_starting_with_equals_is_written_as_text_never_a_formula(renstra: Renstra) -> None:
    # Synthetic: an indicator text that would be a live formula if written naively.
    rencana = renstra.rencana.copy()
    jahat = '=HYPERLINK("http://contoh.invalid","klik")'
    rencana.loc[(rencana["item_id"] == "tc27_2022:31"), "indikator"] = jahat
    rencana.loc[(rencana["item_id"] == "tc27_2022:32"), "nama"] = "+1+1"
    palsu = dataclasses.replace(renstra, rencana=rencana)
    data = buat_templat(palsu, 2022)
    ws = _buka(data)[LEMBAR_DATA]
    sel = ws.cell(row=_baris(ws, "2022/tc27_2022:31#1"), column=NOMOR_KOLOM["indikator"])
    assert (sel.value, sel.data_type) == (jahat, "s")
    sel = ws.cell(row=_baris(ws, "2022/tc27_2022:32#1"), column=NOMOR_KOLOM["nama"])
    assert (sel.value, sel.data_type) == ("+1+1", "s")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert b"<f>" not in z.read("xl/worksheets/sheet1.xml")


def test_unknown_year_or_kelurahan_is_refused_in_indonesian(renstra: Renstra) -> None:
    with pytest.raises(RenstraError, match=r"tahun 2030 tidak ada di T-C\.27 .* 2020, 2021, 2022, 2023, 2024"):
        buat_templat(renstra, 2030)
    with pytest.raises(RenstraError, match=r"kelurahan 'Mayangan' tidak dikenal"):
        buat_templat(renstra, 2022, "Mayangan")
