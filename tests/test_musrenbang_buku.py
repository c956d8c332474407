"""musrenbang.buku: the workbook read back with openpyxl: values, formats, frozen headers, no formulas."""

from __future__ import annotations

import dataclasses
import io
from typing import Any

import pandas as pd
import pytest
from openpyxl import load_workbook

import formatting as fmt
from loaders.renstra import Renstra
from musrenbang import buku, isi
from tests.test_musrenbang_isi import nama_kelurahan_lain, riwayat_sintetis, susun_daftar, tersimpan_sintetis

KEPALA = buku.BARIS_KEPALA


def buka(slaid: list[isi.Slaid]) -> Any:
    return load_workbook(io.BytesIO(buku.buku_xlsx(slaid)))


def _sama(sel: Any, v: Any) -> bool:
    if v is None or pd.isna(v) or v == "":
        return sel in (None, "")  # empty stays empty, never 0
    if isinstance(sel, str):
        return sel == str(v)
    return sel == pytest.approx(float(v), rel=1e-12)


@pytest.mark.parametrize(("tahun", "kelurahan"), [(2020, None), (2023, None), (2023, "Kedung Galeng")])
def test_lembar_per_slaid_nilai_dan_format(renstra: Renstra, tahun: int, kelurahan: str | None) -> None:
    slaid = susun_daftar(renstra, tahun, kelurahan)
    wb = buka(slaid)
    assert wb.sheetnames == buku.nama_lembar(slaid) == [isi.nama_pendek(i, s) for i, s in enumerate(slaid, 1)]
    assert wb.sheetnames[:3] == ["1. Judul", "2. Pagu per tahun", "3. Pagu per program"]
    for s, ws in zip(slaid, wb.worksheets, strict=True):
        assert ws["A1"].value == s.judul and ws["A2"].value == s.sumber
        assert ws.freeze_panes == f"A{KEPALA + 1}"
        assert ws["A1"].font.b and ws.cell(KEPALA, 1).font.b
        assert [ws.cell(KEPALA, j + 1).value for j in range(len(s.kolom))] == [h for h, _ in s.kolom.values()]
        assert ws.max_row == KEPALA + len(s.data) if len(s.data) else ws.max_row <= KEPALA
        for i, baris in enumerate(s.data.itertuples(index=False, name=None), start=KEPALA + 1):
            for j, ((_, jenis), v) in enumerate(zip(s.kolom.values(), baris, strict=True), start=1):
                sel = ws.cell(i, j)
                assert _sama(sel.value, v), (s.kunci, i, j, sel.value, v)
                if jenis in fmt.FORMAT_EXCEL and sel.value is not None:
                    assert sel.number_format == fmt.FORMAT_EXCEL[jenis], (s.kunci, jenis)
        for j, (c, (_, jenis)) in enumerate(s.kolom.items(), start=1):
            lebar = ws.column_dimensions[ws.cell(KEPALA, j).column_letter].width
            terpanjang = max([0, *(len(fmt.sel(v, jenis)) for v in s.data[c])])
            assert lebar >= min(terpanjang, 58), (s.kunci, c)


def test_angka_dokumen_di_buku(renstra: Renstra) -> None:
    ws = buka(susun_daftar(renstra, 2023))["2. Pagu per tahun"]
    baris = {ws.cell(i, 1).value: ws.cell(i, 2) for i in range(KEPALA + 1, ws.max_row + 1)}
    assert baris[2023].value == 12_919_408_803 and baris[2023].number_format == '"Rp "#,##0'
    assert ws.cell(KEPALA + 1, 1).number_format == "0"  # 2020, not 2.020


def test_tidak_ada_rumus(renstra: Renstra) -> None:
    slaid = isi.susun(renstra, 2023, None, tersimpan_sintetis(), riwayat_sintetis())
    # A SYNTHETIC program name that Excel would run as a formula if it were written as one.
    jahat = '=HYPERLINK("http://contoh.invalid","klik")'
    pagu = next(s for s in slaid if s.kunci == "pagu-program")
    data = pagu.data.copy()
    data.loc[0, "program"] = jahat
    slaid = [dataclasses.replace(s, data=data) if s is pagu else s for s in slaid]
    wb = buka(slaid)
    sel = wb["3. Pagu per program"].cell(KEPALA + 1, 1)
    assert sel.value == jahat and sel.data_type == "s" and sel.quotePrefix is True
    for ws in wb.worksheets:
        for baris in ws.iter_rows():
            for c in baris:
                assert c.data_type != "f", (ws.title, c.coordinate)
                if isinstance(c.value, str) and c.value.startswith(("=", "+", "-", "@")):
                    assert c.quotePrefix, (ws.title, c.coordinate, c.value)


def test_pesan_di_lembar_tanpa_data(renstra: Renstra) -> None:
    slaid = susun_daftar(renstra, 2024, "Wonoasih")
    ws = buka(slaid)["5. Capaian"]
    s = next(x for x in slaid if x.kunci == "capaian")
    assert s.data.empty and ws["A3"].value == s.pesan and "bukan 0 %" in ws["A3"].value
    assert ws.max_row == KEPALA  # header, then nothing: no row of zeros


@pytest.mark.parametrize("kelurahan", ["Wonoasih", "Jrebeng Kidul", "Kedung Asem"])
def test_buku_kelurahan_tanpa_kelurahan_lain(renstra: Renstra, kelurahan: str) -> None:
    wb = buka(isi.susun(renstra, 2020, kelurahan, tersimpan_sintetis(), riwayat_sintetis()))
    teks = "\n".join(str(c.value) for ws in wb.worksheets for r in ws.iter_rows() for c in r if c.value is not None)
    assert kelurahan in teks
    assert nama_kelurahan_lain(renstra, kelurahan, teks) == []


def test_nama_lembar_unik_dan_pendek(renstra: Renstra) -> None:
    dasar = susun_daftar(renstra, 2023)[1]
    panjang = [dataclasses.replace(dasar, kunci="pagu-per-tahun-kecamatan-wonoasih-2020-2024")] * 3
    nama = buku.nama_lembar([*panjang, dataclasses.replace(dasar, kunci="a/b:c")])
    assert all(len(n) <= 31 for n in nama) and len({n.lower() for n in nama}) == 4
    assert nama[0] == "1. pagu-per-tahun-kecamatan-won"  # a key without a short name, cut to 31
    assert nama[3] == "4. a-b-c"  # characters Excel refuses are replaced
    # Names equal after cutting get -2, -3 (only possible past 31 characters).
    assert buku.nama_lembar([dataclasses.replace(dasar, kunci="x" * 40)] * 2 + [dasar]) == [
        "1. " + "x" * 28, "2. " + "x" * 28, "3. Pagu per tahun",
    ]  # fmt: skip
    assert buka([*panjang]).sheetnames == nama[:3]
