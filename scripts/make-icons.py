#!/usr/bin/python3
"""Draws the extension's icons: one per command, 16 and 26 px, normal and high contrast.

    /usr/bin/python3 scripts/make-icons.py [OUT_DIR (extension/icons)]

Writes <name>_16.png, <name>_26.png, <name>_16_hc.png and <name>_26_hc.png for each command
(highlight, claims, footnotes, clear, sources, help, about) and for the extension itself (attrib). Geometry
only, no fonts: every shape is drawn at 8x on a 128 x 128 (or 208 x 208) canvas and reduced with
a box filter, so the output depends on nothing but Pillow (Debian's python3-pil) and is the same
on every run; tests/writer checks that the committed files are what this script writes.

Normal icons have a dark outline around light fills, so they read on light and on dark toolbars
(LibreOffice 7.4 shows the normal images in every theme: it reads the Addons' ImageSmallHCURL /
ImageBigHCURL but does not use them). The _hc variants — white and yellow on transparent, for
black high-contrast themes — are listed in Addons.xcu anyway, and the Extension Manager does use
the extension's high-contrast icon (description.xml <icon><high-contrast>).
"""
import os
import sys

from PIL import Image, ImageDraw

SCALE = 8

# Normal palette: dark ink outline, saturated light fills.
INK = (38, 50, 72, 255)
PAPER = (255, 255, 255, 255)
YELLOW = (255, 214, 0, 255)
ORANGE = (238, 118, 0, 255)
BLUE = (40, 110, 210, 255)
PINK = (236, 112, 140, 255)
GREY = (120, 130, 145, 255)
GREEN = (30, 140, 90, 255)
# High contrast: white and yellow on a black theme.
HC_INK = (255, 255, 255, 255)
HC_FILL = (0, 0, 0, 255)
HC_MARK = (255, 255, 0, 255)


class Pen:
    """Draws in a 16-unit coordinate system on an 8x canvas of `px` pixels (16 or 26)."""

    def __init__(self, px, hc):
        self.px = px
        self.hc = hc
        self.k = px * SCALE / 16.0
        self.img = Image.new("RGBA", (px * SCALE, px * SCALE), (0, 0, 0, 0))
        self.d = ImageDraw.Draw(self.img)

    def _p(self, pts):
        return [(x * self.k, y * self.k) for x, y in pts]

    def _w(self, w):
        return max(1, int(round(w * self.k)))

    def ink(self):
        return HC_INK if self.hc else INK

    def fill(self, colour):
        return HC_MARK if self.hc else colour

    def rect(self, x0, y0, x1, y1, fill, outline=None, width=1.0, radius=0.0):
        box = self._p([(x0, y0), (x1, y1)])
        self.d.rounded_rectangle(box, radius=radius * self.k, fill=fill, outline=outline,
                                 width=self._w(width) if outline else 0)

    def poly(self, pts, fill, outline=None, width=1.0):
        self.d.polygon(self._p(pts), fill=fill)
        if outline:
            self.line(pts + [pts[0]], outline, width)

    def line(self, pts, colour, width=1.0):
        self.d.line(self._p(pts), fill=colour, width=self._w(width), joint="curve")

    def disc(self, cx, cy, r, fill, outline=None, width=1.0):
        box = self._p([(cx - r, cy - r), (cx + r, cy + r)])
        self.d.ellipse(box, fill=fill, outline=outline, width=self._w(width) if outline else 0)

    def done(self):
        return self.img.resize((self.px, self.px), Image.BOX)


def quote_mark(p, x, y, size, colour):
    """An opening double quote “ : two filled discs with a tail up and to the right."""
    for dx in (0.0, size * 1.15):
        cx, cy, r = x + dx + size * 0.45, y + size * 0.95, size * 0.45
        p.disc(cx, cy, r, colour)
        p.poly([(cx - r, cy), (cx - r * 0.2, y), (cx + r * 0.9, y + size * 0.15),
                (cx + r * 0.2, cy - r * 0.6)], colour)


def highlight(p):
    # A highlighter stroke with a quotation on it.
    p.rect(1.0, 4.0, 15.0, 12.5, p.fill(YELLOW), p.ink(), 1.1, radius=1.5)
    quote_mark(p, 3.0, 5.4, 2.6, p.ink())
    p.line([(9.2, 8.2), (13.0, 8.2)], p.ink(), 1.3)
    p.line([(9.2, 10.6), (12.0, 10.6)], p.ink(), 1.3)


def claims(p):
    # Lines of text, the middle one underlined with a wavy orange line, and a "!" flag. Grey
    # text lines: they read on light and on dark toolbars.
    text = HC_INK if p.hc else GREY
    p.line([(1.5, 2.8), (10.0, 2.8)], text, 1.4)
    p.line([(1.5, 6.6), (10.0, 6.6)], text, 1.4)
    wave = [(1.5 + i * 0.75, 9.4 + (0.8 if i % 4 == 1 else -0.8 if i % 4 == 3 else 0.0))
            for i in range(13)]
    p.line(wave, p.fill(ORANGE), 1.3)
    p.line([(1.5, 13.4), (7.5, 13.4)], text, 1.4)
    p.rect(11.2, 1.2, 15.0, 10.2, p.fill(ORANGE), p.ink(), 0.9, radius=1.4)
    mark = HC_FILL if p.hc else PAPER
    p.line([(13.1, 2.9), (13.1, 6.6)], mark, 1.4)
    p.disc(13.1, 8.4, 0.75, mark)


def footnotes(p):
    # A page: text lines, a superscript marker, the footnote rule and note at the bottom.
    ink = p.ink()
    p.poly([(2.5, 0.8), (11.0, 0.8), (13.8, 3.6), (13.8, 15.2), (2.5, 15.2)],
           HC_FILL if p.hc else PAPER, ink, 1.0)
    p.line([(11.0, 0.8), (11.0, 3.6), (13.8, 3.6)], ink, 0.8)
    p.line([(4.3, 4.0), (9.0, 4.0)], GREY if not p.hc else ink, 1.1)
    p.line([(4.3, 6.6), (9.6, 6.6)], GREY if not p.hc else ink, 1.1)
    p.disc(11.3, 5.8, 1.35, p.fill(BLUE))
    p.line([(4.3, 10.4), (8.5, 10.4)], ink, 0.9)
    p.disc(5.1, 12.9, 0.95, p.fill(BLUE))
    p.line([(6.9, 12.9), (12.0, 12.9)], ink, 1.1)


def clear(p):
    # An eraser over a highlight mark.
    ink = p.ink()
    p.rect(1.0, 10.0, 9.5, 14.5, p.fill(YELLOW), ink, 0.9, radius=1.0)
    body = [(6.0, 11.6), (12.6, 2.0), (15.4, 4.6), (8.8, 14.2)]
    p.poly(body, HC_FILL if p.hc else PINK, ink, 1.0)
    p.poly([(6.0, 11.6), (8.6, 7.8), (11.4, 10.4), (8.8, 14.2)], HC_INK if p.hc else PAPER,
           ink, 1.0)


def about(p):
    # A blue disc with a white "i".
    p.disc(8.0, 8.0, 7.0, HC_FILL if p.hc else BLUE, p.ink(), 1.0)
    mark = HC_MARK if p.hc else PAPER
    p.disc(8.0, 4.6, 1.25, mark)
    p.rect(6.9, 6.9, 9.1, 12.6, mark, radius=0.6)


def sources(p):
    # A sheet with a table: a header row and three rows, the first cell of each a speaker's
    # colour.
    ink = p.ink()
    p.rect(1.5, 1.5, 14.5, 14.5, HC_FILL if p.hc else PAPER, ink, 1.0, radius=1.0)
    p.rect(1.5, 1.5, 14.5, 4.5, HC_FILL if p.hc else GREY, ink, 1.0, radius=1.0)
    for i, colour in enumerate((YELLOW, BLUE, PINK)):
        y = 6.0 + i * 2.9
        p.rect(3.0, y, 6.0, y + 1.9, p.fill(colour))
        p.line([(7.2, y + 0.95), (13.0, y + 0.95)], ink, 0.9)


def help_page(p):
    # A green disc with a white question mark.
    p.disc(8.0, 8.0, 7.0, HC_FILL if p.hc else GREEN, p.ink(), 1.0)
    mark = HC_MARK if p.hc else PAPER
    p.line([(5.6, 6.0), (6.0, 4.4), (8.0, 3.6), (10.0, 4.4), (10.4, 6.0), (9.6, 7.4),
            (8.0, 8.4), (8.0, 10.0)], mark, 1.6)
    p.disc(8.0, 12.4, 1.1, mark)


def attrib(p):
    # The extension's own icon: a speech bubble holding a quotation.
    ink = p.ink()
    p.rect(0.8, 1.5, 15.2, 11.8, HC_FILL if p.hc else PAPER, ink, 1.1, radius=2.5)
    p.poly([(4.0, 11.0), (3.2, 15.2), (8.2, 11.0)], HC_FILL if p.hc else PAPER)
    p.line([(4.0, 11.8), (3.2, 15.2), (8.2, 11.8)], ink, 1.1)
    p.rect(3.0, 4.0, 13.0, 9.4, p.fill(YELLOW), radius=1.0)
    quote_mark(p, 4.6, 4.6, 2.2, ink)
    p.line([(10.0, 7.6), (11.8, 7.6)], ink, 1.2)


ICONS = {"highlight": highlight, "claims": claims, "footnotes": footnotes, "clear": clear,
         "sources": sources, "help": help_page, "about": about, "attrib": attrib}


def main(argv):
    out = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(__file__), "..",
                                                     "extension", "icons")
    os.makedirs(out, exist_ok=True)
    for name, draw in ICONS.items():
        for px in (16, 26):
            for hc in (False, True):
                pen = Pen(px, hc)
                draw(pen)
                path = os.path.join(out, "%s_%d%s.png" % (name, px, "_hc" if hc else ""))
                # No timestamps or text chunks: the same bytes on every run.
                pen.done().save(path, optimize=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
