"""Staff (2.2.1, 2.2.2), assets (2.2.3) and the strategic tables (3.1, 3.5, T-C.26) in tidy form."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from loaders.frame import BULAT, TEKS, baris_seksi, bingkai
from loaders.mentah import TabelMentah
from loaders.wilayah import KelurahanTakDikenal, Wilayah

SKEMA_PEGAWAI = {
    "tabel": TEKS, "baris": BULAT, "kriteria": TEKS, "kategori": TEKS, "kelurahan": TEKS,
    "jenis_kelamin": TEKS, "jumlah": BULAT,
}  # fmt: skip
SKEMA_PEGAWAI_TOTAL = {
    "tabel": TEKS, "baris": BULAT, "kriteria": TEKS, "kategori": TEKS, "jenis_kelamin": TEKS, "total_dokumen": BULAT,
}  # fmt: skip
SKEMA_SARPRAS = {
    "tabel": TEKS, "baris": BULAT, "kelompok": TEKS, "nama": TEKS, "jumlah": BULAT, "satuan": TEKS,
    "baik": BULAT, "kurang_baik": BULAT, "rusak": BULAT, "rusak_berat": BULAT, "keterangan": TEKS,
}  # fmt: skip
SKEMA_KETERKAITAN = {
    "tabel": TEKS,
    "baris": BULAT,
    "misi_kota": TEKS,
    "tujuan": TEKS,
    "sasaran": TEKS,
    "isu_strategis": TEKS,
}
SKEMA_ISU = {"tabel": TEKS, "baris": BULAT, "no": TEKS, "urusan": TEKS, "permasalahan": TEKS, "isu_strategis": TEKS}
SKEMA_STRATEGI = {
    "tabel": TEKS, "baris": BULAT, "misi": TEKS, "tujuan": TEKS, "sasaran": TEKS, "strategi": TEKS, "arah_kebijakan": TEKS,
}  # fmt: skip

_JENIS_KELAMIN = {"lakilaki": "Laki-laki", "perempuan": "Perempuan"}


def _jk(teks: str) -> str:
    return _JENIS_KELAMIN.get(re.sub(r"[^a-z]", "", teks.lower()), "")


def _bulat(tm: TabelMentah, b: int, kolom: str) -> int | None:
    v = tm.angka(b, kolom)
    if v.angka is not None and (v.angka < 0 or not float(v.angka).is_integer()):
        raise tm.galat(f"jumlah pegawai '{v.teks}' harus bilangan bulat tidak negatif", b, kolom)
    return None if v.angka is None else int(v.angka)


def pegawai(tabel: list[TabelMentah], wilayah: Wilayah) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Tidy staff counts and the totals the document prints beside them."""
    data: list[dict[str, Any]] = []
    total: list[dict[str, Any]] = []
    for tm in tabel:
        if tm.formulir.kode == "2.2.1":
            kriteria = kategori = ""
            for b in tm.baris_data():
                if tm.teks(b, "kriteria"):
                    kriteria, kategori = tm.teks(b, "kriteria"), ""
                    t = _bulat(tm, b, "total")
                    if t is not None:
                        total.append({"tabel": tm.label, "baris": b, "kriteria": kriteria, "kategori": "",
                                      "jenis_kelamin": "", "total_dokumen": t})  # fmt: skip
                if not kriteria:
                    raise tm.galat("baris tanpa kriteria di atasnya", b, "kriteria")
                teks = tm.teks(b, "kategori")
                jk = _jk(teks)
                jumlah = _bulat(tm, b, "jumlah")
                if not jk:
                    if jumlah is not None:
                        raise tm.galat(f"'{teks}' bukan Laki-laki/Perempuan tetapi berisi jumlah", b, "jumlah")
                    kategori = teks
                    continue
                if jumlah is None:
                    raise tm.galat("jumlah pegawai kosong", b, "jumlah")
                data.append({"tabel": tm.label, "baris": b, "kriteria": kriteria, "kategori": kategori or "Seluruh pegawai",
                             "kelurahan": "", "jenis_kelamin": jk, "jumlah": jumlah})  # fmt: skip
        else:  # 2.2.2 per unit kerja
            for b in tm.baris_data():
                unit = tm.teks(b, "unit_kerja")
                laki, perempuan, jumlah = (_bulat(tm, b, k) for k in ("laki_laki", "perempuan", "jumlah"))
                if tm.teks(b, "no").upper() == "TOTAL":
                    for jk, v in (("Laki-laki", laki), ("Perempuan", perempuan), ("", jumlah)):
                        total.append({"tabel": tm.label, "baris": b, "kriteria": "Unit Kerja", "kategori": "",
                                      "jenis_kelamin": jk, "total_dokumen": v})  # fmt: skip
                    continue
                if not unit:
                    raise tm.galat("unit kerja kosong", b, "unit_kerja")
                try:
                    kelurahan = wilayah.kanonik(unit)
                except KelurahanTakDikenal as e:
                    raise tm.galat(
                        f"{e}; kelurahan yang dikenal: {', '.join(wilayah.kelurahan)}", b, "unit_kerja"
                    ) from None
                total.append({"tabel": tm.label, "baris": b, "kriteria": "Unit Kerja", "kategori": unit,
                              "jenis_kelamin": "", "total_dokumen": jumlah})  # fmt: skip
                for jk, v in (("Laki-laki", laki), ("Perempuan", perempuan)):
                    data.append({"tabel": tm.label, "baris": b, "kriteria": "Unit Kerja", "kategori": unit,
                                 "kelurahan": kelurahan, "jenis_kelamin": jk, "jumlah": v})  # fmt: skip
    return bingkai(data, SKEMA_PEGAWAI), bingkai(total, SKEMA_PEGAWAI_TOTAL)


_KONDISI = re.compile(r"(?:(\d+)\s*(?:buah|unit|set|lokal)?\s*)?(kurang baik|rusak berat|rusak)", re.IGNORECASE)


def _kondisi(keterangan: str, jumlah: int) -> dict[str, int]:
    """Counts by condition from a remark such as '7 buah kurang baik, 1 buah rusak berat'.

    A condition without a count ('Kurang baik', 'Faximile rusak') covers the whole item.
    """
    hasil = {"kurang_baik": 0, "rusak": 0, "rusak_berat": 0}
    for angka, kondisi in _KONDISI.findall(keterangan):
        hasil[kondisi.lower().replace(" ", "_")] += int(angka) if angka else jumlah
    return hasil


def sarpras(tabel: list[TabelMentah]) -> pd.DataFrame:
    rekaman = []
    for tm in tabel:
        kelompok = ""
        for b in tm.baris_data():
            nama = tm.teks(b, "jenis")
            if tm.teks(b, "no"):
                kelompok = nama
                if not tm.teks(b, "jumlah"):
                    continue
            v = tm.angka(b, "jumlah")
            if v.angka is None or v.angka < 0 or not float(v.angka).is_integer():
                raise tm.galat(f"jumlah '{v.teks}' harus bilangan bulat dengan satuan, mis. '40 buah'", b, "jumlah")
            jumlah = int(v.angka)
            kondisi = _kondisi(tm.teks(b, "keterangan"), jumlah)
            if sum(kondisi.values()) > jumlah:
                raise tm.galat(
                    f"keterangan menyebut lebih banyak barang rusak/kurang baik daripada jumlahnya ({jumlah})",
                    b,
                    "keterangan",
                )
            rekaman.append({"tabel": tm.label, "baris": b, "kelompok": kelompok, "nama": re.sub(r"^-\s*", "", nama),
                            "jumlah": jumlah, "satuan": v.satuan, "baik": jumlah - sum(kondisi.values()), **kondisi,
                            "keterangan": tm.teks(b, "keterangan")})  # fmt: skip
    return bingkai(rekaman, SKEMA_SARPRAS)


def _isi_ke_bawah(tm: TabelMentah, kolom: list[str]) -> list[dict[str, Any]]:
    """Rows with merged (empty) cells filled from the row above, as the printed table reads."""
    terakhir = dict.fromkeys(kolom, "")
    hasil = []
    for b in tm.baris_data():
        r: dict[str, Any] = {"tabel": tm.label, "baris": b}
        for k in tm.formulir.keys:
            r[k] = tm.teks(b, k)
        for k in kolom:
            r[k] = r[k] or terakhir[k]
            terakhir[k] = r[k]
        hasil.append(r)
    return hasil


def keterkaitan(tabel: list[TabelMentah]) -> pd.DataFrame:
    return bingkai(
        [r for tm in tabel for r in _isi_ke_bawah(tm, ["misi_kota", "tujuan", "sasaran"])], SKEMA_KETERKAITAN
    )


def isu_strategis(tabel: list[TabelMentah]) -> pd.DataFrame:
    return bingkai([r for tm in tabel for r in _isi_ke_bawah(tm, ["no", "urusan"])], SKEMA_ISU)


def strategi(tabel: list[TabelMentah]) -> tuple[pd.DataFrame, str]:
    """T-C.26 rows under their misi, and the visi line printed at its top."""
    rekaman = []
    visi = ""
    for tm in tabel:
        misi = tujuan = sas = strat = ""
        for b in tm.baris_data():
            seksi = baris_seksi(tm, b)
            if seksi.lower().startswith("visi"):
                visi = seksi.split(":", 1)[-1].strip().strip('“”"')
                continue
            if seksi:
                misi, tujuan, sas, strat = seksi, "", "", ""
                continue
            tujuan = tm.teks(b, "tujuan") or tujuan
            sas = tm.teks(b, "sasaran") or sas
            strat = tm.teks(b, "strategi") or strat
            rekaman.append({"tabel": tm.label, "baris": b, "misi": misi, "tujuan": tujuan, "sasaran": sas,
                            "strategi": strat, "arah_kebijakan": tm.teks(b, "arah_kebijakan")})  # fmt: skip
    return bingkai(rekaman, SKEMA_STRATEGI), visi
