"""Streamlit glue shared by every page: panels (chart + table + .xlsx), filters, presentation mode.

A page declares its content as a list of ``Panel`` and hands it to ``tampilkan``. In the
normal view every panel shows in order; in presentation mode (``?mode=presentasi``) one
panel fills the screen and ``st.pagination`` (bound to ``?slide=``) steps through them.
Panels are lazy: a panel that is not on screen never computes its data or figure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import ekspor
import formatting as fmt
import galat
from grafik import gaya
from kosakata import Kolom
from navigasi import KUNCI_KELURAHAN, KUNCI_PROGRAM, KUNCI_TAHUN

KUNCI_MODE = "mode"
PRESENTASI = "presentasi"
KUNCI_SLIDE = "slide"
AWALAN_TABEL = "tabel-"  # session_state key of a chart's table expander: tabel-<panel id>
SEMUA = "semua"

_CSS_PRESENTASI = """
<style>
html { font-size: 21px; }
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] { display: none; }
[data-testid="stMainBlockContainer"] { max-width: 100%; padding: 4rem 2.5rem 1rem 2.5rem; }
</style>
"""

# The normal view on a laptop (1366x768): the page's title, one sentence, its filters and the top
# of its first chart on the first screen. The app title sits once at the top of the sidebar (small),
# the main area starts just under Streamlit's header bar, and the page list is tighter, so the
# filters under it stay on the first screen too (tests/browser/test_layar_pertama.py measures it).
_CSS_LAYAR = """
<style>
[data-testid="stMainBlockContainer"] { padding-top: 3.5rem; }
[data-testid="stSidebarHeader"] { height: 2.5rem; margin-bottom: 0; }
[data-testid="stSidebarNavItems"] li { margin: 0; }
[data-testid="stSidebarNavLink"] { min-height: 1.6rem; height: 1.6rem; margin: 0.0625rem 0; }
[data-testid="stSidebarUserContent"] { padding-top: 0.5rem; }
[data-testid="stSidebarUserContent"] h1 { font-size: 1.15rem; line-height: 1.3; padding: 0 0 0.25rem 0; }
</style>
"""


def bingkai(judul_aplikasi: str, wadah: Any = None) -> None:
    """The normal view's frame: the app title once, at the top of the sidebar (``wadah``: a
    container placed there), and the first-screen CSS."""
    st.html(_CSS_LAYAR)
    (wadah if wadah is not None else st.sidebar).title(judul_aplikasi, anchor=False)


# --- filters kept in the URL -----------------------------------------------------------------
#
# Streamlit's own ``bind="query-params"`` writes the *label* of the chosen option into the URL
# (``?program=7.01.03+Pemberdayaan+Masyarakat+...``) and drops values it cannot match. We want
# short, stable values (``?program=7.01.03``, ``?mode=presentasi``) that survive a label change,
# so the URL is synced here: read once when the widget first appears, written after each run.
# A shadow copy in session_state keeps the choice while the user visits pages without the widget.


def _bayangan(kunci: str) -> str:
    return f"_pilihan_{kunci}"


def _awal(kunci: str, opsi: Sequence[Any], bawaan: Any) -> None:
    """Seed the widget's state from the URL, else the shadow copy, else ``bawaan``."""
    sekarang = st.session_state.get(kunci)
    if kunci in st.session_state and sekarang in opsi:
        return
    teks = st.query_params.get(kunci)
    dari_url = next((v for v in opsi if str(v) == teks), None) if teks is not None else None
    simpanan = st.session_state.get(_bayangan(kunci))
    if dari_url is not None:
        st.session_state[kunci] = dari_url
    elif simpanan in opsi:
        st.session_state[kunci] = simpanan
    else:
        st.session_state[kunci] = bawaan


def _tulis_url(kunci: str, nilai: Any, bawaan: Any) -> None:
    """Keep the URL equal to the view: the value when it is not the default, nothing otherwise."""
    st.session_state[_bayangan(kunci)] = nilai
    if nilai == bawaan:
        if kunci in st.query_params:
            del st.query_params[kunci]
    elif st.query_params.get(kunci) != str(nilai):
        st.query_params[kunci] = str(nilai)


# Widget per ``pilih(jenis=...)``, with what it needs to always hold one value.
_WIDGET: dict[str, tuple[Callable[..., Any], dict[str, Any]]] = {
    "daftar": (st.selectbox, {}),
    "radio": (st.radio, {}),
    "tombol": (st.segmented_control, {"required": True}),
    "pil": (st.pills, {"required": True}),
}


def pilih(
    label: str,
    opsi: Mapping[Any, str] | Sequence[Any],
    kunci: str,
    bawaan: Any = None,
    wadah: Any = None,
    tampil: bool = True,
    jenis: str = "daftar",
    **kwargs: Any,
) -> Any:
    """A one-choice widget whose value lives in the URL as ``?<kunci>=<value>`` (value, not label).

    ``opsi`` is a list of values or a mapping value -> label; ``bawaan`` (default: the first
    option) is left out of the URL. A value in the URL that is not an option is ignored.
    ``tampil=False``: the current choice without drawing the box (its section is closed).
    ``jenis``: ``"daftar"`` a dropdown (long lists), ``"radio"`` a list, ``"tombol"`` a row of
    buttons and ``"pil"`` wrapping pills (ten or so longer labels): one click, and the browser
    draws these in a fraction of a dropdown's time (bench/halaman.py: about 0,05-0,1 of the
    minimal page per dropdown).
    """
    label_opsi = dict(opsi) if isinstance(opsi, Mapping) else {v: str(v) for v in opsi}
    nilai_opsi = list(label_opsi)
    if not nilai_opsi:
        return None
    bawaan = nilai_opsi[0] if bawaan is None or bawaan not in label_opsi else bawaan
    _awal(kunci, nilai_opsi, bawaan)
    if not tampil:
        return st.session_state[kunci]
    widget, lain = _WIDGET[jenis]
    with wadah if wadah is not None else st.container():
        # Radio, button and pill labels render markdown; a dropdown's do not. Labels often come from data.
        tampil_label = label_opsi.__getitem__ if jenis == "daftar" else (lambda v: literal(label_opsi[v]))
        nilai = widget(label, nilai_opsi, format_func=tampil_label, key=kunci, **lain, **kwargs)
    _tulis_url(kunci, nilai, bawaan)
    return nilai


def pilih_renstra(daftar: Sequence[Any], wadah: Any = None) -> str:
    """The Renstra picker (``?renstra=<id>``): shown only when there is more than one to choose."""
    import state
    from state import KUNCI_RENSTRA

    if state.basis_data_mati():  # daftar_sumber just found the database down: said once per run, here
        st.warning(state.PESAN_MATI)
    label = {s.id: _label_renstra(s) for s in daftar}
    return pilih("Renstra", label, KUNCI_RENSTRA, bawaan=daftar[0].id, wadah=wadah, tampil=len(daftar) > 1)


def _label_renstra(s: Any) -> str:
    periode = f" {s.periode[0]}-{s.periode[1]}" if s.periode else ""
    judul = s.judul if len(s.judul) <= 60 else s.judul[:59] + "…"
    return f"{judul}{'' if periode.strip() in judul else periode}"


# --- mode -------------------------------------------------------------------------------------


def presentasi() -> bool:
    """True in presentation mode (``?mode=presentasi``, or the switch turned on)."""
    if KUNCI_MODE in st.session_state:
        return bool(st.session_state[KUNCI_MODE])
    if _bayangan(KUNCI_MODE) in st.session_state:
        return bool(st.session_state[_bayangan(KUNCI_MODE)])
    return st.query_params.get(KUNCI_MODE) == PRESENTASI


def pilih_mode(wadah: Any) -> bool:
    """The presentation switch, drawn in ``wadah`` and kept in the URL; applies the presentation CSS."""
    _awal(KUNCI_MODE, [False, True], presentasi())
    with wadah:
        aktif = st.toggle(
            "Mode presentasi",
            key=KUNCI_MODE,
            help="Untuk Musrenbang: tanpa sidebar, huruf besar, satu grafik per layar dengan tombol berikut/sebelumnya.",
        )
    st.session_state[_bayangan(KUNCI_MODE)] = aktif
    if aktif and st.query_params.get(KUNCI_MODE) != PRESENTASI:
        st.query_params[KUNCI_MODE] = PRESENTASI
    elif not aktif and KUNCI_MODE in st.query_params:
        del st.query_params[KUNCI_MODE]
    if aktif:
        st.html(_CSS_PRESENTASI)
    return aktif


# --- shared filters ---------------------------------------------------------------------------


def filter_tahun(wadah: Any, pilihan: Sequence[int]) -> int:
    """Year filter (``?tahun=2022``); the latest plan year by default."""
    return pilih("Tahun", list(pilihan), KUNCI_TAHUN, bawaan=pilihan[-1], wadah=wadah, jenis="tombol")


def filter_program(wadah: Any, label: Mapping[str, str]) -> str:
    """Program filter (``?program=7.01.03``); ``SEMUA`` for every program."""
    opsi = {SEMUA: "Semua program", **label}
    return pilih("Program", opsi, KUNCI_PROGRAM, wadah=wadah, jenis="radio")


def filter_kelurahan(wadah: Any, kelurahan: Sequence[str]) -> str:
    """Kelurahan filter (``?kelurahan=<nama>``); ``SEMUA`` for the whole kecamatan."""
    opsi = {SEMUA: "Seluruh kecamatan", **{k: k for k in kelurahan}}
    return pilih("Kelurahan", opsi, KUNCI_KELURAHAN, wadah=wadah, jenis="radio")


def nilai_filter(kunci: str, bawaan: Any = None) -> Any:
    """The current value of a shared filter drawn by app.py (``bawaan`` when the page has none)."""
    return st.session_state.get(kunci, bawaan)


# --- panels ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Panel:
    """One chart with its table, or (``isi``) other content, as one slide in presentation mode.

    ``data`` is called once when the panel is shown; ``grafik`` draws that frame; ``kolom``
    picks and names the table's columns (all columns when empty); ``kosong`` is the message
    shown instead when ``data`` has no rows. ``bagian`` names the page section (tab) it
    belongs to; a panel without one shows above the tabs.

    ``keterangan`` (how to read the chart: marks, colours, method) waits behind a "Cara membaca"
    expander under the chart, so the chart itself opens on the first screen. ``catatan`` are the
    recurring caveats it relies on (``kosakata``: the copied targets, ``*****``): shown once per
    page, in the first panel drawn that carries them. ``kartu``: a row of cards above the tabs that
    name themselves: no heading in the normal view (it costs the first screen), the slide's title in
    presentation mode.
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
    bagian: str = ""
    catatan: tuple[str, ...] = ()
    kartu: bool = False

    @property
    def id(self) -> str:
        return self.kunci or ekspor.nama_berkas(self.judul).removesuffix(".xlsx")


def _kolom(p: Panel, df: pd.DataFrame) -> dict[str, Kolom]:
    """The panel's declared columns present in ``df`` (all of ``df``'s columns when none declared)."""
    kolom = dict(p.kolom) or {str(c): Kolom(str(c)) for c in df.columns}
    return {c: k for c, k in kolom.items() if c in df.columns}


def _kunci_fungsi(f: Callable[..., Any]) -> tuple[Any, ...]:
    """A cache key for a chart builder: where its code lives plus the values a lambda closes over."""
    kode = getattr(f, "__code__", None)
    sel = tuple(repr(c.cell_contents) for c in (getattr(f, "__closure__", None) or ()))
    return (
        getattr(f, "__module__", ""),
        getattr(f, "__qualname__", repr(f)),
        getattr(kode, "co_filename", ""),
        getattr(kode, "co_firstlineno", 0),
        sel,
    )


# Both functions below draw elements inside st.cache_data: on a warm rerun Streamlit replays
# the finished chart / table message instead of rebuilding and re-validating the plotly
# figure (about 30-40 ms a chart on this machine). The key is the data itself plus the
# builder's identity, so any change in data, filter or code draws anew.
@st.cache_data(show_spinner=False, max_entries=512)
def _gambar(_grafik: Callable[[pd.DataFrame], go.Figure], kunci_grafik: tuple[Any, ...], df: pd.DataFrame,
            besar: bool, id_panel: str) -> None:  # fmt: skip
    fig = _grafik(df)
    if besar:
        gaya.besar(fig)
    st.plotly_chart(
        fig,
        theme=None,
        key=f"grafik-{id_panel}",
        config={"displaylogo": False, "toImageButtonOptions": {"filename": id_panel, "scale": 2}},
    )


BATAS_TABEL_STATIS = 30  # rows; a table panel this small is plain HTML, which wraps long text


@st.cache_data(show_spinner=False, max_entries=512)
def _tabel(df: pd.DataFrame, kolom: tuple[tuple[str, str, str], ...], statis: bool = False) -> None:
    """The table as display text (``formatting``), headings from ``kolom`` (name, label, jenis).

    ``statis``: a plain table (long indicator names wrap, nothing to scroll sideways, and the
    browser draws it in a fraction of a data grid's time); otherwise a sortable, searchable grid.
    """
    tampil = fmt.tabel(df[[c for c, _, _ in kolom]], {c: j for c, _, j in kolom})
    if statis:  # st.table renders markdown in its cells: text from the data is shown literally
        teks = [c for c, _, j in kolom if j == "teks"]
        tampil[teks] = tampil[teks].map(lambda v: literal(v) if isinstance(v, str) else v)
        st.table(tampil.rename(columns={c: label for c, label, _ in kolom}), hide_index=True, border="horizontal")
        return
    config = {
        c: st.column_config.TextColumn(label, alignment="left" if j == "teks" else "right") for c, label, j in kolom
    }
    st.dataframe(tampil, hide_index=True, column_config=config, height="content" if len(tampil) <= 20 else 520)


def _unduhan(p: Panel, df: pd.DataFrame) -> Callable[[], bytes]:
    """Deferred .xlsx of the table (built only when someone clicks the button)."""
    kolom = _kolom(p, df)
    isi = df[list(kolom)].copy()

    def buat() -> bytes:
        return ekspor.tabel_xlsx(
            isi,
            judul=p.judul,
            sumber=p.sumber,
            kolom={c: k.label for c, k in kolom.items()},
            format_angka={c: fmt.FORMAT_EXCEL[k.jenis] for c, k in kolom.items() if k.jenis in fmt.FORMAT_EXCEL},
        )

    return buat


def _panel(p: Panel, besar: bool, tampil: set[str]) -> None:
    """One panel; ``tampil``: the recurring caveats this page run has shown already (each once)."""
    if besar or not p.kartu:
        st.subheader(p.judul)
    catatan = [c for c in dict.fromkeys(p.catatan) if c and c not in tampil]
    tampil.update(catatan)
    teks = " ".join(t for t in (p.keterangan, *catatan) if t)
    if p.isi is not None:
        p.isi()
        cara_membaca(teks)
        return
    if p.data is None:
        cara_membaca(teks)
        return
    df = p.data()
    if df.empty:
        st.info(p.kosong)
        return
    if p.grafik is not None:
        _gambar(p.grafik, _kunci_fungsi(p.grafik), df, besar, p.id)
    cara_membaca(teks)
    if besar:
        if p.grafik is None:  # a table panel is the slide itself
            _tabel(df, _spek(p, df), p.grafik is None and len(df) <= BATAS_TABEL_STATIS)
        return
    tabel_panel(p, df, di_bawah_grafik=p.grafik is not None)


def _spek(p: Panel, df: pd.DataFrame) -> tuple[tuple[str, str, str], ...]:
    return tuple((c, k.label, k.jenis) for c, k in _kolom(p, df).items())


def tabel_panel(p: Panel, df: pd.DataFrame, di_bawah_grafik: bool = True, statis: bool | None = None) -> None:
    """A panel's table with its .xlsx download and source line: under a chart behind "Tabel: ...",
    else in a bordered box (a table panel). For pages that draw their own chart (the clickable map).
    ``statis`` (default: a table panel of at most ``BATAS_TABEL_STATIS`` rows): a plain HTML table."""
    if statis is None:
        statis = not di_bawah_grafik and len(df) <= BATAS_TABEL_STATIS
    if di_bawah_grafik:
        # Under a chart the table waits until someone opens it: a data grid costs the browser
        # about 0,1 s to draw, and most visitors only look at the chart.
        wadah = st.expander(f"Tabel: {p.judul}", key=f"{AWALAN_TABEL}{p.id}", on_change="rerun")
        if not wadah.open:
            return
    else:
        wadah = st.container(border=True)
    with wadah:
        _tabel(df, _spek(p, df), statis)
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


KUNCI_BAGIAN = "bagian"


def kunci_bagian(judul: str) -> str:
    """A section's value in ``?bagian=``: its title in lower case, words joined by hyphens."""
    return ekspor.nama_berkas(judul.lower()).removesuffix(".xlsx")


def _kunci_tab(bagian: Sequence[str]) -> str:
    return f"{KUNCI_BAGIAN}:" + "|".join(bagian)  # one tab widget per page (its list of sections)


def bagian_terbuka(bagian: Sequence[str]) -> str:
    """The section that is (or will be) open, before the tabs are drawn: a page uses it to show
    a picker only above the section it drives. ``bagian`` in the order the panels declare them."""
    kunci = _kunci_tab(bagian)
    if st.session_state.get(kunci) not in bagian:
        # The URL first (a shared link), else the tab last open on this page (the tab widget's own
        # state is dropped while the user visits other pages), else the first.
        dari_url = st.query_params.get(KUNCI_BAGIAN)
        simpanan = st.session_state.get(_bayangan(kunci))
        st.session_state[kunci] = next(
            (b for b in bagian if kunci_bagian(b) == dari_url), simpanan if simpanan in bagian else bagian[0]
        )
    return str(st.session_state[kunci])


def _tab_bagian(bagian: Sequence[str]) -> tuple[str, Any]:
    """Tabs for the page's sections (seeded from ``?bagian=``); the open one and its container.

    Only the open tab runs (``on_change="rerun"``): the browser draws the charts someone looks
    at, not every chart of a long page. The URL follows the open tab.
    """
    bagian_terbuka(bagian)
    tab = st.tabs(list(bagian), key=_kunci_tab(bagian), on_change="rerun")
    terbuka = next((i for i, t in enumerate(tab) if t.open), 0)
    st.session_state[_bayangan(_kunci_tab(bagian))] = bagian[terbuka]
    _tulis_url(KUNCI_BAGIAN, kunci_bagian(bagian[terbuka]), kunci_bagian(bagian[0]))
    return bagian[terbuka], tab[terbuka]


def tanpa_bagian() -> None:
    """Drop a ``?bagian=`` left by another page (a page without sections, or before its panels)."""
    if KUNCI_BAGIAN in st.query_params:
        del st.query_params[KUNCI_BAGIAN]


def tampilkan(panel: Sequence[Panel]) -> None:
    """Panels in order; panels with a ``bagian`` grouped in tabs, only the open tab drawn.

    In presentation mode every panel is a slide, in tab order, chosen by ``?slide=`` with a pager.
    """
    bagian = list(dict.fromkeys(p.bagian for p in panel if p.bagian))
    tampil: set[str] = set()
    if not presentasi():
        for p in panel:
            if not p.bagian:
                _panel(p, besar=False, tampil=tampil)
        if not bagian:
            tanpa_bagian()
            return
        terbuka, wadah = _tab_bagian(bagian)
        with wadah:
            for p in panel:
                if p.bagian == terbuka:
                    _panel(p, besar=False, tampil=tampil)
        return
    # Slides follow the tabs: panels above the tabs first, then each section in turn.
    panel = [p for p in panel if not p.bagian] + [p for b in bagian for p in panel if p.bagian == b]
    if not panel:
        return
    # The pager sits above the slide so "next" never falls below the fold of a projector.
    halaman = st.pagination(len(panel), key=KUNCI_SLIDE, bind="query-params", width="stretch")
    _panel(panel[min(halaman, len(panel)) - 1], besar=True, tampil=tampil)


_MARKDOWN_KHUSUS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&])")


def literal(teks: Any) -> str:
    """Text (a file name, an imported name) shown exactly as typed inside markdown.

    Every character markdown or Streamlit would act on is escaped: no emphasis, links,
    images, HTML, LaTeX (``$``), emoji/icon shortcodes or colour directives (``:red[...]``);
    line breaks become spaces.
    """
    return _MARKDOWN_KHUSUS.sub(r"\\\1", " ".join(str(teks).split()))


def judul(teks: str) -> None:
    """The page title; in presentation mode each slide's own title stands in for it (and saves height)."""
    if not presentasi():
        st.header(teks)


def pengantar(teks: str, cara: str = "", label: str = "") -> None:
    """One short sentence under a page title, and (``cara``) the page's method text in a "Cara membaca
    halaman ini" popover (``label``) beside it: it opens over the page, so the first chart stays where it
    is. Both hidden in presentation mode (the speaker explains)."""
    if presentasi():
        return
    if not cara:
        st.markdown(teks)
        return
    kiri, kanan = st.columns([3, 1], vertical_alignment="top")  # the popover's label on one line
    kiri.markdown(teks)
    with kanan.popover(label or CARA_MEMBACA_HALAMAN, width="stretch"):
        st.markdown(cara)


CARA_MEMBACA = "Cara membaca"
CARA_MEMBACA_HALAMAN = "Cara membaca halaman ini"


def cara_membaca(teks: str, wadah: Any = None, label: str = CARA_MEMBACA) -> None:
    """How to read a chart (marks, colours, method, caveats) behind a closed expander right under it:
    the chart opens on the first screen, its explanation is one click away. Nothing when ``teks`` is
    empty. ``teks`` is markdown written by the page (data in it shown literally)."""
    if not teks:
        return
    with (wadah if wadah is not None else st.container()).expander(label, expanded=False):
        st.caption(teks)


# --- unexpected errors ------------------------------------------------------------------------


@dataclass
class Jaga:
    """What ``jaga_halaman`` knows about the run it guards: the page's title, once the frame knows it."""

    halaman: str = ""


@contextmanager
def jaga_halaman(halaman: str = "") -> Iterator[Jaga]:
    """The boundary around app.py's frame and page: an unexpected error becomes a short message.

    Any ``Exception`` from the body is logged with its traceback under a fresh reference code
    (``galat.catat``, the server log) and the person sees ``galat.pesan``: Bahasa Indonesia, that
    code, and nothing of the error itself. Streamlit's control flow (``st.stop``, ``st.rerun``,
    ``st.switch_page``) raises ``BaseException`` subclasses, which pass through untouched.
    Set ``.halaman`` on the yielded object once the page is known, for the log line.
    """
    jaga = Jaga(halaman)
    try:
        yield jaga
    except Exception as e:
        import state

        kode = galat.catat(e, jaga.halaman)
        # No icon: a material icon is a ligature, its English name ("error") part of the text read aloud.
        if state.basis_data_terputus(e):  # the database went away mid-run: every write is one transaction
            st.error(f"{state.PESAN_TERPUTUS} (Kode rujukan **{kode}**.)")
        else:
            st.error(galat.pesan(kode))


# --- login ------------------------------------------------------------------------------------

KUNCI_AKUN = "akun_masuk"


def masuk(wilayah: Any, kegunaan: str) -> Any:
    """The logged-in account, or the login form and ``st.stop()``. ``kegunaan`` says what the login is for.

    One login for every page that needs one (Isi Realisasi, Kelola Renstra); a lurah's account
    must name a kelurahan of the Renstra being served (``wilayah``).
    """
    import state
    from realisasi import akun as akun_mod

    if state.basis_data_mati():  # accounts' lock counters and every write need the database
        st.info("Masuk, mengunggah dan memulihkan menunggu basis data kembali; tidak ada yang diubah.")
        st.stop()
    akun = st.session_state.get(KUNCI_AKUN)
    if akun is not None:
        return akun
    st.caption(kegunaan)
    with st.form("masuk"):
        nama = st.text_input("Nama pengguna", autocomplete="username")
        sandi = st.text_input("Kata sandi", type="password", autocomplete="current-password")
        kirim = st.form_submit_button("Masuk", type="primary")
    if kirim:
        ip = st.context.ip_address
        try:
            akun = akun_mod.periksa_sandi(
                state.data_akun(), nama, sandi, state.pembatas(), klien=ip if isinstance(ip, str) else None,
                wilayah=wilayah,
            )  # fmt: skip
        except akun_mod.LoginError as e:
            st.error(str(e))
        except akun_mod.AkunTidakSah:
            st.error("Daftar akun di server tidak sah; hubungi admin dasbor.")
        else:
            st.session_state[KUNCI_AKUN] = akun
            st.rerun()
    st.stop()


def sudah_masuk(akun: Any, peran: str) -> None:
    """Who is logged in and what they may do here, with a log-out button."""
    kiri, kanan = st.columns([4, 1], vertical_alignment="center")
    kiri.markdown(f"Masuk sebagai **{literal(akun.nama)}** ({peran}).")
    if kanan.button("Keluar"):
        del st.session_state[KUNCI_AKUN]
        st.rerun()


def tabel_masalah(nama_berkas: str, masalah: Sequence[Any]) -> None:
    """A refused file: one line saying nothing was stored, then every problem with its sheet, row and column."""
    st.error(f"Berkas **{literal(nama_berkas)}** ditolak; tidak ada yang disimpan. Perbaiki lalu unggah lagi.")
    st.dataframe(
        pd.DataFrame([vars(m) for m in masalah], columns=["lembar", "baris", "kolom", "pesan"]),
        hide_index=True,
        column_config={"lembar": "Lembar", "baris": "Baris", "kolom": "Kolom", "pesan": "Masalah"},
    )
