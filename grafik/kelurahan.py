"""Figures of the Kelurahan page: the kelurahan side by side, and one kelurahan's profile.

Every kelurahan keeps one colour on every chart (``warna_kelurahan``, in the manifest's
kelurahan order). A selected kelurahan (``sorot``) is highlighted by fading the others, not
by hiding them: a lurah sees their kelurahan among its neighbours.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

import formatting as fmt
import kosakata
from grafik import gaya

PUDAR = 0.3  # opacity of the kelurahan not selected
JUDUL_RUPIAH = kosakata.judul_rupiah("Pagu")


def warna_kelurahan(urutan: Sequence[str]) -> dict[str, str]:
    """Kelurahan -> colour, stable across charts because it follows the manifest's order."""
    return kosakata.warna_seri(urutan)


def _urutan(df: pd.DataFrame, urutan: Sequence[str]) -> list[str]:
    ada = list(dict.fromkeys(df["kelurahan"]))
    return [k for k in urutan if k in ada] + [k for k in ada if k not in urutan]


def _opasitas(kelurahan: str, sorot: str | None) -> float:
    return 1.0 if not sorot or kelurahan == sorot else PUDAR


def _label_sumbu(kelurahan: Sequence[str], sorot: str | None) -> list[str]:
    """Axis labels with the selected kelurahan in bold."""
    return [f"<b>{k}</b>" if k == sorot else k for k in kelurahan]


def _persen(x: object) -> str:
    """Percent with the decimals the document uses: ``84 %``, ``39,50 %``."""
    return fmt.persen(x, desimal=0 if float(x).is_integer() else 2)  # type: ignore[arg-type]


def teks_target(target: object, satuan: object, target_persen: object = None) -> str:
    """A target as people write it: ``4 Lokasi``, ``39,50 %``, ``46 (30,20 %)``; "–" when missing."""
    if target is None or pd.isna(target):
        return fmt.KOSONG
    s = "" if satuan is None or pd.isna(satuan) else str(satuan).strip()
    if s == "%":
        return _persen(target)
    teks = fmt.angka(target)
    if target_persen is not None and not pd.isna(target_persen):
        teks += f" ({_persen(target_persen)})"
    return f"{teks} {s}".strip()


def pagu_per_tahun(df: pd.DataFrame, urutan: Sequence[str] = (), sorot: str | None = None) -> go.Figure:
    """Grouped bars: pagu per year, one bar (and colour) per kelurahan."""
    warna = warna_kelurahan(urutan or _urutan(df, urutan))
    fig = go.Figure()
    for kel in _urutan(df, urutan):
        d = df[df["kelurahan"] == kel].sort_values("tahun")
        catatan = [kosakata.catatan_tidak_terbaca(n) for n in d["tak_terbaca"]]
        fig.add_trace(
            go.Bar(
                name=kel,
                x=d["tahun"].astype(int).astype(str),
                y=d["pagu"].astype(float),
                marker={"color": warna.get(kel, kosakata.ABU), "opacity": _opasitas(kel, sorot)},
                customdata=list(
                    zip(
                        [kel] * len(d),
                        [fmt.rupiah(v) for v in d["pagu"]],
                        [fmt.persen(v) for v in d["pangsa"]],
                        catatan,
                        strict=True,
                    )
                ),  # fmt: skip
                hovertemplate=gaya.hover("Kelurahan", "Pagu", "Pangsa", ""),
            )
        )
    gaya.terapkan(fig, "Tahun", JUDUL_RUPIAH)
    fig.update_layout(barmode="group", bargap=0.18)
    return gaya.sumbu_rupiah(fig, df["pagu"])


def pagu_kelurahan(df: pd.DataFrame, urutan: Sequence[str] = ()) -> go.Figure:
    """One kelurahan's pagu per year, labelled, in its own colour; hover gives the change on the year before."""
    kel = str(df["kelurahan"].iloc[0]) if len(df) else ""
    warna = warna_kelurahan(urutan).get(kel, kosakata.warna(0))
    d = df.sort_values("tahun")
    perubahan = [
        fmt.KOSONG if pd.isna(s) else f"{fmt.rupiah(s)} ({fmt.persen(p)})"
        for s, p in zip(d["selisih"], d["persen"], strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            x=d["tahun"].astype(int).astype(str),
            y=d["pagu"].astype(float),
            marker={"color": warna},
            text=[fmt.rupiah_ringkas(v) for v in d["pagu"]],
            textposition="outside",
            cliponaxis=False,
            customdata=list(
                zip([fmt.rupiah(v) for v in d["pagu"]], [fmt.persen(v) for v in d["pangsa"]], perubahan, strict=True)
            ),
            hovertemplate=gaya.hover("Pagu", "Pangsa dari semua kelurahan", "Perubahan dari tahun sebelumnya"),
        )
    )
    gaya.terapkan(fig, "Tahun", JUDUL_RUPIAH)
    return gaya.sumbu_rupiah(fig, d["pagu"])


def _bungkus(teks: str, lebar: int = 48) -> str:
    """Wrap a long label onto lines of about ``lebar`` characters (plotly does not wrap)."""
    baris, kini = [], ""
    for kata in str(teks).split():
        if kini and len(kini) + 1 + len(kata) > lebar:
            baris.append(kini)
            kini = kata
        else:
            kini = f"{kini} {kata}".strip()
    if kini:
        baris.append(kini)
    return "<br>".join(baris)


def pagu_per_jenis(df: pd.DataFrame, urutan: Sequence[str] = (), sorot: str | None = None) -> go.Figure:
    """Stacked bars per kelurahan: the pagu of each kind of kegiatan/sub kegiatan, total on top."""
    kel = _urutan(df, urutan)
    jenis = list(dict.fromkeys(df["jenis"]))
    warna = kosakata.warna_seri(jenis)
    fig = go.Figure()
    for j in jenis:
        d = df[df["jenis"] == j].set_index("kelurahan").reindex(kel)
        fig.add_trace(
            go.Bar(
                name=_bungkus(j, 60),
                x=kel,
                y=d["pagu"].astype(float),
                marker={"color": warna[j], "opacity": [_opasitas(k, sorot) for k in kel]},
                customdata=list(
                    zip(
                        kel,
                        [j] * len(kel),
                        [fmt.rupiah(v) for v in d["pagu"]],
                        [fmt.KOSONG if pd.isna(v) else v for v in d["kode"]],
                        strict=True,
                    )
                ),  # fmt: skip
                hovertemplate=gaya.hover("Kelurahan", "Jenis", "Pagu", "Kode"),
            )
        )
    total = df.groupby("kelurahan")["pagu"].sum(min_count=1).reindex(kel)
    for k, v in total.items():
        if pd.notna(v):
            fig.add_annotation(x=k, y=float(v), text=fmt.rupiah_ringkas(v), showarrow=False, yanchor="bottom", yshift=3)
    gaya.terapkan(fig, "Kelurahan", JUDUL_RUPIAH, tinggi=gaya.TINGGI + 60)
    fig.update_layout(barmode="stack", legend={"font": {"size": 12}})
    fig.update_xaxes(tickmode="array", tickvals=kel, ticktext=_label_sumbu(kel, sorot))
    return gaya.sumbu_rupiah(fig, total)


def target_per_jenis(df: pd.DataFrame, urutan: Sequence[str] = (), sorot: str | None = None) -> go.Figure:
    """A coloured table: one row per kind x indicator x unit, one column per kelurahan, the target in each cell.

    Rows have different units, so colour compares cells within a row only (the row's highest
    target is darkest); nothing is summed or drawn on a shared axis across rows. Cells without
    a target stay blank ("–"). Chosen over bars because it stays legible at projector size.
    """
    kelompok = list(dict.fromkeys(df["kelompok"]))
    kel = _urutan(df, urutan)
    label, z, teks, hover = [], [], [], []
    for g in kelompok:
        d = df[df["kelompok"] == g]
        x = d.iloc[0]
        satuan = str(x["satuan"] or "").strip()
        label.append(_bungkus(f"{x['jenis']}: {x['indikator']}" + (f" ({satuan})" if satuan else ""), 52))
        d = d.set_index("kelurahan").reindex(kel)
        nilai = pd.to_numeric(d["target"]).astype("Float64")
        maks = nilai.max()
        z.append(
            [None if pd.isna(v) or pd.isna(maks) or maks <= 0 else 0.15 + 0.85 * float(v) / float(maks) for v in nilai]
        )
        t = [teks_target(a, b, c) for a, b, c in zip(d["target"], d["satuan"], d["target_persen"], strict=True)]
        teks.append(t)
        hover.append([[k, t[i], str(x["jenis"]), str(x["indikator"])] for i, k in enumerate(kel)])
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=kel,
            y=list(range(len(kelompok))),
            text=teks,
            texttemplate="%{text}",
            customdata=hover,
            hovertemplate=gaya.hover("Kelurahan", "Target", "Jenis", "Indikator"),
            colorscale=[[0, kosakata.LATAR_SKALA], [1, kosakata.BIRU_LANGIT]],
            zmin=0,
            zmax=1,
            showscale=False,
            xgap=3,
            ygap=3,
        )
    )
    gaya.terapkan(fig, "", "", tinggi=max(gaya.TINGGI, 78 * len(kelompok) + 110))
    fig.update_yaxes(
        tickmode="array",
        tickvals=list(range(len(kelompok))),
        ticktext=label,
        showgrid=False,
        tickfont={"size": 12},
        autorange="reversed",
    )
    fig.update_xaxes(tickmode="array", tickvals=kel, ticktext=_label_sumbu(kel, sorot), side="top", showline=False)
    if sorot in kel:
        i = kel.index(sorot)
        fig.add_shape(
            type="rect", x0=i - 0.5, x1=i + 0.5, y0=-0.5, y1=len(kelompok) - 0.5,
            line={"color": kosakata.TEKS, "width": 3}, fillcolor="rgba(0,0,0,0)",
        )  # fmt: skip
    return fig


def pegawai_per_kelurahan(df: pd.DataFrame, urutan: Sequence[str] = (), sorot: str | None = None) -> go.Figure:
    """Bars of staff per kelurahan office (Tabel 2.2.2), in each kelurahan's colour."""
    kel = _urutan(df, urutan)
    d = df.set_index("kelurahan").reindex(kel)
    warna = warna_kelurahan(urutan or kel)
    fig = go.Figure(
        go.Bar(
            x=kel,
            y=d["jumlah"].astype(float),
            marker={"color": [warna.get(k, kosakata.ABU) for k in kel], "opacity": [_opasitas(k, sorot) for k in kel]},
            text=[fmt.angka(v) for v in d["jumlah"]],
            textposition="outside",
            cliponaxis=False,
            customdata=list(
                zip(
                    kel,
                    [fmt.angka(v) for v in d["laki_laki"]],
                    [fmt.angka(v) for v in d["perempuan"]],
                    [fmt.angka(v) for v in d["jumlah"]],
                    strict=True,
                )
            ),  # fmt: skip
            hovertemplate=gaya.hover("Kelurahan", "Laki-laki", "Perempuan", "Jumlah"),
        )
    )
    gaya.terapkan(fig, "Kelurahan", "Pegawai (orang)")
    fig.update_xaxes(tickmode="array", tickvals=kel, ticktext=_label_sumbu(kel, sorot))
    fig.update_yaxes(rangemode="tozero", tickformat=",.0f")
    return fig
