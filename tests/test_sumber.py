"""Cross-check: every cell of the CSVs stands in the source text, unless the manifest names its correction.

The source text export lives beside the data it proves, in
renstra_data/wonoasih-2019-2024/sumber/ (its origin in ASAL.md there), so every clone runs these
tests; without it they fail, never skip.
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from loaders.renstra import FOLDER_BAWAAN, Renstra

SUMBER = FOLDER_BAWAAN / "sumber" / "renstra_wonoasih_2019_2024.txt"


def _rentang(teks: str) -> range:
    a, b = (int(x) for x in teks.split("-"))
    return range(a, b + 1)


@cache
def _baris_sumber() -> list[str]:
    """The source text's lines (line n at index n - 1, as the manifest counts them); the test fails without it."""
    if not SUMBER.is_file():
        pytest.fail(f"sumber teks tidak ada di {SUMBER}: berkas itu bagian dari proyek (lihat ASAL.md di foldernya)")
    return SUMBER.read_text(encoding="utf-8").split("\n")


def test_source_text_is_the_one_the_manifest_counts_lines_of(renstra: Renstra) -> None:
    baris_sumber = _baris_sumber()
    assert baris_sumber[2:4] == ["**PERUBAHAN RENCANA", "STRATEGIS**"]  # the cover
    assert baris_sumber[35] == f"Probolinggo, {renstra.manifest['renstra']['tanggal']}"  # the foreword's date
    for tm in renstra.tabel_mentah.values():
        assert _rentang(tm.meta["sumber_baris"])[-1] <= len(baris_sumber), tm.id


def test_every_cell_is_in_its_table_in_the_source(renstra: Renstra) -> None:
    baris_sumber = _baris_sumber()
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
    baris_sumber = _baris_sumber()
    for pertama, ulang in ((1135, 1141), (1051, 1057)):
        a = [c.strip() for c in baris_sumber[pertama - 1].split("\t") if c.strip()]
        b = [c.strip() for c in baris_sumber[ulang - 1].split("\t") if c.strip()]
        assert a[1] == b[1], (pertama, ulang)  # same name
        angka = re.compile(r"^\d{1,3}(\.\d{3})+(,\d{2})?$|^\d+ (\(.*\)|Kelompok)$")
        assert [c for c in a if angka.match(c)] == [c for c in b if angka.match(c)], (pertama, ulang)  # target, Rp
