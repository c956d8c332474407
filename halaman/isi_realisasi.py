"""Isi Realisasi: log in, download the year's template, upload it filled, preview, confirm; admin history.

Everything that decides anything lives in realisasi/ (template, validation, store, accounts);
this page only asks and shows. Nothing is written before the explicit "Simpan".
"""

from typing import Any

import pandas as pd
import streamlit as st

import ekspor
import kosakata
import state
import ui
from realisasi import alur, templat, validasi
from realisasi.gudang import GudangBerubah, GudangError
from sajian import anggaran, pilihan

KUNCI_PUTARAN = "unggahan_ke"  # bumped after a save, so the uploader starts empty


def _masalah(masalah: Any) -> None:
    st.dataframe(
        pd.DataFrame([vars(m) for m in masalah], columns=["lembar", "baris", "kolom", "pesan"]),
        hide_index=True,
        column_config={"lembar": "Lembar", "baris": "Baris", "kolom": "Kolom", "pesan": "Masalah"},
    )


def _triwulan(p: alur.Pratinjau) -> str | None:
    """A triwulan upload's preview notes; where annual values were entered directly, the uploader's choice."""
    if p.tergantikan:
        st.info(
            f"{p.tergantikan} baris sudah punya realisasi triwulan; nilai tahunan yang diisi langsung ini yang berlaku."
        )
    if p.triwulan is None:
        return None
    cara = "kumulatif Januari s.d. akhir triwulan" if p.kumulatif else "triwulan itu saja"
    st.markdown(f"Laporan **triwulan {templat.ROMAWI[p.triwulan]} {p.tahun}** ({cara}).")
    if p.peringatan:
        st.warning("Periksa: angka kumulatif yang turun (tetap dapat disimpan).")
        _masalah(p.peringatan)
    if p.bentrok.empty:
        return None
    return st.radio(
        f"{len(p.bentrok)} baris sudah punya realisasi tahunan yang diisi langsung. Mana yang berlaku?",
        alur.PILIHAN,
        format_func={"triwulan": "Triwulan (nilai tahunan lama dihapus, tahun diturunkan dari triwulan)",
                     "tahunan": "Tahunan (triwulan baris itu tidak disimpan)"}.get,
        index=None,
    )  # fmt: skip


r = state.renstra()
ui.judul("Isi Realisasi")
ui.tanpa_bagian()  # a page without tabs: a ?bagian= from another page does not belong in its URL
belum = state.sajikan(pilihan.tahun_tanpa_realisasi)
ui.pengantar(
    (f"Realisasi tahun {anggaran.rentang_tahun(belum)} belum ada di dokumen. " if belum else "")
    + "Petugas kecamatan dan lurah melaporkan realisasi di sini "
    "dengan templat Excel: unduh templat tahun yang dipilih, isi kolom kuning (Realisasi dan Realisasi (Rp)), "
    "lalu unggah. Berkas diperiksa seluruhnya dulu; yang akan berubah ditampilkan; baru tombol **Simpan** "
    "yang menulisnya. Setiap unggahan menjadi versi yang dapat dipulihkan. Melihat dasbor tidak perlu masuk."
)

akun = ui.masuk(r.wilayah, "Mengunggah realisasi perlu akun petugas (admin) atau lurah.")
ui.sudah_masuk(
    akun,
    "admin: semua baris, riwayat dan pemulihan"
    if akun.admin
    else f"Kelurahan {ui.literal(akun.kelurahan)}: baris kelurahan ini saja",
)

gudang = state.gudang()
semua_tahun = state.sajikan(pilihan.tahun_rencana)
tahun = ui.pilih("Tahun laporan", semua_tahun, "tahun_lapor", bawaan=semua_tahun[-1])
if akun.admin:
    cakupan = ui.pilih(
        "Templat untuk", {ui.SEMUA: "Seluruh kecamatan", **{k: f"Kelurahan {k}" for k in r.kelurahan}}, "cakupan"
    )
    kelurahan_templat = None if cakupan == ui.SEMUA else cakupan
else:
    kelurahan_templat = akun.kelurahan
periode = ui.pilih(
    "Laporan", {0: "Tahunan", **{q: f"Triwulan {t}" for q, t in templat.ROMAWI.items()}}, "triwulan", jenis="tombol"
)
triwulan = periode or None
kumulatif = triwulan is not None and ui.pilih(
    "Isian triwulan",
    {1: "Kumulatif (Januari s.d. akhir triwulan)", 0: "Triwulan itu saja"},
    "isian",
    tampil=triwulan is not None,
    jenis="tombol",
)

st.subheader("1. Unduh templat")
st.download_button(
    f"Unduh templat {tahun}"
    + (f" triwulan {templat.ROMAWI[triwulan]}" if triwulan else "")
    + (f" Kelurahan {ui.literal(kelurahan_templat)}" if kelurahan_templat else " seluruh kecamatan"),
    data=lambda: templat.buat_templat(r, tahun, kelurahan_templat, triwulan=triwulan, kumulatif=bool(kumulatif)),
    file_name=ekspor.nama_berkas(
        "realisasi", str(tahun), *([f"tw{triwulan}"] if triwulan else []), kelurahan_templat or "kecamatan"
    ),
    mime=ekspor.MIME_XLSX,
    on_click="ignore",
    icon=":material/download:",
)
st.caption(
    "Hanya kolom kuning yang dapat diisi. Kosong berarti belum dilaporkan (bukan 0); isian kosong tidak "
    "menghapus nilai yang sudah tersimpan. Templat triwulan: nilai tahunan diturunkan dari triwulan menurut "
    "aturan indikatornya (dijumlah, nilai terakhir atau rata-rata) setelah triwulan IV dilaporkan."
)

st.subheader("2. Unggah templat yang sudah diisi")
putaran = st.session_state.get(KUNCI_PUTARAN, 0)
berkas = st.file_uploader("Berkas .xlsx", type=["xlsx"], key=f"unggahan-{putaran}")
if berkas is not None:
    nama_berkas = ui.literal(berkas.name)
    try:
        p = alur.periksa(berkas.getvalue(), r, tahun, akun, gudang, berkas.name)
    except validasi.UnggahanError as e:
        st.error(f"Berkas **{nama_berkas}** ditolak; tidak ada yang disimpan. Perbaiki lalu unggah lagi.")
        _masalah(e.masalah)
    except GudangError as e:
        st.error(f"Berkas **{nama_berkas}** ditolak; tidak ada yang disimpan. {ui.literal(e)}")
    else:
        baru, berubah, sama = (p.jumlah[k] for k in ("baru", "berubah", "sama"))
        st.subheader("3. Periksa, lalu simpan")
        st.markdown(f"**{baru}** baris baru, **{berubah}** baris berubah, {sama} baris sama dengan yang tersimpan.")
        pilihan_tw = _triwulan(p)
        ubah = p.perubahan[p.perubahan["jenis"] != "sama"].merge(
            r.rencana[["tahun", "item_id", "indikator_ke", "kode", "nama", "indikator", "satuan"]],
            on=["tahun", "item_id", "indikator_ke"],
            how="left",
        )
        ui.tampilkan(
            [
                ui.Panel(
                    "Yang akan berubah",
                    data=lambda: ubah,
                    kolom=kosakata.kolom(
                        "kode",
                        "nama",
                        "kelurahan",
                        "indikator",
                        "satuan",
                        ("jenis", "Perubahan"),
                        ("realisasi_lama", kosakata.Kolom("Realisasi tersimpan", "angka")),
                        ("realisasi_baru", kosakata.Kolom("Realisasi baru", "angka")),
                        ("realisasi_rp_lama", kosakata.Kolom("Realisasi (Rp) tersimpan", "rupiah")),
                        ("realisasi_rp_baru", kosakata.Kolom("Realisasi (Rp) baru", "rupiah")),
                    ),
                    kosong="Tidak ada yang berubah dibanding data tersimpan.",
                    kunci="pratinjau",
                )
            ]
        )
        if st.button(
            f"Simpan ({baru + berubah} baris)",
            type="primary",
            disabled=baru + berubah == 0 or (not p.bentrok.empty and pilihan_tw is None),
        ):
            try:
                versi = alur.simpan(p, akun, gudang, pilihan_tw)
            except GudangBerubah:
                st.warning("Data tersimpan berubah sejak pratinjau ini dibuat; pratinjau dimuat ulang, periksa lagi.")
            except GudangError as e:
                st.error(f"Tidak disimpan: {ui.literal(e)}")
            else:
                st.session_state[KUNCI_PUTARAN] = putaran + 1
                st.session_state["tersimpan_terakhir"] = versi
                st.rerun()

if "tersimpan_terakhir" in st.session_state:
    st.success(
        f"Tersimpan sebagai versi {st.session_state.pop('tersimpan_terakhir')}. "
        "Capaian dan serapannya sudah tampil di halaman Kinerja."
    )

if akun.admin:
    st.subheader("Riwayat unggahan")
    riwayat = gudang.riwayat()
    if riwayat.empty:
        st.info("Belum ada unggahan.")
    else:
        st.dataframe(riwayat, hide_index=True)
        versi_ada = riwayat["id"].tolist()
        kolom_a, kolom_b = st.columns(2)
        v_a = kolom_a.selectbox("Bandingkan versi", versi_ada, index=min(1, len(versi_ada) - 1), key="v_a")
        v_b = kolom_b.selectbox("dengan versi", versi_ada, index=0, key="v_b")
        st.dataframe(gudang.bandingkan(v_a, v_b), hide_index=True)
        with st.form("pulihkan"):
            v_pulih = st.selectbox("Pulihkan data ke keadaan versi", versi_ada, key="v_pulih")
            yakin = st.checkbox("Saya yakin: versi baru dibuat dengan nilai versi itu (riwayat tidak dihapus).")
            if st.form_submit_button("Pulihkan") and yakin:
                baru_v = gudang.pulihkan(v_pulih, akun.nama, akun.peran)
                st.success(f"Dipulihkan ke keadaan versi {v_pulih} sebagai versi {baru_v}.")
        st.download_button(
            "Ekspor semua data tersimpan (.xlsx)",
            data=gudang.ekspor_xlsx,
            file_name="realisasi-tersimpan.xlsx",
            mime=ekspor.MIME_XLSX,
            on_click="ignore",
            icon=":material/download:",
        )
