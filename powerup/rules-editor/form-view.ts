import type { Person } from '../../rules';
import { personWithLogin } from '../../rules/process/person-label';
import type { RulesCompletion } from '../model/api-contract';
import { h, uniqueId } from '../ui/h';
import type { EditorContext } from './editor-context';
import { parseForForm, type FormEdit, type FormRole, type FormStage, type GateListKey, type StageValueKey } from './rules-form-model';

/**
 * The form for the changes made most often: who holds each role, each stage's owner, controller,
 * limit and escalation, and what each gate requires. Every change is written into the text.
 */
export function formView(
  ctx: EditorContext,
  opts: { text: string; completion: RulesCompletion; openStages: Set<number>; onEdit: (edit: FormEdit) => void },
): HTMLElement {
  const { localize } = ctx;
  const parsed = parseForForm(opts.text);
  if (!parsed.ok) {
    return h('div', { class: 'gk-rules-tab-body' }, [
      h('p', { class: 'gk-status gk-status-error', text: localize.text('rules-editor-form-unavailable', { reason: parsed.error }), attrs: { role: 'status' } }),
    ]);
  }
  const { model } = parsed;
  const roles = model.roles.map((role) => role.key);
  // «директор (director)»: the role's own word first, the key the text uses after it.
  const roleName = (key: string) => {
    const label = model.roles.find((role) => role.key === key)?.label?.[ctx.language];
    return label && label !== key ? `${label} (${key})` : key;
  };
  return h('div', { class: 'gk-rules-tab-body gk-rules-form' }, [
    h('p', { class: 'gk-help', text: localize.text('rules-editor-form-lead') }),
    h('section', { class: 'gk-rules-form-section', attrs: { 'aria-labelledby': 'form-roles-title' } }, [
      h('h2', { class: 'gk-rules-h2', text: localize.text('rules-editor-form-roles'), attrs: { id: 'form-roles-title' } }),
      ...model.roles.map((role) => roleRow(ctx, role, roleName(role.key), opts.completion.members, opts.onEdit)),
    ]),
    h('section', { class: 'gk-rules-form-section', attrs: { 'aria-labelledby': 'form-stages-title' } }, [
      h('h2', { class: 'gk-rules-h2', text: localize.text('rules-editor-form-stages'), attrs: { id: 'form-stages-title' } }),
      ...model.stages.map((stage) => stageBlock(ctx, stage, roles, roleName, opts)),
    ]),
  ]);
}


function roleRow(ctx: EditorContext, role: FormRole, name: string, members: Person[], onEdit: (edit: FormEdit) => void): HTMLElement {
  const known = new Set(members.map((m) => m.username.toLowerCase()));
  const absent = role.members.filter((username) => !known.has(username.replace(/^@/, '').toLowerCase()));
  const has = (username: string) => role.members.some((m) => m.replace(/^@/, '').toLowerCase() === username.toLowerCase());
  const box = (username: string, label: string, checked: boolean) => {
    const input = h('input', { attrs: { type: 'checkbox', checked, 'data-member': username, 'data-focus': `role-${role.key}-${username}` } });
    input.addEventListener('change', () => {
      const next = input.checked ? [...role.members, username] : role.members.filter((m) => m.replace(/^@/, '').toLowerCase() !== username.toLowerCase());
      if (next.length === 0) {
        input.checked = true;
        note.textContent = ctx.localize.text('rules-editor-role-needs-member');
        return;
      }
      onEdit({ kind: 'role-members', role: role.key, members: next });
    });
    return h('label', { class: 'gk-rules-check' }, [input, label]);
  };
  const note = h('p', { class: 'gk-help', attrs: { 'aria-live': 'polite' } });
  return h('fieldset', { class: 'gk-rules-role', attrs: { 'data-role': role.key } }, [
    h('legend', { text: ctx.localize.text('rules-editor-role', { role: name }) }),
    h('div', { class: 'gk-rules-checks' }, [
      ...members.map((member) => box(member.username, personWithLogin(member), has(member.username))),
      ...absent.map((username) => box(username, ctx.localize.text('rules-editor-not-on-board', { username }), true)),
    ]),
    note,
  ]);
}

function stageBlock(
  ctx: EditorContext,
  stage: FormStage,
  roles: string[],
  roleName: (key: string) => string,
  opts: { completion: RulesCompletion; openStages: Set<number>; onEdit: (edit: FormEdit) => void },
): HTMLElement {
  const { localize } = ctx;
  const edit = (key: StageValueKey, value: string | number | null) =>
    opts.onEdit({ kind: 'stage-value', stage: stage.index, key, value });
  const select = (key: Extract<StageValueKey, 'owner' | 'controller'>, label: string) => {
    const id = uniqueId(`stage-${key}`);
    const choices = stage[key] && !roles.includes(stage[key]) ? [...roles, stage[key]] : roles;
    const el = h(
      'select',
      { attrs: { id, 'data-focus': `stage-${stage.index}-${key}` } },
      choices.map((role) => h('option', { text: roleName(role), attrs: { value: role, selected: role === stage[key] } })),
    );
    el.addEventListener('change', () => edit(key, el.value));
    return h('div', { class: 'gk-rules-field' }, [h('label', { text: label, attrs: { for: id } }), el]);
  };
  const days = (key: Exclude<StageValueKey, 'owner' | 'controller'>, label: string) => {
    const id = uniqueId(`stage-${key}`);
    const value = stage[key];
    const el = h('input', {
      attrs: {
        id,
        type: 'number',
        min: 1,
        step: 1,
        inputmode: 'numeric',
        value: value ?? '',
        placeholder: localize.text('rules-editor-no-limit'),
        disabled: stage.inHours,
        'data-focus': `stage-${stage.index}-${key}`,
      },
    });
    el.addEventListener('change', () => {
      const n = el.value.trim() === '' ? null : Number(el.value);
      if (n !== null && (!Number.isInteger(n) || n < 1)) {
        el.setAttribute('aria-invalid', 'true');
        return;
      }
      edit(key, n);
    });
    return h('div', { class: 'gk-rules-field' }, [h('label', { text: label, attrs: { for: id } }), el]);
  };
  const details = h('details', { class: 'gk-rules-stage', attrs: { 'data-stage': stage.list, open: opts.openStages.has(stage.index) } }, [
    h('summary', {}, [
      h('span', { class: 'gk-rules-stage-name', text: stage.list }),
      h('span', { class: 'gk-rules-stage-sum', text: stageSummary(ctx, stage) }),
    ]),
    h('div', { class: 'gk-rules-stage-grid' }, [
      select('owner', localize.text('rules-editor-owner')),
      select('controller', localize.text('rules-editor-controller')),
      days('limitWorkingDays', localize.text('rules-editor-limit')),
      days('escalateAfterWorkingDays', localize.text('rules-editor-escalate')),
    ]),
    stage.inHours ? h('p', { class: 'gk-help', text: localize.text('rules-editor-in-hours') }) : null,
    gateList(ctx, stage, 'fields', opts.completion.fieldKeys, opts.onEdit),
    gateList(ctx, stage, 'checked', opts.completion.fieldKeys, opts.onEdit),
    gateList(ctx, stage, 'checklists', opts.completion.checklists, opts.onEdit),
  ]);
  details.addEventListener('toggle', () => {
    if (details.open) opts.openStages.add(stage.index);
    else opts.openStages.delete(stage.index);
  });
  return details;
}

function stageSummary(ctx: EditorContext, stage: FormStage): string {
  const limit = stage.limitWorkingDays === null ? '' : ` · ${ctx.localize.text('rules-editor-days-short', { days: String(stage.limitWorkingDays) })}`;
  return `${stage.owner}${limit}`;
}

function gateList(ctx: EditorContext, stage: FormStage, list: GateListKey, choices: string[], onEdit: (edit: FormEdit) => void): HTMLElement {
  const { localize } = ctx;
  const items = stage.gate[list];
  const present = new Set(items.flatMap((item) => (item.key ? [item.key] : [])));
  const title = localize.text(`rules-editor-gate-${list}`);
  const addId = uniqueId(`gate-${list}`);
  const add = h('select', { attrs: { id: addId, 'data-focus': `gate-${stage.index}-${list}`, 'aria-label': localize.text('rules-editor-gate-add', { list: title, stage: stage.list }) } }, [
    h('option', { text: localize.text('rules-editor-add'), attrs: { value: '' } }),
    ...choices.filter((choice) => !present.has(choice)).map((choice) => h('option', { text: choice, attrs: { value: choice } })),
  ]);
  add.addEventListener('change', () => {
    if (add.value) onEdit({ kind: 'gate-add', stage: stage.index, list, value: add.value });
  });
  return h('div', { class: 'gk-rules-gate', attrs: { 'data-gate-list': list } }, [
    h('span', { class: 'gk-rules-gate-title', text: title }),
    h('ul', { class: 'gk-rules-chips' }, [
      ...items.map((item) =>
        h('li', { class: `gk-rules-chip${item.key ? '' : ' gk-rules-chip-fixed'}`, attrs: { title: item.key ? undefined : localize.text('rules-editor-compound') } }, [
          h('span', { text: item.text }),
          item.key
            ? h('button', {
                class: 'gk-rules-chip-remove',
                text: '×',
                attrs: { type: 'button', 'aria-label': localize.text('rules-editor-remove', { item: item.text }) },
                on: { click: () => onEdit({ kind: 'gate-remove', stage: stage.index, list, value: item.key! }) },
              })
            : null,
        ]),
      ),
      items.length === 0 ? h('li', { class: 'gk-rules-chips-none', text: localize.text('rules-editor-gate-none') }) : null,
    ]),
    add,
  ]);
}
