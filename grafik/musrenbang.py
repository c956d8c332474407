"""Figures of the Bahan Musrenbang page: each slide of the pack (``musrenbang.isi.Slaid``) as plotly.

The same categories, values and point labels as the PowerPoint deck's native charts
(``musrenbang.isi.kategori_grafik``, ``nilai_seri``, ``label_titik``), so the page in
presentation mode and the deck show the same thing; styled like every other chart.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

import kosakata
from grafik import gaya
from grafik import peta as grafik_peta
from musrenbang.isi import Slaid, kategori_grafik, label_titik, nilai_seri, titik_rincian

_JUDUL_SUMBU = {"rupiah": kosakata.judul_rupiah(), "persen": "Persen", "angka": "Jumlah"}


def slaid(s: Slaid) -> go.Figure:
    """One slide's chart; a slide without ``grafik`` gets an empty figure (pages never ask for it)."""
    g = s.grafik
    fig = go.Figure()
    if g is None:
        return gaya.terapkan(fig)
    if g.jenis == "peta" and s.peta is not None:
        return grafik_peta.slaid(s.data, s.peta, g.seri[0], g.satuan, s.kolom[g.seri[0]].label, s.sorot)
    kategori = kategori_grafik(s)
    arsir = ["/" if r else "" for r in titik_rincian(s)]
    if g.jenis == "donat":
        nilai = nilai_seri(s, g.seri[0])
        fig.add_trace(
            go.Pie(
                labels=kategori,
                values=nilai,
                hole=0.5,
                sort=False,
                direction="clockwise",
                marker={"colors": [kosakata.warna(i) for i in range(len(nilai))]},
                text=label_titik(s, g.seri[0]),
                textinfo="text",
                hovertemplate="%{label}: %{text}<extra></extra>",
            )
        )
        return gaya.terapkan(fig)
    mendatar = g.jenis == "batang_horizontal"
    semua_nilai: list[float] = []
    for i, seri in enumerate(g.seri):
        nilai = nilai_seri(s, seri)
        semua_nilai += [v for v in nilai if v is not None]
        label = label_titik(s, seri)
        nama = s.kolom[seri].label
        if g.jenis == "garis":
            fig.add_trace(
                go.Scatter(
                    x=kategori, y=nilai, name=nama, mode="lines+markers+text", text=label,
                    textposition="top center", line={"color": kosakata.warna(i)},
                    hovertemplate="%{x}: %{text}<extra></extra>",
                )
            )  # fmt: skip
            continue
        fig.add_trace(
            go.Bar(
                x=nilai if mendatar else kategori,
                y=kategori if mendatar else nilai,
                orientation="h" if mendatar else "v",
                name=nama,
                text=label,
                textposition="outside" if g.jenis != "batang_bertumpuk" else "inside",
                cliponaxis=False,
                marker={"color": kosakata.warna(i), "pattern": {"shape": arsir, "fgcolor": kosakata.PUTIH}},
                hovertemplate=("%{y}" if mendatar else "%{x}") + ": %{text}<extra></extra>",
            )
        )
    if g.jenis == "batang_bertumpuk":
        fig.update_layout(barmode="stack")
    judul_nilai = _JUDUL_SUMBU[g.satuan]
    gaya.terapkan(fig, judul_nilai if mendatar else "", "" if mendatar else judul_nilai)
    sumbu = "x" if mendatar else "y"
    if g.satuan == "rupiah" and semua_nilai:
        gaya.sumbu_rupiah(fig, semua_nilai, sumbu=sumbu)
    elif g.satuan == "persen":
        gaya.sumbu_persen(fig, sumbu=sumbu)
    if mendatar:
        fig.update_yaxes(autorange="reversed", type="category")
        fig.update_layout(height=max(gaya.TINGGI, 60 + 40 * len(kategori)))
    else:
        fig.update_xaxes(type="category")
    fig.update_layout(showlegend=len(g.seri) > 1)
    return fig


def pembuat(s: Slaid) -> Callable[[pd.DataFrame], go.Figure]:
    """A chart builder over the slide's frame, for ``ui.Panel(grafik=...)``.

    It closes over the slide's key, columns and chart spec only (short, stable reprs), so
    ``ui``'s figure cache keys on the frame itself plus these.
    """
    kunci, judul, kolom, spek, peta, sorot = s.kunci, s.judul, dict(s.kolom), s.grafik, s.peta, s.sorot

    def gambar(df: pd.DataFrame) -> go.Figure:
        return slaid(Slaid(kunci, judul, "", df, kolom, spek, peta=peta, sorot=sorot))

    return gambar


__all__ = ["pembuat", "slaid"]
