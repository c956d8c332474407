"""nginx (deploy/nginx.conf) in front of two replicas on one PostgreSQL, in a real browser (issue 14).

Through nginx: log in, download the template, upload a realisasi, save, and see its capaian on
Kinerja, every request of that browser answered by one replica (sticky sessions, websocket
through the proxy); then a second browser pinned to the other replica sees the same figure; then
the first browser's replica is killed and nginx serves that browser from the other one.
The account and the figure are SYNTHETIC test data (tests/conftest.py).
"""

from __future__ import annotations

import os
import re
import signal
import tomllib
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from alat.peramban import tunggu_app
from deploy.replika import NGINX_CONF, Replika, nginx, nginx_bin, replika
from tests.browser.test_replika import (
    BATAS_MS,
    KINERJA,
    KODE_A,
    TAHUN,
    buka,
    masuk,
    tampil,
    templat_terisi,
    tombol_simpan,
    unggah,
)
from tests.browser.test_replika import tunggu_tersimpan as tersimpan
from tests.conftest import ServerPg, tidak_bisa_diuji

COOKIE = "renstra_replika"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def di_balik_nginx(server_pg: ServerPg) -> Iterator[tuple[str, list[Replika]]]:
    """nginx running deploy/nginx.conf in front of two replicas on a fresh PostgreSQL database."""
    if nginx_bin() is None:
        tidak_bisa_diuji("nginx tidak terpasang (apt-get install -y --no-install-recommends nginx-light)")
    with replika(2, {"RENSTRA_DB_URL": server_pg.baru()}) as semua, nginx([r.port for r in semua]) as url:
        yield url, semua


@pytest.fixture()
def konteks_baru(browser: Browser) -> Iterator[Callable[[], BrowserContext]]:
    """A new browser context (a separate user) on each call; closed afterwards."""
    semua: list[BrowserContext] = []

    def baru() -> BrowserContext:
        semua.append(browser.new_context(viewport={"width": 1366, "height": 800}, locale="id-ID"))
        return semua[-1]

    yield baru
    for k in semua:
        k.close()


def _catat_replika(page: Page, url: str) -> list[str]:
    """The ``X-Replika`` (upstream address) of every response nginx gives this page, as they come."""
    dilayani: list[str] = []
    page.on("response", lambda r: dilayani.append(r.headers.get("x-replika", "")) if r.url.startswith(url) else None)
    return dilayani


def _replika_kunci(url: str, kunci: str) -> str:
    """Which replica nginx sends a browser carrying ``renstra_replika=<kunci>`` to."""
    permintaan = urllib.request.Request(f"{url}/_stcore/health", headers={"Cookie": f"{COOKIE}={kunci}"})
    with urllib.request.urlopen(permintaan, timeout=10) as jawaban:
        assert jawaban.read() == b"ok"
        return jawaban.headers["X-Replika"]


def _unduh_templat(page: Page) -> bytes:
    with page.expect_download() as unduhan:
        page.get_by_role("button", name=re.compile(f"Unduh templat {TAHUN}")).click()
    return Path(unduhan.value.path()).read_bytes()


def test_lewat_nginx_unggah_lalu_replika_lain_melihatnya(
    di_balik_nginx: tuple[str, list[Replika]], konteks_baru: Callable[[], BrowserContext], tmp_path: Path
) -> None:
    url, semua = di_balik_nginx
    page = konteks_baru().new_page()
    dilayani = _catat_replika(page, url)
    soket: list[str] = []
    page.on("websocket", lambda ws: soket.append(ws.url))

    masuk(page, url)
    isi = _unduh_templat(page)
    unggah(page, templat_terisi(isi, {KODE_A: 95}, tmp_path / "terisi.xlsx"), 1)  # PUT upload_file via nginx
    tombol_simpan(page, 1)
    tersimpan(page, 1)
    buka(page, f"{url}/{KINERJA}")
    tampil(page, "95,00 %")

    # One replica answered everything this browser asked, the websocket went through nginx too.
    pertama = set(dilayani)
    assert len(pertama) == 1 and "" not in pertama, pertama
    assert any(u.startswith(url.replace("http://", "ws://")) and u.endswith("/_stcore/stream") for u in soket)
    kunci_pertama = next(c["value"] for c in page.context.cookies() if c["name"] == COOKIE)
    assert _replika_kunci(url, kunci_pertama) in pertama

    # A second browser whose cookie nginx sends to the other replica sees the same figure there.
    alamat = {f"127.0.0.1:{r.port}" for r in semua}
    lain = (alamat - pertama).pop()
    kunci = next(k for k in (f"uji-{i}" for i in range(200)) if _replika_kunci(url, k) == lain)
    konteks = konteks_baru()
    konteks.add_cookies([{"name": COOKIE, "value": kunci, "url": url}])
    page2 = konteks.new_page()
    dilayani2 = _catat_replika(page2, url)
    buka(page2, f"{url}/{KINERJA}")
    tampil(page2, "95,00 %")
    assert set(dilayani2) == {lain}

    # The first browser's replica dies: nginx sends that browser to the live one, a new session.
    mati = next(r for r in semua if f"127.0.0.1:{r.port}" in pertama)
    os.killpg(mati.pid, signal.SIGKILL)
    mati.proc.wait(timeout=10)
    mati.log.unlink(missing_ok=True)
    dokumen = page.goto(f"{url}/{KINERJA}", wait_until="domcontentloaded")
    tunggu_app(page, BATAS_MS)
    tampil(page, "95,00 %")
    # nginx tried the dead replica, then answered from the live one (it lists both); the page's
    # session (websocket) can only be on the live one.
    assert dokumen is not None and dokumen.ok and dokumen.headers["x-replika"].split(", ")[-1] == lain


def test_batas_unggah_nginx_sama_dengan_aplikasi() -> None:
    """client_max_body_size = the app's maxUploadSize (MB) + 1 MB for the multipart envelope."""
    with open(ROOT / ".streamlit" / "config.toml", "rb") as f:
        mb = tomllib.load(f)["server"]["maxUploadSize"]
    batas = re.findall(r"^\s*client_max_body_size (\d+)m;", NGINX_CONF.read_text(encoding="utf-8"), re.MULTILINE)
    assert batas == [str(mb + 1)]

    from loaders.arsip import MB
    from loaders.xlsx import BATAS

    assert BATAS.berkas == mb * MB  # what the .xlsx reader accepts is what Streamlit lets through
