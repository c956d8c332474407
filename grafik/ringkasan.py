"""Figures of the Ringkasan page: total pagu per year, pagu per program, serapan per year."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

import formatting as fmt
from grafik import gaya


def pagu_per_tahun(df: pd.DataFrame) -> go.Figure:
    """Bars of total pagu per year; years summed partly from rincian are lighter and hatched."""
    rincian = df["program_rincian"].fillna(0).astype(int) > 0
    fig = go.Figure(
        go.Bar(
            x=gaya.tahun(df["tahun"]),
            y=df["pagu"].astype(float),
            marker={
                "color": [gaya.warna(4) if r else gaya.warna(0) for r in rincian],
                "pattern": {"shape": ["/" if r else "" for r in rincian], "fgcolor": "#FFFFFF"},
            },
            text=[fmt.rupiah_ringkas(v) for v in df["pagu"]],
            textposition="outside",
            cliponaxis=False,
            customdata=list(
                zip(
                    [fmt.rupiah(v) for v in df["pagu"]],
                    [c or "pagu program tercetak" for c in df["catatan"]],
                    strict=True,
                )
            ),
            hovertemplate=gaya.hover("Pagu", "Dasar"),
        )
    )
    gaya.terapkan(fig, "Tahun", "Pagu (Rp; M = miliar)")
    gaya.sumbu_tahun(fig)
    return gaya.sumbu_rupiah(fig, df["pagu"])


def pagu_program(df: pd.DataFrame) -> go.Figure:
    """Horizontal bars of each program's pagu in one year, largest on top."""
    d = df.iloc[::-1]
    rincian = d["dasar"].eq("jumlah rincian")
    fig = go.Figure(
        go.Bar(
            y=d["program"],
            x=d["pagu"].astype(float),
            orientation="h",
            marker={
                "color": [gaya.warna(4) if r else gaya.warna(0) for r in rincian],
                "pattern": {"shape": ["/" if r else "" for r in rincian], "fgcolor": "#FFFFFF"},
            },
            text=[fmt.rupiah_ringkas(v) for v in d["pagu"]],
            textposition="auto",
            customdata=list(
                zip(
                    [fmt.rupiah(v) for v in d["pagu"]],
                    ["jumlah rincian (pagu program tercetak *****)" if r else "pagu program tercetak" for r in rincian],
                    strict=True,
                )
            ),  # fmt: skip
            hovertemplate="%{y}<br>" + gaya.hover("Pagu", "Dasar"),
        )
    )
    gaya.terapkan(fig, "Pagu (Rp; M = miliar)", "")
    return gaya.sumbu_rupiah(fig, d["pagu"], sumbu="x")


def serapan_per_tahun(df: pd.DataFrame) -> go.Figure:
    """Serapan (%) per year as a line with markers; the year whose realisasi copies targets is grey."""
    warna = [gaya.ABU if d else gaya.warna(2) for d in df["disamakan"]]
    fig = go.Figure(
        go.Scatter(
            x=gaya.tahun(df["tahun"]),
            y=df["serapan"].astype(float),
            mode="lines+markers+text",
            line={"color": gaya.warna(2), "width": 3},
            marker={"color": warna, "size": 12},
            text=[fmt.persen(v) for v in df["serapan"]],
            textposition="top center",
            customdata=list(
                zip(
                    [fmt.persen(v) for v in df["serapan"]],
                    [fmt.rupiah(v) for v in df["anggaran"]],
                    [fmt.rupiah(v) for v in df["realisasi"]],
                    ["realisasi disamakan dengan target di dokumen" if d else "" for d in df["disamakan"]],
                    strict=True,
                )
            ),  # fmt: skip
            hovertemplate=gaya.hover("Serapan", "Anggaran", "Realisasi", ""),
        )
    )
    gaya.terapkan(fig, "Tahun", "Serapan anggaran")
    gaya.sumbu_tahun(fig)
    fig.update_yaxes(rangemode="tozero")
    return gaya.sumbu_persen(fig)
