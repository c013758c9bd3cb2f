import { CST, isMap, isScalar, isSeq, Lexer, parseDocument, type Document, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

/**
 * The form's view of a rules text, and its changes written back into the same text through the
 * YAML document (comments, order and quoting survive). The form only ever edits what it shows:
 * roles' members, each stage's owner, controller, limit and escalation, and its gate's lists.
 */
export type FormRole = {
  key: string;
  /** The role's own words («директор»), when the rules give it a label. */
  label?: { ru: string; en: string };
  members: string[];
};
export type GateListKey = 'fields' | 'checked' | 'checklists';
/** A gate's field requirement: a key the form can remove, or a compound one it only shows. */
export type GateItem = { text: string; key: string | null };
export type FormStage = {
  index: number;
  list: string;
  owner: string;
  controller: string;
  limitWorkingDays: number | null;
  escalateAfterWorkingDays: number | null;
  /** Hours instead of days: the form leaves such a stage's time to the text. */
  inHours: boolean;
  gate: Record<GateListKey, GateItem[]>;
};
export type FormModel = { roles: FormRole[]; stages: FormStage[] };

export type ParsedRules = { ok: true; doc: Document; model: FormModel } | { ok: false; error: string };

export function parseForForm(text: string): ParsedRules {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0) return { ok: false, error: doc.errors[0]!.message.split('\n')[0]! };
  if (!isMap(doc.contents)) return { ok: false, error: 'not a mapping' };
  return { ok: true, doc, model: readModel(doc) };
}

function strings(node: unknown): string[] {
  return isSeq(node) ? node.items.map((item) => (isScalar(item) ? String(item.value) : String(item))) : [];
}

function numberOr(node: unknown): number | null {
  const value = isScalar(node) ? node.value : node;
  return typeof value === 'number' ? value : null;
}

function textOf(node: unknown): string {
  if (isScalar(node)) return String(node.value);
  const value: unknown = isMap(node) || isSeq(node) ? node.toJSON() : node;
  return plain(value);
}

/** `anyOf: contact.phone, contact.email` / `key: streams, minItems: 1, itemFields: codec, bitrate`. */
function plain(value: unknown): string {
  if (Array.isArray(value)) return value.map(plain).join(', ');
  if (typeof value === 'object' && value !== null) return Object.entries(value).map(([k, v]) => `${k}: ${plain(v)}`).join('; ');
  return String(value);
}

function readModel(doc: Document): FormModel {
  const rolesNode = doc.get('roles', true);
  const roles: FormRole[] = isMap(rolesNode)
    ? rolesNode.items.map((pair) => {
        const key = textOf(pair.key);
        const value = pair.value;
        const label = isMap(value) ? value.get('label', true) : undefined;
        const word = (language: 'ru' | 'en') => (isMap(label) ? label.get(language) : undefined);
        const ru = word('ru');
        const en = word('en');
        return {
          key,
          ...(typeof ru === 'string' && typeof en === 'string' ? { label: { ru, en } } : {}),
          members: strings(isMap(value) ? value.get('members', true) : value),
        };
      })
    : [];
  const stagesNode = doc.get('stages', true);
  const stages: FormStage[] = isSeq(stagesNode)
    ? stagesNode.items.flatMap((item, index): FormStage[] => {
        if (!isMap(item)) return [];
        const gate = item.get('gate', true);
        const list = (key: GateListKey): GateItem[] => {
          const node = isMap(gate) ? gate.get(key, true) : undefined;
          if (!isSeq(node)) return [];
          return node.items.map((entry) => (isScalar(entry) ? { text: String(entry.value), key: String(entry.value) } : { text: textOf(entry), key: null }));
        };
        const scalar = (key: string) => {
          const node = item.get(key, true);
          return isScalar(node) ? String(node.value) : '';
        };
        return [
          {
            index,
            list: scalar('list'),
            owner: scalar('owner'),
            controller: scalar('controller'),
            limitWorkingDays: numberOr(item.get('limitWorkingDays', true)),
            escalateAfterWorkingDays: numberOr(item.get('escalateAfterWorkingDays', true)),
            inHours: item.has('limitWorkingHours') || item.has('escalateAfterWorkingHours'),
            gate: { fields: list('fields'), checked: list('checked'), checklists: list('checklists') },
          },
        ];
      })
    : [];
  return { roles, stages };
}

/** The stage's own values the form edits. */
export type StageValueKey = 'owner' | 'controller' | 'limitWorkingDays' | 'escalateAfterWorkingDays';

export type FormEdit =
  | { kind: 'role-members'; role: string; members: string[] }
  | { kind: 'stage-value'; stage: number; key: StageValueKey; value: string | number | null }
  | { kind: 'gate-add'; stage: number; list: GateListKey; value: string }
  | { kind: 'gate-remove'; stage: number; list: GateListKey; value: string };

/** Where a key the stage lacks goes: after the first of these it has. */
const AFTER: Record<string, string[]> = {
  owner: ['list'],
  controller: ['owner', 'list'],
  limitWorkingDays: ['controller', 'owner', 'list'],
  escalateAfterWorkingDays: ['limitWorkingDays', 'limitWorkingHours', 'controller', 'owner', 'list'],
  gate: ['checklist', 'escalateAfterWorkingDays', 'escalateAfterWorkingHours', 'limitWorkingDays', 'controller', 'owner', 'list'],
};

function flowSeq(doc: Document, values: string[]): YAMLSeq {
  const node = doc.createNode(values) as YAMLSeq;
  node.flow = true;
  return node;
}

function insertPair(doc: Document, map: YAMLMap, key: string, value: unknown): void {
  const pair = doc.createPair(key, value) as Pair;
  const after = (AFTER[key] ?? []).map((k) => map.items.findIndex((p) => textOf(p.key) === k)).find((i) => i >= 0);
  if (after === undefined) map.items.push(pair);
  else map.items.splice(after + 1, 0, pair);
}

/** Applies one edit to the document; answers false when the text has no place for it. */
export function applyEdit(doc: Document, edit: FormEdit): boolean {
  if (edit.kind === 'role-members') {
    const role = doc.getIn(['roles', edit.role], true);
    const seq = isMap(role) ? role.get('members', true) : role;
    if (!isSeq(seq) || edit.members.length === 0) return false;
    seq.items = edit.members.map((member) => doc.createNode(member));
    return true;
  }
  const stage = doc.getIn(['stages', edit.stage], true);
  if (!isMap(stage)) return false;
  if (edit.kind === 'stage-value') {
    if (edit.value === null || edit.value === '') {
      stage.delete(edit.key);
    } else if (stage.has(edit.key)) {
      stage.set(edit.key, edit.value);
    } else {
      insertPair(doc, stage, edit.key, edit.value);
    }
    return true;
  }
  let gate = stage.get('gate', true);
  if (!isMap(gate)) {
    if (edit.kind === 'gate-remove') return false;
    insertPair(doc, stage, 'gate', { [edit.list]: flowSeq(doc, [edit.value]) });
    return true;
  }
  const list = gate.get(edit.list, true);
  if (edit.kind === 'gate-add') {
    if (isSeq(list)) {
      if (strings(list).includes(edit.value)) return true;
      list.items.push(doc.createNode(edit.value));
    } else {
      gate.set(edit.list, flowSeq(doc, [edit.value]));
    }
    return true;
  }
  if (!isSeq(list)) return false;
  const at = list.items.findIndex((item) => isScalar(item) && String(item.value) === edit.value);
  if (at < 0) return false;
  list.items.splice(at, 1);
  if (list.items.length === 0) gate.delete(edit.list);
  if ((gate as YAMLMap).items.length === 0) stage.delete('gate');
  gate = undefined;
  return true;
}

/**
 * The document as text, with every line the edit did not touch exactly as it was: the YAML
 * printer normalises spacing (`[a, b]`, the gap before a comment), which would show as changes.
 * A line the edit did change is written in the rules files' own style: see `houseFlowStyle` and
 * `keepCommentColumn`.
 */
export function printDocument(doc: Document, before: string): string {
  const printed = houseFlowStyle(doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
  const squeeze = (line: string) => line.replace(/\s+/g, '');
  const originals = new Map<string, string[]>();
  for (const line of before.split('\n')) {
    const key = squeeze(line);
    const found = originals.get(key);
    if (found) found.push(line);
    else originals.set(key, [line]);
  }
  const allOriginals = before.split('\n');
  const lines = printed.split('\n').map((line) => originals.get(squeeze(line))?.shift() ?? keepCommentColumn(line, allOriginals));
  const text = lines.join('\n');
  // The printer ends with one newline; keep the draft's own ending.
  return before.endsWith('\n') ? text.replace(/\n*$/, '\n') : text.replace(/\n+$/, '');
}

/**
 * `{ ru: директор, en: director }` but `[a, b]`, as the rules files write them. The printer pads
 * both kinds of flow collection or neither (`flowCollectionPadding`); it is asked for neither, and
 * the maps get their spaces back here. The YAML lexer finds the braces, so a `{` inside a quoted
 * string is left alone; its tokens are the text itself, apart from the control marks it adds.
 */
function houseFlowStyle(text: string): string {
  const marks = new Set<string>([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);
  const tokens = [...new Lexer().lex(text)].filter((token) => !marks.has(token));
  const blank = (token: string | undefined) => token === undefined || /^\s*$/.test(token);
  return tokens
    .map((token, i) => {
      if (token === '{' && tokens[i + 1] !== '}' && !blank(tokens[i + 1])) return '{ ';
      if (token === '}' && tokens[i - 1] !== '{' && !blank(tokens[i - 1])) return ' }';
      return token;
    })
    .join('');
}

/**
 * A changed line that keeps its comment keeps the comment where it was: the printer puts one
 * space before it, and rules files line their comments up (`limitWorkingDays: 2    # …`).
 */
function keepCommentColumn(line: string, originals: readonly string[]): string {
  const parts = /^(\s*[^\s#'"][^#'"]*?:\s.*?\S)\s+(#.*)$/.exec(line);
  if (!parts) return line;
  const [, code, comment] = parts as unknown as [string, string, string];
  const key = code.slice(0, code.indexOf(':') + 1);
  const original = originals.find((o) => o.startsWith(key) && o.endsWith(comment) && /\s/.test(o.charAt(o.length - comment.length - 1)));
  if (!original) return line;
  const column = original.length - comment.length;
  return `${code}${' '.repeat(Math.max(1, column - code.length))}${comment}`;
}

/** Applies `edit` to `text`; null when the text cannot take it (a syntax error, a missing node). */
export function editText(text: string, edit: FormEdit): string | null {
  const parsed = parseForForm(text);
  if (!parsed.ok) return null;
  return applyEdit(parsed.doc, edit) ? printDocument(parsed.doc, text) : null;
}
