"""TrueType copies of the CJK font for printing the handbook PDF.

Debian's Noto Sans CJK (fonts-noto-cjk) has PostScript (CFF) outlines, which Chromium's PDF backend cannot
embed as fonts: it draws every glyph as a Type 3 procedure instead. That makes the PDF large, and because it
maps each glyph back to the first code point that uses it, text copied or searched in the PDF comes out as
Kangxi radicals (⾯ U+2F8D instead of 面 U+9762), so searching the PDF for 面试 finds nothing.

So the PDF build subsets Noto Sans CJK SC (Regular and Bold) to the characters the handbook uses, converts the
outlines to TrueType (fontTools' cu2qu, within 1 font unit) and gives them to Chromium through a private
fontconfig file that hides the original CFF collections. Every lookup of Noto Sans CJK, from the site's CSS
or from a notebook figure's SVG text, then finds the TrueType copy, which Chromium embeds as a subset
TrueType font with a correct ToUnicode map. Kangxi and CJK compatibility code points are left out of the
copies so that no shared glyph maps back to them.
"""

from __future__ import annotations

import subprocess
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

FAMILY = "Noto Sans CJK SC"
STYLES = ("Regular", "Bold")
ALWAYS = {chr(code) for code in range(0x20, 0x7F)} | set("　、。，．：；？！“”‘’（）《》【】—…·")
EXCLUDED_RANGES = ((0x2E80, 0x2FDF), (0xF900, 0xFAFF))  # CJK radicals, Kangxi radicals, compatibility ideographs


class FontError(Exception):
    pass


def find_font(style: str) -> tuple[Path, int]:
    """(collection file, face index) of Noto Sans CJK SC in `style`, as fontconfig knows it."""
    try:
        found = subprocess.run(
            ["fc-match", "--format=%{family}\n%{style}\n%{file}\n%{index}", f"{FAMILY}:style={style}"],
            capture_output=True, text=True, check=True,
        ).stdout.split("\n")
    except (OSError, subprocess.CalledProcessError) as error:
        raise FontError(f"fontconfig's fc-match failed ({error}); install fontconfig and fonts-noto-cjk") from error
    if len(found) < 4 or FAMILY not in found[0].split(",") or style not in found[1].split(","):
        raise FontError(f"{FAMILY} {style} is not installed (fontconfig offers {found[:2]}); install fonts-noto-cjk")
    return Path(found[2]), int(found[3])


def convert(source: Path, index: int, characters: str, output: Path) -> None:
    """Subset one face of a CFF collection to `characters` and save it with TrueType (glyf) outlines."""
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(source, fontNumber=index, lazy=False)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(character) for character in characters])
    subsetter.subset(font)

    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    font.sfntVersion = "\x00\x01\x00\x00"
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.save(output)


def fontconfig_file(texts: list[str], work: Path) -> Path:
    """Make the TrueType copies for `texts` in `work` and return a fontconfig file that serves them instead
    of the installed CFF Noto CJK fonts (pass it to Chromium as FONTCONFIG_FILE)."""
    characters = set(ALWAYS)
    for text in texts:
        characters.update(text)
    characters = "".join(sorted(
        character for character in characters
        if ord(character) >= 0x20 and not any(low <= ord(character) <= high for low, high in EXCLUDED_RANGES)
    ))
    sources = {style: find_font(style) for style in STYLES}
    fonts = work / "fonts"
    fonts.mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(max_workers=len(STYLES)) as pool:
        jobs = [pool.submit(convert, path, index, characters, fonts / f"handbook-cjk-{style.lower()}.ttf")
                for style, (path, index) in sources.items()]
        for job in jobs:
            job.result()
    originals = sorted({str(path.parent / "Noto*CJK*") for path, _ in sources.values()})
    rejected = "".join(f"<glob>{pattern}</glob>" for pattern in originals)
    config = work / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
        f"  <cachedir>{work / 'cache'}</cachedir>\n"
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{fonts}</dir>\n"
        f"  <selectfont><rejectfont>{rejected}</rejectfont></selectfont>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return config
