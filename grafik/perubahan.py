"""Charts of the Perubahan Renstra page: changes per kind, and one indicator sebelum vs sesudah."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

import formatting as fmt
import kosakata
from grafik import gaya


def ringkasan(df: pd.DataFrame) -> go.Figure:
    """Horizontal bars: number of changes per kind (rows, in reading order), one colour per formulir.

    A kind with 0 changes keeps its row: "no target changed" is a finding too."""
    jenis = list(dict.fromkeys(df["jenis_perubahan"].tolist()))
    formulir = list(dict.fromkeys(df["formulir"].tolist()))
    warna = kosakata.warna_seri(formulir)
    fig = go.Figure()
    for f in formulir:
        d = df[df["formulir"].eq(f)]
        fig.add_bar(
            y=d["jenis_perubahan"].tolist(),
            x=[int(v) for v in d["jumlah"]],
            orientation="h",
            name=f,
            marker_color=warna[f],
            customdata=[[str(j), f, fmt.angka(v, 0)] for j, v in zip(d["jenis_perubahan"], d["jumlah"], strict=True)],
            hovertemplate=gaya.hover("", "Formulir", "Jumlah perubahan"),
        )
    gaya.terapkan(fig, "Jumlah perubahan", "", tinggi=max(gaya.TINGGI, 90 + 34 * len(jenis)))
    fig.update_layout(barmode="group", bargap=0.3)
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=jenis[::-1], gridcolor=None)
    fig.update_xaxes(showgrid=True, gridcolor=kosakata.GARIS_KISI, tickformat=",d", dtick=1, rangemode="tozero")
    return fig


NAMA_VERSI = {"sebelum": "Sebelum perubahan", "sesudah": "Sesudah perubahan"}


def sebelum_sesudah(df: pd.DataFrame) -> go.Figure:
    """One indicator, point by point (kondisi awal, targets, kondisi akhir): a dashed line for the
    version before the revision and a solid one after; a changed point is labelled
    "84,50 → 84,60" with the document's own text. An empty cell is a gap, not 0."""
    titik = df.sort_values("urutan", kind="stable")["titik"].drop_duplicates().tolist()
    fig = go.Figure()
    # sesudah first (solid, wide), sebelum on top (dashed, narrower): where the versions agree
    # the dashes run along the solid line; where they differ the two lines part.
    gaya_versi = {
        "sesudah": ({"dash": "solid", "width": 5, "color": kosakata.warna(1)}, {"size": 11, "symbol": "circle"}),
        "sebelum": ({"dash": "dash", "width": 2.5, "color": kosakata.warna(0)}, {"size": 9, "symbol": "circle-open", "line": {"width": 2}}),
    }  # fmt: skip
    for versi in ("sesudah", "sebelum"):
        d = df[df["versi"].eq(versi)].set_index("titik").reindex(titik)
        if d["nilai"].isna().all():
            continue
        garis, penanda = gaya_versi[versi]
        fig.add_scatter(
            x=titik,
            y=[None if pd.isna(v) else float(v) for v in d["nilai"]],
            mode="lines+markers",
            name=NAMA_VERSI[versi],
            line=garis,
            marker=penanda,
            connectgaps=False,
            customdata=[[NAMA_VERSI[versi], t, fmt.KOSONG if pd.isna(x) else str(x)] for t, x in zip(titik, d["teks"], strict=True)],
            hovertemplate=gaya.hover("", "", "Tercetak"),
        )  # fmt: skip
    for t in df.loc[df["berubah"], "titik"].drop_duplicates():
        g = df[df["titik"].eq(t)].set_index("versi")
        lama = g["teks"].get("sebelum")
        baru = g["teks"].get("sesudah")
        y = g["nilai"].dropna()
        fig.add_annotation(
            x=t, y=float(y.max()) if not y.empty else 0, yshift=14, showarrow=False, font={"size": 14},
            text=f"<b>{fmt.KOSONG if pd.isna(lama) else lama} → {fmt.KOSONG if pd.isna(baru) else baru}</b>",
        )  # fmt: skip
    satuan = next((str(s) for s in df["satuan"].dropna() if str(s).strip()), "")
    gaya.terapkan(fig, "", f"Nilai indikator ({satuan})" if satuan else "Nilai indikator")
    fig.update_layout(legend={"traceorder": "reversed"})  # "Sebelum" first, as read
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=titik)
    if satuan == "%":
        gaya.sumbu_persen(fig)
    return fig
