"""musrenbang.isi: the slide sequence of the Musrenbang pack, against the document's own figures."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd
import pytest

import formatting as fmt
import kosakata
from loaders.renstra import Renstra
from musrenbang import isi
from realisasi import TIPE_REALISASI, bingkai_kosong
from realisasi.gudang import Gudang
from sajian import kelurahan as sajian_kelurahan
from sajian import realisasi as sajian_realisasi
from sajian import ringkasan

TAHUN = [2020, 2021, 2022, 2023, 2024]
KELURAHAN = ["Wonoasih", "Pakistaji", "Jrebeng Kidul", "Kedung Asem", "Kedung Galeng", "Sumber Taman"]
DIBUAT = date(2026, 11, 28)


# --- helpers shared with test_musrenbang_dek / _buku ---------------------------------------------


def nama_kelurahan_lain(r: Renstra, kelurahan: str, teks: str) -> list[str]:
    """Every other kelurahan's name or document spelling found in ``teks`` (spaces optional, any case).

    "Kecamatan Wonoasih" (and the manifest's kecamatan aliases) names the kecamatan, not the
    kelurahan Wonoasih, so it is taken out first.
    """
    kec = r.manifest["kecamatan"]
    for nama in sorted([f"Kecamatan {kec['nama']}", *kec.get("alias", [])], key=len, reverse=True):
        teks = re.sub(r"\s*".join(map(re.escape, nama.split())), " ", teks, flags=re.IGNORECASE)
    ketemu = []
    for kanonik, alias in r.manifest["kelurahan"].items():
        if kanonik == kelurahan:
            continue
        for nama in [kanonik, *alias]:
            if re.search(r"\s*".join(map(re.escape, nama.replace(" ", ""))), teks, flags=re.IGNORECASE):
                ketemu.append(nama)
    return ketemu


def tersimpan_sintetis() -> pd.DataFrame:
    """SYNTHETIC reported realisasi for 2023 (test data, not the document's): two T-C.27 sub kegiatan,
    Pembangunan Sarana dan Prasarana Kelurahan in Pakistaji (target 2 Lokasi, pagu Rp 80.400.000)
    and in Wonoasih (target 5 Lokasi, pagu Rp 188.940.000)."""
    return pd.DataFrame(
        {
            "tahun": [2023, 2023],
            "item_id": ["tc27_2022:6", "tc27_2022:5"],
            "indikator_ke": [1, 1],
            "kelurahan": ["Pakistaji", "Wonoasih"],
            "realisasi": [2.0, 4.0],
            "realisasi_rp": [80_000_000, 150_000_000],
        }
    ).astype(TIPE_REALISASI)


def riwayat_sintetis() -> pd.DataFrame:
    """SYNTHETIC store history: version 3 saved 11 November 2026 18:30 UTC = 12 November 01:30 WIB."""
    return pd.DataFrame(
        {
            "id": [3, 2],
            "waktu": ["2026-11-11T18:30:00.000000+00:00", "2026-10-01T02:00:00.000000+00:00"],
            "pengguna": ["admin_uji", "admin_uji"],
            "peran": ["admin", "admin"],
            "nama_berkas": ["uji.xlsx", "lama.xlsx"],
            "sha256": ["0" * 64, "1" * 64],
            "tahun": [2023, 2023],
            "kelurahan": [pd.NA, pd.NA],
            "jenis": ["unggah", "unggah"],
            "pulih_ke": [pd.NA, pd.NA],
            "baris_berubah": [2, 2],
            "catatan": ["", ""],
        }
    ).astype({"id": "Int64", "tahun": "Int64", "kelurahan": "string", "pulih_ke": "Int64", "baris_berubah": "Int64"})


_TEMBOLOK: dict[tuple[int, int, str | None], list[isi.Slaid]] = {}


def susun_daftar(r: Renstra, tahun: int, kelurahan: str | None = None, **kw) -> list[isi.Slaid]:
    """``isi.susun`` with the title date fixed; without uploads the result is reused (tests only read it)."""
    if kw:
        return isi.susun(r, tahun, kelurahan, kw.pop("tersimpan", bingkai_kosong()), dibuat=DIBUAT, **kw)
    kunci = (id(r), tahun, kelurahan)
    if kunci not in _TEMBOLOK:
        _TEMBOLOK[kunci] = isi.susun(r, tahun, kelurahan, bingkai_kosong(), dibuat=DIBUAT)
    return _TEMBOLOK[kunci]


def susun(r: Renstra, tahun: int, kelurahan: str | None = None, **kw) -> dict[str, isi.Slaid]:
    return {s.kunci: s for s in susun_daftar(r, tahun, kelurahan, **kw)}


def teks_slaid(s: isi.Slaid) -> str:
    """Everything a slide says: title, source, message and every cell as text."""
    sel = [fmt.sel(v, s.kolom[c][1]) for c in s.data.columns for v in s.data[c]]
    return "\n".join([s.judul, s.sumber, s.pesan, *(h for h, _ in s.kolom.values()), *sel])


# --- order and scope -----------------------------------------------------------------------------


@pytest.mark.parametrize("tahun", TAHUN)
def test_urutan_slaid_kecamatan_dan_kelurahan(renstra: Renstra, tahun: int) -> None:
    kecamatan = susun_daftar(renstra, tahun)
    assert [s.kunci for s in kecamatan] == list(isi.KUNCI_KECAMATAN)
    assert [s.kunci for s in susun_daftar(renstra, tahun, "Sumber Taman")] == list(isi.KUNCI_KELURAHAN)
    for s in kecamatan:
        assert s.sumber.startswith("Sumber: ") and len(s.sumber) > 20, s.kunci
        assert list(s.data.columns) == list(s.kolom), s.kunci
        assert all(j in fmt.JENIS_KOLOM for _, j in s.kolom.values()), s.kunci
        if s.grafik is not None:
            assert s.grafik.kategori in s.data.columns and set(s.grafik.seri) <= set(s.data.columns)


def test_judul_dan_identitas(renstra: Renstra) -> None:
    s = susun(renstra, 2024, "Kedung Asem")["judul"]
    assert s.judul == "Bahan Musrenbang 2024: Kelurahan Kedung Asem"
    isian = dict(zip(s.data["butir"], s.data["isi"], strict=True))
    assert isian["Pemerintah daerah"] == "Kota Probolinggo"
    assert isian["Periode"] == "2019-2024" and isian["Tahun"] == "2024"
    assert isian["Dibuat"] == "28 November 2026"
    assert isian["Cakupan"] == "Kelurahan Kedung Asem, Kecamatan Wonoasih"
    assert susun(renstra, 2022)["judul"].judul == "Bahan Musrenbang 2022: Kecamatan Wonoasih"


def test_kelurahan_tak_dikenal_dan_tahun_di_luar_rencana(renstra: Renstra) -> None:
    with pytest.raises(ValueError, match="Kelurahan 'Wonokerto' tidak ada"):
        isi.susun(renstra, 2023, "Wonokerto", bingkai_kosong())
    with pytest.raises(ValueError, match="Tahun 2019 tidak ada"):
        isi.susun(renstra, 2019, None, bingkai_kosong())


# --- pagu: the same numbers as the dashboard and the document ------------------------------------


def test_pagu_per_tahun_kecamatan_adalah_total_ringkasan(renstra: Renstra) -> None:
    s = susun(renstra, 2023)["pagu-tahun"]
    p = ringkasan.pagu_per_tahun(renstra)
    assert s.data["tahun"].tolist() == TAHUN
    assert s.data["pagu"].tolist() == p["pagu"].tolist()
    pagu = dict(zip(s.data["tahun"], s.data["pagu"], strict=True))
    # The document prints the four program pagu (T-C.27 2022-2024, lines 1196-1230 of the text export):
    assert pagu[2022] == 1_997_779_200 + 1_488_344_000 + 349_601_200 + 9_122_221_547 == 12_957_945_947
    assert pagu[2023] == 1_606_116_002 + 1_471_899_240 + 345_738_445 + 9_495_655_116 == 12_919_408_803
    assert pagu[2024] == 1_732_468_436 + 1_538_963_466 + 361_491_345 + 9_565_206_165 == 13_198_129_412
    dasar = dict(zip(s.data["tahun"], s.data["dasar"], strict=True))
    assert dasar[2020].startswith("4 dari 4 program dijumlah dari rinciannya")  # all four printed *****
    assert dasar[2021].startswith("1 dari 4 program") and dasar[2023] == "pagu program"
    assert "2020 dan 2021" in s.sumber and "T-C.27" in s.sumber
    assert isi.kategori_grafik(s)[:3] == ["2020 (dijumlah dari rincian)", "2021 (dijumlah dari rincian)", "2022"]


def test_pagu_program_2023_sesuai_dokumen(renstra: Renstra) -> None:
    s = susun(renstra, 2023)["pagu-program"]
    pagu = {str(p).split()[0]: int(v) for p, v in zip(s.data["program"], s.data["pagu"], strict=True)}
    assert pagu == {"7.01.01": 9_495_655_116, "7.01.03": 1_606_116_002, "7.01.02": 1_471_899_240,
                    "7.01.05": 345_738_445}  # fmt: skip
    assert s.grafik == isi.Grafik("batang_horizontal", "program", ("pagu",), "rupiah")
    assert s.sumber == "Sumber: Perubahan Renstra Kecamatan Wonoasih 2019-2024, T-C.27, tahun 2023"


def test_pagu_kelurahan_pakistaji_2023(renstra: Renstra) -> None:
    slaid = susun(renstra, 2023, "Pakistaji")
    tahun = slaid["pagu-tahun"].data.set_index("tahun")["pagu"]
    # Its three sub kegiatan printed for 2023 (lines 1201, 1209, 1221 of the text export).
    assert tahun[2023] == 80_400_000 + 160_800_000 + 79_174_395 == 320_374_395
    assert tahun.tolist() == sajian_kelurahan.pagu_kelurahan(renstra, "Pakistaji")["pagu"].tolist()
    sub = slaid["sub-kegiatan"].data
    assert sorted(sub["pagu"].dropna().tolist()) == [79_174_395, 80_400_000, 160_800_000]
    assert sub["satuan"].tolist() == ["Lokasi", "Kelompok", "%"]
    assert sub["target"].tolist() == [2, 7, 100]


@pytest.mark.parametrize("tahun", [2020, 2021, 2023])
@pytest.mark.parametrize("kelurahan", KELURAHAN)
def test_paket_kelurahan_hanya_barisnya(renstra: Renstra, kelurahan: str, tahun: int) -> None:
    slaid = susun(renstra, tahun, kelurahan, tersimpan=tersimpan_sintetis())
    for s in slaid.values():
        assert nama_kelurahan_lain(renstra, kelurahan, teks_slaid(s)) == [], s.kunci
    p = sajian_kelurahan.pagu_per_tahun(renstra)
    pagu = int(p.loc[p["tahun"].eq(tahun) & p["kelurahan"].eq(kelurahan), "pagu"].iloc[0])
    assert int(slaid["pagu-program"].data["pagu"].sum()) == pagu
    assert int(slaid["sub-kegiatan"].data["pagu"].sum()) == pagu
    assert slaid["pangsa-kelurahan"].data["pagu"].tolist() == [
        pagu,
        int(p.loc[p["tahun"].eq(tahun), "pagu"].sum()) - pagu,
    ]
    assert slaid["pangsa-kelurahan"].data["pangsa"].sum() == pytest.approx(100)


def test_pemeriksa_nama_kelurahan_tidak_kosong_makna(renstra: Renstra) -> None:
    """The checker above does find names: the kecamatan pack lists every kelurahan, in document spellings."""
    teks = teks_slaid(susun(renstra, 2023)["sub-kegiatan"])
    assert set(nama_kelurahan_lain(renstra, "Pakistaji", teks)) >= {"Wonoasih", "Kedung Galeng", "Kedunggaleng"}
    assert nama_kelurahan_lain(renstra, "Pakistaji", "Sumber: Perubahan Renstra Kecamatan Wonoasih") == []


def test_pangsa_dan_peringkat(renstra: Renstra) -> None:
    s = susun(renstra, 2023, "Pakistaji")["pangsa-kelurahan"]
    p = sajian_kelurahan.pagu_per_tahun(renstra)
    p = p[p["tahun"].eq(2023)].sort_values("pagu", ascending=False)
    ke = p["kelurahan"].tolist().index("Pakistaji") + 1
    assert s.data["bagian"].tolist() == ["Kelurahan Pakistaji", "5 kelurahan lain"]
    assert s.data["peringkat"].iloc[0] == f"ke-{ke} dari 6"
    assert s.data["jumlah"].tolist() == [int(p["pagu"].sum())] * 2
    assert f"peringkat ke-{ke} dari 6" in s.judul and "16,38 %" in s.judul
    assert s.grafik == isi.Grafik("donat", "bagian", ("pagu",), "rupiah")
    # 2021: the document gives all six the same Rp 666.000.000.
    s21 = susun(renstra, 2021, "Kedung Galeng")["pangsa-kelurahan"]
    assert s21.data["peringkat"].iloc[0] == "ke-1 dari 6 (sama besar dengan 5 kelurahan lain)"


def test_sub_kegiatan_kecamatan_semua_kelurahan(renstra: Renstra) -> None:
    s = susun(renstra, 2023)["sub-kegiatan"]
    assert s.grafik is None  # a table slide
    assert set(s.data["kelurahan"]) == {"", *KELURAHAN}
    R = renstra.rencana
    rinci = R[R["tahun"].eq(2023) & R["tingkat"].eq("sub_kegiatan")]
    assert len(s.data) == len(rinci) and int(s.data["pagu"].sum()) == int(rinci["pagu"].sum())
    # The kelurahan rows take the indicator printed once for their run (merged cell), as on the Kelurahan page.
    pakistaji = s.data[s.data["nama"].eq("Pembangunan Sarana dan Prasarana Kelurahan (sub unit Pakistaji)")]
    assert pakistaji["indikator"].tolist() == ["Jumlah Lokasi Sarana dan Prasarana yang difasilitasi"]
    s20 = susun(renstra, 2020)["sub-kegiatan"]
    assert s20.judul.startswith("Kegiatan 2020") and "tidak merinci sub kegiatan" in s20.sumber


# --- realisasi: never zeros --------------------------------------------------------------------


@pytest.mark.parametrize("tahun", [2021, 2022, 2023, 2024])
def test_tahun_tanpa_realisasi_berpesan_bukan_nol(renstra: Renstra, tahun: int) -> None:
    for kelurahan in (None, "Jrebeng Kidul"):
        slaid = susun(renstra, tahun, kelurahan)
        wilayah = f"Kelurahan {kelurahan}" if kelurahan else ""
        for kunci, ukuran, anggaran in (("capaian", "capaian", False), ("serapan", "serapan", True)):
            s = slaid[kunci]
            assert s.data.empty and s.grafik is None, kunci
            # the one caveat of kosakata, as on the Kinerja and Anggaran pages
            awal = kosakata.catatan_tanpa_realisasi(tahun, ukuran, anggaran=anggaran, wilayah=wilayah)
            assert s.pesan.startswith(awal) and f" {tahun} " in s.pesan and "bukan 0 %" in s.pesan
            assert s.sumber.startswith("Sumber: Isi Realisasi (belum ada unggahan")
    assert (
        susun(renstra, 2023)["capaian"].pesan
        == "Belum ada realisasi 2023 yang dilaporkan; capaian tidak dihitung (bukan 0 %). "
        "Realisasi di dokumen (T-C.23) hanya ada untuk tahun 2016-2020."
    )


def test_realisasi_dokumen_2020_kecamatan(renstra: Renstra) -> None:
    slaid = susun(renstra, 2020)
    c = slaid["capaian"].data.set_index("indikator")
    baris = c.loc["% Kelompok dan Lembaga Kemasayarakatan yang difasilitasi"]
    assert (baris["target"], baris["realisasi"], baris["predikat"]) == (20, 18.99, "Sangat Tinggi")
    assert baris["capaian"] == pytest.approx(94.95)  # the document prints 94,95
    assert fmt.persen(baris["capaian"]) == "94,95 %"
    rw = c.loc["Persentase RW Aktif"]  # target printed 0: no capaian, said so
    assert pd.isna(rw["capaian"]) and rw["keterangan"] == "Tanpa capaian: target tercetak 0"
    assert slaid["capaian"].sumber == "Sumber: Perubahan Renstra Kecamatan Wonoasih 2019-2024, T-C.23, tahun 2020"
    s = slaid["serapan"]
    assert "96,11 %" in s.judul and "T-C.24" in s.sumber
    kec = s.data.set_index("program").loc[
        "Program Peningkatan Penyelenggaraan Pemerintahan dan Pelayanan Publik Kecamatan"
    ]
    assert (kec["anggaran"], kec["realisasi"]) == (1_024_378_440, 1_007_611_040)  # T-C.24, line 708
    tanpa = s.data[s.data["realisasi"].isna()]
    assert len(tanpa) == 1 and tanpa["serapan"].isna().all()  # realisasi not printed: gap, not 0 %


def test_kelurahan_2020_dokumen_hanya_kecamatan(renstra: Renstra) -> None:
    slaid = susun(renstra, 2020, "Pakistaji")
    assert "hanya tingkat kecamatan" in slaid["capaian"].pesan
    assert "T-C.24" in slaid["serapan"].pesan and "tidak dirinci per kelurahan" in slaid["serapan"].pesan


# --- uploaded realisasi (SYNTHETIC store content) ------------------------------------------------


def test_unggahan_sintetis_kecamatan_dan_kelurahan(renstra: Renstra) -> None:
    tersimpan = tersimpan_sintetis()
    kec = susun(renstra, 2023, tersimpan=tersimpan, riwayat=riwayat_sintetis())
    c = kec["capaian"]
    harapan = sajian_realisasi.capaian_dilaporkan(renstra, 2023, tersimpan)
    assert c.data["capaian"].tolist() == harapan["capaian"].tolist() == [80.0, 100.0]
    assert c.data["predikat"].tolist() == ["Tinggi", "Sangat Tinggi"]
    assert c.grafik is not None and c.pesan == ""
    # 18:30 UTC on 11 November is 01:30 WIB on 12 November.
    assert "realisasi diunggah 12 November 2026 (Isi Realisasi, versi 3)" in c.sumber
    s = kec["serapan"]
    assert s.data["realisasi"].tolist() == [150_000_000, 80_000_000]
    assert s.data["serapan"].tolist() == pytest.approx([150_000_000 / 188_940_000 * 100, 80_000_000 / 80_400_000 * 100])
    assert "realisasi diunggah 12 November 2026" in s.sumber
    assert isi.label_titik(s, "serapan") == ["79,39 %", "99,50 %"]

    pak = susun(renstra, 2023, "Pakistaji", tersimpan=tersimpan, riwayat=riwayat_sintetis())
    assert pak["capaian"].data["capaian"].tolist() == [100.0]
    assert pak["serapan"].data["realisasi"].tolist() == [80_000_000]
    assert "Wonoasih" not in pak["capaian"].data["indikator"].iloc[0]
    # Another year of the same store: nothing reported, so a message.
    assert susun(renstra, 2024, tersimpan=tersimpan)["capaian"].data.empty


def test_tanggal_unggah_dari_gudang_sungguhan(renstra: Renstra, tmp_path: Path) -> None:
    # A real store stamps the version with its clock (UTC); given a fixed clock instead of the real
    # one, the expected date does not depend on when the test runs (around midnight WIB the real
    # clock's date could change between the save and the check), and the fixed time sits on the
    # UTC/WIB date line: the slide must give the WIB date.
    gudang = Gudang(f"sqlite:///{tmp_path / 'uji.sqlite'}", jam=lambda: datetime(2026, 11, 11, 18, 30, tzinfo=UTC))
    try:
        versi = gudang.simpan(tersimpan_sintetis(), "admin_uji", "admin", "uji.xlsx", "a" * 64, 2023)
        riwayat = gudang.riwayat()
        slaid = susun(renstra, 2023, tersimpan=gudang.keadaan(), riwayat=riwayat)
    finally:
        gudang.tutup()
    assert riwayat["waktu"].tolist() == ["2026-11-11T18:30:00.000000+00:00"]
    assert f"realisasi diunggah 12 November 2026 (Isi Realisasi, versi {versi})" in slaid["capaian"].sumber


def test_keterangan_unggah_per_kelurahan() -> None:
    r = riwayat_sintetis()
    r.loc[0, "kelurahan"] = "Sumber Taman"  # version 3 belongs to another kelurahan's lurah
    assert isi.keterangan_unggah(r, 2023, "Pakistaji").endswith("(Isi Realisasi, versi 2)")
    assert isi.keterangan_unggah(r, 2023, None).endswith("(Isi Realisasi, versi 3)")
    assert isi.keterangan_unggah(None, 2023) == "realisasi diunggah lewat Isi Realisasi"


def test_perubahan_renstra(renstra: Renstra) -> None:
    slaid = susun(renstra, 2022)
    r = slaid["perubahan"].data.set_index("jenis_perubahan")
    assert r.loc["indikator dihapus"].tolist() == [1, 1]
    assert r.loc["kondisi awal berubah"].tolist() == [0, 2]  # T-C.28: IKM 84,50 -> 84,60
    assert r.loc["target berubah"].tolist() == [0, 0]  # a count of none is a real 0
    d = slaid["perubahan-daftar"].data
    ikm = d[d["jenis_perubahan"].eq("kondisi awal berubah")]
    assert set(zip(ikm["sebelum"], ikm["sesudah"], strict=True)) == {("84,50", "84,60")}


def test_hari_ini_dalam_wib() -> None:
    # 18:30 UTC on 11 November is already 12 November in Probolinggo.
    assert isi.hari_ini(datetime(2026, 11, 11, 18, 30, tzinfo=UTC)) == date(2026, 11, 12)
    assert isi.hari_ini(datetime(2026, 11, 11, 16, 59, tzinfo=UTC)) == date(2026, 11, 11)
