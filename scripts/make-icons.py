#!/usr/bin/env python3
"""Draws the extension's toolbar icons (www/extension/icons/icon-N.png) with the standard library only.

A blue rounded square holding a white page: three grey text lines and one highlighted (yellow) line,
i.e. "the article, with its facts marked". Run: python3 scripts/make-icons.py
"""
import os
import struct
import zlib

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "www", "extension", "icons")
BLUE, WHITE, GREY, YELLOW = (31, 95, 191, 255), (255, 255, 255, 255), (150, 156, 170, 255), (255, 201, 51, 255)
CLEAR = (0, 0, 0, 0)


def draw(n):
    s = 4  # supersampling factor
    N = n * s
    px = [[CLEAR] * N for _ in range(N)]
    r = N * 0.18

    def inside_round(x, y, x0, y0, x1, y1, rad):
        cx = min(max(x, x0 + rad), x1 - rad)
        cy = min(max(y, y0 + rad), y1 - rad)
        return (x - cx) ** 2 + (y - cy) ** 2 <= rad * rad

    def rect(x0, y0, x1, y1, color, rad=0.0):
        for y in range(int(y0), int(y1 + 0.999)):
            for x in range(int(x0), int(x1 + 0.999)):
                if 0 <= x < N and 0 <= y < N and inside_round(x + 0.5, y + 0.5, x0, y0, x1, y1, rad):
                    px[y][x] = color

    rect(0, 0, N, N, BLUE, r)
    rect(N * 0.22, N * 0.14, N * 0.78, N * 0.86, WHITE, N * 0.05)
    lh = N * 0.075
    for i, (w, c) in enumerate([(0.44, GREY), (0.44, YELLOW), (0.44, GREY), (0.30, GREY)]):
        y = N * (0.27 + i * 0.15)
        rect(N * 0.30, y, N * (0.30 + w), y + lh, c, lh / 2)
    # Downsample (box filter) to n x n.
    rows = []
    for y in range(n):
        row = bytearray([0])
        for x in range(n):
            acc = [0, 0, 0, 0]
            for dy in range(s):
                for dx in range(s):
                    p = px[y * s + dy][x * s + dx]
                    a = p[3]
                    for k in range(3):
                        acc[k] += p[k] * a
                    acc[3] += a
            a = acc[3]
            row += bytes([acc[0] // a, acc[1] // a, acc[2] // a, a // (s * s)] if a else [0, 0, 0, 0])
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(kind, data):
        c = kind + data
        return struct.pack(">I", len(data)) + c + struct.pack(">I", zlib.crc32(c) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", n, n, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for n in (16, 32, 48, 128):
        path = os.path.join(OUT, f"icon-{n}.png")
        with open(path, "wb") as f:
            f.write(draw(n))
        print(f"wrote {os.path.relpath(path)}")
