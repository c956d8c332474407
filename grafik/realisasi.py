"""Figures of realisasi reported after the document (Isi Realisasi)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

import formatting as fmt
import kosakata
from grafik import gaya


def serapan_dilaporkan(df: pd.DataFrame) -> go.Figure:
    """Serapan (%) of each reported item, a line at 100 %; over 100 % stands out in orange."""
    d = df.iloc[::-1]
    label = [
        " ".join(str(x) for x in (k, n) if isinstance(x, str) and x) + (f" ({kel})" if kel else "")
        for k, n, kel in zip(d["kode"], d["nama"], d["kelurahan"], strict=True)
    ]
    lebih = [bool(s is not None and s == s and s > 100) for s in d["serapan"]]
    fig = go.Figure(
        go.Bar(
            y=label,
            x=[float(s) if s is not None and s == s else None for s in d["serapan"]],
            orientation="h",
            marker={"color": [kosakata.warna(5) if x else kosakata.warna(2) for x in lebih]},
            text=[fmt.persen(s) for s in d["serapan"]],
            textposition="outside",
            cliponaxis=False,
            customdata=list(
                zip(
                    [fmt.rupiah(p) for p in d["pagu"]],
                    [fmt.rupiah(x) for x in d["realisasi"]],
                    [fmt.persen(s) for s in d["serapan"]],
                    strict=True,
                )
            ),  # fmt: skip
            hovertemplate="%{y}<br>" + gaya.hover("Pagu", "Realisasi", "Serapan"),
        )
    )
    fig.add_vline(x=100, line={"color": kosakata.HITAM, "dash": "dash", "width": 1.5})
    gaya.terapkan(fig, "Serapan (realisasi ÷ pagu)", "", tinggi=max(gaya.TINGGI, 48 * len(d) + 120))
    return gaya.sumbu_persen(fig, sumbu="x")
