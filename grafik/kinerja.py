"""Kinerja charts: target vs realisasi of one indicator, capaian per indicator, predikat counts, IKU targets.

One colour per predikat everywhere (``gaya.warna_predikat`` over the scale in settings), grey
for "Tanpa capaian". A missing realisasi is never drawn at 0: it is a gap in the line plus a
hollow marker on the target labelled "belum ada realisasi".
"""

from __future__ import annotations

import textwrap
from typing import Any

import pandas as pd
import plotly.graph_objects as go

import formatting as fmt
import kosakata
import metrics
from grafik import gaya
from metrics.kinerja import LEBIH_RENDAH

MAKIN_RENDAH = "makin rendah makin baik"
BELUM_ADA = "belum ada realisasi"


def _warna_predikat() -> dict[str, str]:
    return gaya.warna_predikat(metrics.skala_bawaan().nama)


def _urutan_predikat() -> list[str]:
    return [*metrics.skala_bawaan().nama, gaya.TANPA_PREDIKAT]


def _bungkus(teks: str, lebar: int = 42) -> str:
    """Long indicator names over several lines (plotly breaks lines only at <br>)."""
    return "<br>".join(textwrap.wrap(str(teks), lebar)) or str(teks)


def _nilai(v: Any) -> float | None:
    """A plotting value, None (a gap) for NA; never 0 in place of a missing figure."""
    return None if pd.isna(v) else float(v)


def _teks(v: Any) -> str:
    return fmt.KOSONG if pd.isna(v) else str(v)


def _satuan(v: Any) -> str:
    """`` %`` or ``""``: the unit printed after a figure in hover text."""
    s = "" if pd.isna(v) else str(v).strip()
    return f" {s}" if s else ""


def _tahun_disamakan(df: pd.DataFrame) -> set[int]:
    """Years whose realisasi the document copied from the target (flag ``realisasi_disamakan_target``)."""
    return {int(t) for t in df.loc[df["realisasi_disamakan_target"].fillna(False).astype(bool), "tahun"]}


def _tik_tahun(tahun: list[int], bertanda: set[int]) -> dict[str, Any]:
    """Year ticks; years whose realisasi the document copied from the target get a ``*``."""
    return {
        "tickmode": "array",
        "tickvals": tahun,
        "ticktext": [f"{t}*" if t in bertanda else str(t) for t in tahun],
    }


def _judul_tahun(bertanda: set[int]) -> str:
    """The year axis title, explaining the ``*`` when some year carries it."""
    if not bertanda:
        return "Tahun"
    tahun = ", ".join(str(t) for t in sorted(bertanda))
    return f"Tahun (* {tahun}: {kosakata.REALISASI_DISAMAKAN})"


def riwayat(df: pd.DataFrame) -> go.Figure:
    """Target (dashed) and realisasi (markers coloured by predikat) of one indicator by year.

    Years without realisasi: a gap in the realisasi line and a hollow grey marker on the target
    labelled "belum ada realisasi". Years whose target is printed 0 (no capaian) stay out of both
    lines, so a line never dives to 0 for an indicator that was not targeted that year; their
    printed figures remain as grey "Tanpa capaian" markers labelled with the reason.
    ``terpilih`` (the tahun filter) is shaded.
    """
    df = df.sort_values("tahun")
    tahun = [int(t) for t in df["tahun"]]
    satuan = _satuan(df["satuan"].iloc[0]) if len(df) else ""
    rendah = bool(len(df)) and df["polaritas"].iloc[0] == LEBIH_RENDAH
    bertanda = _tahun_disamakan(df)
    warna = _warna_predikat()
    di_garis = ~df["target"].eq(0).fillna(False).astype(bool)  # target 0: off the lines

    def garis(kolom: str) -> list[float | None]:
        return [_nilai(v) if ok else None for v, ok in zip(df[kolom], di_garis, strict=True)]

    def data_hover(d: pd.DataFrame) -> list[list[str]]:
        return [
            [
                str(int(b.tahun)),
                fmt.angka(b.target) + (satuan if not pd.isna(b.target) else ""),
                _teks(b.target_sumber),
                fmt.angka(b.realisasi) + (satuan if not pd.isna(b.realisasi) else ""),
                fmt.persen(b.capaian),
                _teks(b.predikat) if not pd.isna(b.predikat) else gaya.TANPA_PREDIKAT,
                _teks(b.catatan),
            ]
            for b in d.itertuples(index=False)
        ]

    templat = gaya.hover("Tahun", "Target", "Sumber target", "Realisasi", "Capaian", "Predikat", "Catatan")
    fig = go.Figure()
    for t in df.loc[df["terpilih"].fillna(False).astype(bool), "tahun"]:
        fig.add_vrect(
            x0=int(t) - 0.45, x1=int(t) + 0.45, fillcolor=kosakata.ABU_MUDA, opacity=0.45, line_width=0, layer="below"
        )
    fig.add_trace(
        go.Scatter(
            x=tahun,
            y=garis("target"),
            name="Target",
            mode="lines+markers",
            line={"color": kosakata.HITAM, "dash": "dash", "width": 2},
            marker={"color": kosakata.HITAM, "size": 7},
            connectgaps=False,
            customdata=data_hover(df),
            hovertemplate=templat,
        )
    )
    fig.add_trace(
        go.Scatter(
            x=tahun,
            y=garis("realisasi"),
            name="Realisasi" + (f" ({MAKIN_RENDAH})" if rendah else ""),
            mode="lines",
            line={"color": kosakata.warna(0), "width": 3},
            connectgaps=False,
            hoverinfo="skip",
        )
    )
    ada = df[df["realisasi"].notna()].copy()
    ada["kelompok"] = ada["predikat"].fillna(gaya.TANPA_PREDIKAT)
    for p in _urutan_predikat():
        d = ada[ada["kelompok"] == p]
        if d.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=[int(t) for t in d["tahun"]],
                y=[_nilai(v) for v in d["realisasi"]],
                name=p,
                mode="markers+text" if p == gaya.TANPA_PREDIKAT else "markers",
                marker={"color": warna[p], "size": 14, "line": {"color": kosakata.TEPI, "width": 1}},
                text=[_teks(a) for a in d["alasan"]] if p == gaya.TANPA_PREDIKAT else None,
                textposition="top center",
                textfont={"color": kosakata.TEKS_LEMAH},
                customdata=data_hover(d),
                hovertemplate=templat,
                legendgroup="predikat",
            )
        )
    belum = df[df["realisasi"].isna() & df["target"].notna()]
    if not belum.empty:
        fig.add_trace(
            go.Scatter(
                x=[int(t) for t in belum["tahun"]],
                y=[_nilai(v) for v in belum["target"]],
                name=f"Target, {BELUM_ADA}",
                mode="markers+text",
                marker={"symbol": "circle-open", "color": kosakata.ABU, "size": 16, "line": {"width": 2}},
                text=[BELUM_ADA.replace(" realisasi", "<br>realisasi")] * len(belum),
                textposition="bottom center",
                textfont={"color": kosakata.TEKS_LEMAH},
                customdata=data_hover(belum),
                hovertemplate=templat,
            )
        )
    judul_y = "Nilai" + (f" ({satuan.strip()})" if satuan else "") + (f", {MAKIN_RENDAH}" if rendah else "")
    gaya.terapkan(fig, _judul_tahun(bertanda), judul_y)
    fig.update_xaxes(**_tik_tahun(tahun, bertanda), range=[min(tahun) - 0.5, max(tahun) + 0.5] if tahun else None)
    fig.update_yaxes(rangemode="tozero")
    return fig


def capaian_tahun(df: pd.DataFrame) -> go.Figure:
    """Capaian per indicator in one year: horizontal bars coloured by predikat, a line at 100 %.

    Indicators without capaian get no bar (not a zero bar) but a grey label saying why.
    """
    df = df.sort_values("urutan")
    label = [
        _bungkus(n) + (f"<br>({MAKIN_RENDAH})" if p == LEBIH_RENDAH else "")
        for n, p in zip(df["indikator"], df["polaritas"], strict=True)
    ]
    df = df.assign(label_y=label, kelompok=df["predikat"].fillna(gaya.TANPA_PREDIKAT))
    warna = _warna_predikat()
    fig = go.Figure()
    for p in _urutan_predikat():
        d = df[(df["kelompok"] == p) & df["capaian"].notna()]
        if d.empty:
            continue
        hover = [
            [
                str(b.indikator),
                fmt.angka(b.target) + _satuan(b.satuan),
                fmt.angka(b.realisasi) + _satuan(b.satuan),
                fmt.persen(b.capaian),
                p,
                MAKIN_RENDAH if b.polaritas == LEBIH_RENDAH else "makin tinggi makin baik",
                _teks(b.catatan),
            ]
            for b in d.itertuples(index=False)
        ]
        fig.add_trace(
            go.Bar(
                x=[_nilai(v) for v in d["capaian"]],
                y=d["label_y"].tolist(),
                orientation="h",
                name=p,
                marker={"color": warna[p]},
                showlegend=True,
                text=[fmt.persen(v) for v in d["capaian"]],
                textposition="outside",
                cliponaxis=False,
                customdata=hover,
                hovertemplate=gaya.hover("Indikator", "Target", "Realisasi", "Capaian", "Predikat", "Arah", "Catatan"),
            )
        )
    for b in df[df["capaian"].isna()].itertuples(index=False):
        fig.add_annotation(
            x=0,
            y=b.label_y,
            xref="x",
            yref="y",
            text=f"{gaya.TANPA_PREDIKAT.lower()}: {_teks(b.alasan)}",
            showarrow=False,
            xanchor="left",
            xshift=4,
            font={"color": kosakata.TEKS_LEMAH},
        )
    fig.add_vline(x=100, line={"color": kosakata.HITAM, "dash": "dash", "width": 1.5})
    fig.add_annotation(x=100, y=1, xref="x", yref="paper", text="100 %", showarrow=False, yanchor="bottom")
    maks = max([100.0, *(float(v) for v in df["capaian"].dropna())])
    gaya.terapkan(fig, "Capaian", "", tinggi=max(gaya.TINGGI, 70 * len(df) + 80))
    gaya.sumbu_persen(fig, "x")
    fig.update_xaxes(range=[0, maks * 1.18], showgrid=True, gridcolor=kosakata.GARIS_KISI)
    fig.update_yaxes(categoryorder="array", categoryarray=label, autorange="reversed", gridcolor=None, showgrid=False)
    fig.update_layout(barmode="overlay", bargap=0.35)
    return fig


def predikat_per_tahun(df: pd.DataFrame) -> go.Figure:
    """Number of indicators per predikat per year, stacked in scale order, same colours as elsewhere."""
    warna = _warna_predikat()
    tahun = sorted(int(t) for t in df["tahun"].unique())
    bertanda = _tahun_disamakan(df)
    fig = go.Figure()
    for p in _urutan_predikat():
        d = df[df["predikat"] == p].sort_values("tahun")
        if d.empty:
            continue
        hover = [[str(int(b.tahun)), p, fmt.angka(b.jumlah, 0), _teks(b.rincian)] for b in d.itertuples(index=False)]
        fig.add_trace(
            go.Bar(
                x=[int(t) for t in d["tahun"]],
                y=[int(v) for v in d["jumlah"]],
                name=p,
                marker={"color": warna[p]},
                text=[fmt.angka(v, 0) if v else "" for v in d["jumlah"]],
                textposition="inside",
                customdata=hover,
                hovertemplate=gaya.hover("Tahun", "Predikat", "Jumlah indikator", "Sebab tanpa capaian"),
            )
        )
    gaya.terapkan(fig, _judul_tahun(bertanda), "Jumlah indikator")
    fig.update_layout(barmode="stack", legend={"traceorder": "normal"})
    fig.update_xaxes(**_tik_tahun(tahun, bertanda))
    fig.update_yaxes(tickformat=",d")
    return fig


def target_iku(df: pd.DataFrame) -> go.Figure:
    """Targets per year of the tujuan/sasaran indicators: grouped bars, one colour per indicator.

    Bars, not lines: several indicators share identical targets, and lines would hide each other.
    """
    df = df.assign(_seri=[f"{str(lv).capitalize()}: {n}" for lv, n in zip(df["level"], df["indikator"], strict=True)])
    warna = kosakata.warna_seri(df["_seri"])
    fig = go.Figure()
    for seri, d in df.groupby("_seri", sort=False):
        d = d.sort_values("tahun")
        hover = [
            [str(b.indikator), str(b.level), str(int(b.tahun)), fmt.angka(b.target) + _satuan(b.satuan), str(b.sumber)]
            for b in d.itertuples(index=False)
        ]
        fig.add_trace(
            go.Bar(
                x=[int(t) for t in d["tahun"]],
                y=[_nilai(v) for v in d["target"]],
                name=_bungkus(str(seri), 60),
                marker={"color": warna[str(seri)]},
                text=[fmt.angka(v) + _satuan(s) for v, s in zip(d["target"], d["satuan"], strict=True)],
                textposition="outside",
                cliponaxis=False,
                customdata=hover,
                hovertemplate=gaya.hover("Indikator", "Tingkat", "Tahun", "Target", "Sumber"),
            )
        )
    gaya.terapkan(fig, "Tahun", "Target (% atau nilai indeks)", tinggi=gaya.TINGGI + 80)
    fig.update_layout(barmode="group", legend={"orientation": "v", "y": 1.02, "yanchor": "bottom"})
    tahun = sorted(int(t) for t in df["tahun"].unique())
    fig.update_xaxes(tickmode="array", tickvals=tahun, ticktext=[str(t) for t in tahun])
    return fig
