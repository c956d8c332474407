"""Figures of the Profil kecamatan page: staff by criterion and unit, assets by condition.

Jenis kelamin keeps two fixed colours on every staff chart. Asset condition uses an ordered
ramp from calm to alarming (baik -> rusak berat), the same order as the predikat ramp, so
"more red" always means "worse".
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

import formatting as fmt
import kosakata
from grafik import gaya

WARNA_JENIS_KELAMIN = {"laki_laki": kosakata.warna(0), "perempuan": kosakata.warna(1)}
LABEL_JENIS_KELAMIN = {"laki_laki": "Laki-laki", "perempuan": "Perempuan"}
WARNA_KONDISI = {"baik": kosakata.HIJAU, "kurang_baik": kosakata.KUNING, "rusak": kosakata.JINGGA,
                 "rusak_berat": kosakata.MERAH_BATA}  # fmt: skip
LABEL_KONDISI = {"baik": "Baik", "kurang_baik": "Kurang baik", "rusak": "Rusak", "rusak_berat": "Rusak berat"}
TINGGI_BARIS = 30  # px per bar of a horizontal chart, so long lists stay readable


def _tinggi(n: int) -> int:
    return max(gaya.TINGGI, TINGGI_BARIS * n + 120)


def _seri(nama: str, y: list[str], x: pd.Series, marker: dict[str, Any], customdata: list[Any], hover: str) -> go.Bar:
    """One series of a horizontal stacked bar chart (one bar per label ``y``)."""
    return go.Bar(
        name=nama,
        y=y,
        x=x.astype(float),
        orientation="h",
        marker=marker,
        customdata=customdata,
        hovertemplate=hover,
    )


def _tumpuk_mendatar(fig: go.Figure, y: list[str], judul_x: str) -> go.Figure:
    """Layout of a horizontal stacked bar chart: labels ``y`` top to bottom as given, height by their count."""
    gaya.terapkan(fig, judul_x, "", tinggi=_tinggi(len(y)))
    fig.update_layout(barmode="stack", legend={"traceorder": "normal"})
    fig.update_xaxes(rangemode="tozero", tickformat=",.0f")
    fig.update_yaxes(tickmode="array", tickvals=y, ticktext=y, ticklabelstandoff=6)
    return fig


def pegawai_jenis_kelamin(df: pd.DataFrame, label: str = "kategori") -> go.Figure:
    """Horizontal bars stacked by jenis kelamin, one per row of ``df`` (printed order, top to bottom), total at the end."""
    d = df.iloc[::-1]
    y = d[label].astype(str).tolist()
    fig = go.Figure()
    for jk in ("laki_laki", "perempuan"):
        fig.add_trace(
            _seri(
                LABEL_JENIS_KELAMIN[jk],
                y,
                d[jk],
                {"color": WARNA_JENIS_KELAMIN[jk]},
                list(zip(y, [fmt.angka(v) for v in d[jk]], [fmt.angka(v) for v in d["jumlah"]], strict=True)),
                gaya.hover("", LABEL_JENIS_KELAMIN[jk], "Jumlah"),
            )
        )
    fig.add_trace(
        go.Scatter(
            y=y,
            x=d["jumlah"].astype(float),
            mode="text",
            text=[f"  {fmt.angka(v)}" for v in d["jumlah"]],
            textposition="middle right",
            showlegend=False,
            hoverinfo="skip",
            cliponaxis=False,
        )
    )
    return _tumpuk_mendatar(fig, y, "Pegawai (orang)")


def pegawai_per_unit(df: pd.DataFrame) -> go.Figure:
    """Staff per unit kerja (Tabel 2.2.2), stacked by jenis kelamin."""
    return pegawai_jenis_kelamin(df, label="unit_kerja")


def sarpras_kondisi(df: pd.DataFrame) -> go.Figure:
    """Horizontal bars per asset stacked by condition (baik ... rusak berat); each bar in the asset's own unit."""
    d = df.iloc[::-1]
    y = [f"{n} ({s})" if s else str(n) for n, s in zip(d["nama"], d["satuan"].fillna(""), strict=True)]
    fig = go.Figure()
    for k, warna in WARNA_KONDISI.items():
        fig.add_trace(
            _seri(
                LABEL_KONDISI[k],
                y,
                d[k],
                {"color": warna, "line": {"color": kosakata.PUTIH, "width": 0.5}},
                list(
                    zip(
                        y,
                        [f"{fmt.angka(v)} dari {fmt.angka(j)}" for v, j in zip(d[k], d["jumlah"], strict=True)],
                        [t or fmt.KOSONG for t in d["keterangan"].fillna("")],
                        strict=True,
                    )
                ),
                gaya.hover("", LABEL_KONDISI[k], "Keterangan tercetak"),
            )
        )
    return _tumpuk_mendatar(fig, y, "Jumlah (dalam satuan masing-masing barang)")
