"""Isi Realisasi in a real browser: log in, download the template, fill it, upload, confirm, see Kinerja.

The account and the reported figure are SYNTHETIC test data (tests/conftest.py). The test saves, so
it runs on a server of its own with its own store (``server_baru``): no other test sees the version.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from realisasi import templat
from tests.browser.helpers import assert_no_exception, wait_for_app, wait_for_charts
from tests.conftest import AKUN_UJI, SANDI_UJI


def test_login_templat_unggah_simpan_lalu_capaian(server_baru: str, page: Page, tmp_path: Path) -> None:
    page.goto(f"{server_baru}/isi_realisasi?tahun_lapor=2022", wait_until="domcontentloaded")
    wait_for_app(page)
    page.get_by_label("Nama pengguna").fill(AKUN_UJI)
    page.get_by_label("Kata sandi").fill(SANDI_UJI)
    page.get_by_role("button", name="Masuk").click()
    wait_for_app(page)
    expect(page.get_by_text(f"Masuk sebagai {AKUN_UJI}")).to_be_visible()

    with page.expect_download() as unduhan:
        page.get_by_role("button", name=re.compile("Unduh templat 2022")).click()
    wb = load_workbook(io.BytesIO(Path(unduhan.value.path()).read_bytes()))
    ws = wb[templat.LEMBAR_DATA]
    baris = next(
        b
        for b in range(templat.BARIS_AWAL, ws.max_row + 1)
        if ws.cell(b, templat.NOMOR_KOLOM["kode"]).value == "7.01.01"
    )
    ws.cell(baris, templat.NOMOR_KOLOM["realisasi"]).value = 95  # target 100 % in T-C.27 2022
    terisi = tmp_path / "realisasi-2022-terisi.xlsx"
    wb.save(terisi)

    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(terisi))
    wait_for_app(page)
    expect(page.get_by_text("baris baru").first).to_be_visible()
    assert_no_exception(page)
    page.get_by_role("button", name=re.compile(r"Simpan \(1 baris\)")).click()
    wait_for_app(page)
    expect(page.get_by_text(re.compile(r"Tersimpan sebagai versi \d+"))).to_be_visible()

    page.goto(f"{server_baru}/kinerja?tahun=2022&bagian=capaian-per-tahun", wait_until="domcontentloaded")
    wait_for_app(page)
    wait_for_charts(page)
    expect(page.get_by_role("heading", name=re.compile("Capaian indikator Renstra .* 2022"))).to_be_visible()
    expect(page.locator('[data-testid="stPlotlyChart"]').get_by_text("95,00 %").first).to_be_attached()
    assert_no_exception(page)
