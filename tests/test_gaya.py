"""grafik.gaya: one chart style (palette, separators, Rupiah ticks) used by every figure."""

from __future__ import annotations

import plotly.graph_objects as go

from grafik import gaya
from metrics import skala_bawaan


def test_terapkan_pemisah_indonesia_dan_palet() -> None:
    fig = gaya.terapkan(go.Figure(go.Bar(x=["2020"], y=[1])), "Tahun", "Pagu")
    assert fig.layout.separators == ",."
    assert list(fig.layout.colorway) == list(gaya.PALET)
    assert fig.layout.xaxis.title.text == "Tahun"


def test_tik_rupiah_berlabel_miliar() -> None:
    posisi, label = gaya.tik_rupiah([15_757_599_288, 12_957_945_947])
    assert posisi[0] == 0 and posisi[-1] >= 15_757_599_288
    assert label[:3] == ["0", "Rp 5,0 M", "Rp 10,0 M"]


def test_tik_rupiah_kosong_dan_negatif() -> None:
    assert gaya.tik_rupiah([]) == ([0.0], ["Rp 0"])
    posisi, label = gaya.tik_rupiah([-400_000_000, 1_200_000_000])
    assert posisi[0] < 0 and label[0].startswith("-Rp")


def test_warna_predikat_urut_dan_tanpa_capaian_abu() -> None:
    warna = gaya.warna_predikat(skala_bawaan().nama)
    assert warna["Sangat Tinggi"] == "#009E73"
    assert warna["Sangat Rendah"] == "#D55E00"
    assert warna[gaya.TANPA_PREDIKAT] == gaya.ABU
    assert len(set(warna.values())) == len(warna)


def test_warna_seri_stabil() -> None:
    assert gaya.warna_seri(["b", "a", "b"]) == {"b": gaya.PALET[0], "a": gaya.PALET[1]}


def test_hover_dari_customdata() -> None:
    assert gaya.hover("Pagu", "") == "Pagu: %{customdata[0]}<br>%{customdata[1]}<extra></extra>"


def test_palet_dari_kosakata() -> None:
    import kosakata

    # one palette: the chart style re-exports kosakata's objects, the Musrenbang deck reads them too
    assert gaya.PALET is kosakata.PALET and gaya.ABU is kosakata.ABU and gaya.warna is kosakata.warna
