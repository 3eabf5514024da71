// Tables ported from upstream's tests, as literal expectations:
// k8s.io/apimachinery/pkg/labels/selector_test.go (TestSelectorParse, TestDeterministicParse, TestEverything,
// TestSelectorMatches, TestSetMatches, TestNilMapIsValid, TestSetIsEmpty, TestLexer, TestLexerSequence,
// TestRequirementConstructor, TestToString, TestRequirementSelectorMatching, TestSetSelectorParser, TestAdd).
import { describe, expect, it } from 'vitest';
import {
  everything,
  lex,
  matchesNothing,
  newRequirement,
  newSelector,
  nothing,
  parse,
  Requirement,
  selectorFromSet,
  Token,
  validatedSetSelector,
  type Operator,
  type Selector,
} from './index';
import { selectorOf } from './selector';

/** The requirements of a selector as [key, operator, values] (values as stored: sorted by the parser). */
const reqs = (s: Selector) => s.requirements().requirements.map((r) => [r.key, r.operator, [...r.values]]);
const req = (key: string, op: Operator, values: string[] = []) => newRequirement(key, op, values);

describe('TestSelectorParse', () => {
  it.each(['x=a,y=b,z=c', '', 'x!=a,y=b', 'x=', 'x= ', 'x=,z= ', 'x= ,z= ', '!x', 'x>1', 'x>1,z<5'])('%j parses and prints back without spaces', (text) => {
    expect(parse(text).toString()).toBe(text.replaceAll(' ', ''));
  });
  it.each(['x=a||y=b', 'x==a==b', '!x=a', 'x<a'])('%j is refused', (text) => {
    expect(() => parse(text)).toThrow();
  });
});

describe('TestDeterministicParse', () => {
  it('sorts requirements by key', () => {
    expect(parse('x=a,a=x').toString()).toBe('a=x,x=a');
    expect(parse('a=x,x=a').toString()).toBe('a=x,x=a');
  });
});

describe('TestEverything / TestNilMapIsValid / TestSetIsEmpty', () => {
  it('Everything matches and is empty; Nothing matches nothing and is not empty', () => {
    expect(everything().matches({ x: 'y' })).toBe(true);
    expect(everything().empty()).toBe(true);
    expect(nothing().matches({ x: 'y' })).toBe(false);
    expect(nothing().matches({})).toBe(false);
    expect(nothing().empty()).toBe(false);
    expect(nothing().requirements()).toEqual({ requirements: [], selectable: false });
    expect(everything().requirements()).toEqual({ requirements: [], selectable: true });
    expect(matchesNothing(nothing())).toBe(true);
    expect(matchesNothing(everything())).toBe(false);
  });
  it('a nil or empty set is Everything', () => {
    expect(selectorFromSet(undefined).empty()).toBe(true);
    expect(selectorFromSet(null).matches({ a: 'b' })).toBe(true);
    expect(selectorFromSet({}).empty()).toBe(true);
    expect(newSelector().empty()).toBe(true);
  });
});

describe('TestSelectorMatches', () => {
  const match: [string, Record<string, string>][] = [
    ['', { x: 'y' }],
    ['x=y', { x: 'y' }],
    ['x=y,z=w', { x: 'y', z: 'w' }],
    ['x!=y,z!=w', { x: 'z', z: 'a' }],
    ['notin=in', { notin: 'in' }], // in and notin in exactMatch
    ['x', { x: 'z' }],
    ['!x', { y: 'z' }],
    ['x>1', { x: '2' }],
    ['x<1', { x: '0' }],
    ['foo=bar', { foo: 'bar', baz: 'blah' }],
    ['baz=blah', { foo: 'bar', baz: 'blah' }],
    ['foo=bar,baz=blah', { foo: 'bar', baz: 'blah' }],
  ];
  const noMatch: [string, Record<string, string>][] = [
    ['x=z', {}],
    ['x=y', { x: 'z' }],
    ['x=y,z=w', { x: 'w', z: 'w' }],
    ['x!=y,z!=w', { x: 'z', z: 'w' }],
    ['x', { y: 'z' }],
    ['!x', { x: 'z' }],
    ['x>1', { x: '0' }],
    ['x<1', { x: '2' }],
    ['foo=blah', { foo: 'bar', baz: 'blah' }],
    ['baz=bar', { foo: 'bar', baz: 'blah' }],
    ['foo=bar,foobar=bar,baz=blah', { foo: 'bar', baz: 'blah' }],
  ];
  it.each(match)('%j matches %j', (sel, labels) => expect(parse(sel).matches(labels)).toBe(true));
  it.each(noMatch)('%j does not match %j', (sel, labels) => expect(parse(sel).matches(labels)).toBe(false));
});

describe('TestSetMatches', () => {
  const labelset = { foo: 'bar', baz: 'blah' };
  it.each<Record<string, string>>([{}, { foo: 'bar' }, { baz: 'blah' }, { foo: 'bar', baz: 'blah' }])('SelectorFromSet(%j) matches', (set) => {
    expect(selectorFromSet(set).matches(labelset)).toBe(true);
  });
  it('SelectorFromSet does not match a differing or missing label', () => {
    expect(selectorFromSet({ foo: 'baz' }).matches(labelset)).toBe(false);
    expect(selectorFromSet({ foo: 'bar', other: 'x' }).matches(labelset)).toBe(false);
    expect(selectorFromSet({ b: '2', a: '1' }).toString()).toBe('a=1,b=2');
  });
  it('ValidatedSetSelector wraps the set and behaves the same', () => {
    expect(validatedSetSelector({}).empty()).toBe(true);
    expect(validatedSetSelector({ foo: 'bar' }).matches(labelset)).toBe(true);
    expect(validatedSetSelector({ foo: 'bar', baz: 'x' }).matches(labelset)).toBe(false);
    expect(validatedSetSelector({ b: '2', a: '1' }).toString()).toBe('a=1,b=2');
    expect(validatedSetSelector({ b: '2', a: '1' }).requiresExactMatch('b')).toBe('2');
    expect(validatedSetSelector({ toString: 'x' }).matches({})).toBe(false);
    expect(validatedSetSelector({ toString: 'x' }).requiresExactMatch('constructor')).toBeUndefined();
  });
});

describe('TestLexer', () => {
  it.each<[string, Token]>([
    ['', Token.EndOfString],
    [',', Token.Comma],
    ['notin', Token.NotIn],
    ['in', Token.In],
    ['=', Token.Equals],
    ['==', Token.DoubleEquals],
    ['>', Token.GreaterThan],
    ['<', Token.LessThan],
    // Lex returns the longest valid token found
    ['!', Token.DoesNotExist],
    ['!=', Token.NotEquals],
    ['(', Token.OpenPar],
    [')', Token.ClosedPar],
    // Non-"special" characters are considered part of an identifier
    ['~', Token.Identifier],
    ['||', Token.Identifier],
  ])('%j lexes as %s', (s, tok) => {
    expect(lex(s)[0]).toEqual({ tok, literal: s });
  });
});

describe('TestLexerSequence / TestParserLookahead', () => {
  const T = Token;
  it.each<[string, Token[]]>([
    ['key in ( value )', [T.Identifier, T.In, T.OpenPar, T.Identifier, T.ClosedPar]],
    ['key notin ( value )', [T.Identifier, T.NotIn, T.OpenPar, T.Identifier, T.ClosedPar]],
    ['key in ( value1, value2 )', [T.Identifier, T.In, T.OpenPar, T.Identifier, T.Comma, T.Identifier, T.ClosedPar]],
    ['key', [T.Identifier]],
    ['!key', [T.DoesNotExist, T.Identifier]],
    ['()', [T.OpenPar, T.ClosedPar]],
    ['', []],
    ['x in (),y', [T.Identifier, T.In, T.OpenPar, T.ClosedPar, T.Comma, T.Identifier]],
    ['== != (), = notin', [T.DoubleEquals, T.NotEquals, T.OpenPar, T.ClosedPar, T.Comma, T.Equals, T.NotIn]],
    ['key>2', [T.Identifier, T.GreaterThan, T.Identifier]],
    ['key<1', [T.Identifier, T.LessThan, T.Identifier]],
  ])('%j', (s, tokens) => {
    expect(lex(s).map((i) => i.tok)).toEqual([...tokens, T.EndOfString]);
  });
});

describe('TestRequirementConstructor', () => {
  it.each<[string, Operator, string[], boolean]>([
    ['x', 'in', [], false],
    ['x', 'notin', [], false],
    ['x', 'in', ['foo'], true],
    ['x', 'notin', ['foo'], true],
    ['x', 'exists', [], true],
    ['x', '!', [], true],
    ['1foo', 'in', ['bar'], true],
    ['1234', 'in', ['bar'], true],
    ['y', 'gt', ['1'], true],
    ['z', 'lt', ['6'], true],
    ['foo', 'gt', ['bar'], false],
    ['barz', 'lt', ['blah'], false],
    ['a'.repeat(254), 'exists', [], false], // breaks DNS rule that len(key) <= 253
  ])('NewRequirement(%j, %s, %j) ok=%s', (key, op, values, ok) => {
    if (ok) expect(() => newRequirement(key, op, values)).not.toThrow();
    else expect(() => newRequirement(key, op, values)).toThrow();
  });
  it('error texts are upstream’s field errors', () => {
    expect(() => newRequirement('x', 'in', [])).toThrow("values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty");
    expect(() => newRequirement('x', 'exists', ['a', 'b'])).toThrow('values: Invalid value: []string{"a", "b"}: values set must be empty for exists and does not exist');
    expect(() => newRequirement('x', '=', ['a', 'b'])).toThrow('values: Invalid value: []string{"a", "b"}: exact-match compatibility requires one single value');
    expect(() => newRequirement('foo', 'gt', ['bar'])).toThrow(`values[0]: Invalid value: "bar": for 'Gt', 'Lt' operators, the value must be an integer`);
    expect(() => newRequirement('x', 'bogus' as Operator, [])).toThrow(
      'operator: Unsupported value: "bogus": supported values: "in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"',
    );
    expect(() => newRequirement('x', '=', ['a b'])).toThrow(
      `values[0][x]: Invalid value: "a b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    );
    // Two problems: an aggregate in brackets.
    expect(() => newRequirement('-x', 'in', [])).toThrow(
      `[key: Invalid value: "-x": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'), values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty]`,
    );
  });
});

describe('TestToString', () => {
  it.each<[Requirement[], string]>([
    [[req('x', 'in', ['abc', 'def']), req('y', 'notin', ['jkl']), req('z', 'exists')], 'x in (abc,def),y notin (jkl),z'],
    [[req('x', 'notin', ['abc', 'def']), req('y', '!=', ['jkl']), req('z', '!')], 'x notin (abc,def),y!=jkl,!z'],
    // the zero Requirement prints nothing, leaving the trailing ','
    [[req('x', 'in', ['abc', 'def']), new Requirement('', '' as Operator, [])], 'x in (abc,def),'],
    [[req('x', 'notin', ['abc']), req('y', 'in', ['jkl', 'mno']), req('z', 'notin', [''])], 'x notin (abc),y in (jkl,mno),z notin ()'],
    [[req('x', '=', ['abc']), req('y', '==', ['jkl']), req('z', '!=', ['a']), req('z', 'exists')], 'x=abc,y==jkl,z!=a,z'],
    [[req('x', 'gt', ['2']), req('y', 'lt', ['8']), req('z', 'exists')], 'x>2,y<8,z'],
  ])('%#', (rs, out) => {
    // upstream builds the internalSelector literally (no sorting)
    expect(selectorOf(rs).toString()).toBe(out);
  });
  it('String() sorts values without touching the requirement', () => {
    const r = req('x', 'in', ['b', 'a']);
    expect(r.toString()).toBe('x in (a,b)');
    expect(r.values).toEqual(['b', 'a']);
  });
});

describe('TestRequirementSelectorMatching', () => {
  const sel = (...rs: Requirement[]) => newSelector().add(...rs);
  it.each<[Record<string, string>, Selector, boolean]>([
    [{ x: 'foo', y: 'baz' }, sel(new Requirement('', '' as Operator, [])), false],
    [{ x: 'foo', y: 'baz' }, sel(req('x', 'in', ['foo']), req('y', 'notin', ['alpha'])), true],
    [{ x: 'foo', y: 'baz' }, sel(req('x', 'in', ['foo']), req('y', 'in', ['alpha'])), false],
    [{ y: '' }, sel(req('x', 'notin', ['']), req('y', 'exists')), true],
    [{ y: '' }, sel(req('x', '!'), req('y', 'exists')), true],
    [{ y: '' }, sel(req('x', 'notin', ['']), req('y', '!')), false],
    [{ y: 'baz' }, sel(req('x', 'in', [''])), false],
    [{ z: '2' }, sel(req('z', 'gt', ['1'])), true],
    [{ z: 'v2' }, sel(req('z', 'gt', ['1'])), false],
  ])('%j: %s → %s', (labels, s, want) => {
    expect(s.matches(labels)).toBe(want);
  });
});

describe('TestSetSelectorParser', () => {
  it.each<[string, (string | string[])[][]]>([
    ['', []],
    ['\rx', [['x', 'exists', []]]],
    ['this-is-a-dns.domain.com/key-with-dash', [['this-is-a-dns.domain.com/key-with-dash', 'exists', []]]],
    ['this-is-another-dns.domain.com/key-with-dash in (so,what)', [['this-is-another-dns.domain.com/key-with-dash', 'in', ['so', 'what']]]],
    ['0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)', [['0.1.2.domain/99', 'notin', ['10.10.100.1', 'tick.tack.clock']]]],
    ['foo  in\t (abc)', [['foo', 'in', ['abc']]]],
    ['x notin\n (abc)', [['x', 'notin', ['abc']]]],
    ['x  notin\t\t\t(abc,def)', [['x', 'notin', ['abc', 'def']]]],
    ['x in (abc,def)', [['x', 'in', ['abc', 'def']]]],
    ['x in (abc,)', [['x', 'in', ['', 'abc']]]],
    ['x in ()', [['x', 'in', ['']]]],
    ['x in (a,,a,,a,,a,,)', [['x', 'in', ['', 'a']]]],
    ['x notin (abc,,def),bar,z in (),w', [['bar', 'exists', []], ['w', 'exists', []], ['x', 'notin', ['', 'abc', 'def']], ['z', 'in', ['']]]],
    ['x,y in (a)', [['x', 'exists', []], ['y', 'in', ['a']]]],
    ['x=a', [['x', '=', ['a']]]],
    ['x>1', [['x', 'gt', ['1']]]],
    ['x<7', [['x', 'lt', ['7']]]],
    ['x=a,y!=b', [['x', '=', ['a']], ['y', '!=', ['b']]]],
    ['x=a,y!=b,z in (h,i,j)', [['x', '=', ['a']], ['y', '!=', ['b']], ['z', 'in', ['h', 'i', 'j']]]],
    ['x notin ( )', [['x', 'notin', ['']]]],
    ['x notin (, a)', [['x', 'notin', ['', 'a']]]],
    ['a ', [['a', 'exists', []]]],
    ['a in (x,y,notin, z,in)', [['a', 'in', ['in', 'notin', 'x', 'y', 'z']]]], // operator 'in' inside list of identifiers
  ])('%j', (text, want) => {
    expect(reqs(parse(text))).toEqual(want);
  });
  it.each(['x=a||y=b', 'x,,y', ',x,y', 'x nott in (y)', 'a in (xyz),', 'a in (xyz)b notin ()', 'a in (xyz abc)', 'a notin(', 'a (', '('])('%j is refused', (text) => {
    expect(() => parse(text)).toThrow();
  });
});

describe('TestAdd', () => {
  it('keeps requirements sorted by key', () => {
    const one = newSelector().add(req('key', 'in', ['value']));
    expect(reqs(one)).toEqual([['key', 'in', ['value']]]);
    expect(reqs(one.add(req('key2', '=', ['value2'])))).toEqual([
      ['key', 'in', ['value']],
      ['key2', '=', ['value2']],
    ]);
    expect(newSelector().add(req('b', 'exists'), req('a', 'exists')).toString()).toBe('a,b');
  });
  it('RequiresExactMatch', () => {
    expect(parse('a=1,b in (2),c in (3,4)').requiresExactMatch('a')).toBe('1');
    expect(parse('a=1,b in (2),c in (3,4)').requiresExactMatch('b')).toBe('2');
    expect(parse('a=1,b in (2),c in (3,4)').requiresExactMatch('c')).toBeUndefined();
    expect(parse('a=1').requiresExactMatch('z')).toBeUndefined();
  });
});

describe('parse error messages (selector.go, as the API server answers a list request)', () => {
  it.each([
    ['app in example', "unable to parse requirement: found 'example' expected: '('"],
    ['app=web,', "found '', expected: identifier after ','"],
    ['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ['a=b)c', "found ')', expected: ',' or 'end of string'"],
    [',a', "found ',', expected: !, identifier, or 'end of string'"],
    ['a in (x y)', "unable to parse requirement: found 'y', expected: ',' or ')'"],
    ['a in (x', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['a in (=)', "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
    ['a in (,=', "unable to parse requirement: found '=', expected: ',', or identifier"],
    ['a==b==c', "found '==', expected: ',' or 'end of string'"],
    ['a=(', "unable to parse requirement: found '(', expected: identifier"],
    ['!=a', "found '!=', expected: !, identifier, or 'end of string'"],
    ['!(', "unable to parse requirement: found '(', expected: identifier"],
    [
      'a=$y',
      `unable to parse requirement: values[0][a]: Invalid value: "$y": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ],
    [
      '-a=b',
      `unable to parse requirement: <nil>: Invalid value: "-a": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    ],
  ])('%j → %s', (text, message) => {
    expect(() => parse(text)).toThrow(message);
    try {
      parse(text);
    } catch (e) {
      expect((e as Error).message).toBe(message);
    }
  });
});

describe('own-property checks', () => {
  it('inherited names are not labels', () => {
    expect(parse('!toString').matches({})).toBe(true);
    expect(parse('constructor').matches({})).toBe(false);
    expect(parse('hasOwnProperty notin (x)').matches({})).toBe(true);
    expect(new Requirement('__proto__', 'in', ['x']).matches({})).toBe(false);
    expect(new Requirement('__proto__', '!', []).matches({})).toBe(true);
    expect(selectorFromSet({ toString: 'x' }).matches({})).toBe(false);
    expect(newSelector().add(req('toString', '!')).matches({ app: 'web' })).toBe(true);
  });
});
