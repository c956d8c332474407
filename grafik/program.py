"""Charts of the Program page: one item's pagu over the years, and its children's pagu."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

import formatting as fmt
import kosakata
from grafik import gaya

JUDUL_RUPIAH = kosakata.judul_rupiah("Pagu")


def _teks(v: object) -> str:
    return "" if v is None or pd.isna(v) else str(v)


def pagu_per_tahun(df: pd.DataFrame) -> go.Figure:
    """Bars: the item's printed pagu per year; a year without one stays empty with its reason written
    in the gap (never a 0 bar). Diamonds: the sum of its rincian's readable pagu, a separate series
    so a reader can compare it with the printed figure (or see it where the figure is unreadable)."""
    tahun = [str(int(t)) for t in df["tahun"]]
    ada = df["pagu"].notna()
    fig = go.Figure()
    # Every year is on the trace (None where there is no pagu): the category axis then holds
    # all years, and the notes below sit in their own year's gap.
    fig.add_bar(
        x=tahun,
        y=[None if pd.isna(v) else int(v) for v in df["pagu"]],
        name="Pagu tercetak",
        marker_color=kosakata.warna(0),
        customdata=[
            [fmt.rupiah(p), _teks(t) or fmt.KOSONG, fmt.persen(s)]
            for p, t, s in zip(df["pagu"], df["pagu_teks"], df["pangsa_induk"], strict=True)
        ],
        hovertemplate=gaya.hover("Pagu", "Tercetak", "Bagian dari pagu induk"),
    )
    rinci = df["jumlah_rincian"].notna()
    if rinci.any():
        fig.add_scatter(
            x=[t for t, a in zip(tahun, rinci, strict=True) if a],
            y=[int(v) for v in df.loc[rinci, "jumlah_rincian"]],
            mode="markers",
            name="Jumlah pagu rinciannya",
            marker={
                "symbol": "diamond",
                "size": 13,
                "color": kosakata.warna(1),
                "line": {"color": kosakata.HITAM, "width": 1},
            },
            customdata=[
                [fmt.rupiah(v), fmt.angka(n)]
                for v, n in zip(
                    df.loc[rinci, "jumlah_rincian"], df.loc[rinci, "jumlah_rincian_tak_terbaca"], strict=True
                )
            ],
            hovertemplate=gaya.hover("Jumlah pagu rincian", "Rincian tanpa pagu terbaca"),
        )
    nilai = [*df["pagu"].dropna().tolist(), *df["jumlah_rincian"].dropna().tolist()]
    puncak = max([float(v) for v in nilai], default=0.0)
    for i, (a, catatan) in enumerate(zip(ada, df["catatan"], strict=True)):
        if not a:
            # On a category axis plotly.js reads an annotation's x as the category's position
            # (a "2021" string would be read as position 2021 and stretch the axis).
            fig.add_annotation(
                x=i, y=puncak * 0.04, yanchor="bottom", text=(_teks(catatan) or "tidak ada pagu").replace(" (", "<br>("),
                showarrow=False, font={"color": kosakata.ABU, "size": 13}, textangle=-90 if len(tahun) > 3 else 0,
            )  # fmt: skip
    gaya.terapkan(fig, "Tahun", JUDUL_RUPIAH)
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=tahun)
    gaya.sumbu_rupiah(fig, nilai or [0])
    fig.update_layout(showlegend=True)
    return fig


def rincian(df: pd.DataFrame) -> go.Figure:
    """Horizontal bars, one group per kegiatan / sub kegiatan and one colour per year (labels are
    long, so they sit on the y axis). A child-year whose pagu is missing gets a grey cross at the
    axis, with the reason on hover, instead of a 0 bar; a year it is not printed has nothing."""
    urutan = df.drop_duplicates("label").sort_values("urutan")["label"].tolist()
    tahun = sorted({int(t) for t in df["tahun"]})
    warna = kosakata.warna_seri(str(t) for t in tahun)
    fig = go.Figure()
    for t in tahun:
        d = df[df["tahun"].eq(t) & df["pagu"].notna()]
        fig.add_bar(
            y=d["label"].tolist(),
            x=[int(v) for v in d["pagu"]],
            orientation="h",
            name=str(t),
            marker_color=warna[str(t)],
            customdata=[[str(n).strip(), str(t), fmt.rupiah(p)] for n, p in zip(d["nama"], d["pagu"], strict=True)],
            hovertemplate=gaya.hover("", "Tahun", "Pagu"),
        )
    hilang = df[df["pagu"].isna()]
    if not hilang.empty:
        fig.add_scatter(
            y=hilang["label"].tolist(),
            x=[0] * len(hilang),
            mode="markers",
            name="Pagu tidak tercetak / tidak terbaca",
            marker={"symbol": "x-thin", "size": 12, "color": kosakata.ABU, "line": {"color": kosakata.ABU, "width": 2}},
            customdata=[
                [
                    str(n).strip(),
                    str(int(t)),
                    kosakata.tidak_terbaca(teks) if s == "tidak_terbaca" else "tidak tercetak (sel kosong atau -)",
                ]
                for n, t, s, teks in zip(
                    hilang["nama"], hilang["tahun"], hilang["status"], hilang["pagu_teks"], strict=True
                )
            ],
            hovertemplate=gaya.hover("", "Tahun", "Pagu"),
        )
    tinggi = max(gaya.TINGGI, 120 + 16 * len(urutan) * max(1, len(tahun)))
    gaya.terapkan(fig, JUDUL_RUPIAH, "", tinggi=tinggi)
    fig.update_layout(barmode="group", bargap=0.25, legend={"traceorder": "normal"})
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=urutan[::-1], gridcolor=None)
    fig.update_xaxes(showgrid=True, gridcolor=kosakata.GARIS_KISI)
    gaya.sumbu_rupiah(fig, df["pagu"].dropna().tolist() or [0], sumbu="x")
    return fig
