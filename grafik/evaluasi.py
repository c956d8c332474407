"""Evaluasi Renstra charts: the capaian-serapan quadrant and the end-of-period review.

Colours from ``kosakata`` (one per quadrant, predikat colours as everywhere), numbers in hover
and labels from ``formatting``. A point needs both a capaian and a serapan; rows with only one
stay in the table (with the reason), never on the chart at 0.
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

import formatting as fmt
import kosakata
import metrics
from grafik import gaya
from metrics.efisiensi import URUTAN_KUADRAN
from metrics.predikat import TANPA_PREDIKAT
from sajian import evaluasi

WARNA_KUADRAN = dict(
    zip(URUTAN_KUADRAN, (kosakata.HIJAU, kosakata.BIRU, kosakata.JINGGA, kosakata.MERAH_BATA), strict=True)
)
UKURAN_MAKS = 48  # px diameter of the largest pagu


def _bungkus(teks: object, lebar: int = 48) -> str:
    return "<br>".join(textwrap.wrap(str(teks), lebar)) or str(teks)


def _label(b: object) -> str:
    kel = f" ({b.kelurahan})" if isinstance(b.kelurahan, str) and b.kelurahan else ""
    return f"{b.kode} {b.nama}{kel}".strip()


MAKS_LABEL = 12  # points labelled with their code or year; more would overlap


def _pendek(b: object) -> str:
    """A point's label: the year for the whole kecamatan, else the code (and kelurahan)."""
    if not b.kode:
        return str(b.tahun)
    return f"{b.kode} {b.kelurahan}".strip()


def kuadran(df: pd.DataFrame) -> go.Figure:
    """Capaian (y) against serapan (x), one point per row sized by pagu, coloured by quadrant.

    Dashed lines at the "tinggi" threshold (``evaluasi.ambang``) split the four quadrants, each
    labelled in its corner.
    """
    d = df[df["capaian"].notna() & df["serapan"].notna()]
    batas = evaluasi.ambang()
    maks_pagu = float(d["pagu"].max()) if len(d) and not pd.isna(d["pagu"].max()) else 1.0
    fig = go.Figure()
    for k in URUTAN_KUADRAN:
        g = d[d["kuadran"].eq(k).fillna(False).astype(bool)]
        if g.empty:
            continue
        data = [
            [_bungkus(_label(b)), fmt.persen(b.capaian), fmt.persen(b.serapan), fmt.rupiah(b.pagu),
             fmt.rupiah(b.realisasi), k]
            for b in g.itertuples(index=False)
        ]  # fmt: skip
        fig.add_trace(
            go.Scatter(
                x=[float(v) for v in g["serapan"]],
                y=[float(v) for v in g["capaian"]],
                mode="markers+text" if len(d) <= MAKS_LABEL else "markers",
                text=[_pendek(b) for b in g.itertuples(index=False)],
                textposition="top center",
                cliponaxis=False,
                name=k,
                marker={
                    "color": WARNA_KUADRAN[k],
                    "size": [max(8.0, UKURAN_MAKS * (float(p) / maks_pagu) ** 0.5) for p in g["pagu"].fillna(0)],
                    "line": {"color": kosakata.TEPI, "width": 1},
                    "opacity": 0.85,
                },
                customdata=data,
                hovertemplate=gaya.hover("", "Capaian", "Serapan", "Pagu", "Realisasi", "Kuadran"),
            )
        )
    _garis_ambang(fig, batas, d)
    gaya.terapkan(fig, "Serapan anggaran (realisasi ÷ pagu)", "Capaian kinerja (realisasi ÷ target)", tinggi=520)
    fig.update_layout(showlegend=True)
    gaya.sumbu_persen(fig, "x")
    gaya.sumbu_persen(fig, "y")
    return fig


def _garis_ambang(fig: go.Figure, batas: float, d: pd.DataFrame) -> None:
    """The two threshold lines and a label in each quadrant's outer corner."""
    garis = {"color": kosakata.TEKS_LEMAH, "dash": "dash", "width": 1.2}
    fig.add_vline(x=batas, line=garis)
    fig.add_hline(y=batas, line=garis)
    x_maks = max([batas * 1.2, *(float(v) * 1.05 for v in d["serapan"])])
    y_maks = max([batas * 1.2, *(float(v) * 1.05 for v in d["capaian"])])
    x_min = min([0.0, *(float(v) for v in d["serapan"])])
    y_min = min([0.0, *(float(v) for v in d["capaian"])])
    fig.update_xaxes(range=[x_min, x_maks])
    fig.update_yaxes(range=[y_min, y_maks])
    sudut = {
        URUTAN_KUADRAN[0]: (x_min, y_maks, "left", "top"),
        URUTAN_KUADRAN[1]: (x_maks, y_maks, "right", "top"),
        URUTAN_KUADRAN[2]: (x_min, y_min, "left", "bottom"),
        URUTAN_KUADRAN[3]: (x_maks, y_min, "right", "bottom"),
    }
    for k, (x, y, xa, ya) in sudut.items():
        fig.add_annotation(
            x=x,
            y=y,
            text=k,
            showarrow=False,
            xanchor=xa,
            yanchor=ya,
            font={"color": WARNA_KUADRAN[k], "size": 13},
        )


def predikat_akhir(df: pd.DataFrame) -> go.Figure:
    """How many indicators reached each predikat at their last realisasi, one stacked bar per source table.

    Indicators never reported are not stacked (they would dwarf the rest): their count is written
    above each bar; the table lists them.
    """
    urutan = [*metrics.skala_bawaan().nama, TANPA_PREDIKAT]
    warna = gaya.warna_predikat(metrics.skala_bawaan().nama)
    fig = go.Figure()
    for p in urutan:
        g = df[df["predikat"].eq(p)]
        if g.empty:
            continue
        fig.add_trace(
            go.Bar(
                x=g["sumber"].tolist(),
                y=[int(v) for v in g["jumlah"]],
                name=p,
                marker={"color": warna.get(p, kosakata.ABU)},
                text=[fmt.angka(v) if v else "" for v in g["jumlah"]],
                textposition="inside",
                textangle=0,
                customdata=[[p, fmt.angka(v), s] for v, s in zip(g["jumlah"], g["sumber"], strict=True)],
                hovertemplate=gaya.hover("Predikat", "Jumlah indikator", "Tabel"),
            )
        )
    fig.update_layout(barmode="stack")
    belum = dict(zip(df.loc[df["predikat"].eq(evaluasi.BELUM_DILAPORKAN), "sumber"],
                     df.loc[df["predikat"].eq(evaluasi.BELUM_DILAPORKAN), "jumlah"], strict=True))  # fmt: skip
    sumber = list(dict.fromkeys(df["sumber"]))
    teks = [
        f"{s}<br>({fmt.angka(belum[s])} {evaluasi.BELUM_DILAPORKAN.lower()})" if belum.get(s) else s for s in sumber
    ]
    gaya.terapkan(fig, "", "Jumlah indikator")
    fig.update_xaxes(type="category", tickmode="array", tickvals=sumber, ticktext=teks)
    return fig


def capaian_akhir(df: pd.DataFrame) -> go.Figure:
    """Capaian of the last realisasi against the final target, per indicator that was reported."""
    d = df[df["capaian"].notna()].iloc[::-1]
    warna = gaya.warna_predikat(metrics.skala_bawaan().nama)
    label = [_bungkus(f"{k} {n}".strip() + (f" ({kel})" if kel and kel not in n else ""), 60) for k, n, kel in
             zip(d["kode"], d["indikator"], d["kelurahan"], strict=True)]  # fmt: skip
    data = [
        [str(b.indikator), f"{fmt.angka(b.target_akhir)} ({b.tahun_target})",
         f"{fmt.angka(b.realisasi_akhir)} ({b.tahun_realisasi})", fmt.persen(b.capaian), str(b.predikat),
         str(b.tren or "–")]
        for b in d.itertuples(index=False)
    ]  # fmt: skip
    fig = go.Figure(
        go.Bar(
            x=[float(v) for v in d["capaian"]],
            y=label,
            orientation="h",
            marker={"color": [warna.get(str(p), kosakata.ABU) for p in d["predikat"]]},
            text=[f"{fmt.persen(v)} · {p}" for v, p in zip(d["capaian"], d["predikat"], strict=True)],
            textposition="outside",
            cliponaxis=False,
            customdata=data,
            hovertemplate=gaya.hover("Indikator", "Target akhir", "Realisasi terakhir", "Capaian", "Predikat", "Tren"),
            showlegend=False,
        )
    )
    fig.add_vline(x=100, line={"color": kosakata.HITAM, "dash": "dash", "width": 1.2})
    baris = [x.count("<br>") + 1 for x in label]
    gaya.terapkan(fig, "Capaian", "", tinggi=max(gaya.TINGGI, sum(22 * b + 14 for b in baris) + 100))
    fig.update_xaxes(range=[0, max([100.0, *(float(v) for v in d["capaian"])]) * 1.45])  # room for the labels
    return gaya.sumbu_persen(fig, "x")


def program_akhir(df: pd.DataFrame) -> go.Figure:
    """Per program: total pagu of the years with realisasi against total realisasi (Rupiah), serapan as text."""
    d = df[df["realisasi"].notna()].iloc[::-1]
    label = [_bungkus(f"{p} ({s}, {t})", 56) for p, s, t in zip(d["program"], d["sumber"], d["tahun"], strict=True)]
    fig = go.Figure()
    for kolom, nama, warna in (("pagu_dilaporkan", "Pagu/anggaran", kosakata.BIRU_LANGIT),
                               ("realisasi", "Realisasi", kosakata.BIRU)):  # fmt: skip
        fig.add_trace(
            go.Bar(
                x=[float(v) for v in d[kolom]],
                y=label,
                orientation="h",
                name=nama,
                marker={"color": warna},
                customdata=[
                    [fmt.rupiah(a), fmt.rupiah(b), fmt.persen(c)]
                    for a, b, c in zip(d["pagu_dilaporkan"], d["realisasi"], d["serapan"], strict=True)
                ],  # fmt: skip
                hovertemplate=gaya.hover("Pagu/anggaran", "Realisasi", "Serapan"),
            )
        )
    fig.update_layout(barmode="group")
    gaya.terapkan(fig, kosakata.judul_rupiah("Jumlah"), "", tinggi=max(gaya.TINGGI, 52 * len(d) + 80))
    nilai = [*d["pagu_dilaporkan"].dropna(), *d["realisasi"].dropna()]
    return gaya.sumbu_rupiah(fig, nilai, "x")
