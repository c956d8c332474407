"""The kelurahan map: a choropleth drawn as filled shapes on plain axes, no basemap tiles.

Why not ``go.Choropleth`` / ``go.Choroplethmap``: the first asks a CDN for its base topojson
even when the base map is hidden (offline it draws nothing), the second needs WebGL and draws
nothing headless. Filled cartesian shapes (``go.Scatter(fill="toself")``) draw the same in any
browser, offline, and in kaleido (the Musrenbang slide's picture).

Lon/lat are drawn as x/y with the x scale shrunk by cos(latitude), so shapes keep their true
proportions at the kecamatan's latitude. Colours are classes of ``kosakata.SKALA_URUT`` (one
hue, light to dark: colour-blind safe), each named in the legend with its values formatted by
``formatting``; a kelurahan without a value is grey and says so. Each kelurahan has its name at
its centre; hovering the shape or the name shows the formatted value, and the name is a point
a click or a box selection picks (``customdata[0]`` is the kelurahan).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

import formatting as fmt
import kosakata
from grafik import gaya
from loaders.peta import Peta

FORMAT = {"rupiah": fmt.rupiah_ringkas, "persen": fmt.persen, "bulat": fmt.angka, "angka": fmt.angka}
FORMAT_HOVER = {"rupiah": fmt.rupiah, "persen": fmt.persen, "bulat": fmt.angka, "angka": fmt.angka}
MAKS_KELAS = len(kosakata.SKALA_URUT)
TANPA_NILAI = "tidak ada nilai"
TINGGI_KECIL = 320  # the small map beside other charts (Ringkasan)


def kelas(nilai: Sequence[float | None], jenis: str) -> tuple[list[int | None], list[str], list[str]]:
    """Colour classes of ``nilai``: (class of each value or None, colour per class, label per class).

    Up to five distinct values: one class each, labelled with the value. More: five classes of
    equal width between the smallest and largest value, labelled ``a – b``. Colours spread over
    ``kosakata.SKALA_URUT`` from light (low) to dark (high).
    """
    tulis = FORMAT.get(jenis, fmt.angka)
    ada = sorted({float(v) for v in nilai if v is not None})
    if not ada:
        return [None] * len(nilai), [], []
    if len(ada) <= MAKS_KELAS:
        indeks = [None if v is None else ada.index(float(v)) for v in nilai]
        label = [tulis(v) for v in ada]
    else:
        bawah, atas = ada[0], ada[-1]
        lebar = (atas - bawah) / MAKS_KELAS
        batas = [bawah + lebar * i for i in range(MAKS_KELAS + 1)]
        indeks = [None if v is None else min(int((float(v) - bawah) / lebar), MAKS_KELAS - 1) for v in nilai]
        label = [f"{tulis(batas[i])} – {tulis(batas[i + 1])}" for i in range(MAKS_KELAS)]
    n = len(label)
    warna = [kosakata.SKALA_URUT[round(i * (MAKS_KELAS - 1) / (n - 1)) if n > 1 else 2] for i in range(n)]
    return indeks, warna, label


def peta(
    df: pd.DataFrame,
    batas: Peta,
    kolom: str,
    jenis: str,
    judul: str,
    sorot: str | None = None,
    tinggi: int = gaya.TINGGI,
    dengan_nilai: bool = False,
    tanpa_nilai: str = TANPA_NILAI,
) -> go.Figure:
    """The map of ``df[kolom]`` per ``df["kelurahan"]`` (a kelurahan absent from ``df`` or NA is grey).

    ``jenis`` is the column's kind (``rupiah``, ``persen``, ``bulat``) for labels, ``judul`` names the
    measure in the legend, ``sorot`` outlines one kelurahan, ``dengan_nilai`` writes each value under its
    name (a still picture has no hover), ``tanpa_nilai`` names the grey shapes in the legend and on hover.
    """
    nilai_per = {str(k): (None if pd.isna(v) else float(v)) for k, v in zip(df["kelurahan"], df[kolom], strict=True)}
    urutan = [b.kelurahan for b in batas.batas]
    nilai = [nilai_per.get(k) for k in urutan]
    indeks, warna, label = kelas(nilai, jenis)
    hover = FORMAT_HOVER.get(jenis, fmt.angka)
    # Layout first, traces last and at once: each layout change after the traces costs plotly a pass
    # over every trace (about 0,1 s for this figure).
    fig = _tata(go.Figure(), batas, judul, tinggi)
    jejak = []
    legenda: set[int | None] = set()
    for b, v, i in zip(batas.batas, nilai, indeks, strict=True):
        isian = kosakata.ABU_MUDA if i is None else warna[i]
        teks = f"{b.kelurahan}: {hover(v) if v is not None else tanpa_nilai}"
        x, y = _jalur(b.cincin)
        jejak.append(
            go.Scatter(
                x=x, y=y, mode="lines", fill="toself", fillcolor=isian,
                line={"color": kosakata.HITAM if b.kelurahan == sorot else kosakata.PUTIH,
                      "width": 3 if b.kelurahan == sorot else 1.2},
                name=tanpa_nilai if i is None else label[i], legendgroup=f"kelas-{i}",
                legendrank=1000 if i is None else i, showlegend=i not in legenda,
                hoveron="fills", text=teks, hoverinfo="text", meta=b.kode,
            )
        )  # fmt: skip
        legenda.add(i)
    ringkas = FORMAT.get(jenis, fmt.angka) if dengan_nilai else None
    jejak.append(_nama(batas, nilai, ringkas, lambda v: hover(v) if v is not None else tanpa_nilai, sorot))
    return fig.add_traces(jejak)


def _jalur(cincin: Sequence[Sequence[tuple[float, float]]]) -> tuple[list[float | None], list[float | None]]:
    """All rings of one kelurahan as one path, rings separated by a gap (None)."""
    x: list[float | None] = []
    y: list[float | None] = []
    for c in cincin:
        if x:
            x.append(None)
            y.append(None)
        x += [p[0] for p in c]
        y += [p[1] for p in c]
    return x, y


def _nama(
    batas: Peta,
    nilai: list[float | None],
    ringkas: Callable[[Any], str] | None,
    hover: Callable[[Any], str],
    sorot: str | None,
) -> go.Scatter:
    """The names at the centres: the points a click or box selection picks, with the value on hover."""
    nama = [f"<b>{b.kelurahan}</b>" if b.kelurahan == sorot else b.kelurahan for b in batas.batas]
    if ringkas is not None:
        nama = [f"{n}<br>{ringkas(v)}" if v is not None else n for n, v in zip(nama, nilai, strict=True)]
    return go.Scatter(
        x=[b.pusat[0] for b in batas.batas],
        y=[b.pusat[1] for b in batas.batas],
        mode="markers+text",
        text=nama,
        textposition="middle center",
        # Dark text with a white halo reads on every class colour, also where a name crosses a border.
        textfont={"color": kosakata.TEKS, "shadow": ", ".join([f"0 0 3px {kosakata.PUTIH}"] * 3)},
        marker={"size": 18, "opacity": 0, "color": kosakata.TEKS},
        customdata=[[b.kelurahan, hover(v), b.kode] for b, v in zip(batas.batas, nilai, strict=True)],  # fmt: skip
        hovertemplate="%{customdata[0]}: %{customdata[1]}<extra></extra>",
        showlegend=False,
        name="Kelurahan",
        selected={"marker": {"opacity": 0}},
        unselected={"marker": {"opacity": 0}},
    )


def _tata(fig: go.Figure, batas: Peta, judul: str, tinggi: int) -> go.Figure:
    """House style, hidden axes, true proportions at the kecamatan's latitude, legend of classes."""
    lintang = [p[1] for b in batas.batas for c in b.cincin for p in c]
    tengah = (min(lintang) + max(lintang)) / 2 if lintang else 0.0
    gaya.terapkan(fig, tinggi=tinggi)
    sumbu = {"visible": False, "showgrid": False, "zeroline": False, "fixedrange": True}
    fig.update_xaxes(**sumbu, scaleanchor="y", scaleratio=math.cos(math.radians(tengah)), constrain="domain")
    fig.update_yaxes(**sumbu, constrain="domain")
    # No dragmode/clickmode here: a chart taking selections gets click-to-select from Streamlit itself
    # (which turns a click into a plain event, never a selection, under dragmode "select").
    fig.update_layout(
        legend={"orientation": "v", "yanchor": "top", "y": 1, "xanchor": "left", "x": 1.01,
                "title": {"text": judul}, "traceorder": "normal"},
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
    )  # fmt: skip
    return fig


def sorot_saja(df: pd.DataFrame, kelurahan: str, kolom: str) -> pd.DataFrame:
    """``df`` with every other kelurahan's value removed: a kelurahan's pack shows only its own value."""
    d = df.copy()
    d[kolom] = d[kolom].where(d["kelurahan"].eq(kelurahan))
    return d


def slaid(data: pd.DataFrame, batas: Peta, kolom: str, jenis: str, judul: str, sorot: str | None) -> go.Figure:
    """A Musrenbang slide's map: values written under the names; in a kelurahan's pack (``sorot``) the
    other kelurahan are grey "kelurahan lain" (their figures are not in that pack)."""
    return peta(data, batas, kolom, jenis, judul, sorot=sorot, dengan_nilai=True,
                tanpa_nilai="kelurahan lain" if sorot else TANPA_NILAI)  # fmt: skip


# --- a still picture (kaleido), for the Musrenbang slide ------------------------------------------

_SERVER = {"jalan": False}


def png(fig: go.Figure, lebar: int = 1200, tinggi: int = 675, skala: float = 2) -> bytes:
    """The figure as a PNG of ``lebar`` x ``tinggi`` layout pixels at ``skala`` (kaleido: Debian's chromium,
    no MathJax, nothing fetched online).

    The kaleido server starts once per process; raises whatever kaleido raises when it cannot draw.
    """
    import kaleido

    if not _SERVER["jalan"]:
        kaleido.start_sync_server(mathjax=False, silence_warnings=True)
        _SERVER["jalan"] = True
    opsi = {"format": "png", "width": lebar, "height": tinggi, "scale": skala}
    return kaleido.calc_fig_sync(fig.to_dict(), opts=opsi)
