#!/usr/bin/python3
"""bench/real-converters: the REAL reports' tables through the same converters the generated suite uses.

Every real case whose source is a table text (lines with `|` cells) becomes an HTML page: pipe lines become table
rows of <td> cells (empty cells kept empty, a run of pipes = that many empty cells), consecutive table lines one
<table>, every other line a <p>. A case whose source is HTML is used as it is. Then each page goes through
html2text, pandoc (plain, markdown), lynx -dump, w3m -dump, BeautifulSoup get_text() with several separators and
Chromium's innerText; the page's own markup is read too ('markup'; 'markup-word' as Word's "save as web page" writes
it, 'markup-split' broken over two tables at a page break), and so is its body kept the ways portals ship it
and scrapers save it ('embedded-*': a JSON string of backslash-u escapes, a single-quoted document.write, backslash-x3c escapes,
unescape("%3C…"), entity-escaped markup in a hidden textarea); each output is written
to OUT/<case>/<converter>.<txt|md|html>, with OUT/<case>/page.html and
OUT/<case>/truth.json (the case's truth unchanged: a converter changes no number). score.mjs scores OUT.

How pipe text becomes rows (the real texts come in two families, see test/fixtures/real/README.md):
- row lines (`label | 1 | 2 |`, Markdown `| label | 1 |`): a table whose lines mostly hold two or more non-empty
  cells keeps one <tr> per line; a lone `|` line right after a line that does not end in a pipe closes that line
  (a row wrapped before its last pipe).
- cell streams (`label |` / `0 |` one cell per line, `label` / `|` cell then pipe line, `| label` lead pipes):
  each pipe ends a cell, and a new <tr> starts where a label cell follows a value or empty cell, as in the
  printed table (a row is its label cells, then its values). Runs of pipes stay that many empty cells.

usage: /usr/bin/python3 bench/real-converters/convert.py OUT CASES_DIR... [--only REGEX] [--no-chromium]
"""
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse

from bs4 import BeautifulSoup
import html2text

# A value cell as the real tables print it: a number (signed, a change written 增1423 / 减4, with a unit) or a
# printed blank.
# (`3.` is a cut label `3.危及…`, not a value.)
VALUE = re.compile(r'^[增减減]?[+\-−＋－]*\s*([\d０-９][\d０-９,.，．]*[\d０-９]|[\d０-９])\s*(元|万元|件|个|条|项|%)?$|^[—–\-/／无]+$')
# A Markdown delimiter row (`| --- | :-: |`): no cells, a converter of the page would not have printed it.
DELIMITER = re.compile(r'^[\s|:\-]*-[\s|:\-]*$')


def is_pipe_line(line):
    return '|' in line


def table_regions(lines):
    """Groups lines into ('p', line) and ('table', [lines]); a table is a run of pipe lines, plus the lines of
    cell-then-pipe texts (a short line whose next non-empty line is only pipes), blank lines inside skipped."""
    def next_nonempty(i):
        for j in range(i + 1, len(lines)):
            if lines[j].strip():
                return lines[j].strip()
        return ''

    out = []
    current = None
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        nxt = next_nonempty(i)
        heading = re.match(r'^[一二三四五六七八]、.*情况$', line) is not None
        # the text's last line, cut off inside a cell-per-line table (`0 |` / `0` and the excerpt ends): still a cell
        cut_cell = current is not None and nxt == '' and len(line) <= 40 and current[-1].endswith('|')
        in_table = is_pipe_line(line) or cut_cell or (len(line) <= 40 and not heading and re.match(r'^\|+$', nxt) is not None)
        if in_table:
            if current is None:
                current = []
                out.append(('table', current))
            current.append(line)
        else:
            current = None
            out.append(('p', line))
    return out


def split_cells(line):
    """The cells of one row line, for telling row lines apart: each pipe ends a cell, a leading pipe opens the row."""
    body = line.strip()
    if body.startswith('|'):
        body = body[1:]
    parts = body.split('|')
    if parts and parts[-1].strip() == '':
        parts = parts[:-1]
    return [p.strip() for p in parts]


# Labels that only ever open a row of table 二 (simplified, traditional, with a pinyin gloss removed): a label cell
# after another label starts a new row when it is one of these (the header row 信息内容 | 本年制发件数 | … is followed
# directly by the label 规章 when the source prints no row ends).
ROW_OPENERS = re.compile(r'^(第二十[条條]|信息[内內]容|[资資][讯訊][内內]容|[规規]章|(行政)?[规規]范性文件|(行政)?[規][範]性文件|行政[许許]可|'
                         r'其他[对對]外管理服[务務]事[项項]|行政[处處][罚罰]|行政[强強]制|行政事[业業]性收[费費]|政府集中[采採][购購]|'
                         r'[一二三四]、)')
PINYIN = re.compile(r'\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)')


def is_label(cell):
    """Label text: Han characters that are no value (`无`, `增1423`), or a label's item number cut off (`3.`). A
    stray mark before a number (`? 0`, where the portal had a no-break space) is no label."""
    if cell == '' or VALUE.match(cell):
        return False
    return re.search(r'[\u3400-\u9fff]', cell) is not None or re.match(r'^\d+[.．、]$', cell) is not None


def table_cells(lines):
    """The cells of a table region in order, each (text, line index, line is a row line): every pipe ends a cell
    (a run of pipes is that many empty cells); a line with pipes that does not end in one ends its last cell, unless
    the next line is only pipes (a row wrapped before its last pipe); a line without pipes is cell text that the
    next pipe ends (cell-then-pipe texts). Where most lines with text start with a pipe (Markdown, lead-pipe cell
    lines) that pipe opens a row rather than ending an empty cell."""
    lines = [l.strip() for l in lines if not DELIMITER.match(l) or not l.strip('| ')]
    texty = [l for l in lines if '|' in l and l.strip('| ')]
    lead_opens = bool(texty) and sum(1 for l in texty if l.startswith('|')) >= 0.5 * len(texty)
    cells = []
    buf, buf_line = '', None
    for li, line in enumerate(lines):
        row_line = len([c for c in split_cells(line) if c]) >= 2 if '|' in line else False
        s = line
        if lead_opens and s.startswith('|') and s.strip('| ') and not buf.strip():
            s = s[1:]
        nxt = lines[li + 1] if li + 1 < len(lines) else ''
        if s == '|' and not buf.strip() and nxt and not nxt.startswith('|') and is_label(nxt.split('|')[0].strip()):
            continue  # a lone pipe before a label line opens that row (`0 |` / `|` / `规范性文件 |`), no empty cell
        parts = s.split('|')
        for piece in parts[:-1]:
            buf += piece
            if buf_line is None or not buf.strip():
                buf_line = li
            cells.append((re.sub(r'\s*\n\s*', '\n', buf.strip()), buf_line, row_line))
            buf, buf_line = '', None
        last = parts[-1]
        if last.strip():
            if not buf.strip():
                buf_line = li
            buf += last + '\n'
            if '|' in line and not re.match(r'^\|+$', nxt):
                cells.append((re.sub(r'\s*\n\s*', '\n', buf.strip()), buf_line, row_line))
                buf, buf_line = '', None
        elif buf:
            buf += '\n'
    if buf.strip():
        cells.append((buf.strip(), buf_line, False))
    return cells


# Header cells that open a header row of table 三 (自然人 | 法人或其他组织 | 总计, then 商业企业 | 科研机构 | …).
HEADER_OPENERS = re.compile(r'^(自然人|商[业業]\s*企[业業])')


def table_rows(lines):
    """Table rows from the cells. Where the source prints rows as lines (most of its pipe lines hold two or more
    cells), every line that holds a label is a row, from its first cell ("| | 2.其他…": a spanned label column,
    then the label); lines without a label continue the row above (lone `|` blanks, `| 25 |`, a row wrapped
    before its last pipe). In a cell stream, a row starts where a label follows a value or empty cell in a row
    that has a label, and at a label that only opens rows (ROW_OPENERS, HEADER_OPENERS)."""
    cells = table_cells(lines)
    row_lines = {line for _, line, is_row in cells if is_row}
    lines_with_text = {line for text, line, _ in cells if text}
    by_lines = bool(lines_with_text) and len(row_lines) >= 0.4 * len(lines_with_text)
    label_lines = {line for text, line, _ in cells if is_label(text)}
    rows = []
    row = []
    prev = None
    for text, line, _ in cells:
        if by_lines:
            starts = line != prev and line in label_lines
        elif is_label(text):
            bare = PINYIN.sub('', text)
            after_value = bool(row) and (row[-1] == '' or VALUE.match(row[-1]) is not None) and any(is_label(c) for c in row)
            starts = after_value or ROW_OPENERS.match(bare) is not None or HEADER_OPENERS.match(bare) is not None
        else:
            starts = False
        if row and starts:
            rows.append(row)
            row = []
        row.append(text)
        prev = line
    if row:
        rows.append(row)
    return rows


def spans(rows):
    """The column span of every cell: a row with fewer leading labels than others (一、本年新收… beside
    三、本年度办理结果 | （一）予以公开) gets its last label spanned over the label columns, as the published tables
    print it, so that converters that lay cells out in columns keep every value under its column."""
    def leading_labels(row):
        n = 0
        while n < len(row) and is_label(row[n]):
            n += 1
        return n
    valued = [r for r in rows if any(c and not is_label(c) for c in r)]
    most = max((leading_labels(r) for r in valued), default=1)
    out = []
    for row in rows:
        k = leading_labels(row)
        widths = [1] * len(row)
        if row in valued and 1 <= k < most:
            widths[k - 1] = most - k + 1
        out.append(list(zip(row, widths)))
    return out


def cell_html(text):
    return '<br>'.join(html.escape(part) for part in text.split('\n'))


def page_html(title, source_text):
    lines = source_text.replace('\r\n', '\n').replace('\r', '\n').split('\n')
    body = []
    modes = []
    for kind, content in table_regions(lines):
        if kind == 'p':
            body.append(f'<p>{html.escape(content)}</p>')
            continue
        rows = table_rows(content)
        modes.append('lead-pipe' if any(l.startswith('|') for l in content) else 'table')
        body.append('<table border="1">')
        for row in spans(rows):
            body.append('<tr>' + ''.join(f'<td colspan="{w}">{cell_html(c)}</td>' if w > 1 else f'<td>{cell_html(c)}</td>' for c, w in row) + '</tr>')
        body.append('</table>')
    page = ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>' + html.escape(title) + '</title></head>\n<body>\n'
            + '\n'.join(body) + '\n</body></html>\n')
    return page, modes


def run(args, data=None):
    done = subprocess.run(args, input=data, capture_output=True, timeout=120)
    return done.stdout.decode('utf-8', 'replace')


# name -> (extension, function of (html path, html text))
def bs4_text(separator, strip):
    return lambda path, page: BeautifulSoup(page, 'html.parser').get_text(separator, strip=strip) + '\n'


def html2text_md(path, page):
    # as `html2markdown page.html` (python3-html2text's command, defaults: Markdown, lines wrapped at 78)
    return html2text.html2text(page)


def page_body(page):
    m = re.search(r'<body[^>]*>(.*)</body>', page, re.S | re.I)
    return m.group(1) if m else page


def embedded(wrap):
    """The page's body kept inside a page the way portals ship it and scrapers save it (rendered by a script
    from an escaped string, or escaped into a hidden textarea), around a page of its own."""
    def fn(path, page):
        return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开</title></head><body>'
                '<div class="nav">首页 &gt; 信息公开</div><div id="zoom"></div>' + wrap(page_body(page)) +
                '<div class="foot">版权所有</div></body></html>')
    return fn


def js_single_quoted(body):
    return body.replace('\\', '\\\\').replace("'", "\\'").replace('\n', '\\n').replace('\r', '')


def js_hex(body):
    return (body.replace('\\', '\\\\').replace('"', '\\x22').replace('<', '\\x3c').replace('>', '\\x3e')
            .replace('\n', '\\r\\n'))


def word_markup(page):
    """The page as Word's "save as web page" writes a table: every cell's text in <p class=MsoNormal><span>, empty
    cells as &nbsp;, and a zero-width spare cell closing each row (Word's grid keeps one where rows end unevenly)."""
    page = re.sub(r'<td([^>]*)>([^<]+)</td>', r'<td\1><p class="MsoNormal" align="center"><span style="font-size:10.5pt;font-family:宋体">\2</span></p></td>', page)
    return page.replace('<td></td>', '<td>&nbsp;</td>').replace('</tr>', '<td width="0" style="border:none"></td></tr>')


def split_markup(page):
    """Every table of 12 rows or more broken in two at its middle row, a page number between (a table across a page
    break, each page's part a table of its own)."""
    def split(m):
        rows = re.findall(r'<tr>.*?</tr>', m.group(0), re.S)
        if len(rows) < 12:
            return m.group(0)
        half = len(rows) // 2
        return '<table border="1">' + ''.join(rows[:half]) + '</table><p>- 1 -</p><table border="1">' + ''.join(rows[half:]) + '</table>'
    return re.sub(r'<table[^>]*>.*?</table>', split, page, flags=re.S)


CONVERTERS = {
    # The page's own markup, read as HTML tables (no converter in between); as Word writes it; split over pages.
    'markup': ('html', lambda path, page: page),
    'markup-word': ('html', lambda path, page: word_markup(page)),
    'markup-split': ('html', lambda path, page: split_markup(page)),
    # JSON in a script, every non-ASCII character (json.dumps' ensure_ascii) and '<', '>' escaped as \\uXXXX (as Gson
    # and .NET write them).
    'embedded-json-ascii': ('html', embedded(lambda b: '<script>var data = ' + json.dumps({'content': b}).replace('<', '\\u003c').replace('>', '\\u003e') +
                                              ';document.getElementById("zoom").innerHTML = data.content;</script>')),
    'embedded-js-single': ('html', embedded(lambda b: "<script>document.write('" + js_single_quoted(b) + "');</script>")),
    'embedded-js-hex': ('html', embedded(lambda b: '<script>var content = "' + js_hex(b) + '";</script>')),
    'embedded-percent': ('html', embedded(lambda b: '<script>document.write(unescape("' + urllib.parse.quote(b, safe='') + '"));</script>')),
    'embedded-textarea': ('html', embedded(lambda b: '<textarea id="txt" style="display:none">' + html.escape(b, quote=False) +
                                            '</textarea><script>zoom.innerHTML = txt.value;</script>')),
    'html2text': ('md', html2text_md),
    'pandoc-plain': ('txt', lambda path, page: run(['pandoc', '-f', 'html', '-t', 'plain', path])),
    'pandoc-markdown': ('md', lambda path, page: run(['pandoc', '-f', 'html', '-t', 'markdown', path])),
    'lynx-dump': ('txt', lambda path, page: run(['lynx', '-dump', '-nolist', '-assume_charset=utf-8', '-display_charset=utf-8', path])),
    'w3m-dump': ('txt', lambda path, page: run(['w3m', '-dump', '-T', 'text/html', '-I', 'UTF-8', '-O', 'UTF-8', path])),
    'bs4-get-text': ('txt', bs4_text('', False)),
    'bs4-get-text-strip': ('txt', bs4_text('', True)),
    'bs4-get-text-newline-strip': ('txt', bs4_text('\n', True)),
    'bs4-get-text-pipe-strip': ('txt', bs4_text(' | ', True)),
}


def chromium_inner_texts(pages):
    """Every page's document.body.innerText from ONE headless Chromium run: each page's body in its own <section>
    (block boxes, as the page's body), innerText per section, written URI-encoded into the dumped DOM."""
    sections = []
    for i, (slug, page) in enumerate(pages):
        body = re.search(r'<body>(.*)</body>', page, re.S).group(1)
        sections.append(f'<section id="c{i}">{body}</section>')
    script = ('<script>(() => { const out = [...document.querySelectorAll("section")].map((s) => s.innerText);'
              ' const pre = document.createElement("pre"); pre.id = "innertext";'
              ' pre.textContent = encodeURIComponent(JSON.stringify(out)); document.body.replaceChildren(pre); })();</script>')
    doc = '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>' + ''.join(sections) + script + '</body></html>'
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'all.html')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(doc)
        dom = run(['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--dump-dom', 'file://' + path])
    m = re.search(r'<pre id="innertext">([^<]*)</pre>', dom)
    if not m:
        raise RuntimeError('chromium printed no innerText')
    from urllib.parse import unquote
    texts = json.loads(unquote(m.group(1)))
    return {slug: text for (slug, _), text in zip(pages, texts)}  # as innerText gives it: no line end added


def cases(dirs, only):
    for d in dirs:
        for slug in sorted(os.listdir(d)):
            case = os.path.join(d, slug)
            truth = os.path.join(case, 'truth.json')
            if not os.path.isfile(truth):
                continue
            sources = [f for f in os.listdir(case) if f.startswith('source.')]
            if not sources:
                continue
            source = os.path.join(case, sources[0])
            ext = sources[0].split('.', 1)[1]
            if ext in ('html', 'htm'):
                kind = 'html'
            elif ext in ('txt', 'md'):
                with open(source, encoding='utf-8') as f:
                    if not any('|' in l for l in f):
                        continue
                kind = 'pipes'
            else:
                continue
            name = f'{os.path.basename(os.path.normpath(d))}-{slug}' if os.path.basename(os.path.normpath(d)) == 'corpus' else slug
            if only and not re.search(only, name):
                continue
            yield name, source, truth, kind


def main():
    args = sys.argv[1:]
    only = None
    if '--only' in args:
        i = args.index('--only')
        only = args[i + 1]
        del args[i:i + 2]
    chromium = '--no-chromium' not in args
    args = [a for a in args if a != '--no-chromium']
    out, dirs = args[0], args[1:]
    pages = []
    summary = {}
    for name, source, truth, kind in cases(dirs, only):
        with open(source, encoding='utf-8') as f:
            text = f.read()
        if kind == 'html':
            page, modes = text, ['html']
        else:
            page, modes = page_html(name, text)
        case_dir = os.path.join(out, name)
        os.makedirs(case_dir, exist_ok=True)
        page_path = os.path.join(case_dir, 'page.html')
        with open(page_path, 'w', encoding='utf-8') as f:
            f.write(page)
        with open(truth, encoding='utf-8') as f:
            truth_text = f.read()
        with open(os.path.join(case_dir, 'truth.json'), 'w', encoding='utf-8') as f:
            f.write(truth_text)
        # the source as it is, the baseline every converter is compared with
        with open(os.path.join(case_dir, 'source.' + ('txt' if kind == 'pipes' else 'html')), 'w', encoding='utf-8') as f:
            f.write(text)
        for conv, (ext, fn) in CONVERTERS.items():
            with open(os.path.join(case_dir, f'{conv}.{ext}'), 'w', encoding='utf-8') as f:
                f.write(fn(page_path, page))
        pages.append((name, page))
        summary[name] = modes
    if chromium and pages:
        for name, text in chromium_inner_texts(pages).items():
            with open(os.path.join(out, name, 'chromium-innertext.txt'), 'w', encoding='utf-8') as f:
                f.write(text)
    with open(os.path.join(out, 'modes.json'), 'w', encoding='utf-8') as f:
        json.dump(summary, f, ensure_ascii=False, indent=1)
    print(f'{len(pages)} pages, {len(CONVERTERS) + (1 if chromium else 0)} converters -> {out}')


if __name__ == '__main__':
    main()
