"""Dasbor Renstra Kecamatan Wonoasih: the frame around every page (run: streamlit run app.py)."""

import streamlit as st

import state
from loaders import RenstraError

st.set_page_config(page_title="Dasbor Renstra Kecamatan Wonoasih", layout="wide")

# The page scripts live in halaman/, not pages/: Streamlit 1.67 treats a pages/ folder
# next to the entrypoint as the old multipage layout until the first st.navigation call
# in the process, so a deep link (e.g. /kualitas_data) opened first after a restart, and
# every AppTest.switch_page, would run the page alone: no title, no layout, no sidebar.
pg = st.navigation(
    [
        st.Page("halaman/ringkasan.py", title="Ringkasan", icon=":material/dashboard:", default=True),
        st.Page("halaman/tabel_dokumen.py", title="Tabel dokumen", icon=":material/table:"),
        st.Page("halaman/kualitas_data.py", title="Kualitas data", icon=":material/fact_check:"),
    ]
)

st.title("Dasbor Renstra Kecamatan Wonoasih")

try:
    r = state.renstra()
except RenstraError as e:
    st.error(f"Data Renstra tidak dapat dimuat: {e}")
    st.stop()

info = r.manifest.get("renstra", {})
st.sidebar.caption(
    f"Sumber: {r.judul}"
    + (f" ({info['tanggal']})" if info.get("tanggal") else "")
    + ". Angka tampil seperti tercetak di dokumen; setiap koreksi transkripsi tercatat di manifest."
)

pg.run()
