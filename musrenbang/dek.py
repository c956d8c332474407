"""The Musrenbang deck (.pptx): one slide per ``Slaid``, native and editable PowerPoint charts.

Why native charts: staff edit the deck before the meeting (a colour, a title, a bar), and a
picture cannot be edited. Every chart keeps its data in the deck's embedded workbook.

Indonesian numbers, how:

- **Series values are the exact numbers of the Slaid data** (Rupiah to the rupiah, capaian to
  the last decimal), so what the deck says can be checked against the dashboard. Nothing is
  rounded or divided in the data.
- **Data labels are custom per-point text** from ``formatting`` (``Rp 1,8 M``, ``94,95 %``,
  ``12``): the viewer's locale cannot turn them into English separators.
- **The value axis is scaled by its number format only**: Rupiah above a miliar use
  ``#,##0.0,,,`` (each trailing comma divides by 1.000) under the axis title "miliar Rp (...)";
  above a juta ``#,##0,,`` under "juta Rp (...)", the parentheses holding
  ``formatting.KETERANGAN_SATUAN`` (``kosakata.judul_rupiah``: data labels may say M or jt
  either way). Excel-style format codes
  are stored with ``,`` and ``.`` but PowerPoint and LibreOffice show them with the viewer's own
  separators, so an Indonesian machine shows ``15,2``; no code here writes an English one.
- Percentages are already percentages (94.95, not 0.9495): axis format ``0" %"``.

Table slides use native tables with cells from ``formatting.sel``; a table too long for one
slide continues on the next ones, titled "(lanjutan)". A slide without data shows its
``pesan`` instead of a chart or an empty table. Every slide carries its source line at the
bottom. The deck is built in memory; nothing is written to disk.
"""

from __future__ import annotations

import io
import logging
import math
from collections.abc import Sequence
from typing import Any

import pandas as pd
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_PATTERN
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

import formatting as fmt
import kosakata
from musrenbang import isi
from musrenbang.isi import Grafik, Slaid

MIME_PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
JENIS_XL = {
    "batang": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "batang_bertumpuk": XL_CHART_TYPE.COLUMN_STACKED,
    "batang_horizontal": XL_CHART_TYPE.BAR_CLUSTERED,
    "garis": XL_CHART_TYPE.LINE_MARKERS,
    "donat": XL_CHART_TYPE.DOUGHNUT,
}
_POSISI_LABEL = {
    "batang": XL_LABEL_POSITION.OUTSIDE_END,
    "batang_bertumpuk": XL_LABEL_POSITION.CENTER,
    "batang_horizontal": XL_LABEL_POSITION.OUTSIDE_END,
    "garis": XL_LABEL_POSITION.ABOVE,
}
KUNCI_JUDUL = "judul"
PETA_GAGAL = "Peta tidak dapat digambar di server ini; angkanya ada di lembar Excel slaid ini."
_PETA_PIKSEL = (1200, 675)  # the figure's size (16:9), drawn at twice that for a sharp projector
_LOG = logging.getLogger(__name__)
LANJUTAN = "(lanjutan)"
BARIS_PER_SLAID = 12  # at most; fewer when the cells are long (see _potong)

_LEBAR, _TINGGI = Emu(12_192_000), Emu(6_858_000)  # 13,333 × 7,5 inch: 16:9 exactly
_KIRI, _LEBAR_ISI = Inches(0.5), Inches(12.333)
_ATAS_ISI, _TINGGI_ISI = Inches(1.35), Inches(5.45)
_ATAS_SUMBER, _TINGGI_SUMBER = Inches(6.85), Inches(0.6)
_ANGKA_KANAN = {"rupiah", "rupiah_ringkas", "persen", "angka", "bulat", "tahun"}
# Table text at 10 pt, measured on LibreOffice's DejaVu Sans (wider than PowerPoint's Calibri, so
# an estimate that fits there fits everywhere): a character is at most 0,08 inch wide, but text
# wrapped at word boundaries uses about 0,095 inch a character; a line is 0,175 inch. Erring high
# only moves a row to the next slide; erring low would run the table into the source line.
_INCI_PER_HURUF, _INCI_LIPAT, _INCI_PER_BARIS, _INCI_SEL = 0.08, 0.095, 0.175, 0.12


def dek_pptx(slaid: Sequence[Slaid]) -> bytes:
    """The deck as .pptx bytes: 16:9, one slide per Slaid (long tables continue on extra slides)."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = _LEBAR, _TINGGI
    for s in slaid:
        if s.kunci == KUNCI_JUDUL:
            _slaid_judul(prs, s)
        elif s.data.empty:
            _slaid_pesan(prs, s)
        elif s.grafik is not None and s.grafik.jenis == "peta":
            _slaid_peta(prs, s, s.grafik)
        elif s.grafik is not None:
            _slaid_grafik(prs, s, s.grafik)
        else:
            for i, potongan in enumerate(_potong(s)):
                _slaid_tabel(prs, s, s.data.iloc[potongan], lanjutan=i > 0)
    keluaran = io.BytesIO()
    prs.save(keluaran)
    return keluaran.getvalue()


# --- frame of every slide ---------------------------------------------------------------------


def _baru(prs: Any, judul: str) -> Any:
    """A "Title Only" slide with the title across the top of a 16:9 page (the template is 4:3)."""
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    t = slide.shapes.title
    t.left, t.top, t.width, t.height = _KIRI, Inches(0.25), _LEBAR_ISI, Inches(1.0)
    t.text = judul
    t.text_frame.word_wrap = True
    t.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    for p in t.text_frame.paragraphs:
        p.alignment = PP_ALIGN.LEFT
        for run in p.runs:
            run.font.size, run.font.bold = Pt(26 if len(judul) <= 70 else 22), True
    return slide


def _kotak_teks(slide: Any, teks: str, atas: int, tinggi: int, ukuran: int, nama: str, warna: Any = None) -> Any:
    kotak = slide.shapes.add_textbox(_KIRI, atas, _LEBAR_ISI, tinggi)
    kotak.name = nama
    tf = kotak.text_frame
    tf.word_wrap = True
    tf.text = teks
    for p in tf.paragraphs:
        for run in p.runs:
            run.font.size = Pt(ukuran)
            if warna is not None:
                run.font.color.rgb = warna
    return kotak


def _sumber(slide: Any, s: Slaid) -> None:
    """The source line at the bottom of every slide (shape name "Sumber")."""
    _kotak_teks(slide, s.sumber, _ATAS_SUMBER, _TINGGI_SUMBER, 11, "Sumber", _rgb(kosakata.TEKS_LEMAH))


# --- kinds of slide ---------------------------------------------------------------------------


def _slaid_judul(prs: Any, s: Slaid) -> None:
    """Title slide: the title, then the identity table's rows as lines ("Tahun: <tahun>")."""
    slide = prs.slides.add_slide(prs.slide_layouts[0])
    t = slide.shapes.title
    t.left, t.top, t.width, t.height = _KIRI, Inches(1.4), _LEBAR_ISI, Inches(1.5)
    t.text = s.judul
    for run in t.text_frame.paragraphs[0].runs:
        run.font.size, run.font.bold = Pt(36), True
    sub = slide.placeholders[1]
    sub.left, sub.top, sub.width, sub.height = _KIRI, Inches(3.1), _LEBAR_ISI, Inches(3.4)
    tf = sub.text_frame
    tf.word_wrap = True
    baris = [": ".join(fmt.sel(v, s.kolom[c].jenis) for c, v in zip(s.data.columns, r, strict=True))
             for r in s.data.itertuples(index=False, name=None)]  # fmt: skip
    tf.text = "\n".join(baris)
    for p in tf.paragraphs:
        for run in p.runs:
            run.font.size = Pt(18)
    _sumber(slide, s)


def _slaid_pesan(prs: Any, s: Slaid) -> None:
    """Nothing to chart: the message, large, where the chart would be."""
    slide = _baru(prs, s.judul)
    _kotak_teks(slide, s.pesan or "Tidak ada data untuk ditampilkan.", Inches(2.4), Inches(2.5), 24, "Pesan")
    _sumber(slide, s)


def _sumbu(satuan: str, terbesar: float) -> tuple[str, str, float]:
    """(number format, axis title, major unit) of the value axis; scaling only through the format.

    Formats carry no separator at all ("0,,," = value ÷ 10⁹, shown as 16), so no locale can show
    an English one, and the major unit is a whole number of the shown unit (1, 2, 5 × 10ⁿ).
    """
    if satuan == "rupiah" and terbesar >= 4e9:
        pola, judul, skala = "0,,,", kosakata.judul_rupiah(satuan="miliar Rp"), 1e9
    elif satuan == "rupiah" and terbesar >= 4e6:
        pola, judul, skala = "0,,", kosakata.judul_rupiah(satuan="juta Rp"), 1e6
    elif satuan == "rupiah":
        pola, judul, skala = "0", "Rp", 1.0
    elif satuan == "persen":
        pola, judul, skala = '0" %"', "persen (%)", 1.0
    else:
        pola, judul, skala = "0", "jumlah", 1.0
    return pola, judul, _langkah(terbesar / skala / 5) * skala


def _langkah(target: float) -> float:
    """The smallest 1, 2 or 5 × 10ⁿ (n ≥ 0) not below ``target``: whole-number ticks."""
    basis = 1.0
    while True:
        for kali in (1, 2, 5):
            if basis * kali >= target:
                return basis * kali
        basis *= 10


def _slaid_grafik(prs: Any, s: Slaid, g: Grafik) -> None:
    """A native chart of ``g.seri`` over ``g.kategori``, labelled in Indonesian."""
    slide = _baru(prs, s.judul)
    nilai = {c: isi.nilai_seri(s, c) for c in g.seri}
    ada = [abs(v) for vs in nilai.values() for v in vs if v is not None]
    pola, judul_sumbu, langkah = _sumbu(g.satuan, max(ada, default=0))
    data = CategoryChartData(number_format=pola)
    data.categories = isi.kategori_grafik(s)
    for c in g.seri:
        data.add_series(s.kolom[c].label, nilai[c])
    bingkai = slide.shapes.add_chart(JENIS_XL[g.jenis], _KIRI, _ATAS_ISI, _LEBAR_ISI, _TINGGI_ISI, data)
    bingkai.name = f"Grafik {s.kunci}"
    chart = bingkai.chart
    chart.has_title = False  # the slide title says it
    chart.font.size = Pt(12)
    chart.has_legend = len(g.seri) > 1 or g.jenis == "donat"
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    for seri, c in zip(chart.plots[0].series, g.seri, strict=True):
        for i, teks in enumerate(isi.label_titik(s, c)):
            if teks is None:
                continue
            label = seri.points[i].data_label
            label.text_frame.text = teks
            label.text_frame.paragraphs[0].runs[0].font.size = Pt(11)
            if g.jenis in _POSISI_LABEL:
                label.position = _POSISI_LABEL[g.jenis]
    _warnai(chart, s, g)
    if g.jenis != "donat":
        sumbu = chart.value_axis
        sumbu.has_major_gridlines = True
        sumbu.tick_labels.number_format = pola
        sumbu.tick_labels.number_format_is_linked = False
        sumbu.major_unit = langkah
        sumbu.has_title = True
        sumbu.axis_title.text_frame.text = judul_sumbu
        if all(v >= 0 for v in ada):
            sumbu.minimum_scale = 0
        if g.jenis == "batang_horizontal":
            chart.category_axis.reverse_order = True  # first row at the top, as in the table
    _sumber(slide, s)


def _slaid_peta(prs: Any, s: Slaid, g: Grafik) -> None:
    """The kelurahan map as a picture (shape "Peta <kunci>"), drawn by kaleido from the dashboard's own
    figure (``grafik.peta``): PowerPoint has no native map chart. The values are in the workbook's sheet.

    If the picture cannot be drawn (no chromium on the server), the slide says so and the pack is
    still built; the cause goes to the server log.
    """
    from grafik import peta as grafik_peta

    slide = _baru(prs, s.judul)
    try:
        if s.peta is None:
            raise ValueError("slaid peta tanpa batas kelurahan")
        fig = grafik_peta.slaid(s.data, s.peta, g.seri[0], g.satuan, s.kolom[g.seri[0]].label, s.sorot)
        gambar = grafik_peta.png(fig, *_PETA_PIKSEL)
    except Exception:  # kaleido/chromium missing or failing: the pack is still made
        _LOG.exception("peta Musrenbang tidak dapat digambar")
        _kotak_teks(slide, PETA_GAGAL, Inches(2.4), Inches(2.5), 20, "Pesan")
    else:
        tinggi = _TINGGI_ISI
        lebar = int(tinggi * _PETA_PIKSEL[0] / _PETA_PIKSEL[1])
        kiri = _KIRI + (_LEBAR_ISI - lebar) // 2
        foto = slide.shapes.add_picture(io.BytesIO(gambar), kiri, _ATAS_ISI, lebar, tinggi)
        foto.name = f"Peta {s.kunci}"
    _sumber(slide, s)


def _rgb(hex_: str) -> RGBColor:
    return RGBColor.from_string(hex_.lstrip("#"))


def _warnai(chart: Any, s: Slaid, g: Grafik) -> None:
    """Colours of ``kosakata`` (Okabe-Ito, colour-blind safe), as on the dashboard. Doughnut: the
    scope's slice in colour, the aggregate of the others grey. Bars: a pagu summed from rincian
    hatched, as on the dashboard."""
    semua = chart.plots[0].series
    if g.jenis == "donat":
        for i, titik in enumerate(semua[0].points):
            titik.format.fill.solid()
            titik.format.fill.fore_color.rgb = _rgb(kosakata.PALET[0] if i == 0 else kosakata.ABU)
        return
    for j, seri in enumerate(semua):
        warna = _rgb(kosakata.warna(j))
        if g.jenis == "garis":
            seri.format.line.color.rgb = warna
            continue
        seri.format.fill.solid()
        seri.format.fill.fore_color.rgb = warna
        for i, rincian in enumerate(isi.titik_rincian(s)):
            if rincian:
                isian = seri.points[i].format.fill
                isian.patterned()
                isian.pattern = MSO_PATTERN.WIDE_UPWARD_DIAGONAL
                isian.fore_color.rgb, isian.back_color.rgb = warna, _rgb(kosakata.PUTIH)


# --- tables -----------------------------------------------------------------------------------


def _teks_tabel(s: Slaid, data: pd.DataFrame) -> list[list[str]]:
    return [[fmt.sel(v, s.kolom[c].jenis) for c, v in zip(data.columns, r, strict=True)]
            for r in data.itertuples(index=False, name=None)]  # fmt: skip


def _lebar_kolom(s: Slaid) -> list[float]:
    """Column widths in inches over the whole table (every continuation slide alike).

    Each column is at least as wide as its longest word, and a number column as its longest
    number (numbers never wrap); the rest goes to the text columns by their longest text.
    """
    teks = _teks_tabel(s, s.data)
    minimum, bobot = [], []
    for j, (judul, jenis) in enumerate(s.kolom.values()):
        sel = [r[j] for r in teks]
        kata = max((len(w) for t in [judul, *sel] for w in t.split()), default=1)
        if jenis in _ANGKA_KANAN:
            kata = max([kata, *(len(t) for t in sel)])
        minimum.append(min(kata, 18) * _INCI_PER_HURUF + _INCI_SEL + 0.05)
        bobot.append(0 if jenis in _ANGKA_KANAN else min(max((len(t) for t in sel), default=1), 60))
    total = _LEBAR_ISI / 914400
    sisa = total - sum(minimum)
    if sisa <= 0:
        return [m * total / sum(minimum) for m in minimum]
    if not any(bobot):
        bobot = [1] * len(minimum)
    return [m + sisa * b / sum(bobot) for m, b in zip(minimum, bobot, strict=True)]


def _tinggi_baris(teks: list[str], lebar: list[float]) -> float:
    """Estimated height (inches) of a row whose cells wrap at their column widths."""
    baris = max(
        math.ceil(len(t) * _INCI_LIPAT / max(w - _INCI_SEL, 0.2)) or 1 for t, w in zip(teks, lebar, strict=True)
    )
    return baris * _INCI_PER_BARIS + 0.08


def _potong(s: Slaid) -> list[list[int]]:
    """Row positions per slide: no more than fits the slide's height nor BARIS_PER_SLAID, and
    spread evenly (13 rows are 7 + 6, not 12 + 1)."""
    lebar = _lebar_kolom(s)
    tinggi = [_tinggi_baris(r, lebar) for r in _teks_tabel(s, s.data)]
    muat = _TINGGI_ISI / 914400 - _tinggi_baris([k.label for k in s.kolom.values()], lebar)

    def isi_halaman(paling_banyak: int) -> list[list[int]]:
        halaman: list[list[int]] = [[]]
        terisi = 0.0
        for i, t in enumerate(tinggi):
            if halaman[-1] and (len(halaman[-1]) >= paling_banyak or terisi + t > muat):
                halaman.append([])
                terisi = 0.0
            halaman[-1].append(i)
            terisi += t
        return halaman

    rakus = isi_halaman(BARIS_PER_SLAID)
    rata = isi_halaman(math.ceil(len(tinggi) / len(rakus)))
    return rata if len(rata) == len(rakus) else rakus


def _slaid_tabel(prs: Any, s: Slaid, data: pd.DataFrame, lanjutan: bool) -> None:
    """A native table of ``data`` (a slice of the Slaid's rows), header from ``kolom``."""
    slide = _baru(prs, f"{s.judul} {LANJUTAN}" if lanjutan else s.judul)
    lebar = _lebar_kolom(s)
    teks = _teks_tabel(s, data)
    bingkai = slide.shapes.add_table(
        len(teks) + 1, len(s.kolom), _KIRI, _ATAS_ISI, _LEBAR_ISI, Inches(0.3) * (len(teks) + 1)
    )
    bingkai.name = f"Tabel {s.kunci}"
    tabel = bingkai.table
    for j, w in enumerate(lebar):
        tabel.columns[j].width = Emu(int(w * 914400))
    jenis = [s.kolom[c].jenis for c in data.columns]
    for i, baris in enumerate([[k.label for k in s.kolom.values()], *teks]):
        for j, teks_sel in enumerate(baris):
            sel = tabel.cell(i, j)
            sel.margin_left = sel.margin_right = Inches(0.05)
            sel.margin_top = sel.margin_bottom = Inches(0.03)
            sel.text = teks_sel
            p = sel.text_frame.paragraphs[0]
            if i and jenis[j] in _ANGKA_KANAN:
                p.alignment = PP_ALIGN.RIGHT
            for run in p.runs:
                run.font.size = Pt(10)
                run.font.bold = i == 0
    _sumber(slide, s)
