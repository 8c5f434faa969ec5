#!/usr/bin/env python3
"""Builds the console's compact Engine API endpoint index from the bundled OpenAPI files.

Usage: engine-api-index.py [--check]   (--check: exit 1 when the committed index differs)
"""
import glob
import json
import os
import re
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, 'resources', 'engine-api')
OUT = os.path.join(ROOT, 'src', 'shared', 'apilog', 'endpoint-index.data.json')
# Every description bundled in resources/engine-api (v1.25 ... MAX_API_VERSION; 1.24 has none).
VERSIONS = sorted((re.match(r'v(\d+\.\d+)\.yaml$', os.path.basename(f)).group(1)
                   for f in glob.glob(os.path.join(SRC, 'v*.yaml'))),
                  key=lambda v: tuple(int(x) for x in v.split('.')))


def first_sentence(text, limit=240):
    if not text:
        return ''
    t = ' '.join(str(text).split())
    for end in ('. ', '.\n'):
        i = t.find(end)
        if 0 < i < limit:
            return t[: i + 1]
    return t if len(t) <= limit else t[: limit - 1] + '\u2026'


def resolve(spec, schema, seen=None):
    """Top-level properties and required names of a body schema, through $ref and allOf."""
    seen = seen or set()
    props, required, ref = {}, [], None
    if not isinstance(schema, dict):
        return props, required, ref
    if '$ref' in schema:
        ref = schema['$ref'].split('/')[-1]
        if ref in seen:
            return props, required, ref
        seen.add(ref)
        p, r, _ = resolve(spec, spec.get('definitions', {}).get(ref, {}), seen)
        return p, r, ref
    for part in schema.get('allOf', []):
        p, r, _ = resolve(spec, part, seen)
        props.update(p)
        required += r
    for name, prop in (schema.get('properties') or {}).items():
        t = prop.get('type') or ('object' if '$ref' in prop or 'allOf' in prop else '')
        props[name] = {'t': t, 'd': first_sentence(prop.get('description'), 160)}
    required += schema.get('required') or []
    return props, required, ref


def index(version):
    with open(os.path.join(SRC, f'v{version}.yaml'), encoding='utf-8') as f:
        spec = yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    endpoints = []
    for path, ops in sorted(spec['paths'].items()):
        for method, op in ops.items():
            if method not in ('get', 'head', 'post', 'put', 'delete'):
                continue
            entry = {'m': method.upper(), 'p': path, 's': op.get('summary') or op.get('operationId', ''),
                     'd': first_sentence(op.get('description')), 'op': op.get('operationId', '')}
            params = []
            for prm in op.get('parameters', []):
                if prm.get('in') == 'body':
                    props, required, ref = resolve(spec, prm.get('schema', {}))
                    body = {'t': prm.get('schema', {}).get('type', 'object')}
                    if ref:
                        body['ref'] = ref
                    if props:
                        body['props'] = props
                    if required:
                        body['req'] = sorted(set(required))
                    if prm.get('required'):
                        body['r'] = True
                    entry['body'] = body
                    continue
                p = {'n': prm['name'], 'in': prm['in'], 't': prm.get('type', 'string'),
                     'd': first_sentence(prm.get('description'), 200)}
                if prm.get('required'):
                    p['r'] = True
                if 'enum' in prm:
                    p['enum'] = prm['enum']
                if 'default' in prm:
                    p['def'] = prm['default']
                params.append(p)
            if params:
                entry['params'] = params
            endpoints.append(entry)
    return endpoints


def main():
    # Most endpoints read the same in neighbouring versions: each distinct one is stored once and
    # every version lists the ones it has (keeps the renderer bundle small with 19 versions).
    docs, ids, versions = [], {}, {}
    for v in VERSIONS:
        versions[v] = []
        for e in index(v):
            key = json.dumps(e, sort_keys=True)
            if key not in ids:
                ids[key] = len(docs)
                docs.append(e)
            versions[v].append(ids[key])
    data = {'source': 'moby/moby api/docs (Apache-2.0), see resources/engine-api/README.md',
            'endpoints': docs, 'versions': versions}
    text = json.dumps(data, separators=(',', ':'), sort_keys=True) + '\n'
    if '--check' in sys.argv:
        with open(OUT, encoding='utf-8') as f:
            if f.read() != text:
                print('endpoint-index.data.json is stale: run scripts/engine-api-index.py', file=sys.stderr)
                sys.exit(1)
        return
    with open(OUT, 'w', encoding='utf-8') as f:
        f.write(text)


if __name__ == '__main__':
    main()
