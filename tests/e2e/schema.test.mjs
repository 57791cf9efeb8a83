// The bank JSON Schema (assets/bank.schema.json) agrees with the Rust reader (src/bank/read.rs):
// the banks tscheck accepts are valid under the schema, and the broken fixtures whose problem
// is structural (a type, a missing or unknown field, a range, a translation) are rejected by
// the schema too. The rules the schema cannot express are listed below, fixture by fixture.
//
// Run: node --test tests/e2e/schema.test.mjs (after npm ci in tests/e2e).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readJson = (path) => JSON.parse(readFileSync(root + path, 'utf8'));

const schema = readJson('assets/bank.schema.json');
// strict: an unknown keyword or a keyword that can never apply is an error in the schema.
// strictTuples is off because the schema uses prefixItems only to constrain the first item
// (the first level starts at 0, the first option scores 0), not to describe a tuple.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTuples: false });
const validate = ajv.compile(schema);

const errorsOf = (bank) => (validate(bank) ? [] : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`));

// Fixtures in tests/fixtures/broken/ whose problem only `tscheck check` finds, and why.
const ONLY_TSCHECK = new Map([
  ['not-json', 'not JSON at all: no schema is consulted'],
  ['duplicate-question-id', 'uniqueness of ids'],
  ['duplicate-option-id', 'uniqueness of ids'],
  ['unknown-dimension', 'a reference to another part of the file'],
  ['unknown-module', 'a reference to another part of the file'],
  ['dangling-show-if', 'a reference to another part of the file'],
  ['show-if-cycle', 'conditions forming a cycle'],
  ['dimension-without-questions', 'a dimension no question refers to'],
  ['answer-condition-not-monotone', 'the scores of the options of another question'],
  ['gate-allows-not-applicable', 'a property of the question a condition refers to'],
  ['bad-levels', 'rising level minimums'],
  ['critical-in-follow-up-module', 'the condition of the module a question refers to'],
  ['replaced-still-in-bank', 'a replaced id compared with the ids of the questions'],
  ['replaced-twice', 'uniqueness of replaced ids across questions'],
  ['required-unknown-option', 'a reference to the options of the same question'],
  ['duplicate-evidence-record', 'uniqueness of ids'],
  ['evidence-unknown-option', 'a reference to another part of the file'],
  ['evidence-measure-twice', 'the measures listed once each, in order'],
  ['unknown-role', 'a reference to another part of the file'],
]);

const brokenDir = 'tests/fixtures/broken/';
const brokenFixtures = readdirSync(root + brokenDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.replace(/\.json$/, ''))
  .sort();

test('the bundled bank is valid under the schema', () => {
  assert.deepEqual(errorsOf(readJson('assets/bank/bank.json')), []);
});

test('the mini bank is valid under the schema', () => {
  assert.deepEqual(errorsOf(readJson('tests/fixtures/mini-bank.json')), []);
});

test('every structural problem that tscheck reports is rejected by the schema too', () => {
  const structural = brokenFixtures.filter((name) => !ONLY_TSCHECK.has(name));
  assert.ok(structural.length >= 10, `only ${structural.length} structural fixtures`);
  for (const name of structural) {
    assert.notDeepEqual(errorsOf(readJson(`${brokenDir}${name}.json`)), [], `${name}.json passes the schema`);
  }
});

test('the fixtures the schema cannot catch are exactly the listed ones', () => {
  for (const name of ONLY_TSCHECK.keys()) {
    assert.ok(brokenFixtures.includes(name), `${name}.json is listed but does not exist`);
    if (name === 'not-json') {
      assert.throws(() => readJson(`${brokenDir}${name}.json`), SyntaxError);
      continue;
    }
    // If the schema learns to catch one of these, move it out of the list.
    assert.deepEqual(errorsOf(readJson(`${brokenDir}${name}.json`)), [], `${name}.json is now rejected by the schema`);
  }
});

test('the schema rejects a condition with two keys and an answer condition under not', () => {
  const bank = readJson('tests/fixtures/mini-bank.json');
  const b2 = bank.questions.find((q) => q.id === 'b2');
  b2.show_if = { industry: ['general'], cross_border: true };
  assert.notDeepEqual(errorsOf(bank), []);
  b2.show_if = { not: { all: [{ industry: ['general'] }, { answer: { question: 'b1', any_of: ['full'] } }] } };
  assert.notDeepEqual(errorsOf(bank), []);
  b2.show_if = { all: [{ industry: ['general'] }, { any: [{ answer: { question: 'b1', any_of: ['full'] } }, { not: { partners: false } }] }] };
  assert.deepEqual(errorsOf(bank), []);
  // The AI-models checkbox (issue 11): a boolean, also under not; the ai-robotics industry.
  b2.show_if = { any: [{ industry: ['ai-robotics'] }, { not: { ai_models: false } }] };
  assert.deepEqual(errorsOf(bank), []);
  b2.show_if = { ai_models: 'yes' };
  assert.notDeepEqual(errorsOf(bank), []);
  b2.show_if = { industry: ['ai_robotics'] };
  assert.notDeepEqual(errorsOf(bank), []);
});

test('the schema tells single-choice options from checklist options by the kind', () => {
  const bank = readJson('tests/fixtures/mini-bank.json');
  const a3 = bank.questions.find((q) => q.id === 'a3');
  a3.options = a3.options.map(({ id, text, weight }) => ({ id, text, score: weight / 3 }));
  assert.notDeepEqual(errorsOf(bank), [], 'a checklist option with a score');
  a3.kind = 'single';
  a3.options[0].score = 0;
  a3.options[1].score = 1;
  assert.deepEqual(errorsOf(bank), [], 'the same options on a single-choice question');
});
