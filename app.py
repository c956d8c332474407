"""Dasbor Renstra Kecamatan Wonoasih: the frame around every page (run: streamlit run app.py).

Here: page config, the page list, the shared filters each page uses (kept in the URL so a
copied link reopens the same view) and the presentation-mode switch. Pages hold only glue.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

import formatting as fmt
import state
import ui
from loaders import RenstraError
from sajian import pilihan

st.set_page_config(
    page_title="Dasbor Renstra Kecamatan Wonoasih", page_icon=":material/account_balance:", layout="wide"
)


@dataclass(frozen=True)
class Halaman:
    skrip: str
    judul: str
    ikon: str
    filter: tuple[str, ...] = ()


# The page scripts live in halaman/, not pages/: Streamlit 1.67 treats a pages/ folder
# next to the entrypoint as the old multipage layout until the first st.navigation call
# in the process, so a deep link (e.g. /kualitas_data) opened first after a restart, and
# every AppTest.switch_page, would run the page alone: no title, no layout, no sidebar.
HALAMAN = (
    Halaman("halaman/ringkasan.py", "Ringkasan", ":material/dashboard:", (ui.KUNCI_TAHUN,)),
    Halaman("halaman/anggaran.py", "Anggaran", ":material/payments:", (ui.KUNCI_TAHUN, ui.KUNCI_PROGRAM)),
    Halaman("halaman/kinerja.py", "Kinerja", ":material/trending_up:", (ui.KUNCI_TAHUN,)),
    Halaman("halaman/kelurahan.py", "Kelurahan", ":material/location_city:", (ui.KUNCI_TAHUN, ui.KUNCI_KELURAHAN)),
    Halaman("halaman/program.py", "Program", ":material/account_tree:", (ui.KUNCI_PROGRAM,)),
    Halaman("halaman/perubahan.py", "Perubahan Renstra", ":material/compare_arrows:"),
    Halaman("halaman/profil.py", "Profil kecamatan", ":material/groups:"),
    Halaman("halaman/kualitas_data.py", "Kualitas data", ":material/fact_check:"),
    Halaman("halaman/tabel_dokumen.py", "Tabel dokumen", ":material/table:"),
)

presentasi = ui.presentasi()
halaman = {h.skrip: st.Page(h.skrip, title=h.judul, icon=h.ikon, default=i == 0) for i, h in enumerate(HALAMAN)}
pg = st.navigation(list(halaman.values()), position="top" if presentasi else "sidebar")
aktif = next(h for h in HALAMAN if halaman[h.skrip].url_path == pg.url_path)

try:
    r = state.renstra()
except RenstraError as e:
    st.error(f"Data Renstra tidak dapat dimuat: {e}")
    st.stop()

if presentasi:
    kiri, kanan = st.columns([4, 1], vertical_alignment="center")
    kiri.title(aktif.judul)
    ui.pilih_mode(kanan)
    wadah_filter = st.expander("Filter", expanded=False) if aktif.filter else None
else:
    st.title("Dasbor Renstra Kecamatan Wonoasih")
    wadah_filter = st.sidebar
    ui.pilih_mode(st.sidebar)

if wadah_filter is not None:
    if ui.KUNCI_TAHUN in aktif.filter:
        ui.filter_tahun(wadah_filter, pilihan.tahun_rencana(r))
    if ui.KUNCI_PROGRAM in aktif.filter:
        ui.filter_program(wadah_filter, state.sajikan(pilihan.program))
    if ui.KUNCI_KELURAHAN in aktif.filter:
        ui.filter_kelurahan(wadah_filter, r.kelurahan)

if not presentasi:
    info = r.manifest.get("renstra", {})
    st.sidebar.caption(
        f"Sumber: {r.judul}"
        + (f" ({info['tanggal']})" if info.get("tanggal") else "")
        + ". Angka tampil seperti tercetak di dokumen; setiap koreksi transkripsi tercatat di manifest. "
        + f"Rp … {fmt.KETERANGAN_SATUAN}."
    )

pg.run()
