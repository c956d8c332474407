"""Property test (hypothesis): a genuine template, mutated at random, through the page's own steps.

Mutations are SYNTHETIC: cells of any type anywhere (in and outside the template), parts
added, dropped, renamed or damaged, sheets added, zip bytes flipped. Whatever comes out,
the upload is either refused with an Indonesian message (no Python in it), or accepted only
when every prefilled cell is intact and every value within its bound; the store changes
only on an accepted file, and nothing raises anything but the two refusals the page shows.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from loaders import load_renstra
from loaders.renstra import Renstra
from realisasi import alur
from realisasi.akun import Akun
from realisasi.gudang import Gudang, GudangError
from realisasi.templat import (
    LEMBAR_DATA,
    LEMBAR_MANIFEST,
    NOMOR_KOLOM,
    batas_baris,
    buat_templat,
    isi_templat,
    pagu_terbesar,
)
from realisasi.validasi import UnggahanError
from tests import berkas_jahat as bj
from tests.test_unggahan_berbahaya import PYTHON

H, RP = NOMOR_KOLOM["realisasi"], NOMOR_KOLOM["realisasi_rp"]
ADMIN = Akun("admin_uji", "admin")
TAHUN = 2022

nilai_sel = st.one_of(
    st.none(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([0, 1, 2, 95.5, 100, 200, 201, 1_000_000, 99_000_000, 10**12, -1, 0.5]),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),  # what a spreadsheet cell can hold
    st.sampled_from(["=1+1", "=SUM(H4:H9)", "95,5", "1.500.000", "Rp 5", "#DIV/0!", "@x", "-", "85%"]),
    st.booleans(),
)
# The template's editable cells (Rupiah only on rows that carry a pagu), and mostly plausible fills for them.
ISIAN = sorted(isi_templat(load_renstra(), TAHUN).isian)
wajar = {H: st.one_of(st.floats(0, 100), st.integers(0, 50)), RP: st.integers(0, 90_000_000)}


@st.composite
def sel_isian(draw: Any) -> tuple[int, int, Any]:
    n, j = draw(st.sampled_from(ISIAN))
    return n, j, draw(st.one_of(*[wajar[j]] * 8, nilai_sel))


sel_mana_saja = st.tuples(st.integers(1, 70), st.integers(1, 13), nilai_sel)


@st.composite
def mutasi(draw: Any) -> list[tuple[str, Any]]:
    """A short list of edits: mostly fills of the editable cells, sometimes anything else."""
    langkah: list[tuple[str, Any]] = [("isi", draw(sel_isian())) for _ in range(draw(st.integers(0, 6)))]
    jenis = st.sampled_from(["sel", "manifest", "lembar", "bagian_hapus", "bagian_tambah", "bit", "potong", "nama"])
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2]))):
        j = draw(jenis)
        if j == "sel":
            langkah.append(("sel", draw(sel_mana_saja)))
        elif j == "manifest":
            langkah.append(("manifest", (draw(st.integers(1, 75)), draw(st.integers(1, 4)), draw(nilai_sel))))
        elif j == "lembar":
            langkah.append(
                (
                    "lembar",
                    draw(
                        st.text(st.characters(min_codepoint=32, max_codepoint=0x2FF), min_size=1, max_size=8).filter(
                            lambda s: not re.search(r"[\\/*?:\[\]']", s) and s.strip() == s and s.strip()
                        )
                    ),
                )
            )
        elif j == "bagian_hapus":
            langkah.append(
                (
                    "bagian_hapus",
                    draw(
                        st.sampled_from(
                            [
                                "xl/styles.xml",
                                "xl/theme/theme1.xml",
                                "docProps/app.xml",
                                "_rels/.rels",
                                bj.SHEET_MANIFEST,
                            ]
                        )
                    ),
                )
            )
        elif j == "bagian_tambah":
            isi_bagian = draw(
                st.one_of(
                    st.binary(max_size=64),
                    st.sampled_from([b"<a/>", bj.DTD.encode() + b"<a/>", b"\xff\xfe<\x00a\x00/\x00>\x00"]),
                )
            )
            langkah.append(
                (
                    "bagian_tambah",
                    (
                        draw(
                            st.sampled_from(["xl/x.xml", "xl/media/a.png", "customXml/item1.xml", "xl/vbaProject.bin"])
                        ),
                        isi_bagian,
                    ),
                )
            )
        elif j == "bit":
            langkah.append(("bit", (draw(st.integers(0, 10**9)), draw(st.integers(1, 255)))))
        elif j == "potong":
            langkah.append(("potong", draw(st.floats(0.05, 0.999))))
        else:
            langkah.append(("nama", None))
    return langkah


def terapkan(t: bytes, langkah: list[tuple[str, Any]]) -> bytes:
    sel = [x for j, x in langkah if j in ("isi", "sel")]
    man = [x for j, x in langkah if j == "manifest"]
    lembar = [x for j, x in langkah if j == "lembar"]
    data = t
    if sel or man or lembar:
        wb = load_workbook(io.BytesIO(t))
        for n, k, v in sel:
            wb[LEMBAR_DATA].cell(row=n, column=k).value = v
        for n, k, v in man:
            wb[LEMBAR_MANIFEST].cell(row=n, column=k).value = v
        for nama in lembar:
            if nama not in wb.sheetnames:
                wb.create_sheet(nama)["A1"] = "tambahan"
        keluaran = io.BytesIO()
        wb.save(keluaran)
        data = keluaran.getvalue()
    urutan = {"bagian_hapus": 0, "bagian_tambah": 0, "nama": 0, "bit": 1, "potong": 1}  # parts first, then bytes
    for j, x in sorted((y for y in langkah if y[0] in urutan), key=lambda y: urutan[y[0]]):
        if j == "bagian_hapus":
            semua = bj.bagian(data)
            semua.pop(x, None)
            data = bj.susun(semua)
        elif j == "bagian_tambah":
            data = bj.susun({**bj.bagian(data), x[0]: x[1]})
        elif j == "nama" and bj.SHEET_DATA in bj.bagian(data):
            data = bj.lembar_bernama_lain(data)
        elif j == "bit":
            b = bytearray(data)
            b[x[0] % len(b)] ^= x[1]
            data = bytes(b)
        elif j == "potong":
            data = data[: max(1, int(len(data) * x))]
    return data


def _sama(v: Any, harap: Any) -> bool:
    if harap is None:
        return v is None or (isinstance(v, str) and not v.strip())
    if isinstance(harap, str):
        return isinstance(v, str) and " ".join(v.split()) == " ".join(harap.split())
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isclose(v, harap)


def utuh_dan_wajar(data: bytes, r: Renstra, df: pd.DataFrame) -> None:
    """The oracle for an accepted file, read with openpyxl (not our reader): prefilled cells intact, values in bounds."""
    isi = isi_templat(r, TAHUN)
    wb = load_workbook(io.BytesIO(data))
    assert set(wb.sheetnames) == {LEMBAR_MANIFEST, LEMBAR_DATA}
    ws = wb[LEMBAR_DATA]
    for (n, j), harap in isi.data.items():
        assert _sama(ws.cell(row=n, column=j).value, harap), (n, j)
    for (n, j), harap in isi.manifest.items():
        assert _sama(wb[LEMBAR_MANIFEST].cell(row=n, column=j).value, harap), ("manifest", n, j)
    tahun_ini = r.rencana[r.rencana["tahun"] == TAHUN]
    terbesar = pagu_terbesar(tahun_ini)
    baris = tahun_ini.set_index(["item_id", "indikator_ke"])
    for _, x in df.iterrows():
        b = baris.loc[(x["item_id"], x["indikator_ke"])]
        batas = batas_baris(b, terbesar)
        if not pd.isna(x["realisasi"]):
            assert 0 <= x["realisasi"] <= batas.realisasi
        if not pd.isna(x["realisasi_rp"]):
            assert batas.realisasi_rp is not None and 0 <= x["realisasi_rp"] <= batas.realisasi_rp


@pytest.fixture(scope="module")
def templat(renstra: Renstra) -> bytes:
    return buat_templat(renstra, TAHUN)


@pytest.fixture(scope="module")
def gudang(tmp_path_factory: pytest.TempPathFactory) -> Gudang:
    return Gudang(f"sqlite:///{Path(tmp_path_factory.mktemp('sifat')) / 'realisasi.sqlite'}")


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(langkah=mutasi())
@example(langkah=[("isi", (4, 8, 0.0)), ("bagian_hapus", "xl/styles.xml")])  # found once: styles part removed
def test_mutated_template_is_refused_in_indonesian_or_accepted_intact(
    renstra: Renstra, templat: bytes, gudang: Gudang, langkah: list[tuple[str, Any]]
) -> None:
    data = terapkan(templat, langkah)
    sebelum = gudang.versi_terakhir()
    try:
        p = alur.periksa(data, renstra, TAHUN, ADMIN, gudang, "mutasi.xlsx")
    except (UnggahanError, GudangError) as e:
        teks = str(e)
        assert teks and not PYTHON.search(teks), teks
        assert "Berkas 'mutasi.xlsx' ditolak" in teks or isinstance(e, GudangError)
        assert gudang.versi_terakhir() == sebelum  # a refused file changes nothing stored
        event("ditolak")
        return
    event("diterima")
    utuh_dan_wajar(data, renstra, p.rekaman)
    versi = alur.simpan(p, ADMIN, gudang)
    assert versi != sebelum and gudang.versi_terakhir() == versi
    tersimpan = gudang.keadaan().set_index(["tahun", "item_id", "indikator_ke"])
    for _, x in p.rekaman.iterrows():
        baris = tersimpan.loc[(TAHUN, x["item_id"], x["indikator_ke"])]
        for kolom in ("realisasi", "realisasi_rp"):
            if not pd.isna(x[kolom]):
                assert baris[kolom] == x[kolom]


def test_the_oracle_itself_catches_a_changed_cell(renstra: Renstra, templat: bytes) -> None:
    # Guard against an oracle that accepts anything: a target edit must fail it.
    data = terapkan(templat, [("sel", (9, NOMOR_KOLOM["target"], "99 Lokasi")), ("isi", (9, H, 2))])
    with pytest.raises(AssertionError):
        utuh_dan_wajar(data, renstra, pd.DataFrame(columns=["item_id", "indikator_ke", "realisasi", "realisasi_rp"]))
    assert zipfile.is_zipfile(io.BytesIO(data))
