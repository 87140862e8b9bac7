"""Copy the self-hosted fonts from the npm @fontsource packages into the theme.

Run after `npm install --ignore-scripts` when the font packages change:
    .venv/bin/python scripts/vendor_fonts.py
The files are committed, so building a site never needs npm or the network.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ROOT / "node_modules" / "@fontsource"
TARGET = ROOT / "theme" / "overrides" / "assets" / "fonts"
# The subsets the shipped languages need (Latin with diacritics, Cyrillic, Arabic).
SUBSETS = {
    "noto-sans": ("latin", "latin-ext", "cyrillic", "cyrillic-ext"),
    "noto-sans-arabic": ("arabic",),
}
WEIGHTS = (400, 700)
BLOCK = re.compile(r"/\* ([\w-]+) \*/\n(@font-face \{.*?\n\})", re.DOTALL)
SRC = re.compile(r"src: url\(\./files/([\w-]+\.woff2)\) format\('woff2'\)[^;]*;")


def main() -> None:
    """Write fonts.css and the woff2 files it names."""
    if TARGET.exists():
        shutil.rmtree(TARGET)
    TARGET.mkdir(parents=True)
    blocks = ["/* Noto Sans and Noto Sans Arabic (SIL Open Font License 1.1), from @fontsource. */"]
    for package, subsets in SUBSETS.items():
        for weight in WEIGHTS:
            text = (PACKAGES / package / f"{weight}.css").read_text(encoding="utf-8")
            wanted = {f"{package}-{subset}-{weight}-normal" for subset in subsets}
            for name, block in BLOCK.findall(text):
                if name not in wanted:
                    continue
                for file in SRC.findall(block):
                    shutil.copy(PACKAGES / package / "files" / file, TARGET / file)
                fixed = SRC.sub(lambda m: f"src: url(\"{m.group(1)}\") format('woff2');", block)
                blocks.append(f"/* {name} */\n{fixed}")
    shutil.copy(PACKAGES / "noto-sans" / "LICENSE", TARGET / "OFL.txt")
    (TARGET / "fonts.css").write_text("\n\n".join(blocks) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
