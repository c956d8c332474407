"""Benchmark (not a test): N simulated users on 1 vs 2 replicas; page time and memory per session.

Each simulated user is one Streamlit session over its own websocket, speaking the protocol the
browser speaks (``BackMsg.rerun_script`` with a page and its query string; the run is over at
``script_finished``). A user opens a page, waits a think time (``--jeda`` seconds, 0,5-1,5x at
random), opens the next one: every reading page of navigasi.py in turn, a random year where the
page has one. Users are spread over the replicas in turn, as nginx's cookie hash spreads
browsers. Page time is the server's part: from the request to the run's last message (the
browser's drawing is not in it). All replicas (1 + 2 by default) run side by side on one store
(``--db`` or RENSTRA_DB_URL; else a throwaway SQLite file), and each user count is measured on
every set in turn, so the machine's other load hits the sets alike.

Per number of users: median and 95th percentile page time, pages per second, the machine's load
average; at the end, per set, the most users whose p95 stayed within ``--batas`` seconds (where
it saturates). Memory: a replica's RSS with its caches warm (every page visited once), then with
``--diam`` more sessions open and idle: (RSS after - RSS before) / sessions, on a replica of its
own started first (a replica that has served load reuses freed memory and would show ~0).

    .venv/bin/python bench/beban.py --pengguna 1,2,4,8,16,32 --replika 1,2
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))

import websockets  # noqa: E402
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from deploy.replika import Replika, replika  # noqa: E402
from navigasi import HALAMAN, KUNCI_TAHUN  # noqa: E402

FORMULIR = {"isi_realisasi", "kelola_renstra"}  # login forms: nobody reads them
HALAMAN_BACA = [h for h in HALAMAN if h.nama not in FORMULIR]
TAHUN = (2020, 2021, 2022, 2023, 2024)


@dataclass
class Hasil:
    waktu: list[float] = field(default_factory=list)  # seconds per page view
    galat: int = 0
    pesan: list[str] = field(default_factory=list)  # the first few errors, to be read


def rss_mb(pid: int) -> float:
    for baris in Path(f"/proc/{pid}/status").read_text().splitlines():
        if baris.startswith("VmRSS:"):
            return int(baris.split()[1]) / 1024
    return float("nan")


class Sesi:
    """One simulated browser session on one replica."""

    def __init__(self, url: str) -> None:
        self.url = url.replace("http://", "ws://") + "/_stcore/stream"
        self.ws: websockets.ClientConnection | None = None

    async def buka(self) -> None:
        # No client pings: a browser sends none either (the server pings), and a busy replica answering
        # late must show as a slow page, not as a dropped session.
        self.ws = await websockets.connect(
            self.url, subprotocols=["streamlit"], max_size=None, open_timeout=120, ping_interval=None
        )

    async def tutup(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def halaman(self, url_halaman: str, kueri: str) -> float:
        """One page view: its server time in seconds (raises on an error run)."""
        assert self.ws is not None
        m = BackMsg()
        m.rerun_script.page_name = url_halaman
        m.rerun_script.query_string = kueri
        t = time.perf_counter()
        await self.ws.send(m.SerializeToString())
        while True:
            f = ForwardMsg()
            f.ParseFromString(await self.ws.recv())
            jenis = f.WhichOneof("type")
            if jenis == "page_not_found":
                raise RuntimeError(f"halaman {url_halaman!r} tidak ditemukan")
            if jenis == "delta" and f.delta.new_element.WhichOneof("type") == "exception":
                raise RuntimeError(f"galat di halaman {url_halaman!r}: {f.delta.new_element.exception.message}")
            if jenis == "script_finished":
                return time.perf_counter() - t


def _kunjungan(rng: random.Random, i: int) -> tuple[str, str]:
    h = HALAMAN_BACA[i % len(HALAMAN_BACA)]
    return h.url, f"tahun={rng.choice(TAHUN)}" if KUNCI_TAHUN in h.filter else ""


async def _pengguna(sesi: Sesi, nomor: int, akhir: float, jeda: float, hasil: Hasil) -> None:
    rng = random.Random(nomor)
    i = nomor  # users start on different pages
    await asyncio.sleep(rng.uniform(0, jeda))
    while time.monotonic() < akhir:
        try:
            hasil.waktu.append(await sesi.halaman(*_kunjungan(rng, i)))
        except Exception as e:
            hasil.galat += 1
            if len(hasil.pesan) < 3:
                hasil.pesan.append(f"{type(e).__name__}: {e}"[:300])
        i += 1
        await asyncio.sleep(jeda * rng.uniform(0.5, 1.5))


async def langkah(replikas: list[Replika], n: int, durasi: float, jeda: float) -> Hasil:
    """``n`` users for ``durasi`` seconds (after one untimed page each)."""
    semua = [Sesi(replikas[i % len(replikas)].url) for i in range(n)]
    await asyncio.gather(*(s.buka() for s in semua))
    await asyncio.gather(*(s.halaman("", "") for s in semua), return_exceptions=True)
    hasil = Hasil()
    akhir = time.monotonic() + durasi
    await asyncio.gather(*(_pengguna(s, i, akhir, jeda, hasil) for i, s in enumerate(semua)))
    await asyncio.gather(*(s.tutup() for s in semua))
    return hasil


async def panaskan(replikas: list[Replika]) -> None:
    """Every page and year once on every replica (the caches every later session shares)."""
    for r in replikas:
        s = Sesi(r.url)
        await s.buka()
        for h in HALAMAN_BACA:
            for t in TAHUN if KUNCI_TAHUN in h.filter else (None,):
                await s.halaman(h.url, f"tahun={t}" if t else "")
        await s.tutup()


async def memori_sesi_diam(r: Replika, n: int) -> tuple[float, float]:
    """(RSS before, MB per idle session) on a replica of its own, just started: one session opens the
    first page (its caches filled), then ``n`` more open it and stay connected, idle."""
    pertama = Sesi(r.url)
    await pertama.buka()
    await pertama.halaman("", "")
    await asyncio.sleep(3)
    sebelum = rss_mb(r.pid)
    semua = [Sesi(r.url) for _ in range(n)]
    for s in semua:
        await s.buka()
        await s.halaman("", "")
    await asyncio.sleep(5)
    sesudah = rss_mb(r.pid)
    await asyncio.gather(*(s.tutup() for s in [pertama, *semua]))
    return sebelum, (sesudah - sebelum) / n


def _ms(x: float) -> str:
    return f"{x * 1000:.0f}"


def _p95(waktu: list[float]) -> float:
    w = sorted(waktu)
    return w[min(len(w) - 1, int(0.95 * len(w)))] if w else float("nan")


def _baris(jumlah_replika: int, n: int, h: Hasil, durasi: float, rss: list[float]) -> str:
    w = h.waktu
    p95 = _p95(w)
    return (
        f"| {jumlah_replika} | {n} | {len(w)} | {_ms(statistics.median(w)) if w else '–'} | {_ms(p95)} "
        f"| {len(w) / durasi:.1f} | {h.galat} | {' + '.join(f'{x:.0f}' for x in rss)} |"
    )


async def jalankan(args: argparse.Namespace, konfigurasi: list[list[Replika]]) -> None:
    """Every user count on every replica set in turn (the sets run side by side, so a change in the
    machine's other load hits them alike)."""
    for replikas in konfigurasi:
        await panaskan(replikas)
    rss = [rss_mb(r.pid) for rs in konfigurasi for r in rs]
    print(f"\nRSS setelah semua halaman dibuka sekali: {', '.join(f'{x:.0f}' for x in rss)} MB", flush=True)
    print("\n| replika | pengguna | tampilan | median ms | p95 ms | tampilan/s | galat | RSS MB | beban mesin |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|", flush=True)
    tahan: dict[int, int] = {}
    for n in args.pengguna:
        for replikas in konfigurasi:
            h = await langkah(replikas, n, args.durasi, args.jeda)
            rss = [rss_mb(r.pid) for r in replikas]
            print(f"{_baris(len(replikas), n, h, args.durasi, rss)} {os.getloadavg()[0]:.1f} |", flush=True)
            for p in h.pesan:
                print(f"    galat: {p}", file=sys.stderr, flush=True)
            if h.waktu and not h.galat and _p95(h.waktu) <= args.batas:
                tahan[len(replikas)] = max(tahan.get(len(replikas), 0), n)
    for jumlah in (len(rs) for rs in konfigurasi):
        print(f"\n{jumlah} replika: paling banyak {tahan.get(jumlah, 0)} pengguna dengan p95 <= {args.batas:g} s")


def _daftar(teks: str) -> list[int]:
    return [int(x) for x in teks.split(",") if x.strip()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pengguna", type=_daftar, default=[1, 2, 4, 8, 16, 32])
    ap.add_argument("--replika", type=_daftar, default=[1, 2])
    ap.add_argument("--durasi", type=float, default=20.0, help="detik per jumlah pengguna")
    ap.add_argument("--jeda", type=float, default=2.0, help="waktu pikir rata-rata antar halaman (detik)")
    ap.add_argument("--batas", type=float, default=3.0, help="p95 (detik) yang masih dianggap tertahan")
    ap.add_argument("--diam", type=int, default=50, help="sesi diam untuk mengukur memori per sesi (0: lewati)")
    ap.add_argument("--db", default=os.environ.get("RENSTRA_DB_URL", ""))
    args = ap.parse_args()
    db = args.db or f"sqlite:///{Path(tempfile.mkdtemp(prefix='beban-')) / 'realisasi.sqlite'}"
    print(f"Beban: {os.cpu_count()} inti, beban rata-rata awal {os.getloadavg()[0]:.1f}, basis data {db.split(':')[0]}")
    if args.diam:
        with replika(1, {"RENSTRA_DB_URL": db}) as (r,):
            sebelum, per_sesi = asyncio.run(memori_sesi_diam(r, args.diam))
        print(f"Sesi diam: {args.diam} sesi, RSS {sebelum:.0f} MB sebelumnya, {per_sesi:.2f} MB per sesi", flush=True)
    with replika(sum(args.replika), {"RENSTRA_DB_URL": db}) as semua:
        konfigurasi, awal = [], 0
        for jumlah in args.replika:
            konfigurasi.append(semua[awal : awal + jumlah])
            awal += jumlah
        asyncio.run(jalankan(args, konfigurasi))
    print(f"\nBeban rata-rata akhir {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
