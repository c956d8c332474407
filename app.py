"""Dasbor Renstra: the frame around every page (run: streamlit run app.py).

Here: page config, the page list, the shared filters each page uses (kept in the URL so a
copied link reopens the same view), the presentation-mode switch and the error boundary
(``ui.jaga_halaman``: an unexpected error shows a short message and a reference code that is
also in the server log). Pages hold only glue.
"""

from __future__ import annotations

import streamlit as st

import formatting as fmt
import state
import ui
from loaders import RenstraError
from navigasi import HALAMAN
from sajian import pilihan

st.set_page_config(page_title="Dasbor Renstra", page_icon=":material/account_balance:", layout="wide")


# Everything after the page config runs inside the error boundary: an unexpected error in the
# frame or the page shows a short message with a reference code (the traceback goes to the
# server log), never Streamlit's own error box. st.stop / st.rerun pass through.
with ui.jaga_halaman() as jaga:
    presentasi = ui.presentasi()
    halaman = {h.skrip: st.Page(h.skrip, title=h.judul, icon=h.ikon, default=h.utama) for h in HALAMAN}
    pg = st.navigation(list(halaman.values()), position="top" if presentasi else "sidebar", expanded=True)
    aktif = next(h for h in HALAMAN if halaman[h.skrip].url_path == pg.url_path)
    jaga.halaman = aktif.judul

    kepala = None if presentasi else st.sidebar.container()  # the app title, above the Renstra picker
    try:
        ui.pilih_renstra(state.daftar_sumber(), wadah=None if presentasi else st.sidebar)
        r = state.sajikan(pilihan.identitas)
    except RenstraError as e:
        st.error(f"Data Renstra tidak dapat dimuat: {ui.literal(e)}")
        st.stop()
    st.set_page_config(page_title=f"Dasbor Renstra {r['perangkat_daerah']}")

    if presentasi:
        # The page's own header is the title of a slide; filters fold away beside the switch.
        kiri, kanan = st.columns([4, 1], vertical_alignment="center")
        ui.pilih_mode(kanan)
        wadah_filter = kiri.expander("Filter", expanded=False) if aktif.filter else None
    else:
        # The app title once, at the top of the sidebar: the main area opens on the page's own title.
        ui.bingkai(f"Dasbor Renstra {ui.literal(r['perangkat_daerah'])}", kepala)
        wadah_filter = st.sidebar

    if wadah_filter is not None:
        if ui.KUNCI_TAHUN in aktif.filter:
            ui.filter_tahun(wadah_filter, state.sajikan(pilihan.tahun_rencana))
        if ui.KUNCI_PROGRAM in aktif.filter:
            ui.filter_program(wadah_filter, state.sajikan(pilihan.program))
        if ui.KUNCI_KELURAHAN in aktif.filter:
            ui.filter_kelurahan(wadah_filter, r["kelurahan"])

    if not presentasi:
        ui.pilih_mode(st.sidebar)  # under the filters, which stay on the first screen
        st.sidebar.caption(
            f"Sumber: {ui.literal(r['judul'])}"
            + (f" ({r['tanggal']})" if r["tanggal"] else "")
            + ". Angka tampil seperti tercetak di dokumen; setiap koreksi transkripsi tercatat di manifest. "
            + f"Rp … {fmt.KETERANGAN_SATUAN}."
        )

    pg.run()
