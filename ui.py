"""Streamlit glue shared by every page: panels (chart + table + .xlsx), filters, presentation mode.

A page declares its content as a list of ``Panel`` and hands it to ``tampilkan``. In the
normal view every panel shows in order; in presentation mode (``?mode=presentasi``) one
panel fills the screen and ``st.pagination`` (bound to ``?slide=``) steps through them.
Panels are lazy: a panel that is not on screen never computes its data or figure.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import ekspor
import formatting as fmt
from grafik import gaya

KUNCI_MODE = "mode"
BIASA, PRESENTASI = "biasa", "presentasi"
KUNCI_SLIDE = "slide"
KUNCI_TAHUN, KUNCI_PROGRAM, KUNCI_KELURAHAN = "tahun", "program", "kelurahan"
SEMUA = "semua"

_CSS_PRESENTASI = """
<style>
html { font-size: 21px; }
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] { display: none; }
[data-testid="stMainBlockContainer"] { max-width: 100%; padding: 1.5rem 2.5rem 1rem 2.5rem; }
</style>
"""


# --- mode -------------------------------------------------------------------------------


def mode_diminta() -> str:
    """The mode asked for by the widget (after a click) or by the URL (first load of a link)."""
    nilai = st.session_state.get(KUNCI_MODE) or st.query_params.get(KUNCI_MODE) or BIASA
    return PRESENTASI if nilai == PRESENTASI else BIASA


def presentasi() -> bool:
    """True in presentation mode."""
    return mode_diminta() == PRESENTASI


def pilih_mode(wadah: Any) -> str:
    """The mode switch (bound to ``?mode=``), drawn in ``wadah``; applies the presentation CSS."""
    with wadah:
        mode = st.segmented_control(
            "Tampilan",
            [BIASA, PRESENTASI],
            default=BIASA,
            required=True,
            format_func={BIASA: "Biasa", PRESENTASI: "Presentasi"}.get,
            key=KUNCI_MODE,
            bind="query-params",
            help="Presentasi: tanpa sidebar, huruf besar, satu grafik per layar (untuk Musrenbang).",
        )
    if mode == PRESENTASI:
        st.html(_CSS_PRESENTASI)
    return mode


# --- shared filters -------------------------------------------------------------------------


def filter_tahun(wadah: Any, pilihan: Sequence[int]) -> int:
    """Year filter (``?tahun=``); the latest plan year by default."""
    with wadah:
        return st.selectbox("Tahun", list(pilihan), index=len(pilihan) - 1, key=KUNCI_TAHUN, bind="query-params")


def filter_program(wadah: Any, label: Mapping[str, str]) -> str:
    """Program filter (``?program=7.01.03``); ``SEMUA`` for every program."""
    opsi = [SEMUA, *label]
    with wadah:
        return st.selectbox(
            "Program",
            opsi,
            format_func=lambda k: "Semua program" if k == SEMUA else label[k],
            key=KUNCI_PROGRAM,
            bind="query-params",
        )


def filter_kelurahan(wadah: Any, kelurahan: Sequence[str]) -> str:
    """Kelurahan filter (``?kelurahan=Pakistaji``); ``SEMUA`` for the whole kecamatan."""
    with wadah:
        return st.selectbox(
            "Kelurahan",
            [SEMUA, *kelurahan],
            format_func=lambda k: "Seluruh kecamatan" if k == SEMUA else k,
            key=KUNCI_KELURAHAN,
            bind="query-params",
        )


def nilai_filter(kunci: str, bawaan: Any = None) -> Any:
    """The current value of a shared filter drawn by app.py (``bawaan`` when the page has none)."""
    return st.session_state.get(kunci, bawaan)


# --- panels ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kolom:
    """A table column: its heading and kind (``formatting.JENIS_KOLOM``) on screen and in .xlsx."""

    label: str
    jenis: str = "teks"


@dataclass(frozen=True)
class Panel:
    """One chart with its table, or (``isi``) other content, as one slide in presentation mode.

    ``data`` is called once when the panel is shown; ``grafik`` draws that frame; ``kolom``
    picks and names the table's columns (all columns when empty); ``kosong`` is the message
    shown instead when ``data`` has no rows.
    """

    judul: str
    data: Callable[[], pd.DataFrame] | None = None
    grafik: Callable[[pd.DataFrame], go.Figure] | None = None
    kolom: Mapping[str, Kolom] = field(default_factory=dict)
    keterangan: str = ""
    sumber: str = ""
    isi: Callable[[], None] | None = None
    kosong: str = "Tidak ada data untuk pilihan ini."
    kunci: str = ""

    @property
    def id(self) -> str:
        return self.kunci or ekspor.nama_berkas(self.judul).removesuffix(".xlsx")


def _tabel_tampil(p: Panel, df: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, Any]]:
    """The panel's table as display text plus column config (headings, right-aligned numbers)."""
    kolom = dict(p.kolom) or {c: Kolom(str(c)) for c in df.columns}
    pilih = df[[c for c in kolom if c in df.columns]]
    tampil = fmt.tabel(pilih, {c: k.jenis for c, k in kolom.items()})
    config = {
        c: st.column_config.TextColumn(k.label, alignment="left" if k.jenis == "teks" else "right")
        for c, k in kolom.items()
    }
    return tampil, config


def _unduhan(p: Panel, df: pd.DataFrame) -> Callable[[], bytes]:
    """Deferred .xlsx of the table (built only when someone clicks the button)."""
    kolom = dict(p.kolom) or {c: Kolom(str(c)) for c in df.columns}
    pilih = df[[c for c in kolom if c in df.columns]].copy()

    def buat() -> bytes:
        return ekspor.tabel_xlsx(
            pilih,
            judul=p.judul,
            sumber=p.sumber,
            kolom={c: k.label for c, k in kolom.items()},
            format_angka={c: fmt.FORMAT_EXCEL[k.jenis] for c, k in kolom.items() if k.jenis in fmt.FORMAT_EXCEL},
        )

    return buat


def _panel(p: Panel, besar: bool) -> None:
    st.subheader(p.judul)
    if p.keterangan:
        st.caption(p.keterangan)
    if p.isi is not None:
        p.isi()
        return
    if p.data is None:
        return
    df = p.data()
    if df.empty:
        st.info(p.kosong)
        return
    if p.grafik is not None:
        fig = p.grafik(df)
        if besar:
            gaya.besar(fig)
        st.plotly_chart(
            fig,
            theme=None,
            key=f"grafik-{p.id}",
            config={"displaylogo": False, "toImageButtonOptions": {"filename": p.id, "scale": 2}},
        )
    if besar:
        return
    tampil, config = _tabel_tampil(p, df)
    with st.expander(f"Tabel: {p.judul}", expanded=p.grafik is None):
        st.dataframe(tampil, hide_index=True, column_config=config, height="content" if len(tampil) <= 20 else 520)
        st.download_button(
            "Unduh tabel (.xlsx)",
            data=_unduhan(p, df),
            file_name=ekspor.nama_berkas(p.id),
            mime=ekspor.MIME_XLSX,
            key=f"unduh-{p.id}",
            on_click="ignore",
            icon=":material/download:",
        )
        if p.sumber:
            st.caption(f"Sumber: {p.sumber}")


def tampilkan(panel: Sequence[Panel]) -> None:
    """All panels in order, or in presentation mode the one chosen by ``?slide=`` with a pager."""
    if not presentasi():
        for p in panel:
            _panel(p, besar=False)
        return
    if not panel:
        return
    slide = st.container()
    halaman = st.pagination(len(panel), key=KUNCI_SLIDE, bind="query-params", width="stretch")
    with slide:
        _panel(panel[min(halaman, len(panel)) - 1], besar=True)


def pengantar(teks: str) -> None:
    """Explanatory text under a page title; hidden in presentation mode (the speaker explains)."""
    if not presentasi():
        st.markdown(teks)
