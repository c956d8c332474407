"""Ringkasan: the Renstra at a glance (title, visi, tables loaded, program pagu per year)."""

import streamlit as st

import formatting as fmt
import state
from sajian import ringkasan

r = state.renstra()

st.header("Ringkasan")
st.markdown(f"**{r.judul}**")
if r.visi:
    st.markdown(f"**Visi:** {r.visi}")

st.subheader("Pagu program per tahun (T-C.27)")
st.caption(
    "Jumlah pagu baris *program* di tabel T-C.27 yang tercetak terbaca. "
    "Pagu yang tidak terbaca tidak diisi dan tidak ditebak. " + fmt.KETERANGAN_SATUAN + "."
)
pagu = ringkasan.pagu_program_per_tahun(r.rencana)
for kolom, baris in zip(st.columns(len(pagu)), pagu.itertuples(index=False), strict=True):
    with kolom:
        st.metric(f"Pagu program {baris.tahun}", fmt.rupiah_ringkas(baris.pagu_program))
        if baris.program_terbaca:
            st.caption(fmt.rupiah(baris.pagu_program))
        if baris.program_tak_terbaca:
            hanya = (
                f"Jumlah {baris.program_terbaca} dari {baris.jumlah_program} program saja; "
                if baris.program_terbaca
                else ""
            )
            st.caption(
                hanya + f"{baris.program_tak_terbaca} program pagu-nya tidak terbaca di dokumen (*****); "
                "lihat Kualitas data"
            )
if (pagu["program_tak_terbaca"] > 0).any():
    st.page_link("halaman/kualitas_data.py", label="Kualitas data", icon=":material/fact_check:")

st.subheader("Tabel yang dimuat")
tabel = ringkasan.daftar_tabel(r)
st.markdown(f"{fmt.angka(len(tabel))} tabel dimuat dari dokumen.")
st.dataframe(
    tabel,
    hide_index=True,
    height="content",
    column_config={
        "tabel": "Tabel",
        "judul": st.column_config.TextColumn("Judul", width="medium"),
        "bagian": "Bagian",
        "jumlah_baris": st.column_config.NumberColumn("Jumlah baris", format="%d"),
    },
)
