"""Figures of the Antar-Renstra page: several Renstra side by side."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

import formatting as fmt
import kosakata
from grafik import gaya


def pagu_per_tahun(df: pd.DataFrame) -> go.Figure:
    """Total pagu per year, one colour per Renstra, years on one axis (periods follow each other)."""
    warna = kosakata.warna_seri(df["renstra"])
    fig = go.Figure()
    for nama, d in df.groupby("renstra", sort=False):
        fig.add_bar(
            x=gaya.tahun(d["tahun"]),
            y=d["pagu"].astype(float),
            name=str(nama),
            marker_color=warna[str(nama)],
            text=[fmt.rupiah_ringkas(v) for v in d["pagu"]],
            textposition="outside",
            cliponaxis=False,
            customdata=[[str(nama), fmt.rupiah(v)] for v in d["pagu"]],
            hovertemplate=gaya.hover("", "Pagu"),
        )
    gaya.terapkan(fig, "Tahun", kosakata.judul_rupiah("Pagu"))
    fig.update_layout(barmode="group")
    gaya.sumbu_tahun(fig)
    return gaya.sumbu_rupiah(fig, df["pagu"])


def pangsa_kelurahan(df: pd.DataFrame) -> go.Figure:
    """Each kelurahan's share of the kelurahan pagu in a Renstra's last plan year, one bar group per Renstra."""
    akhir = df.groupby("renstra", sort=False)["tahun"].transform("max")
    d = df[df["tahun"].eq(akhir)]
    warna = kosakata.warna_seri(d["renstra"])
    fig = go.Figure()
    for nama, g in d.groupby("renstra", sort=False):
        fig.add_bar(
            y=g["kelurahan"],
            x=g["pangsa"].astype(float),
            orientation="h",
            name=f"{nama} ({int(g['tahun'].iloc[0])})",
            marker_color=warna[str(nama)],
            text=[fmt.persen(v, 1) for v in g["pangsa"]],
            textposition="auto",
            customdata=[
                [str(k), fmt.persen(p), fmt.rupiah(v)]
                for k, p, v in zip(g["kelurahan"], g["pangsa"], g["pagu"], strict=True)
            ],
            hovertemplate=gaya.hover("", "Pangsa", "Pagu"),
        )
    gaya.terapkan(fig, "Pangsa pagu kelurahan", "")
    fig.update_layout(barmode="group")
    return gaya.sumbu_persen(fig, "x")
