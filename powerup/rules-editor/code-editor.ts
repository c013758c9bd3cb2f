import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, defaultHighlightStyle, foldGutter, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { EditorSelection, EditorState, type Text } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import type { RulesProblem } from '../../rules';
import type { RulesCompletion } from '../model/api-contract';
import { enumValuesAt, keysAt } from './schema-walk';
import { cursorPlace, type PathStep } from './yaml-path';

export type CodeEditor = {
  view: EditorView;
  text(): string;
  /** Replaces the whole text (a version loaded): only the part that differs, so the cursor stays near. */
  setText(text: string): void;
  showProblems(problems: RulesProblem[], label: (problem: RulesProblem) => string): void;
  /** Puts the cursor at a line (1-based) and column, and scrolls it into view. */
  goTo(line: number, column?: number): void;
};

/**
 * CodeMirror with YAML highlighting, line numbers, the server's problems as lint markers, and
 * completion of keys (from the rules' JSON Schema) and of values (the board's lists, members,
 * the rules' field keys, checklists and roles).
 */
export function createCodeEditor(opts: {
  parent: HTMLElement;
  text: string;
  label: string;
  language: 'ru' | 'en';
  schema: unknown;
  completion: () => RulesCompletion;
  onChange: (text: string) => void;
}): CodeEditor {
  const view = new EditorView({
    parent: opts.parent,
    state: EditorState.create({
      doc: opts.text,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        foldGutter(),
        lintGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        indentUnit.of('  '),
        // Long comments wrap rather than hide past the edge on a laptop screen.
        EditorView.lineWrapping,
        opts.language === 'ru' ? EditorState.phrases.of(RU_PHRASES) : [],
        EditorState.tabSize.of(2),
        yaml(),
        autocompletion({ override: [(context) => complete(context, opts.schema, opts.completion())], activateOnTyping: true }),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...completionKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ 'aria-label': opts.label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) opts.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      const current = view.state.doc.toString();
      if (current === text) return;
      let start = 0;
      while (start < current.length && start < text.length && current[start] === text[start]) start += 1;
      let end = 0;
      while (end < current.length - start && end < text.length - start && current[current.length - 1 - end] === text[text.length - 1 - end]) end += 1;
      view.dispatch({ changes: { from: start, to: current.length - end, insert: text.slice(start, text.length - end) } });
    },
    showProblems(problems, label) {
      const doc = view.state.doc;
      view.dispatch(setDiagnostics(view.state, problems.map((problem) => diagnosticOf(doc, problem, label(problem)))));
    },
    goTo(line, column = 1) {
      const doc = view.state.doc;
      const target = doc.line(Math.min(Math.max(line, 1), doc.lines));
      const pos = target.from + Math.min(Math.max(column - 1, 0), target.length);
      view.dispatch({ selection: EditorSelection.cursor(pos), effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
      view.focus();
    },
  };
}

/** CodeMirror's own words (search panel, lint, folding) for a Russian-speaking member. */
const RU_PHRASES: Record<string, string> = {
  Find: 'Найти',
  Replace: 'Заменить',
  next: 'далее',
  previous: 'назад',
  all: 'все',
  'match case': 'с учётом регистра',
  regexp: 'рег. выражение',
  'by word': 'целое слово',
  replace: 'заменить',
  'replace all': 'заменить все',
  close: 'закрыть',
  'current match': 'текущее совпадение',
  'on line': 'на строке',
  'replaced $ matches': 'заменено совпадений: $',
  'replaced match on line $': 'заменено на строке $',
  'Go to line': 'Перейти к строке',
  go: 'перейти',
  Diagnostics: 'Ошибки',
  'No diagnostics': 'Ошибок нет',
  Completions: 'Варианты',
  'folded code': 'свёрнутый текст',
  unfold: 'развернуть',
  'Fold line': 'Свернуть',
  'Unfold line': 'Развернуть',
  'Control character': 'Управляющий символ',
  'Selection deleted': 'Выделенное удалено',
};

/** A problem on its line (line 1 when the server gave none), from its column to the end of the word. */
export function diagnosticOf(doc: Text, problem: RulesProblem, message: string): Diagnostic {
  const line = doc.line(Math.min(Math.max(problem.line ?? 1, 1), doc.lines));
  const indent = /^\s*/.exec(line.text)![0].length;
  const start = problem.column === undefined ? indent : Math.min(Math.max(problem.column - 1, 0), line.length);
  const rest = line.text.slice(start);
  const word = problem.column === undefined ? rest.trimEnd().length : /^[^\s,\]}]*/.exec(rest)![0].length;
  const to = line.from + start + (word > 0 ? word : rest.trimEnd().length);
  return { from: line.from + start, to: Math.max(to, line.from + start), severity: 'error', message };
}

type ValueKind = 'field' | 'list' | 'checklist' | 'role' | 'member';

/** What the value of `key` in the mapping at `path` names. */
export function valueKind(path: readonly PathStep[], key: string): ValueKind | null {
  const inside = (name: string) => path.includes(name);
  if (path[0] === 'roles') return path.length === 1 || key === 'members' ? 'member' : null;
  if (key === 'bikField') return 'field';
  // `fields` at the top and in a repeatable field define fields; in a gate they name them.
  if (['fields', 'checked', 'anyOf', 'key'].includes(key)) return inside('gate') ? 'field' : null;
  if (key === 'list' || key === 'from' || key === 'to') return path[0] === 'stages' || path[0] === 'reports' ? 'list' : null;
  if (key === 'checklist' || (key === 'checklists' && inside('gate'))) return 'checklist';
  if (['owner', 'controller', 'movers', 'admins', 'viewers'].includes(key)) return 'role';
  if (path[0] === 'vault' && ['view', 'edit', 'share', 'audit'].includes(key)) return 'role';
  return null;
}

function valueOptions(kind: ValueKind, lists: RulesCompletion): Completion[] {
  switch (kind) {
    case 'field':
      return lists.fieldKeys.map((label) => ({ label, type: 'variable' }));
    case 'list':
      return lists.lists.map((label) => ({ label, type: 'constant' }));
    case 'checklist':
      return lists.checklists.map((label) => ({ label, type: 'constant' }));
    case 'role':
      return lists.roles.map((label) => ({ label, type: 'enum' }));
    case 'member':
      return lists.members.map((member) => ({ label: member.username, detail: member.fullName ?? undefined, type: 'enum' }));
  }
}

export function complete(context: CompletionContext, schema: unknown, lists: RulesCompletion): CompletionResult | null {
  const text = context.state.doc.sliceString(0, context.pos);
  const place = cursorPlace(text, context.pos);
  if (place.word === '' && !context.explicit) {
    // Typing a space after `key:` or a comma in a list opens the choices too.
    const prev = text.slice(-2);
    if (!(place.kind === 'value' && /[:,[] $|[[,]$/.test(prev)) && !(place.kind === 'item' && prev.endsWith('- '))) return null;
  }
  let options: Completion[] = [];
  let kind: ValueKind | null = null;
  if (place.kind === 'key') {
    options = keysAt(schema, place.path).map((k) => ({ label: k.key, apply: `${k.key}: `, detail: k.description, type: 'property' }));
  } else if (place.kind === 'value') {
    kind = valueKind(place.path, place.key);
    options = kind ? valueOptions(kind, lists) : enumValuesAt(schema, [...place.path, place.key, ...(place.inList ? [0] : [])]).map((label) => ({ label, type: 'enum' }));
  } else {
    const key = place.path[place.path.length - 1];
    kind = typeof key === 'string' ? valueKind(place.path.slice(0, -1), key) : null;
    const values = kind ? valueOptions(kind, lists) : [];
    const keys = keysAt(schema, [...place.path, 0]).map((k): Completion => ({ label: k.key, apply: `${k.key}: `, detail: k.description, type: 'property' }));
    options = [...values, ...keys];
  }
  if (options.length === 0) return null;
  // List and checklist names have spaces: the whole name typed so far is replaced.
  if ((kind === 'list' || kind === 'checklist') && place.kind !== 'key') return { from: place.phraseFrom, options, validFor: /^[^:,[\]{}]*$/ };
  return { from: place.from, options, validFor: /^[^\s:,[\]{}]*$/ };
}
