"""Figures of the Anggaran page (frames from ``sajian.anggaran``).

Two marks recur so a projected chart cannot be misread: a hatched bar or an open marker is
a pagu summed from rincian (the program's own pagu is printed ``*****``), and grey means
"not in the document" (no realisasi printed). Program colours follow the program filter's
order (``urutan``), so a program keeps its colour on every chart of the page.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

import formatting as fmt
import kosakata
from grafik import gaya

SUMBU_RUPIAH = kosakata.judul_rupiah("Pagu")
ARSIR = "/"
WARNA_TOTAL = kosakata.warna(7)


def _bool(v: Any) -> bool:
    """A nullable boolean cell as bool (NA -> False)."""
    return False if pd.isna(v) else bool(v)


def _tahun(s: pd.Series) -> list[str]:
    """Years as category labels ("2022", not 2.022)."""
    return [str(int(t)) for t in s]


def _angka(s: pd.Series) -> list[float | None]:
    """Numbers for plotly; NA becomes None (a gap), never 0."""
    return [None if pd.isna(v) else float(v) for v in s]


def _teks_di_atas(warna: str) -> str:
    """Black or white text, whichever reads better on ``warna`` (WCAG relative luminance)."""
    r, g, b = (int(warna[i : i + 2], 16) / 255 for i in (1, 3, 5))

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    terang = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    return kosakata.TEKS if terang > 0.25 else kosakata.PUTIH


def _isi(warna: str, arsir: list[bool], **lain: Any) -> dict[str, Any]:
    """A bar marker, hatched where ``arsir``. Colours go per bar as a list: Streamlit's bundled
    plotly.js (4.2) draws nothing for a patterned bar whose ``marker.color`` is a single value."""
    return {
        "color": [warna] * len(arsir),
        "pattern": {"shape": [ARSIR if a else "" for a in arsir], "fgcolor": kosakata.PUTIH, "solidity": 0.35},
        **lain,
    }


def _legenda(fig: go.Figure, nama: str, warna: str, grup: str) -> None:
    """A plain legend swatch for a hatched series: plotly.js 4.2 draws an empty swatch when the
    series' first bar is hatched. Same legendgroup, so clicking it still hides the series. A
    scatter, because an empty bar would still take a slot in a grouped bar chart."""
    fig.add_trace(
        go.Scatter(
            x=[None],
            y=[None],
            name=nama,
            legendgroup=grup,
            mode="markers",
            hoverinfo="skip",
            marker={"color": warna, "symbol": "square", "size": 12},
        )
    )  # fmt: skip


def _legenda_arsir(fig: go.Figure, nama: str = "Arsir: " + kosakata.jumlah_rincian()) -> None:
    """A legend-only entry explaining the hatch (no data of its own)."""
    fig.add_trace(
        go.Bar(
            x=[None], y=[None], name=nama, hoverinfo="skip",
            marker={"color": kosakata.PUTIH, "line": {"color": kosakata.TEKS_LEMAH, "width": 1},
                    "pattern": {"shape": ARSIR, "fgcolor": kosakata.TEKS_LEMAH}},
        )
    )  # fmt: skip


# --- 1 ----------------------------------------------------------------------------------------


def pagu_program_bertumpuk(df: pd.DataFrame) -> go.Figure:
    """Stacked bars: pagu per program per year; hatched where summed from rincian.

    A program outside the program filter fades; the kecamatan total sits above each bar,
    with "*" when some of it is summed from rincian.
    """
    fig = go.Figure()
    for kunci, g in df.sort_values(["urutan", "tahun"], kind="stable").groupby("kunci", sort=False):
        rincian = [_bool(v) for v in g["berdasar_rincian"]]
        dipilih = [_bool(v) for v in g["dipilih"]]
        warna = kosakata.warna(int(g["urutan"].iloc[0]))
        fig.add_trace(
            go.Bar(
                x=_tahun(g["tahun"]),
                y=_angka(g["pagu"]),
                name=str(g["program"].iloc[0]),
                legendgroup=str(kunci),
                showlegend=False,
                marker=_isi(
                    warna,
                    rincian,
                    opacity=[1.0 if d else 0.25 for d in dipilih],
                    line={"color": kosakata.PUTIH, "width": 1},
                ),
                customdata=[
                    [str(p), fmt.rupiah(v), kosakata.jumlah_rincian(t) if r else kosakata.PAGU_TERCETAK]
                    for p, v, r, t in zip(g["program"], g["pagu"], rincian, g["pagu_teks"], strict=True)
                ],
                hovertemplate="%{customdata[0]}<br>Tahun %{x}<br>Pagu: %{customdata[1]}<br>"
                "Dasar: %{customdata[2]}<extra></extra>",
            )
        )
        _legenda(fig, str(g["program"].iloc[0]), warna, str(kunci))
    # Totals as a text-only trace: annotations at "2020" on a category axis are read as index 2020.
    total = df.drop_duplicates("tahun")
    fig.add_trace(
        go.Scatter(
            x=_tahun(total["tahun"]), y=_angka(total["total_tahun"]), name="Total kecamatan", mode="text",
            text=[fmt.rupiah_ringkas(v) + ("*" if int(n) else "")
                  for v, n in zip(total["total_tahun"], total["program_rincian_tahun"], strict=True)],
            textposition="top center", showlegend=False, cliponaxis=False,
            customdata=[[fmt.rupiah(v), f"{fmt.angka(n)} program dari jumlah rincian" if int(n) else kosakata.PAGU_TERCETAK]
                        for v, n in zip(total["total_tahun"], total["program_rincian_tahun"], strict=True)],
            hovertemplate="Total kecamatan %{x}<br>" + gaya.hover("Pagu", "Dasar"),
        )
    )  # fmt: skip
    _legenda_arsir(fig)
    fig.update_layout(barmode="stack", legend={"traceorder": "normal"})
    gaya.terapkan(fig, "Tahun", SUMBU_RUPIAH, tinggi=520)
    fig.update_xaxes(type="category", categoryorder="category ascending")
    fig.update_layout(margin={"t": 40})
    return gaya.sumbu_rupiah(fig, [*df["total_tahun"].tolist(), float(df["total_tahun"].max()) * 1.08])


# --- 2 ----------------------------------------------------------------------------------------


def tren_pagu(df: pd.DataFrame) -> go.Figure:
    """Lines of pagu per year per program (or per kegiatan of one program, with the program dashed).

    An open marker is a pagu summed from rincian; a year without a printed pagu is a gap.
    """
    fig = go.Figure()
    fokus = (df["jenis"] == "kegiatan").any()
    for _, g in df.groupby("seri_kunci", sort=False):
        program = g["jenis"].iloc[0] == "program"
        rincian = [_bool(v) for v in g["berdasar_rincian"]]
        warna = WARNA_TOTAL if (program and fokus) else kosakata.warna(int(g["urutan"].iloc[0]))
        fig.add_trace(
            go.Scatter(
                x=_tahun(g["tahun"]),
                y=_angka(g["pagu"]),
                name=str(g["seri"].iloc[0]),
                mode="lines+markers",
                connectgaps=False,
                line={"color": warna, "width": 3, "dash": "dash" if (program and fokus) else "solid"},
                marker={"size": 11, "color": warna, "symbol": ["circle-open" if r else "circle" for r in rincian],
                        "line": {"width": 2, "color": warna}},
                customdata=[
                    [str(s), fmt.rupiah(v), kosakata.jumlah_rincian() if r else str(d)]
                    for s, v, r, d in zip(g["seri"], g["pagu"], rincian, g["dasar"], strict=True)
                ],
                hovertemplate="%{customdata[0]}<br>Tahun %{x}<br>Pagu: %{customdata[1]}<br>"
                "Dasar: %{customdata[2]}<extra></extra>",
            )
        )  # fmt: skip
    gaya.terapkan(fig, "Tahun", SUMBU_RUPIAH, tinggi=480)
    fig.update_yaxes(rangemode="tozero")
    fig.update_xaxes(type="category", categoryorder="category ascending")  # "2021" is a label, not 2.021
    return gaya.sumbu_rupiah(fig, df["pagu"])


# --- 3 ----------------------------------------------------------------------------------------


def _teks_pagu(b: Any) -> str:
    if b.tingkat == "kecamatan":
        return "– (jumlah program di bawah)"
    if b.pagu_status == "tidak_terbaca":
        return kosakata.tidak_terbaca(b.pagu_teks)
    if pd.isna(b.pagu):
        return "tidak tercetak"
    return fmt.rupiah(b.pagu)


def _catatan_node(b: Any) -> str:
    if b.tingkat == "kecamatan":
        return "Jumlah pagu program (yang tak terbaca: jumlah rinciannya)"
    if b.pagu_status == "tidak_terbaca":
        return "Ukuran kotak = jumlah rinciannya"
    if not pd.isna(b.selisih_rincian) and int(b.selisih_rincian) != 0:
        return f"Tercetak berbeda {fmt.rupiah(b.selisih_rincian)} dari jumlah rinciannya (pembulatan dokumen)"
    return ""


def _teks_kotak(b: Any) -> str:
    """Short box text: the kelurahan for a kelurahan's row (its box is small), else a shortened label."""
    if b.kelurahan and b.tingkat != "program":
        return f"{b.kelurahan}: {b.nama[:28]}…" if len(b.nama) > 28 else f"{b.kelurahan}: {b.nama}"
    return b.label if len(b.label) <= 60 else b.label[:59] + "…"


def rincian_treemap(df: pd.DataFrame) -> go.Figure:
    """Treemap program -> kegiatan -> sub kegiatan with plotly's path bar as breadcrumb.

    branchvalues "remainder" with each node's own printed remainder (``nilai``): a printed parent
    may differ from its children by a rounding Rupiah or be unreadable, which "total" would reject. Leaves without a printed pagu cannot be sized and are left
    out; a note under the chart counts them.
    """
    gambar = df[df["nilai"].notna()]
    tanpa = df[df["nilai"].isna()]
    warna = [kosakata.LATAR_LEMAH if pd.isna(u) else kosakata.warna(int(u)) for u in gambar["urutan"]]
    fig = go.Figure(
        go.Treemap(
            ids=gambar["id"].tolist(),
            parents=gambar["induk"].tolist(),
            labels=gambar["label"].tolist(),
            values=[float(v) for v in gambar["nilai"]],
            branchvalues="remainder",
            maxdepth=3,
            pathbar={"visible": True, "side": "top", "thickness": 24},
            marker={"colors": warna, "line": {"color": kosakata.PUTIH, "width": 2}},
            customdata=[
                [fmt.rupiah_ringkas(b.total_node), _teks_pagu(b),
                 fmt.rupiah(b.jumlah_rincian), b.tingkat.replace("_", " ").capitalize(),
                 b.kelurahan or fmt.KOSONG, _catatan_node(b), _teks_kotak(b)]
                for b in gambar.itertuples(index=False)
            ],
            texttemplate="<b>%{customdata[6]}</b><br>%{customdata[0]}",
            hovertemplate="<b>%{label}</b><br>Tingkat: %{customdata[3]}<br>Pagu tercetak: %{customdata[1]}<br>"
            "Jumlah rincian: %{customdata[2]}<br>Kelurahan: %{customdata[4]}<br>%{customdata[5]}<extra></extra>",
            textfont={"color": [_teks_di_atas(w) for w in warna]},
            root={"color": kosakata.LATAR_LEMAH},
            tiling={"pad": 2},
        )
    )  # fmt: skip
    gaya.terapkan(fig, tinggi=560)
    fig.update_layout(margin={"l": 4, "r": 4, "t": 30, "b": 40 if len(tanpa) else 4})
    if len(tanpa):
        nama = "; ".join(f"{n}" for n in tanpa["label"].head(4))
        lagi = f" dan {len(tanpa) - 4} lainnya" if len(tanpa) > 4 else ""
        fig.add_annotation(
            x=0, y=0, xref="paper", yref="paper", yanchor="top", xanchor="left", yshift=-6, showarrow=False,
            align="left", font={"size": 12, "color": kosakata.TEKS_LEMAH},
            text=f"Tidak tergambar ({fmt.angka(len(tanpa))} baris tanpa pagu tercetak): {nama}{lagi}",
        )  # fmt: skip
    return fig


# --- 4 ----------------------------------------------------------------------------------------


def anggaran_realisasi(df: pd.DataFrame) -> go.Figure:
    """Grouped bars of anggaran and realisasi per year (T-C.24) with serapan (%) on a second axis.

    The anggaran of programs without a printed realisasi is a grey hatched cap on the
    anggaran bar (serapan leaves it out); the serapan marker of a year whose realisasi the
    document set equal to its targets (``disamakan_target``) is open.
    """
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    x = _tahun(df["tahun"])
    teks_catatan = [
        (f"{fmt.angka(n)} program tanpa realisasi tercetak ({fmt.rupiah(a)})" if int(n) else "")
        + (kosakata.REALISASI_DISAMAKAN if _bool(d) else "")
        for n, a, d in zip(df["program_tanpa_realisasi"], df["anggaran_tanpa_realisasi"], df["disamakan_target"],
                           strict=True)
    ]  # fmt: skip
    data = [
        [fmt.rupiah(a), fmt.rupiah(ab), fmt.rupiah(r), fmt.persen(s), c]
        for a, ab, r, s, c in zip(df["anggaran"], df["anggaran_berealisasi"], df["realisasi"], df["serapan"],
                                  teks_catatan, strict=True)
    ]  # fmt: skip
    hover = "Tahun %{x}<br>" + gaya.hover("Anggaran", "Anggaran program yang mencetak realisasi", "Realisasi",
                                          "Serapan", "")  # fmt: skip
    fig.add_trace(
        go.Bar(x=x, y=_angka(df["anggaran_berealisasi"]), name="Anggaran", offsetgroup="anggaran",
               marker={"color": kosakata.warna(0)}, customdata=data, hovertemplate=hover),
        secondary_y=False,
    )  # fmt: skip
    if (df["anggaran_tanpa_realisasi"].fillna(0) > 0).any():
        tanpa = [v if v and v > 0 else None for v in _angka(df["anggaran_tanpa_realisasi"])]
        fig.add_trace(
            go.Bar(x=x, y=tanpa, base=_angka(df["anggaran_berealisasi"].fillna(0)), offsetgroup="anggaran",
                   name="Anggaran tanpa realisasi tercetak",
                   marker=_isi(kosakata.ABU, [v is not None for v in tanpa], line={"color": kosakata.ABU, "width": 1}),
                   customdata=data, hovertemplate=hover),
            secondary_y=False,
        )  # fmt: skip
    fig.add_trace(
        go.Bar(x=x, y=_angka(df["realisasi"]), name="Realisasi", offsetgroup="realisasi",
               marker={"color": kosakata.warna(2)}, customdata=data, hovertemplate=hover),
        secondary_y=False,
    )  # fmt: skip
    disamakan = [_bool(d) for d in df["disamakan_target"]]
    fig.add_trace(
        go.Scatter(
            x=x, y=_angka(df["serapan"]), name="Serapan (%)", mode="lines+markers+text", connectgaps=False,
            line={"color": kosakata.warna(5), "width": 3},
            marker={"size": 12, "color": [kosakata.ABU if d else kosakata.warna(5) for d in disamakan],
                    "symbol": ["circle-open" if d else "circle" for d in disamakan], "line": {"width": 3}},
            text=[fmt.persen(s) + ("*" if d else "") for s, d in zip(df["serapan"], disamakan, strict=True)],
            textposition="top center", customdata=data, hovertemplate=hover,
        ),
        secondary_y=True,
    )  # fmt: skip
    gaya.terapkan(fig, "Tahun", kosakata.judul_rupiah("Anggaran dan realisasi"), tinggi=480)
    fig.update_xaxes(type="category", categoryorder="category ascending")  # "2021" is a label, not 2.021
    posisi, label = gaya.tik_rupiah([*df["anggaran"].tolist(), *df["realisasi"].dropna().tolist()])
    maks = max([v for v in _angka(df["serapan"]) if v is not None] + [100.0])
    atas = (int(maks * 1.15) // 20 + 1) * 20  # room for the labels above the line, ticks every 20 %
    fig.update_layout(
        barmode="group",
        # Bars stay in the lower two thirds so the serapan line (about 90-100 %) runs above them.
        yaxis={"tickmode": "array", "tickvals": posisi, "ticktext": label, "range": [0, max(posisi) * 1.45]},
        yaxis2={"title": "Serapan (%)", "ticksuffix": " %", "tickformat": ",.0f", "showgrid": False,
                "range": [0, atas], "dtick": 20},
    )  # fmt: skip
    return fig


def serapan_per_program(df: pd.DataFrame) -> go.Figure:
    """Dot plot of serapan per T-C.24 program and year; the 100 % line makes overspending stand out.

    Programs without a printed realisasi have no dot (table lists them); the dots of a year
    whose realisasi the document set equal to targets (``disamakan_target``) are open.
    """
    d = df[df["serapan"].notna()]
    urutan_label = list(dict.fromkeys(d["label"]))[::-1]
    fig = go.Figure()
    warna = kosakata.warna_seri(_tahun(pd.Series(sorted(d["tahun"].unique()))))
    for tahun, g in d.groupby("tahun", sort=True):
        t = str(int(tahun))
        disamakan = [_bool(v) for v in g["disamakan_target"]]
        lebih = [_bool(v) for v in g["melebihi_100"]]
        fig.add_trace(
            go.Scatter(
                x=_angka(g["serapan"]), y=g["label"].tolist(), name=t, mode="markers+text",
                marker={"size": 13, "color": warna[t], "symbol": ["circle-open" if s else "circle" for s in disamakan],
                        "line": {"width": 2, "color": warna[t]}},
                text=[fmt.persen(s) if m else "" for s, m in zip(g["serapan"], lebih, strict=True)],
                textposition="middle left",
                customdata=[
                    [str(p), t, fmt.persen(s), fmt.rupiah(a), fmt.rupiah(r), c or ""]
                    for p, s, a, r, c in zip(g["label"], g["serapan"], g["anggaran"], g["realisasi"], g["catatan"],
                                             strict=True)
                ],
                hovertemplate="%{customdata[0]}<br>Tahun %{customdata[1]}<br>Serapan: %{customdata[2]}<br>"
                "Anggaran: %{customdata[3]}<br>Realisasi: %{customdata[4]}<br>%{customdata[5]}<extra></extra>",
            )
        )  # fmt: skip
    fig.add_vline(x=100, line={"color": kosakata.TEKS_LEMAH, "dash": "dash", "width": 1})
    gaya.terapkan(fig, "Serapan (%)", "", tinggi=max(420, 26 * len(urutan_label) + 120))
    pendek = [lbl if len(lbl) <= 48 else lbl[:47] + "…" for lbl in urutan_label]
    fig.update_yaxes(categoryorder="array", categoryarray=urutan_label, tickmode="array", tickvals=urutan_label,
                     ticktext=pendek, showgrid=True)  # fmt: skip
    maks = max([v for v in _angka(d["serapan"]) if v is not None] + [100.0])
    fig.update_xaxes(range=[0, maks * 1.08])
    return gaya.sumbu_persen(fig, sumbu="x")


# --- 5 ----------------------------------------------------------------------------------------


def perubahan_pagu(df: pd.DataFrame) -> go.Figure:
    """Grouped bars of the year-on-year change (selisih) of the total and each program; % above each bar.

    Hatched where either year's pagu is summed from rincian.
    """
    fig = go.Figure()
    for _, g in df.groupby("seri_kunci", sort=False):
        total = int(g["urutan"].iloc[0]) < 0
        warna = WARNA_TOTAL if total else kosakata.warna(int(g["urutan"].iloc[0]))
        rincian = [_bool(v) for v in g["berdasar_rincian"]]
        fig.add_trace(
            go.Bar(
                x=_tahun(g["tahun"]), y=_angka(g["selisih"]), name=str(g["seri"].iloc[0]),
                legendgroup=str(g["seri_kunci"].iloc[0]), showlegend=False, marker=_isi(warna, rincian),
                text=[fmt.persen(p, 1) for p in g["persen"]], textposition="outside", cliponaxis=False,
                customdata=[
                    [str(s), f"{int(t) - 1}: {fmt.rupiah(a)}", f"{int(t)}: {fmt.rupiah(b)}", fmt.rupiah(d),
                     fmt.persen(p), "salah satu tahunnya: " + kosakata.jumlah_rincian() if r else ""]
                    for s, t, a, b, d, p, r in zip(g["seri"], g["tahun"], g["pagu_sebelumnya"], g["pagu"],
                                                   g["selisih"], g["persen"], rincian, strict=True)
                ],
                hovertemplate="%{customdata[0]}<br>Pagu %{customdata[1]}<br>Pagu %{customdata[2]}<br>"
                "Selisih: %{customdata[3]} (%{customdata[4]})<br>%{customdata[5]}<extra></extra>",
            )
        )  # fmt: skip
        _legenda(fig, str(g["seri"].iloc[0]), warna, str(g["seri_kunci"].iloc[0]))
    if (df["berdasar_rincian"].fillna(False)).any():
        _legenda_arsir(fig, "Arsir = memakai jumlah rincian")
    fig.update_layout(barmode="group")
    gaya.terapkan(fig, "Tahun (dibanding tahun sebelumnya)", kosakata.judul_rupiah("Selisih pagu"), tinggi=480)
    fig.update_xaxes(type="category", categoryorder="category ascending")  # "2021" is a label, not 2.021
    return gaya.sumbu_rupiah(fig, df["selisih"])
