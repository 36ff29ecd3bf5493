"""Checks what headless Chromium made of a dateline page (scripts/test-browser).

Usage: check_page.py SCREENSHOT.png DOM.html PAGE.html

* The screenshot is not blank: many colours, among them the highlight
  colours of GPE entities and of DATE expressions, over enough pixels to be
  marks rather than noise.
* The DOM Chromium built (--dump-dom) holds the expected marks, as many as
  the page's source has (markup that did not nest would be rebuilt
  differently), the timeline, and the markup document as text: no script
  element, and nothing the document's markup would have done.

Standard library only (a small PNG decoder included), so it runs with any
python3.
"""

import html.parser
import struct
import sys
import zlib

GPE = (0xFE, 0xCA, 0x74)  # the page's colour for GPE entities
DATE = (0xA7, 0xE3, 0xB5)  # and for DATE expressions


def decode_png(path):
    """(width, height, rows of RGB tuples) of an 8-bit RGB or RGBA PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    pos, idat, header = 8, [], None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        sys.exit(f"{path}: unexpected PNG format (depth {depth}, colour type {colour})")
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous))
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        elif kind != 0:
            sys.exit(f"{path}: bad PNG filter {kind} on row {y}")
        rows.append([tuple(line[x : x + 3]) for x in range(0, stride, channels)])
        previous = line
    return width, height, rows


class Tags(html.parser.HTMLParser):
    """Counts start tags and keeps each mark's attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.count = {}
        self.marks = []
        self.root = {}
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.count[tag] = self.count.get(tag, 0) + 1
        if tag == "mark":
            self.marks.append(dict(attrs))
        if tag == "html":
            self.root = dict(attrs)

    def handle_data(self, data):
        self.text.append(data)


def parse(path):
    tags = Tags()
    tags.feed(open(path, encoding="utf-8").read())
    return tags


def main():
    png, dom_path, page_path = sys.argv[1:4]
    failures, passed = [], []

    def check(ok, what):
        print(("ok   " if ok else "FAIL ") + what)
        (passed if ok else failures).append(what)

    width, height, rows = decode_png(png)
    counts = {}
    for row in rows:
        for pixel in row:
            counts[pixel] = counts.get(pixel, 0) + 1
    check(width >= 800 and height >= 800, f"screenshot is {width}x{height}")
    check(len(counts) >= 256, f"screenshot has {len(counts)} distinct colours (>= 256: not blank)")
    top = max(counts.values())
    check(top < 0.97 * width * height, f"no one colour covers the screen ({top} pixels)")
    check(counts.get(GPE, 0) >= 200, f"GPE highlight colour on {counts.get(GPE, 0)} pixels")
    check(counts.get(DATE, 0) >= 200, f"DATE highlight colour on {counts.get(DATE, 0)} pixels")

    dom, page = parse(dom_path), parse(page_path)
    entities = [m for m in dom.marks if "ent" in m.get("class", "").split()]
    dates = [m for m in dom.marks if "date" in m.get("class", "").split()]
    check(len(dom.marks) == len(page.marks) > 0, f"{len(dom.marks)} marks in the DOM, {len(page.marks)} in the page")
    # "China" (GPE) and "Chinese" (NORP) share the id.
    china = [m for m in entities if m.get("data-id") == "iso3166-1:CN" and m.get("data-label") == "GPE"]
    check(len(china) >= 10, f"{len(china)} China marks, GPE iso3166-1:CN")
    check(all(m.get("title", "").startswith("GPE · iso3166-1:CN\nsource: gazetteer") for m in china), "China's hover says label, id and source")
    check(any(m.get("data-label") == "NORP" for m in entities), "NORP marks too")
    values = {m.get("data-value") for m in dates}
    check({"2024-09-01", "2024-07-23", "2024-08-02"} <= values, f"date marks with values {sorted(v for v in values if v)}")
    check(all(m.get("title", "").startswith(m.get("data-type", "?") + " · ") for m in dates), "date hovers say type and value")
    check(any("rule: " in m.get("title", "") for m in dates), "date hovers say the rule")
    check(dom.count.get("svg", 0) == 1 and dom.count.get("rect", 0) >= 3, "the timeline is drawn")
    check(dom.count.get("script", 0) == 0 and dom.count.get("img", 0) == 0, "the markup document added no element")
    check("data-ran" not in dom.root, "the markup document ran nothing")
    text = "".join(dom.text)
    check('<script>document.documentElement.setAttribute("data-ran", "script")</script>' in text, "the markup document shows as text")

    # The plain closing line test runners end with.
    print(f"browser: {len(passed)} passed, {len(failures)} failed")
    if failures:
        sys.exit("the page in headless Chromium is not what it should be")


if __name__ == "__main__":
    main()
