"""sajian.pilihan: the shared filters' options and each row's program key."""

from __future__ import annotations

from loaders import Renstra
from sajian import pilihan


def test_program_kode_baru_dulu_lalu_2020(renstra: Renstra) -> None:
    label = pilihan.program(renstra)
    assert list(label)[:4] == ["7.01.01", "7.01.02", "7.01.03", "7.01.05"]
    assert label["7.01.03"] == "7.01.03 Pemberdayaan Masyarakat Desa dan Kelurahan"  # capitals tamed, words as printed
    assert label["tc27_2020:9"].endswith("(2020)")  # old local codes are never mapped onto new ones
    assert len(label) == 8


def test_kunci_program_baris_tanpa_kode_ikut_programnya(renstra: Renstra) -> None:
    R = renstra.rencana
    kunci = pilihan.kunci_program(R)
    # T-C.27 2022-2024 prints two sub kegiatan of 7.01.01 without a code (rows 50, 51).
    tanpa_kode = R["tabel"].eq("T-C.27 (2022-2024)") & R["baris"].isin([50, 51])
    assert tanpa_kode.any()
    assert set(kunci[tanpa_kode]) == {"7.01.01"}
    assert set(kunci[R["tahun"].eq(2020)]) == {"tc27_2020:2", "tc27_2020:9", "tc27_2020:13", "tc27_2020:27"}


def test_tahun_dan_identitas(renstra: Renstra) -> None:
    assert pilihan.tahun_rencana(renstra) == [2020, 2021, 2022, 2023, 2024]
    info = pilihan.identitas(renstra)
    assert info["kelurahan"] == [
        "Wonoasih",
        "Pakistaji",
        "Jrebeng Kidul",
        "Kedung Asem",
        "Kedung Galeng",
        "Sumber Taman",
    ]
    assert "Wonoasih" in str(info["judul"])
