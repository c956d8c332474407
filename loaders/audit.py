"""The document's own inconsistencies, found by recomputing what it prints.

Nothing here is a hand-made list: every finding comes from comparing cells of the
loaded tables with each other. ``baris`` is the table's data row (as in the frames).
"""

from __future__ import annotations

import difflib
import re
from typing import Any

import pandas as pd

from formatting import angka, rupiah
from loaders.frame import BULAT, TEKS, bingkai
from loaders.renstra import Renstra

SKEMA_TEMUAN = {
    "tabel": TEKS, "baris": BULAT, "tahun": BULAT, "uraian": TEKS, "jenis": TEKS, "keparahan": TEKS,
    "diharapkan": TEKS, "ditemukan": TEKS, "keterangan": TEKS,
}  # fmt: skip

GALAT, PERINGATAN, INFO = "galat", "peringatan", "info"

# The document prints every pagu rounded to the rupiah, so a parent may differ from the sum of
# its printed children (and T-C.24 from T-C.27) by this much without either figure being wrong:
# such a gap is "selisih pembulatan" (info) between parent and children, and no finding at all
# between the two budget tables. One rupiah more is a real disagreement.
TOLERANSI_PEMBULATAN_RP = 1


def _rp(x: float | int | None) -> str:
    return rupiah(x)


def _angka(x: float | None) -> str:
    return angka(x, 2)


def _temuan(**k: Any) -> dict[str, Any]:
    return {"tahun": None, "keterangan": "", **k}


def _desimal(teks: str) -> int:
    m = re.search(r"[.,](\d+)%?$", teks.strip())
    return len(m.group(1)) if m else 0


def _pagu_anak_induk(r: Renstra) -> list[dict[str, Any]]:
    """Each parent's pagu against the sum of its children's, per table and year."""
    d = r.rencana
    out = []
    item = d.groupby(["item_id", "tahun"], sort=False).agg(
        tabel=("tabel", "first"), baris=("baris", "first"), nama=("nama", "first"), kode=("kode", "first"),
        tingkat=("tingkat", "first"), program_id=("program_id", "first"), kegiatan_id=("kegiatan_id", "first"),
        pagu=("pagu", lambda s: s.sum(min_count=1)), tak_terbaca=("pagu_status", lambda s: (s == "tidak_terbaca").any()),
        target=("target", "first"),
    ).reset_index()  # fmt: skip
    for (iid, tahun), induk in item.set_index(["item_id", "tahun"]).iterrows():
        if induk["tingkat"] == "sub_kegiatan":
            continue
        kolom, tingkat_anak = (
            ("program_id", "kegiatan") if induk["tingkat"] == "program" else ("kegiatan_id", "sub_kegiatan")
        )
        anak = item[(item[kolom] == iid) & (item["tahun"] == tahun) & (item["tingkat"] == tingkat_anak)]
        if anak.empty:
            continue
        jumlah = anak["pagu"].sum(min_count=1)
        uraian = f"{induk['kode']} {induk['nama']}".strip()
        base = {"tabel": induk["tabel"], "baris": induk["baris"], "tahun": tahun, "uraian": uraian}
        if pd.isna(jumlah):
            continue
        ket = f"jumlah {len(anak)} {tingkat_anak.replace('_', ' ')}"
        if anak["tak_terbaca"].any() or anak["pagu"].isna().any():
            ket += f"; {int(anak['pagu'].isna().sum())} di antaranya tanpa pagu terbaca"
        if induk["tak_terbaca"]:
            out.append(_temuan(**base, jenis="pagu tidak terbaca", keparahan=PERINGATAN, diharapkan=_rp(jumlah),
                               ditemukan="***** / ##### (sel meluap di PDF)", keterangan=ket))  # fmt: skip
        elif pd.isna(induk["pagu"]):
            out.append(_temuan(**base, jenis="pagu kosong", keparahan=PERINGATAN, diharapkan=_rp(jumlah),
                               ditemukan="-", keterangan=ket))  # fmt: skip
        else:
            selisih = int(induk["pagu"]) - int(jumlah)
            if selisih == 0:
                continue
            jenis, keparahan = (
                ("selisih pembulatan", INFO)
                if abs(selisih) <= TOLERANSI_PEMBULATAN_RP
                else ("pagu induk ≠ jumlah rincian", GALAT)
            )
            out.append(_temuan(**base, jenis=jenis, keparahan=keparahan, diharapkan=_rp(jumlah),
                               ditemukan=_rp(int(induk["pagu"])), keterangan=f"{ket}; selisih {_rp(selisih)}"))  # fmt: skip
    return out


def _pagu_kosong_daun(r: Renstra) -> list[dict[str, Any]]:
    """Lowest-level items with a non-zero target but no pagu at all."""
    d = r.rencana[~r.rencana["punya_rincian"]]
    out = []
    for (_item, tahun), g in d.groupby(["item_id", "tahun"], sort=False):
        if g["pagu"].notna().any() or (g["pagu_status"] == "tidak_terbaca").any():
            continue
        if not (g["target"].fillna(0) > 0).any():
            continue
        a = g.iloc[0]
        out.append(_temuan(tabel=a["tabel"], baris=a["baris"], tahun=tahun, uraian=f"{a['kode']} {a['nama']}".strip(),
                           jenis="pagu kosong", keparahan=PERINGATAN, diharapkan="pagu Rupiah", ditemukan="-",
                           keterangan=f"target {a['target_teks']} tanpa pagu"))  # fmt: skip
    return out


def _tak_terbaca(r: Renstra) -> list[dict[str, Any]]:
    """Overflowed cells outside T-C.27 pagu (which the parent check already reports)."""
    out = []
    for nama, kolom in (
        ("kinerja", ("target", "realisasi", "rasio")),
        ("anggaran", ("anggaran", "realisasi", "rasio")),
    ):
        d = getattr(r, nama)
        for k in kolom:
            for _, a in d[d[f"{k}_status"] == "tidak_terbaca"].iterrows():
                out.append(_temuan(tabel=a["tabel"], baris=a["baris"], tahun=a["tahun"],
                                   uraian=a.get("indikator", a.get("program")), jenis="sel tidak terbaca",
                                   keparahan=PERINGATAN, diharapkan="angka", ditemukan=a[f"{k}_teks"]))  # fmt: skip
    t = r.rencana[(r.rencana["target_teks"].str.fullmatch(r"[*#]{2,}"))]
    for _, a in t.iterrows():
        out.append(_temuan(tabel=a["tabel"], baris=a["baris"], tahun=a["tahun"], uraian=a["nama"],
                           jenis="sel tidak terbaca", keparahan=PERINGATAN, diharapkan="target", ditemukan=a["target_teks"]))  # fmt: skip
    return out


def _rasio(d: pd.DataFrame, pembilang: str, penyebut: str, uraian: str, nama_rasio: str) -> list[dict[str, Any]]:
    """Printed ratio columns against realisasi / target (or anggaran) x 100."""
    out = []
    for _, a in d.iterrows():
        if a["rasio_status"] != "ok":
            continue
        base = {"tabel": a["tabel"], "baris": a["baris"], "tahun": a["tahun"], "uraian": a[uraian]}
        cetak = float(a["rasio_dokumen"])
        p, q = a[pembilang], a[penyebut]
        if pd.isna(q) or q == 0:
            sebab = "tidak ada" if pd.isna(q) else "0"
            if cetak == 0:
                out.append(_temuan(**base, jenis=f"{nama_rasio} 0 tanpa dasar", keparahan=INFO,
                                   diharapkan=f"kosong ({penyebut} {sebab})", ditemukan=a["rasio_teks"]))  # fmt: skip
            else:
                out.append(_temuan(**base, jenis=f"{nama_rasio} tanpa {penyebut}", keparahan=GALAT,
                                   diharapkan="kosong", ditemukan=a["rasio_teks"]))  # fmt: skip
            continue
        if pd.isna(p):
            out.append(_temuan(**base, jenis=f"{nama_rasio} tanpa realisasi", keparahan=GALAT, diharapkan="kosong",
                               ditemukan=a["rasio_teks"], keterangan=f"realisasi tercetak '{a['realisasi_teks']}'"))  # fmt: skip
            continue
        hitung = float(p) / float(q) * 100
        toleransi = 0.5 * 10 ** -_desimal(a["rasio_teks"]) + 0.01
        if abs(cetak - hitung) <= toleransi:
            continue
        if abs(cetak * 100 - hitung) <= 0.5 * 10 ** -(_desimal(a["rasio_teks"]) - 2) + 0.01:
            jenis, ket = f"{nama_rasio} skala salah", "tercetak sebagai pecahan, bukan persen"
        else:
            jenis, ket = f"{nama_rasio} tidak sesuai", f"{a['realisasi_teks']} / {a[penyebut + '_teks']} x 100"
        out.append(
            _temuan(
                **base,
                jenis=jenis,
                keparahan=GALAT,
                diharapkan=_angka(hitung),
                ditemukan=a["rasio_teks"],
                keterangan=ket,
            )
        )
    return out


def _melebihi(r: Renstra) -> list[dict[str, Any]]:
    d = r.anggaran
    lebih = d[d["realisasi"].notna() & d["anggaran"].notna() & (d["realisasi"] > d["anggaran"])]
    return [
        _temuan(
            tabel=a["tabel"],
            baris=a["baris"],
            tahun=a["tahun"],
            uraian=a["program"],
            jenis="realisasi melebihi anggaran",
            keparahan=PERINGATAN,
            diharapkan=f"≤ {_rp(a['anggaran'])}",
            ditemukan=_rp(a["realisasi"]),
            keterangan=f"serapan {_angka(a['realisasi'] / a['anggaran'] * 100)} %",
        )  # fmt: skip
        for _, a in lebih.iterrows()
    ]


def _satuan(r: Renstra) -> list[dict[str, Any]]:
    """One indicator row whose target carries '%' in some years and no unit in others."""
    d = r.rencana[r.rencana["target"].notna()]
    out = []
    for (_, _b), g in d.groupby(["tabel", "baris"], sort=False):
        satuan = set(g["satuan"])
        if len(satuan) > 1:
            a = g.iloc[0]
            rinci = ", ".join(f"{t}: {s}" for t, s in zip(g["tahun"], g["target_teks"], strict=True))
            out.append(_temuan(tabel=a["tabel"], baris=a["baris"], uraian=a["nama"], jenis="satuan target berbeda antartahun",
                               keparahan=PERINGATAN, diharapkan="satuan yang sama tiap tahun", ditemukan=rinci))  # fmt: skip
    return out


def _kode_induk(r: Renstra) -> list[dict[str, Any]]:
    d = r.rencana.drop_duplicates("item_id")
    d = d[(d["skema_kode"] == "permendagri90") & (d["tingkat"] != "program")]
    out = []
    for _, a in d.iterrows():
        induk = a["program_kode"] if a["tingkat"] == "kegiatan" else a["kegiatan_kode"]
        if induk and not a["kode"].startswith(induk + "."):
            out.append(_temuan(tabel=a["tabel"], baris=a["baris"], uraian=a["nama"], jenis="kode tidak di bawah induknya",
                               keparahan=GALAT, diharapkan=f"{induk}.…", ditemukan=a["kode_dokumen"]))  # fmt: skip
    return out


def _normal_program(nama: str) -> str:
    return re.sub(r"[^a-z ]", "", nama.lower()).replace("program ", "").strip()


def _lintas_tc24_tc27(r: Renstra) -> list[dict[str, Any]]:
    """T-C.24's anggaran against T-C.27's pagu for the same program (sum of its kegiatan), in every
    year both tables print (none when the Renstra has no T-C.24)."""
    a = r.anggaran[r.anggaran["anggaran"].notna()]
    tahun = sorted({int(t) for t in a["tahun"].dropna()} & {int(t) for t in r.rencana["tahun"].dropna()})
    out = []
    for t in tahun:
        out += _lintas_tahun(r, a[a["tahun"] == t], t)
    return out


def _lintas_tahun(r: Renstra, a: pd.DataFrame, tahun: int) -> list[dict[str, Any]]:
    """One year of ``_lintas_tc24_tc27``: each T-C.24 program matched to the T-C.27 program of that
    year with the most similar name (at least 0,9 alike)."""
    d = r.rencana[(r.rencana["tahun"] == tahun) & (r.rencana["tingkat"] == "kegiatan")]
    jumlah = d.groupby("program_id").agg(
        nama=("program_nama", "first"), tabel=("tabel", "first"), pagu=("pagu", lambda s: s.sum(min_count=1))
    )
    out = []
    for _, x in a.iterrows():
        if jumlah.empty:
            break
        acuan = _normal_program(x["program"])
        mirip = jumlah["nama"].map(
            lambda n, acuan=acuan: difflib.SequenceMatcher(None, acuan, _normal_program(n)).ratio()
        )
        if mirip.max() < 0.9:
            continue
        p = jumlah.loc[mirip.idxmax()]
        if pd.notna(p["pagu"]) and abs(float(x["anggaran"]) - float(p["pagu"])) > TOLERANSI_PEMBULATAN_RP:
            out.append(_temuan(tabel=x["tabel"], baris=x["baris"], tahun=tahun, uraian=x["program"],
                               jenis="anggaran T-C.24 ≠ pagu T-C.27", keparahan=PERINGATAN, diharapkan=_rp(p["pagu"]),
                               ditemukan=_rp(x["anggaran"]),
                               keterangan=f"{p['tabel']}: jumlah pagu kegiatan '{p['nama']}'"))  # fmt: skip
    return out


def _pegawai(r: Renstra) -> list[dict[str, Any]]:
    """Staff group sums against the printed totals, across tables and against the prose."""
    out = []
    p, t = r.pegawai, r.pegawai_total
    for _, a in t.iterrows():
        if a["kriteria"] == "Unit Kerja":
            g = p[(p["tabel"] == a["tabel"]) & (p["kriteria"] == "Unit Kerja")]
            if a["kategori"]:
                g = g[g["kategori"] == a["kategori"]]
            if a["jenis_kelamin"]:
                g = g[g["jenis_kelamin"] == a["jenis_kelamin"]]
        else:
            g = p[(p["tabel"] == a["tabel"]) & (p["kriteria"] == a["kriteria"])]
        if pd.isna(a["total_dokumen"]) or g.empty:
            continue
        jumlah = int(g["jumlah"].sum())
        if jumlah != int(a["total_dokumen"]):
            uraian = " ".join(x for x in (a["kriteria"], a["kategori"], a["jenis_kelamin"]) if x)
            out.append(_temuan(tabel=a["tabel"], baris=a["baris"], uraian=uraian, jenis="total pegawai tidak sesuai",
                               keparahan=GALAT, diharapkan=str(jumlah), ditemukan=str(int(a["total_dokumen"]))))  # fmt: skip
    jk = p[(p["kriteria"] == "Jenis Kelamin")]
    acuan = int(jk["jumlah"].sum()) if not jk.empty else None
    for k in r.manifest.get("klaim", []):
        if k.get("besaran") == "jumlah_pegawai" and acuan is not None and int(k["nilai"]) != acuan:
            out.append(_temuan(tabel="Teks dokumen", baris=None, uraian=f"{k['bagian']}: “{k['teks']}”",
                               jenis="jumlah pegawai di teks ≠ tabel", keparahan=PERINGATAN, diharapkan=str(acuan),
                               ditemukan=str(k["nilai"]), keterangan=f"{jk['tabel'].iloc[0]} (menurut jenis kelamin) mencatat {acuan} pegawai"))  # fmt: skip
    return out


def audit_renstra(renstra: Renstra) -> pd.DataFrame:
    """All findings, most serious first: tabel, baris, tahun, uraian, jenis, keparahan, diharapkan, ditemukan, keterangan."""
    temuan = [
        *_pagu_anak_induk(renstra), *_pagu_kosong_daun(renstra), *_tak_terbaca(renstra),
        *_rasio(renstra.kinerja, "realisasi", "target", "indikator", "rasio capaian"),
        *_rasio(renstra.anggaran, "realisasi", "anggaran", "program", "rasio serapan"),
        *_melebihi(renstra), *_satuan(renstra), *_kode_induk(renstra), *_lintas_tc24_tc27(renstra), *_pegawai(renstra),
    ]  # fmt: skip
    df = bingkai(temuan, SKEMA_TEMUAN)
    urut = {GALAT: 0, PERINGATAN: 1, INFO: 2}
    return df.sort_values(["keparahan", "tabel", "baris"], key=lambda s: s.map(urut) if s.name == "keparahan" else s,
                          kind="stable").reset_index(drop=True)  # fmt: skip
