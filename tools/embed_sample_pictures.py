"""Put the sample's own drawings (``resources/sample-pictures/*.svg``) into the sample timeline.

The drawings are plain SVG written for the project (its licence, MIT); this script reads each
one as the app would (checked, thumbnailed by Qt's SVG renderer) and writes it, with its
caption and credit, into ``resources/sample.timeline.json``. Run it after changing a drawing:

    python3 -m tools.embed_sample_pictures
"""

from __future__ import annotations

import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample.timeline.json"
PICTURES = ROOT / "resources" / "sample-pictures"
CREDIT = "Drawing made for the Timeline sample (MIT licence)"

SHOWN = {
    "Bucharest summit declaration": ("summit.svg", "Leaders of the alliance around one table"),
    "Minsk II agreement": ("agreement.svg", "A package of measures, signed in Minsk"),
    "Full-scale invasion of Ukraine": ("sunflowers.svg", "A sunflower field under a blue sky"),
    "Strikes on Ukraine's power grid": ("grid.svg", "A power line over a city without light"),
    "Vilnius summit": ("skyline.svg", "Vilnius, with the tower of its upper castle"),
}


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from timeline.io.pictures import image_json
    from timeline.ui.pictures import read_picture

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - draws the SVGs
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    images = {}
    for event in data["events"]:
        event.pop("images", None)
        if event["title"] in SHOWN:
            name, caption = SHOWN[event["title"]]
            image = read_picture(PICTURES / name)
            images[image.sha256] = image_json(image)
            event["images"] = [{"sha256": image.sha256, "caption": caption, "credit": CREDIT}]
    data["images"] = list(images.values())
    SAMPLE.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
