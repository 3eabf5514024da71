// labels.Parse: the selector syntax of `kubectl -l` and of list requests, with upstream's lexer, parser
// and error messages. Upstream: k8s.io/apimachinery/pkg/labels/selector.go (Lexer, Parser, Parse).
//
//   <selector-syntax>         ::= <requirement> | <requirement> "," <selector-syntax>
//   <requirement>             ::= [!] KEY [ <set-based-restriction> | <exact-match-restriction> ]
//   <set-based-restriction>   ::= "" | <inclusion-exclusion> <value-set>
//   <inclusion-exclusion>     ::= "in" | "notin"
//   <value-set>               ::= "(" <values> ")"
//   <values>                  ::= VALUE | VALUE "," <values>
//   <exact-match-restriction> ::= ["="|"=="|"!="|">"|"<"] VALUE

import { LabelSelectorError } from './errors';
import { labelKeyError, newRequirement, selectorOf, type Operator, type Requirement, type Selector, binaryOperatorList } from './selector';

export enum Token {
  Error,
  EndOfString,
  ClosedPar,
  Comma,
  DoesNotExist,
  DoubleEquals,
  Equals,
  GreaterThan,
  Identifier,
  In,
  LessThan,
  NotEquals,
  NotIn,
  OpenPar,
}

const STRING_TO_TOKEN: ReadonlyMap<string, Token> = new Map([
  [')', Token.ClosedPar],
  [',', Token.Comma],
  ['!', Token.DoesNotExist],
  ['==', Token.DoubleEquals],
  ['=', Token.Equals],
  ['>', Token.GreaterThan],
  ['in', Token.In],
  ['<', Token.LessThan],
  ['!=', Token.NotEquals],
  ['notin', Token.NotIn],
  ['(', Token.OpenPar],
]);

const isWhitespace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecialSymbol = (ch: string) => '=!(),><'.includes(ch) && ch !== '';

export interface ScannedItem {
  tok: Token;
  literal: string;
}

/** The lexer: the longest special symbol, else an identifier or keyword up to a blank or symbol. */
export function lex(s: string): ScannedItem[] {
  const items: ScannedItem[] = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && isWhitespace(s[pos])) pos++;
    if (pos >= s.length) {
      items.push({ tok: Token.EndOfString, literal: '' });
      return items;
    }
    if (isSpecialSymbol(s[pos])) {
      // scanSpecialSymbol: grow while the buffer is still a token.
      let last: ScannedItem | undefined;
      let buffer = '';
      while (pos < s.length && isSpecialSymbol(s[pos])) {
        buffer += s[pos];
        const tok = STRING_TO_TOKEN.get(buffer);
        if (tok !== undefined) last = { tok, literal: buffer };
        else if (last) break;
        pos++;
      }
      items.push(last ?? { tok: Token.Error, literal: `error expected: keyword found '${buffer}'` });
    } else {
      const start = pos;
      while (pos < s.length && !isSpecialSymbol(s[pos]) && !isWhitespace(s[pos])) pos++;
      const literal = s.slice(start, pos);
      items.push({ tok: STRING_TO_TOKEN.get(literal) ?? Token.Identifier, literal });
    }
  }
}

const enum Context {
  KeyAndOperator,
  /** `in` and `notin` are plain identifiers where a key or value is expected ("value in (in)"). */
  Values,
}

class Parser {
  private position = 0;
  constructor(private readonly items: ScannedItem[]) {}

  lookahead(ctx: Context): ScannedItem {
    return this.asContext(this.items[this.position], ctx);
  }

  consume(ctx: Context): ScannedItem {
    return this.asContext(this.items[this.position++], ctx);
  }

  private asContext(item: ScannedItem, ctx: Context): ScannedItem {
    if (ctx === Context.Values && (item.tok === Token.In || item.tok === Token.NotIn)) return { tok: Token.Identifier, literal: item.literal };
    return item;
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const { tok, literal } = this.lookahead(Context.Values);
      if (tok === Token.EndOfString) return reqs;
      if (tok !== Token.Identifier && tok !== Token.DoesNotExist) {
        throw new LabelSelectorError(`found '${literal}', expected: !, identifier, or 'end of string'`);
      }
      try {
        reqs.push(this.parseRequirement());
      } catch (e) {
        if (e instanceof LabelSelectorError) throw new LabelSelectorError(`unable to parse requirement: ${e.message}`);
        throw e;
      }
      const next = this.consume(Context.Values);
      if (next.tok === Token.EndOfString) return reqs;
      if (next.tok !== Token.Comma) throw new LabelSelectorError(`found '${next.literal}', expected: ',' or 'end of string'`);
      const after = this.lookahead(Context.Values);
      if (after.tok !== Token.Identifier && after.tok !== Token.DoesNotExist) {
        throw new LabelSelectorError(`found '${after.literal}', expected: identifier after ','`);
      }
    }
  }

  private parseRequirement(): Requirement {
    const { key, operator } = this.parseKeyAndInferOperator();
    if (operator === 'exists' || operator === '!') return newRequirement(key, operator, []);
    const op = this.parseOperator();
    const values = op === 'in' || op === 'notin' ? this.parseValues() : this.parseExactValue();
    // sets.String.List(): sorted, without duplicates.
    return newRequirement(key, op, [...values].sort());
  }

  /** A key, with `!` before it DoesNotExist and nothing after it Exists. */
  private parseKeyAndInferOperator(): { key: string; operator?: Operator } {
    let operator: Operator | undefined;
    let item = this.consume(Context.Values);
    if (item.tok === Token.DoesNotExist) {
      operator = '!';
      item = this.consume(Context.Values);
    }
    if (item.tok !== Token.Identifier) throw new LabelSelectorError(`found '${item.literal}', expected: identifier`);
    // The parser's own key check has no field path: field.Path(nil).String() is "<nil>".
    const keyErr = labelKeyError(item.literal, '<nil>');
    if (keyErr) throw new LabelSelectorError(keyErr);
    const t = this.lookahead(Context.Values).tok;
    if ((t === Token.EndOfString || t === Token.Comma) && operator !== '!') operator = 'exists';
    return { key: item.literal, operator };
  }

  private parseOperator(): Operator {
    const { tok, literal } = this.consume(Context.KeyAndOperator);
    switch (tok) {
      case Token.In:
        return 'in';
      case Token.Equals:
        return '=';
      case Token.DoubleEquals:
        return '==';
      case Token.GreaterThan:
        return 'gt';
      case Token.LessThan:
        return 'lt';
      case Token.NotIn:
        return 'notin';
      case Token.NotEquals:
        return '!=';
      default:
        throw new LabelSelectorError(`found '${literal}', expected: ${binaryOperatorList}`);
    }
  }

  /** `(a,b,c)`; `()` is the one empty value. */
  private parseValues(): Set<string> {
    const open = this.consume(Context.Values);
    if (open.tok !== Token.OpenPar) throw new LabelSelectorError(`found '${open.literal}' expected: '('`);
    const { tok, literal } = this.lookahead(Context.Values);
    if (tok === Token.Identifier || tok === Token.Comma) {
      const s = this.parseIdentifiersList();
      // Upstream reports the literal seen before the list here, not the one found.
      if (this.consume(Context.Values).tok !== Token.ClosedPar) throw new LabelSelectorError(`found '${literal}', expected: ')'`);
      return s;
    }
    if (tok === Token.ClosedPar) {
      this.consume(Context.Values);
      return new Set(['']);
    }
    throw new LabelSelectorError(`found '${literal}', expected: ',', ')' or identifier`);
  }

  /** A comma-separated list of possibly empty identifiers (`(,a)` holds "" and "a"). */
  private parseIdentifiersList(): Set<string> {
    const s = new Set<string>();
    for (;;) {
      const { tok, literal } = this.consume(Context.Values);
      if (tok === Token.Identifier) {
        s.add(literal);
        const next = this.lookahead(Context.Values);
        if (next.tok === Token.Comma) continue;
        if (next.tok === Token.ClosedPar) return s;
        throw new LabelSelectorError(`found '${next.literal}', expected: ',' or ')'`);
      }
      if (tok === Token.Comma) {
        if (s.size === 0) s.add('');
        const next = this.lookahead(Context.Values).tok;
        if (next === Token.ClosedPar || next === Token.Comma) s.add('');
        if (next === Token.ClosedPar) return s;
        continue;
      }
      throw new LabelSelectorError(`found '${literal}', expected: ',', or identifier`);
    }
  }

  /** The one value after `=`, `==`, `!=`, `>` or `<` (nothing means ""). */
  private parseExactValue(): Set<string> {
    const t = this.lookahead(Context.Values).tok;
    if (t === Token.EndOfString || t === Token.Comma) return new Set(['']);
    const { tok, literal } = this.consume(Context.Values);
    if (tok === Token.Identifier) return new Set([literal]);
    throw new LabelSelectorError(`found '${literal}', expected: identifier`);
  }
}

/** labels.ParseToRequirements: the requirements sorted by key (throws LabelSelectorError). */
export function parseToRequirements(selector: string): Requirement[] {
  const reqs = new Parser(lex(selector)).parse();
  // sort.Sort(ByKey): deterministic whatever the input order.
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** labels.Parse (throws LabelSelectorError with upstream's message). */
export function parse(selector: string): Selector {
  return selectorOf(parseToRequirements(selector));
}
