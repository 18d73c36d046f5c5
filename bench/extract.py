"""How well dates are found in prose: precision and recall, on the tuned texts and on held-out ones.

    python -m bench.extract [--verbose]

Each ``tests/data/extract/NAME.txt`` has a ``NAME.json`` beside it with the text's reference date
and the events a careful reader would take from it; these are the texts the reading rules were
tuned on. ``tests/data/extract/held-out/`` holds real texts written by others, in the same form,
that the rules are never tuned against: their figures say how the reader does on text it has not
seen. A proposal counts as right when its start date (EDTF, qualifiers included) is the start of an
expected event not yet matched in the same text.

Prints one line per text (and, with ``--verbose``, what was missed and what was extra, and each
proposal's title), then one JSON line per set, with how many titles break the title rules (fewer
than 3 or more than 9 words, a first word that is a preposition or an auxiliary, a word cut short),
and a last JSON line with the speed of reading all the texts repeated to half a million characters
(a long report) as ``characters_per_second``.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from pathlib import Path

from timeline.core.dates.parsing import parse_date
from timeline.core.prose.extract import Proposal, extract

TUNED = Path(__file__).resolve().parent.parent / "tests" / "data" / "extract"
HELD_OUT = TUNED / "held-out"
_BAD_FIRST_WORD_TEXT = """
    in on at of by for from to with during since until till after before between through into
    over under about around as than per via is are was were be been being am has have had do does
    did will would shall should can could may might must"""
_BAD_FIRST_WORDS = frozenset(_BAD_FIRST_WORD_TEXT.split())


def score(text: str, expected: dict[str, object]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Matched, missed and extra start dates for one text."""
    matched, missed, extra, _ = _scored(text, expected)
    return matched, missed, extra


def _scored(
    text: str, expected: dict[str, object]
) -> tuple[Counter[str], Counter[str], Counter[str], list[Proposal]]:
    reference = parse_date(str(expected["reference"]))
    proposals = extract(text, reference)
    found = Counter(proposal.start.edtf() for proposal in proposals)
    wanted = Counter(str(event["start"]) for event in expected["events"])  # type: ignore[attr-defined]
    matched = found & wanted
    return matched, wanted - matched, found - matched, proposals


def title_fault(title: str) -> str | None:
    """Why a title breaks the title rules, or None when it keeps them."""
    words = title.split()
    if not 3 <= len(words) <= 9:
        return f"{len(words)} words"
    if words[0].lower() in _BAD_FIRST_WORDS:
        return f"starts with {words[0]!r}"
    if title.endswith("…") or re.search(r"\w[-–]$", title):
        return "cut short"
    return None


def reading_speed(text: str, size: int = 500_000) -> float:
    long_text = "\n\n".join([text] * max(1, size // len(text)))
    started = time.perf_counter()
    extract(long_text, parse_date("2024-06-01"))
    return len(long_text) / (time.perf_counter() - started)


def evaluate(name: str, folder: Path, verbose: bool) -> str:
    """Score every text in ``folder``; print a line per text and return the set's summary text."""
    totals = Counter[str]()
    titles = faults = 0
    texts = sorted(folder.glob("*.txt"))
    for path in texts:
        expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        matched, missed, extra, proposals = _scored(path.read_text(encoding="utf-8"), expected)
        counts = {"matched": matched.total(), "missed": missed.total(), "extra": extra.total()}
        totals.update(counts)
        print(f"{path.stem:36} {expected['kind']:28} {json.dumps(counts)}")
        for proposal in proposals:
            fault = title_fault(proposal.title)
            titles += 1
            faults += fault is not None
            if verbose:
                note = f"   [{fault}]" if fault else ""
                print(f"    {proposal.when.edtf():24} {proposal.title}{note}")
        if verbose:
            for label, dates in (("missed", missed), ("extra", extra)):
                if dates:
                    print(f"    {label}: {', '.join(sorted(dates.elements()))}")
    found = totals["matched"] + totals["extra"]
    wanted = totals["matched"] + totals["missed"]
    return json.dumps(
        {
            "set": name,
            "texts": len(texts),
            "expected": wanted,
            "proposed": found,
            "precision": round(totals["matched"] / found, 3) if found else 0.0,
            "recall": round(totals["matched"] / wanted, 3) if wanted else 0.0,
            "titles": titles,
            "titles_breaking_rules": faults,
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list titles, missed dates and extra ones")
    options = parser.parse_args()
    started = time.perf_counter()
    summaries = [evaluate("tuned", TUNED, options.verbose), evaluate("held-out", HELD_OUT, options.verbose)]
    elapsed = time.perf_counter() - started
    for summary in summaries:
        print(summary)
    texts = sorted(TUNED.glob("*.txt")) + sorted(HELD_OUT.glob("*.txt"))
    speed = reading_speed("\n\n".join(path.read_text(encoding="utf-8") for path in texts))
    print(json.dumps({"seconds": round(elapsed, 3), "characters_per_second": round(speed)}))


if __name__ == "__main__":
    main()
