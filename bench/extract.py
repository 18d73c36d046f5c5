"""How well dates are found in prose: precision and recall over the hand-written evaluation set.

    python -m bench.extract [--verbose]

Each ``tests/data/extract/NAME.txt`` has a ``NAME.json`` beside it with the text's reference date
and the events a careful reader would take from it. A proposal counts as right when its start date
(EDTF, qualifiers included) is the start of an expected event not yet matched in the same text.
Prints one line per text (and, with ``--verbose``, what was missed and what was extra); the last
line is a JSON object, with the speed of reading the whole set repeated to half a million
characters (a long report) as ``characters_per_second``.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from timeline.core.dates.parsing import parse_date
from timeline.core.prose.extract import extract

EVALUATION = Path(__file__).resolve().parent.parent / "tests" / "data" / "extract"


def score(text: str, expected: dict[str, object]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Matched, missed and extra start dates for one text."""
    reference = parse_date(str(expected["reference"]))
    found = Counter(proposal.start.edtf() for proposal in extract(text, reference))
    wanted = Counter(str(event["start"]) for event in expected["events"])  # type: ignore[attr-defined]
    matched = found & wanted
    return matched, wanted - matched, found - matched


def reading_speed(text: str, size: int = 500_000) -> float:
    long_text = "\n\n".join([text] * max(1, size // len(text)))
    started = time.perf_counter()
    extract(long_text, parse_date("2024-06-01"))
    return len(long_text) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list the dates missed and the extra ones")
    options = parser.parse_args()
    totals = Counter[str]()
    started = time.perf_counter()
    texts = sorted(EVALUATION.glob("*.txt"))
    for path in texts:
        expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        matched, missed, extra = score(path.read_text(encoding="utf-8"), expected)
        counts = {"matched": matched.total(), "missed": missed.total(), "extra": extra.total()}
        totals.update(counts)
        print(f"{path.stem:28} {expected['kind']:24} {json.dumps(counts)}")
        if options.verbose:
            for label, dates in (("missed", missed), ("extra", extra)):
                if dates:
                    print(f"    {label}: {', '.join(sorted(dates.elements()))}")
    elapsed = time.perf_counter() - started
    speed = reading_speed("\n\n".join(path.read_text(encoding="utf-8") for path in texts))
    found = totals["matched"] + totals["extra"]
    wanted = totals["matched"] + totals["missed"]
    print(
        json.dumps(
            {
                "texts": len(texts),
                "expected": wanted,
                "proposed": found,
                "precision": round(totals["matched"] / found, 3) if found else 0.0,
                "recall": round(totals["matched"] / wanted, 3) if wanted else 0.0,
                "seconds": round(elapsed, 3),
                "characters_per_second": round(speed),
            }
        )
    )


if __name__ == "__main__":
    main()
