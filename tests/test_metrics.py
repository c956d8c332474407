"""metrics/: hand-computed values from the Wonoasih Renstra, edge cases and properties."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders import audit_renstra, load_renstra
from metrics import (
    Skala,
    SkalaError,
    alasan_tanpa_capaian,
    capaian,
    capaian_kinerja,
    muat_skala,
    pagu_per_kelurahan,
    pagu_per_tingkat,
    pertumbuhan,
    pertumbuhan_program,
    perubahan_tahunan,
    predikat,
    serapan,
    serapan_program,
    total_kecamatan,
)

R = load_renstra()  # module level so hypothesis tests can use it without function-scoped fixtures
ADMINDUK = "Persentase pelayanan administrasi kependudukan yang tepat waktu."
LEMBAGA = "% Kelompok dan Lembaga Kemasayarakatan yang difasilitasi"
IKM = "Indeks Kepuasan Masyarakat (IKM)"


def _satu(df: pd.DataFrame, **kunci: object) -> pd.Series:
    m = pd.Series(True, index=df.index)
    for k, v in kunci.items():
        m &= df[k] == v
    hasil = df[m]
    assert len(hasil) == 1, kunci
    return hasil.iloc[0]


# --- capaian -------------------------------------------------------------------


@pytest.fixture(scope="module")
def kinerja() -> pd.DataFrame:
    return capaian_kinerja(R.kinerja)


def test_capaian_dokumen(kinerja: pd.DataFrame) -> None:
    b = _satu(kinerja, indikator=ADMINDUK, tahun=2018)
    assert (b["target"], b["realisasi"]) == (92, 97.77)
    assert b["capaian"] == pytest.approx(97.77 / 92 * 100)
    assert round(b["capaian"], 4) == 106.2717
    assert b["predikat"] == "Sangat Tinggi"
    assert pd.isna(b["alasan"])
    b = _satu(kinerja, indikator=LEMBAGA, tahun=2020)
    assert b["capaian"] == pytest.approx(94.95)
    assert b["predikat"] == "Sangat Tinggi"
    b = _satu(kinerja, indikator=IKM, tahun=2020)
    assert round(b["capaian"], 2) == 111.18


def test_capaian_target_nol(kinerja: pd.DataFrame) -> None:
    b = _satu(kinerja, indikator="Persentase RW Aktif", tahun=2018)
    assert pd.isna(b["capaian"]) and pd.isna(b["predikat"])
    assert b["alasan"] == "target 0"


def test_capaian_kinerja_kolom(kinerja: pd.DataFrame) -> None:
    for k in ("target", "realisasi", "capaian", "alasan", "predikat", "polaritas", "realisasi_disamakan_target"):
        assert k in kinerja.columns
    assert str(kinerja["capaian"].dtype) == "Float64"
    assert kinerja["alasan"].dtype == "string"
    # alasan exactly where capaian is missing
    assert (kinerja["capaian"].isna() == kinerja["alasan"].notna()).all()
    assert len(kinerja) == len(R.kinerja)
    assert bool(_satu(kinerja, indikator=IKM, tahun=2019)["realisasi_disamakan_target"])


def test_realisasi_tambahan() -> None:
    """T-C.23 stops at 2020: a 2021 realisasi needs a 2021 target (upload column or r.sasaran)."""
    tambahan = pd.DataFrame({"indikator": [IKM, ADMINDUK], "tahun": [2021, 2018], "realisasi": [90.0, 92.0]})
    b = _satu(capaian_kinerja(R.kinerja, tambahan), indikator=IKM, tahun=2021)
    assert pd.isna(b["capaian"]) and b["alasan"] == "target tidak ada" and b["realisasi"] == 90
    hasil = capaian_kinerja(R.kinerja, tambahan, sasaran=R.sasaran)
    b = _satu(hasil, indikator=IKM, tahun=2021)
    assert b["target"] == pytest.approx(85.6)  # T-C.25/T-C.28 target for 2021
    assert b["capaian"] == pytest.approx(90 / 85.6 * 100)
    assert b["predikat"] == "Sangat Tinggi" and pd.isna(b["alasan"])
    assert b["realisasi_sumber"] == "unggahan" and b["target_sumber"].startswith("T-C.2")
    dengan_target = tambahan.assign(target=[100.0, None])
    b = _satu(capaian_kinerja(R.kinerja, dengan_target), indikator=IKM, tahun=2021)
    assert b["capaian"] == pytest.approx(90.0) and b["target_sumber"] == "unggahan"
    b = _satu(hasil, indikator=ADMINDUK, tahun=2018)
    assert b["capaian"] == pytest.approx(100.0)
    assert b["realisasi_sumber"] == "unggahan"
    assert len(hasil) == len(R.kinerja) + 1


def test_capaian_tepi() -> None:
    assert capaian(0, 5) is None and alasan_tanpa_capaian(0, 5) == "target 0"
    assert capaian(None, 5) is None and alasan_tanpa_capaian(None, 5) == "target tidak ada"
    assert capaian(float("nan"), 5) is None and alasan_tanpa_capaian(float("nan"), 5) == "target tidak ada"
    assert capaian(80, None) is None and alasan_tanpa_capaian(80, None) == "realisasi belum ada"
    assert capaian(80, pd.NA) is None and alasan_tanpa_capaian(80, float("nan")) == "realisasi belum ada"
    assert alasan_tanpa_capaian(80, 70) is None
    assert capaian(10, 5, lower_is_better=True) == pytest.approx(150.0)
    assert capaian(10, 20, lower_is_better=True) == 0.0
    assert capaian(10, 35, lower_is_better=True) == 0.0  # beyond twice the target: floored at 0
    assert capaian(10, 0, lower_is_better=True) == pytest.approx(200.0)


@given(
    st.floats(0.01, 1e9),
    st.floats(0, 1e9),
    st.floats(1e-3, 1e3),
    st.booleans(),
)
def test_capaian_skala_invarian(target: float, realisasi: float, k: float, lebih_rendah: bool) -> None:
    a = capaian(target, realisasi, lebih_rendah)
    b = capaian(target * k, realisasi * k, lebih_rendah)
    assert a is not None and b is not None
    assert math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


# --- predikat ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nilai", "harap"),
    [
        (200, "Sangat Tinggi"), (91, "Sangat Tinggi"), (90.999, "Tinggi"), (76, "Tinggi"), (75.999, "Sedang"),
        (66, "Sedang"), (65.99, "Rendah"), (51, "Rendah"), (50.99, "Sangat Rendah"), (0, "Sangat Rendah"),
        (-5, "Sangat Rendah"),
    ],
)  # fmt: skip
def test_predikat_batas(nilai: float, harap: str) -> None:
    assert predikat(nilai) == harap


def test_predikat_kosong() -> None:
    assert predikat(None) is None
    assert predikat(float("nan")) is None
    assert predikat(pd.NA) is None


def test_skala_bawaan() -> None:
    s = muat_skala()
    assert isinstance(s, Skala)
    assert s.nama == ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah")
    with pytest.raises(AttributeError):
        s.tingkat = ()  # type: ignore[misc]


def test_skala_lain(tmp_path: Path) -> None:
    f = tmp_path / "tiga.toml"
    f.write_text('[[tingkat]]\nnama = "Baik"\nbatas_bawah = 80\n\n[[tingkat]]\nnama = "Kurang"\nbatas_bawah = 0\n')
    s = muat_skala(f)
    assert predikat(80, s) == "Baik" and predikat(79.9, s) == "Kurang"


def _tingkat(*isi: str) -> str:
    return "\n".join(f"[[tingkat]]\n{x}\n" for x in isi)


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        (_tingkat('nama = "A"'), "'batas_bawah' tidak ada"),
        (_tingkat("batas_bawah = 5"), "'nama' tidak ada"),
        (_tingkat('nama = "A"\nbatas_bawah = "sembilan puluh"'), "harus angka"),
        (_tingkat('nama = "A"\nbatas_bawah = true'), "harus angka"),
        (_tingkat('nama = "A"\nbatas_bawah = 50', 'nama = "B"\nbatas_bawah = 60'), "lebih kecil"),
        (_tingkat('nama = "A"\nbatas_bawah = 50', 'nama = "B"\nbatas_bawah = 50'), "lebih kecil"),
        (_tingkat('nama = "A"\nbatas_bawah = 50', 'nama = "A"\nbatas_bawah = 10'), "lebih dari sekali"),
        ("tingkat = []\n", "kosong"),
        ("# tanpa isi\n", "kosong"),
        ("[[tingkat]\nnama=", "bukan TOML"),
    ],
)
def test_skala_rusak(tmp_path: Path, isi: str, pesan: str) -> None:
    f = tmp_path / "predikat.toml"
    f.write_text(isi)
    with pytest.raises(SkalaError, match=pesan) as e:
        muat_skala(f)
    assert str(f) in str(e.value)
    assert isinstance(e.value, ValueError)


def test_skala_tingkat_disebut(tmp_path: Path) -> None:
    f = tmp_path / "p.toml"
    f.write_text(_tingkat('nama = "A"\nbatas_bawah = 50', 'nama = "B"\nbatas_bawah = 60'))
    with pytest.raises(SkalaError, match=r"tingkat ke-2 \('B'\)"):
        muat_skala(f)


def test_skala_tidak_ada(tmp_path: Path) -> None:
    with pytest.raises(SkalaError, match="tidak ditemukan"):
        muat_skala(tmp_path / "tidak_ada.toml")


# --- anggaran ------------------------------------------------------------------


@pytest.fixture(scope="module")
def serapan_df() -> pd.DataFrame:
    return serapan_program(R.anggaran)


def test_serapan_dokumen(serapan_df: pd.DataFrame) -> None:
    b = _satu(serapan_df, program="Program Pelayanan Administrasi Perkantoran", tahun=2017)
    assert b["serapan"] == pytest.approx(685_740_603 / 824_230_432 * 100)
    assert round(b["serapan"], 4) == 83.1977  # 685.740.603 / 824.230.432 x 100 = 83.19768...
    assert not b["melebihi_100"]
    b = _satu(serapan_df, program="Program Pemantapan Gerdu Taskin", tahun=2016)
    assert round(b["serapan"], 2) == 229.33
    assert b["melebihi_100"]
    assert b["rasio_dokumen"] == pytest.approx(229.33)
    for k in ("program_id", "program", "tahun", "anggaran", "realisasi", "serapan", "melebihi_100", "rasio_dokumen"):
        assert k in serapan_df.columns


def test_serapan_tambahan() -> None:
    b = _satu(R.anggaran, program="Program Peningkatan Pemberdayaan Masyarakat", tahun=2020)
    tambahan = pd.DataFrame({"program_id": [b["program_id"]], "tahun": [2020], "realisasi": [b["anggaran"] / 2]})
    hasil = serapan_program(R.anggaran, tambahan)
    assert _satu(hasil, program_id=b["program_id"], tahun=2020)["serapan"] == pytest.approx(50.0)


def test_serapan_tepi() -> None:
    assert serapan(0, 10) is None
    assert serapan(None, 10) is None
    assert serapan(float("nan"), 10) is None
    assert serapan(100, None) is None
    assert serapan(100, float("nan")) is None
    assert serapan(200, 50) == pytest.approx(25.0)


@given(st.floats(1, 1e12), st.floats(0, 1e12), st.floats(1e-3, 1e3))
def test_serapan_skala_invarian(a: float, r: float, k: float) -> None:
    x, y = serapan(k * a, k * r), serapan(a, r)
    assert x is not None and y is not None
    assert math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9)


def test_pertumbuhan() -> None:
    s = pd.Series({2016: 100.0, 2017: 110.0, 2018: None, 2019: 121.0, 2020: 0.0})
    p = pertumbuhan(s)
    assert p["rata_rata_yoy"] == pytest.approx(0.10)  # only 2016->2017 is consecutive with data
    assert p["cagr"] == pytest.approx((121 / 100) ** (1 / 3) - 1)
    kosong = pertumbuhan(pd.Series({2016: 100.0, 2017: None}))
    assert kosong == {"rata_rata_yoy": None, "cagr": None}


def test_pertumbuhan_program() -> None:
    p = pertumbuhan_program(R.anggaran)
    assert p["program_id"].is_unique
    b = _satu(p, program="Program Peningkatan Ketentraman dan Ketertiban Kecamatan")
    assert b["metode_cocok_anggaran"] == "rata-rata pertumbuhan tahunan"
    assert set(p["metode_cocok"]) <= {"rata-rata pertumbuhan tahunan", "CAGR", "keduanya", "tidak ada"}
    b = _satu(p, program="Program Pelayanan Administrasi Perkantoran")
    assert b["pertumbuhan_anggaran_dokumen"] == pytest.approx(0.13)


# --- pagu ----------------------------------------------------------------------


def test_pagu_kelurahan() -> None:
    k = pagu_per_kelurahan(R.rencana)
    assert _satu(k, tahun=2022, kelurahan="Wonoasih")["pagu"] == 235_000_000 + 65_000_000 + 77_689_000 == 377_689_000
    k21 = k[k["tahun"] == 2021]
    assert len(k21) == 6 and (k21["pagu"] == 666_000_000).all()
    assert k21["pangsa"].round(2).eq(16.67).all()
    assert k21["pangsa"].sum() == pytest.approx(100)


@settings(max_examples=10, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([2020, 2021, 2022, 2023, 2024]))
def test_pangsa_jumlah_100(tahun: int) -> None:
    k = pagu_per_kelurahan(R.rencana)
    assert k.loc[k["tahun"] == tahun, "pangsa"].sum() == pytest.approx(100)


def test_total_kecamatan() -> None:
    t = total_kecamatan(R.rencana, audit_renstra(R))
    b = _satu(t, tahun=2022)
    assert b["total"] == 12_957_945_947 and b["dasar"] == "pagu program"
    rincian_70101 = 28_385_000 + 9_537_001_166 + 333_300_000 + 91_404_722
    assert rincian_70101 == 9_990_090_888
    b = _satu(t, tahun=2021)
    assert b["total"] == 5_767_508_400 + rincian_70101
    assert b["dasar"] == "jumlah rincian untuk 1 program"
    assert "7.01.01" in b["catatan"]
    b = _satu(t, tahun=2020)
    assert b["dasar"] == "jumlah rincian untuk 4 program"
    assert "Program Peningkatan Pemberdayaan Masyarakat" in b["catatan"]
    assert set(t["tahun"]) == {2020, 2021, 2022, 2023, 2024}


def test_pagu_per_tingkat() -> None:
    p = pagu_per_tingkat(R.rencana, "program")
    assert _satu(p, tahun=2021, kode="7.01.01")["pagu"] is pd.NA
    assert _satu(p, tahun=2022, kode="7.01.01")["pagu"] == 9_122_221_547
    # a kegiatan whose pagu sits on its second indicator row
    k = pagu_per_tingkat(R.rencana, "kegiatan")
    assert _satu(k, tahun=2020, item_id="tc27_2020:6")["pagu"] == 1_008_551_323
    with pytest.raises(ValueError, match="tidak dikenal"):
        pagu_per_tingkat(R.rencana, "urusan")


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([2022, 2023, 2024]), st.data())
def test_rollup_sub_kegiatan_ke_program(tahun: int, data: st.DataObject) -> None:
    """Sub kegiatan -> kegiatan -> program reproduces the printed program pagu (to the document's Rp 1 rounding)."""
    rc = R.rencana[R.rencana["tahun"] == tahun]
    program = pagu_per_tingkat(rc, "program")
    pid = data.draw(st.sampled_from(sorted(program["item_id"])))
    kegiatan = pagu_per_tingkat(rc[rc["program_id"] == pid], "kegiatan")
    sub = pagu_per_tingkat(rc[rc["program_id"] == pid], "sub_kegiatan")
    sub_keg = rc[rc["tingkat"] == "sub_kegiatan"].groupby("item_id")["kegiatan_id"].first()
    sub["kegiatan_id"] = sub["item_id"].map(sub_keg)
    dari_sub = sub.groupby("kegiatan_id")["pagu"].sum()
    for kid, pagu in zip(kegiatan["item_id"], kegiatan["pagu"], strict=True):
        assert abs(int(dari_sub[kid]) - int(pagu)) <= 1
    total_program = int(_satu(program, item_id=pid)["pagu"])
    pembulatan = len(kegiatan) + 1  # Rp 1 per printed figure at most (see audit "selisih pembulatan")
    assert abs(int(dari_sub.sum()) - total_program) <= pembulatan
    assert abs(int(kegiatan["pagu"].sum()) - total_program) <= pembulatan


def test_rollup_daun_sama_dengan_total() -> None:
    """Where every program is readable, leaf rows add up to the program-level total (Rp 1 rounding per program)."""
    t = total_kecamatan(R.rencana).set_index("tahun")
    for tahun in (2022, 2023, 2024):
        rc = R.rencana[(R.rencana["tahun"] == tahun) & ~R.rencana["punya_rincian"]]
        assert abs(int(rc["pagu"].sum()) - int(t.loc[tahun, "total"])) <= 4


def test_perubahan_tahunan() -> None:
    k = perubahan_tahunan(pagu_per_kelurahan(R.rencana), kunci=["kelurahan"])
    b = _satu(k, tahun=2022, kelurahan="Wonoasih")
    assert b["selisih"] == 377_689_000 - 666_000_000
    assert b["persen"] == pytest.approx((377_689_000 - 666_000_000) / 666_000_000 * 100)
    assert _satu(k, tahun=2020, kelurahan="Wonoasih")["selisih"] is pd.NA
    t = perubahan_tahunan(total_kecamatan(R.rencana), nilai="total")
    assert _satu(t, tahun=2023)["selisih"] == 12_919_408_803 - 12_957_945_947
    gap = perubahan_tahunan(pd.DataFrame({"tahun": [2020, 2022], "pagu": [10, 20]}))
    assert gap["selisih"].isna().all()  # 2021 absent: no previous year for 2022


def test_impor_paket() -> None:
    import metrics

    for nama in ("capaian", "predikat", "serapan", "capaian_kinerja", "serapan_program", "total_kecamatan"):
        assert hasattr(metrics, nama)


@st.composite
def _rencana_sintetis(draw: st.DrawFn) -> pd.DataFrame:
    """A random program -> kegiatan -> sub kegiatan tree whose printed figures add up."""
    baris = []
    for p in range(draw(st.integers(1, 4))):
        pid = f"p{p}"
        anak = []
        for k in range(draw(st.integers(1, 3))):
            kid = f"{pid}k{k}"
            subs = draw(st.lists(st.integers(0, 10**10), min_size=0, max_size=3))
            pagu_k = sum(subs) if subs else draw(st.integers(0, 10**10))
            anak.append(pagu_k)
            baris.append({"item_id": kid, "tingkat": "kegiatan", "pagu": pagu_k, "program_id": pid,
                          "kegiatan_id": kid, "punya_rincian": bool(subs)})  # fmt: skip
            for i, v in enumerate(subs):
                baris.append({"item_id": f"{kid}s{i}", "tingkat": "sub_kegiatan", "pagu": v, "program_id": pid,
                              "kegiatan_id": kid, "punya_rincian": False})  # fmt: skip
        baris.append({"item_id": pid, "tingkat": "program", "pagu": sum(anak), "program_id": pid,
                      "kegiatan_id": "", "punya_rincian": True})  # fmt: skip
    d = pd.DataFrame(baris).assign(tahun=2030, kode="", nama=lambda x: x["item_id"], kelurahan="")
    return d.astype({"pagu": "Int64", "tahun": "Int64", "punya_rincian": "boolean"})


@given(_rencana_sintetis(), st.data())
def test_total_rincian_sama_dengan_pagu_program(d: pd.DataFrame, data: st.DataObject) -> None:
    """Blanking program (and kegiatan) figures that have rincian leaves the kecamatan total unchanged."""
    asli = int(total_kecamatan(d)["total"].iloc[0])
    assert asli == int(d.loc[~d["punya_rincian"].astype(bool), "pagu"].sum())
    hapus = data.draw(st.lists(st.sampled_from(list(d.loc[d["punya_rincian"].astype(bool), "item_id"])), unique=True))
    rusak = d.copy()
    rusak.loc[rusak["item_id"].isin(hapus), "pagu"] = pd.NA
    hasil = total_kecamatan(rusak).iloc[0]
    assert int(hasil["total"]) == asli
    n = int(rusak.loc[rusak["tingkat"] == "program", "pagu"].isna().sum())
    assert hasil["dasar"] == ("pagu program" if n == 0 else f"jumlah rincian untuk {n} program")
