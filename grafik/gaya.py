"""The one chart style: Okabe-Ito palette, Indonesian separators, hover text from ``formatting``.

The colours themselves (palette, greys, predikat ramp) live in ``kosakata``, shared with the
Musrenbang deck; charts take them from there. ``PALET``, ``ABU``, ``ABU_MUDA``, ``warna`` and
``warna_seri`` here are those same objects (older callers); ``warna_predikat`` adds the
"Tanpa capaian" grey of ``metrics.predikat``.

Why hover text is precomputed: plotly's d3 formats cannot write ``Rp 1.800.000.000`` or
``94,95 %`` exactly as ``formatting`` does, and a chart that rounds differently from its
table invites questions in a Musrenbang. So every trace carries its hover lines as
``customdata`` / ``hovertext`` made by ``formatting``, and axes get ticks labelled by it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import plotly.graph_objects as go

import formatting as fmt
import kosakata
from kosakata import ABU as ABU  # "X as X": re-exported for callers of gaya.ABU etc. (module docstring)
from kosakata import ABU_MUDA as ABU_MUDA
from kosakata import PALET
from kosakata import warna as warna
from kosakata import warna_seri as warna_seri
from metrics.predikat import TANPA_PREDIKAT

FONT = "Source Sans Pro, Arial, sans-serif"
TINGGI = 420
TINGGI_PRESENTASI = 480


def warna_predikat(urutan: Sequence[str]) -> dict[str, str]:
    """Predikat name -> colour (``kosakata.warna_predikat``), plus TANPA_PREDIKAT in grey."""
    return kosakata.warna_predikat(urutan, TANPA_PREDIKAT)


def terapkan(fig: go.Figure, judul_x: str = "", judul_y: str = "", tinggi: int = TINGGI) -> go.Figure:
    """Apply the house style in place and return ``fig``."""
    fig.update_layout(
        separators=",.",
        font={"family": FONT, "size": 14, "color": kosakata.TEKS},
        colorway=list(PALET),
        paper_bgcolor=kosakata.PUTIH,
        plot_bgcolor=kosakata.PUTIH,
        height=tinggi,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0, "title": None},
        hoverlabel={"font": {"family": FONT, "size": 14}, "bgcolor": kosakata.PUTIH},
        hovermode="closest",
    )
    fig.update_xaxes(title=judul_x or None, showgrid=False, linecolor=kosakata.GARIS_SUMBU, automargin=True)
    fig.update_yaxes(
        title=judul_y or None, gridcolor=kosakata.GARIS_KISI, zerolinecolor=kosakata.GARIS_SUMBU, automargin=True
    )
    return fig


def sumbu_tahun(fig: go.Figure, sumbu: str = "x") -> go.Figure:
    """Years as categories: ``2020 2021 ...``, never ``2.020,5`` between two ticks."""
    ubah = fig.update_xaxes if sumbu == "x" else fig.update_yaxes
    ubah(type="category")
    return fig


def tahun(nilai: Iterable[Any]) -> list[str]:
    """Year values as axis labels (``2024``, no thousands separator)."""
    return [str(int(v)) for v in nilai]


def besar(fig: go.Figure) -> go.Figure:
    """Presentation variant: larger type and a taller plot, for a projector at the back of a hall."""
    tinggi = max(fig.layout.height or 0, TINGGI_PRESENTASI)  # a tall chart (many bars) stays tall
    fig.update_layout(
        font={"size": 20}, legend={"font": {"size": 16}}, hoverlabel={"font": {"size": 18}}, height=tinggi
    )
    return fig


def _langkah_rapi(maks: float, jumlah: int = 5) -> float:
    """A 1-2-2,5-5 x 10^k step giving about ``jumlah`` ticks up to ``maks``."""
    kasar = maks / jumlah
    pangkat = 10 ** math.floor(math.log10(kasar))
    for kali in (1, 2, 2.5, 5, 10):
        if kasar <= kali * pangkat:
            return kali * pangkat
    return 10 * pangkat


def tik_rupiah(nilai: Iterable[Any]) -> tuple[list[float], list[str]]:
    """Tick positions and ``Rp 1,5 M`` labels covering 0..max(nilai) (negatives too)."""
    angka = [float(v) for v in nilai if v is not None and v == v]
    atas = max([0.0, *angka])
    bawah = min([0.0, *angka])
    rentang = atas - bawah
    if rentang <= 0:
        return [0.0], [fmt.rupiah_ringkas(0)]
    langkah = _langkah_rapi(rentang)
    mulai = math.floor(bawah / langkah) * langkah
    posisi = []
    v = mulai
    while v <= atas + langkah * 0.999:
        posisi.append(round(v, 6))
        v += langkah
    return posisi, [fmt.rupiah_ringkas(p) if p else "0" for p in posisi]


def sumbu_rupiah(fig: go.Figure, nilai: Iterable[Any], sumbu: str = "y") -> go.Figure:
    """Label a Rupiah axis with ``formatting.rupiah_ringkas`` ticks (``Rp 2,0 M``), not d3's ``2G``."""
    posisi, label = tik_rupiah(nilai)
    ubah = fig.update_yaxes if sumbu == "y" else fig.update_xaxes
    ubah(tickmode="array", tickvals=posisi, ticktext=label)
    return fig


def sumbu_persen(fig: go.Figure, sumbu: str = "y") -> go.Figure:
    """A percent axis: ``94,95 %`` style ticks (values are percentages already)."""
    ubah = fig.update_yaxes if sumbu == "y" else fig.update_xaxes
    ubah(ticksuffix=" %", tickformat=",.0f")
    return fig


def hover(*baris: str) -> str:
    """A hovertemplate showing precomputed lines of ``customdata`` (``baris`` are labels)."""
    isi = "<br>".join(
        f"{label}: %{{customdata[{i}]}}" if label else f"%{{customdata[{i}]}}" for i, label in enumerate(baris)
    )
    return isi + "<extra></extra>"
