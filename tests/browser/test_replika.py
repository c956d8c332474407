"""Two `streamlit run app.py` replicas on one PostgreSQL store agree (issue 14), with real processes.

Each test starts two replicas on a fresh database of the suite's test PostgreSQL
(``server_pg``, tests/conftest.py) and drives them in Debian's Chromium (``browser``,
tests/browser/conftest.py: one Playwright per test process): what one replica saves,
the other shows on its next rerun; a rollback likewise; failed logins count across replicas;
two saves at once both land; a replica killed mid-save leaves the store intact and the other
replica serving. The account and the figures are SYNTHETIC test data (tests/conftest.py).

The browser steps (log in, upload, save, read capaian) are shared with tests/browser/test_nginx.py.
"""

from __future__ import annotations

import io
import os
import re
import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook
from playwright.sync_api import Browser, BrowserContext, Page, expect

from alat.peramban import tunggu_app
from deploy.replika import Replika, replika
from loaders import Renstra
from realisasi import templat
from realisasi.gudang import ID_BAWAAN, Gudang
from tests.browser.helpers import assert_no_exception
from tests.conftest import AKUN_UJI, SANDI_UJI, ServerPg

TAHUN = 2022
KODE_A, KODE_B = "7.01.01", "7.01.02"  # programs whose 2022 target in T-C.27 is 100 %
KINERJA = f"kinerja?tahun={TAHUN}&bagian=capaian-per-tahun"
GRAFIK = '[data-testid="stPlotlyChart"]'
BATAS_MS = 60_000  # a run on a busy two-core machine (several replicas, a browser, a database)


# --- browser steps (also used by tests/browser/test_nginx.py) ---------------------------------


def buka(page: Page, url: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    tunggu_app(page, BATAS_MS)


def isi_login(page: Page, sandi: str = SANDI_UJI) -> None:
    """Submit the login form on the page that shows it (Isi Realisasi)."""
    page.get_by_label("Nama pengguna").fill(AKUN_UJI)
    page.get_by_label("Kata sandi").fill(sandi)
    page.get_by_role("button", name="Masuk").click()
    tunggu_app(page, BATAS_MS)


def masuk(page: Page, url: str) -> None:
    """Open Isi Realisasi for TAHUN at ``url`` and log in as the synthetic admin."""
    buka(page, f"{url}/isi_realisasi?tahun_lapor={TAHUN}")
    isi_login(page)
    expect(page.get_by_text(f"Masuk sebagai {AKUN_UJI}")).to_be_visible()


def templat_terisi(isi_templat: bytes, nilai: dict[str, float], tujuan: Path) -> Path:
    """The year's template with ``nilai`` (program code -> realisasi) filled in, saved at ``tujuan``."""
    wb = load_workbook(io.BytesIO(isi_templat))
    ws = wb[templat.LEMBAR_DATA]
    kode = {ws.cell(b, templat.NOMOR_KOLOM["kode"]).value: b for b in range(templat.BARIS_AWAL, ws.max_row + 1)}
    for k, v in nilai.items():
        ws.cell(kode[k], templat.NOMOR_KOLOM["realisasi"]).value = v
    wb.save(tujuan)
    return tujuan


def unggah(page: Page, berkas: Path, baris: int) -> None:
    """Upload a filled template on Isi Realisasi (logged in) and wait for its preview of ``baris`` new rows."""
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(berkas))
    tunggu_app(page, BATAS_MS)
    expect(page.get_by_text(f"{baris} baris baru")).to_be_visible()
    assert_no_exception(page)


def tombol_simpan(page: Page, baris: int) -> None:
    page.get_by_role("button", name=re.compile(rf"Simpan \({baris} baris\)")).click()


def tunggu_tersimpan(page: Page, baris: int) -> int:
    """After a Simpan click: the version it saved as. A save refused because another landed between this
    page's preview and its save (the page says so and shows a fresh preview) is clicked again."""
    tersimpan = page.get_by_text(re.compile(r"Tersimpan sebagai versi \d+"))
    berubah = page.get_by_text("Data tersimpan berubah sejak pratinjau ini dibuat")
    expect(tersimpan.or_(berubah)).to_be_visible(timeout=BATAS_MS)
    if berubah.is_visible():
        tombol_simpan(page, baris)
        expect(tersimpan).to_be_visible(timeout=BATAS_MS)
    return int(re.search(r"versi (\d+)", tersimpan.inner_text()).group(1))


def tampil(page: Page, teks: str) -> None:
    """``teks`` (e.g. '95,00 %') is drawn in a chart of the page."""
    expect(page.locator(GRAFIK).get_by_text(teks).first).to_be_attached(timeout=BATAS_MS)
    assert_no_exception(page)


def tidak_tampil(page: Page, teks: str) -> None:
    """``teks`` is in no chart (call after ``tampil`` of what the page shows instead: the charts are drawn)."""
    expect(page.locator(GRAFIK).get_by_text(teks)).to_have_count(0)


def belum_dilaporkan(page: Page) -> None:
    """Kinerja says no realisasi of TAHUN is stored (what it shows on an empty store)."""
    expect(page.get_by_text(f"Belum ada realisasi {TAHUN} yang dilaporkan")).to_be_visible()
    tidak_tampil(page, "95,00 %")
    assert_no_exception(page)


def jalankan_ulang(page: Page) -> None:
    """A rerun of the same session: choose another year in the sidebar, then TAHUN again."""
    tahun = page.locator('[data-testid="stSidebar"]').get_by_role("radiogroup", name="Tahun")
    for t in (TAHUN - 1, TAHUN):
        tahun.get_by_role("radio", name=str(t)).click()
        page.wait_for_url(re.compile(rf"tahun={t}"))
        tunggu_app(page, BATAS_MS)


# --- fixtures ---------------------------------------------------------------------------------


@pytest.fixture()
def halaman_baru(browser: Browser) -> Iterator[Callable[[], Page]]:
    """A new page in a browser context of its own (a separate user), on each call; closed afterwards."""
    konteks: list[BrowserContext] = []

    def baru() -> Page:
        konteks.append(browser.new_context(viewport={"width": 1366, "height": 800}, locale="id-ID"))
        return konteks[-1].new_page()

    yield baru
    for k in konteks:
        k.close()


@pytest.fixture()
def db(server_pg: ServerPg) -> str:
    """A fresh PostgreSQL database of this test's own (the replicas' RENSTRA_DB_URL)."""
    return server_pg.baru()


@pytest.fixture()
def dua(db: str) -> Iterator[list[Replika]]:
    """Two replicas on ``db``."""
    with replika(2, {"RENSTRA_DB_URL": db}) as semua:
        yield semua


@pytest.fixture()
def isi_templat(renstra: Renstra) -> bytes:
    return templat.buat_templat(renstra, TAHUN)


def gudang(db: str) -> Gudang:
    return Gudang(db, renstra_id=ID_BAWAAN)


# --- tests --------------------------------------------------------------------------------------


def test_simpan_di_a_tampil_di_b_lalu_pemulihan(
    dua: list[Replika], db: str, halaman_baru: Callable[[], Page], isi_templat: bytes, tmp_path: Path
) -> None:
    a, b = dua
    pa, pb = halaman_baru(), halaman_baru()
    buka(pb, f"{b.url}/{KINERJA}")  # B has read (and cached) the empty store
    belum_dilaporkan(pb)

    masuk(pa, a.url)
    unggah(pa, templat_terisi(isi_templat, {KODE_A: 95}, tmp_path / "a.xlsx"), 1)
    tombol_simpan(pa, 1)
    v1 = tunggu_tersimpan(pa, 1)

    jalankan_ulang(pb)  # the same session on B, its next rerun
    tampil(pb, "95,00 %")

    # A second version (saved from this process, a third one on the store), then a rollback to v1.
    g = gudang(db)
    v2 = g.simpan(g.keadaan().assign(realisasi=80.0), AKUN_UJI, "admin", "koreksi.xlsx", "0" * 64, TAHUN)
    jalankan_ulang(pb)
    tampil(pb, "80,00 %")
    tidak_tampil(pb, "95,00 %")

    v3 = g.pulihkan(v1, AKUN_UJI, "admin")
    g.tutup()
    jalankan_ulang(pb)
    tampil(pb, "95,00 %")
    tidak_tampil(pb, "80,00 %")
    assert v1 < v2 < v3

    buka(pa, f"{a.url}/{KINERJA}")  # and A agrees
    tampil(pa, "95,00 %")
    tidak_tampil(pa, "80,00 %")


def test_login_gagal_dihitung_lintas_replika(dua: list[Replika], db: str, halaman_baru: Callable[[], Page]) -> None:
    """Five failures for one name (3 on A, 2 on B) lock it on both, even for the right password."""
    a, b = dua
    pa, pb = halaman_baru(), halaman_baru()
    buka(pa, f"{a.url}/isi_realisasi")
    buka(pb, f"{b.url}/isi_realisasi")
    for page in (pa, pa, pa, pb, pb):
        isi_login(page, sandi="sandi-yang-salah-sekali")
        expect(page.get_by_text("Nama pengguna atau kata sandi salah.")).to_be_visible()
    for page in (pa, pb):
        isi_login(page)
        expect(page.get_by_text("Terlalu banyak percobaan masuk yang gagal")).to_be_visible()
        expect(page.get_by_text(f"Masuk sebagai {AKUN_UJI}")).to_have_count(0)


def test_dua_simpan_bersamaan_lewat_dua_replika(
    dua: list[Replika], db: str, halaman_baru: Callable[[], Page], isi_templat: bytes, tmp_path: Path
) -> None:
    a, b = dua
    pa, pb = halaman_baru(), halaman_baru()
    masuk(pa, a.url)
    masuk(pb, b.url)
    unggah(pa, templat_terisi(isi_templat, {KODE_A: 95}, tmp_path / "a.xlsx"), 1)
    unggah(pb, templat_terisi(isi_templat, {KODE_B: 88}, tmp_path / "b.xlsx"), 1)
    tombol_simpan(pa, 1)  # both clicks are sent before either run has finished
    tombol_simpan(pb, 1)
    versi = {tunggu_tersimpan(pa, 1), tunggu_tersimpan(pb, 1)}

    g = gudang(db)
    riwayat, keadaan = g.riwayat(), g.keadaan()
    g.tutup()
    assert len(versi) == 2 and set(riwayat["id"]) == versi
    nilai = dict(zip(keadaan["item_id"], keadaan["realisasi"], strict=True))
    assert sorted(nilai.values()) == [88.0, 95.0]


# A test-only trigger stops A's save after its version row is written and while its values are
# being written (the statement waits for an advisory lock this test holds): the moment to kill it.
KUNCI_TAHAN = 4242
TAHAN_SIMPAN = f"""
CREATE FUNCTION uji_tahan_simpan() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_advisory_xact_lock({KUNCI_TAHAN}); RETURN NULL; END $$;
CREATE TRIGGER uji_tahan_simpan AFTER INSERT ON nilai FOR EACH STATEMENT EXECUTE FUNCTION uji_tahan_simpan();
"""
MENUNGGU_TAHANAN = (
    f"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = {KUNCI_TAHAN} AND NOT granted"
)


def _tunggu(syarat, batas_s: float = 30.0) -> None:
    akhir = time.monotonic() + batas_s
    while not syarat():
        assert time.monotonic() < akhir, "keadaan yang ditunggu tidak tercapai"
        time.sleep(0.1)


def test_replika_dibunuh_di_tengah_simpan(
    dua: list[Replika], db: str, halaman_baru: Callable[[], Page], isi_templat: bytes, tmp_path: Path
) -> None:
    """SIGKILL of replica A while its save is half written: nothing of it lands, B keeps serving and saving."""
    a, b = dua
    pa, pb = halaman_baru(), halaman_baru()
    buka(pb, f"{b.url}/{KINERJA}")
    berkas = templat_terisi(isi_templat, {KODE_A: 95}, tmp_path / "a.xlsx")
    masuk(pa, a.url)
    unggah(pa, berkas, 1)  # A has opened the store: its tables exist

    mesin = sa.create_engine(db, poolclass=sa.NullPool, isolation_level="AUTOCOMMIT")
    with mesin.connect() as uji:
        uji.exec_driver_sql(TAHAN_SIMPAN)
        uji.exec_driver_sql(f"SELECT pg_advisory_lock({KUNCI_TAHAN})")
        tombol_simpan(pa, 1)
        _tunggu(lambda: uji.exec_driver_sql(MENUNGGU_TAHANAN).scalar() == 1)
        jalankan_ulang(pb)  # B serves while A holds the write lock, and sees nothing uncommitted
        belum_dilaporkan(pb)

        os.killpg(a.pid, signal.SIGKILL)
        assert a.proc.wait(timeout=10) == -signal.SIGKILL
        uji.exec_driver_sql(f"SELECT pg_advisory_unlock({KUNCI_TAHAN})")
        _tunggu(lambda: uji.exec_driver_sql(MENUNGGU_TAHANAN).scalar() == 0)
        uji.exec_driver_sql("DROP TRIGGER uji_tahan_simpan ON nilai")  # waits for A's transaction to end
    mesin.dispose()
    a.log.unlink(missing_ok=True)

    g = gudang(db)
    assert g.versi_terakhir() is None and g.riwayat().empty and g.keadaan().empty
    g.tutup()

    masuk(pb, b.url)  # the store's write lock was released: B saves the same file
    unggah(pb, berkas, 1)
    tombol_simpan(pb, 1)
    tunggu_tersimpan(pb, 1)
    buka(pb, f"{b.url}/{KINERJA}")
    tampil(pb, "95,00 %")
