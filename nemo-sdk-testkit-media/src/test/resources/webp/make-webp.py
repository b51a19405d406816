#!/usr/bin/env python3
"""Makes the animated WebP test files from frames drawn here (standard library only).

Run from this directory:  python3 make-webp.py   (needs img2webp from Debian's `webp` package;
the committed files were made with img2webp 1.2.4). Writes frame-N.png (the reference frames, RGBA
48x32), anim-lossless.webp and anim-lossy.webp.
"""
import struct
import subprocess
import zlib

W, H = 48, 32
DURATIONS = [80, 120, 200, 40, 60]


def png(path, px):
    raw = b"".join(b"\0" + bytes(c for p in px[y * W:(y + 1) * W] for c in p) for y in range(H))

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 6, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def background():
    return [(x * 5, y * 7, 128, 255) for y in range(H) for x in range(W)]


def square(px, x0, y0, size, colour):
    for y in range(y0, y0 + size):
        for x in range(x0, x0 + size):
            px[y * W + x] = colour


def frames():
    f0 = background()
    square(f0, 4, 4, 8, (255, 0, 0, 255))
    f1 = background()
    square(f1, 20, 10, 8, (255, 0, 0, 255))
    f2 = list(f1)
    for y in range(H):
        for x in range(24, W):
            f2[y * W + x] = (0, 0, 0, 0) if not 12 <= y < 20 else (0, 200, 0, 128)
    f3 = [(0, 0, 0, 0)] * (W * H)
    square(f3, 40, 24, 4, (0, 0, 255, 255))
    f4 = list(f3)
    square(f4, 2, 2, 4, (0, 255, 0, 64))
    square(f4, 10, 10, 2, (255, 255, 0, 255))
    return [f0, f1, f2, f3, f4]


def main():
    names = []
    for i, f in enumerate(frames()):
        name = "frame-%d.png" % i
        png(name, f)
        names.append(name)
    for mode, out in (("-lossless", "anim-lossless.webp"), ("-lossy", "anim-lossy.webp")):
        args = ["img2webp", "-loop", "0"]
        for name, d in zip(names, DURATIONS):
            args += ["-d", str(d), mode] + (["-q", "90"] if mode == "-lossy" else []) + [name]
        subprocess.run(args + ["-o", out], check=True)


if __name__ == "__main__":
    main()
