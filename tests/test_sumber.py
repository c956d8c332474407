"""Cross-check: every cell of the CSVs stands in the source text, unless the manifest names its correction.

The source export lives in ../shared/sources (present in CI); a user's clone does not have it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from loaders.renstra import Renstra

SUMBER = Path(__file__).resolve().parents[2] / "shared" / "sources" / "renstra_wonoasih_2019_2024.txt"
pytestmark = pytest.mark.skipif(not SUMBER.is_file(), reason=f"sumber teks tidak ada di {SUMBER} (hanya di CI)")


def _rentang(teks: str) -> range:
    a, b = (int(x) for x in teks.split("-"))
    return range(a, b + 1)


def test_every_cell_is_in_its_table_in_the_source(renstra: Renstra) -> None:
    baris_sumber = SUMBER.read_text(encoding="utf-8").split("\n")
    for tid, tm in renstra.tabel_mentah.items():
        potongan = "\n".join(baris_sumber[i - 1] for i in _rentang(tm.meta["sumber_baris"]))
        sel_sumber = {c.strip() for ln in potongan.split("\n") for c in ln.split("\t")}
        dikoreksi = {
            b
            for k in tm.meta.get("koreksi", [])
            if k["jenis"] in ("ejaan", "sambung_halaman", "html")
            for b in k["baris"]
        }
        diperiksa = 0
        for b in tm.baris_data():
            if b in dikoreksi:
                continue
            for key in tm.formulir.keys:
                v = tm.teks(b, key)
                if v:
                    assert v in sel_sumber or (v == "URUSAN KOORDINASI" and v in potongan), (tid, b, key, v)
                    diperiksa += 1
        assert diperiksa > 0, tid


def test_every_correction_names_its_source_lines(renstra: Renstra) -> None:
    for tm in renstra.tabel_mentah.values():
        for k in tm.meta.get("koreksi", []):
            assert re.fullmatch(r"[\d, -]+", k["sumber_baris_teks"]), k
            assert k["jenis"] in {
                "penjajaran",
                "header_halaman",
                "baris_ulang",
                "ejaan",
                "sambung_halaman",
                "html",
                "sel_kosong",
            }
            assert all(1 <= b <= len(tm.data) for b in k["baris"])


def test_document_figures_that_were_dropped_as_repeats_are_really_repeats() -> None:
    teks = SUMBER.read_text(encoding="utf-8").split("\n")
    for pertama, ulang in ((1135, 1141), (1051, 1057)):
        a = [c.strip() for c in teks[pertama - 1].split("\t") if c.strip()]
        b = [c.strip() for c in teks[ulang - 1].split("\t") if c.strip()]
        assert a[1] == b[1], (pertama, ulang)  # same name
        angka = re.compile(r"^\d{1,3}(\.\d{3})+(,\d{2})?$|^\d+ (\(.*\)|Kelompok)$")
        assert [c for c in a if angka.match(c)] == [c for c in b if angka.match(c)], (pertama, ulang)  # target, Rp
