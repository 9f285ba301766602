#!/usr/bin/env python3
"""Makes the package icons from the console's own icon, resources/icons/vmeclone.xpm:
vmeclone-48.png and vmeclone-256.png (hicolor), vmeclone.ico (Windows: 16, 32, 48, 256).
The SVG beside them draws the same picture by hand. Run it when the XPM changes:
    python3 packaging/icons/make-icons.py
Only the standard library: the build never needs it, its outputs are committed."""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
XPM = os.path.join(HERE, "..", "..", "resources", "icons", "vmeclone.xpm")


def read_xpm(path):
    text = open(path, encoding="ascii").read()
    rows = [line.split('"')[1] for line in text.splitlines() if line.startswith('"')]
    width, height, ncolors, cpp = (int(x) for x in rows[0].split())
    colors = {}
    for line in rows[1 : 1 + ncolors]:
        key, rest = line[:cpp], line[cpp:].split()
        value = rest[rest.index("c") + 1]
        colors[key] = None if value.lower() == "none" else tuple(int(value[i : i + 2], 16) for i in (1, 3, 5))
    pixels = [[colors[row[x * cpp : (x + 1) * cpp]] for x in range(width)] for row in rows[1 + ncolors :]]
    assert len(pixels) == height
    return pixels


def render(pixels, size, samples=8):
    """Box-filtered RGBA rows of size x size (premultiplied average, then straight alpha)."""
    h, w = len(pixels), len(pixels[0])
    out = []
    for y in range(size):
        row = bytearray()
        for x in range(size):
            r = g = b = a = 0.0
            for sy in range(samples):
                for sx in range(samples):
                    px = pixels[int((y + (sy + 0.5) / samples) * h / size)][int((x + (sx + 0.5) / samples) * w / size)]
                    if px is not None:
                        r, g, b, a = r + px[0], g + px[1], b + px[2], a + 1
            n = samples * samples
            row += bytes((round(r / a), round(g / a), round(b / a), round(255 * a / n)) if a else (0, 0, 0, 0))
        out.append(bytes(row))
    return out


def png(rows):
    size = len(rows)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\0" + r for r in rows)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def ico(images):
    """An .ico whose entries are PNGs (Windows Vista and later read them)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in images:
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def main():
    pixels = read_xpm(XPM)
    for size in (48, 256):
        with open(os.path.join(HERE, f"vmeclone-{size}.png"), "wb") as f:
            f.write(png(render(pixels, size)))
    with open(os.path.join(HERE, "..", "windows", "vmeclone.ico"), "wb") as f:
        f.write(ico([(s, png(render(pixels, s))) for s in (16, 32, 48, 256)]))


if __name__ == "__main__":
    main()
