#!/usr/bin/python3
"""bench/real-converters/long_pages.py: the real reports' texts as LONG portal pages (issue 13).

Our real set is mostly 2,000-byte excerpts; a page as a portal shows it carries much more text around the tables:
navigation and a breadcrumb, a long 一、总体情况 whose sentences repeat the tables' row labels with numbers
("本年新收政府信息公开申请45件，上年结转2件…"), sub-headings （一）…（五）, the 五/六 prose after the tables, and the
portal's footer. This rewrites every real case whose source is a text (source.txt) or an HTML page (source.html,
or a convert.py page.html) into OUT/<case>--<variant>/ (the source + the case's truth.json unchanged, the layout
../shared/tools/score.mjs reads):

- orig:              the source as it is (the baseline);
- prose:             navigation, breadcrumb and title lines, a long 总体情况 (sentences in several phrasings drawn by
                     the seed, numbers drawn at random), the source's own text unchanged, then 五/六 prose with
                     numbers and the portal's footer;
- prose-consistent:  the same, but every number the overview gives for a table cell is the truth's own (as most
                     real reports do); a sentence whose truth cells are not all known is left out;
- prose-list:        prose, its overview's figures told as numbered lists, one clause a line
                     ("1.本年新收政府信息公开申请45件；" / "2.上年结转2件；"), numbers drawn;
- prose-related:     prose with a portal sidebar before the title: other reports' titles of other years;
- prose-head:        prose without what follows the source (a control: a cut excerpt's last row followed by
                     prose is no layout a whole page has, so prose minus prose-head is what the tail alone did);
- prose-inside:      the source with a note or two between the tables (after the heading of 二, before and after
                     those of 三 and 四: "注：本表数据统计时间截至…", "（单位：件）", "本年度共收到政府信息公开申请N件，
                     具体情况如下：", a sentence with the table's figures).
- prose-flat:        (texts with a page flattened to one line only) the prose of prose-list glued onto the
                     flattened page, no line breaks, as a scraper's get_text('') gives a whole page.
Text sources get the prose as lines (as paragraphs, blank line between, when the source is one cell per
paragraph); HTML sources get <p> elements, the navigation as <ul><li>, and a portal's chrome: scripts and a style
block, often the 政府信息公开 index table (索引号, 发布机构, 发文日期, 浏览次数), the footer as <p>s or a layout table.
The source's own text is never changed.
Everything is drawn from random.Random(f'{seed}:{case}:{variant}'): the same seed writes the same bytes.

    /usr/bin/python3 bench/real-converters/long_pages.py write OUT test/fixtures/real ../shared/corpus [--seed 1]
    (also: a convert.py OUT, whose page.html of each pipe case is an HTML source; generated_cases.mjs's OUT,
    generated reports printed whole in every layout, .txt/.md/.html)
    node ../shared/tools/score.mjs --cases OUT --out SCORED --json > SCORED.json
    /usr/bin/python3 bench/real-converters/long_pages.py compare OUT SCORED/res/reports.jsonl [--all]

`compare` scores every cell of every case against its truth (right / flagged / SILENT / null given a number, as
score.mjs counts them), prints the figures per variant, then every cell whose value or flag differs from the
same case's orig (SILENT first; cells outside the truth too, since a cut excerpt's truth stops where it stops).
"""
import html
import json
import os
import random
import re
import sys
import unicodedata

VARIANTS = ('orig', 'prose', 'prose-consistent', 'prose-list', 'prose-related', 'prose-head', 'prose-inside', 'prose-flat')
ORG_COLUMNS = ('commercial', 'research', 'socialWelfare', 'legalServices', 'otherOrg')
DENIED = ('deniedStateSecret', 'deniedOtherLaws', 'deniedThreeSafeties', 'deniedThirdParty', 'deniedInternalAffairs',
          'deniedProcessInfo', 'deniedEnforcementFiles', 'deniedQueryMatters')
UNABLE = ('unableNotHeld', 'unableNeedsCreation', 'unableUnclear')
REJECTED = ('rejectedPetition', 'rejectedDuplicate', 'rejectedPublication', 'rejectedMassRepeated',
            'rejectedConfirmReissue')


class Numbers:
    """The numbers a sentence gives: drawn at random, or (consistent) the truth's own cell values."""

    def __init__(self, draw, truth, consistent):
        self.draw, self.tables, self.consistent = draw, truth.get('tables') or {}, consistent

    def cell(self, table, row, column, lo=0, hi=60):
        """A table cell's number: the truth's value when consistent (None when truth has none), else drawn."""
        if not self.consistent:
            return self.draw.randint(lo, hi)
        v = ((self.tables.get(table) or {}).get(row) or {}).get(column)
        return v if isinstance(v, (int, float)) and not isinstance(v, bool) else None

    def total(self, table, rows, column='total', lo=0, hi=20):
        """A sum over rows (a group such as 不予公开): None when any part is unknown in consistent mode."""
        if not self.consistent:
            return self.draw.randint(lo, hi)
        parts = [self.cell(table, r, column) for r in rows]
        return None if any(p is None for p in parts) else sum(parts)

    def free(self, lo, hi):
        """A number that is no table cell (pages published, training sessions): always drawn."""
        return self.draw.randint(lo, hi)


def fmt(n):
    return ('%g' % n) if isinstance(n, float) else str(n)


def clauses(draw, parts, joiner='，'):
    """Join the clauses whose number is known; each part is (phrasings, number or numbers)."""
    out = []
    for phrasings, value in parts:
        values = value if isinstance(value, tuple) else (value,)
        if any(v is None for v in values):
            continue
        fitting = [ph for ph in phrasings if ph.count('{}') == len(values)]
        out.append(draw.choice(fitting).format(*[fmt(v) for v in values]))
    return joiner.join(out)


def requests_sentence(draw, num, year):
    """The sentence most reports give for table 三, its clauses in the table's order and words."""
    received = num.cell('requests', 'newReceived', 'total', 1, 90)
    natural = num.cell('requests', 'newReceived', 'naturalPerson', 0, 80)
    if num.consistent:
        org_parts = [num.cell('requests', 'newReceived', c) for c in ORG_COLUMNS]
        orgs = None if any(p is None for p in org_parts) else sum(org_parts)
    else:
        orgs = num.free(0, 12)
    other = (num.cell('requests', 'otherHandling', 'total', 0, 3) if draw.random() < 0.5 or num.consistent else None)
    if num.consistent and other is None:
        other = num.total('requests', ('otherNoCorrection', 'otherNoFee', 'otherOther'))
    year_text = f'{year}年' if year else '本年度'
    head = clauses(draw, [
        (('本年新收政府信息公开申请{}件', year_text + '共收到政府信息公开申请{}件', '本年度新收申请{}件',
          '全年受理政府信息公开申请{}件'), received),
        (('其中自然人申请{}件、法人或其他组织申请{}件', '（自然人{}件，法人或其他组织{}件）'), (natural, orgs)),
        (('上年结转{}件', '上年结转政府信息公开申请{}件', '另有上年结转申请{}件'),
         num.cell('requests', 'carriedOver', 'total', 0, 9)),
        (('共办结{}件', '本年度办结{}件', '已办理答复{}件'), num.cell('requests', 'totalHandled', 'total', 1, 90)),
    ])
    outcome = clauses(draw, [
        (('其中予以公开{}件', '予以公开{}件'), num.cell('requests', 'granted', 'total', 0, 50)),
        (('部分公开{}件', '部分公开（区分处理）{}件'), num.cell('requests', 'partiallyGranted', 'total', 0, 9)),
        (('不予公开{}件', '不予公开{}件（属于国家秘密{}件）'),
         num.total('requests', DENIED) if draw.random() < 0.6 else (num.total('requests', DENIED),
                                                                   num.cell('requests', 'deniedStateSecret', 'total', 0, 2))),
        (('无法提供{}件', '因本机关不掌握相关政府信息无法提供{}件'), num.total('requests', UNABLE)),
        (('不予处理{}件', '不予处理{}件（信访举报投诉类申请{}件）'),
         num.total('requests', REJECTED) if draw.random() < 0.6 else (num.total('requests', REJECTED),
                                                                     num.cell('requests', 'rejectedPetition', 'total', 0, 3))),
        (('其他处理{}件',), other),
    ], draw.choice(('，', '；', '、')))
    tail = clauses(draw, [(('结转下年度继续办理{}件', '结转下年度办理{}件', '{}件结转下年度继续办理'),
                           num.cell('requests', 'carriedForward', 'total', 0, 9))])
    return '，'.join(p for p in (head, outcome, tail) if p) + '。' if (head or outcome or tail) else ''


def active_sentences(draw, num, template):
    sentences = []
    if template == '2019':
        made = num.cell('active', 'normativeDocuments', 'newlyMade', 0, 20)
        published = num.cell('active', 'normativeDocuments', 'newlyPublished', 0, 20)
        s = clauses(draw, [(('本年新制作规范性文件{}件', '新制定规范性文件{}件'), made),
                           (('主动公开规范性文件{}件', '新公开规范性文件{}件'), published),
                           (('对外公开规范性文件总数{}件',), num.cell('active', 'normativeDocuments', 'totalPublished', 0, 200))])
    else:
        s = clauses(draw, [(('本年制发行政规范性文件{}件', '主动公开规范性文件{}件', '制发规范性文件{}件'),
                            num.cell('active', 'normativeDocuments', 'issued', 0, 20)),
                           (('废止{}件', '本年废止规范性文件{}件'), num.cell('active', 'normativeDocuments', 'repealed', 0, 9)),
                           (('现行有效{}件', '现行有效规范性文件{}件'), num.cell('active', 'normativeDocuments', 'inForce', 0, 200))])
    if s:
        sentences.append(s + '。')
    column = 'decisions'
    s = clauses(draw, [(('全年作出行政许可决定{}件', '办理行政许可事项{}件', '公开行政许可信息{}条'),
                        num.cell('active', 'licensing', column, 0, 900)),
                       (('行政处罚决定{}件', '公示行政处罚案件{}件', '行政处罚{}件'), num.cell('active', 'penalty', column, 0, 90)),
                       (('行政强制{}件', '行政强制措施{}件'), num.cell('active', 'coercion', column, 0, 9))], draw.choice(('，', '、')))
    if s:
        sentences.append(s + '，均在规定时限内向社会公开。')
    if template == '2021':
        fee = num.cell('active', 'fees', 'amount', 0, 30)
        if fee is not None:
            sentences.append(draw.choice(('收取行政事业性收费{}万元。', '本年行政事业性收费金额{}万元。')).format(fmt(fee)))
    elif template == '2019':
        count = num.cell('active', 'procurement', 'count', 0, 30)
        if count is not None:
            sentences.append(f'政府集中采购项目{count}个。')
    return sentences


def reviews_sentence(draw, num):
    review = num.cell('reviews', 'review', 'total', 0, 3)
    if num.consistent:
        a, b = num.cell('reviews', 'litigationDirect', 'total'), num.cell('reviews', 'litigationAfterReview', 'total')
        suits = None if a is None or b is None else a + b
    else:
        suits = num.free(0, 3)
    s = clauses(draw, [(('因政府信息公开工作被申请行政复议{}件、提起行政诉讼{}件',
                         '本年度发生政府信息公开行政复议案件{}件，行政诉讼案件{}件',
                         '全年共有政府信息公开行政复议{}件，行政诉讼{}件'), (review, suits)),
                       (('其中行政复议结果维持{}件、结果纠正{}件',), (num.cell('reviews', 'review', 'upheld', 0, 2),
                                                                 num.cell('reviews', 'review', 'corrected', 0, 1)))])
    return s + '。' if s else ''


FILLER = ('坚持以公开为常态、不公开为例外，不断提升政务公开质量。', '严格落实政府信息公开保密审查制度，做到应公开尽公开。',
          '进一步规范政府信息公开申请的受理、办理和答复流程，依法保障人民群众知情权。',
          '加强政府信息公开平台建设，及时更新政府信息公开目录。', '将政务公开工作纳入年度绩效考核，压实工作责任。',
          '认真做好政策解读，以图文、视频等形式解读政策文件。')


def as_list(draw, sentences):
    """Sentences told as a numbered list, one clause a line ("1.本年新收政府信息公开申请45件；"), as many reports do."""
    text = ''.join(sentences)
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += ch in '（(' and 1 or ch in '）)' and -1 or 0
        if depth == 0 and ch in '，；。':
            parts.append(text[start:i])
            start = i + 1
    parts = [x for x in parts + [text[start:]] if x.strip()]
    number = draw.choice(('{}.', '{}、', '（{}）', '({})'))
    end = draw.choice(('；', '', '。'))
    return [number.format(k + 1) + x + (end if k < len(parts) - 1 else '。') for k, x in enumerate(parts)]


def overview(draw, num, truth, listed=False):
    """一、总体情况 with its five sub-headings, as a list of paragraphs (listed: the figures one clause a line)."""
    year = truth.get('year')
    y = f'{year}年' if year else '本年度'
    template = truth.get('template')
    out = ['一、总体情况', draw.choice((f'{y}，在上级的正确领导下，', f'{y}以来，', '本年度，'))
           + '我单位深入贯彻落实《中华人民共和国政府信息公开条例》，' + draw.choice(FILLER)]
    sub = lambda label: draw.choice((label, label.replace('（', '(').replace('）', ')')))
    first = [f'全年主动公开政府信息{num.free(30, 3000)}条，其中政策文件{num.free(1, 40)}条、工作动态{num.free(10, 900)}条。']
    first += active_sentences(draw, num, template)
    out += [sub('（一）主动公开情况')] + (as_list(draw, first) if listed else [''.join(first)])
    req = requests_sentence(draw, num, year)
    second = [req or '严格按照规定的程序和时限办理政府信息公开申请。', draw.choice(('按时办结率100%。', '全部在法定期限内答复。', ''))]
    out += [sub('（二）依申请公开情况')] + (as_list(draw, second) if listed else [''.join(second)])
    out += [sub('（三）政府信息管理'), f'开展规范性文件清理{num.free(1, 3)}次，' + draw.choice(FILLER)]
    out += [sub('（四）政府信息公开平台建设'),
            f'门户网站发布信息{num.free(50, 2000)}条，政务微信公众号发布信息{num.free(10, 600)}条，' + draw.choice(FILLER)]
    rev = reviews_sentence(draw, num)
    fifth = [f'组织政务公开业务培训{num.free(1, 6)}次，参训{num.free(10, 300)}人次。', rev or draw.choice(FILLER)]
    out += [sub('（五）监督保障')] + (as_list(draw, fifth) if listed else [''.join(fifth)])
    return out


def after_tables(draw, num, truth):
    """五 and 六: prose with numbers, after the tables."""
    year = truth.get('year')
    y = f'{year}年' if year else '本年度'
    fee = draw.choice(('本年度未收取信息处理费。', '收取信息处理费0元。', f'本年度发出收费通知{num.free(0, 2)}件，收取信息处理费0元。'))
    return ['五、存在的主要问题及改进情况',
            f'{y}，我单位政府信息公开工作取得了一定成效，但也存在一些不足：一是公开内容不够全面，部分栏目更新不及时；'
            f'二是政策解读形式单一。下一步，我们将加强培训（计划开展{num.free(2, 6)}次），'
            '进一步提升公开质量。',
            draw.choice(('六、其他需要报告的事项', '六、其他需要报告事项')),
            fee + f'本年度共办理人大代表建议{num.free(0, 30)}件、政协提案{num.free(0, 30)}件，办结率100%。',
            draw.choice(('无其他需要报告的事项。', '')) or f'{y}政务公开工作要点落实情况已在门户网站公开。']


def agency_name(truth):
    agency = re.sub(r'\s*[（(].*$', '', truth.get('agency') or '').strip()
    return agency if agency and '—' not in agency else '某县人民政府'


def page_head(draw, truth):
    """Navigation, breadcrumb, title and the page's byline: (navigation items, lines)."""
    year = truth.get('year')
    nav = draw.choice((['首页', '政务公开', '政务服务', '互动交流', '走进本地'],
                       ['网站首页', '新闻中心', '政府信息公开', '办事服务', '政民互动', '专题专栏']))
    crumb = draw.choice(('当前位置：首页 > 政务公开 > 政府信息公开年报', '您当前所在位置: 首页 > 政府信息公开 > 年度报告',
                         '首页 > 政务公开 > 政府信息公开年报'))
    title = f'{agency_name(truth)}{year}年政府信息公开工作年度报告' if year else f'{agency_name(truth)}政府信息公开工作年度报告'
    published = f'{year + 1}-01-{draw.randint(10, 31):02d}' if year else '2023-01-15'
    byline = draw.choice((f'发布时间：{published}  来源：{agency_name(truth)}  浏览次数：{draw.randint(50, 5000)}',
                          f'发布日期：{published} 字号：[ 大 中 小 ] 打印本页'))
    return nav, [crumb, title, byline, '字体：大 中 小 【打印】【关闭】' if draw.random() < 0.5 else '']


def related(truth):
    """A portal's sidebar before the document: other reports' titles, of other years."""
    y = truth.get('year') or 2022
    return ['热点推荐', f'某某市{y - 2}年政府信息公开工作年度报告', f'某某区{y - 1}年度政府信息公开工作年度报告']


def footer(draw):
    return ['打印本页 关闭窗口', '扫一扫在手机打开当前页',
            f'版权所有：某县人民政府 主办单位：某县人民政府办公室',
            f'联系电话：0591-{draw.randint(20000000, 89999999)}  网站标识码：{draw.randint(3501000000, 3501009999)}',
            f'闽ICP备{draw.randint(10000000, 99999999)}号  闽公网安备 {draw.randint(35010000000000, 35019999999999)}号']


def inside_notes(draw, num, truth, which):
    """A note or two between the tables: under the table before (before; none above 二, whose heading follows the
    overview) and under the heading of the next (after): a unit, an introducing sentence, or one with figures."""
    year = truth.get('year')
    before = [] if which == 'active' else [draw.choice((
        f'注：本表数据统计时间截至{year}年12月31日。' if year else '注：本表数据统计时间截至12月31日。',
        '注：规章栏目按规定填写，本机关无规章制定权。', '（数据来源：本机关政务公开工作台账）'))]
    f = num.free
    after = draw.choice({
        'active': ('（单位：件）', f'本年度主动公开规范性文件{f(0, 20)}件，具体情况如下：',
                   f'本机关制发规范性文件{f(0, 20)}件，废止{f(0, 5)}件，现行有效{f(0, 90)}件；作出行政许可决定{f(0, 500)}件。'),
        'requests': ('（单位：件）', f'本年度共收到政府信息公开申请{f(0, 60)}件，具体情况如下：',
                     f'全年新收政府信息公开申请{f(0, 60)}件，上年结转{f(0, 9)}件，办结{f(0, 60)}件，结转下年度{f(0, 9)}件。'),
        'reviews': ('（单位：件）', f'本年度因政府信息公开被申请行政复议{f(0, 3)}件，具体情况如下：',
                    f'本年度发生行政复议{f(0, 3)}件、行政诉讼{f(0, 3)}件。'),
    }[which])
    return before, [after]


# a line of a page flattened by a scraper: long, and holding a table's header or first row
FLATTENED = re.compile(r'^(?=[^\n]{400,}$)[^\n]*(?:第二十条|本年新收|新收政府信息公开申请)', re.M)

TRADITIONAL = str.maketrans('處複議訟請開資況題動', '处复议讼请开资况题动')


def heading_kind(text):
    """'active', 'requests', 'reviews' for the heading of table 二, 三, 四, else None (a row such as 四、结转… is none)."""
    t = re.sub(r'[\s|]', '', unicodedata.normalize('NFKC', html.unescape(re.sub(r'<[^>]*>', '', text)))).translate(TRADITIONAL)
    if t.startswith('二、') and '主动公开' in t and len(t) < 30:
        return 'active'
    if t.startswith('三、') and ('收到' in t or '申请' in t) and '办理结果' not in t and len(t) < 40:
        return 'requests'
    if t.startswith('四、') and ('复议' in t or '诉讼' in t) and len(t) < 40:
        return 'reviews'
    return None


def text_variant(text, draw, num, truth, variant):
    paragraphs = text.count('\n\n') > text.count('\n') / 3
    def block(lines):
        return [x for line in lines for x in ((line, '') if paragraphs else (line,))]
    if variant == 'prose-inside':
        lines = text.split('\n')
        out = []
        for line in lines:
            kind = heading_kind(line) if len(line) < 80 else None
            if kind:
                before, after = inside_notes(draw, num, truth, kind)
                out += block(before) + [line] + (([''] if paragraphs else []) + [after[0]] if draw.random() < 0.7 else [])
                continue
            out.append(line)
        return '\n'.join(out)
    nav, head = page_head(draw, truth)
    nav += related(truth) if variant == 'prose-related' else []
    if variant == 'prose-flat':
        # the whole page as a scraper flattens it (get_text('')): the prose glued to the flattened tables
        prefix = nav + [x for x in head if x] + overview(draw, num, truth, True)
        return ''.join(prefix) + text.rstrip('\n') + ''.join(after_tables(draw, num, truth) + footer(draw)) + '\n'
    prefix = block(nav + [x for x in head if x] + overview(draw, num, truth, variant == 'prose-list'))
    suffix = block(after_tables(draw, num, truth) + footer(draw))
    if variant == 'prose-head':
        return '\n'.join(prefix) + '\n' + text
    return '\n'.join(prefix) + '\n' + text + ('' if text.endswith('\n') else '\n') + '\n'.join(suffix) + '\n'


def p(line):
    return f'<p>{html.escape(line)}</p>'


def portal_scripts(draw):
    """What a portal's page carries besides its text: scripts with numbers and Chinese strings, a style block."""
    return (f'<script type="text/javascript">var siteId = {draw.randint(3501000000, 3501009999)}; var title = "政府信息公开工作年度报告";'
            f" document.write('<span>浏览次数：{draw.randint(50, 5000)}</span>');</script>\n"
            '<style>.xxgk-meta td{width:25%} p{text-indent:2em}</style>\n'
            '<script>var _hmt = _hmt || []; (function() { var hm = document.createElement("script"); '
            'hm.src = "https://hm.baidu.com/hm.js?1a2b3c"; })();</script>\n')


def index_table(draw, truth):
    """The 政府信息公开 index table many portals put above a document: 索引号, 发布机构, dates, a document number."""
    if draw.random() < 0.4:
        return ''
    year = truth.get('year') or 2022
    cells = [('索 引 号：', f'11350100003591027X/{year + 1}-{draw.randint(1, 99999):05d}'), ('主题分类：', '政务公开'),
             ('发布机构：', agency_name(truth)), ('发文日期：', f'{year + 1}-01-{draw.randint(10, 31):02d}'),
             ('文　　号：', f'某政办〔{year + 1}〕{draw.randint(1, 99)}号'), ('浏览次数：', str(draw.randint(50, 5000)))]
    rows = [cells[i:i + 2] for i in range(0, len(cells), 2)]
    return '<table class="xxgk-meta">' + ''.join('<tr>' + ''.join(f'<td>{html.escape(a)}</td><td>{html.escape(b)}</td>' for a, b in row)
                                                + '</tr>' for row in rows) + '</table>\n'


def html_variant(text, draw, num, truth, variant):
    if variant == 'prose-inside':
        # a note before the block that holds each heading of 三/四, and one after it
        out, last = [], 0
        for m in re.finditer(r'<(p|h[1-6]|div)\b[^>]*>(.*?)</\1>', text, re.S):
            kind = heading_kind(m.group(2))
            if not kind:
                continue
            before, after = inside_notes(draw, num, truth, kind)
            out += [text[last:m.start()]] + [p(x) for x in before] + [m.group(0), p(after[0]) if draw.random() < 0.7 else '']
            last = m.end()
        return ''.join(out) + text[last:]
    nav, head = page_head(draw, truth)
    nav += related(truth) if variant == 'prose-related' else []
    prefix = (portal_scripts(draw) + '<ul class="nav">' + ''.join(f'<li><a href="#">{html.escape(x)}</a></li>' for x in nav) + '</ul>\n'
              + index_table(draw, truth) + '\n'.join(p(x) for x in head if x) + '\n'
              + '\n'.join(p(x) for x in overview(draw, num, truth, variant == 'prose-list')) + '\n')
    lines = footer(draw)
    # a portal's footer is <p>s in a <div>, or a layout table of two columns
    foot = ('<div class="footer">' + ''.join(p(x) for x in lines) + '</div>' if draw.random() < 0.5 else
            '<table class="footer">' + ''.join(f'<tr><td>{html.escape(a)}</td><td>{html.escape(b)}</td></tr>'
                                               for a, b in zip(lines[::2], lines[1::2] + [''])) + '</table>')
    suffix = '\n' + '\n'.join(p(x) for x in after_tables(draw, num, truth)) + '\n' + foot + '\n' if variant != 'prose-head' else ''
    body = re.search(r'<body\b[^>]*>', text, re.I)
    end = text.lower().rfind('</body>')
    start = body.end() if body else 0
    end = end if end >= start and end >= 0 else len(text)
    return text[:start] + prefix + text[start:end] + suffix + text[end:]


def cases(dirs):
    """(name, source path, kind, extension, truth path) for every case with a text or HTML source."""
    for d in dirs:
        base = os.path.basename(os.path.normpath(d))
        for slug in sorted(os.listdir(d)):
            case = os.path.join(d, slug)
            truth = os.path.join(case, 'truth.json')
            if not os.path.isfile(truth):
                continue
            for name, kind in (('source.txt', 'txt'), ('source.md', 'txt'), ('source.html', 'html'), ('source.htm', 'html'),
                               ('page.html', 'html')):
                if os.path.isfile(os.path.join(case, name)):
                    yield (f'{base}-{slug}' if base == 'corpus' else slug) + ('-page' if name == 'page.html' else ''), \
                        os.path.join(case, name), kind, name.split('.')[-1], truth
                    break


def write(out, dirs, seed):
    count = 0
    for name, source, kind, ext, truth_path in cases(dirs):
        with open(source, 'rb') as f:
            data = f.read()
        # a page in GBK (a generated html-merged, as many portals serve them) is written back in GBK
        encoding = 'utf-8'
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            encoding = 'gb18030'
            text = data.decode(encoding)
        with open(truth_path, encoding='utf-8') as f:
            truth_text = f.read()
        truth = json.loads(truth_text)
        for variant in VARIANTS:
            draw = random.Random(f'{seed}:{name}:{variant}')
            num = Numbers(draw, truth, variant == 'prose-consistent')
            if variant == 'orig':
                data = text
            elif kind == 'html':
                data = html_variant(text, draw, num, truth, variant)
            else:
                data = text_variant(text, draw, num, truth, variant)
            if variant == 'prose-inside' and data == text:
                continue  # no heading of 二, 三 or 四 to put a note beside
            if variant == 'prose-flat' and (kind != 'txt' or not FLATTENED.search(text)):
                continue  # not a page flattened to one line
            target = os.path.join(out, f'{name}--{variant}')
            os.makedirs(target, exist_ok=True)
            with open(os.path.join(target, f'source.{ext}'), 'w', encoding=encoding) as f:
                f.write(data)
            with open(os.path.join(target, 'truth.json'), 'w', encoding='utf-8') as f:
                f.write(truth_text)
            count += 1
    print(f'{count} variants -> {out}')


# ---- compare: every cell's outcome per variant, and what changed from orig ----

def outcomes(truth, rec):
    """{(table,row,column): (outcome, value, flag)}: outcome as score.mjs counts it, for truth cells and record cells."""
    flags = {(c['table'], c['row'], c['column']): c.get('flag') for c in (rec or {}).get('cells') or []}
    failed = bool(rec) and (any(k.get('pass') is False for k in rec.get('checks') or []) or rec.get('status') == 'failed')
    tables = (rec or {}).get('tables') or {}
    got = {(t, r, c): v for t, rows in tables.items() for r, cols in (rows or {}).items() for c, v in (cols or {}).items()}
    res = {}
    for t, rows in (truth.get('tables') or {}).items():
        for r, cols in (rows or {}).items():
            for c, want in (cols or {}).items():
                key = (t, r, c)
                v, flag = got.get(key), flags.get(key)
                if want is None:
                    outcome = 'null-as-number' if isinstance(v, (int, float)) else 'null-ok'
                elif isinstance(v, (int, float)) and abs(v - want) < 1e-9:
                    outcome = 'right'
                elif (flag and flag not in ('ok', 'blank')) or failed:
                    outcome = 'flagged'
                else:
                    outcome = 'SILENT-number' if isinstance(v, (int, float)) else ('SILENT-blank' if key in flags else 'SILENT-absent')
                res[key] = (outcome, v, flag)
    for key, v in got.items():
        if key not in res:
            res[key] = ('untruthed', v, flags.get(key))
    return res


def compare(out, jsonl, show_all):
    recs = {}
    with open(jsonl, encoding='utf-8') as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                recs[os.path.basename((r.get('source') or {}).get('path') or '')] = r
    by_case = {}
    for entry in sorted(os.listdir(out)):
        if '--' not in entry:
            continue
        name, variant = entry.rsplit('--', 1)
        src = [f for f in os.listdir(os.path.join(out, entry)) if f.startswith('source.')][0]
        with open(os.path.join(out, entry, 'truth.json'), encoding='utf-8') as f:
            truth = json.load(f)
        # score.mjs names its inputs <dir>_<case>.<ext>, non-word characters as _
        key = re.sub(r'[^\w.-]+', '_', f'{os.path.basename(os.path.normpath(out))}/{entry}') + os.path.splitext(src)[1]
        rec = recs.get(key)
        by_case.setdefault(name, {})[variant] = (outcomes(truth, rec), rec, truth)
    totals = {v: {} for v in VARIANTS}
    diffs = []
    for name, vs in by_case.items():
        for variant, (res, rec, truth) in vs.items():
            t = totals[variant]
            t['cases'] = t.get('cases', 0) + 1
            t['no-record'] = t.get('no-record', 0) + (rec is None)
            for outcome, _, _ in res.values():
                t[outcome] = t.get(outcome, 0) + 1
            if variant == 'orig' or 'orig' not in vs:
                continue
            base, _, _ = vs['orig']
            meta = [(k, (vs['orig'][1] or {}).get(k), (rec or {}).get(k)) for k in ('year', 'template', 'status')]
            for k, a, b in meta:
                if a != b:
                    diffs.append((variant, name, f'meta.{k}', 'meta', f'{a} -> {b}', truth.get(k) if k != 'status' else ''))
            for key in sorted(set(base) | set(res)):
                a, b = base.get(key, ('absent', None, None)), res.get(key, ('absent', None, None))
                if a[1:] != b[1:] or a[0] != b[0]:
                    want = (((truth.get('tables') or {}).get(key[0]) or {}).get(key[1]) or {}).get(key[2], '-')
                    diffs.append((variant, name, '.'.join(key), b[0],
                                  f'{a[0]} {a[1]}/{a[2]} -> {b[1]}/{b[2]}', want))
    cols = ('cases', 'no-record', 'right', 'flagged', 'SILENT-number', 'SILENT-blank', 'SILENT-absent', 'null-ok',
            'null-as-number', 'untruthed')
    print('variant'.ljust(18) + ''.join(c.rjust(15) for c in cols))
    for v in VARIANTS:
        print(v.ljust(18) + ''.join(str(totals[v].get(c, 0)).rjust(15) for c in cols))
    order = lambda d: (0 if d[3].startswith('SILENT') or d[3] == 'null-as-number' else 1 if d[3] == 'flagged' else 2, d[0], d[1], d[2])
    print(f'\n{len(diffs)} cells differ from orig (SILENT and null-as-number first):')
    for d in sorted(diffs, key=order)[:None if show_all else 400]:
        print(f'  [{d[3]}] {d[0]} {d[1]} {d[2]}: {d[4]} (truth {d[5]})')


def main():
    args = sys.argv[1:]
    seed = 1
    if '--seed' in args:
        i = args.index('--seed')
        seed = int(args[i + 1])
        del args[i:i + 2]
    if args[:1] == ['write']:
        write(args[1], args[2:], seed)
    elif args[:1] == ['compare']:
        compare(args[1], args[2], '--all' in args)
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main()
