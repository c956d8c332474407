"""Figures of the Ringkasan page: total pagu per year, pagu per program, serapan per year."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

import formatting as fmt
import kosakata
from grafik import gaya


def pagu_per_tahun(df: pd.DataFrame) -> go.Figure:
    """Bars of total pagu per year; years summed partly from rincian are lighter and hatched."""
    rincian = df["program_rincian"].fillna(0).astype(int) > 0
    fig = go.Figure(
        go.Bar(
            x=gaya.tahun(df["tahun"]),
            y=df["pagu"].astype(float),
            marker={
                "color": [kosakata.warna(4) if r else kosakata.warna(0) for r in rincian],
                "pattern": {"shape": ["/" if r else "" for r in rincian], "fgcolor": kosakata.PUTIH},
            },
            text=[fmt.rupiah_ringkas(v) for v in df["pagu"]],
            textposition="outside",
            cliponaxis=False,
            customdata=list(
                zip(
                    [fmt.rupiah(v) for v in df["pagu"]],
                    [c or kosakata.PAGU_TERCETAK for c in df["catatan"]],
                    strict=True,
                )
            ),
            hovertemplate=gaya.hover("Pagu", "Dasar"),
        )
    )
    gaya.terapkan(fig, "Tahun", kosakata.judul_rupiah("Pagu"))
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
                "color": [kosakata.warna(4) if r else kosakata.warna(0) for r in rincian],
                "pattern": {"shape": ["/" if r else "" for r in rincian], "fgcolor": kosakata.PUTIH},
            },
            text=[fmt.rupiah_ringkas(v) for v in d["pagu"]],
            textposition="auto",
            customdata=list(
                zip(
                    [fmt.rupiah(v) for v in d["pagu"]],
                    [kosakata.jumlah_rincian() if r else kosakata.PAGU_TERCETAK for r in rincian],
                    strict=True,
                )
            ),  # fmt: skip
            hovertemplate="%{y}<br>" + gaya.hover("Pagu", "Dasar"),
        )
    )
    gaya.terapkan(fig, kosakata.judul_rupiah("Pagu"), "")
    return gaya.sumbu_rupiah(fig, d["pagu"], sumbu="x")


def serapan_per_tahun(df: pd.DataFrame) -> go.Figure:
    """Serapan (%) per year as a line with markers; the year whose realisasi copies targets is grey."""
    warna = [kosakata.ABU if d else kosakata.warna(2) for d in df["disamakan"]]
    fig = go.Figure(
        go.Scatter(
            x=gaya.tahun(df["tahun"]),
            y=df["serapan"].astype(float),
            mode="lines+markers+text",
            line={"color": kosakata.warna(2), "width": 3},
            marker={"color": warna, "size": 12},
            text=[fmt.persen(v) for v in df["serapan"]],
            textposition="top center",
            customdata=list(
                zip(
                    [fmt.persen(v) for v in df["serapan"]],
                    [fmt.rupiah(v) for v in df["anggaran"]],
                    [fmt.rupiah(v) for v in df["realisasi"]],
                    [kosakata.REALISASI_DISAMAKAN if d else "" for d in df["disamakan"]],
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
