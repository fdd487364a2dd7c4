import neo4j from 'neo4j-driver';
const d = neo4j.driver('bolt://127.0.0.1:7699', undefined, { disableLosslessIntegers: true });
const q = async (c: string, p = {}) => { try { const r = await d.executeQuery(c, p); console.log('OK', c.slice(0, 60), JSON.stringify(r.records.map(x => x.toObject()))); } catch (e) { console.log('ERR', c.slice(0, 60), (e as Error).message.slice(0, 200)); } };
await q('CYPHER 5 UNWIND $rows AS r MERGE (n:Entity {id: r.id}) SET n:$(r.label) RETURN n.id', { rows: [{ id: 'a', label: 'Region' }, { id: 'b', label: 'Person' }] });
await q('UNWIND $rows AS r MATCH (a:Entity {id: r.a}), (b:Entity {id: r.b}) MERGE (a)-[x:$(r.type) {id: r.id}]->(b) RETURN type(x)', { rows: [{ a: 'a', b: 'b', type: 'PART_OF', id: 'r1' }] });
await q('MATCH (n:$($l)) RETURN n.id', { l: 'Region' });
await q('MATCH (a)-[r:$any($t)]->(b) RETURN r.id', { t: ['PART_OF', 'X'] });
await q('CALL dbms.components() YIELD versions RETURN versions');
await d.close();
