"""Evaluation arithmetic for the Renstra dashboard: pure functions over the loaders' DataFrames.

from metrics import capaian, predikat, serapan
"""

from metrics.anggaran import pertumbuhan, pertumbuhan_program, serapan, serapan_program
from metrics.efisiensi import efisiensi, kuadran
from metrics.kinerja import alasan_tanpa_capaian, capaian, capaian_kinerja
from metrics.pagu import pagu_per_kelurahan, pagu_per_tingkat, pagu_program, perubahan_tahunan, total_kecamatan
from metrics.perubahan import perubahan_renstra
from metrics.predikat import Skala, SkalaError, muat_skala, predikat, skala_bawaan

__all__ = [
    "Skala", "SkalaError", "alasan_tanpa_capaian", "capaian", "capaian_kinerja", "efisiensi", "kuadran",
    "muat_skala", "pagu_per_kelurahan", "pagu_per_tingkat", "pagu_program", "pertumbuhan", "pertumbuhan_program",
    "perubahan_renstra", "perubahan_tahunan", "predikat", "serapan", "serapan_program", "skala_bawaan", "total_kecamatan",
]  # fmt: skip
