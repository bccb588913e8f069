#!/usr/bin/python3
"""Writes OUT/<case>/{page.html,truth.json} for every real case whose source has table cells, with
bench/real-converters/convert.py's own page builder (the converters' libraries are not needed here).
usage: python3 bench/pdf-layouts/real_pages.py OUT DIR... [--only REGEX]"""
import argparse
import os
import sys
import types

# convert.py imports the converters' libraries at its top; only its page builder is used here.
for name in ('bs4', 'html2text'):
    if name not in sys.modules:
        try:
            __import__(name)
        except ImportError:
            stub = types.ModuleType(name)
            stub.BeautifulSoup = None
            sys.modules[name] = stub
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'real-converters'))
import convert  # noqa: E402

parser = argparse.ArgumentParser(description='real pages for bench/pdf-layouts')
parser.add_argument('out')
parser.add_argument('dirs', nargs='+')
parser.add_argument('--only')
args = parser.parse_args()
out = args.out
count = 0
for name, source, truth, kind in convert.cases(args.dirs, args.only):
    with open(source, encoding='utf-8') as f:
        text = f.read()
    page = text if kind == 'html' else convert.page_html(name, text)[0]
    case_dir = os.path.join(out, name)
    os.makedirs(case_dir, exist_ok=True)
    with open(os.path.join(case_dir, 'page.html'), 'w', encoding='utf-8') as f:
        f.write(page)
    with open(truth, encoding='utf-8') as f, open(os.path.join(case_dir, 'truth.json'), 'w', encoding='utf-8') as g:
        g.write(f.read())
    count += 1
print(f'{count} real pages -> {out}')
