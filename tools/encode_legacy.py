#!/usr/bin/env python3
"""Encode a UTF-8 text file into a legacy Vietnamese encoding, exactly as vnplan decodes it.

    tools/encode_legacy.py ENCODING INPUT [OUTPUT]     # OUTPUT defaults to stdout
    tools/encode_legacy.py --all INPUT                 # INPUT stem + ".<encoding>.txt" for each

ENCODING is one of: tcvn3, vni, viscii, windows-1258, utf-16le, utf-16be, utf-8-bom.
For every encoding, vnplan's decoder applied to the output gives back the input up to Unicode
normalization (NFC), with one exception: TCVN3 (the "ABC" fonts) has no codes for capital
toned vowels (capitals came from a separate font face), so those are written as their
lowercase codes; its seven untoned capitals Ă Â Ê Ô Ơ Ư Đ are kept. The decoder raises them
back inside words that show they are in capitals ("HOẠCH"), not elsewhere ("Kế", "ủy ban"):
compare TCVN3 round trips case-insensitively.

The byte tables mirror src/ingest/legacy_tables.cc:
  - tcvn3: VN3 codes 0xA0..0xFE; curly quotes and dashes as in Windows-1252 (0x91..0x97).
  - vni: a vowel with a mark is its ASCII base letter and one mark byte; ơ ư đ, the toned i and
    ỵ are one byte each; other symbols as in Windows-1252.
  - viscii: glibc iconv's VISCII.
  - windows-1258: Python's cp1258; a letter it has no code for is written as the base letter
    (with its circumflex, breve or horn, when cp1258 has that) followed by a combining tone.
A character the target cannot hold makes the tool fail, naming its line and column.
Python 3 standard library only (plus the iconv program for viscii).
"""

import os
import subprocess
import sys
import unicodedata

ENCODINGS = ["tcvn3", "vni", "viscii", "windows-1258", "utf-16le", "utf-16be", "utf-8-bom"]

TONES = {"\u0301": 1, "\u0300": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}  # sắc huyền hỏi ngã nặng

# TCVN3: code -> character, for the letters VN3 defines.
TCVN3_CODES = {
    0xA0: "\u00a0", 0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}
TCVN3 = {ch: bytes([code]) for code, ch in TCVN3_CODES.items()}

# VNI mark bytes (lowercase, uppercase) by (vowel mark, tone).
VNI_MARKS = {
    ("", 1): (0xF9, 0xD9), ("", 2): (0xF8, 0xD8), ("", 3): (0xFB, 0xDB),
    ("", 4): (0xF5, 0xD5), ("", 5): (0xEF, 0xCF),
    ("^", 0): (0xE2, 0xC2), ("^", 1): (0xE1, 0xC1), ("^", 2): (0xE0, 0xC0),
    ("^", 3): (0xE5, 0xC5), ("^", 4): (0xE3, 0xC3), ("^", 5): (0xE4, 0xC4),
    ("(", 0): (0xEA, 0xCA), ("(", 1): (0xE9, 0xC9), ("(", 2): (0xE8, 0xC8),
    ("(", 3): (0xFA, 0xDA), ("(", 4): (0xFC, 0xDC), ("(", 5): (0xEB, 0xCB),
}
# VNI letters written with one byte (lowercase, uppercase).
VNI_SINGLE = {
    ("d", "-", 0): (0xF1, 0xD1), ("o", "+", 0): (0xF4, 0xD4), ("u", "+", 0): (0xF6, 0xD6),
    ("i", "", 1): (0xED, 0xCD), ("i", "", 2): (0xEC, 0xCC), ("i", "", 3): (0xE6, 0xC6),
    ("i", "", 4): (0xF3, 0xD3), ("i", "", 5): (0xF2, 0xD2), ("y", "", 5): (0xEE, 0xCE),
}
VNI_HORN_BASE = {"o": (0xF4, 0xD4), "u": (0xF6, 0xD6)}  # ơ ư carry tones as a second byte
# Bytes of 0xC0..0xFF that VNI leaves to Windows-1252 (Ç Ð × Ý Þ ß ç ð ÷ ý þ ÿ).
VNI_UNUSED = {0xC7, 0xD0, 0xD7, 0xDD, 0xDE, 0xDF, 0xE7, 0xF0, 0xF7, 0xFD, 0xFE, 0xFF}
MARK_OF = {"\u0302": "^", "\u0306": "(", "\u031b": "+"}


class EncodeError(Exception):
    pass


def split_letter(ch):
    """(base, vowel mark, tone, upper) for a Vietnamese letter, or None."""
    if ch in "đĐ":
        return ("d", "-", 0, ch == "Đ")
    decomposed = unicodedata.normalize("NFD", ch)
    base = decomposed[0]
    if not ("a" <= base.lower() <= "z") or len(decomposed) == 1:
        return None
    mark, tone = "", 0
    for c in decomposed[1:]:
        if c in TONES and tone == 0:
            tone = TONES[c]
        elif c in MARK_OF and mark == "":
            mark = MARK_OF[c]
        else:
            return None
    return (base.lower(), mark, tone, base.isupper())


def cp1252_byte(ch):
    try:
        return ch.encode("cp1252")
    except UnicodeEncodeError:
        return None


def encode_tcvn3(ch):
    if ch < "\x80":
        return ch.encode("ascii")
    if ch in TCVN3:
        return TCVN3[ch]
    if ch.lower() in TCVN3 and ch.isupper():
        return TCVN3[ch.lower()]  # no capital toned vowels in VN3
    b = cp1252_byte(ch)
    if b is not None and 0x80 <= b[0] <= 0x9F:
        return b
    return None


def encode_vni(ch):
    if ch < "\x80":
        return ch.encode("ascii")
    parts = split_letter(ch)
    if parts is not None:
        base, mark, tone, upper = parts
        u = 1 if upper else 0
        if (base, mark, tone) in VNI_SINGLE:
            return bytes([VNI_SINGLE[(base, mark, tone)][u]])
        if mark == "+" and base in VNI_HORN_BASE:
            return bytes([VNI_HORN_BASE[base][u], VNI_MARKS[("", tone)][u]])
        if (mark, tone) in VNI_MARKS and base in "aeouy":
            return (base.upper() if upper else base).encode("ascii") + bytes(
                [VNI_MARKS[(mark, tone)][u]])
        return None
    b = cp1252_byte(ch)
    if b is not None and (b[0] < 0xC0 or b[0] in VNI_UNUSED):
        return b
    return None


def encode_cp1258(ch):
    try:
        return ch.encode("cp1258")
    except UnicodeEncodeError:
        pass
    decomposed = unicodedata.normalize("NFD", ch)
    tones = [c for c in decomposed if c in TONES]
    rest = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
    try:
        return rest.encode("cp1258") + "".join(tones).encode("cp1258")
    except UnicodeEncodeError:
        return None


def encode_per_char(text, encode_char, name):
    out = bytearray()
    for line_no, line in enumerate(text.split("\n"), 1):
        if line_no > 1:
            out += b"\n"
        for col, ch in enumerate(line, 1):
            b = encode_char(ch)
            if b is None:
                raise EncodeError(f"line {line_no}, column {col}: {ch!r} (U+{ord(ch):04X}) "
                                  f"has no code in {name}")
            out += b
    return bytes(out)


def encode(text, encoding):
    text = unicodedata.normalize("NFC", text)
    if encoding == "tcvn3":
        return encode_per_char(text, encode_tcvn3, encoding)
    if encoding == "vni":
        return encode_per_char(text, encode_vni, encoding)
    if encoding == "windows-1258":
        return encode_per_char(text, encode_cp1258, encoding)
    if encoding == "viscii":
        done = subprocess.run(["iconv", "-f", "UTF-8", "-t", "VISCII"], input=text.encode(),
                              capture_output=True)
        if done.returncode != 0:
            raise EncodeError("iconv: " + done.stderr.decode(errors="replace").strip())
        return done.stdout
    if encoding == "utf-16le":
        return b"\xff\xfe" + text.encode("utf-16-le")
    if encoding == "utf-16be":
        return b"\xfe\xff" + text.encode("utf-16-be")
    if encoding == "utf-8-bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    raise EncodeError(f"unknown encoding {encoding!r} (one of {', '.join(ENCODINGS)})")


def main(argv):
    if len(argv) == 3 and argv[1] == "--all":
        with open(argv[2], encoding="utf-8") as f:
            text = f.read()
        stem = os.path.splitext(argv[2])[0]
        for enc in ENCODINGS:
            with open(f"{stem}.{enc}.txt", "wb") as f:
                f.write(encode(text, enc))
        return 0
    if len(argv) not in (3, 4):
        sys.stderr.write(__doc__)
        return 2
    with open(argv[2], encoding="utf-8") as f:
        data = encode(f.read(), argv[1])
    if len(argv) == 4:
        with open(argv[3], "wb") as f:
            f.write(data)
    else:
        sys.stdout.buffer.write(data)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except (EncodeError, OSError) as e:
        sys.stderr.write(f"encode_legacy: {e}\n")
        sys.exit(1)
