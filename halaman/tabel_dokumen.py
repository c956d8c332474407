"""Tabel dokumen: one table exactly as printed, with the manifest's transcription corrections."""

import streamlit as st

import state
from sajian import ringkasan

r = state.renstra()

st.header("Tabel dokumen")
label = ringkasan.label_tabel(r)
tid = st.selectbox("Tabel", options=list(label), format_func=label.get, key="tabel", bind="query-params")
meta = r.tabel_mentah[tid].meta

st.subheader(label[tid])
keterangan = [
    f"Bagian {meta['bagian']}" if meta.get("bagian") else "",
    f"baris {meta['sumber_baris']} teks ekspor dokumen" if meta.get("sumber_baris") else "",
    "sel tampil persis seperti tercetak; kolom *baris* = baris data ke-n",
]
st.caption("; ".join(k for k in keterangan if k) + ".")
if meta.get("catatan"):
    st.info(meta["catatan"])

st.dataframe(
    ringkasan.tabel_tercetak(r, tid),
    column_config=ringkasan.judul_kolom(r, tid) | {"baris": "baris"},
    height="content",
)

koreksi = ringkasan.koreksi_tabel(r, tid)
with st.expander(f"Koreksi transkripsi ({len(koreksi)})"):
    if koreksi.empty:
        st.write("Tidak ada koreksi: tabel ini disalin apa adanya.")
    else:
        st.dataframe(
            koreksi,
            hide_index=True,
            column_config={
                "baris": "Baris",
                "jenis": "Jenis",
                "uraian": st.column_config.TextColumn("Uraian", width="large"),
                "sumber_baris_teks": "Baris teks sumber",
            },
        )
        st.caption("Baris kosong: koreksi tidak menyangkut satu baris data (mis. judul kolom berulang yang dihapus).")
