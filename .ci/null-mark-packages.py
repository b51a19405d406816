#!/usr/bin/env python3
"""Marks every package under the given source roots @NullMarked (JSpecify): adds the annotation to an
existing package-info.java, or writes a minimal one for packages that have none (internal ones)."""
import os, sys, re
for root in sys.argv[1:]:
    for d, _, files in os.walk(root):
        if not any(f.endswith('.java') and f not in ('package-info.java', 'module-info.java') for f in files):
            continue
        pkg = os.path.relpath(d, root).replace(os.sep, '.')
        p = os.path.join(d, 'package-info.java')
        if os.path.exists(p):
            s = open(p).read()
            if '@NullMarked' in s or '@org.jspecify.annotations.NullMarked' in s:
                continue
            s = re.sub(r'^package ' + re.escape(pkg) + r';', '@NullMarked\npackage ' + pkg + ';', s, count=1, flags=re.M)
            s = s.rstrip('\n') + '\n\nimport org.jspecify.annotations.NullMarked;\n'
        else:
            s = ('/** Internal implementation; not exported by the module, no compatibility promise. */\n'
                 '@NullMarked\npackage ' + pkg + ';\n\nimport org.jspecify.annotations.NullMarked;\n')
        open(p, 'w').write(s)
        print('marked', pkg)
