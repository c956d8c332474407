"""The dashboard's pages and the shared filters each one uses: read by app.py, tests and scripts.

Plain data (no Streamlit), so the browser tests, the screenshot script and the benchmark
walk exactly the pages the app shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

KUNCI_TAHUN, KUNCI_PROGRAM, KUNCI_KELURAHAN = "tahun", "program", "kelurahan"


@dataclass(frozen=True)
class Halaman:
    skrip: str
    judul: str
    ikon: str
    filter: tuple[str, ...] = ()
    utama: bool = False

    @property
    def url(self) -> str:
        """The page's URL path: "" for the default page, else Streamlit's name from the script (``anggaran``)."""
        return "" if self.utama else Path(self.skrip).stem

    @property
    def nama(self) -> str:
        """A short name for files and test ids (``ringkasan``)."""
        return Path(self.skrip).stem


# The page scripts live in halaman/, not pages/: Streamlit 1.67 treats a pages/ folder
# next to the entrypoint as the old multipage layout until the first st.navigation call
# in the process, so a deep link (e.g. /kualitas_data) opened first after a restart, and
# every AppTest.switch_page, would run the page alone: no title, no layout, no sidebar.
HALAMAN: tuple[Halaman, ...] = (
    Halaman("halaman/ringkasan.py", "Ringkasan", ":material/dashboard:", (KUNCI_TAHUN,), utama=True),
    Halaman("halaman/anggaran.py", "Anggaran", ":material/payments:", (KUNCI_TAHUN, KUNCI_PROGRAM)),
    Halaman("halaman/kinerja.py", "Kinerja", ":material/trending_up:", (KUNCI_TAHUN,)),
    Halaman("halaman/evaluasi_renstra.py", "Evaluasi Renstra", ":material/assignment_turned_in:", (KUNCI_TAHUN,)),
    Halaman("halaman/kelurahan.py", "Kelurahan", ":material/location_city:", (KUNCI_TAHUN, KUNCI_KELURAHAN)),
    Halaman("halaman/program.py", "Program", ":material/account_tree:", (KUNCI_PROGRAM,)),
    Halaman("halaman/perubahan.py", "Perubahan Renstra", ":material/compare_arrows:"),
    Halaman("halaman/profil.py", "Profil kecamatan", ":material/groups:"),
    Halaman("halaman/musrenbang.py", "Bahan Musrenbang", ":material/co_present:", (KUNCI_TAHUN, KUNCI_KELURAHAN)),
    Halaman("halaman/kualitas_data.py", "Kualitas data", ":material/fact_check:"),
    Halaman("halaman/isi_realisasi.py", "Isi Realisasi", ":material/upload_file:"),
    Halaman("halaman/kelola_renstra.py", "Kelola Renstra", ":material/library_add:"),
    Halaman("halaman/antar_renstra.py", "Antar-Renstra", ":material/compare:"),
    Halaman("halaman/tabel_dokumen.py", "Tabel dokumen", ":material/table:"),
)
