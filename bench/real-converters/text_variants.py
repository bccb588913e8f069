#!/usr/bin/python3
"""bench/real-converters/text_variants.py: the real reports' page texts as they come to differ from what they show.

Every case of the given folders whose source is a text (`source.txt`) is written again under OUT/<case>--<variant>/
(source.txt + its truth.json unchanged: none of these changes a number) as:
- crlf, cr: Windows and old Mac line ends;   bom: a UTF-8 byte-order mark;   utf16: UTF-16LE with its mark;
- gbk: GBK bytes (cases GBK can hold);        fullwidth: digits typed full-width (０–９);
- zwsp: a zero-width space (U+200B) after every 20th character or so (a fixed draw per case);
- ideo / tabs: pipe separators as ideographic spaces / tabs (pipe texts only);
- wrap60: every line hard-wrapped at 60 characters;   orig: the source as it is (the baseline).
Then score every variant with ../shared/tools/score.mjs (one run) and compare each variant with orig:

    /usr/bin/python3 bench/real-converters/text_variants.py OUT test/fixtures/real ../shared/corpus
    node ../shared/tools/score.mjs --cases OUT --json > OUT.json   # then group the rows by the id's --<variant>

(A variant identical to another, e.g. tabs and ideo of a cell-per-line text, is one file to nianbao, which reads a
content once: such rows come back without a record.)
"""
import os
import random
import re
import sys

FULL_WIDTH = str.maketrans('0123456789', '０１２３４５６７８９')


def zero_width_spaces(text):
    draw = random.Random(len(text))
    return ''.join(c + ('\u200b' if draw.random() < 0.05 else '') for c in text)


def separators(text, sep):
    return '\n'.join(re.sub(r'\s*\|\s*', sep, line).strip(sep) for line in text.split('\n'))


def wrapped(text, width=60):
    return '\n'.join('\n'.join(line[i:i + width] for i in range(0, max(1, len(line)), width)) for line in text.split('\n'))


def variants(text):
    yield 'orig', text.encode('utf-8')
    yield 'crlf', text.replace('\n', '\r\n').encode('utf-8')
    yield 'cr', text.replace('\n', '\r').encode('utf-8')
    yield 'bom', b'\xef\xbb\xbf' + text.encode('utf-8')
    yield 'utf16', b'\xff\xfe' + text.encode('utf-16-le')
    try:
        yield 'gbk', text.encode('gbk')
    except UnicodeEncodeError:
        pass
    yield 'fullwidth', text.translate(FULL_WIDTH).encode('utf-8')
    yield 'zwsp', zero_width_spaces(text).encode('utf-8')
    if '|' in text:
        yield 'ideo', separators(text, '\u3000').encode('utf-8')
        yield 'tabs', separators(text, '\t').encode('utf-8')
    yield 'wrap60', wrapped(text).encode('utf-8')


def main():
    out, dirs = sys.argv[1], sys.argv[2:]
    count = 0
    for d in dirs:
        for case in sorted(os.listdir(d)):
            source = os.path.join(d, case, 'source.txt')
            if not os.path.isfile(source):
                continue
            with open(source, encoding='utf-8') as f:
                text = f.read()
            with open(os.path.join(d, case, 'truth.json'), encoding='utf-8') as f:
                truth = f.read()
            for name, data in variants(text):
                target = os.path.join(out, f'{case}--{name}')
                os.makedirs(target, exist_ok=True)
                with open(os.path.join(target, 'source.txt'), 'wb') as f:
                    f.write(data)
                with open(os.path.join(target, 'truth.json'), 'w', encoding='utf-8') as f:
                    f.write(truth)
                count += 1
    print(f'{count} variants -> {out}')


if __name__ == '__main__':
    main()
