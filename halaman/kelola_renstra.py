"""Kelola Renstra: the Renstra template (blank and filled), and, for an admin, importing a Renstra.

Everything that decides lives in loaders.templat_renstra (the template), kelola.alur (check,
preview, store) and kelola.gudang_renstra (the versioned store); this page asks and shows.
"""

import io
from datetime import date

import streamlit as st

import ekspor
import kosakata
import state
import ui
from kelola import alur
from loaders.errors import DaftarMasalahError
from loaders.templat_renstra import templat_kosong
from realisasi.gudang import GudangError

KUNCI_PUTARAN = "renstra_unggahan_ke"  # bumped after a save, so the uploader starts empty

r = state.renstra()
ui.judul("Kelola Renstra")
ui.tanpa_bagian()
ui.pengantar(
    "Renstra lain (periode berikutnya, atau kecamatan dan perangkat daerah lain) masuk ke dasbor lewat satu "
    "buku kerja Excel dalam formulir Permendagri 86/2017. Unduh templatnya, isi, lalu unggah (khusus admin): "
    "berkas diperiksa seluruhnya, isinya ditampilkan, dan baru tombol **Simpan** yang menyimpannya sebagai versi "
    "baru. Renstra tersimpan langsung dapat dipilih di sidebar."
)

st.subheader("1. Unduh templat")
kiri, kanan = st.columns(2)
periode = r.manifest.get("renstra", {}).get("periode") or []
# The blank template is for the period after the served one (its next Renstra), else this year's.
awal_bawaan = int(periode[-1]) + 1 if periode else date.today().year
awal = kiri.number_input("Periode awal templat kosong", 2000, 2090, min(max(awal_bawaan, 2000), 2090), step=1)
kiri.download_button(
    f"Templat Renstra kosong {awal}-{awal + 4}",
    data=lambda: templat_kosong((int(awal), int(awal) + 4)),
    file_name=ekspor.nama_berkas("templat-renstra", f"{awal}-{awal + 4}"),
    mime=ekspor.MIME_XLSX,
    on_click="ignore",
    icon=":material/download:",
)


def _contoh() -> bytes:
    keluaran = io.BytesIO()
    r.ke_xlsx(keluaran)
    return keluaran.getvalue()


kanan.caption("Contoh terisi: Renstra yang sedang ditampilkan, dalam format templat yang sama.")
kanan.download_button(
    "Unduh contoh terisi",
    data=_contoh,
    file_name=ekspor.nama_berkas("renstra", str(r.manifest.get("renstra", {}).get("id", "renstra"))),
    mime=ekspor.MIME_XLSX,
    on_click="ignore",
    icon=":material/download:",
)

st.subheader("2. Unggah Renstra")
akun = ui.masuk(r.wilayah, "Mengunggah Renstra khusus admin.")
ui.sudah_masuk(akun, "admin" if akun.admin else f"Kelurahan {ui.literal(akun.kelurahan)}")
if not akun.admin:
    st.info("Mengunggah dan memulihkan Renstra khusus admin.")
    st.stop()

gudang = state.gudang_renstra()
putaran = st.session_state.get(KUNCI_PUTARAN, 0)
berkas = st.file_uploader("Buku kerja Renstra (.xlsx)", type=["xlsx"], key=f"renstra-{putaran}")
if berkas is not None:
    try:
        p = alur.periksa(berkas.getvalue(), berkas.name, gudang)
    except DaftarMasalahError as e:
        ui.tabel_masalah(berkas.name, e.masalah)
    except GudangError as e:
        st.error(f"Berkas **{ui.literal(berkas.name)}** ditolak; tidak ada yang disimpan. {ui.literal(e)}")
    else:
        st.subheader("3. Periksa, lalu simpan")
        ui.tampilkan(
            [
                ui.Panel("Identitas", data=lambda: p.identitas, kolom=kosakata.kolom(("isian", "Isian"), ("nilai", "Nilai")),
                         kunci="pratinjau-identitas"),
                ui.Panel(
                    "Isi per tahun (T-C.27)",
                    data=lambda: p.per_tahun,
                    kolom=kosakata.kolom(
                        "tahun", ("program", kosakata.Kolom("Program", "bulat")), ("kegiatan", kosakata.Kolom("Kegiatan", "bulat")),
                        ("sub_kegiatan", kosakata.Kolom("Sub kegiatan", "bulat")),
                        ("indikator", kosakata.Kolom("Baris indikator", "bulat")), "pagu",
                    ),
                    kunci="pratinjau-per-tahun",
                ),
                ui.Panel(
                    f"Temuan audit ({len(p.temuan)})",
                    data=lambda: p.temuan,
                    kosong="Audit tidak menemukan angka yang saling bertentangan.",
                    kunci="pratinjau-temuan",
                ),
                *(
                    [
                        ui.Panel(
                            f"Yang berubah dibanding versi {p.versi_sebelumnya}",
                            data=lambda: p.beda,
                            kolom=kosakata.kolom("tabel", "baris", ("kolom", "Kolom"), ("sebelum", "Sebelum"),
                                           ("sesudah", "Sesudah"), ("jenis", "Perubahan")),
                            kosong="Isi tabelnya sama dengan versi tersimpan.",
                            kunci="pratinjau-beda",
                        )
                    ]
                    if p.beda is not None
                    else []
                ),
            ]
        )  # fmt: skip
        label = f"Simpan sebagai versi {(p.versi_sebelumnya or 0) + 1} ({ui.literal(p.renstra_id)})"
        if st.button(label, type="primary"):
            try:
                versi = alur.simpan(p, akun, gudang)
            except GudangError as e:
                st.error(f"Tidak disimpan: {ui.literal(e)}")
            else:
                st.session_state[KUNCI_PUTARAN] = putaran + 1
                st.session_state["renstra_tersimpan"] = (p.renstra_id, versi)
                st.rerun()

if "renstra_tersimpan" in st.session_state:
    rid, versi = st.session_state.pop("renstra_tersimpan")
    st.success(f"Tersimpan: {ui.literal(rid)} versi {versi}. Pilih di sidebar (Renstra) untuk menampilkannya.")

st.subheader("Renstra tersimpan")
daftar = gudang.daftar()
if daftar.empty:
    st.info("Belum ada Renstra yang diunggah; dasbor menampilkan Renstra bawaannya.")
    st.stop()
st.dataframe(daftar, hide_index=True)
rid = st.selectbox("Riwayat Renstra", daftar["id"].tolist(), key="riwayat_renstra")
riwayat = gudang.riwayat(rid)
st.dataframe(riwayat, hide_index=True)
with st.form("pulihkan_renstra"):
    v = st.selectbox("Pulihkan ke keadaan versi", riwayat["versi"].tolist(), key="versi_pulih_renstra")
    yakin = st.checkbox("Saya yakin: versi baru dibuat dengan isi versi itu (riwayat tidak dihapus).")
    if st.form_submit_button("Pulihkan") and yakin:
        try:
            baru = gudang.pulihkan(rid, int(v), akun.nama, akun.peran)
        except GudangError as e:
            st.error(f"Tidak dipulihkan: {ui.literal(e)}")
        else:
            st.success(f"Dipulihkan ke keadaan versi {v} sebagai versi {baru}.")
