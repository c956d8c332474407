"""musrenbang.dek: the .pptx read back with python-pptx, checked against the Slaid data and the metrics."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

import pandas as pd
import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE

from loaders.renstra import Renstra
from musrenbang import dek, isi
from sajian import kelurahan as sajian_kelurahan
from sajian import kinerja, ringkasan
from tests.test_musrenbang_isi import nama_kelurahan_lain, riwayat_sintetis, susun_daftar, tersimpan_sintetis

_DEK: dict[tuple[int, str | None], tuple[list[isi.Slaid], Any]] = {}


def dek_dari(r: Renstra, tahun: int, kelurahan: str | None = None) -> tuple[list[isi.Slaid], Any]:
    """The slides and their deck opened with python-pptx (built once per scope and year)."""
    if (tahun, kelurahan) not in _DEK:
        slaid = susun_daftar(r, tahun, kelurahan)
        _DEK[(tahun, kelurahan)] = (slaid, Presentation(io.BytesIO(dek.dek_pptx(slaid))))
    return _DEK[(tahun, kelurahan)]


def pasangan(slaid: list[isi.Slaid], prs: Any) -> Iterator[tuple[isi.Slaid, Any, bool]]:
    """(Slaid, pptx slide, is a continuation) in order; a long table's extra slides follow it."""
    halaman = iter(prs.slides)
    for s in slaid:
        jumlah = len(dek._potong(s)) if s.grafik is None and not s.data.empty and s.kunci != dek.KUNCI_JUDUL else 1
        for i in range(jumlah):
            yield s, next(halaman), i > 0
    assert next(halaman, None) is None, "more pptx slides than Slaid pages"


def grafik(slide: Any) -> list[Any]:
    return [sh.chart for sh in slide.shapes if sh.has_chart]


def _nilai(v: Any) -> float | None:
    return None if v is None or pd.isna(v) else float(v)


@pytest.mark.parametrize(
    ("tahun", "kelurahan"), [(2020, None), (2023, None), (2023, "Pakistaji"), (2020, "Sumber Taman")]
)
def test_slaid_sumber_grafik_asli_dan_nilai(renstra: Renstra, tahun: int, kelurahan: str | None) -> None:
    slaid, prs = dek_dari(renstra, tahun, kelurahan)
    assert prs.slide_width * 9 == prs.slide_height * 16  # 16:9
    jumlah_grafik = 0
    for s, slide, lanjutan in pasangan(slaid, prs):
        teks = {sh.name: sh.text_frame.text for sh in slide.shapes if sh.has_text_frame}
        assert teks["Sumber"] == s.sumber, s.kunci
        judul = slide.shapes.title.text_frame.text
        assert judul == (f"{s.judul} {dek.LANJUTAN}" if lanjutan else s.judul)
        gambar = [sh for sh in slide.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]
        if s.grafik is not None and s.grafik.jenis == "peta":  # PowerPoint has no map chart (tests/test_peta.py)
            assert [sh.name for sh in gambar] == ["Peta peta"] and grafik(slide) == [], s.kunci
            continue
        assert not gambar, "charts are never pictures"
        charts = grafik(slide)
        if s.grafik is None or s.data.empty:
            assert charts == [], s.kunci
            continue
        (chart,) = charts
        jumlah_grafik += 1
        assert chart.chart_type == dek.JENIS_XL[s.grafik.jenis]
        plot = chart.plots[0]
        assert list(plot.categories) == isi.kategori_grafik(s)
        for seri, kolom in zip(plot.series, s.grafik.seri, strict=True):
            assert seri.name == s.kolom[kolom][0]
            assert [_nilai(v) for v in seri.values] == [_nilai(v) for v in s.data[kolom]], s.kunci
            label = [p.data_label.text_frame.text if p.data_label.has_text_frame else None
                     for p in (seri.points[i] for i in range(len(s.data)))]  # fmt: skip
            assert label == isi.label_titik(s, kolom)
        if s.grafik.jenis != "donat":
            pola = chart.value_axis.tick_labels.number_format
            assert "." not in pola and not re.search(r"0,0|#,#", pola), "no digit grouping: no English separators"
    assert jumlah_grafik >= 3


def test_grafik_sama_dengan_metrics(renstra: Renstra) -> None:
    def seri(slaid: list[isi.Slaid], prs: Any, kunci: str) -> list[float | None]:
        for s, slide, _ in pasangan(slaid, prs):
            if s.kunci == kunci:
                return [_nilai(v) for v in grafik(slide)[0].plots[0].series[0].values]
        raise AssertionError(kunci)

    kec, prs = dek_dari(renstra, 2020)
    assert seri(kec, prs, "pagu-tahun") == [float(v) for v in ringkasan.pagu_per_tahun(renstra)["pagu"]]
    assert seri(kec, prs, "pagu-program") == [float(v) for v in ringkasan.pagu_program_tahun(renstra, 2020)["pagu"]]
    c = kinerja.capaian_tahun(renstra, 2020)
    assert seri(kec, prs, "capaian") == [_nilai(v) for v in c.loc[c["realisasi"].notna(), "capaian"]]
    assert seri(kec, prs, "pagu-tahun")[3] == 12_919_408_803  # 2023, the document's four programs summed

    pak, prs = dek_dari(renstra, 2023, "Pakistaji")
    assert seri(pak, prs, "pagu-tahun") == [
        float(v) for v in sajian_kelurahan.pagu_kelurahan(renstra, "Pakistaji")["pagu"]
    ]
    p = sajian_kelurahan.pagu_per_tahun(renstra)
    p = p[p["tahun"].eq(2023)]
    sendiri = float(p.loc[p["kelurahan"].eq("Pakistaji"), "pagu"].iloc[0])
    assert sendiri == 320_374_395
    assert seri(pak, prs, "pangsa-kelurahan") == [sendiri, float(p["pagu"].sum()) - sendiri]


def test_jenis_grafik_asli_per_jenis(renstra: Renstra) -> None:
    """Every Grafik.jenis becomes its native PowerPoint chart type (the pack itself uses three); the map
    ("peta") is a picture instead (tests/test_peta.py)."""
    dasar = next(s for s in susun_daftar(renstra, 2023) if s.kunci == "pagu-tahun")
    slaid = [isi.Slaid(dasar.kunci, j, dasar.sumber, dasar.data, dasar.kolom, isi.Grafik(j, "tahun", ("pagu",), "rupiah"))
             for j in isi.JENIS_GRAFIK if j != "peta"]  # fmt: skip
    prs = Presentation(io.BytesIO(dek.dek_pptx(slaid)))
    jenis = [grafik(slide)[0].chart_type for slide in prs.slides]
    assert jenis == [XL_CHART_TYPE.COLUMN_CLUSTERED, XL_CHART_TYPE.COLUMN_STACKED, XL_CHART_TYPE.BAR_CLUSTERED,
                     XL_CHART_TYPE.LINE_MARKERS, XL_CHART_TYPE.DOUGHNUT]  # fmt: skip
    sumbu = grafik(prs.slides[0])[0].value_axis
    assert sumbu.tick_labels.number_format == "0,,,"  # shown in miliar, the stored values stay in Rupiah
    assert sumbu.axis_title.text_frame.text == "miliar Rp (M = miliar (10⁹), jt = juta (10⁶))"
    label = grafik(prs.slides[0])[0].plots[0].series[0].points[3].data_label.text_frame.text
    assert label == "Rp 12,9 M"


def _teks_berkas(data: bytes) -> str:
    """All text of every XML part of an Office file, embedded workbooks included."""
    bagian = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for nama in z.namelist():
            isi_berkas = z.read(nama)
            if nama.endswith(".xml"):
                bagian.append(re.sub(r"<[^>]+>", " ", isi_berkas.decode("utf-8")))
            elif nama.endswith(".xlsx"):
                bagian.append(_teks_berkas(isi_berkas))
    return "\n".join(bagian)


@pytest.mark.parametrize("tahun", [2020, 2023])
@pytest.mark.parametrize(
    "kelurahan", ["Wonoasih", "Pakistaji", "Jrebeng Kidul", "Kedung Asem", "Kedung Galeng", "Sumber Taman"]
)
def test_dek_kelurahan_tanpa_kelurahan_lain(renstra: Renstra, kelurahan: str, tahun: int) -> None:
    data = dek.dek_pptx(isi.susun(renstra, tahun, kelurahan, tersimpan_sintetis(), riwayat_sintetis()))
    teks = _teks_berkas(data)
    assert kelurahan in teks
    assert nama_kelurahan_lain(renstra, kelurahan, teks) == []


def test_tahun_tanpa_realisasi_pesan_tanpa_grafik(renstra: Renstra) -> None:
    slaid, prs = dek_dari(renstra, 2023)
    for s, slide, _ in pasangan(slaid, prs):
        if s.kunci in ("capaian", "serapan"):
            teks = {sh.name: sh.text_frame.text for sh in slide.shapes if sh.has_text_frame}
            assert teks["Pesan"] == s.pesan and "bukan 0 %" in s.pesan
            assert grafik(slide) == [] and not any(sh.has_table for sh in slide.shapes)


def test_tabel_panjang_berlanjut(renstra: Renstra) -> None:
    slaid, prs = dek_dari(renstra, 2023)
    s = next(x for x in slaid if x.kunci == "sub-kegiatan")
    tabel = [sh.table for x, slide, _ in pasangan(slaid, prs) if x is s for sh in slide.shapes if sh.has_table]
    assert len(tabel) >= 3  # 44 rows do not fit one slide
    assert all(len(t.rows) - 1 <= dek.BARIS_PER_SLAID for t in tabel)
    baris = [[t.cell(i, j).text for j in range(len(t.columns))] for t in tabel for i in range(1, len(t.rows))]
    assert len(baris) == len(s.data)
    assert [t.cell(0, 1).text for t in tabel] == ["Sub kegiatan"] * len(tabel)  # header on every page
    pakistaji = next(b for b in baris if b[1] == "Pemberdayaan Masyarakat Di Kelurahan (sub unit Pakistaji)")
    assert pakistaji[list(s.kolom).index("pagu")] == "Rp 160.800.000"  # document line 1209


def test_unggahan_sintetis_di_dek(renstra: Renstra) -> None:
    slaid = isi.susun(renstra, 2023, None, tersimpan_sintetis(), riwayat_sintetis())
    prs = Presentation(io.BytesIO(dek.dek_pptx(slaid)))
    for s, slide, _ in pasangan(slaid, prs):
        if s.kunci == "capaian":
            (chart,) = grafik(slide)
            assert list(chart.plots[0].series[0].values) == [80.0, 100.0]
            assert "realisasi diunggah 12 November 2026" in s.sumber
