#!/usr/bin/env python3
"""Gives Javadoc comments that have no main description one, for doclint and Error Prone's MissingSummary:
a comment whose only text is block tags and which has an @return gets {@return ...} as its summary
(the @return tag moves into it):  /** @return the id */  ->  /** {@return the id} */
A builder method documented "@return this builder" gets "Sets {@code name}." instead, and a
constructor documented only by its @param tags "Creates the exception." or "Creates it from its parts.".
A record's compact constructor gets the record's @param tags (doclint on JDK 17 asks for them).
Comments with no @return are listed for a human to write. Usage: javadoc-summaries.py DIR..."""
import os, re, sys

COMMENT = re.compile(r'/\*\*(.*?)\*/', re.S)
TAG = re.compile(r'^@\w+')

def fix(body, indent, name):
    single = '\n' not in body
    if single:
        text = body.strip()
        if not text.startswith('@return ') or re.search(r'\s@\w+\s', ' ' + text[8:]):
            return None
        content = text[len('@return '):].strip().rstrip('.')
        return ' {@return ' + content + '} '
    lines = body.split('\n')
    stripped = [re.sub(r'^\s*\*?\s?', '', l, count=1) for l in lines]
    # main description: text before the first block tag
    first_tag = next((i for i, s in enumerate(stripped) if TAG.match(s.strip())), None)
    if first_tag is None or any(s.strip() for s in stripped[:first_tag]):
        return None
    ret = next((i for i, s in enumerate(stripped) if s.strip().startswith('@return')), None)
    if ret is None:
        if name and name[0].isupper():
            what = 'the exception' if name.endswith('Exception') else 'it from its parts'
            return '\n'.join([lines[0], indent + ' * Creates ' + what + '.', indent + ' *'] + lines[1:])
        return 'MISSING'
    end = ret + 1
    while end < len(stripped) and stripped[end].strip() and not TAG.match(stripped[end].strip()) \
            and end < len(lines) - 1:
        end += 1
    parts = [stripped[ret].strip()[len('@return'):].strip()] + [s.strip() for s in stripped[ret + 1:end]]
    content = ' '.join(p for p in parts if p).rstrip('.')
    if name and re.fullmatch(r'(this|the|this same) builder|this', content):
        return '\n'.join([lines[0], indent + ' * Sets {@code ' + name + '}.', indent + ' *'] + lines[1:])
    rest = [l for i, l in enumerate(lines[1:-1], start=1) if not (ret <= i < end)]
    while rest and not re.sub(r'^\s*\*', '', rest[-1]).strip():
        rest.pop()
    has_tags = any(TAG.match(re.sub(r'^\s*\*\s?', '', l).strip()) for l in rest)
    summary = indent + ' * {@return ' + content + '}'
    out = [lines[0], summary]
    if has_tags:
        # drop leading blank lines of the remaining tags, keep one separator
        while rest and not re.sub(r'^\s*\*', '', rest[0]).strip():
            rest.pop(0)
        out += [indent + ' *'] + rest
    out.append(lines[-1])
    return '\n'.join(out)

def process(path, missing):
    src = open(path, encoding='utf-8').read()
    changed = 0
    def repl(m):
        nonlocal changed
        start = src.rfind('\n', 0, m.start()) + 1
        indent = src[start:m.start()]
        if indent.strip():
            return m.group(0)
        decl = re.match(r'\s*(?:@[\w.]+(?:\([^)]*\))?\s*)*[\w<>\[\], .?]*?\b(\w+)\s*\(', src[m.end():])
        new = fix(m.group(1), indent, decl.group(1) if decl else None)
        if new is None:
            return m.group(0)
        if new == 'MISSING':
            line = src.count('\n', 0, m.start()) + 1
            missing.append(f'{path}:{line}')
            return m.group(0)
        changed += 1
        return '/**' + new + '*/'
    out = COMMENT.sub(repl, src)
    if changed:
        open(path, 'w', encoding='utf-8').write(out)
    return changed

RECORD = re.compile(r'/\*\*((?:(?!\*/).)*?)\*/\s*(?:@[\w.]+(?:\([^)]*\))?\s*)*'
                    r'(?:[a-z]+\s+)*record\s+(\w+)\s*[(<]', re.S)

def record_params(path):
    src = open(path, encoding='utf-8').read()
    changed = 0
    for rm in RECORD.finditer(src):
        doc, name = rm.group(1), rm.group(2)
        params = [re.sub(r'^\s*\*\s?', '', l) for l in doc.split('\n')]
        block, cur = [], None
        for l in params:
            if l.strip().startswith('@param <'):
                cur = None   # a type parameter: the compact constructor has none
            elif l.strip().startswith('@param'):
                cur = [l.rstrip()]
                block.append(cur)
            elif l.strip().startswith('@'):
                cur = None
            elif cur is not None and l.strip():
                cur.append(l.rstrip())
        if not block:
            continue
        ctor = re.compile(r'(?P<indent>[ \t]*)/\*\*(?P<doc>(?:(?!\*/).)*?)\*/(?P<gap>\s*)public\s+' + name + r'\s*\{', re.S)
        m = ctor.search(src, rm.end())
        if not m or '@param' in m.group('doc'):
            continue
        ind = m.group('indent')
        text = [re.sub(r'^\s*\*\s?', '', l).rstrip() for l in m.group('doc').strip().split('\n')]
        lines = [ind + '/**'] + [ind + ' * ' + t if t else ind + ' *' for t in text] + [ind + ' *']
        for b in block:
            lines += [ind + ' * ' + b[0].strip()] + [ind + ' * ' + c for c in b[1:]]
        lines.append(ind + ' */')
        src = src[:m.start()] + '\n'.join(lines) + m.group('gap') + 'public ' + name + ' {' + src[m.end():]
        changed += 1
    if changed:
        open(path, 'w', encoding='utf-8').write(src)
    return changed

total, records, missing = 0, 0, []
for root in sys.argv[1:]:
    for d, _, files in os.walk(root):
        for f in files:
            if f.endswith('.java'):
                total += process(os.path.join(d, f), missing)
                records += record_params(os.path.join(d, f))
print(f'{total} comments given a summary, {records} compact constructors given the record\'s @param tags')
for m in missing:
    print('no summary and no @return, write one:', m)
