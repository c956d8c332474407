"""The app served with another Renstra (issue 12): RENSTRA_SUMBER names a SYNTHETIC 2025-2029
workbook of another kecamatan (tests/renstra_sintetis.py). Every page and every tab runs without
error and shows that Renstra's names and years, and no trace of the bundled document.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from navigasi import HALAMAN
from tests import appkit
from tests import renstra_sintetis as rs

# What of the bundled document may never show for another Renstra: its names, its kelurahan,
# its years (the regulation "Permendagri 90/2019" excepted).
JEJAK_BAWAAN = re.compile(
    r"Wonoasih|Probolinggo|Pakistaji|Jrebeng|Kedung ?Asem|Kedung ?Galeng|Sumber ?Taman|(?<![/\d])20(1\d|2[0-4])(?!\d)"
)


@pytest.fixture
def sintetis(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    berkas = tmp_path / "sidomakmur.xlsx"
    berkas.write_bytes(rs.buat())
    monkeypatch.setenv("RENSTRA_SUMBER", str(berkas))
    return berkas


def _jejak(teks: str) -> list[str]:
    # A chart's spec is JSON with non-ASCII escaped: "\u2013" is the dash "–", not the year 2013.
    teks = re.sub(r"\\+u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), teks)
    return [teks[max(0, m.start() - 50) : m.end() + 30].replace("\n", " ") for m in JEJAK_BAWAAN.finditer(teks)]


@pytest.mark.parametrize("halaman", [h.skrip for h in HALAMAN], ids=[h.nama for h in HALAMAN])
def test_every_page_and_tab_shows_only_the_served_renstra(sintetis: Path, halaman: str) -> None:
    at = appkit.buka(halaman)
    assert not at.error, [e.value for e in at.error]
    teks = [appkit.teks_halaman(at)]
    for tab in [t.label for t in at.tabs]:
        appkit.buka_bagian(at, tab)
        assert not at.error, (tab, [e.value for e in at.error])
        teks.append(appkit.teks_halaman(at))
    semua = "\n".join(teks)
    assert _jejak(semua) == []
    assert "Sidomakmur" in semua


def test_the_frame_names_the_served_renstra(sintetis: Path) -> None:
    at = appkit.buka()
    assert at.title[0].value == "Dasbor Renstra Kecamatan Sidomakmur"
    assert any(rs.JUDUL.split(" (")[0].replace("-", "\\-") in c.value for c in at.sidebar.caption)
    assert not at.sidebar.get("selectbox") or all(s.label != "Renstra" for s in at.sidebar.selectbox)  # one: no picker
