"""Antar-Renstra: every Renstra the dashboard serves side by side (periods of one kecamatan, or
several kecamatan of one kota): pagu per year, programs and indicators, share per kelurahan."""

import kosakata
import state
import ui
from grafik import antar as grafik
from sajian import kelola as sajian

ui.judul("Antar-Renstra")
ui.tanpa_bagian()
ringkas = sajian.gabung(state.sajikan_semua(sajian.ringkas_renstra))
ui.pengantar(
    f"{len(ringkas)} Renstra yang tersimpan di dasbor berdampingan: periode yang berurutan dari satu perangkat "
    "daerah, atau beberapa kecamatan dalam satu kota. Renstra lain masuk lewat halaman Kelola Renstra."
)
ui.tampilkan(
    [
        ui.Panel(
            "Pagu per tahun",
            data=lambda: sajian.gabung(state.sajikan_semua(sajian.pagu_per_tahun)),
            grafik=grafik.pagu_per_tahun,
            kolom=kosakata.kolom(("renstra", "Renstra"), "tahun", "pagu"),
            sumber="T-C.27 setiap Renstra: jumlah pagu program per tahun",
            kunci="antar-pagu",
        ),
        ui.Panel(
            "Program, indikator dan kelurahan",
            data=lambda: ringkas,
            kolom=kosakata.kolom(
                ("judul", "Renstra"), ("periode", "Periode"), ("tahun_akhir", kosakata.Kolom("Tahun akhir", "tahun")),
                ("program", kosakata.Kolom("Program (tahun akhir)", "bulat")),
                ("indikator", kosakata.Kolom("Baris indikator (tahun akhir)", "bulat")),
                ("kelurahan", kosakata.Kolom("Kelurahan", "bulat")), ("pagu_total", kosakata.Kolom("Pagu seluruh periode", "rupiah")),
            ),
            kunci="antar-ringkas",
        ),
        ui.Panel(
            "Pangsa kelurahan di tahun akhir",
            data=lambda: sajian.gabung(state.sajikan_semua(sajian.pangsa_kelurahan)),
            grafik=grafik.pangsa_kelurahan,
            kolom=kosakata.kolom(("renstra", "Renstra"), "tahun", "kelurahan", "pagu", ("pangsa", kosakata.Kolom("Pangsa", "persen"))),
            sumber="T-C.27 setiap Renstra: pagu sub kegiatan/kegiatan yang menyebut kelurahan",
            kunci="antar-kelurahan",
        ),
    ]
)  # fmt: skip
