"""Unexpected errors: a short reference for the person at the screen, the whole story for the server log.

No Streamlit here (``ui.jaga_halaman`` is the Streamlit side). The person sees only ``pesan``:
Bahasa Indonesia, no exception text, class name, path or traceback. The admin finds the same
reference code in the server log, next to the page, the time (WIB and UTC) and the traceback.
"""

from __future__ import annotations

import logging
import secrets
import sys
from datetime import UTC, datetime, timedelta, timezone

NAMA_PENCATAT = "dasbor_renstra"
# Crockford base32: no I, L, O or U, so a code read aloud over the phone is not misheard.
ABJAD_RUJUKAN = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PANJANG_RUJUKAN = 8  # 40 random bits
WIB = timezone(timedelta(hours=7), "WIB")
FORMAT_LOG = "%(asctime)s %(levelname) -7s %(name)s: %(message)s"  # as Streamlit's own log lines
_NAMA_HANDLER = "dasbor_renstra_stderr"


class _StderrSaatIni(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is when a record comes (pytest swaps it per test)."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


def pencatat() -> logging.Logger:
    """The app's logger, writing to stderr (the server log under ``streamlit run``).

    Streamlit gives its own loggers a handler and leaves the root logger bare, so a record of
    ours would otherwise reach only ``logging.lastResort``. Idempotent: Streamlit may re-import
    modules on a code change. Records still propagate (pytest's caplog, or a root handler a
    deployment adds; that one would then print them a second time).
    """
    log = logging.getLogger(NAMA_PENCATAT)
    if not any(h.get_name() == _NAMA_HANDLER for h in log.handlers):
        handler = _StderrSaatIni()
        handler.set_name(_NAMA_HANDLER)
        format_log = logging.Formatter(FORMAT_LOG)
        format_log.default_msec_format = "%s.%03d"
        handler.setFormatter(format_log)
        log.addHandler(handler)
    if log.level == logging.NOTSET:
        log.setLevel(logging.INFO)
    return log


def kode_rujukan() -> str:
    """A fresh reference code: ``PANJANG_RUJUKAN`` characters of ``ABJAD_RUJUKAN`` (e.g. ``7KQ2M9XD``)."""
    n = secrets.randbits(5 * PANJANG_RUJUKAN)
    return "".join(ABJAD_RUJUKAN[(n >> (5 * i)) & 31] for i in reversed(range(PANJANG_RUJUKAN)))


def pesan(kode: str) -> str:
    """What the person sees (markdown): nothing about the error itself, only what to do."""
    return (
        "Maaf, halaman ini mengalami galat yang tidak terduga. Data yang sudah tersimpan tidak berubah. "
        f"Sampaikan kode rujukan **{kode}** kepada admin dasbor."
    )


def baris_log(kode: str, halaman: str, waktu: datetime) -> str:
    """The log line an admin searches for by code (the traceback follows it)."""
    utc = waktu.astimezone(UTC)
    return (
        f"Galat tak terduga, kode rujukan {kode}; halaman: {halaman or '(belum diketahui)'}; "
        f"waktu: {utc.astimezone(WIB):%Y-%m-%d %H:%M:%S} WIB ({utc:%Y-%m-%dT%H:%M:%SZ})"
    )


def catat(galat: BaseException, halaman: str = "", waktu: datetime | None = None) -> str:
    """Log ``galat`` with its traceback under a new reference code; returns the code."""
    kode = kode_rujukan()
    pencatat().error(baris_log(kode, halaman, waktu or datetime.now(UTC)), exc_info=galat)
    return kode
