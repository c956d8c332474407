"""Kelola Renstra in a real browser: download the blank template, import a SYNTHETIC second Renstra
(tests/renstra_sintetis.py), choose it, and open every page on it.

The account is the suite's synthetic admin (tests/conftest.py). The test saves, so it runs on a
server of its own with its own store (``server_baru``).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from navigasi import HALAMAN
from tests import renstra_sintetis as rs
from tests.browser.helpers import assert_no_exception, wait_for_app
from tests.conftest import AKUN_UJI, SANDI_UJI


def test_templat_impor_lalu_setiap_halaman(server_baru: str, page: Page, tmp_path: Path) -> None:
    page.goto(f"{server_baru}/kelola_renstra", wait_until="domcontentloaded")
    wait_for_app(page)
    with page.expect_download() as unduhan:
        page.get_by_role("button", name="Templat Renstra kosong 2025-2029").click()
    wb = load_workbook(io.BytesIO(Path(unduhan.value.path()).read_bytes()))
    assert wb.sheetnames[:4] == ["Petunjuk", "Identitas", "Kelurahan", "Daftar Tabel"]

    page.get_by_label("Nama pengguna").fill(AKUN_UJI)
    page.get_by_label("Kata sandi").fill(SANDI_UJI)
    page.get_by_role("button", name="Masuk").click()
    wait_for_app(page)
    berkas = tmp_path / "sidomakmur-2025-2029.xlsx"
    berkas.write_bytes(rs.buat())
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(berkas))
    wait_for_app(page)
    expect(page.get_by_text("Mekarsari, Sukamaju, Tirtajaya").first).to_be_visible()
    page.get_by_role("button", name=re.compile(r"Simpan sebagai versi 1")).click()
    wait_for_app(page)
    expect(page.get_by_text(re.compile(r"Tersimpan: sidomakmur-2025-2029 versi 1"))).to_be_visible()
    assert_no_exception(page)

    for h in HALAMAN:
        page.goto(f"{server_baru}/{h.url}?renstra=sidomakmur-2025-2029", wait_until="domcontentloaded")
        wait_for_app(page)
        assert_no_exception(page)
        expect(page.get_by_role("heading", name="Dasbor Renstra Kecamatan Sidomakmur")).to_be_visible()
        assert page.locator('[data-testid="stAlertContentError"]').count() == 0, h.judul
        if h.nama != "antar_renstra":  # the one page that puts every Renstra side by side
            assert "Wonoasih" not in page.locator('[data-testid="stMain"]').inner_text(), h.judul
