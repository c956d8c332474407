"""Unexpected errors: a short Indonesian message with a reference code, the traceback in the server log.

The app (AppTest, in-process) meets an error three ways: a page's call raises (monkeypatched,
with a "secret" in the message that must not reach the screen), the frame's own call raises,
and the realisasi store is a damaged file (no code patched at all). Streamlit's control flow
(st.stop, st.rerun, st.switch_page) must pass the boundary untouched.
"""

from __future__ import annotations

import logging
import re
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from streamlit.runtime.scriptrunner_utils.exceptions import RerunException, StopException
from streamlit.testing.v1 import AppTest

import galat
import state
import ui
from loaders import RenstraError
from tests.appkit import APP

ROOT = Path(__file__).resolve().parent.parent
RAHASIA = "rahasia /tmp/jalur/rahasia.db"
KODE = re.compile(rf"\*\*([{galat.ABJAD_RUJUKAN}]{{{galat.PANJANG_RUJUKAN}}})\*\*")
# What a message must never show: class names, the exception's own text, paths, tracebacks.
TERLARANG = ("RuntimeError", "DatabaseError", "sqlite", "rahasia", "/tmp", "Traceback", 'File "', ".py")


def _jalankan(halaman: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if halaman:
        at.switch_page(halaman)
    return at.run()


def _pesan_galat(at: AppTest) -> tuple[str, str]:
    """The one error message on screen and its reference code; fails on Streamlit's own error box."""
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.error) == 1, [e.value for e in at.error]
    teks = at.error[0].value
    assert teks.startswith("Maaf, halaman ini mengalami galat yang tidak terduga."), teks
    assert "Data yang sudah tersimpan tidak berubah." in teks
    for kata in TERLARANG:
        assert kata not in teks, (kata, teks)
    cocok = KODE.search(teks)
    assert cocok, teks
    return teks, cocok.group(1)


def _catatan(caplog: pytest.LogCaptureFixture, kode: str) -> logging.LogRecord:
    """The one log record of the app's logger carrying ``kode``, with its traceback."""
    cocok = [r for r in caplog.records if r.name == galat.NAMA_PENCATAT and kode in r.getMessage()]
    assert len(cocok) == 1, [r.getMessage() for r in caplog.records]
    r = cocok[0]
    assert r.levelno == logging.ERROR
    assert r.exc_info is not None
    return r


# --- the Streamlit-free part ----------------------------------------------------------------


def test_kode_rujukan_pendek_terbaca_dan_berbeda() -> None:
    kode = {galat.kode_rujukan() for _ in range(2000)}
    assert len(kode) == 2000  # 40 random bits: a clash in 2000 would be a bug, not bad luck
    for k in kode:
        assert len(k) == galat.PANJANG_RUJUKAN
        assert set(k) <= set(galat.ABJAD_RUJUKAN)
    assert not set("ILOU") & set(galat.ABJAD_RUJUKAN)  # nothing to mishear over the phone


def test_pesan_tanpa_isi_galat() -> None:
    teks = galat.pesan("7KQ2M9XD")
    assert "**7KQ2M9XD**" in teks and "admin dasbor" in teks
    assert len(teks) < 200


def test_baris_log_halaman_waktu_wib_dan_utc() -> None:
    waktu = datetime(2025, 1, 31, 18, 30, 5, tzinfo=UTC)
    baris = galat.baris_log("7KQ2M9XD", "Ringkasan", waktu)
    assert "7KQ2M9XD" in baris and "halaman: Ringkasan" in baris
    assert "2025-02-01 01:30:05 WIB (2025-01-31T18:30:05Z)" in baris
    assert "(belum diketahui)" in galat.baris_log("7KQ2M9XD", "", waktu)


def test_catat_ke_stderr_dengan_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    """Under `streamlit run` nothing configures the root logger: our own handler must write the line."""
    try:
        raise RuntimeError(RAHASIA)
    except RuntimeError as e:
        kode = galat.catat(e, "Ringkasan")
    galat.catat(ValueError("lagi"), "Ringkasan")  # a second call adds no second handler
    err = capsys.readouterr().err
    assert err.count(f"kode rujukan {kode}") == 1
    assert "ERROR" in err and galat.NAMA_PENCATAT in err
    assert "Traceback (most recent call last)" in err and f"RuntimeError: {RAHASIA}" in err
    assert len([h for h in galat.pencatat().handlers if h.get_name() == galat._NAMA_HANDLER]) == 1


def test_config_menyembunyikan_rincian_galat_streamlit() -> None:
    """Even an error escaping the boundary (e.g. in a widget callback) shows no type, text or traceback."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"


# --- the boundary --------------------------------------------------------------------------


def test_kendali_alur_streamlit_bukan_exception() -> None:
    """st.stop / st.rerun / st.switch_page raise these; deriving from BaseException lets them pass."""
    for kelas in (StopException, RerunException):
        assert issubclass(kelas, BaseException) and not issubclass(kelas, Exception)
    with pytest.raises(StopException), ui.jaga_halaman("Uji"):
        raise StopException()


_SKRIP_ALUR = """
import streamlit as st
import ui

def satu():
    st.write("halaman satu")
    st.switch_page(p_dua)

def dua():
    st.write("halaman dua")
    if "putaran" not in st.session_state:
        st.session_state.putaran = 1
        st.rerun()
    st.write("setelah rerun")
    st.stop()
    st.write("tidak pernah")

p_satu = st.Page(satu, title="Satu", default=True)
p_dua = st.Page(dua, title="Dua", url_path="dua")
pg = st.navigation([p_satu, p_dua])
with ui.jaga_halaman(pg.title):
    pg.run()
"""


def test_switch_page_rerun_stop_melewati_batas(caplog: pytest.LogCaptureFixture) -> None:
    at = AppTest.from_string(_SKRIP_ALUR, default_timeout=30).run()
    assert not at.exception and not at.error
    teks = [m.value for m in at.markdown]
    assert teks == ["halaman dua", "setelah rerun"], teks
    assert not [r for r in caplog.records if r.name == galat.NAMA_PENCATAT]


def test_halaman_yang_galat(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """The Ringkasan page's call to the store raises: one Indonesian message, the code also in the log."""

    def rusak() -> None:
        raise RuntimeError(RAHASIA)

    monkeypatch.setattr(state, "realisasi_tersimpan", rusak)  # looked up by the page at run time
    at = _jalankan()
    _, kode = _pesan_galat(at)
    assert any("Dasbor Renstra" in t.value for t in at.title)  # the frame still stands
    assert [h.value for h in at.header] == ["Ringkasan"]  # the page up to the error: its title,
    assert [m.label for m in at.metric][:1] == ["Pagu indikatif 2024"]  # and the first card

    catatan = _catatan(caplog, kode)
    assert "halaman: Ringkasan" in catatan.getMessage()
    assert catatan.exc_info is not None and catatan.exc_info[0] is RuntimeError
    assert "Traceback (most recent call last)" in caplog.text
    assert f"RuntimeError: {RAHASIA}" in caplog.text
    assert "halaman/ringkasan.py" in caplog.text  # the page's own frame is in the traceback


def test_setiap_galat_kode_baru(monkeypatch: pytest.MonkeyPatch) -> None:
    def rusak() -> None:
        raise RuntimeError(RAHASIA)

    monkeypatch.setattr(state, "realisasi_tersimpan", rusak)
    at = _jalankan()
    _, pertama = _pesan_galat(at)
    _, kedua = _pesan_galat(at.run())
    assert pertama != kedua


def test_bingkai_yang_galat(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """app.py's own code before pg.run() goes through the same boundary."""

    def rusak(*_a: object, **_k: object) -> None:
        raise KeyError(RAHASIA)

    monkeypatch.setattr(state, "sajikan", rusak)
    at = _jalankan("halaman/kinerja.py")
    _, kode = _pesan_galat(at)
    assert not at.header  # the page never ran
    catatan = _catatan(caplog, kode)
    assert "halaman: Kinerja" in catatan.getMessage()
    assert "KeyError" in caplog.text and "app.py" in caplog.text


def test_renstra_error_tetap_pesannya_sendiri(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A Renstra that cannot be loaded keeps its own (Indonesian) message; it is not an unexpected error."""

    def rusak(*_a: object, **_k: object) -> None:
        raise RenstraError("berkas manifest.toml tidak ditemukan")

    monkeypatch.setattr(state, "sajikan", rusak)
    at = _jalankan()
    assert not at.exception
    # The loader's own message, shown literally (markdown escaped), never a code
    assert [e.value for e in at.error] == [r"Data Renstra tidak dapat dimuat: berkas manifest\.toml tidak ditemukan"]
    assert not [r for r in caplog.records if r.name == galat.NAMA_PENCATAT]


def test_gudang_rusak_tanpa_tambalan_kode(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    """A damaged realisasi store (not a database file): the page reports a code, the file is left as it was."""
    berkas = tmp_path / "realisasi.sqlite"
    isi = b"bukan basis data SQLite, berkas rusak\n" * 200
    berkas.write_bytes(isi)
    monkeypatch.setenv("RENSTRA_DB_URL", f"sqlite:///{berkas}")
    at = _jalankan()
    _, kode = _pesan_galat(at)
    _catatan(caplog, kode)
    assert "file is not a database" in caplog.text
    assert berkas.read_bytes() == isi  # what was stored stays untouched


def test_halaman_dengan_st_stop_tidak_jadi_galat(caplog: pytest.LogCaptureFixture) -> None:
    """Isi Realisasi stops at its login form with st.stop(): no message, nothing logged."""
    at = _jalankan("halaman/isi_realisasi.py")
    assert not at.exception and not at.error
    assert at.text_input  # the login form
    assert not [r for r in caplog.records if r.name == galat.NAMA_PENCATAT]
