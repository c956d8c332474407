"""A real server meets an unexpected error: the browser shows the Indonesian message, the log the traceback.

How the error is caused: the server (its own, not the session's) is started on the real app
with its realisasi store pointing at a damaged file (``RENSTRA_DB_URL``, the setting production
uses, not a test-only switch), so the Ringkasan page's read of the store raises SQLAlchemy's
DatabaseError: an unexpected, non-RenstraError exception, with no code patched or added.
"""

from __future__ import annotations

import re
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

import galat
from alat import peramban
from tests.browser.conftest import APP_DIR
from tests.browser.helpers import wait_for_app

KODE = re.compile(rf"kode rujukan ([{galat.ABJAD_RUJUKAN}]{{{galat.PANJANG_RUJUKAN}}})\b")
ISI_RUSAK = b"bukan basis data SQLite, berkas rusak\n" * 200


@dataclass(frozen=True)
class ServerRusak:
    url: str
    log: Path  # the server's stdout + stderr (alat.peramban writes it to a temporary file)
    gudang: Path  # the damaged store


@pytest.fixture()
def server_rusak(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ServerRusak]:
    gudang = tmp_path / "realisasi.sqlite"
    gudang.write_bytes(ISI_RUSAK)
    folder_log = tmp_path / "log"
    folder_log.mkdir()
    with ExitStack() as tumpukan:
        # peramban.server names its log with tempfile.mkstemp: pointed at our folder only while it starts.
        with monkeypatch.context() as m:
            m.setattr(tempfile, "tempdir", str(folder_log))
            try:
                url = tumpukan.enter_context(peramban.server(APP_DIR, env={"RENSTRA_DB_URL": f"sqlite:///{gudang}"}))
            except peramban.ServerGagal as e:
                pytest.fail(str(e), pytrace=False)
        (log,) = folder_log.glob("streamlit-server-*.log")
        yield ServerRusak(url, log, gudang)


def _tunggu_di_log(log: Path, teks: str, batas_s: float = 10.0) -> str:
    akhir = time.monotonic() + batas_s
    while True:
        isi = log.read_text(errors="replace")
        if teks in isi or time.monotonic() > akhir:
            return isi
        time.sleep(0.2)


def test_galat_tak_terduga_pesan_indonesia_dan_kode_di_log(page: Page, server_rusak: ServerRusak) -> None:
    page.goto(server_rusak.url, wait_until="domcontentloaded")
    wait_for_app(page)

    galat_di_layar = page.locator(peramban.ERROR_SELECTOR)
    expect(galat_di_layar).to_have_count(1)
    expect(page.locator(peramban.EXCEPTION_SELECTOR)).to_have_count(0)  # no Streamlit error box
    teks = galat_di_layar.inner_text()
    assert teks.startswith("Maaf, halaman ini mengalami galat yang tidak terduga."), teks
    cocok = KODE.search(teks)
    assert cocok, teks
    kode = cocok.group(1)
    expect(page.get_by_role("heading", name="Ringkasan")).to_be_visible()  # the page ran up to the error

    layar = page.locator("body").inner_text()
    for kata in ("DatabaseError", "sqlite", "not a database", "Traceback", str(server_rusak.gudang), ".py"):
        assert kata not in layar, kata

    log = _tunggu_di_log(server_rusak.log, kode)
    assert f"kode rujukan {kode}; halaman: Ringkasan" in log, log[-3000:]
    sesudah = log[log.index(f"kode rujukan {kode}") :]
    assert "Traceback (most recent call last)" in sesudah
    assert "sqlalchemy.exc.DatabaseError" in sesudah and "file is not a database" in sesudah
    assert server_rusak.gudang.read_bytes() == ISI_RUSAK  # what was stored stays untouched
