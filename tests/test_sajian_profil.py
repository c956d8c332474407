"""sajian.profil: staff (Tabel 2.2.1, 2.2.2) and assets (Tabel 2.2.3), checked against the document by hand."""

from __future__ import annotations

from loaders import Renstra
from sajian import profil as p


def test_kriteria_seperti_tercetak(renstra: Renstra) -> None:
    assert p.kriteria(renstra) == [
        "Jenis Kelamin", "Pendidikan Terakhir", "Pangkat/Golongan", "Jabatan", "Status Kepegawaian",
        "Diklat Penjenjangan (sudah melaksanakan)",
    ]  # fmt: skip


def test_jenis_kelamin(renstra: Renstra) -> None:
    # Tabel 2.2.1 rows 1-2: Laki-laki 57, Perempuan 47
    d = p.pegawai_menurut(renstra, "Jenis Kelamin")
    assert d[["laki_laki", "perempuan", "jumlah"]].iloc[0].tolist() == [57, 47, 104]


def test_pendidikan(renstra: Renstra) -> None:
    # Tabel 2.2.1 rows 4-17: S2 7/4, S1 19/24, D3 4/3, SLTA 28/14, SLTP 1/0
    d = p.pegawai_menurut(renstra, "Pendidikan Terakhir").set_index("kategori")
    assert list(d.index) == ["S2", "S1", "D3", "SLTA", "SLTP"]
    assert d.loc["S1", ["laki_laki", "perempuan", "jumlah"]].tolist() == [19, 24, 43]
    assert d.loc["SLTP", "perempuan"] == 0  # printed 0: a figure, not a gap
    assert d["jumlah"].sum() == 104


def test_jabatan_urutan_dan_nol(renstra: Renstra) -> None:
    # Tabel 2.2.1 rows 31-56, printed order (II-c and II-a come after IV-b)
    d = p.pegawai_menurut(renstra, "Jabatan").set_index("kategori")
    assert list(d.index)[-3:] == ["Eselon II-c", "Eselon II-a", "Staf"]
    assert d.loc["Eselon IV-b", ["laki_laki", "perempuan"]].tolist() == [12, 14]
    assert d.loc["Eselon II-a", "jumlah"] == 0
    assert d.loc["Staf", "jumlah"] == 36


def test_total_kriteria_sama_dengan_tercetak(renstra: Renstra) -> None:
    t = p.total_kriteria(renstra).set_index("kriteria")
    assert (t["selisih"] == 0).all()
    assert t.loc["Pangkat/Golongan", "jumlah"] == 73  # = PNS 45 + 28 (Status Kepegawaian)
    assert t.loc["Diklat Penjenjangan (sudah melaksanakan)", "total_dokumen"] == 12


def test_pegawai_per_unit(renstra: Renstra) -> None:
    # Tabel 2.2.2: Kecamatan Wonoasih 20/18/38; TOTAL 57/47/104
    d = p.pegawai_per_unit(renstra)
    assert d["unit_kerja"].iloc[0] == "Kecamatan Wonoasih"
    assert d.iloc[0][["laki_laki", "perempuan", "jumlah", "jumlah_dokumen"]].tolist() == [20, 18, 38, 38]
    assert d.iloc[0]["kelurahan"] == ""
    assert d[["laki_laki", "perempuan", "jumlah"]].sum().tolist() == [57, 47, 104]
    assert len(d) == 7


def test_ringkasan_dan_klaim_teks(renstra: Renstra) -> None:
    r = p.ringkasan_pegawai(renstra).iloc[0]
    assert [r["jumlah"], r["laki_laki"], r["perempuan"], r["total_dokumen"], r["jumlah_unit"]] == [
        104,
        57,
        47,
        104,
        104,
    ]
    # the prose: "102 orang" (2.1) and "106 (seratus enam) orang" (2.2.1)
    k = p.klaim_pegawai(renstra).set_index("nilai")
    assert sorted(k.index) == [102, 106]
    assert k.loc[102, "selisih"] == -2 and k.loc[106, "selisih"] == 2
    assert (k["jumlah_tabel"] == 104).all()
    assert k.loc[102, "bagian"].startswith("2.1")


def test_meja_kerja(renstra: Renstra) -> None:
    # Tabel 2.2.3: "- Meja Kerja, 40 buah, 7 buah kurang baik, 1 buah rusak berat"
    d = p.sarpras(renstra).set_index("nama")
    m = d.loc["Meja Kerja"]
    assert [m["jumlah"], m["baik"], m["kurang_baik"], m["rusak"], m["rusak_berat"]] == [40, 32, 7, 0, 1]
    assert m["satuan"] == "buah"
    assert m["keterangan"] == "7 buah kurang baik, 1 buah rusak berat"
    assert (d["selisih"] == 0).all()


def test_sarpras_tidak_baik_dan_kelompok(renstra: Renstra) -> None:
    assert p.kelompok_sarpras(renstra) == ["Sarana", "Prasarana"]
    tidak = p.sarpras(renstra, "", True)
    assert list(tidak["nama"]) == [
        "Meja Kerja", "Kursi Kerja", "Kursi Kerja Pejabat", "Almari/Lemari Arsip", "Rak Arsip", "Komputer",
        "Printer", "LCD", "Pesawat telepon/faximile", "Mobil Dinas",
    ]  # fmt: skip
    assert tidak.set_index("nama").loc["Komputer", "rusak"] == 2  # "2 unit rusak"
    prasarana = p.sarpras(renstra, "Prasarana")
    assert len(prasarana) == 6
    assert (prasarana["baik"] == prasarana["jumlah"]).all()
    assert len(p.sarpras(renstra, "Sarana")) == 26
