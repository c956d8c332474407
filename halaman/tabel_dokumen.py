"""Tabel dokumen: one table exactly as printed, with the manifest's transcription corrections.

Labels, titles and notes come from the Renstra (an imported workbook too): shown literally.
"""

import streamlit as st

import kosakata
import state
import ui
from sajian import ringkasan

r = state.renstra()

st.header("Tabel dokumen")
label = ringkasan.label_tabel(r)
tid = ui.pilih("Tabel", label, "tabel")  # ?tabel=tc24
tm = r.tabel_mentah[tid]
meta = tm.meta

st.subheader(ui.literal(label[tid]))
keterangan = [
    f"Bagian {ui.literal(meta['bagian'])}" if meta.get("bagian") else "",
    f"baris {ui.literal(meta['sumber_baris'])} teks ekspor dokumen" if meta.get("sumber_baris") else "",
    "sel tampil persis seperti tercetak; kolom *baris* = baris data ke-n",
]
st.caption("; ".join(k for k in keterangan if k) + ".")
if meta.get("catatan"):
    st.info(ui.literal(meta["catatan"]))

judul = ringkasan.judul_kolom(r, tid)
ui.tampilkan(
    [
        ui.Panel(
            f"{ui.literal(tm.label)} seperti tercetak",
            data=lambda: ringkasan.tabel_tercetak(r, tid).reset_index(),
            kolom=kosakata.kolom(("baris", "Baris"), *judul.items()),
            sumber=ui.literal(f"{label[tid]}, {r.judul}"),
            kunci=f"tabel-{tid}",
        )
    ]
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
