import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePython, PYTHON_SETUP_TIMEOUT_MS, runPython } from '../support/ensurePython.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

const FORUM = 'event/krasnogorsk-business-forum-2025';

interface Checked {
  lines: number;
  problems: string[];
  schemata: Record<string, number>;
  ktz: { schema: string; names: string[]; legalForm: string[] };
  government: string;
  memorandum: { schema: string; contractDate: string[] };
  link: { schema: string; summary: string[]; role: string[]; date: string[] };
  ends: string[];
}

describe('GET /export/ftm read by the followthemoney package', () => {
  let server: TestServer;
  let python: string;
  beforeAll(async () => {
    [server, python] = await Promise.all([startTestServer(), ensurePython()]);
  }, PYTHON_SETUP_TIMEOUT_MS);
  afterAll(() => server.close());

  it('writes only entities its model takes whole, with the evidence as summary and sourceUrl', async () => {
    // Strict reading: get_proxy(cleaned=False) re-validates every value but drops unknown properties and values it
    // cannot clean without a word, so each line is compared with what the proxy kept.
    const checked = await runPython<Checked>(
      python,
      `
import json, os, urllib.request
from followthemoney import model
body = urllib.request.urlopen(os.environ["BASE"] + "/export/ftm?ids=${FORUM},organization/ktz&depth=2").read().decode("utf-8")
lines = [json.loads(line) for line in body.splitlines()]
problems, proxies = [], {}
for data in lines:
    schema = model.get(data["schema"])
    if schema is None or schema.abstract:
        problems.append(f"{data['id']}: schema {data['schema']}")
        continue
    for name in data["properties"]:
        if name not in schema.properties:
            problems.append(f"{data['id']}: unknown property {schema.name}.{name}")
    proxy = model.get_proxy(data, cleaned=False)
    try:
        schema.validate(proxy.to_dict())
    except Exception as error:
        problems.append(f"{data['id']}: {error}")
    for name, values in data["properties"].items():
        if name in schema.properties and len(proxy.get(name)) != len(set(values)):
            problems.append(f"{data['id']}: {name} {values} kept as {proxy.get(name)}")
    for name in schema.required:
        if not proxy.get(name):
            problems.append(f"{data['id']}: required {name} missing")
    proxies[proxy.id] = proxy
ends = set()
for proxy in proxies.values():
    for prop, value in proxy.itervalues():
        if prop.type.name == "entity":
            ends.add(value)
schemata = {}
for proxy in proxies.values():
    schemata[proxy.schema.name] = schemata.get(proxy.schema.name, 0) + 1
ktz = proxies["coopgraph-organization-ktz"]
link = next(p for p in proxies.values() if p.schema.name == "UnknownLink" and "PARTY_TO" in p.get("role") and p.get("date"))
memorandum = proxies["coopgraph-agreement-moscow-oblast-almaty-oblast-cooperation-memorandum"]
print(json.dumps({
  "lines": len(lines),
  "problems": problems,
  "schemata": schemata,
  "ktz": {"schema": ktz.schema.name, "names": sorted(ktz.get("name")), "legalForm": ktz.get("legalForm")},
  "government": proxies["coopgraph-organization-government-of-moscow-oblast"].schema.name,
  "memorandum": {"schema": memorandum.schema.name, "contractDate": memorandum.get("contractDate")},
  "link": {"schema": link.schema.name, "summary": link.get("summary"), "role": link.get("role"), "date": link.get("date")},
  "ends": sorted(ends - set(proxies)),
}, ensure_ascii=False))
`,
      { BASE: server.url },
    );
    expect(checked.problems).toEqual([]);
    expect(checked.lines).toBeGreaterThan(20);
    expect(Object.keys(checked.schemata)).toEqual(
      expect.arrayContaining(['Person', 'Company', 'PublicBody', 'Event', 'Contract', 'UnknownLink']),
    );
    expect(checked.ktz).toEqual({
      schema: 'Company',
      names: ['Kazakhstan Temir Zholy', 'Қазақстан темір жолы'],
      legalForm: ['JSC'],
    });
    expect(checked.government).toBe('PublicBody');
    expect(checked.memorandum).toEqual({ schema: 'Contract', contractDate: ['2025-09-09'] });
    expect(checked.link.role[0]).toBe('PARTY_TO');
    expect(checked.link.date).toEqual(['2025-09-09']);
    expect(checked.link.summary.length).toBeGreaterThan(0);
    // Every link points at an entity of the same file.
    expect(checked.ends).toEqual([]);
  });
});
