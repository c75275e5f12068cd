#!/usr/bin/env node
// Extracts spec/connect-schema.json from the `stripe` npm package's TypeScript definitions
// (node_modules/stripe/cjs/**/*.d.ts) and resource files (cjs/resources/**/*.js), using the
// TypeScript compiler API. What to extract is listed in resources.json beside this file;
// tools/codegen/README.md says how to run it, bump versions and add a resource.
//
//   node extract.js [--config resources.json] [--out ../../../spec/connect-schema.json]
//                   [--package-dir node_modules/stripe] [--generated 2026-01-01T00:00:00.000Z]
'use strict';

const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const HERE = __dirname;

// ---------------------------------------------------------------------------------------
// Command line

function parseArgs(argv) {
  const args = {
    config: path.join(HERE, 'resources.json'),
    out: null,
    packageDir: path.join(HERE, 'node_modules', 'stripe'),
    generated: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--config') args.config = path.resolve(next());
    else if (a === '--out') args.out = path.resolve(next());
    else if (a === '--package-dir') args.packageDir = path.resolve(next());
    else if (a === '--generated') args.generated = next();
    else if (a === '-h' || a === '--help') {
      process.stdout.write(
        'usage: node extract.js [--config FILE] [--out FILE] [--package-dir DIR] [--generated ISO-TIME]\n' +
          'Writes the schema to --out, or to standard output without it.\n',
      );
      process.exit(0);
    } else throw new Error(`unknown argument: ${a}`);
  }
  return args;
}

// ---------------------------------------------------------------------------------------
// Conventions written into the output's "generator" block (they describe this extractor).

const CONVENTIONS = {
  kinds:
    'string|number|boolean|object|array|enum|map|union|unknown, plus expandable (string id | API object; only objectType named, not recursed), ref (named type already on the current path), function (SDK method on event/notification types)',
  optional: 'property declared with `?`',
  nullable: 'type is a union with null',
  emptyable: 'Emptyable<T> = null | "" | T (params: pass "" to unset)',
  map: 'index signature ({[key: string]: V}); valueType holds the schema of V',
  enum: 'values in declaration order; open=true when the union includes OtherString (string & Record<never, never>), i.e. unknown values may appear',
  truncated:
    'object not expanded because of a depth limit (see depthLimits / expandDepth); propertyCount gives its size',
  doc: 'first sentence of the JSDoc, max 200 chars (absent where the .d.ts has no JSDoc)',
  deprecated: 'JSDoc @deprecated tag, or the doc sentence says the field is deprecated',
  format:
    'on a string standing for an SDK value type (resources.json scalarTypes): "decimal" = the SDK\'s Decimal, a decimal number sent and received as a JSON string',
  tsType: 'on unknown: the TypeScript type (any, unknown, void, or a type of the TypeScript libraries such as Uint8Array)',
};

const DOC_MAX = 200;

// ---------------------------------------------------------------------------------------
// Documentation helpers

// The first sentence of a JSDoc text: up to the first '.', '!' or '?' that is followed by
// white space and an upper-case letter, a digit or an opening mark (so "e.g. aliases",
// "etc. currently" and "(U.S. only)" stay whole), or by the end of the text. A leading
// "Open Enum." label stays with the sentence it labels. Longer than DOC_MAX characters:
// cut to DOC_MAX - 1 characters and an ellipsis.
function firstSentence(text) {
  if (!text) return null;
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return null;
  const re = /[.!?](?=\s+(?:[A-Z0-9`[("'*]|$)|$)/g;
  let end = -1;
  let m;
  while ((m = re.exec(flat)) !== null) {
    end = m.index + 1;
    if (!/^(Open|Closed) Enum\.$/.test(flat.slice(0, end))) break;
  }
  let s = end > 0 ? flat.slice(0, end) : flat;
  if (s.length > DOC_MAX) s = s.slice(0, DOC_MAX - 1) + '\u2026';
  return s;
}

function jsDocOf(node) {
  // The JSDoc blocks attached to a declaration node (the last one is the one that counts).
  const docs = node && node.jsDoc;
  return docs && docs.length ? docs[docs.length - 1] : null;
}

function commentText(comment) {
  if (comment === undefined || comment === null) return '';
  if (typeof comment === 'string') return comment;
  return comment.map((c) => (typeof c === 'string' ? c : c.text || '')).join('');
}

// {doc, deprecated, throws} of a declaration node.
function docInfo(decl) {
  const out = { doc: null, deprecated: false, throws: [], isPrivate: false };
  const jd = jsDocOf(decl);
  if (!jd) return out;
  out.doc = firstSentence(commentText(jd.comment));
  for (const tag of jd.tags || []) {
    const name = tag.tagName.text;
    if (name === 'deprecated') out.deprecated = true;
    else if (name === 'throws') out.throws.push(commentText(tag.comment).trim().split(/\s+/)[0]);
    else if (name === 'private') out.isPrivate = true;
  }
  if (out.doc && /\bdeprecated\b/i.test(out.doc)) out.deprecated = true;
  return out;
}

// ---------------------------------------------------------------------------------------
// Program setup

function createProgram(packageDir, entryText) {
  const entryPath = path.join(packageDir, '__connect_schema_entry__.ts');
  const options = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ['lib.es2022.d.ts'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (path.resolve(fileName) === entryPath) {
      return ts.createSourceFile(fileName, entryText, languageVersion, true);
    }
    return getSourceFile(fileName, languageVersion, onError, shouldCreate);
  };
  host.fileExists = (f) => path.resolve(f) === entryPath || fileExists(f);
  host.readFile = (f) => (path.resolve(f) === entryPath ? entryText : readFile(f));
  const program = ts.createProgram([entryPath], options, host);
  return { program, checker: program.getTypeChecker(), entry: program.getSourceFile(entryPath) };
}

// ---------------------------------------------------------------------------------------
// Naming: the names the package's public surface gives a declaration, without `Stripe.`.
//
// Declarations inside `declare namespace V2 { namespace Core { ... } }` are named by their
// namespace chain (V2.Core.Accounts.PersonCreateParams). Module-level declarations take
// the prefix of their directory under cjs/resources (V2/Core/Accounts.d.ts: V2.Core.Account),
// except those a namespace of the same file re-exports (V2/Core/Events.d.ts re-exports the
// event interfaces as `Events`, public as Stripe.Events): they are named Events.X.

class Namer {
  constructor(packageDir) {
    this.cjsDir = path.join(packageDir, 'cjs');
    this.reexports = new Map(); // sourceFile -> Map(name -> namespace name)
  }

  relFile(sf) {
    return path.relative(this.cjsDir, path.resolve(sf.fileName)).split(path.sep).join('/');
  }

  dirPrefix(sf) {
    const rel = this.relFile(sf);
    if (!rel.startsWith('resources/')) return '';
    const parts = rel.split('/').slice(1, -1);
    return parts.map((p) => p + '.').join('');
  }

  reexportsOf(sf) {
    let m = this.reexports.get(sf);
    if (m) return m;
    m = new Map();
    for (const st of sf.statements) {
      if (!ts.isModuleDeclaration(st) || !st.body || !ts.isModuleBlock(st.body)) continue;
      for (const inner of st.body.statements) {
        if (ts.isExportDeclaration(inner) && inner.exportClause && ts.isNamedExports(inner.exportClause)) {
          for (const el of inner.exportClause.elements) {
            if (!m.has(el.name.text)) m.set(el.name.text, st.name.text);
          }
        }
      }
    }
    this.reexports.set(sf, m);
    return m;
  }

  declName(decl) {
    const chain = [];
    let n = decl;
    if (decl.name && ts.isIdentifier(decl.name)) chain.unshift(decl.name.text);
    n = decl.parent;
    while (n && !ts.isSourceFile(n)) {
      if (ts.isModuleDeclaration(n) && ts.isIdentifier(n.name)) chain.unshift(n.name.text);
      n = n.parent;
    }
    const sf = decl.getSourceFile();
    if (chain[0] === 'V2' || chain[0] === 'Stripe') return chain.join('.');
    const re = this.reexportsOf(sf).get(chain[0]);
    if (re) return re + '.' + chain.join('.');
    return this.dirPrefix(sf) + chain.join('.');
  }

  symbolName(sym) {
    const decl = sym && sym.declarations && sym.declarations[0];
    if (!decl) return sym ? sym.name : '';
    const sf = decl.getSourceFile();
    if (sf.hasNoDefaultLib || /[\\/]typescript[\\/]lib[\\/]/.test(sf.fileName)) return sym.name;
    return this.declName(decl);
  }
}

// ---------------------------------------------------------------------------------------
// Type walking

const F = ts.TypeFlags;
// Stands for `boolean` among union members (TypeScript splits it into true | false).
const BOOLEAN = Object.freeze({ flags: 0, boolean: true });

class Extractor {
  constructor(checker, namer, scalarTypes) {
    this.checker = checker;
    this.namer = namer;
    this.scalarTypes = scalarTypes || {};
  }

  // A readable name for a type: aliases and interfaces by their public name, with type
  // arguments; primitives as TypeScript writes them.
  typeText(type) {
    const c = this.checker;
    if (type.aliasSymbol) {
      const args = type.aliasTypeArguments || [];
      return this.namer.symbolName(type.aliasSymbol) + (args.length ? `<${args.map((a) => this.typeText(a)).join(', ')}>` : '');
    }
    if (type.flags & F.Union && !(type.flags & F.Boolean)) {
      return type.types.map((t) => this.typeText(t)).join(' | ');
    }
    if (type.flags & F.Object) {
      const sym = type.symbol;
      if (sym && sym.name !== '__type' && sym.name !== '__object') {
        if (c.isArrayType(type)) return `Array<${this.typeText(c.getTypeArguments(type)[0])}>`;
        const args = type.objectFlags & ts.ObjectFlags.Reference ? c.getTypeArguments(type) : [];
        return this.namer.symbolName(sym) + (args.length ? `<${args.map((a) => this.typeText(a)).join(', ')}>` : '');
      }
    }
    return c.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation);
  }

  // The name recorded as typeName for objects, enums and maps: only named types have one.
  namedType(type) {
    if (type.aliasSymbol) return this.typeText(type);
    if (type.flags & F.Object) {
      const sym = type.symbol;
      if (sym && sym.name !== '__type' && sym.name !== '__object' && !this.checker.isArrayType(type)) {
        return this.typeText(type);
      }
    }
    return null;
  }

  isOtherString(t) {
    if (t.aliasSymbol && t.aliasSymbol.name === 'OtherString') return true;
    return !!(t.flags & F.Intersection) && t.types.some((x) => x.flags & F.String);
  }

  // Union members in the order the source writes them (TypeScript orders union members by
  // type identity, not declaration order). Follows type aliases through their declarations.
  orderedMembers(type, typeNode) {
    const members = type.flags & F.Union ? type.types.slice() : [type];
    const order = [];
    const seen = new Set();
    const visit = (node, depth) => {
      if (!node || depth > 8) return;
      if (ts.isParenthesizedTypeNode(node)) return visit(node.type, depth);
      if (ts.isUnionTypeNode(node)) {
        for (const n of node.types) visit(n, depth);
        return;
      }
      if (ts.isLiteralTypeNode(node) && (ts.isStringLiteral(node.literal) || ts.isNumericLiteral(node.literal))) {
        order.push(node.literal.text);
        return;
      }
      if (ts.isTypeReferenceNode(node)) {
        const sym = this.checker.getSymbolAtLocation(node.typeName);
        const target = sym && sym.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(sym) : sym;
        const decl = target && target.declarations && target.declarations[0];
        if (decl && ts.isTypeAliasDeclaration(decl) && !seen.has(decl) && !decl.typeParameters) {
          seen.add(decl);
          if (ts.isUnionTypeNode(decl.type) || ts.isLiteralTypeNode(decl.type) || ts.isParenthesizedTypeNode(decl.type)) {
            return visit(decl.type, depth + 1);
          }
        }
        if (decl && ts.isTypeAliasDeclaration(decl) && decl.name.text === 'Emptyable' && node.typeArguments) {
          return visit(node.typeArguments[0], depth + 1);
        }
      }
    };
    visit(typeNode, 0);
    if (!order.length) return members;
    const rank = (t) => {
      if (t.flags & F.StringLiteral || t.flags & F.NumberLiteral) {
        const i = order.indexOf(String(t.value));
        return i < 0 ? order.length : i;
      }
      return -1; // non-literal members keep their place ahead of the literals
    };
    return members
      .map((t, i) => ({ t, i, r: rank(t) }))
      .sort((a, b) => (a.r === -1 || b.r === -1 ? a.i - b.i : a.r - b.r || a.i - b.i))
      .map((x) => x.t);
  }

  isApiObject(t) {
    if (t === BOOLEAN || !(t.flags & F.Object) || this.checker.isArrayType(t)) return false;
    const props = this.checker.getPropertiesOfType(t).map((p) => p.name);
    return props.includes('id') && props.includes('object');
  }

  // Describes a type: returns a node without name/optional. ctx: {remaining, path:Set}
  describe(type, typeNode, ctx) {
    const c = this.checker;
    let emptyable = false;
    let node = typeNode;
    while (node && ts.isParenthesizedTypeNode(node)) node = node.type;
    if (node && ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && node.typeName.text === 'Emptyable') {
      emptyable = true;
      node = node.typeArguments && node.typeArguments[0];
    }
    let members = this.orderedMembers(type, node);
    let nullable = false;
    members = members.filter((t) => {
      if (t.flags & F.Undefined) return false;
      if (t.flags & F.Null) {
        nullable = true;
        return false;
      }
      if (emptyable && t.flags & F.StringLiteral && t.value === '') return false;
      return true;
    });
    if (emptyable) nullable = true;
    const head = { nullable };
    if (emptyable) head.emptyable = true;
    // Names for the non-null part: the declared alias (`X | null` and Emptyable<X> name X),
    // else the type's own alias (a type argument, as in ApiList<ExternalAccount>).
    let named = null;
    if (node) {
      let nn = node;
      if (ts.isUnionTypeNode(nn)) {
        const rest = nn.types.filter(
          (n) =>
            !(ts.isLiteralTypeNode(n) && (n.literal.kind === ts.SyntaxKind.NullKeyword || (ts.isStringLiteral(n.literal) && emptyable && n.literal.text === ''))) &&
            n.kind !== ts.SyntaxKind.UndefinedKeyword,
        );
        nn = rest.length === 1 ? rest[0] : nn;
      }
      const declared = c.getTypeFromTypeNode(nn);
      if (declared && declared.aliasSymbol) named = declared;
    }
    if (!named && type.aliasSymbol) named = type;
    const body = this.describeMembers(members, named, node, ctx);
    return Object.assign(head, body);
  }

  // members: non-null union members in source order; named: a type whose alias may name them.
  describeMembers(members, named, node, ctx) {
    const c = this.checker;
    if (members.length === 0) return { kind: 'unknown', tsType: 'null' };
    // `boolean` reaches here as its two literals: put it back as one member.
    const trueLit = members.some((t) => t.flags & F.BooleanLiteral && c.typeToString(t) === 'true');
    const falseLit = members.some((t) => t.flags & F.BooleanLiteral && c.typeToString(t) === 'false');
    if (trueLit && falseLit) {
      const first = members.findIndex((t) => t.flags & F.BooleanLiteral);
      members = members.filter((t, i) => i === first || !(t.flags & F.BooleanLiteral));
      members[first] = BOOLEAN;
    }
    // Enum: string literals, possibly with OtherString.
    const lits = members.filter((t) => t !== BOOLEAN && t.flags & F.StringLiteral);
    const other = members.filter((t) => t !== BOOLEAN && this.isOtherString(t));
    if (lits.length && lits.length + other.length === members.length) {
      const out = { kind: 'enum' };
      const tn = this.enumName(named);
      if (tn) out.typeName = tn;
      out.open = other.length > 0;
      out.values = lits.map((t) => t.value);
      return out;
    }
    if (members.length === 1) return this.describeSingle(members[0], node, ctx);
    // Expandable: a string id or the API object(s) it names.
    const strs = members.filter((t) => t !== BOOLEAN && t.flags & F.String);
    const rest = members.filter((t) => t === BOOLEAN || !(t.flags & F.String));
    if (strs.length === 1 && rest.length >= 1 && rest.every((t) => this.isApiObject(t))) {
      let objectType;
      const restNodes = node && ts.isUnionTypeNode(node) ? node.types.filter((n) => n.kind !== ts.SyntaxKind.StringKeyword && !(ts.isLiteralTypeNode(n) && n.literal.kind === ts.SyntaxKind.NullKeyword)) : null;
      if (restNodes && restNodes.length === 1) objectType = this.typeText(c.getTypeFromTypeNode(restNodes[0]));
      else objectType = rest.map((t) => this.typeText(t)).join(' | ');
      return { kind: 'expandable', objectType };
    }
    // A general union.
    const out = { kind: 'union' };
    if (named && named.aliasSymbol && !(named.aliasSymbol.name === 'Emptyable')) {
      const tn = this.typeText(named);
      if (tn) out.typeName = tn;
    }
    const memberNodes = node && ts.isUnionTypeNode(node) ? node.types : null;
    out.anyOf = members.map((t) => {
      let mNode = null;
      if (memberNodes) {
        mNode = memberNodes.find((n) => c.getTypeFromTypeNode(n) === t) || null;
      }
      return this.describeSingle(t, mNode, ctx);
    });
    return out;
  }

  enumName(named) {
    if (!named) return null;
    if (named.aliasSymbol && named.aliasSymbol.name !== 'OtherString') return this.typeText(named);
    return null;
  }

  // Types declared by TypeScript's own libraries (Uint8Array, Promise) are not walked.
  isLibType(t) {
    const sym = t.aliasSymbol || t.symbol;
    const decls = (sym && sym.declarations) || [];
    return decls.length > 0 && decls.every((d) => /[\\/]typescript[\\/]lib[\\/]/.test(d.getSourceFile().fileName));
  }

  describeSingle(t, node, ctx) {
    const c = this.checker;
    if (t === BOOLEAN) return { kind: 'boolean' };
    const scalar = t.aliasSymbol && this.scalarTypes[this.namer.symbolName(t.aliasSymbol)];
    if (scalar) return Object.assign({ kind: scalar.kind, typeName: this.typeText(t) }, scalar, { kind: scalar.kind });
    if (t.flags & F.String) return { kind: 'string' };
    if (t.flags & F.Number) return { kind: 'number' };
    if (t.flags & F.Boolean) return { kind: 'boolean' };
    if (t.flags & F.BooleanLiteral) {
      return { kind: 'boolean', const: c.typeToString(t) === 'true' };
    }
    if (t.flags & F.StringLiteral) {
      const out = { kind: 'enum' };
      if (t.aliasSymbol) out.typeName = this.typeText(t);
      out.open = false;
      out.values = [t.value];
      return out;
    }
    if (t.flags & F.NumberLiteral) return { kind: 'number', const: t.value };
    if (this.isOtherString(t)) return { kind: 'string' };
    if (t.flags & (F.Any | F.Unknown | F.Void | F.Never | F.Undefined | F.Null)) {
      return { kind: 'unknown', tsType: c.typeToString(t) };
    }
    if (t.flags & F.Union) {
      const inner = this.describe(t, node, ctx);
      delete inner.nullable;
      return inner;
    }
    if (c.isArrayType(t)) {
      const el = c.getTypeArguments(t)[0];
      let elNode = null;
      if (node && ts.isArrayTypeNode(node)) elNode = node.elementType;
      else if (node && ts.isTypeReferenceNode(node) && node.typeArguments) elNode = node.typeArguments[0];
      return { kind: 'array', items: this.describe(el, elNode, ctx) };
    }
    if (t.flags & (F.Object | F.Intersection) && this.isLibType(t)) {
      return { kind: 'unknown', tsType: this.typeText(t) };
    }
    if (t.flags & F.Object) {
      const props = c.getPropertiesOfType(t);
      const sigs = c.getSignaturesOfType(t, ts.SignatureKind.Call);
      if (props.length === 0 && sigs.length > 0) {
        return { kind: 'function', returns: this.typeText(c.getReturnTypeOfSignature(sigs[0])) };
      }
      const index = c.getIndexInfoOfType(t, ts.IndexKind.String);
      if (index && props.length === 0) {
        const out = { kind: 'map' };
        const tn = this.namedType(t);
        if (tn) out.typeName = tn;
        let vNode = null;
        const idxDecl = index.declaration;
        if (idxDecl && idxDecl.type) vNode = idxDecl.type;
        out.valueType = this.describe(index.type, vNode, ctx);
        return out;
      }
      return this.describeObject(t, ctx);
    }
    if (t.flags & F.Intersection) {
      return this.describeObject(t, ctx);
    }
    return { kind: 'unknown', tsType: c.typeToString(t) };
  }

  isClassInstance(t) {
    const sym = t.symbol;
    return !!(sym && sym.flags & ts.SymbolFlags.Class);
  }

  publicProperties(t) {
    const props = this.checker.getPropertiesOfType(t);
    if (!this.isClassInstance(t)) return props;
    return props.filter((p) => {
      const d = p.valueDeclaration || (p.declarations && p.declarations[0]);
      if (!d) return true;
      const mods = ts.getCombinedModifierFlags(d);
      if (mods & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected | ts.ModifierFlags.Static)) return false;
      return !p.name.startsWith('#');
    });
  }

  describeObject(t, ctx) {
    const out = { kind: 'object' };
    const tn = this.namedType(t);
    if (tn) out.typeName = tn;
    const key = tn || null;
    if (key && ctx.path.has(key)) return { kind: 'ref', typeName: tn };
    const props = this.publicProperties(t);
    if (ctx.remaining === 0) {
      out.truncated = true;
      out.propertyCount = props.length;
      return out;
    }
    if (this.isClassInstance(t)) out.sdkClass = true;
    const inner = { remaining: ctx.remaining === undefined ? undefined : ctx.remaining - 1, path: new Set(ctx.path) };
    if (key) inner.path.add(key);
    out.properties = props.map((p) => this.describeProperty(p, inner));
    return out;
  }

  propertyDecl(sym) {
    let d = sym.valueDeclaration || (sym.declarations && sym.declarations[0]);
    if (!d && sym.links && sym.links.syntheticOrigin) d = sym.links.syntheticOrigin.valueDeclaration;
    return d || null;
  }

  // A property node: name, optional, then the type's description, doc and deprecated.
  describeProperty(sym, ctx, depthLimit) {
    const c = this.checker;
    const decl = this.propertyDecl(sym);
    const optional = !!(sym.flags & ts.SymbolFlags.Optional);
    let body;
    const info = docInfo(decl);
    if (decl && (ts.isMethodSignature(decl) || ts.isMethodDeclaration(decl))) {
      const t = c.getTypeOfSymbol(sym);
      const sig = c.getSignaturesOfType(t, ts.SignatureKind.Call)[0];
      body = { nullable: false, kind: 'function', returns: this.typeText(c.getReturnTypeOfSignature(sig)) };
    } else {
      const t = c.getTypeOfSymbol(sym);
      let typeNode = decl && decl.type ? decl.type : null;
      const sub = depthLimit !== undefined ? { remaining: depthLimit, path: ctx.path } : ctx;
      body = this.describe(t, typeNode, sub);
      if (depthLimit !== undefined && body.kind === 'object') body.expandDepth = depthLimit;
    }
    const out = { name: sym.name, optional };
    Object.assign(out, reorder(body));
    if (info.doc) out.doc = info.doc;
    if (info.deprecated) out.deprecated = true;
    if ('expandDepth' in out) {
      // expandDepth goes last, after the doc.
      delete out.expandDepth;
      out.expandDepth = depthLimit;
    }
    return out;
  }
}

// Key order of a node body: nullable, emptyable, kind, typeName, then the rest.
function reorder(body) {
  const out = {};
  for (const k of ['nullable', 'emptyable', 'kind', 'typeName', 'expandDepth', 'truncated', 'propertyCount', 'sdkClass', 'open', 'values']) {
    if (k in body) out[k] = body[k];
  }
  for (const k of Object.keys(body)) if (!(k in out)) out[k] = body[k];
  return out;
}

// ---------------------------------------------------------------------------------------
// Top-level types

function typeEntry(ex, spec, resolved) {
  const { type, tsName } = resolved;
  const out = { tsName };
  const symDecl = (type.aliasSymbol || type.symbol || {}).declarations;
  const decl = symDecl && symDecl[0];
  const info = docInfo(decl);
  const doc = spec.doc || info.doc;
  if (spec.eventUnion) {
    if (spec.note) out.note = spec.note;
    return Object.assign(out, eventUnion(ex, Object.assign({}, spec, { doc }), type));
  }
  if (doc) out.doc = doc;
  if (spec.note) out.note = spec.note;
  if (spec.depthLimits) out.depthLimits = spec.depthLimits;
  const body = ex.describeSingle(type, null, { remaining: undefined, path: new Set() });
  if (body.kind !== 'object') throw new Error(`${tsName}: expected an object type, got ${body.kind}`);
  out.kind = 'object';
  out.typeName = body.typeName;
  const limits = spec.depthLimits || {};
  const props = ex.publicProperties(type);
  const ctx = { remaining: undefined, path: new Set([body.typeName]) };
  out.properties = props.map((p) => ex.describeProperty(p, ctx, limits[p.name]));
  for (const k of Object.keys(limits)) {
    if (!props.some((p) => p.name === k)) throw new Error(`${tsName}: depth limit on unknown property ${k}`);
  }
  return out;
}

// A discriminated union of event types: its base's properties and the variants in scope.
function eventUnion(ex, spec, type) {
  const c = ex.checker;
  const cfg = spec.eventUnion;
  const variants = type.flags & F.Union ? type.types.slice() : [type];
  // Declaration order of the variants.
  const decl = type.aliasSymbol && type.aliasSymbol.declarations[0];
  let ordered = variants;
  if (decl && ts.isTypeAliasDeclaration(decl) && ts.isUnionTypeNode(decl.type)) {
    ordered = decl.type.types.map((n) => c.getTypeFromTypeNode(n));
  }
  const discriminator = cfg.discriminator || 'type';
  // Base type: the interface every variant extends.
  const bases = c.getBaseTypes(ordered[0]) || [];
  const base = bases[0];
  if (!base) throw new Error(`${spec.name}: variants have no base type`);
  const baseName = ex.typeText(base);
  const ctx = { remaining: undefined, path: new Set([baseName]) };
  const props = ex.publicProperties(base).map((p) => ex.describeProperty(p, ctx));
  const prefixes = cfg.connectTypes || [];
  const connect = [];
  for (const v of ordered) {
    const dp = c.getPropertyOfType(v, discriminator);
    const dt = dp && c.getTypeOfSymbol(dp);
    if (!dt || !(dt.flags & F.StringLiteral)) continue;
    const value = dt.value;
    if (!prefixes.some((p) => value.startsWith(p))) continue;
    connect.push(eventVariant(ex, v, value, cfg));
  }
  const res = { kind: 'union', discriminator, variantCount: ordered.length };
  if (spec.doc) res.doc = spec.doc;
  res.baseType = baseName;
  res.properties = props;
  res.connectVariants = connect;
  if (cfg.reportMember) {
    const names = ordered.map((t) => ex.typeText(t));
    res['includes' + cfg.reportMember.split('.').pop()] = names.includes(cfg.reportMember);
  }
  return res;
}

function eventVariant(ex, v, value, cfg) {
  const c = ex.checker;
  const out = { type: value, tsName: ex.typeText(v) };
  const decl = v.symbol && v.symbol.declarations[0];
  const info = docInfo(decl);
  if (info.doc) out.doc = info.doc;
  const own = (name) => {
    const p = c.getPropertyOfType(v, name);
    if (!p) return null;
    const d = ex.propertyDecl(p);
    // Only what the variant itself declares (not inherited from the base).
    if (!d || !v.symbol.declarations.some((vd) => d.parent === vd)) return null;
    return p;
  };
  const data = own('data');
  if (cfg.dataObject && data) {
    // v1: data.object and data.previous_attributes name the API object.
    const dt = c.getTypeOfSymbol(data);
    const obj = c.getPropertyOfType(dt, 'object');
    if (obj) {
      const ot = c.getTypeOfSymbol(obj);
      const d = { kind: ot.flags & F.Union ? 'union' : 'object', typeName: ex.typeText(ot) };
      if (ot.flags & F.Union) d.anyOf = ot.types.map((t) => ex.typeText(t));
      out.dataObject = d;
    }
    const prev = c.getPropertyOfType(dt, 'previous_attributes');
    if (prev) out.previousAttributes = ex.typeText(c.getNonNullableType(c.getTypeOfSymbol(prev)));
  }
  const rel = own('related_object');
  if (rel) {
    const rt = c.getTypeOfSymbol(rel);
    const nullable = !!(rt.flags & F.Union && rt.types.some((t) => t.flags & F.Null));
    out.related_object = { nullable, typeName: ex.typeText(c.getNonNullableType(rt)) };
  }
  for (const [member, key] of [
    ['fetchRelatedObject', 'fetchRelatedObjectReturns'],
    ['fetchEvent', 'fetchEventReturns'],
  ]) {
    const m = own(member);
    if (!m) continue;
    const sig = c.getSignaturesOfType(c.getTypeOfSymbol(m), ts.SignatureKind.Call)[0];
    if (sig) out[key] = ex.typeText(c.getReturnTypeOfSignature(sig));
  }
  if (data && !cfg.dataObject) {
    const dt = c.getTypeOfSymbol(data);
    const desc = ex.describeSingle(dt, null, { remaining: undefined, path: new Set() });
    out.data = desc;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Endpoints: class methods of cjs/resources/**/*.js that call this._makeRequest.

function camelLower(s) {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function templatePath(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    let s = node.head.text;
    for (const span of node.templateSpans) {
      let e = span.expression;
      if (ts.isCallExpression(e) && e.arguments.length === 1) e = e.arguments[0];
      s += `{${e.getText()}}` + span.literal.text;
    }
    return s;
  }
  return null;
}

function objectLiteralToValue(node) {
  if (!node) return undefined;
  if (ts.isObjectLiteralExpression(node)) {
    const o = {};
    for (const p of node.properties) {
      if (!ts.isPropertyAssignment(p)) continue;
      const key = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : p.name.getText();
      o[key] = objectLiteralToValue(p.initializer);
    }
    return o;
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  return { $expr: node.getText() };
}

// Paths of decimal_string fields in a request/response schema literal.
function decimalFields(schema, prefix, out) {
  if (!schema || typeof schema !== 'object') return out;
  if (schema.kind === 'decimal_string') {
    out.push(prefix);
    return out;
  }
  if (schema.kind === 'object' && schema.fields) {
    for (const [k, v] of Object.entries(schema.fields)) decimalFields(v, prefix ? `${prefix}.${k}` : k, out);
  }
  if (schema.kind === 'array' && schema.element) decimalFields(schema.element, `${prefix}[]`, out);
  if (schema.kind === 'nullable' && schema.inner) decimalFields(schema.inner, prefix, out);
  return out;
}

function requestsIn(stmts, when, out) {
  for (const st of stmts) {
    if (ts.isIfStatement(st)) {
      const cond = st.expression.getText();
      const join = (w) => (when ? `${when} && ${w}` : w);
      requestsIn(ts.isBlock(st.thenStatement) ? st.thenStatement.statements : [st.thenStatement], join(cond), out);
      if (st.elseStatement) {
        requestsIn(ts.isBlock(st.elseStatement) ? st.elseStatement.statements : [st.elseStatement], join(`!(${cond})`), out);
      }
      continue;
    }
    if (ts.isBlock(st)) {
      requestsIn(st.statements, when, out);
      continue;
    }
    if (ts.isReturnStatement(st) && st.expression && ts.isCallExpression(st.expression)) {
      const call = st.expression;
      if (
        ts.isPropertyAccessExpression(call.expression) &&
        call.expression.expression.kind === ts.SyntaxKind.ThisKeyword &&
        call.expression.name.text === '_makeRequest'
      ) {
        out.push({ call, when });
      }
    }
  }
  return out;
}

function flatSignature(node) {
  return node.getText().replace(/\s+/g, ' ').replace(/;$/, '').trim();
}

function extractEndpoints(ex, packageDir, specs) {
  const out = [];
  const resDir = path.join(packageDir, 'cjs', 'resources');
  for (const spec of specs) {
    const rel = spec.file.replace(/\.js$/, '');
    const jsPath = path.join(resDir, rel + '.js');
    const dtsPath = path.join(resDir, rel + '.d.ts');
    const js = ts.createSourceFile(jsPath, fs.readFileSync(jsPath, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
    const dts = ex.checker && ex.program.getSourceFile(dtsPath);
    if (!dts) throw new Error(`${spec.file}: ${dtsPath} is not part of the program`);
    const cls = js.statements.find((s) => ts.isClassDeclaration(s));
    if (!cls) throw new Error(`${spec.file}: no resource class`);
    const className = cls.name.text;
    const dcls = dts.statements.find((s) => ts.isClassDeclaration(s) && s.name && s.name.text === className);
    if (!dcls) throw new Error(`${spec.file}: no declaration of ${className}`);
    const segs = rel.split('/');
    const resource = 'stripe.' + segs.map(camelLower).join('.');
    const nsPrefix = segs.slice(0, -1).map((p) => p + '.').join('');
    const sdkClass = nsPrefix ? nsPrefix + className : `${className} (v1)`;
    const parentJs = segs.length > 1 ? path.join(resDir, segs.slice(0, -1).join('/') + '.js') : null;
    const subresource = !!(parentJs && fs.existsSync(parentJs));
    const wanted = spec.methods || null;
    const methods = cls.members.filter((m) => ts.isMethodDeclaration(m) && m.name && ts.isIdentifier(m.name));
    const found = new Set();
    for (const m of methods) {
      const name = m.name.text;
      if (wanted && !wanted.includes(name)) continue;
      const dm = dcls.members.find((x) => ts.isMethodDeclaration(x) && x.name && x.name.getText() === name);
      const info = docInfo(dm);
      if (info.isPrivate) continue;
      const reqs = requestsIn(m.body ? m.body.statements : [], null, []);
      if (!reqs.length) continue;
      found.add(name);
      for (const { call, when } of reqs) {
        const [verb, p, , , opts] = call.arguments;
        const e = {
          resource,
          sdkClass,
          sourceFile: `cjs/resources/${rel}.js`,
          method: name,
          httpMethod: ts.isStringLiteral(verb) ? verb.text : verb.getText(),
          path: templatePath(p),
        };
        if (when) e.when = when;
        const o = objectLiteralToValue(opts) || {};
        if (typeof o.methodType === 'string') e.methodType = o.methodType;
        if (dm) e.signature = flatSignature(dm);
        if (info.doc) e.doc = info.doc;
        if (info.throws.length) e.throws = info.throws;
        const reqDec = decimalFields(o.requestSchema, '', []);
        const resDec = decimalFields(o.responseSchema, '', []);
        if (reqDec.length) e.requestDecimalStringFields = reqDec;
        if (resDec.length) e.responseDecimalStringFields = resDec;
        if (typeof o.apiBase === 'string') e.apiBase = o.apiBase;
        if (o.headers && typeof o.headers === 'object') e.headers = o.headers;
        if (subresource) e.subresource = true;
        out.push(e);
      }
    }
    for (const w of wanted || []) {
      if (!found.has(w)) throw new Error(`${spec.file}: no request method ${w}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Main

function loadConfig(file) {
  const cfg = JSON.parse(fs.readFileSync(file, 'utf8'));
  const types = cfg.types.map((t) => (typeof t === 'string' ? { name: t } : t));
  return { types, endpoints: cfg.endpoints, scalarTypes: cfg.scalarTypes || {} };
}

// `Stripe.A.B` resolves on the Stripe namespace of stripe.core.d.ts; an entry with `module`
// resolves its `export` (default: the last part of the name) in that module instead.
function entrySource(types) {
  const lines = [`import { Stripe } from './cjs/stripe.core.js';`];
  const modules = new Map();
  types.forEach((t, i) => {
    let ref;
    if (t.module) {
      if (!modules.has(t.module)) {
        modules.set(t.module, `__M${modules.size}`);
        lines.push(`import * as ${modules.get(t.module)} from './cjs/${t.module.replace(/\.d\.ts$|\.js$/, '')}.js';`);
      }
      ref = `${modules.get(t.module)}.${t.export || t.name.split('.').pop()}`;
    } else {
      if (!t.name.startsWith('Stripe.')) throw new Error(`${t.name}: names start with Stripe. (or give "module")`);
      ref = t.name;
    }
    lines.push(`export type __T${i} = ${ref};`);
  });
  return lines.join('\n') + '\n';
}

function main() {
  const started = process.hrtime.bigint();
  const args = parseArgs(process.argv.slice(2));
  const pkg = JSON.parse(fs.readFileSync(path.join(args.packageDir, 'package.json'), 'utf8'));
  const tsPkg = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('typescript')), '..', 'package.json'), 'utf8'));
  const cfg = loadConfig(args.config);
  const entryText = entrySource(cfg.types);
  // The resource files of the endpoints must be in the program too.
  const extra = cfg.endpoints.map((e) => `import './cjs/resources/${e.file.replace(/\.js$/, '')}.js';`).join('\n');
  const { program, checker, entry } = createProgram(args.packageDir, entryText + extra + '\n');
  const namer = new Namer(args.packageDir);
  const ex = new Extractor(checker, namer, cfg.scalarTypes);
  ex.program = program;

  const aliases = entry.statements.filter((s) => ts.isTypeAliasDeclaration(s));
  const types = {};
  cfg.types.forEach((spec, i) => {
    const decl = aliases[i];
    const type = checker.getTypeFromTypeNode(decl.type);
    if (type.flags & F.Any) throw new Error(`${spec.name}: not found in the package's types`);
    if (types[spec.name]) throw new Error(`${spec.name}: listed twice`);
    types[spec.name] = typeEntry(ex, spec, { type, tsName: spec.name });
  });
  const endpoints = extractEndpoints(ex, args.packageDir, cfg.endpoints);

  const apiVersion = (fs.readFileSync(path.join(args.packageDir, 'cjs', 'apiVersion.js'), 'utf8').match(/ApiVersion = '([^']+)'/) || [])[1];
  const schema = {
    source: `stripe npm package ${pkg.version} type definitions`,
    api_version: apiVersion,
    generated: args.generated || new Date().toISOString(),
    generator: {
      script: `tools/codegen/extract/extract.js (TypeScript compiler API, typescript ${tsPkg.version})`,
      package: `stripe@${pkg.version} (node_modules/stripe/cjs/**/*.d.ts, resources/*.js)`,
      config: 'tools/codegen/extract/resources.json',
      conventions: CONVENTIONS,
    },
    types,
    endpoints,
  };
  const text = JSON.stringify(schema, null, 1) + '\n';
  if (args.out) fs.writeFileSync(args.out, text);
  else process.stdout.write(text);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stderr.write(
    `extract: ${Object.keys(types).length} types, ${endpoints.length} endpoints from stripe@${pkg.version} (API ${apiVersion}) in ${(ms / 1000).toFixed(1)} s\n`,
  );
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    process.stderr.write(`extract: ${process.env.EXTRACT_DEBUG ? e.stack : e.message}\n`);
    process.exit(1);
  }
}

module.exports = { firstSentence, decimalFields, templatePath };
