"""Realisasi per triwulan: template, upload, store, the year's derived figure, progress (issue 13).

Templates come from the bundled Renstra (real item ids, targets, pagu); every filled value is
synthetic. Rows used, T-C.27 2022:
- ``tc27_2022:6#1``  Pakistaji, "Lokasi", target 2, pagu Rp 100.000.000: counts, summed by default;
- ``tc27_2022:31#1`` percentage, target 100, pagu Rp 9.122.221.547: last value by default;
- ``tc27_2022:30#1`` "Kasus", lower is better (manifest [polaritas]): last value by default;
- ``tc27_2022:33#1`` "Laporan", target 10, pagu Rp 36.000.000: averaged where a test declares it.
Store tests run on every database of the ``url`` fixture (SQLite, and PostgreSQL in CI).
"""

from __future__ import annotations

import dataclasses
import io
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from loaders.errors import RenstraError
from loaders.renstra import Renstra
from realisasi import KOLOM_TRIWULAN, alur, validasi
from realisasi.akun import Akun
from realisasi.gudang import Gudang, GudangError
from realisasi.templat import LEMBAR_DATA, LEMBAR_MANIFEST, buat_templat
from realisasi.triwulan import aturan_bawaan, aturan_renstra
from sajian import kinerja as sajian_kinerja
from sajian import ringkasan as sajian_ringkasan
from tests import berkas_jahat as bj

ADMIN = Akun("admin_uji", "admin")
JAM = datetime(2026, 4, 1, 2, 3, 4, tzinfo=UTC)
LOKASI, PERSEN, KASUS, LAPORAN = "tc27_2022:6#1", "tc27_2022:31#1", "tc27_2022:30#1", "tc27_2022:33#1"
KOL_H, KOL_I = "H 'Realisasi'", "I 'Realisasi (Rp)'"


@pytest.fixture
def g(url: str) -> Gudang:
    gudang = Gudang(url, jam=lambda: JAM)
    yield gudang
    gudang.tutup()


def templat_tw(r: Renstra, tw: Any, kumulatif: bool = True, kelurahan: str | None = None) -> bytes:
    return buat_templat(r, 2022, kelurahan, triwulan=tw, kumulatif=kumulatif)


def unggah(r: Renstra, g: Gudang, data: bytes, pilihan: str | None = None) -> int:
    return alur.simpan(alur.periksa(data, r, 2022, ADMIN, g, "isi.xlsx"), ADMIN, g, pilihan)


def isi_tw(r: Renstra, tw: int, nilai: dict[str, tuple[Any, Any]], kumulatif: bool = True) -> bytes:
    return bj.isi(templat_tw(r, tw, kumulatif), nilai)


def tahunan(g: Gudang, kunci: str) -> tuple[Any, Any] | None:
    """The year's stored (or derived) figure of a row key of 2022, or None."""
    item, ke = kunci.split("#")
    d = g.keadaan(tahun=2022)
    d = d[(d["item_id"] == item) & (d["indikator_ke"] == int(ke))]
    return None if d.empty else (d["realisasi"].iloc[0], d["realisasi_rp"].iloc[0])


def tolak(r: Renstra, g: Gudang, data: bytes) -> list[validasi.Masalah]:
    sebelum = (g.versi_terakhir(), g.keadaan(), g.keadaan_triwulan())
    with pytest.raises(validasi.UnggahanError) as e:
        alur.periksa(data, r, 2022, ADMIN, g, "isi.xlsx")
    sesudah = (g.versi_terakhir(), g.keadaan(), g.keadaan_triwulan())
    assert sebelum[0] == sesudah[0] and all(a.equals(b) for a, b in zip(sebelum[1:], sesudah[1:], strict=True))
    return e.value.masalah


# --- rules ------------------------------------------------------------------------------------


def test_aturan_bawaan_dari_satuan_nama_dan_polaritas(renstra: Renstra) -> None:
    a = aturan_renstra(renstra).set_index(["tahun", "item_id", "indikator_ke"])
    assert a.loc[(2022, "tc27_2022:6", 1), "aturan"] == "jumlah"  # Lokasi: a count
    assert a.loc[(2022, "tc27_2022:31", 1), "aturan"] == "terakhir"  # %
    assert a.loc[(2022, "tc27_2022:30", 1), "aturan"] == "terakhir"  # Kasus, lower is better: tren negatif
    assert set(a["aturan_rp"]) == {"jumlah"} and set(a["asal"]) == {"bawaan"}
    assert aturan_bawaan("Nilai", "Indeks Kepuasan Masyarakat (IKM)") == "terakhir"
    assert aturan_bawaan("", "Rasio pegawai") == "terakhir"
    assert aturan_bawaan("Dokumen", "Jumlah dokumen") == "jumlah"


def test_aturan_dari_manifest_per_indikator(renstra: Renstra) -> None:
    nama = renstra.rencana.set_index("item_id").loc["tc27_2022:33", "indikator"].iloc[0]
    lain = dataclasses.replace(
        renstra, manifest={**renstra.manifest, "triwulan": {"indikator": [{"indikator": nama, "aturan": "rata_rata"}]}}
    )
    a = aturan_renstra(lain).set_index(["tahun", "item_id", "indikator_ke"])
    assert (a.loc[(2022, "tc27_2022:33", 1), "aturan"], a.loc[(2022, "tc27_2022:33", 1), "asal"]) == (
        "rata_rata",
        "manifest",
    )
    salah = dataclasses.replace(renstra, manifest={**renstra.manifest, "triwulan": {"rupiah": "median"}})
    with pytest.raises(
        RenstraError, match=r"aturan triwulan 'median' di manifest \(\[triwulan\] rupiah\) tidak dikenal"
    ):
        aturan_renstra(salah)


# --- template --------------------------------------------------------------------------------


def test_templat_triwulan_menyebut_triwulan_dan_caranya(renstra: Renstra) -> None:
    wb = load_workbook(io.BytesIO(templat_tw(renstra, 2)))
    judul = wb[LEMBAR_DATA]["A1"].value
    assert "Tahun 2022, Triwulan II (kumulatif Januari s.d. akhir triwulan II)" in judul
    assert wb[LEMBAR_DATA]["A2"].value.startswith("Isi realisasi KUMULATIF")
    m = {wb[LEMBAR_MANIFEST].cell(n, 1).value: wb[LEMBAR_MANIFEST].cell(n, 2).value for n in range(1, 15)}
    assert (m["triwulan"], m["isian"]) == (2, "kumulatif")
    wb = load_workbook(io.BytesIO(templat_tw(renstra, 3, kumulatif=False)))
    assert "Triwulan III (triwulan III saja, bukan kumulatif)" in wb[LEMBAR_DATA]["A1"].value
    # the year's template is exactly as before: no triwulan in its manifest
    tahunan_wb = load_workbook(io.BytesIO(buat_templat(renstra, 2022)))
    kunci = [tahunan_wb[LEMBAR_MANIFEST].cell(n, 1).value for n in range(1, 15)]
    assert "triwulan" not in kunci and "isian" not in kunci


def test_templat_triwulan_di_luar_i_iv_ditolak(renstra: Renstra) -> None:
    for salah in (0, 5, "II", True):
        with pytest.raises(RenstraError, match="triwulan hanya I, II, III atau IV"):
            templat_tw(renstra, salah)


def test_round_trip_triwulan(renstra: Renstra) -> None:
    data = isi_tw(renstra, 2, {LOKASI: (1, 40_000_000), PERSEN: (95.5, None)}, kumulatif=False)
    b = validasi.baca(data, renstra, 2022, nama_berkas="tw2.xlsx")
    assert (b.triwulan, b.kumulatif, b.peringatan) == (2, False, ())
    assert list(b.rekaman.columns) == list(KOLOM_TRIWULAN)
    rek = b.rekaman.set_index("item_id")
    assert rek.loc["tc27_2022:31", ["realisasi", "aturan", "aturan_rp"]].tolist() == [95.5, "terakhir", "jumlah"]
    assert rek.loc["tc27_2022:6", ["realisasi", "realisasi_rp", "kelurahan", "aturan"]].tolist() == [
        1.0,
        40_000_000,
        "Pakistaji",
        "jumlah",
    ]
    assert set(rek["triwulan"]) == {2} and not rek["kumulatif"].any()
    # the same file through the annual reader gives the same records
    assert validasi.baca_unggahan(data, renstra, 2022).equals(b.rekaman)


# --- bad input, store unchanged --------------------------------------------------------------


def _manifest_triwulan(nilai: Any) -> Any:
    def ubah(wb: Any) -> None:
        ws = wb[LEMBAR_MANIFEST]
        for n in range(1, 20):
            if ws.cell(n, 1).value == "triwulan":
                ws.cell(n, 2).value = nilai

    return ubah


def test_triwulan_di_luar_i_iv_di_manifest_ditolak(renstra: Renstra, g: Gudang) -> None:
    for salah in (5, 0, "V"):
        data = bj.isi(templat_tw(renstra, 2), {LOKASI: (1, None)}, ubah=_manifest_triwulan(salah))
        (m,) = tolak(renstra, g, data)
        assert m.pesan.startswith(f"triwulan '{salah}' tidak sah: triwulan hanya I, II, III atau IV")
        assert (m.lembar, m.baris, m.kolom) == (LEMBAR_MANIFEST, 8, "B 'nilai'")  # the row after kelurahan
    # another quarter written into a genuine template's manifest: its title no longer matches
    data = bj.isi(templat_tw(renstra, 2), {LOKASI: (1, None)}, ubah=_manifest_triwulan(3))
    assert any(x.lembar == LEMBAR_DATA and x.baris == 1 for x in tolak(renstra, g, data))


def test_rupiah_kumulatif_yang_turun_ditolak_k_diperingatkan(renstra: Renstra, g: Gudang) -> None:
    unggah(renstra, g, isi_tw(renstra, 1, {LOKASI: (2, 60_000_000)}))
    # Rupiah kumulatif Rp 60.000.000 in triwulan I, Rp 50.000.000 in triwulan II: refused
    (m,) = tolak(renstra, g, isi_tw(renstra, 2, {LOKASI: (2, 50_000_000)}))
    assert (m.lembar, m.kolom) == (LEMBAR_DATA, KOL_I) and m.baris >= 4
    assert m.pesan.startswith(
        "Realisasi (Rp) kumulatif triwulan II (Rp 50.000.000) lebih kecil dari triwulan I (Rp 60.000.000)"
    )
    # K down from 2 to 1 (Rupiah up): accepted, with a warning naming the cell
    p = alur.periksa(isi_tw(renstra, 2, {LOKASI: (1, 70_000_000)}), renstra, 2022, ADMIN, g, "tw2.xlsx")
    (w,) = p.peringatan
    assert (w.lembar, w.kolom, w.baris) == (LEMBAR_DATA, KOL_H, m.baris)
    assert w.pesan.startswith("Realisasi kumulatif triwulan II (1) lebih kecil dari triwulan I (2)")
    alur.simpan(p, ADMIN, g)
    assert len(g.keadaan_triwulan()) == 2
    # a later quarter stored lower than a re-uploaded earlier one is refused too
    (m,) = tolak(renstra, g, isi_tw(renstra, 1, {LOKASI: (None, 80_000_000)}))
    assert "Realisasi (Rp) kumulatif triwulan II (Rp 70.000.000) lebih kecil dari triwulan I (Rp 80.000.000)" in m.pesan


def test_cara_isian_tidak_boleh_bercampur(renstra: Renstra, g: Gudang) -> None:
    unggah(renstra, g, isi_tw(renstra, 1, {LOKASI: (1, 10_000_000)}, kumulatif=False))
    (m,) = tolak(renstra, g, isi_tw(renstra, 2, {LOKASI: (2, 30_000_000)}, kumulatif=True))
    assert (m.lembar, m.kolom) == (LEMBAR_DATA, KOL_H)
    assert m.pesan.startswith("triwulan I baris ini tersimpan per triwulan (bukan kumulatif), templat ini kumulatif")


def test_nilai_tahunan_langsung_perlu_pilihan(renstra: Renstra, g: Gudang) -> None:
    unggah(renstra, g, bj.isi(buat_templat(renstra, 2022), {LOKASI: (2, 99_500_000), PERSEN: (98.0, None)}))
    data = isi_tw(renstra, 1, {LOKASI: (1, 30_000_000), LAPORAN: (3, None)})
    p = alur.periksa(data, renstra, 2022, ADMIN, g, "tw1.xlsx")
    assert p.bentrok[["item_id", "realisasi", "realisasi_rp"]].values.tolist() == [["tc27_2022:6", 2.0, 99_500_000]]
    versi, tersimpan = g.versi_terakhir(), g.keadaan()
    with pytest.raises(GudangError, match=r"1 baris sudah punya realisasi tahunan yang diisi langsung .*Tidak ada"):
        alur.simpan(p, ADMIN, g)
    assert g.versi_terakhir() == versi and g.keadaan().equals(tersimpan) and g.keadaan_triwulan().empty

    # "tahunan": the annual value stands, that row's quarter is not stored; the other row is
    alur.simpan(p, ADMIN, g, "tahunan")
    assert tahunan(g, LOKASI) == (2.0, 99_500_000)
    assert g.keadaan_triwulan()["item_id"].tolist() == ["tc27_2022:33"]
    assert g.riwayat()["catatan"].iloc[0] == "Triwulan I (kumulatif); 1 baris: yang berlaku tahunan"

    # "triwulan": the annual value is marked deleted in the same version; the year waits for triwulan IV
    p = alur.periksa(data, renstra, 2022, ADMIN, g, "tw1.xlsx")
    alur.simpan(p, ADMIN, g, "triwulan")
    assert tahunan(g, LOKASI) is None and tahunan(g, PERSEN) == (98.0, pd.NA)
    assert sorted(g.keadaan_triwulan()["item_id"]) == ["tc27_2022:33", "tc27_2022:6"]
    assert g.riwayat()["baris_berubah"].iloc[0] == 2  # the annual row deleted + the quarter written
    # nothing counted twice: triwulan IV kumulatif 2 is the year's figure, not 2 + 2
    unggah(renstra, g, isi_tw(renstra, 4, {LOKASI: (2, 95_000_000)}))
    assert tahunan(g, LOKASI) == (2.0, 95_000_000)


# --- the year's figure by the rule -----------------------------------------------------------


def test_nilai_tahunan_turunan_sama_dengan_aturan(renstra: Renstra, g: Gudang) -> None:
    nama = renstra.rencana.set_index("item_id").loc["tc27_2022:33", "indikator"].iloc[0]
    r = dataclasses.replace(
        renstra, manifest={**renstra.manifest, "triwulan": {"indikator": [{"indikator": nama, "aturan": "rata_rata"}]}}
    )
    per_tw = {  # (Lokasi: jumlah, Persen: terakhir, Laporan: rata_rata), K and Rp per quarter
        1: {LOKASI: (1, 10_000_000), PERSEN: (90, 2_000_000_000), LAPORAN: (2, 9_000_000)},
        2: {LOKASI: (0, 20_000_000), PERSEN: (92, 2_100_000_000), LAPORAN: (3, 9_000_000)},
        3: {LOKASI: (1, 30_000_000), PERSEN: (95, 2_200_000_000), LAPORAN: (3, 9_000_000)},
        4: {LOKASI: (1, 35_000_000), PERSEN: (97.5, 2_500_000_000), LAPORAN: (4, 8_500_000)},
    }
    for tw in (1, 2, 3):
        unggah(r, g, isi_tw(r, tw, per_tw[tw], kumulatif=False))
        assert tahunan(g, LOKASI) is None  # no year's figure before triwulan IV
    unggah(r, g, isi_tw(r, 4, per_tw[4], kumulatif=False))
    assert tahunan(g, LOKASI) == (3.0, 95_000_000)  # 1+0+1+1; 10+20+30+35 juta
    assert tahunan(g, PERSEN) == (97.5, 8_800_000_000)  # last; 2,0+2,1+2,2+2,5 miliar
    assert tahunan(g, LAPORAN) == (3.0, 35_500_000)  # (2+3+3+4)/4; Rupiah summed
    assert g.keadaan_triwulan()["aturan"].tolist().count("rata_rata") == 4  # the rule is kept with each quarter


def test_pemulihan_mengembalikan_triwulan(renstra: Renstra, g: Gudang) -> None:
    v1 = unggah(renstra, g, isi_tw(renstra, 1, {LOKASI: (1, 10_000_000)}))
    unggah(renstra, g, isi_tw(renstra, 2, {LOKASI: (2, 25_000_000)}))
    unggah(renstra, g, isi_tw(renstra, 1, {LOKASI: (1, 12_000_000)}))
    g.pulihkan(v1, "admin_uji", "admin")
    tw = g.keadaan_triwulan()
    assert tw[["triwulan", "realisasi_rp"]].values.tolist() == [[1, 10_000_000]]
    assert g.keadaan_triwulan(versi_id=v1 + 2)["realisasi_rp"].tolist() == [12_000_000, 25_000_000]
    wb = load_workbook(io.BytesIO(g.ekspor_xlsx()))
    assert wb.sheetnames == ["Realisasi", "Riwayat", "Nilai", "Triwulan", "Nilai Triwulan"]
    # three uploads, then the rollback (triwulan I back, triwulan II deleted)
    assert wb["Nilai Triwulan"].max_row == 1 + 5
    assert [c.value for c in wb["Triwulan"][2]][3:7] == [1, "Pakistaji", 1, 10_000_000]


# --- progress within the year and Ringkasan --------------------------------------------------


def test_kemajuan_dalam_tahun_dan_triwulan_terakhir(renstra: Renstra, g: Gudang) -> None:
    assert sajian_ringkasan.triwulan_terakhir(renstra, g.keadaan_triwulan()) is None
    assert sajian_kinerja.kemajuan_triwulan(renstra, 2022, g.keadaan_triwulan()).empty
    unggah(renstra, g, isi_tw(renstra, 1, {LOKASI: (1, 20_000_000), PERSEN: (90, None)}))
    unggah(renstra, g, isi_tw(renstra, 2, {LOKASI: (1, 40_000_000), PERSEN: (95, None)}))
    d = sajian_kinerja.kemajuan_triwulan(renstra, 2022, g.keadaan_triwulan()).set_index("kode")
    assert list(d.reset_index().columns) == list(sajian_kinerja.KOLOM_KEMAJUAN)
    lokasi = d[d["kelurahan"] == "Pakistaji"].iloc[0]
    # kumulatif 1 of target 2 by triwulan II: 50 %; straight line 2 x 2/4 = 1 -> 100 %
    assert (lokasi["triwulan"], lokasi["realisasi_sd"], lokasi["persen_target"]) == ("II", 1, 50)
    assert (lokasi["harapan"], lokasi["persen_harapan"]) == (1, 100)
    # Rp 40.000.000 of the pagu Rp 100.000.000: 40 %; straight line Rp 50.000.000 -> 80 %
    assert (lokasi["rp_sd"], lokasi["serapan_sd"], lokasi["harapan_rp"], lokasi["persen_harapan_rp"]) == (
        40_000_000,
        40,
        50_000_000,
        80,
    )
    persen = d.loc["7.01.01"]  # target 100 %: 95 is 95 % of the target and of the level expected all year
    assert (persen["realisasi_sd"], persen["persen_target"], persen["harapan"], persen["aturan"]) == (
        95,
        95,
        100,
        "nilai terakhir",
    )
    assert pd.isna(persen["rp_sd"]) and pd.isna(persen["serapan_sd"])  # no Rupiah reported: blank, not 0
    assert sajian_ringkasan.triwulan_terakhir(renstra, g.keadaan_triwulan()) == {
        "tahun": 2022,
        "triwulan": 2,
        "romawi": "II",
        "baris": 2,
    }


# --- schema ----------------------------------------------------------------------------------


def test_basis_data_lama_ditingkatkan_nilai_lama_tetap_tahunan(url: str, renstra: Renstra) -> None:
    from tests.test_migrasi_gudang import NILAI_LAMA, VERSI_LAMA, ddl_lama

    mesin = sa.create_engine(url)
    with mesin.begin() as conn:
        for perintah in ddl_lama(mesin.dialect.name):
            conn.exec_driver_sql(perintah)
        kolom = list(VERSI_LAMA[0])
        conn.execute(
            sa.text(f"INSERT INTO versi ({', '.join(kolom)}) VALUES ({', '.join(':' + k for k in kolom)})"), VERSI_LAMA
        )
        kolom = ["versi_id", "tahun", "item_id", "indikator_ke", "kelurahan", "realisasi", "realisasi_rp", "dihapus"]
        conn.execute(
            sa.text(f"INSERT INTO nilai ({', '.join(kolom)}) VALUES ({', '.join(':' + k for k in kolom)})"),
            [dict(zip(kolom, b, strict=True)) for b in NILAI_LAMA],
        )
    mesin.dispose()
    g = Gudang(url, jam=lambda: JAM)
    with g.engine.connect() as conn:
        langkah = conn.execute(sa.text("SELECT versi FROM skema_versi WHERE komponen = 'realisasi' ORDER BY versi"))
        assert langkah.scalars().all() == [1, 2, 3]
        lama = conn.execute(
            sa.text("SELECT versi_id, tahun, item_id, indikator_ke, realisasi FROM nilai ORDER BY 1, 3, 4")
        )
        assert [tuple(x) for x in lama] == [
            (b[0], b[1], b[2], b[3], b[5]) for b in sorted(NILAI_LAMA, key=lambda b: (b[0], b[2], b[3]))
        ]
    assert g.keadaan_triwulan().empty
    assert g.keadaan()["realisasi_rp"].tolist() == [5_673_534_002, pd.NA, 64_175_000, 7]  # as before: annual values
    g.tutup()


# --- the pages (AppTest) ----------------------------------------------------------------------


def test_halaman_kinerja_dan_ringkasan_menampilkan_triwulan(
    renstra: Renstra, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.appkit import buka, tabel, teks_halaman

    url = f"sqlite:///{tmp_path / 'realisasi.sqlite'}"
    monkeypatch.setenv("RENSTRA_DB_URL", url)
    g = Gudang(url)
    at = buka("halaman/kinerja.py", tahun="2022", bagian="capaian-per-tahun")
    assert any("Belum ada realisasi triwulan 2022 yang dilaporkan" in i.value for i in at.info)
    unggah(renstra, g, isi_tw(renstra, 1, {LOKASI: (1, 20_000_000)}))
    unggah(renstra, g, isi_tw(renstra, 3, {LOKASI: (2, 60_000_000)}))
    at = buka("halaman/kinerja.py", tabel_terbuka=True, tahun="2022", bagian="capaian-per-tahun")
    t = next(df for df in tabel(at) if "Harapan garis lurus" in df.columns or "harapan" in df.columns)
    baris = t.iloc[0].astype(str).tolist()
    # kumulatif 2 of target 2 by triwulan III: 100 % of the year's target, 133,33 % of 2 x 3/4 = 1,5
    assert "III" in baris and "100,00 %" in baris and "133,33 %" in baris
    # Rp 60.000.000 of Rp 100.000.000: 60 %; straight line Rp 75.000.000 -> 80 %
    assert "Rp 60.000.000" in baris and "Rp 75.000.000" in baris and "80,00 %" in baris
    at = buka("halaman/ringkasan.py")
    assert "Triwulan terakhir yang dilaporkan: triwulan III 2022 (1 baris T-C.27" in teks_halaman(at)
    g.tutup()


def test_lurah_mengunggah_triwulan_kelurahannya(renstra: Renstra, g: Gudang) -> None:
    lurah = Akun("lurah_pakistaji", "kelurahan", "Pakistaji")
    data = bj.isi(templat_tw(renstra, 1, kelurahan="Pakistaji"), {LOKASI: (1, 30_000_000)})
    p = alur.periksa(data, renstra, 2022, lurah, g, "pakistaji-tw1.xlsx")
    assert (p.triwulan, p.kelurahan, p.jumlah["baru"]) == (1, "Pakistaji", 1)
    alur.simpan(p, lurah, g)
    assert g.keadaan_triwulan()[["kelurahan", "triwulan", "realisasi_rp"]].values.tolist() == [
        ["Pakistaji", 1, 30_000_000]
    ]
    # the whole kecamatan's triwulan template is not a lurah's
    with pytest.raises(validasi.UnggahanError, match="akun kelurahan Pakistaji hanya boleh"):
        alur.periksa(isi_tw(renstra, 2, {LOKASI: (2, None)}), renstra, 2022, lurah, g, "tw2.xlsx")


def test_halaman_isi_realisasi_meminta_pilihan_sebelum_simpan(
    renstra: Renstra, tmp_path: Path, monkeypatch: Any
) -> None:
    from realisasi.akun import buat_hash
    from tests.test_halaman_isi_realisasi import SANDI_UJI, _masuk

    url = f"sqlite:///{tmp_path / 'realisasi.sqlite'}"
    monkeypatch.setenv("RENSTRA_DB_URL", url)
    (tmp_path / "akun.toml").write_text(f'[akun.admin_uji]\nhash = "{buat_hash(SANDI_UJI)}"\nperan = "admin"\n')
    monkeypatch.setenv("RENSTRA_AKUN_BERKAS", str(tmp_path / "akun.toml"))  # a synthetic admin account
    g = Gudang(url)
    unggah(renstra, g, bj.isi(buat_templat(renstra, 2022), {LOKASI: (2, 99_500_000)}))
    at = _masuk("admin_uji", tahun_lapor="2022", triwulan="1")
    assert any(b.label.startswith("Unduh templat 2022 triwulan I ") for b in at.get("download_button"))
    berkas = isi_tw(renstra, 1, {LOKASI: (1, 30_000_000)})
    at.get("file_uploader")[0].set_value(("tw1.xlsx", berkas, "application/octet-stream")).run()
    assert any("Laporan **triwulan I 2022** (kumulatif" in m.value for m in at.markdown)
    simpan = next(b for b in at.button if b.label.startswith("Simpan"))
    assert simpan.disabled  # the choice first
    at.radio[0].set_value("triwulan").run()
    next(b for b in at.button if b.label.startswith("Simpan")).click().run()
    assert not at.exception
    assert tahunan(g, LOKASI) is None and g.keadaan_triwulan()["realisasi_rp"].tolist() == [30_000_000]
    g.tutup()
