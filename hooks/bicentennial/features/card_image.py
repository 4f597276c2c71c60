"""Draw one link-preview card: a 1200×630 PNG in the site's colours, with Pillow.

The layout, top to bottom: the item's kind and number in the site's red
("Joint Objective 2.1.3"), its text in navy, as large as it fits (84 px down
to 44 px, lines balanced, cut at a word with "…" only when even the smallest
size cannot hold it), an optional second text (a goal's statement: whole if
it fits in five lines, else cut), and a navy band with the framework's short
name and the language; the text block is centred above the band. Previews
are often shown a third of this size on a phone, so no text is drawn under
38 px (about 13 px there).

The font is Atkinson Hyperlegible (the Braille Institute's, OFL-1.1),
designed to stay legible small; it ships as a wheel (fontpkg), so nothing is
fetched at build time. The image is drawn in RGB and mapped to a fixed
4-bit palette (white, navy, red and three tints of each for the anti-aliased
edges), about 12–20 KB a card (level-9 zlib would save 6% at ten times the
time). Nothing in it depends on the time or the machine beyond the pinned
Pillow, font and zlib, so builds stay byte-identical.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from pathlib import Path

import fontpkg
from PIL import Image, ImageDraw, ImageFont, features

from bicentennial import files

WIDTH, HEIGHT = 1200, 630
NAVY, RED, WHITE = (0x13, 0x31, 0x5C), (0x8C, 0x1C, 0x13), (0xFF, 0xFF, 0xFF)  # bf.css: primary, accent
FAMILY = "Atkinson Hyperlegible"
MARGIN, TOP = 72, 60
BAND, STRIPE = 112, 8                 # the footer band and the red stripe above it
EYEBROW, FOOTER, DETAIL = 44, 40, 38  # font sizes, px
HEADLINE = (84, 76, 70, 64, 58, 54, 50, 46, 44)
DETAIL_LINES = 5
LEADING = 1.22
ELLIPSIS = "…"
_ENGINE = ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC


@dataclass(frozen=True)
class Drawn:
    """What a card shows (each field as drawn; `eyebrow` and `detail` may be empty)."""

    eyebrow: str
    headline: str
    detail: str
    footer: str
    language: str


@functools.cache
def _font(size: int, bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(fontpkg.path(FAMILY, weight=700 if bold else 400)), size, layout_engine=_ENGINE)


@functools.cache
def fingerprint() -> str:
    """Everything but the text that decides a card's pixels: this module, the fonts, Pillow and its layout."""
    import PIL
    return files.fingerprint(Path(__file__), *(fontpkg.path(FAMILY, weight=weight) for weight in (400, 700)),
                             versions=f"{PIL.__version__} {_ENGINE.name} {features.version('zlib')}")


def _palette() -> Image.Image:
    tints = [tuple(round(w + (c - w) * k / 4) for w, c in zip(WHITE, color)) for color in (NAVY, RED) for k in (1, 2, 3)]
    colors = [WHITE, NAVY, RED, *tints]
    colors += [WHITE] * (16 - len(colors))
    image = Image.new("P", (1, 1))
    image.putpalette([channel for color in colors for channel in color])
    return image


_PALETTE = _palette()


@functools.cache
def _word(size: int, bold: bool, word: str) -> float:
    return _font(size, bold).getlength(word)


class Measure:
    """Widths of words in one font size, cached (the same words recur across 8,000 cards at 100×)."""

    def __init__(self, size: int, bold: bool):
        self.size, self.bold = size, bold
        self.space = _word(size, bold, " ")

    def __call__(self, words: list[str]) -> float:
        return sum(_word(self.size, self.bold, w) for w in words) + self.space * (len(words) - 1)


def wrap(text: str, measure: Measure, width: float) -> list[str]:
    """Greedy word wrap to `width` pixels (a word wider than a line is split where it must be)."""
    lines: list[list[str]] = []
    current: list[str] = []
    for word in text.split():
        if measure(current + [word]) <= width:
            current.append(word)
            continue
        if current:
            lines.append(current)
        while measure([word]) > width:  # a very long word: as many characters as fit
            cut = max(1, next((i for i in range(len(word) - 1, 0, -1) if measure([word[:i]]) <= width), 1))
            lines.append([word[:cut]])
            word = word[cut:]
        current = [word]
    if current:
        lines.append(current)
    return [" ".join(line) for line in lines]


def balance(text: str, measure: Measure, width: float) -> list[str]:
    """As many lines as `wrap` gives, but as even as they can be (no lone last word)."""
    count = len(wrap(text, measure, width))
    low, high = width / 2, width
    while high - low > 4:
        mid = (low + high) / 2
        low, high = (low, mid) if len(wrap(text, measure, mid)) <= count else (mid, high)
    return wrap(text, measure, high)


def shorten(lines: list[str], count: int, measure: Measure, width: float) -> list[str]:
    """The first `count` lines, the last ending in "…" if anything was left out."""
    if len(lines) <= count:
        return lines
    if count <= 0:
        return []
    kept = lines[:count]
    words = kept[-1].split()
    while words and measure(words[:-1] + [words[-1].rstrip(" ,;:.") + ELLIPSIS]) > width:
        words.pop()
    kept[-1] = " ".join(words).rstrip(" ,;:.") + ELLIPSIS
    return kept


@dataclass(frozen=True)
class Layout:
    top: int                # where the eyebrow (or the headline) starts
    size: int               # the headline's font size
    headline: list[str]
    detail: list[str]


def layout(card: Drawn) -> Layout:
    """The largest headline that fits with the whole detail (else with two lines of it), centred above the band."""
    width = WIDTH - 2 * MARGIN - 4  # 4 px to spare: words are measured one by one
    eyebrow = round(EYEBROW * LEADING) + 16 if card.eyebrow else 0
    space = HEIGHT - BAND - STRIPE - 40 - TOP - eyebrow
    small = Measure(DETAIL, False)
    detail = balance(card.detail, small, width) if card.detail else []
    detail_line = round(DETAIL * LEADING)
    chosen = None
    passes = ([(len(detail), False)] if len(detail) <= DETAIL_LINES else []) + [(min(2, len(detail)), True)]
    for need, cut in passes:  # the whole detail if it can be had, else at least two lines of it
        for size in HEADLINE:
            big = Measure(size, True)
            left = space - len(wrap(card.headline, big, width)) * round(size * LEADING)
            room = min(DETAIL_LINES, (left - 20) // detail_line) if detail else 0
            if left >= 0 and room >= need:
                kept = shorten(wrap(card.detail, small, width), room, small, width) if cut else detail
                chosen = size, balance(card.headline, big, width), kept
                break
        if chosen:
            break
    if chosen is None:  # too long even at the smallest size: cut it short
        size = HEADLINE[-1]
        big = Measure(size, True)
        chosen = size, shorten(wrap(card.headline, big, width), space // round(size * LEADING), big, width), []
    size, headline, kept = chosen
    height = eyebrow + len(headline) * round(size * LEADING) + (20 + len(kept) * detail_line if kept else 0)
    return Layout(top=TOP + max(0, (space + eyebrow - height) // 2), size=size, headline=headline, detail=kept)


def draw(card: Drawn) -> bytes:
    """The card as PNG bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), WHITE)
    pen = ImageDraw.Draw(image)
    band = HEIGHT - BAND
    pen.rectangle((0, band - STRIPE, WIDTH, band), fill=RED)
    pen.rectangle((0, band, WIDTH, HEIGHT), fill=NAVY)
    plan = layout(card)
    y = plan.top
    if card.eyebrow:
        pen.text((MARGIN, y), card.eyebrow, font=_font(EYEBROW, True), fill=RED)
        y += round(EYEBROW * LEADING) + 16
    for line in plan.headline:
        pen.text((MARGIN, y), line, font=_font(plan.size, True), fill=NAVY)
        y += round(plan.size * LEADING)
    y += 20
    for line in plan.detail:
        pen.text((MARGIN, y), line, font=_font(DETAIL, False), fill=NAVY)
        y += round(DETAIL * LEADING)
    middle = band + BAND // 2
    pen.text((MARGIN, middle), card.footer, font=_font(FOOTER, True), fill=WHITE, anchor="lm")
    pen.text((WIDTH - MARGIN, middle), card.language, font=_font(FOOTER, False), fill=WHITE, anchor="rm")
    out = io.BytesIO()
    image.quantize(palette=_PALETTE, dither=Image.Dither.NONE).save(out, "PNG", compress_level=6)
    return out.getvalue()
