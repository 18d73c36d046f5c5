"""Parse throughput for the kinds of date text people type.

    python -m bench.dates [--count N]

Prints strings per second for each kind typed into the parser, and for the EDTF reader alone
(``edtf_reader``: the stored text read back when events are loaded, checked or exported), and a
JSON object as its last line.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Callable

from timeline.core.dates.calendar import MONTH_NAMES
from timeline.core.dates.edtf import read_edtf
from timeline.core.dates.parsing import parse


def iso(rng: random.Random) -> str:
    return f"{rng.randint(1000, 2100):04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def english(rng: random.Random) -> str:
    month = rng.choice(MONTH_NAMES)
    return rng.choice(
        [
            f"{rng.randint(1, 28)} {month} {rng.randint(1000, 2100)}",
            f"{month} {rng.randint(1, 28)}, {rng.randint(1000, 2100)}",
            f"{month} {rng.randint(1000, 2100)}",
            f"c. {rng.randint(1000, 2000)}",
            f"spring {rng.randint(1000, 2100)}",
            f"the {rng.randint(100, 202)}0s",
        ]
    )


def bce(rng: random.Random) -> str:
    return rng.choice(
        [
            f"{rng.randint(1, 5000)} BC",
            f"{rng.randint(1, 28)} March {rng.randint(1, 500)} BC",
            f"-{rng.randint(1, 9999):04d}",
        ]
    )


def free_form(rng: random.Random) -> str:
    """Text only python-dateutil reads: the slow path, for comparison."""
    return f"{rng.randint(1, 12)}/{rng.randint(1, 28)}/{rng.randint(1000, 2100)}"


def edtf(rng: random.Random) -> str:
    """EDTF as the file keeps it: what opening, checking and exporting read back."""
    year = rng.randint(-3000, 2100)
    sign, digits = ("-" if year < 0 else ""), f"{abs(year):04d}"
    return rng.choice(
        [
            f"{sign}{digits}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            f"{sign}{digits}-{rng.randint(1, 12):02d}",
            f"{sign}{digits}~",
            f"{sign}{digits}-{rng.randint(1, 12):02d}?",
            f"{digits[:3]}X",
            f"{sign}{digits}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}/{digits}-12-31",
        ]
    )


def throughput(
    make: Callable[[random.Random], str], count: int, read: Callable[[str], object] = parse
) -> float:
    rng = random.Random(1)
    texts = [make(rng) for _ in range(count)]
    started = time.perf_counter()
    for text in texts:
        read(text)
    return count / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description="date parse throughput")
    parser.add_argument("--count", type=int, default=50_000)
    count = parser.parse_args().count
    results = {}
    for name, make in (("iso", iso), ("english", english), ("bce", bce), ("free_form", free_form)):
        results[f"{name}_per_s"] = round(throughput(make, count if name != "free_form" else count // 10))
        print(f"{name:>10}: {results[f'{name}_per_s']:>10,} strings/s")
    name = "edtf_reader"
    results[f"{name}_per_s"] = round(throughput(edtf, count, read_edtf))
    print(f"{name:>10}: {results[f'{name}_per_s']:>10,} strings/s")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
